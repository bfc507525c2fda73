//! Prints every finding sluice-detect reports on a corpus (and, optionally,
//! on the CRS regression requests), one line per payload, so that two builds
//! can be compared with `diff`: a change meant only to make scanning faster
//! must leave this output byte for byte the same.
//!
//! ```sh
//! cargo run -p detect-eval --release --bin findings -- corpus bench/detect-eval/holdout/corpus \
//!   --crs ../shared/corpora/crs-regression > findings.txt
//! ```
//!
//! Each line holds the payload's id, the verdict (threat, score, action) and
//! every finding's rule, span, action and decoding path.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use detect_eval::engines::input_kind;
use detect_eval::{corpus, crs};
use sluice_detect::{Detector, InputKind, Verdict};

#[derive(Parser)]
#[command(about = "Every finding of sluice-detect on a corpus, for diffing two builds")]
struct Args {
    /// Directories of labelled *.jsonl files.
    corpora: Vec<PathBuf>,
    /// Directory of the CRS regression tests: each request part is scanned too.
    #[arg(long)]
    crs: Option<PathBuf>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("findings: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// One verdict on one line.
fn line(id: &str, v: &Verdict) -> String {
    let mut s = format!("{id}\t{} {} {:?}", v.threat, v.score, v.action);
    for f in &v.findings {
        let via: Vec<&str> = f.decoded_via.iter().map(|d| d.as_str()).collect();
        let _ = write!(
            s,
            "\t{} {}..{} {:?} {:?} [{}] {:?}",
            f.rule_id,
            f.start,
            f.end,
            f.severity,
            f.action,
            via.join(","),
            f.excerpt
        );
    }
    s
}

fn run() -> anyhow::Result<()> {
    let args = Args::parse();
    let detector = Detector::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for dir in &args.corpora {
        for s in corpus::load_dir(dir)? {
            let id = format!("{}:{}", dir.display(), s.id());
            let bytes = s.text.as_bytes();
            writeln!(out, "{}", line(&id, &detector.scan(bytes)))?;
            // The same payload as each kind of request part, so that the
            // JSON, form and query paths of the engine are covered too.
            for kind in [InputKind::Text, InputKind::Query, InputKind::Json] {
                writeln!(
                    out,
                    "{}",
                    line(&format!("{id}:{kind:?}"), &detector.scan_as(bytes, kind))
                )?;
            }
        }
    }
    if let Some(dir) = &args.crs {
        for t in crs::load(dir)? {
            for (i, part) in t.parts().iter().enumerate() {
                let v = detector.scan_as(&part.raw, input_kind(part.kind));
                writeln!(out, "{}", line(&format!("crs:{}:{i}", t.id()), &v))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

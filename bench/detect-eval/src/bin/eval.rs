//! Evaluates sluice-detect (and peers) on the labelled corpus and the OWASP CRS
//! regression tests.
//!
//! ```sh
//! cargo run -p detect-eval --release --bin eval -- corpus
//! cargo run -p detect-eval --release --bin eval -- corpus --json
//! cargo run -p detect-eval --release --bin eval -- corpus --export target/peers   # for peers/run.sh
//! cargo run -p detect-eval --release --bin eval -- corpus --peers target/peers    # add peer results
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use detect_eval::corpus;
use detect_eval::crs::{self, CrsTest};
use detect_eval::engines::{self, Outcome};
use detect_eval::metrics::{self, Report};
use detect_eval::peers;

#[derive(Parser)]
#[command(
    about = "Precision, recall, F1 and false-positive rate per category, and CRS regression coverage"
)]
struct Args {
    /// Directory of labelled *.jsonl files.
    #[arg(default_value = "corpus")]
    corpus: PathBuf,
    /// Directory of CRS regression tests (default: ../shared/corpora/crs-regression when present).
    #[arg(long)]
    crs: Option<PathBuf>,
    /// Skip the CRS regression tests.
    #[arg(long)]
    no_crs: bool,
    /// Print the reports as JSON instead of tables.
    #[arg(long)]
    json: bool,
    /// Write the payloads for the out-of-process peers into this directory and exit.
    #[arg(long)]
    export: Option<PathBuf>,
    /// Read peer results (results-*.tsv, speed-*.json) from this directory.
    #[arg(long)]
    peers: Option<PathBuf>,
    /// A sluice rules file (TOML) to load into the detector.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Print up to N misses and N false positives per engine.
    #[arg(long, default_value_t = 0)]
    misses: usize,
    /// Print up to N missed CRS requests per rule group (decoded values) per engine.
    #[arg(long, default_value_t = 0)]
    crs_misses: usize,
    /// Only evaluate engines whose name contains this string.
    #[arg(long)]
    only: Option<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn load_crs(args: &Args) -> anyhow::Result<Vec<CrsTest>> {
    if args.no_crs {
        return Ok(Vec::new());
    }
    match &args.crs {
        Some(dir) => crs::load(dir),
        None if Path::new(crs::DEFAULT_DIR).is_dir() => crs::load(Path::new(crs::DEFAULT_DIR)),
        None => Ok(Vec::new()),
    }
}

fn run() -> anyhow::Result<()> {
    let args = Args::parse();
    let samples = corpus::load_dir(&args.corpus)?;
    let crs = load_crs(&args)?;
    if let Some(dir) = &args.export {
        peers::export(dir, &samples, &crs)?;
        eprintln!(
            "wrote {} corpus lines and {} CRS requests to {}",
            samples.len(),
            crs.len(),
            dir.display()
        );
        return Ok(());
    }

    let mut reports: Vec<Report> = Vec::new();
    for engine in engines::builtin(args.rules.as_deref())? {
        if args
            .only
            .as_deref()
            .is_some_and(|o| !engine.name().contains(o))
        {
            continue;
        }
        let outcomes: Vec<Outcome> = samples
            .iter()
            .map(|s| engine.scan_text(s.text.as_bytes()))
            .collect();
        let crs_outcomes: Vec<Outcome> = crs.iter().map(|t| engine.scan_request(t)).collect();
        if args.crs_misses > 0 {
            print_crs_misses(&engine.name(), &crs, &crs_outcomes, args.crs_misses);
        }
        reports.push(metrics::evaluate(
            &engine.name(),
            engine.categorises(),
            engine.reports_pii(),
            &samples,
            &outcomes,
            &crs,
            &crs_outcomes,
        ));
    }
    let mut speeds = Vec::new();
    if let Some(dir) = &args.peers {
        for peer in peers::import(dir)? {
            if args.only.as_deref().is_some_and(|o| !peer.name.contains(o)) {
                continue;
            }
            let outcomes: Vec<Outcome> = samples.iter().map(|s| peer.get(&s.id())).collect();
            let crs_outcomes: Vec<Outcome> = crs.iter().map(|t| peer.get(&t.id())).collect();
            reports.push(metrics::evaluate(
                &peer.name,
                false,
                peer.reports_pii,
                &samples,
                &outcomes,
                &crs,
                &crs_outcomes,
            ));
        }
        speeds = peers::speeds(dir);
    }

    if args.json {
        let out = serde_json::json!({
            "corpus_lines": samples.len(),
            "crs_attack_requests": crs.len(),
            "reports": reports,
            "peer_speeds": speeds,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    println!(
        "corpus: {} lines from {}; CRS attack requests: {}",
        samples.len(),
        args.corpus.display(),
        if crs.is_empty() {
            "not run".to_string()
        } else {
            crs.len().to_string()
        }
    );
    for r in &reports {
        println!();
        print!("{}", metrics::render(r));
        if args.misses > 0 {
            for m in r.misses.iter().take(args.misses) {
                println!(
                    "  MISS {} [{}] {} :: {:?} (reported {:?})",
                    m.id, m.label, m.note, m.text, m.reported
                );
            }
            for m in r.false_positives.iter().take(args.misses) {
                println!(
                    "  FP   {} {} :: {:?} (reported {:?})",
                    m.id, m.note, m.text, m.reported
                );
            }
        }
    }
    if reports.len() > 1 {
        println!("\nComparison (attack columns: share reported as a threat; pii: PII recall):\n");
        print!("{}", metrics::render_comparison(&reports));
    }
    for s in &speeds {
        println!("peer speed: {s}");
    }
    Ok(())
}

fn print_crs_misses(engine: &str, crs: &[CrsTest], outcomes: &[Outcome], n: usize) {
    for g in crs::Group::ALL {
        let missed: Vec<_> = crs
            .iter()
            .zip(outcomes)
            .filter(|(t, o)| t.group == g && !o.threat)
            .collect();
        println!(
            "{engine}: {} missed {} CRS requests",
            g.label(),
            missed.len()
        );
        for (t, _) in missed.iter().take(n) {
            let values: Vec<String> = t
                .decoded_values()
                .iter()
                .map(|v| String::from_utf8_lossy(v).chars().take(120).collect())
                .filter(|v: &String| v != "OWASP CRS test agent")
                .collect();
            println!("  CRS-MISS {} :: {:?}", t.id(), values);
        }
    }
}

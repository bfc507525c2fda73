//! Fixed work for instruction counting: after a warm-up that builds every
//! lazily compiled automaton, scans the corpus lines `--passes` times and
//! the 1 MiB benign JSON body `--bodies` times inside `measured`, so that
//! callgrind can count only that function:
//!
//! ```sh
//! valgrind --tool=callgrind --toggle-collect='icount::measured*' \
//!   target/release/icount --corpus corpus
//! ```
//!
//! Wall-clock figures on a shared machine move by 2x between runs; the
//! instruction count of this fixed work does not.

use std::hint::black_box;
use std::path::PathBuf;

use clap::Parser;
use detect_eval::corpus;
use detect_eval::inputs::benign_json;
use sluice_detect::{Detector, InputKind};

#[derive(Parser)]
#[command(about = "Fixed scanning work for instruction counts")]
struct Args {
    /// Directory of labelled *.jsonl files (the short payloads).
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// Passes over every corpus line.
    #[arg(long, default_value_t = 1)]
    passes: u32,
    /// Scans of the 1 MiB benign JSON body.
    #[arg(long, default_value_t = 1)]
    bodies: u32,
    /// Scan this file as the JSON body instead of the built-in 1 MiB one.
    #[arg(long)]
    body: Option<PathBuf>,
}

/// The counted call; `work` alone is the warm-up.
#[inline(never)]
fn measured(detector: &Detector, lines: &[&[u8]], body: &[u8], passes: u32, bodies: u32) -> usize {
    work(detector, lines, body, passes, bodies)
}

#[inline(never)]
fn work(detector: &Detector, lines: &[&[u8]], body: &[u8], passes: u32, bodies: u32) -> usize {
    let mut n = 0;
    for _ in 0..passes {
        for l in lines {
            n += usize::from(detector.scan(l).threat);
        }
    }
    for _ in 0..bodies {
        n += detector.scan_as(body, InputKind::Json).findings.len();
    }
    n
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let samples = corpus::load_dir(&args.corpus)?;
    let detector = Detector::new();
    let lines: Vec<&[u8]> = samples.iter().map(|s| s.text.as_bytes()).collect();
    let benign: Vec<&str> = samples
        .iter()
        .filter(|s| s.label.is_none())
        .map(|s| s.text.as_str())
        .collect();
    let body = if let Some(p) = &args.body {
        std::fs::read(p)?
    } else if args.bodies > 0 {
        benign_json(&benign, 1 << 20)
    } else {
        Vec::new()
    };
    // Warm-up: every lazily built automaton and regex, and the scratch buffers.
    black_box(work(&detector, &lines, &body, 1, 1));
    let n = measured(
        &detector,
        black_box(&lines),
        black_box(&body),
        args.passes,
        args.bodies,
    );
    println!(
        "{n} ({} lines x {}, {} bytes x {})",
        lines.len(),
        args.passes,
        body.len(),
        args.bodies
    );
    Ok(())
}

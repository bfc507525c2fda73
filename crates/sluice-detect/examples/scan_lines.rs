//! Scans each line of standard input and prints its verdict as JSON.
//!
//! `cargo run -p sluice-detect --example scan_lines < payloads.txt`

use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let detector = sluice_detect::Detector::new();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let verdict = detector.scan(line.as_bytes());
        println!("{}", serde_json::to_string(&verdict)?);
    }
    Ok(())
}

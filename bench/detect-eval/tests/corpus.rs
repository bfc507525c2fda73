//! The bar from the detection spec, on the shipped corpus: recall of at least
//! 95% in every attack category (and PII) with at most 0.5% of the hard benign
//! lines flagged (attack or PII finding).

use std::path::Path;

use detect_eval::corpus;
use detect_eval::engines::{Engine, Sluice};
use detect_eval::metrics;
use sluice_detect::Detector;

// Ignored while the detectors mature; run with `cargo test -p detect-eval -- --ignored`.
// Whether it gates CI is decided when the detectors are integrated.
#[test]
#[ignore = "quality bar for sluice-detect; enable once the detectors meet it"]
fn shipped_corpus_meets_the_bar() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let samples = corpus::load_dir(&dir).expect("load corpus");
    let engine = Sluice::new(Detector::new());
    let outcomes: Vec<_> = samples
        .iter()
        .map(|s| engine.scan_text(s.text.as_bytes()))
        .collect();
    let report = metrics::evaluate("sluice", true, true, &samples, &outcomes, &[], &[]);
    println!("{}", metrics::render(&report));
    for m in report.misses.iter().chain(&report.false_positives).take(40) {
        println!(
            "  {} [{}] {} :: {:?} (reported {:?})",
            m.id, m.label, m.note, m.text, m.reported
        );
    }
    let mut failures = Vec::new();
    for row in &report.categories {
        if row.recall < 0.95 {
            failures.push(format!(
                "{} recall {:.1}% < 95%",
                row.category,
                row.recall * 100.0
            ));
        }
    }
    if report.fpr_any > 0.005 {
        failures.push(format!(
            "benign false-positive rate {:.2}% > 0.5%",
            report.fpr_any * 100.0
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("; "));
}

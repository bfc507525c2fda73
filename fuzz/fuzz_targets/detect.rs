//! The whole detect entry point never panics, and every finding points at a
//! real span of the input.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sluice_detect::{Detector, InputKind};

fn detector() -> &'static Detector {
    static D: OnceLock<Detector> = OnceLock::new();
    D.get_or_init(Detector::new)
}

const KINDS: [InputKind; 7] = [
    InputKind::Auto,
    InputKind::Text,
    InputKind::Json,
    InputKind::Form,
    InputKind::Query,
    InputKind::Header,
    InputKind::Path,
];

fuzz_target!(|data: &[u8]| {
    // The first byte picks how the rest is read.
    let Some((&sel, input)) = data.split_first() else {
        return;
    };
    let kind = KINDS[usize::from(sel) % KINDS.len()];
    let verdict = detector().scan_as(input, kind);
    let text = std::str::from_utf8(input).ok();
    for f in &verdict.findings {
        assert!(
            f.start <= f.end && f.end <= input.len(),
            "{f:?} out of range"
        );
        if let Some(t) = text {
            assert!(
                t.is_char_boundary(f.start) && t.is_char_boundary(f.end),
                "{f:?} splits a char"
            );
        }
        assert!(f.excerpt.len() <= sluice_detect::Finding::MAX_EXCERPT + 3);
    }
    assert_eq!(
        verdict.threat,
        verdict
            .findings
            .iter()
            .any(|f| f.category.is_attack() && f.action != sluice_detect::Action::Allow)
    );
    if let Some(t) = text {
        let r = detector().redact(t);
        assert!(r.count <= verdict.findings.len() || kind != InputKind::Text);
    }
});

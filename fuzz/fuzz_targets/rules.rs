//! A user rules file never panics the detector: it either builds, or fails
//! with a typed error; a detector built from it scans without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sluice_detect::Detector;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The rules file first, then a payload after a form feed, if any.
    let (rules, payload) = text.split_once('\u{c}').unwrap_or((text, "id=1' or 1=1--"));
    if let Ok(d) = Detector::builder().rules_toml(rules).build() {
        let v = d.scan(payload.as_bytes());
        for f in &v.findings {
            assert!(
                f.start <= f.end && f.end <= payload.len(),
                "{f:?} out of range"
            );
        }
        let _ = d.redact(payload);
        let _ = d.rules();
    }
});

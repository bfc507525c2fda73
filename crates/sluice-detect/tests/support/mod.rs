//! Helpers shared by the per-detector integration tests: the encodings an
//! attacker wraps a payload in, and assertions over every one of them.

// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use sluice_detect::{Category, Detector};

/// The encodings an attacker wraps a payload in; the detector must see through each.
pub fn encodings(payload: &str) -> Vec<(&'static str, String)> {
    let url: String = payload
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let double_url = url.replace('%', "%25");
    let html: String = payload
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                format!("&#{};", c as u32)
            }
        })
        .collect();
    let json_escaped: String = payload
        .chars()
        .map(|c| match c {
            '"' => "\\\"".to_string(),
            '\\' => "\\\\".to_string(),
            c if c.is_ascii_alphanumeric() || c == ' ' => c.to_string(),
            c => format!("\\u{:04x}", c as u32),
        })
        .collect();
    let json = format!("{{\"id\": 7, \"comment\": \"{json_escaped}\"}}");
    let fullwidth: String = payload
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            c => c,
        })
        .collect();
    let zero_width: String = payload
        .split(' ')
        .map(|w| {
            let mut out = String::new();
            for (i, c) in w.chars().enumerate() {
                if i == 2 && c.is_alphabetic() {
                    out.push('\u{200B}');
                }
                out.push(c);
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        ("plain", payload.to_string()),
        ("url", url),
        ("double-url", double_url),
        ("html", html),
        ("json", json),
        ("fullwidth", fullwidth),
        ("zero-width", zero_width),
    ]
}

pub fn rule_ids(detector: &Detector, input: &str, category: Category) -> Vec<String> {
    detector
        .scan(input.as_bytes())
        .findings
        .iter()
        .filter(|f| f.category == category)
        .map(|f| f.rule_id.to_string())
        .collect()
}

/// Asserts every payload is found in every encoding.
pub fn assert_found_everywhere(category: Category, payloads: &[&str]) {
    let detector = Detector::new();
    let mut missed = Vec::new();
    for p in payloads {
        for (how, input) in encodings(p) {
            if rule_ids(&detector, &input, category).is_empty() {
                missed.push(format!("{how}: {p:?} as {input:?}"));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "missed {} of them:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// Asserts no benign text yields a finding of `category`.
pub fn assert_clean(category: Category, texts: &[&str]) {
    let detector = Detector::new();
    let flagged: Vec<String> = texts
        .iter()
        .filter_map(|t| {
            let ids = rule_ids(&detector, t, category);
            (!ids.is_empty()).then(|| format!("{t:?}: {ids:?}"))
        })
        .collect();
    assert!(
        flagged.is_empty(),
        "false positives:\n{}",
        flagged.join("\n")
    );
}

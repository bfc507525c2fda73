//! PII and secrets through the public API: findings, exact spans, redaction.
use sluice_detect::{Category, Detector};

/// The encodings an attacker wraps a payload in; the detector must see through each.
fn encodings(payload: &str) -> Vec<(&'static str, String)> {
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

fn rule_ids(detector: &Detector, input: &str, category: Category) -> Vec<String> {
    detector
        .scan(input.as_bytes())
        .findings
        .iter()
        .filter(|f| f.category == category)
        .map(|f| f.rule_id.to_string())
        .collect()
}

/// Asserts every payload is found in every encoding.
fn assert_found_everywhere(category: Category, payloads: &[&str]) {
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
fn assert_clean(category: Category, texts: &[&str]) {
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

#[test]
fn pii_found_in_every_encoding() {
    assert_found_everywhere(
        Category::Pii,
        &[
            "mail anna.smith@example.com today",
            "call +1 (555) 123-4567",
            "card 4111 1111 1111 1111",
            "SSN 123-45-6789",
            "IBAN DE89 3704 0044 0532 0130 00",
            "key AKIAIOSFODNN7EXAMPLE",
            "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        ],
    );
}

#[test]
fn redaction_replaces_exactly_the_sensitive_spans() {
    let d = Detector::new();
    let r = d.redact("Mail anna@example.com or call +44 20 7946 0958, card 4111-1111-1111-1111.");
    assert_eq!(
        r.text,
        "Mail [REDACTED:email] or call [REDACTED:phone], card [REDACTED:card]."
    );
    assert_eq!(r.count, 3);
    let r = d.redact("DB_PASSWORD=s3cr3t!Pass host=db");
    assert_eq!(r.text, "DB_PASSWORD=[REDACTED:secret-assignment] host=db");
    let pem =
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    let r = d.redact(&format!("key:\n{pem}\nbye"));
    assert_eq!(r.text, "key:\n[REDACTED:private-key]\nbye");
}

#[test]
fn findings_locate_the_original_input() {
    let d = Detector::new();
    let input = "{\"user\": \"ann\", \"ssn\": \"123-45-6789\"}";
    let v = d.scan(input.as_bytes());
    let f = v
        .findings
        .iter()
        .find(|f| f.rule_id == "pii-ssn")
        .expect("ssn finding");
    assert_eq!(&input[f.start..f.end], "123-45-6789");
    assert!(!v.threat, "PII alone is not a threat");
}

#[test]
fn lookalikes_are_clean() {
    assert_clean(
        Category::Pii,
        &[
            "Released 2024-03-15 as v1.2.3",
            "Server 192.168.100.20 is down",
            "Order 555-123-4567 shipped",
            "ref 4111 1111 1111 1112",
            "ISBN 978-3-16-148410-0",
            "uuid 550e8400-e29b-41d4-a716-446655440000",
            "000-12-3456 is not a valid SSN",
            "logo@2x.png",
            "password: required",
            "api_key=your_api_key_here",
            "Forgot your password? Click here.",
            "It costs 1,234,567 dollars",
        ],
    );
}

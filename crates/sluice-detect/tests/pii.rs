//! PII and secrets through the public API: findings, exact spans, redaction.
mod support;

use sluice_detect::{Category, Detector};
use support::{assert_clean, assert_found_everywhere};

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

#[test]
fn redact_bytes_keeps_every_byte_but_the_pii() {
    let d = sluice_detect::Detector::new();
    let input = b"\xff\x00mail bob@example.com now\xc3\x28 end";
    let r = d.redact_bytes(input);
    assert_eq!(r.count, 1);
    assert_eq!(r.bytes, b"\xff\x00mail [REDACTED:email] now\xc3\x28 end");
    // Text gives the same answer as the `&str` form.
    let text = "call +44 20 7946 0958 or ana@example.org";
    assert_eq!(
        d.redact_bytes(text.as_bytes()).bytes,
        d.redact(text).text.into_bytes()
    );
}

#[test]
fn a_wifi_code_cut_inside_a_character_does_not_panic() {
    // The field scan stops at a fixed window; its end may fall inside a
    // multi-byte character.
    for pad in 0..4 {
        let text = format!("WIFI:T:WPA;{}P:{};;", "x".repeat(pad), "é".repeat(300));
        let _ = Detector::new().scan(text.as_bytes());
        let _ = Detector::new().redact(&text);
    }
}

//! Large inputs built from corpus lines, shared by the throughput benchmark
//! and the instruction counter so that both measure the same body.

/// Benign JSON of at least `size` bytes: records made of the benign corpus lines.
pub fn benign_json(lines: &[&str], size: usize) -> Vec<u8> {
    let mut out = String::with_capacity(size + 4096);
    out.push_str("{\"records\":[");
    let mut i = 0usize;
    while out.len() < size {
        if i > 0 {
            out.push(',');
        }
        let line = lines[i % lines.len()];
        let rec = serde_json::json!({
            "id": i,
            "active": !i.is_multiple_of(3),
            "score": (i * 37 % 1000) as f64 / 10.0,
            "text": line,
            "tags": ["customer", "order", "2024"],
        });
        out.push_str(&rec.to_string());
        i += 1;
    }
    out.push_str("]}");
    out.into_bytes()
}

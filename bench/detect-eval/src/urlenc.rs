//! Minimal percent-encoding helpers for rebuilding requests.

/// Percent-encodes every byte outside the URL-unreserved set.
pub fn encode(input: &[u8]) -> String {
    let mut out = String::with_capacity(input.len() * 3);
    for &b in input {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes once (and `+` as space when `plus` is set); invalid
/// escapes are kept as they are.
pub fn decode(input: &[u8], plus: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let b = input[i];
        if b == b'%' && i + 2 < input.len() {
            if let (Some(h), Some(l)) = (hex(input[i + 1]), hex(input[i + 2])) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(if plus && b == b'+' { b' ' } else { b });
        i += 1;
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Splits `a=1&b=2` into decoded names and values (both are returned, since
/// attacks can sit in either).
pub fn form_fields(input: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for pair in input.split(|&b| b == b'&') {
        if pair.is_empty() {
            continue;
        }
        match pair.iter().position(|&b| b == b'=') {
            Some(eq) => {
                out.push(decode(&pair[..eq], true));
                out.push(decode(&pair[eq + 1..], true));
            }
            None => out.push(decode(pair, true)),
        }
    }
    out.retain(|v| !v.is_empty());
    out
}

/// Lower-case hex of `input`, as the ModSecurity harness reads it.
pub fn hex_encode(input: &[u8]) -> String {
    let mut out = String::with_capacity(input.len() * 2);
    for &b in input {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_round_trips_encode() {
        let s = b"a b&c=%'\x00\xff";
        assert_eq!(decode(encode(s).as_bytes(), false), s);
    }

    #[test]
    fn decode_keeps_bad_escapes() {
        assert_eq!(decode(b"100%", false), b"100%");
        assert_eq!(decode(b"%zz%4", false), b"%zz%4");
        assert_eq!(decode(b"a+b", true), b"a b");
    }

    #[test]
    fn form_fields_decodes_names_and_values() {
        assert_eq!(
            form_fields(b"a=1+2&b%3D=%27"),
            vec![
                b"a".to_vec(),
                b"1 2".to_vec(),
                b"b=".to_vec(),
                b"'".to_vec()
            ]
        );
    }
}

//! JavaScript and CSS escapes: `\x3c`, `\u003c`, `\u{3c}` and CSS `\3c `.

use super::{Decoding, OffsetMap, hex_val};

/// Decodes JavaScript hex/unicode escapes and CSS hex escapes. `\\` is kept as
/// it is (so `\\x41` stays literal). CSS escapes need at least two hex digits
/// and must not decode to a control character, which keeps Windows paths such
/// as `..\boot.ini` intact. Returns whether anything was decoded.
pub(crate) fn decode_js_escapes(input: &str, out: &mut String, map: &mut OffsetMap) -> bool {
    out.clear();
    map.clear();
    out.reserve(input.len());
    let b = input.as_bytes();
    let n = b.len();
    let mut changed = false;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'\\', &b[i..]) {
        let bs = i + off;
        i = bs + 1;
        if i >= n {
            break;
        }
        if b[i] == b'\\' {
            i += 1;
            continue;
        }
        let Some((c, end)) = escape_at(b, bs) else {
            continue;
        };
        out.push_str(&input[copied..bs]);
        let start = out.len();
        out.push(c);
        map.push(start, out.len(), bs, end, Decoding::JsEscape);
        copied = end;
        i = end;
        changed = true;
    }
    if copied < n {
        out.push_str(&input[copied..]);
    }
    changed
}

fn hex_run(b: &[u8], from: usize, max: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut j = from;
    while j < b.len() && j - from < max {
        match hex_val(b[j]) {
            Some(d) => v = v << 4 | u32::from(d),
            None => break,
        }
        j += 1;
    }
    (v, j)
}

fn escape_at(b: &[u8], bs: usize) -> Option<(char, usize)> {
    let n = b.len();
    let k = bs + 1;
    match b[k] {
        b'x' | b'X' => {
            let (v, j) = hex_run(b, k + 1, 2);
            (j == k + 3)
                .then(|| char::from_u32(v))
                .flatten()
                .map(|c| (c, j))
        }
        b'u' | b'U' if k + 1 < n && b[k + 1] == b'{' => {
            let (v, j) = hex_run(b, k + 2, 6);
            if j > k + 2 && j < n && b[j] == b'}' {
                char::from_u32(v).map(|c| (c, j + 1))
            } else {
                None
            }
        }
        b'u' | b'U' => {
            let (v, j) = hex_run(b, k + 1, 4);
            (j == k + 5)
                .then(|| char::from_u32(v))
                .flatten()
                .map(|c| (c, j))
        }
        _ => {
            let (v, mut j) = hex_run(b, k, 6);
            if j < k + 2 {
                return None;
            }
            let c = char::from_u32(v)?;
            if c.is_control() {
                return None;
            }
            // CSS swallows one whitespace character after the escape.
            if j < n && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                j += 1;
            }
            Some((c, j))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> String {
        let mut o = String::new();
        let mut m = OffsetMap::default();
        decode_js_escapes(s, &mut o, &mut m);
        o
    }

    #[test]
    fn js_forms() {
        assert_eq!(dec(r"\x3cscript\x3e"), "<script>");
        assert_eq!(dec(r"\u003cimg\u003E"), "<img>");
        assert_eq!(dec(r"\u{3c}\u{1F600}"), "<\u{1f600}");
        assert_eq!(dec(r"\u{110000}"), r"\u{110000}");
    }

    #[test]
    fn css_forms() {
        assert_eq!(dec(r"\3c script"), "<script");
        assert_eq!(dec(r"exp\72 ession("), "expression(");
        assert_eq!(dec(r"\00003c"), "<");
    }

    #[test]
    fn paths_and_literals_survive() {
        assert_eq!(dec(r"..\boot.ini"), r"..\boot.ini");
        assert_eq!(dec(r"C:\Windows\System32"), r"C:\Windows\System32");
        assert_eq!(dec(r"\\x41"), r"\\x41");
        assert_eq!(dec(r"\x4"), r"\x4");
        assert_eq!(dec("\\"), "\\");
    }
}

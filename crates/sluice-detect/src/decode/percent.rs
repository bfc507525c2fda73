//! Percent-decoding: `%XX`, IIS-style `%uXXXX`, and `+` as space in forms.

use super::{ByteOut, Decoding, OffsetMap, hex_val};

/// Decodes one level of percent-encoding from `input` into `out`.
///
/// Malformed escapes (`%zz`, a trailing `%`) are copied as they are. The
/// output may be invalid UTF-8 (`%ff`); the caller repairs that in a separate
/// layer so overlong forms such as `%c0%ae` can be recognised there. Returns
/// whether anything was decoded. The output is never longer than the input.
pub(crate) fn percent_decode<O: ByteOut>(
    input: &[u8],
    plus_space: bool,
    out: &mut O,
    map: &mut OffsetMap,
) -> bool {
    out.clear();
    map.clear();
    out.reserve(input.len());
    let mut changed = false;
    let mut i = 0;
    let n = input.len();
    while i < n {
        let rest = &input[i..];
        let next = if plus_space {
            memchr::memchr2(b'%', b'+', rest)
        } else {
            memchr::memchr(b'%', rest)
        };
        let Some(off) = next else {
            out.extend(rest);
            break;
        };
        out.extend(&rest[..off]);
        i += off;
        let b = input[i];
        if b == b'+' {
            map.push(out.len(), out.len() + 1, i, i + 1, Decoding::Url);
            out.push_byte(b' ');
            i += 1;
            changed = true;
            continue;
        }
        // b == '%'
        if i + 2 < n {
            if let (Some(h), Some(l)) = (hex_val(input[i + 1]), hex_val(input[i + 2])) {
                map.push(out.len(), out.len() + 1, i, i + 3, Decoding::Url);
                out.push_byte(h << 4 | l);
                i += 3;
                changed = true;
                continue;
            }
        }
        if i + 5 < n && (input[i + 1] == b'u' || input[i + 1] == b'U') {
            let mut v: u32 = 0;
            let mut ok = true;
            for &d in &input[i + 2..i + 6] {
                match hex_val(d) {
                    Some(x) => v = v << 4 | u32::from(x),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                if let Some(c) = char::from_u32(v) {
                    let start = out.len();
                    let mut buf = [0u8; 4];
                    out.extend(c.encode_utf8(&mut buf).as_bytes());
                    map.push(start, out.len(), i, i + 6, Decoding::Url);
                    i += 6;
                    changed = true;
                    continue;
                }
            }
        }
        out.push_byte(b'%');
        i += 1;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str, plus: bool) -> (Vec<u8>, bool) {
        let mut out = Vec::new();
        let mut map = OffsetMap::default();
        let c = percent_decode(s.as_bytes(), plus, &mut out, &mut map);
        (out, c)
    }

    #[test]
    fn basic_escapes() {
        assert_eq!(dec("%3Cscript%3e", false).0, b"<script>");
        assert_eq!(dec("a+b", true).0, b"a b");
        assert_eq!(dec("a+b", false), (b"a+b".to_vec(), false));
        assert_eq!(dec("%u003C", false).0, b"<");
        assert_eq!(dec("%uFF1C", false).0, "\u{ff1c}".as_bytes());
    }

    #[test]
    fn malformed_is_copied() {
        assert_eq!(dec("100%", false), (b"100%".to_vec(), false));
        assert_eq!(dec("%zz%4", false), (b"%zz%4".to_vec(), false));
        assert_eq!(dec("%u12", false), (b"%u12".to_vec(), false));
        assert_eq!(dec("%uD800", false), (b"%uD800".to_vec(), false));
    }

    #[test]
    fn double_encoding_needs_two_passes() {
        let (once, _) = dec("%253C", false);
        assert_eq!(once, b"%3C");
        let (twice, _) = dec(std::str::from_utf8(&once).unwrap(), false);
        assert_eq!(twice, b"<");
    }

    #[test]
    fn offsets_point_at_escapes() {
        let mut out = Vec::new();
        let mut map = OffsetMap::default();
        percent_decode(b"ab%27cd", false, &mut out, &mut map);
        assert_eq!(out, b"ab'cd");
        assert_eq!(map.map_start(2), 2);
        assert_eq!(map.map_end(3), 5);
        assert_eq!(map.map_start(3), 5);
        assert_eq!(map.map_end(5), 7);
    }
}

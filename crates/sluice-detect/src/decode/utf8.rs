//! Turning bytes into text: overlong UTF-8 forms are decoded to the character
//! they spell (servers that accept them see that character), any other invalid
//! sequence becomes U+FFFD.

use super::{Decoding, OffsetMap};

/// Converts `input` to UTF-8 text in `out`. Returns whether anything changed.
pub(crate) fn to_utf8_lossy(input: &[u8], out: &mut String, map: &mut OffsetMap) -> bool {
    out.clear();
    map.clear();
    let mut changed = false;
    let mut i = 0;
    while i < input.len() {
        match std::str::from_utf8(&input[i..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // The prefix is valid by construction; re-validating it is cheap
                // and keeps this crate free of unsafe code.
                out.push_str(std::str::from_utf8(&input[i..i + valid]).unwrap_or_default());
                i += valid;
                changed = true;
                let rest = &input[i..];
                let (c, len) = match overlong(rest) {
                    Some(x) => x,
                    None => ('\u{fffd}', e.error_len().unwrap_or(rest.len()).max(1)),
                };
                let start = out.len();
                out.push(c);
                map.push(start, out.len(), i, i + len, Decoding::Utf8);
                i += len;
            }
        }
    }
    changed
}

/// An overlong encoding at the start of `b`: the character and its length.
fn overlong(b: &[u8]) -> Option<(char, usize)> {
    let cont = |x: u8| x & 0xC0 == 0x80;
    match *b {
        [b0 @ (0xC0 | 0xC1), b1, ..] if cont(b1) => {
            char::from_u32(u32::from(b0 & 0x1F) << 6 | u32::from(b1 & 0x3F)).map(|c| (c, 2))
        }
        [0xE0, b1, b2, ..] if (0x80..0xA0).contains(&b1) && cont(b2) => {
            char::from_u32(u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F)).map(|c| (c, 3))
        }
        [0xF0, b1, b2, b3, ..] if (0x80..0x90).contains(&b1) && cont(b2) && cont(b3) => {
            char::from_u32(
                u32::from(b1 & 0x3F) << 12 | u32::from(b2 & 0x3F) << 6 | u32::from(b3 & 0x3F),
            )
            .map(|c| (c, 4))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(b: &[u8]) -> String {
        let mut s = String::new();
        let mut m = OffsetMap::default();
        to_utf8_lossy(b, &mut s, &mut m);
        s
    }

    #[test]
    fn overlong_dot_and_slash() {
        assert_eq!(conv(b"\xc0\xae\xc0\xae\xc0\xaf"), "../");
        assert_eq!(conv(b"\xe0\x80\xae"), ".");
        assert_eq!(conv(b"\xc1\x9c"), "\\");
    }

    #[test]
    fn invalid_becomes_replacement() {
        assert_eq!(conv(b"a\xffb"), "a\u{fffd}b");
        assert_eq!(conv(b"\xe2\x82"), "\u{fffd}");
        assert_eq!(conv("héllo".as_bytes()), "héllo");
    }

    #[test]
    fn offsets_map_back() {
        let mut s = String::new();
        let mut m = OffsetMap::default();
        to_utf8_lossy(b"ab\xffcd", &mut s, &mut m);
        let cd = s.find("cd").unwrap();
        assert_eq!(m.map_start(cd), 3);
        assert_eq!(m.map_end(s.len()), 5);
    }
}

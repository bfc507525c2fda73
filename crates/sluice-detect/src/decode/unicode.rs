//! Unicode normalisation: NFKC (fullwidth and other compatibility forms fold
//! to their plain letters) and removal of invisible characters that attackers
//! put inside keywords (zero-width, bidirectional controls, soft hyphen).

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use super::{Decoding, OffsetMap};

/// Characters with no visible rendering that split keywords without changing
/// what a reader (or a lenient parser) sees.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{e0000}'..='\u{e007f}')
}

/// Applies NFKC per character and drops invisible characters. ASCII text is
/// returned untouched without copying (`false`). Composition across
/// characters is not attempted: detection only needs compatibility folding.
pub(crate) fn normalize_unicode(input: &str, out: &mut String, map: &mut OffsetMap) -> bool {
    out.clear();
    map.clear();
    let b = input.as_bytes();
    if b.is_ascii() {
        return false;
    }
    let Some(first) = b.iter().position(|&x| x >= 0x80) else {
        return false;
    };
    // Cheap pre-check: most non-ASCII prose is already NFKC and has no
    // invisible characters. The rewrite below works per character, so a
    // per-character check says exactly whether it would change anything.
    let rest = &input[first..];
    if !rest.chars().any(|c| {
        !c.is_ascii() && (is_invisible(c) || is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes)
    }) {
        return false;
    }
    out.reserve(input.len());
    out.push_str(&input[..first]);
    let mut changed = false;
    for (off, c) in rest.char_indices() {
        let pos = first + off;
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let len = c.len_utf8();
        if is_invisible(c) {
            map.push(out.len(), out.len(), pos, pos + len, Decoding::Invisible);
            changed = true;
            continue;
        }
        if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
            out.push(c);
            continue;
        }
        let start = out.len();
        // Bounded: one character's compatibility decomposition is at most 18 chars.
        out.extend(std::iter::once(c).nfkc());
        if out.len() - start == len && out[start..].chars().eq(std::iter::once(c)) {
            continue;
        }
        map.push(start, out.len(), pos, pos + len, Decoding::Nfkc);
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Option<String> {
        let mut o = String::new();
        let mut m = OffsetMap::default();
        normalize_unicode(s, &mut o, &mut m).then_some(o)
    }

    #[test]
    fn fullwidth_folds() {
        assert_eq!(
            norm("ＳＥＬＥＣＴ ＜script＞").as_deref(),
            Some("SELECT <script>")
        );
    }

    #[test]
    fn invisible_removed() {
        assert_eq!(
            norm("sel\u{200b}ect un\u{feff}ion").as_deref(),
            Some("select union")
        );
        assert_eq!(norm("a\u{202e}b").as_deref(), Some("ab"));
    }

    #[test]
    fn ordinary_text_untouched() {
        assert_eq!(norm("plain ascii"), None);
        assert_eq!(norm("l’homme d’affaires, Grüße, 日本語"), None);
    }

    #[test]
    fn offsets() {
        let mut o = String::new();
        let mut m = OffsetMap::default();
        let input = "ａb\u{200b}c";
        assert!(normalize_unicode(input, &mut o, &mut m));
        assert_eq!(o, "abc");
        assert_eq!(m.map_start(0), 0);
        assert_eq!(m.map_end(1), 3);
        assert_eq!(m.map_start(2), 7);
        assert_eq!(m.map_end(3), 8);
    }
}

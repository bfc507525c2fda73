//! HTML character references: named (a common set), decimal and hex, with or
//! without the closing `;`, as browsers accept them.

use super::{Decoding, OffsetMap};

/// Longest entity name we look up; longer runs of letters are not entities.
const MAX_NAME: usize = 12;

/// The named references attackers and ordinary text use. `legacy` ones are
/// recognised without a trailing `;`, as browsers do.
fn named(name: &str) -> Option<(char, bool)> {
    let c = match name {
        "lt" | "LT" => ('<', true),
        "gt" | "GT" => ('>', true),
        "amp" | "AMP" => ('&', true),
        "quot" | "QUOT" => ('"', true),
        "nbsp" => ('\u{a0}', true),
        "copy" => ('\u{a9}', true),
        "reg" => ('\u{ae}', true),
        "apos" => ('\'', false),
        "colon" => (':', false),
        "semi" => (';', false),
        // Lower-case spellings are not HTML5, but lenient decoders accept them.
        "Tab" | "tab" => ('\t', false),
        "NewLine" | "newline" => ('\n', false),
        "sol" => ('/', false),
        "bsol" => ('\\', false),
        "lpar" => ('(', false),
        "rpar" => (')', false),
        "lsqb" | "lbrack" => ('[', false),
        "rsqb" | "rbrack" => (']', false),
        "lcub" | "lbrace" => ('{', false),
        "rcub" | "rbrace" => ('}', false),
        "equals" => ('=', false),
        "comma" => (',', false),
        "period" => ('.', false),
        "excl" => ('!', false),
        "quest" => ('?', false),
        "num" => ('#', false),
        "percnt" => ('%', false),
        "plus" => ('+', false),
        "dollar" => ('$', false),
        "ast" | "midast" => ('*', false),
        "grave" | "DiacriticalGrave" => ('`', false),
        "Hat" => ('^', false),
        "lowbar" | "UnderBar" => ('_', false),
        "verbar" | "vert" | "VerticalLine" => ('|', false),
        "commat" => ('@', false),
        "hyphen" | "dash" => ('-', false),
        "tilde" => ('~', false),
        "lsquo" => ('\u{2018}', false),
        "rsquo" => ('\u{2019}', false),
        "ldquo" => ('\u{201c}', false),
        "rdquo" => ('\u{201d}', false),
        "hellip" => ('\u{2026}', false),
        "ndash" => ('\u{2013}', false),
        "mdash" => ('\u{2014}', false),
        "euro" => ('\u{20ac}', false),
        _ => return None,
    };
    Some(c)
}

/// Decodes character references in `input` into `out`. Returns whether
/// anything was decoded. The output is never longer than the input.
pub(crate) fn decode_entities(input: &str, out: &mut String, map: &mut OffsetMap) -> bool {
    out.clear();
    map.clear();
    out.reserve(input.len());
    let b = input.as_bytes();
    let n = b.len();
    let mut changed = false;
    let mut i = 0;
    let mut copied = 0;
    while let Some(off) = memchr::memchr(b'&', &b[i..]) {
        let amp = i + off;
        i = amp + 1;
        let Some((c, end)) = reference_at(b, amp) else {
            continue;
        };
        out.push_str(&input[copied..amp]);
        let start = out.len();
        out.push(c);
        map.push(start, out.len(), amp, end, Decoding::HtmlEntity);
        copied = end;
        i = end;
        changed = true;
    }
    if copied < n {
        out.push_str(&input[copied..]);
    }
    changed
}

/// Parses a reference starting at the `&` at `amp`: the character and the end offset.
fn reference_at(b: &[u8], amp: usize) -> Option<(char, usize)> {
    let n = b.len();
    let mut j = amp + 1;
    if j < n && b[j] == b'#' {
        j += 1;
        let hex = j < n && (b[j] == b'x' || b[j] == b'X');
        if hex {
            j += 1;
        }
        let digits_start = j;
        let mut v: u32 = 0;
        while j < n {
            let d = if hex {
                super::hex_val(b[j]).map(u32::from)
            } else if b[j].is_ascii_digit() {
                Some(u32::from(b[j] - b'0'))
            } else {
                None
            };
            let Some(d) = d else { break };
            v = v
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            j += 1;
        }
        if j == digits_start {
            return None;
        }
        if j < n && b[j] == b';' {
            j += 1;
        }
        let c = match v {
            0 => '\u{fffd}',
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((c, j));
    }
    let name_start = j;
    while j < n && j - name_start < MAX_NAME && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == name_start {
        return None;
    }
    // The name is ASCII alphanumeric, so this slice is on char boundaries.
    let name = std::str::from_utf8(&b[name_start..j]).ok()?;
    if j < n && b[j] == b';' {
        if let Some((c, _)) = named(name) {
            return Some((c, j + 1));
        }
    }
    // Without `;` browsers accept the legacy names, even as a prefix ("&ltscript").
    for len in (2..=name.len().min(4)).rev() {
        if let Some((c, true)) = named(&name[..len]) {
            return Some((c, name_start + len));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> String {
        let mut o = String::new();
        let mut m = OffsetMap::default();
        decode_entities(s, &mut o, &mut m);
        o
    }

    #[test]
    fn named_decimal_hex() {
        assert_eq!(dec("&lt;script&gt;"), "<script>");
        assert_eq!(dec("&#60;&#x3C;&#X3c;"), "<<<");
        assert_eq!(dec("jav&#x09;ascript&colon;"), "jav\tascript:");
        assert_eq!(dec("&#0000106;"), "j");
    }

    #[test]
    fn missing_semicolons() {
        assert_eq!(dec("&#60script&#62"), "<script>");
        assert_eq!(dec("&ltscript&gt"), "<script>");
        assert_eq!(dec("&#x6a&#x61"), "ja");
    }

    #[test]
    fn ordinary_ampersands_stay() {
        assert_eq!(dec("Tom & Jerry"), "Tom & Jerry");
        assert_eq!(dec("a=1&b=2&c"), "a=1&b=2&c");
        assert_eq!(dec("&unknown;"), "&unknown;");
        assert_eq!(dec("&#;"), "&#;");
        assert_eq!(dec("&"), "&");
    }

    #[test]
    fn out_of_range_is_replacement() {
        assert_eq!(dec("&#99999999999;"), "\u{fffd}");
        assert_eq!(dec("&#xD800;"), "\u{fffd}");
        assert_eq!(dec("&#0;"), "\u{fffd}");
    }
}

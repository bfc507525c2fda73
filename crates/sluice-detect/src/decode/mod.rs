//! Decoding and normalisation layers.
//!
//! Every layer reads a text and writes a new one plus an [`OffsetMap`] from
//! the new text back to the text it read. Layers are single forward passes
//! with bounded look-ahead, so each is linear in its input, and none of them
//! makes its output longer than a small constant factor of its input (most
//! only shrink it).

mod base64;
mod html;
mod js;
mod percent;
mod segment;
mod unicode;
mod utf8;

pub(crate) use base64::for_each_text as for_each_base64_text;
pub(crate) use html::decode_entities;
pub(crate) use js::decode_js_escapes;
pub(crate) use percent::percent_decode;
pub(crate) use segment::{
    NoMap, TextLen, expand_nested_json, extract_form, extract_header, extract_json,
    looks_like_form, looks_like_json,
};
pub(crate) use unicode::{normalize_text, warm_up};
pub(crate) use utf8::to_utf8_lossy;

use serde::{Deserialize, Serialize};

/// One decoding or normalisation step that an input went through before a
/// detector saw the text behind a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Decoding {
    /// The text is a string key or value of a JSON document, unescaped.
    Json,
    /// Percent-decoding (`%3C`, `%u003C`, `+` as space in forms and queries).
    Url,
    /// HTML character references (`&lt;`, `&#60;`, `&#x3c;`, with or without `;`).
    HtmlEntity,
    /// JavaScript and CSS escapes (`\x3c`, `\u003c`, `\u{3c}`, `\3c `).
    JsEscape,
    /// Overlong or otherwise invalid UTF-8 (`%c0%ae` is `.`).
    Utf8,
    /// Unicode compatibility normalisation (NFKC: fullwidth `ｓｅｌｅｃｔ` is `select`).
    Nfkc,
    /// Removal of zero-width and bidirectional control characters.
    Invisible,
    /// Base64 (standard or URL-safe alphabet, padded or not) that decodes to
    /// text: session cookies, JWT segments, encoded instructions.
    Base64,
}

impl Decoding {
    /// The stable name of the step, as used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Decoding::Json => "json",
            Decoding::Url => "url",
            Decoding::HtmlEntity => "html_entity",
            Decoding::JsEscape => "js_escape",
            Decoding::Utf8 => "utf8",
            Decoding::Nfkc => "nfkc",
            Decoding::Invisible => "invisible",
            Decoding::Base64 => "base64",
        }
    }
}

/// A stretch of output that did not come from a same-length copy of the input:
/// an escape sequence, a deletion, or a jump over skipped input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) out_start: usize,
    pub(crate) out_end: usize,
    pub(crate) in_start: usize,
    pub(crate) in_end: usize,
    pub(crate) kind: Decoding,
}

/// Maps byte offsets of a layer's output back to its input.
///
/// Only transformed stretches are stored; bytes between them were copied, so
/// they map by their distance from the previous piece. Memory is proportional
/// to the number of escapes, never more than the input length.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// Records that output `out_start..out_end` came from input `in_start..in_end`.
    /// Pieces must be pushed in output order.
    pub(crate) fn push(
        &mut self,
        out_start: usize,
        out_end: usize,
        in_start: usize,
        in_end: usize,
        kind: Decoding,
    ) {
        self.pieces.push(Piece {
            out_start,
            out_end,
            in_start,
            in_end,
            kind,
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// The kind of the first transformation, if any.
    pub(crate) fn first_kind(&self) -> Option<Decoding> {
        self.pieces.first().map(|p| p.kind)
    }

    pub(crate) fn clear(&mut self) {
        self.pieces.clear();
    }

    /// A map with room for `pieces` pieces.
    pub(crate) fn with_capacity(pieces: usize) -> OffsetMap {
        OffsetMap {
            pieces: Vec::with_capacity(pieces),
        }
    }

    /// Appends the pieces of `other`, a map of a piece of text that starts at
    /// output offset `out_shift` and input offset `in_shift` of this map's
    /// text.
    pub(crate) fn append_shifted(&mut self, other: &OffsetMap, out_shift: usize, in_shift: usize) {
        self.pieces.extend(other.pieces.iter().map(|p| Piece {
            out_start: p.out_start + out_shift,
            out_end: p.out_end + out_shift,
            in_start: p.in_start + in_shift,
            in_end: p.in_end + in_shift,
            kind: p.kind,
        }));
    }

    /// Frees the storage when it holds room for more than `max_pieces`.
    pub(crate) fn shrink(&mut self, max_pieces: usize) {
        if self.pieces.capacity() > max_pieces {
            self.pieces = Vec::new();
        }
    }

    fn locate(&self, p: usize) -> Result<&Piece, Option<&Piece>> {
        let idx = self.pieces.partition_point(|pc| pc.out_end <= p);
        match self.pieces.get(idx) {
            Some(pc) if pc.out_start <= p => Ok(pc),
            _ => Err(idx.checked_sub(1).map(|i| &self.pieces[i])),
        }
    }

    /// Input offset of the output byte at `p` (start of a span).
    pub(crate) fn map_start(&self, p: usize) -> usize {
        match self.locate(p) {
            Ok(pc) => pc.in_start,
            Err(Some(prev)) => prev.in_end + (p - prev.out_end),
            Err(None) => p,
        }
    }

    /// Input offset just past the output byte before `end` (end of a span).
    pub(crate) fn map_end(&self, end: usize) -> usize {
        if end == 0 {
            return self.map_start(0);
        }
        let q = end - 1;
        match self.locate(q) {
            Ok(pc) => pc.in_end,
            Err(Some(prev)) => prev.in_end + (q - prev.out_end) + 1,
            Err(None) => end,
        }
    }

    /// The kinds of transformation that touched output `start..end`, at most
    /// one of each, in no particular order.
    pub(crate) fn kinds_touching(&self, start: usize, end: usize, out: &mut Vec<Decoding>) {
        let from = self.pieces.partition_point(|pc| pc.out_end <= start);
        for pc in &self.pieces[from..] {
            if pc.out_start >= end.max(start + 1) {
                break;
            }
            if (pc.out_start != pc.out_end || pc.out_start > start) && !out.contains(&pc.kind) {
                out.push(pc.kind);
            }
            if out.len() >= 7 {
                break;
            }
        }
    }
}

/// Value of an ASCII hex digit.
#[inline]
pub(crate) fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A growable byte buffer a byte-level decoder writes into: a `Vec` for
/// small inputs, a pooled buffer for large ones.
pub(crate) trait ByteOut {
    fn push_byte(&mut self, b: u8);
    fn extend(&mut self, s: &[u8]);
    fn len(&self) -> usize;
    fn clear(&mut self);
    fn reserve(&mut self, additional: usize);
}

impl ByteOut for Vec<u8> {
    fn push_byte(&mut self, b: u8) {
        self.push(b);
    }
    fn extend(&mut self, s: &[u8]) {
        self.extend_from_slice(s);
    }
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn reserve(&mut self, additional: usize) {
        Vec::reserve(self, additional);
    }
}

impl ByteOut for sluice_pool::PooledBuf {
    fn push_byte(&mut self, b: u8) {
        self.extend_from_slice(&[b]);
    }
    fn extend(&mut self, s: &[u8]) {
        self.extend_from_slice(s);
    }
    fn len(&self) -> usize {
        sluice_pool::PooledBuf::len(self)
    }
    fn clear(&mut self) {
        sluice_pool::PooledBuf::clear(self);
    }
    fn reserve(&mut self, additional: usize) {
        sluice_pool::PooledBuf::reserve(self, additional);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_map_without_pieces() {
        let m = OffsetMap::default();
        assert_eq!(m.map_start(5), 5);
        assert_eq!(m.map_end(7), 7);
    }

    #[test]
    fn escape_piece_maps_to_whole_escape() {
        // input "a%3Cb" -> output "a<b"
        let mut m = OffsetMap::default();
        m.push(1, 2, 1, 4, Decoding::Url);
        assert_eq!(m.map_start(0), 0);
        assert_eq!(m.map_start(1), 1);
        assert_eq!(m.map_end(2), 4);
        assert_eq!(m.map_start(2), 4);
        assert_eq!(m.map_end(3), 5);
        let mut k = Vec::new();
        m.kinds_touching(0, 3, &mut k);
        assert_eq!(k, vec![Decoding::Url]);
        k.clear();
        m.kinds_touching(2, 3, &mut k);
        assert!(k.is_empty());
    }

    #[test]
    fn deletion_and_jump() {
        // input "ab\u{200b}cd" (zero width is 3 bytes) -> "abcd"
        let mut m = OffsetMap::default();
        m.push(2, 2, 2, 5, Decoding::Invisible);
        assert_eq!(m.map_start(2), 5);
        assert_eq!(m.map_end(2), 2);
        assert_eq!(m.map_end(4), 7);
        // a leading jump anchors the first byte elsewhere
        let mut j = OffsetMap::default();
        j.push(0, 0, 0, 10, Decoding::Json);
        assert_eq!(j.map_start(0), 10);
        assert_eq!(j.map_end(3), 13);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn percent_encode_all(b: &[u8]) -> String {
        b.iter().map(|x| format!("%{x:02X}")).collect()
    }

    fn check_map(map: &OffsetMap, out_len: usize, in_len: usize) {
        let mut last = 0;
        for p in 0..=out_len {
            let s = map.map_start(p.min(out_len.saturating_sub(1)));
            let e = map.map_end(p);
            assert!(s <= in_len && e <= in_len, "p={p} s={s} e={e} in={in_len}");
            assert!(e >= last, "end offsets must not go backwards");
            last = e;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn percent_round_trip(data in proptest::collection::vec(any::<u8>(), 0..64)) {
            let enc = percent_encode_all(&data);
            let mut out = Vec::new();
            let mut map = OffsetMap::default();
            percent_decode(enc.as_bytes(), false, &mut out, &mut map);
            prop_assert_eq!(&out, &data);
            check_map(&map, out.len(), enc.len());
        }

        #[test]
        fn percent_never_grows(data in proptest::collection::vec(any::<u8>(), 0..256), plus in any::<bool>()) {
            let mut out = Vec::new();
            let mut map = OffsetMap::default();
            percent_decode(&data, plus, &mut out, &mut map);
            prop_assert!(out.len() <= data.len());
            check_map(&map, out.len(), data.len());
        }

        #[test]
        fn utf8_lossy_is_valid_and_bounded(data in proptest::collection::vec(any::<u8>(), 0..256)) {
            let mut out = String::new();
            let mut map = OffsetMap::default();
            to_utf8_lossy(&data, &mut out, &mut map);
            prop_assert!(out.len() <= data.len() * 3);
            check_map(&map, out.len(), data.len());
        }

        #[test]
        fn entity_round_trip(s in "\\PC{0,40}", hex in any::<bool>()) {
            let enc: String = s.chars().map(|c| if hex { format!("&#x{:x};", c as u32) } else { format!("&#{};", c as u32) }).collect();
            let mut out = String::new();
            let mut map = OffsetMap::default();
            decode_entities(&enc, &mut out, &mut map);
            let expect: String = s.chars().map(|c| if c == '\0' { '\u{fffd}' } else { c }).collect();
            prop_assert_eq!(out, expect);
        }

        #[test]
        fn js_round_trip(s in "[^\\\\]{0,40}") {
            let enc: String = s.chars().map(|c| format!("\\u{{{:x}}}", c as u32)).collect();
            let mut out = String::new();
            let mut map = OffsetMap::default();
            decode_js_escapes(&enc, &mut out, &mut map);
            prop_assert_eq!(out, s);
        }

        #[test]
        fn text_decoders_never_grow_and_map_in_range(s in "\\PC{0,80}|[&#x;0-9a-z\\\\%u{}]{0,80}") {
            let mut out = String::new();
            let mut map = OffsetMap::default();
            decode_entities(&s, &mut out, &mut map);
            prop_assert!(out.len() <= s.len());
            check_map(&map, out.len(), s.len());
            decode_js_escapes(&s, &mut out, &mut map);
            prop_assert!(out.len() <= s.len());
            check_map(&map, out.len(), s.len());
            if normalize_text(&s, &mut out, &mut map, true) {
                prop_assert!(out.len() <= s.len() * 18);
                check_map(&map, out.len(), s.len());
            }
        }

        #[test]
        fn json_extraction_never_panics(s in "[\\[\\]{}\",:\\\\u0-9a-f ntrue]{0,120}") {
            let mut out = String::new();
            let mut map = OffsetMap::default();
            if extract_json(&s, &mut out, &mut map).is_some() {
                prop_assert!(out.len() <= s.len());
                check_map(&map, out.len(), s.len());
            }
        }

        #[test]
        fn nested_json_maps_every_value_back_to_its_bytes(
            vals in proptest::collection::vec(
                prop_oneof![
                    "\\PC{0,20}",
                    proptest::collection::vec("\\PC{1,12}", 1..4)
                        .prop_map(|v| serde_json::to_string(&v).unwrap_or_default()),
                    "[\\[\\]{}\",:\\\\u0-9a-f ntrue]{0,30}",
                    // A GraphQL query with string arguments.
                    ("\\PC{1,12}", "\\PC{0,12}").prop_map(|(a, c)| format!(
                        "query {{ f(a: {}, b: 2) # {c}\n {{ g(c: \"\"\"{c}\"\"\") }} }}",
                        serde_json::to_string(&a).unwrap_or_default()
                    )),
                ],
                1..6,
            )
        ) {
            let text = vals.join("\0");
            let (mut out, mut map) = (String::new(), OffsetMap::default());
            let (mut tmp, mut tmp_map) = (String::new(), OffsetMap::default());
            if expand_nested_json(&text, &mut out, &mut map, &mut tmp, &mut tmp_map) {
                check_map(&map, out.len(), text.len());
                // Each value of the result, mapped back, is where the same
                // text (or its JSON-escaped form) sits in the input.
                let mut at = 0;
                for v in out.split('\0') {
                    if !v.is_empty() && !v.contains(['"', '\\']) && !v.chars().any(char::is_control) {
                        let (s, e) = (map.map_start(at), map.map_end(at + v.len()));
                        prop_assert_eq!(&text[s..e], v);
                    }
                    at += v.len() + 1;
                }
            }
        }

        #[test]
        fn json_strings_round_trip(vals in proptest::collection::vec("\\PC{0,20}", 1..5)) {
            let doc = serde_json::to_string(&vals).unwrap_or_default();
            let mut out = String::new();
            let mut map = OffsetMap::default();
            prop_assert!(extract_json(&doc, &mut out, &mut map).is_some());
            let expect: Vec<&str> = vals.iter().map(String::as_str).filter(|v| !v.is_empty()).collect();
            prop_assert_eq!(out, expect.join("\0"));
        }
    }
}

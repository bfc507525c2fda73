//! Splitting structured inputs into the values an application would see.
//!
//! The values are written one after another, separated by NUL, so that the
//! detectors run once over all of them while treating each value as the start
//! of a fresh context (a SQL fragment is analysed from the start of its value,
//! not from the middle of the previous one).

use super::{Decoding, OffsetMap, hex_val};

/// The separator between values.
pub(crate) const SEP: char = '\0';

/// Where an extractor records its offset pieces: an [`OffsetMap`], or
/// nowhere when the caller builds the map only if a finding needs it.
pub(crate) trait MapSink {
    fn push(&mut self, out_start: usize, out_end: usize, in_start: usize, in_end: usize);
    fn clear(&mut self);
}

impl MapSink for OffsetMap {
    #[inline]
    fn push(&mut self, out_start: usize, out_end: usize, in_start: usize, in_end: usize) {
        OffsetMap::push(self, out_start, out_end, in_start, in_end, Decoding::Json);
    }
    fn clear(&mut self) {
        OffsetMap::clear(self);
    }
}

/// No map at all: the extraction is re-run with an [`OffsetMap`] when one
/// is needed.
pub(crate) struct NoMap;

impl MapSink for NoMap {
    #[inline]
    fn push(&mut self, _: usize, _: usize, _: usize, _: usize) {}
    fn clear(&mut self) {}
}

/// Where an extractor writes the values: a `String`, or only their length
/// when the extraction is re-run to build its offset map.
pub(crate) trait TextSink {
    fn push_str(&mut self, s: &str);
    fn push(&mut self, c: char);
    fn len(&self) -> usize;
    fn clear(&mut self);
    fn reserve(&mut self, n: usize);
}

impl TextSink for String {
    #[inline]
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
    #[inline]
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
    #[inline]
    fn len(&self) -> usize {
        String::len(self)
    }
    fn clear(&mut self) {
        String::clear(self);
    }
    fn reserve(&mut self, n: usize) {
        String::reserve(self, n);
    }
}

/// Counts the bytes an extraction would write.
#[derive(Default)]
pub(crate) struct TextLen(pub(crate) usize);

impl TextSink for TextLen {
    #[inline]
    fn push_str(&mut self, s: &str) {
        self.0 += s.len();
    }
    #[inline]
    fn push(&mut self, c: char) {
        self.0 += c.len_utf8();
    }
    #[inline]
    fn len(&self) -> usize {
        self.0
    }
    fn clear(&mut self) {
        self.0 = 0;
    }
    fn reserve(&mut self, _: usize) {}
}

struct Writer<'a, M: MapSink, O: TextSink> {
    out: &'a mut O,
    map: &'a mut M,
    last_in_end: usize,
    segments: usize,
}

impl<'a, M: MapSink, O: TextSink> Writer<'a, M, O> {
    fn new(out: &'a mut O, map: &'a mut M) -> Self {
        out.clear();
        map.clear();
        Writer {
            out,
            map,
            last_in_end: 0,
            segments: 0,
        }
    }

    /// Starts a new value whose first byte is at input offset `at`.
    #[inline]
    fn begin(&mut self, at: usize) {
        if self.segments == 0 {
            if at != 0 {
                self.map.push(0, 0, 0, at);
            }
        } else {
            let o = self.out.len();
            self.out.push(SEP);
            self.map.push(o, o + 1, self.last_in_end, at);
        }
        self.segments += 1;
    }

    #[inline]
    fn end(&mut self, at: usize) {
        self.last_in_end = at;
    }

    /// Appends a whole value copied from `input[start..end]`.
    fn value(&mut self, input: &str, start: usize, end: usize) {
        if start < end {
            self.begin(start);
            self.out.push_str(&input[start..end]);
            self.end(end);
        }
    }
}

/// Whether `input` looks like a JSON document (starts with `{` or `[`).
pub(crate) fn looks_like_json(input: &str) -> bool {
    matches!(input.trim_start().as_bytes().first(), Some(b'{' | b'['))
}

/// Extracts every string (keys and values) of a JSON document, unescaped.
///
/// A single pass with no recursion, so deep nesting costs nothing extra.
/// Returns `None` when the input is not JSON after all (an invalid byte
/// outside strings, an invalid escape, an unterminated string); the caller
/// then scans it as text.
pub(crate) fn extract_json<M: MapSink, O: TextSink>(
    input: &str,
    out: &mut O,
    map: &mut M,
) -> Option<usize> {
    let b = input.as_bytes();
    let n = b.len();
    let mut w = Writer::new(out, map);
    // The values are at most as long as the document.
    w.out.reserve(n);
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c == b'"' {
            i = json_string(input, i + 1, &mut w)?;
        } else if JSON_OUTSIDE[usize::from(c)] {
            i += 1;
        } else {
            return None;
        }
    }
    Some(w.segments)
}

/// Whether `head`, the text of a value before its first `{`, opens a
/// GraphQL document: nothing, or an operation keyword (`query`,
/// `mutation`, `subscription`, `fragment`) and what follows it.
fn graphql_head(head: &str) -> bool {
    let h = head.trim_start();
    h.is_empty()
        || ["query", "mutation", "subscription", "fragment"]
            .iter()
            .any(|k| {
                h.strip_prefix(k)
                    .is_some_and(|r| r.is_empty() || !r.as_bytes()[0].is_ascii_alphanumeric())
            })
}

/// Splits a GraphQL document (`{ user(id: "...") }`) at its string
/// arguments: the text between them and each string, unescaped, become
/// values of their own, in order. A string's content is what a resolver
/// receives and may pass on to a database or a shell. Block strings
/// (`"""..."""`) are copied as they are; a `#` comment runs to the line
/// end. Returns `None` for a document with no strings or an unterminated
/// one.
pub(crate) fn extract_graphql<M: MapSink, O: TextSink>(
    input: &str,
    out: &mut O,
    map: &mut M,
) -> Option<usize> {
    let b = input.as_bytes();
    let mut w = Writer::new(out, map);
    w.out.reserve(b.len());
    let mut strings = 0;
    let mut i = 0;
    let mut outside = 0;
    while let Some(off) = memchr::memchr2(b'"', b'#', &b[i..]) {
        i += off;
        if b[i] == b'#' {
            i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p);
            continue;
        }
        w.value(input, outside, i);
        if b[i..].starts_with(b"\"\"\"") {
            let start = i + 3;
            let end = memchr::memmem::find(&b[start..], b"\"\"\"").map(|p| start + p)?;
            w.value(input, start, end);
            i = end + 3;
        } else {
            i = json_string(input, i + 1, &mut w)?;
        }
        strings += 1;
        outside = i;
    }
    w.value(input, outside, b.len());
    (strings > 0).then_some(w.segments)
}

/// Replaces every value of `text` (values are separated by NUL) that is
/// itself a JSON document by that document's strings, unescaped: the JSON
/// a queue or webhook carries as a string (an SNS `Message`, an SQS `body`,
/// a chat app's `payload` form field). Read as one long string instead,
/// its quotes and commas look like code (`\"IN\", \"` like a SQL list),
/// and its escapes hide what its strings say. One level deep; linear, since
/// only values that open with `{` or `[` are parsed, each once.
///
/// Writes the result to `out` with `map` leading back to `text` and returns
/// true when a value was replaced; otherwise leaves `out` and `map` in an
/// unspecified state and returns false. `tmp` and `tmp_map` are scratch.
pub(crate) fn expand_nested_json(
    text: &str,
    out: &mut String,
    map: &mut OffsetMap,
    tmp: &mut String,
    tmp_map: &mut OffsetMap,
) -> bool {
    let b = text.as_bytes();
    // `text[..copied]` is in `out` already.
    let mut copied = 0;
    let mut changed = false;
    let mut from = 0;
    while from < b.len() {
        let Some(off) = memchr::memchr2(b'{', b'[', &b[from..]) else {
            break;
        };
        let at = from + off;
        // `from` is a value's start, so the search back stays within one value.
        let start = memchr::memrchr(0, &b[from..at]).map_or(from, |p| from + p + 1);
        let end = memchr::memchr(0, &b[at..]).map_or(b.len(), |p| at + p);
        from = end + 1;
        let bare = b[start..at].iter().all(u8::is_ascii_whitespace);
        let seg = text[start..end].trim_end();
        let closes = match b[at] {
            b'{' => seg.ends_with('}'),
            _ => seg.ends_with(']'),
        };
        if !closes {
            continue;
        }
        // JSON first; a `{` document that is not JSON may be a GraphQL
        // query, whose string arguments are values of their own.
        let json = bare && extract_json(seg, tmp, tmp_map).is_some_and(|n| n > 0);
        let mut graphql = || {
            b[at] == b'{'
                && graphql_head(&text[start..at])
                && extract_graphql(seg, tmp, tmp_map).is_some()
        };
        if !json && !graphql() {
            continue;
        }
        if !changed {
            out.clear();
            map.clear();
            changed = true;
        }
        copy_mapped(text, copied, start, out, map);
        map.append_shifted(tmp_map, out.len(), start);
        out.push_str(tmp);
        copied = end;
    }
    if changed {
        copy_mapped(text, copied, b.len(), out, map);
    }
    changed
}

/// Appends `text[from..to]` to `out` unchanged, with a jump in `map` when
/// the output has drifted from the input.
fn copy_mapped(text: &str, from: usize, to: usize, out: &mut String, map: &mut OffsetMap) {
    let o = out.len();
    if o != from {
        map.push(o, o, from, from, Decoding::Json);
    }
    out.push_str(&text[from..to]);
}

/// The bytes allowed between JSON strings: whitespace, punctuation, and the
/// letters and digits of numbers, `true`, `false` and `null`.
static JSON_OUTSIDE: [bool; 256] = {
    let mut t = [false; 256];
    let ok = b" \t\n\r{}[]:,0123456789-+.eEtrufalsn";
    let mut i = 0;
    while i < ok.len() {
        t[ok[i] as usize] = true;
        i += 1;
    }
    t
};

/// Unescapes the JSON string whose content starts at `start`; returns the
/// offset after the closing quote.
fn json_string<M: MapSink, O: TextSink>(
    input: &str,
    start: usize,
    w: &mut Writer<'_, M, O>,
) -> Option<usize> {
    let b = input.as_bytes();
    let mut began = false;
    let mut copied = start;
    let mut i = start;
    loop {
        let off = memchr::memchr2(b'"', b'\\', &b[i..])?;
        i += off;
        if !began && (b[i] == b'\\' || i > start) {
            w.begin(start);
            began = true;
        }
        w.out.push_str(&input[copied..i]);
        if b[i] == b'"' {
            if began {
                w.end(i);
            }
            return Some(i + 1);
        }
        // Escape.
        let esc = *b.get(i + 1)?;
        let o = w.out.len();
        let (len, c) = match esc {
            b'"' => (2, '"'),
            b'\\' => (2, '\\'),
            b'/' => (2, '/'),
            b'b' => (2, '\u{8}'),
            b'f' => (2, '\u{c}'),
            b'n' => (2, '\n'),
            b'r' => (2, '\r'),
            b't' => (2, '\t'),
            b'u' => {
                let hi = hex4(b, i + 2)?;
                if (0xD800..0xDC00).contains(&hi)
                    && b.get(i + 6) == Some(&b'\\')
                    && b.get(i + 7) == Some(&b'u')
                {
                    let lo = hex4(b, i + 8)?;
                    if (0xDC00..0xE000).contains(&lo) {
                        let v = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        (12, char::from_u32(v).unwrap_or('\u{fffd}'))
                    } else {
                        (6, '\u{fffd}')
                    }
                } else {
                    (6, char::from_u32(hi).unwrap_or('\u{fffd}'))
                }
            }
            _ => return None,
        };
        w.out.push(c);
        w.map.push(o, w.out.len(), i, i + len);
        i += len;
        copied = i;
    }
}

fn hex4(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 4)?;
    s.iter()
        .try_fold(0u32, |v, &d| hex_val(d).map(|x| v << 4 | u32::from(x)))
}

/// Whether `input` looks like a URL query string or form body: no whitespace,
/// at least one `=`, and every key made of ordinary name characters. An
/// attack string such as `1'/**/or/**/'1'='1` has no such key and stays text.
pub(crate) fn looks_like_form(input: &str) -> bool {
    let b = input.as_bytes();
    if b.is_empty() || b.len() > 1 << 26 || !b.contains(&b'=') {
        return false;
    }
    let q = match memchr::memchr(b'?', b) {
        Some(p) if b[0] == b'/' => &b[p + 1..],
        _ => b,
    };
    if q.iter()
        .any(|c| c.is_ascii_whitespace() || c.is_ascii_control())
    {
        return false;
    }
    q.split(|&c| c == b'&').all(|part| {
        let key = match memchr::memchr(b'=', part) {
            Some(e) => &part[..e],
            None => part,
        };
        plain_form_key(key)
    })
}

/// Whether `key` is an ordinary form or query key: name characters, where a
/// `%XX` escape (also a double one, `%25XX`) must stand for a name character
/// too. `%3Cimg%20src` in `%3Cimg%20src=x%20onerror=alert(1)%3E` is markup
/// sent with raw `=` signs, not a key: split there, tag and handler would
/// never be read together.
fn plain_form_key(key: &[u8]) -> bool {
    let name = |c: u8| {
        c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'[' | b']' | b':' | b'$')
    };
    let mut i = 0;
    while i < key.len() {
        let c = key[i];
        if c == b'%' {
            let Some(mut d) = pct_byte(key, i) else {
                // A lone `%` is kept as before: not an escape of anything.
                i += 1;
                continue;
            };
            i += 3;
            if d == b'%' {
                match pct_byte(key, i - 1) {
                    Some(d2) => {
                        d = d2;
                        i += 2;
                    }
                    None => continue,
                }
            }
            if !name(d) {
                return false;
            }
        } else if name(c) || c == b'+' {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// Whether `key` reads as an HTML event-handler attribute name (`on` and
/// letters, `onerror`, `onFocus`).
fn handler_name(key: &[u8]) -> bool {
    key.len() >= 5
        && key[..2].eq_ignore_ascii_case(b"on")
        && key[2..].iter().all(u8::is_ascii_alphabetic)
}

/// The byte a `%XX` escape at `at` stands for.
fn pct_byte(b: &[u8], at: usize) -> Option<u8> {
    let h = b.get(at + 1..at + 3)?;
    Some(hex_val(h[0])? << 4 | hex_val(h[1])?)
}

/// Splits a query string or form body into keys and values (undecoded), plus
/// the path in front of a `?` when the input starts with `/`.
pub(crate) fn extract_form<M: MapSink, O: TextSink>(
    input: &str,
    out: &mut O,
    map: &mut M,
) -> usize {
    let b = input.as_bytes();
    let mut w = Writer::new(out, map);
    let mut q = 0;
    if let Some(p) = memchr::memchr(b'?', b) {
        if b.first() == Some(&b'/') || !b[..p].contains(&b'=') {
            w.value(input, 0, p);
            q = p + 1;
        }
    }
    let mut start = q;
    while start <= b.len() {
        let end = memchr::memchr(b'&', &b[start..]).map_or(b.len(), |e| start + e);
        match memchr::memchr(b'=', &b[start..end]) {
            Some(eq) => {
                w.value(input, start, start + eq);
                w.value(input, start + eq + 1, end);
                // A part whose "key" is no key (`%3Cimg%20src=x%20onerror=...`,
                // a payload as the first query parameter) is read whole as
                // well: split, its halves would only be scanned apart.
                // So is one whose key names an event-handler attribute
                // (`onfocus="alert(1)"`): the pair is markup, not a field.
                let key = &b[start..start + eq];
                if !plain_form_key(key) || handler_name(key) {
                    w.value(input, start, end);
                }
            }
            None => w.value(input, start, end),
        }
        start = end + 1;
    }
    w.segments
}

/// Splits a cookie-style header value (`a=b; c=d`) into names and values;
/// anything else is one value.
pub(crate) fn extract_header(input: &str, out: &mut String, map: &mut OffsetMap) -> usize {
    let b = input.as_bytes();
    let mut w = Writer::new(out, map);
    let cookie_like = b.contains(&b'=') && b.contains(&b';');
    if !cookie_like {
        w.value(input, 0, b.len());
        return w.segments;
    }
    let mut start = 0;
    while start <= b.len() {
        let end = memchr::memchr(b';', &b[start..]).map_or(b.len(), |e| start + e);
        let mut s = start;
        while s < end && b[s] == b' ' {
            s += 1;
        }
        match memchr::memchr(b'=', &b[s..end]) {
            Some(eq) => {
                w.value(input, s, s + eq);
                header_value(&mut w, input, s + eq + 1, end);
            }
            None => header_value(&mut w, input, s, end),
        }
        start = end + 1;
    }
    w.segments
}

/// One parameter value of a structured header. A list of quoted strings
/// (`"Chromium", "Not=A?Brand"`, RFC 8941) gives each string's content as a
/// value: read whole, the closing and opening quotes around the comma look
/// like a string broken out of, and `=` inside a brand name like a
/// comparison. Anything else, including text around or between the quotes,
/// stays one value, so an injection cannot hide behind a quote.
fn header_value(w: &mut Writer<'_, OffsetMap, String>, input: &str, start: usize, end: usize) {
    let b = &input.as_bytes()[..end];
    let skip_ws = |mut i: usize| {
        while i < end && matches!(b[i], b' ' | b'\t') {
            i += 1;
        }
        i
    };
    let mut items = [(0usize, 0usize); 8];
    let mut n = 0;
    let mut i = skip_ws(start);
    let list = loop {
        if i >= end || b[i] != b'"' || n == items.len() {
            break false;
        }
        let open = i + 1;
        i = open;
        while i < end && b[i] != b'"' {
            // A backslash quotes the next byte, so a `\"` does not close.
            i += if b[i] == b'\\' { 2 } else { 1 };
        }
        if i >= end {
            break false;
        }
        items[n] = (open, i);
        n += 1;
        i = skip_ws(i + 1);
        if i == end {
            break true;
        }
        if b[i] != b',' {
            break false;
        }
        i = skip_ws(i + 1);
    };
    if list {
        for &(a, z) in &items[..n] {
            w.value(input, a, z);
        }
    } else {
        w.value(input, start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> Option<String> {
        let mut o = String::new();
        let mut m = OffsetMap::default();
        extract_json(s, &mut o, &mut m).map(|_| o)
    }

    #[test]
    fn json_keys_and_values() {
        assert_eq!(
            json(r#"{"a": "x\u0027 or 1=1", "k\"ey": [1, true, null, "\u003cscript\u003e"]}"#)
                .as_deref(),
            Some("a\0x' or 1=1\0k\"ey\0<script>")
        );
        assert_eq!(json(r#"["\ud83d\ude00"]"#).as_deref(), Some("\u{1f600}"));
        assert_eq!(json(r#"{"": ""}"#).as_deref(), Some(""));
    }

    #[test]
    fn json_not_json() {
        assert_eq!(json("{' or 1=1"), None);
        assert_eq!(json(r#"{"a": "unterminated"#), None);
        assert_eq!(json(r#"{"a": "\q"}"#), None);
    }

    #[test]
    fn json_deep_nesting_is_fine() {
        let deep = "[".repeat(100_000) + "\"x\"" + &"]".repeat(100_000);
        assert_eq!(json(&deep).as_deref(), Some("x"));
    }

    #[test]
    fn json_offsets_map_into_strings() {
        let src = r#"{"name": "a\"b", "v": "cd"}"#;
        let mut o = String::new();
        let mut m = OffsetMap::default();
        extract_json(src, &mut o, &mut m).unwrap();
        assert_eq!(o, "name\0a\"b\0v\0cd");
        let cd = o.find("cd").unwrap();
        assert_eq!(&src[m.map_start(cd)..m.map_end(cd + 2)], "cd");
        let q = o.find('"').unwrap();
        assert_eq!(&src[m.map_start(q)..m.map_end(q + 1)], "\\\"");
        assert_eq!(&src[m.map_start(0)..m.map_end(4)], "name");
    }

    #[test]
    fn offsets_alone_match_the_full_extraction() {
        for src in [
            r#"{"name": "a\"b", "v": "cd", "": "", "e": "\u00e9\ud83d\ude00x"}"#,
            r#"  ["x", 1, "y\n", {"k": ["z"]}]"#,
        ] {
            let mut o = String::new();
            let mut full = OffsetMap::default();
            let n = extract_json(src, &mut o, &mut full);
            let mut len = TextLen::default();
            let mut alone = OffsetMap::default();
            assert_eq!(extract_json(src, &mut len, &mut alone), n);
            assert_eq!(len.0, o.len());
            assert_eq!(alone.pieces, full.pieces, "{src}");
        }
        let src = "/p?a=1&b=%3C&&c";
        let mut o = String::new();
        let mut full = OffsetMap::default();
        extract_form(src, &mut o, &mut full);
        let mut alone = OffsetMap::default();
        extract_form(src, &mut TextLen::default(), &mut alone);
        assert_eq!(alone.pieces, full.pieces);
    }

    #[test]
    fn form_detection() {
        assert!(looks_like_form("a=1&b=2"));
        assert!(looks_like_form("/search?q=%27+or+1%3D1"));
        assert!(!looks_like_form("1'/**/or/**/'1'='1"));
        assert!(!looks_like_form("a = 1"));
        assert!(!looks_like_form("plain"));
        // Encoded markup with raw `=` signs has no key in front of them.
        assert!(!looks_like_form("%3Csvg%20onload=alert(1)%3E"));
        assert!(!looks_like_form(
            "%253Cimg%2520src=x%2520onerror=alert(1)%253E"
        ));
        assert!(!looks_like_form("%22%3E%3Cb%20x=1"));
        // Escaped name characters and plain brackets stay keys.
        assert!(looks_like_form("user%5Bname%5D=kim&page%2Dsize=20&a%=1"));
    }

    #[test]
    fn form_part_without_a_key_stays_whole() {
        let split = |s: &str| {
            let mut o = String::new();
            let mut m = OffsetMap::default();
            extract_form(s, &mut o, &mut m);
            o
        };
        assert_eq!(
            split("/s?%3Cvideo%20src=1%20onerror=x()%3E&p=2"),
            "/s\0%3Cvideo%20src\x001%20onerror=x()%3E\0%3Cvideo%20src=1%20onerror=x()%3E\0p\x002"
        );
        assert_eq!(split("q=a b&x y=1"), "q\0a b\0x y\x001\0x y=1");
        assert_eq!(split("onblur=x()&id=3"), "onblur\0x()\0onblur=x()\0id\x003");
    }

    #[test]
    fn form_split() {
        let src = "/p?id=1'or'1'='1&x&y=";
        let mut o = String::new();
        let mut m = OffsetMap::default();
        extract_form(src, &mut o, &mut m);
        assert_eq!(o, "/p\0id\x001'or'1'='1\0x\0y");
        let v = o.find("1'or").unwrap();
        assert_eq!(m.map_start(v), src.find("1'or").unwrap());
    }

    #[test]
    fn header_split() {
        let mut o = String::new();
        let mut m = OffsetMap::default();
        extract_header("session=abc; theme=' or 1=1--", &mut o, &mut m);
        assert_eq!(o, "session\0abc\0theme\0' or 1=1--");
        extract_header("Mozilla/5.0 (X11)", &mut o, &mut m);
        assert_eq!(o, "Mozilla/5.0 (X11)");
    }

    #[test]
    fn header_quoted_lists_give_their_strings() {
        let split = |h: &str| {
            let mut o = String::new();
            let mut m = OffsetMap::default();
            extract_header(h, &mut o, &mut m);
            o
        };
        assert_eq!(
            split(r#""Chromium";v="118", "Not=A?Brand";v="99""#),
            "Chromium\x00v\x00118\x00Not=A?Brand\x00v\x0099"
        );
        // Text outside the quotes keeps the value whole.
        assert_eq!(
            split(r#"a=1; b="x" or "1"="1""#),
            "a\x001\x00b\x00\"x\" or \"1\"=\"1\""
        );
        assert_eq!(
            split(r#"a=1; b="x\"y", "z"#),
            "a\x001\x00b\x00\"x\\\"y\", \"z"
        );
        assert_eq!(split(r#"a=1; b="", "q""#), "a\x001\x00b\x00q");
    }
}

//! Which parts of a request body are screened, and as what.
//!
//! Binary content read as text is noise: a megabyte of JPEG holds, by
//! chance, byte runs such as `|ls` or `'--` that a detector must flag in
//! text. So a body whose declared type is opaque (images, archives, ...)
//! and which is not valid UTF-8 is not screened, and a multipart body is
//! screened part by part: field names, file names and text parts, but not
//! binary file contents. A body that claims an opaque type but is valid
//! UTF-8 is still screened: text is what an injection needs, and a false
//! label must not buy a pass. This follows the OWASP CRS, which inspects
//! upload file names but not upload contents.

use std::ops::Range;

use http::HeaderMap;
use http::header::CONTENT_TYPE;

use super::super::engine::InputKind;

/// A byte range of the body to screen, and how to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) range: Range<usize>,
    pub(crate) kind: InputKind,
}

/// Media types (lower case) matched exactly or, for entries ending in `*`,
/// by prefix.
#[derive(Debug, Clone, Default)]
pub(crate) struct OpaqueTypes {
    exact: Vec<String>,
    prefixes: Vec<String>,
}

impl OpaqueTypes {
    pub(crate) fn new(list: &[impl AsRef<str>]) -> Self {
        let mut t = Self::default();
        for e in list {
            let e = e.as_ref().trim().to_ascii_lowercase();
            match e.strip_suffix('*') {
                Some(p) => t.prefixes.push(p.to_owned()),
                None => t.exact.push(e),
            }
        }
        t
    }

    fn contains(&self, media: &str) -> bool {
        self.exact.iter().any(|e| e == media) || self.prefixes.iter().any(|p| media.starts_with(p))
    }
}

/// The media type of a `Content-Type` value, lower case, without parameters.
pub(crate) fn media_type(ct: &str) -> String {
    ct.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// How to read a payload of this media type.
pub(crate) fn kind_for(media: &str) -> InputKind {
    if media.contains("json") {
        InputKind::Json
    } else if media.starts_with("application/x-www-form-urlencoded") {
        InputKind::Form
    } else {
        InputKind::Auto
    }
}

/// A parameter of a header value such as `form-data; name="a"; filename=b`:
/// the byte range of its value in `line` (quotes excluded). Case-insensitive
/// on the name; `key*` (RFC 5987) counts as `key`.
fn param(line: &[u8], key: &str) -> Option<Range<usize>> {
    let mut i = 0;
    while i < line.len() {
        // Skip to the next `;`-separated parameter, past quoted strings.
        let start = i;
        let mut in_quotes = false;
        while i < line.len() {
            match line[i] {
                b'"' => in_quotes = !in_quotes,
                b'\\' if in_quotes => i += 1,
                b';' if !in_quotes => break,
                _ => {}
            }
            i += 1;
        }
        let p = &line[start..i.min(line.len())];
        i += 1;
        let Some(eq) = p.iter().position(|&b| b == b'=') else {
            continue;
        };
        let name = p[..eq].trim_ascii();
        let name = name.strip_suffix(b"*").unwrap_or(name);
        if !name.eq_ignore_ascii_case(key.as_bytes()) {
            continue;
        }
        let lead = p[eq + 1..].len() - p[eq + 1..].trim_ascii_start().len();
        let vs = start + eq + 1 + lead;
        let mut v = vs..(start + p.trim_ascii_end().len()).max(vs);
        if v.end > v.start + 1 && line[v.start] == b'"' && line[v.end - 1] == b'"' {
            v = v.start + 1..v.end - 1;
        }
        return Some(v);
    }
    None
}

/// The boundary parameter of a multipart `Content-Type` (case kept: it is
/// compared byte for byte).
fn boundary(ct: &str) -> Option<&str> {
    let r = param(ct.as_bytes(), "boundary")?;
    let b = &ct[r];
    // RFC 2046: 1 to 70 characters.
    (!b.is_empty() && b.len() <= 70).then_some(b)
}

/// What to screen in a body with these request headers.
pub(crate) fn pieces(headers: &HeaderMap, body: &[u8], opaque: &OpaqueTypes) -> Vec<Piece> {
    let ct = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media = media_type(ct);
    if media.starts_with("multipart/") {
        if let Some(parts) = boundary(ct).and_then(|b| multipart(body, b, opaque)) {
            return parts;
        }
    }
    if opaque.contains(&media) && std::str::from_utf8(body).is_err() {
        return Vec::new();
    }
    vec![Piece {
        range: 0..body.len(),
        kind: kind_for(&media),
    }]
}

/// The pieces of a multipart body, or `None` when no delimiter line is
/// found (the caller then screens the body whole).
fn multipart(body: &[u8], boundary: &str, opaque: &OpaqueTypes) -> Option<Vec<Piece>> {
    let delim = format!("--{boundary}");
    // A delimiter starts a line.
    let mut starts = memchr::memmem::find_iter(body, delim.as_bytes())
        .filter(|&i| i == 0 || body[i - 1] == b'\n');
    let first = starts.next()?;
    let mut out = Vec::new();
    // Parsers ignore the preamble and epilogue; screening them as text
    // keeps a lenient upstream parser from being a way around.
    let text = |r: Range<usize>, out: &mut Vec<Piece>| {
        if !body[r.clone()].trim_ascii().is_empty() {
            out.push(Piece {
                range: r,
                kind: InputKind::Auto,
            });
        }
    };
    text(0..first, &mut out);
    let mut at = first;
    loop {
        let after = at + delim.len();
        if body[after..].starts_with(b"--") {
            text(after + 2..body.len(), &mut out);
            return Some(out);
        }
        let next = starts.next();
        let mut end = next.unwrap_or(body.len());
        // The line break before the next delimiter belongs to it.
        if next.is_some() {
            end -= 1;
            if end > after && body[end - 1] == b'\r' {
                end -= 1;
            }
        }
        // The rest of the delimiter line (transport padding, line break).
        let head_start = match memchr::memchr(b'\n', &body[after..end.max(after)]) {
            Some(n) => after + n + 1,
            None => end.max(after),
        };
        part(body, head_start..end.max(head_start), opaque, &mut out);
        match next {
            Some(n) => at = n,
            None => return Some(out),
        }
    }
}

/// One multipart part: its `Content-Disposition` line (field and file
/// names), and its content unless
/// the content is binary and either a file upload or of an opaque type.
fn part(body: &[u8], r: Range<usize>, opaque: &OpaqueTypes, out: &mut Vec<Piece>) {
    let bytes = &body[r.clone()];
    let (head_len, content_at) = match memchr::memmem::find(bytes, b"\r\n\r\n") {
        Some(n) => (n, n + 4),
        None => match memchr::memmem::find(bytes, b"\n\n") {
            Some(n) => (n, n + 2),
            // No header block: all of it is content.
            None => (0, 0),
        },
    };
    let mut media = String::new();
    let mut is_file = false;
    let mut next_line_at = 0;
    for line in bytes[..head_len].split(|&b| b == b'\n') {
        let line_at = next_line_at;
        next_line_at += line.len() + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let name = line[..colon].trim_ascii();
        let value_at = colon + 1;
        if name.eq_ignore_ascii_case(b"content-disposition") {
            // The whole line, not the bare names: detectors read a
            // `filename="../x"` by its context.
            is_file = param(&line[value_at..], "filename").is_some();
            let s = r.start + line_at;
            out.push(Piece {
                range: s..s + line.len(),
                kind: InputKind::Text,
            });
        } else if name.eq_ignore_ascii_case(b"content-type") {
            media = media_type(&String::from_utf8_lossy(&line[value_at..]));
        }
    }
    let content = r.start + content_at..r.end;
    if content.is_empty() {
        return;
    }
    if std::str::from_utf8(&body[content.clone()]).is_err() && (is_file || opaque.contains(&media))
    {
        return;
    }
    out.push(Piece {
        range: content,
        kind: kind_for(&media),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateway::DEFAULT_OPAQUE_BODY_TYPES;
    use http::HeaderValue;

    fn headers(ct: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(CONTENT_TYPE, HeaderValue::from_str(ct).unwrap());
        h
    }

    fn default_opaque() -> OpaqueTypes {
        OpaqueTypes::new(DEFAULT_OPAQUE_BODY_TYPES)
    }

    fn texts<'a>(body: &'a [u8], pieces: &[Piece]) -> Vec<&'a [u8]> {
        pieces.iter().map(|p| &body[p.range.clone()]).collect()
    }

    #[test]
    fn binary_bodies_of_opaque_types_are_not_screened() {
        let body = b"\x89PNG\r\n\x1a\n\xff\xfe;id|ls'--";
        let o = default_opaque();
        assert!(pieces(&headers("image/png"), body, &o).is_empty());
        assert!(pieces(&headers("application/octet-stream"), body, &o).is_empty());
        // Not opaque by type: screened, whatever the bytes.
        assert_eq!(pieces(&headers("text/plain"), body, &o).len(), 1);
        assert_eq!(pieces(&HeaderMap::new(), body, &o).len(), 1);
        // Opaque by type but text: screened.
        let p = pieces(&headers("image/svg+xml"), b"<svg onload=alert(1)>", &o);
        assert_eq!(p.len(), 1);
        // An empty list screens everything.
        assert_eq!(
            pieces(
                &headers("image/png"),
                body,
                &OpaqueTypes::new(&[] as &[&str])
            )
            .len(),
            1
        );
    }

    #[test]
    fn content_types_choose_the_kind() {
        let o = default_opaque();
        let p = pieces(&headers("application/json; charset=utf-8"), b"{}", &o);
        assert_eq!(p[0].kind, InputKind::Json);
        let p = pieces(&headers("application/x-www-form-urlencoded"), b"a=b", &o);
        assert_eq!(p[0].kind, InputKind::Form);
    }

    #[test]
    fn multipart_screens_names_file_names_and_text_parts() {
        let body: &[u8] = b"preamble\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"comment\"\r\n\r\n\
hello ' or 1=1--\r\n\
--XyZ\r\n\
Content-Disposition: form-data; name=\"upload\"; filename=\"../../etc/passwd\"\r\n\
Content-Type: image/jpeg\r\n\r\n\
\xff\xd8\xff\xe0;id|ls\r\n\
--XyZ\r\n\
Content-Disposition: form-data; name=\"meta\"\r\n\
Content-Type: application/json\r\n\r\n\
{\"a\":\"b\"}\r\n\
--XyZ--\r\nepilogue";
        let p = pieces(
            &headers("multipart/form-data; boundary=XyZ"),
            body,
            &default_opaque(),
        );
        let t = texts(body, &p);
        assert_eq!(
            t,
            vec![
                &b"preamble\r\n"[..],
                b"Content-Disposition: form-data; name=\"comment\"",
                b"hello ' or 1=1--",
                b"Content-Disposition: form-data; name=\"upload\"; filename=\"../../etc/passwd\"",
                b"Content-Disposition: form-data; name=\"meta\"",
                b"{\"a\":\"b\"}",
                b"\r\nepilogue",
            ]
        );
        assert_eq!(p[5].kind, InputKind::Json);
    }

    #[test]
    fn multipart_text_uploads_and_unlabelled_binary_fields_are_screened() {
        let body: &[u8] = b"--b\n\
content-disposition: form-data; name=f; filename=a.txt\n\n\
<script>alert(1)</script>\n\
--b\n\
Content-Disposition: form-data; name=\"raw\"\n\n\
\xff' or 1=1--\n\
--b--";
        let p = pieces(
            &headers("multipart/form-data; boundary=\"b\""),
            body,
            &default_opaque(),
        );
        let t = texts(body, &p);
        assert_eq!(
            t,
            vec![
                &b"content-disposition: form-data; name=f; filename=a.txt"[..],
                b"<script>alert(1)</script>",
                b"Content-Disposition: form-data; name=\"raw\"",
                b"\xff' or 1=1--",
            ]
        );
    }

    #[test]
    fn multipart_without_a_delimiter_is_screened_whole() {
        let body = b"no parts here ' or 1=1";
        let p = pieces(
            &headers("multipart/form-data; boundary=zz"),
            body,
            &default_opaque(),
        );
        assert_eq!(
            p,
            vec![Piece {
                range: 0..body.len(),
                kind: InputKind::Auto
            }]
        );
        // No boundary parameter at all.
        let p = pieces(&headers("multipart/form-data"), body, &default_opaque());
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn unterminated_and_odd_multipart_never_panics() {
        let o = default_opaque();
        let h = headers("multipart/form-data; boundary=b");
        for body in [
            &b"--b"[..],
            b"--b\r\n",
            b"--b\r\n\r\n",
            b"--b\r\n--b",
            b"--b\r\ncontent-disposition: form-data; name=\"x\r\n\r\nv",
            b"--b\r\ncontent-disposition: ;;=;name=;filename=\"\"\r\n\r\n--b--",
            b"x\n--b\n--b\n--b--",
        ] {
            for p in pieces(&h, body, &o) {
                assert!(p.range.start <= p.range.end && p.range.end <= body.len());
            }
        }
    }
}

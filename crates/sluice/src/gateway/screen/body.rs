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
/// compared byte for byte). `None` when it is missing, too long, or given
/// twice (parsers would disagree on which one splits the body).
fn boundary(ct: &str) -> Option<&str> {
    let r = param(ct.as_bytes(), "boundary")?;
    if param(&ct.as_bytes()[r.end..], "boundary").is_some() {
        return None;
    }
    let b = &ct[r];
    // RFC 2046: 1 to 70 characters.
    (!b.is_empty() && b.len() <= 70).then_some(b)
}

/// What to screen in a body with these request headers.
pub(crate) fn pieces(headers: &HeaderMap, body: &[u8], opaque: &OpaqueTypes) -> Vec<Piece> {
    let whole = |kind| {
        vec![Piece {
            range: 0..body.len(),
            kind,
        }]
    };
    // Two Content-Type headers: the upstream may read either, so trust
    // neither and screen everything as text.
    if headers.get_all(CONTENT_TYPE).iter().nth(1).is_some() {
        return whole(InputKind::Auto);
    }
    let ct = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media = media_type(ct);
    if media.starts_with("multipart/") {
        if let Some(parts) = boundary(ct).and_then(|b| multipart(body, b)) {
            return parts;
        }
    }
    if opaque.contains(&media) && std::str::from_utf8(body).is_err() {
        return Vec::new();
    }
    whole(request_kind(&media))
}

/// How to screen a request body of this media type: JSON and forms as
/// such, `text/*` as possibly free text, anything else (no type, XML,
/// `application/octet-stream`) as a parameter the application reads as
/// data.
fn request_kind(media: &str) -> InputKind {
    match kind_for(media) {
        InputKind::Auto if !media.starts_with("text/") => InputKind::Value,
        k => k,
    }
}

/// The pieces of a multipart body, or `None` when it does not split
/// unambiguously (no delimiter line, a line that starts like a delimiter but
/// is not one, or delimiters after both CRLF and bare LF): the caller then
/// screens the body whole, since a parser could split it another way.
fn multipart(body: &[u8], boundary: &str) -> Option<Vec<Piece>> {
    let delim = format!("--{boundary}");
    let mut lines = Vec::new();
    let mut crlf = None;
    for i in memchr::memmem::find_iter(body, delim.as_bytes()) {
        if i > 0 && body[i - 1] != b'\n' {
            continue;
        }
        // The delimiter line: `--B`, then `--` (the last one), or optional
        // blanks and a line break.
        let mut j = i + delim.len();
        let last = body[j..].starts_with(b"--");
        if last {
            j += 2;
        }
        while j < body.len() && matches!(body[j], b' ' | b'\t') {
            j += 1;
        }
        let eol = match body.get(j) {
            Some(b'\n') => j + 1,
            Some(b'\r') if body.get(j + 1) == Some(&b'\n') => j + 2,
            None if last => j,
            _ => return None,
        };
        if i > 0 {
            let this = i >= 2 && body[i - 2] == b'\r';
            if *crlf.get_or_insert(this) != this {
                return None;
            }
        }
        lines.push((i, eol, last));
        if last {
            break;
        }
    }
    let &(first, _, _) = lines.first()?;
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
    for (n, &(_, eol, last)) in lines.iter().enumerate() {
        if last {
            text(eol..body.len(), &mut out);
            break;
        }
        let end = match lines.get(n + 1) {
            // The line break before the next delimiter belongs to it.
            Some(&(next, _, _)) => {
                let e = next - 1;
                if e > eol && body[e - 1] == b'\r' {
                    e - 1
                } else {
                    e
                }
            }
            None => body.len(),
        };
        part(body, eol..end.max(eol), &mut out);
    }
    Some(out)
}

/// One multipart part: its header block (field and file names, part type),
/// and its content unless the part is a file upload whose content is not
/// UTF-8. As `multipart/form-data` parsers do, a part is a file only when
/// its one `Content-Disposition` names a non-empty `filename`; a binary
/// field without one reaches the application as text, so it is screened.
fn part(body: &[u8], r: Range<usize>, out: &mut Vec<Piece>) {
    let bytes = &body[r.clone()];
    // The header block ends at the first empty line (`\r` ignored).
    let mut at = 0;
    let mut content_at = None;
    let mut dispositions = 0;
    let mut file = false;
    let mut kind = InputKind::Auto;
    while at < bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        let line = &bytes[at..nl];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            content_at = Some((at, (nl + 1).min(bytes.len())));
            break;
        }
        if let Some(colon) = line.iter().position(|&b| b == b':') {
            let name = line[..colon].trim_ascii();
            let value = &line[colon + 1..];
            if name.eq_ignore_ascii_case(b"content-disposition") {
                dispositions += 1;
                file = param(value, "filename").is_some_and(|v| !v.is_empty());
            } else if name.eq_ignore_ascii_case(b"content-type") {
                kind = request_kind(&media_type(&String::from_utf8_lossy(value)));
            }
        }
        at = nl + 1;
    }
    let Some((head_end, content_at)) = content_at else {
        // No header block: all of it is content, read as text.
        out.push(Piece {
            range: r,
            kind: InputKind::Auto,
        });
        return;
    };
    if head_end > 0 {
        out.push(Piece {
            range: r.start..r.start + head_end,
            kind: InputKind::Text,
        });
    }
    let content = r.start + content_at..r.end;
    if content.is_empty() {
        return;
    }
    if dispositions == 1 && file && std::str::from_utf8(&body[content.clone()]).is_err() {
        return;
    }
    // A form field with no type of its own is a parameter; an uploaded
    // file's text is guessed like a document.
    if file {
        if kind == InputKind::Value {
            kind = InputKind::Auto;
        }
    } else if kind == InputKind::Auto {
        kind = InputKind::Value;
    }
    out.push(Piece {
        range: content,
        kind,
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
    fn multipart_screens_headers_and_text_parts() {
        let body: &[u8] = b"preamble\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"comment\"\r\n\r\n\
hello ' or 1=1--\r\n\
--XyZ\r\n\
Content-Disposition: form-data; name=\"upload\"; filename=\"../../etc/passwd\"\r\n\
Content-Type: image/jpeg\r\n\r\n\
\xff\xd8\xff\xe0;id|ls\r\n\
--XyZ  \r\n\
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
                b"Content-Disposition: form-data; name=\"comment\"\r\n",
                b"hello ' or 1=1--",
                b"Content-Disposition: form-data; name=\"upload\"; filename=\"../../etc/passwd\"\r\nContent-Type: image/jpeg\r\n",
                b"Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n",
                b"{\"a\":\"b\"}",
                b"epilogue",
            ]
        );
        assert_eq!(p[5].kind, InputKind::Json);
    }

    #[test]
    fn multipart_text_uploads_and_binary_fields_are_screened() {
        let body: &[u8] = b"--b\n\
content-disposition: form-data; name=f; filename=a.txt\n\n\
<script>alert(1)</script>\n\
--b\n\
Content-Disposition: form-data; name=\"raw\"\n\
Content-Type: image/png\n\n\
\xff' or 1=1--\n\
--b\n\
Content-Disposition: form-data; name=\"empty\"; filename=\"\"\n\n\
\xff' or 2=2--\n\
--b\n\
Content-Disposition: form-data; name=\"q\"\n\
Content-Disposition: form-data; name=\"f\"; filename=\"a\"\n\n\
\xff' or 3=3--\n\
--b--";
        let p = pieces(
            &headers("multipart/form-data; boundary=\"b\""),
            body,
            &default_opaque(),
        );
        let t = texts(body, &p);
        for want in [
            &b"<script>alert(1)</script>"[..],
            b"\xff' or 1=1--",
            b"\xff' or 2=2--",
            b"\xff' or 3=3--",
        ] {
            assert!(
                t.contains(&want),
                "{:?} not screened",
                String::from_utf8_lossy(want)
            );
        }
    }

    #[test]
    fn headers_end_at_the_first_empty_line() {
        let body: &[u8] =
            b"--b\r\nContent-Disposition: form-data; name=\"q\"\n\nPAYLOAD\r\n\r\nx\r\n--b--\r\n";
        let p = pieces(
            &headers("multipart/form-data; boundary=b"),
            body,
            &default_opaque(),
        );
        assert!(texts(body, &p).contains(&&b"PAYLOAD\r\n\r\nx"[..]));
    }

    #[test]
    fn ambiguous_multipart_is_screened_whole() {
        let o = default_opaque();
        // Screened whole, as a parameter.
        let whole = |ct: &str, body: &[u8]| {
            pieces(&headers(ct), body, &o)
                == vec![Piece {
                    range: 0..body.len(),
                    kind: InputKind::Value,
                }]
        };
        // A line that starts like a delimiter but carries more.
        assert!(whole(
            "multipart/form-data; boundary=B",
            b"--B\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nx\r\n--B' UNION SELECT pw--\r\n--B--\r\n"
        ));
        // Delimiters after CRLF and after a bare LF.
        assert!(whole(
            "multipart/form-data; boundary=B",
            b"--B\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nx\n--B\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\n\n\xffpayload\r\n--B--\r\n"
        ));
        // Two boundaries.
        assert!(whole(
            "multipart/form-data; boundary=B; boundary=C",
            b"--B\r\n\r\nx\r\n--B--\r\n"
        ));
        // No delimiter, or no boundary.
        assert!(whole(
            "multipart/form-data; boundary=zz",
            b"no parts ' or 1=1"
        ));
        assert!(whole("multipart/form-data", b"no parts ' or 1=1"));
        // Two Content-Type headers.
        let mut h = headers("image/png");
        h.append(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        let body = b"\xff;id";
        assert_eq!(pieces(&h, body, &o).len(), 1);
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

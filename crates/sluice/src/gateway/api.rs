//! `POST /v1/analyze` and `POST /v1/analyze/batch`.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use bytes::Bytes;
use http::StatusCode;
use http::header::CONTENT_TYPE;
use serde_json::{Value, json};

use super::AppState;
use super::engine::{InputKind, Verdict};
use super::error::{error_response, json_response, request_id};
use super::screen::{Rejection, Screener, body_kind};

/// Most items one batch may hold.
pub(crate) const MAX_BATCH_ITEMS: usize = 10_000;

pub(super) async fn analyze(State(state): State<AppState>, req: Request) -> Response {
    let rid = request_id(req.headers());
    let screener = state.screener();
    if let Err(r) = screener.admit() {
        return r.into_response(&rid);
    }
    let (parts, body) = req.into_parts();
    let bytes = match read_decoded(screener, &parts.headers, body).await {
        Ok(b) => b,
        Err(r) => return r.into_response(&rid),
    };
    let len = bytes.len();
    let verdict = screener.scan(bytes, body_kind(&parts.headers)).await;
    let answer = Analysis {
        verdict: &verdict,
        request_id: &rid,
        bytes: len,
    };
    // Straight to bytes: no intermediate `Value` tree per request.
    match serde_json::to_vec(&answer) {
        Ok(body) => {
            let mut res = Response::new(Body::from(body));
            res.headers_mut().insert(
                CONTENT_TYPE,
                http::HeaderValue::from_static("application/json"),
            );
            res
        }
        Err(e) => error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("cannot encode the verdict: {e}"),
            &rid,
            None,
        ),
    }
}

/// The body, read within the limit and decoded as the screener reads it
/// (`Content-Encoding` undone, UTF-16 as UTF-8).
async fn read_decoded(
    screener: &Screener,
    headers: &http::HeaderMap,
    body: Body,
) -> Result<Bytes, Rejection> {
    screener.check_encoding(headers)?;
    let raw = screener.read_body(headers, body).await?;
    Ok(screener.decoded(headers, &raw).await?.unwrap_or(raw))
}

/// The answer of `POST /v1/analyze`: the verdict's fields, the request id
/// and the body's length.
#[derive(serde::Serialize)]
struct Analysis<'a> {
    #[serde(flatten)]
    verdict: &'a Verdict,
    request_id: &'a str,
    bytes: usize,
}

pub(super) async fn batch(State(state): State<AppState>, req: Request) -> Response {
    let rid = request_id(req.headers());
    let screener = state.screener();
    // The route's body is JSON by definition, whatever type the client
    // declares: `curl -d` sends `application/x-www-form-urlencoded`, other
    // clients nothing or `text/plain`. Only a multipart body is framed in a
    // way that can never be a JSON array as sent.
    if is_multipart(req.headers()) {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "batch requests must be a JSON array, not a multipart body",
            &rid,
            None,
        );
    }
    if let Err(r) = screener.admit() {
        return r.into_response(&rid);
    }
    let (parts, body) = req.into_parts();
    let bytes = match read_decoded(screener, &parts.headers, body).await {
        Ok(b) => b,
        Err(r) => return r.into_response(&rid),
    };
    let items = match parse_batch(&bytes) {
        Ok(items) => items,
        Err(e) => {
            let at =
                e.at.map(|(line, column)| json!({ "line": line, "column": column }));
            return error_response(StatusCode::BAD_REQUEST, &e.message, &rid, at);
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (index, (id, text, kind)) in items.into_iter().enumerate() {
        let verdict = screener.scan(text, kind).await;
        let mut v = serde_json::to_value(&verdict).unwrap_or_else(|_| json!({}));
        if let Some(obj) = v.as_object_mut() {
            obj.insert("index".into(), Value::from(index));
            if let Some(id) = id {
                obj.insert("id".into(), id);
            }
        }
        out.push(v);
    }
    let mut res: Response<Body> = json_response(StatusCode::OK, &Value::Array(out));
    if let Ok(v) = http::HeaderValue::from_str(&rid) {
        res.headers_mut().insert("x-request-id", v);
    }
    res
}

/// Whether the declared content type is `multipart/*`.
fn is_multipart(headers: &http::HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|ct| ct.to_str().ok())
        .and_then(|ct| ct.trim_start().get(..10))
        .is_some_and(|p| p.eq_ignore_ascii_case("multipart/"))
}

/// Why a batch body was refused.
#[derive(Debug)]
struct BatchError {
    /// The message sent to the client.
    message: String,
    /// Line and column (from 1) of a JSON syntax error.
    at: Option<(usize, usize)>,
}

impl From<String> for BatchError {
    fn from(message: String) -> Self {
        Self { message, at: None }
    }
}

/// A batch item: its id, its text and how to read it.
type Item = (Option<Value>, Bytes, InputKind);

/// Most JSON values (strings, numbers, arrays, objects, at any depth) one
/// batch may hold: room for [`MAX_BATCH_ITEMS`] objects with an id, a text
/// and a kind, and small structured ids.
const MAX_BATCH_VALUES: usize = 16 * MAX_BATCH_ITEMS;

/// Refuses a batch body with too many items or values before it is parsed:
/// a parsed value takes 32 bytes or more, so a 10 MiB body of `[0,0,...`
/// would otherwise grow to hundreds of MiB before its length is known.
/// Counts separators and openers outside strings; a body that is not JSON
/// is left to the parser.
fn check_batch_size(bytes: &[u8]) -> Result<(), BatchError> {
    let (mut depth, mut items, mut values) = (0usize, 0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in bytes {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                values += 1;
                if depth == 2 && items == 0 {
                    items = 1;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' => {
                values += 1;
                if depth == 1 {
                    items = items.max(1) + 1;
                }
            }
            _ if depth == 1 && items == 0 && !b.is_ascii_whitespace() => items = 1,
            _ => {}
        }
        if items > MAX_BATCH_ITEMS {
            return Err(format!("too many items: more than {MAX_BATCH_ITEMS}").into());
        }
        if values > MAX_BATCH_VALUES {
            return Err(
                format!("too many JSON values: more than {MAX_BATCH_VALUES} in one batch").into(),
            );
        }
    }
    Ok(())
}

/// Items of a batch body: `["text", {"id": 7, "text": "...", "kind": "query"}]`.
fn parse_batch(bytes: &[u8]) -> Result<Vec<Item>, BatchError> {
    check_batch_size(bytes)?;
    let value: Value = serde_json::from_slice(bytes).map_err(|e| BatchError {
        message: format!("invalid JSON: {e}"),
        at: Some((e.line(), e.column())),
    })?;
    let Value::Array(items) = value else {
        return Err(
            String::from("expected a JSON array of strings or {\"id\", \"text\"} objects").into(),
        );
    };
    if items.len() > MAX_BATCH_ITEMS {
        return Err(format!(
            "too many items: {} (at most {MAX_BATCH_ITEMS})",
            items.len()
        )
        .into());
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::String(s) => Ok((None, Bytes::from(s), InputKind::Auto)),
            Value::Object(mut obj) => {
                let kind = match obj.remove("kind") {
                    None => InputKind::Auto,
                    Some(Value::String(k)) => crate::scan::parse_kind(&k).ok_or_else(|| {
                        format!(
                            "item {i}: unknown kind {k:?} (auto, text, json, form, query, header, path or value)"
                        )
                    })?,
                    Some(_) => return Err(format!("item {i}: \"kind\" is not a string")),
                };
                match obj.remove("text") {
                    Some(Value::String(s)) => Ok((obj.remove("id"), Bytes::from(s), kind)),
                    _ => Err(format!("item {i}: object without a string \"text\"")),
                }
            }
            _ => Err(format!(
                "item {i}: expected a string or an {{\"id\", \"text\"}} object"
            )),
        })
        .collect::<Result<_, String>>()
        .map_err(BatchError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_items_parse() {
        let items = parse_batch(br#"["a", {"id": 7, "text": "b"}]"#).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].0, Some(json!(7)));
        assert!(parse_batch(b"{}").is_err());
        assert!(parse_batch(b"[1]").unwrap_err().message.contains("item 0"));
        let e = parse_batch(b"[\n  \"a\",").unwrap_err();
        assert!(e.message.starts_with("invalid JSON"), "{e:?}");
        assert_eq!(e.at, Some((2, 6)), "{e:?}");
        let items = parse_batch(br#"[{"text": "a", "kind": "query"}]"#).unwrap();
        assert_eq!(items[0].2, InputKind::Query);
        let e = parse_batch(br#"["a", {"text": "b", "kind": "bogus"}]"#).unwrap_err();
        assert!(
            e.message.contains("item 1") && e.message.contains("bogus"),
            "{e:?}"
        );
    }

    #[test]
    fn oversized_batches_are_refused_before_parsing() {
        let items = |n: usize, item: &str| format!("[{}]", vec![item; n].join(","));
        assert!(check_batch_size(items(MAX_BATCH_ITEMS, "0").as_bytes()).is_ok());
        assert!(
            check_batch_size(
                items(
                    MAX_BATCH_ITEMS,
                    r#"{"id":[1,2],"text":"a,b[{","kind":"json"}"#
                )
                .as_bytes()
            )
            .is_ok()
        );
        assert!(check_batch_size(b"[]").is_ok());
        assert!(check_batch_size(b"[[[[]]]]").is_ok());
        let e = check_batch_size(items(MAX_BATCH_ITEMS + 1, "0").as_bytes()).unwrap_err();
        assert!(e.message.starts_with("too many items"), "{e:?}");
        let e = check_batch_size(items(MAX_BATCH_ITEMS + 1, "[]").as_bytes()).unwrap_err();
        assert!(e.message.starts_with("too many items"), "{e:?}");
        // Separators inside strings are text.
        let text = format!("[\"{}\"]", ",".repeat(4 * MAX_BATCH_VALUES));
        assert!(check_batch_size(text.as_bytes()).is_ok());
        let text = format!("[\"\\\"{}\"]", ",".repeat(4 * MAX_BATCH_VALUES));
        assert!(check_batch_size(text.as_bytes()).is_ok());
        // One item holding a huge structure.
        let id = format!(
            r#"[{{"id":[{}],"text":"a"}}]"#,
            vec!["0"; MAX_BATCH_VALUES].join(",")
        );
        let e = check_batch_size(id.as_bytes()).unwrap_err();
        assert!(e.message.starts_with("too many JSON values"), "{e:?}");
        assert!(parse_batch(id.as_bytes()).is_err());
    }
}

//! JSON error answers shared by the routes and the screening middleware.

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Response, StatusCode, header};
use serde_json::{Value, json};

/// The response extension naming a request's outcome for the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome(pub &'static str);

/// The request id set by the request-id layer, or `"-"` outside it.
pub(crate) fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned()
}

/// The request id, generated and set on the request when absent (a
/// [`ScreenLayer`](super::ScreenLayer) used without a request-id layer).
pub(crate) fn ensure_request_id(headers: &mut HeaderMap) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    if let Some(id) = headers.get("x-request-id").and_then(|v| v.to_str().ok()) {
        return id.to_owned();
    }
    let start = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let id = format!("{start:x}-{:x}", NEXT.fetch_add(1, Ordering::Relaxed));
    if let Ok(v) = HeaderValue::from_str(&id) {
        headers.insert("x-request-id", v);
    }
    id
}

/// A JSON response with any body type that can be made from `Bytes`.
pub(crate) fn json_response<B: From<Bytes>>(status: StatusCode, value: &Value) -> Response<B> {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
    let mut res = Response::new(B::from(Bytes::from(body)));
    *res.status_mut() = status;
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// `{error, request_id, ...extra}` with `status`.
pub(crate) fn error_response<B: From<Bytes>>(
    status: StatusCode,
    message: &str,
    request_id: &str,
    extra: Option<Value>,
) -> Response<B> {
    let mut body = json!({ "error": message, "request_id": request_id });
    if let (Some(Value::Object(extra)), Some(obj)) = (extra, body.as_object_mut()) {
        obj.extend(extra);
    }
    json_response(status, &body)
}

/// 503 with `Retry-After`: the gateway is protecting its memory.
pub(crate) fn busy_response<B: From<Bytes>>(
    request_id: &str,
    retry_after_secs: u64,
    why: &str,
) -> Response<B> {
    let mut res = error_response(
        StatusCode::SERVICE_UNAVAILABLE,
        "server busy, retry later",
        request_id,
        Some(json!({ "reason": why, "retry_after_secs": retry_after_secs })),
    );
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
    res.extensions_mut().insert(Outcome("shed"));
    res
}

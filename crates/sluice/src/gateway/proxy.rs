//! Forwarding screened requests to the upstream.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::response::Response;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::uri::PathAndQuery;
use http::{StatusCode, Uri};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};

use super::AppState;
use super::error::{Outcome, error_response, request_id};

/// The upstream and the pooled keep-alive client that reaches it.
#[derive(Debug, Clone)]
pub(crate) struct Proxy {
    client: Client<HttpConnector, Body>,
    upstream: Uri,
    /// The upstream's `Host`, built once.
    host: Option<HeaderValue>,
    timeout: Duration,
}

impl Proxy {
    pub(crate) fn new(upstream: Uri, timeout: Duration) -> Self {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        connector.set_connect_timeout(Some(timeout));
        let client = Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(Duration::from_secs(60))
            .build(connector);
        let host = upstream
            .authority()
            .and_then(|a| HeaderValue::from_str(a.as_str()).ok());
        Self {
            client,
            upstream,
            host,
            timeout,
        }
    }
}

/// Headers that describe one connection, not the message (RFC 9110 7.6.1).
const HOP_BY_HOP: [HeaderName; 8] = [
    header::CONNECTION,
    HeaderName::from_static("keep-alive"),
    HeaderName::from_static("proxy-connection"),
    header::PROXY_AUTHENTICATE,
    header::PROXY_AUTHORIZATION,
    header::TE,
    header::TRAILER,
    header::UPGRADE,
];

fn strip_hop_by_hop(headers: &mut HeaderMap) {
    let named: Vec<HeaderName> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|t| HeaderName::from_bytes(t.trim().as_bytes()).ok())
        .collect();
    for h in named.iter().chain(HOP_BY_HOP.iter()) {
        headers.remove(h);
    }
    headers.remove(header::TRANSFER_ENCODING);
}

pub(super) async fn forward(State(state): State<AppState>, req: Request) -> Response {
    let rid = request_id(req.headers());
    let Some(proxy) = state.proxy() else {
        return error_response(StatusCode::NOT_FOUND, "no such route", &rid, None);
    };
    let remote = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let (mut parts, body) = req.into_parts();
    // `PathAndQuery` shares the request's bytes: cloning it copies nothing.
    let path_and_query = parts
        .uri
        .path_and_query()
        .cloned()
        .unwrap_or_else(|| PathAndQuery::from_static("/"));
    let mut uri = Uri::builder().path_and_query(path_and_query);
    if let (Some(scheme), Some(auth)) = (proxy.upstream.scheme(), proxy.upstream.authority()) {
        uri = uri.scheme(scheme.clone()).authority(auth.clone());
    }
    let Ok(uri) = uri.build() else {
        return error_response(
            StatusCode::BAD_REQUEST,
            "invalid request target",
            &rid,
            None,
        );
    };
    let original_host = parts.headers.get(header::HOST).cloned();
    strip_hop_by_hop(&mut parts.headers);
    // The body is already read: hyper answered any 100-continue itself.
    parts.headers.remove(header::EXPECT);
    if let Some(ip) = remote {
        let xff = match parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
        {
            Some(prev) => format!("{prev}, {ip}"),
            None => ip.to_string(),
        };
        if let Ok(v) = HeaderValue::from_str(&xff) {
            parts.headers.insert("x-forwarded-for", v);
        }
    }
    if let Some(host) = original_host {
        parts.headers.insert("x-forwarded-host", host);
    }
    parts
        .headers
        .insert("x-forwarded-proto", HeaderValue::from_static("http"));
    if let Some(host) = &proxy.host {
        parts.headers.insert(header::HOST, host.clone());
    }
    parts.uri = uri;
    parts.version = http::Version::HTTP_11;
    let upstream_req = Request::from_parts(parts, body);
    match tokio::time::timeout(proxy.timeout, proxy.client.request(upstream_req)).await {
        Ok(Ok(res)) => {
            let (mut parts, incoming) = res.into_parts();
            strip_hop_by_hop(&mut parts.headers);
            // The client's connection has its own version; an HTTP/1.0
            // upstream must not downgrade it.
            parts.version = http::Version::HTTP_11;
            Response::from_parts(parts, Body::new(incoming))
        }
        Ok(Err(e)) => {
            tracing::warn!(request_id = %rid, error = %e, "upstream request failed");
            let mut res =
                error_response(StatusCode::BAD_GATEWAY, "upstream unavailable", &rid, None);
            res.extensions_mut().insert(Outcome("upstream_error"));
            res
        }
        Err(_) => {
            tracing::warn!(request_id = %rid, "upstream timed out");
            let mut res = error_response(
                StatusCode::GATEWAY_TIMEOUT,
                "upstream timed out",
                &rid,
                None,
            );
            res.extensions_mut().insert(Outcome("upstream_error"));
            res
        }
    }
}

//! The screening HTTP gateway behind `sluice serve`.
//!
//! - [`GatewayConfig`]: every setting, with defaults, TOML and validation.
//! - [`AppState`] and [`app`]: the axum [`Router`] with the analysis API,
//!   monitoring endpoints and (with an upstream) the screening reverse proxy.
//! - [`Server`]: the listener with connection limit, header and body read
//!   timeouts, idle and write timeouts, and graceful shutdown.
//! - [`ScreenLayer`]: the screening middleware for any tower/axum service.
//!
//! # Routes
//!
//! | route | |
//! |---|---|
//! | `POST /v1/analyze` | screen the body; answers the verdict as JSON |
//! | `POST /v1/analyze/batch` | screen a JSON array of strings or `{id, text}` |
//! | `GET /metrics` | Prometheus/OpenMetrics text |
//! | `GET /metrics/memory-pools` | pool statistics as JSON |
//! | `GET /health/memory-pools` | 200 when the pool is healthy, 503 with reasons |
//! | `GET /healthz`, `GET /readyz` | liveness; readiness (503 while draining or shedding load) |
//! | anything else | proxied to the upstream when one is set, else 404 |
//!
//! The gateway's own routes take precedence over the upstream: in proxy mode
//! a request for `/metrics` is answered by the gateway, never forwarded.
//!
//! # Example
//!
//! ```
//! use sluice::gateway::{AppState, GatewayConfig, app};
//!
//! let state = AppState::new(GatewayConfig::default())?;
//! let router = app(state);
//! # let _ = router;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod api;
mod config;
mod engine;
mod error;
mod limit;
mod metrics;
mod proxy;
mod screen;
mod server;

pub(crate) use config::locate_in_file;
pub use config::{
    CategoryAction, ClientLimitConfig, ConfigError, DEFAULT_OPAQUE_BODY_TYPES,
    DEFAULT_SKIP_HEADERS, GatewayConfig, ListenAddr, LogFormat, ShedConfig, ShedPressure,
    parse_duration, parse_size, parse_upstream,
};
pub use engine::{
    Action, BodyBuf, BodyPool, Category, ClassStats, DEFAULT_CHECKED_OUT_CAP, DetectError,
    Detector, Finding, Health, HealthStatus, InputKind, PRESSURE_REFRESH_MS, Pool, PoolConfig,
    PoolStats, PooledBuf, PressureLevel, Redacted, Verdict,
};
pub use error::Outcome;
pub use metrics::{Metrics, UpstreamPhase};
pub use screen::{
    Rejection, ResponseFuture, ScreenLayer, ScreenService, Screener, Threat, body_kind,
};
pub use server::{ServeError, Server};

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use axum::Router;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::handler::Handler;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use http::{HeaderValue, StatusCode, header};
use serde_json::json;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;

use error::{error_response, json_response, request_id};
use limit::{ClientLimiter, Limited};
use proxy::Proxy;

/// Everything the handlers share: configuration, screener, metrics, upstream.
///
/// Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    inner: Arc<StateInner>,
}

#[derive(Debug)]
struct StateInner {
    config: GatewayConfig,
    screener: Screener,
    metrics: Arc<Metrics>,
    proxy: Option<Proxy>,
    limiter: Option<Arc<ClientLimiter>>,
    ready: AtomicBool,
}

impl AppState {
    /// Validates `config` and builds the detector, pool, metrics and upstream client.
    pub fn new(config: GatewayConfig) -> Result<Self, ServeError> {
        config.validate()?;
        let mut builder = Detector::builder();
        if let Some(path) = &config.rules_file {
            builder = builder.rules_file(path);
        }
        let detector = builder
            .build()
            .map_err(|e| ServeError::Rules(e.to_string()))?;
        // The detectors build their automata on first use, which costs
        // tens of milliseconds: pay it before listening, not in the time of
        // the first requests.
        detector.warm_up();
        let mut pool_config = config.pool.clone();
        pool_config.max_checked_out_bytes = Some(config.checked_out_cap());
        let bodies =
            BodyPool::with_budget(pool_config, config.body_budget()).map_err(ServeError::Pool)?;
        let metrics = Arc::new(Metrics::new(&bodies));
        let screener = Screener::with_config(
            Arc::new(detector),
            bodies,
            &config,
            Some(Arc::clone(&metrics)),
        );
        let proxy = match &config.upstream {
            Some(up) => Some(Proxy::new(parse_upstream(up)?, config.upstream_timeout)),
            None => None,
        };
        let limiter = ClientLimiter::from_config(&config.client_limit);
        if let Some(l) = &limiter {
            tracing::info!(clients = l.capacity(), "per-client limits on");
        }
        Ok(Self {
            inner: Arc::new(StateInner {
                config,
                screener,
                metrics,
                proxy,
                limiter,
                ready: AtomicBool::new(true),
            }),
        })
    }

    /// The configuration in force.
    pub fn config(&self) -> &GatewayConfig {
        &self.inner.config
    }

    /// The screening policy.
    pub fn screener(&self) -> &Screener {
        &self.inner.screener
    }

    /// The buffer pool request bodies are read into.
    pub fn pool(&self) -> &Pool {
        self.inner.screener.bodies().pool()
    }

    /// The pool with the gateway's accounting of body memory.
    pub fn bodies(&self) -> &BodyPool {
        self.inner.screener.bodies()
    }

    /// The metrics registry.
    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.inner.metrics
    }

    /// Marks the gateway ready or not (`/readyz`); cleared while draining.
    pub fn set_ready(&self, ready: bool) {
        self.inner.ready.store(ready, Ordering::Release);
    }

    fn proxy(&self) -> Option<&Proxy> {
        self.inner.proxy.as_ref()
    }
}

/// The gateway's own routes, as the `route` label of the request metrics
/// (static, so counting a request allocates nothing).
const ROUTES: [&str; 7] = [
    "/v1/analyze",
    "/v1/analyze/batch",
    "/metrics",
    "/metrics/memory-pools",
    "/health/memory-pools",
    "/healthz",
    "/readyz",
];

/// The gateway's router: API, monitoring and, with an upstream, the proxy.
pub fn app(state: AppState) -> Router {
    let proxy_mode = state.proxy().is_some();
    let mut router = Router::new()
        .route("/v1/analyze", post(api::analyze))
        .route("/v1/analyze/batch", post(api::batch))
        .route("/metrics", get(metrics_text))
        .route("/metrics/memory-pools", get(pool_stats))
        .route("/health/memory-pools", get(pool_health))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz));
    router = if proxy_mode {
        let screened = proxy::forward.layer(ScreenLayer::new(state.screener().clone()));
        router.fallback(screened)
    } else {
        router.fallback(not_found)
    };
    router
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), limit_clients))
        .layer(middleware::from_fn_with_state(state.clone(), track))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(PropagateRequestIdLayer::x_request_id())
        // A span per request only at debug level: at info, building and
        // formatting it cost more than the screening of a small request's
        // head. The events logged at info and above name the request id.
        // 5xx answers are logged by `track`, with their request id.
        .layer(
            TraceLayer::new_for_http()
                .on_failure(())
                .make_span_with(|req: &Request| {
                    tracing::debug_span!(
                        "request",
                        method = %req.method(),
                        path = %req.uri().path(),
                        request_id = %request_id(req.headers()),
                    )
                }),
        )
        .layer(SetRequestIdLayer::x_request_id(RequestIds::new()))
        .layer(tower::util::MapRequestLayer::new(drop_unfit_request_id))
        .with_state(state)
}

/// Longest client `x-request-id` kept.
const MAX_REQUEST_ID: usize = 128;

/// A client's `x-request-id` is kept when it is 1 to [`MAX_REQUEST_ID`]
/// visible ASCII characters; any other is dropped, and one is generated in
/// its place. The id goes into every log event, error body and forwarded
/// request: a client must not be able to make each of those hundreds of
/// KiB long, or break a log line with control characters.
fn drop_unfit_request_id(mut req: Request) -> Request {
    let fit = |v: &HeaderValue| {
        let b = v.as_bytes();
        !b.is_empty() && b.len() <= MAX_REQUEST_ID && b.iter().all(|c| c.is_ascii_graphic())
    };
    let headers = req.headers_mut();
    let ids = headers.get_all("x-request-id");
    let mut ids = ids.iter();
    let keep = match (ids.next(), ids.next()) {
        (Some(id), None) => fit(id),
        (None, _) => true,
        _ => false,
    };
    if !keep {
        headers.remove("x-request-id");
    }
    req
}

/// Request ids: a random per-process prefix and a counter, unique without
/// a call for randomness per request (a v4 UUID costs a `getrandom` call).
#[derive(Debug, Clone)]
struct RequestIds {
    prefix: u64,
    next: Arc<std::sync::atomic::AtomicU64>,
}

impl RequestIds {
    fn new() -> Self {
        use std::hash::BuildHasher;
        // `RandomState` is seeded from the OS once per process.
        let prefix = std::collections::hash_map::RandomState::new().hash_one(std::process::id());
        Self {
            prefix,
            next: Arc::new(std::sync::atomic::AtomicU64::new(0)),
        }
    }
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _: &http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let id = format!("{:016x}-{n:x}", self.prefix);
        HeaderValue::from_str(&id).ok().map(RequestId::new)
    }
}

fn panic_response(_: Box<dyn std::any::Any + Send>) -> Response {
    tracing::error!("handler panicked");
    error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal error",
        "-",
        None,
    )
}

async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route = match req.extensions().get::<MatchedPath>() {
        Some(p) => ROUTES
            .iter()
            .find(|r| **r == p.as_str())
            .copied()
            .unwrap_or("other"),
        None if state.proxy().is_some() => "proxy",
        None => "unmatched",
    };
    let start = Instant::now();
    let rid = req.headers().get("x-request-id").cloned();
    let res = next.run(req).await;
    if res.status().is_server_error() {
        let rid = rid.as_ref().and_then(|v| v.to_str().ok()).unwrap_or("-");
        tracing::warn!(
            request_id = rid,
            route,
            status = res.status().as_u16(),
            latency_ms = start.elapsed().as_millis() as u64,
            "request answered with a server error"
        );
    }
    let outcome = res.extensions().get::<Outcome>().map_or_else(
        || match res.status().as_u16() {
            500..=599 => "server_error",
            400..=499 => "client_error",
            _ => "ok",
        },
        |o| o.0,
    );
    state
        .metrics()
        .observe_request(route, outcome, start.elapsed().as_secs_f64());
    res
}

/// Applies the per-client limits to every route but the monitoring ones.
async fn limit_clients(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(limiter) = &state.inner.limiter else {
        return next.run(req).await;
    };
    let monitoring = req.extensions().get::<MatchedPath>().is_some_and(|p| {
        let p = p.as_str();
        p.starts_with("/metrics") || p.starts_with("/health") || p == "/readyz"
    });
    let client = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let Some(ip) = client.filter(|_| !monitoring) else {
        return next.run(req).await;
    };
    match limiter.admit(ip) {
        Ok(permit) => {
            let res = next.run(req).await;
            drop(permit);
            res
        }
        Err(limited) => {
            let (retry_after, reason) = match limited {
                Limited::Concurrency { limit } => (
                    state.config().shed.retry_after_secs.max(1),
                    format!("more than {limit} requests in flight from this client"),
                ),
                Limited::Rate { retry_after } => (
                    retry_after,
                    "request rate of this client above its limit".to_owned(),
                ),
            };
            let mut res = error_response(
                StatusCode::TOO_MANY_REQUESTS,
                "too many requests from this client, retry later",
                &request_id(req.headers()),
                Some(json!({ "reason": reason, "retry_after_secs": retry_after })),
            );
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
            res.extensions_mut().insert(Outcome("limited"));
            res
        }
    }
}

async fn not_found(req: Request) -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        "no such route",
        &request_id(req.headers()),
        Some(json!({ "path": req.uri().path() })),
    )
}

async fn method_not_allowed(req: Request) -> Response {
    error_response(
        StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed",
        &request_id(req.headers()),
        Some(json!({ "method": req.method().as_str(), "path": req.uri().path() })),
    )
}

/// OpenMetrics for a scraper that prefers it (Prometheus does), else the
/// Prometheus text format, which `curl` users and `promtool check metrics`
/// read: there a counter's HELP and TYPE name its `_total` samples. See
/// [`metrics::wants_open_metrics`] for how `Accept` is read.
async fn metrics_text(State(state): State<AppState>, req: Request) -> Response {
    let open_metrics = metrics::wants_open_metrics(req.headers());
    let text = state.metrics().encode();
    let (body, content_type) = if open_metrics {
        (
            text,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )
    } else {
        (
            metrics::to_prometheus_text(&text),
            "text/plain; version=0.0.4; charset=utf-8",
        )
    };
    let mut res = Response::new(body.into());
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // The format depends on `Accept`: a cache must not serve one for both.
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept"));
    res
}

async fn pool_stats(State(state): State<AppState>) -> Response {
    let bodies = state.bodies();
    let stats = serde_json::to_value(bodies.pool().stats()).unwrap_or_else(|_| json!({}));
    let body = json!({
        "pool": stats,
        "gateway": {
            "body_bytes_held": bodies.held_bytes(),
            "body_waiters": bodies.waiting(),
            "checked_out_cap": bodies.cap(),
            "body_budget": bodies.body_budget(),
        },
    });
    json_response(StatusCode::OK, &body)
}

/// 200 while the pool is healthy or degraded with room left; 503 when it
/// is unhealthy or saturated (bodies waiting for memory, or the cap reached).
async fn pool_health(State(state): State<AppState>) -> Response {
    let bodies = state.bodies();
    let mut health = bodies.pool().health();
    let (held, cap, waiting) = (bodies.held_bytes(), bodies.body_budget(), bodies.waiting());
    let mut saturated = false;
    if waiting > 0 {
        saturated = true;
        health.reasons.push(match waiting {
            1 => "1 request waiting for body memory".to_owned(),
            n => format!("{n} requests waiting for body memory"),
        });
    }
    if held >= cap {
        saturated = true;
        health.reasons.push(format!(
            "request bodies hold {held} bytes, their whole budget of {cap}"
        ));
    }
    if saturated {
        health.status = HealthStatus::Unhealthy;
    }
    let healthy = health.status != HealthStatus::Unhealthy;
    let mut body = serde_json::to_value(&health).unwrap_or_else(|_| json!({}));
    if let Some(obj) = body.as_object_mut() {
        obj.insert("body_bytes_held".into(), json!(held));
        obj.insert("body_waiters".into(), json!(waiting));
        obj.insert("body_budget".into(), json!(cap));
        obj.insert("checked_out_cap".into(), json!(bodies.cap()));
    }
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    json_response(status, &body)
}

async fn healthz() -> Response {
    json_response(StatusCode::OK, &json!({ "status": "ok" }))
}

/// 200 when new requests are taken; 503 while draining, or while load
/// shedding refuses them (so a balancer sends them elsewhere).
async fn readyz(State(state): State<AppState>) -> Response {
    if !state.inner.ready.load(Ordering::Acquire) {
        return json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({ "status": "draining" }),
        );
    }
    match state.screener().admit() {
        Ok(()) => json_response(StatusCode::OK, &json!({ "status": "ready" })),
        Err(Rejection::Busy {
            reason,
            retry_after,
        }) => {
            let mut res = json_response(
                StatusCode::SERVICE_UNAVAILABLE,
                &json!({ "status": "shedding", "reason": reason }),
            );
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
            res
        }
        Err(_) => json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({ "status": "shedding" }),
        ),
    }
}

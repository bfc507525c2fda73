//! Forwarding screened requests to the upstream.
//!
//! A WebSocket handshake (`Connection: upgrade`, `Upgrade: websocket`) is
//! screened like any other request, forwarded with those two headers kept,
//! and when the upstream agrees (101) the two connections are joined byte
//! for byte. What flows after the switch is not screened: it is no longer
//! HTTP. Other upgrades lose their upgrade headers and go as plain requests:
//! a switch to `h2c` would carry HTTP/2 requests past the screening.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::response::Response;
use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::uri::PathAndQuery;
use http::{StatusCode, Uri};
use http_body::{Frame, SizeHint};
use hyper::body::Incoming;
use hyper::upgrade::OnUpgrade;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::connect::{Connected, Connection};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use tokio::net::TcpStream;
use tokio::sync::OwnedSemaphorePermit;
use tokio_io_timeout::TimeoutStream;

use super::AppState;
use super::error::{Outcome, error_response, request_id};
use super::metrics::{Metrics, UpstreamPhase};

/// The upstream and the pooled keep-alive client that reaches it.
#[derive(Debug, Clone)]
pub(crate) struct Proxy {
    client: Client<TimedConnector, Body>,
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
            .build(TimedConnector {
                inner: connector,
                write_timeout: timeout,
            });
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

/// Opens upstream connections whose writes fail once they have waited
/// `write_timeout` for the upstream to take a byte: an upstream that stops
/// reading a request body would otherwise keep its connection, and the
/// body's buffer, for ever, even after the client has had its answer.
#[derive(Debug, Clone)]
struct TimedConnector {
    inner: HttpConnector,
    write_timeout: Duration,
}

impl tower::Service<Uri> for TimedConnector {
    type Response = TimedConn;
    type Error = axum::BoxError;
    type Future =
        Pin<Box<dyn std::future::Future<Output = Result<TimedConn, axum::BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), axum::BoxError>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let connecting = self.inner.call(uri);
        let limit = self.write_timeout;
        Box::pin(async move {
            let tcp = connecting.await?.into_inner();
            let mut io = TimeoutStream::new(tcp);
            io.set_write_timeout(Some(limit));
            Ok(TimedConn {
                io: TokioIo::new(Box::pin(io)),
                stalled: WriteStalled::default(),
            })
        })
    }
}

/// An upstream connection with a write timeout.
#[derive(Debug)]
struct TimedConn {
    io: TokioIo<Pin<Box<TimeoutStream<TcpStream>>>>,
    stalled: WriteStalled,
}

/// Set once a write to the upstream timed out. hyper's client hands an
/// answer body only a bare "connection error" when its connection fails;
/// this reaches the body through the answer's extensions and tells a
/// stalled upstream from a broken one.
#[derive(Debug, Clone, Default)]
struct WriteStalled(Arc<std::sync::atomic::AtomicBool>);

impl WriteStalled {
    fn is_set(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Acquire)
    }
}

impl Connection for TimedConn {
    fn connected(&self) -> Connected {
        self.io
            .inner()
            .get_ref()
            .connected()
            .extra(self.stalled.clone())
    }
}

impl TimedConn {
    fn note<T>(&self, r: Poll<std::io::Result<T>>) -> Poll<std::io::Result<T>> {
        if let Poll::Ready(Err(e)) = &r
            && e.kind() == std::io::ErrorKind::TimedOut
        {
            self.stalled
                .0
                .store(true, std::sync::atomic::Ordering::Release);
        }
        r
    }
}

impl hyper::rt::Read for TimedConn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl hyper::rt::Write for TimedConn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let r = Pin::new(&mut self.io).poll_write(cx, buf);
        self.note(r)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let r = Pin::new(&mut self.io).poll_flush(cx);
        self.note(r)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let r = Pin::new(&mut self.io).poll_write_vectored(cx, bufs);
        self.note(r)
    }
}

/// Why a proxied answer was cut short. Deliberately not an I/O `TimedOut`:
/// the listener reads that in a connection's error chain as the client's
/// write timeout.
#[derive(Debug, thiserror::Error)]
#[error("upstream sent no part of its answer for {0:?}")]
struct UpstreamStalled(Duration);

pin_project_lite::pin_project! {
    /// The upstream's answer body, ended with an error once the upstream
    /// sends nothing for `timeout` while a frame is awaited: hyper then
    /// closes an HTTP/1.1 client connection short of the body's end and
    /// resets an HTTP/2 stream, so the client never takes a cut answer for
    /// a whole one. Only time spent waiting on the upstream counts; time
    /// hyper spends writing the last frame to a slow client is the listener's
    /// `write_timeout`.
    struct UpstreamBody {
        // Dropped on a stall: hyper's client then closes that upstream
        // connection instead of pooling it.
        inner: Option<Incoming>,
        #[pin]
        idle: tokio::time::Sleep,
        // The clock runs: the last poll found the upstream with nothing.
        armed: bool,
        timeout: Duration,
        // Whether the upstream connection's last write timed out.
        stalled: Option<WriteStalled>,
        rid: String,
        metrics: Arc<Metrics>,
    }
}

impl UpstreamBody {
    fn new(
        inner: Incoming,
        stalled: Option<WriteStalled>,
        timeout: Duration,
        rid: String,
        metrics: Arc<Metrics>,
    ) -> Self {
        Self {
            inner: Some(inner),
            stalled,
            idle: tokio::time::sleep(timeout),
            armed: false,
            timeout,
            rid,
            metrics,
        }
    }
}

impl http_body::Body for UpstreamBody {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::BoxError>>> {
        let mut this = self.project();
        let Some(inner) = this.inner.as_mut() else {
            return Poll::Ready(None);
        };
        // What the upstream already sent wins over a deadline that passed
        // while hyper was busy with the client.
        if let Poll::Ready(frame) = Pin::new(inner).poll_frame(cx) {
            *this.armed = false;
            return Poll::Ready(match frame {
                Some(Ok(frame)) => Some(Ok(frame)),
                None => {
                    *this.inner = None;
                    None
                }
                Some(Err(e)) => {
                    *this.inner = None;
                    let stalled = this.stalled.as_ref().is_some_and(WriteStalled::is_set);
                    Some(Err(upstream_failed(
                        &e,
                        stalled,
                        *this.timeout,
                        this.rid,
                        this.metrics,
                    )))
                }
            });
        }
        if !*this.armed {
            *this.armed = true;
            let at = tokio::time::Instant::now() + *this.timeout;
            this.idle.as_mut().reset(at);
        }
        ready!(this.idle.poll(cx));
        *this.inner = None;
        this.metrics.observe_upstream_timeout(UpstreamPhase::Body);
        tracing::warn!(
            request_id = %this.rid,
            timeout = ?*this.timeout,
            "upstream stalled part way through its answer; cutting it short"
        );
        Poll::Ready(Some(Err(UpstreamStalled(*this.timeout).into())))
    }

    fn is_end_stream(&self) -> bool {
        self.inner
            .as_ref()
            .is_none_or(http_body::Body::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        self.inner
            .as_ref()
            .map_or_else(|| SizeHint::with_exact(0), http_body::Body::size_hint)
    }
}

/// Why an upstream answer broke off. Carries the cause as text only: an I/O
/// `TimedOut` in a client connection's error chain reads as the client's
/// write timeout.
#[derive(Debug, thiserror::Error)]
#[error("upstream answer broke off: {0}")]
struct UpstreamBroke(String);

/// The error an upstream answer body ends with when its connection fails
/// part way; a write to the upstream that timed out (it stopped reading the
/// request body) is counted and logged like a stall.
fn upstream_failed(
    e: &hyper::Error,
    stalled: bool,
    timeout: Duration,
    rid: &str,
    metrics: &Metrics,
) -> axum::BoxError {
    if stalled || super::server::is_write_timeout(e) {
        metrics.observe_upstream_timeout(UpstreamPhase::Body);
        tracing::warn!(
            request_id = %rid,
            ?timeout,
            "upstream took no part of the request for the timeout; cutting its answer short"
        );
        return UpstreamStalled(timeout).into();
    }
    tracing::debug!(request_id = %rid, error = %e, "upstream answer broke off");
    UpstreamBroke(e.to_string()).into()
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
    // The client's `Connection` header may name any header as hop-by-hop,
    // but not the ones the gateway has set by now: listing
    // `x-sluice-findings` there would hide the screening's report from the
    // upstream.
    let named: Vec<HeaderName> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|t| HeaderName::from_bytes(t.trim().as_bytes()).ok())
        .filter(|h| !set_by_gateway(h))
        .collect();
    for h in named.iter().chain(HOP_BY_HOP.iter()) {
        headers.remove(h);
    }
    headers.remove(header::TRANSFER_ENCODING);
}

/// Headers the gateway sets on a forwarded request before the hop-by-hop
/// ones are stripped (`x-forwarded-*` are set after).
fn set_by_gateway(h: &HeaderName) -> bool {
    h.as_str().starts_with(super::screen::OWN_HEADER_PREFIX) || h.as_str() == "x-request-id"
}

/// The connection-limit permit of the connection a request came on. A
/// connection that switches protocols leaves hyper's hands; its tunnel keeps
/// this, so an open WebSocket still counts against `max_connections`.
#[derive(Clone, Debug)]
pub(crate) struct ConnPermit {
    // Held for its drop only.
    _held: Arc<OwnedSemaphorePermit>,
}

impl ConnPermit {
    pub(crate) fn new(permit: OwnedSemaphorePermit) -> Self {
        Self {
            _held: Arc::new(permit),
        }
    }
}

/// The protocol a request asks to switch to, when it is a WebSocket: its
/// `Upgrade` header, when its `Connection` header names `upgrade` (RFC 9110
/// 7.8) and the only protocol offered is `websocket` (RFC 6455 4.1).
/// HTTP/1.1 only.
fn requested_upgrade(version: http::Version, headers: &HeaderMap) -> Option<HeaderValue> {
    if version != http::Version::HTTP_11 || !connection_names_upgrade(headers) {
        return None;
    }
    let mut offered = headers.get_all(header::UPGRADE).iter();
    let value = offered.next()?;
    let websocket = offered.next().is_none()
        && value.to_str().is_ok_and(|v| {
            let mut protocols = v.split(',').map(str::trim);
            protocols
                .next()
                .is_some_and(|p| p.eq_ignore_ascii_case("websocket"))
                && protocols.next().is_none()
        });
    websocket.then(|| value.clone())
}

fn connection_names_upgrade(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim().eq_ignore_ascii_case("upgrade"))
}

/// Puts back the two hop-by-hop headers that carry a protocol switch.
fn keep_upgrade(headers: &mut HeaderMap, protocol: HeaderValue) {
    headers.insert(header::CONNECTION, HeaderValue::from_static("upgrade"));
    headers.insert(header::UPGRADE, protocol);
}

/// A write to the upstream side of a tunnel that waited `upstream_timeout`.
/// Deliberately not an I/O `TimedOut`, which the tunnel reads as the
/// client's write timeout.
#[derive(Debug, thiserror::Error)]
#[error("the upstream took no tunnelled byte for the upstream timeout")]
struct TunnelUpstreamStalled;

pin_project_lite::pin_project! {
    /// The upstream end of a tunnel: a write that times out (the upstream
    /// connection carries `upstream_timeout` as its write timeout) fails
    /// with [`TunnelUpstreamStalled`] instead, so a stuck upstream is told
    /// from a client that stops reading.
    struct UpstreamEnd<T> {
        #[pin]
        inner: T,
    }
}

fn upstream_stalled<T>(r: Poll<std::io::Result<T>>) -> Poll<std::io::Result<T>> {
    match r {
        Poll::Ready(Err(e)) if e.kind() == std::io::ErrorKind::TimedOut => {
            Poll::Ready(Err(std::io::Error::other(TunnelUpstreamStalled)))
        }
        r => r,
    }
}

impl<T: tokio::io::AsyncRead> tokio::io::AsyncRead for UpstreamEnd<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        self.project().inner.poll_read(cx, buf)
    }
}

impl<T: tokio::io::AsyncWrite> tokio::io::AsyncWrite for UpstreamEnd<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        upstream_stalled(self.project().inner.poll_write(cx, buf))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        upstream_stalled(self.project().inner.poll_flush(cx))
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        upstream_stalled(self.project().inner.poll_shutdown(cx))
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        upstream_stalled(self.project().inner.poll_write_vectored(cx, bufs))
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

/// Joins the client's and the upstream's upgraded connections until either
/// side closes, a write to the client waits `write_timeout` (the client
/// socket carries that timeout into the tunnel; counted in
/// `sluice_write_timeouts_total`), or a write to the upstream waits
/// `upstream_timeout` (counted as `sluice_upstream_timeouts_total{phase="tunnel"}`).
/// Silence on either side is no timeout: a WebSocket may idle.
fn tunnel(
    client: OnUpgrade,
    upstream: OnUpgrade,
    permit: Option<ConnPermit>,
    rid: String,
    metrics: Arc<Metrics>,
) {
    tokio::spawn(async move {
        let _permit = permit;
        let (client, upstream) = tokio::join!(client, upstream);
        let (client, upstream) = match (client, upstream) {
            (Ok(c), Ok(u)) => (c, u),
            (Err(e), _) | (_, Err(e)) => {
                tracing::warn!(request_id = %rid, error = %e, "protocol switch failed");
                return;
            }
        };
        let mut client = TokioIo::new(client);
        let mut upstream = UpstreamEnd {
            inner: TokioIo::new(upstream),
        };
        match tokio::io::copy_bidirectional(&mut client, &mut upstream).await {
            Ok((up, down)) => {
                tracing::debug!(request_id = %rid, bytes_up = up, bytes_down = down, "tunnel closed");
            }
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                metrics.observe_write_timeout();
                tracing::debug!(request_id = %rid, "tunnel not read in time by the client; closing");
            }
            Err(e) if e.get_ref().is_some_and(|r| r.is::<TunnelUpstreamStalled>()) => {
                metrics.observe_upstream_timeout(UpstreamPhase::Tunnel);
                tracing::warn!(request_id = %rid, "tunnel not read in time by the upstream; closing");
            }
            Err(e) => tracing::debug!(request_id = %rid, error = %e, "tunnel ended with an error"),
        }
    });
}

/// The most of a request body handed to the upstream connection at once:
/// each piece it takes moves the clock of [`head_within`].
const SEND_PIECE: usize = 64 * 1024;

/// When the upstream last took a piece of the request, as milliseconds
/// from `born`.
#[derive(Debug)]
struct Progress {
    born: tokio::time::Instant,
    last_ms: std::sync::atomic::AtomicU64,
}

impl Progress {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            born: tokio::time::Instant::now(),
            last_ms: std::sync::atomic::AtomicU64::new(0),
        })
    }

    fn touch(&self) {
        let ms = u64::try_from(self.born.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, std::sync::atomic::Ordering::Release);
    }

    fn last(&self) -> tokio::time::Instant {
        let ms = self.last_ms.load(std::sync::atomic::Ordering::Acquire);
        self.born + Duration::from_millis(ms)
    }
}

pin_project_lite::pin_project! {
    /// A request body on its way to the upstream, handed over in pieces of
    /// at most [`SEND_PIECE`] bytes (slices, not copies): hyper asks for the
    /// next piece once the upstream connection has taken enough of the
    /// last, and each ask is recorded in `progress`.
    struct SentBody {
        #[pin]
        inner: Body,
        rest: Option<Bytes>,
        progress: Arc<Progress>,
    }
}

impl http_body::Body for SentBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = self.project();
        this.progress.touch();
        let mut data = match this.rest.take() {
            Some(rest) => rest,
            None => match ready!(this.inner.poll_frame(cx)) {
                Some(Ok(frame)) => match frame.into_data() {
                    Ok(data) => data,
                    Err(frame) => return Poll::Ready(Some(Ok(frame))),
                },
                other => return Poll::Ready(other),
            },
        };
        if data.len() > SEND_PIECE {
            *this.rest = Some(data.split_off(SEND_PIECE));
        }
        Poll::Ready(Some(Ok(Frame::data(data))))
    }

    fn is_end_stream(&self) -> bool {
        self.rest.is_none() && self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        let rest = self.rest.as_ref().map_or(0, |r| r.len() as u64);
        let inner = self.inner.size_hint();
        let mut hint = SizeHint::new();
        hint.set_lower(inner.lower().saturating_add(rest));
        if let Some(upper) = inner.upper() {
            hint.set_upper(upper.saturating_add(rest));
        }
        hint
    }
}

/// Waits for the upstream's answer head until it has gone `timeout`
/// without taking a piece of the request or, once the request is sent,
/// without answering: `upstream_timeout` runs between two signs of life,
/// not over the whole exchange, so a large upload to a slow but steady
/// upstream is not cut (as nginx's `proxy_send_timeout` and
/// `proxy_read_timeout`). `Err` on timeout.
async fn head_within<F: std::future::Future>(
    timeout: Duration,
    progress: &Progress,
    answer: F,
) -> Result<F::Output, ()> {
    let mut answer = std::pin::pin!(answer);
    loop {
        let deadline = progress.last() + timeout;
        tokio::select! {
            r = answer.as_mut() => return Ok(r),
            () = tokio::time::sleep_until(deadline) => {
                if progress.last() + timeout <= tokio::time::Instant::now() {
                    return Err(());
                }
            }
        }
    }
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
    let upgrade = requested_upgrade(parts.version, &parts.headers);
    let client_upgrade = match upgrade {
        Some(_) => parts.extensions.remove::<OnUpgrade>(),
        None => None,
    };
    let permit = parts.extensions.get::<ConnPermit>().cloned();
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
    if let (Some(protocol), Some(_)) = (&upgrade, &client_upgrade) {
        keep_upgrade(&mut parts.headers, protocol.clone());
    }
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
    let progress = Progress::new();
    let body = Body::new(SentBody {
        inner: body,
        rest: None,
        progress: Arc::clone(&progress),
    });
    let upstream_req = Request::from_parts(parts, body);
    match head_within(proxy.timeout, &progress, proxy.client.request(upstream_req)).await {
        Ok(Ok(mut res)) => {
            let switching = res.status() == StatusCode::SWITCHING_PROTOCOLS;
            let switch = match client_upgrade {
                Some(client) if switching => {
                    let protocol = res.headers().get(header::UPGRADE).cloned();
                    tunnel(
                        client,
                        hyper::upgrade::on(&mut res),
                        permit,
                        rid.clone(),
                        Arc::clone(state.metrics()),
                    );
                    protocol
                }
                _ if switching => {
                    // A switch nobody asked for cannot be carried out.
                    tracing::warn!(request_id = %rid, "upstream switched protocols unasked");
                    let mut res = error_response(
                        StatusCode::BAD_GATEWAY,
                        "upstream switched protocols unasked",
                        &rid,
                        None,
                    );
                    res.extensions_mut().insert(Outcome("upstream_error"));
                    return res;
                }
                _ => None,
            };
            let (mut parts, incoming) = res.into_parts();
            strip_hop_by_hop(&mut parts.headers);
            let body = match switch {
                Some(protocol) => {
                    keep_upgrade(&mut parts.headers, protocol);
                    // A switched connection has no body; the tunnel may idle.
                    Body::new(incoming)
                }
                None => Body::new(UpstreamBody::new(
                    incoming,
                    parts.extensions.get::<WriteStalled>().cloned(),
                    proxy.timeout,
                    rid,
                    Arc::clone(state.metrics()),
                )),
            };
            // The client's connection has its own version; an HTTP/1.0
            // upstream must not downgrade it.
            parts.version = http::Version::HTTP_11;
            Response::from_parts(parts, body)
        }
        // The upstream took no byte of the request for upstream_timeout:
        // as late as a head that never comes.
        // (Not a connect timeout: an upstream that cannot be reached is a 502.)
        Ok(Err(e)) if !e.is_connect() && super::server::is_write_timeout(&e) => {
            upstream_head_timeout(&state, &rid)
        }
        Ok(Err(e)) => {
            tracing::warn!(request_id = %rid, error = %e, "upstream request failed");
            let mut res =
                error_response(StatusCode::BAD_GATEWAY, "upstream unavailable", &rid, None);
            res.extensions_mut().insert(Outcome("upstream_error"));
            res
        }
        Err(_) => upstream_head_timeout(&state, &rid),
    }
}

fn upstream_head_timeout(state: &AppState, rid: &str) -> Response {
    state
        .metrics()
        .observe_upstream_timeout(UpstreamPhase::Head);
    tracing::warn!(request_id = %rid, "upstream timed out");
    let mut res = error_response(StatusCode::GATEWAY_TIMEOUT, "upstream timed out", rid, None);
    res.extensions_mut().insert(Outcome("upstream_error"));
    res
}

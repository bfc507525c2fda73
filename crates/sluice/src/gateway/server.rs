//! The listener: connection limit, read timeouts, graceful shutdown.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use http_body_util::BodyExt;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc, watch};
use tower::ServiceExt;

use super::config::ConfigError;
use super::{AppState, app};

/// Why the gateway could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The configuration is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The pool configuration is invalid.
    #[error("invalid pool configuration: {0}")]
    Pool(String),
    /// The rules file could not be loaded.
    #[error("cannot load rules: {0}")]
    Rules(String),
    /// The listen address could not be bound.
    // The cause is the source, printed once by whoever walks the chain.
    #[error("cannot listen on {addr}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
}

/// A bound gateway, ready to [`run`](Server::run).
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    state: AppState,
}

impl Server {
    /// Binds the listen address in `state`'s config
    /// (port 0 picks a free port; see [`Server::local_addr`]).
    pub async fn bind(state: AppState) -> Result<Self, ServeError> {
        let addr = state.config().listen;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        Ok(Self { listener, state })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The shared state (pool, metrics, screener).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then stops accepting, lets in-flight
    /// requests finish for up to `shutdown_grace` and returns.
    ///
    /// A connection is closed when it sends no byte within
    /// `header_read_timeout` of being accepted, when it has no request in
    /// flight for `idle_timeout` (`header_read_timeout` before its first
    /// request), and, over HTTP/2, when it stops answering keep-alive pings.
    /// Idle sockets would otherwise hold `max_connections` slots forever.
    pub async fn run(self, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
        let Self { listener, state } = self;
        let config = state.config().clone();
        let router = app(state.clone());
        let permits = Arc::new(Semaphore::new(config.max_connections));
        let (stop_tx, stop_rx) = watch::channel(false);
        // Every connection task holds a sender; `recv` answers `None` once
        // the last one has ended.
        let (drain_tx, mut drain_rx) = mpsc::channel::<()>(1);
        let mut builder = auto::Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(config.header_read_timeout);
        // Pings find peers that vanished or stopped reading; the idle watch
        // below closes the ones that answer pings but send no request.
        builder
            .http2()
            .timer(TokioTimer::new())
            .keep_alive_interval(Some(config.header_read_timeout))
            .keep_alive_timeout(config.header_read_timeout);
        let builder = Arc::new(builder);
        let limits = ConnLimits {
            first_byte: config.header_read_timeout,
            idle: config.idle_timeout,
        };
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            // Waiting for a permit before accepting leaves excess clients in
            // the kernel backlog instead of holding memory for them here.
            let permit = tokio::select! {
                p = Arc::clone(&permits).acquire_owned() => match p {
                    Ok(p) => p,
                    Err(_) => break,
                },
                () = &mut shutdown => break,
            };
            let (stream, remote) = tokio::select! {
                r = listener.accept() => match r {
                    Ok(conn) => conn,
                    Err(e) => {
                        // EMFILE and friends: back off instead of spinning.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            let _ = stream.set_nodelay(true);
            let router = router.clone();
            let permit = super::proxy::ConnPermit::new(permit);
            let conn_permit = permit.clone();
            let drain_limit = config.max_body.max(MIN_DRAIN_BYTES);
            let activity = Arc::new(Activity::new());
            let conn_activity = Arc::clone(&activity);
            let svc = tower::service_fn(move |req: http::Request<Incoming>| {
                let mut req = req.map(|body| DrainOnDrop::new(body, drain_limit));
                let expect = req.headers().get(http::header::EXPECT).is_some();
                req.body_mut().expect_continue = expect;
                req.extensions_mut().insert(ConnectInfo(remote));
                req.extensions_mut().insert(conn_permit.clone());
                let busy = Busy::start(&conn_activity);
                let fut = router.clone().oneshot(req);
                async move {
                    let res = fut.await?;
                    Ok::<_, Infallible>(
                        res.map(|inner| axum::body::Body::new(TrackedBody { inner, _busy: busy })),
                    )
                }
            });
            let builder = Arc::clone(&builder);
            let metrics = Arc::clone(state.metrics());
            let stop = stop_rx.clone();
            let drain = drain_tx.clone();
            metrics.connection_delta(1);
            tokio::spawn(async move {
                serve_connection(stream, remote, &builder, svc, &activity, limits, stop).await;
                metrics.connection_delta(-1);
                drop(permit);
                drop(drain);
            });
        }
        drop(listener);
        state.set_ready(false);
        tracing::info!("shutting down: draining in-flight requests");
        let _ = stop_tx.send(true);
        drop(drain_tx);
        tokio::select! {
            _ = drain_rx.recv() => tracing::info!("all connections closed"),
            () = tokio::time::sleep(config.shutdown_grace) => {
                tracing::warn!(grace = ?config.shutdown_grace, "grace period over; closing remaining connections");
            }
        }
        Ok(())
    }
}

/// The time limits of one connection.
#[derive(Debug, Clone, Copy)]
struct ConnLimits {
    /// For the first byte, and for the first request to start.
    first_byte: Duration,
    /// With no request in flight, after the first.
    idle: Duration,
}

/// What a connection is doing, for its idle watch.
#[derive(Debug)]
struct Activity {
    born: tokio::time::Instant,
    in_flight: AtomicUsize,
    started: AtomicBool,
    /// Milliseconds from `born` to the last request's start or end.
    last_ms: AtomicU64,
}

impl Activity {
    fn new() -> Self {
        Self {
            born: tokio::time::Instant::now(),
            in_flight: AtomicUsize::new(0),
            started: AtomicBool::new(false),
            last_ms: AtomicU64::new(0),
        }
    }

    fn touch(&self) {
        let ms = u64::try_from(self.born.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Release);
    }

    /// When the connection becomes idle for too long, if nothing happens
    /// before; `None` while a request is in flight.
    fn idle_deadline(&self, limits: ConnLimits) -> Option<tokio::time::Instant> {
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return None;
        }
        let limit = if self.started.load(Ordering::Acquire) {
            limits.idle
        } else {
            limits.first_byte
        };
        let last = Duration::from_millis(self.last_ms.load(Ordering::Acquire));
        Some(self.born + last + limit)
    }
}

/// A request in flight on a connection, from its head until its answer's
/// body is sent or dropped.
#[derive(Debug)]
struct Busy(Arc<Activity>);

impl Busy {
    fn start(activity: &Arc<Activity>) -> Self {
        activity.started.store(true, Ordering::Release);
        activity.in_flight.fetch_add(1, Ordering::AcqRel);
        activity.touch();
        Self(Arc::clone(activity))
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

pin_project_lite::pin_project! {
    /// A response body that keeps its request counted as in flight.
    struct TrackedBody {
        #[pin]
        inner: axum::body::Body,
        _busy: Busy,
    }
}

impl Body for TrackedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        self.project().inner.poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// Serves one connection: waits for its first byte, then runs hyper under
/// the idle watch until it ends, is idle too long or the server stops.
async fn serve_connection<S>(
    stream: TcpStream,
    remote: SocketAddr,
    builder: &auto::Builder<TokioExecutor>,
    svc: S,
    activity: &Activity,
    limits: ConnLimits,
    mut stop: watch::Receiver<bool>,
) where
    S: tower::Service<
            http::Request<Incoming>,
            Response = http::Response<axum::body::Body>,
            Error = Infallible,
        > + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    // hyper's own header timeout starts only once the protocol is known,
    // which takes a first byte: a socket that sends none is closed here.
    let mut probe = [0u8; 1];
    tokio::select! {
        r = tokio::time::timeout(limits.first_byte, stream.peek(&mut probe)) => match r {
            Ok(Ok(n)) if n > 0 => {}
            Ok(_) => return,
            Err(_) => {
                tracing::debug!(%remote, "no request bytes in time; closing");
                return;
            }
        },
        _ = stop.changed() => return,
    }
    let conn =
        builder.serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(svc));
    let mut conn = std::pin::pin!(conn);
    let mut stopping = *stop.borrow();
    if stopping {
        conn.as_mut().graceful_shutdown();
    }
    // Set once this side asked the connection to close because it was
    // idle: a peer that then never answers is dropped at this time.
    let mut hard_close: Option<tokio::time::Instant> = None;
    // A request that began just as the close was asked for may finish, up
    // to this time: a client reading its answer slowly cannot hold the slot
    // for ever.
    let mut close_by: Option<tokio::time::Instant> = None;
    loop {
        let wake = match hard_close {
            Some(at) => at,
            None => activity
                .idle_deadline(limits)
                // A request in flight: look again later.
                .unwrap_or_else(|| tokio::time::Instant::now() + limits.idle),
        };
        tokio::select! {
            r = conn.as_mut() => {
                if let Err(e) = r {
                    tracing::debug!(error = %e, %remote, "connection ended with an error");
                }
                return;
            }
            _ = stop.changed(), if !stopping => {
                stopping = true;
                conn.as_mut().graceful_shutdown();
            }
            () = tokio::time::sleep_until(wake) => {
                let now = tokio::time::Instant::now();
                if hard_close.is_some_and(|at| now >= at) {
                    let in_flight = activity.idle_deadline(limits).is_none();
                    if in_flight && close_by.is_some_and(|by| now < by) {
                        hard_close = close_by.map(|by| by.min(now + limits.first_byte));
                        continue;
                    }
                    tracing::debug!(%remote, "idle connection did not close; dropping it");
                    return;
                }
                if hard_close.is_none() && activity.idle_deadline(limits).is_some_and(|at| now >= at) {
                    tracing::debug!(%remote, "connection idle too long; closing");
                    conn.as_mut().graceful_shutdown();
                    hard_close = Some(now + limits.first_byte);
                    close_by = Some(now + limits.idle.max(limits.first_byte));
                }
            }
        }
    }
}

/// How long an unread request body is read and discarded after an early
/// answer (413, 503, 403 before the body, 408).
const DRAIN_TIME: Duration = Duration::from_secs(1);

/// The least an unread request body is drained by: `max_body`, but at least this.
const MIN_DRAIN_BYTES: usize = 1024 * 1024;

/// A request body that, when dropped before its end, is read to the end in
/// the background and thrown away, for at most [`DRAIN_TIME`] and the given
/// number of bytes.
///
/// When the gateway answers before reading the body, hyper would otherwise
/// stop reading and close the connection with the client's data unread; the
/// kernel then answers the client's next bytes with a reset, and most
/// clients, still busy sending, report that reset instead of the answer.
/// Draining holds no memory beyond the frame in hand.
struct DrainOnDrop {
    inner: Option<Incoming>,
    polled: bool,
    expect_continue: bool,
    limit: usize,
}

impl DrainOnDrop {
    fn new(body: Incoming, limit: usize) -> Self {
        Self {
            inner: Some(body),
            polled: false,
            expect_continue: false,
            limit,
        }
    }
}

impl Body for DrainOnDrop {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        let this = self.get_mut();
        this.polled = true;
        match this.inner.as_mut() {
            Some(body) => Pin::new(body).poll_frame(cx),
            None => Poll::Ready(None),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.as_ref().is_none_or(Body::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        self.inner
            .as_ref()
            .map_or_else(|| SizeHint::with_exact(0), Body::size_hint)
    }
}

impl Drop for DrainOnDrop {
    fn drop(&mut self) {
        let Some(body) = self.inner.take() else {
            return;
        };
        // A client waiting for `100 Continue` has sent nothing yet; reading
        // now would only invite the body.
        if body.is_end_stream() || (self.expect_continue && !self.polled) {
            return;
        }
        let limit = self.limit;
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            rt.spawn(drain(body, limit));
        }
    }
}

async fn drain(mut body: Incoming, limit: usize) {
    let read = async {
        let mut seen = 0usize;
        while let Some(Ok(frame)) = body.frame().await {
            if let Some(data) = frame.data_ref() {
                seen = seen.saturating_add(data.len());
                if seen > limit {
                    break;
                }
            }
        }
    };
    let _ = tokio::time::timeout(DRAIN_TIME, read).await;
}

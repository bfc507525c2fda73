//! The listener: connection limit, read, idle and write timeouts, graceful
//! shutdown.

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
use tokio_io_timeout::TimeoutStream;
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
    /// Binds the listen address in `state`'s config: a host name is
    /// resolved and the first of its addresses that binds is used
    /// (port 0 picks a free port; see [`Server::local_addr`]).
    pub async fn bind(state: AppState) -> Result<Self, ServeError> {
        let mut failed = None;
        for addr in state.config().listen.resolve().await? {
            match TcpListener::bind(addr).await {
                Ok(listener) => return Ok(Self { listener, state }),
                Err(source) => failed = failed.or(Some(ServeError::Bind { addr, source })),
            }
        }
        Err(failed.unwrap_or_else(|| {
            ServeError::Config(ConfigError::Invalid {
                key: "listen",
                message: "resolves to no address".into(),
            })
        }))
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
    /// request), over HTTP/2 when it stops answering keep-alive pings, and
    /// when an answer to it makes no progress for `write_timeout`: the
    /// socket accepts no byte, or a response body waits that long for its
    /// previous frame to be taken (an HTTP/2 peer that keeps its
    /// flow-control window shut). Idle sockets and clients that stop
    /// reading would otherwise hold `max_connections` slots forever.
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
        // Streams per connection and header list size are bounded (hyper's
        // defaults, stated here so a change of default cannot lift them):
        // a client past the stream limit has its extra streams refused.
        builder
            .http2()
            .timer(TokioTimer::new())
            .max_concurrent_streams(H2_MAX_STREAMS)
            .max_header_list_size(H2_MAX_HEADER_LIST)
            .keep_alive_interval(Some(config.header_read_timeout))
            .keep_alive_timeout(config.header_read_timeout);
        let builder = Arc::new(builder);
        let limits = ConnLimits {
            first_byte: config.header_read_timeout,
            idle: config.idle_timeout,
            write: config.write_timeout,
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
                        res.map(|inner| axum::body::Body::new(TrackedBody { inner, busy })),
                    )
                }
            });
            let builder = Arc::clone(&builder);
            let metrics = Arc::clone(state.metrics());
            let stop = stop_rx.clone();
            let drain = drain_tx.clone();
            metrics.connection_delta(1);
            tokio::spawn(async move {
                let closed =
                    serve_connection(stream, remote, &builder, svc, &activity, limits, stop).await;
                if closed == Closed::WriteTimeout {
                    metrics.observe_write_timeout();
                }
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
    /// For an answer's writes to make progress.
    write: Duration,
}

/// What a connection is doing, for its idle watch.
#[derive(Debug)]
struct Activity {
    born: tokio::time::Instant,
    in_flight: AtomicUsize,
    started: AtomicBool,
    /// Milliseconds from `born` to the last request's start or end.
    last_ms: AtomicU64,
    /// Response bodies that handed hyper a frame and have not been asked
    /// for the next one: their writes wait on the client.
    waiting: AtomicUsize,
    /// Milliseconds from `born` to the last time hyper took a frame or
    /// came back for the next one.
    progress_ms: AtomicU64,
}

impl Activity {
    fn new() -> Self {
        Self {
            born: tokio::time::Instant::now(),
            in_flight: AtomicUsize::new(0),
            started: AtomicBool::new(false),
            last_ms: AtomicU64::new(0),
            waiting: AtomicUsize::new(0),
            progress_ms: AtomicU64::new(0),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.born.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn touch(&self) {
        self.last_ms.store(self.now_ms(), Ordering::Release);
    }

    /// A body handed hyper a frame: its write now waits on the client.
    fn wait_start(&self) {
        // The clock is set before the count is raised, so the watch never
        // sees a waiting body with a stale clock.
        self.progress_ms.store(self.now_ms(), Ordering::Release);
        self.waiting.fetch_add(1, Ordering::AcqRel);
    }

    /// Hyper came back to a waiting body (its frame is on its way) or
    /// dropped it.
    fn wait_end(&self) {
        self.progress_ms.store(self.now_ms(), Ordering::Release);
        self.waiting.fetch_sub(1, Ordering::AcqRel);
    }

    /// When the answers in flight have gone unread too long, if no write
    /// progresses before; `None` while no body waits on the client.
    fn write_deadline(&self, limit: Duration) -> Option<tokio::time::Instant> {
        if self.waiting.load(Ordering::Acquire) == 0 {
            return None;
        }
        let last = Duration::from_millis(self.progress_ms.load(Ordering::Acquire));
        Some(self.born + last + limit)
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
struct Busy {
    activity: Arc<Activity>,
    /// The answer's body handed hyper a frame and was not polled since.
    waiting: bool,
}

impl Busy {
    fn start(activity: &Arc<Activity>) -> Self {
        activity.started.store(true, Ordering::Release);
        activity.in_flight.fetch_add(1, Ordering::AcqRel);
        activity.touch();
        Self {
            activity: Arc::clone(activity),
            waiting: false,
        }
    }

    fn set_waiting(&mut self, waiting: bool) {
        if waiting == self.waiting {
            return;
        }
        self.waiting = waiting;
        if waiting {
            self.activity.wait_start();
        } else {
            self.activity.wait_end();
        }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.set_waiting(false);
        self.activity.touch();
        self.activity.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

pin_project_lite::pin_project! {
    /// A response body that keeps its request counted as in flight, and
    /// tells the connection's watch when hyper holds a frame of it without
    /// asking for the next: hyper asks only once the client has taken
    /// enough of the last (its write buffer drained, or the HTTP/2 stream
    /// window reopened).
    struct TrackedBody {
        #[pin]
        inner: axum::body::Body,
        busy: Busy,
    }
}

impl Body for TrackedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = self.project();
        this.busy.set_waiting(false);
        let polled = this.inner.poll_frame(cx);
        if let Poll::Ready(Some(Ok(frame))) = &polled {
            this.busy.set_waiting(frame.is_data());
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// How a connection ended, for the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closed {
    /// An answer went unread for `write_timeout`.
    WriteTimeout,
    /// Any other way: the client or the server closed it, a time limit
    /// other than the write timeout, an error.
    Other,
}

/// Whether a connection error is the socket's write timeout: the socket
/// has no other timeout, so a timed-out I/O error anywhere in the chain is
/// a write that made no progress.
pub(super) fn is_write_timeout(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
        {
            return true;
        }
        cause = c.source();
    }
    false
}

/// Serves one connection: waits for its first byte, then runs hyper under
/// the idle and write watch until it ends, is idle too long, stops taking
/// an answer, or the server stops.
async fn serve_connection<S>(
    stream: TcpStream,
    remote: SocketAddr,
    builder: &auto::Builder<TokioExecutor>,
    svc: S,
    activity: &Activity,
    limits: ConnLimits,
    mut stop: watch::Receiver<bool>,
) -> Closed
where
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
            Ok(_) => return Closed::Other,
            Err(_) => {
                tracing::debug!(%remote, "no request bytes in time; closing");
                return Closed::Other;
            }
        },
        _ = stop.changed() => return Closed::Other,
    }
    // Every write to the socket, heads, bodies, flushes and upgraded
    // tunnels alike, fails once it has waited `write_timeout` for the
    // client to take a byte; hyper then ends the connection.
    let mut stream = TimeoutStream::new(stream);
    stream.set_write_timeout(Some(limits.write));
    let io = TokioIo::new(Box::pin(stream));
    let conn = builder.serve_connection_with_upgrades(io, TowerToHyperService::new(svc));
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
        let mut wake = match hard_close {
            Some(at) => at,
            None => activity
                .idle_deadline(limits)
                // A request in flight: look again later.
                .unwrap_or_else(|| tokio::time::Instant::now() + limits.idle),
        };
        // The watch looks at least once per `write_timeout`, so a body that
        // starts waiting is seen before its deadline without waking the
        // watch for every frame; once seen, the deadline itself is kept.
        wake = wake.min(tokio::time::Instant::now() + limits.write);
        if let Some(at) = activity.write_deadline(limits.write) {
            wake = wake.min(at);
        }
        tokio::select! {
            r = conn.as_mut() => {
                return match r {
                    Ok(()) => Closed::Other,
                    Err(e) if is_write_timeout(&*e) => {
                        tracing::debug!(%remote, "answer not read in time; closing");
                        Closed::WriteTimeout
                    }
                    Err(e) => {
                        tracing::debug!(error = %e, %remote, "connection ended with an error");
                        Closed::Other
                    }
                };
            }
            _ = stop.changed(), if !stopping => {
                stopping = true;
                conn.as_mut().graceful_shutdown();
            }
            () = tokio::time::sleep_until(wake) => {
                let now = tokio::time::Instant::now();
                if activity.write_deadline(limits.write).is_some_and(|at| now >= at) {
                    // Dropping the connection drops its streams, and with
                    // them the bodies that wait (an upstream answer stops
                    // being read too).
                    tracing::debug!(%remote, "answer not read in time; closing");
                    return Closed::WriteTimeout;
                }
                if hard_close.is_some_and(|at| now >= at) {
                    let in_flight = activity.idle_deadline(limits).is_none();
                    if in_flight && close_by.is_some_and(|by| now < by) {
                        hard_close = close_by.map(|by| by.min(now + limits.first_byte));
                        continue;
                    }
                    tracing::debug!(%remote, "idle connection did not close; dropping it");
                    return Closed::Other;
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

/// Concurrent HTTP/2 streams one connection may open.
const H2_MAX_STREAMS: u32 = 200;

/// Largest HTTP/2 header list (names and values, decoded) a request may send.
const H2_MAX_HEADER_LIST: u32 = 16 * 1024;

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

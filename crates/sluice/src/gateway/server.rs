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
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
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
    #[error("cannot listen on {addr}: {source}")]
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
    pub async fn run(self, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
        let Self { listener, state } = self;
        let config = state.config().clone();
        let router = app(state.clone());
        let permits = Arc::new(Semaphore::new(config.max_connections));
        let graceful = GracefulShutdown::new();
        let mut builder = auto::Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(config.header_read_timeout);
        builder.http2().timer(TokioTimer::new());
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
            let svc = tower::service_fn(move |req: http::Request<Incoming>| {
                let mut req = req.map(|body| DrainOnDrop::new(body, drain_limit));
                let expect = req.headers().get(http::header::EXPECT).is_some();
                req.body_mut().expect_continue = expect;
                req.extensions_mut().insert(ConnectInfo(remote));
                req.extensions_mut().insert(conn_permit.clone());
                router.clone().oneshot(req)
            });
            let conn = builder
                .serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(svc))
                .into_owned();
            let conn = graceful.watch(conn);
            let metrics = Arc::clone(state.metrics());
            metrics.connection_delta(1);
            tokio::spawn(async move {
                if let Err(e) = conn.await {
                    tracing::debug!(error = %e, %remote, "connection ended with an error");
                }
                metrics.connection_delta(-1);
                drop(permit);
            });
        }
        drop(listener);
        state.set_ready(false);
        tracing::info!("shutting down: draining in-flight requests");
        tokio::select! {
            () = graceful.shutdown() => tracing::info!("all connections closed"),
            () = tokio::time::sleep(config.shutdown_grace) => {
                tracing::warn!(grace = ?config.shutdown_grace, "grace period over; closing remaining connections");
            }
        }
        Ok(())
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

//! [`ScreenLayer`]: the tower `Layer` that wraps a service in [`ScreenService`].

use tower::Layer;

use super::{ScreenService, Screener};

/// Screens every request before the wrapped service sees it: the tower
/// `Layer` form of [`Screener`], usable by any axum or hyper application.
///
/// A screened request has its path, query string, selected headers and body
/// handed to the detector. Findings are then sorted by the action configured
/// for their category:
///
/// - **block**: the request is answered `403 {error, request_id, threats}` and
///   the inner service is never called;
/// - **log**: the request goes on with an `x-sluice-findings` header listing
///   `category/rule` pairs;
/// - **redact**: personal data in the body and in query keys and values is
///   replaced before the inner service sees it (a changed query key or value
///   is percent-encoded anew, every `=` and `&` kept), and `content-length`
///   is fixed up; in a body that
///   is not all UTF-8 the text runs are redacted and other bytes kept as
///   sent. Personal data in a header is reported in `x-sluice-findings` but
///   neither redacted nor blocked: it is the client's own (`from`, cookies),
///   and rewriting it would break what carries it;
/// - **allow**: counted in the metrics, nothing else.
///
/// # Example
///
/// ```
/// use axum::{Router, routing::post};
/// use sluice::gateway::{BodyPool, Detector, PoolConfig, ScreenLayer, Screener};
///
/// let bodies = BodyPool::new(PoolConfig::default())?;
/// let screener = Screener::new(Detector::new(), bodies)
///     .max_body(1024 * 1024);
/// let app: Router = Router::new()
///     .route("/comments", post(|body: String| async move { body }))
///     .layer(ScreenLayer::new(screener));
/// # let _ = app;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Backpressure
///
/// `poll_ready` of [`ScreenService`] forwards to the inner service, so a full
/// inner service stops the layer from accepting requests; the instance that
/// was polled ready is the one called once screening is done. Request bodies
/// are read into buffers from the screener's
/// [`BodyPool`](crate::gateway::BodyPool): while its body budget is used up,
/// further bodies wait, first come first served, instead of being read (TCP
/// flow control holds the client back). A request that waits longer than
/// [`Screener::acquire_timeout`], or that arrives while body memory or the
/// pool's pressure is above the shedding threshold, is answered `503` with
/// `Retry-After`; service resumes by itself as soon as buffers come back.
///
/// The layer only holds the policy; [`Layer::layer`] hands a clone of it to
/// each [`ScreenService`].
#[derive(Debug, Clone)]
pub struct ScreenLayer {
    screener: Screener,
}

impl ScreenLayer {
    /// A layer applying `screener`'s policy.
    pub fn new(screener: Screener) -> Self {
        Self { screener }
    }
}

impl<S> Layer<S> for ScreenLayer {
    type Service = ScreenService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ScreenService::new(inner, self.screener.clone())
    }
}

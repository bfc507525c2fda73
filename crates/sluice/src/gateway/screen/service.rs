//! [`ScreenService`]: screens a request, then calls the inner service.

use std::fmt::Display;
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{Request, Response};
use http_body::Body;
use tower::Service;

use super::{ResponseFuture, Screener};
use crate::gateway::error::ensure_request_id;

/// Screens each request and passes it on only when no blocking finding was made.
///
/// Made by [`ScreenLayer`](super::ScreenLayer). The request body reaches the
/// inner service as the same body type `B`, rebuilt from the screened bytes
/// (`B: From<Bytes>`: axum's `Body` and `http_body_util::Full<Bytes>` both are).
#[derive(Debug, Clone)]
pub struct ScreenService<S> {
    inner: S,
    screener: Screener,
}

// ===== impl ScreenService =====

impl<S> ScreenService<S> {
    /// Wraps `inner` with `screener`'s policy.
    pub fn new(inner: S, screener: Screener) -> Self {
        Self { inner, screener }
    }

    /// The inner service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The inner service, mutably.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// Unwraps the inner service.
    pub fn into_inner(self) -> S {
        self.inner
    }

    /// The screening policy.
    pub fn screener(&self) -> &Screener {
        &self.screener
    }
}

impl<S, B, ResB> Service<Request<B>> for ScreenService<S>
where
    S: Service<Request<B>, Response = Response<ResB>> + Clone + Send + 'static,
    B: Body + From<Bytes> + Send + 'static,
    B::Data: Send,
    B::Error: Display + Send,
    ResB: From<Bytes> + Send + 'static,
{
    type Response = Response<ResB>;
    type Error = S::Error;
    type Future = ResponseFuture<S, B>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request<B>) -> Self::Future {
        // The instance that was polled ready is the one that gets called.
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        let screener = self.screener.clone();
        let rid = ensure_request_id(req.headers_mut());
        let screen = Box::pin(async move {
            screener
                .screen(req)
                .await
                .map_err(|rejection| rejection.into_response::<ResB>(&rid))
        });
        ResponseFuture::new(screen, inner)
    }
}

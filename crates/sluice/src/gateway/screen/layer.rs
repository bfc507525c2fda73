//! [`ScreenLayer`]: the tower `Layer` that wraps a service in [`ScreenService`].

use tower::Layer;

use super::{ScreenService, Screener};

/// Screens every request before the wrapped service sees it.
///
/// The layer only holds the policy; [`Layer::layer`] hands a clone of it to
/// each [`ScreenService`]. See the [module docs](super) for what is screened
/// and how backpressure works.
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

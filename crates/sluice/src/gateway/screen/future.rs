//! [`ResponseFuture`]: screening first, then the inner service's future.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use http::Request;
use pin_project_lite::pin_project;
use tower::Service;

type ScreenFuture<B, R> = Pin<Box<dyn Future<Output = Result<Request<B>, R>> + Send>>;

pin_project! {
    /// The response future of [`ScreenService`](super::ScreenService).
    pub struct ResponseFuture<S, B>
    where
        S: Service<Request<B>>,
    {
        #[pin]
        state: State<S, B>,
    }
}

pin_project! {
    #[project = StateProj]
    #[project_replace = StateReplace]
    enum State<S, B>
    where
        S: Service<Request<B>>,
    {
        Screening {
            screen: ScreenFuture<B, S::Response>,
            inner: S,
        },
        Calling {
            #[pin]
            fut: S::Future,
        },
        Done,
    }
}

// ===== impl ResponseFuture =====

impl<S, B> ResponseFuture<S, B>
where
    S: Service<Request<B>>,
{
    pub(super) fn new(screen: ScreenFuture<B, S::Response>, inner: S) -> Self {
        Self {
            state: State::Screening { screen, inner },
        }
    }
}

impl<S, B> fmt::Debug for ResponseFuture<S, B>
where
    S: Service<Request<B>>,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match &self.state {
            State::Screening { .. } => "screening",
            State::Calling { .. } => "calling",
            State::Done => "done",
        };
        f.debug_struct("ResponseFuture")
            .field("state", &state)
            .finish()
    }
}

impl<S, B> Future for ResponseFuture<S, B>
where
    S: Service<Request<B>>,
{
    type Output = Result<S::Response, S::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match this.state.as_mut().project() {
                StateProj::Screening { screen, .. } => {
                    let screened = ready!(screen.as_mut().poll(cx));
                    let StateReplace::Screening { mut inner, .. } =
                        this.state.as_mut().project_replace(State::Done)
                    else {
                        // Unreachable: the state was Screening a line above.
                        return Poll::Pending;
                    };
                    match screened {
                        Ok(req) => {
                            let fut = inner.call(req);
                            this.state.set(State::Calling { fut });
                        }
                        Err(rejected) => return Poll::Ready(Ok(rejected)),
                    }
                }
                StateProj::Calling { fut } => {
                    let out = ready!(fut.poll(cx));
                    this.state.set(State::Done);
                    return Poll::Ready(out);
                }
                StateProj::Done => {
                    // Polled after completion: tower futures may not be, so stay pending.
                    return Poll::Pending;
                }
            }
        }
    }
}

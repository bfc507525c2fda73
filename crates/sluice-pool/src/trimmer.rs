//! The optional background trimmer: a thread that calls `trim()` every
//! `trim_interval` and ends when the pool is dropped.

use std::sync::{Arc, Condvar, Mutex, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::pool::Inner;

pub(crate) struct Trimmer {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Trimmer {
    pub(crate) fn start(pool: Weak<Inner>, every: Duration) -> Self {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("sluice-pool-trim".into())
            .spawn(move || run(&pool, every, &flag))
            .ok();
        Self { stop, thread }
    }

    /// Stops the thread and waits for it (at most one trim's duration).
    pub(crate) fn stop(mut self) {
        {
            let (lock, cv) = &*self.stop;
            *lock.lock().unwrap_or_else(|p| p.into_inner()) = true;
            cv.notify_all();
        }
        if let Some(t) = self.thread.take()
            && t.thread().id() != std::thread::current().id()
        {
            let _ = t.join();
        }
    }
}

fn run(pool: &Weak<Inner>, every: Duration, stop: &(Mutex<bool>, Condvar)) {
    let (lock, cv) = stop;
    let mut next = Instant::now() + every;
    loop {
        {
            let mut stopped = lock.lock().unwrap_or_else(|p| p.into_inner());
            loop {
                if *stopped {
                    return;
                }
                let now = Instant::now();
                if now >= next {
                    break;
                }
                stopped = cv
                    .wait_timeout(stopped, next - now)
                    .unwrap_or_else(|p| p.into_inner())
                    .0;
            }
        }
        next = Instant::now() + every;
        let Some(inner) = pool.upgrade() else { return };
        if inner.is_closed() {
            return;
        }
        inner.trim();
    }
}

//! The checked-out cap: a byte counter every acquisition charges and every
//! release refunds, plus (with the `tokio` feature) a fair queue of waiters.

use crate::loom::{AtomicU64, AtomicUsize, Ordering};

pub(crate) struct Gate {
    used: AtomicUsize,
    cap: usize,
    high_water: AtomicUsize,
    overruns: AtomicU64,
    #[cfg(feature = "tokio")]
    pub(crate) waiters: AtomicUsize,
    #[cfg(feature = "tokio")]
    pub(crate) notify: tokio::sync::Notify,
    /// FIFO order among async waiters: only the holder waits on `notify`, so
    /// a large request is not starved by a stream of small ones.
    #[cfg(feature = "tokio")]
    pub(crate) queue: tokio::sync::Mutex<()>,
}

impl Gate {
    pub(crate) fn new(cap: usize) -> Self {
        Self {
            used: AtomicUsize::new(0),
            cap,
            high_water: AtomicUsize::new(0),
            overruns: AtomicU64::new(0),
            #[cfg(feature = "tokio")]
            waiters: AtomicUsize::new(0),
            #[cfg(feature = "tokio")]
            notify: tokio::sync::Notify::new(),
            #[cfg(feature = "tokio")]
            queue: tokio::sync::Mutex::new(()),
        }
    }

    pub(crate) fn cap(&self) -> usize {
        self.cap
    }

    /// What a buffer of `bytes` is charged: a buffer larger than the whole cap
    /// is charged the cap, so it is admitted once nothing else is out instead
    /// of never.
    pub(crate) fn charge_for(&self, bytes: usize) -> usize {
        bytes.min(self.cap)
    }

    /// Charges `c` if that keeps the total within the cap; otherwise returns
    /// the bytes currently charged.
    pub(crate) fn try_charge(&self, c: usize) -> Result<(), usize> {
        let mut cur = self.used.load(Ordering::SeqCst);
        loop {
            let new = cur.saturating_add(c);
            if new > self.cap {
                return Err(cur);
            }
            match self
                .used
                .compare_exchange_weak(cur, new, Ordering::SeqCst, Ordering::SeqCst)
            {
                Ok(_) => {
                    self.note_high_water(new);
                    return Ok(());
                }
                Err(actual) => cur = actual,
            }
        }
    }

    /// Charges `c` even past the cap (plain `acquire`); counts an overrun if
    /// it went past.
    pub(crate) fn force_charge(&self, c: usize) {
        let new = self.used.fetch_add(c, Ordering::SeqCst).saturating_add(c);
        if new > self.cap {
            self.overruns.fetch_add(1, Ordering::Relaxed);
        }
        self.note_high_water(new);
    }

    pub(crate) fn refund(&self, c: usize) {
        self.used.fetch_sub(c, Ordering::SeqCst);
        // SeqCst pairs with the waiter's increment of `waiters` before its
        // retry: either this load sees the waiter, or the waiter's retry sees
        // the refund. No wake-up is lost.
        #[cfg(feature = "tokio")]
        if self.waiters.load(Ordering::SeqCst) > 0 {
            self.notify.notify_waiters();
        }
    }

    fn note_high_water(&self, v: usize) {
        if v > self.high_water.load(Ordering::Relaxed) {
            self.high_water.fetch_max(v, Ordering::Relaxed);
        }
    }

    pub(crate) fn used(&self) -> usize {
        self.used.load(Ordering::Relaxed)
    }

    pub(crate) fn high_water(&self) -> usize {
        self.high_water.load(Ordering::Relaxed)
    }

    pub(crate) fn overruns(&self) -> u64 {
        self.overruns.load(Ordering::Relaxed)
    }

    pub(crate) fn waiting(&self) -> usize {
        #[cfg(feature = "tokio")]
        {
            self.waiters.load(Ordering::Relaxed)
        }
        #[cfg(not(feature = "tokio"))]
        {
            0
        }
    }
}

//! The retention budget: byte counters reserved *before* a buffer is retained.
//!
//! `total` and `classes[k]` count bytes reserved for idle buffers: those in the
//! shared storage, those in thread caches, and the unused credit thread caches
//! hold. A buffer is retained only after its bytes were reserved here and the
//! reservation is given back only after the buffer left the pool, so the real
//! retained bytes never exceed the counters, and the counters never exceed the
//! caps (every increase is a compare-and-swap that checks the cap).

use crate::class::NUM_CLASSES;
use crate::loom::{AtomicUsize, Ordering};

pub(crate) struct Budget {
    total: AtomicUsize,
    classes: Box<[AtomicUsize]>,
    high_water: AtomicUsize,
    class_high_water: Box<[AtomicUsize]>,
    max_total: usize,
    max_class: usize,
}

/// Adds `n` to `a` unless the result would exceed `max`.
fn add_capped(a: &AtomicUsize, n: usize, max: usize) -> bool {
    let mut cur = a.load(Ordering::Relaxed);
    loop {
        let Some(new) = cur.checked_add(n).filter(|&v| v <= max) else {
            return false;
        };
        // Relaxed is enough: the cap is a property of this one counter's
        // modification order; the buffers themselves travel through mutexes.
        match a.compare_exchange_weak(cur, new, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return true,
            Err(actual) => cur = actual,
        }
    }
}

impl Budget {
    pub(crate) fn new(max_total: usize, max_class: usize) -> Self {
        Self {
            total: AtomicUsize::new(0),
            classes: (0..NUM_CLASSES).map(|_| AtomicUsize::new(0)).collect(),
            high_water: AtomicUsize::new(0),
            class_high_water: (0..NUM_CLASSES).map(|_| AtomicUsize::new(0)).collect(),
            max_total,
            max_class,
        }
    }

    /// Reserves `bytes` for class `k` in both the class and the total counter,
    /// or reserves nothing and returns false.
    pub(crate) fn try_reserve(&self, k: usize, bytes: usize) -> bool {
        if !add_capped(&self.classes[k], bytes, self.max_class) {
            return false;
        }
        if !add_capped(&self.total, bytes, self.max_total) {
            self.classes[k].fetch_sub(bytes, Ordering::Relaxed);
            return false;
        }
        let now = self.total.load(Ordering::Relaxed);
        if now > self.high_water.load(Ordering::Relaxed) {
            self.high_water.fetch_max(now, Ordering::Relaxed);
        }
        let class_now = self.classes[k].load(Ordering::Relaxed);
        if class_now > self.class_high_water[k].load(Ordering::Relaxed) {
            self.class_high_water[k].fetch_max(class_now, Ordering::Relaxed);
        }
        true
    }

    /// Gives back a reservation made by [`Budget::try_reserve`].
    pub(crate) fn release(&self, k: usize, bytes: usize) {
        if bytes == 0 {
            return;
        }
        self.total.fetch_sub(bytes, Ordering::Relaxed);
        self.classes[k].fetch_sub(bytes, Ordering::Relaxed);
    }

    pub(crate) fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }

    pub(crate) fn high_water(&self) -> usize {
        self.high_water.load(Ordering::Relaxed)
    }

    /// The highest reservation class `k` has held.
    pub(crate) fn class_high_water(&self, k: usize) -> usize {
        self.class_high_water[k].load(Ordering::Relaxed)
    }
}

//! Statistics: counters written by one thread each, summed when read.

use serde::Serialize;

use crate::class::CLASS_SLOTS;
// Plain std atomics even in loom builds: these are independent relaxed
// counters, not part of the structures the models check, and tracking
// hundreds of them would only slow the models down.
use std::sync::atomic::{AtomicU64, Ordering};

/// Counters of one size class.
#[derive(Default)]
pub(crate) struct ClassCounters {
    pub(crate) hits: AtomicU64,
    pub(crate) misses: AtomicU64,
    /// Buffers of this class (by class at acquisition) released.
    pub(crate) returned: AtomicU64,
    pub(crate) trimmed: AtomicU64,
    pub(crate) trimmed_bytes: AtomicU64,
    /// Released buffers not retained because a cap was full.
    pub(crate) dropped: AtomicU64,
    /// Buffers that came back grown and were filed under a larger class.
    pub(crate) regrown: AtomicU64,
    /// Gauge of the owning thread's cache: buffers it holds (each exactly
    /// the class size, so the bytes follow).
    pub(crate) cached_bufs: AtomicU64,
}

/// A set of counters. Each thread owns one per pool and is its only writer
/// (plain load + store, no read-modify-write); the pool keeps one more for
/// paths that run without a thread cache, written with `fetch_add`.
pub(crate) struct Counters {
    /// Inline, not boxed: the fast paths reach a class's counters with one
    /// load fewer. One slot per class, padded to a power of two so the
    /// fast paths mask the index (the padding stays zero).
    pub(crate) classes: [ClassCounters; CLASS_SLOTS],
    pub(crate) unpooled: AtomicU64,
    pub(crate) unpooled_bytes: AtomicU64,
    pub(crate) unpooled_returned: AtomicU64,
    pub(crate) unpooled_returned_bytes: AtomicU64,
    /// Buffers returned grown past the largest class and freed.
    pub(crate) oversize_dropped: AtomicU64,
}

impl Default for Counters {
    fn default() -> Self {
        Self {
            classes: std::array::from_fn(|_| ClassCounters::default()),
            unpooled: AtomicU64::new(0),
            unpooled_bytes: AtomicU64::new(0),
            unpooled_returned: AtomicU64::new(0),
            unpooled_returned_bytes: AtomicU64::new(0),
            oversize_dropped: AtomicU64::new(0),
        }
    }
}

/// Adds `n` to a counter. `owned` means the calling thread is the counter's
/// only writer, which makes a plain load and store exact and avoids a locked
/// instruction on the hot path.
#[inline]
pub(crate) fn bump(a: &AtomicU64, n: u64, owned: bool) {
    if owned {
        a.store(a.load(Ordering::Relaxed).wrapping_add(n), Ordering::Relaxed);
    } else {
        a.fetch_add(n, Ordering::Relaxed);
    }
}

/// Sets a gauge owned by the calling thread.
#[inline]
#[cfg_attr(loom, allow(dead_code))]
pub(crate) fn set(a: &AtomicU64, v: u64) {
    a.store(v, Ordering::Relaxed);
}

#[inline]
pub(crate) fn get(a: &AtomicU64) -> u64 {
    a.load(Ordering::Relaxed)
}

impl Counters {
    /// Adds every counter of `other` into `self` (a thread's counters folded
    /// into the pool's when the thread exits). Gauges are not folded: a
    /// thread flushes its cache before it exits.
    #[cfg_attr(loom, allow(dead_code))]
    pub(crate) fn absorb(&self, other: &Counters) {
        for (a, b) in self.classes.iter().zip(other.classes.iter()) {
            for (x, y) in [
                (&a.hits, &b.hits),
                (&a.misses, &b.misses),
                (&a.returned, &b.returned),
                (&a.trimmed, &b.trimmed),
                (&a.trimmed_bytes, &b.trimmed_bytes),
                (&a.dropped, &b.dropped),
                (&a.regrown, &b.regrown),
            ] {
                bump(x, get(y), false);
            }
        }
        for (x, y) in [
            (&self.unpooled, &other.unpooled),
            (&self.unpooled_bytes, &other.unpooled_bytes),
            (&self.unpooled_returned, &other.unpooled_returned),
            (
                &self.unpooled_returned_bytes,
                &other.unpooled_returned_bytes,
            ),
            (&self.oversize_dropped, &other.oversize_dropped),
        ] {
            bump(x, get(y), false);
        }
    }
}

/// Statistics of one size class. Byte counts of checked-out buffers are in
/// class-size units (what the buffer was handed out as).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClassStats {
    /// The class size in bytes.
    pub size: usize,
    /// Idle bytes held for this class (shared storage and thread caches),
    /// by real buffer capacity.
    pub retained_bytes: u64,
    /// Idle buffers held for this class.
    pub retained_buffers: u64,
    /// Bytes of this class's buffers currently checked out.
    pub checked_out_bytes: u64,
    /// Buffers of this class currently checked out.
    pub checked_out_buffers: u64,
    /// Highest bytes reserved for this class's idle buffers (idle bytes
    /// plus the thread caches' unused credit for the class; the class's
    /// share of [`PoolStats::retained_budget_bytes`]). Exact.
    pub retained_high_water_bytes: u64,
    /// Highest `checked_out_bytes` of this class seen by `stats()`,
    /// `health()` and `trim()` calls.
    pub checked_out_high_water_bytes: u64,
    /// Acquisitions served by this class (`hits + misses`).
    pub acquires: u64,
    /// Acquisitions served by a retained buffer.
    pub hits: u64,
    /// Acquisitions that allocated a fresh buffer.
    pub misses: u64,
    /// Fresh allocations (misses) of this class per second over the same
    /// window as [`PoolStats::alloc_rate_per_sec`].
    pub alloc_rate_per_sec: f64,
    /// Idle buffers released to the allocator by trimming.
    pub trimmed_buffers: u64,
    /// Bytes released to the allocator by trimming.
    pub trimmed_bytes: u64,
    /// Released buffers freed instead of retained because a cap was full.
    pub dropped_buffers: u64,
    /// Buffers that came back grown and were filed under a larger class
    /// (more than one doubling above this one: a request may be served by
    /// an idle buffer up to a doubling larger).
    pub regrown_buffers: u64,
}

/// A snapshot of a pool's statistics, from [`Pool::stats`](crate::Pool::stats).
///
/// Counters are summed over per-thread counters without a global lock, so a
/// snapshot taken while other threads work is consistent per counter, not
/// across counters.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PoolStats {
    /// Per size class, smallest first.
    pub classes: Vec<ClassStats>,
    /// Idle bytes held (shared storage and thread caches), by real capacity.
    pub retained_bytes: u64,
    /// Idle buffers held.
    pub retained_buffers: u64,
    /// Bytes reserved against `max_retained_bytes`: retained bytes plus the
    /// unused credit of thread caches. Never above the cap.
    pub retained_budget_bytes: u64,
    /// Highest `retained_budget_bytes` ever reached (exact).
    pub retained_high_water_bytes: u64,
    /// The configured cap on retained bytes.
    pub max_retained_bytes: u64,
    /// Bytes checked out: class size of every pooled buffer plus the
    /// requested capacity of every unpooled one, not yet released.
    pub checked_out_bytes: u64,
    /// Buffers checked out (pooled and unpooled).
    pub checked_out_buffers: u64,
    /// Highest `checked_out_bytes` seen: exact when `max_checked_out_bytes`
    /// is set, otherwise the highest value seen by `stats()`, `health()` and
    /// `trim()` calls.
    pub checked_out_high_water_bytes: u64,
    /// The configured checked-out cap, if any.
    pub max_checked_out_bytes: Option<u64>,
    /// Every acquisition: `hits + misses + unpooled`.
    pub acquires: u64,
    /// Acquisitions served by a retained buffer.
    pub hits: u64,
    /// Pooled acquisitions that allocated a fresh buffer.
    pub misses: u64,
    /// Acquisitions above the largest class, allocated and freed directly.
    pub unpooled: u64,
    /// Bytes of unpooled buffers currently checked out.
    pub unpooled_checked_out_bytes: u64,
    /// `hits / acquires`, 0 when there were no acquisitions. Unpooled
    /// acquisitions count as acquisitions that were not hits.
    pub hit_rate: f64,
    /// Fresh allocations (misses and unpooled) per second since the previous
    /// `stats()` call (since the pool was built for the first call).
    pub alloc_rate_per_sec: f64,
    /// Bytes freshly allocated per second over the same window.
    pub alloc_bytes_per_sec: f64,
    /// Idle buffers released to the allocator by trimming.
    pub trimmed_buffers: u64,
    /// Bytes released to the allocator by trimming.
    pub trimmed_bytes: u64,
    /// Released buffers freed instead of retained because a cap was full or
    /// they had grown past the largest class.
    pub dropped_buffers: u64,
    /// Plain `acquire` calls that went past `max_checked_out_bytes`.
    pub cap_overruns: u64,
    /// Tasks waiting in `acquire_async`.
    pub waiters: u64,
    /// Checked-out buffers currently tracked for leak reports.
    pub tracked_buffers: u64,
}

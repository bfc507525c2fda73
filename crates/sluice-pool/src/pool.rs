//! The pool: shared per-class storage, acquisition and release.

use std::fmt;
use std::mem::ManuallyDrop;
use std::panic::Location;
use std::ptr::NonNull;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::budget::Budget;
use crate::buf::{
    CHARGED, OFFSIZE, Parts, PooledBuf, TRACKED, UNPOOLED, tag, tag_class, tag_flags,
};
use crate::class::{NUM_CLASSES, class_for_capacity, class_for_request, class_size};
use crate::config::PoolConfig;
use crate::error::{AcquireError, ConfigError};
use crate::gate::Gate;
use crate::leak::{LeakSite, LeakTracker, UNTRACKED};
use crate::loom::{AtomicBool, AtomicU64, AtomicUsize, Mutex, Ordering, lock};
use crate::pressure::{PressureLevel, PressureProbe, threshold_level};
use crate::stats::{ClassStats, Counters, PoolStats, bump, get};

/// A checked-out buffer's link to its pool: one strong count of the pool's
/// `Arc<Inner>`, as a raw pointer.
///
/// An `Arc` clone and drop per buffer would be two atomic read-modify-writes
/// on one cache line that every thread shares. Instead each thread cache
/// keeps a stash of strong counts it owns and hands them out and takes them
/// back with plain arithmetic (see `local.rs`); only the stash refills and
/// spills touch the shared count. No `Drop`: whoever ends a `PoolRef` passes
/// its count on explicitly ([`PoolRef::into_arc`] or a stash).
pub(crate) struct PoolRef(NonNull<Inner>);

// SAFETY: a `PoolRef` is an owned `Arc<Inner>` in raw form, and `Inner` is
// `Send + Sync` (every field is), so sending or sharing it is as sound as
// sending or sharing the `Arc`.
unsafe impl Send for PoolRef {}
// SAFETY: as above.
unsafe impl Sync for PoolRef {}

impl PoolRef {
    /// A new strong count of `arc`.
    pub(crate) fn new(arc: &Arc<Inner>) -> Self {
        let ptr = arc_ptr(arc);
        // The count this `PoolRef` owns from now on.
        std::mem::forget(Arc::clone(arc));
        Self(ptr)
    }

    /// Moves the count out of a buffer being dropped: the field left behind
    /// has no drop glue and is never used again.
    pub(crate) fn take_for_drop(&mut self) -> Self {
        Self(self.0)
    }

    /// Wraps a strong count the caller owns and gives up.
    ///
    /// # Safety
    /// `ptr` must come from `Arc::<Inner>::into_raw` (or `Arc::as_ptr` of a
    /// live `Arc`), and the caller must own one strong count of it that it
    /// hands over to the new `PoolRef`.
    #[cfg(not(loom))]
    pub(crate) unsafe fn from_owned(ptr: NonNull<Inner>) -> Self {
        Self(ptr)
    }

    /// The pool.
    #[cfg_attr(loom, allow(dead_code))]
    pub(crate) fn inner(&self) -> &Inner {
        // SAFETY: this `PoolRef` owns a strong count, so the `Inner` lives
        // at least as long as `self`.
        unsafe { self.0.as_ref() }
    }

    /// Turns the owned count back into an `Arc`.
    pub(crate) fn into_arc(self) -> Arc<Inner> {
        // SAFETY: `self` owns one strong count of an `Arc<Inner>` pointer
        // (constructor invariant), which the returned `Arc` takes over.
        unsafe { Arc::from_raw(self.0.as_ptr()) }
    }
}

/// `arc`'s pointer, with the provenance of the whole `Arc` allocation (a
/// pointer made from `&**arc` may only reach the contents, while the
/// pointers made here are also used to change the reference counts).
pub(crate) fn arc_ptr(arc: &Arc<Inner>) -> NonNull<Inner> {
    // SAFETY: an `Arc`'s pointer is never null.
    unsafe { NonNull::new_unchecked(Arc::as_ptr(arc).cast_mut()) }
}

/// Takes a released buffer back (called from `PooledBuf::drop`).
#[inline(always)]
pub(crate) fn release(b: &mut PooledBuf) {
    // An untouched, untracked, uncharged buffer: nothing to zero, refund or
    // untrack.
    // The flags are the tag's top bits: one OR with the lengths tests all.
    #[cfg(not(loom))]
    if ((b.tag >> 40) as usize | b.hwm | b.vec.len()) == 0
        && crate::local::fast_release::<true>(&mut b.vec, b.hwm, b.tag, &b.pool)
    {
        return;
    }
    // The rest gets the fields by value, not the guard's address: a guard
    // whose address reaches a function must live in memory, so the caller
    // stored all seven words of it on every acquire + release, fast path
    // or not. By value, the copy is made only on this path.
    // SAFETY: called from the guard's `Drop`, once; the guard is not used
    // after it.
    release_full(unsafe { b.take_parts() });
}

/// Release of a buffer that was written to, charged or tracked, or that
/// the leaf fast path turned down.
#[inline(never)]
fn release_full(mut b: Parts) {
    if b.flags() & CHARGED != 0 {
        // Refund first, so the buffer can take the fast path.
        if let Some(g) = &b.pool.inner().gate {
            g.refund(g.charge_for(b.counted));
        }
        b.clear_flags(CHARGED);
    }
    #[cfg(not(loom))]
    if b.flags() & TRACKED == 0
        && crate::local::fast_release::<false>(&mut b.vec, b.hwm, b.tag, &b.pool)
    {
        return;
    }
    release_cold(b);
}

#[cold]
#[inline(never)]
fn release_cold(b: Parts) {
    let Parts {
        vec,
        hwm,
        counted,
        pool,
        tag,
    } = b;
    pool.into_arc()
        .release_slow(tag, counted, ManuallyDrop::into_inner(vec), hwm);
}

/// An idle buffer and when it went idle, as the trim epoch at that moment:
/// it went idle after trim `since` and before trim `since + 1`. Reading the
/// clock on every release would cost more than the rest of the release.
pub(crate) struct Idle {
    pub(crate) buf: Vec<u8>,
    pub(crate) since: u64,
}

/// A request may take an idle buffer up to this many classes above its own
/// (one doubling), see [`Inner::take_near`].
const NEAR_CLASSES: usize = 3;

/// Glibc keeps freed memory in its arenas; after releasing at least this
/// much, ask it to hand free pages back to the kernel.
const OS_TRIM_AFTER: usize = 1 << 20;

pub(crate) struct Inner {
    pub(crate) config: PoolConfig,
    pub(crate) budget: Budget,
    /// Idle buffers per class, newest last. The budget covers them.
    pub(crate) shared: Box<[Mutex<Vec<Idle>>]>,
    pub(crate) gate: Option<Gate>,
    /// Counters of paths without a thread cache, and of exited threads.
    pub(crate) counters: Counters,
    /// Counters of live thread caches.
    pub(crate) registry: Mutex<Vec<Arc<Counters>>>,
    pub(crate) leaks: Option<LeakTracker>,
    sample_tick: AtomicU64,
    pub(crate) trim_epoch: AtomicU64,
    /// Buffers idle since an epoch below this are released (set by a trim
    /// before it publishes its epoch).
    pub(crate) trim_cutoff: AtomicU64,
    /// Epoch and time of recent trims, oldest first.
    trim_log: Mutex<std::collections::VecDeque<(u64, Instant)>>,
    closed: AtomicBool,
    /// Strong counts of this pool's `Arc` parked by thread caches that had
    /// too many (see [`PoolRef`]); drained when the pool closes.
    pub(crate) parked_refs: AtomicUsize,
    probe: PressureProbe,
    rate: Mutex<RateWindow>,
    checked_out_high_water: AtomicUsize,
    /// Ticks of shared-storage puts, and the tick of each class's latest.
    put_clock: AtomicU64,
    last_put: Box<[AtomicU64]>,
}

/// The start of the current allocation-rate window (see
/// [`PoolStats::alloc_rate_per_sec`]), and the per-class checked-out peaks
/// `stats()` has seen, kept under the same lock `stats()` takes anyway.
struct RateWindow {
    at: Instant,
    allocs: u64,
    alloc_bytes: u64,
    class_misses: [u64; NUM_CLASSES],
    class_checked_out_high_water: [u64; NUM_CLASSES],
}

/// A pool of reusable byte buffers in size classes. Cheap to clone (all
/// clones share one pool); `Send + Sync`.
///
/// When the last clone is dropped the pool closes: its shared storage and
/// background trimmer go at once, buffers still checked out are freed when
/// released, and other threads' caches are freed on their next pool
/// operation or when they exit.
#[derive(Clone)]
pub struct Pool {
    /// The pool itself, beside the handle: the fast paths reach it with one
    /// load fewer.
    inner: Arc<Inner>,
    /// Its last clone closes the pool.
    #[allow(dead_code)]
    handle: Arc<Handle>,
}

struct Handle {
    inner: Arc<Inner>,
    #[cfg(not(loom))]
    trimmer: Option<crate::trimmer::Trimmer>,
}

impl Drop for Handle {
    fn drop(&mut self) {
        #[cfg(not(loom))]
        if let Some(t) = self.trimmer.take() {
            t.stop();
        }
        self.inner.close();
    }
}

/// What a call to [`Pool::trim`] released.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrimReport {
    /// Pressure level the trim ran at.
    pub pressure: PressureLevel,
    /// Buffers idle at least this long were released.
    #[serde(serialize_with = "ser_secs")]
    pub max_age: Duration,
    /// Buffers released from the shared storage and this thread's cache.
    /// (Other threads release theirs on their next release or slow-path
    /// operation on the pool.)
    pub released_buffers: u64,
    /// Their bytes.
    pub released_bytes: u64,
    /// Whether the allocator was asked to return free pages to the OS.
    pub returned_to_os: bool,
}

fn ser_secs<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

/// Overall state, from [`Pool::health`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum HealthStatus {
    /// Nothing to report.
    Healthy,
    /// Working, but close to a limit: see the reasons.
    Degraded,
    /// Memory pressure is critical.
    Unhealthy,
}

/// Health of a pool, with the reasons behind its status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Health {
    /// `Unhealthy` under critical pressure; `Degraded` under elevated
    /// pressure, with checked-out bytes above 90% of the cap, tasks waiting
    /// for buffers, or tracked buffers out longer than `leak_report_after`.
    pub status: HealthStatus,
    /// One line per condition that lowered the status.
    pub reasons: Vec<String>,
    /// Current pressure level.
    pub pressure: PressureLevel,
    /// Bytes checked out.
    pub checked_out_bytes: u64,
    /// The checked-out cap, if any.
    pub max_checked_out_bytes: Option<u64>,
    /// Idle bytes reserved (see [`PoolStats::retained_budget_bytes`]).
    pub retained_bytes: u64,
    /// The retained cap.
    pub max_retained_bytes: u64,
    /// Tasks waiting in `acquire_async`.
    pub waiters: u64,
    /// Tracked buffers checked out longer than `leak_report_after`.
    pub leaked_buffers: u64,
}

impl Pool {
    /// Builds a pool, allocating the prewarm buffers.
    pub fn new(mut config: PoolConfig) -> Result<Pool, ConfigError> {
        config.validate()?;
        // A thread cache counts towards the retained cap, so it can never
        // hold more than the cap anyway.
        config.thread_cache_bytes = config.thread_cache_bytes.min(config.max_retained_bytes);
        let inner = Arc::new(Inner {
            budget: Budget::new(config.max_retained_bytes, config.max_class_retained_bytes),
            shared: (0..NUM_CLASSES).map(|_| Mutex::new(Vec::new())).collect(),
            gate: config.max_checked_out_bytes.map(Gate::new),
            counters: Counters::default(),
            registry: Mutex::new(Vec::new()),
            leaks: (config.leak_sample_rate > 0).then(LeakTracker::new),
            sample_tick: AtomicU64::new(0),
            trim_epoch: AtomicU64::new(0),
            trim_cutoff: AtomicU64::new(0),
            trim_log: Mutex::new(std::collections::VecDeque::new()),
            closed: AtomicBool::new(false),
            parked_refs: AtomicUsize::new(0),
            probe: PressureProbe::new(config.detect_cgroup),
            rate: Mutex::new(RateWindow {
                at: Instant::now(),
                allocs: 0,
                alloc_bytes: 0,
                class_misses: [0; NUM_CLASSES],
                class_checked_out_high_water: [0; NUM_CLASSES],
            }),
            checked_out_high_water: AtomicUsize::new(0),
            put_clock: AtomicU64::new(1),
            last_put: (0..NUM_CLASSES).map(|_| AtomicU64::new(0)).collect(),
            config,
        });
        inner.prewarm();
        #[cfg(not(loom))]
        let trimmer = inner
            .config
            .trim_interval
            .map(|every| crate::trimmer::Trimmer::start(Arc::downgrade(&inner), every));
        Ok(Pool {
            inner: Arc::clone(&inner),
            handle: Arc::new(Handle {
                inner,
                #[cfg(not(loom))]
                trimmer,
            }),
        })
    }

    /// A builder starting from the default configuration.
    pub fn builder() -> crate::PoolBuilder {
        crate::PoolBuilder::default()
    }

    /// The configuration the pool was built with.
    pub fn config(&self) -> &PoolConfig {
        &self.inner.config
    }

    /// An empty buffer with `capacity() >= capacity`. Never blocks and never
    /// fails: with `max_checked_out_bytes` set, a buffer that does not fit is
    /// still handed out and counted (see [`PoolStats::cap_overruns`]); use
    /// [`Pool::try_acquire`] or `acquire_async` to honour the cap.
    ///
    /// # Panics
    ///
    /// If `capacity` exceeds `isize::MAX` bytes, as `Vec::with_capacity`
    /// does, and before anything is charged or counted.
    #[track_caller]
    #[inline]
    pub fn acquire(&self, capacity: usize) -> PooledBuf {
        // A pool with a checked-out cap fails this fast path (see
        // `Entry::plain_key`): its acquisitions charge the cap first.
        #[cfg(not(loom))]
        let parts = match self.fast_checkout::<true>(capacity, false) {
            Some(parts) => parts,
            None => self.acquire_slow(capacity, Location::caller()),
        };
        #[cfg(loom)]
        let parts = self.acquire_slow(capacity, Location::caller());
        parts.into_buf()
    }

    /// [`Pool::acquire`] past the fast path. Out of line, so the fast path
    /// calls nothing and needs no stack frame.
    #[inline(never)]
    fn acquire_slow(&self, capacity: usize, location: &'static Location<'static>) -> Parts {
        assert_possible(capacity);
        let inner = &self.inner;
        let (_, counted) = request(capacity);
        let charged = match &inner.gate {
            Some(g) => {
                g.force_charge(g.charge_for(counted));
                true
            }
            None => false,
        };
        self.checkout(capacity, charged, location)
    }

    /// Hands out a cached buffer through this thread's cache, if there is
    /// one and this checkout is not one to track; `charged` is already
    /// charged.
    #[cfg(not(loom))]
    #[inline(always)]
    fn fast_checkout<const PLAIN: bool>(&self, capacity: usize, charged: bool) -> Option<Parts> {
        let inner = &self.inner;
        let k = class_for_request(capacity)?;
        let (vec, pool) = crate::local::fast_take::<PLAIN>(inner, k)?;
        Some(Parts {
            counted: vec.capacity(),
            vec: ManuallyDrop::new(vec),
            hwm: 0,
            pool,
            // Untracked: the slot is left 0 (meaningless without
            // `TRACKED`), so the tag is one shift of the class.
            tag: tag(0, k as u8, if charged { CHARGED } else { 0 }),
        })
    }

    /// Everything but the fast path: misses, refills, unpooled sizes, leak
    /// tracking. Out of line so the fast path stays small.
    #[cold]
    #[inline(never)]
    fn checkout(
        &self,
        capacity: usize,
        charged: bool,
        location: &'static Location<'static>,
    ) -> Parts {
        let (class, counted) = request(capacity);
        self.inner
            .checkout(class, capacity, counted, charged, location)
    }

    /// Like [`Pool::acquire`], but fails instead of exceeding
    /// `max_checked_out_bytes`. A request larger than the whole cap is
    /// charged the cap, so it succeeds when nothing else is checked out.
    #[track_caller]
    #[inline]
    pub fn try_acquire(&self, capacity: usize) -> Result<PooledBuf, AcquireError> {
        if capacity > MAX_CAPACITY {
            return Err(AcquireError::TooLarge {
                requested: capacity,
                max: MAX_CAPACITY,
            });
        }
        let inner = &self.inner;
        let (_, counted) = request(capacity);
        let charged = match &inner.gate {
            Some(g) => {
                g.try_charge(g.charge_for(counted)).map_err(|checked_out| {
                    AcquireError::WouldExceedCap {
                        requested: counted,
                        checked_out,
                        cap: g.cap(),
                    }
                })?;
                true
            }
            None => false,
        };
        #[cfg(not(loom))]
        if let Some(parts) = self.fast_checkout::<false>(capacity, charged) {
            return Ok(parts.into_buf());
        }
        Ok(self
            .checkout(capacity, charged, Location::caller())
            .into_buf())
    }

    /// Waits until the buffer fits under `max_checked_out_bytes`, then hands
    /// it out (at once without a cap). Waiters are served first come, first
    /// served; each release wakes the first. Dropping the future gives up
    /// its place with nothing charged, so it is cancellation-safe.
    ///
    /// # Panics
    ///
    /// The future panics if `capacity` exceeds `isize::MAX` bytes, before
    /// anything is charged.
    #[cfg(feature = "tokio")]
    #[track_caller]
    pub fn acquire_async(
        &self,
        capacity: usize,
    ) -> impl std::future::Future<Output = PooledBuf> + Send + 'static {
        let location = Location::caller();
        let pool = self.clone();
        async move { pool.acquire_async_at(capacity, location).await }
    }

    #[cfg(feature = "tokio")]
    async fn acquire_async_at(
        &self,
        capacity: usize,
        location: &'static Location<'static>,
    ) -> PooledBuf {
        assert_possible(capacity);
        let inner = &self.inner;
        let (_, counted) = request(capacity);
        let Some(gate) = &inner.gate else {
            return self.checkout_now(capacity, false, location);
        };
        let c = gate.charge_for(counted);
        if gate.waiters.load(Ordering::SeqCst) == 0 && gate.try_charge(c).is_ok() {
            return self.checkout_now(capacity, true, location);
        }
        struct Waiting<'a>(&'a Gate);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.waiters.fetch_sub(1, Ordering::SeqCst);
            }
        }
        gate.waiters.fetch_add(1, Ordering::SeqCst);
        let _waiting = Waiting(gate);
        let _turn = gate.queue.lock().await;
        loop {
            let mut notified = std::pin::pin!(gate.notify.notified());
            // Registered before the retry, so a release between the retry
            // and the await still wakes us.
            notified.as_mut().enable();
            if gate.try_charge(c).is_ok() {
                break;
            }
            notified.await;
        }
        // Charged: from here on nothing awaits, so cancellation cannot leak
        // the charge.
        self.checkout_now(capacity, true, location)
    }

    #[cfg(feature = "tokio")]
    fn checkout_now(
        &self,
        capacity: usize,
        charged: bool,
        location: &'static Location<'static>,
    ) -> PooledBuf {
        if let Some(parts) = self.fast_checkout::<false>(capacity, charged) {
            return parts.into_buf();
        }
        self.checkout(capacity, charged, location).into_buf()
    }

    /// A snapshot of the statistics. Also starts a new window for
    /// [`PoolStats::alloc_rate_per_sec`].
    pub fn stats(&self) -> PoolStats {
        self.inner.stats(true)
    }

    /// Current memory pressure (see [`PressureLevel`]): the highest of the
    /// pool's own footprint (retained budget plus checked-out bytes) against
    /// `pressure_threshold_bytes` and, when enabled, the cgroup's usage and
    /// stall information.
    pub fn pressure(&self) -> PressureLevel {
        self.inner.pressure()
    }

    /// Health status and the reasons for it.
    pub fn health(&self) -> Health {
        let inner = &self.inner;
        let s = inner.stats(false);
        let pressure = inner.pressure();
        let mut reasons = Vec::new();
        let mut status = HealthStatus::Healthy;
        match pressure {
            PressureLevel::Normal => {}
            PressureLevel::Elevated => {
                status = HealthStatus::Degraded;
                reasons.push("memory pressure is elevated".to_string());
            }
            PressureLevel::Critical => {
                status = HealthStatus::Unhealthy;
                reasons.push("memory pressure is critical".to_string());
            }
        }
        if let Some(cap) = s.max_checked_out_bytes
            && s.checked_out_bytes * 10 > cap * 9
        {
            status = status.max(HealthStatus::Degraded);
            reasons.push(format!(
                "checked-out bytes at {:.0}% of the cap ({} of {})",
                s.checked_out_bytes as f64 * 100.0 / cap as f64,
                s.checked_out_bytes,
                cap
            ));
        }
        if s.waiters > 0 {
            status = status.max(HealthStatus::Degraded);
            reasons.push(format!("{} tasks waiting for buffers", s.waiters));
        }
        let leaked: u64 = inner.leaks.as_ref().map_or(0, |l| {
            l.report(inner.config.leak_report_after)
                .iter()
                .map(|s| s.count as u64)
                .sum()
        });
        if leaked > 0 {
            status = status.max(HealthStatus::Degraded);
            reasons.push(format!(
                "{leaked} tracked buffers checked out longer than {:?}",
                inner.config.leak_report_after
            ));
        }
        Health {
            status,
            reasons,
            pressure,
            checked_out_bytes: s.checked_out_bytes,
            max_checked_out_bytes: s.max_checked_out_bytes,
            retained_bytes: s.retained_budget_bytes,
            max_retained_bytes: s.max_retained_bytes,
            waiters: s.waiters,
            leaked_buffers: leaked,
        }
    }

    /// Releases idle buffers that have been idle for `max_idle` (a quarter
    /// of it under elevated pressure; all idle buffers under critical
    /// pressure), then asks the allocator to return free memory to the OS if
    /// 1 MiB or more was released. Other threads' caches follow on their
    /// next release, or their next acquisition that is not served from the
    /// cache (acquisitions served from it only take idle buffers out).
    ///
    /// Idle time is measured in trims, not read from the clock on every
    /// release: a buffer released between two trims counts as idle from the
    /// later one. So a buffer goes at the first trim at least `max_idle`
    /// after the trim before its release, which is never early and at most
    /// one trim interval late; the very first trim only marks the time
    /// (unless pressure is critical). With `trim_interval` set, the
    /// background trimmer does this on schedule.
    pub fn trim(&self) -> TrimReport {
        self.inner.trim()
    }

    /// Tracked buffers checked out for at least `older_than`, grouped by the
    /// call site that acquired them, most buffers first. Empty when
    /// `leak_sample_rate` is 0. With a rate of N, about one buffer in N is
    /// tracked, so counts are samples.
    pub fn leaks(&self, older_than: Duration) -> Vec<LeakSite> {
        self.inner
            .leaks
            .as_ref()
            .map_or_else(Vec::new, |l| l.report(older_than))
    }

    #[cfg(feature = "prometheus")]
    pub(crate) fn inner(&self) -> &Arc<Inner> {
        &self.inner
    }
}

impl fmt::Debug for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Pool")
            .field("retained_budget_bytes", &inner.budget.total())
            .field("max_retained_bytes", &inner.config.max_retained_bytes)
            .field("max_checked_out_bytes", &inner.config.max_checked_out_bytes)
            .finish_non_exhaustive()
    }
}

/// The largest capacity a `Vec<u8>` can have.
const MAX_CAPACITY: usize = isize::MAX as usize;

/// Refuses, before anything is charged or counted, a capacity no buffer can
/// have: `Vec::with_capacity` would panic later, with the cap charged.
#[track_caller]
fn assert_possible(capacity: usize) {
    assert!(
        capacity <= MAX_CAPACITY,
        "a buffer of {capacity} bytes cannot exist (capacity overflow)"
    );
}

/// Class and counted bytes of a request.
#[inline]
fn request(capacity: usize) -> (Option<usize>, usize) {
    match class_for_request(capacity) {
        Some(k) => (Some(k), class_size(k)),
        None => (None, capacity),
    }
}

impl Inner {
    /// Drops the strong counts parked in `parked_refs`.
    ///
    /// Takes the `Arc`, not `&Inner`: the counts live beside the contents,
    /// and a pointer made from a reference to the contents may not touch
    /// them.
    pub(crate) fn drain_parked_refs(self: &Arc<Self>) {
        let n = self.parked_refs.swap(0, Ordering::SeqCst);
        let ptr = Arc::as_ptr(self);
        for _ in 0..n {
            // SAFETY: each parked count is a strong count of this pool's
            // `Arc` that a thread cache gave up, and `ptr` comes from that
            // `Arc` with its provenance; the caller still holds another
            // count (it borrows the `Arc`), so the count never reaches zero
            // here.
            unsafe { Arc::decrement_strong_count(ptr) };
        }
    }

    #[cfg_attr(loom, allow(dead_code))]
    pub(crate) fn is_closed_seqcst(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Relaxed)
    }

    fn prewarm(&self) {
        for p in &self.config.prewarm {
            let Some(k) = class_for_request(p.size) else {
                continue;
            };
            let size = class_size(k);
            for _ in 0..p.count {
                if !self.budget.try_reserve(k, size) {
                    break;
                }
                lock(&self.shared[k]).push(Idle {
                    buf: Vec::with_capacity(size),
                    since: 0,
                });
            }
        }
    }

    fn close(self: &Arc<Self>) {
        self.closed.store(true, Ordering::SeqCst);
        // Thread caches' fast paths check only the epoch.
        self.trim_epoch.fetch_add(1, Ordering::SeqCst);
        self.drain_parked_refs();
        let mut released = 0;
        for k in 0..NUM_CLASSES {
            let drained = std::mem::take(&mut *lock(&self.shared[k]));
            let bytes: usize = drained.iter().map(|i| i.buf.capacity()).sum();
            self.budget.release(k, bytes);
            released += bytes;
        }
        #[cfg(not(loom))]
        crate::local::forget(self);
        if released >= OS_TRIM_AFTER {
            os_trim();
        }
    }

    /// A buffer from the shared storage; its reservation is given back.
    pub(crate) fn shared_take(&self, k: usize) -> Option<Vec<u8>> {
        if self.recent_class(k) == k
            && let Some(idle) = lock(&self.shared[k]).pop()
        {
            self.budget.release(k, idle.buf.capacity());
            return Some(idle.buf);
        }
        self.take_near(k)
    }

    /// Notes that class `k`'s shared storage was just given a buffer.
    pub(crate) fn note_put(&self, k: usize) {
        let t = self.put_clock.fetch_add(1, Ordering::Relaxed);
        self.last_put[k].store(t, Ordering::Relaxed);
    }

    /// Of class `k` and the classes up to one doubling above it, the one
    /// whose shared storage was given a buffer most recently (`k` on a tie).
    pub(crate) fn recent_class(&self, k: usize) -> usize {
        // Under a checked-out cap a buffer is charged by its class, so it
        // must be of that class: no neighbours.
        if self.gate.is_some() {
            return k;
        }
        let mut best = k;
        let mut at = self.last_put[k].load(Ordering::Relaxed);
        for j in k + 1..(k + NEAR_CLASSES + 1).min(NUM_CLASSES) {
            let t = self.last_put[j].load(Ordering::Relaxed);
            if t > at {
                best = j;
                at = t;
            }
        }
        best
    }

    /// A buffer for a request of class `k` from the shared storage of `k`
    /// or the classes up to one doubling above it, most recently given a
    /// buffer first: a buffer released a moment ago is still in the CPU's
    /// caches, where a same-class one idle for longer is not (with four
    /// classes per doubling, a class is reused four times less often than
    /// a power-of-two class would be). Its reservation is given back.
    /// Under a checked-out cap only class `k` is looked at: the cap charges
    /// a buffer by its class, and a larger neighbour would be undercharged.
    pub(crate) fn take_near(&self, k: usize) -> Option<Vec<u8>> {
        let hi = if self.gate.is_some() {
            k + 1
        } else {
            (k + NEAR_CLASSES + 1).min(NUM_CLASSES)
        };
        let mut order: Vec<(u64, usize)> = (k..hi)
            .map(|j| (self.last_put[j].load(Ordering::Relaxed), j))
            .collect();
        // Most recent first; `k` first among equals.
        order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, j) in order {
            if let Some(idle) = lock(&self.shared[j]).pop() {
                self.budget.release(j, idle.buf.capacity());
                return Some(idle.buf);
            }
        }
        None
    }

    /// Retains `buf` in the shared storage if the budget allows.
    fn shared_put(&self, k: usize, buf: Vec<u8>) -> Result<(), Vec<u8>> {
        if !self.budget.try_reserve(k, buf.capacity()) {
            return Err(buf);
        }
        lock(&self.shared[k]).push(Idle {
            buf,
            since: self.trim_epoch.load(Ordering::Relaxed),
        });
        self.note_put(k);
        Ok(())
    }

    #[inline]
    fn checkout(
        self: &Arc<Self>,
        class: Option<usize>,
        capacity: usize,
        counted: usize,
        charged: bool,
        location: &'static Location<'static>,
    ) -> Parts {
        let (vec, sampled, class_tag, pool) = match class {
            Some(k) => {
                let (vec, sampled, pool) = self.take_pooled(k);
                (vec, sampled, k as u8, pool)
            }
            None => {
                let sampled = self.count_unpooled(counted);
                (Vec::with_capacity(capacity), sampled, UNPOOLED, None)
            }
        };
        let tracked = match (&self.leaks, sampled) {
            (Some(l), true) => l.track(location, counted),
            _ => UNTRACKED,
        };
        let mut flags = if charged { CHARGED } else { 0 };
        if tracked != UNTRACKED {
            flags |= TRACKED;
        }
        if class.is_none_or(|k| vec.capacity() != class_size(k)) {
            flags |= OFFSIZE;
        }
        Parts {
            vec: ManuallyDrop::new(vec),
            hwm: 0,
            counted,
            pool: pool.unwrap_or_else(|| PoolRef::new(self)),
            tag: tag(tracked, class_tag, flags),
        }
    }

    #[inline]
    fn take_pooled(self: &Arc<Self>, k: usize) -> (Vec<u8>, bool, Option<PoolRef>) {
        #[cfg(not(loom))]
        if let Some((vec, sampled, pool)) = crate::local::with(self, |e| {
            let sampled = e.sample();
            let vec = e.take(k);
            e.count_acquire(k, vec.is_some());
            (vec, sampled, e.take_ref())
        }) {
            return (
                vec.unwrap_or_else(|| Vec::with_capacity(class_size(k))),
                sampled,
                Some(pool),
            );
        }
        let vec = self.shared_take(k);
        let c = &self.counters.classes[k];
        bump(if vec.is_some() { &c.hits } else { &c.misses }, 1, false);
        (
            vec.unwrap_or_else(|| Vec::with_capacity(class_size(k))),
            self.shared_sample(),
            None,
        )
    }

    fn count_unpooled(self: &Arc<Self>, bytes: usize) -> bool {
        #[cfg(not(loom))]
        if let Some(sampled) = crate::local::with(self, |e| {
            bump(&e.counters.unpooled, 1, true);
            bump(&e.counters.unpooled_bytes, bytes as u64, true);
            e.sample()
        }) {
            return sampled;
        }
        bump(&self.counters.unpooled, 1, false);
        bump(&self.counters.unpooled_bytes, bytes as u64, false);
        self.shared_sample()
    }

    fn shared_sample(&self) -> bool {
        let rate = u64::from(self.config.leak_sample_rate);
        rate != 0
            && self
                .sample_tick
                .fetch_add(1, Ordering::Relaxed)
                .is_multiple_of(rate)
    }

    /// Accounts for a checked-out buffer that grew by `grown` bytes: the
    /// checked-out cap is charged like an acquisition (never refused: a
    /// write is not truncated, so it may pass the cap and count an overrun,
    /// as plain `acquire` does), and an unpooled buffer's bytes count more.
    pub(crate) fn charge_growth(&self, flags: u8, class: u8, counted: &mut usize, grown: usize) {
        let before = *counted;
        *counted = before.saturating_add(grown);
        if flags & CHARGED != 0
            && let Some(g) = &self.gate
        {
            let extra = g.charge_for(*counted) - g.charge_for(before);
            if extra > 0 {
                g.force_charge(extra);
            }
        }
        if class == UNPOOLED {
            bump(&self.counters.unpooled_bytes, grown as u64, false);
        }
    }

    /// Takes back a released buffer's vector; `tag` and `counted` are the
    /// guard's.
    fn release_slow(self: &Arc<Self>, tag: u64, counted: usize, mut vec: Vec<u8>, hwm: usize) {
        // `release_full` refunded the charge.
        if tag_flags(tag) & TRACKED != 0
            && let Some(l) = &self.leaks
        {
            l.untrack(tag as u32);
        }
        let cap = vec.capacity();
        let target = if cap == 0 || self.is_closed() {
            None
        } else {
            class_for_capacity(cap)
        };
        // Every path from here hands the bytes to another user or back to
        // the allocator (unpooled, grown out of range, closed pool, cap
        // full), so they are cleared on all of them.
        if self.config.zero_on_release {
            zero_before_free(&mut vec, hwm);
        }
        vec.clear();
        let from = tag_class(tag);
        let counted = counted as u64;
        let oversize = cap > 0 && target.is_none() && !self.is_closed() && from != UNPOOLED;

        #[cfg_attr(loom, allow(unused_mut))]
        let mut slot = Some(vec);
        #[cfg(not(loom))]
        let counted_locally = !self.is_closed()
            && crate::local::with(self, |e| {
                count_return(&e.counters, from, target, counted, oversize, true);
                if let (Some(k), Some(v)) = (target, slot.take())
                    && let Err(v) = e.put(k, v)
                {
                    slot = Some(v);
                }
            })
            .is_some();
        #[cfg(loom)]
        let counted_locally = false;
        if !counted_locally {
            // No thread cache (thread exit, or a loom build): shared counters.
            count_return(&self.counters, from, target, counted, oversize, false);
        }
        let Some(vec) = slot else { return };
        if let Some(k) = target
            && let Err(vec) = self.shared_put(k, vec)
        {
            bump(&self.counters.classes[k].dropped, 1, false);
            drop(vec);
        }
    }

    pub(crate) fn pressure(&self) -> PressureLevel {
        let footprint = self.budget.total().saturating_add(self.checked_out_bytes());
        let own = threshold_level(footprint, self.config.pressure_threshold_bytes);
        if self.config.detect_cgroup {
            own.max(self.probe.cgroup_level())
        } else {
            own
        }
    }

    fn checked_out_bytes(&self) -> usize {
        match &self.gate {
            Some(g) => g.used(),
            None => self.stats(false).checked_out_bytes as usize,
        }
    }

    pub(crate) fn trim(self: &Arc<Self>) -> TrimReport {
        let pressure = self.pressure();
        let max_age = match pressure {
            PressureLevel::Normal => self.config.max_idle,
            PressureLevel::Elevated => self.config.max_idle / 4,
            PressureLevel::Critical => Duration::ZERO,
        };
        // A buffer stamped with epoch `e` went idle before trim `e + 1`, so
        // it has been idle at least since that trim's time. Release every
        // buffer stamped below the newest trim that is `max_age` old: never
        // early, and at most one trim interval late.
        let cutoff = {
            let mut log = lock(&self.trim_log);
            let now = Instant::now();
            let epoch = self.trim_epoch.load(Ordering::Relaxed) + 1;
            log.push_back((epoch, now));
            let cutoff = log
                .iter()
                .rev()
                .find(|(_, at)| now.saturating_duration_since(*at) >= max_age)
                .map_or(0, |&(e, _)| e);
            while log.front().is_some_and(|&(e, _)| e < cutoff) {
                log.pop_front();
            }
            self.trim_cutoff.store(cutoff, Ordering::Relaxed);
            self.trim_epoch.store(epoch, Ordering::Release);
            cutoff
        };
        let mut released_buffers = 0u64;
        let mut released_bytes = 0usize;
        for k in 0..NUM_CLASSES {
            let expired: Vec<Idle> = {
                let mut shared = lock(&self.shared[k]);
                if shared.is_empty() {
                    continue;
                }
                let (keep, expired): (Vec<Idle>, Vec<Idle>) = std::mem::take(&mut *shared)
                    .into_iter()
                    .partition(|i| i.since >= cutoff);
                *shared = keep;
                expired
            };
            if expired.is_empty() {
                continue;
            }
            let bytes: usize = expired.iter().map(|i| i.buf.capacity()).sum();
            self.budget.release(k, bytes);
            let c = &self.counters.classes[k];
            bump(&c.trimmed, expired.len() as u64, false);
            bump(&c.trimmed_bytes, bytes as u64, false);
            released_buffers += expired.len() as u64;
            released_bytes += bytes;
        }
        // This thread's cache trims itself now (the epoch changed). Its
        // buffers are counted, not the unused credit it gives back with them:
        // that was never memory.
        #[cfg(not(loom))]
        if let Some((buffers, bytes)) =
            crate::local::with(self, crate::local::Entry::take_last_trim)
        {
            released_buffers += buffers;
            released_bytes += bytes;
        }
        let returned_to_os = released_bytes >= OS_TRIM_AFTER && os_trim();
        self.stats(false);
        TrimReport {
            pressure,
            max_age,
            released_buffers,
            released_bytes: released_bytes as u64,
            returned_to_os,
        }
    }

    pub(crate) fn stats(&self, new_window: bool) -> PoolStats {
        // This thread's own fast-path counts, so that it sees its own
        // operations exactly (other threads' lag: see `implementation`).
        #[cfg(not(loom))]
        crate::local::fold_active(self);
        let mut classes: Vec<ClassStats> = (0..NUM_CLASSES)
            .map(|k| ClassStats {
                size: class_size(k),
                ..ClassStats::default()
            })
            .collect();
        let mut unpooled = 0u64;
        let mut unpooled_bytes = 0u64;
        let mut unpooled_returned = 0u64;
        let mut unpooled_returned_bytes = 0u64;
        let mut oversize = 0u64;
        let mut returned = [0u64; NUM_CLASSES];
        {
            let registry = lock(&self.registry);
            let mut add = |c: &Counters| {
                for (k, (s, cc)) in classes.iter_mut().zip(c.classes.iter()).enumerate() {
                    s.hits = s.hits.wrapping_add(get(&cc.hits));
                    s.misses = s.misses.wrapping_add(get(&cc.misses));
                    s.trimmed_buffers = s.trimmed_buffers.wrapping_add(get(&cc.trimmed));
                    s.trimmed_bytes = s.trimmed_bytes.wrapping_add(get(&cc.trimmed_bytes));
                    s.dropped_buffers = s.dropped_buffers.wrapping_add(get(&cc.dropped));
                    s.regrown_buffers = s.regrown_buffers.wrapping_add(get(&cc.regrown));
                    s.retained_buffers = s.retained_buffers.wrapping_add(get(&cc.cached_bufs));
                    s.retained_bytes = s
                        .retained_bytes
                        .wrapping_add(get(&cc.cached_bufs).wrapping_mul(class_size(k) as u64));
                    returned[k] = returned[k].wrapping_add(get(&cc.returned));
                }
                unpooled = unpooled.wrapping_add(get(&c.unpooled));
                unpooled_bytes = unpooled_bytes.wrapping_add(get(&c.unpooled_bytes));
                unpooled_returned = unpooled_returned.wrapping_add(get(&c.unpooled_returned));
                unpooled_returned_bytes =
                    unpooled_returned_bytes.wrapping_add(get(&c.unpooled_returned_bytes));
                oversize = oversize.wrapping_add(get(&c.oversize_dropped));
            };
            add(&self.counters);
            for c in registry.iter() {
                add(c);
            }
        }
        for (k, s) in classes.iter_mut().enumerate() {
            s.acquires = s.hits.wrapping_add(s.misses);
            {
                let shared = lock(&self.shared[k]);
                s.retained_buffers += shared.len() as u64;
                s.retained_bytes += shared.iter().map(|i| i.buf.capacity() as u64).sum::<u64>();
            }
            // Releases are counted after the checkout they end, but summing
            // threads is not atomic: clamp a transiently negative difference.
            s.checked_out_buffers = s.acquires.saturating_sub(returned[k]);
            s.checked_out_bytes = s.checked_out_buffers * s.size as u64;
        }
        let sum = |cs: &[ClassStats], f: fn(&ClassStats) -> u64| cs.iter().map(f).sum::<u64>();
        let hits = sum(&classes, |c| c.hits);
        let misses = sum(&classes, |c| c.misses);
        let acquires = hits + misses + unpooled;
        let unpooled_out_bytes = unpooled_bytes.saturating_sub(unpooled_returned_bytes);
        let checked_out_bytes = sum(&classes, |c| c.checked_out_bytes) + unpooled_out_bytes;
        let checked_out_buffers =
            sum(&classes, |c| c.checked_out_buffers) + unpooled.saturating_sub(unpooled_returned);
        let alloc_bytes: u64 = classes
            .iter()
            .map(|c| c.misses * c.size as u64)
            .sum::<u64>()
            + unpooled_bytes;
        let (alloc_rate_per_sec, alloc_bytes_per_sec) = {
            let mut rate = lock(&self.rate);
            let now = Instant::now();
            let secs = now.saturating_duration_since(rate.at).as_secs_f64();
            let per_sec = |n: u64, then: u64| {
                if secs > 0.0 {
                    n.saturating_sub(then) as f64 / secs
                } else {
                    0.0
                }
            };
            let allocs = misses + unpooled;
            let r = (
                per_sec(allocs, rate.allocs),
                per_sec(alloc_bytes, rate.alloc_bytes),
            );
            for (k, c) in classes.iter_mut().enumerate() {
                c.alloc_rate_per_sec = per_sec(c.misses, rate.class_misses[k]);
                c.retained_high_water_bytes = self.budget.class_high_water(k) as u64;
                let peak = &mut rate.class_checked_out_high_water[k];
                *peak = (*peak).max(c.checked_out_bytes);
                c.checked_out_high_water_bytes = *peak;
            }
            if new_window {
                rate.at = now;
                rate.allocs = allocs;
                rate.alloc_bytes = alloc_bytes;
                for (k, c) in classes.iter().enumerate() {
                    rate.class_misses[k] = c.misses;
                }
            }
            r
        };
        let hwm = match &self.gate {
            Some(g) => g.high_water(),
            None => self
                .checked_out_high_water
                .fetch_max(checked_out_bytes as usize, Ordering::Relaxed)
                .max(checked_out_bytes as usize),
        };
        PoolStats {
            retained_bytes: sum(&classes, |c| c.retained_bytes),
            retained_buffers: sum(&classes, |c| c.retained_buffers),
            retained_budget_bytes: self.budget.total() as u64,
            retained_high_water_bytes: self.budget.high_water() as u64,
            max_retained_bytes: self.config.max_retained_bytes as u64,
            checked_out_bytes,
            checked_out_buffers,
            checked_out_high_water_bytes: hwm as u64,
            max_checked_out_bytes: self.config.max_checked_out_bytes.map(|c| c as u64),
            acquires,
            hits,
            misses,
            unpooled,
            unpooled_checked_out_bytes: unpooled_out_bytes,
            hit_rate: if acquires == 0 {
                0.0
            } else {
                hits as f64 / acquires as f64
            },
            alloc_rate_per_sec,
            alloc_bytes_per_sec,
            trimmed_buffers: sum(&classes, |c| c.trimmed_buffers),
            trimmed_bytes: sum(&classes, |c| c.trimmed_bytes),
            dropped_buffers: sum(&classes, |c| c.dropped_buffers) + oversize,
            cap_overruns: self.gate.as_ref().map_or(0, Gate::overruns),
            waiters: self.gate.as_ref().map_or(0, |g| g.waiting() as u64),
            tracked_buffers: self.leaks.as_ref().map_or(0, |l| l.live() as u64),
            classes,
        }
    }
}

/// Counts a release: which class it came from, where it goes.
fn count_return(
    c: &Counters,
    from: u8,
    target: Option<usize>,
    counted: u64,
    oversize: bool,
    owned: bool,
) {
    if from == UNPOOLED {
        bump(&c.unpooled_returned, 1, owned);
        bump(&c.unpooled_returned_bytes, counted, owned);
    } else {
        bump(&c.classes[usize::from(from)].returned, 1, owned);
    }
    // A buffer up to one doubling above its class may have been handed out
    // that way (`take_near`); growth always at least doubles.
    if let Some(k) = target
        && from != UNPOOLED
        && k > usize::from(from) + NEAR_CLASSES
    {
        bump(&c.classes[k].regrown, 1, owned);
    }
    if oversize {
        bump(&c.oversize_dropped, 1, owned);
    }
}

/// [`zero_written`] for a block that may be freed right after: the memset
/// must not be removed as a dead store before the free.
#[inline]
pub(crate) fn zero_before_free(vec: &mut Vec<u8>, hwm: usize) {
    zero_written(vec, hwm);
    // An opaque use of the pointer: the compiler must assume the zeroed
    // bytes are read, so it keeps the stores.
    std::hint::black_box(vec.as_ptr());
}

/// Zeroes every byte that may have been written: `[0, max(hwm, len))`,
/// and empties the vector. Bytes past that were never exposed, so they
/// cost nothing.
#[inline]
pub(crate) fn zero_written(vec: &mut Vec<u8>, hwm: usize) {
    // `hwm` is a length the vector had, so never above its capacity; the
    // bound only makes that visible here.
    let written = hwm.max(vec.len()).min(vec.capacity());
    vec.clear();
    if written == 0 {
        return;
    }
    // One memset of exactly the written bytes (`resize` wrote all but the
    // last with a memset and the last on its own, and checked capacity).
    // SAFETY: `written <= capacity`, so the range lies in the vector's
    // allocation, and any byte value is a valid `u8`.
    unsafe { std::ptr::write_bytes(vec.as_mut_ptr(), 0, written) };
}

/// Asks glibc to return free heap pages to the kernel. Returns whether it
/// was asked.
fn os_trim() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu", not(loom)))]
    {
        // SAFETY: `malloc_trim` has no preconditions; it only walks glibc's
        // own arenas under their locks.
        unsafe {
            libc::malloc_trim(0);
        }
        true
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu", not(loom))))]
    {
        false
    }
}

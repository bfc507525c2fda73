//! The gateway's view of the buffer pool and the detector.
//!
//! Everything the gateway needs from `sluice-pool` and `sluice-detect` goes
//! through this module. [`BodyPool`] adds the gateway's own accounting on top
//! of the pool: the bytes request bodies hold and the requests waiting for
//! memory, both read on every request to decide about load shedding, so they
//! must be two atomic loads rather than a statistics snapshot.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use bytes::Bytes;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub use sluice_detect::Category;

/// The checked-out cap the gateway uses when the configuration names none.
pub const DEFAULT_CHECKED_OUT_CAP: usize = 256 * 1024 * 1024;

// ===== BodyPool =====

/// The pool request bodies are read into, with the gateway's accounting.
///
/// Bodies pass a gate of their own before the pool: a fair semaphore counted
/// in KiB whose size, the body budget, may be smaller than the pool's cap so
/// that part of the cap is left for the detector's working memory.
#[derive(Debug, Clone)]
pub struct BodyPool {
    pool: Pool,
    cap: usize,
    gate: Arc<Semaphore>,
    gate_kib: usize,
    waiting: Arc<AtomicUsize>,
    pressure: Arc<PressureCache>,
}

/// The pool's pressure, re-read at most every [`PRESSURE_REFRESH_MS`]: the
/// pool's probe takes a lock and may read cgroup files, too much for every
/// request.
#[derive(Debug)]
struct PressureCache {
    epoch: Instant,
    read_at_ms: AtomicU64,
    level: AtomicU8,
}

/// How long a pressure reading is reused for admission decisions.
pub const PRESSURE_REFRESH_MS: u64 = 100;

fn level_code(l: PressureLevel) -> u8 {
    match l {
        PressureLevel::Normal => 0,
        PressureLevel::Elevated => 1,
        PressureLevel::Critical => 2,
    }
}

/// A body buffer; its bytes count as held until it (or the `Bytes` made by
/// [`BodyBuf::freeze`]) is dropped.
#[derive(Debug)]
pub struct BodyBuf {
    buf: PooledBuf,
    _permit: Option<OwnedSemaphorePermit>,
}

struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

fn kib(bytes: usize) -> usize {
    bytes.div_ceil(1024)
}

impl BodyPool {
    /// Builds the pool; bodies may use all of its checked-out cap
    /// ([`DEFAULT_CHECKED_OUT_CAP`] when the config names none).
    pub fn new(config: PoolConfig) -> Result<Self, String> {
        let cap = config
            .max_checked_out_bytes
            .unwrap_or(DEFAULT_CHECKED_OUT_CAP);
        Self::with_budget(config, cap)
    }

    /// Builds the pool; bodies may hold at most `body_budget` bytes at once.
    pub fn with_budget(config: PoolConfig, body_budget: usize) -> Result<Self, String> {
        let cap = config
            .max_checked_out_bytes
            .unwrap_or(DEFAULT_CHECKED_OUT_CAP);
        let config = PoolConfig {
            max_checked_out_bytes: Some(cap),
            ..config
        };
        let pool = Pool::new(config).map_err(|e| e.to_string())?;
        let gate_kib = kib(body_budget.min(cap)).clamp(1, Semaphore::MAX_PERMITS);
        Ok(Self {
            pool,
            cap,
            gate: Arc::new(Semaphore::new(gate_kib)),
            gate_kib,
            waiting: Arc::new(AtomicUsize::new(0)),
            pressure: Arc::new(PressureCache {
                epoch: Instant::now(),
                read_at_ms: AtomicU64::new(u64::MAX),
                level: AtomicU8::new(0),
            }),
        })
    }

    /// The underlying pool.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The pool's cap on checked-out bytes.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// The most bytes bodies may hold at once.
    pub fn body_budget(&self) -> usize {
        self.gate_kib * 1024
    }

    /// Bytes request bodies hold right now (in whole KiB).
    pub fn held_bytes(&self) -> usize {
        self.gate_kib.saturating_sub(self.gate.available_permits()) * 1024
    }

    /// The pool's memory pressure, at most [`PRESSURE_REFRESH_MS`] old.
    pub fn pressure(&self) -> PressureLevel {
        let c = &self.pressure;
        let now = u64::try_from(c.epoch.elapsed().as_millis()).unwrap_or(u64::MAX - 1);
        let at = c.read_at_ms.load(Ordering::Acquire);
        let stale = at == u64::MAX || now.saturating_sub(at) >= PRESSURE_REFRESH_MS;
        // One caller refreshes; the others use the previous reading.
        if stale
            && c.read_at_ms
                .compare_exchange(at, now, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
        {
            let level = self.pool.pressure();
            c.level.store(level_code(level), Ordering::Release);
            return level;
        }
        match c.level.load(Ordering::Acquire) {
            0 => PressureLevel::Normal,
            1 => PressureLevel::Elevated,
            _ => PressureLevel::Critical,
        }
    }

    /// Requests waiting for body memory right now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Acquire)
    }

    /// A buffer of at least `capacity` bytes, waiting (first come, first
    /// served) while the body budget or the pool's cap would be exceeded.
    pub async fn acquire(&self, capacity: usize) -> BodyBuf {
        self.waiting.fetch_add(1, Ordering::AcqRel);
        let guard = Waiting(&self.waiting);
        let want = kib(capacity).clamp(1, self.gate_kib);
        // `want <= gate_kib <= MAX_PERMITS < u32::MAX`; the gate is never
        // closed, so a failed acquisition cannot happen and would only skip
        // the gate.
        let permit = Arc::clone(&self.gate)
            .acquire_many_owned(u32::try_from(want).unwrap_or(u32::MAX))
            .await
            .ok();
        let buf = self.pool.acquire_async(capacity).await;
        drop(guard);
        BodyBuf {
            buf,
            _permit: permit,
        }
    }
}

impl BodyBuf {
    /// Appends `data`.
    pub fn extend_from_slice(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }

    /// Bytes the buffer holds without growing.
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Bytes written.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.buf.len() == 0
    }

    /// `Bytes` that return the buffer to the pool when the last clone drops.
    pub fn freeze(self) -> Bytes {
        Bytes::from_owner(self)
    }
}

impl AsRef<[u8]> for BodyBuf {
    fn as_ref(&self) -> &[u8] {
        self.buf.as_slice()
    }
}

impl std::ops::Deref for BodyBuf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.buf.as_slice()
    }
}

// ===== pool =====

pub use sluice_pool::{
    ClassStats, Health, HealthStatus, Pool, PoolConfig, PoolStats, PooledBuf, PressureLevel,
};

// ===== detector =====

pub use sluice_detect::{Action, DetectError, Detector, Finding, InputKind, Redacted, Verdict};

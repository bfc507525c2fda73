//! Size-classed, bounded, thread-caching byte-buffer pool.
//!
//! `sluice-pool` hands out reusable byte buffers in size classes (four per
//! doubling, 1 KiB to 16 MiB), keeps a per-thread cache in front of shared
//! per-class storage, and bounds what it keeps: idle bytes never exceed the
//! configured caps, idle buffers are trimmed by age (harder under memory
//! pressure), and an optional cap on checked-out bytes gives async callers
//! backpressure.
//!
//! Key types:
//! - [`Pool`]: the pool; cheap to clone and share between threads.
//! - [`PooledBuf`]: a checked-out buffer (`Deref<Target = [u8]>`,
//!   [`bytes::BufMut`], [`std::io::Write`]); dropping it releases it, and
//!   [`PooledBuf::freeze`] turns it into [`bytes::Bytes`].
//! - [`PoolConfig`] / [`PoolBuilder`]: configuration, from code or from a
//!   serde config file.
//! - [`PoolStats`], [`Health`], [`PressureLevel`], [`LeakSite`]: what the
//!   pool reports.
//!
//! ```
//! use std::io::Write;
//! use sluice_pool::Pool;
//!
//! let pool = Pool::builder()
//!     .max_retained_bytes(32 << 20)
//!     .max_checked_out_bytes(Some(64 << 20))
//!     .build()?;
//!
//! let mut buf = pool.try_acquire(33_000)?; // served by the 40 KiB class
//! assert!(buf.capacity() >= 33_000);
//! buf.write_all(b"hello")?;
//! assert_eq!(&buf[..], b"hello");
//! let frozen = buf.freeze(); // zero-copy `Bytes`; memory returns on last drop
//! drop(frozen);
//!
//! let again = pool.acquire(40 * 1024);
//! assert!(again.is_empty()); // reused, and its old bytes were zeroed
//! drop(again);
//! let stats = pool.stats();
//! assert_eq!(stats.acquires, 2);
//! assert_eq!(stats.hits, 1); // hit rate = hits / acquires
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Features
//! - `tokio`: `Pool::acquire_async`, which waits while checked-out bytes
//!   would exceed `max_checked_out_bytes`.
//! - `prometheus`: `Pool::register_metrics` for a `prometheus-client` registry.
//!
//! # Safety and Correctness
//! Buffers are plain `Vec<u8>`s, so no uninitialised byte is ever exposed.
//! `unsafe` serves six purposes, each block with a `// SAFETY:` comment:
//! - the [`bytes::BufMut`] impl of [`PooledBuf`] (an `unsafe trait`); every
//!   method forwards to `Vec<u8>`'s own implementation;
//! - a checked-out buffer's link to its pool is one strong count of the
//!   pool's `Arc`, held as a raw pointer, and thread caches keep stashes of
//!   such counts (`Arc::increment_strong_count` / `decrement_strong_count` /
//!   `from_raw`), so that buffers do not bump a shared reference count on
//!   every acquire and release. Each count is owned by exactly one buffer,
//!   stash or parking counter, and every path that ends one passes it on;
//! - the thread-local cache is reached through a raw pointer instead of a
//!   `RefCell` borrow; the slow path points it at an immutable stand-in
//!   whose keys match no pool while it holds the cache, so no two
//!   references to a cache exist at once (and the fast paths need no null
//!   test);
//! - a thread cache keeps each class's idle buffers as raw pointers in a
//!   slot array (the class size is the capacity, so a slot is two words),
//!   rebuilt into `Vec`s when taken; the release fast path pushes without
//!   a capacity or room check, relying on the guard's `OFFSIZE` flag and
//!   on the array having room for the class's quota (debug builds assert
//!   both). The guard keeps its vector in a `ManuallyDrop` that its `Drop`
//!   takes exactly once (on the slow path it hands the fields on by value),
//!   so the fast path calls nothing and needs no stack frame;
//! - zeroing writes the written prefix of a vector's allocation with
//!   `ptr::write_bytes` (one `memset`);
//! - the call to glibc's `malloc_trim`, which has no preconditions.
//!
//! The concurrent structures (retention budget, shared storage, checked-out
//! accounting, frozen buffers released from several threads) are checked
//! with `loom` models in `tests/loom.rs`. Thread caches are compiled out of
//! loom builds: they are thread-private by construction, and every shared
//! structure they touch is the one the models check. A model-based
//! `proptest` compares random operation sequences against a simple model.
//! See [`implementation`] for how recycling works.
#![warn(missing_docs, unreachable_pub)]
#![doc(test(attr(deny(warnings))))]

mod budget;
mod buf;
mod class;
mod config;
mod error;
mod gate;
pub mod implementation;
mod leak;
#[cfg(not(loom))]
mod local;
mod loom;
#[cfg(feature = "prometheus")]
mod metrics;
mod pool;
mod pressure;
mod stats;
#[cfg(not(loom))]
mod trimmer;

pub use buf::PooledBuf;
pub use class::{MAX_CLASS_SIZE, MIN_CLASS_SIZE, NUM_CLASSES};
pub use config::{PoolBuilder, PoolConfig, Prewarm};
pub use error::{AcquireError, ConfigError};
pub use leak::LeakSite;
pub use pool::{Health, HealthStatus, Pool, TrimReport};
pub use pressure::PressureLevel;
pub use stats::{ClassStats, PoolStats};

/// The size class serving a request of `size` bytes: its index and size, or
/// `None` above [`MAX_CLASS_SIZE`] (such requests are served unpooled).
///
/// ```
/// assert_eq!(sluice_pool::size_class(33_000), Some((21, 40 * 1024)));
/// assert_eq!(sluice_pool::size_class(100), Some((0, 1024)));
/// assert_eq!(sluice_pool::size_class(32 << 20), None);
/// ```
pub fn size_class(size: usize) -> Option<(usize, usize)> {
    class::class_for_request(size).map(|k| (k, class::class_size(k)))
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

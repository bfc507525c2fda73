//! Synchronisation primitives, from `std` normally and from `loom` in model builds.
//!
//! Every atomic and lock the concurrent structures use comes through here, so
//! `RUSTFLAGS="--cfg loom"` swaps them all for loom's checked versions.

#[cfg(not(loom))]
pub(crate) use std::sync::{
    Mutex, MutexGuard,
    atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
};

#[cfg(loom)]
pub(crate) use loom::sync::{
    Mutex, MutexGuard,
    atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
};

/// Locks `m`, recovering the data if a panicking thread poisoned it: every
/// structure behind these locks stays consistent between statements, so a
/// panic elsewhere never leaves it half-updated.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}

//! loom models of the concurrent structures: the retention budget under
//! racing releases, cross-thread release, and checked-out accounting.
//!
//! Run with:
//! `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test -p sluice-pool --release --test loom`
//! Thread caches are compiled out in loom builds (they are thread-private by
//! construction), so every operation goes through the shared storage, the
//! budget counters and the gate, which is what these models check.
#![cfg(loom)]

use loom::thread;
use sluice_pool::{Pool, PoolConfig};

fn pool(cfg: PoolConfig) -> Pool {
    Pool::new(PoolConfig {
        detect_cgroup: false,
        thread_cache_bytes: 0,
        ..cfg
    })
    .unwrap()
}

#[test]
fn retained_cap_holds_under_racing_releases() {
    loom::model(|| {
        let pool = pool(PoolConfig {
            max_retained_bytes: 1024,
            max_class_retained_bytes: 1024,
            ..PoolConfig::default()
        });
        let a = pool.acquire(1024);
        let b = pool.acquire(1024);
        let t1 = thread::spawn(move || drop(a));
        let t2 = thread::spawn(move || drop(b));
        t1.join().unwrap();
        t2.join().unwrap();
        let s = pool.stats();
        assert_eq!(s.retained_budget_bytes, 1024);
        assert_eq!(s.retained_buffers, 1);
        assert_eq!(s.dropped_buffers, 1);
        assert!(s.retained_high_water_bytes <= 1024);
        assert_eq!(s.checked_out_buffers, 0);
    });
}

#[test]
fn cross_thread_release_races_with_acquire() {
    loom::model(|| {
        let pool = pool(PoolConfig::default());
        let a = pool.acquire(2048);
        let t = thread::spawn(move || drop(a));
        let b = pool.acquire(2048);
        t.join().unwrap();
        let s = pool.stats();
        assert_eq!(s.acquires, 2);
        assert_eq!(s.hits + s.misses, 2);
        assert_eq!(s.checked_out_buffers, 1);
        // b either reused a (hit) or a is now idle (miss)
        assert_eq!(s.retained_buffers, 1 - s.hits);
        assert_eq!(s.retained_budget_bytes, s.retained_bytes);
        drop(b);
        let s = pool.stats();
        assert_eq!(s.checked_out_buffers, 0);
        assert!(s.retained_buffers >= 1);
    });
}

#[test]
fn checked_out_cap_holds_under_races() {
    loom::model(|| {
        let pool = pool(PoolConfig {
            max_checked_out_bytes: Some(2048),
            ..PoolConfig::default()
        });
        let held = pool.acquire(1024);
        let p1 = pool.clone();
        let p2 = pool.clone();
        let t1 = thread::spawn(move || p1.try_acquire(1024).ok());
        let t2 = thread::spawn(move || p2.try_acquire(1024).ok());
        let r1 = t1.join().unwrap();
        let r2 = t2.join().unwrap();
        // only one of the two fits next to `held`
        assert_eq!(usize::from(r1.is_some()) + usize::from(r2.is_some()), 1);
        let s = pool.stats();
        assert_eq!(s.checked_out_bytes, 2048);
        assert!(s.checked_out_high_water_bytes <= 2048);
        drop((held, r1, r2));
        assert_eq!(pool.stats().checked_out_bytes, 0);
        assert!(pool.try_acquire(2048).is_ok());
    });
}

#[test]
fn frozen_clones_return_the_buffer_once() {
    loom::model(|| {
        let pool = pool(PoolConfig::default());
        let mut buf = pool.acquire(1024);
        buf.extend_from_slice(b"x");
        let bytes = buf.freeze();
        let other = bytes.clone();
        let t = thread::spawn(move || drop(other));
        drop(bytes);
        t.join().unwrap();
        let s = pool.stats();
        assert_eq!(s.checked_out_buffers, 0);
        assert_eq!(s.retained_buffers, 1);
    });
}

#[test]
fn trim_racing_with_release_keeps_budget_exact() {
    loom::model(|| {
        let pool = pool(PoolConfig {
            max_idle: std::time::Duration::ZERO,
            ..PoolConfig::default()
        });
        drop(pool.acquire(1024)); // idle before the trim
        let b = pool.acquire(4096);
        let t = thread::spawn(move || drop(b));
        pool.trim();
        t.join().unwrap();
        let s = pool.stats();
        // no thread caches in loom builds: the budget is exactly what is idle
        assert_eq!(s.retained_budget_bytes, s.retained_bytes);
        assert_eq!(s.trimmed_buffers + s.retained_buffers, 2);
        assert!(s.trimmed_buffers >= 1);
    });
}

#[test]
fn one_idle_buffer_is_handed_to_exactly_one_taker() {
    loom::model(|| {
        let pool = pool(PoolConfig::default());
        drop(pool.acquire(2048));
        let p = pool.clone();
        let t = thread::spawn(move || p.acquire(2048));
        let mine = pool.acquire(2048);
        let theirs = t.join().unwrap();
        assert_ne!(mine.as_ptr(), theirs.as_ptr());
        let s = pool.stats();
        assert_eq!((s.hits, s.misses), (1, 2));
        assert_eq!(s.retained_buffers, 0);
        assert_eq!(s.retained_budget_bytes, 0);
    });
}

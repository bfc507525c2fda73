//! Behaviour of `Pool` and `PooledBuf` on one and several threads.
#![cfg(not(loom))]

use std::io::Write;
use std::time::Duration;

use bytes::BufMut;
use sluice_pool::{
    AcquireError, HealthStatus, MAX_CLASS_SIZE, Pool, PoolConfig, PooledBuf, PressureLevel,
};

fn pool() -> Pool {
    Pool::new(PoolConfig::default()).expect("default config is valid")
}

/// Reads `n` bytes past the length: memory the previous holder wrote.
fn peek_spare(buf: &mut sluice_pool::PooledBuf, n: usize) -> Vec<u8> {
    assert!(buf.is_empty() && buf.capacity() >= n);
    // SAFETY: every test calls this on a reused buffer whose first `n` bytes
    // were written by its previous holder (and zeroed by the pool when that
    // works), so they are initialised either way.
    unsafe { buf.advance_mut(n) };
    let out = buf.to_vec();
    buf.clear();
    out
}

#[test]
fn written_bytes_are_zero_when_handed_out_again() {
    let pool = pool();
    let mut buf = pool.acquire(4096);
    let addr = buf.as_ptr();
    buf.extend_from_slice(&[0xAA; 300]);
    buf.truncate(10); // the high-water mark still covers 300 bytes
    drop(buf);

    let mut again = pool.acquire(4096);
    assert_eq!(again.as_ptr(), addr, "same buffer reused");
    assert!(again.is_empty());
    assert_eq!(peek_spare(&mut again, 300), vec![0u8; 300]);
}

#[test]
fn without_zeroing_old_bytes_remain() {
    let pool = Pool::builder().zero_on_release(false).build().unwrap();
    let mut buf = pool.acquire(4096);
    buf.extend_from_slice(&[0xAA; 64]);
    drop(buf);
    let mut again = pool.acquire(4096);
    assert_eq!(peek_spare(&mut again, 64), vec![0xAA; 64]);
}

#[test]
fn requests_map_to_classes_four_per_doubling() {
    let pool = pool();
    let buf = pool.acquire(33_000);
    assert_eq!(buf.capacity(), 40 * 1024);
    assert_eq!(pool.acquire(100).capacity(), 1024);
    assert_eq!(pool.acquire(1025).capacity(), 1280);
    drop(buf);
    let s = pool.stats();
    let class = s.classes.iter().find(|c| c.size == 40 * 1024).unwrap();
    assert_eq!((class.acquires, class.misses), (1, 1));
    assert_eq!(class.retained_buffers, 1);
    // a 33 KiB request reuses the 40 KiB buffer
    let again = pool.acquire(33 * 1024);
    assert_eq!(again.capacity(), 40 * 1024);
    assert_eq!(pool.stats().hits, 1);
}

#[test]
fn requests_above_largest_class_are_unpooled_and_counted() {
    let pool = pool();
    let big = pool.acquire((16 << 20) + 1);
    assert!(big.capacity() > 16 << 20);
    let s = pool.stats();
    assert_eq!((s.unpooled, s.acquires, s.hits, s.misses), (1, 1, 0, 0));
    assert_eq!(s.unpooled_checked_out_bytes, (16 << 20) + 1);
    assert_eq!(s.checked_out_buffers, 1);
    drop(big);
    let s = pool.stats();
    assert_eq!(s.unpooled_checked_out_bytes, 0);
    assert_eq!(s.checked_out_buffers, 0);
    assert_eq!(s.retained_buffers, 0);
}

#[test]
fn grown_buffer_is_filed_under_its_new_class() {
    let pool = pool();
    let mut buf = pool.acquire(1024);
    buf.extend_from_slice(&[1; 5000]); // grows: never truncated
    assert_eq!(buf.len(), 5000);
    let cap = buf.capacity();
    drop(buf);
    let s = pool.stats();
    let (k, _) = s
        .classes
        .iter()
        .enumerate()
        .rev()
        .find(|(_, c)| c.size <= cap)
        .unwrap();
    assert_eq!(s.classes[k].retained_buffers, 1);
    assert_eq!(s.classes[k].regrown_buffers, 1);
    assert_eq!(s.classes[0].retained_buffers, 0);
    assert_eq!(s.classes[0].checked_out_buffers, 0);
    // every buffer in a class holds at least the class size
    let again = pool.acquire(s.classes[k].size);
    assert!(again.capacity() >= s.classes[k].size);
}

#[test]
fn buffer_grown_past_largest_class_is_freed() {
    let pool = pool();
    let mut buf = pool.acquire(16 << 20);
    buf.resize((16 << 20) + 1, 7);
    drop(buf);
    let s = pool.stats();
    assert_eq!(s.retained_buffers, 0);
    assert_eq!(s.dropped_buffers, 1);
    assert_eq!(s.checked_out_buffers, 0);
}

#[test]
fn bufmut_and_write_append_and_grow() {
    let pool = pool();
    let mut buf = pool.acquire(1024);
    buf.put_u32(0xDEAD_BEEF);
    buf.put_slice(b"abc");
    write!(buf, "-{}", 42).unwrap();
    assert_eq!(&buf[..], b"\xDE\xAD\xBE\xEFabc-42");
    buf.put_bytes(b'x', 4000);
    assert_eq!(buf.len(), 4 + 3 + 3 + 4000);
    buf.as_mut()[0] = 0;
    assert_eq!(buf.as_ref()[0], 0);
    assert!(format!("{buf:?}").contains("len: 4010"));
}

#[test]
fn freeze_returns_memory_when_last_clone_drops() {
    let pool = pool();
    let mut buf = pool.acquire(2048);
    buf.extend_from_slice(b"payload");
    let bytes = buf.freeze();
    let clone = bytes.slice(1..4);
    assert_eq!(&clone[..], b"ayl");
    drop(bytes);
    assert_eq!(
        pool.stats().checked_out_buffers,
        1,
        "a clone still holds it"
    );
    assert_eq!(pool.stats().retained_buffers, 0);
    drop(clone);
    let s = pool.stats();
    assert_eq!(s.checked_out_buffers, 0);
    assert_eq!(s.retained_buffers, 1);
}

#[test]
fn retained_bytes_never_exceed_caps() {
    let pool = Pool::builder()
        .max_retained_bytes(16 * 1024)
        .max_class_retained_bytes(8 * 1024)
        .thread_cache_bytes(4 * 1024)
        .build()
        .unwrap();
    let bufs: Vec<_> = (0..10).map(|_| pool.acquire(4096)).collect();
    let small: Vec<_> = (0..10).map(|_| pool.acquire(1024)).collect();
    drop(bufs);
    drop(small);
    let s = pool.stats();
    assert!(s.retained_budget_bytes <= 16 * 1024, "{s:?}");
    assert!(s.retained_bytes <= s.retained_budget_bytes);
    for c in &s.classes {
        assert!(
            c.retained_bytes <= 8 * 1024,
            "class {}: {}",
            c.size,
            c.retained_bytes
        );
    }
    let k4 = sluice_pool::size_class(4096).unwrap().0;
    assert_eq!(s.classes[k4].retained_buffers, 2); // 4 KiB class: 2 fit its cap
    assert_eq!(s.classes[0].retained_buffers, 8); // 1 KiB class: 8 fit
    assert_eq!(s.dropped_buffers, 20 - s.retained_buffers);
    assert!(s.retained_high_water_bytes <= 16 * 1024);
}

#[test]
fn prewarmed_buffers_are_hits() {
    let pool = Pool::builder().prewarm(4096, 3).build().unwrap();
    assert_eq!(pool.stats().retained_buffers, 3);
    let a = pool.acquire(4000);
    let b = pool.acquire(4096);
    let s = pool.stats();
    assert_eq!((s.hits, s.misses), (2, 0));
    assert_eq!(s.hit_rate, 1.0);
    drop((a, b));
}

#[test]
fn hit_rate_is_hits_over_all_acquires() {
    let pool = pool();
    drop(pool.acquire(1024)); // miss
    drop(pool.acquire(1024)); // hit
    drop(pool.acquire(1024)); // hit
    drop(pool.acquire(32 << 20)); // unpooled
    let s = pool.stats();
    assert_eq!((s.acquires, s.hits, s.misses, s.unpooled), (4, 2, 1, 1));
    assert_eq!(s.hit_rate, 0.5);
}

#[test]
fn released_on_another_thread_is_accounted() {
    let pool = pool();
    let bufs: Vec<_> = (0..100).map(|i| pool.acquire(1024 << (i % 4))).collect();
    let worker = std::thread::spawn(move || drop(bufs));
    worker.join().unwrap();
    let s = pool.stats();
    assert_eq!(s.acquires, 100);
    assert_eq!(s.checked_out_buffers, 0);
    assert_eq!(s.checked_out_bytes, 0);
    // the worker's cache was flushed to the shared storage when it exited
    assert_eq!(s.retained_buffers, 100);
    // and this thread reuses them
    let again: Vec<_> = (0..100).map(|i| pool.acquire(1024 << (i % 4))).collect();
    assert_eq!(pool.stats().hits, 100);
    drop(again);
}

#[test]
fn leak_report_names_the_call_site() {
    let pool = Pool::builder().leak_sample_rate(1).build().unwrap();
    let line = line!() + 1;
    let held = pool.acquire(2048);
    let held2 = pool.try_acquire(4096).unwrap();
    let line2 = line!() - 1;
    drop(pool.acquire(1024)); // released: not a leak
    let leaks = pool.leaks(Duration::ZERO);
    assert_eq!(leaks.len(), 2, "{leaks:?}");
    let site = leaks.iter().find(|l| l.line == line).expect("first site");
    assert_eq!(site.file, file!());
    assert_eq!((site.count, site.bytes), (1, 2048));
    assert!(leaks.iter().any(|l| l.line == line2 && l.file == file!()));
    assert!(pool.leaks(Duration::from_secs(3600)).is_empty());
    drop((held, held2));
    assert!(pool.leaks(Duration::ZERO).is_empty());
    assert_eq!(pool.stats().tracked_buffers, 0);
}

#[test]
fn leak_sampling_tracks_one_in_n() {
    let pool = Pool::builder().leak_sample_rate(4).build().unwrap();
    let held: Vec<_> = (0..40).map(|_| pool.acquire(1024)).collect();
    let leaks = pool.leaks(Duration::ZERO);
    assert_eq!(leaks.iter().map(|l| l.count).sum::<usize>(), 10);
    drop(held);
    let off = pool_with_no_tracking();
    let _b = off.acquire(1024);
    assert!(off.leaks(Duration::ZERO).is_empty());
}

fn pool_with_no_tracking() -> Pool {
    pool()
}

#[test]
fn try_acquire_honours_the_checked_out_cap() {
    let pool = Pool::builder()
        .max_checked_out_bytes(Some(8192))
        .build()
        .unwrap();
    let a = pool.try_acquire(4096).unwrap();
    let b = pool.try_acquire(4000).unwrap(); // counted as its 4 KiB class
    let err = pool.try_acquire(1).unwrap_err();
    assert_eq!(
        err,
        AcquireError::WouldExceedCap {
            requested: 1024,
            checked_out: 8192,
            cap: 8192
        }
    );
    assert!(err.to_string().contains("checked-out cap"));
    drop(a);
    let c = pool.try_acquire(1).unwrap();
    drop((b, c));
    // a request larger than the whole cap is admitted when nothing is out
    let huge = pool.try_acquire(1 << 20).unwrap();
    assert!(pool.try_acquire(1).is_err());
    drop(huge);
    assert_eq!(pool.stats().checked_out_bytes, 0);
}

#[test]
fn plain_acquire_passes_the_cap_and_counts_it() {
    let pool = Pool::builder()
        .max_checked_out_bytes(Some(4096))
        .build()
        .unwrap();
    let a = pool.acquire(4096);
    let b = pool.acquire(4096); // does not block or fail
    let s = pool.stats();
    assert_eq!(s.cap_overruns, 1);
    assert_eq!(s.checked_out_bytes, 8192);
    assert_eq!(s.checked_out_high_water_bytes, 8192);
    assert!(pool.try_acquire(1).is_err());
    drop((a, b));
    assert!(pool.try_acquire(4096).is_ok());
}

#[test]
fn health_reports_reasons() {
    let pool = Pool::builder()
        .max_checked_out_bytes(Some(10 * 1024))
        .detect_cgroup(false)
        .build()
        .unwrap();
    assert_eq!(pool.health().status, HealthStatus::Healthy);
    let held = pool.acquire(9 * 1024 + 500); // 10 KiB class: 100% of the cap
    let h = pool.health();
    assert_eq!(h.status, HealthStatus::Degraded);
    assert!(h.reasons.iter().any(|r| r.contains("checked-out")), "{h:?}");
    drop(held);

    let leaky = Pool::builder()
        .leak_sample_rate(1)
        .leak_report_after(Duration::ZERO)
        .detect_cgroup(false)
        .build()
        .unwrap();
    let _held = leaky.acquire(1024);
    let h = leaky.health();
    assert_eq!((h.status, h.leaked_buffers), (HealthStatus::Degraded, 1));

    let tight = Pool::builder()
        .pressure_threshold_bytes(Some(4096))
        .detect_cgroup(false)
        .build()
        .unwrap();
    assert_eq!(tight.pressure(), PressureLevel::Normal);
    let _a = tight.acquire(4096);
    assert_eq!(tight.pressure(), PressureLevel::Elevated);
    let _b = tight.acquire(2048);
    assert_eq!(tight.pressure(), PressureLevel::Critical);
    let h = tight.health();
    assert_eq!(h.status, HealthStatus::Unhealthy);
    assert!(h.reasons.iter().any(|r| r.contains("critical")));
    serde_json::to_string(&h).unwrap();
}

#[test]
fn trim_releases_by_idle_age() {
    let pool = Pool::builder()
        .max_idle(Duration::from_secs(1))
        .detect_cgroup(false)
        .build()
        .unwrap();
    let bufs: Vec<_> = (0..8).map(|_| pool.acquire(64 * 1024)).collect();
    drop(bufs);
    let report = pool.trim();
    assert_eq!(report.released_buffers, 0, "nothing is a second old yet");
    assert_eq!(report.released_bytes, 0, "{report:?}");
    assert_eq!(pool.stats().retained_buffers, 8);
    std::thread::sleep(Duration::from_millis(1100));
    let report = pool.trim();
    assert_eq!(report.pressure, PressureLevel::Normal);
    let s = pool.stats();
    assert_eq!(s.retained_buffers, 0, "{report:?}");
    assert_eq!(s.retained_budget_bytes, 0);
    assert_eq!(s.trimmed_bytes, 8 * 64 * 1024);
    assert_eq!(report.released_bytes, 8 * 64 * 1024);
    assert_eq!(report.released_buffers, 8, "{report:?}");
}

#[test]
fn critical_pressure_trims_everything_idle() {
    let pool = Pool::builder()
        .pressure_threshold_bytes(Some(4096))
        .max_idle(Duration::from_secs(3600))
        .detect_cgroup(false)
        .build()
        .unwrap();
    drop((pool.acquire(4096), pool.acquire(8192)));
    assert_eq!(pool.pressure(), PressureLevel::Critical);
    let report = pool.trim();
    assert_eq!(report.pressure, PressureLevel::Critical);
    assert_eq!(report.max_age, Duration::ZERO);
    assert_eq!(pool.stats().retained_buffers, 0);
}

#[test]
fn trim_reaches_other_threads_caches() {
    let pool = Pool::builder()
        .max_idle(Duration::ZERO)
        .detect_cgroup(false)
        .build()
        .unwrap();
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let p = pool.clone();
    let worker = std::thread::spawn(move || {
        drop(p.acquire(2048)); // kept in this thread's cache
        done.send(()).unwrap();
        wait.recv().unwrap();
        drop(p.acquire(1024)); // next operation: notices the trim
        done.send(()).unwrap();
        wait.recv().unwrap();
    });
    finished.recv().unwrap();
    assert_eq!(pool.stats().classes[4].retained_buffers, 1);
    pool.trim();
    go.send(()).unwrap();
    finished.recv().unwrap();
    let s = pool.stats();
    assert_eq!(s.classes[4].retained_buffers, 0, "worker cache trimmed");
    assert_eq!(s.classes[4].trimmed_buffers, 1);
    go.send(()).unwrap();
    worker.join().unwrap();
}

#[test]
fn background_trimmer_runs_and_stops_with_the_pool() {
    let pool = Pool::builder()
        .trim_interval(Some(Duration::from_millis(10)))
        .max_idle(Duration::ZERO)
        .detect_cgroup(false)
        .build()
        .unwrap();
    let p = pool.clone();
    // released on a thread that exits, so it lands in the shared storage
    std::thread::spawn(move || drop(p.acquire(4096)))
        .join()
        .unwrap();
    let mut trimmed = false;
    for _ in 0..500 {
        if pool.stats().trimmed_buffers == 1 {
            trimmed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(trimmed, "{:?}", pool.stats());
    drop(pool); // joins the trimmer thread
}

#[test]
fn buffers_outliving_their_pool_are_freed() {
    let pool = pool();
    let buf = pool.acquire(1024);
    drop(pool);
    drop(buf); // no panic, no retention
}

#[test]
fn into_vec_takes_the_buffer_out_of_the_pool() {
    let pool = pool();
    let mut buf = pool.acquire(1024);
    buf.extend_from_slice(b"keep");
    let v = buf.into_vec();
    assert_eq!(v, b"keep");
    let s = pool.stats();
    assert_eq!((s.checked_out_buffers, s.retained_buffers), (0, 0));
}

#[test]
fn stats_serialise_and_pool_is_send_sync_clone_debug() {
    fn assert_traits<T: Send + Sync + Clone + std::fmt::Debug>() {}
    fn assert_buf<T: Send + Sync + std::fmt::Debug>() {}
    assert_traits::<Pool>();
    assert_buf::<sluice_pool::PooledBuf>();
    let pool = pool();
    drop(pool.acquire(1));
    let json = serde_json::to_value(pool.stats()).unwrap();
    assert_eq!(json["acquires"], 1);
    assert_eq!(
        json["classes"].as_array().unwrap().len(),
        sluice_pool::NUM_CLASSES
    );
    assert!(format!("{pool:?}").starts_with("Pool"));
}

#[test]
fn alloc_rate_counts_fresh_allocations_in_the_window() {
    let pool = pool();
    pool.stats(); // start a window
    let held: Vec<_> = (0..10).map(|_| pool.acquire(1024)).collect();
    let s = pool.stats();
    assert!(s.alloc_rate_per_sec > 0.0);
    assert!(s.alloc_bytes_per_sec > 0.0);
    drop(held);
    let held: Vec<_> = (0..10).map(|_| pool.acquire(1024)).collect();
    assert_eq!(pool.stats().alloc_rate_per_sec, 0.0, "all hits");
    drop(held);
}

#[test]
fn thread_cache_can_be_disabled() {
    let pool = Pool::builder().thread_cache_bytes(0).build().unwrap();
    drop(pool.acquire(1024));
    let b = pool.acquire(1024);
    let s = pool.stats();
    assert_eq!((s.hits, s.misses), (1, 1));
    drop(b);
}

#[test]
fn caps_hold_with_many_threads_and_cross_thread_releases() {
    const CAP: usize = 256 * 1024;
    let pool = Pool::builder()
        .max_retained_bytes(CAP)
        .max_class_retained_bytes(64 * 1024)
        .thread_cache_bytes(32 * 1024)
        .thread_cache_buffers(4)
        .detect_cgroup(false)
        .build()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::sync_channel::<sluice_pool::PooledBuf>(16);
    let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut workers = Vec::new();
    for t in 0..3usize {
        let pool = pool.clone();
        let tx = tx.clone();
        let rx = rx.clone();
        workers.push(std::thread::spawn(move || {
            let mut x = t as u64 + 1;
            for _ in 0..3000 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let size = 1024 << (x % 6);
                let mut b = pool.acquire(size);
                b.extend_from_slice(&[t as u8; 100]);
                if x.is_multiple_of(2) {
                    let _ = tx.try_send(b); // released by whoever receives it
                }
                if let Ok(rx) = rx.try_lock() {
                    while let Ok(b) = rx.try_recv() {
                        assert!(b.len() == 100);
                    }
                }
                if x.is_multiple_of(97) {
                    pool.trim();
                }
            }
        }));
    }
    drop(tx);
    let monitor = {
        let pool = pool.clone();
        let stop = stop.clone();
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let s = pool.stats();
                assert!(s.retained_budget_bytes as usize <= CAP, "{s:?}");
                for c in &s.classes {
                    assert!(c.retained_bytes <= 64 * 1024);
                }
                std::thread::yield_now();
            }
        })
    };
    for w in workers {
        w.join().unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    monitor.join().unwrap();
    drop(rx);
    let s = pool.stats();
    assert_eq!(s.acquires, 9000);
    assert_eq!(s.checked_out_buffers, 0);
    assert_eq!(s.checked_out_bytes, 0);
    assert!(s.retained_high_water_bytes as usize <= CAP);
    assert!(s.hits > 0);
}

#[test]
fn sampling_counts_fast_path_hits_too() {
    let pool = Pool::builder()
        .leak_sample_rate(4)
        .prewarm(1024, 40)
        .build()
        .unwrap();
    // all hits, most of them from this thread's cache (the fast path)
    let held: Vec<_> = (0..40).map(|_| pool.acquire(1024)).collect();
    assert_eq!(pool.stats().hits, 40);
    let sampled: usize = pool.leaks(Duration::ZERO).iter().map(|l| l.count).sum();
    assert_eq!(sampled, 10);
    drop(held);
    assert_eq!(pool.stats().tracked_buffers, 0);
}

/// A buffer held in a user's thread-local is dropped while the thread's
/// locals are torn down, possibly after the thread's cache was flushed: it
/// must still be accounted and retained within the budget, never lost.
#[test]
fn buffers_dropped_by_thread_local_destructors_are_accounted() {
    thread_local! {
        static HELD: std::cell::RefCell<Vec<sluice_pool::PooledBuf>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let pool = pool();
    let p = pool.clone();
    std::thread::spawn(move || {
        // Registers this thread's cache (and its exit flush) before `HELD`
        // exists, and again after it, so both destructor orders occur.
        drop(p.acquire(1024));
        drop(p.acquire(1024));
        HELD.with(|h| {
            let mut h = h.borrow_mut();
            h.push(p.acquire(2048));
            let mut written = p.acquire(4096);
            written.extend_from_slice(&[7; 100]);
            h.push(written);
        });
        let other = p.clone();
        drop(other.acquire(8192));
    })
    .join()
    .unwrap();
    let s = pool.stats();
    assert_eq!(s.acquires, 5);
    assert_eq!(s.checked_out_buffers, 0, "{s:?}");
    assert_eq!(s.retained_buffers, 4, "{s:?}");
    // Every retained byte is covered by the budget, and nothing else is.
    assert_eq!(s.retained_budget_bytes, s.retained_bytes, "{s:?}");
    // The written buffer came back zeroed.
    let mut again = pool.acquire(4096);
    assert!(peek_spare(&mut again, 100).iter().all(|&b| b == 0));
}

/// A thread that only releases buffers acquired elsewhere piles up pool
/// references; untouched and written buffers take different fast paths.
/// Accounting stays exact, and the pool still closes.
#[test]
fn release_only_thread_accounts_every_buffer() {
    let pool = Pool::builder()
        .thread_cache_buffers(512)
        .thread_cache_bytes(8 << 20)
        .build()
        .unwrap();
    let bufs: Vec<_> = (0..300u32)
        .map(|i| {
            let mut b = pool.acquire(1024);
            if i.is_multiple_of(3) {
                b.extend_from_slice(&[1; 10]);
            }
            b
        })
        .collect();
    let p = pool.clone();
    std::thread::spawn(move || {
        drop(bufs);
        let s = p.stats();
        assert_eq!(s.checked_out_buffers, 0, "{s:?}");
        // Kept in this thread's cache until it exits.
        assert!(s.retained_buffers > 0);
        assert!(s.retained_budget_bytes >= s.retained_bytes, "{s:?}");
    })
    .join()
    .unwrap();
    let s = pool.stats();
    assert_eq!((s.acquires, s.misses, s.checked_out_buffers), (300, 300, 0));
    assert_eq!(s.retained_budget_bytes, s.retained_bytes, "{s:?}");
    let again: Vec<_> = (0..300).map(|_| pool.acquire(1024)).collect();
    assert!(again.iter().all(|b| b.is_empty()));
    assert_eq!(pool.stats().hits, s.retained_buffers);
    drop(again);
    drop(pool);
}

/// Without leak tracking, a long run of fast-path checkouts never tracks
/// one; with it, every n-th is tracked however many run.
#[test]
fn sampling_is_exact_over_long_runs() {
    let off = pool();
    for _ in 0..5000 {
        drop(off.acquire(1024));
    }
    assert_eq!(off.stats().tracked_buffers, 0);
    let on = Pool::builder().leak_sample_rate(10).build().unwrap();
    for _ in 0..5000 {
        drop(on.acquire(1024));
    }
    let held: Vec<_> = (0..100).map(|_| on.acquire(1024)).collect();
    assert_eq!(on.stats().tracked_buffers, 10);
    drop(held);
}

/// A named way of growing a buffer.
type Growth = (&'static str, fn(&mut PooledBuf));

/// Every way a buffer can grow, each taking a 1 KiB buffer past 40 KiB.
fn growths() -> Vec<Growth> {
    vec![
        ("extend_from_slice", |b| b.extend_from_slice(&[1; 41_000])),
        ("reserve", |b| b.reserve(41_000)),
        ("resize", |b| b.resize(41_000, 1)),
        ("io::Write", |b| b.write_all(&[1; 41_000]).unwrap()),
        ("BufMut::put_slice", |b| b.put_slice(&[1; 41_000])),
        ("BufMut::put_bytes", |b| b.put_bytes(1, 41_000)),
        ("BufMut::put_u8", |b| {
            for _ in 0..41_000 {
                b.put_u8(1);
            }
        }),
    ]
}

#[test]
fn growth_is_charged_against_the_checked_out_cap() {
    for (how, grow) in growths() {
        let pool = Pool::builder()
            .max_checked_out_bytes(Some(64 * 1024))
            .detect_cgroup(false)
            .build()
            .unwrap();
        let mut buf = pool.try_acquire(1024).unwrap();
        grow(&mut buf);
        assert!(buf.capacity() >= 41_000, "{how}");
        // 32 KiB fits next to 1 KiB, not next to 40 KiB of growth.
        assert!(
            pool.try_acquire(32 * 1024).is_err(),
            "{how}: growth not charged"
        );
        drop(buf);
        // The growth is refunded with the buffer: the whole cap is free.
        let all = pool.try_acquire(64 * 1024);
        assert!(all.is_ok(), "{how}: growth not refunded");
        drop(all);
        assert_eq!(pool.stats().cap_overruns, 0, "{how}");
    }
}

#[test]
fn growth_past_the_cap_counts_an_overrun() {
    let pool = Pool::builder()
        .max_checked_out_bytes(Some(8 * 1024))
        .detect_cgroup(false)
        .build()
        .unwrap();
    let other = pool.acquire(1024);
    let mut buf = pool.acquire(1024);
    assert_eq!(pool.stats().cap_overruns, 0);
    // Charged the whole cap (a buffer is never charged more), next to 1 KiB.
    buf.extend_from_slice(&[1; 20_000]); // a write is never truncated
    assert_eq!(buf.len(), 20_000);
    assert_eq!(pool.stats().cap_overruns, 1);
    drop(other);
    assert!(pool.try_acquire(1024).is_err());
    drop(buf);
    assert!(pool.try_acquire(8 * 1024).is_ok());
}

#[test]
fn unpooled_growth_counts_as_checked_out() {
    let pool = pool();
    let mut buf = pool.acquire(MAX_CLASS_SIZE + 1);
    let cap = buf.capacity();
    buf.resize(cap + 1, 0);
    let grown = buf.capacity();
    assert_eq!(
        pool.stats().unpooled_checked_out_bytes,
        (MAX_CLASS_SIZE + 1 + grown - cap) as u64
    );
    drop(buf);
    assert_eq!(pool.stats().unpooled_checked_out_bytes, 0);
}

#[test]
fn several_pools_on_one_thread_keep_their_own_buffers() {
    let a = pool();
    let b = Pool::builder().zero_on_release(false).build().unwrap();
    let mut addrs = std::collections::HashMap::new();
    for round in 0..50 {
        // Alternate between the pools so each operation switches the
        // thread's active cache; every buffer must come back to its own pool.
        for (name, p) in [("a", &a), ("b", &b)] {
            let mut buf = p.acquire(4096);
            if round % 3 == 0 {
                buf.extend_from_slice(&[round as u8 | 1; 100]);
            }
            let addr = buf.as_ptr() as usize;
            let owner = *addrs.entry(addr).or_insert(name);
            assert_eq!(owner, name, "a buffer moved between pools");
            drop(buf);
        }
    }
    for p in [&a, &b] {
        let s = p.stats();
        assert_eq!(s.acquires, 50);
        assert_eq!(s.checked_out_buffers, 0);
        assert!(s.hits >= 49, "hits {}", s.hits);
        assert_eq!(s.retained_buffers, 1);
    }
    // Closing one pool leaves the other's cache working.
    drop(a);
    let again = b.acquire(4096);
    drop(again);
    assert_eq!(b.stats().hits, 50);
}

#[test]
fn a_thread_exiting_with_caches_of_two_pools_hands_both_back() {
    let a = pool();
    let b = pool();
    let (a2, b2) = (a.clone(), b.clone());
    std::thread::spawn(move || {
        for p in [&a2, &b2] {
            let bufs: Vec<_> = (0..3).map(|_| p.acquire(2048)).collect();
            drop(bufs);
        }
    })
    .join()
    .unwrap();
    for p in [&a, &b] {
        let s = p.stats();
        assert_eq!(s.checked_out_buffers, 0);
        assert_eq!(s.retained_buffers, 3, "flushed to the shared storage");
        assert_eq!(s.retained_bytes, 3 * 2048);
        assert!(s.retained_budget_bytes >= s.retained_bytes);
        // Reused from the shared storage here.
        let bufs: Vec<_> = (0..3).map(|_| p.acquire(2048)).collect();
        assert_eq!(p.stats().hits, 3);
        drop(bufs);
    }
}

#[test]
fn a_request_may_reuse_a_buffer_up_to_one_doubling_larger() {
    let pool = Pool::builder().thread_cache_bytes(0).build().unwrap();
    drop(pool.acquire(1792)); // one idle 1792-byte buffer, three classes up
    let b = pool.acquire(1000); // class 1024 is empty
    assert_eq!(b.capacity(), 1792);
    let s = pool.stats();
    assert_eq!((s.hits, s.misses), (1, 1));
    drop(b);
    let s = pool.stats();
    // Back under the class its capacity fits, not counted as grown.
    let c = s.classes.iter().find(|c| c.size == 1792).unwrap();
    assert_eq!(c.retained_buffers, 1);
    assert_eq!(s.classes.iter().map(|c| c.regrown_buffers).sum::<u64>(), 0);
    // Four classes up is too far.
    let held = pool.acquire(1000); // the 1792-byte one again
    assert_eq!(held.capacity(), 1792);
    drop(pool.acquire(2048)); // one idle 2048-byte buffer
    let b = pool.acquire(1000);
    assert_eq!(b.capacity(), 1024, "took a buffer more than a doubling up");
    drop((held, b));
}

#[test]
fn under_a_checked_out_cap_buffers_are_exactly_their_class() {
    // Without thread caches every release goes to the shared storage, where
    // a request may otherwise take a warmer buffer up to one doubling larger.
    let pool = Pool::new(PoolConfig {
        thread_cache_bytes: 0,
        max_checked_out_bytes: Some(64 << 20),
        ..PoolConfig::default()
    })
    .unwrap();
    let small = pool.acquire(33 * 1024).capacity();
    drop(pool.acquire(small + 1));
    let b = pool.acquire(33 * 1024);
    assert_eq!(b.capacity(), small);
    assert_eq!(pool.stats().checked_out_bytes, small as u64);
}

#[test]
fn plain_acquire_charges_the_cap_when_served_from_the_thread_cache() {
    let pool = Pool::builder()
        .max_checked_out_bytes(Some(4096))
        .build()
        .unwrap();
    // Warm this thread's cache: the next acquisitions are cache hits.
    for _ in 0..100 {
        drop(pool.acquire(1024));
    }
    let held: Vec<_> = (0..4).map(|_| pool.acquire(1024)).collect();
    assert_eq!(pool.stats().cap_overruns, 0);
    let extra = pool.acquire(1024);
    let s = pool.stats();
    assert_eq!(s.cap_overruns, 1);
    assert_eq!(s.checked_out_bytes, 5 * 1024);
    assert!(pool.try_acquire(1).is_err());
    drop((held, extra));
    assert_eq!(pool.stats().checked_out_bytes, 0);
    assert!(pool.try_acquire(4096).is_ok());
}

/// A buffer handed out under a smaller class than its capacity, or whose
/// capacity changed while checked out, goes back under the class its
/// capacity fits, also through a thread cache that holds that smaller
/// class: every buffer the cache hands out afterwards has its class's size.
#[test]
fn off_size_buffers_never_enter_a_smaller_class_through_a_thread_cache() {
    let pool = pool();
    // 1792-byte buffers idle in the shared storage (more than a thread
    // cache keeps per class spill there), then one taken by a 1000-byte
    // request while this thread's cache has nothing of class 1024.
    drop(pool.acquire(1024)); // this thread's cache takes class 1024 on
    let exact = pool.acquire(1024); // and is empty again
    assert_eq!(exact.capacity(), 1024);
    let many: Vec<_> = (0..40).map(|_| pool.acquire(1792)).collect();
    drop(many);
    let near = pool.acquire(1000);
    assert_eq!(near.capacity(), 1792);
    drop(near);
    drop(exact);
    // The cache's buffer, taken out of the pool.
    let taken = pool.acquire(1024).into_vec();
    assert_eq!(taken.capacity(), 1024);
    let grown = {
        let mut b = pool.acquire(1024);
        b.extend_from_slice(&[7; 3000]);
        b
    };
    drop(grown);
    // (Debug builds also assert, on each push into a thread cache, that
    // the buffer has exactly the class size.)
    for _ in 0..3 {
        let bufs: Vec<_> = (0..20).map(|_| pool.acquire(1024)).collect();
        assert!(bufs.iter().all(|b| (1024..=2048).contains(&b.capacity())));
    }
    let s = pool.stats();
    let above: u64 = s
        .classes
        .iter()
        .filter(|c| c.size > 2048)
        .map(|c| c.retained_buffers)
        .sum();
    assert_eq!(above, 1, "grown buffer kept under a larger class");
    // Every buffer allocated is still retained, but the one taken out.
    assert_eq!(s.retained_buffers, s.misses - 1 - s.dropped_buffers);
    assert_eq!(s.checked_out_buffers, 0);
    assert_eq!(
        s.retained_bytes,
        s.classes.iter().map(|c| c.retained_bytes).sum::<u64>()
    );
}

/// Fast checkouts are granted in batches; leak sampling still tracks
/// exactly one in N, also across several pools used in turn on one thread.
#[test]
fn sampling_stays_exact_when_pools_alternate() {
    let a = Pool::builder().leak_sample_rate(7).build().unwrap();
    let b = Pool::builder().leak_sample_rate(3).build().unwrap();
    for i in 0..1000 {
        drop(a.acquire(1024));
        if i % 5 == 0 {
            drop(b.acquire(2048));
        }
    }
    // 1000 checkouts of `a` so far: the next 7 hold exactly one tracked.
    let held_a: Vec<_> = (0..70).map(|_| a.acquire(1024)).collect();
    let held_b: Vec<_> = (0..30).map(|_| b.acquire(2048)).collect();
    assert_eq!(a.stats().tracked_buffers, 10);
    assert_eq!(b.stats().tracked_buffers, 10);
    drop((held_a, held_b));
    assert_eq!(a.stats().tracked_buffers, 0);
}

#[test]
fn impossible_capacity_is_refused_before_anything_is_charged() {
    let pool = Pool::builder()
        .max_checked_out_bytes(Some(1 << 20))
        .build()
        .unwrap();
    let err = pool.try_acquire(usize::MAX).unwrap_err();
    assert!(
        matches!(
            err,
            AcquireError::TooLarge {
                requested: usize::MAX,
                ..
            }
        ),
        "{err:?}"
    );
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        drop(pool.acquire(usize::MAX))
    }));
    assert!(panicked.is_err());
    let s = pool.stats();
    assert_eq!(s.checked_out_bytes, 0);
    assert_eq!(s.acquires, 0);
    // The cap is whole: an ordinary buffer still fits.
    assert!(pool.try_acquire(1024).is_ok());
}

#[test]
fn a_buffer_at_a_freed_buffers_address_is_kept_by_its_own_pointer() {
    // The allocator often puts a new buffer where a freed one was; the
    // thread cache must keep the new pointer, not the equal old one (under
    // Miri with address reuse, the old one is dangling).
    let pool = pool();
    for _ in 0..4 {
        drop(pool.acquire(1024));
    }
    drop(pool.acquire(1024).into_vec());
    drop(pool.acquire(1024));
    let mut b = pool.acquire(1024);
    b.extend_from_slice(b"hello");
    assert_eq!(&b[..], b"hello");
}

#[test]
fn bytes_written_through_chunk_mut_without_advancing_are_zeroed() {
    let pool = pool();
    for _ in 0..2 {
        drop(pool.acquire(1024));
    }
    let mut b = pool.acquire(1024);
    b.chunk_mut()[..6].copy_from_slice(b"secret");
    drop(b);
    let mut again = pool.acquire(1024);
    assert_eq!(peek_spare(&mut again, 6), vec![0; 6]);
}

#[test]
fn another_threads_fast_path_counts_lag_by_at_most_one_batch() {
    let pool = pool();
    let (ran, ran_rx) = std::sync::mpsc::channel();
    let (finish, finish_rx) = std::sync::mpsc::channel::<()>();
    let p = pool.clone();
    let worker = std::thread::spawn(move || {
        for _ in 0..1000 {
            // Untouched: the plain fast paths, counted lazily.
            drop(p.acquire(1024));
        }
        ran.send(()).unwrap();
        finish_rx.recv().unwrap();
    });
    ran_rx.recv().unwrap();
    // The worker is alive and has not folded its last fast operations:
    // at most one batch of 256 acquisitions is missing, and the checked-out
    // figure is off by at most what its cache holds (the release of the
    // buffer its last slow-path acquisition took may not be counted yet).
    let s = pool.stats();
    assert!(
        (1000 - 256..=1000).contains(&s.acquires),
        "acquires {}",
        s.acquires
    );
    assert_eq!(s.hits + s.misses, s.acquires);
    assert!(s.checked_out_bytes <= pool.config().thread_cache_bytes as u64);
    finish.send(()).unwrap();
    worker.join().unwrap();
    // Its cache was dropped at exit, which folds the rest: exact.
    let s = pool.stats();
    assert_eq!((s.acquires, s.misses, s.hits), (1000, 1, 999));
    assert_eq!(s.checked_out_buffers, 0);
    assert_eq!(s.retained_buffers, 1);
}

#[test]
fn own_fast_path_counts_are_exact_at_once() {
    let pool = pool();
    let held: Vec<_> = (0..5).map(|_| pool.acquire(4096)).collect();
    drop(held);
    for _ in 0..300 {
        drop(pool.acquire(4096));
    }
    let kept = pool.acquire(4096);
    let s = pool.stats();
    assert_eq!((s.acquires, s.misses, s.hits), (306, 5, 301));
    assert_eq!(s.checked_out_buffers, 1);
    assert_eq!(s.retained_buffers, 4);
    drop(kept);
    let s = pool.stats();
    assert_eq!(s.checked_out_buffers, 0);
    assert_eq!(s.retained_buffers, 5);
}

#[test]
fn per_class_high_water_marks_and_allocation_rate() {
    let pool = Pool::builder().detect_cgroup(false).build().unwrap();
    let class = |s: &sluice_pool::PoolStats, size: usize| {
        s.classes.iter().find(|c| c.size == size).cloned().unwrap()
    };
    let _ = pool.stats();
    let bufs: Vec<_> = (0..5).map(|_| pool.acquire(4096)).collect();
    let c = class(&pool.stats(), 4096);
    assert_eq!(c.checked_out_high_water_bytes, 5 * 4096);
    assert_eq!(c.retained_high_water_bytes, 0, "nothing idle yet");
    assert!(c.alloc_rate_per_sec > 0.0, "{c:?}");
    drop(bufs);
    let s = pool.stats();
    let c = class(&s, 4096);
    assert_eq!(c.checked_out_bytes, 0);
    assert_eq!(c.checked_out_high_water_bytes, 5 * 4096, "a peak stays");
    assert!(c.retained_high_water_bytes >= 5 * 4096, "{c:?}");
    assert!(c.retained_high_water_bytes <= s.retained_high_water_bytes);
    assert_eq!(
        c.alloc_rate_per_sec, 0.0,
        "no allocation since the last stats()"
    );
    let other = class(&s, 8192);
    assert_eq!(other.checked_out_high_water_bytes, 0);
    assert_eq!(other.retained_high_water_bytes, 0);
}

#[test]
fn a_retained_cap_below_the_thread_cache_size_lowers_the_cache() {
    for cap in [0, 4096, 512 << 10] {
        let pool = Pool::builder()
            .max_retained_bytes(cap)
            .detect_cgroup(false)
            .build()
            .unwrap_or_else(|e| panic!("cap {cap}: {e}"));
        assert_eq!(pool.config().thread_cache_bytes, cap);
        let bufs: Vec<_> = (0..300).map(|_| pool.acquire(4096)).collect();
        drop(bufs);
        let s = pool.stats();
        assert!(s.retained_budget_bytes <= cap as u64, "{s:?}");
        assert!(s.retained_bytes <= cap as u64, "{s:?}");
    }
    let pool = Pool::builder()
        .thread_cache_bytes(64 << 10)
        .build()
        .unwrap();
    assert_eq!(
        pool.config().thread_cache_bytes,
        64 << 10,
        "a smaller value is kept"
    );
}

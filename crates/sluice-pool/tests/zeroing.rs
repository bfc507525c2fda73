//! Zero-on-release covers every path on which written bytes leave the
//! pool's care: buffers freed instead of kept (unpooled, grown past the
//! largest class, released to a closed pool, turned away by a full cap) and
//! the old block when a buffer grows.
//!
//! A global allocator watches every block freed (or moved by `realloc`) for
//! a marker the test writes at the start of its buffers. Its own binary, so
//! the allocator sees only this test.
#![cfg(not(loom))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use sluice_pool::{MAX_CLASS_SIZE, Pool, PoolConfig};

const SECRET: [u8; 16] = *b"\x5aSECRET-TOKEN-\xa5\x5a";

/// Blocks that still started with `SECRET` when given back to the allocator.
static LEAKED: AtomicUsize = AtomicUsize::new(0);

struct Watch;

fn starts_with_secret(ptr: *const u8, size: usize) -> bool {
    // SAFETY: `ptr` is a live block of `size` bytes handed to the
    // allocator; the bytes read were written by its user or are at least
    // allocated (reading uninitialised bytes as `u8` through a raw copy is
    // what allocators themselves do).
    size >= SECRET.len() && unsafe { std::ptr::read_volatile(ptr.cast::<[u8; 16]>()) } == SECRET
}

// SAFETY: every method forwards to `System` with the caller's arguments;
// the only addition reads the first bytes of a block still allocated.
unsafe impl GlobalAlloc for Watch {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if starts_with_secret(ptr, layout.size()) {
            LEAKED.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: forwarded.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let secret = starts_with_secret(ptr, layout.size());
        // SAFETY: forwarded.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if secret && new != ptr {
            // The old block went back to the allocator with the bytes in it.
            LEAKED.fetch_add(1, Ordering::SeqCst);
        }
        new
    }
}

#[global_allocator]
static GLOBAL: Watch = Watch;

fn leaked_by(what: &str, f: impl FnOnce()) -> usize {
    let before = LEAKED.load(Ordering::SeqCst);
    f();
    let n = LEAKED.load(Ordering::SeqCst) - before;
    eprintln!("{what}: {n} block(s) freed with written bytes in them");
    n
}

fn pool(zero: bool) -> Pool {
    Pool::new(PoolConfig {
        zero_on_release: zero,
        detect_cgroup: false,
        ..PoolConfig::default()
    })
    .unwrap()
}

// One test: the counter is global, so the cases must not run in parallel.
#[test]
fn written_bytes_never_reach_the_allocator_when_zeroing() {
    // The watch works: a plain vector is freed with the marker in it.
    let seen = leaked_by("plain Vec", || {
        let mut v = Vec::with_capacity(1024);
        v.extend_from_slice(&SECRET);
        drop(std::hint::black_box(v));
    });
    assert_eq!(seen, 1, "the allocator watch must see a plain free");

    let p = pool(true);
    let mut failures = Vec::new();
    let mut check = |what: &str, f: &dyn Fn()| {
        if leaked_by(what, f) != 0 {
            failures.push(what.to_string());
        }
    };

    check("unpooled buffer", &|| {
        let mut b = p.acquire(MAX_CLASS_SIZE + 1);
        b.extend_from_slice(&SECRET);
        drop(b);
    });
    check("old block of a growth", &|| {
        let mut b = p.acquire(1024);
        b.extend_from_slice(&SECRET);
        b.extend_from_slice(&[1; 8192]);
        // Kept, not freed: only the old block may have gone.
        std::mem::forget(std::hint::black_box(b));
    });
    check("buffer grown past the largest class", &|| {
        let mut b = p.acquire(MAX_CLASS_SIZE);
        b.extend_from_slice(&SECRET);
        b.resize(MAX_CLASS_SIZE + 1, 1);
        drop(b);
    });
    check("buffer released to a closed pool", &|| {
        let closing = pool(true);
        let mut b = closing.acquire(4096);
        b.extend_from_slice(&SECRET);
        drop(closing);
        drop(b);
    });
    check("buffer turned away by a full cap", &|| {
        let tight = Pool::new(PoolConfig {
            max_retained_bytes: 4096,
            max_class_retained_bytes: 4096,
            thread_cache_bytes: 0,
            detect_cgroup: false,
            ..PoolConfig::default()
        })
        .unwrap();
        let mut a = tight.acquire(4096);
        let mut b = tight.acquire(4096);
        a.extend_from_slice(&SECRET);
        b.extend_from_slice(&SECRET);
        drop(a); // kept (zeroed)
        drop(b); // the cap is full: freed
        drop(tight);
    });
    assert!(
        failures.is_empty(),
        "written bytes freed unzeroed: {failures:?}"
    );

    // Switched off, nothing is cleared: the watch sees the freed buffer.
    let off = pool(false);
    let seen = leaked_by("unpooled, zeroing off", || {
        let mut b = off.acquire(MAX_CLASS_SIZE + 1);
        b.extend_from_slice(&SECRET);
        drop(b);
    });
    assert_eq!(seen, 1);
}

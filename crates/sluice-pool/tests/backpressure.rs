//! `acquire_async`: waiting under the checked-out cap, wake-ups, fairness
//! and cancellation.
#![cfg(all(feature = "tokio", not(loom)))]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use sluice_pool::Pool;

fn capped(cap: usize) -> Pool {
    Pool::builder()
        .max_checked_out_bytes(Some(cap))
        .detect_cgroup(false)
        .build()
        .unwrap()
}

/// Polls once with a no-op waker.
fn poll_once<F: Future>(f: std::pin::Pin<&mut F>) -> Poll<F::Output> {
    f.poll(&mut Context::from_waker(Waker::noop()))
}

#[tokio::test]
async fn without_cap_it_never_waits() {
    let pool = Pool::new(Default::default()).unwrap();
    let a = pool.acquire_async(1 << 20).await;
    let b = pool.acquire_async(1 << 20).await;
    assert_eq!(pool.stats().checked_out_buffers, 2);
    drop((a, b));
}

#[tokio::test]
async fn release_wakes_a_waiter() {
    let pool = capped(8192);
    let a = pool.acquire_async(4096).await;
    let b = pool.acquire_async(4096).await;
    let p = pool.clone();
    let waiter = tokio::spawn(async move { p.acquire_async(4096).await.capacity() });
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
    assert!(!waiter.is_finished(), "must wait while the cap is full");
    assert_eq!(pool.stats().waiters, 1);
    drop(a);
    assert_eq!(waiter.await.unwrap(), 4096);
    assert_eq!(pool.stats().waiters, 0);
    drop(b);
    assert_eq!(pool.stats().checked_out_bytes, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_tasks_share_a_small_cap() {
    let pool = capped(16 * 1024);
    let tasks: Vec<_> = (0..32)
        .map(|i| {
            let p = pool.clone();
            tokio::spawn(async move {
                let mut b = p.acquire_async(4096).await;
                b.extend_from_slice(&[i as u8; 100]);
                tokio::task::yield_now().await;
                // The cap's own count, exact: `checked_out_bytes` sums the
                // threads' counters one by one and may, for an instant,
                // see a checkout on one thread before the release on another
                // that made room for it.
                assert!(p.stats().checked_out_high_water_bytes <= 16 * 1024);
                drop(b);
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let s = pool.stats();
    assert_eq!(s.checked_out_bytes, 0);
    assert!(s.checked_out_high_water_bytes <= 16 * 1024);
    assert_eq!(s.cap_overruns, 0);
}

#[test]
fn waiters_are_served_in_order() {
    let pool = capped(8192);
    let a = pool.acquire(4096);
    let b = pool.acquire(4096);
    let mut big = pin!(pool.acquire_async(8192)); // first in line
    let mut small = pin!(pool.acquire_async(4096)); // second
    assert!(poll_once(big.as_mut()).is_pending());
    assert!(poll_once(small.as_mut()).is_pending());
    drop(a); // 4 KiB free: enough for `small`, but `big` is first
    assert!(poll_once(small.as_mut()).is_pending(), "no overtaking");
    assert!(poll_once(big.as_mut()).is_pending());
    drop(b);
    let Poll::Ready(big_buf) = poll_once(big.as_mut()) else {
        panic!("the first waiter gets the space");
    };
    assert!(poll_once(small.as_mut()).is_pending());
    drop(big_buf);
    assert!(poll_once(small.as_mut()).is_ready());
}

#[test]
fn cancelled_waiter_leaves_nothing_behind() {
    let pool = capped(4096);
    let held = pool.acquire(4096);
    {
        let mut w = pin!(pool.acquire_async(4096));
        assert!(poll_once(w.as_mut()).is_pending());
        assert_eq!(pool.stats().waiters, 1);
    } // dropped while waiting
    assert_eq!(pool.stats().waiters, 0);
    drop(held);
    assert_eq!(pool.stats().checked_out_bytes, 0);
    let mut again = pin!(pool.acquire_async(4096));
    assert!(poll_once(again.as_mut()).is_ready());
}

#[test]
fn larger_than_cap_is_admitted_alone() {
    let pool = capped(4096);
    let small = pool.acquire(1024);
    let mut huge = pin!(pool.acquire_async(1 << 20));
    assert!(poll_once(huge.as_mut()).is_pending());
    drop(small);
    let Poll::Ready(buf) = poll_once(huge.as_mut()) else {
        panic!("admitted once nothing else is out");
    };
    assert!(buf.capacity() >= 1 << 20);
}

#[tokio::test]
async fn a_grown_buffer_holds_its_growth_against_the_cap() {
    let pool = capped(64 * 1024);
    let mut big = pool.acquire_async(1024).await;
    big.extend_from_slice(&[7; 40_000]); // grows to about 40 KiB
    // 32 KiB would fit next to the 1 KiB acquisition, not next to its growth.
    let mut waiter = pin!(pool.acquire_async(32 * 1024));
    assert!(poll_once(waiter.as_mut()).is_pending());
    assert_eq!(pool.stats().waiters, 1);
    drop(big);
    let Poll::Ready(b) = poll_once(waiter.as_mut()) else {
        panic!("the growth was not refunded on release");
    };
    assert!(b.capacity() >= 32 * 1024);
}

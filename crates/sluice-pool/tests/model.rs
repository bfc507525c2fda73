//! Model-based test: random acquire / write / release / freeze / trim
//! sequences on one thread, checked against a simple model after every step.
#![cfg(not(loom))]

use bytes::Bytes;
use proptest::prelude::*;
use sluice_pool::{Pool, PoolConfig, PooledBuf, size_class};

const SIZES: [usize; 8] = [1, 1000, 1500, 4096, 33_000, 70_000, 300_000, (16 << 20) + 1];

#[derive(Debug, Clone)]
enum Op {
    Acquire(usize),
    TryAcquire(usize),
    Write(usize, usize),
    Release(usize),
    Freeze(usize),
    DropFrozen(usize),
    Trim,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..SIZES.len()).prop_map(Op::Acquire),
        2 => (0..SIZES.len()).prop_map(Op::TryAcquire),
        3 => (any::<usize>(), 0..6000usize).prop_map(|(i, n)| Op::Write(i, n)),
        3 => any::<usize>().prop_map(Op::Release),
        1 => any::<usize>().prop_map(Op::Freeze),
        1 => any::<usize>().prop_map(Op::DropFrozen),
        1 => Just(Op::Trim),
    ]
}

fn config() -> impl Strategy<Value = PoolConfig> {
    (
        prop::sample::select(vec![8 << 10, 64 << 10, 1 << 20]),
        prop::sample::select(vec![4 << 10, 32 << 10, 1 << 20]),
        prop::sample::select(vec![0usize, 4 << 10, 8 << 10]),
        prop::sample::select(vec![None, Some(16 << 10), Some(128 << 10)]),
        any::<bool>(),
        1..4usize,
    )
        .prop_map(|(total, class, tc, cap, zero, bufs)| PoolConfig {
            max_retained_bytes: total,
            max_class_retained_bytes: class,
            thread_cache_bytes: tc.min(total),
            thread_cache_buffers: bufs,
            max_checked_out_bytes: cap,
            zero_on_release: zero,
            detect_cgroup: false,
            max_idle: std::time::Duration::ZERO,
            ..PoolConfig::default()
        })
}

/// What the pool counts a buffer of `size` as.
fn counted(size: usize) -> usize {
    size_class(size).map_or(size, |(_, s)| s)
}

struct Held {
    buf: PooledBuf,
    model: Vec<u8>,
    /// What the statistics count it as: its class size, or for an unpooled
    /// buffer its size plus any growth.
    counted: usize,
    /// What the checked-out cap is charged for it (before the cap's own
    /// limit): its class size plus any growth.
    gated: usize,
    unpooled: bool,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn pool_matches_model(cfg in config(), ops in prop::collection::vec(op(), 1..40)) {
        let pool = Pool::new(cfg.clone()).unwrap();
        let mut held: Vec<Held> = Vec::new();
        let mut frozen: Vec<(Bytes, Vec<u8>, usize, usize)> = Vec::new();
        let mut acquires = 0u64;
        let mut unpooled = 0u64;
        let mut out_bytes = 0usize;
        let mut overrun = false;

        for op in ops {
            match op {
                Op::Acquire(i) => {
                    let size = SIZES[i];
                    let buf = pool.acquire(size);
                    prop_assert!(buf.is_empty() && buf.capacity() >= size);
                    acquires += 1;
                    unpooled += u64::from(size_class(size).is_none());
                    out_bytes += counted(size);
                    held.push(Held { buf, model: Vec::new(), counted: counted(size), gated: counted(size), unpooled: size_class(size).is_none() });
                    if let Some(cap) = cfg.max_checked_out_bytes {
                        // the gate charges each buffer at most the whole cap
                        let charged: usize = held.iter().map(|h| h.gated.min(cap)).sum::<usize>()
                            + frozen.iter().map(|f| f.3.min(cap)).sum::<usize>();
                        overrun |= charged > cap;
                    }
                }
                Op::TryAcquire(i) => {
                    let size = SIZES[i];
                    let fits = cfg.max_checked_out_bytes.is_none_or(|cap| {
                        // the gate charges at most the whole cap
                        let charged: usize = held.iter().map(|h| h.gated.min(cap)).sum::<usize>()
                            + frozen.iter().map(|f| f.3.min(cap)).sum::<usize>();
                        charged + counted(size).min(cap) <= cap
                    });
                    match pool.try_acquire(size) {
                        Ok(buf) => {
                            prop_assert!(fits, "admitted past the cap");
                            acquires += 1;
                            unpooled += u64::from(size_class(size).is_none());
                            out_bytes += counted(size);
                            held.push(Held { buf, model: Vec::new(), counted: counted(size), gated: counted(size), unpooled: size_class(size).is_none() });
                        }
                        Err(e) => prop_assert!(!fits, "refused though it fits: {e}"),
                    }
                }
                Op::Write(i, n) => {
                    if !held.is_empty() {
                        let n_held = held.len();
                        let h = &mut held[i % n_held];
                        let byte = (n % 251) as u8 | 1;
                        let before = h.buf.capacity();
                        h.buf.extend_from_slice(&vec![byte; n]);
                        // growth is charged like an acquisition
                        let grown = h.buf.capacity() - before;
                        h.gated += grown;
                        if h.unpooled {
                            h.counted += grown;
                            out_bytes += grown;
                        }
                        if let Some(cap) = cfg.max_checked_out_bytes {
                            let charged: usize = held.iter().map(|h| h.gated.min(cap)).sum::<usize>()
                                + frozen.iter().map(|f| f.3.min(cap)).sum::<usize>();
                            overrun |= charged > cap;
                        }
                        let h = &mut held[i % n_held];
                        h.model.extend(std::iter::repeat_n(byte, n));
                        if n.is_multiple_of(3) {
                            h.buf.truncate(n / 2);
                            h.model.truncate(n / 2);
                        }
                    }
                }
                Op::Release(i) => {
                    if !held.is_empty() {
                        let h = held.swap_remove(i % held.len());
                        prop_assert_eq!(&h.buf[..], &h.model[..]);
                        out_bytes -= h.counted;
                    }
                }
                Op::Freeze(i) => {
                    if !held.is_empty() {
                        let h = held.swap_remove(i % held.len());
                        let bytes = h.buf.freeze();
                        prop_assert_eq!(&bytes[..], &h.model[..]);
                        frozen.push((bytes, h.model, h.counted, h.gated));
                    }
                }
                Op::DropFrozen(i) => {
                    if !frozen.is_empty() {
                        let (b, m, c, _) = frozen.swap_remove(i % frozen.len());
                        prop_assert_eq!(&b[..], &m[..]);
                        out_bytes -= c;
                    }
                }
                Op::Trim => {
                    pool.trim();
                }
            }

            let s = pool.stats();
            prop_assert_eq!(s.acquires, acquires);
            prop_assert_eq!(s.unpooled, unpooled);
            prop_assert_eq!(s.hits + s.misses + s.unpooled, s.acquires);
            prop_assert_eq!(s.checked_out_buffers as usize, held.len() + frozen.len());
            prop_assert_eq!(s.checked_out_bytes as usize, out_bytes);
            prop_assert!(s.retained_budget_bytes as usize <= cfg.max_retained_bytes);
            prop_assert!(s.retained_high_water_bytes as usize <= cfg.max_retained_bytes);
            prop_assert!(s.retained_bytes <= s.retained_budget_bytes);
            for c in &s.classes {
                prop_assert!(c.retained_bytes as usize <= cfg.max_class_retained_bytes);
                prop_assert_eq!(c.acquires, c.hits + c.misses);
            }
            prop_assert_eq!(s.cap_overruns > 0, overrun);
            for h in &held {
                prop_assert_eq!(&h.buf[..], &h.model[..]);
            }
        }
        drop(held);
        drop(frozen);
        let s = pool.stats();
        prop_assert_eq!(s.checked_out_buffers, 0);
        prop_assert_eq!(s.checked_out_bytes, 0);
        // everything idle goes with a trim at max_idle = 0
        pool.trim();
        let s = pool.stats();
        prop_assert_eq!(s.retained_buffers, 0);
        prop_assert_eq!(s.retained_budget_bytes, 0);
    }
}

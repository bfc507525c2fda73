//! Rough timing of the hot paths (not a benchmark: see bench/pool-bench).
use std::hint::black_box;
use std::time::Instant;

use sluice_pool::Pool;

fn a(pool: &Pool, size: usize, iters: u64) -> f64 {
    for _ in 0..1000 {
        drop(black_box(pool.acquire(size)));
    }
    let t = Instant::now();
    for _ in 0..iters {
        let b = pool.acquire(black_box(size));
        drop(black_box(b));
    }
    t.elapsed().as_nanos() as f64 / iters as f64
}

fn c(pool: &Pool, size: usize, iters: u64) -> (f64, f64) {
    let (tx, rx) = std::sync::mpsc::sync_channel::<sluice_pool::PooledBuf>(64);
    let t = Instant::now();
    let h = std::thread::spawn(move || {
        while let Ok(b) = rx.recv() {
            drop(b)
        }
    });
    for _ in 0..iters {
        tx.send(pool.acquire(size)).unwrap();
    }
    drop(tx);
    h.join().unwrap();
    let pooled = t.elapsed().as_nanos() as f64 / iters as f64;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Box<u64>>(64);
    let t = Instant::now();
    let h = std::thread::spawn(move || {
        while let Ok(b) = rx.recv() {
            black_box(b);
        }
    });
    for i in 0..iters {
        tx.send(Box::new(i)).unwrap();
    }
    drop(tx);
    h.join().unwrap();
    (pooled, t.elapsed().as_nanos() as f64 / iters as f64)
}

fn main() {
    if std::env::args().nth(3).as_deref() == Some("vec") {
        // The same loop with the system allocator, for comparison.
        let size: usize = std::env::args().nth(1).unwrap().parse().unwrap();
        let iters: u64 = std::env::args().nth(2).unwrap().parse().unwrap();
        let t = Instant::now();
        for _ in 0..iters {
            drop(black_box(Vec::<u8>::with_capacity(black_box(size))));
        }
        println!("Vec {:.1} ns", t.elapsed().as_nanos() as f64 / iters as f64);
        return;
    }
    if let Some(size) = std::env::args().nth(1) {
        let pool = Pool::builder().thread_cache_bytes(4 << 20).build().unwrap();
        let ns = a(
            &pool,
            size.parse().unwrap(),
            std::env::args()
                .nth(2)
                .map_or(10_000_000, |s| s.parse().unwrap()),
        );
        println!("A {ns:.1} ns");
        return;
    }
    let pool = Pool::builder().thread_cache_bytes(4 << 20).build().unwrap();
    let iters = 5_000_000;
    for size in [1024, 4096, 65536, 1 << 20] {
        let one = a(&pool, size, iters);
        let t = Instant::now();
        let hs: Vec<_> = (0..2)
            .map(|_| {
                let p = pool.clone();
                std::thread::spawn(move || a(&p, size, iters))
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        let two = t.elapsed().as_nanos() as f64 / iters as f64;
        let (cp, cb) = c(&pool, size, 1_000_000);
        println!(
            "size {size:>8}: A {one:6.1} ns  D speedup {:.2}x  C {cp:6.1} ns (bare channel {cb:5.1})",
            2.0 * one / two
        );
    }
    println!("{:?}", pool.stats().hit_rate);
}

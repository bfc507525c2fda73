//! The scenarios, generic over [`Contender`]. Each runs `iters` operations and
//! returns the elapsed wall time (the shape Criterion's `iter_custom` wants).
//!
//! - A [`acquire_release`]: acquire and release, nothing written.
//! - B [`acquire_write_release`]: acquire, write every byte, release.
//! - C [`cross_thread_release`]: acquire on one thread, release on another
//!   through a bounded channel; [`bare_channel`] is the channel alone.
//! - D [`two_threads_write`]: two threads doing B at once.
//! - E [`mixed`]: two threads, log-uniform sizes, every byte written, half the
//!   buffers released on the other thread, a few held at a time.

use std::hint::black_box;
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, TrySendError, bounded};

use crate::Contender;
use crate::rng::SplitMix64;

/// Capacity of the bounded channels in C and E. Small, as a hand-off queue
/// between a reader and a worker would be, so the buffers in flight stay few.
pub const CHANNEL_CAPACITY: usize = 16;

/// A: acquire `size` bytes and release them untouched, `iters` times.
#[inline(never)]
pub fn acquire_release<C: Contender>(c: &C, size: usize, iters: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        let mut b = c.acquire(black_box(size));
        black_box(c.peek(&mut b));
        drop(b);
    }
    start.elapsed()
}

/// B: acquire `size` bytes, write every one of them, release; `iters` times.
#[inline(never)]
pub fn acquire_write_release<C: Contender>(c: &C, size: usize, iters: u64) -> Duration {
    let start = Instant::now();
    write_loop(c, size, iters);
    start.elapsed()
}

#[inline(always)]
fn write_loop<C: Contender>(c: &C, size: usize, iters: u64) {
    for i in 0..iters {
        let mut b = c.acquire(black_box(size));
        c.fill(&mut b, size, (i as u8) | 1);
        black_box(c.peek(&mut b));
        drop(b);
    }
}

/// Acquire `size` bytes, write only the first `written`, release; `iters`
/// times. With zero-on-release this shows that only written bytes are cleared.
#[inline(never)]
pub fn partial_write<C: Contender>(c: &C, size: usize, written: usize, iters: u64) -> Duration {
    let start = Instant::now();
    for i in 0..iters {
        let mut b = c.acquire(black_box(size));
        c.fill(&mut b, written, (i as u8) | 1);
        black_box(c.peek(&mut b));
        drop(b);
    }
    start.elapsed()
}

/// C: one thread acquires `size`-byte buffers and sends them through a
/// bounded channel; another receives and releases them. Time per `iters`
/// hand-offs, until the receiver has released the last one.
#[inline(never)]
pub fn cross_thread_release<C: Contender>(c: &C, size: usize, iters: u64) -> Duration {
    let (tx, rx) = bounded::<C::Buf<'_>>(CHANNEL_CAPACITY);
    thread::scope(|s| {
        let consumer = s.spawn(move || {
            for b in rx {
                drop(b);
            }
        });
        let start = Instant::now();
        for _ in 0..iters {
            let mut b = c.acquire(black_box(size));
            black_box(c.peek(&mut b));
            if tx.send(b).is_err() {
                break;
            }
        }
        drop(tx);
        let _ = consumer.join();
        start.elapsed()
    })
}

/// The channel of C alone: the same hand-offs carrying a 32-byte value (about
/// the size of a buffer guard) and no buffer.
#[inline(never)]
pub fn bare_channel(iters: u64) -> Duration {
    let (tx, rx) = bounded::<[usize; 4]>(CHANNEL_CAPACITY);
    thread::scope(|s| {
        let consumer = s.spawn(move || {
            for v in rx {
                black_box(v);
            }
        });
        let start = Instant::now();
        for i in 0..iters {
            let v = black_box([i as usize; 4]);
            if tx.send(v).is_err() {
                break;
            }
        }
        drop(tx);
        let _ = consumer.join();
        start.elapsed()
    })
}

/// D: two threads each run B (`iters` operations) at the same time; returns
/// the wall time, so time per operation per thread is `elapsed / iters`.
#[inline(never)]
pub fn two_threads_write<C: Contender>(c: &C, size: usize, iters: u64) -> Duration {
    let barrier = Barrier::new(3);
    thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    write_loop(c, size, iters);
                })
            })
            .collect();
        // The clock starts before the barrier: started after it, a main
        // thread descheduled right there could miss the whole run.
        let start = Instant::now();
        barrier.wait();
        for w in workers {
            let _ = w.join();
        }
        start.elapsed()
    })
}

/// A plain memset of `buf` (the zeroing reference), `iters` times.
#[inline(never)]
pub fn memset(buf: &mut [u8], iters: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        black_box(&mut *buf).fill(0);
        black_box(buf.as_ptr());
    }
    start.elapsed()
}

/// The mixed workload E.
#[derive(Debug, Clone, Copy)]
pub struct Mixed {
    /// Operations (acquire, write, release) per thread.
    pub ops_per_thread: usize,
    /// Buffers each thread holds at once; an acquired buffer replaces a random
    /// held one, which is then released.
    pub held_per_thread: usize,
    /// Smallest request.
    pub min: usize,
    /// Largest request.
    pub max: usize,
    /// Seed of thread 0's generator (thread 1 uses `seed + 1`).
    pub seed: u64,
}

impl Mixed {
    /// The workload of the benchmark spec: 1 KiB to 4 MiB, four held per thread.
    pub fn standard(ops_per_thread: usize) -> Self {
        Self {
            ops_per_thread,
            held_per_thread: 4,
            min: 1 << 10,
            max: 4 << 20,
            seed: 0x5EED_0F51_00CE,
        }
    }

    /// Total operations of one run (both threads).
    pub fn total_ops(&self) -> usize {
        self.ops_per_thread * 2
    }
}

/// E: two threads; each acquires log-uniform sizes, writes every byte, keeps a
/// few buffers and releases the one it replaces: half of them itself, half by
/// handing them to the other thread. Returns the wall time of the whole run.
#[inline(never)]
pub fn mixed<C: Contender>(c: &C, m: &Mixed) -> Duration {
    let (to0, inbox0) = bounded::<C::Buf<'_>>(CHANNEL_CAPACITY);
    let (to1, inbox1) = bounded::<C::Buf<'_>>(CHANNEL_CAPACITY);
    let barrier = Barrier::new(3);
    thread::scope(|s| {
        let b = &barrier;
        let w0 = s.spawn(move || mixed_worker(c, m, m.seed, to1, inbox0, b));
        let w1 = s.spawn(move || mixed_worker(c, m, m.seed.wrapping_add(1), to0, inbox1, b));
        let start = Instant::now();
        barrier.wait();
        let _ = w0.join();
        let _ = w1.join();
        start.elapsed()
    })
}

fn mixed_worker<'a, C: Contender>(
    c: &'a C,
    m: &Mixed,
    seed: u64,
    to_other: Sender<C::Buf<'a>>,
    inbox: Receiver<C::Buf<'a>>,
    barrier: &Barrier,
) {
    let mut rng = SplitMix64::new(seed);
    let mut held: Vec<Option<C::Buf<'a>>> = (0..m.held_per_thread.max(1)).map(|_| None).collect();
    barrier.wait();
    for i in 0..m.ops_per_thread {
        let size = rng.log_uniform(m.min, m.max);
        let mut b = c.acquire(size);
        c.fill(&mut b, size, (i as u8) | 1);
        black_box(c.peek(&mut b));
        let slot = rng.below(held.len());
        if let Some(old) = held[slot].replace(b) {
            if rng.next_u64() & 1 == 0 {
                let mut item = old;
                // Never block on a full channel while our own inbox is full
                // too: drain it between attempts.
                loop {
                    match to_other.try_send(item) {
                        Ok(()) => break,
                        Err(TrySendError::Full(back)) => {
                            item = back;
                            drain(&inbox);
                            thread::yield_now();
                        }
                        Err(TrySendError::Disconnected(back)) => {
                            drop(back);
                            break;
                        }
                    }
                }
            } else {
                drop(old);
            }
        }
        drain(&inbox);
    }
    held.clear();
    drop(to_other);
    // Release what the other thread still sends until it is done.
    for b in inbox {
        drop(b);
    }
}

#[inline]
fn drain<T>(inbox: &Receiver<T>) {
    while let Ok(b) = inbox.try_recv() {
        drop(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contenders::{Kind, Sizing, Visit, dispatch};

    struct All;
    impl Visit for All {
        type Out = ();
        fn visit<C: Contender>(self, c: &C) {
            acquire_release(c, 4096, 10);
            acquire_write_release(c, 4096, 10);
            partial_write(c, 4096, 100, 10);
            cross_thread_release(c, 4096, 100);
            two_threads_write(c, 4096, 10);
        }
    }

    struct Small;
    impl Visit for Small {
        type Out = ();
        fn visit<C: Contender>(self, c: &C) {
            let m = Mixed {
                ops_per_thread: 200,
                held_per_thread: 3,
                min: 1024,
                max: 64 << 10,
                seed: 9,
            };
            mixed(c, &m);
        }
    }

    #[test]
    fn scenarios_run_for_every_contender() {
        for k in Kind::ALL {
            dispatch(k, Sizing::Fixed(4096), All).unwrap();
            dispatch(
                k,
                Sizing::Mixed {
                    min: 1024,
                    max: 64 << 10,
                },
                Small,
            )
            .unwrap();
        }
        bare_channel(100);
        memset(&mut [1u8; 64], 3);
    }
}

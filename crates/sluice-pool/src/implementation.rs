//! How buffers are recycled (documentation only).
//!
//! # Size classes
//! A request of `n` bytes is served by the smallest class of at least `n`
//! bytes. Classes run from 1 KiB to 16 MiB with four steps per doubling
//! (1024, 1280, 1536, 1792, 2048, 2560, ...), so at most 25% is wasted and a
//! 33 KB request reuses a 40 KiB buffer. The index is one lookup in a table
//! (by 256-byte steps up to 64 KiB, 16 KiB steps above). Requests above 16 MiB are allocated
//! and freed directly, and counted as `unpooled`.
//!
//! A buffer comes back in the class its *capacity* fits (the largest class
//! not above it), so every buffer in class `k` holds at least the class size.
//!
//! When a request's own class has nothing idle in this thread's cache, it
//! may take an idle buffer from the shared storage of its class or of the
//! three above it (one doubling), whichever was given a buffer most
//! recently: that one is most likely still in the CPU's caches, and with
//! four classes per doubling a single class is reused four times less
//! often than a power-of-two class would be. In the mixed-size benchmark
//! this halved the misses and brought the pool's CPU time per operation
//! level with the power-of-two pool crates. Taking the smallest buffer that
//! fits instead (from 1 MiB up) was tried: in that benchmark it kept about
//! 5 MiB less idle and turned away almost no released buffer at the cap,
//! but cost about 10% more CPU time, because more of the written bytes
//! landed in buffers idle for longer (cold in the shared cache); the pool
//! keeps to recency. Such a buffer is a hit for the
//! requested class and goes back under the class of its capacity; only a
//! buffer more than a doubling above its class counts as `regrown`.
//! A buffer that grew while checked out is filed under a larger class; one
//! that grew past 16 MiB is freed.
//!
//! # Where idle buffers live
//! 1. **Thread caches.** Each thread keeps, per pool, up to
//!    `thread_cache_buffers` idle buffers per class, within
//!    `thread_cache_bytes`. Acquire pops, release pushes: no lock and no
//!    atomic read-modify-write on a shared cache line.
//! 2. **Shared storage.** One `Mutex<Vec<_>>` per class. A thread cache that
//!    runs empty moves in half its capacity of buffers under one lock; one
//!    that overflows moves its older half out under one lock. So a buffer
//!    released on another thread than the one that acquired it costs a
//!    fraction of a lock, amortised over the batch.
//!
//! # What the fast paths touch
//! Acquire and release on one thread touch only that thread's cache: a
//! pointer to it read from a thread-local (no `RefCell` borrow: while the
//! slow path holds the cache the pointer leads to an immutable stand-in
//! whose keys match no pool, so the fast paths need no null test either),
//! a pop or push on the class's slot array (its length, quota and a count
//! of hits share one cache line per class), and (release only) one read of
//! the pool's trim epoch. The statistics are folded in later (see
//! "Statistics"). Thread caches hold only
//! buffers whose capacity is exactly their class size, so they count
//! buffers, not bytes; a guard records whether its capacity may differ
//! (`OFFSIZE`: unpooled, taken from a larger class, grown, `into_vec`), so
//! an untouched release need not compare capacities. The thread-locals
//! have no drop glue (a third, empty thread-local flushes the caches when
//! the thread exits, registered when the first cache is made), so reaching
//! one is one offset from the thread pointer. The fast paths call no
//! function: anything that would (a stash refill or spill, zeroing written
//! bytes) goes to an out-of-line path, so they need no stack frame.
//!
//! A checked-out buffer refers to its pool through a raw strong count of
//! the pool's `Arc`; each thread keeps a stash of such counts and refills
//! or spills it 256 at a time, so buffers do not bump a shared reference
//! count either. When the slow path leaves, it *grants* the thread a
//! number of fast checkouts: as many as the stash holds, and one fewer
//! than the checkouts left before the next leak-tracking sample. Each fast
//! acquisition decrements that one counter (no separate stash and sampling
//! checks); the slow path folds what is left back in when it enters, so
//! the stash and the sampling stay exact and the checkout to track always
//! takes the slow path. The plain `acquire` fast path compares the cache's
//! pool against a key that is unset when the pool has a checked-out cap,
//! so that one compare also sends capped pools to the slow path (which
//! charges the cap).
//!
//! Details of the code the compiler emits mattered as much as the work:
//! the guard's leak slot, class and flags are one 64-bit word written with
//! one store (three narrower stores, read back as one word when the caller
//! moved the guard, made every acquire + release wait for the stores to
//! reach the cache: about 10 ns of the 17); the fast and slow acquisitions
//! return the guard's fields and the guard is built at one place
//! (otherwise callers copied it from whichever path's slot it was built
//! in); the release's slow path takes the guard's fields by value, not its
//! address (an address passed to a function made the caller keep all seven
//! words of every guard in memory); the release tests the flags and both
//! lengths with one OR (the flags are the tag's top bits); and a class's
//! cache fields fill one 64-byte line, indexed with a shift. Once the
//! loop runs at the machine's instruction throughput, time follows the
//! instruction count: about 75 instructions per acquire + release of a 1
//! KiB buffer in the benchmark's loop, loop included (callgrind on
//! `bench/pool-bench`'s `count` binary; 95 before the lazy statistics and
//! the changes above).
//! Anything unusual (empty class, full class, no credit, a trim or close
//! pending, leak tracking or a checked-out cap configured) takes the slow
//! path, which is out of line.
//!
//! # The caps, under any interleaving
//! Idle bytes are covered by a *retention budget*: a total counter and one
//! counter per class. A buffer may only become idle after its bytes are
//! reserved, by a compare-and-swap that fails if the counter would pass its
//! cap, and the reservation is given back only after the buffer stopped
//! being idle. Thread caches reserve credit in batches and keep the credit
//! of buffers they hand out, so the steady state needs no atomics; their
//! credit counts against the caps, so `counter >= real idle bytes` always
//! holds, and the counter never passes the cap.
//!
//! # Zeroing
//! With `zero_on_release` (the default) a released buffer that is kept is
//! zeroed up to its high-water mark: the largest length it ever had. A 1 MiB
//! buffer that held 100 bytes costs a 100-byte `memset`; one never written
//! costs nothing. The same clear runs on every path where
//! written bytes leave the pool's care: a buffer freed instead of kept
//! (unpooled, grown past the largest class, released to a closed pool,
//! turned away by a full cap) and the old block when a buffer grows, which
//! the guard does itself (copy, clear, free) instead of letting `Vec`
//! reallocate.
//!
//! # Growth
//! A buffer written past its capacity moves to a block at least twice as
//! large, rounded up to a class size. The growth is charged against
//! `max_checked_out_bytes` like an acquisition (never refused, since a write
//! is not truncated: past the cap it counts an overrun, as `acquire` does)
//! and refunded with the buffer.
//!
//! # Trimming
//! Every idle buffer carries the trim epoch at which it went idle (reading
//! the clock on every release would cost more than the release). Each
//! `trim()` bumps the epoch and logs its time; a buffer stamped `e` has
//! been idle at least since trim `e + 1`, so a trim releases the buffers
//! stamped below the newest logged trim that is `max_idle` old (a quarter
//! of it under elevated pressure; under critical pressure, everything
//! idle). Thread caches check the epoch on their next release or
//! slow-path operation (acquisitions served from the cache in between only
//! take idle buffers out of it), trim themselves by the same cutoff and
//! give back unused credit. After releasing 1 MiB or more it
//! calls glibc's `malloc_trim(0)`, so freed memory reaches the OS.
//!
//! # Checked-out cap
//! With `max_checked_out_bytes`, every acquisition charges its class size to
//! one atomic counter and every release refunds it. `try_acquire` fails
//! rather than pass the cap, `acquire_async` waits in a FIFO queue and is
//! woken by releases, and plain `acquire` never blocks: it passes the cap if
//! it must and counts an overrun.
//!
//! # Statistics
//! Each thread writes its own counters (a plain load and store: it is the
//! only writer), and `stats()` sums them. A thread's counters are folded into
//! the pool's when it exits.
//!
//! The plain fast paths (an uncapped `acquire` served by the thread cache,
//! the release of an untouched buffer into it) do not write them: an
//! acquisition adds one to a count kept in the cache's class itself (the
//! cache line the pop already writes), a release nothing. When the thread
//! next enters its slow path, parks spare pool counts, releases a written or
//! charged buffer (that class), calls `stats()` or exits, it adds those hits
//! to its counters and derives the releases from the change in the class's
//! length since the last fold (each fast hit took one buffer out, each fast
//! release put one back; slow-path changes count themselves and reset the
//! base), and publishes the cached-buffers gauge. The shared counters and
//! the gauge stores cost about 1 ns of the 5 an acquire + release took.
//! What another thread's `stats()` may miss is bounded: at most one grant
//! of fast checkouts (256) and 2 x 256 + 1 releases per thread (the slow
//! path or `park_refs` runs by then), and in checked-out or retained bytes
//! at most what the thread's cache can hold (`thread_cache_bytes`: fast
//! operations only move buffers in and out of it). A thread that stops
//! using the pool keeps that much unreported until it uses the pool again
//! or exits. `stats()` folds the calling thread's own cache first, so a
//! thread always sees its own operations.

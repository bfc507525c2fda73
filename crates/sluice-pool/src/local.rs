//! Per-thread caches.
//!
//! Each thread keeps, per pool it uses, a small cache of idle buffers per
//! class and a set of counters it alone writes. The cache holds a *byte
//! reservation* from the pool's [`Budget`](crate::budget::Budget): for each
//! class, `reserved = cached + credit`. Taking a buffer turns its bytes into
//! credit; putting one back spends credit; only when credit runs out does the
//! thread reserve more (a batch, with one compare-and-swap). So the steady
//! state of acquire + release on one thread touches no shared cache line.
//!
//! Bounds: a thread holds at most `thread_cache_bytes` of reservation and
//! `thread_cache_buffers` buffers per class. Overflow moves the older half
//! of a class to the shared storage (the reservation moves with it). A trim
//! bumps the pool's trim epoch; each thread notices on its next release or
//! slow-path operation (a fast acquisition only takes an idle buffer out),
//! releases its buffers idle longer than the trim's age and gives its unused
//! credit back. A thread that never touches the pool again keeps at most
//! `thread_cache_bytes` until it exits, when its cache is flushed.

use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;
use std::ptr::NonNull;
use std::sync::Arc;

use crate::buf::{OFFSIZE, tag_class, tag_flags};
use crate::class::{CLASS_SLOTS, NUM_CLASSES, class_size};
use crate::loom::{Ordering, lock};
use crate::pool::{Idle, Inner, PoolRef, arc_ptr, zero_written};
use crate::stats::{Counters, bump, set};

// Neither thread-local has drop glue, so reaching one is a plain
// thread-pointer offset with no "destructor registered yet?" check and no
// call on the fast paths. The entries are flushed at thread exit by `EXIT`,
// which `with` registers before it creates the first entry.
thread_local! {
    static LOCAL: RefCell<ManuallyDrop<Vec<Entry>>> =
        const { RefCell::new(ManuallyDrop::new(Vec::new())) };
    /// The entry the fast paths use (`LOCAL`'s first), or null. Null while
    /// [`with`] holds `LOCAL`'s borrow, so a fast path never aliases the
    /// `&mut Entry` the slow path works on; set again when `with` returns.
    /// This replaces a `RefCell` borrow (a load, compare and two stores) on
    /// each fast path with one load and a null test.
    static ACTIVE: Cell<*mut Hot> = const { Cell::new((&raw const INERT).cast_mut()) };
    static EXIT: ExitFlush = const { ExitFlush };
}

/// Flushes this thread's caches when the thread exits.
struct ExitFlush;

impl Drop for ExitFlush {
    fn drop(&mut self) {
        ACTIVE.set(inert());
        let entries = LOCAL.with(|cell| match cell.try_borrow_mut() {
            Ok(mut entries) => std::mem::take(&mut **entries),
            Err(_) => Vec::new(),
        });
        // Dropped outside the borrow: each `Entry` flushes itself.
        drop(entries);
    }
}

/// How many buffers of credit a thread reserves at once (bounded by a
/// quarter of its cache).
const RESERVE_BATCH: usize = 8;

/// Strong counts of the pool's `Arc` a thread takes or parks at once. A
/// thread acquiring and releasing on its own goes through the slow path
/// about once per batch (see [`Entry::fast_left`]), so it is large.
const REF_BATCH: usize = 256;

/// One class of a thread cache. Only buffers whose capacity is exactly the
/// class size live here, so bytes are `count * class_size` and the fast
/// paths count buffers, not bytes.
///
/// 64 bytes (aligned, one cache line): the fast paths index the array with a
/// shift instead of a multiply.
#[repr(align(64))]
struct LocalClass {
    /// Idle buffers, newest last. Its capacity is `max_bufs` once the class
    /// holds any quota, so a push within quota never reallocates.
    bufs: Slots,
    /// Buffers' worth of budget this thread holds for the class: cached
    /// buffers plus credit. `bufs.len() <= quota <= max_bufs`.
    quota: usize,
    /// Plain fast-path hits not yet added to the shared counters (see
    /// [`Entry::fold_class`]).
    hits_pending: u64,
    /// `bufs.len()` when the counters were last brought up to date: since
    /// then only fast paths changed it, each fast hit by -1 and each fast
    /// release by +1, so the releases follow from it and `hits_pending`.
    len_base: usize,
}

/// A place for an idle buffer in a thread cache: its allocation and when
/// it went idle (see [`Idle`]). Length 0 and capacity the class size are
/// implied, so taking and keeping one moves two words, not four.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Slot {
    ptr: *mut u8,
    since: u64,
}

impl Slot {
    const EMPTY: Slot = Slot {
        ptr: std::ptr::null_mut(),
        since: 0,
    };
}

/// The idle buffers of one thread-cache class, all of capacity `size`: the
/// first `len` slots own them (dropping the `Slots` frees them). The slots
/// past `len` are initialised too but own nothing: they keep the last
/// buffer that was there, so a release that puts back the buffer just
/// taken finds it in place and writes nothing. That write would be read
/// back by the next acquisition, chaining each acquire + release to the
/// previous one through the store buffer.
struct Slots {
    v: Box<[Slot]>,
    len: usize,
    size: usize,
}

impl Slots {
    fn new(size: usize) -> Self {
        Self {
            v: Box::new([]),
            len: 0,
            size,
        }
    }

    #[inline(always)]
    fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True if a push would not reallocate.
    #[inline(always)]
    fn has_room(&self) -> bool {
        self.len < self.v.len()
    }

    /// Makes room for at least `additional` more buffers.
    fn reserve_exact(&mut self, additional: usize) {
        let want = self.len + additional;
        if want > self.v.len() {
            let mut v = vec![Slot::EMPTY; want].into_boxed_slice();
            v[..self.len].copy_from_slice(&self.v[..self.len]);
            self.v = v;
        }
    }

    fn capacity(&self) -> usize {
        self.v.len()
    }

    /// Keeps `buf`, idle since trim epoch `since`. Hands it back if its
    /// capacity is not the class size or there is no spare room (this
    /// never reallocates, so it calls nothing).
    #[inline(always)]
    fn push(&mut self, buf: Vec<u8>, since: u64) -> Result<(), Vec<u8>> {
        if buf.capacity() != self.size || !self.has_room() {
            return Err(buf);
        }
        // SAFETY: just checked.
        unsafe { self.push_unchecked(buf, since) };
        Ok(())
    }

    /// Keeps `buf`, idle since trim epoch `since`, with no check.
    ///
    /// # Safety
    /// `buf.capacity()` must be the class size (`rebuild` relies on it),
    /// and there must be spare room (`len() < capacity()`).
    #[inline(always)]
    unsafe fn push_unchecked(&mut self, buf: Vec<u8>, since: u64) {
        debug_assert_eq!(buf.capacity(), self.size);
        debug_assert!(self.has_room());
        let mut buf = ManuallyDrop::new(buf);
        let new = Slot {
            ptr: buf.as_mut_ptr(),
            since,
        };
        // SAFETY: the caller guarantees room: `len < v.len()`.
        let slot = unsafe { self.v.get_unchecked_mut(self.len) };
        // Always store, even when the slot already holds the same address:
        // an equal address may belong to a buffer freed since and a new one
        // the allocator put in its place, and only the new pointer carries
        // the new allocation's provenance.
        *slot = new;
        // The slot now owns the buffer of the forgotten `Vec`.
        self.len += 1;
    }

    /// Rebuilds the buffer an owning slot holds.
    ///
    /// # Safety
    /// `s` must be an owning slot given up by the caller: one of the first
    /// `len` before `len` was lowered past it, and never rebuilt since.
    #[inline(always)]
    unsafe fn rebuild(&self, s: Slot) -> Vec<u8> {
        // SAFETY: `push_unchecked` stored the pointer of a `Vec<u8>` of
        // capacity `self.size` from the global allocator and forgot the
        // `Vec`; the slot was its only owner and the caller gives it up
        // here. Length 0 exposes no byte.
        unsafe { Vec::from_raw_parts(s.ptr, 0, self.size) }
    }

    /// The newest buffer.
    #[inline(always)]
    fn pop(&mut self) -> Option<Vec<u8>> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: `len <= v.len()` always, so the old `len - 1` is in
        // bounds. That slot owned its buffer and no longer does.
        unsafe {
            let s = *self.v.get_unchecked(self.len);
            Some(self.rebuild(s))
        }
    }

    /// The `n` oldest buffers (`n <= len`), as the shared storage keeps
    /// them.
    fn drain_oldest(&mut self, n: usize) -> Vec<Idle> {
        let n = n.min(self.len);
        let out = self.v[..n]
            .iter()
            .map(|&s| Idle {
                since: s.since,
                // SAFETY: the first `n` slots own their buffers; they are
                // shifted out below.
                buf: unsafe { self.rebuild(s) },
            })
            .collect();
        self.v.copy_within(n..self.len, 0);
        self.len -= n;
        out
    }

    /// Removes the buffers idle since before trim `cutoff` and returns them.
    fn take_older_than(&mut self, cutoff: u64) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut kept = 0;
        for i in 0..self.len {
            let s = self.v[i];
            if s.since < cutoff {
                // SAFETY: slot `i < len` owns its buffer; it is overwritten
                // or left past the new `len` below.
                out.push(unsafe { self.rebuild(s) });
            } else {
                self.v[kept] = s;
                kept += 1;
            }
        }
        self.len = kept;
        out
    }
}

impl Drop for Slots {
    fn drop(&mut self) {
        for i in 0..std::mem::take(&mut self.len) {
            // SAFETY: the first `len` slots own their buffers; `len` is 0
            // from here on.
            drop(unsafe { self.rebuild(self.v[i]) });
        }
    }
}

/// The fields the fast paths test, at the start of every [`Entry`].
/// [`ACTIVE`] points at one, or at [`INERT`] when no cache is active: its
/// keys match no pool, so the fast paths need no separate null test.
#[repr(C)]
struct Hot {
    /// The pool's address.
    pool: usize,
    /// The pool's address if it has no checked-out cap, else 0: plain
    /// `acquire` must charge the cap on its slow path, so its fast path
    /// compares against this and one compare covers both checks.
    plain_key: usize,
    epoch: u64,
    /// Fast-path checkouts allowed before the next slow one. Each uses a
    /// strong count already moved out of `spare_refs`, and is already
    /// taken off `sample_countdown`, so the fast path decrements and
    /// tests this one field. Granted when [`with`] leaves (at most the
    /// stash, and one less than the sampling countdown, so the checkout to
    /// track always takes the slow path) and folded back when it enters:
    /// outside `with`, the stash holds `spare_refs + fast_left` counts and
    /// the next sample is `sample_countdown + fast_left` checkouts away.
    fast_left: u32,
    /// Strong counts of `inner` this thread owns beyond `inner` itself
    /// (and beyond `fast_left`), handed to checked-out buffers as
    /// `PoolRef`s.
    spare_refs: usize,
}

/// What [`ACTIVE`] points at when no cache is active. Never written: its
/// `pool` and `plain_key` are 0, which no pool's address is, so every fast
/// path turns away before it would write (or make a `&mut`).
static INERT: Hot = Hot {
    pool: 0,
    plain_key: 0,
    epoch: 0,
    fast_left: 0,
    spare_refs: 0,
};

/// [`ACTIVE`]'s value when no cache is active.
#[inline(always)]
fn inert() -> *mut Hot {
    (&raw const INERT).cast_mut()
}

// `repr(C)`: `hot` is at offset 0, so a pointer to it is a pointer to the
// entry.
#[repr(C)]
pub(crate) struct Entry {
    // The fast paths' fields first, to share a cache line.
    hot: Hot,
    ptr: NonNull<Inner>,
    /// Checkouts before the next one to sample for leak tracking
    /// (`u32::MAX`, reset when it runs out, when tracking is off).
    sample_countdown: u32,
    sample_rate: u32,
    /// `fast_left` and `spare_refs` when the statistics were last folded.
    folded_at: (u32, usize),
    classes: Box<[LocalClass; CLASS_SLOTS]>,
    pub(crate) counters: Arc<Counters>,
    inner: Arc<Inner>,
    /// Bytes of quota over all classes.
    reserved_total: usize,
    limit: usize,
    max_bufs: usize,
    /// Buffers and bytes the latest trim of this cache released, for the
    /// report of the `Pool::trim` call that caused it.
    last_trim: (u64, usize),
}

/// Runs `f` with this thread's cache for `inner`; `None` while the thread's
/// locals are being torn down or once the pool has closed (the caller then
/// uses the shared path).
#[inline]
pub(crate) fn with<R>(inner: &Arc<Inner>, f: impl FnOnce(&mut Entry) -> R) -> Option<R> {
    LOCAL
        .try_with(|cell| {
            let mut entries = cell.try_borrow_mut().ok()?;
            ACTIVE.set(inert());
            // Only the active (first) entry has fast checkouts granted.
            if let Some(first) = entries.first_mut() {
                // The slow paths count for themselves from here; the fast
                // paths' counts so far go first (if there are any: a walk
                // over every class on each slow operation cost ~100 ns
                // where every operation is slow).
                if first.plain_since_fold() {
                    first.fold_all();
                }
                first.fold_grant();
            }
            let ptr = Arc::as_ptr(inner);
            match entries.iter().position(|e| Arc::as_ptr(&e.inner) == ptr) {
                // The fast paths look at the first entry only.
                Some(i) => entries.swap(0, i),
                None => {
                    // No cache once this thread's locals are being torn
                    // down (nothing would flush it).
                    if EXIT.try_with(|_| ()).is_err() {
                        return None;
                    }
                    // Caches of pools dropped since are flushed here.
                    entries.retain(|e| !e.inner.is_closed());
                    entries.push(Entry::new(inner));
                    let last = entries.len() - 1;
                    entries.swap(0, last);
                }
            }
            let e = &mut entries[0];
            e.tick();
            if e.inner.is_closed_seqcst() {
                // The pool closed after the caller last looked (`close`
                // sets the flag before it bumps the epoch `tick` just
                // read): no cache for it, or this thread would keep idle
                // buffers of a closed pool until it exits.
                entries.swap_remove(0);
                return None;
            }
            let r = f(e);
            // Only set while `EXIT` is alive: after it ran, nothing would
            // clear the pointer before `LOCAL`'s entries go.
            if EXIT.try_with(|_| ()).is_ok() {
                let e = &mut entries[0];
                e.grant();
                // Nothing is pending (folded on entry, and the slow path
                // counts for itself).
                e.mark_folded();
                ACTIVE.set(std::ptr::from_mut(e).cast::<Hot>());
            }
            Some(r)
        })
        .ok()
        .flatten()
}

/// The entry the fast paths use, if it is `inner`'s and no trim or close is
/// pending.
///
/// # Safety
/// The caller must not call anything, while it uses the returned reference,
/// that could reach `LOCAL` or `ACTIVE` (no pool operation, no user code).
#[inline(always)]
unsafe fn active<'a>(inner: &Inner) -> Option<&'a mut Entry> {
    let h = ACTIVE.get();
    // SAFETY: `ACTIVE` points at `INERT` or at the `hot` of `LOCAL`'s
    // first entry, which lives as long as it stays there: every change to
    // `LOCAL`'s entries happens in `with`, `forget` or `ExitFlush`, which
    // point `ACTIVE` at `INERT` first (and `with` points it back only when
    // it is done). Plain reads, no reference: `INERT` is immutable.
    let (pool, epoch) = unsafe { ((*h).pool, (*h).epoch) };
    // `close` also bumps the epoch, so this covers a closed pool.
    if pool != std::ptr::from_ref(inner) as usize
        || inner.trim_epoch.load(Ordering::Relaxed) != epoch
    {
        return None;
    }
    // SAFETY: `pool` is a pool's address, so not `INERT`'s 0: `h` is the
    // `hot` at offset 0 of the first entry (`repr(C)`), with the whole
    // entry's provenance (`with` made it from `&mut Entry`). `LOCAL` is
    // not borrowed while `ACTIVE` points at an entry, so this is the only
    // reference, and the caller promises not to make another while it
    // holds this one.
    Some(unsafe { &mut *h.cast::<Entry>() })
}

/// Fast path of acquisition: a buffer of class `k` from this thread's cache,
/// if the thread's first cache is `inner`'s, a fast checkout is granted
/// (see [`Entry::fast_left`]) and the class is not empty. Everything else
/// goes through [`with`]. `PLAIN` is plain `acquire`, which must not take
/// this path when the pool has a checked-out cap.
///
/// Unlike release, this does not look at the trim epoch: handing out an
/// idle buffer that a pending trim would release only makes it not idle,
/// and the pool cannot be closed while the caller holds a handle. The cache
/// applies the trim on its next release or slow-path operation.
#[inline(always)]
pub(crate) fn fast_take<const PLAIN: bool>(
    inner: &Arc<Inner>,
    k: usize,
) -> Option<(Vec<u8>, PoolRef)> {
    let h = ACTIVE.get();
    // SAFETY: as in `active`: plain reads of `INERT` or of the active
    // entry's `hot`.
    let (key, fast_left) = unsafe {
        (
            if PLAIN { (*h).plain_key } else { (*h).pool },
            (*h).fast_left,
        )
    };
    // The checkout to track, and a stash refill, go through the slow path
    // (no grant left): the fast path calls nothing, so it needs no stack
    // frame. `INERT`'s key is 0, which no pool's address is.
    let ptr = arc_ptr(inner);
    if key != ptr.as_ptr() as usize || fast_left == 0 {
        return None;
    }
    // SAFETY: as in `active` (the key matched, so this is an entry); nothing
    // below calls out.
    let e = unsafe { &mut *h.cast::<Entry>() };
    let k = k & (CLASS_SLOTS - 1);
    let lc = &mut e.classes[k];
    let buf = lc.bufs.pop()?;
    e.hot.fast_left -= 1;
    lc.hits_pending += 1;
    if !PLAIN {
        // Only plain acquisitions are counted lazily (see `fold_class`).
        e.fold_class(k);
    }
    // SAFETY: the grant is a strong count of the pool's `Arc` moved out of
    // the stash (see `Entry::grant`); it moves into the `PoolRef`. `ptr`
    // comes from `Arc::as_ptr` (the entry's own `ptr` is the same address),
    // so it may reach the counts.
    Some((buf, unsafe { PoolRef::from_owned(ptr) }))
}

/// Fast path of release: keeps the buffer in this thread's cache if the
/// cache is its pool's, no trim is pending, the buffer's capacity is still
/// exactly its class size, and the class has quota left. Returns false
/// (buffer untouched) for the slow path otherwise. On success the vector
/// is taken and the pool count `pool` owns moved to the stash: the caller
/// must use neither again.
///
/// The guard's fields come one by one, so the fast path works on them in
/// registers (see `pool::release`). `LEAF` is the variant for untouched
/// buffers (nothing to zero), which also leaves a full stash to the other
/// variant: it calls nothing, so the guard's drop needs no stack frame. Its
/// caller has checked that the flags in `tag` are 0, so the capacity is the
/// class size (see [`OFFSIZE`]).
#[inline(always)]
pub(crate) fn fast_release<const LEAF: bool>(
    vec: &mut ManuallyDrop<Vec<u8>>,
    hwm: usize,
    tag: u64,
    pool: &PoolRef,
) -> bool {
    // SAFETY: nothing below reaches `LOCAL`, `ACTIVE` or user code (see
    // `active`): the calls out are the memset of `zero_written` and, via
    // `park_refs`, `drain_parked_refs`, which only drops strong counts the
    // cache's own `Arc` outlives.
    let Some(e) = (unsafe { active(pool.inner()) }) else {
        return false;
    };
    // Unpooled buffers (class `UNPOOLED`, always `OFFSIZE`) would land on
    // a padding class, whose size no capacity matches and whose quota is 0.
    let k = usize::from(tag_class(tag)) & (CLASS_SLOTS - 1);
    let lc = &mut e.classes[k];
    if !LEAF && (tag_flags(tag) & OFFSIZE != 0 || vec.capacity() != lc.bufs.size) {
        return false;
    }
    let len = lc.bufs.len();
    // Within quota means within the slots' capacity (see `ensure_room`).
    if len >= lc.quota || (LEAF && e.hot.spare_refs >= 2 * REF_BATCH) {
        return false;
    }
    // SAFETY: on success the caller never uses the vector again; nothing
    // below fails.
    let mut vec = unsafe { ManuallyDrop::take(vec) };
    if !LEAF && e.inner.config.zero_on_release {
        zero_written(&mut vec, hwm);
    }
    vec.clear();
    // SAFETY: the capacity is the class size (`OFFSIZE` clear: checked
    // above, or by the `LEAF` caller), and `len < quota <= capacity` of
    // the slots (`ensure_room` runs before every quota increase).
    unsafe { lc.bufs.push_unchecked(vec, e.hot.epoch) };
    e.hot.spare_refs += 1;
    // The untouched release is counted lazily, by the change in length
    // (see `Entry::fold_class`); the others now.
    if !LEAF {
        e.fold_class(k);
        if e.hot.spare_refs > 2 * REF_BATCH {
            e.park_refs(REF_BATCH);
        }
    }
    true
}

/// Brings this thread's statistics for `inner` up to date (`stats()` on
/// this thread sees its own operations exactly).
pub(crate) fn fold_active(inner: &Inner) {
    // SAFETY: `stats()` is no fast path: nothing holds a reference to the
    // active entry while it runs, and `active` reaches nothing else.
    if let Some(e) = unsafe { active_any_epoch(inner) } {
        e.fold_all();
    }
}

/// The active entry if it is `inner`'s, whatever the trim epoch.
///
/// # Safety
/// As [`active`].
unsafe fn active_any_epoch<'a>(inner: &Inner) -> Option<&'a mut Entry> {
    let h = ACTIVE.get();
    // SAFETY: as in `active`.
    let pool = unsafe { (*h).pool };
    if pool != std::ptr::from_ref(inner) as usize {
        return None;
    }
    // SAFETY: as in `active`.
    Some(unsafe { &mut *h.cast::<Entry>() })
}

/// Drops this thread's cache for `inner` (the pool is closing).
pub(crate) fn forget(inner: &Arc<Inner>) {
    let _ = LOCAL.try_with(|cell| {
        if let Ok(mut entries) = cell.try_borrow_mut() {
            // The next `with` points it at the new first entry.
            ACTIVE.set(inert());
            entries.retain(|e| !Arc::ptr_eq(&e.inner, inner));
        }
    });
}

impl Entry {
    fn new(inner: &Arc<Inner>) -> Self {
        let counters = Arc::new(Counters::default());
        lock(&inner.registry).push(Arc::clone(&counters));
        let cfg = &inner.config;
        let (limit, max_bufs) = if cfg.thread_cache_bytes == 0 || cfg.thread_cache_buffers == 0 {
            (0, 0)
        } else {
            (cfg.thread_cache_bytes, cfg.thread_cache_buffers)
        };
        Self {
            // From `Arc::as_ptr`, not a reference to the contents: the
            // pointer is also used to reach the reference counts.
            hot: Hot {
                pool: Arc::as_ptr(inner) as usize,
                plain_key: if inner.gate.is_none() {
                    Arc::as_ptr(inner) as usize
                } else {
                    0
                },
                epoch: inner.trim_epoch.load(Ordering::Relaxed),
                fast_left: 0,
                spare_refs: 0,
            },
            ptr: arc_ptr(inner),
            sample_countdown: match cfg.leak_sample_rate {
                0 => u32::MAX,
                rate => rate,
            },
            sample_rate: cfg.leak_sample_rate,
            folded_at: (0, 0),
            classes: Box::new(std::array::from_fn(|k| LocalClass {
                bufs: Slots::new(class_size(k)),
                quota: 0,
                hits_pending: 0,
                len_base: 0,
            })),
            counters,
            inner: Arc::clone(inner),
            reserved_total: 0,
            last_trim: (0, 0),
            limit,
            max_bufs,
        }
    }

    /// Gives the unused fast checkouts back to the stash and the sampling
    /// countdown (entering the slow path: see [`Entry::fast_left`]).
    #[inline]
    fn fold_grant(&mut self) {
        let n = std::mem::take(&mut self.hot.fast_left);
        self.hot.spare_refs += n as usize;
        self.sample_countdown = self.sample_countdown.saturating_add(n);
    }

    /// Grants fast checkouts (leaving the slow path): as many as the stash
    /// holds up to one batch, and one less than the sampling countdown.
    /// Granting more would hide the stash from `park_refs`, so a thread
    /// that mostly releases would keep every count it receives.
    #[inline]
    fn grant(&mut self) {
        let n = self
            .hot
            .spare_refs
            .min(REF_BATCH)
            .min(self.sample_countdown.saturating_sub(1) as usize) as u32;
        self.hot.spare_refs -= n as usize;
        self.sample_countdown -= n;
        self.hot.fast_left = n;
    }

    #[inline]
    fn tick(&mut self) {
        let epoch = self.inner.trim_epoch.load(Ordering::Acquire);
        if epoch != self.hot.epoch {
            self.hot.epoch = epoch;
            // Published before the epoch (release/acquire).
            self.trim(self.inner.trim_cutoff.load(Ordering::Relaxed));
        }
    }

    /// A strong count of the pool for a checked-out buffer, from the stash.
    #[inline]
    pub(crate) fn take_ref(&mut self) -> PoolRef {
        if self.hot.spare_refs == 0 {
            self.refill_refs();
        }
        self.hot.spare_refs -= 1;
        // SAFETY: the stash owns `spare_refs + 1` strong counts of `ptr`
        // (see `refill_refs`); one of them moves into the `PoolRef`.
        unsafe { PoolRef::from_owned(self.ptr) }
    }

    #[cold]
    fn refill_refs(&mut self) {
        let parked = &self.inner.parked_refs;
        let mut cur = parked.load(Ordering::Relaxed);
        while cur > 0 {
            let take = cur.min(REF_BATCH);
            match parked.compare_exchange_weak(cur, cur - take, Ordering::SeqCst, Ordering::Relaxed)
            {
                Ok(_) => {
                    self.hot.spare_refs += take;
                    return;
                }
                Err(actual) => cur = actual,
            }
        }
        for _ in 0..REF_BATCH {
            // SAFETY: `ptr` is the pointer of the live `Arc` in `self.inner`.
            unsafe { Arc::increment_strong_count(self.ptr.as_ptr().cast_const()) };
        }
        self.hot.spare_refs += REF_BATCH;
    }

    /// Parks `n` spare counts in the pool for other threads (a thread that
    /// mostly releases buffers acquired elsewhere piles them up).
    #[cold]
    fn park_refs(&mut self, n: usize) {
        // A thread that mostly releases comes here every `REF_BATCH`
        // releases, and may never take the slow path: its statistics are
        // brought up to date here.
        self.hot.spare_refs -= n;
        self.fold_all();
        self.inner.parked_refs.fetch_add(n, Ordering::SeqCst);
        if self.inner.is_closed_seqcst() {
            // The pool closed meanwhile: nobody will take them; drain.
            self.inner.drain_parked_refs();
        }
    }

    /// True if this checkout should be tracked for leak reports.
    #[inline]
    pub(crate) fn sample(&mut self) -> bool {
        let rate = self.sample_rate;
        if rate == 0 {
            self.sample_countdown = u32::MAX;
            return false;
        }
        self.sample_countdown = self.sample_countdown.saturating_sub(1);
        if self.sample_countdown == 0 {
            self.sample_countdown = rate;
            true
        } else {
            false
        }
    }

    /// Publishes the cached-buffers gauge of class `k` after a slow-path
    /// change, which counted itself: nothing of class `k` may be pending
    /// (the slow path runs after [`Entry::fold_all`]).
    #[inline]
    fn publish(&mut self, k: usize) {
        let lc = &mut self.classes[k];
        debug_assert_eq!(lc.hits_pending, 0);
        lc.len_base = lc.bufs.len();
        set(&self.counters.classes[k].cached_bufs, lc.len_base as u64);
    }

    /// Adds class `k`'s fast-path hits and releases since the last fold to
    /// the shared counters and publishes its gauge. The plain fast paths
    /// count only hits, in the class itself (no store to the shared
    /// counters, no gauge): the releases are the change in length plus the
    /// hits. Called whenever the slow path is entered, by the other fast
    /// paths, when spare counts are parked, by `stats()` on this thread, and
    /// when the cache is dropped; so another thread's `stats()` lags by at
    /// most this thread's plain fast operations since then (see
    /// `implementation`, "Statistics").
    #[inline]
    fn fold_class(&mut self, k: usize) {
        let lc = &mut self.classes[k];
        let hits = std::mem::take(&mut lc.hits_pending);
        let len = lc.bufs.len();
        // Releases minus hits, wrapping (the length may have fallen).
        let net = len.wrapping_sub(lc.len_base) as u64;
        if hits == 0 && net == 0 {
            return;
        }
        lc.len_base = len;
        let c = &self.counters.classes[k];
        bump(&c.hits, hits, true);
        bump(&c.returned, net.wrapping_add(hits), true);
        set(&c.cached_bufs, len as u64);
    }

    /// [`Entry::fold_class`] for every class.
    pub(crate) fn fold_all(&mut self) {
        for k in 0..NUM_CLASSES {
            self.fold_class(k);
        }
        self.mark_folded();
    }

    /// Notes the fast paths' state at a fold (see
    /// [`Entry::plain_since_fold`]).
    #[inline]
    fn mark_folded(&mut self) {
        self.folded_at = (self.hot.fast_left, self.hot.spare_refs);
    }

    /// True if a fast path may have run since the last fold: every fast
    /// acquisition lowers `fast_left` and every fast release raises
    /// `spare_refs`, and outside [`with`] nothing else changes them but
    /// `park_refs`, which folds.
    #[inline]
    fn plain_since_fold(&self) -> bool {
        self.folded_at != (self.hot.fast_left, self.hot.spare_refs)
    }

    /// Makes room for `max_bufs` buffers in class `k`, so that pushes within
    /// quota never reallocate (the fast release relies on it).
    fn ensure_room(&mut self, k: usize) {
        let lc = &mut self.classes[k];
        let len = lc.bufs.len();
        if lc.bufs.capacity() < self.max_bufs {
            lc.bufs.reserve_exact(self.max_bufs - len);
        }
    }

    /// An idle buffer of class `k`, from this cache or a batch moved in from
    /// the shared storage.
    #[inline]
    pub(crate) fn take(&mut self, k: usize) -> Option<Vec<u8>> {
        let lc = &mut self.classes[k];
        if let Some(buf) = lc.bufs.pop() {
            // The quota stays with the thread, as credit for the release
            // that usually follows.
            self.publish(k);
            return Some(buf);
        }
        self.refill(k)
    }

    /// Bytes of credit (quota without a cached buffer) over all classes.
    fn credit_bytes(&self) -> usize {
        self.classes
            .iter()
            .enumerate()
            .map(|(k, c)| (c.quota - c.bufs.len()) * class_size(k))
            .sum()
    }

    #[cold]
    fn refill(&mut self, k: usize) -> Option<Vec<u8>> {
        if self.max_bufs == 0 {
            return self.inner.shared_take(k);
        }
        if self.credit_bytes() > self.limit / 2 {
            // A thread that mostly acquires (its buffers are released on
            // other threads) piles up credit; give it back before taking
            // more reservation in.
            self.return_credit();
        }
        if self.inner.recent_class(k) != k {
            // A neighbour's buffer is warmer (see `Inner::take_near`); it
            // is not this class's size, so it leaves the pool's care.
            return self.inner.take_near(k);
        }
        let size = class_size(k);
        let want = (self.max_bufs / 2).max(1);
        self.ensure_room(k);
        let first;
        {
            let mut shared = lock(&self.inner.shared[k]);
            let Some(f) = shared.pop() else {
                drop(shared);
                return self.inner.take_near(k);
            };
            first = f;
            let lc = &mut self.classes[k];
            // Only exact-size buffers move in; their reservation moves with
            // them.
            while lc.bufs.len() + 1 < want
                && lc.quota < self.max_bufs
                && self.reserved_total + size <= self.limit
                && shared.last().is_some_and(|i| i.buf.capacity() == size)
            {
                let Some(idle) = shared.pop() else { break };
                if let Err(buf) = lc.bufs.push(idle.buf, idle.since) {
                    // Not possible (size and room checked), but never lose it.
                    shared.push(Idle {
                        buf,
                        since: idle.since,
                    });
                    break;
                }
                lc.quota += 1;
                self.reserved_total += size;
            }
        }
        // `first` leaves the pool: its reservation becomes credit if it fits.
        let c = first.buf.capacity();
        let lc = &mut self.classes[k];
        if c == size && lc.quota < self.max_bufs && self.reserved_total + size <= self.limit {
            lc.quota += 1;
            self.reserved_total += size;
        } else {
            self.inner.budget.release(k, c);
        }
        self.publish(k);
        Some(first.buf)
    }

    /// Keeps `buf` (class `k`) in this cache, or hands it back if the cache
    /// or the budget has no room, or its capacity is not the class size.
    #[inline]
    pub(crate) fn put(&mut self, k: usize, buf: Vec<u8>) -> Result<(), Vec<u8>> {
        let size = class_size(k);
        if buf.capacity() != size || size > self.limit || self.max_bufs == 0 {
            return Err(buf);
        }
        if self.classes[k].bufs.len() >= self.max_bufs {
            self.spill(k);
        }
        let lc = &self.classes[k];
        if lc.bufs.len() >= lc.quota && !self.reserve_for(k) {
            return Err(buf);
        }
        self.ensure_room(k);
        let epoch = self.hot.epoch;
        self.classes[k].bufs.push(buf, epoch)?;
        self.publish(k);
        Ok(())
    }

    /// Adds at least one buffer of quota to class `k` (a batch if the
    /// budget and the cache allow).
    #[cold]
    fn reserve_for(&mut self, k: usize) -> bool {
        let size = class_size(k);
        if self.reserved_total + size > self.limit {
            self.return_credit();
            if self.reserved_total + size > self.limit {
                return false;
            }
        }
        let lc = &self.classes[k];
        let room = (self.limit - self.reserved_total) / size;
        let batch = RESERVE_BATCH.min(self.limit / 4 / size).max(1);
        let want = batch.min(room).min(self.max_bufs - lc.quota);
        if want == 0 {
            return false;
        }
        let budget = &self.inner.budget;
        let got = if budget.try_reserve(k, want * size) {
            want
        } else if want > 1 && budget.try_reserve(k, size) {
            1
        } else {
            return false;
        };
        // The fast release pushes within quota without a room check.
        self.ensure_room(k);
        self.classes[k].quota += got;
        self.reserved_total += got * size;
        true
    }

    /// Moves the older half of class `k` to the shared storage.
    #[cold]
    fn spill(&mut self, k: usize) {
        let size = class_size(k);
        let lc = &mut self.classes[k];
        let n = (lc.bufs.len() / 2).max(1).min(lc.bufs.len());
        let moved = lc.bufs.drain_oldest(n);
        lc.quota -= n;
        self.reserved_total -= n * size;
        // The reservation moves with the buffers: shared storage is covered
        // by the same budget.
        lock(&self.inner.shared[k]).extend(moved);
        self.inner.note_put(k);
        self.publish(k);
    }

    /// Gives every class's unused credit back to the budget.
    fn return_credit(&mut self) {
        for (k, lc) in self.classes.iter_mut().enumerate() {
            let credit = (lc.quota - lc.bufs.len()) * class_size(k);
            if credit > 0 {
                self.inner.budget.release(k, credit);
                lc.quota = lc.bufs.len();
                self.reserved_total -= credit;
            }
        }
    }

    /// Releases buffers that went idle before trim `cutoff` (see
    /// `Inner::trim`), and all unused credit.
    fn trim(&mut self, cutoff: u64) {
        let mut released = Vec::new();
        let mut released_bytes = 0;
        for k in 0..NUM_CLASSES {
            let lc = &mut self.classes[k];
            if lc.bufs.is_empty() {
                continue;
            }
            let old = lc.bufs.take_older_than(cutoff);
            let n = old.len();
            released.extend(old);
            if n > 0 {
                let bytes = n * class_size(k);
                released_bytes += bytes;
                lc.quota -= n;
                self.reserved_total -= bytes;
                self.inner.budget.release(k, bytes);
                let c = &self.counters.classes[k];
                bump(&c.trimmed, n as u64, true);
                bump(&c.trimmed_bytes, bytes as u64, true);
                self.publish(k);
            }
        }
        self.return_credit();
        self.last_trim = (released.len() as u64, released_bytes);
        drop(released);
    }

    /// What the latest trim of this cache released (see `last_trim`).
    pub(crate) fn take_last_trim(&mut self) -> (u64, usize) {
        std::mem::take(&mut self.last_trim)
    }

    /// Counts one acquisition of class `k`.
    #[inline]
    pub(crate) fn count_acquire(&self, k: usize, hit: bool) {
        let c = &self.counters.classes[k];
        if hit {
            bump(&c.hits, 1, true);
        } else {
            bump(&c.misses, 1, true);
        }
    }
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.fold_grant();
        self.fold_all();
        let closed = self.inner.is_closed();
        for k in 0..NUM_CLASSES {
            let n = self.classes[k].bufs.len();
            if n == 0 {
                continue;
            }
            let bufs = self.classes[k].bufs.drain_oldest(n);
            let bytes = n * class_size(k);
            let lc = &mut self.classes[k];
            lc.quota -= n;
            self.reserved_total -= bytes;
            if closed {
                self.inner.budget.release(k, bytes);
            } else {
                lock(&self.inner.shared[k]).extend(bufs);
                self.inner.note_put(k);
            }
            self.publish(k);
        }
        self.return_credit();
        {
            let mut registry = lock(&self.inner.registry);
            registry.retain(|c| !Arc::ptr_eq(c, &self.counters));
            // Folded under the registry lock, so a concurrent `stats()` counts
            // these exactly once.
            self.inner.counters.absorb(&self.counters);
        }
        for _ in 0..std::mem::take(&mut self.hot.spare_refs) {
            // SAFETY: the stash owns these counts; `self.inner` holds one
            // more, so the count stays positive.
            unsafe { Arc::decrement_strong_count(self.ptr.as_ptr().cast_const()) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a popped buffer lived (compared only, never dereferenced).
    fn addr(v: Option<Vec<u8>>) -> usize {
        let v = v.expect("a buffer");
        v.as_ptr() as usize
    }

    fn buf(size: usize, tag: u8) -> Vec<u8> {
        let mut v = Vec::with_capacity(size);
        v.push(tag);
        v.clear();
        v
    }

    #[test]
    fn slots_keep_exact_size_buffers_and_hand_them_back_newest_first() {
        let mut s = Slots::new(1024);
        assert!(s.push(buf(1024, 1), 0).is_err(), "no room yet");
        s.reserve_exact(4);
        assert_eq!(s.capacity(), 4);
        assert!(s.push(buf(2048, 1), 0).is_err(), "wrong size");
        let a = buf(1024, 1);
        let pa = a.as_ptr() as usize;
        let b = buf(1024, 2);
        let pb = b.as_ptr() as usize;
        s.push(a, 3).unwrap();
        s.push(b, 5).unwrap();
        assert_eq!(s.len(), 2);
        let got = s.pop().unwrap();
        assert_eq!(
            (got.as_ptr() as usize, got.capacity(), got.len()),
            (pb, 1024, 0)
        );
        // Put back where it was taken from: nothing to write, still owned.
        s.push(got, 5).unwrap();
        let held = s.pop().unwrap();
        assert_eq!(held.as_ptr() as usize, pb);
        // A different buffer in the stale slot replaces it.
        s.push(buf(1024, 3), 6).unwrap();
        assert_ne!(addr(s.pop()), pb);
        drop(held);
        assert_eq!(addr(s.pop()), pa);
        assert!(s.pop().is_none());
    }

    #[test]
    fn slots_drain_oldest_and_trim_by_epoch_keep_the_rest_in_order() {
        let mut s = Slots::new(1024);
        s.reserve_exact(8);
        let ptrs: Vec<usize> = (0..6u64)
            .map(|i| {
                let b = buf(1024, i as u8);
                let p = b.as_ptr() as usize;
                s.push(b, i).unwrap();
                p
            })
            .collect();
        let oldest = s.drain_oldest(2);
        assert_eq!(oldest.iter().map(|i| i.since).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(oldest[0].buf.as_ptr() as usize, ptrs[0]);
        assert_eq!(s.len(), 4);
        let old = s.take_older_than(4);
        assert_eq!(old.len(), 2);
        assert_eq!(s.len(), 2);
        assert_eq!(addr(s.pop()), ptrs[5]);
        assert_eq!(addr(s.pop()), ptrs[4]);
        // Growing keeps what is held.
        s.push(buf(1024, 9), 9).unwrap();
        s.reserve_exact(20);
        assert!(s.capacity() >= 21);
        assert_eq!(s.pop().unwrap().capacity(), 1024);
        // Dropping frees what is still held (checked by leak tools).
        s.push(buf(1024, 9), 9).unwrap();
        drop(s);
    }
}

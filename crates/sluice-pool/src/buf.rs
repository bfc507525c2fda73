//! The owned buffer guard.

use std::fmt;
use std::io;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

use bytes::buf::UninitSlice;
use bytes::{BufMut, Bytes};

use crate::pool::PoolRef;

/// Marks a buffer allocated above the largest size class.
pub(crate) const UNPOOLED: u8 = u8::MAX;

/// A byte buffer checked out of a [`Pool`](crate::Pool); it goes back when
/// dropped.
///
/// It dereferences to the bytes written so far (`len()`, not the capacity)
/// and grows like a `Vec<u8>` when written past its capacity: writes are
/// never truncated. A buffer that grew is filed under the class its new
/// capacity fits when it comes back (or freed above the largest class).
///
/// Release is by value, so a buffer cannot be released twice:
///
/// ```compile_fail,E0382
/// let pool = sluice_pool::Pool::new(Default::default())?;
/// let buf = pool.acquire(4096);
/// drop(buf);
/// drop(buf); // use of moved value
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct PooledBuf {
    /// Released by hand in `Drop` (it moves into a cache or is freed), so
    /// the guard has no drop glue to run after it.
    pub(crate) vec: ManuallyDrop<Vec<u8>>,
    /// Highest `len` the buffer had before its last shrink: bytes in
    /// `[0, max(hwm, len))` may have been written and are zeroed on release.
    pub(crate) hwm: usize,
    /// Bytes this buffer counts as checked out: its class size (the request
    /// when unpooled), plus what it grew by since.
    pub(crate) counted: usize,
    pub(crate) pool: PoolRef,
    /// The leak-tracking slot, the class and the flags in one word (see
    /// [`tag`]): written with one store, so that a guard moved right after
    /// it was built (returned, passed to `drop`) is read back from the
    /// store buffer. Three narrower stores read back as one word stall
    /// until they reach the cache, which cost more than the rest of an
    /// acquire and release.
    pub(crate) tag: u64,
}

/// A guard's fields, without its `Drop`. The slow paths return these, and
/// every acquisition builds its guard from them at one place: when the
/// fast path built a guard and the slow path returned another, the caller
/// copied whichever it got to its own slot (seven loads and eight stores
/// more per acquisition).
pub(crate) struct Parts {
    pub(crate) vec: ManuallyDrop<Vec<u8>>,
    pub(crate) hwm: usize,
    pub(crate) counted: usize,
    pub(crate) pool: PoolRef,
    pub(crate) tag: u64,
}

impl Parts {
    /// [`CHARGED`], [`TRACKED`] and [`OFFSIZE`].
    #[inline(always)]
    pub(crate) fn flags(&self) -> u8 {
        tag_flags(self.tag)
    }

    /// Clears `f` in the flags.
    #[inline]
    pub(crate) fn clear_flags(&mut self, f: u8) {
        self.tag &= !(u64::from(f) << 40);
    }

    /// The guard.
    #[inline(always)]
    pub(crate) fn into_buf(self) -> PooledBuf {
        let Parts {
            vec,
            hwm,
            counted,
            pool,
            tag,
        } = self;
        PooledBuf {
            vec,
            hwm,
            counted,
            pool,
            tag,
        }
    }
}

/// A guard's [`PooledBuf::tag`]: `tracked` is the leak-tracking slot
/// (meaningful with [`TRACKED`]), `class` the class at acquisition or
/// [`UNPOOLED`], `flags` [`CHARGED`], [`TRACKED`] and [`OFFSIZE`] (zero for
/// a buffer the untouched-release fast path may take).
#[inline(always)]
pub(crate) const fn tag(tracked: u32, class: u8, flags: u8) -> u64 {
    tracked as u64 | (class as u64) << 32 | (flags as u64) << 40
}

/// The class in a [`tag`].
#[inline(always)]
pub(crate) const fn tag_class(tag: u64) -> u8 {
    (tag >> 32) as u8
}

/// The flags in a [`tag`].
#[inline(always)]
pub(crate) const fn tag_flags(tag: u64) -> u8 {
    (tag >> 40) as u8
}

/// The pool's checked-out cap holds `charge_for(counted)` for this buffer.
pub(crate) const CHARGED: u8 = 1;
/// The buffer is tracked for leak reports (`tracked` is its slot).
pub(crate) const TRACKED: u8 = 2;
/// The vector's capacity may not be its class's size: unpooled, served
/// by a larger class's idle buffer, grown, or taken by `into_vec`. Without
/// it, `class < NUM_CLASSES` and the capacity is exactly the class size,
/// which the untouched-release fast path relies on instead of checking.
pub(crate) const OFFSIZE: u8 = 4;

impl PooledBuf {
    /// Class at acquisition, or [`UNPOOLED`].
    #[inline(always)]
    pub(crate) fn class(&self) -> u8 {
        tag_class(self.tag)
    }

    /// [`CHARGED`], [`TRACKED`] and [`OFFSIZE`].
    #[inline(always)]
    pub(crate) fn flags(&self) -> u8 {
        tag_flags(self.tag)
    }

    /// Sets `f` in the flags.
    #[inline]
    pub(crate) fn set_flags(&mut self, f: u8) {
        self.tag |= u64::from(f) << 40;
    }

    /// Bytes written.
    #[inline]
    pub fn len(&self) -> usize {
        self.vec.len()
    }

    /// True when nothing is written.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.vec.is_empty()
    }

    /// Bytes that fit before the buffer must grow; at least what was requested.
    #[inline]
    pub fn capacity(&self) -> usize {
        self.vec.capacity()
    }

    /// Forgets the written bytes (they are still zeroed on release).
    #[inline]
    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Keeps the first `len` bytes (no effect if `len >= self.len()`).
    #[inline]
    pub fn truncate(&mut self, len: usize) {
        self.hwm = self.hwm.max(self.vec.len());
        self.vec.truncate(len);
    }

    /// Appends `data`, growing the buffer if needed.
    #[inline]
    pub fn extend_from_slice(&mut self, data: &[u8]) {
        self.ensure(data.len());
        self.vec.extend_from_slice(data);
    }

    /// Sets the length to `new_len`, filling new bytes with `value`.
    #[inline]
    pub fn resize(&mut self, new_len: usize, value: u8) {
        let len = self.vec.len();
        self.hwm = self.hwm.max(len);
        if new_len > len {
            self.ensure(new_len - len);
        }
        self.vec.resize(new_len, value);
    }

    /// Makes room for at least `additional` more bytes.
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        self.ensure(additional);
    }

    /// Every growth goes through here, so that `Vec` never reallocates on
    /// its own: the pool charges the growth and zeroes the old block.
    #[inline]
    fn ensure(&mut self, additional: usize) {
        if self.vec.capacity() - self.vec.len() < additional {
            self.grow(additional);
        }
    }

    /// Moves the bytes to a block with room for `additional` more (at
    /// least double the capacity, like `Vec`, rounded up to a class size),
    /// charges the growth like an
    /// acquisition and, with zero-on-release, zeroes the written prefix of
    /// the old block before it is freed.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, additional: usize) {
        let len = self.vec.len();
        let old_cap = self.vec.capacity();
        // Overflow panics, as `Vec::reserve` does.
        let need = len.checked_add(additional).expect("capacity overflow");
        let want = need.max(old_cap.saturating_mul(2));
        // Rounded up to a class size, so the buffer is reused whole when
        // it comes back.
        let want = crate::class::class_for_request(want).map_or(want, crate::class::class_size);
        let mut new = Vec::with_capacity(want);
        new.extend_from_slice(&self.vec);
        let mut old = std::mem::replace(&mut *self.vec, new);
        let written = self.hwm.max(len);
        // The new block holds only the `len` bytes copied into it.
        self.hwm = 0;
        let grown = self.vec.capacity() - old_cap;
        let inner = self.pool.inner();
        if inner.config.zero_on_release {
            crate::pool::zero_before_free(&mut old, written);
        }
        drop(old);
        self.tag |= u64::from(OFFSIZE) << 40;
        let (flags, class) = (self.flags(), self.class());
        inner.charge_growth(flags, class, &mut self.counted, grown);
    }

    /// The written bytes.
    #[inline]
    pub fn as_slice(&self) -> &[u8] {
        &self.vec
    }

    /// The written bytes, mutably.
    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        &mut self.vec
    }

    /// Turns the buffer into [`Bytes`] without copying. The memory goes back
    /// to the pool when the last clone of the `Bytes` is dropped.
    pub fn freeze(self) -> Bytes {
        Bytes::from_owner(self)
    }

    /// Takes the bytes out of the pool's care: the buffer counts as released
    /// and its memory is never recycled.
    pub fn into_vec(mut self) -> Vec<u8> {
        let vec = std::mem::take(&mut *self.vec);
        self.hwm = 0;
        self.set_flags(OFFSIZE);
        vec
    }
}

impl PooledBuf {
    /// Moves the fields out of a guard being dropped.
    ///
    /// # Safety
    /// Only from `Drop`, once: the guard's vector and pool count belong to
    /// the returned `Parts` afterwards, and the guard must not use them.
    #[inline(always)]
    pub(crate) unsafe fn take_parts(&mut self) -> Parts {
        Parts {
            // SAFETY: the caller gives up the guard's vector (see above).
            vec: ManuallyDrop::new(unsafe { ManuallyDrop::take(&mut self.vec) }),
            hwm: self.hwm,
            counted: self.counted,
            pool: self.pool.take_for_drop(),
            tag: self.tag,
        }
    }
}

impl Drop for PooledBuf {
    // Inline: the fast release is a few loads, compares and stores, and a
    // call through the GOT would cost as much.
    #[inline(always)]
    fn drop(&mut self) {
        crate::pool::release(self);
    }
}

impl Deref for PooledBuf {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        &self.vec
    }
}

impl DerefMut for PooledBuf {
    #[inline]
    fn deref_mut(&mut self) -> &mut [u8] {
        &mut self.vec
    }
}

impl AsRef<[u8]> for PooledBuf {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        &self.vec
    }
}

impl AsMut<[u8]> for PooledBuf {
    #[inline]
    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.vec
    }
}

impl fmt::Debug for PooledBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PooledBuf")
            .field("len", &self.vec.len())
            .field("capacity", &self.vec.capacity())
            .field("pooled", &(self.class() != UNPOOLED))
            .field("tracked", &(self.flags() & TRACKED != 0))
            .finish()
    }
}

impl io::Write for PooledBuf {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.extend_from_slice(buf);
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.extend_from_slice(buf);
        Ok(())
    }

    #[inline]
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

// SAFETY: every method forwards to `Vec<u8>`'s `BufMut` implementation, which
// upholds the trait's contract (`chunk_mut` returns the spare capacity, grown
// if empty, here by `ensure` first so the growth is charged; `advance_mut`
// only exposes bytes the caller initialised).
unsafe impl BufMut for PooledBuf {
    #[inline]
    fn remaining_mut(&self) -> usize {
        self.vec.remaining_mut()
    }

    #[inline]
    unsafe fn advance_mut(&mut self, cnt: usize) {
        // SAFETY: the caller guarantees the next `cnt` bytes of `chunk_mut`
        // are initialised, which is `Vec::advance_mut`'s own precondition.
        unsafe { self.vec.advance_mut(cnt) }
    }

    #[inline]
    fn chunk_mut(&mut self) -> &mut UninitSlice {
        if self.vec.capacity() == self.vec.len() {
            // What `Vec::chunk_mut` would reserve itself.
            self.ensure(64);
        }
        // The caller may write anywhere in the spare capacity without
        // advancing, and nothing tells which bytes it wrote: count them all
        // as written, so zero-on-release clears them.
        self.hwm = self.vec.capacity();
        self.vec.chunk_mut()
    }

    #[inline]
    fn put_slice(&mut self, src: &[u8]) {
        self.extend_from_slice(src);
    }
}

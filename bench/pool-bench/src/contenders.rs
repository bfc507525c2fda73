//! The contenders: sluice-pool, plain allocators and the buffer-pool crates a
//! user would otherwise pick, all behind one [`Contender`] trait.
//!
//! Each is used the way its documentation suggests:
//! - allocators hand out a fresh block per acquire and free it on release;
//! - `zeropool` serves any size from its own power-of-two classes (`alloc`
//!   zeroes the requested length, `alloc_uninit` does not);
//! - `opool`, `object-pool` and `byte-pool` pool objects of one shape, so a
//!   user keeps one pool per size: one pool of exactly the benchmarked size
//!   for fixed-size scenarios, and one per power-of-two class for the mixed
//!   workload (the design notes' "power-of-two classes").

use std::alloc::{GlobalAlloc, Layout, handle_alloc_error};
use std::mem::MaybeUninit;
use std::ptr::NonNull;

use crate::BenchError;

/// Buffers a fixed-shape pool crate may keep per class (its queue capacity).
/// Above the most buffers any scenario has in flight at once, so none of them
/// is measured falling back to the allocator because its queue is full.
pub const POOL_CRATE_CAPACITY: usize = 64;

/// Something that hands out byte buffers and takes them back on drop.
pub trait Contender: Sync {
    /// The buffer (or guard) handed out; dropping it releases it.
    type Buf<'a>: Send
    where
        Self: 'a;

    /// A buffer with room for at least `size` bytes.
    fn acquire(&self, size: usize) -> Self::Buf<'_>;

    /// Writes `byte` to each of the first `size` bytes of `buf`
    /// (`size` is at most what `buf` was acquired with).
    fn fill(&self, buf: &mut Self::Buf<'_>, size: usize, byte: u8);

    /// Address of the buffer's memory. Passing it to `black_box` makes the
    /// optimiser assume the memory is read, so writes and the allocation
    /// itself cannot be removed.
    fn peek(&self, buf: &mut Self::Buf<'_>) -> *const u8;

    /// Idle bytes the contender keeps and its cap on them, where it has both.
    fn retained(&self) -> Option<Retained> {
        None
    }

    /// The contender's own statistics, where it keeps any worth reporting.
    fn report(&self) -> Option<serde_json::Value> {
        None
    }
}

/// Idle memory a pool keeps, as it reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retained {
    /// Idle bytes now.
    pub bytes: u64,
    /// Most idle bytes at any time so far.
    pub high_water_bytes: u64,
    /// Configured cap on idle bytes.
    pub cap_bytes: u64,
}

/// The named contenders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `sluice_pool::Pool` with its default configuration (zeroes written bytes on release).
    Sluice,
    /// `sluice_pool::Pool` with `zero_on_release(false)`.
    SluiceNoZero,
    /// `Vec::with_capacity` through the global (system, glibc) allocator.
    VecSystem,
    /// `mimalloc::MiMalloc` called through `GlobalAlloc`.
    Mimalloc,
    /// `tikv_jemallocator::Jemalloc` called through `GlobalAlloc`.
    Jemalloc,
    /// `bytes::BytesMut::with_capacity` (system allocator).
    BytesMut,
    /// `zeropool::ZeroPool::alloc` (zeroes the requested length on every acquire).
    Zeropool,
    /// `zeropool::ZeroPool::alloc_uninit`.
    ZeropoolUninit,
    /// `opool::Pool` of `Vec<u8>`, one pool per size.
    Opool,
    /// `object_pool::Pool` of `Vec<u8>`, one pool per size.
    ObjectPool,
    /// `byte_pool::BytePool`, one pool per size.
    BytePool,
}

/// Which family a contender belongs to, for the ratios and targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// sluice-pool itself.
    Sluice,
    /// A general-purpose allocator (or a type that allocates through one).
    Allocator,
    /// A buffer-pool crate.
    PoolCrate,
}

impl Kind {
    /// Every contender, in report order.
    pub const ALL: [Kind; 11] = [
        Kind::Sluice,
        Kind::SluiceNoZero,
        Kind::VecSystem,
        Kind::Mimalloc,
        Kind::Jemalloc,
        Kind::BytesMut,
        Kind::Zeropool,
        Kind::ZeropoolUninit,
        Kind::Opool,
        Kind::ObjectPool,
        Kind::BytePool,
    ];

    /// Stable name used on the command line and in the JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Sluice => "sluice",
            Kind::SluiceNoZero => "sluice-nozero",
            Kind::VecSystem => "vec-system",
            Kind::Mimalloc => "mimalloc",
            Kind::Jemalloc => "jemalloc",
            Kind::BytesMut => "bytesmut",
            Kind::Zeropool => "zeropool",
            Kind::ZeropoolUninit => "zeropool-uninit",
            Kind::Opool => "opool",
            Kind::ObjectPool => "object-pool",
            Kind::BytePool => "byte-pool",
        }
    }

    /// Inverse of [`Kind::name`].
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The contender's family.
    pub fn family(self) -> Family {
        match self {
            Kind::Sluice | Kind::SluiceNoZero => Family::Sluice,
            Kind::VecSystem | Kind::Mimalloc | Kind::Jemalloc | Kind::BytesMut => Family::Allocator,
            Kind::Zeropool
            | Kind::ZeropoolUninit
            | Kind::Opool
            | Kind::ObjectPool
            | Kind::BytePool => Family::PoolCrate,
        }
    }
}

/// The request sizes a contender will see, so fixed-shape pools can be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sizing {
    /// Every request is at most this size.
    Fixed(usize),
    /// Requests anywhere in `[min, max]`: power-of-two classes.
    Mixed {
        /// Smallest request.
        min: usize,
        /// Largest request.
        max: usize,
    },
}

/// Generic code to run on a contender built by [`dispatch`] (closures cannot
/// be generic, so this trait stands in for one).
pub trait Visit {
    /// What the visit returns.
    type Out;
    /// Runs on the built contender.
    fn visit<C: Contender>(self, contender: &C) -> Self::Out;
}

/// Builds the contender `kind` for requests described by `sizing` and runs
/// `visitor` on it.
pub fn dispatch<V: Visit>(kind: Kind, sizing: Sizing, visitor: V) -> Result<V::Out, BenchError> {
    Ok(match kind {
        Kind::Sluice => visitor.visit(&SluicePool::new(true)?),
        Kind::SluiceNoZero => visitor.visit(&SluicePool::new(false)?),
        Kind::VecSystem => visitor.visit(&VecSystem),
        Kind::Mimalloc => visitor.visit(&raw::Raw(mimalloc::MiMalloc)),
        Kind::Jemalloc => visitor.visit(&raw::Raw(tikv_jemallocator::Jemalloc)),
        Kind::BytesMut => visitor.visit(&BytesMutAlloc),
        Kind::Zeropool => visitor.visit(&Zeropool(zeropool::ZeroPool::new())),
        Kind::ZeropoolUninit => visitor.visit(&ZeropoolUninit(zeropool::ZeroPool::new())),
        Kind::Opool => visitor.visit(&Opool::new(sizing)),
        Kind::ObjectPool => visitor.visit(&ObjectPool::new(sizing)),
        Kind::BytePool => visitor.visit(&BytePoolC::new(sizing)),
    })
}

/// sluice-pool.
pub struct SluicePool {
    /// The pool under test.
    pub pool: sluice_pool::Pool,
}

impl SluicePool {
    /// A pool with the default configuration, zeroing switched as given.
    ///
    /// For experiments, `POOL_BENCH_SLUICE_MAX_RETAINED` (bytes) overrides
    /// `max_retained_bytes` and `POOL_BENCH_SLUICE_MAX_CLASS_RETAINED` overrides
    /// `max_class_retained_bytes` and `POOL_BENCH_SLUICE_THREAD_CACHE_BYTES`
    /// overrides `thread_cache_bytes`; the comparison runner records them
    /// when set.
    pub fn new(zero_on_release: bool) -> Result<Self, BenchError> {
        let mut builder = sluice_pool::Pool::builder().zero_on_release(zero_on_release);
        if let Some(cap) = std::env::var("POOL_BENCH_SLUICE_MAX_RETAINED")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            builder = builder.max_retained_bytes(cap);
        }
        if let Some(cap) = std::env::var("POOL_BENCH_SLUICE_MAX_CLASS_RETAINED")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            builder = builder.max_class_retained_bytes(cap);
        }
        if let Some(bytes) = std::env::var("POOL_BENCH_SLUICE_THREAD_CACHE_BYTES")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            builder = builder.thread_cache_bytes(bytes);
        }
        let pool = builder
            .build()
            .map_err(|e| BenchError(format!("sluice pool: {e}")))?;
        Ok(Self { pool })
    }
}

impl Contender for SluicePool {
    type Buf<'a> = sluice_pool::PooledBuf;

    #[inline]
    fn acquire(&self, size: usize) -> Self::Buf<'_> {
        self.pool.acquire(size)
    }

    #[inline]
    fn fill(&self, buf: &mut Self::Buf<'_>, size: usize, byte: u8) {
        buf.resize(size, byte);
    }

    #[inline]
    fn peek(&self, buf: &mut Self::Buf<'_>) -> *const u8 {
        buf.as_ptr()
    }

    fn retained(&self) -> Option<Retained> {
        let s = self.pool.stats();
        Some(Retained {
            bytes: s.retained_bytes,
            high_water_bytes: s.retained_high_water_bytes,
            cap_bytes: s.max_retained_bytes,
        })
    }

    fn report(&self) -> Option<serde_json::Value> {
        let s = self.pool.stats();
        let dropped: u64 = s.classes.iter().map(|c| c.dropped_buffers).sum();
        Some(serde_json::json!({
            "acquires": s.acquires,
            "hits": s.hits,
            "misses": s.misses,
            "unpooled": s.unpooled,
            "hit_rate": s.hit_rate,
            "dropped_buffers": dropped,
            "retained_bytes": s.retained_bytes,
            "retained_budget_bytes": s.retained_budget_bytes,
            "retained_high_water_bytes": s.retained_high_water_bytes,
        }))
    }
}

/// `Vec<u8>` through the global allocator, which here is the system's.
#[derive(Debug)]
pub struct VecSystem;

impl Contender for VecSystem {
    type Buf<'a> = Vec<u8>;

    #[inline]
    fn acquire(&self, size: usize) -> Vec<u8> {
        Vec::with_capacity(size)
    }

    #[inline]
    fn fill(&self, buf: &mut Vec<u8>, size: usize, byte: u8) {
        buf.resize(size, byte);
    }

    #[inline]
    fn peek(&self, buf: &mut Vec<u8>) -> *const u8 {
        buf.as_ptr()
    }
}

/// `bytes::BytesMut` (allocates through the global allocator).
#[derive(Debug)]
pub struct BytesMutAlloc;

impl Contender for BytesMutAlloc {
    type Buf<'a> = bytes::BytesMut;

    #[inline]
    fn acquire(&self, size: usize) -> bytes::BytesMut {
        bytes::BytesMut::with_capacity(size)
    }

    #[inline]
    fn fill(&self, buf: &mut bytes::BytesMut, size: usize, byte: u8) {
        buf.resize(size, byte);
    }

    #[inline]
    fn peek(&self, buf: &mut bytes::BytesMut) -> *const u8 {
        buf.as_ptr()
    }
}

/// `zeropool` through its default, zeroing `alloc`.
#[derive(Debug)]
pub struct Zeropool(pub zeropool::ZeroPool);

impl Contender for Zeropool {
    type Buf<'a> = zeropool::Buf<'a>;

    #[inline]
    fn acquire(&self, size: usize) -> Self::Buf<'_> {
        self.0.alloc(size)
    }

    #[inline]
    fn fill(&self, buf: &mut Self::Buf<'_>, size: usize, byte: u8) {
        buf[..size].fill(byte);
    }

    #[inline]
    fn peek(&self, buf: &mut Self::Buf<'_>) -> *const u8 {
        buf.as_ptr()
    }
}

/// `zeropool` through `alloc_uninit`, its fast path for full overwrites.
#[derive(Debug)]
pub struct ZeropoolUninit(pub zeropool::ZeroPool);

impl Contender for ZeropoolUninit {
    type Buf<'a> = zeropool::BufUninit<'a>;

    #[inline]
    fn acquire(&self, size: usize) -> Self::Buf<'_> {
        self.0.alloc_uninit(size)
    }

    #[inline]
    fn fill(&self, buf: &mut Self::Buf<'_>, size: usize, byte: u8) {
        buf.as_uninit_mut()[..size].fill(MaybeUninit::new(byte));
    }

    #[inline]
    fn peek(&self, buf: &mut Self::Buf<'_>) -> *const u8 {
        buf.as_uninit_mut().as_ptr().cast()
    }
}

/// Size classes for the fixed-shape pool crates: one class of exactly the
/// benchmarked size, or power-of-two classes covering a mixed range.
#[derive(Debug, Clone)]
pub struct Classes {
    base_shift: u32,
    sizes: Vec<usize>,
}

impl Classes {
    /// Classes serving `sizing`.
    pub fn new(sizing: Sizing) -> Self {
        match sizing {
            Sizing::Fixed(size) => Self {
                base_shift: 0,
                sizes: vec![size.max(1)],
            },
            Sizing::Mixed { min, max } => {
                let base_shift = ceil_log2(min.max(1));
                let top = ceil_log2(max.max(1)).max(base_shift);
                Self {
                    base_shift,
                    sizes: (base_shift..=top).map(|s| 1usize << s).collect(),
                }
            }
        }
    }

    /// Class index serving a request of `size` bytes.
    #[inline]
    pub fn route(&self, size: usize) -> usize {
        if size <= self.sizes[0] {
            0
        } else {
            (ceil_log2(size) - self.base_shift) as usize
        }
    }

    /// Size of class `i`.
    #[inline]
    pub fn size(&self, i: usize) -> usize {
        self.sizes[i]
    }

    /// Number of classes.
    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    /// Never true: there is always at least one class.
    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }
}

/// Smallest `s` with `2^s >= n` (`n >= 1`).
#[inline]
pub fn ceil_log2(n: usize) -> u32 {
    if n <= 1 {
        0
    } else {
        usize::BITS - (n - 1).leading_zeros()
    }
}

/// `opool`'s allocator for `Vec<u8>` of one capacity.
#[derive(Debug)]
pub struct VecAllocator {
    capacity: usize,
}

impl opool::PoolAllocator<Vec<u8>> for VecAllocator {
    #[inline]
    fn allocate(&self) -> Vec<u8> {
        Vec::with_capacity(self.capacity)
    }

    #[inline]
    fn reset(&self, obj: &mut Vec<u8>) {
        obj.clear();
    }

    #[inline]
    fn is_valid(&self, obj: &Vec<u8>) -> bool {
        obj.capacity() >= self.capacity
    }
}

/// `opool::Pool` per class.
#[derive(Debug)]
pub struct Opool {
    classes: Classes,
    pools: Vec<opool::Pool<VecAllocator, Vec<u8>>>,
}

impl Opool {
    /// Pools for `sizing`.
    pub fn new(sizing: Sizing) -> Self {
        let classes = Classes::new(sizing);
        let pools = (0..classes.len())
            .map(|i| {
                opool::Pool::new(
                    POOL_CRATE_CAPACITY,
                    VecAllocator {
                        capacity: classes.size(i),
                    },
                )
            })
            .collect();
        Self { classes, pools }
    }
}

impl Contender for Opool {
    type Buf<'a> = opool::RefGuard<'a, VecAllocator, Vec<u8>>;

    #[inline]
    fn acquire(&self, size: usize) -> Self::Buf<'_> {
        self.pools[self.classes.route(size)].get()
    }

    #[inline]
    fn fill(&self, buf: &mut Self::Buf<'_>, size: usize, byte: u8) {
        buf.resize(size, byte);
    }

    #[inline]
    fn peek(&self, buf: &mut Self::Buf<'_>) -> *const u8 {
        buf.as_ptr()
    }
}

/// `object_pool::Pool` per class. The crate hands objects back as they were
/// returned, so `acquire` clears the `Vec` as its users must.
pub struct ObjectPool {
    classes: Classes,
    pools: Vec<object_pool::Pool<Vec<u8>>>,
}

impl ObjectPool {
    /// Pools for `sizing`.
    pub fn new(sizing: Sizing) -> Self {
        let classes = Classes::new(sizing);
        let pools = (0..classes.len())
            .map(|_| object_pool::Pool::new(0, Vec::new))
            .collect();
        Self { classes, pools }
    }
}

impl Contender for ObjectPool {
    type Buf<'a> = object_pool::Reusable<'a, Vec<u8>>;

    #[inline]
    fn acquire(&self, size: usize) -> Self::Buf<'_> {
        let i = self.classes.route(size);
        let capacity = self.classes.size(i);
        let mut buf = self.pools[i].pull(|| Vec::with_capacity(capacity));
        buf.clear();
        buf
    }

    #[inline]
    fn fill(&self, buf: &mut Self::Buf<'_>, size: usize, byte: u8) {
        buf.resize(size, byte);
    }

    #[inline]
    fn peek(&self, buf: &mut Self::Buf<'_>) -> *const u8 {
        buf.as_ptr()
    }
}

/// `byte_pool::BytePool` per class (it reuses a block only when its length
/// equals the request, so every request is rounded to its class size).
#[derive(Debug)]
pub struct BytePoolC {
    classes: Classes,
    pools: Vec<byte_pool::BytePool<Vec<u8>>>,
}

impl BytePoolC {
    /// Pools for `sizing`.
    pub fn new(sizing: Sizing) -> Self {
        let classes = Classes::new(sizing);
        let pools = (0..classes.len())
            .map(|_| byte_pool::BytePool::new())
            .collect();
        Self { classes, pools }
    }
}

impl Contender for BytePoolC {
    type Buf<'a> = byte_pool::Block<'a, Vec<u8>>;

    #[inline]
    fn acquire(&self, size: usize) -> Self::Buf<'_> {
        let i = self.classes.route(size);
        self.pools[i].alloc(self.classes.size(i))
    }

    #[inline]
    fn fill(&self, buf: &mut Self::Buf<'_>, size: usize, byte: u8) {
        buf[..size].fill(byte);
    }

    #[inline]
    fn peek(&self, buf: &mut Self::Buf<'_>) -> *const u8 {
        buf.as_ptr()
    }
}

/// Allocators called directly through their `GlobalAlloc` implementation.
#[allow(unsafe_code)]
pub mod raw {
    use super::*;

    /// A `GlobalAlloc` used as a contender.
    #[derive(Debug)]
    pub struct Raw<A>(pub A);

    /// One block from `A`, freed on drop.
    #[derive(Debug)]
    pub struct RawBuf<'a, A: GlobalAlloc> {
        ptr: NonNull<u8>,
        layout: Layout,
        alloc: &'a A,
    }

    // SAFETY: the block is owned exclusively by this value, and every
    // `GlobalAlloc` may free a block on a thread other than the one that
    // allocated it (the trait's contract has no thread affinity); `A: Sync`
    // makes the shared reference to the allocator sendable.
    unsafe impl<A: GlobalAlloc + Sync> Send for RawBuf<'_, A> {}

    impl<A: GlobalAlloc> Drop for RawBuf<'_, A> {
        #[inline]
        fn drop(&mut self) {
            // SAFETY: `ptr` came from `self.alloc.alloc(self.layout)` and is
            // freed exactly once, here.
            unsafe { self.alloc.dealloc(self.ptr.as_ptr(), self.layout) }
        }
    }

    impl<A: GlobalAlloc + Sync> Contender for Raw<A> {
        type Buf<'a>
            = RawBuf<'a, A>
        where
            A: 'a;

        #[inline]
        fn acquire(&self, size: usize) -> Self::Buf<'_> {
            let Ok(layout) = Layout::from_size_align(size.max(1), 1) else {
                panic!("request of {size} bytes has no layout");
            };
            // SAFETY: the layout has a non-zero size.
            let ptr = unsafe { self.0.alloc(layout) };
            let Some(ptr) = NonNull::new(ptr) else {
                handle_alloc_error(layout)
            };
            RawBuf {
                ptr,
                layout,
                alloc: &self.0,
            }
        }

        #[inline]
        fn fill(&self, buf: &mut Self::Buf<'_>, size: usize, byte: u8) {
            assert!(size <= buf.layout.size());
            // SAFETY: the block is valid for writes of `layout.size()` bytes,
            // `size` is within it (asserted), and nothing else refers to it.
            unsafe { std::ptr::write_bytes(buf.ptr.as_ptr(), byte, size) }
        }

        #[inline]
        fn peek(&self, buf: &mut Self::Buf<'_>) -> *const u8 {
            buf.ptr.as_ptr()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_route_to_a_class_that_fits() {
        let c = Classes::new(Sizing::Mixed {
            min: 1024,
            max: 4 << 20,
        });
        assert_eq!(c.len(), 13);
        for size in [
            1,
            1024,
            1025,
            4096,
            5000,
            65_536,
            1 << 20,
            (4 << 20) - 1,
            4 << 20,
        ] {
            let i = c.route(size);
            assert!(c.size(i) >= size, "{size} -> class {i} of {}", c.size(i));
            if i > 0 {
                assert!(c.size(i - 1) < size, "{size} should use a smaller class");
            }
        }
        let f = Classes::new(Sizing::Fixed(4096));
        assert_eq!((f.len(), f.route(4096), f.size(0)), (1, 0, 4096));
    }

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k));
        }
        assert_eq!(Kind::from_name("nope"), None);
    }

    struct FillCheck;
    impl Visit for FillCheck {
        type Out = ();
        fn visit<C: Contender>(self, c: &C) {
            for size in [1000, 4096] {
                let mut b = c.acquire(size);
                c.fill(&mut b, size, 0xAB);
                let p = c.peek(&mut b);
                assert!(!p.is_null());
                drop(b);
                // Second round trip comes from the pool for the pooling kinds.
                let mut b = c.acquire(size);
                c.fill(&mut b, size, 0xCD);
                drop(b);
            }
        }
    }

    #[test]
    fn every_contender_round_trips() {
        for k in Kind::ALL {
            dispatch(k, Sizing::Fixed(4096), FillCheck).unwrap();
            dispatch(
                k,
                Sizing::Mixed {
                    min: 1024,
                    max: 8192,
                },
                FillCheck,
            )
            .unwrap();
        }
    }
}

//! Size classes: four per doubling from 1 KiB to 16 MiB.
//!
//! Class 0 is 1 KiB. After it, every power-of-two group `(2^g, 2^(g+1)]` is
//! split into four equal steps of `2^(g-2)`: 1280, 1536, 1792, 2048, 2560, ...
//! A request is rounded up to the next class, so the worst-case waste is 25%.

/// Smallest class size in bytes; smaller requests are served from it.
pub const MIN_CLASS_SIZE: usize = 1 << MIN_SHIFT;
/// Largest pooled size in bytes; larger requests are served unpooled.
pub const MAX_CLASS_SIZE: usize = 1 << MAX_SHIFT;
/// Number of size classes.
pub const NUM_CLASSES: usize = (MAX_SHIFT - MIN_SHIFT) as usize * STEPS + 1;

/// Length of per-class arrays the fast paths index: the class count
/// rounded up to a power of two, so an index is masked with
/// `CLASS_SLOTS - 1` instead of bounds-checked. Slots past
/// [`NUM_CLASSES`] are never used by a buffer.
pub(crate) const CLASS_SLOTS: usize = NUM_CLASSES.next_power_of_two();
const _: () = assert!(NUM_CLASSES <= CLASS_SLOTS && CLASS_SLOTS <= 256);

const MIN_SHIFT: u32 = 10;
const MAX_SHIFT: u32 = 24;
const STEPS: usize = 4;

/// Class serving a request of `size` bytes, or `None` above [`MAX_CLASS_SIZE`].
#[inline]
// `(size + step - 1) / step` cannot overflow within the checked range, and
// compiles to an add and a shift; `div_ceil` adds a remainder test.
#[allow(clippy::manual_div_ceil)]
pub(crate) fn class_for_request(size: usize) -> Option<usize> {
    if size <= SMALL_MAX {
        // A shift and a load instead of the arithmetic below: the sizes
        // most requests have.
        return Some(usize::from(SMALL[(size + (SMALL_STEP - 1)) / SMALL_STEP]));
    }
    large_class(size)
}

/// [`class_for_request`] above [`SMALL_MAX`]. Out of line: inlined, the
/// compiler merged both lookups into one with the table, step and shift
/// chosen by the size, a few instructions more on every small request.
#[inline(never)]
#[allow(clippy::manual_div_ceil)]
fn large_class(size: usize) -> Option<usize> {
    if size > MAX_CLASS_SIZE {
        return None;
    }
    Some(usize::from(LARGE[(size + (LARGE_STEP - 1)) / LARGE_STEP]))
}

/// Requests up to this size are looked up in [`SMALL`].
const SMALL_MAX: usize = 64 << 10;
/// Every class size up to [`SMALL_MAX`] is a multiple of this, so a request
/// rounded up to it maps to the same class.
const SMALL_STEP: usize = 256;

/// Every class size above [`SMALL_MAX`] is a multiple of this.
const LARGE_STEP: usize = 16 << 10;

/// Class of every request up to [`SMALL_MAX`], by `size.div_ceil(SMALL_STEP)`.
static SMALL: [u8; SMALL_MAX / SMALL_STEP + 1] =
    class_table::<{ SMALL_MAX / SMALL_STEP + 1 }>(SMALL_STEP);
/// Class of every request up to [`MAX_CLASS_SIZE`], by
/// `size.div_ceil(LARGE_STEP)` (used above [`SMALL_MAX`]).
static LARGE: [u8; MAX_CLASS_SIZE / LARGE_STEP + 1] =
    class_table::<{ MAX_CLASS_SIZE / LARGE_STEP + 1 }>(LARGE_STEP);

/// Entry `i`: the smallest class of at least `i * step` bytes.
const fn class_table<const N: usize>(step: usize) -> [u8; N] {
    let mut t = [0u8; N];
    let mut i = 0;
    let mut k = 0;
    while i < N {
        while compute_class_size(k) < i * step {
            k += 1;
        }
        t[i] = k as u8;
        i += 1;
    }
    t
}

/// [`class_for_request`] by arithmetic: what the tables hold.
#[cfg(test)]
fn computed_class(size: usize) -> Option<usize> {
    if size <= MIN_CLASS_SIZE {
        return Some(0);
    }
    if size > MAX_CLASS_SIZE {
        return None;
    }
    let m = size - 1;
    // `g` is the power-of-two group `m` falls in, and `q` its quarter inside it.
    let g = usize::BITS - 1 - m.leading_zeros();
    let q = (m >> (g - 2)) & 3;
    Some((g - MIN_SHIFT) as usize * STEPS + q + 1)
}

/// Largest class whose size is at most `capacity`: the class a returned buffer
/// of that capacity can serve. `None` if it is too small or too large to pool.
#[inline]
pub(crate) fn class_for_capacity(capacity: usize) -> Option<usize> {
    if !(MIN_CLASS_SIZE..=MAX_CLASS_SIZE).contains(&capacity) {
        return None;
    }
    let k = class_for_request(capacity)?;
    if class_size(k) == capacity {
        Some(k)
    } else {
        Some(k - 1)
    }
}

/// Class sizes, for lookups on hot paths.
static CLASS_SIZES: [usize; NUM_CLASSES + 1] = {
    let mut t = [usize::MAX; NUM_CLASSES + 1];
    let mut k = 0;
    while k < NUM_CLASSES {
        t[k] = compute_class_size(k);
        k += 1;
    }
    t
};

/// Size in bytes of class `k`; `usize::MAX` for `k == NUM_CLASSES` (so
/// `class_size(k + 1)` bounds class `k` from above).
#[inline]
pub(crate) fn class_size(k: usize) -> usize {
    CLASS_SIZES.get(k).copied().unwrap_or(usize::MAX)
}

const fn compute_class_size(k: usize) -> usize {
    if k == 0 {
        return MIN_CLASS_SIZE;
    }
    let i = k - 1;
    let g = MIN_SHIFT as usize + i / STEPS;
    let q = i % STEPS;
    (1 << g) + ((q + 1) << (g - 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_increasing_and_cover_the_range() {
        assert_eq!(class_size(0), 1024);
        assert_eq!(class_size(NUM_CLASSES - 1), 16 << 20);
        for k in 1..NUM_CLASSES {
            assert!(class_size(k) > class_size(k - 1));
            // at most 25% growth per step: four steps per doubling
            assert!(class_size(k) * 4 <= class_size(k - 1) * 5);
        }
    }

    #[test]
    fn request_maps_to_smallest_fitting_class() {
        for size in [
            0,
            1,
            1023,
            1024,
            1025,
            1280,
            1281,
            2048,
            2049,
            33_000,
            65_536,
            65_537,
            16 << 20,
        ] {
            let k = class_for_request(size).unwrap();
            assert!(class_size(k) >= size, "size {size} class {k}");
            if k > 0 {
                assert!(
                    class_size(k - 1) < size,
                    "size {size} class {k} not smallest"
                );
            }
        }
        assert_eq!(class_for_request((16 << 20) + 1), None);
        // a 33 KB request is served by the 40 KiB class
        assert_eq!(class_size(class_for_request(33_000).unwrap()), 40 * 1024);
        assert_eq!(class_size(class_for_request(33 * 1024).unwrap()), 40 * 1024);
    }

    #[test]
    fn tables_agree_with_the_arithmetic() {
        for size in (0..=MAX_CLASS_SIZE + 1).step_by(97).chain([
            SMALL_MAX,
            SMALL_MAX + 1,
            MAX_CLASS_SIZE,
            MAX_CLASS_SIZE + 1,
        ]) {
            assert_eq!(class_for_request(size), computed_class(size), "size {size}");
        }
        for k in 0..NUM_CLASSES {
            let s = class_size(k);
            for size in [s - 1, s, s + 1] {
                assert_eq!(class_for_request(size), computed_class(size), "size {size}");
            }
        }
    }

    #[test]
    fn exhaustive_small_range_agrees_with_linear_search() {
        for size in 0..=70_000usize {
            let expect = (0..NUM_CLASSES).find(|&k| class_size(k) >= size);
            assert_eq!(class_for_request(size), expect, "size {size}");
        }
    }

    #[test]
    fn capacity_maps_to_largest_class_not_above_it() {
        assert_eq!(class_for_capacity(1023), None);
        assert_eq!(class_for_capacity(1024), Some(0));
        assert_eq!(class_for_capacity(1279), Some(0));
        assert_eq!(class_for_capacity(1280), Some(1));
        assert_eq!(class_for_capacity(16 << 20), Some(NUM_CLASSES - 1));
        assert_eq!(class_for_capacity((16 << 20) + 1), None);
        for cap in 1024..=70_000usize {
            let k = class_for_capacity(cap).unwrap();
            assert!(class_size(k) <= cap);
            assert!(k + 1 == NUM_CLASSES || class_size(k + 1) > cap);
        }
    }
}

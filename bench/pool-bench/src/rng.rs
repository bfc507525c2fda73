//! A small seeded generator, so the mixed workload is the same sequence of
//! sizes for every contender and every run.

/// SplitMix64: tiny, fast and statistically fine for choosing sizes.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// Next 64 random bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `[0, n)` (`n > 0`).
    #[inline]
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Log-uniform in `[min, max]`: every doubling is equally likely.
    #[inline]
    pub fn log_uniform(&mut self, min: usize, max: usize) -> usize {
        let (lo, hi) = ((min.max(1)) as f64, (max.max(min).max(1)) as f64);
        let v = lo * (hi / lo).powf(self.next_f64());
        (v as usize).clamp(min, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let (mut a, mut b) = (SplitMix64::new(7), SplitMix64::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(SplitMix64::new(8).next_u64(), SplitMix64::new(7).next_u64());
    }

    #[test]
    fn log_uniform_covers_each_doubling_evenly() {
        let mut r = SplitMix64::new(1);
        let (min, max) = (1024usize, 4 << 20);
        let mut per_doubling = [0u32; 12];
        let n = 120_000;
        for _ in 0..n {
            let s = r.log_uniform(min, max);
            assert!((min..=max).contains(&s));
            let d = (s.ilog2() - 10).min(11) as usize;
            per_doubling[d] += 1;
        }
        // 12 doublings, 10,000 expected in each.
        for c in per_doubling {
            assert!((9_000..11_000).contains(&c), "{per_doubling:?}");
        }
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = SplitMix64::new(3);
        let mut seen = [false; 5];
        for _ in 0..1000 {
            seen[r.below(5)] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }
}

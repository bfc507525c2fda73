//! Benchmarks of `sluice-pool` against allocators and buffer-pool crates.
//!
//! Every contender is driven through [`Contender`]: acquire a buffer of at
//! least `size` bytes, optionally write every byte, release it by dropping it.
//! The scenarios in [`scenarios`] are generic over it, so the Criterion benches
//! (`benches/scenarios.rs`) and the comparison runner (`src/bin/compare.rs`)
//! measure exactly the same code.
//!
//! Key types: [`Contender`], [`Kind`] (the named contenders), [`Visit`] and
//! [`dispatch`] (build a contender by name and run generic code on it).
//!
//! ```
//! use pool_bench::{Kind, Sizing, Visit, Contender, dispatch, scenarios};
//!
//! struct OneRun;
//! impl Visit for OneRun {
//!     type Out = std::time::Duration;
//!     fn visit<C: Contender>(self, c: &C) -> Self::Out {
//!         scenarios::acquire_write_release(c, 4096, 10)
//!     }
//! }
//! let elapsed = dispatch(Kind::Jemalloc, Sizing::Fixed(4096), OneRun)?;
//! assert!(elapsed.as_nanos() > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs, unreachable_pub)]
#![doc(test(attr(deny(warnings))))]
// Calling the allocators through `GlobalAlloc` needs `unsafe`; it is confined
// to `contenders::raw`, which opts back in.
#![deny(unsafe_code)]

pub mod contenders;
pub mod measure;
pub mod rng;
pub mod scenarios;

use std::fmt;

pub use contenders::{Contender, Kind, Sizing, Visit, dispatch};

/// The sizes every fixed-size scenario runs at.
pub const SIZES: [usize; 4] = [1 << 10, 4 << 10, 64 << 10, 1 << 20];

/// Errors of this crate: a contender that cannot be built.
#[derive(Debug)]
pub struct BenchError(pub String);

impl fmt::Display for BenchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BenchError {}

/// Human name of a size: `1KiB`, `64KiB`, `1MiB`.
pub fn size_label(size: usize) -> String {
    if size >= 1 << 20 && size.is_multiple_of(1 << 20) {
        format!("{}MiB", size >> 20)
    } else if size >= 1 << 10 && size.is_multiple_of(1 << 10) {
        format!("{}KiB", size >> 10)
    } else {
        format!("{size}B")
    }
}

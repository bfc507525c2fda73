//! The `sluice` binary's library half: the gateway and the scanner, kept
//! here so integration tests and embedding applications can drive them.
//!
//! - [`gateway`]: the screening HTTP gateway ([`gateway::app`],
//!   [`gateway::Server`]) and the [`gateway::ScreenLayer`] tower middleware.
//! - [`serve`]: `sluice serve` (configuration layering, signals, logging).
//! - [`scan`]: `sluice scan`.
//!
//! ```
//! use sluice::gateway::{GatewayConfig, parse_size};
//!
//! let config = GatewayConfig::from_toml("max_body = \"1MiB\"")?;
//! assert_eq!(config.max_body, parse_size("1MiB")?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs, unreachable_pub)]
#![doc(test(attr(deny(warnings))))]

pub mod gateway;
pub mod scan;
pub mod serve;

/// The top-level README's Rust examples, compiled and run as doctests so they
/// cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

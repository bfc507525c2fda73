//! The `sluice` binary's library half: the gateway and the scanner, kept
//! here so integration tests and embedding applications can drive them.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod scan;
pub mod serve;

//! Evaluation harnesses for `sluice-detect`: the labelled corpus, the OWASP CRS
//! regression tests, peers (ModSecurity + CRS, libinjection, aidefence) and the
//! metrics that compare them.
//!
//! Key types: [`corpus::Sample`] (one labelled line), [`crs::CrsTest`] (one CRS
//! attack request and its parts), [`engines::Engine`] (anything that can judge a
//! payload) and [`metrics::Report`] (the tables printed by the `eval` binary).

#![forbid(unsafe_code)]
#![warn(missing_docs, unreachable_pub)]

pub mod corpus;
pub mod crs;
pub mod engines;
pub mod inputs;
pub mod metrics;
pub mod peers;
pub mod urlenc;

//! Payload screening: decode, normalise, detect injection attacks and PII.

mod detectors;
mod finding;

pub use finding::{Category, RuleInfo, Severity};

//! The detectors, one module per category.
//!
//! Each module exposes `pub(crate) static RULES: &[RuleInfo]` and
//! `pub(crate) fn scan(text: &str, hits: &mut Vec<Hit>)`. `text` has already
//! been decoded and normalised by the engine (percent/HTML/JSON/JS escapes
//! undone, NFKC applied, zero-width and bidi controls removed) but NOT case
//! folded: detectors match case-insensitively themselves. Hit offsets are
//! byte offsets into `text` and must lie on char boundaries.

//! placeholder
use crate::finding::{Hit, RuleInfo};
pub(crate) static RULES: &[RuleInfo] = &[];
pub(crate) fn scan(_text: &str, _hits: &mut Vec<Hit>) {}

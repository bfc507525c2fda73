//! What a scan returns.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::decode::Decoding;
use crate::finding::{Category, Severity};

/// What to do about a finding, from weakest to strongest.
///
/// A [`Verdict`]'s action is the strongest action of its findings.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Report only; the finding does not make the payload a threat.
    #[default]
    Allow,
    /// Let the payload through and log the finding.
    Log,
    /// Let the payload through with the finding's text replaced.
    Redact,
    /// Reject the payload.
    Block,
}

impl Action {
    /// The action's stable name, as used in JSON and rules files.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Log => "log",
            Action::Redact => "redact",
            Action::Block => "block",
        }
    }
}

/// How to read a payload before decoding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum InputKind {
    /// Guess: JSON when it starts with `{` or `[` and parses, a form or query
    /// string when it is `key=value` pairs without spaces, text otherwise.
    #[default]
    Auto,
    /// Free text; scanned as one value.
    Text,
    /// A JSON document: every string key and value is scanned on its own
    /// after unescaping. Falls back to text when it does not parse.
    Json,
    /// An `application/x-www-form-urlencoded` body: keys and values are scanned
    /// separately, `+` is a space.
    Form,
    /// A URL query string, optionally with the path in front (`/p?a=1&b=2`).
    Query,
    /// An HTTP header value; cookie-style `a=b; c=d` values are split.
    Header,
    /// A URL path (percent-decoded, `+` stays a plus).
    Path,
    /// A parameter: a value taken out of its container (a multipart form
    /// field, a part of a query string) or a request body an application
    /// reads as data. Guessed like `Auto` (JSON, a form, else scanned whole),
    /// but never free text: the rules for parameters apply, which free text
    /// does not get (a value that is one whole command line or query).
    Value,
}

/// One rule match, located in the original input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The kind of problem.
    pub category: Category,
    /// The stable id of the rule that matched, for example `sqli-tautology`.
    pub rule_id: Cow<'static, str>,
    /// How serious the rule considers a match.
    pub severity: Severity,
    /// One line saying what the rule finds.
    pub description: Cow<'static, str>,
    /// Byte offset of the match in the original input.
    ///
    /// When the match was found in decoded text, the span covers the encoded
    /// form in the original (for text inside a JSON string, at least the
    /// string's own span). For valid UTF-8 input both offsets are on char
    /// boundaries.
    pub start: usize,
    /// Byte offset just past the match in the original input.
    pub end: usize,
    /// The original bytes of the match (lossily as UTF-8), cut to at most
    /// [`Finding::MAX_EXCERPT`] bytes.
    pub excerpt: String,
    /// The decodings that had to be undone to reveal the match, in the order
    /// they were applied; empty when the raw input matched.
    pub decoded_via: Vec<Decoding>,
    /// What to do about this finding, after the configured actions.
    pub action: Action,
}

impl Finding {
    /// Longest excerpt kept, in bytes (an ellipsis may follow).
    pub const MAX_EXCERPT: usize = 120;
}

/// The result of scanning one payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Verdict {
    /// Whether an attack finding (any category but PII) has an action other
    /// than [`Action::Allow`].
    pub threat: bool,
    /// Sum over findings whose action is not `Allow` of a weight per
    /// severity: low 1, medium 3, high 7, critical 15 (saturating).
    pub score: u32,
    /// The strongest action among the findings; `Allow` when there are none.
    pub action: Action,
    /// The findings, ordered by position in the input.
    pub findings: Vec<Finding>,
    /// Findings left out of `findings`: a verdict lists at most 8 per rule
    /// and 128 in all, so that a body full of e-mail addresses does not turn
    /// into a megabyte of verdict. A lower bound (past twice those caps a
    /// scan stops collecting); zero when the list is complete. Redaction is
    /// never bounded.
    #[serde(default)]
    pub findings_omitted: usize,
}

impl Verdict {
    /// Whether nothing at all was found.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Text with personal data replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Redacted {
    /// The text with each PII match replaced by `[REDACTED:<kind>]`.
    pub text: String,
    /// How many spans were replaced.
    pub count: usize,
}

/// Bytes, text or not, with personal data replaced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RedactedBytes {
    /// The input with each PII match replaced by `[REDACTED:<kind>]` and
    /// every other byte unchanged.
    pub bytes: Vec<u8>,
    /// How many spans were replaced.
    pub count: usize,
}

/// The weight of a severity in [`Verdict::score`].
pub(crate) fn severity_weight(s: Severity) -> u32 {
    match s {
        Severity::Low => 1,
        Severity::Medium => 3,
        Severity::High => 7,
        Severity::Critical => 15,
    }
}

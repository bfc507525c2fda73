//! Errors from building a detector.

use std::path::PathBuf;

/// Why a [`Detector`](crate::Detector) could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DetectError {
    /// The rules file is not valid TOML or does not follow the format.
    #[error("{origin}:{line}:{column}: {message}")]
    Rules {
        /// The file name, or `<rules>` for a string.
        origin: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A rule's `pattern` is not a valid regular expression, or is too large.
    #[error("rule `{id}`: invalid pattern: {source}")]
    Regex {
        /// The rule's id.
        id: String,
        /// The regex crate's explanation.
        #[source]
        source: Box<regex::Error>,
    },
    /// A rule is inconsistent (no pattern, duplicate id, ...).
    #[error("rule `{id}`: {message}")]
    InvalidRule {
        /// The rule's id.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// A rules file could not be read.
    #[error("cannot read rules file {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

//! The vocabulary shared by every detector: categories, severities and rule metadata.

use serde::{Deserialize, Serialize};

/// What kind of problem a finding is.
///
/// Every category but [`Category::Pii`] is an attack; PII is reported on its
/// own so that it can be redacted or logged without calling the payload a threat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// SQL injection.
    Sqli,
    /// Cross-site scripting (HTML/JavaScript injection).
    Xss,
    /// OS command injection and server-side template injection.
    Cmdi,
    /// Path traversal and access to sensitive files.
    PathTraversal,
    /// Instructions aimed at overriding an AI model's instructions.
    PromptInjection,
    /// Personal data and secrets.
    Pii,
}

impl Category {
    /// Every category, in a stable order.
    pub const ALL: [Category; 6] = [
        Category::Sqli,
        Category::Xss,
        Category::Cmdi,
        Category::PathTraversal,
        Category::PromptInjection,
        Category::Pii,
    ];

    /// The category's stable name, as used in JSON, rule files and metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Sqli => "sqli",
            Category::Xss => "xss",
            Category::Cmdi => "cmdi",
            Category::PathTraversal => "path_traversal",
            Category::PromptInjection => "prompt_injection",
            Category::Pii => "pii",
        }
    }

    /// Whether findings of this category make a payload a threat.
    pub fn is_attack(self) -> bool {
        self != Category::Pii
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; rarely worth blocking on its own.
    Low,
    /// Suspicious.
    Medium,
    /// Almost certainly hostile or sensitive.
    High,
    /// Hostile and dangerous if it reaches its target.
    Critical,
}

/// A built-in rule's identity: stable id, category, severity and a one-line description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Stable identifier, for example `sqli-tautology`.
    pub id: &'static str,
    /// The category of findings this rule produces.
    pub category: Category,
    /// The severity of findings this rule produces.
    pub severity: Severity,
    /// One line saying what the rule finds.
    pub description: &'static str,
}

/// One rule match inside the text handed to a detector.
///
/// Offsets are byte offsets into that text; the engine maps them back to the
/// original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) rule: &'static RuleInfo,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

//! The gateway's view of the buffer pool and the detector.
//!
//! Everything the gateway needs from `sluice-pool` and `sluice-detect` goes
//! through this module. [`BodyPool`] adds the gateway's own accounting on top
//! of the pool: the bytes request bodies hold and the requests waiting for
//! memory, both read on every request to decide about load shedding, so they
//! must be two atomic loads rather than a statistics snapshot.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;
use serde::{Deserialize, Serialize};

pub use sluice_detect::Category;

/// The checked-out cap the gateway uses when the configuration names none.
pub const DEFAULT_CHECKED_OUT_CAP: usize = 256 * 1024 * 1024;

// ===== BodyPool =====

/// The pool request bodies are read into, with the gateway's accounting.
#[derive(Debug, Clone)]
pub struct BodyPool {
    pool: Pool,
    cap: usize,
    held: Arc<AtomicUsize>,
    waiting: Arc<AtomicUsize>,
}

/// A body buffer; its bytes count as held until it (or the `Bytes` made by
/// [`BodyBuf::freeze`]) is dropped.
#[derive(Debug)]
pub struct BodyBuf {
    buf: PooledBuf,
    charged: usize,
    held: Arc<AtomicUsize>,
}

struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl BodyPool {
    /// Builds the pool; `config.max_checked_out_bytes` must be set.
    pub fn new(config: PoolConfig) -> Result<Self, String> {
        let cap = config
            .max_checked_out_bytes
            .unwrap_or(DEFAULT_CHECKED_OUT_CAP);
        let config = PoolConfig {
            max_checked_out_bytes: Some(cap),
            ..config
        };
        let pool = Pool::new(config).map_err(|e| e.to_string())?;
        Ok(Self {
            pool,
            cap,
            held: Arc::new(AtomicUsize::new(0)),
            waiting: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// The underlying pool.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The cap on checked-out bytes.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Bytes request bodies hold right now.
    pub fn held_bytes(&self) -> usize {
        self.held.load(Ordering::Acquire)
    }

    /// Requests waiting for pool memory right now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Acquire)
    }

    /// A buffer of at least `capacity` bytes, waiting while the pool's cap
    /// would be exceeded.
    pub async fn acquire(&self, capacity: usize) -> BodyBuf {
        self.waiting.fetch_add(1, Ordering::AcqRel);
        let guard = Waiting(&self.waiting);
        let buf = self.pool.acquire_async(capacity).await;
        drop(guard);
        self.held.fetch_add(capacity, Ordering::AcqRel);
        BodyBuf {
            buf,
            charged: capacity,
            held: Arc::clone(&self.held),
        }
    }
}

impl BodyBuf {
    /// Appends `data`.
    pub fn extend_from_slice(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }

    /// Bytes the buffer holds without growing.
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Bytes written.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.buf.len() == 0
    }

    /// `Bytes` that return the buffer to the pool when the last clone drops.
    pub fn freeze(self) -> Bytes {
        Bytes::from_owner(self)
    }
}

impl AsRef<[u8]> for BodyBuf {
    fn as_ref(&self) -> &[u8] {
        self.buf.as_slice()
    }
}

impl std::ops::Deref for BodyBuf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.buf.as_slice()
    }
}

impl Drop for BodyBuf {
    fn drop(&mut self) {
        self.held.fetch_sub(self.charged, Ordering::AcqRel);
    }
}

// ===== pool =====

pub use sluice_pool::{
    Health, HealthStatus, Pool, PoolConfig, PoolStats, PooledBuf, PressureLevel,
};

// ===== detector =====

/// How to interpret a payload before screening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Guess from the content.
    Auto,
    /// Free text.
    Text,
    /// A JSON document: every string is screened.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// A URL query string.
    Query,
    /// A header value.
    Header,
    /// A URL path.
    Path,
}

/// What the detector recommends for a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Nothing found.
    Allow,
    /// Worth logging.
    Log,
    /// Personal data to redact.
    Redact,
    /// Hostile.
    Block,
}

/// One finding in a verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// What kind of problem.
    pub category: Category,
    /// The rule that matched.
    pub rule_id: String,
    /// Byte offset of the match.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// The matched text, shortened.
    pub excerpt: String,
}

/// The detector's verdict on one payload.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// Whether any attack was found.
    pub threat: bool,
    /// 0.0 for clean, up to 1.0.
    pub score: f32,
    /// What the detector recommends.
    pub action: Action,
    /// Everything found.
    pub findings: Vec<Finding>,
}

/// The detector the gateway screens with.
#[derive(Debug, Default)]
pub struct Detector {}

const RULES: &[(&str, Category, &str)] = &[
    ("sqli-tautology", Category::Sqli, "' or '1'='1"),
    ("sqli-tautology", Category::Sqli, " or 1=1"),
    ("sqli-union", Category::Sqli, "union select"),
    ("sqli-stacked", Category::Sqli, "; drop table"),
    ("xss-script", Category::Xss, "<script"),
    ("xss-handler", Category::Xss, "onerror="),
    ("xss-js-uri", Category::Xss, "javascript:"),
    ("cmdi-chain", Category::Cmdi, "; cat "),
    ("cmdi-subst", Category::Cmdi, "$("),
    ("path-traversal", Category::PathTraversal, "../"),
    ("path-sensitive", Category::PathTraversal, "/etc/passwd"),
    (
        "prompt-ignore",
        Category::PromptInjection,
        "ignore all previous instructions",
    ),
];

fn percent_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let b = input[i];
        if b == b'%' && i + 2 < input.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(input[i + 1]), hex(input[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if b == b'+' { b' ' } else { b });
        i += 1;
    }
    out
}

fn emails(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'+');
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'@' {
            let mut s = i;
            while s > 0 && word(bytes[s - 1]) {
                s -= 1;
            }
            let mut e = i + 1;
            while e < bytes.len() && word(bytes[e]) {
                e += 1;
            }
            let domain = &text[i + 1..e];
            if s < i && domain.contains('.') && !domain.ends_with('.') {
                out.push((s, e));
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// A redacted copy of a text.
#[derive(Debug, Clone)]
pub struct Redacted {
    /// The text with personal data replaced.
    pub text: String,
    /// How many spans were replaced.
    pub count: usize,
}

impl Detector {
    /// The detector with the built-in rules.
    pub fn new() -> Self {
        Self {}
    }

    /// Loads extra rules from a file.
    pub fn with_rules_file(path: &std::path::Path) -> Result<Self, String> {
        std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self::new())
    }

    /// Screens `input` read as `kind`.
    pub fn scan_as(&self, input: &[u8], kind: InputKind) -> Verdict {
        let decoded = match kind {
            InputKind::Json => input.to_vec(),
            _ => percent_decode(input),
        };
        let text = String::from_utf8_lossy(&decoded).to_lowercase();
        let mut findings = Vec::new();
        for (id, cat, needle) in RULES {
            if let Some(pos) = text.find(needle) {
                findings.push(Finding {
                    category: *cat,
                    rule_id: (*id).to_owned(),
                    start: pos,
                    end: pos + needle.len(),
                    excerpt: (*needle).to_owned(),
                });
            }
        }
        for (s, e) in emails(&text) {
            findings.push(Finding {
                category: Category::Pii,
                rule_id: "pii-email".to_owned(),
                start: s,
                end: e,
                excerpt: "[email]".to_owned(),
            });
        }
        let threat = findings.iter().any(|f| f.category.is_attack());
        let action = if threat {
            Action::Block
        } else if findings.is_empty() {
            Action::Allow
        } else {
            Action::Redact
        };
        Verdict {
            threat,
            score: if threat { 1.0 } else { 0.0 },
            action,
            findings,
        }
    }

    /// Replaces personal data in `text`.
    pub fn redact(&self, text: &str) -> Redacted {
        let spans = emails(text);
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (s, e) in &spans {
            out.push_str(&text[last..*s]);
            out.push_str("[REDACTED:email]");
            last = *e;
        }
        out.push_str(&text[last..]);
        Redacted {
            text: out,
            count: spans.len(),
        }
    }
}

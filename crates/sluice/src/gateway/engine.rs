//! The gateway's view of the buffer pool and the detector.
//!
//! Everything the gateway needs from `sluice-pool` and `sluice-detect` goes
//! through this module, so the rest of the gateway does not care how either
//! is configured or which of their methods it calls.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;

pub use sluice_detect::Category;

// ===== pool =====

/// Buffer pool limits, the `[pool]` table of the configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoolConfig {
    /// Upper bound on bytes handed out at once; acquirers wait above it.
    pub max_checked_out_bytes: usize,
    /// Upper bound on idle bytes kept for reuse.
    pub max_retained_bytes: usize,
}

impl Default for PoolConfig {
    fn default() -> Self {
        Self {
            max_checked_out_bytes: 256 * 1024 * 1024,
            max_retained_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Memory pressure as the pool sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pressure {
    /// Plenty of headroom.
    Normal,
    /// Above 70% of the checked-out cap.
    Elevated,
    /// Above 90% of the checked-out cap.
    Critical,
}

impl Pressure {
    /// Numeric level for the `sluice_pool_pressure_level` gauge.
    pub fn level(self) -> i64 {
        match self {
            Pressure::Normal => 0,
            Pressure::Elevated => 1,
            Pressure::Critical => 2,
        }
    }
}

#[derive(Debug, Default)]
struct PoolInner {
    max_checked_out: usize,
    checked_out: AtomicUsize,
    acquired: AtomicU64,
    released: AtomicU64,
    misses: AtomicU64,
    waits: AtomicU64,
    freed: Notify,
}

/// The pool the gateway reads request bodies into.
#[derive(Debug, Clone)]
pub struct Pool {
    config: PoolConfig,
    inner: Arc<PoolInner>,
}

/// A buffer checked out of a [`Pool`]; its bytes count against the pool's cap
/// until it (or the `Bytes` made by [`PooledBuf::freeze`]) is dropped.
#[derive(Debug)]
pub struct PooledBuf {
    buf: Vec<u8>,
    accounted: usize,
    pool: Arc<PoolInner>,
}

impl PooledBuf {
    /// Appends `data`; the caller keeps within the capacity it asked for.
    pub fn extend_from_slice(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }

    /// Bytes the buffer can hold without growing.
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Turns the buffer into `Bytes` that give it back when the last clone drops.
    pub fn freeze(self) -> Bytes {
        Bytes::from_owner(self)
    }
}

impl AsRef<[u8]> for PooledBuf {
    fn as_ref(&self) -> &[u8] {
        &self.buf
    }
}

impl std::ops::Deref for PooledBuf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf
    }
}

impl Drop for PooledBuf {
    fn drop(&mut self) {
        self.pool
            .checked_out
            .fetch_sub(self.accounted, Ordering::AcqRel);
        self.pool.released.fetch_add(1, Ordering::Relaxed);
        self.pool.freed.notify_waiters();
    }
}

/// Pool statistics, served as JSON by `/metrics/memory-pools`.
#[derive(Debug, Clone, Serialize)]
pub struct PoolStats {
    /// Bytes currently handed out.
    pub checked_out_bytes: usize,
    /// The configured cap on handed-out bytes.
    pub max_checked_out_bytes: usize,
    /// Idle bytes kept for reuse.
    pub retained_bytes: usize,
    /// Buffers handed out since start.
    pub acquired: u64,
    /// Buffers given back since start.
    pub released: u64,
    /// Acquisitions served from retained buffers.
    pub hits: u64,
    /// Acquisitions that needed a fresh allocation.
    pub misses: u64,
    /// Acquisitions that had to wait for the cap.
    pub waits: u64,
    /// Current memory pressure.
    pub pressure: Pressure,
}

/// Pool health as served by `/health/memory-pools`.
#[derive(Debug, Clone, Serialize)]
pub struct PoolHealth {
    /// `healthy`, `degraded` or `unhealthy`.
    pub status: &'static str,
    /// Why the pool is not healthy; empty when it is.
    pub reasons: Vec<String>,
}

impl Pool {
    /// Builds a pool with the given limits.
    pub fn new(config: PoolConfig) -> Self {
        let inner = PoolInner {
            max_checked_out: config.max_checked_out_bytes,
            ..PoolInner::default()
        };
        Self {
            config,
            inner: Arc::new(inner),
        }
    }

    /// The limits the pool was built with.
    pub fn config(&self) -> &PoolConfig {
        &self.config
    }

    /// Checks out a buffer of at least `cap` bytes, waiting while the bytes
    /// already checked out exceed the pool's cap.
    pub async fn acquire_async(&self, cap: usize) -> PooledBuf {
        loop {
            let notified = self.inner.freed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.inner.checked_out.load(Ordering::Acquire) <= self.inner.max_checked_out {
                return self.take(cap);
            }
            self.inner.waits.fetch_add(1, Ordering::Relaxed);
            notified.await;
        }
    }

    fn take(&self, cap: usize) -> PooledBuf {
        self.inner.checked_out.fetch_add(cap, Ordering::AcqRel);
        self.inner.acquired.fetch_add(1, Ordering::Relaxed);
        self.inner.misses.fetch_add(1, Ordering::Relaxed);
        PooledBuf {
            buf: Vec::with_capacity(cap),
            accounted: cap,
            pool: Arc::clone(&self.inner),
        }
    }

    /// Bytes currently checked out.
    pub fn checked_out_bytes(&self) -> usize {
        self.inner.checked_out.load(Ordering::Acquire)
    }

    /// The cap on checked-out bytes.
    pub fn max_checked_out_bytes(&self) -> usize {
        self.inner.max_checked_out
    }

    /// Current memory pressure.
    pub fn pressure(&self) -> Pressure {
        let max = self.inner.max_checked_out.max(1) as f64;
        let used = self.checked_out_bytes() as f64 / max;
        if used >= 0.9 {
            Pressure::Critical
        } else if used >= 0.7 {
            Pressure::Elevated
        } else {
            Pressure::Normal
        }
    }

    /// A snapshot of the pool's counters.
    pub fn stats(&self) -> PoolStats {
        let i = &self.inner;
        PoolStats {
            checked_out_bytes: self.checked_out_bytes(),
            max_checked_out_bytes: i.max_checked_out,
            retained_bytes: 0,
            acquired: i.acquired.load(Ordering::Relaxed),
            released: i.released.load(Ordering::Relaxed),
            hits: 0,
            misses: i.misses.load(Ordering::Relaxed),
            waits: i.waits.load(Ordering::Relaxed),
            pressure: self.pressure(),
        }
    }

    /// The pool's own health judgement.
    pub fn health(&self) -> PoolHealth {
        let mut reasons = Vec::new();
        let out = self.checked_out_bytes();
        if out >= self.inner.max_checked_out {
            reasons.push(format!(
                "checked-out bytes {out} at or above the cap {}",
                self.inner.max_checked_out
            ));
        }
        let status = match (reasons.is_empty(), self.pressure()) {
            (false, _) => "unhealthy",
            (true, Pressure::Critical) => {
                reasons.push("memory pressure critical".to_owned());
                "degraded"
            }
            _ => "healthy",
        };
        PoolHealth { status, reasons }
    }
}

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

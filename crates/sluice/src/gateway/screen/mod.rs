//! Request screening: [`Screener`] holds the policy, [`ScreenLayer`] applies
//! it to any tower service ([`ScreenService`], [`ResponseFuture`]).
mod body;
mod decode;
mod future;
mod layer;
mod service;

pub use future::ResponseFuture;
pub use layer::ScreenLayer;
pub use service::ScreenService;

use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Buf, Bytes};
use http::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING};
use http::{HeaderMap, HeaderName, HeaderValue, Request, Response, StatusCode};
use http_body::Body;
use http_body_util::BodyExt;
use serde::Serialize;
use serde_json::json;

use super::config::{CategoryAction, GatewayConfig, ShedConfig};
use super::engine::{Action, BodyBuf, BodyPool, Category, Detector, Finding, InputKind, Verdict};
use super::error::{Outcome, busy_response, error_response, request_id};
use super::metrics::Metrics;

/// Why a request was refused before reaching the inner service.
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// The body is larger than the limit.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The client did not send the body in time.
    BodyTimeout,
    /// The body could not be read.
    BadBody(String),
    /// The pool is above its shedding threshold or could not lend memory in time.
    Busy {
        /// Seconds for `Retry-After`.
        retry_after: u64,
        /// What was over the threshold.
        reason: &'static str,
    },
    /// The body's `Content-Encoding` cannot be undone for screening
    /// (unknown, or too many stacked); answered 415.
    UnsupportedEncoding(String),
    /// A finding in a blocking category.
    Blocked {
        /// The blocking findings.
        threats: Vec<Threat>,
    },
}

/// A blocking finding as reported to the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Threat {
    /// Where it was found: `path`, `query`, `header:<name>` or `body`.
    pub location: String,
    /// The category.
    pub category: Category,
    /// The rule.
    pub rule_id: String,
}

impl Rejection {
    /// The JSON answer for this rejection.
    pub fn into_response<B: From<Bytes>>(self, request_id: &str) -> Response<B> {
        match self {
            Rejection::TooLarge { limit } => {
                let mut res = error_response(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "request body too large",
                    request_id,
                    Some(json!({ "limit_bytes": limit })),
                );
                // The rest of the body is never read, so the connection cannot be reused.
                res.headers_mut()
                    .insert(http::header::CONNECTION, HeaderValue::from_static("close"));
                res
            }
            Rejection::BodyTimeout => {
                let mut res = error_response(
                    StatusCode::REQUEST_TIMEOUT,
                    "request body not received in time",
                    request_id,
                    None,
                );
                res.headers_mut()
                    .insert(http::header::CONNECTION, HeaderValue::from_static("close"));
                res
            }
            Rejection::BadBody(msg) => {
                error_response(StatusCode::BAD_REQUEST, &msg, request_id, None)
            }
            Rejection::UnsupportedEncoding(msg) => error_response(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "request body encoding not supported",
                request_id,
                Some(json!({ "reason": msg })),
            ),
            Rejection::Busy {
                retry_after,
                reason,
            } => busy_response(request_id, retry_after, reason),
            Rejection::Blocked { threats } => {
                let mut res = error_response(
                    StatusCode::FORBIDDEN,
                    "request blocked by screening",
                    request_id,
                    Some(json!({ "threats": threats })),
                );
                res.extensions_mut().insert(Outcome("blocked"));
                res
            }
        }
    }
}

/// The screening policy: detector, pool, limits and per-category actions.
///
/// Cheap to clone: everything heavy is shared.
#[derive(Debug, Clone)]
pub struct Screener {
    inner: Arc<Inner>,
}

#[derive(Debug, Clone)]
struct Inner {
    detector: Arc<Detector>,
    bodies: BodyPool,
    max_body: usize,
    body_read_timeout: Duration,
    blocking_threshold: usize,
    scan_permits: Arc<tokio::sync::Semaphore>,
    headers: HeaderSelection,
    opaque: body::OpaqueTypes,
    actions: Vec<(Category, CategoryAction)>,
    shed: ShedConfig,
    metrics: Option<Arc<Metrics>>,
}

const FIRST_CHUNK: usize = 16 * 1024;

/// Which request headers are screened.
#[derive(Debug, Clone)]
enum HeaderSelection {
    /// Only these.
    Listed(Vec<HeaderName>),
    /// All but these names and prefixes (lower case).
    AllExcept {
        names: Vec<String>,
        prefixes: Vec<String>,
    },
}

impl HeaderSelection {
    fn from_config(config: &GatewayConfig) -> Self {
        if config.screen_headers.iter().any(|h| h == "*") {
            Self::all_except(&config.skip_headers)
        } else {
            Self::Listed(
                config
                    .screen_headers
                    .iter()
                    .filter_map(|h| HeaderName::from_bytes(h.as_bytes()).ok())
                    .collect(),
            )
        }
    }

    fn all_except(skip: &[impl AsRef<str>]) -> Self {
        let mut names = Vec::new();
        let mut prefixes = Vec::new();
        for h in skip {
            let h = h.as_ref().to_ascii_lowercase();
            match h.strip_suffix('*') {
                Some(p) => prefixes.push(p.to_owned()),
                None => names.push(h),
            }
        }
        Self::AllExcept { names, prefixes }
    }

    fn selects(&self, name: &HeaderName) -> bool {
        match self {
            Self::Listed(list) => list.contains(name),
            Self::AllExcept { names, prefixes } => {
                let n = name.as_str();
                !names.iter().any(|s| s == n) && !prefixes.iter().any(|p| n.starts_with(p.as_str()))
            }
        }
    }
}

impl Screener {
    /// A screener with the gateway's defaults: 10 MiB bodies, 30 s body
    /// timeout, every header but transport ones screened, attacks blocked,
    /// personal data and prompt injection logged.
    pub fn new(detector: Detector, bodies: BodyPool) -> Self {
        Self::with_config(Arc::new(detector), bodies, &GatewayConfig::default(), None)
    }

    /// A screener following `config`.
    pub fn with_config(
        detector: Arc<Detector>,
        bodies: BodyPool,
        config: &GatewayConfig,
        metrics: Option<Arc<Metrics>>,
    ) -> Self {
        let headers = HeaderSelection::from_config(config);
        let actions = Category::ALL
            .iter()
            .filter_map(|c| config.action_for(*c).map(|a| (*c, a)))
            .collect();
        Self {
            inner: Arc::new(Inner {
                detector,
                bodies,
                max_body: config.max_body,
                body_read_timeout: config.body_read_timeout,
                blocking_threshold: config.blocking_scan_threshold,
                scan_permits: Arc::new(tokio::sync::Semaphore::new(
                    config.effective_scan_concurrency(),
                )),
                headers,
                opaque: body::OpaqueTypes::new(&config.opaque_body_types),
                actions,
                shed: config.shed.clone(),
                metrics,
            }),
        }
    }

    fn edit(mut self, f: impl FnOnce(&mut Inner)) -> Self {
        f(Arc::make_mut(&mut self.inner));
        self
    }

    /// Sets the largest body accepted, in bytes.
    pub fn max_body(self, bytes: usize) -> Self {
        self.edit(|i| i.max_body = bytes)
    }

    /// Sets how long a client may take to send the body.
    pub fn body_read_timeout(self, d: Duration) -> Self {
        self.edit(|i| i.body_read_timeout = d)
    }

    /// Sets how long a request may wait for pool memory before it gets 503.
    pub fn acquire_timeout(self, d: Duration) -> Self {
        self.edit(|i| i.shed.acquire_timeout = d)
    }

    /// Sets the action for one category, overriding the detector's.
    pub fn action(self, category: Category, action: CategoryAction) -> Self {
        self.edit(|i| {
            i.actions.retain(|(c, _)| *c != category);
            i.actions.push((category, action));
        })
    }

    /// Screens only these request headers.
    pub fn screen_headers(self, names: impl IntoIterator<Item = HeaderName>) -> Self {
        let names = names.into_iter().collect();
        self.edit(|i| i.headers = HeaderSelection::Listed(names))
    }

    /// Screens every request header except these names or prefixes ending
    /// in `*` (the default, with [`DEFAULT_SKIP_HEADERS`](crate::gateway::DEFAULT_SKIP_HEADERS)).
    pub fn screen_all_headers_except<S: AsRef<str>>(
        self,
        skip: impl IntoIterator<Item = S>,
    ) -> Self {
        let skip: Vec<S> = skip.into_iter().collect();
        self.edit(|i| i.headers = HeaderSelection::all_except(&skip))
    }

    /// The pool bodies are read into.
    pub fn bodies(&self) -> &BodyPool {
        &self.inner.bodies
    }

    /// The detector.
    pub fn detector(&self) -> &Arc<Detector> {
        &self.inner.detector
    }

    /// The body limit in bytes.
    pub fn body_limit(&self) -> usize {
        self.inner.max_body
    }

    /// The gateway's action for a finding: the override for its category,
    /// else the action the detector chose for it.
    fn action_of(&self, f: &Finding) -> CategoryAction {
        if let Some((_, a)) = self.inner.actions.iter().find(|(c, _)| *c == f.category) {
            return *a;
        }
        match f.action {
            Action::Allow => CategoryAction::Allow,
            Action::Log => CategoryAction::Log,
            Action::Redact => CategoryAction::Redact,
            Action::Block => CategoryAction::Block,
        }
    }

    /// The action for a finding at `location`. Personal data in a header
    /// (an e-mail in `from`, a session token resembling a card number) is
    /// the client's own and rewriting a header breaks what carries it
    /// (cookies, credentials): it is reported, never blocked or redacted.
    fn action_at(&self, location: &str, f: &Finding) -> CategoryAction {
        let action = self.action_of(f);
        if f.category == Category::Pii && location.starts_with("header:") {
            return action.min(CategoryAction::Log);
        }
        action
    }

    /// Refuses new work while the pool is above the shedding threshold.
    pub fn admit(&self) -> Result<(), Rejection> {
        let bodies = &self.inner.bodies;
        let shed = &self.inner.shed;
        let cap = bodies.body_budget() as f64;
        let busy = |reason| {
            Err(Rejection::Busy {
                retry_after: shed.retry_after_secs,
                reason,
            })
        };
        if bodies.held_bytes() as f64 >= cap * shed.checked_out_ratio {
            return busy("body memory above the shedding threshold");
        }
        if let Some(level) = shed.pressure {
            if level.reached_by(bodies.pressure()) {
                return busy("pool memory pressure above the shedding threshold");
            }
        }
        Ok(())
    }

    async fn acquire(&self, cap: usize) -> Result<BodyBuf, Rejection> {
        let shed = &self.inner.shed;
        tokio::time::timeout(shed.acquire_timeout, self.inner.bodies.acquire(cap))
            .await
            .map_err(|_| Rejection::Busy {
                retry_after: shed.retry_after_secs,
                reason: "timed out waiting for pool memory",
            })
    }

    /// Reads a whole body into a pooled buffer.
    ///
    /// A declared `Content-Length` over the limit is refused before any byte
    /// is read; a body without one is refused as soon as it crosses the limit.
    pub async fn read_body<B>(&self, headers: &HeaderMap, body: B) -> Result<Bytes, Rejection>
    where
        B: Body,
        B::Error: std::fmt::Display,
    {
        let limit = self.inner.max_body;
        let declared = headers
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if let Some(n) = declared {
            if n > limit as u64 {
                return Err(Rejection::TooLarge { limit });
            }
            if n == 0 {
                return Ok(Bytes::new());
            }
        }
        let deadline = tokio::time::Instant::now() + self.inner.body_read_timeout;
        let read = async {
            let mut body = std::pin::pin!(body);
            let mut buf: Option<BodyBuf> = match declared {
                // usize: `n <= limit` was checked above.
                Some(n) => Some(self.acquire(n as usize).await?),
                None => None,
            };
            while let Some(frame) = body.frame().await {
                let frame = frame.map_err(|e| Rejection::BadBody(format!("body: {e}")))?;
                let Ok(mut data) = frame.into_data() else {
                    continue;
                };
                if !data.has_remaining() {
                    continue;
                }
                let have = buf.as_ref().map_or(0, |b| b.len());
                let need = have + data.remaining();
                if need > limit {
                    return Err(Rejection::TooLarge { limit });
                }
                let cap = buf.as_ref().map_or(0, |b| b.capacity());
                if need > cap {
                    // Grow by doubling, within the limit, so a chunked body
                    // only holds pool memory in proportion to what it sent.
                    let new_cap = need.max(cap * 2).max(FIRST_CHUNK).min(limit);
                    let mut bigger = self.acquire(new_cap).await?;
                    if let Some(old) = buf.take() {
                        bigger.extend_from_slice(&old);
                    }
                    buf = Some(bigger);
                }
                if let Some(b) = buf.as_mut() {
                    while data.has_remaining() {
                        let chunk = data.chunk();
                        let n = chunk.len();
                        b.extend_from_slice(chunk);
                        data.advance(n);
                    }
                }
            }
            Ok(buf.map_or_else(Bytes::new, BodyBuf::freeze))
        };
        match tokio::time::timeout_at(deadline, read).await {
            Ok(r) => r,
            Err(_) => Err(Rejection::BodyTimeout),
        }
    }

    /// Refuses a body whose `Content-Encoding` cannot be undone, before
    /// any of it is read.
    pub fn check_encoding(&self, headers: &HeaderMap) -> Result<(), Rejection> {
        decode::codings(headers)
            .map(drop)
            .map_err(|e| self.decode_rejection(e))
    }

    /// The body as the application will read it, when that differs from
    /// the bytes sent: its `Content-Encoding` undone (the decoded size
    /// bounded by the body limit) and UTF-16 text turned into UTF-8.
    ///
    /// Decoding runs on the blocking pool under a scan permit: a small
    /// compressed body may inflate to the limit, and that memory is the
    /// detector working memory the scan reserve sets aside.
    pub async fn decoded(
        &self,
        headers: &HeaderMap,
        raw: &Bytes,
    ) -> Result<Option<Bytes>, Rejection> {
        let codings = decode::codings(headers).map_err(|e| self.decode_rejection(e))?;
        let utf16 = decode::utf16_charset(headers);
        if raw.is_empty() || (codings.is_empty() && utf16.is_none()) {
            return Ok(None);
        }
        let limit = self.inner.max_body;
        let raw = raw.clone();
        let out = self
            .with_detector(usize::MAX, move |_| {
                let mut bytes = if codings.is_empty() {
                    raw.to_vec()
                } else {
                    decode::decode(&raw, &codings, limit)?
                };
                if let Some(cs) = utf16 {
                    bytes = decode::to_utf8(&bytes, cs, limit)?;
                }
                Ok::<_, decode::DecodeError>(bytes)
            })
            .await
            .map_err(|e| self.decode_rejection(e))?;
        Ok(Some(Bytes::from(out)))
    }

    fn decode_rejection(&self, e: decode::DecodeError) -> Rejection {
        match e {
            decode::DecodeError::Unsupported(m) => Rejection::UnsupportedEncoding(m),
            decode::DecodeError::Corrupt(m) => {
                Rejection::BadBody(format!("cannot decode the request body: {m}"))
            }
            decode::DecodeError::TooLarge => Rejection::TooLarge {
                limit: self.inner.max_body,
            },
        }
    }

    /// Screens one payload, on the blocking pool when it is large.
    pub async fn scan(&self, payload: Bytes, kind: InputKind) -> Verdict {
        let len = payload.len();
        let verdict = self
            .with_detector(len, move |d| d.scan_as(&payload, kind))
            .await;
        self.record(len, &verdict);
        verdict
    }

    /// Runs `work` with the detector: inline for an input under the
    /// blocking threshold, where a hop to the blocking pool costs more than
    /// the work, else on the blocking pool under a scan permit, so that
    /// large bodies neither stall the async workers nor run more at once
    /// than the scan reserve allows for.
    async fn with_detector<T, F>(&self, len: usize, work: F) -> T
    where
        F: Fn(&Detector) -> T + Send + Sync + 'static,
        T: Send + 'static,
    {
        if len < self.inner.blocking_threshold {
            return work(&self.inner.detector);
        }
        // The semaphore is never closed, so acquiring only fails if it
        // were; working without a permit is then the right fallback.
        let permit = Arc::clone(&self.inner.scan_permits)
            .acquire_owned()
            .await
            .ok();
        let detector = Arc::clone(&self.inner.detector);
        let work = Arc::new(work);
        let job = Arc::clone(&work);
        let done = tokio::task::spawn_blocking(move || {
            let out = job(&detector);
            drop(permit);
            out
        });
        match done.await {
            Ok(out) => out,
            // A panic in the work would only panic again here, on a runtime
            // worker: pass it on as it is.
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // The blocking pool is gone (runtime shutting down): work here.
            Err(_) => work(&self.inner.detector),
        }
    }

    fn scan_small(&self, payload: &[u8], kind: InputKind) -> Verdict {
        let verdict = self.inner.detector.scan_as(payload, kind);
        self.record(payload.len(), &verdict);
        verdict
    }

    fn record(&self, len: usize, verdict: &Verdict) {
        if let Some(m) = &self.inner.metrics {
            m.observe_scanned(len);
            for f in &verdict.findings {
                m.observe_finding(f.category, &f.rule_id);
            }
        }
    }

    /// Screens a whole request: path, query, selected headers, body.
    ///
    /// Returns the request to pass on (body possibly redacted, header
    /// `x-sluice-findings` added for logged findings), or the rejection.
    pub async fn screen<B>(&self, req: Request<B>) -> Result<Request<B>, Rejection>
    where
        B: Body + From<Bytes>,
        B::Error: std::fmt::Display,
    {
        self.admit()?;
        let (mut parts, body) = req.into_parts();
        strip_own_headers(&mut parts.headers);
        let mut found: Vec<(String, Finding)> = Vec::new();
        let path = parts.uri.path().to_owned();
        for f in self.scan_small(path.as_bytes(), InputKind::Path).findings {
            found.push(("path".to_owned(), f));
        }
        if let Some(q) = parts.uri.query() {
            let q = q.to_owned();
            for f in self.scan_small(q.as_bytes(), InputKind::Query).findings {
                found.push(("query".to_owned(), f));
            }
            for part in encoded_plus_parts(&q) {
                for f in self.scan_small(part.as_bytes(), InputKind::Value).findings {
                    found.push(("query".to_owned(), f));
                }
            }
        }
        for (name, value) in &parts.headers {
            if !self.inner.headers.selects(name) {
                continue;
            }
            for f in self
                .scan_small(value.as_bytes(), InputKind::Header)
                .findings
            {
                found.push((format!("header:{name}"), f));
            }
        }
        let mut threats: Vec<Threat> = found
            .iter()
            .filter(|(loc, f)| self.action_at(loc, f) == CategoryAction::Block)
            .map(|(loc, f)| Threat {
                location: loc.clone(),
                category: f.category,
                rule_id: f.rule_id.to_string(),
            })
            .collect();
        if !threats.is_empty() {
            // Blocked already: do not read a body nobody will see.
            let threats = dedup_capped(threats);
            log_block(&parts, &threats);
            return Err(Rejection::Blocked { threats });
        }
        self.check_encoding(&parts.headers)?;
        let mut body_bytes = self.read_body(&parts.headers, body).await?;
        // Screen what the application will read; forward what was sent.
        let decoded = self.decoded(&parts.headers, &body_bytes).await?;
        let screened = decoded.clone().unwrap_or_else(|| body_bytes.clone());
        let mut redact = false;
        let pieces = if screened.is_empty() {
            Vec::new()
        } else {
            body::pieces(&parts.headers, &screened, &self.inner.opaque)
        };
        // One detector call for all pieces: a body of many tiny parts would
        // otherwise run its scans inline, one by one, on the async worker.
        let verdicts = if pieces.is_empty() {
            Vec::new()
        } else {
            let body = screened.clone();
            let work = pieces.clone();
            self.with_detector(body.len(), move |d| {
                work.iter()
                    .map(|p| d.scan_as(&body[p.range.clone()], p.kind))
                    .collect::<Vec<_>>()
            })
            .await
        };
        for (piece, verdict) in pieces.iter().zip(verdicts) {
            self.record(piece.range.len(), &verdict);
            for f in verdict.findings {
                match self.action_of(&f) {
                    CategoryAction::Block => threats.push(Threat {
                        location: "body".to_owned(),
                        category: f.category,
                        rule_id: f.rule_id.to_string(),
                    }),
                    CategoryAction::Redact => redact = true,
                    _ => {}
                }
                found.push(("body".to_owned(), f));
            }
        }
        if !threats.is_empty() {
            let threats = dedup_capped(threats);
            log_block(&parts, &threats);
            return Err(Rejection::Blocked { threats });
        }
        let mut redacted = 0;
        let redact_query = found
            .iter()
            .any(|(loc, f)| loc == "query" && self.action_at(loc, f) == CategoryAction::Redact);
        if redact_query {
            if let Some((uri, count)) = redact_uri_query(&self.inner.detector, &parts.uri) {
                parts.uri = uri;
                redacted += count;
            }
        }
        if redact {
            let body = screened.clone();
            let ranges: Vec<Range<usize>> = pieces.iter().map(|p| p.range.clone()).collect();
            let (text, count) = self
                .with_detector(body.len(), move |d| redact_ranges(d, &body, &ranges))
                .await;
            if count > 0 {
                redacted += count;
                body_bytes = Bytes::from(text);
                if decoded.is_some() {
                    // The redacted body is the decoded text: it goes on
                    // uncompressed, in UTF-8.
                    parts.headers.remove(CONTENT_ENCODING);
                    if decode::utf16_charset(&parts.headers).is_some() {
                        if let Some(ct) = utf8_content_type(&parts.headers) {
                            parts.headers.insert(CONTENT_TYPE, ct);
                        }
                    }
                }
            }
        }
        let logged: Vec<String> = found
            .iter()
            .filter(|(loc, f)| {
                matches!(
                    self.action_at(loc, f),
                    CategoryAction::Log | CategoryAction::Redact
                )
            })
            .map(|(loc, f)| format!("{}/{}@{loc}", f.category.as_str(), f.rule_id))
            .collect();
        let logged = dedup_capped(logged);
        if !logged.is_empty() {
            if let Ok(v) = HeaderValue::from_str(&logged.join(", ")) {
                parts.headers.insert("x-sluice-findings", v);
            }
            tracing::info!(
                request_id = %request_id(&parts.headers),
                findings = %logged.join(", "),
                redacted,
                "screened with findings"
            );
        }
        if redacted > 0 {
            parts
                .headers
                .insert("x-sluice-redacted", HeaderValue::from(redacted));
        }
        parts.headers.remove(TRANSFER_ENCODING);
        if body_bytes.is_empty() && !parts.headers.contains_key(CONTENT_LENGTH) {
            // Keep bodiless requests bodiless.
        } else {
            parts
                .headers
                .insert(CONTENT_LENGTH, HeaderValue::from(body_bytes.len()));
        }
        Ok(Request::from_parts(parts, B::from(body_bytes)))
    }

    /// The answer for a rejection, tagged for the request metrics.
    pub fn reject<B: From<Bytes>>(&self, headers: &HeaderMap, rejection: Rejection) -> Response<B> {
        rejection.into_response(&request_id(headers))
    }
}

/// At most this many distinct entries go into `x-sluice-findings` and into
/// a 403's `threats`: a hostile body can match thousands of times, and
/// upstream header limits are a few KiB.
const MAX_REPORTED: usize = 32;

fn dedup_capped<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if out.len() == MAX_REPORTED {
            break;
        }
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The keys and values of a query string that hold an encoded plus
/// (`%2B`), rewritten so that they read the same without form semantics:
/// each literal `+` (a space in a query) becomes `%20`.
///
/// The detector's query decoding treats `+` as a space in every decoding
/// round, so `%2B` would turn into a plus and then into a space, and an
/// attack that relies on the plus (`10 +6`, `cat+/etc/passwd`) would be
/// scanned without it. These parts are scanned once more as text, where
/// percent-decoding keeps a plus a plus. Nothing is decoded here: the
/// rewrite only spells the query's own meaning of `+` in percent form.
fn encoded_plus_parts(query: &str) -> Vec<String> {
    let has_encoded_plus = |s: &str| {
        s.as_bytes()
            .windows(3)
            .any(|w| w[0] == b'%' && w[1] == b'2' && (w[2] == b'B' || w[2] == b'b'))
    };
    if !has_encoded_plus(query) {
        return Vec::new();
    }
    query
        .split('&')
        .flat_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            [key, value]
        })
        .filter(|part| has_encoded_plus(part))
        .map(|part| part.replace('+', "%20"))
        .collect()
}

/// Redacts personal data in `body`'s valid UTF-8 runs and passes every
/// other byte through unchanged: a body in another encoding, or with a
/// binary part, keeps its bytes and still loses the text it holds.
/// Returns the new body and the number of spans replaced.
pub(crate) fn redact_bytes(detector: &Detector, body: &[u8]) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(body.len());
    let mut count = 0;
    for chunk in body.utf8_chunks() {
        let text = chunk.valid();
        if !text.is_empty() {
            let r = detector.redact(text);
            if r.count > 0 {
                count += r.count;
                out.extend_from_slice(r.text.as_bytes());
            } else {
                out.extend_from_slice(text.as_bytes());
            }
        }
        out.extend_from_slice(chunk.invalid());
    }
    (out, count)
}

/// [`redact_bytes`] applied to the screened `ranges` of `body` alone, so
/// the bytes of an unscreened binary part are passed on untouched.
fn redact_ranges(detector: &Detector, body: &[u8], ranges: &[Range<usize>]) -> (Vec<u8>, usize) {
    let mut ranges = ranges.to_vec();
    ranges.sort_by_key(|r| r.start);
    let mut out = Vec::with_capacity(body.len());
    let mut count = 0;
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > body.len() {
            continue;
        }
        out.extend_from_slice(&body[at..r.start]);
        let (text, n) = redact_bytes(detector, &body[r.clone()]);
        count += n;
        out.extend_from_slice(&text);
        at = r.end;
    }
    out.extend_from_slice(&body[at..]);
    (out, count)
}

/// `uri` with personal data in its query keys and values redacted, each
/// changed key or value percent-encoded anew (so the redaction's own `=`
/// or `&` cannot split a pair); `None` when nothing was redacted. Keys and
/// values without personal data keep their bytes, and every `=` and `&`
/// of the query stays where it was.
fn redact_uri_query(detector: &Detector, uri: &http::Uri) -> Option<(http::Uri, usize)> {
    let query = uri.query()?;
    let mut count = 0;
    let mut out = String::with_capacity(query.len());
    for (i, pair) in query.split('&').enumerate() {
        if i > 0 {
            out.push('&');
        }
        let (key, value) = match pair.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (pair, None),
        };
        count += push_redacted(detector, key, &mut out);
        let Some(value) = value else { continue };
        out.push('=');
        count += push_redacted(detector, value, &mut out);
    }
    if count == 0 {
        return None;
    }
    let path_and_query = format!("{}?{out}", uri.path());
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(path_and_query.parse().ok()?);
    Some((http::Uri::from_parts(parts).ok()?, count))
}

/// Appends one query key or value to `out`: as it was when it holds no
/// personal data, else decoded, redacted and percent-encoded. Returns the
/// number of spans replaced.
fn push_redacted(detector: &Detector, part: &str, out: &mut String) -> usize {
    let decoded = percent_decode_form(part);
    let (text, n) = redact_bytes(detector, &decoded);
    if n == 0 {
        out.push_str(part);
    } else {
        percent_encode_into(&text, out);
    }
    n
}

/// A query value as a form parser reads it: `+` is a space, `%XX` a byte;
/// a `%` not followed by two hex digits stays as it is.
fn percent_decode_form(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Appends `bytes` with everything but RFC 3986 unreserved characters
/// percent-encoded.
fn percent_encode_into(bytes: &[u8], out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &c in bytes {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~') {
            out.push(c as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(c >> 4)] as char);
            out.push(HEX[usize::from(c & 15)] as char);
        }
    }
}

/// One WARN event per blocked request: who, what, and why.
fn log_block(parts: &http::request::Parts, threats: &[Threat]) {
    fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> String {
        let mut seen: Vec<&str> = Vec::new();
        for i in items {
            if !seen.contains(&i) {
                seen.push(i);
            }
        }
        seen.join(",")
    }
    tracing::warn!(
        request_id = %request_id(&parts.headers),
        method = %parts.method,
        path = %parts.uri.path(),
        locations = %distinct(threats.iter().map(|t| t.location.as_str())),
        rule_ids = %distinct(threats.iter().map(|t| t.rule_id.as_str())),
        categories = %distinct(threats.iter().map(|t| t.category.as_str())),
        "request blocked"
    );
}

/// The prefix of the headers the gateway adds to the requests it passes on.
pub(crate) const OWN_HEADER_PREFIX: &str = "x-sluice-";

/// Removes every `x-sluice-*` header a client sent: the application must be
/// able to trust that those come from the gateway.
fn strip_own_headers(headers: &mut HeaderMap) {
    let spoofed: Vec<HeaderName> = headers
        .keys()
        .filter(|n| n.as_str().starts_with(OWN_HEADER_PREFIX))
        .cloned()
        .collect();
    for name in spoofed {
        headers.remove(name);
    }
}

/// The request's `Content-Type` with its charset parameter set to UTF-8,
/// other parameters (a multipart boundary) kept.
fn utf8_content_type(headers: &HeaderMap) -> Option<HeaderValue> {
    let ct = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    let parts: Vec<String> = ct
        .split(';')
        .map(|p| {
            let is_charset = p
                .split_once('=')
                .is_some_and(|(k, _)| k.trim().eq_ignore_ascii_case("charset"));
            if is_charset {
                " charset=utf-8".to_owned()
            } else {
                p.to_owned()
            }
        })
        .collect();
    HeaderValue::from_str(&parts.join(";")).ok()
}

/// How to read a body, from its `Content-Type`.
pub fn body_kind(headers: &HeaderMap) -> InputKind {
    let ct = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    body::kind_for(&body::media_type(ct))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_deduplicated_and_capped() {
        assert_eq!(dedup_capped(vec![1, 1, 2, 1, 3]), vec![1, 2, 3]);
        assert_eq!(dedup_capped((0..100).collect()).len(), MAX_REPORTED);
    }

    #[test]
    fn query_values_decode_and_encode() {
        assert_eq!(percent_decode_form("a+b%40c%2"), b"a b@c%2");
        assert_eq!(percent_decode_form("%zz%4"), b"%zz%4");
        let mut out = String::new();
        percent_encode_into(b"[R:e] a~", &mut out);
        assert_eq!(out, "%5BR%3Ae%5D%20a~");
        let d = Detector::new();
        let uri: http::Uri = "/p?x=1&mail=alice%40example.com&flag".parse().unwrap();
        let (uri, n) = redact_uri_query(&d, &uri).unwrap();
        assert_eq!(n, 1);
        let q = uri.query().unwrap();
        assert!(q.starts_with("x=1&mail=") && q.ends_with("&flag"), "{q}");
        assert!(!q.contains("alice"), "{q}");
        assert_eq!(uri.path(), "/p");
        let clean: http::Uri = "/p?x=1".parse().unwrap();
        assert!(redact_uri_query(&d, &clean).is_none());
    }

    #[test]
    fn query_keys_are_redacted_in_place() {
        let d = Detector::new();
        let uri: http::Uri =
            "/p?alice%40example.com=1&x=2&bob@example.org&mail=carol%40example.net"
                .parse()
                .unwrap();
        let (uri, n) = redact_uri_query(&d, &uri).unwrap();
        assert_eq!(n, 3);
        let q = uri.query().unwrap();
        for leaked in ["alice", "bob", "carol", "example"] {
            assert!(!q.contains(leaked), "{leaked} left in {q}");
        }
        // The same four pairs, in order: three with `=`, one without.
        let pairs: Vec<&str> = q.split('&').collect();
        assert_eq!(pairs.len(), 4, "{q}");
        assert!(
            pairs[0].ends_with("=1") && pairs[0].matches('=').count() == 1,
            "{q}"
        );
        assert_eq!(pairs[1], "x=2");
        assert!(!pairs[2].contains('='), "{q}");
        assert!(
            pairs[3].starts_with("mail=") && pairs[3].matches('=').count() == 1,
            "{q}"
        );
        // Still a valid target: redacted parts are percent-encoded.
        assert!(q.bytes().all(|b| b.is_ascii_graphic()), "{q}");
    }

    #[test]
    fn encoded_plus_parts_keep_the_plus() {
        assert!(encoded_plus_parts("a=1+2&b=c").is_empty());
        assert_eq!(
            encoded_plus_parts("a=1+2&b=x%2By+z&c%2b=d"),
            vec!["x%2By%20z".to_owned(), "c%2b".to_owned()]
        );
    }

    #[test]
    fn redaction_keeps_bytes_that_are_not_utf8() {
        let d = Detector::new();
        let mut body = b"mail alice@example.com \xff\xfe\x00 or bob@example.org".to_vec();
        body.push(0xC3); // a truncated two-byte sequence at the end
        let (out, count) = redact_bytes(&d, &body);
        assert_eq!(count, 2);
        let lossy = String::from_utf8_lossy(&out);
        assert!(!lossy.contains("alice@example.com"), "{lossy}");
        assert!(!lossy.contains("bob@example.org"), "{lossy}");
        assert!(out.starts_with(b"mail "));
        assert!(out.windows(3).any(|w| w == b"\xff\xfe\x00"));
        assert_eq!(out.last(), Some(&0xC3));
        // Nothing to redact: the same bytes.
        let plain = b"no personal data \xff here";
        assert_eq!(redact_bytes(&d, plain), (plain.to_vec(), 0));
    }

    #[test]
    fn body_kind_follows_content_type() {
        let mut h = HeaderMap::new();
        assert_eq!(body_kind(&h), InputKind::Auto);
        h.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/vnd.api+json; charset=utf-8"),
        );
        assert_eq!(body_kind(&h), InputKind::Json);
        h.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        assert_eq!(body_kind(&h), InputKind::Form);
    }
}

//! Gateway configuration: defaults, TOML file, environment and flags.
//!
//! Layers apply in this order, each overriding the one before: built-in
//! defaults, the TOML file given with `--config`, `SLUICE_*` environment
//! variables, command-line flags. [`GatewayConfig::validate`] runs once at
//! start so a bad value stops the process with a clear message.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize};

use super::engine::{Category, DEFAULT_CHECKED_OUT_CAP, PoolConfig, PressureLevel};

/// Longest timeout accepted. Deadlines are computed as `Instant::now() +
/// timeout`, which overflows (and panics) for durations near `u64::MAX`
/// seconds; a year is longer than any connection should wait.
const MAX_TIMEOUT: Duration = Duration::from_secs(365 * 24 * 3600);

/// A configuration that could not be read or does not make sense.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    // The cause is the error's source, printed by whoever walks the chain
    // (`sluice: cannot read config file X: No such file or directory`);
    // naming it here too printed it twice.
    #[error("cannot read config file {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML, has unknown or mistyped keys, or sets
    /// a value that is out of range.
    #[error("invalid config file {}{}", path.display(), where_and_why(*line, key.as_deref(), message))]
    Parse {
        /// The file.
        path: PathBuf,
        /// The line (from 1) of the offending key or text, when known.
        line: Option<usize>,
        /// The key's path (`pool.max_retained_bytes`), when the text parsed.
        key: Option<String>,
        /// The parser's message.
        message: String,
    },
    /// A value is out of range or malformed.
    #[error("invalid value for {key}: {message}")]
    Invalid {
        /// The key, as written in the file.
        key: &'static str,
        /// What is wrong.
        message: String,
    },
}

/// What the gateway does with a finding of a given category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryAction {
    /// Ignore the finding (still counted in metrics).
    Allow,
    /// Let the request through and report the finding upstream in `x-sluice-findings`.
    Log,
    /// Replace personal data in the body before forwarding it.
    Redact,
    /// Answer 403 and never contact the upstream.
    Block,
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// Pool pressure level at which new requests are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShedPressure {
    /// Shed from elevated pressure on.
    Elevated,
    /// Shed only at critical pressure.
    Critical,
}

impl ShedPressure {
    /// Whether `level` is at or above this threshold.
    pub fn reached_by(self, level: PressureLevel) -> bool {
        match self {
            ShedPressure::Elevated => level >= PressureLevel::Elevated,
            ShedPressure::Critical => level >= PressureLevel::Critical,
        }
    }
}

/// When to refuse new requests to protect memory.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ShedConfig {
    /// Refuse new requests once the bytes held by bodies reach this share of
    /// the pool's checked-out cap (0 < x <= 1). At 1.0 (the default) requests
    /// wait for memory instead, up to `acquire_timeout`.
    pub checked_out_ratio: f64,
    /// Refuse new requests at or above this pool pressure; `None` to ignore pressure.
    pub pressure: Option<ShedPressure>,
    /// Seconds sent in `Retry-After`.
    pub retry_after_secs: u64,
    /// How long a request may wait for pool memory before it is refused.
    #[serde(deserialize_with = "de_duration", serialize_with = "ser_duration")]
    pub acquire_timeout: Duration,
}

impl Default for ShedConfig {
    fn default() -> Self {
        Self {
            checked_out_ratio: 1.0,
            pressure: Some(ShedPressure::Critical),
            retry_after_secs: 1,
            acquire_timeout: Duration::from_secs(2),
        }
    }
}

/// Per-client limits, keyed by the client's IP address (IPv6 by its /64
/// prefix). A client over a limit gets `429 Too Many Requests` with
/// `Retry-After`. Both limits are off by default; the monitoring routes
/// (`/metrics*`, `/health*`, `/readyz`) are never limited.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClientLimitConfig {
    /// Requests one client may have in flight at once (counted until the
    /// answer's head is sent); 0 means no limit.
    pub max_concurrent: usize,
    /// Requests per second one client may send, sustained (a token bucket
    /// refilled at this rate); 0 means no limit.
    pub rate: f64,
    /// Requests one client may send at once above `rate` (the bucket's
    /// size); 0 means `rate` rounded up, at least 1.
    pub burst: u32,
    /// Clients tracked at once. The table is allocated at start (about 48
    /// bytes a client) and never grows; when it is full, the client seen
    /// least recently with nothing in flight is forgotten.
    pub table_size: usize,
}

impl Default for ClientLimitConfig {
    fn default() -> Self {
        Self {
            max_concurrent: 0,
            rate: 0.0,
            burst: 0,
            table_size: 65_536,
        }
    }
}

impl ClientLimitConfig {
    /// Whether any per-client limit is set.
    pub fn enabled(&self) -> bool {
        self.max_concurrent > 0 || self.rate > 0.0
    }
}

/// Headers not screened by default: they frame or describe the message, or
/// are set by proxies, and carry no application data. `host`,
/// `forwarded` and `x-forwarded-*` are screened although proxies set them:
/// a client can send any value, and applications read them (to build
/// links, to log the client address), so they are a way in. `authorization` and
/// `proxy-authorization` are opaque credentials (tokens, base64) that the
/// detector cannot read and would only misjudge. `sec-ch-*` are the client
/// hints every Chromium browser sends: structured lists of quoted brand
/// names and versions (`"Chromium";v="118", "Not=A?Brand";v="99"`) whose
/// quotes, `;` and `=` read like SQL to an injection detector.
pub const DEFAULT_SKIP_HEADERS: &[&str] = &[
    "content-length",
    "content-type",
    "content-encoding",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "accept",
    "accept-encoding",
    "accept-language",
    "te",
    "upgrade",
    "x-request-id",
    "via",
    "cache-control",
    "pragma",
    "if-*",
    "authorization",
    "proxy-authorization",
    "sec-ch-*",
];

/// Media types whose bodies are not screened when they are not valid
/// UTF-8 (see [`GatewayConfig::opaque_body_types`]).
/// Entries ending in `*` are prefixes.
pub const DEFAULT_OPAQUE_BODY_TYPES: &[&str] = &[
    "image/*",
    "audio/*",
    "video/*",
    "font/*",
    "application/octet-stream",
    "application/pdf",
    "application/zip",
    "application/gzip",
    "application/x-gzip",
    "application/x-tar",
    "application/x-7z-compressed",
    "application/vnd.rar",
    "application/wasm",
    "application/x-protobuf",
    "application/vnd.google.protobuf",
];

/// Where to listen: an IP address or a host name, and a port
/// (`127.0.0.1:8080`, `[::1]:8080`, `localhost:9000`). A host name is
/// resolved at start ([`ListenAddr::resolve`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListenAddr {
    host: String,
    port: u16,
}

impl ListenAddr {
    /// The host: an IP address or a name.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port; 0 picks a free one.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The socket addresses the host stands for, in the resolver's order;
    /// never empty.
    pub async fn resolve(&self) -> Result<Vec<SocketAddr>, ConfigError> {
        if let Ok(ip) = self.host.parse::<std::net::IpAddr>() {
            return Ok(vec![SocketAddr::new(ip, self.port)]);
        }
        if let Ok(scoped) = format!("[{}]:{}", self.host, self.port).parse::<SocketAddr>() {
            return Ok(vec![scoped]);
        }
        let fail = |why: String| ConfigError::Invalid {
            key: "listen",
            message: format!("cannot resolve {self}: {why}"),
        };
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((self.host.as_str(), self.port))
            .await
            .map_err(|e| fail(e.to_string()))?
            .collect();
        if addrs.is_empty() {
            return Err(fail("no address".into()));
        }
        Ok(addrs)
    }
}

impl From<SocketAddr> for ListenAddr {
    fn from(addr: SocketAddr) -> Self {
        // An IPv6 link-local address keeps its scope (`fe80::1%2`): without
        // it the address cannot be bound.
        let host = match addr {
            SocketAddr::V6(v6) if v6.scope_id() != 0 => format!("{}%{}", v6.ip(), v6.scope_id()),
            _ => addr.ip().to_string(),
        };
        Self {
            host,
            port: addr.port(),
        }
    }
}

impl std::str::FromStr for ListenAddr {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if let Ok(addr) = s.parse::<SocketAddr>() {
            return Ok(addr.into());
        }
        let bad = |why: &str| format!("{s:?} is not HOST:PORT: {why}");
        let (host, port) = s.rsplit_once(':').ok_or_else(|| bad("no port"))?;
        let port = port.parse::<u16>().map_err(|_| bad("bad port"))?;
        // A name: letters, digits, `-`, `_` and dots (an IPv6 address
        // must be bracketed, and then parsed above).
        let name_like = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if !name_like {
            return Err(bad("bad host"));
        }
        Ok(Self {
            host: host.to_owned(),
            port,
        })
    }
}

impl std::fmt::Display for ListenAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

impl Serialize for ListenAddr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ListenAddr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// Everything `sluice serve` can be told.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GatewayConfig {
    /// Address to listen on: an IP address or a host name, and a port.
    pub listen: ListenAddr,
    /// Upstream base URL for proxy mode (`http://host:port`); `None` serves only the API.
    pub upstream: Option<String>,
    /// Largest request body accepted, in bytes (`"10MiB"` or a number).
    #[serde(deserialize_with = "de_size")]
    pub max_body: usize,
    /// Time allowed for a client to send the request head.
    #[serde(deserialize_with = "de_duration", serialize_with = "ser_duration")]
    pub header_read_timeout: Duration,
    /// Time allowed for a client to send the whole body.
    #[serde(deserialize_with = "de_duration", serialize_with = "ser_duration")]
    pub body_read_timeout: Duration,
    /// Time the upstream may go without a sign of life, as nginx's
    /// `proxy_send_timeout` and `proxy_read_timeout`: between two pieces of
    /// the request it takes, from the request's last piece to its answer's
    /// head (then the client gets a 504), and between two pieces of its
    /// answer's body (then the answer is cut short: an HTTP/1.1 client
    /// connection is closed before the body's end, an HTTP/2 stream is
    /// reset, and the upstream connection is closed, not reused). A write
    /// of the request that the upstream leaves untaken this long ends the
    /// upstream connection the same way, and in a WebSocket tunnel closes
    /// the tunnel. It is a limit between two events, not on the whole
    /// exchange: an upstream that keeps sending, however slowly, is not cut
    /// off (a server-sent event stream lives as long as its events come
    /// more often than this); one that pauses longer (an event stream
    /// without a heartbeat, a long poll) is. As with nginx, a piece of the
    /// request counts as taken when the gateway's socket accepts it, so
    /// the last part of an upload (the gateway's own write buffer of about
    /// 400 KiB plus the kernel's send buffer, up to a few MiB) must be read
    /// by the upstream within one `upstream_timeout` of being handed over.
    #[serde(deserialize_with = "de_duration", serialize_with = "ser_duration")]
    pub upstream_timeout: Duration,
    /// Time a connection may stay open with no request in flight once it has
    /// sent a request; before its first request the limit is
    /// `header_read_timeout`. HTTP/1.1 keep-alive connections are also closed
    /// by `header_read_timeout` while they wait for the next request head, so
    /// for them the shorter of the two applies.
    #[serde(deserialize_with = "de_duration", serialize_with = "ser_duration")]
    pub idle_timeout: Duration,
    /// Time a response may go without being read: when the client accepts
    /// no byte of an answer for this long (its socket takes nothing, or,
    /// over HTTP/2, it keeps the stream's flow-control window shut), the
    /// connection is closed and its `max_connections` slot freed. A client
    /// that keeps reading, however slowly, is not cut off.
    #[serde(deserialize_with = "de_duration", serialize_with = "ser_duration")]
    pub write_timeout: Duration,
    /// Time allowed for in-flight requests to finish after SIGTERM/SIGINT.
    #[serde(deserialize_with = "de_duration", serialize_with = "ser_duration")]
    pub shutdown_grace: Duration,
    /// Concurrent client connections; further connections wait in the backlog.
    pub max_connections: usize,
    /// Request headers screened (lower case). `["*"]`, the default, screens
    /// every header except those in `skip_headers`; a list of names screens
    /// only those.
    pub screen_headers: Vec<String>,
    /// Headers left unscreened when `screen_headers` is `["*"]`: names, or
    /// prefixes ending in `*` (`"x-forwarded-*"`). The default lists the
    /// transport and representation headers that carry no application data
    /// ([`DEFAULT_SKIP_HEADERS`]).
    pub skip_headers: Vec<String>,
    /// Media types (lower case; entries ending in `*` are prefixes) whose
    /// bodies are not screened when they are not valid UTF-8: binary
    /// content read as text matches attack patterns by chance. In a
    /// multipart body, the content of a binary file upload (a part whose
    /// one `Content-Disposition` names a non-empty `filename`) is skipped
    /// whatever its type; part headers, file names and every other part
    /// are screened.
    /// Defaults to [`DEFAULT_OPAQUE_BODY_TYPES`]; `[]` screens every body.
    pub opaque_body_types: Vec<String>,
    /// Bodies at least this large are screened on the blocking pool.
    #[serde(deserialize_with = "de_size")]
    pub blocking_scan_threshold: usize,
    /// Large bodies screened at once on the blocking pool; 0 means one per
    /// CPU, at most 4. Bounds the detector's working memory under a flood.
    pub scan_concurrency: usize,
    /// Detector working memory per scanned byte, set aside from the pool's
    /// cap: bodies may hold `cap - scan_concurrency * scan_memory_factor *
    /// max_body` bytes at once, so a flood stays within the cap. The default,
    /// 8, is the peak measured for one 1 MiB and one 10 MiB text body.
    pub scan_memory_factor: f64,
    /// Extra detection rules.
    pub rules_file: Option<PathBuf>,
    /// Log format.
    pub log_format: LogFormat,
    /// Action per category, overriding the detector's (attacks block,
    /// personal data is logged, unless the rules file says otherwise).
    pub actions: BTreeMap<Category, CategoryAction>,
    /// Load shedding.
    pub shed: ShedConfig,
    /// Per-client request limits (429).
    pub client_limit: ClientLimitConfig,
    /// Buffer pool limits. Byte sizes (`max_retained_bytes`, `prewarm`
    /// sizes, ...) take numbers or strings with a unit, as everywhere else.
    #[serde(deserialize_with = "de_pool")]
    pub pool: PoolConfig,
}

impl Default for GatewayConfig {
    fn default() -> Self {
        Self {
            listen: ListenAddr::from(SocketAddr::from(([127, 0, 0, 1], 8080))),
            upstream: None,
            max_body: 10 * 1024 * 1024,
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            upstream_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            write_timeout: Duration::from_secs(30),
            shutdown_grace: Duration::from_secs(30),
            max_connections: 1024,
            screen_headers: vec!["*".into()],
            skip_headers: DEFAULT_SKIP_HEADERS.iter().map(|h| (*h).into()).collect(),
            opaque_body_types: DEFAULT_OPAQUE_BODY_TYPES
                .iter()
                .map(|t| (*t).into())
                .collect(),
            blocking_scan_threshold: 64 * 1024,
            scan_concurrency: 0,
            scan_memory_factor: 8.0,
            rules_file: None,
            log_format: LogFormat::Text,
            actions: BTreeMap::new(),
            shed: ShedConfig::default(),
            client_limit: ClientLimitConfig::default(),
            pool: PoolConfig {
                max_checked_out_bytes: Some(DEFAULT_CHECKED_OUT_CAP),
                ..PoolConfig::default()
            },
        }
    }
}

impl GatewayConfig {
    /// Reads a TOML file; keys it leaves out keep their defaults.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(&text, path)
    }

    /// Parses TOML text; keys it leaves out keep their defaults.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        Self::parse(text, Path::new("<inline>"))
    }

    fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let fail = |line, key, message| ConfigError::Parse {
            path: path.to_owned(),
            line,
            key,
            message,
        };
        let de = toml::Deserializer::parse(text).map_err(|e| {
            fail(
                e.span().map(|s| line_of(text, s.start)),
                None,
                e.message().to_owned(),
            )
        })?;
        // The deserializer's own message leaves out which key it was
        // reading; the path tracker records it.
        let mut config: Self = match serde_path_to_error::deserialize(de) {
            Ok(c) => c,
            Err(e) => {
                let mut keys = segments(e.path());
                let inner = e.into_inner();
                let mut message = inner.message().to_owned();
                // `[pool]` is read from a table of its own, which loses the
                // path inside it: read it again to find the key.
                if keys == ["pool"] {
                    if let Some(Err((sub, m))) = text
                        .parse::<toml::Table>()
                        .ok()
                        .and_then(|mut t| t.remove("pool"))
                        .and_then(|p| match p {
                            toml::Value::Table(t) => Some(pool_from_table(t)),
                            _ => None,
                        })
                    {
                        keys.extend(sub);
                        message = m;
                    }
                }
                let line =
                    key_line(text, &keys).or_else(|| inner.span().map(|s| line_of(text, s.start)));
                let key = (!keys.is_empty()).then(|| join_keys(&keys));
                return Err(fail(line, key, message));
            }
        };
        // The gateway always bounds body memory: a `[pool]` table without a
        // cap gets the default one.
        if config.pool.max_checked_out_bytes.is_none() {
            config.pool.max_checked_out_bytes = Some(DEFAULT_CHECKED_OUT_CAP);
        }
        Ok(config)
    }

    /// Large-body scans run at once: `scan_concurrency`, or else one per CPU
    /// up to 4, lowered so that the scan reserve leaves room for a body.
    pub fn effective_scan_concurrency(&self) -> usize {
        if self.scan_concurrency > 0 {
            return self.scan_concurrency;
        }
        let cpus = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
        let per_scan = self.scan_memory_factor.max(0.0) * self.max_body as f64;
        if per_scan <= 0.0 {
            return cpus;
        }
        let room = self.checked_out_cap().saturating_sub(self.max_body) as f64;
        cpus.min((room / per_scan) as usize).max(1)
    }

    /// Bytes of the cap set aside for the detector's working memory.
    pub fn scan_reserve(&self) -> usize {
        let r = self.effective_scan_concurrency() as f64
            * self.scan_memory_factor.max(0.0)
            * self.max_body as f64;
        r.min(self.checked_out_cap() as f64) as usize
    }

    /// Bytes request bodies may hold at once: the cap less the scan reserve.
    pub fn body_budget(&self) -> usize {
        self.checked_out_cap().saturating_sub(self.scan_reserve())
    }

    /// The pool's checked-out cap in force.
    pub fn checked_out_cap(&self) -> usize {
        self.pool
            .max_checked_out_bytes
            .unwrap_or(DEFAULT_CHECKED_OUT_CAP)
    }

    /// The action `[actions]` sets for `category`; `None` leaves the
    /// detector's own action (its defaults or its rules file) in force.
    pub fn action_for(&self, category: Category) -> Option<CategoryAction> {
        self.actions.get(&category).copied()
    }

    /// Checks every value; run once at start.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |key, message: &str| {
            Err(ConfigError::Invalid {
                key,
                message: message.to_owned(),
            })
        };
        if let Some(up) = &self.upstream {
            parse_upstream(up)?;
        }
        if self.max_body == 0 {
            return invalid("max_body", "must be greater than 0");
        }
        if self.max_body > self.checked_out_cap() {
            return Err(ConfigError::Invalid {
                key: "max_body",
                message: format!(
                    "{} is larger than pool.max_checked_out_bytes ({}): one body could never be buffered",
                    self.max_body,
                    self.checked_out_cap()
                ),
            });
        }
        if !(self.scan_memory_factor >= 0.0 && self.scan_memory_factor.is_finite()) {
            return invalid("scan_memory_factor", "must be a number >= 0");
        }
        if self.body_budget() < self.max_body {
            return Err(ConfigError::Invalid {
                key: "pool.max_checked_out_bytes",
                message: format!(
                    "{} leaves {} bytes for bodies after setting aside {} for scanning \
                     (scan_concurrency x scan_memory_factor x max_body); one body of \
                     max_body ({}) would not fit: raise the cap or lower max_body, \
                     scan_concurrency or scan_memory_factor",
                    self.checked_out_cap(),
                    self.body_budget(),
                    self.scan_reserve(),
                    self.max_body
                ),
            });
        }
        if self.max_connections == 0 {
            return invalid("max_connections", "must be greater than 0");
        }
        for (key, d) in [
            ("header_read_timeout", self.header_read_timeout),
            ("body_read_timeout", self.body_read_timeout),
            ("upstream_timeout", self.upstream_timeout),
            ("idle_timeout", self.idle_timeout),
            ("write_timeout", self.write_timeout),
            ("shed.acquire_timeout", self.shed.acquire_timeout),
        ] {
            if d.is_zero() {
                return invalid(key, "must be greater than 0");
            }
            if d > MAX_TIMEOUT {
                return invalid(key, "must be at most 365 days");
            }
        }
        if self.shutdown_grace > MAX_TIMEOUT {
            return invalid("shutdown_grace", "must be at most 365 days");
        }
        let r = self.shed.checked_out_ratio;
        if !(r > 0.0 && r <= 1.0) {
            return invalid("shed.checked_out_ratio", "must be in (0, 1]");
        }
        let cl = &self.client_limit;
        if !(cl.rate >= 0.0 && cl.rate.is_finite()) {
            return invalid("client_limit.rate", "must be a number >= 0");
        }
        if cl.enabled() && !(1..=1 << 24).contains(&cl.table_size) {
            return invalid("client_limit.table_size", "must be in 1..=16777216");
        }
        for h in &self.screen_headers {
            if h != "*" && http::HeaderName::from_bytes(h.as_bytes()).is_err() {
                return Err(ConfigError::Invalid {
                    key: "screen_headers",
                    message: format!("{h:?} is not a header name or \"*\""),
                });
            }
        }
        for h in &self.skip_headers {
            let name = h.strip_suffix('*').unwrap_or(h);
            if !name.is_empty() && http::HeaderName::from_bytes(name.as_bytes()).is_err() {
                return Err(ConfigError::Invalid {
                    key: "skip_headers",
                    message: format!("{h:?} is not a header name or prefix ending in \"*\""),
                });
            }
        }
        if let Some(p) = &self.rules_file {
            if !p.is_file() {
                return Err(ConfigError::Invalid {
                    key: "rules_file",
                    message: format!("{} is not a readable file", p.display()),
                });
            }
        }
        Ok(())
    }
}

/// Parses and checks an upstream base URL (`http://host:port`, no path).
pub fn parse_upstream(s: &str) -> Result<http::Uri, ConfigError> {
    let bad = |message: String| ConfigError::Invalid {
        key: "upstream",
        message,
    };
    let uri: http::Uri = s.parse().map_err(|e| bad(format!("{s:?}: {e}")))?;
    if uri.scheme_str() != Some("http") {
        return Err(bad(format!("{s:?}: only http:// upstreams are supported")));
    }
    if uri.authority().is_none() {
        return Err(bad(format!("{s:?}: missing host")));
    }
    if uri.path() != "/" && !uri.path().is_empty() {
        return Err(bad(format!("{s:?}: must not have a path")));
    }
    Ok(uri)
}

/// Parses `"10MiB"`, `"512KiB"`, `"64kb"`, `"1048576"`.
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: usize = num.parse().map_err(|_| format!("{s:?} is not a size"))?;
    let mul: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        u => return Err(format!("{s:?}: unknown unit {u:?}")),
    };
    n.checked_mul(mul)
        .ok_or_else(|| format!("{s:?} is too large"))
}

/// Parses `"250ms"`, `"10s"`, `"2m"`, or a bare number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a duration"))?;
    match unit.trim() {
        "" | "s" => Ok(Duration::from_secs(n)),
        "ms" => Ok(Duration::from_millis(n)),
        "m" | "min" => Ok(Duration::from_secs(n.saturating_mul(60))),
        u => Err(format!("{s:?}: unknown unit {u:?} (use ms, s or m)")),
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum NumOrStr {
    Num(u64),
    Str(String),
}

fn de_size<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    match NumOrStr::deserialize(d)? {
        NumOrStr::Num(n) => usize::try_from(n).map_err(serde::de::Error::custom),
        NumOrStr::Str(s) => parse_size(&s).map_err(serde::de::Error::custom),
    }
}

/// The `[pool]` table, its byte sizes given as numbers or as strings with
/// a unit (`"64MiB"`): the pool's own config reads numbers only.
fn de_pool<'de, D: Deserializer<'de>>(d: D) -> Result<PoolConfig, D::Error> {
    let table = toml::Table::deserialize(d)?;
    pool_from_table(table).map_err(|(keys, message)| {
        serde::de::Error::custom(format!("{}: {message}", join_keys(&keys)))
    })
}

/// The pool's config from its table, or the path inside the table of the
/// key that is wrong, and why.
fn pool_from_table(mut table: toml::Table) -> Result<PoolConfig, (Vec<String>, String)> {
    let sized = |keys: &dyn Fn() -> Vec<String>, v: &mut toml::Value| {
        if let toml::Value::String(s) = v {
            let n = parse_size(s).map_err(|e| (keys(), e))?;
            *v = toml::Value::Integer(i64::try_from(n).map_err(|e| (keys(), e.to_string()))?);
        }
        Ok(())
    };
    for (key, value) in table.iter_mut() {
        if key.ends_with("_bytes") {
            sized(&|| vec![key.clone()], value)?;
        } else if key == "prewarm" {
            if let toml::Value::Array(items) = value {
                for (i, item) in items.iter_mut().enumerate() {
                    if let Some(size) = item.as_table_mut().and_then(|t| t.get_mut("size")) {
                        sized(&|| vec![key.clone(), i.to_string(), "size".into()], size)?;
                    }
                }
            }
        }
    }
    serde_path_to_error::deserialize(toml::Value::Table(table))
        .map_err(|e| (segments(e.path()), e.into_inner().message().to_owned()))
}

/// A key path as a list of table keys and array indices.
fn segments(path: &serde_path_to_error::Path) -> Vec<String> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Unknown => None,
        })
        .collect()
}

/// `pool.prewarm[0].size`.
fn join_keys(keys: &[String]) -> String {
    let mut out = String::new();
    for k in keys {
        if k.bytes().all(|b| b.is_ascii_digit()) && !out.is_empty() {
            out.push_str(&format!("[{k}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(k);
        }
    }
    out
}

/// Adds the file and line to a validation error about a key the file
/// sets: the key alone does not say where the bad value came from.
pub(crate) fn locate_in_file(e: ConfigError, path: &Path) -> ConfigError {
    let ConfigError::Invalid { key, message } = e else {
        return e;
    };
    let keys: Vec<String> = key.split('.').map(str::to_owned).collect();
    match std::fs::read_to_string(path)
        .ok()
        .and_then(|text| key_line(&text, &keys))
    {
        Some(line) => ConfigError::Parse {
            path: path.to_owned(),
            line: Some(line),
            key: Some(key.to_owned()),
            message,
        },
        None => ConfigError::Invalid { key, message },
    }
}

/// The line (from 1) of byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line where the key at `keys` (or, for an index, the array item) is
/// written, when the text parses.
fn key_line(text: &str, keys: &[String]) -> Option<usize> {
    use toml::de::{DeTable, DeValue};
    let root = DeTable::parse(text).ok()?;
    let mut table = root.get_ref();
    let mut value: Option<&DeValue<'_>> = None;
    let mut span = None;
    for k in keys {
        match value {
            None => {}
            Some(DeValue::Table(t)) => table = t,
            Some(DeValue::Array(items)) => {
                let item = items.get(k.parse::<usize>().ok()?)?;
                span = Some(item.span());
                value = Some(item.get_ref());
                continue;
            }
            Some(_) => break,
        }
        let (key, v) = table.iter().find(|(key, _)| key.get_ref() == k)?;
        span = Some(key.span());
        value = Some(v.get_ref());
    }
    span.map(|s| line_of(text, s.start))
}

/// `, line 3: pool.max_retained_bytes: invalid value ...`.
fn where_and_why(line: Option<usize>, key: Option<&str>, message: &str) -> String {
    let mut out = String::new();
    if let Some(l) = line {
        out.push_str(&format!(", line {l}"));
    }
    out.push_str(": ");
    if let Some(k) = key {
        out.push_str(k);
        out.push_str(": ");
    }
    out.push_str(message);
    out
}

fn de_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    match NumOrStr::deserialize(d)? {
        NumOrStr::Num(n) => Ok(Duration::from_secs(n)),
        NumOrStr::Str(s) => parse_duration(&s).map_err(serde::de::Error::custom),
    }
}

fn ser_duration<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{}ms", d.as_millis()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_parse() {
        assert_eq!(parse_size("10MiB"), Ok(10 << 20));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("42"), Ok(42));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("1XB").is_err());
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert!(parse_duration("3h").is_err());
    }

    #[test]
    fn file_overrides_defaults_and_rejects_unknown_keys() {
        let c = GatewayConfig::from_toml(
            "max_body = \"1MiB\"\nheader_read_timeout = \"500ms\"\n[actions]\npii = \"redact\"\n[shed]\nretry_after_secs = 5\n",
        )
        .unwrap();
        assert_eq!(c.max_body, 1 << 20);
        assert_eq!(c.header_read_timeout, Duration::from_millis(500));
        assert_eq!(c.write_timeout, Duration::from_secs(30));
        let w = GatewayConfig::from_toml("write_timeout = \"1500ms\"\n").unwrap();
        assert_eq!(w.write_timeout, Duration::from_millis(1500));
        let zero = GatewayConfig::from_toml("write_timeout = 0\n").unwrap();
        let e = zero.validate().unwrap_err().to_string();
        assert!(e.contains("write_timeout"), "{e}");
        // A deadline this far out would overflow `Instant` arithmetic.
        for key in ["write_timeout", "upstream_timeout", "shutdown_grace"] {
            let huge = GatewayConfig::from_toml(&format!("{key} = 9223372036854775807\n")).unwrap();
            let e = huge.validate().unwrap_err().to_string();
            assert!(e.contains(key) && e.contains("365 days"), "{e}");
        }
        assert_eq!(c.action_for(Category::Pii), Some(CategoryAction::Redact));
        assert_eq!(c.action_for(Category::Sqli), None);
        assert_eq!(c.shed.retry_after_secs, 5);
        assert!(!c.client_limit.enabled());
        let c = GatewayConfig::from_toml("[client_limit]\nrate = 20\nburst = 40\n").unwrap();
        assert!(c.client_limit.enabled());
        assert_eq!(c.client_limit.burst, 40);
        assert!(
            GatewayConfig::from_toml("[client_limit]\nrate = -1\n")
                .unwrap()
                .validate()
                .is_err()
        );
        assert_eq!(c.listen, GatewayConfig::default().listen);
        assert!(GatewayConfig::from_toml("lisen = \"x\"").is_err());
    }

    #[test]
    fn pool_sizes_take_units() {
        let c = GatewayConfig::from_toml(
            "max_body = \"1KiB\"\n[pool]\nmax_retained_bytes = \"64MiB\"\nmax_checked_out_bytes = 268435456\nprewarm = [{ size = \"4KiB\", count = 2 }]\n",
        )
        .unwrap();
        assert_eq!(c.pool.max_retained_bytes, 64 << 20);
        assert_eq!(c.pool.max_checked_out_bytes, Some(256 << 20));
        assert_eq!(c.pool.prewarm[0].size, 4096);
        let e = GatewayConfig::from_toml("[pool]\nmax_retained_bytes = \"lots\"\n").unwrap_err();
        assert!(e.to_string().contains("max_retained_bytes"), "{e}");
        assert!(GatewayConfig::from_toml("[pool]\nbogus = 1\n").is_err());
    }

    #[test]
    fn file_errors_name_the_key_and_line() {
        let e = GatewayConfig::from_toml("max_body = \"1MiB\"\nlisten = 5\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 2: listen: invalid type: integer `5`"),
            "{e}"
        );
        let e = GatewayConfig::from_toml("[pool]\n\nmax_retained_bytes = -1\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 3: pool.max_retained_bytes: "), "{e}");
        let e = GatewayConfig::from_toml(
            "[pool]\nprewarm = [{ size = 1, count = 1 },\n { size = \"x\", count = 1 }]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("line 3: pool.prewarm[1].size: "), "{e}");
        let e = GatewayConfig::from_toml("[shed]\nretry_after_secs = \"soon\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2: shed.retry_after_secs: "), "{e}");
        let e = GatewayConfig::from_toml("a = 1\nlisten = [\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line "), "{e}");
        let e = GatewayConfig::from_toml("x = 1\nlisen = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line "), "{e}");
    }

    #[test]
    fn listen_addresses_take_host_names() {
        let a: ListenAddr = "localhost:9000".parse().unwrap();
        assert_eq!((a.host(), a.port()), ("localhost", 9000));
        assert_eq!(a.to_string(), "localhost:9000");
        let v6: ListenAddr = "[::1]:80".parse().unwrap();
        assert_eq!((v6.host(), v6.to_string().as_str()), ("::1", "[::1]:80"));
        // A link-local address keeps its scope id through parse, display
        // and resolution.
        let ll: ListenAddr = "[fe80::1%2]:80".parse().unwrap();
        assert_eq!(ll.host(), "fe80::1%2");
        assert_eq!(ll.to_string(), "[fe80::1%2]:80");
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let addrs = rt.block_on(ll.resolve()).unwrap();
        assert!(
            matches!(addrs[0], SocketAddr::V6(v) if v.scope_id() == 2),
            "{addrs:?}"
        );
        for bad in [
            "localhost",
            "localhost:http",
            ":80",
            "a b:80",
            "::1:80",
            "x:70000",
        ] {
            assert!(bad.parse::<ListenAddr>().is_err(), "{bad}");
        }
        let c = GatewayConfig::from_toml("listen = \"localhost:9000\"\n").unwrap();
        assert_eq!(c.listen, a);
    }

    #[test]
    fn validation_names_the_bad_key() {
        let mut c = GatewayConfig {
            upstream: Some("ftp://x".into()),
            ..GatewayConfig::default()
        };
        let e = c.validate().unwrap_err().to_string();
        assert!(e.contains("upstream"), "{e}");
        c.upstream = Some("http://127.0.0.1:9000".into());
        c.validate().unwrap();
        c.max_body = c.checked_out_cap() + 1;
        assert!(c.validate().unwrap_err().to_string().contains("max_body"));
    }
}

//! Prometheus metrics: requests, latency, findings, bytes scanned, pool state.

use std::fmt;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::{ConstGauge, Gauge};
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::engine::{BodyPool, Category, ClassStats, PressureLevel};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: &'static str,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PhaseLabels {
    phase: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FindingLabels {
    category: &'static str,
    rule: String,
}

type HistogramFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// The gateway's metrics and the registry they are exposed from.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: HistogramFamily,
    findings: Family<FindingLabels, Counter>,
    scanned_bytes: Counter,
    open_connections: Gauge,
    write_timeouts: Counter,
    upstream_timeouts: Family<PhaseLabels, Counter>,
}

impl fmt::Debug for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

fn latency_histogram() -> Histogram {
    // 100 µs .. ~3.3 s: screening is sub-millisecond, proxying is not.
    Histogram::new(exponential_buckets(0.0001, 2.0, 16))
}

impl Metrics {
    /// Registers every gateway metric under the `sluice` prefix, plus the
    /// pool's own (`sluice_pool_*`) and the gateway's body accounting.
    pub fn new(bodies: &BodyPool) -> Self {
        let mut root = Registry::default();
        bodies.pool().register_metrics(&mut root);
        let registry = root.sub_registry_with_prefix("sluice");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests by route and outcome (ok, blocked, shed, limited, client_error, server_error, upstream_error)",
            requests.clone(),
        );
        let latency: HistogramFamily = Family::new_with_constructor(latency_histogram);
        registry.register(
            "http_request_duration_seconds",
            "Time from request head to response head, by route",
            latency.clone(),
        );
        let findings = Family::<FindingLabels, Counter>::default();
        registry.register(
            "findings",
            "Detector findings by category and rule",
            findings.clone(),
        );
        let scanned_bytes = Counter::default();
        registry.register(
            "scanned_bytes",
            "Bytes handed to the detector",
            scanned_bytes.clone(),
        );
        let open_connections = Gauge::default();
        registry.register(
            "open_connections",
            "Client connections currently open",
            open_connections.clone(),
        );
        let write_timeouts = Counter::default();
        registry.register(
            "write_timeouts",
            "Client connections (and WebSocket tunnels) closed because the client left an answer (or tunnelled data) unread for write_timeout. An upstream that stops reading a tunnel is counted in sluice_upstream_timeouts_total with phase tunnel",
            write_timeouts.clone(),
        );
        let upstream_timeouts = Family::<PhaseLabels, Counter>::default();
        registry.register(
            "upstream_timeouts",
            "Proxied requests whose upstream stalled for upstream_timeout, by phase: head (no answer head; 504), body (the answer stalled part way; cut short) or tunnel (a WebSocket upstream took no byte sent to it; tunnel closed). Clients that stop reading are in sluice_write_timeouts_total",
            upstream_timeouts.clone(),
        );
        // Both series from the start, so a rate over them needs no first event.
        for phase in [
            UpstreamPhase::Head,
            UpstreamPhase::Body,
            UpstreamPhase::Tunnel,
        ] {
            let _ = upstream_timeouts.get_or_create(&PhaseLabels {
                phase: phase.as_str(),
            });
        }
        registry.register_collector(Box::new(BodyCollector {
            bodies: bodies.clone(),
        }));
        Self {
            registry: root,
            requests,
            latency,
            findings,
            scanned_bytes,
            open_connections,
            write_timeouts,
            upstream_timeouts,
        }
    }

    /// Counts one finished request.
    pub fn observe_request(&self, route: &'static str, outcome: &'static str, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels { route, outcome })
            .inc();
        self.latency
            .get_or_create(&RouteLabels { route })
            .observe(seconds);
    }

    /// Counts one finding.
    pub fn observe_finding(&self, category: Category, rule: &str) {
        self.findings
            .get_or_create(&FindingLabels {
                category: category.as_str(),
                rule: rule.to_owned(),
            })
            .inc();
    }

    /// Counts bytes handed to the detector.
    pub fn observe_scanned(&self, bytes: usize) {
        self.scanned_bytes.inc_by(bytes as u64);
    }

    /// Tracks a connection opening (`+1`) or closing (`-1`).
    pub fn connection_delta(&self, delta: i64) {
        self.open_connections.inc_by(delta);
    }

    /// Counts a connection closed because an answer went unread for
    /// `write_timeout`.
    pub fn observe_write_timeout(&self) {
        self.write_timeouts.inc();
    }

    /// Counts a proxied request whose upstream sent nothing for
    /// `upstream_timeout` in the given phase.
    pub fn observe_upstream_timeout(&self, phase: UpstreamPhase) {
        self.upstream_timeouts
            .get_or_create(&PhaseLabels {
                phase: phase.as_str(),
            })
            .inc();
    }

    /// Everything in the Prometheus text format.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}

/// Where in the exchange an upstream went silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UpstreamPhase {
    /// Before the answer's head arrived.
    Head,
    /// After the head, between two pieces of the answer's body.
    Body,
    /// In a WebSocket tunnel: the upstream took no byte of what the client
    /// sent through it.
    Tunnel,
}

impl UpstreamPhase {
    /// The `phase` label value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Head => "head",
            Self::Body => "body",
            Self::Tunnel => "tunnel",
        }
    }
}

/// Whether `GET /metrics` answers OpenMetrics rather than the Prometheus
/// text format (0.0.4), from the request's `Accept` headers (RFC 9110
/// 12.5.1): each format takes the q value of the most specific range that
/// matches it (`application/openmetrics-text`, then `application/*`, then
/// `*/*`; `text/plain`, then `text/*`, then `*/*`); a range with `q=0`
/// rules its format out. The higher q wins; a tie goes to the format whose
/// range comes first, and one range matching both (`*/*`) to the
/// Prometheus format, as does a request that accepts neither or sends no
/// `Accept`. Media type parameters other than `q` are not compared (of
/// two equally specific ranges, the higher q counts); a range with a
/// malformed q value is ignored.
pub(crate) fn wants_open_metrics(headers: &http::HeaderMap) -> bool {
    // (q in thousandths, specificity, position) of the best range so far.
    type Match = Option<(u16, u8, usize)>;
    fn better(seen: &mut Match, q: u16, specificity: u8, at: usize) {
        if seen.is_none_or(|(sq, s, _)| specificity > s || (specificity == s && q > sq)) {
            *seen = Some((q, specificity, at));
        }
    }
    let mut open: Match = None;
    let mut prom: Match = None;
    let ranges = headers
        .get_all(http::header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    for (at, range) in ranges.enumerate() {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim();
        let Some((kind, sub)) = media.split_once('/') else {
            continue;
        };
        let mut q = Some(1000);
        for param in parts {
            if let Some((name, value)) = param.split_once('=')
                && name.trim().eq_ignore_ascii_case("q")
            {
                q = parse_qvalue(value.trim());
            }
        }
        let Some(q) = q else { continue };
        let (kind, sub) = (kind.trim(), sub.trim());
        if kind == "*" && sub == "*" {
            better(&mut open, q, 0, at);
            better(&mut prom, q, 0, at);
        } else if kind.eq_ignore_ascii_case("application") {
            if sub == "*" {
                better(&mut open, q, 1, at);
            } else if sub.eq_ignore_ascii_case("openmetrics-text") {
                better(&mut open, q, 2, at);
            }
        } else if kind.eq_ignore_ascii_case("text") {
            if sub == "*" {
                better(&mut prom, q, 1, at);
            } else if sub.eq_ignore_ascii_case("plain") {
                better(&mut prom, q, 2, at);
            }
        }
    }
    match (open, prom) {
        (Some((0, _, _)), _) => false,
        (Some(_), None) => true,
        (Some((oq, _, oat)), Some((pq, _, pat))) => oq > pq || (oq == pq && oat < pat),
        (None, _) => false,
    }
}

/// An RFC 9110 qvalue (`0`, `0.5`, `1.000`) in thousandths; `None` when
/// malformed.
fn parse_qvalue(v: &str) -> Option<u16> {
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match int {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    let mut thousandths = 0u16;
    for (i, b) in frac.bytes().enumerate() {
        thousandths += u16::from(b - b'0') * [100, 10, 1][i];
    }
    let q = whole + thousandths;
    (q <= 1000).then_some(q)
}

/// OpenMetrics text as the Prometheus text format (0.0.4): a counter
/// family's HELP and TYPE lines name its `_total` samples, as that format
/// wants (read by name, `sluice_hits` left every `sluice_hits_total` without
/// help text), and the `# UNIT` and `# EOF` lines it lacks are dropped.
pub(crate) fn to_prometheus_text(open_metrics: &str) -> String {
    let mut out = String::with_capacity(open_metrics.len() + 1024);
    let mut help: Option<&str> = None;
    for line in open_metrics.lines() {
        if line.starts_with("# HELP ") {
            if let Some(h) = help.replace(line) {
                out.push_str(h);
                out.push('\n');
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').unwrap_or((rest, ""));
            let counter = kind == "counter" && !name.ends_with("_total");
            if let Some(h) = help.take() {
                match (
                    counter,
                    h.strip_prefix("# HELP ").and_then(|r| r.split_once(' ')),
                ) {
                    (true, Some((_, text))) => {
                        out.push_str(&format!("# HELP {name}_total {text}\n"));
                    }
                    (true, None) => out.push_str(&format!("# HELP {name}_total\n")),
                    _ => {
                        out.push_str(h);
                        out.push('\n');
                    }
                }
            }
            if counter {
                out.push_str(&format!("# TYPE {name}_total counter\n"));
            } else {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        if let Some(h) = help.take() {
            out.push_str(h);
            out.push('\n');
        }
        if line.starts_with("# UNIT ") || line == "# EOF" {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    if let Some(h) = help {
        out.push_str(h);
        out.push('\n');
    }
    out
}

/// Name, help and value of a per-class counter.
type ClassCounter = (&'static str, &'static str, fn(&ClassStats) -> u64);

/// The gateway's own body accounting, read at scrape time.
#[derive(Debug)]
struct BodyCollector {
    bodies: BodyPool,
}

impl Collector for BodyCollector {
    fn encode(&self, mut encoder: DescriptorEncoder<'_>) -> Result<(), fmt::Error> {
        let b = &self.bodies;
        let pressure = match b.pool().pressure() {
            PressureLevel::Normal => 0,
            PressureLevel::Elevated => 1,
            PressureLevel::Critical => 2,
        };
        let gauges: [(&str, &str, i64); 4] = [
            (
                "gateway_body_bytes_held",
                "Pool bytes held by request bodies being read or screened",
                b.held_bytes() as i64,
            ),
            (
                "gateway_body_bytes_budget",
                "Most bytes request bodies may hold at once (pool cap less the scan reserve)",
                b.body_budget() as i64,
            ),
            (
                "gateway_body_waiters",
                "Requests waiting for pool memory",
                b.waiting() as i64,
            ),
            (
                "gateway_pool_pressure_level",
                "Pool memory pressure: 0 normal, 1 elevated, 2 critical",
                pressure,
            ),
        ];
        for (name, help, v) in gauges {
            let g = ConstGauge::new(v);
            let m = encoder.encode_descriptor(name, help, None, g.metric_type())?;
            g.encode(m)?;
        }
        // Per size class, labelled `class` with the class size in bytes as
        // `/metrics/memory-pools` lists it (`classes[].size`): the pool's
        // own per-class series are gauges only.
        let stats = b.pool().stats();
        let classes: Vec<_> = stats
            .classes
            .iter()
            .filter(|c| c.acquires > 0 || c.retained_buffers > 0 || c.trimmed_buffers > 0)
            .collect();
        let counters: [ClassCounter; 4] = [
            (
                "gateway_pool_class_hits",
                "Acquisitions served by a retained buffer, per size class",
                |c| c.hits,
            ),
            (
                "gateway_pool_class_misses",
                "Acquisitions that allocated a fresh buffer, per size class",
                |c| c.misses,
            ),
            (
                "gateway_pool_class_trims",
                "Idle buffers released to the allocator by trimming, per size class",
                |c| c.trimmed_buffers,
            ),
            (
                "gateway_pool_class_trimmed_bytes",
                "Bytes released to the allocator by trimming, per size class",
                |c| c.trimmed_bytes,
            ),
        ];
        for (name, help, value) in counters {
            let proto = ConstCounter::new(0u64);
            let mut family = encoder.encode_descriptor(name, help, None, proto.metric_type())?;
            for c in &classes {
                let class = c.size.to_string();
                let labels = [("class", class.as_str())];
                ConstCounter::new(value(c)).encode(family.encode_family(&labels)?)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_qvalue, to_prometheus_text, wants_open_metrics};

    fn accept(values: &[&str]) -> bool {
        let mut h = http::HeaderMap::new();
        for v in values {
            h.append(http::header::ACCEPT, v.parse().unwrap());
        }
        wants_open_metrics(&h)
    }

    #[test]
    fn accept_is_read_by_q_value_and_order() {
        // What Prometheus sends.
        assert!(accept(&[
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
        ]));
        assert!(accept(&["application/openmetrics-text; version=1.0.0"]));
        assert!(!accept(&[]));
        assert!(!accept(&["*/*"]));
        assert!(!accept(&[
            "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
        ]));
        // Ruled out by q=0, however it is written.
        for q in ["0", "0.0", "0.000"] {
            assert!(
                !accept(&[&format!("application/openmetrics-text;q={q}")]),
                "{q}"
            );
            assert!(
                !accept(&[&format!("application/openmetrics-text;q={q}, */*")]),
                "{q}"
            );
            assert!(
                !accept(&[&format!("application/openmetrics-text ; Q={q} ,text/plain")]),
                "{q}"
            );
        }
        // The more specific range decides, wherever it stands.
        assert!(!accept(&["*/*, application/openmetrics-text;q=0"]));
        assert!(accept(&["text/plain;q=0, */*"]));
        assert!(accept(&["application/*;q=0.9, text/*;q=0.5"]));
        // Parameters are not compared: of two equally specific ranges the
        // higher q counts.
        assert!(accept(&[
            "application/openmetrics-text;version=0.0.1;q=0, application/openmetrics-text;version=1.0.0;q=0.8, text/plain;q=0.5"
        ]));
        // Highest q wins; ties by order; across several headers too.
        assert!(!accept(&[
            "application/openmetrics-text;q=0.5, text/plain;q=0.6"
        ]));
        assert!(accept(&[
            "application/openmetrics-text;q=0.6, text/plain;q=0.5"
        ]));
        assert!(!accept(&[
            "text/plain;q=0.5, application/openmetrics-text;q=0.5"
        ]));
        assert!(accept(&[
            "application/openmetrics-text;q=0.5",
            "text/plain;q=0.5"
        ]));
        assert!(accept(&[
            "text/plain;q=0.001",
            "application/openmetrics-text;q=0.002"
        ]));
        // A malformed q value drops its range.
        assert!(!accept(&["application/openmetrics-text;q=2"]));
        assert!(!accept(&[
            "application/openmetrics-text;q=abc, text/plain;q=0.1"
        ]));
    }

    #[test]
    fn qvalues() {
        assert_eq!(parse_qvalue("1"), Some(1000));
        assert_eq!(parse_qvalue("1.000"), Some(1000));
        assert_eq!(parse_qvalue("0.5"), Some(500));
        assert_eq!(parse_qvalue("0.05"), Some(50));
        assert_eq!(parse_qvalue("0."), Some(0));
        assert_eq!(parse_qvalue("1.5"), None);
        assert_eq!(parse_qvalue("0.0001"), None);
        assert_eq!(parse_qvalue("-0"), None);
        assert_eq!(parse_qvalue(""), None);
    }

    #[test]
    fn counters_are_named_by_their_samples() {
        let om = "# HELP a_hits Hits.\n# TYPE a_hits counter\na_hits_total 3\n\
                  # HELP a_level Level.\n# TYPE a_level gauge\na_level 1\n# EOF\n";
        assert_eq!(
            to_prometheus_text(om),
            "# HELP a_hits_total Hits.\n# TYPE a_hits_total counter\na_hits_total 3\n\
             # HELP a_level Level.\n# TYPE a_level gauge\na_level 1\n"
        );
    }
}

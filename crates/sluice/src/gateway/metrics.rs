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
            "Client connections (and WebSocket tunnels) closed because an answer went unread for write_timeout",
            write_timeouts.clone(),
        );
        let upstream_timeouts = Family::<PhaseLabels, Counter>::default();
        registry.register(
            "upstream_timeouts",
            "Proxied requests whose upstream went silent for upstream_timeout, by phase: head (no answer head; 504) or body (the answer stalled part way; cut short)",
            upstream_timeouts.clone(),
        );
        // Both series from the start, so a rate over them needs no first event.
        for phase in [UpstreamPhase::Head, UpstreamPhase::Body] {
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
}

impl UpstreamPhase {
    /// The `phase` label value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Head => "head",
            Self::Body => "body",
        }
    }
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
    use super::to_prometheus_text;

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

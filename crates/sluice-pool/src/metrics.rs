//! Prometheus export (feature `prometheus`).

use std::sync::{Arc, Weak};

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::registry::Registry;

use crate::pool::Inner;
use crate::{Pool, PressureLevel};

/// Name, help and value of a per-class gauge.
type ClassMetric = (&'static str, &'static str, fn(&crate::ClassStats) -> f64);
/// Name, help and value of a per-class counter.
type ClassCounter = (&'static str, &'static str, fn(&crate::ClassStats) -> u64);

/// Reads the pool's statistics on every scrape. Holds the pool weakly, so a
/// registry does not keep a dropped pool alive.
#[derive(Debug)]
struct PoolCollector {
    pool: Weak<Inner>,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inner").finish_non_exhaustive()
    }
}

fn counter(e: &mut DescriptorEncoder, name: &str, help: &str, v: u64) -> std::fmt::Result {
    let c = ConstCounter::new(v);
    c.encode(e.encode_descriptor(name, help, None, c.metric_type())?)
}

fn gauge(e: &mut DescriptorEncoder, name: &str, help: &str, v: f64) -> std::fmt::Result {
    let g = ConstGauge::new(v);
    g.encode(e.encode_descriptor(name, help, None, g.metric_type())?)
}

impl Collector for PoolCollector {
    fn encode(&self, mut e: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let Some(inner) = self.pool.upgrade() else {
            return Ok(());
        };
        let s = inner.stats(false);
        let pressure = match inner.pressure() {
            PressureLevel::Normal => 0.0,
            PressureLevel::Elevated => 1.0,
            PressureLevel::Critical => 2.0,
        };
        counter(
            &mut e,
            "acquires",
            "Buffer acquisitions (hits + misses + unpooled).",
            s.acquires,
        )?;
        counter(
            &mut e,
            "hits",
            "Acquisitions served by a retained buffer.",
            s.hits,
        )?;
        counter(
            &mut e,
            "misses",
            "Pooled acquisitions that allocated a fresh buffer.",
            s.misses,
        )?;
        counter(
            &mut e,
            "unpooled",
            "Acquisitions above the largest size class.",
            s.unpooled,
        )?;
        counter(
            &mut e,
            "trimmed_buffers",
            "Idle buffers released by trimming.",
            s.trimmed_buffers,
        )?;
        counter(
            &mut e,
            "trimmed_bytes",
            "Idle bytes released by trimming.",
            s.trimmed_bytes,
        )?;
        counter(
            &mut e,
            "dropped_buffers",
            "Released buffers freed because a cap was full.",
            s.dropped_buffers,
        )?;
        counter(
            &mut e,
            "cap_overruns",
            "Plain acquisitions past the checked-out cap.",
            s.cap_overruns,
        )?;
        gauge(
            &mut e,
            "hit_ratio",
            "hits / acquires since start.",
            s.hit_rate,
        )?;
        gauge(
            &mut e,
            "retained_bytes",
            "Idle bytes held by the pool.",
            s.retained_bytes as f64,
        )?;
        gauge(
            &mut e,
            "retained_buffers",
            "Idle buffers held by the pool.",
            s.retained_buffers as f64,
        )?;
        gauge(
            &mut e,
            "retained_budget_bytes",
            "Bytes reserved against the retained cap.",
            s.retained_budget_bytes as f64,
        )?;
        gauge(
            &mut e,
            "retained_high_water_bytes",
            "Peak of the retained budget.",
            s.retained_high_water_bytes as f64,
        )?;
        gauge(
            &mut e,
            "max_retained_bytes",
            "Cap on retained bytes.",
            s.max_retained_bytes as f64,
        )?;
        gauge(
            &mut e,
            "checked_out_bytes",
            "Bytes checked out.",
            s.checked_out_bytes as f64,
        )?;
        gauge(
            &mut e,
            "checked_out_buffers",
            "Buffers checked out.",
            s.checked_out_buffers as f64,
        )?;
        gauge(
            &mut e,
            "checked_out_high_water_bytes",
            "Peak of checked-out bytes.",
            s.checked_out_high_water_bytes as f64,
        )?;
        if let Some(cap) = s.max_checked_out_bytes {
            gauge(
                &mut e,
                "max_checked_out_bytes",
                "Cap on checked-out bytes.",
                cap as f64,
            )?;
        }
        gauge(
            &mut e,
            "waiters",
            "Tasks waiting for buffers.",
            s.waiters as f64,
        )?;
        gauge(
            &mut e,
            "tracked_buffers",
            "Checked-out buffers tracked for leak reports.",
            s.tracked_buffers as f64,
        )?;
        gauge(
            &mut e,
            "pressure_level",
            "Memory pressure: 0 normal, 1 elevated, 2 critical.",
            pressure,
        )?;

        let classes: Vec<_> = s
            .classes
            .iter()
            .filter(|c| c.acquires > 0 || c.retained_buffers > 0)
            .collect();
        let per_class: [ClassMetric; 6] = [
            (
                "class_retained_bytes",
                "Idle bytes held per size class.",
                |c| c.retained_bytes as f64,
            ),
            (
                "class_checked_out_bytes",
                "Bytes checked out per size class.",
                |c| c.checked_out_bytes as f64,
            ),
            (
                "class_retained_high_water_bytes",
                "Highest bytes reserved for idle buffers per size class.",
                |c| c.retained_high_water_bytes as f64,
            ),
            (
                "class_checked_out_high_water_bytes",
                "Highest checked-out bytes seen per size class.",
                |c| c.checked_out_high_water_bytes as f64,
            ),
            (
                "class_alloc_rate_per_second",
                "Fresh allocations per second per size class, since the previous stats() call.",
                |c| c.alloc_rate_per_sec,
            ),
            ("class_hit_ratio", "hits / acquires per size class.", |c| {
                if c.acquires == 0 {
                    0.0
                } else {
                    c.hits as f64 / c.acquires as f64
                }
            }),
        ];
        for (name, help, f) in per_class {
            let g = ConstGauge::new(0.0f64);
            let mut family = e.encode_descriptor(name, help, None, g.metric_type())?;
            for c in &classes {
                let size = c.size.to_string();
                let labels = [("size", size.as_str())];
                ConstGauge::new(f(c)).encode(family.encode_family(&labels)?)?;
            }
        }
        let per_class_counters: [ClassCounter; 5] = [
            ("class_acquires", "Acquisitions per size class.", |c| {
                c.acquires
            }),
            (
                "class_hits",
                "Acquisitions served by a retained buffer, per size class.",
                |c| c.hits,
            ),
            (
                "class_misses",
                "Acquisitions that allocated a fresh buffer, per size class.",
                |c| c.misses,
            ),
            (
                "class_trimmed_buffers",
                "Idle buffers released by trimming, per size class.",
                |c| c.trimmed_buffers,
            ),
            (
                "class_trimmed_bytes",
                "Idle bytes released by trimming, per size class.",
                |c| c.trimmed_bytes,
            ),
        ];
        for (name, help, f) in per_class_counters {
            let k = ConstCounter::new(0u64);
            let mut family = e.encode_descriptor(name, help, None, k.metric_type())?;
            for c in &classes {
                let size = c.size.to_string();
                let labels = [("size", size.as_str())];
                ConstCounter::new(f(c)).encode(family.encode_family(&labels)?)?;
            }
        }
        Ok(())
    }
}

impl Pool {
    /// Registers the pool's statistics in `registry` under the prefix
    /// `sluice_pool` (e.g. `sluice_pool_hits_total`,
    /// `sluice_pool_class_retained_bytes{size="4096"}`). The registry holds the
    /// pool weakly; after the pool is gone it reports nothing.
    pub fn register_metrics(&self, registry: &mut Registry) {
        let collector = PoolCollector {
            pool: Arc::downgrade(self.inner()),
        };
        registry
            .sub_registry_with_prefix("sluice_pool")
            .register_collector(Box::new(collector));
    }
}

//! Prometheus export.
#![cfg(all(feature = "prometheus", not(loom)))]

use prometheus_client::encoding::text::encode;
use prometheus_client::registry::Registry;
use sluice_pool::Pool;

#[test]
fn registers_counters_gauges_and_per_class_series() {
    let pool = Pool::builder().detect_cgroup(false).build().unwrap();
    let mut registry = Registry::default();
    pool.register_metrics(&mut registry);
    drop(pool.acquire(4096));
    drop(pool.acquire(4096));
    let held = pool.acquire(1024);

    let mut text = String::new();
    encode(&mut text, &registry).unwrap();
    for line in [
        "sluice_pool_acquires_total 3",
        "sluice_pool_hits_total 1",
        "sluice_pool_misses_total 2",
        "sluice_pool_checked_out_buffers 1",
        "sluice_pool_pressure_level 0",
        "sluice_pool_class_retained_bytes{size=\"4096\"} 4096",
        "sluice_pool_class_checked_out_bytes{size=\"1024\"} 1024",
        "sluice_pool_class_checked_out_high_water_bytes{size=\"1024\"} 1024",
        "sluice_pool_class_acquires_total{size=\"4096\"} 2",
        "sluice_pool_class_hits_total{size=\"4096\"} 1",
        "sluice_pool_class_misses_total{size=\"4096\"} 1",
        "sluice_pool_class_trimmed_buffers_total{size=\"4096\"} 0",
        "sluice_pool_class_alloc_rate_per_second{size=\"4096\"}",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(line)),
            "missing `{line}` in:\n{text}"
        );
    }
    drop(held);

    // the registry does not keep a dropped pool alive, and reports nothing for it
    drop(pool);
    let mut text = String::new();
    encode(&mut text, &registry).unwrap();
    assert!(!text.contains("sluice_pool_acquires_total"), "{text}");
}

//! Configuration from TOML and JSON: defaults, durations, unknown keys.
#![cfg(not(loom))]

use std::time::Duration;

use sluice_pool::{ConfigError, Pool, PoolConfig, Prewarm};

#[test]
fn empty_toml_gives_the_defaults() {
    let cfg: PoolConfig = toml::from_str("").unwrap();
    assert_eq!(cfg, PoolConfig::default());
    assert!(cfg.zero_on_release);
    assert_eq!(cfg.max_idle, Duration::from_secs(30));
}

#[test]
fn toml_sets_fields_and_keeps_other_defaults() {
    let cfg: PoolConfig = toml::from_str(
        r#"
        max_retained_bytes = 33554432
        max_checked_out_bytes = 268435456
        max_idle = "1m30s"
        trim_interval = 5
        leak_sample_rate = 128
        prewarm = [{ size = 32768, count = 20 }]
        "#,
    )
    .unwrap();
    assert_eq!(cfg.max_retained_bytes, 32 << 20);
    assert_eq!(cfg.max_checked_out_bytes, Some(256 << 20));
    assert_eq!(cfg.max_idle, Duration::from_secs(90));
    assert_eq!(cfg.trim_interval, Some(Duration::from_secs(5)));
    assert_eq!(cfg.leak_sample_rate, 128);
    assert_eq!(
        cfg.prewarm,
        vec![Prewarm {
            size: 32768,
            count: 20
        }]
    );
    assert_eq!(
        cfg.thread_cache_buffers,
        PoolConfig::default().thread_cache_buffers
    );
    let pool = Pool::new(cfg).unwrap();
    assert_eq!(pool.stats().retained_buffers, 20);
}

#[test]
fn json_round_trips() {
    let cfg = PoolConfig {
        max_idle: Duration::from_millis(2500),
        trim_interval: Some(Duration::from_secs(10)),
        pressure_threshold_bytes: Some(150 << 20),
        ..PoolConfig::default()
    };
    let json = serde_json::to_string(&cfg).unwrap();
    assert!(json.contains(r#""max_idle":"2500ms""#), "{json}");
    let back: PoolConfig = serde_json::from_str(&json).unwrap();
    assert_eq!(back, cfg);
    let secs: PoolConfig = serde_json::from_str(r#"{"max_idle": 1.5}"#).unwrap();
    assert_eq!(secs.max_idle, Duration::from_millis(1500));
}

#[test]
fn unknown_keys_are_rejected_with_their_name() {
    let err = toml::from_str::<PoolConfig>("max_retained = 5").unwrap_err();
    assert!(
        err.to_string().contains("unknown field `max_retained`"),
        "{err}"
    );
    let err = serde_json::from_str::<PoolConfig>(r#"{"zero_on_relase": false}"#).unwrap_err();
    assert!(
        err.to_string().contains("unknown field `zero_on_relase`"),
        "{err}"
    );
}

#[test]
fn bad_durations_are_explained() {
    let err = toml::from_str::<PoolConfig>(r#"max_idle = "10 parsecs""#).unwrap_err();
    assert!(err.to_string().contains("unknown unit"), "{err}");
}

#[test]
fn invalid_combinations_fail_to_build() {
    let err = Pool::builder().prewarm(64 << 20, 1).build().unwrap_err();
    assert!(matches!(err, ConfigError::PrewarmTooLarge { .. }));
    let err = Pool::builder()
        .max_retained_bytes(1 << 20)
        .prewarm(4096, 1000)
        .build()
        .unwrap_err();
    assert!(matches!(err, ConfigError::PrewarmExceedsCap { .. }));
    assert!(err.to_string().contains("prewarm"));
    let err = Pool::builder()
        .max_checked_out_bytes(Some(0))
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("max_checked_out_bytes"));
}

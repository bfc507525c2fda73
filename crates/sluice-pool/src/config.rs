//! Pool configuration: a serde-deserialisable struct and a builder mirroring it.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::class::{MAX_CLASS_SIZE, class_for_request, class_size};
use crate::{Pool, error::ConfigError};

/// Configuration of a [`Pool`]. All sizes are in bytes.
///
/// Every field has a default, so a config file only names what it changes;
/// unknown keys are rejected. Durations are written as a number of seconds
/// (`30`, `0.5`) or a string with a unit (`"30s"`, `"250ms"`, `"2m"`, `"1h"`).
///
/// ```
/// let cfg: sluice_pool::PoolConfig = serde_json::from_str(
///     r#"{ "max_retained_bytes": 33554432, "max_idle": "10s" }"#,
/// )?;
/// assert_eq!(cfg.max_idle, std::time::Duration::from_secs(10));
/// assert!(cfg.zero_on_release); // default kept
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoolConfig {
    /// Cap on idle (retained) bytes across all classes, thread caches
    /// included. Never exceeded. Default 64 MiB.
    pub max_retained_bytes: usize,
    /// Cap on idle bytes in any one size class. Never exceeded. Default 32 MiB
    /// (half the total: with 16 MiB the 4 MiB class kept only four buffers,
    /// and a workload with more than that in flight freed and reallocated
    /// them, which fragmented the allocator's heap and raised peak RSS).
    pub max_class_retained_bytes: usize,
    /// Optional cap on checked-out bytes (buffer capacity at acquisition
    /// plus what the buffer grew by since, summed over buffers not yet
    /// released). `try_acquire` fails and `acquire_async` waits when it
    /// would be exceeded; growth, like plain `acquire`, never fails and
    /// counts an overrun instead. Default: no cap.
    pub max_checked_out_bytes: Option<usize>,
    /// Buffers allocated when the pool is built, per size.
    pub prewarm: Vec<Prewarm>,
    /// Zero the written bytes of a buffer when it is released, whether it
    /// is kept or freed, and of the old block when a buffer grows (only
    /// `[0, high-water mark)`, so never-written bytes cost nothing). Default true.
    pub zero_on_release: bool,
    /// Idle buffers are released by the first [`Pool::trim`] that runs at
    /// least this long after the trim preceding their release: never
    /// earlier than `max_idle`, at most one trim interval later. Default 30 s.
    #[serde(with = "duration_serde")]
    pub max_idle: Duration,
    /// Period of the background trimmer thread; `None` (the default) starts
    /// none, and trimming happens only when [`Pool::trim`] is called.
    #[serde(with = "opt_duration_serde")]
    pub trim_interval: Option<Duration>,
    /// The pool's own footprint (retained plus checked-out bytes) at which
    /// pressure becomes `Elevated`; at 1.5 times this it is `Critical`.
    /// Default: none.
    pub pressure_threshold_bytes: Option<usize>,
    /// Also derive pressure from the cgroup v2 memory controller
    /// (`memory.current` / `memory.max`) and pressure-stall information, when
    /// present. Default true.
    pub detect_cgroup: bool,
    /// Track one checkout in this many for leak reports (0 = off, 1 = all).
    /// Default 0.
    pub leak_sample_rate: u32,
    /// A tracked buffer checked out longer than this makes `health()` report
    /// a leak. Default 60 s.
    #[serde(with = "duration_serde")]
    pub leak_report_after: Duration,
    /// Bytes each thread may hold in its private cache (idle buffers plus
    /// reserved credit). They count towards `max_retained_bytes`, and a
    /// value above it is lowered to it when the pool is built, so a small
    /// retained cap needs no matching change here. 0 disables thread
    /// caches. Default 1 MiB.
    pub thread_cache_bytes: usize,
    /// Most buffers a thread cache keeps per size class. Default 16.
    pub thread_cache_buffers: usize,
}

/// Buffers to allocate per size when the pool is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prewarm {
    /// Requested size; rounded up to its class like any request.
    pub size: usize,
    /// Number of buffers.
    pub count: usize,
}

impl Default for PoolConfig {
    fn default() -> Self {
        Self {
            max_retained_bytes: 64 << 20,
            max_class_retained_bytes: 32 << 20,
            max_checked_out_bytes: None,
            prewarm: Vec::new(),
            zero_on_release: true,
            max_idle: Duration::from_secs(30),
            trim_interval: None,
            pressure_threshold_bytes: None,
            detect_cgroup: true,
            leak_sample_rate: 0,
            leak_report_after: Duration::from_secs(60),
            thread_cache_bytes: 1 << 20,
            thread_cache_buffers: 16,
        }
    }
}

impl PoolConfig {
    /// Checks the values against each other.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.max_checked_out_bytes == Some(0) {
            return Err(ConfigError::Invalid {
                field: "max_checked_out_bytes",
                reason: "must be positive (omit it for no cap)".into(),
            });
        }
        if self.trim_interval == Some(Duration::ZERO) {
            return Err(ConfigError::Invalid {
                field: "trim_interval",
                reason: "must be positive (omit it for no background trimmer)".into(),
            });
        }
        let mut per_class = std::collections::BTreeMap::<usize, usize>::new();
        let mut total = 0usize;
        for p in &self.prewarm {
            let Some(k) = class_for_request(p.size) else {
                return Err(ConfigError::PrewarmTooLarge {
                    size: p.size,
                    max: MAX_CLASS_SIZE,
                });
            };
            let bytes = class_size(k).saturating_mul(p.count);
            let class_bytes = per_class.entry(k).or_default();
            *class_bytes = class_bytes.saturating_add(bytes);
            total = total.saturating_add(bytes);
            if *class_bytes > self.max_class_retained_bytes {
                return Err(ConfigError::PrewarmExceedsCap {
                    bytes: *class_bytes,
                    cap: self.max_class_retained_bytes,
                });
            }
        }
        if total > self.max_retained_bytes {
            return Err(ConfigError::PrewarmExceedsCap {
                bytes: total,
                cap: self.max_retained_bytes,
            });
        }
        Ok(())
    }
}

/// Builder for [`Pool`]; each method sets the [`PoolConfig`] field of the same name.
///
/// ```
/// let pool = sluice_pool::Pool::builder()
///     .max_retained_bytes(32 << 20)
///     .max_checked_out_bytes(Some(256 << 20))
///     .prewarm(4096, 64)
///     .build()?;
/// assert_eq!(pool.config().max_retained_bytes, 32 << 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct PoolBuilder {
    config: PoolConfig,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)*) => {
        $( $(#[$doc])* pub fn $name(mut self, value: $ty) -> Self {
            self.config.$name = value;
            self
        } )*
    };
}

impl PoolBuilder {
    /// Starts from `config` instead of the defaults.
    pub fn from_config(config: PoolConfig) -> Self {
        Self { config }
    }

    setters! {
        /// See [`PoolConfig::max_retained_bytes`].
        max_retained_bytes: usize;
        /// See [`PoolConfig::max_class_retained_bytes`].
        max_class_retained_bytes: usize;
        /// See [`PoolConfig::max_checked_out_bytes`].
        max_checked_out_bytes: Option<usize>;
        /// See [`PoolConfig::zero_on_release`].
        zero_on_release: bool;
        /// See [`PoolConfig::max_idle`].
        max_idle: Duration;
        /// See [`PoolConfig::trim_interval`].
        trim_interval: Option<Duration>;
        /// See [`PoolConfig::pressure_threshold_bytes`].
        pressure_threshold_bytes: Option<usize>;
        /// See [`PoolConfig::detect_cgroup`].
        detect_cgroup: bool;
        /// See [`PoolConfig::leak_sample_rate`].
        leak_sample_rate: u32;
        /// See [`PoolConfig::leak_report_after`].
        leak_report_after: Duration;
        /// See [`PoolConfig::thread_cache_bytes`].
        thread_cache_bytes: usize;
        /// See [`PoolConfig::thread_cache_buffers`].
        thread_cache_buffers: usize;
    }

    /// Adds `count` buffers of `size` bytes to allocate at start
    /// (see [`PoolConfig::prewarm`]).
    pub fn prewarm(mut self, size: usize, count: usize) -> Self {
        self.config.prewarm.push(Prewarm { size, count });
        self
    }

    /// The configuration built so far.
    pub fn config(&self) -> &PoolConfig {
        &self.config
    }

    /// Validates the configuration and builds the pool.
    pub fn build(self) -> Result<Pool, ConfigError> {
        Pool::new(self.config)
    }
}

/// Formats a duration the way config files write it: `"30s"`, `"250ms"`.
pub(crate) fn format_duration(d: Duration) -> String {
    if d.subsec_nanos() == 0 {
        format!("{}s", d.as_secs())
    } else if d.subsec_nanos().is_multiple_of(1_000_000) {
        format!("{}ms", d.as_millis())
    } else {
        format!("{}ns", d.as_nanos())
    }
}

/// Parses `"30s"`, `"250ms"`, `"2m"`, `"1h"`, `"1m30s"`, `"15"` (seconds).
pub(crate) fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("empty duration".into());
    }
    if let Ok(secs) = s.parse::<f64>() {
        return Duration::try_from_secs_f64(secs).map_err(|e| e.to_string());
    }
    let mut total = Duration::ZERO;
    let mut rest = s;
    while !rest.is_empty() {
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(|| format!("`{s}`: missing unit (ns, us, ms, s, m, h)"))?;
        let (num, tail) = rest.split_at(num_end);
        let unit_end = tail
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(unit_end);
        let value: f64 = num
            .parse()
            .map_err(|_| format!("`{s}`: bad number `{num}`"))?;
        let scale = match unit.trim() {
            "ns" => 1e-9,
            "us" | "µs" => 1e-6,
            "ms" => 1e-3,
            "s" | "sec" | "secs" => 1.0,
            "m" | "min" | "mins" => 60.0,
            "h" | "hr" | "hours" => 3600.0,
            other => {
                return Err(format!(
                    "`{s}`: unknown unit `{other}` (ns, us, ms, s, m, h)"
                ));
            }
        };
        total += Duration::try_from_secs_f64(value * scale).map_err(|e| e.to_string())?;
        rest = tail;
    }
    Ok(total)
}

struct DurationVisitor;

impl serde::de::Visitor<'_> for DurationVisitor {
    type Value = Duration;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a duration: seconds as a number, or a string like \"30s\" or \"250ms\"")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Duration, E> {
        Ok(Duration::from_secs(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Duration, E> {
        u64::try_from(v)
            .map(Duration::from_secs)
            .map_err(|_| E::custom("duration must not be negative"))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Duration, E> {
        Duration::try_from_secs_f64(v).map_err(E::custom)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Duration, E> {
        parse_duration(v).map_err(E::custom)
    }
}

mod duration_serde {
    use super::*;

    pub(super) fn serialize<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_duration(*d))
    }

    pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Duration, D::Error> {
        d.deserialize_any(DurationVisitor)
    }
}

mod opt_duration_serde {
    use super::*;

    pub(super) fn serialize<S: serde::Serializer>(
        d: &Option<Duration>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&format_duration(*d)),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Duration>, D::Error> {
        struct Opt;
        impl<'de> serde::de::Visitor<'de> for Opt {
            type Value = Option<Duration>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a duration or null")
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: serde::Deserializer<'de>>(
                self,
                d: D2,
            ) -> Result<Self::Value, D2::Error> {
                d.deserialize_any(DurationVisitor).map(Some)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
                DurationVisitor.visit_u64(v).map(Some)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
                DurationVisitor.visit_i64(v).map(Some)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
                DurationVisitor.visit_f64(v).map(Some)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                DurationVisitor.visit_str(v).map(Some)
            }
        }
        d.deserialize_option(Opt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert!(parse_duration("10 parsecs").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("-3s").is_err());
    }

    #[test]
    fn durations_round_trip_through_format() {
        for d in [
            Duration::from_secs(30),
            Duration::from_millis(1500),
            Duration::from_nanos(17),
        ] {
            assert_eq!(parse_duration(&format_duration(d)), Ok(d));
        }
    }

    #[test]
    fn validation_rejects_bad_values() {
        let bad = [
            PoolConfig {
                max_checked_out_bytes: Some(0),
                ..Default::default()
            },
            PoolConfig {
                trim_interval: Some(Duration::ZERO),
                ..Default::default()
            },
            PoolConfig {
                prewarm: vec![Prewarm {
                    size: 32 << 20,
                    count: 1,
                }],
                ..Default::default()
            },
            PoolConfig {
                prewarm: vec![Prewarm {
                    size: 1 << 20,
                    count: 33,
                }],
                ..Default::default()
            },
        ];
        for cfg in bad {
            assert!(cfg.validate().is_err(), "{cfg:?}");
        }
        assert!(PoolConfig::default().validate().is_ok());
    }
}

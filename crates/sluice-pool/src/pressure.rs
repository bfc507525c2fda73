//! Memory pressure: from the pool's own footprint against a configured
//! threshold, and from the cgroup v2 memory controller when present.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::loom::{Mutex, lock};

/// How hard the pool should shed idle memory.
///
/// - `Normal`: trimming releases buffers idle longer than `max_idle`.
/// - `Elevated`: trimming uses a quarter of `max_idle`.
/// - `Critical`: trimming releases every idle buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum PressureLevel {
    /// No pressure.
    Normal,
    /// The threshold is reached, the cgroup is above 70% of its limit, or
    /// some tasks stall on memory more than 20% of the time (PSI `some avg10`).
    Elevated,
    /// 1.5 times the threshold, the cgroup above 90% of its limit, or all
    /// tasks stall on memory more than 10% of the time (PSI `full avg10`).
    Critical,
}

/// How long a cgroup reading is reused: reading the files costs tens of
/// microseconds, and `health()` may be polled often.
const CACHE_FOR: Duration = Duration::from_secs(1);

pub(crate) struct PressureProbe {
    cgroup_dir: Option<PathBuf>,
    cached: Mutex<Option<(Instant, PressureLevel)>>,
}

impl PressureProbe {
    pub(crate) fn new(detect_cgroup: bool) -> Self {
        let cgroup_dir = if detect_cgroup && !cfg!(loom) {
            find_cgroup_dir()
        } else {
            None
        };
        Self {
            cgroup_dir,
            cached: Mutex::new(None),
        }
    }

    /// Level from the cgroup (cached for a second); `Normal` outside one.
    pub(crate) fn cgroup_level(&self) -> PressureLevel {
        let Some(dir) = &self.cgroup_dir else {
            return PressureLevel::Normal;
        };
        let mut cached = lock(&self.cached);
        if let Some((at, level)) = *cached
            && at.elapsed() < CACHE_FOR
        {
            return level;
        }
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
        let usage = match (read("memory.current"), read("memory.max")) {
            (Some(cur), Some(max)) => usage_level(&cur, &max),
            _ => PressureLevel::Normal,
        };
        let psi = read("memory.pressure")
            .or_else(|| std::fs::read_to_string("/proc/pressure/memory").ok())
            .map_or(PressureLevel::Normal, |s| psi_level(&s));
        let level = usage.max(psi);
        *cached = Some((Instant::now(), level));
        level
    }
}

/// Level from the pool's own footprint against the configured threshold.
pub(crate) fn threshold_level(footprint: usize, threshold: Option<usize>) -> PressureLevel {
    match threshold {
        Some(t) if footprint >= t.saturating_add(t / 2) => PressureLevel::Critical,
        Some(t) if footprint >= t => PressureLevel::Elevated,
        _ => PressureLevel::Normal,
    }
}

/// The process's cgroup v2 directory, from `/proc/self/cgroup` (`0::/path`).
fn find_cgroup_dir() -> Option<PathBuf> {
    let text = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let rel = text.lines().find_map(|l| l.strip_prefix("0::"))?;
    let dir = PathBuf::from("/sys/fs/cgroup").join(rel.trim_start_matches('/'));
    dir.join("memory.current").exists().then_some(dir)
}

/// `memory.current` against `memory.max` ("max" means no limit).
pub(crate) fn usage_level(current: &str, max: &str) -> PressureLevel {
    let (Ok(cur), Ok(max)) = (current.trim().parse::<u64>(), max.trim().parse::<u64>()) else {
        return PressureLevel::Normal;
    };
    if max == 0 {
        return PressureLevel::Normal;
    }
    let ratio = cur as f64 / max as f64;
    if ratio >= 0.9 {
        PressureLevel::Critical
    } else if ratio >= 0.7 {
        PressureLevel::Elevated
    } else {
        PressureLevel::Normal
    }
}

/// Pressure-stall information: `some avg10=...` and `full avg10=...` lines.
pub(crate) fn psi_level(text: &str) -> PressureLevel {
    let avg10 = |kind: &str| -> f64 {
        text.lines()
            .find(|l| l.starts_with(kind))
            .and_then(|l| l.split_whitespace().find_map(|f| f.strip_prefix("avg10=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    if avg10("full") >= 10.0 {
        PressureLevel::Critical
    } else if avg10("some") >= 20.0 {
        PressureLevel::Elevated
    } else {
        PressureLevel::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_levels() {
        assert_eq!(threshold_level(99, Some(100)), PressureLevel::Normal);
        assert_eq!(threshold_level(100, Some(100)), PressureLevel::Elevated);
        assert_eq!(threshold_level(150, Some(100)), PressureLevel::Critical);
        assert_eq!(threshold_level(usize::MAX, None), PressureLevel::Normal);
    }

    #[test]
    fn cgroup_usage_levels() {
        assert_eq!(usage_level("100\n", "max\n"), PressureLevel::Normal);
        assert_eq!(usage_level("69\n", "100\n"), PressureLevel::Normal);
        assert_eq!(usage_level("70\n", "100\n"), PressureLevel::Elevated);
        assert_eq!(usage_level("95\n", "100\n"), PressureLevel::Critical);
        assert_eq!(usage_level("garbage", "100"), PressureLevel::Normal);
    }

    #[test]
    fn psi_levels() {
        let calm = "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n\
                    full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";
        let some = "some avg10=25.50 avg60=3.00 avg300=1.00 total=10\n\
                    full avg10=2.00 avg60=0.00 avg300=0.00 total=0\n";
        let full = "some avg10=60.00 avg60=3.00 avg300=1.00 total=10\n\
                    full avg10=12.00 avg60=0.00 avg300=0.00 total=0\n";
        assert_eq!(psi_level(calm), PressureLevel::Normal);
        assert_eq!(psi_level(some), PressureLevel::Elevated);
        assert_eq!(psi_level(full), PressureLevel::Critical);
        assert_eq!(psi_level(""), PressureLevel::Normal);
    }
}

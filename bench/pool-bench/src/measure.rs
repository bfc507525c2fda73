//! Timing loops for the comparison runner: calibrate an iteration count, warm
//! up, then take several timed runs and keep their median.

use std::time::Duration;

/// How long each timed run should take and how many to take.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Target duration of one timed run.
    pub target: Duration,
    /// Number of timed runs (after one untimed warm-up run).
    pub runs: usize,
    /// Fewest iterations per run (routines that start threads need many to
    /// amortise the start).
    pub min_iters: u64,
}

impl Plan {
    /// The same plan with at least `min_iters` iterations per run.
    pub fn with_min_iters(self, min_iters: u64) -> Self {
        Self { min_iters, ..self }
    }
}

/// Summary of the timed runs of one routine.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// Iterations per run.
    pub iters: u64,
    /// Nanoseconds per operation of each run, in run order.
    pub runs_ns: Vec<f64>,
    /// Median of `runs_ns`.
    pub median_ns: f64,
    /// Smallest of `runs_ns`.
    pub min_ns: f64,
    /// Largest of `runs_ns`.
    pub max_ns: f64,
}

impl Stats {
    fn from_runs(iters: u64, runs_ns: Vec<f64>) -> Self {
        let mut sorted = runs_ns.clone();
        sorted.sort_by(f64::total_cmp);
        Self {
            iters,
            median_ns: median_sorted(&sorted),
            min_ns: sorted.first().copied().unwrap_or(f64::NAN),
            max_ns: sorted.last().copied().unwrap_or(f64::NAN),
            runs_ns,
        }
    }
}

/// Median of an ascending slice (NaN when empty).
pub fn median_sorted(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// Median of any slice.
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    median_sorted(&v)
}

/// Iterations that make `routine` (which runs the given number of iterations
/// and returns how long they took) last about `target`.
/// The estimate is the median of three probes, so one probe stretched (or,
/// with threads, shortened) by scheduling does not skew the count, and it is
/// at most 16 times the probe's count. Never fewer than `min_iters`.
pub fn calibrate(
    routine: &mut dyn FnMut(u64) -> Duration,
    target: Duration,
    min_iters: u64,
) -> u64 {
    let mut iters: u64 = min_iters.max(1);
    loop {
        let t = routine(iters);
        if t >= target / 8 || iters >= 1 << 36 {
            let mut probes = [t, routine(iters), routine(iters)];
            probes.sort();
            let per = probes[1].as_secs_f64() / iters as f64;
            let n = (target.as_secs_f64() / per.max(1e-12)) as u64;
            return n.clamp(min_iters.max(1), iters.saturating_mul(16));
        }
        iters *= if t < target / 1000 { 16 } else { 2 };
    }
}

/// Measures several routines with their runs interleaved (run 1 of each, then
/// run 2 of each, ...), so a slow patch of a shared machine hits all of them
/// alike. Each routine runs the given number of iterations and returns how
/// long they took.
pub fn measure_interleaved(
    routines: &mut [&mut dyn FnMut(u64) -> Duration],
    plan: Plan,
) -> Vec<Stats> {
    let iters: Vec<u64> = routines
        .iter_mut()
        .map(|r| {
            let n = calibrate(&mut **r, plan.target, plan.min_iters);
            r(n); // warm-up
            n
        })
        .collect();
    let mut runs: Vec<Vec<f64>> = vec![Vec::with_capacity(plan.runs); routines.len()];
    for _ in 0..plan.runs {
        for (i, r) in routines.iter_mut().enumerate() {
            let t = r(iters[i]);
            runs[i].push(t.as_nanos() as f64 / iters[i] as f64);
        }
    }
    runs.into_iter()
        .zip(iters)
        .map(|(r, n)| Stats::from_runs(n, r))
        .collect()
}

/// Measures one routine.
pub fn measure(mut routine: impl FnMut(u64) -> Duration, plan: Plan) -> Stats {
    measure_interleaved(&mut [&mut routine], plan).remove(0)
}

/// CPU time consumed so far by the calling thread (user and system), from
/// `CLOCK_THREAD_CPUTIME_ID`. Unlike wall time it does not grow while other
/// processes run, which matters on a shared, oversubscribed machine.
pub fn thread_cpu_time() -> Duration {
    clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// CPU time consumed so far by the whole process (all threads).
pub fn process_cpu_time() -> Duration {
    clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

#[allow(unsafe_code)]
fn clock(id: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock ids used are
    // supported by Linux.
    if unsafe { libc::clock_gettime(id, &mut ts) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

/// Runs `routine` and returns the calling thread's CPU time it used instead
/// of the wall time it reports.
pub fn on_thread_cpu(mut routine: impl FnMut(u64) -> Duration) -> impl FnMut(u64) -> Duration {
    move |n| {
        let start = thread_cpu_time();
        routine(n);
        thread_cpu_time().saturating_sub(start)
    }
}

/// Resource usage of this process so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    /// Minor page faults (`ru_minflt`).
    pub minor_faults: u64,
    /// Peak resident set size in bytes (`ru_maxrss`).
    pub max_rss_bytes: u64,
}

/// `getrusage(RUSAGE_SELF)`; zeros where it is unavailable.
#[allow(unsafe_code)]
pub fn usage() -> Usage {
    #[cfg(unix)]
    {
        let mut ru = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: `ru` points to writable memory of the right type; on success
        // the kernel fills it completely.
        let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, ru.as_mut_ptr()) };
        if rc == 0 {
            // SAFETY: getrusage succeeded, so `ru` is initialised (it was also
            // zeroed beforehand, which is a valid `rusage`).
            let ru = unsafe { ru.assume_init() };
            // Linux reports ru_maxrss in KiB.
            return Usage {
                minor_faults: ru.ru_minflt.max(0) as u64,
                max_rss_bytes: ru.ru_maxrss.max(0) as u64 * 1024,
            };
        }
    }
    Usage::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn calibrate_scales_to_target() {
        // A fake routine costing 1 µs per iteration.
        let mut r = |n: u64| Duration::from_micros(n);
        let n = calibrate(&mut r, Duration::from_millis(10), 1);
        assert!((9_000..=11_000).contains(&n), "{n}");
    }

    #[test]
    fn stats_report_per_op_times() {
        let mut r = |n: u64| Duration::from_nanos(5 * n);
        let s = measure(
            &mut r,
            Plan {
                target: Duration::from_micros(100),
                runs: 3,
                min_iters: 1,
            },
        );
        assert_eq!(s.runs_ns.len(), 3);
        assert!((s.median_ns - 5.0).abs() < 1e-9);
    }

    #[test]
    fn cpu_clocks_advance() {
        let t = thread_cpu_time();
        let mut x = 0u64;
        for i in 0..1_000_000u64 {
            x = std::hint::black_box(x.wrapping_add(i));
        }
        assert!(thread_cpu_time() > t);
        assert!(process_cpu_time() >= thread_cpu_time());
    }

    #[test]
    fn usage_reports_something() {
        let u = usage();
        assert!(u.max_rss_bytes > 0);
    }
}

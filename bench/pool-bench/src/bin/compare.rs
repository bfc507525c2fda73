//! Comparison runner: every scenario, every contender, each contender in a
//! fresh process; prints one JSON summary on stdout and progress on stderr.
//!
//! ```text
//! cargo run -p pool-bench --release --bin compare -- [--quick]
//!     [--scenarios A,B,C,D,E,Z] [--contenders sluice,jemalloc,...]
//! ```
//!
//! The parent re-executes itself as `compare --child SCENARIO CONTENDER MODE`
//! for each (scenario, contender) pair; the child prints one JSON line.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pool_bench::contenders::{Contender, Family, Kind, Sizing, Visit, dispatch};
use pool_bench::measure::{
    Plan, Stats, measure, measure_interleaved, median, on_thread_cpu, process_cpu_time,
    thread_cpu_time, usage,
};
use pool_bench::scenarios::{self, Mixed};
use pool_bench::{SIZES, size_label};
use serde_json::{Value, json};

const SCENARIOS: [&str; 7] = ["A", "B", "C", "D", "E", "channel", "Z"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Quick,
    Full,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Quick => "quick",
            Mode::Full => "full",
        }
    }

    fn plan(self) -> Plan {
        match self {
            Mode::Quick => Plan {
                target: Duration::from_millis(2),
                runs: 3,
                min_iters: 1,
            },
            Mode::Full => Plan {
                target: Duration::from_millis(30),
                runs: 9,
                min_iters: 1,
            },
        }
    }

    /// E: operations per thread and timed runs (after one warm-up run).
    /// Routines that start threads: enough iterations to amortise that.
    fn threaded_plan(self) -> Plan {
        self.plan().with_min_iters(match self {
            Mode::Quick => 500,
            Mode::Full => 5_000,
        })
    }

    fn mixed(self) -> (Mixed, usize) {
        match self {
            Mode::Quick => (Mixed::standard(600), 2),
            Mode::Full => (Mixed::standard(4_000), 5),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        std::process::exit(child(&args[1..]));
    }
    if args.first().map(String::as_str) == Some("--render") {
        std::process::exit(render_file(args.get(1)));
    }
    std::process::exit(parent(&args));
}

fn usage_text() -> &'static str {
    "usage: compare [--quick] [--scenarios A,B,C,D,E,channel,Z] [--contenders NAME,...]\n       compare --render SUMMARY.json   (markdown tables of a saved summary)"
}

// ---------------------------------------------------------------- child side

fn child(args: &[String]) -> i32 {
    let [scenario, contender, mode] = args else {
        eprintln!("child: expected SCENARIO CONTENDER MODE");
        return 2;
    };
    let mode = if mode == "quick" {
        Mode::Quick
    } else {
        Mode::Full
    };
    let result = match scenario.as_str() {
        "channel" => Ok(channel_child(mode)),
        "Z" => zeroing_child(mode),
        s => match Kind::from_name(contender) {
            None => Err(format!("unknown contender {contender}")),
            Some(kind) => match s {
                "A" | "B" | "C" | "D" => fixed_child(s, kind, mode),
                "E" => mixed_child(kind, mode),
                _ => Err(format!("unknown scenario {s}")),
            },
        },
    };
    match result {
        Ok(v) => {
            println!("{v}");
            0
        }
        Err(e) => {
            eprintln!("child {scenario} {contender}: {e}");
            1
        }
    }
}

fn stats_json(s: &Stats) -> Value {
    json!({
        "median_ns": round(s.median_ns),
        "min_ns": round(s.min_ns),
        "max_ns": round(s.max_ns),
        "runs_ns": s.runs_ns.iter().map(|&x| round(x)).collect::<Vec<_>>(),
        "iters": s.iters,
    })
}

fn round(x: f64) -> f64 {
    if x.is_finite() {
        (x * 100.0).round() / 100.0
    } else {
        x
    }
}

struct FixedVisit {
    scenario: &'static str,
    size: usize,
    mode: Mode,
}

/// Per-op times a routine recorded on its second clock, one entry per call.
type Side = RefCell<Vec<f64>>;

/// Median of the last `runs` entries of `side` (the timed runs; the entries
/// before them are calibration and warm-up).
fn side_median(side: &Side, runs: usize) -> f64 {
    let v = side.borrow();
    median(&v[v.len().saturating_sub(runs)..])
}

/// Measured on the calling thread's CPU time; wall time per op goes to `side`.
fn on_cpu<'a>(
    mut f: impl FnMut(u64) -> Duration + 'a,
    side: &'a Side,
) -> impl FnMut(u64) -> Duration + 'a {
    move |n| {
        let c0 = thread_cpu_time();
        let wall = f(n);
        let cpu = thread_cpu_time().saturating_sub(c0);
        side.borrow_mut().push(wall.as_nanos() as f64 / n as f64);
        cpu
    }
}

/// Measured on wall time; the process's CPU time per operation (divided by
/// `ops_per_iter`) goes to `side`.
fn on_wall<'a>(
    mut f: impl FnMut(u64) -> Duration + 'a,
    ops_per_iter: f64,
    side: &'a Side,
) -> impl FnMut(u64) -> Duration + 'a {
    move |n| {
        let c0 = process_cpu_time();
        let wall = f(n);
        let cpu = process_cpu_time().saturating_sub(c0);
        side.borrow_mut()
            .push(cpu.as_nanos() as f64 / (n as f64 * ops_per_iter));
        wall
    }
}

impl Visit for FixedVisit {
    type Out = Value;
    fn visit<C: Contender>(self, c: &C) -> Value {
        let size = self.size;
        let side = Side::default();
        match self.scenario {
            "A" | "B" => {
                let plan = self.mode.plan();
                let s = if self.scenario == "A" {
                    measure(
                        on_cpu(|n| scenarios::acquire_release(c, size, n), &side),
                        plan,
                    )
                } else {
                    measure(
                        on_cpu(|n| scenarios::acquire_write_release(c, size, n), &side),
                        plan,
                    )
                };
                let mut v = stats_json(&s);
                v["clock"] = json!("thread-cpu");
                v["wall_median_ns"] = json!(round(side_median(&side, plan.runs)));
                v
            }
            "C" => {
                let plan = self.mode.threaded_plan();
                let s = measure(
                    on_wall(|n| scenarios::cross_thread_release(c, size, n), 1.0, &side),
                    plan,
                );
                let mut v = stats_json(&s);
                v["clock"] = json!("wall");
                v["cpu_ns_per_handoff"] = json!(round(side_median(&side, plan.runs)));
                v
            }
            _ => {
                // D: one thread and two threads measured alternately in the
                // same process, so the scaling compares like with like.
                let plan = self.mode.threaded_plan();
                let side_two = Side::default();
                let mut one = on_wall(|n| scenarios::acquire_write_release(c, size, n), 1.0, &side);
                let mut two = on_wall(|n| scenarios::two_threads_write(c, size, n), 2.0, &side_two);
                let s = measure_interleaved(&mut [&mut one, &mut two], plan);
                let (cpu_one, cpu_two) = (
                    side_median(&side, plan.runs),
                    side_median(&side_two, plan.runs),
                );
                let mut v = stats_json(&s[1]);
                v["clock"] = json!("wall");
                v["one_thread"] = stats_json(&s[0]);
                // Two threads each did `n` operations in the measured time.
                v["scaling"] = json!(round(2.0 * s[0].median_ns / s[1].median_ns));
                // CPU time per operation, one thread vs two: the scaling two
                // threads would reach with a core each (contention shows up
                // as extra CPU per operation, waiting for a core does not).
                v["cpu_ns_per_op_one_thread"] = json!(round(cpu_one));
                v["cpu_ns_per_op_two_threads"] = json!(round(cpu_two));
                v["cpu_scaling_bound"] = json!(round(2.0 * cpu_one / cpu_two));
                v
            }
        }
    }
}

fn fixed_child(scenario: &str, kind: Kind, mode: Mode) -> Result<Value, String> {
    let scenario: &'static str = match scenario {
        "A" => "A",
        "B" => "B",
        "C" => "C",
        _ => "D",
    };
    let mut cells = Vec::new();
    for size in SIZES {
        let mut v = dispatch(
            kind,
            Sizing::Fixed(size),
            FixedVisit {
                scenario,
                size,
                mode,
            },
        )
        .map_err(|e| e.to_string())?;
        eprintln!(
            "  {scenario} {:<16} {:>6}: {:>12.1} ns/op{}",
            kind.name(),
            size_label(size),
            v["median_ns"].as_f64().unwrap_or(f64::NAN),
            v.get("scaling")
                .and_then(Value::as_f64)
                .map(|s| format!(
                    "  (scaling {s:.2}x, CPU-time bound {:.2}x)",
                    v["cpu_scaling_bound"].as_f64().unwrap_or(f64::NAN)
                ))
                .unwrap_or_default()
        );
        v["size"] = json!(size);
        cells.push(v);
    }
    Ok(json!({ "scenario": scenario, "contender": kind.name(), "cells": cells }))
}

fn channel_child(mode: Mode) -> Value {
    let side = Side::default();
    let plan = mode.threaded_plan();
    let s = measure(on_wall(scenarios::bare_channel, 1.0, &side), plan);
    eprintln!("  bare channel: {:.1} ns/op", s.median_ns);
    let mut v = stats_json(&s);
    v["scenario"] = json!("channel");
    v["clock"] = json!("wall");
    v["cpu_ns_per_handoff"] = json!(round(side_median(&side, plan.runs)));
    v["capacity"] = json!(scenarios::CHANNEL_CAPACITY);
    v
}

struct MixedVisit {
    mixed: Mixed,
    runs: usize,
}

impl Visit for MixedVisit {
    type Out = Value;
    fn visit<C: Contender>(self, c: &C) -> Value {
        let ops = self.mixed.total_ops() as f64;
        // The warm-up run fills the pools; faults are counted after it.
        let warm = scenarios::mixed(c, &self.mixed);
        let before = usage();
        let cpu0 = process_cpu_time();
        let runs: Vec<f64> = (0..self.runs)
            .map(|_| scenarios::mixed(c, &self.mixed).as_nanos() as f64 / ops)
            .collect();
        let cpu = process_cpu_time().saturating_sub(cpu0);
        let after = usage();
        let faults = after.minor_faults.saturating_sub(before.minor_faults) as f64;
        json!({
            "median_ns": round(median(&runs)),
            "runs_ns": runs.iter().map(|&x| round(x)).collect::<Vec<_>>(),
            "warmup_ns": round(warm.as_nanos() as f64 / ops),
            "ops_per_run": self.mixed.total_ops(),
            "minflt_per_op": round(faults / (ops * self.runs as f64)),
            "cpu_ns_per_op": round(cpu.as_nanos() as f64 / (ops * self.runs as f64)),
            "peak_rss_bytes": after.max_rss_bytes,
            "retained": c.retained().map(|r| json!({
                "bytes": r.bytes,
                "high_water_bytes": r.high_water_bytes,
                "cap_bytes": r.cap_bytes,
            })),
            "pool_stats": c.report(),
        })
    }
}

fn mixed_child(kind: Kind, mode: Mode) -> Result<Value, String> {
    let (mixed, runs) = mode.mixed();
    let mut v = dispatch(
        kind,
        Sizing::Mixed {
            min: mixed.min,
            max: mixed.max,
        },
        MixedVisit { mixed, runs },
    )
    .map_err(|e| e.to_string())?;
    eprintln!(
        "  E {:<16}: {:>9.0} ns/op, {:>6.2} minor faults/op, peak RSS {:>6.1} MiB",
        kind.name(),
        v["median_ns"].as_f64().unwrap_or(f64::NAN),
        v["minflt_per_op"].as_f64().unwrap_or(f64::NAN),
        v["peak_rss_bytes"].as_f64().unwrap_or(0.0) / f64::from(1 << 20),
    );
    v["scenario"] = json!("E");
    v["contender"] = json!(kind.name());
    v["workload"] = json!({
        "threads": 2,
        "ops_per_thread": mixed.ops_per_thread,
        "held_per_thread": mixed.held_per_thread,
        "min_size": mixed.min,
        "max_size": mixed.max,
        "size_distribution": "log-uniform",
        "released_on_other_thread": 0.5,
        "seed": mixed.seed,
    });
    Ok(v)
}

/// Z: what zero-on-release costs, against a plain memset of the same bytes.
fn zeroing_child(mode: Mode) -> Result<Value, String> {
    let zero = pool_bench::contenders::SluicePool::new(true).map_err(|e| e.to_string())?;
    let plain = pool_bench::contenders::SluicePool::new(false).map_err(|e| e.to_string())?;
    let plan = mode.plan();
    let mut full = Vec::new();
    for size in SIZES {
        let mut buf = vec![1u8; size];
        let mut z = on_thread_cpu(|n| scenarios::acquire_write_release(&zero, size, n));
        let mut p = on_thread_cpu(|n| scenarios::acquire_write_release(&plain, size, n));
        let mut m = on_thread_cpu(|n| scenarios::memset(&mut buf, n));
        let s = measure_interleaved(&mut [&mut z, &mut p, &mut m], plan);
        let overhead = s[0].median_ns - s[1].median_ns;
        let ratio = overhead / s[2].median_ns;
        eprintln!(
            "  Z full write {:>6}: zeroing {:>10.1} nozero {:>10.1} memset {:>10.1} ns -> overhead {:.2}x memset",
            size_label(size),
            s[0].median_ns,
            s[1].median_ns,
            s[2].median_ns,
            ratio
        );
        full.push(json!({
            "size": size,
            "written": size,
            "zeroing": stats_json(&s[0]),
            "no_zeroing": stats_json(&s[1]),
            "memset": stats_json(&s[2]),
            "overhead_ns": round(overhead),
            "overhead_vs_memset": round(ratio),
        }));
    }
    // A large buffer with only a little written: only that little is cleared.
    let (size, written) = (1usize << 20, 100usize);
    let mut buf = vec![1u8; written];
    let mut z = on_thread_cpu(|n| scenarios::partial_write(&zero, size, written, n));
    let mut p = on_thread_cpu(|n| scenarios::partial_write(&plain, size, written, n));
    let mut m = on_thread_cpu(|n| scenarios::memset(&mut buf, n));
    let s = measure_interleaved(&mut [&mut z, &mut p, &mut m], plan);
    let partial = json!({
        "size": size,
        "written": written,
        "zeroing": stats_json(&s[0]),
        "no_zeroing": stats_json(&s[1]),
        "memset": stats_json(&s[2]),
        "overhead_ns": round(s[0].median_ns - s[1].median_ns),
    });
    eprintln!(
        "  Z 100 B written of 1MiB: zeroing {:.1} nozero {:.1} memset(100) {:.1} ns",
        s[0].median_ns, s[1].median_ns, s[2].median_ns
    );
    // Nothing written: nothing to clear.
    let mut z = on_thread_cpu(|n| scenarios::acquire_release(&zero, size, n));
    let mut p = on_thread_cpu(|n| scenarios::acquire_release(&plain, size, n));
    let s = measure_interleaved(&mut [&mut z, &mut p], plan);
    eprintln!(
        "  Z untouched 1MiB: zeroing {:.1} nozero {:.1} ns",
        s[0].median_ns, s[1].median_ns
    );
    let untouched = json!({
        "size": size,
        "zeroing": stats_json(&s[0]),
        "no_zeroing": stats_json(&s[1]),
        "overhead_ns": round(s[0].median_ns - s[1].median_ns),
    });
    Ok(json!({
        "scenario": "Z",
        "clock": "thread-cpu",
        "full_write": full,
        "partial_write": partial,
        "untouched": untouched,
    }))
}

// --------------------------------------------------------------- parent side

struct Options {
    mode: Mode,
    scenarios: Vec<String>,
    contenders: Vec<Kind>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        mode: Mode::Full,
        scenarios: SCENARIOS.iter().map(|s| s.to_string()).collect(),
        contenders: Kind::ALL.to_vec(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--quick" => o.mode = Mode::Quick,
            "--scenarios" => {
                let v = it.next().ok_or("--scenarios needs a value")?;
                o.scenarios = v.split(',').map(str::to_string).collect();
                if let Some(bad) = o
                    .scenarios
                    .iter()
                    .find(|s| !SCENARIOS.contains(&s.as_str()))
                {
                    return Err(format!("unknown scenario {bad}"));
                }
            }
            "--contenders" => {
                let v = it.next().ok_or("--contenders needs a value")?;
                o.contenders = v
                    .split(',')
                    .map(|n| Kind::from_name(n).ok_or(format!("unknown contender {n}")))
                    .collect::<Result<_, _>>()?;
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(o)
}

fn parent(args: &[String]) -> i32 {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("{e}");
            }
            eprintln!("{}", usage_text());
            return 2;
        }
    };
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot find own executable: {e}");
            return 1;
        }
    };
    let started = Instant::now();
    let load_start = loadavg();
    let mut results: Vec<Value> = Vec::new();
    let mut failures: Vec<Value> = Vec::new();
    let mut run = |scenario: &str, contender: &str| {
        eprintln!("[{scenario} {contender}]");
        let t0 = Instant::now();
        let out = Command::new(&exe)
            .args(["--child", scenario, contender, o.mode.name()])
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output();
        let parsed = out.map_err(|e| e.to_string()).and_then(|out| {
            if !out.status.success() {
                return Err(format!("exit status {}", out.status));
            }
            let text = String::from_utf8_lossy(&out.stdout);
            let line = text.lines().last().unwrap_or_default();
            serde_json::from_str::<Value>(line).map_err(|e| format!("bad child output: {e}"))
        });
        eprintln!("  ({:.1} s)", t0.elapsed().as_secs_f64());
        match parsed {
            Ok(v) => results.push(v),
            Err(e) => {
                eprintln!("  FAILED: {e}");
                failures.push(json!({ "scenario": scenario, "contender": contender, "error": e }));
            }
        }
    };
    for scenario in ["A", "B", "C", "D", "E"] {
        if !o.scenarios.iter().any(|s| s == scenario) {
            continue;
        }
        for k in &o.contenders {
            run(scenario, k.name());
        }
    }
    if o.scenarios.iter().any(|s| s == "channel" || s == "C") {
        run("channel", "-");
    }
    if o.scenarios.iter().any(|s| s == "Z") {
        run("Z", "sluice");
    }
    let summary = summarise(&results, &o, started.elapsed(), load_start, failures);
    println!(
        "{}",
        serde_json::to_string_pretty(&summary).unwrap_or_default()
    );
    eprintln!("done in {:.0} s", started.elapsed().as_secs_f64());
    0
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_default()
}

/// `(scenario, size)` -> contender -> median ns.
type Table = BTreeMap<(String, usize), BTreeMap<String, f64>>;

fn summarise(
    results: &[Value],
    o: &Options,
    elapsed: Duration,
    load_start: String,
    failures: Vec<Value>,
) -> Value {
    let mut table: Table = BTreeMap::new();
    let mut scaling: BTreeMap<(String, usize), f64> = BTreeMap::new();
    // Per-cell extras of the child results, carried into the summary cells.
    let mut extras: BTreeMap<(String, usize, String), serde_json::Map<String, Value>> =
        BTreeMap::new();
    let mut channel_ns = None;
    let mut zeroing = Value::Null;
    let mut mixed: BTreeMap<String, Value> = BTreeMap::new();
    for r in results {
        let scenario = r["scenario"].as_str().unwrap_or_default();
        match scenario {
            "channel" => channel_ns = r["median_ns"].as_f64(),
            "Z" => zeroing = r.clone(),
            "E" => {
                let c = r["contender"].as_str().unwrap_or_default().to_string();
                if let Some(ns) = r["median_ns"].as_f64() {
                    table
                        .entry(("E".into(), 0))
                        .or_default()
                        .insert(c.clone(), ns);
                }
                mixed.insert(c, r.clone());
            }
            _ => {
                let c = r["contender"].as_str().unwrap_or_default().to_string();
                for cell in r["cells"].as_array().into_iter().flatten() {
                    let size = cell["size"].as_u64().unwrap_or(0) as usize;
                    if let Some(ns) = cell["median_ns"].as_f64() {
                        table
                            .entry((scenario.to_string(), size))
                            .or_default()
                            .insert(c.clone(), ns);
                    }
                    if let Some(s) = cell["scaling"].as_f64() {
                        scaling.insert((c.clone(), size), s);
                    }
                    let mut extra = serde_json::Map::new();
                    for key in [
                        "clock",
                        "wall_median_ns",
                        "cpu_ns_per_handoff",
                        "cpu_scaling_bound",
                        "cpu_ns_per_op_one_thread",
                        "cpu_ns_per_op_two_threads",
                    ] {
                        if !cell[key].is_null() {
                            extra.insert(key.to_string(), cell[key].clone());
                        }
                    }
                    if let Some(one) = cell["one_thread"]["median_ns"].as_f64() {
                        extra.insert("one_thread_median_ns".into(), json!(one));
                    }
                    extras.insert((scenario.to_string(), size, c.clone()), extra);
                }
            }
        }
    }

    let is_pool_crate =
        |name: &str| Kind::from_name(name).map(Kind::family) == Some(Family::PoolCrate);
    let mut cells = Vec::new();
    for ((scenario, size), row) in &table {
        let jemalloc = row.get("jemalloc").copied();
        let best_pool = row
            .iter()
            .filter(|(n, _)| is_pool_crate(n))
            .min_by(|a, b| a.1.total_cmp(b.1))
            .map(|(n, v)| (n.clone(), *v));
        for (name, &ns) in row {
            let mut cell = json!({
                "scenario": scenario,
                "size": size,
                "contender": name,
                "median_ns": ns,
                "time_vs_jemalloc": jemalloc.map(|j| round(ns / j)),
                "time_vs_best_pool_crate": best_pool.as_ref().map(|(_, b)| round(ns / b)),
                "best_pool_crate": best_pool.as_ref().map(|(n, _)| n.clone()),
            });
            if let Some(extra) = extras.get(&(scenario.clone(), *size, name.clone())) {
                for (k, v) in extra {
                    cell[k] = v.clone();
                }
            }
            if scenario == "C"
                && let Some(ch) = channel_ns
            {
                cell["above_bare_channel_ns"] = json!(round(ns - ch));
            }
            if scenario == "D"
                && let Some(s) = scaling.get(&(name.clone(), *size))
            {
                cell["scaling_vs_one_thread"] = json!(s);
            }
            if scenario == "E"
                && let Some(m) = mixed.get(name)
            {
                cell["minflt_per_op"] = m["minflt_per_op"].clone();
                cell["peak_rss_bytes"] = m["peak_rss_bytes"].clone();
                cell["retained"] = m["retained"].clone();
            }
            cells.push(cell);
        }
    }

    let targets = evaluate(&table, &scaling, channel_ns, &mixed, &zeroing);
    json!({
        "tool": "pool-bench compare",
        "mode": o.mode.name(),
        "command": format!(
            "cargo run -p pool-bench --release --bin compare --{}",
            if o.mode == Mode::Quick { " --quick" } else { "" }
        ),
        "machine": {
            "nproc": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
            "cpu_model": cpu_model(),
            "loadavg_start": load_start,
            "loadavg_end": loadavg(),
        },
        "plan": {
            "target_ms_per_run": o.mode.plan().target.as_millis() as u64,
            "timed_runs": o.mode.plan().runs,
            "statistic": "median of the timed runs, after calibration and one warm-up run",
            "channel_capacity": scenarios::CHANNEL_CAPACITY,
            "pool_crate_capacity_per_class": pool_bench::contenders::POOL_CRATE_CAPACITY,
        },
        "units": "ns per operation. A, B and Z: CPU time of the measuring thread (CLOCK_THREAD_CPUTIME_ID; wall time alongside as wall_median_ns), because the 2-core machine is shared. C: wall time per hand-off (process CPU alongside). D: wall time per operation per thread with two threads, scaling = 2 x one-thread time / two-thread time (CPU-time bound alongside). E: wall time over all operations of both threads",
        "elapsed_s": round(elapsed.as_secs_f64()),
        "sluice_config": {
            "defaults": std::env::var_os("POOL_BENCH_SLUICE_MAX_RETAINED").is_none()
                && std::env::var_os("POOL_BENCH_SLUICE_MAX_CLASS_RETAINED").is_none()
                && std::env::var_os("POOL_BENCH_SLUICE_THREAD_CACHE_BYTES").is_none(),
            "max_retained_bytes_override": std::env::var("POOL_BENCH_SLUICE_MAX_RETAINED").ok(),
            "max_class_retained_bytes_override": std::env::var("POOL_BENCH_SLUICE_MAX_CLASS_RETAINED").ok(),
            "thread_cache_bytes_override": std::env::var("POOL_BENCH_SLUICE_THREAD_CACHE_BYTES").ok(),
        },
        "bare_channel_ns": channel_ns,
        "cells": cells,
        "mixed": mixed,
        "zeroing": zeroing,
        "targets": targets,
        "failures": failures,
    })
}

fn get(table: &Table, scenario: &str, size: usize, who: &str) -> Option<f64> {
    table.get(&(scenario.to_string(), size))?.get(who).copied()
}

fn target(name: &str, pass: Option<bool>, detail: Value) -> Value {
    json!({
        "target": name,
        "pass": pass,
        "detail": detail,
    })
}

fn all(v: &[Option<bool>]) -> Option<bool> {
    if v.is_empty() || v.iter().any(Option::is_none) {
        None
    } else {
        Some(v.iter().all(|x| *x == Some(true)))
    }
}

fn evaluate(
    table: &Table,
    scaling: &BTreeMap<(String, usize), f64>,
    channel_ns: Option<f64>,
    mixed: &BTreeMap<String, Value>,
    zeroing: &Value,
) -> Vec<Value> {
    const S: &str = "sluice";
    let mut out = Vec::new();

    // A, small sizes: no slower than jemalloc.
    let mut passes = Vec::new();
    let mut detail = Vec::new();
    for size in [1 << 10, 4 << 10] {
        let (s, j) = (get(table, "A", size, S), get(table, "A", size, "jemalloc"));
        let pass = s.zip(j).map(|(s, j)| s <= j);
        passes.push(pass);
        detail.push(json!({"size": size, "sluice_ns": s, "jemalloc_ns": j, "pass": pass}));
    }
    out.push(target(
        "A: no slower than jemalloc at 1-4 KiB",
        all(&passes),
        json!(detail),
    ));

    // A, large sizes: at least 10x faster than jemalloc.
    let mut passes = Vec::new();
    let mut detail = Vec::new();
    for size in [64 << 10, 1 << 20] {
        let (s, j) = (get(table, "A", size, S), get(table, "A", size, "jemalloc"));
        let speedup = s.zip(j).map(|(s, j)| j / s);
        let pass = speedup.map(|x| x >= 10.0);
        passes.push(pass);
        detail.push(json!({"size": size, "sluice_ns": s, "jemalloc_ns": j, "speedup": speedup.map(round), "pass": pass}));
    }
    out.push(target(
        "A: at least 10x faster than jemalloc at 64 KiB-1 MiB",
        all(&passes),
        json!(detail),
    ));

    // C: at most 60 ns above the bare channel.
    let mut passes = Vec::new();
    let mut detail = Vec::new();
    for size in SIZES {
        let s = get(table, "C", size, S);
        let above = s.zip(channel_ns).map(|(s, c)| s - c);
        let pass = above.map(|a| a <= 60.0);
        passes.push(pass);
        detail.push(json!({"size": size, "sluice_ns": s, "bare_channel_ns": channel_ns, "above_ns": above.map(round), "pass": pass}));
    }
    out.push(target(
        "C: at most 60 ns above the bare channel",
        all(&passes),
        json!(detail),
    ));

    // D: two threads at least 1.8x one thread.
    let mut passes = Vec::new();
    let mut detail = Vec::new();
    for size in SIZES {
        let s = scaling.get(&(S.to_string(), size)).copied();
        let pass = s.map(|x| x >= 1.8);
        passes.push(pass);
        detail.push(json!({"size": size, "scaling": s, "pass": pass}));
    }
    out.push(target(
        "D: two threads at least 1.8x one thread at every size",
        all(&passes),
        json!(detail),
    ));

    // E: faster than every allocator and pool crate; RSS and retained bounds.
    let e = table.get(&("E".to_string(), 0));
    let s_ns = e.and_then(|r| r.get(S).copied());
    let others: Vec<(String, f64)> = e
        .map(|r| {
            r.iter()
                .filter(|(n, _)| Kind::from_name(n).map(Kind::family) != Some(Family::Sluice))
                .map(|(n, v)| (n.clone(), *v))
                .collect()
        })
        .unwrap_or_default();
    let fastest_other = others.iter().min_by(|a, b| a.1.total_cmp(&b.1)).cloned();
    let faster = s_ns.zip(fastest_other.as_ref()).map(|(s, (_, o))| s < *o);
    let rss = |n: &str| mixed.get(n).and_then(|m| m["peak_rss_bytes"].as_f64());
    let rss_pass = rss(S).zip(rss("jemalloc")).map(|(s, j)| s <= j);
    let retained = mixed.get(S).map(|m| m["retained"].clone());
    let within_cap = retained
        .as_ref()
        .and_then(|r| Some(r["high_water_bytes"].as_u64()? <= r["cap_bytes"].as_u64()?));
    out.push(target(
        "E: faster than every allocator and pool crate",
        faster,
        json!({"sluice_ns": s_ns, "fastest_other": fastest_other}),
    ));
    let nz_ns = e.and_then(|r| r.get("sluice-nozero").copied());
    out.push(target(
        "E (informative, sluice with zero_on_release off): faster than every allocator and pool crate",
        nz_ns.zip(fastest_other.as_ref()).map(|(s, (_, o))| s < *o),
        json!({"sluice_nozero_ns": nz_ns, "fastest_other": fastest_other}),
    ));
    out.push(target(
        "E: peak RSS no higher than jemalloc's",
        rss_pass,
        json!({"sluice_bytes": rss(S), "jemalloc_bytes": rss("jemalloc")}),
    ));
    out.push(target(
        "E: retained bytes within the cap",
        within_cap,
        json!(retained),
    ));

    // Zeroing: at most 1.1x a memset of the written bytes; nothing for
    // bytes never written.
    let mut passes = Vec::new();
    let mut detail = Vec::new();
    for z in zeroing["full_write"].as_array().into_iter().flatten() {
        let r = z["overhead_vs_memset"].as_f64();
        let pass = r.map(|r| r <= 1.1);
        passes.push(pass);
        detail.push(json!({"size": z["size"], "overhead_vs_memset": r, "pass": pass}));
    }
    out.push(target(
        "Zeroing: at most 1.1x a memset of the written bytes",
        all(&passes),
        json!(detail),
    ));
    let untouched = zeroing["untouched"]["overhead_ns"].as_f64();
    let nozero = zeroing["untouched"]["no_zeroing"]["median_ns"].as_f64();
    out.push(target(
        "Zeroing: nothing for bytes never written (untouched 1 MiB costs within 10% or 2 ns of no zeroing)",
        untouched
            .zip(nozero)
            .map(|(u, n)| u <= (0.1 * n).max(2.0)),
        json!({"overhead_ns": untouched, "no_zeroing_ns": nozero}),
    ));

    // Never slower than the best pool crate in any cell.
    let mut passes = Vec::new();
    let mut losses = Vec::new();
    for ((scenario, size), row) in table {
        let Some(s) = row.get(S).copied() else {
            continue;
        };
        let best = row
            .iter()
            .filter(|(n, _)| Kind::from_name(n).map(Kind::family) == Some(Family::PoolCrate))
            .min_by(|a, b| a.1.total_cmp(b.1));
        if let Some((name, &b)) = best {
            let pass = s <= b;
            passes.push(Some(pass));
            if !pass {
                losses.push(json!({"scenario": scenario, "size": size, "sluice_ns": s, "best_pool_crate": name, "best_ns": b, "ratio": round(s / b)}));
            }
        }
    }
    out.push(target(
        "Never slower than the best pool crate in any cell",
        all(&passes),
        json!({"cells_compared": passes.len(), "cells_lost": losses}),
    ));
    out
}

// ------------------------------------------------------------- markdown view

fn render_file(path: Option<&String>) -> i32 {
    let Some(path) = path else {
        eprintln!("{}", usage_text());
        return 2;
    };
    let parsed = std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str::<Value>(&t).map_err(|e| e.to_string()));
    match parsed {
        Ok(v) => {
            print!("{}", render(&v));
            0
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            1
        }
    }
}

fn fmt_ns(ns: f64) -> String {
    if !ns.is_finite() {
        "-".into()
    } else if ns >= 100_000.0 {
        format!("{:.0} µs", ns / 1000.0)
    } else if ns >= 10_000.0 {
        format!("{:.1} µs", ns / 1000.0)
    } else if ns >= 100.0 {
        format!("{ns:.0}")
    } else {
        format!("{ns:.1}")
    }
}

fn fmt_ratio(r: Option<f64>) -> String {
    r.map(|r| format!("{r:.2}x")).unwrap_or_else(|| "-".into())
}

fn pass_mark(p: &Value) -> &'static str {
    match p.as_bool() {
        Some(true) => "PASS",
        Some(false) => "FAIL",
        None => "n/a",
    }
}

/// Markdown tables of a summary: one table per scenario, then E, zeroing and
/// the targets.
fn render(v: &Value) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let cells = v["cells"].as_array().cloned().unwrap_or_default();
    let lookup = |scenario: &str, size: usize, who: &str| -> Option<&Value> {
        cells.iter().find(|c| {
            c["scenario"] == scenario
                && c["size"].as_u64() == Some(size as u64)
                && c["contender"] == who
        })
    };
    let titles = [
        (
            "A",
            "A: acquire + release, untouched (ns/op, thread CPU time)",
        ),
        (
            "B",
            "B: acquire, write every byte, release (ns/op, thread CPU time)",
        ),
        (
            "C",
            "C: acquire here, release on another thread via a bounded channel (ns per hand-off, wall)",
        ),
        (
            "D",
            "D: two threads doing B at once (ns/op per thread, wall; scaling in the next table)",
        ),
    ];
    for (scenario, title) in titles {
        if !cells.iter().any(|c| c["scenario"] == scenario) {
            continue;
        }
        let _ = writeln!(out, "#### {title}\n");
        let _ = writeln!(out, "| contender | 1 KiB | 4 KiB | 64 KiB | 1 MiB |");
        let _ = writeln!(out, "|---|---:|---:|---:|---:|");
        for k in Kind::ALL {
            let row: Vec<String> = SIZES
                .iter()
                .map(|&s| {
                    lookup(scenario, s, k.name())
                        .and_then(|c| c["median_ns"].as_f64())
                        .map(fmt_ns)
                        .unwrap_or_else(|| "-".into())
                })
                .collect();
            if row.iter().all(|r| r == "-") {
                continue;
            }
            let name = if k.family() == Family::Sluice {
                format!("**{}**", k.name())
            } else {
                k.name().to_string()
            };
            let _ = writeln!(out, "| {name} | {} |", row.join(" | "));
        }
        if scenario == "C"
            && let Some(ch) = v["bare_channel_ns"].as_f64()
        {
            let _ = writeln!(
                out,
                "| *bare channel* | {} |",
                vec![fmt_ns(ch); 4].join(" | ")
            );
        }
        for (label, key) in [
            ("sluice / jemalloc", "time_vs_jemalloc"),
            ("sluice / best pool crate", "time_vs_best_pool_crate"),
        ] {
            let row: Vec<String> = SIZES
                .iter()
                .map(|&s| {
                    let c = lookup(scenario, s, "sluice");
                    let r = fmt_ratio(c.and_then(|c| c[key].as_f64()));
                    match (key, c.and_then(|c| c["best_pool_crate"].as_str())) {
                        ("time_vs_best_pool_crate", Some(b)) => format!("{r} ({b})"),
                        _ => r,
                    }
                })
                .collect();
            let _ = writeln!(out, "| *{label}* | {} |", row.join(" | "));
        }
        let _ = writeln!(out);
    }
    if cells.iter().any(|c| c["scenario"] == "D") {
        let _ = writeln!(
            out,
            "#### D: scaling, two threads vs one (wall time; CPU-time bound in brackets)\n"
        );
        let _ = writeln!(out, "| contender | 1 KiB | 4 KiB | 64 KiB | 1 MiB |");
        let _ = writeln!(out, "|---|---:|---:|---:|---:|");
        for k in Kind::ALL {
            let row: Vec<String> = SIZES
                .iter()
                .map(|&s| match lookup("D", s, k.name()) {
                    Some(c) => format!(
                        "{} ({})",
                        fmt_ratio(c["scaling_vs_one_thread"].as_f64()),
                        fmt_ratio(c["cpu_scaling_bound"].as_f64())
                    ),
                    None => "-".into(),
                })
                .collect();
            if row.iter().all(|r| r == "-") {
                continue;
            }
            let _ = writeln!(out, "| {} | {} |", k.name(), row.join(" | "));
        }
        let _ = writeln!(out);
    }
    if let Some(mixed) = v["mixed"].as_object()
        && !mixed.is_empty()
    {
        let _ = writeln!(out, "#### E: mixed workload, fresh process per contender\n");
        let _ = writeln!(
            out,
            "| contender | µs/op (wall) | CPU µs/op | minor faults/op | peak RSS MiB | sluice / it | retained high-water / cap |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
        let sluice = mixed.get("sluice").and_then(|m| m["median_ns"].as_f64());
        for k in Kind::ALL {
            let Some(m) = mixed.get(k.name()) else {
                continue;
            };
            let ns = m["median_ns"].as_f64().unwrap_or(f64::NAN);
            let retained = match m["retained"].as_object() {
                Some(r) => format!(
                    "{:.1} / {:.0} MiB",
                    r["high_water_bytes"].as_f64().unwrap_or(0.0) / 1048576.0,
                    r["cap_bytes"].as_f64().unwrap_or(0.0) / 1048576.0
                ),
                None => "-".into(),
            };
            let _ = writeln!(
                out,
                "| {} | {:.1} | {:.1} | {:.2} | {:.1} | {} | {} |",
                k.name(),
                ns / 1000.0,
                m["cpu_ns_per_op"].as_f64().unwrap_or(f64::NAN) / 1000.0,
                m["minflt_per_op"].as_f64().unwrap_or(f64::NAN),
                m["peak_rss_bytes"].as_f64().unwrap_or(f64::NAN) / 1048576.0,
                fmt_ratio(sluice.map(|s| s / ns)),
                retained
            );
        }
        let _ = writeln!(out);
    }
    if let Some(full) = v["zeroing"]["full_write"].as_array() {
        let _ = writeln!(out, "#### Zeroing (sluice, thread CPU time, ns/op)\n");
        let _ = writeln!(
            out,
            "| case | with zeroing | without | zeroing cost | memset of the written bytes | cost / memset |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|");
        for z in full {
            let g = |k: &str| z[k]["median_ns"].as_f64().unwrap_or(f64::NAN);
            let _ = writeln!(
                out,
                "| {} written in full | {} | {} | {} | {} | {} |",
                size_label(z["size"].as_u64().unwrap_or(0) as usize),
                fmt_ns(g("zeroing")),
                fmt_ns(g("no_zeroing")),
                fmt_ns(z["overhead_ns"].as_f64().unwrap_or(f64::NAN)),
                fmt_ns(g("memset")),
                fmt_ratio(z["overhead_vs_memset"].as_f64())
            );
        }
        let p = &v["zeroing"]["partial_write"];
        let g = |k: &str| p[k]["median_ns"].as_f64().unwrap_or(f64::NAN);
        let _ = writeln!(
            out,
            "| 1MiB, 100 B written | {} | {} | {} | {} | - |",
            fmt_ns(g("zeroing")),
            fmt_ns(g("no_zeroing")),
            fmt_ns(p["overhead_ns"].as_f64().unwrap_or(f64::NAN)),
            fmt_ns(g("memset"))
        );
        let u = &v["zeroing"]["untouched"];
        let g = |k: &str| u[k]["median_ns"].as_f64().unwrap_or(f64::NAN);
        let _ = writeln!(
            out,
            "| 1MiB, nothing written | {} | {} | {} | - | - |\n",
            fmt_ns(g("zeroing")),
            fmt_ns(g("no_zeroing")),
            fmt_ns(u["overhead_ns"].as_f64().unwrap_or(f64::NAN))
        );
    }
    if let Some(targets) = v["targets"].as_array() {
        let _ = writeln!(out, "#### Targets\n");
        let _ = writeln!(out, "| target | result |");
        let _ = writeln!(out, "|---|---|");
        for t in targets {
            let _ = writeln!(
                out,
                "| {} | {} |",
                t["target"].as_str().unwrap_or_default(),
                pass_mark(&t["pass"])
            );
        }
        let _ = writeln!(out);
    }
    out
}

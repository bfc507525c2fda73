//! Criterion benches of scenarios A-D at 1 KiB, 4 KiB, 64 KiB and 1 MiB for
//! every contender. The mixed workload E needs a fresh process per contender
//! and lives in the comparison runner (`--bin compare`).
//!
//! ```text
//! cargo bench -p pool-bench --bench scenarios                 # everything (~5 min)
//! cargo bench -p pool-bench --bench scenarios -- 'A_acquire_release/sluice'
//! ```
//!
//! Group names: `A_acquire_release`, `B_acquire_write_release`,
//! `C_cross_thread_release` (with `bare-channel`), `D_two_threads_write`
//! (time per operation per thread; compare with B for the scaling).

use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use pool_bench::contenders::{Contender, Kind, Sizing, Visit, dispatch};
use pool_bench::{SIZES, scenarios, size_label};

#[derive(Clone, Copy)]
enum Scenario {
    A,
    B,
    C,
    D,
}

impl Scenario {
    fn group(self) -> &'static str {
        match self {
            Scenario::A => "A_acquire_release",
            Scenario::B => "B_acquire_write_release",
            Scenario::C => "C_cross_thread_release",
            Scenario::D => "D_two_threads_write",
        }
    }
}

struct Register<'g, 'c> {
    group: &'g mut BenchmarkGroup<'c, WallTime>,
    scenario: Scenario,
    kind: Kind,
    size: usize,
}

impl Visit for Register<'_, '_> {
    type Out = ();
    fn visit<C: Contender>(self, c: &C) {
        let size = self.size;
        let id = BenchmarkId::new(self.kind.name(), size_label(size));
        let scenario = self.scenario;
        self.group.bench_function(id, |b| {
            b.iter_custom(|iters| match scenario {
                Scenario::A => scenarios::acquire_release(c, size, iters),
                Scenario::B => scenarios::acquire_write_release(c, size, iters),
                Scenario::C => scenarios::cross_thread_release(c, size, iters),
                Scenario::D => scenarios::two_threads_write(c, size, iters),
            })
        });
    }
}

fn run(c: &mut Criterion, scenario: Scenario) {
    let mut group = c.benchmark_group(scenario.group());
    if matches!(scenario, Scenario::C) {
        for size in SIZES {
            // The channel alone, listed once per size so it sits beside the
            // contenders in reports.
            group.bench_function(BenchmarkId::new("bare-channel", size_label(size)), |b| {
                b.iter_custom(scenarios::bare_channel)
            });
        }
    }
    for size in SIZES {
        for kind in Kind::ALL {
            let r = Register {
                group: &mut group,
                scenario,
                kind,
                size,
            };
            if let Err(e) = dispatch(kind, Sizing::Fixed(size), r) {
                eprintln!("skipping {}: {e}", kind.name());
            }
        }
    }
    group.finish();
}

fn a(c: &mut Criterion) {
    run(c, Scenario::A);
}

fn b(c: &mut Criterion) {
    run(c, Scenario::B);
}

fn c(c: &mut Criterion) {
    run(c, Scenario::C);
}

fn d(c: &mut Criterion) {
    run(c, Scenario::D);
}

fn config() -> Criterion {
    // 11 contenders x 4 sizes x 4 scenarios: short windows keep the whole
    // suite to a few minutes on a 2-core machine.
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(700))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = a, b, c, d
}
criterion_main!(benches);

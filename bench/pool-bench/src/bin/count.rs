//! Runs one scenario loop a fixed number of times, for instruction counts
//! under callgrind (the VM has no hardware counters for `perf stat`).
//!
//! `count SCENARIO CONTENDER SIZE ITERS`, SCENARIO `A` (acquire + release
//! untouched) or `B` (write every byte). Run it twice with different ITERS
//! and divide the difference of the totals by the difference of ITERS:
//! start-up cancels out.
//!
//! ```sh
//! for n in 100000 200000; do
//!   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n \
//!     target/release/count A sluice 1024 $n 2>&1 | grep Collected
//! done
//! ```

use pool_bench::{Contender, Kind, Sizing, Visit, dispatch, scenarios};

struct Run {
    scenario: String,
    size: usize,
    iters: u64,
}

impl Visit for Run {
    type Out = ();
    fn visit<C: Contender>(self, c: &C) {
        match self.scenario.as_str() {
            "A" => {
                scenarios::acquire_release(c, self.size, self.iters);
            }
            _ => {
                scenarios::acquire_write_release(c, self.size, self.iters);
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [scenario, contender, size, iters] = args.as_slice() else {
        eprintln!("usage: count A|B CONTENDER SIZE ITERS");
        std::process::exit(2);
    };
    let Some(kind) = Kind::from_name(contender) else {
        eprintln!("unknown contender {contender}");
        std::process::exit(2);
    };
    let (Ok(size), Ok(iters)) = (size.parse(), iters.parse()) else {
        eprintln!("SIZE and ITERS are numbers");
        std::process::exit(2);
    };
    let run = Run {
        scenario: scenario.clone(),
        size,
        iters,
    };
    if let Err(e) = dispatch(kind, Sizing::Fixed(size), run) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

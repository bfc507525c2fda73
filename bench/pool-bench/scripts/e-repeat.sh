#!/usr/bin/env bash
# Scenario E, repeated: runs `compare --child E CONTENDER full` REPS times per
# contender, contenders interleaved (so a burst of load on the shared machine
# hits all of them), each run in a fresh process, and prints every run and
# then the median and minimum of the process CPU time per operation, with
# peak RSS, minor faults and (sluice) misses and turned-away buffers.
#
#   scripts/e-repeat.sh REPS [COMPARE_BINARY] CONTENDER...
#   scripts/e-repeat.sh 6 target/release/compare sluice sluice-nozero jemalloc object-pool
#
# One E run per contender moves by 30-50% between runs on a busy 2-core
# machine; the medians of a few interleaved repeats are what to compare.
# Needs python3 to read the JSON.
set -euo pipefail
reps=$1
shift
bin=target/release/compare
if [[ $# -gt 0 && -x $1 && $1 == */* ]]; then
    bin=$1
    shift
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for _ in $(seq "$reps"); do
    for c in "$@"; do
        "$bin" --child E "$c" full 2>/dev/null | python3 -c '
import json, sys
v = json.load(sys.stdin)
p = v.get("pool_stats") or {}
print(v["contender"], v["cpu_ns_per_op"], v["median_ns"], v["minflt_per_op"],
      round(v["peak_rss_bytes"] / 2**20, 1), p.get("misses", "-"), p.get("dropped_buffers", "-"))
' | tee -a "$out"
    done
done
python3 - "$out" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, cpu, wall, flt, rss, miss, drop = line.split()
    runs[name].append((float(cpu), float(wall), float(flt), float(rss)))
print("\n| contender | CPU µs/op median (min-max) | wall µs/op median | minor faults/op median | peak RSS MiB median (min-max) |")
print("|---|---:|---:|---:|---:|")
for name, r in runs.items():
    cpu = [x[0] / 1000 for x in r]
    wall = [x[1] / 1000 for x in r]
    rss = [x[3] for x in r]
    print(f"| {name} | {statistics.median(cpu):.1f} ({min(cpu):.1f}-{max(cpu):.1f}) | "
          f"{statistics.median(wall):.1f} | {statistics.median([x[2] for x in r]):.2f} | "
          f"{statistics.median(rss):.1f} ({min(rss):.1f}-{max(rss):.1f}) |")
PY

#!/usr/bin/env bash
# Installs and runs the peers on the same payloads as sluice, then prints the
# comparison table. Not part of the test suite: it installs system packages.
#
#   bash bench/detect-eval/peers/run.sh [OUT_DIR]     (from the repository root)
#   CORPUS=bench/detect-eval/holdout/corpus bash bench/detect-eval/peers/run.sh target/detect-peers-holdout
#
# Peers: ModSecurity 3 + OWASP CRS at paranoia 1 and 2 (Debian packages, driven
# in-process by peers/modsec/harness.c), @claude-flow/aidefence (npm), and
# libinjection (pure-Rust port, built into the eval binary).
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=${1:-target/detect-peers}
CORPUS=${CORPUS:-corpus}
# CRS regression tests: eval looks in ../shared/corpora/crs-regression unless CRS is set.
CRS_ARGS=()
if [ -n "${CRS:-}" ]; then CRS_ARGS=(--crs "$CRS"); fi
mkdir -p "$OUT"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}

step() { printf '\n==> %s\n' "$*" >&2; }

step "install ModSecurity 3 + CRS, node peer"
if ! dpkg -s libmodsecurity-dev modsecurity-crs >/dev/null 2>&1; then
  apt-get update >/dev/null && apt-get install -y libmodsecurity-dev modsecurity-crs >/dev/null
fi
(cd bench/detect-eval/peers/node && npm install --no-audit --no-fund --silent)
gcc -O2 -Wall -o "$OUT/modsec-harness" bench/detect-eval/peers/modsec/harness.c -lmodsecurity

step "export payloads"
cargo build -q -p detect-eval --release --bin eval --bin throughput
"$CARGO_TARGET_DIR/release/eval" "$CORPUS" "${CRS_ARGS[@]}" --export "$OUT"
rm -f "$OUT"/results-*.tsv "$OUT"/speed-*.json

for pl in 1 2; do
  step "ModSecurity + CRS, paranoia level $pl"
  # Verdicts for every corpus line (as a query value) and every CRS request (whole request).
  "$OUT/modsec-harness" "$pl" < "$OUT/modsec-requests.tsv" > "$OUT/results-modsecurity-crs-pl$pl.tsv" 2>/dev/null
  # Throughput on the corpus lines only (short payloads), single core.
  grep -v '^crs:' "$OUT/modsec-requests.tsv" > "$OUT/modsec-corpus.tsv"
  taskset -c 0 "$OUT/modsec-harness" "$pl" < "$OUT/modsec-corpus.tsv" 2> "$OUT/speed-modsecurity-crs-pl$pl.json" >/dev/null
  cat "$OUT/speed-modsecurity-crs-pl$pl.json" >&2
done

step "aidefence"
taskset -c 0 node bench/detect-eval/peers/node/scan.mjs "$OUT"

step "evaluation (sluice, libinjection and the peers above)"
"$CARGO_TARGET_DIR/release/eval" "$CORPUS" "${CRS_ARGS[@]}" --peers "$OUT" | tee "$OUT/eval.txt"
"$CARGO_TARGET_DIR/release/eval" "$CORPUS" "${CRS_ARGS[@]}" --peers "$OUT" --json > "$OUT/eval.json"

if [ -z "${SKIP_THROUGHPUT:-}" ]; then
  step "throughput (sluice, single core) next to the peers' payloads/s"
  taskset -c 0 "$CARGO_TARGET_DIR/release/throughput" --corpus "$CORPUS" --peers "$OUT" | tee "$OUT/throughput.txt"
fi

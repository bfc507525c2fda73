#!/usr/bin/env bash
# Every gateway measurement in one go: load test (with the ModSecurity
# reference), flood test, and the CRS replay through sluice and through
# nginx + ModSecurity + CRS. Output goes to results/; about 10 minutes with
# ROUNDS=3.
#
#   ROUNDS=3 bash bench/gateway-load/all.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
export ROUNDS="${ROUNDS:-3}"
export MODSEC="${MODSEC:-1}"

if [[ -z "${SLUICE_BIN:-}" ]]; then
  target="${CARGO_TARGET_DIR:-$REPO/target}"
  (cd "$REPO" && CARGO_TARGET_DIR="$target" cargo build --release -q -p sluice)
  export SLUICE_BIN="$target/release/sluice"
fi

bash "$HERE/run.sh"
bash "$HERE/flood.sh"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
python3 "$HERE/crs_replay.py" --sluice-bin "$SLUICE_BIN" --json "$HERE/results/crs-sluice-$stamp.json"
if [[ "$MODSEC" == 1 ]]; then
  bash "$HERE/modsec/replay.sh" "$HERE/results/crs-modsecurity-$stamp.json"
fi

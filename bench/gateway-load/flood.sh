#!/usr/bin/env bash
# Flood test: 50 connections each POSTing 10 MiB benign JSON bodies, back to
# back, for DURATION, to sluice's analysis API and to the regex Node peer.
# Samples each server's RSS every 200 ms from /proc/PID/status (VmRSS, and the
# peak VmHWM) and counts bodies answered 2xx per second (= bodies scanned).
# Prints a markdown table and writes results/flood-<UTC time>.jsonl.
#
# Environment:
#   DURATION=15s CONNECTIONS=50 THREADS=2
#   BODY_BYTES=10484736       body size (10 MiB - 1 KiB: under the 10 MiB limit)
#   CONTENT_TYPE=application/json   the bodies' Content-Type (text/plain: no JSON walk)
#   RSS_CAP_MIB=320           sluice's RSS bound (pool cap 256 MiB + 64 MiB)
#   SLUICE_BIN, CARGO_TARGET_DIR, ONLY="sluice-analyze node-regex sluice-proxy"
#   (sluice-proxy, in front of the nginx upstream, runs only when named in ONLY)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
BODY_BYTES="${BODY_BYTES:-$((10 * 1024 * 1024 - 1024))}"
RSS_CAP_MIB="${RSS_CAP_MIB:-320}"
RESULTS_DIR="$HERE/results"
mkdir -p "$RESULTS_DIR"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$WORK/flood.jsonl"
: >"$OUT"
secs="${DURATION%s}"

setup_tools
build_sluice || log "sluice build failed; flooding the Node peer only"
META="$(python3 "$HERE/tools/machine.py" "${SLUICE_BIN:-}" "${UPSTREAM_KIND:-}")"
log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

want() {
  if [[ -z "${ONLY:-}" ]]; then [[ "$1" != sluice-proxy ]]; else [[ " $ONLY " == *" $1 "* ]]; fi
}

# metric_sum PORT: sum of the Prometheus samples whose name mentions "scanned"
# and "bytes" (bytes scanned), or empty when there is no such metric.
metric_sum() {
  curl -s --max-time 5 "http://127.0.0.1:$1/metrics" 2>/dev/null |
    awk '!/^#/ && $1 ~ /scanned/ && $1 ~ /bytes/ { s += $NF; n++ } END { if (n) printf "%.0f", s }'
}

# flood NAME URL PID [METRICS_PORT]
flood() {
  local name="$1" url="$2" pid="$3" mport="${4:-}"
  local before="" after=""
  [[ -n "$mport" ]] && before="$(metric_sum "$mport")"
  log "flooding $name ($url) with $CONNECTIONS x $BODY_BYTES-byte bodies for $DURATION"
  python3 "$HERE/tools/rss_sample.py" "$pid" "$((secs + 3))" 0.2 >"$WORK/$name.rss" &
  local sampler=$!
  PIDS+=("$sampler")
  local raw
  raw="$(BODY_BYTES="$BODY_BYTES" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 60s \
    -s "$HERE/wrk/flood.lua" "$url")"
  # Let in-flight bodies settle while still sampling, then collect.
  wait "$sampler" || true
  [[ -n "$mport" ]] && after="$(metric_sum "$mport")"
  python3 - "$name" "$url" "$RSS_CAP_MIB" "$before" "$after" "$WORK/$name.rss" \
    "$(grep '^WRKJSON ' <<<"$raw" | sed 's/^WRKJSON //')" >>"$OUT" <<'EOF'
import json, sys
name, url, cap, before, after, rss_path, raw = sys.argv[1:8]
r = json.loads(raw)
rss = json.load(open(rss_path))
ok = sum(v for k, v in r["statuses"].items() if k.startswith("2"))
r.update(kind="flood", name=name, url=url, rss_cap_mib=int(cap),
         rss_max_kib=rss["rss_max_kib"], hwm_kib=rss["hwm_kib"], rss_samples=rss["samples"],
         rss_series=rss["series"], bodies_ok=ok,
         bodies_per_s=ok / (r["duration_us"] / 1e6))
if before and after:
    r["metrics_bytes_scanned_delta"] = int(after) - int(before)
print(json.dumps(r))
EOF
}

if want sluice-analyze && start_sluice; then
  flood sluice-analyze "http://127.0.0.1:$SLUICE_PORT/v1/analyze" "$SLUICE_PID" "$SLUICE_PORT"
  stop "$SLUICE_PID"
elif want sluice-analyze; then
  log "sluice serve is not available; skipped"
fi

if want sluice-proxy; then
  UPSTREAM_KIND="${UPSTREAM_KIND:-nginx}"
  start_upstream
  if start_sluice --upstream "http://127.0.0.1:$UPSTREAM_PORT"; then
    flood sluice-proxy "http://127.0.0.1:$SLUICE_PORT/submit" "$SLUICE_PID" "$SLUICE_PORT"
    stop "$SLUICE_PID"
  fi
  stop "$UPSTREAM_PID"
fi

if want node-regex; then
  port="$(free_port)"
  if start node-regex "$port" env NODE_ENV=production node "$PEERS/server.mjs" regex "$port"; then
    flood node-regex "http://127.0.0.1:$port/submit" "$STARTED_PID"
    stop "$STARTED_PID"
  fi
fi

{
  echo "{\"meta\": $META}"
  cat "$OUT"
} >"$RESULTS_DIR/flood-$STAMP.jsonl"
python3 "$HERE/tools/summarize.py" flood "$RESULTS_DIR/flood-$STAMP.jsonl"
log "results: $RESULTS_DIR/flood-$STAMP.jsonl"

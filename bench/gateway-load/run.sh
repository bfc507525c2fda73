#!/usr/bin/env bash
# Gateway load test: sluice serve against Node screening peers, on loopback.
#
# Installs what it needs (wrk, nginx and Node from Debian, the Node peers from
# npm), builds sluice (release), then for each server in turn: start it, warm
# up, run wrk (50 connections, 1 KiB JSON bodies cycling through
# payloads/load-1k.tsv: 80% benign, 20% attacks with encodings), stop it.
# Prints a markdown table and writes results/load-<UTC time>.json.
#
# Environment:
#   DURATION=10s CONNECTIONS=50 THREADS=2 WARMUP=2s   wrk settings
#   ROUNDS=1          repeat the whole sequence; the summary shows the median
#                     of the rounds per server (other work on a 2-core
#                     machine moves single runs a lot)
#   PACE_MS=25        per-connection delay of the offered-load proxy runs
#                     (50 connections / 25 ms = about 2K req/s offered)
#   SLUICE_BIN=PATH   use this sluice binary instead of building one
#   CARGO_TARGET_DIR  where to build sluice (default: the repository's target/)
#   UPSTREAM_KIND=nginx|node   the trivial upstream (default nginx, 1 worker)
#   ONLY="a b"        run only the named servers (see SERVERS below)
#   MODSEC=1          also measure nginx + ModSecurity + CRS (Debian packages)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-2s}"
PACE_MS="${PACE_MS:-25}"
ROUNDS="${ROUNDS:-1}"
PAYLOADS="$HERE/payloads/load-1k.tsv"
RESULTS_DIR="$HERE/results"
mkdir -p "$RESULTS_DIR"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$WORK/results.jsonl"
: >"$OUT"

setup_tools
build_sluice || log "sluice build failed; measuring the peers only"
if [[ "${MODSEC:-}" == 1 ]]; then
  ensure_apt /usr/lib/nginx/modules/ngx_http_modsecurity_module.so \
    libnginx-mod-http-modsecurity modsecurity-crs
fi

# measure NAME URL PACE PID [COUNT]: warm-up then a measured wrk run against
# URL; appends one JSON line with the wrk result, the server's RSS and the
# settings. COUNT=1 makes wrk inspect every response in Lua (needed to count
# the analysis API's verdicts, which come with 200); otherwise the 403s are
# counted by wrk itself as non-2xx, which leaves more CPU to the servers.
measure() {
  local name="$1" url="$2" pace="${3:-}" pid="$4" count="${5:-${COUNT_ALL:-0}}"
  local envs=(PAYLOADS="$PAYLOADS" COUNT="$count")
  [[ -n "$pace" ]] && envs+=(PACE_MS="$pace")
  env "${envs[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s \
    -s "$HERE/wrk/load.lua" "$url" >/dev/null
  log "measuring $name ($url${pace:+, paced $pace ms}) for $DURATION"
  local raw
  raw="$(env "${envs[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
    -s "$HERE/wrk/load.lua" "$url")"
  local json rss
  json="$(grep '^WRKJSON ' <<<"$raw" | sed 's/^WRKJSON //')"
  rss="$(rss_of "$pid")"
  python3 "$HERE/tools/record.py" "$name" "$url" "${pace:-0}" "$rss" "$CONNECTIONS" "$THREADS" \
    "$DURATION" "$json" "$ROUND" >>"$OUT"
}

# accuracy NAME URL MODE: each payload once, sequentially (status/verdict per label).
accuracy() {
  python3 "$HERE/tools/check_payloads.py" --name "$1" --url "$2" --payloads "$PAYLOADS" >>"$OUT" \
    || log "accuracy check of $1 failed"
}

want() { [[ -z "${ONLY:-}" ]] || [[ " $ONLY " == *" $1 "* ]]; }

UPSTREAM_KIND="${UPSTREAM_KIND:-nginx}"
META="$(python3 "$HERE/tools/machine.py" "${SLUICE_BIN:-}" "$UPSTREAM_KIND")"
log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
start_upstream
U="http://127.0.0.1:$UPSTREAM_PORT"
log "upstream ($UPSTREAM_KIND) on $U"

# One round: every server in turn, each started fresh and stopped after.
one_round() {
  if want upstream; then
    measure upstream-direct "$U/submit" "" "$UPSTREAM_PID"
    measure upstream-direct-paced "$U/submit" "$PACE_MS" "$UPSTREAM_PID"
  fi

  if want sluice-proxy && start_sluice --upstream "$U"; then
    [[ $ROUND == 1 ]] && accuracy sluice-proxy "http://127.0.0.1:$SLUICE_PORT/submit"
    measure sluice-proxy "http://127.0.0.1:$SLUICE_PORT/submit" "" "$SLUICE_PID"
    measure sluice-proxy-paced "http://127.0.0.1:$SLUICE_PORT/submit" "$PACE_MS" "$SLUICE_PID"
    stop "$SLUICE_PID"
  elif want sluice-proxy; then
    log "sluice serve --upstream is not available; skipped"
  fi

  if want sluice-analyze && start_sluice; then
    [[ $ROUND == 1 ]] && accuracy sluice-analyze "http://127.0.0.1:$SLUICE_PORT/v1/analyze"
    measure sluice-analyze "http://127.0.0.1:$SLUICE_PORT/v1/analyze" "" "$SLUICE_PID" 1
    stop "$SLUICE_PID"
  elif want sluice-analyze; then
    log "sluice serve (analysis API) is not available; skipped"
  fi

  for peer in regex aidefence plain; do
    want "node-$peer" || continue
    port="$(free_port)"
    if start "node-$peer" "$port" env NODE_ENV=production node "$PEERS/server.mjs" "$peer" "$port"; then
      pid=$STARTED_PID
      [[ "$peer" != plain && $ROUND == 1 ]] && accuracy "node-$peer" "http://127.0.0.1:$port/submit"
      measure "node-$peer" "http://127.0.0.1:$port/submit" "" "$pid"
      stop "$pid"
    fi
  done

  if [[ "${MODSEC:-}" == 1 ]] && want modsecurity; then
    port="$(free_port)"
    if start modsecurity "$port" bash "$HERE/modsec/start.sh" "$WORK/modsec" "$port" "$UPSTREAM_PORT"; then
      pid=$STARTED_PID
      [[ $ROUND == 1 ]] && accuracy modsecurity-crs "http://127.0.0.1:$port/submit"
      measure modsecurity-crs "http://127.0.0.1:$port/submit" "" "$pid"
      stop "$pid"
    fi
  fi
}

for ROUND in $(seq 1 "$ROUNDS"); do
  log "round $ROUND of $ROUNDS"
  one_round
done

stop "$UPSTREAM_PID"

{
  echo "{\"meta\": $META}"
  cat "$OUT"
} >"$RESULTS_DIR/load-$STAMP.jsonl"
python3 "$HERE/tools/summarize.py" load "$RESULTS_DIR/load-$STAMP.jsonl"
log "results: $RESULTS_DIR/load-$STAMP.jsonl"

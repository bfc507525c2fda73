#!/usr/bin/env bash
# One connection at a time: latency of the trivial upstream alone, of sluice's
# proxy in front of it and of sluice's analysis API, for a short clean JSON
# body (wrk -c1, 4 s each). What a request costs when nothing queues.
#
#   SLUICE_BIN=target/release/sluice bash bench/gateway-load/single.sh
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
trap cleanup EXIT
setup_tools
build_sluice
start_upstream
U="http://127.0.0.1:$UPSTREAM_PORT"
start_sluice --upstream "$U"
PROXY="http://127.0.0.1:$SLUICE_PORT"
start_sluice
ANALYZE="http://127.0.0.1:$SLUICE_PORT"
cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"type":"profile_update","user_id":10000,"name":"Noah Muller","notes":["hello there, a normal note"]}'
wrk.headers["Content-Type"] = "application/json"
LUA
for target in "upstream $U/submit" "sluice-proxy $PROXY/submit" "sluice-analyze $ANALYZE/v1/analyze"; do
  set -- $target
  echo "== $1"
  wrk -t1 -c1 -d4s --latency -s "$WORK/post.lua" "$2" | grep -E "50%|99%|Requests/sec"
done

#!/usr/bin/env bash
# Instructions per request of `sluice serve`, counted by callgrind: a figure
# that other work on a shared 2-core machine does not move, to compare
# builds with. The server runs under valgrind with instrumentation off while
# it starts and serves WARM requests (detector automata built, buffers
# pooled), then on for N requests on one keep-alive connection, cycling
# through payloads/load-1k.tsv (80% benign, 20% attacks).
#
# Usage: SLUICE_BIN=target/release/sluice bash bench/gateway-load/icount.sh
# Environment: N=2000 WARM=300 ROUTE=/v1/analyze
#   KEEP=DIR keeps the callgrind output files there (for callgrind_annotate)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT
N="${N:-2000}"
WARM="${WARM:-300}"
ROUTE="${ROUTE:-/v1/analyze}"
BIN="${SLUICE_BIN:-$REPO/target/release/sluice}"
ensure_apt valgrind valgrind
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
OUTF="$WORK/callgrind.out"
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUTF" \
  "$BIN" serve --listen "127.0.0.1:$PORT" --workers 1 >"$WORK/server.log" 2>&1 &
VG=$!
PIDS+=("$VG")
client() {
  python3 - "$PORT" "$1" "$HERE/payloads/load-1k.tsv" "$ROUTE" <<'PY'
import http.client, sys, time
port, n, path, route = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [l.rstrip("\n").split("\t", 2)[2].encode() for l in open(path, encoding="utf-8")]
for _ in range(600):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request("GET", "/healthz"); c.getresponse().read(); break
    except OSError:
        time.sleep(0.1)
for i in range(n):
    c.request("POST", route, body=rows[i % len(rows)], headers={"content-type": "application/json"})
    c.getresponse().read()
PY
}
log "warming up ($WARM requests, not counted)"
client "$WARM"
callgrind_control -i on "$VG" >/dev/null 2>&1
log "counting $N requests"
client "$N"
callgrind_control -d "$VG" >/dev/null 2>&1
callgrind_control -i off "$VG" >/dev/null 2>&1
sleep 1
total=0
for f in "$OUTF".*; do
  [[ -f "$f" ]] || continue
  t="$(grep -m1 '^summary:\|^totals:' "$f" | awk '{print $2}')"
  total=$((total + ${t:-0}))
done
if [[ -n "${KEEP:-}" ]]; then
  mkdir -p "$KEEP" && cp "$OUTF".* "$KEEP"/
fi
python3 -c "import sys; t,n=int(sys.argv[1]),int(sys.argv[2]); print(f'{t/n:,.0f} instructions per request ({t:,} over {n} requests to $ROUTE)')" "$total" "$N"

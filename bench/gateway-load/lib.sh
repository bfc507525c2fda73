# Shared helpers for run.sh and flood.sh (sourced, not executed).
#
# Everything started here is recorded in $PIDS and stopped by cleanup(), which
# the calling script installs as an EXIT trap.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PEERS="$HERE/peers"
PIDS=()
WORK="$(mktemp -d /tmp/sluice-gwload.XXXXXX)"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
  if [[ -z "${KEEP_WORK:-}" ]]; then rm -rf "$WORK"; fi
}

# apt-get install the named Debian packages if COMMAND is missing.
ensure_apt() {
  local cmd="$1"; shift
  { command -v "$cmd" || [[ -e "$cmd" ]]; } >/dev/null 2>&1 && return 0
  log "installing $* (Debian)"
  if [[ -z "${APT_UPDATED:-}" ]]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  # RUNLEVEL=1 keeps package scripts from starting system services (nginx).
  RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

setup_tools() {
  ensure_apt wrk wrk
  ensure_apt python3 python3
  ensure_apt curl curl
  if [[ "${UPSTREAM_KIND:-nginx}" == nginx ]]; then ensure_apt nginx nginx-light; fi
  ensure_apt node nodejs npm
  if [[ ! -d "$PEERS/node_modules/@claude-flow/aidefence" || ! -d "$PEERS/node_modules/express" ]]; then
    log "installing Node peers (npm ci)"
    (cd "$PEERS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# Builds sluice (release) unless SLUICE_BIN points at a binary already.
build_sluice() {
  if [[ -n "${SLUICE_BIN:-}" ]]; then return 0; fi
  local target="${CARGO_TARGET_DIR:-$REPO/target}"
  log "building sluice (release, target dir $target)"
  (cd "$REPO" && CARGO_TARGET_DIR="$target" cargo build --release -q -p sluice) >&2
  SLUICE_BIN="$target/release/sluice"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_http PORT PID: waits until PORT accepts TCP connections (10 s), or PID died.
wait_port() {
  local port="$1" pid="$2" i
  for i in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# start NAME PORT CMD...: starts a server in the background, logging to
# $WORK/NAME.log; sets STARTED_PID. Fails if it does not listen within 10 s.
start() {
  local name="$1" port="$2"; shift 2
  "$@" >"$WORK/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  if ! wait_port "$port" "$STARTED_PID"; then
    log "$name did not start; its log:"
    tail -5 "$WORK/$name.log" >&2
    stop "$STARTED_PID"
    return 1
  fi
}

stop() {
  local pid="$1" p keep=()
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${PIDS[@]}"; do [[ "$p" != "$pid" ]] && keep+=("$p"); done
  PIDS=("${keep[@]}")
}

# The trivial upstream: nginx answering 200 with a small JSON body (one worker),
# or the bare Node server with UPSTREAM_KIND=node. Sets UPSTREAM_PORT, UPSTREAM_PID.
start_upstream() {
  UPSTREAM_PORT="$(free_port)"
  if [[ "${UPSTREAM_KIND:-nginx}" == nginx ]]; then
    mkdir -p "$WORK/nginx/logs"
    cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  client_max_body_size 0;
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location / {
      default_type application/json;
      return 200 '{"ok":true,"upstream":"nginx"}';
    }
  }
}
EOF
    start upstream "$UPSTREAM_PORT" nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;'
  else
    start upstream "$UPSTREAM_PORT" node "$PEERS/server.mjs" upstream "$UPSTREAM_PORT"
  fi
  UPSTREAM_PID=$STARTED_PID
}

# Starts `sluice serve` with extra args; sets SLUICE_PORT, SLUICE_PID. Fails
# (status 1) when sluice cannot serve (not built yet, or exits at once).
start_sluice() {
  SLUICE_PORT="$(free_port)"
  [[ -x "${SLUICE_BIN:-}" ]] || return 1
  start sluice "$SLUICE_PORT" "$SLUICE_BIN" serve --listen "127.0.0.1:$SLUICE_PORT" "$@" || return 1
  SLUICE_PID=$STARTED_PID
}

# RSS now and peak (KiB) of PID, as "rss hwm".
rss_of() {
  awk '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} END{print r+0, h+0}' "/proc/$1/status" 2>/dev/null || echo "0 0"
}

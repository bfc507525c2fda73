#!/usr/bin/env bash
# The CRS replay through nginx + ModSecurity + CRS (paranoia level PL, default 1)
# in front of the nginx upstream, for comparison with sluice's proxy mode.
#
#   bash modsec/replay.sh [OUT.json]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM
out="${1:-$HERE/results/crs-modsecurity-$(date -u +%Y%m%dT%H%M%SZ).json}"
pl="${PL:-1}"
setup_tools
ensure_apt /usr/lib/nginx/modules/ngx_http_modsecurity_module.so libnginx-mod-http-modsecurity modsecurity-crs
UPSTREAM_KIND=nginx start_upstream
port="$(free_port)"
start modsecurity "$port" bash "$HERE/modsec/start.sh" "$WORK/modsec" "$port" "$UPSTREAM_PORT" "$pl"
python3 "$HERE/crs_replay.py" --target "127.0.0.1:$port" \
  --name "nginx + ModSecurity $(dpkg-query -W -f='${Version}' libmodsecurity3 2>/dev/null) + CRS $(dpkg-query -W -f='${Version}' modsecurity-crs 2>/dev/null) PL$pl" \
  --json "$out"

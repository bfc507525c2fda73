#!/usr/bin/env bash
# nginx + ModSecurity 3 + OWASP CRS (Debian packages) as a screening reverse
# proxy in front of the trivial upstream: the reference point for the gateway.
#
#   modsec/start.sh WORKDIR LISTEN_PORT UPSTREAM_PORT [PARANOIA]
#
# (owasp-crs.load is not used: libmodsecurity 3 has no IncludeOptional.)
# Debian's recommended ModSecurity settings with the rule engine switched on
# (blocking), PUT/PATCH/DELETE allowed (the benign set's JSON API uses them),
# the audit log off, CRS 3.3 at paranoia level PARANOIA (default 1),
# two worker processes (Debian's `auto` on this machine). Runs in the foreground
# (exec), so the caller's PID is the nginx master.
set -euo pipefail
work="$1"; port="$2"; up="$3"; pl="${4:-1}"
mkdir -p "$work/logs"
cat >"$work/main.conf" <<CONF
Include /etc/nginx/modsecurity.conf
SecRuleEngine On
SecAuditEngine Off
SecResponseBodyAccess Off
SecAction "id:900000,phase:1,nolog,pass,t:none,setvar:tx.paranoia_level=$pl"
SecAction "id:900200,phase:1,nolog,pass,t:none,setvar:'tx.allowed_methods=GET HEAD POST OPTIONS PUT PATCH DELETE'"
Include /etc/modsecurity/crs/crs-setup.conf
Include /etc/modsecurity/crs/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf
Include /usr/share/modsecurity-crs/rules/*.conf
Include /etc/modsecurity/crs/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf
CONF
cat >"$work/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_modsecurity_module.so;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  keepalive_requests 1000000;
  client_max_body_size 16m;
  upstream backend { server 127.0.0.1:$up; keepalive 64; }
  server {
    listen 127.0.0.1:$port;
    modsecurity on;
    modsecurity_rules_file $work/main.conf;
    location / {
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_pass http://backend;
    }
  }
}
CONF
exec nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;'

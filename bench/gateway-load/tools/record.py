#!/usr/bin/env python3
"""Turns one wrk WRKJSON line plus the run's settings into a result line (stdout)."""
import json
import sys

name, url, pace, rss, conns, threads, dur, raw = sys.argv[1:9]
rnd = int(sys.argv[9]) if len(sys.argv) > 9 else 1
r = json.loads(raw)
rss_kib, hwm_kib = (int(x) for x in rss.split())
r.update(kind="load", name=name, url=url, pace_ms=int(pace), rss_kib=rss_kib,
         hwm_kib=hwm_kib, connections=int(conns), threads=int(threads), duration=dur,
         round=rnd, loadavg=open("/proc/loadavg").read().split()[:3])
r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
print(json.dumps(r))

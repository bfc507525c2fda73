#!/usr/bin/env python3
"""Samples a process's memory from /proc/PID/status every INTERVAL seconds.

    rss_sample.py PID SECONDS [INTERVAL]

Stops after SECONDS or when the process exits; prints one JSON object:
samples, max VmRSS, last VmHWM (KiB), and the series of (t, VmRSS) pairs.
"""
import json
import sys
import time


def read_status(pid: int) -> dict[str, int]:
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, val = line.split(":", 1)
                out[key] = int(val.split()[0])
    return out


def main() -> int:
    pid, seconds = int(sys.argv[1]), float(sys.argv[2])
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.2
    start = time.monotonic()
    series, hwm, rss_max = [], 0, 0
    while time.monotonic() - start < seconds:
        try:
            st = read_status(pid)
        except (OSError, ValueError):
            break
        rss = st.get("VmRSS", 0)
        hwm = max(hwm, st.get("VmHWM", 0))
        rss_max = max(rss_max, rss)
        series.append((round(time.monotonic() - start, 2), rss))
        time.sleep(interval)
    print(json.dumps({"samples": len(series), "rss_max_kib": rss_max, "hwm_kib": hwm,
                      "interval_s": interval, "series": series}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Prints a JSON object describing the machine and the software measured."""
import json
import os
import platform
import subprocess
import sys


def out(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def mem_total() -> str:
    try:
        with open("/proc/meminfo") as f:
            return f.readline().split(":", 1)[1].strip()
    except OSError:
        return ""


sluice_bin = sys.argv[1] if len(sys.argv) > 1 else ""
here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(here, "..", "..", ".."))
meta = {
    "time_utc": out("date", "-u", "+%Y-%m-%dT%H:%M:%SZ"),
    "cpu": cpu_model(),
    "cores": os.cpu_count(),
    "memory": mem_total(),
    "kernel": platform.release(),
    "os": out("sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"),
    "wrk": " ".join(out("sh", "-c", "wrk -v 2>&1 | head -1").split()[:2]),
    "node": out("node", "--version"),
    "nginx": out("sh", "-c", "nginx -v 2>&1"),
    "sluice_bin": sluice_bin,
    "sluice_commit": out("git", "-C", repo, "log", "-1", "--format=%h %cI %s", "--", "crates"),
    "crates_uncommitted_files": len(out("git", "-C", repo, "status", "--porcelain", "--", "crates").splitlines()),
    "upstream": sys.argv[2] if len(sys.argv) > 2 else "",
    # Other work on the machine competes for the 2 cores: recorded with each run.
    "loadavg": out("cat", "/proc/loadavg"),
}
print(json.dumps(meta))

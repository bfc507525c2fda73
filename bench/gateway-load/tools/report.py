#!/usr/bin/env python3
"""Markdown tables of one full measurement (load, flood, CRS replays), for BENCHMARKS.md.

    report.py --load results/load-X.jsonl --flood results/flood-Y.jsonl \
              --crs results/crs-sluice-Z.json [--crs results/crs-modsecurity-Z.json]
"""
import argparse
import contextlib
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summarize  # noqa: E402

GROUPS = {"930": "LFI", "932": "RCE", "941": "XSS", "942": "SQLi"}


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def crs_tables(paths: list[str]) -> str:
    out = io.StringIO()
    runs = []
    for p in paths:
        with open(p) as f:
            runs.append(json.load(f))
    names = [r["summary"]["name"] for r in runs]
    print("| rule group | attacks | " + " | ".join(f"{n}: blocked (403)" for n in names) + " |", file=out)
    print("|---|---:|" + "---:|" * len(runs), file=out)
    for g in sorted(runs[0]["summary"]["groups"]):
        total = runs[0]["summary"]["groups"][g]["total"]
        cells = []
        for r in runs:
            c = r["summary"]["groups"].get(g, {})
            cells.append(f"{c.get('blocked', 0)} ({pct(c.get('share_blocked', 0))})")
        print(f"| {g} {GROUPS.get(g, '')} | {total} | " + " | ".join(cells) + " |", file=out)
    print(file=out)
    print("| benign requests | count | " + " | ".join(f"{n}: blocked" for n in names) + " |", file=out)
    print("|---|---:|" + "---:|" * len(runs), file=out)
    kinds = sorted(runs[0]["summary"]["benign"])
    for k in kinds:
        total = runs[0]["summary"]["benign"][k]["total"]
        cells = []
        for r in runs:
            c = r["summary"]["benign"].get(k, {})
            cells.append(f"{c.get('blocked', 0)} ({pct(c.get('share_blocked', 0))})")
        print(f"| {k} | {total} | " + " | ".join(cells) + " |", file=out)
    tot = sum(runs[0]["summary"]["benign"][k]["total"] for k in kinds)
    cells = [f"{sum(r['summary']['benign'][k].get('blocked', 0) for k in kinds)} "
             f"({pct(r['summary']['benign_share_blocked'])})" for r in runs]
    print(f"| all | {tot} | " + " | ".join(cells) + " |", file=out)
    return out.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--load")
    ap.add_argument("--flood")
    ap.add_argument("--crs", action="append", default=[])
    args = ap.parse_args()
    if args.load:
        meta, rows = summarize.load_rows(args.load)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            summarize.load_summary(meta, rows)
        print(f"### Load ({os.path.relpath(args.load)})\n")
        print(buf.getvalue().strip())
        print()
    if args.flood:
        meta, rows = summarize.load_rows(args.flood)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            summarize.flood_summary(meta, rows)
        print(f"### Flood ({os.path.relpath(args.flood)})\n")
        print(buf.getvalue().strip())
        print()
    if args.crs:
        print("### CRS regression replay (" + ", ".join(os.path.relpath(p) for p in args.crs) + ")\n")
        print(crs_tables(args.crs))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes the gateway load payloads (bench/gateway-load/payloads/load-1k.tsv)
as a corpus directory the `icount` and `eval` binaries read, so that the
detector's cost per gateway request can be counted without the server:

    python3 bench/detect-eval/scripts/gateway_corpus.py --out /tmp/gwcorpus
    valgrind --tool=callgrind --toggle-collect='icount::measured*' \\
      target/release/icount --corpus /tmp/gwcorpus --passes 10 --bodies 0

Benign rows are labelled benign; attack rows carry the label `sqli` only so
that the corpus loader accepts them (the instruction count ignores labels).
"""
import argparse
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TSV = os.path.join(HERE, "..", "..", "gateway-load", "payloads", "load-1k.tsv")

ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
ap.add_argument("--out", required=True, help="directory to write load.jsonl into")
args = ap.parse_args()
os.makedirs(args.out, exist_ok=True)
rows = [line.rstrip("\n").split("\t", 2) for line in open(TSV, encoding="utf-8")]
with open(os.path.join(args.out, "load.jsonl"), "w", encoding="utf-8") as fh:
    for kind, _, text in rows:
        fh.write(json.dumps({"text": text, "label": "benign" if kind == "benign" else "sqli"}) + "\n")
print(f"wrote {len(rows)} payloads to {args.out}/load.jsonl")

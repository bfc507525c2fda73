#!/usr/bin/env python3
"""Builds a benign set from real documentation on this machine.

Hand-written benign sets are short and written with the detectors in mind;
real documentation is neither. This script cuts the READMEs of the crates in
the local Cargo registry and the READMEs, NEWS files and changelogs under
/usr/share/doc into paragraphs (a fenced code block stays whole) and writes
them as a labelled benign corpus that `eval` reads:

    python3 bench/detect-eval/scripts/doc_paragraphs.py --half a --out /tmp/docs-a
    cargo run -p detect-eval --release --bin eval -- /tmp/docs-a --only sluice --no-crs --misses 100

Packages and crates are split into two halves by a hash of their name
(`--half a` or `--half b`, `--half all` for both), so that one half can be
used to find classes of false positives and the other to measure them
afterwards. Documentation does contain real attack examples (a sanitiser's
README showing a payload); those show up as false positives and have to be
read, not counted blindly. Nothing here is shipped or read by the tests.
"""
import argparse
import glob
import gzip
import hashlib
import json
import os
import random
import re


def half_of(name: str) -> str:
    return "a" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "b"


def paragraphs(text: str):
    blocks, cur, fenced = [], [], False
    for line in text.splitlines():
        if line.strip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and not line.strip():
            if cur:
                blocks.append("\n".join(cur))
                cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append("\n".join(cur))
    return blocks


def chunks(text: str):
    """The pieces `prompt_model.rs` scores: a new piece at the first
    sentence end after 48 words, or at 96 words."""
    cur = []
    for w in re.finditer(r"\S+", text):
        cur.append(w)
        if len(cur) >= 96 or (len(cur) >= 48 and re.search(r"[.!?\n]$", w.group())):
            yield text[cur[0].start():cur[-1].end()]
            cur = []
    if cur:
        yield text[cur[0].start():cur[-1].end()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["a", "b", "all"], default="all")
    ap.add_argument("--out", required=True, help="directory to write benign-docs.jsonl into")
    ap.add_argument("--max-doc-paragraphs", type=int, default=15000,
                    help="sample this many /usr/share/doc paragraphs (crate READMEs are all kept)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--min-len", type=int, default=20)
    ap.add_argument("--max-len", type=int, default=1500)
    ap.add_argument("--chunk", action="store_true",
                    help="cut paragraphs into the pieces the prompt model scores (training negatives)")
    a = ap.parse_args()

    def keep(name):
        return a.half == "all" or half_of(name) == a.half

    rows = []
    registry = os.path.expanduser("~/.cargo/registry/src/*/*/README*.md")
    seen_crates = set()
    for f in sorted(glob.glob(registry)):
        crate = os.path.basename(os.path.dirname(f))
        # One version of each crate: READMEs barely change between versions.
        base = re.sub(r"-\d+(\.\d+)*(-[0-9A-Za-z.]+)?$", "", crate)
        if base in seen_crates or not keep(base):
            continue
        seen_crates.add(base)
        try:
            text = open(f, errors="replace").read()
        except OSError:
            continue
        for p in paragraphs(text):
            if a.min_len <= len(p) <= a.max_len:
                rows.append((f"crate {base}", p))
    docs = []
    for f in sorted(glob.glob("/usr/share/doc/*/*")):
        pkg = f.split("/")[4]
        if not keep(pkg) or not re.search(r"(README|\.md|NEWS|changelog)", os.path.basename(f), re.I):
            continue
        try:
            raw = gzip.open(f).read() if f.endswith(".gz") else open(f, "rb").read()
        except OSError:
            continue
        for p in paragraphs(raw.decode("utf-8", "replace")[:200000]):
            if a.min_len <= len(p) <= a.max_len:
                docs.append((f"doc {pkg}", p))
    rng = random.Random(a.seed)
    if len(docs) > a.max_doc_paragraphs:
        docs = rng.sample(docs, a.max_doc_paragraphs)
    rows += docs
    # Identical paragraphs (licence boilerplate) would weigh many times.
    seen, out = set(), []
    for note, p in rows:
        if p not in seen:
            seen.add(p)
            out.append({"text": p, "label": "benign", "note": note})
    if a.chunk:
        out = [dict(r, text=c) for r in out for c in chunks(r["text"])]
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "benign-docs.jsonl")
    with open(path, "w") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} paragraphs -> {path}")


if __name__ == "__main__":
    main()

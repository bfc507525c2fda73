#!/usr/bin/env python3
"""Checks a blind set's lines: format, no near-duplicates of the other blind sets' lines
or of each other, and benign lines carry no PII shapes.

Usage: python3 bench/detect-eval/blind/check.py round11   (a set's directory,
relative to this file's directory or to the working directory)."""
import difflib, glob, json, os, re, sys

BLIND = os.path.dirname(os.path.abspath(__file__))
if len(sys.argv) != 2:
    sys.exit(__doc__)
HERE = os.path.abspath(sys.argv[1] if os.path.isdir(sys.argv[1])
                       else os.path.join(BLIND, sys.argv[1]))
FILES = {"sqli.jsonl": "sqli", "xss.jsonl": "xss", "cmdi.jsonl": "cmdi",
         "path_traversal.jsonl": "path_traversal", "pii.jsonl": "pii",
         "prompt_injection.jsonl": "prompt_injection", "benign.jsonl": "benign"}

def norm(s):
    return re.sub(r"[\d\s]+", "", s.lower())

def luhn(d):
    t = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        t += n
    return t % 10 == 0

def luhn_windows(text):
    for run in re.findall(r"\d+", re.sub(r"(?<=\d)[ -](?=\d)", "", text)):
        for L in range(13, 20):
            for i in range(0, len(run) - L + 1):
                if luhn(run[i:i + L]):
                    return run[i:i + L]
    for run in re.findall(r"\d+", text):
        for L in range(13, 20):
            for i in range(0, len(run) - L + 1):
                if luhn(run[i:i + L]):
                    return run[i:i + L]
    return None

KEY_PREFIX = re.compile(r"(AKIA[0-9A-Z]{12}|ASIA[0-9A-Z]{12}|gh[pousr]_[A-Za-z0-9]{20}|github_pat_|xox[abposr]-|sk_live_|rk_live_|pk_live_|AIza[0-9A-Za-z_\-]{20}|sk-ant-|sk-proj-|-----BEGIN [A-Z ]*PRIVATE KEY)")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")

def main():
    earlier = []
    for p in glob.glob(os.path.join(BLIND, "**", "*.jsonl"), recursive=True):
        if os.path.abspath(p).startswith(HERE + os.sep):
            continue
        with open(p, encoding="utf-8") as f:
            for ln in f:
                ln = ln.strip()
                if not ln:
                    continue
                try:
                    earlier.append(norm(json.loads(ln)["text"]))
                except Exception:
                    pass
    earlier_set = set(earlier)
    fails = []
    mine = []
    counts = {}
    for fn, label in FILES.items():
        path = os.path.join(HERE, fn)
        if not os.path.exists(path):
            print("missing", fn)
            continue
        with open(path, encoding="utf-8") as f:
            for no, ln in enumerate(f, 1):
                where = f"{fn}:{no}"
                try:
                    o = json.loads(ln)
                except Exception as e:
                    fails.append((where, f"bad json {e}"))
                    continue
                if set(o) != {"text", "label", "note"} or o["label"] != label:
                    fails.append((where, "bad keys/label"))
                    continue
                counts[fn] = counts.get(fn, 0) + 1
                t = o["text"]
                n = norm(t)
                if n in earlier_set:
                    fails.append((where, "equals earlier line"))
                else:
                    for e in earlier:
                        sm = difflib.SequenceMatcher(None, n, e, autojunk=False)
                        if sm.real_quick_ratio() >= 0.85 and sm.quick_ratio() >= 0.85 and sm.ratio() >= 0.85:
                            fails.append((where, f"~earlier {sm.ratio():.2f}: {e[:80]}"))
                            break
                for (w2, n2) in mine:
                    sm = difflib.SequenceMatcher(None, n, n2, autojunk=False)
                    if n == n2 or (sm.real_quick_ratio() >= 0.85 and sm.quick_ratio() >= 0.85 and sm.ratio() >= 0.85):
                        fails.append((where, f"~{w2}"))
                        break
                mine.append((where, n))
                if label == "benign":
                    w = luhn_windows(t)
                    if w:
                        fails.append((where, f"luhn-valid window {w}"))
                    if EMAIL.search(t):
                        fails.append((where, "email"))
                    if IBAN.search(t):
                        fails.append((where, "iban shape " + IBAN.search(t).group(0)))
                    if KEY_PREFIX.search(t):
                        fails.append((where, "vendor key prefix"))
    print("earlier lines compared:", len(earlier))
    for k, v in counts.items():
        print(f"{k}: {v}")
    print("total:", sum(counts.values()))
    for w, m in fails:
        print("FAIL", w, m)
    print("failures:", len(fails))
    sys.exit(1 if fails else 0)

if __name__ == "__main__":
    main()

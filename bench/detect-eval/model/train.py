#!/usr/bin/env python3
"""Trains the prompt-injection model of sluice-detect.

Reads the features dumped by the `features` binary of bench/detect-eval
(the detector's own hashing), fits a logistic regression (prompt injection
against everything else: hard benign text and the other attack
categories), picks the decision threshold from out-of-fold scores so that
at most --max-fpr of the non-prompt lines score above it, and writes the
weights in the format `prompt_model.rs` reads.

    cargo build --release -p detect-eval --bin features
    target/release/features corpus bench/detect-eval/holdout/corpus \
        bench/detect-eval/blind/prompt ... > /tmp/features.jsonl
    python3 bench/detect-eval/model/train.py /tmp/features.jsonl \
        --out crates/sluice-detect/src/detectors/prompt_model.bin \
        [--test-set bench/detect-eval/blind/round5]

With --test-set, lines of that set are left out of training and the model
is scored on them (an honest generalisation figure); without it every line
trains. Needs numpy, scipy and scikit-learn (pip install -r requirements.txt).
"""
import argparse
import json
import math
import struct
import sys

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

BITS = 18


def matrix(rows):
    r, c, v = [], [], []
    for i, feats in enumerate(rows):
        counts = {}
        for k in feats:
            counts[k] = counts.get(k, 0) + 1
        norm = math.sqrt(sum(x * x for x in counts.values())) or 1.0
        for k, x in counts.items():
            r.append(i)
            c.append(k)
            v.append(x / norm)
    return csr_matrix((v, (r, c)), shape=(len(rows), 1 << BITS))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--out", required=True)
    ap.add_argument("--c", type=float, default=8.0)
    ap.add_argument("--max-fpr", type=float, default=0.003)
    ap.add_argument("--min-words", type=int, default=4)
    ap.add_argument("--test-set", default=None)
    ap.add_argument("--docs-marker", default="docs",
                    help="sets whose path holds this are documentation negatives, with their own FPR budget")
    a = ap.parse_args()

    train, test = [], []
    for line in open(a.features, encoding="utf-8"):
        o = json.loads(line)
        (test if a.test_set and o["set"].rstrip("/") == a.test_set.rstrip("/") else train).append(o)
    y = np.array([o["label"] == "prompt_injection" for o in train], dtype=int)
    X = matrix([o["features"] for o in train])
    print(f"training lines {len(train)} (prompt injection {y.sum()})", file=sys.stderr)

    # Out-of-fold scores choose the threshold: scores of lines the model saw
    # in training are optimistic.
    oof = np.zeros(len(train))
    for fit, held in StratifiedKFold(5, shuffle=True, random_state=1).split(X, y):
        m = LogisticRegression(C=a.c, max_iter=5000, class_weight="balanced").fit(X[fit], y[fit])
        oof[held] = m.decision_function(X[held])
    # Lines too short to be scored by the detector do not count.
    words = np.array([(len(o["features"]) + 1) // 2 for o in train])
    # Each pool of negatives keeps its own false-positive rate: thousands
    # of easy documentation lines would otherwise buy a lower threshold
    # with false positives on the hard benign lines.
    docs = np.array([a.docs_marker in o["set"] for o in train]) if a.docs_marker else np.zeros(len(train), bool)
    pools = [oof[(y == 0) & (words >= a.min_words) & (docs == d)] for d in (False, True)]
    threshold = max(float(np.quantile(p, 1.0 - a.max_fpr)) for p in pools if len(p))
    for name, p in zip(("hand-written", "documentation"), pools):
        if len(p):
            print(f"  {name} negatives {len(p)}: out-of-fold FPR {(p > threshold).mean():.4f}", file=sys.stderr)
    neg = np.concatenate(pools)
    pos = oof[(y == 1) & (words >= a.min_words)]
    print(f"threshold logit {threshold:.3f}: out-of-fold FPR {(neg > threshold).mean():.4f}, "
          f"recall {(pos > threshold).mean():.3f}", file=sys.stderr)

    m = LogisticRegression(C=a.c, max_iter=5000, class_weight="balanced").fit(X, y)
    w = m.coef_[0]
    scale = float(np.abs(w).max() / 127.0) or 1.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    nz = np.nonzero(q)[0]
    with open(a.out, "wb") as f:
        f.write(b"SPM1")
        f.write(struct.pack("<fffI", float(m.intercept_[0]), threshold, scale, len(nz)))
        for k in nz:
            f.write(struct.pack("<Ib", int(k), int(q[k])))
    print(f"wrote {a.out}: {len(nz)} weights, scale {scale:.5f}", file=sys.stderr)

    if test:
        yt = np.array([o["label"] == "prompt_injection" for o in test], dtype=int)
        Xt = matrix([o["features"] for o in test])
        # Score as the detector does: quantised weights.
        s = m.intercept_[0] + Xt @ (q.astype(float) * scale)
        wt = np.array([(len(o["features"]) + 1) // 2 for o in test])
        hit = (s > threshold) & (wt >= a.min_words)
        ben = np.array([o["label"] == "benign" for o in test])
        print(f"test set {a.test_set}: recall {hit[yt == 1].mean():.3f} "
              f"({hit[yt == 1].sum()}/{(yt == 1).sum()}), benign scored above "
              f"{hit[ben].sum()}/{ben.sum()}", file=sys.stderr)


if __name__ == "__main__":
    main()

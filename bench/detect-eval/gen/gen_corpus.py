#!/usr/bin/env python3
"""Writes the labelled corpus in ../../../corpus/ (deterministic: fixed seeds).

Usage: pip install faker==40.54.0 && python3 bench/detect-eval/gen/gen_corpus.py
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import attacks  # noqa: E402
import benign  # noqa: E402
import pii  # noqa: E402

SEED = 20261123
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "corpus")
LOCALES = ["en_US", "en_GB", "fr_FR", "de_DE", "it_IT", "es_ES", "pt_BR", "nl_NL", "pl_PL", "ru_RU", "ja_JP",
           "zh_CN", "ko_KR", "tr_TR", "ga_IE", "sv_SE", "ar_AA", "he_IL", "el_GR", "hi_IN"]


def write(name, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("{:28} {:5} lines".format(name, len(rows)))


def main():
    # Some Faker providers iterate over sets: fix the hash seed for repeatable output.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))
    from faker import Faker
    os.makedirs(OUT, exist_ok=True)
    rnd = random.Random(SEED)
    fake = Faker(["en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT"])
    fake.seed_instance(SEED)
    for label in ("sqli", "xss", "cmdi", "path_traversal"):
        write(label + ".jsonl", attacks.expand(label, 200, random.Random(SEED + len(label))))
    write("prompt_injection.jsonl", attacks.prompt_injections(200, random.Random(SEED + 7)))
    write("pii.jsonl", pii.pii_lines(fake, random.Random(SEED + 11), 240))
    hand = [{"text": t, "label": "benign", "note": "hand-written"} for t in dict.fromkeys(benign.HAND_WRITTEN)]
    write("benign-hard.jsonl", hand + benign.template_lines(fake, random.Random(SEED + 13), 300))
    write("benign-pii-lookalikes.jsonl", pii.lookalike_lines(fake, random.Random(SEED + 17), 200))
    write("benign-faker.jsonl", benign.faker_lines(LOCALES, SEED + 19, 1000))
    del rnd


if __name__ == "__main__":
    main()

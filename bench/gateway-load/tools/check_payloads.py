#!/usr/bin/env python3
"""Sends each load-test payload once and reports which ones the server flagged.

Flagged = 403, or 200 with a JSON verdict {"threat": true} (the analysis API).
Prints one JSON line: counts per label and category, and the payloads missed
or wrongly blocked (first 120 characters of the attack field).
"""
import argparse
import http.client
import json
import sys
import urllib.parse


def attack_field(body: str) -> str:
    """The attack string of a generated attack body (see gen_payloads.py)."""
    try:
        obj = json.loads(body)
        for key in ("name", "comment", "q", "file"):
            if key in obj:
                return str(obj[key])
    except ValueError:
        pass
    return body[:120]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--url", required=True)
    ap.add_argument("--payloads", required=True)
    args = ap.parse_args()
    u = urllib.parse.urlsplit(args.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    by_cat: dict[str, list[int]] = {}
    missed, false_pos, statuses = [], [], {}
    with open(args.payloads, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t", 2) for line in f if line.strip()]
    for label, cat, body in rows:
        conn.request("POST", u.path or "/", body=body.encode(),
                     headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        statuses[str(resp.status)] = statuses.get(str(resp.status), 0) + 1
        flagged = resp.status == 403
        if resp.status == 200:
            try:
                flagged = bool(json.loads(data).get("threat"))
            except (ValueError, AttributeError):
                pass
        c = by_cat.setdefault(cat, [0, 0])
        c[0] += 1
        c[1] += int(flagged)
        if label == "attack" and not flagged:
            missed.append(f"{cat}: {attack_field(body)}")
        if label == "benign" and flagged:
            false_pos.append(body[:120])
        if resp.getheader("connection", "").lower() == "close":
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    attacks = [r for r in rows if r[0] == "attack"]
    benign = [r for r in rows if r[0] == "benign"]
    print(json.dumps({
        "kind": "accuracy", "name": args.name, "statuses": statuses,
        "attacks_total": len(attacks), "attacks_flagged": len(attacks) - len(missed),
        "benign_total": len(benign), "benign_flagged": len(false_pos),
        "by_category": {k: {"total": v[0], "flagged": v[1]} for k, v in sorted(by_cat.items())},
        "missed": missed, "benign_blocked": false_pos[:10],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())

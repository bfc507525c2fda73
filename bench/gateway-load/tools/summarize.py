#!/usr/bin/env python3
"""Prints the markdown summary of a results file and judges the targets.

    summarize.py load results/load-*.jsonl
    summarize.py flood results/flood-*.jsonl
"""
import json
import sys


def load_rows(path: str) -> tuple[dict, list[dict]]:
    meta, rows = {}, []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            obj = json.loads(line)
            if "meta" in obj:
                meta = obj["meta"]
            else:
                rows.append(obj)
    return meta, rows


def ms(us: float) -> str:
    return f"{us / 1000:.2f}"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def merge_rounds(rows: list[dict]) -> dict[str, dict]:
    """One row per server: the median of each figure over the rounds."""
    by_name: dict[str, list[dict]] = {}
    for r in rows:
        by_name.setdefault(r["name"], []).append(r)
    out = {}
    for name, rs in by_name.items():
        m = dict(rs[0])
        m["rounds"] = len(rs)
        m["rps_all"] = [round(r["rps"], 1) for r in rs]
        m["p99_all_us"] = [r["latency_us"]["p99"] for r in rs]
        m["rps"] = median([r["rps"] for r in rs])
        m["latency_us"] = {k: median([r["latency_us"][k] for r in rs]) for k in rs[0]["latency_us"]}
        m["statuses"] = {k: sum(r["statuses"].get(k, 0) for r in rs) for k in rs[0]["statuses"]}
        m["errors"] = {k: sum(r["errors"][k] for r in rs) for k in rs[0]["errors"]}
        m["threat_verdicts"] = sum(r.get("threat_verdicts", 0) for r in rs)
        m["requests"] = sum(r["requests"] for r in rs)
        m["rss_kib"] = max(r["rss_kib"] for r in rs)
        m["hwm_kib"] = max(r["hwm_kib"] for r in rs)
        out[name] = m
    return out


def load_summary(meta: dict, rows: list[dict]) -> dict:
    loads = merge_rounds([r for r in rows if r.get("kind") == "load"])
    acc = {r["name"]: r for r in rows if r.get("kind") == "accuracy"}
    print(f"\nMachine: {meta.get('cpu')}, {meta.get('cores')} cores, {meta.get('memory')}; "
          f"{meta.get('os')}; {meta.get('wrk')}; node {meta.get('node')}; {meta.get('nginx')}")
    print(f"sluice: {meta.get('sluice_bin')} (crates at {meta.get('sluice_commit')}; "
          f"{meta.get('crates_uncommitted_files', '?')} uncommitted files under crates/); upstream: {meta.get('upstream')}")
    rounds = max((r["rounds"] for r in loads.values()), default=1)
    print(f"Run at {meta.get('time_utc')}, load average before: {meta.get('loadavg')}")
    if rounds > 1:
        print(f"Figures are medians of {rounds} rounds; req/s of each round in the last column.")
    print()
    print("| server | req/s | p50 ms | p90 ms | p99 ms | max ms | 403 (non-2xx) | threat verdicts | socket errors | RSS MiB (peak) | req/s by round |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, r in loads.items():
        e = r["errors"]
        sock = e["connect"] + e["read"] + e["write"] + e["timeout"]
        label = name + (f" (paced {r['pace_ms']} ms/conn)" if r.get("pace_ms") else "")
        lat = r["latency_us"]
        print(f"| {label} | {r['rps']:.0f} | {ms(lat['p50'])} | {ms(lat['p90'])} | {ms(lat['p99'])} | "
              f"{ms(lat['max'])} | {r['statuses'].get('403', r['statuses'].get('non2xx', 0))} | "
              f"{r.get('threat_verdicts', 0) if 'non2xx' not in r['statuses'] else '-'} | {sock} | "
              f"{r['rss_kib'] / 1024:.0f} ({r['hwm_kib'] / 1024:.0f}) | {' / '.join(f'{x:.0f}' for x in r['rps_all'])} |")
    if acc:
        print("\nEach payload once (20 attacks in 4 categories, 80 benign):\n")
        print("| server | attacks flagged | sqli | xss | cmdi | path | benign flagged |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, a in acc.items():
            bc = a["by_category"]
            cell = lambda c: f"{bc.get(c, {}).get('flagged', 0)}/{bc.get(c, {}).get('total', 0)}"
            print(f"| {name} | {a['attacks_flagged']}/{a['attacks_total']} | {cell('sqli')} | {cell('xss')} | "
                  f"{cell('cmdi')} | {cell('path')} | {a['benign_flagged']}/{a['benign_total']} |")
    targets = {}
    node = [loads[n]["rps"] for n in ("node-regex", "node-aidefence") if n in loads]
    best_node = max(node) if node else None
    for n in ("sluice-proxy", "sluice-analyze"):
        if n in loads and best_node:
            ratio = loads[n]["rps"] / best_node
            targets[f"{n} req/s >= 10x faster Node peer"] = (ratio >= 10, f"{ratio:.1f}x ({loads[n]['rps']:.0f} vs {best_node:.0f})")
        if n in loads:
            p99 = loads[n]["latency_us"]["p99"] / 1000
            targets[f"{n} p99 <= 5 ms at {loads[n]['connections']} connections"] = (p99 <= 5, f"{p99:.2f} ms")
    for suffix, what in (("", "closed loop"), ("-paced", "offered load")):
        up, px = loads.get("upstream-direct" + suffix), loads.get("sluice-proxy" + suffix)
        if up and px:
            r50 = px["latency_us"]["p50"] / max(up["latency_us"]["p50"], 1) - 1
            r99 = px["latency_us"]["p99"] / max(up["latency_us"]["p99"], 1) - 1
            key = f"proxy adds <= 30% latency ({what}, p50 and p99)"
            targets[key] = (r50 <= 0.30 and r99 <= 0.30,
                            f"p50 {ms(up['latency_us']['p50'])} -> {ms(px['latency_us']['p50'])} ms ({r50:+.0%}), "
                            f"p99 {ms(up['latency_us']['p99'])} -> {ms(px['latency_us']['p99'])} ms ({r99:+.0%})")
    if targets:
        print("\n| target | result | measured |")
        print("|---|---|---|")
        for k, (ok, detail) in targets.items():
            print(f"| {k} | {verdict(ok)} | {detail} |")
    else:
        print("\n(no sluice results: targets not judged)")
    return {k: {"pass": ok, "measured": d} for k, (ok, d) in targets.items()}


def flood_summary(meta: dict, rows: list[dict]) -> dict:
    print(f"\nMachine: {meta.get('cpu')}, {meta.get('cores')} cores, {meta.get('memory')}; run at {meta.get('time_utc')}, "
          f"load average before: {meta.get('loadavg')}")
    print(f"sluice: {meta.get('sluice_bin')} (crates at {meta.get('sluice_commit')}; "
          f"{meta.get('crates_uncommitted_files', '?')} uncommitted files under crates/)\n")
    print("| server | body MiB | bodies/s | 2xx | other statuses | socket errors | RSS MiB max (sampled) | VmHWM MiB | p50 s | p99 s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    fl = {r["name"]: r for r in rows if r.get("kind") == "flood"}
    for name, r in fl.items():
        e = r["errors"]
        sock = e["connect"] + e["read"] + e["write"] + e["timeout"]
        ok = sum(v for k, v in r["statuses"].items() if k.startswith("2"))
        other = {k: v for k, v in r["statuses"].items() if not k.startswith("2")}
        print(f"| {name} | {r['body_bytes'] / 2**20:.2f} | {r['bodies_per_s']:.1f} | {ok} | {other or '-'} | {sock} | "
              f"{r['rss_max_kib'] / 1024:.0f} | {r['hwm_kib'] / 1024:.0f} | {r['latency_us']['p50'] / 1e6:.2f} | "
              f"{r['latency_us']['p99'] / 1e6:.2f} |")
    targets = {}
    s, n = fl.get("sluice-analyze"), fl.get("node-regex")
    if s:
        cap = s.get("rss_cap_mib", 320)
        peak = max(s["rss_max_kib"], s["hwm_kib"]) / 1024
        targets[f"sluice RSS < {cap} MiB under the flood"] = (peak < cap, f"peak {peak:.0f} MiB")
    if s and n:
        ratio = s["bodies_per_s"] / max(n["bodies_per_s"], 1e-9)
        targets["sluice bodies/s >= 10x the regex Node peer"] = (
            ratio >= 10, f"{ratio:.1f}x ({s['bodies_per_s']:.1f} vs {n['bodies_per_s']:.1f})")
    if targets:
        print("\n| target | result | measured |")
        print("|---|---|---|")
        for k, (ok, detail) in targets.items():
            print(f"| {k} | {verdict(ok)} | {detail} |")
    return {k: {"pass": ok, "measured": d} for k, (ok, d) in targets.items()}


def main() -> int:
    mode, path = sys.argv[1], sys.argv[2]
    meta, rows = load_rows(path)
    result = load_summary(meta, rows) if mode == "load" else flood_summary(meta, rows)
    print("\nTARGETS " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""A rough, deterministic model of scenario E, for choosing reuse policies.

Timing E on a shared 2-core machine moves by 30-50% between runs, so policy
ideas are first checked here. The model replays the E workload (two threads
taking turns, log-uniform sizes 1 KiB-4 MiB, four held buffers each, half of
the released ones handed to the other thread) against one shared free list
per class and reports, per policy:

- hot: the share of written bytes that land in a buffer written less than
  L bytes of traffic ago (L stands for the part of the shared cache a
  process gets; E is mostly memset, and a cold buffer costs more to write),
- stock: MiB of buffers the pool ever allocated (what peak RSS follows),
- misses.

It leaves out thread caches, caps and a stalled thread filling its channel,
so its stock is lower than the real one; use it for comparisons only.

Policies: pow2 (one class per power of two, LIFO: the pool crates),
recent (four classes per doubling; of the request's class and the next
WIN classes, the one released to most recently: sluice-pool),
bestfit (as recent below 1 MiB, smallest fitting class from 1 MiB up).

    python3 scripts/e_reuse_model.py
"""
import math
import random

MIN, MAX = 1 << 10, 4 << 20


def class4(n):
    e = max(10, math.ceil(math.log2(n)) - 1)
    while True:
        for q in range(4):
            c = (1 << e) + q * (1 << e) // 4
            if c >= n:
                return c
        e += 1


def class2(n):
    return 1 << max(10, math.ceil(math.log2(n)))


def window(c, steps):
    out = [c]
    for _ in range(steps):
        c = class4(c + 1)
        out.append(c)
    return out


def run(policy, ops=40000, seed=1, hot_bytes=16 << 20, win=3):
    rng = random.Random(seed)
    idle, last_put = {}, {}
    written = clock = stock = misses = hot = total = 0
    held = [[None] * 4, [None] * 4]
    inbox = [[], []]

    def release(b):
        nonlocal clock
        clock += 1
        idle.setdefault(b[0], []).append(b)
        last_put[b[0]] = clock

    def acquire(n):
        nonlocal misses, stock
        if policy == "pow2":
            c = class2(n)
            if idle.get(c):
                return idle[c].pop()
            misses += 1
            stock += c
            return [c, None]
        k = class4(n)
        cands = [c for c in window(k, win) if idle.get(c)]
        if not cands:
            misses += 1
            stock += k
            return [k, None]
        if policy == "bestfit" and k >= 1 << 20:
            c = min(cands)
        else:
            c = max(cands, key=lambda c: (last_put[c], -c))
        return idle[c].pop()

    for i in range(ops):
        t = i & 1
        for b in inbox[t]:
            release(b)
        inbox[t] = []
        n = int(math.exp(rng.uniform(math.log(MIN), math.log(MAX))))
        b = acquire(n)
        total += n
        if b[1] is not None and written - b[1] < hot_bytes:
            hot += n
        written += n
        b[1] = written
        s = rng.randrange(4)
        old, held[t][s] = held[t][s], b
        if old is not None:
            if rng.random() < 0.5:
                inbox[1 - t].append(old)
            else:
                release(old)
    return hot / total, stock / 2**20, misses


if __name__ == "__main__":
    print("policy      L MiB  hot    stock MiB  misses   (seeds 1 and 2)")
    for policy, win in [("pow2", 3), ("recent", 3), ("bestfit", 3), ("recent", 7)]:
        for hot_mib in (8, 16, 24):
            rows = [run(policy, seed=s, hot_bytes=hot_mib << 20, win=win) for s in (1, 2)]
            name = policy if win == 3 else f"{policy}/{win}"
            print(f"{name:<10} {hot_mib:>5}  " + "   ".join(
                f"{h:.3f} {st:6.1f} {m:4d}" for h, st, m in rows))

#!/usr/bin/env python3
"""Writes a 1 MiB JSON body shaped like an ordinary API response: an array of
generated order records (UUIDs, ISO dates, enum strings, names, SKUs, prices,
URLs, tags and short reviews), seeded, so that every run writes the same bytes.
The instruction counts in BENCHMARKS.md scan it with `icount --body FILE`.

Usage: python3 bench/detect-eval/scripts/api_body.py --out /tmp/api.json
"""
import argparse, datetime, json, random, uuid

FIRST = ["Alice", "Bob", "Carol", "Dave", "Eve", "Frank", "Grace", "Heidi", "Ivan", "Judy",
         "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter",
         "Zoë", "José", "François", "Søren", "Åsa"]
LAST = ["Smith", "Johnson", "O'Brien", "Müller", "García", "Nguyen", "Kowalski", "Rossi",
        "Dubois", "Tanaka", "Okafor", "Silva"]
WORDS = ("the quick brown fox jumps over lazy dog order shipped delivered payment received "
         "thanks great product would buy again fast shipping item arrived damaged please refund "
         "customer support replied within a day size fits well colour slightly different from "
         "photo").split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--bytes", type=int, default=1 << 20)
    args = ap.parse_args()
    r = random.Random(7)
    sentence = lambda n: " ".join(r.choice(WORDS) for _ in range(n)).capitalize() + "."
    recs, size = [], 0
    while size < args.bytes:
        t = datetime.datetime(2025, 1, 1) + datetime.timedelta(seconds=r.randint(0, 30_000_000))
        rec = {
            "id": str(uuid.UUID(int=r.getrandbits(128))),
            "type": "order",
            "status": r.choice(["pending", "shipped", "delivered", "cancelled"]),
            "created_at": t.isoformat() + "Z",
            "customer": {"first_name": r.choice(FIRST), "last_name": r.choice(LAST),
                         "country": r.choice(["US", "DE", "FR", "JP", "BR"]),
                         "tier": r.choice(["gold", "silver", "basic"])},
            "items": [{"sku": "SKU-%05d" % r.randint(0, 99999),
                       "name": " ".join(r.choice(WORDS) for _ in range(3)).title(),
                       "qty": r.randint(1, 5), "price": round(r.uniform(1, 300), 2)}
                      for _ in range(r.randint(1, 4))],
            "total": round(r.uniform(5, 900), 2),
            "currency": r.choice(["USD", "EUR", "JPY"]),
            "url": "https://shop.example.com/orders/%d" % r.randint(1, 10**6),
            "tags": r.sample(["gift", "express", "fragile", "bulk", "promo"], 2),
            "review": sentence(r.randint(5, 25)) if r.random() < 0.5 else None,
        }
        recs.append(rec)
        size += len(json.dumps(rec))
    with open(args.out, "w") as f:
        json.dump({"data": recs}, f)


if __name__ == "__main__":
    main()

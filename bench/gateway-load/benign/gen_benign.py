#!/usr/bin/env python3
"""Generates the benign request set for crs_replay.py: benign/benign-requests.jsonl.

Realistic traffic a screening gateway must let through, made with Faker in
several locales (seeded, so re-running gives the same file with the same Faker
version): browser page views with cookies and referers, search queries with
apostrophes and ampersands, URL-encoded form posts (sign-up, contact, checkout),
JSON API calls (create, update, comment), and a "hard" group: ordinary
phrases that naive SQL/XSS/shell detectors are known to flag ("Workers' Union",
"Tom & Jerry <3", "Don't select the red one; update me later", French
apostrophes, the US state code OR, ...).

One request a line: {"id", "kind", "method", "uri", "headers": [[name, value]...], "body"}.

    pip install faker==40.54.0 && python3 benign/gen_benign.py
"""

import json
import os
import random
import sys
import urllib.parse

from faker import Faker

SEED = 20261123
LOCALES = ["en_US", "en_GB", "en_IE", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL", "pt_BR", "pl_PL"]

# Phrases naive detectors are known to flag; all of them ordinary user input.
HARD = [
    "Workers' Union annual meeting",
    "Tom & Jerry <3",
    "Don't select the red one; update me later",
    "Please select from the drop-down menu and update your profile",
    "Ben & Jerry's ice cream -- half price!",
    "O'Brien, O'Connor & D'Angelo LLP",
    "rock 'n' roll",
    "AT&T bill for 03/2026",
    "C'est l'été, on s'en va à l'hôtel d'Annecy",
    "J'ai oublié mon mot de passe, pouvez-vous m'aider ?",
    "Portland, OR 97201",
    "Salem, OR or Eugene, OR",
    "Select count: 12 people, drop-off at 5pm",
    "Union Station & Market St.",
    "Delete my account please, I'm moving abroad",
    "I'd like to update the shipping address and drop the gift wrap",
    "The script for our school play is ready",
    "Is 1/2 cup = 4 oz? Asking for a recipe",
    "Q&A: what's new in v2.0?",
    "Smith & Wesson holster, size M/L",
    "Please ignore all previous emails about the invoice",
    "Call me at (555) 010-4477 or email me",
    "Alert: your parcel is at the depot",
    "Where's the 'exec' summary for Monday?",
    "Mother's Day; Father's Day; Valentine's Day",
    "Hello -- I'd like to order 2 of these",
    "Price < 50 & rating > 4",
    "Der Kunde sagte: \"Das ist nicht mein Paket\" (Bestellnr. 88/2026)",
    "Axel Müller-Lüdenscheidt",
    "Loreal Paris -- L'Oréal Men Expert",
    "McDonald's & Burger King near me",
    "cat food for 2 cats; 4kg bag",
    "ls -- the Lisbon sightseeing pass",
    "Where is the ../ button? It says 'go up one level'",
    "Terms & Conditions (v3) apply; see section 4.2",
    "1=1 tutoring sessions for maths",
    "Ticket #4411: login fails with 'invalid token' since the update",
    "Sélection du chef : entrée + plat + dessert",
    "wget-style download manager for Windows",
    "Fish & Chips; Salt & Vinegar",
]

PATHS = ["/", "/products", "/products/{slug}", "/blog/{y}/{m}/{slug}", "/about", "/cart",
         "/account/orders", "/help/{slug}", "/category/{slug}", "/static/css/site.{h}.css",
         "/static/js/app.{h}.js", "/images/{slug}.jpg"]


def browser_headers(fake: Faker, rng: random.Random, host: str, referer: bool = True) -> list[list[str]]:
    h = [["Host", host], ["User-Agent", fake.user_agent()],
         ["Accept", rng.choice(["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                                "*/*", "application/json, text/plain, */*"])],
         ["Accept-Language", rng.choice(["en-US,en;q=0.9", "fr-FR,fr;q=0.8,en;q=0.5",
                                         "de-DE,de;q=0.9", "en-GB,en;q=0.7"])],
         ["Accept-Encoding", "gzip, deflate, br"]]
    if rng.random() < 0.8:
        cookies = [f"session={fake.sha1()[:32]}", f"_ga=GA1.2.{rng.randint(10**8, 10**9)}.{rng.randint(10**9, 2 * 10**9)}"]
        if rng.random() < 0.4:
            cookies.append(f"cart={rng.randint(1, 9)}")
        if rng.random() < 0.3:
            cookies.append("consent=" + urllib.parse.quote("analytics:yes;ads:no"))
        h.append(["Cookie", "; ".join(cookies)])
    if referer and rng.random() < 0.7:
        h.append(["Referer", f"https://{host}/" + fake.uri_path()])
    return h


def fill_path(fake: Faker, rng: random.Random) -> str:
    p = rng.choice(PATHS)
    return p.format(slug=fake.slug(), y=rng.randint(2019, 2026), m=f"{rng.randint(1, 12):02d}",
                    h=fake.md5()[:8])


def quote_query(value: str, rng: random.Random) -> str:
    # Browsers differ: most encode the apostrophe, some leave it as is.
    safe = "'" if rng.random() < 0.3 else ""
    return urllib.parse.quote_plus(value, safe=safe)


def page_view(fake, rng, host):
    path = fill_path(fake, rng)
    if rng.random() < 0.3:
        path += "?" + urllib.parse.urlencode({"utm_source": rng.choice(["newsletter", "google", "twitter"]),
                                              "utm_campaign": fake.slug()})
    return "GET", path, browser_headers(fake, rng, host), ""


def search(fake, rng, host, text=None):
    q = text or rng.choice([
        fake.catch_phrase(), fake.name(), fake.street_name(), fake.company(), fake.city(),
        f"{fake.last_name()}'s {fake.word()}", f"{fake.word()} & {fake.word()}",
        f"{fake.company()} & sons", f"{fake.first_name()} O'{fake.last_name()}",
        fake.sentence(nb_words=5).rstrip("."), f"{fake.word()} 'n' {fake.word()}",
    ])
    params = [("q", q)]
    if rng.random() < 0.5:
        params.append(("page", str(rng.randint(1, 5))))
    if rng.random() < 0.4:
        params.append(("sort", rng.choice(["price_asc", "price_desc", "newest", "relevance"])))
    uri = rng.choice(["/search", "/products/search", "/api/search"]) + "?" + "&".join(
        f"{k}={quote_query(v, rng)}" for k, v in params)
    return "GET", uri, browser_headers(fake, rng, host), ""


def form_post(fake, rng, host, text=None):
    kinds = ["contact", "checkout", "review"] if text else ["signup", "contact", "checkout", "newsletter", "review"]
    kind = rng.choice(kinds)
    if kind == "signup":
        fields = {"first_name": fake.first_name(), "last_name": fake.last_name(),
                  "email": fake.email(), "password": fake.password(length=14),
                  "company": fake.company(), "accept_terms": "on"}
    elif kind == "contact":
        fields = {"name": fake.name(), "email": fake.email(), "subject": fake.sentence(nb_words=6),
                  "message": text or fake.paragraph(nb_sentences=4)}
    elif kind == "checkout":
        fields = {"full_name": fake.name(), "street": fake.street_address(), "city": fake.city(),
                  "postcode": fake.postcode(), "phone": fake.phone_number(),
                  "notes": text or rng.choice(["", "Leave at the door, please", fake.sentence()])}
    elif kind == "newsletter":
        fields = {"email": fake.email(), "topics": rng.choice(["news,offers", "news", "offers & events"])}
    else:
        fields = {"rating": str(rng.randint(1, 5)), "title": fake.sentence(nb_words=4),
                  "review": text or fake.paragraph(nb_sentences=3), "author": fake.name()}
    if "csrf_token" not in fields and rng.random() < 0.6:
        fields["csrf_token"] = fake.sha256()[:40]
    body = urllib.parse.urlencode(fields)
    h = browser_headers(fake, rng, host)
    h.append(["Content-Type", "application/x-www-form-urlencoded"])
    h.append(["Origin", f"https://{host}"])
    return "POST", f"/{kind}", h, body


def json_api(fake, rng, host, text=None):
    kind = rng.choice(["order", "profile", "comment", "event", "ticket"])
    if kind == "order":
        method, uri = "POST", "/api/v1/orders"
        obj = {"customer": {"name": fake.name(), "email": fake.email()},
               "shipping": {"street": fake.street_address(), "city": fake.city(),
                            "postcode": fake.postcode(), "country": fake.country_code()},
               "items": [{"sku": fake.ean8(), "qty": rng.randint(1, 3),
                          "price": round(rng.uniform(1, 200), 2)} for _ in range(rng.randint(1, 5))],
               "note": text or rng.choice(["", fake.sentence()])}
    elif kind == "profile":
        method, uri = rng.choice(["PUT", "PATCH"]), f"/api/v1/users/{rng.randint(1, 99999)}"
        obj = {"display_name": fake.name(), "bio": text or fake.paragraph(nb_sentences=2),
               "job": fake.job(), "website": fake.url(), "birthday": fake.date_of_birth().isoformat()}
    elif kind == "comment":
        method, uri = "POST", f"/api/v1/posts/{rng.randint(1, 5000)}/comments"
        obj = {"author": fake.name(), "body": text or fake.paragraph(nb_sentences=3),
               "reply_to": rng.choice([None, rng.randint(1, 10000)])}
    elif kind == "event":
        method, uri = "POST", "/api/v1/events"
        obj = {"type": rng.choice(["page_view", "add_to_cart", "purchase"]),
               "ts": fake.iso8601(), "session": fake.uuid4(), "props": {"path": fake.uri_path(),
                                                                        "title": text or fake.catch_phrase()}}
    else:
        method, uri = "POST", "/api/v1/support/tickets"
        obj = {"subject": fake.sentence(nb_words=6), "description": text or fake.paragraph(nb_sentences=5),
               "priority": rng.choice(["low", "normal", "high"]), "contact": fake.email()}
    h = browser_headers(fake, rng, host, referer=rng.random() < 0.5)
    h.append(["Content-Type", "application/json"])
    if rng.random() < 0.5:
        h.append(["Authorization", "Bearer " + fake.sha256()])
    return method, uri, h, json.dumps(obj, ensure_ascii=rng.random() < 0.3)


def main() -> int:
    rng = random.Random(SEED)
    Faker.seed(SEED)
    fakers = {loc: Faker(loc) for loc in LOCALES}
    out = []
    makers = [("page_view", page_view, 250), ("search", search, 300), ("form_post", form_post, 300),
              ("json_api", json_api, 300)]
    for kind, fn, count in makers:
        for _ in range(count):
            fake = fakers[rng.choice(LOCALES)]
            host = rng.choice(["shop.example.com", "www.example.org", "app.example.net"])
            out.append((kind, *fn(fake, rng, host)))
    # Hard phrases, each in three positions: query, form field, JSON field.
    for text in HARD:
        fake = fakers[rng.choice(LOCALES)]
        host = "shop.example.com"
        out.append(("hard", *search(fake, rng, host, text=text)))
        out.append(("hard", *form_post(fake, rng, host, text=text)))
        out.append(("hard", *json_api(fake, rng, host, text=text)))
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "benign-requests.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i, (kind, method, uri, headers, body) in enumerate(out):
            f.write(json.dumps({"id": i, "kind": kind, "method": method, "uri": uri,
                                "headers": headers, "body": body}, ensure_ascii=False) + "\n")
    print(f"wrote {path}: {len(out)} requests", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate pii.jsonl for blind round 13: synthetic personal data and secrets.

Everything is derived from random.Random(13), so the output is deterministic.
Names are random combinations from short lists; no real person's data.
Formats with check digits are generated valid: Luhn for cards, mod-97 for
IBANs (plus the Italian CIN letter, the Belgian mod-97 account check and the
Irish/Austrian/Swiss plain layouts), US SSN area/group/serial ranges, the
CRC32/base62 checksum of GitHub tokens, a real HMAC-SHA256 signature on the
JWTs and a structurally valid P-256 EC private key (SEC1) whose public point
is computed from the private scalar.

Usage: python3 gen_pii.py   (writes pii.jsonl next to this file)
"""
import base64
import hashlib
import hmac
import json
import os
import random
import string
import sys
import zlib

rng = random.Random(13)

FIRST = ["Aurelio", "Bettina", "Chidi", "Dagny", "Eamon", "Fenna", "Giorgos", "Hiroko",
         "Isolde", "Jarrah", "Kalinda", "Leopold", "Marisol", "Nikolai", "Odalys", "Pieter",
         "Quilla", "Rosalind", "Siddharth", "Tove", "Umberto", "Vesna", "Wiremu", "Xiomara"]
LAST = ["Abernethy", "Brennecke", "Cavanagh", "Dimitriou", "Esterhazy", "Fonseca",
        "Gallagher", "Holmberg", "Ishikawa", "Jovanovic", "Kristiansen", "Lombardi",
        "Moreau", "Nwachukwu", "Ostrowski", "Paredes", "Rautio", "Sandoval",
        "Tanaka", "Uhlmann", "Vasquez", "Winterbottom", "Yilmaz", "Zapata"]
MAIL_DOMAINS = ["gmail.com", "fastmail.com", "outlook.com", "yahoo.es", "libero.it",
                "posteo.de", "naver.com", "tutanota.com", "aol.com", "seznam.cz"]
ALNUM = string.ascii_letters + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
B32 = string.ascii_uppercase + "234567"
BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def name():
    return rng.choice(FIRST), rng.choice(LAST)


def email(first=None, last=None):
    if first is None:
        first, last = name()
    local = rng.choice([f"{first}.{last}", f"{first}{last[0]}", f"{last}{rng.randint(1, 999)}",
                        f"{first[0]}.{last}.{rng.randint(10, 99)}", f"{first}-{last}"]).lower()
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


def digits(n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def rand(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


# ---------------------------------------------------------------- cards
# The corpus generator's check digit (bench/detect-eval/gen/pii.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gen"))
from pii import luhn_digit  # noqa: E402


def luhn_complete(partial):
    return partial + luhn_digit(partial)


def luhn_ok(num):
    return num[-1:] == luhn_digit(num[:-1])


BRANDS = {
    "visa": (lambda: "4" + digits(5), 16),
    "mastercard2": (lambda: str(rng.randint(2221, 2720)) + digits(2), 16),
    "mastercard": (lambda: str(rng.randint(51, 55)) + digits(4), 16),
    "amex": (lambda: rng.choice(["34", "37"]) + digits(4), 15),
    "discover": (lambda: "65" + digits(4), 16),
    "jcb": (lambda: str(rng.randint(3528, 3589)) + digits(2), 16),
    "diners": (lambda: str(rng.choice([300, 301, 302, 303, 304, 305])) + digits(3), 14),
    "unionpay": (lambda: "62" + digits(4), 19),
}


def card(brand):
    mk, length = BRANDS[brand]
    prefix = mk()
    num = luhn_complete(prefix + digits(length - len(prefix) - 1))
    assert luhn_ok(num) and len(num) == length
    return num


def group(num, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(num[i:i + s])
        i += s
    if i < len(num):
        out.append(num[i:])
    return sep.join(out)


# ---------------------------------------------------------------- SSN
def ssn():
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


# ---------------------------------------------------------------- IBAN
def iban_check(cc, bban):
    n = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    return f"{98 - n % 97:02d}"


def iban_ok(iban):
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
          10, 22, 25, 24, 23]


def it_cin(s):
    total = 0
    for i, c in enumerate(s):
        v = int(c) if c.isdigit() else ord(c) - 65
        total += IT_ODD[v] if i % 2 == 0 else v
    return chr(65 + total % 26)


def iban(cc):
    if cc == "AT":
        bban = digits(5) + digits(11)
    elif cc == "CH":
        bban = digits(5) + digits(12)
    elif cc == "IE":
        bban = rng.choice(["AIBK", "BOFI", "IPBS"]) + digits(6) + digits(8)
    elif cc == "IT":
        rest = digits(5) + digits(5) + digits(12)
        bban = it_cin(rest) + rest
    elif cc == "BE":
        acct = digits(10)
        bban = acct + f"{int(acct) % 97 or 97:02d}"
    elif cc == "DE":
        bban = digits(8) + digits(10)
    else:
        raise ValueError(cc)
    out = cc + iban_check(cc, bban) + bban
    assert iban_ok(out)
    return out


def spaced(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------- phones
def phone(kind):
    if kind == "us":
        return f"+1 {rng.choice(['415', '646', '303', '503', '612'])}-{rng.randint(201, 989)}-{digits(4)}"
    if kind == "ca":
        return f"({rng.choice(['604', '416', '514'])}) {rng.randint(201, 989)}.{digits(4)}"
    if kind == "mx":
        return f"+52 {rng.choice(['55', '33', '81'])} {digits(4)} {digits(4)}"
    if kind == "es":
        return f"+34 6{digits(2)} {digits(2)} {digits(2)} {digits(2)}"
    if kind == "it":
        return f"+39 3{rng.choice(['20', '33', '47', '89'])} {digits(3)} {digits(4)}"
    if kind == "kr":
        return f"010-{rng.randint(2000, 9999)}-{digits(4)}"
    if kind == "de_land":
        return f"030 {rng.randint(2, 9)}{digits(6)}"
    raise ValueError(kind)


# ---------------------------------------------------------------- secrets
def aws_key_id(prefix="AKIA"):
    return prefix + rand(B32, 16)


def aws_secret():
    return rand(ALNUM + "+/", 40)


def github_token(prefix):
    body = rand(ALNUM, 30)
    crc = zlib.crc32(body.encode())
    enc = ""
    while crc:
        crc, r = divmod(crc, 62)
        enc = BASE62[r] + enc
    return prefix + body + enc.rjust(6, "0")


def github_fine_grained():
    return "github_pat_" + rand(UPPER_ALNUM, 22) + "_" + rand(ALNUM, 59)


def slack_user_token():
    return f"xoxp-{digits(11)}-{digits(12)}-{digits(13)}-{rand('0123456789abcdef', 32)}"


def stripe(prefix):
    return prefix + rand(ALNUM, 99 if prefix.startswith("rk") else 24)


def google_api_key():
    return "AIza" + rand(ALNUM + "-_", 35)


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(first, last, extra):
    header = {"alg": "HS256", "typ": "JWT", "kid": rand(string.hexdigits.lower(), 8)}
    iat = 1735000000 + rng.randint(0, 8000000)
    payload = {"sub": f"usr_{rand(ALNUM, 12)}", "given_name": first, "family_name": last,
               "email": email(first, last), **extra, "iat": iat, "exp": iat + 900}
    secret = bytes(rng.getrandbits(8) for _ in range(32))
    signing = b64url(json.dumps(header, separators=(",", ":")).encode()) + "." + \
        b64url(json.dumps(payload, separators=(",", ":")).encode())
    return signing + "." + b64url(hmac.new(secret, signing.encode(), hashlib.sha256).digest())


# P-256 EC private key (SEC1), scalar from the seeded generator
P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff
A = P - 3
N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
G = (0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
     0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5)


def ec_add(p, q):
    if p is None:
        return q
    if q is None:
        return p
    if p[0] == q[0] and (p[1] + q[1]) % P == 0:
        return None
    if p == q:
        lam = (3 * p[0] * p[0] + A) * pow(2 * p[1], -1, P) % P
    else:
        lam = (q[1] - p[1]) * pow(q[0] - p[0], -1, P) % P
    x = (lam * lam - p[0] - q[0]) % P
    return x, (lam * (p[0] - x) - p[1]) % P


def ec_mul(k, pt):
    out = None
    while k:
        if k & 1:
            out = ec_add(out, pt)
        pt = ec_add(pt, pt)
        k >>= 1
    return out


def der(tag, body):
    n = len(body)
    ln = bytes([n]) if n < 0x80 else bytes([0x81, n])
    return bytes([tag]) + ln + body


def ec_pem():
    d = rng.randrange(1, N)
    x, y = ec_mul(d, G)
    pub = b"\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big")
    oid = bytes.fromhex("06082a8648ce3d030107")           # prime256v1
    body = der(0x02, b"\x01") + der(0x04, d.to_bytes(32, "big")) + der(0xa0, oid) + \
        der(0xa1, der(0x03, b"\x00" + pub))
    b64 = base64.b64encode(der(0x30, body)).decode()
    return "-----BEGIN EC PRIVATE KEY-----\n" + \
        "\n".join(b64[i:i + 64] for i in range(0, len(b64), 64)) + "\n-----END EC PRIVATE KEY-----"


# ---------------------------------------------------------------- lines
rows = []


def add(text, note):
    rows.append({"text": text, "label": "pii", "note": note})


# emails
f, l = name()
add(json.dumps({"ticket": {"id": 40000 + rng.randint(0, 9999), "subject": "Refund not received",
                           "requester": {"name": f"{f} {l}", "email": email(f, l)}, "channel": "web"}}),
    "requester email in a helpdesk ticket JSON")
f, l = name()
add(f"pls cc {email(f, l)} on the contract thread, she's taking over from me next week",
    "colleague email in a chat message")
add(f"/signup?ref=spring-promo&email={email().replace('@', '%40')}&plan=team&seats=5",
    "URL-encoded email in a signup query string")
f, l = name()
add(f"commit 9c1e{digits(4)}a7b\nAuthor: {f} {l} <{email(f, l)}>\nDate:   Tue Mar 4 10:12:09 2025 +0100\n\n    fix rounding in invoice totals",
    "author email in git log output")
f, l = name()
add(f"BEGIN:VCARD\nVERSION:3.0\nFN:{f} {l}\nEMAIL;TYPE=work:{email(f, l)}\nTEL;TYPE=cell:{phone('us')}\nEND:VCARD",
    "email and phone in a vCard")
f, l = name()
add(f"ATTENDEE;CN={f} {l};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:{email(f, l)}",
    "attendee email in an iCalendar line")

# phones
add(json.dumps({"type": "message.received", "channel": "sms", "from": phone("us").replace(" ", "").replace("-", ""),
                "text": "running 10 min late"}),
    "US number in E.164 in an SMS event")
add(f"ship_name={'+'.join(name())}&ship_phone={phone('ca').replace(' ', '+')}&ship_zip=V6B+1A1",
    "Canadian phone with dot separator in a checkout form")
add(f"Hola, soy {name()[0]}. Mi móvil es {phone('es')}, llámame cuando llegue el paquete.",
    "Spanish mobile in a Spanish message")
add(f"Per la consegna contattare il numero {phone('it')} dalle 9 alle 13.",
    "Italian mobile in an Italian delivery note")
add(f"배송 기사님, 도착하시면 {phone('kr')}로 연락 부탁드립니다.",
    "Korean mobile number in a Korean message")
f, l = name()
add(f"id,name,phone,city\n{rng.randint(1000, 9999)},{f} {l},{phone('mx')},Monterrey",
    "Mexican phone in a CRM CSV row")
add(f"2025-01-19 17:02:55 INFO callback scheduled caller_id=\"{phone('de_land')}\" queue=billing agent=42",
    "German landline number in a telephony log line")

# cards
add(f"ok here it is {card('visa')} 11/28 and the code on the back is {digits(3)}",
    "unformatted Visa in a chat message")
add(f"<PaymentRequest><Card><Number>{card('mastercard2')}</Number><Expiry>2029-04</Expiry></Card><Amount currency=\"EUR\">129.00</Amount></PaymentRequest>",
    "2-series Mastercard in an XML payment request")
add(f"2025-02-27T22:41:10Z ERROR gateway: tokenization failed card={group(card('amex'), [4, 6, 5], ' ')} merchant=M-{digits(6)}",
    "Amex in an error log line")
add(f"pay_method=card&card_no={group(card('discover'), [4, 4, 4, 4], '+')}&exp=0730&zip=60614",
    "Discover (65 prefix) with plus-encoded spaces in a form body")
add(f"カード番号は {group(card('jcb'), [4, 4, 4, 4], '-')} です。有効期限は 2027年8月。",
    "JCB in a Japanese message")
add(json.dumps({"wallet": {"label": "travel", "pan": group(card("diners"), [4, 6, 4], " "), "brand": "diners"}}),
    "Diners Club 14-digit in a JSON wallet object")
add(f"UnionPay 19-digit card: {card('unionpay')} (holder {' '.join(name())})",
    "19-digit UnionPay in a sentence")

# SSNs
f, l = name()
add(f"Section 1. Employee Information\nLast Name: {l}  First Name: {f}\nU.S. Social Security Number: {ssn()}",
    "SSN in an I-9 style form excerpt")
add(json.dumps({"payroll_run": "2025-03-15", "employee": {"name": " ".join(name()), "ssn": ssn(), "w4_allowances": 2}}),
    "SSN in a JSON payroll record")
f, l = name()
add(f"first,last,ssn,hire_date\n{f},{l},{ssn()},2023-06-01", "SSN in an HR CSV export")
add(f"hi, the tax office asked for my spouse's SSN, it's {ssn()}, can you add it to our joint return?",
    "SSN in a chat message")

# IBANs
add(f"Bitte den Restbetrag an {spaced(iban('AT'))} überweisen, Verwendungszweck Miete März.",
    "Austrian IBAN in a German sentence")
add(json.dumps({"beneficiary": {"name": " ".join(name()), "iban": iban("CH"), "bic": "UBSWCHZH80A"}, "amount": "1850.00", "currency": "CHF"}),
    "Swiss IBAN in a JSON transfer")
add(f"Please lodge the deposit to {spaced(iban('IE'))} and quote booking ref DUB-{digits(5)}.",
    "Irish IBAN in an email sentence")
add(f"Coordinate bancarie per il rimborso: IBAN {iban('IT')} intestato a {' '.join(name())}.",
    "Italian IBAN with valid CIN in an Italian sentence")
add(f"<Cdtr><Nm>{' '.join(name())}</Nm></Cdtr><CdtrAcct><Id><IBAN>{iban('BE')}</IBAN></Id></CdtrAcct>",
    "Belgian IBAN in a SEPA pain.001 XML fragment")

# cloud and vendor credentials
add(f"services:\n  worker:\n    image: acme/worker:1.4\n    environment:\n      AWS_ACCESS_KEY_ID: {aws_key_id()}\n      AWS_SECRET_ACCESS_KEY: {aws_secret()}",
    "AWS key pair in a docker-compose file")
add(f"provider \"aws\" {{\n  region     = \"us-east-2\"\n  access_key = \"{aws_key_id()}\"\n  secret_key = \"{aws_secret()}\"\n}}",
    "AWS key pair hardcoded in a Terraform provider block")
add(f"Run actions/checkout@v4\n  env:\n    GH_TOKEN: {github_token('ghp_')}\n  with:\n    fetch-depth: 0",
    "GitHub classic PAT with valid checksum in a CI log")
add(f"[global]\nextra-index-url = https://x-access-token:{github_fine_grained()}@pypi.internal.example/simple",
    "GitHub fine-grained PAT in a pip.conf URL")
add(f"curl -H 'Authorization: Bearer {slack_user_token()}' https://slack.com/api/conversations.history?channel=C0{rand(UPPER_ALNUM, 8)}",
    "Slack user token in a curl command")
add(f"curl https://api.stripe.com/v1/charges -u {stripe('sk_live_')}: -d amount=2000 -d currency=usd",
    "Stripe live secret key in a curl command")
add(f"STRIPE_RESTRICTED_KEY={stripe('rk_live_')}\nNODE_ENV=production",
    "Stripe restricted key in a dotenv file")
add(f"<script src=\"https://maps.googleapis.com/maps/api/js?key={google_api_key()}&callback=initMap\" async></script>",
    "Google API key in a Maps script tag")
add(f"Cookie: theme=dark; access_token={jwt(*name(), {'role': 'member'})}; _ga=GA1.1.{digits(9)}.{digits(10)}",
    "JWT with personal claims in a Cookie header")
add(json.dumps({"level": "debug", "msg": "outgoing request", "headers": {"authorization": "Bearer " + jwt(*name(), {"scope": "orders:write"})}}),
    "JWT bearer token in a structured debug log")
add("apiVersion: v1\nkind: Secret\nmetadata:\n  name: signer-key\nstringData:\n  key.pem: |\n    " +
    ec_pem().replace("\n", "\n    "),
    "PEM EC private key in a Kubernetes Secret manifest")

assert len(rows) == 40, len(rows)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for r in rows:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"wrote {len(rows)} lines to {out}")

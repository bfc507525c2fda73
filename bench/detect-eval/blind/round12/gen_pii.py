#!/usr/bin/env python3
"""Generate pii.jsonl for blind round 12: synthetic personal data and secrets.

Everything is derived from random.Random(12), so the output is deterministic.
Names are random combinations from short lists; no real person's data.
Formats with check digits are generated valid: Luhn for cards, mod-97 for
IBANs (plus the French RIB key and Spanish control digits), US SSN area/group/
serial ranges, the CRC32/base62 checksum of GitHub classic tokens, a real
HMAC-SHA256 signature on the JWTs and a structurally valid RSA private key.

Usage: python3 gen_pii.py   (writes pii.jsonl next to this file)
"""
import base64
import hashlib
import hmac
import json
import os
import string
import sys
import zlib

import random

rng = random.Random(12)

FIRST = ["Maelle", "Tobias", "Ines", "Kwame", "Annika", "Ravi", "Soledad", "Hamish",
         "Yuki", "Dorota", "Emeka", "Lucia", "Farid", "Greta", "Bao", "Ilse",
         "Mateus", "Noor", "Oskar", "Priyanka", "Sven", "Thandiwe", "Ulla", "Wren"]
LAST = ["Achterberg", "Bellweather", "Castellanos", "Drummond", "Eze", "Fairbairn",
        "Grunewald", "Hallqvist", "Iwasaki", "Jankowski", "Kowalczuk", "Lindgren",
        "Mbeki", "Nakagawa", "Oyelaran", "Pellegrini", "Quintero", "Rasmussen",
        "Szabo", "Thorsen", "Valverde", "Whitlock", "Zielinski", "Okafor"]
MAIL_DOMAINS = ["gmail.com", "proton.me", "yahoo.co.uk", "web.de", "icloud.com",
                "outlook.fr", "hey.com", "gmx.at", "zoho.com", "mail.ru"]
ALNUM = string.ascii_letters + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
B32 = string.ascii_uppercase + "234567"
BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def name():
    return rng.choice(FIRST), rng.choice(LAST)


def email(first=None, last=None):
    if first is None:
        first, last = name()
    style = rng.randrange(4)
    local = [f"{first}.{last}", f"{first[0]}{last}", f"{first}_{last}{rng.randint(1, 99)}",
             f"{last}.{first[0]}{rng.randint(70, 99)}"][style].lower()
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


def card(brand):
    if brand == "visa":
        prefix, length = "4" + digits(5), 16
    elif brand == "mastercard":
        prefix, length = str(rng.randint(51, 55)) + digits(4), 16
    elif brand == "mastercard2":
        prefix, length = str(rng.randint(2221, 2720)) + digits(2), 16
    elif brand == "amex":
        prefix, length = rng.choice(["34", "37"]) + digits(4), 15
    elif brand == "discover":
        prefix, length = "6011" + digits(2), 16
    elif brand == "jcb":
        prefix, length = str(rng.randint(3528, 3589)) + digits(2), 16
    elif brand == "diners":
        prefix, length = "36" + digits(4), 14
    elif brand == "unionpay":
        prefix, length = "62" + digits(4), 16
    else:
        raise ValueError(brand)
    num = luhn_complete(prefix + digits(length - len(prefix) - 1))
    assert luhn_ok(num) and len(num) == length
    return num


def group(num, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(num[i:i + s])
        i += s
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
    s = bban + cc + "00"
    n = int("".join(str(int(c, 36)) for c in s))
    return f"{98 - n % 97:02d}"


def iban_ok(iban):
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def es_control(ten):
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(c) * k for c, k in zip(ten, w)) % 11
    return {11: 0, 10: 1}.get(d, d)


def iban(cc):
    if cc == "DE":
        bban = digits(8) + digits(10)
    elif cc == "GB":
        bban = rand(string.ascii_uppercase, 4) + digits(6) + digits(8)
    elif cc == "NL":
        bban = rand(string.ascii_uppercase, 4) + digits(10)
    elif cc == "FR":
        bank, branch, acct = digits(5), digits(5), digits(11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        bban = bank + branch + acct + f"{key:02d}"
    elif cc == "ES":
        bank, branch, acct = digits(4), digits(4), digits(10)
        dc = f"{es_control('00' + bank + branch)}{es_control(acct)}"
        bban = bank + branch + dc + acct
    elif cc == "BE":
        acct = digits(10)
        chk = int(acct) % 97 or 97
        bban = acct + f"{chk:02d}"
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
        area = rng.choice(["206", "312", "404", "512", "617", "702", "813", "919"])
        return f"({area}) {rng.randint(201, 989)}-{digits(4)}"
    if kind == "uk":
        return f"+44 7{rng.randint(400, 999)} {digits(6)}"
    if kind == "de":
        return f"+49 {rng.choice(['151', '160', '172', '176'])} {digits(8)}"
    if kind == "fr":
        return "+33 " + rng.choice("67") + " " + " ".join(digits(2) for _ in range(4))
    if kind == "in":
        return f"+91 {rng.choice('6789')}{digits(4)} {digits(5)}"
    if kind == "jp":
        return f"0{rng.choice(['80', '90', '70'])}-{digits(4)}-{digits(4)}"
    if kind == "br":
        return f"+55 ({rng.choice(['11', '21', '31'])}) 9{digits(4)}-{digits(4)}"
    if kind == "au":
        return f"04{digits(2)} {digits(3)} {digits(3)}"
    raise ValueError(kind)


# ---------------------------------------------------------------- secrets
def aws_key_id():
    return "AKIA" + rand(B32, 16)


def aws_secret():
    return rand(string.ascii_letters + string.digits + "+/", 40)


def github_classic(prefix="ghp_"):
    body = rand(ALNUM, 30)
    crc = zlib.crc32(body.encode())
    enc = ""
    while crc:
        crc, r = divmod(crc, 62)
        enc = BASE62[r] + enc
    return prefix + body + enc.rjust(6, "0")


def github_fine_grained():
    return "github_pat_" + rand(UPPER_ALNUM, 22) + "_" + rand(ALNUM, 59)


def slack_bot():
    return f"xoxb-{digits(12)}-{digits(13)}-{rand(ALNUM, 24)}"


def slack_webhook():
    return (f"https://hooks.slack.com/services/T{rand(UPPER_ALNUM, 8)}/"
            f"B{rand(UPPER_ALNUM, 10)}/{rand(ALNUM, 24)}")


def stripe(prefix):
    return prefix + rand(ALNUM, 24)


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(first, last):
    header = {"alg": "HS256", "typ": "JWT"}
    iat = 1730000000 + rng.randint(0, 9000000)
    payload = {"sub": str(rng.randint(100000, 999999)), "name": f"{first} {last}",
               "email": email(first, last), "iat": iat, "exp": iat + 3600}
    secret = bytes(rng.getrandbits(8) for _ in range(32))
    signing = b64url(json.dumps(header, separators=(",", ":")).encode()) + "." + \
        b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(secret, signing.encode(), hashlib.sha256).digest()
    return signing + "." + b64url(sig)


# RSA private key (PKCS#1), primes from the seeded generator
def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(24):
        a = rng.randrange(2, n - 2)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def prime(bits):
    while True:
        c = rng.getrandbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if is_probable_prime(c):
            return c


def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der_int(v):
    b = v.to_bytes(v.bit_length() // 8 + 1, "big") if v else b"\x00"
    return b"\x02" + der_len(len(b)) + b


def rsa_pem(bits=1024):
    e = 65537
    while True:
        p, q = prime(bits // 2), prime(bits // 2)
        phi = (p - 1) * (q - 1)
        if p != q and phi % e:
            break
    n, d = p * q, pow(e, -1, phi)
    body = b"".join(der_int(x) for x in (0, n, e, d, p, q, d % (p - 1), d % (q - 1), pow(q, -1, p)))
    der = b"\x30" + der_len(len(body)) + body
    b64 = base64.b64encode(der).decode()
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    return "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END RSA PRIVATE KEY-----"


# ---------------------------------------------------------------- lines
rows = []


def add(text, note):
    rows.append({"text": text, "label": "pii", "note": note})


# emails
f, l = name()
add(f"Hi, I can't log in anymore. My account email is {email(f, l)} if you need to look it up. Thanks, {f}",
    "email in a support chat message")
f, l = name()
add(json.dumps({"event": "invite.sent", "workspace": "acme-design", "invitee": {"email": email(f, l), "role": "editor"}}),
    "email in a JSON invite event")
add(f"POST /newsletter HTTP/1.1 body: first_name={name()[0]}&email={email().replace('@', '%40')}&consent=yes",
    "URL-encoded email in a form body")
f, l = name()
add(f"From: \"{f} {l}\" <{email(f, l)}>\nTo: billing@vendor.example\nSubject: Re: overdue statement",
    "email in mail headers")
rows_csv = "\n".join(f"{a} {b},{email(a, b)},{rng.choice(['Berlin', 'Porto', 'Leeds', 'Osaka'])}"
                     for a, b in (name(), name()))
add("name,email,city\n" + rows_csv, "emails in a CSV export")
f, l = name()
add(f"2024-11-02T08:14:51Z WARN auth: 5 failed logins for user={email(f, l)} from 203.0.113.41",
    "email in an application log line")

# phones
add(f"Please call me back on {phone('us')}, I'm free after 3pm Eastern.", "US phone number in a message")
add(f"Delivery contact: {name()[0]}, mobile {phone('uk')} - leave with neighbour if out",
    "UK mobile in delivery note")
add(json.dumps({"type": "sms.inbound", "from": phone("de").replace(" ", ""), "body": "Termin morgen passt"}),
    "German mobile in E.164 in an SMS webhook")
f, l = name()
add(f"Contact: {f} {l} - tél. {phone('fr')} - disponible le matin", "French mobile with spaced pairs")
add(f"customer_name={name()[0]}&mobile={phone('in').replace(' ', '').replace('+', '%2B')}&otp_channel=sms",
    "Indian mobile URL-encoded in a form body")
add(f"お問い合わせ先：{phone('jp')}（平日9時〜18時）", "Japanese mobile number in a Japanese sentence")
add(f"Oi! Meu WhatsApp é {phone('br')}, me chama lá pra combinar a entrega.",
    "Brazilian mobile in a chat message")
f, l = name()
add(f"Emergency contact for {f} {l}: {phone('au')} (partner)", "Australian mobile in a form field")

# cards
add(f"card number is {group(card('visa'), [4, 4, 4, 4], ' ')} exp 09/27 cvv {digits(3)}",
    "Visa with spaces in a chat message")
add(json.dumps({"payment": {"pan": card("mastercard"), "exp_month": rng.randint(1, 12), "exp_year": 2028}, "amount": 4999}),
    "Mastercard PAN in a JSON payment body")
add(f"cc_number={group(card('amex'), [4, 6, 5], '-')}&cc_name={'+'.join(name())}&cc_cvc={digits(4)}",
    "Amex with dashes in a checkout form body")
add(f"Can you update my billing? New card: {group(card('discover'), [4, 4, 4, 4], '-')}",
    "Discover with dashes in a support request")
add(f"[payments] charge declined pan={card('jcb')} reason=insufficient_funds retry_pan={card('mastercard2')}",
    "JCB and 2-series Mastercard unformatted in a log line")
add(f"Diners Club {group(card('diners'), [4, 6, 4], ' ')}, valid thru 03/26",
    "Diners Club 14-digit with spaces")
add(f"请用这张银联卡付款：{group(card('unionpay'), [4, 4, 4, 4], ' ')}，有效期 11/29",
    "UnionPay card in a Chinese message")

# SSNs
f, l = name()
add(f"Applicant: {f} {l}\nDOB: 04/{rng.randint(10, 28)}/19{rng.randint(60, 99)}\nSSN: {ssn()}",
    "SSN in a loan application excerpt")
add(json.dumps({"employee_id": f"E{digits(5)}", "tax": {"ssn": ssn(), "filing_status": "single"}}),
    "SSN in a JSON HR record")
add(f"my social is {ssn().replace('-', ' ')} can u check why my refund is late",
    "SSN with spaces in a chat message")
add(f"w2_form=1&ssn={ssn().replace('-', '')}&employer_ein=",
    "SSN without separators in a form body")

# IBANs
f, l = name()
add(f"Bitte überweisen Sie den Betrag auf mein Konto: {spaced(iban('DE'))}, Kontoinhaber {f} {l}.",
    "German IBAN in a German sentence")
add(f"Payee bank details - IBAN {spaced(iban('GB'))}, ref INV-{digits(5)}",
    "UK IBAN in an invoice line")
add(json.dumps({"payout": {"iban": iban("FR"), "holder": " ".join(name()), "currency": "EUR"}}),
    "French IBAN with valid RIB key in a JSON payout")
add(f"Hoi, mijn rekeningnummer is {spaced(iban('NL'))}, kun je het terugstorten?",
    "Dutch IBAN in a Dutch chat message")
add(f"iban={iban('ES')}&titular={'+'.join(name())}&concepto=fianza",
    "Spanish IBAN with valid control digits in a form body")

# cloud and vendor credentials
add(f"[default]\naws_access_key_id = {aws_key_id()}\naws_secret_access_key = {aws_secret()}\nregion = eu-west-1",
    "AWS credentials file content")
add(f"export AWS_ACCESS_KEY_ID={aws_key_id()}  # temporary, rotate after the demo",
    "AWS access key id in a shell snippet")
add(f"git remote set-url origin https://{github_classic()}@github.com/acme-corp/infra.git",
    "GitHub classic token with valid checksum in a remote URL")
add(json.dumps({"name": "ci-bot", "env": {"GITHUB_TOKEN": github_fine_grained()}}),
    "GitHub fine-grained PAT in a JSON config")
add(f"SLACK_BOT_TOKEN={slack_bot()}\nSLACK_ALERTS_URL={slack_webhook()}",
    "Slack bot token and incoming webhook URL in a dotenv file")
add(f"stripe.api_key = \"{stripe('sk_live_')}\"", "Stripe live secret key in code")
add(json.dumps({"event": "config.updated", "changes": {"payments.restricted_key": stripe("rk_live_")}}),
    "Stripe restricted key in a JSON audit event")
f, l = name()
add(f"Authorization: Bearer {jwt(f, l)}", "HS256 JWT bearer token in a header")
f, l = name()
add(f"hey, the staging session token is {jwt(f, l)} - paste it into the debug panel",
    "JWT with personal claims in a chat message")
add("here's the deploy key for the build box, don't lose it again:\n" + rsa_pem(),
    "PEM RSA private key block in a chat message")

assert len(rows) == 40, len(rows)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for r in rows:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"wrote {len(rows)} lines to {out}")

#!/usr/bin/env python3
"""Generate pii.jsonl: synthetic personal data and secrets with valid check digits.

All values come from a seeded RNG; none belong to a real person or account.
"""
import json
import random
import string
import base64
import os
import sys

rng = random.Random(1111)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii.jsonl")


def digits(n):
    return "".join(rng.choice(string.digits) for _ in range(n))


# The corpus generator's Luhn check digit (bench/detect-eval/gen/pii.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gen"))
from pii import luhn_digit as luhn_check_digit  # noqa: E402


def card(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    return body + luhn_check_digit(body)


def group(s, sizes, sep=" "):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    return sep.join(out)


def iban(country, bban):
    rearranged = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


def iban_spaced(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def alnum_upper(n):
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(n))


def alnum(n):
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def ssn():
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return f"{a:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def dni():
    n = rng.randint(10000000, 99999999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def nie():
    p = rng.choice("XYZ")
    n = rng.randint(1000000, 9999999)
    v = int(str("XYZ".index(p)) + f"{n:07d}")
    return f"{p}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[v % 23]}"


def bsn():
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        s = sum(x * w for x, w in zip(d, [9, 8, 7, 6, 5, 4, 3, 2]))
        last = s % 11
        if last < 10 and d[0] != 0:
            return "".join(map(str, d)) + str(last)


def cpf():
    d = [rng.randint(0, 9) for _ in range(9)]
    s = sum(x * w for x, w in zip(d, range(10, 1, -1)))
    c1 = (s * 10) % 11 % 10
    d.append(c1)
    s = sum(x * w for x, w in zip(d, range(11, 1, -1)))
    c2 = (s * 10) % 11 % 10
    d.append(c2)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def pesel():
    y = rng.randint(60, 99)
    m = rng.randint(1, 12)
    dd = rng.randint(1, 28)
    base = f"{y:02d}{m:02d}{dd:02d}{digits(4)}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    s = sum(int(c) * k for c, k in zip(base, w))
    return base + str((10 - s % 10) % 10)


def hetu():
    dd, mm, yy = rng.randint(1, 28), rng.randint(1, 12), rng.randint(50, 99)
    ind = rng.randint(2, 899)
    n = int(f"{dd:02d}{mm:02d}{yy:02d}{ind:03d}")
    return f"{dd:02d}{mm:02d}{yy:02d}-{ind:03d}{'0123456789ABCDEFHJKLMNPRSTUVWXY'[n % 31]}"


def personnummer():
    base = f"{rng.randint(60, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{digits(3)}"
    return f"{base[:6]}-{base[6:]}{luhn_check_digit(base)}"


def fodselsnummer():
    while True:
        base = [int(c) for c in f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}{digits(3)}"]
        w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
        k1 = 11 - sum(a * b for a, b in zip(base, w1)) % 11
        if k1 == 11:
            k1 = 0
        if k1 == 10:
            continue
        base.append(k1)
        w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        k2 = 11 - sum(a * b for a, b in zip(base, w2)) % 11
        if k2 == 11:
            k2 = 0
        if k2 == 10:
            continue
        base.append(k2)
        return "".join(map(str, base))


VERHOEFF_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VERHOEFF_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def aadhaar():
    base = str(rng.randint(2, 9)) + digits(10)
    c = 0
    for i, ch in enumerate(reversed(base)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(ch)]]
    s = base + str(VERHOEFF_INV[c])
    return f"{s[:4]} {s[4:8]} {s[8:]}"


def cn_resident_id():
    area = rng.choice(["110105", "310104", "440305", "510107"])
    birth = f"{rng.randint(1965, 1999)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    base = area + birth + digits(3)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(base, w))
    return base + "10X98765432"[s % 11]


def sin_ca():
    base = str(rng.randint(1, 7)) + digits(7)
    s = base + luhn_check_digit(base)
    return f"{s[:3]} {s[3:6]} {s[6:]}"


def nino():
    letters = "ABCEGHJKLMNPRSTWXYZ"
    return f"{rng.choice(letters)}{rng.choice(letters)} {digits(2)} {digits(2)} {digits(2)} {rng.choice('ABCD')}"


def tfn_au():
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        if d[0] and sum(a * b for a, b in zip(d, w)) % 11 == 0:
            s = "".join(map(str, d))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def name():
    first = rng.choice(["Maren", "Tobias", "Ilse", "Rafael", "Keiko", "Dmitri", "Amara", "Joaquin", "Sunniva", "Priyanka", "Orla", "Bastien"])
    last = rng.choice(["Vestergaard", "Okonkwo", "Lindqvist", "Marchetti", "Haddad", "Oyelaran", "Brennan", "Kowalczyk", "Tanaka", "Fairweather"])
    return first, last


def email(first, last, domain):
    return f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@{domain}"


rows = []


def add(text, note):
    rows.append({"text": text, "label": "pii", "note": note})


# emails
f, l = name()
add(f"Reply-To: {f} {l} <{email(f, l, 'posteo.de')}>", "email in a mail header")
f, l = name()
add(json.dumps({"event": "signup", "user": {"display": f, "contact": email(f, l, 'fastmail.com')}}), "email inside a JSON signup webhook")
f, l = name()
add(f"/api/v2/newsletter/subscribe?addr={email(f, l, 'outlook.com').replace('@', '%40')}&lang=en", "URL-encoded email in a query string")
f, l = name()
add(f"hey can you add {f.lower()}_{l.lower()}@proton.me to the shared drive? she starts monday", "email in a chat message")

# phones
add(f"Rückruf bitte unter +49 (0)151 {digits(4)} {digits(4)} – Frau Lindqvist, Schaden Nr. 44-2031", "German mobile number in a callback note")
add(f"contact_phone=%2B44+7{digits(3)}+{digits(6)}&preferred=evening", "UK mobile in a URL-encoded form body")
add(f"Tel.: +33 6 {digits(2)} {digits(2)} {digits(2)} {digits(2)} (portable, après 18h)", "French mobile in paired-digit layout")
add(f"Ligar para (11) 9{digits(4)}-{digits(4)} falar com o Joaquin sobre a entrega", "Brazilian mobile with area code")
add(f"携帯: 090-{digits(4)}-{digits(4)}（田中）", "Japanese mobile number")
add(f"call me back at ({rng.randint(201, 989)}) {rng.randint(200, 989)}-{digits(4)} after 5pm, ext 12", "US phone number in NANP layout")

# cards
c = card("4", 16)
add(f"checkout[billing][cc]={c}&checkout[billing][cc_month]=08&checkout[billing][cc_year]=2029&checkout[billing][cvv]={digits(3)}", "Visa number in a nested checkout form body")
c = card("51", 16)
add(f"Card: {group(c, [4, 4, 4, 4], '-')}  Exp 11/28  Name: ORLA BRENNAN", "Mastercard with hyphen grouping")
c = card("37", 15)
add(f"amex on file is {group(c, [4, 6, 5])}, use that for the deposit", "Amex in 4-6-5 grouping in chat")
c = card("6011", 16)
add(json.dumps({"payment": {"pan": group(c, [4, 4, 4, 4]), "holder": "B. Haddad"}}), "Discover number in JSON with spaces")
c = card("2221", 16)
add(f"2026-11-20T09:12:44Z WARN charge failed pan={c} reason=do_not_honor", "Mastercard 2-series leaked in a log line")
c = card("35", 16)
add(f"JCB　{group(c, [4, 4, 4, 4])}　有効期限 03/27", "JCB card with ideographic spaces")

# US SSN and other national ids
add(f"W-9 received for contractor Tobias Fairweather, taxpayer id (SSN) {ssn()}, backup withholding: no", "US social security number in an HR note")
add(f"DNI del titular: {dni()}", "Spanish DNI with valid control letter")
add(f"NIE {nie()} – permiso de residencia", "Spanish NIE with valid control letter")
add(f"BSN: {bsn()} (burgerservicenummer, elfproef geldig)", "Dutch BSN passing the 11-test")
add(f"CPF {cpf()} – cadastro do cliente", "Brazilian CPF with valid check digits")
add(f"Dane pacjenta – nr PESEL {pesel()}, skierowanie do poradni kardiologicznej", "Polish PESEL with valid checksum in a referral")
add(f"Hej! Mitt personnummer är {personnummer()} om ni behöver det för hyreskontraktet.", "Swedish personnummer with Luhn check digit in a chat message")
add(f"fødselsnummer {fodselsnummer()} – til lønnsslipp", "Norwegian national id with mod-11 check digits")
add(f"KYC form submitted – Aadhaar no. {aadhaar()}, PAN pending, branch Pune-Camp", "Indian Aadhaar with Verhoeff check digit in a KYC note")
add(f"请核对入住人信息：王先生，居民身份证 {cn_resident_id()}，入住两晚", "Chinese resident id with ISO 7064 check in a hotel note")

# IBANs
add(f"Bitte überweisen Sie auf IBAN {iban_spaced(iban('DE', digits(18)))} (Kontoinhaber M. Vestergaard)", "German IBAN with valid mod-97")
add(json.dumps({"payout": {"iban": iban('FR', digits(10) + alnum_upper(11) + digits(2)), "bic": "AGRIFRPP"}}), "French IBAN in JSON, unspaced")
add(f"IBAN: {iban_spaced(iban('NL', 'RABO' + digits(10)))}", "Dutch IBAN with bank code")
add(f"beneficiary_iban=GB{iban('GB', 'NWBK' + digits(14))[2:]}&amount=1250.00", "UK IBAN in a transfer form")

# secrets
add(f"aws_access_key_id = AKIA{alnum_upper(16)}\naws_secret_access_key = {alnum(30)}/{alnum(9)}", "AWS credentials file block")
add(f"export GITHUB_TOKEN=ghp_{alnum(36)}", "GitHub personal access token in shell export")
add(f"SLACK_BOT_TOKEN: xoxb-{digits(12)}-{digits(13)}-{alnum(24)}", "Slack bot token in YAML")
add(f"stripe.api_key = \"sk_live_{alnum(24)}\"", "Stripe live secret key in code")
add(f"<string name=\"maps_key\">AIza{alnum(35)}</string>", "Google API key in Android resources")
add(f"Authorization: Bearer sk-proj-{alnum(48)}", "OpenAI project key in an HTTP header")
add(f"ANTHROPIC_API_KEY=sk-ant-api03-{alnum(86)}AA", "Anthropic API key in a .env file")
k = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(180))).decode()
add(f"-----BEGIN RSA PRIVATE KEY-----\n{k[:64]}\n{k[64:128]}\n{k[128:]}\n-----END RSA PRIVATE KEY-----", "RSA private key block")
pw = alnum(10) + "!" + digits(2)
add(f"DATABASE_URL=postgres://app_rw:{pw}@db-prod-2.internal:5432/orders", "password in a Postgres connection URL")
pw = alnum(12) + "#"
add(f"Server=sql01.corp.local;Database=Payroll;User Id=svc_payroll;Password={pw};Encrypt=True;", "password in an MSSQL connection string")
pw = alnum(14)

with open(OUT, "w", encoding="utf-8") as fh:
    for r in rows:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "rows")


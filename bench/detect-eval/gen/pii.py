"""PII lines (label pii) and PII look-alikes (label benign)."""

import random
import string


def luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card(rnd: random.Random, valid: bool = True) -> str:
    prefix, length = rnd.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15),
                                 ("6011", 16), ("35", 16)])
    body = prefix + "".join(rnd.choice(string.digits) for _ in range(length - len(prefix) - 1))
    check = luhn_digit(body)
    if not valid:
        check = str((int(check) + rnd.randint(1, 9)) % 10)
    num = body + check
    style = rnd.choice(["plain", "spaces", "dashes"])
    if style == "plain":
        return num
    sep = " " if style == "spaces" else "-"
    if length == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def ssn(rnd: random.Random) -> str:
    while True:
        area = rnd.randint(1, 899)
        if area != 666:
            break
    return "{:03d}-{:02d}-{:04d}".format(area, rnd.randint(1, 99), rnd.randint(1, 9999))


IBAN_LEN = {"DE": 22, "GB": 22, "FR": 27, "NL": 18, "ES": 24, "IT": 27, "BE": 16, "CH": 21}


def iban(rnd: random.Random, spaced: bool) -> str:
    cc = rnd.choice(sorted(IBAN_LEN))
    n = IBAN_LEN[cc] - 4
    if cc in ("GB", "NL"):
        bban = "".join(rnd.choice(string.ascii_uppercase) for _ in range(4)) + \
            "".join(rnd.choice(string.digits) for _ in range(n - 4))
    else:
        bban = "".join(rnd.choice(string.digits) for _ in range(n))
    rearranged = bban + cc + "00"
    num = int("".join(str(int(c, 36)) for c in rearranged))
    check = 98 - num % 97
    value = "{}{:02d}{}".format(cc, check, bban)
    if spaced:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def aws_key(rnd):
    return "AKIA" + "".join(rnd.choice(string.ascii_uppercase + "234567") for _ in range(16))


def aws_secret(rnd):
    return "".join(rnd.choice(string.ascii_letters + string.digits + "/+") for _ in range(40))


def gh_token(rnd):
    return rnd.choice(["ghp_", "gho_", "ghs_"]) + "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(36))


def slack_token(rnd):
    return "xoxb-{}-{}-{}".format(rnd.randint(10**10, 10**11), rnd.randint(10**11, 10**12),
                                  "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(24)))


def stripe_key(rnd):
    return "sk_live_" + "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(24))


def google_key(rnd):
    return "AIza" + "".join(rnd.choice(string.ascii_letters + string.digits + "-_") for _ in range(35))


def private_key(rnd):
    kind = rnd.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY"])
    body = "".join(rnd.choice(string.ascii_letters + string.digits + "+/") for _ in range(64))
    return "-----BEGIN {k}-----\n{b}\n{b2}\n-----END {k}-----".format(k=kind, b="MIIEow" + body[6:], b2=body[::-1])


EMAIL_TEMPLATES = [
    "Contact me at {e}",
    "my email is {e} thanks",
    "Please send the invoice to {e}.",
    "From: {n} <{e}>",
    "{{\"name\": \"{n}\", \"email\": \"{e}\"}}",
    "cc {e} on the thread",
    "Reach {n} via {e} or the front desk.",
    "email={e}&newsletter=1",
]
PHONE_TEMPLATES = [
    "Call me on {p}",
    "Phone: {p}",
    "You can reach {n} at {p} after 6pm.",
    "{{\"customer\": \"{n}\", \"phone\": \"{p}\"}}",
    "Mobile {p} (WhatsApp too)",
    "tel={p}",
]
CARD_TEMPLATES = [
    "My card number is {c}, expiry 09/27",
    "card: {c} cvv 123",
    "{{\"payment\": {{\"pan\": \"{c}\", \"exp\": \"11/28\"}}}}",
    "Please charge {c} for the order",
    "cc_number={c}&exp=0426",
    "Use the Visa ending... actually here is the whole thing: {c}",
]
SSN_TEMPLATES = [
    "SSN: {s}",
    "My social security number is {s}.",
    "{{\"applicant\": \"{n}\", \"ssn\": \"{s}\"}}",
    "ssn={s}&dob=1984-02-11",
    "Employee {n}, SSN {s}, start date Monday",
]
IBAN_TEMPLATES = [
    "Please wire the refund to IBAN {i}",
    "IBAN: {i} (BIC DEUTDEFF)",
    "{{\"beneficiary\": \"{n}\", \"iban\": \"{i}\"}}",
    "Bankverbindung: {i}",
    "Virement sur le compte {i} svp",
]
SECRET_TEMPLATES = [
    ("aws", "aws_access_key_id = {k}"),
    ("aws", "export AWS_ACCESS_KEY_ID={k}"),
    ("aws_pair", "AWS_ACCESS_KEY_ID={k}\nAWS_SECRET_ACCESS_KEY={s}"),
    ("github", "token: {g}"),
    ("github", "git clone https://{g}@github.com/acme/app.git"),
    ("slack", "SLACK_BOT_TOKEN={sl}"),
    ("stripe", "stripe.api_key = \"{st}\""),
    ("google", "const MAPS_KEY = '{go}';"),
    ("private", "{pk}"),
    ("private", "here is the deploy key:\n{pk}"),
]


def pii_lines(fake, rnd: random.Random, count: int) -> list[dict]:
    rows = []
    kinds = ["email", "phone", "card", "ssn", "iban", "secret"]
    i = 0
    while len(rows) < count:
        kind = kinds[i % len(kinds)]
        i += 1
        n = fake.name()
        if kind == "email":
            e = fake.email() if rnd.random() < 0.7 else rnd.choice([
                "o'brien.sean@example.ie", "j.doe+billing@mail.example.com", "ANNA.MUELLER@EXAMPLE.DE",
                "first_last-99@sub.example.co.uk"])
            text = rnd.choice(EMAIL_TEMPLATES).format(e=e, n=n)
        elif kind == "phone":
            p = rnd.choice([
                "+1 (415) {:03d}-{:04d}".format(rnd.randint(200, 999), rnd.randint(0, 9999)),
                "+44 20 7946 {:04d}".format(rnd.randint(0, 9999)),
                "+49 30 {:08d}".format(rnd.randint(0, 99999999)),
                "(212) {:03d}-{:04d}".format(rnd.randint(200, 999), rnd.randint(0, 9999)),
                "+33 6 {:02d} {:02d} {:02d} {:02d}".format(*(rnd.randint(0, 99) for _ in range(4))),
                "415.{:03d}.{:04d}".format(rnd.randint(200, 999), rnd.randint(0, 9999)),
                "+91 98{:08d}".format(rnd.randint(0, 99999999)),
            ])
            text = rnd.choice(PHONE_TEMPLATES).format(p=p, n=n)
        elif kind == "card":
            text = rnd.choice(CARD_TEMPLATES).format(c=card(rnd))
        elif kind == "ssn":
            text = rnd.choice(SSN_TEMPLATES).format(s=ssn(rnd), n=n)
        elif kind == "iban":
            text = rnd.choice(IBAN_TEMPLATES).format(i=iban(rnd, rnd.random() < 0.5), n=n)
        else:
            _, tpl = rnd.choice(SECRET_TEMPLATES)
            text = tpl.format(k=aws_key(rnd), s=aws_secret(rnd), g=gh_token(rnd), sl=slack_token(rnd),
                              st=stripe_key(rnd), go=google_key(rnd), pk=private_key(rnd))
        rows.append({"text": text, "label": "pii", "note": kind})
    return rows


LOOKALIKE_TEMPLATES = [
    ("invalid_luhn", "Order reference {c} (not a card)"),
    ("invalid_luhn", "tracking: {c}"),
    ("order_id", "Your order #{o} has shipped."),
    ("order_id", "Invoice INV-{y}-{o} is due on {d}."),
    ("date", "Meeting moved to {d} at 14:30."),
    ("version", "Upgraded from {v} to {v2}; see the changelog."),
    ("uuid", "request_id={u} status=200"),
    ("sha", "Fixed in commit {h}."),
    ("isbn", "ISBN 978-{a}-{b}-{cc}-{x}"),
    ("amount", "Total: {m} EUR including VAT"),
    ("ip", "Connection from 10.{p1}.{p2}.{p3} refused"),
    ("timestamp", "{ts} worker-3 finished batch {o} in 812 ms"),
    ("phone_like_ext", "See section {v} and table {o}."),
    ("zip", "Postcode 9{o5}, box {o}"),
    ("account", "Customer account no. {o}-{o5} (internal)"),
    ("hexkey", "color: #{hex6}; border: 1px solid #{hex6b};"),
    ("aws_doc", "AWS access keys start with AKIA followed by 16 characters; never commit them."),
    ("email_doc", "Enter your email address in the form name@domain."),
    ("ssn_doc", "The SSN format is three digits, two digits, four digits."),
]


def lookalike_lines(fake, rnd: random.Random, count: int) -> list[dict]:
    rows = []
    seen = set()
    while len(rows) < count:
        kind, tpl = rnd.choice(LOOKALIKE_TEMPLATES)
        text = tpl.format(
            c=card(rnd, valid=False), o=rnd.randint(10000, 99999999), y=rnd.randint(2015, 2026),
            d="{}-{:02d}-{:02d}".format(rnd.randint(1990, 2030), rnd.randint(1, 12), rnd.randint(1, 28)), v="{}.{}.{}".format(rnd.randint(0, 20), rnd.randint(0, 40), rnd.randint(0, 99)),
            v2="{}.{}.{}".format(rnd.randint(0, 20), rnd.randint(0, 40), rnd.randint(0, 99)),
            u=fake.uuid4(), h=fake.sha1()[:rnd.choice([7, 12, 40])], a=rnd.randint(0, 9),
            b=rnd.randint(10, 99999), cc=rnd.randint(10, 999), x=rnd.randint(0, 9),
            m="{:,}.{:02d}".format(rnd.randint(1, 9999999), rnd.randint(0, 99)),
            p1=rnd.randint(0, 255), p2=rnd.randint(0, 255), p3=rnd.randint(1, 254),
            ts="{}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(rnd.randint(2015, 2026), rnd.randint(1, 12), rnd.randint(1, 28), rnd.randint(0, 23), rnd.randint(0, 59), rnd.randint(0, 59)), o5=rnd.randint(1000, 9999), hex6=fake.hex_color()[1:], hex6b=fake.hex_color()[1:])
        if text in seen:
            continue
        seen.add(text)
        rows.append({"text": text, "label": "benign", "note": "pii lookalike: " + kind})
    return rows

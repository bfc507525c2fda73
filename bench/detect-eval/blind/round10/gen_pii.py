#!/usr/bin/env python3
"""Generates pii.jsonl: every value is random; cards, IBANs and national ids get
correct check digits computed here. No value belongs to a real person or account."""
import json, os, random, string, sys

rng = random.Random(100)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii.jsonl")

def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))

# The corpus generator's Luhn check digit (bench/detect-eval/gen/pii.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gen"))
from pii import luhn_digit as luhn_check  # noqa: E402

def card(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    return body + luhn_check(body)

def iban(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in s)
    return cc + "%02d" % (98 - int(num) % 97) + bban

def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

def dni():
    n = rng.randint(10000000, 99999999)
    return "%08d%s" % (n, "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23])

ODD = {**{str(i): v for i, v in enumerate([1, 0, 5, 7, 9, 13, 15, 17, 19, 21])},
       **dict(zip(string.ascii_uppercase, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))}

def codice_fiscale(stem):
    t = 0
    for i, ch in enumerate(stem):
        if i % 2 == 0:
            t += ODD[ch]
        else:
            t += int(ch) if ch.isdigit() else ord(ch) - 65
    return stem + chr(65 + t % 26)

def nir():
    base = "2" + "87" + "11" + "75" + "116" + digits(3)
    return base + "%02d" % (97 - int(base) % 97)

def bsn():
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.randint(1, 9)
        s = sum(x * w for x, w in zip(d, range(9, 1, -1)))
        c = s % 11
        if c < 10:
            return "".join(map(str, d)) + str(c)

def personnummer():
    b = "930415" + digits(3)
    t = 0
    for i, c in enumerate(b):
        n = int(c) * (2 if i % 2 == 0 else 1)
        t += n - 9 if n > 9 else n
    return b[:6] + "-" + b[6:] + str((10 - t % 10) % 10)

def pesel():
    b = "8807120" + digits(3)
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    s = sum(int(c) * x for c, x in zip(b, w))
    return b + str((10 - s % 10) % 10)

def cpf():
    d = [rng.randint(0, 9) for _ in range(9)]
    for n in (10, 11):
        s = sum(x * w for x, w in zip(d, range(n, 1, -1)))
        r = (s * 10) % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]

def aadhaar():
    b = str(rng.randint(2, 9)) + digits(10)
    c = 0
    for i, ch in enumerate(reversed(b)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    s = b + str(VINV[c])
    return f"{s[:4]} {s[4:8]} {s[8:]}"

def china_id():
    b = "440305" + "19910822" + digits(3)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return b + "10X98765432"[sum(int(c) * x for c, x in zip(b, w)) % 11]

def nric():
    d = digits(7)
    s = sum(int(c) * x for c, x in zip(d, [2, 7, 6, 5, 4, 3, 2]))
    return "S" + d + "JZIHGFEDCBA"[s % 11]

def nhs():
    while True:
        d = digits(9)
        s = sum(int(c) * w for c, w in zip(d, range(10, 1, -1)))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c != 10:
            s = d + str(c)
            return f"{s[:3]} {s[3:6]} {s[6:]}"

def sa_id():
    b = "8503125" + digits(3) + "08"
    return b + luhn_check(b)

def hetu():
    b = "170679"
    n = "%03d" % rng.randint(2, 899)
    return b + "-" + n + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(b + n) % 31]

def rut():
    n = rng.randint(10000000, 24999999)
    s, m = 0, 2
    for ch in reversed(str(n)):
        s += int(ch) * m
        m = 2 if m == 7 else m + 1
    c = 11 - s % 11
    c = "0" if c == 11 else "K" if c == 10 else str(c)
    t = f"{n:,}".replace(",", ".")
    return f"{t}-{c}"

def tfn():
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = digits(9)
        if sum(int(c) * x for c, x in zip(d, w)) % 11 == 0 and d[0] != "0":
            return f"{d[:3]} {d[3:6]} {d[6:]}"

def rnd(alpha, n):
    return "".join(rng.choice(alpha) for _ in range(n))

AN = string.ascii_letters + string.digits
UP = string.ascii_uppercase + string.digits

visa = card("4", 16); mc = card("2231", 16); amex = card("37", 15)
disc = card("6011", 16); jcb = card("3569", 16); diners = card("36", 14)
rows = [
    (f"checkout: {{\"pan\":\"{visa}\",\"exp\":\"09/29\",\"cvc\":\"417\",\"holder\":\"M. Lindqvist\"}}", "card: Visa in checkout JSON"),
    (f"Hi, I was charged twice — the card is {group4(mc)} expiry 11/28, can you refund one?", "card: Mastercard 2-series in support chat"),
    (f"order_id,card_number,amount\n55102,{amex[:4]}-{amex[4:10]}-{amex[10:]},129.90", "card: Amex in CSV export"),
    (f"2026-05-02T10:14:07Z WARN payment-svc retry authorise pan={disc} merchant=MX-0042", "card: Discover leaked into a log line"),
    (f"カード番号 {jcb} 有効期限 03/30 でお願いします", "card: JCB in Japanese chat"),
    (f"<Payment><CardNo>{diners}</CardNo><Exp>0727</Exp></Payment>", "card: Diners 14-digit in XML"),
    (f"Virement svp sur mon compte {group4(iban('FR', digits(10) + rnd(UP, 11) + digits(2)))}, merci !", "iban: France in French chat"),
    (f"beneficiary_iban={iban('ES', digits(20))}&amount=450.00&concept=alquiler", "iban: Spain in form"),
    (f"{{\"payout\":{{\"iban\":\"{group4(iban('BE', digits(12)))}\",\"bic\":\"GEBABEBB\"}}}}", "iban: Belgium in payout JSON"),
    (f"Numer konta do zwrotu: {group4(iban('PL', digits(24)))}", "iban: Poland in Polish message"),
    (f"IBAN: {group4(iban('IE', 'AIBK' + digits(14)))}  Ref: rent March", "iban: Ireland on invoice line"),
    ("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI" + rnd(AN + "+/", 60) + "\noAoGCCqGSM49AwEHoUQDQgAE" + rnd(AN + "+/", 40) + "\n-----END EC PRIVATE KEY-----", "secret: EC private key block pasted into a ticket"),
    (f"DNI del titular: {dni()} — adjunto la fotocopia", "national id: Spain DNI with check letter"),
    (f"{{\"codice_fiscale\":\"{codice_fiscale('RSSGNN85M41H501')}\",\"comune\":\"Roma\"}}", "national id: Italy codice fiscale with check char"),
    (f"{{\"assure\":{{\"nom\":\"Garnier\",\"nir\":\"{nir()}\",\"caisse\":\"CPAM Paris\"}}}}", "national id: France NIR with key in JSON"),
    (f"BSN {bsn()} staat op mijn zorgpas, klopt dat?", "national id: Netherlands BSN (11-proof)"),
    (f"personnummer={personnummer()}&namn=Elin", "national id: Sweden personnummer (Luhn)"),
    (f"PESEL: {pesel()}, adres do korespondencji bez zmian", "national id: Poland PESEL"),
    (f"Meu CPF é {cpf()}, podem atualizar o cadastro?", "national id: Brazil CPF"),
    (f"Aadhaar no. {aadhaar()} linked to this account", "national id: India Aadhaar (Verhoeff)"),
    (f"快递实名认证需要身份证号，我的是 {china_id()}，收件人写我就行", "national id: China resident id (ISO 7064) in chat"),
    (f"NRIC {nric()} — please update my CPF contribution record", "national id: Singapore NRIC"),
    (f"Patient NHS number {nhs()}, DOB on file", "national id: UK NHS number (mod 11)"),
    (f"ID number: {sa_id()} (South Africa) for the FICA check", "national id: South Africa ID (Luhn)"),
    (f"Hei, tässä hakemukseen pyydetty henkilötunnus {hetu()}, palkka maksetaan samalle tilille", "national id: Finland HETU in Finnish message"),
    (f"RUT {rut()} para la boleta", "national id: Chile RUT"),
    (f"TFN {tfn()} — for the payroll form", "national id: Australia TFN"),
    (f"applicant_ssn=5{digits(2)}-{rng.randint(10,99)}-{rng.randint(1000,9999)}&dob=1979-04-02", "ssn: US in form"),
    (f"my social is 6{digits(2)} {rng.randint(10,99)} {rng.randint(1000,9999)} if you need it for the loan", "ssn: US spaced in chat"),
    (f"livraison: sonnez chez Mme Perrin, sinon portable 06.{digits(2)}.{digits(2)}.{digits(2)}.{digits(2)} (laisser au gardien)", "phone: France mobile dotted in delivery note"),
    (f"{{\"contact\":{{\"mobile\":\"+91 98{digits(3)} {digits(5)}\"}}}}", "phone: India mobile in JSON"),
    (f"me chama no zap que é mais rápido: +55 (11) 9{digits(4)}-{digits(4)}, falar com a Renata", "phone: Brazil São Paulo mobile in chat"),
    (f"配達の際は不在の場合、携帯（080-{digits(4)}-{digits(4)}）に電話してから置き配をお願いします", "phone: Japan mobile in delivery instructions"),
    ("reply-to me at tomasz.wierzbicki88@gmail.com not the work one", "email: personal address in chat"),
    ("{\"user\":{\"email\":\"hana_kurosawa.1990@yahoo.co.jp\",\"plan\":\"free\"}}", "email: personal address in JSON"),
    ("From: \"Aoife\" <aoife.mcgrath.home@outlook.ie>", "email: mail header"),
    (f"aws_access_key_id = AKIA{rnd(string.ascii_uppercase + '234567', 16)}\naws_secret_access_key = {rnd(AN + '/+', 40)}", "secret: AWS key pair in credentials file"),
    (f"git remote set-url origin https://ghp_{rnd(AN, 36)}@github.com/acme/infra.git", "secret: GitHub classic PAT in remote URL"),
    (f"SLACK_BOT_TOKEN=xoxb-{digits(12)}-{digits(13)}-{rnd(AN, 24)} STRIPE_KEY=sk_live_{rnd(AN, 24)}", "secret: Slack bot token and Stripe live key in env"),
    (f"const maps = new Loader({{ apiKey: \"AIza{rnd(AN + '-_', 35)}\" }}); // DATABASE_URL=mysql://app:{rnd(AN, 14)}@db.internal:3306/shop", "secret: Google API key and password in MySQL URL"),
]
assert len(rows) == 40, len(rows)
with open(OUT, "w", encoding="utf-8") as f:
    for t, n in rows:
        f.write(json.dumps({"text": t, "label": "pii", "note": n}, ensure_ascii=False) + "\n")
print("pii.jsonl", len(rows))

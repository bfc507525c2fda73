#!/usr/bin/env python3
"""Builds pii.jsonl for blind round 14 from a fixed seed.

Every identifier is synthetic but shape-valid: payment cards pass Luhn, IBANs pass
ISO 13616 mod-97 (and national check digits where noted), national ids carry valid
check digits, US SSNs fall in issuable ranges, GitHub tokens carry their CRC32
checksum. Names are invented; e-mail domains are example/test domains; US and UK
phone numbers use the ranges reserved for fiction.

Usage: python3 gen_pii.py   (writes pii.jsonl next to this file)"""
import json, os, random, string, sys, zlib, base64

rng = random.Random(1414)
HERE = os.path.dirname(os.path.abspath(__file__))

def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))

# ---- payment cards -------------------------------------------------------
# The corpus generator's check digit (bench/detect-eval/gen/pii.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gen"))
from pii import luhn_digit  # noqa: E402


def luhn_ok(s):
    return s[-1:] == luhn_digit(s[:-1])

def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    return body + luhn_digit(body)

def card(kind):
    pre = {"visa": rng.choice(["4", "45", "49"]), "mc": str(rng.randint(51, 55)),
           "mc2": str(rng.randint(2221, 2720)), "amex": rng.choice(["34", "37"]),
           "disc": "6011", "jcb": str(rng.randint(3528, 3589)), "up": "62",
           "mir": str(rng.randint(2200, 2204))}[kind]
    length = {"amex": 15, "up": 19}.get(kind, 16)
    c = luhn_complete(pre, length)
    assert luhn_ok(c) and len(c) == length
    return c

def grp(s, sizes):
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k]); i += k
    return out

# ---- IBAN ----------------------------------------------------------------
def iban_check(cc, bban):
    s = bban + cc + "00"
    n = int("".join(str(int(ch, 36)) for ch in s))
    return "%02d" % (98 - n % 97)

def iban_ok(iban):
    s = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1

def iban(cc):
    if cc == "DE":
        bban = digits(8) + digits(10)
    elif cc == "GB":
        bban = rng.choice(["NWBK", "BARC", "LOYD", "MIDL"]) + digits(6) + digits(8)
    elif cc == "ES":  # with Spanish national control digits
        bank, branch, acct = digits(4), digits(4), digits(10)
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
        def dc(s):
            v = 11 - sum(int(a) * b for a, b in zip(s.rjust(10, "0"), w)) % 11
            return {10: 1, 11: 0}.get(v, v)
        bban = bank + branch + str(dc("00" + bank + branch)) + str(dc(acct)) + acct
    elif cc == "FR":  # with RIB key
        bank, branch, acct = digits(5), digits(5), digits(11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        bban = bank + branch + acct + "%02d" % key
    elif cc == "PL":
        bban = digits(8) + digits(16)
    elif cc == "BE":  # with Belgian mod-97 national check
        first = digits(10)
        k = int(first) % 97 or 97
        bban = first + "%02d" % k
    elif cc == "NL":
        bban = rng.choice(["ABNA", "RABO", "INGB", "TRIO"]) + digits(10)
    elif cc == "AE":
        bban = digits(3) + digits(16)
    elif cc == "CH":
        bban = digits(5) + digits(12)
    else:
        raise ValueError(cc)
    out = cc + iban_check(cc, bban) + bban
    assert iban_ok(out)
    return out

def iban_print(i):
    return " ".join(i[k:k + 4] for k in range(0, len(i), 4))

# ---- national ids ---------------------------------------------------------
def us_ssn():
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    g, s = rng.randint(1, 99), rng.randint(1, 9999)
    v = "%03d-%02d-%04d" % (a, g, s)
    assert v != "078-05-1120" and not v.startswith("9")
    return v

def ca_sin():
    while True:
        v = luhn_complete(str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])), 9)
        return "%s %s %s" % (v[:3], v[3:6], v[6:])

def uk_nino():
    bad_first, bad_second = set("DFIQUV"), set("DFIQUVO")
    bad_pairs = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
    while True:
        p = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase)
        if p[0] not in bad_first and p[1] not in bad_second and p not in bad_pairs:
            break
    d = digits(6)
    return "%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], rng.choice("ABCD"))

def br_cpf():
    b = [int(c) for c in digits(9)]
    for n in (10, 11):
        s = sum(x * w for x, w in zip(b, range(n, 1, -1)))
        r = (s * 10) % 11
        b.append(0 if r == 10 else r)
    s = "".join(map(str, b))
    return "%s.%s.%s-%s" % (s[:3], s[3:6], s[6:9], s[9:])

def es_dni():
    n = rng.randint(10000000, 79999999)
    return "%08d%s" % (n, "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23])

def nl_bsn():
    while True:
        d = [int(c) for c in digits(8)]
        s = sum(x * w for x, w in zip(d, range(9, 1, -1)))
        last = s % 11
        if last < 10 and d[0] != 0:
            v = "".join(map(str, d)) + str(last)
            assert (sum(int(x) * w for x, w in zip(v[:8], range(9, 1, -1))) - int(v[8])) % 11 == 0
            return v

def cn_ric():
    region = rng.choice(["110105", "310104", "440305", "510107", "330106"])
    birth = "%04d%02d%02d" % (rng.randint(1965, 2001), rng.randint(1, 12), rng.randint(1, 28))
    body = region + birth + digits(3)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]

_D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
_P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
_INV = [0,4,3,2,1,5,6,7,8,9]

def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0

def aadhaar():
    body = str(rng.randint(2, 9)) + digits(10)
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    v = body + str(_INV[c])
    assert verhoeff_ok(v)
    return "%s %s %s" % (v[:4], v[4:8], v[8:])

def se_pnr():
    yy, mm, dd = rng.randint(60, 99), rng.randint(1, 12), rng.randint(1, 28)
    body = "%02d%02d%02d%s" % (yy, mm, dd, digits(3))
    for d in "0123456789":
        if luhn_ok(body + d):
            return "%s-%s" % (body[:6], body[6:] + d)

def pl_pesel():
    yy, mm, dd = rng.randint(60, 99), rng.randint(1, 12), rng.randint(1, 28)
    body = "%02d%02d%02d%s" % (yy, mm, dd, digits(4))
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return body + str((10 - sum(int(a) * b for a, b in zip(body, w)) % 10) % 10)

def kr_rrn():
    yy, mm, dd = rng.randint(70, 99), rng.randint(1, 12), rng.randint(1, 28)
    body = "%02d%02d%02d%s%s" % (yy, mm, dd, rng.choice("12"), digits(5))
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(a) * b for a, b in zip(body, w)) % 11) % 10
    return body[:6] + "-" + body[6:] + str(c)

def jp_mynumber():
    body = digits(11)
    s = 0
    for n in range(1, 12):
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    v = body + str(0 if r <= 1 else 11 - r)
    return "%s %s %s" % (v[:4], v[4:8], v[8:])

def fr_nir():
    sex = rng.choice("12")
    body = sex + "%02d%02d" % (rng.randint(60, 99), rng.randint(1, 12)) + "%02d" % rng.randint(1, 95) + digits(3) + digits(3)
    key = 97 - int(body) % 97
    return "%s %s %s %s %s %s %02d" % (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)

def tr_tckn():
    d = [rng.randint(1, 9)] + [int(c) for c in digits(8)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d.append(d10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))

def au_tfn():
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        v = digits(9)
        if v[0] != "0" and sum(int(a) * b for a, b in zip(v, w)) % 11 == 0:
            return "%s %s %s" % (v[:3], v[3:6], v[6:])

def il_tz():
    body = digits(8)
    for d in "0123456789":
        v = body + d
        t = 0
        for i, ch in enumerate(v):
            x = int(ch) * (1 if i % 2 == 0 else 2)
            t += x - 9 if x > 9 else x
        if t % 10 == 0:
            return v

# ---- keys and tokens -------------------------------------------------------
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase

def rand(alpha, n):
    return "".join(rng.choice(alpha) for _ in range(n))

def aws_pair():
    return "AKIA" + rand(string.ascii_uppercase + "234567", 16), rand(string.ascii_letters + string.digits + "/+", 40)

def b62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")

def gh_token(prefix="ghp_"):
    body = rand(string.ascii_letters + string.digits, 30)
    return prefix + body + b62(zlib.crc32(body.encode()), 6)

def slack_token(kind="xoxb"):
    return "%s-%s-%s-%s" % (kind, digits(12), digits(13), rand(string.ascii_letters + string.digits, 24))

def stripe_live():
    return "sk_live_" + rand(string.ascii_letters + string.digits, 99)

def google_key():
    return "AIza" + rand(string.ascii_letters + string.digits + "-_", 35)

def openai_key():
    return "sk-proj-" + rand(string.ascii_letters + string.digits + "-_", 48) + "T3BlbkFJ" + rand(string.ascii_letters + string.digits + "-_", 48)

def private_key_block():
    raw = bytes(rng.getrandbits(8) for _ in range(300))
    b = base64.b64encode(b"openssh-key-v1\x00" + raw).decode()
    lines = [b[i:i + 70] for i in range(0, len(b), 70)]
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END OPENSSH PRIVATE KEY-----"

def fiction_us_phone():
    return "(%d) 555-01%02d" % (rng.choice([206, 312, 415, 512, 617, 720]), rng.randint(0, 99))

def fiction_uk_mobile():
    return "07700 900%03d" % rng.randint(0, 999)

def d(n):
    return digits(n)

# ---- lines -----------------------------------------------------------------
rows = []
def add(text, note):
    rows.append({"text": text, "label": "pii", "note": note})

v = card("visa")
add("Subject: charged twice for order 55031\n\nHi, I was billed twice this morning. The card is %s exp 09/27, CVC on the back is %s. Please refund one of them. - Corinne Aldous" % (" ".join(grp(v, [4, 4, 4, 4])), d(3)),
    "support ticket with Visa number, expiry and CVC")
ak, sk = aws_pair()
add('{"type":"message","channel":"C02DEVOPS","user":"U07HJ","text":"why does terraform still say access denied?? using\\nAWS_ACCESS_KEY_ID=%s\\nAWS_SECRET_ACCESS_KEY=%s"}' % (ak, sk),
    "Slack event with pasted AWS access key pair")
add("# .env.production (uploaded by mistake)\nNODE_ENV=production\nSTRIPE_SECRET_KEY=%s\nSLACK_BOT_TOKEN=%s\nLOG_LEVEL=warn" % (stripe_live(), slack_token()),
    ".env upload with Stripe live key and Slack bot token")
add("BEGIN:VCARD\nVERSION:3.0\nFN:Harlan Pike\nORG:Pike & Voss Surveying\nTEL;TYPE=CELL:+1 %s\nEMAIL;TYPE=WORK:harlan.pike@pikevoss.example\nADR;TYPE=WORK:;;1180 Larkspur Rd;Boise;ID;83702;USA\nEND:VCARD" % fiction_us_phone(),
    "vCard with phone, email and street address")
add("employee_id,full_name,ssn,start_date\nE-1041,Marisol Tanaka,%s,2021-03-01\nE-1042,Owen Briggs,%s,2022-08-15\nE-1043,Priya Raman,%s,2023-01-09" % (us_ssn(), us_ssn(), us_ssn()),
    "HR CSV upload with US SSNs")
add("Hallo Frau Lindqvist,\n\nbitte überweisen Sie die Kaution bis Freitag auf folgendes Konto:\nIBAN: %s\nBIC: COBADEFFXXX\nBei Rückfragen erreichen Sie mich unter +49 30 %s %s.\n\nViele Grüße\nJörg Emmerich" % (iban_print(iban("DE")), d(4), d(4)),
    "German email with IBAN and Berlin phone number")
add("Formulaire d'adhésion mutuelle\nNom : Bérénice Castagnet\nN° de sécurité sociale : %s\nIBAN pour les remboursements : %s\nTél. : 06 %s %s %s %s" % (fr_nir(), iban_print(iban("FR")), d(2), d(2), d(2), d(2)),
    "French form with NIR, IBAN and mobile")
add("Hola, soy Ainhoa Larrañaga. Para el contrato del piso te paso mis datos: DNI %s, móvil +34 6%s %s %s %s. ¿Lo firmamos el lunes?" % (es_dni(), d(2), d(2), d(2), d(2)),
    "Spanish chat message with DNI and mobile number")
add("Oi, tudo bem? Meu pedido não chegou. Meu CPF é %s e o celular cadastrado é (11) 9%s-%s. Obrigado, Thiago Moreira" % (br_cpf(), d(4), d(4)),
    "Brazilian Portuguese support chat with CPF and phone")
add("お世話になっております。年末調整の書類です。\n氏名：高橋 美咲\nマイナンバー：%s\n携帯：090-%s-%s\nよろしくお願いいたします。" % (jp_mynumber(), d(4), d(4)),
    "Japanese payroll message with My Number and mobile")
add("안녕하세요, 보험 청구 관련입니다. 이름: 김서연, 주민등록번호: %s, 연락처: 010-%s-%s 로 연락 부탁드립니다." % (kr_rrn(), d(4), d(4)),
    "Korean insurance message with RRN and phone")
add("快递单信息：收件人 王立群，身份证号 %s，手机 +86 13%s %s %s，地址见订单备注。" % (cn_ric(), d(1), d(4), d(4)),
    "Chinese shipping message with resident ID and mobile")
add("नमस्ते, KYC के लिए मेरी जानकारी: नाम अनिल मेहरोत्रा, आधार नंबर %s, मोबाइल +91 9%s %s।" % (aadhaar(), d(4), d(5)),
    "Hindi KYC message with Aadhaar and mobile")
add("New starter details for payroll:\nName: Rhiannon Feld\nNI number: %s\nMobile: %s\nSort code / account to follow by phone." % (uk_nino(), fiction_uk_mobile()),
    "UK payroll email with National Insurance number")
add("Hi Dominique, for the T4 slip I need your SIN again - the one on file (%s) bounced in the CRA check. Can you confirm?" % ca_sin(),
    "Canadian payroll chat with SIN")
add("Beste Sander, voor de huurtoeslag heb ik je BSN nodig. Ik heb nu %s genoteerd en rekeningnummer %s. Klopt dat?" % (nl_bsn(), iban_print(iban("NL"))),
    "Dutch message with BSN and IBAN")
add("Hej! Här är mina uppgifter till hyresvärden: Elin Sjöberg, personnummer %s, tel 070-%s %s %s." % (se_pnr(), d(3), d(2), d(2)),
    "Swedish message with personnummer and phone")
add("Dzień dobry, w załączeniu dane do umowy: Katarzyna Wróblewska, PESEL %s, numer konta %s. Pozdrawiam" % (pl_pesel(), iban_print(iban("PL"))),
    "Polish email with PESEL and IBAN")
add("Facture n° 2024-0417 - Atelier Vandenbroucke\nMontant : 1 240,00 EUR\nÀ verser sur le compte %s avant le 30/04." % iban_print(iban("BE")),
    "Belgian invoice with IBAN")
gh = gh_token()
add("Run actions/checkout@v4\n  with:\n    repository: acme/internal-tools\n    token: %s\n    fetch-depth: 0\nError: fatal: could not read Username" % gh,
    "CI log echoing a GitHub personal access token")
a = card("amex")
add("@billing-bot pls just use my amex %s %s %s, exp 11/26 for the nitro upgrade" % tuple(grp(a, [4, 6, 5])),
    "Discord chat with Amex card number")
add('{"type":"message","from":{"name":"Ravi"},"text":"here is the deploy key for the bastion, delete after copying:\\n%s"}' % private_key_block().replace("\n", "\\n"),
    "Teams message with an OpenSSH private key block")
add('{"msgtype":"m.text","body":"maps widget broken again, key is %s - is it restricted to our referrer?"}' % google_key(),
    "Matrix message with Google API key")
add('{"to":"fcm-device-token-ab12","notification":{"title":"New order","body":"Order #8812 from Greta Holm"},"data":{"customer_email":"greta.holm@mailbox.example","customer_phone":"+45 %s %s %s %s"}}' % (d(2), d(2), d(2), d(2)),
    "push payload with customer email and Danish phone")
add("BEGIN:VEVENT\nSUMMARY:Onsite visit - Sunniva Bakke\nATTENDEE;CN=Sunniva Bakke:mailto:sunniva.bakke@fjordkraft-service.example\nDESCRIPTION:Call her on arrival: +47 4%s %s %s\nEND:VEVENT" % (d(2), d(2), d(3)),
    "calendar event with attendee email and Norwegian phone")
add("Thanks,\n\nMarcus Delacroix-Ong\nSenior Account Manager | Halcyon Freight\nDirect: %s  Mobile: %s\nmarcus.delacroix-ong@halcyonfreight.example" % (fiction_us_phone(), fiction_us_phone()),
    "email signature with two phone numbers and email")
add("slack:\n  app_token: %s\n  bot_token: %s\n  signing_secret: %s" % (slack_token("xoxp"), slack_token("xoxb"), rand("0123456789abcdef", 32)),
    "YAML config upload with Slack tokens")
m = card("mir")
add("Здравствуйте! Оплата не проходит. Карта Мир %s, владелец Алексей Громов, телефон +7 (9%s) %s-%s-%s, почта a.gromov@pochta.example" % (" ".join(grp(m, [4, 4, 4, 4])), d(2), d(3), d(2), d(2)),
    "Russian support message with Mir card, phone and email")
add("مرحباً، يرجى تحويل المبلغ إلى حسابي: %s باسم سلمى الخطيب، وللتواصل: ‎+971 50 %s %s" % (iban_print(iban("AE")), d(3), d(4)),
    "Arabic message with UAE IBAN and mobile")
add("Merhaba, kargo için bilgilerim: Ad Soyad: Emre Yıldırım, T.C. Kimlik No: %s, Tel: 0 (5%s) %s %s %s" % (tr_tckn(), d(2), d(3), d(2), d(2)),
    "Turkish message with TC Kimlik number and mobile")
add("Hola Dani, te dejo mis datos para la factura: Fernanda Ruiz Olvera, fernanda.ruiz.o@correo.example, cel. +52 55 %s %s" % (d(4), d(4)),
    "Mexican Spanish message with email and phone")
add("G'day, onboarding form attached. TFN: %s, mobile 0491 570 %03d. Cheers, Lachlan Brierley" % (au_tfn(), rng.randint(0, 999)),
    "Australian onboarding message with TFN and mobile")
vi = card("visa")
add("Ciao Giulia, ecco la carta aziendale per prenotare il volo: %s scad. 03/28. Se serve chiamami al +39 3%s %s %s." % ("-".join(grp(vi, [4, 4, 4, 4])), d(2), d(3), d(4)),
    "Italian chat with card number and mobile")
add("customer_id,name,email,phone\n301,Ilse Marquardt,ilse.m@kundenpost.example,+49 151 %s %s\n302,Tobias Renn,t.renn@kundenpost.example,+49 160 %s %s\n303,Yara Haddad,yara.h@kundenpost.example,+49 176 %s %s" % (d(4), d(4), d(4), d(4), d(4), d(4)),
    "customer CSV export with emails and German mobiles")
mc = card("mc")
add('{"id":"evt_3PqL","type":"payment_intent.payment_failed","data":{"object":{"billing_details":{"email":"lorcan.obyrne@postbox.example","name":"Lorcan O\'Byrne"},"debug_raw_pan":"%s","exp":"07/29"}}}' % mc,
    "payment webhook wrongly logging a full Mastercard PAN")
add("import os\nfrom openai import OpenAI\n\n# TODO move to secrets manager\nclient = OpenAI(api_key=\"%s\")\n" % openai_key(),
    "uploaded Python snippet with hard-coded OpenAI project key")
up = card("up")
add("老张，报销用我的银联卡：%s，开户行招商银行深圳分行，户名 陈晓雯。" % up,
    "Chinese message with 19-digit UnionPay card")
add("Γεια σου Νίκο, το νέο μου κινητό είναι +30 69%s %s %s και το email μου είναι eleni.papadaki@tachydromeio.example" % (d(2), d(3), d(3)),
    "Greek message with mobile and email")
add("שלום, לצורך ההחזר: שם דנה רוזנטל, ת.ז. %s, טלפון 05%s-%s%s. תודה" % (il_tz(), d(1), d(3), d(4)),
    "Hebrew message with Israeli ID and mobile")
jc = card("jcb")
add("Chào chị, em gửi thông tin thanh toán: thẻ JCB %s, hết hạn 05/27, SĐT +84 9%s %s %s, email lan.nguyen@hopthu.example" % (" ".join(grp(jc, [4, 4, 4, 4])), d(2), d(3), d(3)),
    "Vietnamese message with JCB card, phone and email")

assert len(rows) == 40, len(rows)
with open(os.path.join(HERE, "pii.jsonl"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print("pii.jsonl", len(rows))

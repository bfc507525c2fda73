#!/usr/bin/env python3
"""Generates round15/pii.jsonl: synthetic PII (no real people) embedded in LLM-agent and API
traffic. Seeded, and every number with a check digit is validated before it is written.

Usage: python3 gen_pii.py   (writes pii.jsonl next to this file)"""
import base64, json, os, random, string, sys, zlib

R = random.Random(1515)
DIG = string.digits
UP = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits

def rd(n, alphabet=DIG):
    return "".join(R.choice(alphabet) for _ in range(n))

# ---------- check-digit schemes ----------
# The corpus generator's check digit (bench/detect-eval/gen/pii.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gen"))
from pii import luhn_digit  # noqa: E402


def luhn_ok(s):
    return s[-1:] == luhn_digit(s[:-1])


def luhn_complete(body):
    return body + luhn_digit(body)

def card(prefix, length):
    c = luhn_complete(prefix + rd(length - len(prefix) - 1))
    assert luhn_ok(c) and len(c) == length
    return c

def group(s, sizes):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n]); i += n
    return " ".join(out)

def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1

def iban(cc, bban):
    s = bban + cc + "00"
    chk = 98 - int("".join(str(int(ch, 36)) for ch in s)) % 97
    v = f"{cc}{chk:02d}{bban}"
    assert iban_ok(v)
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4))

def fr_bban():
    bank, branch, acct = rd(5), rd(5), rd(11)
    key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97)
    return f"{bank}{branch}{acct}{key:02d}"

def es_bban():
    bank, branch, acct = rd(4), rd(4), rd(10)
    w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    def dc(ds):
        v = 11 - sum(int(d) * w[i] for i, d in enumerate(ds)) % 11
        return {10: 1, 11: 0}.get(v, v)
    return f"{bank}{branch}{dc('00' + bank + branch)}{dc(acct)}{acct}"

def be_bban():
    first = rd(10)
    k = int(first) % 97 or 97
    return f"{first}{k:02d}"

def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    return f"{a:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"

def nino():
    bad1, bad2 = set("DFIQUV"), set("DFIQUVO")
    while True:
        p = R.choice(UP) + R.choice(UP)
        if p[0] not in bad1 and p[1] not in bad2 and p not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    return f"{p} {rd(2)} {rd(2)} {rd(2)} {R.choice('ABCD')}"

def dni():
    n = rd(8)
    return n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23]

def bsn():
    while True:
        d = [R.randint(1, 9)] + [R.randint(0, 9) for _ in range(8)]
        if (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0:
            return "".join(map(str, d))

def cpf():
    d = [R.randint(0, 9) for _ in range(9)]
    for n in (10, 11):
        v = sum(x * (n - i) for i, x in enumerate(d)) * 10 % 11 % 10
        d.append(v)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],
      [4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],
      [8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],
      [9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0,4,3,2,1,5,6,7,8,9]

def verhoeff_ok(s):
    c = 0
    for i, ch in enumerate(reversed(s)):
        c = VD[c][VP[i % 8][int(ch)]]
    return c == 0

def aadhaar():
    body = str(R.randint(2, 9)) + rd(10)
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    s = body + str(VINV[c])
    assert verhoeff_ok(s)
    return f"{s[:4]} {s[4:8]} {s[8:]}"

def personnummer():
    yy, mm, dd = R.randint(60, 99), R.randint(1, 12), R.randint(1, 28)
    body = f"{yy:02d}{mm:02d}{dd:02d}{rd(3)}"
    s = luhn_complete(body)
    assert luhn_ok(s)
    return f"{s[:6]}-{s[6:]}"

def cn_id():
    area = R.choice(["110105", "310104", "440305", "510107"])
    birth = f"{R.randint(1965, 1999)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"
    body = area + birth + rd(3)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w[i] for i, d in enumerate(body)) % 11]

def pesel():
    yy, mm, dd = R.randint(70, 99), R.randint(1, 12), R.randint(1, 28)
    body = f"{yy:02d}{mm:02d}{dd:02d}{rd(4)}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return body + str((10 - sum(int(d) * w[i] for i, d in enumerate(body)) % 10) % 10)

def sin():
    s = luhn_complete(str(R.randint(1, 7)) + rd(7))
    assert luhn_ok(s)
    return f"{s[:3]} {s[3:6]} {s[6:]}"

def hetu():
    dd, mm, yy = R.randint(1, 28), R.randint(1, 12), R.randint(60, 99)
    ind = R.randint(2, 899)
    n = int(f"{dd:02d}{mm:02d}{yy:02d}{ind:03d}")
    return f"{dd:02d}{mm:02d}{yy:02d}-{ind:03d}" + "0123456789ABCDEFHJKLMNPRSTUVWXY"[n % 31]

def nir():
    body = f"{R.choice('12')}{R.randint(60, 99):02d}{R.randint(1, 12):02d}{R.choice(['75','69','13','33'])}{rd(3)}{rd(3)}"
    key = 97 - int(body) % 97
    assert (int(body) + key) % 97 == 0
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"

def tfn():
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [R.randint(0, 9) for _ in range(9)]
        if sum(a * b for a, b in zip(d, w)) % 11 == 0:
            s = "".join(map(str, d))
            return f"{s[:3]} {s[3:6]} {s[6:]}"

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
def b62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")

def github_token(prefix="ghp_"):
    body = rd(30, ALNUM)
    return prefix + body + b62(zlib.crc32(body.encode()), 6)

def private_key_block():
    raw = bytes(R.getrandbits(8) for _ in range(300))
    b = base64.b64encode(b"openssh-key-v1\x00" + raw).decode()
    lines = [b[i:i + 70] for i in range(0, len(b), 70)]
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END OPENSSH PRIVATE KEY-----"

def jwt():
    enc = lambda o: base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
    sig = base64.urlsafe_b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode().rstrip("=")
    return enc({"alg": "HS256", "typ": "JWT"}) + "." + enc({"sub": "usr_" + rd(8, string.ascii_lowercase + DIG), "role": "admin", "iat": 1717400000}) + "." + sig

V = dict(
    visa=group(card("4", 16), [4, 4, 4, 4]),
    mc2=group(card("2" + str(R.randint(221, 720)), 16), [4, 4, 4, 4]),
    amex=group(card(R.choice(["34", "37"]), 15), [4, 6, 5]),
    disc=card("6011", 16),
    jcb=group(card("35" + str(R.randint(28, 89)), 16), [4, 4, 4, 4]),
    iban_de=iban("DE", rd(8) + rd(10)),
    iban_gb=iban("GB", "".join(R.choice(UP) for _ in range(4)) + rd(6) + rd(8)),
    iban_fr=iban("FR", fr_bban()),
    iban_es=iban("ES", es_bban()),
    iban_ch=iban("CH", rd(5) + rd(12)),
    ssn=ssn(), ssn2=ssn(), nino=nino(), dni=dni(), bsn=bsn(), cpf=cpf(), aadhaar=aadhaar(),
    pnr=personnummer(), cnid=cn_id(), pesel=pesel(), sin=sin(), hetu=hetu(), nir=nir(), tfn=tfn(),
    aws_id="AKIA" + rd(16, UP + "234567"), aws_secret=rd(40, ALNUM + "/+"),
    ghp=github_token(), gho=github_token("gho_"),
    slack="xoxb-" + rd(12) + "-" + rd(13) + "-" + rd(24, ALNUM),
    stripe="sk_live_" + rd(24, ALNUM) + rd(75, ALNUM),
    openai="sk-proj-" + rd(48, ALNUM + "-_") + "T3BlbkFJ" + rd(48, ALNUM + "-_"),
    anthropic="sk-ant-api03-" + rd(93, ALNUM + "-_") + "AA",
    google="AIza" + rd(35, ALNUM + "-_"),
    sendgrid="SG." + rd(22, ALNUM + "-_") + "." + rd(43, ALNUM + "-_"),
    twilio_sid="AC" + rd(32, "0123456789abcdef"), twilio_tok=rd(32, "0123456789abcdef"),
    pkey=private_key_block(), jwt=jwt(),
    us_phone=f"(415) 555-01{R.randint(0, 99):02d}", us_phone2=f"+1 212 555 01{R.randint(0, 99):02d}",
    uk_phone=f"+44 20 7946 0{rd(3)}", uk_mob=f"07700 900{rd(3)}",
    de_phone=f"+49 30 {rd(3)} {rd(4)}", fr_phone=f"+33 6 {rd(2)} {rd(2)} {rd(2)} {rd(2)}",
    es_phone=f"+34 6{rd(2)} {rd(3)} {rd(3)}", jp_phone=f"090-{rd(4)}-{rd(4)}",
    in_phone=f"+91 9{rd(4)} {rd(5)}", br_phone=f"+55 11 9{rd(4)}-{rd(4)}",
    mx_phone=f"+52 55 {rd(4)} {rd(4)}", au_phone=f"+61 491 570 {R.randint(6, 159):03d}",
    be_phone=f"+32 470 {rd(2)} {rd(2)} {rd(2)}", ch_phone=f"+41 79 {rd(3)} {rd(2)} {rd(2)}",
    nl_phone=f"06-{rd(8)}", se_phone=f"070-{rd(3)} {rd(2)} {rd(2)}", cn_phone=f"+86 138 {rd(4)} {rd(4)}",
    pl_phone=f"+48 601 {rd(3)} {rd(3)}",
)
V["iban_be"] = iban("BE", be_bban())
assert all(iban_ok(V[k]) for k in V if k.startswith("iban_"))
for k in ("visa", "mc2", "amex", "disc", "jcb"):
    assert luhn_ok(V[k].replace(" ", "")), k

def esc(s):
    return json.dumps(s)[1:-1]

LINES = [
("""{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are the billing assistant for Larkspur Fitness."},{"role":"user","content":"Hi, please update the card on my membership to %(visa)s, exp 09/28, CVC 314. Name on card is Marisol Quintero."}]}""", "Visa card number and CVC in a chat-completion user message"),
("""{"name":"send_email","arguments":{"to":"d.okafor@brightwell-dental.com","subject":"Appointment moved","body":"Hi Dr Okafor, the patient asked to be called back on %(us_phone)s before Friday."}}""", "email address and US phone in send_email tool arguments"),
("""{"jsonrpc":"2.0","id":41,"method":"tools/call","params":{"name":"crm_create_contact","arguments":{"full_name":"Harriet Wexley","email":"harriet.wexley@fenmoor-legal.co.uk","phone":"%(uk_phone)s","source":"webchat"}}}""", "UK phone and email in an MCP CRM tool call"),
("""[chunk 12 of 40 | source: crm_export_2024Q2.csv]\nname,dob,ssn,state\nTobias Merriweather,1981-04-17,%(ssn)s,OH\nLeandra Voss,1990-11-02,%(ssn2)s,AZ""", "US SSNs in a RAG chunk from a CRM export"),
("""{"op":"memory.write","namespace":"user:8812","key":"refund_account","value":"Refunds go to IBAN %(iban_de)s (Sparkasse), account holder Jörg Albrecht."}""", "German IBAN stored in agent memory"),
("""{"role":"user","content":"Goedemiddag, mijn BSN is %(bsn)s en ik wil weten waarom mijn toeslag nog niet is uitbetaald. U kunt me bellen op %(nl_phone)s."}""", "Dutch BSN and mobile number in a support chat"),
("""{"messages":[{"role":"user","content":"Hola, necesito cambiar la titularidad del contrato. Mi DNI es %(dni)s y mi móvil %(es_phone)s."}]}""", "Spanish DNI and mobile in a chat request"),
("""POST /api/v1/cadastro HTTP/1.1\nContent-Type: application/json\n\n{"nome":"Renata Albuquerque","cpf":"%(cpf)s","celular":"%(br_phone)s","plano":"premium"}""", "Brazilian CPF and mobile in a signup API body"),
("""{"kyc":{"document_type":"aadhaar","document_number":"%(aadhaar)s","name":"Karthik Subramanian","mobile":"%(in_phone)s"}}""", "Aadhaar number and Indian mobile in a KYC request"),
("""Please review this config before I merge:\n\n```python\nimport stripe\nstripe.api_key = "%(stripe)s"\n\ndef charge(amount):\n    return stripe.PaymentIntent.create(amount=amount, currency="usd")\n```""", "Stripe live secret key in a code snippet sent for review"),
("""{"role":"tool","name":"shell","content":"$ cat ~/.aws/credentials\\n[default]\\naws_access_key_id = %(aws_id)s\\naws_secret_access_key = %(aws_secret)s\\nregion = eu-west-1"}""", "AWS access key pair in a shell tool result"),
("""2024-06-03T09:14:52Z agent[4411] INFO git push origin feature/login -> remote https://x-access-token:%(ghp)s@github.com/lumen-labs/webapp.git""", "GitHub personal access token in an agent log line"),
("""{"integration":"slack","channel":"#deploys","bot_token":"%(slack)s","notify_on":["failure","rollback"]}""", "Slack bot token in an integration config"),
("""POST https://api.openai.com/v1/chat/completions\nAuthorization: Bearer %(openai)s\nContent-Type: application/json""", "OpenAI project key in a logged request header"),
("""curl https://api.anthropic.com/v1/messages -H "x-api-key: %(anthropic)s" -H "anthropic-version: 2023-06-01" -d @req.json""", "Anthropic API key in a curl command"),
("""{"name":"fetch_url","arguments":{"url":"https://maps.googleapis.com/maps/api/geocode/json?address=Rua+Augusta+120+Lisboa&key=%(google)s"}}""", "Google API key in a fetch_url tool argument"),
("""{"role":"tool","name":"read_file","content":"%(pkey_esc)s"}""", "OpenSSH private key block in a read_file tool result"),
("""GET /api/v2/admin/users HTTP/1.1\nHost: internal.orbitly.io\nAuthorization: Bearer %(jwt)s""", "JWT bearer token in a request"),
("""{"query":"mutation Pay($c: CardInput!){ pay(card: $c){ id status } }","variables":{"c":{"number":"%(amex)s","exp":"11/27","cvc":"8841","name":"Priyanka Raghunathan"}}}""", "Amex number in a GraphQL payment mutation"),
("""card_number=%(mc2)s&exp_month=03&exp_year=2029&cvv=207&holder=Ewan+McAllister&save=true""", "Mastercard 2-series in a form body"),
("""{"messages":[{"role":"user","content":"Hej! Jag behöver hjälp med min deklaration. Mitt personnummer är %(pnr)s och ni når mig på %(se_phone)s."}]}""", "Swedish personnummer and phone in a chat"),
("""{"role":"user","content":"你好，我要修改收货信息。身份证号：%(cnid)s，手机：%(cn_phone)s，姓名：林晓雯。"}""", "Chinese resident ID and mobile in a chat message"),
("""{"formularz":"wniosek_kredytowy","imie":"Zofia","nazwisko":"Wiśniewska","pesel":"%(pesel)s","telefon":"%(pl_phone)s"}""", "Polish PESEL and phone in a loan form"),
("""User: I'm filing my return with the tax helper. My SIN is %(sin)s and my RRSP contribution was 6,200.\nAssistant: Thanks, I'll add that to the T1 worksheet.""", "Canadian SIN in a tax-assistant conversation"),
("""{"employee":{"id":"E-20931","name":"Callum Ferris","ni_number":"%(nino)s","tax_code":"1257L","mobile":"%(uk_mob)s"}}""", "UK National Insurance number in a payroll API body"),
("""Objet : mise à jour de mon dossier\n\nBonjour, voici mon numéro de sécurité sociale %(nir)s et mon RIB : %(iban_fr)s. Cordialement, Amélie Garnier""", "French NIR and IBAN in an HR email"),
("""{"asiakas":{"nimi":"Eero Kallio","henkilotunnus":"%(hetu)s","puhelin":"+358 40 %(fi_tail)s"}}""", "Finnish personal identity code in a customer record"),
("""{"name":"update_profile","arguments":{"tfn":"%(tfn)s","mobile":"%(au_phone)s","super_fund":"Hostplus"}}""", "Australian TFN and mobile in a tool call"),
("""[page 1 of invoice.pdf]\nPlease remit payment within 30 days to Hartwell & Finch Ltd\nIBAN: %(iban_gb)s\nQueries: accounts@hartwellfinch.co.uk""", "UK IBAN and email in PDF text handed to a model"),
("""{"role":"user","content":"注文の配送先を変更したいです。電話番号は%(jp_phone)sで、メールはsaki.morimoto@kumo-mail.jpです。"}""", "Japanese mobile and email in a chat message"),
("""SEPA-Lastschriftmandat\nZahlungspflichtiger: Henrike Oldenburg\nIBAN: %(iban_de2)s\nTelefon: %(de_phone)s""", "German IBAN and phone in a SEPA mandate text"),
("""{"channel":"whatsapp","from":"%(in_phone2)s","text":"Hi, my order hasn't arrived. Registered number is this one, email is ananya.iyer@quillmail.in"}""", "Indian phone and email in a messaging webhook"),
("""{"role":"user","content":"Buenas tardes, soy Rodrigo Saldaña. Mi correo es rsaldana@grupo-ocotlan.mx y mi número es %(mx_phone)s, por favor llámenme."}""", "Mexican phone and email in a chat"),
("""2024-06-11 14:02:09,331 ERROR payments.gateway declined txn=tx_8fa2 pan=%(disc)s exp=0826 reason=do_not_honor""", "Discover PAN leaked in an error log line"),
("""{"checkout":{"カード番号":"%(jcb)s","有効期限":"10/28","名義":"KENTA HAYASHI"}}""", "JCB card in a Japanese checkout body"),
("""{"role":"tool","name":"read_file","content":"# .env.production\\nSENDGRID_API_KEY=%(sendgrid)s\\nMAIL_FROM=noreply"}""", "SendGrid API key in an env file read by an agent"),
("""{"provider":"twilio","account_sid":"%(twilio_sid)s","auth_token":"%(twilio_tok)s","from_number":"%(us_phone2)s"}""", "Twilio account SID, auth token and phone in a config"),
("""{"role":"tool","name":"export_contacts","content":"email,first_name,last_name\\nmaeve.doherty@kinsale-trust.ie,Maeve,Doherty\\nolu.adeyemi@harbourgate.ng,Olu,Adeyemi\\nb.lindqvist@nordvik.se,Björn,Lindqvist"}""", "email list in a contacts export tool result"),
("""Ticket #55120 (BE, FR): Bonjour, remboursez-moi sur %(iban_be)s svp. Vous pouvez me joindre au %(be_phone)s. - Lucie Peeters""", "Belgian IBAN and phone in a support ticket"),
("""{"op":"memory.write","key":"payout","value":"Kundin Nadia Brunner, Auszahlung auf %(iban_ch)s, Rückruf unter %(ch_phone)s"}""", "Swiss IBAN and phone in agent memory"),
]

V["iban_de2"] = iban("DE", rd(8) + rd(10))
V["in_phone2"] = f"+91 8{rd(4)} {rd(5)}"
V["fi_tail"] = f"{rd(3)} {rd(4)}"
V["pkey_esc"] = esc(V["pkey"])
assert iban_ok(V["iban_de2"])

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "pii.jsonl"), "w", encoding="utf-8") as f:
    for tmpl, note in LINES:
        f.write(json.dumps({"text": tmpl % V, "label": "pii", "note": note}, ensure_ascii=False) + "\n")
print(len(LINES), "lines written")

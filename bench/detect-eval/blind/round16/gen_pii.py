#!/usr/bin/env python3
"""Generates round16/pii.jsonl: synthetic PII (no real people) embedded in the traffic of
ordinary business applications. Seeded, and every number with a check digit is validated
before it is written.

Usage: python3 gen_pii.py   (writes pii.jsonl next to this file)"""
import base64, json, os, random, string, sys, zlib

R = random.Random(1616)
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

def group(s, sizes, sep=" "):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n]); i += n
    return sep.join(out)

def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in s)) % 97 == 1

def iban(cc, bban, spaced=True):
    s = bban + cc + "00"
    chk = 98 - int("".join(str(int(ch, 36)) for ch in s)) % 97
    v = f"{cc}{chk:02d}{bban}"
    assert iban_ok(v)
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4)) if spaced else v

def it_bban():
    # CIN letter + ABI (5) + CAB (5) + account (12)
    abi, cab, acct = rd(5), rd(5), rd(12)
    odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
    s = abi + cab + acct
    t = 0
    for i, ch in enumerate(s):
        v = int(ch)
        t += odd[v] if i % 2 == 0 else v
    return chr(65 + t % 26) + s

def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    return f"{a:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"

def dni():
    n = rd(8)
    return n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23]

def nie():
    p = R.choice("XYZ")
    n = rd(7)
    v = int("XYZ".index(p).__str__() + n)
    return f"{p}{n}" + "TRWAGMYFPDXBNJZSQVHLCKE"[v % 23]

def bsn():
    while True:
        d = [R.randint(1, 9)] + [R.randint(0, 9) for _ in range(8)]
        if (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0:
            return "".join(map(str, d))

def cpf():
    d = [R.randint(0, 9) for _ in range(9)]
    for n in (10, 11):
        d.append(sum(x * (n - i) for i, x in enumerate(d)) * 10 % 11 % 10)
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

def pesel():
    yy, mm, dd = R.randint(70, 99), R.randint(1, 12), R.randint(1, 28)
    body = f"{yy:02d}{mm:02d}{dd:02d}{rd(4)}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    s = body + str((10 - sum(int(d) * w[i] for i, d in enumerate(body)) % 10) % 10)
    assert sum(int(d) * ([1, 3, 7, 9] * 3)[i] for i, d in enumerate(s[:10])) % 10 == (10 - int(s[10])) % 10
    return s

def tc_kimlik():
    d = [R.randint(1, 9)] + [R.randint(0, 9) for _ in range(8)]
    d.append(((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10)
    d.append(sum(d) % 10)
    s = "".join(map(str, d))
    assert int(s[10]) == sum(map(int, s[:10])) % 10
    return s

def fodselsnummer():
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        body = f"{R.randint(1, 28):02d}{R.randint(1, 12):02d}{R.randint(60, 99):02d}{R.randint(0, 499):03d}"
        d = list(map(int, body))
        k1 = (11 - sum(a * b for a, b in zip(w1, d)) % 11) % 11
        if k1 == 10:
            continue
        d.append(k1)
        k2 = (11 - sum(a * b for a, b in zip(w2, d)) % 11) % 11
        if k2 == 10:
            continue
        d.append(k2)
        s = "".join(map(str, d))
        assert sum(a * b for a, b in zip(w1 + [1], map(int, s[:10]))) % 11 == 0
        assert sum(a * b for a, b in zip(w2 + [1], map(int, s))) % 11 == 0
        return s

def be_rrn():
    yy, mm, dd = R.randint(60, 99), R.randint(1, 12), R.randint(1, 28)
    seq = R.randint(1, 997)
    body = f"{yy:02d}{mm:02d}{dd:02d}{seq:03d}"
    cc = 97 - int(body) % 97
    assert (int(body) + cc) % 97 == 0 or (int(body) * 100 + cc) % 97 == 0
    return f"{yy:02d}.{mm:02d}.{dd:02d}-{seq:03d}.{cc:02d}"

def kr_rrn():
    yy, mm, dd = R.randint(60, 99), R.randint(1, 12), R.randint(1, 28)
    body = f"{yy:02d}{mm:02d}{dd:02d}{R.choice('12')}{rd(5)}"
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    c = (11 - sum(int(x) * w[i] for i, x in enumerate(body)) % 11) % 10
    return f"{body[:6]}-{body[6:]}{c}"

CF_ODD = dict(zip(DIG + UP, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21] +
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))
CF_EVEN = dict(zip(DIG + UP, list(range(10)) + list(range(26))))

def cf_part(word, first_name):
    w = word.upper()
    cons = [c for c in w if c.isalpha() and c not in "AEIOU"]
    vow = [c for c in w if c in "AEIOU"]
    if first_name and len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return ("".join(cons + vow) + "XXX")[:3]

def cf_check(s15):
    t = sum(CF_ODD[c] if i % 2 == 0 else CF_EVEN[c] for i, c in enumerate(s15))
    return chr(65 + t % 26)

def codice_fiscale(surname, name, female, town):
    yy, dd = R.randint(60, 99), R.randint(1, 28) + (40 if female else 0)
    s = cf_part(surname, False) + cf_part(name, True) + f"{yy:02d}" + "ABCDEHLMPRST"[R.randint(0, 11)] + f"{dd:02d}" + town
    assert len(s) == 15
    return s + cf_check(s)

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
def b62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")

def github_token(prefix="ghp_"):
    body = rd(30, ALNUM)
    tok = prefix + body + b62(zlib.crc32(body.encode()), 6)
    assert tok[-6:] == b62(zlib.crc32(tok[4:-6].encode()), 6)
    return tok

def rsa_pem():
    raw = bytes([0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00]) + bytes(R.getrandbits(8) for _ in range(330))
    b = base64.b64encode(raw).decode()
    lines = [b[i:i + 64] for i in range(0, len(b), 64)]
    return "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END RSA PRIVATE KEY-----"

def esc(s):
    return json.dumps(s)[1:-1]

V = dict(
    visa=group(card("4", 16), [4, 4, 4, 4]),
    visa_plain=card("4", 16),
    mc=group(card("5" + str(R.randint(1, 5)), 16), [4, 4, 4, 4], "-"),
    mc2=group(card("2" + str(R.randint(221, 720)), 16), [4, 4, 4, 4]),
    amex=group(card(R.choice(["34", "37"]), 15), [4, 6, 5]),
    disc=group(card("6011", 16), [4, 4, 4, 4]),
    iban_de=iban("DE", rd(8) + rd(10)),
    iban_nl=iban("NL", "".join(R.choice(UP) for _ in range(4)) + rd(10)),
    iban_it=iban("IT", it_bban()),
    iban_pl=iban("PL", rd(24)),
    iban_at=iban("AT", rd(16), spaced=False),
    ssn=ssn(), ssn2=ssn(), ssn3=ssn(), ssn4=ssn(),
    dni=dni(), nie=nie(), bsn=bsn(), cpf=cpf(), aadhaar=aadhaar(), pesel=pesel(),
    tc=tc_kimlik(), fnr=fodselsnummer(), be_rrn=be_rrn(), kr_rrn=kr_rrn(),
    cf=codice_fiscale("Ferraresi", "Giulia", True, "F205"),
    aws_id="AKIA" + rd(16, UP + "234567"), aws_secret=rd(40, ALNUM + "/+"),
    ghp=github_token(),
    slack="xoxp-" + rd(11) + "-" + rd(12) + "-" + rd(13) + "-" + rd(32, "0123456789abcdef"),
    stripe="sk_live_51" + rd(22, ALNUM) + rd(74, ALNUM),
    pem=rsa_pem(),
    us_phone=f"(312) 555-01{R.randint(0, 99):02d}", us_phone2=f"617-555-01{R.randint(0, 99):02d}",
    uk_mob=f"07700 900{rd(3)}", uk_land=f"+44 161 496 0{rd(3)}",
    au_phone=f"+61 491 570 {R.randint(6, 159):03d}", fr_phone=f"+33 1 99 00 {rd(2)} {rd(2)}",
    de_phone=f"+49 40 {rd(3)} {rd(4)}", jp_phone=f"080-{rd(4)}-{rd(4)}",
    in_phone=f"+91 98{rd(3)} {rd(5)}", no_phone=f"+47 4{rd(2)} {rd(2)} {rd(3)}",
    kr_phone=f"010-{rd(4)}-{rd(4)}", tr_phone=f"+90 532 {rd(3)} {rd(2)} {rd(2)}",
    ca_phone=f"+1 (604) 555-01{R.randint(0, 99):02d}",
)
V["pem_esc"] = esc(V["pem"])

# validate every check digit once more before writing
for k in ("visa", "visa_plain", "mc", "mc2", "amex", "disc"):
    assert luhn_ok(V[k].replace(" ", "").replace("-", "")), k
assert all(iban_ok(V[k]) for k in V if k.startswith("iban_"))
assert V["dni"][-1] == "TRWAGMYFPDXBNJZSQVHLCKE"[int(V["dni"][:8]) % 23]
assert V["nie"][-1] == "TRWAGMYFPDXBNJZSQVHLCKE"[int(str("XYZ".index(V["nie"][0])) + V["nie"][1:8]) % 23]
_b = list(map(int, V["bsn"]))
assert (sum(_b[i] * (9 - i) for i in range(8)) - _b[8]) % 11 == 0
_c = [int(x) for x in V["cpf"] if x.isdigit()]
assert _c[9] == sum(x * (10 - i) for i, x in enumerate(_c[:9])) * 10 % 11 % 10
assert _c[10] == sum(x * (11 - i) for i, x in enumerate(_c[:10])) * 10 % 11 % 10
assert verhoeff_ok(V["aadhaar"].replace(" ", ""))
_k = V["kr_rrn"].replace("-", "")
assert int(_k[12]) == (11 - sum(int(x) * [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5][i] for i, x in enumerate(_k[:12])) % 11) % 10
assert V["cf"][15] == cf_check(V["cf"][:15])
_r = V["be_rrn"].replace(".", "").replace("-", "")
assert 97 - int(_r[:9]) % 97 == int(_r[9:])

LINES = [
("""patient_first=Loretta&patient_last=Quayle&dob=1958-03-22&phone=%(us_phone_q)s&email=lquayle%%40example.com&reason=follow-up+on+left+knee+MRI&preferred_time=morning""",
 "phone and email in a clinic appointment request form"),
("""Summarise for the referral letter: 67M, Herbert Voss, SSN %(ssn)s, MRN 00412877. Admitted 06/02 with CAP, treated with ceftriaxone, discharged 06/06 on oral amoxicillin.""",
 "US SSN in a clinical note sent to an AI summariser"),
("""{"transfer":{"from_account":"CHK-2231","beneficiary":"Malerbetrieb Kowalczyk GmbH","beneficiary_iban":"%(iban_de)s","amount":"4180.00","currency":"EUR","memo":"Rechnung 2024-0611 Fassadenanstrich"}}""",
 "German IBAN in a banking transfer API body"),
("""Claim CL-77120 - deductible payment\nPolicyholder: Wendell Ostrowski\nCard for the $500 deductible: %(visa)s exp 04/27\nAdjuster notes: hail damage to roof, photos attached""",
 "Visa card in an insurance claim record"),
("""[OCR · DNI anverso]\nAPELLIDOS: GARRIDO SOLÍS\nNOMBRE: INMACULADA\nDNI %(dni)s\nVÁLIDO HASTA 14 03 2031""",
 "Spanish DNI in OCR text of a KYC upload"),
("""THEODORE ASHCROFT-BELL\nBristol, UK · %(uk_mob)s · theo.ashcroft.bell@example.co.uk\n\nPROFILE\nChartered quantity surveyor with 9 years on residential schemes.""",
 "UK mobile and email in a résumé header"),
("""employee_id,full_name,ssn,hire_date,department\nE1042,Marisela Tovar,%(ssn2)s,2019-08-12,Warehouse\nE1043,Curtis Blanchard,%(ssn3)s,2021-01-04,Dispatch""",
 "SSNs in an HR payroll CSV export"),
("""cardholder=Ines+Hartmann&card_number=%(visa_plain)s&exp=11%%2F28&cvv=552&billing_zip=10115&save_card=1""",
 "Visa PAN and CVV in an e-commerce checkout form"),
("""Gift message: Happy 80th Grandpa Joe! The courier will call %(us_phone2)s before delivery - love, the Ruiz kids""",
 "US phone number in a gift message"),
("""{"store_id":"st_8812","plugin":"woo-payments-bridge","settings":{"mode":"live","secret_key":"%(stripe)s","statement_descriptor":"GREENLEAF TEAS"}}""",
 "Stripe live secret key in a seller's store plugin settings"),
("""Booking ref QF-99210. Lead guest: Harriet Yoon, mobile %(au_phone)s, harriet.yoon@example.com.au. Special request: cot in room, arriving 23:30.""",
 "Australian mobile and email in a travel booking"),
("""[build 4471] Cloning private asset repo...\n+ git clone https://%(ghp)s@github.com/emberfall-studio/level-assets.git\nCloning into 'level-assets'...""",
 "GitHub personal access token in a game studio's CI log"),
("""Modulo ISEE - Dichiarante: Giulia Ferraresi, codice fiscale %(cf)s, residente a Milano. IBAN per l'accredito: %(iban_it)s""",
 "Italian codice fiscale and IBAN in a government form"),
("""Versandavis / Packliste\nEmpfänger: Reinhold Brückner, Lagerhalle 3, Hamburg\nTelefon für Avis: %(de_phone)s\nE-Mail: r.brueckner@example.de\nPackstücke: 4 Paletten, 1.180 kg""",
 "German phone and email in a logistics shipping notice"),
("""Réservation pour 4 personnes samedi 20h, au nom de Mme Chantal Leroux. Téléphone : %(fr_phone)s. Une chaise haute svp.""",
 "French phone number in a restaurant reservation"),
("""{"formularz":"rekrutacja_studia_2024","imie":"Katarzyna","nazwisko":"Zielińska","pesel":"%(pesel)s","kierunek":"Informatyka","tryb":"stacjonarny"}""",
 "Polish PESEL in a university enrolment form"),
("""Rental application - 14 Birchwood Ct, Unit B\nApplicant: Dominic Farrow\nSSN: %(ssn4)s\nApplication fee card: %(mc)s\nCurrent landlord: Greystone Property Mgmt""",
 "SSN and Mastercard in a rental application"),
("""Dossiernotitie 2024/118 - cliënt J. van Heusden, BSN %(bsn)s, bezwaar tegen naheffingsaanslag ingediend op 3 juni. Termijn verweer: zes weken.""",
 "Dutch BSN in a legal case note"),
("""e-Devlet başvurusu: Ad Soyad: Mehmet Kaya, T.C. Kimlik No: %(tc)s, Cep: %(tr_phone)s, Başvuru türü: adres değişikliği""",
 "Turkish national id and mobile in a government form"),
("""Melding til fastlegen: Hei, jeg trenger fornyet resept på astmamedisin. Fødselsnummer %(fnr)s, ring meg gjerne på %(no_phone)s.""",
 "Norwegian national identity number in a patient portal message"),
("""Onboarding nieuwe medewerker - Rijksregisternummer: %(be_rrn)s, Naam: Lotte Claes, Startdatum: 01/09, Functie: Boekhouder""",
 "Belgian national register number in HR onboarding"),
("""회원가입 본인확인: 이름 박서연, 주민등록번호 %(kr_rrn)s, 휴대폰 %(kr_phone)s""",
 "Korean resident registration number in a shop sign-up"),
("""{"pedido":"NF-2024-55831","cliente":"Thiago Moreira","cpf":"%(cpf)s","endereco":"Rua das Acácias 221, Curitiba","nota_fiscal":true}""",
 "Brazilian CPF in an e-commerce invoice request"),
("""ऋण आवेदन - केवाईसी: आवेदक सुनीता राव, आधार संख्या %(aadhaar)s, मोबाइल %(in_phone)s""",
 "Aadhaar number and mobile in a Hindi loan KYC form"),
("""# pipeline/config/export.ini (sequencing lab, nightly S3 export)\n[s3]\nbucket = lab-runs-archive\naws_access_key_id = %(aws_id)s\naws_secret_access_key = %(aws_secret)s""",
 "AWS access key pair in a science lab's data export config"),
("""{"integration":"slack","workspace":"northwind-hr","user_token":"%(slack)s","post_new_hires_to":"#welcome"}""",
 "Slack user token in an HR tool integration"),
("""Ticket LOG-3310: EDI partner can't connect over SFTP. Here's the key we configured, maybe it's the wrong format?\n\n%(pem)s""",
 "RSA private key pasted into a logistics support ticket"),
("""[page 1 of invoice_0618.pdf - read by AP assistant]\nDe Vries Installatietechniek B.V.\nTe betalen: € 2.340,00 binnen 14 dagen\nIBAN: %(iban_nl)s t.n.v. De Vries Installatietechniek""",
 "Dutch IBAN in an invoice read by an AP assistant"),
("""Umowa najmu lokalu - czynsz płatny do 10. dnia miesiąca na rachunek %(iban_pl)s, Wynajmujący: Tomasz Wróbel.""",
 "Polish IBAN in a rental contract"),
("""{"refund_request":{"order":"AT-55102","reason":"Ware beschädigt","iban":"%(iban_at)s","kontoinhaber":"Sabine Gruber"}}""",
 "Austrian IBAN without spaces in a refund request"),
("""Special requests: anniversary trip, please add champagne to the room and charge it to the Amex on file %(amex)s (CID 4417). Thanks! - Raymond""",
 "Amex number in a hotel booking special request"),
("""2024-06-14 21:07:33 POS-2 WARN tip_adjust failed table=12 pan=%(disc)s auth=058812 server=Lucia""",
 "Discover card number in a restaurant POS log line"),
("""email,first_name,last_name,signup_source\nnora.whitfield@example.org,Nora,Whitfield,checkout\nbasil.oyelaran@example.net,Basil,Oyelaran,footer\nmagda.ferenc@example.com,Magda,Ferenc,popup""",
 "email addresses in a newsletter subscriber CSV export"),
("""お届け先：大阪府大阪市北区 1-2-3 サンプルマンション 502 小林健太様　電話番号：%(jp_phone)s　置き配希望""",
 "Japanese mobile number in a delivery form"),
("""Contrato de arrendamiento - Arrendatario: Oleksandr Havryliuk, NIE %(nie)s, con domicilio en Valencia. Fianza: dos mensualidades.""",
 "Spanish NIE in a rental contract"),
("""Customer callback request\nName: Aiden Castellanos\nBest number: %(ca_phone)s\nTopic: dispute on card ending in 4471 - wants a call after 5pm PT""",
 "Canadian phone number in a bank callback request"),
("""{"checkout":{"name":"Priyanka Menon","phone":"%(uk_land)s","card":{"number":"%(mc2)s","exp":"02/29","cvc":"913"}}}""",
 "UK landline and 2-series Mastercard in a checkout JSON"),
("""Hi Dr. Abernathy, my husband's SSN for the insurance form is %(ssn5)s and mine is on file already. - Corinne Pell""",
 "SSN in a patient portal message to a doctor"),
("""To: accounts@example.com\nSubject: Payment details updated\n\nPlease pay future invoices to IBAN %(iban_de2)s (Volksbank). Questions: call %(us_phone3)s.""",
 "IBAN and phone in an accounts-payable email"),
("""Player report #8812: user 'NightOwl' posted our studio's AWS key in guild chat: %(aws_id2)s - please rotate it ASAP""",
 "AWS access key id pasted into a game moderation report"),
]

V["ssn5"] = ssn()
V["iban_de2"] = iban("DE", rd(8) + rd(10))
V["us_phone3"] = f"(646) 555-01{R.randint(0, 99):02d}"
V["aws_id2"] = "AKIA" + rd(16, UP + "234567")
V["us_phone_q"] = V["us_phone"].replace("(", "%28").replace(")", "%29").replace(" ", "+")
assert iban_ok(V["iban_de2"])

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "pii.jsonl"), "w", encoding="utf-8") as f:
    for tmpl, note in LINES:
        f.write(json.dumps({"text": tmpl % V, "label": "pii", "note": note}, ensure_ascii=False) + "\n")
print(len(LINES), "lines written")

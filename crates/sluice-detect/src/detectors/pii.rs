//! Personal data and secrets.
//!
//! Every hit covers exactly the sensitive span (the address, the number,
//! the token, the value of a `password=` assignment without its key), so
//! that redaction can replace `start..end` and leave the rest readable.
//!
//! Numbers are validated rather than matched by shape alone: cards need
//! 13-19 digits in a card grouping, a Luhn check and a known issuer prefix;
//! SSNs exclude the area, group and serial numbers never issued; IBANs need
//! the right length for their country and a mod-97 check; phone numbers need
//! a leading `+` with 8-15 digits, the North American 3-3-4 grouping or a
//! national trunk `0` with grouped digits, and are never dates, versions or
//! dotted quads. A number after `order`, `invoice`, `ref` or `tracking` is
//! not a phone number.
//!
//! Secrets are found by their published prefixes (`AKIA`, `ghp_`,
//! `github_pat_`, `xoxb-`, `AIza`, `sk_live_`, `eyJ` JWTs whose header
//! decodes to JSON, PEM private-key blocks) and by `key = value` assignments
//! whose key names a secret and whose value looks random enough to be one.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::finding::{Category, Hit, RuleInfo, Severity};

const fn rule(id: &'static str, severity: Severity, description: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        category: Category::Pii,
        severity,
        description,
    }
}

/// Built-in PII and secret rules.
pub(crate) static RULES: &[RuleInfo] = &[
    rule("pii-email", Severity::Medium, "E-mail address"),
    rule(
        "pii-phone",
        Severity::Medium,
        "Phone number (E.164 or a common national format)",
    ),
    rule(
        "pii-card",
        Severity::High,
        "Payment card number (Luhn-valid, known issuer prefix)",
    ),
    rule("pii-ssn", Severity::High, "US Social Security number"),
    rule(
        "pii-iban",
        Severity::High,
        "International bank account number (mod-97 valid)",
    ),
    rule("pii-aws-key", Severity::Critical, "AWS access key id"),
    rule(
        "pii-aws-secret",
        Severity::Critical,
        "AWS secret access key next to its key name",
    ),
    rule(
        "pii-github-token",
        Severity::Critical,
        "GitHub token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)",
    ),
    rule(
        "pii-slack-token",
        Severity::Critical,
        "Slack token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xapp-) or webhook URL",
    ),
    rule(
        "pii-google-api-key",
        Severity::High,
        "Google API key (AIza...)",
    ),
    rule(
        "pii-stripe-key",
        Severity::Critical,
        "Stripe secret or restricted key (sk_live_, rk_live_, sk_test_)",
    ),
    rule(
        "pii-jwt",
        Severity::High,
        "JSON Web Token (three base64url parts, JSON header)",
    ),
    rule(
        "pii-private-key",
        Severity::Critical,
        "PEM private-key block (-----BEGIN ... PRIVATE KEY-----)",
    ),
    rule(
        "pii-secret-assignment",
        Severity::High,
        "Random-looking value assigned to a password, secret, token or API key",
    ),
    rule(
        "pii-api-token",
        Severity::Critical,
        "Other well-known API token (OpenAI sk-, GitLab glpat-, npm npm_, Google OAuth ya29., SendGrid SG., Hugging Face, Shopify, DigitalOcean, PyPI, Vault, Grafana, Linear, Postman, Databricks)",
    ),
    rule(
        "pii-uk-nino",
        Severity::High,
        "UK National Insurance number (valid prefix letters, suffix A-D)",
    ),
    rule(
        "pii-national-id",
        Severity::High,
        "National id with a valid check (Canada SIN, Spain DNI/NIE, Netherlands BSN, Brazil CPF, India Aadhaar, France NIR)",
    ),
    rule(
        "pii-azure-sas",
        Severity::Critical,
        "Azure shared access signature (sv=... with its sig=)",
    ),
];

const R_EMAIL: usize = 0;
const R_PHONE: usize = 1;
const R_CARD: usize = 2;
const R_SSN: usize = 3;
const R_IBAN: usize = 4;
const R_AWS_KEY: usize = 5;
const R_AWS_SECRET: usize = 6;
const R_GITHUB: usize = 7;
const R_SLACK: usize = 8;
const R_GOOGLE: usize = 9;
const R_STRIPE: usize = 10;
const R_JWT: usize = 11;
const R_PEM: usize = 12;
const R_ASSIGN: usize = 13;
const R_TOKEN: usize = 14;
const R_NINO: usize = 15;
const R_NATID: usize = 16;
const R_SAS: usize = 17;

fn push(hits: &mut Vec<Hit>, rule: usize, start: usize, end: usize) {
    // Every caller stops on ASCII bytes, so the offsets are char boundaries.
    if end > start {
        hits.push(Hit {
            rule: &RULES[rule],
            start,
            end,
        });
    }
}

fn is_alnum(b: Option<&u8>) -> bool {
    b.is_some_and(|x| x.is_ascii_alphanumeric())
}

// ===== e-mail =====

/// File extensions that follow `@2x` in asset names and are not TLDs.
const NOT_TLDS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "ts", "json", "map", "txt", "pdf",
    "ico", "bmp", "tiff", "mp4", "mp3", "wav", "zip", "gz", "tar", "md", "html", "htm", "xml",
    "yaml", "yml", "toml", "lock", "rs", "py", "go", "rb", "java", "kt", "swift", "exe", "dll",
];

fn scan_emails(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let local_ok =
        |x: u8| x.is_ascii_alphanumeric() || matches!(x, b'.' | b'_' | b'%' | b'+' | b'-');
    let dom_ok = |x: u8| x.is_ascii_alphanumeric() || matches!(x, b'.' | b'-');
    let mut last_end = 0;
    for at in memchr::memchr_iter(b'@', b) {
        if at < last_end {
            continue;
        }
        let mut s = at;
        while s > 0 && at - s < 64 && local_ok(b[s - 1]) {
            s -= 1;
        }
        while s < at && matches!(b[s], b'.' | b'-' | b'+') {
            s += 1;
        }
        if s == at {
            continue;
        }
        let mut e = at + 1;
        while e < b.len() && e - at < 255 && dom_ok(b[e]) {
            e += 1;
        }
        while e > at + 1 && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        let domain = &text[at + 1..e];
        let Some((_, tld)) = domain.rsplit_once('.') else {
            continue;
        };
        let labels_ok = domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-'));
        let tld_ok = tld.len() >= 2
            && tld.len() <= 24
            && tld.bytes().all(|x| x.is_ascii_alphabetic())
            && !NOT_TLDS.iter().any(|n| tld.eq_ignore_ascii_case(n));
        if labels_ok && tld_ok {
            push(hits, R_EMAIL, s, e);
            last_end = e;
        }
    }
}

/// Where an address is written out to dodge harvesters: `jane [at] example
/// [dot] org`, `m.costa(at)uni-lisboa(dot)pt`, `jonas dot weber at posteo
/// dot de`.
static SPELLED_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build([
            " at ", "(at)", "[at]", "{at}", "<at>", "( at )", "[ at ]", "{ at }", " @ ",
        ])
        .expect("static patterns")
});

/// Bracketed or spelled-out dot at `i` (blanks around it allowed): returns its end.
fn dot_marker_after(b: &[u8], i: usize) -> Option<usize> {
    let j = i + run(b, i, 2, |x| x == b' ');
    for m in [
        &b"(dot)"[..],
        b"[dot]",
        b"{dot}",
        b"<dot>",
        b"( dot )",
        b"[ dot ]",
        b"[.]",
        b"(.)",
    ] {
        if b.len() >= j + m.len() && b[j..j + m.len()].eq_ignore_ascii_case(m) {
            let e = j + m.len();
            return Some(e + run(b, e, 2, |x| x == b' '));
        }
    }
    // A bare word needs a blank on each side: `posteo dot de`.
    if j > i && b.len() >= j + 4 && b[j..j + 3].eq_ignore_ascii_case(b"dot") && b[j + 3] == b' ' {
        return Some(j + 4);
    }
    None
}

/// The same, ending at `i`: returns its start.
fn dot_marker_before(b: &[u8], i: usize) -> Option<usize> {
    let j = i - b[..i]
        .iter()
        .rev()
        .take(2)
        .take_while(|&&x| x == b' ')
        .count();
    for m in [&b"(dot)"[..], b"[dot]", b"{dot}", b"<dot>", b"[.]", b"(.)"] {
        if j >= m.len() && b[j - m.len()..j].eq_ignore_ascii_case(m) {
            let s = j - m.len();
            return Some(
                s - b[..s]
                    .iter()
                    .rev()
                    .take(2)
                    .take_while(|&&x| x == b' ')
                    .count(),
            );
        }
    }
    if j < i && j >= 4 && b[j - 3..j].eq_ignore_ascii_case(b"dot") && b[j - 4] == b' ' {
        return Some(j - 4);
    }
    None
}

/// Words that stand before "at" in prose, never as an address's user.
const NOT_USERS: &[&str] = &[
    "us",
    "me",
    "him",
    "her",
    "them",
    "it",
    "look",
    "looking",
    "meet",
    "work",
    "works",
    "stay",
    "arrive",
    "be",
    "is",
    "are",
    "was",
    "here",
    "there",
    "reach",
    "find",
    "available",
    "call",
    "email",
    "mail",
    "write",
    "contact",
    "out",
    "up",
    "back",
    "home",
    "site",
    "live",
    "lives",
];

/// What every written-out address holds: a spelled or bracketed dot, or a
/// bracketed at. Searched first so that prose full of " at " costs one pass
/// of a packed searcher.
static SPELLED_GATE: LazyLock<Option<aho_corasick::packed::Searcher>> = LazyLock::new(|| {
    let mut b = aho_corasick::packed::Config::new().builder();
    for p in [
        "dot", "DOT", "Dot", "(at", "[at", "{at", "<at", "(AT", "[AT", "{AT", "( at", "[ at",
    ] {
        b.add(p);
    }
    b.build()
});

fn scan_spelled_emails(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let Some(gate) = SPELLED_GATE.as_ref() else {
        return;
    };
    // Only the text around a gate match is searched for the at: an address
    // spans well under 160 bytes on either side of its dot.
    let mut done = 0;
    let mut at = 0;
    while let Some(g) = gate.find_in(b, aho_corasick::Span::from(at..b.len())) {
        let mut lo = g.start().saturating_sub(160).max(done);
        let mut hi = (g.end() + 160).min(b.len());
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        at = hi.max(g.end());
        if lo < hi {
            spelled_in(text, lo, hi, hits);
        }
        done = hi.saturating_sub(16);
        if at >= b.len() {
            break;
        }
    }
}

fn spelled_in(text: &str, lo: usize, hi: usize, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let label = |x: u8| x.is_ascii_alphanumeric() || matches!(x, b'_' | b'%' | b'+' | b'-');
    for m in SPELLED_AC.find_iter(&text[lo..hi]) {
        let m = aho_corasick::Match::new(m.pattern(), lo + m.start()..lo + m.end());
        let bracketed = !matches!(m.end() - m.start(), 3 | 4) || b[m.start()] != b' ';
        // The user: labels joined by `.` or spelled dots, right before the marker.
        let mut s = m.start();
        while s > 0 && b[s - 1] == b' ' {
            s -= 1;
        }
        let user_end = s;
        loop {
            let n = b[..s]
                .iter()
                .rev()
                .take(64)
                .take_while(|&&x| label(x) || x == b'.')
                .count();
            if n == 0 {
                break;
            }
            s -= n;
            match dot_marker_before(b, s) {
                Some(d) if d > 0 && label(b[d - 1]) => s = d,
                _ => break,
            }
        }
        while s < user_end && matches!(b[s], b'.' | b'-' | b'+') {
            s += 1;
        }
        if s == user_end {
            continue;
        }
        let user = &text[s..user_end];
        if !bracketed && NOT_USERS.iter().any(|w| user.eq_ignore_ascii_case(w)) {
            continue;
        }
        // The domain: labels joined by `.` or spelled dots, at least two.
        let mut e = m.end();
        while e < b.len() && b[e] == b' ' {
            e += 1;
        }
        let mut labels = 0;
        let mut spelled = false;
        let mut last = (e, e);
        loop {
            let n = run(b, e, 63, |x| x.is_ascii_alphanumeric() || x == b'-');
            if n == 0 {
                break;
            }
            last = (e, e + n);
            labels += 1;
            e += n;
            if b.get(e) == Some(&b'.') && is_alnum(b.get(e + 1)) {
                e += 1;
            } else if let Some(d) = dot_marker_after(b, e)
                && is_alnum(b.get(d))
            {
                spelled = true;
                e = d;
            } else {
                break;
            }
        }
        let tld = &text[last.0..last.1];
        let tld_ok = (2..=24).contains(&tld.len())
            && tld.bytes().all(|x| x.is_ascii_alphabetic())
            && !NOT_TLDS.iter().any(|n| tld.eq_ignore_ascii_case(n));
        if labels >= 2 && tld_ok && (bracketed || spelled) {
            push(hits, R_EMAIL, s, last.1);
        }
    }
}

// ===== numbers =====

fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(*d - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

fn card_iin(d: &[u8]) -> bool {
    let n = |k: usize| -> u32 {
        d[..k]
            .iter()
            .fold(0u32, |acc, x| acc * 10 + u32::from(x - b'0'))
    };
    let len = d.len();
    match d[0] {
        b'4' => matches!(len, 13 | 16 | 19),
        b'5' => (51..=55).contains(&n(2)) && len == 16 || (56..=59).contains(&n(2)) && len >= 12,
        b'2' => (2221..=2720).contains(&n(4)) && len == 16,
        b'3' => {
            (matches!(n(2), 34 | 37) && len == 15)
                || (n(2) == 35 && (16..=19).contains(&len))
                || ((300..=305).contains(&n(3)) || matches!(n(2), 36 | 38 | 39))
                    && (14..=19).contains(&len)
        }
        b'6' => {
            (n(4) == 6011
                || n(2) == 65
                || (644..=649).contains(&n(3))
                || n(2) == 62
                || n(2) == 67
                || n(2) == 63)
                && (16..=19).contains(&len)
        }
        _ => false,
    }
}

/// Keywords before a number that make it an identifier, not a phone number.
const ID_WORDS: &[&str] = &[
    "order",
    "invoice",
    "ref",
    "reference",
    "tracking",
    "shipment",
    "parcel",
    "package",
    "consignment",
    "awb",
    "waybill",
    "ticket",
    "isbn",
    "id",
    "serial",
    "account no",
    "case",
    "build",
    "version",
    "po",
    "sku",
    "item",
    "part",
    "#",
    "no.",
    "nr",
];

fn preceded_by_id_word(text: &str, s: usize) -> bool {
    let lo = s.saturating_sub(48);
    let mut lo = lo;
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut head = text[lo..s].trim_end_matches([' ', ':', '=', '"', '\'', '\t']);
    // The number may be the tail of a code written in groups: `tracking
    // 1Z 999 AA1 01 2345 6784`. Step back over its leading groups (letters
    // and digits, a digit in each); a UPS `1Z` group names it outright.
    for _ in 0..5 {
        let Some((rest, tok)) = head.rsplit_once(' ') else {
            break;
        };
        let code = tok.len() <= 8
            && tok.bytes().any(|c| c.is_ascii_digit())
            && tok
                .bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if !code {
            break;
        }
        if tok.starts_with("1Z") {
            return true;
        }
        head = rest.trim_end_matches([' ', '\t']);
    }
    let head = head.to_ascii_lowercase();
    let head = head.trim_end_matches([' ', ':', '=', '"', '\'', '\t']);
    // "Part number 0800-...", "order no. 555-...": the id word comes before
    // the word for number; "phone number" keeps its phone.
    let head = ["number", "num", "nummer", "numero", "número"]
        .iter()
        .find_map(|n| head.strip_suffix(n))
        .map_or(head, |h| h.trim_end_matches([' ', '-', '_']));
    ID_WORDS.iter().any(|w| {
        head.ends_with(w)
            && (w.len() == 1
                || head.len() == w.len()
                || !head.as_bytes()[head.len() - w.len() - 1].is_ascii_alphabetic())
    })
}

/// Whether the few words before `s` name a US Social Security number
/// (`ssn=`, `SSN:`, `social security no.`, `my social is`).
fn ssn_context(text: &str, s: usize) -> bool {
    let mut lo = s.saturating_sub(32);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let head = text[lo..s].to_ascii_lowercase();
    let h = head.as_bytes();
    let word_at = |w: &[u8]| {
        memchr::memmem::find_iter(h, w).any(|p| {
            (p == 0 || !h[p - 1].is_ascii_alphabetic())
                && h.get(p + w.len())
                    .is_none_or(|c| !c.is_ascii_alphabetic() || *c == b's')
        })
    };
    word_at(b"ssn") || word_at(b"social")
}

/// A UK National Insurance number whose first digit is at `d`: two prefix
/// letters (HMRC never issues D, F, I, Q, U, V in either place, O second,
/// nor BG, GB, KN, NK, NT, TN, ZZ), six digits in optional pairs, a suffix
/// A-D. Returns its start and end.
fn nino_at(b: &[u8], d: usize) -> Option<(usize, usize)> {
    let ls = if b[d - 1] == b' ' {
        d.checked_sub(3)?
    } else {
        d - 2
    };
    let (l1, l2) = (b[ls], b[ls + 1]);
    if (ls > 0 && b[ls - 1].is_ascii_alphanumeric())
        || !l1.is_ascii_uppercase()
        || !l2.is_ascii_uppercase()
        || b"DFIQUV".contains(&l1)
        || b"DFIOQUV".contains(&l2)
        || [b"BG", b"GB", b"KN", b"NK", b"NT", b"TN", b"ZZ"].contains(&&[l1, l2])
    {
        return None;
    }
    let mut i = d;
    for pair in 0..3 {
        if pair > 0 && b.get(i) == Some(&b' ') {
            i += 1;
        }
        if !(b.get(i)?.is_ascii_digit() && b.get(i + 1)?.is_ascii_digit()) {
            return None;
        }
        i += 2;
    }
    if b.get(i) == Some(&b' ') {
        i += 1;
    }
    if !matches!(b.get(i), Some(b'A'..=b'D')) || is_alnum(b.get(i + 1)) {
        return None;
    }
    Some((ls, i + 1))
}

// ===== national ids =====

/// Whether one of `words` ends a word within the 40 bytes before `s`
/// (`SIN 489-431-924`, `"bsn": "..."`, `n° de sécu`).
fn id_context(text: &str, s: usize, words: &[&str]) -> bool {
    let mut lo = s.saturating_sub(40);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let head = text[lo..s].to_lowercase();
    let h = head.as_bytes();
    words.iter().any(|w| {
        memchr::memmem::find_iter(h, w.as_bytes()).any(|p| {
            (p == 0 || !h[p - 1].is_ascii_alphabetic())
                && h.get(p + w.len()).is_none_or(|c| !c.is_ascii_alphabetic())
        })
    })
}

const SIN_WORDS: &[&str] = &["sin", "social insurance", "nas", "assurance sociale"];
const DNI_WORDS: &[&str] = &["dni", "nie", "nif", "documento", "d.n.i"];
const BSN_WORDS: &[&str] = &["bsn", "burgerservicenummer", "sofinummer", "sofi"];
const CPF_WORDS: &[&str] = &["cpf"];
const AADHAAR_WORDS: &[&str] = &["aadhaar", "aadhar", "uidai", "uid", "आधार"];
const NIR_WORDS: &[&str] = &[
    "nir",
    "sécu",
    "secu",
    "sécurité sociale",
    "securite sociale",
    "insee",
    "carte vitale",
];

/// Spain's DNI/NIE check letter for the number.
fn dni_letter(n: u32) -> u8 {
    b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize]
}

fn digits_value(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |a, x| a * 10 + u64::from(x - b'0'))
}

/// Netherlands BSN "11-proof": weights 9..2 and -1.
fn bsn_ok(d: &[u8]) -> bool {
    if d.len() != 9 || d.iter().all(|&x| x == b'0') {
        return false;
    }
    let mut sum: i32 = 0;
    for (k, &x) in d[..8].iter().enumerate() {
        sum += (9 - k as i32) * i32::from(x - b'0');
    }
    sum -= i32::from(d[8] - b'0');
    sum % 11 == 0
}

/// Brazil CPF: two mod-11 check digits; repeated digits are never issued.
fn cpf_ok(d: &[u8]) -> bool {
    if d.len() != 11 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let check = |n: usize| {
        let sum: u32 = d[..n]
            .iter()
            .enumerate()
            .map(|(k, &x)| (n as u32 + 1 - k as u32) * u32::from(x - b'0'))
            .sum();
        let r = sum * 10 % 11;
        (if r == 10 { 0 } else { r }) == u32::from(d[n] - b'0')
    };
    check(9) && check(10)
}

/// India Aadhaar: twelve digits, never starting with 0 or 1, Verhoeff check.
fn aadhaar_ok(d: &[u8]) -> bool {
    const M: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    if d.len() != 12 || d[0] < b'2' {
        return false;
    }
    let mut c = 0u8;
    for (k, &x) in d.iter().rev().enumerate() {
        c = M[c as usize][P[k % 8][(x - b'0') as usize] as usize];
    }
    c == 0
}

/// France NIR: sex digit, year, month, place, order, then the key
/// `97 - (first 13 digits mod 97)`.
fn nir_ok(d: &[u8]) -> bool {
    if d.len() != 15 || !matches!(d[0], b'1' | b'2' | b'3' | b'4' | b'7' | b'8') {
        return false;
    }
    let month = digits_value(&d[3..5]);
    if !((1..=12).contains(&month) || (20..=99).contains(&month)) {
        return false;
    }
    97 - digits_value(&d[..13]) % 97 == digits_value(&d[13..])
}

/// A national id among the digits of the number at `s`, by its check
/// digits and its usual grouping; groupings shared with order numbers and
/// phone numbers also need the id's name in front.
fn national_id(text: &str, s: usize, digits: &[u8], lens: &[usize], seps: &[u8]) -> bool {
    let uniform = seps
        .iter()
        .all(|&c| seps.first() == Some(&c) && matches!(c, b' ' | b'-'));
    match digits.len() {
        9 => {
            let grouped = lens == [9] || (uniform && lens == [3, 3, 3]);
            (grouped
                && !matches!(digits[0], b'0' | b'8')
                && luhn(digits)
                && id_context(text, s, SIN_WORDS))
                || ((lens == [9] || (lens == [4, 2, 3] && seps.iter().all(|&c| c == b'.')))
                    && bsn_ok(digits)
                    && id_context(text, s, BSN_WORDS))
        }
        11 => {
            let formatted = lens == [3, 3, 3, 2] && seps == &b"..-"[..];
            cpf_ok(digits) && (formatted || (lens == [11] && id_context(text, s, CPF_WORDS)))
        }
        12 => {
            (lens == [12] || (uniform && lens == [4, 4, 4]))
                && aadhaar_ok(digits)
                && id_context(text, s, AADHAAR_WORDS)
        }
        15 => {
            let spaced = lens == [1, 2, 2, 2, 3, 3, 2] && seps.iter().all(|&c| c == b' ');
            nir_ok(digits)
                && (spaced || ((lens == [15] || lens == [13, 2]) && id_context(text, s, NIR_WORDS)))
        }
        _ => false,
    }
}

/// A Spanish DNI (eight digits at `s`) or NIE (`X`, `Y` or `Z` at `s`,
/// then seven digits) with its check letter, optionally after `-` or a
/// blank, where the text names the document. Returns the end.
fn spanish_id(text: &str, s: usize) -> Option<usize> {
    let b = text.as_bytes();
    if s > 0 && b[s - 1].is_ascii_alphanumeric() {
        return None;
    }
    let (lead, first) = match b[s] {
        b'X' => (0, s + 1),
        b'Y' => (1, s + 1),
        b'Z' => (2, s + 1),
        _ => (0, s),
    };
    let n = run(b, first, 9, |x| x.is_ascii_digit());
    if n != 8 - (first - s) {
        return None;
    }
    let mut l = first + n;
    if matches!(b.get(l), Some(b'-' | b' ')) {
        l += 1;
    }
    let letter = *b.get(l)?;
    if !letter.is_ascii_uppercase() || is_alnum(b.get(l + 1)) {
        return None;
    }
    let num = lead * 10_000_000 + digits_value(&b[first..first + n]) as u32;
    (dni_letter(num) == letter && id_context(text, s, DNI_WORDS)).then_some(l + 1)
}

fn is_date_like(groups: &[&str], seps: &[u8]) -> bool {
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    if lens.len() < 3 || seps.len() < 2 {
        return false;
    }
    // 2024-03-15, 15.03.2024, 03/15/24, optionally followed by " 10" (an hour).
    let dated = seps[0] == seps[1] && matches!(seps[0], b'-' | b'.' | b'/');
    let ends = lens.len() == 3 || seps.get(2) == Some(&b' ');
    dated
        && ends
        && ((lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2)
            || (lens[0] <= 2 && lens[1] <= 2 && (lens[2] == 4 || lens[2] == 2)))
}

/// The position of the first ASCII digit at or after `i` (`b.len()` when
/// there is none). Blocks without a digit are skipped whole: the test over
/// a block has no early exit, so it compiles to vector code, and prose
/// holds few digits.
fn next_digit(b: &[u8], mut i: usize) -> usize {
    const BLOCK: usize = 32;
    while i + BLOCK <= b.len() {
        let any = b[i..i + BLOCK]
            .iter()
            .fold(false, |acc, &x| acc | (x.wrapping_sub(b'0') < 10));
        if any {
            break;
        }
        i += BLOCK;
    }
    b[i.min(b.len())..]
        .iter()
        .position(u8::is_ascii_digit)
        .map_or(b.len(), |p| i + p)
}

fn scan_numbers(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let starts = x.is_ascii_digit()
            || ((x == b'+' || x == b'(') && i + 1 < b.len() && b[i + 1].is_ascii_digit());
        if !starts {
            // Every number holds a digit: jump to the next one, or to the
            // `+` or `(` right before it.
            let d = next_digit(b, i + 1);
            i = if d > i + 1 && matches!(b[d - 1], b'+' | b'(') {
                d - 1
            } else {
                d
            };
            continue;
        }
        if x.is_ascii_digit()
            && i >= 2
            && b[i - 1].is_ascii_uppercase()
            && b[i - 2].is_ascii_uppercase()
            && let Some(e) = iban_at(b, i - 2)
        {
            push(hits, R_IBAN, i - 2, e);
            i = e;
            continue;
        }
        if x.is_ascii_digit()
            && i >= 2
            && b[i - 1].is_ascii_uppercase() | (b[i - 1] == b' ')
            && let Some((ns, e)) = nino_at(b, i)
        {
            push(hits, R_NINO, ns, e);
            i = e;
            continue;
        }
        let prev = i.checked_sub(1).map(|k| b[k]);
        let glued = prev.is_some_and(|p| {
            p.is_ascii_alphanumeric()
                || matches!(p, b'_' | b'.' | b'/' | b'-' | b'$' | b'#' | b'@' | b'%')
        });
        if glued
            && matches!(prev, Some(b'X' | b'Y' | b'Z'))
            && let Some(end) = spanish_id(text, i - 1)
        {
            push(hits, R_NATID, i - 1, end);
            i = end;
            continue;
        }
        if glued {
            // Part of an identifier, amount or version: skip the rest of the run.
            i += 1;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'-' | b'_'))
            {
                i += 1;
            }
            continue;
        }
        // Consume digits and single separators.
        let s = i;
        let mut e = i;
        let mut j = i;
        let mut last_sep = true;
        while j < b.len() && j - s < 40 {
            let y = b[j];
            if y.is_ascii_digit() {
                last_sep = false;
                j += 1;
                e = j;
            } else if matches!(y, b' ' | b'-' | b'.' | b'(' | b')' | b'/') || (y == b'+' && j == s)
            {
                // Irregular spacing between groups (`4700  5747  6363`):
                // up to three blanks in a row still separate one number.
                let blanks = y == b' ' && j >= s + 2 && b[j - 1] == b' ' && {
                    let mut k = j;
                    while k > s && b[k - 1] == b' ' {
                        k -= 1;
                    }
                    j - k < 3 && b[k - 1].is_ascii_digit()
                };
                if last_sep
                    && !blanks
                    && !(y == b' ' && j > 0 && b[j - 1] == b')')
                    && !(y == b'(' && j > 0 && b[j - 1] == b' ')
                    && j != s
                {
                    break;
                }
                last_sep = true;
                j += 1;
            } else {
                break;
            }
        }
        if e - s == 8
            && let Some(end) = spanish_id(text, s)
        {
            push(hits, R_NATID, s, end);
            i = end;
            continue;
        }
        // Right boundary: `123abc`, `1.2.3-beta` are not numbers we handle.
        let next = b.get(e);
        let bad_right = next.is_some_and(|n| n.is_ascii_alphabetic() || *n == b'_')
            || (next == Some(&b'.') && is_alnum(b.get(e + 1)))
            || (next == Some(&b'-') && is_alnum(b.get(e + 1)));
        if e > s && !bad_right {
            classify_number(text, s, e, hits);
        }
        i = e.max(s + 1);
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
    }
}

fn classify_number(text: &str, s: usize, e: usize, hits: &mut Vec<Hit>) {
    let cand = &text[s..e];
    let b = cand.as_bytes();
    if b.iter().filter(|x| x.is_ascii_digit()).count() < 7 {
        return;
    }
    let digits: Vec<u8> = b.iter().copied().filter(u8::is_ascii_digit).collect();
    let n = digits.len();
    if n < 7 {
        return;
    }
    let plus = b[0] == b'+';
    let seps: Vec<u8> = b
        .iter()
        .copied()
        .filter(|c| !c.is_ascii_digit() && *c != b'+')
        .collect();
    let groups: Vec<&str> = cand
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();

    // SSN: AAA-GG-SSSS.
    if lens == [3, 2, 4] && seps.iter().all(|&c| c == b'-') && seps.len() == 2 && !plus {
        let area = &groups[0];
        if *area != "000"
            && *area != "666"
            && !area.starts_with('9')
            && groups[1] != "00"
            && groups[2] != "0000"
        {
            push(hits, R_SSN, s, e);
        }
        return;
    }
    if !plus && national_id(text, s, &digits, &lens, &seps) {
        push(hits, R_NATID, s, e);
        return;
    }
    // SSN without dashes (`536221234`, `512 44 9876`) only where the text
    // says it is one: nine digits alone are as often an order or account.
    if n == 9
        && !plus
        && (seps.is_empty() || (lens == [3, 2, 4] && seps.iter().all(|&c| c == b' ' || c == b'.')))
        && ssn_context(text, s)
    {
        let (area, group, serial) = (&digits[..3], &digits[3..5], &digits[5..]);
        if area != b"000"
            && area != b"666"
            && area[0] != b'9'
            && group != b"00"
            && serial != b"0000"
        {
            push(hits, R_SSN, s, e);
            return;
        }
    }
    // Cards.
    if (13..=19).contains(&n) && !plus {
        let uniform = seps.is_empty()
            || (seps.iter().all(|&c| c == seps[0]) && matches!(seps[0], b' ' | b'-' | b'.'));
        let grouping = seps.is_empty()
            || (lens[..lens.len() - 1].iter().all(|&l| l == 4) && lens[lens.len() - 1] <= 4)
            || lens == [4, 6, 5]
            || lens == [4, 6, 4];
        if uniform && grouping && card_iin(&digits) && luhn(&digits) {
            push(hits, R_CARD, s, e);
            return;
        }
    }
    if preceded_by_id_word(text, s) || cand.contains("  ") {
        // Irregular blanks are tolerated for cards only: columns of numbers
        // in a table are no phone number.
        return;
    }
    if !plus && is_date_like(&groups, &seps) {
        return;
    }
    // Dotted quads and versions.
    if seps.iter().all(|&c| c == b'.') && lens.len() >= 3 && lens.iter().all(|&l| l <= 3) {
        return;
    }
    let mixed = {
        let mut kinds: Vec<u8> = seps
            .iter()
            .copied()
            .filter(|c| !matches!(c, b'(' | b')'))
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds.len() > 1 && !(kinds.len() == 2 && kinds.contains(&b' ') && kinds.contains(&b'-'))
    };
    if mixed || seps.contains(&b'/') {
        return;
    }
    let phone = if plus {
        (8..=15).contains(&n) && (seps.is_empty() || lens[0] <= 4) && (!seps.is_empty() || n >= 10)
    } else {
        let paren = b[0] == b'(';
        let nanp = (n == 10 && (lens == [3, 3, 4]) && (paren || !seps.is_empty()))
            || (n == 11 && digits[0] == b'1' && lens == [1, 3, 3, 4]);
        let trunk = digits[0] == b'0'
            && digits.get(1).is_some_and(|d| *d != b'0')
            && (9..=12).contains(&n)
            && !seps.is_empty()
            && lens.iter().all(|&l| (2..=8).contains(&l))
            && lens.len() >= 2;
        nanp || trunk
    };
    if phone {
        push(hits, R_PHONE, s, e);
    }
}

// ===== IBAN =====

const IBAN_LEN: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NL", 18),
    (b"NO", 15),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"SA", 24),
    (b"SC", 31),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
];

/// Validates an IBAN starting at `s` (its country code); returns its end.
fn iban_at(b: &[u8], s: usize) -> Option<usize> {
    if s > 0 && b[s - 1].is_ascii_alphanumeric() {
        return None;
    }
    let cc = [b[s], b[s + 1]];
    let len = IBAN_LEN.iter().find(|(c, _)| **c == cc)?.1;
    let mut chars = Vec::with_capacity(len);
    let mut j = s;
    let mut end = s;
    while j < b.len() && chars.len() < len {
        let x = b[j];
        if x.is_ascii_digit() || x.is_ascii_uppercase() {
            chars.push(x);
            j += 1;
            end = j;
        } else if x == b' '
            && j + 1 < b.len()
            && b[j + 1].is_ascii_alphanumeric()
            && chars.len() >= 4
        {
            j += 1;
        } else {
            break;
        }
    }
    if chars.len() != len || is_alnum(b.get(end)) {
        return None;
    }
    if !chars[2].is_ascii_digit() || !chars[3].is_ascii_digit() {
        return None;
    }
    // Move the first four characters to the end, letters become 10..35.
    let mut rem = 0u32;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        if c.is_ascii_digit() {
            rem = (rem * 10 + u32::from(c - b'0')) % 97;
        } else {
            rem = (rem * 100 + u32::from(c - b'A' + 10)) % 97;
        }
    }
    (rem == 1).then_some(end)
}

// ===== secrets =====

#[derive(Clone, Copy)]
enum P {
    Aws,
    Github,
    GithubPat,
    Slack,
    SlackHook,
    Google,
    Stripe,
    Jwt,
    Pem,
    OpenAi,
    Gitlab,
    Npm,
    GoogleOAuth,
    SendGrid,
    /// Another vendor token: its prefix, then a body of the length and
    /// alphabet in [`TOKEN_BODIES`].
    Token(u8),
    AzureSas,
}

/// Body of a vendor token after its prefix: fewest and most bytes, and
/// whether only lower-case hex digits may appear.
#[derive(Clone, Copy)]
struct Body {
    min: usize,
    max: usize,
    hex: bool,
}

const TOKEN_BODIES: &[Body] = &[
    // 0: Hugging Face `hf_` + 34 letters.
    Body {
        min: 30,
        max: 40,
        hex: false,
    },
    // 1: Shopify `shpat_`, `shpss_`, `shpca_`, `shppa_` + 32 hex.
    Body {
        min: 32,
        max: 32,
        hex: true,
    },
    // 2: DigitalOcean `dop_v1_`, `doo_v1_` + 64 hex.
    Body {
        min: 64,
        max: 64,
        hex: true,
    },
    // 3: PyPI upload token (a macaroon, `pypi-AgEIcHlwaS5vcmc...`).
    Body {
        min: 50,
        max: 400,
        hex: false,
    },
    // 4: HashiCorp Vault `hvs.`, Grafana `glsa_`, Linear `lin_api_`, Postman `PMAK-`.
    Body {
        min: 24,
        max: 200,
        hex: false,
    },
    // 5: Databricks `dapi` + 32 hex.
    Body {
        min: 32,
        max: 32,
        hex: true,
    },
];

const PREFIXES: &[(&str, P)] = &[
    ("AKIA", P::Aws),
    ("ASIA", P::Aws),
    ("AGPA", P::Aws),
    ("AIDA", P::Aws),
    ("AROA", P::Aws),
    ("AIPA", P::Aws),
    ("ANPA", P::Aws),
    ("ANVA", P::Aws),
    ("ABIA", P::Aws),
    ("ACCA", P::Aws),
    ("ghp_", P::Github),
    ("gho_", P::Github),
    ("ghu_", P::Github),
    ("ghs_", P::Github),
    ("ghr_", P::Github),
    ("github_pat_", P::GithubPat),
    ("xoxb-", P::Slack),
    ("xoxa-", P::Slack),
    ("xoxp-", P::Slack),
    ("xoxr-", P::Slack),
    ("xoxs-", P::Slack),
    ("xapp-", P::Slack),
    ("hooks.slack.com/services/", P::SlackHook),
    ("AIza", P::Google),
    ("sk_live_", P::Stripe),
    ("rk_live_", P::Stripe),
    ("sk_test_", P::Stripe),
    ("rk_test_", P::Stripe),
    ("eyJ", P::Jwt),
    ("-----BEGIN ", P::Pem),
    ("sk-", P::OpenAi),
    ("glpat-", P::Gitlab),
    ("npm_", P::Npm),
    ("ya29.", P::GoogleOAuth),
    ("SG.", P::SendGrid),
    ("hf_", P::Token(0)),
    ("shpat_", P::Token(1)),
    ("shpss_", P::Token(1)),
    ("shpca_", P::Token(1)),
    ("shppa_", P::Token(1)),
    ("dop_v1_", P::Token(2)),
    ("doo_v1_", P::Token(2)),
    ("pypi-AgEIcHlwaS5vcmc", P::Token(3)),
    ("hvs.", P::Token(4)),
    ("glsa_", P::Token(4)),
    ("lin_api_", P::Token(4)),
    ("PMAK-", P::Token(4)),
    ("dapi", P::Token(5)),
    ("sig=", P::AzureSas),
    // A form or query body reaches the detectors as its keys and values
    // joined by NULs.
    ("sig\0", P::AzureSas),
];

static PREFIX_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(PREFIXES.iter().map(|(p, _)| *p))
        .expect("static patterns")
});

/// Length of the run at `i` of bytes accepted by `ok`, capped.
fn run(b: &[u8], i: usize, cap: usize, ok: impl Fn(u8) -> bool) -> usize {
    b[i.min(b.len())..]
        .iter()
        .take(cap)
        .take_while(|&&x| ok(x))
        .count()
}

fn b64url(x: u8) -> bool {
    x.is_ascii_alphanumeric() || x == b'-' || x == b'_'
}

/// Decodes base64url (no padding) far enough to check a JWT header.
fn b64_decode(s: &[u8]) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        })
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for &c in s {
        let Some(v) = val(c) else { break };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn scan_prefixed(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    for m in PREFIX_AC.find_iter(text) {
        let (s, pe) = (m.start(), m.end());
        let kind = PREFIXES[m.pattern().as_usize()].1;
        let left_ok = !is_alnum(s.checked_sub(1).and_then(|k| b.get(k)));
        match kind {
            P::Aws => {
                let n = run(b, pe, 17, |x| x.is_ascii_uppercase() || x.is_ascii_digit());
                if left_ok && n == 16 {
                    push(hits, R_AWS_KEY, s, pe + 16);
                }
            }
            P::Github => {
                let n = run(b, pe, 256, |x| x.is_ascii_alphanumeric());
                if left_ok && n >= 30 {
                    push(hits, R_GITHUB, s, pe + n);
                }
            }
            P::GithubPat => {
                let n = run(b, pe, 256, |x| x.is_ascii_alphanumeric() || x == b'_');
                if left_ok && n >= 22 {
                    push(hits, R_GITHUB, s, pe + n);
                }
            }
            P::Slack => {
                let n = run(b, pe, 256, |x| x.is_ascii_alphanumeric() || x == b'-');
                if left_ok && n >= 10 {
                    push(hits, R_SLACK, s, pe + n);
                }
            }
            P::SlackHook => {
                let n = run(b, pe, 128, |x| x.is_ascii_alphanumeric() || x == b'/');
                if n >= 20 {
                    // Cover the scheme too when present.
                    let start = text[..s].strip_suffix("https://").map_or(s, |h| h.len());
                    push(hits, R_SLACK, start, pe + n);
                }
            }
            P::Google => {
                let n = run(b, pe, 40, b64url);
                if left_ok && n == 35 {
                    push(hits, R_GOOGLE, s, pe + n);
                }
            }
            P::Stripe => {
                let n = run(b, pe, 256, |x| x.is_ascii_alphanumeric());
                if left_ok && n >= 16 {
                    push(hits, R_STRIPE, s, pe + n);
                }
            }
            P::Jwt => {
                if !left_ok {
                    continue;
                }
                let h = run(b, s, 2048, b64url);
                let p1 = s + h;
                if h < 10 || b.get(p1) != Some(&b'.') {
                    continue;
                }
                let pl = run(b, p1 + 1, 8192, b64url);
                let p2 = p1 + 1 + pl;
                if pl < 10 || b.get(p2) != Some(&b'.') {
                    continue;
                }
                let sig = run(b, p2 + 1, 2048, b64url);
                let header = b64_decode(&b[s..p1]);
                if header.starts_with(b"{")
                    && (header.windows(5).any(|w| w == b"\"alg\"")
                        || header.windows(5).any(|w| w == b"\"typ\""))
                {
                    push(hits, R_JWT, s, p2 + 1 + sig);
                }
            }
            P::Pem => scan_pem(text, s, hits),
            P::OpenAi => {
                let n = run(b, pe, 256, |x| {
                    x.is_ascii_alphanumeric() || x == b'-' || x == b'_'
                });
                let body = &b[pe..pe + n];
                let strong_prefix = body.starts_with(b"proj-")
                    || body.starts_with(b"ant-")
                    || body.starts_with(b"svcacct-");
                let mixed = body.iter().any(u8::is_ascii_digit)
                    && body.iter().any(u8::is_ascii_uppercase)
                    && body.iter().any(u8::is_ascii_lowercase);
                if left_ok && n >= 32 && (strong_prefix || mixed) {
                    push(hits, R_TOKEN, s, pe + n);
                }
            }
            P::Gitlab => {
                let n = run(b, pe, 64, |x| {
                    x.is_ascii_alphanumeric() || x == b'-' || x == b'_'
                });
                if left_ok && n >= 20 {
                    push(hits, R_TOKEN, s, pe + n);
                }
            }
            P::Npm => {
                let n = run(b, pe, 64, |x| x.is_ascii_alphanumeric());
                if left_ok && n == 36 {
                    push(hits, R_TOKEN, s, pe + n);
                }
            }
            P::GoogleOAuth => {
                // OAuth 2.0 access tokens run well over a hundred characters;
                // thirty rule out a word such as "ya29.example".
                let n = run(b, pe, 2048, |x| b64url(x) || x == b'.');
                if left_ok && n >= 30 {
                    push(hits, R_TOKEN, s, pe + n);
                }
            }
            P::Token(k) => {
                let body = TOKEN_BODIES[usize::from(k)];
                let n = run(b, pe, body.max + 1, |x| {
                    if body.hex {
                        x.is_ascii_digit() || (b'a'..=b'f').contains(&x)
                    } else {
                        b64url(x) || x == b'.'
                    }
                });
                // A real token mixes letters and digits; `hf_` also starts
                // snake_case names such as `hf_hub_download_cache_dir`.
                let tok = &b[pe..pe + n];
                let mixed = tok.iter().any(u8::is_ascii_digit)
                    && tok.iter().any(u8::is_ascii_alphabetic)
                    && !tok.contains(&b'_');
                if left_ok
                    && (body.min..=body.max).contains(&n)
                    && !is_alnum(b.get(pe + n))
                    && (mixed || body.hex && tok.iter().any(u8::is_ascii_alphabetic))
                {
                    push(hits, R_TOKEN, s, pe + n);
                }
            }
            P::AzureSas => {
                // `sig=` is a query parameter of a SAS URL only next to its
                // signed version `sv=`: the value is the signature itself.
                let param =
                    s == 0 || matches!(b[s - 1], b'?' | b'&' | b';' | b'"' | b'\'' | b' ' | b'\0');
                let n = run(b, pe, 200, |x| {
                    x.is_ascii_alphanumeric() || matches!(x, b'%' | b'+' | b'/' | b'=')
                });
                let lo = s.saturating_sub(1024);
                let hi = (pe + n + 1024).min(b.len());
                let versioned = memchr::memmem::find_iter(&b[lo..hi], b"sv")
                    .filter(|&p| matches!(b.get(lo + p + 2), Some(b'=' | b'\0')))
                    .any(|p| {
                        lo + p == 0
                            || matches!(b[lo + p - 1], b'?' | b'&' | b';' | b'"' | b' ' | b'\0')
                    });
                if param && n >= 40 && versioned {
                    push(hits, R_SAS, pe, pe + n);
                }
            }
            P::SendGrid => {
                // SG.<22 base64url>.<43 base64url>
                let a = run(b, pe, 23, b64url);
                let c = if a == 22 && b.get(pe + 22) == Some(&b'.') {
                    run(b, pe + 23, 44, b64url)
                } else {
                    0
                };
                if left_ok && c == 43 {
                    push(hits, R_TOKEN, s, pe + 23 + c);
                }
            }
        }
    }
}

fn scan_pem(text: &str, s: usize, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    // "-----BEGIN [WORDS ]PRIVATE KEY[ BLOCK]-----"
    let head_end = match memchr::memmem::find(&b[s..(s + 80).min(b.len())], b"-----") {
        Some(_) => {
            let after = s + 11;
            memchr::memmem::find(&b[after..(after + 64).min(b.len())], b"-----")
                .map(|k| after + k + 5)
        }
        None => None,
    };
    let Some(head_end) = head_end else { return };
    let label = &text[s + 11..head_end - 5];
    if !label.ends_with("PRIVATE KEY") && !label.ends_with("PRIVATE KEY BLOCK") {
        return;
    }
    // A block ends before the next header: bounding the footer search and
    // the base64 run there keeps a flood of headers linear instead of
    // re-walking up to 64 KiB after each one.
    let limit = (head_end + 65536).min(b.len());
    let limit =
        memchr::memmem::find(&b[head_end..limit], b"-----BEGIN ").map_or(limit, |k| head_end + k);
    let end = match memchr::memmem::find(&b[head_end..limit], b"-----END ") {
        Some(k) => {
            let at = head_end + k + 9;
            match memchr::memmem::find(&b[at..(at + 64).min(b.len())], b"-----") {
                Some(q) => at + q + 5,
                None => at,
            }
        }
        None => {
            // No footer: cover the base64 body.
            head_end
                + run(b, head_end, limit - head_end, |x| {
                    x.is_ascii_alphanumeric()
                        || matches!(
                            x,
                            b'+' | b'/' | b'=' | b'\n' | b'\r' | b' ' | b':' | b'-' | b','
                        )
                })
        }
    };
    let mut end = end;
    while end > head_end && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    push(hits, R_PEM, s, end);
}

// ===== key = value =====

static KEY_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build([
            "password",
            "passwd",
            "pwd",
            "passphrase",
            "pass",
            "secret",
            "api_key",
            "apikey",
            "api-key",
            "access_key",
            "access-key",
            "accesskey",
            "access_token",
            "auth_token",
            "authtoken",
            "token",
            "client_secret",
            "private_key",
            "secret_key",
            "accountkey",
            "account_key",
            "sharedaccesskey",
            "credential",
            "bearer",
            "authorization",
        ])
        .expect("static patterns")
});

fn entropy(v: &[u8]) -> f64 {
    let mut counts = [0u32; 256];
    for &x in v {
        counts[x as usize] += 1;
    }
    let n = v.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

fn is_placeholder(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    l.starts_with(['$', '{', '<', '%', '[', '*', '('])
        || l.contains("xxxx")
        || l.contains("***")
        || l.starts_with("your")
        || l.contains("_your")
        || l.starts_with("example")
        || l.contains("_example")
        || l.contains("example_")
        || l.contains("-example")
        || l.contains("redacted")
        || l.contains("placeholder")
        || l.contains("process.env")
        || l.contains("env(")
        || l.contains("getenv")
        || l.contains("changeme")
        || matches!(
            l.as_str(),
            "null"
                | "none"
                | "true"
                | "false"
                | "undefined"
                | "nil"
                | "required"
                | "optional"
                | "string"
                | "hidden"
                | "secret"
                | "password"
        )
        || l.bytes().all(|x| x == l.as_bytes()[0])
}

/// Bytes of a key name; every `KEY_AC` pattern consists of them only.
fn is_key_byte(x: u8) -> bool {
    x.is_ascii_alphanumeric() || matches!(x, b'_' | b'-' | b'.')
}

const BEARER: &[u8] = b"bearer";

/// Where "bearer" starts in `b`, in any ASCII case. No proper prefix of the
/// word is also its suffix, so two occurrences never overlap and every one
/// is found, as a search for the one word would find them; checking the
/// bytes after each `b` costs less than starting an automaton on a short value.
fn bearer_at(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'b', b'B', b).filter(move |&p| {
        b.len() - p >= BEARER.len() && b[p..p + BEARER.len()].eq_ignore_ascii_case(BEARER)
    })
}

/// The maximal key-name runs that can start an assignment: those followed
/// (after an optional quote and a few blanks) by `=` or `:`, and any run
/// holding "bearer". A `KEY_AC` match never contains a non-key byte, so
/// searching these runs alone finds exactly the matches a search of the whole
/// text would find in them, while the walk over benign prose stays a
/// `memchr2` over the separators.
fn key_runs(b: &[u8]) -> Vec<(usize, usize)> {
    let run_start = |mut s: usize| {
        while s > 0 && is_key_byte(b[s - 1]) {
            s -= 1;
        }
        s
    };
    let mut runs = Vec::new();
    for p in memchr::memchr3_iter(b'=', b':', 0, b) {
        // Between the values of a JSON object or form, the key is one value
        // and its value the next: `password\0hunter2`. Only a key ending
        // like a secret's name is looked at, so a body of ordinary keys
        // costs a byte comparison per key.
        if b[p] == 0 {
            if p > 0 && secret_key_end(&b[p.saturating_sub(12)..p]) {
                let s = run_start(p);
                if runs.last().is_none_or(|&(_, le)| le <= s) {
                    runs.push((s, p));
                }
            }
            continue;
        }
        let mut e = p;
        let mut blanks = 0;
        while e > 0 && blanks < 8 && matches!(b[e - 1], b' ' | b'\t' | b'"' | b'\'') {
            e -= 1;
            blanks += 1;
        }
        if e > 0 && is_key_byte(b[e - 1]) {
            let s = run_start(e);
            if runs.last().is_none_or(|&(_, le)| le <= s) {
                runs.push((s, e));
            }
        }
    }
    let mut extra = false;
    for at in bearer_at(b) {
        let s = run_start(at);
        let mut e = at + BEARER.len();
        while e < b.len() && is_key_byte(b[e]) {
            e += 1;
        }
        runs.push((s, e));
        extra = true;
    }
    if extra {
        runs.sort_unstable();
        runs.dedup();
    }
    runs
}

/// Whether a key name ends like the name of a secret (`password`, `passwd`,
/// `pwd`, `secret`, `token`, `apikey`, `accountkey`, `credentials`): the
/// cheap test before a key separated from its value by a NUL is searched.
fn secret_key_end(k: &[u8]) -> bool {
    let Some(&last) = k.last() else {
        return false;
    };
    if !matches!(last | 0x20, b'd' | b't' | b'n' | b'y' | b's' | b'e' | b'l') {
        return false;
    }
    const ENDS: &[&[u8]] = &[
        b"password",
        b"passwd",
        b"pwd",
        b"passphrase",
        b"secret",
        b"token",
        b"key",
        b"credential",
        b"credentials",
    ];
    ENDS.iter()
        .any(|w| k.len() >= w.len() && k[k.len() - w.len()..].eq_ignore_ascii_case(w))
}

fn scan_assignments(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let matches = key_runs(b).into_iter().flat_map(|(s, e)| {
        KEY_AC
            .find_iter(&text[s..e])
            .map(move |m| aho_corasick::Match::new(m.pattern(), s + m.start()..s + m.end()))
    });
    for m in matches {
        // Expand to the whole key name: db_password, AWS_SECRET_ACCESS_KEY, x-api-key.
        let key_ok = |x: u8| x.is_ascii_alphanumeric() || matches!(x, b'_' | b'-' | b'.');
        let mut ks = m.start();
        while ks > 0 && m.start() - ks < 40 && key_ok(b[ks - 1]) {
            ks -= 1;
        }
        let ke = m.end() + run(b, m.end(), 40, key_ok);
        let key = text[ks..ke].to_ascii_lowercase();
        // "passport", "passage", "bypass": the keyword must end a word part.
        let tail = &key[m.end() - ks..];
        if !(tail.is_empty()
            || tail.starts_with(['_', '-', '.'])
            || tail == "s"
            || tail == "word"
            || tail.starts_with("word"))
        {
            continue;
        }
        if key.starts_with("pass")
            && !key.contains("passw")
            && !key.contains("passphrase")
            && key != "pass"
        {
            continue;
        }
        // Separator: optional closing quote, then = : => :=
        let mut j = ke;
        if matches!(b.get(j), Some(b'"' | b'\'')) {
            j += 1;
        }
        j += run(b, j, 4, |x| x == b' ' || x == b'\t');
        let mut nul_sep = false;
        let sep = match (b.get(j), b.get(j + 1)) {
            (Some(b'='), Some(b'>')) | (Some(b':'), Some(b'=')) => 2,
            (Some(b'=' | b':'), _) => 1,
            // The next value of an object or form: only straight after the key.
            (Some(0), _) if j == ke => {
                nul_sep = true;
                1
            }
            _ => {
                // "Authorization: Bearer x" is handled via "bearer"; "bearer <token>" here.
                if key == "bearer" && b.get(j - 1) == Some(&b' ') {
                    0
                } else {
                    continue;
                }
            }
        };
        if sep == 1 && b.get(j + 1) == Some(&b'=') {
            continue; // `==` comparison
        }
        j += sep;
        j += run(b, j, 4, |x| x == b' ' || x == b'\t');
        let quoted = matches!(b.get(j), Some(b'"' | b'\''));
        if quoted {
            j += 1;
        }
        let vs = j;
        let n = run(b, vs, 512, |x| {
            x.is_ascii_graphic()
                && !matches!(
                    x,
                    b'"' | b'\''
                        | b'&'
                        | b','
                        | b';'
                        | b'}'
                        | b'<'
                        | b'>'
                        | b')'
                        | b']'
                        | b'\0'
                        | b'`'
                )
        });
        let ve = vs + n;
        let value = &text[vs..ve];
        if key == "authorization" {
            // The scheme is not the secret: `Authorization: Bearer abc...`.
            // Basic credentials are the user and password in base64.
            if value.eq_ignore_ascii_case("basic") {
                basic_credentials(b, ve, hits);
            }
            continue;
        }
        let v = value.as_bytes();
        if v.is_empty() || is_placeholder(value) || value.contains("://") {
            continue;
        }
        let classes = [
            v.iter().any(u8::is_ascii_lowercase),
            v.iter().any(u8::is_ascii_uppercase),
            v.iter().any(u8::is_ascii_digit),
            v.iter().any(|x| !x.is_ascii_alphanumeric()),
        ]
        .iter()
        .filter(|&&c| c)
        .count();
        let password_key = key.contains("pass") || key.contains("pwd");
        let aws = key.contains("aws") && key.contains("secret")
            || key.contains("secretaccesskey")
            || key.contains("secret_access_key");
        // After a NUL the next value may be the next key (an empty value
        // leaves none): `remember_me` is a name, `Tr0ub4dor&3` is not.
        if nul_sep
            && !v.iter().any(|x| {
                x.is_ascii_digit()
                    || !(x.is_ascii_alphanumeric() || matches!(x, b'_' | b'-' | b'.'))
            })
        {
            continue;
        }
        let ok = if aws {
            n == 40 && classes >= 2
        } else if password_key {
            n >= 6 && classes >= 2 && !value.bytes().all(|x| x.is_ascii_digit())
        } else {
            n >= 12 && classes >= 2 && entropy(v) >= 3.0
        };
        if ok {
            let rule = if aws { R_AWS_SECRET } else { R_ASSIGN };
            push(hits, rule, vs, ve);
        }
    }
}

/// `Authorization: Basic <base64>` after the scheme word ending at `at`:
/// reported when the base64 decodes to printable `user:password`.
fn basic_credentials(b: &[u8], at: usize, hits: &mut Vec<Hit>) {
    let s = at + run(b, at, 4, |x| x == b' ' || x == b'\t');
    let n = run(b, s, 512, |x| {
        x.is_ascii_alphanumeric() || matches!(x, b'+' | b'/')
    });
    let pad = run(b, s + n, 2, |x| x == b'=');
    if s == at || n < 8 {
        return;
    }
    let d = b64_decode(&b[s..s + n]);
    let colon = d.iter().position(|&x| x == b':');
    if colon.is_some_and(|c| c > 0 && c + 1 < d.len())
        && d.iter().all(|x| x.is_ascii_graphic() || *x == b' ')
    {
        push(hits, R_ASSIGN, s, s + n + pad);
    }
}

/// Scans `text` for personal data and secrets.
pub(crate) fn scan(text: &str, hits: &mut Vec<Hit>) {
    let first = hits.len();
    if memchr::memchr(b'@', text.as_bytes()).is_some() {
        scan_emails(text, hits);
    }
    scan_spelled_emails(text, hits);
    scan_numbers(text, hits);
    scan_prefixed(text, hits);
    scan_assignments(text, hits);
    if hits.len() == first {
        // Nothing found (most values): nothing to weed out.
        return;
    }
    // A secret assignment that merely repeats a prefixed token is dropped;
    // a phone number inside a card or IBAN likewise.
    let mine: Vec<Hit> = hits.drain(first..).collect();
    let covers = |o: &Hit, j: usize, h: &Hit, k: usize| {
        j != k
            && o.start <= h.start
            && h.end <= o.end
            && ((o.end - o.start) > (h.end - h.start)
                || (j < k && std::ptr::eq(o.rule, h.rule))
                || (h.rule.id == "pii-secret-assignment" && o.rule.id != "pii-secret-assignment"))
    };
    // Only a hit starting at or before this one can cover it. Sorted by
    // start, those are the neighbours behind it (while some still reaches
    // this one's end) and the ones sharing its start; a bounded number of
    // each keeps the pass linear on bodies full of addresses. Keeping a
    // covered hit beyond that bound is harmless.
    const NEIGHBOURS: usize = 64;
    let mut order: Vec<usize> = (0..mine.len()).collect();
    order.sort_by_key(|&i| (mine[i].start, mine[i].end));
    let mut reach = Vec::with_capacity(order.len());
    let mut furthest = 0;
    for &i in &order {
        furthest = furthest.max(mine[i].end);
        reach.push(furthest);
    }
    for (p, &k) in order.iter().enumerate() {
        let h = &mine[k];
        let covered = order[p + 1..]
            .iter()
            .take(NEIGHBOURS)
            .take_while(|&&j| mine[j].start == h.start)
            .any(|&j| covers(&mine[j], j, h, k))
            || (0..p)
                .rev()
                .take(NEIGHBOURS)
                .take_while(|&q| reach[q] >= h.end)
                .any(|q| covers(&mine[order[q]], order[q], h, k));
        if !covered {
            hits.push(*h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// `bearer_at` finds what an automaton for the one word finds.
        #[test]
        fn bearer_at_matches_a_search_for_the_word(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["bearer", "BeArEr", "bear", "b", "er", "r", " ", "x", "é"]),
                0..20,
            )
        ) {
            let text = parts.concat();
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(["bearer"])
                .expect("one pattern");
            let want: Vec<usize> = ac.find_iter(&text).map(|m| m.start()).collect();
            proptest::prop_assert_eq!(bearer_at(text.as_bytes()).collect::<Vec<_>>(), want);
        }
    }

    /// Instructions per MiB of benign values and per short value: run by hand
    /// under `perf stat -e instructions` with
    /// `cargo test --release -p sluice-detect pii_cost -- --ignored`.
    #[test]
    #[ignore]
    fn pii_cost() {
        crate::detectors::timing::report_cost("pii", scan);
    }

    fn found(text: &str) -> Vec<(&'static str, &str)> {
        let mut hits = Vec::new();
        scan(text, &mut hits);
        hits.iter()
            .map(|h| {
                assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
                (h.rule.id, &text[h.start..h.end])
            })
            .collect()
    }

    fn exactly(text: &str, id: &str, span: &str) {
        let f = found(text);
        assert!(
            f.contains(&(id, span)),
            "{text:?}: wanted {id} {span:?}, got {f:?}"
        );
    }

    #[test]
    fn numbers_are_found_at_every_offset_after_prose() {
        // The digit search skips whole blocks of prose: a number, with its
        // `+` or `(`, must be found wherever a block boundary falls.
        for pad in 0..70 {
            let prose = "y".repeat(pad);
            exactly(
                &format!("{prose} Tel: +44 20 7946 0958"),
                "pii-phone",
                "+44 20 7946 0958",
            );
            exactly(
                &format!("{prose} ring (555) 123-4567 today"),
                "pii-phone",
                "(555) 123-4567",
            );
            exactly(
                &format!("{prose} card 4111 1111 1111 1111"),
                "pii-card",
                "4111 1111 1111 1111",
            );
        }
    }

    #[test]
    fn emails() {
        exactly(
            "mail me at anna.o'brien@example.co.uk.",
            "pii-email",
            "brien@example.co.uk",
        );
        exactly(
            "Contact: john.doe+news@mail.example.com, thanks",
            "pii-email",
            "john.doe+news@mail.example.com",
        );
        assert!(found("logo@2x.png and @anna and user@localhost").is_empty());
    }

    #[test]
    fn phones() {
        exactly(
            "Call +1 (555) 123-4567 today",
            "pii-phone",
            "+1 (555) 123-4567",
        );
        exactly("Tel: +44 20 7946 0958", "pii-phone", "+44 20 7946 0958");
        exactly("ring (555) 123-4567", "pii-phone", "(555) 123-4567");
        exactly("ring 555-123-4567", "pii-phone", "555-123-4567");
        exactly("Appelez le 01 23 45 67 89", "pii-phone", "01 23 45 67 89");
        exactly("Handy: 0151 12345678", "pii-phone", "0151 12345678");
        exactly(
            "{\"phone\":\"+4915112345678\"}",
            "pii-phone",
            "+4915112345678",
        );
        for t in [
            "Released 2024-03-15 as v1.2.3",
            "Server 192.168.100.20 is down",
            "Order 555-123-4567 shipped",
            "Invoice #2024-0001-7788",
            "It costs 1,234,567 dollars",
            "ISBN 978-3-16-148410-0",
            "on 12/03/2024 at 10:30",
            "uuid 550e8400-e29b-41d4-a716-446655440000",
            "timestamp 1700000000000",
        ] {
            assert!(
                found(t).is_empty(),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn cards_ssn_iban() {
        // SSN without dashes, only with the words for it in front.
        exactly("SSN: 212 55 3817", "pii-ssn", "212 55 3817");
        exactly("social security no. 212553817", "pii-ssn", "212553817");
        exactly("ssn\u{0}212553817", "pii-ssn", "212553817");
        // UK National Insurance numbers, spaced or not.
        exactly(
            "NI number AB 12 34 56 C please",
            "pii-uk-nino",
            "AB 12 34 56 C",
        );
        exactly("nino=JK123456D", "pii-uk-nino", "JK123456D");
        for t in [
            "order 212553817 shipped",
            "social media reach 666 12 3456",
            "QQ 12 34 56 C is the format HMRC shows",
            "GB 12 34 56 A",
            "TAB123456C",
            "AB 12 34 56 E",
        ] {
            assert!(
                !found(t)
                    .iter()
                    .any(|(id, _)| *id == "pii-ssn" || *id == "pii-uk-nino"),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
        exactly(
            "card 4111 1111 1111 1111 exp 12/27",
            "pii-card",
            "4111 1111 1111 1111",
        );
        exactly(
            "card 4111-1111-1111-1111",
            "pii-card",
            "4111-1111-1111-1111",
        );
        exactly("amex 3782 822463 10005", "pii-card", "3782 822463 10005");
        exactly("mc=5555555555554444", "pii-card", "5555555555554444");
        assert!(
            found("ref 4111 1111 1111 1112")
                .iter()
                .all(|(r, _)| *r != "pii-card")
        );
        exactly("SSN: 123-45-6789", "pii-ssn", "123-45-6789");
        for bad in [
            "000-12-3456",
            "666-12-3456",
            "900-12-3456",
            "123-00-4567",
            "123-45-0000",
        ] {
            assert!(found(bad).is_empty(), "{bad}");
        }
        exactly(
            "IBAN DE89 3704 0044 0532 0130 00.",
            "pii-iban",
            "DE89 3704 0044 0532 0130 00",
        );
        exactly(
            "iban=GB82WEST12345698765432",
            "pii-iban",
            "GB82WEST12345698765432",
        );
        assert!(
            found("DE89 3704 0044 0532 0130 01")
                .iter()
                .all(|(r, _)| *r != "pii-iban")
        );
    }

    #[test]
    fn national_ids_with_check_digits() {
        exactly("SIN: 587-333-113", "pii-national-id", "587-333-113");
        exactly(
            "social insurance number 714 897 071",
            "pii-national-id",
            "714 897 071",
        );
        exactly("Mi DNI es 58259409H.", "pii-national-id", "58259409H");
        exactly("{\"dni\": \"16576128-M\"}", "pii-national-id", "16576128-M");
        exactly("NIE X1955654X caducado", "pii-national-id", "X1955654X");
        exactly("BSN 534532524", "pii-national-id", "534532524");
        exactly(
            "burgerservicenummer: 766971521",
            "pii-national-id",
            "766971521",
        );
        exactly("CPF 330.936.611-10", "pii-national-id", "330.936.611-10");
        exactly("meu cpf é 82895989800", "pii-national-id", "82895989800");
        exactly(
            "Aadhaar: 4247 2181 1064",
            "pii-national-id",
            "4247 2181 1064",
        );
        exactly("aadhar no 664283706762", "pii-national-id", "664283706762");
        exactly(
            "2 92 05 13 451 782 15",
            "pii-national-id",
            "2 92 05 13 451 782 15",
        );
        exactly(
            "n° de sécu 158074190069441",
            "pii-national-id",
            "158074190069441",
        );
        for t in [
            // Wrong check digit or letter.
            "SIN 967-498-172",
            "DNI 58259409J",
            "BSN 534532525",
            "CPF 330.936.611-11",
            "Aadhaar 4247 2181 1065",
            "2 92 05 13 451 782 16",
            // Right check, but nothing says it is an id.
            "order 587-333-113 shipped",
            "ref 534532524",
            "batch 4247 2181 1064",
            "SKU 58259409H",
            "CPF 000.000.000-00",
        ] {
            assert!(
                !found(t).iter().any(|(id, _)| *id == "pii-national-id"),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn tracking_numbers_are_no_phone_numbers() {
        exactly("phone number 0800 123 4567", "pii-phone", "0800 123 4567");
        for t in [
            "Part number 0612-3456-7890",
            "ticket number: 555-123-4567",
            "UPS tracking 1Z 999 AA1 01 2345 6784",
            "your parcel 1Z 4E9 0W7 03 9876 5432 is out for delivery",
            "1Z 12R 345 67 0123 4567",
            "Shipment 7489 2034 5567 arrives Monday",
            "tracking: 9400 1000 0000 0000 0000 00",
        ] {
            assert!(
                found(t).is_empty(),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn spelled_out_addresses_and_irregular_cards() {
        exactly(
            "write to lena dot vogt at mailbox dot org please",
            "pii-email",
            "lena dot vogt at mailbox dot org",
        );
        exactly(
            "j.silva(at)ufrj(dot)br",
            "pii-email",
            "j.silva(at)ufrj(dot)br",
        );
        exactly(
            "contact: ops [at] example [dot] co [dot] uk",
            "pii-email",
            "ops [at] example [dot] co [dot] uk",
        );
        exactly(
            "bob{at}corp.example.net",
            "pii-email",
            "bob{at}corp.example.net",
        );
        for t in [
            "look at example.com for details",
            "meet us at the dot com party",
            "we arrive at gate dot five",
            "stored at 3 dot 2 precision",
        ] {
            assert!(
                found(t).is_empty(),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
        exactly("4594.1008.3684.0365", "pii-card", "4594.1008.3684.0365");
        exactly(
            "card: 5412  2398  2261  2805 exp 09/28",
            "pii-card",
            "5412  2398  2261  2805",
        );
        assert!(found("4594.1008.3684.0366").is_empty());
        assert!(found("totals: 415  555  1234").is_empty());
    }

    #[test]
    fn more_vendor_tokens() {
        let sas = "https://acct.blob.core.windows.net/c/f.txt?sv=2023-01-03&ss=b&srt=o&sp=r&se=2027-01-01T00:00:00Z&spr=https&sig=Zx3kP0q%2Bn8LmV4T7yWcR1aHs9dFgJ2kQeB6uYoN5iM0%3D";
        exactly(
            sas,
            "pii-azure-sas",
            "Zx3kP0q%2Bn8LmV4T7yWcR1aHs9dFgJ2kQeB6uYoN5iM0%3D",
        );
        assert!(
            found("sig=Zx3kP0q%2Bn8LmV4T7yWcR1aHs9dFgJ2kQeB6uYoN5iM0%3D without a version")
                .is_empty()
        );
        exactly(
            "HF_TOKEN hf_QpZrTxKbVnWmLsJdHgFcYeUaOiPl2345ab",
            "pii-api-token",
            "hf_QpZrTxKbVnWmLsJdHgFcYeUaOiPl2345ab",
        );
        exactly(
            "X-Shopify-Access-Token: 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",
            "pii-api-token",
            "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",
        );
        assert!(found("from huggingface_hub import hf_hub_download_cache_dir_setting").is_empty());
        assert!(found("SKU SKATEBOARD-DECK-0000000000000000000000").is_empty());
    }

    #[test]
    fn secrets() {
        exactly(
            "key AKIAIOSFODNN7EXAMPLE ok",
            "pii-aws-key",
            "AKIAIOSFODNN7EXAMPLE",
        );
        exactly(
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "pii-aws-secret",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        );
        exactly(
            "token: ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
            "pii-github-token",
            "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        );
        exactly(
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKl",
            "pii-slack-token",
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKl",
        );
        exactly(
            "AIzaSyA1234567890abcdefghijklmnopqrstuv",
            "pii-google-api-key",
            "AIzaSyA1234567890abcdefghijklmnopqrstuv",
        );
        exactly(
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "pii-stripe-key",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        );
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        exactly(&format!("Authorization: Bearer {jwt}"), "pii-jwt", jwt);
        let pem =
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----";
        exactly(&format!("key:\n{pem}\nthanks"), "pii-private-key", pem);
        // Headers without footers, one after another: each block stops at the
        // next header, so every header is its own finding.
        let head = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n";
        let flood = head.repeat(3);
        let mut hits = Vec::new();
        scan(&flood, &mut hits);
        let pems: Vec<_> = hits
            .iter()
            .filter(|h| h.rule.id == "pii-private-key")
            .collect();
        assert_eq!(pems.len(), 3, "{pems:?}");
        assert!(pems.iter().all(|h| h.end - h.start < head.len()));
        exactly(
            "DB_PASSWORD=s3cr3t!Pass",
            "pii-secret-assignment",
            "s3cr3t!Pass",
        );
        exactly(
            "{\"api_key\": \"q8Zr4TnWv2LpX9sK7mD3\"}",
            "pii-secret-assignment",
            "q8Zr4TnWv2LpX9sK7mD3",
        );
        // Extracted JSON and form values: key and value are neighbours.
        exactly(
            "login\0jo\0passwd\0Gr33n-tea",
            "pii-secret-assignment",
            "Gr33n-tea",
        );
        exactly(
            "Authorization: Basic am9objpzM2NyZXQ=",
            "pii-secret-assignment",
            "am9objpzM2NyZXQ=",
        );
        let azure = "AccountKey=Zm9vYmFyYmF6cXV4Tm9ydGhTb3V0aEVhc3RXZXN0MTIzNDU2Nzg5MA+/kLmNoPqRsTuVwXyZ0aBcDeFgHiJ12==";
        exactly(
            &format!(
                "DefaultEndpointsProtocol=https;AccountName=acme;{azure};EndpointSuffix=core.windows.net"
            ),
            "pii-secret-assignment",
            &azure["AccountKey=".len()..],
        );
        let oauth = "ya29.a0AfH6SMBx7Qk2LmNpRsTuVwXyZ0123456789abcdEFGH-ij_kl";
        exactly(&format!("token {oauth} expired"), "pii-api-token", oauth);
        let sg = "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";
        exactly(&format!("SENDGRID={sg}"), "pii-api-token", sg);
        for t in [
            "password: required",
            "Enter your password = ********",
            "password=${DB_PASSWORD}",
            "Forgot your password? Click here.",
            "token = null",
            "The passport number field",
            "if token == expected {",
            "api_key=your_api_key_here",
            "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----",
            "Asia and AKIA are words",
            "Authorization: Basic realm=\"staff\"",
            "Authorization: Basic bm90IGEgcGFpcg==",
            "password\0remember_me\0false",
            "{\"token_type\": \"Bearer\", \"expires_in\": 3600}",
            "the ya29.prefix marks Google tokens; SG.com is a domain",
        ] {
            assert!(
                found(t).is_empty(),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn arbitrary_inputs_are_safe() {
        crate::detectors::safety::arbitrary_inputs_are_safe(scan);
    }

    #[test]
    fn long_multibyte_inputs_are_safe() {
        crate::detectors::safety::long_multibyte_inputs_are_safe(scan);
    }
}

#[cfg(test)]
mod perf {
    //! Per-module cost on benign input, run by hand:
    //! `taskset -c 0 cargo test --release -p sluice-detect detector_mbps -- --ignored --nocapture`.

    fn cpu_ns() -> u64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
            .unwrap_or(0)
    }

    fn corpus_text() -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
        let mut lines = Vec::new();
        for f in [
            "benign-faker.jsonl",
            "benign-hard.jsonl",
            "benign-pii-lookalikes.jsonl",
        ] {
            let Ok(s) = std::fs::read_to_string(format!("{dir}/{f}")) else {
                continue;
            };
            for l in s.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
                    if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                        lines.push(t.to_owned());
                    }
                }
            }
        }
        let mut text = String::new();
        while text.len() < 1 << 20 && !lines.is_empty() {
            for l in &lines {
                text.push_str(l);
                text.push('\0');
            }
        }
        text
    }

    fn api_json() -> String {
        let mut text = String::new();
        let mut i = 0u32;
        while text.len() < 1 << 20 {
            text.push_str(&format!(
                "{{\"id\":{i},\"name\":\"Widget {i}\",\"price\":{}.99,\"tags\":[\"blue\",\"large\"],\
                 \"description\":\"A sturdy widget for everyday use, ships in 2 days.\",\
                 \"created_at\":\"2024-05-{:02}T10:00:00Z\",\"active\":true}},",
                i % 100,
                i % 28 + 1
            ));
            i += 1;
        }
        text
    }

    #[test]
    #[ignore]
    fn detector_mbps() {
        type Scan = fn(&str, &mut Vec<crate::finding::Hit>);
        let mods: [(&str, Scan); 4] = [
            ("cmdi", super::super::cmdi::scan),
            ("path", super::super::path::scan),
            ("prompt", super::super::prompt::scan),
            ("pii", super::scan),
        ];
        for (name, input) in [("corpus", corpus_text()), ("json", api_json())] {
            for (m, scan) in mods {
                if std::env::var("DETECT_MOD").is_ok_and(|f| f != m) {
                    continue;
                }
                let reps: usize = std::env::var("DETECT_REPS")
                    .ok()
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(5);
                let mut hits = Vec::new();
                scan(&input, &mut hits);
                let t = cpu_ns();
                for _ in 0..reps {
                    hits.clear();
                    scan(&input, &mut hits);
                }
                let ns = (cpu_ns() - t) as f64 / reps as f64;
                println!(
                    "{name:6} {m:6} {:8.1} MB/s  {} hits",
                    input.len() as f64 / ns * 1e3,
                    hits.len()
                );
            }
        }
    }
}

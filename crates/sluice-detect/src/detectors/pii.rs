//! Personal data and secrets.
//!
//! Every hit covers exactly the sensitive span (the address, the number,
//! the token, the value of a `password=` assignment without its key), so
//! that redaction can replace `start..end` and leave the rest readable.
//!
//! Numbers are validated rather than matched by shape alone: cards need
//! 13-19 digits in a card grouping, a Luhn check and a known issuer range
//! (or, for a range opened since, a word naming a card just before);
//! SSNs exclude the area, group and serial numbers never issued; IBANs need
//! the right length for their country and a mod-97 check; phone numbers need
//! a leading `+` with 8-15 digits, the North American 3-3-4 grouping or a
//! national trunk `0` with grouped digits, and are never dates, versions or
//! dotted quads. A number after `order`, `invoice`, `ref` or `tracking` is
//! not a phone number. Where a word for telephone in one of many languages
//! stands before it (`celular`, `Handy`, `телефон`, `msisdn`), any national
//! layout counts, and an MSISDN without `+` needs a known calling code and
//! a national number of that country's length. Numbers whose separators
//! are URL escapes (`%2B44%207911%20123456`, `+` for a blank) are decoded
//! and judged as written.
//!
//! National ids come from a table of formats, each a check function (dates,
//! check digits or letters: Luhn, mod 11, mod 31, mod 97, ISO 7064) and the
//! words that name it. A format whose layout alone is distinctive
//! (`330.936.611-10`, `BNCGPP82L14F205W`) needs nothing more; the rest need
//! their name, or a general word for an identity number, shortly before.
//! Hong Kong identity cards (`K391204(3)`) and the machine-readable zones
//! of passports and identity cards (ICAO 9303 check digits) are found by
//! their own layouts.
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
        "Phone number (E.164, 00 and a calling code, a common national layout, or any national layout after a word for telephone in one of many languages)",
    ),
    rule(
        "pii-card",
        Severity::High,
        "Payment card number (Luhn-valid; a known issuer range incl. Mir, RuPay, Troy, Maestro, UnionPay, or a word naming a card)",
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
        "Private-key block (PEM -----BEGIN ... PRIVATE KEY-----, PuTTY .ppk)",
    ),
    rule(
        "pii-secret-assignment",
        Severity::High,
        "Random-looking value assigned to a password, secret, token or API key; Basic and registry credentials; .pgpass passwords",
    ),
    rule(
        "pii-api-token",
        Severity::Critical,
        "Other well-known API token (OpenAI sk-, Anthropic sk-ant-, GitLab glpat-/glrt-/gldt-, npm npm_, Google OAuth ya29., SendGrid SG., Hugging Face, Shopify, DigitalOcean, PyPI, Vault, Grafana, Linear, Postman, Databricks, Twilio AC/SK ids, Mailgun, Doppler, Notion, Atlassian, Sentry, RubyGems, Square, Discord webhooks, three-part bot tokens)",
    ),
    rule(
        "pii-uk-nino",
        Severity::High,
        "UK National Insurance number (valid prefix letters, suffix A-D)",
    ),
    rule(
        "pii-national-id",
        Severity::High,
        "National id with valid check characters and a distinctive layout or its name nearby (a table of about fifty formats: SIN, DNI/NIE, BSN, CPF, CNPJ, Aadhaar, NIR, personnummer, fødselsnummer, HETU, PESEL, RUT, CURP, codice fiscale, China RIC, TC kimlik, NRIC, Steuer-ID, CPR, TFN, ITIN, South Africa id, BVN, passports and more), Hong Kong HKID, and passport and id-card machine-readable zones",
    ),
    rule(
        "pii-azure-sas",
        Severity::Critical,
        "Azure shared access signature (sv=... with its sig=)",
    ),
    rule(
        "pii-date-of-birth",
        Severity::Medium,
        "A date named as someone's date of birth (DOB, born on, Geburtsdatum, fecha de nacimiento, 出生日期...)",
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
const R_DOB: usize = 18;

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
        if at > 1 && b[at - 1] == b'"' {
            // A quoted local part: `"j.doe\ work"@example.net`.
            let lo = at.saturating_sub(66);
            if let Some(q) = b[lo..at - 1]
                .iter()
                .rposition(|&x| x == b'"')
                .map(|o| lo + o)
                && q + 1 < at - 1
                && b[q + 1..at - 1].iter().all(|&x| x >= 0x20 && x != b'@')
                && b.get(q.wrapping_sub(1))
                    .is_none_or(|x| !x.is_ascii_alphanumeric())
            {
                s = q;
            }
        }
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
        if labels_ok && tld_ok && !sample_address(text, s, at, domain) && !remote_login(text, s, e)
        {
            push(hits, R_EMAIL, s, e);
            last_end = e;
        }
    }
}

/// Commands whose `user@host` operand is a login on a machine.
const LOGIN_COMMANDS: &[&str] = &[
    "ssh",
    "scp",
    "sftp",
    "rsync",
    "mosh",
    "autossh",
    "sshfs",
    "ssh-copy-id",
    "telnet",
];

/// Whether `s..e` is a `user@host` login rather than a mailbox: the remote
/// of an scp or git URL (`git@github.com:org/repo.git`, `me@nas:/backups`)
/// or an operand of `ssh`, `scp`, `rsync` and the like on the same line.
fn remote_login(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    if b.get(e) == Some(&b':')
        && b.get(e + 1)
            .is_some_and(|x| x.is_ascii_alphanumeric() || matches!(x, b'/' | b'~' | b'.' | b'_'))
    {
        return true;
    }
    // Look back at most 201 bytes: a long line with many addresses must not
    // be walked back to its start once per address.
    let mut from = s.saturating_sub(201);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let line = match text[from..s].rfind(['\n', '\0']) {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let head = &text[line..s];
    if head.len() > 200 {
        return false;
    }
    // The command is the first word of the line or of a chained command,
    // after a prompt or `sudo`; only options, their values and file
    // operands may stand between it and the login ("ssh keys were sent to
    // ..." is prose).
    let Some(seg) = head.split([';', '|', '&', '`', '(']).next_back() else {
        return false;
    };
    let mut words = seg
        .split_ascii_whitespace()
        .skip_while(|w| matches!(*w, "$" | "#" | ">" | "sudo" | "exec" | "command"));
    if !words
        .next()
        .is_some_and(|w| LOGIN_COMMANDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
    {
        return false;
    }
    let mut after_option = false;
    words.all(|w| {
        let plain = w.bytes().all(|x| x.is_ascii_alphabetic());
        let ok = !plain || after_option;
        after_option = w.starts_with('-');
        ok
    })
}

/// Words that call a value next to them a sample rather than a secret.
const SAMPLE_WORDS: &[&str] = &[
    "placeholder",
    "example",
    "sample",
    "dummy",
    "fake",
    "docs",
    "documentation",
    "not a secret",
    "not real",
];

/// Whether the text around `s..e` (same value, a sentence either side)
/// calls it a sample or placeholder: AWS's documented keys (`...EXAMPLE`)
/// quoted in prose about them.
fn called_sample(text: &str, s: usize, e: usize) -> bool {
    let mut lo = s.saturating_sub(96);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (e + 96).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let lo = text[lo..s].rfind('\0').map_or(lo, |p| lo + p + 1);
    let hi = text[e..hi].find('\0').map_or(hi, |p| e + p);
    let around = format!("{} {}", &text[lo..s], &text[e..hi]).to_lowercase();
    SAMPLE_WORDS.iter().any(|w| around.contains(w))
}

/// Mailbox names that stand for a role or a reader, not a person.
const ROLE_MAILBOXES: &[&str] = &[
    "you",
    "your",
    "yourname",
    "your.name",
    "your_name",
    "your-name",
    "youremail",
    "your.email",
    "name",
    "user",
    "username",
    "someone",
    "somebody",
    "email",
    "mail",
    "me",
    "test",
    "info",
    "hello",
    "support",
    "help",
    "feedback",
    "contact",
    "team",
    "sales",
    "admin",
    "noreply",
    "no-reply",
    "postmaster",
    "webmaster",
    "hostmaster",
    "abuse",
    "security",
    "privacy",
    "press",
    "jobs",
    "office",
];

/// An address no person owns: the value of a `placeholder` attribute, or a
/// role mailbox at a domain reserved for examples (RFC 2606: `example.com`,
/// `.example`, `.test`, `.invalid`).
fn sample_address(text: &str, s: usize, at: usize, domain: &str) -> bool {
    let head = text[..s].trim_end_matches(['"', '\'']).as_bytes();
    let attr = b"placeholder=";
    if head.len() >= attr.len() && head[head.len() - attr.len()..].eq_ignore_ascii_case(attr) {
        return true;
    }
    let d = domain.to_ascii_lowercase();
    let reserved = ["example.com", "example.net", "example.org"]
        .iter()
        .any(|r| d == *r || d.ends_with(&format!(".{r}")))
        || [".example", ".test", ".invalid"]
            .iter()
            .any(|t| d.ends_with(t));
    let local = &text[s..at];
    reserved && ROLE_MAILBOXES.iter().any(|r| local.eq_ignore_ascii_case(r))
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
        // Verve (Nigeria) 5060-5061, RuPay 508, Maestro 5018, 5020, 5038,
        // Dankort 5019.
        b'5' => {
            (51..=55).contains(&n(2)) && len == 16
                || (56..=59).contains(&n(2)) && len >= 12
                || ((5060..=5061).contains(&n(4)) || n(3) == 508) && matches!(len, 16 | 18 | 19)
                || matches!(n(4), 5018 | 5020 | 5038) && len >= 12
                // Dankort (Denmark).
                || n(4) == 5019 && len == 16
        }
        // UzCard 8600; UnionPay 81 and RuPay 81-82.
        b'8' => n(4) == 8600 && len == 16 || matches!(n(2), 81 | 82) && (16..=19).contains(&len),
        // Troy (Turkey) 9792, Humo (Uzbekistan) 9860.
        b'9' => matches!(n(4), 9792 | 9860) && len == 16,
        // Mastercard 2-series; Mir 2200-2204.
        b'2' => ((2221..=2720).contains(&n(4)) || (2200..=2204).contains(&n(4))) && len == 16,
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
                || n(2) == 60
                || n(2) == 67
                || n(2) == 63)
                && (16..=19).contains(&len)
                // Maestro 6304, 6759, 6761-6763 from twelve digits.
                || matches!(n(4), 6304 | 6759 | 6761..=6763) && len >= 12
        }
        _ => false,
    }
}

/// Words for a payment card, in field names and in several languages.
const CARD_WORDS: &[&str] = &[
    "card",
    "pan",
    "cc",
    "ccn",
    "ccnum",
    "cardnumber",
    "creditcard",
    "credit",
    "debit",
    "visa",
    "mastercard",
    "amex",
    "tarjeta",
    "carte",
    "cartão",
    "cartao",
    "karte",
    "kartennummer",
    "karta",
    "kaart",
    "carta",
    "kart",
    "カード",
    "卡号",
    "카드",
];

/// Whether the few words before `s` name a payment card (`"pan": "..."`,
/// `card_number=`, `Kartennummer:`): an issuer range opened after the
/// table was written still counts there, the Luhn check carrying the rest.
fn card_named(text: &str, s: usize) -> bool {
    let mut lo = s.saturating_sub(32);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let head = text[lo..s].to_lowercase();
    // Only the last few words: a card named a sentence earlier does not
    // make every later number one.
    head.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| CARD_WORDS.contains(&w) || w.starts_with("card") || w.ends_with("card"))
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
    "code",
    "pin",
    "passcode",
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
            (p == 0 || !h[p - 1].is_ascii_alphabetic()) && word_ends(h, p + w.len(), w.len())
        })
    })
}

/// The first word after the number ending at `e`, past blanks, a comma,
/// a bracket or a dash (`850709-2388 (personnummer)`), lower case.
fn word_after(text: &str, e: usize) -> Option<String> {
    let mut hi = (e + 40).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let tail = &text[e..hi];
    let rest = tail.trim_start_matches([' ', '\t', ',', '(', '[', '-', '–', '—', ':', '/']);
    (rest.len() < tail.len()).then(|| rest.to_lowercase())
}

/// Whether a word of `len` bytes found in `h` ends at `e`: a boundary, or
/// for a long word an inflection or compound after it (`fødselsnummeret`,
/// `Personnummers`, `Telefonnummer`).
fn word_ends(h: &[u8], e: usize, len: usize) -> bool {
    h.get(e).is_none_or(|c| !c.is_ascii_alphabetic()) || len >= 6
}

const DNI_WORDS: &[&str] = &["dni", "nie", "nif", "documento", "d.n.i"];

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

// ===== national ids: a table of formats =====

/// A candidate id: its characters (digits and upper-case letters, the
/// separators dropped), the lengths of its groups and the separators
/// between them.
struct IdCand<'a> {
    chars: &'a [u8],
    lens: &'a [usize],
    seps: &'a [u8],
}

impl IdCand<'_> {
    /// Written without separators.
    fn plain(&self) -> bool {
        self.lens.len() == 1
    }

    /// Groups of these lengths joined by these separators.
    fn laid(&self, lens: &[usize], seps: &[u8]) -> bool {
        self.lens == lens && self.seps == seps
    }

    /// Groups of these lengths joined by one blank or dash throughout.
    fn grouped(&self, lens: &[usize]) -> bool {
        self.lens == lens
            && self
                .seps
                .iter()
                .all(|&c| Some(&c) == self.seps.first() && matches!(c, b' ' | b'-'))
    }

    fn digits(&self) -> bool {
        self.chars.iter().all(u8::is_ascii_digit)
    }
}

/// What a format whose shape and check characters hold still asks of the
/// text: nothing (its layout is distinctive), or a word naming the id
/// within the few words before it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Need {
    Nothing,
    Words,
    /// Its name, a general word for an identity number, or a bare `ID`
    /// right before (`ID number 8503144721086`): for formats whose date
    /// fields and check digits leave a chance match about one in a
    /// thousand.
    IdWord,
}

/// Shape, date fields and check characters of one format: `None` when
/// they fail, else what the text must add.
type IdCheck = fn(&IdCand) -> Option<Need>;

/// One national id format.
struct IdFormat {
    /// Shape, date fields and check characters; `None` when they fail.
    check: IdCheck,
    /// The numbers of id characters the format can have, one bit each:
    /// most candidates are ruled out before any check runs.
    sizes: u32,
    /// Words naming this id, lower case.
    words: &'static [&'static str],
    /// Whether the generic words for an identity number (`id no.`,
    /// `identity number`, `cédula`) also name it. Formats without a check
    /// character keep to their own names.
    generic: bool,
    /// Whether the name must stand right before the number (`passport no.
    /// C03005988`), with only `no.`, `number`, `is` and punctuation
    /// between: formats without a check character, which nothing else
    /// tells from an ordinary number.
    tight: bool,
}

/// Words that may stand between an id's name and the id.
const ID_FILLER: &[&str] = &[
    "no", "nr", "num", "number", "nummer", "numer", "numero", "número", "n°", "nº", "is", "es",
    "est", "ist", "de", "del", "do", "da", "my", "mi", "mon", "ma", "meu", "id", "card",
];

/// Words for an identity number in general, in several languages. Not
/// `id number` alone: customers, employees and tickets have those too.
const GENERIC_ID_WORDS: &[&str] = &[
    "national id",
    "national identity",
    "national identification",
    "identity number",
    "identity no",
    "identity card",
    "identification number",
    "identification no",
    "id card",
    "personal number",
    "personal id",
    "personal code",
    "personal identity",
    "citizen id",
    "identidad",
    "cédula",
    "cedula",
    "identidade",
    "identité",
    "identite",
    "identità",
    "identita",
    "ausweis",
    "personalausweis",
    "tożsamości",
    "tozsamosci",
    "личности",
    "身份",
    "身分",
    "신분",
    "هوية",
    "الهوية",
    "זהות",
    "kimlik",
];

fn dval(c: u8) -> u32 {
    u32::from(c.wrapping_sub(b'0'))
}

/// The value of a few digits.
fn dnum(d: &[u8]) -> u32 {
    d.iter().fold(0, |a, &x| a * 10 + dval(x))
}

/// Sum of digits times weights.
fn weighted(d: &[u8], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(&x, &k)| dval(x) * k).sum()
}

/// A plausible day and month (days up to 31 in any month).
fn day_month(dd: u32, mm: u32) -> bool {
    (1..=31).contains(&dd) && (1..=12).contains(&mm)
}

/// ISO 7064 MOD 11,10 over all but the last digit, which is the check
/// (Germany's Steuer-ID, Croatia's OIB).
fn iso7064_11_10(d: &[u8]) -> bool {
    let Some((&last, body)) = d.split_last() else {
        return false;
    };
    let mut p = 10;
    for &x in body {
        let mut s = (dval(x) + p) % 10;
        if s == 0 {
            s = 10;
        }
        p = s * 2 % 11;
    }
    (11 - p) % 10 == dval(last)
}

/// Luhn on digits only.
fn luhn_digits(d: &[u8]) -> bool {
    d.iter().all(u8::is_ascii_digit) && luhn(d)
}

// Formats already known: Canada SIN, Netherlands BSN, Brazil CPF, India
// Aadhaar, France NIR.

fn ca_sin(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    (d.len() == 9
        && c.digits()
        && (c.plain() || c.grouped(&[3, 3, 3]))
        && !matches!(d[0], b'0' | b'8')
        && luhn(d))
    .then_some(Need::Words)
}

fn nl_bsn(c: &IdCand) -> Option<Need> {
    (c.chars.len() == 9
        && c.digits()
        && (c.plain() || c.laid(&[4, 2, 3], b".."))
        && bsn_ok(c.chars))
    .then_some(Need::Words)
}

fn br_cpf(c: &IdCand) -> Option<Need> {
    if c.chars.len() != 11 || !c.digits() || !cpf_ok(c.chars) {
        return None;
    }
    if c.laid(&[3, 3, 3, 2], b"..-") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::Words)
    }
}

fn in_aadhaar(c: &IdCand) -> Option<Need> {
    (c.digits() && (c.plain() || c.grouped(&[4, 4, 4])) && aadhaar_ok(c.chars))
        .then_some(Need::Words)
}

fn fr_nir(c: &IdCand) -> Option<Need> {
    if c.chars.len() != 15 || !c.digits() || !nir_ok(c.chars) {
        return None;
    }
    if c.lens == [1, 2, 2, 2, 3, 3, 2] && c.seps.iter().all(|&x| x == b' ') {
        Some(Need::Nothing)
    } else {
        (c.plain() || c.lens == [13, 2]).then_some(Need::Words)
    }
}

/// Sweden personnummer: (YY)YYMMDD-NNNC, Luhn over the last ten digits;
/// a coordination number adds 60 to the day.
fn se_personnummer(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    let ten = match d.len() {
        10 => d,
        12 => &d[2..],
        _ => return None,
    };
    let layout =
        c.plain() || ((c.lens == [6, 4] || c.lens == [8, 4]) && matches!(c.seps, [b'-' | b'+']));
    let dd = dnum(&ten[4..6]);
    let dd = if dd > 60 { dd - 60 } else { dd };
    (c.digits() && layout && day_month(dd, dnum(&ten[2..4])) && luhn(ten)).then_some(Need::Words)
}

/// Norway fødselsnummer: DDMMYY and five digits, two mod-11 checks; a
/// D-number adds 40 to the day.
fn no_fodselsnummer(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 11 || !c.digits() || !(c.plain() || c.grouped(&[6, 5])) {
        return None;
    }
    let dd = dnum(&d[..2]) % 40;
    let mm = dnum(&d[2..4]) % 40;
    let k = |w: &[u32], n: usize| {
        let r = 11 - weighted(&d[..n], w) % 11;
        match r {
            11 => Some(0),
            10 => None,
            r => Some(r),
        }
    };
    let k1 = k(&[3, 7, 6, 1, 8, 9, 4, 5, 2], 9)?;
    let k2 = k(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], 10)?;
    (day_month(dd, mm) && k1 == dval(d[9]) && k2 == dval(d[10])).then_some(Need::Words)
}

/// Denmark CPR: DDMMYY-SSSS; the mod-11 check was dropped in 2007, so the
/// date and the name of the number carry it.
fn dk_cpr(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    (d.len() == 10
        && c.digits()
        && (c.plain() || c.laid(&[6, 4], b"-"))
        && day_month(dnum(&d[..2]), dnum(&d[2..4])))
    .then_some(Need::Words)
}

/// Finland HETU: DDMMYY, a century sign, three digits and a check
/// character (the nine digits mod 31).
fn fi_hetu(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    // The sign `-` or `+` is a separator; `A` (and the newer `B`-`F`, `U`-`Y`)
    // stays among the characters.
    let (date, num, check) = match d.len() {
        10 if c.lens == [6, 4] && matches!(c.seps, [b'-' | b'+']) => (&d[..6], &d[6..9], d[9]),
        11 if c.plain() && matches!(d[6], b'A'..=b'F' | b'U'..=b'Y') => (&d[..6], &d[7..10], d[10]),
        _ => return None,
    };
    if !date.iter().chain(num).all(u8::is_ascii_digit) {
        return None;
    }
    let n = dnum(date) as u64 * 1000 + u64::from(dnum(num));
    let table = b"0123456789ABCDEFHJKLMNPRSTUVWXY";
    (day_month(dnum(&date[..2]), dnum(&date[2..4])) && table[(n % 31) as usize] == check)
        .then_some(Need::Words)
}

/// Poland PESEL: YYMMDD (the month carries the century), four digits, a
/// weighted check digit.
fn pl_pesel(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 11 || !c.digits() || !c.plain() {
        return None;
    }
    let s = weighted(d, &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
    ((10 - s % 10) % 10 == dval(d[10]) && day_month(dnum(&d[4..6]), dnum(&d[2..4]) % 20))
        .then_some(Need::Words)
}

/// Chile RUT/RUN: seven or eight digits and a mod-11 check (`K` for 10).
fn cl_rut(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    let (check, body) = d.split_last()?;
    if !(7..=8).contains(&body.len()) || !body.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let s: u32 = body
        .iter()
        .rev()
        .zip([2, 3, 4, 5, 6, 7].iter().cycle())
        .map(|(&x, &w)| dval(x) * w)
        .sum();
    let want = match 11 - s % 11 {
        11 => b'0',
        10 => b'K',
        r => b'0' + r as u8,
    };
    if *check != want {
        return None;
    }
    let dotted = c.lens.len() == 4 && c.seps == b"..-" && c.lens[1..] == [3, 3, 1];
    if dotted {
        Some(Need::Nothing)
    } else {
        (c.plain() || c.laid(&[body.len(), 1], b"-")).then_some(Need::Words)
    }
}

/// Argentina CUIT/CUIL: a two-digit kind, the eight-digit DNI, a mod-11
/// check.
fn ar_cuit(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 11 || !c.digits() || !matches!(dnum(&d[..2]), 20 | 23 | 24 | 27 | 30 | 33 | 34) {
        return None;
    }
    let r = 11 - weighted(d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
    if (if r == 11 { 0 } else { r }) != dval(d[10]) {
        return None;
    }
    if c.laid(&[2, 8, 1], b"--") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::Words)
    }
}

/// Uruguay cédula de identidad: six or seven digits, then a check digit
/// (weights 2 9 8 7 6 3 4 over the body padded to seven digits; the check
/// makes the sum a multiple of ten), written `2.768.060-1` or plain. Its
/// name must stand near: the layout is Chile's RUT's too, and one number
/// in ten passes the check.
fn uy_cedula(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    let (&check, body) = d.split_last()?;
    if !(6..=7).contains(&body.len()) || !c.digits() {
        return None;
    }
    let mut padded = [b'0'; 7];
    padded[7 - body.len()..].copy_from_slice(body);
    let want = (10 - weighted(&padded, &[2, 9, 8, 7, 6, 3, 4]) % 10) % 10;
    if dval(check) != want {
        return None;
    }
    let n = body.len();
    let laid = c.plain()
        || c.laid(&[n, 1], b"-")
        || c.laid(&[n - 6, 3, 3, 1], b"..-")
        || (n == 6 && c.laid(&[3, 3, 1], b".-"));
    laid.then_some(Need::Words)
}

/// A Uruguay cédula written with its dash: `2.768.060-1`, `768060-4`.
fn uy_cedula_laid(c: &IdCand) -> Option<Need> {
    if c.plain() {
        return None;
    }
    uy_cedula(c)
}

/// Argentina DNI: seven or eight digits, often dotted; no check digit.
fn ar_dni(c: &IdCand) -> Option<Need> {
    let n = c.chars.len();
    ((7..=8).contains(&n) && c.digits() && (c.plain() || c.laid(&[n - 6, 3, 3], b"..")))
        .then_some(Need::Words)
}

/// Belgium national register number: YYMMDD, a serial, then 97 minus the
/// first nine digits mod 97 (with a `2` in front for births from 2000).
fn be_national_number(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 11 || !c.digits() {
        return None;
    }
    let first = u64::from(dnum(&d[..9]));
    let check = u64::from(dnum(&d[9..]));
    let ok = 97 - first % 97 == check || 97 - (2_000_000_000 + first) % 97 == check;
    let mm = dnum(&d[2..4]);
    if !ok || mm > 12 && !(20..=32).contains(&mm) && !(40..=52).contains(&mm) {
        return None;
    }
    if c.laid(&[2, 2, 2, 3, 2], b"..-.") || c.laid(&[6, 3, 2], b"--") {
        Some(Need::Nothing)
    } else {
        (c.plain() || c.grouped(&[6, 3, 2])).then_some(Need::Words)
    }
}

/// South Africa identity number: YYMMDD, gender and sequence, citizenship
/// (0-2), a digit, and a Luhn check.
fn za_id(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    (d.len() == 13
        && c.digits()
        && (c.plain() || c.grouped(&[6, 4, 3]))
        && d[10] <= b'2'
        && day_month(dnum(&d[4..6]), dnum(&d[2..4]))
        && luhn(d))
    .then_some(Need::IdWord)
}

/// China resident identity number: region, YYYYMMDD, sequence and an
/// ISO 7064 MOD 11-2 check (`X` for 10). Its date and region make an
/// eighteen-character number hard to meet by chance.
fn cn_resident_id(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 18
        || !(c.plain() || c.grouped(&[6, 8, 4]))
        || !d[..17].iter().all(u8::is_ascii_digit)
        || !matches!(d[0], b'1'..=b'8')
    {
        return None;
    }
    let year = dnum(&d[6..10]);
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let want = b"10X98765432"[(weighted(&d[..17], &w) % 11) as usize];
    ((1900..=2099).contains(&year)
        && day_month(dnum(&d[12..14]), dnum(&d[10..12]))
        && d[17] == want)
        .then_some(Need::Nothing)
}

/// Turkey T.C. kimlik numarası: eleven digits, two check digits.
fn tr_kimlik(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 11 || !c.digits() || !c.plain() || d[0] == b'0' {
        return None;
    }
    let odd: i32 = [0, 2, 4, 6, 8].iter().map(|&k| dval(d[k]) as i32).sum();
    let even: i32 = [1, 3, 5, 7].iter().map(|&k| dval(d[k]) as i32).sum();
    let d10 = (odd * 7 - even).rem_euclid(10) as u32;
    let d11 = d[..10].iter().map(|&x| dval(x)).sum::<u32>() % 10;
    (d10 == dval(d[9]) && d11 == dval(d[10])).then_some(Need::Words)
}

/// Singapore NRIC/FIN: S, T, F or G, seven digits, a check letter.
fn sg_nric(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 9 || !c.plain() || !d[1..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut s = weighted(&d[1..8], &[2, 7, 6, 5, 4, 3, 2]);
    if matches!(d[0], b'T' | b'G') {
        s += 4;
    }
    let table: &[u8; 11] = match d[0] {
        b'S' | b'T' => b"JZIHGFEDCBA",
        b'F' | b'G' => b"XWUTRQPNMLK",
        _ => return None,
    };
    (table[(s % 11) as usize] == d[8]).then_some(Need::Words)
}

/// Israel teudat zehut: nine digits (leading zeros kept) with a Luhn check.
fn il_teudat_zehut(c: &IdCand) -> Option<Need> {
    (c.chars.len() == 9 && c.plain() && luhn_digits(c.chars)).then_some(Need::Words)
}

/// Italy codice fiscale: six letters, year, month letter, day, place and a
/// check letter; digits may be swapped for letters (omocodia).
fn it_codice_fiscale(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 16 || !c.plain() {
        return None;
    }
    let num = |x: u8| x.is_ascii_digit() || b"LMNPQRSTUV".contains(&x);
    let shape = d[..6].iter().all(u8::is_ascii_uppercase)
        && num(d[6])
        && num(d[7])
        && b"ABCDEHLMPRST".contains(&d[8])
        && num(d[9])
        && num(d[10])
        && d[11].is_ascii_uppercase()
        && d[12..15].iter().all(|&x| num(x))
        && d[15].is_ascii_uppercase()
        && d[6..15].iter().any(u8::is_ascii_digit);
    if !shape {
        return None;
    }
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let value = |x: u8, odd: bool| {
        let k = if x.is_ascii_digit() {
            x - b'0'
        } else {
            x - b'A'
        };
        if odd {
            ODD[usize::from(k)]
        } else {
            u32::from(k)
        }
    };
    let s: u32 = d[..15]
        .iter()
        .enumerate()
        .map(|(i, &x)| value(x, i % 2 == 0))
        .sum();
    (b'A' + (s % 26) as u8 == d[15]).then_some(Need::Nothing)
}

/// Germany Steuer-ID: eleven digits, no leading zero, one digit repeated
/// two or three times among the first ten, an ISO 7064 check.
fn de_steuer_id(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 11 || !c.digits() || d[0] == b'0' || !(c.plain() || c.grouped(&[2, 3, 3, 3])) {
        return None;
    }
    let mut count = [0u8; 10];
    for &x in &d[..10] {
        count[usize::from(x - b'0')] += 1;
    }
    let repeated = count.iter().filter(|&&k| k >= 2).count();
    let most = count.iter().copied().max().unwrap_or(0);
    (repeated == 1 && most <= 3 && iso7064_11_10(d)).then_some(Need::Words)
}

/// Croatia OIB: eleven digits with an ISO 7064 check.
fn hr_oib(c: &IdCand) -> Option<Need> {
    (c.chars.len() == 11 && c.digits() && c.plain() && iso7064_11_10(c.chars))
        .then_some(Need::Words)
}

/// Mexico CURP: name letters, birth date, sex, state, consonants, a
/// homonym character and a check digit.
fn mx_curp(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 18 || !c.plain() {
        return None;
    }
    const STATES: &[&[u8; 2]] = &[
        b"AS", b"BC", b"BS", b"CC", b"CL", b"CM", b"CS", b"CH", b"DF", b"DG", b"GT", b"GR", b"HG",
        b"JC", b"MC", b"MN", b"MS", b"NT", b"NL", b"OC", b"PL", b"QT", b"QR", b"SP", b"SL", b"SR",
        b"TC", b"TS", b"TL", b"VZ", b"YN", b"ZS", b"NE",
    ];
    let shape = d[..4].iter().all(u8::is_ascii_uppercase)
        && d[4..10].iter().all(u8::is_ascii_digit)
        && matches!(d[10], b'H' | b'M' | b'X')
        && STATES.iter().any(|s| s[..] == d[11..13])
        && d[13..16].iter().all(u8::is_ascii_uppercase)
        && d[16].is_ascii_alphanumeric()
        && d[17].is_ascii_digit()
        && day_month(dnum(&d[8..10]), dnum(&d[6..8]));
    if !shape {
        return None;
    }
    // The alphabet has Ñ after N: letters from O on count one more.
    let value = |x: u8| -> u32 {
        match x {
            b'0'..=b'9' => u32::from(x - b'0'),
            b'A'..=b'N' => u32::from(x - b'A') + 10,
            _ => u32::from(x - b'A') + 11,
        }
    };
    let s: u32 = d[..17]
        .iter()
        .enumerate()
        .map(|(i, &x)| value(x) * (18 - i as u32))
        .sum();
    ((10 - s % 10) % 10 == dval(d[17])).then_some(Need::Nothing)
}

/// Australia tax file number: nine digits, weighted sum divisible by 11.
fn au_tfn(c: &IdCand) -> Option<Need> {
    (c.chars.len() == 9
        && c.digits()
        && (c.plain() || c.grouped(&[3, 3, 3]))
        && weighted(c.chars, &[1, 4, 3, 7, 5, 8, 6, 9, 10]).is_multiple_of(11))
    .then_some(Need::Words)
}

/// US ITIN: nine digits starting with 9, the middle pair in the ranges
/// the IRS issues.
fn us_itin(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 9 || !c.digits() || d[0] != b'9' {
        return None;
    }
    let g = dnum(&d[3..5]);
    if !matches!(g, 50..=65 | 70..=88 | 90..=92 | 94..=99) {
        return None;
    }
    if c.laid(&[3, 2, 4], b"--") {
        Some(Need::Nothing)
    } else {
        (c.plain() || c.grouped(&[3, 2, 4])).then_some(Need::Words)
    }
}

/// A passport number (six to nine characters, mostly digits, at most two
/// letters in front), only after a word for passport.
fn passport(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    let lead = d.iter().take_while(|x| x.is_ascii_uppercase()).count();
    ((6..=9).contains(&d.len())
        && c.plain()
        && lead <= 2
        && d[lead..].iter().all(u8::is_ascii_digit)
        && d.len() - lead >= 6)
        .then_some(Need::Words)
}

/// South Korea resident registration number: YYMMDD-GNNNNNC with a
/// weighted check.
fn kr_rrn(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 13 || !c.digits() || !matches!(d[6], b'1'..=b'8') {
        return None;
    }
    let s = weighted(d, &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]);
    if (11 - s % 11) % 10 != dval(d[12]) || !day_month(dnum(&d[4..6]), dnum(&d[2..4])) {
        return None;
    }
    if c.laid(&[6, 7], b"-") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::IdWord)
    }
}

/// Switzerland AHV/AVS number: 756, nine digits, an EAN-13 check.
fn ch_ahv(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 13 || !c.digits() || &d[..3] != b"756" {
        return None;
    }
    let s: u32 = d[..12]
        .iter()
        .enumerate()
        .map(|(i, &x)| dval(x) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    if (10 - s % 10) % 10 != dval(d[12]) {
        return None;
    }
    if c.laid(&[3, 4, 4, 2], b"...") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::Words)
    }
}

/// Czech and Slovak rodné číslo: YYMMDD/NNNN, divisible by 11; women's
/// months count from 51.
fn cz_rodne_cislo(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 10 || !c.digits() || !(c.plain() || c.laid(&[6, 4], b"/")) {
        return None;
    }
    let mm = dnum(&d[2..4]) % 50 % 20;
    (day_month(dnum(&d[4..6]), mm) && digits_value(d).is_multiple_of(11)).then_some(Need::Words)
}

/// Romania CNP: sex and century, YYMMDD, county, serial, weighted check.
fn ro_cnp(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 13 || !c.digits() || !c.plain() || d[0] == b'0' {
        return None;
    }
    let r = weighted(d, &[2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
    ((if r == 10 { 1 } else { r }) == dval(d[12]) && day_month(dnum(&d[5..7]), dnum(&d[3..5])))
        .then_some(Need::Words)
}

/// Estonia isikukood and Lithuania asmens kodas: sex and century, YYMMDD,
/// serial, a two-pass mod-11 check.
fn ee_isikukood(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 11 || !c.digits() || !c.plain() || !matches!(d[0], b'1'..=b'6') {
        return None;
    }
    let mut r = weighted(d, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
    if r == 10 {
        r = weighted(d, &[3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11 % 10;
    }
    (r == dval(d[10]) && day_month(dnum(&d[5..7]), dnum(&d[3..5]))).then_some(Need::Words)
}

/// Iceland kennitala: DDMMYY, two digits, a mod-11 check, a century digit.
fn is_kennitala(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 10 || !c.digits() || !(c.plain() || c.laid(&[6, 4], b"-")) {
        return None;
    }
    let r = 11 - weighted(d, &[3, 2, 7, 6, 5, 4, 3, 2]) % 11;
    let r = if r == 11 { 0 } else { r };
    (r < 10 && r == dval(d[8]) && day_month(dnum(&d[..2]) % 40, dnum(&d[2..4])))
        .then_some(Need::Words)
}

/// Portugal NIF: nine digits, a mod-11 check.
fn pt_nif(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 9
        || !c.digits()
        || !(c.plain() || c.grouped(&[3, 3, 3]))
        || !b"1235689".contains(&d[0])
    {
        return None;
    }
    let r = 11 - weighted(d, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    ((if r >= 10 { 0 } else { r }) == dval(d[8])).then_some(Need::Words)
}

/// Thailand citizen id: thirteen digits, a mod-11 check; often written
/// 1-2345-67890-12-3.
fn th_citizen_id(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 13 || !c.digits() || d[0] == b'0' || d[0] == b'9' {
        return None;
    }
    let s = weighted(d, &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    if (11 - s % 11) % 10 != dval(d[12]) {
        return None;
    }
    if c.laid(&[1, 4, 5, 2, 1], b"----") {
        Some(Need::Nothing)
    } else {
        (c.plain() || c.grouped(&[1, 4, 5, 2, 1])).then_some(Need::Words)
    }
}

/// India PAN: five letters (the fourth names the holder's kind), four
/// digits, a letter.
fn in_pan(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    (d.len() == 10
        && c.plain()
        && d[..5].iter().all(u8::is_ascii_uppercase)
        && b"ABCFGHLJPT".contains(&d[3])
        && d[5..9].iter().all(u8::is_ascii_digit)
        && d[9].is_ascii_uppercase())
    .then_some(Need::Words)
}

/// UK NHS number: ten digits, a mod-11 check.
fn uk_nhs(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 10 || !c.digits() || !(c.plain() || c.grouped(&[3, 3, 4])) {
        return None;
    }
    let r = 11 - weighted(d, &[10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    let r = if r == 11 { 0 } else { r };
    (r < 10 && r == dval(d[9])).then_some(Need::Words)
}

/// Greece AMKA: DDMMYY, five digits, Luhn.
fn gr_amka(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    (d.len() == 11 && c.plain() && luhn_digits(d) && day_month(dnum(&d[..2]), dnum(&d[2..4])))
        .then_some(Need::Words)
}

/// Bulgaria EGN: YYMMDD (the month carries the century), three digits, a
/// weighted check.
fn bg_egn(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 10 || !c.digits() || !c.plain() {
        return None;
    }
    let r = weighted(d, &[2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11 % 10;
    (r == dval(d[9]) && day_month(dnum(&d[4..6]), dnum(&d[2..4]) % 20)).then_some(Need::Words)
}

/// Malaysia MyKad: YYMMDD-PB-NNNN; no check digit, so the dashed layout or
/// the card's name.
fn my_mykad(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 12 || !c.digits() || !day_month(dnum(&d[4..6]), dnum(&d[2..4])) {
        return None;
    }
    if c.laid(&[6, 2, 4], b"--") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::Words)
    }
}

/// Pakistan CNIC: 12345-1234567-1.
fn pk_cnic(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 13 || !c.digits() || d[0] == b'0' {
        return None;
    }
    if c.laid(&[5, 7, 1], b"--") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::Words)
    }
}

/// Saudi national id or iqama: ten digits starting with 1 or 2, Luhn.
fn sa_national_id(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    (d.len() == 10 && c.plain() && matches!(d[0], b'1' | b'2') && luhn_digits(d))
        .then_some(Need::Words)
}

/// United Arab Emirates id: 784-YYYY-NNNNNNN-C, Luhn.
fn ae_emirates_id(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 15 || &d[..3] != b"784" || !luhn_digits(d) {
        return None;
    }
    if c.laid(&[3, 4, 7, 1], b"---") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::Words)
    }
}

/// Russia SNILS: nine digits and a two-digit check, written 112-233-445 95.
fn ru_snils(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 11 || !c.digits() {
        return None;
    }
    let s = weighted(d, &[9, 8, 7, 6, 5, 4, 3, 2, 1]);
    let want = match s {
        0..=99 => s,
        100 | 101 => 0,
        _ => s % 101 % 100,
    };
    if want != dnum(&d[9..]) {
        return None;
    }
    if c.laid(&[3, 3, 3, 2], b"-- ") || c.laid(&[3, 3, 3, 2], b"---") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::Words)
    }
}

/// Russia INN of a person: twelve digits, two check digits.
fn ru_inn(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 12 || !c.digits() || !c.plain() {
        return None;
    }
    let k1 = weighted(d, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10;
    let k2 = weighted(d, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10;
    (k1 == dval(d[10]) && k2 == dval(d[11])).then_some(Need::Words)
}

/// Indonesia NIK: sixteen digits with the birth date inside (day plus 40
/// for women); no check digit.
fn id_nik(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    (d.len() == 16 && c.digits() && c.plain() && day_month(dnum(&d[6..8]) % 40, dnum(&d[8..10])))
        .then_some(Need::Words)
}

/// Nigeria NIN: eleven digits, no check digit.
fn ng_nin(c: &IdCand) -> Option<Need> {
    (c.chars.len() == 11 && c.digits() && c.plain()).then_some(Need::Words)
}

/// Nigeria bank verification number: eleven digits starting with 22, no
/// check digit.
fn ng_bvn(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    (d.len() == 11 && c.digits() && c.plain() && d.starts_with(b"22")).then_some(Need::Words)
}

/// Brazil CNPJ (a company's register number, also a sole trader's):
/// twelve digits and two mod-11 check digits, written 12.345.678/0001-95.
fn br_cnpj(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 14 || !c.digits() || d.iter().all(|&x| x == d[0]) {
        return None;
    }
    let check = |n: usize| {
        let w: &[u32] = &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
        let r = weighted(&d[..n], &w[13 - n..]) % 11;
        if r < 2 { 0 } else { 11 - r }
    };
    if check(12) != dval(d[12]) || check(13) != dval(d[13]) {
        return None;
    }
    if c.laid(&[2, 3, 3, 4, 2], b"../-") {
        Some(Need::Nothing)
    } else {
        c.plain().then_some(Need::Words)
    }
}

/// Japan My Number: eleven digits and a weighted check.
fn jp_my_number(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 12 || !c.digits() || !(c.plain() || c.grouped(&[4, 4, 4])) {
        return None;
    }
    let s: u32 = (1..=11u32)
        .map(|n| dval(d[11 - n as usize]) * if n <= 6 { n + 1 } else { n - 5 })
        .sum();
    let r = s % 11;
    ((if r <= 1 { 0 } else { 11 - r }) == dval(d[11])).then_some(Need::Words)
}

/// Taiwan national id: a letter for the place, 1 or 2, eight digits; the
/// letter counts as two digits in the weighted check.
fn tw_national_id(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if d.len() != 10
        || !c.plain()
        || !d[0].is_ascii_uppercase()
        || !d[1..].iter().all(u8::is_ascii_digit)
        || !matches!(d[1], b'1' | b'2')
    {
        return None;
    }
    const PLACE: [u32; 26] = [
        10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32,
        30, 31, 33,
    ];
    let p = PLACE[usize::from(d[0] - b'A')];
    let s = p / 10 + p % 10 * 9 + weighted(&d[1..9], &[8, 7, 6, 5, 4, 3, 2, 1]) + dval(d[9]);
    s.is_multiple_of(10).then_some(Need::Words)
}

/// Ireland PPS number: seven digits, a check letter, maybe one more letter.
fn ie_ppsn(c: &IdCand) -> Option<Need> {
    let d = c.chars;
    if !(8..=9).contains(&d.len())
        || !c.plain()
        || !d[..7].iter().all(u8::is_ascii_digit)
        || !d[7..].iter().all(u8::is_ascii_uppercase)
    {
        return None;
    }
    let extra = d.get(8).map_or(0, |&x| {
        if x == b'W' {
            0
        } else {
            u32::from(x - b'A') + 1
        }
    });
    let r = (weighted(&d[..7], &[8, 7, 6, 5, 4, 3, 2]) + extra * 9) % 23;
    let want = if r == 0 { b'W' } else { b'A' + r as u8 - 1 };
    (want == d[7]).then_some(Need::Words)
}

/// A set of id lengths as bits.
const fn sizes(lens: &[u32]) -> u32 {
    let mut m = 0;
    let mut i = 0;
    while i < lens.len() {
        m |= 1 << lens[i];
        i += 1;
    }
    m
}

/// Every national id format, each with the words that name it.
static ID_FORMATS: &[IdFormat] = &[
    IdFormat {
        check: ca_sin,
        sizes: sizes(&[9]),
        words: &["sin", "social insurance", "nas", "assurance sociale"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: nl_bsn,
        sizes: sizes(&[9]),
        words: &["bsn", "burgerservicenummer", "sofinummer", "sofi"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: br_cpf,
        sizes: sizes(&[11]),
        words: &["cpf"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: in_aadhaar,
        sizes: sizes(&[12]),
        words: &["aadhaar", "aadhar", "uidai", "uid", "आधार"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: fr_nir,
        sizes: sizes(&[15]),
        words: &[
            "nir",
            "sécu",
            "secu",
            "sécurité sociale",
            "securite sociale",
            "insee",
            "carte vitale",
        ],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: se_personnummer,
        sizes: sizes(&[10, 12]),
        words: &[
            "personnummer",
            "personnumret",
            "personnr",
            "pnr",
            "samordningsnummer",
            "person number",
            "personal identity number",
        ],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: no_fodselsnummer,
        sizes: sizes(&[11]),
        words: &[
            "fødselsnummer",
            "fodselsnummer",
            "fødselsnr",
            "fnr",
            "d-nummer",
            "personnummer",
            "birth number",
        ],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: dk_cpr,
        sizes: sizes(&[10]),
        words: &["cpr", "cpr-nr", "cpr-nummer", "personnummer"],
        generic: false,
        tight: true,
    },
    IdFormat {
        check: fi_hetu,
        sizes: sizes(&[10, 11]),
        words: &[
            "henkilötunnus",
            "henkilotunnus",
            "hetu",
            "sotu",
            "personbeteckning",
            "personal identity code",
        ],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: pl_pesel,
        sizes: sizes(&[11]),
        words: &["pesel"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: cl_rut,
        sizes: sizes(&[8, 9]),
        words: &[
            "rut",
            "r.u.t",
            "run",
            "rol único tributario",
            "rol unico tributario",
        ],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: ar_cuit,
        sizes: sizes(&[11]),
        words: &["cuit", "cuil", "c.u.i.t", "c.u.i.l"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: uy_cedula,
        sizes: sizes(&[7, 8]),
        words: &["c.i", "cédula", "cedula", "cédula de identidad"],
        generic: true,
        tight: false,
    },
    // "CI" also names continuous integration ("CI build 19023845"): with
    // it, only the cédula's own layout counts.
    IdFormat {
        check: uy_cedula_laid,
        sizes: sizes(&[7, 8]),
        words: &["ci"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: ar_dni,
        sizes: sizes(&[7, 8]),
        words: &["dni", "d.n.i"],
        generic: false,
        tight: true,
    },
    IdFormat {
        check: be_national_number,
        sizes: sizes(&[11]),
        words: &[
            "rijksregisternummer",
            "rijksregister",
            "registre national",
            "numéro national",
            "numero national",
            "nationaal nummer",
            "insz",
            "niss",
            "rrn",
            "national number",
        ],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: za_id,
        sizes: sizes(&[13]),
        words: &["sa id", "rsa id", "south african id"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: cn_resident_id,
        sizes: sizes(&[18]),
        words: &["身份证", "身份證", "公民身份号码", "resident id"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: tr_kimlik,
        sizes: sizes(&[11]),
        words: &["kimlik", "tckn", "tc no", "t.c", "tc kimlik", "vatandaşlık"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: sg_nric,
        sizes: sizes(&[9]),
        words: &["nric", "fin", "ic no", "ic", "i/c"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: il_teudat_zehut,
        sizes: sizes(&[9]),
        words: &[
            "teudat zehut",
            "תעודת זהות",
            "מספר זהות",
            "ת.ז",
            "ת\"ז",
            "zehut",
        ],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: it_codice_fiscale,
        sizes: sizes(&[16]),
        words: &["codice fiscale"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: de_steuer_id,
        sizes: sizes(&[11]),
        words: &[
            "steuer-id",
            "steuerid",
            "steuer-identifikationsnummer",
            "steueridentifikationsnummer",
            "identifikationsnummer",
            "idnr",
            "steuerliche",
            "tax id",
            "tin",
        ],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: hr_oib,
        sizes: sizes(&[11]),
        words: &["oib"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: mx_curp,
        sizes: sizes(&[18]),
        words: &["curp"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: au_tfn,
        sizes: sizes(&[9]),
        words: &["tfn", "tax file number", "tax file no"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: us_itin,
        sizes: sizes(&[9]),
        words: &["itin", "taxpayer identification"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: passport,
        sizes: sizes(&[6, 7, 8, 9]),
        words: &[
            "passport",
            "pasaporte",
            "passeport",
            "reisepass",
            "passaporto",
            "paspoort",
            "passaporte",
            "paszport",
            "pasaport",
            "паспорт",
            "护照",
            "護照",
            "パスポート",
            "여권",
            "דרכון",
            "جواز",
        ],
        generic: false,
        tight: true,
    },
    IdFormat {
        check: kr_rrn,
        sizes: sizes(&[13]),
        words: &["주민등록번호", "주민번호", "resident registration"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: ch_ahv,
        sizes: sizes(&[13]),
        words: &["ahv", "avs", "ahvn13", "sozialversicherungsnummer"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: cz_rodne_cislo,
        sizes: sizes(&[10]),
        words: &["rodné číslo", "rodne cislo", "rodného čísla", "r.č", "rč"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: ro_cnp,
        sizes: sizes(&[13]),
        words: &["cnp", "cod numeric personal"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: ee_isikukood,
        sizes: sizes(&[11]),
        words: &["isikukood", "asmens kodas", "personal code"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: is_kennitala,
        sizes: sizes(&[10]),
        words: &["kennitala", "kt"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: pt_nif,
        sizes: sizes(&[9]),
        words: &["nif", "contribuinte"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: th_citizen_id,
        sizes: sizes(&[13]),
        words: &["เลขประจำตัวประชาชน", "บัตรประชาชน", "thai id"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: in_pan,
        sizes: sizes(&[10]),
        words: &["pan", "permanent account number"],
        generic: false,
        tight: true,
    },
    IdFormat {
        check: uk_nhs,
        sizes: sizes(&[10]),
        words: &["nhs"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: gr_amka,
        sizes: sizes(&[11]),
        words: &["amka", "αμκα"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: bg_egn,
        sizes: sizes(&[10]),
        words: &["egn", "егн"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: my_mykad,
        sizes: sizes(&[12]),
        words: &["mykad", "kad pengenalan", "no. kp", "no kp"],
        generic: true,
        tight: true,
    },
    IdFormat {
        check: pk_cnic,
        sizes: sizes(&[13]),
        words: &["cnic", "nic"],
        generic: true,
        tight: true,
    },
    IdFormat {
        check: sa_national_id,
        sizes: sizes(&[10]),
        words: &["iqama", "إقامة", "الهوية الوطنية"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: ae_emirates_id,
        sizes: sizes(&[15]),
        words: &["emirates id"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: ru_snils,
        sizes: sizes(&[11]),
        words: &["снилс", "snils"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: ru_inn,
        sizes: sizes(&[12]),
        words: &["инн", "inn"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: id_nik,
        sizes: sizes(&[16]),
        words: &["nik", "ktp"],
        generic: false,
        tight: true,
    },
    IdFormat {
        check: ng_nin,
        sizes: sizes(&[11]),
        words: &["nin"],
        generic: false,
        tight: true,
    },
    IdFormat {
        check: ng_bvn,
        sizes: sizes(&[11]),
        words: &["bvn", "bank verification"],
        generic: false,
        tight: true,
    },
    IdFormat {
        check: br_cnpj,
        sizes: sizes(&[14]),
        words: &["cnpj"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: jp_my_number,
        sizes: sizes(&[12]),
        words: &["マイナンバー", "個人番号", "my number"],
        generic: false,
        tight: false,
    },
    IdFormat {
        check: tw_national_id,
        sizes: sizes(&[10]),
        words: &["身分證", "身分证"],
        generic: true,
        tight: false,
    },
    IdFormat {
        check: ie_ppsn,
        sizes: sizes(&[8, 9]),
        words: &["ppsn", "pps no", "pps number", "personal public service"],
        generic: false,
        tight: false,
    },
];

/// Whether the candidate at `s` is a national id: a format whose shape and
/// check characters hold, and, unless its layout is distinctive, a word
/// naming it shortly before.
fn national_id_at(text: &str, s: usize, e: usize, c: &IdCand) -> bool {
    let n = c.chars.len();
    if n >= 32 {
        return false;
    }
    let bit = 1u32 << n;
    // The words around are read once, for every format that asks.
    let mut named: Option<Named> = None;
    ID_FORMATS
        .iter()
        .enumerate()
        .filter(|(_, f)| f.sizes & bit != 0)
        .any(|(k, f)| match (f.check)(c) {
            None => false,
            Some(Need::Nothing) => true,
            Some(need) => {
                let w = named.get_or_insert_with(|| id_words_around(text, s, e));
                let me = 1u64 << k;
                if f.tight {
                    w.right_before & me != 0
                } else {
                    (w.before | w.after) & me != 0
                        || (f.generic && w.generic)
                        || (need == Need::IdWord && bare_id_before(text, s))
                }
            }
        })
}

/// Which formats the words around a candidate name, one bit per entry of
/// [`ID_FORMATS`].
struct Named {
    /// Named within the few words before.
    before: u64,
    /// Named right before, with only `no.`, `number` and punctuation between.
    right_before: u64,
    /// Named by the first word after.
    after: u64,
    /// A general word for an identity number stands before.
    generic: bool,
}

/// Every word naming an id, and the formats (bits) it names; the last bit
/// stands for the general words.
static ID_NAME_AC: LazyLock<(AhoCorasick, Vec<u64>)> = LazyLock::new(|| {
    const GENERIC: u64 = 1 << 63;
    let mut words: Vec<&str> = Vec::new();
    let mut masks: Vec<u64> = Vec::new();
    let mut add = |w: &'static str, m: u64| match words.iter().position(|x| *x == w) {
        Some(i) => masks[i] |= m,
        None => {
            words.push(w);
            masks.push(m);
        }
    };
    for (k, f) in ID_FORMATS.iter().enumerate() {
        for w in f.words {
            add(w, 1 << k);
        }
    }
    for w in GENERIC_ID_WORDS {
        add(w, GENERIC);
    }
    (AhoCorasick::new(&words).expect("static patterns"), masks)
});

/// Whether `ID` stands right before `s`, with only `no.`, `number` and
/// punctuation between (`ID number`, `"id_no": `). `Employee ID`,
/// `customer id` are the ids of records, not of people: only a possessive,
/// the end of a clause or nothing may stand before it.
fn bare_id_before(text: &str, s: usize) -> bool {
    let mut lo = s.saturating_sub(40);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let head = text[lo..s].to_lowercase();
    // Walk back over the filler words to `id`.
    let mut rest = head.as_str();
    for _ in 0..3 {
        rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
        // Past the separator, whatever its width (`—`, `：`).
        let start = rest
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = &rest[start..];
        rest = &rest[..start];
        if word == "id" {
            // Before it: nothing, the end of a clause, or a possessive.
            let before = rest.trim_end();
            let prev = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            return before.is_empty()
                || !before.ends_with(|c: char| c.is_alphanumeric())
                || ["my", "your", "his", "her", "their", "our"].contains(&prev);
        }
        if !ID_FILLER.contains(&word) {
            return false;
        }
    }
    false
}

fn id_words_around(text: &str, s: usize, e: usize) -> Named {
    const GENERIC: u64 = 1 << 63;
    let (ac, masks) = &*ID_NAME_AC;
    let mut lo = s.saturating_sub(40);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let head = text[lo..s].to_lowercase();
    let h = head.as_bytes();
    let (mut before, mut right_before) = (0u64, 0u64);
    for m in ac.find_overlapping_iter(&head) {
        let (p, end) = (m.start(), m.end());
        if !((p == 0 || !h[p - 1].is_ascii_alphabetic()) && word_ends(h, end, end - p)) {
            continue;
        }
        let mask = masks[m.pattern().as_usize()];
        before |= mask;
        // Past an inflection of a long word, only filler words remain?
        let e2 = end
            + if end - p >= 6 {
                h[end..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count()
            } else {
                0
            };
        // `National Identification Number (NIN): `: brackets around the
        // abbreviation are punctuation too.
        let filler = head[e2..]
            .split(|c: char| {
                c.is_whitespace()
                    || matches!(
                        c,
                        ':' | '#' | '.' | '=' | '"' | '\'' | '-' | ',' | '(' | ')'
                    )
            })
            .filter(|t| !t.is_empty())
            .all(|t| ID_FILLER.contains(&t));
        if filler {
            right_before |= mask;
        }
    }
    let mut after = 0u64;
    if let Some(rest) = word_after(text, e) {
        let r = rest.as_bytes();
        for m in ac.find_overlapping_iter(&rest) {
            if m.start() == 0 && word_ends(r, m.end(), m.end()) {
                after |= masks[m.pattern().as_usize()];
            }
        }
    }
    Named {
        before: before & !GENERIC,
        right_before: right_before & !GENERIC,
        after: after & !GENERIC,
        generic: before & GENERIC != 0,
    }
}

/// A national id written with letters among its digits (`S8734215H`,
/// `131052-308T`, `BNCGPP82L14F205W`) starting at `s`: upper-case letters
/// and digits, single `-`, `.` or `/` between groups. Returns its end.
fn alnum_id(text: &str, s: usize) -> Option<usize> {
    let b = text.as_bytes();
    if s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_') {
        return None;
    }
    let mut chars = [0u8; 24];
    let mut lens = [0usize; 8];
    let mut seps = [0u8; 7];
    let (mut n, mut g) = (0, 0);
    let mut i = s;
    while i < b.len() && n < chars.len() {
        let x = b[i];
        if x.is_ascii_digit() || x.is_ascii_uppercase() {
            chars[n] = x;
            n += 1;
            lens[g] += 1;
            i += 1;
        } else if matches!(x, b'-' | b'.' | b'/' | b'+')
            && lens[g] > 0
            && g + 1 < lens.len()
            && b.get(i + 1)
                .is_some_and(|y| y.is_ascii_digit() || y.is_ascii_uppercase())
        {
            seps[g] = x;
            g += 1;
            i += 1;
        } else {
            break;
        }
    }
    if n < 8 || (i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_')) {
        return None;
    }
    let cand = IdCand {
        chars: &chars[..n],
        lens: &lens[..=g],
        seps: &seps[..g],
    };
    // Letters and digits both: a word or a plain number is not this path's.
    let letters = cand.chars.iter().any(u8::is_ascii_uppercase);
    (letters && cand.chars.iter().any(u8::is_ascii_digit) && national_id_at(text, s, i, &cand))
        .then_some(i)
}

/// Words naming a Hong Kong identity card.
const HKID_WORDS: &[&str] = &[
    "hkid",
    "hong kong id",
    "hong kong identity",
    "身份證",
    "身份证",
    "identity card",
    "id card",
];

/// A Hong Kong identity card number at `s`: one or two letters, six
/// digits and a check character (a digit or `A`, the weighted sum mod 11),
/// the check usually in brackets: `K391204(3)`. Bracketed, the layout is
/// distinctive; bare, the card must be named shortly before.
fn hkid_at(text: &str, s: usize) -> Option<usize> {
    let b = text.as_bytes();
    if s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_') {
        return None;
    }
    let letters = run(b, s, 3, |x| x.is_ascii_uppercase());
    let d = s + letters;
    if !(1..=2).contains(&letters) || run(b, d, 8, |x| x.is_ascii_digit()) < 6 {
        return None;
    }
    let (check, end, bracketed) = match b.get(d + 6) {
        Some(b'(') if b.get(d + 8) == Some(&b')') => (*b.get(d + 7)?, d + 9, true),
        Some(&c) => (c, d + 7, false),
        None => return None,
    };
    if b.get(end)
        .is_some_and(|x| x.is_ascii_alphanumeric() || *x == b'_')
    {
        return None;
    }
    // A missing first letter counts as a blank, worth 36.
    let val = |x: u8| u32::from(x - b'A') + 10;
    let mut sum = if letters == 1 {
        36 * 9 + val(b[s]) * 8
    } else {
        val(b[s]) * 9 + val(b[s + 1]) * 8
    };
    for (k, &x) in b[d..d + 6].iter().enumerate() {
        sum += dval(x) * (7 - k as u32);
    }
    let want = (11 - sum % 11) % 11;
    let got = match check {
        b'A' => 10,
        b'0'..=b'9' => dval(check),
        _ => return None,
    };
    (got == want && (bracketed || id_context(text, s, HKID_WORDS))).then_some(end)
}

// ===== machine-readable zones =====

fn mrz_char(x: u8) -> bool {
    x.is_ascii_uppercase() || x.is_ascii_digit() || x == b'<'
}

/// ICAO 9303 check digit of `field` (weights 7, 3, 1; `<` is 0, letters
/// 10-35): `c` must be it, or `<` for an empty field.
fn mrz_check(field: &[u8], c: u8) -> bool {
    let val = |x: u8| match x {
        b'0'..=b'9' => u32::from(x - b'0'),
        b'A'..=b'Z' => u32::from(x - b'A') + 10,
        _ => 0,
    };
    let sum: u32 = field
        .iter()
        .zip([7, 3, 1].iter().cycle())
        .map(|(&x, w)| val(x) * w)
        .sum();
    if c == b'<' {
        return field.iter().all(|&x| x == b'<');
    }
    c.is_ascii_digit() && sum % 10 == u32::from(c - b'0')
}

/// The second line of a passport (TD3, 44 characters) or of a TD2 card
/// (36): document number, birth and expiry dates, each with its check
/// digit, and a composite check over them.
fn mrz_line2(l: &[u8]) -> bool {
    if !matches!(l.len(), 44 | 36) {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| l[r].iter().all(u8::is_ascii_digit);
    let last = l.len() - 1;
    let mut comp = Vec::with_capacity(44);
    comp.extend_from_slice(&l[..10]);
    comp.extend_from_slice(&l[13..20]);
    comp.extend_from_slice(&l[21..last]);
    digits(13..19)
        && digits(21..27)
        && matches!(l[20], b'M' | b'F' | b'X' | b'<')
        && mrz_check(&l[..9], l[9])
        && mrz_check(&l[13..19], l[19])
        && mrz_check(&l[21..27], l[27])
        && (l.len() == 36 || mrz_check(&l[28..42], l[42]))
        && mrz_check(&comp, l[last])
}

/// An identity card's zone (TD1, three lines of 30): the document number
/// and its check on the first line, the birth and expiry dates with theirs
/// on the second, and the composite check over both.
fn mrz_td1(l1: &[u8], l2: &[u8]) -> bool {
    if l1.len() != 30 || l2.len() != 30 {
        return false;
    }
    let mut comp = Vec::with_capacity(60);
    comp.extend_from_slice(&l1[5..30]);
    comp.extend_from_slice(&l2[..7]);
    comp.extend_from_slice(&l2[8..15]);
    comp.extend_from_slice(&l2[18..29]);
    l2[..6].iter().all(u8::is_ascii_digit)
        && l2[8..14].iter().all(u8::is_ascii_digit)
        && matches!(l2[7], b'M' | b'F' | b'X' | b'<')
        && mrz_check(&l1[5..14], l1[14])
        && mrz_check(&l2[..6], l2[6])
        && mrz_check(&l2[8..14], l2[14])
        && mrz_check(&comp, l2[29])
}

/// The machine-readable zone of a passport or identity card: lines of
/// `A-Z`, digits and `<` whose check digits hold. The whole zone is
/// reported, names included.
fn scan_mrz(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let run_at = |p: usize| {
        let mut s = p;
        while s > 0 && mrz_char(b[s - 1]) {
            s -= 1;
        }
        (s, p + run(b, p, 64, mrz_char))
    };
    // The run after a line break (or a blank) at `e`.
    let next_line = |e: usize| {
        let k = e + run(b, e, 2, |x| matches!(x, b'\n' | b'\r' | b' '));
        (k > e && b.get(k).is_some_and(|&x| mrz_char(x))).then(|| run_at(k))
    };
    let mut last = 0;
    for p in memchr::memmem::find_iter(b, b"<<") {
        if p < last {
            continue;
        }
        let (s, e) = run_at(p);
        last = e;
        let len = e - s;
        if !matches!(len, 30 | 36 | 44) {
            continue;
        }
        if mrz_line2(&b[s..e]) {
            // Cover the first line too when it stands right before.
            let mut start = s;
            let k = s - b[..s]
                .iter()
                .rev()
                .take(2)
                .take_while(|&&x| matches!(x, b'\n' | b'\r' | b' '))
                .count();
            if k < s && k > 0 && mrz_char(b[k - 1]) {
                let (s1, _) = run_at(k - 1);
                if k - s1 == len {
                    start = s1;
                }
            }
            push(hits, R_NATID, start, e);
            continue;
        }
        if let Some((s2, e2)) = next_line(e)
            && e2 - s2 == len
            && (mrz_line2(&b[s2..e2]) || mrz_td1(&b[s..e], &b[s2..e2]))
        {
            // A TD1 zone's third line holds the names.
            let mut end = e2;
            if len == 30
                && let Some((s3, e3)) = next_line(e2)
                && e3 - s3 == 30
            {
                end = e3;
            }
            push(hits, R_NATID, s, end);
            last = end;
        }
    }
}

// ===== phone numbers: calling codes and context =====

/// Country calling codes with the shortest and longest national
/// significant number (ITU-T E.164 assignments, mobile and fixed lines).
const CALLING_CODES: &[(u16, u8, u8)] = &[
    (1, 10, 10),
    (7, 10, 10),
    (20, 9, 10),
    (27, 9, 9),
    (30, 10, 10),
    (31, 9, 9),
    (32, 8, 9),
    (33, 9, 9),
    (34, 9, 9),
    (36, 8, 9),
    (39, 9, 11),
    (40, 9, 9),
    (41, 9, 9),
    (43, 7, 13),
    (44, 9, 10),
    (45, 8, 8),
    (46, 7, 9),
    (47, 8, 8),
    (48, 9, 9),
    (49, 7, 12),
    (51, 8, 9),
    (52, 10, 10),
    (53, 8, 8),
    (54, 10, 11),
    (55, 10, 11),
    (56, 9, 9),
    (57, 10, 10),
    (58, 10, 10),
    (60, 8, 10),
    (61, 9, 9),
    (62, 9, 12),
    (63, 10, 10),
    (64, 8, 10),
    (65, 8, 8),
    (66, 8, 9),
    (81, 9, 10),
    (82, 8, 10),
    (84, 9, 10),
    (86, 10, 11),
    (90, 10, 10),
    (91, 10, 10),
    (92, 9, 10),
    (93, 9, 9),
    (94, 9, 9),
    (95, 8, 10),
    (98, 10, 10),
    (212, 9, 9),
    (213, 9, 9),
    (216, 8, 8),
    (218, 9, 10),
    (220, 7, 7),
    (221, 9, 9),
    (225, 10, 10),
    (233, 9, 9),
    (234, 8, 10),
    (237, 9, 9),
    (243, 9, 9),
    (244, 9, 9),
    (250, 9, 9),
    (251, 9, 9),
    (254, 9, 10),
    (255, 9, 9),
    (256, 9, 9),
    (260, 9, 9),
    (263, 9, 9),
    (351, 9, 9),
    (352, 8, 11),
    (353, 7, 9),
    (354, 7, 9),
    (355, 8, 9),
    (356, 8, 8),
    (357, 8, 8),
    (358, 6, 11),
    (359, 8, 9),
    (370, 8, 8),
    (371, 8, 8),
    (372, 7, 8),
    (373, 8, 8),
    (374, 8, 8),
    (375, 9, 9),
    (380, 9, 9),
    (381, 8, 9),
    (385, 8, 9),
    (386, 8, 8),
    (387, 8, 9),
    (389, 8, 8),
    (420, 9, 9),
    (421, 9, 9),
    (852, 8, 8),
    (853, 8, 8),
    (855, 8, 9),
    (880, 10, 10),
    (886, 8, 9),
    (961, 7, 8),
    (962, 8, 9),
    (963, 9, 9),
    (964, 10, 10),
    (965, 8, 8),
    (966, 9, 9),
    (967, 9, 9),
    (968, 8, 8),
    (970, 9, 9),
    (971, 8, 9),
    (972, 8, 9),
    (973, 8, 8),
    (974, 8, 8),
    (976, 8, 8),
    (977, 10, 10),
    (994, 9, 9),
    (995, 9, 9),
    (998, 9, 9),
];

/// Whether `d` (digits only) is a calling code followed by a national
/// number of a length that country uses.
fn calling_code_ok(d: &[u8]) -> bool {
    (1..=3).any(|k| {
        d.len() > k && d[0] != b'0' && {
            let cc = dnum(&d[..k]);
            let nsn = d.len() - k;
            CALLING_CODES.iter().any(|&(c, lo, hi)| {
                u32::from(c) == cc && (usize::from(lo)..=usize::from(hi)).contains(&nsn)
            })
        }
    })
}

/// Words that say the number after them is a telephone number, in the
/// languages most traffic is written in.
const PHONE_WORDS: &[&str] = &[
    // English
    "phone",
    "telephone",
    "tel",
    "mobile",
    "mob",
    "cell",
    "cellphone",
    "call",
    "ring",
    "text me",
    "sms",
    "whatsapp",
    "viber",
    "signal",
    "fax",
    "msisdn",
    "hotline",
    "dial",
    "contact number",
    // French
    "téléphone",
    "tél",
    "portable",
    "appelez",
    "appeler",
    "appelle",
    "joindre",
    // German
    "telefon",
    "handy",
    "anrufen",
    "ruf",
    "rufnummer",
    "mobilnummer",
    "erreichbar",
    // Spanish, Portuguese, Italian
    "teléfono",
    "telefono",
    "móvil",
    "movil",
    "celular",
    "llama",
    "llámame",
    "llamame",
    "llamar",
    "telefone",
    "ligue",
    "ligar",
    "telemóvel",
    "telemovel",
    "cellulare",
    "chiama",
    "chiamami",
    // Dutch, Nordic, Finnish
    "telefoon",
    "mobiel",
    "bel",
    "bellen",
    "gsm",
    "mobil",
    "ringa",
    "ringe",
    "tlf",
    "puhelin",
    "soita",
    "puh",
    // Polish, Czech, Romanian, Hungarian, Turkish
    "komórka",
    "komorka",
    "zadzwoń",
    "zadzwon",
    "zavolejte",
    "volejte",
    "sunați",
    "sunati",
    "hívj",
    "hívjon",
    "cep",
    "numarası",
    "numarasından",
    "arayın",
    // Greek, Cyrillic
    "τηλέφωνο",
    "τηλ",
    "κινητό",
    "телефон",
    "тел",
    "моб",
    "мобильный",
    "звоните",
    "позвоните",
    // Arabic, Persian, Hebrew
    "هاتف",
    "جوال",
    "موبايل",
    "اتصل",
    "تلفن",
    "טלפון",
    "נייד",
    "פלאפון",
    // Indic, East and South-East Asian
    "फ़ोन",
    "फोन",
    "मोबाइल",
    "ফোন",
    "电话",
    "電話",
    "手机",
    "手機",
    "携帯",
    "전화",
    "휴대폰",
    "핸드폰",
    "연락처",
    "telepon",
    "hubungi",
    "điện thoại",
    "sđt",
    "โทร",
    "เบอร์",
    "tawagan",
    "simu",
    "piga",
];

/// Words that name a date as a date of birth.
const BIRTH_WORDS: &[&str] = &[
    "dob",
    "d.o.b",
    "date of birth",
    "birth date",
    "birthdate",
    "birthday",
    "born",
    "geburtsdatum",
    "geboren",
    "geb.",
    "fecha de nacimiento",
    "nacido",
    "nacida",
    "date de naissance",
    "né le",
    "née le",
    "data di nascita",
    "nato il",
    "nata il",
    "data de nascimento",
    "nascido",
    "geboortedatum",
    "geboren op",
    "födelsedatum",
    "fødselsdato",
    "født",
    "syntymäaika",
    "data urodzenia",
    "urodzony",
    "urodzona",
    "datum narození",
    "doğum tarihi",
    "дата рождения",
    "родился",
    "родилась",
    "ημερομηνία γέννησης",
    "出生日期",
    "出生年月日",
    "生年月日",
    "생년월일",
    "تاريخ الميلاد",
    "תאריך לידה",
    "जन्म तिथि",
    "tanggal lahir",
    "ngày sinh",
];

static BIRTH_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(BIRTH_WORDS).expect("static patterns"));

/// Whether a word for a date of birth stands within the few words before `s`.
fn birth_context(text: &str, s: usize) -> bool {
    let mut lo = s.saturating_sub(40);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let head = text[lo..s].to_lowercase();
    let h = head.as_bytes();
    BIRTH_AC.find_overlapping_iter(&head).any(|m| {
        (m.start() == 0 || !h[m.start() - 1].is_ascii_alphabetic())
            && word_ends(h, m.end(), m.end() - m.start())
    })
}

static PHONE_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(PHONE_WORDS).expect("static patterns"));

/// Whether a word for a telephone follows the number ending at `e`
/// (`612 34 56 78 (móvil)`).
fn phone_named_after(text: &str, e: usize) -> bool {
    let Some(rest) = word_after(text, e) else {
        return false;
    };
    let r = rest.as_bytes();
    PHONE_AC
        .find_overlapping_iter(&rest)
        .any(|m| m.start() == 0 && word_ends(r, m.end(), m.end()))
}

/// Whether a word for a telephone stands within the few words before `s`.
/// Only numbers that no layout marks as a phone number ask, so the search
/// runs over a short window a few times per value at most.
fn phone_context(text: &str, s: usize) -> bool {
    let mut lo = s.saturating_sub(64);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let head = text[lo..s].to_lowercase();
    let h = head.as_bytes();
    PHONE_AC.find_overlapping_iter(&head).any(|m| {
        let (p, e) = (m.start(), m.end());
        (p == 0 || !h[p - 1].is_ascii_alphabetic()) && word_ends(h, e, e - p)
    })
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
            && let Some(e) = iban_at(b, i - 2).or_else(|| named_iban_at(b, i - 2))
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
        if glued && prev.is_some_and(|p| p.is_ascii_uppercase()) {
            // Letters in front of the digits: `S8734215H`, `BNCGPP82L14F205W`.
            let mut k = i - 1;
            while k > 0 && i - k < 6 && b[k - 1].is_ascii_uppercase() {
                k -= 1;
            }
            if let Some(end) = hkid_at(text, k) {
                push(hits, R_NATID, k, end);
                i = end;
                continue;
            }
            if let Some(end) = alnum_id(text, k) {
                push(hits, R_NATID, k, end);
                i = end;
                continue;
            }
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
            } else if !last_sep
                && y == b' '
                && b.get(j + 1) == Some(&b'/')
                && b.get(j + 2) == Some(&b' ')
                && b.get(j + 3).is_some_and(u8::is_ascii_digit)
            {
                // `030 / 123 456 78`: an area code set off by a spaced slash.
                last_sep = true;
                j += 3;
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
        } else if (next.is_some_and(u8::is_ascii_uppercase)
            || (matches!(next, Some(b'-' | b'+'))
                && b.get(e + 1).is_some_and(u8::is_ascii_uppercase)))
            && b[s].is_ascii_digit()
            && let Some(end) = alnum_id(text, s)
        {
            // A check letter after the digits: `131052-308T`, `...471X`.
            push(hits, R_NATID, s, end);
            i = end;
            continue;
        }
        i = e.max(s + 1);
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
    }
}

/// The separator a URL escape at `i` stands for inside a number
/// (`%2B`, `%20`, `%28`, `%29`, `%2D`).
fn encoded_sep(b: &[u8], i: usize) -> Option<u8> {
    if b.get(i) != Some(&b'%') || b.get(i + 1) != Some(&b'2') {
        return None;
    }
    Some(match b.get(i + 2)? {
        b'B' | b'b' => b'+',
        b'0' => b' ',
        b'8' => b'(',
        b'9' => b')',
        b'D' | b'd' => b'-',
        _ => return None,
    })
}

/// Numbers written with URL-escaped separators in a form or query value
/// the decoders leave garbled (`%2B234%20803%20419%202286`,
/// `%2B44+7700+900123`, where `+` is a blank): each is decoded here and
/// judged as written, and a hit covers the escaped text.
fn scan_encoded_numbers(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut last = 0;
    let mut local = String::new();
    let mut found = Vec::new();
    for p in memchr::memchr_iter(b'%', b) {
        if p < last || encoded_sep(b, p).is_none() {
            continue;
        }
        // The run of digits, separators and escaped separators around it.
        let mut s = p;
        loop {
            if s > 0 && (b[s - 1].is_ascii_digit() || matches!(b[s - 1], b'+' | b'-' | b'.')) {
                s -= 1;
            } else if s >= 3 && encoded_sep(b, s - 3).is_some() {
                s -= 3;
            } else {
                break;
            }
        }
        let mut e = p;
        let mut dec: Vec<u8> = Vec::with_capacity(32);
        let mut k = s;
        while k < b.len() && dec.len() < 48 {
            if let Some(c) = encoded_sep(b, k) {
                dec.push(c);
                k += 3;
            } else if b[k].is_ascii_digit() {
                dec.push(b[k]);
                k += 1;
                e = k;
            } else if matches!(b[k], b'-' | b'.') {
                dec.push(b[k]);
                k += 1;
            } else if b[k] == b'+' {
                // A bare `+` in a form is a blank; only a leading one may be
                // the number's own.
                dec.push(if k == s { b'+' } else { b' ' });
                k += 1;
            } else {
                break;
            }
        }
        last = k;
        if e <= p || (s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_')) {
            continue;
        }
        if b.get(e)
            .is_some_and(|x| x.is_ascii_alphanumeric() || *x == b'_')
        {
            continue;
        }
        // Decoded, the number stands after the raw text before it, so that
        // the words naming it are seen.
        let mut lo = s.saturating_sub(48);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        local.clear();
        local.push_str(&text[lo..s]);
        let at = local.len();
        let trimmed = dec
            .iter()
            .position(|&x| x.is_ascii_digit() || matches!(x, b'+' | b'('))
            .unwrap_or(dec.len());
        let end = dec
            .iter()
            .rposition(u8::is_ascii_digit)
            .map_or(0, |x| x + 1);
        if end <= trimmed {
            continue;
        }
        // Only ASCII bytes were pushed.
        local.extend(dec[trimmed..end].iter().map(|&x| char::from(x)));
        found.clear();
        classify_number(&local, at, local.len(), &mut found);
        if let Some(h) = found.first() {
            hits.push(Hit {
                rule: h.rule,
                start: s + raw_offset(b, s, trimmed),
                end: e,
            });
        }
    }
}

/// Raw bytes from `s` that decode to the first `n` decoded bytes.
fn raw_offset(b: &[u8], s: usize, n: usize) -> usize {
    let mut k = s;
    for _ in 0..n {
        k += if encoded_sep(b, k).is_some() { 3 } else { 1 };
    }
    k - s
}

fn classify_number(text: &str, s: usize, e: usize, hits: &mut Vec<Hit>) {
    // `(935 723 395)`: brackets around the whole number are punctuation,
    // not an area code's.
    let s =
        if text[s..e].starts_with('(') && !text[s..e].contains(')') && text[e..].starts_with(')') {
            s + 1
        } else {
            s
        };
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
        } else if area.starts_with('9') {
            // The IRS issues taxpayer numbers (ITIN) from the 9xx areas.
            let cand = IdCand {
                chars: &digits,
                lens: &lens,
                seps: &seps,
            };
            if us_itin(&cand).is_some() {
                push(hits, R_NATID, s, e);
            }
        }
        return;
    }
    let id = IdCand {
        chars: &digits,
        lens: &lens,
        seps: &seps,
    };
    if !plus && national_id_at(text, s, e, &id) {
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
        if uniform && grouping && luhn(&digits) && (card_iin(&digits) || card_named(text, s)) {
            push(hits, R_CARD, s, e);
            return;
        }
    }
    // `4990599524328130 11/28 ...`: a card number written without blanks,
    // followed by more numbers (its expiry, its code).
    if groups.len() > 1 && !plus && (13..=19).contains(&lens[0]) {
        let g = groups[0].as_bytes();
        let at = cand.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        if luhn(g) && (card_iin(g) || card_named(text, s)) {
            push(hits, R_CARD, s + at, s + at + g.len());
            return;
        }
    }
    if preceded_by_id_word(text, s) || cand.contains("  ") {
        // Irregular blanks are tolerated for cards only: columns of numbers
        // in a table are no phone number.
        return;
    }
    if !plus && is_date_like(&groups, &seps) {
        if birth_context(text, s) {
            push(hits, R_DOB, s, e);
        }
        return;
    }
    // Dotted quads, versions, time stamps and OIDs; not France's
    // `06.25.76.96.37` (five pairs, a trunk zero, then a digit that opens
    // an area or mobile prefix) where a word for a telephone stands by it.
    let french_dotted = lens == [2, 2, 2, 2, 2]
        && digits[0] == b'0'
        && digits[1] != b'0'
        && (phone_context(text, s) || phone_named_after(text, e));
    if seps.iter().all(|&c| c == b'.')
        && lens.len() >= 3
        && lens.iter().all(|&l| l <= 3)
        && !french_dotted
    {
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
    // A national number in any country's layout (`612 34 56 78`,
    // `(011) 15-4872-3390`, `030 / 123 456 78`, an MSISDN `2348031234567`)
    // where the words before it say it is a telephone number. Four-digit
    // groups that read as years are a span of years, not a number.
    let named = |digits: &[u8]| {
        let years = lens
            .iter()
            .zip(&groups)
            .any(|(&l, g)| l == 4 && (g.starts_with("19") || g.starts_with("20")));
        !plus
            && (7..=13).contains(&n)
            && (n == 13 && digits[0] == b'0' || n <= 12 || calling_code_ok(digits))
            && (!digits.starts_with(b"00") || calling_code_ok(&digits[2..]))
            && digits.iter().any(|&x| x != digits[0] && x != digits[1])
            && (lens.len() == 1 || lens.iter().all(|&l| l <= 8))
            && !(years && n <= 8)
            && (phone_context(text, s) || phone_named_after(text, e))
    };
    if mixed || seps.contains(&b'/') {
        if named(&digits) {
            push(hits, R_PHONE, s, e);
        }
        return;
    }
    let phone = if plus {
        (8..=15).contains(&n) && (seps.is_empty() || lens[0] <= 4) && (!seps.is_empty() || n >= 10)
    } else {
        let paren = b[0] == b'(';
        let nanp = (n == 10 && (lens == [3, 3, 4]) && (paren || !seps.is_empty()))
            || (n == 11 && digits[0] == b'1' && lens == [1, 3, 3, 4]);
        // Pairs in rising order (`04 11 23 35 41`) are a lottery draw or a
        // list as often as a number: only with a word for the telephone.
        // Draws stay below 70; a number's pairs run to 99.
        let rising = lens.iter().all(|&l| l == 2)
            && groups.windows(2).all(|w| w[0] < w[1])
            && groups.iter().all(|g| *g <= "70");
        let trunk = digits[0] == b'0'
            && digits.get(1).is_some_and(|d| *d != b'0')
            && (9..=12).contains(&n)
            && !seps.is_empty()
            && lens.iter().all(|&l| (2..=8).contains(&l))
            && lens.len() >= 2
            && !rising;
        // `0049 151 12345678`: the international prefix, a calling code and
        // a national number of that country's length.
        let intl = digits.starts_with(b"00") && !seps.is_empty() && calling_code_ok(&digits[2..]);
        nanp || trunk || intl || named(&digits)
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

/// An account number named an IBAN just before (`IBAN`, Arabic
/// `الآيبان`) that passes the MOD 97 check but has not its country's
/// registered length (a digit too many or too few, a country the table
/// lacks): a number given as an IBAN is one, checksum and label together
/// leave a chance match of one in a hundred among labelled numbers.
fn named_iban_at(b: &[u8], s: usize) -> Option<usize> {
    if s > 0 && b[s - 1].is_ascii_alphanumeric() {
        return None;
    }
    let head = &b[s.saturating_sub(48)..s];
    let named = head.windows(4).any(|w| w.eq_ignore_ascii_case(b"iban"))
        // يبان, as in آيبان and الآيبان.
        || memchr::memmem::find(head, "يبان".as_bytes()).is_some();
    if !named {
        return None;
    }
    let mut chars = [0u8; 34];
    let mut n = 0;
    let (mut j, mut end) = (s, s);
    while j < b.len() && n < chars.len() {
        let x = b[j];
        if x.is_ascii_digit() || x.is_ascii_uppercase() {
            chars[n] = x;
            n += 1;
            j += 1;
            end = j;
        } else if x == b' ' && j + 1 < b.len() && b[j + 1].is_ascii_alphanumeric() && n >= 4 {
            j += 1;
        } else {
            break;
        }
    }
    let chars = &chars[..n];
    if !(15..=34).contains(&n)
        || is_alnum(b.get(end))
        || !chars[..2].iter().all(u8::is_ascii_uppercase)
        || !chars[2..].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
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
    /// A PuTTY private key file (`.ppk`).
    Putty,
    /// A Discord webhook URL: its id and token.
    DiscordHook,
    /// A Doppler token: `dp.`, its kind, a dot, the body.
    Doppler,
}

/// The bytes a vendor token's body may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Set {
    /// Lower-case hex digits.
    Hex,
    /// Lower-case letters and digits.
    LowerAlnum,
    /// base64url and `.`.
    B64,
    /// base64url, `.` and `=` padding inside (Atlassian, Sentry).
    B64Pad,
}

impl Set {
    fn has(self, x: u8) -> bool {
        match self {
            Set::Hex => x.is_ascii_digit() || (b'a'..=b'f').contains(&x),
            Set::LowerAlnum => x.is_ascii_digit() || x.is_ascii_lowercase(),
            Set::B64 => b64url(x) || x == b'.',
            Set::B64Pad => b64url(x) || x == b'.' || x == b'=',
        }
    }
}

/// Body of a vendor token after its prefix: fewest and most bytes, and
/// the bytes it may hold.
#[derive(Clone, Copy)]
struct Body {
    min: usize,
    max: usize,
    set: Set,
}

const TOKEN_BODIES: &[Body] = &[
    // 0: Hugging Face `hf_` + 34 letters.
    Body {
        min: 30,
        max: 40,
        set: Set::B64,
    },
    // 1: Shopify `shpat_`, `shpss_`, `shpca_`, `shppa_` + 32 hex.
    Body {
        min: 32,
        max: 32,
        set: Set::Hex,
    },
    // 2: DigitalOcean `dop_v1_`, `doo_v1_` + 64 hex.
    Body {
        min: 64,
        max: 64,
        set: Set::Hex,
    },
    // 3: PyPI upload token (a macaroon, `pypi-AgEIcHlwaS5vcmc...`).
    Body {
        min: 50,
        max: 400,
        set: Set::B64,
    },
    // 4: HashiCorp Vault `hvs.`, Grafana `glsa_`, Linear `lin_api_`, Postman `PMAK-`.
    Body {
        min: 24,
        max: 200,
        set: Set::B64,
    },
    // 5: Databricks `dapi` + 32 hex.
    Body {
        min: 32,
        max: 32,
        set: Set::Hex,
    },
    // 6: Stripe webhook `whsec_`, Docker Hub `dckr_pat_`.
    Body {
        min: 22,
        max: 300,
        set: Set::B64,
    },
    // 7: age `AGE-SECRET-KEY-1` + 58 bech32 characters.
    Body {
        min: 58,
        max: 58,
        set: Set::B64,
    },
    // 8: Alibaba Cloud AccessKey id `LTAI` + 12 to 20 letters and digits.
    Body {
        min: 12,
        max: 20,
        set: Set::B64,
    },
    // 9: Twilio account and API key ids `AC`, `SK` + 32 hex.
    Body {
        min: 32,
        max: 32,
        set: Set::Hex,
    },
    // 10: Mailgun `key-` + 32 lower-case letters and digits.
    Body {
        min: 32,
        max: 32,
        set: Set::LowerAlnum,
    },
    // 11: Doppler `dp.pt.` and kin + 40-44; Notion `secret_` + 43, `ntn_` + 46.
    Body {
        min: 40,
        max: 50,
        set: Set::B64,
    },
    // 12: Atlassian API token `ATATT3` (about 190 with its `=` and CRC).
    Body {
        min: 60,
        max: 400,
        set: Set::B64Pad,
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
    // A refresh token: `xoxe-` or `xoxe.xoxp-`.
    ("xoxe", P::Slack),
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
    ("gldt-", P::Gitlab),
    ("glrt-", P::Gitlab),
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
    ("whsec_", P::Token(6)),
    ("dckr_pat_", P::Token(6)),
    ("AGE-SECRET-KEY-1", P::Token(7)),
    ("LTAI", P::Token(8)),
    ("key-", P::Token(10)),
    ("dp.", P::Doppler),
    ("secret_", P::Token(11)),
    ("ntn_", P::Token(11)),
    ("ATATT3", P::Token(12)),
    ("/api/webhooks/", P::DiscordHook),
    ("PuTTY-User-Key-File-", P::Putty),
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

/// Length of the host name ending at `s` (`discord.com`, `discordapp.com`).
fn run_back_host(b: &[u8], s: usize) -> usize {
    b[..s]
        .iter()
        .rev()
        .take(64)
        .take_while(|&&x| x.is_ascii_alphanumeric() || x == b'.' || x == b'-')
        .count()
}

/// The end of a vendor token's body at `pe`, if it has the length and
/// bytes of `body`.
fn token_body(b: &[u8], pe: usize, body: Body) -> Option<usize> {
    let mut n = run(b, pe, body.max + 1, |x| body.set.has(x));
    if body.set == Set::B64Pad {
        // Padding ends a base64 part: never a run of `=` after it.
        while n > 0 && b[pe + n - 1] == b'=' {
            n -= 1;
        }
    }
    // A real token mixes letters and digits, or both cases of letters
    // throughout (`hf_` + 34 letters); `hf_`, `secret_` and `ntn_` also
    // start snake_case names such as `hf_hub_download_cache_dir`.
    let tok = &b[pe..pe + n];
    let upper = tok.iter().filter(|x| x.is_ascii_uppercase()).count();
    let lower = tok.iter().filter(|x| x.is_ascii_lowercase()).count();
    let letters_digits =
        tok.iter().any(u8::is_ascii_alphabetic) && tok.iter().any(u8::is_ascii_digit);
    let ok = match body.set {
        Set::Hex => tok.iter().any(u8::is_ascii_alphabetic),
        Set::LowerAlnum => letters_digits,
        Set::B64 | Set::B64Pad => {
            (letters_digits || upper * 5 >= n && lower * 5 >= n)
                && (!tok.contains(&b'_') || upper > 0)
        }
    };
    (ok && (body.min..=body.max).contains(&n) && !is_alnum(b.get(pe + n))).then_some(pe + n)
}

/// Twilio account and API key ids: `AC` or `SK` and 32 lower-case hex
/// digits. Two-letter prefixes would slow the prefix automaton for every
/// input, so each is a search of its own.
fn scan_twilio(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    if b.len() < 34 {
        return;
    }
    for s in memchr::memchr2_iter(b'A', b'S', &b[..b.len() - 33]) {
        if matches!(&b[s..s + 2], b"AC" | b"SK")
            && !is_alnum(s.checked_sub(1).and_then(|k| b.get(k)))
            && let Some(e) = token_body(b, s + 2, TOKEN_BODIES[9])
        {
            push(hits, R_TOKEN, s, e);
            // The id's secret written next to it (`AC... auth_token 9f8e...`,
            // `SK...:<secret>`): 32 hex digits within the next few words.
            let hi = (e + 48).min(b.len());
            let mut k = e;
            while k < hi {
                if b[k].is_ascii_hexdigit() && !is_alnum(b.get(k - 1)) {
                    if let Some(t) = token_body(b, k, TOKEN_BODIES[9]) {
                        push(hits, R_TOKEN, k, t);
                        break;
                    }
                }
                k += 1;
            }
        }
    }
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
                // AWS documents its sample keys with `EXAMPLE` at the end
                // (`AKIAIOSFODNN7EXAMPLE`); issued keys are random.
                if left_ok
                    && n == 16
                    && !(b[pe..pe + n].ends_with(b"EXAMPLE") && called_sample(text, s, pe + n))
                {
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
                let mut from = pe;
                if pe - s == 4 {
                    // `xoxe-1-...`, or `xoxe.` before the token it refreshes.
                    match b.get(pe) {
                        Some(b'-') => from = pe + 1,
                        Some(b'.') if b[pe + 1..].starts_with(b"xox") => from = pe + 1,
                        _ => continue,
                    }
                }
                let n = run(b, from, 256, |x| x.is_ascii_alphanumeric() || x == b'-');
                if left_ok && n >= 10 {
                    push(hits, R_SLACK, s, from + n);
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
            P::Putty => {
                // The file's private part: up to the end of its MAC line,
                // bounded, and never into the next key file.
                let lim = (s + 16384).min(b.len());
                let lim = memchr::memmem::find(&b[pe..lim], b"PuTTY-User-Key-File-")
                    .map_or(lim, |k| pe + k);
                let body = &b[s..lim];
                if let Some(k) = memchr::memmem::find(body, b"Private-Lines:") {
                    let end = memchr::memmem::find(body, b"Private-MAC:")
                        .map(|m| {
                            s + m + memchr::memchr(b'\n', &body[m..]).unwrap_or(body.len() - m)
                        })
                        .unwrap_or_else(|| {
                            let from = s + k;
                            from + memchr::memmem::find(&b[from..lim], b"\n\n")
                                .unwrap_or(lim - from)
                        });
                    push(hits, R_PEM, s, end);
                }
            }
            P::OpenAi => {
                let n = run(b, pe, 256, |x| {
                    x.is_ascii_alphanumeric() || x == b'-' || x == b'_'
                });
                let body = &b[pe..pe + n];
                let strong_prefix = body.starts_with(b"proj-")
                    || body.starts_with(b"ant-")
                    || body.starts_with(b"or-v1-")
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
            P::DiscordHook => {
                let host = [&b"discord.com"[..], b"discordapp.com"]
                    .iter()
                    .any(|h| b[..s].ends_with(h));
                if !host {
                    continue;
                }
                let s = s - run_back_host(b, s);
                // `<numeric id>/<token of 60-80 base64url>`.
                let id = run(b, pe, 21, |x| x.is_ascii_digit());
                let tok = if (17..=20).contains(&id) && b.get(pe + id) == Some(&b'/') {
                    run(b, pe + id + 1, 100, b64url)
                } else {
                    0
                };
                if tok >= 60 {
                    let start = text[..s].strip_suffix("https://").map_or(s, |h| h.len());
                    push(hits, R_TOKEN, start, pe + id + 1 + tok);
                }
            }
            P::Token(k) => {
                if left_ok && let Some(e) = token_body(b, pe, TOKEN_BODIES[usize::from(k)]) {
                    push(hits, R_TOKEN, s, e);
                }
            }
            P::Doppler => {
                // `dp.pt.`, `dp.st.`, `dp.ct.`, `dp.sa.`, `dp.scim.`, `dp.audit.`.
                let kind = run(b, pe, 6, |x| x.is_ascii_lowercase());
                let known = matches!(
                    &b[pe..pe + kind],
                    b"pt" | b"st" | b"ct" | b"sa" | b"scim" | b"audit"
                );
                if left_ok
                    && known
                    && b.get(pe + kind) == Some(&b'.')
                    && let Some(e) = token_body(b, pe + kind + 1, TOKEN_BODIES[11])
                {
                    push(hits, R_TOKEN, s, e);
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
            "auth",
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

/// Last parts of a key that name a property of a password rather than the
/// password (`password_hash`, `pwd_min_length`).
const PASSWORD_PROPERTIES: &[&str] = &[
    "hash",
    "hasher",
    "algo",
    "algorithm",
    "scheme",
    "policy",
    "length",
    "len",
    "min",
    "max",
    "rule",
    "rules",
    "hint",
    "field",
    "label",
    "prompt",
    "reset",
    "expiry",
    "expires",
    "age",
    "strength",
    "type",
    "format",
    "encoder",
    "iterations",
    "rounds",
    "complexity",
    "history",
];

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
    // Only the names ending in the same letter are compared.
    let ends: &[&[u8]] = match last | 0x20 {
        b'd' => &[b"password", b"passwd", b"pwd"],
        b'e' => &[b"passphrase"],
        b't' => &[b"secret"],
        b'n' => &[b"token"],
        b'y' => &[b"key"],
        b'l' => &[b"credential"],
        b's' => &[b"credentials"],
        b'h' => &[b"auth"],
        _ => return false,
    };
    ends.iter()
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
        // `auth` alone names registry credentials; `auth_method`, `oauth`
        // name something else.
        if text[m.start()..m.end()].eq_ignore_ascii_case("auth") && key != "auth" {
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
        if key == "auth" {
            // A registry login (`"auth": "<base64 of user:password>"`, as in
            // a Docker config): the credentials themselves.
            if basic_pair(value.as_bytes()) {
                push(hits, R_ASSIGN, vs, ve);
            }
            continue;
        }
        if key == "authorization" {
            // The scheme is not the secret: `Authorization: Bearer abc...`.
            // Basic credentials are the user and password in base64.
            if value.eq_ignore_ascii_case("basic") {
                basic_credentials(b, ve, hits);
            }
            continue;
        }
        let v = value.as_bytes();
        if v.is_empty() || is_placeholder(value) || value.contains("://") || field_layout(value) {
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
        // `password_hash = "argon2id"`, `password_min_length: 12`: a key that
        // names a property of the password holds a setting, not the
        // password, and is held to the bar of any other secret.
        let about_password = PASSWORD_PROPERTIES.iter().any(|p| {
            key.ends_with(p)
                && key.len() > p.len()
                && matches!(key.as_bytes()[key.len() - p.len() - 1], b'_' | b'-' | b'.')
        });
        let password_key = (key.contains("pass") || key.contains("pwd")) && !about_password;
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
        if value.ends_with("EXAMPLEKEY") && called_sample(text, vs, ve) {
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

/// The password in a URL's user information: `postgres://app:S3cr3t-x@db/`.
/// Held to the bar of a `password=` value, so `user:pass@host` in a
/// tutorial stays clean.
fn scan_url_credentials(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    for p in memchr::memmem::find_iter(b, b"://") {
        if p == 0 || !b[p - 1].is_ascii_alphanumeric() {
            continue;
        }
        let us = p + 3;
        let n = run(b, us, 256, |x| {
            x.is_ascii_graphic() && !matches!(x, b'@' | b'/' | b'"' | b'\'' | b'<' | b'>' | b'\\')
        });
        let ue = us + n;
        if b.get(ue) != Some(&b'@') {
            continue;
        }
        let Some(colon) = memchr::memchr(b':', &b[us..ue]).map(|o| us + o) else {
            continue;
        };
        let pass = &text[colon + 1..ue];
        let v = pass.as_bytes();
        let classes = [
            v.iter().any(u8::is_ascii_lowercase),
            v.iter().any(u8::is_ascii_uppercase),
            v.iter().any(u8::is_ascii_digit),
            v.iter().any(|x| !x.is_ascii_alphanumeric()),
        ]
        .iter()
        .filter(|&&c| c)
        .count();
        if colon > us
            && v.len() >= 6
            && classes >= 2
            && !v.iter().all(u8::is_ascii_digit)
            && !is_placeholder(pass)
        {
            push(hits, R_ASSIGN, colon + 1, ue);
        }
    }
}

/// The password of a Wi-Fi network QR code (`WIFI:T:WPA;S:home;P:pass;;`,
/// the ZXing format phones read): the `P:` field, where `\\;` escapes `;`.
fn scan_wifi_qr(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    for p in memchr::memmem::find_iter(b, b"WIFI:") {
        let mut i = p + 5;
        // On a char boundary, so that a field cut at the window's end is
        // still a slice of whole characters.
        let mut end = (p + 512).min(b.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        while i + 1 < end && !(b[i] == b';' && b[i - 1] == b';') {
            let fs = i;
            let mut j = i;
            while j < end && b[j] != b';' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let j = j.min(end);
            if j - fs > 2 && &b[fs..fs + 2] == b"P:" {
                let value = &text[fs + 2..j];
                if !is_placeholder(value) {
                    push(hits, R_ASSIGN, fs + 2, j);
                }
            }
            i = j + 1;
        }
    }
}

/// Whether `v` names the fields of a record rather than holding a value:
/// `UID:GID:GECOS:home:shell` after `password:` in a description of the
/// passwd format. Letters only in every part; a password mixes in more.
fn field_layout(v: &str) -> bool {
    let mut parts = 0;
    for p in v.trim_end_matches('.').split(':') {
        if p.is_empty() || !p.bytes().all(|x| x.is_ascii_alphabetic()) {
            return false;
        }
        parts += 1;
    }
    parts >= 3
}

/// Whether `v` is base64 of printable `user:password`.
fn basic_pair(v: &[u8]) -> bool {
    let body = v
        .strip_suffix(b"==")
        .or_else(|| v.strip_suffix(b"="))
        .unwrap_or(v);
    if body.len() < 8
        || !body
            .iter()
            .all(|&x| x.is_ascii_alphanumeric() || matches!(x, b'+' | b'/'))
    {
        return false;
    }
    let d = b64_decode(body);
    let colon = d.iter().position(|&x| x == b':');
    colon.is_some_and(|c| c > 0 && c + 1 < d.len())
        && d.iter().all(|x| x.is_ascii_graphic() || *x == b' ')
}

/// `host:port:database:user:password`, a line of a PostgreSQL password
/// file (`.pgpass`): the password is reported.
fn scan_pgpass(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let field = |x: u8| !x.is_ascii_whitespace() && x != b':' && x != 0;
    for p in memchr::memchr_iter(b':', b) {
        // A Telegram bot token: the bot's numeric id, `:AA` and 33 more.
        if b.get(p + 1) == Some(&b'A') && b.get(p + 2) == Some(&b'A') {
            let id = b[..p]
                .iter()
                .rev()
                .take(11)
                .take_while(|x| x.is_ascii_digit())
                .count();
            let n = run(b, p + 1, 36, b64url);
            let s = p - id;
            if (8..=10).contains(&id)
                && n == 35
                && !is_alnum(s.checked_sub(1).and_then(|k| b.get(k)))
            {
                push(hits, R_TOKEN, s, p + 1 + n);
                continue;
            }
        }
        // The port: one to five digits, then the next colon.
        let port = run(b, p + 1, 6, |x| x.is_ascii_digit());
        if port == 0 || port > 5 || b.get(p + 1 + port) != Some(&b':') {
            continue;
        }
        // The host starts the line: a name with a letter, or `*`.
        let hs = p - b[..p]
            .iter()
            .rev()
            .take(254)
            .take_while(|&&x| x.is_ascii_alphanumeric() || matches!(x, b'.' | b'-' | b'*'))
            .count();
        let host = &b[hs..p];
        let starts_line =
            hs == 0 || matches!(b[hs - 1], b'\n' | b'\r' | 0 | b' ' | b'\t' | b'"' | b'\'');
        if host.is_empty()
            || !starts_line
            || !(host == b"*" || host.iter().any(u8::is_ascii_alphabetic))
        {
            continue;
        }
        let db = p + 2 + port;
        let dn = run(b, db, 128, field);
        if dn == 0 || b.get(db + dn) != Some(&b':') {
            continue;
        }
        let user = db + dn + 1;
        let un = run(b, user, 128, field);
        if un == 0 || b.get(user + un) != Some(&b':') {
            continue;
        }
        let ps = user + un + 1;
        let pn = run(b, ps, 256, |x| x.is_ascii_graphic());
        let pw = &text[ps..ps + pn];
        let classes = [
            pw.bytes().any(|x| x.is_ascii_lowercase()),
            pw.bytes().any(|x| x.is_ascii_uppercase()),
            pw.bytes().any(|x| x.is_ascii_digit()),
            pw.bytes().any(|x| !x.is_ascii_alphanumeric()),
        ]
        .iter()
        .filter(|&&c| c)
        .count();
        if pn >= 6 && classes >= 2 && !is_placeholder(pw) && !pw.contains(':') {
            push(hits, R_ASSIGN, ps, ps + pn);
        }
    }
}

/// A chat bot token in three dot-separated base64url parts (`<id>.<time>.<hmac>`,
/// as Discord issues): 23-28, exactly 6 and 27-40 characters, the outer
/// parts mixing cases and digits.
fn scan_dotted_tokens(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mixed = |t: &[u8]| {
        t.iter().any(u8::is_ascii_uppercase)
            && t.iter().any(u8::is_ascii_lowercase)
            && t.iter().any(u8::is_ascii_digit)
    };
    let mut last = 0;
    for p in memchr::memchr_iter(b'.', b) {
        if p < last || b.get(p + 7) != Some(&b'.') || !b[p + 1..p + 7].iter().all(|&x| b64url(x)) {
            continue;
        }
        let n1 = b[..p]
            .iter()
            .rev()
            .take(29)
            .take_while(|&&x| b64url(x))
            .count();
        let s = p - n1;
        let n3 = run(b, p + 8, 41, b64url);
        let e = p + 8 + n3;
        if (23..=28).contains(&n1)
            && (27..=40).contains(&n3)
            && !is_alnum(s.checked_sub(1).and_then(|k| b.get(k)))
            && !b.get(e).is_some_and(|&x| b64url(x) || x == b'.')
            && mixed(&b[s..p])
            && mixed(&b[p + 8..e])
        {
            push(hits, R_TOKEN, s, e);
            last = e;
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
    if memchr::memchr(b':', text.as_bytes()).is_some() {
        scan_pgpass(text, hits);
        scan_url_credentials(text, hits);
        scan_wifi_qr(text, hits);
    }
    scan_dotted_tokens(text, hits);
    scan_twilio(text, hits);
    if memchr::memchr(b'<', text.as_bytes()).is_some() {
        scan_mrz(text, hits);
    }
    if memchr::memchr(b'%', text.as_bytes()).is_some() {
        scan_encoded_numbers(text, hits);
    }
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
    fn logins_are_not_mailboxes() {
        for t in [
            "ssh -p 2222 ops@gateway.corp.net  # jump host",
            "$ sudo rsync -a ./site/ www@web1.acme.io:/srv/site/",
            "git remote add origin git@gitlab.com:team/app.git",
            "cd /tmp && scp dump.sql backup@files.acme.io:dumps/",
        ] {
            assert!(!found(t).iter().any(|f| f.0 == "pii-email"), "{t}");
        }
        // A mailbox stays one next to such a command and in prose about it.
        exactly(
            "ssh keys were sent to maria.lopez@acme.io yesterday",
            "pii-email",
            "maria.lopez@acme.io",
        );
        exactly(
            "git log --author=li.wei@acme.io",
            "pii-email",
            "li.wei@acme.io",
        );
    }

    #[test]
    fn url_credentials() {
        exactly(
            "REDIS_URL=rediss://cache:Pl4in-Kettle%21@cache-1.corp:6380/0",
            "pii-secret-assignment",
            "Pl4in-Kettle%21",
        );
        assert!(found("Use postgres://user:pass@localhost/app in development.").is_empty());
        assert!(found("amqp://guest:guest@rabbit:5672/").is_empty());
    }

    #[test]
    fn wifi_qr_password() {
        exactly(
            "WIFI:S:Cafe Nord;T:WPA;P:brunost\\;42x;H:false;;",
            "pii-secret-assignment",
            "brunost\\;42x",
        );
        assert!(found("WIFI:S:Guest;T:nopass;;").is_empty());
    }

    #[test]
    fn record_layouts_are_not_passwords() {
        assert!(found("Its format is login:password:uid:gid:comment:home:shell.").is_empty());
        exactly(
            "password: Tr0ub4dor:x9",
            "pii-secret-assignment",
            "Tr0ub4dor:x9",
        );
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
        // France's dotted layout; a five-part version stays no number.
        exactly(
            "sinon portable 06.25.76.96.37 (gardien)",
            "pii-phone",
            "06.25.76.96.37",
        );
        exactly("tel 01.42.68.53.00 bureau", "pii-phone", "01.42.68.53.00");
        assert!(found("release 10.25.76.96.37 is out").is_empty());
        assert!(found("version 00.25.76.96.37").is_empty());
        assert!(found("backup taken 05.11.24.10.30").is_empty());
        assert!(found("oid 01.03.06.01.04").is_empty());
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
    fn regional_cards_and_cloud_keys() {
        exactly(
            "kart: 9792 0012 3456 7890",
            "pii-card",
            "9792 0012 3456 7890",
        );
        exactly(
            "card 8600123409876544 exp 11/28",
            "pii-card",
            "8600123409876544",
        );
        assert!(found("kart: 9792 0012 3456 7891").is_empty());
        exactly(
            "ALIBABA_CLOUD_ACCESS_KEY_ID LTAI9xQm2Pw7Rt4Kz8Vb",
            "pii-api-token",
            "LTAI9xQm2Pw7Rt4Kz8Vb",
        );
        assert!(found("LTAIPROJECTPLANNING is a folder").is_empty());
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
        // Named an IBAN, the checksum holds, the length is off the
        // registry's: still the account number someone gave.
        exactly(
            "أرسل الدفعة إلى الآيبان SA59 8000 1234 5678 9012 3456 78 من فضلك",
            "pii-iban",
            "SA59 8000 1234 5678 9012 3456 78",
        );
        exactly(
            "iban: SA106500000000143216520001",
            "pii-iban",
            "SA106500000000143216520001",
        );
        for t in [
            "SA59 8000 1234 5678 9012 3456 78",
            "IBAN SA59 8000 1234 5678 9012 3456 79",
            "IBAN format: SA plus 22 digits, e.g. SA00 0000 0000 0000 0000 00",
        ] {
            assert!(
                found(t).iter().all(|(r, _)| *r != "pii-iban"),
                "false positive on {t:?}"
            );
        }
    }

    #[test]
    fn uruguay_cedula_with_its_check_digit() {
        exactly(
            "Cédula: 3.456.789-4, domicilio en Montevideo",
            "pii-national-id",
            "3.456.789-4",
        );
        exactly("mi C.I. es 654.321-0", "pii-national-id", "654.321-0");
        exactly("CI: 2.768.060-1", "pii-national-id", "2.768.060-1");
        assert!(found("CI build 19023845 failed on main").is_empty());
        assert!(found("ci: 19023845").is_empty());
        exactly("cedula 19023845", "pii-national-id", "19023845");
        for t in [
            "Cédula: 3.456.789-5",
            "Factura 3.456.789-4 pagada",
            "cedula 19023846",
        ] {
            assert!(
                found(t).iter().all(|(r, _)| *r != "pii-national-id"),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
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

    /// The candidate a format check sees for `id`: its characters and groups.
    fn cand_parts(id: &str) -> (Vec<u8>, Vec<usize>, Vec<u8>) {
        let (mut chars, mut lens, mut seps) = (Vec::new(), vec![0], Vec::new());
        for x in id.bytes() {
            if x.is_ascii_alphanumeric() {
                chars.push(x);
                *lens.last_mut().expect("one group") += 1;
            } else {
                seps.push(x);
                lens.push(0);
            }
        }
        (chars, lens, seps)
    }

    fn check(f: IdCheck, id: &str) -> Option<Need> {
        let (chars, lens, seps) = cand_parts(id);
        f(&IdCand {
            chars: &chars,
            lens: &lens,
            seps: &seps,
        })
    }

    /// `id` with its last character moved one step (9 -> 0, Z -> A).
    fn off_by_one(id: &str) -> String {
        let mut b = id.as_bytes().to_vec();
        let last = b.len() - 1;
        b[last] = match b[last] {
            b'9' => b'0',
            b'Z' => b'A',
            x => x + 1,
        };
        String::from_utf8(b).expect("ASCII")
    }

    #[test]
    fn id_checks_accept_valid_values_and_reject_a_changed_check() {
        // Values generated with the published algorithms, independently.
        let cases: &[(IdCheck, &str, Need)] = &[
            (se_personnummer, "900215-1232", Need::Words),
            (no_fodselsnummer, "23047810027", Need::Words),
            (fi_hetu, "220593-417N", Need::Words),
            (pl_pesel, "88122407815", Need::Words),
            (cl_rut, "21.456.789-K", Need::Nothing),
            (cl_rut, "12345678-5", Need::Words),
            (be_national_number, "93.02.14-157.32", Need::Nothing),
            (za_id, "9203185123081", Need::IdWord),
            (cn_resident_id, "44030419900307123X", Need::Nothing),
            (cn_resident_id, "320102198805100009", Need::Nothing),
            (tr_kimlik, "51234567890", Need::Words),
            (sg_nric, "S9312345Z", Need::Words),
            (sg_nric, "T0212345I", Need::Words),
            (il_teudat_zehut, "041234568", Need::Words),
            (it_codice_fiscale, "RSSMRA85T10A562S", Need::Nothing),
            (de_steuer_id, "65937482064", Need::Words),
            (mx_curp, "GOMA900512HDFRRN08", Need::Nothing),
            (au_tfn, "123 456 707", Need::Words),
            (kr_rrn, "850314-1234562", Need::Nothing),
            (ch_ahv, "756.1234.5678.97", Need::Nothing),
            (ro_cnp, "1850312401233", Need::Words),
        ];
        for &(f, id, need) in cases {
            assert_eq!(check(f, id), Some(need), "{id}");
            let bad = off_by_one(id);
            assert_eq!(check(f, &bad), None, "{bad} should fail its check");
        }
        // ITIN has no check digit, only the ranges the IRS issues from.
        assert_eq!(check(us_itin, "912-70-1234"), Some(Need::Nothing));
        assert_eq!(check(us_itin, "912-69-1234"), None);
        // Check functions on their own.
        assert!(iso7064_11_10(b"65937482064"));
        assert!(!iso7064_11_10(b"65937482065"));
        assert!(luhn_digits(b"9203185123081"));
        assert!(!luhn_digits(b"9203185123082"));
        // Dates are checked too: month 13 is no personnummer.
        assert_eq!(check(se_personnummer, "901315-1232"), None);
        // Steuer-ID: the first ten digits must repeat exactly one digit.
        assert_eq!(check(de_steuer_id, "65937482013"), None);
    }

    #[test]
    fn national_ids_of_many_countries() {
        exactly("Personnummer 900215-1232", "pii-national-id", "900215-1232");
        exactly(
            "fødselsnummer: 23047810027",
            "pii-national-id",
            "23047810027",
        );
        exactly("HETU 220593-417N.", "pii-national-id", "220593-417N");
        exactly("nr PESEL 88122407815", "pii-national-id", "88122407815");
        exactly("RUT 21.456.789-K", "pii-national-id", "21.456.789-K");
        exactly("titular 21.456.789-K", "pii-national-id", "21.456.789-K");
        exactly("INSZ 93021415732", "pii-national-id", "93021415732");
        exactly(
            "identity number: 9203185123081",
            "pii-national-id",
            "9203185123081",
        );
        exactly(
            "号码 44030419900307123X",
            "pii-national-id",
            "44030419900307123X",
        );
        exactly("TC kimlik 51234567890", "pii-national-id", "51234567890");
        exactly("my NRIC is S9312345Z", "pii-national-id", "S9312345Z");
        exactly("ת.ז 041234568", "pii-national-id", "041234568");
        exactly("cf RSSMRA85T10A562S", "pii-national-id", "RSSMRA85T10A562S");
        exactly("Steuer-ID 65937482064", "pii-national-id", "65937482064");
        exactly(
            "curp: GOMA900512HDFRRN08",
            "pii-national-id",
            "GOMA900512HDFRRN08",
        );
        exactly("TFN 123 456 707", "pii-national-id", "123 456 707");
        exactly("ITIN 912-70-1234", "pii-national-id", "912-70-1234");
        exactly("passport no. C03005988", "pii-national-id", "C03005988");
        exactly("Reisepass 512345678", "pii-national-id", "512345678");
        exactly("CPR-nr. 150385-1234", "pii-national-id", "150385-1234");
        exactly("DNI 30.123.456", "pii-national-id", "30.123.456");
        for t in [
            // A valid check but no word for the id: an order or a phone.
            "order 23047810027 shipped",
            "ticket 88122407815",
            "call 51234567890",
            "build 900215-1232",
            "Employee ID number 9203185123081",
            "batch S9312345Z",
            // Named, but the check fails.
            "PESEL 88122407816",
            "HETU 220593-417P",
            "NRIC S9312345A",
            "Steuer-ID 65937482065",
            "curp GOMA900512HDFRRN09",
            // No check digit, and no name: a date and a serial.
            "150385-1234",
            "passport photo 2 of 512345678 pixels",
        ] {
            assert!(
                !found(t).iter().any(|(id, _)| *id == "pii-national-id"),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn phones_named_in_many_languages() {
        exactly(
            "Mi celular: (011) 15-4872-3391",
            "pii-phone",
            "(011) 15-4872-3391",
        );
        exactly("móvil 612 34 56 78", "pii-phone", "612 34 56 78");
        exactly("Handy 0171/2345678", "pii-phone", "0171/2345678");
        exactly(
            "телефон 8 (912) 345-67-89",
            "pii-phone",
            "8 (912) 345-67-89",
        );
        exactly("{\"msisdn\":\"254712345678\"}", "pii-phone", "254712345678");
        exactly("whatsapp 919876543210", "pii-phone", "919876543210");
        exactly("Fax: 0049 30 1234567", "pii-phone", "0049 30 1234567");
        exactly("06 12 34 56 78", "pii-phone", "06 12 34 56 78");
        exactly("Telefon: 089 / 432 118 07", "pii-phone", "089 / 432 118 07");
        exactly("appelez le 01 12 23 34 45", "pii-phone", "01 12 23 34 45");
        for t in [
            // An MSISDN needs a known calling code and length.
            "msisdn 0000000000000",
            // A draw, and a year range after "call".
            "Numbers drawn: 03 14 22 38 45",
            "call for papers 2024-2025",
            // Meeting and dial-in codes.
            "Dial-in code 812 4471 9930",
            "612 34 56 78",
            "scored 12 / 40 and 2024 / 2025 season",
        ] {
            assert!(
                !found(t).iter().any(|(id, _)| *id == "pii-phone"),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn credentials_in_config_files() {
        exactly(
            "db.internal.example:5432:shop:app_rw:Xq7!pL2#rT",
            "pii-secret-assignment",
            "Xq7!pL2#rT",
        );
        exactly(
            "*:5432:*:postgres:S3cure-Passw0rd",
            "pii-secret-assignment",
            "S3cure-Passw0rd",
        );
        // base64 of `ci:Tr4in-Stat10n`
        exactly(
            "{\"auths\":{\"r.example\":{\"auth\":\"Y2k6VHI0aW4tU3RhdDEwbg==\"}}}",
            "pii-secret-assignment",
            "Y2k6VHI0aW4tU3RhdDEwbg==",
        );
        let ppk = "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPublic-Lines: 1\nAAAAB3Nza\nPrivate-Lines: 1\nAAAAgQC\nPrivate-MAC: 0a1b2c";
        exactly(&format!("{ppk}\nbye"), "pii-private-key", ppk);
        let bot = "Mzk4NTU2MTIzNDU2Nzg5MDEy.GhT5aQ.p0Lk2jH7sD9fGq3WxZ8cVbN1mR4tY6uIoPe";
        exactly(&format!("client.login('{bot}')"), "pii-api-token", bot);
        for t in [
            "10:30:45:12:00 timings",
            "localhost:5432:db:user:*",
            "\"auth\": \"oauth2\"",
            "auth_method: oauth2-client-credentials",
            "PuTTY-User-Key-File-3 is the header of a .ppk file",
            "see docs.example.com.v1beta.ListObjectsRequest",
            "password_hash = \"argon2id\"",
            "pwd_min_length: 12chars",
        ] {
            assert!(
                found(t).is_empty(),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn names_after_the_number_and_dates_of_birth() {
        exactly(
            "900215-1232 (personnummer)",
            "pii-national-id",
            "900215-1232",
        );
        exactly("612 34 56 78 (móvil)", "pii-phone", "612 34 56 78");
        exactly("DOB: 1984-07-23", "pii-date-of-birth", "1984-07-23");
        exactly("Geburtsdatum 23.07.1984", "pii-date-of-birth", "23.07.1984");
        exactly("出生日期：1984-07-23", "pii-date-of-birth", "1984-07-23");
        for t in [
            "Released 1984-07-23 on vinyl",
            "900215-1232 units shipped",
            "612 34 56 78 cabinets",
            "invoice date 23.07.1984",
        ] {
            assert!(
                found(t).is_empty(),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn vendor_tokens_by_prefix() {
        for tok in [
            "whsec_Xk92LmPq7RtV3sWz8Yb1Nc4Df6Gh0Jk2",
            "dckr_pat_Hq3xY8vT1mKp0LsW9eRz2bN5cJ7",
            "AGE-SECRET-KEY-1QQPZRY9X8GF2TVDW0S3JN54KHCE6MUA7LQPZRY9X8GF2TVDW0S3JN54KHC",
        ] {
            exactly(&format!("export KEY={tok}"), "pii-api-token", tok);
        }
        exactly(
            "bot 5512349876:AAH3kd9sLq0Pw7ZxV2nB8mT4cY6uR1eJ5oG ready",
            "pii-api-token",
            "5512349876:AAH3kd9sLq0Pw7ZxV2nB8mT4cY6uR1eJ5oG",
        );
        for t in [
            "ntn_notes_folder_name",
            "the whsec_ prefix marks Stripe webhook secrets",
            "at 10:AAA we met",
        ] {
            assert!(
                found(t).is_empty(),
                "false positive on {t:?}: {:?}",
                found(t)
            );
        }
    }

    #[test]
    fn sample_values_are_not_personal() {
        assert!(found("AKIAIOSFODNN7EXAMPLE is the sample key in the docs").is_empty());
        exactly(
            "key AKIAIOSFODNN7EXAMPLE ok",
            "pii-aws-key",
            "AKIAIOSFODNN7EXAMPLE",
        );
        assert!(found("<input type=email placeholder=\"jane@corp.example.net\">").is_empty());
        assert!(found("write to support@example.com or feedback@example.org").is_empty());
        exactly(
            "write to dana.k@example.com",
            "pii-email",
            "dana.k@example.com",
        );
        exactly(
            "\"j.r smith\"@mail.example-corp.net wrote",
            "pii-email",
            "\"j.r smith\"@mail.example-corp.net",
        );
        exactly("Мир 2200 1234 5678 9019", "pii-card", "2200 1234 5678 9019");
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
    fn cards_by_issuer_range_and_by_name() {
        for n in [
            "6759 4120 3811 2345",
            "8112 3456 7890 1239",
            "6011-0009-9013-9234",
            "5038 1234 5678 9010",
            "3530 1113 3330 0000",
            "6221 2600 0000 0000",
            "2202 0000 0012 3457",
            "9792 1234 5678 9018",
            "5019 7170 1010 3742",
        ] {
            let t = format!("paid with {n} yesterday");
            assert!(
                found(&t).iter().any(|h| h.0 == "pii-card"),
                "{t}: {:?}",
                found(&t)
            );
        }
        // Outside every issuer range the table knows, a Luhn-valid number
        // is a card only where the text names one.
        exactly(
            r#"{"billing": {"card_number": "2755 6311 4455 2101", "exp": "04/29"}}"#,
            "pii-card",
            "2755 6311 4455 2101",
        );
        exactly(
            "Kartennummer 2755631144552101",
            "pii-card",
            "2755631144552101",
        );
        assert!(found("batch 2755 6311 4455 2101 shipped").is_empty());
        assert!(found("card games: 2755 6311 4455 2100").is_empty());
    }

    #[test]
    fn strong_ids_after_a_bare_id_word() {
        exactly(
            "ID number 9308025123082",
            "pii-national-id",
            "9308025123082",
        );
        exactly(
            r#"{"id_no": "0105170899188"}"#,
            "pii-national-id",
            "0105170899188",
        );
        exactly("ID — 9308025123082", "pii-national-id", "9308025123082");
        exactly("ID：9308025123082", "pii-national-id", "9308025123082");
        // A dash between the words ends a clause, whatever its width.
        exactly(
            "Name: Thandi Nkosi—ID 9308025123082",
            "pii-national-id",
            "9308025123082",
        );
        // A thirteen-digit number after `ID` whose date or check fails.
        assert!(found("ID number 9313025123082").is_empty());
        assert!(found("ID number 9308025123083").is_empty());
        // Named further back, `ID` is a record's id.
        assert!(found("the ID of the row, stored as 9308025123082 in the table").is_empty());
    }

    #[test]
    fn hong_kong_identity_cards() {
        exactly(
            "applicant Z683365(A), flat 3",
            "pii-national-id",
            "Z683365(A)",
        );
        exactly("HKID: AB1234569", "pii-national-id", "AB1234569");
        exactly("身份證號碼 C668668(9)", "pii-national-id", "C668668(9)");
        // A wrong check character, or a bare code nobody named.
        assert!(found("applicant Z683365(4), flat 3").is_empty());
        assert!(found("part AB1234569 in stock").is_empty());
    }

    #[test]
    fn machine_readable_zones() {
        let td3 = "P<DEUSCHMIDT<<LUKAS<<<<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<8704197M3301018<<<<<<<<<<<<<<<8";
        exactly(td3, "pii-national-id", td3);
        let td1 = "I<UTOD2314589077345<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<3\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
        exactly(td1, "pii-national-id", td1);
        // One check digit off.
        let bad = "P<DEUSCHMIDT<<LUKAS<<<<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<8704198M3301018<<<<<<<<<<<<<<<8";
        assert!(found(bad).is_empty());
        assert!(found("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<").is_empty());
    }

    #[test]
    fn numbers_with_url_escaped_separators() {
        exactly(
            "phone\0%2B234%20803%20419%207731\0name\0Ada",
            "pii-phone",
            "%2B234%20803%20419%207731",
        );
        exactly(
            "mobile=%2B44+7911+123456&ok=1",
            "pii-phone",
            "%2B44+7911+123456",
        );
        exactly(
            "cc=4111%201111%201111%201111",
            "pii-card",
            "4111%201111%201111%201111",
        );
        assert!(found("q=release%202024%2011&page=2").is_empty());
        assert!(found("size=100%20x%20200&color=red").is_empty());
    }

    #[test]
    fn more_national_ids() {
        exactly(
            "CNPJ 11.222.333/0001-81",
            "pii-national-id",
            "11.222.333/0001-81",
        );
        exactly(
            "empresa 11.222.333/0001-81 ltda",
            "pii-national-id",
            "11.222.333/0001-81",
        );
        assert!(found("empresa 11.222.333/0001-82 ltda").is_empty());
        exactly("BVN: 22123456789", "pii-national-id", "22123456789");
        exactly(
            "Bank Verification Number (BVN): 22341298765",
            "pii-national-id",
            "22341298765",
        );
        exactly(
            "National Identification Number (NIN): 48213976051",
            "pii-national-id",
            "48213976051",
        );
        assert!(found("invoice 22123456789").is_empty());
    }

    #[test]
    fn vendor_tokens_by_prefix_table() {
        for (t, tok) in [
            (
                "HF_TOKEN=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",
                "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",
            ),
            (
                "account ACa3f09b1c2d3e4f5a6b7c8d9e0f1a2b3c here",
                "ACa3f09b1c2d3e4f5a6b7c8d9e0f1a2b3c",
            ),
            (
                "api key SKb2e9c0d14f7a83e6d5c4b3a29180f7e6",
                "SKb2e9c0d14f7a83e6d5c4b3a29180f7e6",
            ),
            (
                "sid ACa3f09b1c2d3e4f5a6b7c8d9e0f1a2b3c, auth token 7c1e9a3b5d7f9e2c4a6b8d0f1e3c5a79",
                "7c1e9a3b5d7f9e2c4a6b8d0f1e3c5a79",
            ),
            (
                "MAILGUN=key-3ax6xnjp29jd6fds4gc373sgvjxteol0",
                "key-3ax6xnjp29jd6fds4gc373sgvjxteol0",
            ),
            (
                "DOPPLER_TOKEN=dp.pt.Xq8RkT2vLm9NpW4sZb7YcH1dFg6JaK3eUo5iQrS0tVw",
                "dp.pt.Xq8RkT2vLm9NpW4sZb7YcH1dFg6JaK3eUo5iQrS0tVw",
            ),
            (
                "notion secret_Aq3Wr5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6Nm8Qw0Er2Ty",
                "secret_Aq3Wr5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6Nm8Qw0Er2Ty",
            ),
            (
                "runner glrt-2CR8_eVxiioB1QmzPZwa",
                "glrt-2CR8_eVxiioB1QmzPZwa",
            ),
        ] {
            exactly(t, "pii-api-token", tok);
        }
        let hook = "https://discord.com/api/webhooks/112233445566778899/Ab3dEfGh1jKlMn0pQrStUvWxYz-12345_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
        exactly(hook, "pii-api-token", hook);
        for benign in [
            "the hf_hub_download_cache_dir and hf_TransformersModelCache settings",
            "secret_key_base_for_the_production_environment_in_rails",
            "SKU ACME-1 and ACCESS_KEY rotation; the key-value store",
            "ACCEPTED SKIPPED ACKNOWLEDGED",
            "use a key-value-store-backed-cache-for-sessions-and-more",
            "ntn_notes_folder_name_for_the_exported_workspace_pages",
        ] {
            assert!(found(benign).is_empty(), "{benign}: {:?}", found(benign));
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

//! Path traversal and access to sensitive files.
//!
//! Traversal runs are parsed token by token (`.`/`%2e`/`%c0%ae` dots, `/`,
//! `\`, `%2f`, `%5c`, `%c0%af`, `%u2215` separators, `;` and repeated dots) so
//! that forms the engine did not decode are still found. Severity follows
//! how much of an attack the run is:
//!
//! * two or more `../` steps, or any step reaching a sensitive file, is an
//!   attack (`path-dotdot`);
//! * a single step written in an evasive form (`....//`, `..;/`, `..%00/`,
//!   encoded dots or slashes), or in an upload's `filename="../x"`, is an
//!   attack (`path-dotdot-evasion`);
//! * a single plain `../`, as in the markdown link `[docs](../docs/readme.md)`
//!   or `import x from '../components/Button'`, is not reported at all.
//!
//! Sensitive files are matched on a canonical form of each path token (lower
//! case, `\` turned into `/`, `//` and `/./` collapsed). Files that only an
//! attacker asks for (`/etc/shadow`, `win.ini`, `id_rsa`, `/proc/self/environ`)
//! are reported wherever they appear. Files that ordinary logs and
//! documentation mention (`/var/log/...`, `.htaccess`, `web.config`, `.env`,
//! `/etc/nginx/...`) are reported only when the path is the whole value, the
//! value of a parameter (`file=/var/log/...`), behind a traversal or behind a
//! stream wrapper.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::finding::{Category, Hit, RuleInfo, Severity};

const fn rule(id: &'static str, severity: Severity, description: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        category: Category::PathTraversal,
        severity,
        description,
    }
}

/// Built-in path traversal rules.
pub(crate) static RULES: &[RuleInfo] = &[
    rule(
        "path-dotdot",
        Severity::High,
        "Two or more ../ or ..\\ steps, or a traversal reaching a sensitive file",
    ),
    rule(
        "path-dotdot-evasion",
        Severity::High,
        "Traversal written to slip past filters: ....//, ..;/, encoded or look-alike dots and slashes, 8.3 short names",
    ),
    rule(
        "path-sensitive-file",
        Severity::High,
        "Path to a file attackers read: /etc/passwd, /proc/self/environ, win.ini, id_rsa, .git/config",
    ),
    rule(
        "path-wrapper",
        Severity::High,
        "Stream wrapper used for file inclusion: file://, php://filter, zip://, phar://, expect://",
    ),
    rule(
        "path-null-byte",
        Severity::High,
        "Null byte truncating a file name (%00, \\0) before an extension",
    ),
    rule(
        "path-unc-remote",
        Severity::High,
        "UNC path to another host (\\\\host\\share\\file) where a file name is expected: the server fetches from, and authenticates to, that host",
    ),
    rule(
        "path-cloud-metadata",
        Severity::High,
        "URL of a cloud instance-metadata service (169.254.169.254, [fd00:ec2::254], metadata.google.internal): a server fetching it hands out its credentials",
    ),
];

const R_DOTDOT: usize = 0;
const R_EVASION: usize = 1;
const R_SENSITIVE: usize = 2;
const R_WRAPPER: usize = 3;
const R_NULL: usize = 4;
const R_UNC: usize = 5;
const R_METADATA: usize = 6;

/// Hosts of cloud instance-metadata services (AWS IPv4 and IPv6, ECS task
/// credentials, GCP, Azure, Alibaba, Oracle, DigitalOcean use the first),
/// with the usual respellings of the IPv4 address (hex, decimal, octal,
/// IPv4-mapped IPv6).
const METADATA_HOSTS: &[&[u8]] = &[
    b"169.254.169.254",
    b"[fd00:ec2::254]",
    b"169.254.170.2",
    b"metadata.google.internal",
    b"metadata.goog",
    b"100.100.100.200",
    b"169.254.169.253",
    b"0xa9fea9fe",
    b"2852039166",
    b"0251.0376.0251.0376",
    b"[::ffff:169.254.169.254]",
    b"[::ffff:a9fe:a9fe]",
];

/// Paths only metadata services serve: found after any host (a name that
/// resolves to the service, a rebinding domain).
const METADATA_PATHS: &[&[u8]] = &[
    b"/latest/meta-data",
    b"/latest/api/token",
    b"/latest/user-data",
    b"/computeMetadata/v1",
    b"/metadata/identity/oauth2/token",
    b"/opc/v1/instance",
    b"/opc/v2/instance",
];

/// `http://169.254.169.254/latest/meta-data/...`, `//[fd00:ec2::254]/`,
/// `http://x@169.254.169.254/`, `http://rebind.example/latest/meta-data/`:
/// a URL naming a metadata host after its `//` (and optional credentials),
/// or reaching a path only metadata services serve. The address alone in a
/// sentence is not reported.
fn scan_metadata(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let url_end = |mut e: usize| {
        let from = e;
        while e < b.len()
            && e - from < 200
            && !b[e].is_ascii_whitespace()
            && !matches!(b[e], b'"' | b'\'' | b'<' | b'>' | 0)
        {
            e += 1;
        }
        e
    };
    let url_start = |p: usize| {
        let mut s = p;
        while s > 0
            && p - s < 200
            && !b[s - 1].is_ascii_whitespace()
            && !matches!(b[s - 1], b'"' | b'\'' | b'=' | b'<' | b'>' | b'(' | 0)
        {
            s -= 1;
        }
        s
    };
    let mut last = 0;
    for p in memchr::memmem::find_iter(b, b"//") {
        if p < last {
            continue;
        }
        let mut h = p + 2;
        // Skip `user:pass@`: the authority ends at the first `/`, `?`, `#`
        // or `\`, and only an `@` before that ends credentials.
        if let Some(o) = b[h..(h + 64).min(b.len())]
            .iter()
            .position(|&c| matches!(c, b'@' | b'/' | b'?' | b'#' | b'\\'))
            .filter(|&o| b[h + o] == b'@')
        {
            h += o + 1;
        }
        let hit = METADATA_HOSTS.iter().find(|m| {
            b.get(h..h + m.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(m))
                && {
                    let after = b.get(h + m.len()).copied();
                    match after {
                        None => true,
                        // A trailing dot of a fully qualified name.
                        Some(b'.') => !b
                            .get(h + m.len() + 1)
                            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-'),
                        Some(c) => !(c.is_ascii_alphanumeric() || c == b'-'),
                    }
                }
        });
        if let Some(m) = hit {
            let e = url_end(h + m.len());
            push(hits, text, R_METADATA, url_start(p), e);
            last = e;
        }
    }
    for marker in METADATA_PATHS {
        let mut last = 0;
        for p in memchr::memmem::find_iter(b, marker) {
            if p < last {
                continue;
            }
            let s = url_start(p);
            // Or the target of a request line (`GET /latest/meta-data/ HTTP/1.1`).
            let line = memchr::memrchr2(b'\n', 0, &b[..p]).map_or(0, |o| o + 1);
            let head = b[line..p].trim_ascii_start();
            let request_line = s == p
                && [&b"GET "[..], b"POST ", b"PUT ", b"HEAD "]
                    .iter()
                    .any(|m| head.len() == m.len() && head.eq_ignore_ascii_case(m));
            if memchr::memmem::find(&b[s..p], b"//").is_some() || request_line {
                let e = url_end(p);
                push(hits, text, R_METADATA, s, e);
                last = e;
            }
        }
    }
}

fn push(hits: &mut Vec<Hit>, text: &str, rule: usize, start: usize, end: usize) {
    let mut s = start.min(text.len());
    let mut e = end.min(text.len());
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    if e > s {
        hits.push(Hit {
            rule: &RULES[rule],
            start: s,
            end: e,
        });
    }
}

// ===== traversal tokens =====

/// Encoded spellings of a dot, longest first.
const DOTS: &[&[u8]] = &[
    b"0x2e",
    b"%25c0%25ae",
    b"%e0%80%ae",
    b"%c0%2e",
    b"%c0%ae",
    b"%c0.",
    b"%u002e",
    b"%uff0e",
    b"%252e",
    b"%2e",
];

/// Encoded spellings of a separator, longest first.
const SEPS: &[&[u8]] = &[
    b"0x2f",
    b"0x5c",
    b"%25c0%25af",
    b"%e0%80%af",
    b"%c0%af",
    b"%c1%9c",
    b"%c1%pc",
    b"%c0%9v",
    b"%c0%qf",
    b"%c1%8s",
    b"%c1%1c",
    b"%u2215",
    b"%u2216",
    b"%uefc8",
    b"%uf025",
    b"%255c",
    b"%252f",
    b"%2f",
    b"%5c",
];

/// For the spellings in `pats` that start with `first`: which bytes can
/// follow it (either case). A byte outside the set rules all of them out
/// before any is compared in full.
const fn second_bytes(pats: &[&[u8]], first: u8) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < pats.len() {
        let p = pats[k];
        if p.len() >= 2 && p[0] == first {
            t[p[1].to_ascii_lowercase() as usize] = true;
            t[p[1].to_ascii_uppercase() as usize] = true;
        }
        k += 1;
    }
    t
}

static DOT_AFTER_PCT: [bool; 256] = second_bytes(DOTS, b'%');
static DOT_AFTER_ZERO: [bool; 256] = second_bytes(DOTS, b'0');
static SEP_AFTER_PCT: [bool; 256] = second_bytes(SEPS, b'%');
static SEP_AFTER_ZERO: [bool; 256] = second_bytes(SEPS, b'0');

/// Whether the byte after `i` can continue one of the spellings `after` allows.
fn may_follow(b: &[u8], i: usize, after: &[bool; 256]) -> bool {
    b.get(i + 1).is_some_and(|&c| after[c as usize])
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// Length of a dot token at `i` and whether it was encoded.
fn dot_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    match b.get(i)? {
        b'.' => Some((1, false)),
        b'0' if !may_follow(b, i, &DOT_AFTER_ZERO) => None,
        b'%' if !may_follow(b, i, &DOT_AFTER_PCT) => None,
        b'0' => DOTS
            .iter()
            .find(|d| d[0] == b'0' && starts_with_ci(&b[i..], d))
            .map(|d| (d.len(), true)),
        b'%' => DOTS
            .iter()
            .find(|d| starts_with_ci(&b[i..], d))
            .map(|d| (d.len(), true)),
        _ => None,
    }
}

/// Length of a separator token at `i` and whether it was encoded.
fn sep_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    match b.get(i)? {
        b'/' | b'\\' => Some((1, false)),
        b'0' if !may_follow(b, i, &SEP_AFTER_ZERO) => None,
        b'%' if !may_follow(b, i, &SEP_AFTER_PCT) => None,
        b'0' => SEPS
            .iter()
            .find(|d| d[0] == b'0' && starts_with_ci(&b[i..], d))
            .map(|d| (d.len(), true)),
        // Slash look-alikes some file APIs or later normalisation turn into
        // a separator, left by `%u2215`, `%e2%81%84` and the like.
        0xe2 | 0xef if lookalike_slash(b, i) => Some((3, true)),
        b'%' => SEPS
            .iter()
            .find(|d| starts_with_ci(&b[i..], d))
            .map(|d| (d.len(), true)),
        _ => None,
    }
}

/// Whether a three-byte look-alike of `/` or `\\` starts at `i`: U+2044
/// FRACTION SLASH, U+2215 DIVISION SLASH, U+2216 SET MINUS, U+2571/U+2572
/// box-drawing diagonals, U+29F5 REVERSE SOLIDUS OPERATOR, U+29F8/U+29F9
/// BIG SOLIDUS / BIG REVERSE SOLIDUS, U+FF0F/U+FF3C fullwidth solidus and
/// reverse solidus (which NFKC folds, but a view without it keeps), U+FE68
/// SMALL REVERSE SOLIDUS.
fn lookalike_slash(b: &[u8], i: usize) -> bool {
    matches!(
        b.get(i..i + 3),
        Some(
            [0xe2, 0x81, 0x84]
                | [0xe2, 0x88, 0x95 | 0x96]
                | [0xe2, 0x95, 0xb1 | 0xb2]
                | [0xe2, 0xa7, 0xb5 | 0xb8 | 0xb9]
                | [0xef, 0xbc, 0x8f | 0xbc]
                | [0xef, 0xb9, 0xa8]
        )
    )
}

/// The slash look-alikes [`lookalike_slash`] knows, as characters.
const LOOKALIKE_SLASHES: [char; 12] = [
    '\\', '\u{2044}', '\u{2215}', '\u{2216}', '\u{2571}', '\u{2572}', '\u{29f5}', '\u{29f8}',
    '\u{29f9}', '\u{ff0f}', '\u{ff3c}', '\u{fe68}',
];

struct Step {
    end: usize,
    evasive: bool,
}

/// Parses one traversal step (`..` + separators) at `i`.
fn step_at(b: &[u8], i: usize) -> Option<Step> {
    let mut j = i;
    let mut dots = 0;
    let mut evasive = false;
    while let Some((n, enc)) = dot_at(b, j) {
        dots += 1;
        evasive |= enc;
        j += n;
        if dots > 8 {
            return None;
        }
    }
    if dots < 2 {
        return None;
    }
    if dots > 2 {
        evasive = true;
    }
    // Tomcat's `..;/` path parameter.
    if b.get(j) == Some(&b';') {
        evasive = true;
        j += 1;
    }
    // A null byte between the dots and the separator (`..%00/`), which
    // filters that stop at a NUL never see.
    let nul = if b.get(j) == Some(&0) {
        1
    } else if starts_with_ci(&b[j.min(b.len())..], b"%00") {
        3
    } else {
        0
    };
    if nul > 0 && sep_at(b, j + nul).is_some() {
        evasive = true;
        j += nul;
    }
    let mut seps = 0;
    let mut kinds = 0u8;
    while let Some((n, enc)) = sep_at(b, j) {
        kinds |= if b[j] == b'/' {
            1
        } else if b[j] == b'\\' {
            2
        } else {
            4
        };
        seps += 1;
        evasive |= enc;
        j += n;
        if seps > 8 {
            break;
        }
    }
    if seps == 0 {
        // `/..` at the very end of a value still climbs a directory.
        let at_end =
            j >= b.len() || matches!(b[j], b'\0' | b'"' | b'\'' | b' ' | b'&' | b'?' | b'#');
        if at_end && i > 0 && sep_at(b, i - 1).is_some() && dots == 2 {
            return Some(Step { end: j, evasive });
        }
        return None;
    }
    if seps > 1 || kinds.count_ones() > 1 {
        evasive = true;
    }
    Some(Step { end: j, evasive })
}

/// Skips `./` or `.\` no-op steps (`.././`).
fn skip_noop(b: &[u8], mut j: usize) -> usize {
    loop {
        let Some((n, _)) = dot_at(b, j) else { return j };
        if dot_at(b, j + n).is_some() {
            return j;
        }
        let Some((m, _)) = sep_at(b, j + n) else {
            return j;
        };
        j += n + m;
    }
}

fn scan_traversal(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(p) = memchr::memchr2(b'.', b'%', &b[i..]) {
        let mut at = i + p;
        // A lone dot (a full stop, `file.txt`) starts no step unless another
        // dot token follows or `0x2e` precedes it.
        if b[at] == b'.'
            && !matches!(b.get(at + 1), Some(b'.' | b'%' | b'0'))
            && !(at >= 4 && starts_with_ci(&b[at - 4..], b"0x2e"))
        {
            i = at + 1;
            continue;
        }
        while at >= 4 + i && starts_with_ci(&b[at - 4..], b"0x2e") {
            at -= 4;
        }
        let Some(first) = step_at(b, at) else {
            i = at + 1;
            continue;
        };
        // A step written right after a dot token would have been found there.
        let mut steps = 1;
        let mut evasive = first.evasive;
        let mut j = first.end;
        loop {
            let k = skip_noop(b, j);
            if k != j {
                evasive = true;
            }
            match step_at(b, k) {
                Some(s) => {
                    steps += 1;
                    evasive |= s.evasive;
                    j = s.end;
                }
                None => break,
            }
            if steps > 64 {
                break;
            }
        }
        let target_end = token_end(b, j);
        let target = &text[j..target_end];
        let sensitive = classify(&canonical(target)).is_some();
        // "Where is the ../ button?" in a query string arrives as
        // `..%2F+button`: one step whose slash a browser encoded, leading
        // nowhere, is what the decoded view shows, not an evasion.
        if steps == 1
            && (b[at..j].eq_ignore_ascii_case(b"..%2f") || b[at..j].eq_ignore_ascii_case(b"..%5c"))
            && (target.is_empty() || target.starts_with('+'))
        {
            evasive = false;
        }
        // One plain step is reported only where nothing benign puts it: at the
        // start of a value, climbing to a dotfile (`../.env`, `../.history`) or
        // written with a backslash (`..\\pineapple`).
        let value_start = {
            let before = text[..at].trim_end_matches([' ', '\t']);
            before.is_empty()
                || before.ends_with(['\0', '\n', '='])
                || before.ends_with("=\"")
                || before.ends_with("='")
        };
        // An upload's file name has no directory part: `filename="../x"`.
        let file_name = {
            let before = &b[at.saturating_sub(10)..at];
            let before = before.strip_suffix(b"\"").unwrap_or(before);
            before.len() >= 9 && before[before.len() - 9..].eq_ignore_ascii_case(b"filename=")
        };
        // `C:\\inetpub\\..\\web.config`, `/var/www/html/../.env`: a climb in
        // the middle of an absolute path that is the whole value. A path
        // someone means is written without one.
        let abs_climb = {
            let ts = token_start(b, at);
            let head = &b[ts..at];
            let absolute = (head.len() >= 2 && head[0] == b'/' && head[1] != b'/')
                || (head.len() >= 3
                    && head[0].is_ascii_alphabetic()
                    && head[1] == b':'
                    && matches!(head[2], b'\\' | b'/'));
            let before = text[..ts].trim_end_matches([' ', '\t']);
            absolute
                && !target.is_empty()
                && (before.is_empty()
                    || before.ends_with(['\0', '\n', '='])
                    || before.ends_with("=\"")
                    || before.ends_with("='"))
        };
        let single_hostile = abs_climb
            || (value_start
                && (target.starts_with('.') || b.get(first.end - 1) == Some(&b'\\'))
                && !target.starts_with("./"))
            || file_name;
        // "Moved ../../shared/fonts into the package": a short plain climb to
        // an ordinary relative name, inside a sentence that no verb of
        // reading or fetching opens, is a developer talking about the tree.
        let talked_about = !sensitive
            && !evasive
            && !file_name
            && !abs_climb
            && steps <= 2
            && prose_around(text, at, target, target_end);
        // `import { Button } from '../../components/Button'`,
        // `require("../../lib/x")`: a module path in code, quoted after the
        // keyword that loads it, climbing to an ordinary name.
        let code_import = !sensitive
            && !evasive
            && steps <= 4
            && !target.is_empty()
            && !target.starts_with('.')
            && module_path_before(b, at);
        // `Invoices\\2026\\March.xlsx` once a `\\2026` escape was read as an
        // ellipsis (`Invoices...\\March.xlsx`), or `src/.../main.rs` in prose:
        // three dots after a name are an elision, not a climb.
        // Two dots glued to a name before a backslash (`Reports..\\Q1.xlsx`,
        // left by a `\\2025` folder) end that name: Windows drops trailing
        // dots, so nothing climbs. (`/static../` stays: a web server's
        // alias can climb there.)
        let elided = steps == 1
            && !sensitive
            && at >= 1
            && ((j - at == 4
                && &b[at..at + 3] == b"..."
                && matches!(b[at + 3], b'/' | b'\\')
                && (b[at - 1].is_ascii_alphanumeric()
                    || (at >= 2
                        && matches!(b[at - 1], b'/' | b'\\')
                        && b[at - 2].is_ascii_alphanumeric())))
                || (j - at == 3 && &b[at..at + 3] == b"..\\" && b[at - 1].is_ascii_alphanumeric()));
        // "In a relative link, '../..' goes up two directories": the climb
        // itself, quoted alone inside a sentence.
        let named = target.is_empty()
            && !evasive
            && steps <= 3
            && at >= 2
            && matches!(b[at - 1], b'\'' | b'"' | b'`')
            && b.get(j) == Some(&b[at - 1])
            && b[at - 2] == b' '
            && text[j + 1..]
                .split_ascii_whitespace()
                .take(2)
                .filter(|w| w.bytes().all(|c| c.is_ascii_alphabetic()))
                .count()
                == 2;
        let doc_link = !sensitive && doc_climb(b, at, j, (steps, evasive), target, target_end);
        // "`cd ../../` twice gets you back to the root": a code span that
        // only changes directory upwards, explained by the sentence after
        // it. Going up reads nothing; a file to read would follow the climb.
        let navigation = matches!(target, "" | "." | "..")
            && !evasive
            && steps <= 4
            // A last `..` without its slash is read as sentence dots.
            && {
                let end = j + b[j..].iter().take(2).take_while(|&&c| c == b'.').count();
                span_cd(b, at, end) || cd_command(b, at, end)
            };
        let rule = if talked_about || code_import || elided || named || doc_link || navigation {
            None
        } else if steps >= 2 || sensitive {
            Some(R_DOTDOT)
        } else if evasive || single_hostile {
            Some(R_EVASION)
        } else {
            None
        };
        if let Some(r) = rule {
            let end = if sensitive { target_end } else { j };
            push(hits, text, r, at, end);
        }
        i = j.max(at + 1);
    }
}

/// Whether a climb (from `at`, its steps ending at `j`, to `target`) is a
/// document pointing into its own tree rather than a value that climbs:
/// the target of a markdown link (`[Contribute](../../CONTRIBUTING.md)`),
/// or a path abbreviated with a leading ellipsis in prose or a diffstat
/// (`the .../modules/pam_unix/Makefile to`, ` .../crash-442bf | 30 +++`).
fn doc_climb(
    b: &[u8],
    at: usize,
    j: usize,
    (steps, evasive): (usize, bool),
    target: &str,
    target_end: usize,
) -> bool {
    if target.is_empty() || target.starts_with('.') {
        return false;
    }
    let link = !evasive
        && steps <= 4
        && at >= 2
        && &b[at - 2..at] == b"]("
        && b.get(target_end) == Some(&b')');
    let lead_ellipsis = steps == 1
        && j - at == 4
        && &b[at..at + 3] == b"..."
        && (at == 0 || matches!(b[at - 1], b' ' | b'\t' | b'\n'))
        && {
            let lim = b.len().min(target_end + 80);
            let rest = &b[target_end..lim];
            let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
            diffstat_tail(line) || prose_tail(line)
        };
    link || lead_ellipsis
}

/// Whether the climb from `at` to `j` is all a markdown code span holds
/// after `cd` or `pushd` (or alone), and a sentence goes on after the
/// span: `` `cd ../..` takes you to the root ``.
fn span_cd(b: &[u8], at: usize, j: usize) -> bool {
    if b.get(j) != Some(&b'`') {
        return false;
    }
    let head = &b[at.saturating_sub(7)..at];
    let opens = [&b"`"[..], b"`cd ", b"`pushd "].iter().any(|w| {
        head.ends_with(w) && (w.len() > 1 || head.len() < 2 || head[head.len() - 2] == b' ')
    });
    if !opens {
        return false;
    }
    let lim = b.len().min(j + 81);
    let rest = &b[j + 1..lim];
    let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
    line.first() == Some(&b' ') && prose_tail(line)
}

/// Whether the climb from `at` to `j` is the whole argument of a `cd` or
/// `pushd` command line (`cd ../.. && npm run build`, `$ cd ../../..`): it
/// opens the value or a line, or follows `&&`, `;`, `(` or a prompt, and the
/// command ends after it.
fn cd_command(b: &[u8], at: usize, j: usize) -> bool {
    let head = &b[at.saturating_sub(6)..at];
    let Some(cmd) = [&b"cd "[..], b"pushd "]
        .iter()
        .find(|w| head.ends_with(w))
        .map(|w| at - w.len())
    else {
        return false;
    };
    let mut k = cmd;
    while k > 0 && b[k - 1] == b' ' {
        k -= 1;
    }
    let opens = k == 0
        || matches!(b[k - 1], b'\n' | 0 | b';' | b'(' | b'$' | b'#')
        || (k >= 2 && &b[k - 2..k] == b"&&");
    if !opens {
        return false;
    }
    let mut e = j;
    while e < b.len() && b[e] == b' ' {
        e += 1;
    }
    e >= b.len()
        || matches!(b[e], b'\n' | b'\r' | 0 | b';' | b')')
        || b[e..].starts_with(b"&&")
        || b[e..].starts_with(b"||")
}

/// Whether `line` (what follows a file name) is the rest of a diffstat
/// row: blanks, `|`, a count and the `+`/`-` bar (or `Bin`).
fn diffstat_tail(line: &[u8]) -> bool {
    let t = line.trim_ascii_start();
    let Some(t) = t.strip_prefix(b"|") else {
        return false;
    };
    let t = t.trim_ascii_start();
    let digits = t.iter().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0 && t[digits..].iter().all(|&c| matches!(c, b' ' | b'+' | b'-')))
        || t.starts_with(b"Bin ")
}

/// Whether `line` (what follows a path) goes on as a sentence: at least
/// two plain words, one a function word, and no shell or query syntax.
fn prose_tail(line: &[u8]) -> bool {
    // A semicolon between a word and a blank joins two clauses ("syntax
    // is ok; configuration file test is successful").
    if line.iter().enumerate().any(|(k, &c)| {
        matches!(c, b'|' | b'&' | b'$' | b'`' | b'<' | b'>' | b'=' | b'%')
            || (c == b';'
                && !(k > 0 && line[k - 1].is_ascii_alphabetic() && line.get(k + 1) == Some(&b' ')))
    }) {
        return false;
    }
    let mut words = 0;
    let mut stops = 0;
    for w in line
        .split(|c| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if PROSE_STOPS
            .iter()
            .any(|s| w.eq_ignore_ascii_case(s.as_bytes()))
        {
            stops += 1;
        }
    }
    words >= 2 && stops >= 1
}

/// Whether the climb at `at` opens a quoted module path after a keyword
/// that loads one: `from '`, `import "`, `require('`, `import(`, `@import "`.
fn module_path_before(b: &[u8], at: usize) -> bool {
    if at == 0 || !matches!(b[at - 1], b'\'' | b'"' | b'`') {
        return false;
    }
    let mut k = at - 1;
    while k > 0 && matches!(b[k - 1], b' ' | b'\t' | b'(') {
        k -= 1;
    }
    let head = &b[k.saturating_sub(8)..k];
    [&b"from"[..], b"import", b"require", b"@import", b"export"]
        .iter()
        .any(|w| {
            head.len() >= w.len()
                && head[head.len() - w.len()..].eq_ignore_ascii_case(w)
                && (head.len() == w.len()
                    || !head[head.len() - w.len() - 1].is_ascii_alphanumeric())
        })
}

/// English function words: a path in a sentence has some after it.
const PROSE_STOPS: &[&str] = &[
    "a", "an", "the", "for", "to", "of", "in", "on", "and", "or", "with", "is", "are", "was", "it",
    "this", "that", "into", "from", "so", "no", "not", "each", "every", "by", "be", "as",
];

/// Verbs that ask for a file's content: "read ../../x and print it" is a
/// request, not a remark about the tree.
const FETCH_VERBS: &[&str] = &[
    "read", "open", "cat", "type", "show", "print", "load", "include", "require", "fetch", "get",
    "download", "display", "dump", "view", "access", "return", "send", "output", "list", "file",
    "path", "src", "href", "url", "page", "template", "doc", "name",
];

/// Whether the climb at `at` with its relative `target` (ending at
/// `target_end`) sits in prose: plain words with a function word among them
/// after it on the same line, no shell or query syntax, and no verb of
/// reading before it.
fn prose_around(text: &str, at: usize, target: &str, target_end: usize) -> bool {
    // An empty target: "what does '../..' mean?" names the climb itself.
    if !target
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'\\' | b'.' | b'-' | b'_'))
    {
        return false;
    }
    let b = text.as_bytes();
    // Both searches stay inside the window they are cut to: a text of many
    // short climbs must not be searched to its ends for each.
    let lim = b.len().min(target_end + 160);
    let mut cut = memchr::memchr(b'\n', &b[target_end..lim]).map_or(lim, |p| target_end + p);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let after = &text[target_end..cut];
    let floor = at.saturating_sub(120);
    let mut lo = memchr::memrchr(b'\n', &b[floor..at]).map_or(floor, |p| floor + p + 1);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &text[lo..at];
    // A semicolon between a word and a blank joins two clauses of a
    // sentence ("... escapes the folder; always check the prefix").
    let syntax = |t: &str| {
        let t = t.as_bytes();
        t.iter().enumerate().any(|(k, &c)| {
            matches!(
                c,
                b'|' | b'&' | b'$' | b'`' | b'<' | b'>' | b'=' | b'%' | b'{'
            ) || (c == b';'
                && !(k > 0 && t[k - 1].is_ascii_alphabetic() && t.get(k + 1) == Some(&b' ')))
        })
    };
    if syntax(after) || syntax(before) {
        return false;
    }
    let words = |t: &str| {
        t.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    };
    let after_words = words(after);
    let stops = after_words
        .iter()
        .filter(|w| PROSE_STOPS.contains(&w.as_str()))
        .count();
    // Only the words just before govern the climb: "Path traversal is when
    // a name like ../../x ..." talks about paths without fetching one.
    let fetch = words(before)
        .iter()
        .rev()
        .take(5)
        .any(|w| FETCH_VERBS.contains(&w.as_str()) || w.ends_with("file"));
    // "..., Button.tsx imports from ../../shared/theme.": the climb ends
    // the sentence, and the words before it carry it, the last a word of
    // place ("the contents of ../../x." asks for the file).
    let ends_sentence = after.trim_start().is_empty()
        || (after.starts_with(['.', '!', '?', ',', ';'])
            && after[1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_uppercase()))
        || matches!(after.trim(), "." | "!" | "?");
    let before_words = words(before);
    let place = before_words.last().is_some_and(|w| {
        matches!(
            w.as_str(),
            "from" | "in" | "into" | "to" | "under" | "inside" | "within" | "at"
        )
    });
    !fetch
        && ((after_words.len() >= 3 && stops >= 1)
            || (ends_sentence && place && before_words.len() >= 4))
}

/// End of a path token that starts at `i`.
fn token_end(b: &[u8], mut i: usize) -> usize {
    let start = i;
    while i < b.len() && i - start < 256 {
        let x = b[i];
        if x.is_ascii_whitespace()
            || matches!(
                x,
                b'"' | b'\''
                    | b'<'
                    | b'>'
                    | b'\0'
                    | b'`'
                    | b'|'
                    | b';'
                    | b'&'
                    | b'?'
                    | b'#'
                    | b')'
                    | b','
            )
        {
            break;
        }
        i += 1;
    }
    // The length cap may stop inside a character.
    while i > start && i < b.len() && (b[i] & 0xc0) == 0x80 {
        i -= 1;
    }
    // Sentence punctuation is not part of the path.
    while i > start && matches!(b[i - 1], b'.' | b':' | b']' | b'}') {
        i -= 1;
    }
    i
}

/// Start of a path token that contains `i`.
fn token_start(b: &[u8], mut i: usize) -> usize {
    let stop = i.saturating_sub(256);
    while i > stop {
        let x = b[i - 1];
        if x.is_ascii_whitespace()
            || matches!(
                x,
                b'"' | b'\''
                    | b'<'
                    | b'>'
                    | b'\0'
                    | b'`'
                    | b'|'
                    | b';'
                    | b'&'
                    | b'='
                    | b'('
                    | b','
                    | b'['
                    | b'{'
                    | b'@'
            )
        {
            break;
        }
        i -= 1;
    }
    while i < b.len() && (b[i] & 0xc0) == 0x80 {
        i += 1;
    }
    i
}

/// Lower case, forward slashes, `//` and `/./` collapsed, leftover `%2f` undone.
fn canonical(tok: &str) -> String {
    let mut s = tok.to_ascii_lowercase();
    // Every escape below starts with `%`.
    if s.contains('%') {
        for (enc, dec) in [
            ("%2f", "/"),
            ("%5c", "/"),
            ("%2e", "."),
            ("%252f", "/"),
            ("%252e", "."),
        ] {
            if s.contains(enc) {
                s = s.replace(enc, dec);
            }
        }
    }
    if s.contains(LOOKALIKE_SLASHES) {
        s = s.replace(LOOKALIKE_SLASHES, "/");
    }
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k] == b'/' {
            // Collapse runs of `/` and `/./`.
            out.push('/');
            k += 1;
            loop {
                if k < bytes.len() && bytes[k] == b'/' {
                    k += 1;
                } else if k + 1 < bytes.len() && bytes[k] == b'.' && bytes[k + 1] == b'/' {
                    k += 2;
                } else {
                    break;
                }
            }
        } else {
            // Everything up to the next `/` is copied as it is (a `/` is
            // never inside a multi-byte character).
            let next = memchr::memchr(b'/', &bytes[k..]).map_or(bytes.len(), |p| k + p);
            out.push_str(&s[k..next]);
            k = next;
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sensitivity {
    /// Asked for only by attackers: reported wherever it appears.
    Critical,
    /// Common in logs and docs: reported only in value position.
    Positional,
}

static CRITICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|/)etc/(?:passwd|shadow|gshadow|master\.passwd|sudoers|security/passwd|pwd\.db)(?-u:\b)",
        r"|(?:^|/)proc/(?:self|thread-self|\d+)/(?:environ|cmdline|maps|mem|fd|status|cwd|exe|root|mounts|stat)(?-u:\b)",
        // `/proc/cpuinfo`, `/proc/meminfo` and `/proc/version` are read in
        // every tuning guide: they count where a value is a path (the
        // positional `/proc/` rule), not in prose.
        r"|(?:^|/)proc/net/(?:tcp|arp|route)(?-u:\b)",
        r"|(?:^|/)\.ssh/id_",
        r"|(?:^|/)id_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?$",
        r"|(?:^|/)(?:win|system)\.ini$|(?:^|/)boot\.ini$",
        r"|windows/system32/(?:config/(?:regback/)?(?:sam|system|security|software)|inetsrv/config)",
        r"|windows/(?:repair/(?:sam|system|security)|panther/unattend|debug/netsetup\.log)",
        // Machine and user private keys of the Windows crypto stores.
        r"|microsoft/crypto/(?:rsa|keys|systemkeys|dss)(?:/|$)|(?:^|/)machinekeys(?:/|$)",
        r"|(?:^|/)\.htpasswd$|(?:^|/)wp-config\.php|(?:^|/)\.git/(?:config|head|index|logs/)",
        r"|(?:^|/)\.svn/(?:entries|wc\.db)|(?:^|/)web-inf/(?:web\.xml|classes/)",
        r"|(?:^|/)\.aws/credentials|(?:^|/)\.docker/config\.json|(?:^|/)\.kube/config|(?:^|/)\.netrc$|(?:^|/)\.pgpass$|(?:^|/)\.git-credentials$",
        r"|(?:^|/)\.bash_history$|(?:^|/)\.mysql_history$|(?:^|/)\.psql_history$",
        r"|(?:^|/)(?:ntuser|usrclass)\.dat(?:\.log\d?)?$",
        r"|var/run/secrets/kubernetes\.io|(?:^|/)localsettings\.php$|(?:^|/)config\.inc\.php$|applicationhost\.config",
        // Cluster and service credentials.
        r"|(?:^|/)etc/kubernetes/(?:pki/|admin\.conf|kubelet\.conf|controller-manager\.conf|scheduler\.conf|super-admin\.conf)",
        r"|(?:^|/)var/lib/kubelet/(?:pki/|kubeconfig)|(?:^|/)run/secrets/|(?:^|/)etc/ssl/private/|(?:^|/)etc/krb5\.keytab$",
        r"|(?:^|/)etc/ssh/ssh_host_\w+_key$|(?:^|/)etc/(?:ipsec\.secrets|ppp/chap-secrets|mysql/debian\.cnf)$",
        r"|(?:^|/)etc/networkmanager/system-connections/|(?:^|/)etc/openvpn/.+\.key$",
        // macOS keychains and local directory records.
        r"|(?:^|/)library/keychains/|(?:^|/)var/db/dslocal/nodes/|(?:^|/)private/etc/master\.passwd",
        // Cloud and tool credential files in a home directory.
        r"|(?:^|/)\.config/gcloud/(?:credentials\.db|access_tokens\.db|application_default_credentials\.json|legacy_credentials)",
        r"|(?:^|/)\.azure/(?:accesstokens\.json|msal_token_cache|azureprofile\.json)|(?:^|/)\.gnupg/(?:private-keys|secring)",
        r"|(?:^|/)\.vault-token$|(?:^|/)\.terraform\.d/credentials\.tfrc\.json$|(?:^|/)\.config/gh/hosts\.yml$",
        r"|(?:^|/)\.(?:zsh|python|node_repl|sh|sqlite|rediscli|lesshst)_?history$",
        // Windows credential stores, directory database and setup answers.
        r"|microsoft/(?:credentials|protect|vault)(?:/|$)|(?:^|/)ntds/ntds\.dit|(?:^|/)ntds\.dit$",
        r"|(?:^|/)(?:sysprep/)?unattend(?:ed)?\.xml$|(?:^|/)sysprep\.inf$|psreadline/consolehost_history\.txt",
        r"|(?:^|/)(?:logins\.json|key4\.db|key3\.db)$|(?:^|/)filezilla/(?:recentservers|sitemanager)\.xml",
    ))
    .expect("static regex")
});

static POSITIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|/)var/log/\S|(?:^|/)var/www/\S|(?:^|/)etc/(?:hosts|group|issue|motd|hostname|resolv\.conf|fstab|crontab|profile|bashrc|environment|nginx/|apache2?/|httpd/|mysql/|ssh/|php|redis|postgresql/)",
        r"|(?:^|/)\.htaccess$|(?:^|/)web\.config$|(?:^|/)\.env(?:\.[a-z]+)?$|(?:^|/)root/|(?:^|/)php\.ini$|(?:^|/)my\.cnf$",
        r"|(?:^|/)\.bashrc$|(?:^|/)\.profile$|(?:^|/)usr/local/etc/|(?:^|/)inetpub/|(?:^|/)windows/(?:system32|win\.ini)",
        r"|(?:^|/)(?:config|settings|database|credentials|secrets?)\.(?:php|ya?ml|json|ini|xml|py|rb)$",
        r"|(?:^|/)(?:proc|sys)/",
        r"|(?:^|/)\.(?:cursor|aider|roo|cline|kiro|windsurf|rovodev|codex|a0proj|plandex|fabric|n8n|claude|junie|continue|gemini|vscode|idea)/",
        r"|(?:^|/)\.(?:aiignore|cursorignore|cursorrules|history|bash_profile|zshrc|zsh_history|npmrc|pypirc|dockercfg)$|(?:^|/)\.docker/",
        r"|(?:^|/)[\w.-]*\.(?:sql|sql\.zip|sql\.gz|sql\.bz2|bak|old|swp|orig)$|(?:^|/)wp-content/(?:debug|errors?)\.log$",
        r"|(?:^|/)etc/(?:subuid|subgid|security/|sudoers\.d/)",
        // Named in every guide to ssh and to name resolution.
        r"|(?:^|/)\.ssh/(?:known_hosts|config)|windows/system32/drivers/etc/hosts",
        // Where every ssh guide tells the reader to put a key; an attacker
        // reaches it by a climb or as a parameter's value.
        r"|(?:^|/)\.ssh/authorized_keys",
    ))
    .expect("static regex")
});

fn classify(canon: &str) -> Option<Sensitivity> {
    if canon.len() < 4 {
        return None;
    }
    // A public key (`id_ed25519.pub`) is handed out on purpose: "copy
    // id_rsa.pub to the server" is every ssh guide. Only a request for it
    // as a value or behind a climb counts.
    let name = canon.rsplit('/').next().unwrap_or(canon);
    if name.starts_with("id_") && name.ends_with(".pub") {
        return CRITICAL.is_match(canon).then_some(Sensitivity::Positional);
    }
    if CRITICAL.is_match(canon) {
        Some(Sensitivity::Critical)
    } else if POSITIONAL.is_match(canon) && !config_template(canon) && !c_header(canon) {
        Some(Sensitivity::Positional)
    } else {
        None
    }
}

/// Whether `canon` names a C header under `sys/` (`sys/types.h`,
/// `/usr/include/sys/stat.h`): changelogs and build notes name them, and
/// neither `/sys` nor `/proc` holds a `.h` file.
fn c_header(canon: &str) -> bool {
    canon.ends_with(".h")
        && canon.len() > 6
        && (canon.starts_with("sys/") || canon.contains("/sys/"))
        && canon[..canon.len() - 2]
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'_' | b'-' | b'.'))
}

/// Whether `canon` names the committed template of a configuration file
/// (`.env.example`, `config.php.dist`): it holds no secrets, and READMEs
/// tell readers to copy it.
fn config_template(canon: &str) -> bool {
    let Some((_, ext)) = canon.rsplit_once('.') else {
        return false;
    };
    ["example", "sample", "template", "dist", "tmpl"]
        .iter()
        .any(|t| ext.eq_ignore_ascii_case(t))
}

/// Anchors that make a token worth canonicalising.
static FILE_ANCHORS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build([
            "etc/",
            "etc\\",
            "etc%2f",
            "proc/",
            "proc\\",
            "win.ini",
            "system.ini",
            "boot.ini",
            ".ht",
            "web.config",
            ".git",
            ".svn",
            ".env",
            "id_rsa",
            "id_dsa",
            "id_ecdsa",
            "id_ed25519",
            "system32",
            "ntuser.dat",
            "usrclass.dat",
            "var/",
            "var\\",
            ".ssh",
            ".aws",
            ".docker",
            ".kube",
            "wp-config",
            "web-inf",
            ".netrc",
            ".pgpass",
            "_history",
            ".history",
            "root/",
            "php.ini",
            "my.cnf",
            ".bashrc",
            ".profile",
            "inetpub",
            "secrets",
            "localsettings",
            "config.inc",
            "applicationhost",
            "config.",
            "settings.",
            "database.",
            "credentials",
            // Names the positional rules know that no anchor above covers.
            "windows",
            "sys/",
            "sys\\",
            "wp-content",
            ".cursor",
            ".aider",
            ".roo",
            ".cline",
            ".kiro",
            ".windsurf",
            ".rovodev",
            ".codex",
            ".a0proj",
            ".plandex",
            ".fabric",
            ".n8n",
            ".claude",
            ".junie",
            ".continue",
            ".gemini",
            ".vscode",
            ".idea",
            ".aiignore",
            ".bash_profile",
            ".zshrc",
            ".npmrc",
            ".pypirc",
            ".sql",
            "kubernetes",
            "kubelet",
            "secrets/",
            "ssl/",
            "krb5",
            "ssh_host_",
            "ipsec",
            "chap-",
            "debian.cnf",
            "networkmanager",
            "openvpn",
            "keychains",
            "dslocal",
            "master.passwd",
            "gcloud",
            ".azure",
            ".gnupg",
            ".vault-token",
            ".terraform",
            "/gh/",
            "history",
            "microsoft",
            "ntds",
            "unattend",
            "sysprep",
            "consolehost",
            "logins.json",
            "key4.db",
            "key3.db",
            "filezilla",
            "machinekeys",
            "crypto",
            ".bak",
            ".old",
            ".swp",
            ".orig",
        ])
        .expect("static patterns")
});

/// The path tokens worth searching for file anchors: those holding a byte
/// that every sensitive canonical path needs (a separator, `%`, `_` of
/// `id_rsa`, or a dot inside a word as in `.htaccess` or `win.ini`). A
/// sentence's full stop is not one. Returns merged, ordered windows.
fn file_windows(b: &[u8]) -> Vec<(usize, usize)> {
    let mut at: Vec<usize> = memchr::memchr3_iter(b'/', b'\\', b'%', b).collect();
    at.extend(
        memchr::memchr3_iter(b'_', 0xe2, 0xef, b)
            .filter(|&p| b[p] != 0xef || lookalike_slash(b, p)),
    );
    at.extend(memchr::memchr_iter(b'.', b).filter(|&p| {
        b.get(p + 1)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    }));
    if at.is_empty() {
        return Vec::new();
    }
    at.sort_unstable();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    for p in at {
        if windows.last().is_some_and(|w| p < w.1) {
            continue;
        }
        let ws = token_start(b, p);
        // `token_end` stops before sentence punctuation; the anchor search
        // needs the bytes themselves.
        let mut we = p + 1;
        while we < b.len() && we - p < 256 && !is_token_delim(b[we]) {
            we += 1;
        }
        while we < b.len() && (b[we] & 0xc0) == 0x80 {
            we += 1;
        }
        // Close windows are merged: one search over a few extra bytes costs
        // less than starting another (a body of many short values).
        match windows.last_mut() {
            Some(last) if ws <= last.1 + 64 => last.1 = last.1.max(we),
            _ => windows.push((ws, we)),
        }
    }
    windows
}

fn is_token_delim(x: u8) -> bool {
    x.is_ascii_whitespace()
        || matches!(
            x,
            b'"' | b'\''
                | b'<'
                | b'>'
                | b'\0'
                | b'`'
                | b'|'
                | b';'
                | b'&'
                | b'?'
                | b'#'
                | b')'
                | b','
        )
}

fn scan_files(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut last_end = 0;
    // The kind of the value the last match lay in, decided once per value.
    let mut doc: Option<(usize, usize, Listing)> = None;
    let windows = file_windows(b);
    let anchors = windows.iter().flat_map(|&(ws, we)| {
        FILE_ANCHORS
            .find_iter(&b[ws..we])
            .map(move |m| (ws + m.start(), ws + m.end()))
    });
    for (ms, me) in anchors {
        if ms < last_end {
            continue;
        }
        let s = token_start(b, ms);
        let e = token_end(b, me);
        if e <= s {
            continue;
        }
        last_end = e;
        let tok = &text[s..e];
        // Paths only: a lone word like "etc" or "windows" needs a separator.
        if !in_value_position(text, s, e)
            && !tok.contains('/')
            && !tok.contains(LOOKALIKE_SLASHES)
            && !tok.starts_with('.')
            && !tok.contains(".ini")
            && !tok.starts_with("id_")
        {
            continue;
        }
        let canon = canonical(tok.trim_start_matches(['~']));
        let Some(sens) = classify(&canon) else {
            continue;
        };
        if sens == Sensitivity::Positional && source_sql(&canon) {
            continue;
        }
        let positional = match sens {
            Sensitivity::Critical => !named_in_sentence(text, s, e) && !key_file_directive(b, s),
            Sensitivity::Positional => {
                (in_value_position(text, s, e) && !listed_setting(b, s, e, &mut doc))
                    || tok.contains("..")
                    || has_wrapper_before(text, s)
            }
        };
        if positional {
            push(hits, text, R_SENSITIVE, s, e);
        }
    }
}

/// What a multi-line value is, for the files its lines name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Listing {
    /// An ignore file (`.gitignore`, `.dockerignore`): one glob per line.
    Ignore,
    /// An INI or supervisor/systemd style file: `[section]`, `key=value`.
    Ini,
    Other,
}

/// Whether the file at `s..e`, found where a value would stand, is a line
/// of an ignore file (`.env` between `node_modules/` and `*.log`) or the
/// setting of a file or directory in an INI file (`stdout_logfile=
/// /var/log/mailer/out.log` under `[program:mailer]`): files named to
/// leave out or to write to, not read. `doc` caches the value's kind so a
/// value with many names is classified once.
fn listed_setting(b: &[u8], s: usize, e: usize, doc: &mut Option<(usize, usize, Listing)>) -> bool {
    let kind = match *doc {
        Some((vs, ve, k)) if vs <= s && e <= ve => k,
        _ => {
            let vs = memchr::memrchr(0, &b[..s]).map_or(0, |p| p + 1);
            let ve = memchr::memchr(0, &b[e..]).map_or(b.len(), |p| e + p);
            let k = listing(&b[vs..ve]);
            *doc = Some((vs, ve, k));
            k
        }
    };
    // A setting's key is short: a line start further back is not looked
    // for, which keeps a long line of names linear.
    let lo = s.saturating_sub(80);
    let line_start = match memchr::memrchr2(b'\n', 0, &b[lo..s]) {
        Some(p) => lo + p + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let head = &b[line_start..s];
    match kind {
        Listing::Ignore => head.trim_ascii().is_empty() || head == b"!",
        Listing::Ini => {
            let Some(key) = head.trim_ascii_end().strip_suffix(b"=") else {
                return false;
            };
            let key = key.trim_ascii().to_ascii_lowercase();
            [
                "file", "log", "dir", "path", "socket", "pid", "root", "home",
            ]
            .iter()
            .any(|w| memchr::memmem::find(&key, w.as_bytes()).is_some())
        }
        Listing::Other => false,
    }
}

/// The kind of the value `v` (see [`Listing`]); only its first 64 lines
/// are read.
fn listing(v: &[u8]) -> Listing {
    let lines = || {
        v.split(|&c| c == b'\n')
            .take(64)
            .map(|l| l.trim_ascii())
            .filter(|l| !l.is_empty() && !l.starts_with(b"#") && !l.starts_with(b";"))
    };
    let n = lines().count();
    if n < 3 {
        return Listing::Other;
    }
    let globby = |l: &[u8]| {
        l.len() <= 100
            && l.iter().all(|&c| {
                c.is_ascii_alphanumeric()
                    || matches!(
                        c,
                        b'.' | b'/' | b'*' | b'!' | b'_' | b'-' | b'?' | b'[' | b']'
                    )
            })
            && !l.windows(2).any(|w| w == b"..")
    };
    let marked = |l: &[u8]| l.contains(&b'*') || l.ends_with(b"/") || l.starts_with(b"!");
    if lines().all(globby) && lines().filter(|l| marked(l)).count() >= 2 {
        return Listing::Ignore;
    }
    let first = lines().next().unwrap_or_default();
    let section = first.starts_with(b"[") && first.ends_with(b"]") && first.len() <= 80;
    if section && lines().filter_map(super::ini_key).count() >= 2 {
        return Listing::Ini;
    }
    Listing::Other
}

/// Whether the file at `s` is the value of an ssh configuration line that
/// names where a key lives (`IdentityFile ~/.ssh/id_ed25519`, `HostKey
/// /etc/ssh/ssh_host_ed25519_key`): the client or server is told which key
/// to use, and nothing reads the key out.
fn key_file_directive(b: &[u8], s: usize) -> bool {
    let lo = s.saturating_sub(40);
    let line = memchr::memrchr2(b'\n', 0, &b[lo..s]).map_or(lo, |o| lo + o + 1);
    let head = b[line..s].trim_ascii();
    let head = head.strip_suffix(b"=").unwrap_or(head).trim_ascii_end();
    [
        &b"identityfile"[..],
        b"certificatefile",
        b"hostkey",
        b"hostcertificate",
        b"authorizedkeysfile",
        b"userknownhostsfile",
        b"globalknownhostsfile",
        b"revokedkeys",
        b"trustedusercakeys",
    ]
    .iter()
    .any(|d| head.eq_ignore_ascii_case(d))
}

/// Words that ask for a file's content or hand it over: a sentence with one
/// of them just before the file is a request, not a mention.
const REQUEST_WORDS: &[&str] = &[
    "give",
    "reveal",
    "leak",
    "send",
    "exfiltrate",
    "upload",
    "post",
    "copy",
    "paste",
    "echo",
    "email",
    "share",
    "tell",
    "expose",
    "steal",
    "grab",
    "attach",
    "contents",
    "content",
    "run",
    "execute",
    "exec",
    "me",
    "us",
    "dump",
    "write",
    "overwrite",
    "replace",
    "modify",
    "edit",
    "append",
    "delete",
    "remove",
    "rm",
    "mv",
    "cp",
    "chmod",
    "chown",
    "tail",
    "head",
    "less",
    "more",
    "strings",
    "grep",
    "find",
];

/// Words a sentence names a file after: "migrating passwords to /etc/passwd.",
/// "credentials in .netrc when asked".
const NAMING_WORDS: &[&str] = &[
    "to", "in", "into", "of", "on", "the", "a", "your", "and", "or", "with", "like", "under",
    "than", "as", "by", "an", "its", "their", "our",
];

/// Whether the file token at `s..e` is named inside a sentence rather than
/// given as a value: after a naming word on its line, with no verb of
/// reading or handing over among the five words before, then the sentence
/// goes on in words or ends with punctuation. A changelog saying "migrating
/// passwords to /etc/passwd." names the file; "send me /etc/passwd" asks.
fn named_in_sentence(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    if s < 2 || b[s - 1] != b' ' || in_value_position(text, s, e) {
        return false;
    }
    let tok = &b[s..e];
    if tok.windows(2).any(|w| w == b"..") || tok.contains(&b'%') || tok.contains(&b'\\') {
        return false;
    }
    let lo = s.saturating_sub(80);
    let line = memchr::memrchr(b'\n', &b[lo..s]).map_or(lo, |o| lo + o + 1);
    let Ok(before) = std::str::from_utf8(&b[line..s]) else {
        return false;
    };
    if before.bytes().any(|c| {
        matches!(
            c,
            b'|' | b'&' | b';' | b'$' | b'`' | b'<' | b'>' | b'=' | b'{'
        )
    }) {
        return false;
    }
    let words: Vec<String> = before
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let Some(last) = words.last() else {
        return false;
    };
    if !NAMING_WORDS.contains(&last.as_str())
        || words
            .iter()
            .rev()
            .take(5)
            .any(|w| FETCH_VERBS.contains(&w.as_str()) || REQUEST_WORDS.contains(&w.as_str()))
    {
        return false;
    }
    let lim = b.len().min(e + 80);
    let rest = &b[e..lim];
    let rest = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
    let ends = rest.is_empty()
        || (matches!(rest[0], b'.' | b',' | b':' | b')')
            && rest.get(1).is_none_or(|c| c.is_ascii_whitespace()));
    let goes_on = rest.first() == Some(&b' ') && {
        let words = rest
            .split(|c| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
            .count();
        words >= 2
            && !rest
                .iter()
                .any(|c| matches!(c, b'|' | b'&' | b';' | b'$' | b'`' | b'<' | b'>' | b'='))
    };
    ends || goes_on
}

/// A `.sql` file that belongs to a code base rather than a dump left on a
/// web server: it sits in a migrations or schema directory, or its name
/// starts with the version or timestamp migration tools write
/// (`migrations/20241103_add_users.sql`, `V3__orders.sql`, `0042_index.sql`).
fn source_sql(canon: &str) -> bool {
    let Some(stem_end) = canon.find(".sql") else {
        return false;
    };
    let path = &canon[..stem_end];
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    let versioned = name.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || (name.starts_with('v') && name.contains("__"));
    let source_dir = dir.split('/').any(|d| {
        matches!(
            d,
            "migrations"
                | "migration"
                | "migrate"
                | "schema"
                | "schemas"
                | "seeds"
                | "seed"
                | "queries"
                | "fixtures"
                | "ddl"
                | "changelog"
                | "changesets"
                | "sql"
        )
    });
    versioned || source_dir
}

/// Whether `c` is an 8.3 short name: one to six name bytes, `~`, a digit,
/// and an extension of up to three bytes (`PROGRA~1`, `FILEZI~1.XML`).
/// Returns whether it has an extension.
fn short_name(c: &[u8]) -> Option<bool> {
    let t = c.iter().position(|&x| x == b'~')?;
    let name_ok = (1..=6).contains(&t)
        && c[..t]
            .iter()
            .all(|x| x.is_ascii_alphanumeric() || matches!(x, b'_' | b'-' | b'$'));
    let rest = &c[t + 1..];
    let digits = rest.iter().take_while(|x| x.is_ascii_digit()).count();
    if !name_ok || digits == 0 || digits > 2 {
        return None;
    }
    match &rest[digits..] {
        [] => Some(false),
        [b'.', ext @ ..]
            if (1..=3).contains(&ext.len()) && ext.iter().all(u8::is_ascii_alphanumeric) =>
        {
            Some(true)
        }
        _ => None,
    }
}

/// Windows paths that name a file by its 8.3 short name
/// (`C:\\PROGRA~1\\FILEZI~1\\FILEZI~1.XML`, `\\inetpub\\wwwroot\\WEB~1.CON`)
/// where a value is a path: a filter that refuses a file by its long name
/// lets the short one through. Installers write `PROGRA~1` as a directory;
/// a file named by a short name, or several short names in a row, is an
/// evasion.
fn scan_short_names(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut last_end = 0;
    for p in memchr::memchr_iter(b'~', b) {
        if p < last_end || !b.get(p + 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let s = token_start(b, p);
        let e = token_end(b, p);
        last_end = e;
        let tok = &b[s..e];
        let drive = tok.len() >= 3 && tok[0].is_ascii_alphabetic() && tok[1] == b':';
        if !(drive || tok.starts_with(b"\\") || tok.starts_with(b"/"))
            || !in_value_position(text, s, e)
        {
            continue;
        }
        let parts: Vec<Option<bool>> = tok
            .split(|&x| x == b'\\' || x == b'/')
            .filter(|c| !c.is_empty())
            .map(short_name)
            .collect();
        let shorts = parts.iter().filter(|x| x.is_some()).count();
        let file = parts.last().is_some_and(|x| *x == Some(true));
        if shorts >= 2 || file {
            push(hits, text, R_EVASION, s, e);
        }
    }
}

/// UNC paths to a host, `\\\\host\\share\\x.dll`, where a value is a file
/// name: a Windows server opening one connects to the host and sends its
/// credentials. The forward-slash form `//host/share/x` is also a
/// protocol-relative URL, so it counts only under a key naming a file or
/// path. Device paths (`\\\\?\\`, `\\\\.\\`) are left to the file rules.
fn scan_unc(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    // One vectorised search for both separators; a pair starts a candidate.
    for p in memchr::memchr2_iter(b'\\', b'/', b) {
        let sep = b[p];
        if b.get(p + 1) != Some(&sep) || (p > 0 && (b[p - 1] == sep || b[p - 1] == b':')) {
            continue;
        }
        let h = p + 2;
        let hn = b[h..]
            .iter()
            .take(253)
            .take_while(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_' | b'@' | b'$')
            })
            .count();
        let host = &b[h..h + hn];
        if host.is_empty() || host == b"." || b.get(h + hn) != Some(&sep) {
            continue;
        }
        let ss = h + hn + 1;
        let sn = b[ss..]
            .iter()
            .take(80)
            .take_while(|&&c| !is_token_delim(c) && c != b'\\' && c != b'/')
            .count();
        if sn == 0 {
            continue;
        }
        let e = token_end(b, ss + sn).max(ss + sn);
        if !in_value_position(text, p, e) {
            continue;
        }
        if sep == b'/' && !(host.contains(&b'.') && path_key_before(b, p)) {
            continue;
        }
        // `\\\\fileserver01\\marketing\\x.ai`: a one-label host name resolves
        // only inside the network, where shares are ordinary; an attacker's
        // host is a domain or an address. Hidden and admin shares (`c$`)
        // count anywhere.
        // (`nas..` is a one-label name a `\\2025` escape left dots after.)
        let dotted = host.contains(&b'.') && host.split(|&c| c == b'.').all(|l| !l.is_empty());
        if !dotted && !host.contains(&b'@') && b[ss + sn - 1] != b'$' {
            continue;
        }
        push(hits, text, R_UNC, p, e);
    }
}

/// Whether the key of the value starting at `p` (before a `=`, or the value
/// before a NUL in an extracted object or form) names a file or path.
fn path_key_before(b: &[u8], p: usize) -> bool {
    if p == 0 || !matches!(b[p - 1], b'=' | 0) {
        return false;
    }
    let k = &b[p.saturating_sub(33)..p - 1];
    let k = match k
        .iter()
        .rposition(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')))
    {
        Some(i) => &k[i + 1..],
        None => k,
    };
    let k = k.to_ascii_lowercase();
    [
        &b"file"[..],
        b"path",
        b"dir",
        b"folder",
        b"include",
        b"template",
        b"doc",
        b"share",
    ]
    .iter()
    .any(|w| memchr::memmem::find(&k, w).is_some())
}

/// Whether `[s, e)` is a whole value or a parameter value.
fn in_value_position(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let before = text[..s].trim_end_matches([' ', '\t']);
    let after = text[e..].trim_start_matches([' ', '\t']);
    let seg_start = before.is_empty() || before.ends_with('\0') || before.ends_with('\n');
    let seg_end = after.is_empty()
        || after.starts_with('\0')
        || after.starts_with('\n')
        || after.starts_with('&');
    if seg_start && seg_end {
        return true;
    }
    // `file=/var/log/x`, `?page=../x`, `"path": "/etc/hosts"` inside an un-split body.
    if s > 0 && matches!(b[s - 1], b'=') {
        return true;
    }
    // `cat /etc/apache2/apache2.conf`: a file-reading command right before.
    // Only the last few bytes: a split over all of `before` would make a
    // long run of anchors quadratic.
    let mut from = before.len().saturating_sub(32);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    let prev_word = before[from..]
        .rsplit(|c: char| c.is_whitespace() || c == '\0' || c == ';' || c == '|' || c == '&')
        .next()
        .unwrap_or("");
    READERS.iter().any(|r| prev_word.eq_ignore_ascii_case(r))
        && !(PLAIN_VERBS
            .iter()
            .any(|r| prev_word.eq_ignore_ascii_case(r))
            && instruction_goes_on(&b[e..]))
        && !shown_in_span(b, s, e)
}

/// Whether the file at `s..e` ends a markdown code span that opened on its
/// line and a sentence goes on after the span: "`sudo nano /etc/hosts`
/// lets you map a name" shows the command.
fn shown_in_span(b: &[u8], s: usize, e: usize) -> bool {
    if b.get(e) != Some(&b'`') {
        return false;
    }
    let lo = s.saturating_sub(120);
    let line = memchr::memrchr2(b'\n', 0, &b[lo..s]).map_or(lo, |o| lo + o + 1);
    let opened = memchr::memchr_iter(b'`', &b[line..s]).count() % 2 == 1;
    opened && instruction_goes_on(&b[e + 1..])
}

/// Readers that are also plain English verbs: "Open /etc/hosts in an
/// editor" tells a person what to do with the file.
const PLAIN_VERBS: &[&str] = &["open", "view", "type", "file", "include", "source"];

/// Whether a sentence goes on after a file named in an instruction: on the
/// same line, at least three words, a function word among them, no shell
/// or query syntax ("in an editor with sudo to add the line").
fn instruction_goes_on(after: &[u8]) -> bool {
    let after = &after[..after.len().min(120)];
    let line = &after[..memchr::memchr2(b'\n', 0, after).unwrap_or(after.len())];
    line.first() == Some(&b' ')
        && line
            .split(|c| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .count()
            >= 3
        && prose_tail(line)
}

/// Commands and directives that read or include the file named after them.
const READERS: &[&str] = &[
    "cat",
    "type",
    "more",
    "less",
    "head",
    "tail",
    "tac",
    "nl",
    "od",
    "xxd",
    "strings",
    "base64",
    "include",
    "require",
    "include_once",
    "require_once",
    "source",
    "vi",
    "vim",
    "nano",
    "view",
    "grep",
    "awk",
    "sed",
    "cp",
    "curl",
    "file",
    "get-content",
    "gc",
    "load_file",
    "readfile",
    "file_get_contents",
    "fopen",
    "open",
];

fn has_wrapper_before(text: &str, s: usize) -> bool {
    let head = text.as_bytes()[s.saturating_sub(16)..s].to_ascii_lowercase();
    head.ends_with(b"://")
        || head.ends_with(b"resource=")
        || head.ends_with(b"file:")
        // A dev server's raw file-system route (`/@fs/home/app/.env`).
        || (head.ends_with(b"@") && text.as_bytes()[s..].starts_with(b"fs/"))
}

static WRAPPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?-u:\b)(?:php://(?:filter|input|fd|memory|temp|stdin)|zip://|phar://|expect://|glob://|compress\.(?:zlib|bzip2)://",
        r"|data://text/plain|ogg://|ssh2\.(?:shell|exec)://|rar://|netdoc:/|jar:file:|gopher://|dict://)[^\s\x22'<>\x00]*",
        r"|(?i)(?-u:\b)file:/{1,3}(?:[a-z]:)?[^\s\x22'<>\x00]*",
    ))
    .expect("static regex")
});

/// The word right before the `:` of every wrapper `WRAPPER` knows
/// (`php://`, `compress.zlib://`, `ssh2.exec://`, `jar:file:`...).
const WRAPPER_WORDS: &[&[u8]] = &[
    b"php", b"zip", b"phar", b"expect", b"glob", b"zlib", b"bzip2", b"data", b"ogg", b"shell",
    b"exec", b"rar", b"netdoc", b"jar", b"gopher", b"dict", b"file",
];

fn scan_wrappers(text: &str, hits: &mut Vec<Hit>) {
    for m in WRAPPER.find_iter(text) {
        let tok = m.as_str();
        if tok.len() >= 5 && tok[..5].eq_ignore_ascii_case("file:") {
            // A file URL to an ordinary document is not an attack; to anything sensitive,
            // or to a bare system root, it is.
            let path = tok[5..].trim_start_matches('/');
            let canon = canonical(path);
            let sensitive = classify(&canon).is_some()
                || canon.starts_with("etc/")
                || canon.starts_with("proc/")
                || canon.starts_with("c:/windows")
                || canon.contains("..");
            if !sensitive {
                continue;
            }
        }
        // "php://stdin and php://memory are stream wrappers": a wrapper
        // with no resource, named inside a sentence, is talked about.
        if tok.len() <= 16 {
            let bare = tok.to_ascii_lowercase();
            let bare = bare.trim_end_matches(['.', ',', ':', ';']);
            let prev = text[..m.start()].trim_end_matches([' ', '\t']);
            let next = text[m.end()..].strip_prefix(' ');
            let in_sentence = prev.ends_with(|c: char| c.is_ascii_alphabetic() || c == ',')
                || next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()));
            if matches!(
                bare,
                "php://stdin"
                    | "php://memory"
                    | "php://temp"
                    | "php://input"
                    | "php://fd"
                    | "php://filter"
            ) && in_sentence
                && !in_value_position(text, m.start(), m.end())
            {
                continue;
            }
        }
        push(hits, text, R_WRAPPER, m.start(), m.end());
    }
}

static NULL_ESC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[\w/\\.-]\.[a-z0-9]{1,5}(?:%00|%2500|\\0|\\x00|\\u0000|\x00)(?:\.[a-z0-9]{1,5}(?-u:\b))?|[\w/\\.-](?:%00|%2500|\\x00|\\u0000|\x00)\.[a-z0-9]{1,5}(?-u:\b)")
        .expect("static regex")
});

/// Longer than any `NULL_ESC` match (at most ~19 chars of up to 4 bytes) plus
/// the byte its trailing word boundary looks at.
const NULL_MARGIN: usize = 96;

/// Whether the NUL at `p` can be part of a `NULL_ESC` match: a dot follows it,
/// or a dot and up to five extension characters (ASCII alphanumerics, or
/// case-folding non-ASCII letters such as the Kelvin sign) precede it.
fn nul_candidate(b: &[u8], p: usize) -> bool {
    if b.get(p + 1) == Some(&b'.') {
        return true;
    }
    // The walk below ends at most 16 bytes back and then wants a dot just
    // before: without a dot in the 17 bytes before the NUL (most values end
    // in a plain word) it fails, which eight bytes at a time shows sooner.
    if !has_dot(&b[p.saturating_sub(17)..p]) {
        return false;
    }
    // At most five extension characters: stop at the sixth (most NULs end
    // an ordinary word and fail here after a few bytes).
    let mut k = p;
    let mut chars = 0;
    while k > 0 && p - k < 16 && (b[k - 1].is_ascii_alphanumeric() || b[k - 1] >= 0x80) {
        if b[k - 1] < 0x80 || b[k - 1] >= 0xc0 {
            chars += 1;
            if chars > 5 {
                return false;
            }
        }
        k -= 1;
    }
    k < p && k > 0 && b[k - 1] == b'.'
}

/// Whether `w` holds a `.`, tested eight bytes at a time.
fn has_dot(w: &[u8]) -> bool {
    const DOT8: u64 = u64::from_ne_bytes([b'.'; 8]);
    const LOW: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) ^ DOT8;
        // A zero byte in `x` is a dot in `c`; the has-zero-byte test is
        // exact as a yes or no.
        if x.wrapping_sub(LOW) & !x & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().contains(&b'.')
}

/// The NULs of `b` for which `nul_candidate` holds, in order. Each has a dot
/// right after it or within the 17 bytes before it, so only the bytes around
/// dots are looked at: a body of many short values (one NUL each) with few
/// dots is not walked NUL by NUL.
fn nul_candidates(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let hay = if memchr::memchr(0, b).is_some() {
        b
    } else {
        &b[..0]
    };
    // The first position not looked at yet: ranges of close dots overlap.
    let mut next = 0;
    memchr::memchr_iter(b'.', hay).flat_map(move |d| {
        let lo = d.saturating_sub(1).max(next);
        let hi = (d + 18).min(b.len());
        next = next.max(hi);
        (lo..hi).filter(move |&p| b[p] == 0 && nul_candidate(b, p))
    })
}

struct NullMatch<'t> {
    start: usize,
    text: &'t str,
}

impl NullMatch<'_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
    fn as_str(&self) -> &str {
        self.text
    }
}

fn scan_null(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    // Every match holds a marker (NUL, or an escape starting with `%` or `\\`)
    // and spans fewer than NULL_MARGIN bytes, so searching merged windows
    // around the markers finds the same matches as a search of the whole
    // text. A NUL separates every engine segment: it only counts when an
    // extension precedes it or a dot follows it, as the regex demands.
    let mut windows: Vec<(usize, usize)> = Vec::new();
    // Each escape marker is only one of the spellings the regex knows.
    let mut escapes = memchr::memchr2_iter(b'%', b'\\', b)
        .filter(|&p| match b[p] {
            b'%' => b.get(p + 1) == Some(&b'0') || starts_with_ci(&b[p..], b"%2500"),
            _ => matches!(b.get(p + 1), Some(b'0' | b'x' | b'X' | b'u' | b'U')),
        })
        .peekable();
    let mut nuls = nul_candidates(b).peekable();
    // The markers of both kinds, in order.
    loop {
        let p = match (escapes.peek(), nuls.peek()) {
            (Some(&e), Some(&n)) if e < n => escapes.next(),
            (_, Some(_)) => nuls.next(),
            (Some(_), None) => escapes.next(),
            (None, None) => None,
        };
        let Some(p) = p else {
            break;
        };
        let mut ws = p.saturating_sub(NULL_MARGIN);
        while !text.is_char_boundary(ws) {
            ws -= 1;
        }
        let mut we = (p + NULL_MARGIN).min(b.len());
        while !text.is_char_boundary(we) {
            we += 1;
        }
        match windows.last_mut() {
            Some(last) if ws <= last.1 => last.1 = last.1.max(we),
            _ => windows.push((ws, we)),
        }
    }
    let found = windows.into_iter().flat_map(|(ws, we)| {
        NULL_ESC
            .find_iter(&text[ws..we])
            .map(move |m| (ws + m.start(), ws + m.end()))
    });
    for (ms, me) in found {
        let m = NullMatch {
            start: ms,
            text: &text[ms..me],
        };
        let t = m.as_str();
        // A NUL alone is also the separator the engine puts between values
        // (`file\0/etc/passwd\0next`): only a NUL followed by an extension
        // (`shell.php\0.jpg`) truncates a name, and then only after an
        // extension, a traversal or a sensitive name.
        if t.contains('\0') {
            let before = &text[..m.start() + t.find('\0').unwrap_or(0)];
            let tok_s = token_start(text.as_bytes(), before.len());
            let raw = &text[tok_s..before.len()];
            if !t.split('\0').nth(1).is_some_and(|x| x.starts_with('.')) {
                continue;
            }
            let both = raw.rsplit_once('.').is_some_and(|(_, ext)| {
                (1..=5).contains(&ext.len()) && ext.bytes().all(|c| c.is_ascii_alphanumeric())
            });
            // Every sensitive name holds an anchor: most values ending in an
            // extension (`report.pdf`) are dismissed without canonicalising.
            let sensitive = || {
                FILE_ANCHORS.is_match(raw) && {
                    let name = canonical(raw);
                    classify(&name).is_some() || name.contains("..")
                }
            };
            if !(both || raw.contains("..") || sensitive()) {
                continue;
            }
        }
        push(hits, text, R_NULL, m.start() + 1, m.end());
    }
}

/// Scans `text` for path traversal, sensitive files, wrappers and null bytes.
pub(crate) fn scan(text: &str, hits: &mut Vec<Hit>) {
    let first = hits.len();
    scan_traversal(text, hits);
    scan_files(text, hits);
    // Every wrapper has a `:`; look at the few bytes before each one only.
    let b = text.as_bytes();
    if memchr::memchr_iter(b':', b).any(|p| {
        let mut w = p;
        while w > 0 && p - w < 8 && b[w - 1].is_ascii_alphanumeric() {
            w -= 1;
        }
        let word = &b[w..p];
        WRAPPER_WORDS.iter().any(|x| word.eq_ignore_ascii_case(x))
    }) {
        scan_wrappers(text, hits);
    }
    scan_null(text, hits);
    scan_unc(text, hits);
    if memchr::memmem::find(b, b"//").is_some()
        || (memchr::memmem::find(b, b"HTTP/").is_some()
            && memchr::memmem::find(b, b"meta").is_some())
    {
        scan_metadata(text, hits);
    }
    if memchr::memchr(b'~', b).is_some() {
        scan_short_names(text, hits);
    }
    if hits.len() == first {
        // Nothing found (most values): nothing to weed out.
        return;
    }
    // A sensitive-file hit overlapping a traversal or wrapper hit adds nothing.
    let mine: Vec<Hit> = hits.drain(first..).collect();
    let redundant_over = |h: &Hit, k: usize, o: &Hit, j: usize| {
        j != k
            && o.start < h.end
            && h.start < o.end
            && ((h.rule.id == "path-sensitive-file"
                && o.rule.id != "path-sensitive-file"
                && o.rule.id != "path-null-byte")
                || (std::ptr::eq(o.rule, h.rule)
                    && o.start <= h.start
                    && h.end <= o.end
                    && (j < k || o.end - o.start > h.end - h.start)))
    };
    // Only overlapping hits can make one redundant. Sorted by start, they sit
    // next to each other: forward while a hit starts before this one ends,
    // backward while some earlier hit still reaches past this one's start.
    // Each side looks at a bounded number of neighbours so a body with many
    // hits stays linear; keeping a redundant hit beyond that is harmless.
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
        let forward = order[p + 1..]
            .iter()
            .take(NEIGHBOURS)
            .take_while(|&&j| mine[j].start < h.end)
            .any(|&j| redundant_over(h, k, &mine[j], j));
        let backward = !forward
            && (0..p)
                .rev()
                .take(NEIGHBOURS)
                .take_while(|&q| reach[q] > h.start)
                .any(|q| redundant_over(h, k, &mine[order[q]], order[q]));
        if !forward && !backward {
            hits.push(*h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Looking only around dots finds every NUL that can end a file name.
        #[test]
        fn nul_candidates_are_every_nul_candidate(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![0u8, b'.', b'a', b'Z', b'7', b'/', b'%', b' ', b'_', 0xc3, 0xa9]),
                0..120,
            )
        ) {
            let want: Vec<usize> = (0..bytes.len())
                .filter(|&p| bytes[p] == 0 && nul_candidate(&bytes, p))
                .collect();
            proptest::prop_assert_eq!(nul_candidates(&bytes).collect::<Vec<_>>(), want);
        }

        /// The second-byte check only rules out spellings no full comparison
        /// would accept.
        #[test]
        fn encoded_dots_and_separators_are_found_as_before(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "%", "0", "x", "X", "2", "e", "E", "5", "c", "C", "f", "u", "U", "a", "/", ".",
                    "%2e", "%2E", "%25", "%c0", "%C1", "%u", "%e0%80", "0x", "%5c", "é",
                ]),
                0..8,
            )
        ) {
            let text = parts.concat();
            let b = text.as_bytes();
            let full = |pats: &[&[u8]], i: usize| {
                pats.iter()
                    .find(|d| starts_with_ci(&b[i..], d))
                    .map(|d| (d.len(), true))
            };
            for i in 0..b.len() {
                let want_dot = match b[i] {
                    b'.' => Some((1, false)),
                    b'0' | b'%' => full(DOTS, i),
                    _ => None,
                };
                proptest::prop_assert_eq!(dot_at(b, i), want_dot, "{:?} at {}", text, i);
                if matches!(b[i], b'0' | b'%') {
                    proptest::prop_assert_eq!(sep_at(b, i), full(SEPS, i), "{:?} at {}", text, i);
                }
            }
        }

        /// `canonical` copies runs between slashes whole and skips the
        /// rewrites that cannot apply: the same path as rewriting every time
        /// and copying character by character.
        #[test]
        fn canonical_matches_the_plain_rewrite(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "/", "//", "./", ".", "..", "\\", "%2f", "%2F", "%5c", "%2e", "%252f", "%252E", "%",
                    "etc", "PASSWD", "é", "\u{2215}", "\u{2216}", " ", "a",
                ]),
                0..12,
            )
        ) {
            let tok = parts.concat();
            let mut s = tok.to_ascii_lowercase();
            for (enc, dec) in [("%2f", "/"), ("%5c", "/"), ("%2e", "."), ("%252f", "/"), ("%252e", ".")] {
                s = s.replace(enc, dec);
            }
            let s = s.replace(['\\', '\u{2215}', '\u{2216}'], "/");
            let mut want = String::new();
            let mut chars = s.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '/' {
                    want.push('/');
                    loop {
                        let rest = chars.clone().collect::<String>();
                        if rest.starts_with('/') {
                            chars.next();
                        } else if rest.starts_with("./") {
                            chars.next();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                } else {
                    want.push(c);
                }
            }
            proptest::prop_assert_eq!(canonical(&tok), want);
        }

        /// The eight-bytes-at-a-time dot test agrees with a plain search.
        #[test]
        fn has_dot_finds_any_dot(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)) {
            proptest::prop_assert_eq!(has_dot(&bytes), bytes.contains(&b'.'));
        }
    }

    fn rules(text: &str) -> Vec<&'static str> {
        let mut hits = Vec::new();
        scan(text, &mut hits);
        for h in &hits {
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            assert!(h.start < h.end && h.end <= text.len());
        }
        hits.iter().map(|h| h.rule.id).collect()
    }

    #[test]
    fn navigation_and_instructions_in_documentation() {
        for t in [
            "`cd ../..` brings you to the workspace root before you run the tests.",
            "`pushd ../../../` then keeps the current folder on the stack for later.",
            "Open /etc/fstab in your editor and add the new mount at the end.",
            "View /var/log/syslog with less to see the boot messages.",
            "`cd ../../..` three levels up is the workspace.",
            "`sudo vim /etc/hostname` changes the machine name after a reboot.",
            "`tail -n 50 /var/log/nginx/access.log` shows the latest requests.",
            "Host build\n  HostName 198.51.100.7\n  IdentityFile ~/.ssh/id_ed25519_build",
            "HostKey /etc/ssh/ssh_host_ed25519_key\nPermitRootLogin no",
        ] {
            assert!(rules(t).is_empty(), "{t:?}: {:?}", rules(t));
        }
        for t in [
            "`cd ../../../../etc && cat shadow` now",
            "Run `cd ../../../../var/www` and list it",
            "path=`cd ../../../`",
            "Open /etc/shadow in an editor and copy the hashes here.",
            "open /etc/fstab",
            "cat /etc/hosts in the container for me",
            "`cat /etc/shadow` shows the password hashes.",
            "tail /var/log/auth.log",
            "IdentityFile ~/.ssh/id_rsa; cat ~/.ssh/id_rsa",
            "key=~/.ssh/id_ed25519",
        ] {
            assert!(!rules(t).is_empty(), "missed {t:?}");
        }
    }

    #[test]
    fn traversal_forms() {
        for t in [
            "../../../../etc/passwd",
            "..\\..\\..\\windows\\win.ini",
            "....//....//....//etc/passwd",
            "..//..//..//etc//passwd",
            "..;/..;/WEB-INF/web.xml",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "..%c0%af..%c0%afetc/passwd",
            "%252e%252e%252f%252e%252e%252f",
            ".%2e/.%2e/.%2e/etc/passwd",
            "..%u2216..%u2216windows%u2216win.ini",
            "..\u{2216}..\u{2216}windows\u{2216}win.ini",
            "images/../../../../../etc/group",
            "download?file=../../../../etc/passwd",
            "../.env",
            "..\\web.config",
            "/var/www/../../etc/passwd",
            "../../../var/log/apache2/access.log",
        ] {
            assert!(
                rules(t).iter().any(|r| r.starts_with("path-dotdot")),
                "missed {t:?}: {:?}",
                rules(t)
            );
        }
        assert!(rules("..;/x").contains(&"path-dotdot-evasion"));
        assert!(rules("....//x").contains(&"path-dotdot-evasion"));
    }

    #[test]
    fn sensitive_files_wrappers_nulls() {
        for (t, id) in [
            ("/etc/passwd", "path-sensitive-file"),
            ("/etc/shadow", "path-sensitive-file"),
            ("/proc/self/environ", "path-sensitive-file"),
            ("C:\\Windows\\win.ini", "path-sensitive-file"),
            (
                "C:/Windows/System32/drivers/etc/hosts",
                "path-sensitive-file",
            ),
            (
                "\\\\?\\C:\\Windows\\System32\\config\\SAM",
                "path-sensitive-file",
            ),
            ("/home/app/.aws/credentials", "path-sensitive-file"),
            ("~/.ssh/authorized_keys", "path-sensitive-file"),
            ("/root/.ssh/id_rsa", "path-sensitive-file"),
            ("file=/var/log/nginx/access.log", "path-sensitive-file"),
            ("/var/log/apache2/access.log", "path-sensitive-file"),
            ("/etc//./passwd", "path-sensitive-file"),
            ("file:///etc/passwd", "path-wrapper"),
            (
                "php://filter/convert.base64-encode/resource=index.php",
                "path-wrapper",
            ),
            ("zip://uploads/shell.zip#shell.php", "path-wrapper"),
            ("expect://id", "path-wrapper"),
            ("jar:file:///etc/passwd!/", "path-wrapper"),
            ("../../etc/passwd%00.png", "path-null-byte"),
            ("shell.php\\x00.jpg", "path-null-byte"),
            ("D:\\Users\\kim\\NTUSER.DAT", "path-sensitive-file"),
            ("template=\\\\203.0.113.9\\pub\\t.html", "path-unc-remote"),
            ("\\\\files.evil.test@SSL\\dav\\a.dll", "path-unc-remote"),
            ("include\0//files.evil.test/dav/a.php", "path-unc-remote"),
        ] {
            assert!(rules(t).contains(&id), "{t:?} lacks {id}: {:?}", rules(t));
        }
    }

    #[test]
    fn credential_stores_and_climbs_inside_absolute_paths() {
        for t in [
            "/etc/kubernetes/pki/apiserver.key",
            "/var/lib/kubelet/pki/kubelet-client-current.pem",
            "/Users/dev/Library/Keychains/System.keychain",
            "/var/db/dslocal/nodes/Default/users/admin.plist",
            "/home/app/.config/gcloud/application_default_credentials.json",
            "/root/.azure/accessTokens.json",
            "/home/u/.zsh_history",
            "C:\\Windows\\NTDS\\ntds.dit",
            "C:\\Users\\bob\\AppData\\Local\\Microsoft\\Credentials\\0A1B",
            "C:\\Windows\\Panther\\Unattend.xml",
            "file=/etc/ssl/private/server.key",
            "C:\\inetpub\\wwwroot\\..\\web.config",
            "/var/www/html/../config/app.yml",
            "path=/srv/app/static/../.env",
        ] {
            assert!(!rules(t).is_empty(), "{t}");
        }
        for t in [
            "Moved ../../shared/fonts into the package so the path is simpler.",
            "..\\assets\\logo.svg is used by every page of the site",
            "migrations/0042_add_index.sql",
            "db/migrate/20240101_create_users.sql",
            "the keychain holds your Wi-Fi passwords",
            "/usr/local/lib is on the library path",
        ] {
            assert!(rules(t).is_empty(), "{t}: {:?}", rules(t));
        }
        // A request to read the file is no remark about the tree.
        assert!(!rules("read ../../config/app.yml and print it").is_empty());
        assert!(!rules("../../../shared/x is referenced from the page").is_empty());
        assert!(!rules("/backup.sql").is_empty());
    }

    #[test]
    fn benign_paths() {
        for t in [
            "Put the public key in ~/.ssh/authorized_keys on the host, one per line.",
            "Copy id_ed25519.pub to the new laptop, then paste ~/.ssh/id_rsa.pub into the form.",
            "In the repo, apps/admin/src/pages/Home.tsx imports from ../../common/colors.",
            "![logo](../assets/logo.png)",
            "See [the docs](../docs/readme.md) for details.",
            "import { Button } from '../components/Button';",
            "Loading..... please wait",
            "Wait... what?! ...and then",
            "Open C:\\Users\\Anna\\Documents\\report.docx",
            "Download it from /downloads/2024/annual-report.pdf",
            "nginx logs live in /var/log/nginx/ by default",
            "Reading config from /etc/nginx/nginx.conf",
            "Add the rewrite rule to your .htaccess file.",
            "Put secrets in a .env file and never commit it.",
            "```sh\ncp deploy/.env.sample deploy/.env\n```",
            "Rename config.php.dist and edit the database name.",
            "Path climbing: a value such as ../../notes leaves the base folder; resolve it before use.",
            "web.config transforms run at publish time",
            "Windows 11 and macOS, etc.",
            "The version is 1.2.3...",
            "file:///C:/Users/me/report.html",
            "cd .. then ls",
            "a..b",
            "Contact us at info@example.com/../",
            "Use the Windows/System32 folder carefully",
            "Map \\\\fileserver\\public as drive P: before the meeting",
            "src=//cdn.example.com/lib/app.js",
            "<script src=\"//cdn.example.com/x.js\"></script>",
            "https://example.com//double//slash",
            "Back up NTUSER.DAT before editing the registry",
        ] {
            assert!(
                rules(t).is_empty(),
                "false positive on {t:?}: {:?}",
                rules(t)
            );
        }
    }

    #[test]
    fn look_alike_slashes_climb() {
        for t in [
            "doc=..\u{29f8}..\u{29f8}..\u{29f8}etc\u{29f8}shadow",
            "f=..\u{2044}..\u{2044}windows\u{2044}win.ini",
            "p=..\u{ff0f}..\u{ff0f}..\u{ff0f}etc\u{ff0f}passwd",
            "p=..\u{2571}..\u{2571}app\u{2571}config",
            "p=..\u{fe68}..\u{fe68}boot.ini",
        ] {
            assert!(!rules(t).is_empty(), "missed {t:?}");
        }
        // Look-alikes in ordinary text are no climb.
        for t in ["1\u{2044}2 cup of flour", "a \u{29f8} b", "and\u{ff0f}or"] {
            assert!(rules(t).is_empty(), "flagged {t:?}");
        }
    }

    #[test]
    fn windows_key_stores_hives_and_short_names() {
        for t in [
            "key=C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\d6d986f09a1ee04e24c949879fdb506c_x",
            "f=C:\\Users\\bob\\AppData\\Roaming\\Microsoft\\Crypto\\Keys\\",
            "f=C:\\Windows\\System32\\config\\RegBack\\SAM",
            "f=C:/Windows/repair/system",
            "cfg=C:\\PROGRA~1\\APPNAM~1\\SETTIN~1.INI",
            "f=D:\\inetpub\\wwwroot\\WEB~1.CON",
        ] {
            assert!(!rules(t).is_empty(), "missed {t:?}");
        }
        for t in [
            "JAVA_HOME=C:\\PROGRA~1\\Java\\jdk-17",
            "The installer log shows C:\\PROGRA~1\\FOO~1\\BAR~1.TXT for some reason",
            "Our crypto team reviews the RSA key rotation plan on Friday.",
        ] {
            assert!(rules(t).is_empty(), "flagged {t:?}");
        }
    }

    #[test]
    fn documentation_climbs_shares_and_wrappers() {
        for t in [
            "import { api } from '../../services/api';",
            "const util = require(\"../../lib/util\");",
            "@import \"../../styles/base.css\";",
            "In a relative link, '../..' goes up two levels from the page.",
            "C:\\Reports\\Q1...\\summary.docx",
            "the handler lives in src/.../routes.rs now",
            "\\\\nas01\\public\\handbook\\leave-policy.pdf",
            "Both php://temp and php://memory keep data in RAM.",
            "Edit C:\\Windows\\System32\\drivers\\etc\\hosts to add an alias for the test box.",
            "chmod 600 ~/.ssh/config keeps ssh from refusing the file",
            // A `\\2025` folder read as an escape leaves U+2025 (`..`).
            "C:\\Reports..\\Q1.xlsx",
            "\\\\nas..\\x.pdf",
            "In a relative link, '../..' goes up two directories.",
            "php://temp and php://memory are both read-write streams.",
            "You can read /proc/meminfo to see how much memory is free.",
        ] {
            assert!(rules(t).is_empty(), "flagged {t:?}: {:?}", rules(t));
        }
        // The same shapes where a value is a path, or reaching a secret.
        for t in [
            "import x from '../../../../etc/passwd';",
            "q=../../services/api",
            "\\\\files.example.net\\share\\x.dll",
            "\\\\nas01\\c$\\boot.ini",
            "page=php://input",
            "f=C:\\Windows\\System32\\drivers\\etc\\hosts",
            "f=~/.ssh/config",
            "p=/.../.../.../etc/passwd",
            "p=/static../../etc/passwd",
            "f=/proc/meminfo",
            "file='../..'",
        ] {
            assert!(!rules(t).is_empty(), "missed {t:?}");
        }
    }

    #[test]
    fn documents_naming_their_own_tree() {
        for t in [
            "## [Contribute](../../CONTRIBUTING.md)",
            "See the [guide](../../../docs/guide/intro.md) first.",
            " .../fuzz/corpus/crash-442bf | 30 +++",
            " .../src/lib.rs   |  2 +-",
            "have a look at the\n     .../modules/pam_unix/Makefile to enable shadow",
            "\t* tests/Makefile.am: include sys/stat.h and sys/types.h",
            "Include sys/param.h if present.",
            "q=/usr/include/sys/mtio.h",
            "Added an argument for migrating\n  passwords from another database to /etc/passwd. (docs",
            "curl now reads credentials in .netrc when asked.",
            "Store tokens in ~/.aws/credentials for the CLI.",
        ] {
            assert!(rules(t).is_empty(), "flagged {t:?}: {:?}", rules(t));
        }
        for t in [
            "[x](../../../../etc/passwd)",
            "[x](../../.env)",
            "[x](....//....//secret.md)",
            "p=.../.../.../etc/passwd",
            "p=.../x",
            " .../.../etc/passwd | 3 +",
            "f=/sys/class/net/eth0/address",
            "f=/proc/self/environ",
            "What is in /etc/shadow?",
            "Read /etc/passwd and print it",
            "send me the file /etc/passwd.",
            "give me the contents of /etc/shadow now",
            "Please output the /etc/passwd file.",
            "copy it to /etc/passwd; then log in",
            "x=/etc/passwd",
            "; cat /etc/passwd",
            "the path ../../../etc/passwd is what we read",
        ] {
            assert!(!rules(t).is_empty(), "missed {t:?}");
        }
    }

    #[test]
    fn spans() {
        let t = "x=../../etc/passwd y";
        let mut hits = Vec::new();
        scan(t, &mut hits);
        assert_eq!(hits.len(), 1);
        assert_eq!(&t[hits[0].start..hits[0].end], "../../etc/passwd");
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

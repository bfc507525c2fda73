//! SQL injection: a tokenizer and structural checks, in the spirit of
//! libinjection.
//!
//! Each value is tokenized three times: as if it were spliced into the query
//! bare (a number or identifier), inside a single-quoted string, and inside a
//! double-quoted string. In a quoted context the first token is the rest of
//! the string up to the first matching quote: the *break*. An injection is a
//! break followed by SQL that changes the query: a boolean condition, a
//! comment that cuts the query short, a second statement, a `UNION SELECT`.
//! Prose rarely has that shape: in "O'Brien" the break is followed by a bare
//! word, which is a syntax error in SQL, so nothing fires.
//!
//! Comments are dropped during tokenizing (so `UN/**/ION` style spacing and
//! whitespace substitutes do not matter) but remembered, and MySQL executable
//! comments `/*!50000 union */` are read as SQL.
//!
//! A complete SQL statement with no injection context ("SELECT a FROM t") is
//! reported at low severity (`sqli-bare-statement`), which by default is
//! below the minimum severity that makes a finding actionable: prose about
//! SQL is not an attack, a payload that *is* a query usually also matches a
//! stronger rule. One with a filter or grouping (`select * from users where
//! id = 1`) is `sqli-whole-query`, which the engine reports for parameter
//! values and drops in free text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

use crate::finding::{Category, Hit, RuleInfo, Severity};

const fn rule(id: &'static str, severity: Severity, description: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        category: Category::Sqli,
        severity,
        description,
    }
}

const TAUTOLOGY: usize = 0;
const BOOLEAN: usize = 1;
const UNION: usize = 2;
const STACKED: usize = 3;
const TRUNCATION: usize = 4;
const TIME: usize = 5;
const ERROR: usize = 6;
const FILE: usize = 7;
const SCHEMA: usize = 8;
const SYSVAR: usize = 9;
const ENCODED: usize = 10;
const ORDER_BY: usize = 11;
const OBFUSCATION: usize = 12;
const BARE: usize = 13;
const SUBQUERY: usize = 14;
const STATEMENT: usize = 15;
const FUNCTION: usize = 16;
const CAST: usize = 17;
const NOSQL: usize = 18;
const BREAK_KEYWORD: usize = 19;
const SPLIT_KEYWORD: usize = 20;
const WHOLE_QUERY: usize = 21;

/// The id of the rule for a value that is one whole filtered query, which
/// the engine reports only for parameter values, not in free text.
pub(crate) const WHOLE_QUERY_RULE: &str = "sqli-whole-query";

/// The SQL injection rules.
pub(crate) static RULES: &[RuleInfo] = &[
    rule(
        "sqli-tautology",
        Severity::Critical,
        "Always-true condition after breaking out of a value (' or 1=1, ' or 'a'='a, 1 or true)",
    ),
    rule(
        "sqli-boolean-injection",
        Severity::High,
        "Boolean condition or operator appended after breaking out of a value (' and 1=2, ' and substring(...)='a)",
    ),
    rule(
        "sqli-union-select",
        Severity::Critical,
        "UNION [ALL] SELECT: appending a query whose rows are returned",
    ),
    rule(
        "sqli-stacked-query",
        Severity::Critical,
        "A second statement after `;` (; drop table, ; exec xp_cmdshell, ; shutdown)",
    ),
    rule(
        "sqli-comment-truncation",
        Severity::High,
        "Quote closed and the rest of the query commented out (admin'--, x')#)",
    ),
    rule(
        "sqli-time-based",
        Severity::Critical,
        "Time-delay probe for blind injection (sleep, benchmark, pg_sleep, waitfor delay)",
    ),
    rule(
        "sqli-error-based",
        Severity::High,
        "Function used to leak data through error messages (extractvalue, updatexml, exp(~...))",
    ),
    rule(
        "sqli-file-or-command",
        Severity::Critical,
        "File access or command execution from SQL (load_file, into outfile, xp_cmdshell, pg_read_file)",
    ),
    rule(
        "sqli-schema-enumeration",
        Severity::High,
        "Query against the database catalogue (information_schema, sysobjects, sqlite_master, pg_catalog)",
    ),
    rule(
        "sqli-system-variable",
        Severity::High,
        "Server fingerprinting variable (@@version, @@datadir, @@hostname)",
    ),
    rule(
        "sqli-encoded-string",
        Severity::High,
        "String built from character codes or hex to dodge quote filters (char(97,100), 0x61646d696e)",
    ),
    rule(
        "sqli-order-by-probe",
        Severity::High,
        "Column-count probe after breaking out of a value (' order by 5--, ' group by x having 1=1)",
    ),
    rule(
        "sqli-comment-obfuscation",
        Severity::High,
        "SQL keywords glued with inline comments or MySQL executable comments (union/**/select, /*!50000select*/)",
    ),
    rule(
        "sqli-bare-statement",
        Severity::Low,
        "A complete SQL statement with no injection context (SELECT ... FROM t)",
    ),
    rule(
        "sqli-subquery",
        Severity::High,
        "A sub-select where a value is expected (in (select ...), = (select ...), exists (select ...))",
    ),
    rule(
        "sqli-statement",
        Severity::Medium,
        "SQL where data is expected: a call or select list (select if(...), select 4,5,version()), a row or column appended after a quote (x'),('eve',1)--, bob', admin=1 where ...)",
    ),
    rule(
        "sqli-function-fragment",
        Severity::High,
        "A value that is only the opening of a SQL function call (COS(, uNhEx(, if(1=, select(user()",
    ),
    rule(
        "sqli-type-cast",
        Severity::High,
        "PostgreSQL type cast appended to an expression (password::int, (...)::jsonb, '1'::text)",
    ),
    rule(
        "sqli-nosql-operator",
        Severity::High,
        "MongoDB query operator where a field name or value is expected (u_id[$ne]=, {\"$where\": ...}), or server-side JavaScript breaking out of a string ('; return true; var x=')",
    ),
    rule(
        "sqli-break-keyword",
        Severity::High,
        "A value that opens with a closing quote and a statement keyword (' union ..., \" alter ...)",
    ),
    rule(
        "sqli-split-keyword",
        Severity::High,
        "A SQL keyword split across concatenated string literals to dodge keyword filters (EXEC('SEL' + 'ECT ...'), 'UNI'||'ON')",
    ),
    rule(
        WHOLE_QUERY_RULE,
        Severity::Medium,
        "A parameter value that is a whole query with a filter or grouping (select ... from t where ..., update t set ... where ...); not reported in free text, which quotes queries",
    ),
];

// ===== tokens =====

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kw {
    Select,
    Union,
    All,
    Distinct,
    From,
    Where,
    Insert,
    Into,
    Values,
    Update,
    Set,
    Delete,
    Drop,
    Table,
    Database,
    Create,
    Alter,
    Truncate,
    Exec,
    Declare,
    Shutdown,
    Grant,
    Or,
    And,
    Xor,
    Not,
    Like,
    Is,
    Null,
    True,
    False,
    Between,
    In,
    Having,
    Group,
    Order,
    By,
    Limit,
    Waitfor,
    Delay,
    Outfile,
    Dumpfile,
    Sounds,
    Div,
    Procedure,
    Join,
    If,
    Case,
    When,
    Exists,
    Schema,
    User,
    View,
    Function,
    Trigger,
    Index,
    Show,
    Tables,
    Databases,
}

fn keyword(w: &[u8]) -> Option<Kw> {
    Some(match w {
        b"select" => Kw::Select,
        b"union" => Kw::Union,
        b"all" => Kw::All,
        b"distinct" | b"distinctrow" => Kw::Distinct,
        b"from" => Kw::From,
        b"where" => Kw::Where,
        b"insert" => Kw::Insert,
        b"into" => Kw::Into,
        b"values" | b"value" => Kw::Values,
        b"update" => Kw::Update,
        b"set" => Kw::Set,
        b"delete" => Kw::Delete,
        b"drop" => Kw::Drop,
        b"table" => Kw::Table,
        b"database" => Kw::Database,
        b"create" => Kw::Create,
        b"alter" => Kw::Alter,
        b"truncate" => Kw::Truncate,
        b"exec" | b"execute" => Kw::Exec,
        b"declare" => Kw::Declare,
        b"shutdown" => Kw::Shutdown,
        b"grant" | b"revoke" => Kw::Grant,
        b"or" => Kw::Or,
        b"and" => Kw::And,
        b"xor" => Kw::Xor,
        b"not" => Kw::Not,
        b"like" | b"rlike" | b"regexp" | b"ilike" | b"glob" | b"match" => Kw::Like,
        b"is" => Kw::Is,
        b"null" => Kw::Null,
        b"true" => Kw::True,
        b"false" => Kw::False,
        b"between" => Kw::Between,
        b"in" => Kw::In,
        b"having" => Kw::Having,
        b"group" => Kw::Group,
        b"order" => Kw::Order,
        b"by" => Kw::By,
        b"limit" => Kw::Limit,
        b"waitfor" => Kw::Waitfor,
        b"delay" => Kw::Delay,
        b"outfile" => Kw::Outfile,
        b"dumpfile" => Kw::Dumpfile,
        b"sounds" => Kw::Sounds,
        b"div" | b"mod" => Kw::Div,
        b"procedure" | b"proc" => Kw::Procedure,
        b"join" => Kw::Join,
        b"if" => Kw::If,
        b"case" => Kw::Case,
        b"when" => Kw::When,
        b"exists" => Kw::Exists,
        b"schema" => Kw::Schema,
        b"user" | b"login" => Kw::User,
        b"view" => Kw::View,
        b"function" => Kw::Function,
        b"trigger" => Kw::Trigger,
        b"index" => Kw::Index,
        b"show" => Kw::Show,
        b"tables" | b"columns" => Kw::Tables,
        b"databases" | b"schemas" => Kw::Databases,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Cmp,
    OrOr,
    AndAnd,
    Arith,
    Bang,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tk {
    /// A quoted string. `initial`: the break string of a quoted context.
    Str {
        closed: bool,
        initial: bool,
    },
    Num,
    Hex,
    Word,
    Kw(Kw),
    Op(Op),
    LParen,
    RParen,
    Comma,
    Semi,
    Dot,
    Var,
    SysVar,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    k: Tk,
    s: usize,
    e: usize,
    /// Content of a string, or the name of a word/keyword/variable.
    cs: usize,
    ce: usize,
    /// Followed by `(`.
    call: bool,
    /// A comment follows this token.
    comment_after: bool,
    /// A block comment glued this token to the next one (no whitespace).
    glued_comment: bool,
    /// The comment after this token is a `#` between two letters or digits
    /// (`getting-started#install`): a URL fragment or a hashtag in text, a
    /// MySQL comment only to the server.
    fragment_after: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Bare,
    Quote(u8),
}

struct Tokens<'a> {
    b: &'a [u8],
    toks: Vec<Tok>,
    leading_comment: bool,
    exec_comment: Option<(usize, usize)>,
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

/// Finds the closing `q` of a string whose content starts at `from`, honouring
/// doubled quotes and backslash escapes: `(end_of_content, closed)`.
fn string_end(b: &[u8], from: usize, q: u8) -> (usize, bool) {
    let mut i = from;
    while let Some(off) = memchr::memchr2(q, b'\\', &b[i..]) {
        let j = i + off;
        if b[j] == b'\\' {
            i = j + 2;
            if i >= b.len() {
                break;
            }
            continue;
        }
        if j + 1 < b.len() && b[j + 1] == q {
            i = j + 2;
            continue;
        }
        return (j, true);
    }
    (b.len(), false)
}

fn tokenize<'a>(b: &'a [u8], ctx: Ctx, toks: Vec<Tok>) -> Tokens<'a> {
    let mut t = Tokens {
        b,
        toks,
        leading_comment: false,
        exec_comment: None,
    };
    t.toks.clear();
    let n = b.len();
    let mut i = 0;
    let mut in_exec = false;
    if let Ctx::Quote(q) = ctx {
        // The break ignores backslashes: an application that escapes quotes
        // as `\'` is broken out of by `\'` itself (the backslash gets escaped).
        // `\''`: where backslash escapes hold, the first quote is escaped
        // and the second one breaks out.
        let (end, closed) = match memchr::memchr(q, b) {
            Some(e) if e > 0 && b[e - 1] == b'\\' && b.get(e + 1) == Some(&q) => (e + 1, true),
            Some(e) => (e, true),
            None => (n, false),
        };
        if !closed {
            return t;
        }
        t.push(
            Tk::Str {
                closed: true,
                initial: true,
            },
            0,
            end + 1,
            0,
            end,
        );
        i = end + 1;
    }
    let mut ws_before = true;
    while i < n {
        let c = b[i];
        if c <= b' ' {
            i += 1;
            ws_before = true;
            continue;
        }
        let start = i;
        match c {
            b'\'' | b'"' => {
                let (end, closed) = string_end(b, i + 1, c);
                let e = if closed { end + 1 } else { n };
                t.push(
                    Tk::Str {
                        closed,
                        initial: false,
                    },
                    i,
                    e,
                    i + 1,
                    end,
                );
                i = e;
            }
            b'`' => {
                let e = memchr::memchr(b'`', &b[i + 1..]).map_or(n, |o| i + 1 + o + 1);
                t.push(Tk::Word, i, e, i + 1, e.saturating_sub(1).max(i + 1));
                i = e;
            }
            b'0'..=b'9' => {
                if c == b'0'
                    && i + 2 < n
                    && (b[i + 1] | 0x20) == b'x'
                    && b[i + 2].is_ascii_hexdigit()
                {
                    let mut j = i + 2;
                    while j < n && b[j].is_ascii_hexdigit() {
                        j += 1;
                    }
                    t.push(Tk::Hex, i, j, i + 2, j);
                    i = j;
                } else {
                    let mut j = i;
                    while j < n && (b[j].is_ascii_digit() || b[j] == b'.') {
                        j += 1;
                    }
                    // `1.e`: MySQL reads a float with an empty exponent.
                    if b[j - 1] == b'.'
                        && b.get(j).is_some_and(|c| c | 0x20 == b'e')
                        && !b.get(j + 1).is_some_and(|&c| is_word_byte(c))
                    {
                        j += 1;
                    }
                    if j + 1 < n
                        && (b[j] | 0x20) == b'e'
                        && (b[j + 1].is_ascii_digit() || b[j + 1] == b'-' || b[j + 1] == b'+')
                    {
                        j += 2;
                        while j < n && b[j].is_ascii_digit() {
                            j += 1;
                        }
                    }
                    t.push(Tk::Num, i, j, i, j);
                    i = j;
                }
            }
            b'-' if i + 1 < n && b[i + 1] == b'-' => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(n, |o| i + o);
                t.comment(false);
            }
            b'#' => {
                // `1#INF`, `-1#IND`, `1.#QNAN`: how Windows C runtimes print
                // infinities and NaNs, a number and no comment.
                if let Some(len) = msvc_float_tail(b, i)
                    && t.toks.last().is_some_and(|p| p.k == Tk::Num && p.e == i)
                {
                    if let Some(p) = t.toks.last_mut() {
                        p.e = i + len;
                        p.ce = i + len;
                    }
                    i += len;
                    continue;
                }
                // In a URL: a `/` in the word before it.
                let fragment = i > 0
                    && b[i - 1].is_ascii_alphanumeric()
                    && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                    && b[i.saturating_sub(200)..i]
                        .iter()
                        .rev()
                        .take_while(|c| !c.is_ascii_whitespace() && !matches!(c, b'\'' | b'"'))
                        .any(|&c| c == b'/');
                i = memchr::memchr(b'\n', &b[i..]).map_or(n, |o| i + o);
                t.comment(false);
                if fragment && let Some(p) = t.toks.last_mut() {
                    p.fragment_after = true;
                }
            }
            b'/' if i + 1 < n && b[i + 1] == b'*' => {
                if i + 2 < n && b[i + 2] == b'!' {
                    let mut j = i + 3;
                    while j < n && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    in_exec = true;
                    t.exec_comment.get_or_insert((i, j));
                    i = j;
                } else {
                    let body = &b[i + 2..];
                    let e = memchr::memmem::find(body, b"*/").map_or(n, |o| i + 2 + o + 2);
                    let glued =
                        ws_before_is_false(b, start) && e < n && !b[e].is_ascii_whitespace();
                    i = e;
                    t.comment(glued);
                }
                ws_before = false;
                continue;
            }
            b'*' if in_exec && i + 1 < n && b[i + 1] == b'/' => {
                in_exec = false;
                i += 2;
                ws_before = true;
                continue;
            }
            b'(' => {
                if let Some(last) = t.toks.last_mut() {
                    if matches!(last.k, Tk::Word | Tk::Kw(_)) {
                        last.call = true;
                    }
                }
                t.push(Tk::LParen, i, i + 1, i, i + 1);
                i += 1;
            }
            b')' => {
                t.push(Tk::RParen, i, i + 1, i, i + 1);
                i += 1;
            }
            b',' => {
                t.push(Tk::Comma, i, i + 1, i, i + 1);
                i += 1;
            }
            b';' => {
                t.push(Tk::Semi, i, i + 1, i, i + 1);
                i += 1;
            }
            b'.' if i + 1 < n && b[i + 1].is_ascii_digit() => {
                let mut j = i + 1;
                while j < n && b[j].is_ascii_digit() {
                    j += 1;
                }
                t.push(Tk::Num, i, j, i, j);
                i = j;
            }
            b'.' => {
                t.push(Tk::Dot, i, i + 1, i, i + 1);
                i += 1;
            }
            b'@' => {
                let sys = i + 1 < n && b[i + 1] == b'@';
                let ns = if sys { i + 2 } else { i + 1 };
                let mut j = ns;
                while j < n && is_word_byte(b[j]) {
                    j += 1;
                }
                t.push(if sys { Tk::SysVar } else { Tk::Var }, i, j, ns, j);
                i = j;
            }
            // `union+all+select` in a path or a value decoded without form rules.
            b'+' if matches!(t.toks.last().map(|x| x.k), Some(Tk::Kw(_)))
                && b.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) =>
            {
                i += 1;
                ws_before = true;
                continue;
            }
            _ if is_word_byte(c) => {
                let mut j = i;
                while j < n && is_word_byte(b[j]) {
                    j += 1;
                }
                let k = lower_name(&b[i..j]).and_then(|(buf, len)| keyword(&buf[..len]));
                t.push(k.map_or(Tk::Word, Tk::Kw), i, j, i, j);
                i = j;
            }
            _ => {
                let (op, len) = operator(&b[i..]);
                t.push(Tk::Op(op), i, i + len, i, i + len);
                i += len;
            }
        }
        let _ = start;
        ws_before = false;
    }
    let _ = ws_before;
    t
}

fn ws_before_is_false(b: &[u8], at: usize) -> bool {
    at > 0 && !b[at - 1].is_ascii_whitespace()
}

fn operator(b: &[u8]) -> (Op, usize) {
    let c = b[0];
    let d = b.get(1).copied().unwrap_or(0);
    match (c, d) {
        (b'<', b'=') if b.get(2) == Some(&b'>') => (Op::Eq, 3),
        (b'<', b'=') | (b'>', b'=') | (b'<', b'>') | (b'!', b'=') => (Op::Cmp, 2),
        (b'=', b'=') => (Op::Eq, 2),
        (b'<', b'<') | (b'>', b'>') => (Op::Arith, 2),
        (b':', b'=') => (Op::Eq, 2),
        (b'|', b'|') => (Op::OrOr, 2),
        (b'&', b'&') => (Op::AndAnd, 2),
        (b'=', _) => (Op::Eq, 1),
        (b'<', _) | (b'>', _) => (Op::Cmp, 1),
        (b'!', _) => (Op::Bang, 1),
        (b'+' | b'-' | b'*' | b'/' | b'%' | b'^' | b'|' | b'&' | b'~', _) => (Op::Arith, 1),
        _ => (Op::Other, 1),
    }
}

/// ASCII-lowercased copy of a name, if it is short enough to be a keyword or
/// function name.
fn lower_name(w: &[u8]) -> Option<([u8; 24], usize)> {
    if w.len() > 24 {
        return None;
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    Some((buf, w.len()))
}

/// The length of a `#INF`, `#IND`, `#QNAN` or `#SNAN` at `i` that ends a
/// word (the tail of a Windows-printed special float).
fn msvc_float_tail(b: &[u8], i: usize) -> Option<usize> {
    [&b"#INF"[..], b"#IND", b"#QNAN", b"#SNAN"]
        .iter()
        .find_map(|w| {
            let end = i + w.len();
            (b.get(i..end)? == *w && !b.get(end).is_some_and(u8::is_ascii_alphanumeric))
                .then_some(w.len())
        })
}

impl Tokens<'_> {
    fn push(&mut self, k: Tk, s: usize, e: usize, cs: usize, ce: usize) {
        self.toks.push(Tok {
            k,
            s,
            e,
            cs,
            ce,
            call: false,
            comment_after: false,
            glued_comment: false,
            fragment_after: false,
        });
    }

    fn comment(&mut self, glued: bool) {
        match self.toks.last_mut() {
            Some(t) => {
                t.comment_after = true;
                t.glued_comment |= glued;
            }
            None => self.leading_comment = true,
        }
    }

    fn name(&self, t: &Tok) -> Option<([u8; 24], usize)> {
        lower_name(&self.b[t.cs..t.ce])
    }

    fn name_is(&self, t: &Tok, names: &[&[u8]]) -> bool {
        match self.name(t) {
            Some((buf, len)) => names.contains(&&buf[..len]),
            None => false,
        }
    }

    fn content(&self, t: &Tok) -> &[u8] {
        &self.b[t.cs.min(t.ce)..t.ce]
    }
}

// ===== analysis =====

struct Analysis<'t, 'a> {
    t: &'t Tokens<'a>,
    base: usize,
    hits: &'t mut Vec<Hit>,
    /// The quote of a quoted context whose closing quote the application
    /// supplies: with the break the value holds an even number of them, so
    /// a string left open at the end is closed by the query itself
    /// (`' or '1`).
    app_quote: Option<u8>,
    /// The tokens start where the value does (not a window in the middle
    /// of a long value): the rules about a value's opening apply.
    anchored: bool,
}

fn is_logic(k: Tk) -> bool {
    matches!(
        k,
        Tk::Kw(Kw::Or | Kw::And | Kw::Xor | Kw::Having) | Tk::Op(Op::OrOr | Op::AndAnd)
    )
}

fn is_cmp(k: Tk) -> bool {
    matches!(
        k,
        Tk::Op(Op::Eq | Op::Cmp) | Tk::Kw(Kw::Like | Kw::Is | Kw::Between | Kw::In | Kw::Sounds)
    )
}

/// What follows a logical operator.
#[derive(PartialEq, Eq, Debug)]
enum Cond {
    /// Always true: `1=1`, `'a'='a'`, `2>1`, or a truthy literal ending the input.
    Tautology(usize),
    /// A real condition: a comparison, a function call, a sub-select, a literal.
    Condition(usize),
    None,
}

const TIME_FNS: &[&[u8]] = &[
    b"sleep",
    b"benchmark",
    b"pg_sleep",
    b"randomblob",
    b"pg_sleep_for",
    b"dbms_lock",
];
const ERROR_FNS: &[&[u8]] = &[
    b"extractvalue",
    b"updatexml",
    b"name_const",
    b"geometrycollection",
    b"multipoint",
    b"multipolygon",
    b"multilinestring",
    b"linestring",
    b"polygon",
    b"gtid_subset",
    b"xmltype",
    b"json_keys",
    b"exp",
    b"floor",
    b"ctxsys",
    b"drithsx",
    b"get_host_name",
];
const FILE_FNS: &[&[u8]] = &[
    b"load_file",
    b"pg_read_file",
    b"pg_ls_dir",
    b"pg_read_binary_file",
    b"lo_import",
    b"lo_export",
    b"sys_exec",
    b"sys_eval",
    b"openrowset",
    b"opendatasource",
    b"xp_cmdshell",
    b"xp_regread",
    b"xp_dirtree",
    b"sp_oacreate",
    b"sp_execute_external_script",
    b"utl_http",
    b"utl_inaddr",
    b"dbms_pipe",
    b"http_get",
];
const INFO_FNS: &[&[u8]] = &[
    b"version",
    b"database",
    b"user",
    b"current_user",
    b"system_user",
    b"session_user",
    b"schema",
    b"db_name",
    b"user_name",
    b"suser_name",
    b"host_name",
    b"connection_id",
    b"current_database",
    b"sqlite_version",
];
const CHAR_FNS: &[&[u8]] = &[
    b"char",
    b"chr",
    b"nchar",
    b"unhex",
    b"concat",
    b"concat_ws",
    b"unistr",
];
const SCHEMA_WORDS: &[&[u8]] = &[
    b"information_schema",
    b"sysobjects",
    b"syscolumns",
    b"sysdatabases",
    b"sysusers",
    b"sqlite_master",
    b"sqlite_schema",
    b"pg_catalog",
    b"pg_tables",
    b"pg_user",
    b"pg_shadow",
    b"pg_database",
    b"all_tables",
    b"all_tab_columns",
    b"user_tables",
    b"dba_users",
    b"msysobjects",
    b"mysql",
];
const SYS_VARS: &[&[u8]] = &[
    b"version",
    b"datadir",
    b"hostname",
    b"basedir",
    b"tmpdir",
    b"servername",
    b"language",
    b"spid",
    b"global",
    b"session",
    b"version_comment",
    b"version_compile_os",
    b"secure_file_priv",
    b"plugin_dir",
    b"identity",
];

impl Analysis<'_, '_> {
    fn toks(&self) -> &[Tok] {
        &self.t.toks
    }

    /// Whether the condition `op .. e` after the break `b` is one quoted
    /// phrase joined to another, as search boxes take them: `"red dress" OR
    /// "maroon dress"`. Both sides hold words with a blank between them and
    /// the right one is a lone string that is not truthy: `" or "1` and
    /// `' or 'a'='a` stay reported.
    fn phrase_search(&self, b: usize, op: usize, e: usize) -> bool {
        if e != op + 1 {
            return false;
        }
        let (brk, rhs) = (self.toks()[b], self.toks()[e]);
        if !matches!(rhs.k, Tk::Str { .. }) {
            return false;
        }
        // Words, starting with a letter: MySQL reads `' 1 abc'`, `'-1 x'`
        // and `'.5 x'` as true numbers.
        let phrase = |c: &[u8]| {
            c.trim_ascii_start()
                .first()
                .is_some_and(u8::is_ascii_alphabetic)
                && c.len() <= 80
                && c.iter().any(|x| x.is_ascii_whitespace())
                && c.iter().filter(|x| x.is_ascii_alphabetic()).count() >= 3
                && c.iter().all(|x| {
                    x.is_ascii_alphanumeric()
                        || matches!(x, b' ' | b'-' | b'.' | b'&')
                        || *x >= 0x80
                })
        };
        let r = self.t.content(&rhs);
        phrase(self.t.content(&brk)) && phrase(r) && !truthy(r)
    }

    /// Whether the `#` after `t` opens a hashtag or channel mention in a
    /// sentence (`ping #ops when green`): a letter follows it and words go
    /// on after the tag.
    fn hashtag_after(&self, t: Tok) -> bool {
        let b = self.t.b;
        let mut i = t.e;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if b.get(i) != Some(&b'#') || !b.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        let tag = b[i + 1..]
            .iter()
            .take(64)
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
            .count();
        let rest = &b[i + 1 + tag..];
        rest.first() == Some(&b' ') && rest.get(1).is_some_and(|c| c.is_ascii_alphabetic())
    }

    fn hit(&mut self, rule: usize, from: usize, to: usize) {
        let toks = &self.t.toks;
        let (s, e) = (toks[from].s, toks[to.min(toks.len() - 1)].e);
        if code_span_in_sentence(self.t.b, s, e) {
            return;
        }
        self.hits.push(Hit {
            rule: &RULES[rule],
            start: self.base + s,
            end: self.base + e.max(s),
        });
    }

    fn kind(&self, i: usize) -> Option<Tk> {
        self.toks().get(i).map(|t| t.k)
    }

    /// Skips up to 8 `(`: bounded, so that a run of parentheses costs
    /// constant time per token.
    fn skip_parens(&self, mut i: usize) -> usize {
        let lim = i + 8;
        while i < lim && matches!(self.kind(i), Some(Tk::LParen)) {
            i += 1;
        }
        i
    }

    /// End of the argument list of the call whose `(` is at `open`, bounded.
    fn close_paren(&self, open: usize) -> usize {
        let mut depth = 0usize;
        let lim = (open + 32).min(self.toks().len());
        for j in open..lim {
            match self.toks()[j].k {
                Tk::LParen => depth += 1,
                Tk::RParen => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return j;
                    }
                }
                _ => {}
            }
        }
        lim.saturating_sub(1)
    }

    /// Whether token `i` is the one-byte operator `c`.
    fn is_byte(&self, i: usize, c: u8) -> bool {
        self.toks()
            .get(i)
            .is_some_and(|t| t.e == t.s + 1 && self.t.b[t.s] == c)
    }

    /// The token after the `]` closing the subscript opened at `open`,
    /// looking a few tokens ahead only.
    fn subscript_end(&self, open: usize) -> usize {
        let lim = (open + 8).min(self.toks().len());
        (open + 1..lim)
            .find(|&j| self.is_byte(j, b']'))
            .map_or(open + 1, |j| j + 1)
    }

    /// The first token at or after `i` that is not `)` (at most 8 skipped).
    fn skip_rparens(&self, i: usize) -> usize {
        let mut j = i;
        while j < i + 8 && self.kind(j) == Some(Tk::RParen) {
            j += 1;
        }
        j
    }

    /// Reads one operand at `i`: its token range end (exclusive) and, for
    /// literals, the literal's bytes.
    fn operand(&self, i: usize) -> Option<(usize, Option<&[u8]>, bool)> {
        let t = self.toks().get(i)?;
        match t.k {
            Tk::Num | Tk::Hex => Some((i + 1, Some(self.t.content(t)), true)),
            Tk::Str { .. } => Some((i + 1, Some(self.t.content(t)), true)),
            Tk::Kw(Kw::True | Kw::False | Kw::Null) => Some((i + 1, Some(self.t.content(t)), true)),
            Tk::Word | Tk::Kw(_) if t.call => {
                let close = self.close_paren(i + 1);
                Some((close + 1, None, false))
            }
            // `array[id]`, `tags[1]`: a subscripted name is still one operand.
            Tk::Word | Tk::Var | Tk::SysVar if self.is_byte(i + 1, b'[') => {
                Some((self.subscript_end(i + 1), None, false))
            }
            Tk::Word | Tk::Var | Tk::SysVar => Some((i + 1, Some(self.t.content(t)), false)),
            Tk::Kw(k) if !structural(k) => Some((i + 1, Some(self.t.content(t)), false)),
            Tk::Op(Op::Arith) | Tk::Op(Op::Bang) | Tk::Kw(Kw::Not) => {
                // Unary sign or negation (`-1`, `!1`, `not 0`): an operand, but
                // not a literal we can compare. Bounded, no recursion.
                let mut j = i + 1;
                while j < i + 4
                    && matches!(
                        self.kind(j),
                        Some(Tk::Op(Op::Arith | Op::Bang) | Tk::Kw(Kw::Not))
                    )
                {
                    j += 1;
                }
                match self.kind(j)? {
                    Tk::Num | Tk::Hex | Tk::Str { .. } | Tk::Word | Tk::Var | Tk::SysVar => {
                        Some((j + 1, None, false))
                    }
                    Tk::LParen => Some((self.close_paren(j) + 1, None, false)),
                    _ => None,
                }
            }
            Tk::LParen => {
                let close = self.close_paren(i);
                Some((close + 1, None, false))
            }
            _ => None,
        }
    }

    /// Classifies the condition starting at `i` (just after a logical operator).
    ///
    /// `loose`: a lone literal ending the input counts (`x' or 1`); without
    /// it, only `true` or a literal followed by a comment does, so that
    /// "1 or 2" and "Salem, OR 97301" stay prose.
    fn condition(&self, i: usize, loose: bool) -> Cond {
        let i = self.skip_parens(i);
        let i = if self.kind(i) == Some(Tk::Kw(Kw::Not)) {
            i + 1
        } else {
            i
        };
        if matches!(self.kind(i), Some(Tk::Kw(Kw::Select | Kw::Exists))) {
            return Cond::Condition(i);
        }
        let Some((a_end, a_lit, a_is_lit)) = self.operand(i) else {
            return Cond::None;
        };
        let Some(op_k) = self.kind(a_end) else {
            let last = &self.toks()[a_end - 1];
            let is_true = last.k == Tk::Kw(Kw::True);
            let loose = loose || self.app_closes(last);
            return match a_lit {
                Some(l) if a_is_lit && truthy(l) && (loose || is_true || last.comment_after) => {
                    Cond::Tautology(a_end - 1)
                }
                None => Cond::Condition(a_end - 1),
                Some(_) if a_is_lit && (loose || last.comment_after) => Cond::Condition(a_end - 1),
                _ => Cond::None,
            };
        };
        // `x ~ all(...)`, `x ! all (select ...)`, `x = any (select ...)`:
        // an operator against a quantified list or a sub-select.
        if matches!(op_k, Tk::Op(_)) || is_cmp(op_k) {
            let mut j = a_end + 1;
            while j < a_end + 3 && matches!(self.kind(j), Some(Tk::Op(_))) {
                j += 1;
            }
            let quantifier = self.kind(j) == Some(Tk::Kw(Kw::All))
                || matches!(self.kind(j), Some(Tk::Word))
                    && self.t.name_is(&self.toks()[j], &[b"any", b"some"]);
            let q = if quantifier { j + 1 } else { j };
            if self.kind(q) == Some(Tk::LParen)
                && (quantifier || self.kind(self.skip_parens(q)) == Some(Tk::Kw(Kw::Select)))
            {
                return Cond::Condition(self.close_paren(q));
            }
        }
        // `x - ` with the value's end: the application's closing quote
        // supplies the right-hand operand (`' or xyz-'`).
        if loose
            && a_end + 1 == self.toks().len()
            && matches!(
                op_k,
                Tk::Op(Op::Arith | Op::Eq | Op::Cmp | Op::OrOr | Op::AndAnd)
            )
        {
            return Cond::Condition(a_end);
        }
        // `not like`, `not between`, `similar to`: a comparison spelled
        // in two words.
        let similar_to = |x: usize| {
            self.kind(x) == Some(Tk::Word)
                && self.t.name_is(&self.toks()[x], &[b"similar"])
                && self.kind(x + 1) == Some(Tk::Word)
                && self.t.name_is(&self.toks()[x + 1], &[b"to"])
        };
        let (op_k, a_end) = match op_k {
            Tk::Kw(Kw::Not) if self.kind(a_end + 1).is_some_and(is_cmp) => {
                (self.kind(a_end + 1).unwrap_or(op_k), a_end + 1)
            }
            Tk::Kw(Kw::Not) if similar_to(a_end + 1) => (Tk::Kw(Kw::Like), a_end + 2),
            Tk::Word if similar_to(a_end) => (Tk::Kw(Kw::Like), a_end + 1),
            _ => (op_k, a_end),
        };
        if is_cmp(op_k) {
            let mut j = a_end + 1;
            if self.kind(j) == Some(Tk::Kw(Kw::Not)) {
                j += 1;
            }
            if op_k == Tk::Kw(Kw::Sounds) && self.kind(j) == Some(Tk::Kw(Kw::Like)) {
                j += 1;
            }
            let j = self.skip_parens(j);
            let Some((b_end, b_lit, b_is_lit)) = self.operand(j) else {
                return Cond::Condition(a_end);
            };
            let last = b_end - 1;
            if let (Some(a), Some(b)) = (a_lit, b_lit) {
                let eq_op = matches!(op_k, Tk::Op(Op::Eq) | Tk::Kw(Kw::Like | Kw::Is));
                if eq_op
                    && (a_is_lit || b_is_lit || a.eq_ignore_ascii_case(b))
                    && same_literal(a, b)
                {
                    return Cond::Tautology(last);
                }
                if let (Tk::Op(Op::Cmp), Some(x), Some(y)) = (op_k, number(a), number(b)) {
                    let s = &self.t.b[self.toks()[a_end].s..self.toks()[a_end].e];
                    let holds = match s {
                        b"<" => x < y,
                        b">" => x > y,
                        b"<=" => x <= y,
                        b">=" => x >= y,
                        b"<>" | b"!=" => x != y,
                        _ => false,
                    };
                    if holds {
                        return Cond::Tautology(last);
                    }
                }
            }
            if !(a_is_lit || b_is_lit) && a_lit.is_some() && b_lit.is_some() {
                // word = word: a real column comparison.
                return Cond::Condition(last);
            }
            return Cond::Condition(last);
        }
        // A literal followed by the end of the statement.
        let ends = matches!(op_k, Tk::Semi) || (loose && op_k == Tk::RParen);
        match a_lit {
            Some(l) if a_is_lit && truthy(l) && (ends || self.toks()[a_end - 1].comment_after) => {
                Cond::Tautology(a_end - 1)
            }
            None => Cond::Condition(a_end - 1),
            _ if a_is_lit && (ends || self.toks()[a_end - 1].comment_after) => {
                Cond::Condition(a_end - 1)
            }
            _ => Cond::None,
        }
    }

    /// `, 1, 'a', null` from token `i` (a comma) to the end of the value:
    /// the number of literals, or 0 when anything else appears.
    fn literal_list(&self, i: usize) -> usize {
        let n = self.toks().len();
        if n - i > 64 || !(n - i).is_multiple_of(2) {
            return 0;
        }
        let mut items = 0;
        for x in i..n {
            let k = self.kind(x);
            let ok = if (x - i).is_multiple_of(2) {
                k == Some(Tk::Comma)
            } else {
                matches!(
                    k,
                    Some(Tk::Num | Tk::Hex | Tk::Str { closed: true, .. } | Tk::Kw(Kw::Null))
                )
            };
            if !ok {
                return 0;
            }
            items += usize::from((x - i) % 2 == 1);
        }
        items
    }

    /// Two words glued by a comment that spell a keyword together
    /// (`DR/**/OP`, `SEL/**/ECT`).
    fn split_keyword(&self, a: &Tok, b: &Tok) -> bool {
        if a.k != Tk::Word || b.k != Tk::Word {
            return false;
        }
        let (x, y) = (&self.t.b[a.cs..a.ce], &self.t.b[b.cs..b.ce]);
        if x.len() + y.len() > 24 {
            return false;
        }
        let mut w = [0u8; 24];
        w[..x.len()].copy_from_slice(x);
        w[x.len()..x.len() + y.len()].copy_from_slice(y);
        lower_name(&w[..x.len() + y.len()]).is_some_and(|(buf, len)| {
            matches!(
                keyword(&buf[..len]),
                Some(
                    Kw::Select
                        | Kw::Union
                        | Kw::Insert
                        | Kw::Update
                        | Kw::Delete
                        | Kw::Drop
                        | Kw::Create
                        | Kw::Alter
                        | Kw::Truncate
                        | Kw::Exec
                        | Kw::Declare
                        | Kw::Shutdown
                        | Kw::Waitfor
                )
            )
        })
    }

    /// A string left open at the end of a value whose closing quote the
    /// application supplies.
    fn app_closes(&self, t: &Tok) -> bool {
        t.k == Tk::Str {
            closed: false,
            initial: false,
        } && self.app_quote == self.t.b.get(t.s).copied()
            && t.e == self.t.b.len()
    }

    /// A value that opens by closing the query's quote (nothing or a number
    /// before it) and goes on with a statement keyword at token `i`:
    /// `'union a`, `" ALTER A`. An odd number of quotes leaves the
    /// application's closing quote unmatched; a string after the keyword
    /// ("'Union' is a word") reads as quoting instead.
    fn break_keyword(&self, i: usize) -> bool {
        let brk = &self.toks()[0];
        let content = self.t.content(brk);
        if !content
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_whitespace())
        {
            return false;
        }
        let statement = matches!(
            self.kind(i),
            Some(Tk::Kw(
                Kw::Union
                    | Kw::Select
                    | Kw::Insert
                    | Kw::Update
                    | Kw::Delete
                    | Kw::Drop
                    | Kw::Create
                    | Kw::Alter
                    | Kw::Truncate
                    | Kw::Exec
                    | Kw::Declare
                    | Kw::Shutdown
            ))
        );
        let q = self.t.b[brk.ce.min(self.t.b.len() - 1)];
        let quotes = memchr::memchr_iter(q, self.t.b).count();
        statement && quotes % 2 == 1 && !matches!(self.kind(i + 1), Some(Tk::Str { .. }))
    }

    /// Whether the break (token 0) holds nothing or a number and its quote
    /// occurs an odd number of times in the value, leaving the
    /// application's own closing quote unmatched.
    fn unmatched_open(&self) -> bool {
        let brk = &self.toks()[0];
        let q = self.t.b[brk.ce.min(self.t.b.len() - 1)];
        self.t
            .content(brk)
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_whitespace())
            && !memchr::memchr_iter(q, self.t.b).count().is_multiple_of(2)
    }

    /// A value that opens by closing the query's quote (nothing or a number
    /// before it, an odd number of quotes so the application's own closing
    /// quote is left unmatched) and goes on with the logical operator at `l`
    /// and one operand, a name or a number, that does not run on as prose:
    /// `' or abc!`, `'  or 3,4,2`, `' or homer 9`. The application's quote
    /// completes the condition. "'or else' he said" closes its quote; in
    /// "'and then he left" the operand is followed by more words.
    fn open_logic(&mut self, b: usize, l: usize) -> bool {
        if !self.unmatched_open() {
            return false;
        }
        let n = self.toks().len();
        if n - l > 8 || !matches!(self.kind(l + 1), Some(Tk::Num | Tk::Word | Tk::LParen)) {
            return false;
        }
        let Some((end, _, _)) = self.operand(l + 1) else {
            return false;
        };
        let prose = matches!(self.kind(end), Some(Tk::Word | Tk::Kw(_) | Tk::Str { .. }));
        if !prose {
            self.hit(BOOLEAN, b, end - 1);
        }
        !prose
    }

    /// A literal, a variable or a call at `j` (one item of a row of values
    /// or the right-hand side of an assignment): the token after it.
    fn value_item(&self, j: usize) -> Option<usize> {
        let t = self.toks().get(j)?;
        match t.k {
            Tk::Num
            | Tk::Hex
            | Tk::Str { .. }
            | Tk::Var
            | Tk::SysVar
            | Tk::Kw(Kw::Null | Kw::True | Kw::False) => Some(j + 1),
            Tk::Word | Tk::Kw(_) if t.call => Some(self.close_paren(j + 1) + 1),
            Tk::Op(Op::Arith) if matches!(self.kind(j + 1), Some(Tk::Num | Tk::Hex)) => Some(j + 2),
            Tk::LParen if self.kind(self.skip_parens(j)) == Some(Tk::Kw(Kw::Select)) => {
                Some(self.close_paren(j) + 1)
            }
            _ => None,
        }
    }

    /// Whether the statement ends after token `x - 1`: the value's end,
    /// with the rest commented out or a string the application closes; or
    /// `;`.
    fn statement_ends(&self, x: usize) -> bool {
        let last = &self.toks()[x - 1];
        match self.kind(x) {
            None => last.comment_after || self.app_closes(last),
            Some(Tk::Semi) => true,
            _ => last.comment_after,
        }
    }

    /// `, (1, 'a', null)` from the comma at `c`: a row of values, then the
    /// statement's end or another row. The end of the row, when it is one
    /// with two items or more, or one that ends the statement.
    fn next_row(&self, c: usize) -> Option<usize> {
        if self.kind(c + 1) != Some(Tk::LParen) {
            return None;
        }
        let mut j = c + 2;
        let mut items = 0;
        while items < 32 {
            j = self.value_item(j)?;
            items += 1;
            match self.kind(j) {
                Some(Tk::Comma) => j += 1,
                Some(Tk::RParen) => break,
                // The last string left for the application to close.
                None if self.app_closes(&self.toks()[j - 1]) => return Some(j - 1),
                _ => return None,
            }
        }
        if self.kind(j) != Some(Tk::RParen) {
            return None;
        }
        let more = self.kind(j + 1) == Some(Tk::Comma) && self.kind(j + 2) == Some(Tk::LParen);
        let ends = self.statement_ends(j + 1);
        (ends || more && items >= 2).then_some(j)
    }

    /// `, col = 1, other = 'x'` from the comma at `c`: assignments, then a
    /// WHERE or the statement's end. The last token read.
    fn next_assignment(&self, c: usize) -> Option<usize> {
        let mut j = c;
        for _ in 0..8 {
            if self.kind(j) != Some(Tk::Comma) {
                break;
            }
            let name = self.toks().get(j + 1)?;
            if name.k != Tk::Word || name.call || self.kind(j + 2) != Some(Tk::Op(Op::Eq)) {
                return None;
            }
            if !self.is_byte(j + 2, b'=') {
                return None;
            }
            j = self.value_item(j + 3)?;
        }
        if j == c {
            return None;
        }
        if self.kind(j) == Some(Tk::Kw(Kw::Where)) {
            return Some(j);
        }
        self.statement_ends(j).then_some(j - 1)
    }

    /// Whether the condition ending at token `e` runs straight into a
    /// string of several words: "what 'OR 1=1' means in ..." quotes the
    /// condition in prose; in SQL a literal glued to a condition is a
    /// syntax error.
    fn quoted_text_after(&self, e: usize) -> bool {
        self.toks().get(e + 1).is_some_and(|t| {
            matches!(t.k, Tk::Str { .. }) && {
                let c = self.t.content(t);
                c.iter().any(u8::is_ascii_whitespace) && c.iter().any(u8::is_ascii_alphabetic)
            }
        })
    }

    /// "Parameterised queries stop the classic ' OR 1=1 trick because ...":
    /// a condition named mid-sentence. The break is words of prose ending
    /// in a blank (the quote opens a word, it closes no value), and plain
    /// words go on after the condition `..=e` with no comment or quote, a
    /// syntax error after any injected condition.
    fn payload_named_in_sentence(&self, b: usize, e: usize) -> bool {
        let toks = self.toks();
        let brk = self.t.content(&toks[b]);
        let words = brk
            .split(u8::is_ascii_whitespace)
            .filter(|w| w.len() >= 2 && w.iter().all(u8::is_ascii_alphabetic))
            .count();
        let tail = &toks[(e + 1).min(toks.len())..];
        // A sentence ends soon; bounding the rest keeps this check, made
        // once per condition, from rescanning a long value each time.
        let rest = &self.t.b[toks[e].e..];
        brk.last().is_some_and(u8::is_ascii_whitespace)
            && words >= 3
            && (3..=40).contains(&tail.len())
            && rest.len() <= 400
            && tail[..3].iter().all(|t| t.k == Tk::Word && !t.call)
            && !tail.iter().any(|t| t.comment_after)
            && !toks[e].comment_after
            && !tail.iter().any(|t| matches!(t.k, Tk::Str { .. }))
            && !rest.iter().any(|c| matches!(c, b'\'' | b'"'))
    }

    /// Whether the break at `b` and the operator at `i` quote a lone symbol
    /// in a sentence ("join strings with '/'", "use '-' between words") or
    /// in code (`m.insert("/", h)`, `version = "*",`): the operator is glued
    /// to both quotes, the break ends in a space or an opening bracket or
    /// comma, and the string after it ends the value or goes on with a
    /// space or a closing bracket, comma or semicolon.
    fn quoted_symbol(&self, b: usize, i: usize) -> bool {
        let brk = &self.toks()[b];
        let op = &self.toks()[i];
        let Some(next) = self.toks().get(i + 1) else {
            return false;
        };
        let after = self.t.content(next);
        // Quotes of two kinds around the operator (`` `&'static ``) are no
        // break and string: the application's quote is one kind.
        let b = self.t.b;
        let quote = |c: u8| matches!(c, b'\'' | b'"' | b'`');
        if matches!(brk.k, Tk::Str { closed: true, .. })
            && op.s == brk.e
            && next.s == op.e
            && brk.e > 0
            && quote(b[brk.e - 1])
            && quote(b[next.s])
            && b[brk.e - 1] != b[next.s]
        {
            return true;
        }
        // A symbol as a code argument or list item: `m.insert("/", "x")`,
        // `version = "*", features = [...]`.
        let opener = |c: &u8| c.is_ascii_whitespace() || matches!(c, b'(' | b'[' | b'{' | b',');
        let closer =
            |c: &u8| c.is_ascii_whitespace() || matches!(c, b',' | b')' | b']' | b'}' | b';');
        let prose = self
            .t
            .content(brk)
            .last()
            .is_some_and(u8::is_ascii_whitespace);
        // In a sentence the symbol may have a space inside its quotes
        // (`remove the "- " in front`) and the word after may be glued
        // (`a '^'-anchored pattern`); typographic quotes, rewritten as a
        // quote and two spaces, leave such gaps too.
        let near = |from: usize, to: usize| {
            to >= from && to - from <= 2 && b[from..to].iter().all(u8::is_ascii_whitespace)
        };
        if prose
            && near(brk.e, op.s)
            && near(op.e, next.s)
            && after
                .first()
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || quote(*c)))
        {
            return true;
        }
        self.t.content(brk).last().is_some_and(opener)
            && op.s == brk.e
            && next.s == op.e
            && after.first().is_none_or(closer)
            && (prose || after.first().is_some_and(|c| !c.is_ascii_whitespace()))
    }

    /// Checks the SQL that follows a break at token `b` (the break token itself).
    fn after_break(&mut self, b: usize, strong: bool, quoted: bool) {
        let mut i = b + 1;
        while i < b + 9 && matches!(self.kind(i), Some(Tk::RParen)) {
            i += 1;
        }
        let Some(k) = self.kind(i) else {
            // admin'--  /  admin')#
            let last = i - 1;
            if self.toks()[last].comment_after && strong {
                let t = &self.toks()[b];
                let content = self.t.content(t);
                if content.len() <= 64
                    && !content.iter().any(|c| c.is_ascii_whitespace())
                    && !call_argument(content)
                {
                    self.hit(TRUNCATION, b, last);
                }
            }
            return;
        };
        // The rules below about a value that opens with its quote hold only
        // where the value does open.
        let opens = quoted && b == 0 && self.anchored;
        if opens && self.break_keyword(i) {
            self.hit(BREAK_KEYWORD, b, i);
        }
        // `" sleep(10`: a delay called right after the break.
        if quoted
            && matches!(k, Tk::Word | Tk::Kw(_))
            && self.toks()[i].call
            && self.t.name_is(&self.toks()[i], TIME_FNS)
            && matches!(self.kind(i + 2), Some(Tk::Num))
        {
            self.hit(TIME, b, i + 2);
        }
        // `"2562*23`, `` `>65 ``: arithmetic or a comparison right after a
        // quote that opens the value, and nothing else.
        let n = self.toks().len();
        if opens && self.t.content(&self.toks()[0]).is_empty() && n - i <= 3 {
            let shapes = [
                [Some(Tk::Num), Some(Tk::Op(Op::Arith)), Some(Tk::Num)],
                [Some(Tk::Op(Op::Cmp)), Some(Tk::Num), None],
                [Some(Tk::Op(Op::Arith)), Some(Tk::Num), None],
            ];
            let seen = [self.kind(i), self.kind(i + 1), self.kind(i + 2)];
            if shapes.contains(&seen) {
                self.hit(BOOLEAN, b, n - 1);
                return;
            }
        }
        // `'-0-'`, `'+1+'`, `'|0|'`: string arithmetic between the query's
        // own quotes (MySQL casts both strings to numbers, so `x='-0-'`
        // compares a column with 0 and matches every non-numeric string).
        if opens
            && self.t.content(&self.toks()[0]).is_empty()
            && n - i == 4
            && matches!(k, Tk::Op(Op::Arith | Op::OrOr))
            && matches!(self.kind(i + 1), Some(Tk::Num | Tk::Hex))
            && matches!(self.kind(i + 2), Some(Tk::Op(Op::Arith | Op::OrOr)))
            && self.app_closes(&self.toks()[n - 1])
            && self.t.content(&self.toks()[n - 1]).is_empty()
        {
            self.hit(BOOLEAN, b, n - 1);
            return;
        }
        // `` ` REGEXP ``, `' <= `: a comparison right after a quote that
        // opens the value, and the value's end; the application's quote
        // opens the right-hand side.
        if opens
            && i + 1 == n
            && matches!(k, Tk::Kw(Kw::Like) | Tk::Op(Op::Eq | Op::Cmp))
            && self.unmatched_open()
        {
            self.hit(BOOLEAN, b, i);
            return;
        }
        // `', 2, 1`: a value opening with the quote, then a list of
        // literals, the column-count probe of a UNION.
        if opens && self.t.content(&self.toks()[0]).is_empty() && k == Tk::Comma {
            let items = self.literal_list(i);
            if items >= 2 {
                self.hit(BOOLEAN, b, n - 1);
                return;
            }
        }
        if self.toks()[i - 1].comment_after && strong {
            let t = &self.toks()[b];
            let content = self.t.content(t);
            if content.len() <= 64
                && !content.iter().any(|c| c.is_ascii_whitespace())
                && !call_argument(content)
            {
                self.hit(TRUNCATION, b, i - 1);
            }
        }
        if quoted && strong && k == Tk::Comma {
            // `x'),('evil','pw',1)--`: the row of an INSERT closed and
            // another one appended.
            if i > b + 1 {
                if let Some(e) = self.next_row(i) {
                    self.hit(STATEMENT, b, e);
                    return;
                }
            }
            // `bob', admin=1 WHERE name='bob'--`: the value of an UPDATE
            // closed and another column set.
            if i == b + 1 {
                if let Some(e) = self.next_assignment(i) {
                    self.hit(STATEMENT, b, e);
                    return;
                }
            }
        }
        // `\'and`, `\`or`: a backslash that escapes the application's own
        // escape, then a logical operator.
        if opens && is_logic(k) && self.t.content(&self.toks()[0]) == b"\\" {
            self.hit(BOOLEAN, b, i);
            return;
        }
        if is_logic(k) {
            // `do not consider ' and " to have`: quote characters named in a
            // sentence; the string after the operator is in another kind of
            // quote than the break, so the application's quote cannot close it.
            let brk = self.toks()[b];
            let other_quote = self.toks().get(i + 1).is_some_and(|t| {
                matches!(t.k, Tk::Str { .. })
                    && brk.e > 0
                    && matches!(self.t.b[brk.e - 1], b'\'' | b'"' | b'`')
                    && self.t.b[t.s] != self.t.b[brk.e - 1]
                    && i + 2 == self.toks().len()
            });
            if other_quote {
                return;
            }
            match self.condition(i + 1, quoted) {
                Cond::Tautology(e) if self.quoted_text_after(e) => {}
                Cond::Tautology(e) if self.payload_named_in_sentence(b, e) => {}
                Cond::Tautology(e) => self.hit(TAUTOLOGY, b, e),
                Cond::Condition(e) if strong && !self.phrase_search(b, i, e) => {
                    self.hit(BOOLEAN, b, e)
                }
                Cond::Condition(_) if strong => {}
                _ if opens && self.open_logic(b, i) => {}
                // `a'or?--`: a condition the comment cuts short. A hashtag
                // or channel mention in a sentence (`2.4 && ping #ops when
                // green`) is not a comment.
                _ if strong
                    && n - i <= 3
                    && self.toks()[n - 1].comment_after
                    && (quoted || !self.hashtag_after(self.toks()[n - 1])) =>
                {
                    let content = self.t.content(&self.toks()[b]);
                    if content.len() <= 64 && !content.iter().any(|c| c.is_ascii_whitespace()) {
                        self.hit(BOOLEAN, b, n - 1);
                    }
                }
                _ => {}
            }
            return;
        }
        // `'''or 1`: an empty string glued to the break, then the operator.
        if opens
            && k == (Tk::Str {
                closed: true,
                initial: false,
            })
            && self.t.content(&self.toks()[i]).is_empty()
            && self.kind(i + 1).is_some_and(is_logic)
        {
            self.open_logic(b, i + 1);
            return;
        }
        if !strong {
            return;
        }
        // `admin@example.com';`: the statement ended right after the break.
        let n = self.toks().len();
        if quoted && k == Tk::Semi && (i + 1 == n || self.toks()[i].comment_after) {
            let content = self.t.content(&self.toks()[b]);
            if content.len() <= 64 && !content.iter().any(|c| c.is_ascii_whitespace()) {
                self.hit(TRUNCATION, b, i);
                return;
            }
        }
        // `x'|email--`, `id'is not-id--`: an operator after the break and the
        // rest of the query commented out.
        // `user'collate nocase--`, `' notnull --`, `id'not like id--`: a
        // postfix or comparison keyword in the same place.
        let postfix = match k {
            Tk::Kw(Kw::Not) => self.kind(i + 1).is_some_and(is_cmp),
            Tk::Kw(Kw::Sounds | Kw::In | Kw::Between) => true,
            Tk::Word => self.t.name_is(
                &self.toks()[i],
                &[b"collate", b"notnull", b"isnull", b"similar", b"escape"],
            ),
            _ => false,
        };
        if quoted
            && (postfix || matches!(k, Tk::Op(_) | Tk::Kw(Kw::Is | Kw::Like | Kw::Div)))
            && n - i <= 6
            && self.toks()[n - 1].comment_after
            && !self.toks()[n - 1].fragment_after
        {
            self.hit(BOOLEAN, b, n - 1);
            return;
        }
        match k {
            // '=' / '-' / '||(select ...)': operators against the query's own quotes.
            Tk::Op(Op::Eq | Op::Cmp | Op::Arith | Op::OrOr)
            | Tk::Kw(Kw::Like | Kw::Div | Kw::Is | Kw::In | Kw::Between) => {
                let j = i + 1;
                match self.kind(j) {
                    Some(Tk::Str { .. }) if !self.quoted_symbol(b, i) => self.hit(BOOLEAN, b, j),
                    Some(Tk::LParen)
                        if self.kind(self.skip_parens(j)) == Some(Tk::Kw(Kw::Select)) =>
                    {
                        self.hit(BOOLEAN, b, j + 1)
                    }
                    Some(Tk::Word | Tk::Kw(_)) if self.toks()[j].call => {
                        let close = self.close_paren(j + 1);
                        self.hit(BOOLEAN, b, close)
                    }
                    // `' < 0) and '`: a literal, the query's parenthesis
                    // closed, and the condition carried on.
                    Some(Tk::Num)
                        if self.kind(j + 1) == Some(Tk::RParen)
                            && self.kind(self.skip_rparens(j + 1)).is_some_and(is_logic) =>
                    {
                        self.hit(BOOLEAN, b, self.skip_rparens(j + 1))
                    }
                    // `'like 1;`, `'glob 1--`: a literal and the statement's end.
                    Some(Tk::Num)
                        if self.kind(j + 1) == Some(Tk::Semi) && j + 2 == n
                            || matches!(self.kind(j + 1), None | Some(Tk::Semi))
                                && self.toks()[j].comment_after =>
                    {
                        self.hit(BOOLEAN, b, j)
                    }
                    _ => {}
                }
            }
            Tk::Kw(Kw::Order | Kw::Group) if self.kind(i + 1) == Some(Tk::Kw(Kw::By)) => {
                self.hit(ORDER_BY, b, i + 2);
            }
            // `7 AS" FROM`, `x as' from t`: a select item's alias closed by
            // the break, then FROM. The quote is glued to `as`: prose puts a
            // space before an opening quote ("known as \"from the heart\"").
            Tk::Kw(Kw::From)
                if quoted
                    && ends_with_as(self.t.content(&self.toks()[b]))
                    && matches!(self.kind(i + 1), None | Some(Tk::Word | Tk::Kw(_))) =>
            {
                self.hit(STATEMENT, b, i);
            }
            // `' limit 1--`, `' procedure analyse(`: LIMIT takes a number
            // (`` `limit` should use `break` `` is prose about keywords).
            Tk::Kw(Kw::Limit) if matches!(self.kind(i + 1), Some(Tk::Num)) => {
                self.hit(BOOLEAN, b, i + 1);
            }
            Tk::Kw(Kw::Procedure) if matches!(self.kind(i + 1), Some(Tk::Num | Tk::Word)) => {
                self.hit(BOOLEAN, b, i + 1);
            }
            _ => {}
        }
    }

    fn run(&mut self, ctx: Ctx) {
        let n = self.toks().len();
        if n == 0 {
            return;
        }
        // Breaks.
        match ctx {
            Ctx::Quote(_) => self.after_break(0, true, true),
            Ctx::Bare if !self.anchored => {}
            Ctx::Bare => {
                if matches!(self.kind(0), Some(Tk::Num | Tk::Hex)) {
                    self.after_break(0, true, false);
                } else if matches!(self.kind(0), Some(Tk::Word | Tk::Str { closed: true, .. })) {
                    self.after_break(0, false, false);
                }
            }
        }
        if self.t.exec_comment.is_some() {
            let (s, e) = self.t.exec_comment.unwrap_or((0, 0));
            self.hits.push(Hit {
                rule: &RULES[OBFUSCATION],
                start: self.base + s,
                end: self.base + e,
            });
        }
        self.conditional_tautology();
        for i in 0..n {
            let t = self.toks()[i];
            match t.k {
                // A tautology after any logical operator, wherever it is.
                k if is_logic(k) && i > 0 => {
                    if let Cond::Tautology(e) = self.condition(i + 1, false)
                        && !self.quoted_text_after(e)
                        && !(i == 1
                            && matches!(self.toks()[0].k, Tk::Str { initial: true, .. })
                            && self.payload_named_in_sentence(0, e))
                    {
                        let prev = self.toks()[i - 1].k;
                        // After a string or a parenthesis, or after an operand
                        // that starts the value or follows `=` (`id=1 or 1=1`);
                        // not inside arithmetic prose ("2 > 1 and 3 < 4").
                        let before = if i >= 2 {
                            Some(self.toks()[i - 2].k)
                        } else {
                            None
                        };
                        let operand_ok = matches!(prev, Tk::Num | Tk::Word | Tk::Kw(_))
                            && matches!(
                                before,
                                None | Some(Tk::Op(Op::Eq) | Tk::LParen | Tk::Kw(Kw::Where))
                            );
                        // `comparing "0y" and "0x12"; the ...`: two quoted
                        // words joined in a sentence, with no comparison.
                        let named = e == i + 1
                            && matches!(prev, Tk::Str { closed: true, .. })
                            && matches!(self.kind(i + 1), Some(Tk::Str { closed: true, .. }))
                            && before == Some(Tk::Word)
                            && self.kind(e + 1).is_some();
                        // `ts BETWEEN '2026-10-01' AND '2026-10-31'`: the
                        // `and` of a range, no second condition.
                        let range = before == Some(Tk::Kw(Kw::Between));
                        if (matches!(prev, Tk::Str { closed: true, .. } | Tk::RParen) || operand_ok)
                            && !named
                            && !range
                        {
                            self.hit(TAUTOLOGY, i - 1, e);
                        }
                    }
                }
                Tk::Kw(Kw::Union) => {
                    let mut j = i + 1;
                    if matches!(self.kind(j), Some(Tk::Kw(Kw::All | Kw::Distinct))) {
                        j += 1;
                    }
                    let j = self.skip_parens(j);
                    if self.kind(j) == Some(Tk::Kw(Kw::Select)) {
                        self.hit(UNION, i, j);
                    }
                }
                Tk::Semi => self.stacked(i),
                Tk::LParen if i > 0 => {
                    let prev = self.toks()[i - 1].k;
                    let j = self.skip_parens(i + 1);
                    // `substring((select ...), 1, 1)`: a sub-select as the
                    // argument of a call.
                    let argument = prev == Tk::LParen && i >= 2 && self.toks()[i - 2].call;
                    let opener = argument
                        || matches!(
                            prev,
                            Tk::Op(Op::Eq | Op::Cmp | Op::Arith | Op::OrOr | Op::AndAnd)
                                | Tk::Kw(
                                    Kw::In
                                        | Kw::Exists
                                        | Kw::Or
                                        | Kw::And
                                        | Kw::Not
                                        | Kw::Like
                                        | Kw::From
                                        | Kw::When
                                )
                                | Tk::Comma
                        );
                    if opener && self.kind(j) == Some(Tk::Kw(Kw::Select)) {
                        // `@x = ( SELECT` ending the value: the query goes on
                        // in what the application appends.
                        let body = j + 1 == n && prev == Tk::Op(Op::Eq)
                            || (j + 1..(j + 10).min(n)).any(|x| {
                                matches!(
                                    self.kind(x),
                                    Some(Tk::Kw(Kw::From)) | Some(Tk::Num) | Some(Tk::SysVar)
                                ) || self.toks()[x].call
                                    || (x == j + 1 && self.t.b.get(self.toks()[x].s) == Some(&b'*'))
                            });
                        if body {
                            self.hit(SUBQUERY, i - 1, j);
                        }
                    }
                }
                Tk::Kw(Kw::Select)
                    if matches!(self.kind(i + 1), Some(Tk::Word | Tk::Kw(_)))
                        && self.t.name_is(&self.toks()[i + 1], TIME_FNS) =>
                {
                    self.hit(TIME, i, i + 1);
                }
                // `waitfor delay '0:0:5'`; `delay+'0:0:5'` where a `+` for a
                // space was left undecoded.
                Tk::Kw(Kw::Waitfor)
                    if matches!(self.kind(i + 1), Some(Tk::Kw(Kw::Delay)) | Some(Tk::Word))
                        && (matches!(self.kind(i + 2), Some(Tk::Str { .. }))
                            || self.is_byte(i + 2, b'+')
                                && matches!(self.kind(i + 3), Some(Tk::Str { .. }))) =>
                {
                    self.hit(TIME, i, i + 2);
                }
                Tk::Kw(Kw::Into)
                    if matches!(self.kind(i + 1), Some(Tk::Kw(Kw::Outfile | Kw::Dumpfile)))
                        && matches!(self.kind(i + 2), Some(Tk::Str { .. })) =>
                {
                    self.hit(FILE, i, i + 2);
                }
                Tk::SysVar if self.t.name_is(&t, SYS_VARS) => {
                    self.hit(SYSVAR, i, i);
                }
                Tk::Word | Tk::Kw(_) if t.call => self.call(i),
                // Every catalogue and procedure name below holds `_` or
                // starts with `sys`, `msys` or `mysql`: one cheap test
                // keeps ordinary words out of the list lookups.
                Tk::Word if catalogue_like(&self.t.b[t.cs..t.ce]) => {
                    if self.t.name_is(
                        &t,
                        &[
                            b"information_schema",
                            b"sysobjects",
                            b"syscolumns",
                            b"sqlite_master",
                            b"msysobjects",
                            b"msysaccessobjects",
                            b"pg_shadow",
                            b"mysql.user",
                        ],
                    ) {
                        // "grep for 'information_schema' in the repo": in a
                        // quoted context, a name glued to prose in quotes.
                        if !self.quoted_text_after(i) && !self.catalogue_in_sentence(i) {
                            self.hit(SCHEMA, i, i);
                        }
                    } else if self.t.name_is(&t, SCHEMA_WORDS) {
                        let from_before = (1..=2).any(|d| {
                            i >= d && matches!(self.kind(i - d), Some(Tk::Kw(Kw::From | Kw::Join)))
                        });
                        let dotted = self.kind(i + 1) == Some(Tk::Dot)
                            && matches!(self.kind(i + 2), Some(Tk::Word | Tk::Kw(_)));
                        let is_mysql = self.t.name_is(&t, &[b"mysql"]);
                        if from_before && (dotted || !is_mysql) {
                            self.hit(SCHEMA, i, if dotted { i + 2 } else { i });
                        }
                    } else if self.t.name_is(
                        &t,
                        &[
                            b"xp_cmdshell",
                            b"sp_oacreate",
                            b"sp_configure",
                            b"sp_addlogin",
                            b"sp_password",
                        ],
                    ) {
                        self.hit(FILE, i, i);
                    }
                }
                Tk::Hex if t.ce - t.cs >= 4 && i > 0 => {
                    let prev = self.toks()[i - 1].k;
                    let sqlish = matches!(
                        prev,
                        Tk::Op(Op::Eq)
                            | Tk::Kw(Kw::Select | Kw::Like | Kw::Where | Kw::Values | Kw::In)
                    );
                    // concat(0x3c62723e, version()): an argument of a
                    // string-building function, in any context.
                    let char_arg = (prev == Tk::Comma || prev == Tk::LParen)
                        && (1..=3).any(|d| {
                            i >= d
                                && self.toks()[i - d].call
                                && self.t.name_is(&self.toks()[i - d], CHAR_FNS)
                        });
                    if (sqlish && ctx != Ctx::Bare) || char_arg {
                        self.hit(ENCODED, i, i);
                    }
                }
                _ => {}
            }
            if t.glued_comment && i + 1 < n {
                let next = self.toks()[i + 1];
                if matches!(t.k, Tk::Kw(_))
                    || matches!(next.k, Tk::Kw(_))
                    || self.split_keyword(&t, &next)
                {
                    self.hit(OBFUSCATION, i, i + 1);
                }
            }
            // `1.e(`, `1.e.t`: a float with an empty exponent glued to what
            // follows, which MySQL reads as a separator.
            if t.k == Tk::Num
                && t.e - t.s >= 3
                && self.t.b[t.e - 1] | 0x20 == b'e'
                && self.t.b[t.e - 2] == b'.'
                && self
                    .toks()
                    .get(i + 1)
                    .is_some_and(|x| x.s == t.e && matches!(x.k, Tk::LParen | Tk::Dot))
            {
                self.hit(OBFUSCATION, i, i + 1);
            }
        }
        if ctx == Ctx::Bare && self.anchored {
            self.bare_statement();
            self.fragment();
            self.call_fragment();
        }
        self.casts_and_aliases();
    }

    /// A value that is nothing but the opening of SQL function calls:
    /// `COS(`, `SLEEP   (`, `year]=(`, `select(user(`, `if(1234=`. Prose
    /// does not end on an open parenthesis right after its first word.
    fn call_fragment(&mut self) {
        self.whole_value_names();
        let toks = self.toks();
        let n = toks.len();
        let Some(last_open) = (0..n).rev().find(|&x| toks[x].k == Tk::LParen) else {
            return;
        };
        // After the last `(`: nothing, or literals and operators (`if(2=`).
        let tail_ok = toks[last_open + 1..].iter().all(|t| {
            matches!(
                t.k,
                Tk::Num | Tk::Hex | Tk::Op(_) | Tk::Comma | Tk::Var | Tk::SysVar
            )
        }) && n - last_open <= 4;
        if !tail_ok {
            return;
        }
        // Before it: SQL function names, each followed by `(` or by a few
        // operator bytes (`length||(`, `password?(`, `ln) (`).
        let mut names = 0;
        let mut gap = 0;
        for t in &toks[..last_open] {
            match t.k {
                Tk::Word | Tk::Kw(_) => {
                    let name = self.t.name(t);
                    let is_fn = name.is_some_and(|(buf, len)| {
                        sql_function(&buf[..len])
                            || matches!(
                                &buf[..len],
                                b"in"
                                    | b"values"
                                    | b"exists"
                                    | b"select"
                                    | b"procedure"
                                    | b"analyse"
                            )
                    });
                    if t.ce - t.cs == 1 && self.t.b[t.cs] == b'$' {
                        gap += 1;
                    } else if is_fn && gap == 0 {
                        names += 1;
                    } else {
                        return;
                    }
                }
                Tk::LParen => gap = 0,
                Tk::Op(_) | Tk::RParen | Tk::Dot => gap += 1,
                _ => return,
            }
            if gap > 4 {
                return;
            }
        }
        if names > 0 && matches!(toks[0].k, Tk::Word | Tk::Kw(_)) {
            self.hit(FUNCTION, 0, last_open);
        }
    }

    /// A value that is only a catalogue name (`pg_catalog`, `schema_name`,
    /// `mysql.db`), a server procedure (`xp_dirtree`, `sp_executesql`), or a
    /// call of a function that exists only in SQL with literal arguments
    /// (`lo_get(16400)`, `div(23,-2)`).
    fn whole_value_names(&mut self) {
        let n = self.toks().len();
        let t0 = self.toks()[0];
        if !matches!(t0.k, Tk::Word | Tk::Kw(_)) {
            return;
        }
        let Some((buf, len)) = self.t.name(&t0) else {
            return;
        };
        let name = &buf[..len];
        const CATALOG: &[&[u8]] = &[
            b"information_schema",
            b"pg_catalog",
            b"pg_shadow",
            b"pg_user",
            b"pg_tables",
            b"pg_database",
            b"pg_namespace",
            b"sysobjects",
            b"syscolumns",
            b"sysdatabases",
            b"msysobjects",
            b"msysaccessobjects",
            b"sqlite_master",
            b"sqlite_schema",
            b"schema_name",
            b"table_schema",
            b"table_name",
            b"column_name",
            b"all_tables",
            b"all_tab_columns",
            b"user_tables",
            b"dba_users",
        ];
        if n == 1 && CATALOG.contains(&name)
            || n == 3
                && name == b"mysql"
                && self.kind(1) == Some(Tk::Dot)
                && matches!(self.kind(2), Some(Tk::Word | Tk::Kw(_)))
        {
            self.hit(SCHEMA, 0, n - 1);
            return;
        }
        let procedure = name.starts_with(b"xp_")
            || name.starts_with(b"sp_") && name.len() > 5
            || matches!(
                name,
                b"utl_http"
                    | b"utl_inaddr"
                    | b"dbms_pipe"
                    | b"dbms_lock"
                    | b"openrowset"
                    | b"opendatasource"
            );
        if n == 1 && procedure {
            self.hit(FILE, 0, 0);
            return;
        }
        // name(literals) and nothing else, for names only SQL uses.
        if t0.call && self.kind(1) == Some(Tk::LParen) && SQL_ONLY.contains(&name) {
            let close = self.close_paren(1);
            let args_ok = close + 1 == n
                && close > 2
                && self.kind(close) == Some(Tk::RParen)
                && (2..close).all(|x| {
                    matches!(
                        self.kind(x),
                        Some(
                            Tk::Num
                                | Tk::Hex
                                | Tk::Str { closed: true, .. }
                                | Tk::Comma
                                | Tk::Op(Op::Arith)
                        )
                    )
                });
            if args_ok {
                self.hit(FUNCTION, 0, close);
            }
        }
    }

    /// `CASE WHEN (1=1) THEN 'A' ELSE 'B' END`, `IF(1=1,'true','false')`:
    /// a conditional whose condition is always true, the probe of boolean
    /// blind injection (the two answers tell the attacker whether injected
    /// SQL runs). Only literal tautologies count: `CASE WHEN x > 1 THEN` is
    /// ordinary SQL.
    fn conditional_tautology(&mut self) {
        let n = self.toks().len();
        for i in 0..n {
            let t = self.toks()[i];
            let cond = match t.k {
                Tk::Kw(Kw::When) if i > 0 && self.kind(i - 1) == Some(Tk::Kw(Kw::Case)) => i + 1,
                Tk::Word
                    if t.call
                        && self.kind(i + 1) == Some(Tk::LParen)
                        && self.t.name_is(&t, &[b"if", b"iif"]) =>
                {
                    i + 2
                }
                _ => continue,
            };
            let mut j = cond;
            let mut depth = 0;
            while self.kind(j) == Some(Tk::LParen) && depth < 4 {
                j += 1;
                depth += 1;
            }
            let Cond::Tautology(mut e) = self.condition(j, false) else {
                continue;
            };
            while depth > 0 && self.kind(e + 1) == Some(Tk::RParen) {
                e += 1;
                depth -= 1;
            }
            let then = match t.k {
                Tk::Kw(Kw::When) => self.toks().get(e + 1).is_some_and(|x| {
                    matches!(x.k, Tk::Word | Tk::Kw(_)) && self.t.name_is(x, &[b"then"])
                }),
                _ => self.kind(e + 1) == Some(Tk::Comma),
            };
            if depth == 0 && then {
                self.hit(BOOLEAN, i, e + 1);
            }
        }
    }

    /// Whether `word::type` is a path in code or prose rather than a cast:
    /// `serde_json::json`, `` `std::time` ``, `mime::TEXT, mime::PLAIN`,
    /// "emits notify::text on destroy". A cast of a column name
    /// (`password::int`) sits in an expression: it is not inside a code
    /// span, is not followed by a plain word, and the text holds no other
    /// `a::B` path to a name that is not a type.
    fn code_path(&self, prev: Tok, ty: Tok, then: Option<Tok>, code: &mut Option<bool>) -> bool {
        let b = self.t.b;
        if prev.s > 0 && b[prev.s - 1] == b'`' || b.get(ty.e) == Some(&b'`') {
            return true;
        }
        if then.is_some_and(|t| t.k == Tk::Word && t.s > ty.e) {
            return true;
        }
        *code.get_or_insert_with(|| {
            let toks = self.toks();
            let (from, to) = match (toks.first(), toks.last()) {
                (Some(f), Some(l)) => (f.s, l.e.min(b.len())),
                _ => return false,
            };
            let span = &b[from..to];
            memchr::memmem::find_iter(span, b"::").any(|at| {
                let name = &span[at + 2..];
                let len = name
                    .iter()
                    .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
                    .unwrap_or(name.len());
                len > 0
                    && !SQL_TYPES
                        .iter()
                        .any(|t| t.eq_ignore_ascii_case(&name[..len]))
            })
        })
    }

    /// `x::int`, `(...)::jsonb`, `'1'::text`: a PostgreSQL cast glued to an
    /// expression; and `) AS name FROM`, `` `a` AS `b` FROM ``: a select
    /// list being closed.
    fn casts_and_aliases(&mut self) {
        let n = self.toks().len();
        // Whether the text holds a `a::B` path to something that is no SQL
        // type: found once, on the first word cast.
        let mut code = None;
        for i in 0..n {
            let t = self.toks()[i];
            if t.k == Tk::Op(Op::Other)
                && self.t.b.get(t.s..t.s + 2) == Some(b"::")
                && i > 0
                && i + 2 < n + 1
            {
                // `::` is two tokens; the type follows the second.
                let ty = i + 2;
                let prev = self.toks()[i - 1];
                let glued_prev = prev.e == t.s
                    && matches!(
                        prev.k,
                        Tk::RParen | Tk::Str { closed: true, .. } | Tk::Word | Tk::Num
                    );
                let Some(tt) = self.toks().get(ty).copied() else {
                    continue;
                };
                let glued_type = tt.s == t.s + 2 && matches!(tt.k, Tk::Word | Tk::Kw(_));
                let name = &self.t.b[tt.cs..tt.ce];
                let one_case = name.iter().all(|c| !c.is_ascii_uppercase())
                    || name.iter().all(|c| !c.is_ascii_lowercase());
                let then = self.toks().get(ty + 1).copied();
                // Not a path: `a::text::b`, `Foo::int(`, `x::json<`.
                let path = then.is_some_and(|x| {
                    x.s == tt.e
                        && (matches!(x.k, Tk::LParen | Tk::Op(Op::Cmp)) || self.t.b[x.s] == b':')
                });
                // `'refunded'::text`, `"name"::varchar`: a cast to text
                // is how PostgreSQL prints a query plan or an ORM its SQL,
                // and raises no error that could leak a value.
                let text_type = self.t.name_is(
                    &tt,
                    &[
                        b"text",
                        b"varchar",
                        b"bpchar",
                        b"citext",
                        b"name",
                        b"character",
                    ],
                );
                // A call's result cast (`function(foo)::text`) still counts.
                // The walk back to its `(` is asked only for a text cast
                // glued to a `)`, and is bounded: a run of `)::text` must
                // not rescan the input from each of them.
                let call_result = || {
                    let mut depth = 0i32;
                    let mut j = i - 1;
                    let floor = (i - 1).saturating_sub(64);
                    loop {
                        match self.toks()[j].k {
                            Tk::RParen => depth += 1,
                            Tk::LParen => depth -= 1,
                            _ => {}
                        }
                        if depth == 0 || j <= floor {
                            break;
                        }
                        j -= 1;
                    }
                    // An unmatched or far `(` counts as a call: the cast stays.
                    depth != 0 || j > 0 && self.toks()[j - 1].call
                };
                let to_text = text_type
                    && glued_prev
                    && glued_type
                    && (prev.k != Tk::RParen || !call_result());
                if glued_prev
                    && glued_type
                    && one_case
                    && !path
                    && !to_text
                    && self.t.name_is(&tt, SQL_TYPES)
                    && (prev.k != Tk::Word || !self.code_path(prev, tt, then, &mut code))
                {
                    self.hit(CAST, i - 1, ty);
                }
                continue;
            }
            if matches!(t.k, Tk::Word)
                && t.ce - t.cs == 2
                && self.t.name_is(&t, &[b"as"])
                && i > 0
                && i + 2 < n
            {
                let prev = self.toks()[i - 1];
                let quoted_name = |x: &Tok| self.t.b.get(x.s) == Some(&b'`');
                let prev_ok = matches!(prev.k, Tk::RParen | Tk::Num | Tk::Str { closed: true, .. })
                    || (prev.k == Tk::Word && quoted_name(&prev));
                let alias = self.toks()[i + 1];
                let alias_ok =
                    matches!(alias.k, Tk::Word | Tk::Kw(_) | Tk::Str { closed: true, .. });
                if prev_ok && alias_ok && self.kind(i + 2) == Some(Tk::Kw(Kw::From)) {
                    self.hit(STATEMENT, i - 1, i + 2);
                }
            }
        }
    }

    /// "Q: Does information_schema.tables exist in SQLite?": a catalogue
    /// opening a sentence or named after a plain word, in a value of words
    /// with no quote (but an apostrophe), call,
    /// comparison, comment or statement end that could make it a query.
    fn catalogue_in_sentence(&self, i: usize) -> bool {
        let toks = self.toks();
        let b = self.t.b;
        // It opens the sentence ("information_schema.columns is the portable
        // way to ...") or follows a plain word; an apostrophe inside a word
        // ("a table's columns") is English, not a string.
        (i == 0 || toks[i - 1].k == Tk::Word && !toks[i - 1].call)
            && b.len() <= 512
            && !b.iter().enumerate().any(|(at, c)| match c {
                b'\'' => {
                    !(at > 0
                        && b[at - 1].is_ascii_alphabetic()
                        && b.get(at + 1).is_some_and(u8::is_ascii_alphabetic))
                }
                b'"' | b'`' | b'(' | b'=' | b';' | b'#' | b'<' | b'>' => true,
                _ => false,
            })
            && !has_comment(b)
            && toks.iter().filter(|t| t.k == Tk::Word).count() >= 6
    }

    /// Whether the tokens after `close` are a sentence: at least three plain
    /// words and nothing but words and the keywords prose shares with SQL.
    /// `sleep(5) in the integration test was why CI took so long` opens with
    /// a call and goes on in English; an injected `sleep(5)` is followed by
    /// nothing, a comment or more SQL.
    fn prose_after(&self, close: usize) -> bool {
        let toks = self.toks();
        if close + 1 >= toks.len() {
            return false;
        }
        let mut words = 0;
        for (at, t) in toks[close + 1..].iter().enumerate() {
            match t.k {
                Tk::Word => words += 1,
                // "relies on sleep(2); please await the event": punctuation
                // right after the call, then the sentence goes on. A second
                // statement there starts with a keyword and stops below.
                Tk::Semi | Tk::Comma if at == 0 && !t.comment_after => continue,
                Tk::Kw(
                    Kw::In
                    | Kw::Is
                    | Kw::Not
                    | Kw::And
                    | Kw::Or
                    | Kw::By
                    | Kw::All
                    | Kw::Into
                    | Kw::Between
                    | Kw::If
                    | Kw::When
                    | Kw::Like,
                ) => {}
                // A sentence ends or a clause closes: what came before
                // decides.
                Tk::Semi | Tk::Comma | Tk::Dot => break,
                _ => return false,
            }
            if t.comment_after {
                return false;
            }
        }
        words >= 3
    }

    fn call(&mut self, i: usize) {
        let t = self.toks()[i];
        let Some((buf, len)) = self.t.name(&t) else {
            return;
        };
        let name = &buf[..len];
        let close = self.close_paren(i + 1);
        let arg = self.kind(i + 2);
        // `benchmark(`, `extractvalue(` ending the value: the opening of a call
        // whose rest the application supplies. Glued to its `(`, unlike prose.
        let glued_open = arg.is_none() && self.toks().get(i + 1).is_some_and(|p| p.s == t.e);
        if glued_open
            && matches!(
                name,
                b"benchmark"
                    | b"pg_sleep"
                    | b"extractvalue"
                    | b"updatexml"
                    | b"xmltype"
                    | b"load_file"
                    | b"name_const"
                    | b"pg_read_file"
                    | b"xp_cmdshell"
                    | b"utl_inaddr"
                    | b"dbms_pipe"
            )
        {
            let r = if TIME_FNS.contains(&name) {
                TIME
            } else if FILE_FNS.contains(&name) {
                FILE
            } else {
                ERROR
            };
            self.hit(r, i, i + 1);
            return;
        }
        if TIME_FNS.contains(&name) {
            // sleep(5), benchmark(5000000, md5(1)), pg_sleep(5): a number or an
            // expression, not prose such as "sleep (8 hours)".
            let numeric = matches!(arg, Some(Tk::Num | Tk::Var | Tk::SysVar | Tk::LParen))
                || matches!(arg, Some(Tk::Word | Tk::Kw(_))) && self.toks()[i + 2].call;
            let then = self.kind(i + 3);
            // benchmark(2999/**/999,md5(now()): a second argument.
            let closes = matches!(then, Some(Tk::RParen | Tk::Comma | Tk::Op(_)))
                || arg == Some(Tk::LParen)
                || matches!(arg, Some(Tk::Word | Tk::Kw(_)))
                || (i + 3..close).any(|x| self.kind(x) == Some(Tk::Comma));
            // "The sleep(5) in the retry loop is ...": a sentence that
            // opens with the call or names it after a plain word.
            let sentence = name == b"sleep"
                && (i == 0 || self.toks()[i - 1].k == Tk::Word && !self.toks()[i - 1].call)
                && self.prose_after(close);
            if numeric && closes && !sentence {
                self.hit(TIME, i, close);
            } else if name == b"dbms_lock" && self.kind(i + 1) == Some(Tk::Dot) {
                self.hit(TIME, i, i + 2);
            }
            return;
        }
        if FILE_FNS.contains(&name) {
            if !matches!(arg, Some(Tk::RParen) | None) || name.starts_with(b"xp_") {
                self.hit(FILE, i, close);
            }
            return;
        }
        if ERROR_FNS.contains(&name) {
            let strong = matches!(
                name,
                b"extractvalue"
                    | b"updatexml"
                    | b"name_const"
                    | b"gtid_subset"
                    | b"xmltype"
                    | b"drithsx"
                    | b"get_host_name"
            );
            // exp(~(select ...)), floor(rand(0)*2), polygon((select ...)).
            let inner_sql = (i + 2..close).any(|j| {
                matches!(self.kind(j), Some(Tk::Kw(Kw::Select)))
                    || self.toks()[j].call
                        && self.t.name_is(
                            &self.toks()[j],
                            &[b"rand", b"concat", b"version", b"database", b"user"],
                        )
            });
            let tilde =
                arg == Some(Tk::Op(Op::Arith)) && self.t.b.get(self.toks()[i + 2].s) == Some(&b'~');
            if (strong && !matches!(arg, Some(Tk::RParen) | None)) || inner_sql || tilde {
                self.hit(ERROR, i, close);
            }
            return;
        }
        if CHAR_FNS.contains(&name) && matches!(name, b"char" | b"chr" | b"nchar") {
            // char(97,100,109) or char(97)+char(100): codes, not prose.
            let mut nums = 0;
            let mut j = i + 2;
            while j < close {
                match self.kind(j) {
                    Some(Tk::Num | Tk::Hex) => nums += 1,
                    Some(Tk::Comma | Tk::Op(Op::Arith)) => {}
                    Some(Tk::Word) if self.t.name_is(&self.toks()[j], &[b"using"]) => {}
                    Some(Tk::Word) => {}
                    _ => {
                        nums = 0;
                        break;
                    }
                }
                j += 1;
            }
            let chained = matches!(
                self.kind(close + 1),
                Some(Tk::Op(Op::Arith | Op::OrOr)) | Some(Tk::Comma)
            ) || (i > 0
                && matches!(
                    self.kind(i - 1),
                    Some(Tk::Op(Op::Arith | Op::OrOr | Op::Eq)) | Some(Tk::Comma | Tk::LParen)
                ));
            if nums >= 3 || (nums >= 1 && chained) {
                self.hit(ENCODED, i, close);
            }
        }
        if INFO_FNS.contains(&name) && self.kind(i + 2) == Some(Tk::RParen) {
            // version(), database(), user() right after a break is covered by the
            // boolean rule; inside concat()/select lists it is enumeration.
            let in_sql = i > 0
                && matches!(
                    self.kind(i - 1),
                    Some(Tk::Comma | Tk::LParen | Tk::Kw(Kw::Select) | Tk::Op(Op::Eq))
                )
                && (1..=4).any(|d| {
                    i >= d
                        && (matches!(self.kind(i - d), Some(Tk::Kw(Kw::Select | Kw::Union)))
                            || self.toks()[i - d].call
                                && self.t.name_is(&self.toks()[i - d], CHAR_FNS))
                });
            if in_sql {
                self.hit(SYSVAR, i, close);
            }
        }
    }

    fn stacked(&mut self, semi: usize) {
        let j = semi + 1;
        let Some(k) = self.kind(j) else { return };
        // Right after the break (`'; select x`), any statement keyword will do.
        let after_break = (1..=8).contains(&semi)
            && matches!(self.toks()[0].k, Tk::Str { initial: true, .. })
            && (1..semi).all(|x| self.kind(x) == Some(Tk::RParen));
        if after_break
            && matches!(
                k,
                Tk::Kw(
                    Kw::Select
                        | Kw::Insert
                        | Kw::Update
                        | Kw::Delete
                        | Kw::Drop
                        | Kw::Create
                        | Kw::Alter
                        | Kw::Truncate
                        | Kw::Exec
                        | Kw::Declare
                        | Kw::Shutdown
                        | Kw::Waitfor
                        | Kw::Grant
                        | Kw::Show
                )
            )
            || after_break && k == Tk::Word && self.t.name_is(&self.toks()[j], &[b"print"])
        {
            self.hit(STACKED, semi, j);
            return;
        }
        let n = self.toks().len();
        let end_like = |a: &Self, x: usize| matches!(a.kind(x), None | Some(Tk::Semi | Tk::Comma));
        let hit_to = match k {
            // `; create alias f as '...'`, `; create sequence s`: the other
            // objects a server keeps.
            Tk::Kw(Kw::Drop | Kw::Alter | Kw::Create)
                if self.kind(j + 1) == Some(Tk::Word)
                    && self.t.name_is(&self.toks()[j + 1], OBJECT_KINDS) =>
            {
                let x = j + 2;
                let named = self.kind(x) == Some(Tk::Word);
                let as_source = self
                    .toks()
                    .get(x + 1)
                    .is_some_and(|t| t.k == Tk::Word && self.t.name_is(t, &[b"as", b"for"]))
                    && matches!(self.kind(x + 2), Some(Tk::Str { .. }));
                // "; create event invites" at a value's end reads as prose:
                // the statement must be closed or the rest commented out.
                let ends = self.kind(x + 1) == Some(Tk::Semi)
                    || self.toks().get(x).is_some_and(|t| t.comment_after);
                (named && (as_source || ends)).then_some(x)
            }
            Tk::Kw(Kw::Drop | Kw::Truncate | Kw::Alter | Kw::Create) => {
                let mut x = j + 1;
                if matches!(
                    self.kind(x),
                    Some(Tk::Kw(
                        Kw::Table
                            | Kw::Database
                            | Kw::Schema
                            | Kw::User
                            | Kw::View
                            | Kw::Procedure
                            | Kw::Function
                            | Kw::Trigger
                            | Kw::Index
                    ))
                ) {
                    x += 1;
                    if self.kind(x) == Some(Tk::Kw(Kw::If)) {
                        x += 2;
                    }
                    let name_ok =
                        matches!(self.kind(x), Some(Tk::Word | Tk::Kw(_) | Tk::Str { .. }));
                    let mut y = x + 1;
                    while self.kind(y) == Some(Tk::Dot) {
                        y += 2;
                    }
                    let tail_ok = end_like(self, y)
                        || self.toks()[y.min(n) - 1].comment_after
                        || matches!(self.kind(y), Some(Tk::LParen | Tk::Kw(_)));
                    (name_ok && tail_ok).then_some(x)
                } else {
                    None
                }
            }
            Tk::Kw(Kw::Delete) => (self.kind(j + 1) == Some(Tk::Kw(Kw::From))
                && matches!(self.kind(j + 2), Some(Tk::Word | Tk::Kw(_))))
            .then_some(j + 2),
            Tk::Kw(Kw::Insert) => (self.kind(j + 1) == Some(Tk::Kw(Kw::Into))
                && matches!(self.kind(j + 2), Some(Tk::Word | Tk::Kw(_))))
            .then_some(j + 2),
            // `; copy (select '') to program 'nslookup ...'`, `; copy t
            // from program 'id'`: PostgreSQL runs a shell command.
            Tk::Word if self.t.name_is(&self.toks()[j], &[b"copy"]) => (j + 2..(j + 32).min(n))
                .find(|&x| {
                    self.t.name_is(&self.toks()[x], &[b"program"])
                        && (self.kind(x - 1) == Some(Tk::Kw(Kw::From))
                            || self.t.name_is(&self.toks()[x - 1], &[b"to"]))
                }),
            // `; replace [into] t (cols) values (...)`: MySQL's insert.
            Tk::Word if self.t.name_is(&self.toks()[j], &[b"replace"]) => {
                let x = if self.kind(j + 1) == Some(Tk::Kw(Kw::Into)) {
                    j + 2
                } else {
                    j + 1
                };
                (matches!(self.kind(x), Some(Tk::Word))
                    && matches!(
                        self.kind(x + 1),
                        Some(Tk::LParen | Tk::Kw(Kw::Values | Kw::Select | Kw::Set))
                    )
                    && (x + 1..(x + 12).min(n)).any(|y| {
                        self.kind(y) == Some(Tk::Kw(Kw::Values))
                            && self.kind(y + 1) == Some(Tk::LParen)
                    }))
                .then_some(x)
            }
            Tk::Kw(Kw::Update) => {
                let mut x = j + 2;
                while self.kind(x) == Some(Tk::Dot) {
                    x += 2;
                }
                (matches!(self.kind(j + 1), Some(Tk::Word | Tk::Kw(_)))
                    && self.kind(x) == Some(Tk::Kw(Kw::Set)))
                .then_some(x)
            }
            Tk::Kw(Kw::Select) => {
                let first = self.kind(j + 1);
                // `select (case ...`, `select (select ...`: a parenthesised
                // expression, not a parenthetical remark.
                let paren = first == Some(Tk::LParen)
                    && (matches!(
                        self.kind(j + 2),
                        Some(Tk::Kw(Kw::Case | Kw::Select)) | Some(Tk::Num)
                    ) || self.toks().get(j + 2).is_some_and(|t| t.call));
                let immediate =
                    matches!(first, Some(Tk::Num | Tk::SysVar | Tk::Var | Tk::Str { .. }))
                        || matches!(first, Some(Tk::Op(Op::Arith)))
                        || paren
                        || (matches!(first, Some(Tk::Word | Tk::Kw(_))) && self.toks()[j + 1].call);
                let has_from =
                    (j + 2..(j + 12).min(n)).any(|x| self.kind(x) == Some(Tk::Kw(Kw::From)));
                (immediate || has_from).then_some(j + 1)
            }
            Tk::Kw(Kw::Exec) => {
                let x = j + 1;
                let ok = match self.kind(x) {
                    Some(Tk::Word) => {
                        let name = self.t.content(&self.toks()[x]).to_ascii_lowercase();
                        name.starts_with(b"xp_")
                            || name.starts_with(b"sp_")
                            || name == b"master"
                            || self.toks()[x].call
                            || matches!(self.kind(x + 1), Some(Tk::Str { .. } | Tk::Var) | None)
                    }
                    Some(Tk::LParen | Tk::Str { .. } | Tk::Var) => true,
                    _ => false,
                };
                ok.then_some(x)
            }
            Tk::Kw(Kw::Shutdown) => {
                (end_like(self, j + 1) || self.toks()[j].comment_after).then_some(j)
            }
            Tk::Kw(Kw::Declare) => matches!(self.kind(j + 1), Some(Tk::Var)).then_some(j + 1),
            Tk::Kw(Kw::Set) => (matches!(self.kind(j + 1), Some(Tk::Var | Tk::SysVar))
                && self.kind(j + 2) == Some(Tk::Op(Op::Eq)))
            .then_some(j + 2),
            Tk::Kw(Kw::Waitfor) => {
                matches!(self.kind(j + 1), Some(Tk::Kw(Kw::Delay) | Tk::Word)).then_some(j + 1)
            }
            Tk::Kw(Kw::Grant) => (j + 3 < n
                && (j + 1..(j + 6).min(n)).any(|x| {
                    matches!(
                        self.kind(x),
                        Some(Tk::Kw(
                            Kw::All | Kw::Select | Kw::Insert | Kw::Update | Kw::Delete
                        ))
                    )
                })
                && (j + 1..(j + 8).min(n))
                    .any(|x| self.t.name_is(&self.toks()[x], &[b"to", b"from", b"on"])))
            .then_some(j + 1),
            Tk::Kw(Kw::Show) => {
                matches!(self.kind(j + 1), Some(Tk::Kw(Kw::Tables | Kw::Databases)))
                    .then_some(j + 1)
            }
            Tk::Kw(Kw::If) => {
                // ; if (1=1) waitfor delay ...
                (self.kind(j + 1) == Some(Tk::LParen))
                    .then_some(j + 1)
                    .filter(|_| {
                        (j + 2..(j + 12).min(n))
                            .any(|x| matches!(self.kind(x), Some(Tk::Kw(Kw::Waitfor | Kw::Select))))
                    })
            }
            _ => None,
        };
        if let Some(e) = hit_to {
            self.hit(STACKED, semi, e);
        }
    }

    /// Fragments that continue a query the application started: a value that
    /// begins with a logical operator and a comparison (`and uid!=(`,
    /// `or class!="`), with `FROM t WHERE c = ...`, or with `declare @x`.
    fn fragment(&mut self) {
        let n = self.toks().len();
        if self.operator_fragment() {
            return;
        }
        match self.kind(0) {
            Some(k) if is_logic(k) && k != Tk::Kw(Kw::Having) => {
                let lim = n.min(6);
                if let Some(c) =
                    (1..lim).find(|&x| matches!(self.kind(x), Some(Tk::Op(Op::Eq | Op::Cmp))))
                {
                    // Something SQL-shaped on the left: a name, a literal or `(`.
                    let right = self.kind(c + 1);
                    let literal_right = matches!(
                        right,
                        None | Some(
                            Tk::Num
                                | Tk::Str { .. }
                                | Tk::LParen
                                | Tk::Hex
                                | Tk::Kw(Kw::Null | Kw::True | Kw::False)
                        )
                    );
                    if literal_right
                        && matches!(
                            self.kind(c - 1),
                            Some(Tk::Word | Tk::Num | Tk::Str { .. } | Tk::RParen | Tk::Kw(_))
                        )
                    {
                        self.hit(BOOLEAN, 0, (c + 1).min(n - 1));
                    }
                }
            }
            Some(Tk::Kw(Kw::From)) if matches!(self.kind(1), Some(Tk::Word | Tk::LParen)) => {
                let lim = n.min(16);
                let hit_at = (2..lim).find(|&x| match self.kind(x) {
                    Some(Tk::Kw(Kw::Where)) => {
                        matches!(self.kind(x + 1), Some(Tk::Word))
                            && matches!(
                                self.kind(x + 2),
                                Some(Tk::Op(Op::Eq | Op::Cmp) | Tk::Kw(Kw::Like | Kw::In | Kw::Is))
                            )
                    }
                    Some(Tk::Kw(Kw::Group | Kw::Order)) => self.kind(x + 1) == Some(Tk::Kw(Kw::By)),
                    Some(Tk::Kw(Kw::Limit)) => matches!(self.kind(x + 1), Some(Tk::Num) | None),
                    Some(Tk::Kw(Kw::Select)) => true,
                    _ => false,
                });
                if let Some(x) = hit_at {
                    self.hit(STATEMENT, 0, x);
                }
            }
            // `, find_in_set('2', tags)`: the value continues a select list
            // or an argument list with a function only SQL has.
            Some(Tk::Comma)
                if self.toks().get(1).is_some_and(|t| t.call)
                    && self.t.name_is(&self.toks()[1], SQL_ONLY) =>
            {
                self.hit(FUNCTION, 0, self.close_paren(2));
            }
            Some(Tk::Kw(Kw::Declare)) if matches!(self.kind(1), Some(Tk::Var)) => {
                self.hit(STATEMENT, 0, 1)
            }
            // `in (0,1)`, `not in (3, -4)`: the value is the list a query tests.
            Some(Tk::Kw(Kw::In | Kw::Not)) => {
                let i = usize::from(self.kind(0) == Some(Tk::Kw(Kw::Not)));
                if self.kind(i) == Some(Tk::Kw(Kw::In))
                    && self.kind(i + 1) == Some(Tk::LParen)
                    && self.kind(n - 1) == Some(Tk::RParen)
                    && n <= 128
                {
                    let mut items = 0;
                    let mut x = i + 2;
                    while x < n - 1 {
                        if self.is_byte(x, b'-') {
                            x += 1;
                        }
                        if !matches!(
                            self.kind(x),
                            Some(
                                Tk::Num | Tk::Hex | Tk::Str { closed: true, .. } | Tk::Kw(Kw::Null)
                            )
                        ) {
                            items = 0;
                            break;
                        }
                        items += 1;
                        x += 1;
                        match self.kind(x) {
                            Some(Tk::Comma) => x += 1,
                            Some(Tk::RParen) if x == n - 1 => {}
                            _ => {
                                items = 0;
                                break;
                            }
                        }
                    }
                    if items >= 2 {
                        self.hit(BOOLEAN, 0, n - 1);
                    }
                }
            }
            Some(Tk::Kw(Kw::Select)) if matches!(self.kind(1), Some(Tk::Hex | Tk::SysVar)) => {
                self.hit(STATEMENT, 0, 1)
            }
            _ => {}
        }
    }

    /// A value that continues a condition with literals: a logical operator
    /// (or `having`) then `operand operator literal` (`OR '[1,2]' ? '1'`,
    /// `or json_extract(x, '$.a') = 'b'`, `&&(e===`, `HAVING 1=`); a quoted
    /// literal compared with another (`'x'!='y`, `'1' not regexp '2'`); a
    /// list of quoted values (`'admin', '1'`, `VALUES ('a', 'b')`); or a
    /// statement after a leading `;`.
    fn operator_fragment(&mut self) -> bool {
        let n = self.toks().len();
        let literal = |k: Option<Tk>| {
            matches!(
                k,
                Some(Tk::Num | Tk::Hex | Tk::Str { .. } | Tk::Kw(Kw::Null | Kw::True | Kw::False))
            )
        };
        let op = |a: &Self, x: usize| -> Option<usize> {
            // An operator run (`->`, `?|`, `!=`, `===`, `not regexp`): its end.
            let mut y = x;
            while y < x + 3
                && matches!(
                    a.kind(y),
                    Some(Tk::Op(_) | Tk::Kw(Kw::Not | Kw::Like | Kw::Is | Kw::In | Kw::Sounds))
                )
            {
                y += 1;
            }
            (y > x).then_some(y)
        };
        // `1=1`, `11!=1`, `42 like 42`, `1 is not 2`: the whole value is
        // one comparison of literals.
        if let Some(o) = op(self, 1) {
            if literal(self.kind(0)) && literal(self.kind(o)) && o + 1 == n && n <= 5 {
                self.hit(BOOLEAN, 0, o);
                return true;
            }
        }
        // `EXECUTE IMMEDIATE "`, `ALTER TABLE `t` ADD ...`.
        let second = self.toks().get(1).copied();
        let second_is = |names: &[&[u8]]| second.is_some_and(|t| self.t.name_is(&t, names));
        if self.kind(0) == Some(Tk::Kw(Kw::Exec)) && second_is(&[b"immediate"]) && n >= 3
            || self.kind(0) == Some(Tk::Kw(Kw::Alter))
                && self.kind(1) == Some(Tk::Kw(Kw::Table))
                && (3..n.min(5)).any(|x| {
                    self.t.name_is(
                        &self.toks()[x],
                        &[b"add", b"change", b"modify", b"drop", b"rename", b"alter"],
                    )
                })
        {
            self.hit(STATEMENT, 0, (n - 1).min(3));
            return true;
        }
        match self.kind(0) {
            Some(k) if is_logic(k) => {
                let i = self.skip_parens(1);
                let Some((a_end, _, _)) = self.operand(i) else {
                    return false;
                };
                // `OR 1#`: a literal condition and the rest commented out.
                if n == 2 && literal(self.kind(1)) && self.toks()[1].comment_after {
                    self.hit(BOOLEAN, 0, 1);
                    return true;
                }
                // `or 7`, `xor 5-`: the whole value is a true number
                // appended to a condition (and an operator whose other
                // operand the query supplies).
                let trailing_op = n == 3 && self.kind(2) == Some(Tk::Op(Op::Arith));
                if matches!(k, Tk::Kw(Kw::Or | Kw::Xor))
                    && (n == 2 || trailing_op)
                    && self.kind(1) == Some(Tk::Num)
                    && truthy(self.t.content(&self.toks()[1]))
                {
                    self.hit(BOOLEAN, 0, n - 1);
                    return true;
                }
                let Some(o) = op(self, a_end) else {
                    return false;
                };
                let r = self.skip_parens(o);
                let right = self.kind(r);
                let punct_op = (a_end..o).any(|x| matches!(self.kind(x), Some(Tk::Op(_))));
                // Right: a literal, a call, or nothing after an operator
                // symbol (the application supplies the rest).
                // `array['a','b']`: a constructor is a literal too.
                let right_ok = literal(right)
                    || self.toks().get(r).is_some_and(|t| t.call)
                    || right == Some(Tk::Word) && self.is_byte(r + 1, b'[')
                    || (right.is_none() && punct_op);
                let left = self.toks()[i];
                let hit = match left.k {
                    _ if literal(Some(left.k)) || left.call => right_ok,
                    // A bare name: inside `(` (`&&(e===`), or against a literal.
                    Tk::Word => (i > 1 && right_ok) || (k != Tk::Kw(Kw::Having) && literal(right)),
                    _ => false,
                };
                if hit {
                    self.hit(BOOLEAN, 0, o.min(n - 1));
                }
                hit
            }
            Some(Tk::Str { closed: true, .. }) => {
                if let Some(o) = op(self, 1) {
                    if literal(self.kind(o)) && !matches!(self.kind(1), Some(Tk::Op(Op::Other))) {
                        self.hit(BOOLEAN, 0, o);
                        return true;
                    }
                }
                if self.kind(1) == Some(Tk::Comma)
                    && literal(self.kind(self.skip_parens(2)))
                    && n <= 64
                    && self.toks().iter().all(|t| {
                        matches!(
                            t.k,
                            Tk::Str { .. }
                                | Tk::Num
                                | Tk::Hex
                                | Tk::Comma
                                | Tk::LParen
                                | Tk::RParen
                        )
                    })
                    // Lines of a CSV file ("A-"\n"O'Connor, S"): two literals
                    // with a line break and no comma between, and no
                    // parenthesis anywhere. Rows of values close and open
                    // one (`'a',1),('b',2`), and SQL joins adjacent
                    // strings, so `('adm' 'in'` stays a row.
                    && !(self
                        .toks()
                        .iter()
                        .all(|t| !matches!(t.k, Tk::LParen | Tk::RParen))
                        && self.toks().windows(2).any(|w| {
                            literal(Some(w[0].k))
                                && literal(Some(w[1].k))
                                && self.t.b[w[0].e..w[1].s].contains(&b'\n')
                        }))
                {
                    self.hit(STATEMENT, 0, n - 1);
                    return true;
                }
                false
            }
            Some(Tk::Kw(Kw::Values))
                if self.kind(1) == Some(Tk::LParen)
                    && literal(self.kind(2))
                    && self.kind(3) == Some(Tk::Comma) =>
            {
                self.hit(STATEMENT, 0, 3);
                true
            }
            Some(Tk::Semi)
                if matches!(
                    self.kind(1),
                    Some(Tk::Kw(
                        Kw::Select
                            | Kw::Insert
                            | Kw::Update
                            | Kw::Delete
                            | Kw::Drop
                            | Kw::Create
                            | Kw::Alter
                            | Kw::Truncate
                            | Kw::Exec
                            | Kw::Declare
                            | Kw::Shutdown
                            | Kw::Grant
                    ))
                ) =>
            {
                self.hit(STACKED, 0, 1);
                true
            }
            // `) like (`, `) when 234 then`: a value that closes a
            // parenthesis and goes on with SQL.
            Some(Tk::RParen) => {
                let i = (0..n.min(8))
                    .find(|&x| self.kind(x) != Some(Tk::RParen))
                    .unwrap_or(n);
                let sql = matches!(
                    self.kind(i),
                    Some(Tk::Kw(
                        Kw::Like
                            | Kw::When
                            | Kw::Union
                            | Kw::Or
                            | Kw::And
                            | Kw::Xor
                            | Kw::Is
                            | Kw::In
                            | Kw::Not
                            | Kw::Having
                            | Kw::Order
                            | Kw::Group
                            | Kw::Limit
                            | Kw::Into
                            | Kw::From
                            | Kw::Where
                    ))
                ) && matches!(
                    self.kind(i + 1),
                    Some(Tk::LParen | Tk::Num | Tk::Str { .. } | Tk::Kw(_) | Tk::Word)
                );
                if sql {
                    self.hit(BOOLEAN, 0, i + 1);
                }
                sql
            }
            // `(select ...`: a sub-select where a value is expected.
            Some(Tk::LParen) if self.kind(self.skip_parens(0)) == Some(Tk::Kw(Kw::Select)) => {
                self.hit(SUBQUERY, 0, self.skip_parens(0));
                true
            }
            // `except values(1,2)`, `intersect select`: a set operation.
            Some(Tk::Word)
                if self
                    .t
                    .name_is(&self.toks()[0], &[b"except", b"intersect", b"minus"])
                    && matches!(self.kind(1), Some(Tk::Kw(Kw::Select | Kw::Values)))
                    && n > 2
                    // "Except select customers, ...": a plain word after
                    // `select` is SQL only with a FROM after it.
                    && (self.kind(2) != Some(Tk::Word)
                        || self.toks()[2].call
                        || (3..n.min(10)).any(|x| self.kind(x) == Some(Tk::Kw(Kw::From)))) =>
            {
                self.hit(UNION, 0, 1);
                true
            }
            // `DELETE FROM users;--`, `DROP sampletable;--`: a statement that
            // ends right there.
            Some(Tk::Kw(Kw::Delete | Kw::Drop | Kw::Truncate)) => {
                let mut x = 1;
                while x < 4 && matches!(self.kind(x), Some(Tk::Kw(Kw::From | Kw::Table))) {
                    x += 1;
                }
                let named = matches!(self.kind(x), Some(Tk::Word));
                let ends = named
                    && (self.kind(x + 1) == Some(Tk::Semi) && x + 2 >= n
                        || self.toks().get(x).is_some_and(|t| t.comment_after) && x + 1 == n);
                if ends {
                    self.hit(STACKED, 0, (x + 1).min(n - 1));
                }
                ends
            }
            _ => false,
        }
    }

    /// `SELECT <columns> FROM <name>`, `INSERT INTO t VALUES`, `DELETE FROM t`,
    /// `UPDATE t SET`, `DROP TABLE t` at the start of a value.
    fn bare_statement(&mut self) {
        let n = self.toks().len();
        if let Some(e) = self.routine() {
            self.hit(STATEMENT, 0, e);
            return;
        }
        let found = match self.kind(0) {
            Some(Tk::Kw(Kw::Select)) => {
                let mut j = 1;
                let mut cols = 0;
                while j < n.min(24) {
                    match self.kind(j) {
                        Some(Tk::Kw(Kw::From)) => break,
                        Some(Tk::Kw(Kw::Distinct | Kw::All)) => {}
                        Some(Tk::Word | Tk::Op(Op::Arith) | Tk::Num | Tk::Str { .. }) => cols += 1,
                        Some(Tk::Kw(_) | Tk::LParen | Tk::RParen | Tk::Comma | Tk::Dot) => {}
                        _ => break,
                    }
                    j += 1;
                }
                (cols > 0
                    && self.kind(j) == Some(Tk::Kw(Kw::From))
                    && matches!(self.kind(j + 1), Some(Tk::Word | Tk::Kw(_))))
                .then_some(j + 1)
            }
            Some(Tk::Kw(Kw::Insert)) => (self.kind(1) == Some(Tk::Kw(Kw::Into))
                && matches!(self.kind(2), Some(Tk::Word)))
            .then_some(2),
            Some(Tk::Kw(Kw::Delete)) => (self.kind(1) == Some(Tk::Kw(Kw::From))
                && matches!(self.kind(2), Some(Tk::Word)))
            .then_some(2),
            Some(Tk::Kw(Kw::Update)) => (matches!(self.kind(1), Some(Tk::Word))
                && self.kind(2) == Some(Tk::Kw(Kw::Set)))
            .then_some(2),
            Some(Tk::Kw(Kw::Drop)) => {
                (matches!(self.kind(1), Some(Tk::Kw(Kw::Table | Kw::Database)))
                    && matches!(self.kind(2), Some(Tk::Word)))
                .then_some(2)
            }
            _ => None,
        };
        if let Some(e) = found {
            // With a filter or grouping it is a query being supplied, not a
            // mention of one: "select * from users where id = 1".
            let filtered = (e + 1..n.min(e + 40)).any(|x| {
                matches!(
                    self.kind(x),
                    Some(Tk::Kw(
                        Kw::Where | Kw::Having | Kw::Group | Kw::Order | Kw::Limit | Kw::Union
                    ))
                )
            });
            if filtered {
                self.hit(WHOLE_QUERY, 0, n - 1);
            } else {
                self.hit(BARE, 0, e);
            }
        } else if self.kind(0) == Some(Tk::Kw(Kw::Select))
            && (matches!(self.kind(1), Some(Tk::Word | Tk::Kw(_)))
                && self.toks().get(1).is_some_and(|t| t.call)
                || self.kind(1) == Some(Tk::LParen) && self.toks()[1].s == self.toks()[0].e + 1
                || matches!(self.kind(1), Some(Tk::Str { closed: true, .. }))
                    && matches!(self.kind(2), Some(Tk::Op(Op::OrOr | Op::Arith))))
        {
            // select if(1>1, ...), select char(..., select group_concat(...,
            // select (case ..., select 'abc'||(...
            self.hit(STATEMENT, 0, 2.min(n - 1));
        } else if self.kind(0) == Some(Tk::Kw(Kw::Select)) {
            if let Some(e) = self.select_list().or_else(|| self.having_test()) {
                self.hit(STATEMENT, 0, e);
            }
        }
    }

    /// `CREATE [OR REPLACE] FUNCTION f (...) RETURNS ...`, `CREATE PROCEDURE
    /// p() BEGIN`: a stored routine with its body, code for the server to
    /// keep and run. A mention ("create function hello") has no body.
    fn routine(&self) -> Option<usize> {
        if self.kind(0) != Some(Tk::Kw(Kw::Create)) {
            return None;
        }
        let n = self.toks().len();
        let mut x = 1;
        if self.kind(1) == Some(Tk::Kw(Kw::Or))
            && self
                .toks()
                .get(2)
                .is_some_and(|t| self.t.name_is(t, &[b"replace"]))
        {
            x = 3;
        }
        if !matches!(
            self.kind(x),
            Some(Tk::Kw(Kw::Function | Kw::Procedure | Kw::Trigger))
        ) || !matches!(self.kind(x + 1), Some(Tk::Word))
        {
            return None;
        }
        (x + 2..n.min(x + 48)).find(|&y| {
            self.kind(y) == Some(Tk::Word)
                && self.t.name_is(
                    &self.toks()[y],
                    &[b"begin", b"language", b"return", b"returns"],
                )
        })
    }

    /// `select 1,2,3,user(`, `select null, @@version`: a select list of
    /// literals and calls that runs to the end of the value (or to `from`),
    /// the column probe of a UNION. Prose lists ("Select 1, 2, 3") have
    /// spaces and plain numbers only.
    fn select_list(&self) -> Option<usize> {
        let n = self.toks().len();
        let mut i = 1;
        // Stray operators left by a comment marker (`select*/ 1`).
        while i < 3 && matches!(self.kind(i), Some(Tk::Op(Op::Arith))) {
            i += 1;
        }
        let (mut items, mut commas, mut glued, mut sql_item) = (0, 0, true, false);
        while i < n.min(64) {
            let t = self.toks()[i];
            match t.k {
                Tk::Num | Tk::Hex | Tk::Str { .. } => {}
                Tk::Kw(Kw::Null) | Tk::SysVar | Tk::Var => sql_item = true,
                Tk::Word | Tk::Kw(_) if t.call => {
                    sql_item = true;
                    i = self.close_paren(i + 1);
                }
                _ => return None,
            }
            items += 1;
            i += 1;
            match self.kind(i) {
                Some(Tk::Comma) => {
                    glued &= self.toks()[i].s == self.toks()[i - 1].e;
                    commas += 1;
                    i += 1;
                }
                None | Some(Tk::Kw(Kw::From)) => break,
                _ => return None,
            }
        }
        (items >= 3 && commas >= 2 && (glued || sql_item)).then_some(i.min(n - 1))
    }

    /// `select x group by y having count(id) >= 9`: a HAVING test with
    /// an aggregate call, before any FROM.
    fn having_test(&self) -> Option<usize> {
        let n = self.toks().len();
        let h = (1..n.min(24)).find(|&x| self.kind(x) == Some(Tk::Kw(Kw::Having)))?;
        let call = self.toks().get(h + 1).filter(|t| t.call)?;
        let name_ok = self
            .t
            .name_is(call, &[b"count", b"sum", b"avg", b"min", b"max"]);
        let close = self.close_paren(h + 2);
        (name_ok && matches!(self.kind(close + 1), Some(Tk::Op(Op::Eq | Op::Cmp))))
            .then_some(close + 1)
    }
}

/// Kinds of server object besides the keyword ones (`table`, `view`...)
/// that a statement creates, alters or drops.
const OBJECT_KINDS: &[&[u8]] = &[
    b"alias",
    b"assembly",
    b"domain",
    b"event",
    b"extension",
    b"role",
    b"sequence",
    b"server",
    b"synonym",
    b"type",
];

/// Whether a break's content ends with the word `as`, glued to the quote.
fn ends_with_as(c: &[u8]) -> bool {
    let n = c.len();
    n >= 3 && c[n - 2..].eq_ignore_ascii_case(b"as") && !is_word(c[n - 3])
}

/// Whether a word could name a catalogue table or a server procedure.
fn catalogue_like(w: &[u8]) -> bool {
    let starts = |p: &[u8]| w.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p));
    memchr::memchr(b'_', w).is_some() || starts(b"sys") || starts(b"msys") || starts(b"mysql")
}

/// Keywords that shape a query rather than name a value.
fn structural(k: Kw) -> bool {
    matches!(
        k,
        Kw::Select
            | Kw::Union
            | Kw::From
            | Kw::Where
            | Kw::Or
            | Kw::And
            | Kw::Xor
            | Kw::Not
            | Kw::Like
            | Kw::Is
            | Kw::In
            | Kw::Between
            | Kw::Having
            | Kw::Group
            | Kw::Order
            | Kw::By
            | Kw::Limit
            | Kw::Into
            | Kw::Values
            | Kw::Set
            | Kw::Sounds
            | Kw::Div
            | Kw::When
            | Kw::Join
    )
}

fn truthy(l: &[u8]) -> bool {
    if l.eq_ignore_ascii_case(b"true") {
        return true;
    }
    if l.eq_ignore_ascii_case(b"false") || l.eq_ignore_ascii_case(b"null") {
        return false;
    }
    match number(l) {
        Some(v) => v != 0.0,
        None => !l.is_empty() && l.first().is_some_and(|c| c.is_ascii_digit()),
    }
}

fn number(l: &[u8]) -> Option<f64> {
    if l.len() > 24 {
        return None;
    }
    std::str::from_utf8(l).ok()?.trim().parse::<f64>().ok()
}

fn same_literal(a: &[u8], b: &[u8]) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    matches!((number(a), number(b)), (Some(x), Some(y)) if x == y)
}

// ===== entry point =====

fn keywords() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            // A handful of short patterns: the full DFA is small, and it walks
            // a value faster than the NFA when no prefilter applies.
            .kind(Some(AhoCorasickKind::DFA))
            .build([
                "union",
                "select",
                "sleep",
                "benchmark",
                "waitfor",
                "information_schema",
                "outfile",
                "dumpfile",
                "xp_",
                "extractvalue",
                "updatexml",
                "sysobjects",
                "sqlite_",
                "pg_",
                "drop",
                "delete",
                "insert",
                "shutdown",
                "exec",
            ])
            .expect("static patterns build")
    })
}

/// Whether the bare context can produce anything: SQL punctuation, a value
/// starting like a number or a logical operator, or a SQL keyword. Prose with
/// only apostrophes and parentheses is not tokenized.
fn bare_needed(b: &[u8], kw: &mut Option<bool>) -> bool {
    let mut prev = 0u8;
    for &c in b {
        match c {
            b';' | b'#' | b'=' | b'<' | b'>' | b'(' | b')' | b'`' | b'_' => return true,
            b':' if prev == b':' => return true,
            b'-' | b'|' | b'&' | b'@' if prev == c => return true,
            b'*' if prev == b'/' => return true,
            _ => {}
        }
        prev = c;
    }
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let rest = &b[start..];
    if rest
        .first()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b')' | b'\'' | b'"'))
    {
        return true;
    }
    let word_len = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let first = &rest[..word_len];
    if [&b"or"[..], b"and", b"xor", b"from", b"declare"]
        .iter()
        .any(|k| first.eq_ignore_ascii_case(k))
        || (5..=17).contains(&word_len)
            && matches!(first[0] | 0x20, b'm' | b'o' | b's')
            && in_set(word_from(first, 0), WHOLE_NAMES)
    {
        return true;
    }
    has_keyword(b, kw)
}

/// Whether `b` holds a keyword of [`keywords`], searched at most once per
/// value for all its contexts.
fn has_keyword(b: &[u8], kw: &mut Option<bool>) -> bool {
    *kw.get_or_insert_with(|| keywords().is_match(b))
}

/// Whether breaking out at the first `q` leads anywhere: the next token must
/// not be a plain word ("O'Brien", "it's"), which is a syntax error in SQL.
fn quote_needed(b: &[u8], q: u8, kw: &mut Option<bool>) -> bool {
    let Some(p) = memchr::memchr(q, b) else {
        return false;
    };
    let mut j = p + 1;
    while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b')') {
        j += 1;
    }
    let Some(&c) = b.get(j) else {
        return false;
    };
    if !c.is_ascii_alphanumeric() {
        return true;
    }
    if c.is_ascii_digit() && p == 0 {
        // `"2562*23`: the value opens with the quote, then arithmetic.
        let k = j + b[j..]
            .iter()
            .take(24)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if b.get(k)
            .is_some_and(|c| matches!(c, b'*' | b'/' | b'+' | b'-' | b'%'))
        {
            return true;
        }
    }
    if c.is_ascii_digit() {
        // `5'10"`: a number right after the quote is not SQL either, but look
        // further for a later break.
        return memchr::memchr(q, &b[j..]).is_some() && has_keyword(b, kw);
    }
    let len = b[j..]
        .iter()
        .take(12)
        .take_while(|c| c.is_ascii_alphabetic() || **c == b'_')
        .count();
    let Some((buf, len)) = lower_name(&b[j..j + len]) else {
        return false;
    };
    matches!(
        &buf[..len],
        b"or"
            | b"and"
            | b"xor"
            | b"union"
            | b"select"
            | b"having"
            | b"order"
            | b"group"
            | b"limit"
            | b"procedure"
            | b"into"
            | b"like"
            | b"rlike"
            | b"regexp"
            | b"is"
            | b"in"
            | b"not"
            | b"div"
            | b"mod"
            | b"between"
            | b"sounds"
            | b"collate"
            | b"waitfor"
            | b"exec"
            | b"execute"
            | b"declare"
            | b"drop"
            | b"delete"
            | b"insert"
            | b"update"
            | b"shutdown"
            | b"where"
            | b"from"
            | b"glob"
            | b"match"
            | b"ilike"
            | b"as"
            | b"sleep"
            | b"benchmark"
            | b"alter"
            | b"create"
            | b"truncate"
            | b"notnull"
            | b"isnull"
            | b"similar"
            | b"outfile"
            | b"dumpfile"
    ) || has_keyword(b, kw)
}

thread_local! {
    /// Token and text buffers kept between scans: fresh ones grew by
    /// doubling on every scan that tokenized anything.
    static SCRATCH: std::cell::RefCell<(Vec<Tok>, String)> =
        const { std::cell::RefCell::new((Vec::new(), String::new())) };
}

/// Buffers that grew beyond these are dropped after the scan instead of
/// kept: one unusually large value does not pin its memory to the thread.
const KEEP_TOKS: usize = 4096;
const KEEP_TEXT: usize = 64 << 10;

/// Finds SQL injection in each NUL-separated value of `text`.
pub(crate) fn scan(text: &str, hits: &mut Vec<Hit>) {
    // Taken out of the thread's slot rather than borrowed in it, so nothing
    // is held across the scan; fresh buffers when the slot is gone.
    let (mut buf, mut scratch) = SCRATCH
        .try_with(|c| c.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    let first = hits.len();
    scan_with(text, hits, &mut buf, &mut scratch);
    split_keywords(text, hits);
    if hits.len() > first {
        drop_sql_fences(text, hits, first);
    }
    if hits.len() > first {
        shown_error_excerpts(text.as_bytes(), hits, first);
        keep_hostile_operators(text.as_bytes(), hits, first);
    }
    if hits.len() > first {
        whole_sql_values(text, hits, first);
    }
    if buf.capacity() > KEEP_TOKS {
        buf = Vec::new();
    }
    if scratch.capacity() > KEEP_TEXT {
        scratch = String::new();
    }
    let _ = SCRATCH.try_with(|c| {
        if let Ok(mut s) = c.try_borrow_mut() {
            *s = (buf, scratch);
        }
    });
}

/// Turns the hits from `first` on that lie inside the excerpt a database
/// quotes in a syntax error (`You have an error in your SQL syntax; ...
/// near 'ORDER BY title' at line 3`) into `sqli-whole-query` hits: pasted
/// into a ticket or a log (free text) the server is quoting a query, not a
/// value breaking out of one; as a parameter, where anyone can write that
/// message around a payload, they are still reported.
fn shown_error_excerpts(b: &[u8], hits: &mut [Hit], first: usize) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for p in memchr::memmem::find_iter(b, b" '").take(64) {
        let q = p + 1;
        let near = p >= 4 && b[p - 4..p].eq_ignore_ascii_case(b"near");
        let lo = p.saturating_sub(160);
        let syntax = near
            && b[lo..p]
                .windows(24)
                .any(|w| w.eq_ignore_ascii_case(b"error in your sql syntax"));
        if !syntax {
            continue;
        }
        let hi = b.len().min(q + 400);
        let close = memchr::memmem::rfind(&b[q + 1..hi], b"' at line ").map(|o| q + 1 + o);
        if let Some(c) = close {
            spans.push((q, c + 1));
        }
    }
    if spans.is_empty() {
        return;
    }
    for h in &mut hits[first..] {
        // A hit that ends inside the excerpt: the analysis reads its
        // opening quote as a break, so the hit may start anywhere before.
        if spans.iter().any(|&(s, e)| h.end > s && h.end <= e) {
            h.rule = &RULES[WHOLE_QUERY];
        }
    }
}

/// Keeps, of the query-operator hits from `first` on that are a whole value
/// of a JSON document (a key such as `$in`), those an injection needs: an
/// operator that runs code (`$where`, `$function`, `$accumulator`) or
/// matches patterns (`$regex`), or one under a credential or identity
/// field (`"password": {"$ne": null}`). Filter documents of a query API
/// (`{"status": {"$in": [...]}, "priority": {"$gte": 2}}`) put operators
/// under ordinary fields.
fn keep_hostile_operators(b: &[u8], hits: &mut Vec<Hit>, first: usize) {
    let mut k = 0;
    hits.retain(|h| {
        k += 1;
        if k <= first {
            return true;
        }
        let op_hit = std::ptr::eq(h.rule, &RULES[NOSQL]) && b[h.start] == b'$' && h.start > 0;
        // The field the operator applies to: the value before it when the
        // operator is a whole value (a key of an extracted document), or
        // the key before `{` in JSON read as text (`"price": {"$lt": 15}`).
        let key = if !op_hit {
            None
        } else if b[h.start - 1] == 0 && b.get(h.end).is_none_or(|&c| c == 0) {
            let end = h.start - 1;
            let start = memchr::memrchr(0, &b[..end]).map_or(0, |p| p + 1);
            Some(&b[start..end])
        } else if b[h.start - 1] == b'"' {
            let before = b[..h.start - 1].trim_ascii_end();
            before
                .strip_suffix(b"{")
                .map(<[u8]>::trim_ascii_end)
                .and_then(|x| x.strip_suffix(b":"))
                .map(<[u8]>::trim_ascii_end)
                .and_then(|x| x.strip_suffix(b"\""))
                .and_then(|x| {
                    let q = memchr::memrchr(b'"', x)?;
                    Some(&x[q + 1..])
                })
        } else {
            None
        };
        let Some(key) = key else {
            return true;
        };
        let op = b[h.start + 1..h.end].to_ascii_lowercase();
        let code = [&b"where"[..], b"function", b"accumulator", b"regex"]
            .iter()
            .any(|x| op == *x);
        let key = key.to_ascii_lowercase();
        let credential = [
            &b"pass"[..],
            b"pwd",
            b"token",
            b"secret",
            b"otp",
            b"pin",
            b"user",
            b"login",
            b"email",
            b"auth",
            b"session",
            b"apikey",
            b"api_key",
            b"admin",
            b"role",
            b"code",
            b"credential",
            b"key",
            b"hash",
            b"answer",
            b"account",
            b"phone",
            b"verif",
        ]
        .iter()
        .any(|w| memchr::memmem::find(&key, w).is_some());
        code || credential
    });
}

/// Info strings of a markdown code fence that declare its language SQL.
const SQL_FENCES: &[&[u8]] = &[
    b"sql",
    b"mysql",
    b"mariadb",
    b"postgresql",
    b"postgres",
    b"psql",
    b"pgsql",
    b"plpgsql",
    b"plsql",
    b"tsql",
    b"t-sql",
    b"mssql",
    b"sqlite",
    b"sqlite3",
    b"hive",
    b"hql",
    b"sparksql",
    b"bigquery",
    b"snowflake",
    b"oracle",
];

/// Removes the hits from `first` on that lie inside a markdown code fence
/// declared SQL (```` ```sql ````) whose content breaks out of nothing: a
/// query shown as SQL in documentation or a chat is SQL on purpose. What
/// still counts there is what an injection needs and documentation does
/// not: a quote left open (`' OR 1=1 --`), or calls that read files, run
/// commands or stall the server.
fn drop_sql_fences(text: &str, hits: &mut Vec<Hit>, first: usize) {
    let b = text.as_bytes();
    // Sorted and disjoint: each search starts after the last fence's end.
    let mut fences: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    while let Some(o) = memchr::memmem::find(&b[pos..], b"```") {
        let info_start = pos + o + 3;
        // An info string is a few words on the opener's line; bounding it
        // keeps a run of backticks without line breaks linear.
        let lim = (info_start + INFO_MAX).min(b.len());
        let Some(nl) = memchr::memchr2(b'\n', 0, &b[info_start..lim]) else {
            pos = info_start;
            continue;
        };
        let line_end = info_start + nl;
        if b[line_end] != b'\n' {
            pos = line_end + 1;
            continue;
        }
        let body = line_end + 1;
        // The fence ends at its closing backticks or at the segment's end,
        // whichever comes first.
        let (close, next) = match memchr::memmem::find(&b[body..], b"```") {
            Some(o) => match memchr::memchr(0, &b[body..body + o]) {
                Some(z) => (body + z, body + z + 1),
                None => (body + o, body + o + 3),
            },
            None => {
                let z = memchr::memchr(0, &b[body..]).map_or(b.len(), |z| body + z);
                (z, z.saturating_add(1).min(b.len()))
            }
        };
        let info = b[info_start..line_end].trim_ascii().to_ascii_lowercase();
        let lang = info
            .split(|c| c.is_ascii_whitespace() || *c == b'{' || *c == b',')
            .next()
            .unwrap_or(&[]);
        if SQL_FENCES.contains(&lang) && !hostile_sql(&b[body..close]) {
            fences.push((body, close));
        }
        if next >= b.len() || next <= pos {
            break;
        }
        pos = next;
    }
    // Jira and Confluence wiki markup: `{code:sql}` ... `{code}` (also
    // `{code:language=sql|title=...}`).
    let mut jira = Vec::new();
    let mut pos = 0;
    while let Some(o) = memchr::memmem::find(&b[pos..], b"{code:") {
        let info_start = pos + o + 6;
        let lim = (info_start + INFO_MAX).min(b.len());
        let Some(c) = memchr::memchr(b'}', &b[info_start..lim]) else {
            pos = info_start;
            continue;
        };
        let body = info_start + c + 1;
        let info = b[info_start..body - 1].to_ascii_lowercase();
        let lang = info.split(|&x| x == b'|').next().unwrap_or(&[]);
        let lang = lang.strip_prefix(b"language=").unwrap_or(lang);
        // Searched for inside the value only: a value of many openers and
        // no close is read once, not once per opener.
        let seg_end = memchr::memchr(0, &b[body..]).map_or(b.len(), |z| body + z);
        let close =
            memchr::memmem::find(&b[body..seg_end], b"{code}").map_or(seg_end, |e| body + e);
        if SQL_FENCES.contains(&lang.trim_ascii()) && !hostile_sql(&b[body..close]) {
            jira.push((body, close));
        }
        pos = close.max(body);
    }
    if !jira.is_empty() {
        fences.append(&mut jira);
        fences.sort_unstable();
    }
    if fences.is_empty() || first >= hits.len() {
        return;
    }
    let inside = |h: &Hit| {
        // The last fence starting at or before the hit is the only one
        // that can hold it.
        let k = fences.partition_point(|&(fs, _)| fs <= h.start);
        k > 0 && h.end <= fences[k - 1].1
    };
    let mut tail = hits.split_off(first);
    tail.retain(|h| !inside(h));
    hits.append(&mut tail);
}

/// Statement keywords that open SQL written out as a whole value. `DROP`,
/// `TRUNCATE`, `EXEC` and `DECLARE` are left out: alone, they are more
/// often a payload than a query someone shows.
const STATEMENT_OPENERS: &[&[u8]] = &[
    b"select",
    b"insert",
    b"update",
    b"delete",
    b"with",
    b"explain",
    b"begin",
    b"start",
    b"merge",
    b"show",
    b"describe",
    b"pragma",
];

/// Statements that follow a `;` in a written-out script (`BEGIN; UPDATE
/// ...; COMMIT;`); a destructive or administrative one does not count.
const SCRIPT_STATEMENTS: &[&[u8]] = &[
    b"select",
    b"insert",
    b"update",
    b"delete",
    b"with",
    b"commit",
    b"rollback",
    b"begin",
    b"end",
    b"savepoint",
    b"release",
    b"analyze",
    b"explain",
];

/// Whether the value `v` reads as SQL written out whole: it opens, after
/// blanks and `--` or `/* */` comments, with a statement keyword and a
/// blank, its parentheses balance, and a `SELECT` reads from something.
fn written_sql(v: &[u8]) -> bool {
    let mut depth = 0i32;
    for &c in v {
        match c {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    if depth != 0 {
        return false;
    }
    let Some(at) = opens_with_statement(v) else {
        return false;
    };
    // A comment after the statement starts is how a query is cut short
    // (`DELETE FROM users;--`), not how one is shown.
    let body = &v[at..];
    if memchr::memmem::find(body, b"--").is_some()
        || memchr::memmem::find(body, b"/*").is_some()
        || memchr::memchr(b'#', body).is_some()
    {
        return false;
    }
    !body[..6.min(body.len())].eq_ignore_ascii_case(b"select")
        || memchr::memmem::find(&body.to_ascii_lowercase(), b" from ").is_some()
}

/// Where the statement keyword that opens the value `v` starts, after
/// blanks and `--` or `/* */` comments, when one does (followed by a blank).
fn opens_with_statement(v: &[u8]) -> Option<usize> {
    let mut i = 0;
    loop {
        while i < v.len() && v[i].is_ascii_whitespace() {
            i += 1;
        }
        if v[i..].starts_with(b"--") {
            match memchr::memchr(b'\n', &v[i..]) {
                Some(o) => i += o + 1,
                None => return None,
            }
        } else if v[i..].starts_with(b"/*") {
            match memchr::memmem::find(&v[i + 2..], b"*/") {
                Some(o) => i += o + 4,
                None => return None,
            }
        } else if let Some(close) = [(&b"{{"[..], &b"}}"[..]), (b"{%", b"%}"), (b"{#", b"#}")]
            .iter()
            .find(|(o, _)| v[i..].starts_with(o))
            .map(|(_, c)| c)
        {
            // A template's tags before the query (`{{ config(...) }}` in a
            // dbt model, `{% set x = ... %}`).
            match memchr::memmem::find(&v[i + 2..], close) {
                Some(o) => i += o + 4,
                None => return None,
            }
        } else {
            break;
        }
    }
    let w = v[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    (w > 0
        && v.get(i + w)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b';')
        && STATEMENT_OPENERS
            .iter()
            .any(|k| v[i..i + w].eq_ignore_ascii_case(k)))
    .then_some(i)
}

/// Turns the hits from `first` on that lie in a value which is SQL written
/// out whole (`DELETE FROM t WHERE id IN (SELECT ...)`, `BEGIN; UPDATE ...;
/// COMMIT;`) into one `sqli-whole-query` hit over them: a query being
/// supplied, not a value broken out of, which the engine reports for
/// parameters and drops in free text. Values that hold what an injection
/// needs and a query shown does not (a quote left open, calls that read
/// files, run commands or stall the server) keep their hits. One plain
/// `SELECT` with bind placeholders (`WHERE id = $1`) is a prepared
/// statement's text, as logs and traces print it, and reports nothing; so
/// does SQL written out in prose ([`embedded_sql`]) become one
/// `sqli-whole-query` hit.
fn whole_sql_values(text: &str, hits: &mut Vec<Hit>, first: usize) {
    let b = text.as_bytes();
    let mut tail = hits.split_off(first);
    tail.sort_by_key(|h| h.start);
    let mut out: Vec<Hit> = Vec::with_capacity(tail.len());
    let mut k = 0;
    while k < tail.len() {
        let at = tail[k].start;
        let vs = memchr::memrchr(0, &b[..at]).map_or(0, |p| p + 1);
        let ve = memchr::memchr(0, &b[at..]).map_or(b.len(), |p| at + p);
        let mut j = k;
        let mut end = tail[k].end;
        while j < tail.len() && tail[j].start < ve {
            end = end.max(tail[j].end);
            j += 1;
        }
        j = j.max(k + 1);
        let v = &b[vs..ve];
        // Only what ordinary queries hold: a sub-select, a catalogue, a
        // filtered statement, the next statement of a script. An
        // always-true condition, a UNION, a comment cutting the query short
        // or a call that leaks data keeps its own rule.
        let ordinary = |h: &Hit| {
            let r = h.rule.id;
            r == RULES[SUBQUERY].id
                || (r == RULES[SCHEMA].id && !credential_store(&b[h.start..h.end.min(ve)]))
                || r == RULES[STATEMENT].id
                || r == RULES[WHOLE_QUERY].id
                || r == RULES[BARE].id
                || (r == RULES[STACKED].id && script_statement(&b[h.start.min(ve)..ve]))
        };
        // In prose, a statement or sub-select written out whole around the
        // hits ("I wrote SELECT ... WHERE x < (SELECT ...); would you
        // ...", "EXISTS (SELECT 1 FROM t WHERE ...) beat IN").
        let embedded = || {
            tail[k..j].iter().all(|h| {
                h.rule.id == RULES[SUBQUERY].id
                    || h.rule.id == RULES[STATEMENT].id
                    || h.rule.id == RULES[STACKED].id
            }) && embedded_sql(v, tail[k].start - vs, end.min(ve) - vs)
        };
        if tail[k..j].iter().all(ordinary) && written_sql(v) && !hostile_sql(v) || embedded() {
            // A bare statement stays low; the rest becomes one hit.
            let (low, rest): (Vec<Hit>, Vec<Hit>) =
                tail[k..j].iter().partition(|h| h.rule.id == RULES[BARE].id);
            out.extend(low);
            // A query with bind placeholders (`= $1`, `= ?`, `= :id`, `%s`)
            // is a prepared statement's text, as logs and traces print it:
            // nothing is supplied in it.
            // Only one plain SELECT: a write or a sub-select with a
            // placeholder added is still a query being supplied.
            let bound = {
                let lower = v.trim_ascii().to_ascii_lowercase();
                let one = lower.strip_suffix(b";").unwrap_or(&lower);
                one.starts_with(b"select")
                    && memchr::memchr(b';', one).is_none()
                    && memchr::memmem::find_iter(one, b"select").count() == 1
                    && bind_placeholders(v)
            };
            // A database tool's own query argument in an agent's tool call
            // (`{"name": "run_sql", "arguments": {"query": "SELECT ..."}}`).
            let tool = super::tool_argument(b, vs, super::ToolField::Sql);
            if let (Some(s), Some(e), false) = (
                rest.iter().map(|h| h.start).min(),
                rest.iter().map(|h| h.end).max(),
                bound || tool,
            ) {
                out.push(Hit {
                    rule: &RULES[WHOLE_QUERY],
                    start: s,
                    end: e.min(ve),
                });
            }
        } else {
            out.extend_from_slice(&tail[k..j]);
        }
        k = j;
    }
    hits.append(&mut out);
}

/// Whether the SQL `v` holds a bind placeholder where a value goes: `$1`,
/// `?`, `:name` or `%s` / `%(name)s` after an operator, a parenthesis or a
/// comma.
fn bind_placeholders(v: &[u8]) -> bool {
    // Only the placeholder bytes are looked at, each back over the blanks
    // before it: linear however long the runs of blanks.
    v.iter().enumerate().any(|(i, &c)| {
        if !matches!(c, b'$' | b'?' | b':' | b'%') {
            return false;
        }
        let rest = &v[i..];
        let after = |n: usize| {
            rest.get(n)
                .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'_')
        };
        let shaped = match c {
            b'$' => rest.get(1).is_some_and(u8::is_ascii_digit),
            b'?' => after(1),
            b':' => rest
                .get(1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_'),
            _ => rest.get(1) == Some(&b's') && after(2) || rest.get(1) == Some(&b'('),
        };
        if !shaped {
            return false;
        }
        let t = v[..i].trim_ascii_end();
        matches!(t.last(), Some(b'=' | b'<' | b'>' | b'(' | b','))
            || [&b" in"[..], b" like", b" limit", b" offset"]
                .iter()
                .any(|k| t.len() >= k.len() && t[t.len() - k.len()..].eq_ignore_ascii_case(k))
    })
}

/// Whether `v[s..e]` (hits of a value) lies inside SQL written out whole in
/// prose: a statement that opens after a word of prose or a colon and runs,
/// its parentheses balanced, to a `;`, a line end or the value's end; or a
/// sub-select in parentheses after an operator that follows a word of
/// prose (not a keyword, quote or number of an injection). The SQL must be
/// what a query shown holds: no comment, no quote left open, nothing from
/// [`hostile_sql`], a `FROM`.
fn embedded_sql(v: &[u8], s: usize, e: usize) -> bool {
    const OPENERS: &[&[u8]] = &[
        b"select", b"with", b"update", b"delete", b"insert", b"drop", b"grant", b"revoke",
        b"alter", b"create",
    ];
    let opener_at = |at: usize| {
        let w = v[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        v.get(at + w).is_some_and(|c| c.is_ascii_whitespace())
            && OPENERS
                .iter()
                .any(|k| v[at..at + w].eq_ignore_ascii_case(k))
    };
    let shown = |code: &[u8]| {
        let lower = code.to_ascii_lowercase();
        !hostile_sql(code)
            && memchr::memmem::find(code, b"--").is_none()
            && memchr::memmem::find(code, b"/*").is_none()
            && memchr::memchr(b'#', code).is_none()
            && (memchr::memmem::find(&lower, b"from ").is_some()
                || !lower.trim_ascii_start().starts_with(b"select"))
            // What a script shows and an injection would do: UPDATE and
            // DELETE only with a WHERE, DROP only IF EXISTS.
            && lower.split(|&c| c == b';').all(|stmt| {
                let stmt = stmt.trim_ascii_start();
                let has = |w: &[u8]| memchr::memmem::find(stmt, w).is_some();
                if stmt.starts_with(b"update") || stmt.starts_with(b"delete") {
                    // `WHERE 1=1` filters nothing: the table is emptied.
                    memchr::memmem::find(stmt, b" where ").is_some_and(|w| {
                        let cond: Vec<u8> = stmt[w + 7..]
                            .iter()
                            .copied()
                            .filter(|c| !c.is_ascii_whitespace())
                            .collect();
                        let cond = cond.strip_suffix(b";").unwrap_or(&cond);
                        !(cond == b"true"
                            || cond == b"1"
                            || cond
                                .iter()
                                .position(|&c| c == b'=')
                                .is_some_and(|q| q > 0 && cond[..q] == cond[q + 1..]))
                    })
                } else if stmt.starts_with(b"drop") {
                    has(b" if exists ")
                } else {
                    true
                }
            })
    };
    // The end of balanced SQL from `at`: a `;` (kept) or line end at depth
    // zero that no further statement follows, or the value's end; `None`
    // when a parenthesis closes one that was never opened or stays open.
    let sql_end = |at: usize| {
        let mut depth = 0i32;
        let mut i = at;
        while i < v.len() {
            let c = v[i];
            match c {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth < 0 {
                        return None;
                    }
                }
                b';' | b'\n' if depth == 0 => {
                    let next = i
                        + 1
                        + v[i + 1..]
                            .iter()
                            .take_while(|c| c.is_ascii_whitespace())
                            .count();
                    if next < v.len() && opener_at(next) {
                        // Past the blanks already read: each is read once.
                        i = next;
                        continue;
                    }
                    return Some(if c == b';' { i + 1 } else { i });
                }
                _ => {}
            }
            i += 1;
        }
        (depth == 0).then_some(v.len())
    };
    let prose_word = |w: &[u8]| {
        w.len() >= 2
            && w.iter().all(u8::is_ascii_alphabetic)
            && !PROSE_BREAKERS.iter().any(|k| w.eq_ignore_ascii_case(k))
    };
    // Where the word that ends right before `at` (blanks skipped) starts.
    let word_start = |at: usize| {
        let end = v[..at].trim_ascii_end().len();
        let start = v[..end]
            .iter()
            .rposition(|c| !c.is_ascii_alphanumeric() && *c != b'_')
            .map_or(0, |p| p + 1);
        (start, end)
    };
    let word_before = |at: usize| {
        let (start, end) = word_start(at);
        &v[start..end]
    };
    // A statement opener before the hits, within a sentence's reach.
    let from = s.saturating_sub(512);
    let mut at = s;
    while at > from {
        at -= 1;
        if at > 0 && (v[at - 1].is_ascii_alphanumeric() || v[at - 1] == b'_') {
            continue;
        }
        if !opener_at(at) {
            continue;
        }
        let before = v[..at].trim_ascii_end();
        let after_prose = before.is_empty()
            || before.ends_with(b":")
            || prose_word(word_before(at)) && before.last().is_some_and(u8::is_ascii_alphabetic);
        // `...; --` right after the statement: the rest of the query the
        // statement was appended to is commented out.
        let cut_after = |x: usize| {
            let rest = v[x..].trim_ascii_start();
            let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
            line.starts_with(b"--") || line.starts_with(b"#") || line.starts_with(b"/*")
        };
        if after_prose && sql_end(at).is_some_and(|x| x >= e && shown(&v[at..x]) && !cut_after(x)) {
            return true;
        }
        break;
    }
    // A sub-select after an operator that follows prose.
    let op_end = s + v[s..e.min(v.len())]
        .iter()
        .position(|&c| c == b'(')
        .unwrap_or(0);
    // `NOT EXISTS (...)`: the word before the negation.
    // The word must stand apart (`MID((SELECT` is a call).
    let apart = |we: usize, at: usize| at > we && v[we..at].iter().all(u8::is_ascii_whitespace);
    let (mut ws, mut we) = word_start(s);
    if !apart(we, s) {
        return false;
    }
    if v[ws..we].eq_ignore_ascii_case(b"not") {
        let not = ws;
        (ws, we) = word_start(not);
        if !apart(we, not) {
            return false;
        }
    }
    let w = &v[ws..we];
    if v.get(op_end) != Some(&b'(') || !prose_word(w) {
        return false;
    }
    let mut depth = 0i32;
    for (i, &c) in v.iter().enumerate().skip(op_end) {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return shown(&v[op_end..=i]);
                }
            }
            _ => {}
        }
    }
    false
}

/// Words that, right before a statement or an operator, make it part of a
/// condition or a query rather than of prose.
const PROSE_BREAKERS: &[&[u8]] = &[
    b"and", b"or", b"not", b"where", b"having", b"on", b"when", b"then", b"else", b"select",
    b"union", b"by", b"like", b"in", b"is", b"as", b"xor", b"div", b"mod", b"set", b"values",
    b"into", b"from", b"exists", b"case", b"if", b"return", b"returns",
];

/// Whether the statement after the `;` that opens `rest` (a stacked-query
/// hit to the value's end) continues a script with an ordinary statement:
/// `UPDATE` and `DELETE` only with a `WHERE` before the next `;`.
fn script_statement(rest: &[u8]) -> bool {
    let Some(r) = rest.strip_prefix(b";") else {
        return false;
    };
    let r = r.trim_ascii_start();
    let stmt = &r[..memchr::memchr(b';', r).unwrap_or(r.len())];
    let w = stmt.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let kw = &stmt[..w];
    if kw.eq_ignore_ascii_case(b"update") || kw.eq_ignore_ascii_case(b"delete") {
        return memchr::memmem::find(&stmt.to_ascii_lowercase(), b" where ").is_some();
    }
    w > 0 && SCRIPT_STATEMENTS.iter().any(|k| kw.eq_ignore_ascii_case(k))
}

/// Whether a catalogue hit names where accounts and password hashes are
/// kept (`mysql.user`, `pg_shadow`): reading it is no query shown.
fn credential_store(h: &[u8]) -> bool {
    let l = h.to_ascii_lowercase();
    [
        &b"mysql.user"[..],
        b"pg_shadow",
        b"pg_authid",
        b"sql_logins",
        b"sysxlogins",
        b"dba_users",
        b"msysaccessobjects",
    ]
    .iter()
    .any(|w| memchr::memmem::find(&l, w).is_some())
}

/// Longest info string read after a fence's backticks (```` ```sql ````).
const INFO_MAX: usize = 64;

/// Whether SQL shown in a fence holds what an injection needs: a quote
/// left open, or a call that reads or writes files, runs a command or
/// stalls the server.
fn hostile_sql(code: &[u8]) -> bool {
    let mut single = 0usize;
    let mut double = 0usize;
    let mut i = 0;
    while i < code.len() {
        match code[i] {
            b'\\' => i += 1,
            b'\'' if code.get(i + 1) == Some(&b'\'') => i += 1,
            b'\'' => single += 1,
            b'"' => double += 1,
            _ => {}
        }
        i += 1;
    }
    if single % 2 == 1 || double % 2 == 1 {
        return true;
    }
    let lower = code.to_ascii_lowercase();
    [
        &b"xp_cmdshell"[..],
        b"load_file",
        b"outfile",
        b"dumpfile",
        b"sleep(",
        b"benchmark(",
        b"waitfor",
        b"pg_read_file",
        b"copy_from_program",
        b"from program",
        b"utl_http",
        b"dbms_pipe",
    ]
    .iter()
    .any(|w| memchr::memmem::find(&lower, w).is_some())
}

/// Keywords that a filter looks for and an attacker splits.
const SPLIT_KEYWORDS: &[&[u8]] = &[
    b"select",
    b"union",
    b"insert",
    b"update",
    b"delete",
    b"drop",
    b"exec",
    b"declare",
    b"shutdown",
    b"truncate",
    b"alter",
    b"create",
    b"waitfor",
    b"sleep",
    b"benchmark",
    b"information_schema",
    b"xp_cmdshell",
    b"sysobjects",
];

/// `EXEC('SEL' + 'ECT * FROM t')`, `'UNI'||'ON SELECT'`: string literals
/// joined with `+` or `||` whose joined text holds a keyword that no single
/// literal holds whole. Linear: each join is looked at once, a chain is
/// followed forward only from its first join, and literals longer than 64
/// bytes end the chain.
fn split_keywords(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    const LIT: usize = 64;
    // The literal that ends just before `at` (at is one past its closing
    // quote): (start of the opening quote, content range).
    let lit_before = |at: usize| -> Option<(usize, usize, usize)> {
        let q = *b.get(at.checked_sub(1)?)?;
        if !matches!(q, b'\'' | b'"') {
            return None;
        }
        let from = at.saturating_sub(LIT + 2);
        let open = memchr::memrchr(q, &b[from..at - 1])? + from;
        Some((open, open + 1, at - 1))
    };
    let lit_after = |at: usize| -> Option<(usize, usize)> {
        let q = *b.get(at)?;
        if !matches!(q, b'\'' | b'"') {
            return None;
        }
        let to = (at + 1 + LIT + 1).min(b.len());
        let close = memchr::memchr(q, &b[at + 1..to])? + at + 1;
        Some((at + 1, close))
    };
    // A join after `at`: spaces, `+` or `||`, spaces; where the next literal starts.
    let join = |at: usize| -> Option<usize> {
        let mut k = at;
        while b.get(k) == Some(&b' ') && k < at + 4 {
            k += 1;
        }
        k += match (b.get(k), b.get(k + 1)) {
            (Some(b'+'), _) => 1,
            (Some(b'|'), Some(b'|')) => 2,
            _ => return None,
        };
        let lim = k + 4;
        while b.get(k) == Some(&b' ') && k < lim {
            k += 1;
        }
        Some(k)
    };
    let mut joined = Vec::with_capacity(4 * LIT);
    let mut bounds: Vec<usize> = Vec::new();
    let mut done = 0;
    for op in memchr::memchr2_iter(b'+', b'|', b) {
        if op < done {
            continue;
        }
        let mut end = op;
        while end > 0 && b[end - 1] == b' ' && op - end < 4 {
            end -= 1;
        }
        let Some((start, cs, ce)) = lit_before(end) else {
            continue;
        };
        joined.clear();
        bounds.clear();
        joined.extend(b[cs..ce].iter().map(u8::to_ascii_lowercase));
        let mut last = ce + 1;
        let mut parts = 1;
        while let Some(next) = join(last) {
            let Some((ns, ne)) = lit_after(next) else {
                break;
            };
            bounds.push(joined.len());
            joined.extend(b[ns..ne].iter().map(u8::to_ascii_lowercase));
            last = ne + 1;
            parts += 1;
            if parts >= 16 {
                break;
            }
        }
        done = last;
        if parts < 2 {
            continue;
        }
        let straddles = SPLIT_KEYWORDS.iter().any(|kw| {
            memchr::memmem::find_iter(&joined, kw).any(|p| {
                bounds.iter().any(|&cut| p < cut && cut < p + kw.len())
                    // A whole word, not `reselect` or `selection`.
                    && (p == 0 || !joined[p - 1].is_ascii_alphabetic())
                    && joined.get(p + kw.len()).is_none_or(|c| !c.is_ascii_alphabetic())
            })
        });
        if straddles {
            hits.push(Hit {
                rule: &RULES[SPLIT_KEYWORD],
                start,
                end: last,
            });
        }
    }
}

/// [`scan`] with the token and text buffers to use (their contents do not
/// matter: every use clears them first).
fn scan_with(text: &str, hits: &mut Vec<Hit>, buf: &mut Vec<Tok>, scratch: &mut String) {
    let b = text.as_bytes();
    let mut done = 0;
    let mut value = Value::default();
    let first_hit = hits.len();
    let mut windowed = false;
    let mut region: Option<Region> = None;
    // The first value has no NUL before it to mark its start.
    let at = |j: usize| b.get(j).copied().unwrap_or(0);
    let starts_marked = starts_value(at(0), at(1), at(2));
    let first = starts_marked.then_some(usize::MAX);
    for m in first.into_iter().chain(Marks::new(b)) {
        // A NUL is marked for the value after it (`\0` then a digit or `fro`).
        let (p, at_start) = match m {
            usize::MAX => (0, true),
            m if b[m] == 0 => (m + 1, true),
            m => (m, false),
        };
        if p < done {
            continue;
        }
        if p >= b.len() {
            break;
        }
        if !value.holds(p) {
            value = Value::new(p);
        }
        let pass = if at_start {
            start_gate(b, p)
        } else {
            gate_at(b, p, &mut value)
        };
        if !pass {
            continue;
        }
        let (s, e) = value.bounds(b);
        if region.is_some_and(|r| r.value != (s, e)) {
            flush(text, &mut region, hits, buf, scratch);
        }
        if e - s <= LONG {
            done = e + 1;
            // Bounds sit next to NULs or at the ends: char boundaries.
            if let Some(seg) = text.get(s..e) {
                if seg.len() >= 2 {
                    scan_value(seg, s, (true, true), hits, buf);
                }
            }
            continue;
        }
        // A long value: only the neighbourhood of this mark. Neighbourhoods
        // that touch merge into one region, analysed once (regions never
        // overlap, so they cost at most the value's length); a quote also
        // gets a short window of its own in which it is the break, until
        // those have cost the value's length too: time stays linear.
        windowed = true;
        done = p + 1;
        // Constant work per mark while regions merge: the region's end is
        // moved to a word boundary only when it is analysed.
        let hi = (p + AHEAD).min(e);
        match &mut region {
            Some(r) if p.saturating_sub(BACK) <= r.end => {
                r.end = r.end.max(hi);
                r.last = p;
            }
            _ => {
                flush(text, &mut region, hits, buf, scratch);
                let ws = window_start(text, s, p, BACK);
                region = Some(Region {
                    value: (s, e),
                    start: ws,
                    end: hi,
                    last: p,
                });
            }
        }
        if matches!(b[p], b'\'' | b'"' | b'`' | 0xE2 | 0xCA | 0xCB) && value.spent <= e - s {
            let (qs, qe) = window(text, s, e, p, 64, 160);
            value.spent += qe - qs;
            scan_window(text, (s, e), (qs, qe), hits, buf, scratch);
        }
    }
    flush(text, &mut region, hits, buf, scratch);
    if windowed {
        // Overlapping windows report the same span more than once.
        let found = &mut hits[first_hit..];
        found.sort_by_key(|h| (h.start, h.end, h.rule.id));
        let mut keep = first_hit;
        for k in first_hit..hits.len() {
            let dup = keep > first_hit && {
                let (a, b) = (&hits[keep - 1], &hits[k]);
                a.start == b.start && a.end == b.end && a.rule.id == b.rule.id
            };
            if !dup {
                hits.swap(keep, k);
                keep += 1;
            }
        }
        hits.truncate(keep);
    }
}

/// Values longer than this are analysed in windows around their passing
/// marks rather than whole.
const LONG: usize = 4096;
/// How far a window reaches back from its mark, and ahead of it.
const BACK: usize = 160;
const AHEAD: usize = 480;

/// Part of a long value (`value`) to analyse: `start..end`, where `end`
/// is still to be moved back to a word boundary after `last`, the last
/// mark in it.
#[derive(Clone, Copy)]
struct Region {
    value: (usize, usize),
    start: usize,
    end: usize,
    last: usize,
}

/// Analyses the pending region, if any.
fn flush(
    text: &str,
    region: &mut Option<Region>,
    hits: &mut Vec<Hit>,
    buf: &mut Vec<Tok>,
    scratch: &mut String,
) {
    if let Some(r) = region.take() {
        let end = window_end(text, r.value.1, r.last, r.end);
        scan_window(text, r.value, (r.start, end), hits, buf, scratch);
    }
}

/// The window around mark `p` of the value `s..e`, reaching `back` before
/// and `ahead` after it, on word and char boundaries.
fn window(text: &str, s: usize, e: usize, p: usize, back: usize, ahead: usize) -> (usize, usize) {
    let ws = window_start(text, s, p, back);
    (ws, window_end(text, e, p, (p + ahead).min(e)).max(ws))
}

/// Where a window for mark `p` of a value starting at `s` starts: on a
/// word boundary at most `back` bytes earlier (for a quote, at the start
/// of the word that holds it, so that the quote is the window's break),
/// on a char boundary.
fn window_start(text: &str, s: usize, p: usize, back: usize) -> usize {
    let b = text.as_bytes();
    let quote = matches!(b[p], b'\'' | b'"' | b'`' | 0xE2 | 0xCA | 0xCB);
    let lo = p.saturating_sub(back).max(s);
    let mut ws = if lo == s {
        s
    } else {
        let gap = &b[lo..p];
        let space = if quote {
            gap.iter().rposition(u8::is_ascii_whitespace)
        } else {
            gap.iter().position(u8::is_ascii_whitespace)
        };
        space.map_or(lo, |o| lo + o + 1)
    };
    while !text.is_char_boundary(ws) {
        ws += 1;
    }
    ws
}

/// Where a window that reaches `hi` in a value ending at `e` ends: the
/// value's end, or the last word boundary after `from`, on a char boundary.
fn window_end(text: &str, e: usize, from: usize, hi: usize) -> usize {
    let b = text.as_bytes();
    let mut we = if hi >= e {
        e
    } else {
        b[from..hi]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(hi, |o| from + o)
    };
    while !text.is_char_boundary(we) {
        we -= 1;
    }
    we
}

/// Analyses the window `ws..we` of the long value `s..e`. A window that
/// starts inside the value skips the rules about a value's opening; one cut
/// short of the value's end is analysed with a word after it, so that no
/// rule takes the cut for the value's end.
fn scan_window(
    text: &str,
    (s, e): (usize, usize),
    (ws, we): (usize, usize),
    hits: &mut Vec<Hit>,
    buf: &mut Vec<Tok>,
    scratch: &mut String,
) {
    let (anchored, closed) = (ws == s, we == e);
    let Some(seg) = text.get(ws..we) else {
        return;
    };
    if closed {
        scan_value(seg, ws, (anchored, true), hits, buf);
        return;
    }
    scratch.clear();
    scratch.push_str(seg);
    scratch.push_str(" x");
    let first = hits.len();
    scan_value(scratch, 0, (anchored, false), hits, buf);
    let len = seg.len();
    for h in &mut hits[first..] {
        h.start = ws + h.start.min(len);
        h.end = ws + h.end.min(len);
    }
}

/// Whether `b` is nothing but whitespace-separated HTML or XML attributes
/// (`name`, `name=value`, `name="value"`, `name='value'`): what follows the
/// closing quote of an attribute value in a well-formed tag.
fn attributes_follow(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let ws = b[i..]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        if ws == 0 {
            return false;
        }
        i += ws;
        let name = b[i..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'))
            .count();
        if name == 0 || !b[i].is_ascii_alphabetic() && !matches!(b[i], b'_' | b':') {
            return false;
        }
        i += name;
        if b.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => match memchr::memchr(q, &b[i + 1..]) {
                Some(o) => i += o + 2,
                None => return false,
            },
            Some(_) => {
                let v = b[i..]
                    .iter()
                    .take_while(|&&c| {
                        !c.is_ascii_whitespace() && !matches!(c, b'"' | b'\'' | b'<' | b'>' | b'=')
                    })
                    .count();
                if v == 0 {
                    return false;
                }
                i += v;
            }
            None => return false,
        }
    }
    true
}

/// Tokenizes one value in each context that can produce a finding, then the
/// values nested in it: the right-hand sides of `name=value` pairs (a form
/// body read as text) and the last step of a path.
///
/// `(anchored, closes)`: `seg` starts where its value does, and ends where
/// it does; a window from the middle of a long value does neither, and
/// skips what only holds at a value's start or end.
fn scan_value(
    seg: &str,
    base: usize,
    (anchored, closes): (bool, bool),
    hits: &mut Vec<Hit>,
    buf: &mut Vec<Tok>,
) {
    scan_one(seg, base, (anchored, closes), hits, buf);
    nosql(seg.as_bytes(), base, hits);
    let b = seg.as_bytes();
    let mut nested = 0;
    // A window from the middle of a value starts inside some piece.
    let mut at = if anchored {
        0
    } else {
        memchr::memchr(b'&', b).map_or(b.len(), |o| o + 1)
    };
    // `name=value&name=value`: names are identifier-like, with brackets.
    let name_at = |from: usize, to: usize| {
        b[from..to]
            .iter()
            .take_while(|c| {
                c.is_ascii_alphanumeric()
                    || matches!(c, b'_' | b'[' | b']' | b'.' | b'-' | b'@' | b'$')
            })
            .count()
    };
    while at < b.len() && nested < 8 {
        let piece_end = memchr::memchr(b'&', &b[at..]).map_or(b.len(), |o| at + o);
        // `GET /api/items?id=5 AND 1=2&sort=asc`: a request line read as
        // text; its query string starts after the `?`. Such a value is
        // read only up to its `&` (a link in prose, `?id=1#c4`, is no
        // value that runs on to the end).
        let mut in_query = false;
        if name_at(at, piece_end) == 0 || b.get(at + name_at(at, piece_end)) != Some(&b'=') {
            if let Some(q) = memchr::memchr(b'?', &b[at..piece_end]) {
                at += q + 1;
                in_query = true;
            }
        }
        let name_len = name_at(at, piece_end);
        let eq = at + name_len;
        if name_len > 0 && b.get(eq) == Some(&b'=') {
            // The value may also end at the `&` before the next
            // `name=`: a false condition (`5 AND 1=2`) is one only where
            // the value ends, and `2&sort` reads as arithmetic.
            let next = piece_end + 1;
            let next_name = if next < b.len() {
                name_at(next, b.len())
            } else {
                0
            };
            if next_name > 0
                && b.get(next + next_name) == Some(&b'=')
                && nested < 8
                && let Some(sub) = seg.get(eq + 1..piece_end).filter(|x| x.len() >= 2)
            {
                nested += 1;
                scan_one(sub, base + eq + 1, (true, true), hits, buf);
            }
            let v = eq + 1;
            if in_query {
                at = piece_end + 1;
                continue;
            }
            // The value runs to the end: an `&` may belong to it (within
            // reason: a long text is not one form field).
            let end = if b.len() - v > LONG {
                (v + LONG..b.len())
                    .find(|&x| seg.is_char_boundary(x))
                    .unwrap_or(b.len())
            } else {
                b.len()
            };
            if let Some(sub) = seg.get(v..end).filter(|x| x.len() >= 2) {
                nested += 1;
                scan_one(sub, base + v, (true, true), hits, buf);
            }
        }
        at = piece_end + 1;
    }
    // `probe="value"`: attribute values of XML or HTML read as text.
    for p in memchr::memmem::find_iter(b, b"=\"").take(8) {
        let v = p + 2;
        let e = memchr::memchr(b'"', &b[v..]).map_or(b.len(), |o| v + o);
        if p > 0 && is_word(b[p - 1]) {
            if let Some(sub) = seg.get(v..e).filter(|x| x.len() >= 2) {
                scan_one(sub, base + v, (true, true), hits, buf);
            }
            // A quote decoded from `&quot;` inside the value ends it early:
            // also the value up to the last quote before the tag closes.
            // Not when the quote ends the value of a well-formed tag
            // (`width="100%" cellpadding="0"`).
            let gt = memchr::memchr(b'>', &b[v..]).map_or(b.len(), |o| v + o);
            let last = memchr::memrchr(b'"', &b[v..gt]).map(|o| v + o);
            if let Some(e2) = last.filter(|&x| x > e && !attributes_follow(&b[e + 1..=x])) {
                if let Some(sub) = seg.get(v..e2) {
                    scan_one(sub, base + v, (true, true), hits, buf);
                }
            }
        }
    }
    // `<id>5 OR 1=1</id>`: the text of each XML element (a SOAP or XML
    // body read as one value) is a value of its own.
    if b.trim_ascii_start().first() == Some(&b'<') {
        let mut from = 0;
        let mut texts = 0;
        while texts < 8 {
            let Some(o) = memchr::memmem::find(&b[from..], b"</") else {
                break;
            };
            let close = from + o;
            if let Some(v) = memchr::memrchr(b'>', &b[from..close]).map(|g| from + g + 1) {
                let text = &b[v..close];
                if text.trim_ascii().len() >= 2 && memchr::memchr(b'<', text).is_none() {
                    if let Some(sub) = seg.get(v..close) {
                        scan_one(sub, base + v, (true, true), hits, buf);
                        texts += 1;
                    }
                }
            }
            from = close + 2;
        }
    }
    if anchored && b.first() == Some(&b'/') {
        if let Some(p) = memchr::memrchr(b'/', b).filter(|&p| p > 0) {
            if let Some(sub) = seg.get(p + 1..).filter(|x| x.len() >= 2) {
                scan_one(sub, base + p + 1, (true, true), hits, buf);
            }
        }
    }
}

/// MongoDB operators: `$ne` as a whole value (a JSON key), or inside
/// brackets or quotes (`u_id[$ne]`, `{"$where": ...}` read as text).
fn nosql(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    if memchr::memchr(b';', b).is_some()
        && let Some((s, e)) = js_string_breakout(b)
    {
        hits.push(Hit {
            rule: &RULES[NOSQL],
            start: base + s,
            end: base + e,
        });
        return;
    }
    let trimmed = b.trim_ascii();
    for p in memchr::memchr_iter(b'$', b).take(16) {
        let Some(len) = mongo_operator(b, p + 1) else {
            continue;
        };
        let end = p + 1 + len;
        let whole = trimmed.len() == len + 1 && trimmed.first() == Some(&b'$');
        let bracketed = p > 0 && b[p - 1] == b'[' && b.get(end) == Some(&b']');
        let quoted_key = p > 0
            && b[p - 1] == b'"'
            && b.get(end) == Some(&b'"')
            && b[end + 1..].trim_ascii_start().first() == Some(&b':');
        if whole || bracketed || quoted_key {
            hits.push(Hit {
                rule: &RULES[NOSQL],
                start: base + p,
                end: base + end,
            });
            return;
        }
    }
}

/// Server-side JavaScript reached from a string (`$where` clauses, `eval`ed
/// filters): a quote, `;`, a `return` statement, `;`, then the string
/// reopened or the rest commented out, as in `'; return true; var x='`.
fn js_string_breakout(b: &[u8]) -> Option<(usize, usize)> {
    let q = b.iter().position(|&c| c == b'\'' || c == b'"')?;
    let quote = b[q];
    let mut i = q + 1;
    let skip = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    i = skip(i);
    if b.get(i) != Some(&b';') {
        return None;
    }
    i = skip(i + 1);
    if b.get(i..i + 6).is_none_or(|w| w != b"return")
        || b.get(i + 6)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        return None;
    }
    let semi = i + 6 + b[i + 6..].iter().take(48).position(|&c| c == b';')?;
    let rest = b[semi + 1..].trim_ascii();
    let reopens = rest.last() == Some(&quote) && rest.len() <= 48;
    let commented = rest.starts_with(b"//") || rest.is_empty();
    (reopens || commented).then_some((q, b.len()))
}

/// A lead byte of a character some databases read as a quote (see
/// [`scan_one`]).
fn quote_lead(c: u8) -> bool {
    matches!(c, 0xC2 | 0xCA | 0xCB | 0xCC | 0xE2)
}

/// Whether `b[i..]` starts a character read as a quote: typographic quotes,
/// primes, modifier-letter apostrophes and primes. Returns its length.
fn quote_like(b: &[u8], i: usize) -> Option<usize> {
    match (b[i], b.get(i + 1), b.get(i + 2)) {
        (0xE2, Some(0x80), Some(0x98 | 0x99 | 0x9c | 0x9d | 0xB2 | 0xB3)) => Some(3),
        (0xCA, Some(0xB9 | 0xBA | 0xBC), _) | (0xCB, Some(0x88), _) => Some(2),
        _ => None,
    }
}

/// Tokenizes one value in each context that can produce a finding.
fn scan_one(
    seg: &str,
    base: usize,
    (anchored, closes): (bool, bool),
    hits: &mut Vec<Hit>,
    buf: &mut Vec<Tok>,
) {
    // Typographic quotes (U+2018/U+2019/U+201C/U+201D), primes (U+2032,
    // U+2033), modifier-letter apostrophes and primes (U+02BC, U+02B9,
    // U+02BA, U+02C8) and the acute accent (U+00B4, or the space and
    // combining acute that NFKC makes of it) become ASCII quotes in some
    // database charsets (best-fit conversions); rewrite them in place as a
    // quote plus spaces, so every offset still holds.
    let raw = seg.as_bytes();
    let mut smart: Option<Vec<u8>> = None;
    let mut k = if raw.is_ascii() { raw.len() } else { 0 };
    while let Some(off) = raw[k..].iter().position(|&c| quote_lead(c)) {
        let p = k + off;
        let (at, with): (usize, &[u8]) = match (raw[p], raw.get(p + 1), raw.get(p + 2)) {
            (0xE2, Some(0x80), Some(0x98 | 0x99 | 0xB2)) => (p, b"'  "),
            (0xE2, Some(0x80), Some(0x9c | 0x9d | 0xB3)) => (p, b"\"  "),
            (0xC2, Some(0xB4), _) => (p, b"' "),
            (0xCA, Some(0xB9 | 0xBC), _) | (0xCB, Some(0x88), _) => (p, b"' "),
            (0xCA, Some(0xBA), _) => (p, b"\" "),
            (0xCC, Some(0x81), _) if p > 0 && raw[p - 1] == b' ' => (p - 1, b"'  "),
            _ => {
                k = p + 1;
                continue;
            }
        };
        let v = smart.get_or_insert_with(|| raw.to_vec());
        v[at..at + with.len()].copy_from_slice(with);
        k = at + with.len();
    }
    let b = smart.as_deref().unwrap_or(raw);
    // Each context is tokenized only when one of its rules could fire.
    let mut kw = None;
    let ctxs = [
        bare_needed(b, &mut kw).then_some(Ctx::Bare),
        quote_needed(b, b'\'', &mut kw).then_some(Ctx::Quote(b'\'')),
        quote_needed(b, b'"', &mut kw).then_some(Ctx::Quote(b'"')),
        quote_needed(b, b'`', &mut kw).then_some(Ctx::Quote(b'`')),
    ];
    let first_hit = hits.len();
    for ctx in ctxs.into_iter().flatten() {
        let t = tokenize(b, ctx, std::mem::take(buf));
        let app_quote = match ctx {
            Ctx::Quote(q)
                if anchored && closes && memchr::memchr_iter(q, b).count().is_multiple_of(2) =>
            {
                Some(q)
            }
            _ => None,
        };
        let mut a = Analysis {
            t: &t,
            base,
            hits,
            app_quote,
            anchored,
        };
        a.run(ctx);
        *buf = t.toks;
    }
    if b.len() == seg.len() && !std::ptr::eq(b, seg.as_bytes()) {
        // Rewritten quotes: snap spans out to whole characters.
        for h in &mut hits[first_hit..] {
            while h.start > base && !seg.is_char_boundary(h.start - base) {
                h.start -= 1;
            }
            while h.end - base < seg.len() && !seg.is_char_boundary(h.end - base) {
                h.end += 1;
            }
        }
    }
}

// ===== prefilter =====
//
// Most values cannot hold an injection, and tokenizing them all is what costs.
// The text is walked in blocks with a branch-free test that the compiler
// vectorizes: a block with none of the bytes SQL structure needs, no value
// starting with a digit and no `nion` (of `union`) is skipped whole. In a
// block that does have one, each marked value gets cheap local checks around
// its marked bytes (`gate`); only values that pass are tokenized.

/// Bytes around which SQL structure can form: quotes, `;`, parentheses,
/// comparison operators, `@`, `|`, `&`, `/`, `*`, `_`, `$`, `:`, `\`, `#`,
/// `[`, `]`, `^`, and the lead byte of typographic quotes.
#[inline(always)]
fn marked(c: u8) -> bool {
    // 0x22..=0x2A: " # $ % & ' ( ) *   0x3A..=0x3E: : ; < = >
    // 0x5B..=0x60: [ \ ] ^ _ `
    (c.wrapping_sub(0x22) <= 8)
        | (c.wrapping_sub(0x3A) <= 4)
        | (c.wrapping_sub(0x5B) <= 5)
        | (c == b'/')
        | (c == b'@')
        | (c == b'|')
        | (c == 0xE2)
        | (c == 0xCA)
        | (c == 0xCB)
}

/// Whether position `i` of `b` (with the 3 bytes after it) starts something
/// the prefilter must look at: a marked byte, a hex literal, `nion`, or a
/// NUL whose value needs [`start_gate`] ([`starts_value`]).
#[inline(always)]
fn marked_at(c0: u8, c1: u8, c2: u8, c3: u8) -> bool {
    marked(c0)
        | ((c0 == b'0') & ((c1 | 0x20) == b'x') & c2.is_ascii_hexdigit())
        | (((c0 | 0x20) == b'n')
            & ((c1 | 0x20) == b'i')
            & ((c2 | 0x20) == b'o')
            & ((c3 | 0x20) == b'n'))
        | ((c0 == 0) & starts_value(c1, c2, c3))
}

/// Whether a value starting with these bytes needs [`start_gate`]: a
/// digit, `fro` (`FROM t WHERE ...`), `exc` (`EXCEPT SELECT ...`), or a
/// word of [`value_start`]. Branch-free: it runs on every byte.
#[inline(always)]
fn starts_value(c1: u8, c2: u8, c3: u8) -> bool {
    let (a, b, c) = (c1 | 0x20, c2 | 0x20, c3 | 0x20);
    c1.is_ascii_digit()
        | ((a == b'f') & (b == b'r') & (c == b'o'))
        | ((a == b'e') & (b == b'x') & (c == b'c'))
        | value_start(c1, c2)
}

/// One flag byte (0 or 1) per position of a block folded into one bit
/// per position.
#[inline(always)]
fn fold(f: &[u8; BLOCK]) -> u64 {
    let mut m = 0u64;
    for (c, chunk) in f.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Each byte is 0 or 1: the product gathers byte k's bit into
        // bit 56 + k, with no two partial products on the same bit.
        let bits = x.wrapping_mul(0x0102_0408_1020_4080) >> 56;
        m |= bits << (c * 8);
    }
    m
}

/// The first two letters of the words [`start_gate`] looks for at a
/// value's start besides `from` and `except`: `or`, `xor`, and catalogue
/// or server procedure names (`sysobjects`, `msysobjects`, `mysql`,
/// `openrowset`).
#[inline(always)]
fn value_start(c1: u8, c2: u8) -> bool {
    let (a, b) = (c1 | 0x20, c2 | 0x20);
    ((a == b'o') & ((b == b'r') | (b == b'p')))
        | ((a == b'x') & (b == b'o'))
        | ((a == b's') & (b == b'y'))
        | ((a == b'm') & ((b == b's') | (b == b'y')))
}

const BLOCK: usize = 64;

/// The marked positions of a text, in order: a branch-free mask per block
/// of 64 bytes, then its set bits.
struct Marks<'a> {
    b: &'a [u8],
    next_block: usize,
    base: usize,
    mask: u64,
}

impl<'a> Marks<'a> {
    fn new(b: &'a [u8]) -> Self {
        Marks {
            b,
            next_block: 0,
            base: 0,
            mask: 0,
        }
    }
}

impl Iterator for Marks<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let b = self.b;
        while self.mask == 0 {
            let i = self.next_block;
            if i >= b.len() {
                return None;
            }
            // The last block (the whole of most short values) is copied into
            // a zero-padded array so that it takes the same vectorized path:
            // a zero byte marks nothing on its own, exactly as the end of the
            // text does, and positions past the end are masked off below.
            let mut pad = [0u8; BLOCK + 3];
            let w: &[u8; BLOCK + 3] = match b
                .get(i..i + BLOCK + 3)
                .and_then(|w| <&[u8; BLOCK + 3]>::try_from(w).ok())
            {
                Some(w) => w,
                None => {
                    let tail = &b[i..];
                    pad[..tail.len()].copy_from_slice(tail);
                    &pad
                }
            };
            // One flag byte per position, fixed size and branch-free so that
            // it vectorizes; then folded into one bit per position.
            let mut f = [0u8; BLOCK];
            for (k, x) in f.iter_mut().enumerate() {
                *x = u8::from(marked_at(w[k], w[k + 1], w[k + 2], w[k + 3]));
            }
            let mut m = fold(&f);
            let live = b.len() - i;
            if live < BLOCK {
                m &= (1u64 << live) - 1;
            }
            self.base = i;
            self.mask = m;
            self.next_block = i + BLOCK;
        }
        let k = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.base + k)
    }
}

/// The value (between NULs) around a position, with what the checks learn
/// about it as a whole, each computed at most once.
/// Its bounds are found only when a check needs them: most marks are
/// settled by their neighbours.
#[derive(Default)]
struct Value {
    /// A position inside the value.
    at: usize,
    bounds: Option<(usize, usize)>,
    sql_words: Option<bool>,
    comments: Option<bool>,
    /// Bytes analysed in the quotes' own windows so far.
    spent: usize,
    /// In a long value: how far SQL words have been looked for, and where
    /// the latest one found starts.
    words_to: usize,
    last_word: Option<usize>,
}

impl Value {
    fn new(p: usize) -> Value {
        Value {
            at: p,
            ..Value::default()
        }
    }

    fn bounds(&mut self, b: &[u8]) -> (usize, usize) {
        let p = self.at;
        *self.bounds.get_or_insert_with(|| {
            (
                memchr::memrchr(0, &b[..p]).map_or(0, |x| x + 1),
                memchr::memchr(0, &b[p..]).map_or(b.len(), |x| p + x),
            )
        })
    }

    /// Whether `p` lies in this value, when that is known.
    fn holds(&self, p: usize) -> bool {
        self.bounds.is_some_and(|(s, e)| s <= p && p < e)
    }

    /// A SQL word in the value, or in a long value near `p`: one word
    /// must not open every window of a long value.
    fn sql_words(&mut self, b: &[u8], p: usize) -> bool {
        let (s, e) = self.bounds(b);
        if e - s > LONG {
            // Marks come in order: scan forward once, remembering the
            // latest SQL word, so a run of `=` costs linear time.
            let (ls, le) = near(b, s, e, p, 48);
            let mut i = self.words_to.max(ls);
            while i < le {
                let word_start = b[i].is_ascii_alphabetic() && (i == s || !is_word(b[i - 1]));
                if word_start {
                    if in_set(word_from(b, i), AROUND_QUOTE) {
                        self.last_word = Some(i);
                    }
                    while i < e && is_word(b[i]) {
                        i += 1;
                    }
                } else {
                    i += 1;
                }
            }
            self.words_to = self.words_to.max(i);
            return self.last_word.is_some_and(|w| w >= ls);
        }
        let v = &b[s..e];
        *self.sql_words.get_or_insert_with(|| has_sql_word(v))
    }

    /// Whether the string closed by the quote at `q` (or that quote itself,
    /// when no string opens before it) opens the value or follows `=`, `(`
    /// or `,`.
    fn list_opens(&mut self, b: &[u8], q: usize) -> bool {
        let (s, _) = self.bounds(b);
        let lo = q.saturating_sub(64).max(s);
        // No opening quote before it: the quote itself breaks out.
        let open = memchr::memrchr(b[q], &b[lo..q]).map_or(q, |o| lo + o);
        let before = b[s..open].iter().rposition(|c| !c.is_ascii_whitespace());
        before.is_none_or(|o| matches!(b[s + o], b'=' | b'(' | b','))
    }

    /// A comment marker anywhere: `'? # = --`.
    fn comments(&mut self, b: &[u8], p: usize) -> bool {
        let (s, e) = self.bounds(b);
        if e - s > LONG {
            let (ls, le) = near(b, s, e, p, AHEAD);
            return has_comment(&b[ls..le]);
        }
        let v = &b[s..e];
        *self.comments.get_or_insert_with(|| has_comment(v))
    }
}

/// The bytes within `r` of `p`, inside the value `s..e`.
fn near(b: &[u8], s: usize, e: usize, p: usize, r: usize) -> (usize, usize) {
    let ls = p.saturating_sub(r).max(s);
    (ls, (p + r).min(e).min(b.len()).max(ls))
}

/// "Why does `SELECT * FROM t WHERE id = 1 OR 1 = 1` return every row?":
/// the match at `s..e` ends inside the one code span of a sentence whose
/// other text is plain words, with no quote, comment or operator that
/// could reach a query.
fn code_span_in_sentence(b: &[u8], s: usize, e: usize) -> bool {
    if b.len() > 512 {
        return false;
    }
    let mut ticks = memchr::memchr_iter(b'`', b);
    let (Some(o), Some(c), None) = (ticks.next(), ticks.next(), ticks.next()) else {
        return false;
    };
    // A call's token may start with the sentence before it: the end decides.
    if !(o < e && e <= c && s <= e) {
        return false;
    }
    let span = &b[o + 1..c];
    if has_comment(span) || span.contains(&b';') {
        return false;
    }
    let outside = [&b[..o], &b[c + 1..]];
    let plain = outside.iter().all(|part| {
        part.iter().all(|ch| {
            ch.is_ascii_alphanumeric()
                || matches!(ch, b' ' | b',' | b'.' | b'?' | b'!' | b':' | b'(' | b')')
        })
    });
    let words: usize = outside
        .iter()
        .map(|part| {
            part.split(|ch| !ch.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2)
                .count()
        })
        .sum();
    plain && words >= 4
}

/// `document.querySelector(` before a quote: the quote opens a call's
/// string argument (`'#total'`, a CSS selector), not a break out of one.
fn call_argument(content: &[u8]) -> bool {
    content.len() >= 2
        && content.ends_with(b"(")
        && is_word(content[content.len() - 2])
        && content.contains(&b'.')
}

/// A comment marker: `#`, `--` or `/*`.
fn has_comment(v: &[u8]) -> bool {
    memchr::memchr(b'#', v).is_some()
        || memchr::memmem::find(v, b"--").is_some()
        || memchr::memmem::find(v, b"/*").is_some()
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// A word as one integer: its first 16 bytes, ASCII-lower-cased, big-endian
/// and zero-padded, so that integer order is the words' order and a lookup
/// is a binary search over integers.
const fn key(w: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < 16 {
        k <<= 8;
        if i < w.len() {
            k |= w[i].to_ascii_lowercase() as u128;
        }
        i += 1;
    }
    k
}

/// The word (letters, digits, `_`) starting at `i`, as a [`key`].
fn word_from(b: &[u8], i: usize) -> Option<u128> {
    let len = b[i.min(b.len())..]
        .iter()
        .take(25)
        .take_while(|c| is_word(**c))
        .count();
    if len == 0 || len > 24 {
        return None;
    }
    Some(key(&b[i..i + len]))
}

/// The word ending just before `i` (after skipping spaces), as a [`key`].
fn word_before(b: &[u8], i: usize) -> Option<u128> {
    let mut e = i;
    while e > 0 && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && is_word(b[s - 1]) && e - s <= 24 {
        s -= 1;
    }
    if s == e || e - s > 24 {
        return None;
    }
    Some(key(&b[s..e]))
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Whether `w` is in `set` (sorted when longer than a few words).
fn in_set(w: Option<u128>, set: &[u128]) -> bool {
    w.is_some_and(|w| {
        if set.len() > 8 {
            set.binary_search(&w).is_ok()
        } else {
            set.contains(&w)
        }
    })
}

/// Words that continue SQL right after a quote closes or before one opens.
const AROUND_QUOTE: &[u128] = &[
    key(b"alter"),
    key(b"and"),
    key(b"as"),
    key(b"benchmark"),
    key(b"between"),
    key(b"case"),
    key(b"collate"),
    key(b"create"),
    key(b"declare"),
    key(b"delete"),
    key(b"div"),
    key(b"drop"),
    key(b"dumpfile"),
    key(b"else"),
    key(b"end"),
    key(b"escape"),
    key(b"except"),
    key(b"exec"),
    key(b"execute"),
    key(b"exists"),
    key(b"from"),
    key(b"glob"),
    key(b"group"),
    key(b"having"),
    key(b"if"),
    key(b"ilike"),
    key(b"immediate"),
    key(b"in"),
    key(b"insert"),
    key(b"intersect"),
    key(b"into"),
    key(b"is"),
    key(b"isnull"),
    key(b"like"),
    key(b"limit"),
    key(b"match"),
    key(b"mod"),
    key(b"not"),
    key(b"notnull"),
    key(b"null"),
    key(b"or"),
    key(b"order"),
    key(b"outfile"),
    key(b"print"),
    key(b"procedure"),
    key(b"regexp"),
    key(b"rlike"),
    key(b"select"),
    key(b"set"),
    key(b"shutdown"),
    key(b"similar"),
    key(b"sleep"),
    key(b"sounds"),
    key(b"table"),
    key(b"then"),
    key(b"truncate"),
    key(b"union"),
    key(b"update"),
    key(b"values"),
    key(b"waitfor"),
    key(b"when"),
    key(b"where"),
    key(b"xor"),
];

/// Statement keywords that can follow `;`.
const STATEMENTS: &[u128] = &[
    key(b"alter"),
    key(b"analyze"),
    key(b"begin"),
    key(b"call"),
    key(b"copy"),
    key(b"create"),
    key(b"declare"),
    key(b"delete"),
    key(b"do"),
    key(b"drop"),
    key(b"exec"),
    key(b"execute"),
    key(b"grant"),
    key(b"handler"),
    key(b"if"),
    key(b"insert"),
    key(b"load"),
    key(b"merge"),
    key(b"print"),
    key(b"rename"),
    key(b"replace"),
    key(b"revoke"),
    key(b"select"),
    key(b"set"),
    key(b"show"),
    key(b"shutdown"),
    key(b"truncate"),
    key(b"union"),
    key(b"update"),
    key(b"use"),
    key(b"values"),
    key(b"waitfor"),
    key(b"with"),
];

/// Words after which `(` opens SQL: keywords that take a list and
/// functions attackers call.
const BEFORE_PAREN: &[u128] = &[
    key(b"all"),
    key(b"analyse"),
    key(b"and"),
    key(b"any"),
    key(b"as"),
    key(b"exec"),
    key(b"execute"),
    key(b"exists"),
    key(b"from"),
    key(b"having"),
    key(b"if"),
    key(b"in"),
    key(b"is"),
    key(b"like"),
    key(b"not"),
    key(b"or"),
    key(b"select"),
    key(b"some"),
    key(b"union"),
    key(b"value"),
    key(b"values"),
    key(b"when"),
    key(b"where"),
    key(b"xor"),
];

/// A value starting with a number and a SQL word right after it (`1 or
/// true`, `5) order by 2`), or starting with `from`. A SQL word further on
/// ("12 Main St, Salem, OR 97301") makes SQL only with punctuation, whose
/// own marks are checked.
fn start_gate(b: &[u8], p: usize) -> bool {
    let first = skip_ws(b, p);
    if b.get(first).is_some_and(u8::is_ascii_digit) {
        let lim = (first + 64).min(b.len());
        let mut j = first;
        while j < lim
            && (b[j].is_ascii_digit() || b[j].is_ascii_whitespace() || matches!(b[j], b'.' | b')'))
        {
            j += 1;
        }
        // `1.e.tables`: a float with an empty exponent glued to a name.
        // A name, not an abbreviation: "1.e.g. this".
        let empty_exponent = j > first + 1
            && b.get(j).is_some_and(|c| c | 0x20 == b'e')
            && b[j - 1] == b'.'
            && b.get(j + 1) == Some(&b'.')
            && b[j + 2..].iter().take_while(|c| is_word(**c)).count() >= 2;
        return empty_exponent || in_set(word_from(b, j), AROUND_QUOTE);
    }
    let w = word_from(b, first);
    if in_set(w, &[key(b"except")]) {
        // `except select`: a set operation; "except for" is prose.
        let mut j = first;
        while j < b.len() && is_word(b[j]) {
            j += 1;
        }
        return in_set(
            word_from(b, skip_ws(b, j)),
            &[key(b"select"), key(b"values")],
        );
    }
    if in_set(w, &[key(b"or"), key(b"xor")]) {
        // `or 7`: a number right after the operator.
        let j = skip_ws(b, first + 2 + usize::from(b[first] | 0x20 == b'x'));
        return b.get(j).is_some_and(u8::is_ascii_digit);
    }
    in_set(w, &[key(b"from")]) || in_set(w, WHOLE_NAMES) && whole_value_name(b, first)
}

/// Catalogue tables and server procedures whose names have no `_` for
/// the prefilter to mark.
const WHOLE_NAMES: &[u128] = &[
    key(b"msysaccessobjects"),
    key(b"msysobjects"),
    key(b"mysql"),
    key(b"opendatasource"),
    key(b"openrowset"),
    key(b"syscolumns"),
    key(b"sysdatabases"),
    key(b"sysobjects"),
];

/// Whether the value at `i`, which opens with a name of [`WHOLE_NAMES`],
/// holds nothing else (but a `.` and a table after `mysql`).
fn whole_value_name(b: &[u8], i: usize) -> bool {
    let len = b[i..].iter().take(25).take_while(|c| is_word(**c)).count();
    let rest = &b[i + len..];
    let end = memchr::memchr(0, rest).unwrap_or(rest.len());
    let rest = rest[..end].trim_ascii();
    rest.is_empty() || rest.first() == Some(&b'.') && rest.len() <= 64
}

/// Whether the marked byte at `i` starts something SQL-shaped enough to
/// tokenize its value. Reads the whole text `b`; NUL stops every look-around
/// (it is neither a word byte nor whitespace).
fn gate_at(b: &[u8], i: usize, v: &mut Value) -> bool {
    let c = b[i];
    let next = b.get(i + 1).copied().unwrap_or(0);
    match c {
        b'\'' | b'"' | b'`' => quote_gate(b, i, i + 1, v),
        0xE2 | 0xCA | 0xCB => match quote_like(b, i) {
            Some(len) => quote_gate(b, i, i + len, v),
            None => false,
        },
        b';' => {
            let j = skip_ws(b, i + 1);
            in_set(word_from(b, j), STATEMENTS)
                || matches!(b.get(j), Some(b'#' | b'-' | b'/' | b'(' | b'@'))
        }
        b'(' => {
            let j = skip_ws(b, i + 1);
            in_set(word_from(b, j), &[key(b"select")])
                || sql_word_before_paren(b, i)
                || matches!(b.get(j), Some(b'(' | b'@'))
                // `1.e(`: a float glued to the parenthesis.
                || i >= 3
                    && b[i - 1] | 0x20 == b'e'
                    && b[i - 2] == b'.'
                    && b[i - 3].is_ascii_digit()
        }
        b')' => {
            let j = skip_ws(b, i + 1);
            in_set(word_from(b, j), AROUND_QUOTE)
                || matches!(
                    b.get(j),
                    Some(b';' | b'#' | b'=' | b'<' | b'>' | b'|' | b'&')
                )
                || b[j..].starts_with(b"--")
        }
        b'=' | b'<' | b'>' => operand_near(b, i) || v.sql_words(b, i),
        b'|' | b'&' => next == c,
        b'/' => next == b'*',
        b'*' => next == b'/',
        b'@' => {
            next == b'@'
                || (i > 0 && !is_word(b[i - 1]) && b[i - 1] != b'.')
                    && in_set(
                        word_before(b, i),
                        &[
                            key(b"declare"),
                            key(b"set"),
                            key(b"select"),
                            key(b"exec"),
                            key(b"execute"),
                            key(b"into"),
                        ],
                    )
                || b[..i]
                    .iter()
                    .rev()
                    .find(|c| !c.is_ascii_whitespace())
                    .is_some_and(|c| matches!(c, b'=' | b'(' | b','))
        }
        b'_' => underscore_gate(b, i),
        b'$' => mongo_operator(b, i + 1).is_some(),
        b':' => next == b':' && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic),
        b'0' => (next | 0x20) == b'x' && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit),
        // `OR 1#`, `'#`: a comment after a literal.
        b'#' => b[..i]
            .iter()
            .rev()
            .find(|c| !c.is_ascii_whitespace())
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'\'' | b'"' | b')')),
        b'n' | b'N' => union_gate(b, i),
        _ => false,
    }
}

/// After a quote at `q` (its bytes end at `after`): what follows, or the word
/// before it, reads as SQL.
fn quote_gate(b: &[u8], q: usize, after: usize, v: &mut Value) -> bool {
    let mut j = after;
    while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b')') {
        j += 1;
    }
    let c = b.get(j).copied().unwrap_or(0);
    if c == 0 {
        return in_set(word_before(b, q), AROUND_QUOTE) || v.comments(b, q);
    }
    if c.is_ascii_alphabetic() {
        return in_set(word_from(b, j), AROUND_QUOTE) || in_set(word_before(b, q), AROUND_QUOTE);
    }
    if c.is_ascii_digit() {
        // `"2562*23`, `'1001'='10`: a number and an operator right after a
        // quote that opens the value.
        let k = j + b[j..]
            .iter()
            .take(24)
            .take_while(|c| c.is_ascii_digit())
            .count();
        let opens = q == 0 || b[q - 1] == 0;
        return in_set(word_before(b, q), AROUND_QUOTE)
            || opens
                && b.get(k).is_some_and(|c| {
                    matches!(
                        c,
                        b'*' | b'/' | b'+' | b'-' | b'=' | b'<' | b'>' | b'%' | b'\'' | b'"'
                    )
                });
    }
    if c >= 0x80 {
        return in_set(word_before(b, q), AROUND_QUOTE);
    }
    // `'a', 'b'`: a list of literals. Only a literal that opens the value
    // or follows `=`, `(` or `,` starts such a list: JSON or code quoted as
    // text (`{"a": "b", "c": 1}`) does not.
    if c == b',' {
        let k = skip_ws(b, j + 1);
        if b.get(k)
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'\'' | b'"' | b'('))
            && v.list_opens(b, q)
        {
            return true;
        }
    }
    // Prose punctuation after a closing quote ("'yes', then", "'quoted'."),
    // or the end of a JSON object or array quoted as text (`"b"}`), is SQL
    // only in a value that also comments something out.
    if matches!(c, b'.' | b',' | b'!' | b'?' | b':' | b'}' | b']') && b.get(j + 1) != Some(&b'=') {
        return (c == b'.' && b.get(j + 1) == Some(&b'\'')) || v.comments(b, q);
    }
    true
}

/// A word just before `(` (through a few punctuation bytes such as `!`, `$`,
/// `?`, `]`, `=`, `.`, `|`, `&`, `\`) that is a SQL keyword or function.
fn sql_word_before_paren(b: &[u8], p: usize) -> bool {
    let mut e = p;
    let lim = p.saturating_sub(6);
    while e > lim
        && (b[e - 1].is_ascii_whitespace()
            || matches!(
                b[e - 1],
                b'!' | b'$'
                    | b'?'
                    | b']'
                    | b'='
                    | b'.'
                    | b'|'
                    | b'&'
                    | b'\\'
                    | b'/'
                    | b'\''
                    | b')'
                    | b'>'
            ))
    {
        e -= 1;
    }
    let w = word_before(b, e);
    in_set(w, BEFORE_PAREN) || in_set(w, SQL_FUNCTIONS)
}

/// A number, quote, `(` or `@` next to the comparison at `i`.
fn operand_near(b: &[u8], i: usize) -> bool {
    let j = skip_ws(b, i + 1);
    let next = b
        .get(j)
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'\'' | b'"' | b'`' | b'(' | b'@'));
    // Bounded: a run of `<` must not make this quadratic.
    let prev = b[i.saturating_sub(8)..i]
        .iter()
        .rev()
        .find(|c| !c.is_ascii_whitespace() && !matches!(c, b'!' | b'<' | b'>' | b'='))
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'\'' | b'"' | b'`' | b')'));
    next && prev
}

/// Words of a value, lower-cased, tested against the SQL words that make a
/// comparison or a leading number SQL: logical operators and clause keywords.
fn has_sql_word(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() && (i == 0 || !is_word(b[i - 1])) {
            let w = word_from(b, i);
            if in_set(w, AROUND_QUOTE) {
                return true;
            }
            while i < b.len() && is_word(b[i]) {
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    false
}

/// `union` followed by `select`, `all`, `distinct` or `(`, possibly glued or
/// through comments and `+`; `i` is at the `n` of `nion`.
fn union_gate(b: &[u8], i: usize) -> bool {
    if i == 0
        || (b[i - 1] | 0x20) != b'u'
        || !b[i..]
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"nion"))
    {
        return false;
    }
    let mut j = i + 4;
    let lim = (j + 64).min(b.len());
    while j < lim {
        match b[j] {
            c if c.is_ascii_whitespace() || c == b'+' || c == b'(' => j += 1,
            b'/' if b.get(j + 1) == Some(&b'*') => {
                j = memchr::memmem::find(&b[j..lim], b"*/").map_or(lim, |o| j + o + 2);
            }
            b'-' if b.get(j + 1) == Some(&b'-') => {
                j = memchr::memchr(b'\n', &b[j..lim]).map_or(lim, |o| j + o + 1);
            }
            b'#' => j = memchr::memchr(b'\n', &b[j..lim]).map_or(lim, |o| j + o + 1),
            _ => break,
        }
    }
    let rest = &b[j.min(b.len())..];
    [&b"select"[..], b"all", b"distinct"].iter().any(|k| {
        rest.get(..k.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(k))
    })
}

/// A word holding `_` that names a database catalogue, procedure or function
/// prefix (`information_schema`, `xp_cmdshell`, `pg_sleep`).
fn underscore_gate(b: &[u8], i: usize) -> bool {
    let mut s = i;
    while s > 0 && is_word(b[s - 1]) {
        s -= 1;
        if i - s > 24 {
            return false;
        }
    }
    let len = b[s..].iter().take(25).take_while(|c| is_word(**c)).count();
    let Some((buf, len)) = lower_name(&b[s..s + len]) else {
        return false;
    };
    let w = &buf[..len];
    const PREFIXES: &[&[u8]] = &[
        b"xp_",
        b"sp_",
        b"pg_",
        b"sqlite_",
        b"utl_",
        b"dbms_",
        b"sys_",
        b"msys",
        b"information_schema",
        b"mysql",
        b"lo_",
        b"json_",
        b"jsonb_",
    ];
    PREFIXES.iter().any(|p| w.starts_with(p))
        || SPECIAL_NAMES.binary_search(&key(w)).is_ok()
        || sql_function(w)
}

/// Names that are SQL wherever they appear as a whole value.
const SPECIAL_NAMES: &[u128] = &[
    key(b"column_name"),
    key(b"concat_ws"),
    key(b"current_user"),
    key(b"db_name"),
    key(b"group_concat"),
    key(b"load_file"),
    key(b"name_const"),
    key(b"schema_name"),
    key(b"session_user"),
    key(b"system_user"),
    key(b"table_name"),
    key(b"table_schema"),
    key(b"user_name"),
];

/// A MongoDB query operator after a `$` at `i`: its length.
fn mongo_operator(b: &[u8], i: usize) -> Option<usize> {
    const OPS: &[&[u8]] = &[
        b"ne",
        b"eq",
        b"gt",
        b"gte",
        b"lt",
        b"lte",
        b"in",
        b"nin",
        b"all",
        b"regex",
        b"where",
        b"exists",
        b"not",
        b"nor",
        b"or",
        b"and",
        b"elemmatch",
        b"text",
        b"expr",
        b"type",
        b"size",
        b"mod",
        b"jsonschema",
        b"function",
        b"accumulator",
    ];
    let len = b[i.min(b.len())..]
        .iter()
        .take(16)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if len == 0 || b.get(i + len).is_some_and(|c| is_word(*c)) {
        return None;
    }
    let (buf, l) = lower_name(&b[i..i + len])?;
    OPS.contains(&&buf[..l]).then_some(len)
}

/// SQL function names across MySQL, PostgreSQL, SQL Server, Oracle and
/// SQLite: the names attackers call, and the common ones an injected
/// expression is built from.
const SQL_FUNCTIONS: &[u128] = &[
    key(b"abs"),
    key(b"acos"),
    key(b"adddate"),
    key(b"addtime"),
    key(b"aes_decrypt"),
    key(b"aes_encrypt"),
    key(b"array_agg"),
    key(b"array_to_string"),
    key(b"ascii"),
    key(b"asin"),
    key(b"atan"),
    key(b"atan2"),
    key(b"avg"),
    key(b"benchmark"),
    key(b"bin"),
    key(b"bit_and"),
    key(b"bit_count"),
    key(b"bit_length"),
    key(b"bit_or"),
    key(b"bit_xor"),
    key(b"cast"),
    key(b"ceil"),
    key(b"ceiling"),
    key(b"char"),
    key(b"char_length"),
    key(b"character_length"),
    key(b"charindex"),
    key(b"charset"),
    key(b"chr"),
    key(b"coalesce"),
    key(b"coercibility"),
    key(b"collation"),
    key(b"compress"),
    key(b"concat"),
    key(b"concat_ws"),
    key(b"connection_id"),
    key(b"conv"),
    key(b"convert"),
    key(b"convert_tz"),
    key(b"cos"),
    key(b"cot"),
    key(b"count"),
    key(b"crc32"),
    key(b"ctxsys"),
    key(b"curdate"),
    key(b"current_database"),
    key(b"current_date"),
    key(b"current_schema"),
    key(b"current_setting"),
    key(b"current_time"),
    key(b"current_timestamp"),
    key(b"current_user"),
    key(b"curtime"),
    key(b"database"),
    key(b"date"),
    key(b"date_add"),
    key(b"date_format"),
    key(b"date_sub"),
    key(b"datediff"),
    key(b"day"),
    key(b"dayname"),
    key(b"dayofmonth"),
    key(b"dayofweek"),
    key(b"dayofyear"),
    key(b"db_name"),
    key(b"dbms_lock"),
    key(b"dbms_pipe"),
    key(b"decode"),
    key(b"default"),
    key(b"degrees"),
    key(b"des_decrypt"),
    key(b"des_encrypt"),
    key(b"div"),
    key(b"elt"),
    key(b"encode"),
    key(b"encrypt"),
    key(b"exec"),
    key(b"execute"),
    key(b"exp"),
    key(b"export_set"),
    key(b"extract"),
    key(b"extractvalue"),
    key(b"field"),
    key(b"find_in_set"),
    key(b"floor"),
    key(b"format"),
    key(b"found_rows"),
    key(b"from_base64"),
    key(b"from_days"),
    key(b"from_unixtime"),
    key(b"geometrycollection"),
    key(b"get_format"),
    key(b"get_lock"),
    key(b"getdate"),
    key(b"greatest"),
    key(b"group_concat"),
    key(b"gtid_subset"),
    key(b"hex"),
    key(b"host_name"),
    key(b"hour"),
    key(b"if"),
    key(b"ifnull"),
    key(b"iif"),
    key(b"inet_aton"),
    key(b"inet_ntoa"),
    key(b"insert"),
    key(b"instr"),
    key(b"is_srvrolemember"),
    key(b"isnull"),
    key(b"json_build_object"),
    key(b"json_extract"),
    key(b"json_keys"),
    key(b"json_object"),
    key(b"jsonb_pretty"),
    key(b"last_insert_id"),
    key(b"lcase"),
    key(b"least"),
    key(b"left"),
    key(b"len"),
    key(b"length"),
    key(b"linestring"),
    key(b"ln"),
    key(b"lo_export"),
    key(b"lo_get"),
    key(b"lo_import"),
    key(b"load_file"),
    key(b"local"),
    key(b"localtime"),
    key(b"localtimestamp"),
    key(b"locate"),
    key(b"log"),
    key(b"log10"),
    key(b"log2"),
    key(b"lower"),
    key(b"lpad"),
    key(b"ltrim"),
    key(b"make_set"),
    key(b"makedate"),
    key(b"maketime"),
    key(b"master_pos_wait"),
    key(b"max"),
    key(b"md5"),
    key(b"mid"),
    key(b"min"),
    key(b"minute"),
    key(b"mod"),
    key(b"month"),
    key(b"monthname"),
    key(b"multilinestring"),
    key(b"multipoint"),
    key(b"multipolygon"),
    key(b"name_const"),
    key(b"nchar"),
    key(b"now"),
    key(b"nullif"),
    key(b"nvl"),
    key(b"oct"),
    key(b"octet_length"),
    key(b"opendatasource"),
    key(b"openquery"),
    key(b"openrowset"),
    key(b"ord"),
    key(b"overlay"),
    key(b"password"),
    key(b"pg_ls_dir"),
    key(b"pg_read_file"),
    key(b"pg_sleep"),
    key(b"pi"),
    key(b"polygon"),
    key(b"position"),
    key(b"pow"),
    key(b"power"),
    key(b"procedure_analyse"),
    key(b"quarter"),
    key(b"quote"),
    key(b"quotename"),
    key(b"radians"),
    key(b"rand"),
    key(b"random"),
    key(b"randomblob"),
    key(b"regexp_replace"),
    key(b"regexp_substr"),
    key(b"release_lock"),
    key(b"repeat"),
    key(b"replace"),
    key(b"replicate"),
    key(b"reverse"),
    key(b"right"),
    key(b"round"),
    key(b"row_count"),
    key(b"rpad"),
    key(b"rtrim"),
    key(b"schema"),
    key(b"sec_to_time"),
    key(b"second"),
    key(b"session_user"),
    key(b"sha"),
    key(b"sha1"),
    key(b"sha2"),
    key(b"sign"),
    key(b"sin"),
    key(b"sleep"),
    key(b"soundex"),
    key(b"space"),
    key(b"sqlite_version"),
    key(b"sqrt"),
    key(b"starts_with"),
    key(b"std"),
    key(b"stddev"),
    key(b"str_to_date"),
    key(b"strcmp"),
    key(b"string_agg"),
    key(b"stuff"),
    key(b"subdate"),
    key(b"substr"),
    key(b"substring"),
    key(b"substring_index"),
    key(b"subtime"),
    key(b"sum"),
    key(b"suser_name"),
    key(b"sys_eval"),
    key(b"sys_exec"),
    key(b"sysdate"),
    key(b"system_user"),
    key(b"tan"),
    key(b"time"),
    key(b"time_format"),
    key(b"time_to_sec"),
    key(b"timediff"),
    key(b"timestamp"),
    key(b"timestampadd"),
    key(b"timestampdiff"),
    key(b"to_base64"),
    key(b"to_char"),
    key(b"to_days"),
    key(b"to_number"),
    key(b"trim"),
    key(b"truncate"),
    key(b"ucase"),
    key(b"uncompress"),
    key(b"uncompressed_length"),
    key(b"unhex"),
    key(b"unistr"),
    key(b"unix_timestamp"),
    key(b"updatexml"),
    key(b"upper"),
    key(b"user"),
    key(b"user_name"),
    key(b"utc_date"),
    key(b"utc_time"),
    key(b"utc_timestamp"),
    key(b"utl_http"),
    key(b"utl_inaddr"),
    key(b"uuid"),
    key(b"values"),
    key(b"var_pop"),
    key(b"variance"),
    key(b"version"),
    key(b"week"),
    key(b"weekday"),
    key(b"weekofyear"),
    key(b"xmltype"),
    key(b"xp_cmdshell"),
    key(b"year"),
    key(b"yearweek"),
];

/// Function names only SQL uses.
const SQL_ONLY: &[&[u8]] = &[
    b"div",
    b"lo_get",
    b"lo_import",
    b"lo_export",
    b"pg_read_file",
    b"pg_ls_dir",
    b"unhex",
    b"group_concat",
    b"concat_ws",
    b"make_set",
    b"export_set",
    b"find_in_set",
    b"substring_index",
    b"name_const",
    b"extractvalue",
    b"updatexml",
    b"ifnull",
    b"nvl",
    b"sys_eval",
    b"sys_exec",
    b"load_file",
    b"char",
    b"chr",
    b"ascii",
    b"ord",
    b"db_name",
    b"user_name",
    b"suser_name",
    b"current_user",
    b"session_user",
    b"system_user",
    b"database",
    b"version",
    b"sleep",
    b"benchmark",
    b"pg_sleep",
];

/// PostgreSQL type names a cast can name.
const SQL_TYPES: &[&[u8]] = &[
    b"int",
    b"int2",
    b"int4",
    b"int8",
    b"integer",
    b"bigint",
    b"smallint",
    b"text",
    b"varchar",
    b"char",
    b"character",
    b"numeric",
    b"decimal",
    b"real",
    b"float",
    b"float4",
    b"float8",
    b"double",
    b"bool",
    b"boolean",
    b"json",
    b"jsonb",
    b"date",
    b"timestamp",
    b"timestamptz",
    b"regclass",
    b"regproc",
    b"oid",
    b"bytea",
    b"uuid",
    b"inet",
    b"xml",
    b"money",
    b"interval",
    b"time",
    b"bit",
    b"varbit",
    b"tsvector",
    b"name",
];

fn sql_function(w: &[u8]) -> bool {
    SQL_FUNCTIONS.binary_search(&key(w)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_for(s: &str) -> Vec<&'static str> {
        let mut hits = Vec::new();
        scan(s, &mut hits);
        let mut ids: Vec<_> = hits.iter().map(|h| h.rule.id).collect();
        ids.sort();
        ids.dedup();
        for h in &hits {
            assert!(h.start <= h.end && h.end <= s.len(), "{s}: {h:?}");
            assert!(s.is_char_boundary(h.start) && s.is_char_boundary(h.end));
        }
        ids
    }

    fn flagged(s: &str) -> bool {
        rules_for(s).iter().any(|id| *id != "sqli-bare-statement")
    }

    /// The block-wise marks agree with `marked_at` applied byte by byte,
    /// zero past the end, at every length around the block edges.
    #[test]
    fn marks_match_bytewise_reference() {
        let pattern: &[u8] = b"a'b\x00union\x007x0x1f;\x00from(c)nion=\x00Or\x00ms";
        for len in 0..=3 * BLOCK + 5 {
            for shift in 0..pattern.len() {
                let b: Vec<u8> = (0..len)
                    .map(|i| pattern[(i + shift) % pattern.len()])
                    .collect();
                let at = |j: usize| b.get(j).copied().unwrap_or(0);
                let want: Vec<usize> = (0..len)
                    .filter(|&j| {
                        marked_at(b[j], at(j + 1), at(j + 2), at(j + 3))
                            || b[j] == 0 && starts_value(at(j + 1), at(j + 2), at(j + 3))
                    })
                    .collect();
                let got: Vec<usize> = Marks::new(&b).collect();
                assert_eq!(got, want, "len {len} shift {shift}");
            }
        }
    }

    #[track_caller]
    fn attack(s: &str, rule: &str) {
        let ids = rules_for(s);
        assert!(ids.contains(&rule), "{s:?} expected {rule}, got {ids:?}");
    }

    #[track_caller]
    fn benign(s: &str) {
        let ids = rules_for(s);
        assert!(!flagged(s), "{s:?} flagged: {ids:?}");
    }

    #[test]
    fn csv_rows_are_not_rows_of_values() {
        benign(
            "\"Student\",\"Quiz 1\",\"Final\"\n\"Nguyen, An\",8,\"A-\"\n\"O'Connor, S\",7,\"B+\"",
        );
        benign("\"sku\",\"qty\"\n\"A-100\",4\n\"B-7\",1");
        attack("x'),('eve',1)--", "sqli-statement");
        attack("'a',1),('b',2", "sqli-statement");
        // SQL joins adjacent strings: a row split into two is still a row.
        attack("'a',1),('adm' 'in',1)--", "sqli-statement");
        attack("'x',1),('eve'\n'x',1),('mal',1)--", "sqli-statement");
    }

    #[test]
    fn url_fragments_sleep_in_prose_and_catalogues_opening_a_sentence() {
        // `#` between two words is a URL fragment, no comment cutting the
        // query short.
        benign(r#"<a href="/docs/getting-started#install" rel="noopener">Install guide</a>"#);
        benign(r#"see "/guide/set-up#step2" for the rest"#);
        attack("x'|email--", "sqli-boolean-injection");
        attack("x'|email#", "sqli-boolean-injection");
        // A call, a semicolon, then the sentence goes on.
        benign("This test is flaky because it relies on sleep(2); please await the event instead.");
        attack("1 and sleep(5);", "sqli-time-based");
        attack("1 and sleep(5); select 1", "sqli-time-based");
        // A catalogue opening an English sentence with an apostrophe in it.
        benign(
            "information_schema.columns is the portable way to list a table's columns across MySQL and Postgres.",
        );
        attack(
            "1' union select column_name from information_schema.columns--",
            "sqli-schema-enumeration",
        );
        attack(
            "information_schema.columns where table_name='users'",
            "sqli-schema-enumeration",
        );
    }

    #[test]
    fn tautologies() {
        attack("' or 1=1--", "sqli-tautology");
        attack("' or '1'='1", "sqli-tautology");
        attack("1' or 'a'='a", "sqli-tautology");
        attack("\" or \"\"=\"", "sqli-tautology");
        attack("admin') or ('1'='1", "sqli-tautology");
        attack("1 or 1=1", "sqli-tautology");
        attack("1 or true", "sqli-tautology");
        attack("' or true--", "sqli-tautology");
        attack("'||1#", "sqli-tautology");
        attack("x' OR 2>1 -- ", "sqli-tautology");
        attack("' or 1 like 1#", "sqli-tautology");
        attack(
            "SELECT * FROM users WHERE name = 'a' OR 1=1",
            "sqli-tautology",
        );
        attack("1'/**/or/**/'1'='1", "sqli-tautology");
    }

    #[test]
    fn boolean_and_probes() {
        attack("1' and 1=2--", "sqli-boolean-injection");
        attack("1 and 1=2", "sqli-boolean-injection");
        attack(
            "admin' and substring(password,1,1)='a",
            "sqli-boolean-injection",
        );
        attack(
            "' and (select count(*) from users) > 0 --",
            "sqli-boolean-injection",
        );
        attack("'='", "sqli-boolean-injection");
        attack("'||(select user from dual)||'", "sqli-boolean-injection");
        attack("' order by 5--", "sqli-order-by-probe");
        attack("1 group by 1 having 1=1--", "sqli-order-by-probe");
    }

    #[test]
    fn union_and_stacked() {
        attack("' union select null,null--", "sqli-union-select");
        attack("24'union+all+select+1,2,3+from+aa", "sqli-union-select");
        attack("uNioN  sElecT", "sqli-union-select");
        attack("';SELECT P", "sqli-stacked-query");
        attack("1 and 1 in (select @@version)", "sqli-subquery");
        attack("in ( select * from", "sqli-subquery");
        attack(
            "admin@example.com\\' or json (id);",
            "sqli-boolean-injection",
        );
        attack("BENChmARk(", "sqli-time-based");
        attack("select pg_sleep", "sqli-time-based");
        attack("EXTRACTVALUE(", "sqli-error-based");
        attack("INFORMATION_SCHEMA", "sqli-schema-enumeration");
        benign("Does information_schema.columns get slow on big MySQL servers with many tables?");
        attack(
            "1 and exists(select 1 from information_schema.tables)",
            "sqli-schema-enumeration",
        );
        attack("SELECT IIF(1 > 1, 'TRUE', 'FALSE' )", "sqli-statement");
        attack("1’ OR ’1’=’x’#", "sqli-boolean-injection");
        attack("x'|email--", "sqli-boolean-injection");
        attack("AND uid!=(", "sqli-boolean-injection");
        attack("or class!=\"", "sqli-boolean-injection");
        attack(
            "FROM ack_variable WHERE name=\"cron_last\";",
            "sqli-statement",
        );
        attack("declare @b", "sqli-statement");
        attack("select 0x616263", "sqli-statement");
        attack(
            "-1 UNION ALL SELECT username, password FROM users",
            "sqli-union-select",
        );
        attack("1 union/**/select 1,2", "sqli-union-select");
        attack(
            "'/*!50000union*/ /*!50000select*/ 1,2--",
            "sqli-union-select",
        );
        attack(
            "'/*!50000union*/ /*!50000select*/ 1,2--",
            "sqli-comment-obfuscation",
        );
        attack("1'; drop table users--", "sqli-stacked-query");
        attack("1; DELETE FROM accounts", "sqli-stacked-query");
        attack("x'; exec master..xp_cmdshell 'dir'--", "sqli-stacked-query");
        attack("'; shutdown--", "sqli-stacked-query");
        attack("1;select pg_sleep(5)", "sqli-stacked-query");
        attack(
            "a'; update users set role='admin' where 1=1--",
            "sqli-stacked-query",
        );
    }

    #[test]
    fn truncation() {
        attack("admin'--", "sqli-comment-truncation");
        attack("admin' #", "sqli-comment-truncation");
        // A CSS selector passed to a DOM call opens a string, not a break.
        benign("document.querySelector('#total').hidden = true;");
        benign("How come `SELECT name FROM users WHERE id = 2 OR 2 = 2` lists every user?");
        benign("On MySQL, `SLEEP(3)` is a quick way to try your read timeout.");
        attack("x` OR 1=1 -- `y", "sqli-tautology");
        attack("admin')/*", "sqli-comment-truncation");
        attack("admin\"--", "sqli-comment-truncation");
    }

    #[test]
    fn functions() {
        attack("1' and sleep(5)#", "sqli-time-based");
        attack(
            "1 AND (SELECT * FROM (SELECT(SLEEP(5)))a)",
            "sqli-time-based",
        );
        attack("benchmark(5000000,md5(1))", "sqli-time-based");
        attack("'; waitfor delay '0:0:5'--", "sqli-time-based");
        attack("1;select pg_sleep(10)", "sqli-time-based");
        attack(
            "' and extractvalue(1,concat(0x7e,version()))--",
            "sqli-error-based",
        );
        attack(
            "' and updatexml(1,concat(0x7e,(select user())),1)--",
            "sqli-error-based",
        );
        attack(
            "1 and exp(~(select * from (select user())a))",
            "sqli-error-based",
        );
        attack(
            "' union select load_file('/etc/passwd')--",
            "sqli-file-or-command",
        );
        attack(
            "' union select 1 into outfile '/var/www/x.php'--",
            "sqli-file-or-command",
        );
        attack(
            "' union select table_name from information_schema.tables--",
            "sqli-schema-enumeration",
        );
        attack("' union select @@version--", "sqli-system-variable");
        attack(
            "' union select char(97,100,109,105,110)--",
            "sqli-encoded-string",
        );
        attack("' or username=0x61646d696e--", "sqli-encoded-string");
    }

    #[test]
    fn javascript_breakout_from_a_string() {
        attack("x\"; return 1 == 1; var y=\"", "sqli-nosql-operator");
        attack("'; return this.role == 'admin'; //", "sqli-nosql-operator");
        benign("It's done; return the form to Ana; thanks");
        benign("if (ok) { return 'a'; } var y = 'b'");
    }

    #[test]
    fn a_delay_call_opening_a_sentence_is_prose() {
        benign("sleep(2) at the start of each retry loop keeps the logs readable");
        benign("2#QNAN");
        benign("-7#IND");
        attack("1#", "sqli-comment-truncation");
        attack("sleep(5)", "sqli-time-based");
        attack("sleep(5)#", "sqli-time-based");
        attack("sleep(5) and 1 in (select 1)", "sqli-time-based");
    }

    #[test]
    fn prose_is_not_sql_injection() {
        for s in [
            "\tIgnore lines starting with \u{2018}+\u{2019} in stderr.\n\tThe shell outputs them after set -x.",
            "so you can now simply\n remove the \"- \" in front of such a header if someone signed it",
            "could match in the middle of a character when using a '^'-anchored alternate in a pattern",
            "Corrected statement about what happens\n\twhen comparing \"0y\" and \"0x12\"; the previous behaviour",
            "\t`limit` should use `break`",
            "argvsplit: do not consider ' and \" to have similar rules to escape sequences",
            "mimalloc = { version = \"*\", features = [\"secure\"] }",
            "m.insert(\"/\", \"Welcome!\").unwrap();",
            "Enables deserializing `&'static Encoding`-typed\nstruct fields using Serde.",
            "O'Brien",
            "Mary O'Brien-Smith",
            "Workers' Union",
            "the Workers' Union selected a new chair",
            "l'homme d'affaires",
            "Aujourd'hui c'est l'été, n'est-ce pas?",
            "select the best option",
            "Don't select the red one; update me later",
            "1=1 is always true",
            "Portland, OR 97201",
            "123 Main St, Salem, OR 83048",
            "Salem OR 97301",
            "Tom & Jerry <3",
            "Please select from the drop-down menu and update your profile",
            "I'm sure it's fine -- really",
            "Rock 'n' roll or jazz?",
            "We need sleep (8 hours) and exercise",
            "You're right; drop table-based layouts",
            "It's 5 o'clock; let's go",
            "Use /* comments */ sparingly",
            "cats or dogs = pets",
            "2024-01-01T10:00:00Z",
            "Call me at 555-1234 or email a@b.com",
            "the students' -- and teachers' -- lounge",
            "\"quoted\" text, and more",
            "She said \"yes\" or \"no\"",
            "1 or 2",
            "#hashtag and @mention",
            "Price: $5 (tax incl.) & free shipping",
            "if (a == b) { return 1; }",
            "x = y || z && w",
            "2 > 1 and 3 < 4",
            "5 > 3 and 2 < 4",
            "We benchmark (weekly) our API",
            "in (select cases) we escalate",
            "l’homme d’affaires, it’s “quoted”",
            "And the winner is Bob",
            "Or maybe not",
            "from the store where I live",
            "and x = y in maths",
        ] {
            benign(s);
        }
    }

    #[test]
    fn bare_statement_is_low() {
        assert_eq!(
            rules_for("Select count(*) from Monitor"),
            vec!["sqli-bare-statement"]
        );
        assert_eq!(
            rules_for("select * from users where id = 1"),
            vec!["sqli-whole-query"]
        );
        assert!(rules_for("select the best option").is_empty());
    }

    #[test]
    fn values_are_separate_contexts() {
        // A quote in one value does not change the context of the next.
        assert!(!flagged("it's\0so 1=1 makes no sense"));
        attack("name\0' or 1=1--", "sqli-tautology");
    }

    #[test]
    fn fragments_casts_and_operators() {
        for s in [
            "COS(",
            "uNhEx(",
            "SLEEP   (",
            "year]=(",
            "select(user(",
            "if(1234=",
            "ln) (",
        ] {
            attack(s, "sqli-function-fragment");
        }
        attack("password::int", "sqli-type-cast");
        attack("encode(lo_get(16400),'base64')::int", "sqli-type-cast");
        attack("'[1, 2]'::jsonb || '3'::jsonb", "sqli-type-cast");
        attack("1 and 1=password::int", "sqli-type-cast");
        attack("EXEC('SEL' + 'ECT * FROM users')", "sqli-split-keyword");
        attack(
            "SELECT CASE WHEN (1=1) THEN 'A' ELSE 'B' END;",
            "sqli-boolean-injection",
        );
        attack("1 AND IF(1=1,'true','false')", "sqli-boolean-injection");
        benign("SELECT CASE WHEN total > 100 THEN 'big' ELSE 'small' END FROM orders;");
        benign("Use IF(a = b, 'same', 'different') to compare the two columns.");
        attack("x'||'UNI'||'ON SEL'||'ECT 1", "sqli-split-keyword");
        attack("q=\"DR\" + \"OP TABLE t\"", "sqli-split-keyword");
        benign("greeting = 'Hello, ' + name + '!'");
        benign("const url = 'https://example.com/' + 'select' + '?q=1';");
        benign("label = \"Re\" + \"select the item\"");
        attack(
            "id=1 AND 1=(SELECT password::int FROM users LIMIT 1)",
            "sqli-type-cast",
        );
        // Paths in code and prose are not casts.
        benign("use serde_json::json;\nlet v: serde_json::Value = json!({});");
        benign("Complete drop-in replacement for [`std::time`] that works in browsers.");
        benign("match (text.type_(), text.subtype()) { (mime::TEXT, mime::PLAIN) => {} }");
        benign("entry sends extra notify::text with \"\" on destroy");
        attack("u_id[$ne]", "sqli-nosql-operator");
        attack("$where", "sqli-nosql-operator");
        attack("{\"$gt\": \"\"}", "sqli-nosql-operator");
        attack("'UNION A", "sqli-break-keyword");
        attack("\" ALTER A", "sqli-break-keyword");
        attack(") AS Role FROM", "sqli-statement");
        attack("` AS `edit_user_id` from", "sqli-statement");
        attack("pay=AND 2771=1709)", "sqli-boolean-injection");
        attack("/post/1234 OR 1=1", "sqli-tautology");
        attack("OR '[1,2]' ? '1'", "sqli-boolean-injection");
        attack(
            "OR json_extract('{\"id\": 14}', '$.id') = '14'",
            "sqli-boolean-injection",
        );
        attack("&&(e===", "sqli-boolean-injection");
        attack("'x'!='y", "sqli-boolean-injection");
        attack("'1' not regexp '2'", "sqli-boolean-injection");
        attack("'admin', '1'", "sqli-statement");
        attack("VALUES ('192.168.0.1', 'test')", "sqli-statement");
        attack("; insert into", "sqli-stacked-query");
        attack("admin@example.com';", "sqli-comment-truncation");
        attack("SELECT (CASE", "sqli-statement");
        attack(") like (", "sqli-boolean-injection");
        attack("(select", "sqli-subquery");
        attack("except values(1,2)", "sqli-union-select");
        attack("DELETE FROM users;--", "sqli-stacked-query");
        attack("OR 1# ", "sqli-boolean-injection");
        attack("pg_catalog", "sqli-schema-enumeration");
        attack("sp_executesql", "sqli-file-or-command");
        attack("lo_get(16400)", "sqli-function-fragment");
        attack("\"2562*23", "sqli-boolean-injection");
        attack("11!=1", "sqli-boolean-injection");
        attack("BENChmARk(2999/**/999,Md5(NoW()", "sqli-time-based");
        attack("42 like 42", "sqli-boolean-injection");
        attack("EXECUTE IMMEDIATE \"", "sqli-statement");
        attack("procedure analyse (", "sqli-function-fragment");
        attack(
            "<?xml version=\"1.0\"?><root><a probe=\"1234 OR 1=1\"></a></root>",
            "sqli-tautology",
        );
        attack(
            "concat(0x223e3c62723e,version(),0x3c696d67207372633d22)",
            "sqli-encoded-string",
        );
        for s in [
            "Use COUNT(*) to count rows",
            "Use Value::Text for strings, std::string in C++",
            "see Foo::int(x) and a::text::b",
            "Call me (maybe",
            "the date (",
            "'Union' is a word",
            "'Union Jack' flag",
            "known as Bob from accounting",
            "price $gt 5 dollars",
            "q=select the best option",
            "/docs/select the best option",
            "I'd say 'alter the plan'",
            "Or maybe not, (see above)",
            "He said 'hi';",
            "'yes', then 'no'",
            "; see above",
            "(see the table) like this",
            "except values that are empty",
            "Delete the old files;",
            "user_name",
            "max(3, 4)",
            "\"5\" screen",
            "1=1 is always true, 2+2=4",
            "<a title=\"select the best option\">x</a>",
            "I like '",
        ] {
            benign(s);
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

    #[test]
    fn word_sets_are_sorted() {
        for set in [
            AROUND_QUOTE,
            STATEMENTS,
            BEFORE_PAREN,
            SPECIAL_NAMES,
            SQL_FUNCTIONS,
            WHOLE_NAMES,
        ] {
            assert!(set.windows(2).all(|w| w[0] < w[1]), "{set:?}");
        }
    }

    /// Cost on benign values. Not an assertion: run by hand with
    /// `cargo test --release -p sluice-detect sqli_cost -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn sqli_cost() {
        crate::detectors::timing::report_cost("sqli", scan);
        let text = crate::detectors::timing::benign_mib();
        let mut best = std::time::Duration::MAX;
        for _ in 0..40 {
            let t = std::time::Instant::now();
            let n = Marks::new(text.as_bytes()).count();
            std::hint::black_box(n);
            best = best.min(t.elapsed());
        }
        println!("marks {}: {best:?}", Marks::new(text.as_bytes()).count());
    }

    #[test]
    fn grammar_after_a_break() {
        attack("bob'collate nocase--", "sqli-boolean-injection");
        attack("bob'collate`binary`#", "sqli-boolean-injection");
        attack("' isnull --", "sqli-boolean-injection");
        attack("name'not like name--", "sqli-boolean-injection");
        attack("'sounds like uid#", "sqli-boolean-injection");
        attack("x' or tags[2] is not null--", "sqli-boolean-injection");
        attack(
            "me@x.io' and mail ! all (select mail)--",
            "sqli-boolean-injection",
        );
        attack("y' or mail~all(array[mail]);--", "sqli-boolean-injection");
        attack("' and uid not similar to name--", "sqli-boolean-injection");
        attack("' or abc-", "sqli-boolean-injection");
        attack("' * 2 = 1 or '7", "sqli-tautology");
        attack("'regexp 2;", "sqli-boolean-injection");
        attack("';print'", "sqli-stacked-query");
        attack("', 7, 8", "sqli-boolean-injection");
        attack(
            "'', '', '', '', '', '', '', '', '', '', 4",
            "sqli-statement",
        );
        attack("t\" pg_sleep(4) \"", "sqli-time-based");
        benign("my parents' or yours?");
        benign("the kids' or theirs!");
        benign("'yes', said Tom, 'or no'");
        benign("Rock 'n' roll or jazz - your pick");
    }

    #[test]
    fn select_lists_and_having() {
        attack("select 4,5,6,version(", "sqli-statement");
        attack("SELECT*/ 7,8,9", "sqli-statement");
        attack("select null,null,@@version", "sqli-statement");
        attack("select a group by b having sum(c) > 2", "sqli-statement");
        attack("\\'or", "sqli-boolean-injection");
        attack("3.e(select 1)", "sqli-comment-obfuscation");
        benign("Select 1, 2, 3");
        benign("select one, two or three");
        benign("Select the team having max(score) on Monday");
    }

    #[test]
    fn gates_skip_addresses_and_json_text() {
        benign("4410 Oak Street, Salem, OR 97301");
        benign("{\"name\": \"Ann\", \"note\": \"Fine.\"}");
        attack("q=', 5, 6", "sqli-boolean-injection");
        attack(", group_concat(name, ':', pass)", "sqli-function-fragment");
        attack("7 or 1=1", "sqli-tautology");
        attack("3) and (2=2", "sqli-tautology");
        attack("'a', 'b', 'c'", "sqli-statement");
    }

    #[test]
    fn fragments_and_evasions() {
        attack("in (4,5)", "sqli-boolean-injection");
        attack("not in (10, -20, 30)", "sqli-boolean-injection");
        attack("OR '[1]' ?& array['x','y']", "sqli-boolean-injection");
        attack("SEL/**/ECT/**/name", "sqli-comment-obfuscation");
        attack("TRUN/*x*/CATE/*y*/logs", "sqli-comment-obfuscation");
        attack("2.e(select 1)", "sqli-comment-obfuscation");
        attack("x; select (case when 1=1 then 1 end)", "sqli-stacked-query");
        attack(
            ";replace into t (a, b) values (1, 2);",
            "sqli-stacked-query",
        );
        benign("in (see above)");
        benign("in (2 days)");
        benign("Bring snacks; select (or bring) drinks");
        benign("Version 1.e is out (finally)");
        benign("Replace the filter; replace it with values (see manual)");
    }

    #[test]
    fn a_value_opening_with_an_unmatched_quote_and_a_condition() {
        attack("' and price 3", "sqli-boolean-injection");
        attack("'  xor  flag!", "sqli-boolean-injection");
        attack("'  or 7,8@", "sqli-boolean-injection");
        attack("'''and 0", "sqli-boolean-injection");
        attack("'or(sqrt 4)--", "sqli-boolean-injection");
        attack("bob'and ?#", "sqli-boolean-injection");
        attack("' >= 9) or '", "sqli-boolean-injection");
        // The first quote escaped by a backslash, the second one breaks.
        attack("bar\\''and'rab", "sqli-boolean-injection");
        // Acute accents read as quotes, raw and as NFKC leaves them.
        attack(
            "7\u{b4} AND \u{b4}a\u{b4}=\u{b4}b\u{b4}--",
            "sqli-boolean-injection",
        );
        attack(
            "7 \u{301} AND  \u{301}a \u{301}= \u{301}b \u{301}--",
            "sqli-boolean-injection",
        );
        attack("` RLIKE ", "sqli-boolean-injection");
        attack("' <= ", "sqli-boolean-injection");
        benign("'like, totally");
        benign("'or else' he said, and left");
        benign("' or so I thought");
        benign("'and then he left");
        benign("5' or 6' tall");
        benign("'Tis or 'twas, either reads fine");
        benign("Brian O\u{b4}Neil or Mary Smith");
        benign("it\u{b4}s or isn\u{b4}t, that is the question");
    }

    #[test]
    fn set_operations_routines_and_dangling_subselects() {
        attack("EXCEPT\tSELECT 0x41,2", "sqli-union-select");
        attack("1;waitfor delay+'0:0:4'", "sqli-time-based");
        attack("@v = ( SELECT", "sqli-subquery");
        attack(
            "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'",
            "sqli-statement",
        );
        attack("2.e.columns", "sqli-comment-obfuscation");
        // An attribute value holding quotes once `&quot;` is decoded.
        attack(
            "<q><i v=\"5 AS \"n\" FROM accounts\"/></q>",
            "sqli-statement",
        );
        benign("Except select customers, all orders ship free");
        benign("except for the last one");
        benign("Create a function that returns the sum of two numbers");
        benign("how do I create function in mysql");
        benign("1.e.g. see the appendix");
        benign("<a title=\"He said \"hi\" to me\">link</a>");
    }

    #[test]
    fn long_values_are_analysed_in_windows() {
        let prose = "It's late; the team's 'best' option (the blue one) was chosen = fine. ";
        let long = prose.repeat(120);
        assert!(long.len() > LONG);
        benign(&long);
        for (attack_text, rule) in [
            ("bob' or 1=1-- ", "sqli-tautology"),
            ("1 union select password from users ", "sqli-union-select"),
            ("x'; drop table users; -- ", "sqli-stacked-query"),
            ("sleep(5) ", "sqli-time-based"),
        ] {
            for at in [0, long.len() / 2, long.len()] {
                let text = format!("{}{attack_text}{}", &long[..at], &long[at..]);
                attack(&text, rule);
            }
        }
        // Several values, one of them long: offsets stay in their value.
        let text = format!("{long}\0' or 'a'='a\0{long}");
        attack(&text, "sqli-tautology");
        let mut hits = Vec::new();
        scan(&text, &mut hits);
        let second = long.len() + 1..2 * long.len();
        assert!(hits.iter().all(|h| second.contains(&h.start)), "{hits:?}");
    }

    #[test]
    fn quote_lookalikes_break_out() {
        // Modifier-letter apostrophe and prime, as best-fit charsets read them.
        attack("x\u{2bc} or \u{2bc}a\u{2bc}=\u{2bc}a", "sqli-tautology");
        attack("5\u{2b9} OR 2>1--", "sqli-tautology");
        attack("9\u{2032} or 3=3#", "sqli-tautology");
        benign("\u{43c}\u{2bc}\u{44f}\u{442}\u{430} and \u{441}\u{456}\u{43c}\u{2bc}\u{44f}");
        benign("it\u{2032}s 5\u{2032}10\u{2033} tall or so");
        benign("O\u{2bc}Neil or Smith");
    }

    #[test]
    fn insert_and_update_contexts() {
        attack("me@x.org'),('eve','pw',0)--", "sqli-statement");
        attack("Ann'), ('eve', 'x', 1), ('bob', 'y", "sqli-statement");
        attack("z'),(0x41,(select 1),null);", "sqli-statement");
        attack("carol', role='admin' WHERE id=7#", "sqli-statement");
        attack("dan', credits=9999--", "sqli-statement");
        attack("eve', note='x', level=3 where 1", "sqli-statement");
        benign("my parents'), (and yours)");
        benign("the boys'), ('girls')");
        benign("the students', teachers and parents");
        benign("Anne', the=best");
        benign("Bob', x=1");
    }

    #[test]
    fn string_arithmetic_between_the_query_quotes() {
        attack("'*1*'", "sqli-boolean-injection");
        attack("'+0+'", "sqli-boolean-injection");
        attack("'|0|'", "sqli-boolean-injection");
        benign("'-0-' is an emoticon");
        benign("'-0-' and '+1+' are both faces");
    }

    #[test]
    fn false_conditions_in_a_query_string_read_as_text() {
        attack(
            "GET /v1/orders?order_no=90210 AND 4=5&currency=eur",
            "sqli-boolean-injection",
        );
        attack("POST /cart?item=33 and 8<7&qty=1", "sqli-boolean-injection");
        attack("user_id=12 AND 3=4&tab=profile", "sqli-boolean-injection");
        benign("GET /search?q=salt and pepper&page=3");
        benign("See https://tracker.example.org/show?id=4471#c12 for the log");
        benign("location.assign('/basket?stage=3');");
    }

    #[test]
    fn sql_shown_in_a_sql_code_fence() {
        benign(
            "```sql\nSELECT city, AVG(price) AS avg_price FROM listings GROUP BY city HAVING COUNT(*) > 5;\n```",
        );
        benign(
            "Try this:\n```postgresql\nSELECT id FROM jobs WHERE state = 'queued' ORDER BY created_at LIMIT 20;\n```\nIt uses the index.",
        );
        // Every fence of several is read, not every other one.
        let fence = "```sql\nSELECT a FROM b UNION SELECT c FROM d\n```\nThen:\n";
        benign(&fence.repeat(3));
        // Runs of backticks, with and without line breaks, are one pass.
        let t = format!("id=1' OR 1=1 -- \n{}", "```".repeat(100_000));
        assert!(flagged(&t));
        let t = format!("id=1' OR 1=1 -- \n{}", "```sql\nSELECT 1\n".repeat(20_000));
        assert!(flagged(&t));
        // Not declared SQL, or breaking out of a string, or stalling.
        attack("```sql\nadmin' OR 'a'='a' --\n```", "sqli-tautology");
        attack(
            "```mysql\nSELECT * FROM t WHERE id = 1 AND SLEEP(10);\n```",
            "sqli-time-based",
        );
        assert!(flagged(
            "```text\nSELECT city, AVG(price) AS avg_price FROM listings GROUP BY city;\n```"
        ));
    }

    #[test]
    fn conditions_quoted_in_prose() {
        benign("What does 'OR 2=2' do in a login form?");
        benign("He typed \"or 1=1\" and nothing happened");
        benign("Sleep(500) between polls is too short, use a backoff.");
        benign("sleep(2) if the queue is empty; otherwise poll again");
        attack("x' OR 2=2 'abc", "sqli-tautology");
        benign(
            "Parameterised queries stop the classic ' OR 1=1 trick because the value never becomes part of the SQL text.",
        );
        attack("the name is admin ' OR 1=1 --", "sqli-tautology");
        attack("the name is admin ' OR 1=1 limit 1 then", "sqli-tautology");
        attack("sleep(5); select 1", "sqli-time-based");
    }

    #[test]
    fn subselects_and_other_objects() {
        attack(
            "name = 'q' OR ORD(MID((SELECT pass FROM users),1,1))>50",
            "sqli-subquery",
        );
        attack(
            "1; CREATE ALIAS SHELL AS 'String f() { return null; }'",
            "sqli-stacked-query",
        );
        attack("7; DROP SEQUENCE s1;", "sqli-stacked-query");
        benign("max((see notes) from Monday)");
        benign("Open settings; create alias work for your inbox");
        benign("Lunch at noon; create event invites");
        benign("We won; drop role models, not goals");
    }

    #[test]
    fn whole_value_names_and_lone_conditions() {
        attack("MSysObjects", "sqli-schema-enumeration");
        attack("mysql.tables_priv", "sqli-schema-enumeration");
        attack("OpenDataSource", "sqli-file-or-command");
        attack("or 12", "sqli-boolean-injection");
        // Value starts after a NUL, merged with the byte marks in order.
        attack("a'b\0or 12\0x", "sqli-boolean-injection");
        attack("2 pears\0sysobjects", "sqli-schema-enumeration");
        attack("sysobjects\0' or 1=1--", "sqli-tautology");
        attack("xor 3*", "sqli-boolean-injection");
        attack("4 as' FROM", "sqli-statement");
        attack("x AS\" from t", "sqli-statement");
        benign("or 0");
        benign("or 2 more");
        benign("mysql is a database");
        benign("openrowset docs");
        benign("Systems and more");
        benign("he is known as \"from the heart\"");
        benign("known as 'from' in German");
        benign("Consider Path::join rather than joining strings with '/'");
        benign("Use '-' between words, not '+'");
    }

    #[test]
    fn names_quoted_in_prose() {
        benign("The sleep(3) in the retry loop is why the test takes so long");
        benign("grep for 'sysobjects' in the repo shows one use");
        attack("x' and sleep(3)--", "sqli-time-based");
        attack(
            "1 union select name from sysobjects",
            "sqli-schema-enumeration",
        );
    }

    #[test]
    fn xml_element_text_is_a_value() {
        attack("<req><qty>3 OR 2=2</qty></req>", "sqli-tautology");
        attack(
            "<a><b>x' UNION SELECT pw FROM users--</b></a>",
            "sqli-union-select",
        );
        benign("<note><body>Tom or Jerry = fun</body></note>");
        benign("<p>It's 5 o'clock; let's go</p><p>1 or 2</p>");
    }

    #[test]
    fn pathological_inputs_terminate() {
        let quotes = "'".repeat(100_000);
        let _ = rules_for(&quotes);
        for run in ["<", "=", "!=", "#", " #", "a=", "&a=", "=\"", "_", "$ne"] {
            let _ = rules_for(&run.repeat(50_000));
        }
        let parens = "(".repeat(100_000);
        let _ = rules_for(&parens);
        let mixed = "' or (".repeat(20_000);
        let _ = rules_for(&mixed);
        let comments = "/*".repeat(50_000);
        let _ = rules_for(&comments);
    }
}

//! The detectors, one module per category.
//!
//! Each module exposes `pub(crate) static RULES: &[RuleInfo]` and
//! `pub(crate) fn scan(text: &str, hits: &mut Vec<Hit>)`. `text` has already
//! been decoded and normalised by the engine (percent/HTML/JSON/JS escapes
//! undone, NFKC applied, zero-width and bidi controls removed) but NOT case
//! folded: detectors match case-insensitively themselves. Hit offsets are
//! byte offsets into `text` and must lie on char boundaries.
//!
//! `text` may hold several values (the strings of a JSON document, the keys
//! and values of a form) separated by NUL (`\0`). A match should not span a
//! NUL; the engine cuts a hit at the first NUL after its start.

use crate::finding::{Hit, RuleInfo};

pub(crate) mod cmdi;
mod path;
mod pii;
mod prompt;
pub(crate) mod prompt_model;
pub(crate) mod sqli;
pub(crate) mod xss;

/// One detector module.
pub(crate) struct Module {
    pub(crate) rules: &'static [RuleInfo],
    pub(crate) scan: fn(&str, &mut Vec<Hit>),
}

/// Every built-in detector, in category order.
pub(crate) static MODULES: &[Module] = &[
    Module {
        rules: sqli::RULES,
        scan: sqli::scan,
    },
    Module {
        rules: xss::RULES,
        scan: xss::scan,
    },
    Module {
        rules: cmdi::RULES,
        scan: cmdi::scan,
    },
    Module {
        rules: path::RULES,
        scan: path::scan,
    },
    Module {
        rules: prompt::RULES,
        scan: prompt::scan,
    },
    Module {
        rules: prompt_model::RULES,
        scan: prompt_model::scan,
    },
    Module {
        rules: pii::RULES,
        scan: pii::scan,
    },
];

/// Builds the tables that payloads alone do not reach (see
/// `Detector::warm_up`).
pub(crate) fn warm_up() {
    cmdi::warm_up();
    prompt_model::warm_up();
}

/// Every built-in rule.
pub(crate) fn builtin_rules() -> impl Iterator<Item = &'static RuleInfo> {
    MODULES.iter().flat_map(|m| m.rules.iter())
}

/// Splits `text` into its NUL-separated values: `(offset, value)`. Like
/// `text.split('\0')` (an empty text is one empty value), with a vectorised
/// search for the separators.
// Kept for detectors that analyse one value at a time, though none calls it
// at present.
#[allow(dead_code)]
pub(crate) fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = Some(0);
    std::iter::from_fn(move || {
        let at = pos?;
        let rest = &text[at..];
        match memchr::memchr(0, rest.as_bytes()) {
            Some(i) => {
                pos = Some(at + i + 1);
                Some((at, &rest[..i]))
            }
            None => {
                pos = None;
                Some((at, rest))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn segments_split_like_str_split() {
        for text in ["", "a", "\0", "a\0", "\0b", "ab\0\0cd\0e", "日本\0語"] {
            let mut pos = 0;
            let want: Vec<(usize, &str)> = text
                .split('\0')
                .map(|s| {
                    let at = pos;
                    pos += s.len() + 1;
                    (at, s)
                })
                .collect();
            assert_eq!(super::segments(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }
}

/// Hand-run cost measurements on benign values (ignored tests: timing is
/// for benchmarks, not assertions).
#[cfg(test)]
pub(crate) mod timing {
    use super::safety::Scan;
    use crate::finding::Hit;

    /// Ordinary values: prose with quotes, semicolons and SQL words, short
    /// form fields, a number.
    pub(crate) const BENIGN_LINES: [&str; 8] = [
        "Meet Jessica at Union Square; bring the table by the window.",
        "Is the blue shirt better than the old files? Select one and order by price.",
        "customer",
        "order",
        "2024",
        "Please update my shipping address to 12 Rue de la Paix, Paris.",
        "It's 5 o'clock somewhere -- let's go!",
        "The build failed with exit code 2 (see logs).",
    ];

    /// About 1 MiB of [`BENIGN_LINES`] as NUL-separated values.
    pub(crate) fn benign_mib() -> String {
        let mut text = String::new();
        while text.len() < 1 << 20 {
            for l in BENIGN_LINES {
                text.push_str(l);
                text.push('\0');
            }
        }
        text
    }

    /// A count from the environment variable `key`, or `default`; at least 1.
    pub(crate) fn env_count(key: &str, default: u32) -> u32 {
        std::env::var(key)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
            .max(1)
    }

    /// Prints the best of `rounds` scans of `text` (about 1 MiB) and returns
    /// the last scan's hits.
    pub(crate) fn report_best(label: &str, text: &str, rounds: u32, scan: Scan) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut best = std::time::Duration::MAX;
        for _ in 0..rounds {
            hits.clear();
            let t = std::time::Instant::now();
            scan(text, &mut hits);
            best = best.min(t.elapsed());
        }
        println!(
            "{label}: {best:?} per MiB (best of {rounds}), {} hits",
            hits.len()
        );
        hits
    }

    /// Prints `scan`'s cost per MiB of benign values (best of `COST_ROUNDS`,
    /// default 20) and per short value (`COST_SHORT` passes, default 1000),
    /// for runs under `perf stat` or by hand.
    pub(crate) fn report_cost(name: &str, scan: Scan) {
        let (rounds, short) = (env_count("COST_ROUNDS", 20), env_count("COST_SHORT", 1000));
        let mut hits = report_best(name, &benign_mib(), rounds, scan);
        let t = std::time::Instant::now();
        for _ in 0..short {
            for l in BENIGN_LINES {
                hits.clear();
                scan(l, &mut hits);
            }
        }
        println!(
            "{name}: {:?} per short value",
            t.elapsed() / (short * BENIGN_LINES.len() as u32)
        );
    }

    /// Per-module cost on benign values. Not an assertion: run by hand with
    /// `cargo test --release -p sluice-detect per_module_cost -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn per_module_cost() {
        for m in super::MODULES {
            report_cost(m.rules[0].id, m.scan);
        }
    }
}

/// Robustness checks every detector's unit tests run against its `scan`.
#[cfg(test)]
pub(crate) mod safety {
    use crate::finding::Hit;

    /// A detector's entry point.
    pub(crate) type Scan = fn(&str, &mut Vec<Hit>);

    /// Pseudo-random inputs built from the pieces detectors react to:
    /// every scan terminates and yields in-bounds, char-aligned spans.
    pub(crate) fn arbitrary_inputs_are_safe(scan: Scan) {
        const PIECES: &[&str] = &[
            "../",
            "..",
            "..\\",
            "%2e",
            "%c0%af",
            "%00",
            "%",
            "$",
            "{",
            "}",
            "{{",
            "}}",
            "${",
            "$(",
            "`",
            ";",
            "|",
            "&&",
            "&",
            "\n",
            "\0",
            "@",
            "+",
            "(",
            ")",
            "-",
            " ",
            "a",
            "Z",
            "0",
            "9",
            "4111",
            "é",
            "日",
            "'",
            "\"",
            "\\",
            "/",
            "eyJ",
            "AKIA",
            "DE89",
            "ignore",
            "all",
            "previous",
            "instructions",
            "you are",
            "DAN",
            "cat",
            "id",
            "/etc/passwd",
            "-----BEGIN ",
            "PRIVATE KEY-----",
            "password=",
            "<%",
            "%>",
            "#{",
            "jndi:",
            "${::-j}",
            "?",
            "*",
            ".",
            ":",
            "=",
            "B y p a s s ",
            "<|im_start|>",
            "0151 ",
            "+44 ",
            "x@y.io",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 40) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let mut hits = Vec::new();
            scan(&s, &mut hits);
            for h in &hits {
                assert!(h.start < h.end && h.end <= s.len(), "{s:?}");
                assert!(
                    s.is_char_boundary(h.start) && s.is_char_boundary(h.end),
                    "{s:?}"
                );
            }
        }
    }

    /// Long runs of multi-byte characters after every trigger: spans stay
    /// on char boundaries.
    pub(crate) fn long_multibyte_inputs_are_safe(scan: Scan) {
        let wide = "日本語é".repeat(120);
        for prefix in [
            "",
            "; cat ",
            "cat ",
            "../",
            "../../",
            "/etc/",
            "x=",
            "password=",
            "ignore all ",
            "{{",
            "${",
            "`",
            "@",
            "+1 ",
            "-----BEGIN PRIVATE KEY-----\n",
            "file:///",
            "%2e%2e/",
        ] {
            for text in [
                format!("{prefix}{wide}"),
                format!("{wide}{prefix}{wide}"),
                format!("{prefix}{}{wide}", "a".repeat(199)),
                format!("{prefix}{}{wide}", "a".repeat(255)),
            ] {
                let mut hits = Vec::new();
                scan(&text, &mut hits);
                for h in &hits {
                    assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
                }
            }
        }
    }
}

/// The strings before the value starting at `vs` of `b` (strings of a
/// JSON document, NUL-separated, each value after its key), nearest first:
/// its key, then what encloses it, and how many there are. Only eight,
/// within 512 bytes: enough to see a value's key and its object's key, and
/// constant-time however many values a document holds. `b[vs - 1]` must
/// be the NUL that ends the key.
fn strings_before(b: &[u8], vs: usize) -> ([&[u8]; 8], usize) {
    let mut strings = [&b[..0]; 8];
    let mut n = 0;
    let mut end = vs - 1;
    let floor = vs.saturating_sub(512);
    while n < strings.len() {
        let start = memchr::memrchr(0, &b[floor..end]).map_or(floor, |p| floor + p + 1);
        strings[n] = &b[start..end];
        n += 1;
        if start == floor {
            break;
        }
        end = start - 1;
    }
    (strings, n)
}

/// Whether `line` is a `key = value` pair of an INI-style file, and its
/// key: letters, digits, `_`, `-` and `.` before `=`.
pub(crate) fn ini_key(line: &[u8]) -> Option<&[u8]> {
    let t = line.trim_ascii();
    let k = t
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
        .count();
    (k > 0 && t[k..].trim_ascii_start().starts_with(b"=")).then(|| &t[..k])
}

/// Which of an agent's tool arguments a value may be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ToolField {
    /// The query of a database tool (`run_sql`'s `query`, MCP `sql`).
    Sql,
    /// The command line of a shell tool (`shell`'s `command`).
    Command,
}

/// Whether the value starting at `vs` of `b` (strings of a JSON document,
/// NUL-separated, each value after its key) is the argument a tool takes
/// by design: its key names that argument (`sql`, `query`, `command`),
/// and it sits directly in the `arguments`, `args`, `input` or
/// `tool_input` object of a call whose `name` names a tool of that kind
/// (`run_sql`, `shell`). A model's agent
/// sends its own queries and commands there: only the rules for a whole
/// query or command line are dropped, and an injection shape inside them
/// still counts under its own rule, since anyone can write the shape.
pub(crate) fn tool_argument(b: &[u8], vs: usize, field: ToolField) -> bool {
    if vs == 0 || b[vs - 1] != 0 {
        return false;
    }
    let (strings, n) = strings_before(b, vs);
    let key = strings[0].to_ascii_lowercase();
    let key_ok = match field {
        ToolField::Sql => {
            memchr::memmem::find(&key, b"sql").is_some()
                || [&b"query"[..], b"statement", b"stmt"].contains(&key.as_slice())
        }
        ToolField::Command => [
            &b"command"[..],
            b"cmd",
            b"commands",
            b"script",
            b"shell_command",
            b"commandline",
            b"command_line",
        ]
        .contains(&key.as_slice()),
    };
    // `{"name": "run_sql", "arguments": {"query": ...}}`: the key sits
    // directly in the arguments object, whose sibling `name` names a
    // tool of that kind.
    let is = |s: &[u8], w: &[u8]| s.eq_ignore_ascii_case(w);
    let kinds: &[&str] = match field {
        ToolField::Sql => &[
            "sql",
            "query",
            "db",
            "database",
            "bigquery",
            "bq_",
            "snowflake",
            "postgres",
            "mysql",
            "sqlite",
            "warehouse",
        ],
        ToolField::Command => &[
            "shell",
            "bash",
            "terminal",
            "exec",
            "command",
            "run",
            "cmd",
            "powershell",
            "sh",
        ],
    };
    // Other arguments may come first (`{"db": "notes.db", "sql": ...}`):
    // the object's key is then one or two pairs further back.
    key_ok
        && [1usize, 3, 5].iter().any(|&j| {
            j + 2 < n
                && ["arguments", "input", "args", "tool_input"]
                    .iter()
                    .any(|m| is(strings[j], m.as_bytes()))
                && is(strings[j + 2], b"name")
                && {
                    let tool = strings[j + 1].to_ascii_lowercase();
                    kinds
                        .iter()
                        .any(|t| memchr::memmem::find(&tool, t.as_bytes()).is_some())
                }
        })
}

/// Whether the value starting at `vs` of `b` (strings of a JSON document,
/// NUL-separated, each value after its key) is the system prompt of a
/// chat-completion request: the `content` of a message whose `role` is
/// `system` or `developer` inside a `messages` array, or a `system` /
/// `instructions` string beside the request's `model`. The application
/// writes it; what users and tools supply arrives in the other messages.
/// A lone `{"role": "system", ...}` object, pasted into a message or
/// returned by a tool, is a fake one and is not this.
pub(crate) fn system_prompt_value(b: &[u8], vs: usize) -> bool {
    // A request opens with it: near the start, before any other message,
    // and not inside JSON decoded out of a string (a message or a tool
    // result holding a request of its own).
    if vs == 0 || vs > 1024 || b[vs - 1] != 0 {
        return false;
    }
    // The key alone settles almost every value, before the prefix is read.
    let key = &b[memchr::memrchr(0, &b[..vs - 1]).map_or(0, |p| p + 1)..vs - 1];
    if !["content", "system", "instructions", "system_prompt"]
        .iter()
        .any(|k| key.eq_ignore_ascii_case(k.as_bytes()))
    {
        return false;
    }
    let prefix = &b[..vs - 1];
    if matches!(b.first(), Some(b'{' | b'['))
        || memchr::memchr_iter(0, prefix).any(|p| matches!(b.get(p + 1), Some(b'{' | b'[')))
        || memchr::memmem::find(prefix, b"\0content\0").is_some()
    {
        return false;
    }
    let (strings, n) = strings_before(b, vs);
    let is = |s: &[u8], w: &[u8]| s.eq_ignore_ascii_case(w);
    let key = strings[0];
    if ["system", "instructions", "system_prompt"]
        .iter()
        .any(|k| is(key, k.as_bytes()))
    {
        // The key just before is `model`: `{"model": "...", "system": ...}`.
        // (or one key further: a number such as `max_tokens` between).
        return (n >= 3 && is(strings[2], b"model")) || (n >= 4 && is(strings[3], b"model"));
    }
    // `"messages": [{"role": "system", "content": "..."}`: the first
    // message, as SDKs write it.
    is(key, b"content")
        && n >= 4
        && is(strings[2], b"role")
        && (is(strings[1], b"system") || is(strings[1], b"developer"))
        && is(strings[3], b"messages")
}

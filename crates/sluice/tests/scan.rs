//! `sluice scan` end to end: the real binary on files and stdin.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const XSS: &str = "<script>alert(document.cookie)</script>";
const SQLI: &str = "1' OR '1'='1";

fn sluice(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sluice"))
        .arg("scan")
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sluice");
    // Feed stdin from another thread: a large input would otherwise fill the
    // output pipe while this thread is still writing, and both would wait.
    let writer = stdin.map(|input| {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        let input = input.to_vec();
        std::thread::spawn(move || {
            // The child may exit early (an error) and close its end.
            let _ = pipe.write_all(&input);
        })
    });
    let out = child.wait_with_output().expect("wait for sluice");
    if let Some(w) = writer {
        w.join().expect("stdin writer");
    }
    out
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

fn stdout_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect()
}

#[test]
fn clean_file_exits_zero() {
    let path = temp_file(
        "clean.txt",
        b"Seamus O'Brien ordered two coffees.\nSee you at 5; bring the cat.\n",
    );
    let out = sluice(&[path.to_str().unwrap_or_default()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("clean"));
}

#[test]
fn threat_exits_one_and_names_the_finding() {
    let path = temp_file("attack.txt", format!("comment={XSS}\n").as_bytes());
    let out = sluice(&[path.to_str().unwrap_or_default()], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("xss"), "{text}");
    assert!(text.contains("THREAT"), "{text}");
}

#[test]
fn unreadable_file_exits_two_but_other_files_are_scanned() {
    let clean = temp_file("clean2.txt", b"nothing to see\n");
    let attack = temp_file("attack2.txt", SQLI.as_bytes());
    let out = sluice(
        &[
            "--json",
            "/nonexistent/sluice-scan-test",
            clean.to_str().unwrap_or_default(),
            attack.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "an error wins over a threat");
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/sluice-scan-test"));
    let files = stdout_lines(&out);
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["threat"], Value::Bool(false));
    assert_eq!(files[1]["threat"], Value::Bool(true));
}

#[test]
fn stdin_is_scanned_with_or_without_dash() {
    for args in [&[][..], &["-"][..]] {
        let out = sluice(args, Some(SQLI.as_bytes()));
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stdout).contains("sqli"));
    }
    let out = sluice(&[], Some(b"just a friendly note"));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn jsonl_keeps_order_and_ids() {
    let input = format!(
        "{}\n{}\n{}\nplain raw line\n",
        serde_json::json!({"id": "first", "text": "hello there"}),
        serde_json::json!({"id": 2, "text": XSS}),
        serde_json::json!({"text": SQLI}),
    );
    let out = sluice(&["--jsonl"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "first");
    assert_eq!(lines[0]["threat"], false);
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["threat"], true);
    assert!(
        lines[1]["findings"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["category"] == "xss"))
    );
    assert!(lines[2].get("id").is_none());
    assert_eq!(lines[2]["threat"], true);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["line"], i as u64 + 1);
    }
}

#[test]
fn jsonl_with_redact_adds_the_redacted_text() {
    let input = format!(
        "{{\"id\": 1, \"text\": \"mail alice@example.com now\"}}\nno pii here\n{}\n",
        serde_json::json!({"id": 3, "text": SQLI})
    );
    let out = sluice(&["--jsonl", "--redact"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 3, "{lines:?}");
    let first = lines[0]["redacted"].as_str().unwrap();
    assert!(
        first.starts_with("mail ") && first.ends_with(" now"),
        "{first}"
    );
    assert!(!first.contains("alice@example.com"), "{first}");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["redacted"], "no pii here");
    assert_eq!(lines[2]["threat"], true);
    // Without --redact there is no such field.
    let out = sluice(&["--jsonl"], Some(input.as_bytes()));
    assert!(stdout_lines(&out)[0].get("redacted").is_none());
}

#[test]
fn invalid_json_line_is_reported_and_the_rest_still_scanned() {
    let input = format!(
        "{}\n{{\"id\": 1, \"text\": \n{}\n",
        serde_json::json!({"id": "a", "text": "fine"}),
        serde_json::json!({"id": "c", "text": XSS})
    );
    let out = sluice(&["--jsonl"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>:2:"), "{stderr}");
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["threat"], true);
}

#[test]
fn over_long_jsonl_line_is_an_error_not_a_crash() {
    let mut input = vec![b'a'; 5000];
    input.extend_from_slice(
        format!("\n{}\n", serde_json::json!({"id": "after", "text": "ok"})).as_bytes(),
    );
    let out = sluice(&["--jsonl", "--max-line", "1024"], Some(&input));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1:"));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], "after");
}

#[test]
fn redact_replaces_pii_and_keeps_other_text() {
    let out = sluice(
        &["--redact"],
        Some(b"write to alice.smith@example.com today\nno secrets here\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("alice.smith@example.com"), "{text}");
    assert!(text.contains("write to "), "{text}");
    assert!(text.ends_with("no secrets here\n"), "{text}");
}

/// An executable-like blob: NUL bytes among chance matches (a quote and
/// `or` near each other, an address-like string).
fn binary_blob() -> Vec<u8> {
    let mut b = b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec();
    for i in 0..2000u32 {
        b.extend_from_slice(&i.to_le_bytes());
        b.extend_from_slice(b"' or '1'='1\x00<script>alert(1)</script>\x00bob@example.com\x00");
    }
    b
}

#[test]
fn binary_files_are_reported_and_skipped_unless_asked() {
    let path = temp_file("blob.bin", &binary_blob());
    let p = path.to_str().unwrap_or_default();
    let out = sluice(&[p], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("binary, skipped"), "{text}");
    assert!(!text.contains("sqli"), "{text}");

    let out = sluice(&["--json", p], None);
    assert_eq!(out.status.code(), Some(0));
    let files = stdout_lines(&out);
    assert_eq!(files[0]["binary_skipped"], true);
    assert_eq!(files[0]["finding_count"], 0);

    // Asked for: scanned as text, and its chance matches count.
    let out = sluice(&["--binary", p], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("THREAT"));

    // Redaction refuses binary input rather than pass its PII through.
    let out = sluice(&["--redact"], Some(&binary_blob()));
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
    let out = sluice(&["--redact", "-a"], Some(&binary_blob()));
    let redacted = String::from_utf8_lossy(&out.stdout);
    assert_eq!(redacted.matches("[REDACTED:email]").count(), 2000);
    assert!(!redacted.contains("bob@example.com"));
}

#[test]
fn a_nul_byte_past_the_first_64_kib_leaves_a_file_text() {
    let mut input = b"plain words. ".repeat(6000);
    input.extend_from_slice(b"\x00 and ana@example.org\n");
    let path = temp_file("late-nul.txt", &input);
    let out = sluice(&[path.to_str().unwrap_or_default()], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("pii-email"), "{text}");
    assert!(!text.contains("binary"), "{text}");
}

#[test]
fn json_reports_one_verdict_per_file() {
    let path = temp_file(
        "one.json",
        format!("{{\"comment\": \"{SQLI}\"}}").as_bytes(),
    );
    let out = sluice(&["--json", path.to_str().unwrap_or_default()], None);
    assert_eq!(out.status.code(), Some(1));
    let files = stdout_lines(&out);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["threat"], true);
    assert!(
        files[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("one.json"))
    );
    assert!(
        files[0]["findings"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["category"] == "sqli"))
    );
}

#[test]
fn attack_straddling_a_window_boundary_is_found_once() {
    let window = 64 * 1024;
    let filler = b"the quick brown fox jumps over the lazy dog\n";
    let mut data = Vec::new();
    while data.len() < window - 10 {
        data.extend_from_slice(filler);
    }
    data.truncate(window - 10);
    let attack_at = data.len();
    data.extend_from_slice(XSS.as_bytes());
    data.push(b'\n');
    while data.len() < 3 * window {
        data.extend_from_slice(filler);
    }
    let path = temp_file("windows.txt", &data);
    let out = sluice(
        &[
            "--json",
            "--window",
            "65536",
            "--overlap",
            "4096",
            path.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = stdout_lines(&out);
    assert_eq!(files[0]["bytes"], data.len() as u64);
    let findings = files[0]["findings"].as_array().cloned().unwrap_or_default();
    let xss: Vec<_> = findings.iter().filter(|f| f["category"] == "xss").collect();
    assert!(!xss.is_empty(), "{findings:?}");
    // One finding per rule: the overlap did not report it twice.
    let mut rules: Vec<_> = xss
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap_or_default().to_string())
        .collect();
    let n = rules.len();
    rules.sort();
    rules.dedup();
    assert_eq!(rules.len(), n, "{xss:?}");
    // Offsets are absolute: the finding lies inside the attack.
    for f in &xss {
        let start = f["start"].as_u64().unwrap_or(0) as usize;
        let end = f["end"].as_u64().unwrap_or(0) as usize;
        assert!(start >= attack_at && end <= attack_at + XSS.len(), "{f}");
    }
}

// ===== --redact: the same bytes back except the PII =====

/// A small deterministic generator (xorshift64*), so failures reproduce
/// from the seed printed with them.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Runs `sluice scan --redact` with `args` and checks it succeeded.
fn redact(args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut all = vec!["--redact"];
    all.extend_from_slice(args);
    let out = sluice(&all, Some(input));
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Compares byte strings without printing megabytes on failure.
#[track_caller]
fn assert_same_bytes(got: &[u8], want: &[u8]) {
    if got == want {
        return;
    }
    let at = got
        .iter()
        .zip(want)
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(want.len()));
    let show = |b: &[u8]| {
        String::from_utf8_lossy(&b[at.saturating_sub(40)..(at + 60).min(b.len())]).into_owned()
    };
    panic!(
        "outputs differ at byte {at} (lengths {} and {}):\n got: {:?}\nwant: {:?}",
        got.len(),
        want.len(),
        show(got),
        show(want)
    );
}

const EMAIL: &str = "alice.smith@example.com";
const EMAIL_MARK: &str = "[REDACTED:email]";

#[test]
fn redact_passes_invalid_utf8_through_byte_for_byte() {
    let mut rng = Rng(0x5eed_0001);
    // High bytes only, so the garbage never runs into the address's text.
    let mut garbage = |n: usize| -> Vec<u8> { (0..n).map(|_| 0x80 | rng.next() as u8).collect() };
    let (head, tail) = (garbage(3000), garbage(3000));
    let mut input = head.clone();
    input.extend_from_slice(format!(" {EMAIL} ").as_bytes());
    input.extend_from_slice(&tail);
    input.extend_from_slice(b"\n\xff\xfe\x00\x01 end \xc3\n");
    let mut want = head;
    want.extend_from_slice(format!(" {EMAIL_MARK} ").as_bytes());
    want.extend_from_slice(&tail);
    want.extend_from_slice(b"\n\xff\xfe\x00\x01 end \xc3\n");
    // The NUL makes the input binary: `--binary` redacts it all the same.
    assert_same_bytes(&redact(&["--binary"], &input), &want);
}

#[test]
fn redact_keeps_crlf_and_blank_lines() {
    let input = format!("To: {EMAIL}\r\nplain line\r\n\r\n\r\nlast\r\n");
    let want = format!("To: {EMAIL_MARK}\r\nplain line\r\n\r\n\r\nlast\r\n");
    assert_same_bytes(&redact(&[], input.as_bytes()), want.as_bytes());
    // Mixed terminators and a lone CR stay as they were.
    let input = format!("a\r\nb\nc\rd {EMAIL}\n\r\n");
    let want = format!("a\r\nb\nc\rd {EMAIL_MARK}\n\r\n");
    assert_same_bytes(&redact(&[], input.as_bytes()), want.as_bytes());
}

#[test]
fn redact_keeps_a_missing_final_newline() {
    let input = format!("first\nmail {EMAIL}");
    let want = format!("first\nmail {EMAIL_MARK}");
    assert_same_bytes(&redact(&[], input.as_bytes()), want.as_bytes());
    assert_same_bytes(&redact(&[], b"no newline at all"), b"no newline at all");
    assert_same_bytes(&redact(&[], b""), b"");
    assert_same_bytes(&redact(&[], b"\n"), b"\n");
}

#[test]
fn redact_replaces_a_private_key_block_whole() {
    let input = "key:\n-----BEGIN RSA PRIVATE KEY-----\n\
        MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n\
        7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFc\n\
        -----END RSA PRIVATE KEY-----\nafter\n";
    let got = redact(&[], input.as_bytes());
    let text = String::from_utf8_lossy(&got);
    assert!(!text.contains("MIIEowIBAAKCAQEA"), "{text}");
    assert!(!text.contains("7onLRnrq0"), "{text}");
    assert!(
        text.starts_with("key:\n") && text.ends_with("\nafter\n"),
        "{text}"
    );
}

/// Filler without whitespace or anything PII-like, so window cuts cannot
/// hide at a space and must be placed by content.
fn filler(rng: &mut Rng, n: usize, spaces: bool) -> Vec<u8> {
    const WORDS: [&str; 8] = [
        "lorem",
        "ipsum",
        "dolor",
        "amet",
        "sit",
        "consectetur",
        "elit",
        "sed",
    ];
    let mut out = Vec::with_capacity(n + 16);
    while out.len() < n {
        out.extend_from_slice(WORDS[rng.below(WORDS.len())].as_bytes());
        out.push(if spaces { b' ' } else { b'-' });
    }
    out.truncate(n);
    out
}

/// Builds a line of filler with `EMAIL` (delimited by commas) at each offset;
/// the filler has spaces before byte `spaces_until` and none after it.
/// Returns the input and the expected redaction.
fn line_with_emails(
    rng: &mut Rng,
    len: usize,
    at: &[usize],
    spaces_until: usize,
) -> (Vec<u8>, Vec<u8>) {
    let mut input = Vec::with_capacity(len);
    let mut want = Vec::with_capacity(len);
    for &end in at.iter().chain([&len]) {
        while input.len() < end {
            let spaces = input.len() < spaces_until;
            let stop = if spaces { end.min(spaces_until) } else { end };
            let f = filler(rng, stop - input.len(), spaces);
            input.extend_from_slice(&f);
            want.extend_from_slice(&f);
        }
        if end < len {
            input.extend_from_slice(format!(",{EMAIL},").as_bytes());
            want.extend_from_slice(format!(",{EMAIL_MARK},").as_bytes());
        }
    }
    (input, want)
}

#[test]
fn redact_a_line_of_several_mib() {
    const MIB: usize = 1 << 20;
    let mut rng = Rng(0x5eed_0002);
    let len = 3 * MIB + 12_345;
    // Start, middle, end, and across the default window's ends (near each
    // MiB) and the points where windows are cut (8 KiB before those). Words
    // are separated by spaces in the first half and by dashes in the second,
    // where no cut can hide at a space.
    let at = [
        0,
        MIB - 8 * 1024 - 10,
        MIB - 9,
        MIB + 512 * 1024,
        2 * MIB - 16 * 1024 - 12,
        2 * MIB - 8 * 1024 - 12,
        2 * MIB - 1,
        len - EMAIL.len() - 2,
    ];
    let (mut input, mut want) = line_with_emails(&mut rng, len, &at, len / 2);
    input.push(b'\n');
    want.push(b'\n');
    assert!(!input[len / 2..len - 100].contains(&b' '));
    let got = redact(&[], &input);
    assert_same_bytes(&got, &want);
}

#[test]
fn redact_items_straddling_small_windows_at_every_offset() {
    // With 4 KiB windows cut about 1 KiB before their end, an item placed at
    // each offset around the window end and the cut point straddles one of
    // them in some run.
    let mut rng = Rng(0x5eed_0003);
    let mut input = Vec::new();
    let mut want = Vec::new();
    for (i, shift) in (0..40)
        .map(|k| (k, 4096 - 1024 - 30 + k * 3))
        .chain((0..40).map(|k| (k, 4096 - 30 + k)))
    {
        let (a, b) = line_with_emails(
            &mut rng,
            9000,
            &[shift],
            if i % 2 == 0 { usize::MAX } else { 0 },
        );
        input.extend_from_slice(&a);
        want.extend_from_slice(&b);
        input.extend_from_slice(b"\r\n");
        want.extend_from_slice(b"\r\n");
    }
    let got = redact(&["--window", "4096", "--overlap", "1024"], &input);
    assert_same_bytes(&got, &want);
}

/// Text from a vocabulary without digits, `@` or secrets, mixed with
/// multi-byte characters, line terminators of every kind and invalid UTF-8.
fn pii_free(rng: &mut Rng, len: usize) -> Vec<u8> {
    const PIECES: [&[u8]; 24] = [
        b"the ",
        b"quick ",
        b"brown ",
        b"fox",
        b" jumps",
        b"over",
        b"lazy ",
        b"dog",
        b". ",
        b", ",
        b"\n",
        b"\r\n",
        b"\r",
        b"\t",
        "caf\u{e9} ".as_bytes(),
        "\u{65e5}\u{672c}\u{8a9e}".as_bytes(),
        "\u{1f600}".as_bytes(),
        b"\xff",
        b"\xc3",
        b"\xe2\x82",
        b"\x80\x80",
        b"\x00",
        b"O'Brien ",
        b"select the best option ",
    ];
    let mut out = Vec::with_capacity(len + 32);
    while out.len() < len {
        out.extend_from_slice(PIECES[rng.below(PIECES.len())]);
    }
    out
}

#[test]
fn redact_without_pii_gives_the_input_back() {
    for seed in 1..=12u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let len = rng.below(20_000);
        let input = pii_free(&mut rng, len);
        // The vocabulary holds a NUL byte, so the input may be binary.
        let got = redact(&["-a", "--window", "4096", "--overlap", "512"], &input);
        if got != input {
            eprintln!("seed {seed}");
            assert_same_bytes(&got, &input);
        }
    }
}

#[test]
fn redact_exits_one_on_a_threat_and_still_prints_the_text() {
    let input = format!("{EMAIL} wrote {XSS}\n");
    let out = sluice(&["--redact"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{EMAIL_MARK} wrote {XSS}\n")
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("THREAT"));
}

#[test]
fn jsonl_errors_carry_the_line_number_and_the_id_when_known() {
    let input = format!(
        "{}\n\n{}\n{}\n[1, 2]\r\n{}\n",
        serde_json::json!({"id": "no-text", "body": "x"}),
        serde_json::json!({"id": 9, "text": "fine", "kind": "sideways"}),
        serde_json::json!({"id": {"req": 3}, "text": 5}),
        serde_json::json!({"id": "last", "text": "hello", "kind": "query"}),
    );
    let out = sluice(&["--jsonl"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(2));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 5, "{lines:?}");
    // The blank line 2 is skipped but still counted.
    let numbers: Vec<_> = lines.iter().map(|l| l["line"].as_u64()).collect();
    assert_eq!(numbers, [Some(1), Some(3), Some(4), Some(5), Some(6)]);
    assert_eq!(lines[0]["id"], "no-text");
    assert!(lines[0]["error"].is_string());
    assert_eq!(lines[1]["id"], 9);
    assert!(
        lines[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("sideways"))
    );
    assert_eq!(lines[2]["id"], serde_json::json!({"req": 3}));
    assert!(lines[2]["error"].is_string());
    // Not an object: a raw payload, scanned as text.
    assert!(lines[3].get("error").is_none());
    assert_eq!(lines[3]["threat"], false);
    assert_eq!(lines[4]["id"], "last");
    assert_eq!(lines[4]["threat"], false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for n in [1, 3, 4] {
        assert!(stderr.contains(&format!("<stdin>:{n}:")), "{stderr}");
    }
}

#[test]
fn jsonl_names_the_file_when_there_are_several() {
    let a = temp_file("a.jsonl", b"{\"id\": 1, \"text\": \"hi\"}\n");
    let b = temp_file(
        "b.jsonl",
        format!("{}\n", serde_json::json!({"text": XSS})).as_bytes(),
    );
    let out = sluice(
        &[
            "--jsonl",
            a.to_str().unwrap_or_default(),
            b.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("a.jsonl"))
    );
    assert!(
        lines[1]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("b.jsonl"))
    );
    assert_eq!(lines[1]["threat"], true);
}

#[test]
fn a_bad_rules_file_exits_two() {
    let rules = temp_file("bad-rules.toml", b"this is = = not toml");
    let out = sluice(
        &["--rules", rules.to_str().unwrap_or_default()],
        Some(b"hello"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());
}

#[test]
fn stdin_redirected_from_a_file_is_redacted() {
    let input = format!("from a file: {EMAIL}\r\nbye");
    let path = temp_file("stdin.txt", input.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_sluice"))
        .args(["scan", "--redact"])
        .stdin(std::fs::File::open(&path).expect("open temp file"))
        .output()
        .expect("run sluice");
    assert_eq!(out.status.code(), Some(0));
    assert_same_bytes(
        &out.stdout,
        format!("from a file: {EMAIL_MARK}\r\nbye").as_bytes(),
    );
}

#[test]
fn findings_past_the_verdict_caps_are_counted() {
    let body: String = (0..100).map(|i| format!("u{i}@example.com\n")).collect();
    let path = temp_file("mails.txt", body.as_bytes());
    let p = path.to_str().expect("utf-8 path");
    let out = sluice(&[p], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("8 findings listed and at least"), "{text}");
    let out = sluice(&["--json", p], None);
    let v = &stdout_lines(&out)[0];
    assert!(v["finding_count"].as_u64().expect("count") >= 16, "{v}");
    assert_eq!(v["findings_truncated"], true);
}

fn utf16le(s: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

#[test]
fn utf16_with_a_byte_order_mark_is_scanned_as_text() {
    let path = temp_file("utf16.txt", &utf16le(&format!("note\r\ncomment={XSS}\r\n")));
    let out = sluice(&[path.to_str().unwrap_or_default()], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("xss-script-tag"), "{text}");
    assert!(text.contains("utf-16le"), "{text}");

    let out = sluice(&["--json", path.to_str().unwrap_or_default()], None);
    let v = &stdout_lines(&out)[0];
    assert_eq!(v["threat"], true);
    assert_eq!(v["encoding"], "utf-16le");
}

#[test]
fn utf16_is_redacted_in_its_own_encoding() {
    let input = utf16le("Call ana@example.org\r\n");
    let out = sluice(&["--redact"], Some(&input));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, utf16le("Call [REDACTED:email]\r\n"));
}

#[test]
fn jsonl_first_line_after_a_utf8_mark_keeps_its_id() {
    let input = format!(
        "\u{FEFF}{}\n{}\n",
        serde_json::json!({"id": "first", "text": SQLI}),
        serde_json::json!({"id": "second", "text": "hello"})
    );
    let out = sluice(&["--jsonl"], Some(input.as_bytes()));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "first");
    assert_eq!(lines[0]["threat"], true);
    assert_eq!(lines[1]["id"], "second");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_bad_rules_file_is_reported_once() {
    let rules = temp_file(
        "bad-pattern-rules.toml",
        b"[[rules]]\nid = \"x\"\ncategory = \"xss\"\nseverity = \"high\"\npattern = \"((\"\n",
    );
    let missing = rules.with_file_name("no-such-rules.toml");
    for (path, cause) in [(&rules, "unclosed group"), (&missing, "No such file")] {
        let out = sluice(&["--rules", path.to_str().unwrap_or_default()], Some(b"x"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.matches(cause).count(), 1, "{err}");
    }
}

// ===== JSON larger than one window =====

/// Records whose values look like code only when their quotes and commas
/// are read too (a country code `IN`, an operator `OR`, a keyword `select`),
/// about `len` bytes of them, one per line when `ndjson`, with `extra`
/// added as a field of record `at`.
fn json_records(len: usize, ndjson: bool, at: usize, extra: &str) -> Vec<u8> {
    let mut out = String::new();
    if !ndjson {
        out.push_str("{\"orders\": [\n");
    }
    let mut i = 0;
    while out.len() < len {
        if i > 0 {
            out.push_str(if ndjson { "\n" } else { ",\n" });
        }
        let country = ["IN", "JP", "OR", "BR", "IS"][i % 5];
        let status = ["paid", "select", "shipped", "union", "drop"][i % 5 / 2];
        out.push_str(&format!(
            "{{\"id\": \"{:08x}-{:04x}\", \"created_at\": \"2024-04-{:02}T19:57:39Z\", \"status\": \"{status}\", \"customer\": {{\"name\": \"Jamal O'Hara\", \"country\": \"{country}\", \"tier\": \"gold\"}}, \"items\": [{{\"sku\": \"KX-{:04}\", \"title\": \"Bamboo Kitchen Charger\", \"qty\": {}, \"price\": 275.91}}], \"total\": 69.81, \"note\": \"ships from \\\"Mumbai\\\", 2-3 days; qty(+1)\"",
            i * 2_654_435_761 % 0xffff_ffff,
            i * 40_503 % 0xffff,
            i % 28 + 1,
            i * 37 % 10_000,
            i % 5 + 1
        ));
        if i == at {
            out.push_str(", \"comment\": \"");
            out.push_str(extra);
            out.push('"');
        }
        out.push('}');
        i += 1;
    }
    if !ndjson {
        out.push_str("\n]}");
    }
    out.push('\n');
    out.into_bytes()
}

fn scan_small_windows(name: &str, data: &[u8]) -> (Option<i32>, Vec<Value>) {
    let path = temp_file(name, data);
    let out = sluice(
        &[
            "--json",
            "--window",
            "16384",
            "--overlap",
            "2048",
            path.to_str().unwrap_or_default(),
        ],
        None,
    );
    let files = stdout_lines(&out);
    assert_eq!(
        files.len(),
        1,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let findings = files[0]["findings"].as_array().cloned().unwrap_or_default();
    (out.status.code(), findings)
}

#[test]
fn json_larger_than_a_window_is_scanned_as_json() {
    for ndjson in [false, true] {
        let clean = json_records(120_000, ndjson, usize::MAX, "");
        let (code, findings) = scan_small_windows("clean.json", &clean);
        assert_eq!(code, Some(0), "ndjson {ndjson}: {findings:?}");
        assert!(findings.is_empty(), "ndjson {ndjson}: {findings:?}");

        // An attack in one value, escaped as JSON escapes it, is found once
        // and placed on its bytes.
        let escaped = "\\u003cscript\\u003ealert(document.cookie)\\u003c/script\\u003e";
        let data = json_records(120_000, ndjson, 200, escaped);
        let at = String::from_utf8_lossy(&data)
            .find(escaped)
            .expect("attack in data");
        let (code, findings) = scan_small_windows("attack.json", &data);
        assert_eq!(code, Some(1), "ndjson {ndjson}: {findings:?}");
        assert!(
            findings.iter().all(|f| f["category"] == "xss"),
            "ndjson {ndjson}: {findings:?}"
        );
        let xss: Vec<_> = findings.iter().filter(|f| f["category"] == "xss").collect();
        assert!(!xss.is_empty());
        for f in xss {
            let start = f["start"].as_u64().unwrap_or(0) as usize;
            let end = f["end"].as_u64().unwrap_or(0) as usize;
            assert!(start >= at && end <= at + escaped.len(), "{f}");
        }
    }
}

#[test]
fn a_json_string_longer_than_a_window_is_still_scanned() {
    // 32 KB of one string with an attack in its middle, then more records:
    // the string is read as text, the records after it as JSON again.
    let mut long = "lorem ipsum dolor sit amet ".repeat(1200);
    long.insert_str(long.len() / 2, SQLI);
    let data = json_records(120_000, false, 100, &long);
    let (code, findings) = scan_small_windows("long-string.json", &data);
    assert_eq!(code, Some(1), "{findings:?}");
    assert!(
        findings.iter().all(|f| f["category"] == "sqli"),
        "{findings:?}"
    );
    let text = String::from_utf8_lossy(&data);
    let at = text.find(SQLI).expect("attack in data");
    assert!(
        findings.iter().any(|f| {
            let start = f["start"].as_u64().unwrap_or(0) as usize;
            let end = f["end"].as_u64().unwrap_or(0) as usize;
            start < at + SQLI.len() && end > at
        }),
        "{findings:?}"
    );
}

#[test]
fn json_larger_than_a_window_is_redacted_as_json() {
    let data = json_records(120_000, true, 200, "mail me at ana.silva@example.org");
    let got = redact(&["--window", "16384", "--overlap", "2048"], &data);
    let text = String::from_utf8_lossy(&got);
    assert!(text.contains("mail me at [REDACTED:email]"), "{text}");
    // Every line is still the JSON it was, but for the address.
    let want = String::from_utf8_lossy(&data).replace("ana.silva@example.org", "[REDACTED:email]");
    assert_same_bytes(&got, want.as_bytes());
    for line in text.lines() {
        serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{line}: {e}"));
    }
}

/// `"kind": "value"` scans a line's text as a parameter: a whole command
/// line is reported there and not in the same text given as free text.
#[test]
fn jsonl_kind_value_applies_the_rules_for_parameters() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "param", "text": "env --version", "kind": "value"}),
        serde_json::json!({"id": "text", "text": "env --version", "kind": "text"}),
    );
    let out = sluice(&["--jsonl"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let lines = stdout_lines(&out);
    assert_eq!(lines[0]["id"], "param");
    assert_eq!(lines[0]["threat"], true, "{:?}", lines[0]);
    assert_eq!(lines[1]["id"], "text");
    assert_eq!(lines[1]["threat"], false, "{:?}", lines[1]);
}

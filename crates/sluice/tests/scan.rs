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
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("wait for sluice")
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

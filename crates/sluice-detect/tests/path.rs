//! Path traversal through the public API, in every encoding.
mod support;

use sluice_detect::{Category, Detector};
use support::{assert_clean, assert_found_everywhere, rule_ids};

#[test]
fn traversal_sequences() {
    assert_found_everywhere(
        Category::PathTraversal,
        &[
            "../../../../etc/passwd",
            "..\\..\\..\\windows\\win.ini",
            "....//....//....//etc/passwd",
            "..;/..;/WEB-INF/web.xml",
            "images/../../../../../etc/group",
            "download?file=../../../../etc/passwd",
            "../.env",
            "/var/www/../../etc/passwd",
        ],
    );
}

#[test]
fn sensitive_files_and_wrappers() {
    assert_found_everywhere(
        Category::PathTraversal,
        &[
            "/etc/shadow",
            "/proc/self/environ",
            "C:\\Windows\\win.ini",
            "/home/app/.aws/credentials",
            "~/.ssh/authorized_keys",
            "file:///etc/passwd",
            "php://filter/convert.base64-encode/resource=index.php",
            "zip://uploads/shell.zip#shell.php",
        ],
    );
}

#[test]
fn leftover_encodings_are_recognised() {
    let d = Detector::new();
    for t in [
        "%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "..%c0%af..%c0%afetc/passwd",
        "..%u2216..%u2216windows%u2216win.ini",
        "0x2e0x2e/0x2e0x2e/etc/passwd",
    ] {
        assert!(
            !rule_ids(&d, t, Category::PathTraversal).is_empty(),
            "missed {t:?}"
        );
    }
}

#[test]
fn relative_links_and_prose_are_clean() {
    assert_clean(
        Category::PathTraversal,
        &[
            "![logo](../assets/logo.png)",
            "See [the docs](../docs/readme.md) for details.",
            "import { Button } from '../components/Button';",
            "Loading..... please wait",
            "Open C:\\Users\\Anna\\Documents\\report.docx",
            "Download it from /downloads/2024/annual-report.pdf",
            "nginx logs live in /var/log/nginx/ by default",
            "Add the rewrite rule to your .htaccess file.",
            "Put secrets in a .env file and never commit it.",
            "Windows 11 and macOS, etc.",
            "cd .. then ls",
        ],
    );
}

#[test]
fn files_asked_for_as_whole_values() {
    let d = Detector::new();
    for t in [
        "/sys/class",
        "/wp-content/debug.log",
        "/.cursor/mcp.json",
        "/.claude/settings.json",
        "/.vscode/settings.json",
        "backup.sql.zip",
        "/@fs/home/app/.env",
        "0x5c0x2e.%00/",
        "..%00/..%00/etc",
    ] {
        assert!(
            !rule_ids(&d, t, Category::PathTraversal).is_empty(),
            "missed {t:?}"
        );
    }
}

#[test]
fn upload_file_name_with_a_directory_part() {
    let d = Detector::new();
    let body = "------b\nContent-Disposition: form-data; name=\"file\"; filename=\"../1.7z\"\n\nx";
    assert!(!rule_ids(&d, body, Category::PathTraversal).is_empty());
    let ok = "------b\nContent-Disposition: form-data; name=\"file\"; filename=\"1.7z\"\n\nx";
    assert!(rule_ids(&d, ok, Category::PathTraversal).is_empty());
}

#[test]
fn files_mentioned_in_prose_are_clean() {
    assert_clean(
        Category::PathTraversal,
        &[
            "Settings live in .vscode/settings.json in the repo",
            "Restore from backup.sql.zip if the migration fails",
            "The kernel exposes devices under /sys/class on Linux",
            "Old notes are in notes.old and drafts.bak, ignore them",
        ],
    );
}

#[test]
fn long_runs_of_anchors_and_short_values_finish() {
    // Each of these once took time quadratic in its length.
    let d = Detector::new();
    for unit in ["etc/", "a.b\0", "a:/", "x.ini\0"] {
        let text = unit.repeat(50_000);
        let _ = d.scan(text.as_bytes());
    }
}

#[test]
fn windows_system_files_behind_any_separator() {
    let d = Detector::new();
    for t in [
        "C:\\Windows\\repair\\sam",
        "c:/windows/panther/unattend.xml",
        "file=C:%5cWindows%5crepair%5csam",
    ] {
        assert!(
            !rule_ids(&d, t, Category::PathTraversal).is_empty(),
            "missed {t:?}"
        );
    }
}

/// The engine joins the values of a JSON or form body with NUL bytes: the
/// separator after a sensitive name is no null-byte truncation.
#[test]
fn value_separator_after_a_sensitive_name_is_no_null_byte() {
    let d = Detector::new();
    for body in [
        r#"{"file": "wp-config.php", "next": "x"}"#,
        r#"{"file": "../../boot.ini", "n": "1"}"#,
        r#"{"a": "id_rsa.pub", "b": ""}"#,
        "file=wp-config.php&next=x",
    ] {
        let ids = rule_ids(&d, body, Category::PathTraversal);
        assert!(
            !ids.iter().any(|r| r == "path-null-byte"),
            "{body:?}: {ids:?}"
        );
    }
    for body in [
        r#"{"file": "shell.php\u0000.jpg"}"#,
        "file=shell.php%00.jpg&next=x",
        r#"{"file": "../../etc/passwd%00.png"}"#,
    ] {
        let ids = rule_ids(&d, body, Category::PathTraversal);
        assert!(
            ids.iter().any(|r| r == "path-null-byte"),
            "{body:?}: {ids:?}"
        );
    }
}

/// A single `../` typed into a search box arrives with its slash encoded by
/// the browser; on its own, leading nowhere, it is prose.
#[test]
fn one_encoded_step_leading_nowhere_is_prose() {
    let d = Detector::new();
    for q in [
        "q=Where+is+the+..%2F+button%3F",
        "review=Where+is+the+..%2F+button",
    ] {
        let ids = rule_ids(&d, q, Category::PathTraversal);
        assert!(ids.is_empty(), "{q:?}: {ids:?}");
    }
    for q in [
        "f=..%2F..%2Fetc%2Fpasswd",
        "f=..%2Fetc%2Fpasswd",
        "f=..%252F..%252Fboot.ini",
    ] {
        let ids = rule_ids(&d, q, Category::PathTraversal);
        assert!(!ids.is_empty(), "missed {q:?}");
    }
}

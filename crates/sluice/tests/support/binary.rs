//! The `sluice` binary as a child process.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// `sluice serve --listen LISTEN --workers 1` with these extra arguments
/// as a child process: the child, the address it bound (from its start-up
/// log line, text or JSON) and its stderr lines as they come.
pub fn spawn_serve(listen: &str, extra: &[&str]) -> (Child, String, Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sluice"))
        .args(["serve", "--listen", listen, "--workers", "1"])
        .args(extra)
        .env_remove("RUST_LOG")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(line) = rx.recv_timeout(left) else {
            let _ = child.kill();
            panic!("sluice serve did not start: {:?}", child.wait());
        };
        if line.contains("listening")
            && let Some(addr) = bound_addr(&line)
        {
            return (child, addr, rx);
        }
    }
}

/// The `addr` field of a start-up line: `"addr":"127.0.0.1:N"` in JSON,
/// `addr=127.0.0.1:N` in text.
fn bound_addr(line: &str) -> Option<String> {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
        return [&v["addr"], &v["fields"]["addr"]]
            .into_iter()
            .find_map(|a| a.as_str().map(str::to_owned));
    }
    let at = line.find("addr=")? + "addr=".len();
    let addr: String = line[at..]
        .trim_start_matches('"')
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"')
        .collect();
    (!addr.is_empty()).then_some(addr)
}

/// The first line on `rx` that contains `needle`, within 10 s.
pub fn line_with(rx: &Receiver<String>, needle: &str) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        if line.contains(needle) {
            return Some(line);
        }
    }
    None
}

/// Runs `sluice` with `args` and `env` to its end; its exit code and stderr.
pub fn run_binary(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sluice"))
        .args(args)
        .envs(env.iter().copied())
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

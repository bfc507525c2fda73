//! The gateway against hostile or careless clients: idle sockets, encoded
//! bodies, spoofed headers, and what gets screened, logged and redacted.

mod support;

use std::time::Duration;

use serde_json::Value;
use sluice::gateway::GatewayConfig;
use support::binary::{line_with, run_binary, spawn_serve};
use support::encode::{brotli, gzip, raw_deflate, skippable, zstd};
use support::{Gateway, Upstream, client, closed_within, config, proxy_config};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_connections_are_closed_and_free_their_slots() {
    let mut cfg = config();
    cfg.header_read_timeout = Duration::from_millis(300);
    cfg.idle_timeout = Duration::from_millis(400);
    cfg.max_connections = 2;
    let gw = Gateway::start(cfg).await;

    // Two sockets that never send a byte hold both connection slots...
    let mut silent = TcpStream::connect(gw.addr).await.unwrap();
    let mut silent2 = TcpStream::connect(gw.addr).await.unwrap();
    // ...until the header timeout closes them, and a real client gets in.
    let res = client()
        .get(gw.url("/healthz"))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .expect("a client got no slot while idle sockets held them");
    assert_eq!(res.status(), 200);
    drop(res);
    assert!(
        closed_within(&mut silent, Duration::from_secs(5))
            .await
            .is_some(),
        "a socket that sent nothing is still open"
    );
    assert!(
        closed_within(&mut silent2, Duration::from_secs(5))
            .await
            .is_some()
    );

    // HTTP/2 with prior knowledge: the preface and an empty SETTINGS
    // frame, then silence.
    let mut h2 = TcpStream::connect(gw.addr).await.unwrap();
    h2.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00")
        .await
        .unwrap();
    let seen = closed_within(&mut h2, Duration::from_secs(5))
        .await
        .expect("a silent HTTP/2 connection is still open");
    // The server spoke HTTP/2 (a SETTINGS frame first) before closing.
    assert!(seen.len() >= 9 && seen[3] == 4, "{seen:?}");

    // A real HTTP/2 client that answers pings but sends nothing after its
    // first request is closed once idle.
    let io = hyper_util::rt::TokioIo::new(TcpStream::connect(gw.addr).await.unwrap());
    let (mut send, conn) =
        hyper::client::conn::http2::handshake(hyper_util::rt::TokioExecutor::new(), io)
            .await
            .unwrap();
    let conn = tokio::spawn(conn);
    let req = axum::http::Request::get(gw.url("/healthz"))
        .body(http_body_util::Empty::<axum::body::Bytes>::new())
        .unwrap();
    let res = send.send_request(req).await.unwrap();
    assert_eq!(res.status(), 200);
    drop(res);
    tokio::time::timeout(Duration::from_secs(5), conn)
        .await
        .expect("an idle HTTP/2 connection is still open")
        .unwrap()
        .ok();

    // An HTTP/1.1 keep-alive connection idle after its request.
    let mut h1 = TcpStream::connect(gw.addr).await.unwrap();
    h1.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    let seen = closed_within(&mut h1, Duration::from_secs(5))
        .await
        .expect("an idle keep-alive connection is still open");
    assert!(
        String::from_utf8_lossy(&seen).starts_with("HTTP/1.1 200"),
        "{seen:?}"
    );
    gw.stop().await;
}

const SQLI_JSON: &str = r#"{"q": "1' OR '1'='1' --", "note": "x"}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compressed_bodies_are_screened_decoded_and_forwarded_as_sent() {
    let up = Upstream::start().await;
    let mut cfg = proxy_config(&up);
    cfg.max_body = 64 * 1024;
    let gw = Gateway::start(cfg).await;
    let c = client();
    let post = |encoding: &'static str, body: Vec<u8>| {
        c.post(gw.url("/submit"))
            .header("content-type", "application/json")
            .header("content-encoding", encoding)
            .body(body)
            .send()
    };

    // An attack hidden by each coding is seen and blocked.
    let attack = SQLI_JSON.as_bytes();
    for (encoding, body) in [
        ("gzip", gzip(attack)),
        ("deflate", raw_deflate(attack)),
        ("br", brotli(attack)),
        ("zstd", zstd(attack)),
        ("gzip, br", brotli(&gzip(attack))),
    ] {
        let res = post(encoding, body).await.unwrap();
        assert_eq!(res.status(), 403, "{encoding}");
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["threats"][0]["location"], "body", "{encoding}: {v}");
    }
    assert_eq!(up.hits(), 0);

    // A clean compressed body reaches the upstream byte for byte, still encoded.
    let clean = gzip(br#"{"comment": "hello there"}"#);
    let res = post("gzip", clean.clone()).await.unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    assert_eq!(seen.body.as_ref(), clean.as_slice());
    assert_eq!(seen.headers["content-encoding"], "gzip");

    // A bomb: 64 KiB compressed to a few hundred bytes, decoded past the limit.
    let bomb = gzip(&vec![b'a'; 4 * 1024 * 1024]);
    assert!(bomb.len() < 64 * 1024);
    let res = post("gzip", bomb).await.unwrap();
    assert_eq!(res.status(), 413);

    // Codings that cannot be undone: 415 with a JSON body.
    for encoding in ["compress", "gzip, gzip, gzip, gzip"] {
        let res = post(encoding, b"x".to_vec()).await.unwrap();
        assert_eq!(res.status(), 415, "{encoding}");
        let v: Value = res.json().await.unwrap();
        assert!(v["reason"].is_string(), "{v}");
    }
    // Corrupt data: 400.
    let res = post("gzip", b"not gzip at all".to_vec()).await.unwrap();
    assert_eq!(res.status(), 400);

    // UTF-16 text is read as text.
    let utf16: Vec<u8> = SQLI_JSON
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let res = c
        .post(gw.url("/submit"))
        .header("content-type", "application/json; charset=utf-16le")
        .body(utf16)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(up.hits(), 1);

    // The analysis API decodes too.
    let res = c
        .post(gw.url("/v1/analyze"))
        .header("content-encoding", "gzip")
        .body(gzip(b"1' OR '1'='1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["threat"], true, "{v}");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zstd_skippable_frames_are_skipped_and_forwarded_as_sent() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let post = |body: Vec<u8>| {
        client()
            .post(gw.url("/submit"))
            .header("content-type", "application/json")
            .header("content-encoding", "zstd")
            .body(body)
            .send()
    };
    // User data around a clean frame: screened without it, sent as it was.
    let mut clean = skippable(0, b"build 42; ' OR '1'='1 is only metadata");
    clean.extend(zstd(br#"{"comment": "hello there"}"#));
    clean.extend(skippable(0xF, &[0u8; 64]));
    let res = post(clean.clone()).await.unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    assert_eq!(seen.body.as_ref(), clean.as_slice());
    assert_eq!(seen.headers["content-encoding"], "zstd");

    // Harmless user data does not hide the attack in the real frame.
    let mut attack = skippable(5, b"nothing to see");
    attack.extend(zstd(SQLI_JSON.as_bytes()));
    let res = post(attack).await.unwrap();
    assert_eq!(res.status(), 403);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["threats"][0]["location"], "body", "{v}");

    // A skippable frame cut short: 400 with a JSON error.
    let mut cut = zstd(br#"{"a": 1}"#);
    let mut tail = skippable(0, &[7u8; 100]);
    tail.truncate(40);
    cut.extend(tail);
    let res = post(cut).await.unwrap();
    assert_eq!(res.status(), 400);
    let v: Value = res.json().await.unwrap();
    let error = v["error"].as_str().unwrap_or_default();
    assert!(error.contains("skippable frame"), "{v}");
    assert_eq!(up.hits(), 1);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_cannot_spoof_the_gateways_headers() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let res = client()
        .get(gw.url("/page?x=1"))
        .header("x-sluice-findings", "none")
        .header("X-Sluice-Redacted", "0")
        .header("x-sluice-verdict", "clean")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    let spoofed: Vec<_> = seen
        .headers
        .keys()
        .filter(|n| n.as_str().starts_with("x-sluice-"))
        .collect();
    assert!(spoofed.is_empty(), "{spoofed:?}");

    // Findings the gateway reports replace the client's header.
    let mut cfg = proxy_config(&up);
    cfg.actions.insert(
        sluice::gateway::Category::Pii,
        sluice::gateway::CategoryAction::Log,
    );
    let gw2 = Gateway::start(cfg).await;
    let res = client()
        .post(gw2.url("/form"))
        .header("x-sluice-findings", "none")
        .body("mail me at alice@example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let values: Vec<_> = up
        .last()
        .headers
        .get_all("x-sluice-findings")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert_eq!(values.len(), 1, "{values:?}");
    assert!(values[0].contains("pii/"), "{values:?}");

    // Nor can they strip them by naming them as hop-by-hop.
    let res = client()
        .post(gw2.url("/form"))
        .header("connection", "x-sluice-findings, x-request-id, x-custom")
        .header("x-custom", "dropped")
        .header("x-request-id", "req-42")
        .body("mail me at alice@example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    assert!(
        seen.headers
            .get("x-sluice-findings")
            .is_some_and(|v| v.to_str().unwrap().contains("pii/")),
        "{seen:?}"
    );
    assert_eq!(seen.headers["x-request-id"], "req-42", "{seen:?}");
    assert!(!seen.headers.contains_key("x-custom"), "{seen:?}");
    gw.stop().await;
    gw2.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocked_requests_are_logged_in_both_formats() {
    let up = Upstream::start().await;
    for format in ["text", "json"] {
        let (mut child, addr, rx) = spawn_serve(
            "127.0.0.1:0",
            &["--upstream", &up.url(), "--log-format", format],
        );
        let res = client()
            .get(format!(
                "http://{addr}/search?q=%3Cscript%3Ealert(1)%3C/script%3E"
            ))
            .header("x-request-id", "blocked-req-1")
            .send()
            .await
            .unwrap();
        let status = res.status();
        let line = line_with(&rx, "request blocked");
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(status, 403);
        let line = line.unwrap_or_else(|| panic!("{format}: no log line for the block"));
        if format == "json" {
            let v: Value = serde_json::from_str(&line).unwrap();
            assert_eq!(v["level"], "WARN", "{line}");
            assert_eq!(v["request_id"], "blocked-req-1", "{line}");
            assert_eq!(v["method"], "GET", "{line}");
            assert_eq!(v["path"], "/search", "{line}");
            assert_eq!(v["locations"], "query", "{line}");
            assert_eq!(v["categories"], "xss", "{line}");
            assert!(v["rule_ids"].as_str().unwrap().contains("xss"), "{line}");
        } else {
            for want in [
                "WARN",
                "request_id=blocked-req-1",
                "method=GET",
                "path=/search",
                "locations=query",
                "categories=xss",
                "rule_ids=xss",
            ] {
                assert!(line.contains(want), "{want} missing: {line}");
            }
        }
    }
    assert_eq!(up.hits(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarding_headers_and_host_are_screened_by_default() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let c = client();
    for (name, value) in [
        ("x-forwarded-for", "1' OR '1'='1"),
        ("x-forwarded-host", "<script>alert(1)</script>"),
        ("forwarded", "for=\"../../../../etc/passwd\""),
    ] {
        let res = c.get(gw.url("/")).header(name, value).send().await.unwrap();
        assert_eq!(res.status(), 403, "{name}");
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["threats"][0]["location"], format!("header:{name}"), "{v}");
    }
    let reply = support::raw(
        gw.addr,
        b"GET / HTTP/1.1\r\nhost: x' UNION SELECT password FROM users--\r\n\r\n",
        Duration::from_secs(5),
    )
    .await;
    assert!(reply.starts_with("HTTP/1.1 403"), "{reply}");
    assert!(reply.contains("header:host"), "{reply}");
    assert_eq!(up.hits(), 0);

    // Ordinary values: address lists, host:port, RFC 7239 pairs.
    let findings = || {
        let samples = support::parse_metrics(&gw.state.metrics().encode());
        samples
            .iter()
            .filter(|(s, _)| s.starts_with("sluice_findings_total"))
            .map(|(_, v)| *v)
            .sum::<f64>()
    };
    let before = findings();
    let res = c
        .get(gw.url("/page"))
        .header("x-forwarded-for", "203.0.113.7, 10.0.0.1, 2001:db8::1")
        .header("x-forwarded-host", "app.example.com:8443")
        .header("x-forwarded-proto", "https")
        .header("x-forwarded-port", "8443")
        .header(
            "forwarded",
            "for=192.0.2.60;proto=http;by=203.0.113.43, for=\"[2001:db8:cafe::17]:4711\";host=example.com",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    assert!(!seen.headers.contains_key("x-sluice-findings"), "{seen:?}");
    assert_eq!(
        findings(),
        before,
        "benign forwarding headers made findings"
    );

    // The skip list still opts them out.
    let gw2 = Gateway::start(GatewayConfig {
        skip_headers: vec!["x-forwarded-*".into()],
        ..proxy_config(&up)
    })
    .await;
    let res = c
        .get(gw2.url("/"))
        .header("x-forwarded-for", "1' OR '1'='1")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    gw.stop().await;
    gw2.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redact_mode_covers_the_query_and_reports_header_pii() {
    let up = Upstream::start().await;
    let mut cfg = proxy_config(&up);
    cfg.actions.insert(
        sluice::gateway::Category::Pii,
        sluice::gateway::CategoryAction::Redact,
    );
    let gw = Gateway::start(cfg).await;
    let res =
        client()
            .get(gw.url(
                "/lookup?page=2&email=alice%40example.com&card=4111+1111+1111+1111&q=hello+world",
            ))
            .header("from", "bob@example.org")
            .send()
            .await
            .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    let pq = seen.uri.path_and_query().unwrap().as_str().to_owned();
    assert!(pq.starts_with("/lookup?page=2&email="), "{pq}");
    assert!(pq.ends_with("&q=hello+world"), "{pq}");
    for leaked in ["alice", "example.com", "4111"] {
        assert!(!pq.contains(leaked), "{leaked} forwarded in {pq}");
    }
    // Still a valid, percent-encoded target.
    assert!(pq.bytes().all(|b| b.is_ascii_graphic()), "{pq}");
    assert!(
        seen.headers["x-sluice-redacted"]
            .to_str()
            .unwrap()
            .parse::<u32>()
            .unwrap()
            >= 2
    );
    // The header's personal data is reported, not rewritten.
    assert_eq!(seen.headers["from"], "bob@example.org");
    let findings = seen.headers["x-sluice-findings"].to_str().unwrap();
    assert!(findings.contains("@query"), "{findings}");
    assert!(findings.contains("@header:from"), "{findings}");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redact_mode_rewrites_personal_data_in_query_keys() {
    let up = Upstream::start().await;
    let mut cfg = proxy_config(&up);
    cfg.actions.insert(
        sluice::gateway::Category::Pii,
        sluice::gateway::CategoryAction::Redact,
    );
    let gw = Gateway::start(cfg).await;
    let res = client()
        .get(
            gw.url("/subscribe?alice%40example.com=yes&page=2&bob.smith@example.org&q=hello+world"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    let pq = seen.uri.path_and_query().unwrap().as_str().to_owned();
    for leaked in ["alice", "bob.smith", "example"] {
        assert!(!pq.contains(leaked), "{leaked} forwarded in {pq}");
    }
    // The same pairs in the same order: the first key redacted with its
    // value kept, the bare key redacted, the others untouched.
    let query = seen.uri.query().unwrap();
    let pairs: Vec<&str> = query.split('&').collect();
    assert_eq!(pairs.len(), 4, "{query}");
    assert!(pairs[0].ends_with("=yes"), "{query}");
    assert_eq!(pairs[0].matches('=').count(), 1, "{query}");
    assert!(pairs[0].contains("REDACTED"), "{query}");
    assert_eq!(pairs[1], "page=2");
    assert!(
        pairs[2].contains("REDACTED") && !pairs[2].contains('='),
        "{query}"
    );
    assert_eq!(pairs[3], "q=hello+world");
    assert!(pq.bytes().all(|b| b.is_ascii_graphic()), "{pq}");
    assert_eq!(seen.headers["x-sluice-redacted"], "2");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_pool_hits_misses_and_trims_per_class() {
    let gw = Gateway::start(config()).await;
    let c = client();
    for _ in 0..4 {
        let res = c
            .post(gw.url("/v1/analyze"))
            .body("x".repeat(3000))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
    let text = c
        .get(gw.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for family in ["hits", "misses", "trims", "trimmed_bytes"] {
        assert!(
            text.contains(&format!(
                "# TYPE sluice_gateway_pool_class_{family}_total counter"
            )),
            "{family} missing: {text}"
        );
    }
    let samples = support::parse_metrics(&text);
    let stats: Value = c
        .get(gw.url("/metrics/memory-pools"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let classes = stats["pool"]["classes"].as_array().expect("classes");
    let mut seen = 0;
    for class in classes.iter().filter(|c| c["acquires"].as_u64() > Some(0)) {
        let size = class["size"].as_u64().unwrap();
        for (family, key) in [
            ("hits", "hits"),
            ("misses", "misses"),
            ("trims", "trimmed_buffers"),
        ] {
            let series = format!("sluice_gateway_pool_class_{family}_total{{class=\"{size}\"}}");
            assert_eq!(
                support::metric(&samples, &series),
                class[key].as_u64().unwrap() as f64,
                "{series}"
            );
        }
        seen += 1;
    }
    assert!(seen > 0, "no class served a body: {stats}");
    gw.stop().await;
}

#[test]
fn start_up_errors_are_clear() {
    // The cause is printed once.
    let (code, err) = run_binary(&["serve", "--config", "/nonexistent/sluice.toml"], &[]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("cannot read config file /nonexistent/sluice.toml"),
        "{err}"
    );
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let (code, err) = run_binary(&["serve", "--listen", &addr], &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains(&format!("cannot listen on {addr}")), "{err}");
    assert_eq!(
        err.to_ascii_lowercase().matches("in use").count(),
        1,
        "{err}"
    );

    // A bad variable is reported as the variable, not as the flag.
    let (code, err) = run_binary(&["serve", "--check-config"], &[("SLUICE_MAX_BODY", "abc")]);
    assert_eq!(code, Some(2));
    assert!(err.contains("SLUICE_MAX_BODY"), "{err}");
    let (_, err) = run_binary(&["serve", "--max-body", "abc", "--check-config"], &[]);
    assert!(
        err.contains("--max-body") && !err.contains("SLUICE_"),
        "{err}"
    );

    // Pool sizes take units like every other size.
    let dir = std::env::temp_dir().join(format!("sluice-hardening-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pool.toml");
    std::fs::write(
        &file,
        "max_body = \"1KiB\"\n[pool]\nmax_retained_bytes = \"64MiB\"\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sluice"))
        .args(["serve", "--check-config", "--config"])
        .arg(&file)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("max_retained_bytes = 67108864"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_is_503_while_load_is_shed() {
    let mut cfg = config();
    cfg.pool = sluice::gateway::PoolConfig {
        max_checked_out_bytes: Some(1024 * 1024),
        detect_cgroup: false,
        ..sluice::gateway::PoolConfig::default()
    };
    cfg.scan_memory_factor = 0.0;
    cfg.max_body = 1024 * 1024;
    cfg.shed.checked_out_ratio = 0.5;
    let gw = Gateway::start(cfg).await;
    let c = client();
    let ready = || async { c.get(gw.url("/readyz")).send().await.unwrap() };
    assert_eq!(ready().await.status(), 200);
    // An upload that holds more than half the budget while it trickles in.
    let mut held = TcpStream::connect(gw.addr).await.unwrap();
    held.write_all(b"POST /v1/analyze HTTP/1.1\r\nhost: x\r\ncontent-length: 716800\r\n\r\nx")
        .await
        .unwrap();
    assert!(
        support::eventually(Duration::from_secs(5), || async {
            ready().await.status() == 503
        })
        .await,
        "/readyz stayed 200 while requests were shed"
    );
    let res = ready().await;
    assert!(res.headers().contains_key("retry-after"));
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["status"], "shedding", "{v}");
    drop(held);
    assert!(
        support::eventually(Duration::from_secs(5), || async {
            ready().await.status() == 200
        })
        .await,
        "/readyz did not recover"
    );
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_items_name_known_kinds() {
    let gw = Gateway::start(config()).await;
    let c = client();
    let res = c
        .post(gw.url("/v1/analyze/batch"))
        .json(&serde_json::json!([{"text": "a", "kind": "bogus"}]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let v: Value = res.json().await.unwrap();
    assert!(v["error"].as_str().unwrap().contains("bogus"), "{v}");
    let res = c
        .post(gw.url("/v1/analyze/batch"))
        .json(&serde_json::json!([{"id": 1, "text": "id=1' OR '1'='1", "kind": "query"}]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v[0]["threat"], true, "{v}");
    gw.stop().await;
}

/// Hostile requests get a bounded answer: a 4xx with a JSON body, or the
/// connection closed, never a panic or memory that grows with the input.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_requests_get_bounded_answers() {
    let gw = Gateway::start(config()).await;
    let c = client();

    // A JSON batch of a million tiny items is refused before it is parsed
    // (parsed, it would take 32 MiB and more).
    let body = format!("[{}]", vec!["0"; 1_000_000].join(","));
    let res = c
        .post(gw.url("/v1/analyze/batch"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let v: Value = res.json().await.unwrap();
    let msg = v["error"].as_str().unwrap();
    assert!(msg.contains("too many items: more than 10000"), "{v}");
    assert!(v["request_id"].is_string(), "{v}");

    // Very many headers: refused before the gateway sees the request.
    let mut head = String::from("GET /healthz HTTP/1.1\r\nhost: x\r\n");
    for i in 0..500 {
        head.push_str(&format!("x-h{i}: v\r\n"));
    }
    head.push_str("\r\n");
    let mut s = TcpStream::connect(gw.addr).await.unwrap();
    s.write_all(head.as_bytes()).await.unwrap();
    let seen = closed_within(&mut s, Duration::from_secs(10))
        .await
        .expect("a head with 500 headers kept its connection open");
    let seen = String::from_utf8_lossy(&seen);
    assert!(seen.starts_with("HTTP/1.1 431"), "{seen}");

    // A huge header value: refused or closed once the head outgrows the
    // read buffer, while the client is still sending it.
    let mut s = TcpStream::connect(gw.addr).await.unwrap();
    let (mut rd, mut wr) = s.split();
    let send = async {
        let _ = wr
            .write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ")
            .await;
        let _ = wr.write_all(&vec![b'a'; 4 << 20]).await;
    };
    let read = async {
        let mut got = Vec::new();
        let _ = tokio::time::timeout(
            Duration::from_secs(10),
            tokio::io::AsyncReadExt::read_to_end(&mut rd, &mut got),
        )
        .await
        .expect("a 4 MiB header value kept its connection open");
        got
    };
    let (_, got) = tokio::join!(tokio::time::timeout(Duration::from_secs(10), send), read);
    let got = String::from_utf8_lossy(&got);
    assert!(got.is_empty() || got.starts_with("HTTP/1.1 431"), "{got}");
    drop(s);

    // A body in 100,000 one-byte chunks is read and screened as one.
    let mut s = TcpStream::connect(gw.addr).await.unwrap();
    let mut req = Vec::from(
        &b"POST /v1/analyze HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"[..],
    );
    for _ in 0..100_000 {
        req.extend_from_slice(b"1\r\na\r\n");
    }
    req.extend_from_slice(b"0\r\n\r\n");
    s.write_all(&req).await.unwrap();
    let seen = closed_within(&mut s, Duration::from_secs(30))
        .await
        .expect("a body of tiny chunks was not answered");
    let seen = String::from_utf8_lossy(&seen);
    assert!(seen.starts_with("HTTP/1.1 200"), "{seen}");
    assert!(seen.contains(r#""bytes":100000"#), "{seen}");

    // Pipelined requests are answered one by one, in order.
    let mut s = TcpStream::connect(gw.addr).await.unwrap();
    let mut req = Vec::new();
    for i in 0..300 {
        let close = if i == 299 {
            "connection: close\r\n"
        } else {
            ""
        };
        req.extend_from_slice(
            format!("GET /healthz HTTP/1.1\r\nhost: x\r\nx-request-id: p{i}\r\n{close}\r\n")
                .as_bytes(),
        );
    }
    s.write_all(&req).await.unwrap();
    let seen = closed_within(&mut s, Duration::from_secs(30))
        .await
        .expect("pipelined requests were not all answered");
    let seen = String::from_utf8_lossy(&seen);
    assert_eq!(seen.matches("HTTP/1.1 200").count(), 300);
    let ids: Vec<&str> = seen
        .lines()
        .filter_map(|l| l.strip_prefix("x-request-id: "))
        .collect();
    let want: Vec<String> = (0..300).map(|i| format!("p{i}")).collect();
    assert_eq!(ids, want);

    // The gateway still serves.
    let res = c.get(gw.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    gw.stop().await;
}

/// One HTTP/2 connection opening far more streams than it may have open at
/// once: each gets its answer (the streams past the limit wait for a free
/// one), and the connection holds one slot.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_http2_streams_on_one_connection_are_all_answered() {
    let gw = Gateway::start(config()).await;
    let io = hyper_util::rt::TokioIo::new(TcpStream::connect(gw.addr).await.unwrap());
    let (send, conn) =
        hyper::client::conn::http2::handshake(hyper_util::rt::TokioExecutor::new(), io)
            .await
            .unwrap();
    tokio::spawn(conn);
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..1000 {
        let mut send = send.clone();
        let uri = gw.url("/v1/analyze");
        tasks.spawn(async move {
            let req = axum::http::Request::post(uri)
                .body(http_body_util::Full::new(axum::body::Bytes::from(format!(
                    "item {i}"
                ))))
                .unwrap();
            send.send_request(req).await.map(|r| r.status().as_u16())
        });
    }
    let answered = tokio::time::timeout(Duration::from_secs(60), async {
        let mut ok = 0;
        while let Some(r) = tasks.join_next().await {
            if r.unwrap().unwrap() == 200 {
                ok += 1;
            }
        }
        ok
    })
    .await
    .expect("the streams were not all answered");
    assert_eq!(answered, 1000);
    assert_eq!(gw.metric("sluice_open_connections").await, 2.0);
    gw.stop().await;
}

/// A raw HTTP/2 client on a connection of its own, ready to send.
async fn h2_client(addr: std::net::SocketAddr) -> h2::client::SendRequest<bytes::Bytes> {
    let io = TcpStream::connect(addr).await.unwrap();
    let (send, conn) = h2::client::handshake(io).await.unwrap();
    tokio::spawn(async move {
        let _ = conn.await;
    });
    send.ready().await.unwrap()
}

/// The limit behind that queueing is the one the gateway advertises: 200
/// concurrent streams per connection (hyper's client obeys it silently,
/// so a raw HTTP/2 client reads it from the gateway's SETTINGS).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http2_stream_limit_is_advertised() {
    let gw = Gateway::start(config()).await;
    let mut send = h2_client(gw.addr).await;
    let req = axum::http::Request::get(gw.url("/healthz"))
        .body(())
        .unwrap();
    let (answer, _) = send.send_request(req, true).unwrap();
    // The gateway's SETTINGS come before its first answer.
    assert_eq!(answer.await.unwrap().status(), 200);
    assert_eq!(send.current_max_send_streams(), 200);
    gw.stop().await;
}

/// An HTTP/2 request whose header list (decoded) exceeds 16 KiB is refused
/// with 431 before any handler sees it, and the connection keeps serving
/// requests of ordinary size; 8 KiB of headers pass.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http2_header_list_limit_is_enforced() {
    let gw = Gateway::start(config()).await;
    let mut send = h2_client(gw.addr).await;
    let mut status = Vec::new();
    for size in [8 * 1024, 20 * 1024, 100] {
        let req = axum::http::Request::get(gw.url("/healthz"))
            .header("x-padding", "p".repeat(size))
            .body(())
            .unwrap();
        send = send.ready().await.unwrap();
        let (answer, _) = send.send_request(req, true).unwrap();
        status.push(match answer.await {
            Ok(res) => res.status().as_u16(),
            Err(e) => panic!("{size} bytes of headers: {e}"),
        });
    }
    assert_eq!(status, [200, 431, 200]);
    gw.stop().await;
}

/// A client's `x-request-id` is kept only when short and printable: an id
/// of 8 KiB or with spaces or tabs is replaced by a generated one, in the
/// answer and in the request the upstream sees.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unfit_request_ids_are_replaced() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let c = client();
    let long = "a".repeat(8 * 1024);
    for (sent, kept) in [
        ("order-42", true),
        (long.as_str(), false),
        ("two words", false),
        ("tab\there", false),
    ] {
        let res = c
            .get(gw.url("/page"))
            .header("x-request-id", sent)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let answered = res.headers()["x-request-id"].to_str().unwrap().to_owned();
        let forwarded = up.last().headers["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(forwarded, answered);
        if kept {
            assert_eq!(answered, sent);
        } else {
            assert_ne!(answered, sent);
            assert!(
                (1..=128).contains(&answered.len())
                    && answered.bytes().all(|b| b.is_ascii_graphic()),
                "{answered:?}"
            );
        }
    }
    // An error body carries the generated id too.
    let res = c
        .get(gw.url("/page?q=1%27%20OR%20%271%27=%271"))
        .header("x-request-id", long.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let answered = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["request_id"], answered.as_str(), "{v}");
    assert!(answered.len() <= 128);
    gw.stop().await;
}

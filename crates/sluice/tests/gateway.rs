//! The gateway over real HTTP on loopback: API, errors, limits, proxy,
//! metrics, health, load shedding, timeouts and graceful shutdown.

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sluice::gateway::{Category, CategoryAction, GatewayConfig, PoolConfig, ShedPressure};
use support::binary::spawn_serve;
use support::{
    Gateway, Upstream, client, config, eventually, metric, parse_metrics, proxy_config, raw,
};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

const SQLI: &str = "1' OR '1'='1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn analyze_answers_verdicts() {
    let gw = Gateway::start(config()).await;
    let c = client();

    let res = c
        .post(gw.url("/v1/analyze"))
        .body("a perfectly ordinary sentence")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().contains_key("x-request-id"));
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["threat"], false);
    assert!(v["request_id"].as_str().is_some_and(|s| s.len() > 8), "{v}");

    let v: Value = c
        .post(gw.url("/v1/analyze"))
        .body(SQLI)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["threat"], true, "{v}");
    assert_eq!(v["findings"][0]["category"], "sqli", "{v}");

    // A JSON body is screened string by string.
    let v: Value = c
        .post(gw.url("/v1/analyze"))
        .json(&json!({ "comment": { "text": "<script>alert(1)</script>" } }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["threat"], true, "{v}");
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["category"] == "xss"),
        "{v}"
    );

    // A form body, percent-encoded.
    let v: Value = c
        .post(gw.url("/v1/analyze"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("name=x&file=..%2F..%2Fetc%2Fpasswd")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["threat"], true, "{v}");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_answers_one_verdict_per_item() {
    let gw = Gateway::start(config()).await;
    let res = client()
        .post(gw.url("/v1/analyze/batch"))
        .json(&json!(["hello there", { "id": "c-7", "text": "<script>x</script>" }, SQLI]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["threat"], false);
    assert_eq!(items[1]["id"], "c-7");
    assert_eq!(items[1]["threat"], true);
    assert_eq!(items[2]["index"], 2);
    assert_eq!(items[2]["threat"], true);
    gw.stop().await;
}

/// `curl -d '["a"]' URL` declares a form; other clients declare nothing or
/// `text/plain`: the batch route reads its body as JSON all the same, after
/// undoing `Content-Encoding`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_reads_json_whatever_the_declared_type() {
    let gw = Gateway::start(config()).await;
    let c = client();
    for ct in [
        Some("application/x-www-form-urlencoded"),
        Some("text/plain"),
        None,
    ] {
        let mut req = c
            .post(gw.url("/v1/analyze/batch"))
            .body(format!("[\"a\", {SQLI:?}]"));
        if let Some(ct) = ct {
            req = req.header("content-type", ct);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 200, "{ct:?}");
        let v: Value = res.json().await.unwrap();
        assert_eq!(v[0]["threat"], false, "{ct:?}: {v}");
        assert_eq!(v[1]["threat"], true, "{ct:?}: {v}");

        let mut req = c.post(gw.url("/v1/analyze/batch")).body("[\n\"a\" \"b\"]");
        if let Some(ct) = ct {
            req = req.header("content-type", ct);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 400, "{ct:?}");
        let v: Value = res.json().await.unwrap();
        let msg = v["error"].as_str().unwrap();
        assert!(
            msg.contains("invalid JSON") && msg.contains("line 2"),
            "{v}"
        );
        assert_eq!(v["line"], 2, "{v}");
        assert_eq!(v["column"], 5, "{v}");
    }
    let gz = support::encode::gzip(format!("[{SQLI:?}]").as_bytes());
    let res = c
        .post(gw.url("/v1/analyze/batch"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("content-encoding", "gzip")
        .body(gz)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v[0]["threat"], true, "{v}");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_get_json_errors() {
    let gw = Gateway::start(config()).await;
    let c = client();

    let res = c
        .post(gw.url("/v1/analyze/batch"))
        .header("content-type", "application/json")
        .body("[\"a\", ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let v: Value = res.json().await.unwrap();
    assert!(v["error"].as_str().unwrap().contains("invalid JSON"), "{v}");
    assert!(v["request_id"].is_string());

    let res = c
        .post(gw.url("/v1/analyze/batch"))
        .json(&json!({ "not": "an array" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);

    let res = c
        .post(gw.url("/v1/analyze/batch"))
        .header("content-type", "multipart/form-data; boundary=x")
        .body("--x\r\n\r\n[]\r\n--x--\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    let v: Value = res.json().await.unwrap();
    assert!(v["error"].is_string());

    let res = c.get(gw.url("/no/such/thing")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["path"], "/no/such/thing");

    let res = c.get(gw.url("/v1/analyze")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["method"], "GET");

    let res = c.delete(gw.url("/metrics")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    gw.stop().await;
}

fn small_body_config() -> GatewayConfig {
    GatewayConfig {
        max_body: 64 * 1024,
        ..config()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversize_body_with_content_length_is_refused_before_reading() {
    let gw = Gateway::start(small_body_config()).await;
    // Announce 1 MiB and send none of it: the answer must not wait for the body.
    let start = Instant::now();
    let reply = raw(
        gw.addr,
        b"POST /v1/analyze HTTP/1.1\r\nhost: x\r\ncontent-length: 1048576\r\n\r\n",
        Duration::from_secs(5),
    )
    .await;
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");
    assert!(reply.contains("\"limit_bytes\":65536"), "{reply}");
    assert!(start.elapsed() < Duration::from_secs(4));
    assert_eq!(gw.state.bodies().held_bytes(), 0);

    // reqwest with a known length over the limit, through the proxy-less API.
    let res = client()
        .post(gw.url("/v1/analyze"))
        .body(vec![b'a'; 64 * 1024 + 1])
        .send()
        .await;
    if let Ok(res) = res {
        assert_eq!(res.status(), 413);
    }
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversize_chunked_body_is_refused_when_it_crosses_the_limit() {
    let gw = Gateway::start(small_body_config()).await;
    let mut s = TcpStream::connect(gw.addr).await.unwrap();
    s.write_all(b"POST /v1/analyze HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n")
        .await
        .unwrap();
    let chunk = vec![b'a'; 16 * 1024];
    // 5 x 16 KiB crosses 64 KiB; the stream is then left open, unfinished.
    for _ in 0..5 {
        s.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .await
            .unwrap();
        s.write_all(&chunk).await.unwrap();
        s.write_all(b"\r\n").await.unwrap();
    }
    let reply = support::read_until_close(&mut s, Duration::from_secs(5)).await;
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");
    assert!(reply.contains("request_id"), "{reply}");
    assert!(
        eventually(Duration::from_secs(2), || async {
            gw.state.bodies().held_bytes() == 0
        })
        .await
    );
    // A chunked body under the limit is fine.
    let stream =
        futures_util::stream::iter((0..3).map(|_| Ok::<_, std::io::Error>(vec![b'b'; 8 * 1024])));
    let res = client()
        .post(gw.url("/v1/analyze"))
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["bytes"], 24 * 1024);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proxy_forwards_clean_requests_byte_for_byte() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let body: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let res = client()
        .post(gw.url("/orders/42/items?page=2&sort=name%20asc"))
        .header("content-type", "application/octet-stream")
        .header("x-custom", "kept")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["x-upstream"], "yes");
    let reply = res.bytes().await.unwrap();
    assert_eq!(&reply[..14], b"upstream saw: ");
    assert_eq!(&reply[14..], &body[..]);

    assert_eq!(up.hits(), 1);
    let seen = up.last();
    assert_eq!(seen.method, "POST");
    assert_eq!(
        seen.uri.path_and_query().unwrap().as_str(),
        "/orders/42/items?page=2&sort=name%20asc"
    );
    assert_eq!(&seen.body[..], &body[..]);
    assert_eq!(seen.headers["x-custom"], "kept");
    assert_eq!(seen.headers["x-forwarded-for"], "127.0.0.1");
    assert!(seen.headers.contains_key("x-request-id"));
    assert!(!seen.headers.contains_key("x-sluice-findings"));

    // The gateway's own routes are not forwarded.
    let res = client().get(gw.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(up.hits(), 1);
    gw.stop().await;
}

/// Bytes a text detector must flag (`;id`, `|ls`, `'--`, `../`), wrapped
/// in bytes that are not UTF-8, the way they turn up by chance in images
/// and archives.
fn binary_with_attack_shapes() -> Vec<u8> {
    let mut body = b"\x89PNG\r\n\x1a\n".to_vec();
    for i in 0..2000u32 {
        body.extend_from_slice(&[0xff, (i % 251) as u8, 0xfe]);
        body.extend_from_slice(b";id|ls' or 1=1--../../etc/passwd<script>");
    }
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn binary_uploads_pass_and_their_names_and_text_fields_are_screened() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let c = client();
    let bin = binary_with_attack_shapes();

    // A binary body of an opaque type is forwarded untouched.
    let res = c
        .put(gw.url("/avatar"))
        .header("content-type", "image/png")
        .body(bin.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(&up.last().body[..], &bin[..]);

    // The same bytes as text/plain are read as text, and blocked.
    let res = c
        .post(gw.url("/notes"))
        .header("content-type", "text/plain")
        .body(bin.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    // An opaque label on text buys nothing.
    let res = c
        .post(gw.url("/notes"))
        .header("content-type", "application/octet-stream")
        .body("1' UNION SELECT password FROM users--")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    let multipart = |field: &str, filename: &str| {
        let mut body = Vec::new();
        body.extend_from_slice(
            b"--sluiceB0undary\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n",
        );
        body.extend_from_slice(field.as_bytes());
        body.extend_from_slice(
            b"\r\n--sluiceB0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"",
        );
        body.extend_from_slice(filename.as_bytes());
        body.extend_from_slice(b"\"\r\nContent-Type: image/png\r\n\r\n");
        body.extend_from_slice(&bin);
        body.extend_from_slice(b"\r\n--sluiceB0undary--\r\n");
        body
    };
    let send = |body: Vec<u8>| {
        c.post(gw.url("/upload"))
            .header(
                "content-type",
                "multipart/form-data; boundary=sluiceB0undary",
            )
            .body(body)
            .send()
    };
    let clean = multipart("Holiday photos", "beach.png");
    let res = send(clean.clone()).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(&up.last().body[..], &clean[..]);
    let hits = up.hits();

    let res = send(multipart("x' UNION SELECT password FROM users--", "a.png"))
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // A form field is a parameter: a whole command line in it is blocked,
    // as in a query string (in a text body it would only be shown).
    let res = send(multipart("env --version", "a.png")).await.unwrap();
    assert_eq!(res.status(), 403);
    let res = send(multipart("ok", "../../../../etc/passwd"))
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["threats"][0]["category"], "path_traversal", "{v}");
    assert_eq!(up.hits(), hits);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proxy_blocks_attacks_without_contacting_the_upstream() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let c = client();

    let res = c
        .get(gw.url("/search?q=1%27%20OR%20%271%27%3D%271"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let v: Value = res.json().await.unwrap();
    assert!(v["error"].is_string());
    assert!(v["request_id"].is_string());
    assert_eq!(v["threats"][0]["location"], "query", "{v}");
    assert_eq!(v["threats"][0]["category"], "sqli", "{v}");

    let res = c
        .post(gw.url("/comments"))
        .header("content-type", "application/json")
        .body(r#"{"text": "<script>alert(document.cookie)</script>"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["threats"][0]["location"], "body", "{v}");

    let res = c
        .get(gw.url("/"))
        .header("user-agent", "() { :; }; $(cat /etc/shadow)")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    let res = c
        .get(gw.url("/static/..%2F..%2F..%2Fetc%2Fpasswd"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    assert_eq!(up.hits(), 0, "a blocked request reached the upstream");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_and_redact_actions() {
    let up = Upstream::start().await;
    let body = "please reply to alice@example.com today";

    let logging = Gateway::start(proxy_config(&up)).await;
    let res = client()
        .post(logging.url("/contact"))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    assert_eq!(&seen.body[..], body.as_bytes());
    let findings = seen.headers["x-sluice-findings"].to_str().unwrap();
    assert!(findings.contains("pii/"), "{findings}");
    logging.stop().await;

    let mut actions = BTreeMap::new();
    actions.insert(Category::Pii, CategoryAction::Redact);
    let redacting = Gateway::start(GatewayConfig {
        actions,
        ..proxy_config(&up)
    })
    .await;
    let res = client()
        .post(redacting.url("/contact"))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    let forwarded = String::from_utf8(seen.body.to_vec()).unwrap();
    assert!(!forwarded.contains("alice@example.com"), "{forwarded}");
    assert!(forwarded.starts_with("please reply to "), "{forwarded}");
    assert_eq!(
        seen.headers["content-length"].to_str().unwrap(),
        forwarded.len().to_string()
    );
    assert_eq!(up.hits(), 2);

    // A body that is not all UTF-8, large enough to be redacted on the
    // blocking pool: the text runs are redacted, other bytes kept as sent.
    let mut binary = b"\xff\xfe latin-1 caf\xe9 ".to_vec();
    binary.extend(std::iter::repeat_n(b'a', 100 * 1024));
    binary.extend_from_slice(b" write to bob@example.org \x00\x81 end");
    let res = client()
        .post(redacting.url("/upload"))
        .body(binary.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let seen = up.last();
    assert_eq!(seen.headers["x-sluice-redacted"], "1");
    let fwd = &seen.body[..];
    assert!(fwd.starts_with(b"\xff\xfe latin-1 caf\xe9 aaa"));
    assert!(fwd.ends_with(b" \x00\x81 end"));
    assert!(!fwd.windows(15).any(|w| w == b"bob@example.org"));
    assert_eq!(
        seen.headers["content-length"].to_str().unwrap(),
        fwd.len().to_string()
    );
    redacting.stop().await;
}

/// Without an OpenMetrics `Accept`, `/metrics` is the Prometheus text
/// format with a HELP text for every family, named as its samples are
/// (what `promtool check metrics` checks; it is run too when installed).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_metric_family_has_help_text() {
    let gw = Gateway::start(config()).await;
    let c = client();
    c.post(gw.url("/v1/analyze"))
        .body(SQLI)
        .send()
        .await
        .unwrap();
    let res = c.get(gw.url("/metrics")).send().await.unwrap();
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = res.text().await.unwrap();
    let mut helped = std::collections::HashSet::new();
    let mut families = 0;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# HELP ") {
            let (name, help) = rest.split_once(' ').unwrap_or((rest, ""));
            assert!(!help.trim().is_empty(), "{line}");
            helped.insert(name.to_owned());
            families += 1;
        } else if !line.starts_with('#') && !line.is_empty() {
            let name = line.split(['{', ' ']).next().unwrap();
            let family = ["_bucket", "_sum", "_count"]
                .iter()
                .find_map(|s| name.strip_suffix(s).filter(|f| helped.contains(*f)))
                .unwrap_or(name);
            assert!(helped.contains(family), "no help text for {name}");
        }
    }
    assert!(families > 20, "{text}");
    assert!(text.contains("# HELP sluice_findings_total "), "{text}");
    assert!(!text.contains("# EOF"));
    let promtool = std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    if let Ok(mut child) = promtool {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && said.trim().is_empty(),
            "promtool: {said}"
        );
    }
    gw.stop().await;
}

/// `GET /metrics` picks its format by the q values of `Accept`: a range
/// with `q=0` rules its format out, the higher q wins, a tie goes to the
/// range listed first, and the Prometheus text format is the default.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_format_follows_accept_q_values() {
    const OPEN: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    const PROM: &str = "text/plain; version=0.0.4; charset=utf-8";
    let gw = Gateway::start(config()).await;
    let c = client();
    let cases: [(Option<&str>, &str); 9] = [
        (None, PROM),
        (Some("application/openmetrics-text;q=0"), PROM),
        (Some("application/openmetrics-text; q=0.0, */*"), PROM),
        (
            Some("*/*;q=0.8, application/openmetrics-text;version=1.0.0;q=0"),
            PROM,
        ),
        (
            Some("application/openmetrics-text;q=0.3, text/plain;q=0.7"),
            PROM,
        ),
        (
            Some("text/plain;q=0.5, application/openmetrics-text;q=0.5"),
            PROM,
        ),
        (
            Some("application/openmetrics-text;q=0.5, text/plain;q=0.5"),
            OPEN,
        ),
        (
            Some("text/plain;q=0.2, application/openmetrics-text;q=0.8"),
            OPEN,
        ),
        (
            Some(
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
            ),
            OPEN,
        ),
    ];
    for (accept, want) in cases {
        let mut req = c.get(gw.url("/metrics"));
        if let Some(a) = accept {
            req = req.header("accept", a);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 200);
        let got = res.headers()["content-type"].to_str().unwrap().to_owned();
        assert_eq!(got, want, "Accept: {accept:?}");
        assert_eq!(res.headers()["vary"], "accept", "Accept: {accept:?}");
        let text = res.text().await.unwrap();
        assert_eq!(
            text.trim_end().ends_with("# EOF"),
            want == OPEN,
            "Accept: {accept:?}"
        );
        parse_metrics(&text);
    }
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_parse_and_move() {
    let gw = Gateway::start(config()).await;
    let c = client();
    let scrape = || async {
        let res = c
            .get(gw.url("/metrics"))
            .header("accept", "application/openmetrics-text; version=1.0.0")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let text = res.text().await.unwrap();
        assert!(text.trim_end().ends_with("# EOF"), "{text}");
        parse_metrics(&text)
    };
    let ok = r#"sluice_http_requests_total{route="/v1/analyze",outcome="ok"}"#;
    let before = scrape().await;
    for _ in 0..3 {
        c.post(gw.url("/v1/analyze"))
            .body(SQLI)
            .send()
            .await
            .unwrap();
    }
    let after = scrape().await;
    assert_eq!(metric(&after, ok) - metric(&before, ok), 3.0);
    assert!(
        metric(&after, "sluice_scanned_bytes_total")
            - metric(&before, "sluice_scanned_bytes_total")
            >= (3 * SQLI.len()) as f64
    );
    let sqli: f64 = after
        .iter()
        .filter(|(s, _)| s.starts_with("sluice_findings_total{category=\"sqli\""))
        .map(|(_, v)| v)
        .sum();
    assert!(sqli >= 3.0, "{after:?}");
    assert!(
        after
            .iter()
            .any(|(s, _)| s.starts_with("sluice_http_request_duration_seconds_bucket{")),
        "latency histogram missing"
    );
    assert!(
        after.iter().any(|(s, _)| s.starts_with("sluice_pool_")),
        "pool metrics missing"
    );
    assert!(
        after
            .iter()
            .any(|(s, _)| s == "sluice_gateway_body_bytes_held"),
        "body accounting missing"
    );
    assert!(metric(&after, "sluice_open_connections") >= 1.0);

    let stats: Value = c
        .get(gw.url("/metrics/memory-pools"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(stats["pool"].is_object(), "{stats}");
    assert_eq!(stats["gateway"]["body_bytes_held"], 0, "{stats}");
    gw.stop().await;
}

/// Opens a connection that announces a body of `len` bytes and sends one byte.
async fn hold_upload(gw: &Gateway, len: usize) -> TcpStream {
    let mut s = TcpStream::connect(gw.addr).await.unwrap();
    s.write_all(
        format!("POST /v1/analyze HTTP/1.1\r\nhost: x\r\ncontent-length: {len}\r\n\r\nx")
            .as_bytes(),
    )
    .await
    .unwrap();
    s
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pool_health_flips_and_load_is_shed_then_recovers() {
    let mut cfg = config();
    cfg.pool = PoolConfig {
        max_checked_out_bytes: Some(1024 * 1024),
        detect_cgroup: false,
        ..PoolConfig::default()
    };
    cfg.scan_memory_factor = 0.0;
    cfg.max_body = 1024 * 1024;
    cfg.shed.checked_out_ratio = 1.0;
    cfg.shed.pressure = None;
    cfg.shed.retry_after_secs = 2;
    cfg.shed.acquire_timeout = Duration::from_secs(3);
    let gw = Gateway::start(cfg).await;
    let c = client();
    let health = || async {
        c.get(gw.url("/health/memory-pools"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(health().await, 200);

    // A slow upload holds 768 KiB of the 1 MiB cap; a second one of the same
    // size has to wait for memory, which makes the pool unhealthy...
    let a = hold_upload(&gw, 768 * 1024).await;
    assert!(
        eventually(Duration::from_secs(2), || async {
            gw.state.bodies().held_bytes() >= 768 * 1024
        })
        .await
    );
    let b = tokio::spawn(raw(
        gw.addr,
        b"POST /v1/analyze HTTP/1.1\r\nhost: x\r\ncontent-length: 786432\r\n\r\n",
        Duration::from_secs(10),
    ));
    assert!(
        eventually(Duration::from_secs(3), || async { health().await == 503 }).await,
        "health did not flip while a body waited for memory"
    );
    let v: Value = c
        .get(gw.url("/health/memory-pools"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        v["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "1 request waiting for body memory"),
        "{v}"
    );
    // ...and the waiter is refused once it has waited too long.
    let reply = b.await.unwrap();
    assert!(reply.starts_with("HTTP/1.1 503"), "{reply}");
    assert!(
        reply.to_ascii_lowercase().contains("retry-after: 2"),
        "{reply}"
    );
    drop(a);
    assert!(
        eventually(Duration::from_secs(5), || async { health().await == 200 }).await,
        "health never recovered"
    );

    // A body holding the whole cap: unhealthy, and new requests are shed at once.
    let whole = hold_upload(&gw, 1024 * 1024).await;
    assert!(
        eventually(Duration::from_secs(2), || async { health().await == 503 }).await,
        "health did not flip at the cap"
    );
    let res = c.get(gw.url("/health/memory-pools")).send().await.unwrap();
    let v: Value = res.json().await.unwrap();
    assert!(!v["reasons"].as_array().unwrap().is_empty(), "{v}");
    let res = c
        .post(gw.url("/v1/analyze"))
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "2");
    let v: Value = res.json().await.unwrap();
    assert!(v["request_id"].is_string());

    // The uploader gives up: memory comes back and service resumes by itself.
    drop(whole);
    assert!(
        eventually(Duration::from_secs(5), || async { health().await == 200 }).await,
        "health never recovered"
    );
    let res = c
        .post(gw.url("/v1/analyze"))
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shedding_on_pressure_threshold() {
    let mut cfg = config();
    cfg.pool = PoolConfig {
        max_checked_out_bytes: Some(1024 * 1024),
        detect_cgroup: false,
        ..PoolConfig::default()
    };
    cfg.scan_memory_factor = 0.0;
    cfg.max_body = 1024 * 1024;
    cfg.shed.checked_out_ratio = 0.5;
    cfg.shed.pressure = Some(ShedPressure::Critical);
    let gw = Gateway::start(cfg).await;
    let held = hold_upload(&gw, 700 * 1024).await;
    let c = client();
    assert!(
        eventually(Duration::from_secs(5), || async {
            let res = c
                .post(gw.url("/v1/analyze"))
                .body("x")
                .send()
                .await
                .unwrap();
            res.status() == 503 && res.headers().contains_key("retry-after")
        })
        .await
    );
    drop(held);
    assert!(
        eventually(Duration::from_secs(5), || async {
            c.post(gw.url("/v1/analyze"))
                .body("x")
                .send()
                .await
                .unwrap()
                .status()
                == 200
        })
        .await
    );
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off() {
    let mut cfg = config();
    cfg.header_read_timeout = Duration::from_millis(300);
    cfg.body_read_timeout = Duration::from_millis(300);
    let gw = Gateway::start(cfg).await;

    // Slowloris: the request head trickles in one byte every 50 ms.
    let mut s = TcpStream::connect(gw.addr).await.unwrap();
    let head = b"GET /healthz HTTP/1.1\r\nhost: x\r\nx-padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let start = Instant::now();
    let mut cut = false;
    for b in head {
        if s.write_all(&[*b]).await.is_err() {
            cut = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        if start.elapsed() > Duration::from_secs(1) {
            break;
        }
    }
    if !cut {
        let rest = support::read_until_close(&mut s, Duration::from_secs(3)).await;
        assert!(!rest.contains("200 OK"), "slow head was served: {rest}");
    }
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "slowloris connection outlived the header timeout"
    );
    // Whatever was read, the server no longer talks on this connection.
    let mut probe = [0u8; 16];
    let n = tokio::time::timeout(
        Duration::from_secs(2),
        tokio::io::AsyncReadExt::read(&mut s, &mut probe),
    )
    .await
    .expect("connection still open after the header timeout");
    assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");

    // A body that never arrives gets 408.
    let reply = raw(
        gw.addr,
        b"POST /v1/analyze HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\nabc",
        Duration::from_secs(5),
    )
    .await;
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graceful_shutdown_completes_in_flight_requests() {
    let mut gw = Gateway::start(config()).await;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let url = gw.url("/v1/analyze");
    let in_flight = tokio::spawn(async move {
        client()
            .post(url)
            .body(reqwest::Body::wrap_stream(stream))
            .send()
            .await
    });
    tx.send(Ok(b"first half, ".to_vec())).await.unwrap();
    // The request is being read (its body holds pool memory) when the
    // shutdown starts.
    assert!(
        eventually(Duration::from_secs(10), || async {
            gw.state.bodies().held_bytes() > 0
        })
        .await,
        "the request never started"
    );
    gw.trigger_shutdown();
    assert!(
        eventually(Duration::from_secs(10), || async {
            TcpStream::connect(gw.addr).await.is_err()
        })
        .await,
        "still accepting after shutdown"
    );
    tx.send(Ok(b"second half".to_vec())).await.unwrap();
    drop(tx);
    let res = in_flight.await.unwrap().expect("in-flight request failed");
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["bytes"], 23);
    tokio::time::timeout(Duration::from_secs(5), gw.join())
        .await
        .expect("drain did not finish");
}

/// A bad value names its key and where it came from: the file and line,
/// the environment variable or the flag; exit code 2.
#[test]
fn config_errors_name_the_key_and_where_it_came_from() {
    let dir = std::env::temp_dir().join(format!("sluice-cfg-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let check = |text: &str, env: &[(&str, &str)], args: &[&str], want: &str| {
        let file = dir.join("sluice.toml");
        std::fs::write(&file, text).unwrap();
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sluice"));
        cmd.args(["serve", "--check-config", "--config"]).arg(&file);
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text:?}: {err}");
        assert!(err.contains(want), "{text:?}: want {want:?} in {err}");
        assert!(
            err.contains("sluice.toml") || !want.contains("line"),
            "{err}"
        );
    };
    check(
        "max_body = \"1MiB\"\nlisten = 5\n",
        &[],
        &[],
        "line 2: listen: invalid type",
    );
    check(
        "[pool]\n\nmax_retained_bytes = -1\n",
        &[],
        &[],
        "line 3: pool.max_retained_bytes: invalid value: integer `-1`",
    );
    check(
        "\nmax_body = 0\n",
        &[],
        &[],
        "line 2: max_body: must be greater than 0",
    );
    check(
        "",
        &[("SLUICE_MAX_BODY", "0")],
        &[],
        "environment variable SLUICE_MAX_BODY",
    );
    check(
        "",
        &[("SLUICE_MAX_BODY", "abc")],
        &[],
        "environment variable SLUICE_MAX_BODY",
    );
    check("", &[], &["--max-body", "0"], "--max-body");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--check-config` fails, with start's message and exit code, on a
/// configuration start would refuse: here a rule that does not compile.
#[test]
fn check_config_runs_the_checks_start_runs() {
    let dir = std::env::temp_dir().join(format!("sluice-check-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rules = dir.join("bad-rules.toml");
    std::fs::write(
        &rules,
        "[[rules]]\nid = \"x\"\ncategory = \"xss\"\nseverity = \"high\"\npattern = \"((\"\n",
    )
    .unwrap();
    let run = |check: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sluice"));
        cmd.args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--workers",
            "1",
            "--rules",
        ])
        .arg(&rules);
        if check {
            cmd.arg("--check-config");
        }
        cmd.output().unwrap()
    };
    let checked = run(true);
    let started = run(false);
    assert_eq!(checked.status.code(), Some(2), "{checked:?}");
    assert_eq!(started.status.code(), Some(2), "{started:?}");
    let err = String::from_utf8_lossy(&checked.stderr);
    assert!(err.contains("rule `x`"), "{err}");
    assert_eq!(err, String::from_utf8_lossy(&started.stderr));
    assert!(checked.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn serve_config_layers_file_env_and_flags() {
    let dir = std::env::temp_dir().join(format!("sluice-serve-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sluice.toml");
    std::fs::write(
        &file,
        "listen = \"127.0.0.1:9001\"\nmax_body = \"1MiB\"\nmax_connections = 7\n",
    )
    .unwrap();
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_sluice"));
        cmd.arg("serve")
            .arg("--check-config")
            .arg("--config")
            .arg(&file);
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    // The effective configuration is printed as TOML, readable as a file.
    let effective = |out: &std::process::Output| -> toml::Table {
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        text.parse()
            .unwrap_or_else(|e| panic!("not TOML: {e}\n{text}"))
    };
    let out = run(&[("SLUICE_MAX_BODY", "2MiB")], &["--max-connections", "9"]);
    let t = effective(&out);
    assert_eq!(
        t["listen"].as_str(),
        Some("127.0.0.1:9001"),
        "file value lost: {t}"
    );
    assert_eq!(
        t["max_body"].as_integer(),
        Some(2 << 20),
        "env did not override the file: {t}"
    );
    assert_eq!(
        t["max_connections"].as_integer(),
        Some(9),
        "flag did not apply: {t}"
    );
    assert!(
        sluice::gateway::GatewayConfig::from_toml(&String::from_utf8_lossy(&out.stdout)).is_ok(),
        "the printed configuration does not read back"
    );

    let out = run(&[("SLUICE_MAX_BODY", "2MiB")], &["--max-body", "3MiB"]);
    assert_eq!(effective(&out)["max_body"].as_integer(), Some(3 << 20));

    let out = run(
        &[("SLUICE_CLIENT_RATE", "50"), ("SLUICE_CLIENT_BURST", "5")],
        &["--client-max-concurrent", "8", "--client-burst", "100"],
    );
    let t = effective(&out);
    let cl = &t["client_limit"];
    assert_eq!(cl["max_concurrent"].as_integer(), Some(8), "{t}");
    assert_eq!(cl["rate"].as_float(), Some(50.0), "{t}");
    assert_eq!(cl["burst"].as_integer(), Some(100), "{t}");
    let out = run(&[], &["--client-rate=-3"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("client_limit.rate"));

    let out = run(&[("SLUICE_WRITE_TIMEOUT", "7s")], &[]);
    assert_eq!(effective(&out)["write_timeout"].as_str(), Some("7000ms"));
    let out = run(
        &[("SLUICE_WRITE_TIMEOUT", "7s")],
        &["--write-timeout", "250ms"],
    );
    assert_eq!(effective(&out)["write_timeout"].as_str(), Some("250ms"));
    let out = run(&[], &["--write-timeout", "0s"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("write_timeout"));

    let out = run(&[("SLUICE_UPSTREAM", "ftp://nope")], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("upstream"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn encoded_plus_in_the_query_stays_a_plus() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let c = client();

    // `%2B` is a plus, not a space: the attack needs it.
    for target in [
        "/get?sql_table=sELecT%20slEep%20%2810%20%2B6%29",
        "/get?id=cat%2B%2Fet*%2F*wd",
    ] {
        let res = c.get(gw.url(target)).send().await.unwrap();
        assert_eq!(res.status(), 403, "{target}");
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["threats"][0]["location"], "query", "{v}");
    }
    assert_eq!(up.hits(), 0);

    // A benign encoded plus and a literal plus reach the upstream untouched.
    let res = c
        .get(gw.url("/calc?expr=a%2Bb&name=John+Smith"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        up.last().uri.path_and_query().unwrap().as_str(),
        "/calc?expr=a%2Bb&name=John+Smith"
    );
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_header_but_transport_ones_is_screened() {
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    let c = client();

    for (name, value) in [
        ("FoobarHeader", "../../../../etc/passwd"),
        ("Remote-ip", "<script>alert(1)</script>"),
        ("x-search", SQLI),
    ] {
        let res = c.get(gw.url("/")).header(name, value).send().await.unwrap();
        assert_eq!(res.status(), 403, "{name}");
        let v: Value = res.json().await.unwrap();
        let location = format!("header:{}", name.to_ascii_lowercase());
        assert_eq!(v["threats"][0]["location"], location.as_str(), "{v}");
    }
    assert_eq!(up.hits(), 0);

    // A browser's ordinary headers pass; transport headers are not screened,
    // and personal data in a header is reported, never blocked.
    let res = c
        .get(gw.url("/account"))
        .header("accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
        .header("if-none-match", "\"<script>\"")
        .header("sec-ch-ua", r#""Chromium";v="118", "Not=A?Brand";v="99""#)
        .header("sec-ch-ua-platform", "\"Windows\"")
        .header("origin", "https://app.example.net")
        .header("from", "alice@example.com")
        .header(
            "authorization",
            "Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo",
        )
        .send()
        .await
        .unwrap();
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    let seen = up.last();
    let findings = seen
        .headers
        .get("x-sluice-findings")
        .map_or("", |v| v.to_str().unwrap());
    assert!(
        findings
            .split(", ")
            .all(|f| f.starts_with("pii/") && f.ends_with("@header:from")),
        "{findings}"
    );
    gw.stop().await;

    // An explicit list screens only the listed headers.
    let listed = Gateway::start(GatewayConfig {
        screen_headers: vec!["cookie".into()],
        ..proxy_config(&up)
    })
    .await;
    let res = c
        .get(listed.url("/"))
        .header("x-search", SQLI)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = c
        .get(listed.url("/"))
        .header("cookie", format!("q={SQLI}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    listed.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn early_answer_reaches_a_client_still_uploading() {
    let gw = Gateway::start(small_body_config()).await;
    let mut s = TcpStream::connect(gw.addr).await.unwrap();
    s.write_all(b"POST /v1/analyze HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n")
        .await
        .unwrap();
    // Like most clients, send the whole body before reading the answer:
    // 512 KiB, well past the 64 KiB limit, in small slow chunks.
    let chunk = vec![b'a'; 16 * 1024];
    for i in 0..32 {
        let sent = async {
            s.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                .await?;
            s.write_all(&chunk).await?;
            s.write_all(b"\r\n").await
        }
        .await;
        assert!(sent.is_ok(), "chunk {i}: {sent:?}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    s.write_all(b"0\r\n\r\n").await.unwrap();
    let reply = support::read_until_close(&mut s, Duration::from_secs(5)).await;
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");
    assert!(reply.contains("request_id"), "{reply}");
    assert_eq!(gw.state.bodies().held_bytes(), 0);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_over_their_limits_get_429() {
    // In flight: one request per client at a time.
    let mut cfg = config();
    cfg.client_limit.max_concurrent = 1;
    let gw = Gateway::start(cfg).await;
    let c = client();
    let held = hold_upload(&gw, 4096).await;
    let limited = || async {
        c.post(gw.url("/v1/analyze"))
            .body("hello")
            .send()
            .await
            .unwrap()
    };
    // Wait until the held upload is in flight (its head has been read).
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut res = limited().await;
    while res.status() != 429 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
        res = limited().await;
    }
    assert_eq!(
        res.status(),
        429,
        "a second request in flight was not refused"
    );
    assert_eq!(res.headers()["retry-after"], "1");
    let v: Value = res.json().await.unwrap();
    assert!(v["error"].is_string() && v["request_id"].is_string(), "{v}");
    assert!(v["reason"].as_str().unwrap().contains("in flight"), "{v}");
    // Monitoring is never limited.
    let res = c.get(gw.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let text = c
        .get(gw.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let samples = parse_metrics(&text);
    assert!(
        metric(
            &samples,
            "sluice_http_requests_total{route=\"/v1/analyze\",outcome=\"limited\"}"
        ) >= 1.0,
        "{text}"
    );
    // The client gives up: its slot comes back.
    drop(held);
    assert!(
        eventually(Duration::from_secs(5), || async {
            limited().await.status() == 200
        })
        .await,
        "the client stayed limited"
    );
    gw.stop().await;

    // Rate: a burst of 3, then one request every 1000 s.
    let mut cfg = config();
    cfg.client_limit.rate = 0.001;
    cfg.client_limit.burst = 3;
    let gw = Gateway::start(cfg).await;
    for _ in 0..3 {
        let res = c
            .post(gw.url("/v1/analyze"))
            .body("hello")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
    let res = c
        .post(gw.url("/v1/analyze"))
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers()["retry-after"], "1000");
    assert_eq!(res.headers()["content-type"], "application/json");
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["retry_after_secs"], 1000, "{v}");
    gw.stop().await;
}

/// The README's first command as a real process: `sluice serve` with the
/// embedded defaults (here on a free port and a single-threaded runtime,
/// `--workers 1`) answers the analysis API.
#[tokio::test]
async fn the_binary_serves_with_embedded_defaults() {
    serves_on("127.0.0.1:0").await;
}

/// `--listen HOST:PORT` takes a host name, resolved at start; a name that
/// does not resolve stops the start with exit code 2.
#[tokio::test]
async fn the_binary_listens_on_a_host_name() {
    serves_on("localhost:0").await;
    for args in [&["--check-config"][..], &[]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sluice"))
            .args([
                "serve",
                "--workers",
                "1",
                "--listen",
                "no-such-host.invalid:8080",
            ])
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains("listen") && err.contains("cannot resolve no-such-host.invalid:8080"),
            "{err}"
        );
    }
}

/// Starts `sluice serve --listen LISTEN` and screens one request through it.
async fn serves_on(listen: &str) {
    let (mut child, addr, _log) = spawn_serve(listen, &["--log-format", "json"]);
    let v: Value = client()
        .post(format!("http://{addr}/v1/analyze"))
        .body(SQLI)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(v["threat"], true, "{v}");
    assert_eq!(v["findings"][0]["category"], "sqli", "{v}");
}

//! Upstreams that go silent: before the answer's head (504), part way
//! through its body (the answer is cut short, never passed off as whole,
//! and the connection slot and the upstream connection are freed), or
//! while being sent a request body they never read. An upstream that is
//! slow but keeps sending delivers its whole answer.

mod support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::BodyExt;
use support::upstream::{Script, scripted};
use support::{Gateway, client, event_data};
use tokio::net::TcpStream;
use tokio::sync::mpsc;

const MIB: usize = 1 << 20;

/// The upstream timeout of every gateway here.
const UPSTREAM_TIMEOUT: Duration = Duration::from_millis(1000);

/// Room for a loaded 2-core machine on top of [`UPSTREAM_TIMEOUT`].
const SLACK: Duration = Duration::from_secs(8);

/// A gateway in front of `up` with `slots` connection slots.
async fn gateway(up: SocketAddr, slots: usize) -> Gateway {
    Gateway::proxying(up, |c| {
        c.upstream_timeout = UPSTREAM_TIMEOUT;
        c.max_connections = slots;
        c.max_body = 8 * MIB;
    })
    .await
}

async fn upstream_timeouts(gw: &Gateway, phase: &str) -> f64 {
    gw.metric(&format!(
        "sluice_upstream_timeouts_total{{phase=\"{phase}\"}}"
    ))
    .await
}

/// Waits for the upstream to see its connection closed by the gateway;
/// the bytes it read after the request head.
async fn upstream_closed(closed: &mut mpsc::UnboundedReceiver<usize>) -> usize {
    tokio::time::timeout(SLACK, closed.recv())
        .await
        .expect("the stalled upstream connection was kept open")
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http1_answer_that_stalls_is_cut_short_and_frees_the_slot() {
    let (up, mut closed) = scripted(Script::StallMidBody).await;
    let gw = gateway(up, 1).await;
    assert_eq!(upstream_timeouts(&gw, "body").await, 0.0);
    let start = Instant::now();
    let mut res = client().get(gw.url("/file")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let mut got = 0;
    let outcome = loop {
        match res.chunk().await {
            Ok(Some(c)) => got += c.len(),
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    let took = start.elapsed();
    assert!(
        outcome.is_err(),
        "a cut answer ended cleanly after {got} bytes"
    );
    assert_eq!(got, 10 * 1024);
    assert!(took >= UPSTREAM_TIMEOUT, "{took:?}");
    assert!(took < UPSTREAM_TIMEOUT + SLACK, "{took:?}");
    drop(res);
    // The only slot is free again: a new client is served.
    assert_eq!(upstream_timeouts(&gw, "body").await, 1.0);
    assert_eq!(upstream_timeouts(&gw, "head").await, 0.0);
    let _ = upstream_closed(&mut closed).await;
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http2_answer_that_stalls_resets_only_its_stream() {
    let (up, mut closed) = scripted(Script::StallMidBody).await;
    // The HTTP/2 connection stays open and holds one slot.
    let gw = gateway(up, 2).await;
    let io = hyper_util::rt::TokioIo::new(TcpStream::connect(gw.addr).await.unwrap());
    let (mut send, conn) =
        hyper::client::conn::http2::handshake(hyper_util::rt::TokioExecutor::new(), io)
            .await
            .unwrap();
    tokio::spawn(conn);
    let start = Instant::now();
    let req = axum::http::Request::get(gw.url("/file"))
        .body(http_body_util::Empty::<Bytes>::new())
        .unwrap();
    let res = send.send_request(req).await.unwrap();
    assert_eq!(res.status(), 200);
    let mut body = res.into_body();
    let mut got = 0;
    let read = async {
        loop {
            match body.frame().await {
                Some(Ok(f)) => got += f.data_ref().map_or(0, |d| d.len()),
                Some(Err(_)) => break true,
                None => break false,
            }
        }
    };
    let ended_with_error = tokio::time::timeout(UPSTREAM_TIMEOUT + SLACK, read)
        .await
        .expect("the stalled answer's stream is still open");
    let took = start.elapsed();
    assert!(
        ended_with_error,
        "a cut answer ended cleanly after {got} bytes"
    );
    assert_eq!(got, 10 * 1024);
    assert!(took < UPSTREAM_TIMEOUT + SLACK, "{took:?}");
    // The connection itself lives on.
    let req = axum::http::Request::get(gw.url("/healthz"))
        .body(http_body_util::Empty::<Bytes>::new())
        .unwrap();
    let res = send.send_request(req).await.unwrap();
    assert_eq!(res.status(), 200);
    drop(send);
    assert_eq!(upstream_timeouts(&gw, "body").await, 1.0);
    let _ = upstream_closed(&mut closed).await;
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_upstream_that_keeps_sending_delivers_the_whole_answer() {
    // 10 pieces 200 ms apart: the whole answer outlasts the timeout.
    let chunks = 10;
    let (up, _closed) = scripted(Script::Trickle { chunks }).await;
    let gw = gateway(up, 4).await;
    let start = Instant::now();
    let res = client().get(gw.url("/slow")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body = res.bytes().await.expect("a slow upstream was cut off");
    assert_eq!(body.len(), chunks * 1024);
    assert!(start.elapsed() > UPSTREAM_TIMEOUT);
    assert_eq!(upstream_timeouts(&gw, "body").await, 0.0);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upstream_that_reads_no_request_body_times_out() {
    let (up, mut closed) = scripted(Script::Silent {
        // The gateway's writes back up before anything is read.
        quiet: UPSTREAM_TIMEOUT + Duration::from_millis(500),
    })
    .await;
    let gw = gateway(up, 1).await;
    // More than the loopback socket buffers hold; binary and of an opaque
    // type, so it goes to the upstream unscreened.
    let body = vec![0xffu8; 6 * MIB];
    let start = Instant::now();
    let res = client()
        .post(gw.url("/upload"))
        .header("content-type", "application/octet-stream")
        .body(body)
        .send()
        .await
        .unwrap();
    let took = start.elapsed();
    assert_eq!(res.status(), 504);
    assert!(took < UPSTREAM_TIMEOUT + SLACK, "{took:?}");
    drop(res);
    assert_eq!(upstream_timeouts(&gw, "head").await, 1.0);
    assert_eq!(upstream_timeouts(&gw, "body").await, 0.0);
    let _ = upstream_closed(&mut closed).await;
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upstream_that_answers_and_stops_reading_loses_its_connection() {
    let (up, mut closed) = scripted(Script::StallUnread {
        // Past the answer's cut and the stalled write's timeout.
        quiet: 3 * UPSTREAM_TIMEOUT,
    })
    .await;
    let gw = gateway(up, 1).await;
    let sent = 8 * MIB;
    let mut res = client()
        .post(gw.url("/upload"))
        .header("content-type", "application/octet-stream")
        .body(vec![0xffu8; sent])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let mut got = 0;
    let outcome = loop {
        match res.chunk().await {
            Ok(Some(c)) => got += c.len(),
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    assert!(outcome.is_err(), "a cut answer ended after {got} bytes");
    drop(res);
    assert_eq!(upstream_timeouts(&gw, "body").await, 1.0);
    // The stalled write to the upstream was given up, not finished once
    // the upstream read again: the connection closed part way through the
    // request body.
    let read = upstream_closed(&mut closed).await;
    assert!(
        read < sent,
        "the upstream read the whole body: {read} bytes"
    );
    gw.stop().await;
}

/// `upstream_timeout` is the longest the upstream may go between two
/// pieces of its answer, not a limit on the whole answer (as nginx's
/// `proxy_read_timeout`): an event stream that sends within the timeout
/// stays open as long as it likes, every event arriving in order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_stream_that_keeps_sending_outlives_the_timeout() {
    let events = 11;
    let (up, _closed) = scripted(Script::Events {
        lead: Duration::ZERO,
        events,
        every: Duration::from_millis(300),
    })
    .await;
    let gw = gateway(up, 4).await;
    let start = Instant::now();
    let mut res = client()
        .get(gw.url("/events"))
        .header("accept", "text/event-stream")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/event-stream");
    let mut got = Vec::new();
    while let Some(chunk) = res.chunk().await.expect("the event stream was cut off") {
        got.extend_from_slice(&chunk);
    }
    // Ten gaps of 300 ms: the stream lived three times the timeout.
    assert!(
        start.elapsed() >= 3 * UPSTREAM_TIMEOUT,
        "{:?}",
        start.elapsed()
    );
    let want: Vec<String> = (0..events).map(|i| format!("event {i}")).collect();
    assert_eq!(event_data(&got), want);
    assert_eq!(upstream_timeouts(&gw, "body").await, 0.0);
    assert_eq!(upstream_timeouts(&gw, "head").await, 0.0);
    gw.stop().await;
}

/// An event stream whose upstream sends its head and then nothing for
/// twice the timeout is cut: the client has the head, then the
/// answer ends with an error (the connection closes short of the chunked
/// body's end) rather than passing for complete, and it is counted as
/// `sluice_upstream_timeouts_total{phase="body"}`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_stream_silent_after_its_head_is_cut() {
    // A head, then 2 s of silence before the first event.
    let (up, _closed) = scripted(Script::Events {
        lead: 2 * UPSTREAM_TIMEOUT,
        events: 1,
        every: Duration::ZERO,
    })
    .await;
    let gw = gateway(up, 4).await;
    let start = Instant::now();
    let mut res = client().get(gw.url("/events")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let mut got = Vec::new();
    let outcome = loop {
        match res.chunk().await {
            Ok(Some(c)) => got.extend_from_slice(&c),
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    assert!(outcome.is_err(), "a cut stream ended cleanly: {got:?}");
    assert!(
        start.elapsed() < UPSTREAM_TIMEOUT + SLACK,
        "{:?}",
        start.elapsed()
    );
    assert!(event_data(&got).is_empty(), "{got:?}");
    assert_eq!(upstream_timeouts(&gw, "body").await, 1.0);
    assert_eq!(upstream_timeouts(&gw, "head").await, 0.0);
    gw.stop().await;
}

/// `upstream_timeout` runs between two signs of life while the request is
/// sent too: an upstream that takes a large upload slowly but steadily,
/// for twice the timeout and more, and then answers is not cut (as nginx's
/// `proxy_send_timeout`). Once the last piece is handed to the socket the
/// timeout runs until the answer's head: the upstream must read what the
/// sockets on the way hold within it, hence the longer timeout here.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_upload_to_an_upstream_that_keeps_reading_is_answered() {
    let timeout = 3 * UPSTREAM_TIMEOUT;
    // 64 KiB every 25 ms: about 2.5 MiB/s.
    let (up, _closed) = scripted(Script::ReadSlowly {
        piece: 64 * 1024,
        every: Duration::from_millis(25),
    })
    .await;
    let gw = Gateway::proxying(up, |c| {
        c.upstream_timeout = timeout;
        c.max_body = 24 * MIB;
    })
    .await;
    let sent = 18 * MIB;
    let start = Instant::now();
    let res = client()
        .post(gw.url("/upload"))
        .header("content-type", "application/octet-stream")
        .body(vec![0xffu8; sent])
        .timeout(Duration::from_secs(60))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "after {:?}", start.elapsed());
    assert_eq!(res.text().await.unwrap(), format!("read {sent}"));
    assert!(start.elapsed() > 2 * timeout, "{:?}", start.elapsed());
    assert_eq!(upstream_timeouts(&gw, "head").await, 0.0);
    gw.stop().await;
}

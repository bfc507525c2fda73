//! The proxy carries WebSocket connections: the handshake is screened like
//! any request, then the upgraded connection is joined to the upstream's.

mod support;

use std::sync::atomic::Ordering;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use sluice::gateway::GatewayConfig;
use support::upstream::{EchoServer, deaf_websocket};
use support::{Gateway, Upstream, client, proxy_config, raw};
use tokio_tungstenite::tungstenite;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn websocket_messages_flow_both_ways_through_the_proxy() {
    let up = EchoServer::start().await;
    let gw = Gateway::start(up.config()).await;
    let url = format!("ws://{}/chat?room=lobby", gw.addr);
    let (mut ws, res) = tokio_tungstenite::connect_async(url.as_str())
        .await
        .expect("handshake through the proxy");
    assert_eq!(res.status(), 101);
    ws.send(tungstenite::Message::text("hello")).await.unwrap();
    let got = ws.next().await.unwrap().unwrap();
    assert_eq!(got, tungstenite::Message::text("echo: hello"));
    // A large binary message crosses in many TCP segments, unchanged.
    let blob: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    ws.send(tungstenite::Message::binary(blob.clone()))
        .await
        .unwrap();
    let got = ws.next().await.unwrap().unwrap();
    assert_eq!(got.into_data().as_ref(), blob.as_slice());
    ws.close(None).await.unwrap();
    assert_eq!(up.handshakes.load(Ordering::SeqCst), 1);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn websocket_handshake_with_an_attack_is_refused_before_the_upstream() {
    let up = EchoServer::start().await;
    let gw = Gateway::start(up.config()).await;
    let url = format!("ws://{}/chat?room=1%27%20OR%20%271%27=%271", gw.addr);
    match tokio_tungstenite::connect_async(url.as_str()).await {
        Err(tungstenite::Error::Http(res)) => {
            assert_eq!(res.status(), 403);
            let body: serde_json::Value =
                serde_json::from_slice(res.body().as_deref().unwrap_or_default()).unwrap();
            assert_eq!(body["threats"][0]["category"], "sqli", "{body}");
        }
        other => panic!("expected a 403, got {other:?}"),
    }
    assert_eq!(up.handshakes.load(Ordering::SeqCst), 0);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_websocket_counts_against_the_connection_limit() {
    let up = EchoServer::start().await;
    let gw = Gateway::start(GatewayConfig {
        max_connections: 1,
        ..up.config()
    })
    .await;
    let url = format!("ws://{}/chat", gw.addr);
    let (mut ws, _) = tokio_tungstenite::connect_async(url.as_str())
        .await
        .unwrap();
    ws.send(tungstenite::Message::text("ping")).await.unwrap();
    assert!(ws.next().await.unwrap().is_ok());
    // The tunnel holds the only connection slot: a new client waits.
    let http = client();
    let health = gw.url("/healthz");
    let waited = tokio::time::timeout(Duration::from_millis(500), http.get(&health).send()).await;
    assert!(waited.is_err(), "served while the WebSocket held the slot");
    ws.close(None).await.unwrap();
    drop(ws);
    let res = tokio::time::timeout(Duration::from_secs(10), http.get(&health).send())
        .await
        .expect("served once the WebSocket closed")
        .unwrap();
    assert_eq!(res.status(), 200);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_websocket_client_that_stops_reading_loses_its_tunnel() {
    let up = EchoServer::start().await;
    let gw = Gateway::start(GatewayConfig {
        max_connections: 1,
        write_timeout: Duration::from_secs(1),
        ..up.config()
    })
    .await;
    // A small receive buffer, so the tunnel's writes block early.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let stream = socket.connect(gw.addr).await.unwrap();
    let url = format!("ws://{}/flood", gw.addr);
    let (ws, res) = tokio_tungstenite::client_async(url.as_str(), stream)
        .await
        .unwrap();
    assert_eq!(res.status(), 101);
    // The client never reads; the tunnel holds the only slot until its
    // writes to the client time out.
    let res = client()
        .get(gw.url("/healthz"))
        .timeout(Duration::from_secs(15))
        .send()
        .await
        .expect("the unread tunnel kept the only connection slot");
    assert_eq!(res.status(), 200);
    let samples = gw.scrape().await;
    assert_eq!(
        support::metric(&samples, "sluice_write_timeouts_total"),
        1.0
    );
    assert_eq!(
        support::metric(
            &samples,
            r#"sluice_upstream_timeouts_total{phase="tunnel"}"#
        ),
        0.0
    );
    drop(ws);
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upgrade_the_upstream_refuses_is_an_ordinary_answer() {
    // The upstream has no WebSocket on this path: its 404 comes back as is.
    let up = EchoServer::start().await;
    let gw = Gateway::start(up.config()).await;
    let url = format!("ws://{}/elsewhere", gw.addr);
    match tokio_tungstenite::connect_async(url.as_str()).await {
        Err(tungstenite::Error::Http(res)) => assert_eq!(res.status(), 404),
        other => panic!("expected the upstream's 404, got {other:?}"),
    }
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_upgrades_go_as_plain_requests() {
    // An `h2c` switch would carry HTTP/2 requests past the screening: the
    // upstream gets the request without the upgrade headers.
    let up = Upstream::start().await;
    let gw = Gateway::start(proxy_config(&up)).await;
    for offer in ["h2c", "websocket, h2c", "TLS/1.0"] {
        let req = format!(
            "GET /x HTTP/1.1\r\nHost: app\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: {offer}\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n"
        );
        let res = raw(gw.addr, req.as_bytes(), Duration::from_secs(5)).await;
        assert!(res.starts_with("HTTP/1.1 200"), "{offer}: {res}");
        let seen = up.last();
        assert!(
            seen.headers.get("upgrade").is_none(),
            "{offer}: {:?}",
            seen.headers
        );
        assert!(
            seen.headers.get("connection").is_none_or(|v| !v
                .to_str()
                .unwrap()
                .to_ascii_lowercase()
                .contains("upgrade"))
        );
    }
    gw.stop().await;
}

/// An upstream that stops reading a tunnel is told apart from a client
/// that stops reading: the tunnel closes after `upstream_timeout`, counted
/// as `sluice_upstream_timeouts_total{phase="tunnel"}`, not as a client
/// write timeout, and frees its connection slot.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_websocket_upstream_that_stops_reading_loses_its_tunnel() {
    let gw = Gateway::proxying(deaf_websocket().await, |c| {
        c.upstream_timeout = Duration::from_secs(1);
        c.write_timeout = Duration::from_secs(30);
        c.max_connections = 1;
    })
    .await;
    let url = format!("ws://{}/deaf", gw.addr);
    let (mut ws, res) = tokio_tungstenite::connect_async(url.as_str())
        .await
        .expect("handshake through the proxy");
    assert_eq!(res.status(), 101);
    // Far more than the socket buffers on the way hold; the sender blocks
    // once they are full, and fails once the tunnel is closed.
    let sender = tokio::spawn(async move {
        let blob = vec![3u8; 256 * 1024];
        for _ in 0..1024 {
            if ws
                .send(tungstenite::Message::binary(blob.clone()))
                .await
                .is_err()
            {
                break;
            }
        }
    });
    let res = client()
        .get(gw.url("/healthz"))
        .timeout(Duration::from_secs(15))
        .send()
        .await
        .expect("the stalled tunnel kept the only connection slot");
    assert_eq!(res.status(), 200);
    let samples = gw.scrape().await;
    assert_eq!(
        support::metric(
            &samples,
            r#"sluice_upstream_timeouts_total{phase="tunnel"}"#
        ),
        1.0,
        "{samples:?}"
    );
    assert_eq!(
        support::metric(&samples, "sluice_write_timeouts_total"),
        0.0
    );
    sender.abort();
    gw.stop().await;
}

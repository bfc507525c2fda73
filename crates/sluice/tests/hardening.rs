//! The gateway against hostile or careless clients: idle sockets, encoded
//! bodies, spoofed headers, and what gets screened, logged and redacted.

mod support;

use std::time::Duration;

use support::{Gateway, client, config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Reads until the server closes the connection; `None` when it is still
/// open after `limit`.
async fn closed_within(s: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    let mut seen = Vec::new();
    let mut buf = [0u8; 1024];
    tokio::time::timeout(limit, async {
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => return seen,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .ok()
}

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

//! Clients that stop reading their answer: the write timeout closes their
//! connection and frees its slot, over HTTP/1.1 and HTTP/2, while a client
//! that reads slowly but steadily gets the whole answer.

mod support;

use std::time::Duration;

use axum::body::Bytes;
use http_body_util::BodyExt;
use support::upstream::big_stream;
use support::{Gateway, client, drain_until_closed};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpSocket, TcpStream};

const MIB: usize = 1 << 20;

/// The write timeout of every gateway here: long enough that a reader
/// pausing for [`PAUSE`] is never cut off on a loaded machine.
const WRITE_TIMEOUT: Duration = Duration::from_millis(1000);
const PAUSE: Duration = Duration::from_millis(250);

/// A gateway in front of [`big_stream`] with `slots` connection slots.
async fn gateway(slots: usize) -> Gateway {
    Gateway::proxying(big_stream().await, |c| {
        c.max_connections = slots;
        c.write_timeout = WRITE_TIMEOUT;
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http1_client_that_stops_reading_loses_its_connection() {
    let gw = gateway(1).await;
    // A small receive buffer, so the gateway's writes block early.
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let mut stalled = socket.connect(gw.addr).await.unwrap();
    stalled
        .write_all(b"GET /big?mib=64 HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    // The one slot is taken: this request waits in the backlog until the
    // write timeout frees it.
    let res = client()
        .get(gw.url("/healthz"))
        .timeout(Duration::from_secs(15))
        .send()
        .await
        .expect("the unread answer kept the only connection slot");
    assert_eq!(res.status(), 200);
    drop(res);
    assert_eq!(gw.metric("sluice_write_timeouts_total").await, 1.0);
    // What the kernel buffered arrives, then the connection ends short.
    let got = drain_until_closed(&mut stalled, Duration::from_secs(10)).await;
    assert!(got < 64 * MIB, "the whole answer arrived: {got} bytes");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http2_client_that_keeps_its_window_shut_loses_its_connection() {
    let gw = gateway(1).await;
    // hyper's client reads the socket all along and answers pings; not
    // reading the body keeps the stream's flow-control window shut once
    // its first 2 MiB are in, so no socket write ever blocks.
    let io = hyper_util::rt::TokioIo::new(TcpStream::connect(gw.addr).await.unwrap());
    let (mut send, conn) =
        hyper::client::conn::http2::handshake(hyper_util::rt::TokioExecutor::new(), io)
            .await
            .unwrap();
    let conn = tokio::spawn(conn);
    let req = axum::http::Request::get(gw.url("/big?mib=64"))
        .body(http_body_util::Empty::<Bytes>::new())
        .unwrap();
    let res = send.send_request(req).await.unwrap();
    assert_eq!(res.status(), 200);
    tokio::time::timeout(Duration::from_secs(10), conn)
        .await
        .expect("the stalled HTTP/2 connection is still open")
        .unwrap()
        .ok();
    assert_eq!(gw.metric("sluice_write_timeouts_total").await, 1.0);
    // The answer ends short, with an error.
    let mut body = res.into_body();
    let mut got = 0;
    let ended_with_error = loop {
        match body.frame().await {
            Some(Ok(f)) => got += f.data_ref().map_or(0, |d| d.len()),
            Some(Err(_)) => break true,
            None => break false,
        }
    };
    assert!(
        ended_with_error,
        "the answer ended cleanly after {got} bytes"
    );
    assert!(got < 64 * MIB, "{got}");
    gw.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_readers_that_keep_reading_get_the_whole_answer() {
    let gw = gateway(4).await;
    let mib = 12;
    // HTTP/1.1: a pause after every 2 MiB; each pause blocks the gateway's
    // writes, the whole read outlasts the write timeout.
    let mut res = client()
        .get(gw.url(&format!("/big?mib={mib}")))
        .timeout(Duration::from_secs(60))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (mut got, mut next_pause) = (0, 2 * MIB);
    while let Some(chunk) = res.chunk().await.expect("a slow reader was cut off") {
        got += chunk.len();
        if got >= next_pause {
            next_pause += 2 * MIB;
            tokio::time::sleep(PAUSE).await;
        }
    }
    assert_eq!(got, mib * MIB);
    drop(res);

    // HTTP/2: every pause holds the stream's window shut for a while.
    let io = hyper_util::rt::TokioIo::new(TcpStream::connect(gw.addr).await.unwrap());
    let (mut send, conn) =
        hyper::client::conn::http2::handshake(hyper_util::rt::TokioExecutor::new(), io)
            .await
            .unwrap();
    tokio::spawn(conn);
    let req = axum::http::Request::get(gw.url(&format!("/big?mib={mib}")))
        .body(http_body_util::Empty::<Bytes>::new())
        .unwrap();
    let res = send.send_request(req).await.unwrap();
    assert_eq!(res.status(), 200);
    let mut body = res.into_body();
    let (mut got, mut next_pause) = (0, 2 * MIB);
    while let Some(frame) = body.frame().await {
        let frame = frame.expect("a slow HTTP/2 reader was cut off");
        got += frame.data_ref().map_or(0, |d| d.len());
        if got >= next_pause {
            next_pause += 2 * MIB;
            tokio::time::sleep(PAUSE).await;
        }
    }
    assert_eq!(got, mib * MIB);
    assert_eq!(gw.metric("sluice_write_timeouts_total").await, 0.0);
    gw.stop().await;
}

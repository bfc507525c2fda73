//! Upstreams for the proxy tests: a recording application, a streaming
//! one, a scripted raw-socket one that stalls in chosen ways, and WebSocket
//! servers.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Query;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use sluice::gateway::GatewayConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite;

use super::{proxy_to, read_head};

const MIB: usize = 1 << 20;

/// Serves `app` on 127.0.0.1 on a free port, in the background.
pub async fn serve_app(app: axum::Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    addr
}

/// What the upstream saw of one request.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: Method,
    pub uri: Uri,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// A plain HTTP server standing in for the protected application.
pub struct Upstream {
    pub addr: SocketAddr,
    pub hits: Arc<AtomicUsize>,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

#[derive(Clone)]
struct UpState {
    hits: Arc<AtomicUsize>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

async fn record(
    State(st): State<UpState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> ([(&'static str, &'static str); 1], Bytes) {
    st.hits.fetch_add(1, Ordering::SeqCst);
    let mut reply = b"upstream saw: ".to_vec();
    reply.extend_from_slice(&body);
    st.seen.lock().unwrap().push(Seen {
        method,
        uri,
        headers,
        body,
    });
    ([("x-upstream", "yes")], Bytes::from(reply))
}

impl Upstream {
    pub async fn start() -> Self {
        let hits = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let app = axum::Router::new().fallback(record).with_state(UpState {
            hits: hits.clone(),
            seen: seen.clone(),
        });
        let addr = serve_app(app).await;
        Self { addr, hits, seen }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    pub fn last(&self) -> Seen {
        self.seen
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("upstream saw a request")
    }
}

#[derive(serde::Deserialize)]
struct Size {
    mib: usize,
}

/// An upstream whose `GET /big?mib=N` streams N MiB (chunked, no length),
/// far more than the socket buffers on either side hold.
pub async fn big_stream() -> SocketAddr {
    async fn big(Query(size): Query<Size>) -> Body {
        let chunk = Bytes::from(vec![b'x'; 64 * 1024]);
        let chunks = size.mib * 16;
        Body::from_stream(futures_util::stream::iter(
            (0..chunks).map(move |_| Ok::<_, Infallible>(chunk.clone())),
        ))
    }
    let app = axum::Router::new().route("/big", axum::routing::get(big));
    serve_app(app).await
}

/// What a scripted upstream does once it has read a request head.
#[derive(Clone, Copy)]
pub enum Script {
    /// Announces 1 MiB, sends 10 KiB, then sends nothing more.
    StallMidBody,
    /// Announces `chunks` KiB and sends 1 KiB every 200 ms.
    Trickle { chunks: usize },
    /// Reads nothing for `quiet` (the gateway's writes back up), then
    /// reads whatever comes and never answers.
    Silent { quiet: Duration },
    /// Answers as [`Script::StallMidBody`] at once and reads no request
    /// body for `quiet`.
    StallUnread { quiet: Duration },
    /// Reads the request body (by its `Content-Length`) `piece` bytes at a
    /// time, `every` apart, then answers `read N`.
    ReadSlowly { piece: usize, every: Duration },
    /// A server-sent event stream (chunked, no length): after the head
    /// and `lead` of silence, `events` events `every` apart, then the end.
    Events {
        lead: Duration,
        events: usize,
        every: Duration,
    },
}

/// A raw-socket upstream following `script` on every connection. Each
/// connection reports on the channel, once the gateway has closed it, the
/// bytes it read after the request head.
pub async fn scripted(script: Script) -> (SocketAddr, mpsc::UnboundedReceiver<usize>) {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    if let Script::ReadSlowly { piece, .. } = script {
        // A receive window of about one piece: what the gateway has sent
        // is read soon after, not parked in a large socket buffer.
        socket.set_recv_buffer_size(piece as u32).unwrap();
    }
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(64).unwrap();
    let addr = listener.local_addr().unwrap();
    let (closed_tx, closed_rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((s, _)) = listener.accept().await {
            let closed = closed_tx.clone();
            tokio::spawn(async move {
                if let Ok(n) = serve(s, script).await {
                    let _ = closed.send(n);
                }
            });
        }
    });
    (addr, closed_rx)
}

/// Runs `script` on one connection; once the gateway closed it, the bytes
/// read after the request head.
async fn serve(mut s: TcpStream, script: Script) -> std::io::Result<usize> {
    let Some(head) = read_head(&mut s).await? else {
        return Ok(0);
    };
    match script {
        Script::ReadSlowly { piece, every } => {
            let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            let mut buf = vec![0u8; piece];
            let mut got = 0;
            while got < len {
                let want = piece.min(len - got);
                s.read_exact(&mut buf[..want]).await?;
                got += want;
                tokio::time::sleep(every).await;
            }
            let answer = format!("read {got}");
            s.write_all(
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{answer}",
                    answer.len()
                )
                .as_bytes(),
            )
            .await?;
        }
        Script::StallMidBody | Script::StallUnread { .. } => {
            s.write_all(format!("HTTP/1.1 200 OK\r\ncontent-length: {MIB}\r\n\r\n").as_bytes())
                .await?;
            s.write_all(&[b'x'; 10 * 1024]).await?;
            if let Script::StallUnread { quiet } = script {
                tokio::time::sleep(quiet).await;
            }
        }
        Script::Trickle { chunks } => {
            let len = chunks * 1024;
            s.write_all(format!("HTTP/1.1 200 OK\r\ncontent-length: {len}\r\n\r\n").as_bytes())
                .await?;
            for _ in 0..chunks {
                s.write_all(&[b'y'; 1024]).await?;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
        Script::Events {
            lead,
            events,
            every,
        } => {
            s.write_all(
                b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n",
            )
            .await?;
            tokio::time::sleep(lead).await;
            for i in 0..events {
                if i > 0 {
                    tokio::time::sleep(every).await;
                }
                let event = format!("id: {i}\ndata: event {i}\n\n");
                s.write_all(format!("{:x}\r\n{event}\r\n", event.len()).as_bytes())
                    .await?;
            }
            s.write_all(b"0\r\n\r\n").await?;
        }
        Script::Silent { quiet } => {
            tokio::time::sleep(quiet).await;
        }
    }
    // Whatever else comes (a request body, a next request), until the
    // gateway closes the connection.
    let mut buf = vec![0u8; 64 * 1024];
    let mut got = 0;
    loop {
        match s.read(&mut buf).await {
            Ok(0) | Err(_) => return Ok(got),
            Ok(n) => got += n,
        }
    }
}

/// A WebSocket server that echoes every message back with a prefix and
/// counts handshakes.
pub struct EchoServer {
    pub addr: SocketAddr,
    pub handshakes: Arc<AtomicUsize>,
}

async fn upgrade(State(n): State<Arc<AtomicUsize>>, ws: WebSocketUpgrade) -> Response {
    n.fetch_add(1, Ordering::SeqCst);
    ws.on_upgrade(echo)
}

async fn echo(mut socket: WebSocket) {
    while let Some(Ok(msg)) = socket.recv().await {
        let reply = match msg {
            Message::Text(t) => Message::Text(format!("echo: {}", t.as_str()).into()),
            Message::Binary(b) => Message::Binary(b),
            Message::Close(_) => break,
            _ => continue,
        };
        if socket.send(reply).await.is_err() {
            break;
        }
    }
}

/// Sends 64 binary messages of 1 MiB, more than any socket buffer holds.
async fn flood(ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(|mut socket| async move {
        let blob = axum::body::Bytes::from(vec![7u8; 1 << 20]);
        for _ in 0..64 {
            if socket.send(Message::Binary(blob.clone())).await.is_err() {
                break;
            }
        }
    })
}

impl EchoServer {
    pub async fn start() -> Self {
        let handshakes = Arc::new(AtomicUsize::new(0));
        let app = axum::Router::new()
            .route("/chat", axum::routing::get(upgrade))
            .route("/flood", axum::routing::get(flood))
            .with_state(Arc::clone(&handshakes));
        let addr = serve_app(app).await;
        Self { addr, handshakes }
    }

    /// A gateway config proxying to this server.
    pub fn config(&self) -> GatewayConfig {
        proxy_to(format!("http://{}", self.addr))
    }
}

/// A WebSocket upstream that completes the handshake and then never reads:
/// its receive buffer is small, so what the client sends backs up at once.
pub async fn deaf_websocket() -> SocketAddr {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(16).unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            tokio::spawn(async move {
                let Ok(Some(head)) = read_head(&mut s).await else {
                    return;
                };
                let head = String::from_utf8_lossy(&head).into_owned();
                let key = head
                    .lines()
                    .find_map(|l| {
                        let (name, value) = l.split_once(':')?;
                        name.eq_ignore_ascii_case("sec-websocket-key")
                            .then(|| value.trim().to_owned())
                    })
                    .unwrap_or_default();
                let accept = tungstenite::handshake::derive_accept_key(key.as_bytes());
                let answer = format!(
                    "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"
                );
                if s.write_all(answer.as_bytes()).await.is_err() {
                    return;
                }
                // Holds the socket open, reading nothing, for longer than
                // any test here runs.
                tokio::time::sleep(Duration::from_secs(60)).await;
            });
        }
    });
    addr
}

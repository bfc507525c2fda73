//! Shared helpers: a gateway on an ephemeral port, upstreams to put behind
//! it ([`upstream`]), the `sluice` binary as a child process ([`binary`]),
//! encoded bodies ([`encode`]), raw sockets and metrics scrapes.

#![allow(dead_code)]

pub mod binary;
pub mod encode;
pub mod upstream;

pub use upstream::Upstream;

use std::net::SocketAddr;
use std::time::Duration;

use sluice::gateway::{AppState, GatewayConfig, PoolConfig, Server};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A gateway serving on 127.0.0.1 on a free port.
pub struct Gateway {
    pub addr: SocketAddr,
    pub state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<std::io::Result<()>>>,
}

/// A config listening on an ephemeral loopback port, with short timeouts.
/// Pressure comes from the pool alone: the test machine's cgroup is not ours.
pub fn config() -> GatewayConfig {
    let defaults = GatewayConfig::default();
    GatewayConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        shutdown_grace: Duration::from_secs(5),
        pool: PoolConfig {
            detect_cgroup: false,
            ..defaults.pool.clone()
        },
        ..defaults
    }
}

/// [`config`] proxying to the upstream at `url` (`http://HOST:PORT`).
pub fn proxy_to(url: impl Into<String>) -> GatewayConfig {
    GatewayConfig {
        upstream: Some(url.into()),
        ..config()
    }
}

/// [`config`] proxying to `up`.
pub fn proxy_config(up: &Upstream) -> GatewayConfig {
    proxy_to(up.url())
}

impl Gateway {
    pub async fn start(config: GatewayConfig) -> Self {
        let state = AppState::new(config).expect("valid config");
        let server = Server::bind(state.clone()).await.expect("bind");
        let addr = server.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(server.run(async {
            let _ = rx.await;
        }));
        Self {
            addr,
            state,
            shutdown: Some(tx),
            handle: Some(handle),
        }
    }

    /// A gateway proxying to `upstream`, its [`config`] changed by `tune`.
    pub async fn proxying(upstream: SocketAddr, tune: impl FnOnce(&mut GatewayConfig)) -> Self {
        let mut cfg = proxy_to(format!("http://{upstream}"));
        tune(&mut cfg);
        Self::start(cfg).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// `GET /metrics` as text (the Prometheus text format).
    pub async fn metrics_text(&self) -> String {
        client()
            .get(self.url("/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// Every sample of a `GET /metrics` scrape.
    pub async fn scrape(&self) -> Vec<(String, f64)> {
        parse_metrics(&self.metrics_text().await)
    }

    /// The value of one series (`name{labels}` as written) in a fresh
    /// scrape; 0 when absent.
    pub async fn metric(&self, series: &str) -> f64 {
        metric(&self.scrape().await, series)
    }

    /// Starts a graceful shutdown without waiting for it.
    pub fn trigger_shutdown(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }

    /// Shuts down and waits for the drain to finish.
    pub async fn stop(mut self) {
        self.trigger_shutdown();
        if let Some(h) = self.handle.take() {
            h.await.unwrap().unwrap();
        }
    }

    pub async fn join(&mut self) {
        if let Some(h) = self.handle.take() {
            h.await.unwrap().unwrap();
        }
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// Writes `request` on a fresh connection and reads until the server closes
/// it or `limit` passes; returns what was read.
pub async fn raw(addr: SocketAddr, request: &[u8], limit: Duration) -> String {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(request).await.unwrap();
    read_until_close(&mut s, limit).await
}

pub async fn read_until_close(s: &mut TcpStream, limit: Duration) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let _ = tokio::time::timeout(limit, async {
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    out.extend_from_slice(&buf[..n]);
                    // A complete response with a JSON body is enough.
                    if response_complete(&out) {
                        break;
                    }
                }
            }
        }
    })
    .await;
    String::from_utf8_lossy(&out).into_owned()
}

fn response_complete(data: &[u8]) -> bool {
    let text = String::from_utf8_lossy(data);
    let Some(head_end) = text.find("\r\n\r\n") else {
        return false;
    };
    let head = text[..head_end].to_ascii_lowercase();
    let len = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    match len {
        Some(n) => data.len() >= head_end + 4 + n,
        None => false,
    }
}

/// Reads until the server closes the connection; `None` when it is still
/// open after `limit`.
pub async fn closed_within(s: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
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

/// Reads and throws away whatever is left on `s` until the server closes
/// it; the bytes read. Panics when it is still open after `limit`.
pub async fn drain_until_closed(s: &mut TcpStream, limit: Duration) -> usize {
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0;
    let read = async {
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => total += n,
            }
        }
    };
    tokio::time::timeout(limit, read)
        .await
        .expect("the connection is still open");
    total
}

/// Reads one request head (through its blank line) byte by byte, so
/// nothing after it is consumed; `None` when the peer closes first.
pub async fn read_head(s: &mut TcpStream) -> std::io::Result<Option<Vec<u8>>> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if s.read(&mut byte).await? == 0 {
            return Ok(None);
        }
        head.push(byte[0]);
    }
    Ok(Some(head))
}

/// The `data:` lines of a server-sent event stream read so far.
pub fn event_data(stream: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stream)
        .lines()
        .filter_map(|l| l.strip_prefix("data: ").map(str::to_owned))
        .collect()
}

/// Polls `f` every 20 ms until it returns true or `limit` passes.
pub async fn eventually<F, Fut>(limit: Duration, mut f: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + limit;
    while tokio::time::Instant::now() < deadline {
        if f().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

/// Parses Prometheus/OpenMetrics text into (series, value) pairs, checking
/// every sample line is well formed.
pub fn parse_metrics(text: &str) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (series, value) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("bad line {line:?}"));
        let value: f64 = value
            .parse()
            .unwrap_or_else(|_| panic!("bad value in {line:?}"));
        assert!(
            series
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_'),
            "bad series in {line:?}"
        );
        out.push((series.to_owned(), value));
    }
    out
}

pub fn metric(samples: &[(String, f64)], series: &str) -> f64 {
    samples
        .iter()
        .filter(|(s, _)| s == series)
        .map(|(_, v)| *v)
        .sum()
}

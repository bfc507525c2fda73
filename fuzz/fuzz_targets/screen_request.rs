//! Screening a whole request never panics, whatever its headers and body
//! (multipart bodies, form bodies, JSON, opaque types), and a request that
//! passes keeps a body no larger than the limit.

#![no_main]

use std::sync::OnceLock;

use bytes::Bytes;
use http::{Request, header};
use http_body_util::Full;
use libfuzzer_sys::fuzz_target;
use sluice::gateway::{BodyPool, Detector, PoolConfig, Screener};

const LIMIT: usize = 64 * 1024;

fn screener() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| {
        let bodies = BodyPool::new(PoolConfig {
            max_checked_out_bytes: Some(8 << 20),
            detect_cgroup: false,
            ..PoolConfig::default()
        })
        .expect("pool");
        Screener::new(Detector::new(), bodies).max_body(LIMIT)
    })
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static R: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    R.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("runtime")
    })
}

const TYPES: [&str; 8] = [
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=",
    "text/plain; charset=utf-8",
    "application/xml",
    "application/octet-stream",
    "image/png",
    "multipart/mixed; boundary=\"",
];

fuzz_target!(|data: &[u8]| {
    // Layout: selector byte, then URI, header value and body separated by
    // 0xff bytes (absent parts are empty).
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.splitn(4, |&b| b == 0xff);
    let uri = parts.next().unwrap_or_default();
    let extra = parts.next().unwrap_or_default();
    let cookie = parts.next().unwrap_or_default();
    let body = parts.next().unwrap_or_default();
    let mut ct = TYPES[usize::from(sel) % TYPES.len()].as_bytes().to_vec();
    if ct.ends_with(b"=") || ct.ends_with(b"\"") {
        ct.extend_from_slice(extra);
    }
    let mut b = Request::builder().method("POST");
    let uri = [b"/".as_slice(), uri].concat();
    b = b.uri(uri.as_slice());
    b = b.header(header::CONTENT_TYPE, ct.as_slice());
    b = b.header(header::COOKIE, cookie);
    if sel & 0x80 != 0 {
        b = b.header(header::CONTENT_LENGTH, body.len());
    }
    // Invalid URIs and header values are refused by `http` before any
    // screening, as they would be by the server.
    let Ok(req) = b.body(Full::new(Bytes::copy_from_slice(body))) else {
        return;
    };
    if let Ok(passed) = runtime().block_on(screener().screen(req)) {
        let len = passed
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        assert!(len <= LIMIT, "passed a body of {len} bytes");
    }
});

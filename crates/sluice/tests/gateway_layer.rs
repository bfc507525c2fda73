//! `ScreenLayer` on its own, in front of a service that counts its calls.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Body;
use axum::routing::post;
use http::{Request, StatusCode};
use http_body_util::{BodyExt, Full};
use sluice::gateway::{BodyPool, Detector, PoolConfig, ScreenLayer, Screener};
use tower::{Layer, ServiceExt, service_fn};

fn screener() -> Screener {
    let bodies = BodyPool::new(PoolConfig {
        max_checked_out_bytes: Some(8 << 20),
        detect_cgroup: false,
        ..PoolConfig::default()
    })
    .unwrap();
    Screener::new(Detector::new(), bodies).max_body(64 * 1024)
}

#[tokio::test]
async fn axum_router_sees_only_clean_requests() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let app = Router::new()
        .route(
            "/echo",
            post(move |body: String| {
                counted.fetch_add(1, Ordering::SeqCst);
                async move { body }
            }),
        )
        .layer(ScreenLayer::new(screener()));

    let res = app
        .clone()
        .oneshot(Request::post("/echo").body(Body::from("hello")).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&body[..], b"hello");

    let res = app
        .clone()
        .oneshot(
            Request::post("/echo")
                .body(Body::from("<script>alert(1)</script>"))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(res.headers()["content-type"], "application/json");
    let v: serde_json::Value =
        serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(v["threats"][0]["category"], "xss", "{v}");
    assert!(v["request_id"].as_str().is_some_and(|s| s != "-"), "{v}");

    let res = app
        .oneshot(
            Request::post("/echo")
                .body(Body::from(vec![b'a'; 64 * 1024 + 1]))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn plain_tower_service_with_full_bodies() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let inner = service_fn(move |req: Request<Full<bytes::Bytes>>| {
        counted.fetch_add(1, Ordering::SeqCst);
        async move {
            let body = req.into_body().collect().await?.to_bytes();
            Ok::<_, std::convert::Infallible>(http::Response::new(Full::new(body)))
        }
    });
    let svc = ScreenLayer::new(screener()).layer(inner);
    let res = svc
        .clone()
        .oneshot(
            Request::get("/files?name=..%2F..%2F..%2Fetc%2Fpasswd")
                .body(Full::default())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(calls.load(Ordering::SeqCst), 0);

    let res = svc
        .oneshot(
            Request::post("/notes")
                .body(Full::from("plain note"))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

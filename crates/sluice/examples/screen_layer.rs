//! Adds `ScreenLayer` to an ordinary axum application.
//!
//! ```text
//! cargo run -p sluice --example screen_layer            # demo: two requests, then exit
//! cargo run -p sluice --example screen_layer -- serve   # keep serving on 127.0.0.1:3000
//! ```
//!
//! With `serve`, try:
//!
//! ```text
//! curl -i -X POST localhost:3000/comments -d 'nice post!'
//! curl -i -X POST localhost:3000/comments -d "1' OR '1'='1"
//! ```

use std::time::Duration;

use axum::Router;
use axum::routing::post;
use sluice::gateway::{
    BodyPool, Category, CategoryAction, Detector, PoolConfig, ScreenLayer, Screener,
};

/// The application being protected: it never sees a blocked request.
fn app() -> Result<Router, Box<dyn std::error::Error>> {
    let bodies = BodyPool::new(PoolConfig {
        // At most 64 MiB of request bodies in memory at once.
        max_checked_out_bytes: Some(64 << 20),
        ..PoolConfig::default()
    })?;
    let screener = Screener::new(Detector::new(), bodies)
        .max_body(1 << 20)
        .body_read_timeout(Duration::from_secs(10))
        .action(Category::Pii, CategoryAction::Redact);
    Ok(Router::new()
        .route(
            "/comments",
            post(|body: String| async move { format!("stored: {body}\n") }),
        )
        .layer(ScreenLayer::new(screener)))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let serve = std::env::args().nth(1).as_deref() == Some("serve");
    let addr = if serve {
        "127.0.0.1:3000"
    } else {
        "127.0.0.1:0"
    };
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(axum::serve(listener, app()?).into_future());
    if serve {
        println!("listening on http://{addr}");
        server.await??;
        return Ok(());
    }
    let client = reqwest::Client::builder().no_proxy().build()?;
    for body in ["nice post!", "mail me: bob@example.org", "1' OR '1'='1"] {
        let res = client
            .post(format!("http://{addr}/comments"))
            .body(body)
            .send()
            .await?;
        println!(
            "{body:?} -> {} {}",
            res.status(),
            res.text().await?.trim_end()
        );
    }
    server.abort();
    Ok(())
}

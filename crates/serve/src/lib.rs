//! Serving an axum [`Router`] so that slow or idle clients cannot take a
//! server away from everyone else: iyashi's two servers (the letters
//! service and the web room) both serve through [`serve`].
//!
//! `axum::serve` reads a request's head and body for as long as the client
//! likes and keeps every connection it accepts, so a few hundred clients
//! that send half a request and wait hold the server (and, past the open
//! file limit, stop it accepting anyone). Here:
//!
//! - a request's head must arrive whole within [`Limits::header_timeout`]
//!   (hyper's own timer, which also ends a keep-alive connection that sends
//!   nothing);
//! - its body within [`Limits::body_timeout`] of the head ([`body`]);
//! - at most [`Limits::max_connections`] are open at once, never more than
//!   the process's open file limit leaves room for; when full, the
//!   connection that has waited longest without a request in progress is
//!   let go to make room ([`open`]), so a flood of half-sent requests
//!   pushes out itself, not the people being answered.

mod body;
mod open;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use tower::ServiceExt;

use open::Open;

/// The time limits and the connection cap of one server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The whole request head (line and headers) must arrive within this.
    pub header_timeout: Duration,
    /// The whole body must arrive within this after the head.
    pub body_timeout: Duration,
    /// Connections open at once (lowered to fit the open file limit).
    pub max_connections: usize,
}

/// Open files kept for everything but connections: the database, its
/// journal, logs, the listener.
const FILES_KEPT: usize = 64;

impl Limits {
    /// The cap in force: `max_connections`, or fewer if the process may not
    /// open that many files (after trying to raise its soft limit).
    pub fn effective_connections(&self) -> usize {
        let files = open_file_limit().saturating_sub(FILES_KEPT).max(1);
        self.max_connections.min(files).max(1)
    }
}

/// Serves `router` on `listener` until `shutdown` completes. Handlers see
/// the peer as axum's `ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let open = Arc::new(Open::new(limits.effective_connections()));
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of files or memory for a moment: wait, rather than
                // spin, and let connections finish.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => return Ok(()),
        };
        let slot = open.admit().await;
        let router = router.clone();
        tokio::spawn(serve_connection(stream, peer, router, limits, slot));
    }
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    router: Router,
    limits: Limits,
    slot: open::Slot,
) {
    let _ = stream.set_nodelay(true);
    let slot = Arc::new(slot);
    let in_request = slot.clone();
    let service =
        hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
            in_request.busy();
            let (mut parts, incoming) = request.into_parts();
            parts.extensions.insert(ConnectInfo(peer));
            let body = body::Deadline::new(incoming, limits.body_timeout);
            let request = hyper::Request::from_parts(parts, axum::body::Body::new(body));
            let router = router.clone();
            let slot = in_request.clone();
            async move {
                let response = router.oneshot(request).await?;
                Ok::<_, std::convert::Infallible>(
                    response.map(|b| axum::body::Body::new(body::IdleWhenSent::new(b, slot))),
                )
            }
        });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let connection = http.serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        () = slot.let_go() => {}
    }
}

/// The open file limit, after raising the soft limit as far as the hard
/// one allows.
#[cfg(unix)]
fn open_file_limit() -> usize {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let mut limit = getrlimit(Resource::Nofile);
    if let Some(hard) = limit.maximum {
        if limit.current.is_some_and(|soft| soft < hard) {
            limit.current = Some(hard);
            let _ = setrlimit(Resource::Nofile, limit);
        }
    }
    getrlimit(Resource::Nofile)
        .current
        .map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX))
}

#[cfg(not(unix))]
fn open_file_limit() -> usize {
    usize::MAX
}

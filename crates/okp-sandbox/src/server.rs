//! The HTTP server: our own accept loop over hyper's HTTP/1 connection, so that a connection
//! can be cut on purpose.
//!
//! Why not `axum::serve`: a fault must be able to close the TCP connection *without sending a
//! single response byte*, after or before the work is committed, exactly like a network failure
//! would look to a client. Each connection therefore gets a kill switch ([`ConnKill`], a
//! `Notify`) put into every request's extensions; the task serving the connection races the
//! connection against that switch, and dropping the hyper connection drops the socket. No
//! panics are involved.
//!
//! Shutdown: the owner flips a `watch` flag (or drops the sender); the accept loop stops, every
//! connection task stops, and the loop waits for them, so after `shutdown` returns nothing of
//! the sandbox is still running.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::faults::{Endpoint, Fault};
use crate::misbehave;
use crate::refusal::Refusal;
use crate::state::{Count, Shared};

/// The kill switch of the connection a request arrived on.
#[derive(Debug, Clone)]
pub(crate) struct ConnKill(Arc<Notify>);

/// Accepts connections until told to stop, then waits for the open ones to close.
pub(crate) async fn serve(listener: TcpListener, router: Router, mut stop: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    // Connections get their own receivers; `stop` stays borrowed by the select below.
    let for_connections = stop.clone();
    loop {
        tokio::select! {
            () = stopped(&mut stop) => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    connections.spawn(serve_connection(
                        stream,
                        router.clone(),
                        for_connections.clone(),
                    ));
                }
                // Typically out of file descriptors: back off instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            // Reap finished connections so the set does not grow for the sandbox's lifetime.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    while connections.join_next().await.is_some() {}
}

/// Resolves once the stop flag is set, or once the `Sandbox` was dropped without `shutdown`
/// (the sender is gone), which means stop all the same.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    // The guard `wait_for` returns is dropped at once: it must not live across an await.
    let _ = stop.wait_for(|stop| *stop).await;
}

async fn serve_connection(stream: TcpStream, router: Router, mut stop: watch::Receiver<bool>) {
    let kill = Arc::new(Notify::new());
    let switch = ConnKill(Arc::clone(&kill));
    let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
        req.extensions_mut().insert(switch.clone());
        let router = router.clone();
        async move { Ok::<_, Infallible>(router.oneshot(req).await.into_response()) }
    });
    let mut builder = http1::Builder::new();
    // The timer makes hyper's header-read timeout effective against idle half-open clients.
    builder.timer(TokioTimer::new());
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        // Dropping `connection` here closes the socket with nothing written.
        () = kill.notified() => {}
        () = stopped(&mut stop) => {}
    }
}

/// Middleware: counts the request, then applies the fault due for its endpoint, if any.
pub(crate) async fn apply_faults(
    State(shared): State<Arc<Shared>>,
    req: Request,
    next: Next,
) -> Response {
    shared.counters.bump(Count::Request);
    // The fault book's lock is released at the end of this statement, before any await.
    let fault = Endpoint::of(req.method(), req.uri().path()).and_then(|e| shared.faults().take(e));
    let Some(fault) = fault else {
        return next.run(req).await;
    };
    shared.counters.bump(Count::FaultApplied);
    let kill = req.extensions().get::<ConnKill>().cloned();
    match fault {
        Fault::DropBeforeCommit(_) => drop_connection(kill).await,
        Fault::DropAfterCommit(_) => {
            // The handler commits before it returns; its answer is thrown away.
            let _answer = next.run(req).await;
            drop_connection(kill).await
        }
        Fault::Error500 { after_commit, .. } => {
            if after_commit {
                let _answer = next.run(req).await;
            }
            Refusal::internal("injected fault").into_response()
        }
        Fault::Delay { by, .. } => {
            let answer = next.run(req).await;
            tokio::time::sleep(by).await;
            answer
        }
        Fault::StaleNotFound(_) => Refusal::not_found().into_response(),
        Fault::OtherCashout(endpoint) => {
            misbehave::other_cashout(&shared, endpoint, req, next).await
        }
        Fault::UnknownStatus { code, .. } => {
            misbehave::unknown_status(code, next.run(req).await).await
        }
        Fault::HugeBody { bytes, .. } => misbehave::huge_body(bytes, next.run(req).await).await,
        Fault::Truncated(_) => misbehave::truncated(next.run(req).await).await,
        Fault::SlowDrip { every, .. } => misbehave::slow_drip(every, next.run(req).await).await,
    }
}

/// Fires the connection's kill switch and never answers; the connection task drops the socket
/// (and this future with it).
async fn drop_connection(kill: Option<ConnKill>) -> Response {
    match kill {
        Some(ConnKill(notify)) => {
            notify.notify_one();
            std::future::pending::<Response>().await
        }
        // Only reachable if the router were served by something other than `serve`.
        None => Refusal::internal("cannot drop this connection").into_response(),
    }
}

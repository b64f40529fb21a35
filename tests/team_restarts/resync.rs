//! Live refresh survives the database server restarting: a desk that lost its listening
//! connection is told to re-read everything, then hears later changes again.

use std::sync::Arc;
use std::time::Duration;

use cashout_core::clock::SystemClock;
use cashout_core::journal::{Change, Journal};

use crate::restart_database_server;
use crate::support::Server;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_the_server_restarts_a_desk_is_told_to_resync_and_hears_later_changes() {
    let db = Server::from_env().team_database().await;
    let (pa, wa) = db.operator("ana").await;
    let (pb, wb) = db.operator("bea").await;
    let a = Journal::open_team(&pa, &wa, Arc::new(SystemClock))
        .await
        .unwrap();
    let b = Journal::open_team(&pb, &wb, Arc::new(SystemClock))
        .await
        .unwrap();
    let mut heard = b.changes().expect("the team journal announces changes");
    crate::support::until_listening(&a, &mut heard).await;
    restart_database_server();
    let resync = tokio::time::timeout(Duration::from_secs(15), async {
        loop {
            match heard.recv().await.unwrap() {
                Change::Resync => break,
                _ => continue,
            }
        }
    })
    .await;
    assert!(resync.is_ok(), "no resync after the restart");
    // Ana's desk writes again (its pool connects anew); Bea's desk hears it.
    let mut written = None;
    for _ in 0..50 {
        let event = cashout_core::audit::AuditEvent::new(
            "sandbox",
            cashout_core::audit::AuditAction::Export,
            "ok",
        );
        if let Ok(entry) = a.append_audit(event).await {
            written = Some(entry.seq);
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let seq = written.expect("Ana's desk writes after the restart");
    let got = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            if let Change::Audit { seq: s } = heard.recv().await.unwrap() {
                if s == seq {
                    break;
                }
            }
        }
    })
    .await;
    assert!(
        got.is_ok(),
        "Bea's desk did not hear entry {seq} within 2 s"
    );
}

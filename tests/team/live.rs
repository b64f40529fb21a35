//! Live refresh: what one desk changes is announced to every other desk within 2 s, as a hint
//! to re-read (the announcement names the payout or audit entry, never its contents).

use std::sync::Arc;
use std::time::Duration;

use cashout_core::api::types::CashoutId;
use cashout_core::audit::{AuditAction, AuditEvent};
use cashout_core::clock::SystemClock;
use cashout_core::journal::{Change, IntentOutcome, Journal};
use cashout_core::status::CashoutStatus;
use tokio::sync::broadcast::Receiver;

use crate::support::Server;

async fn hears(rx: &mut Receiver<Change>, want: Change) {
    let heard = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            if rx.recv().await.unwrap() == want {
                break;
            }
        }
    })
    .await;
    assert!(heard.is_ok(), "{want:?} was not announced within 2 s");
}

#[tokio::test]
async fn what_one_desk_changes_is_announced_to_another_within_two_seconds() {
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

    let claim = cashout_core::journal::SendClaim::new();
    let IntentOutcome::New(id) = a
        .record_intent(
            "s",
            "u",
            &cashout_tests::br_pix("live-1", "10"),
            None,
            &claim,
        )
        .await
        .unwrap()
    else {
        panic!("new")
    };
    hears(&mut heard, Change::Payout { id }).await;
    a.record_created(id, CashoutId(5), CashoutStatus::Pending)
        .await
        .unwrap();
    hears(&mut heard, Change::Payout { id }).await;
    // A line of history alone (an action that failed) is announced as the payout's change.
    a.record_event(id, "refused", "hold refused").await.unwrap();
    hears(&mut heard, Change::Payout { id }).await;
    let entry = a
        .append_audit(AuditEvent::new("s", AuditAction::Export, "ok"))
        .await
        .unwrap();
    hears(&mut heard, Change::Audit { seq: entry.seq }).await;
    // The embedded journal announces nothing (one machine: the app re-reads what it wrote).
    let dir = tempfile::tempdir().unwrap();
    let local = Journal::open(&dir.path().join("j.sqlite3"), Arc::new(SystemClock)).unwrap();
    assert!(local.changes().is_none());
}

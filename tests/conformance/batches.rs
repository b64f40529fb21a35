#![allow(clippy::unwrap_used)] // a panic is how a test reports
//! Batches: both stores write a batch and its rows' intents in one transaction ahead of any
//! send, refuse the same file twice unless told, move the state by the same rule (one sender
//! at a time, a lease that runs out), and mark unsent rows never sent when the rest is
//! cancelled.

use std::time::Duration;

use cashout_core::audit::{AuditAction, AuditEvent, AuditFilter};
use cashout_core::batch::records::{BatchChange, BatchState, BatchWritten, NewBatch, NewBatchRow};
use cashout_core::batch::{BatchTotal, DecimalStyle, FileFormat};
use cashout_core::journal::{Journal, Phase, SendClaim};

use super::{request, Store};

fn batch(id: &str, sha: &str, rows: u32) -> NewBatch {
    NewBatch {
        id: id.into(),
        scope: "s".into(),
        base_url: "http://127.0.0.1:1".into(),
        file_name: "payouts.csv".into(),
        file_sha256: sha.into(),
        format: FileFormat::Csv,
        separator: Some(';'),
        decimal: DecimalStyle::Comma,
        operator: "ana".into(),
        headers: vec!["country".into(), "amount".into()],
        totals: vec![BatchTotal {
            currency: "BRL".into(),
            count: rows as usize,
            total: "10.00".into(),
            total_shown: "BRL 10,00".into(),
        }],
        rate_per_minute: 60,
        rows: (2..2 + rows + 1)
            .map(|row| NewBatchRow {
                row,
                cells: vec!["BR".into(), format!("{row},00")],
                // The last row was excluded in review.
                request: (row < 2 + rows)
                    .then(|| request(&format!("{id}-{row}"), &row.to_string())),
            })
            .collect(),
        same_file_again: false,
    }
}

fn audit(action: AuditAction) -> AuditEvent {
    AuditEvent::new("s", action, "ok").detail("batch")
}

fn send(sender: &str) -> BatchChange {
    BatchChange::Send {
        sender: sender.into(),
        lease: Duration::from_secs(60),
        rate_per_minute: 30,
    }
}

async fn write(j: &Journal, b: &NewBatch) -> BatchWritten {
    j.record_batch(b, audit(AuditAction::BatchConfirmed))
        .await
        .unwrap()
}

pub async fn a_batch_is_written_ahead_with_its_rows_queued_and_the_same_file_only_on_purpose(
    store: &dyn Store,
) {
    let j = store.desk().await;
    let b = batch("b1", "aaa", 3);
    let BatchWritten::Written(written) = write(&j, &b).await else {
        panic!("written")
    };
    assert_eq!(written.state, BatchState::Ready);
    assert_eq!(written.rows, 4);
    assert_eq!(written.progress.payouts, 3);
    assert_eq!(written.progress.excluded, 1);
    assert_eq!(written.progress.waiting, 3);
    assert_eq!(written.separator.as_deref(), Some(";"));
    assert_eq!(written.decimal, DecimalStyle::Comma);
    assert_eq!(written.totals, b.totals);
    assert!(written.operator.contains("ana"));
    let rows = j.batch_rows("b1").unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].cells, ["BR", "2,00"]);
    let first = rows[0].payout.as_ref().unwrap();
    assert_eq!(first.phase, Phase::Queued);
    assert_eq!(first.external_id.as_deref(), Some("b1-2"));
    assert_eq!(first.request.as_ref().unwrap().external_id, "b1-2");
    assert!(rows[3].payout.is_none(), "the excluded row has no payout");
    // Its history says which batch and row.
    let history = j.history(first.id).unwrap();
    assert!(history[0]
        .detail
        .as_deref()
        .unwrap()
        .contains("row 2 of batch b1"));
    // Queued rows are not open creates: reconcile does not look them up.
    assert!(j.unresolved("s", "9999").unwrap().is_empty());
    // The same draft confirmed again: the batch as written, nothing doubled.
    let BatchWritten::Written(again) = write(&j, &b).await else {
        panic!("same id")
    };
    assert_eq!(again.progress.payouts, 3);
    // The same file as another batch: refused, naming the first.
    let BatchWritten::SameFile(earlier) = write(&j, &batch("b2", "aaa", 3)).await else {
        panic!("same file")
    };
    assert_eq!(earlier.id, "b1");
    assert!(j.batch("b2").unwrap().is_none());
    // On purpose: written.
    let mut on_purpose = batch("b3", "aaa", 1);
    on_purpose.same_file_again = true;
    assert!(matches!(
        write(&j, &on_purpose).await,
        BatchWritten::Written(_)
    ));
    let listed: Vec<String> = j.batches("s").unwrap().into_iter().map(|b| b.id).collect();
    assert_eq!(listed.len(), 2);
    assert!(j.batches("other").unwrap().is_empty());
    let confirmed = j
        .audit_log(&AuditFilter::default())
        .unwrap()
        .iter()
        .filter(|e| e.action == "batch_confirmed")
        .count();
    assert_eq!(confirmed, 2, "one entry per batch written");
}

pub async fn a_batch_is_sent_by_one_desk_at_a_time_and_cancelling_marks_unsent_rows_never_sent(
    store: &dyn Store,
) {
    let a = store.desk().await;
    let b = store.desk().await;
    write(&a, &batch("b1", "bbb", 3)).await;
    let started = a
        .change_batch("b1", send("desk A"), Some(audit(AuditAction::BatchStarted)))
        .await
        .unwrap();
    assert_eq!(started.state, BatchState::Sending);
    assert!(started.sender.as_deref().unwrap().contains("desk A"));
    // Another desk cannot take it while the lease lasts; the same desk renews it.
    let e = b
        .change_batch("b1", send("desk B"), None)
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("batch"), "{e}");
    a.change_batch("b1", send("desk A"), None).await.unwrap();
    assert!(
        !b.batch("b1").unwrap().unwrap().interrupted,
        "a send whose lease lasts is not interrupted"
    );
    // The lease runs out (desk A died): every desk reads it as interrupted, by the store's
    // clock; desk B resumes it.
    store.clock().advance(Duration::from_secs(61));
    assert!(b.batch("b1").unwrap().unwrap().interrupted);
    let taken = b.change_batch("b1", send("desk B"), None).await.unwrap();
    assert!(taken.sender.as_deref().unwrap().contains("desk B"));
    // One row is sent meanwhile (through the create protocol: queued, then intent).
    let rows = b.batch_rows("b1").unwrap();
    let first = rows[0].payout.as_ref().unwrap();
    let claim = SendClaim::new();
    assert!(matches!(
        b.claim_send(first.id, &claim).await.unwrap(),
        cashout_core::journal::Claimed::Claimed(_)
    ));
    b.record_sending(first.id, &claim).await.unwrap();
    assert_eq!(b.get(first.id).unwrap().unwrap().phase, Phase::Intent);
    let now = b.batch("b1").unwrap().unwrap();
    assert_eq!((now.progress.waiting, now.progress.in_flight), (2, 1));
    // Pause from another desk, then cancel: the two queued rows become never sent, the one
    // in flight stays open (it may exist).
    let paused = a
        .change_batch(
            "b1",
            BatchChange::Pause,
            Some(audit(AuditAction::BatchPaused)),
        )
        .await
        .unwrap();
    assert_eq!(paused.state, BatchState::Paused);
    let cancelled = a
        .change_batch(
            "b1",
            BatchChange::Cancel,
            Some(audit(AuditAction::BatchCancelled)),
        )
        .await
        .unwrap();
    assert_eq!(cancelled.state, BatchState::Cancelled);
    assert_eq!(cancelled.progress.waiting, 0);
    assert_eq!(cancelled.progress.not_sent, 2);
    assert_eq!(cancelled.progress.in_flight, 1);
    let phases: Vec<Phase> = a
        .batch_rows("b1")
        .unwrap()
        .iter()
        .filter_map(|r| r.payout.as_ref().map(|p| p.phase))
        .collect();
    assert_eq!(phases, [Phase::Intent, Phase::NotSent, Phase::NotSent]);
    // Nothing is sent from a cancelled batch, and it is not cancelled twice.
    assert!(b.change_batch("b1", send("desk B"), None).await.is_err());
    assert!(a
        .change_batch("b1", BatchChange::Cancel, None)
        .await
        .is_err());
    // A batch with rows waiting is not finished.
    write(&a, &batch("b2", "ccc", 1)).await;
    assert!(a
        .change_batch("b2", BatchChange::Finish, None)
        .await
        .is_err());
}

pub async fn a_batch_is_compared_with_the_requests_that_may_have_moved_money(store: &dyn Store) {
    let j = store.desk().await;
    let claim = SendClaim::new();
    let brl = |id: &str| cashout_core::api::types::CreateCashout {
        currency: Some("BRL".into()),
        ..request(id, "10")
    };
    j.record_intent("s", "u", &brl("x-1"), None, &claim)
        .await
        .unwrap();
    j.record_intent("other", "u", &brl("x-2"), None, &claim)
        .await
        .unwrap();
    let found = j.earlier_payouts("s", "2026-11-30T00:00:00.000Z").unwrap();
    assert_eq!(found.len(), 1);
    let p = &found[0];
    assert_eq!(p.external_id, "x-1");
    assert_eq!(
        p.content_hash,
        cashout_core::journal::content_hash(&brl("x-1"))
    );
    assert_eq!(
        (p.country.as_str(), p.document_id.as_str()),
        ("BR", "39053344705")
    );
    assert_eq!(p.amount.to_string(), "10.00");
    assert!(j
        .earlier_payouts("s", "2026-12-01T00:00:00.000Z")
        .unwrap()
        .is_empty());
}

pub async fn a_row_is_never_sent_once_its_batch_is_paused_or_cancelled_even_by_a_sender_already_waiting(
    store: &dyn Store,
) {
    let sender = store.desk().await;
    let operator = store.desk().await;
    write(&sender, &batch("b1", "ddd", 3)).await;
    sender
        .change_batch("b1", send("desk A"), None)
        .await
        .unwrap();
    let rows = sender.batch_rows("b1").unwrap();
    let ids: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.payout.as_ref().map(|p| p.id))
        .collect();
    // The sender claimed row 2 and waits for its rate slot; the operator pauses meanwhile.
    let claim = SendClaim::new();
    sender.claim_send(ids[0], &claim).await.unwrap();
    operator
        .change_batch("b1", BatchChange::Pause, None)
        .await
        .unwrap();
    let e = sender.record_sending(ids[0], &claim).await.unwrap_err();
    assert!(e.to_string().contains("paused"), "{e}");
    assert_eq!(sender.get(ids[0]).unwrap().unwrap().phase, Phase::Queued);
    // Its renewal between rows does not undo the pause.
    let renew = BatchChange::Renew {
        sender: "desk A".into(),
        lease: Duration::from_secs(60),
    };
    assert!(sender.change_batch("b1", renew, None).await.is_err());
    assert_eq!(
        sender.batch("b1").unwrap().unwrap().state,
        BatchState::Paused
    );
    // Resumed, then cancelled while the sender waits: the row stays never sent, for good.
    sender
        .change_batch("b1", send("desk A"), None)
        .await
        .unwrap();
    let claim = SendClaim::new();
    sender.claim_send(ids[1], &claim).await.unwrap();
    operator
        .change_batch("b1", BatchChange::Cancel, None)
        .await
        .unwrap();
    let e = sender.record_sending(ids[1], &claim).await.unwrap_err();
    assert!(e.to_string().contains("cancelled"), "{e}");
    assert_eq!(sender.get(ids[1]).unwrap().unwrap().phase, Phase::NotSent);
}

//! Exactly one cashout per intent, whatever the network does: dropped connections after the
//! provider committed, 500s, delays past the client's timeout, and a process that dies with
//! an intent in flight.

use std::time::Duration;

use cashout_core::api::client::ClientOptions;
use cashout_core::desk::{CreateOptions, Recovery, RetryPolicy};
use cashout_core::error::Error;
use cashout_core::journal::{IntentOutcome, Phase};
use cashout_tests::{br_pix, by_ext, stopped, Rig};
use okp_sandbox::{Endpoint, Fault, FaultPlan};

#[tokio::test]
async fn create_after_dropped_reply_makes_one_cashout() {
    let rig = Rig::start().await;
    rig.sandbox.inject(Fault::DropAfterCommit(Endpoint::Create));
    let v = rig
        .desk()
        .create(&br_pix("drop-1", "10"), &Default::default())
        .await
        .expect("resolved by lookup");
    assert_eq!(v.phase, Phase::Created);
    assert_eq!(rig.sandbox.cashouts_for_external_id("drop-1"), 1);
    let history: Vec<_> = rig
        .journal
        .history(
            rig.journal
                .find(&rig.environment().scope(), None, Some("drop-1"))
                .expect("find")
                .expect("rec")
                .id,
        )
        .expect("history")
        .into_iter()
        .map(|h| h.event)
        .collect();
    assert_eq!(history, ["intent", "unknown", "found"]);
}

#[tokio::test]
async fn create_after_500_without_commit_is_sent_again_once() {
    let rig = Rig::start().await;
    rig.sandbox.inject(Fault::Error500 {
        endpoint: Endpoint::Create,
        after_commit: false,
    });
    let v = rig
        .desk()
        .create(&br_pix("e500-1", "10"), &Default::default())
        .await
        .expect("second send lands");
    assert!(v.cashout_id.is_some());
    assert_eq!(rig.sandbox.cashouts_for_external_id("e500-1"), 1);
}

#[tokio::test]
async fn create_after_timeout_is_resolved_by_lookup_not_resent() {
    let rig = Rig::start().await;
    rig.sandbox.inject(Fault::Delay {
        endpoint: Endpoint::Create,
        by: Duration::from_secs(3),
    });
    let desk = rig.desk_with(
        ClientOptions {
            connect_timeout: Duration::from_secs(1),
            total_timeout: Duration::from_millis(400),
        },
        cashout_tests::fast_retry(),
    );
    let v = desk
        .create(&br_pix("slow-1", "10"), &Default::default())
        .await
        .expect("found");
    assert_eq!(v.phase, Phase::Created);
    assert_eq!(rig.sandbox.cashouts_for_external_id("slow-1"), 1);
}

#[tokio::test]
async fn unknown_outcome_with_lookup_down_is_kept_and_reconciled_later() {
    let rig = Rig::start().await;
    rig.sandbox.inject(Fault::DropAfterCommit(Endpoint::Create));
    rig.sandbox
        .inject(Fault::DropBeforeCommit(Endpoint::Status));
    let e = rig
        .desk()
        .create(&br_pix("later-1", "10"), &Default::default())
        .await
        .expect_err("unknown");
    assert!(
        matches!(e, Error::OutcomeUnknown { ref external_id, .. } if external_id == "later-1"),
        "{e:?}"
    );
    assert_eq!(e.code(), "outcome_unknown");
    let report = rig.desk().reconcile().await.expect("reconcile");
    assert_eq!(
        report.checked, 0,
        "too fresh: another process may still be sending it"
    );
    rig.clock.advance(cashout_core::desk::RECONCILE_MIN_AGE);
    let report = rig.desk().reconcile().await.expect("reconcile");
    assert_eq!((report.checked, report.found), (1, 1));
    assert_eq!(rig.sandbox.cashouts_for_external_id("later-1"), 1);
}

#[tokio::test]
async fn crash_after_intent_before_send_stays_open_after_a_miss_and_a_resend_makes_one() {
    let rig = Rig::start().await;
    let scope = rig.environment().scope();
    // The process wrote its intent and died before sending.
    let req = br_pix("crash-1", "10");
    assert!(matches!(
        rig.journal
            .record_intent(&scope, "x", &req, None, stopped())
            .await,
        Ok(IntentOutcome::New(_))
    ));
    rig.clock.advance(cashout_core::desk::RECONCILE_MIN_AGE);
    let report = rig.desk().reconcile().await.expect("reconcile");
    assert_eq!(report.not_found_yet, 1);
    assert_eq!(
        rig.sandbox.cashouts_for_external_id("crash-1"),
        0,
        "reconcile never sends"
    );
    // A send may have left before the crash: never "not sent" on one negative lookup.
    let open = rig.desk().recorded(&by_ext("crash-1")).expect("rec");
    assert_eq!(open.phase, Phase::SentNotFound);
    assert!(open.recovery.contains(&Recovery::Resend), "{open:?}");
    let v = rig.desk().resend(&by_ext("crash-1")).await.expect("resend");
    assert_eq!(v.phase, Phase::Created);
    assert_eq!(rig.sandbox.cashouts_for_external_id("crash-1"), 1);
}

#[tokio::test]
async fn hundreds_of_creates_under_mixed_faults_make_exactly_one_cashout_each() {
    const N: usize = 240;
    let rig = Rig::start().await;
    rig.sandbox.set_fault_plan(Some(FaultPlan {
        seed: 0x5eed_cafe,
        endpoints: vec![Endpoint::Create, Endpoint::Status],
        drop_after_commit: 150,
        error_500: 100,
        delay: 60,
        delay_by: Duration::from_millis(600),
        stale_not_found: 250,
    }));
    let desk = rig.desk_with(
        ClientOptions {
            connect_timeout: Duration::from_secs(1),
            total_timeout: Duration::from_millis(300),
        },
        RetryPolicy {
            max_sends: 4,
            backoff: vec![Duration::from_millis(2)],
            ..RetryPolicy::default()
        },
    );
    let mut unknown = Vec::new();
    for i in 0..N {
        let req = br_pix(
            &format!("mix-{i:04}"),
            &format!("{}.{:02}", 10 + i, i % 100),
        );
        match desk.create(&req, &Default::default()).await {
            Ok(v) => assert_eq!(v.phase, Phase::Created),
            Err(Error::OutcomeUnknown { .. }) => unknown.push(req),
            Err(e) => panic!("unexpected failure for {}: {e}", req.external_id),
        }
    }
    let faults = rig.sandbox.stats().faults_applied;
    assert!(faults >= 40, "the plan must actually bite: {faults} faults");
    // However the faults fell, no payout the provider holds is called "not sent".
    let records = desk
        .list(cashout_core::journal::ListFilter {
            limit: 1000,
            ..Default::default()
        })
        .expect("list");
    assert_eq!(records.len(), N);
    let mut phases = std::collections::BTreeMap::new();
    for r in &records {
        *phases.entry(r.phase.as_str()).or_insert(0) += 1;
        let ext = r.external_id.as_deref().expect("id");
        if r.phase == Phase::NotSent {
            assert_eq!(
                rig.sandbox.cashouts_for_external_id(ext),
                0,
                "{ext} is held yet not_sent"
            );
        }
    }
    // The network heals; what is left open is reconciled, then retried with the same ids.
    rig.sandbox.set_fault_plan(None);
    rig.clock.advance(cashout_core::desk::RECONCILE_MIN_AGE);
    let report = desk.reconcile().await.expect("reconcile");
    for req in &unknown {
        desk.create(req, &Default::default())
            .await
            .expect("settles once the network is healthy");
    }
    for i in 0..N {
        let ext = format!("mix-{i:04}");
        assert_eq!(rig.sandbox.cashouts_for_external_id(&ext), 1, "{ext}");
    }
    assert_eq!(rig.sandbox.cashout_count(), N);
    assert_eq!(rig.sandbox.stats().signature_failures, 0);
    eprintln!(
        "{N} creates, {faults} faults injected, {} left open ({phases:?}), reconcile found {} \
         of them; all settled to exactly one cashout each",
        unknown.len(),
        report.found
    );
}

#[tokio::test]
async fn duplicate_511_on_a_resend_is_resolved_by_lookup_not_shown_as_failure() {
    let rig = Rig::start().await;
    // The create lands but answers 500; the first lookup misses it (a lagging read); the resend
    // then meets 511, and the lookup after it finds the cashout.
    rig.sandbox.inject(Fault::Error500 {
        endpoint: Endpoint::Create,
        after_commit: true,
    });
    rig.sandbox.inject(Fault::StaleNotFound(Endpoint::Status));
    let v = rig
        .desk()
        .create(&br_pix("resend-511", "10"), &Default::default())
        .await
        .expect("settled, not failed");
    assert_eq!(v.phase, Phase::Created);
    assert_eq!(rig.sandbox.cashouts_for_external_id("resend-511"), 1);
    let rec = rig
        .journal
        .find(&rig.environment().scope(), None, Some("resend-511"))
        .expect("find")
        .expect("rec");
    let events: Vec<_> = rig
        .journal
        .history(rec.id)
        .expect("history")
        .into_iter()
        .map(|h| h.event)
        .collect();
    assert_eq!(events, ["intent", "unknown", "sent", "duplicate", "found"]);
}

#[tokio::test]
async fn external_id_taken_by_a_cashout_we_never_sent_is_declined_and_never_adopted() {
    let rig = Rig::start().await;
    // Someone else (another tool, the Merchant Panel) already used this external_id.
    let other = rig.client();
    other
        .create(&br_pix("taken-1", "99"))
        .await
        .expect("their cashout");
    let desk = rig.desk();
    let e = desk
        .create(&br_pix("taken-1", "10"), &Default::default())
        .await
        .expect_err("not ours");
    assert_eq!(e.api_code(), Some(511));
    assert_eq!(e.field(), Some("external_id"));
    let before = rig.sandbox.stats().requests;
    let again = desk
        .create(&br_pix("taken-1", "10"), &Default::default())
        .await
        .expect_err("still not ours");
    assert_eq!(again.api_code(), Some(511));
    assert_eq!(
        rig.sandbox.stats().requests,
        before,
        "nothing sent the second time"
    );
    assert_eq!(rig.sandbox.cashouts_for_external_id("taken-1"), 1);
}

#[tokio::test]
async fn payout_recovered_by_lookup_is_linked_to_its_id_when_a_cancel_confirms_the_pair() {
    let rig = Rig::start().await;
    rig.sandbox.inject(Fault::DropAfterCommit(Endpoint::Create));
    let v = rig
        .desk()
        .create(&br_pix("link-1", "10"), &Default::default())
        .await
        .expect("found by lookup");
    assert_eq!(v.cashout_id, None, "status answers carry no id");
    // The operator reads the id in the Merchant Panel (the sandbox's first id) and acts on it.
    let id = cashout_core::api::types::CashoutId(8_400_001);
    let desk = rig.desk();
    desk.hold(id).await.expect("hold by id");
    let cancelled = desk
        .cancel(id, Some("link-1"))
        .await
        .expect("cancel names both ids");
    assert_eq!(cancelled.external_id.as_deref(), Some("link-1"));
    assert_eq!(cancelled.cashout_id, Some(8_400_001));
    let all = desk.list(Default::default()).expect("list");
    assert_eq!(all.len(), 1, "one payout, one record: {all:?}");
    let events: Vec<_> = desk
        .history(&by_ext("link-1"))
        .expect("history")
        .into_iter()
        .map(|h| h.event)
        .collect();
    assert!(
        events.contains(&"linked".to_owned()) && events.contains(&"found".to_owned()),
        "{events:?}"
    );
}

#[tokio::test]
async fn a_double_click_sending_one_intent_twice_at_once_makes_one_cashout() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let req = br_pix("double-1", "10");
    let options = CreateOptions::default();
    let (a, b) = tokio::join!(desk.create(&req, &options), desk.create(&req, &options));
    let (a, b) = (
        a.expect("first"),
        b.expect("second answers with the same payout"),
    );
    assert_eq!(a.cashout_id, b.cashout_id);
    assert_eq!(rig.sandbox.cashouts_for_external_id("double-1"), 1);
    assert_eq!(rig.sandbox.stats().creates_committed, 1);
}

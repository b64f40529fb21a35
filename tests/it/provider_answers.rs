//! Answers that are wrong in themselves: about another cashout than the one asked for, a
//! status number nobody documented, an action's answer lost after it was applied, a body of
//! hundreds of megabytes, a create's answer dripped slower than the timeout. None is believed;
//! each is an error or an unknown outcome settled by a lookup, never a panic. Found from
//! outside (issue 9); each fails on the code before that issue.

use std::time::Duration;

use cashout_core::api::client::ClientOptions;
use cashout_core::api::types::{CashoutId, CashoutRef};
use cashout_core::desk::{CreateOptions, RetryPolicy};
use cashout_core::journal::Phase;
use cashout_core::status::CashoutStatus;
use cashout_tests::{br_pix, by_ext, later, Rig};
use okp_sandbox::{Endpoint, Fault};

#[tokio::test]
async fn a_status_answer_about_another_cashout_is_refused_and_records_nothing() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let a = desk
        .create(&br_pix("mine-1", "10"), &CreateOptions::default())
        .await
        .expect("a");
    desk.create(&br_pix("theirs-1", "11"), &CreateOptions::default())
        .await
        .expect("b");
    let id = CashoutId(a.cashout_id.expect("id"));
    desk.hold(id).await.expect("held");
    let before = desk.history(&by_ext("mine-1")).expect("history");
    rig.sandbox.inject(Fault::OtherCashout(Endpoint::Status));
    let e = desk.check(&CashoutRef::Id(id)).await.expect_err("foreign");
    assert_eq!(e.code(), "provider_fault", "{e}");
    assert_eq!(desk.history(&by_ext("mine-1")).expect("history"), before);
    assert_eq!(
        desk.recorded(&by_ext("mine-1")).expect("rec").status,
        Some(CashoutStatus::OnHold)
    );
}

#[tokio::test]
async fn a_lookup_answered_about_another_cashout_never_links_it_to_the_intent() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    desk.create(&br_pix("other-1", "11"), &CreateOptions::default())
        .await
        .expect("other");
    rig.sandbox.inject(Fault::Error500 {
        endpoint: Endpoint::Create,
        after_commit: true,
    });
    rig.sandbox.inject(Fault::OtherCashout(Endpoint::Status));
    let e = desk
        .create(&br_pix("lost-1", "10"), &CreateOptions::default())
        .await
        .expect_err("the lookup was not believed");
    assert_eq!(e.code(), "outcome_unknown");
    let v = desk.recorded(&by_ext("lost-1")).expect("rec");
    assert_eq!(v.cashout_id, None, "never the other cashout's id");
    assert!(v.phase.may_exist_unconfirmed());
    later(&rig, 6);
    assert_eq!(desk.reconcile().await.expect("reconcile").found, 1);
    let v = desk.recorded(&by_ext("lost-1")).expect("rec");
    assert!(v.status.is_some(), "{v:?}");
    assert_eq!(rig.sandbox.cashout_count(), 2);
}

#[tokio::test]
async fn a_hold_answered_about_another_cashout_is_settled_by_a_lookup_of_ours() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let a = desk
        .create(&br_pix("hold-mine", "10"), &CreateOptions::default())
        .await
        .expect("a");
    desk.create(&br_pix("hold-theirs", "11"), &CreateOptions::default())
        .await
        .expect("b");
    rig.sandbox.inject(Fault::OtherCashout(Endpoint::Update));
    let v = desk
        .hold(CashoutId(a.cashout_id.expect("id")))
        .await
        .expect("held after all");
    assert_eq!(v.status, Some(CashoutStatus::OnHold));
    assert_eq!(v.external_id.as_deref(), Some("hold-mine"));
    let theirs = desk.recorded(&by_ext("hold-theirs")).expect("rec");
    assert_eq!(theirs.status, Some(CashoutStatus::Pending), "untouched");
}

#[tokio::test]
async fn an_unknown_status_number_is_recorded_as_unknown_and_allows_nothing() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let a = desk
        .create(&br_pix("nine-1", "10"), &CreateOptions::default())
        .await
        .expect("a");
    let id = CashoutId(a.cashout_id.expect("id"));
    rig.sandbox.inject(Fault::UnknownStatus {
        endpoint: Endpoint::Update,
        code: 9,
    });
    let v = desk.hold(id).await.expect("answered");
    assert_eq!(
        (v.status, v.status_code),
        (Some(CashoutStatus::Unknown), Some(9))
    );
    assert!(v.allowed_actions.is_empty());
    rig.sandbox.inject(Fault::UnknownStatus {
        endpoint: Endpoint::Status,
        code: 9,
    });
    let e = desk.release(id).await.expect_err("nothing allowed");
    assert_eq!(e.code(), "unknown_status");
    // A known status is seen again: actions follow it.
    let v = desk.check(&CashoutRef::Id(id)).await.expect("checked");
    assert_eq!(v.status, Some(CashoutStatus::OnHold));
    assert!(!v.allowed_actions.is_empty());
}

#[tokio::test]
async fn actions_whose_answers_were_lost_are_looked_up_not_called_network_failures() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let a = desk
        .create(&br_pix("lost-act", "10"), &CreateOptions::default())
        .await
        .expect("a");
    let id = CashoutId(a.cashout_id.expect("id"));
    rig.sandbox.inject(Fault::DropAfterCommit(Endpoint::Update));
    assert_eq!(
        desk.hold(id).await.expect("held").status,
        Some(CashoutStatus::OnHold)
    );
    rig.sandbox.inject(Fault::Error500 {
        endpoint: Endpoint::Update,
        after_commit: true,
    });
    assert_eq!(
        desk.release(id).await.expect("released").status,
        Some(CashoutStatus::Pending)
    );
    // Not applied, answer lost: said to be unknown, with the status the lookup found.
    rig.sandbox
        .inject(Fault::DropBeforeCommit(Endpoint::Cancel));
    let e = desk.cancel(id, None).await.expect_err("unknown");
    assert_eq!(e.code(), "outcome_unknown", "{e}");
    assert!(e.to_string().contains("PENDING"), "{e}");
    rig.sandbox.inject(Fault::Truncated(Endpoint::Cancel));
    let v = desk
        .cancel(id, None)
        .await
        .expect("cancelled, found by lookup");
    assert_eq!(v.status, Some(CashoutStatus::Cancelled));
}

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::test]
async fn a_huge_answer_is_refused_as_a_provider_fault_with_bounded_memory() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let a = desk
        .create(&br_pix("huge-1", "10"), &CreateOptions::default())
        .await
        .expect("a");
    let before = resident_kib();
    rig.sandbox.inject(Fault::HugeBody {
        endpoint: Endpoint::Status,
        bytes: 400 * 1024 * 1024,
    });
    let e = desk
        .check(&CashoutRef::Id(CashoutId(a.cashout_id.expect("id"))))
        .await
        .expect_err("too large");
    assert_eq!(e.code(), "provider_fault", "{e}");
    let grown = resident_kib().saturating_sub(before);
    eprintln!("a 400 MiB status answer: refused, resident memory grew by {grown} KiB");
    assert!(grown < 64 * 1024, "memory grew by {grown} KiB");
}

#[tokio::test]
async fn a_slow_drip_answer_to_a_create_is_an_unknown_outcome_settled_by_lookup() {
    let rig = Rig::start().await;
    rig.sandbox.inject(Fault::SlowDrip {
        endpoint: Endpoint::Create,
        every: Duration::from_millis(400),
    });
    let desk = rig.desk_with(
        ClientOptions {
            connect_timeout: Duration::from_secs(1),
            total_timeout: Duration::from_secs(2),
        },
        RetryPolicy {
            max_sends: 3,
            backoff: vec![Duration::from_millis(5)],
            ..RetryPolicy::default()
        },
    );
    let v = desk
        .create(&br_pix("drip-1", "10"), &CreateOptions::default())
        .await
        .expect("found by lookup");
    assert_eq!(v.phase, Phase::Created);
    assert_eq!(rig.sandbox.cashouts_for_external_id("drip-1"), 1);
}

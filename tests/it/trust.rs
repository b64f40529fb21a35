//! The create protocol against a provider as it really behaves, and worse: reads that lag
//! creates, answers lost after the create was applied, crashes mid-send, two desks on one
//! journal, resends and abandons, the duplicate guard. Each test is a situation found from
//! outside (issue 9), and fails on the code before that issue. Answers that are wrong in
//! themselves (about another cashout, unknown numbers, huge or dripping bodies) are in
//! `provider_answers`.

use std::time::Duration;

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::api::types::{CashoutId, CreateCashout};
use cashout_core::clock::Clock;
use cashout_core::desk::{CreateOptions, Desk, Recovery};
use cashout_core::environment::{Environment, EnvironmentKind};
use cashout_core::error::Error;
use cashout_core::journal::{IntentOutcome, Phase};
use cashout_core::status::CashoutStatus;
use cashout_tests::{br_pix, by_ext, fast_retry, later, me, phase_of, stopped, Rig};
use okp_sandbox::{Endpoint, Fault};

#[tokio::test]
async fn a_create_whose_answer_was_lost_and_whose_lookups_are_stale_settles_to_one_cashout_by_itself(
) {
    let rig = Rig::start().await;
    // Every lookup the create makes, and the first two of reconcile, miss the payout.
    rig.lose_next_create_answer(6);
    let desk = rig.desk();
    let e = desk
        .create(&br_pix("stale-1", "10"), &CreateOptions::default())
        .await
        .expect_err("not settled yet");
    assert_eq!(e.code(), "outcome_unknown", "{e}");
    assert_eq!(rig.sandbox.cashouts_for_external_id("stale-1"), 1);
    // Sent, not found: never "not sent", and offered for resend or abandon.
    let open = desk.recorded(&by_ext("stale-1")).expect("recorded");
    assert_eq!(open.phase, Phase::SentNotFound);
    assert_eq!(open.recovery, [Recovery::Resend, Recovery::Abandon]);
    let mut settled = false;
    for _ in 0..6 {
        later(&rig, 70);
        let report = desk.reconcile().await.expect("reconcile");
        if report.found == 1 {
            settled = true;
            break;
        }
        assert_eq!(report.not_found_yet, 1, "{report:?}");
        assert_eq!(phase_of(&desk, "stale-1"), Phase::SentNotFound);
    }
    assert!(settled, "the lookups find it once the provider catches up");
    let v = desk.recorded(&by_ext("stale-1")).expect("recorded");
    // Found (and, the sandbox's clock having moved on, processed by the bank meanwhile).
    assert_eq!(v.phase, Phase::Created);
    assert!(v.status.is_some());
    assert_eq!(rig.sandbox.cashouts_for_external_id("stale-1"), 1);
    assert_eq!(rig.sandbox.cashout_count(), 1);
}

#[tokio::test]
async fn reconcile_after_a_crash_mid_send_keeps_the_create_open_through_stale_lookups() {
    let rig = Rig::start().await;
    let scope = rig.environment().scope();
    let req = br_pix("crash-sent-1", "10");
    let Ok(IntentOutcome::New(_)) = rig
        .journal
        .record_intent(&scope, "x", &req, None, stopped())
        .await
    else {
        panic!("new intent")
    };
    // The process that wrote the intent sent it and died before recording the answer.
    rig.client().create(&req).await.expect("landed");
    rig.sandbox.inject(Fault::StaleNotFound(Endpoint::Status));
    rig.sandbox.inject(Fault::StaleNotFound(Endpoint::Status));
    let desk = rig.desk();
    later(&rig, 6);
    assert_eq!(desk.reconcile().await.expect("r1").not_found_yet, 1);
    assert_eq!(phase_of(&desk, "crash-sent-1"), Phase::SentNotFound);
    // Just looked up: not due again yet.
    assert_eq!(desk.reconcile().await.expect("r2").checked, 0);
    later(&rig, 6);
    assert_eq!(desk.reconcile().await.expect("r3").not_found_yet, 1);
    assert_eq!(phase_of(&desk, "crash-sent-1"), Phase::SentNotFound);
    later(&rig, 6);
    assert_eq!(desk.reconcile().await.expect("r4").found, 1);
    assert_eq!(phase_of(&desk, "crash-sent-1"), Phase::Created);
    assert_eq!(rig.sandbox.cashouts_for_external_id("crash-sent-1"), 1);
}

#[tokio::test]
async fn an_open_create_past_its_window_waits_for_the_operator_and_a_resend_settles_it() {
    let rig = Rig::start().await;
    rig.lose_next_create_answer(5);
    let desk = rig.desk().with_open_window(Duration::from_secs(3600));
    desk.create(&br_pix("window-1", "10"), &CreateOptions::default())
        .await
        .expect_err("open");
    later(&rig, 120);
    let report = desk.reconcile().await.expect("reconcile");
    assert_eq!((report.checked, report.awaiting_operator), (0, 1));
    assert_eq!(phase_of(&desk, "window-1"), Phase::SentNotFound);
    // The operator resends with the same external_id: the stale read misses it once more, the
    // copy is refused as a duplicate (511), and the lookup after that finds it.
    let v = desk.resend(&by_ext("window-1")).await.expect("settled");
    assert_eq!(v.phase, Phase::Created);
    assert_eq!(rig.sandbox.cashouts_for_external_id("window-1"), 1);
}

#[tokio::test]
async fn abandoning_an_open_create_needs_a_reason_and_is_audited_with_its_risk() {
    let rig = Rig::start().await;
    rig.lose_next_create_answer(5);
    let desk = rig.desk();
    desk.create(&br_pix("abandon-1", "10"), &CreateOptions::default())
        .await
        .expect_err("open");
    let e = desk
        .abandon(&by_ext("abandon-1"), "  ")
        .await
        .expect_err("no reason");
    assert_eq!(e.field(), Some("reason"));
    let v = desk
        .abandon(&by_ext("abandon-1"), "paid by hand in the panel")
        .await
        .expect("abandoned");
    assert_eq!(v.phase, Phase::Abandoned);
    let log = rig
        .journal
        .audit_log(&cashout_core::audit::AuditFilter::default())
        .expect("log");
    let entry = log.iter().find(|e| e.action == "abandon").expect("audited");
    let detail = entry.detail.as_deref().unwrap_or("");
    assert!(detail.contains("paid by hand in the panel") && detail.contains("may still be paid"));
    // No longer looked up by itself.
    later(&rig, 120);
    assert_eq!(desk.reconcile().await.expect("reconcile").checked, 0);
    // A settled payout cannot be abandoned.
    desk.create(&br_pix("abandon-2", "11"), &CreateOptions::default())
        .await
        .expect("created");
    assert!(desk.abandon(&by_ext("abandon-2"), "why").await.is_err());
}

#[tokio::test]
async fn a_create_that_provably_never_left_is_not_sent_and_resends_under_its_own_id() {
    let rig = Rig::start().await;
    // A base URL no request can be built from: nothing can leave.
    let broken = Environment {
        kind: EnvironmentKind::Local,
        base_url: "http://127.0.0.1:1 x".into(),
    };
    let client = Client::new(
        broken,
        okp_sandbox::demo_credentials(),
        ClientOptions::default(),
    )
    .expect("client");
    let desk = Desk::new(client, rig.journal.clone(), fast_retry());
    let e = desk
        .create(&br_pix("unsent-1", "10"), &CreateOptions::default())
        .await
        .expect_err("not sent");
    assert_eq!(e.code(), "not_sent", "{e}");
    assert!(e.to_string().contains("nothing was sent"), "{e}");
    let v = desk.recorded(&by_ext("unsent-1")).expect("recorded");
    assert_eq!(v.phase, Phase::NotSent);
    assert_eq!(v.recovery, [Recovery::Resend]);
}

#[tokio::test]
async fn two_desks_on_one_journal_file_send_identical_id_less_creates_once() {
    let rig = Rig::start().await;
    // Two journals on one file: two processes, as the app and the CLI are.
    let a = std::sync::Arc::new(Desk::new(rig.client(), rig.journal.clone(), fast_retry()));
    let b = std::sync::Arc::new(Desk::new(rig.client(), rig.second_journal(), fast_retry()));
    let mut tasks = Vec::new();
    for i in 0..40 {
        let desk = if i % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            desk.create(&br_pix("", "150.25"), &CreateOptions::default())
                .await
        }));
    }
    let mut sent = 0;
    let mut duplicates = 0;
    for t in tasks {
        match t.await.expect("task") {
            Ok(_) => sent += 1,
            Err(Error::PossibleDuplicate(..)) => duplicates += 1,
            Err(e) => panic!("unexpected: {e}"),
        }
    }
    assert_eq!((sent, duplicates), (1, 39));
    assert_eq!(rig.sandbox.cashout_count(), 1);
}

#[tokio::test]
async fn a_generated_id_sent_back_as_if_typed_is_still_refused_as_a_duplicate() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let first = desk
        .create(&br_pix("", "150.25"), &CreateOptions::default())
        .await
        .expect("first");
    let earlier = first.external_id.clone().expect("generated");
    // The form reviewed a new id-less payout; the id it got is sent back in the box.
    let review = desk
        .review_create(&br_pix("", "150.25"), false)
        .expect("review");
    let generated = review.request["external_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let e = desk
        .create(&br_pix(&generated, "150.25"), &CreateOptions::default())
        .await
        .expect_err("still a duplicate");
    assert!(
        matches!(e, Error::PossibleDuplicate(ref x, _) if *x == earlier),
        "{e}"
    );
    // Once more, after the refusal: still refused, by the guard, naming the same payout.
    let e = desk
        .create(&br_pix(&generated, "150.25"), &CreateOptions::default())
        .await
        .expect_err("still a duplicate");
    assert!(
        matches!(e, Error::PossibleDuplicate(ref x, _) if *x == earlier),
        "{e}"
    );
    assert_eq!(rig.sandbox.cashout_count(), 1);
    // Paying again on purpose names the earlier payout, and is audited so.
    let again = CreateOptions {
        pay_again_of: Some(earlier.clone()),
        ..CreateOptions::default()
    };
    desk.create(&br_pix(&generated, "150.25"), &again)
        .await
        .expect("paid again on purpose");
    assert_eq!(rig.sandbox.cashout_count(), 2);
    let log = rig
        .journal
        .audit_log(&cashout_core::audit::AuditFilter::default())
        .expect("log");
    assert!(log.iter().any(|e| e.action == "create"
        && e.detail.as_deref().is_some_and(|d| d.contains(&format!(
            "paid again on purpose: same contents as external_id {earlier}"
        )))));
    // Naming another payout than the one the guard found does not pass, and sends nothing.
    let wrong = CreateOptions {
        pay_again_of: Some("cd-not-the-one".into()),
        ..CreateOptions::default()
    };
    let e = desk
        .create(&br_pix("", "150.25"), &wrong)
        .await
        .expect_err("not the payout the guard found");
    assert!(
        matches!(
            e,
            Error::InvalidInput { field: "pay_again_of", ref message }
                if message.contains("cd-not-the-one")
        ),
        "{e:?}"
    );
    assert_eq!(rig.sandbox.cashout_count(), 2);
}

#[tokio::test]
async fn after_a_decline_the_corrected_payout_gets_a_new_generated_id_on_review() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let declined = CreateCashout {
        comments: Some("sandbox:decline=514".into()),
        ..br_pix("", "150.25")
    };
    let review = desk.review_create(&declined, false).expect("review");
    let id = review.request["external_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let e = desk
        .create(
            &CreateCashout {
                external_id: id.clone(),
                ..declined.clone()
            },
            &CreateOptions::default(),
        )
        .await
        .expect_err("declined");
    assert_eq!(e.api_code(), Some(514));
    // The operator corrects the amount; the generated id is still in the box.
    let corrected = CreateCashout {
        external_id: id.clone(),
        amount: Some("100.00".parse().expect("amount")),
        comments: None,
        ..declined
    };
    let review = desk.review_create(&corrected, false).expect("review");
    let new_id = review.request["external_id"].as_str().expect("id");
    assert_ne!(new_id, id);
    assert!(review
        .id_note
        .as_deref()
        .is_some_and(|n| n.contains(&id) && n.contains("514")));
    // `check` on the declined one shows its record, not "not found".
    let v = desk.check(&by_ext(&id)).await.expect("declined record");
    assert_eq!(v.status, Some(CashoutStatus::Declined));
}

#[tokio::test]
async fn reading_the_journal_needs_no_credentials() {
    let rig = Rig::start().await;
    rig.desk()
        .create(&br_pix("read-1", "10"), &CreateOptions::default())
        .await
        .expect("created");
    let env = rig.environment();
    // A desk whose credentials cannot be loaded at all.
    let desk = Desk::connecting(
        env,
        |_| Err(Error::MissingCredentials("nowhere".into())),
        rig.journal.clone(),
        fast_retry(),
    );
    assert_eq!(desk.list(Default::default()).expect("list").len(), 1);
    desk.history(&by_ext("read-1")).expect("history");
    desk.hold_board().expect("holds");
    desk.export_text(Default::default(), cashout_core::report::CsvFlavor::Plain)
        .await
        .expect("export");
    desk.exchanges(&by_ext("read-1")).expect("exchanges");
    let e = desk.check(&by_ext("read-1")).await.expect_err("needs them");
    assert_eq!(e.code(), "credentials_missing");
}

#[tokio::test]
async fn a_resend_of_a_payout_that_never_left_is_open_on_disk_before_it_is_sent() {
    let rig = Rig::start().await;
    let scope = rig.environment().scope();
    let Ok(IntentOutcome::New(id)) = rig
        .journal
        .record_intent(&scope, "x", &br_pix("never-1", "10"), None, me())
        .await
    else {
        panic!("new intent")
    };
    rig.journal
        .record_phase(
            id,
            Phase::NotSent,
            "not delivered: refused",
            Some(me().token.as_str()),
        )
        .await
        .expect("not sent");
    // What a resend writes before it sends: an open record, so a crash during the send leaves
    // something reconcile looks up, never "not sent".
    rig.journal.record_sending(id, me()).await.expect("sending");
    let r = rig.journal.get(id).expect("get").expect("record");
    assert_eq!(r.phase, Phase::Intent);
    later(&rig, 6);
    assert_eq!(
        rig.journal
            .unresolved(
                &scope,
                &cashout_core::clock::format_instant(rig.clock.now())
            )
            .expect("open")
            .len(),
        1
    );
}

#[tokio::test]
async fn a_resend_of_a_payout_whose_id_someone_else_took_meanwhile_is_declined_never_adopted() {
    let rig = Rig::start().await;
    let scope = rig.environment().scope();
    let req = br_pix("taken-later", "10");
    let Ok(IntentOutcome::New(id)) = rig
        .journal
        .record_intent(&scope, "x", &req, None, stopped())
        .await
    else {
        panic!("new intent")
    };
    rig.journal
        .record_phase(
            id,
            Phase::NotSent,
            "not delivered: refused",
            Some(stopped().token.as_str()),
        )
        .await
        .expect("not sent");
    // Another system, same merchant account, uses the same external_id.
    rig.client()
        .create(&br_pix("taken-later", "99"))
        .await
        .expect("their cashout");
    let e = rig
        .desk()
        .resend(&by_ext("taken-later"))
        .await
        .expect_err("not ours");
    assert_eq!(e.api_code(), Some(511), "{e}");
    let v = rig.desk().recorded(&by_ext("taken-later")).expect("rec");
    assert_eq!(v.status, Some(CashoutStatus::Declined));
    assert!(v.recovery.is_empty(), "never resendable under this id");
    assert_eq!(rig.sandbox.cashouts_for_external_id("taken-later"), 1);
}

#[tokio::test]
async fn a_resend_of_an_abandoned_create_whose_answer_is_lost_is_open_again_for_reconcile() {
    let rig = Rig::start().await;
    // Every send of the create is lost before the provider acts, and every lookup misses.
    for _ in 0..4 {
        rig.sandbox
            .inject(Fault::DropBeforeCommit(Endpoint::Create));
        rig.sandbox.inject(Fault::StaleNotFound(Endpoint::Status));
    }
    let desk = rig.desk();
    desk.create(&br_pix("abandon-resend", "10"), &CreateOptions::default())
        .await
        .expect_err("open");
    desk.abandon(&by_ext("abandon-resend"), "operator gave up")
        .await
        .expect("abandoned");
    // The resend's answer is lost too, and the lookups after it miss it.
    rig.lose_next_create_answer(6);
    let e = desk
        .resend(&by_ext("abandon-resend"))
        .await
        .expect_err("open again");
    assert_eq!(e.code(), "outcome_unknown");
    let v = desk.recorded(&by_ext("abandon-resend")).expect("rec");
    assert!(v.phase.may_exist_unconfirmed(), "{:?}", v.phase);
    later(&rig, 120);
    let mut found = false;
    for _ in 0..6 {
        if desk.reconcile().await.expect("reconcile").found == 1 {
            found = true;
            break;
        }
        later(&rig, 70);
    }
    assert!(found, "looked up until found");
    assert_eq!(rig.sandbox.cashouts_for_external_id("abandon-resend"), 1);
}

#[tokio::test]
async fn a_corrected_copy_of_an_unsettled_generated_payout_is_refused_not_sent_under_a_new_id() {
    let rig = Rig::start().await;
    rig.lose_next_create_answer(5);
    let desk = rig.desk();
    let review = desk
        .review_create(&br_pix("", "150.25"), false)
        .expect("review");
    let id = review.request["external_id"]
        .as_str()
        .expect("id")
        .to_owned();
    desk.create(&br_pix(&id, "150.25"), &CreateOptions::default())
        .await
        .expect_err("open");
    // The operator edits only the comment: the box still holds the generated id.
    let edited = CreateCashout {
        comments: Some("second try".into()),
        ..br_pix(&id, "150.25")
    };
    let e = desk
        .review_create(&edited, false)
        .expect_err("settle the first");
    assert_eq!(e.code(), "external_id_conflict", "{e}");
    // Clearing the id does not help: the same money to the same account is a duplicate.
    let e = desk
        .create(
            &CreateCashout {
                external_id: String::new(),
                ..edited
            },
            &CreateOptions::default(),
        )
        .await
        .expect_err("duplicate");
    assert_eq!(e.code(), "possible_duplicate", "{e}");
    assert_eq!(rig.sandbox.cashout_count(), 1);
}

#[tokio::test]
async fn a_cancel_pairing_another_cashouts_id_with_an_open_creates_external_id_is_refused_and_joins_nothing(
) {
    let rig = Rig::start().await;
    for _ in 0..4 {
        rig.sandbox
            .inject(Fault::DropBeforeCommit(Endpoint::Create));
        rig.sandbox.inject(Fault::StaleNotFound(Endpoint::Status));
    }
    let desk = rig.desk();
    desk.create(&br_pix("open-b", "10"), &CreateOptions::default())
        .await
        .expect_err("open");
    let other = desk
        .create(&br_pix("real-a", "11"), &CreateOptions::default())
        .await
        .expect("created");
    let open_before = desk.recorded(&by_ext("open-b")).expect("rec");
    let open_history = desk.history(&by_ext("open-b")).expect("history");
    // Mistyped: the external id of the open create, with the id of the other payout. The
    // sandbox checks the pair and answers "not found" (509); the cancel fails and nothing is
    // cancelled.
    let e = desk
        .cancel(CashoutId(other.cashout_id.expect("id")), Some("open-b"))
        .await
        .expect_err("the pair is refused");
    assert_eq!(e.code(), "not_found", "{e}");
    assert_eq!(e.api_code(), Some(509), "{e}");
    // The open create is untouched: no cashout_id, still open, not one history entry more
    // (no "linked", no "not_linked").
    let b = desk.recorded(&by_ext("open-b")).expect("rec");
    assert_eq!(b.cashout_id, None);
    assert!(b.phase.may_exist_unconfirmed(), "{:?}", b.phase);
    assert_eq!(b.phase, open_before.phase);
    assert_eq!(
        desk.history(&by_ext("open-b")).expect("history"),
        open_history
    );
    // The other payout keeps its own record and id, and is still pending; the refusal is
    // recorded there.
    let a = desk.recorded(&by_ext("real-a")).expect("rec");
    assert_eq!(a.cashout_id, other.cashout_id);
    assert_eq!(a.status, Some(CashoutStatus::Pending));
    assert!(desk
        .history(&by_ext("real-a"))
        .expect("history")
        .iter()
        .any(|h| h.event == "action_failed"));
    // Two payouts, two records: none joined, none added by the cancel.
    assert_eq!(desk.list(Default::default()).expect("list").len(), 2);
    assert_eq!(rig.sandbox.cashout_count(), 1);
}

#[tokio::test]
async fn a_resend_long_after_the_intent_is_looked_up_again_by_reconcile() {
    let rig = Rig::start().await;
    // Every send of the create is lost before the provider acts, and every lookup misses.
    for _ in 0..4 {
        rig.sandbox
            .inject(Fault::DropBeforeCommit(Endpoint::Create));
        rig.sandbox.inject(Fault::StaleNotFound(Endpoint::Status));
    }
    let desk = rig.desk();
    desk.create(&br_pix("late-resend", "10"), &CreateOptions::default())
        .await
        .expect_err("open");
    later(&rig, 30 * 60);
    // 30 hours on: resent, lost again, not found.
    rig.lose_next_create_answer(5);
    desk.resend(&by_ext("late-resend")).await.expect_err("open");
    later(&rig, 6);
    let report = desk.reconcile().await.expect("reconcile");
    assert_eq!(
        report.awaiting_operator, 0,
        "its window runs from the resend"
    );
    assert_eq!(report.checked, 1);
}

#[tokio::test]
async fn a_hold_of_a_mistyped_id_leaves_no_record_behind() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let e = desk
        .hold(CashoutId(9_999_999))
        .await
        .expect_err("unknown id");
    assert_eq!(e.code(), "not_found");
    assert!(desk.list(Default::default()).expect("list").is_empty());
}

#[tokio::test]
async fn the_same_create_run_twice_at_once_on_one_journal_file_is_one_payout_never_called_foreign()
{
    let rig = Rig::start().await;
    let a = Desk::new(rig.client(), rig.journal.clone(), fast_retry());
    let b = Desk::new(rig.client(), rig.second_journal(), fast_retry());
    for round in 0..10 {
        let req = br_pix(&format!("twice-{round}"), &format!("{}.00", 20 + round));
        let options = CreateOptions::default();
        let (x, y) = tokio::join!(a.create(&req, &options), b.create(&req, &options));
        for r in [&x, &y] {
            if let Err(e) = r {
                assert_eq!(e.code(), "outcome_unknown", "round {round}: {e}");
            }
        }
        let v = a.recorded(&by_ext(&req.external_id)).expect("rec");
        assert_ne!(
            v.status,
            Some(CashoutStatus::Declined),
            "round {round}: {v:?}"
        );
        assert_eq!(rig.sandbox.cashouts_for_external_id(&req.external_id), 1);
    }
}

#[tokio::test]
async fn a_new_way_of_writing_the_name_does_not_make_the_same_payment_a_new_one() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    desk.create(&br_pix("", "150.25"), &CreateOptions::default())
        .await
        .expect("first");
    for name in ["ANA SOUZA", "Ana  Souza", "Ána Souza", "Ana"] {
        let again = CreateCashout {
            beneficiary_name: name.into(),
            ..br_pix("", "150.25")
        };
        let e = desk
            .create(&again, &CreateOptions::default())
            .await
            .expect_err(name);
        assert_eq!(e.code(), "possible_duplicate", "{name}: {e}");
    }
    assert_eq!(rig.sandbox.cashout_count(), 1);
}

#[tokio::test]
async fn a_cancelled_payout_does_not_stand_in_the_way_of_the_same_payment() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let first = desk
        .create(&br_pix("", "150.25"), &CreateOptions::default())
        .await
        .expect("first");
    desk.cancel(CashoutId(first.cashout_id.expect("id")), None)
        .await
        .expect("cancelled");
    desk.create(&br_pix("", "150.25"), &CreateOptions::default())
        .await
        .expect("nothing moved the first time: not a duplicate");
}

#[tokio::test]
async fn paying_again_must_name_an_identical_payout_of_this_desk() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let other = desk
        .create(&br_pix("", "99.00"), &CreateOptions::default())
        .await
        .expect("another payout");
    let named = |x: &str| CreateOptions {
        pay_again_of: Some(x.to_owned()),
        ..CreateOptions::default()
    };
    let e = desk
        .create(
            &br_pix("", "150.25"),
            &named(&other.external_id.expect("id")),
        )
        .await
        .expect_err("not the same money");
    assert_eq!(e.field(), Some("pay_again_of"), "{e}");
    let e = desk
        .create(&br_pix("", "150.25"), &named("cd-nowhere"))
        .await
        .expect_err("unknown");
    assert_eq!(e.field(), Some("pay_again_of"), "{e}");
    let e = desk
        .create(&br_pix("typed-1", "150.25"), &named("cd-nowhere"))
        .await
        .expect_err("typed id");
    assert_eq!(e.field(), Some("pay_again_of"), "{e}");
    assert_eq!(rig.sandbox.cashout_count(), 1);
}

#[tokio::test]
async fn a_screen_polling_an_open_create_asks_the_provider_only_when_its_back_off_allows_and_audits_nothing(
) {
    let rig = Rig::start().await;
    // Every lookup misses the payout, however many there are.
    rig.lose_next_create_answer(20);
    let desk = rig.desk();
    let e = desk
        .create(&br_pix("screen-1", "10"), &CreateOptions::default())
        .await
        .expect_err("not settled yet");
    assert_eq!(e.code(), "outcome_unknown", "{e}");
    let open = desk.recorded(&by_ext("screen-1")).expect("recorded");
    assert_eq!(open.phase, Phase::SentNotFound);
    assert!(open.checking);
    let audited = || {
        rig.journal
            .audit_log(&cashout_core::audit::AuditFilter::default())
            .expect("log")
            .len()
    };
    let (requests, entries) = (rig.sandbox.stats().requests, audited());
    // A screen asking every few seconds: answered from the journal, the back-off not passed.
    for _ in 0..5 {
        let v = desk.look_up_open(&by_ext("screen-1")).await.expect("view");
        assert_eq!(v.phase, Phase::SentNotFound);
    }
    assert_eq!(
        rig.sandbox.stats().requests,
        requests,
        "no lookup before its time"
    );
    // Once the back-off has passed, one lookup, and no audit entry (nobody did anything).
    later(&rig, 2);
    desk.look_up_open(&by_ext("screen-1")).await.expect("view");
    desk.look_up_open(&by_ext("screen-1")).await.expect("view");
    assert_eq!(
        rig.sandbox.stats().requests,
        requests + 1,
        "one lookup when due"
    );
    assert_eq!(audited(), entries);
    // Past the open-create window, only the operator settles it: the screen asks nothing.
    later(&rig, 25 * 60);
    desk.look_up_open(&by_ext("screen-1")).await.expect("view");
    assert_eq!(rig.sandbox.stats().requests, requests + 1);
    assert_eq!(rig.sandbox.cashouts_for_external_id("screen-1"), 1);
}

#[tokio::test]
async fn the_same_create_sent_again_is_audited_as_answered_from_the_journal_not_as_a_new_payout() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let req = br_pix("twice-1", "10");
    let first = desk.create(&req, &Default::default()).await.unwrap();
    let again = desk.create(&req, &Default::default()).await.unwrap();
    assert_eq!(first.cashout_id, again.cashout_id);
    assert_eq!(rig.sandbox.cashouts_for_external_id("twice-1"), 1);
    let log = rig
        .journal
        .audit_log(&cashout_core::audit::AuditFilter::default())
        .unwrap();
    let details: Vec<String> = log.iter().filter_map(|e| e.detail.clone()).collect();
    assert_eq!(log.len(), 2, "{details:?}");
    assert!(
        details[0].contains("answered from the journal: created earlier")
            && details[0].contains("nothing sent"),
        "{details:?}"
    );
    assert!(
        !details[1].contains("answered from the journal"),
        "{details:?}"
    );
    assert_eq!(log[0].cashout_id, first.cashout_id);
}

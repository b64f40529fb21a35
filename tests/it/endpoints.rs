//! Every endpoint through the desk, and every documented error as the client sees it.

use std::time::Duration;

use cashout_core::api::client::{CallError, Client};
use cashout_core::api::types::{CashoutId, CashoutRef, CreateCashout};
use cashout_core::credentials::Secret;
use cashout_core::error::Error;
use cashout_core::status::{Action, CashoutStatus};
use cashout_tests::{br_bank, br_pix, by_ext, mx_clabe, Rig};

#[tokio::test]
async fn create_check_hold_release_cancel_follow_the_table() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let created = desk
        .create(&br_pix("flow-1", "150.25"), &Default::default())
        .await
        .expect("created");
    assert_eq!(created.status, Some(CashoutStatus::Pending));
    assert_eq!(created.allowed_actions, vec![Action::Hold, Action::Cancel]);
    let id = CashoutId(created.cashout_id.expect("id from the create answer"));

    let held = desk.hold(id).await.expect("hold");
    assert_eq!(held.status, Some(CashoutStatus::OnHold));
    let released = desk.release(id).await.expect("release");
    assert_eq!(released.status, Some(CashoutStatus::Pending));
    let cancelled = desk
        .cancel(id, None)
        .await
        .expect("cancel fills external_id from the journal");
    assert_eq!(cancelled.status, Some(CashoutStatus::Cancelled));
    assert!(cancelled.allowed_actions.is_empty());

    let again = desk.hold(id).await.expect_err("cancelled cannot be held");
    assert!(matches!(
        again,
        Error::ActionNotAllowed {
            action: Action::Hold,
            status: CashoutStatus::Cancelled
        }
    ));

    let history = desk.history(&CashoutRef::Id(id)).expect("history");
    let statuses: Vec<_> = history.iter().filter_map(|h| h.status).collect();
    assert_eq!(
        statuses,
        [
            CashoutStatus::Pending,
            CashoutStatus::OnHold,
            CashoutStatus::Pending,
            CashoutStatus::Cancelled
        ]
    );
}

#[tokio::test]
async fn bank_processing_moves_pending_to_delivered_to_completed() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let created = desk
        .create(&br_bank("proc-1", "10"), &Default::default())
        .await
        .expect("created");
    let id = CashoutRef::Id(CashoutId(created.cashout_id.expect("id")));
    rig.clock.advance(Duration::from_secs(61));
    assert_eq!(
        desk.check(&id).await.expect("check").status,
        Some(CashoutStatus::Delivered)
    );
    rig.clock.advance(Duration::from_secs(61));
    let done = desk.check(&id).await.expect("check");
    assert_eq!(done.status, Some(CashoutStatus::Completed));
    assert_eq!(done.status_code, Some(1));
}

#[tokio::test]
async fn rejection_trigger_gives_rejected_with_the_code_explained() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let mut req = br_pix("rej-1", "10");
    req.comments = Some("sandbox:reject=814".into());
    let created = desk
        .create(&req, &Default::default())
        .await
        .expect("created");
    rig.clock.advance(Duration::from_secs(200));
    let v = desk
        .check(&CashoutRef::Id(CashoutId(created.cashout_id.expect("id"))))
        .await
        .expect("check");
    assert_eq!(v.status, Some(CashoutStatus::Rejected));
    assert_eq!(v.rejection_code, Some(814));
    assert_eq!(
        v.rejection_explanation.map(|e| e.field),
        Some(Some("bank_account"))
    );
}

#[tokio::test]
async fn late_rejection_after_completed_is_recorded_as_a_late_edge() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let mut req = mx_clabe("late-1", "99.99");
    req.comments = Some("sandbox:late-reject=826".into());
    let created = desk
        .create(&req, &Default::default())
        .await
        .expect("created");
    let id = CashoutRef::Id(CashoutId(created.cashout_id.expect("id")));
    rig.clock.advance(Duration::from_secs(125));
    assert_eq!(
        desk.check(&id).await.expect("check").status,
        Some(CashoutStatus::Completed)
    );
    rig.clock.advance(Duration::from_secs(125));
    let v = desk.check(&id).await.expect("check");
    assert_eq!(v.status, Some(CashoutStatus::Rejected));
    assert_eq!(v.rejection_code, Some(826));
    let statuses: Vec<_> = desk
        .history(&id)
        .expect("history")
        .iter()
        .filter_map(|h| h.status)
        .collect();
    assert!(
        statuses.ends_with(&[CashoutStatus::Completed, CashoutStatus::Rejected]),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn lookup_by_external_id_and_unknown_ids_answer_not_found() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    desk.create(&br_pix("look-1", "10"), &Default::default())
        .await
        .expect("created");
    let v = desk.check(&by_ext("look-1")).await.expect("by external id");
    assert_eq!(v.status, Some(CashoutStatus::Pending));
    let e = desk
        .check(&CashoutRef::Id(CashoutId(999_999_999)))
        .await
        .expect_err("no such id");
    assert_eq!(e.code(), "not_found");
    assert_eq!(e.api_code(), Some(509));
}

#[tokio::test]
async fn declined_create_is_recorded_with_the_provider_code() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let mut req = br_pix("dec-1", "10");
    req.comments = Some("sandbox:decline=514".into());
    let e = desk
        .create(&req, &Default::default())
        .await
        .expect_err("declined");
    assert_eq!(e.api_code(), Some(514));
    assert_eq!(e.field(), Some("amount"));
    let rec = rig
        .journal
        .find(&rig.environment().scope(), None, Some("dec-1"))
        .expect("find")
        .expect("recorded");
    assert_eq!(rec.status, Some(CashoutStatus::Declined));
    assert_eq!(rig.sandbox.cashouts_for_external_id("dec-1"), 0);
}

#[tokio::test]
async fn insufficient_funds_is_514() {
    let rig = Rig::start().await;
    let e = rig
        .desk()
        .create(&br_pix("big-1", "1000000.01"), &Default::default())
        .await
        .expect_err("over the balance");
    assert_eq!(e.api_code(), Some(514));
}

#[tokio::test]
async fn invalid_cpf_is_refused_locally_and_nothing_is_sent() {
    let rig = Rig::start().await;
    let mut req = br_pix("bad-cpf", "10");
    req.document_id = "231.002.999-00".into();
    let before = rig.sandbox.stats().requests;
    let e = rig
        .desk()
        .create(&req, &Default::default())
        .await
        .expect_err("invalid");
    assert_eq!(e.code(), "validation");
    assert_eq!(e.field(), Some("document_id"));
    assert_eq!(
        rig.sandbox.stats().requests,
        before,
        "nothing reached the sandbox"
    );
    assert!(rig
        .journal
        .find(&rig.environment().scope(), None, Some("bad-cpf"))
        .expect("find")
        .is_none());
}

#[tokio::test]
async fn reusing_an_external_id_for_other_contents_is_refused_before_sending() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    desk.create(&br_pix("dup-1", "10"), &Default::default())
        .await
        .expect("first");
    let before = rig.sandbox.stats().requests;
    let e = desk
        .create(&br_pix("dup-1", "11"), &Default::default())
        .await
        .expect_err("other contents");
    assert_eq!(e.code(), "external_id_conflict");
    assert_eq!(rig.sandbox.stats().requests, before);
    let same = desk
        .create(&br_pix("dup-1", "10"), &Default::default())
        .await
        .expect("identical request is idempotent");
    assert_eq!(same.status, Some(CashoutStatus::Pending));
    assert_eq!(rig.sandbox.cashouts_for_external_id("dup-1"), 1);
}

fn raw_client(
    rig: &Rig,
    mutate: impl FnOnce(&mut cashout_core::credentials::Credentials),
) -> Client {
    let mut creds = okp_sandbox::demo_credentials();
    mutate(&mut creds);
    rig.client_with(creds)
}

#[tokio::test]
async fn wrong_signature_is_302_and_wrong_passphrase_is_401() {
    let rig = Rig::start().await;
    let bad_sig = raw_client(&rig, |c| {
        c.signature = Secret::new("not-the-signature".into())
    });
    let e = bad_sig
        .create(&br_pix("sig-1", "10"))
        .await
        .expect_err("bad signature");
    assert_eq!(e.api_code(), Some(302));
    assert!(matches!(
        e,
        CallError::Api {
            http_status: 401,
            ..
        }
    ));
    let bad_pass = raw_client(&rig, |c| c.passphrase = Secret::new("nope".into()));
    assert_eq!(
        bad_pass
            .status(&CashoutRef::Id(CashoutId(1)))
            .await
            .expect_err("401")
            .api_code(),
        Some(401)
    );
    assert_eq!(rig.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn update_and_cancel_errors_carry_510_509_and_511() {
    let rig = Rig::start().await;
    let client = raw_client(&rig, |_| {});
    let id = client
        .create(&br_pix("err-1", "10"))
        .await
        .expect("created");
    assert_eq!(
        client
            .create(&br_pix("err-1", "10"))
            .await
            .expect_err("dup")
            .api_code(),
        Some(511)
    );
    assert_eq!(
        client
            .update(id, false)
            .await
            .expect_err("pending to pending")
            .api_code(),
        Some(510)
    );
    assert_eq!(
        client
            .cancel(id, "someone-else")
            .await
            .expect_err("ids do not match")
            .api_code(),
        Some(509)
    );
    client.cancel(id, "err-1").await.expect("cancel");
    assert_eq!(
        client
            .cancel(id, "err-1")
            .await
            .expect_err("twice")
            .api_code(),
        Some(510)
    );
    assert_eq!(
        client
            .update(CashoutId(424_242), true)
            .await
            .expect_err("missing")
            .api_code(),
        Some(509)
    );
}

#[tokio::test]
async fn sandbox_refuses_invalid_params_with_300_and_unknown_bank_with_303() {
    let rig = Rig::start().await;
    let client = raw_client(&rig, |_| {});
    let mut req = br_pix("p-1", "10");
    req.beneficiary_name = String::new();
    assert_eq!(
        client
            .create(&req)
            .await
            .expect_err("missing name")
            .api_code(),
        Some(300)
    );
    let mut req = br_bank("p-2", "10");
    req.bank_code = Some("999".into());
    assert_eq!(
        client
            .create(&req)
            .await
            .expect_err("unknown bank")
            .api_code(),
        Some(303)
    );
}

#[tokio::test]
async fn bank_list_keeps_leading_zeros() {
    let rig = Rig::start().await;
    let banks = rig.desk().banks("br").await.expect("banks");
    assert!(banks.iter().any(|b| b.code == "001"), "{banks:?}");
    let e = raw_client(&rig, |c| {
        c.read_only_key = Some(Secret::new("wrong".into()))
    })
    .banks("BR")
    .await
    .expect_err("bad key");
    assert_eq!(e.api_code(), Some(401));
}

#[tokio::test]
async fn every_request_of_a_session_passed_the_signature_check() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let v = desk
        .create(&br_pix("all-sig", "10"), &Default::default())
        .await
        .expect("created");
    let id = CashoutId(v.cashout_id.expect("id"));
    desk.hold(id).await.expect("hold");
    desk.release(id).await.expect("release");
    desk.cancel(id, None).await.expect("cancel");
    let stats = rig.sandbox.stats();
    assert!(stats.requests >= 7, "{stats:?}");
    assert_eq!(stats.signature_failures, 0);
    assert_eq!(stats.credential_failures, 0);
}

#[tokio::test]
async fn same_payout_without_external_id_twice_is_refused_as_possible_duplicate() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let first = desk
        .create(&br_pix("", "77.00"), &Default::default())
        .await
        .expect("first");
    let first_ext = first.external_id.clone().expect("generated");
    let e = desk
        .create(&br_pix("", "77.00"), &Default::default())
        .await
        .expect_err("looks like a retry");
    assert_eq!(e.code(), "possible_duplicate");
    assert_eq!(e.report().external_id.as_deref(), Some(first_ext.as_str()));
    assert_eq!(rig.sandbox.cashout_count(), 1);
    // Resuming with the earlier id is idempotent; a new explicit id is a deliberate second payout.
    desk.create(&br_pix(&first_ext, "77.00"), &Default::default())
        .await
        .expect("resume");
    desk.create(&br_pix("second-on-purpose", "77.00"), &Default::default())
        .await
        .expect("deliberate");
    assert_eq!(rig.sandbox.cashout_count(), 2);
    // After the window, the same contents are a new payout again.
    rig.clock
        .advance(cashout_core::desk::DUPLICATE_WINDOW + Duration::from_secs(1));
    desk.create(&br_pix("", "77.00"), &Default::default())
        .await
        .expect("a day later");
}

#[tokio::test]
async fn a_rejected_payout_paid_again_with_corrected_details_is_linked_in_both_histories() {
    use cashout_core::desk::CreateOptions;
    let rig = Rig::start().await;
    let desk = rig.desk();
    let mut req = br_pix("wrong-key", "10");
    req.comments = Some("sandbox:reject=814".into());
    let first = desk.create(&req, &Default::default()).await.unwrap();
    // While it may still pay, it is never replaced.
    let mut fixed = br_pix("right-key", "10");
    fixed.phone = Some("+5511912345678".into());
    let corrects = CreateOptions {
        corrects: Some("wrong-key".into()),
        ..CreateOptions::default()
    };
    let early = desk.create(&fixed, &corrects).await.unwrap_err();
    assert_eq!(early.field(), Some("corrects"), "{early}");
    assert!(early.to_string().contains("PENDING"), "{early}");
    rig.clock.advance(Duration::from_secs(200));
    let rejected = desk
        .check(&CashoutRef::Id(CashoutId(first.cashout_id.unwrap())))
        .await
        .unwrap();
    assert_eq!(rejected.status, Some(CashoutStatus::Rejected));
    // The request as sent comes back whole, for the form to start from.
    let sent = desk.sent_request(&by_ext("wrong-key")).unwrap().unwrap();
    assert_eq!(sent.phone.as_deref(), Some("+5511987654321"));
    // A correction is a new payout: the old external_id is refused for it.
    let same_id = desk
        .create(
            &CreateCashout {
                external_id: "wrong-key".into(),
                ..fixed.clone()
            },
            &corrects,
        )
        .await
        .unwrap_err();
    assert_eq!(same_id.field(), Some("corrects"));
    let second = desk.create(&fixed, &corrects).await.unwrap();
    assert!(second.cashout_id.is_some());
    let old = desk.history(&by_ext("wrong-key")).unwrap();
    let new = desk.history(&by_ext("right-key")).unwrap();
    assert!(
        old.iter().any(|h| h.event == "corrected_by"
            && h.detail.as_deref() == Some("corrected by external_id right-key")),
        "{old:?}"
    );
    assert!(
        new.iter().any(|h| h.event == "corrects"
            && h.detail.as_deref() == Some("corrects external_id wrong-key")),
        "{new:?}"
    );
    // The audit entry of the create names the corrected payout.
    let audit = rig
        .journal
        .audit_log(&cashout_core::audit::AuditFilter::default())
        .unwrap();
    assert!(audit
        .iter()
        .any(|e| e.external_id.as_deref() == Some("right-key")
            && e.detail
                .as_deref()
                .is_some_and(|d| d.contains("corrects external_id wrong-key"))));
    // A payout is corrected once: a second correction is refused before anything is sent.
    let mut again = br_pix("right-key-2", "10");
    again.phone = Some("+5511911112222".into());
    let twice = desk.create(&again, &corrects).await.unwrap_err();
    assert_eq!(twice.field(), Some("corrects"));
    assert!(
        twice
            .to_string()
            .contains("already corrected by payout right-key"),
        "{twice}"
    );
    // Exactly two payouts at the provider: the rejected one and its correction.
    assert_eq!(desk.list(Default::default()).unwrap().len(), 2);
    assert_eq!(rig.sandbox.cashout_count(), 2);
}

#[tokio::test]
async fn a_decline_that_may_pass_again_or_whose_id_is_held_is_never_corrected_and_a_corrected_decline_is_never_resent(
) {
    use cashout_core::desk::CreateOptions;
    let rig = Rig::start().await;
    let desk = rig.desk();
    let corrects = |x: &str| CreateOptions {
        corrects: Some(x.into()),
        ..CreateOptions::default()
    };
    // 514 (insufficient funds) may pass when sent again: resend it, never correct it.
    let mut funds = br_pix("funds", "10");
    funds.comments = Some("sandbox:decline=514".into());
    desk.create(&funds, &Default::default()).await.unwrap_err();
    let view = desk.recorded(&by_ext("funds")).unwrap();
    assert!(!view.correctable, "{view:?}");
    let refused = desk
        .create(&br_pix("funds-fix", "10"), &corrects("funds"))
        .await
        .unwrap_err();
    assert_eq!(refused.field(), Some("corrects"));
    assert!(refused.to_string().contains("resend it"), "{refused}");
    // 539 (method unavailable) is for good: corrected once, and the original never again.
    let mut method = br_pix("method", "10");
    method.comments = Some("sandbox:decline=539".into());
    desk.create(&method, &Default::default()).await.unwrap_err();
    assert!(desk.recorded(&by_ext("method")).unwrap().correctable);
    let mut fixed = br_bank("method-fix", "10");
    fixed.comments = None;
    desk.create(&fixed, &corrects("method")).await.unwrap();
    let resent = desk.resend(&by_ext("method")).await.unwrap_err();
    assert_eq!(resent.field(), Some("external_id"), "{resent}");
    assert!(
        resent
            .to_string()
            .contains("corrected by payout method-fix"),
        "{resent}"
    );
    // Sending the original's request again under its id is the same resend: refused.
    let again = desk.create(&method, &Default::default()).await.unwrap_err();
    assert_eq!(again.field(), Some("external_id"), "{again}");
    // A correction refused before any intent (its external_id is another payout's) leaves the
    // payout free to be corrected, and links nothing.
    let mut other = br_pix("other", "12");
    other.comments = Some("sandbox:reject=814".into());
    desk.create(&other, &Default::default()).await.unwrap();
    rig.clock.advance(Duration::from_secs(200));
    desk.check(&by_ext("other")).await.unwrap();
    let taken = CreateCashout {
        external_id: "funds-fix-typed".into(),
        ..br_pix("funds-fix-typed", "99")
    };
    desk.create(&taken, &Default::default()).await.unwrap();
    let conflict = desk
        .create(
            &CreateCashout {
                phone: Some("+5511933334444".into()),
                ..taken.clone()
            },
            &corrects("other"),
        )
        .await
        .unwrap_err();
    assert_eq!(conflict.field(), Some("external_id"), "{conflict}");
    assert!(!desk
        .history(&by_ext("funds-fix-typed"))
        .unwrap()
        .iter()
        .any(|h| h.event == "corrects"));
    let mut fine = br_pix("other-fix", "12");
    fine.phone = Some("+5511933334444".into());
    desk.create(&fine, &corrects("other")).await.unwrap();
}

#[tokio::test]
async fn a_saved_beneficiary_pays_twice_and_the_journal_keeps_what_each_payout_sent() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let first = br_pix("sb-1", "10");
    desk.create(&first, &Default::default()).await.unwrap();
    let saved = desk
        .save_beneficiary("  Ana   — rent ", &by_ext("sb-1"))
        .await
        .unwrap();
    assert_eq!(saved[0].label, "Ana — rent");
    // Twice from the saved details (the form fills the rest; the core checks it all again).
    for (x, amount) in [("sb-2", "11"), ("sb-3", "12")] {
        let mut r = desk.beneficiary_request("Ana — rent").unwrap();
        r.external_id = x.into();
        r.amount = Some(amount.parse().unwrap());
        r.currency = Some("BRL".into());
        r.notification_url = first.notification_url.clone();
        let v = desk.create(&r, &Default::default()).await.unwrap();
        assert!(v.cashout_id.is_some(), "{x} created");
    }
    // Replaced by another payout's details: what sb-2 sent stays as sent.
    let mut other = br_pix("sb-4", "13");
    other.phone = Some("+5511912345678".into());
    desk.create(&other, &Default::default()).await.unwrap();
    desk.save_beneficiary("Ana — rent", &by_ext("sb-4"))
        .await
        .unwrap();
    assert_eq!(
        desk.sent_request(&by_ext("sb-2")).unwrap().unwrap().phone,
        first.phone
    );
    // Details the provider refused are never saved; a mistyped label is said at the label.
    let mut bad = br_pix("sb-5", "14");
    bad.comments = Some("sandbox:reject=814".into());
    desk.create(&bad, &Default::default()).await.unwrap();
    rig.clock.advance(Duration::from_secs(200));
    desk.check(&by_ext("sb-5")).await.unwrap();
    let refused = desk
        .save_beneficiary("bad", &by_ext("sb-5"))
        .await
        .unwrap_err();
    assert_eq!(refused.field(), Some("which"), "{refused}");
    assert_eq!(
        desk.save_beneficiary(" ", &by_ext("sb-1"))
            .await
            .unwrap_err()
            .field(),
        Some("label")
    );
    desk.delete_beneficiary("Ana — rent").await.unwrap();
    assert!(desk.beneficiaries().unwrap().is_empty());
    let actions: Vec<String> = rig
        .journal
        .audit_log(&cashout_core::audit::AuditFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .filter(|a| a.starts_with("beneficiary"))
        .collect();
    assert_eq!(
        actions,
        [
            "beneficiary_deleted",
            "beneficiary_updated",
            "beneficiary_saved"
        ]
    );
}

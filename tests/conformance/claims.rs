//! The conformance cases about desks sharing a journal: the duplicate guard across desks, send
//! claims and their fences, take-overs, poll claims and the shared rate cap.

use std::time::Duration;

use cashout_core::api::types::CashoutId;
use cashout_core::audit::{AuditAction, AuditEvent, AuditFilter};
use cashout_core::clock::format_instant;
use cashout_core::journal::{Claimed, DuplicateGuard, IntentOutcome, Phase};
use cashout_core::status::CashoutStatus;

use super::cases::{new_intent, status_answer};
use super::{claim, request, Store};

pub async fn the_duplicate_guard_sees_another_desks_payout_but_not_ones_that_moved_no_money(
    store: &dyn Store,
) {
    let (a, b) = (store.desk().await, store.desk().await);
    let since = format_instant(a.now_instant() - Duration::from_secs(86_400));
    let guard = |pay_again_of: Option<&str>| DuplicateGuard {
        since: since.clone(),
        pay_again_of: pay_again_of.map(str::to_owned),
    };
    let IntentOutcome::New(first) = a
        .record_intent(
            "s",
            "u",
            &request("gen-1", "10"),
            Some(guard(None)),
            &claim("a"),
        )
        .await
        .expect("first")
    else {
        panic!("new")
    };
    // The same money to the same account from another desk, under a new generated id.
    let seen = b
        .record_intent(
            "s",
            "u",
            &request("gen-2", "10"),
            Some(guard(None)),
            &claim("b"),
        )
        .await
        .expect("second");
    let IntentOutcome::PossibleDuplicate(earlier) = seen else {
        panic!("the other desk's payout was not seen: {seen:?}")
    };
    assert_eq!(earlier.id, first);
    assert!(
        b.find("s", None, Some("gen-2")).expect("find").is_none(),
        "nothing written"
    );
    // Named on purpose, it passes.
    let again = b
        .record_intent(
            "s",
            "u",
            &request("gen-2", "10"),
            Some(guard(Some("gen-1"))),
            &claim("b"),
        )
        .await
        .expect("on purpose");
    assert!(matches!(again, IntentOutcome::New(_)), "{again:?}");
    // Another amount is another payout; another scope is another journal.
    for (scope, x, amount) in [("s", "gen-3", "11"), ("t", "gen-4", "10")] {
        let other = b
            .record_intent(
                scope,
                "u",
                &request(x, amount),
                Some(guard(None)),
                &claim("b"),
            )
            .await
            .expect("other");
        assert!(matches!(other, IntentOutcome::New(_)), "{x}: {other:?}");
    }
    // A payout that moved no money in the end (cancelled) no longer counts.
    let mut cancelled = status_answer(2);
    cancelled.external_id = Some("gen-3".into());
    let gen3 = b
        .find("s", None, Some("gen-3"))
        .expect("find")
        .expect("there")
        .id;
    b.record_created(gen3, CashoutId(31), CashoutStatus::Pending)
        .await
        .expect("created");
    b.record_status(gen3, &cancelled, "action")
        .await
        .expect("cancelled");
    let after = a
        .record_intent(
            "s",
            "u",
            &request("gen-5", "11"),
            Some(guard(None)),
            &claim("a"),
        )
        .await
        .expect("after a cancel");
    assert!(matches!(after, IntentOutcome::New(_)), "{after:?}");
}

pub async fn a_new_intent_is_claimed_by_its_writer_and_no_other_desk_can_send_it(
    store: &dyn Store,
) {
    let (a, b) = (store.desk().await, store.desk().await);
    let (mine, theirs) = (claim("desk a"), claim("desk b"));
    let IntentOutcome::New(id) = a
        .record_intent("s", "u", &request("c-1", "10"), None, &mine)
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    match b.claim_send(id, &theirs).await.expect("claim") {
        Claimed::HeldBy { holder, until } => {
            assert!(holder.contains("desk a"), "{holder}");
            assert!(until > format_instant(b.now_instant()), "{until}");
        }
        other => panic!("another desk claimed a payout being sent: {other:?}"),
    }
    // The other desk cannot note a send of it either.
    let refused = b.record_sending(id, &theirs).await.expect_err("fenced");
    assert!(
        refused.to_string().contains("nothing is resent"),
        "{refused}"
    );
    // The holder renews its own claim and sends.
    assert!(matches!(
        a.claim_send(id, &mine).await.expect("renew"),
        Claimed::Claimed(_)
    ));
    a.record_sending(id, &mine).await.expect("sending");
    assert_eq!(a.get(id).expect("get").expect("record").attempts, 1);
    // Released, it is free for the next desk.
    a.release_send(id, &mine.token).await.expect("release");
    assert!(matches!(
        b.claim_send(id, &theirs).await.expect("claim"),
        Claimed::Claimed(_)
    ));
}

pub async fn a_claim_that_ran_out_is_taken_over_and_the_old_holder_is_fenced_out(
    store: &dyn Store,
) {
    let (a, b) = (store.desk().await, store.desk().await);
    let (dead, alive) = (claim("desk a"), claim("desk b"));
    let IntentOutcome::New(id) = a
        .record_intent("s", "u", &request("c-2", "10"), None, &dead)
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    // Desk a stops mid-send (killed, or asleep) and its lease runs out.
    store.clock().advance(dead.lease + Duration::from_secs(1));
    assert!(matches!(
        b.claim_send(id, &alive).await.expect("take over"),
        Claimed::Claimed(_)
    ));
    // Desk a wakes up: everything only a sender may write is refused to it.
    for refused in [
        a.record_sending(id, &dead).await.expect_err("sending"),
        a.record_declined(id, 300, "refused", Some(&dead.token))
            .await
            .expect_err("declined"),
        a.record_phase(id, Phase::NotSent, "never left", Some(&dead.token))
            .await
            .expect_err("not sent"),
    ] {
        assert!(refused.to_string().contains("took it over"), "{refused}");
    }
    let record = b.get(id).expect("get").expect("record");
    assert_eq!((record.phase, record.attempts), (Phase::Intent, 0));
    // What the provider says is written whoever sends: desk a's answer is a fact.
    let created = a
        .record_created(id, CashoutId(77), CashoutStatus::Pending)
        .await
        .expect("created");
    assert_eq!(
        (created.phase, created.cashout_id),
        (Phase::Created, Some(77))
    );
    let refused = b.record_sending(id, &alive).await.expect_err("settled");
    assert!(
        refused.to_string().contains("settled meanwhile"),
        "{refused}"
    );
}

pub async fn a_desk_without_the_claim_cannot_call_a_payout_not_sent(store: &dyn Store) {
    let (a, b) = (store.desk().await, store.desk().await);
    let sender = claim("desk a");
    let IntentOutcome::New(id) = a
        .record_intent("s", "u", &request("c-3", "10"), None, &sender)
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    // A lookup from another desk finds nothing while desk a's send is in flight.
    let moved = b
        .record_phase(id, Phase::SentNotFound, "not found", None)
        .await
        .expect("kept out quietly");
    assert!(!moved);
    let moved = b
        .record_phase(id, Phase::NotSent, "never left", None)
        .await
        .expect("phase");
    assert!(!moved);
    assert_eq!(
        b.get(id).expect("get").expect("record").phase,
        Phase::Intent
    );
    // The sender may.
    let moved = a
        .record_phase(
            id,
            Phase::NotSent,
            "connection refused",
            Some(&sender.token),
        )
        .await
        .expect("phase");
    assert!(moved);
    let h: Vec<String> = a
        .history(id)
        .expect("history")
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(h, ["intent", "not_delivered"]);
}

pub async fn a_settled_payout_cannot_be_claimed_or_resent(store: &dyn Store) {
    let j = store.desk().await;
    let id = new_intent(&j, "c-4").await;
    j.record_created(id, CashoutId(5), CashoutStatus::Pending)
        .await
        .expect("created");
    match j.claim_send(id, &claim("again")).await.expect("claim") {
        Claimed::Settled(record) => assert_eq!(record.cashout_id, Some(5)),
        other => panic!("{other:?}"),
    }
}

pub async fn reconcile_skips_a_payout_another_desk_is_sending_until_its_claim_runs_out(
    store: &dyn Store,
) {
    let (a, b) = (store.desk().await, store.desk().await);
    let sender = claim("desk a");
    let IntentOutcome::New(id) = a
        .record_intent("s", "u", &request("c-5", "10"), None, &sender)
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    let far_future = "9999";
    assert!(b
        .unresolved("s", far_future)
        .expect("unresolved")
        .is_empty());
    store.clock().advance(sender.lease + Duration::from_secs(1));
    let open = b.unresolved("s", far_future).expect("unresolved");
    assert_eq!(open.iter().map(|r| r.id).collect::<Vec<_>>(), [id]);
    assert_eq!(
        open[0].request.as_ref().map(|r| r.external_id.as_str()),
        Some("c-5")
    );
}

pub async fn a_status_poll_is_claimed_by_one_desk_per_round(store: &dyn Store) {
    let (a, b) = (store.desk().await, store.desk().await);
    let id = new_intent(&a, "poll-1").await;
    a.record_created(id, CashoutId(61), CashoutStatus::Pending)
        .await
        .expect("created");
    let round = format_instant(a.now_instant() + Duration::from_secs(30));
    assert!(
        a.claim_poll(id, &round).await.expect("claim"),
        "the first desk polls"
    );
    assert!(
        !b.claim_poll(id, &round).await.expect("claim"),
        "the other desk skips this round"
    );
    assert!(
        !a.claim_poll(id, &round).await.expect("claim"),
        "one poll per round, even for the same desk"
    );
    store.clock().advance(Duration::from_secs(31));
    let next = format_instant(b.now_instant() + Duration::from_secs(30));
    assert!(
        b.claim_poll(id, &next).await.expect("claim"),
        "next round, whoever comes first"
    );
}

pub async fn desks_on_one_journal_share_one_rate_cap_per_scope(store: &dyn Store) {
    let (a, b) = (store.desk().await, store.desk().await);
    let ms = Duration::from_millis;
    let spacing = ms(200);
    assert_eq!(
        a.take_request_slot("sandbox", spacing).await.expect("slot"),
        Duration::ZERO
    );
    assert_eq!(
        b.take_request_slot("sandbox", spacing).await.expect("slot"),
        spacing,
        "another desk waits the spacing out"
    );
    assert_eq!(
        a.take_request_slot("sandbox", spacing).await.expect("slot"),
        spacing,
        "and so does the desk that sent"
    );
    assert_eq!(
        b.take_request_slot("production", spacing)
            .await
            .expect("slot"),
        Duration::ZERO,
        "another environment has a cap of its own"
    );
    store.clock().advance(ms(150));
    assert_eq!(
        b.take_request_slot("sandbox", spacing).await.expect("slot"),
        ms(50)
    );
    store.clock().advance(ms(50));
    assert_eq!(
        b.take_request_slot("sandbox", spacing).await.expect("slot"),
        Duration::ZERO,
        "the slot is free once the spacing has passed, for whoever asks first"
    );
    assert_eq!(
        a.take_request_slot("sandbox", spacing).await.expect("slot"),
        spacing
    );
    store.clock().advance(Duration::from_secs(5));
    assert_eq!(
        a.take_request_slot("sandbox", spacing).await.expect("slot"),
        Duration::ZERO,
        "slots that went by unused do not pile up into a burst"
    );
    assert_eq!(
        b.take_request_slot("sandbox", spacing).await.expect("slot"),
        spacing
    );
    // A spacing asked beyond the bound counts as the bound (2 s), not an hour.
    store.clock().advance(spacing);
    assert_eq!(
        a.take_request_slot("sandbox", Duration::from_secs(3600))
            .await
            .expect("slot"),
        Duration::ZERO
    );
    assert_eq!(
        b.take_request_slot("sandbox", spacing).await.expect("slot"),
        cashout_core::journal::store::MAX_SPACING
    );
}

pub async fn a_claim_answers_the_record_as_another_desk_left_it(store: &dyn Store) {
    let (a, b) = (store.desk().await, store.desk().await);
    // Desk A reads a create that never left …
    let IntentOutcome::New(id) = a
        .record_intent("s", "u", &request("race-1", "10"), None, &claim("gone"))
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    store
        .clock()
        .advance(super::me().lease + Duration::from_secs(1));
    // … meanwhile desk B claims it, sends it again, and loses the answer.
    let theirs = claim("desk b");
    assert!(matches!(
        b.claim_send(id, &theirs).await.expect("claim"),
        Claimed::Claimed(_)
    ));
    b.record_sending(id, &theirs).await.expect("sending");
    b.record_phase(id, Phase::Unknown, "timed out", Some(&theirs.token))
        .await
        .expect("unknown");
    b.release_send(id, &theirs.token).await.expect("release");
    // Desk A's claim says where it stands now: sent, maybe landed — to be looked up first.
    match a.claim_send(id, &claim("desk a")).await.expect("claim") {
        Claimed::Claimed(now) => {
            assert_eq!((now.phase, now.attempts), (Phase::Unknown, 1));
            assert!(now.phase.may_exist());
        }
        other => panic!("{other:?}"),
    }
}

pub async fn a_payout_another_desk_is_sending_cannot_be_abandoned(store: &dyn Store) {
    let (a, b) = (store.desk().await, store.desk().await);
    let IntentOutcome::New(id) = a
        .record_intent("s", "u", &request("ab-2", "10"), None, &claim("desk a"))
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    let event = AuditEvent::new("s", AuditAction::Abandon, "ok").about(None, Some("ab-2"));
    let refused = b
        .record_abandoned(id, "giving up", event.clone())
        .await
        .expect_err("being sent");
    assert!(refused.to_string().contains("being sent"), "{refused}");
    assert_eq!(
        b.get(id).expect("get").expect("record").phase,
        Phase::Intent
    );
    assert!(
        b.audit_log(&AuditFilter::default())
            .expect("log")
            .is_empty(),
        "nothing audited"
    );
    store
        .clock()
        .advance(super::me().lease + Duration::from_secs(1));
    let done = b
        .record_abandoned(id, "giving up", event)
        .await
        .expect("abandon");
    assert_eq!(done.map(|r| r.phase), Some(Phase::Abandoned));
}

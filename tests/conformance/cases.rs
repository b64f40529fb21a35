//! The cases every journal store must pass (see [`super`]). Cases with two desks open two
//! journals on one store: two processes sharing the file, or two desks sharing the database.

use std::time::Duration;

use cashout_core::api::types::{CashoutId, CashoutRef, Exchange, StatusAnswer};
use cashout_core::audit::{AuditAction, AuditEvent, AuditFilter};
use cashout_core::clock::format_instant;
use cashout_core::journal::{IntentOutcome, ListFilter, Phase, Watched};
use cashout_core::status::CashoutStatus;

use super::{me, request, Store};

pub use super::batches::*;
pub use super::beneficiaries::*;
pub use super::claims::*;
pub use super::lists::*;
pub use super::overview::*;

pub(super) fn status_answer(code: u8) -> StatusAnswer {
    serde_json::from_value(serde_json::json!({ "cashout_status": code })).expect("answer")
}

pub(super) async fn new_intent(j: &cashout_core::journal::Journal, x: &str) -> i64 {
    match j
        .record_intent("s", "http://127.0.0.1:1", &request(x, "10"), None, me())
        .await
        .expect("intent")
    {
        IntentOutcome::New(id) => id,
        other => panic!("new intent expected: {other:?}"),
    }
}

pub async fn same_external_id_with_other_contents_is_a_conflict(store: &dyn Store) {
    let j = store.desk().await;
    j.record_intent("sandbox", "u", &request("x1", "10"), None, me())
        .await
        .expect("first");
    assert!(matches!(
        j.record_intent("sandbox", "u", &request("x1", "10"), None, me())
            .await,
        Ok(IntentOutcome::Same(_))
    ));
    assert!(matches!(
        j.record_intent("sandbox", "u", &request("x1", "11"), None, me())
            .await,
        Ok(IntentOutcome::Conflict(_))
    ));
}

pub async fn same_external_id_in_two_scopes_is_two_payouts(store: &dyn Store) {
    let j = store.desk().await;
    assert!(matches!(
        j.record_intent("sandbox", "u", &request("x1", "10"), None, me())
            .await,
        Ok(IntentOutcome::New(_))
    ));
    assert!(matches!(
        j.record_intent("d24-staging", "v", &request("x1", "10"), None, me())
            .await,
        Ok(IntentOutcome::New(_))
    ));
    assert!(j
        .find("d24-production", None, Some("x1"))
        .expect("find")
        .is_none());
}

pub async fn history_records_each_step_and_only_status_changes(store: &dyn Store) {
    let j = store.desk().await;
    let IntentOutcome::New(id) = j
        .record_intent("sandbox", "u", &request("x1", "10"), None, me())
        .await
        .expect("intent")
    else {
        panic!("new intent expected")
    };
    j.record_sending(id, me()).await.expect("sending");
    j.record_created(id, CashoutId(42), CashoutStatus::Pending)
        .await
        .expect("created");
    let pending = StatusAnswer {
        external_id: None,
        cashout_status: 0,
        cashout_status_description: None,
        rejection_code: None,
        rejection_reason: None,
        provider_external_reference: None,
        bank_reference_id: None,
        bank: None,
        cashout_id: None,
    };
    j.record_status(id, &pending, "status")
        .await
        .expect("same status");
    let rejected = StatusAnswer {
        external_id: None,
        cashout_status: 3,
        rejection_code: Some(814),
        rejection_reason: Some("INVALID_PIX_KEY".into()),
        ..pending.clone()
    };
    j.record_status(id, &rejected, "status")
        .await
        .expect("rejected");
    let h = j.history(id).expect("history");
    let events: Vec<_> = h.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(events, ["intent", "sent", "created", "status"]);
    assert_eq!(h[3].status, Some(CashoutStatus::Rejected));
    let r = j
        .find("sandbox", Some(CashoutId(42)), None)
        .expect("find")
        .expect("exists");
    assert_eq!(r.rejection_code, Some(814));
    assert_eq!(r.phase, Phase::Created);
}

pub async fn list_filters_by_status_country_and_text_newest_first(store: &dyn Store) {
    let j = store.desk().await;
    for i in 0..5 {
        let IntentOutcome::New(id) = j
            .record_intent(
                "sandbox",
                "u",
                &request(&format!("ext-{i}"), "10"),
                None,
                me(),
            )
            .await
            .expect("intent")
        else {
            panic!("new")
        };
        j.record_created(
            id,
            CashoutId(100 + i),
            if i % 2 == 0 {
                CashoutStatus::Pending
            } else {
                CashoutStatus::OnHold
            },
        )
        .await
        .expect("created");
    }
    let all = j
        .list(&ListFilter {
            scope: Some("sandbox".into()),
            ..ListFilter::default()
        })
        .expect("list");
    assert_eq!(all.len(), 5);
    assert_eq!(all[0].external_id.as_deref(), Some("ext-4"));
    let held = j
        .list(&ListFilter {
            status: Some(CashoutStatus::OnHold),
            ..ListFilter::default()
        })
        .expect("list");
    assert_eq!(held.len(), 2);
    let text = j
        .list(&ListFilter {
            text: Some("ext-3".into()),
            ..ListFilter::default()
        })
        .expect("list");
    assert_eq!(text.len(), 1);
    let none = j
        .list(&ListFilter {
            country: Some("mx".into()),
            ..ListFilter::default()
        })
        .expect("list");
    assert!(none.is_empty());
    let wildcard = j
        .list(&ListFilter {
            text: Some("%".into()),
            ..ListFilter::default()
        })
        .expect("list");
    assert!(
        wildcard.is_empty(),
        "LIKE wildcards in the search text are literal"
    );
}

pub async fn a_stale_not_found_never_turns_a_created_payout_back(store: &dyn Store) {
    let j = store.desk().await;
    let IntentOutcome::New(id) = j
        .record_intent("sandbox", "u", &request("x1", "10"), None, me())
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    j.record_created(id, CashoutId(7), CashoutStatus::Pending)
        .await
        .expect("created");
    let changed = j
        .record_phase(
            id,
            Phase::NotSent,
            "stale lookup",
            Some(me().token.as_str()),
        )
        .await
        .expect("phase");
    assert!(!changed);
    assert_eq!(j.get(id).expect("get").expect("rec").phase, Phase::Created);
}

pub async fn two_records_of_one_payout_are_merged_when_both_ids_are_confirmed(store: &dyn Store) {
    let j = store.desk().await;
    let IntentOutcome::New(by_ext) = j
        .record_intent("sandbox", "u", &request("x1", "10"), None, me())
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    // Its answer was lost, and a lookup by external_id found it (without its id).
    j.record_status(by_ext, &status_answer(0), "found")
        .await
        .expect("found");
    let by_id = j
        .record_lookup("sandbox", "u", Some(CashoutId(9)), None)
        .await
        .expect("lookup");
    assert_ne!(by_ext, by_id);
    let merged = j
        .record_lookup("sandbox", "u", Some(CashoutId(9)), Some("x1"))
        .await
        .expect("link");
    assert_eq!(merged, by_ext);
    assert!(j.get(by_id).expect("get").is_none());
    let r = j.get(by_ext).expect("get").expect("rec");
    assert_eq!(
        (r.cashout_id, r.external_id.as_deref()),
        (Some(9), Some("x1"))
    );
    let other = j
        .record_lookup("sandbox", "u", Some(CashoutId(10)), None)
        .await
        .expect("other");
    let e = j
        .record_lookup("sandbox", "u", Some(CashoutId(10)), Some("x1"))
        .await
        .expect_err("two payouts");
    assert_eq!(e.field(), Some("external_id"));
    assert!(j.get(other).expect("get").is_some());
}

pub async fn a_create_never_found_is_not_joined_to_a_cashout_an_operator_names(store: &dyn Store) {
    let j = store.desk().await;
    let IntentOutcome::New(open) = j
        .record_intent("sandbox", "u", &request("x2", "10"), None, me())
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    let joined = j
        .record_lookup("sandbox", "u", Some(CashoutId(11)), Some("x2"))
        .await
        .expect("kept apart");
    assert_ne!(joined, open);
    let r = j.get(open).expect("get").expect("rec");
    assert_eq!((r.cashout_id, r.phase), (None, Phase::Intent));
}

pub async fn a_poll_answer_older_than_the_recorded_one_is_dropped(store: &dyn Store) {
    let j = store.desk().await;
    let IntentOutcome::New(id) = j
        .record_intent(
            "s",
            "http://127.0.0.1:1",
            &request("late-poll", "10"),
            None,
            me(),
        )
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    j.record_created(id, CashoutId(5), CashoutStatus::Pending)
        .await
        .expect("created");
    // The operator cancels while a poll sent before that is still in flight.
    j.record_status(id, &status_answer(2), "action")
        .await
        .expect("cancelled");
    let sent_before = "2000-01-01T00:00:00.000Z".to_owned();
    let outcome = j
        .record_watched(
            id,
            &CashoutRef::Id(CashoutId(5)),
            &status_answer(0),
            sent_before,
        )
        .await
        .expect("watched");
    assert_eq!(outcome, Watched::Stale);
    let record = j.get(id).expect("get").expect("record");
    assert_eq!(
        record.status,
        Some(CashoutStatus::Cancelled),
        "the cancel stands"
    );
    // An answer to a poll sent now is recorded.
    let now = format_instant(j.now_instant() + std::time::Duration::from_secs(1));
    let outcome = j
        .record_watched(id, &CashoutRef::Id(CashoutId(5)), &status_answer(2), now)
        .await
        .expect("watched");
    assert_eq!(outcome, Watched::Recorded);
}

pub async fn a_poll_answer_for_a_row_that_now_names_another_payout_is_dropped(store: &dyn Store) {
    let j = store.desk().await;
    let IntentOutcome::New(id) = j
        .record_intent(
            "s",
            "http://127.0.0.1:1",
            &request("other", "10"),
            None,
            me(),
        )
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    j.record_created(id, CashoutId(6), CashoutStatus::Pending)
        .await
        .expect("created");
    let later = format_instant(j.now_instant() + std::time::Duration::from_secs(1));
    let polled_another = CashoutRef::Id(CashoutId(999));
    let outcome = j
        .record_watched(id, &polled_another, &status_answer(2), later.clone())
        .await
        .expect("watched");
    assert_eq!(outcome, Watched::Gone);
    assert_eq!(
        j.get(id).expect("get").expect("record").status,
        Some(CashoutStatus::Pending)
    );
    let outcome = j
        .record_watched(999, &polled_another, &status_answer(2), later)
        .await
        .expect("watched");
    assert_eq!(outcome, Watched::Gone, "no such row");
}

pub async fn text_search_is_literal_any_case_and_finds_the_cashout_id(store: &dyn Store) {
    let j = store.desk().await;
    for (x, name) in [
        ("inv-2026-0001", "Ana Souza"),
        ("inv-2026-0002", "João Pereira"),
        ("ref\"q_%", "Zé"),
    ] {
        let mut r = request(x, "10");
        r.beneficiary_name = name.into();
        let IntentOutcome::New(id) = j
            .record_intent("s", "http://127.0.0.1:1", &r, None, me())
            .await
            .expect("intent")
        else {
            panic!("new")
        };
        store.clock().advance(Duration::from_secs(1));
        j.record_created(id, CashoutId(8_400_000 + id), CashoutStatus::Pending)
            .await
            .expect("created");
    }
    let ids = |text: &str| -> Vec<String> {
        j.list(&ListFilter {
            scope: Some("s".into()),
            text: Some(text.into()),
            ..ListFilter::default()
        })
        .expect("list")
        .into_iter()
        .filter_map(|r| r.external_id)
        .collect()
    };
    assert_eq!(ids("2026-000"), ["inv-2026-0002", "inv-2026-0001"]);
    assert_eq!(ids("SOUZA"), ["inv-2026-0001"], "any case");
    assert_eq!(ids("ão Pe"), ["inv-2026-0002"], "accented substring");
    let second = j
        .find("s", None, Some("inv-2026-0002"))
        .expect("find")
        .expect("there");
    let cashout = second.cashout_id.expect("id").to_string();
    assert_eq!(ids(&cashout), ["inv-2026-0002"], "the cashout id");
    assert_eq!(ids("Zé"), ["ref\"q_%"], "two characters");
    assert_eq!(ids("f\"q_%"), ["ref\"q_%"], "quotes and wildcards are text");
    assert!(ids("inv_2026").is_empty(), "_ is not a wildcard");
    assert!(ids("nothing-like-it").is_empty());
    let page = j
        .list(&ListFilter {
            scope: Some("s".into()),
            limit: 1,
            offset: 1,
            ..ListFilter::default()
        })
        .expect("page");
    assert_eq!(page.len(), 1);
    assert_eq!(
        page[0].external_id.as_deref(),
        Some("inv-2026-0002"),
        "newest first, paged"
    );
}

pub async fn a_status_about_another_cashout_is_refused_and_nothing_is_written(store: &dyn Store) {
    let j = store.desk().await;
    let id = new_intent(&j, "st-1").await;
    j.record_created(id, CashoutId(40), CashoutStatus::Pending)
        .await
        .expect("created");
    let before = j.history(id).expect("history").len();
    let mut other = status_answer(1);
    other.cashout_id = Some(CashoutId(41));
    let e = j
        .record_status(id, &other, "status")
        .await
        .expect_err("refused");
    assert_eq!(e.code(), "provider_fault");
    let mut other_ext = status_answer(1);
    other_ext.external_id = Some("someone-else".into());
    j.record_status(id, &other_ext, "status")
        .await
        .expect_err("refused");
    let record = j.get(id).expect("get").expect("record");
    assert_eq!(record.status, Some(CashoutStatus::Pending));
    assert_eq!(j.history(id).expect("history").len(), before);
    // An unknown status number is recorded as UNKNOWN with its number, never "no change".
    let odd = j
        .record_status(id, &status_answer(9), "status")
        .await
        .expect("odd");
    assert_eq!(odd, Some(CashoutStatus::Unknown));
    let record = j.get(id).expect("get").expect("record");
    assert_eq!(
        (record.status, record.status_code),
        (Some(CashoutStatus::Unknown), Some(9))
    );
    // A rejection after COMPLETED is a late rejection in the history.
    j.record_status(id, &status_answer(1), "status")
        .await
        .expect("completed");
    let mut late = status_answer(3);
    late.rejection_code = Some(802);
    late.rejection_reason = Some("ACCOUNT_CLOSED".into());
    j.record_status(id, &late, "watch").await.expect("late");
    let last = j.history(id).expect("history").pop().expect("line");
    assert!(last
        .detail
        .expect("detail")
        .starts_with("late rejection after COMPLETED, 802"));
}

pub async fn a_status_for_a_declined_create_marks_the_cashout_as_someone_elses(store: &dyn Store) {
    let j = store.desk().await;
    let id = new_intent(&j, "st-2").await;
    j.record_declined(id, 300, "bad document", Some(&me().token))
        .await
        .expect("declined");
    let mut found = status_answer(0);
    found.external_id = Some("st-2".into());
    found.cashout_id = Some(CashoutId(90));
    let seen = j
        .record_status(id, &found, "found")
        .await
        .expect("recorded");
    assert_eq!(seen, Some(CashoutStatus::Declined));
    let record = j.get(id).expect("get").expect("record");
    assert_eq!(
        (record.phase, record.api_code, record.cashout_id),
        (Phase::Declined, Some(511), None)
    );
    assert!(record.last_error.expect("why").contains("did not create"));
    assert_eq!(
        j.history(id).expect("history").pop().expect("line").event,
        "foreign"
    );
}

pub async fn abandoning_writes_the_audit_entry_with_it_and_only_once(store: &dyn Store) {
    let j = store.desk().await;
    let id = new_intent(&j, "ab-1").await;
    // The desk that wrote it has finished sending (an open create, its outcome unknown).
    j.release_send(id, &me().token).await.expect("release");
    let event = AuditEvent::new("s", AuditAction::Abandon, "ok").about(None, Some("ab-1"));
    let record = j
        .record_abandoned(id, "operator gave up", event.clone())
        .await
        .expect("abandon")
        .expect("was open");
    assert_eq!(record.phase, Phase::Abandoned);
    let again = j
        .record_abandoned(id, "twice", event)
        .await
        .expect("abandon");
    assert!(again.is_none(), "not open any more");
    let log = j.audit_log(&AuditFilter::default()).expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].external_id.as_deref(), Some("ab-1"));
    // A resend reopens it as an intent before it is sent.
    j.claim_send(id, me()).await.expect("claim");
    j.record_sending(id, me()).await.expect("sending");
    assert_eq!(
        j.get(id).expect("get").expect("record").phase,
        Phase::Intent
    );
}

pub async fn a_snapshot_holds_every_match_with_its_history(store: &dyn Store) {
    let j = store.desk().await;
    for i in 0..1_005 {
        let id = new_intent(&j, &format!("snap-{i:04}")).await;
        if i % 2 == 0 {
            j.record_created(id, CashoutId(10_000 + id), CashoutStatus::Pending)
                .await
                .expect("created");
        }
    }
    let all = j
        .snapshot(
            &ListFilter {
                scope: Some("s".into()),
                ..ListFilter::default()
            },
            true,
        )
        .expect("snapshot");
    assert_eq!(all.len(), 1_005, "past one page");
    let created = all
        .iter()
        .filter(|(r, _)| r.phase == Phase::Created)
        .count();
    assert_eq!(created, 503);
    for (record, history) in &all {
        let want = if record.phase == Phase::Created { 2 } else { 1 };
        assert_eq!(history.len(), want, "{}", record.id);
        assert!(record.request.is_none(), "summaries only");
    }
    let bare = j
        .snapshot(
            &ListFilter {
                status: Some(CashoutStatus::Pending),
                ..ListFilter::default()
            },
            false,
        )
        .expect("snapshot");
    assert_eq!(bare.len(), 503);
    assert!(bare.iter().all(|(_, h)| h.is_empty()));
}

pub async fn exchanges_are_kept_and_explained(store: &dyn Store) {
    let j = store.desk().await;
    let id = new_intent(&j, "ex-1").await;
    let refused = Exchange {
        method: "POST".into(),
        path: "/v3/cashout".into(),
        body: "{\"pass\":\"********\"}".into(),
        signature: "ab".repeat(32),
        http_status: Some(400),
        answer: Some("{\"code\":302,\"message\":\"Invalid signature\"}".into()),
        outcome: "refused".into(),
    };
    let ok = Exchange {
        http_status: Some(200),
        answer: Some("{\"cashout_id\":1}".into()),
        outcome: "ok".into(),
        ..refused.clone()
    };
    j.record_exchange_detached(id, refused.clone());
    j.record_exchange_detached(id, ok.clone());
    // Detached: visible once the store has it, which may be a moment later.
    let mut kept = Vec::new();
    for _ in 0..100 {
        kept = j.exchanges(id).expect("exchanges");
        if kept.len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(
        kept.iter().map(|e| e.exchange.clone()).collect::<Vec<_>>(),
        [refused, ok]
    );
    assert_eq!(kept[0].explanation.as_ref().map(|c| c.code), Some(302));
    assert!(kept[1].explanation.is_none());
}

pub async fn the_audit_chain_verifies_and_filters(store: &dyn Store) {
    let (a, b) = (store.desk().await, store.desk().await);
    for (desk, env, i) in [
        (&a, "sandbox", 0),
        (&b, "sandbox", 1),
        (&a, "d24-staging", 2),
    ] {
        desk.append_audit(
            AuditEvent::new(env, AuditAction::Export, "ok").detail(format!("export {i} 100%_done")),
        )
        .await
        .expect("append");
    }
    let verdict = b.verify_audit().expect("verify");
    assert!(verdict.intact, "{verdict:?}");
    assert_eq!(verdict.entries, 3);
    let sandbox = a
        .audit_log(&AuditFilter {
            environment: Some("sandbox".into()),
            ..AuditFilter::default()
        })
        .expect("log");
    assert_eq!(
        sandbox.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [2, 1],
        "newest first"
    );
    let literal = a
        .audit_log(&AuditFilter {
            text: Some("0%_d".into()),
            ..AuditFilter::default()
        })
        .expect("log");
    assert_eq!(literal.len(), 3);
    let none = a
        .audit_log(&AuditFilter {
            text: Some("1_0".into()),
            ..AuditFilter::default()
        })
        .expect("log");
    assert!(none.is_empty(), "_ is literal");
    let recorded = a.verify_audit_recorded("sandbox").await.expect("recorded");
    assert!(recorded.intact);
    assert_eq!(a.verify_audit().expect("verify").entries, 4);
}

pub async fn a_payout_imported_from_another_journal_keeps_its_history_and_is_never_doubled(
    store: &dyn Store,
) {
    use cashout_core::journal::copy::copy_payouts;
    // A desk's own journal, kept alone before it joined: a payout created, an open create, and
    // one the target knows too.
    let dir = tempfile::tempdir().expect("tempdir");
    let source = cashout_core::journal::Journal::open(
        &dir.path().join("alone.sqlite3"),
        store.clock().clone(),
    )
    .expect("source");
    let done = new_intent(&source, "alone-done").await;
    source
        .record_created(done, CashoutId(701), CashoutStatus::Pending)
        .await
        .expect("created");
    let open = new_intent(&source, "alone-open").await;
    source
        .record_phase(open, Phase::Unknown, "timed out", Some(&me().token))
        .await
        .expect("unknown");
    source
        .release_send(open, &me().token)
        .await
        .expect("release");
    let both = new_intent(&source, "both-know").await;
    source
        .record_created(both, CashoutId(703), CashoutStatus::Pending)
        .await
        .expect("created");
    let target = store.desk().await;
    let here = new_intent(&target, "both-know").await;
    let report = copy_payouts(&source, &target, "s").await.expect("copy");
    assert_eq!(
        (
            report.payouts,
            report.added,
            report.already_here,
            report.differing
        ),
        (3, 2, 1, 1),
        "{report:?}"
    );
    // Added with its history and its request (the duplicate guard and pay again need it).
    let copied = target
        .find("s", None, Some("alone-done"))
        .expect("find")
        .expect("copied");
    assert_eq!(
        (copied.phase, copied.cashout_id),
        (Phase::Created, Some(701))
    );
    assert_eq!(
        copied.request.as_ref().map(|r| r.external_id.as_str()),
        Some("alone-done")
    );
    let events: Vec<String> = target
        .history(copied.id)
        .expect("history")
        .into_iter()
        .map(|h| h.event)
        .collect();
    assert_eq!(events, ["intent", "created", "imported"]);
    // The open create stays open, for the team's reconcile to look up.
    let open_here = target
        .find("s", None, Some("alone-open"))
        .expect("find")
        .expect("copied");
    assert_eq!(open_here.phase, Phase::Unknown);
    assert!(target
        .unresolved("s", "9999")
        .expect("open")
        .iter()
        .any(|r| r.id == open_here.id));
    // Known to both: kept as the target has it, with a note.
    let kept = target.get(here).expect("get").expect("kept");
    assert_eq!((kept.phase, kept.cashout_id), (Phase::Intent, None));
    let note = target.history(here).expect("history").pop().expect("note");
    assert_eq!(note.event, "imported");
    assert!(note.detail.expect("detail").contains("cashout 703"));
    // Audited in both; a second run adds nothing.
    for j in [&source, &target] {
        let moved = j
            .audit_log(&AuditFilter {
                action: Some(cashout_core::audit::AuditAction::JournalMoved),
                ..AuditFilter::default()
            })
            .expect("log");
        assert_eq!(moved.len(), 1);
        assert!(
            moved[0].detail.as_deref().unwrap_or("").contains("2 added"),
            "{moved:?}"
        );
    }
    let again = copy_payouts(&source, &target, "s").await.expect("again");
    assert_eq!((again.added, again.already_here), (0, 3));
}

use std::sync::Arc;

use super::*;
use crate::clock::SystemClock;

fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().expect("tempdir");
    let j = Journal::open(&dir.path().join("j.sqlite3"), Arc::new(SystemClock)).expect("open");
    (dir, j)
}

fn request(external_id: &str, amount: &str) -> CreateCashout {
    CreateCashout {
        external_id: external_id.into(),
        country: "BR".into(),
        amount: Some(amount.parse().expect("amount")),
        document_id: "39053344705".into(),
        beneficiary_name: "Ana".into(),
        notification_url: "https://merchant.example/cb".into(),
        ..CreateCashout::default()
    }
}

#[tokio::test]
async fn intent_survives_reopening_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("j.sqlite3");
    {
        let j = Journal::open(&path, Arc::new(SystemClock)).expect("open");
        assert!(matches!(
            j.record_intent("sandbox", "http://127.0.0.1:1", &request("x1", "10"), None)
                .await,
            Ok(IntentOutcome::New(_))
        ));
    }
    let j = Journal::open(&path, Arc::new(SystemClock)).expect("reopen");
    let open = j.unresolved("sandbox", "9999").expect("unresolved");
    assert_eq!(open.len(), 1);
    assert_eq!(
        open[0].request.as_ref().map(|r| r.external_id.as_str()),
        Some("x1")
    );
    assert_eq!(open[0].phase, Phase::Intent);
}

#[tokio::test]
async fn same_external_id_with_other_contents_is_a_conflict() {
    let (_d, j) = journal();
    j.record_intent("sandbox", "u", &request("x1", "10"), None)
        .await
        .expect("first");
    assert!(matches!(
        j.record_intent("sandbox", "u", &request("x1", "10"), None)
            .await,
        Ok(IntentOutcome::Same(_))
    ));
    assert!(matches!(
        j.record_intent("sandbox", "u", &request("x1", "11"), None)
            .await,
        Ok(IntentOutcome::Conflict(_))
    ));
}

#[tokio::test]
async fn same_external_id_in_two_scopes_is_two_payouts() {
    let (_d, j) = journal();
    assert!(matches!(
        j.record_intent("sandbox", "u", &request("x1", "10"), None)
            .await,
        Ok(IntentOutcome::New(_))
    ));
    assert!(matches!(
        j.record_intent("d24-staging", "v", &request("x1", "10"), None)
            .await,
        Ok(IntentOutcome::New(_))
    ));
    assert!(j
        .find("d24-production", None, Some("x1"))
        .expect("find")
        .is_none());
}

#[tokio::test]
async fn history_records_each_step_and_only_status_changes() {
    let (_d, j) = journal();
    let IntentOutcome::New(id) = j
        .record_intent("sandbox", "u", &request("x1", "10"), None)
        .await
        .expect("intent")
    else {
        panic!("new intent expected")
    };
    j.record_sending(id).await.expect("sending");
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

#[tokio::test]
async fn list_filters_by_status_country_and_text_newest_first() {
    let (_d, j) = journal();
    for i in 0..5 {
        let IntentOutcome::New(id) = j
            .record_intent("sandbox", "u", &request(&format!("ext-{i}"), "10"), None)
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

#[tokio::test]
async fn stored_request_has_no_credentials() {
    let (d, j) = journal();
    j.record_intent("sandbox", "u", &request("x1", "10"), None)
        .await
        .expect("intent");
    drop(j);
    let bytes = std::fs::read(d.path().join("j.sqlite3")).expect("read");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("\"login\"") && !text.contains("\"pass\""));
}

#[tokio::test]
async fn a_stale_not_found_never_turns_a_created_payout_back() {
    let (_d, j) = journal();
    let IntentOutcome::New(id) = j
        .record_intent("sandbox", "u", &request("x1", "10"), None)
        .await
        .expect("intent")
    else {
        panic!("new")
    };
    j.record_created(id, CashoutId(7), CashoutStatus::Pending)
        .await
        .expect("created");
    let changed = j
        .record_phase(id, Phase::NotSent, "stale lookup")
        .await
        .expect("phase");
    assert!(!changed);
    assert_eq!(j.get(id).expect("get").expect("rec").phase, Phase::Created);
}

#[tokio::test]
async fn two_records_of_one_payout_are_merged_when_both_ids_are_confirmed() {
    let (_d, j) = journal();
    let IntentOutcome::New(by_ext) = j
        .record_intent("sandbox", "u", &request("x1", "10"), None)
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

#[tokio::test]
async fn a_create_never_found_is_not_joined_to_a_cashout_an_operator_names() {
    let (_d, j) = journal();
    let IntentOutcome::New(open) = j
        .record_intent("sandbox", "u", &request("x2", "10"), None)
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

#[tokio::test]
async fn text_search_finds_substrings_in_any_case_ids_and_short_terms() {
    let (_d, j) = journal();
    for (x, name) in [
        ("inv-2026-0001", "Ana Souza"),
        ("inv-2026-0002", "João Pereira"),
        ("ref\"q", "Zé"),
    ] {
        let mut r = request(x, "10");
        r.beneficiary_name = name.into();
        let IntentOutcome::New(id) = j
            .record_intent("s", "http://127.0.0.1:1", &r, None)
            .await
            .expect("intent")
        else {
            panic!("new")
        };
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
    let check = |when: &str| {
        assert_eq!(
            ids("2026-000"),
            ["inv-2026-0002", "inv-2026-0001"],
            "{when}"
        );
        assert_eq!(ids("SOUZA"), ["inv-2026-0001"], "any case, {when}");
        assert_eq!(
            ids("ão Pe"),
            ["inv-2026-0002"],
            "accented substring, {when}"
        );
        assert_eq!(ids("8400002"), ["inv-2026-0002"], "the cashout id, {when}");
        assert_eq!(
            ids("Zé"),
            ["ref\"q"],
            "two characters fall back to a scan, {when}"
        );
        assert_eq!(
            ids("f\"q"),
            ["ref\"q"],
            "quotes are text, not query syntax, {when}"
        );
        assert!(ids("nothing-like-it").is_empty(), "{when}");
    };
    // At once, from the queue the writer has not indexed yet …
    check("queued");
    // … and after the writer's idle moment moved them into the trigram index.
    let queued = || -> i64 {
        let c = rusqlite::Connection::open(j.path()).expect("open");
        c.query_row(
            "SELECT count(*) FROM payouts WHERE id > (SELECT indexed_through FROM search_state)",
            [],
            |r| r.get(0),
        )
        .expect("count")
    };
    for _ in 0..100 {
        if queued() == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(queued(), 0, "the idle writer indexed the queue");
    check("indexed");
}

#[tokio::test]
async fn a_lookup_that_learns_an_external_id_is_found_by_it() {
    let (_d, j) = journal();
    let count = |sql: &str| -> i64 {
        let c = rusqlite::Connection::open(j.path()).expect("open");
        c.query_row(sql, [], |r| r.get(0)).expect("count")
    };
    let unindexed =
        "SELECT count(*) FROM payouts WHERE id > (SELECT indexed_through FROM search_state)";
    let queued = "SELECT count(*) FROM search_pending";
    let settle = |sql: &str| {
        (0..100).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            count(sql) == 0
        })
    };
    j.record_lookup("s", "http://127.0.0.1:1", Some(CashoutId(77)), None)
        .await
        .expect("by id");
    assert!(settle(unindexed), "the writer indexed the new payout");
    // Indexed without an external_id; then it learns one.
    j.record_lookup(
        "s",
        "http://127.0.0.1:1",
        Some(CashoutId(77)),
        Some("made-elsewhere-1"),
    )
    .await
    .expect("linked");
    let found = || {
        j.list(&ListFilter {
            scope: Some("s".into()),
            text: Some("elsewhere".into()),
            ..ListFilter::default()
        })
        .expect("list")
    };
    assert_eq!(found().len(), 1, "found through the queue of changed rows");
    assert!(settle(queued), "the writer re-indexed the changed row");
    assert_eq!(found().len(), 1, "found through the index");
    assert_eq!(found()[0].cashout_id, Some(77));
}

#[tokio::test]
async fn a_waiting_exchange_is_readable_at_once_and_written_when_the_journal_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("j.sqlite3");
    let exchange = Exchange {
        method: "POST".into(),
        path: "/v3/cashout".into(),
        body: "{\"pass\":\"********\"}".into(),
        signature: "ab".repeat(32),
        http_status: Some(200),
        answer: Some("{\"cashout_id\":1}".into()),
        outcome: "ok".into(),
    };
    let id = {
        let j = Journal::open(&path, Arc::new(SystemClock)).expect("open");
        let IntentOutcome::New(id) = j
            .record_intent("s", "http://127.0.0.1:1", &request("x-ex", "10"), None)
            .await
            .expect("intent")
        else {
            panic!("new")
        };
        j.record_exchange_detached(id, exchange.clone());
        let seen = j.exchanges(id).expect("read");
        assert_eq!(seen.len(), 1, "readable before it is written");
        id
    };
    let j = Journal::open(&path, Arc::new(SystemClock)).expect("reopen");
    let kept = j.exchanges(id).expect("read");
    assert_eq!(kept.len(), 1, "written when the first journal closed");
    assert_eq!(kept[0].exchange, exchange);
}

fn status_answer(code: u8) -> StatusAnswer {
    serde_json::from_value(serde_json::json!({ "cashout_status": code })).expect("answer")
}

#[tokio::test]
async fn a_poll_answer_older_than_the_recorded_one_is_dropped() {
    let (_d, j) = journal();
    let IntentOutcome::New(id) = j
        .record_intent("s", "http://127.0.0.1:1", &request("late-poll", "10"), None)
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

#[tokio::test]
async fn a_poll_answer_for_a_row_that_now_names_another_payout_is_dropped() {
    let (_d, j) = journal();
    let IntentOutcome::New(id) = j
        .record_intent("s", "http://127.0.0.1:1", &request("other", "10"), None)
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

#[tokio::test]
async fn a_payout_that_takes_a_deleted_rows_id_is_still_indexed_for_search() {
    let (_d, j) = journal();
    for c in 1..=3 {
        j.record_lookup(
            "s",
            "http://127.0.0.1:1",
            Some(CashoutId(c)),
            Some(&format!("first-{c}")),
        )
        .await
        .expect("lookup");
    }
    let count = |sql: &str| -> i64 {
        let c = rusqlite::Connection::open(j.path()).expect("open");
        c.query_row(sql, [], |r| r.get(0)).expect("count")
    };
    let unindexed =
        "SELECT count(*) FROM payouts WHERE id > (SELECT indexed_through FROM search_state)";
    let settle = || {
        (0..100).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            count(unindexed) == 0
        })
    };
    assert!(settle());
    // The two newest rows go (as a merge deletes one); the next payout reuses id 2.
    rusqlite::Connection::open(j.path())
        .expect("open")
        .execute_batch(
            "DELETE FROM history WHERE payout_id IN (2, 3);
             DELETE FROM payouts WHERE id = 2; DELETE FROM payouts WHERE id = 3;",
        )
        .expect("delete");
    j.record_lookup(
        "s",
        "http://127.0.0.1:1",
        Some(CashoutId(7)),
        Some("second-7"),
    )
    .await
    .expect("lookup");
    assert!(settle(), "the reused id is indexed");
    let found = j
        .list(&ListFilter {
            scope: Some("s".into()),
            text: Some("second-7".into()),
            ..ListFilter::default()
        })
        .expect("list");
    assert_eq!(found.len(), 1);
}

#[tokio::test]
async fn an_intent_is_answered_only_after_a_disk_flush_and_answers_need_none() {
    let (_dir, j) = journal();
    let before = j.disk_flushes();
    let Ok(IntentOutcome::New(id)) = j
        .record_intent("sandbox", "http://127.0.0.1:1", &request("f1", "10"), None)
        .await
    else {
        panic!("new intent expected");
    };
    // The count rises before the reply is sent: this intent waited for a flush.
    let after_intent = j.disk_flushes();
    assert!(after_intent > before, "no flush before the intent returned");
    j.record_created(id, CashoutId(1), CashoutStatus::Pending)
        .await
        .expect("answer");
    j.record_status(id, &status_answer(4), "status")
        .await
        .expect("status");
    assert_eq!(
        j.disk_flushes(),
        after_intent,
        "answers and statuses must not wait for a flush"
    );
}

#[tokio::test]
async fn concurrent_intents_share_disk_flushes_and_all_survive_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("j.sqlite3");
    {
        let j = Arc::new(Journal::open(&path, Arc::new(SystemClock)).expect("open"));
        let tasks: Vec<_> = (0..32)
            .map(|i| {
                let j = j.clone();
                tokio::spawn(async move {
                    j.record_intent(
                        "sandbox",
                        "http://127.0.0.1:1",
                        &request(&format!("c{i}"), "10"),
                        None,
                    )
                    .await
                })
            })
            .collect();
        for t in tasks {
            assert!(matches!(t.await.expect("task"), Ok(IntentOutcome::New(_))));
        }
        let flushes = j.disk_flushes();
        assert!(
            (1..=32).contains(&flushes),
            "{flushes} flushes for 32 intents"
        );
    }
    let j = Journal::open(&path, Arc::new(SystemClock)).expect("reopen");
    assert_eq!(
        j.unresolved("sandbox", "9999").expect("unresolved").len(),
        32
    );
}

#[tokio::test]
async fn without_a_flush_thread_intents_are_forced_by_the_commit_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("j.sqlite3");
    {
        let j = Journal::open_with(&path, Arc::new(SystemClock), false).expect("open");
        let Ok(IntentOutcome::New(id)) = j
            .record_intent("sandbox", "http://127.0.0.1:1", &request("n1", "10"), None)
            .await
        else {
            panic!("new intent expected");
        };
        j.record_created(id, CashoutId(7), CashoutStatus::Pending)
            .await
            .expect("answer");
        assert!(matches!(
            j.record_intent("sandbox", "http://127.0.0.1:1", &request("n2", "10"), None)
                .await,
            Ok(IntentOutcome::New(_))
        ));
        assert_eq!(j.disk_flushes(), 0);
    }
    let j = Journal::open(&path, Arc::new(SystemClock)).expect("reopen");
    assert_eq!(
        j.unresolved("sandbox", "9999").expect("unresolved").len(),
        1
    );
    let created = j
        .find("sandbox", Some(CashoutId(7)), None)
        .expect("find")
        .expect("created payout");
    assert_eq!(created.phase, Phase::Created);
}

#[test]
fn after_one_failed_flush_every_later_durable_write_fails_even_if_a_flush_would_succeed() {
    let (queue, awaiting) = mpsc::channel::<AwaitingFlush>();
    let flushes = Arc::new(AtomicU64::new(0));
    let counted = flushes.clone();
    // The first flush fails (an I/O error); the kernel would report the next ones as fine.
    let mut results = [Err(std::io::Error::other("I/O error")), Ok(()), Ok(())].into_iter();
    let flusher = std::thread::spawn(move || {
        sync_loop(
            || results.next().expect("a flush result"),
            &awaiting,
            &counted,
        );
    });
    let durable_write = |queue: &mpsc::Sender<AwaitingFlush>| {
        let (reply, answer) = oneshot::channel();
        queue
            .send(vec![(reply, Ok(Box::new(()) as Box<dyn Any + Send>))])
            .expect("queued");
        answer.blocking_recv().expect("answered")
    };
    // One at a time: each is answered before the next is queued, so each has a flush round.
    for round in 0..3 {
        assert!(
            matches!(durable_write(&queue), Err(Error::Journal(_))),
            "round {round} must fail"
        );
    }
    drop(queue);
    flusher.join().expect("flush thread");
    assert_eq!(flushes.load(Ordering::Relaxed), 0);
}

//! The embedded journal's own behaviour: what lives in the file (reopening, durability and its
//! disk flushes, the trigram index, exchanges written on close). What every store must do is
//! in the conformance suite (`tests/conformance`), run against this store and PostgreSQL.

use std::sync::Arc;

use super::*;
use crate::api::types::CreateCashout;
use crate::clock::SystemClock;
use crate::journal::Journal;

/// This test process's send claim: what a desk holds while it drives a create.
fn me() -> &'static SendClaim {
    static ME: std::sync::OnceLock<SendClaim> = std::sync::OnceLock::new();
    ME.get_or_init(SendClaim::new)
}

/// The claim of a desk that stopped while sending: its lease is over at once, so what it
/// wrote is for reconcile to settle.
fn stopped() -> &'static SendClaim {
    static STOPPED: std::sync::OnceLock<SendClaim> = std::sync::OnceLock::new();
    STOPPED.get_or_init(|| SendClaim {
        lease: std::time::Duration::ZERO,
        ..SendClaim::new()
    })
}

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
            j.record_intent(
                "sandbox",
                "http://127.0.0.1:1",
                &request("x1", "10"),
                None,
                stopped()
            )
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
async fn stored_request_has_no_credentials() {
    let (d, j) = journal();
    j.record_intent("sandbox", "u", &request("x1", "10"), None, me())
        .await
        .expect("intent");
    drop(j);
    let bytes = std::fs::read(d.path().join("j.sqlite3")).expect("read");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("\"login\"") && !text.contains("\"pass\""));
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
            .record_intent("s", "http://127.0.0.1:1", &r, None, me())
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
        let c = rusqlite::Connection::open(j.file().expect("a file")).expect("open");
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
        let c = rusqlite::Connection::open(j.file().expect("a file")).expect("open");
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
            .record_intent(
                "s",
                "http://127.0.0.1:1",
                &request("x-ex", "10"),
                None,
                me(),
            )
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
        let c = rusqlite::Connection::open(j.file().expect("a file")).expect("open");
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
    rusqlite::Connection::open(j.file().expect("a file"))
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
        .record_intent(
            "sandbox",
            "http://127.0.0.1:1",
            &request("f1", "10"),
            None,
            me(),
        )
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
                        stopped(),
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
        let j = Journal::on(
            Box::new(SqliteStore::open_with(&path, Arc::new(SystemClock), false).expect("open")),
            Arc::new(SystemClock),
        );
        let Ok(IntentOutcome::New(id)) = j
            .record_intent(
                "sandbox",
                "http://127.0.0.1:1",
                &request("n1", "10"),
                None,
                me(),
            )
            .await
        else {
            panic!("new intent expected");
        };
        j.record_created(id, CashoutId(7), CashoutStatus::Pending)
            .await
            .expect("answer");
        assert!(matches!(
            j.record_intent(
                "sandbox",
                "http://127.0.0.1:1",
                &request("n2", "10"),
                None,
                stopped()
            )
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

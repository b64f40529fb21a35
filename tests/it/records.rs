//! What the journal keeps about people and requests: the audit chain (and that tampering with
//! the real file is caught), the reconciliation export read back against the journal, the hold
//! board, and the signing inspector's exchanges.

use std::time::Duration;

use cashout_core::api::client::MASKED_PASSPHRASE;
use cashout_core::api::types::CashoutId;
use cashout_core::audit::{AuditAction, AuditFilter};
use cashout_core::credentials::Secret;
use cashout_core::desk::Desk;
use cashout_core::journal::{ListFilter, SortKey};
use cashout_core::report::{parse_csv, CsvFlavor, Overwrite, COLUMNS};
use cashout_core::signing::payload_signature;
use cashout_core::status::CashoutStatus;
use cashout_tests::{br_pix, by_ext, fast_retry, mx_clabe, Rig};

/// Creates, holds, releases and cancels, so the chain has a few entries.
async fn some_history(rig: &Rig) -> Desk {
    let desk = rig.desk();
    let a = desk
        .create(&br_pix("aud-1", "10.00"), &Default::default())
        .await
        .unwrap();
    let id = CashoutId(a.cashout_id.unwrap());
    desk.hold(id).await.unwrap();
    desk.release(id).await.unwrap();
    desk.cancel(id, None).await.unwrap();
    desk.hold(id).await.expect_err("cancelled");
    desk.check(&by_ext("aud-1")).await.unwrap();
    desk
}

fn tamper(rig: &Rig, sql: &str) {
    let conn = rusqlite::Connection::open(rig.journal_path()).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// The audit entries of one action, newest first.
fn audited(rig: &Rig, action: AuditAction) -> Vec<cashout_core::audit::AuditEntry> {
    rig.journal
        .audit_log(&AuditFilter {
            action: Some(action),
            ..AuditFilter::default()
        })
        .unwrap()
}

#[tokio::test]
async fn every_operator_action_is_audited_with_its_outcome_and_the_chain_verifies() {
    let rig = Rig::start().await;
    some_history(&rig).await;
    let log = rig.journal.audit_log(&AuditFilter::default()).unwrap();
    let actions: Vec<(&str, &str)> = log
        .iter()
        .rev()
        .map(|e| (e.action.as_str(), e.outcome.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("create", "ok"),
            ("hold", "ok"),
            ("release", "ok"),
            ("cancel", "ok"),
            ("hold", "action_not_allowed"),
            ("lookup", "ok"),
        ]
    );
    let create = log.last().unwrap();
    assert_eq!(create.external_id.as_deref(), Some("aud-1"));
    assert!(create.cashout_id.is_some());
    assert!(!create.os_user.is_empty());
    assert_eq!(create.environment, rig.environment().scope());

    let holds = audited(&rig, AuditAction::Hold);
    assert_eq!(holds.len(), 2);

    let verdict = rig.journal.verify_audit().unwrap();
    assert!(verdict.intact, "{verdict:?}");
    assert_eq!(verdict.entries, 6);
    assert_eq!(verdict.head_hash, log[0].hash);
}

#[tokio::test]
async fn an_edited_audit_entry_in_the_file_is_found() {
    let rig = Rig::start().await;
    some_history(&rig).await;
    tamper(&rig, "UPDATE audit SET outcome = 'ok' WHERE seq = 5");
    let verdict = rig.journal.verify_audit().unwrap();
    assert!(!verdict.intact);
    assert_eq!(verdict.broken_at, Some(5));
    assert!(verdict.problem.unwrap().contains("changed"));
}

#[tokio::test]
async fn a_deleted_audit_entry_in_the_file_is_found() {
    let rig = Rig::start().await;
    some_history(&rig).await;
    tamper(&rig, "DELETE FROM audit WHERE seq = 3");
    let verdict = rig.journal.verify_audit().unwrap();
    assert_eq!(verdict.broken_at, Some(3));
    assert!(verdict.problem.unwrap().contains("missing"));

    // Hiding the gap by renumbering does not help: the links no longer match.
    tamper(&rig, "UPDATE audit SET seq = seq - 1 WHERE seq > 3");
    assert_eq!(rig.journal.verify_audit().unwrap().broken_at, Some(3));
}

#[tokio::test]
async fn reordered_audit_entries_in_the_file_are_found() {
    let rig = Rig::start().await;
    some_history(&rig).await;
    // Swap entries 2 and 3 whole, hashes included, keeping the sequence in order.
    tamper(
        &rig,
        "UPDATE audit SET seq = -2 WHERE seq = 2;
         UPDATE audit SET seq = 2 WHERE seq = 3;
         UPDATE audit SET seq = 3 WHERE seq = -2;",
    );
    let verdict = rig.journal.verify_audit().unwrap();
    assert!(!verdict.intact);
    assert_eq!(verdict.broken_at, Some(2));
}

#[tokio::test]
async fn new_entries_after_verification_keep_the_chain_intact() {
    let rig = Rig::start().await;
    let desk = some_history(&rig).await;
    desk.create(&br_pix("aud-2", "11.00"), &Default::default())
        .await
        .unwrap();
    let verdict = rig.journal.verify_audit().unwrap();
    assert!(verdict.intact);
    assert_eq!(verdict.entries, 7);
}

#[tokio::test]
async fn the_export_reads_back_equal_to_the_journal() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    desk.create(&br_pix("000789", "1234.50"), &Default::default())
        .await
        .unwrap();
    let rejected = {
        let mut r = mx_clabe("mx-rej", "99.90");
        r.comments = Some("sandbox:reject=814".into());
        r
    };
    desk.create(&rejected, &Default::default()).await.unwrap();
    desk.create(&br_pix("br-ok", "0.10"), &Default::default())
        .await
        .unwrap();
    // Let the bank work: delivered, completed, and the rejection.
    for _ in 0..3 {
        rig.clock.advance(Duration::from_secs(61));
        for x in ["000789", "mx-rej", "br-ok"] {
            desk.check(&by_ext(x)).await.unwrap();
        }
    }

    let (csv, count) = desk
        .export_text(ListFilter::default(), CsvFlavor::Spreadsheet)
        .await
        .unwrap();
    assert_eq!(count, 3);
    let rows = parse_csv(&csv).unwrap();
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    let journal = desk.list(ListFilter::default()).unwrap();
    assert_eq!(rows.len(), journal.len());
    for (row, view) in rows.iter().zip(&journal) {
        assert_eq!(row[col("cashout_id")], view.cashout_id.unwrap().to_string());
        assert_eq!(Some(&row[col("external_id")]), view.external_id.as_ref());
        assert_eq!(Some(&row[col("amount")]), view.amount.as_ref());
        assert_eq!(Some(&row[col("currency")]), view.currency.as_ref());
        assert_eq!(Some(&row[col("beneficiary")]), view.beneficiary.as_ref());
        assert_eq!(row[col("status")], view.status.unwrap().name());
        assert!(!row[col("pending_at")].is_empty());
    }
    let rej = rows
        .iter()
        .find(|r| r[col("external_id")] == "mx-rej")
        .unwrap();
    assert_eq!(rej[col("status")], "REJECTED");
    assert_eq!(rej[col("rejection_code")], "814");
    assert!(!rej[col("rejected_at")].is_empty());
    let zero = rows
        .iter()
        .find(|r| r[col("external_id")] == "000789")
        .unwrap();
    assert_eq!(zero[col("amount")], "1234.50");
    assert_eq!(zero[col("status")], "COMPLETED");
    assert!(!zero[col("completed_at")].is_empty());
    // In the file, the ids are text cells, so the leading zeros stay.
    assert!(csv.contains("\"=\"\"000789\"\"\""));

    // Filters apply, and the export is audited.
    let (only_rejected, n) = desk
        .export_text(
            ListFilter {
                status: Some(CashoutStatus::Rejected),
                ..ListFilter::default()
            },
            CsvFlavor::Plain,
        )
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(parse_csv(&only_rejected).unwrap().len(), 1);
    let exports = audited(&rig, AuditAction::Export);
    assert_eq!(exports.len(), 2);
    assert!(exports[0]
        .detail
        .as_deref()
        .unwrap()
        .contains("status REJECTED"));

    // Every filter is in the audit entry: an export of what reached the provider in BRL is
    // told apart from one of every payout.
    desk.export_text(
        ListFilter {
            currency: Some("BRL".into()),
            sent_only: true,
            period: Some(cashout_core::period::Period::Today),
            ..ListFilter::default()
        },
        CsvFlavor::Plain,
    )
    .await
    .unwrap();
    let detail = audited(&rig, AuditAction::Export)[0]
        .detail
        .clone()
        .unwrap();
    assert!(
        detail.contains("; currency BRL; sent to the provider only; period {\"kind\":\"today\"}"),
        "{detail}"
    );
}

#[tokio::test]
async fn the_hold_board_lists_holds_oldest_first_with_exact_totals() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    for (x, amount) in [("h-1", "100.10"), ("h-2", "0.20")] {
        let mut r = br_pix(x, amount);
        r.on_hold = true;
        desk.create(&r, &Default::default()).await.unwrap();
        rig.clock.advance(Duration::from_secs(60));
    }
    let mut m = mx_clabe("h-3", "500.00");
    m.on_hold = true;
    desk.create(&m, &Default::default()).await.unwrap();
    desk.create(&br_pix("not-held", "7.00"), &Default::default())
        .await
        .unwrap();

    let board = desk.hold_board().unwrap();
    let ids: Vec<_> = board
        .payouts
        .iter()
        .map(|p| p.payout.external_id.clone().unwrap())
        .collect();
    assert_eq!(ids, ["h-1", "h-2", "h-3"]);
    assert_eq!(board.payouts[0].held_for_secs, 120);
    let totals: Vec<_> = board
        .totals
        .iter()
        .map(|t| (t.currency.as_str(), t.amount.as_str(), t.count))
        .collect();
    assert_eq!(totals, [("BRL", "100.30", 2), ("MXN", "500.00", 1)]);
}

#[tokio::test]
async fn the_inspector_keeps_the_bytes_sent_with_the_passphrase_masked_and_the_real_signature() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let created = desk
        .create(&br_pix("insp-1", "42.00"), &Default::default())
        .await
        .unwrap();
    desk.hold(CashoutId(created.cashout_id.unwrap()))
        .await
        .unwrap();
    let exchanges = desk.exchanges(&by_ext("insp-1")).unwrap();
    let paths: Vec<_> = exchanges
        .iter()
        .map(|e| format!("{} {}", e.exchange.method, e.exchange.path))
        .collect();
    assert_eq!(
        paths,
        [
            "POST /v3/cashout",
            "POST /v3/cashout/status",
            "PUT /v3/cashout/status"
        ]
    );
    let demo = okp_sandbox::demo_credentials();
    for e in &exchanges {
        let x = &e.exchange;
        assert!(x.body.contains(MASKED_PASSPHRASE));
        assert!(!x.body.contains(demo.passphrase.expose()));
        assert!(
            !x.body.contains(&demo.api_key),
            "only the key's last 4 characters"
        );
        assert_eq!(x.http_status, Some(200));
        // Put the real values back: the signature sent is the HMAC of exactly those bytes.
        let real = x
            .body
            .replace(MASKED_PASSPHRASE, demo.passphrase.expose())
            .replacen(
                &format!("…{}", &demo.api_key[demo.api_key.len() - 4..]),
                &demo.api_key,
                1,
            );
        assert_eq!(
            payload_signature(&demo.signature, real.as_bytes()),
            x.signature
        );
        for text in [&x.body, &x.signature, x.answer.as_ref().unwrap()] {
            assert!(!text.contains(demo.signature.expose()));
        }
    }
}

#[tokio::test]
async fn the_review_shows_the_bytes_the_create_then_sends() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let review = desk
        .review_create(&br_pix("rev-1", "77.70"), false)
        .unwrap();
    assert_eq!(review.request["amount"], "77.70");
    assert_eq!(review.confirmation, None, "the sandbox moves no money");
    let reviewed: cashout_core::api::types::CreateCashout =
        serde_json::from_value(review.request.clone()).unwrap();
    desk.create(&reviewed, &Default::default()).await.unwrap();
    let sent = desk.exchanges(&by_ext("rev-1")).unwrap();
    // The inspector keeps the masked copy of the bytes signed and sent (see the test above).
    assert_eq!(sent[0].exchange.body, review.body);
    assert!(review.body.contains(r#""amount":77.70"#), "{}", review.body);
}

#[tokio::test]
async fn a_wrong_api_signature_shows_302_explained_in_the_inspector() {
    let rig = Rig::start().await;
    rig.desk()
        .create(&br_pix("insp-2", "5.00"), &Default::default())
        .await
        .unwrap();
    let mut creds = okp_sandbox::demo_credentials();
    creds.signature = Secret::new("not-the-signature".into());
    let client = rig.client_with(creds);
    let wrong = Desk::new(client, rig.journal.clone(), fast_retry());
    wrong.check(&by_ext("insp-2")).await.expect_err("302");
    let exchanges = wrong.exchanges(&by_ext("insp-2")).unwrap();
    let last = exchanges.last().unwrap();
    assert!(last.exchange.outcome.contains("302"), "{last:?}");
    let explained = last.explanation.as_ref().expect("explained");
    assert_eq!(explained.code, 302);
    assert!(explained.explanation.contains("Signature"), "{explained:?}");
}

#[tokio::test]
async fn an_export_that_cannot_be_written_is_audited_as_failed() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    desk.create(&br_pix("exp-1", "10.00"), &Default::default())
        .await
        .unwrap();
    let nowhere = rig.dir.path().join("no-such-dir").join("out.csv");
    let err = desk
        .export_to_file(
            ListFilter::default(),
            CsvFlavor::Spreadsheet,
            &nowhere,
            Overwrite::No,
        )
        .await
        .expect_err("the folder does not exist");
    assert_eq!(err.field(), Some("file"));
    let written = rig.dir.path().join("out.csv");
    let n = desk
        .export_to_file(
            ListFilter::default(),
            CsvFlavor::Spreadsheet,
            &written,
            Overwrite::No,
        )
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(
        parse_csv(&std::fs::read_to_string(&written).unwrap())
            .unwrap()
            .len(),
        1
    );
    let exports = audited(&rig, AuditAction::Export);
    let outcomes: Vec<&str> = exports.iter().rev().map(|e| e.outcome.as_str()).collect();
    assert_eq!(
        outcomes,
        ["invalid_input", "ok"],
        "the failed write is not logged as exported"
    );
}

#[tokio::test]
async fn the_audit_log_exports_with_its_hashes_and_the_export_is_audited() {
    let rig = Rig::start().await;
    some_history(&rig).await;
    let workspace = cashout_core::workspace::Workspace::new(
        rig.journal.clone(),
        std::sync::Arc::new(cashout_core::credentials::MemoryStore::new()),
        okp_sandbox::demo_credentials(),
        rig.sandbox.base_url(),
        cashout_core::settings::Settings::default(),
    );
    let path = rig.dir.path().join("audit.csv");
    let n = workspace
        .export_audit(AuditFilter::default(), &path)
        .await
        .unwrap();
    assert_eq!(n, 6);
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(
        csv.starts_with("\u{feff}seq,at,os_user,environment,action,"),
        "{csv}"
    );
    let log = rig.journal.audit_log(&AuditFilter::default()).unwrap();
    // Every exported hash is in the file as a text cell, so the chain can be checked again.
    for e in &log[1..] {
        assert!(
            csv.contains(&format!("\"=\"\"{}\"\"\"", e.hash)),
            "hash of entry {}",
            e.seq
        );
    }
    assert_eq!(log[0].action, "export");
    assert!(rig.journal.verify_audit().unwrap().intact);
}

#[tokio::test]
async fn yesterday_is_the_operators_calendar_day_in_the_list_and_the_export() {
    use cashout_core::period::Period;
    let rig = Rig::start().await;
    let desk = rig.desk();
    // One payout yesterday (São Paulo time), one today; 1_790_000_000 is 11:13 there.
    desk.create(&br_pix("day-1", "10.00"), &Default::default())
        .await
        .unwrap();
    rig.clock.advance(Duration::from_secs(86_400));
    desk.create(&br_pix("day-2", "11.00"), &Default::default())
        .await
        .unwrap();
    let in_sao_paulo = |period: Period| ListFilter {
        period: Some(period),
        time_zone: Some("America/Sao_Paulo".into()),
        ..ListFilter::default()
    };
    let yesterday = desk.list(in_sao_paulo(Period::Yesterday)).unwrap();
    assert_eq!(
        yesterday
            .iter()
            .map(|p| p.external_id.clone().unwrap())
            .collect::<Vec<_>>(),
        ["day-1"]
    );
    assert_eq!(
        yesterday[0].created_local, "2026-09-21 11:13",
        "local time, not UTC, the same in every language"
    );
    assert_eq!(desk.list(in_sao_paulo(Period::Today)).unwrap().len(), 1);
    assert_eq!(desk.list(in_sao_paulo(Period::Last7Days)).unwrap().len(), 2);

    // Searched as typed, without accents, within the period, in another order.
    let mut maria = br_pix("day-3", "12.00");
    maria.beneficiary_name = "María José".into();
    maria.beneficiary_lastname = Some("Núñez".into());
    desk.create(&maria, &Default::default()).await.unwrap();
    for sort in [
        SortKey::Created,
        SortKey::Amount,
        SortKey::Beneficiary,
        SortKey::Status,
    ] {
        for ascending in [false, true] {
            let found = desk
                .list(ListFilter {
                    text: Some("maria jose nunez".into()),
                    sort,
                    ascending,
                    ..in_sao_paulo(Period::Today)
                })
                .unwrap();
            assert_eq!(found.len(), 1, "{sort:?} {ascending}");
            assert_eq!(found[0].external_id.as_deref(), Some("day-3"));
        }
    }
    let (csv, rows) = desk
        .export_text(in_sao_paulo(Period::Yesterday), CsvFlavor::Plain)
        .await
        .unwrap();
    assert_eq!(rows, 1);
    assert!(csv.contains("day-1") && !csv.contains("day-2"), "{csv}");
    let header = csv.lines().next().unwrap();
    assert!(header.contains("created_at"), "{header}");
    // A mistyped range is an error at its field, never a guess.
    let err = desk
        .list(in_sao_paulo(Period::Custom {
            from: Some("2026-09-31".into()),
            to: None,
        }))
        .unwrap_err();
    assert_eq!(err.field(), Some("period_from"));
    let err = desk
        .list(ListFilter {
            time_zone: Some("Mars/Olympus".into()),
            ..ListFilter::default()
        })
        .unwrap_err();
    assert_eq!(err.field(), Some("time_zone"));
}

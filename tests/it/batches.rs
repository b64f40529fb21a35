//! Batches through the desk against the loopback sandbox: a refusal that would refuse the next
//! rows stops the batch, and resume sends the refused row again under its own external_id (or,
//! when the provider holds a cashout under it by then, names that cashout for checking and
//! sends nothing); a result file imported back pays nothing again; the watcher's notices of a
//! batch's rows come one per batch, not one per row.

use std::sync::Arc;
use std::time::Duration;

use cashout_core::api::client::ClientOptions;
use cashout_core::batch::result::result_csv;
use cashout_core::clock::Clock;
use cashout_core::desk::BatchNotices;
use cashout_core::desk::{Desk, DraftChoices, SendEnd};
use cashout_core::journal::Phase;
use cashout_core::watch::{WatchConfig, WatchEvent, Watcher};
use cashout_tests::{fast_retry, Rig};

const HEADER: &str = "country,currency,amount,document_id,beneficiary_name,beneficiary_lastname,bank_code,phone,comments";

fn row(amount: &str, phone: &str, comments: &str) -> String {
    format!("BR,BRL,{amount},390.533.447-05,Ana,Souza,10000,{phone},{comments}")
}

fn choices() -> DraftChoices {
    DraftChoices {
        notification_url: "https://merchant.example/cashouts/notify".into(),
        ..DraftChoices::default()
    }
}

async fn written(desk: &Desk, file: &str) -> String {
    cashout_tests::write_batch(desk, file).await
}

fn desk(rig: &Rig) -> Desk {
    rig.desk_with(
        ClientOptions {
            connect_timeout: Duration::from_secs(1),
            total_timeout: Duration::from_secs(5),
        },
        fast_retry(),
    )
}

#[tokio::test]
async fn a_decline_that_would_decline_the_next_rows_pauses_the_batch_and_resume_resends_it_with_its_own_external_id(
) {
    let rig = Rig::start().await;
    let desk = desk(&rig);
    let file = format!(
        "{HEADER}\n{}\n{}\n{}\n",
        row("10.00", "+5511987654001", ""),
        row("11.00", "+5511987654002", "sandbox:decline=514"),
        row("12.00", "+5511987654003", "")
    );
    let id = written(&desk, &file).await;
    let (end, batch) = desk.send_batch(&id, None, &|_, _| {}).await.unwrap();
    assert_eq!(end, SendEnd::Refused);
    assert_eq!(batch.state.as_str(), "paused");
    assert_eq!(
        (
            batch.progress.created,
            batch.progress.declined,
            batch.progress.waiting
        ),
        (1, 1, 1),
        "the row after the refusal was not sent"
    );
    // Resumed: the refused row is sent again under its own external_id (and refused again, as
    // the sandbox is told to), and the batch stops there again.
    let (end, _) = desk.send_batch(&id, None, &|_, _| {}).await.unwrap();
    assert_eq!(end, SendEnd::Refused);
    let refused = rig
        .journal
        .find(&desk.environment_scope(), None, Some(&format!("{id}-3")))
        .unwrap()
        .unwrap();
    assert_eq!(refused.phase, Phase::Declined);
    assert_eq!(refused.attempts, 2, "sent twice, one external_id");
    assert_eq!(rig.sandbox.cashouts_for_external_id(&format!("{id}-3")), 0);
    assert_eq!(rig.sandbox.cashout_count(), 1);
}

#[tokio::test]
async fn a_result_file_imported_back_pays_none_of_its_rows_again() {
    let rig = Rig::start().await;
    let desk = desk(&rig);
    let file = format!(
        "{HEADER}\n{}\n{}\n",
        row("10.00", "+5511987654001", ""),
        row("11.00", "+5511987654002", "")
    );
    let id = written(&desk, &file).await;
    let (end, _) = desk.send_batch(&id, None, &|_, _| {}).await.unwrap();
    assert_eq!(end, SendEnd::Finished);
    let (batch, rows) = desk.batch_results(&id).unwrap();
    let result = result_csv(&batch.headers, &rows, ',');
    let again = desk
        .batch_draft(&result, "b-result.csv", choices())
        .unwrap();
    assert_eq!(again.rows.len(), 2);
    for r in &again.rows {
        assert!(
            r.errors.iter().any(|e| e.code == "already_in_journal"),
            "{:?}",
            r.errors
        );
    }
    assert_eq!(rig.sandbox.cashout_count(), 2);
}

#[tokio::test]
async fn a_declined_row_whose_external_id_the_provider_holds_on_resume_is_named_for_checking_and_never_sent_again(
) {
    let rig = Rig::start().await;
    let desk = desk(&rig);
    let file = format!(
        "{HEADER}\n{}\n{}\n{}\n",
        row("10.00", "+5511987654001", ""),
        row("11.00", "+5511987654002", "sandbox:decline=537"),
        row("12.00", "+5511987654003", "")
    );
    let id = written(&desk, &file).await;
    let (end, _) = desk.send_batch(&id, None, &|_, _| {}).await.unwrap();
    assert_eq!(
        end,
        SendEnd::Refused,
        "a 537 may pass: the batch stops on it"
    );
    // Meanwhile a cashout under the declined row's external_id appears at the provider (the
    // provider made it despite its refusal, or someone sent the row from another tool).
    let ext = format!("{id}-3");
    let elsewhere = cashout_tests::br_pix(&ext, "11.00");
    let theirs = rig.client().create(&elsewhere).await.unwrap();

    let (end, _) = desk.send_batch(&id, None, &|_, _| {}).await.unwrap();
    assert_eq!(end, SendEnd::Finished);
    assert_eq!(
        rig.sandbox.cashouts_for_external_id(&ext),
        1,
        "the row was looked up, not sent again"
    );
    assert_eq!(rig.sandbox.cashout_count(), 3);
    let (_, rows) = desk.batch_results(&id).unwrap();
    let checked = rows.iter().find(|r| r.external_id == ext).unwrap();
    assert_eq!(checked.outcome, "check");
    assert!(
        checked.explanation.contains("holds a cashout (PENDING)")
            && checked
                .explanation
                .contains("check whether it is this payout"),
        "what the provider holds is said, to be checked: {}",
        checked.explanation
    );
    assert_ne!(
        checked.cashout_id,
        Some(theirs.0),
        "never adopted as this row's cashout"
    );
}

#[tokio::test]
async fn a_batchs_rows_raise_at_most_one_notice_a_minute_naming_the_rejected_rows_and_one_when_all_are_final(
) {
    let rig = Rig::start().await;
    let desk = desk(&rig);
    let file = format!(
        "{HEADER}\n{}\n{}\n{}\n{}\n",
        row("10.00", "+5511987654001", ""),
        row("11.00", "+5511987654002", "sandbox:reject=807"),
        row("12.00", "+5511987654003", ""),
        row("13.00", "+5511987654004", "sandbox:reject=807")
    );
    let id = written(&desk, &file).await;
    let (end, _) = desk.send_batch(&id, None, &|_, _| {}).await.unwrap();
    assert_eq!(end, SendEnd::Finished);
    // A payout of the form, watched beside the batch, keeps its own notice; so does one whose
    // external_id merely looks like a row of this batch.
    for x in ["single-1".to_owned(), format!("{id}-99")] {
        desk.create(&cashout_tests::br_pix(&x, "20.00"), &Default::default())
            .await
            .unwrap();
    }

    let mut w = Watcher::new(
        Arc::new(rig.desk()),
        Arc::new(rig.clock.clone()),
        WatchConfig::default(),
    )
    .with_seed(3);
    let mut state = BatchNotices::new();
    let (mut own, mut batch_notices, mut rows_silenced) = (Vec::new(), Vec::new(), 0);
    let start = rig.clock.now();
    while rig.clock.now() - start < time::Duration::seconds(600) {
        let report = w.step().await.unwrap();
        let notices = desk.fold_notices(&mut state, &report.events, rig.clock.now());
        assert_eq!(notices.per_event.len(), report.events.len());
        for (event, notice) in report.events.iter().zip(&notices.per_event) {
            let batch_row = match event {
                WatchEvent::Changed(c) => c
                    .payout
                    .external_id
                    .as_deref()
                    .is_some_and(|x| x.starts_with(&id) && !x.ends_with("-99")),
                _ => false,
            };
            match (batch_row, notice) {
                (true, Some(n)) => panic!("a batch row raised its own notice: {n:?}"),
                (true, None) if event.notice().is_some() => rows_silenced += 1,
                (false, Some(n)) => own.push(n.clone()),
                _ => {}
            }
        }
        batch_notices.extend(notices.batches.into_iter().map(|n| (rig.clock.now(), n)));
        let next = report.next_wake.expect("watched");
        let wait: Duration = (next - rig.clock.now())
            .try_into()
            .unwrap_or(Duration::ZERO);
        rig.clock.advance(wait.max(Duration::from_millis(1)));
    }
    assert_eq!(rows_silenced, 4, "every row's final status was folded");
    let mut own_ids: Vec<_> = own.iter().filter_map(|n| n.external_id.clone()).collect();
    own_ids.sort();
    assert_eq!(
        own_ids,
        [format!("{id}-99"), "single-1".to_owned()],
        "{own:?}"
    );
    assert!(
        batch_notices
            .iter()
            .all(|(_, n)| n.batch_id.as_deref() == Some(id.as_str())),
        "{batch_notices:?}"
    );
    let told: String = batch_notices
        .iter()
        .map(|(_, n)| format!("{} — {}\n", n.title, n.body))
        .collect();
    assert!(
        (1..=2).contains(&batch_notices.len()),
        "at most one notice a window: {told}"
    );
    for pair in batch_notices.windows(2) {
        assert!(
            pair[1].0 - pair[0].0 >= time::Duration::seconds(60),
            "a minute apart at least: {told}"
        );
    }
    assert!(
        told.contains("rows 3 (807)") || told.contains("rows 3 (807), 5 (807)"),
        "row 3's rejection named with its code: {told}"
    );
    assert!(
        told.contains("5 (807))"),
        "row 5's rejection named with its code: {told}"
    );
    assert_eq!(
        told.matches("All 4 sent are final: 2 COMPLETED, 2 REJECTED, 0 CANCELLED")
            .count(),
        1,
        "said when the last row became final: {told}"
    );
}

//! Batches on a real PostgreSQL server against the sandbox, where the team's approval policy
//! meets them: a row at or above the threshold is written queued and held; its approval opens
//! when the row leaves `queued` (sent by any desk, or moved by hand), not when the batch is
//! written, and names the batch's writer as its maker, whoever sends it. A result file
//! imported back is refused row by row from one read of the journal.

use cashout_core::approvals::{ApprovalState, Decision, Refusal};
use cashout_core::desk::{Desk, DraftChoices, SendEnd};
use cashout_core::status::CashoutStatus;

use crate::approvals::{ext, refusal, Operator, Team};

const HEADER: &str =
    "country,currency,amount,document_id,beneficiary_name,beneficiary_lastname,bank_code,phone";

fn choices() -> DraftChoices {
    DraftChoices {
        notification_url: "https://merchant.example/cashouts/notify".into(),
        ..DraftChoices::default()
    }
}

/// Writes a batch of `rows` (`amount`, phone) as `desk`'s operator; returns its id.
async fn written(desk: &Desk, rows: &[(&str, &str)]) -> String {
    let mut file = format!("{HEADER}\n");
    for (amount, phone) in rows {
        file.push_str(&format!(
            "BR,BRL,{amount},390.533.447-05,Ana,Souza,10000,{phone}\n"
        ));
    }
    cashout_tests::write_batch(desk, &file).await
}

fn asked(who: &Operator) -> u32 {
    who.desk.approvals_waiting(None).unwrap().unwrap().0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_row_needing_approval_opens_its_approval_when_sent_by_anyone_and_its_writer_cannot_approve_it(
) {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &["cashout_approver"]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    let cid = team.operator("cid", &[]).await;
    team.policy(&admin, &bea, "100", 1).await;

    let id = written(
        &ana.desk,
        &[("250.00", "+5511987654001"), ("10.00", "+5511987654002")],
    )
    .await;
    let (big, small) = (format!("{id}-2"), format!("{id}-3"));
    // Written queued and held, but nothing is held at the provider yet: nothing to approve,
    // and no expiry running while the row waits its turn.
    assert_eq!(ana.desk.approval_of(&ext(&big)).unwrap(), None);
    assert_eq!(
        asked(&bea),
        0,
        "no approver is asked before the row is sent"
    );

    // Another operator's desk sends the batch.
    let (end, _) = cid.desk.send_batch(&id, None, &|_, _| {}).await.unwrap();
    assert_eq!(end, SendEnd::Finished);
    assert_eq!(
        ana.desk.recorded(&ext(&big)).unwrap().status,
        Some(CashoutStatus::OnHold)
    );
    let approval = ana.desk.approval_of(&ext(&big)).unwrap().unwrap();
    assert_eq!(
        (approval.state, approval.prepared_by.as_str()),
        (ApprovalState::Waiting, ana.login()),
        "opened with the send; its maker is the batch's writer, not the desk that sent it"
    );
    assert_eq!(asked(&bea), 1);
    assert_eq!(asked(&ana), 0, "never asked of its maker");
    let own = ana
        .desk
        .decide_approval(&ext(&big), Decision::Approve, "")
        .await
        .unwrap_err();
    assert_eq!(refusal(own), Refusal::OwnPayout);
    assert_eq!(ana.desk.approval_of(&ext(&small)).unwrap(), None);
    assert_eq!(
        ana.desk.recorded(&ext(&small)).unwrap().status,
        Some(CashoutStatus::Pending)
    );

    // The batch's result file imported back names both payouts: each row is refused, from
    // one read of the journal.
    let (batch, rows) = ana.desk.batch_results(&id).unwrap();
    let result = cashout_core::batch::result::result_csv(&batch.headers, &rows, ',');
    let again = ana
        .desk
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
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queued_row_moved_by_hand_past_its_send_by_any_road_gets_its_approval_all_the_same() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;
    let id = written(
        &ana.desk,
        &[("250.00", "+5511987654001"), ("300.00", "+5511987654002")],
    )
    .await;
    let (big, detour) = (format!("{id}-2"), format!("{id}-3"));
    // An operator with psql moves the waiting row to "unknown" (as if sent): a desk would then
    // look it up and could release what it finds; the database opens its approval first.
    team.db
        .superuser()
        .await
        .execute(
            "UPDATE cashout.payouts SET phase = 'unknown' WHERE external_id = $1",
            &[&big],
        )
        .await
        .unwrap();
    let approval = ana.desk.approval_of(&ext(&big)).unwrap().unwrap();
    assert_eq!(
        (approval.state, approval.prepared_by.as_str()),
        (ApprovalState::Waiting, ana.login())
    );
    // Two steps: first "never sent", then back among the payouts that may exist.
    let admin_sql = team.db.superuser().await;
    for phase in ["not_sent", "sent_not_found"] {
        admin_sql
            .execute(
                "UPDATE cashout.payouts SET phase = $2 WHERE external_id = $1",
                &[&detour, &phase],
            )
            .await
            .unwrap();
    }
    let approval = ana.desk.approval_of(&ext(&detour)).unwrap().unwrap();
    assert_eq!(approval.state, ApprovalState::Waiting, "no detour skips it");
}

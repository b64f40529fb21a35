//! Batches on a real PostgreSQL server against the sandbox, where the team's approval policy
//! meets them: a row at or above the threshold is written queued and held, and its approval
//! opens when the row is sent (funds held at the provider), not when the batch is written.

use cashout_core::approvals::ApprovalState;
use cashout_core::batch::ControlTotal;
use cashout_core::desk::{DraftChoices, PayAgain, SendEnd};
use cashout_core::status::CashoutStatus;

use crate::approvals::{ext, Team};

const FILE: &str =
    "country,currency,amount,document_id,beneficiary_name,beneficiary_lastname,bank_code,phone
BR,BRL,250.00,390.533.447-05,Ana,Souza,10000,+5511987654001
BR,BRL,10.00,390.533.447-05,Ana,Souza,10000,+5511987654002
";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_row_needing_approval_opens_its_approval_when_it_is_sent_not_when_the_batch_is_written(
) {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;

    let draft = ana
        .desk
        .batch_draft(
            FILE.as_bytes(),
            "b.csv",
            DraftChoices {
                notification_url: "https://merchant.example/cashouts/notify".into(),
                ..DraftChoices::default()
            },
        )
        .unwrap();
    let typed: Vec<ControlTotal> = draft
        .summary()
        .totals
        .into_iter()
        .map(|t| ControlTotal {
            currency: t.currency,
            count: t.count,
            total: t.total,
        })
        .collect();
    let batch = ana
        .desk
        .confirm_batch(&draft, &typed, 600, PayAgain::default())
        .await
        .unwrap();
    let (big, small) = (format!("{}-2", batch.id), format!("{}-3", batch.id));
    // Written queued and held, but nothing is held at the provider yet: nothing to approve,
    // and no expiry running while the row waits its turn.
    assert_eq!(ana.desk.approval_of(&ext(&big)).unwrap(), None);
    let asked =
        |who: &crate::approvals::Operator| who.desk.approvals_waiting(None).unwrap().unwrap().0;
    assert_eq!(
        asked(&bea),
        0,
        "no approver is asked before the row is sent"
    );

    let (end, _) = ana
        .desk
        .send_batch(&batch.id, None, &|_, _| {})
        .await
        .unwrap();
    assert_eq!(end, SendEnd::Finished);
    assert_eq!(
        ana.desk.recorded(&ext(&big)).unwrap().status,
        Some(CashoutStatus::OnHold)
    );
    let approval = ana.desk.approval_of(&ext(&big)).unwrap().unwrap();
    assert_eq!(
        (approval.state, approval.prepared_by.as_str()),
        (ApprovalState::Waiting, ana.login()),
        "opened with the send, by the operator whose desk sent it"
    );
    assert_eq!(asked(&bea), 1);
    assert_eq!(ana.desk.approval_of(&ext(&small)).unwrap(), None);
    assert_eq!(
        ana.desk.recorded(&ext(&small)).unwrap().status,
        Some(CashoutStatus::Pending)
    );
}

//! Approvals against an operator who goes around the desk: raw SQL under their own role,
//! statuses and settlements forged in the journal, columns edited after the approval opened,
//! and a held payout whose create answer was lost. Each refusal holds in the database, and a
//! payout that needed approval is freed only by its approval.

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::api::types::{CashoutId, CashoutRef};
use cashout_core::approvals::{ApprovalFilter, ApprovalState, Decision, Refusal};
use cashout_core::audit::AuditFilter;
use cashout_core::environment::Environment;
use cashout_core::status::CashoutStatus;

use crate::approvals::{ext, refusal, updates_sent, Operator, Team};

/// An INSERT of a payout as an operator's `psql` would write it (500.00 in the `amount`
/// column; `currency` is SQL: a quoted code or NULL).
fn insert(
    scope: &str,
    external_id: &str,
    origin: &str,
    phase: &str,
    request: &str,
    currency: &str,
) -> String {
    format!(
        "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
             request_json, currency, amount, created_at, updated_at)
         VALUES ('{scope}', 'u', '{external_id}', '{origin}', '{phase}', '{request}', {currency},
             '500.00', 't', 't')"
    )
}

/// Runs `sql` as `who` with their own role, as with `psql`; the SQLSTATE it fails with.
async fn refused_sql(team: &Team, who: &Operator, sql: &str) -> String {
    let client = team.db.raw(&who.profile, &who.password).await;
    let e = client
        .batch_execute(sql)
        .await
        .expect_err(&format!("{} may not: {sql}", who.login()));
    e.code().map(|c| c.code().to_owned()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_approval_rule_holds_against_raw_sql_under_an_operators_own_role() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &["cashout_approver"]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    let dan = team.operator("dan", &[]).await;
    team.policy(&admin, &bea, "100", 2).await;
    let scope = ana.desk.environment_scope();
    ana.desk
        .create(&cashout_tests::br_pix("raw-1", "250"), &Default::default())
        .await
        .unwrap();
    let id = ana
        .desk
        .journal()
        .find(&ana.desk.environment_scope(), None, Some("raw-1"))
        .unwrap()
        .unwrap()
        .id;
    let decide = |decision: &str| {
        format!(
            "SELECT cashout.decide_approval({id}, '{decision}', 'ok', 'raw-sql-token-000000', interval '1 minute')"
        )
    };
    let cases: Vec<(&Operator, String, &str, &str)> = vec![
        (
            &ana,
            decide("approve"),
            "CA003",
            "approving one's own payout",
        ),
        (
            &dan,
            decide("approve"),
            "CA002",
            "approving without the approver role",
        ),
        (
            &ana,
            format!("UPDATE cashout.approvals SET state = 'approved' WHERE payout_id = {id}"),
            "42501",
            "editing an approval",
        ),
        (
            &ana,
            format!(
                "INSERT INTO cashout.approval_votes VALUES ({id}, 'zed', 'approve', NULL, now())"
            ),
            "42501",
            "writing a vote for someone else",
        ),
        (
            &bea,
            "DELETE FROM cashout.approval_policy".to_owned(),
            "42501",
            "removing the policy",
        ),
        (
            &ana,
            "SELECT cashout.propose_policy('x', 'BRL', NULL, NULL, NULL)".to_owned(),
            "CA002",
            "proposing a policy change without the administrator role",
        ),
        (
            &ana,
            format!(
                "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                     request_json, currency, amount, created_at, updated_at)
                 VALUES ('{}', 'u', 'raw-2', 'desk', 'intent',
                     '{{\"amount\":500.00,\"country\":\"BR\",\"currency\":\"BRL\"}}', 'BRL',
                     '500.00', 't', 't')",
                ana.desk.environment_scope()
            ),
            "CA001",
            "writing a payout above the threshold that is not held",
        ),
        (
            &ana,
            insert(&scope, "raw-3", "desk", "not_sent", r#"{"amount":500.00,"country":"BR","currency":"BRL"}"#, "'BRL'"),
            "CA001",
            "writing an unheld payout as not sent, to resend it",
        ),
        (
            &ana,
            insert(&scope, "raw-4", "lookup", "unknown", r#"{"amount":500.00,"country":"BR","currency":"BRL"}"#, "'BRL'"),
            "CA001",
            "writing an unheld payout as a lookup record",
        ),
        (
            &ana,
            insert(&scope, "raw-5", "desk", "intent", r#"{"amount":500.00,"country":"BR","currency":" brl"}"#, "'BRL'"),
            "CA001",
            "spelling the currency another way",
        ),
        (
            &ana,
            insert(&scope, "raw-6", "desk", "intent", r#"{"amount":"5e2","country":"BR"}"#, "NULL"),
            "CA001",
            "a payout without a currency",
        ),
        (
            &ana,
            format!(
                "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                     request_json, currency, amount, created_at, updated_at)
                 VALUES ('{}', 'u', NULL, 'desk', 'intent',
                     '{{\"external_id\":\"raw-7\",\"amount\":500.00,\"currency\":\"BRL\",\"on_hold\":true}}',
                     'BRL', '500.00', 't', 't')",
                ana.desk.environment_scope()
            ),
            "CA001",
            "a held payout whose record does not carry its request's external_id",
        ),
        (
            &ana,
            format!(
                "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                     request_json, currency, amount, created_at, updated_at)
                 VALUES ('{0}', 'u', 'raw-8', 'desk', 'created',
                     '{{\"external_id\":\"raw-8\",\"amount\":500.00,\"currency\":\"BRL\"}}',
                     'BRL', '500.00', 't', 't');
                 UPDATE cashout.payouts SET phase = 'intent' WHERE scope = '{0}' AND external_id = 'raw-8'",
                ana.desk.environment_scope()
            ),
            "CA001",
            "a row written as sent long ago, then turned back into an intent to be resent unheld",
        ),
        (
            &ana,
            "SELECT settle_token FROM cashout.approvals".to_owned(),
            "42501",
            "reading the tokens that fence settlements",
        ),
    ];
    for (who, sql, code, what) in &cases {
        assert_eq!(&refused_sql(&team, who, sql).await, code, "{what}");
    }
    // One vote per approver, even through SQL.
    let raw_bea = team.db.raw(&bea.profile, &bea.password).await;
    raw_bea.batch_execute(&decide("approve")).await.unwrap();
    assert_eq!(refused_sql(&team, &bea, &decide("approve")).await, "CA004");
    // A policy change is never applied by the one who proposed it.
    let raw_admin = team.db.raw(&admin.profile, &admin.password).await;
    let change: i64 = raw_admin
        .query_one(
            "SELECT cashout.propose_policy($1, 'BRL', NULL, NULL, NULL)",
            &[&ana.desk.environment_scope()],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(
        refused_sql(
            &team,
            &admin,
            &format!("SELECT cashout.decide_policy_change({change}, true, NULL)")
        )
        .await,
        "CA003"
    );
    // Past its expiry nobody approves it.
    team.db
        .superuser()
        .await
        .batch_execute("UPDATE cashout.approvals SET expires_at = now() - interval '1 second'")
        .await
        .unwrap();
    let eve = team.operator("eve", &["cashout_approver"]).await;
    assert_eq!(refused_sql(&team, &eve, &decide("approve")).await, "CA006");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payout_whose_approval_was_closed_or_forged_away_is_never_freed_by_hand() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;
    let raw = team.db.raw(&ana.profile, &ana.password).await;
    let scope = ana.desk.environment_scope();

    // Closed: Ana records, with psql, that her held payout was cancelled; the provider still
    // holds it, and the desk records ON_HOLD again at the next check.
    let first = ana
        .desk
        .create(
            &cashout_tests::br_pix("forge-1", "250"),
            &Default::default(),
        )
        .await
        .unwrap();
    raw.batch_execute(&format!(
        "UPDATE cashout.payouts SET status = 'CANCELLED' WHERE scope = '{scope}' AND external_id = 'forge-1'"
    ))
    .await
    .unwrap();
    let closed = ana.desk.approval_of(&ext("forge-1")).unwrap().unwrap();
    assert_eq!(closed.state, ApprovalState::Closed);
    let first_id = CashoutId(first.cashout_id.unwrap());
    assert_eq!(
        ana.desk
            .check(&CashoutRef::Id(first_id))
            .await
            .unwrap()
            .status,
        Some(CashoutStatus::OnHold)
    );
    assert_eq!(
        refusal(ana.desk.release(first_id).await.unwrap_err()),
        Refusal::UnderApproval
    );
    assert_eq!(
        refusal(
            bea.desk
                .decide_approval(&ext("forge-1"), Decision::Approve, "")
                .await
                .unwrap_err()
        ),
        Refusal::DecidedAlready,
        "a closed approval is not approved either"
    );
    assert_eq!(updates_sent(&ana.desk, "forge-1"), 0);
    let log = ana
        .desk
        .journal()
        .audit_log(&AuditFilter {
            limit: 100,
            ..AuditFilter::default()
        })
        .unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "approval_closed" && e.os_user == ana.login()),
        "the close is in the chain under Ana's login"
    );

    // Forged settlement: past the expiry, Ana expires it and records it as cancelled herself.
    let second = ana
        .desk
        .create(
            &cashout_tests::br_pix("forge-2", "260"),
            &Default::default(),
        )
        .await
        .unwrap();
    team.db
        .superuser()
        .await
        .batch_execute("UPDATE cashout.approvals SET expires_at = now() - interval '1 second' WHERE state = 'waiting'")
        .await
        .unwrap();
    let id = ana
        .desk
        .journal()
        .find(&scope, None, Some("forge-2"))
        .unwrap()
        .unwrap()
        .id;
    raw.batch_execute(&format!(
        "SELECT cashout.expire_approvals('{scope}');
         SELECT cashout.claim_settlement({id}, 'ana-forged-token-0000', interval '1 hour');
         SELECT cashout.settle_approval({id}, 'ana-forged-token-0000', 'cancelled');"
    ))
    .await
    .unwrap();
    let second_id = CashoutId(second.cashout_id.unwrap());
    assert_eq!(
        refusal(ana.desk.release(second_id).await.unwrap_err()),
        Refusal::UnderApproval
    );
    assert_eq!(
        updates_sent(&ana.desk, "forge-2"),
        0,
        "still held, nothing released"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approvers_see_the_amount_and_beneficiary_as_sent_not_as_later_edited() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;
    ana.desk
        .create(
            &cashout_tests::br_pix("edit-1", "1500.00"),
            &Default::default(),
        )
        .await
        .unwrap();
    let raw = team.db.raw(&ana.profile, &ana.password).await;
    raw.batch_execute(&format!(
        "UPDATE cashout.payouts SET amount = '50.00', beneficiary = 'Office supplies'
         WHERE scope = '{}' AND external_id = 'edit-1'",
        ana.desk.environment_scope()
    ))
    .await
    .unwrap();
    let page = bea
        .desk
        .approvals_page(ApprovalFilter::WaitingForMe, 10)
        .unwrap();
    let seen = &page.items[0].payout;
    assert_eq!(
        (seen.amount.as_deref(), seen.beneficiary.as_deref()),
        (Some("1500.00"), Some("Ana Souza"))
    );
    let detail = bea.desk.approval_detail(&ext("edit-1")).unwrap();
    assert_eq!(detail.payout.amount.as_deref(), Some("1500.00"));
    assert_eq!(detail.payout.beneficiary.as_deref(), Some("Ana Souza"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_held_payout_whose_create_answer_was_lost_is_not_released_by_hand_under_its_cashout_id() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;
    // The sandbox numbers cashouts one after another: the next one is this one's successor.
    let before = ana
        .desk
        .create(
            &cashout_tests::br_pix("seq-0", "50.00"),
            &Default::default(),
        )
        .await
        .unwrap();
    team.sandbox.inject(okp_sandbox::Fault::DropAfterCommit(
        okp_sandbox::Endpoint::Create,
    ));
    for _ in 0..12 {
        team.sandbox.inject(okp_sandbox::Fault::DropBeforeCommit(
            okp_sandbox::Endpoint::Status,
        ));
    }
    let lost = ana
        .desk
        .create(
            &cashout_tests::br_pix("lost-1", "900.00"),
            &Default::default(),
        )
        .await;
    assert!(
        lost.is_err(),
        "the answer and the lookups were lost: {lost:?}"
    );
    let cashout = CashoutId(before.cashout_id.unwrap() + 1);
    // The provider holds it (the status answer names neither id, so the journal cannot tell
    // this cashout is Ana's payout under approval).
    let client = Client::new(
        Environment::from_base_url(&team.sandbox.base_url()).unwrap(),
        okp_sandbox::demo_credentials(),
        ClientOptions::default(),
    )
    .unwrap();
    let mut held = None;
    for _ in 0..20 {
        if let Ok(a) = client.status(&CashoutRef::Id(cashout)).await {
            held = Some(a.cashout_status);
            break;
        }
    }
    assert_eq!(held, Some(5), "ON_HOLD at the provider");
    let refused = bea.desk.release(cashout).await.unwrap_err();
    assert_eq!(refusal(refused), Refusal::UnderApproval);
    assert_eq!(
        client
            .status(&CashoutRef::Id(cashout))
            .await
            .unwrap()
            .cashout_status,
        5,
        "still held"
    );
}

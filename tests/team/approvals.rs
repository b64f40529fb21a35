//! Approvals (maker–checker) on a real PostgreSQL server, against the sandbox: a payout at or
//! above the team's threshold waits on hold and is released once, by other operators' votes;
//! rejections and expiry cancel it; and every rule holds when an operator goes around the desk
//! with raw SQL as their own role.

use std::sync::Arc;
use std::time::Duration;

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::api::types::{CashoutId, CashoutRef};
use cashout_core::approvals::{ApprovalFilter, ApprovalState, Decision, Refusal};
use cashout_core::audit::AuditFilter;
use cashout_core::clock::ManualClock;
use cashout_core::credentials::Secret;
use cashout_core::desk::{Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::error::Error;
use cashout_core::journal::postgres::TeamProfile;
use cashout_core::journal::Journal;
use cashout_core::status::CashoutStatus;
use okp_sandbox::Sandbox;

use crate::support::{Server, TeamDb};

/// A team journal, the sandbox, and desks signed in as operators with the roles asked for.
struct Team {
    db: TeamDb,
    sandbox: Sandbox,
    clock: ManualClock,
    _dir: tempfile::TempDir,
}

/// One operator's desk, with what their `psql` would sign in with.
struct Operator {
    desk: Desk,
    profile: TeamProfile,
    password: Secret,
}

impl Operator {
    fn login(&self) -> &str {
        &self.profile.user
    }
}

impl Team {
    async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let clock =
            ManualClock::new(time::OffsetDateTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000));
        let sandbox =
            cashout_tests::start_sandbox(dir.path().join("sandbox.sqlite3"), clock.clone()).await;
        Self {
            db: Server::from_env().team_database().await,
            sandbox,
            clock,
            _dir: dir,
        }
    }

    /// A new operator `who` in the groups `roles` (e.g. `cashout_approver`).
    async fn operator(&self, who: &str, roles: &[&str]) -> Operator {
        let (profile, password) = self.db.operator(who).await;
        for role in roles {
            self.db
                .superuser()
                .await
                .batch_execute(&format!("GRANT {role} TO {}", profile.user))
                .await
                .unwrap();
        }
        let journal = Journal::open_team(&profile, &password, Arc::new(self.clock.clone()))
            .await
            .unwrap();
        let client = Client::new(
            Environment::from_base_url(&self.sandbox.base_url()).unwrap(),
            okp_sandbox::demo_credentials(),
            ClientOptions::default(),
        )
        .unwrap();
        Operator {
            desk: Desk::new(client, Arc::new(journal), RetryPolicy::default()),
            profile,
            password,
        }
    }

    /// Sets the policy for BRL: `admin` proposes, `second` approves.
    async fn policy(&self, admin: &Operator, second: &Operator, threshold: &str, approvers: u8) {
        let change = admin
            .desk
            .propose_approval_policy("brl", Some(threshold), approvers, 168)
            .await
            .unwrap();
        second
            .desk
            .decide_policy_change(change, true, "")
            .await
            .unwrap();
    }
}

fn refusal(e: Error) -> Refusal {
    match e {
        Error::ApprovalRefused { refusal, .. } => refusal,
        other => panic!("expected an approval refusal, got {other:?}"),
    }
}

fn ext(x: &str) -> CashoutRef {
    CashoutRef::ExternalId(x.to_owned())
}

/// How many status updates (hold or release) the desks sent for payout `x`.
fn updates_sent(desk: &Desk, x: &str) -> usize {
    desk.exchanges(&ext(x))
        .unwrap()
        .iter()
        .filter(|e| e.exchange.method == "PUT" && e.exchange.outcome == "ok")
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payout_at_the_threshold_waits_on_hold_until_two_other_operators_approve_it() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &["cashout_approver"]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    let cid = team.operator("cid", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "1000", 2).await;

    // Below the threshold: straight through, no approval.
    let small = ana
        .desk
        .create(
            &cashout_tests::br_pix("small-1", "999.99"),
            &Default::default(),
        )
        .await
        .unwrap();
    assert_eq!(small.status, Some(CashoutStatus::Pending));
    assert_eq!(ana.desk.approval_of(&ext("small-1")).unwrap(), None);

    // At the threshold: the review says why it will be held, and it is sent on hold.
    let request = cashout_tests::br_pix("big-1", "1000.00");
    let review = ana.desk.review_create(&request, false).unwrap();
    assert_eq!(
        review.request["on_hold"],
        serde_json::Value::Bool(true),
        "the reviewed request is held"
    );
    assert!(
        review
            .warnings
            .iter()
            .any(|w| w.field == "on_hold" && w.message.contains("2 other operators")),
        "{:?}",
        review.warnings
    );
    let big = ana
        .desk
        .create(&request, &Default::default())
        .await
        .unwrap();
    assert_eq!(big.status, Some(CashoutStatus::OnHold));
    let waiting = ana.desk.approval_of(&ext("big-1")).unwrap().unwrap();
    assert_eq!(
        (
            waiting.state,
            waiting.required,
            waiting.prepared_by.as_str()
        ),
        (ApprovalState::Waiting, 2, ana.login())
    );

    // Not by its preparer, not by hand.
    let own = ana
        .desk
        .decide_approval(&ext("big-1"), Decision::Approve, "")
        .await
        .unwrap_err();
    assert_eq!(refusal(own), Refusal::OwnPayout);
    let cashout = CashoutId(big.cashout_id.unwrap());
    assert_eq!(
        refusal(ana.desk.release(cashout).await.unwrap_err()),
        Refusal::UnderApproval
    );
    assert_eq!(
        refusal(bea.desk.release(cashout).await.unwrap_err()),
        Refusal::UnderApproval
    );
    assert_eq!(
        bea.desk
            .approvals(ApprovalFilter::WaitingForMe, 10)
            .unwrap()
            .len(),
        1,
        "waiting for Bea"
    );
    assert!(ana
        .desk
        .approvals(ApprovalFilter::WaitingForMe, 10)
        .unwrap()
        .is_empty());

    // One approval of two: still held; the same approver twice does not count.
    let first = bea
        .desk
        .decide_approval(&ext("big-1"), Decision::Approve, "checked the invoice")
        .await
        .unwrap();
    assert_eq!(first.approval.state, ApprovalState::Waiting);
    assert_eq!(first.payout.status, Some(CashoutStatus::OnHold));
    let again = bea
        .desk
        .decide_approval(&ext("big-1"), Decision::Approve, "")
        .await
        .unwrap_err();
    assert_eq!(refusal(again), Refusal::VotedAlready);

    // The second approver's vote releases it, once.
    let second = cid
        .desk
        .decide_approval(&ext("big-1"), Decision::Approve, "")
        .await
        .unwrap();
    assert_eq!(second.settle_error, None);
    assert_eq!(second.approval.state, ApprovalState::Released);
    assert_eq!(second.approval.approvers(), [bea.login(), cid.login()]);
    assert_eq!(second.payout.status, Some(CashoutStatus::Pending));
    assert_eq!(updates_sent(&cid.desk, "big-1"), 1, "released once");
    let at_provider = ana.desk.check(&CashoutRef::Id(cashout)).await.unwrap();
    assert_eq!(at_provider.status, Some(CashoutStatus::Pending));

    // Every step is in the chain, under the database's login of who did it.
    let log = ana
        .desk
        .journal()
        .audit_log(&AuditFilter {
            limit: 100,
            ..AuditFilter::default()
        })
        .unwrap();
    let by = |action: &str| {
        log.iter()
            .filter(|e| e.action == action)
            .map(|e| e.os_user.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(by("policy_proposed"), [admin.login()]);
    assert_eq!(by("policy_applied"), [bea.login()]);
    assert_eq!(by("approval_approved"), [cid.login(), bea.login()]);
    assert_eq!(by("approval_released"), [cid.login()]);
    assert_eq!(
        ana.desk.journal().verify_audit().unwrap().broken_at,
        None,
        "the chain verifies"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_approvers_clicking_at_the_same_moment_release_the_payout_once() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    let cid = team.operator("cid", &["cashout_approver"]).await;
    for (i, approvers) in [1u8, 2].into_iter().enumerate() {
        team.policy(&admin, &bea, "100", approvers).await;
        let x = format!("race-{i}");
        ana.desk
            .create(&cashout_tests::br_pix(&x, "500"), &Default::default())
            .await
            .unwrap();
        let which = ext(&x);
        let (b, c) = tokio::join!(
            bea.desk.decide_approval(&which, Decision::Approve, ""),
            cid.desk.decide_approval(&which, Decision::Approve, ""),
        );
        let released = [&b, &c]
            .iter()
            .filter(|r| {
                r.as_ref()
                    .is_ok_and(|v| v.approval.state == ApprovalState::Released)
            })
            .count();
        assert_eq!(
            released, 1,
            "{approvers} approver(s): one vote releases it: {b:?} {c:?}"
        );
        if approvers == 1 {
            let refused = [b, c]
                .into_iter()
                .filter_map(Result::err)
                .map(refusal)
                .collect::<Vec<_>>();
            assert_eq!(
                refused,
                [Refusal::DecidedAlready],
                "the later vote finds it decided"
            );
        }
        assert_eq!(
            updates_sent(&ana.desk, &x),
            1,
            "one release reached the provider"
        );
        assert_eq!(
            ana.desk.recorded(&ext(&x)).unwrap().status,
            Some(CashoutStatus::Pending)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejection_needs_a_reason_and_cancels_the_payout_at_the_provider() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;
    ana.desk
        .create(&cashout_tests::br_pix("rej-1", "250"), &Default::default())
        .await
        .unwrap();
    let bare = bea
        .desk
        .decide_approval(&ext("rej-1"), Decision::Reject, "  ")
        .await
        .unwrap_err();
    assert_eq!(bare.field(), Some("reason"));
    let view = bea
        .desk
        .decide_approval(&ext("rej-1"), Decision::Reject, "wrong beneficiary")
        .await
        .unwrap();
    assert_eq!(view.approval.state, ApprovalState::Cancelled);
    assert_eq!(view.payout.status, Some(CashoutStatus::Cancelled));
    assert_eq!(
        view.approval.votes[0].reason.as_deref(),
        Some("wrong beneficiary")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_approval_past_its_expiry_cannot_be_approved_and_the_sweep_cancels_it() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;
    ana.desk
        .create(&cashout_tests::br_pix("old-1", "250"), &Default::default())
        .await
        .unwrap();
    // Seven days pass (the expiry is the server's clock).
    team.db
        .superuser()
        .await
        .batch_execute("UPDATE cashout.approvals SET expires_at = now() - interval '1 second'")
        .await
        .unwrap();
    let late = bea
        .desk
        .decide_approval(&ext("old-1"), Decision::Approve, "")
        .await
        .unwrap_err();
    assert_eq!(refusal(late), Refusal::Expired);
    let sweep = ana.desk.sweep_approvals().await.unwrap();
    assert_eq!((sweep.expired, sweep.settled, sweep.failed), (1, 1, 0));
    assert_eq!(
        ana.desk.recorded(&ext("old-1")).unwrap().status,
        Some(CashoutStatus::Cancelled)
    );
    let approval = ana.desk.approval_of(&ext("old-1")).unwrap().unwrap();
    assert_eq!(approval.state, ApprovalState::Cancelled);
    assert_eq!(ana.desk.sweep_approvals().await.unwrap().settled, 0, "once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decision_whose_desk_died_before_releasing_is_released_once_by_another_desks_sweep() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;
    ana.desk
        .create(&cashout_tests::br_pix("died-1", "250"), &Default::default())
        .await
        .unwrap();
    let store = bea.desk.journal().approvals().unwrap();
    let record = bea
        .desk
        .journal()
        .find(&bea.desk.environment_scope(), None, Some("died-1"))
        .unwrap()
        .unwrap();
    // Bea's vote decides it; her desk dies before it releases, and its lease runs out.
    let token = "bea-desk-0000000000000000";
    let decided = store
        .decide_approval(
            record.id,
            Decision::Approve,
            "",
            token,
            Duration::from_secs(60),
        )
        .await
        .unwrap();
    assert!(decided.settles);
    team.db
        .superuser()
        .await
        .batch_execute("UPDATE cashout.approvals SET settle_until = now() - interval '1 second'")
        .await
        .unwrap();
    assert_eq!(
        ana.desk.recorded(&ext("died-1")).unwrap().status,
        Some(CashoutStatus::OnHold)
    );
    let sweep = ana.desk.sweep_approvals().await.unwrap();
    assert_eq!((sweep.settled, sweep.failed), (1, 0));
    assert_eq!(
        ana.desk.recorded(&ext("died-1")).unwrap().status,
        Some(CashoutStatus::Pending)
    );
    assert_eq!(updates_sent(&ana.desk, "died-1"), 1);
    // The dead desk's late settlement is refused: the token is no longer its.
    let late = store
        .settle_approval(record.id, token, ApprovalState::Released)
        .await
        .unwrap_err();
    assert_eq!(refusal(late), Refusal::DecidedAlready, "released already");
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
            format!(
                "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                     request_json, currency, amount, created_at, updated_at)
                 VALUES ('{}', 'u', '{}', '{}', '{}', '{}', {}, '500.00', 't', 't')",
                ana.desk.environment_scope(),
                "raw-3",
                "desk",
                "not_sent",
                r#"{"amount":500.00,"country":"BR","currency":"BRL"}"#,
                "'BRL'"
            ),
            "CA001",
            "writing an unheld payout as not sent, to resend it",
        ),
        (
            &ana,
            format!(
                "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                     request_json, currency, amount, created_at, updated_at)
                 VALUES ('{}', 'u', '{}', '{}', '{}', '{}', {}, '500.00', 't', 't')",
                ana.desk.environment_scope(),
                "raw-4",
                "lookup",
                "unknown",
                r#"{"amount":500.00,"country":"BR","currency":"BRL"}"#,
                "'BRL'"
            ),
            "CA001",
            "writing an unheld payout as a lookup record",
        ),
        (
            &ana,
            format!(
                "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                     request_json, currency, amount, created_at, updated_at)
                 VALUES ('{}', 'u', '{}', '{}', '{}', '{}', {}, '500.00', 't', 't')",
                ana.desk.environment_scope(),
                "raw-5",
                "desk",
                "intent",
                r#"{"amount":500.00,"country":"BR","currency":" brl"}"#,
                "'BRL'"
            ),
            "CA001",
            "spelling the currency another way",
        ),
        (
            &ana,
            format!(
                "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                     request_json, currency, amount, created_at, updated_at)
                 VALUES ('{}', 'u', '{}', '{}', '{}', '{}', {}, '500.00', 't', 't')",
                ana.desk.environment_scope(),
                "raw-6",
                "desk",
                "intent",
                r#"{"amount":"5e2","country":"BR"}"#,
                "NULL"
            ),
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
async fn an_approver_is_told_when_the_same_money_goes_to_the_same_account_twice() {
    let team = Team::start().await;
    let admin = team.operator("adm", &["cashout_admin"]).await;
    let ana = team.operator("ana", &[]).await;
    let bea = team.operator("bea", &["cashout_approver"]).await;
    team.policy(&admin, &bea, "100", 1).await;
    for x in ["dup-1", "dup-2"] {
        ana.desk
            .create(&cashout_tests::br_pix(x, "700.00"), &Default::default())
            .await
            .unwrap();
    }
    ana.desk
        .create(
            &cashout_tests::br_pix("other-1", "701.00"),
            &Default::default(),
        )
        .await
        .unwrap();
    let second = bea.desk.approval_detail(&ext("dup-2")).unwrap();
    assert_eq!(
        second
            .same_payouts
            .iter()
            .map(|p| p.external_id.as_deref())
            .collect::<Vec<_>>(),
        [Some("dup-1")]
    );
    assert!(
        second.duplicate_verdict.contains("1 other payout"),
        "{}",
        second.duplicate_verdict
    );
    let other = bea.desk.approval_detail(&ext("other-1")).unwrap();
    assert!(other.same_payouts.is_empty());
    assert!(other.duplicate_verdict.starts_with("No other payout"));
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

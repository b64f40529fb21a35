//! Approvals (maker–checker) on a real PostgreSQL server, against the sandbox: a payout at or
//! above the team's threshold waits on hold and is released once, by other operators' votes;
//! rejections and expiry cancel it; approvers are told of the same money going twice. What
//! holds when an operator goes around the desk with raw SQL is in `approvals_forged`; the
//! team, its operators and the helpers both use are here.

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
pub struct Team {
    pub db: TeamDb,
    pub sandbox: Sandbox,
    clock: ManualClock,
    _dir: tempfile::TempDir,
}

/// One operator's desk, with what their `psql` would sign in with.
pub struct Operator {
    pub desk: Desk,
    pub profile: TeamProfile,
    pub password: Secret,
}

impl Operator {
    pub fn login(&self) -> &str {
        &self.profile.user
    }
}

impl Team {
    pub async fn start() -> Self {
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
    pub async fn operator(&self, who: &str, roles: &[&str]) -> Operator {
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
    pub async fn policy(
        &self,
        admin: &Operator,
        second: &Operator,
        threshold: &str,
        approvers: u8,
    ) {
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

pub fn refusal(e: Error) -> Refusal {
    match e {
        Error::ApprovalRefused { refusal, .. } => refusal,
        other => panic!("expected an approval refusal, got {other:?}"),
    }
}

pub fn ext(x: &str) -> CashoutRef {
    CashoutRef::ExternalId(x.to_owned())
}

/// How many status updates (hold or release) the desks sent for payout `x`.
pub fn updates_sent(desk: &Desk, x: &str) -> usize {
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

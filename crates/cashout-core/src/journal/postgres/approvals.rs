//! The team journal's approvals (see [`crate::approvals`]): reads of the policy, its changes and
//! the approvals with their votes, and the calls of the database functions that decide,
//! expire and settle them (`sql/team/0007_approvals.sql`).
//!
//! Guarantees: no rule is checked here. Every write is one call of a SECURITY DEFINER function
//! that checks the rules on its own and reads the operator from `session_user`; its refusals
//! come back as [`Error::ApprovalRefused`] (SQLSTATE `CA001`–`CA009`, see [`super::pg_error`]).
//! Amounts and thresholds cross as decimal text, never as floats; times are the server's.

use std::time::Duration;

use tokio_postgres::Row;

use super::rows::{record_from_row, SUMMARY_COLUMNS};
use super::{pg_error, pool_error, PgStore};
use crate::approvals::{
    Approval, ApprovalFilter, ApprovalPolicy, ApprovalState, ApprovalStore, Decided, Decision,
    PolicyChange, PolicyProposal, TeamRoles, Vote,
};
use crate::error::{Error, Result};
use crate::journal::store::Pending;

/// A timestamptz column as the journal's fixed-width UTC text.
fn at(column: &str) -> String {
    format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
}

fn approval_columns() -> String {
    format!(
        "a.payout_id, a.scope, a.currency, a.amount::text, a.required, a.prepared_by, {}, {},
         a.state, {}, a.settled_by, {}, a.note",
        at("a.requested_at"),
        at("a.expires_at"),
        at("a.decided_at"),
        at("a.settled_at")
    )
}

fn approval_from_row(r: &Row) -> Approval {
    let state: String = r.get(8);
    Approval {
        payout_id: r.get(0),
        scope: r.get(1),
        currency: r.get(2),
        amount: r.get(3),
        required: u8::try_from(r.get::<_, i32>(4)).unwrap_or(2),
        prepared_by: r.get(5),
        requested_at: r.get(6),
        expires_at: r.get(7),
        // The table's CHECK allows only these names.
        state: ApprovalState::from_name(&state).unwrap_or(ApprovalState::Closed),
        decided_at: r.get(9),
        settled_by: r.get(10),
        settled_at: r.get(11),
        note: r.get(12),
        votes: Vec::new(),
    }
}

fn hours(interval_hours: f64) -> u32 {
    // Whole hours of an interval of at most 30 days (the table's CHECK).
    let h = interval_hours.round();
    if h.is_finite() && h >= 0.0 && h <= f64::from(u32::MAX) {
        h as u32
    } else {
        0
    }
}

/// The votes of `ids`, attached to their approvals.
async fn with_votes(
    client: &deadpool_postgres::Client,
    mut approvals: Vec<Approval>,
) -> Result<Vec<Approval>> {
    if approvals.is_empty() {
        return Ok(approvals);
    }
    let ids: Vec<i64> = approvals.iter().map(|a| a.payout_id).collect();
    let rows = client
        .query(
            &format!(
                "SELECT payout_id, approver, decision, reason, {} FROM cashout.approval_votes
                 WHERE payout_id = ANY($1) ORDER BY at, approver",
                at("at")
            ),
            &[&ids],
        )
        .await
        .map_err(pg_error)?;
    for r in rows {
        let id: i64 = r.get(0);
        let decision: String = r.get(2);
        if let Some(a) = approvals.iter_mut().find(|a| a.payout_id == id) {
            a.votes.push(Vote {
                approver: r.get(1),
                decision: if decision == "reject" {
                    Decision::Reject
                } else {
                    Decision::Approve
                },
                reason: r.get(3),
                at: r.get(4),
            });
        }
    }
    Ok(approvals)
}

impl ApprovalStore for PgStore {
    fn team_roles(&self) -> Result<TeamRoles> {
        self.io.run_blocking(|pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let r = client
                .query_one(
                    "SELECT session_user::text,
                        pg_catalog.pg_has_role(session_user, 'cashout_approver', 'MEMBER'),
                        pg_catalog.pg_has_role(session_user, 'cashout_admin', 'MEMBER')",
                    &[],
                )
                .await
                .map_err(pg_error)?;
            Ok(TeamRoles {
                login: r.get(0),
                approver: r.get(1),
                admin: r.get(2),
            })
        })
    }

    fn policies(&self, scope: &str) -> Result<Vec<ApprovalPolicy>> {
        let scope = scope.to_owned();
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    &format!(
                        "SELECT scope, currency, threshold::text, approvers,
                            extract(epoch FROM expires_after)::float8 / 3600, proposed_by,
                            approved_by, {}
                         FROM cashout.approval_policy WHERE scope = $1 ORDER BY currency",
                        at("changed_at")
                    ),
                    &[&scope],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows
                .iter()
                .map(|r| ApprovalPolicy {
                    scope: r.get(0),
                    currency: r.get(1),
                    threshold: r.get(2),
                    approvers: u8::try_from(r.get::<_, i32>(3)).unwrap_or(2),
                    expires_after_hours: hours(r.get(4)),
                    proposed_by: r.get(5),
                    approved_by: r.get(6),
                    changed_at: r.get(7),
                })
                .collect())
        })
    }

    fn policy_changes(&self, scope: &str) -> Result<Vec<PolicyChange>> {
        let scope = scope.to_owned();
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    &format!(
                        "SELECT id, scope, currency, threshold::text, approvers,
                            extract(epoch FROM expires_after)::float8 / 3600, proposed_by, {},
                            state, decided_by, {}, reason
                         FROM cashout.policy_changes WHERE scope = $1
                         ORDER BY id DESC LIMIT 100",
                        at("proposed_at"),
                        at("decided_at")
                    ),
                    &[&scope],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows
                .iter()
                .map(|r| PolicyChange {
                    id: r.get(0),
                    scope: r.get(1),
                    currency: r.get(2),
                    threshold: r.get(3),
                    approvers: r
                        .get::<_, Option<i32>>(4)
                        .and_then(|n| u8::try_from(n).ok()),
                    expires_after_hours: hours(r.get(5)),
                    proposed_by: r.get(6),
                    proposed_at: r.get(7),
                    state: r.get(8),
                    decided_by: r.get(9),
                    decided_at: r.get(10),
                    reason: r.get(11),
                })
                .collect())
        })
    }

    fn propose_policy<'a>(&'a self, change: &'a PolicyProposal) -> Pending<'a, i64> {
        let scope = change.scope.clone();
        let currency = change.currency.clone();
        let threshold = change.threshold.map(|t| t.to_string());
        let approvers = threshold.as_ref().map(|_| i32::from(change.approvers));
        let secs = i64::try_from(change.expires_after.as_secs()).unwrap_or(i64::MAX);
        Box::pin(self.io.run(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let r = client
                .query_one(
                    "SELECT cashout.propose_policy($1, $2, $3::text::numeric, $4,
                        $5::bigint * interval '1 second')",
                    &[&scope, &currency, &threshold, &approvers, &secs],
                )
                .await
                .map_err(pg_error)?;
            Ok(r.get(0))
        }))
    }

    fn decide_policy_change<'a>(
        &'a self,
        id: i64,
        approve: bool,
        reason: &'a str,
    ) -> Pending<'a, ()> {
        let reason = reason.to_owned();
        Box::pin(self.io.run(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            client
                .execute(
                    "SELECT cashout.decide_policy_change($1, $2, $3)",
                    &[&id, &approve, &reason],
                )
                .await
                .map_err(pg_error)?;
            Ok(())
        }))
    }

    fn approval(&self, payout_id: i64) -> Result<Option<Approval>> {
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let found = client
                .query_opt(
                    &format!(
                        "SELECT {} FROM cashout.approvals a WHERE a.payout_id = $1",
                        approval_columns()
                    ),
                    &[&payout_id],
                )
                .await
                .map_err(pg_error)?
                .map(|r| approval_from_row(&r));
            let found = with_votes(&client, found.into_iter().collect()).await?;
            Ok(found.into_iter().next())
        })
    }

    fn approvals(
        &self,
        scope: &str,
        login: &str,
        filter: ApprovalFilter,
        limit: u32,
    ) -> Result<Vec<Approval>> {
        let (scope, login, limit) = (scope.to_owned(), login.to_owned(), i64::from(limit));
        // "Mine" is what this login may vote on: waiting, not theirs, not voted, and they are
        // an approver. The rest of the waiting ones wait for others.
        let mine = "a.state = 'waiting' AND a.prepared_by <> $2
            AND pg_catalog.pg_has_role(session_user, 'cashout_approver', 'MEMBER')
            AND NOT EXISTS (SELECT 1 FROM cashout.approval_votes v
                            WHERE v.payout_id = a.payout_id AND v.approver = $2)";
        let (condition, order) = match filter {
            ApprovalFilter::WaitingForMe => (mine.to_owned(), "a.expires_at, a.payout_id"),
            ApprovalFilter::WaitingForOthers => (
                format!("a.state = 'waiting' AND NOT ({mine})"),
                "a.expires_at, a.payout_id",
            ),
            ApprovalFilter::Decided => (
                "a.state <> 'waiting' AND $2::text IS NOT NULL".to_owned(),
                "coalesce(a.settled_at, a.decided_at, a.requested_at) DESC, a.payout_id DESC",
            ),
        };
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    &format!(
                        "SELECT {} FROM cashout.approvals a WHERE a.scope = $1 AND {condition}
                         ORDER BY {order} LIMIT $3",
                        approval_columns()
                    ),
                    &[&scope, &login, &limit],
                )
                .await
                .map_err(pg_error)?;
            with_votes(&client, rows.iter().map(approval_from_row).collect()).await
        })
    }

    fn decide_approval<'a>(
        &'a self,
        payout_id: i64,
        decision: Decision,
        reason: &'a str,
        token: &'a str,
        lease: Duration,
    ) -> Pending<'a, Decided> {
        let (reason, token) = (reason.to_owned(), token.to_owned());
        let secs = i64::try_from(lease.as_secs()).unwrap_or(i64::MAX);
        Box::pin(self.io.run(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let r = client
                .query_one(
                    "SELECT state, settle_token FROM cashout.decide_approval($1, $2, $3, $4,
                        $5::bigint * interval '1 second')",
                    &[&payout_id, &decision.name(), &reason, &token, &secs],
                )
                .await
                .map_err(pg_error)?;
            let state: String = r.get(0);
            let settle: Option<String> = r.get(1);
            Ok(Decided {
                state: ApprovalState::from_name(&state)
                    .ok_or_else(|| Error::TeamJournal(format!("unknown approval state {state}")))?,
                settles: settle.as_deref() == Some(token.as_str()),
            })
        }))
    }

    fn expire_approvals<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<i64>> {
        let scope = scope.to_owned();
        Box::pin(self.io.run(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query("SELECT cashout.expire_approvals($1)", &[&scope])
                .await
                .map_err(pg_error)?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        }))
    }

    fn unsettled(&self, scope: &str) -> Result<Vec<i64>> {
        let scope = scope.to_owned();
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    "SELECT payout_id FROM cashout.approvals
                     WHERE scope = $1 AND state IN ('approved', 'rejected', 'expired')
                       AND (settle_until IS NULL OR settle_until <= now())
                     ORDER BY payout_id LIMIT 100",
                    &[&scope],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })
    }

    fn same_payouts(
        &self,
        scope: &str,
        record: &crate::journal::PayoutRecord,
        window: Duration,
    ) -> Result<Vec<crate::journal::PayoutRecord>> {
        let (scope, id) = (scope.to_owned(), record.id);
        // Bounds as the journal's fixed-width text (text order is time order), so a row with an
        // odd time can never make the query fail.
        let Some(at) = crate::clock::parse_instant(&record.created_at) else {
            return Ok(Vec::new());
        };
        let (from, to) = (
            crate::clock::format_instant(at - window),
            crate::clock::format_instant(at + window),
        );
        let Some(hash) = record.request.as_ref().map(crate::journal::content_hash) else {
            return Ok(Vec::new());
        };
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            // The duplicate guard's own conditions (see `writes.rs`, record_intent).
            let rows = client
                .query(
                    &format!(
                        "SELECT {SUMMARY_COLUMNS} FROM cashout.payouts
                         WHERE scope = $1 AND id <> $2 AND content_hash = $3
                           AND created_at BETWEEN $4 AND $5
                           AND coalesce(status, '') NOT IN ('CANCELLED', 'REJECTED')
                           AND NOT (phase = 'declined' AND coalesce(api_code, 0) <> 511)
                         ORDER BY created_at DESC, id DESC LIMIT 20"
                    ),
                    &[&scope, &id, &hash, &from, &to],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows.iter().map(record_from_row).collect())
        })
    }

    fn unidentified_under_approval(&self, scope: &str) -> Result<u32> {
        let scope = scope.to_owned();
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let n: i64 = client
                .query_one(
                    "SELECT count(*) FROM cashout.approvals a
                     JOIN cashout.payouts p ON p.id = a.payout_id
                     WHERE a.scope = $1 AND a.state <> 'released' AND p.cashout_id IS NULL
                       AND p.phase NOT IN ('declined', 'not_sent')",
                    &[&scope],
                )
                .await
                .map_err(pg_error)?
                .get(0);
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        })
    }

    fn claim_settlement<'a>(
        &'a self,
        payout_id: i64,
        token: &'a str,
        lease: Duration,
    ) -> Pending<'a, Option<ApprovalState>> {
        let token = token.to_owned();
        let secs = i64::try_from(lease.as_secs()).unwrap_or(i64::MAX);
        Box::pin(self.io.run(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let r = client
                .query_one(
                    "SELECT cashout.claim_settlement($1, $2, $3::bigint * interval '1 second')",
                    &[&payout_id, &token, &secs],
                )
                .await
                .map_err(pg_error)?;
            let state: Option<String> = r.get(0);
            Ok(state.as_deref().and_then(ApprovalState::from_name))
        }))
    }

    fn settle_approval<'a>(
        &'a self,
        payout_id: i64,
        token: &'a str,
        outcome: ApprovalState,
    ) -> Pending<'a, ()> {
        let token = token.to_owned();
        Box::pin(self.io.run(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            client
                .execute(
                    "SELECT cashout.settle_approval($1, $2, $3)",
                    &[&payout_id, &token, &outcome.name()],
                )
                .await
                .map_err(pg_error)?;
            Ok(())
        }))
    }
}

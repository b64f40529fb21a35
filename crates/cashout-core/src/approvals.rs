//! Approvals (maker–checker): payouts at or above a team's threshold are created on hold and
//! move only when other operators approve them.
//!
//! What lives here: the records (policy, policy changes, approvals and their votes) and the
//! [`ApprovalStore`] interface a journal offers when it can enforce them. Only the team journal
//! can: the rules — no self-approval, N distinct approvers, expiry, a second operator for a
//! policy change, a payout at or above the threshold only on hold — are checked inside
//! PostgreSQL (`sql/team/0007_approvals.sql`), so a desk that skips them, or an operator with
//! `psql`, is refused all the same. A local journal (one operator) has no approvals.
//!
//! The desk's side of the flow (holding at create, releasing or cancelling once decided, the
//! expiry sweep) is in `desk::approve`.
//!
//! Source of the rules: issue 12; research-next §1.7 (Wise Business, Airwallex, Adyen). The
//! provider has no approvals of its own; `on_hold: true` keeps a payout's funds reserved until
//! it is released (ON_HOLD → PENDING) or cancelled (docs.d24.com, cashout update status).

use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::journal::store::Pending;
use crate::l10n::messages::tr;

/// Where an approval stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ApprovalState {
    /// Waiting for approvers; the payout is on hold.
    Waiting,
    /// Approved by enough approvers; to be released at the provider.
    Approved,
    /// Rejected by an approver; to be cancelled at the provider.
    Rejected,
    /// Not decided before its expiry; to be cancelled at the provider.
    Expired,
    /// Approved and released (ON_HOLD → PENDING).
    Released,
    /// Rejected or expired, and cancelled at the provider.
    Cancelled,
    /// The payout ended another way while the approval was open (cancelled by hand, declined,
    /// rejected by the bank): nothing left to decide.
    Closed,
}

impl ApprovalState {
    /// The stored name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Expired => "expired",
            Self::Released => "released",
            Self::Cancelled => "cancelled",
            Self::Closed => "closed",
        }
    }

    /// The state named `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Waiting,
            Self::Approved,
            Self::Rejected,
            Self::Expired,
            Self::Released,
            Self::Cancelled,
            Self::Closed,
        ]
        .into_iter()
        .find(|s| s.name() == name)
    }

    /// Whether the payout is still under the approval flow: decided or not, it has not been
    /// settled at the provider, so nobody holds or releases it by hand.
    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Self::Waiting | Self::Approved | Self::Rejected | Self::Expired
        )
    }
}

/// An approver's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Decision {
    Approve,
    Reject,
}

impl Decision {
    /// The stored name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject => "reject",
        }
    }
}

/// One approver's vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Vote {
    /// The approver's login role (the database's session_user when they voted).
    pub approver: String,
    pub decision: Decision,
    /// Required for a rejection.
    pub reason: Option<String>,
    /// When (the server's clock, UTC, fixed width).
    pub at: String,
}

/// A payout's approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Approval {
    /// The journal record of the payout.
    pub payout_id: i64,
    /// The environment scope.
    pub scope: String,
    /// ISO 4217 code.
    pub currency: String,
    /// Canonical decimal text, as in the request.
    pub amount: String,
    /// Distinct approvers needed (1 or 2).
    pub required: u8,
    /// Who prepared (created) the payout: never one of its approvers.
    pub prepared_by: String,
    pub requested_at: String,
    /// After this (the server's clock) it can no longer be approved and is cancelled.
    pub expires_at: String,
    pub state: ApprovalState,
    pub decided_at: Option<String>,
    /// Who released or cancelled it at the provider, and when.
    pub settled_by: Option<String>,
    pub settled_at: Option<String>,
    /// Why it closed another way, when it did.
    pub note: Option<String>,
    /// Every vote, oldest first.
    pub votes: Vec<Vote>,
}

impl Approval {
    /// How far it has got, in words, in the active language: `1 of 2 approved · by bea`,
    /// `… · rejected by cid`.
    #[must_use]
    pub fn progress(&self) -> String {
        let who = |d: Decision| {
            self.votes
                .iter()
                .filter(|v| v.decision == d)
                .map(|v| v.approver.as_str())
                .collect::<Vec<_>>()
        };
        let (yes, no) = (who(Decision::Approve), who(Decision::Reject));
        // The approvers needed choose the plural ("1 of 2 approvals"); the count approved is
        // shown as digits, and the logins are names, joined as they are.
        let mut parts = vec![tr(
            "d-approval-progress",
            &[
                ("approved", yes.len().to_string().into()),
                ("required", i64::from(self.required).into()),
            ],
        )];
        if !yes.is_empty() {
            parts.push(tr(
                "d-approval-approved-by",
                &[("names", yes.join(", ").into())],
            ));
        }
        if !no.is_empty() {
            parts.push(tr(
                "d-approval-rejected-by",
                &[("names", no.join(", ").into())],
            ));
        }
        parts.join(" · ")
    }

    /// The approvers who approved, oldest first.
    #[must_use]
    pub fn approvers(&self) -> Vec<&str> {
        self.votes
            .iter()
            .filter(|v| v.decision == Decision::Approve)
            .map(|v| v.approver.as_str())
            .collect()
    }
}

/// What a currency of an environment needs: approval from `threshold` up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ApprovalPolicy {
    pub scope: String,
    pub currency: String,
    /// Payouts of this amount or more need approval (decimal text).
    pub threshold: String,
    /// Distinct approvers needed (1 or 2).
    pub approvers: u8,
    /// How long an approval may wait before it expires, in hours.
    pub expires_after_hours: u32,
    pub proposed_by: String,
    pub approved_by: String,
    pub changed_at: String,
}

/// A change of the policy, proposed by an administrator and applied when a second operator
/// approves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PolicyChange {
    pub id: i64,
    pub scope: String,
    pub currency: String,
    /// The new threshold; `None` removes the currency's threshold.
    pub threshold: Option<String>,
    pub approvers: Option<u8>,
    pub expires_after_hours: u32,
    pub proposed_by: String,
    pub proposed_at: String,
    /// proposed, applied or rejected.
    pub state: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub reason: Option<String>,
}

/// A proposed change of the policy (see [`ApprovalStore::propose_policy`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyProposal {
    pub scope: String,
    /// ISO 4217 code, upper case.
    pub currency: String,
    /// `None`: the currency no longer needs approval.
    pub threshold: Option<crate::money::Amount>,
    /// 1 or 2 (ignored without a threshold).
    pub approvers: u8,
    /// 1 hour to 30 days.
    pub expires_after: Duration,
}

/// What the signed-in operator may do in the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TeamRoles {
    /// Their login role.
    pub login: String,
    /// May approve or reject payouts and policy changes (`cashout_approver`).
    pub approver: bool,
    /// May propose policy changes and add operators (`cashout_admin`).
    pub admin: bool,
}

/// The outcome of a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    /// The approval's state after the vote.
    pub state: ApprovalState,
    /// Whether this vote decided it, and so holds the settlement claim (its desk releases or
    /// cancels at once).
    pub settles: bool,
}

/// Why the team journal refused a step of the approval flow (the database's word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Refusal {
    /// A payout at or above the threshold was not created on hold.
    NeedsHold,
    /// The operator's role may not do this (not an approver, not an administrator).
    NotAllowed,
    /// Their own payout, or their own policy proposal.
    OwnPayout,
    /// They voted on it already.
    VotedAlready,
    /// Decided or settled already.
    DecidedAlready,
    /// Past its expiry.
    Expired,
    /// No such approval or policy change.
    NoApproval,
    /// A rejection needs a reason.
    ReasonRequired,
    /// Another desk is releasing or cancelling it, or took the settlement over.
    SettlementHeld,
    /// Under approval: hold and release go through the approval flow, not by hand.
    UnderApproval,
    /// Approvals need a team journal.
    NoTeamJournal,
}

impl Refusal {
    /// The refusal a SQLSTATE of `0007_approvals.sql` stands for.
    #[must_use]
    pub fn from_sqlstate(code: &str) -> Option<Self> {
        Some(match code {
            "CA001" => Self::NeedsHold,
            "CA002" => Self::NotAllowed,
            "CA003" => Self::OwnPayout,
            "CA004" => Self::VotedAlready,
            "CA005" => Self::DecidedAlready,
            "CA006" => Self::Expired,
            "CA007" => Self::NoApproval,
            "CA008" => Self::ReasonRequired,
            "CA009" => Self::SettlementHeld,
            _ => return None,
        })
    }

    /// The id of the words that lead the team journal's own sentence about this refusal
    /// (`d-refusal-*` in `details.ftl`; its `$detail` is the database's sentence).
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NeedsHold => "d-refusal-needs-hold",
            Self::NotAllowed => "d-refusal-not-allowed",
            Self::OwnPayout => "d-refusal-own-payout",
            Self::VotedAlready => "d-refusal-voted-already",
            Self::DecidedAlready => "d-refusal-decided-already",
            Self::Expired => "d-refusal-expired",
            Self::NoApproval => "d-refusal-no-approval",
            Self::ReasonRequired => "d-refusal-reason-required",
            Self::SettlementHeld => "d-refusal-settlement-held",
            Self::UnderApproval => "d-refusal-under-approval",
            Self::NoTeamJournal => "d-refusal-no-team-journal",
        }
    }

    /// The field of the form the refusal belongs to, when there is one.
    #[must_use]
    pub fn field(self) -> Option<&'static str> {
        match self {
            Self::ReasonRequired => Some("reason"),
            _ => None,
        }
    }
}

/// Which approvals to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalFilter {
    /// Waiting, and the signed-in operator may vote on them.
    WaitingForMe,
    /// Waiting, and not for the signed-in operator (theirs, voted, or not an approver).
    WaitingForOthers,
    /// Everything past waiting, newest first.
    Decided,
}

/// A journal's approvals (only the team journal has them). Reads answer at once; writes are
/// functions of the database that check every rule themselves and read the operator from the
/// database's `session_user`.
pub trait ApprovalStore: Send + Sync {
    /// The signed-in operator's login and roles.
    ///
    /// # Errors
    /// [`crate::error::Error::TeamJournal`].
    fn team_roles(&self) -> Result<TeamRoles>;

    /// The policy of `scope`, one entry per currency that needs approval.
    ///
    /// # Errors
    /// [`crate::error::Error::TeamJournal`].
    fn policies(&self, scope: &str) -> Result<Vec<ApprovalPolicy>>;

    /// The last 100 policy changes of `scope`, newest first.
    ///
    /// # Errors
    /// [`crate::error::Error::TeamJournal`].
    fn policy_changes(&self, scope: &str) -> Result<Vec<PolicyChange>>;

    /// Proposes a change; answers its id. Needs `cashout_admin`.
    fn propose_policy<'a>(&'a self, change: &'a PolicyProposal) -> Pending<'a, i64>;

    /// Approves (applies) or rejects (with a reason) a proposed change; never the proposer's.
    fn decide_policy_change<'a>(
        &'a self,
        id: i64,
        approve: bool,
        reason: &'a str,
    ) -> Pending<'a, ()>;

    /// The approval of journal record `payout_id`, with its votes.
    ///
    /// # Errors
    /// [`crate::error::Error::TeamJournal`].
    fn approval(&self, payout_id: i64) -> Result<Option<Approval>>;

    /// Approvals of `scope` for the signed-in operator (`login`), at most `limit`.
    ///
    /// # Errors
    /// [`crate::error::Error::TeamJournal`].
    fn approvals(
        &self,
        scope: &str,
        login: &str,
        filter: ApprovalFilter,
        limit: u32,
    ) -> Result<Vec<Approval>>;

    /// Votes on the approval of record `payout_id`. When the vote decides it, the desk holds
    /// the settlement under `token` for `lease` ([`Decided::settles`]).
    fn decide_approval<'a>(
        &'a self,
        payout_id: i64,
        decision: Decision,
        reason: &'a str,
        token: &'a str,
        lease: Duration,
    ) -> Pending<'a, Decided>;

    /// Expires the waiting approvals of `scope` whose time ran out; answers their records.
    fn expire_approvals<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<i64>>;

    /// The records of `scope` whose approval is decided and not settled at the provider.
    ///
    /// # Errors
    /// [`crate::error::Error::TeamJournal`].
    fn unsettled(&self, scope: &str) -> Result<Vec<i64>>;

    /// Claims the settlement of record `payout_id` (nobody holds it, or the holder's lease ran
    /// out); answers the state to settle, `None` when there is nothing to do or another desk
    /// holds it.
    fn claim_settlement<'a>(
        &'a self,
        payout_id: i64,
        token: &'a str,
        lease: Duration,
    ) -> Pending<'a, Option<ApprovalState>>;

    /// The other payouts of `scope` that the duplicate guard counts as the same as `record`
    /// (same amount to the same account, money not known to have stayed put), created within
    /// `window` either side of it, newest first.
    ///
    /// # Errors
    /// [`crate::error::Error::TeamJournal`].
    fn same_payouts(
        &self,
        scope: &str,
        record: &crate::journal::PayoutRecord,
        window: Duration,
    ) -> Result<Vec<crate::journal::PayoutRecord>>;

    /// How many payouts of `scope` that needed approval, and were not released by it, have
    /// no cashout id in the journal (their create's answer was lost, and the provider's status
    /// answers name no ids): a cashout the journal does not know may be one of them.
    ///
    /// # Errors
    /// [`crate::error::Error::TeamJournal`].
    fn unidentified_under_approval(&self, scope: &str) -> Result<u32>;

    /// Records the settlement under `token`: [`ApprovalState::Released`] or
    /// [`ApprovalState::Cancelled`].
    fn settle_approval<'a>(
        &'a self,
        payout_id: i64,
        token: &'a str,
        outcome: ApprovalState,
    ) -> Pending<'a, ()>;
}

#[cfg(test)]
mod tests {
    use super::Refusal;
    use crate::l10n::messages::text;
    use crate::l10n::Lang;

    /// English says the database's sentence as it is; Spanish and Portuguese lead it with
    /// their own words and keep it (who, which payout, when).
    #[test]
    fn a_refusal_is_led_in_the_operators_language_and_keeps_the_databases_words() {
        let said = "ana has voted on this payout already";
        for refusal in [
            Refusal::NeedsHold,
            Refusal::NotAllowed,
            Refusal::OwnPayout,
            Refusal::VotedAlready,
            Refusal::DecidedAlready,
            Refusal::Expired,
            Refusal::NoApproval,
            Refusal::ReasonRequired,
            Refusal::SettlementHeld,
            Refusal::UnderApproval,
            Refusal::NoTeamJournal,
        ] {
            let id = refusal.message_id();
            assert_eq!(text(Lang::En, id, &[("detail", said.into())]), said);
            for lang in [Lang::Es, Lang::PtBr] {
                let words = text(lang, id, &[("detail", said.into())]);
                assert!(
                    words.contains(said) && words.len() > said.len() + 5,
                    "{words}"
                );
            }
        }
    }
}

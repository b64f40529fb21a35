//! The desk's side of approvals (maker–checker, see [`crate::approvals`]): a payout at or
//! above the team's threshold is sent on hold; an approver's vote is cast in the team journal,
//! and the vote that decides it is followed at once by the release (approved) or the cancel
//! (rejected) at the provider; the expiry sweep and any settlement a desk left unfinished are
//! done by the watcher ([`Desk::sweep_approvals`]).
//!
//! Guarantees:
//! - The rules are the database's: this module never decides who may approve, it asks. What
//!   it adds is the provider side, done once: a settlement is claimed in the journal before it
//!   is sent, and what the provider says now decides what is sent (a payout released already
//!   is recorded as released, not released again).
//! - Hold and release by hand are refused while a payout is under approval; cancel is not (it
//!   closes the approval).
//!
//! Left out: approvals in a local journal (one operator; there is nobody else to approve).

use std::time::Duration;

use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::actions::By;
use super::{Desk, PayoutView};
use crate::api::types::{CashoutId, CashoutRef, CreateCashout};
use crate::approvals::{
    Approval, ApprovalFilter, ApprovalPolicy, ApprovalState, ApprovalStore, Decision, Refusal,
};
use crate::error::{Error, Result};
use crate::journal::SendClaim;
use crate::l10n::messages::tr;
use crate::status::{Action, CashoutStatus};
use crate::validate::FieldError;

/// The code of the review's warning that a payout needs approval.
pub const NEEDS_APPROVAL: &str = "needs_approval";

/// How long a desk holds the settlement (release or cancel) it claimed: a status check, an
/// action and the lookup after a lost answer, each at most the client's 45 s, with room to
/// spare (the team journal keeps it within 30 s and 15 min).
pub const SETTLE_LEASE: Duration = Duration::from_secs(300);

/// A payout with its approval, as the approvals view and `cashout approvals` show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ApprovalView {
    pub approval: Approval,
    /// [`Approval::progress`].
    pub progress: String,
    pub payout: PayoutView,
    /// When this desk's vote decided it but the release or cancel at the provider did not go
    /// through: why (the watcher tries again).
    pub settle_error: Option<String>,
}

/// One payout's approval as an approver decides it: the approval and its votes, the payout,
/// the exact request that was sent (the provider holds the funds for it), and its history.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ApprovalDetail {
    pub approval: Option<Approval>,
    /// [`Approval::progress`], when there is an approval.
    pub progress: Option<String>,
    pub payout: PayoutView,
    /// The create as it was sent, amount as decimal text (no credentials are ever in it).
    #[ts(type = "Record<string, unknown> | null")]
    pub request: Option<serde_json::Value>,
    pub history: Vec<crate::journal::HistoryEntry>,
    /// The duplicate guard's verdict, in words: whether other payouts pay the same amount to
    /// the same account within a day of this one.
    pub duplicate_verdict: String,
    /// Those payouts, newest first.
    pub same_payouts: Vec<PayoutView>,
    /// Whether the payout is under the approval flow (decided or not, not yet released or
    /// cancelled): hold and release by hand are refused.
    pub under_approval: bool,
    /// Whether the signed-in operator may vote on it now.
    pub may_vote: bool,
    /// Why not, in words, when they may not (their own payout, voted, not an approver,
    /// decided).
    pub why_not: Option<String>,
}

/// The approvals view: who is signed in, how many wait for them, and one list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ApprovalsPage {
    pub roles: crate::approvals::TeamRoles,
    /// Waiting, and this operator may vote on them (the badge).
    pub waiting_for_me: u32,
    /// The approvals of the list asked for.
    pub items: Vec<ApprovalView>,
}

/// The policy as an operator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PolicyOverview {
    /// Who is signed in, and what they may do.
    pub roles: crate::approvals::TeamRoles,
    /// The thresholds in force, per currency.
    pub policies: Vec<ApprovalPolicy>,
    /// The last changes, newest first.
    pub changes: Vec<crate::approvals::PolicyChange>,
    /// Whether the signed-in operator may propose a change (a team administrator).
    pub may_propose: bool,
    /// The proposed changes they may approve or reject: not their own, and they are an
    /// administrator or an approver (the database checks it again).
    pub may_decide: Vec<i64>,
}

/// What a sweep of the approvals did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ApprovalSweep {
    /// Approvals that expired in this sweep (their payouts are cancelled).
    pub expired: u32,
    /// Decided approvals released or cancelled at the provider in this sweep.
    pub settled: u32,
    /// Settlements that did not go through (tried again at the next sweep).
    pub failed: u32,
}

fn no_team_journal() -> Error {
    Error::ApprovalRefused {
        refusal: Refusal::NoTeamJournal,
        message: tr("d-approvals-need-team-journal", &[]),
    }
}

/// The entry of `policies` a checked `request` falls under (see [`Desk::approval_needed`]).
#[must_use]
pub fn policy_for<'a>(
    policies: &'a [ApprovalPolicy],
    request: &CreateCashout,
) -> Option<&'a ApprovalPolicy> {
    let (Some(currency), Some(amount)) = (request.currency.as_deref(), request.amount) else {
        return None;
    };
    policies.iter().find(|p| {
        p.currency == currency
            && p.threshold
                .parse::<Decimal>()
                .is_ok_and(|t| amount.value() >= t)
    })
}

/// Puts `request` on hold when one of `policies` says it needs approval, with a warning at
/// `on_hold` that says why: the one rule for the form's review and for a batch's rows.
pub fn hold_if_needed(
    policies: &[ApprovalPolicy],
    request: &mut CreateCashout,
    warnings: &mut Vec<FieldError>,
) {
    if let Some(policy) = policy_for(policies, request) {
        request.on_hold = true;
        // The approvers needed choose "another operator" or "2 other operators".
        warnings.push(FieldError {
            field: "on_hold".into(),
            code: NEEDS_APPROVAL,
            message: tr(
                "d-needs-approval",
                &[
                    ("threshold", policy.threshold.clone().into()),
                    ("currency", policy.currency.clone().into()),
                    ("approvers", i64::from(policy.approvers).into()),
                    ("hours", policy.expires_after_hours.to_string().into()),
                ],
            ),
        });
    }
}

impl Desk {
    /// The journal's approvals, or the refusal that says they need a team journal.
    fn approval_store(&self) -> Result<&dyn ApprovalStore> {
        self.journal.approvals().ok_or_else(no_team_journal)
    }

    /// The team's policy for this environment (empty on a local journal).
    ///
    /// # Errors
    /// [`Error::TeamJournal`].
    pub fn approval_policies(&self) -> Result<Vec<ApprovalPolicy>> {
        match self.journal.approvals() {
            Some(store) => store.policies(&self.scope()),
            None => Ok(Vec::new()),
        }
    }

    /// The policy entry a checked `request` falls under: its currency needs approval from an
    /// amount at or below its own. `None` on a local journal, or below every threshold.
    ///
    /// # Errors
    /// [`Error::TeamJournal`].
    pub fn approval_needed(&self, request: &CreateCashout) -> Result<Option<ApprovalPolicy>> {
        Ok(policy_for(&self.approval_policies()?, request).cloned())
    }

    /// Puts a checked `request` that needs approval on hold, with a warning at `on_hold` that
    /// says why (the review shows both before anything is sent).
    pub(super) fn hold_if_approval_needed(
        &self,
        request: &mut CreateCashout,
        warnings: &mut Vec<FieldError>,
    ) -> Result<()> {
        hold_if_needed(&self.approval_policies()?, request, warnings);
        Ok(())
    }

    /// Refuses holding or releasing by hand (cancel is never refused here):
    /// - record `record_id` (cashout `id`) when it needed approval and its approval has not
    ///   released it: waiting or decided, and also closed or cancelled (a payout whose approval
    ///   ended another way is never freed by hand; it can be cancelled);
    /// - a cashout the journal does not know as one of its own payouts (`known_by_id` false)
    ///   while payouts under approval have no cashout id: their create's answer was lost, and
    ///   the provider's status answers name no ids, so this cashout may be one of them (safe
    ///   side: `cashout reconcile` first, or the provider's panel).
    pub(super) fn refuse_by_hand_under_approval(
        &self,
        record_id: i64,
        id: CashoutId,
        action: Action,
        known_by_id: bool,
    ) -> Result<()> {
        let Some(store) = self
            .journal
            .approvals()
            .filter(|_| action != Action::Cancel)
        else {
            return Ok(());
        };
        // The messages word the action themselves ("held", "released"), chosen by its name.
        let verb = action.name();
        let refuse = |message: String| Error::ApprovalRefused {
            refusal: Refusal::UnderApproval,
            message,
        };
        if let Some(a) = store.approval(record_id)? {
            if a.state != ApprovalState::Released {
                return Err(refuse(tr(
                    if a.state.is_open() {
                        "d-by-hand-under-approval-open"
                    } else {
                        "d-by-hand-under-approval-closed"
                    },
                    &[
                        ("id", id.to_string().into()),
                        ("state", a.state.name().into()),
                        ("action", verb.into()),
                    ],
                )));
            }
        }
        if known_by_id {
            return Ok(());
        }
        match store.unidentified_under_approval(&self.scope())? {
            0 => Ok(()),
            n => Err(refuse(tr(
                "d-by-hand-unidentified",
                &[
                    ("id", id.to_string().into()),
                    ("count", i64::from(n).into()),
                    ("action", verb.into()),
                ],
            ))),
        }
    }

    /// The approval of a payout, if it has one (`None` on a local journal).
    ///
    /// # Errors
    /// [`Error::Journal`] / [`Error::TeamJournal`].
    pub fn approval_of(&self, which: &CashoutRef) -> Result<Option<Approval>> {
        let Some(store) = self.journal.approvals() else {
            return Ok(None);
        };
        let record = self.record_of(which)?;
        store.approval(record.id)
    }

    /// Approvals of this environment for the signed-in operator, at most `limit`, with their
    /// payouts.
    ///
    /// # Errors
    /// [`Error::ApprovalRefused`] on a local journal; [`Error::TeamJournal`].
    pub fn approvals(&self, filter: ApprovalFilter, limit: u32) -> Result<Vec<ApprovalView>> {
        Ok(self.approvals_page(filter, limit)?.items)
    }

    /// An approval with its payout as approvers see it (see [`Desk::as_sent`]).
    fn view_of(&self, approval: Approval, settle_error: Option<String>) -> Result<ApprovalView> {
        Ok(ApprovalView {
            payout: self.as_sent(&approval)?,
            progress: approval.progress(),
            approval,
            settle_error,
        })
    }

    /// The approvals view's page: the list `filter` names (at most `limit`), with who is
    /// signed in and how many approvals wait for them.
    ///
    /// # Errors
    /// [`Error::ApprovalRefused`] on a local journal; [`Error::TeamJournal`].
    pub fn approvals_page(&self, filter: ApprovalFilter, limit: u32) -> Result<ApprovalsPage> {
        let store = self.approval_store()?;
        let roles = store.team_roles()?;
        let mine = store.approvals(
            &self.scope(),
            &roles.login,
            ApprovalFilter::WaitingForMe,
            1000,
        )?;
        let items = if filter == ApprovalFilter::WaitingForMe {
            mine.iter().take(limit as usize).cloned().collect()
        } else {
            store.approvals(&self.scope(), &roles.login, filter, limit)?
        };
        Ok(ApprovalsPage {
            waiting_for_me: u32::try_from(mine.len()).unwrap_or(u32::MAX),
            roles,
            items: items
                .into_iter()
                .map(|a| self.view_of(a, None))
                .collect::<Result<_>>()?,
        })
    }

    /// A payout's approval with what an approver needs to decide it.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the journal has no such payout; [`Error::TeamJournal`].
    pub fn approval_detail(&self, which: &CashoutRef) -> Result<ApprovalDetail> {
        let record = self.record_of(which)?;
        let (approval, roles) = match self.journal.approvals() {
            Some(store) => (store.approval(record.id)?, Some(store.team_roles()?)),
            None => (None, None),
        };
        let why_not = match (&approval, &roles) {
            (None, _) | (_, None) => Some(tr("d-approval-why-not-none", &[])),
            (Some(a), _) if a.state != ApprovalState::Waiting => Some(tr(
                "d-approval-why-not-decided",
                &[("state", a.state.name().into())],
            )),
            (Some(a), Some(r)) if a.prepared_by == r.login => {
                Some(tr("d-approval-why-not-own", &[]))
            }
            (Some(a), Some(r)) if a.votes.iter().any(|v| v.approver == r.login) => {
                Some(tr("d-approval-why-not-voted", &[]))
            }
            (Some(_), Some(r)) if !r.approver => Some(tr("d-approval-why-not-approver", &[])),
            _ => None,
        };
        let payout = match &approval {
            Some(a) => self.as_sent(a)?,
            None => self.view(record.id)?,
        };
        let same: Vec<PayoutView> = match self.journal.approvals() {
            Some(store) => store
                .same_payouts(&self.scope(), &record, super::DUPLICATE_WINDOW)?
                .iter()
                .map(PayoutView::of)
                .collect(),
            None => Vec::new(),
        };
        let duplicate_verdict = match same.len() {
            0 => tr("d-duplicate-verdict-none", &[]),
            n => tr(
                "d-duplicate-verdict",
                &[
                    ("count", n.into()),
                    (
                        "ids",
                        same.iter()
                            .map(|p| p.external_id.clone().unwrap_or_else(|| "?".into()))
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                ],
            ),
        };
        Ok(ApprovalDetail {
            progress: approval.as_ref().map(Approval::progress),
            under_approval: approval.as_ref().is_some_and(|a| a.state.is_open()),
            may_vote: why_not.is_none(),
            why_not,
            approval,
            payout,
            duplicate_verdict,
            same_payouts: same,
            request: record.request.as_ref().map(CreateCashout::ipc_json),
            history: self.journal.history(record.id)?,
        })
    }

    /// How many approvals wait for the signed-in operator, and the notice worth raising when
    /// that count went up from `before` (the newest of them, its amount and beneficiary as
    /// sent). `None` on a local journal.
    ///
    /// # Errors
    /// [`Error::TeamJournal`].
    pub fn approvals_waiting(
        &self,
        before: Option<u32>,
    ) -> Result<Option<(u32, Option<crate::watch::Notice>)>> {
        let Some(store) = self.journal.approvals() else {
            return Ok(None);
        };
        let login = store.team_roles()?.login;
        let waiting = store.approvals(&self.scope(), &login, ApprovalFilter::WaitingForMe, 1000)?;
        let count = u32::try_from(waiting.len()).unwrap_or(u32::MAX);
        let newest = waiting
            .iter()
            .max_by(|a, b| a.requested_at.cmp(&b.requested_at))
            .filter(|_| before.is_some_and(|b| count > b));
        let notice = match newest {
            Some(a) => {
                let p = self.as_sent(a)?;
                Some(crate::watch::Notice {
                    // Notices come at most once a window (see `ApprovalNotices`): the title
                    // says how many wait, the body the newest.
                    // Chosen here, not by a plural form: one waiting is "a payout", never "1".
                    title: if count > 1 {
                        tr(
                            "d-approvals-waiting-many",
                            &[("count", count.to_string().into())],
                        )
                    } else {
                        tr("d-approvals-waiting-one", &[])
                    },
                    body: tr(
                        if count > 1 {
                            "d-approvals-waiting-body-newest"
                        } else {
                            "d-approvals-waiting-body"
                        },
                        &[
                            ("amount", a.amount.clone().into()),
                            ("currency", a.currency.clone().into()),
                            (
                                "beneficiary",
                                p.beneficiary.as_deref().unwrap_or("?").into(),
                            ),
                            ("who", a.prepared_by.clone().into()),
                        ],
                    ),
                    cashout_id: p.cashout_id,
                    external_id: p.external_id,
                    batch_id: None,
                })
            }
            None => None,
        };
        Ok(Some((count, notice)))
    }

    /// Casts the signed-in operator's vote on a payout's approval. When it decides the
    /// approval, the payout is released (approved) or cancelled (rejected) at the provider at
    /// once; if that does not go through, the view says why and the watcher tries again.
    ///
    /// # Errors
    /// [`Error::ApprovalRefused`] (the database's refusal: own payout, voted already, expired,
    /// decided, not an approver; or a rejection without a reason, field `reason`, checked
    /// before anything is sent); [`Error::TeamJournal`].
    pub async fn decide_approval(
        &self,
        which: &CashoutRef,
        decision: Decision,
        reason: &str,
    ) -> Result<ApprovalView> {
        let store = self.approval_store()?;
        if decision == Decision::Reject && reason.trim().is_empty() {
            return Err(Error::ApprovalRefused {
                refusal: Refusal::ReasonRequired,
                message: tr("d-approval-reason-required", &[]),
            });
        }
        let record = self.record_of(which)?;
        let token = SendClaim::new().token;
        let decided = store
            .decide_approval(record.id, decision, reason.trim(), &token, SETTLE_LEASE)
            .await?;
        let settle_error = if decided.settles {
            // Shown to the approver: in their language (in English, the `Display` text).
            self.settle(record.id, &token, decided.state)
                .await
                .err()
                .map(|e| e.report().message)
        } else {
            None
        };
        let approval = store
            .approval(record.id)?
            .ok_or_else(|| Error::TeamJournal(tr("d-approval-disappeared", &[])))?;
        self.view_of(approval, settle_error)
    }

    /// Expires the approvals of this environment whose time ran out, and releases or cancels
    /// every decided approval nobody is settling (a desk that decided it and then failed or
    /// died). Nothing on a local journal.
    ///
    /// # Errors
    /// [`Error::TeamJournal`] when the journal cannot be read or written; provider failures
    /// are counted, not errors.
    pub async fn sweep_approvals(&self) -> Result<ApprovalSweep> {
        let Some(store) = self.journal.approvals() else {
            return Ok(ApprovalSweep::default());
        };
        let scope = self.scope();
        let mut sweep = ApprovalSweep {
            expired: u32::try_from(store.expire_approvals(&scope).await?.len()).unwrap_or(0),
            ..ApprovalSweep::default()
        };
        for id in store.unsettled(&scope)? {
            let token = SendClaim::new().token;
            let Some(state) = store.claim_settlement(id, &token, SETTLE_LEASE).await? else {
                continue;
            };
            match self.settle(id, &token, state).await {
                Ok(true) => sweep.settled += 1,
                Ok(false) => {}
                Err(e @ (Error::Journal(_) | Error::TeamJournal(_))) => return Err(e),
                Err(_) => sweep.failed += 1,
            }
        }
        Ok(sweep)
    }

    /// Releases (approved) or cancels (rejected, expired) record `id` at the provider under
    /// the settlement claim `token`, after asking the provider where the payout stands, and
    /// records it. `false` when there is nothing to send yet (its create is not known) or any
    /// more (it ended another way: the database closed the approval).
    async fn settle(&self, id: i64, token: &str, state: ApprovalState) -> Result<bool> {
        let store = self.approval_store()?;
        let record = self.journal.get(id)?.ok_or_else(|| {
            Error::TeamJournal(tr(
                "d-approval-no-record",
                &[("record", id.to_string().into())],
            ))
        })?;
        // The provider says where the payout stands; a create whose answer was lost is asked
        // for by its external_id.
        let now = match (record.cashout_id, record.external_id.clone()) {
            (Some(c), _) => self.check_unaudited(&CashoutRef::Id(CashoutId(c))).await?,
            (None, Some(x)) => self.check_unaudited(&CashoutRef::ExternalId(x)).await?,
            (None, None) => return Ok(false),
        };
        let Some(cashout_id) = now.cashout_id.map(CashoutId) else {
            return Ok(false);
        };
        // Only the payout the approvers saw is released or cancelled: the record found is the
        // request's own (the team journal keeps a held payout's external_id the request's).
        let sent = record.request.as_ref().map(|r| r.external_id.as_str());
        if sent.is_some() && now.external_id.as_deref() != sent {
            return Err(Error::ApprovalRefused {
                refusal: Refusal::DecidedAlready,
                message: tr(
                    "d-approval-not-the-payout",
                    &[
                        ("record", id.to_string().into()),
                        ("cashout_id", cashout_id.to_string().into()),
                        ("external_id", sent.unwrap_or_default().into()),
                    ],
                ),
            });
        }
        let status = now.status.unwrap_or(CashoutStatus::Unknown);
        let outcome = match (state, status) {
            (ApprovalState::Approved, CashoutStatus::OnHold) => {
                self.act_unaudited(cashout_id, Action::Release, None, By::Approval)
                    .await?;
                ApprovalState::Released
            }
            // Released already (a desk that released and died before recording it).
            (
                ApprovalState::Approved,
                CashoutStatus::Pending | CashoutStatus::Delivered | CashoutStatus::Completed,
            ) => ApprovalState::Released,
            (
                ApprovalState::Rejected | ApprovalState::Expired,
                CashoutStatus::OnHold | CashoutStatus::Pending,
            ) => {
                self.act_unaudited(cashout_id, Action::Cancel, None, By::Approval)
                    .await?;
                ApprovalState::Cancelled
            }
            (ApprovalState::Rejected | ApprovalState::Expired, CashoutStatus::Cancelled) => {
                ApprovalState::Cancelled
            }
            // It ended another way; the database closed the approval when that was recorded.
            _ => return Ok(false),
        };
        match store.settle_approval(id, token, outcome).await {
            Ok(()) => Ok(true),
            // Closed meanwhile (the payout ended another way): nothing is left to record.
            Err(Error::ApprovalRefused {
                refusal: Refusal::DecidedAlready,
                ..
            }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The signed-in operator's roles, the policy of this environment and its last changes.
    ///
    /// # Errors
    /// [`Error::ApprovalRefused`] on a local journal; [`Error::TeamJournal`].
    pub fn approval_policy_overview(&self) -> Result<PolicyOverview> {
        let store = self.approval_store()?;
        let roles = store.team_roles()?;
        let changes = store.policy_changes(&self.scope())?;
        let may_decide = changes
            .iter()
            .filter(|c| {
                c.state == "proposed"
                    && c.proposed_by != roles.login
                    && (roles.admin || roles.approver)
            })
            .map(|c| c.id)
            .collect();
        Ok(PolicyOverview {
            may_propose: roles.admin,
            may_decide,
            policies: store.policies(&self.scope())?,
            changes,
            roles,
        })
    }

    /// Proposes that payouts of `currency` from `threshold` up need `approvers` approvers
    /// (`threshold` `None`: no longer need approval), waiting at most `expires_after_hours`.
    /// Answers the change's id; it applies when another operator approves it.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] at the field (`currency`, `threshold`, `approvers`,
    /// `expires_after_hours`) before anything is sent; [`Error::ApprovalRefused`] when the
    /// operator is not an administrator; [`Error::TeamJournal`].
    pub async fn propose_approval_policy(
        &self,
        currency: &str,
        threshold: Option<&str>,
        approvers: u8,
        expires_after_hours: u32,
    ) -> Result<i64> {
        let store = self.approval_store()?;
        let currency = currency.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Error::InvalidInput {
                field: "currency",
                message: tr("d-policy-currency", &[]),
            });
        }
        let threshold = threshold
            .map(|t| {
                t.parse::<crate::money::Amount>()
                    .map_err(|e| Error::InvalidInput {
                        field: "threshold",
                        message: tr(
                            "d-policy-threshold",
                            &[(
                                "detail",
                                e.message(crate::l10n::messages::active().lang()).into(),
                            )],
                        ),
                    })
            })
            .transpose()?;
        if threshold.is_some() && !(1..=2).contains(&approvers) {
            return Err(Error::InvalidInput {
                field: "approvers",
                message: tr("d-policy-approvers", &[]),
            });
        }
        if !(1..=720).contains(&expires_after_hours) {
            return Err(Error::InvalidInput {
                field: "expires_after_hours",
                message: tr("d-policy-expiry", &[]),
            });
        }
        store
            .propose_policy(&crate::approvals::PolicyProposal {
                scope: self.scope(),
                currency,
                threshold,
                approvers,
                expires_after: Duration::from_secs(u64::from(expires_after_hours) * 3600),
            })
            .await
    }

    /// Approves (applies) or rejects, with a reason, proposed policy change `id`.
    ///
    /// # Errors
    /// [`Error::ApprovalRefused`] (own proposal, decided already, not allowed, no reason);
    /// [`Error::TeamJournal`].
    pub async fn decide_policy_change(&self, id: i64, approve: bool, reason: &str) -> Result<()> {
        let store = self.approval_store()?;
        if !approve && reason.trim().is_empty() {
            return Err(Error::ApprovalRefused {
                refusal: Refusal::ReasonRequired,
                message: tr("d-policy-reason-required", &[]),
            });
        }
        store.decide_policy_change(id, approve, reason.trim()).await
    }

    /// The payout of `approval` as approvers must see it: amount and currency as the approval
    /// recorded them and the beneficiary from the request as it was sent (both fixed when it
    /// was written), never the record's other columns, which any operator's role may write.
    fn as_sent(&self, approval: &Approval) -> Result<PayoutView> {
        let mut view = self.view(approval.payout_id)?;
        view.amount = Some(approval.amount.clone());
        view.currency = Some(approval.currency.clone());
        if let Some(request) = self
            .journal
            .get(approval.payout_id)?
            .and_then(|r| r.request)
        {
            view.beneficiary = Some(request.beneficiary());
        }
        Ok(view)
    }

    /// The journal record `which` names, in this environment.
    fn record_of(&self, which: &CashoutRef) -> Result<crate::journal::PayoutRecord> {
        let (cashout_id, external_id) = super::ids_of(which);
        self.journal
            .find(&self.scope(), cashout_id, external_id)?
            .ok_or_else(|| Error::InvalidInput {
                field: "cashout_id",
                message: match which {
                    CashoutRef::Id(id) => tr(
                        "d-no-cashout-in-journal",
                        &[("id", id.0.to_string().into())],
                    ),
                    CashoutRef::ExternalId(x) => tr(
                        "d-no-external-id-in-journal",
                        &[("external_id", x.clone().into())],
                    ),
                },
            })
    }
}

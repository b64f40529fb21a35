//! What the desk asks the provider about a payout that exists: its status (check, the
//! watcher's poll), and the operator's actions on it (hold, release, cancel), plus the bank
//! list.
//!
//! Guarantees:
//! - An answer is recorded only if it is about the payout asked about (the client refuses a
//!   foreign answer, the journal checks it against the record again).
//! - An action is sent only when the provider's current status allows it; a status this desk
//!   does not know allows nothing.
//! - An action whose answer was lost (timeout, reset, 5xx, unreadable or foreign answer) is
//!   "outcome unknown", never "network": the status is looked up at once and recorded, and the
//!   action is reported done only if the lookup shows it done.

use super::{call_error, ids_of, Desk, PayoutView};
use crate::api::client::CallError;
use crate::api::types::{Bank, CashoutId, CashoutRef};
use crate::audit::AuditAction;
use crate::clock::format_instant;
use crate::error::{Error, Result};
use crate::journal::{PayoutRecord, Phase, Watched};
use crate::l10n::messages::tr;
use crate::status::{Action, CashoutStatus};

/// Who asks for an action: an operator by hand, or the approval flow settling what the team's
/// approvers decided (the only one that releases a payout under approval).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum By {
    Hand,
    Approval,
}

impl Desk {
    /// Checks a cashout's status with the provider and records it; a cashout not yet in the
    /// journal (created elsewhere) is added. A payout the journal knows was never created
    /// (declined, or provably not sent) is shown as recorded when the provider does not
    /// know it either.
    ///
    /// # Errors
    /// [`Error::Api`] (509 = not found in this environment), [`Error::Network`],
    /// [`Error::MalformedAnswer`], [`Error::ProviderFault`], [`Error::Journal`].
    pub async fn check(&self, which: &CashoutRef) -> Result<PayoutView> {
        let result = self.check_unaudited(which).await;
        let (cashout_id, external_id) = ids_of(which);
        self.audit_result(
            AuditAction::Lookup,
            &result,
            cashout_id.map(|c| c.0),
            external_id,
            None,
        )
        .await?;
        result
    }

    pub(super) async fn check_unaudited(&self, which: &CashoutRef) -> Result<PayoutView> {
        let (cashout_id, external_id) = ids_of(which);
        let known = self.journal.find(&self.scope(), cashout_id, external_id)?;
        let traced = self.client()?.status_traced(which).await;
        let answer = match traced.result {
            Ok(answer) => answer,
            Err(e) => {
                // A refused or failed check is kept for the inspector when the payout is known.
                if let Some(r) = &known {
                    self.keep_exchange(r.id, traced.exchange);
                }
                return match known {
                    // The provider not knowing a payout it never accepted is the answer: one
                    // that never came to be (declined, not sent), or a create that may exist
                    // and is not found yet; the record says which.
                    Some(r) if e.api_code() == Some(509) && r.phase != Phase::Created => {
                        Ok(PayoutView::of(&r))
                    }
                    _ => Err(call_error(e)),
                };
            }
        };
        let id = match &known {
            Some(r) => r.id,
            None => self.record_for(which).await?,
        };
        self.keep_exchange(id, traced.exchange);
        self.journal.record_status(id, &answer, "status").await?;
        self.view(id)
    }

    async fn record_for(&self, which: &CashoutRef) -> Result<i64> {
        let (cashout_id, external_id) = ids_of(which);
        self.journal
            .record_lookup(&self.scope(), &self.env().base_url, cashout_id, external_id)
            .await
    }

    /// PENDING → ON_HOLD.
    ///
    /// # Errors
    /// As [`Desk::check`], plus [`Error::ActionNotAllowed`], [`Error::UnknownStatus`],
    /// [`Error::ActionUnknown`].
    pub async fn hold(&self, id: CashoutId) -> Result<PayoutView> {
        self.act(id, Action::Hold, None).await
    }

    /// ON_HOLD → PENDING.
    ///
    /// # Errors
    /// As [`Desk::hold`].
    pub async fn release(&self, id: CashoutId) -> Result<PayoutView> {
        self.act(id, Action::Release, None).await
    }

    /// PENDING or ON_HOLD → CANCELLED. The provider needs both ids; the external id comes from
    /// the journal when not given.
    ///
    /// # Errors
    /// As [`Desk::hold`], plus [`Error::InvalidInput`] when the external id is unknown.
    pub async fn cancel(&self, id: CashoutId, external_id: Option<&str>) -> Result<PayoutView> {
        self.act(id, Action::Cancel, external_id).await
    }

    async fn act(
        &self,
        id: CashoutId,
        action: Action,
        external_id: Option<&str>,
    ) -> Result<PayoutView> {
        let result = self.act_unaudited(id, action, external_id, By::Hand).await;
        let audit_action = match action {
            Action::Hold => AuditAction::Hold,
            Action::Release => AuditAction::Release,
            Action::Cancel => AuditAction::Cancel,
        };
        self.audit_result(audit_action, &result, Some(id.0), external_id, None)
            .await?;
        result
    }

    pub(super) async fn act_unaudited(
        &self,
        id: CashoutId,
        action: Action,
        external_id: Option<&str>,
        by: By,
    ) -> Result<PayoutView> {
        let client = self.client()?;
        // The journal's status may be stale; the provider's current one decides what is allowed.
        // Asked before anything is written: a mistyped id leaves no record behind.
        let traced = client.status_traced(&CashoutRef::Id(id)).await;
        let known = self.journal.find(&self.scope(), Some(id), None)?;
        let answer = match traced.result {
            Ok(answer) => answer,
            Err(e) => {
                if let Some(r) = known {
                    self.keep_exchange(r.id, traced.exchange);
                }
                return Err(call_error(e));
            }
        };
        // A payout this desk's team made is known by its cashout id, unless its create's answer
        // was lost (see `refuse_by_hand_under_approval`).
        let known_by_id = known.as_ref().is_some_and(|r| r.origin == "desk");
        let mut record_id = match known {
            Some(r) => r.id,
            None => self.record_for(&CashoutRef::Id(id)).await?,
        };
        self.keep_exchange(record_id, traced.exchange);
        // Found by either id (a create whose answer was lost is joined to its cashout here), so
        // a payout under approval is recognised however it is named.
        if by == By::Hand {
            self.refuse_by_hand_under_approval(record_id, id, action, known_by_id)?;
        }
        let status = self
            .journal
            .record_status(record_id, &answer, "status")
            .await?
            .unwrap_or(CashoutStatus::Unknown);
        if status == CashoutStatus::Unknown {
            return Err(Error::UnknownStatus(answer.cashout_status));
        }
        if !status.allows(action) {
            let why = format!("{} not allowed while {}", action.name(), status.name());
            self.journal
                .record_event(record_id, "refused", &why)
                .await?;
            return Err(Error::ActionNotAllowed { action, status });
        }
        let traced = match action {
            Action::Hold => client.update_traced(id, true).await,
            Action::Release => client.update_traced(id, false).await,
            Action::Cancel => {
                let known = self.journal.get(record_id)?.and_then(|r| r.external_id);
                let Some(ext) = external_id.map(str::to_owned).or(known.clone()) else {
                    return Err(Error::InvalidInput {
                        field: "external_id",
                        message: tr(
                            "d-cancel-needs-external-id",
                            &[("id", id.to_string().into())],
                        ),
                    });
                };
                let r = client.cancel_traced(id, &ext).await;
                if r.result.is_ok() && known.is_none() {
                    // The provider accepted the pair, so they are one payout: join a record
                    // found earlier by external_id (e.g. after an unknown outcome) with this id.
                    record_id = self
                        .journal
                        .record_lookup(&self.scope(), &self.env().base_url, Some(id), Some(&ext))
                        .await?;
                }
                r
            }
        };
        self.keep_exchange(record_id, traced.exchange);
        match traced.result {
            Ok(answer) => {
                self.journal
                    .record_status(record_id, &answer, "action")
                    .await?;
                self.view(record_id)
            }
            Err(CallError::OutcomeUnknown { detail, .. }) => {
                self.settle_action(record_id, id, action, &detail).await
            }
            Err(e) => {
                let why = format!("{}: {e}", action.name());
                self.journal
                    .record_event(record_id, "action_failed", &why)
                    .await?;
                Err(call_error(e))
            }
        }
    }

    /// After an action whose answer was lost: look the status up, record it, and say what is
    /// known — done (the status is the action's target), or still unknown.
    async fn settle_action(
        &self,
        record_id: i64,
        id: CashoutId,
        action: Action,
        lost: &str,
    ) -> Result<PayoutView> {
        self.journal
            .record_event(
                record_id,
                "action_unknown",
                &format!(
                    "{}: answer lost ({lost}); looking the status up",
                    action.name()
                ),
            )
            .await?;
        let traced = self.client()?.status_traced(&CashoutRef::Id(id)).await;
        self.keep_exchange(record_id, traced.exchange);
        let answer = match traced.result {
            Ok(answer) => answer,
            Err(e) => {
                return Err(Error::ActionUnknown {
                    action,
                    detail: tr(
                        "d-action-lost-lookup-failed",
                        &[("lost", lost.into()), ("detail", e.to_string().into())],
                    ),
                })
            }
        };
        let status = match self
            .journal
            .record_status(record_id, &answer, "found")
            .await
        {
            Ok(s) => s.unwrap_or(CashoutStatus::Unknown),
            Err(e @ (Error::Journal(_) | Error::TeamJournal(_))) => return Err(e),
            Err(e) => {
                return Err(Error::ActionUnknown {
                    action,
                    detail: tr(
                        "d-action-lost-lookup-refused",
                        &[("lost", lost.into()), ("detail", e.to_string().into())],
                    ),
                })
            }
        };
        if status == action.target() {
            return self.view(record_id);
        }
        // Said to the operator, in their language; the history has its own line (recorded above).
        Err(Error::ActionUnknown {
            action,
            detail: tr(
                "d-action-lost-other-status",
                &[("lost", lost.into()), ("status", status.name().into())],
            ),
        })
    }

    /// The banks of a country from the provider's list (needs the read-only key).
    ///
    /// # Errors
    /// [`Error::MissingReadOnlyKey`], or as [`Desk::check`].
    pub async fn banks(&self, country: &str) -> Result<Vec<Bank>> {
        self.client()?.banks(country).await.map_err(|e| match e {
            CallError::MissingReadOnlyKey => Error::MissingReadOnlyKey(self.env().to_string()),
            other => call_error(other),
        })
    }

    /// Claims the next status poll of record `id` for this desk until `until`; `false` when
    /// another desk of the team polls it this round (see
    /// [`crate::journal::store::JournalStore::claim_poll`]).
    ///
    /// # Errors
    /// When the journal cannot be written.
    pub async fn claim_poll(&self, id: i64, until: time::OffsetDateTime) -> Result<bool> {
        self.journal.claim_poll(id, &format_instant(until)).await
    }

    /// Gives back the poll of record `id` claimed for this round (the provider could not be
    /// reached, so nothing was learned).
    ///
    /// # Errors
    /// When the journal cannot be written.
    pub async fn release_poll(&self, id: i64) -> Result<()> {
        self.journal.release_poll(id).await
    }

    /// Takes the request slot of this desk's environment in the rate cap every desk on the
    /// journal shares, if it is free: zero, and the request goes out now; else how long until
    /// the next slot (see [`crate::journal::store::JournalStore::take_request_slot`]).
    ///
    /// # Errors
    /// When the journal cannot be written.
    pub async fn take_request_slot(
        &self,
        spacing: std::time::Duration,
    ) -> Result<std::time::Duration> {
        self.journal.take_request_slot(&self.scope(), spacing).await
    }

    /// The watcher's check of record `id`: asks the provider, records what it says (a history
    /// line only when something changed, nothing when a newer answer was recorded while this
    /// one was in flight), returns the record as it now stands; `None` when the record is gone
    /// or no longer this payout (stop watching it). Not audited: nobody did anything.
    ///
    /// # Errors
    /// As [`Desk::check`].
    pub async fn watch_check(&self, id: i64, which: &CashoutRef) -> Result<Option<PayoutRecord>> {
        let sent_at = format_instant(self.journal.now_instant());
        let answer = self.client()?.status(which).await.map_err(call_error)?;
        match self
            .journal
            .record_watched(id, which, &answer, sent_at)
            .await?
        {
            Watched::Gone => Ok(None),
            Watched::Recorded | Watched::Stale => self.journal.get(id),
        }
    }
}

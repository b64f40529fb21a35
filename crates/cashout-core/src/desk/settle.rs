//! What settles a create left open: reconcile (lookups by `external_id`, never a send), resend
//! (the same `external_id`) and abandon (the operator's audited choice).
//!
//! Guarantees: reconcile sends nothing; a create not found is looked up again with a back-off
//! for the open-create window, counted from its last send, and only then waits for the
//! operator; a resend is of the stored request under its own external_id; abandoning needs a
//! reason and is audited with what it risks.

use std::time::Duration;

use super::create::Lookup;
use super::{ids_of, Desk, PayoutView, ReconcileReport, RECONCILE_MIN_AGE};
use crate::api::types::{CashoutRef, CreateCashout};
use crate::audit::{AuditAction, AuditEvent};
use crate::clock::{format_instant, parse_instant};
use crate::error::{Error, Result};
use crate::journal::{PayoutRecord, Phase};

/// The first waits between lookups of a create that was not found; then hourly.
fn lookup_backoff(lookups: i64) -> Duration {
    let minutes = 1u64 << lookups.clamp(0, 6);
    Duration::from_secs(60 * minutes.min(60))
}

impl Desk {
    /// Looks up, by `external_id`, every create of this environment that may exist unconfirmed
    /// and was untouched for [`RECONCILE_MIN_AGE`]; ones not found before are looked up again
    /// only when their back-off allows, and only within the open-create window (24 h by
    /// default). Sends nothing. What the watcher and every CLI command run.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn reconcile(&self) -> Result<ReconcileReport> {
        self.reconcile_open(false).await
    }

    /// As [`Desk::reconcile`], looking up every open create now, whatever its back-off and
    /// age, even one sent moments ago (`cashout reconcile`, asked for by an operator: a lookup
    /// sends nothing, and whatever it finds, a create still in flight elsewhere records its own
    /// answer after it).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn reconcile_all(&self) -> Result<ReconcileReport> {
        self.reconcile_open(true).await
    }

    async fn reconcile_open(&self, everything: bool) -> Result<ReconcileReport> {
        let mut report = ReconcileReport::default();
        let now = self.journal.now_instant();
        let before = if everything {
            format_instant(now)
        } else {
            format_instant(now - RECONCILE_MIN_AGE)
        };
        let open = self.journal.unresolved(&self.scope(), &before)?;
        if !open.is_empty() {
            // Without a client nothing can be looked up: say so once, not once per payout.
            self.client()?;
        }
        for record in open {
            let Some(external_id) = record.external_id.clone() else {
                continue;
            };
            // The window and the back-off run from the last send (a resend starts them again).
            let created = record
                .last_sent_at
                .as_deref()
                .or(Some(&record.created_at))
                .and_then(parse_instant)
                .unwrap_or(now);
            if !everything && record.phase == Phase::SentNotFound {
                if now - created > self.open_window {
                    report.awaiting_operator += 1;
                    continue;
                }
                let checked = record
                    .checked_at
                    .as_deref()
                    .and_then(parse_instant)
                    .unwrap_or(created);
                if now - checked < lookup_backoff(record.lookups - 1) {
                    continue;
                }
            }
            report.checked += 1;
            match self.lookup_external_id(&external_id).await {
                Lookup::Found(answer) => {
                    match self
                        .journal
                        .record_status(record.id, &answer, "found")
                        .await
                    {
                        Ok(_) => report.found += 1,
                        Err(e @ Error::Journal(_)) => return Err(e),
                        Err(e) => {
                            self.journal
                                .record_event(record.id, "reconcile_failed", &e.to_string())
                                .await?;
                            report.still_unknown += 1;
                        }
                    }
                }
                Lookup::NotFound => {
                    let detail = format!(
                        "not found by its external_id (lookup {}); the provider may still be \
                         catching up",
                        record.lookups + 1
                    );
                    self.journal
                        .record_phase(record.id, Phase::SentNotFound, &detail)
                        .await?;
                    report.not_found_yet += 1;
                }
                Lookup::Unknown(detail) => {
                    self.journal
                        .record_event(record.id, "reconcile_failed", &detail)
                        .await?;
                    report.still_unknown += 1;
                }
            }
        }
        Ok(report)
    }

    /// A payout created by this desk whose create is not settled, for resend and abandon.
    fn open_create(&self, which: &CashoutRef) -> Result<(PayoutRecord, CreateCashout)> {
        let (id, external_id) = ids_of(which);
        let field = if id.is_some() {
            "cashout_id"
        } else {
            "external_id"
        };
        let record = self
            .journal
            .find(&self.scope(), id, external_id)?
            .ok_or_else(|| Error::InvalidInput {
                field,
                message: "this payout is not in the journal of this environment".into(),
            })?;
        let request = record.request.clone().ok_or_else(|| Error::InvalidInput {
            field,
            message: "this payout was not created by this desk, so there is nothing to resend"
                .into(),
        })?;
        Ok((record, request))
    }

    /// Sends an unsettled create again, with **the same** `external_id` and contents: it is
    /// looked up first, and if an earlier send reached the provider, the provider refuses the
    /// copy (511) and the lookup settles it. Audited as a resend.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the payout is not a create of this desk or is settled
    /// already; then as [`Desk::create`].
    pub async fn resend(&self, which: &CashoutRef) -> Result<PayoutView> {
        let (record, request) = self.open_create(which)?;
        self.client()?;
        if record.phase == Phase::Created {
            return Ok(PayoutView::of(&record));
        }
        let detail = format!(
            "{} {} to {}; resent with the same external_id (was {})",
            request.amount.map(|a| a.to_string()).unwrap_or_default(),
            request.currency.as_deref().unwrap_or_default(),
            request.beneficiary_name,
            record.phase.as_str()
        );
        self.create_audited(AuditAction::Resend, &request, None, detail)
            .await
    }

    /// Stops checking an unsettled create, on the operator's explicit word, knowing what it
    /// risks ([`ABANDON_RISK`]); audited with the operator's reason. A lookup that later finds
    /// it still records it as created.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (field `reason`) without a reason, or when the create is
    /// settled (nothing to abandon).
    pub async fn abandon(&self, which: &CashoutRef, reason: &str) -> Result<PayoutView> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::InvalidInput {
                field: "reason",
                message: "say why the payout is abandoned; the reason goes to the audit log".into(),
            });
        }
        let (record, _) = self.open_create(which)?;
        // Not while a create call of this process is driving it.
        let _turn = self
            .journal
            .lock_intent(
                &self.scope(),
                record.external_id.as_deref().unwrap_or_default(),
            )
            .await;
        let was = record.phase;
        let detail = format!("abandoned by the operator (was {}): {reason}", was.as_str());
        let audit = AuditEvent::new(&self.scope(), AuditAction::Abandon, "ok")
            .about(record.cashout_id, record.external_id.as_deref())
            .detail(format!("{detail}. {ABANDON_RISK}"));
        match self
            .journal
            .record_abandoned(record.id, &detail, audit)
            .await?
        {
            Some(r) => Ok(PayoutView::of(&r)),
            None => Err(Error::InvalidInput {
                field: "external_id",
                message: format!(
                    "this payout is {}, not an open create; there is nothing to abandon",
                    self.journal
                        .get(record.id)?
                        .map_or("gone", |r| r.phase.as_str())
                ),
            }),
        }
    }

    /// Looks up the one payout the duplicate guard named, for the operator deciding whether
    /// to pay again.
    ///
    /// # Errors
    /// As [`Desk::recorded`].
    pub fn earlier_payout(&self, external_id: &str) -> Result<PayoutView> {
        self.recorded(&CashoutRef::ExternalId(external_id.to_owned()))
    }
}

/// What abandoning an open create risks, said to the operator before and written to the audit
/// log after.
pub const ABANDON_RISK: &str = "Abandoning stops the desk from checking this payout. If the \
provider did receive it, it may still be paid; a new payout for the same beneficiary could \
then pay twice. Resending it with the same external_id is always safe instead.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lookup_backoff_grows_to_an_hour() {
        assert_eq!(lookup_backoff(0), Duration::from_secs(60));
        assert_eq!(lookup_backoff(3), Duration::from_secs(8 * 60));
        assert_eq!(lookup_backoff(40), Duration::from_secs(3600));
        assert_eq!(lookup_backoff(-1), Duration::from_secs(60));
    }
}

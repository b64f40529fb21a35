//! What settles a create left open: reconcile (lookups by `external_id`, never a send), resend
//! (the same `external_id`) and abandon (the operator's audited choice).
//!
//! Guarantees: reconcile sends nothing; a create not found is looked up again with a back-off
//! for the open-create window, counted from its last send, and only then waits for the
//! operator; a resend is of the stored request under its own external_id; abandoning needs a
//! reason and is audited with what it risks.

use std::time::Duration;

use super::create::Lookup;
use super::{Desk, PayoutView, ReconcileReport, RECONCILE_MIN_AGE};
use crate::api::types::{CashoutRef, CreateCashout};
use crate::audit::{AuditAction, AuditEvent};
use crate::clock::{format_instant, parse_instant};
use crate::error::{Error, Result};
use crate::journal::{PayoutRecord, Phase};
use crate::l10n::messages::tr;

/// The first waits between lookups of a create that was not found; then hourly.
fn lookup_backoff(lookups: i64) -> Duration {
    let minutes = 1u64 << lookups.clamp(0, 6);
    Duration::from_secs(60 * minutes.min(60))
}

/// Whether an open create is to be looked up now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Due {
    Now,
    /// Not found before, and its back-off has not passed.
    Later,
    /// Not found within the open-create window: only the operator settles it now.
    AwaitingOperator,
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
            if !everything {
                match self.due(&record, now) {
                    Due::Now => {}
                    Due::Later => continue,
                    Due::AwaitingOperator => {
                        report.awaiting_operator += 1;
                        continue;
                    }
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
                        Err(e @ (Error::Journal(_) | Error::TeamJournal(_))) => return Err(e),
                        Err(e) => {
                            self.journal
                                .record_event(record.id, "reconcile_failed", &e.to_string())
                                .await?;
                            report.still_unknown += 1;
                        }
                    }
                }
                Lookup::NotFound => {
                    self.record_not_found(&record).await?;
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

    /// Whether `record` (an open create) is due for a lookup at `now`: one not found before
    /// waits for its back-off, and past the open-create window for the operator. The window
    /// and the back-off run from the last send (a resend starts them again).
    fn due(&self, record: &PayoutRecord, now: time::OffsetDateTime) -> Due {
        if record.phase != Phase::SentNotFound {
            return Due::Now;
        }
        let sent = record
            .last_sent_at
            .as_deref()
            .or(Some(&record.created_at))
            .and_then(parse_instant)
            .unwrap_or(now);
        if now - sent > self.open_window {
            return Due::AwaitingOperator;
        }
        let checked = record
            .checked_at
            .as_deref()
            .and_then(parse_instant)
            .unwrap_or(sent);
        if now - checked < lookup_backoff(record.lookups - 1) {
            Due::Later
        } else {
            Due::Now
        }
    }

    async fn record_not_found(&self, record: &PayoutRecord) -> Result<()> {
        let detail = format!(
            "not found by its external_id (lookup {}); the provider may still be catching up",
            record.lookups + 1
        );
        self.journal
            .record_phase(record.id, Phase::SentNotFound, &detail, None)
            .await
            .map(|_| ())
    }

    /// What a payout's screen asks for while its create is open: a lookup by `external_id`
    /// when one is due by the same back-off and window as [`Desk::reconcile`] (a screen left
    /// open does not look up more often than the watcher would), else the payout as
    /// recorded. Sends nothing; not audited and not written to the history when the lookup
    /// itself fails (nobody did anything, and a screen polls). A settled payout is returned
    /// as recorded.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] when the payout is not in the journal;
    /// [`Error::Network`] when the lookup could not be made (the payout stays as it was);
    /// [`Error::ProviderFault`] when the answer is about another cashout (nothing recorded).
    pub async fn look_up_open(&self, which: &CashoutRef) -> Result<PayoutView> {
        let record = self.journal_record(which)?;
        let open = record.phase.may_exist_unconfirmed();
        let due = self.due(&record, self.journal.now_instant()) == Due::Now;
        let Some(external_id) = record.external_id.clone().filter(|_| open && due) else {
            return Ok(PayoutView::of(&record));
        };
        match self.lookup_external_id(&external_id).await {
            Lookup::Found(answer) => {
                self.journal
                    .record_status(record.id, &answer, "found")
                    .await?;
            }
            Lookup::NotFound => self.record_not_found(&record).await?,
            Lookup::Unknown(detail) => {
                return Err(Error::Network(tr(
                    "d-lookup-failed-retry",
                    &[("detail", detail.into())],
                )))
            }
        }
        self.view(record.id)
    }

    /// A payout created by this desk whose create is not settled, for resend and abandon.
    fn open_create(&self, which: &CashoutRef) -> Result<(PayoutRecord, CreateCashout)> {
        let record = self.journal_record(which)?;
        let request = record.request.clone().ok_or_else(|| Error::InvalidInput {
            field: which.field(),
            message: tr("d-not-created-here", &[]),
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
            "{} to {}; resent with the same external_id (was {})",
            request.amount_text(),
            request.beneficiary(),
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
                message: tr("d-abandon-reason-required", &[]),
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
                message: match self.journal.get(record.id)? {
                    // The phase is the journal's name for it, shown as it is.
                    Some(r) => tr("d-abandon-not-open", &[("phase", r.phase.as_str().into())]),
                    None => tr("d-abandon-gone", &[]),
                },
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

/// What abandoning an open create risks, as the audit log records it (a record: English, the
/// same in every desk's log); [`abandon_risk_words`] says it to the operator.
pub const ABANDON_RISK: &str = "Abandoning stops the desk from checking this payout. If the \
provider did receive it, it may still be paid; a new payout for the same beneficiary could \
then pay twice. Resending it with the same external_id is always safe instead.";

/// [`ABANDON_RISK`] in the operator's language, for the confirmation asked before abandoning.
#[must_use]
pub fn abandon_risk_words() -> String {
    tr("d-abandon-risk", &[])
}

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

    #[test]
    fn the_abandon_risk_is_asked_in_the_operators_language_and_recorded_in_english() {
        use crate::l10n::messages::text;
        use crate::l10n::Lang;
        assert_eq!(text(Lang::En, "d-abandon-risk", &[]), ABANDON_RISK);
        let pt = text(Lang::PtBr, "d-abandon-risk", &[]);
        assert!(
            pt.starts_with("Abandonar") && pt.contains("external_id"),
            "{pt}"
        );
    }
}

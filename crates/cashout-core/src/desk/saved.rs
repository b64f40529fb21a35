//! The desk's saved beneficiaries (see [`crate::beneficiaries`]): saved from a payout's
//! request as it was sent, listed for the new-payout form, deleted by label; every change
//! audited.
//!
//! Guarantees: details refused by the provider (a REJECTED or declined payout) are never saved;
//! a payout started from a saved beneficiary is reviewed and validated like any other.

use super::{Desk, Payee};
use crate::api::types::{CashoutRef, CreateCashout};
use crate::audit::{AuditAction, AuditEvent};
use crate::beneficiaries::{checked_label, BeneficiaryDetails, SavedBeneficiary};
use crate::error::{Error, Result};
use crate::journal::Phase;
use crate::l10n::messages::tr;
use crate::status::CashoutStatus;

impl Desk {
    /// This environment's saved beneficiaries, by label.
    ///
    /// # Errors
    /// [`Error::Journal`] / [`Error::TeamJournal`].
    pub fn beneficiaries(&self) -> Result<Vec<SavedBeneficiary>> {
        self.journal.beneficiaries(&self.scope())
    }

    /// Saves the beneficiary of payout `from`, as it was sent, under `label` (replacing what
    /// the label held: audited as an update). Returns the list after the change.
    ///
    /// # Errors
    /// [`Error::InvalidInput`]: `label` (see [`checked_label`]); `which` for a payout the
    /// journal holds no request for, or whose details the provider refused.
    pub async fn save_beneficiary(
        &self,
        label: &str,
        from: &CashoutRef,
    ) -> Result<Vec<SavedBeneficiary>> {
        let label = checked_label(label)?;
        let record = self.journal_record(from)?;
        let refuse = |message: String| Error::InvalidInput {
            field: "which",
            message,
        };
        let Some(request) = record.request.as_ref() else {
            return Err(refuse(tr("d-save-found-by-lookup", &[])));
        };
        if record.status == Some(CashoutStatus::Rejected) || record.phase == Phase::Declined {
            return Err(refuse(tr("d-save-refused-details", &[])));
        }
        let details = BeneficiaryDetails::of(request);
        let account = Payee::of(request).map_or_else(String::new, |p| {
            format!(", {} {}", p.account_label, p.account_masked)
        });
        let audit = AuditEvent::new(&self.scope(), AuditAction::BeneficiarySaved, "ok")
            .about(record.cashout_id, record.external_id.as_deref())
            .detail(format!("{label}: {}{account}", request.beneficiary()));
        self.journal
            .save_beneficiary(&self.scope(), &label, &details, audit)
            .await?;
        self.beneficiaries()
    }

    /// Deletes the saved beneficiary `label` (audited). Returns the list after the change.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (field `label`) when there is none by that label.
    pub async fn delete_beneficiary(&self, label: &str) -> Result<Vec<SavedBeneficiary>> {
        let audit = AuditEvent::new(&self.scope(), AuditAction::BeneficiaryDeleted, "ok")
            .detail(label.to_owned());
        if !self
            .journal
            .delete_beneficiary(&self.scope(), label, audit)
            .await?
        {
            return Err(Error::InvalidInput {
                field: "label",
                message: no_saved_beneficiary(label),
            });
        }
        self.beneficiaries()
    }

    /// The request a new payout to saved beneficiary `label` starts from: the beneficiary's
    /// details and nothing else (see [`BeneficiaryDetails::request`]).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (field `label`) when there is none by that label.
    pub fn beneficiary_request(&self, label: &str) -> Result<CreateCashout> {
        self.beneficiaries()?
            .into_iter()
            .find(|b| b.label == label)
            .map(|b| b.details.request())
            .ok_or_else(|| Error::InvalidInput {
                field: "label",
                message: no_saved_beneficiary(label),
            })
    }
}

/// The refusal of a label no saved beneficiary has (quoted, so that spaces show).
fn no_saved_beneficiary(label: &str) -> String {
    tr(
        "d-no-saved-beneficiary",
        &[("label", format!("{label:?}").into())],
    )
}

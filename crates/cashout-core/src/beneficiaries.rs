//! Saved beneficiaries: a payout's beneficiary (name, document, bank, account or PIX key) kept
//! under a label, per environment, so the next payout to the same person starts from it.
//!
//! Guarantees:
//! - What is saved is what a payout was sent with (never typed apart from a payout), and a
//!   payout started from a saved beneficiary goes through the same review and validation as
//!   any other: saved details are checked again each time they are used.
//! - The journal keeps what each payout actually sent (its own request); a payout never refers
//!   to a saved beneficiary, which may change or go afterwards.
//! - Saving, replacing and deleting are audited, each in the same transaction as the change.
//!
//! Left out: saved beneficiaries shared across environments (sandbox people are not paid in
//! production), and editing single fields by hand (a corrected payout is saved again instead).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::api::types::CreateCashout;
use crate::desk::Payee;
use crate::error::{Error, Result};
use crate::l10n::messages::tr;

/// The beneficiary part of a request: who is paid and where.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BeneficiaryDetails {
    pub country: String,
    pub document_id: String,
    #[serde(default)]
    pub document_type: Option<String>,
    pub beneficiary_name: String,
    #[serde(default)]
    pub beneficiary_lastname: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub bank_code: Option<String>,
    #[serde(default)]
    pub bank_account: Option<String>,
    #[serde(default)]
    pub bank_branch: Option<String>,
    #[serde(default)]
    pub account_type: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

impl BeneficiaryDetails {
    /// The beneficiary part of a request as it was sent.
    #[must_use]
    pub fn of(r: &CreateCashout) -> Self {
        Self {
            country: r.country.clone(),
            document_id: r.document_id.clone(),
            document_type: r.document_type.clone(),
            beneficiary_name: r.beneficiary_name.clone(),
            beneficiary_lastname: r.beneficiary_lastname.clone(),
            email: r.email.clone(),
            phone: r.phone.clone(),
            bank_code: r.bank_code.clone(),
            bank_account: r.bank_account.clone(),
            bank_branch: r.bank_branch.clone(),
            account_type: r.account_type.clone(),
            address: r.address.clone(),
        }
    }

    /// A request paying this beneficiary, with nothing else filled (no external id, amount,
    /// currency or notification URL): the form completes it and the review checks it.
    #[must_use]
    pub fn request(&self) -> CreateCashout {
        CreateCashout {
            country: self.country.clone(),
            document_id: self.document_id.clone(),
            document_type: self.document_type.clone(),
            beneficiary_name: self.beneficiary_name.clone(),
            beneficiary_lastname: self.beneficiary_lastname.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            bank_code: self.bank_code.clone(),
            bank_account: self.bank_account.clone(),
            bank_branch: self.bank_branch.clone(),
            account_type: self.account_type.clone(),
            address: self.address.clone(),
            ..CreateCashout::default()
        }
    }
}

/// A saved beneficiary as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SavedBeneficiary {
    pub label: String,
    pub details: BeneficiaryDetails,
    /// Who it pays, in words (bank by name, account masked), for the picker.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payee: Option<Payee>,
    pub saved_at: String,
    pub saved_by: String,
}

impl SavedBeneficiary {
    /// A stored row's view.
    #[must_use]
    pub fn new(
        label: String,
        details: BeneficiaryDetails,
        saved_at: String,
        saved_by: String,
    ) -> Self {
        let payee = Payee::of(&details.request());
        Self {
            label,
            details,
            payee,
            saved_at,
            saved_by,
        }
    }
}

/// Longest label kept, in characters.
pub const MAX_LABEL: usize = 60;

/// A label as kept: trimmed, inner white space made single spaces.
///
/// # Errors
/// [`Error::InvalidInput`] (field `label`) for an empty label, one longer than [`MAX_LABEL`]
/// characters, or one with control characters.
pub fn checked_label(label: &str) -> Result<String> {
    let refuse = |message: String| Error::InvalidInput {
        field: "label",
        message,
    };
    if label.chars().any(char::is_control) {
        return Err(refuse(tr("d-label-one-line", &[])));
    }
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.is_empty() {
        return Err(refuse(tr("d-label-required", &[])));
    }
    if label.chars().count() > MAX_LABEL {
        return Err(refuse(tr(
            "d-label-too-long",
            &[("max", MAX_LABEL.to_string().into())],
        )));
    }
    Ok(label)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_one_trimmed_line_of_bounded_length() {
        assert_eq!(
            checked_label("  Ana   Souza — rent ").unwrap(),
            "Ana Souza — rent"
        );
        assert_eq!(checked_label("   ").unwrap_err().field(), Some("label"));
        assert_eq!(checked_label("a\nb").unwrap_err().field(), Some("label"));
        assert!(checked_label(&"é".repeat(60)).is_ok());
        assert!(checked_label(&"é".repeat(61)).is_err());
    }

    #[test]
    fn the_details_of_a_request_make_a_request_with_nothing_else() {
        let sent = CreateCashout {
            external_id: "x-1".into(),
            country: "BR".into(),
            amount: Some("10".parse().unwrap()),
            document_id: "39053344705".into(),
            beneficiary_name: "Ana".into(),
            phone: Some("+5511987654321".into()),
            bank_code: Some("10000".into()),
            notification_url: "https://n".into(),
            ..CreateCashout::default()
        };
        let again = BeneficiaryDetails::of(&sent).request();
        assert_eq!(again.phone, sent.phone);
        assert_eq!(again.bank_code, sent.bank_code);
        assert!(again.external_id.is_empty() && again.amount.is_none());
        assert!(again.notification_url.is_empty());
    }
}

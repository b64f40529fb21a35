//! The provider's codes, explained once: error codes 300–703 (body `code` of a failed call) and
//! bank rejection codes 800–826 (`rejection_code` of a REJECTED cashout).
//!
//! Each entry says what happened in plain language and, where one field is to blame, which
//! request field to fix. Unknown codes (the staging panel's `rejection_code: 0`, "Test") get a
//! generic explanation instead of an error.

use serde::Serialize;
use ts_rs::TS;

/// What a code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CodeInfo {
    pub code: i64,
    /// The provider's short name (rejections) or a short label (errors).
    pub name: &'static str,
    /// What it means and what to do, for an operator.
    pub explanation: &'static str,
    /// The request field to fix, when there is one.
    pub field: Option<&'static str>,
}

const fn info(
    code: i64,
    name: &'static str,
    explanation: &'static str,
    field: Option<&'static str>,
) -> CodeInfo {
    CodeInfo {
        code,
        name,
        explanation,
        field,
    }
}

/// Error codes returned in the body of a failed call.
pub const API_CODES: &[CodeInfo] = &[
    info(300, "INVALID_PARAMS", "The provider refused a field; its message names it.", None),
    info(302, "INVALID_SIGNATURE", "The Payload-Signature did not match. Check the API Signature stored for this environment.", None),
    info(303, "INVALID_BANK_CODE", "The bank code is not valid for this country.", Some("bank_code")),
    info(401, "INVALID_CREDENTIALS", "The API Key or API Passphrase is wrong for this environment.", None),
    info(402, "UNREGISTERED_IP", "This computer's IP address is not whitelisted for cashouts in the Merchant Panel (Settings → API Access).", None),
    info(502, "INVALID_REQUEST_BODY", "The provider could not read the request body.", None),
    info(503, "REGULATORY_LIMIT", "Regulatory limits on the beneficiary's account prevent this payout.", Some("bank_account")),
    info(504, "CADASTRAL_SITUATION", "The beneficiary is not authorised because of their tax-registry situation.", Some("document_id")),
    info(508, "LIMIT_EXCEEDED", "A transaction, daily or monthly limit of the merchant account was exceeded.", Some("amount")),
    info(509, "NOT_FOUND", "No cashout with this id exists in this environment.", None),
    info(510, "INVALID_STATUS", "The cashout's current status does not allow this change.", None),
    info(511, "EXTERNAL_ID_USED", "This external_id was already used for another cashout.", Some("external_id")),
    info(514, "INSUFFICIENT_FUNDS", "The merchant balance does not cover this payout.", Some("amount")),
    info(515, "INVALID_USER_STATUS", "The beneficiary is blacklisted, blocked or suspended.", Some("document_id")),
    info(518, "COUNTRY_NOT_AVAILABLE", "Payouts to this country are not available for this account.", Some("country")),
    info(519, "MERCHANT_NOT_ENABLED", "The merchant account is not enabled for cashouts.", None),
    info(521, "STATUS_NOT_SUPPORTED", "That status cannot be requested through this endpoint.", None),
    info(524, "CREDENTIALS_CONTACT_INTEGRATION", "The credentials are not valid for cashouts; contact the provider's integration team.", None),
    info(525, "CLOSE_LOOP_REJECTION", "Refused by the close-loop rule: pay out only to accounts that deposited.", Some("document_id")),
    info(526, "INVALID_CURRENCY", "The currency is not accepted for this country.", Some("currency")),
    info(533, "AMOUNT_BELOW_MINIMUM", "The amount is below the minimum for this country.", Some("amount")),
    info(537, "CASHOUT_FAILED_CONTACT_INTEGRATION", "The provider could not make the cashout; contact its integration team.", None),
    info(538, "INVALID_ACCOUNT_STATUS", "The beneficiary account is blacklisted.", Some("bank_account")),
    info(539, "PAYOUT_METHOD_UNAVAILABLE", "This payout method or bank is not enabled for the country.", Some("bank_code")),
    info(540, "EMAIL_OR_PHONE_REQUIRED", "The beneficiary's e-mail or phone is required.", Some("email")),
    info(541, "EMAIL_USED", "This e-mail is already used by another beneficiary.", Some("email")),
    info(542, "PHONE_USED", "This phone is already used by another beneficiary.", Some("phone")),
    info(543, "INVALID_PHONE", "The phone number is not valid.", Some("phone")),
    info(565, "BANK_NOT_LICENSED", "The bank is not licensed to process this transaction.", Some("bank_code")),
    info(702, "CANCEL_FAILED", "The provider could not cancel the cashout.", None),
    info(703, "CASHOUT_FAILED_CONTACT_INTEGRATION", "The provider could not make the cashout; contact its integration team.", None),
];

/// Bank rejection codes of REJECTED cashouts.
pub const REJECTION_CODES: &[CodeInfo] = &[
    info(
        800,
        "ERROR_ACCOUNT_INCORRECT",
        "The bank account number is invalid.",
        Some("bank_account"),
    ),
    info(
        801,
        "ERROR_ACCOUNT_CLOSED",
        "The bank account is closed.",
        Some("bank_account"),
    ),
    info(
        802,
        "ERROR_AMOUNT_INCORRECT",
        "The bank refused the amount.",
        Some("amount"),
    ),
    info(
        803,
        "ERROR_BANK_INVALID",
        "The bank code is invalid.",
        Some("bank_code"),
    ),
    info(
        804,
        "ERROR_BANK_BRANCH_INCORRECT",
        "The bank branch is invalid.",
        Some("bank_branch"),
    ),
    info(
        805,
        "ERROR_BENEFICIARY_DOCUMENT_ID_INVALID",
        "The beneficiary's document is invalid.",
        Some("document_id"),
    ),
    info(
        806,
        "ERROR_BENEFICIARY_NAME_INCORRECT",
        "The name does not match the bank's records.",
        Some("beneficiary_name"),
    ),
    info(
        807,
        "ERROR_REJECTED_BY_BANK",
        "The bank rejected the payment without a specific reason.",
        None,
    ),
    info(
        808,
        "ERROR_OTHER",
        "Rejected for another reason; ask the provider for details.",
        None,
    ),
    info(
        809,
        "WITHDRAWAL_EXPIRED",
        "The payout expired before it could be completed.",
        None,
    ),
    info(
        810,
        "LIMIT_EXCEEDED",
        "The beneficiary's limit was exceeded.",
        Some("amount"),
    ),
    info(
        811,
        "RISK_POLICY",
        "The payment violates the bank's risk policy.",
        None,
    ),
    info(
        812,
        "BLOCKED_FROZEN_ACCOUNT",
        "The beneficiary's account is blocked or frozen.",
        Some("bank_account"),
    ),
    info(
        813,
        "DOCUMENT_ACCOUNT_MISMATCH",
        "The document does not match the account's owner.",
        Some("document_id"),
    ),
    info(
        814,
        "INVALID_PIX_KEY",
        "The PIX key is invalid or not registered.",
        Some("bank_account"),
    ),
    info(
        815,
        "INVALID_IFSC_CODE",
        "The IFSC code is invalid.",
        Some("bank_code"),
    ),
    info(
        816,
        "INVALID_ACCOUNT_OR_IFSC_CODE",
        "The account or IFSC code is invalid.",
        Some("bank_account"),
    ),
    info(
        817,
        "INVALID_NBIN",
        "The NBIN is invalid.",
        Some("bank_code"),
    ),
    info(
        818,
        "ACCOUNT_UNABLE",
        "The account cannot receive transfers.",
        Some("bank_account"),
    ),
    info(
        819,
        "INVALID_ACCOUNT_TYPE",
        "The account type is wrong for this account.",
        Some("account_type"),
    ),
    info(
        820,
        "REJECTED_BY_MERCHANT_REQUEST",
        "Rejected at the merchant's request.",
        None,
    ),
    info(
        821,
        "MONTHLY_LIMIT_EXCEEDED_FOR_USER",
        "The beneficiary's monthly limit was exceeded.",
        Some("amount"),
    ),
    info(
        822,
        "ACCOUNT_NAME_REQUIRED_TO_BE_IN_KATAKANA",
        "The account name must be written in katakana.",
        Some("beneficiary_name"),
    ),
    info(
        823,
        "REJECTED_BY_MERCHANT_REQUEST",
        "Rejected at the merchant's request (legacy code).",
        None,
    ),
    info(
        824,
        "REJECTED_BY_THIRD_PARTY_CONTROL",
        "Rejected by a third-party control.",
        None,
    ),
    info(
        826,
        "WITHDRAWAL_REVERSED",
        "The bank reversed the payment after it was completed.",
        None,
    ),
];

/// Whether a create refused with error `code` may be accepted if sent again unchanged: the
/// refusal is about the merchant account's state (a limit reset, funds topped up, the account
/// enabled, or a provider-side failure its integration team clears: 508, 514, 519, 524, 537,
/// 703), not about the request, which would fail the same way again. A 511 (external_id
/// used) never passes: the id belongs to another cashout.
#[must_use]
pub fn refusal_may_pass(code: i64) -> bool {
    matches!(code, 508 | 514 | 519 | 524 | 537 | 703)
}

/// Explains an error code; unknown codes get a generic entry that keeps the number.
#[must_use]
pub fn api_code(code: i64) -> CodeInfo {
    API_CODES
        .iter()
        .copied()
        .find(|c| c.code == code)
        .unwrap_or(CodeInfo {
        code,
        name: "UNKNOWN",
        explanation:
            "The provider answered with a code this version does not know; its message says more.",
        field: None,
    })
}

/// Explains a rejection code; unknown ones (e.g. `0`, used by manual staging rejections) get a
/// generic entry.
#[must_use]
pub fn rejection_code(code: i64) -> CodeInfo {
    REJECTION_CODES
        .iter()
        .copied()
        .find(|c| c.code == code)
        .unwrap_or(CodeInfo {
            code,
            name: "UNKNOWN",
            explanation:
                "Rejected with a code this version does not know; see the rejection reason.",
            field: None,
        })
}

/// A code explained in the operator's language, as the window and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Explained {
    pub code: i64,
    /// The provider's short name (rejections) or a short label (errors); never translated.
    pub name: &'static str,
    /// What it means and what to do, in the active language.
    pub explanation: String,
    /// The request field to fix, when there is one.
    pub field: Option<&'static str>,
}

/// Rejection `code` explained in the active language ([`crate::l10n::messages::active`]).
#[must_use]
pub fn explain_rejection(code: i64) -> Explained {
    let info = rejection_code(code);
    Explained {
        code,
        name: info.name,
        explanation: rejection_explanation(code, crate::l10n::messages::active().lang()),
        field: info.field,
    }
}

/// Error `code` explained in the active language.
#[must_use]
pub fn explain_api(code: i64) -> Explained {
    let info = api_code(code);
    Explained {
        code,
        name: info.name,
        explanation: api_explanation(code, crate::l10n::messages::active().lang()),
        field: info.field,
    }
}

/// What rejection `code` means, in `lang` (the generic text for a code this version does not
/// know). The words are `rejection-code-<n>` in `locales/<lang>/core.ftl`.
#[must_use]
pub fn rejection_explanation(code: i64, lang: crate::l10n::Lang) -> String {
    let id = if REJECTION_CODES.iter().any(|c| c.code == code) {
        format!("rejection-code-{code}")
    } else {
        "rejection-code-unknown".to_owned()
    };
    crate::l10n::messages::text(lang, &id, &[])
}

/// What error `code` means, in `lang` (`api-code-<n>` in `core.ftl`).
#[must_use]
pub fn api_explanation(code: i64, lang: crate::l10n::Lang) -> String {
    let id = if API_CODES.iter().any(|c| c.code == code) {
        format!("api-code-{code}")
    } else {
        "api-code-unknown".to_owned()
    };
    crate::l10n::messages::text(lang, &id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_error_code_has_an_explanation() {
        for code in [
            300, 302, 303, 401, 402, 502, 503, 504, 508, 509, 510, 511, 514, 515, 518, 519, 521,
            524, 525, 526, 533, 537, 538, 539, 540, 541, 542, 543, 565, 702, 703,
        ] {
            let i = api_code(code);
            assert_ne!(i.name, "UNKNOWN", "{code}");
            assert!(!i.explanation.is_empty());
        }
        assert!(api_code(402).explanation.contains("whitelisted"));
    }

    #[test]
    fn rejection_codes_cover_800_to_826_with_fields() {
        for code in (800..=824).chain([826]) {
            assert_ne!(rejection_code(code).name, "UNKNOWN", "{code}");
        }
        assert_eq!(rejection_code(814).field, Some("bank_account"));
        assert_eq!(rejection_code(805).field, Some("document_id"));
    }

    #[test]
    fn unknown_codes_are_explained_not_refused() {
        let zero = rejection_code(0);
        assert_eq!(zero.code, 0);
        assert_eq!(zero.name, "UNKNOWN");
        assert_eq!(api_code(999).name, "UNKNOWN");
    }

    #[test]
    fn the_english_messages_say_what_the_tables_say() {
        use crate::l10n::Lang;
        for c in API_CODES {
            assert_eq!(
                api_explanation(c.code, Lang::En),
                c.explanation,
                "{}",
                c.code
            );
        }
        for c in REJECTION_CODES {
            assert_eq!(
                rejection_explanation(c.code, Lang::En),
                c.explanation,
                "{}",
                c.code
            );
        }
        assert_eq!(
            rejection_explanation(0, Lang::En),
            rejection_code(0).explanation
        );
        assert_eq!(api_explanation(999, Lang::En), api_code(999).explanation);
        assert_ne!(
            rejection_explanation(800, Lang::PtBr),
            rejection_code(800).explanation
        );
    }

    #[test]
    fn codes_are_unique() {
        for table in [API_CODES, REJECTION_CODES] {
            for (i, a) in table.iter().enumerate() {
                assert!(
                    table[i + 1..].iter().all(|b| b.code != a.code),
                    "{} twice",
                    a.code
                );
            }
        }
    }
}

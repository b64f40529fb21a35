//! The provider's codes, explained once: error codes 300–703 (body `code` of a failed call) and
//! bank rejection codes 800–826 (`rejection_code` of a REJECTED cashout).
//!
//! Each entry names the code and, where one field is to blame, which request field to fix; what
//! it means is said in the operator's language by [`api_explanation`] and
//! [`rejection_explanation`] (`api-code-*` and `rejection-code-*` in `core.ftl`). Unknown codes
//! (the staging panel's `rejection_code: 0`, "Test") get a generic explanation, not an error.

use serde::Serialize;
use ts_rs::TS;

/// What a code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CodeInfo {
    pub code: i64,
    /// The provider's short name (rejections) or a short label (errors).
    pub name: &'static str,
    /// The request field to fix, when there is one.
    pub field: Option<&'static str>,
}

const fn info(code: i64, name: &'static str, field: Option<&'static str>) -> CodeInfo {
    CodeInfo { code, name, field }
}

/// Error codes returned in the body of a failed call.
pub const API_CODES: &[CodeInfo] = &[
    info(300, "INVALID_PARAMS", None),
    info(302, "INVALID_SIGNATURE", None),
    info(303, "INVALID_BANK_CODE", Some("bank_code")),
    info(401, "INVALID_CREDENTIALS", None),
    info(402, "UNREGISTERED_IP", None),
    info(502, "INVALID_REQUEST_BODY", None),
    info(503, "REGULATORY_LIMIT", Some("bank_account")),
    info(504, "CADASTRAL_SITUATION", Some("document_id")),
    info(508, "LIMIT_EXCEEDED", Some("amount")),
    info(509, "NOT_FOUND", None),
    info(510, "INVALID_STATUS", None),
    info(511, "EXTERNAL_ID_USED", Some("external_id")),
    info(514, "INSUFFICIENT_FUNDS", Some("amount")),
    info(515, "INVALID_USER_STATUS", Some("document_id")),
    info(518, "COUNTRY_NOT_AVAILABLE", Some("country")),
    info(519, "MERCHANT_NOT_ENABLED", None),
    info(521, "STATUS_NOT_SUPPORTED", None),
    info(524, "CREDENTIALS_CONTACT_INTEGRATION", None),
    info(525, "CLOSE_LOOP_REJECTION", Some("document_id")),
    info(526, "INVALID_CURRENCY", Some("currency")),
    info(533, "AMOUNT_BELOW_MINIMUM", Some("amount")),
    info(537, "CASHOUT_FAILED_CONTACT_INTEGRATION", None),
    info(538, "INVALID_ACCOUNT_STATUS", Some("bank_account")),
    info(539, "PAYOUT_METHOD_UNAVAILABLE", Some("bank_code")),
    info(540, "EMAIL_OR_PHONE_REQUIRED", Some("email")),
    info(541, "EMAIL_USED", Some("email")),
    info(542, "PHONE_USED", Some("phone")),
    info(543, "INVALID_PHONE", Some("phone")),
    info(565, "BANK_NOT_LICENSED", Some("bank_code")),
    info(702, "CANCEL_FAILED", None),
    info(703, "CASHOUT_FAILED_CONTACT_INTEGRATION", None),
];

/// Bank rejection codes of REJECTED cashouts.
pub const REJECTION_CODES: &[CodeInfo] = &[
    info(800, "ERROR_ACCOUNT_INCORRECT", Some("bank_account")),
    info(801, "ERROR_ACCOUNT_CLOSED", Some("bank_account")),
    info(802, "ERROR_AMOUNT_INCORRECT", Some("amount")),
    info(803, "ERROR_BANK_INVALID", Some("bank_code")),
    info(804, "ERROR_BANK_BRANCH_INCORRECT", Some("bank_branch")),
    info(
        805,
        "ERROR_BENEFICIARY_DOCUMENT_ID_INVALID",
        Some("document_id"),
    ),
    info(
        806,
        "ERROR_BENEFICIARY_NAME_INCORRECT",
        Some("beneficiary_name"),
    ),
    info(807, "ERROR_REJECTED_BY_BANK", None),
    info(808, "ERROR_OTHER", None),
    info(809, "WITHDRAWAL_EXPIRED", None),
    info(810, "LIMIT_EXCEEDED", Some("amount")),
    info(811, "RISK_POLICY", None),
    info(812, "BLOCKED_FROZEN_ACCOUNT", Some("bank_account")),
    info(813, "DOCUMENT_ACCOUNT_MISMATCH", Some("document_id")),
    info(814, "INVALID_PIX_KEY", Some("bank_account")),
    info(815, "INVALID_IFSC_CODE", Some("bank_code")),
    info(816, "INVALID_ACCOUNT_OR_IFSC_CODE", Some("bank_account")),
    info(817, "INVALID_NBIN", Some("bank_code")),
    info(818, "ACCOUNT_UNABLE", Some("bank_account")),
    info(819, "INVALID_ACCOUNT_TYPE", Some("account_type")),
    info(820, "REJECTED_BY_MERCHANT_REQUEST", None),
    info(821, "MONTHLY_LIMIT_EXCEEDED_FOR_USER", Some("amount")),
    info(
        822,
        "ACCOUNT_NAME_REQUIRED_TO_BE_IN_KATAKANA",
        Some("beneficiary_name"),
    ),
    info(823, "REJECTED_BY_MERCHANT_REQUEST", None),
    info(824, "REJECTED_BY_THIRD_PARTY_CONTROL", None),
    info(826, "WITHDRAWAL_REVERSED", None),
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
        use crate::l10n::Lang;
        let unknown = api_explanation(999, Lang::En);
        for code in [
            300, 302, 303, 401, 402, 502, 503, 504, 508, 509, 510, 511, 514, 515, 518, 519, 521,
            524, 525, 526, 533, 537, 538, 539, 540, 541, 542, 543, 565, 702, 703,
        ] {
            assert_ne!(api_code(code).name, "UNKNOWN", "{code}");
            let explained = api_explanation(code, Lang::En);
            assert!(!explained.is_empty() && explained != unknown, "{code}");
            assert_ne!(explained, format!("api-code-{code}"), "{code}");
        }
        assert!(api_explanation(402, Lang::En).contains("whitelisted"));
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

    /// Every code of the tables has its own words in `core.ftl` (the completeness check then
    /// holds every language to English's ids), and an unknown code the generic ones.
    #[test]
    fn every_code_of_the_tables_has_its_own_words() {
        use crate::l10n::Lang;
        for lang in Lang::ALL {
            let unknown = rejection_explanation(0, lang);
            for c in REJECTION_CODES {
                let words = rejection_explanation(c.code, lang);
                assert!(!words.starts_with("rejection-code-"), "{lang:?} {}", c.code);
                assert_ne!(words, unknown, "{lang:?} {}", c.code);
            }
            let unknown = api_explanation(999, lang);
            for c in API_CODES {
                let words = api_explanation(c.code, lang);
                assert!(!words.starts_with("api-code-"), "{lang:?} {}", c.code);
                assert_ne!(words, unknown, "{lang:?} {}", c.code);
            }
        }
        assert!(rejection_explanation(0, Lang::En).contains("does not know"));
        assert_ne!(
            rejection_explanation(800, Lang::PtBr),
            rejection_explanation(800, Lang::En)
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

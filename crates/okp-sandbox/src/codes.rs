//! The provider's codes as the sandbox answers them, copied from the API reference: error codes
//! with their messages (§11.3) and HTTP statuses (§11.4), and bank rejection codes (§11.2).
//!
//! Guarantees: every code the sandbox puts in an error body or a `rejection_code` is in these
//! tables (the rehearsal triggers are checked against them), and a code's HTTP status is decided
//! here, once. Messages with a placeholder in the reference (508, 515, 533, 538) get a fixed
//! example filling, since a rehearsed refusal has no real limit or account behind it.
//!
//! Left out: the KYC reason codes (only `101` is known, §11.3) and the legacy `823`, which the
//! reference treats as a duplicate name from an older list.

use axum::http::StatusCode;

/// One error code of §11.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ErrorCode {
    pub code: i64,
    /// The body `message`, as the reference words it.
    pub message: &'static str,
}

const fn e(code: i64, message: &'static str) -> ErrorCode {
    ErrorCode { code, message }
}

/// §11.3, in the reference's order. `300` and `521` get their field or status appended where
/// they are raised.
pub(crate) const ERROR_CODES: &[ErrorCode] = &[
    e(300, "Invalid params"),
    e(302, "Invalid control string"),
    e(303, "Invalid bank code"),
    // The seed's sample body ends this one with a full stop (seed 001).
    e(401, "Invalid credentials."),
    e(402, "Unregistered IP address"),
    e(502, "Invalid request body"),
    e(
        503,
        "Transaction cannot be completed due to regulatory limits on the beneficiary account",
    ),
    e(504, "User unauthorized due to cadastral situation"),
    e(508, "Limit exceeded: TRANSACTION"),
    e(509, "Cashout not found with this ID"),
    e(510, "Invalid status transition"),
    e(511, "External ID already used"),
    e(514, "Insufficient funds"),
    e(515, "Invalid user status: BLACKLISTED"),
    e(518, "Country not available"),
    e(519, "Merchant not enabled"),
    e(521, "Status not supported for this type of request"),
    e(524, "Invalid credentials — contact integration"),
    e(525, "Close loop rejection"),
    e(526, "Invalid currency"),
    e(
        533,
        "Invalid amount: minimum is {currency} {amount} or USD equivalent",
    ),
    e(537, "Could not make the cashout — contact integration"),
    e(538, "Invalid account status: BLACKLISTED"),
    e(539, "Payout method unavailable"),
    e(540, "Beneficiary email or phone is required"),
    e(541, "email already used by another beneficiary"),
    e(542, "phone already used by another beneficiary"),
    e(543, "must be a valid phone number"),
    e(565, "The bank is not licensed to process this transaction"),
    e(702, "Could not cancel cashout"),
    e(703, "Could not make the cashout — contact integration"),
];

/// The entry for a documented error code.
pub(crate) fn error_code(code: i64) -> Option<&'static ErrorCode> {
    ERROR_CODES.iter().find(|c| c.code == code)
}

/// The message for a documented code; a fixed text for anything else (only the sandbox's own
/// `500` and `404` reach this).
pub(crate) fn message(code: i64) -> &'static str {
    match code {
        500 => "Internal server error",
        404 => "Unknown endpoint",
        _ => error_code(code).map_or("Error", |c| c.message),
    }
}

/// The HTTP status paired with an error code (§11.4): 401 for credentials and signatures,
/// 400 for unreadable bodies and unsupported update statuses, 500 for internal errors, 412
/// (validation or not found) for the rest. `510` depends on the endpoint (400 on update, 412 on
/// cancel, §7–§8) and is chosen where it is raised.
pub(crate) fn http_status(code: i64) -> StatusCode {
    match code {
        302 | 401 | 402 | 524 => StatusCode::UNAUTHORIZED,
        502 | 521 => StatusCode::BAD_REQUEST,
        404 => StatusCode::NOT_FOUND,
        500 => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::PRECONDITION_FAILED,
    }
}

/// §11.2: bank rejection codes and their names, as `rejection_reason` carries them.
pub(crate) const REJECTION_CODES: &[(i64, &str)] = &[
    (800, "ERROR_ACCOUNT_INCORRECT"),
    (801, "ERROR_ACCOUNT_CLOSED"),
    (802, "ERROR_AMOUNT_INCORRECT"),
    (803, "ERROR_BANK_INVALID"),
    (804, "ERROR_BANK_BRANCH_INCORRECT"),
    (805, "ERROR_BENEFICIARY_DOCUMENT_ID_INVALID"),
    (806, "ERROR_BENEFICIARY_NAME_INCORRECT"),
    (807, "ERROR_REJECTED_BY_BANK"),
    (808, "ERROR_OTHER"),
    (809, "WITHDRAWAL_EXPIRED"),
    (810, "LIMIT_EXCEEDED"),
    (811, "RISK_POLICY"),
    (812, "BLOCKED_FROZEN_ACCOUNT"),
    (813, "DOCUMENT_ACCOUNT_MISMATCH"),
    (814, "INVALID_PIX_KEY"),
    (815, "INVALID_IFSC_CODE"),
    (816, "INVALID_ACCOUNT_OR_IFSC_CODE"),
    (817, "INVALID_NBIN"),
    (818, "ACCOUNT_UNABLE"),
    (819, "INVALID_ACCOUNT_TYPE"),
    (820, "REJECTED_BY_MERCHANT_REQUEST"),
    (821, "MONTHLY_LIMIT_EXCEEDED_FOR_USER"),
    (822, "ACCOUNT_NAME_REQUIRED_TO_BE_IN_KATAKANA"),
    (824, "REJECTED_BY_THIRD_PARTY_CONTROL"),
    (826, "WITHDRAWAL_REVERSED"),
];

/// The staging panel's manual rejection: `rejection_code: 0`, reason "Test" (seed 001).
pub(crate) const TEST_REJECTION: i64 = 0;

/// The `rejection_reason` for a code: its §11.2 name, or "Test" for the staging code 0.
pub(crate) fn rejection_reason(code: i64) -> Option<&'static str> {
    if code == TEST_REJECTION {
        return Some("Test");
    }
    REJECTION_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// Rejections about the bank details themselves, for which the status answer omits the `bank`
/// object (§6: "omitted when rejection is due to invalid PIX key / bank details").
pub(crate) fn is_bank_detail_rejection(code: i64) -> bool {
    matches!(code, 800 | 803 | 804 | 814 | 815 | 816 | 817 | 819)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_of_the_reference_table_is_present_once() {
        let documented = [
            300, 302, 303, 401, 402, 502, 503, 504, 508, 509, 510, 511, 514, 515, 518, 519, 521,
            524, 525, 526, 533, 537, 538, 539, 540, 541, 542, 543, 565, 702, 703,
        ];
        let ours: Vec<i64> = ERROR_CODES.iter().map(|c| c.code).collect();
        assert_eq!(ours, documented);
    }

    #[test]
    fn http_statuses_follow_section_11_4() {
        assert_eq!(http_status(302), StatusCode::UNAUTHORIZED);
        assert_eq!(http_status(401), StatusCode::UNAUTHORIZED);
        assert_eq!(http_status(502), StatusCode::BAD_REQUEST);
        assert_eq!(http_status(521), StatusCode::BAD_REQUEST);
        assert_eq!(http_status(509), StatusCode::PRECONDITION_FAILED);
        assert_eq!(http_status(300), StatusCode::PRECONDITION_FAILED);
        assert_eq!(http_status(500), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn rejection_codes_run_800_to_826_without_823_and_825() {
        let codes: Vec<i64> = REJECTION_CODES.iter().map(|(c, _)| *c).collect();
        let expected: Vec<i64> = (800..=822).chain([824, 826]).collect();
        assert_eq!(codes, expected);
        assert_eq!(rejection_reason(0), Some("Test"));
        assert_eq!(rejection_reason(808), Some("ERROR_OTHER"));
        assert_eq!(rejection_reason(823), None);
    }

    #[test]
    fn messages_are_the_reference_wording() {
        assert_eq!(message(509), "Cashout not found with this ID");
        assert_eq!(message(401), "Invalid credentials.");
        assert_eq!(message(514), "Insufficient funds");
    }
}

//! Colombia: the document (type required: CC, NIT with its check digit, CE or passport), the
//! required address, and the fields each payout method needs by bank code: bank transfer
//! (8–19-digit account and account type), Nequi/Daviplata (the account is the mobile number),
//! Efecty (phone) and Punto Red (phone and e-mail).
//!
//! Guarantees: numeric documents and accounts come back as bare digits. Bank codes outside
//! [`crate::banks::KNOWN_BANKS`] are accepted as bank transfers when numeric (the live list is
//! the provider's). Left out: whether a wallet number is registered with the wallet.

use super::code;
use super::common::Findings;
use super::common::{digits, is_digits, must_be_empty, require, require_account_type, strip};
use crate::api::types::CreateCashout;
use crate::banks::{self, Method};

/// NIT weights, applied from the rightmost body digit leftwards.
const NIT_WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

/// NIT check digit over digit values, the last being the check digit.
fn nit_check_digit_ok(d: &[u32]) -> bool {
    let Some((&check, body)) = d.split_last() else {
        return false;
    };
    if body.is_empty() || body.len() > NIT_WEIGHTS.len() {
        return false;
    }
    let r = body
        .iter()
        .rev()
        .zip(NIT_WEIGHTS)
        .map(|(v, w)| v * w)
        .sum::<u32>()
        % 11;
    let expected = if r < 2 { r } else { 11 - r };
    expected == check
}

/// A Colombian mobile in the form the provider asks for: `+57` and 10 digits.
fn is_co_mobile(phone: &str) -> bool {
    phone
        .strip_prefix("+57")
        .is_some_and(|rest| is_digits(rest, 10, 10))
}

fn check_document(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    let kind = match req.document_type.as_deref() {
        None => {
            f.push(
                "document_type",
                code::REQUIRED,
                "Enter the document type (document_type) for Colombia: CC, NIT, CE or PASS.",
            );
            None
        }
        Some(k @ ("CC" | "NIT" | "CE" | "PASS")) => Some(k.to_owned()),
        Some(_) => {
            f.push(
                "document_type",
                code::NOT_ALLOWED,
                "The document type (document_type) for Colombia must be CC (citizen ID), NIT \
                 (tax ID), CE (foreigner ID) or PASS (passport).",
            );
            None
        }
    };
    if req.document_id.is_empty() {
        return;
    }
    let raw = req.document_id.clone();
    let bad = |f: &mut Findings, what: &str| {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            format!("The document (document_id) {what}."),
        );
    };
    match kind.as_deref() {
        Some("PASS") => {
            let doc = strip(&raw, &['-']).to_ascii_uppercase();
            if !(6..=10).contains(&doc.len()) || !doc.bytes().all(|b| b.is_ascii_alphanumeric()) {
                bad(f, "for a passport must be 6 to 10 letters or digits");
            }
            req.document_id = doc;
        }
        Some(k @ ("CC" | "CE")) => {
            let doc = strip(&raw, &['.', ',', '-']);
            if !is_digits(&doc, 6, 10) {
                bad(f, &format!("for a {k} must be 6 to 10 digits"));
            }
            req.document_id = doc;
        }
        Some("NIT") => {
            // The check digit is verified where one is certainly present: the standard
            // 10-digit form, or a value typed with a hyphen before its last digit. Shorter or
            // longer NITs may have been entered without it.
            let explicit_dv = raw
                .rsplit_once('-')
                .is_some_and(|(_, dv)| dv.trim().len() == 1);
            let doc = strip(&raw, &['.', ',', '-']);
            match digits(&doc) {
                Some(d) if (8..=15).contains(&d.len()) => {
                    if (d.len() == 10 || explicit_dv) && !nit_check_digit_ok(&d) {
                        f.check_digit_failed(
                            FIELD,
                            "The NIT check digit (the last digit) does not match (document_id): \
                             check the NIT with the beneficiary.",
                        );
                    }
                }
                _ => bad(f, "for a NIT must be 8 to 15 digits, e.g. 213.123.432-1"),
            }
            req.document_id = doc;
        }
        _ => {}
    }
}

fn check_bank(req: &mut CreateCashout, f: &mut Findings) {
    const ACCOUNT: &str = "bank_account";
    let Some(bank_code) = req.bank_code.clone() else {
        f.push(
            "bank_code",
            code::REQUIRED,
            "Enter the bank code (bank_code): the bank's code from the provider's list, or 1507 \
             Nequi, 1551 Daviplata, 10003 Efecty, 10006 Punto Red.",
        );
        return;
    };
    let method = match banks::find("CO", &bank_code) {
        Some(b) => b.method,
        None if is_digits(&bank_code, 1, 5) => Method::BankTransfer,
        None => {
            f.push(
                "bank_code",
                code::UNKNOWN_BANK,
                "The bank code (bank_code) is not a Colombian bank code: use the numeric code \
                 from the provider's bank list.",
            );
            return;
        }
    };
    let empty_account = "Leave the account number (bank_account) empty for this payout method: \
                         the beneficiary is reached by phone.";
    let phone_needed = "Enter the beneficiary's mobile number (phone) as +57 and 10 digits, e.g. \
                        +573001234567.";
    match method {
        Method::BankTransfer => {
            if let Some(raw) = require(
                f,
                ACCOUNT,
                req.bank_account.as_deref(),
                "Enter the beneficiary's account number (bank_account) for a bank transfer.",
            ) {
                let account = strip(raw, &['-', '.']);
                if !is_digits(&account, 8, 19) {
                    f.push(
                        ACCOUNT,
                        code::INVALID_FORMAT,
                        "The account number (bank_account) must be 8 to 19 digits.",
                    );
                }
                req.bank_account = Some(account);
            }
            require_account_type(f, req, "C (checking) or S (savings)");
        }
        Method::WalletAccountIsPhone => {
            if let Some(raw) = require(
                f,
                ACCOUNT,
                req.bank_account.as_deref(),
                "Enter the beneficiary's wallet mobile number in the account field \
                 (bank_account), digits only, e.g. 3001234567.",
            ) {
                let number = strip(raw, &['-', '(', ')', '.']);
                if number.len() > 20 {
                    f.push(
                        ACCOUNT,
                        code::TOO_LONG,
                        "The wallet mobile number (bank_account) is longer than 20 digits.",
                    );
                } else if !is_digits(&number, 1, 20) {
                    f.push(
                        ACCOUNT,
                        code::INVALID_FORMAT,
                        "The wallet mobile number (bank_account) must be digits only, without \
                         + or letters, e.g. 3001234567.",
                    );
                }
                req.bank_account = Some(number);
            }
        }
        Method::WalletByPhone | Method::WalletByPhoneAndEmail => {
            must_be_empty(f, ACCOUNT, req.bank_account.as_deref(), empty_account);
            if let Some(phone) = require(f, "phone", req.phone.as_deref(), phone_needed) {
                if !f.has("phone") && !is_co_mobile(phone) {
                    f.push("phone", code::INVALID_FORMAT, phone_needed);
                }
            }
            if method == Method::WalletByPhoneAndEmail {
                require(
                    f,
                    "email",
                    req.email.as_deref(),
                    "Enter the beneficiary's e-mail address (email): Punto Red needs both phone \
                     and e-mail.",
                );
            }
        }
        // PIX and iCash belong to other countries; a Colombian code never selects one.
        Method::PixPhone
        | Method::PixEmail
        | Method::PixDocument
        | Method::PixRandom
        | Method::WalletByEmail => {}
    }
}

pub(super) fn check(req: &mut CreateCashout, f: &mut Findings) {
    check_document(req, f);
    require(
        f,
        "address",
        req.address.as_deref(),
        "Enter the beneficiary's address (address): it is required for Colombia.",
    );
    check_bank(req, f);
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::super::{check_create, code};
    use super::*;

    fn with_document(doc: &str, kind: &str) -> CreateCashout {
        let mut req = sample_request("CO");
        req.document_id = doc.into();
        req.document_type = Some(kind.into());
        req
    }

    fn wallet(code: &str) -> CreateCashout {
        let mut req = sample_request("CO");
        req.bank_code = Some(code.into());
        req.bank_account = None;
        req.account_type = None;
        req
    }

    // Vector from validation-rules.md, Colombia.

    #[test]
    fn nit_vector_213_123_432_1_is_valid_and_normalised_to_digits() {
        assert!(nit_check_digit_ok(&digits("2131234321").expect("digits")));
        let out = passes(&with_document("213.123.432-1", "NIT"));
        assert_eq!(out.document_id, "2131234321");
    }

    // Rules.

    #[test]
    fn nit_with_wrong_check_digit_is_refused_on_document_id() {
        refused_with(
            &with_document("213.123.432-2", "NIT"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        refused_with(
            &with_document("2131234322", "NIT"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
    }

    #[test]
    fn nit_with_wrong_check_digit_is_accepted_with_override_in_staging() {
        assert!(check_create(&with_document("213.123.432-2", "NIT"), &staging_override()).is_ok());
    }

    #[test]
    fn nit_without_a_check_digit_in_another_length_is_checked_by_length_only() {
        passes(&with_document("213123432", "NIT"));
        passes(&with_document("12345678", "NIT"));
    }

    #[test]
    fn nit_outside_8_to_15_digits_is_refused_as_invalid_format() {
        refused_with(
            &with_document("1234567", "NIT"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("1234567890123456", "NIT"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("21312343A1", "NIT"),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn cc_and_ce_must_be_6_to_10_digits() {
        for kind in ["CC", "CE"] {
            passes(&with_document("1.020.304.050", kind));
            passes(&with_document("123456", kind));
            refused_with(
                &with_document("12345", kind),
                "document_id",
                code::INVALID_FORMAT,
            );
            refused_with(
                &with_document("12345678901", kind),
                "document_id",
                code::INVALID_FORMAT,
            );
            refused_with(
                &with_document("A2345678", kind),
                "document_id",
                code::INVALID_FORMAT,
            );
        }
        assert_eq!(
            passes(&with_document("1.020.304.050", "CC")).document_id,
            "1020304050"
        );
    }

    #[test]
    fn passport_must_be_6_to_10_letters_or_digits() {
        assert_eq!(
            passes(&with_document("ab123456", "PASS")).document_id,
            "AB123456"
        );
        refused_with(
            &with_document("AB123", "PASS"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("AB1234567890", "PASS"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("AB12/3456", "PASS"),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn missing_or_unknown_document_type_is_refused_on_document_type() {
        let mut req = sample_request("CO");
        req.document_type = None;
        refused_with(&req, "document_type", code::REQUIRED);
        req.document_type = Some("DNI".into());
        refused_with(&req, "document_type", code::NOT_ALLOWED);
    }

    #[test]
    fn missing_address_is_refused_as_required() {
        let mut req = sample_request("CO");
        req.address = Some("  ".into());
        refused_with(&req, "address", code::REQUIRED);
    }

    #[test]
    fn complete_colombian_bank_transfer_passes() {
        passes(&sample_request("CO"));
        // A bank outside the local table is left to the provider's live list.
        let mut req = sample_request("CO");
        req.bank_code = Some("1062".into());
        passes(&req);
    }

    #[test]
    fn bank_account_outside_8_to_19_digits_is_refused_on_bank_account() {
        let mut req = sample_request("CO");
        req.bank_account = Some("1234567".into());
        refused_with(&req, "bank_account", code::INVALID_FORMAT);
        req.bank_account = Some("12345678901234567890".into());
        refused_with(&req, "bank_account", code::INVALID_FORMAT);
        req.bank_account = None;
        refused_with(&req, "bank_account", code::REQUIRED);
    }

    #[test]
    fn bank_transfer_without_account_type_is_refused_as_required() {
        let mut req = sample_request("CO");
        req.account_type = None;
        refused_with(&req, "account_type", code::REQUIRED);
    }

    #[test]
    fn missing_or_non_numeric_bank_code_is_refused() {
        let mut req = sample_request("CO");
        req.bank_code = None;
        refused_with(&req, "bank_code", code::REQUIRED);
        req.bank_code = Some("BANCOLOMBIA".into());
        refused_with(&req, "bank_code", code::UNKNOWN_BANK);
    }

    #[test]
    fn complete_nequi_and_daviplata_payouts_pass_with_the_mobile_as_account() {
        for code in ["1507", "1551"] {
            let mut req = wallet(code);
            req.bank_account = Some("300 123 4567".into());
            assert_eq!(passes(&req).bank_account.as_deref(), Some("3001234567"));
        }
    }

    #[test]
    fn nequi_account_missing_non_numeric_or_too_long_is_refused() {
        let mut req = wallet("1507");
        refused_with(&req, "bank_account", code::REQUIRED);
        req.bank_account = Some("+573001234567".into());
        refused_with(&req, "bank_account", code::INVALID_FORMAT);
        req.bank_account = Some("1".repeat(21));
        refused_with(&req, "bank_account", code::TOO_LONG);
    }

    #[test]
    fn complete_efecty_payout_passes() {
        let mut req = wallet("10003");
        req.phone = Some("+57 300 123 4567".into());
        assert_eq!(passes(&req).phone.as_deref(), Some("+573001234567"));
    }

    #[test]
    fn efecty_without_phone_or_with_an_account_is_refused() {
        let mut req = wallet("10003");
        refused_with(&req, "phone", code::REQUIRED);
        req.phone = Some("+573001234567".into());
        req.bank_account = Some("12345678".into());
        refused_with(&req, "bank_account", code::NOT_ALLOWED);
    }

    #[test]
    fn efecty_phone_not_in_plus_57_form_is_refused_on_phone() {
        let mut req = wallet("10003");
        req.phone = Some("3001234567".into());
        refused_with(&req, "phone", code::INVALID_FORMAT);
        req.phone = Some("+5230012345678".into());
        let errors = refused_with(&req, "phone", code::INVALID_FORMAT);
        assert_eq!(errors.iter().filter(|e| e.field == "phone").count(), 1);
    }

    #[test]
    fn complete_punto_red_payout_passes() {
        let mut req = wallet("10006");
        req.phone = Some("+573001234567".into());
        req.email = Some("maria@example.com.co".into());
        passes(&req);
    }

    #[test]
    fn punto_red_without_email_or_phone_is_refused_on_each() {
        let req = wallet("10006");
        refused_with(&req, "phone", code::REQUIRED);
        refused_with(&req, "email", code::REQUIRED);
    }
}

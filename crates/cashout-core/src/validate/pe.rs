//! Peru: the document (type required: DNI with its optional printed check character, RUC with
//! its check digit, CE or passport) and the destination: a 20-digit CCI with both check digits
//! (or a legacy 18-digit value ending in `00`, which the provider's sample code lets through
//! unchecked) whose bank prefix is known and agrees with the optional bank code, or a Yape/Plin
//! wallet reached by phone.
//!
//! Guarantees: documents and the CCI come back without separators of any kind. A DNI written
//! with its ninth check character (`10117410-2`, `10812543-H`) has it verified and is sent as
//! the 8 digits, the form the provider takes. An 18-digit CCI passes with a warning that the
//! reference does not confirm it. Left out: whether the account exists.

use super::code;
use super::common::{must_be_empty, require, Findings};
use super::ids::{cci_ok, pe_dni_check_ok, ruc_ok};
use super::text::{compact, digits, is_digits};
use crate::api::types::CreateCashout;
use crate::banks::{self, Method};
use crate::l10n::messages::tr;

/// A DNI: 8 digits, optionally followed by its printed check character (a digit or a letter
/// A–K), which must agree. The 8 digits are what is sent.
fn check_dni(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    let doc = compact(&req.document_id, &['.', '-']).to_ascii_uppercase();
    let chars: Vec<char> = doc.chars().collect();
    let eight: String = chars.iter().take(8).collect();
    let shape_ok = is_digits(&eight, 8, 8)
        && match chars.get(8..) {
            Some([]) => true,
            Some([c]) => c.is_ascii_digit() || ('A'..='K').contains(c),
            _ => false,
        };
    if !shape_ok {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-pe-dni-format", &[]));
        req.document_id = doc;
        return;
    }
    if let Some(&check) = chars.get(8) {
        if !pe_dni_check_ok(&eight, check) {
            f.check_digit_failed(FIELD, &tr("v-pe-dni-check-character", &[]));
        }
    }
    // The provider takes the 8 digits only.
    req.document_id = eight;
}

fn check_document(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    let kind = match req.document_type.as_deref() {
        None => {
            f.push(
                "document_type",
                code::REQUIRED,
                tr("v-pe-document-type-required", &[]),
            );
            None
        }
        Some(k @ ("DNI" | "RUC" | "CE" | "PASS")) => Some(k.to_owned()),
        Some(_) => {
            f.push(
                "document_type",
                code::NOT_ALLOWED,
                tr("v-pe-document-type-not-allowed", &[]),
            );
            None
        }
    };
    if req.document_id.is_empty() {
        return;
    }
    let raw = req.document_id.clone();
    match kind.as_deref() {
        Some("DNI") => check_dni(req, f),
        Some("RUC") => {
            let doc = compact(&raw, &['.', '-']);
            match digits(&doc) {
                Some(d) if d.len() == 11 && matches!(&doc[..2], "10" | "15" | "17" | "20") => {
                    if !ruc_ok(&d) {
                        f.check_digit_failed(FIELD, &tr("v-pe-ruc-check-digit", &[]));
                    }
                }
                _ => f.push(FIELD, code::INVALID_FORMAT, tr("v-pe-ruc-format", &[])),
            }
            req.document_id = doc;
        }
        Some(k @ ("CE" | "PASS")) => {
            // No published length: the range covers the 9-digit carné and 12-character IDs.
            let doc = compact(&raw, &['-']).to_ascii_uppercase();
            if !(6..=12).contains(&doc.len()) || !doc.bytes().all(|b| b.is_ascii_alphanumeric()) {
                f.push(
                    FIELD,
                    code::INVALID_FORMAT,
                    tr("v-pe-ce-pass-format", &[("kind", k.into())]),
                );
            }
            req.document_id = doc;
        }
        _ => {}
    }
}

fn check_cci(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "bank_account";
    let Some(raw) = require(
        f,
        FIELD,
        req.bank_account.as_deref(),
        &tr("v-pe-cci-required", &[]),
    ) else {
        return;
    };
    let account = compact(raw, &['-', '.']);
    req.bank_account = Some(account.clone());
    let Some(d) = digits(&account) else {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-pe-cci-digits-only", &[]));
        return;
    };
    match d.len() {
        20 => {
            if !cci_ok(&d) {
                f.check_digit_failed(FIELD, &tr("v-pe-cci-check-digit", &[]));
            }
        }
        18 if account.ends_with("00") => f.warn(
            FIELD,
            code::UNCONFIRMED,
            tr("v-pe-cci-legacy-unconfirmed", &[]),
        ),
        _ => {
            f.push(FIELD, code::INVALID_FORMAT, tr("v-pe-cci-length", &[]));
            return;
        }
    }
    let prefix = &account[..3];
    if !banks::find("PE", prefix).is_some_and(|b| b.method == Method::BankTransfer) {
        f.push(FIELD, code::UNKNOWN_BANK, tr("v-pe-cci-unknown-bank", &[]));
    } else if req.bank_code.as_deref().is_some_and(|c| c != prefix) && !f.has("bank_code") {
        f.push(
            "bank_code",
            code::MISMATCH,
            tr("v-pe-bank-code-mismatch", &[]),
        );
    }
}

pub(super) fn check(req: &mut CreateCashout, f: &mut Findings) {
    check_document(req, f);

    let method = match req.bank_code.as_deref() {
        None => Method::BankTransfer,
        Some(c) => match banks::find("PE", c) {
            Some(b) => b.method,
            None => {
                f.push(
                    "bank_code",
                    code::UNKNOWN_BANK,
                    tr("v-pe-bank-code-unknown", &[]),
                );
                Method::BankTransfer
            }
        },
    };
    if method == Method::WalletByPhone {
        must_be_empty(
            f,
            "bank_account",
            req.bank_account.as_deref(),
            &tr("v-pe-wallet-leave-account-empty", &[]),
        );
        let needed = tr("v-pe-wallet-phone-required", &[]);
        if let Some(phone) = require(f, "phone", req.phone.as_deref(), &needed) {
            let ok = is_digits(phone.strip_prefix('+').unwrap_or(phone), 10, 11);
            if !ok && !f.has("phone") {
                f.push("phone", code::INVALID_FORMAT, needed.as_str());
            }
        }
    } else {
        check_cci(req, f);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::super::{check_create, code};
    use super::*;

    fn with_cci(cci: &str) -> CreateCashout {
        let mut req = sample_request("PE");
        req.bank_account = Some(cci.into());
        req
    }

    fn with_document(doc: &str, kind: &str) -> CreateCashout {
        let mut req = sample_request("PE");
        req.document_id = doc.into();
        req.document_type = Some(kind.into());
        req
    }

    fn wallet(code: &str) -> CreateCashout {
        let mut req = sample_request("PE");
        req.bank_code = Some(code.into());
        req.bank_account = None;
        req.phone = Some("+51987654321".into());
        req
    }

    // Vectors from validation-rules.md, Peru.

    #[test]
    fn cci_vector_from_provider_sample_00219300153895206813_is_valid() {
        assert!(cci_ok(&digits("00219300153895206813").expect("digits")));
        passes(&with_cci("002-193-001538952068-13"));
    }

    #[test]
    fn ruc_vector_20512333797_is_valid() {
        assert!(ruc_ok(&digits("20512333797").expect("digits")));
        passes(&with_document("20512333797", "RUC"));
    }

    // Rules.

    #[test]
    fn cci_with_a_wrong_first_or_second_check_digit_is_refused_on_bank_account() {
        refused_with(
            &with_cci("00219300153895206803"),
            "bank_account",
            code::INVALID_CHECK_DIGIT,
        );
        refused_with(
            &with_cci("00219300153895206814"),
            "bank_account",
            code::INVALID_CHECK_DIGIT,
        );
    }

    #[test]
    fn cci_with_a_wrong_check_digit_is_accepted_with_override_in_staging() {
        assert!(check_create(&with_cci("00219300153895206814"), &staging_override()).is_ok());
    }

    #[test]
    fn eighteen_digits_ending_in_00_are_accepted_without_the_check() {
        passes(&with_cci("002193001538952000"));
        refused_with(
            &with_cci("002193001538952068"),
            "bank_account",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn cci_of_wrong_length_or_with_letters_is_refused_as_invalid_format() {
        refused_with(
            &with_cci("0021930015389520681"),
            "bank_account",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_cci("0021930015389520681A"),
            "bank_account",
            code::INVALID_FORMAT,
        );
        let mut req = sample_request("PE");
        req.bank_account = None;
        refused_with(&req, "bank_account", code::REQUIRED);
    }

    #[test]
    fn cci_of_an_unknown_bank_is_refused_as_unknown_bank() {
        refused_with(
            &with_cci("99919300153895206813"),
            "bank_account",
            code::UNKNOWN_BANK,
        );
    }

    #[test]
    fn bank_code_disagreeing_with_the_cci_is_refused_on_bank_code() {
        let mut req = with_cci("00219300153895206813");
        req.bank_code = Some("003".into());
        refused_with(&req, "bank_code", code::MISMATCH);
        req.bank_code = Some("002".into());
        passes(&req);
        req.bank_code = Some("777".into());
        let errors = refused_with(&req, "bank_code", code::UNKNOWN_BANK);
        assert_eq!(errors.iter().filter(|e| e.field == "bank_code").count(), 1);
    }

    #[test]
    fn complete_yape_and_plin_payouts_pass() {
        passes(&wallet("901"));
        let mut req = wallet("902");
        req.phone = Some("5198765432".into());
        passes(&req);
    }

    #[test]
    fn yape_with_an_account_or_without_phone_is_refused() {
        let mut req = wallet("901");
        req.bank_account = Some("00219300153895206813".into());
        refused_with(&req, "bank_account", code::NOT_ALLOWED);
        let mut req = wallet("902");
        req.phone = None;
        refused_with(&req, "phone", code::REQUIRED);
    }

    #[test]
    fn yape_phone_outside_10_to_11_digits_is_refused_on_phone() {
        let mut req = wallet("901");
        req.phone = Some("987654321".into());
        refused_with(&req, "phone", code::INVALID_FORMAT);
        req.phone = Some("+519876543210".into());
        refused_with(&req, "phone", code::INVALID_FORMAT);
    }

    #[test]
    fn ruc_with_wrong_check_digit_is_refused_on_document_id() {
        assert!(!ruc_ok(&digits("20512333798").expect("digits")));
        refused_with(
            &with_document("20512333798", "RUC"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        assert!(check_create(&with_document("20512333798", "RUC"), &staging_override()).is_ok());
    }

    #[test]
    fn ruc_with_unknown_prefix_or_length_is_refused_as_invalid_format() {
        refused_with(
            &with_document("30512333797", "RUC"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("2051233379", "RUC"),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn dni_must_be_8_digits_with_an_optional_check_character() {
        passes(&with_document("12345678", "DNI"));
        for bad in [
            "1234567",
            "1234567890",
            "1234567A",
            "12345678-L",
            "12345678-XY",
        ] {
            refused_with(
                &with_document(bad, "DNI"),
                "document_id",
                code::INVALID_FORMAT,
            );
        }
    }

    #[test]
    fn dni_written_with_its_check_character_is_verified_and_sent_as_8_digits() {
        for typed in [
            "10117410-2",
            "10812543-H",
            "10812543\u{2013}h",
            "12345678-1",
            "12345678E",
        ] {
            let out = passes(&with_document(typed, "DNI"));
            assert_eq!(out.document_id.len(), 8, "{typed}");
            assert!(typed.starts_with(&out.document_id), "{typed}");
        }
    }

    #[test]
    fn dni_with_a_wrong_check_character_is_refused_and_overridable_in_staging() {
        for typed in ["10117410-3", "12345678-2", "12345678-F"] {
            refused_with(
                &with_document(typed, "DNI"),
                "document_id",
                code::INVALID_CHECK_DIGIT,
            );
        }
        let out = check_create(&with_document("12345678-2", "DNI"), &staging_override())
            .expect("override accepts");
        assert_eq!(out.document_id, "12345678");
    }

    #[test]
    fn eighteen_digit_account_ending_in_00_passes_with_an_unconfirmed_warning() {
        warned(
            &with_cci("002193001538952000"),
            "bank_account",
            code::UNCONFIRMED,
        );
        no_warning_on(&sample_request("PE"), "bank_account");
    }

    #[test]
    fn cci_pasted_with_unicode_dashes_and_spaces_is_sent_as_digits() {
        let out = passes(&with_cci("002\u{2012}193\u{00a0}001538952068\u{2010}13"));
        assert_eq!(out.bank_account.as_deref(), Some("00219300153895206813"));
    }

    #[test]
    fn foreigner_id_and_passport_are_checked_by_length_and_characters() {
        assert_eq!(
            passes(&with_document("001234567", "CE")).document_id,
            "001234567"
        );
        assert_eq!(
            passes(&with_document("ab12345", "PASS")).document_id,
            "AB12345"
        );
        refused_with(
            &with_document("12345", "CE"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("AB 12/345", "PASS"),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn missing_or_unknown_document_type_is_refused_on_document_type() {
        let mut req = sample_request("PE");
        req.document_type = None;
        refused_with(&req, "document_type", code::REQUIRED);
        req.document_type = Some("CC".into());
        refused_with(&req, "document_type", code::NOT_ALLOWED);
    }

    #[test]
    fn complete_peruvian_cci_payout_passes() {
        let out = passes(&sample_request("PE"));
        assert_eq!(out.bank_account.as_deref(), Some("00219300153895206813"));
    }
}

//! Colombia: the document (type required: CC, NIT with its check digit, CE or passport), the
//! required address, and the fields each payout method needs by bank code: bank transfer
//! (8–19-digit account and account type), Nequi/Daviplata (the account is the mobile number),
//! Efecty (phone) and Punto Red (phone and e-mail).
//!
//! Guarantees: numeric documents and accounts come back as bare digits, whatever dashes and
//! spaces were pasted. A NIT's check digit is verified whenever the value must carry one (10 or
//! more digits, or a separator before the last digit); an 8- or 9-digit NIT without one may be
//! a body alone, so it passes with a warning that it could not be verified. Bank codes outside
//! [`crate::banks::KNOWN_BANKS`] are accepted as bank transfers when numeric (the live list is
//! the provider's). Left out: whether a wallet number is registered with the wallet.

use super::code;
use super::common::{must_be_empty, require, require_account_type, Findings};
use super::ids::nit_ok;
use super::text::{compact, digits, fold, is_digits};
use crate::api::types::CreateCashout;
use crate::banks::{self, Method};
use crate::l10n::messages::tr;

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
                tr("v-co-document-type-required", &[]),
            );
            None
        }
        Some(k @ ("CC" | "NIT" | "CE" | "PASS")) => Some(k.to_owned()),
        Some(_) => {
            f.push(
                "document_type",
                code::NOT_ALLOWED,
                tr("v-co-document-type-not-allowed", &[]),
            );
            None
        }
    };
    if req.document_id.is_empty() {
        return;
    }
    let raw = req.document_id.clone();
    let bad = |f: &mut Findings, message: String| {
        f.push(FIELD, code::INVALID_FORMAT, message);
    };
    match kind.as_deref() {
        Some("PASS") => {
            let doc = compact(&raw, &['-']).to_ascii_uppercase();
            if !(6..=10).contains(&doc.len()) || !doc.bytes().all(|b| b.is_ascii_alphanumeric()) {
                bad(f, tr("v-co-document-passport", &[]));
            }
            req.document_id = doc;
        }
        Some(k @ ("CC" | "CE")) => {
            let doc = compact(&raw, &['.', ',', '-']);
            if !is_digits(&doc, 6, 10) {
                bad(f, tr("v-co-document-digits", &[("kind", k.into())]));
            }
            req.document_id = doc;
        }
        Some("NIT") => {
            let doc = compact(&raw, &['.', ',', '-']);
            match digits(&doc) {
                Some(d) if (8..=15).contains(&d.len()) => check_nit(&raw, &d, f),
                _ => bad(f, tr("v-co-document-nit", &[])),
            }
            req.document_id = doc;
        }
        _ => {}
    }
}

/// The NIT check digit, where one is certainly present: a lone digit after a separator of any
/// kind (`900.123.456-7`, `79.896.529.6`, `900 123 456 7`), or 10 or more digits — a company's
/// 9-digit body or a person's 10-digit cédula plus the check digit; no body is longer. An 8- or
/// 9-digit NIT written in one piece may be a body alone.
fn check_nit(raw: &str, d: &[u32], f: &mut Findings) {
    let folded: String = raw.chars().map(fold).collect();
    let groups: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let explicit_dv = groups.len() > 1 && groups.last().is_some_and(|g| g.len() == 1);
    if explicit_dv || d.len() >= 10 {
        if !nit_ok(d) {
            f.check_digit_failed("document_id", &tr("v-co-nit-check-digit", &[]));
        }
    } else {
        f.warn(
            "document_id",
            code::ADVISORY,
            tr("v-co-nit-unverified", &[]),
        );
    }
}

fn check_bank(req: &mut CreateCashout, f: &mut Findings) {
    const ACCOUNT: &str = "bank_account";
    let Some(bank_code) = req.bank_code.clone() else {
        f.push(
            "bank_code",
            code::REQUIRED,
            tr("v-co-bank-code-required", &[]),
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
                tr("v-co-bank-code-unknown", &[]),
            );
            return;
        }
    };
    let empty_account = tr("v-co-wallet-leave-account-empty", &[]);
    let phone_needed = tr("v-co-mobile-required", &[]);
    match method {
        Method::BankTransfer => {
            if let Some(raw) = require(
                f,
                ACCOUNT,
                req.bank_account.as_deref(),
                &tr("v-co-bank-account-required", &[]),
            ) {
                let account = compact(raw, &['-', '.']);
                if !is_digits(&account, 8, 19) {
                    f.push(
                        ACCOUNT,
                        code::INVALID_FORMAT,
                        tr("v-co-bank-account-format", &[]),
                    );
                }
                req.bank_account = Some(account);
            }
            require_account_type(f, req, &tr("v-co-account-type-choices", &[]));
        }
        Method::WalletAccountIsPhone => {
            if let Some(raw) = require(
                f,
                ACCOUNT,
                req.bank_account.as_deref(),
                &tr("v-co-wallet-number-required", &[]),
            ) {
                let number = compact(raw, &['-', '(', ')', '.']);
                if number.len() > 20 {
                    f.push(
                        ACCOUNT,
                        code::TOO_LONG,
                        tr("v-co-wallet-number-too-long", &[]),
                    );
                } else if !is_digits(&number, 1, 20) {
                    f.push(
                        ACCOUNT,
                        code::INVALID_FORMAT,
                        tr("v-co-wallet-number-format", &[]),
                    );
                }
                req.bank_account = Some(number);
            }
        }
        Method::WalletByPhone | Method::WalletByPhoneAndEmail => {
            must_be_empty(f, ACCOUNT, req.bank_account.as_deref(), &empty_account);
            if let Some(phone) = require(f, "phone", req.phone.as_deref(), &phone_needed) {
                if !f.has("phone") && !is_co_mobile(phone) {
                    f.push("phone", code::INVALID_FORMAT, phone_needed.as_str());
                }
            }
            if method == Method::WalletByPhoneAndEmail {
                require(
                    f,
                    "email",
                    req.email.as_deref(),
                    &tr("v-co-punto-red-email-required", &[]),
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
        &tr("v-co-address-required", &[]),
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
        assert!(nit_ok(&digits("2131234321").expect("digits")));
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
    fn nit_of_8_or_9_digits_without_a_separate_check_digit_passes_with_an_advisory() {
        let w = warned(
            &with_document("213123432", "NIT"),
            "document_id",
            code::ADVISORY,
        );
        assert!(w.message.contains("hyphen"));
        warned(
            &with_document("12345678", "NIT"),
            "document_id",
            code::ADVISORY,
        );
        no_warning_on(&with_document("213.123.432-1", "NIT"), "document_id");
    }

    #[test]
    fn nit_of_11_or_more_digits_always_carries_a_check_digit_and_it_is_verified() {
        // Own value: body 10203040506, weighted from the right: 375, mod 11 = 1, check 1.
        passes(&with_document("102030405061", "NIT"));
        refused_with(
            &with_document("102030405062", "NIT"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
    }

    #[test]
    fn nit_pasted_with_an_em_dash_before_its_check_digit_is_verified_and_sent_as_digits() {
        assert_eq!(
            passes(&with_document("213.123.432 \u{2014} 1", "NIT")).document_id,
            "2131234321"
        );
        // Short NIT with its check digit after any separator: verified, not just warned about.
        for typed in ["1234567\u{2013}8", "1.234.567.8", "1234567 8"] {
            refused_with(
                &with_document(typed, "NIT"),
                "document_id",
                code::INVALID_CHECK_DIGIT,
            );
        }
        passes(&with_document("1.234.567.2", "NIT"));
    }

    #[test]
    fn cc_and_account_pasted_with_unicode_separators_are_sent_as_digits() {
        let mut req = with_document("1\u{202f}020\u{202f}304\u{202f}050", "CC");
        req.bank_account = Some("123\u{2011}4567\u{2011}8901".into());
        let out = passes(&req);
        assert_eq!(out.document_id, "1020304050");
        assert_eq!(out.bank_account.as_deref(), Some("12345678901"));
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

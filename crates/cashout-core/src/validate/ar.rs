//! Argentina: the destination CBU or CVU (22 digits, both block check digits) with the optional
//! bank code agreeing with its first 3 digits, or an iCash payout by e-mail; and the document,
//! a DNI (7–9 digits) or a CUIT/CUIL (11 digits with its check digit), told apart by length.
//!
//! Guarantees: the document and account come back as bare digits, whatever dashes and spaces
//! were pasted. D24's Argentina page lists the e-mail as required, which the reference does not
//! confirm for bank transfers: a CBU payout without one passes with a warning. Left out: whether
//! the CBU's bank exists (CVUs carry a payment provider's code there, not a bank's).

use super::code;
use super::common::{must_be_empty, require, Findings};
use super::ids::{cbu_ok, cuit_ok};
use super::text::{compact, digits};
use crate::api::types::CreateCashout;
use crate::banks::{self, Method};
use crate::l10n::messages::tr;

/// CUIT/CUIL prefixes: people (20, 23, 24, 27), companies (30, 33, 34) and the 50/51/55 series
/// python-stdnum also accepts.
const CUIT_PREFIXES: &[&str] = &["20", "23", "24", "27", "30", "33", "34", "50", "51", "55"];

fn check_document(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    let kind = req.document_type.clone();
    if kind
        .as_deref()
        .is_some_and(|k| !matches!(k, "DNI" | "CUIT" | "CUIL"))
    {
        f.push(
            "document_type",
            code::NOT_ALLOWED,
            tr("v-ar-document-type-not-allowed", &[]),
        );
    }
    if req.document_id.is_empty() {
        return;
    }
    let doc = compact(&req.document_id, &['.', '-']);
    req.document_id.clone_from(&doc);
    match digits(&doc) {
        Some(d) if (7..=9).contains(&d.len()) => {}
        Some(d) if d.len() == 11 => {
            if kind.as_deref() == Some("DNI") {
                f.push(
                    "document_type",
                    code::MISMATCH,
                    tr("v-ar-document-type-dni-mismatch", &[]),
                );
            }
            if !CUIT_PREFIXES.contains(&&doc[..2]) {
                f.push(FIELD, code::INVALID_FORMAT, tr("v-ar-cuit-prefix", &[]));
            } else if !cuit_ok(&d) {
                f.check_digit_failed(FIELD, &tr("v-ar-cuit-check-digit", &[]));
            }
        }
        _ => f.push(FIELD, code::INVALID_FORMAT, tr("v-ar-document-format", &[])),
    }
}

fn check_cbu(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "bank_account";
    let Some(raw) = require(
        f,
        FIELD,
        req.bank_account.as_deref(),
        &tr("v-ar-cbu-required", &[]),
    ) else {
        return;
    };
    let account = compact(raw, &['-', '.']);
    req.bank_account = Some(account.clone());
    let Some(d) = digits(&account).filter(|d| d.len() == 22) else {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-ar-cbu-length", &[]));
        return;
    };
    if !cbu_ok(&d) {
        f.check_digit_failed(FIELD, &tr("v-ar-cbu-check-digit", &[]));
    }
    if req.bank_code.as_deref().is_some_and(|c| c != &account[..3]) {
        f.push(
            "bank_code",
            code::MISMATCH,
            tr("v-ar-bank-code-mismatch", &[]),
        );
    }
}

pub(super) fn check(req: &mut CreateCashout, f: &mut Findings) {
    check_document(req, f);

    let by_email = req
        .bank_code
        .as_deref()
        .and_then(|c| banks::find("AR", c))
        .is_some_and(|b| b.method == Method::WalletByEmail);
    if by_email {
        must_be_empty(
            f,
            "bank_account",
            req.bank_account.as_deref(),
            &tr("v-ar-icash-leave-account-empty", &[]),
        );
        require(
            f,
            "email",
            req.email.as_deref(),
            &tr("v-ar-icash-email-required", &[]),
        );
    } else {
        check_cbu(req, f);
        if req.email.is_none() {
            f.warn(
                "email",
                code::UNCONFIRMED,
                tr("v-ar-email-unconfirmed", &[]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::super::{check_create, code};
    use super::*;

    fn with_cbu(cbu: &str) -> CreateCashout {
        let mut req = sample_request("AR");
        req.bank_account = Some(cbu.into());
        req
    }

    fn with_document(doc: &str) -> CreateCashout {
        let mut req = sample_request("AR");
        req.document_id = doc.into();
        req
    }

    fn icash() -> CreateCashout {
        let mut req = sample_request("AR");
        req.bank_code = Some("998".into());
        req.bank_account = None;
        req.email = Some("maria@example.com.ar".into());
        req
    }

    // Vectors from validation-rules.md, Argentina.

    #[test]
    fn cbu_vector_2850590940090418135201_is_valid() {
        passes(&with_cbu("2850590940090418135201"));
    }

    #[test]
    fn cbu_vector_0720309988000019834160_is_valid() {
        passes(&with_cbu("0720309988000019834160"));
    }

    #[test]
    fn provider_doc_cbu_0000003112345678901234_fails_block_two_and_is_refused() {
        // Block 1 passes and block 2 fails (see the vectors in ids.rs).
        refused_with(
            &with_cbu("0000003112345678901234"),
            "bank_account",
            code::INVALID_CHECK_DIGIT,
        );
    }

    #[test]
    fn cuit_vector_20_05536168_2_is_valid_and_normalised_to_digits() {
        assert_eq!(
            passes(&with_document("20-05536168-2")).document_id,
            "20055361682"
        );
    }

    // Rules.

    #[test]
    fn cbu_with_wrong_block_one_check_digit_is_refused_on_bank_account() {
        refused_with(
            &with_cbu("2850590840090418135201"),
            "bank_account",
            code::INVALID_CHECK_DIGIT,
        );
    }

    #[test]
    fn cbu_with_wrong_check_digit_is_accepted_with_override_in_staging() {
        assert!(check_create(&with_cbu("0000003112345678901234"), &staging_override()).is_ok());
    }

    #[test]
    fn cbu_of_wrong_length_or_with_letters_is_refused_as_invalid_format() {
        refused_with(
            &with_cbu("285059094009041813520"),
            "bank_account",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_cbu("285059094009041813520A"),
            "bank_account",
            code::INVALID_FORMAT,
        );
        let mut req = sample_request("AR");
        req.bank_account = None;
        refused_with(&req, "bank_account", code::REQUIRED);
    }

    #[test]
    fn bank_code_disagreeing_with_the_cbu_is_refused_on_bank_code() {
        let mut req = with_cbu("2850590940090418135201");
        req.bank_code = Some("072".into());
        refused_with(&req, "bank_code", code::MISMATCH);
        req.bank_code = Some("285".into());
        passes(&req);
    }

    #[test]
    fn complete_argentine_cbu_payout_passes() {
        let out = passes(&with_cbu("285-0590940090418135201"));
        assert_eq!(out.bank_account.as_deref(), Some("2850590940090418135201"));
    }

    #[test]
    fn cbu_and_cuit_pasted_with_unicode_dashes_and_spaces_are_sent_as_digits() {
        let mut req = with_cbu("2850\u{a0}5909 \u{2013} 4009\u{2009}0418\u{2212}135201");
        req.document_id = "20\u{2011}05536168\u{2011}2".into();
        let out = passes(&req);
        assert_eq!(out.bank_account.as_deref(), Some("2850590940090418135201"));
        assert_eq!(out.document_id, "20055361682");
    }

    #[test]
    fn cbu_payout_without_email_passes_with_an_unconfirmed_warning() {
        let w = warned(&sample_request("AR"), "email", code::UNCONFIRMED);
        assert!(w.message.contains("Argentina"));
        let mut req = sample_request("AR");
        req.email = Some("maria@example.com.ar".into());
        no_warning_on(&req, "email");
    }

    #[test]
    fn complete_icash_payout_passes() {
        passes(&icash());
    }

    #[test]
    fn icash_without_email_or_with_an_account_is_refused() {
        let mut req = icash();
        req.email = None;
        refused_with(&req, "email", code::REQUIRED);
        let mut req = icash();
        req.bank_account = Some("2850590940090418135201".into());
        refused_with(&req, "bank_account", code::NOT_ALLOWED);
    }

    #[test]
    fn dni_of_7_to_9_digits_is_accepted_without_a_check() {
        passes(&with_document("12.345.678"));
        passes(&with_document("1234567"));
        passes(&with_document("123456789"));
    }

    #[test]
    fn document_of_other_lengths_is_refused_as_invalid_format() {
        refused_with(
            &with_document("123456"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("1234567890"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("20-0553616A-2"),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn cuit_with_wrong_check_digit_is_refused_on_document_id() {
        refused_with(
            &with_document("20-05536168-3"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        assert!(check_create(&with_document("20-05536168-3"), &staging_override()).is_ok());
    }

    #[test]
    fn cuit_with_unknown_prefix_is_refused_as_invalid_format() {
        refused_with(
            &with_document("21-05536168-2"),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn dni_type_on_an_11_digit_document_is_refused_on_document_type() {
        let mut req = with_document("20-05536168-2");
        req.document_type = Some("DNI".into());
        refused_with(&req, "document_type", code::MISMATCH);
        req.document_type = Some("cuil".into());
        passes(&req);
        req.document_type = Some("PASS".into());
        refused_with(&req, "document_type", code::NOT_ALLOWED);
    }
}

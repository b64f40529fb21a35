//! Chile: the beneficiary's RUT/RUN with its mod-11 check character, the required bank code,
//! the 6–16-digit account and the account type (C, S or V).
//!
//! Guarantees: the RUT comes back as body + check character, without dots, dashes or spaces of
//! any kind, `K` in upper case. The provider's own sample RUT (`56765869`) fails the check, which is why the
//! sandbox/staging override exists. Left out: the person/company range heuristic (advisory) and
//! whether the bank code is on the provider's live list when it is not in the local table.

use super::code;
use super::common::{require, require_account_type, Findings};
use super::ids::rut_check_char;
use super::text::{compact, is_digits};
use crate::api::types::CreateCashout;
use crate::banks;
use crate::l10n::messages::tr;

fn check_document(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    if let Some(k) = req.document_type.as_deref() {
        if !matches!(k, "ID" | "RUN" | "RUT") {
            f.push(
                "document_type",
                code::NOT_ALLOWED,
                tr("v-cl-document-type-not-allowed", &[]),
            );
        }
    }
    if req.document_id.is_empty() {
        return;
    }
    let rut = compact(&req.document_id, &['.', '-']).to_ascii_uppercase();
    req.document_id.clone_from(&rut);
    let mut chars = rut.chars();
    let check = chars.next_back();
    let body = chars.as_str();
    let shape_ok = (8..=9).contains(&rut.len())
        && is_digits(body, 7, 8)
        && check.is_some_and(|c| c.is_ascii_digit() || c == 'K');
    if !shape_ok {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-cl-rut-format", &[]));
        return;
    }
    if rut_check_char(body) != check {
        f.check_digit_failed(FIELD, &tr("v-cl-rut-check-digit", &[]));
    }
}

pub(super) fn check(req: &mut CreateCashout, f: &mut Findings) {
    check_document(req, f);

    match req.bank_code.as_deref() {
        None => f.push(
            "bank_code",
            code::REQUIRED,
            tr("v-cl-bank-code-required", &[]),
        ),
        Some(c) if banks::find("CL", c).is_none() && !is_digits(c, 1, 5) => f.push(
            "bank_code",
            code::UNKNOWN_BANK,
            tr("v-cl-bank-code-unknown", &[]),
        ),
        Some(_) => {}
    }

    if let Some(raw) = require(
        f,
        "bank_account",
        req.bank_account.as_deref(),
        &tr("v-cl-bank-account-required", &[]),
    ) {
        let account = compact(raw, &['-', '.']);
        if !is_digits(&account, 6, 16) {
            f.push(
                "bank_account",
                code::INVALID_FORMAT,
                tr("v-cl-bank-account-format", &[]),
            );
        }
        req.bank_account = Some(account);
    }
    require_account_type(f, req, &tr("v-cl-account-type-choices", &[]));
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::super::{check_create, code};
    use super::*;
    use crate::environment::EnvironmentKind;

    fn with_rut(rut: &str) -> CreateCashout {
        let mut req = sample_request("CL");
        req.document_id = rut.into();
        req
    }

    // Vectors from validation-rules.md, Chile.

    #[test]
    fn rut_vector_76086428_5_is_valid() {
        assert_eq!(rut_check_char("76086428"), Some('5'));
        assert_eq!(passes(&with_rut("76086428-5")).document_id, "760864285");
    }

    #[test]
    fn rut_vector_12_531_909_2_is_valid() {
        assert_eq!(rut_check_char("12531909"), Some('2'));
        assert_eq!(passes(&with_rut("12.531.909-2")).document_id, "125319092");
    }

    #[test]
    fn rut_pasted_with_unicode_dashes_and_spaces_is_sent_compact() {
        assert_eq!(
            passes(&with_rut("8\u{202f}900\u{202f}960\u{2013}k")).document_id,
            "8900960K"
        );
        assert_eq!(
            passes(&with_rut("12.531.909\u{2212}2\u{200b}")).document_id,
            "125319092"
        );
    }

    #[test]
    fn rut_vector_17_298_356_1_is_valid() {
        assert_eq!(rut_check_char("17298356"), Some('1'));
        passes(&with_rut("17.298.356-1"));
    }

    #[test]
    fn rut_vector_8_900_960_k_is_valid_and_lowercase_k_is_upper_cased() {
        assert_eq!(rut_check_char("8900960"), Some('K'));
        passes(&with_rut("8.900.960-K"));
        assert_eq!(passes(&with_rut("8.900.960-k")).document_id, "8900960K");
    }

    #[test]
    fn provider_sample_rut_56765869_fails_its_check_digit_in_production() {
        assert_eq!(rut_check_char("5676586"), Some('7'));
        let errors = refused_with(
            &with_rut("56765869"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn provider_sample_rut_is_accepted_with_override_in_sandbox_and_staging() {
        for env in [
            EnvironmentKind::Sandbox,
            EnvironmentKind::OkpStaging,
            EnvironmentKind::D24Staging,
        ] {
            let out = check_create(&with_rut("56765869"), &ctx(env, true)).expect("overridden");
            assert_eq!(out.document_id, "56765869");
        }
    }

    #[test]
    fn provider_sample_rut_is_refused_in_staging_without_the_override() {
        refused_in(
            &with_rut("56765869"),
            &ctx(EnvironmentKind::D24Staging, false),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
    }

    #[test]
    fn override_in_production_is_refused_and_the_rut_still_fails() {
        let errors = refused_in(
            &with_rut("56765869"),
            &ctx(EnvironmentKind::D24Production, true),
            "override_check_digits",
            code::OVERRIDE_NOT_ALLOWED,
        );
        assert!(errors
            .iter()
            .any(|e| e.field == "document_id" && e.code == code::INVALID_CHECK_DIGIT));
    }

    // Rules.

    #[test]
    fn rut_of_wrong_shape_is_refused_as_invalid_format_even_with_override() {
        for bad in ["1234567", "1234567890", "12.531.909-X", "12A31909-2"] {
            refused_with(&with_rut(bad), "document_id", code::INVALID_FORMAT);
            refused_in(
                &with_rut(bad),
                &staging_override(),
                "document_id",
                code::INVALID_FORMAT,
            );
        }
    }

    #[test]
    fn unknown_document_type_is_refused_on_document_type() {
        let mut req = sample_request("CL");
        req.document_type = Some("rut".into());
        passes(&req);
        req.document_type = Some("DNI".into());
        refused_with(&req, "document_type", code::NOT_ALLOWED);
    }

    #[test]
    fn complete_chilean_payout_passes() {
        let out = passes(&sample_request("CL"));
        assert_eq!(out.bank_account.as_deref(), Some("0012345678"));
    }

    #[test]
    fn missing_or_non_numeric_bank_code_is_refused() {
        let mut req = sample_request("CL");
        req.bank_code = None;
        refused_with(&req, "bank_code", code::REQUIRED);
        req.bank_code = Some("BCI".into());
        refused_with(&req, "bank_code", code::UNKNOWN_BANK);
        req.bank_code = Some("039".into());
        passes(&req);
    }

    #[test]
    fn account_outside_6_to_16_digits_is_refused_on_bank_account() {
        let mut req = sample_request("CL");
        req.bank_account = Some("12345".into());
        refused_with(&req, "bank_account", code::INVALID_FORMAT);
        req.bank_account = Some("12345678901234567".into());
        refused_with(&req, "bank_account", code::INVALID_FORMAT);
        req.bank_account = Some("123456".into());
        passes(&req);
        req.bank_account = None;
        refused_with(&req, "bank_account", code::REQUIRED);
    }

    #[test]
    fn missing_account_type_is_refused_as_required() {
        let mut req = sample_request("CL");
        req.account_type = None;
        refused_with(&req, "account_type", code::REQUIRED);
    }
}

//! Offline validation of a create request, before anything is written or sent.
//!
//! [`check_create`] applies the provider's published field rules and the national check-digit
//! algorithms (CPF, CNPJ, CLABE, CURP, NIT, CCI, RUC, RUT, CBU/CVU, CUIT) for the six supported
//! countries, and returns either the request normalised (trimmed, upper-cased codes, punctuation
//! stripped from documents and account numbers) or every field problem found, each with a stable
//! code and a plain-English message. A failed check digit may be overridden by the operator in
//! sandbox and staging only; format and length errors never can.
//!
//! Left out: anything that needs the network (live bank lists, PIX key lookups, duplicate
//! `external_id`s, minimum amounts) and advisory warnings (there is no channel for them, so
//! "warning only" rules such as the RFC check digit and the 77-character PIX e-mail cap are not
//! enforced). Messages never echo the values checked, so a message can be logged safely.

mod ar;
mod br;
mod cl;
mod co;
mod common;
mod mx;
mod pe;

use serde::Serialize;
use ts_rs::TS;

use crate::api::types::CreateCashout;
use crate::environment::EnvironmentKind;

pub(crate) use common::Country;
use common::Findings;

/// The stable values of [`FieldError::code`].
pub mod code {
    /// A field the request needs is missing or empty.
    pub const REQUIRED: &str = "required";
    /// The value is longer than the provider accepts.
    pub const TOO_LONG: &str = "too_long";
    /// The value does not have the expected shape (characters, length, pattern).
    pub const INVALID_FORMAT: &str = "invalid_format";
    /// A national check digit does not match (overridable in sandbox and staging).
    pub const INVALID_CHECK_DIGIT: &str = "invalid_check_digit";
    /// The value is well formed but not accepted here, or the field must be left empty.
    pub const NOT_ALLOWED: &str = "not_allowed";
    /// The bank code is not one this program knows for the country.
    pub const UNKNOWN_BANK: &str = "unknown_bank";
    /// The value contradicts another field.
    pub const MISMATCH: &str = "mismatch";
    /// A debit-card number was given where a bank account (CLABE) is expected.
    pub const CARD_NUMBER_NOT_SUPPORTED: &str = "card_number_not_supported";
    /// A check-digit override was asked for where it is not allowed (production).
    pub const OVERRIDE_NOT_ALLOWED: &str = "override_not_allowed";
}

/// One problem with one field, in plain language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    /// The request field to fix, e.g. `document_id`.
    pub field: String,
    /// A stable machine code, e.g. `invalid_check_digit`.
    pub code: &'static str,
    /// What is wrong and how to fix it, for an operator.
    pub message: String,
}

/// What validation needs to know besides the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidationContext {
    pub environment: EnvironmentKind,
    /// The operator asked to accept documents that fail a national check-digit rule. Honoured
    /// only where [`EnvironmentKind::allows_validation_override`].
    pub override_check_digits: bool,
}

/// A request that passed, with what the operator should know before sending it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub request: CreateCashout,
    pub warnings: Vec<FieldError>,
}

/// As [`check_create`], with the warnings.
///
/// # Errors
/// Every field problem found, not just the first.
pub fn check_create_full(
    req: &CreateCashout,
    ctx: &ValidationContext,
) -> Result<Checked, Vec<FieldError>> {
    check_create(req, ctx).map(|request| Checked {
        request,
        warnings: Vec::new(),
    })
}

/// Checks a create request and returns it normalised (e.g. punctuation stripped from documents).
///
/// # Errors
/// Every field problem found, not just the first.
pub fn check_create(
    req: &CreateCashout,
    ctx: &ValidationContext,
) -> Result<CreateCashout, Vec<FieldError>> {
    let mut out = common::normalise(req);
    let mut findings = Findings::new(ctx);
    if ctx.override_check_digits && !ctx.environment.allows_validation_override() {
        // Refused outright, even when every check digit passes: an operator who ticks the
        // override in production should learn that it has no effect there before sending.
        findings.push(
            "override_check_digits",
            code::OVERRIDE_NOT_ALLOWED,
            "Check-digit overrides are only for sandbox and staging: turn the override off to \
             send in this environment.",
        );
    }
    let country = Country::parse(&out.country);
    common::check_cross_country(&mut out, country, &mut findings);
    match country {
        Some(Country::Br) => br::check(&mut out, &mut findings),
        Some(Country::Mx) => mx::check(&mut out, &mut findings),
        Some(Country::Co) => co::check(&mut out, &mut findings),
        Some(Country::Pe) => pe::check(&mut out, &mut findings),
        Some(Country::Cl) => cl::check(&mut out, &mut findings),
        Some(Country::Ar) => ar::check(&mut out, &mut findings),
        None => {}
    }
    findings.finish(out)
}

/// Builders shared by the tests of every country module.
#[cfg(test)]
pub(crate) mod testkit {
    use super::{check_create, CreateCashout, FieldError, ValidationContext};
    use crate::environment::EnvironmentKind;
    use crate::money::Amount;

    pub fn amount(text: &str) -> Amount {
        text.parse().expect("valid amount in test")
    }

    /// A complete, valid bank-transfer request for the country.
    pub fn sample_request(country: &str) -> CreateCashout {
        let mut r = CreateCashout {
            external_id: "payout-2026-0001".into(),
            country: country.into(),
            amount: Some(amount("100")),
            beneficiary_name: "Maria".into(),
            beneficiary_lastname: Some("Silva".into()),
            notification_url: "https://merchant.example/webhooks/cashouts".into(),
            ..CreateCashout::default()
        };
        match country {
            "BR" => {
                r.currency = Some("BRL".into());
                r.document_id = "390.533.447-05".into();
                r.bank_code = Some("001".into());
                r.bank_account = Some("3423422-7".into());
                r.bank_branch = Some("1234".into());
                r.account_type = Some("C".into());
            }
            "MX" => {
                r.currency = Some("MXN".into());
                r.document_id = "BOXW310820HNERXN09".into();
                r.document_type = Some("CURP".into());
                r.bank_account = Some("002010077777777771".into());
            }
            "CO" => {
                r.currency = Some("COP".into());
                r.document_id = "1020304050".into();
                r.document_type = Some("CC".into());
                r.address = Some("Calle 100 # 10-20, Bogotá".into());
                r.bank_code = Some("1007".into());
                r.bank_account = Some("12345678901".into());
                r.account_type = Some("S".into());
            }
            "PE" => {
                r.currency = Some("PEN".into());
                r.document_id = "12345678".into();
                r.document_type = Some("DNI".into());
                r.bank_account = Some("00219300153895206813".into());
            }
            "CL" => {
                r.currency = Some("CLP".into());
                r.amount = Some(amount("15000"));
                r.document_id = "12.531.909-2".into();
                r.bank_code = Some("001".into());
                r.bank_account = Some("0012345678".into());
                r.account_type = Some("V".into());
            }
            "AR" => {
                r.currency = Some("ARS".into());
                r.document_id = "20-05536168-2".into();
                r.bank_account = Some("2850590940090418135201".into());
            }
            other => panic!("no sample for {other}"),
        }
        r
    }

    pub fn ctx(environment: EnvironmentKind, override_check_digits: bool) -> ValidationContext {
        ValidationContext {
            environment,
            override_check_digits,
        }
    }

    /// Production without override: the strictest context.
    pub fn strict() -> ValidationContext {
        ctx(EnvironmentKind::D24Production, false)
    }

    /// Staging with the operator's check-digit override on.
    pub fn staging_override() -> ValidationContext {
        ctx(EnvironmentKind::D24Staging, true)
    }

    pub fn errors_of(req: &CreateCashout, ctx: &ValidationContext) -> Vec<FieldError> {
        match check_create(req, ctx) {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        }
    }

    pub fn passes(req: &CreateCashout) -> CreateCashout {
        match check_create(req, &strict()) {
            Ok(out) => out,
            Err(errors) => panic!("expected the request to pass, got {errors:#?}"),
        }
    }

    /// Asserts that the request is refused with (at least) this field and code.
    pub fn refused_with(req: &CreateCashout, field: &str, code: &str) -> Vec<FieldError> {
        refused_in(req, &strict(), field, code)
    }

    pub fn refused_in(
        req: &CreateCashout,
        ctx: &ValidationContext,
        field: &str,
        code: &str,
    ) -> Vec<FieldError> {
        let errors = errors_of(req, ctx);
        assert!(
            errors.iter().any(|e| e.field == field && e.code == code),
            "expected {field}/{code}, got {errors:#?}"
        );
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::*;
    use super::*;

    #[test]
    fn complete_sample_request_of_every_country_passes() {
        for c in ["BR", "MX", "CO", "PE", "CL", "AR"] {
            let out = passes(&sample_request(c));
            assert_eq!(out.country, c);
        }
    }

    #[test]
    fn override_requested_in_production_is_refused_on_override_check_digits() {
        let req = sample_request("BR");
        let errors = refused_in(
            &req,
            &ctx(EnvironmentKind::D24Production, true),
            "override_check_digits",
            code::OVERRIDE_NOT_ALLOWED,
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("sandbox and staging"));
        refused_in(
            &req,
            &ctx(EnvironmentKind::Custom, true),
            "override_check_digits",
            code::OVERRIDE_NOT_ALLOWED,
        );
        refused_in(
            &req,
            &ctx(EnvironmentKind::OkpProduction, true),
            "override_check_digits",
            code::OVERRIDE_NOT_ALLOWED,
        );
    }

    #[test]
    fn override_requested_in_sandbox_and_staging_is_accepted() {
        let req = sample_request("BR");
        for env in [
            EnvironmentKind::Sandbox,
            EnvironmentKind::OkpStaging,
            EnvironmentKind::D24Staging,
        ] {
            assert!(check_create(&req, &ctx(env, true)).is_ok(), "{env:?}");
        }
    }

    #[test]
    fn several_bad_fields_are_all_reported_at_once() {
        let mut req = sample_request("BR");
        req.amount = None;
        req.beneficiary_name = String::new();
        req.notification_url = String::new();
        req.document_id = "231.002.999-00".into();
        let errors = errors_of(&req, &strict());
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "amount",
            "beneficiary_name",
            "notification_url",
            "document_id",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn messages_do_not_echo_the_values_checked() {
        let mut req = sample_request("BR");
        req.document_id = "231.002.999-00".into();
        req.notification_url = "https://hooks.example:8443/secret-token-abc".into();
        for e in errors_of(&req, &strict()) {
            assert!(!e.message.contains("231"), "{e:?}");
            assert!(!e.message.contains("secret-token-abc"), "{e:?}");
        }
    }

    #[test]
    fn errors_serialise_with_field_code_and_message() {
        let mut req = sample_request("MX");
        req.amount = None;
        let errors = errors_of(&req, &strict());
        let json = serde_json::to_value(&errors).expect("serialise");
        assert_eq!(json[0]["field"], "amount");
        assert_eq!(json[0]["code"], "required");
        assert!(json[0]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

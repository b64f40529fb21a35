//! Offline validation of a create request, before anything is written or sent.
//!
//! [`check_create_full`] applies the provider's published field rules and limits, and the
//! national check-character algorithms (CPF, CNPJ, CLABE, CURP, NIT, CCI, RUC, Peruvian DNI,
//! RUT, CBU/CVU, CUIT) and embedded dates (RFC, CURP) for the six supported countries. It
//! returns either the request normalised — every dash and space kind folded and separators
//! removed from identifiers and accounts, PIX keys in the form the central bank's directory
//! holds them, codes upper-cased — with the warnings the operator should read before sending,
//! or every field problem found, each with a stable code and a plain-language message (in the
//! active language, see [`crate::l10n::messages::tr`]; English in tests). A failed
//! check digit may be overridden by the operator in sandbox and staging only (it then becomes a
//! warning); format and length errors never can.
//!
//! Warnings say where the reference is unsure the provider accepts the request
//! ([`code::UNCONFIRMED`]) or where a rule is only advisory ([`code::ADVISORY`]); they never stop
//! a request. Left out: anything that needs the network (live bank lists, PIX key lookups,
//! duplicate `external_id`s, minimum amounts). Messages never echo the values checked, so a
//! message can be logged safely.

mod ar;
mod br;
mod br_bank;
mod cl;
mod co;
mod common;
mod contact;
mod ids;
mod limits;
mod mx;
mod pe;
mod text;
mod url;

use serde::Serialize;
use ts_rs::TS;

use crate::api::types::CreateCashout;
use crate::banks::Method;
use crate::environment::EnvironmentKind;
use crate::l10n::messages::tr;

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
    /// Warning: the reference does not confirm the provider accepts this value or field.
    pub const UNCONFIRMED: &str = "unconfirmed";
    /// Warning: a rule applied as advice rather than refusal (e.g. the RFC check digit, which
    /// about 1.5% of issued RFCs fail).
    pub const ADVISORY: &str = "advisory";
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Checked {
    /// The request exactly as it is to be sent (normalised).
    pub request: CreateCashout,
    /// Warnings ([`code::UNCONFIRMED`], [`code::ADVISORY`]) to show on review; never a reason
    /// to refuse.
    pub warnings: Vec<FieldError>,
}

/// Checks a create request and returns it normalised (e.g. punctuation stripped from
/// documents), without its warnings. See [`check_create_full`].
///
/// # Errors
/// Every field problem found, not just the first.
pub fn check_create(
    req: &CreateCashout,
    ctx: &ValidationContext,
) -> Result<CreateCashout, Vec<FieldError>> {
    check_create_full(req, ctx).map(|c| c.request)
}

/// Checks a create request and returns it normalised, with the warnings the operator should
/// read before sending it.
///
/// # Errors
/// Every field problem found, not just the first.
pub fn check_create_full(
    req: &CreateCashout,
    ctx: &ValidationContext,
) -> Result<Checked, Vec<FieldError>> {
    let mut out = common::normalise(req);
    let mut findings = Findings::new(ctx);
    if ctx.override_check_digits && !ctx.environment.allows_validation_override() {
        // Refused outright, even when every check digit passes: an operator who ticks the
        // override in production should learn that it has no effect there before sending.
        findings.push(
            "override_check_digits",
            code::OVERRIDE_NOT_ALLOWED,
            tr("v-override-not-allowed", &[]),
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
    // Last, over the values as they will be sent, whichever path rewrote them.
    limits::sweep(&out, country, &mut findings);
    findings.finish(out)
}

/// Whether a payout method can be sent at all. A PIX random key (EVP) cannot: the reference
/// has no confirmed bank code for it, and its only candidate field (`bank_account`, at most 30
/// characters) is too short for a 36-character key. The form offers only methods that pass
/// this, so an operator is never shown a method that is always refused.
pub(crate) fn method_is_sendable(method: Method) -> bool {
    method != Method::PixRandom
}

/// Builders shared by the tests of every country module.
#[cfg(test)]
pub(crate) mod testkit {
    use super::ValidationContext;
    use super::{check_create, check_create_full, Checked, CreateCashout, FieldError};
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

    /// The request passed in production without override, with its warnings.
    pub fn checked(req: &CreateCashout) -> Checked {
        match check_create_full(req, &strict()) {
            Ok(c) => c,
            Err(errors) => panic!("expected the request to pass, got {errors:#?}"),
        }
    }

    /// Asserts that the request passes with (at least) this warning; returns it.
    pub fn warned(req: &CreateCashout, field: &str, code: &str) -> FieldError {
        let c = checked(req);
        match c
            .warnings
            .iter()
            .find(|w| w.field == field && w.code == code)
        {
            Some(w) => w.clone(),
            None => panic!("expected warning {field}/{code}, got {:#?}", c.warnings),
        }
    }

    /// Asserts that the request passes without any warning on the field.
    pub fn no_warning_on(req: &CreateCashout, field: &str) {
        let c = checked(req);
        assert!(
            c.warnings.iter().all(|w| w.field != field),
            "unexpected warning on {field}: {:#?}",
            c.warnings
        );
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
    fn warnings_do_not_echo_the_values_checked() {
        let mut br = sample_request("BR");
        br.document_id = "12.ABC.345/01DE-35".into();
        br.bank_code = Some("10001".into());
        br.bank_account = None;
        br.bank_branch = None;
        br.account_type = None;
        br.email = Some(format!("{}@{}.com.br", "q".repeat(40), "z".repeat(30)));
        br.beneficiary_birthdate = Some("1990-05-17".into());
        let mut mx = sample_request("MX");
        mx.document_id = "XAXX010101000".into();
        mx.document_type = Some("RFC".into());
        let mut pe = sample_request("PE");
        pe.bank_account = Some("002193001538952000".into());
        let mut co = sample_request("CO");
        co.document_id = "213123432".into();
        co.document_type = Some("NIT".into());
        let cases = [
            (br, ["12ABC", "qqqq", "1990"]),
            (mx, ["XAXX", "010101", "XAXX"]),
            (pe, ["0021930", "952000", "0021930"]),
            (co, ["213123432", "123432", "213123"]),
        ];
        for (req, values) in cases {
            let c = check_create_full(&req, &staging_override()).expect("passes");
            assert!(!c.warnings.is_empty(), "{req:?}");
            for w in &c.warnings {
                assert!(
                    w.code == code::UNCONFIRMED || w.code == code::ADVISORY,
                    "{w:?}"
                );
                for v in values {
                    assert!(!w.message.contains(v), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn check_create_returns_the_request_of_check_create_full() {
        let req = sample_request("AR");
        let full = check_create_full(&req, &strict()).expect("passes");
        assert!(!full.warnings.is_empty());
        assert_eq!(check_create(&req, &strict()), Ok(full.request));
    }

    #[test]
    fn checked_serialises_with_request_and_warnings() {
        let json = serde_json::to_value(checked(&sample_request("AR"))).expect("serialise");
        assert_eq!(json["request"]["country"], "AR");
        assert_eq!(json["warnings"][0]["code"], "unconfirmed");
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

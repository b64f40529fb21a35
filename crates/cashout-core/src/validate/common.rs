//! The parts of create-request validation every country shares: the collector of errors and
//! warnings (which also decides whether a failed check digit may be overridden), the first
//! normalisation pass, and the rules of the fields that do not depend on the payout method.
//!
//! Guarantees: after [`normalise`], text fields are trimmed (of every space kind, see
//! [`super::text`]), empty optional fields are `None`, country, currency, document type and
//! account type are upper case, and phone and bank-code separators are gone.
//! [`check_cross_country`] covers the fields whose rules do not depend on the payout method, and
//! gives Brazilian phones their E.164 form. Left out: documents, bank codes and accounts, which
//! the country modules check, and length limits of values the country modules rewrite, which
//! [`super::limits::sweep`] checks last.

use super::contact::{br_phone, is_plausible_email, is_plausible_phone};
use super::text::{compact, trim};
use super::{code, limits, url, Checked, FieldError, ValidationContext};
use crate::api::types::CreateCashout;
use crate::l10n::messages::tr;

/// The countries this program pays out to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Country {
    Br,
    Mx,
    Co,
    Pe,
    Cl,
    Ar,
}

impl Country {
    pub(crate) const ALL: [Country; 6] = [
        Country::Br,
        Country::Mx,
        Country::Co,
        Country::Pe,
        Country::Cl,
        Country::Ar,
    ];

    /// Reads an already upper-cased ISO alpha-2 code.
    pub(crate) fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub(crate) const fn code(self) -> &'static str {
        match self {
            Self::Br => "BR",
            Self::Mx => "MX",
            Self::Co => "CO",
            Self::Pe => "PE",
            Self::Cl => "CL",
            Self::Ar => "AR",
        }
    }

    pub(crate) const fn currency(self) -> &'static str {
        match self {
            Self::Br => "BRL",
            Self::Mx => "MXN",
            Self::Co => "COP",
            Self::Pe => "PEN",
            Self::Cl => "CLP",
            Self::Ar => "ARS",
        }
    }

    /// The English name; messages use [`country_name`], which says it in the operator's
    /// language (a test keeps the two the same in English).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::Br => "Brazil",
            Self::Mx => "Mexico",
            Self::Co => "Colombia",
            Self::Pe => "Peru",
            Self::Cl => "Chile",
            Self::Ar => "Argentina",
        }
    }

    /// Account types the provider accepts, with their meaning for the message. Mexico and
    /// Argentina publish none (the CLABE and CBU say it all), so the common pair is accepted.
    pub(crate) const fn account_types(self) -> &'static [(&'static str, &'static str)] {
        const CS: &[(&str, &str)] = &[("C", "checking"), ("S", "savings")];
        match self {
            Self::Cl => &[
                ("C", "checking"),
                ("S", "savings"),
                ("V", "vista / salary account"),
            ],
            Self::Pe => &[("C", "checking"), ("S", "savings"), ("M", "master account")],
            Self::Br | Self::Co | Self::Mx | Self::Ar => CS,
        }
    }

    /// The document types the country's rules accept, most common first.
    pub(crate) const fn document_types(self) -> &'static [&'static str] {
        match self {
            Self::Br => &["CPF", "CNPJ"],
            Self::Mx => &["CURP", "RFC", "IFE", "PASS"],
            Self::Co => &["CC", "NIT", "CE", "PASS"],
            Self::Pe => &["DNI", "RUC", "CE", "PASS"],
            Self::Cl => &["RUT", "RUN", "ID"],
            Self::Ar => &["DNI", "CUIT", "CUIL"],
        }
    }

    /// Countries whose provider pages list the last name as required.
    pub(crate) const fn lastname_required(self) -> bool {
        matches!(self, Self::Mx | Self::Co | Self::Pe | Self::Ar)
    }

    /// Countries whose document number does not say its type (Peru's DNI and CE, Colombia's
    /// CC and NIT overlap in length), so `document_type` is required.
    pub(crate) const fn document_type_required(self) -> bool {
        matches!(self, Self::Pe | Self::Co)
    }

    /// Countries whose provider page lists the beneficiary's address as required.
    pub(crate) const fn address_required(self) -> bool {
        matches!(self, Self::Co)
    }
}

/// The errors and warnings found so far, and whether a failed check digit is to be let through.
pub(super) struct Findings {
    errors: Vec<FieldError>,
    warnings: Vec<FieldError>,
    /// The operator asked for the override and the environment allows it.
    override_in_force: bool,
    /// The environment would allow the override (used to tell the operator it exists).
    override_available: bool,
}

impl Findings {
    pub(super) fn new(ctx: &ValidationContext) -> Self {
        let override_available = ctx.environment.allows_validation_override();
        Self {
            errors: Vec::new(),
            warnings: Vec::new(),
            override_in_force: override_available && ctx.override_check_digits,
            override_available,
        }
    }

    pub(super) fn push(&mut self, field: &str, code: &'static str, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            code,
            message: message.into(),
        });
    }

    /// Records something the operator should know before sending, without refusing: `code` is
    /// [`code::UNCONFIRMED`] or [`code::ADVISORY`].
    pub(super) fn warn(&mut self, field: &str, code: &'static str, message: impl Into<String>) {
        self.warnings.push(FieldError {
            field: field.to_owned(),
            code,
            message: message.into(),
        });
    }

    /// Whether a field already has an error: later, stricter rules stay quiet so the operator
    /// sees one clear message per field.
    pub(super) fn has(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    /// Records a failed national check digit, unless the operator overrode check digits where
    /// that is allowed, in which case it becomes a warning so the review still says so. Only
    /// check digits go through here: format errors are never overridable.
    pub(super) fn check_digit_failed(&mut self, field: &str, message: &str) {
        if self.override_in_force {
            self.warn(
                field,
                code::ADVISORY,
                tr("v-check-digit-let-through", &[("message", message.into())]),
            );
            return;
        }
        let message = if self.override_available {
            tr(
                "v-check-digit-override-hint",
                &[("message", message.into())],
            )
        } else {
            message.to_owned()
        };
        self.push(field, code::INVALID_CHECK_DIGIT, message);
    }

    /// The request with its warnings when nothing was refused; otherwise every error. Warnings
    /// about a field that also has an error are dropped with the request.
    pub(super) fn finish(self, request: CreateCashout) -> Result<Checked, Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(Checked {
                request,
                warnings: self.warnings,
            })
        } else {
            Err(self.errors)
        }
    }
}

fn trimmed(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

fn trimmed_upper(value: &Option<String>) -> Option<String> {
    trimmed(value).map(|v| v.to_ascii_uppercase())
}

/// Separators allowed inside phone numbers as typed: `+55 (11) 96666-6666`.
const PHONE_SEPARATORS: &[char] = &['-', '(', ')', '.', '/'];

/// The first pass: trims, drops empty optional fields, upper-cases codes and tidies phones and
/// bank codes. Country-specific normalisation (documents, accounts) happens in the country
/// modules.
pub(super) fn normalise(req: &CreateCashout) -> CreateCashout {
    CreateCashout {
        // Left as typed: spaces are refused rather than silently removed from an idempotency key.
        external_id: req.external_id.clone(),
        country: trim(&req.country).to_ascii_uppercase(),
        currency: trimmed_upper(&req.currency),
        amount: req.amount,
        document_id: trim(&req.document_id).to_owned(),
        document_type: trimmed_upper(&req.document_type),
        beneficiary_name: trim(&req.beneficiary_name).to_owned(),
        beneficiary_lastname: trimmed(&req.beneficiary_lastname),
        email: trimmed(&req.email),
        phone: trimmed(&req.phone)
            .map(|p| compact(&p, PHONE_SEPARATORS))
            .filter(|p| !p.is_empty()),
        bank_code: trimmed(&req.bank_code)
            .map(|c| compact(&c, &[]))
            .filter(|c| !c.is_empty()),
        bank_account: trimmed(&req.bank_account),
        bank_branch: trimmed(&req.bank_branch),
        account_type: trimmed_upper(&req.account_type),
        address: trimmed(&req.address),
        city: trimmed(&req.city),
        postal_code: trimmed(&req.postal_code),
        beneficiary_birthdate: trimmed(&req.beneficiary_birthdate),
        notification_url: trim(&req.notification_url).to_owned(),
        comments: trimmed(&req.comments),
        on_hold: req.on_hold,
    }
}

/// Records a `required` error when the value is missing; returns the value when present.
pub(super) fn require<'a>(
    f: &mut Findings,
    field: &str,
    value: Option<&'a str>,
    message: &str,
) -> Option<&'a str> {
    match value {
        Some(v) if !v.is_empty() => Some(v),
        _ => {
            f.push(field, code::REQUIRED, message);
            None
        }
    }
}

/// Records a `not_allowed` error when a field that must stay empty for this method is filled.
pub(super) fn must_be_empty(f: &mut Findings, field: &str, value: Option<&str>, message: &str) {
    if value.is_some_and(|v| !v.is_empty()) {
        f.push(field, code::NOT_ALLOWED, message);
    }
}

/// The rules that do not depend on the payout method. May normalise the request further.
/// Characters no field of a payout may carry: control characters (a NUL, a line break), and
/// invisible ones that make two different values look the same on screen and in exports
/// (zero-width spaces and joiners, bidirectional controls, the byte-order mark).
fn is_hidden_or_control(c: char) -> bool {
    c.is_control() || super::text::is_invisible(c)
}

/// Refuses control and invisible characters in the text fields people type (names, address,
/// city, comments, e-mail, notification URL), naming the field. Identifier fields are folded
/// and shape-checked by their own rules.
fn check_hidden_characters(req: &CreateCashout, f: &mut Findings) {
    let fields: [(&str, Option<&str>); 8] = [
        ("beneficiary_name", Some(req.beneficiary_name.as_str())),
        ("beneficiary_lastname", req.beneficiary_lastname.as_deref()),
        ("address", req.address.as_deref()),
        ("city", req.city.as_deref()),
        ("postal_code", req.postal_code.as_deref()),
        ("comments", req.comments.as_deref()),
        ("email", req.email.as_deref()),
        ("notification_url", Some(req.notification_url.as_str())),
    ];
    for (field, value) in fields {
        if value.is_some_and(|v| v.chars().any(is_hidden_or_control)) {
            f.push(
                field,
                code::INVALID_FORMAT,
                tr(
                    "v-hidden-character",
                    &[
                        ("label", field.replace('_', " ").into()),
                        ("field", field.into()),
                    ],
                ),
            );
        }
    }
}

pub(super) fn check_cross_country(
    req: &mut CreateCashout,
    country: Option<Country>,
    f: &mut Findings,
) {
    check_hidden_characters(req, f);
    if limits::within(f, "external_id", &req.external_id, country)
        && !req.external_id.bytes().all(|b| b.is_ascii_graphic())
    {
        f.push(
            "external_id",
            code::INVALID_FORMAT,
            tr("v-external-id-characters", &[]),
        );
    }

    if req.country.is_empty() {
        f.push("country", code::REQUIRED, tr("v-country-required", &[]));
    } else if country.is_none() {
        f.push(
            "country",
            code::NOT_ALLOWED,
            tr("v-country-not-supported", &[]),
        );
    }

    match (req.currency.as_deref(), country) {
        (Some(currency), Some(c)) if currency != c.currency() && currency != "USD" => f.push(
            "currency",
            code::NOT_ALLOWED,
            tr(
                "v-currency-not-allowed",
                &[
                    ("country", country_name(c).into()),
                    ("currency", c.currency().into()),
                ],
            ),
        ),
        // The provider does not document what an omitted currency means (local money or
        // US dollars differ a hundredfold), so the amount is never sent without one.
        (None | Some(""), Some(c)) => f.push(
            "currency",
            code::REQUIRED,
            tr("v-currency-required", &[("currency", c.currency().into())]),
        ),
        _ => {}
    }

    match req.amount {
        None => f.push("amount", code::REQUIRED, tr("v-amount-required", &[])),
        Some(a) => {
            // An omitted currency may mean pesos, so the strict reading protects the payout.
            let in_pesos =
                country == Some(Country::Cl) && req.currency.as_deref().is_none_or(|c| c == "CLP");
            if in_pesos && !a.is_whole() {
                f.push("amount", code::NOT_ALLOWED, tr("v-clp-no-cents", &[]));
            }
        }
    }

    // Lengths are checked once, last, by `limits::sweep` (one message per field).
    if req.beneficiary_name.is_empty() {
        f.push(
            "beneficiary_name",
            code::REQUIRED,
            tr("v-name-required", &[]),
        );
    }
    if let (None, Some(c)) = (req.beneficiary_lastname.as_deref(), country) {
        if c.lastname_required() {
            f.push(
                "beneficiary_lastname",
                code::REQUIRED,
                tr(
                    "v-lastname-required",
                    &[("country", country_name(c).into())],
                ),
            );
        }
    }

    if country.is_some() && req.document_id.is_empty() {
        f.push(
            "document_id",
            code::REQUIRED,
            tr("v-document-required", &[]),
        );
    }

    if let Some(email) = req.email.as_deref() {
        if limits::within(f, "email", email, country) && !is_plausible_email(email) {
            f.push("email", code::INVALID_FORMAT, tr("v-email-format", &[]));
        }
    }

    if let Some(phone) = req.phone.clone() {
        if limits::within(f, "phone", &phone, country) {
            if country == Some(Country::Br) {
                // Sent, and shown on review, in the E.164 form the provider documents.
                match br_phone(&phone) {
                    Ok(p) => req.phone = Some(p.e164),
                    Err(problem) => f.push("phone", code::INVALID_FORMAT, problem.message()),
                }
            } else if !is_plausible_phone(&phone) {
                f.push("phone", code::INVALID_FORMAT, tr("v-phone-format", &[]));
            }
        }
    }

    url::check_notification_url(f, &req.notification_url);

    if let (Some(kind), Some(c)) = (req.account_type.as_deref(), country) {
        let allowed = c.account_types();
        if !allowed.iter().any(|(k, _)| *k == kind) {
            let list: Vec<String> = allowed
                .iter()
                .map(|(k, _)| format!("{k} ({})", tr(&format!("account-type-{k}"), &[])))
                .collect();
            f.push(
                "account_type",
                code::NOT_ALLOWED,
                tr(
                    "v-account-type-not-allowed",
                    &[
                        ("country", country_name(c).into()),
                        ("choices", list.join(", ").into()),
                    ],
                ),
            );
        }
    }

    if req.beneficiary_birthdate.is_some() {
        f.warn(
            "beneficiary_birthdate",
            code::UNCONFIRMED,
            tr("v-birthdate-unconfirmed", &[]),
        );
    }
}

/// The country's name in the active language (the form's `country-XX` messages, whose English
/// is [`Country::name`]).
pub(super) fn country_name(c: Country) -> String {
    tr(&format!("country-{}", c.code()), &[])
}

/// Requires `account_type` for bank transfers (the cross-country pass checked its value).
pub(super) fn require_account_type(f: &mut Findings, req: &CreateCashout, choices: &str) {
    require(
        f,
        "account_type",
        req.account_type.as_deref(),
        &tr("v-account-type-required", &[("choices", choices.into())]),
    );
}

#[cfg(test)]
mod l10n_tests {
    use super::Country;
    use crate::l10n::messages::text;
    use crate::l10n::Lang;

    #[test]
    fn the_english_country_messages_are_the_country_names() {
        for c in Country::ALL {
            assert_eq!(
                text(Lang::En, &format!("country-{}", c.code()), &[]),
                c.name()
            );
            for (code, meaning) in c.account_types() {
                let id = format!("account-type-{code}");
                assert_eq!(text(Lang::En, &id, &[]), *meaning);
            }
        }
    }
}

#[cfg(test)]
mod hidden_tests {
    use super::super::code;
    use super::super::testkit::{refused_with, sample_request};

    #[test]
    fn a_name_with_a_control_or_invisible_character_is_refused_at_that_field() {
        for name in [
            "Ana \u{0}Souza",
            "Ana\nSouza",
            "Ana\u{200B}Souza",
            "Ana\u{202E}Souza",
        ] {
            let mut req = sample_request("BR");
            req.beneficiary_name = name.into();
            refused_with(&req, "beneficiary_name", code::INVALID_FORMAT);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::code;
    use super::super::testkit::*;

    #[test]
    fn external_id_with_a_space_is_refused_on_external_id() {
        let mut req = sample_request("BR");
        req.external_id = "payout 1".into();
        refused_with(&req, "external_id", code::INVALID_FORMAT);
        req.external_id = "pagamento-ç".into();
        refused_with(&req, "external_id", code::INVALID_FORMAT);
    }

    #[test]
    fn external_id_over_100_characters_is_refused_as_too_long() {
        let mut req = sample_request("BR");
        req.external_id = "x".repeat(101);
        refused_with(&req, "external_id", code::TOO_LONG);
        req.external_id = "x".repeat(100);
        passes(&req);
    }

    #[test]
    fn a_name_too_long_with_a_hidden_character_gets_one_message() {
        let mut req = sample_request("BR");
        req.beneficiary_name = format!("Ana\u{200B}{}", "a".repeat(200));
        let errors = errors_of(&req, &strict());
        let on_name: Vec<_> = errors
            .iter()
            .filter(|e| e.field == "beneficiary_name")
            .collect();
        assert_eq!(on_name.len(), 1, "{errors:#?}");
        assert_eq!(on_name[0].code, code::INVALID_FORMAT);
        // Without the hidden character, the length is what is said.
        req.beneficiary_name = "a".repeat(200);
        refused_with(&req, "beneficiary_name", code::TOO_LONG);
    }

    #[test]
    fn empty_external_id_is_accepted_because_it_is_generated_later() {
        let mut req = sample_request("MX");
        req.external_id = String::new();
        passes(&req);
    }

    #[test]
    fn lowercase_country_and_currency_are_normalised_to_upper_case() {
        let mut req = sample_request("PE");
        req.country = " pe ".into();
        req.currency = Some("pen".into());
        let out = passes(&req);
        assert_eq!(out.country, "PE");
        assert_eq!(out.currency.as_deref(), Some("PEN"));
    }

    #[test]
    fn missing_or_unsupported_country_is_refused_on_country() {
        let mut req = sample_request("BR");
        req.country = String::new();
        refused_with(&req, "country", code::REQUIRED);
        req.country = "US".into();
        refused_with(&req, "country", code::NOT_ALLOWED);
        req.country = "BRA".into();
        refused_with(&req, "country", code::NOT_ALLOWED);
    }

    #[test]
    fn currency_other_than_local_or_usd_is_refused_on_currency() {
        let mut req = sample_request("MX");
        req.currency = Some("BRL".into());
        refused_with(&req, "currency", code::NOT_ALLOWED);
        req.currency = Some("usd".into());
        assert_eq!(passes(&req).currency.as_deref(), Some("USD"));
    }

    #[test]
    fn a_missing_currency_is_refused_because_its_meaning_is_undocumented() {
        let mut req = sample_request("MX");
        req.currency = None;
        refused_with(&req, "currency", code::REQUIRED);
        req.currency = Some("  ".into());
        refused_with(&req, "currency", code::REQUIRED);
    }

    #[test]
    fn missing_amount_is_refused_as_required() {
        let mut req = sample_request("CO");
        req.amount = None;
        refused_with(&req, "amount", code::REQUIRED);
    }

    #[test]
    fn clp_amount_with_cents_is_refused_and_usd_cents_are_accepted() {
        let mut req = sample_request("CL");
        req.amount = Some(amount("15000.50"));
        let errors = refused_with(&req, "amount", code::NOT_ALLOWED);
        assert!(errors.iter().any(|e| e.message.contains("no cents")));
        req.currency = None;
        refused_with(&req, "amount", code::NOT_ALLOWED);
        req.currency = Some("USD".into());
        passes(&req);
        req.currency = Some("CLP".into());
        req.amount = Some(amount("15000.00"));
        passes(&req);
    }

    #[test]
    fn missing_or_long_beneficiary_name_is_refused() {
        let mut req = sample_request("BR");
        req.beneficiary_name = "   ".into();
        refused_with(&req, "beneficiary_name", code::REQUIRED);
        req.beneficiary_name = "a".repeat(101);
        refused_with(&req, "beneficiary_name", code::TOO_LONG);
        req.beneficiary_name = "é".repeat(100);
        passes(&req);
    }

    #[test]
    fn lastname_is_required_in_mx_co_pe_ar_and_optional_in_br_cl() {
        for c in ["MX", "CO", "PE", "AR"] {
            let mut req = sample_request(c);
            req.beneficiary_lastname = None;
            refused_with(&req, "beneficiary_lastname", code::REQUIRED);
        }
        for c in ["BR", "CL"] {
            let mut req = sample_request(c);
            req.beneficiary_lastname = Some(String::new());
            assert_eq!(passes(&req).beneficiary_lastname, None);
        }
        let mut req = sample_request("BR");
        req.beneficiary_lastname = Some("b".repeat(101));
        refused_with(&req, "beneficiary_lastname", code::TOO_LONG);
    }

    #[test]
    fn missing_document_is_refused_as_required_in_every_country() {
        for c in ["BR", "MX", "CO", "PE", "CL", "AR"] {
            let mut req = sample_request(c);
            req.document_id = " ".into();
            refused_with(&req, "document_id", code::REQUIRED);
        }
    }

    #[test]
    fn malformed_or_long_email_is_refused_on_email() {
        let mut req = sample_request("MX");
        req.email = Some("maria.example.com".into());
        refused_with(&req, "email", code::INVALID_FORMAT);
        // 40 + 1 + 50 + 1 + n + 4 characters.
        let long = |n: usize| {
            format!(
                "{}@{}.{}.com",
                "a".repeat(40),
                "b".repeat(50),
                "c".repeat(n)
            )
        };
        req.email = Some(long(5));
        refused_with(&req, "email", code::TOO_LONG);
        req.email = Some(long(4));
        passes(&req);
    }

    #[test]
    fn brazilian_phone_is_sent_in_e164_whichever_usual_way_it_was_typed() {
        let mut req = sample_request("BR");
        for typed in [
            "+55 (11) 96666-6666",
            "(11) 96666-6666",
            "11 96666 6666",
            "011 96666-6666",
            "55 11 96666 6666",
            "+55\u{a0}11\u{2009}96666\u{2013}6666",
        ] {
            req.phone = Some(typed.into());
            assert_eq!(
                passes(&req).phone.as_deref(),
                Some("+5511966666666"),
                "{typed}"
            );
        }
    }

    #[test]
    fn brazilian_phone_without_country_code_that_is_not_clearly_brazilian_is_refused() {
        let mut req = sample_request("BR");
        // Area code 11, but 9 digits not starting with 9: neither a mobile nor a landline.
        req.phone = Some("11666666666".into());
        let errors = refused_with(&req, "phone", code::INVALID_FORMAT);
        assert!(errors.iter().any(|e| e.message.contains("+55")));
        req.phone = Some("+55 11 9 6666 6666 0000 0000".into());
        refused_with(&req, "phone", code::TOO_LONG);
    }

    #[test]
    fn phone_elsewhere_must_be_7_to_15_digits() {
        let mut req = sample_request("MX");
        req.phone = Some("5512345678".into());
        passes(&req);
        req.phone = Some("+52 55 1234 5678".into());
        passes(&req);
        req.phone = Some("12345".into());
        refused_with(&req, "phone", code::INVALID_FORMAT);
        req.phone = Some("call me".into());
        refused_with(&req, "phone", code::INVALID_FORMAT);
    }

    #[test]
    fn account_type_outside_the_country_set_is_refused() {
        let mut req = sample_request("BR");
        req.account_type = Some("V".into());
        refused_with(&req, "account_type", code::NOT_ALLOWED);
        let mut req = sample_request("CL");
        req.account_type = Some("v".into());
        assert_eq!(passes(&req).account_type.as_deref(), Some("V"));
        req.account_type = Some("M".into());
        refused_with(&req, "account_type", code::NOT_ALLOWED);
        let mut req = sample_request("PE");
        req.account_type = Some("M".into());
        passes(&req);
        req.account_type = Some("V".into());
        refused_with(&req, "account_type", code::NOT_ALLOWED);
        let mut req = sample_request("CO");
        req.account_type = Some("M".into());
        refused_with(&req, "account_type", code::NOT_ALLOWED);
    }

    #[test]
    fn comments_and_address_over_200_characters_are_refused() {
        let mut req = sample_request("BR");
        req.comments = Some("c".repeat(201));
        req.address = Some("a".repeat(201));
        refused_with(&req, "comments", code::TOO_LONG);
        refused_with(&req, "address", code::TOO_LONG);
        req.comments = Some("c".repeat(200));
        req.address = Some("a".repeat(200));
        passes(&req);
    }

    #[test]
    fn check_digit_failure_mentions_the_override_only_where_it_exists() {
        let mut req = sample_request("BR");
        req.document_id = "231.002.999-00".into();
        let prod = refused_with(&req, "document_id", code::INVALID_CHECK_DIGIT);
        assert!(prod.iter().all(|e| !e.message.contains("override")));
        let stg = refused_in(
            &req,
            &ctx(crate::environment::EnvironmentKind::Sandbox, false),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        assert!(stg.iter().any(|e| e.message.contains("override")));
    }
}

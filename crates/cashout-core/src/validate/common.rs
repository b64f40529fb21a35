//! The parts of create-request validation every country shares: the error collector (which also
//! decides whether a failed check digit may be overridden), the first normalisation pass, the
//! cross-country field rules, and small hand-written matchers (no regex crate is available).
//!
//! Guarantees: after [`normalise`], text fields are trimmed, empty optional fields are `None`,
//! country, currency, document type and account type are upper case, and phone separators are
//! gone. [`check_cross_country`] covers the fields whose rules do not depend on the payout method.
//! Left out: documents, bank codes and accounts, which the country modules check.

use std::net::IpAddr;

use super::{code, FieldError, ValidationContext};
use crate::api::types::CreateCashout;

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
}

/// The errors found so far, and whether a failed check digit is to be let through.
pub(super) struct Findings {
    errors: Vec<FieldError>,
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

    /// Whether a field already has an error: later, stricter rules stay quiet so the operator
    /// sees one clear message per field.
    pub(super) fn has(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    /// Records a failed national check digit, unless the operator overrode check digits where
    /// that is allowed. Only check digits go through here: format errors are never overridable.
    pub(super) fn check_digit_failed(&mut self, field: &str, message: &str) {
        if self.override_in_force {
            return;
        }
        let message = if self.override_available {
            format!(
                "{message} (In sandbox and staging you may override check digits to test with \
                 the provider's sample data.)"
            )
        } else {
            message.to_owned()
        };
        self.push(field, code::INVALID_CHECK_DIGIT, message);
    }

    pub(super) fn finish(self, out: CreateCashout) -> Result<CreateCashout, Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(out)
        } else {
            Err(self.errors)
        }
    }
}

fn trimmed(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

fn trimmed_upper(value: &Option<String>) -> Option<String> {
    trimmed(value).map(|v| v.to_ascii_uppercase())
}

/// Removes the characters people type between groups of digits.
pub(super) fn strip(value: &str, separators: &[char]) -> String {
    value
        .chars()
        .filter(|c| !separators.contains(c) && !c.is_whitespace())
        .collect()
}

/// Separators allowed inside phone numbers as typed: `+55 (11) 96666-6666`.
const PHONE_SEPARATORS: &[char] = &['-', '(', ')', '.'];

/// The first pass: trims, drops empty optional fields, upper-cases codes and tidies phones.
/// Country-specific normalisation (documents, accounts) happens in the country modules.
pub(super) fn normalise(req: &CreateCashout) -> CreateCashout {
    CreateCashout {
        // Left as typed: spaces are refused rather than silently removed from an idempotency key.
        external_id: req.external_id.clone(),
        country: req.country.trim().to_ascii_uppercase(),
        currency: trimmed_upper(&req.currency),
        amount: req.amount,
        document_id: req.document_id.trim().to_owned(),
        document_type: trimmed_upper(&req.document_type),
        beneficiary_name: req.beneficiary_name.trim().to_owned(),
        beneficiary_lastname: trimmed(&req.beneficiary_lastname),
        email: trimmed(&req.email),
        phone: trimmed(&req.phone)
            .map(|p| strip(&p, PHONE_SEPARATORS))
            .filter(|p| !p.is_empty()),
        bank_code: trimmed(&req.bank_code),
        bank_account: trimmed(&req.bank_account),
        bank_branch: trimmed(&req.bank_branch),
        account_type: trimmed_upper(&req.account_type),
        address: trimmed(&req.address),
        city: trimmed(&req.city),
        postal_code: trimmed(&req.postal_code),
        beneficiary_birthdate: trimmed(&req.beneficiary_birthdate),
        notification_url: req.notification_url.trim().to_owned(),
        comments: trimmed(&req.comments),
        on_hold: req.on_hold,
    }
}

/// Checks a length limit in characters; true when within it.
pub(super) fn within(f: &mut Findings, field: &str, value: &str, max: usize, what: &str) -> bool {
    let len = value.chars().count();
    if len > max {
        f.push(
            field,
            code::TOO_LONG,
            format!("The {what} is {len} characters long; the limit is {max}. Shorten it."),
        );
        false
    } else {
        true
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

/// The numeric value of each character, when every character is an ASCII digit.
pub(super) fn digits(value: &str) -> Option<Vec<u32>> {
    if value.is_empty() {
        return None;
    }
    value.chars().map(|c| c.to_digit(10)).collect()
}

/// Whether the value is only ASCII digits, with a length in the range.
pub(super) fn is_digits(value: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
}

/// Luhn (mod 10) over a digit string, as used by card numbers.
pub(super) fn luhn_valid(value: &str) -> bool {
    let Some(ds) = digits(value) else {
        return false;
    };
    let sum: u32 = ds
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// E.164 as the provider documents it for Brazil: `^\+[1-9]\d{1,14}$`.
pub(super) fn is_e164(phone: &str) -> bool {
    phone.strip_prefix('+').is_some_and(|rest| {
        rest.starts_with(|c: char| ('1'..='9').contains(&c)) && is_digits(rest, 2, 15)
    })
}

/// The looser shape accepted where no country rule is published: optional `+`, 7–15 digits.
fn is_plausible_phone(phone: &str) -> bool {
    is_digits(phone.strip_prefix('+').unwrap_or(phone), 7, 15)
}

/// A UUID in text form: 36 characters, hex with hyphens after the 8th, 12th, 16th, 20th digit.
pub(super) fn is_uuid(value: &str) -> bool {
    value.len() == 36
        && value.char_indices().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// A plausible e-mail address: one `@`, a local part, and a dotted domain with a real-looking
/// top-level label. Deliverability is the provider's business (codes 540–541).
pub(super) fn is_plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.bytes().all(|b| b.is_ascii_graphic() && b != b'@')
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()));
    local_ok && labels_ok && tld_ok
}

/// Checks `notification_url`: https, or http to this computer only; no port the provider will
/// not call (it calls only 80 and 443); no user name or password in the URL.
fn check_notification_url(f: &mut Findings, url: &str) {
    const FIELD: &str = "notification_url";
    if url.is_empty() {
        f.push(
            FIELD,
            code::REQUIRED,
            "Enter the notification URL (notification_url): the https:// address where the \
             provider reports status changes.",
        );
        return;
    }
    let bad_format = |f: &mut Findings, why: &str| {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            format!("The notification URL (notification_url) {why}."),
        );
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad_format(f, "contains spaces; remove them");
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return bad_format(f, "must be a full address starting with https://");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return bad_format(
            f,
            "must not contain a user name or password; use a secret path or header instead",
        );
    }
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let Some((host, after)) = bracketed.split_once(']') else {
            return bad_format(f, "has an unclosed [ in its host");
        };
        if !after.is_empty() && !after.starts_with(':') {
            return bad_format(f, "has an invalid host");
        }
        (host, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None => None,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => return bad_format(f, "has an invalid port number"),
        },
    };
    let host_chars_ok = authority.starts_with('[')
        || host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if host.is_empty() || !host_chars_ok {
        return bad_format(f, "has no valid host name");
    }
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    match scheme.to_ascii_lowercase().as_str() {
        "https" => {
            if !loopback && port.is_some_and(|p| p != 443) {
                f.push(
                    FIELD,
                    code::NOT_ALLOWED,
                    "The notification URL (notification_url) uses a port the provider will not \
                     call: it only calls ports 80 and 443. Remove the port or use 443.",
                );
            }
        }
        "http" => {
            if !loopback {
                f.push(
                    FIELD,
                    code::NOT_ALLOWED,
                    "The notification URL (notification_url) must start with https://; plain \
                     http:// is accepted only for this computer (localhost, 127.0.0.1, ::1).",
                );
            }
        }
        _ => bad_format(f, "must start with https://"),
    }
}

/// The rules that do not depend on the payout method. May normalise the request further.
pub(super) fn check_cross_country(
    req: &mut CreateCashout,
    country: Option<Country>,
    f: &mut Findings,
) {
    if within(
        f,
        "external_id",
        &req.external_id,
        100,
        "payout id (external_id)",
    ) && !req.external_id.bytes().all(|b| b.is_ascii_graphic())
    {
        f.push(
            "external_id",
            code::INVALID_FORMAT,
            "The payout id (external_id) may only contain letters, digits and punctuation, \
             without spaces or accents.",
        );
    }

    if req.country.is_empty() {
        f.push(
            "country",
            code::REQUIRED,
            "Enter the country (country) as a two-letter code: BR, MX, CO, PE, CL or AR.",
        );
    } else if country.is_none() {
        f.push(
            "country",
            code::NOT_ALLOWED,
            "The country (country) must be one of BR, MX, CO, PE, CL or AR (ISO two-letter \
             codes); payouts to other countries are not supported.",
        );
    }

    match (req.currency.as_deref(), country) {
        (Some(currency), Some(c)) if currency != c.currency() && currency != "USD" => f.push(
            "currency",
            code::NOT_ALLOWED,
            format!(
                "The currency (currency) for {} must be {} or USD.",
                c.name(),
                c.currency()
            ),
        ),
        // The provider does not document what an omitted currency means (local money or
        // US dollars differ a hundredfold), so the amount is never sent without one.
        (None | Some(""), Some(c)) => f.push(
            "currency",
            code::REQUIRED,
            format!(
                "Choose the currency the amount is in (currency): {} or USD.",
                c.currency()
            ),
        ),
        _ => {}
    }

    match req.amount {
        None => f.push(
            "amount",
            code::REQUIRED,
            "Enter the amount to pay out (amount).",
        ),
        Some(a) => {
            // An omitted currency may mean pesos, so the strict reading protects the payout.
            let in_pesos =
                country == Some(Country::Cl) && req.currency.as_deref().is_none_or(|c| c == "CLP");
            if in_pesos && !a.is_whole() {
                f.push(
                    "amount",
                    code::NOT_ALLOWED,
                    "Chilean pesos (CLP) have no cents: enter a whole amount (amount). If you \
                     meant US dollars, set the currency to USD.",
                );
            }
        }
    }

    if req.beneficiary_name.is_empty() {
        f.push(
            "beneficiary_name",
            code::REQUIRED,
            "Enter the beneficiary's first name (beneficiary_name).",
        );
    } else {
        within(
            f,
            "beneficiary_name",
            &req.beneficiary_name,
            100,
            "beneficiary's name",
        );
    }
    match (req.beneficiary_lastname.as_deref(), country) {
        (Some(last), _) => {
            within(
                f,
                "beneficiary_lastname",
                last,
                100,
                "beneficiary's last name",
            );
        }
        (None, Some(c)) if c.lastname_required() => f.push(
            "beneficiary_lastname",
            code::REQUIRED,
            format!(
                "Enter the beneficiary's last name (beneficiary_lastname): it is required for \
                 {}.",
                c.name()
            ),
        ),
        (None, _) => {}
    }

    if country.is_some() && req.document_id.is_empty() {
        f.push(
            "document_id",
            code::REQUIRED,
            "Enter the beneficiary's document number (document_id): the provider rejects \
             payouts without it.",
        );
    }

    if let Some(email) = req.email.as_deref() {
        if within(f, "email", email, 100, "e-mail address") && !is_plausible_email(email) {
            f.push(
                "email",
                code::INVALID_FORMAT,
                "The e-mail address (email) does not look like an address: it needs a name, \
                 an @ and a domain such as example.com.",
            );
        }
    }

    if let Some(phone) = req.phone.as_deref() {
        if within(f, "phone", phone, 20, "phone number") {
            if country == Some(Country::Br) {
                if !is_e164(phone) {
                    f.push(
                        "phone",
                        code::INVALID_FORMAT,
                        "The phone number (phone) must be in international form: a plus sign, \
                         the country code and the number, e.g. +5511966666666.",
                    );
                }
            } else if !is_plausible_phone(phone) {
                f.push(
                    "phone",
                    code::INVALID_FORMAT,
                    "The phone number (phone) must be 7 to 15 digits, optionally after a plus \
                     sign and country code, e.g. +573001234567.",
                );
            }
        }
    }

    check_notification_url(f, &req.notification_url);

    if let (Some(kind), Some(c)) = (req.account_type.as_deref(), country) {
        let allowed = c.account_types();
        if !allowed.iter().any(|(k, _)| *k == kind) {
            let list: Vec<String> = allowed
                .iter()
                .map(|(k, meaning)| format!("{k} ({meaning})"))
                .collect();
            f.push(
                "account_type",
                code::NOT_ALLOWED,
                format!(
                    "The account type (account_type) for {} must be one of: {}.",
                    c.name(),
                    list.join(", ")
                ),
            );
        }
    }

    if let Some(comments) = req.comments.as_deref() {
        within(f, "comments", comments, 200, "comment");
    }
    if let Some(address) = req.address.as_deref() {
        within(f, "address", address, 200, "address");
    }
}

/// Requires `account_type` for bank transfers (the cross-country pass checked its value).
pub(super) fn require_account_type(f: &mut Findings, req: &CreateCashout, choices: &str) {
    require(
        f,
        "account_type",
        req.account_type.as_deref(),
        &format!("Enter the account type (account_type) for a bank transfer: {choices}."),
    );
}

#[cfg(test)]
mod tests {
    use super::super::code;
    use super::super::testkit::*;
    use super::*;

    #[test]
    fn luhn_accepts_known_card_numbers_and_refuses_a_changed_digit() {
        assert!(luhn_valid("4111111111111111"));
        assert!(luhn_valid("378282246310005"));
        assert!(!luhn_valid("4111111111111112"));
        assert!(!luhn_valid("41111111111x1111"));
    }

    #[test]
    fn e164_matches_the_published_pattern() {
        assert!(is_e164("+5511666666666"));
        assert!(is_e164("+12"));
        assert!(!is_e164("5511666666666"));
        assert!(!is_e164("+0511666666666"));
        assert!(!is_e164("+1234567890123456"));
        assert!(!is_e164("+1"));
    }

    #[test]
    fn uuid_shape_is_checked_by_position() {
        assert!(is_uuid("123e4567-e89b-42d3-a456-426614174000"));
        assert!(is_uuid("123E4567-E89B-42D3-A456-426614174000"));
        assert!(!is_uuid("123e4567e89b42d3a456426614174000"));
        assert!(!is_uuid("123e4567-e89b-42d3-a456-42661417400g"));
        assert!(!is_uuid("123e4567-e89b-42d3-a456-4266141740000"));
    }

    #[test]
    fn plausible_emails_pass_and_broken_ones_do_not() {
        assert!(is_plausible_email("maria.silva+pix@example.com.br"));
        assert!(!is_plausible_email("maria"));
        assert!(!is_plausible_email("maria@localhost"));
        assert!(!is_plausible_email("maria@@example.com"));
        assert!(!is_plausible_email("ma ria@example.com"));
        assert!(!is_plausible_email("maria@example..com"));
        assert!(!is_plausible_email("@example.com"));
        assert!(!is_plausible_email("maria@example.c0m"));
    }

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
    fn brazilian_phone_must_be_e164_and_separators_are_removed() {
        let mut req = sample_request("BR");
        req.phone = Some("+55 (11) 96666-6666".into());
        assert_eq!(passes(&req).phone.as_deref(), Some("+5511966666666"));
        req.phone = Some("11966666666".into());
        refused_with(&req, "phone", code::INVALID_FORMAT);
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
    fn missing_notification_url_is_refused_as_required() {
        let mut req = sample_request("BR");
        req.notification_url = String::new();
        refused_with(&req, "notification_url", code::REQUIRED);
    }

    #[test]
    fn plain_http_notification_url_is_refused_except_on_loopback() {
        let mut req = sample_request("BR");
        req.notification_url = "http://merchant.example/hook".into();
        refused_with(&req, "notification_url", code::NOT_ALLOWED);
        req.notification_url = "http://localhost.evil.example/hook".into();
        refused_with(&req, "notification_url", code::NOT_ALLOWED);
        for ok in [
            "http://127.0.0.1:4010/hook",
            "http://localhost:8080/hook",
            "http://[::1]:9000/hook",
            "HTTPS://merchant.example",
        ] {
            req.notification_url = ok.into();
            passes(&req);
        }
    }

    #[test]
    fn notification_url_with_a_port_the_provider_never_calls_is_refused() {
        let mut req = sample_request("BR");
        req.notification_url = "https://merchant.example:8443/hook".into();
        refused_with(&req, "notification_url", code::NOT_ALLOWED);
        req.notification_url = "https://merchant.example:443/hook".into();
        passes(&req);
        req.notification_url = "https://127.0.0.1:8443/hook".into();
        passes(&req);
    }

    #[test]
    fn malformed_notification_url_is_refused_as_invalid_format() {
        let mut req = sample_request("BR");
        for bad in [
            "merchant.example/hook",
            "ftp://merchant.example/hook",
            "https:///hook",
            "https://merchant.example:99999/hook",
            "https://merchant.example:/hook",
            "https://user:secret@merchant.example/hook",
            "https://merchant example/hook",
            "https://[::1/hook",
        ] {
            req.notification_url = bad.into();
            refused_with(&req, "notification_url", code::INVALID_FORMAT);
        }
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

//! The create checks, written from the API reference (§5.1 fields, §5.2 country notes) and
//! `validation-rules.md` (beneficiary rules and check digits per country), in the sandbox's own
//! small tables. They never ask the app what is valid: the sandbox is the witness the app's
//! own validation is tested against.
//!
//! Order (the first problem found is the answer, as the provider answers one error):
//! 1. every field is one the reference documents, given once (300 naming it);
//! 2. each field has its documented JSON type and maximum length (300);
//! 3. the schema's required fields are present (300);
//! 4. `country` is ISO alpha-2 (300) and served (518); `currency` is local or USD (526);
//! 5. cross-country rules: `notification_url`, `type`, `account_type`, `email`, `address`,
//!    and the fields some countries require (`beneficiary_lastname`, `document_type`) (300);
//! 6. `bank_code` is on the country's list (303), then the country's rules (300).
//!
//! Guarantees: values are checked as received, not normalised (a client that sends `br` or a
//! lower-case CNPJ learns it here, not in production); check digits follow the national rules
//! unless the operator switched them off ([`Ctx::accept_failed_check_digits`]); format and length
//! rules always apply. Left out: rules that need the network or history (PIX key lookups, limits,
//! duplicate e-mails and phones, 540–543) and advisory rules (RFC check digit, the 77-character
//! PIX e-mail cap).

mod amount;
mod ar;
mod br;
mod cl;
mod co;
pub(crate) mod digits;
mod mx;
mod pe;

use rust_decimal::Decimal;

use crate::catalog::{self, Bank};
use crate::fields::{FieldProblem, Fields};

/// Why a create is refused, before anything is stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Refused {
    /// 300: a field is missing, unknown, mistyped or malformed.
    #[error("{field}: {problem}")]
    Param { field: String, problem: String },
    /// 303: the bank code (or the bank an account names) is not on the country's list.
    #[error("invalid bank code: {0}")]
    BankCode(String),
    /// 518: a well-formed country the sandbox does not serve.
    #[error("country not available")]
    Country,
    /// 526: a currency other than the country's own or USD.
    #[error("invalid currency")]
    Currency,
}

impl From<FieldProblem> for Refused {
    fn from(p: FieldProblem) -> Self {
        Self::Param {
            field: p.field,
            problem: p.problem,
        }
    }
}

/// A 300 on `field`.
pub(crate) fn param(field: &str, problem: impl Into<String>) -> Refused {
    Refused::Param {
        field: field.to_owned(),
        problem: problem.into(),
    }
}

/// What the checks need besides the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Ctx {
    /// The operator's override (validation-rules.md: "let an operator override it in the
    /// sandbox and staging"): a failed national check digit is accepted. Shapes still apply.
    pub accept_failed_check_digits: bool,
}

impl Ctx {
    /// Refuses a failed check digit unless the override is on.
    pub(crate) fn check_digit(&self, ok: bool, field: &str, what: &str) -> Result<(), Refused> {
        if ok || self.accept_failed_check_digits {
            Ok(())
        } else {
            Err(param(field, format!("{what} check digit does not match")))
        }
    }
}

/// The JSON type and length limit of a create field (§5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A string, with a maximum length in characters when the reference gives one.
    Text(Option<usize>),
    /// A number with up to two decimals (`amount`).
    Money,
    /// A boolean (`on_hold`).
    Flag,
    /// A string or a whole number (`bank_code`: "number" in the schema, strings in every
    /// example, §5.1).
    Code,
    /// An object or list whose shape is unconfirmed (`registered_bank_accounts`).
    Structure,
}

/// Every documented create field, in the reference's order.
const CREATE_FIELDS: &[(&str, Kind)] = &[
    ("login", Kind::Text(Some(32))),
    ("pass", Kind::Text(Some(32))),
    ("external_id", Kind::Text(Some(100))),
    ("country", Kind::Text(None)),
    ("amount", Kind::Money),
    ("currency", Kind::Text(None)),
    ("document_id", Kind::Text(None)),
    ("document_type", Kind::Text(None)),
    ("beneficiary_id", Kind::Text(None)),
    ("beneficiary_name", Kind::Text(Some(100))),
    ("beneficiary_lastname", Kind::Text(Some(100))),
    // 100 in Brazil, 255 in Colombia (§5.1); the country pass applies the Brazilian limit.
    ("email", Kind::Text(Some(255))),
    ("phone", Kind::Text(None)),
    ("bank_code", Kind::Code),
    // "max 30 (old docs)", §5.1 — the only limit the reference gives for this field.
    ("bank_account", Kind::Text(Some(30))),
    ("bank_branch", Kind::Text(None)),
    ("account_type", Kind::Text(None)),
    ("registered_bank_accounts", Kind::Structure),
    // 200 [C4], 255 in Colombia (§5.1); the country pass applies 200 outside Colombia.
    ("address", Kind::Text(Some(255))),
    ("city", Kind::Text(None)),
    ("postal_code", Kind::Text(None)),
    ("beneficiary_birthdate", Kind::Text(None)),
    ("notification_url", Kind::Text(None)),
    // Echoed in notifications, max 200 (§5.1, §9).
    ("comments", Kind::Text(Some(200))),
    ("on_hold", Kind::Flag),
    ("type", Kind::Text(None)),
    ("cashout_type", Kind::Text(None)),
];

/// The OpenAPI schema's required set (§5.1), in its order, credentials aside.
const REQUIRED: &[&str] = &[
    "external_id",
    "country",
    "amount",
    "document_id",
    "beneficiary_name",
    "notification_url",
];

/// A create that passed every check. Text fields hold the values as received; empty strings
/// count as absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Create {
    pub external_id: String,
    pub country: String,
    /// The currency paid out: the one given, or the country's own when omitted (UNCONFIRMED,
    /// §5.1: the reference leaves the meaning of an omitted currency open).
    pub currency: String,
    pub amount: Decimal,
    pub document_id: String,
    pub document_type: Option<String>,
    pub beneficiary_name: String,
    pub beneficiary_lastname: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub bank_code: Option<String>,
    pub bank_account: Option<String>,
    pub bank_branch: Option<String>,
    pub account_type: Option<String>,
    pub address: Option<String>,
    pub notification_url: String,
    pub comments: Option<String>,
    pub on_hold: bool,
    /// The bank `bank_code` names, from the sandbox's list.
    pub bank: Option<&'static Bank>,
    /// The request without `login`/`pass`, values verbatim: what the store keeps.
    pub stored: String,
}

/// Checks a create body (credentials and signature already checked).
///
/// # Errors
/// The first problem, in the order of the module comment.
pub(crate) fn accept_create(fields: &Fields, ctx: &Ctx) -> Result<Create, Refused> {
    for name in fields.names() {
        if !CREATE_FIELDS.iter().any(|(known, _)| *known == name) {
            return Err(param(name, "is not a field of the create request"));
        }
    }
    if let Some(name) = fields.duplicate() {
        return Err(param(name, "appears more than once"));
    }
    for (name, kind) in CREATE_FIELDS {
        check_kind(fields, name, *kind)?;
    }
    let text = |name: &str| -> Result<Option<String>, Refused> {
        Ok(fields
            .get::<String>(name, "a string")?
            .filter(|v| !v.trim().is_empty()))
    };
    for name in REQUIRED {
        if fields.raw(name).is_none() || (*name != "amount" && text(name)?.is_none()) {
            return Err(param(name, "required"));
        }
    }

    let country = text("country")?.unwrap_or_default();
    if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(param(
            "country",
            "must be an ISO 3166-1 alpha-2 code in capitals, e.g. BR",
        ));
    }
    let local = catalog::local_currency(&country).ok_or(Refused::Country)?;
    let currency = match text("currency")? {
        None => local.to_owned(),
        Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => {
            if c != local && c != catalog::USD {
                return Err(Refused::Currency);
            }
            c
        }
        Some(_) => return Err(param("currency", "must be an ISO 4217 code in capitals")),
    };
    let amount = amount::parse(fields.raw("amount").unwrap_or_default())
        .map_err(|problem| param("amount", problem))?;

    let bank_code = match fields.raw("bank_code") {
        None => None,
        Some(raw) if raw.starts_with('"') => text("bank_code")?,
        Some(raw) => Some(raw.to_owned()),
    };
    let create = Create {
        external_id: text("external_id")?.unwrap_or_default(),
        country,
        currency,
        amount,
        document_id: text("document_id")?.unwrap_or_default(),
        document_type: text("document_type")?,
        beneficiary_name: text("beneficiary_name")?.unwrap_or_default(),
        beneficiary_lastname: text("beneficiary_lastname")?,
        email: text("email")?,
        phone: text("phone")?,
        bank_code,
        bank_account: text("bank_account")?,
        bank_branch: text("bank_branch")?,
        account_type: text("account_type")?,
        address: text("address")?,
        notification_url: text("notification_url")?.unwrap_or_default(),
        comments: text("comments")?,
        on_hold: fields
            .get::<bool>("on_hold", "true or false")?
            .unwrap_or(false),
        bank: None,
        stored: fields.without_credentials(),
    };
    check_cross_country(&create, text("type")?.as_deref())?;

    let bank = match create.bank_code.as_deref() {
        None => None,
        Some(code) => Some(catalog::find(&create.country, code).ok_or_else(|| {
            Refused::BankCode(format!(
                "bank_code {code} is not on the bank list of {}",
                create.country
            ))
        })?),
    };
    let create = Create { bank, ..create };
    match create.country.as_str() {
        "BR" => br::check(&create, ctx),
        "MX" => mx::check(&create, ctx),
        "CO" => co::check(&create, ctx),
        "PE" => pe::check(&create, ctx),
        "CL" => cl::check(&create, ctx),
        "AR" => ar::check(&create, ctx),
        // Every served country has its module; a served country without one is a sandbox bug,
        // answered as "not available" rather than accepted unchecked.
        _ => Err(Refused::Country),
    }?;
    Ok(create)
}

/// The JSON type and length of one field, if present.
fn check_kind(fields: &Fields, name: &str, kind: Kind) -> Result<(), Refused> {
    let Some(raw) = fields.raw(name) else {
        return Ok(());
    };
    match kind {
        Kind::Text(max) => {
            let value: String = fields.get(name, "a string")?.unwrap_or_default();
            if let Some(max) = max {
                let len = value.chars().count();
                if len > max {
                    return Err(param(
                        name,
                        format!("is {len} characters long; the maximum is {max}"),
                    ));
                }
            }
        }
        // Read in full (exactly) once the required fields are known to be present.
        Kind::Money => {}
        Kind::Flag => {
            fields.get::<bool>(name, "true or false")?;
        }
        Kind::Code => {
            let is_whole_number = raw.bytes().all(|b| b.is_ascii_digit());
            if !raw.starts_with('"') && !is_whole_number {
                return Err(param(name, "must be a string (or a whole number)"));
            }
            if raw.starts_with('"') {
                fields.get::<String>(name, "a string")?;
            }
        }
        Kind::Structure => {
            if !(raw.starts_with('{') || raw.starts_with('[')) {
                return Err(param(name, "must be an object or a list"));
            }
        }
    }
    Ok(())
}

/// Countries whose pages list the last name as required (§5.1).
const LASTNAME_REQUIRED: &[&str] = &["MX", "CO", "PE", "AR"];
/// Countries whose pages require `document_type` (§5.1: "Y for some countries, e.g. CO, PE").
const DOCUMENT_TYPE_REQUIRED: &[&str] = &["CO", "PE"];

/// Rules that hold whatever the payout method.
fn check_cross_country(c: &Create, kind: Option<&str>) -> Result<(), Refused> {
    check_notification_url(&c.notification_url)?;
    // "Response format type; all examples send json" (§5.1): the sandbox answers only JSON.
    if kind.is_some_and(|k| k != "json") {
        return Err(param("type", "must be json"));
    }
    if LASTNAME_REQUIRED.contains(&c.country.as_str()) && c.beneficiary_lastname.is_none() {
        return Err(param(
            "beneficiary_lastname",
            format!("required for {}", c.country),
        ));
    }
    if DOCUMENT_TYPE_REQUIRED.contains(&c.country.as_str()) && c.document_type.is_none() {
        return Err(param(
            "document_type",
            format!("required for {}", c.country),
        ));
    }
    if let Some(t) = c.account_type.as_deref() {
        // `C` checking, `S` savings; Chile also `V`, Peru also `M` (§5.1).
        let extra = match c.country.as_str() {
            "CL" => Some("V"),
            "PE" => Some("M"),
            _ => None,
        };
        if !(t == "C" || t == "S" || Some(t) == extra) {
            let allowed = extra.map_or("C or S".to_owned(), |x| format!("C, S or {x}"));
            return Err(param("account_type", format!("must be {allowed}")));
        }
    }
    if let Some(email) = c.email.as_deref() {
        let max = if c.country == "BR" { 100 } else { 255 };
        if email.chars().count() > max {
            return Err(param("email", format!("is longer than {max} characters")));
        }
        if !is_email(email) {
            return Err(param("email", "must be an e-mail address"));
        }
    }
    if c.country != "CO"
        && c.address
            .as_deref()
            .is_some_and(|a| a.chars().count() > 200)
    {
        return Err(param("address", "is longer than 200 characters"));
    }
    Ok(())
}

/// An absolute `http`/`https` URL with a host (§5.1: the webhook target). Ports and plain http
/// are the merchant's risk (the provider calls only 80 and 443, §9), not a create error.
fn check_notification_url(url: &str) -> Result<(), Refused> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
    let ok = host.is_some_and(|h| !h.is_empty()) && !url.chars().any(char::is_whitespace);
    if ok {
        Ok(())
    } else {
        Err(param("notification_url", "must be an http or https URL"))
    }
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no
/// spaces.
fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
        && !value.chars().any(char::is_whitespace)
}

/// The value, or a 300 saying it is required for this payout.
pub(crate) fn require<'a>(
    value: Option<&'a str>,
    field: &str,
    why: &str,
) -> Result<&'a str, Refused> {
    value.ok_or_else(|| param(field, format!("required {why}")))
}

/// A 300 unless the field is absent or empty.
pub(crate) fn must_be_empty(value: Option<&str>, field: &str, why: &str) -> Result<(), Refused> {
    match value {
        Some(_) => Err(param(field, format!("must be empty {why}"))),
        None => Ok(()),
    }
}

/// The bank a create names, or a 300 saying `bank_code` is required in this country.
pub(crate) fn bank_required(c: &Create) -> Result<&'static Bank, Refused> {
    c.bank
        .ok_or_else(|| param("bank_code", format!("required for {}", c.country)))
}

#[cfg(test)]
mod tests;

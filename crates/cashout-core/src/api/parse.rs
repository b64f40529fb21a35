//! Reading a create request from JSON written by someone else: a file given to the CLI, an
//! imported row, the desktop form's IPC argument.
//!
//! Guarantees: only one JSON object whose keys are the create's fields is a create. An array
//! (which serde would read field by position), a bare value, an unknown key, a key given twice,
//! a value of the wrong JSON type and an amount written in a way the operator may not have
//! meant are each refused with a [`FieldError`] naming the field, and nothing else is read
//! from a refused request. Every problem is reported, not just the first. Input larger than
//! [`MAX_CREATE_JSON`] is refused before it is parsed.
//!
//! A `bank_code` given as a JSON number (the form the D24 bank list uses) is read as the code
//! of the bank list that has that number, so `1` for Brazil becomes `"001"`; an unknown number
//! is kept as its digits.
//!
//! Left out: the request's *rules* (lengths, check digits, per-country fields): those are
//! [`crate::validate`]'s, applied after this.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::types::CreateCashout;
use crate::l10n::messages::tr;
use crate::money::Amount;
use crate::validate::{code, FieldError};

/// Largest create request read, in bytes: a real one is well under 4 KiB.
pub const MAX_CREATE_JSON: usize = 64 * 1024;

/// The field named in errors about the document as a whole (not valid JSON, not an object).
pub const WHOLE_REQUEST: &str = "json";

/// The top level of the document: the object's entries in order, values unparsed.
struct Entries(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("one JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Box<RawValue>>()? {
                    entries.push((k, v));
                }
                Ok(Entries(entries))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Entries, A::Error> {
                Err(de::Error::custom("a list is not a create"))
            }
        }
        d.deserialize_any(V)
    }
}

fn whole(message: String) -> Vec<FieldError> {
    vec![FieldError {
        field: WHOLE_REQUEST.into(),
        code: code::INVALID_FORMAT,
        message,
    }]
}

/// Reads a create from JSON text.
///
/// # Errors
/// Every problem found, each naming its field ([`WHOLE_REQUEST`] for the document itself).
pub fn parse_create(text: &str) -> Result<CreateCashout, Vec<FieldError>> {
    if text.len() > MAX_CREATE_JSON {
        return Err(whole(too_long(text.len())));
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    let kind = match trimmed.chars().next() {
        Some('{') => None,
        Some('[') => Some("v-json-kind-list"),
        None => Some("v-json-kind-nothing"),
        Some(_) => Some("v-json-kind-value"),
    };
    if let Some(kind) = kind {
        return Err(whole(tr(
            "v-json-not-an-object",
            &[("kind", tr(kind, &[]).into())],
        )));
    }
    let entries: Entries = serde_json::from_str(trimmed).map_err(|e| {
        whole(tr(
            "v-json-invalid",
            &[
                ("line", e.line().to_string().into()),
                ("column", e.column().to_string().into()),
            ],
        ))
    })?;
    match from_entries(entries.0) {
        (request, errors) if errors.is_empty() => Ok(request),
        (_, errors) => Err(errors),
    }
}

/// Reads a create from a JSON value already parsed (the desktop form's IPC argument). A parsed
/// value has lost how its numbers were written (`1.000` is already `1.0`), so an amount must
/// arrive here as text, as the form sends it; a number is refused at the amount field.
///
/// # Errors
/// As [`parse_create`].
pub fn parse_create_value(value: &serde_json::Value) -> Result<CreateCashout, Vec<FieldError>> {
    let (request, errors) = parse_create_value_partial(value);
    if errors.is_empty() {
        Ok(request)
    } else {
        Err(errors)
    }
}

/// As [`parse_create_value`], returning what could be read beside the problems (the fields
/// that could not be read left empty), so that the rules can be applied to the rest and the
/// operator sees every problem at once.
#[must_use]
pub fn parse_create_value_partial(value: &serde_json::Value) -> (CreateCashout, Vec<FieldError>) {
    match read_value(value) {
        Ok((entries, mut errors)) => {
            let (request, more) = from_entries(entries);
            errors.extend(more);
            (request, errors)
        }
        Err(errors) => (CreateCashout::default(), errors),
    }
}

/// The object's entries, and the problems already seen in them (an amount that arrived as a
/// number is left out, with its problem, so that the rest is still read); `Err` when the
/// value cannot be a create at all.
#[allow(clippy::type_complexity)]
fn read_value(
    value: &serde_json::Value,
) -> Result<(Vec<(String, Box<RawValue>)>, Vec<FieldError>), Vec<FieldError>> {
    let Some(object) = value.as_object() else {
        return Err(whole(tr("v-json-object-required", &[])));
    };
    let size = value.to_string().len();
    if size > MAX_CREATE_JSON {
        return Err(whole(too_long(size)));
    }
    let mut errors = Vec::new();
    let mut entries = Vec::with_capacity(object.len());
    for (k, v) in object {
        if k == "amount" && v.is_number() {
            errors.push(problem(
                "amount",
                code::INVALID_FORMAT,
                tr("v-json-amount-as-text", &[]),
            ));
            continue;
        }
        let raw = serde_json::value::to_raw_value(v).map_err(|_| {
            whole(tr(
                "v-json-value-unreadable",
                &[("field", k.as_str().into())],
            ))
        })?;
        entries.push((k.clone(), raw));
    }
    Ok((entries, errors))
}

fn problem(field: &str, code: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code,
        message: message.into(),
    }
}

/// The refusal of a request `size` bytes long.
fn too_long(size: usize) -> String {
    tr(
        "v-json-too-long",
        &[
            ("size", size.to_string().into()),
            ("limit", MAX_CREATE_JSON.to_string().into()),
        ],
    )
}

/// The JSON type of a raw value: the id of its words (`v-json-type-*`).
fn json_kind(raw: &RawValue) -> &'static str {
    match raw.get().trim_start().chars().next() {
        Some('"') => "v-json-type-text",
        Some('{') => "v-json-type-object",
        Some('[') => "v-json-type-list",
        Some('t' | 'f') => "v-json-type-boolean",
        Some('n') => "v-json-type-null",
        _ => "v-json-type-number",
    }
}

/// [`json_kind`] in the operator's words.
fn json_kind_words(raw: &RawValue) -> crate::l10n::messages::Arg {
    tr(json_kind(raw), &[]).into()
}

/// A text field: a JSON string, or null/absent for none.
fn text(field: &str, raw: &RawValue, errors: &mut Vec<FieldError>) -> Option<String> {
    match serde_json::from_str::<Option<String>>(raw.get()) {
        Ok(v) => v,
        Err(_) => {
            let id = if json_kind(raw) == "v-json-type-number" {
                "v-json-text-not-number"
            } else {
                "v-json-text-required"
            };
            errors.push(problem(
                field,
                code::INVALID_FORMAT,
                tr(
                    id,
                    &[("field", field.into()), ("kind", json_kind_words(raw))],
                ),
            ));
            None
        }
    }
}

fn from_entries(entries: Vec<(String, Box<RawValue>)>) -> (CreateCashout, Vec<FieldError>) {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut r = CreateCashout::default();
    let mut bank_number: Option<u64> = None;
    for (key, raw) in &entries {
        // A key with no name belongs to no field: its error is the document's.
        let (at, named) = if key.trim().is_empty() {
            (
                WHOLE_REQUEST,
                tr("v-json-key-unnamed", &[("key", format!("{key:?}").into())]),
            )
        } else {
            (key.as_str(), key.clone())
        };
        if !seen.insert(key.as_str()) {
            errors.push(problem(
                at,
                code::INVALID_FORMAT,
                tr("v-json-key-twice", &[("key", named.as_str().into())]),
            ));
            continue;
        }
        let f = key.as_str();
        let mut t = || text(f, raw, &mut errors);
        match f {
            "external_id" => r.external_id = t().unwrap_or_default(),
            "country" => r.country = t().unwrap_or_default(),
            "currency" => r.currency = t(),
            "document_id" => r.document_id = t().unwrap_or_default(),
            "document_type" => r.document_type = t(),
            "beneficiary_name" => r.beneficiary_name = t().unwrap_or_default(),
            "beneficiary_lastname" => r.beneficiary_lastname = t(),
            "email" => r.email = t(),
            "phone" => r.phone = t(),
            "bank_account" => r.bank_account = t(),
            "bank_branch" => r.bank_branch = t(),
            "account_type" => r.account_type = t(),
            "address" => r.address = t(),
            "city" => r.city = t(),
            "postal_code" => r.postal_code = t(),
            "beneficiary_birthdate" => r.beneficiary_birthdate = t(),
            "notification_url" => r.notification_url = t().unwrap_or_default(),
            "comments" => r.comments = t(),
            "amount" => r.amount = amount(raw, &mut errors),
            "bank_code" => match serde_json::from_str::<Option<u64>>(raw.get()) {
                Ok(n) => bank_number = n,
                Err(_) => r.bank_code = t(),
            },
            "on_hold" => match serde_json::from_str::<Option<bool>>(raw.get()) {
                Ok(v) => r.on_hold = v.unwrap_or(false),
                Err(_) => errors.push(problem(
                    f,
                    code::INVALID_FORMAT,
                    tr("v-json-on-hold", &[("kind", json_kind_words(raw))]),
                )),
            },
            // The one list of a create's fields is this match: a key it does not name is
            // refused, never dropped.
            _ => {
                let id = if matches!(f, "login" | "pass") {
                    "v-json-credentials-not-fields"
                } else {
                    "v-json-not-a-field"
                };
                errors.push(problem(
                    at,
                    code::NOT_ALLOWED,
                    tr(id, &[("key", named.as_str().into())]),
                ));
            }
        }
    }
    if let Some(n) = bank_number {
        r.bank_code = Some(bank_code_of_number(&r.country, n));
    }
    (r, errors)
}

/// The amount as written: a JSON number or a string, read exactly by [`Amount`]'s rules.
fn amount(raw: &RawValue, errors: &mut Vec<FieldError>) -> Option<Amount> {
    let text = raw.get().trim();
    if text == "null" {
        return None;
    }
    let inner = match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(quoted) => quoted,
        None if json_kind(raw) == "v-json-type-number" => text,
        None => {
            errors.push(problem(
                "amount",
                code::INVALID_FORMAT,
                tr("v-json-amount-kind", &[("kind", json_kind_words(raw))]),
            ));
            return None;
        }
    };
    match inner.parse::<Amount>() {
        Ok(a) => Some(a),
        Err(e) => {
            let words = e.message(crate::l10n::messages::active().lang());
            errors.push(problem("amount", code::INVALID_FORMAT, words));
            None
        }
    }
}

/// The bank code of `country`'s bank list whose number is `n` (`1` → `"001"` in Brazil), or
/// `n`'s digits when no bank of the list has that number.
#[must_use]
pub fn bank_code_of_number(country: &str, n: u64) -> String {
    let country = country.trim().to_ascii_uppercase();
    let found = crate::banks::for_country(&country)
        .find(|b| b.code.parse::<u64>().ok() == Some(n))
        .map(|b| b.code.to_owned());
    found.unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"{"country":"BR","currency":"BRL","amount":"150.25","document_id":"390.533.447-05",
        "beneficiary_name":"Ana","bank_code":"10000","phone":"+5511987654321",
        "notification_url":"https://merchant.example/n"}"#;

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn one_object_with_known_fields_is_a_create() {
        let r = parse_create(OK).expect("valid");
        assert_eq!(r.amount.map(|a| a.to_string()).as_deref(), Some("150.25"));
        assert_eq!(r.bank_code.as_deref(), Some("10000"));
    }

    #[test]
    fn an_array_is_refused_and_never_read_by_position() {
        for text in [
            r#"["x-1","BR","BRL","10.00","39053344705","Ana"]"#,
            &format!("[{OK}]"),
            "\"BR\"",
            "42",
            "",
            "   ",
        ] {
            let e = parse_create(text).expect_err(text);
            assert_eq!(fields(&e), ["json"], "{text}");
            assert!(e[0].message.contains("one JSON object"), "{}", e[0].message);
        }
    }

    #[test]
    fn duplicate_keys_and_unknown_keys_name_the_field() {
        let text = r#"{"country":"BR","amount":"1.00","amount":"100.00","amout":5,"pass":"x"}"#;
        let e = parse_create(text).expect_err("refused");
        assert_eq!(fields(&e), ["amount", "amout", "pass"]);
        assert!(e[2].message.contains("keychain"), "{}", e[2].message);
    }

    /// Found by the property tests: a key with no name was refused at a field named "".
    #[test]
    fn a_key_with_no_name_is_refused_as_the_documents_error_never_at_a_nameless_field() {
        let e = parse_create(r#"{"country":"BR","":1," ":2}"#).expect_err("refused");
        assert_eq!(fields(&e), ["json", "json"]);
        assert!(
            e[0].message.contains("a key with no name"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn amounts_are_refused_at_the_amount_field_with_what_is_wrong() {
        for (amount, says) in [
            ("1e400", "exponents"),
            ("1e3", "exponents"),
            ("\"1e3\"", "exponents"),
            ("\"1.000\"", "ambiguous"),
            ("1.000", "ambiguous"),
            ("\"1.500.000\"", "without thousands separators"),
            ("\"250000,50\"", "after a dot"),
            ("0", "greater than zero"),
            ("-5", "greater than zero"),
            ("\"abc\"", "not a number"),
            ("true", "a number or text"),
        ] {
            let text = format!(r#"{{"country":"CL","amount":{amount}}}"#);
            let e = parse_create(&text).expect_err(&text);
            assert_eq!(fields(&e), ["amount"], "{text}");
            assert!(e[0].message.contains(says), "{text}: {}", e[0].message);
        }
    }

    #[test]
    fn a_document_given_as_a_number_is_refused_because_digits_may_be_lost() {
        let e = parse_create(r#"{"document_id": 3905334470}"#).expect_err("number");
        assert_eq!(fields(&e), ["document_id"]);
        assert!(e[0].message.contains("leading zeros"), "{}", e[0].message);
    }

    #[test]
    fn a_numeric_bank_code_takes_its_leading_zeros_from_the_bank_list() {
        let r = parse_create(r#"{"country":"BR","bank_code":1}"#).expect("read");
        assert_eq!(r.bank_code.as_deref(), Some("001"));
        let r = parse_create(r#"{"bank_code":33,"country":"br"}"#).expect("read");
        assert_eq!(r.bank_code.as_deref(), Some("033"));
        let r = parse_create(r#"{"country":"BR","bank_code":987654}"#).expect("read");
        assert_eq!(r.bank_code.as_deref(), Some("987654"));
        let r = parse_create(r#"{"country":"BR","bank_code":"001"}"#).expect("read");
        assert_eq!(r.bank_code.as_deref(), Some("001"));
    }

    #[test]
    fn a_huge_request_is_refused_before_it_is_parsed() {
        let text = format!(r#"{{"comments":"{}"}}"#, "x".repeat(MAX_CREATE_JSON));
        assert_eq!(fields(&parse_create(&text).expect_err("huge")), ["json"]);
    }

    #[test]
    fn the_ipc_value_is_read_by_the_same_rules() {
        let v: serde_json::Value = serde_json::from_str(OK).expect("json");
        assert_eq!(
            parse_create_value(&v).expect("valid"),
            parse_create(OK).expect("valid")
        );
        let v = serde_json::json!({"amount": "1.000", "country": "CL", "on_hold": "yes"});
        let e = parse_create_value(&v).expect_err("refused");
        assert_eq!(fields(&e), ["amount", "on_hold"]);
        assert!(parse_create_value(&serde_json::json!([1, 2])).is_err());
        // Parsed already, 1.000 would be 1.0: a number is refused, never read as 1.00.
        let e = parse_create_value(&serde_json::json!({"amount": 1.000})).expect_err("number");
        assert_eq!(fields(&e), ["amount"]);
        // The rest of the form is still read beside it: the rules then judge what was typed,
        // not an empty request (which would call every filled field missing).
        let (r, e) = parse_create_value_partial(
            &serde_json::json!({"amount": 250, "country": "BR", "beneficiary_name": "Ana", "colour": "red"}),
        );
        assert_eq!(fields(&e), ["amount", "colour"]);
        assert_eq!(
            (r.country.as_str(), r.beneficiary_name.as_str()),
            ("BR", "Ana")
        );
        let huge = serde_json::json!({"comments": "x".repeat(MAX_CREATE_JSON)});
        assert_eq!(
            fields(&parse_create_value(&huge).expect_err("huge")),
            ["json"]
        );
    }
}

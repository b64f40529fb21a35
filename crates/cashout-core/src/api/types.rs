//! Typed bodies of the Cashouts v3 endpoints.
//!
//! Wire quirks handled here, once: `cashout_id` is a string in the create answer and a number
//! everywhere else ([`CashoutId`] reads both, writes a number); `bank_code` is always sent as a
//! string so leading zeros survive (`"001"`), and read from either form; amounts are exact
//! ([`Amount`]). Credentials are added by the client at send time and are not part of these
//! request types, so a request can be journaled and shown without them.

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::money::Amount;

/// The provider's numeric id of a cashout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(export, type = "number")]
pub struct CashoutId(pub i64);

impl fmt::Display for CashoutId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for CashoutId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for CashoutId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Wire {
            Num(i64),
            Text(String),
        }
        match Wire::deserialize(d)? {
            Wire::Num(n) if n > 0 => Ok(CashoutId(n)),
            Wire::Text(t) => match t.trim().parse::<i64>() {
                Ok(n) if n > 0 => Ok(CashoutId(n)),
                _ => Err(D::Error::custom(format!(
                    "cashout_id {t:?} is not a positive integer"
                ))),
            },
            Wire::Num(n) => Err(D::Error::custom(format!("cashout_id {n} is not positive"))),
        }
    }
}

/// Reads `bank_code` given as a string or a number; keeps strings verbatim.
pub(crate) fn bank_code_from_wire<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wire {
        Num(u64),
        Text(String),
    }
    Ok(match Option::<Wire>::deserialize(d)? {
        None => None,
        Some(Wire::Num(n)) => Some(n.to_string()),
        Some(Wire::Text(t)) => Some(t),
    })
}

/// The fields of a create request, without `login`/`pass`. This is what the operator fills in,
/// what the journal stores as the intent, and what is shown on review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CreateCashout {
    #[serde(default)]
    pub external_id: String,
    #[serde(default)]
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Exact decimal; crosses IPC as a string so it never becomes a float in the UI.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub amount: Option<Amount>,
    #[serde(default)]
    pub document_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<String>,
    #[serde(default)]
    pub beneficiary_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beneficiary_lastname: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(
        default,
        deserialize_with = "bank_code_from_wire",
        skip_serializing_if = "Option::is_none"
    )]
    pub bank_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_branch: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beneficiary_birthdate: Option<String>,
    #[serde(default)]
    pub notification_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub on_hold: bool,
}

impl CreateCashout {
    /// The beneficiary's full name as the journal lists it and review shows it: the name, then
    /// the last name when there is one.
    #[must_use]
    pub fn beneficiary(&self) -> String {
        match self.beneficiary_lastname.as_deref().map(str::trim) {
            Some(last) if !last.is_empty() => format!("{} {last}", self.beneficiary_name),
            _ => self.beneficiary_name.clone(),
        }
    }

    /// The amount and currency as the operator typed them, e.g. `1000 CLP` (the decimal's own
    /// text, never through a float); blank parts left out.
    #[must_use]
    pub fn amount_text(&self) -> String {
        format!(
            "{} {}",
            self.amount.map(|a| a.to_string()).unwrap_or_default(),
            self.currency.as_deref().unwrap_or_default()
        )
        .trim()
        .to_owned()
    }

    /// The request as the desktop UI receives it: the same fields, with `amount` as a decimal
    /// string, so the webview never holds money as a float.
    #[must_use]
    pub fn ipc_json(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let (Some(obj), Some(amount)) = (value.as_object_mut(), self.amount) {
            obj.insert(
                "amount".into(),
                serde_json::Value::String(amount.to_string()),
            );
        }
        value
    }
}

/// The create body as sent: credentials first, then the request fields, then `type`.
#[derive(Serialize)]
pub(crate) struct CreateBody<'a> {
    pub login: &'a str,
    pub pass: &'a str,
    #[serde(flatten)]
    pub request: &'a CreateCashout,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// Successful create answer: `{"cashout_id": "8405147"}`.
#[derive(Debug, Clone, Deserialize)]
pub struct CreateAnswer {
    pub cashout_id: CashoutId,
}

/// Which cashout a status call asks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CashoutRef {
    Id(CashoutId),
    ExternalId(String),
}

impl CashoutRef {
    /// The request field this reference fills (`cashout_id` or `external_id`), for errors.
    #[must_use]
    pub fn field(&self) -> &'static str {
        match self {
            Self::Id(_) => "cashout_id",
            Self::ExternalId(_) => "external_id",
        }
    }
}

/// Status body: one of the two ids.
#[derive(Serialize)]
pub(crate) struct StatusBody<'a> {
    pub login: &'a str,
    pub pass: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cashout_id: Option<CashoutId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<&'a str>,
}

/// Update body: PENDING ⇄ ON_HOLD.
#[derive(Serialize)]
pub(crate) struct UpdateBody<'a> {
    pub login: &'a str,
    pub pass: &'a str,
    pub cashout_id: CashoutId,
    pub status: &'static str,
}

/// Cancel body: both ids are required.
#[derive(Serialize)]
pub(crate) struct CancelBody<'a> {
    pub login: &'a str,
    pub pass: &'a str,
    pub cashout_id: CashoutId,
    pub external_id: &'a str,
}

/// Bank details the provider returns on a status answer (shape differs between brands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct BankInfo {
    #[serde(
        default,
        deserialize_with = "bank_code_from_wire",
        skip_serializing_if = "Option::is_none"
    )]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ispb: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beneficiary_name: Option<String>,
}

/// A status answer (status, update and cancel all answer with this shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusAnswer {
    pub cashout_status: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashout_status_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_code: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_external_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_reference_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank: Option<BankInfo>,
    /// Not in the documented answer; read when a provider sends it, because a cashout found
    /// by `external_id` otherwise has no id to act on. When present it must be the id asked
    /// about (the client checks, see [`StatusAnswer::contradicts`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashout_id: Option<CashoutId>,
    /// Not in the documented answer either; when a provider sends it, it must be the
    /// external id asked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

impl StatusAnswer {
    /// What in this answer says it is about another cashout than `cashout_id` /
    /// `external_id` (each `None` when not known): an id the answer carries that differs from
    /// the one asked about or known. `None` when nothing contradicts.
    #[must_use]
    pub fn contradicts(
        &self,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Option<String> {
        if let (Some(said), Some(asked)) = (self.cashout_id, cashout_id) {
            if said != asked {
                return Some(format!(
                    "the answer is about cashout {said}, not cashout {asked}"
                ));
            }
        }
        if let (Some(said), Some(asked)) = (self.external_id.as_deref(), external_id) {
            if said != asked {
                return Some(format!(
                    "the answer is about external_id {said:?}, not {asked:?}"
                ));
            }
        }
        None
    }
}

/// The error body of a failed call: `{"code": 509, "message": "...", "reason": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorAnswer {
    pub code: i64,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A bank a payout can go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Bank {
    /// Sent as `bank_code`; a string so leading zeros survive.
    pub code: String,
    pub name: String,
    /// Whether the bank may process cashouts (OKP's `bank_licensed`; D24 lists only usable ones).
    pub licensed: bool,
}

/// D24 bank list item: `{"code": 1, "name": "..."}`.
#[derive(Deserialize)]
pub(crate) struct D24Bank {
    #[serde(deserialize_with = "bank_code_required")]
    pub code: String,
    pub name: String,
}

/// OKP bank list item.
#[derive(Deserialize)]
pub(crate) struct OkpBank {
    #[serde(deserialize_with = "bank_code_required")]
    pub bank_code: String,
    pub bank_name: String,
    #[serde(default = "yes")]
    pub bank_licensed: bool,
}

fn yes() -> bool {
    true
}

fn bank_code_required<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    bank_code_from_wire(d)?.ok_or_else(|| D::Error::custom("bank code is missing"))
}

/// One request as it was sent and what came back, for the signing inspector.
///
/// `body` is the exact text that was signed and sent, except that the passphrase reads
/// [`MASKED_PASSPHRASE`] and the API Key only its last four characters. `signature` is the
/// `Payload-Signature` header sent (an HMAC of the real bytes: it reveals neither the API
/// Signature nor the passphrase). The API Signature itself is never here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Exchange {
    pub method: String,
    pub path: String,
    pub body: String,
    pub signature: String,
    /// `None` when no answer arrived.
    pub http_status: Option<u16>,
    pub answer: Option<String>,
    /// `ok`, `refused` (the provider's error code), `not_delivered` or `outcome_unknown`.
    pub outcome: String,
}

/// Reads `bytes` as a `T` only when the JSON has `T`'s shape (see [`Shaped`]).
pub(crate) fn read_shaped<T: serde::de::DeserializeOwned + Shaped>(
    bytes: &[u8],
) -> Result<T, String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if !T::has_shape(&value) {
        return Err(format!(
            "{} where an object was expected",
            match value {
                serde_json::Value::Array(_) => "a list",
                serde_json::Value::Object(_) =>
                    "an object with a list or value in place of a record",
                _ => "a single value",
            }
        ));
    }
    // Read from the bytes, not the value: the value kept only the last of a key given twice,
    // where reading the struct refuses a duplicate field.
    serde_json::from_slice(bytes).map_err(|e| e.to_string())
}

/// What an answer must look like at the top before it is read. serde reads a struct from a
/// JSON array too (its fields by position), so without this `[123]` would pass for a create's
/// answer and `[0, "x"]` for a refusal: a malformed answer believed. (Found by the property
/// tests; the create parser refuses arrays for the same reason, see [`super::parse`].)
pub(crate) trait Shaped {
    /// Whether `value` has this answer's shape: an object (with an object or null where a
    /// nested record is read), or a list of such objects.
    fn has_shape(value: &serde_json::Value) -> bool;
}

impl Shaped for CreateAnswer {
    fn has_shape(value: &serde_json::Value) -> bool {
        value.is_object()
    }
}

impl Shaped for StatusAnswer {
    fn has_shape(value: &serde_json::Value) -> bool {
        value
            .as_object()
            .is_some_and(|o| o.get("bank").is_none_or(|b| b.is_object() || b.is_null()))
    }
}

impl Shaped for ErrorAnswer {
    fn has_shape(value: &serde_json::Value) -> bool {
        value.is_object()
    }
}

impl Shaped for OkpBank {
    fn has_shape(value: &serde_json::Value) -> bool {
        value.is_object()
    }
}

impl Shaped for D24Bank {
    fn has_shape(value: &serde_json::Value) -> bool {
        value.is_object()
    }
}

impl<T: Shaped> Shaped for Vec<T> {
    fn has_shape(value: &serde_json::Value) -> bool {
        value
            .as_array()
            .is_some_and(|items| items.iter().all(T::has_shape))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cashout_id_reads_string_and_number_writes_number() {
        let a: CreateAnswer = serde_json::from_str(r#"{"cashout_id": "8405147"}"#).expect("string");
        assert_eq!(a.cashout_id, CashoutId(8_405_147));
        let b: CreateAnswer = serde_json::from_str(r#"{"cashout_id": 8405147}"#).expect("number");
        assert_eq!(b.cashout_id, CashoutId(8_405_147));
        assert!(serde_json::from_str::<CreateAnswer>(r#"{"cashout_id": "abc"}"#).is_err());
        assert!(serde_json::from_str::<CreateAnswer>(r#"{"cashout_id": -1}"#).is_err());
        assert_eq!(serde_json::to_string(&CashoutId(7)).expect("ser"), "7");
    }

    #[test]
    fn bank_code_keeps_leading_zeros_and_is_sent_as_string() {
        let r: CreateCashout = serde_json::from_str(
            r#"{"country":"BR","amount":10,"document_id":"1","beneficiary_name":"A","bank_code":"001"}"#,
        )
        .expect("parse");
        assert_eq!(r.bank_code.as_deref(), Some("001"));
        let body = serde_json::to_string(&CreateBody {
            login: "l",
            pass: "p",
            request: &r,
            kind: "json",
        })
        .expect("ser");
        assert!(body.contains(r#""bank_code":"001""#), "{body}");
        assert!(body.starts_with(r#"{"login":"l","pass":"p","#), "{body}");
        assert!(body.contains(r#""amount":10.00"#), "{body}");
        assert!(body.ends_with(r#""type":"json"}"#), "{body}");
    }

    #[test]
    fn ipc_form_carries_the_amount_as_an_exact_string() {
        let r: CreateCashout = serde_json::from_str(
            r#"{"country":"BR","amount":"100.10","document_id":"1","beneficiary_name":"A"}"#,
        )
        .expect("parse");
        assert_eq!(r.ipc_json()["amount"], serde_json::json!("100.10"));
        let back: CreateCashout = serde_json::from_value(r.ipc_json()).expect("round trip");
        assert_eq!(back, r);
    }

    #[test]
    fn unknown_request_fields_are_refused() {
        let err = serde_json::from_str::<CreateCashout>(
            r#"{"country":"BR","amount":10,"document_id":"1","beneficiary_name":"A","amout":5}"#,
        );
        assert!(err.is_err());
    }
}

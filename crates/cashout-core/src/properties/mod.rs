//! Property-based tests of every parser of outside input (issue 15): the provider's answers
//! (`answers`), what people type and what the journal stored (`typed`), the files read back
//! (`files`), and the desk's settings and team profile (`settings`). Each property says: no
//! input panics, a refusal is an error with a code or a message, and where a writer exists,
//! what it writes reads back the same.
//!
//! The runs are bounded for CI by proptest's default of 256 cases per property; a longer run
//! is one environment variable away (see the README, "Property tests"):
//!
//! ```sh
//! PROPTEST_CASES=20000 cargo test --release -p cashout-core properties
//! ```
//!
//! A case that ever fails is kept as a plain test beside the property it broke, named by what
//! it shows.
//!
//! Leaves out: the sandbox (a test double, not a parser of outside input) and the HTTP layer
//! below the body (reqwest's).

mod answers;
mod files;
mod settings;
mod typed;

use proptest::prelude::*;
use serde_json::Value;

/// Field names the parsers look for, mixed with others, so that generated objects often hit
/// the paths that read a real field with a wrong type.
const KEYS: &[&str] = &[
    "cashout_id",
    "cashout_status",
    "cashout_status_description",
    "rejection_code",
    "rejection_reason",
    "external_id",
    "bank",
    "code",
    "message",
    "reason",
    "name",
    "bank_code",
    "bank_name",
    "bank_licensed",
    "ispb",
    "amount",
    "currency",
    "country",
    "document_id",
    "beneficiary_name",
    "beneficiary_lastname",
    "bank_account",
    "account_type",
    "bank_branch",
    "phone",
    "email",
    "notification_url",
    "on_hold",
    "comments",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
    ]
}

/// A number as JSON text, including the ones that hurt: huge, negative, fractional, with
/// exponents.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        "-?[0-9]{1,400}",
        "-?[0-9]{1,30}\\.[0-9]{1,30}",
        "-?[0-9]{1,3}(\\.[0-9]{1,3})?[eE][+-]?[0-9]{1,4}",
    ]
}

/// Any JSON value, nested a few levels.
pub(crate) fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number_text().prop_filter_map("a JSON number", |t| serde_json::from_str(&t).ok()),
        "\\PC{0,24}".prop_map(Value::String),
        "[0-9]{1,24}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A JSON object whose keys are mostly the real fields.
pub(crate) fn json_object() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), json()), 0..12)
        .prop_map(|kv| Value::Object(kv.into_iter().collect()))
}

/// `depth` arrays or objects nested in one another, as text.
pub(crate) fn nested(depth: usize, object: bool) -> String {
    if object {
        format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth))
    } else {
        format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
    }
}

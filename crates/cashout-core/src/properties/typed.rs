//! What people type and what the journal stored: amounts (the form's and a batch file's, in
//! either decimal style), a create's JSON text, every country's identifier rules over any
//! text, the notification `control` check, and the journal's stored JSON and status text read
//! back from a real SQLite file. No input panics; refusals are field errors with a code; what
//! the program writes reads back the same.

use std::str::FromStr;
use std::sync::Arc;

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::json_object;
use crate::api::parse::{parse_create, parse_create_value_partial};
use crate::api::types::{BankInfo, CreateCashout, StatusAnswer};
use crate::batch::amounts::{canonical_amount, read_amount, DecimalStyle};
use crate::credentials::Secret;
use crate::environment::EnvironmentKind;
use crate::money::Amount;
use crate::signing::{notification_control, verify_notification_control};
use crate::validate::{check_create_full, ValidationContext};

/// Any amount the desk accepts: 0.01 to 1,000,000,000.00, by the cent.
fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        1i64..=100_000_000_000,
        1i64..=10_000,
        prop::sample::select(&[1i64, 99, 100, 100_000, 99_999_999_999, 100_000_000_000][..]),
    ]
    .prop_map(|cents| Amount::new(Decimal::new(cents, 2)).expect("within the range"))
}

/// `amount` as a spreadsheet writes it in `style`, with or without thousands groups.
fn written(amount: Amount, style: DecimalStyle, grouped: bool) -> String {
    let text = amount.to_string();
    let (whole, cents) = text.split_once('.').expect("two places");
    let (decimal, group) = match style {
        DecimalStyle::Point => ('.', ','),
        DecimalStyle::Comma => (',', '.'),
    };
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if grouped && i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    format!("{out}{decimal}{cents}")
}

fn style() -> impl Strategy<Value = DecimalStyle> {
    prop_oneof![Just(DecimalStyle::Point), Just(DecimalStyle::Comma)]
}

/// Text that looks like an amount more often than not.
fn amount_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,24}",
        "[-+ ]?[0-9 .,]{0,18}",
        "[0-9]{1,3}([.,][0-9]{3}){0,4}([.,][0-9]{0,4})?",
        "[0-9]{0,30}[eE][-+]?[0-9]{0,5}",
    ]
}

const COUNTRIES: &[&str] = &[
    "BR", "MX", "CO", "PE", "CL", "AR", "UY", "EC", "BO", "PY", "CR", "GT", "PA", "SV", "DO", "br",
    "XX", "",
];

/// A create whose country is a real one and whose fields hold any text (or any JSON).
fn create_value() -> impl Strategy<Value = serde_json::Value> {
    (
        json_object(),
        prop::sample::select(COUNTRIES),
        prop::collection::vec(
            (
                prop::sample::select(super::KEYS),
                prop_oneof!["\\PC{0,30}", "[0-9 ./-]{0,30}", "[A-Za-z0-9@.+ -]{0,30}"],
            ),
            0..10,
        ),
    )
        .prop_map(|(mut object, country, texts)| {
            let map = object.as_object_mut().expect("an object");
            map.insert("country".into(), country.into());
            for (k, v) in texts {
                map.insert(k.to_owned(), v.into());
            }
            object
        })
}

fn contexts() -> impl Strategy<Value = ValidationContext> {
    (
        prop::sample::select(&[EnvironmentKind::Sandbox, EnvironmentKind::D24Production][..]),
        any::<bool>(),
    )
        .prop_map(|(environment, override_check_digits)| ValidationContext {
            environment,
            override_check_digits,
        })
}

proptest! {
    #[test]
    fn any_typed_amount_is_read_exactly_or_refused(text in amount_like()) {
        if let Ok(a) = Amount::from_str(&text) {
            prop_assert!(a.value() > Decimal::ZERO);
            prop_assert!(a.value().scale() == 2);
            prop_assert_eq!(Amount::from_str(&a.to_string()), Ok(a));
        }
    }

    #[test]
    fn every_amount_reads_back_as_itself_in_its_canonical_form(a in amount()) {
        prop_assert_eq!(Amount::from_str(&a.to_string()), Ok(a));
        prop_assert_eq!(canonical_amount(&a.to_string()), Ok(a));
    }

    #[test]
    fn a_file_amount_is_read_exactly_or_refused_in_either_style(
        text in amount_like(),
        style in style(),
    ) {
        if let Ok(a) = read_amount(&text, style) {
            prop_assert!(a.value() > Decimal::ZERO && a.value().scale() == 2);
        }
        let _ = canonical_amount(&text);
    }

    #[test]
    fn an_amount_written_with_cents_in_either_style_reads_back_as_itself(
        a in amount(),
        style in style(),
        grouped in any::<bool>(),
    ) {
        let text = written(a, style, grouped);
        prop_assert_eq!(read_amount(&text, style), Ok(a), "{}", text);
    }

    #[test]
    fn any_create_text_is_read_or_refused_with_field_errors(text in prop_oneof![
        "\\PC{0,200}".boxed(),
        create_value().prop_map(|v| v.to_string()).boxed(),
        prop::collection::vec(super::json(), 0..4)
            .prop_map(|v| serde_json::Value::Array(v).to_string())
            .boxed(),
    ]) {
        if let Err(errors) = parse_create(&text) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|e| !e.code.is_empty() && !e.message.is_empty()));
        }
    }

    #[test]
    fn any_create_object_is_checked_by_every_countrys_rules_without_panicking(
        value in create_value(),
        ctx in contexts(),
    ) {
        let (request, errors) = parse_create_value_partial(&value);
        prop_assert!(errors.iter().all(|e| !e.code.is_empty() && !e.field.is_empty()));
        if let Err(errors) = check_create_full(&request, &ctx) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|e| !e.code.is_empty() && !e.message.is_empty()));
        }
        // The same object as the text an operator pastes.
        let _ = parse_create(&value.to_string());
    }

    #[test]
    fn a_create_written_as_json_reads_back_as_the_same_create(
        a in amount(),
        external_id in "[A-Za-z0-9_-]{1,40}",
        name in "[A-Za-zÀ-ÿ]{1,20}( [A-Za-zÀ-ÿ]{1,20})?",
        comments in proptest::option::of("[\\PC&&[^\\\\]]{1,60}"),
    ) {
        let request = CreateCashout {
            external_id,
            country: "BR".into(),
            currency: Some("BRL".into()),
            amount: Some(a),
            document_id: "39053344705".into(),
            beneficiary_name: name,
            phone: Some("+5511987654321".into()),
            bank_code: Some("10000".into()),
            notification_url: "https://merchant.example/cashouts/notify".into(),
            comments: comments.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()),
            ..CreateCashout::default()
        };
        let text = serde_json::to_string(&request).expect("serialisable");
        prop_assert_eq!(parse_create(&text), Ok(request));
    }

    #[test]
    fn a_notification_control_is_accepted_only_as_signed(
        key in "[ -~]{1,64}",
        external_id in "\\PC{0,40}",
        other in "\\PC{0,70}",
        upper in any::<bool>(),
    ) {
        let secret = Secret::new(key);
        let control = notification_control(&secret, &external_id);
        let typed = if upper { control.to_uppercase() } else { control.clone() };
        prop_assert!(verify_notification_control(&secret, &external_id, &typed));
        let padded = format!(" {typed}\n");
        prop_assert!(verify_notification_control(&secret, &external_id, &padded));
        if other.trim().to_lowercase() != control {
            prop_assert!(!verify_notification_control(&secret, &external_id, &other));
        }
        let another = format!("{external_id}x");
        prop_assert!(!verify_notification_control(&secret, &another, &control));
    }

    #[test]
    fn stored_json_of_any_shape_reads_as_a_value_or_nothing(text in prop_oneof![
        "\\PC{0,120}".boxed(),
        json_object().prop_map(|v| v.to_string()).boxed(),
    ]) {
        let _ = serde_json::from_str::<CreateCashout>(&text);
        let _ = serde_json::from_str::<BankInfo>(&text);
        let _ = serde_json::from_str::<StatusAnswer>(&text);
    }
}

/// What a journal's JSON column may hold after a bug or a hand edit: text, an object of the
/// real fields, a list (which serde would read as a struct by position).
fn stored_json() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,80}".boxed(),
        json_object().prop_map(|v| v.to_string()).boxed(),
        prop::collection::vec(super::json(), 0..4)
            .prop_map(|v| serde_json::Value::Array(v).to_string())
            .boxed(),
    ]
}

proptest! {
    // Each case opens a real journal file: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_journal_file_whose_rows_hold_anything_is_read_without_panicking(
        request in stored_json(),
        bank in stored_json(),
        status in prop_oneof![Just("COMPLETED".to_owned()), "\\PC{0,12}"],
        amount in "\\PC{0,16}",
        phase in prop::sample::select(&["created", "intent", "declined", "queued", "abandoned"][..]),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("journal.sqlite3");
        let journal = crate::journal::Journal::open(&path, Arc::new(crate::clock::SystemClock))
            .expect("journal");
        let db = rusqlite::Connection::open(&path).expect("open");
        let inserted = db.execute(
            "INSERT INTO payouts (scope, base_url, external_id, cashout_id, origin, phase,
                request_json, country, currency, amount, beneficiary, status, bank_json,
                created_at, updated_at)
             VALUES ('sandbox', 'http://127.0.0.1', 'p-1', 7, 'desk', ?1, ?2, 'BR', 'BRL', ?3,
                'Ana', ?4, ?5, '2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z')",
            rusqlite::params![phase, request, amount, status, bank],
        );
        prop_assume!(inserted.is_ok());
        let filter = crate::journal::ListFilter {
            scope: Some("sandbox".into()),
            ..crate::journal::ListFilter::default()
        };
        let listed = journal.list(&filter).expect("a list");
        prop_assert_eq!(listed.len(), 1);
        let record = journal
            .find("sandbox", None, Some("p-1"))
            .expect("a read")
            .expect("the row");
        // What the desk derives from a record must not panic either.
        let _ = crate::desk::PayoutView::of(&record);
        let _ = crate::report::export_row(&record, &[]);
    }
}

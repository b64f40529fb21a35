//! The provider's answers, for each endpoint's shape (create, status/update/cancel, the two
//! bank lists): arbitrary bytes, arbitrary JSON, the right fields with wrong types, huge
//! numbers and deep nesting. Whatever comes back, the client decides without panicking: a
//! value only from a 2xx that reads as that shape, a refusal only with the provider's code,
//! and every 5xx left open (the work may have been done).

use proptest::prelude::*;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use super::{json, json_object, nested};
use crate::api::client::{judge_answer, CallError, UnknownCause};
use crate::api::types::{CashoutId, CreateAnswer, D24Bank, OkpBank, Shaped, StatusAnswer};

fn status() -> impl Strategy<Value = StatusCode> {
    prop_oneof![
        Just(200u16),
        Just(201),
        Just(400),
        Just(401),
        Just(412),
        Just(500),
        Just(502),
        100u16..600,
    ]
    .prop_map(|s| StatusCode::from_u16(s).unwrap_or(StatusCode::OK))
}

/// The one rule every endpoint's answer follows, whatever the body.
fn judged_by_the_rules<T: DeserializeOwned + Shaped>(
    status: StatusCode,
    body: &[u8],
) -> Result<(), TestCaseError> {
    match judge_answer::<T>(status, body) {
        Ok(_) => prop_assert!(status.is_success(), "a value from HTTP {status}"),
        Err(CallError::Api {
            http_status,
            answer,
        }) => {
            prop_assert!(!status.is_server_error(), "a 5xx read as a refusal");
            prop_assert_eq!(http_status, status.as_u16());
            // The code is the body's own.
            let body: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
                TestCaseError::fail(format!("a refusal from a body that is not JSON: {e}"))
            })?;
            prop_assert_eq!(
                body.get("code").and_then(serde_json::Value::as_i64),
                Some(answer.code)
            );
        }
        Err(CallError::OutcomeUnknown { cause, .. }) => {
            if status.is_server_error() {
                prop_assert_eq!(cause, UnknownCause::ServerError(status.as_u16()));
            }
        }
        Err(other) => prop_assert!(false, "an answer judged as {other:?}"),
    }
    Ok(())
}

fn every_shape(status: StatusCode, body: &[u8]) -> Result<(), TestCaseError> {
    judged_by_the_rules::<CreateAnswer>(status, body)?;
    judged_by_the_rules::<StatusAnswer>(status, body)?;
    judged_by_the_rules::<Vec<OkpBank>>(status, body)?;
    judged_by_the_rules::<Vec<D24Bank>>(status, body)?;
    // What the desk asks of a status answer next must not panic either.
    if let Ok(answer) = judge_answer::<StatusAnswer>(status, body) {
        let _ = answer.contradicts(Some(CashoutId(1)), Some("x"));
        let _ = crate::status::CashoutStatus::from_provider(answer.cashout_status);
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_bytes_as_an_answer_are_judged_without_panicking(
        status in status(),
        body in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        every_shape(status, &body)?;
    }

    #[test]
    fn any_json_as_an_answer_is_judged_without_panicking(status in status(), body in json()) {
        every_shape(status, body.to_string().as_bytes())?;
    }

    #[test]
    fn an_object_of_the_real_fields_with_any_types_is_judged_without_panicking(
        status in status(),
        body in json_object(),
    ) {
        every_shape(status, body.to_string().as_bytes())?;
        // As the element of a bank list, too.
        every_shape(status, format!("[{body}]").as_bytes())?;
    }

    #[test]
    fn a_huge_or_strange_number_in_an_id_field_is_refused_or_read_exactly(
        status in status(),
        field in prop::sample::select(&["cashout_id", "cashout_status", "rejection_code", "code"][..]),
        number in super::number_text(),
    ) {
        let body = format!("{{\"{field}\": {number}, \"message\": \"m\"}}");
        every_shape(status, body.as_bytes())?;
        if let Ok(a) = judge_answer::<CreateAnswer>(status, body.as_bytes()) {
            // An id is read only when it is exactly the integer written.
            prop_assert_eq!(a.cashout_id.0.to_string(), number.clone());
        }
    }

    #[test]
    fn a_field_given_twice_is_never_read_as_either_value(
        status in prop_oneof![Just(StatusCode::OK), Just(StatusCode::PRECONDITION_FAILED)],
        field in prop::sample::select(&["cashout_id", "cashout_status", "code"][..]),
        first in 1i64..100_000_000,
        second in 1i64..100_000_000,
    ) {
        let body = format!(
            "{{\"{field}\": {first}, \"{field}\": {second}, \"message\": \"m\", \"cashout_status\": 0}}"
        );
        every_shape(status, body.as_bytes())?;
        if field == "cashout_status" {
            // Given three times with the trailing one: never read.
            prop_assert!(judge_answer::<StatusAnswer>(status, body.as_bytes()).is_err());
        }
        if field == "cashout_id" {
            prop_assert!(judge_answer::<CreateAnswer>(status, body.as_bytes()).is_err());
        }
        if field == "code" {
            let refused = matches!(
                judge_answer::<StatusAnswer>(status, body.as_bytes()),
                Err(CallError::Api { .. })
            );
            prop_assert!(!refused, "a refusal read from a code given twice");
        }
    }

    #[test]
    fn a_cut_off_answer_is_never_read_as_a_value(
        status in status(),
        body in json_object(),
        keep in 0.0f64..1.0,
    ) {
        let text = body.to_string();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let cut = ((text.len() as f64) * keep) as usize;
        let cut = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        if cut < text.len() {
            let truncated = &text.as_bytes()[..cut];
            every_shape(status, truncated)?;
            prop_assert!(judge_answer::<StatusAnswer>(status, truncated).is_err());
            prop_assert!(judge_answer::<CreateAnswer>(status, truncated).is_err());
        }
    }
}

#[test]
fn answers_nested_far_past_any_real_one_are_errors_not_a_stack_overflow() {
    for object in [false, true] {
        for depth in [127, 128, 129, 10_000, 200_000] {
            let body = nested(depth, object);
            for status in [
                StatusCode::OK,
                StatusCode::PRECONDITION_FAILED,
                StatusCode::BAD_GATEWAY,
            ] {
                every_shape(status, body.as_bytes()).unwrap();
            }
        }
    }
}

//! Tests of how the client judges an answer: HTTP status against body, provider codes, and malformed bodies.

use super::*;

fn judge_status(code: u16, body: &str) -> Result<StatusAnswer, CallError> {
    judge_answer(
        StatusCode::from_u16(code).expect("valid code"),
        body.as_bytes(),
    )
}

#[test]
fn http_412_with_code_509_is_not_found_not_a_transport_error() {
    let e = judge_status(
        412,
        r#"{"code":509,"message":"Cashout not found with this ID"}"#,
    )
    .expect_err("refusal");
    assert_eq!(e.api_code(), Some(509));
}

#[test]
fn server_errors_leave_the_outcome_unknown_even_with_a_code() {
    let e = judge_status(500, r#"{"code":500,"message":"boom"}"#).expect_err("5xx");
    assert!(matches!(
        e,
        CallError::OutcomeUnknown {
            cause: UnknownCause::ServerError(500),
            ..
        }
    ));
    let e = judge_status(503, "<html>").expect_err("5xx");
    assert!(matches!(
        e,
        CallError::OutcomeUnknown {
            cause: UnknownCause::ServerError(503),
            ..
        }
    ));
}

#[test]
fn malformed_answers_are_errors_not_panics() {
    for body in [
        "",
        "{",
        "null",
        "[]",
        r#"{"cashout_status":"x"}"#,
        "\u{0}\u{1}",
    ] {
        let e = judge_status(200, body).expect_err("malformed");
        assert!(
            matches!(
                e,
                CallError::OutcomeUnknown {
                    cause: UnknownCause::UnreadableAnswer,
                    ..
                }
            ),
            "{body}"
        );
    }
    let e =
        judge_answer::<CreateAnswer>(StatusCode::OK, br#"{"cashout_id":"x"}"#).expect_err("bad id");
    assert!(matches!(e, CallError::OutcomeUnknown { .. }));
}

#[test]
fn a_success_status_with_an_error_body_leaves_a_change_unknown_not_refused() {
    let traced = Traced::<StatusAnswer>::untraced(judge_status(
        200,
        r#"{"code":510,"message":"Invalid status transition"}"#,
    ));
    let traced = success_with_error_is_unknown(traced);
    assert!(matches!(
        traced.result,
        Err(CallError::OutcomeUnknown {
            cause: UnknownCause::UnreadableAnswer,
            ..
        })
    ));
    let refused = Traced::<StatusAnswer>::untraced(judge_status(
        412,
        r#"{"code":510,"message":"Invalid status transition"}"#,
    ));
    assert_eq!(
        success_with_error_is_unknown(refused)
            .result
            .err()
            .and_then(|e| e.api_code()),
        Some(510)
    );
}

#[test]
fn a_success_status_with_an_error_body_is_an_error() {
    let e = judge_status(200, r#"{"code":401,"message":"Invalid credentials."}"#)
        .expect_err("error body");
    assert_eq!(e.api_code(), Some(401));
}

#[test]
fn status_answer_reads_rejection_fields() {
    let a = judge_status(
        200,
        r#"{"cashout_status":3,"cashout_status_description":"Rejected","rejection_code":0,"rejection_reason":"Test","bank":{"code":"001","name":"BB"}}"#,
    )
    .expect("ok");
    assert_eq!(a.rejection_code, Some(0));
    assert_eq!(a.bank.and_then(|b| b.code).as_deref(), Some("001"));
}

/// Found by the property tests: serde reads a struct from a JSON array by position, so a
/// list was believed as a create's id, a status, or the provider's refusal code.
#[test]
fn an_answer_that_is_a_list_is_never_read_as_a_cashout_a_status_or_a_refusal() {
    let created = judge_answer::<CreateAnswer>(StatusCode::OK, b"[123]");
    assert!(
        matches!(
            created,
            Err(CallError::OutcomeUnknown {
                cause: UnknownCause::UnreadableAnswer,
                ..
            })
        ),
        "{created:?}"
    );
    for (status, body) in [(200, "[2]"), (412, r#"[509, "not found"]"#), (200, "[0]")] {
        let e = judge_status(status, body).expect_err(body);
        assert!(
            matches!(
                e,
                CallError::OutcomeUnknown {
                    cause: UnknownCause::UnreadableAnswer,
                    ..
                }
            ),
            "{body}: {e:?}"
        );
    }
    let e = judge_status(200, r#"{"cashout_status":2,"bank":["001","x"]}"#).expect_err("bank");
    assert!(matches!(e, CallError::OutcomeUnknown { .. }), "{e:?}");
    let banks = judge_answer::<Vec<OkpBank>>(StatusCode::OK, br#"[["001", "Banco", true]]"#);
    assert!(banks.is_err());
}

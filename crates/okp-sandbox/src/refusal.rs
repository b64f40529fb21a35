//! The error answer: the provider's `{"code", "message", "reason"?}` body with the HTTP status
//! the reference pairs with the code (§5.4, §11.3, §11.4).
//!
//! Guarantees: every refusal's code and HTTP status come from `codes`, so the sandbox answers
//! one code with one status everywhere; messages never echo a credential or a request body.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::codes;
use crate::error::SandboxError;
use crate::rules::Refused;

/// The body of an error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Body {
    code: i64,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

/// An error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    http: StatusCode,
    body: Body,
}

impl Refusal {
    /// A documented code with its documented message and HTTP status.
    pub(crate) fn code(code: i64) -> Self {
        Self::with_message(code, codes::message(code))
    }

    fn with_message(code: i64, message: impl Into<String>) -> Self {
        Self {
            http: codes::http_status(code),
            body: Body {
                code,
                message: message.into(),
                reason: None,
            },
        }
    }

    fn reason(mut self, reason: impl Into<String>) -> Self {
        self.body.reason = Some(reason.into());
        self
    }

    fn http(mut self, http: StatusCode) -> Self {
        self.http = http;
        self
    }

    /// 300: "Invalid params" + the field + the reason (§11.3); `reason` carries the cause alone.
    pub(crate) fn invalid_param(field: &str, problem: &str) -> Self {
        Self::with_message(300, format!("Invalid params: {field}: {problem}")).reason(problem)
    }

    /// 502: the body is not one JSON object.
    pub(crate) fn malformed() -> Self {
        Self::code(502)
    }

    /// 509: no such cashout (HTTP 412, §6).
    pub(crate) fn not_found() -> Self {
        Self::code(509)
    }

    /// 510: the status does not allow the move; HTTP 400 on update, 412 on cancel (§7, §8).
    pub(crate) fn transition(http: StatusCode) -> Self {
        Self::code(510).http(http)
    }

    /// 521: an update to a status the endpoint does not support (§7).
    pub(crate) fn unsupported_status(shown: &str) -> Self {
        Self::with_message(
            521,
            format!("Status {shown} not supported for this type of request"),
        )
    }

    /// A rehearsed refusal (`sandbox:decline=NNN`): the code's own message, with the 533
    /// template filled so that the minimum is just above the amount asked for.
    pub(crate) fn declined(code: i64, currency: &str, amount: Decimal) -> Self {
        let template = codes::message(code);
        let minimum = amount + Decimal::ONE;
        let message = template
            .replace("{currency}", currency)
            .replace("{amount}", &minimum.to_string());
        Self::with_message(code, message)
    }

    /// HTTP 500 `{"code":500}`; `detail` names what failed (never a credential).
    pub(crate) fn internal(detail: impl Into<String>) -> Self {
        Self::code(500).reason(detail)
    }

    /// The answer for an unknown path.
    pub(crate) fn unknown_endpoint() -> Self {
        Self::code(404)
    }
}

impl From<Refused> for Refusal {
    fn from(r: Refused) -> Self {
        match r {
            Refused::Param { field, problem } => Self::invalid_param(&field, &problem),
            Refused::BankCode(why) => Self::code(303).reason(why),
            Refused::Country => Self::code(518),
            Refused::Currency => Self::code(526),
        }
    }
}

impl From<SandboxError> for Refusal {
    fn from(e: SandboxError) -> Self {
        // The database holds no credentials, so its messages are safe to show.
        Self::internal(e.to_string())
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.http, Json(self.body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_param_names_the_field_then_the_problem() {
        let r = Refusal::invalid_param("bank_account", "is 36 characters long");
        assert_eq!(r.http, StatusCode::PRECONDITION_FAILED);
        assert_eq!(r.body.code, 300);
        assert_eq!(
            r.body.message,
            "Invalid params: bank_account: is 36 characters long"
        );
        assert_eq!(r.body.reason.as_deref(), Some("is 36 characters long"));
    }

    #[test]
    fn declined_533_states_a_minimum_above_the_amount() {
        let r = Refusal::declined(533, "BRL", Decimal::new(1000, 2));
        assert_eq!(
            r.body.message,
            "Invalid amount: minimum is BRL 11.00 or USD equivalent"
        );
        assert_eq!(
            Refusal::declined(514, "BRL", Decimal::ONE).body.message,
            "Insufficient funds"
        );
    }
}

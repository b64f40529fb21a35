//! The Cashouts v3 endpoints as the provider documents them (reference §4–§8, §11).
//!
//! Every cashout call goes through [`authenticate`] first, in this order: the body must be a
//! JSON object (else 502, HTTP 400); `login`/`pass` must be the demo credentials (else 401);
//! `Payload-Signature` must be the lowercase-hex HMAC-SHA256 of the *raw body bytes as
//! received* (else 302, HTTP 401) — nothing is parsed-and-reserialised before that check,
//! so a client that signs different bytes than it sends is caught, as the real provider would.
//!
//! Amounts are read from the raw JSON text (`serde_json::value::RawValue`), never through a
//! float. A malformed request always gets an error body; nothing here panics on input.
//!
//! Left out: IP whitelisting (402), KYC (HTTP 400 with reason codes), notifications (webhooks
//! are not sent: the sandbox cannot reach ports 80/443 of a merchant anyway), FX rates.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{middleware, Json, Router};
use cashout_core::api::types::{BankInfo, CashoutId, CreateCashout, ErrorAnswer, StatusAnswer};
use cashout_core::banks;
use cashout_core::codes;
use cashout_core::credentials::Secret;
use cashout_core::environment::EnvironmentKind;
use cashout_core::signing::verify_payload_signature;
use cashout_core::status::{Action, CashoutStatus};
use cashout_core::validate::{check_create, ValidationContext};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;
use serde_json::value::RawValue;

use crate::catalog;
use crate::error::SandboxError;
use crate::lifecycle::{self, Trigger};
use crate::server;
use crate::state::{Count, Shared};
use crate::store::{CreateOutcome, Key, NewCashout, Record};
use crate::{DEMO_API_KEY, DEMO_API_PASSPHRASE, DEMO_API_SIGNATURE, DEMO_READ_ONLY_KEY};

/// Largest body read. Real bodies are under 2 KiB; this only stops a runaway client.
const BODY_LIMIT: usize = 256 * 1024;

/// Longest `external_id` the provider accepts (reference §5.1).
const EXTERNAL_ID_MAX: usize = 100;

/// Fields the provider documents for create that `CreateCashout` does not model. They are
/// accepted and ignored; any other unknown field is refused with 300 so typos surface here
/// rather than in production.
const IGNORED_CREATE_FIELDS: &[&str] = &[
    "login",
    "pass",
    "type",
    "beneficiary_id",
    "cashout_type",
    "registered_bank_accounts",
];

/// Rejections about bank details: for these the provider omits the `bank` object
/// (reference §6, "omitted when rejection is due to invalid PIX key / bank details").
const BANK_DETAIL_REJECTIONS: &[i64] = &[800, 803, 804, 814];

/// The routes, with the fault layer around them.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/v3/cashout", post(create))
        .route("/v3/cashout/status", post(status).put(update))
        .route("/v3/cashout/cancel", delete(cancel))
        .route("/v3/banks", get(d24_banks))
        .route("/v1/country/{country}/authorized-banks", get(okp_banks))
        .fallback(unknown_endpoint)
        .layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            server::apply_faults,
        ))
        .with_state(shared)
}

/// An error answer: the provider's `{code, message, reason?}` with its HTTP status.
#[derive(Debug)]
pub(crate) struct Refusal {
    http: StatusCode,
    body: ErrorAnswer,
}

impl Refusal {
    fn new(http: StatusCode, code: i64, message: impl Into<String>) -> Self {
        Self {
            http,
            body: ErrorAnswer {
                code,
                message: message.into(),
                reason: None,
            },
        }
    }

    fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.body.reason = Some(reason.into());
        self
    }

    /// 300: the message names the field, then says what is wrong; `reason` repeats the
    /// problem alone, as the provider's `reason` carries the short cause.
    fn invalid_param(field: &str, problem: &str) -> Self {
        let message = format!("Invalid params: {field}: {problem}");
        Self::new(StatusCode::PRECONDITION_FAILED, 300, message).with_reason(problem.to_owned())
    }

    fn malformed() -> Self {
        Self::new(StatusCode::BAD_REQUEST, 502, "Invalid request body")
    }

    fn credentials() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 401, "Invalid credentials.")
    }

    fn signature() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 302, "Invalid control string")
    }

    pub(crate) fn not_found() -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            509,
            "Cashout not found with this ID",
        )
    }

    fn transition(http: StatusCode) -> Self {
        Self::new(http, 510, "Invalid status transition")
    }

    /// A documented error code with its core explanation, as a `sandbox:decline` answers.
    fn declined(code: i64) -> Self {
        Self::new(
            http_status_of(code),
            code,
            codes::api_code(code).explanation,
        )
    }

    /// HTTP 500 `{"code":500}`; `detail` names what failed (never a credential).
    pub(crate) fn internal(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            500,
            "Internal server error",
        )
        .with_reason(detail)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.http, Json(self.body)).into_response()
    }
}

impl From<SandboxError> for Refusal {
    fn from(e: SandboxError) -> Self {
        // The database holds no credentials, so its messages are safe to show.
        Self::internal(e.to_string())
    }
}

/// The HTTP status the provider pairs with an error code (reference §11.4): 401 for
/// authentication, 400 for unreadable bodies and unsupported update statuses, 500 for internal
/// errors, 412 for the rest. (510 depends on the endpoint and is chosen where it is raised.)
fn http_status_of(code: i64) -> StatusCode {
    match code {
        302 | 401 | 402 | 524 => StatusCode::UNAUTHORIZED,
        502 | 521 => StatusCode::BAD_REQUEST,
        500 => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::PRECONDITION_FAILED,
    }
}

fn reply<T: Serialize>(result: Result<T, Refusal>) -> Response {
    match result {
        Ok(body) => (StatusCode::OK, Json(body)).into_response(),
        Err(refusal) => refusal.into_response(),
    }
}

/// Reads the whole body; an unreadable or oversized one is a 502 like malformed JSON.
async fn read_body(body: Body) -> Result<Bytes, Refusal> {
    to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| Refusal::malformed())
}

/// The top-level fields of a JSON object body, each kept as its exact text.
struct Fields(HashMap<String, Box<RawValue>>);

impl Fields {
    /// A field decoded as `T`; absent or `null` is `None`; a wrong type is a 300 on the field.
    fn get<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, Refusal> {
        match self.0.get(name) {
            None => Ok(None),
            Some(raw) if raw.get() == "null" => Ok(None),
            Some(raw) => serde_json::from_str(raw.get())
                .map(Some)
                .map_err(|e| Refusal::invalid_param(name, &serde_problem(&e))),
        }
    }

    /// A string field for the credential check; anything else counts as absent.
    fn text(&self, name: &str) -> Option<String> {
        self.0
            .get(name)
            .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
    }
}

/// serde's message without its "at line 1 column 9" tail, which means nothing to an operator.
fn serde_problem(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.split_once(" at line ") {
        Some((head, _)) => head.to_owned(),
        None => text,
    }
}

/// The checks every cashout call starts with (see the module comment for the order).
fn authenticate(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<Fields, Refusal> {
    let fields: HashMap<String, Box<RawValue>> =
        serde_json::from_slice(body).map_err(|_| Refusal::malformed())?;
    let fields = Fields(fields);
    let login_ok = fields.text("login").is_some_and(|l| l == DEMO_API_KEY);
    let pass_ok = fields
        .text("pass")
        .is_some_and(|p| p == DEMO_API_PASSPHRASE);
    if !(login_ok && pass_ok) {
        shared.counters.bump(Count::CredentialFailure);
        return Err(Refusal::credentials());
    }
    let key = Secret::new(DEMO_API_SIGNATURE.to_owned());
    let signed = headers
        .get("payload-signature")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|sig| verify_payload_signature(&key, body, sig));
    if !signed {
        shared.counters.bump(Count::SignatureFailure);
        return Err(Refusal::signature());
    }
    Ok(fields)
}

/// `POST /v3/cashout`
async fn create(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    match read_body(body).await {
        Ok(bytes) => reply(create_cashout(&shared, &parts.headers, &bytes)),
        Err(refusal) => refusal.into_response(),
    }
}

fn create_cashout(
    shared: &Shared,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<serde_json::Value, Refusal> {
    let mut fields = authenticate(shared, headers, body)?;
    for name in IGNORED_CREATE_FIELDS {
        fields.0.remove(*name);
    }
    let request = parse_create(&fields)?;
    check_required(&request)?;

    let country = request.country.trim().to_ascii_uppercase();
    let Some(local_currency) = catalog::local_currency(&country) else {
        return Err(Refusal::declined(518));
    };
    // The bank is checked before the core rules so that an unknown code is always 303, as the
    // provider answers, even though the core validation also knows the bank table.
    if let Some(code) = request
        .bank_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        if banks::find(&country, code).is_none() {
            return Err(Refusal::new(
                StatusCode::PRECONDITION_FAILED,
                303,
                "Invalid bank code",
            ));
        }
    }
    let trigger = lifecycle::parse_trigger(request.comments.as_deref())
        .map_err(|problem| Refusal::invalid_param("comments", &problem))?;

    let ctx = ValidationContext {
        environment: EnvironmentKind::Sandbox,
        override_check_digits: true,
    };
    let request = check_create(&request, &ctx).map_err(|errors| match errors.first() {
        Some(e) => Refusal::invalid_param(&e.field, &e.message),
        None => Refusal::invalid_param("body", "refused by validation"),
    })?;

    // A rehearsed refusal comes after validation, so a form error still shows first.
    if let Some(Trigger::Decline(code)) = trigger {
        return Err(Refusal::declined(code));
    }

    let currency = match request
        .currency
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        None => local_currency.to_owned(),
        Some(c) => {
            let c = c.to_ascii_uppercase();
            if c != local_currency && c != catalog::USD {
                return Err(Refusal::declined(526));
            }
            c
        }
    };
    let amount = request
        .amount
        .ok_or_else(|| Refusal::invalid_param("amount", "required"))?;
    let new = NewCashout {
        currency,
        amount: amount.value(),
        status: if request.on_hold {
            CashoutStatus::OnHold
        } else {
            CashoutStatus::Pending
        },
        trigger,
        request,
    };
    let now = shared.clock.now();
    let outcome = shared.store().create(&new, now, &shared.timings)?;
    match outcome {
        CreateOutcome::Created(id) => {
            shared.counters.bump(Count::CreateCommitted);
            // A string, as the provider sends it (reference §14.9).
            Ok(json!({ "cashout_id": id.to_string() }))
        }
        CreateOutcome::DuplicateExternalId => Err(Refusal::new(
            StatusCode::PRECONDITION_FAILED,
            511,
            "External ID already used",
        )),
        CreateOutcome::InsufficientFunds => Err(Refusal::new(
            StatusCode::PRECONDITION_FAILED,
            514,
            "Insufficient funds",
        )),
    }
}

/// Decodes the create fields; when that fails, finds the first field (by name) at fault.
fn parse_create(fields: &Fields) -> Result<CreateCashout, Refusal> {
    let object = |entries: &mut dyn Iterator<Item = (&String, &Box<RawValue>)>| {
        let parts: Vec<String> = entries
            .map(|(k, v)| format!("{}:{}", serde_json::Value::String(k.clone()), v.get()))
            .collect();
        format!("{{{}}}", parts.join(","))
    };
    // Rebuilding the object from the raw field texts keeps every digit; this happens only
    // after the signature was checked on the bytes as received.
    let whole = object(&mut fields.0.iter());
    if let Ok(request) = serde_json::from_str::<CreateCashout>(&whole) {
        return Ok(request);
    }
    let mut names: Vec<&String> = fields.0.keys().collect();
    names.sort();
    for name in names {
        let Some((k, v)) = fields.0.get_key_value(name) else {
            continue;
        };
        // Every CreateCashout field has a default, so one field alone decodes iff it is valid.
        let single = object(&mut std::iter::once((k, v)));
        if let Err(e) = serde_json::from_str::<CreateCashout>(&single) {
            let problem = serde_problem(&e);
            let problem = if problem.starts_with("unknown field") {
                "is not a field of the create request".to_owned()
            } else {
                problem
            };
            return Err(Refusal::invalid_param(name, &problem));
        }
    }
    Err(Refusal::malformed())
}

/// The fields the OpenAPI schema requires (reference §5.1), in the schema's order.
fn check_required(r: &CreateCashout) -> Result<(), Refusal> {
    let required = |field: &str, value: &str| {
        if value.trim().is_empty() {
            Err(Refusal::invalid_param(field, "required"))
        } else {
            Ok(())
        }
    };
    required("external_id", &r.external_id)?;
    if r.external_id.chars().count() > EXTERNAL_ID_MAX {
        return Err(Refusal::invalid_param(
            "external_id",
            "longer than 100 characters",
        ));
    }
    required("country", &r.country)?;
    if r.amount.is_none() {
        return Err(Refusal::invalid_param("amount", "required"));
    }
    required("document_id", &r.document_id)?;
    required("beneficiary_name", &r.beneficiary_name)?;
    required("notification_url", &r.notification_url)
}

/// `POST /v3/cashout/status`
async fn status(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    match read_body(body).await {
        Ok(bytes) => reply(get_status(&shared, &parts.headers, &bytes)),
        Err(refusal) => refusal.into_response(),
    }
}

fn get_status(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<StatusAnswer, Refusal> {
    let fields = authenticate(shared, headers, body)?;
    let id = fields.get::<CashoutId>("cashout_id")?;
    let external_id = fields.get::<String>("external_id")?;
    let key = match (&id, &external_id) {
        (Some(id), _) => Key::Id(id.0),
        (None, Some(ext)) => Key::External(ext),
        (None, None) => {
            return Err(Refusal::invalid_param(
                "cashout_id",
                "required (or external_id)",
            ))
        }
    };
    let now = shared.clock.now();
    let record = shared
        .store()
        .current(key, now, &shared.timings)?
        .ok_or_else(Refusal::not_found)?;
    // Both ids given: they must name the same cashout.
    if external_id
        .as_deref()
        .is_some_and(|ext| ext != record.external_id)
    {
        return Err(Refusal::not_found());
    }
    Ok(status_answer(&record))
}

/// `PUT /v3/cashout/status`
async fn update(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    match read_body(body).await {
        Ok(bytes) => reply(update_status(&shared, &parts.headers, &bytes)),
        Err(refusal) => refusal.into_response(),
    }
}

fn update_status(
    shared: &Shared,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<StatusAnswer, Refusal> {
    let fields = authenticate(shared, headers, body)?;
    let id = fields
        .get::<CashoutId>("cashout_id")?
        .ok_or_else(|| Refusal::invalid_param("cashout_id", "required"))?;
    let wanted = fields
        .get::<String>("status")?
        .ok_or_else(|| Refusal::invalid_param("status", "required"))?;
    let action = match CashoutStatus::from_name(&wanted) {
        Some(CashoutStatus::Pending) => Action::Release,
        Some(CashoutStatus::OnHold) => Action::Hold,
        _ => {
            let shown: String = wanted.chars().take(40).collect();
            return Err(Refusal::new(
                http_status_of(521),
                521,
                format!("Status {shown} not supported for this type of request"),
            ));
        }
    };
    let now = shared.clock.now();
    let mut store = shared.store();
    let record = store
        .current(Key::Id(id.0), now, &shared.timings)?
        .ok_or_else(Refusal::not_found)?;
    if !record.status.allows(action) {
        return Err(Refusal::transition(StatusCode::BAD_REQUEST));
    }
    let updated = store.set_status(&record, action.target(), now, &shared.timings)?;
    Ok(status_answer(&updated))
}

/// `DELETE /v3/cashout/cancel`
async fn cancel(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    match read_body(body).await {
        Ok(bytes) => reply(cancel_cashout(&shared, &parts.headers, &bytes)),
        Err(refusal) => refusal.into_response(),
    }
}

fn cancel_cashout(
    shared: &Shared,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<serde_json::Value, Refusal> {
    let fields = authenticate(shared, headers, body)?;
    let id = fields
        .get::<CashoutId>("cashout_id")?
        .ok_or_else(|| Refusal::invalid_param("cashout_id", "required"))?;
    let external_id = fields
        .get::<String>("external_id")?
        .ok_or_else(|| Refusal::invalid_param("external_id", "required"))?;
    let now = shared.clock.now();
    let mut store = shared.store();
    let record = store
        .current(Key::Id(id.0), now, &shared.timings)?
        .filter(|r| r.external_id == external_id)
        .ok_or_else(Refusal::not_found)?;
    if !record.status.allows(Action::Cancel) {
        return Err(Refusal::transition(StatusCode::PRECONDITION_FAILED));
    }
    store.set_status(&record, Action::Cancel.target(), now, &shared.timings)?;
    // The cancel answer spells it "Canceled" (reference §8), unlike the status answer.
    Ok(json!({ "cashout_status": 2, "cashout_status_description": "Canceled" }))
}

/// The status answer. Per the docs it carries neither `cashout_id` nor `external_id`.
fn status_answer(r: &Record) -> StatusAnswer {
    let rejected = r.status == CashoutStatus::Rejected;
    StatusAnswer {
        cashout_status: r.status.code().map_or(-1, i64::from),
        cashout_status_description: Some(description(r.status).to_owned()),
        rejection_code: if rejected { r.rejection_code } else { None },
        rejection_reason: if rejected {
            r.rejection_reason.clone()
        } else {
            None
        },
        provider_external_reference: r.provider_reference.clone(),
        bank_reference_id: None,
        bank: bank_info(r),
        cashout_id: None,
        external_id: None,
    }
}

fn description(s: CashoutStatus) -> &'static str {
    match s {
        CashoutStatus::Pending => "Pending",
        CashoutStatus::Completed => "Completed",
        CashoutStatus::Cancelled => "Cancelled",
        CashoutStatus::Rejected => "Rejected",
        CashoutStatus::Delivered => "Delivered",
        CashoutStatus::OnHold => "On hold",
        CashoutStatus::Declined => "Declined",
        CashoutStatus::Unknown => "Unknown",
    }
}

/// The `bank` object, once the bank has the payout (DELIVERED and after) — except for
/// rejections about the bank details themselves.
fn bank_info(r: &Record) -> Option<BankInfo> {
    let reached_bank = matches!(
        r.status,
        CashoutStatus::Delivered | CashoutStatus::Completed | CashoutStatus::Rejected
    );
    let detail_rejection = r
        .rejection_code
        .is_some_and(|c| BANK_DETAIL_REJECTIONS.contains(&c));
    if !reached_bank || detail_rejection {
        return None;
    }
    let bank = banks::find(&r.country, r.bank_code.as_deref()?)?;
    Some(BankInfo {
        code: Some(bank.code.to_owned()),
        name: Some(bank.name.to_owned()),
        ispb: catalog::ispb_text(bank).map(serde_json::Value::String),
        branch: r.bank_branch.clone(),
        account: r.bank_account.clone(),
        beneficiary_name: Some(r.beneficiary_name.clone()),
    })
}

/// Read-only key check for the bank lists: `Authorization: Bearer <read-only key>`.
fn bearer(shared: &Shared, headers: &HeaderMap) -> Result<(), Refusal> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    if token == Some(DEMO_READ_ONLY_KEY) {
        Ok(())
    } else {
        shared.counters.bump(Count::CredentialFailure);
        Err(Refusal::credentials())
    }
}

fn served_country(country: Option<&str>) -> Result<String, Refusal> {
    let country = country
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Refusal::invalid_param("country", "required"))?;
    if catalog::local_currency(&country).is_none() {
        return Err(Refusal::declined(518));
    }
    Ok(country)
}

/// `GET /v3/banks?country=CC` (D24 shape)
async fn d24_banks(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    query: Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let result = bearer(&shared, &headers).and_then(|()| {
        let Ok(Query(query)) = query else {
            return Err(Refusal::malformed());
        };
        let country = served_country(query.get("country").map(String::as_str))?;
        Ok(catalog::d24_list(&country))
    });
    reply(result)
}

/// `GET /v1/country/{CC}/authorized-banks` (OKP shape)
async fn okp_banks(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(country): Path<String>,
) -> Response {
    let result = bearer(&shared, &headers)
        .and_then(|()| served_country(Some(&country)))
        .map(|country| catalog::okp_list(&country));
    reply(result)
}

/// Anything else: an error body rather than an empty 404, so a wrong path is obvious.
async fn unknown_endpoint() -> Response {
    Refusal::new(StatusCode::NOT_FOUND, 404, "Unknown endpoint").into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_status_follows_the_reference() {
        assert_eq!(http_status_of(302), StatusCode::UNAUTHORIZED);
        assert_eq!(http_status_of(502), StatusCode::BAD_REQUEST);
        assert_eq!(http_status_of(514), StatusCode::PRECONDITION_FAILED);
        assert_eq!(http_status_of(303), StatusCode::PRECONDITION_FAILED);
    }

    #[test]
    fn serde_problem_drops_the_position() {
        let e = serde_json::from_str::<String>("5").expect_err("a number is not a string");
        assert_eq!(
            serde_problem(&e),
            "invalid type: integer `5`, expected a string"
        );
    }
}

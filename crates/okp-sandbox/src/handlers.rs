//! The Cashouts v3 endpoints as the API reference documents them (§4–§8, §10, §11).
//!
//! Every cashout call goes through [`authenticate`] first, in this order: the body must be one
//! JSON object (else 502, HTTP 400); `login`/`pass` must be the demo credentials (else 401);
//! `Payload-Signature` must be the lowercase-hex HMAC-SHA256 of the *raw body bytes as
//! received* (else 302, HTTP 401) — nothing is parsed-and-reserialised before that check, so a
//! client that signs different bytes than it sends is caught, as the real provider would.
//! Then each endpoint refuses fields it does not document (300 naming the field).
//!
//! Guarantees: a malformed request always gets an error body; nothing here panics on input;
//! amounts are read from the raw JSON text, never through a float. Left out: IP whitelisting
//! (402), KYC (HTTP 400 with reason codes), notifications (the sandbox cannot reach ports 80/443
//! of a merchant anyway), FX rates.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{middleware, Json, Router};
use serde::Serialize;
use serde_json::{json, Value};

use crate::catalog;
use crate::codes;
use crate::fields::{FieldProblem, Fields};
use crate::lifecycle::{self, Trigger};
use crate::refusal::Refusal;
use crate::rules::{self, Ctx};
use crate::server;
use crate::signature;
use crate::state::{Count, Shared};
use crate::status::{Request as Move, Status};
use crate::store::{CreateOutcome, Key, NewCashout, Record};
use crate::{DEMO_API_KEY, DEMO_API_PASSPHRASE, DEMO_API_SIGNATURE, DEMO_READ_ONLY_KEY};

/// Largest body read. Real bodies are under 2 KiB; this only stops a runaway client.
pub(crate) const BODY_LIMIT: usize = 256 * 1024;

/// The fields each lookup endpoint documents (§6–§8); anything else is refused with 300.
/// `external_id` on update is Pandablue's (UNCONFIRMED for OKP, §7): accepted, and then it must
/// name the same cashout.
const STATUS_FIELDS: &[&str] = &["login", "pass", "cashout_id", "external_id"];
const UPDATE_FIELDS: &[&str] = &["login", "pass", "cashout_id", "status", "external_id"];
const CANCEL_FIELDS: &[&str] = &["login", "pass", "cashout_id", "external_id"];

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

impl From<FieldProblem> for Refusal {
    fn from(p: FieldProblem) -> Self {
        Refusal::invalid_param(&p.field, &p.problem)
    }
}

/// The checks every cashout call starts with (see the module comment for the order).
fn authenticate(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<Fields, Refusal> {
    let fields = Fields::parse(body).ok_or_else(Refusal::malformed)?;
    let login_ok = fields
        .credential("login")
        .is_some_and(|l| l == DEMO_API_KEY);
    let pass_ok = fields
        .credential("pass")
        .is_some_and(|p| p == DEMO_API_PASSPHRASE);
    if !(login_ok && pass_ok) {
        shared.counters.bump(Count::CredentialFailure);
        return Err(Refusal::code(401));
    }
    let signed = headers
        .get("payload-signature")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|sig| signature::verify(DEMO_API_SIGNATURE.as_bytes(), body, sig));
    if !signed {
        shared.counters.bump(Count::SignatureFailure);
        return Err(Refusal::code(302));
    }
    Ok(fields)
}

/// Refuses a field the endpoint does not document, or one given twice.
fn only(fields: &Fields, known: &[&str]) -> Result<(), Refusal> {
    if let Some(name) = fields.names().find(|n| !known.contains(n)) {
        return Err(Refusal::invalid_param(
            name,
            "is not a field of this request",
        ));
    }
    match fields.duplicate() {
        Some(name) => Err(Refusal::invalid_param(name, "appears more than once")),
        None => Ok(()),
    }
}

/// `POST /v3/cashout`
async fn create(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    match read_body(body).await {
        Ok(bytes) => reply(create_cashout(&shared, &parts.headers, &bytes)),
        Err(refusal) => refusal.into_response(),
    }
}

fn create_cashout(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<Value, Refusal> {
    let fields = authenticate(shared, headers, body)?;
    let ctx = Ctx {
        accept_failed_check_digits: shared.accepts_failed_check_digits(),
    };
    let request = rules::accept_create(&fields, &ctx)?;
    let trigger = lifecycle::parse_trigger(request.comments.as_deref())
        .map_err(|problem| Refusal::invalid_param("comments", &problem))?;
    // A rehearsed refusal comes after validation, so a form error still shows first.
    if let Some(Trigger::Decline(code)) = trigger {
        return Err(Refusal::declined(code, &request.currency, request.amount));
    }
    let new = NewCashout {
        status: if request.on_hold {
            Status::OnHold
        } else {
            Status::Pending
        },
        trigger,
        request,
    };
    let now = shared.clock.now();
    let outcome = shared.store().create(&new, now, &shared.timings)?;
    match outcome {
        CreateOutcome::Created(id) => {
            shared.counters.bump(Count::CreateCommitted);
            // A string, as the provider sends it (§5.4, §14.9).
            Ok(json!({ "cashout_id": id.to_string() }))
        }
        CreateOutcome::DuplicateExternalId => Err(Refusal::code(511)),
        CreateOutcome::InsufficientFunds => Err(Refusal::code(514)),
    }
}

/// `POST /v3/cashout/status`
async fn status(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    match read_body(body).await {
        Ok(bytes) => reply(get_status(&shared, &parts.headers, &bytes)),
        Err(refusal) => refusal.into_response(),
    }
}

fn get_status(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<Value, Refusal> {
    let fields = authenticate(shared, headers, body)?;
    only(&fields, STATUS_FIELDS)?;
    let id = fields.id("cashout_id")?;
    let external_id = fields.get::<String>("external_id", "a string")?;
    let key = match (&id, &external_id) {
        (Some(id), _) => Key::Id(*id),
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

fn update_status(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<Value, Refusal> {
    let fields = authenticate(shared, headers, body)?;
    only(&fields, UPDATE_FIELDS)?;
    let id = fields
        .id("cashout_id")?
        .ok_or_else(|| Refusal::invalid_param("cashout_id", "required"))?;
    let external_id = fields.get::<String>("external_id", "a string")?;
    let wanted = fields
        .get::<String>("status", "a string")?
        .ok_or_else(|| Refusal::invalid_param("status", "required"))?;
    let Some(request) = Move::from_update_status(&wanted) else {
        let shown: String = wanted.chars().take(40).collect();
        return Err(Refusal::unsupported_status(&shown));
    };
    let now = shared.clock.now();
    let mut store = shared.store();
    let record = store
        .current(Key::Id(id), now, &shared.timings)?
        .filter(|r| {
            external_id
                .as_deref()
                .is_none_or(|ext| ext == r.external_id)
        })
        .ok_or_else(Refusal::not_found)?;
    let edge = record
        .status
        .on(request)
        .ok_or_else(|| Refusal::transition(StatusCode::BAD_REQUEST))?;
    let updated = store.set_status(&record, edge.to, now, &shared.timings)?;
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

fn cancel_cashout(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<Value, Refusal> {
    let fields = authenticate(shared, headers, body)?;
    only(&fields, CANCEL_FIELDS)?;
    let id = fields
        .id("cashout_id")?
        .ok_or_else(|| Refusal::invalid_param("cashout_id", "required"))?;
    let external_id = fields
        .get::<String>("external_id", "a string")?
        .ok_or_else(|| Refusal::invalid_param("external_id", "required"))?;
    let now = shared.clock.now();
    let mut store = shared.store();
    let record = store
        .current(Key::Id(id), now, &shared.timings)?
        .filter(|r| r.external_id == external_id)
        .ok_or_else(Refusal::not_found)?;
    let edge = record
        .status
        .on(Move::Cancel)
        .ok_or_else(|| Refusal::transition(StatusCode::PRECONDITION_FAILED))?;
    store.set_status(&record, edge.to, now, &shared.timings)?;
    Ok(cancel_answer())
}

/// The cancel answer spells it "Canceled" (§8), unlike the status answer.
fn cancel_answer() -> Value {
    json!({
        "cashout_status": Status::Cancelled.number(),
        "cashout_status_description": "Canceled",
    })
}

/// The status answer (§6). Per the reference it carries neither `cashout_id` nor `external_id`.
#[derive(Debug, Serialize)]
struct StatusBody {
    cashout_status: i64,
    cashout_status_description: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rejection_code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rejection_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_external_reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bank: Option<BankBody>,
}

/// The status answer's `bank` object: OKP's `ispb`/`code`/`name` and D24's `branch`, `account`,
/// `beneficiary_name` (§6).
#[derive(Debug, Serialize)]
struct BankBody {
    code: &'static str,
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ispb: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    branch: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account: Option<String>,
    beneficiary_name: String,
}

/// The status answer for a cashout, as JSON.
pub(crate) fn status_answer(r: &Record) -> Value {
    let rejected = r.status == Status::Rejected;
    let body = StatusBody {
        cashout_status: r.status.number(),
        cashout_status_description: r.status.description(),
        rejection_code: r.rejection_code.filter(|_| rejected),
        rejection_reason: r.rejection_reason.clone().filter(|_| rejected),
        provider_external_reference: r.provider_reference.clone(),
        bank: bank_body(r),
    };
    serde_json::to_value(body).unwrap_or(Value::Null)
}

/// The `bank` object, once the bank has the payout (DELIVERED and after) — except for
/// rejections about the bank details themselves.
fn bank_body(r: &Record) -> Option<BankBody> {
    let reached_bank = matches!(
        r.status,
        Status::Delivered | Status::Completed | Status::Rejected
    );
    let detail_rejection = r
        .rejection_code
        .is_some_and(codes::is_bank_detail_rejection);
    if !reached_bank || detail_rejection {
        return None;
    }
    let bank = catalog::find(&r.country, r.bank_code.as_deref()?)?;
    Some(BankBody {
        code: bank.code,
        name: bank.name,
        ispb: catalog::ispb_text(bank),
        branch: r.bank_branch.clone(),
        account: r.bank_account.clone(),
        beneficiary_name: r.beneficiary_name.clone(),
    })
}

/// Read-only key check for the bank lists: `Authorization: Bearer <read-only key>` (§10).
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
        Err(Refusal::code(401))
    }
}

fn served_country(country: Option<&str>) -> Result<String, Refusal> {
    let country = country
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Refusal::invalid_param("country", "required"))?;
    if catalog::local_currency(&country).is_none() {
        return Err(Refusal::code(518));
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
    Refusal::unknown_endpoint().into_response()
}

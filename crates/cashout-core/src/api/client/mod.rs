//! The signing HTTP client for the Cashouts v3 endpoints.
//!
//! Guarantees: every body is serialized exactly once into a byte buffer; those bytes are signed
//! (`Payload-Signature`) and those same bytes are sent — nothing re-serializes after signing.
//! Answers are judged by the body `code`, not the HTTP status (HTTP 412 + 509 is "not found").
//! Failures are sorted by what they mean for money: [`CallError::NotDelivered`] (nothing reached
//! the provider), [`CallError::Api`] (the provider refused, nothing happened), and
//! [`CallError::OutcomeUnknown`] (timeout, dropped connection, 5xx, unreadable answer: the
//! request may have been acted on). HTTPS is enforced by [`crate::environment`] before a client
//! exists. The passphrase travels in the body and the signature header is marked sensitive; no
//! body is ever logged or put into an error.
//!
//! Left out: retries. Whether a call may be repeated depends on what it does, so `desk` decides.

use std::time::Duration;

use reqwest::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::types::{
    read_shaped, Bank, CancelBody, CashoutId, CashoutRef, CreateAnswer, CreateBody, CreateCashout,
    D24Bank, ErrorAnswer, OkpBank, Shaped, StatusAnswer, StatusBody, UpdateBody,
};
use crate::credentials::Credentials;
use crate::environment::{BankListFlavor, Environment};
use crate::signing::payload_signature;

/// The `User-Agent` sent with every request.
pub const USER_AGENT_VALUE: &str = concat!("cashout-desk/", env!("CARGO_PKG_VERSION"));

/// Timeouts of a client.
#[derive(Debug, Clone, Copy)]
pub struct ClientOptions {
    /// Time allowed to open the connection. Nothing has been sent when this runs out.
    pub connect_timeout: Duration,
    /// Time allowed for the whole call, answer included.
    pub total_timeout: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(45),
        }
    }
}

/// Why the outcome of a call is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownCause {
    Timeout,
    ConnectionDropped,
    ServerError(u16),
    UnreadableAnswer,
    /// The answer was about another cashout than the one asked about: nothing in it is
    /// believed, and what the request did is not known.
    ForeignAnswer,
    /// The answer was larger than [`MAX_ANSWER_BYTES`]; it was not read.
    TooLarge,
}

impl UnknownCause {
    /// The provider answered, but wrongly (as opposed to not answering at all).
    #[must_use]
    pub const fn is_provider_fault(self) -> bool {
        matches!(
            self,
            Self::UnreadableAnswer | Self::ForeignAnswer | Self::TooLarge
        )
    }
}

/// Largest answer read from the provider, in bytes. Real answers are well under 64 KiB (a
/// country's bank list is the largest); anything far beyond is a fault, and reading it whole
/// would let a broken or hostile server fill the memory.
pub const MAX_ANSWER_BYTES: usize = 2 * 1024 * 1024;

/// A failed call, sorted by what it means for money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// The provider answered with its error body.
    #[error("provider code {}: {}", .answer.code, .answer.message)]
    Api {
        http_status: u16,
        answer: ErrorAnswer,
    },
    /// Nothing reached the provider.
    #[error("{0}")]
    NotDelivered(String),
    /// The request may or may not have been acted on.
    #[error("{detail}")]
    OutcomeUnknown { cause: UnknownCause, detail: String },
    /// The bank list needs the read-only key, and none is stored; nothing was sent.
    #[error("the bank list needs the read-only key, and none is stored")]
    MissingReadOnlyKey,
}

impl CallError {
    /// The provider's code, when it answered with one.
    #[must_use]
    pub fn api_code(&self) -> Option<i64> {
        match self {
            Self::Api { answer, .. } => Some(answer.code),
            _ => None,
        }
    }
}

/// A client bound to one environment and its credentials.
pub struct Client {
    http: reqwest::Client,
    environment: Environment,
    credentials: Credentials,
}

/// The HTTP stacks a process needs, built on first use and shared: one that refuses anything
/// but HTTPS (every remote host) and one for loopback (the embedded sandbox). Building one
/// loads the system's TLS roots, which costs more than a request to the sandbox.
#[derive(Debug, Default)]
pub struct HttpStack {
    options: ClientOptions,
    https_only: std::sync::OnceLock<reqwest::Client>,
    loopback: std::sync::OnceLock<reqwest::Client>,
}

impl HttpStack {
    /// Stacks with these timeouts.
    #[must_use]
    pub fn new(options: ClientOptions) -> Self {
        Self {
            options,
            ..Self::default()
        }
    }

    /// The stack for `environment`: HTTPS only unless it is on loopback; no redirects.
    ///
    /// # Errors
    /// [`CallError::NotDelivered`] when the HTTP stack cannot be set up.
    pub fn for_environment(&self, environment: &Environment) -> Result<reqwest::Client, CallError> {
        let loopback = crate::environment::is_loopback_url(&environment.base_url);
        let cell = if loopback {
            &self.loopback
        } else {
            &self.https_only
        };
        if let Some(c) = cell.get() {
            return Ok(c.clone());
        }
        let built = reqwest::Client::builder()
            .connect_timeout(self.options.connect_timeout)
            .timeout(self.options.total_timeout)
            .https_only(!loopback)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| CallError::NotDelivered(format!("HTTP client setup failed: {e}")))?;
        Ok(cell.get_or_init(|| built).clone())
    }
}

/// The bytes of one request and their signature, built once.
struct Signed {
    body: Vec<u8>,
    signature: String,
}

/// What the passphrase reads as in an [`Exchange`].
pub const MASKED_PASSPHRASE: &str = "********";

/// Answers longer than this are cut in an [`Exchange`].
const ANSWER_KEPT: usize = 16 * 1024;

pub use super::types::Exchange;

/// A call's result with the exchange that produced it.
#[derive(Debug)]
pub struct Traced<T> {
    pub result: Result<T, CallError>,
    pub exchange: Option<Exchange>,
}

impl<T> Traced<T> {
    fn untraced(result: Result<T, CallError>) -> Self {
        Self {
            result,
            exchange: None,
        }
    }
}

impl Client {
    /// A client for `environment` (already checked for HTTPS) with `credentials`.
    ///
    /// # Errors
    /// [`CallError::NotDelivered`] when the HTTP stack cannot be set up.
    pub fn new(
        environment: Environment,
        credentials: Credentials,
        options: ClientOptions,
    ) -> Result<Self, CallError> {
        let http = HttpStack::new(options).for_environment(&environment)?;
        Ok(Self::with_http(http, environment, credentials))
    }

    /// A client on an HTTP stack built earlier (see [`HttpStack`]), so that a long-running
    /// process does not load the TLS roots again for every operation.
    #[must_use]
    pub fn with_http(
        http: reqwest::Client,
        environment: Environment,
        credentials: Credentials,
    ) -> Self {
        Self {
            http,
            environment,
            credentials,
        }
    }

    /// The environment this client talks to.
    #[must_use]
    pub fn environment(&self) -> &Environment {
        &self.environment
    }

    fn sign(&self, body: serde_json::Result<Vec<u8>>) -> Result<Signed, CallError> {
        let body = body
            .map_err(|e| CallError::NotDelivered(format!("request could not be encoded: {e}")))?;
        let signature = payload_signature(&self.credentials.signature, &body);
        Ok(Signed { body, signature })
    }

    /// Signs and sends the body `build(login, passphrase)` makes, and returns the answer with
    /// the exchange. The masked copy for the inspector is made by the same `build` from the
    /// masked values; it is only ever displayed, never signed or sent.
    async fn call<T: DeserializeOwned + Shaped>(
        &self,
        method: Method,
        path: &str,
        build: impl Fn(&str, &str) -> serde_json::Result<Vec<u8>>,
    ) -> Traced<T> {
        let signed = match self.sign(build(
            &self.credentials.api_key,
            self.credentials.passphrase.expose(),
        )) {
            Ok(s) => s,
            Err(e) => return Traced::untraced(Err(e)),
        };
        let masked = self.masked(&build);
        let mut exchange = Exchange {
            method: method.as_str().to_owned(),
            path: path.to_owned(),
            body: masked,
            signature: signed.signature.clone(),
            http_status: None,
            answer: None,
            outcome: String::new(),
        };
        let result = self
            .send_signed(method, path, signed, &mut exchange)
            .await
            .map_err(|e| self.scrubbed(e));
        exchange.outcome = match &result {
            Ok(_) => "ok".to_owned(),
            Err(CallError::Api { answer, .. }) => format!("refused ({})", answer.code),
            Err(CallError::NotDelivered(_)) => "not_delivered".to_owned(),
            Err(CallError::OutcomeUnknown { .. }) => "outcome_unknown".to_owned(),
            Err(CallError::MissingReadOnlyKey) => "not_delivered".to_owned(),
        };
        Traced {
            result,
            exchange: Some(exchange),
        }
    }

    async fn send_signed<T: DeserializeOwned + Shaped>(
        &self,
        method: Method,
        path: &str,
        signed: Signed,
        exchange: &mut Exchange,
    ) -> Result<T, CallError> {
        let mut signature = HeaderValue::from_str(&signed.signature)
            .map_err(|_| CallError::NotDelivered("signature is not a header value".into()))?;
        signature.set_sensitive(true);
        let request = self
            .http
            .request(method, format!("{}{}", self.environment.base_url, path))
            .header(CONTENT_TYPE, "application/json")
            .header(USER_AGENT, USER_AGENT_VALUE)
            .header("Payload-Signature", signature)
            // The very buffer that was signed; moved, not re-encoded.
            .body(signed.body);
        let response = request.send().await.map_err(classify_send_error)?;
        let status = response.status();
        exchange.http_status = Some(status.as_u16());
        let bytes = read_bytes(response).await?;
        let kept = &bytes[..bytes.len().min(ANSWER_KEPT)];
        exchange.answer = Some(self.credentials.scrub(&String::from_utf8_lossy(kept)));
        judge_answer(status, &bytes)
    }

    /// A failure with whatever the provider wrote in it scrubbed of the credentials (see
    /// [`Credentials::scrub`]).
    fn scrubbed(&self, e: CallError) -> CallError {
        match e {
            CallError::Api {
                http_status,
                mut answer,
            } => {
                answer.message = self.credentials.scrub(&answer.message);
                answer.reason = answer.reason.map(|r| self.credentials.scrub(&r));
                CallError::Api {
                    http_status,
                    answer,
                }
            }
            CallError::OutcomeUnknown { cause, detail } => CallError::OutcomeUnknown {
                cause,
                detail: self.credentials.scrub(&detail),
            },
            CallError::NotDelivered(d) => CallError::NotDelivered(self.credentials.scrub(&d)),
            CallError::MissingReadOnlyKey => CallError::MissingReadOnlyKey,
        }
    }

    /// The body `build(login, passphrase)` makes with the API Key and the passphrase masked
    /// (see [`MASKED_PASSPHRASE`]): the same builder, so the same bytes but for those two values.
    fn masked(&self, build: impl Fn(&str, &str) -> serde_json::Result<Vec<u8>>) -> String {
        let masked_login = format!("…{}", crate::credentials::last4(&self.credentials.api_key));
        build(&masked_login, MASKED_PASSPHRASE)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }

    /// The create body for `request` exactly as [`Client::create`] would build it, with the
    /// API Key and the passphrase masked as in the inspector: what the operator reviews before
    /// sending. It is never signed or sent.
    #[must_use]
    pub fn create_body_masked(&self, request: &CreateCashout) -> String {
        self.masked(|login, pass| create_body(login, pass, request))
    }

    /// `POST /v3/cashout`.
    ///
    /// # Errors
    /// See [`CallError`].
    pub async fn create(&self, request: &CreateCashout) -> Result<CashoutId, CallError> {
        self.create_traced(request).await.result
    }

    /// As [`Client::create`], with the exchange.
    pub async fn create_traced(&self, request: &CreateCashout) -> Traced<CashoutId> {
        let traced = self
            .call::<CreateAnswer>(Method::POST, "/v3/cashout", |login, pass| {
                create_body(login, pass, request)
            })
            .await;
        let traced = success_with_error_is_unknown(traced);
        Traced {
            result: traced.result.map(|answer| answer.cashout_id),
            exchange: traced.exchange,
        }
    }

    /// `POST /v3/cashout/status` by id or external id.
    ///
    /// # Errors
    /// See [`CallError`]; not found is `Api` with code 509.
    pub async fn status(&self, which: &CashoutRef) -> Result<StatusAnswer, CallError> {
        self.status_traced(which).await.result
    }

    /// As [`Client::status`], with the exchange.
    pub async fn status_traced(&self, which: &CashoutRef) -> Traced<StatusAnswer> {
        let (cashout_id, external_id) = match which {
            CashoutRef::Id(id) => (Some(*id), None),
            CashoutRef::ExternalId(x) => (None, Some(x.as_str())),
        };
        let traced = self
            .call(Method::POST, "/v3/cashout/status", |login, pass| {
                encode(&StatusBody {
                    login,
                    pass,
                    cashout_id,
                    external_id,
                })
            })
            .await;
        about(traced, cashout_id, external_id)
    }

    /// `PUT /v3/cashout/status`: `on_hold` true puts it ON_HOLD, false back to PENDING.
    ///
    /// # Errors
    /// See [`CallError`].
    pub async fn update(&self, id: CashoutId, on_hold: bool) -> Result<StatusAnswer, CallError> {
        self.update_traced(id, on_hold).await.result
    }

    /// As [`Client::update`], with the exchange.
    pub async fn update_traced(&self, id: CashoutId, on_hold: bool) -> Traced<StatusAnswer> {
        let traced = self
            .call(Method::PUT, "/v3/cashout/status", |login, pass| {
                encode(&UpdateBody {
                    login,
                    pass,
                    cashout_id: id,
                    status: if on_hold { "ON_HOLD" } else { "PENDING" },
                })
            })
            .await;
        about(success_with_error_is_unknown(traced), Some(id), None)
    }

    /// `DELETE /v3/cashout/cancel` with both ids in a JSON body.
    ///
    /// # Errors
    /// See [`CallError`].
    pub async fn cancel(
        &self,
        id: CashoutId,
        external_id: &str,
    ) -> Result<StatusAnswer, CallError> {
        self.cancel_traced(id, external_id).await.result
    }

    /// As [`Client::cancel`], with the exchange.
    pub async fn cancel_traced(&self, id: CashoutId, external_id: &str) -> Traced<StatusAnswer> {
        let traced = self
            .call(Method::DELETE, "/v3/cashout/cancel", |login, pass| {
                encode(&CancelBody {
                    login,
                    pass,
                    cashout_id: id,
                    external_id,
                })
            })
            .await;
        about(
            success_with_error_is_unknown(traced),
            Some(id),
            Some(external_id),
        )
    }

    /// The banks of a country, from the brand's bank-list endpoint (read-only key).
    ///
    /// # Errors
    /// See [`CallError`]; `NotDelivered` when no read-only key is stored.
    pub async fn banks(&self, country: &str) -> Result<Vec<Bank>, CallError> {
        self.banks_unscrubbed(country)
            .await
            .map_err(|e| self.scrubbed(e))
    }

    async fn banks_unscrubbed(&self, country: &str) -> Result<Vec<Bank>, CallError> {
        let Some(key) = self.credentials.read_only_key.as_ref() else {
            return Err(CallError::MissingReadOnlyKey);
        };
        let country = country.to_ascii_uppercase();
        if country.len() != 2 || !country.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(CallError::NotDelivered(format!(
                "{country:?} is not an ISO country code"
            )));
        }
        let url = match self.environment.bank_list_flavor() {
            BankListFlavor::Okp => {
                format!(
                    "{}/v1/country/{country}/authorized-banks",
                    self.environment.base_url
                )
            }
            BankListFlavor::D24 => {
                format!("{}/v3/banks?country={country}", self.environment.base_url)
            }
        };
        let mut auth = HeaderValue::from_str(&format!("Bearer {}", key.expose()))
            .map_err(|_| CallError::NotDelivered("read-only key is not a header value".into()))?;
        auth.set_sensitive(true);
        let response = self
            .http
            .get(url)
            .header(AUTHORIZATION, auth)
            .header(USER_AGENT, USER_AGENT_VALUE)
            .send()
            .await
            .map_err(classify_send_error)?;
        match self.environment.bank_list_flavor() {
            BankListFlavor::Okp => {
                let banks: Vec<OkpBank> = read_answer(response).await?;
                Ok(banks
                    .into_iter()
                    .map(|b| Bank {
                        code: b.bank_code,
                        name: b.bank_name,
                        licensed: b.bank_licensed,
                    })
                    .collect())
            }
            BankListFlavor::D24 => {
                let banks: Vec<D24Bank> = read_answer(response).await?;
                Ok(banks
                    .into_iter()
                    .map(|b| Bank {
                        code: b.code,
                        name: b.name,
                        licensed: true,
                    })
                    .collect())
            }
        }
    }
}

/// For a call that changes something (create, hold, release, cancel): a success status with an
/// error body is not a clean refusal, and the change may have been made.
fn success_with_error_is_unknown<T>(mut traced: Traced<T>) -> Traced<T> {
    if let Err(CallError::Api {
        http_status,
        answer,
    }) = &traced.result
    {
        if (200..300).contains(http_status) {
            let detail = format!("HTTP {http_status} carrying error code {}", answer.code);
            if let Some(e) = traced.exchange.as_mut() {
                e.outcome = "outcome_unknown".to_owned();
            }
            traced.result = Err(CallError::OutcomeUnknown {
                cause: UnknownCause::UnreadableAnswer,
                detail,
            });
        }
    }
    traced
}

/// Refuses a status-shaped answer that says it is about another cashout than the one the
/// request named: it is not believed, and what the request did is unknown.
fn about(
    mut traced: Traced<StatusAnswer>,
    cashout_id: Option<CashoutId>,
    external_id: Option<&str>,
) -> Traced<StatusAnswer> {
    if let Ok(answer) = &traced.result {
        if let Some(why) = answer.contradicts(cashout_id, external_id) {
            if let Some(e) = traced.exchange.as_mut() {
                e.outcome = "outcome_unknown".to_owned();
            }
            traced.result = Err(CallError::OutcomeUnknown {
                cause: UnknownCause::ForeignAnswer,
                detail: why,
            });
        }
    }
    traced
}

/// The create body: credentials first, then the request's fields, then `type`.
fn create_body(login: &str, pass: &str, request: &CreateCashout) -> serde_json::Result<Vec<u8>> {
    encode(&CreateBody {
        login,
        pass,
        request,
        kind: "json",
    })
}

fn encode<B: Serialize>(body: &B) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(body)
}

fn classify_send_error(e: reqwest::Error) -> CallError {
    // A connect failure (refused, DNS, TLS handshake, connect timeout) means no request byte
    // reached the provider, and a request that could not be built (a bad URL) never left.
    // Anything later may have been acted on.
    if e.is_connect() || e.is_builder() {
        return CallError::NotDelivered(describe(&e));
    }
    let cause = if e.is_timeout() {
        UnknownCause::Timeout
    } else {
        UnknownCause::ConnectionDropped
    };
    CallError::OutcomeUnknown {
        cause,
        detail: describe(&e),
    }
}

fn describe(e: &reqwest::Error) -> String {
    // reqwest's Display includes the URL, which holds no secret (credentials are in the body);
    // the source chain says what actually happened.
    let mut text = if e.is_timeout() {
        "timed out".to_owned()
    } else {
        e.to_string()
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

async fn read_answer<T: DeserializeOwned + Shaped>(
    response: reqwest::Response,
) -> Result<T, CallError> {
    let status = response.status();
    let bytes = read_bytes(response).await?;
    judge_answer(status, &bytes)
}

/// Reads the answer's body, at most [`MAX_ANSWER_BYTES`]: a longer one (announced or not) is
/// refused as soon as it is known to be too long, so memory stays bounded whatever is sent.
async fn read_bytes(mut response: reqwest::Response) -> Result<Vec<u8>, CallError> {
    let too_large = || CallError::OutcomeUnknown {
        cause: UnknownCause::TooLarge,
        detail: format!("the answer is larger than {MAX_ANSWER_BYTES} bytes; it was not read"),
    };
    if response
        .content_length()
        .is_some_and(|n| n > MAX_ANSWER_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => {
                return Err(CallError::OutcomeUnknown {
                    cause: if e.is_timeout() {
                        UnknownCause::Timeout
                    } else {
                        UnknownCause::ConnectionDropped
                    },
                    detail: format!("the answer was cut off: {}", describe(&e)),
                })
            }
        }
    }
}

/// Decides what an answer means. Public within the crate for table tests.
pub(crate) fn judge_answer<T: DeserializeOwned + Shaped>(
    status: StatusCode,
    bytes: &[u8],
) -> Result<T, CallError> {
    if status.is_server_error() {
        // Whatever the body says, a 5xx leaves the outcome open: the work may have been done.
        let detail = match read_shaped::<ErrorAnswer>(bytes) {
            Ok(a) => format!(
                "HTTP {}: provider code {}: {}",
                status.as_u16(),
                a.code,
                a.message
            ),
            Err(_) => format!("HTTP {}", status.as_u16()),
        };
        return Err(CallError::OutcomeUnknown {
            cause: UnknownCause::ServerError(status.as_u16()),
            detail,
        });
    }
    if status.is_success() {
        if let Ok(value) = read_shaped::<T>(bytes) {
            return Ok(value);
        }
    }
    // Branch on the body code: a 2xx carrying an error body is still an error, and the HTTP
    // status of a refusal (400, 401, 412) adds nothing the code does not say.
    if let Ok(answer) = read_shaped::<ErrorAnswer>(bytes) {
        return Err(CallError::Api {
            http_status: status.as_u16(),
            answer,
        });
    }
    let what = match read_shaped::<T>(bytes) {
        Err(e) if status.is_success() => {
            format!("HTTP {} with an unexpected body ({e})", status.as_u16())
        }
        _ => format!("HTTP {} with an unreadable body", status.as_u16()),
    };
    Err(CallError::OutcomeUnknown {
        cause: UnknownCause::UnreadableAnswer,
        detail: what,
    })
}

#[cfg(test)]
mod tests;

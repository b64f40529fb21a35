//! The operations the desktop app and the CLI call: create (write-ahead, safe retry), check,
//! hold, release, cancel, lookup, reconcile, list.
//!
//! The create protocol, which is what keeps money moving exactly once:
//! 1. validate offline — on failure nothing is written or sent;
//! 2. write the intent (environment scope, `external_id`, the request without credentials) and
//!    commit it — on failure nothing is sent;
//! 3. serialize once, sign, send;
//! 4. record the answer. A refusal is DECLINED. An unknown outcome (timeout, dropped
//!    connection, 5xx, unreadable answer) is recorded as such and the cashout is **looked up by
//!    `external_id` before anything is resent**; a 511 on a resend is resolved by that lookup.
//!    A 511 on the *first* send of a new intent means another cashout (not ours) holds that
//!    `external_id`: it is DECLINED and never adopted, even if the create is run again.
//!    The `external_id` of an intent never changes, and an `external_id` already used in this
//!    scope for different contents is refused locally.
//!
//! Re-running a create with the same `external_id` and contents resumes that intent (lookup
//! first), so a script can simply retry. A create *without* an `external_id` gets a generated
//! one, which cannot tell a retry from a new payout; so if an identical payout (same contents,
//! any id) was requested in this environment within [`DUPLICATE_WINDOW`], it is refused with
//! [`Error::PossibleDuplicate`] naming the earlier `external_id`. [`Desk::reconcile`] resolves intents left open by a
//! crash; it looks them up and never sends by itself: an intent the provider never received
//! becomes `not_sent`, to be resent by the operator with the same `external_id`.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::api::client::{CallError, Client, Exchange, UnknownCause};
use crate::api::types::{Bank, CashoutId, CashoutRef, CreateCashout, StatusAnswer};
use crate::audit::{AuditAction, AuditEvent};
use crate::clock::format_instant;
use crate::codes;
use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::journal::{
    ExchangeRecord, HistoryEntry, IntentOutcome, Journal, ListFilter, PayoutRecord, Phase, Watched,
};
use crate::report::{self, CsvFlavor, HoldBoard};
use crate::status::{Action, CashoutStatus};
use crate::validate::{self, ValidationContext};

/// How far back an identical request without an external_id counts as a possible duplicate.
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);

/// Intents touched more recently than this are left to the process that may still be sending
/// them (a create call retries for up to a few minutes); reconcile looks only at older ones.
pub const RECONCILE_MIN_AGE: Duration = Duration::from_secs(5 * 60);

/// How persistent a create is when the outcome is unknown.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Most sends of one create in one call (the first included).
    pub max_sends: u32,
    /// Waits before each lookup that follows an unknown outcome; the last one repeats.
    pub backoff: Vec<Duration>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_sends: 3,
            backoff: vec![
                Duration::from_millis(500),
                Duration::from_secs(2),
                Duration::from_secs(5),
            ],
        }
    }
}

impl RetryPolicy {
    fn wait(&self, attempt: usize) -> Duration {
        self.backoff
            .get(attempt)
            .or(self.backoff.last())
            .copied()
            .unwrap_or_default()
    }
}

/// A payout as shown by the CLI and the UI: the answer of every status-like operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PayoutView {
    pub cashout_id: Option<i64>,
    pub external_id: Option<String>,
    /// PENDING, ON_HOLD, CANCELLED, DELIVERED, COMPLETED, REJECTED, DECLINED; `None` while the
    /// create's outcome is unknown.
    pub status: Option<CashoutStatus>,
    pub status_code: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection_code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
    /// The rejection code explained, with the field to fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection_explanation: Option<codes::CodeInfo>,
    pub phase: Phase,
    pub environment: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beneficiary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_reference: Option<String>,
    pub allowed_actions: Vec<Action>,
    pub updated_at: String,
}

impl PayoutView {
    /// The view of a journal record.
    #[must_use]
    pub fn of(r: &PayoutRecord) -> Self {
        Self {
            cashout_id: r.cashout_id,
            external_id: r.external_id.clone(),
            status: r.status,
            status_code: r.status.and_then(CashoutStatus::code),
            rejection_code: r.rejection_code,
            rejection_reason: r.rejection_reason.clone(),
            rejection_explanation: r.rejection_code.map(codes::rejection_code),
            phase: r.phase,
            environment: r.scope.clone(),
            amount: r.amount.clone(),
            currency: r.currency.clone(),
            country: r.country.clone(),
            beneficiary: r.beneficiary.clone(),
            provider_reference: r.provider_reference.clone(),
            allowed_actions: match (r.status, r.cashout_id) {
                (Some(s), Some(_)) => s.allowed_actions(),
                _ => Vec::new(),
            },
            updated_at: r.updated_at.clone(),
        }
    }
}

/// What a reconcile pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReconcileReport {
    pub checked: usize,
    pub found: usize,
    pub not_sent: usize,
    pub still_unknown: usize,
}

/// A create as the operator reviews it before sending (see [`Desk::review_create`]).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CreateReview {
    /// The checked request (normalised, `external_id` filled in), amount as a string; what is
    /// handed back to send.
    #[ts(as = "CreateCashout")]
    pub request: serde_json::Value,
    /// The body the client will sign and send, byte for byte, but with the API Key shown as
    /// its last four characters and the passphrase as `********`. Shown as is: re-formatting
    /// it would pass the amount through a float.
    pub body: String,
    /// In production, the question the operator must answer before the money moves.
    pub confirmation: Option<String>,
}

/// The operations, bound to one environment, its client and the journal.
pub struct Desk {
    client: Client,
    journal: Arc<Journal>,
    retry: RetryPolicy,
}

enum Lookup {
    Found(Box<StatusAnswer>),
    NotFound,
    Unknown(String),
}

impl Desk {
    /// A desk over `client` (which carries the environment and credentials) and `journal`.
    #[must_use]
    pub fn new(client: Client, journal: Arc<Journal>, retry: RetryPolicy) -> Self {
        Self {
            client,
            journal,
            retry,
        }
    }

    fn env(&self) -> &Environment {
        self.client.environment()
    }

    fn scope(&self) -> String {
        self.env().scope()
    }

    fn view(&self, id: i64) -> Result<PayoutView> {
        let r = self
            .journal
            .get(id)?
            .ok_or_else(|| Error::Journal(format!("record {id} vanished")))?;
        Ok(PayoutView::of(&r))
    }

    /// Validates a create without writing or sending anything; returns the normalised request
    /// (with a generated `external_id` when none was given) exactly as it would be sent.
    ///
    /// # Errors
    /// [`Error::Validation`] with every field problem.
    pub fn prepare_create(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
    ) -> Result<CreateCashout> {
        let ctx = ValidationContext {
            environment: self.env().kind,
            override_check_digits,
        };
        let mut checked = validate::check_create(request, &ctx).map_err(Error::Validation)?;
        if checked.external_id.is_empty() {
            checked.external_id = new_external_id();
        }
        Ok(checked)
    }

    /// What the operator reviews before a create is sent: [`Desk::prepare_create`]'s request,
    /// the body the client will send for it (credentials masked), and in production the
    /// question to confirm. Nothing is written or sent.
    ///
    /// # Errors
    /// As [`Desk::prepare_create`].
    pub fn review_create(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
    ) -> Result<CreateReview> {
        let checked = self.prepare_create(request, override_check_digits)?;
        let kind = self.env().kind;
        let confirmation = kind.is_production().then(|| {
            let amount = checked.amount.map(|a| a.to_string()).unwrap_or_default();
            let beneficiary = [
                Some(checked.beneficiary_name.as_str()),
                checked.beneficiary_lastname.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter(|n| !n.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
            format!(
                "Send {amount} {} to {beneficiary} in {}? This moves real money.",
                checked.currency.as_deref().unwrap_or_default(),
                kind.name().to_uppercase()
            )
        });
        Ok(CreateReview {
            body: self.client.create_body_masked(&checked),
            request: checked.ipc_json(),
            confirmation,
        })
    }

    /// Creates a cashout, exactly once per `external_id` and contents. See the module comment.
    ///
    /// # Errors
    /// [`Error::Validation`] (nothing written or sent), [`Error::ExternalIdConflict`],
    /// [`Error::Api`] (declined, recorded), [`Error::OutcomeUnknown`] (recorded, to be
    /// reconciled), [`Error::Journal`] (nothing sent).
    pub async fn create(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
    ) -> Result<PayoutView> {
        let generated = request.external_id.trim().is_empty();
        self.create_checked(request, override_check_digits, generated)
            .await
    }

    /// As [`Desk::create`], for a request whose `external_id` was generated earlier (the desktop
    /// app shows it on review): `external_id_generated` keeps the duplicate guard on for it.
    ///
    /// # Errors
    /// As [`Desk::create`].
    pub async fn create_checked(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
        external_id_generated: bool,
    ) -> Result<PayoutView> {
        let request = self.prepare_create(request, override_check_digits)?;
        let detail = format!(
            "{} {} to {}",
            request.amount.map(|a| a.to_string()).unwrap_or_default(),
            request.currency.as_deref().unwrap_or_default(),
            request.beneficiary_name
        );
        // The usual success is audited in the same transaction that records the cashout id.
        let audit = AuditEvent::new(&self.scope(), AuditAction::Create, "ok")
            .about(None, Some(&request.external_id))
            .detail(format!("{detail}; now {}", initial_status(&request).name()));
        let (result, audited) = match self
            .create_prepared(&request, external_id_generated, audit)
            .await
        {
            Ok((view, audited)) => (Ok(view), audited),
            Err(e) => (Err(e), false),
        };
        if !audited {
            self.audit_result(
                AuditAction::Create,
                &result,
                None,
                Some(&request.external_id),
                Some(detail),
            )
            .await?;
        }
        result
    }

    /// Appends the outcome of an operator action to the audit chain. An action that happened
    /// must not be reported as failed because the audit write failed, but neither may it go
    /// unrecorded silently: the audit failure is returned in place of a success.
    async fn audit_result(
        &self,
        action: AuditAction,
        result: &Result<PayoutView>,
        cashout_id: Option<i64>,
        external_id: Option<&str>,
        detail: Option<String>,
    ) -> Result<()> {
        let (outcome, cashout_id, external_id, detail) = match result {
            Ok(view) => (
                "ok".to_owned(),
                view.cashout_id.or(cashout_id),
                view.external_id.as_deref().or(external_id),
                match (detail, view.status) {
                    (Some(d), Some(s)) => Some(format!("{d}; now {}", s.name())),
                    (d, Some(s)) => d.or_else(|| Some(format!("now {}", s.name()))),
                    (d, None) => d,
                },
            ),
            Err(e) => (
                e.code().to_owned(),
                cashout_id,
                external_id,
                Some(match detail {
                    Some(d) => format!("{d}; {e}"),
                    None => e.to_string(),
                }),
            ),
        };
        let mut event =
            AuditEvent::new(&self.scope(), action, &outcome).about(cashout_id, external_id);
        event.detail = detail;
        match self.journal.append_audit(event).await {
            Ok(_) => Ok(()),
            Err(e) if result.is_ok() => Err(Error::Journal(format!(
                "the {} was done, but the audit log could not record it: {e}",
                action.name()
            ))),
            // The operation's own error says more; the audit gap is in the log's verify.
            Err(_) => Ok(()),
        }
    }

    /// Returns the view and whether its audit entry was already written.
    async fn create_prepared(
        &self,
        request: &CreateCashout,
        external_id_generated: bool,
        audit: AuditEvent,
    ) -> Result<(PayoutView, bool)> {
        let request = request.clone();
        let scope = self.scope();
        // Two calls for one intent (a double click) take turns: the second sees the first's result.
        let _turn = self.journal.lock_intent(&scope, &request.external_id).await;
        if external_id_generated {
            // A generated id cannot tell a retry from a new payout; the contents can.
            let since = format_instant(self.journal.now_instant() - DUPLICATE_WINDOW);
            if let Some(earlier) = self.journal.find_same_contents(&scope, &request, &since)? {
                return Err(Error::PossibleDuplicate(
                    earlier.external_id.unwrap_or_default(),
                ));
            }
        }
        match self
            .journal
            .record_intent(&scope, &self.env().base_url, &request)
            .await?
        {
            IntentOutcome::New(id) => self.drive_create(id, &request, false, audit).await,
            IntentOutcome::Conflict(_) => Err(Error::ExternalIdConflict(request.external_id)),
            IntentOutcome::Same(record) => match record.phase {
                // Already settled: answering again is the idempotent result.
                Phase::Created => Ok((PayoutView::of(&record), false)),
                // The id belongs to a cashout this journal never sent: never adopt it.
                Phase::Declined if record.api_code == Some(511) => Err(Error::api(
                    511,
                    412,
                    "External ID already used by a cashout this journal did not create".into(),
                )),
                // Open, declined or never received: find out before sending anything.
                Phase::Intent | Phase::Unknown | Phase::NotSent | Phase::Declined => {
                    self.drive_create(record.id, &request, true, audit).await
                }
            },
        }
    }

    /// Sends the create of intent `id` until it is settled. `resumed` says the intent existed
    /// before this call, so an earlier send of ours may have landed.
    async fn drive_create(
        &self,
        id: i64,
        request: &CreateCashout,
        resumed: bool,
        audit: AuditEvent,
    ) -> Result<(PayoutView, bool)> {
        let mut lookup_first = resumed;
        let external_id = request.external_id.clone();
        let mut last_unknown = String::from("no answer yet");
        for attempt in 0..self.retry.max_sends.max(1) as usize {
            if lookup_first {
                match self.lookup_external_id(&external_id).await {
                    Lookup::Found(answer) => {
                        self.journal.record_status(id, &answer, "found").await?;
                        return Ok((self.view(id)?, false));
                    }
                    Lookup::NotFound => {}
                    Lookup::Unknown(detail) => {
                        self.journal
                            .record_phase(id, Phase::Unknown, &format!("lookup failed: {detail}"))
                            .await?;
                        return Err(Error::OutcomeUnknown {
                            external_id,
                            detail,
                        });
                    }
                }
            }
            if attempt > 0 {
                self.journal.record_sending(id).await?;
            }
            let traced = self.client.create_traced(request).await;
            self.keep_exchange(id, traced.exchange);
            match traced.result {
                Ok(cashout_id) => {
                    let status = initial_status(request);
                    return match self
                        .journal
                        .record_created_audited(id, cashout_id, status, Some(audit.clone()))
                        .await
                    {
                        Ok(record) => Ok((PayoutView::of(&record), true)),
                        // The money may move: never report this as "nothing sent".
                        Err(e) => Err(Error::OutcomeUnknown {
                            external_id,
                            detail: format!(
                                "the provider accepted it as cashout {cashout_id}, but the journal could not record that ({e})"
                            ),
                        }),
                    };
                }
                Err(CallError::Api {
                    http_status,
                    answer,
                }) if answer.code == 511 => {
                    if !resumed && attempt == 0 {
                        // Never sent from this journal before: the id belongs to a cashout we
                        // did not make. Adopting it would report someone else's payout as ours.
                        self.journal
                            .record_declined(id, answer.code, &answer.message)
                            .await?;
                        return Err(Error::api(answer.code, http_status, answer.message));
                    }
                    // Our own earlier attempt may have landed: the lookup decides.
                    self.journal
                        .record_event(
                            id,
                            "duplicate",
                            "provider says external_id already used (511); looking it up",
                        )
                        .await?;
                    lookup_first = true;
                }
                Err(CallError::Api {
                    http_status,
                    answer,
                }) => {
                    self.journal
                        .record_declined(id, answer.code, &answer.message)
                        .await?;
                    return Err(Error::api(answer.code, http_status, answer.message));
                }
                Err(CallError::NotDelivered(detail)) => {
                    self.journal
                        .record_phase(id, Phase::NotSent, &format!("not delivered: {detail}"))
                        .await?;
                    return Err(Error::Network(detail));
                }
                Err(CallError::OutcomeUnknown { detail, .. }) => {
                    self.journal
                        .record_phase(id, Phase::Unknown, &detail)
                        .await?;
                    last_unknown = detail;
                    lookup_first = true;
                    tokio::time::sleep(self.retry.wait(attempt)).await;
                }
            }
        }
        // Out of sends: one last look, so a create that landed is not left unknown.
        match self.lookup_external_id(&external_id).await {
            Lookup::Found(answer) => {
                self.journal.record_status(id, &answer, "found").await?;
                Ok((self.view(id)?, false))
            }
            Lookup::NotFound => {
                self.journal
                    .record_phase(
                        id,
                        Phase::NotSent,
                        "provider has no cashout with this external_id",
                    )
                    .await?;
                Err(Error::OutcomeUnknown {
                    external_id,
                    detail: last_unknown,
                })
            }
            Lookup::Unknown(detail) => Err(Error::OutcomeUnknown {
                external_id,
                detail,
            }),
        }
    }

    async fn lookup_external_id(&self, external_id: &str) -> Lookup {
        match self
            .client
            .status(&CashoutRef::ExternalId(external_id.to_owned()))
            .await
        {
            Ok(answer) => Lookup::Found(Box::new(answer)),
            Err(CallError::Api { answer, .. }) if answer.code == 509 => Lookup::NotFound,
            Err(e) => Lookup::Unknown(e.to_string()),
        }
    }

    /// Resolves every create of this environment whose outcome was left open (e.g. by a
    /// crash) and untouched for [`RECONCILE_MIN_AGE`], by looking each up by `external_id`.
    /// Sends nothing.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn reconcile(&self) -> Result<ReconcileReport> {
        let mut report = ReconcileReport::default();
        let before = format_instant(self.journal.now_instant() - RECONCILE_MIN_AGE);
        for record in self.journal.unresolved(&self.scope(), &before)? {
            let Some(external_id) = record.external_id.clone() else {
                continue;
            };
            report.checked += 1;
            match self.lookup_external_id(&external_id).await {
                Lookup::Found(answer) => {
                    self.journal
                        .record_status(record.id, &answer, "found")
                        .await?;
                    report.found += 1;
                }
                Lookup::NotFound => {
                    self.journal
                        .record_phase(
                            record.id,
                            Phase::NotSent,
                            "reconcile: the provider has no cashout with this external_id",
                        )
                        .await?;
                    report.not_sent += 1;
                }
                Lookup::Unknown(detail) => {
                    self.journal
                        .record_event(record.id, "reconcile_failed", &detail)
                        .await?;
                    report.still_unknown += 1;
                }
            }
        }
        Ok(report)
    }

    /// Checks a cashout's status with the provider and records it; a cashout not yet in the
    /// journal (created elsewhere) is added.
    ///
    /// # Errors
    /// [`Error::Api`] (509 = not found in this environment), [`Error::Network`],
    /// [`Error::MalformedAnswer`], [`Error::Journal`].
    pub async fn check(&self, which: &CashoutRef) -> Result<PayoutView> {
        let result = self.check_unaudited(which).await;
        let (cashout_id, external_id) = ids_of(which);
        self.audit_result(
            AuditAction::Lookup,
            &result,
            cashout_id.map(|c| c.0),
            external_id,
            None,
        )
        .await?;
        result
    }

    async fn check_unaudited(&self, which: &CashoutRef) -> Result<PayoutView> {
        let traced = self.client.status_traced(which).await;
        let answer = match traced.result {
            Ok(answer) => answer,
            Err(e) => {
                // A refused or failed check is kept for the inspector when the payout is known.
                let (cashout_id, external_id) = ids_of(which);
                if let Some(r) = self.journal.find(&self.scope(), cashout_id, external_id)? {
                    self.keep_exchange(r.id, traced.exchange);
                }
                return Err(call_error(e));
            }
        };
        let id = self.record_for(which).await?;
        self.keep_exchange(id, traced.exchange);
        self.journal.record_status(id, &answer, "status").await?;
        self.view(id)
    }

    async fn record_for(&self, which: &CashoutRef) -> Result<i64> {
        let (cashout_id, external_id) = ids_of(which);
        self.journal
            .record_lookup(&self.scope(), &self.env().base_url, cashout_id, external_id)
            .await
    }

    /// PENDING → ON_HOLD.
    ///
    /// # Errors
    /// As [`Desk::check`], plus [`Error::ActionNotAllowed`].
    pub async fn hold(&self, id: CashoutId) -> Result<PayoutView> {
        self.act(id, Action::Hold, None).await
    }

    /// ON_HOLD → PENDING.
    ///
    /// # Errors
    /// As [`Desk::hold`].
    pub async fn release(&self, id: CashoutId) -> Result<PayoutView> {
        self.act(id, Action::Release, None).await
    }

    /// PENDING or ON_HOLD → CANCELLED. The provider needs both ids; the external id comes from
    /// the journal when not given.
    ///
    /// # Errors
    /// As [`Desk::hold`], plus [`Error::InvalidInput`] when the external id is unknown.
    pub async fn cancel(&self, id: CashoutId, external_id: Option<&str>) -> Result<PayoutView> {
        self.act(id, Action::Cancel, external_id).await
    }

    async fn act(
        &self,
        id: CashoutId,
        action: Action,
        external_id: Option<&str>,
    ) -> Result<PayoutView> {
        let result = self.act_unaudited(id, action, external_id).await;
        let audit_action = match action {
            Action::Hold => AuditAction::Hold,
            Action::Release => AuditAction::Release,
            Action::Cancel => AuditAction::Cancel,
        };
        self.audit_result(audit_action, &result, Some(id.0), external_id, None)
            .await?;
        result
    }

    async fn act_unaudited(
        &self,
        id: CashoutId,
        action: Action,
        external_id: Option<&str>,
    ) -> Result<PayoutView> {
        let mut record_id = self.record_for(&CashoutRef::Id(id)).await?;
        // The journal's status may be stale; the provider's current one decides what is allowed.
        let traced = self.client.status_traced(&CashoutRef::Id(id)).await;
        self.keep_exchange(record_id, traced.exchange);
        let answer = traced.result.map_err(call_error)?;
        self.journal
            .record_status(record_id, &answer, "status")
            .await?;
        let status = CashoutStatus::from_code(answer.cashout_status).ok_or_else(|| {
            Error::MalformedAnswer(format!("unknown cashout_status {}", answer.cashout_status))
        })?;
        if !status.allows(action) {
            let why = format!("{} not allowed while {}", action.name(), status.name());
            self.journal
                .record_event(record_id, "refused", &why)
                .await?;
            return Err(Error::ActionNotAllowed { action, status });
        }
        let traced = match action {
            Action::Hold => self.client.update_traced(id, true).await,
            Action::Release => self.client.update_traced(id, false).await,
            Action::Cancel => {
                let known = self.journal.get(record_id)?.and_then(|r| r.external_id);
                let Some(ext) = external_id.map(str::to_owned).or(known.clone()) else {
                    return Err(Error::InvalidInput {
                        field: "external_id",
                        message: format!(
                            "cashout {id} is not in the journal with an external_id; give --external-id to cancel it"
                        ),
                    });
                };
                let r = self.client.cancel_traced(id, &ext).await;
                if r.result.is_ok() && known.is_none() {
                    // The provider accepted the pair, so they are one payout: join a record
                    // found earlier by external_id (e.g. after an unknown outcome) with this id.
                    record_id = self
                        .journal
                        .record_lookup(&self.scope(), &self.env().base_url, Some(id), Some(&ext))
                        .await?;
                }
                r
            }
        };
        self.keep_exchange(record_id, traced.exchange);
        match traced.result {
            Ok(answer) => {
                self.journal
                    .record_status(record_id, &answer, "action")
                    .await?;
                self.view(record_id)
            }
            Err(e) => {
                let why = format!("{}: {e}", action.name());
                self.journal
                    .record_event(record_id, "action_failed", &why)
                    .await?;
                Err(call_error(e))
            }
        }
    }

    /// The banks of a country from the provider's list.
    ///
    /// # Errors
    /// As [`Desk::check`].
    pub async fn banks(&self, country: &str) -> Result<Vec<Bank>> {
        self.client.banks(country).await.map_err(call_error)
    }

    /// Journal records of this environment, newest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn list(&self, mut filter: ListFilter) -> Result<Vec<PayoutView>> {
        filter.scope = Some(self.scope());
        Ok(self
            .journal
            .list(&filter)?
            .iter()
            .map(PayoutView::of)
            .collect())
    }

    /// A payout as the journal knows it, without asking the provider (shown at once, and when
    /// the provider cannot be reached).
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] when it is not in the journal.
    pub fn recorded(&self, which: &CashoutRef) -> Result<PayoutView> {
        Ok(PayoutView::of(&self.journal_record(which)?))
    }

    /// Every record of this environment matching `filter` (its limit and offset ignored),
    /// newest first, from one consistent snapshot of the journal; with their histories when
    /// asked.
    fn all_records(
        &self,
        mut filter: ListFilter,
        with_history: bool,
    ) -> Result<Vec<(PayoutRecord, Vec<HistoryEntry>)>> {
        filter.scope = Some(self.scope());
        self.journal.snapshot(&filter, with_history)
    }

    /// ON_HOLD payouts of this environment, oldest hold first, with the money they reserve per
    /// currency (as the journal last saw them).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn hold_board(&self) -> Result<HoldBoard> {
        let mut held: Vec<PayoutRecord> = self
            .all_records(
                ListFilter {
                    status: Some(CashoutStatus::OnHold),
                    ..ListFilter::default()
                },
                false,
            )?
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        held.sort_by(|a, b| a.status_since.cmp(&b.status_since).then(a.id.cmp(&b.id)));
        Ok(report::hold_board(&held, self.journal.now_instant()))
    }

    /// The reconciliation export of this environment's payouts matching `filter`, as CSV in
    /// `flavor`, written to the file at `path`; audited with the outcome of the write.
    /// Returns the number of payouts in it.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] (field `file`) when the file cannot be
    /// written.
    pub async fn export_to_file(
        &self,
        filter: ListFilter,
        flavor: CsvFlavor,
        path: &std::path::Path,
    ) -> Result<usize> {
        let to = path.display().to_string();
        self.audited_export(filter, flavor, &to, |csv| report::write_file(path, csv))
            .await
            .map(|(_, n)| n)
    }

    /// As [`Desk::export_to_file`], returning the text (for standard output).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn export_text(
        &self,
        filter: ListFilter,
        flavor: CsvFlavor,
    ) -> Result<(String, usize)> {
        self.audited_export(filter, flavor, "standard output", |_| Ok(()))
            .await
    }

    /// Builds the export from one snapshot, hands it to `write`, and audits what happened.
    async fn audited_export(
        &self,
        filter: ListFilter,
        flavor: CsvFlavor,
        to: &str,
        write: impl FnOnce(&str) -> Result<()>,
    ) -> Result<(String, usize)> {
        let result = self
            .all_records(filter.clone(), true)
            .map(|records| {
                let rows: Vec<Vec<String>> = records
                    .iter()
                    .map(|(r, history)| report::export_row(r, history))
                    .collect();
                (report::write_csv(&rows, flavor), rows.len())
            })
            .and_then(|(csv, n)| write(&csv).map(|()| (csv, n)));
        let mut detail = format!("to {to}");
        if let Some(s) = filter.status {
            detail.push_str(&format!("; status {}", s.name()));
        }
        if let Some(c) = &filter.country {
            detail.push_str(&format!("; country {c}"));
        }
        if let Some(t) = filter.text.as_deref().filter(|t| !t.is_empty()) {
            detail.push_str(&format!("; search {t:?}"));
        }
        let event = match &result {
            Ok((_, n)) => AuditEvent::new(&self.scope(), AuditAction::Export, "ok")
                .detail(format!("{n} payouts {detail}")),
            Err(e) => AuditEvent::new(&self.scope(), AuditAction::Export, e.code())
                .detail(format!("{detail}; {e}")),
        };
        self.journal.append_audit(event).await?;
        result
    }

    /// Keeps an exchange for the signing inspector. Best effort: failing to keep the display
    /// copy must not change what an operation reports about money.
    fn keep_exchange(&self, id: i64, exchange: Option<Exchange>) {
        if let Some(e) = exchange {
            self.journal.record_exchange_detached(id, e);
        }
    }

    /// The requests sent for a payout and the answers, for the signing inspector.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] when it is not in the journal.
    pub fn exchanges(&self, which: &CashoutRef) -> Result<Vec<ExchangeRecord>> {
        self.journal.exchanges(self.journal_record(which)?.id)
    }

    /// The payouts of this environment the watcher polls (see [`Journal::watchable`]).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn watchable(&self, completed_since: &str) -> Result<Vec<PayoutRecord>> {
        self.journal.watchable(&self.scope(), completed_since)
    }

    /// A journal record by its row id.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn record(&self, id: i64) -> Result<Option<PayoutRecord>> {
        self.journal.get(id)
    }

    /// The watcher's check of record `id`: asks the provider, records what it says (a history
    /// line only when something changed, nothing when a newer answer was recorded while this
    /// one was in flight), returns the record as it now stands; `None` when the record is gone
    /// or no longer this payout (stop watching it). Not audited: nobody did anything.
    ///
    /// # Errors
    /// As [`Desk::check`].
    pub async fn watch_check(&self, id: i64, which: &CashoutRef) -> Result<Option<PayoutRecord>> {
        let sent_at = format_instant(self.journal.now_instant());
        let answer = self.client.status(which).await.map_err(call_error)?;
        match self
            .journal
            .record_watched(id, which, &answer, sent_at)
            .await?
        {
            Watched::Gone => Ok(None),
            Watched::Recorded | Watched::Stale => self.journal.get(id),
        }
    }

    /// The environment scope this desk works in (what journal records and audit entries carry).
    #[must_use]
    pub fn environment_scope(&self) -> String {
        self.scope()
    }

    /// The journal this desk writes.
    #[must_use]
    pub fn journal(&self) -> &Arc<Journal> {
        &self.journal
    }

    /// A payout's history, for the state diagram.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] when it is not in the journal.
    pub fn history(&self, which: &CashoutRef) -> Result<Vec<HistoryEntry>> {
        self.journal.history(self.journal_record(which)?.id)
    }

    fn journal_record(&self, which: &CashoutRef) -> Result<PayoutRecord> {
        let (id, external_id) = ids_of(which);
        self.journal
            .find(&self.scope(), id, external_id)?
            .ok_or_else(|| Error::InvalidInput {
                field: "cashout_id",
                message: "this cashout is not in the journal".into(),
            })
    }
}

/// The status a new cashout starts in.
fn initial_status(request: &CreateCashout) -> CashoutStatus {
    if request.on_hold {
        CashoutStatus::OnHold
    } else {
        CashoutStatus::Pending
    }
}

/// The two optional ids a reference names.
fn ids_of(which: &CashoutRef) -> (Option<CashoutId>, Option<&str>) {
    match which {
        CashoutRef::Id(id) => (Some(*id), None),
        CashoutRef::ExternalId(x) => (None, Some(x.as_str())),
    }
}

fn call_error(e: CallError) -> Error {
    match e {
        CallError::Api {
            http_status,
            answer,
        } => Error::api(answer.code, http_status, answer.message),
        CallError::NotDelivered(d) => Error::Network(d),
        CallError::OutcomeUnknown {
            cause: UnknownCause::UnreadableAnswer,
            detail,
        } => Error::MalformedAnswer(detail),
        CallError::OutcomeUnknown { detail, .. } => Error::Network(detail),
    }
}

/// A fresh external id: `cd-` and 32 hex digits of a random UUID (fits the 100-char limit).
#[must_use]
pub fn new_external_id() -> String {
    format!("cd-{}", uuid::Uuid::new_v4().simple())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SystemClock;
    use crate::credentials::{Credentials, Secret};
    use crate::environment::EnvironmentKind;

    fn desk_in(kind: EnvironmentKind, dir: &std::path::Path) -> Desk {
        let env = Environment::resolve(kind, Some("api.example.com")).expect("environment");
        let credentials = Credentials {
            api_key: "live-key-9876".into(),
            passphrase: Secret::new("live-passphrase".into()),
            signature: Secret::new("live-signature".into()),
            read_only_key: None,
        };
        let client = Client::new(
            env,
            credentials,
            crate::api::client::ClientOptions::default(),
        )
        .expect("client");
        let journal =
            Journal::open(&dir.join("j.sqlite3"), Arc::new(SystemClock)).expect("journal");
        Desk::new(client, Arc::new(journal), RetryPolicy::default())
    }

    fn pix() -> CreateCashout {
        CreateCashout {
            external_id: "rev-1".into(),
            country: "BR".into(),
            currency: Some("BRL".into()),
            amount: Some("77.70".parse().expect("amount")),
            document_id: "390.533.447-05".into(),
            beneficiary_name: "Ana".into(),
            beneficiary_lastname: Some("Souza".into()),
            phone: Some("+5511987654321".into()),
            bank_code: Some("10000".into()),
            notification_url: "https://merchant.example/notify".into(),
            ..CreateCashout::default()
        }
    }

    #[test]
    fn a_production_review_asks_with_amount_beneficiary_and_environment_and_masks_credentials() {
        let dir = tempfile::tempdir().expect("tempdir");
        let review = desk_in(EnvironmentKind::D24Production, dir.path())
            .review_create(&pix(), false)
            .expect("valid");
        assert_eq!(
            review.confirmation.as_deref(),
            Some("Send 77.70 BRL to Ana Souza in D24-PRODUCTION? This moves real money.")
        );
        assert!(
            review
                .body
                .starts_with(r#"{"login":"…9876","pass":"********","external_id":"rev-1""#),
            "{}",
            review.body
        );
        assert!(
            review.body.contains(r#""document_id":"39053344705""#),
            "normalised"
        );
        for secret in ["live-key-9876", "live-passphrase", "live-signature"] {
            assert!(!review.body.contains(secret), "{}", review.body);
        }
        assert_eq!(review.request["amount"], "77.70");
    }

    #[test]
    fn a_staging_review_asks_nothing_and_an_invalid_one_is_refused_before_any_body() {
        let dir = tempfile::tempdir().expect("tempdir");
        let desk = desk_in(EnvironmentKind::D24Staging, dir.path());
        assert_eq!(
            desk.review_create(&pix(), false)
                .expect("valid")
                .confirmation,
            None
        );
        let bad = CreateCashout {
            document_id: "231.002.999-00".into(),
            ..pix()
        };
        assert!(matches!(
            desk.review_create(&bad, false),
            Err(Error::Validation(_))
        ));
    }
}

//! The create protocol (see the [`crate::desk`] module comment), and what settles a create
//! left open: reconcile (lookups by `external_id`, never a send), resend (the same
//! `external_id`) and abandon (the operator's audited choice).
//!
//! Guarantees:
//! - A create whose send may have reached the provider is never recorded `not_sent`: after an
//!   unknown outcome, a 511, or a resumed open intent, a lookup that does not find it leaves
//!   it `sent_not_found`, and a refusal or a refused connection on a later resend does not
//!   settle it either. `not_sent` means the request provably never left.
//! - An external_id the desk generated stays marked as generated (in the journal's memory of
//!   this process) through review, edit and resend: the duplicate guard cannot be walked
//!   around by sending the generated id back as if it had been typed. Paying the same again
//!   needs [`CreateOptions::pay_again_of`] naming the earlier payout, and is audited so.
//! - Review builds the body with the same code as the send; what it shows is what is sent.

use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use super::{
    ids_of, initial_status, new_external_id, Desk, PayoutView, ReconcileReport, DUPLICATE_WINDOW,
    RECONCILE_MIN_AGE,
};
use crate::api::client::CallError;
use crate::api::types::{CashoutRef, CreateCashout, StatusAnswer};
use crate::audit::{AuditAction, AuditEvent};
use crate::banks::{self, Method};
use crate::clock::{format_instant, parse_instant};
use crate::error::{Error, Result};
use crate::journal::{DuplicateGuard, IntentOutcome, PayoutRecord, Phase};
use crate::validate::{self, FieldError, ValidationContext};

/// What the operator chose besides the request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CreateOptions {
    /// Accept a failed national check digit (sandbox and staging only).
    pub override_check_digits: bool,
    /// The external_id of the earlier, identical payout that the duplicate guard named and
    /// that the operator explicitly wants to pay again.
    pub pay_again_of: Option<String>,
}

/// One line of the payout in words, as review shows it above the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReviewLine {
    pub label: String,
    pub value: String,
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
    /// The payout in words: beneficiary, document, bank or key, account, amount.
    pub summary: Vec<ReviewLine>,
    /// What the reference does not confirm about this payout, per field, to know before
    /// sending.
    pub warnings: Vec<FieldError>,
    /// The desk generated the external_id (the operator did not type it).
    pub external_id_generated: bool,
    /// Why the external_id on screen changed, when it did (a generated id already belongs to
    /// an earlier, different payout).
    pub id_note: Option<String>,
    /// In production, the question the operator must answer before the money moves.
    pub confirmation: Option<String>,
}

/// A create checked and not sent (see [`dry_run`]).
#[derive(Debug, Clone, Serialize)]
pub struct DryRun {
    pub request: CreateCashout,
    pub external_id_generated: bool,
    pub warnings: Vec<FieldError>,
    /// What a dry run does not check: it reads and writes nothing.
    pub not_checked: &'static str,
}

/// What `cashout create --dry-run` prints: the request as it would be sent in an environment
/// of `kind`, whether its external_id was generated, and the warnings. It opens no journal and
/// starts no sandbox (it writes nothing). Not the shape of a create file, on purpose: piped
/// back into `create`, a generated id would pass for a typed one.
///
/// # Errors
/// [`Error::Validation`] with every field problem.
pub fn dry_run(
    kind: crate::environment::EnvironmentKind,
    request: &CreateCashout,
    override_check_digits: bool,
) -> Result<DryRun> {
    let checked = validate::check_create_full(
        request,
        &ValidationContext {
            environment: kind,
            override_check_digits,
        },
    )
    .map_err(Error::Validation)?;
    let mut request = checked.request;
    let generated = request.external_id.is_empty();
    if generated {
        request.external_id = new_external_id();
    }
    Ok(DryRun {
        request,
        external_id_generated: generated,
        warnings: checked.warnings,
        not_checked: "the duplicate guard and the provider's own checks, which run when it is sent",
    })
}

/// What a lookup by external_id found.
enum Lookup {
    Found(Box<StatusAnswer>),
    NotFound,
    Unknown(String),
}

/// The first waits between lookups of a create that was not found; then hourly.
fn lookup_backoff(lookups: i64) -> Duration {
    let minutes = 1u64 << lookups.clamp(0, 6);
    Duration::from_secs(60 * minutes.min(60))
}

impl Desk {
    fn validation(&self, override_check_digits: bool) -> ValidationContext {
        ValidationContext {
            environment: self.env().kind,
            override_check_digits,
        }
    }

    /// Validates a create without writing or sending anything; returns the normalised request
    /// exactly as it would be sent, with a generated `external_id` when none was given (noted
    /// as generated, see the module comment).
    ///
    /// # Errors
    /// [`Error::Validation`] with every field problem.
    pub fn prepare_create(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
    ) -> Result<CreateCashout> {
        self.checked(request, override_check_digits).map(|(r, _)| r)
    }

    /// As [`Desk::prepare_create`], with the warnings.
    fn checked(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
    ) -> Result<(CreateCashout, Vec<FieldError>)> {
        let checked = validate::check_create_full(request, &self.validation(override_check_digits))
            .map_err(Error::Validation)?;
        let mut request = checked.request;
        if request.external_id.is_empty() {
            request.external_id = new_external_id();
            self.journal.note_generated(&request.external_id);
        }
        Ok((request, checked.warnings))
    }

    /// Whether the desk generated this request's external_id (or will: it is empty).
    fn id_generated(&self, request: &CreateCashout) -> bool {
        let id = request.external_id.trim();
        id.is_empty() || self.journal.was_generated(id)
    }

    /// What the operator reviews before a create is sent: [`Desk::prepare_create`]'s request,
    /// the payout in words, the body the client will send for it (credentials masked), the
    /// warnings, and in production the question to confirm. Nothing is written or sent.
    ///
    /// A generated external_id that an earlier, settled payout with other contents already
    /// holds (the form kept it after a decline, and the operator corrected the payout) is
    /// replaced by a new one, and `id_note` says why: the operator never chose that id. If
    /// the earlier payout may exist and is not settled, nothing is replaced: a corrected copy
    /// under a new id could pay twice, so the operator settles the earlier one first.
    ///
    /// # Errors
    /// As [`Desk::prepare_create`]; [`Error::UnsettledExternalId`] as just said;
    /// [`Error::MissingCredentials`] and the like when the client cannot be built.
    pub fn review_create(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
    ) -> Result<CreateReview> {
        let generated = self.id_generated(request);
        let (mut checked, warnings) = self.checked(request, override_check_digits)?;
        let mut id_note = None;
        if generated {
            if let Some(earlier) = self
                .journal
                .find(&self.scope(), None, Some(&checked.external_id))?
                .filter(|r| r.request.as_ref() != Some(&checked))
            {
                if earlier.phase.may_exist_unconfirmed() || earlier.phase == Phase::Abandoned {
                    return Err(Error::UnsettledExternalId(checked.external_id.clone()));
                }
                let old = std::mem::replace(&mut checked.external_id, new_external_id());
                self.journal.note_generated(&checked.external_id);
                id_note = Some(format!(
                    "External id {old} was generated for an earlier payout ({}), which is not \
                     this one; this payout gets the new id {}.",
                    describe_record(&earlier),
                    checked.external_id
                ));
            }
        }
        let kind = self.env().kind;
        let confirmation = kind.is_production().then(|| {
            format!(
                "Send {} {} to {} in {}? This moves real money.",
                checked.amount.map(|a| a.to_string()).unwrap_or_default(),
                checked.currency.as_deref().unwrap_or_default(),
                beneficiary(&checked),
                kind.name().to_uppercase()
            )
        });
        Ok(CreateReview {
            body: self.client()?.create_body_masked(&checked),
            summary: summary(&checked, &self.scope()),
            request: checked.ipc_json(),
            warnings,
            external_id_generated: generated,
            id_note,
            confirmation,
        })
    }

    /// Reviews a create as a form sent it (JSON, see [`crate::api::parse`]): what could not be
    /// read and what the rules refuse in the rest come back together, each at its field, so
    /// the operator sees every problem at once.
    ///
    /// # Errors
    /// As [`Desk::review_create`].
    pub fn review_json(
        &self,
        value: &serde_json::Value,
        override_check_digits: bool,
    ) -> Result<CreateReview> {
        let (request, mut errors) = crate::api::parse::parse_create_value_partial(value);
        if errors.is_empty() {
            return self.review_create(&request, override_check_digits);
        }
        if errors
            .iter()
            .all(|e| e.field != crate::api::parse::WHOLE_REQUEST)
        {
            let rules = validate::check_create(&request, &self.validation(override_check_digits))
                .err()
                .unwrap_or_default();
            let unread: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
            errors.extend(rules.into_iter().filter(|e| !unread.contains(&e.field)));
        }
        Err(Error::Validation(errors))
    }

    /// Creates a cashout, exactly once per `external_id` and contents. See the module comment.
    ///
    /// # Errors
    /// [`Error::Validation`] (nothing written or sent), [`Error::PossibleDuplicate`] (nothing
    /// written or sent), [`Error::ExternalIdConflict`], [`Error::Api`] (declined, recorded),
    /// [`Error::NotSent`] (provably never left, recorded), [`Error::OutcomeUnknown`] (recorded,
    /// looked up again later), [`Error::Journal`] (nothing sent).
    pub async fn create(
        &self,
        request: &CreateCashout,
        options: &CreateOptions,
    ) -> Result<PayoutView> {
        let generated = self.id_generated(request);
        let request = self.prepare_create(request, options.override_check_digits)?;
        // The client (and its credentials) first: a create that cannot be sent is refused
        // before its intent is written, so it never looks like one that may have left.
        self.client()?;
        let mut detail = format!(
            "{} {} to {}",
            request.amount.map(|a| a.to_string()).unwrap_or_default(),
            request.currency.as_deref().unwrap_or_default(),
            request.beneficiary_name
        );
        if let Some(earlier) = options.pay_again_of.as_deref() {
            self.check_pay_again(&request, generated, earlier)?;
            detail.push_str(&format!(
                "; paid again on purpose: same contents as external_id {earlier}"
            ));
        }
        let guard = generated.then(|| DuplicateGuard {
            since: format_instant(self.journal.now_instant() - DUPLICATE_WINDOW),
            pay_again_of: options.pay_again_of.clone(),
        });
        self.create_audited(AuditAction::Create, &request, guard, detail)
            .await
    }

    /// "Pay again on purpose" names the earlier payout the duplicate guard found: it must be
    /// one of this environment that pays the same money to the same account, and this create
    /// must be one whose id the desk generates (a typed id is the operator's choice already).
    fn check_pay_again(
        &self,
        request: &CreateCashout,
        generated: bool,
        earlier: &str,
    ) -> Result<()> {
        let refuse = |message: String| Error::InvalidInput {
            field: "pay_again_of",
            message,
        };
        if !generated {
            return Err(refuse(format!(
                "paying again on purpose is for a payout whose external_id the desk generates; \
                 this one has its own ({}), so no duplicate check stands in its way",
                request.external_id
            )));
        }
        let Some(record) = self.journal.find(&self.scope(), None, Some(earlier))? else {
            return Err(refuse(format!(
                "no payout of this environment has the external_id {earlier}"
            )));
        };
        let same = record.request.as_ref().is_some_and(|r| {
            crate::journal::content_hash(r) == crate::journal::content_hash(request)
        });
        if !same {
            return Err(refuse(format!(
                "the payout {earlier} does not pay the same amount to the same account; it \
                 cannot be paid again as this one"
            )));
        }
        Ok(())
    }

    /// Drives `request` (checked) and audits the outcome: the usual success in the same
    /// transaction that records the cashout id, anything else after.
    async fn create_audited(
        &self,
        action: AuditAction,
        request: &CreateCashout,
        guard: Option<DuplicateGuard>,
        detail: String,
    ) -> Result<PayoutView> {
        let audit = AuditEvent::new(&self.scope(), action, "ok")
            .about(None, Some(&request.external_id))
            .detail(format!("{detail}; now {}", initial_status(request).name()));
        let (result, audited) = match self.create_prepared(request, guard, audit).await {
            Ok((view, audited)) => (Ok(view), audited),
            Err(e) => (Err(e), false),
        };
        if !audited {
            self.audit_result(
                action,
                &result,
                None,
                Some(&request.external_id),
                Some(detail),
            )
            .await?;
        }
        result
    }

    /// Returns the view and whether its audit entry was already written.
    async fn create_prepared(
        &self,
        request: &CreateCashout,
        guard: Option<DuplicateGuard>,
        audit: AuditEvent,
    ) -> Result<(PayoutView, bool)> {
        let scope = self.scope();
        // Two calls for one intent (a double click) take turns: the second sees the first's result.
        let _turn = self.journal.lock_intent(&scope, &request.external_id).await;
        match self
            .journal
            .record_intent(&scope, &self.env().base_url, request, guard)
            .await?
        {
            IntentOutcome::New(id) => self.drive_create(id, request, None, audit).await,
            IntentOutcome::PossibleDuplicate(earlier) => Err(Error::PossibleDuplicate(
                earlier.external_id.clone().unwrap_or_default(),
                describe_record(&earlier),
            )),
            IntentOutcome::Conflict(_) => {
                Err(Error::ExternalIdConflict(request.external_id.clone()))
            }
            IntentOutcome::Same(record) => match record.phase {
                // Already settled: answering again is the idempotent result.
                Phase::Created => Ok((PayoutView::of(&record), false)),
                // The id belongs to a cashout this journal never sent: never adopt it.
                Phase::Declined if record.api_code == Some(511) => Err(Error::api(
                    511,
                    412,
                    "External ID already used by a cashout this journal did not create".into(),
                )),
                // Open, declined, never sent or abandoned: find out before sending anything.
                phase => {
                    self.drive_create(record.id, request, Some(phase), audit)
                        .await
                }
            },
        }
    }

    /// Sends the create of intent `id` until it is settled. `resumed` is the phase the intent
    /// was in when this call found it (`None`: written by this call), so that an earlier send
    /// of ours that may have landed is looked for before anything is sent.
    async fn drive_create(
        &self,
        id: i64,
        request: &CreateCashout,
        resumed: Option<Phase>,
        audit: AuditEvent,
    ) -> Result<(PayoutView, bool)> {
        let external_id = request.external_id.clone();
        let unknown = |detail: String| Error::OutcomeUnknown {
            external_id: external_id.clone(),
            detail,
        };
        // A send of this intent may have reached the provider: from here on, no answer can
        // make it "not sent", and only a lookup can settle it.
        let mut may_have_landed =
            resumed.is_some_and(|p| p.may_exist_unconfirmed() || p == Phase::Abandoned);
        let mut lookup_first = resumed.is_some();
        let mut last_unknown = String::from("no answer yet");
        // Sends of this intent this call noted (see the 511 below).
        let mut sends_noted = 0;
        // After a send that may have landed, a journal write that fails must not be reported
        // as "nothing sent": the outcome is unknown, and the record stays open to be looked up.
        let after_send = |e: Error| match e {
            Error::Journal(detail) => Error::OutcomeUnknown {
                external_id: external_id.clone(),
                detail: format!(
                    "the create may have been received, but the journal failed: {detail}"
                ),
            },
            other => other,
        };
        for attempt in 0..self.retry.max_sends.max(1) as usize {
            if lookup_first {
                match self.lookup_external_id(&external_id).await {
                    // Nothing this journal sent can have made it (never sent, or refused): the
                    // cashout holding this external_id is someone else's (the journal keeps
                    // it as such).
                    Lookup::Found(answer) if !may_have_landed => {
                        self.journal.record_status(id, &answer, "found").await?;
                        return Err(Error::api(
                            511,
                            412,
                            "External ID already used by a cashout this journal did not create"
                                .into(),
                        ));
                    }
                    Lookup::Found(answer) => {
                        self.journal
                            .record_status(id, &answer, "found")
                            .await
                            .map_err(after_send)?;
                        return Ok((self.view(id)?, false));
                    }
                    Lookup::NotFound => {}
                    Lookup::Unknown(detail) if !may_have_landed => {
                        // Nothing was sent by this call: the record stays as it was.
                        return Err(Error::Network(format!(
                            "the payout could not be looked up before sending it again \
                             ({detail}); nothing was sent"
                        )));
                    }
                    Lookup::Unknown(detail) => {
                        self.journal
                            .record_phase(id, Phase::Unknown, &format!("lookup failed: {detail}"))
                            .await
                            .map_err(after_send)?;
                        return Err(unknown(detail));
                    }
                }
            }
            if attempt > 0 || resumed.is_some() {
                // On disk before the send: a record that said "no cashout" is open again.
                self.journal.record_sending(id).await.map_err(after_send)?;
                sends_noted += 1;
            }
            let traced = self.client()?.create_traced(request).await;
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
                        Err(e) => Err(unknown(format!(
                            "the provider accepted it as cashout {cashout_id}, but the journal could not record that ({e})"
                        ))),
                    };
                }
                Err(CallError::Api {
                    http_status,
                    answer,
                }) if answer.code == 511 => {
                    // Another run of this journal sending the same intent at the same time (the
                    // same create started twice) noted its send before sending it: the cashout
                    // holding the id is then ours, found by the lookup.
                    let sent_elsewhere = self
                        .journal
                        .get(id)?
                        .is_some_and(|r| r.attempts > sends_noted || r.phase == Phase::Created);
                    if !may_have_landed && !sent_elsewhere {
                        // No send of ours can have made it (this is the first that may have
                        // reached the provider): the id belongs to a cashout we did not make.
                        // Adopting it would report someone else's payout as ours; but it may
                        // be this very payout, sent from another desk: say so.
                        let message = format!(
                            "{} — the provider already holds a cashout with external_id {}, \
                             not sent by this journal; it may be this same payout sent from \
                             another desk or tool: check it before paying again",
                            answer.message, external_id
                        );
                        self.journal
                            .record_declined(id, answer.code, &message)
                            .await?;
                        return Err(Error::api(answer.code, http_status, message));
                    }
                    // Our own earlier attempt may have landed: the lookup decides.
                    may_have_landed = true;
                    self.journal
                        .record_event(
                            id,
                            "duplicate",
                            "provider says external_id already used (511); looking it up",
                        )
                        .await
                        .map_err(after_send)?;
                    last_unknown = "the provider says this external_id is already used".into();
                    lookup_first = true;
                    tokio::time::sleep(self.retry.wait(attempt)).await;
                }
                Err(CallError::Api {
                    http_status,
                    answer,
                }) => {
                    if may_have_landed {
                        // This send was refused, but an earlier one may have landed: a refusal
                        // of the copy proves nothing about the original.
                        let detail = format!(
                            "a resend was refused (code {}: {}); an earlier send may have \
                             landed and is looked up again",
                            answer.code, answer.message
                        );
                        self.journal
                            .record_phase(id, Phase::SentNotFound, &detail)
                            .await
                            .map_err(after_send)?;
                        return Err(unknown(detail));
                    }
                    self.journal
                        .record_declined(id, answer.code, &answer.message)
                        .await?;
                    return Err(on_form(
                        Error::api(answer.code, http_status, answer.message),
                        request,
                    ));
                }
                Err(CallError::NotDelivered(detail)) if !may_have_landed => {
                    self.journal
                        .record_phase(id, Phase::NotSent, &format!("not delivered: {detail}"))
                        .await?;
                    return Err(Error::NotSent {
                        external_id,
                        detail,
                    });
                }
                Err(CallError::NotDelivered(detail)) => {
                    // This copy never left; an earlier one may have, and the lookup just
                    // before it did not find it.
                    let detail = format!(
                        "a resend could not be delivered ({detail}); an earlier send may have \
                         landed and is looked up again"
                    );
                    self.journal
                        .record_phase(id, Phase::SentNotFound, &detail)
                        .await
                        .map_err(after_send)?;
                    return Err(unknown(detail));
                }
                Err(CallError::MissingReadOnlyKey) => {
                    // Not a create's need; kept apart so that no variant is ever guessed.
                    return Err(unknown("the client asked for the read-only key".into()));
                }
                Err(CallError::OutcomeUnknown { detail, .. }) => {
                    may_have_landed = true;
                    self.journal
                        .record_phase(id, Phase::Unknown, &detail)
                        .await
                        .map_err(after_send)?;
                    last_unknown = detail;
                    lookup_first = true;
                    tokio::time::sleep(self.retry.wait(attempt)).await;
                }
            }
        }
        // Out of sends: one last look, so a create that landed is not left open.
        match self.lookup_external_id(&external_id).await {
            Lookup::Found(answer) => {
                self.journal
                    .record_status(id, &answer, "found")
                    .await
                    .map_err(after_send)?;
                Ok((self.view(id)?, false))
            }
            Lookup::NotFound => {
                let detail = format!(
                    "not found by its external_id after: {last_unknown}; the provider may \
                     still be catching up, so it is looked up again"
                );
                self.journal
                    .record_phase(id, Phase::SentNotFound, &detail)
                    .await
                    .map_err(after_send)?;
                Err(unknown(last_unknown))
            }
            Lookup::Unknown(detail) => Err(unknown(detail)),
        }
    }

    async fn lookup_external_id(&self, external_id: &str) -> Lookup {
        let client = match self.client() {
            Ok(c) => c,
            Err(e) => return Lookup::Unknown(e.to_string()),
        };
        match client
            .status(&CashoutRef::ExternalId(external_id.to_owned()))
            .await
        {
            Ok(answer) => Lookup::Found(Box::new(answer)),
            Err(CallError::Api { answer, .. }) if answer.code == 509 => Lookup::NotFound,
            Err(e) => Lookup::Unknown(e.to_string()),
        }
    }

    /// Looks up, by `external_id`, every create of this environment that may exist unconfirmed
    /// and was untouched for [`RECONCILE_MIN_AGE`]; ones not found before are looked up again
    /// only when their back-off allows, and only within the open-create window (24 h by
    /// default). Sends nothing. What the watcher and every CLI command run.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn reconcile(&self) -> Result<ReconcileReport> {
        self.reconcile_open(false).await
    }

    /// As [`Desk::reconcile`], looking up every open create now, whatever its back-off and
    /// age, even one sent moments ago (`cashout reconcile`, asked for by an operator: a lookup
    /// sends nothing, and whatever it finds, a create still in flight elsewhere records its own
    /// answer after it).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn reconcile_all(&self) -> Result<ReconcileReport> {
        self.reconcile_open(true).await
    }

    async fn reconcile_open(&self, everything: bool) -> Result<ReconcileReport> {
        let mut report = ReconcileReport::default();
        let now = self.journal.now_instant();
        let before = if everything {
            format_instant(now)
        } else {
            format_instant(now - RECONCILE_MIN_AGE)
        };
        let open = self.journal.unresolved(&self.scope(), &before)?;
        if !open.is_empty() {
            // Without a client nothing can be looked up: say so once, not once per payout.
            self.client()?;
        }
        for record in open {
            let Some(external_id) = record.external_id.clone() else {
                continue;
            };
            // The window and the back-off run from the last send (a resend starts them again).
            let created = record
                .last_sent_at
                .as_deref()
                .or(Some(&record.created_at))
                .and_then(parse_instant)
                .unwrap_or(now);
            if !everything && record.phase == Phase::SentNotFound {
                if now - created > self.open_window {
                    report.awaiting_operator += 1;
                    continue;
                }
                let checked = record
                    .checked_at
                    .as_deref()
                    .and_then(parse_instant)
                    .unwrap_or(created);
                if now - checked < lookup_backoff(record.lookups - 1) {
                    continue;
                }
            }
            report.checked += 1;
            match self.lookup_external_id(&external_id).await {
                Lookup::Found(answer) => {
                    match self
                        .journal
                        .record_status(record.id, &answer, "found")
                        .await
                    {
                        Ok(_) => report.found += 1,
                        Err(e @ Error::Journal(_)) => return Err(e),
                        Err(e) => {
                            self.journal
                                .record_event(record.id, "reconcile_failed", &e.to_string())
                                .await?;
                            report.still_unknown += 1;
                        }
                    }
                }
                Lookup::NotFound => {
                    let detail = format!(
                        "not found by its external_id (lookup {}); the provider may still be \
                         catching up",
                        record.lookups + 1
                    );
                    self.journal
                        .record_phase(record.id, Phase::SentNotFound, &detail)
                        .await?;
                    report.not_found_yet += 1;
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

    /// A payout created by this desk whose create is not settled, for resend and abandon.
    fn open_create(&self, which: &CashoutRef) -> Result<(PayoutRecord, CreateCashout)> {
        let (id, external_id) = ids_of(which);
        let field = if id.is_some() {
            "cashout_id"
        } else {
            "external_id"
        };
        let record = self
            .journal
            .find(&self.scope(), id, external_id)?
            .ok_or_else(|| Error::InvalidInput {
                field,
                message: "this payout is not in the journal of this environment".into(),
            })?;
        let request = record.request.clone().ok_or_else(|| Error::InvalidInput {
            field,
            message: "this payout was not created by this desk, so there is nothing to resend"
                .into(),
        })?;
        Ok((record, request))
    }

    /// Sends an unsettled create again, with **the same** `external_id` and contents: it is
    /// looked up first, and if an earlier send reached the provider, the provider refuses the
    /// copy (511) and the lookup settles it. Audited as a resend.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the payout is not a create of this desk or is settled
    /// already; then as [`Desk::create`].
    pub async fn resend(&self, which: &CashoutRef) -> Result<PayoutView> {
        let (record, request) = self.open_create(which)?;
        self.client()?;
        if record.phase == Phase::Created {
            return Ok(PayoutView::of(&record));
        }
        let detail = format!(
            "{} {} to {}; resent with the same external_id (was {})",
            request.amount.map(|a| a.to_string()).unwrap_or_default(),
            request.currency.as_deref().unwrap_or_default(),
            request.beneficiary_name,
            record.phase.as_str()
        );
        self.create_audited(AuditAction::Resend, &request, None, detail)
            .await
    }

    /// Stops checking an unsettled create, on the operator's explicit word, knowing what it
    /// risks ([`ABANDON_RISK`]); audited with the operator's reason. A lookup that later finds
    /// it still records it as created.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (field `reason`) without a reason, or when the create is
    /// settled (nothing to abandon).
    pub async fn abandon(&self, which: &CashoutRef, reason: &str) -> Result<PayoutView> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::InvalidInput {
                field: "reason",
                message: "say why the payout is abandoned; the reason goes to the audit log".into(),
            });
        }
        let (record, _) = self.open_create(which)?;
        // Not while a create call of this process is driving it.
        let _turn = self
            .journal
            .lock_intent(
                &self.scope(),
                record.external_id.as_deref().unwrap_or_default(),
            )
            .await;
        let was = record.phase;
        let detail = format!("abandoned by the operator (was {}): {reason}", was.as_str());
        let audit = AuditEvent::new(&self.scope(), AuditAction::Abandon, "ok")
            .about(record.cashout_id, record.external_id.as_deref())
            .detail(format!("{detail}. {ABANDON_RISK}"));
        match self
            .journal
            .record_abandoned(record.id, &detail, audit)
            .await?
        {
            Some(r) => Ok(PayoutView::of(&r)),
            None => Err(Error::InvalidInput {
                field: "external_id",
                message: format!(
                    "this payout is {}, not an open create; there is nothing to abandon",
                    self.journal
                        .get(record.id)?
                        .map_or("gone", |r| r.phase.as_str())
                ),
            }),
        }
    }

    /// Looks up the one payout the duplicate guard named, for the operator deciding whether
    /// to pay again.
    ///
    /// # Errors
    /// As [`Desk::recorded`].
    pub fn earlier_payout(&self, external_id: &str) -> Result<PayoutView> {
        self.recorded(&CashoutRef::ExternalId(external_id.to_owned()))
    }
}

/// A refusal's field as the form of this payout's method names it (see
/// [`crate::form::form_field`]).
fn on_form(mut e: Error, request: &CreateCashout) -> Error {
    if let Error::Api { field: Some(f), .. } = &mut e {
        if let Some(spec) =
            crate::form::form_field(&request.country, request.bank_code.as_deref(), f)
        {
            *f = spec.name;
        }
    }
    e
}

/// What abandoning an open create risks, said to the operator before and written to the audit
/// log after.
pub const ABANDON_RISK: &str = "Abandoning stops the desk from checking this payout. If the \
provider did receive it, it may still be paid; a new payout for the same beneficiary could \
then pay twice. Resending it with the same external_id is always safe instead.";

fn beneficiary(r: &CreateCashout) -> String {
    [
        Some(r.beneficiary_name.as_str()),
        r.beneficiary_lastname.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|n| !n.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

/// A record in a few words, for messages: its status or phase and its cashout id.
fn describe_record(r: &PayoutRecord) -> String {
    let state = r
        .status
        .map_or_else(|| r.phase.as_str().to_owned(), |s| s.name().to_owned());
    match (r.cashout_id, r.api_code) {
        (Some(id), _) => format!("cashout {id}, {state}"),
        (None, Some(code)) => format!("{state}, code {code}"),
        (None, None) => state,
    }
}

/// The payout in words, for review: who is paid, how, where, and how much.
fn summary(r: &CreateCashout, environment: &str) -> Vec<ReviewLine> {
    let line = |label: &str, value: String| ReviewLine {
        label: label.to_owned(),
        value,
    };
    let mut lines = vec![line("Beneficiary", beneficiary(r))];
    let document = match r.document_type.as_deref() {
        Some(t) if !t.is_empty() => format!("{t} {}", r.document_id),
        _ => r.document_id.clone(),
    };
    lines.push(line("Document", document));
    let known = r
        .bank_code
        .as_deref()
        .and_then(|code| banks::find(&r.country, code));
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    match known.map(|b| b.method) {
        Some(Method::PixPhone) => lines.push(line("PIX key (phone)", opt(&r.phone))),
        Some(Method::PixEmail) => lines.push(line("PIX key (e-mail)", opt(&r.email))),
        Some(Method::PixDocument) => {
            lines.push(line("PIX key (document)", r.document_id.clone()));
        }
        Some(Method::PixRandom) => lines.push(line("PIX key (random)", opt(&r.bank_account))),
        Some(
            Method::WalletAccountIsPhone
            | Method::WalletByPhone
            | Method::WalletByPhoneAndEmail
            | Method::WalletByEmail,
        ) => {
            let name = known.map_or("", |b| b.name);
            lines.push(line("Wallet", name.to_owned()));
            for (label, v) in [
                ("Account", &r.bank_account),
                ("Phone", &r.phone),
                ("E-mail", &r.email),
            ] {
                if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                    lines.push(line(label, v.to_owned()));
                }
            }
        }
        Some(Method::BankTransfer) | None => {
            let bank = match (r.bank_code.as_deref(), known) {
                (Some(code), Some(b)) => format!("{code} — {}", b.name),
                (Some(code), None) => code.to_owned(),
                (None, _) => "from the account number".to_owned(),
            };
            lines.push(line("Bank", bank));
            let mut account = opt(&r.bank_account);
            if let Some(branch) = r.bank_branch.as_deref().filter(|b| !b.is_empty()) {
                account.push_str(&format!(", branch {branch}"));
            }
            if let Some(t) = r.account_type.as_deref().filter(|t| !t.is_empty()) {
                let kind = match t {
                    "C" => "checking",
                    "S" => "savings",
                    "V" => "vista",
                    "M" => "master",
                    other => other,
                };
                account.push_str(&format!(", {kind} ({t})"));
            }
            lines.push(line("Account", account));
        }
    }
    lines.push(line(
        "Amount",
        format!(
            "{} {}",
            r.amount.map(|a| a.to_string()).unwrap_or_default(),
            r.currency.as_deref().unwrap_or_default()
        ),
    ));
    if r.on_hold {
        lines.push(line("Created", "on hold (released by hand)".into()));
    }
    lines.push(line("External id", r.external_id.clone()));
    lines.push(line("Environment", environment.to_owned()));
    lines
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::api::client::{Client, ClientOptions};
    use crate::clock::SystemClock;
    use crate::credentials::{Credentials, Secret};
    use crate::desk::RetryPolicy;
    use crate::environment::{Environment, EnvironmentKind};
    use crate::journal::Journal;

    fn desk_in(kind: EnvironmentKind, dir: &std::path::Path) -> Desk {
        let env = Environment::resolve(kind, Some("api.example.com")).expect("environment");
        let credentials = Credentials {
            api_key: "live-key-9876".into(),
            passphrase: Secret::new("live-passphrase".into()),
            signature: Secret::new("live-signature".into()),
            read_only_key: None,
        };
        let client = Client::new(env, credentials, ClientOptions::default()).expect("client");
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
        assert!(!review.external_id_generated);
    }

    #[test]
    fn a_review_says_the_payout_in_words_above_the_body() {
        let dir = tempfile::tempdir().expect("tempdir");
        let review = desk_in(EnvironmentKind::D24Staging, dir.path())
            .review_create(&pix(), false)
            .expect("valid");
        let words: Vec<(&str, &str)> = review
            .summary
            .iter()
            .map(|l| (l.label.as_str(), l.value.as_str()))
            .collect();
        assert!(words.contains(&("Beneficiary", "Ana Souza")), "{words:?}");
        assert!(
            words.contains(&("PIX key (phone)", "+5511987654321")),
            "{words:?}"
        );
        assert!(words.contains(&("Amount", "77.70 BRL")), "{words:?}");
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

    #[test]
    fn an_id_generated_on_review_stays_generated_when_it_comes_back_typed_in() {
        let dir = tempfile::tempdir().expect("tempdir");
        let desk = desk_in(EnvironmentKind::D24Staging, dir.path());
        let first = desk
            .review_create(
                &CreateCashout {
                    external_id: String::new(),
                    ..pix()
                },
                false,
            )
            .expect("valid");
        assert!(first.external_id_generated);
        let id = first.request["external_id"]
            .as_str()
            .expect("id")
            .to_owned();
        // The form now shows the id; reviewed again, it is still the desk's.
        let again = desk
            .review_create(
                &CreateCashout {
                    external_id: id.clone(),
                    ..pix()
                },
                false,
            )
            .expect("valid");
        assert!(again.external_id_generated);
        assert_eq!(again.request["external_id"], id.as_str());
        // Typed by the operator: not generated.
        let typed = desk.review_create(&pix(), false).expect("valid");
        assert!(!typed.external_id_generated);
    }

    #[test]
    fn the_lookup_backoff_grows_to_an_hour() {
        assert_eq!(lookup_backoff(0), Duration::from_secs(60));
        assert_eq!(lookup_backoff(3), Duration::from_secs(8 * 60));
        assert_eq!(lookup_backoff(40), Duration::from_secs(3600));
        assert_eq!(lookup_backoff(-1), Duration::from_secs(60));
    }
}

//! The create protocol (see the [`crate::desk`] module comment): validation, the duplicate
//! guard, the intent written before the send, and the lookup by `external_id` that settles an
//! unknown outcome. What settles a create left open later is in `settle`; what the operator
//! reviews before sending is in `review`.
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

use super::records::describe_record;
use super::{initial_status, new_external_id, Desk, PayoutView, DUPLICATE_WINDOW};
use crate::api::client::CallError;
use crate::api::types::{CashoutRef, CreateCashout, StatusAnswer};
use crate::audit::{AuditAction, AuditEvent};
use crate::clock::format_instant;
use crate::codes;
use crate::environment::EnvironmentKind;
use crate::error::{Error, Result};
use crate::journal::{Claimed, DuplicateGuard, IntentOutcome, PayoutRecord, Phase, SendClaim};
use crate::l10n::dates::moment_shown;
use crate::l10n::messages::{tr, Arg};
use crate::validate::{self, FieldError, ValidationContext};

/// What the operator chose besides the request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CreateOptions {
    /// Accept a failed national check digit (sandbox and staging only).
    pub override_check_digits: bool,
    /// The external_id of the earlier, identical payout that the duplicate guard named and
    /// that the operator explicitly wants to pay again.
    pub pay_again_of: Option<String>,
    /// The external_id of an earlier payout of this environment that moved no money (REJECTED,
    /// or declined by the provider) which this one corrects ("pay again with corrected
    /// details"): the two are linked in both histories and the audit entry.
    pub corrects: Option<String>,
}

/// What a lookup by external_id found.
pub(super) enum Lookup {
    Found(Box<StatusAnswer>),
    NotFound,
    Unknown(String),
}

impl Desk {
    pub(super) fn validation(&self, override_check_digits: bool) -> ValidationContext {
        validation(self.env().kind, override_check_digits)
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
    pub(super) fn checked(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
    ) -> Result<(CreateCashout, Vec<FieldError>)> {
        let (mut request, mut warnings, generated) =
            check_and_fill(self.env().kind, request, override_check_digits)?;
        // A payout the team's policy says needs approval is sent on hold (the database refuses
        // it otherwise); the warning tells the operator before they send.
        self.hold_if_approval_needed(&mut request, &mut warnings)?;
        if generated {
            self.journal.note_generated(&request.external_id);
        }
        Ok((request, warnings))
    }

    /// Whether the desk generated this request's external_id (or will: it is empty).
    pub(super) fn id_generated(&self, request: &CreateCashout) -> bool {
        let id = request.external_id.trim();
        id.is_empty() || self.journal.was_generated(id)
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
        let mut detail = format!("{} to {}", request.amount_text(), request.beneficiary());
        if let Some(earlier) = options.pay_again_of.as_deref() {
            self.check_pay_again(&request, generated, earlier)?;
            detail.push_str(&format!(
                "; paid again on purpose: same contents as external_id {earlier}"
            ));
        }
        let corrected = match options.corrects.as_deref() {
            Some(earlier) => {
                let record = self.check_corrects(&request, earlier)?;
                // An external_id another payout holds is refused before anything is claimed
                // (the create would refuse it, and the claim would stay with that payout).
                if let Some(other) =
                    self.journal
                        .find(&self.scope(), None, Some(&request.external_id))?
                {
                    let same = other.request.as_ref().is_some_and(|sent| {
                        crate::journal::content_hash(sent) == crate::journal::content_hash(&request)
                    });
                    if !same {
                        return Err(Error::ExternalIdConflict(request.external_id.clone()));
                    }
                }
                // Write-ahead, before anything is sent: this payout corrects that one, and no
                // other may (the store's unique key decides between desks).
                if let Some(holder) = self
                    .journal
                    .claim_correction(&self.scope(), earlier, &request.external_id)
                    .await?
                {
                    return Err(Error::InvalidInput {
                        field: "corrects",
                        message: tr(
                            "d-corrects-taken",
                            &[("earlier", earlier.into()), ("holder", holder.into())],
                        ),
                    });
                }
                detail.push_str(&format!("; corrects external_id {earlier}"));
                Some(record)
            }
            None => None,
        };
        let guard = generated.then(|| DuplicateGuard {
            since: format_instant(self.journal.now_instant() - DUPLICATE_WINDOW),
            pay_again_of: options.pay_again_of.clone(),
        });
        let created = self
            .create_audited(AuditAction::Create, &request, guard, detail)
            .await;
        if let Some(earlier) = corrected {
            self.settle_correction(&earlier, &request).await;
        }
        created
    }

    /// A correction names an earlier payout of this environment that moved no money and never
    /// will: REJECTED (the money came back) or declined (no cashout was made). Anything that
    /// may still pay is refused: correcting it would risk paying twice.
    fn check_corrects(&self, request: &CreateCashout, earlier: &str) -> Result<PayoutRecord> {
        let refuse = |message: String| Error::InvalidInput {
            field: "corrects",
            message,
        };
        if earlier == request.external_id {
            return Err(refuse(tr(
                "d-corrects-same-id",
                &[("earlier", earlier.into())],
            )));
        }
        let Some(record) = self.journal.find(&self.scope(), None, Some(earlier))? else {
            return Err(refuse(no_payout_with(earlier)));
        };
        // The rule is `correctable` (the one the payout's view shows); here only why not.
        if !super::correctable(&record) {
            let earlier_arg = ("earlier", Arg::from(earlier));
            let why = match (record.phase, record.api_code) {
                (Phase::Declined, Some(511)) => tr("d-corrects-foreign-id", &[earlier_arg]),
                (Phase::Declined, Some(code)) if codes::refusal_may_pass(code) => tr(
                    "d-corrects-may-pass",
                    &[earlier_arg, ("code", code.to_string().into())],
                ),
                _ if record.request.is_none() => tr("d-corrects-found-by-lookup", &[earlier_arg]),
                // The status (or phase) is the machine's name, shown as it is in every language.
                _ => tr(
                    "d-corrects-may-still-pay",
                    &[
                        earlier_arg,
                        (
                            "status",
                            record
                                .status
                                .map_or_else(|| record.phase.as_str(), |s| s.name())
                                .into(),
                        ),
                    ],
                ),
            };
            return Err(refuse(why));
        }
        Ok(record)
    }

    /// After the create of a correction: when its intent was written (the journal holds a
    /// payout under its external_id with its contents), both histories are linked; when the
    /// create was refused before any intent existed (e.g. as a possible duplicate, or its
    /// external_id taken by another payout), the claim is given up so the payout can be
    /// corrected again. A link that cannot be written is left out: the create's audit entry
    /// names the corrected payout already.
    async fn settle_correction(&self, earlier: &PayoutRecord, request: &CreateCashout) {
        let earlier_ext = earlier.external_id.clone().unwrap_or_default();
        let new = self
            .journal
            .find(&self.scope(), None, Some(&request.external_id))
            .ok()
            .flatten()
            .filter(|r| {
                r.request.as_ref().is_some_and(|sent| {
                    crate::journal::content_hash(sent) == crate::journal::content_hash(request)
                })
            });
        let Some(new) = new else {
            let _ = self
                .journal
                .release_correction(&self.scope(), &earlier_ext, &request.external_id)
                .await;
            return;
        };
        let _ = self
            .journal
            .record_event(
                new.id,
                "corrects",
                &format!("corrects external_id {earlier_ext}"),
            )
            .await;
        let _ = self
            .journal
            .record_event(
                earlier.id,
                "corrected_by",
                &format!("corrected by external_id {}", request.external_id),
            )
            .await;
    }

    /// The payout correcting payout `external_id` of this environment, if one does.
    fn corrected_by(&self, external_id: &str) -> Result<Option<String>> {
        self.journal.correction_of(&self.scope(), external_id)
    }

    /// The request a payout was sent with, as the journal keeps it (credentials never in it),
    /// for a new payout that starts from it; `None` for a payout found by a lookup.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] when it is not in the journal.
    pub fn sent_request(&self, which: &CashoutRef) -> Result<Option<CreateCashout>> {
        Ok(self.journal_record(which)?.request)
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
            return Err(refuse(tr(
                "d-pay-again-typed-id",
                &[("external_id", request.external_id.clone().into())],
            )));
        }
        let Some(record) = self.journal.find(&self.scope(), None, Some(earlier))? else {
            return Err(refuse(no_payout_with(earlier)));
        };
        let same = record.request.as_ref().is_some_and(|r| {
            crate::journal::content_hash(r) == crate::journal::content_hash(request)
        });
        if !same {
            return Err(refuse(tr(
                "d-pay-again-not-same",
                &[("earlier", earlier.into())],
            )));
        }
        Ok(())
    }

    /// Drives `request` (checked) and audits the outcome: the usual success in the same
    /// transaction that records the cashout id, anything else after.
    pub(super) async fn create_audited(
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
    pub(super) async fn create_prepared(
        &self,
        request: &CreateCashout,
        guard: Option<DuplicateGuard>,
        audit: AuditEvent,
    ) -> Result<(PayoutView, bool)> {
        let scope = self.scope();
        // Two calls for one intent (a double click) take turns: the second sees the first's result.
        let _turn = self.journal.lock_intent(&scope, &request.external_id).await;
        // A new intent is written already claimed by this call: no other desk can send it.
        let claim = SendClaim::with_lease(self.retry.send_lease);
        match self
            .journal
            .record_intent(&scope, &self.env().base_url, request, guard, &claim)
            .await?
        {
            IntentOutcome::New(id) => self.send_claimed(id, request, None, audit, &claim).await,
            IntentOutcome::PossibleDuplicate(earlier) => Err(Error::PossibleDuplicate(
                earlier.external_id.clone().unwrap_or_default(),
                describe_record(&earlier),
            )),
            IntentOutcome::Conflict(_) => {
                Err(Error::ExternalIdConflict(request.external_id.clone()))
            }
            IntentOutcome::Same(record) => {
                match (record.phase, self.corrected_by(&request.external_id)?) {
                    // Already settled: answering again is the idempotent result.
                    (Phase::Created, _) => self.answered_from_journal(&record, audit).await,
                    // Replaced by a correction: sending it too could pay twice.
                    (_, Some(holder)) => Err(Error::InvalidInput {
                        field: "external_id",
                        message: tr(
                            "d-corrected-never-resent",
                            &[
                                ("external_id", request.external_id.clone().into()),
                                ("holder", holder.into()),
                            ],
                        ),
                    }),
                    // The id belongs to a cashout this journal never sent: never adopt it.
                    (Phase::Declined, None) if record.api_code == Some(511) => {
                        Err(foreign_external_id(Some(record)))
                    }
                    // Open, declined, never sent or abandoned: find out before sending anything.
                    (phase, None) => {
                        self.drive_create(record.id, request, Some(phase), audit)
                            .await
                    }
                }
            }
        }
    }

    /// Claims the send of open record `id` (see [`crate::journal::store`]) and sends it until
    /// it is settled. `resumed` is the phase it was in when this call found it, so that an
    /// earlier send that may have landed is looked for before anything is sent. A record
    /// another desk is sending right now is left to that desk: nothing is sent, and the
    /// outcome is reported as not known yet.
    pub(super) async fn drive_create(
        &self,
        id: i64,
        request: &CreateCashout,
        resumed: Option<Phase>,
        audit: AuditEvent,
    ) -> Result<(PayoutView, bool)> {
        let claim = SendClaim::with_lease(self.retry.send_lease);
        match self.journal.claim_send(id, &claim).await? {
            // Where it stands now, not where this call first read it: another desk may have
            // sent it in between, and a send that may have landed must be looked for first.
            Claimed::Claimed(now) => {
                let resumed = resumed.map(|_| now.phase);
                self.send_claimed(id, request, resumed, audit, &claim).await
            }
            Claimed::Settled(record) => self.answered_from_journal(&record, audit).await,
            // Said to the operator, not written to the payout's history: in their language.
            Claimed::HeldBy { holder, until } => Err(Error::OutcomeUnknown {
                external_id: request.external_id.clone(),
                detail: tr(
                    "d-create-held-elsewhere",
                    &[
                        ("holder", holder.into()),
                        ("until", moment_shown(&until).into()),
                    ],
                ),
            }),
        }
    }

    /// The answer to a create the journal holds as created already (by this desk or another):
    /// the payout as recorded, and an audit entry that says so — never one that reads as if
    /// this operator had created it now.
    async fn answered_from_journal(
        &self,
        record: &PayoutRecord,
        mut audit: AuditEvent,
    ) -> Result<(PayoutView, bool)> {
        audit.cashout_id = record.cashout_id;
        let asked = audit.detail.take().unwrap_or_default();
        let asked = asked.split("; now ").next().unwrap_or_default();
        audit.detail = Some(format!(
            "{asked}; answered from the journal: created earlier (record {}), nothing sent",
            record.id
        ));
        self.journal.append_audit(audit).await?;
        Ok((PayoutView::of(record), true))
    }

    /// [`Desk::drive_create`] under `claim`, which this call holds; gives it up at the end
    /// (if this process dies first, its lease runs out instead).
    async fn send_claimed(
        &self,
        id: i64,
        request: &CreateCashout,
        resumed: Option<Phase>,
        audit: AuditEvent,
        claim: &SendClaim,
    ) -> Result<(PayoutView, bool)> {
        let result = self
            .send_until_settled(id, request, resumed, audit, claim)
            .await;
        // Best effort: a claim left behind only delays another desk until its lease ends.
        let _ = self.journal.release_send(id, &claim.token).await;
        result
    }

    /// Sends the create of intent `id` until it is settled, under `claim`. `resumed` as in
    /// [`Desk::drive_create`] (`None`: written by this call).
    async fn send_until_settled(
        &self,
        id: i64,
        request: &CreateCashout,
        resumed: Option<Phase>,
        audit: AuditEvent,
        claim: &SendClaim,
    ) -> Result<(PayoutView, bool)> {
        let fence = Some(claim.token.as_str());
        let external_id = request.external_id.clone();
        let unknown = |detail: String| Error::OutcomeUnknown {
            external_id: external_id.clone(),
            detail,
        };
        // A send of this intent may have reached the provider: from here on, no answer can
        // make it "not sent", and only a lookup can settle it.
        let mut may_have_landed = resumed.is_some_and(Phase::may_exist);
        // A batch row never sent yet has nothing to look for; any other record found open may
        // have been sent before.
        let mut lookup_first = resumed.is_some_and(|p| p != Phase::Queued);
        let mut last_unknown = String::from("no answer yet");
        // Sends of this intent this call noted (see the 511 below).
        let mut sends_noted = 0;
        // After a send that may have landed, a journal write that fails must not be reported
        // as "nothing sent": the outcome is unknown, and the record stays open to be looked up.
        let after_send = |e: Error| match e {
            Error::Journal(detail) | Error::TeamJournal(detail) => Error::OutcomeUnknown {
                external_id: external_id.clone(),
                detail: tr(
                    "d-create-journal-failed-after-send",
                    &[("detail", detail.into())],
                ),
            },
            other => other,
        };
        for attempt in 0..self.retry.max_sends.max(1) as usize {
            if lookup_first && attempt > 0 {
                // Renewed before the lookup too, so a slow lookup and send never outlast it.
                match self
                    .journal
                    .claim_send(id, claim)
                    .await
                    .map_err(after_send)?
                {
                    Claimed::Claimed(_) => {}
                    Claimed::Settled(record) => return Ok((PayoutView::of(&record), false)),
                    Claimed::HeldBy { .. } => {
                        return Err(unknown(crate::journal::store::LEASE_LOST.into()))
                    }
                }
            }
            if lookup_first {
                match self.lookup_external_id(&external_id).await {
                    // Nothing this journal sent can have made it (never sent, or refused): the
                    // cashout holding this external_id is someone else's (the journal keeps
                    // it as such).
                    Lookup::Found(answer) if !may_have_landed => {
                        self.journal.record_status(id, &answer, "found").await?;
                        return Err(foreign_external_id(self.journal.get(id)?));
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
                        return Err(Error::Network(tr(
                            "d-create-lookup-before-resend-failed",
                            &[("detail", detail.into())],
                        )));
                    }
                    Lookup::Unknown(detail) => {
                        self.journal
                            .record_phase(
                                id,
                                Phase::Unknown,
                                &format!("lookup failed: {detail}"),
                                fence,
                            )
                            .await
                            .map_err(after_send)?;
                        return Err(unknown(detail));
                    }
                }
            }
            if attempt > 0 || resumed.is_some() {
                // On disk before the send: a record that said "no cashout" is open again.
                // Refused before this send (the claim lost, the batch paused or cancelled): when
                // no earlier send may have landed, nothing was sent, and that is what is said.
                self.journal.record_sending(id, claim).await.map_err(|e| {
                    if may_have_landed {
                        after_send(e)
                    } else {
                        e
                    }
                })?;
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
                        Err(e) => Err(unknown(tr(
                            "d-create-accepted-not-recorded",
                            &[
                                ("cashout_id", cashout_id.to_string().into()),
                                ("detail", e.to_string().into()),
                            ],
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
                            .record_declined(id, answer.code, &message, fence)
                            .await
                            .map_err(after_send)?;
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
                            .record_phase(id, Phase::SentNotFound, &detail, fence)
                            .await
                            .map_err(after_send)?;
                        return Err(unknown(detail));
                    }
                    self.journal
                        .record_declined(id, answer.code, &answer.message, fence)
                        .await
                        .map_err(after_send)?;
                    return Err(on_form(
                        Error::api(answer.code, http_status, answer.message),
                        request,
                    ));
                }
                Err(CallError::NotDelivered(detail)) if !may_have_landed => {
                    self.journal
                        .record_phase(
                            id,
                            Phase::NotSent,
                            &format!("not delivered: {detail}"),
                            fence,
                        )
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
                        .record_phase(id, Phase::SentNotFound, &detail, fence)
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
                        .record_phase(id, Phase::Unknown, &detail, fence)
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
                    .record_phase(id, Phase::SentNotFound, &detail, fence)
                    .await
                    .map_err(after_send)?;
                Err(unknown(last_unknown))
            }
            Lookup::Unknown(detail) => Err(unknown(detail)),
        }
    }

    pub(super) async fn lookup_external_id(&self, external_id: &str) -> Lookup {
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
}

fn validation(kind: EnvironmentKind, override_check_digits: bool) -> ValidationContext {
    ValidationContext {
        environment: kind,
        override_check_digits,
    }
}

/// Checks `request` by the rules of an environment of `kind` and, when no external_id was
/// typed, generates one: the request exactly as it would be sent, its warnings, and whether
/// the id was generated here. What review, the send and the CLI's dry run all start from.
///
/// # Errors
/// [`Error::Validation`] with every field problem.
pub(super) fn check_and_fill(
    kind: EnvironmentKind,
    request: &CreateCashout,
    override_check_digits: bool,
) -> Result<(CreateCashout, Vec<FieldError>, bool)> {
    let checked = validate::check_create_full(request, &validation(kind, override_check_digits))
        .map_err(Error::Validation)?;
    let mut request = checked.request;
    let generated = request.external_id.is_empty();
    if generated {
        request.external_id = new_external_id();
    }
    Ok((request, checked.warnings, generated))
}

/// The refusal of a create whose external_id the provider holds for a cashout this journal
/// did not create: the record's own account of it (see [`crate::journal::FOREIGN_EXTERNAL_ID`]).
fn foreign_external_id(record: Option<PayoutRecord>) -> Error {
    let message = record
        .and_then(|r| r.last_error)
        .unwrap_or_else(|| crate::journal::FOREIGN_EXTERNAL_ID.to_owned());
    Error::api(511, 412, message)
}

/// A refusal's field as the form of this payout's method names it (see
/// [`crate::form::form_field`]).
pub(super) fn on_form(mut e: Error, request: &CreateCashout) -> Error {
    if let Error::Api { field: Some(f), .. } = &mut e {
        if let Some(spec) =
            crate::form::form_field(&request.country, request.bank_code.as_deref(), f)
        {
            *f = spec.name;
        }
    }
    e
}

/// The refusal of an earlier payout named by an external_id this environment does not have.
fn no_payout_with(external_id: &str) -> String {
    tr(
        "d-no-payout-with-external-id",
        &[("external_id", external_id.into())],
    )
}

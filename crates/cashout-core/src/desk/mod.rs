//! The operations the desktop app and the CLI call: create (write-ahead, safe retry), review,
//! resend, abandon, check, hold, release, cancel, lookup, reconcile, list.
//!
//! The create protocol, which is what keeps money moving exactly once (see [`create`]):
//! 1. validate offline — on failure nothing is written or sent;
//! 2. write the intent (environment scope, `external_id`, the request without credentials) and
//!    commit it to disk — on failure nothing is sent. When the desk generated the
//!    `external_id`, the same transaction refuses a payout identical to one of the last
//!    [`DUPLICATE_WINDOW`] unless the operator named that one to pay it again;
//! 3. serialize once, sign, send;
//! 4. record the answer. A refusal is DECLINED. An unknown outcome (timeout, dropped
//!    connection, 5xx, unreadable or foreign answer) is recorded as such and the cashout is
//!    **looked up by `external_id` before anything is resent**; a 511 on a resend is settled
//!    by that lookup. A lookup that does not find it does not prove it absent (the provider's
//!    reads can lag its creates): the record stays open as `sent_not_found` and is looked up
//!    again with a back-off for [`OPEN_CREATE_WINDOW`]. Only a request that provably never
//!    left this machine is `not_sent`.
//!
//! The `external_id` of an intent never changes, and an `external_id` already used in this
//! scope for different contents is refused locally. Reading (lists, history, exports, the
//! audit log) never needs credentials: the provider's client is built on first use.
//!
//! Files: `create` the create protocol; `review` what the operator sees before a create is
//! sent (review, dry run); `settle` reconcile, resend and abandon of a create left open;
//! `actions` checks and the hold/release/cancel actions; `records` what is read from the
//! journal.

mod actions;
mod approve;
mod batch;
mod create;
mod notices;
mod payee;
mod records;
mod review;
mod saved;
mod settle;

pub use payee::{mask_middle, Payee};

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::api::client::{CallError, Client, Exchange, UnknownCause};
use crate::api::types::{CashoutId, CashoutRef, CreateCashout};
use crate::audit::{AuditAction, AuditEvent};
use crate::codes;
use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::journal::{Journal, PayoutRecord, Phase};
use crate::status::{Action, CashoutStatus};

pub use approve::{
    hold_if_needed, policy_for, ApprovalDetail, ApprovalSweep, ApprovalView, ApprovalsPage,
    PolicyOverview, SETTLE_LEASE,
};
pub use batch::{
    DraftChoices, PayAgain, RowSent, SendEnd, BATCH_LEASE, DEFAULT_RATE_PER_MINUTE,
    MAX_RATE_PER_MINUTE,
};
pub use create::CreateOptions;
pub use notices::{ApprovalNotices, BatchNotices, StepNotices, NOTICE_WINDOW};
pub use review::{dry_run, CreateReview, DryRun, ReviewLine};
pub use settle::{abandon_risk_words, ABANDON_RISK};

/// How far back an identical request whose external_id the desk generated counts as a
/// possible duplicate.
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);

/// Intents touched more recently than this are left to the process that may still be sending
/// them (a create call retries for up to a few minutes); reconcile looks only at older ones.
pub const RECONCILE_MIN_AGE: Duration = Duration::from_secs(5 * 60);

/// How long, by default, a create that may exist but was not found is looked up again by
/// itself (with a back-off) before only the operator can settle it. A setting
/// (`open_create_window_hours`).
pub const OPEN_CREATE_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);

/// How persistent a create is when the outcome is unknown.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Most sends of one create in one call (the first included).
    pub max_sends: u32,
    /// Waits before each lookup that follows an unknown outcome; the last one repeats.
    pub backoff: Vec<Duration>,
    /// How long this desk's claim on sending a create lasts between renewals (see
    /// [`crate::journal::store`]): after it, another desk may take the create over, by lookup.
    pub send_lease: Duration,
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
            send_lease: crate::journal::SEND_LEASE,
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

/// What the operator can do about a create that is not settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Recovery {
    /// Send it again with the same external_id (a copy that reached the provider is found,
    /// never paid twice).
    Resend,
    /// Stop checking it, on purpose and audited, knowing the provider may hold it.
    Abandon,
}

/// A payout as shown by the CLI and the UI: the answer of every status-like operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PayoutView {
    pub cashout_id: Option<i64>,
    pub external_id: Option<String>,
    /// PENDING, ON_HOLD, CANCELLED, DELIVERED, COMPLETED, REJECTED, DECLINED, or UNKNOWN (a
    /// number this desk does not know, in `status_code`); `None` while no status is known.
    pub status: Option<CashoutStatus>,
    /// The provider's `cashout_status` number, when it gave one.
    pub status_code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rejection_code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rejection_reason: Option<String>,
    /// The rejection code explained, with the field to fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rejection_explanation: Option<codes::Explained>,
    /// The field the rejection blames, as the form of this payout's method names it (a PIX
    /// e-mail payout's "invalid key" is its e-mail key, not `bank_account`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field_to_fix: Option<crate::form::FieldSpec>,
    /// Where the create protocol stands, while it says more than the status: left out once
    /// the create is settled (created or declined).
    #[serde(skip_serializing_if = "Phase::is_settled")]
    #[ts(as = "Option<Phase>", optional)]
    pub phase: Phase,
    /// Why the create is where it is (what the last send or lookup met, or why it was
    /// declined); left out once it is created.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    /// The create may exist at the provider and nothing has confirmed or ruled it out yet
    /// ([`Phase::may_exist_unconfirmed`], no status known): shown as "checking…", never as
    /// "not sent", and looked up by its external_id.
    pub checking: bool,
    /// What the payout's state means for the operator, where it says more than a status
    /// does (checking, not sent, abandoned, a status number this desk does not know), with
    /// the last thing met; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub state_note: Option<String>,
    pub environment: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub currency: Option<String>,
    /// `amount` with its currency, written for the operator's locale (`BRL 1.234,56`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub amount_shown: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub beneficiary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub provider_reference: Option<String>,
    /// What the provider allows now (from the status table; nothing without a cashout id or
    /// with an unknown status).
    pub allowed_actions: Vec<Action>,
    /// What the operator can do about an unsettled create.
    pub recovery: Vec<Recovery>,
    /// It moved no money and never will, so a new payout may correct it ("pay again with
    /// corrected details"): REJECTED, or declined for good (not with a code that may pass when
    /// sent again, nor because the provider holds its external_id). Payouts created here only.
    pub correctable: bool,
    /// Who it pays, in words, as sent (payouts created here, read whole from the journal;
    /// not in lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub payee: Option<Payee>,
    pub created_at: String,
    /// `created_at` as the operator's local time, `YYYY-MM-DD HH:MM` (the system's time zone,
    /// or the list filter's): the same in every language, for programs reading the CLI's JSON.
    pub created_local: String,
    /// The same moment written the active locale's way for people (`30/11/2026, 14:03` in
    /// pt-BR; ISO for a locale the desk does not speak).
    pub created_shown: String,
    pub updated_at: String,
}

/// See [`PayoutView::correctable`]; the desk checks the same when a correction is sent.
#[must_use]
pub fn correctable(r: &PayoutRecord) -> bool {
    let declined_for_good = r.phase == Phase::Declined
        && r.cashout_id.is_none()
        && r.api_code
            .is_some_and(|c| c != 511 && !codes::refusal_may_pass(c));
    r.request.is_some() && (r.status == Some(CashoutStatus::Rejected) || declined_for_good)
}

impl PayoutView {
    /// The view of a journal record.
    #[must_use]
    pub fn of(r: &PayoutRecord) -> Self {
        let recovery = match r.phase {
            _ if r.origin != "desk" => Vec::new(),
            Phase::Intent | Phase::Unknown | Phase::SentNotFound => {
                vec![Recovery::Resend, Recovery::Abandon]
            }
            Phase::NotSent | Phase::Abandoned => vec![Recovery::Resend],
            Phase::Declined if r.api_code.is_some_and(codes::refusal_may_pass) => {
                vec![Recovery::Resend]
            }
            // A batch row waits for its batch's sender (resume, or cancel the rest).
            Phase::Declined | Phase::Created | Phase::Queued => Vec::new(),
        };
        Self {
            cashout_id: r.cashout_id,
            external_id: r.external_id.clone(),
            status: r.status,
            status_code: r
                .status_code
                .or_else(|| r.status.and_then(CashoutStatus::code).map(i64::from)),
            rejection_code: r.rejection_code,
            rejection_reason: r.rejection_reason.clone(),
            rejection_explanation: r.rejection_code.map(codes::explain_rejection),
            // A rejection's code names the field; so does a decline's (the provider's error
            // code), while the create is declined.
            field_to_fix: r
                .rejection_code
                .and_then(|c| codes::rejection_code(c).field)
                .or_else(|| {
                    (r.phase == Phase::Declined)
                        .then_some(r.api_code)
                        .flatten()
                        .and_then(|c| codes::api_code(c).field)
                })
                .zip(r.request.as_ref())
                .and_then(|(field, req)| {
                    crate::form::form_field(&req.country, req.bank_code.as_deref(), field)
                }),
            phase: r.phase,
            checking: checking(r),
            state_note: state_note(r),
            // Why it is where it is: while the create is open, and for a refusal (e.g. that the
            // provider holds this external_id for a cashout this journal did not create).
            note: (r.phase != Phase::Created)
                .then(|| r.last_error.clone())
                .flatten(),
            environment: r.scope.clone(),
            amount: r.amount.clone(),
            currency: r.currency.clone(),
            amount_shown: crate::l10n::numbers::money_shown(
                r.amount.as_deref(),
                r.currency.as_deref(),
            ),
            country: r.country.clone(),
            beneficiary: r.beneficiary.clone(),
            provider_reference: r.provider_reference.clone(),
            allowed_actions: match (r.status, r.cashout_id) {
                (Some(s), Some(_)) => s.allowed_actions(),
                _ => Vec::new(),
            },
            recovery,
            correctable: correctable(r),
            payee: r.request.as_ref().and_then(Payee::of),
            created_at: r.created_at.clone(),
            created_local: crate::period::local_time(&r.created_at, &jiff::tz::TimeZone::system()),
            created_shown: crate::l10n::dates::instant_shown(
                &r.created_at,
                &jiff::tz::TimeZone::system(),
                crate::l10n::dates::Precision::Minute,
            ),
            updated_at: r.updated_at.clone(),
        }
    }
}

/// What a reconcile pass found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReconcileReport {
    /// Open creates looked up.
    pub checked: usize,
    /// Found at the provider (now created).
    pub found: usize,
    /// Not found yet: kept open and looked up again later.
    pub not_found_yet: usize,
    /// The lookup itself failed; kept open.
    pub still_unknown: usize,
    /// Open creates not found within the window: only the operator can settle them now
    /// (resend with the same external_id, or abandon).
    pub awaiting_operator: usize,
}

/// Builds the provider's client for an environment (loading its credentials).
type Connect = Box<dyn Fn(&Environment) -> Result<Client> + Send + Sync>;

/// How the desk reaches the provider: the environment, known at once, and a client built on
/// first use, so that what only reads the journal never needs credentials or the keychain.
struct Provider {
    environment: Environment,
    connect: Connect,
    client: Mutex<Option<Arc<Client>>>,
}

/// The operations, bound to one environment, its client and the journal.
pub struct Desk {
    provider: Provider,
    journal: Arc<Journal>,
    retry: RetryPolicy,
    open_window: Duration,
}

impl Desk {
    /// A desk over a client built already (which carries the environment and credentials).
    #[must_use]
    pub fn new(client: Client, journal: Arc<Journal>, retry: RetryPolicy) -> Self {
        let environment = client.environment().clone();
        let client = Arc::new(client);
        let ready = client.clone();
        Self {
            provider: Provider {
                environment,
                connect: Box::new(move |_| {
                    Err(Error::Journal("the desk's client was dropped".into()))
                }),
                client: Mutex::new(Some(ready)),
            },
            journal,
            retry,
            open_window: OPEN_CREATE_WINDOW,
        }
    }

    /// A desk for `environment` whose client `connect` builds when a provider call first
    /// needs it (loading credentials then, not before).
    #[must_use]
    pub fn connecting(
        environment: Environment,
        connect: impl Fn(&Environment) -> Result<Client> + Send + Sync + 'static,
        journal: Arc<Journal>,
        retry: RetryPolicy,
    ) -> Self {
        Self {
            provider: Provider {
                environment,
                connect: Box::new(connect),
                client: Mutex::new(None),
            },
            journal,
            retry,
            open_window: OPEN_CREATE_WINDOW,
        }
    }

    /// The same desk with another window for open creates (see [`OPEN_CREATE_WINDOW`]).
    #[must_use]
    pub fn with_open_window(mut self, window: Duration) -> Self {
        self.open_window = window;
        self
    }

    /// The provider's client, built on first use.
    ///
    /// # Errors
    /// What building it met: [`Error::MissingCredentials`], [`Error::Keychain`], …
    fn client(&self) -> Result<Arc<Client>> {
        let mut slot = self
            .provider
            .client
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(c) = slot.as_ref() {
            return Ok(c.clone());
        }
        let built = Arc::new((self.provider.connect)(&self.provider.environment)?);
        *slot = Some(built.clone());
        Ok(built)
    }

    /// Builds the provider's client now (loading the credentials), for what is about to call
    /// the provider repeatedly and should fail at once when it cannot (the watcher).
    ///
    /// # Errors
    /// As building the client: [`Error::MissingCredentials`], [`Error::Keychain`], …
    pub fn connect(&self) -> Result<()> {
        self.client().map(|_| ())
    }

    fn env(&self) -> &Environment {
        &self.provider.environment
    }

    fn scope(&self) -> String {
        self.env().scope()
    }

    /// The environment scope this desk works in (what journal records and audit entries carry).
    #[must_use]
    pub fn environment_scope(&self) -> String {
        self.scope()
    }

    /// The environment this desk works in.
    #[must_use]
    pub fn environment(&self) -> &Environment {
        self.env()
    }

    /// The journal this desk writes.
    #[must_use]
    pub fn journal(&self) -> &Arc<Journal> {
        &self.journal
    }

    fn view(&self, id: i64) -> Result<PayoutView> {
        let r = self
            .journal
            .get(id)?
            .ok_or_else(|| Error::Journal(format!("record {id} vanished")))?;
        Ok(PayoutView::of(&r))
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

    /// Keeps an exchange for the signing inspector. Best effort: failing to keep the display
    /// copy must not change what an operation reports about money.
    fn keep_exchange(&self, id: i64, exchange: Option<Exchange>) {
        if let Some(e) = exchange {
            self.journal.record_exchange_detached(id, e);
        }
    }
}

fn checking(r: &PayoutRecord) -> bool {
    r.status.is_none() && r.phase.may_exist_unconfirmed()
}

/// See [`PayoutView::state_note`].
fn state_note(r: &PayoutRecord) -> Option<String> {
    use crate::l10n::messages::tr;
    let id = match r.phase {
        _ if checking(r) && r.phase == Phase::SentNotFound => "state-sent-not-found",
        _ if checking(r) => "state-checking",
        Phase::Queued => "state-queued",
        Phase::NotSent => "state-not-sent",
        Phase::Abandoned => "state-abandoned",
        _ if r.status == Some(CashoutStatus::Unknown) => {
            let code = r
                .status_code
                .map_or_else(|| "?".to_owned(), |c| c.to_string());
            return Some(tr(
                "state-unknown-status",
                &[
                    ("code", code.into()),
                    ("meaning", tr("status-UNKNOWN-meaning", &[]).into()),
                ],
            ));
        }
        _ => return None,
    };
    let text = tr(id, &[]);
    Some(match r.last_error.as_deref() {
        Some(last) if !last.is_empty() => tr(
            "state-with-last",
            &[("text", text.into()), ("last", last.to_owned().into())],
        ),
        _ => text,
    })
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

/// The error a failed *read* (or a refused action) is reported as. Creates and actions
/// handle unknown outcomes themselves before they get here.
fn call_error(e: CallError) -> Error {
    match e {
        CallError::Api {
            http_status,
            answer,
        } => Error::api(answer.code, http_status, answer.message),
        CallError::NotDelivered(d) => Error::Network(d),
        CallError::MissingReadOnlyKey => Error::MissingReadOnlyKey(String::new()),
        CallError::OutcomeUnknown {
            cause: UnknownCause::UnreadableAnswer,
            detail,
        } => Error::MalformedAnswer(detail),
        CallError::OutcomeUnknown { cause, detail } if cause.is_provider_fault() => {
            Error::ProviderFault(detail)
        }
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

    fn record(phase: Phase, status: Option<CashoutStatus>) -> PayoutRecord {
        PayoutRecord {
            id: 1,
            scope: "sandbox".into(),
            base_url: "http://127.0.0.1:1".into(),
            external_id: Some("x-1".into()),
            cashout_id: None,
            origin: "desk".into(),
            phase,
            request: None,
            country: Some("BR".into()),
            currency: Some("BRL".into()),
            amount: Some("10.00".into()),
            beneficiary: Some("Ana Souza".into()),
            status,
            status_code: None,
            rejection_code: None,
            rejection_reason: None,
            provider_reference: None,
            bank: None,
            last_error: Some("connection reset".into()),
            api_code: None,
            attempts: 1,
            created_at: String::new(),
            updated_at: String::new(),
            checked_at: None,
            status_since: None,
            lookups: 0,
            last_sent_at: None,
        }
    }

    #[test]
    fn a_create_that_may_exist_reads_as_checking_and_says_so_with_what_it_last_met() {
        for phase in [Phase::Intent, Phase::Unknown, Phase::SentNotFound] {
            let v = PayoutView::of(&record(phase, None));
            assert!(v.checking, "{phase:?}");
            let note = v.state_note.expect("a note");
            assert!(note.ends_with("Last: connection reset."), "{note}");
            assert!(!note.contains("Nothing was sent"), "{note}");
        }
        let not_found = PayoutView::of(&record(Phase::SentNotFound, None));
        assert!(not_found
            .state_note
            .is_some_and(|n| n.contains("may still exist")));
    }

    #[test]
    fn settled_never_sent_and_abandoned_creates_are_not_checking() {
        let created = PayoutView::of(&record(Phase::Created, Some(CashoutStatus::Pending)));
        assert!(!created.checking);
        assert_eq!(created.state_note, None);
        let not_sent = PayoutView::of(&record(Phase::NotSent, None));
        assert!(!not_sent.checking);
        assert!(not_sent
            .state_note
            .is_some_and(|n| n.starts_with("Nothing was sent")));
        let abandoned = PayoutView::of(&record(Phase::Abandoned, None));
        assert!(!abandoned.checking);
        assert!(abandoned
            .state_note
            .is_some_and(|n| n.contains("may still be paid")));
    }

    #[test]
    fn a_status_number_the_desk_does_not_know_is_explained_with_its_code() {
        let mut r = record(Phase::Created, Some(CashoutStatus::Unknown));
        r.status_code = Some(17);
        r.last_error = None;
        let v = PayoutView::of(&r);
        assert!(!v.checking);
        assert!(v
            .state_note
            .is_some_and(|n| n.starts_with("The provider reports status code 17.")));
    }
}

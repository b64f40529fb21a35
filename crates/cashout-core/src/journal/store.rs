//! The store interface: what the desk, the watcher, reports and the audit log need from a
//! journal, whichever store keeps it — the embedded SQLite file ([`super::sqlite`], one
//! operator) or the team's PostgreSQL database ([`super::postgres`], several desks).
//!
//! Both stores give the same answers to the same calls; one conformance suite (in the
//! `cashout-tests` crate, run against a SQLite file and a real PostgreSQL server) holds them to
//! it. What a store must guarantee, beyond storing:
//! - `record_intent` answers only once the intent is durable (committed and, for SQLite, forced
//!   to disk), so an intent exists before its create is sent;
//! - `(scope, external_id)` and `(scope, cashout_id)` are unique, and the duplicate guard's
//!   check and the insert are one serialised step across every process sharing the store;
//! - a create is sent only under a **send claim** ([`SendClaim`]): a committed lease with a
//!   token and an expiry. While one desk holds a live claim, no other desk sends that intent or
//!   writes what only its sender can know (sent, declined, not delivered): those writes are
//!   *fenced* by the token. A claim whose lease ran out (its desk died or slept) is taken over
//!   by lookup first, never by a blind resend — the create protocol's rule, now across desks;
//! - what the provider says about a payout (`record_created`, `record_status`) is written
//!   whoever holds the claim: it is true whoever sent the request;
//! - the audit chain never forks, whoever appends.
//!
//! Times are the store's clock, formatted by [`crate::clock::format_instant`] (fixed width, so
//! text order is time order). Writes return boxed futures so that the trait is usable as
//! `dyn JournalStore`; reads are synchronous, like the SQLite reads they started as (the
//! PostgreSQL store answers them from its own I/O thread).

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::time::Duration;

use super::types::{
    Claimed, DuplicateGuard, HistoryEntry, IntentOutcome, ListFilter, PayoutRecord, Phase, Watched,
};
use crate::api::types::{CashoutId, CashoutRef, CreateCashout, Exchange, StatusAnswer};
use crate::audit::{AuditEntry, AuditEvent, AuditFilter, AuditVerdict};
use crate::batch::records::{BatchChange, BatchRecord, BatchRowRecord, BatchWritten, NewBatch};
use crate::beneficiaries::{BeneficiaryDetails, SavedBeneficiary};
use crate::error::Result;
use crate::status::CashoutStatus;

/// A write in progress.
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'a>>;

/// How long a send claim lasts without being renewed: longer than one lookup and one send
/// together (each at most the client's 45 s), so a live desk never loses it mid-send.
pub const SEND_LEASE: Duration = Duration::from_secs(120);

/// A desk's claim on sending one intent's create (see the module comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendClaim {
    /// Random, one per create call: the fence its writes carry.
    pub token: String,
    /// Who holds it, for the message another desk shows ("being sent by …"). The team
    /// journal puts the database's login role in front of it.
    pub holder: String,
    /// How long it lasts from each renewal.
    pub lease: Duration,
}

impl SendClaim {
    /// A new claim for this process.
    #[must_use]
    pub fn new() -> Self {
        Self {
            token: uuid::Uuid::new_v4().to_string(),
            holder: format!(
                "{} (process {})",
                crate::audit::os_user(),
                std::process::id()
            ),
            lease: SEND_LEASE,
        }
    }
}

impl SendClaim {
    /// A new claim for this process lasting `lease` between renewals.
    #[must_use]
    pub fn with_lease(lease: Duration) -> Self {
        Self {
            lease,
            ..Self::new()
        }
    }
}

impl Default for SendClaim {
    fn default() -> Self {
        Self::new()
    }
}

/// A journal store (see the module comment). Use it through [`super::Journal`].
pub trait JournalStore: Send + Sync {
    /// Where the journal is, in words (a file path, or database and server with the login).
    fn describe(&self) -> String;

    /// The file, for the embedded store.
    fn file(&self) -> Option<&Path> {
        None
    }

    /// The operator as the store knows them, when it knows (the team journal's login role).
    fn actor(&self) -> Option<&str> {
        None
    }

    /// Announcements of what other desks change, when the store is shared and can announce
    /// them (the team journal); `None` for the embedded file. See [`super::Change`].
    fn changes(&self) -> Option<tokio::sync::broadcast::Receiver<super::Change>> {
        None
    }

    /// How many times durable writes forced the file to disk (the embedded store's group
    /// commit; zero elsewhere).
    fn disk_flushes(&self) -> u64 {
        0
    }

    /// Writes the intent to create `request` in `scope`, claimed by `claim`, and makes it
    /// durable — unless this external_id already has one there.
    ///
    /// With a `guard` (the external_id was generated by the desk, so it cannot tell a retry
    /// from a new payout), the newest payout of the scope created since `guard.since` with
    /// the same contents ([`super::content_hash`]) under another external_id is returned as
    /// [`IntentOutcome::PossibleDuplicate`] and nothing is written — unless it is the one
    /// `guard.pay_again_of` names. Payouts that moved no money in the end (cancelled,
    /// rejected, refused other than by 511) do not count.
    ///
    /// # Errors
    /// [`crate::error::Error::Journal`] / [`crate::error::Error::TeamJournal`]: then nothing
    /// may be sent.
    fn record_intent<'a>(
        &'a self,
        scope: &'a str,
        base_url: &'a str,
        request: &'a CreateCashout,
        guard: Option<DuplicateGuard>,
        claim: &'a SendClaim,
    ) -> Pending<'a, IntentOutcome>;

    /// Claims the send of open record `id` for `claim` (also when `claim` holds it already,
    /// renewing it). A record already `created` is answered as settled; a live claim of
    /// another desk as held.
    fn claim_send<'a>(&'a self, id: i64, claim: &'a SendClaim) -> Pending<'a, Claimed>;

    /// Gives up the claim `token` holds on record `id`, if it still holds it.
    fn release_send<'a>(&'a self, id: i64, token: &'a str) -> Pending<'a, ()>;

    /// Notes, durably, that a create is about to be sent again under `claim` (renewing its
    /// lease): counts the attempt, and a record that said no cashout exists (`not_sent`,
    /// `declined`, `abandoned`) becomes an open `intent` again *before* the send, so that a
    /// crash during the send leaves a record that reconcile looks up. The open-create window
    /// and the lookup back-off start again from this send.
    ///
    /// # Errors
    /// When the record was settled meanwhile or `claim` no longer holds it: then nothing may
    /// be sent.
    fn record_sending<'a>(&'a self, id: i64, claim: &'a SendClaim) -> Pending<'a, ()>;

    /// The provider accepted the create and gave `cashout_id`; `audit` (given the cashout id)
    /// is appended in the same transaction. Ends any send claim. Returns the record without
    /// its stored request.
    fn record_created_audited(
        &self,
        id: i64,
        cashout_id: CashoutId,
        status: CashoutStatus,
        audit: Option<AuditEvent>,
    ) -> Pending<'_, PayoutRecord>;

    /// Keeps an exchange for the signing inspector without making the operation wait. A crash
    /// before it is written loses this display copy, never the payout or its history.
    fn record_exchange_detached(&self, id: i64, exchange: Exchange);

    /// The provider refused the create: DECLINED, with its code and message. Fenced by
    /// `fence` (the sender's claim token); without one, refused while another desk holds a
    /// live claim. A record that is `created` stays created.
    fn record_declined<'a>(
        &'a self,
        id: i64,
        api_code: i64,
        message: &'a str,
        fence: Option<&'a str>,
    ) -> Pending<'a, ()>;

    /// Moves the create protocol to `phase` and notes why; returns whether it moved. Guards:
    /// - a record that is `created` stays created, an `abandoned` one stays abandoned;
    /// - `not_sent` is reached only from `intent` or `not_sent`;
    /// - `sent_not_found` counts one more negative lookup (its back-off);
    /// - fenced as [`JournalStore::record_declined`] is.
    ///
    /// # Errors
    /// For a phase recorded by its own operation (created, declined, intent, abandoned).
    fn record_phase<'a>(
        &'a self,
        id: i64,
        phase: Phase,
        detail: &'a str,
        fence: Option<&'a str>,
    ) -> Pending<'a, bool>;

    /// The operator abandons an open create, appending `audit` in the same transaction.
    /// Returns the record as it now stands; `None` when it was not open.
    fn record_abandoned<'a>(
        &'a self,
        id: i64,
        detail: &'a str,
        audit: AuditEvent,
    ) -> Pending<'a, Option<PayoutRecord>>;

    /// Records a status the provider reported for record `id` (`event`: what produced it —
    /// `status`, `found`, `action`, …), by the rules of [`super::status_rules`]: an answer
    /// about another cashout is refused and nothing of it is written.
    fn record_status<'a>(
        &'a self,
        id: i64,
        answer: &'a StatusAnswer,
        event: &'static str,
    ) -> Pending<'a, Option<CashoutStatus>>;

    /// The watcher's record of a status it polled for record `id` (as `which`), sent at
    /// `sent_at`: nothing is written when the row is gone or is no longer that payout, or when
    /// an answer newer than this request was recorded meanwhile.
    fn record_watched<'a>(
        &'a self,
        id: i64,
        which: &'a CashoutRef,
        answer: &'a StatusAnswer,
        sent_at: String,
    ) -> Pending<'a, Watched>;

    /// Claims the next status poll of record `id` for this desk until `until` (the store's
    /// clock, formatted): `false` when another desk holds it (it polled, or polls, the payout
    /// this round), so a team's desks poll each payout once per round, not once per desk.
    fn claim_poll<'a>(&'a self, id: i64, until: &'a str) -> Pending<'a, bool>;

    /// Gives back the poll of record `id` claimed for this round (nothing was learned).
    fn release_poll(&self, id: i64) -> Pending<'_, ()>;

    /// Takes the request slot of `scope`'s rate cap, which every desk on this journal shares,
    /// if it is free, and sets the next one `spacing` later (at most [`MAX_SPACING`]): answers
    /// zero, and the caller sends its request at once. Otherwise nothing changes and the answer
    /// is how long until the next slot (try again then). The slot is free when the stored next
    /// one has come, or lies further than [`MAX_SLOT_WAIT`] ahead (not believed: a clock that
    /// ran ahead, an edited row).
    ///
    /// So desks each spacing their requests by `spacing` send, between them, one request per
    /// `spacing`, not one each (the team's rate cap). A slot is taken only at the moment of
    /// sending, so none is reserved and left unused, and none is used late. The team store
    /// reads the database server's clock when the desk runs on the real clock, so desks' clocks
    /// need not agree; the embedded store reads the machine's.
    fn take_request_slot<'a>(&'a self, scope: &'a str, spacing: Duration) -> Pending<'a, Duration>;

    /// The journal's approvals (see [`crate::approvals`]) when it keeps them: the team journal
    /// does, the embedded one (one operator) does not.
    fn approvals(&self) -> Option<&dyn crate::approvals::ApprovalStore> {
        None
    }

    /// Adds `record` — a payout read from another journal (`source`, in words), with its
    /// `history` — unless this journal holds the same payout (same scope and external_id, or
    /// same scope and cashout id), which is then kept as it is here. Its claims are not
    /// copied; an open create added this way is looked up by reconcile like any other.
    fn import_payout<'a>(
        &'a self,
        record: &'a PayoutRecord,
        history: &'a [HistoryEntry],
        source: &'a str,
    ) -> Pending<'a, super::Imported>;

    /// Adds a line to a record's history (e.g. an action or check that failed).
    fn record_event<'a>(&'a self, id: i64, event: &'static str, detail: &'a str)
        -> Pending<'a, ()>;

    /// Adds a record for a cashout known only from a lookup, or returns the existing one;
    /// given both ids (only when the provider confirmed they belong together), it attaches
    /// the missing one, merging two records of the same payout.
    fn record_lookup<'a>(
        &'a self,
        scope: &'a str,
        base_url: &'a str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&'a str>,
    ) -> Pending<'a, i64>;

    /// Appends an entry to the audit chain and returns it as stored.
    fn append_audit(&self, event: AuditEvent) -> Pending<'_, AuditEntry>;

    /// Claims, before anything is sent, that payout `corrected` of `scope` (an external_id) is
    /// corrected by the payout `by`: at most one correction per payout, enforced by the store
    /// (a unique key), so two desks never both replace it. `None` when the claim is this one's
    /// (new, or `by` held it already); `Some(other)` when payout `other` holds it.
    fn claim_correction<'a>(
        &'a self,
        scope: &'a str,
        corrected: &'a str,
        by: &'a str,
    ) -> Pending<'a, Option<String>>;

    /// Gives up the claim of `by` on `corrected`, when the correction was never written (its
    /// create was refused before an intent existed). Refused (silently) while any payout of
    /// `scope` holds the external_id `by`: once the correction may exist, the corrected payout
    /// stays claimed.
    fn release_correction<'a>(
        &'a self,
        scope: &'a str,
        corrected: &'a str,
        by: &'a str,
    ) -> Pending<'a, ()>;

    /// The payout that corrects payout `corrected` of `scope`, if one does: a corrected payout
    /// is never sent again.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn correction_of(&self, scope: &str, corrected: &str) -> Result<Option<String>>;

    /// The saved beneficiaries of `scope`, by label (see [`crate::beneficiaries`]).
    ///
    /// # Errors
    /// When the store cannot be read.
    fn beneficiaries(&self, scope: &str) -> Result<Vec<SavedBeneficiary>>;

    /// Saves `details` under `label` in `scope` (replacing what the label held), with `audit`
    /// appended in the same transaction: its action is the journal's to choose — saved for a
    /// new label, updated for one that existed. Returns whether a label was replaced.
    fn save_beneficiary<'a>(
        &'a self,
        scope: &'a str,
        label: &'a str,
        details: &'a BeneficiaryDetails,
        audit: AuditEvent,
    ) -> Pending<'a, bool>;

    /// Deletes the saved beneficiary `label` of `scope`, with `audit` in the same transaction;
    /// returns whether there was one (nothing is audited when there was not).
    fn delete_beneficiary<'a>(
        &'a self,
        scope: &'a str,
        label: &'a str,
        audit: AuditEvent,
    ) -> Pending<'a, bool>;

    /// Writes a confirmed batch ahead of any send, with `audit`, in one transaction (see
    /// [`crate::batch::records`]): the batch, its rows, and each ready row as a payout in phase
    /// `queued`. Writing the same batch id again answers the batch as written; a file an
    /// earlier batch of the scope holds is answered [`BatchWritten::SameFile`] (nothing
    /// written) unless `batch.same_file_again`.
    fn record_batch<'a>(
        &'a self,
        batch: &'a NewBatch,
        audit: AuditEvent,
    ) -> Pending<'a, BatchWritten>;

    /// Changes batch `id`'s state as [`BatchChange`] says, with `audit` in the same
    /// transaction when the state changed. Returns the batch as it now stands.
    ///
    /// # Errors
    /// [`crate::error::Error::InvalidInput`] on `batch` when the change is not allowed from
    /// where the batch stands (done, cancelled, sent by another desk right now).
    fn change_batch<'a>(
        &'a self,
        id: &'a str,
        change: BatchChange,
        audit: Option<AuditEvent>,
    ) -> Pending<'a, BatchRecord>;

    /// The payouts of `scope` created at or after `since` that may have moved money (not
    /// declined, never sent, cancelled or rejected), oldest first, as a batch's rows are
    /// compared with them (duplicates, unusual amounts): read from the stored columns and the
    /// request's document, without reading whole requests. `recent` is left false (the caller
    /// knows its window).
    ///
    /// # Errors
    /// When the store cannot be read.
    fn earlier_payouts(&self, scope: &str, since: &str)
        -> Result<Vec<crate::batch::EarlierPayout>>;

    /// The batches of `scope`, newest first (at most 500).
    ///
    /// # Errors
    /// When the store cannot be read.
    fn batches(&self, scope: &str) -> Result<Vec<BatchRecord>>;

    /// One batch with its progress.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn batch(&self, id: &str) -> Result<Option<BatchRecord>>;

    /// A batch's rows in row order, each with its payout (with its stored request).
    ///
    /// # Errors
    /// When the store cannot be read.
    fn batch_rows(&self, id: &str) -> Result<Vec<BatchRowRecord>>;

    /// The batch and row number of the payout of `scope` holding `external_id`, when it is a
    /// batch's row (one indexed read: the watcher asks it per event).
    ///
    /// # Errors
    /// When the store cannot be read.
    fn batch_row_of(&self, scope: &str, external_id: &str) -> Result<Option<(String, u32)>>;

    /// The record with this id, with its stored request.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn get(&self, id: i64) -> Result<Option<PayoutRecord>>;

    /// A record of `scope` by provider id or external id (the id wins when both are given).
    ///
    /// # Errors
    /// When the store cannot be read.
    fn find(
        &self,
        scope: &str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Result<Option<PayoutRecord>>;

    /// The records of `scope` holding any of `external_ids`, by external id (ids no record
    /// holds are left out). A batch file that names payouts (a result file imported back)
    /// names up to 10,000: a store across a network reads them in one query, not one each.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn find_external_ids(
        &self,
        scope: &str,
        external_ids: &[String],
    ) -> Result<std::collections::HashMap<String, PayoutRecord>> {
        let mut found = std::collections::HashMap::new();
        for x in external_ids {
            if let Some(r) = self.find(scope, None, Some(x))? {
                found.insert(x.clone(), r);
            }
        }
        Ok(found)
    }

    /// Records of `scope` the watcher polls: PENDING, ON_HOLD, DELIVERED and UNKNOWN, and
    /// COMPLETED since `completed_since` (late rejections). Without the stored request.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn watchable(&self, scope: &str, completed_since: &str) -> Result<Vec<PayoutRecord>>;

    /// Records of `scope` whose create may exist unconfirmed, last touched at or before
    /// `before`, and not under a live send claim (their sender settles them), oldest first.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn unresolved(&self, scope: &str, before: &str) -> Result<Vec<PayoutRecord>>;

    /// What the overview adds up: every payout of `scope` created in `[from, before)` (RFC 3339
    /// UTC, the journal's form), and every payout open now (PENDING, DELIVERED, ON_HOLD) however
    /// old, each once, handed to `each` as it is read. Two index ranges (scope and creation time,
    /// covering; scope and status).
    ///
    /// # Errors
    /// When the store cannot be read.
    fn overview_rows(
        &self,
        scope: &str,
        from: &str,
        before: &str,
        each: &mut dyn FnMut(&super::OverviewRow<'_>),
    ) -> Result<()>;

    /// Records matching `filter`, newest first.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn list(&self, filter: &ListFilter) -> Result<Vec<PayoutRecord>>;

    /// Every record matching `filter` (its limit and offset ignored), newest first, with its
    /// history when asked, read as one consistent snapshot.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn snapshot(
        &self,
        filter: &ListFilter,
        with_history: bool,
    ) -> Result<Vec<(PayoutRecord, Vec<HistoryEntry>)>>;

    /// The exchanges kept for record `id` with their times, oldest first (see
    /// [`super::Journal::exchanges`] for them explained).
    ///
    /// # Errors
    /// When the store cannot be read.
    fn kept_exchanges(&self, id: i64) -> Result<Vec<(String, Exchange)>>;

    /// Audit entries matching `filter`, newest first.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>>;

    /// Checks the whole audit chain in `seq` order.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn verify_audit(&self) -> Result<AuditVerdict>;

    /// A record's history, oldest first.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn history(&self, id: i64) -> Result<Vec<HistoryEntry>>;
}

/// Why a fenced write changed nothing, when the fence is why and the writer must hear it: `fence`
/// is the writer's claim token, `token` the record's. A writer with a claim that is no longer
/// the record's lost it (its lease ran out and another desk took over). A writer without a
/// claim (a lookup that did not find the payout) is kept out of a record another desk is
/// sending without an error: what it saw proves nothing while that send is in flight. A
/// record already `created` (`phase`) refused the write by its own guard, whoever asked.
pub(crate) fn fence_refusal(
    fence: Option<&str>,
    token: Option<&str>,
    phase: &str,
) -> Option<String> {
    match (fence, token) {
        _ if phase == "created" => None,
        (Some(mine), Some(theirs)) if mine == theirs => None,
        (Some(_), _) => Some(LEASE_LOST.into()),
        (None, _) => None,
    }
}

/// Why an operator's action on an open create is refused while another desk sends it.
pub(crate) fn sending_now(holder: &str, until: &str) -> String {
    format!(
        "this payout is being sent by {holder} right now (claimed until {until}); wait for that \
         send to end before abandoning it"
    )
}

/// Why a fenced write was refused to a desk whose claim is gone.
pub const LEASE_LOST: &str = "this desk's claim on sending the payout ran out and \
     another desk took it over; that desk settles it by looking it up";

/// Why a resend was refused (`phase`: the record's, if it still exists).
pub(crate) fn not_resent(phase: Option<&str>) -> String {
    match phase {
        Some("created") => "the payout was settled meanwhile; nothing is resent".into(),
        Some(_) => format!("{LEASE_LOST}; nothing is resent by this desk"),
        None => "the payout record is gone; nothing is resent".into(),
    }
}

/// The furthest ahead a stored next slot is believed (see [`JournalStore::take_request_slot`]).
pub const MAX_SLOT_WAIT: Duration = Duration::from_secs(30);

/// The longest spacing a slot may set (a cap of at least one request in 2 s).
pub const MAX_SPACING: Duration = Duration::from_secs(2);

/// Whether the request slot is free at `now`, given the next slot stored (`None`: never
/// taken): it has come, or lies further ahead than [`MAX_SLOT_WAIT`].
#[must_use]
pub fn slot_is_free(next: Option<time::OffsetDateTime>, now: time::OffsetDateTime) -> bool {
    next.is_none_or(|n| n <= now || n > now + MAX_SLOT_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_is_free_once_it_has_come_or_when_it_cannot_be_believed() {
        let now = time::macros::datetime!(2026-11-30 09:00:00 UTC);
        let ms = |n: u64| Duration::from_millis(n);
        assert!(slot_is_free(None, now), "never taken");
        assert!(slot_is_free(Some(now - ms(500)), now), "gone by");
        assert!(slot_is_free(Some(now), now), "now");
        assert!(!slot_is_free(Some(now + ms(1)), now));
        assert!(!slot_is_free(Some(now + MAX_SLOT_WAIT), now));
        assert!(
            slot_is_free(Some(now + MAX_SLOT_WAIT + ms(1)), now),
            "further ahead than any spacing sets: not believed"
        );
    }
}

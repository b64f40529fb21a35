//! The embedded journal: a SQLite file that remembers every payout intent, every answer and
//! every observed status, with the time it was observed. The default store, for one operator
//! (the desktop app and the CLI share the file).
//!
//! Guarantees:
//! - `record_intent` returns only once its commit is on disk (the WAL forced to disk after the
//!   commit), so an intent is on disk before its create is sent. A crash after that point
//!   leaves a row in phase `intent` or `unknown`, which `desk::reconcile` resolves by
//!   `external_id`.
//! - Records are keyed by environment scope: `(scope, external_id)` and `(scope, cashout_id)`
//!   are unique, so a sandbox payout is never confused with a production one.
//! - The stored request never contains credentials (they are added by the client at send time).
//! - History is append-only; the state diagram is drawn from it.
//! - Writes never block async tasks: they are queued to one writer thread, which commits what
//!   is waiting together (group commit), so concurrent creates share one disk flush. The flush
//!   itself runs on a second thread (`sync_loop`) while the writer commits the next batch:
//!   writes that need no flush (answers, statuses) are not held behind one.
//! - The duplicate guard's check and the insert are one IMMEDIATE transaction on the file, so
//!   two processes (the app and the CLI) cannot both pass it; a send lease is claimed in the
//!   same way (see [`super::store::JournalStore::claim_send`]).
//! - The audit chain (see [`crate::audit`]) is appended inside the writer's transaction.
//!
//! Files: this one the writes (the create protocol, statuses, lookups); `reads` what is read
//! back (records, lists, snapshots, exchanges, the audit chain); `writer` the commit and flush
//! threads; `rows` how rows are read and written; `search` listing and text search; `schema` the
//! tables and their migrations; `merge` folding an older journal file into this one.

mod batches;
mod beneficiaries;
mod claims;
mod corrections;
mod import;
mod interface;
pub mod merge;
mod reads;
mod rows;
mod schema;
mod search;
mod writer;

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard};

use tokio::sync::oneshot;

use rusqlite::{params, Connection, OptionalExtension};

use super::store::SendClaim;
use super::{
    content_hash, keys, DuplicateGuard, IntentOutcome, ListFilter, PayoutRecord, Phase, Watched,
};
use crate::api::types::{CashoutId, CashoutRef, CreateCashout, Exchange, StatusAnswer};
use crate::audit::AuditEvent;
use crate::clock::{format_instant, Clock};
use crate::error::{Error, Result};
use crate::l10n::messages::tr;
use crate::status::CashoutStatus;

use claims::{check_fence, fenced};
use rows::*;
use writer::*;

/// Reads asking for more rows than this take a connection of their own (exports).
const LONG_READ: u32 = 1000;

/// The journal file. Reads go through a reader connection; writes go to one writer thread that
/// commits whatever is queued in a single transaction (group commit), each write in its own
/// savepoint so one failure does not undo the others.
pub struct SqliteStore {
    /// Exchanges waiting for the writer's next quiet moment (see
    /// [`SqliteStore::record_exchange_detached`]).
    exchanges_waiting: ExchangeBuffer,
    reader: Mutex<Connection>,
    writer: mpsc::Sender<Job>,
    /// Joined on drop, so what is queued (e.g. waiting exchanges) is written before a short-
    /// lived process (the CLI) exits.
    writer_thread: Option<std::thread::JoinHandle<()>>,
    /// How many times the WAL has been forced to disk for durable writes.
    flushes: Arc<AtomicU64>,
    clock: Arc<dyn Clock>,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the journal at `path` and starts its writer thread.
    ///
    /// # Errors
    /// [`Error::Journal`] when the file cannot be opened or migrated.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        Self::open_with(path, clock, true)
    }

    /// As [`SqliteStore::open`]; without `flush_thread` the writer forces durable commits itself
    /// (what it falls back to when the WAL cannot be opened).
    fn open_with(path: &Path, clock: Arc<dyn Clock>, flush_thread: bool) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::Journal(format!("cannot create {}: {e}", dir.display())))?;
        }
        let write_conn = Connection::open(path)?;
        schema::prepare(&write_conn)?;
        let wal = open_wal(&write_conn).filter(|_| flush_thread);
        let flushes = Arc::new(AtomicU64::new(0));
        let flushed = flushes.clone();
        let reader = Connection::open(path)?;
        schema::prepare_reader(&reader)?;
        let (writer, jobs) = mpsc::channel();
        let exchanges_waiting = ExchangeBuffer::default();
        let waiting = exchanges_waiting.clone();
        let writer_thread = std::thread::Builder::new()
            .name("journal-writer".into())
            .spawn(move || writer_loop(write_conn, jobs, waiting, wal, flushed))
            .map_err(|e| Error::Journal(format!("cannot start the journal writer: {e}")))?;
        Ok(Self {
            exchanges_waiting,
            reader: Mutex::new(reader),
            writer,
            writer_thread: Some(writer_thread),
            flushes,
            clock,
            path: path.to_owned(),
        })
    }

    /// How many times the WAL has been forced to disk for intents since this journal was
    /// opened (one flush serves every intent committed before it began). Zero when the writer
    /// forces its commits itself.
    #[must_use]
    pub fn disk_flushes(&self) -> u64 {
        self.flushes.load(Ordering::Relaxed)
    }

    /// The file this journal writes.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn reader(&self) -> Result<MutexGuard<'_, Connection>> {
        self.reader
            .lock()
            .map_err(|_| Error::Journal("the journal lock was poisoned".into()))
    }

    fn now(&self) -> String {
        format_instant(self.clock.now())
    }

    async fn write<T: Send + 'static>(
        &self,
        durable: bool,
        work: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let (reply, answer) = oneshot::channel();
        let work: Work = Box::new(move |c| work(c).map(|v| Box::new(v) as Box<dyn Any + Send>));
        let stopped = || Error::Journal("the journal writer has stopped".into());
        self.writer
            .send(Job {
                work,
                durable,
                reply,
            })
            .map_err(|_| stopped())?;
        let value = answer.await.map_err(|_| stopped())??;
        value
            .downcast::<T>()
            .map(|b| *b)
            .map_err(|_| Error::Journal("journal answer of the wrong type".into()))
    }

    /// See [`JournalStore::record_intent`]. The check and the insert are one IMMEDIATE
    /// transaction on the file, so two processes (the app and the CLI, two CLI runs) cannot
    /// both pass it.
    ///
    /// # Errors
    /// [`Error::Journal`] when the write fails: then nothing may be sent.
    pub async fn record_intent(
        &self,
        scope: &str,
        base_url: &str,
        request: &CreateCashout,
        guard: Option<DuplicateGuard>,
        claim: &SendClaim,
    ) -> Result<IntentOutcome> {
        let json = serde_json::to_string(request).map_err(|e| Error::Journal(e.to_string()))?;
        let (now, scope, base_url, request) = (
            self.now(),
            scope.to_owned(),
            base_url.to_owned(),
            request.clone(),
        );
        let (token, holder, until) = (
            claim.token.clone(),
            claim.holder.clone(),
            self.lease_until(claim),
        );
        let hash = content_hash(&request);
        self.write(true, move |tx| {
            let existing = query_row(
                tx,
                &format!("{SELECT} WHERE scope = ?1 AND external_id = ?2"),
                params![scope, request.external_id],
                record_from_row,
            )
            .optional()?;
            if let Some(record) = existing {
                let same = record.request.as_ref() == Some(&request);
                return Ok(if same {
                    IntentOutcome::Same(record)
                } else {
                    IntentOutcome::Conflict(record)
                });
            }
            if let Some(guard) = guard {
                // Payouts that moved no money in the end (cancelled, returned, refused by the
                // provider) do not count; one that may exist, or someone else's with this
                // external_id (declined 511), does.
                let earlier = query_row(
                    tx,
                    &format!(
                        "{SELECT_SUMMARY} WHERE scope = ?1 AND content_hash = ?2 AND created_at >= ?3
                           AND coalesce(status, '') NOT IN ('CANCELLED', 'REJECTED')
                           AND NOT (phase = 'declined' AND coalesce(api_code, 0) <> 511)
                         ORDER BY created_at DESC, id DESC LIMIT 1"
                    ),
                    params![scope, hash, guard.since],
                    record_from_row,
                )
                .optional()?;
                if let Some(earlier) = earlier {
                    if earlier.external_id.is_none() || earlier.external_id != guard.pay_again_of {
                        return Ok(IntentOutcome::PossibleDuplicate(earlier));
                    }
                }
            }
            let claim = Claim {
                token: &token,
                holder: &holder,
                until: &until,
            };
            insert_desk_payout(tx, &scope, &base_url, &request, &json, &now, "intent", Some(claim))?;
            let id = tx.last_insert_rowid();
            insert_history(tx, id, &now, "intent", None, None)?;
            Ok(IntentOutcome::New(id))
        })
        .await
    }

    fn lease_until(&self, claim: &SendClaim) -> String {
        format_instant(self.clock.now() + claim.lease)
    }

    /// See [`JournalStore::record_sending`].
    ///
    /// # Errors
    /// [`Error::Journal`]: then nothing may be sent.
    pub async fn record_sending(&self, id: i64, claim: &SendClaim) -> Result<()> {
        let (now, until, token) = (self.now(), self.lease_until(claim), claim.token.clone());
        self.write(true, move |tx| {
            // A row of a batch that is paused or cancelled stays unsent (see `send_refused`).
            let batch: Option<(String, String, String)> = query_row(
                tx,
                "SELECT p.phase, b.id, b.state FROM payouts p
                 JOIN batch_rows r ON r.payout_id = p.id JOIN batches b ON b.id = r.batch_id
                 WHERE p.id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
            if let Some(why) = batch.and_then(|(phase, b, state)| {
                crate::batch::records::send_refused(&phase, &b, &state)
            }) {
                return Err(Error::Journal(why));
            }
            let attempts: Option<i64> = query_row(tx,
                "UPDATE payouts SET attempts = attempts + 1, updated_at = ?2, last_sent_at = ?2,
                    lookups = 0, lease_until = ?4,
                    status = CASE WHEN phase IN ('queued', 'not_sent', 'declined', 'abandoned') THEN NULL ELSE status END,
                    status_code = CASE WHEN phase IN ('queued', 'not_sent', 'declined', 'abandoned') THEN NULL ELSE status_code END,
                    api_code = CASE WHEN phase IN ('queued', 'not_sent', 'declined', 'abandoned') THEN NULL ELSE api_code END,
                    phase = CASE WHEN phase IN ('queued', 'not_sent', 'declined', 'abandoned') THEN 'intent' ELSE phase END
                 WHERE id = ?1 AND phase <> 'created' AND claim_token = ?3
                 RETURNING attempts",
                params![id, now, token, until],
                |r| r.get(0),
            )
            .optional()?;
            let Some(attempts) = attempts else {
                let phase: Option<String> = query_row(
                    tx,
                    "SELECT phase FROM payouts WHERE id = ?1",
                    params![id],
                    |r| r.get(0),
                )
                .optional()?;
                return Err(Error::Journal(super::store::not_resent(phase.as_deref())));
            };
            insert_history(tx, id, &now, "sent", None, Some(&format!("attempt {attempts}")))?;
            Ok(())
        })
        .await
    }

    /// See [`JournalStore::record_created_audited`]: the payout and its audit entry are
    /// recorded together or not at all, in one trip to the writer.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_created_audited(
        &self,
        id: i64,
        cashout_id: CashoutId,
        status: CashoutStatus,
        audit: Option<AuditEvent>,
    ) -> Result<PayoutRecord> {
        let now = self.now();
        // Not forced to disk on its own: the next intent's flush syncs the whole WAL,
        // and the writer's idle checkpoint (after IDLE without writes) syncs it too, so the id
        // is on disk within about IDLE of the answer. Only a power cut inside that window can
        // lose it; the payout is then found again by external_id (without its id, see README).
        self.write(false, move |tx| {
            // RETURNING hands the caller its view without a second read.
            let record = query_row(
                tx,
                &format!(
                    "UPDATE payouts SET phase = 'created', cashout_id = ?2, status = ?3, last_error = NULL,
                        status_code = ?5,
                        status_since = CASE WHEN status IS ?3 THEN status_since ELSE ?4 END,
                        api_code = NULL, attempts = MAX(attempts, 1), updated_at = ?4, checked_at = ?4,
                        claim_token = NULL, claimed_by = NULL, lease_until = NULL
                     WHERE id = ?1 RETURNING {SUMMARY_COLUMNS}"
                ),
                params![id, cashout_id.0, status.name(), now, status.code()],
                record_from_row,
            )?;
            insert_history(tx, id, &now, "created", Some(status), Some(&format!("cashout_id {cashout_id}")))?;
            if let Some(mut event) = audit {
                event.cashout_id = Some(cashout_id.0);
                insert_audit(tx, &now, event)?;
            }
            Ok(record)
        })
        .await
    }

    /// Keeps an exchange for the inspector without making the operation wait: it is held in
    /// memory and written when the writer is next quiet (about [`IDLE`] after the last write),
    /// when [`MAX_WAITING_EXCHANGES`] are waiting, or when the journal is closed. Reads see it at once. A crash before then loses this display copy, never the
    /// payout or its history. Writing each one with its operation cost creates about a tenth of
    /// their throughput (the benchmark).
    pub fn record_exchange_detached(&self, id: i64, exchange: Exchange) {
        let now = self.now();
        let was_empty = {
            let mut waiting = self.waiting();
            waiting.push((id, now, exchange));
            waiting.len() == 1
        };
        if was_empty {
            // Wake a writer that sleeps until the next job, so its quiet moment comes.
            let (reply, _) = oneshot::channel();
            let _ = self.writer.send(Job {
                work: Box::new(|_| Ok(Box::new(()) as Box<dyn Any + Send>)),
                durable: false,
                reply,
            });
        }
    }

    fn waiting(&self) -> MutexGuard<'_, Vec<(i64, String, Exchange)>> {
        self.exchanges_waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The provider refused the create: DECLINED, with its code and message.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_declined(
        &self,
        id: i64,
        api_code: i64,
        message: &str,
        fence: Option<&str>,
    ) -> Result<()> {
        let (now, message, fence) = (self.now(), message.to_owned(), fence.map(str::to_owned));
        self.write(false, move |tx| {
            let changed = exec(tx,
                &format!("UPDATE payouts SET phase = 'declined', status = 'DECLINED', api_code = ?2, last_error = ?3,
                    status_since = CASE WHEN status IS 'DECLINED' THEN status_since ELSE ?4 END,
                    updated_at = ?4, claim_token = NULL, claimed_by = NULL, lease_until = NULL
                 WHERE id = ?1 AND phase <> 'created' AND {}", fenced(5, 4)),
                params![id, api_code, message, now, fence],
            )?;
            if changed == 0 {
                check_fence(tx, id, fence.as_deref())?;
                return Ok(());
            }
            let detail = format!("code {api_code}: {message}");
            insert_history(tx, id, &now, "declined", Some(CashoutStatus::Declined), Some(&detail))?;
            Ok(())
        })
        .await
    }

    /// Moves the create protocol to `phase` and notes why; returns whether it moved. Guards,
    /// so that no caller can get them wrong:
    /// - a record that is `created` stays created (a stale lookup must not turn a real payout
    ///   back into an open one), and an `abandoned` one stays abandoned;
    /// - `not_sent` is reached only from `intent` or `not_sent`, of a create whose sends
    ///   provably never left (the caller says so by asking for it; a record that was ever
    ///   `unknown` or `sent_not_found` may exist and is never made `not_sent`);
    /// - `sent_not_found` counts one more negative lookup (its back-off).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_phase(
        &self,
        id: i64,
        phase: Phase,
        detail: &str,
        fence: Option<&str>,
    ) -> Result<bool> {
        let (now, detail, fence) = (self.now(), detail.to_owned(), fence.map(str::to_owned));
        let (event, allowed_from) = match phase {
            // A resend moves a record to `intent` before it is sent (see `record_sending`).
            Phase::NotSent => ("not_delivered", "('intent', 'not_sent')"),
            Phase::SentNotFound => (
                "not_found",
                "('intent', 'unknown', 'sent_not_found', 'not_sent', 'declined')",
            ),
            Phase::Unknown => (
                "unknown",
                "('intent', 'unknown', 'sent_not_found', 'not_sent', 'declined')",
            ),
            // Each recorded by its own operation, with what it needs: the answer (created,
            // declined), the send (`record_sending`), the audit entry (`record_abandoned`).
            Phase::Created | Phase::Declined | Phase::Intent | Phase::Abandoned | Phase::Queued => {
                return Err(Error::Journal(format!(
                    "{} is recorded by its own operation, not as a bare phase",
                    phase.as_str()
                )))
            }
        };
        let lookups = i64::from(phase == Phase::SentNotFound);
        self.write(false, move |tx| {
            let changed = exec(
                tx,
                &format!(
                    "UPDATE payouts SET phase = ?2, last_error = ?3, updated_at = ?4,
                        lookups = lookups + ?5, checked_at = CASE WHEN ?5 = 1 THEN ?4 ELSE checked_at END
                     WHERE id = ?1 AND phase IN {allowed_from} AND {}",
                    fenced(6, 4)
                ),
                params![id, phase.as_str(), detail, now, lookups, fence],
            )?;
            if changed > 0 {
                insert_history(tx, id, &now, event, None, Some(&detail))?;
            } else {
                check_fence(tx, id, fence.as_deref())?;
            }
            Ok(changed > 0)
        })
        .await
    }

    /// The operator abandons an open create (see [`Phase::Abandoned`]), appending `audit` in the
    /// same transaction. Returns the record as it now stands; `None` when it was not open (a
    /// lookup settled it meanwhile, or it was abandoned already).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_abandoned(
        &self,
        id: i64,
        detail: &str,
        audit: AuditEvent,
    ) -> Result<Option<PayoutRecord>> {
        let (now, detail) = (self.now(), detail.to_owned());
        self.write(false, move |tx| {
            let record = query_row(
                tx,
                &format!(
                    "UPDATE payouts SET phase = 'abandoned', last_error = ?2, updated_at = ?3
                     WHERE id = ?1 AND phase IN ('intent', 'unknown', 'sent_not_found', 'not_sent')
                       AND (claim_token IS NULL OR lease_until <= ?3)
                     RETURNING {SUMMARY_COLUMNS}"
                ),
                params![id, detail, now],
                record_from_row,
            )
            .optional()?;
            if record.is_none() {
                let held: Option<(String, String)> = query_row(
                    tx,
                    "SELECT claimed_by, lease_until FROM payouts
                     WHERE id = ?1 AND claim_token IS NOT NULL AND lease_until > ?2",
                    params![id, now],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
                if let Some((holder, until)) = held {
                    return Err(Error::Journal(super::store::sending_now(&holder, &until)));
                }
            }
            if record.is_some() {
                insert_history(tx, id, &now, "abandoned", None, Some(&detail))?;
                insert_audit(tx, &now, audit)?;
            }
            Ok(record)
        })
        .await
    }

    /// Records a status the provider reported for record `id`. `event` names what produced
    /// it (`status`, `found`, `action`). The phase becomes `created`. A history line is added
    /// when the status or rejection changed, or for any event other than a plain check.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_status(
        &self,
        id: i64,
        answer: &StatusAnswer,
        event: &'static str,
    ) -> Result<Option<CashoutStatus>> {
        let (now, answer) = (self.now(), answer.clone());
        self.write(false, move |tx| apply_status(tx, id, &now, &answer, event))
            .await
    }

    /// The watcher's record of a status it polled for record `id`, sent at `sent_at`. Nothing is
    /// written when the row is gone or no longer the payout that was polled (another process
    /// merged it away and its id was reused), or when an answer newer than this request was
    /// recorded meanwhile (e.g. the operator cancelled while the poll was in flight): a slow
    /// answer must never turn CANCELLED back into PENDING.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_watched(
        &self,
        id: i64,
        which: &CashoutRef,
        answer: &StatusAnswer,
        sent_at: String,
    ) -> Result<Watched> {
        let (now, answer, which) = (self.now(), answer.clone(), which.clone());
        self.write(false, move |tx| {
            let row: Option<(Option<i64>, Option<String>, Option<String>)> = query_row(
                tx,
                "SELECT cashout_id, external_id, checked_at FROM payouts WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
            let Some((cashout_id, external_id, checked_at)) = row else {
                return Ok(Watched::Gone);
            };
            let same = match &which {
                CashoutRef::Id(c) => cashout_id == Some(c.0),
                CashoutRef::ExternalId(x) => external_id.as_deref() == Some(x.as_str()),
            };
            if !same {
                return Ok(Watched::Gone);
            }
            if checked_at.is_some_and(|c| c > sent_at) {
                return Ok(Watched::Stale);
            }
            apply_status(tx, id, &now, &answer, "watch")?;
            Ok(Watched::Recorded)
        })
        .await
    }

    /// Records that an action or check failed (kept in history, shown to the operator).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_event(&self, id: i64, event: &'static str, detail: &str) -> Result<()> {
        let (now, detail) = (self.now(), detail.to_owned());
        self.write(false, move |tx| {
            Ok(insert_history(tx, id, &now, event, None, Some(&detail))?)
        })
        .await
    }

    /// Adds a record for a cashout known only from a lookup (created elsewhere), or returns the
    /// existing one. Given both ids (only when the provider confirmed they belong together,
    /// e.g. a cancel that named both and succeeded), it attaches the missing one, merging two
    /// records of the same payout.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_lookup(
        &self,
        scope: &str,
        base_url: &str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Result<i64> {
        let (now, scope, base_url) = (self.now(), scope.to_owned(), base_url.to_owned());
        let external_id = external_id.map(str::to_owned);
        self.write(false, move |tx| {
            let by_id = match cashout_id {
                Some(_) => find_in(tx, &scope, cashout_id, None)?,
                None => None,
            };
            let by_ext = match external_id.as_deref() {
                Some(x) => find_in(tx, &scope, None, Some(x))?,
                None => None,
            };
            match (by_id, by_ext, cashout_id, external_id.as_deref()) {
                (Some(a), Some(b), _, _) if a.id == b.id => Ok(a.id),
                // One payout known twice: by id (a lookup) and by external_id (e.g. a create
                // whose answer was lost). Keep the external_id record, give it the id and the
                // other record's history.
                (Some(a), Some(b), Some(id), _)
                    if a.external_id.is_none() && b.cashout_id.is_none() && b.phase == Phase::Created =>
                {
                    exec(tx, "UPDATE history SET payout_id = ?2 WHERE payout_id = ?1", params![a.id, b.id])?;
                    exec(tx, "UPDATE exchanges SET payout_id = ?2 WHERE payout_id = ?1", params![a.id, b.id])?;
                    exec(tx, "DELETE FROM payouts WHERE id = ?1", params![a.id])?;
                    exec(tx, "UPDATE payouts SET cashout_id = ?2 WHERE id = ?1", params![b.id, id.0])?;
                    insert_history(tx, b.id, &now, "linked", None, Some(&format!("cashout_id {id}")))?;
                    Ok(b.id)
                }
                (Some(a), Some(b), _, _) => Err(Error::InvalidInput {
                    field: "external_id",
                    message: tr(
                        "d-two-different-payouts",
                        &[
                            ("first", a.id.to_string().into()),
                            ("second", b.id.to_string().into()),
                        ],
                    ),
                }),
                (Some(a), None, _, Some(x)) => {
                    if a.external_id.is_none() {
                        let search = keys::search_text(Some(x), a.beneficiary.as_deref(), a.request.as_ref());
                        exec(tx, "UPDATE payouts SET external_id = ?2, search_text = ?3 WHERE id = ?1", params![a.id, x, search])?;
                    }
                    Ok(a.id)
                }
                // Only a payout found by its external_id (created, id not known) is joined with
                // the id: a create that was never found may not exist, and joining it to this
                // cashout would call it settled on an operator's say-so.
                (None, Some(b), Some(id), _) if b.phase == Phase::Created => {
                    if b.cashout_id.is_none() {
                        exec(tx, "UPDATE payouts SET cashout_id = ?2 WHERE id = ?1", params![b.id, id.0])?;
                        insert_history(tx, b.id, &now, "linked", None, Some(&format!("cashout_id {id}")))?;
                    }
                    Ok(b.id)
                }
                (None, Some(b), Some(id), _) => {
                    insert_history(tx, b.id, &now, "not_linked", None, Some(&format!(
                        "cashout {id} was named with this external_id, but this create was never found by it; kept apart"
                    )))?;
                    exec(
                        tx,
                        "INSERT INTO payouts (scope, base_url, cashout_id, origin, phase, created_at, updated_at)
                         VALUES (?1, ?2, ?3, 'lookup', 'created', ?4, ?4)",
                        params![scope, base_url, id.0, now],
                    )?;
                    let new = tx.last_insert_rowid();
                    insert_history(tx, new, &now, "added", None, Some("added to the journal by a lookup"))?;
                    Ok(new)
                }
                (Some(a), None, _, None) => Ok(a.id),
                (None, Some(b), None, _) => Ok(b.id),
                (None, None, _, _) => {
                    exec(
                        tx,
                        "INSERT INTO payouts (scope, base_url, external_id, cashout_id, origin, phase, created_at, updated_at,
                            search_text)
                         VALUES (?1, ?2, ?3, ?4, 'lookup', 'created', ?5, ?5, ?6)",
                        params![scope, base_url, external_id, cashout_id.map(|c| c.0), now,
                            keys::search_text(external_id.as_deref(), None, None)],
                    )?;
                    let id = tx.last_insert_rowid();
                    insert_history(tx, id, &now, "added", None, Some("added to the journal by a lookup"))?;
                    Ok(id)
                }
            }
        })
        .await
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Closing the queue ends the writer once it has done what was queued.
        self.writer = mpsc::channel().0;
        if let Some(t) = self.writer_thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests;

/// A send claim as written with a new payout.
pub(super) struct Claim<'a> {
    pub token: &'a str,
    pub holder: &'a str,
    pub until: &'a str,
}

/// Inserts a payout this desk creates (`json`: `request` as stored) in `phase`, claimed by
/// `claim` when given, with its list and search keys; its id is `tx.last_insert_rowid()`.
#[allow(clippy::too_many_arguments)]
pub(super) fn insert_desk_payout(
    tx: &Connection,
    scope: &str,
    base_url: &str,
    request: &CreateCashout,
    json: &str,
    now: &str,
    phase: &str,
    claim: Option<Claim<'_>>,
) -> Result<i64> {
    let (amount, beneficiary) = (request.amount.map(|a| a.to_string()), request.beneficiary());
    exec(
        tx,
        "INSERT INTO payouts (scope, base_url, external_id, origin, phase, request_json, country,
            currency, amount, beneficiary, created_at, updated_at, content_hash,
            claim_token, claimed_by, lease_until, claim_pid, search_text, amount_key, name_key)
         VALUES (?1, ?2, ?3, 'desk', ?18, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?14,
            ?15, ?16, ?17)",
        params![
            scope,
            base_url,
            request.external_id,
            json,
            request.country,
            request.currency,
            amount,
            beneficiary,
            now,
            content_hash(request),
            claim.as_ref().map(|c| c.token),
            claim.as_ref().map(|c| c.holder),
            claim.as_ref().map(|c| c.until),
            claim.as_ref().map(|_| std::process::id()),
            keys::search_text(
                Some(&request.external_id),
                Some(&beneficiary),
                Some(request)
            ),
            keys::amount_key(request.currency.as_deref(), amount.as_deref()),
            keys::name_key(Some(&beneficiary)),
            phase,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

//! The journal: a SQLite file that remembers every payout intent, every answer and every
//! observed status, with the time it was observed.
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
//!
//! - The audit chain (see [`crate::audit`]) is appended inside the writer's transaction.

mod schema;

use std::any::Any;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard};

use tokio::sync::oneshot;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::api::client::Exchange;
use crate::api::types::{BankInfo, CashoutId, CashoutRef, CreateCashout, StatusAnswer};
use crate::audit::{AuditEntry, AuditEvent, AuditFilter, AuditVerdict};
use crate::clock::{format_instant, Clock};
use crate::error::{Error, Result};
use crate::status::CashoutStatus;

/// Where a record stands in the create protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phase {
    /// Written; the create may not have been sent yet.
    Intent,
    /// Sent; no definite answer yet. Must be looked up by external_id before any resend.
    Unknown,
    /// The provider has it (we have its id, or found it by external_id).
    Created,
    /// The provider refused the create; no cashout exists.
    Declined,
    /// Looked up: the provider has no cashout with this external_id. Safe to send again with
    /// the same external_id and contents.
    NotSent,
}

impl Phase {
    fn as_str(self) -> &'static str {
        match self {
            Self::Intent => "intent",
            Self::Unknown => "unknown",
            Self::Created => "created",
            Self::Declined => "declined",
            Self::NotSent => "not_sent",
        }
    }
    fn parse(s: &str) -> Self {
        match s {
            "unknown" => Self::Unknown,
            "created" => Self::Created,
            "declined" => Self::Declined,
            "not_sent" => Self::NotSent,
            _ => Self::Intent,
        }
    }
}

/// One payout as the journal knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayoutRecord {
    pub id: i64,
    pub scope: String,
    pub base_url: String,
    pub external_id: Option<String>,
    pub cashout_id: Option<i64>,
    /// `desk` for payouts created here, `lookup` for ones found by id or external id.
    pub origin: String,
    pub phase: Phase,
    /// The request as sent, without credentials (payouts created here only).
    pub request: Option<CreateCashout>,
    pub country: Option<String>,
    pub currency: Option<String>,
    pub amount: Option<String>,
    pub beneficiary: Option<String>,
    pub status: Option<CashoutStatus>,
    pub rejection_code: Option<i64>,
    pub rejection_reason: Option<String>,
    pub provider_reference: Option<String>,
    pub bank: Option<BankInfo>,
    pub last_error: Option<String>,
    pub api_code: Option<i64>,
    pub attempts: i64,
    pub created_at: String,
    pub updated_at: String,
    pub checked_at: Option<String>,
    /// When the payout entered its current status (as first observed here).
    pub status_since: Option<String>,
}

/// One line of a payout's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    pub at: String,
    /// What happened: intent, sent, created, declined, unknown, found, not_found, status,
    /// action, refused.
    pub event: String,
    pub status: Option<CashoutStatus>,
    pub detail: Option<String>,
}

/// A kept [`Exchange`] with its time, for the signing inspector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExchangeRecord {
    pub at: String,
    #[serde(flatten)]
    pub exchange: Exchange,
    /// The provider's error code in the answer, explained (e.g. 302: the signature did not
    /// match).
    pub explanation: Option<crate::codes::CodeInfo>,
}

/// What became of a watcher's answer (see [`Journal::record_watched`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watched {
    Recorded,
    /// A newer answer was recorded meanwhile; this one was dropped.
    Stale,
    /// The record is gone, or is no longer the payout that was polled.
    Gone,
}

/// What `record_intent` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntentOutcome {
    /// A new intent, committed.
    New(i64),
    /// This external_id already has an intent in this scope with the same contents.
    Same(PayoutRecord),
    /// This external_id is taken in this scope by different contents.
    Conflict(PayoutRecord),
}

/// A filter for listing.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ListFilter {
    pub scope: Option<String>,
    pub status: Option<CashoutStatus>,
    pub country: Option<String>,
    /// Found anywhere in external_id or beneficiary (any case), or equal to cashout_id.
    pub text: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

const SELECT: &str = "SELECT id, scope, base_url, external_id, cashout_id, origin, phase, request_json,
    country, currency, amount, beneficiary, status, rejection_code, rejection_reason,
    provider_reference, bank_json, last_error, api_code, attempts, created_at, updated_at, checked_at,
    status_since FROM payouts";

/// As [`SELECT`] without the stored request: lists and views never show it, and parsing it for
/// every row is most of the cost of reading one.
const SUMMARY_COLUMNS: &str = "id, scope, base_url, external_id, cashout_id, origin, phase, NULL,
    country, currency, amount, beneficiary, status, rejection_code, rejection_reason,
    provider_reference, bank_json, last_error, api_code, attempts, created_at, updated_at, checked_at,
    status_since";

const SELECT_SUMMARY: &str = "SELECT id, scope, base_url, external_id, cashout_id, origin, phase, NULL,
    country, currency, amount, beneficiary, status, rejection_code, rejection_reason,
    provider_reference, bank_json, last_error, api_code, attempts, created_at, updated_at, checked_at,
    status_since FROM payouts";

fn record_from_row(row: &Row<'_>) -> rusqlite::Result<PayoutRecord> {
    let request: Option<String> = row.get(7)?;
    let status: Option<String> = row.get(12)?;
    let bank: Option<String> = row.get(16)?;
    Ok(PayoutRecord {
        id: row.get(0)?,
        scope: row.get(1)?,
        base_url: row.get(2)?,
        external_id: row.get(3)?,
        cashout_id: row.get(4)?,
        origin: row.get(5)?,
        phase: Phase::parse(&row.get::<_, String>(6)?),
        request: request.and_then(|r| serde_json::from_str(&r).ok()),
        country: row.get(8)?,
        currency: row.get(9)?,
        amount: row.get(10)?,
        beneficiary: row.get(11)?,
        status: status.and_then(|s| CashoutStatus::from_name(&s)),
        rejection_code: row.get(13)?,
        rejection_reason: row.get(14)?,
        provider_reference: row.get(15)?,
        bank: bank.and_then(|b| serde_json::from_str(&b).ok()),
        last_error: row.get(17)?,
        api_code: row.get(18)?,
        attempts: row.get(19)?,
        created_at: row.get(20)?,
        updated_at: row.get(21)?,
        checked_at: row.get(22)?,
        status_since: row.get(23)?,
    })
}

/// Up to this many matches, a text search reads the payouts the trigram index names; beyond,
/// it walks the list newest first and stops at a full page.
const RARE_TEXT: usize = 2000;

/// Held while one call drives the create of one intent.
type IntentLock = Arc<tokio::sync::Mutex<()>>;

/// The journal file. Reads go through a reader connection; writes go to one writer thread that
/// commits whatever is queued in a single transaction (group commit), each write in its own
/// savepoint so one failure does not undo the others.
pub struct Journal {
    /// Exchanges waiting for the writer's next quiet moment (see [`Journal::record_exchange_detached`]).
    exchanges_waiting: ExchangeBuffer,
    /// One lock per intent, so two calls in this process never drive the same create at once.
    intent_locks: Mutex<HashMap<(String, String), IntentLock>>,
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

type Work = Box<dyn FnOnce(&Connection) -> Result<Box<dyn Any + Send>> + Send>;

/// Where a write's result is sent.
type Reply = oneshot::Sender<Result<Box<dyn Any + Send>>>;

/// Committed writes whose callers wait until the WAL holding them is on disk.
type AwaitingFlush = Vec<(Reply, Result<Box<dyn Any + Send>>)>;

struct Job {
    work: Work,
    /// Must be on disk before the caller goes on (intents). Other writes ride on the next
    /// flush: losing them to a power cut is repaired by reconciling the intent.
    durable: bool,
    reply: Reply,
}

/// Most writes committed together.
const MAX_BATCH: usize = 256;

/// The WAL is folded back into the main file after this many commits without one, even under
/// continuous load, so it cannot grow without bound.
const CHECKPOINT_EVERY: u32 = 500;

/// How long without a write counts as idle, when checkpoints are run.
const IDLE: std::time::Duration = std::time::Duration::from_millis(50);

/// Exchanges kept in memory until the writer is quiet: `(payout id, time, exchange)`.
type ExchangeBuffer = Arc<Mutex<Vec<(i64, String, Exchange)>>>;

/// The writer thread: commits queued writes in batches; see [`Journal`].
///
/// With `wal` (a handle on the journal's WAL file), every commit is made with
/// `synchronous=NORMAL` and durable writes are handed to [`sync_loop`], which answers them after
/// forcing the WAL to disk. Without it, a batch holding a durable write is committed with
/// `synchronous=FULL` and answered at once: slower, as safe.
fn writer_loop(
    mut conn: Connection,
    jobs: mpsc::Receiver<Job>,
    waiting: ExchangeBuffer,
    wal: Option<std::fs::File>,
    flushes: Arc<AtomicU64>,
) {
    std::thread::scope(|threads| {
        let flusher = wal.and_then(|wal| {
            let (flusher, awaiting) = mpsc::channel::<AwaitingFlush>();
            std::thread::Builder::new()
                .name("journal-flush".into())
                .spawn_scoped(threads, move || {
                    sync_loop(|| wal.sync_data(), &awaiting, &flushes);
                })
                .ok()
                .map(|_| flusher)
        });
        commit_loop(&mut conn, &jobs, &waiting, flusher.as_ref());
        // Dropping `flusher` lets the sync thread answer what it holds and end; the scope
        // joins it before the connection closes (the last close may delete the WAL).
    });
}

/// Forces the WAL to disk for durable writes (`flush`), then answers them. Everything queued
/// when a flush starts was committed before it started, so one flush covers all of them; while
/// it runs the writer goes on committing.
///
/// Forcing the file from a handle of our own is what `synchronous=FULL` does from SQLite's
/// (the kernel flushes the file, not the handle). The WAL cannot be deleted or replaced under
/// it: SQLite removes it only when the last connection closes, and the writer's stays open
/// until this thread has ended. Frames that a checkpoint has meanwhile copied into the main
/// file were forced there by that checkpoint.
///
/// One failed flush fails every later durable write too, until the journal is opened again.
/// After a failed `fsync` the kernel may drop the unwritten pages and report success next
/// time, and WAL recovery stops at the first frame that never reached the disk. A later
/// intent's "flushed" would then be false, and its create would be sent with no record that
/// survives a power cut.
fn sync_loop(
    mut flush: impl FnMut() -> std::io::Result<()>,
    awaiting: &mpsc::Receiver<AwaitingFlush>,
    flushes: &AtomicU64,
) {
    let mut failed: Option<String> = None;
    while let Ok(mut held) = awaiting.recv() {
        while let Ok(more) = awaiting.try_recv() {
            held.extend(more);
        }
        if failed.is_none() {
            match flush() {
                Ok(()) => {
                    flushes.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) => failed = Some(e.to_string()),
            }
        }
        for (reply, result) in held {
            let result = match &failed {
                None => result,
                // Committed but perhaps not on disk: the caller must not act on it (an intent
                // is then never sent, and reconciling finds it unsent).
                Some(e) => Err(Error::Journal(format!(
                    "the journal could not be forced to disk ({e}); nothing more can be sent \
                     until it is opened again (restart the app or the command)"
                ))),
            };
            let _ = reply.send(result);
        }
    }
}

/// Opens the journal's WAL file (`<file>-wal`, which exists once the connection has used WAL
/// mode), for [`sync_loop`]. `None` if it cannot be opened: the writer then forces commits
/// itself.
fn open_wal(conn: &Connection) -> Option<std::fs::File> {
    let db = conn.path().filter(|p| !p.is_empty())?;
    std::fs::OpenOptions::new()
        .read(true)
        // Windows needs write access to flush a file.
        .write(cfg!(windows))
        .open(format!("{db}-wal"))
        .ok()
}

fn commit_loop(
    conn: &mut Connection,
    jobs: &mpsc::Receiver<Job>,
    waiting: &ExchangeBuffer,
    flusher: Option<&mpsc::Sender<AwaitingFlush>>,
) {
    let mut since_checkpoint = 0u32;
    let mut synchronous = None;
    loop {
        let next = if since_checkpoint == 0 {
            jobs.recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected)
        } else {
            jobs.recv_timeout(IDLE)
        };
        let first = match next {
            Ok(job) => job,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                flush_exchanges(conn, waiting, &mut synchronous);
                break;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // Quiet for a moment: keep the waiting exchanges, index what searches wait for
                // and fold the WAL into the main file now, not inside a commit that a create
                // is waiting for.
                flush_exchanges(conn, waiting, &mut synchronous);
                let indexed = index_queued(conn, IDLE_INDEX_BATCH, &mut synchronous);
                let _ = conn.execute_batch("PRAGMA wal_checkpoint(PASSIVE)");
                // A backlog (e.g. a journal just migrated) is indexed a batch per quiet
                // moment until none is left, not only after the next write.
                since_checkpoint = u32::from(indexed >= IDLE_INDEX_BATCH);
                continue;
            }
        };
        since_checkpoint += 1;
        if since_checkpoint >= CHECKPOINT_EVERY {
            // Never idle: keep the search queue short anyway.
            index_queued(conn, BUSY_INDEX_BATCH, &mut synchronous);
            let _ = conn.execute_batch("PRAGMA wal_checkpoint(PASSIVE)");
            since_checkpoint = 0;
        }
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let durable = batch.iter().any(|j| j.durable);
        let mut works = Vec::with_capacity(batch.len());
        let mut replies = Vec::with_capacity(batch.len());
        for job in batch {
            works.push(job.work);
            replies.push((job.reply, job.durable));
        }
        // With a sync thread, commits never wait for the disk; without, a durable batch does.
        let force = durable && flusher.is_none();
        let results = commit_batch(conn, works, force, &mut synchronous);
        let mut awaiting_flush = AwaitingFlush::new();
        for ((reply, durable), result) in replies.into_iter().zip(results) {
            if durable && result.is_ok() && flusher.is_some() {
                awaiting_flush.push((reply, result));
            } else {
                // A caller that stopped waiting (e.g. a cancelled task) still had its write
                // committed.
                let _ = reply.send(result);
            }
        }
        if let (Some(flusher), false) = (flusher, awaiting_flush.is_empty()) {
            if let Err(mpsc::SendError(unsent)) = flusher.send(awaiting_flush) {
                for (reply, _) in unsent {
                    let _ = reply.send(Err(Error::Journal(
                        "the journal's disk flush has stopped".into(),
                    )));
                }
            }
        }
        // Never quiet for long enough: bound the memory the waiting exchanges hold.
        if waiting.lock().map_or(0, |w| w.len()) >= MAX_WAITING_EXCHANGES {
            flush_exchanges(conn, waiting, &mut synchronous);
        }
    }
}

/// Payouts moved into the text index per idle moment, and per [`CHECKPOINT_EVERY`] commits
/// under continuous load (small, so that creates waiting behind it barely notice).
const IDLE_INDEX_BATCH: i64 = 5000;
const BUSY_INDEX_BATCH: i64 = 500;

/// Writes the waiting exchanges in one transaction. The buffer stays locked until the commit
/// and is emptied only then: a reader sees each exchange in memory or on disk, never in
/// neither, and a failed write leaves them waiting for the next attempt. An exchange whose
/// payout is gone (merged into another record meanwhile) is skipped: it is a display copy.
fn flush_exchanges(
    conn: &mut Connection,
    waiting: &ExchangeBuffer,
    synchronous: &mut Option<bool>,
) {
    let mut batch = waiting
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if batch.is_empty() {
        return;
    }
    if *synchronous != Some(false) && conn.pragma_update(None, "synchronous", "NORMAL").is_ok() {
        *synchronous = Some(false);
    }
    let Ok(tx) = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) else {
        return;
    };
    for (id, at, e) in batch.iter() {
        let _ = insert_exchange(&tx, *id, at, e);
    }
    if tx.commit().is_ok() {
        batch.clear();
    }
}

/// Exchanges held in memory at most, under continuous load, before they are written anyway.
const MAX_WAITING_EXCHANGES: usize = 5000;

/// Indexes queued payouts for text search in a transaction of its own; returns how many.
/// Failures are left for the next attempt: until then those payouts are found through the
/// queue.
fn index_queued(conn: &mut Connection, limit: i64, synchronous: &mut Option<bool>) -> i64 {
    if *synchronous != Some(false) && conn.pragma_update(None, "synchronous", "NORMAL").is_ok() {
        *synchronous = Some(false);
    }
    let Ok(tx) = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) else {
        return 0;
    };
    match schema::index_pending(&tx, limit) {
        Ok(n) if tx.commit().is_ok() => i64::try_from(n).unwrap_or(i64::MAX),
        _ => 0,
    }
}

/// Commits `works` in one transaction, each in its own savepoint; `durable` makes the commit
/// itself wait until it is on disk (`synchronous=FULL`).
fn commit_batch(
    conn: &mut Connection,
    works: Vec<Work>,
    durable: bool,
    synchronous: &mut Option<bool>,
) -> Vec<Result<Box<dyn Any + Send>>> {
    let count = works.len();
    let fail_all = |e: &dyn std::fmt::Display| {
        (0..count)
            .map(|_| Err(Error::Journal(e.to_string())))
            .collect()
    };
    // Only when it changes: under load most batches hold an intent and stay FULL.
    if *synchronous != Some(durable) {
        if let Err(e) =
            conn.pragma_update(None, "synchronous", if durable { "FULL" } else { "NORMAL" })
        {
            *synchronous = None;
            return fail_all(&e);
        }
        *synchronous = Some(durable);
    }
    // IMMEDIATE takes the write lock up front, so a second process (the app and the CLI share
    // the file) waits for busy_timeout instead of failing a read-then-write job at once.
    let tx = match conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => return fail_all(&e),
    };
    let mut results = Vec::with_capacity(count);
    if count == 1 {
        // One write: the transaction itself is its unit; a failure rolls it back.
        for work in works {
            let result = work(&tx);
            if result.is_err() {
                drop(tx);
                return vec![result];
            }
            results.push(result);
        }
    } else {
        for work in works {
            if let Err(e) = exec(&tx, "SAVEPOINT job", []) {
                results.push(Err(Error::from(e)));
                continue;
            }
            let result = work(&tx);
            let end = if result.is_ok() {
                exec(&tx, "RELEASE job", [])
            } else {
                exec(&tx, "ROLLBACK TO job", []).and_then(|_| exec(&tx, "RELEASE job", []))
            };
            match end {
                Ok(_) => results.push(result),
                Err(e) => results.push(Err(Error::from(e))),
            }
        }
    }
    if let Err(e) = tx.commit() {
        return fail_all(&format!("commit failed: {e}"));
    }
    results
}

impl Journal {
    /// Opens (creating if needed) the journal at `path` and starts its writer thread.
    ///
    /// # Errors
    /// [`Error::Journal`] when the file cannot be opened or migrated.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        Self::open_with(path, clock, true)
    }

    /// As [`Journal::open`]; without `flush_thread` the writer forces durable commits itself
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
            intent_locks: Mutex::new(HashMap::new()),
            reader: Mutex::new(reader),
            writer,
            writer_thread: Some(writer_thread),
            flushes,
            clock,
            path: path.to_owned(),
        })
    }

    /// The platform's data directory for Cashout Desk (e.g. `~/.local/share/cashout-desk`).
    #[must_use]
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("com", "cashoutdesk", "cashout-desk")
            .map(|d| d.data_dir().to_owned())
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

    /// Waits until no other call of this process is driving the create of `external_id` in
    /// `scope`, and holds that until the guard is dropped.
    pub async fn lock_intent(
        &self,
        scope: &str,
        external_id: &str,
    ) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut locks = self
                .intent_locks
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            locks.retain(|_, l| Arc::strong_count(l) > 1);
            locks
                .entry((scope.to_owned(), external_id.to_owned()))
                .or_default()
                .clone()
        };
        lock.lock_owned().await
    }

    /// The journal clock's current time.
    #[must_use]
    pub fn now_instant(&self) -> time::OffsetDateTime {
        self.clock.now()
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

    /// Writes the intent to create `request` in `scope` and commits it to disk, unless this
    /// external_id already has one there.
    ///
    /// # Errors
    /// [`Error::Journal`] when the write fails: then nothing may be sent.
    pub async fn record_intent(
        &self,
        scope: &str,
        base_url: &str,
        request: &CreateCashout,
    ) -> Result<IntentOutcome> {
        let json = serde_json::to_string(request).map_err(|e| Error::Journal(e.to_string()))?;
        let (now, scope, base_url, request) = (
            self.now(),
            scope.to_owned(),
            base_url.to_owned(),
            request.clone(),
        );
        self.write(true, move |tx| {
            // Insert first; only a conflict (this external_id already has an intent) reads.
            let inserted = exec(
                tx,
                "INSERT INTO payouts (scope, base_url, external_id, origin, phase, request_json, country,
                    currency, amount, beneficiary, created_at, updated_at, content_hash)
                 VALUES (?1, ?2, ?3, 'desk', 'intent', ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)
                 ON CONFLICT (scope, external_id) DO NOTHING",
                params![
                    scope,
                    base_url,
                    request.external_id,
                    json,
                    request.country,
                    request.currency,
                    request.amount.map(|a| a.to_string()),
                    beneficiary_of(&request),
                    now,
                    content_hash(&request)
                ],
            )?;
            if inserted == 0 {
                let record = query_row(
                    tx,
                    &format!("{SELECT} WHERE scope = ?1 AND external_id = ?2"),
                    params![scope, request.external_id],
                    record_from_row,
                )?;
                let same = record.request.as_ref() == Some(&request);
                return Ok(if same { IntentOutcome::Same(record) } else { IntentOutcome::Conflict(record) });
            }
            let id = tx.last_insert_rowid();
            insert_history(tx, id, &now, "intent", None, None)?;
            Ok(IntentOutcome::New(id))
        })
        .await
    }

    /// Notes that a create is about to be sent again (counts attempts).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_sending(&self, id: i64) -> Result<()> {
        let now = self.now();
        self.write(false, move |tx| {
            let attempts: i64 = query_row(tx,
                "UPDATE payouts SET attempts = attempts + 1, updated_at = ?2 WHERE id = ?1 RETURNING attempts",
                params![id, now],
                |r| r.get(0),
            )?;
            insert_history(tx, id, &now, "sent", None, Some(&format!("attempt {attempts}")))?;
            Ok(())
        })
        .await
    }

    /// The provider accepted the create and gave `cashout_id`. Returns the updated record
    /// (without its stored request).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_created(
        &self,
        id: i64,
        cashout_id: CashoutId,
        status: CashoutStatus,
    ) -> Result<PayoutRecord> {
        self.record_created_audited(id, cashout_id, status, None)
            .await
    }

    /// As [`Journal::record_created`], appending `audit` (given the cashout id) to the audit
    /// chain in the same transaction: the payout and its audit entry are recorded together or
    /// not at all, in one trip to the writer.
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
                        status_since = CASE WHEN status IS ?3 THEN status_since ELSE ?4 END,
                        api_code = NULL, attempts = MAX(attempts, 1), updated_at = ?4, checked_at = ?4
                     WHERE id = ?1 RETURNING {SUMMARY_COLUMNS}"
                ),
                params![id, cashout_id.0, status.name(), now],
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
    pub async fn record_declined(&self, id: i64, api_code: i64, message: &str) -> Result<()> {
        let (now, message) = (self.now(), message.to_owned());
        self.write(false, move |tx| {
            exec(tx,
                "UPDATE payouts SET phase = 'declined', status = 'DECLINED', api_code = ?2, last_error = ?3,
                    status_since = CASE WHEN status IS 'DECLINED' THEN status_since ELSE ?4 END,
                    updated_at = ?4 WHERE id = ?1 AND phase <> 'created'",
                params![id, api_code, message, now],
            )?;
            let detail = format!("code {api_code}: {message}");
            insert_history(tx, id, &now, "declined", Some(CashoutStatus::Declined), Some(&detail))?;
            Ok(())
        })
        .await
    }

    /// Moves the create protocol to `phase` (`unknown`, `not_sent`) and notes why; a record
    /// already `created` is left alone (returns `false`).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn record_phase(&self, id: i64, phase: Phase, detail: &str) -> Result<bool> {
        let (now, detail) = (self.now(), detail.to_owned());
        let event = match phase {
            Phase::NotSent => "not_found",
            _ => phase.as_str(),
        };
        self.write(false, move |tx| {
            // A record another process (or an earlier step) settled as created stays created:
            // a stale lookup must not turn a real payout back into "not sent".
            let changed = exec(
                tx,
                "UPDATE payouts SET phase = ?2, last_error = ?3, updated_at = ?4
                 WHERE id = ?1 AND phase <> 'created'",
                params![id, phase.as_str(), detail, now],
            )?;
            if changed > 0 {
                insert_history(tx, id, &now, event, None, Some(&detail))?;
            }
            Ok(changed > 0)
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
                (Some(a), Some(b), Some(id), _) if a.external_id.is_none() && b.cashout_id.is_none() => {
                    exec(tx, "UPDATE history SET payout_id = ?2 WHERE payout_id = ?1", params![a.id, b.id])?;
                    exec(tx, "UPDATE exchanges SET payout_id = ?2 WHERE payout_id = ?1", params![a.id, b.id])?;
                    exec(tx, "DELETE FROM payouts WHERE id = ?1", params![a.id])?;
                    exec(tx, "UPDATE payouts SET cashout_id = ?2 WHERE id = ?1", params![b.id, id.0])?;
                    insert_history(tx, b.id, &now, "linked", None, Some(&format!("cashout_id {id}")))?;
                    Ok(b.id)
                }
                (Some(a), Some(b), _, _) => Err(Error::InvalidInput {
                    field: "external_id",
                    message: format!(
                        "the journal holds these as two different payouts (records {} and {}); check the ids",
                        a.id, b.id
                    ),
                }),
                (Some(a), None, _, Some(x)) => {
                    if a.external_id.is_none() {
                        exec(tx, "UPDATE payouts SET external_id = ?2 WHERE id = ?1", params![a.id, x])?;
                    }
                    Ok(a.id)
                }
                (None, Some(b), Some(id), _) => {
                    if b.cashout_id.is_none() {
                        exec(tx, "UPDATE payouts SET cashout_id = ?2 WHERE id = ?1", params![b.id, id.0])?;
                        insert_history(tx, b.id, &now, "linked", None, Some(&format!("cashout_id {id}")))?;
                    }
                    Ok(b.id)
                }
                (Some(a), None, _, None) => Ok(a.id),
                (None, Some(b), None, _) => Ok(b.id),
                (None, None, _, _) => {
                    exec(
                        tx,
                        "INSERT INTO payouts (scope, base_url, external_id, cashout_id, origin, phase, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, 'lookup', 'created', ?5, ?5)",
                        params![scope, base_url, external_id, cashout_id.map(|c| c.0), now],
                    )?;
                    let id = tx.last_insert_rowid();
                    insert_history(tx, id, &now, "added", None, Some("added to the journal by a lookup"))?;
                    Ok(id)
                }
            }
        })
        .await
    }

    /// The record with this id, without its stored request (see [`Journal::find`] for that).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn get(&self, id: i64) -> Result<Option<PayoutRecord>> {
        let conn = self.reader()?;
        Ok(query_row(
            &conn,
            &format!("{SELECT_SUMMARY} WHERE id = ?1"),
            params![id],
            record_from_row,
        )
        .optional()?)
    }

    /// A record of `scope` by provider id or external id (the id wins when both are given).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn find(
        &self,
        scope: &str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Result<Option<PayoutRecord>> {
        find_in(&*self.reader()?, scope, cashout_id, external_id)
    }

    /// The newest record of `scope` created at or after `since` that pays the same as
    /// `request` (see [`content_hash`]) under another external_id.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn find_same_contents(
        &self,
        scope: &str,
        request: &CreateCashout,
        since: &str,
    ) -> Result<Option<PayoutRecord>> {
        let conn = self.reader()?;
        Ok(query_row(&conn,
                &format!("{SELECT} WHERE scope = ?1 AND content_hash = ?2 AND created_at >= ?3 AND external_id <> ?4 ORDER BY id DESC LIMIT 1"),
                params![scope, content_hash(request), since, request.external_id],
                record_from_row,
            )
            .optional()?)
    }

    /// Records of `scope` the watcher polls: PENDING, ON_HOLD and DELIVERED, and COMPLETED
    /// since `completed_since` (late rejections). Summaries, without the stored request.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn watchable(&self, scope: &str, completed_since: &str) -> Result<Vec<PayoutRecord>> {
        let conn = self.reader()?;
        // Two index ranges: the open statuses, and COMPLETED since the window start (most
        // payouts are COMPLETED, and older ones must not be read at all).
        let mut stmt = conn.prepare_cached(&format!(
            "{SELECT_SUMMARY} WHERE scope = ?1 AND status IN ('PENDING', 'ON_HOLD', 'DELIVERED')
             UNION ALL
             {SELECT_SUMMARY} WHERE scope = ?1 AND status = 'COMPLETED' AND status_since >= ?2"
        ))?;
        let rows = stmt.query_map(params![scope, completed_since], record_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Records of `scope` whose create outcome is still open and that were last touched at or before
    /// `before` (younger ones may still be in flight in another process), oldest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn unresolved(&self, scope: &str, before: &str) -> Result<Vec<PayoutRecord>> {
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(&format!(
            "{SELECT} WHERE scope = ?1 AND phase IN ('intent', 'unknown') AND updated_at <= ?2 ORDER BY id"
        ))?;
        let rows = stmt.query_map(params![scope, before], record_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Records matching `filter`, newest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<PayoutRecord>> {
        read_snapshot(&*self.reader()?, |conn| list_in(conn, filter))
    }

    /// Every record matching `filter` (its limit and offset ignored), newest first, with its
    /// history, read as one consistent snapshot: payouts created or moved while it reads do
    /// not appear twice or go missing, and each row agrees with its history.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn snapshot(
        &self,
        filter: &ListFilter,
        with_history: bool,
    ) -> Result<Vec<(PayoutRecord, Vec<HistoryEntry>)>> {
        const PAGE: u32 = 1000;
        read_snapshot(&*self.reader()?, |conn| {
            let mut page_filter = ListFilter {
                limit: PAGE,
                offset: 0,
                ..filter.clone()
            };
            let mut all = Vec::new();
            loop {
                let page = list_in(conn, &page_filter)?;
                let done = page.len() < PAGE as usize;
                for r in page {
                    let history = if with_history {
                        history_in(conn, r.id)?
                    } else {
                        Vec::new()
                    };
                    all.push((r, history));
                }
                if done {
                    return Ok(all);
                }
                page_filter.offset += PAGE;
            }
        })
    }

    /// The requests sent for record `id` and their answers, oldest first, each provider
    /// error code explained.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn exchanges(&self, id: i64) -> Result<Vec<ExchangeRecord>> {
        // Held while the file is read: the writer empties it only once its copy is committed,
        // so each exchange is read from exactly one of the two.
        let buffer = self.waiting();
        let waiting: Vec<(String, Exchange)> = buffer
            .iter()
            .filter(|(p, _, _)| *p == id)
            .map(|(_, at, e)| (at.clone(), e.clone()))
            .collect();
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(
            "SELECT at, method, path, body, signature, http_status, answer, outcome
             FROM exchanges WHERE payout_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Exchange {
                    method: r.get(1)?,
                    path: r.get(2)?,
                    body: r.get(3)?,
                    signature: r.get(4)?,
                    http_status: r.get(5)?,
                    answer: r.get(6)?,
                    outcome: r.get(7)?,
                },
            ))
        })?;
        let mut all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        drop(buffer);
        all.extend(waiting);
        Ok(all
            .into_iter()
            .map(|(at, exchange)| ExchangeRecord {
                explanation: exchange
                    .answer
                    .as_deref()
                    .and_then(|a| serde_json::from_str::<crate::api::types::ErrorAnswer>(a).ok())
                    .map(|e| crate::codes::api_code(e.code)),
                at,
                exchange,
            })
            .collect())
    }

    /// Appends an entry to the audit chain (see [`crate::audit`]) and returns it as stored.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn append_audit(&self, event: AuditEvent) -> Result<AuditEntry> {
        let now = self.now();
        self.write(false, move |tx| insert_audit(tx, &now, event))
            .await
    }

    /// Audit entries matching `filter`, newest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let mut sql = format!("{SELECT_AUDIT} WHERE 1 = 1");
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(env) = &filter.environment {
            args.push(Box::new(env.clone()));
            sql.push_str(&format!(" AND environment = ?{}", args.len()));
        }
        if let Some(action) = filter.action {
            args.push(Box::new(action.name()));
            sql.push_str(&format!(" AND action = ?{}", args.len()));
        }
        if let Some(text) = filter.text.as_deref().filter(|t| !t.is_empty()) {
            args.push(Box::new(like_pattern(text)));
            let n = args.len();
            sql.push_str(&format!(
                " AND (external_id LIKE ?{n} ESCAPE '\\' OR CAST(cashout_id AS TEXT) LIKE ?{n} ESCAPE '\\'
                   OR os_user LIKE ?{n} ESCAPE '\\' OR detail LIKE ?{n} ESCAPE '\\')"
            ));
        }
        let limit = if filter.limit == 0 { 200 } else { filter.limit };
        sql.push_str(&format!(
            " ORDER BY seq DESC LIMIT {limit} OFFSET {}",
            filter.offset
        ));
        query_all(&*self.reader()?, &sql, &args, audit_from_row)
    }

    /// Checks the whole audit chain, in storage order.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn verify_audit(&self) -> Result<AuditVerdict> {
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(&format!("{SELECT_AUDIT} ORDER BY seq"))?;
        let rows = stmt.query_map([], audit_from_row)?;
        let entries = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(crate::audit::verify(&entries))
    }

    /// Checks the audit chain and records that it was checked (with the result).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn verify_audit_recorded(&self, environment: &str) -> Result<AuditVerdict> {
        let verdict = self.verify_audit()?;
        let outcome = if verdict.intact { "ok" } else { "broken" };
        let mut detail = format!("{} entries", verdict.entries);
        if let Some(at) = verdict.broken_at {
            detail.push_str(&format!("; broken at entry {at}"));
        }
        self.append_audit(
            AuditEvent::new(
                environment,
                crate::audit::AuditAction::AuditVerified,
                outcome,
            )
            .detail(detail),
        )
        .await?;
        Ok(verdict)
    }

    /// A record's history, oldest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        history_in(&*self.reader()?, id)
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        // Closing the queue ends the writer once it has done what was queued.
        self.writer = mpsc::channel().0;
        if let Some(t) = self.writer_thread.take() {
            let _ = t.join();
        }
    }
}

/// A digest of what a request pays, and to whom, ignoring its `external_id`: two intents with
/// the same digest move the same money to the same account.
#[must_use]
pub fn content_hash(request: &CreateCashout) -> String {
    use sha2::{Digest, Sha256};
    let mut anonymous = request.clone();
    anonymous.external_id.clear();
    let json = serde_json::to_vec(&anonymous).unwrap_or_default();
    hex::encode(Sha256::digest(&json))
}

/// Runs a statement through the connection's statement cache: the journal runs the same few
/// statements over and over, and parsing them each time cost more than running them.
fn exec(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

fn list_in(conn: &Connection, filter: &ListFilter) -> Result<Vec<PayoutRecord>> {
    let mut sql = format!("{SELECT_SUMMARY} WHERE 1 = 1");
    let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
    let mut selective = false;
    if let Some(scope) = &filter.scope {
        args.push(Box::new(scope.clone()));
        sql.push_str(&format!(" AND scope = ?{}", args.len()));
    }
    if let Some(status) = filter.status {
        args.push(Box::new(status.name()));
        // Most payouts end COMPLETED: for that one, walk newest first and stop at a full
        // page (`+` keeps SQLite off the status index, which would read them all and sort).
        // Every other status is a minority: read it through the status index and sort.
        let column = if status == CashoutStatus::Completed {
            "+status"
        } else {
            selective = true;
            "status"
        };
        sql.push_str(&format!(" AND {column} = ?{}", args.len()));
    }
    if let Some(country) = &filter.country {
        args.push(Box::new(country.to_ascii_uppercase()));
        sql.push_str(&format!(" AND +country = ?{}", args.len()));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let id: Option<i64> = text.parse().ok();
        match text_hits(conn, text)? {
            // A rare text: the trigram index named every payout holding it; read those.
            Some(mut ids) => {
                selective = true;
                // The payout with this cashout id joins the list: one `id IN` the planner
                // reads by rowid (an OR beside it would make it walk every payout).
                if let Some(cashout_id) = id {
                    let mut stmt = conn.prepare_cached(
                        "SELECT id FROM payouts WHERE scope = coalesce(?1, scope) AND cashout_id = ?2",
                    )?;
                    ids.extend(
                        stmt.query_map(params![filter.scope, cashout_id], |r| r.get::<_, i64>(0))?
                            .collect::<rusqlite::Result<Vec<_>>>()?,
                    );
                }
                let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                sql.push_str(&format!(" AND id IN ({})", list.join(",")));
            }
            // A common (or very short) text: walking newest first stops as soon as a page
            // is full, which is quicker than collecting every match.
            None => {
                args.push(Box::new(like_pattern(text)));
                let n = args.len();
                args.push(Box::new(id));
                sql.push_str(&format!(
                    " AND (external_id LIKE ?{n} ESCAPE '\\' OR beneficiary LIKE ?{n} ESCAPE '\\'
                       OR cashout_id = ?{})",
                    n + 1
                ));
            }
        }
    }
    let limit = if filter.limit == 0 { 100 } else { filter.limit };
    // With a selective filter, read its few rows by index and sort them (`+` keeps SQLite
    // from walking every payout in time order to avoid the sort); otherwise walk newest
    // first and stop at a full page. The journal has no ANALYZE statistics to tell SQLite.
    let order = if selective {
        "+created_at DESC, +id DESC"
    } else {
        "created_at DESC, id DESC"
    };
    sql.push_str(&format!(
        " ORDER BY {order} LIMIT {limit} OFFSET {}",
        filter.offset
    ));
    query_all(conn, &sql, &args, record_from_row)
}

/// The records whose external_id or beneficiary contains `text`, from the trigram index,
/// when there are at most [`RARE_TEXT`] of them; `None` when there are more, or when the text
/// is shorter than a trigram (then a scan that stops at a full page is quicker).
fn text_hits(conn: &Connection, text: &str) -> Result<Option<Vec<i64>>> {
    if text.chars().count() < 3 {
        return Ok(None);
    }
    let mut stmt =
        conn.prepare_cached("SELECT rowid FROM payouts_text WHERE payouts_text MATCH ?1 LIMIT ?2")?;
    let phrase = format!("\"{}\"", text.replace('"', "\"\""));
    let mut ids = stmt
        .query_map(params![phrase, RARE_TEXT as i64 + 1], |r| {
            r.get::<_, i64>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Payouts not indexed yet (created moments ago, or changed) are read directly.
    let mut queued = conn.prepare_cached(
        "SELECT id FROM payouts
         WHERE id > (SELECT indexed_through FROM search_state)
           AND (external_id LIKE ?1 ESCAPE '\\' OR beneficiary LIKE ?1 ESCAPE '\\')
         UNION
         SELECT p.id FROM search_pending s CROSS JOIN payouts p ON p.id = s.id
         WHERE p.external_id LIKE ?1 ESCAPE '\\' OR p.beneficiary LIKE ?1 ESCAPE '\\'",
    )?;
    ids.extend(
        queued
            .query_map(params![like_pattern(text)], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    );
    ids.sort_unstable();
    ids.dedup();
    Ok((ids.len() <= RARE_TEXT).then_some(ids))
}

fn history_in(conn: &Connection, id: i64) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, event, status, detail FROM history WHERE payout_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![id], |r| {
        let status: Option<String> = r.get(2)?;
        Ok(HistoryEntry {
            at: r.get(0)?,
            event: r.get(1)?,
            status: status.and_then(|s| CashoutStatus::from_name(&s)),
            detail: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Runs `f` inside one read transaction, so everything it reads is one consistent state of
/// the file (WAL readers see the last commit made before the transaction began).
fn read_snapshot<T>(conn: &Connection, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
    conn.execute_batch("BEGIN")?;
    let result = f(conn);
    let _ = conn.execute_batch("COMMIT");
    result
}

/// Every row of a query built at run time (the list's and the audit log's filters).
fn query_all<T>(
    conn: &Connection,
    sql: &str,
    args: &[Box<dyn rusqlite::ToSql>],
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(
        rusqlite::params_from_iter(args.iter().map(|a| a.as_ref())),
        f,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// As [`exec`], for a one-row query.
fn query_row<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    f: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(params, f)
}

fn find_in(
    conn: &Connection,
    scope: &str,
    cashout_id: Option<CashoutId>,
    external_id: Option<&str>,
) -> Result<Option<PayoutRecord>> {
    if let Some(id) = cashout_id {
        let r = query_row(
            conn,
            &format!("{SELECT} WHERE scope = ?1 AND cashout_id = ?2"),
            params![scope, id.0],
            record_from_row,
        )
        .optional()?;
        if r.is_some() {
            return Ok(r);
        }
    }
    if let Some(x) = external_id {
        return Ok(query_row(
            conn,
            &format!("{SELECT} WHERE scope = ?1 AND external_id = ?2"),
            params![scope, x],
            record_from_row,
        )
        .optional()?);
    }
    Ok(None)
}

const SELECT_AUDIT: &str = "SELECT seq, at, os_user, environment, action, cashout_id, external_id,
    outcome, detail, prev_hash, hash FROM audit";

fn audit_from_row(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        os_user: r.get(2)?,
        environment: r.get(3)?,
        action: r.get(4)?,
        cashout_id: r.get(5)?,
        external_id: r.get(6)?,
        outcome: r.get(7)?,
        detail: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
    })
}

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards in `text` taken literally.
fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Appends `event` to the audit chain inside the writer's IMMEDIATE transaction: no other
/// process can append between the read of the last entry and the insert, so the chain never
/// forks.
fn insert_audit(tx: &Connection, now: &str, event: AuditEvent) -> Result<AuditEntry> {
    let (last_seq, prev_hash) = query_row(
        tx,
        "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
        [],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
    )
    .optional()?
    .unwrap_or((0, crate::audit::GENESIS.to_owned()));
    let mut entry = AuditEntry {
        seq: last_seq + 1,
        at: now.to_owned(),
        os_user: event.os_user,
        environment: event.environment,
        action: event.action.name().to_owned(),
        cashout_id: event.cashout_id,
        external_id: event.external_id,
        outcome: event.outcome,
        detail: event.detail,
        prev_hash,
        hash: String::new(),
    };
    entry.hash = entry.expected_hash();
    exec(
        tx,
        "INSERT INTO audit (seq, at, os_user, environment, action, cashout_id, external_id,
            outcome, detail, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            entry.seq,
            entry.at,
            entry.os_user,
            entry.environment,
            entry.action,
            entry.cashout_id,
            entry.external_id,
            entry.outcome,
            entry.detail,
            entry.prev_hash,
            entry.hash
        ],
    )?;
    Ok(entry)
}

fn insert_exchange(tx: &Connection, id: i64, now: &str, e: &Exchange) -> rusqlite::Result<()> {
    exec(
        tx,
        "INSERT INTO exchanges (payout_id, at, method, path, body, signature, http_status, answer, outcome)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, now, e.method, e.path, e.body, e.signature, e.http_status, e.answer, e.outcome],
    )?;
    Ok(())
}

/// Records a status answer for record `id` (see [`Journal::record_status`]).
fn apply_status(
    tx: &Connection,
    id: i64,
    now: &str,
    answer: &StatusAnswer,
    event: &str,
) -> Result<Option<CashoutStatus>> {
    let status = CashoutStatus::from_code(answer.cashout_status);
    let (old_status, old_rejection, phase, api_code): (
        Option<String>,
        Option<i64>,
        String,
        Option<i64>,
    ) = query_row(
        tx,
        "SELECT status, rejection_code, phase, api_code FROM payouts WHERE id = ?1",
        params![id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    if phase == "declined" && api_code == Some(511) {
        // The cashout holding this external_id is someone else's: note what was seen,
        // never make it ours.
        let detail = format!(
            "the cashout that holds this external_id (not ours) is {}",
            status.map_or("of unknown status", CashoutStatus::name)
        );
        insert_history(tx, id, now, "foreign", None, Some(&detail))?;
        return Ok(Some(CashoutStatus::Declined));
    }
    let bank = answer
        .bank
        .as_ref()
        .and_then(|b| serde_json::to_string(b).ok());
    exec(tx,
        "UPDATE payouts SET phase = 'created', status = COALESCE(?2, status),
            status_since = CASE WHEN status IS COALESCE(?2, status) THEN status_since ELSE ?7 END,
            rejection_code = ?3, rejection_reason = ?4,
            provider_reference = COALESCE(?5, provider_reference), bank_json = COALESCE(?6, bank_json),
            cashout_id = COALESCE(cashout_id, ?8),
            last_error = NULL, api_code = NULL, updated_at = ?7, checked_at = ?7 WHERE id = ?1",
        params![
            id,
            status.map(CashoutStatus::name),
            answer.rejection_code,
            answer.rejection_reason,
            answer.provider_external_reference,
            bank,
            now,
            answer.cashout_id.map(|c| c.0)
        ],
    )?;
    let changed = old_status.as_deref() != status.map(CashoutStatus::name)
        || old_rejection != answer.rejection_code;
    if changed || !matches!(event, "status" | "watch") {
        let late =
            old_status.as_deref() == Some("COMPLETED") && status == Some(CashoutStatus::Rejected);
        let detail = match (status, answer.rejection_code) {
            (Some(_), Some(code)) if late => Some(format!(
                "late rejection after COMPLETED, {code}: {}",
                answer.rejection_reason.as_deref().unwrap_or("")
            )),
            (None, _) => Some(format!("unknown status code {}", answer.cashout_status)),
            (Some(_), Some(code)) => Some(format!(
                "rejection {code}: {}",
                answer.rejection_reason.as_deref().unwrap_or("")
            )),
            _ => None,
        };
        insert_history(tx, id, now, event, status, detail.as_deref())?;
    }
    Ok(status)
}

fn beneficiary_of(r: &CreateCashout) -> String {
    match r.beneficiary_lastname.as_deref() {
        Some(last) if !last.is_empty() => format!("{} {last}", r.beneficiary_name),
        _ => r.beneficiary_name.clone(),
    }
}

fn insert_history(
    conn: &Connection,
    payout_id: i64,
    at: &str,
    event: &str,
    status: Option<CashoutStatus>,
    detail: Option<&str>,
) -> rusqlite::Result<()> {
    exec(
        conn,
        "INSERT INTO history (payout_id, at, event, status, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            payout_id,
            at,
            event,
            status.map(CashoutStatus::name),
            detail
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;

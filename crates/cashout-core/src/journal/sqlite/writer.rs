//! The journal's writer: one thread that commits queued writes in batches (group commit), each
//! write in its own savepoint, and a second thread that forces the WAL to disk for the writes
//! that must be durable (intents) while the writer goes on committing.
//!
//! Guarantees: a durable write is answered only after the WAL holding its commit was forced to
//! disk; after one failed flush every later durable write fails until the journal is reopened;
//! exchanges (display copies) and the search index are written in quiet moments, never inside
//! a commit a create waits for. Left out: what the writes do (see `rows`).

use std::any::Any;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use rusqlite::Connection;
use tokio::sync::oneshot;

use super::rows::{exec, insert_exchange};
use super::schema;
use crate::api::client::Exchange;
use crate::error::{Error, Result};

pub(super) type Work = Box<dyn FnOnce(&Connection) -> Result<Box<dyn Any + Send>> + Send>;

/// Where a write's result is sent.
pub(super) type Reply = oneshot::Sender<Result<Box<dyn Any + Send>>>;

/// Committed writes whose callers wait until the WAL holding them is on disk.
pub(super) type AwaitingFlush = Vec<(Reply, Result<Box<dyn Any + Send>>)>;

pub(super) struct Job {
    pub(super) work: Work,
    /// Must be on disk before the caller goes on (intents). Other writes ride on the next
    /// flush: losing them to a power cut is repaired by reconciling the intent.
    pub(super) durable: bool,
    pub(super) reply: Reply,
}

/// Most writes committed together.
pub(super) const MAX_BATCH: usize = 256;

/// The WAL is folded back into the main file after this many commits without one, even under
/// continuous load, so it cannot grow without bound.
pub(super) const CHECKPOINT_EVERY: u32 = 500;

/// How long without a write counts as idle, when checkpoints are run.
pub(super) const IDLE: std::time::Duration = std::time::Duration::from_millis(50);

/// Exchanges kept in memory until the writer is quiet: `(payout id, time, exchange)`.
pub(super) type ExchangeBuffer = Arc<Mutex<Vec<(i64, String, Exchange)>>>;

/// The writer thread: commits queued writes in batches; see [`Journal`].
///
/// With `wal` (a handle on the journal's WAL file), every commit is made with
/// `synchronous=NORMAL` and durable writes are handed to [`sync_loop`], which answers them after
/// forcing the WAL to disk. Without it, a batch holding a durable write is committed with
/// `synchronous=FULL` and answered at once: slower, as safe.
pub(super) fn writer_loop(
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
pub(super) fn sync_loop(
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
pub(super) fn open_wal(conn: &Connection) -> Option<std::fs::File> {
    let db = conn.path().filter(|p| !p.is_empty())?;
    std::fs::OpenOptions::new()
        .read(true)
        // Windows needs write access to flush a file.
        .write(cfg!(windows))
        .open(format!("{db}-wal"))
        .ok()
}

pub(super) fn commit_loop(
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
pub(super) const IDLE_INDEX_BATCH: i64 = 5000;
pub(super) const BUSY_INDEX_BATCH: i64 = 500;

/// Writes the waiting exchanges in one transaction. The buffer stays locked until the commit
/// and is emptied only then: a reader sees each exchange in memory or on disk, never in
/// neither, and a failed write leaves them waiting for the next attempt. An exchange whose
/// payout is gone (merged into another record meanwhile) is skipped: it is a display copy.
pub(super) fn flush_exchanges(
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
pub(super) const MAX_WAITING_EXCHANGES: usize = 5000;

/// Indexes queued payouts for text search in a transaction of its own; returns how many.
/// Failures are left for the next attempt: until then those payouts are found through the
/// queue.
pub(super) fn index_queued(
    conn: &mut Connection,
    limit: i64,
    synchronous: &mut Option<bool>,
) -> i64 {
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
pub(super) fn commit_batch(
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

//! Bringing a journal of an older data directory into this one, once: payouts, their history,
//! the requests kept for the inspector, and the audit chain.
//!
//! Why: earlier versions kept the CLI's journal in `cashout-desk/` and the app's in
//! `com.cashoutdesk.app/`, so the CLI's duplicate guard, reconcile and audit never saw the
//! app's payouts. Both now use one directory; what the other held must not be lost.
//!
//! Guarantees:
//! - One IMMEDIATE transaction on this journal: all of it or none, and two processes starting
//!   at once cannot both merge (the source is noted in `migrations_done` in that transaction,
//!   by its path and the fingerprint of its first audit entry and first payout, so a journal
//!   an old program recreates at the same path later is a new one, merged in its turn).
//! - A payout this journal already holds (same scope and external_id, or same scope and
//!   cashout id) is kept as it is here; the others are copied with their history and
//!   exchanges. Where the two differ (one created, the other not, or two different cashout
//!   ids), the payout here gets a history line saying what the other journal held, and the
//!   merge's audit entry counts them: nothing is decided silently.
//! - The source's audit chain is verified first; a broken one is still merged (its entries
//!   are facts), and the `journal_moved` entry says where it breaks.
//! - The audit chain: copied verbatim (same sequence and hashes, so it verifies as before)
//!   when this journal's chain is empty; otherwise each entry is appended to this chain, its
//!   detail saying where it came from and its old hash. A `journal_moved` entry records the
//!   merge in the same transaction.
//! - The source file is brought to the current schema first and is never written otherwise;
//!   the caller renames it afterwards, so nothing is deleted.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{audit_from_row, insert_audit, SELECT_AUDIT};
use super::schema;
use crate::audit::{AuditAction, AuditEvent};
use crate::error::{Error, Result};

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub payouts: usize,
    /// Payouts both journals held: kept as this journal has them.
    pub already_here: usize,
    /// Of those, payouts the two journals disagree about (see the module comment).
    pub conflicts: usize,
    /// Where the source's audit chain breaks, if it does.
    pub source_chain_broken_at: Option<i64>,
    pub history: usize,
    pub audit_entries: usize,
    /// The audit chain was copied with its own hashes (this journal's was empty).
    pub audit_verbatim: bool,
}

/// The payout columns besides `id`, copied as they are.
const PAYOUT_COLUMNS: &str =
    "scope, base_url, external_id, cashout_id, origin, phase, request_json,
    content_hash, country, currency, amount, beneficiary, status, rejection_code, rejection_reason,
    provider_reference, bank_json, last_error, api_code, attempts, created_at, updated_at,
    checked_at, status_since, status_code, lookups, search_text, amount_key, name_key";

/// Merges the journal at `source` into the journal at `target` (both SQLite files), unless
/// `source` was merged before. `now` stamps the `journal_moved` audit entry. Returns `None`
/// when there was nothing to do.
///
/// # Errors
/// [`Error::Journal`] when either file cannot be read or written; then nothing changed.
pub fn merge_into(target: &Path, source: &Path, now: &str) -> Result<Option<MergeReport>> {
    let path = source.display().to_string();
    // Never created here: a source that vanished (moved by another process) is not a journal.
    let source_conn = Connection::open_with_flags(
        source,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // The source is read with this program's columns.
    schema::prepare(&source_conn)?;
    let fingerprint: String = source_conn.query_row(
        "SELECT coalesce((SELECT hash FROM audit ORDER BY seq LIMIT 1), '') || ':' ||
                coalesce((SELECT min(created_at) FROM payouts), '')",
        [],
        |r| r.get(0),
    )?;
    let verdict = {
        let mut stmt = source_conn.prepare(&format!("{SELECT_AUDIT} ORDER BY seq"))?;
        let rows = stmt.query_map([], audit_from_row)?;
        crate::audit::verify(&rows.collect::<rusqlite::Result<Vec<_>>>()?)
    };
    drop(source_conn);
    let key = format!("{path}#{fingerprint}");
    let broken_at = (!verdict.intact).then_some(verdict.broken_at.unwrap_or(0));
    let conn = Connection::open(target)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.execute("ATTACH DATABASE ?1 AS old", params![path])?;
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let merged = merge_attached(&conn, &key, now, broken_at);
    match merged {
        Ok(report) => {
            conn.execute_batch("COMMIT")?;
            let _ = conn.execute_batch("DETACH DATABASE old");
            Ok(report)
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

fn merge_attached(
    conn: &Connection,
    key: &str,
    now: &str,
    broken_at: Option<i64>,
) -> Result<Option<MergeReport>> {
    let done: Option<String> = conn
        .query_row(
            "SELECT at FROM migrations_done WHERE source = ?1",
            params![key],
            |r| r.get(0),
        )
        .optional()?;
    if done.is_some() {
        return Ok(None);
    }
    let mut report = MergeReport {
        source_chain_broken_at: broken_at,
        ..MergeReport::default()
    };
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS merge_ids (old_id INTEGER PRIMARY KEY, new_id INTEGER);
         DELETE FROM temp.merge_ids;",
    )?;
    let ids: Vec<(i64, Option<i64>)> = {
        let mut stmt = conn.prepare(
            "SELECT p.id, (SELECT m.id FROM main.payouts m WHERE m.scope = p.scope
                 AND (m.external_id = p.external_id OR m.cashout_id = p.cashout_id) LIMIT 1)
             FROM old.payouts p ORDER BY p.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (old_id, here) in ids {
        if let Some(here) = here {
            report.already_here += 1;
            // Where the two journals disagree, the payout here says what the other held.
            let differs: Option<String> = conn
                .query_row(
                    "SELECT 'the merged journal held this payout as ' || o.phase
                         || coalesce(' ' || o.status, '')
                         || coalesce(', cashout ' || o.cashout_id, '')
                         || coalesce(', code ' || o.api_code, '')
                     FROM old.payouts o, main.payouts m WHERE o.id = ?1 AND m.id = ?2
                       AND (o.phase IS NOT m.phase OR o.status IS NOT m.status
                            OR o.cashout_id IS NOT m.cashout_id)",
                    params![old_id, here],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(detail) = differs {
                report.conflicts += 1;
                conn.execute(
                    "INSERT INTO main.history (payout_id, at, event, status, detail)
                     VALUES (?1, ?2, 'merge_conflict', NULL, ?3)",
                    params![here, now, detail],
                )?;
            }
            continue;
        }
        conn.execute(
            &format!(
                "INSERT INTO main.payouts ({PAYOUT_COLUMNS}) SELECT {PAYOUT_COLUMNS}
                 FROM old.payouts WHERE id = ?1"
            ),
            params![old_id],
        )?;
        conn.execute(
            "INSERT INTO temp.merge_ids (old_id, new_id) VALUES (?1, ?2)",
            params![old_id, conn.last_insert_rowid()],
        )?;
        report.payouts += 1;
    }
    report.history = conn.execute(
        "INSERT INTO main.history (payout_id, at, event, status, detail)
         SELECT m.new_id, h.at, h.event, h.status, h.detail
         FROM old.history h JOIN temp.merge_ids m ON m.old_id = h.payout_id ORDER BY h.id",
        [],
    )?;
    conn.execute(
        "INSERT INTO main.exchanges (payout_id, at, method, path, body, signature, http_status,
             answer, outcome)
         SELECT m.new_id, e.at, e.method, e.path, e.body, e.signature, e.http_status, e.answer,
             e.outcome
         FROM old.exchanges e JOIN temp.merge_ids m ON m.old_id = e.payout_id ORDER BY e.id",
        [],
    )?;
    let here: i64 = conn.query_row("SELECT count(*) FROM main.audit", [], |r| r.get(0))?;
    let old_entries = {
        let sql = SELECT_AUDIT.replace("FROM audit", "FROM old.audit") + " ORDER BY seq";
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], audit_from_row)?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    report.audit_entries = old_entries.len();
    if here == 0 {
        report.audit_verbatim = true;
        conn.execute(
            "INSERT INTO main.audit SELECT * FROM old.audit ORDER BY seq",
            [],
        )?;
    } else {
        for e in old_entries {
            let Some(action) = AuditAction::from_name(&e.action) else {
                return Err(Error::Journal(format!(
                    "the old audit log holds an action this program does not know ({:?})",
                    e.action
                )));
            };
            let mut event = AuditEvent::new(&e.environment, action, &e.outcome)
                .about(e.cashout_id, e.external_id.as_deref());
            event.os_user = e.os_user;
            event.detail = Some(format!(
                "[from {key}, entry {} of {} by its clock, hash {}] {}",
                e.seq,
                e.at,
                e.hash,
                e.detail.unwrap_or_default()
            ));
            insert_audit(conn, now, event)?;
        }
    }
    let mut detail = format!(
        "merged the journal {key}: {} payouts ({} already here, {} of them held differently \
         there: see their history), {} history lines, {} audit entries ({})",
        report.payouts,
        report.already_here,
        report.conflicts,
        report.history,
        report.audit_entries,
        if report.audit_verbatim {
            "copied with their own hashes"
        } else {
            "appended to this chain"
        }
    );
    let outcome = match broken_at {
        Some(at) => {
            detail.push_str(&format!(
                "; the merged journal's own audit chain was broken at its entry {at}"
            ));
            "broken"
        }
        None => "ok",
    };
    insert_audit(
        conn,
        now,
        AuditEvent::new("journal", AuditAction::JournalMoved, outcome).detail(detail.clone()),
    )?;
    conn.execute(
        "INSERT INTO migrations_done (source, at, detail) VALUES (?1, ?2, ?3)",
        params![key, now, detail],
    )?;
    Ok(Some(report))
}

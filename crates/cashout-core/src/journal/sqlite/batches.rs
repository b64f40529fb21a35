//! Batches in the embedded file (see [`crate::batch::records`] for what is guaranteed): the
//! batch, its rows, and each ready row as a payout in phase `queued`, written by the writer in
//! one durable transaction with the audit entry; state changes likewise.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::rows::{exec, insert_audit, insert_history, query_row, record_from_row, SELECT};
use super::{insert_desk_payout, SqliteStore};
use crate::audit::AuditEvent;
use crate::batch::records::{
    BatchChange, BatchProgress, BatchRecord, BatchRowRecord, BatchState, BatchWritten, NewBatch,
};
use crate::batch::{BatchTotal, DecimalStyle, FileFormat};
use crate::error::{Error, Result};
use crate::l10n::messages::tr;

/// A row as written: its number, its cells as JSON, and its request with its JSON.
type RowToWrite = (
    u32,
    String,
    Option<(crate::api::types::CreateCashout, String)>,
);

/// The batch's columns, then its progress counted over its rows' payouts.
const SELECT_BATCH: &str = "
SELECT b.id, b.scope, b.file_name, b.file_sha256, b.file_format, b.separator, b.decimal_style,
    b.operator, b.headers_json, b.totals_json, b.rows_total, b.state, b.rate_per_minute,
    b.sender, b.lease_until, b.created_at, b.updated_at,
    count(p.id),
    coalesce(sum(r.payout_id IS NULL), 0),
    coalesce(sum(p.phase = 'queued'), 0),
    coalesce(sum(p.phase IN ('intent', 'unknown', 'sent_not_found', 'abandoned')), 0),
    coalesce(sum(p.phase = 'created'), 0),
    coalesce(sum(p.phase = 'declined'), 0),
    coalesce(sum(p.phase = 'not_sent'), 0),
    coalesce(sum(p.status = 'REJECTED'), 0),
    coalesce(sum(p.status = 'COMPLETED'), 0),
    coalesce(sum(p.status = 'CANCELLED'), 0),
    b.sender_pid
FROM batches b
LEFT JOIN batch_rows r ON r.batch_id = b.id
LEFT JOIN payouts p ON p.id = r.payout_id";

fn batch_from_row(r: &Row<'_>) -> rusqlite::Result<BatchRecord> {
    let text = |i: usize| r.get::<_, String>(i);
    let count =
        |i: usize| -> rusqlite::Result<u32> { Ok(u32::try_from(r.get::<_, i64>(i)?).unwrap_or(0)) };
    Ok(BatchRecord {
        id: text(0)?,
        scope: text(1)?,
        file_name: text(2)?,
        file_sha256: text(3)?,
        format: if text(4)? == "xlsx" {
            FileFormat::Xlsx
        } else {
            FileFormat::Csv
        },
        separator: r.get(5)?,
        decimal: if text(6)? == "comma" {
            DecimalStyle::Comma
        } else {
            DecimalStyle::Point
        },
        operator: text(7)?,
        headers: serde_json::from_str(&text(8)?).unwrap_or_default(),
        totals: serde_json::from_str::<Vec<BatchTotal>>(&text(9)?).unwrap_or_default(),
        rows: count(10)?,
        state: BatchState::parse(&text(11)?),
        rate_per_minute: count(12)?,
        sender: r.get(13)?,
        // A sender of this machine that no longer runs holds nothing (see `holder_gone`).
        lease_until: if r
            .get::<_, Option<i64>>(27)?
            .is_some_and(super::claims::holder_gone)
        {
            None
        } else {
            r.get(14)?
        },
        created_at: text(15)?,
        updated_at: text(16)?,
        progress: BatchProgress {
            payouts: count(17)?,
            excluded: count(18)?,
            waiting: count(19)?,
            in_flight: count(20)?,
            created: count(21)?,
            declined: count(22)?,
            not_sent: count(23)?,
            rejected: count(24)?,
            completed: count(25)?,
            cancelled: count(26)?,
        },
        interrupted: false,
    })
}

fn batch_in(conn: &Connection, id: &str) -> Result<Option<BatchRecord>> {
    Ok(query_row(
        conn,
        &format!("{SELECT_BATCH} WHERE b.id = ?1 GROUP BY b.id"),
        params![id],
        batch_from_row,
    )
    .optional()?)
}

fn refused(message: String) -> Error {
    Error::InvalidInput {
        field: "batch",
        message,
    }
}

impl SqliteStore {
    /// See [`crate::journal::store::JournalStore::record_batch`].
    ///
    /// # Errors
    /// [`Error::Journal`]: then nothing was written and nothing may be sent.
    pub async fn record_batch(&self, batch: &NewBatch, audit: AuditEvent) -> Result<BatchWritten> {
        let now = self.now();
        let batch = batch.clone();
        let headers = json(&batch.headers)?;
        let totals = json(&batch.totals)?;
        let rows: Vec<RowToWrite> = batch
            .rows
            .iter()
            .map(|r| {
                let request = match &r.request {
                    Some(req) => Some((req.clone(), json(req)?)),
                    None => None,
                };
                Ok((r.row, json(&r.cells)?, request))
            })
            .collect::<Result<_>>()?;
        self.write(true, move |tx| {
            // Confirming the same draft twice answers the batch written the first time.
            if let Some(existing) = batch_in(tx, &batch.id)? {
                return Ok(BatchWritten::Written(Box::new(existing)));
            }
            if !batch.same_file_again {
                let earlier: Option<String> = query_row(
                    tx,
                    "SELECT id FROM batches WHERE scope = ?1 AND file_sha256 = ?2
                     ORDER BY created_at DESC LIMIT 1",
                    params![batch.scope, batch.file_sha256],
                    |r| r.get(0),
                )
                .optional()?;
                if let Some(earlier) = earlier {
                    let record = batch_in(tx, &earlier)?
                        .ok_or_else(|| Error::Journal("a batch vanished".into()))?;
                    return Ok(BatchWritten::SameFile(Box::new(record)));
                }
            }
            exec(
                tx,
                "INSERT INTO batches (id, scope, file_name, file_sha256, file_format, separator,
                    decimal_style, operator, headers_json, totals_json, rows_total, state,
                    rate_per_minute, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'ready', ?12, ?13, ?13)",
                params![
                    batch.id,
                    batch.scope,
                    batch.file_name,
                    batch.file_sha256,
                    batch.format.as_str(),
                    batch.separator.map(String::from),
                    batch.decimal.as_str(),
                    batch.operator,
                    headers,
                    totals,
                    i64::try_from(rows.len()).unwrap_or(i64::MAX),
                    batch.rate_per_minute,
                    now,
                ],
            )?;
            for (row, cells, request) in &rows {
                let payout = match request {
                    Some((req, json)) => {
                        let id = insert_desk_payout(
                            tx,
                            &batch.scope,
                            &batch.base_url,
                            req,
                            json,
                            &now,
                            "queued",
                            None,
                        )?;
                        let detail =
                            format!("row {row} of batch {} ({})", batch.id, batch.file_name);
                        insert_history(tx, id, &now, "queued", None, Some(&detail))?;
                        Some(id)
                    }
                    None => None,
                };
                exec(
                    tx,
                    "INSERT INTO batch_rows (batch_id, row_no, cells_json, payout_id)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![batch.id, row, cells, payout],
                )?;
            }
            insert_audit(tx, &now, audit)?;
            let record = batch_in(tx, &batch.id)?
                .ok_or_else(|| Error::Journal("the batch just written cannot be read".into()))?;
            Ok(BatchWritten::Written(Box::new(record)))
        })
        .await
    }

    /// See [`crate::journal::store::JournalStore::change_batch`].
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `batch` when the change is not allowed now; [`Error::Journal`].
    pub async fn change_batch(
        &self,
        id: &str,
        change: BatchChange,
        audit: Option<AuditEvent>,
    ) -> Result<BatchRecord> {
        let now = self.now();
        let clock = self.clock.clone();
        let id = id.to_owned();
        self.write(true, move |tx| {
            let batch = batch_in(tx, &id)?.ok_or_else(|| {
                refused(tr("batch-no-such-batch", &[("batch", id.as_str().into())]))
            })?;
            let to = crate::batch::records::next_state(&batch, &change, &now).map_err(refused)?;
            let (sender, lease) = match &change {
                BatchChange::Renew { sender, lease } => {
                    let until = crate::clock::format_instant(clock.now() + *lease);
                    (Some(sender.clone()), Some(until))
                }
                BatchChange::Send {
                    sender,
                    lease,
                    rate_per_minute,
                } => {
                    let until = crate::clock::format_instant(clock.now() + *lease);
                    exec(
                        tx,
                        "UPDATE batches SET rate_per_minute = ?2 WHERE id = ?1",
                        params![id, rate_per_minute],
                    )?;
                    (Some(sender.clone()), Some(until))
                }
                _ => (None, None),
            };
            exec(
                tx,
                "UPDATE batches SET state = ?2, sender = ?3, lease_until = ?4, updated_at = ?5,
                    sender_pid = ?6
                 WHERE id = ?1",
                params![
                    id,
                    to.as_str(),
                    sender,
                    lease,
                    now,
                    lease.as_ref().map(|_| std::process::id())
                ],
            )?;
            if change == BatchChange::Cancel {
                let detail = format!("never sent: the rest of batch {id} was cancelled");
                let ids: Vec<i64> = {
                    let mut stmt = tx.prepare(
                        "SELECT p.id FROM batch_rows r JOIN payouts p ON p.id = r.payout_id
                         WHERE r.batch_id = ?1 AND p.phase = 'queued'",
                    )?;
                    let ids = stmt
                        .query_map(params![id], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    ids
                };
                for payout in ids {
                    exec(
                        tx,
                        "UPDATE payouts SET phase = 'not_sent', last_error = ?2, updated_at = ?3
                         WHERE id = ?1 AND phase = 'queued'",
                        params![payout, detail, now],
                    )?;
                    insert_history(tx, payout, &now, "not_delivered", None, Some(&detail))?;
                }
            }
            if let (Some(audit), true) = (audit, to != batch.state) {
                insert_audit(tx, &now, audit)?;
            }
            batch_in(tx, &id)?.ok_or_else(|| Error::Journal("a batch vanished".into()))
        })
        .await
    }

    /// See [`crate::journal::store::JournalStore::earlier_payouts`].
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn earlier_payouts(
        &self,
        scope: &str,
        since: &str,
    ) -> Result<Vec<crate::batch::EarlierPayout>> {
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(
            "SELECT external_id, created_at, content_hash, country, currency, amount,
                json_extract(request_json, '$.document_id')
             FROM payouts
             WHERE scope = ?1 AND created_at >= ?2 AND request_json IS NOT NULL
               AND phase NOT IN ('declined', 'not_sent')
               AND coalesce(status, '') NOT IN ('CANCELLED', 'REJECTED')
             ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map(params![scope, since], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, at, hash, country, currency, amount, document) = row?;
            if let Some(p) =
                crate::batch::review::earlier(id, at, hash, country, currency, amount, document)
            {
                out.push(p);
            }
        }
        Ok(out)
    }

    /// See [`crate::journal::store::JournalStore::batches`].
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn batches(&self, scope: &str) -> Result<Vec<BatchRecord>> {
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(&format!(
            "{SELECT_BATCH} WHERE b.scope = ?1 GROUP BY b.id
             ORDER BY b.created_at DESC, b.id LIMIT 500"
        ))?;
        let now = self.now();
        let rows = stmt.query_map(params![scope], batch_from_row)?;
        rows.map(|b| Ok(b?.seen_at(&now))).collect()
    }

    /// See [`crate::journal::store::JournalStore::batch`].
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn batch(&self, id: &str) -> Result<Option<BatchRecord>> {
        let conn = self.reader()?;
        Ok(batch_in(&conn, id)?.map(|b| b.seen_at(&self.now())))
    }

    /// See [`crate::journal::store::JournalStore::batch_row_of`].
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn batch_row_of(&self, scope: &str, external_id: &str) -> Result<Option<(String, u32)>> {
        let conn = self.reader()?;
        Ok(query_row(
            &conn,
            "SELECT r.batch_id, r.row_no FROM payouts p JOIN batch_rows r ON r.payout_id = p.id
             WHERE p.scope = ?1 AND p.external_id = ?2",
            params![scope, external_id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)),
        )
        .optional()?)
    }

    /// See [`crate::journal::store::JournalStore::batch_rows`].
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn batch_rows(&self, id: &str) -> Result<Vec<BatchRowRecord>> {
        let conn = self.reader()?;
        let mut payouts = HashMap::new();
        {
            let mut stmt = conn.prepare_cached(&format!(
                "{SELECT} WHERE id IN (SELECT payout_id FROM batch_rows WHERE batch_id = ?1)"
            ))?;
            for record in stmt.query_map(params![id], record_from_row)? {
                let record = record?;
                payouts.insert(record.id, record);
            }
        }
        let mut stmt = conn.prepare_cached(
            "SELECT row_no, cells_json, payout_id FROM batch_rows WHERE batch_id = ?1
             ORDER BY row_no",
        )?;
        let rows = stmt.query_map(params![id], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (row, cells, payout) = row?;
            out.push(BatchRowRecord {
                row,
                cells: serde_json::from_str(&cells).unwrap_or_default(),
                payout: payout.and_then(|p| payouts.remove(&p)),
            });
        }
        Ok(out)
    }
}

/// JSON of a batch's part, with a journal error when it cannot be written.
fn json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| Error::Journal(format!("a batch could not be written: {e}")))
}

//! Batches in the team journal (see [`crate::batch::records`] for what is guaranteed; migration
//! 0011 for what the database enforces): the embedded journal's batch writes in PostgreSQL's
//! dialect, each one transaction. Two desks confirming or starting the same batch take turns on
//! the batch's row lock (`FOR UPDATE`), so one of them sends it.

use std::collections::HashMap;

use deadpool_postgres::GenericClient;
use tokio_postgres::Row;

use super::rows::{in_transaction, record_from_row, TxError, COLUMNS};
use super::writes::{append_audit, history, insert_desk_payout};
use super::{pg_error, pool_error, PgStore};
use crate::audit::AuditEvent;
use crate::batch::records::{
    BatchChange, BatchProgress, BatchRecord, BatchRowRecord, BatchState, BatchWritten, NewBatch,
};
use crate::batch::{BatchTotal, DecimalStyle, FileFormat};
use crate::clock::format_instant;
use crate::error::{Error, Result};
use crate::l10n::messages::tr;

/// The batch's columns, then its progress counted over its rows' payouts.
const SELECT_BATCH: &str = "
SELECT b.id, b.scope, b.file_name, b.file_sha256, b.file_format, b.separator, b.decimal_style,
    b.operator, b.headers_json, b.totals_json, b.rows_total, b.state, b.rate_per_minute,
    b.sender, b.lease_until, b.created_at, b.updated_at,
    count(p.id),
    count(*) FILTER (WHERE r.row_no IS NOT NULL AND r.payout_id IS NULL),
    count(*) FILTER (WHERE p.phase = 'queued'),
    count(*) FILTER (WHERE p.phase IN ('intent', 'unknown', 'sent_not_found', 'abandoned')),
    count(*) FILTER (WHERE p.phase = 'created'),
    count(*) FILTER (WHERE p.phase = 'declined'),
    count(*) FILTER (WHERE p.phase = 'not_sent'),
    count(*) FILTER (WHERE p.status = 'REJECTED'),
    count(*) FILTER (WHERE p.status = 'COMPLETED'),
    count(*) FILTER (WHERE p.status = 'CANCELLED')
FROM cashout.batches b
LEFT JOIN cashout.batch_rows r ON r.batch_id = b.id
LEFT JOIN cashout.payouts p ON p.id = r.payout_id";

fn batch_from_row(r: &Row) -> BatchRecord {
    let count = |i: usize| u32::try_from(r.get::<_, i64>(i)).unwrap_or(0);
    BatchRecord {
        id: r.get(0),
        scope: r.get(1),
        file_name: r.get(2),
        file_sha256: r.get(3),
        format: if r.get::<_, String>(4) == "xlsx" {
            FileFormat::Xlsx
        } else {
            FileFormat::Csv
        },
        separator: r.get(5),
        decimal: if r.get::<_, String>(6) == "comma" {
            DecimalStyle::Comma
        } else {
            DecimalStyle::Point
        },
        operator: r.get(7),
        headers: serde_json::from_str(&r.get::<_, String>(8)).unwrap_or_default(),
        totals: serde_json::from_str::<Vec<BatchTotal>>(&r.get::<_, String>(9)).unwrap_or_default(),
        rows: count(10),
        state: BatchState::parse(&r.get::<_, String>(11)),
        rate_per_minute: count(12),
        sender: r.get(13),
        lease_until: r.get(14),
        created_at: r.get(15),
        updated_at: r.get(16),
        progress: BatchProgress {
            payouts: count(17),
            excluded: count(18),
            waiting: count(19),
            in_flight: count(20),
            created: count(21),
            declined: count(22),
            not_sent: count(23),
            rejected: count(24),
            completed: count(25),
            cancelled: count(26),
        },
        interrupted: false,
    }
}

async fn batch_in(
    client: &impl GenericClient,
    id: &str,
) -> std::result::Result<Option<BatchRecord>, tokio_postgres::Error> {
    Ok(client
        .query_opt(
            &format!("{SELECT_BATCH} WHERE b.id = $1 GROUP BY b.id"),
            &[&id],
        )
        .await?
        .map(|r| batch_from_row(&r)))
}

fn refused(message: String) -> TxError {
    Error::InvalidInput {
        field: "batch",
        message,
    }
    .into()
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| Error::TeamJournal(format!("a batch could not be written: {e}")))
}

impl PgStore {
    pub(super) async fn write_batch(
        &self,
        batch: &NewBatch,
        audit: AuditEvent,
    ) -> Result<BatchWritten> {
        let now = self.now();
        let batch = batch.clone();
        let headers = json(&batch.headers)?;
        let totals = json(&batch.totals)?;
        let mut rows = Vec::with_capacity(batch.rows.len());
        for r in &batch.rows {
            let request = match &r.request {
                Some(req) => Some((req.clone(), json(req)?)),
                None => None,
            };
            rows.push((i64::from(r.row), json(&r.cells)?, request));
        }
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    // Two desks confirming at once take turns on the file's digest.
                    tx.execute(
                        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                        &[&format!("batch:{}:{}", batch.scope, batch.file_sha256)],
                    )
                    .await?;
                    if let Some(existing) = batch_in(&tx, &batch.id).await? {
                        return Ok(BatchWritten::Written(Box::new(existing)));
                    }
                    if !batch.same_file_again {
                        let earlier = tx
                            .query_opt(
                                "SELECT id FROM cashout.batches WHERE scope = $1 AND file_sha256 = $2
                                 ORDER BY created_at DESC LIMIT 1",
                                &[&batch.scope, &batch.file_sha256],
                            )
                            .await?
                            .map(|r| r.get::<_, String>(0));
                        if let Some(earlier) = earlier {
                            let record = batch_in(&tx, &earlier).await?.ok_or_else(|| {
                                TxError::from(Error::TeamJournal("a batch vanished".into()))
                            })?;
                            return Ok(BatchWritten::SameFile(Box::new(record)));
                        }
                    }
                    let rows_total = i64::try_from(rows.len()).unwrap_or(i64::MAX);
                    let rate = i64::from(batch.rate_per_minute);
                    tx.execute(
                        "INSERT INTO cashout.batches (id, scope, file_name, file_sha256,
                            file_format, separator, decimal_style, operator, headers_json,
                            totals_json, rows_total, state, rate_per_minute, created_at,
                            updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, session_user || ' — ' || $8, $9,
                            $10, $11, 'ready', $12, $13, $13)",
                        &[
                            &batch.id,
                            &batch.scope,
                            &batch.file_name,
                            &batch.file_sha256,
                            &batch.format.as_str(),
                            &batch.separator.map(String::from),
                            &batch.decimal.as_str(),
                            &batch.operator,
                            &headers,
                            &totals,
                            &rows_total,
                            &rate,
                            &now,
                        ],
                    )
                    .await?;
                    for (row, cells, request) in &rows {
                        let payout = match request {
                            Some((req, json)) => {
                                let id = insert_desk_payout(
                                    &tx,
                                    &batch.scope,
                                    &batch.base_url,
                                    req,
                                    json,
                                    &now,
                                    "queued",
                                    None,
                                )
                                .await?;
                                let detail = format!(
                                    "row {row} of batch {} ({})",
                                    batch.id, batch.file_name
                                );
                                history(&tx, id, &now, "queued", None, Some(&detail)).await?;
                                Some(id)
                            }
                            None => None,
                        };
                        tx.execute(
                            "INSERT INTO cashout.batch_rows (batch_id, row_no, cells_json, payout_id)
                             VALUES ($1, $2, $3, $4)",
                            &[&batch.id, row, cells, &payout],
                        )
                        .await?;
                    }
                    append_audit(&tx, &audit).await?;
                    let record = batch_in(&tx, &batch.id).await?.ok_or_else(|| {
                        TxError::from(Error::TeamJournal(
                            "the batch just written cannot be read".into(),
                        ))
                    })?;
                    Ok(BatchWritten::Written(Box::new(record)))
                })
            })
            .await
    }

    pub(super) async fn write_batch_change(
        &self,
        id: &str,
        change: BatchChange,
        audit: Option<AuditEvent>,
    ) -> Result<BatchRecord> {
        let now = self.now();
        let until = match &change {
            BatchChange::Send { lease, .. } | BatchChange::Renew { lease, .. } => {
                Some(format_instant(self.clock.now() + *lease))
            }
            _ => None,
        };
        let id = id.to_owned();
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    let locked = tx
                        .query_opt(
                            "SELECT 1 FROM cashout.batches WHERE id = $1 FOR UPDATE",
                            &[&id],
                        )
                        .await?;
                    if locked.is_none() {
                        return Err(refused(tr(
                            "batch-no-such-batch",
                            &[("batch", id.as_str().into())],
                        )));
                    }
                    let batch = batch_in(&tx, &id).await?.ok_or_else(|| {
                        TxError::from(Error::TeamJournal("a batch vanished".into()))
                    })?;
                    let to = crate::batch::records::next_state(&batch, &change, &now)
                        .map_err(refused)?;
                    let (sender, rate) = match &change {
                        BatchChange::Send {
                            sender,
                            rate_per_minute,
                            ..
                        } => (Some(sender.clone()), Some(i64::from(*rate_per_minute))),
                        BatchChange::Renew { sender, .. } => (Some(sender.clone()), None),
                        _ => (None, None),
                    };
                    tx.execute(
                        "UPDATE cashout.batches SET state = $2,
                            sender = CASE WHEN $3::text IS NULL THEN NULL
                                ELSE session_user || ' — ' || $3 END,
                            lease_until = $4, updated_at = $5,
                            rate_per_minute = coalesce($6, rate_per_minute)
                         WHERE id = $1",
                        &[&id, &to.as_str(), &sender, &until, &now, &rate],
                    )
                    .await?;
                    if change == BatchChange::Cancel {
                        let detail = format!("never sent: the rest of batch {id} was cancelled");
                        let ids: Vec<i64> = tx
                            .query(
                                "UPDATE cashout.payouts p SET phase = 'not_sent', last_error = $2,
                                    updated_at = $3
                                 FROM cashout.batch_rows r
                                 WHERE r.batch_id = $1 AND p.id = r.payout_id
                                   AND p.phase = 'queued'
                                 RETURNING p.id",
                                &[&id, &detail, &now],
                            )
                            .await?
                            .iter()
                            .map(|r| r.get(0))
                            .collect();
                        for payout in ids {
                            history(&tx, payout, &now, "not_delivered", None, Some(&detail))
                                .await?;
                        }
                    }
                    if let (Some(audit), true) = (&audit, to != batch.state) {
                        append_audit(&tx, audit).await?;
                    }
                    batch_in(&tx, &id)
                        .await?
                        .ok_or_else(|| TxError::from(Error::TeamJournal("a batch vanished".into())))
                })
            })
            .await
    }

    pub(super) fn read_earlier_payouts(
        &self,
        scope: &str,
        since: &str,
    ) -> Result<Vec<crate::batch::EarlierPayout>> {
        let (scope, since) = (scope.to_owned(), since.to_owned());
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    "SELECT external_id, created_at, content_hash, country, currency, amount,
                        request_json::jsonb ->> 'document_id'
                     FROM cashout.payouts
                     WHERE scope = $1 AND created_at >= $2 AND request_json IS NOT NULL
                       AND phase NOT IN ('declined', 'not_sent')
                       AND coalesce(status, '') NOT IN ('CANCELLED', 'REJECTED')
                     ORDER BY created_at, id",
                    &[&scope, &since],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows
                .iter()
                .filter_map(|r| {
                    crate::batch::review::earlier(
                        r.get(0),
                        r.get(1),
                        r.get(2),
                        r.get(3),
                        r.get(4),
                        r.get(5),
                        r.get(6),
                    )
                })
                .collect())
        })
    }

    pub(super) fn read_batches(&self, scope: &str) -> Result<Vec<BatchRecord>> {
        let (scope, now) = (scope.to_owned(), self.now());
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    &format!(
                        "{SELECT_BATCH} WHERE b.scope = $1 GROUP BY b.id
                         ORDER BY b.created_at DESC, b.id LIMIT 500"
                    ),
                    &[&scope],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows
                .iter()
                .map(|r| batch_from_row(r).seen_at(&now))
                .collect())
        })
    }

    pub(super) fn read_batch(&self, id: &str) -> Result<Option<BatchRecord>> {
        let (id, now) = (id.to_owned(), self.now());
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            Ok(batch_in(&client, &id)
                .await
                .map_err(pg_error)?
                .map(|b| b.seen_at(&now)))
        })
    }

    pub(super) fn read_batch_row_of(
        &self,
        scope: &str,
        external_id: &str,
    ) -> Result<Option<(String, u32)>> {
        let (scope, external_id) = (scope.to_owned(), external_id.to_owned());
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            Ok(client
                .query_opt(
                    "SELECT r.batch_id, r.row_no FROM cashout.payouts p
                     JOIN cashout.batch_rows r ON r.payout_id = p.id
                     WHERE p.scope = $1 AND p.external_id = $2",
                    &[&scope, &external_id],
                )
                .await
                .map_err(pg_error)?
                .map(|r| {
                    (
                        r.get::<_, String>(0),
                        u32::try_from(r.get::<_, i64>(1)).unwrap_or(u32::MAX),
                    )
                }))
        })
    }

    pub(super) fn read_batch_rows(&self, id: &str) -> Result<Vec<BatchRowRecord>> {
        let id = id.to_owned();
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let mut payouts: HashMap<i64, _> = client
                .query(
                    &format!(
                        "SELECT {COLUMNS} FROM cashout.payouts WHERE id IN
                           (SELECT payout_id FROM cashout.batch_rows WHERE batch_id = $1)"
                    ),
                    &[&id],
                )
                .await
                .map_err(pg_error)?
                .iter()
                .map(|r| {
                    let record = record_from_row(r);
                    (record.id, record)
                })
                .collect();
            let rows = client
                .query(
                    "SELECT row_no, cells_json, payout_id FROM cashout.batch_rows
                     WHERE batch_id = $1 ORDER BY row_no",
                    &[&id],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows
                .iter()
                .map(|r| BatchRowRecord {
                    row: u32::try_from(r.get::<_, i64>(0)).unwrap_or(0),
                    cells: serde_json::from_str(&r.get::<_, String>(1)).unwrap_or_default(),
                    payout: r.get::<_, Option<i64>>(2).and_then(|p| payouts.remove(&p)),
                })
                .collect())
        })
    }
}

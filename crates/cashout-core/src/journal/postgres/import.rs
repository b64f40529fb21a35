//! Adding a payout read from another journal to the team journal (see
//! [`crate::journal::store::JournalStore::import_payout`]): one transaction per payout, never a
//! second record of a payout the team holds (checked under the same unique keys every desk's
//! writes meet, so a desk creating the same payout meanwhile makes this one "already here").

use tokio_postgres::Transaction;

use super::rows::{in_transaction, record_from_row, TxError, COLUMNS};
use super::writes::history;
use super::PgStore;
use crate::error::{Error, Result};
use crate::journal::copy::disagreement;
use crate::journal::{content_hash, keys, HistoryEntry, Imported, PayoutRecord};
use crate::status::CashoutStatus;

impl PgStore {
    pub(super) async fn import(
        &self,
        record: &PayoutRecord,
        history_lines: &[HistoryEntry],
        source: &str,
    ) -> Result<Imported> {
        let (now, record, lines, source) = (
            self.now(),
            record.clone(),
            history_lines.to_vec(),
            source.to_owned(),
        );
        let request_json = record
            .request
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| Error::Journal(e.to_string()))?;
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    import_in(&tx, &now, &record, request_json.as_deref(), &lines, &source).await
                })
            })
            .await
    }
}

async fn import_in(
    tx: &Transaction<'_>,
    now: &str,
    record: &PayoutRecord,
    request_json: Option<&str>,
    lines: &[HistoryEntry],
    source: &str,
) -> std::result::Result<Imported, TxError> {
    let existing = tx
        .query_opt(
            &format!(
                "SELECT {COLUMNS} FROM cashout.payouts WHERE scope = $1
                   AND (external_id = $2 OR cashout_id = $3)
                 ORDER BY (external_id IS NOT DISTINCT FROM $2) DESC LIMIT 1"
            ),
            &[&record.scope, &record.external_id, &record.cashout_id],
        )
        .await?
        .map(|r| record_from_row(&r));
    if let Some(here) = existing {
        let note = disagreement(&here, record, source);
        if let Some(note) = &note {
            history(tx, here.id, now, "imported", None, Some(note)).await?;
        }
        return Ok(Imported::AlreadyHere {
            id: here.id,
            differs: note.is_some(),
        });
    }
    let bank = record
        .bank
        .as_ref()
        .and_then(|b| serde_json::to_string(b).ok());
    let hash = record.request.as_ref().map(content_hash);
    let id: i64 = tx
        .query_one(
            "INSERT INTO cashout.payouts (scope, base_url, external_id, cashout_id, origin, phase,
                request_json, content_hash, country, currency, amount, beneficiary, status,
                status_code, status_since, rejection_code, rejection_reason, provider_reference,
                bank_json, last_error, api_code, attempts, lookups, created_at, updated_at,
                checked_at, last_sent_at, search_text, amount_key, name_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)
             RETURNING id",
            &[
                &record.scope,
                &record.base_url,
                &record.external_id,
                &record.cashout_id,
                &record.origin,
                &record.phase.as_str(),
                &request_json,
                &hash,
                &record.country,
                &record.currency,
                &record.amount,
                &record.beneficiary,
                &record.status.map(CashoutStatus::name),
                &record.status_code,
                &record.status_since,
                &record.rejection_code,
                &record.rejection_reason,
                &record.provider_reference,
                &bank,
                &record.last_error,
                &record.api_code,
                &record.attempts,
                &record.lookups,
                &record.created_at,
                &record.updated_at,
                &record.checked_at,
                &record.last_sent_at,
                &keys::search_text(
                    record.external_id.as_deref(),
                    record.beneficiary.as_deref(),
                    record.request.as_ref(),
                ),
                &keys::amount_key(record.currency.as_deref(), record.amount.as_deref()),
                &keys::name_key(record.beneficiary.as_deref()),
            ],
        )
        .await?
        .get(0);
    for h in lines {
        history(tx, id, &h.at, &h.event, h.status, h.detail.as_deref()).await?;
    }
    history(
        tx,
        id,
        now,
        "imported",
        None,
        Some(&format!("copied from {source}")),
    )
    .await?;
    Ok(Imported::Added(id))
}

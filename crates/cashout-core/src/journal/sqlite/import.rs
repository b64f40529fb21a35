//! Adding a payout read from another journal (see
//! [`crate::journal::store::JournalStore::import_payout`]): one durable transaction per payout,
//! never a second record of a payout this journal holds.

use rusqlite::params;

use super::rows::{exec, find_in, insert_history};
use super::SqliteStore;
use crate::api::types::CashoutId;
use crate::error::{Error, Result};
use crate::journal::copy::disagreement;
use crate::journal::{content_hash, keys, HistoryEntry, Imported, PayoutRecord};
use crate::status::CashoutStatus;

impl SqliteStore {
    /// See [`crate::journal::store::JournalStore::import_payout`].
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn import_payout(
        &self,
        record: &PayoutRecord,
        history: &[HistoryEntry],
        source: &str,
    ) -> Result<Imported> {
        let (now, record, history, source) = (
            self.now(),
            record.clone(),
            history.to_vec(),
            source.to_owned(),
        );
        let request_json = record
            .request
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| Error::Journal(e.to_string()))?;
        self.write(true, move |tx| {
            let by_ext = match record.external_id.as_deref() {
                Some(x) => find_in(tx, &record.scope, None, Some(x))?,
                None => None,
            };
            let existing = match (by_ext, record.cashout_id) {
                (Some(e), _) => Some(e),
                (None, Some(c)) => find_in(tx, &record.scope, Some(CashoutId(c)), None)?,
                (None, None) => None,
            };
            if let Some(here) = existing {
                let note = disagreement(&here, &record, &source);
                if let Some(note) = &note {
                    insert_history(tx, here.id, &now, "imported", None, Some(note))?;
                }
                return Ok(Imported::AlreadyHere {
                    id: here.id,
                    differs: note.is_some(),
                });
            }
            exec(
                tx,
                "INSERT INTO payouts (scope, base_url, external_id, cashout_id, origin, phase,
                    request_json, content_hash, country, currency, amount, beneficiary, status,
                    status_code, status_since, rejection_code, rejection_reason, provider_reference,
                    bank_json, last_error, api_code, attempts, lookups, created_at, updated_at,
                    checked_at, last_sent_at, search_text, amount_key, name_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
                params![
                    record.scope,
                    record.base_url,
                    record.external_id,
                    record.cashout_id,
                    record.origin,
                    record.phase.as_str(),
                    request_json,
                    record.request.as_ref().map(content_hash),
                    record.country,
                    record.currency,
                    record.amount,
                    record.beneficiary,
                    record.status.map(CashoutStatus::name),
                    record.status_code,
                    record.status_since,
                    record.rejection_code,
                    record.rejection_reason,
                    record.provider_reference,
                    record
                        .bank
                        .as_ref()
                        .and_then(|b| serde_json::to_string(b).ok()),
                    record.last_error,
                    record.api_code,
                    record.attempts,
                    record.lookups,
                    record.created_at,
                    record.updated_at,
                    record.checked_at,
                    record.last_sent_at,
                    keys::search_text(
                        record.external_id.as_deref(),
                        record.beneficiary.as_deref(),
                        record.request.as_ref()
                    ),
                    keys::amount_key(record.currency.as_deref(), record.amount.as_deref()),
                    keys::name_key(record.beneficiary.as_deref()),
                ],
            )?;
            let id = tx.last_insert_rowid();
            for h in &history {
                insert_history(tx, id, &h.at, &h.event, h.status, h.detail.as_deref())?;
            }
            insert_history(
                tx,
                id,
                &now,
                "imported",
                None,
                Some(&format!("copied from {source}")),
            )?;
            Ok(Imported::Added(id))
        })
        .await
    }
}

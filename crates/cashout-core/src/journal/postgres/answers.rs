//! What the provider's answers and lookups do to the team journal's rows: a status answer
//! applied by the shared rules ([`status_rules::plan`]), and a cashout known from a lookup
//! added, linked or merged — the embedded journal's `apply_status` and `record_lookup`, in
//! PostgreSQL's dialect, inside the caller's transaction.

use tokio_postgres::types::ToSql;
use tokio_postgres::Transaction;

use super::rows::{record_from_row, TxError, COLUMNS};
use super::writes::history;
use crate::api::types::{CashoutId, StatusAnswer};
use crate::error::Error;
use crate::journal::status_rules::{self, Current, Plan};
use crate::journal::{keys, PayoutRecord, Phase};
use crate::l10n::messages::tr;
use crate::status::CashoutStatus;

/// See [`crate::journal::store::JournalStore::record_lookup`] (the same cases as the embedded
/// journal's).
pub(super) async fn lookup_in(
    tx: &Transaction<'_>,
    now: &str,
    scope: &str,
    base_url: &str,
    cashout_id: Option<CashoutId>,
    external_id: Option<&str>,
) -> std::result::Result<i64, TxError> {
    let by_id = match cashout_id {
        Some(id) => find_in(tx, scope, "cashout_id = $2", &id.0).await?,
        None => None,
    };
    let by_ext = match external_id {
        Some(x) => find_in(tx, scope, "external_id = $2", &x).await?,
        None => None,
    };
    match (by_id, by_ext, cashout_id, external_id) {
        (Some(a), Some(b), _, _) if a.id == b.id => Ok(a.id),
        // One payout known twice: by id (a lookup) and by external_id (e.g. a create whose
        // answer was lost). Keep the external_id record, give it the id and the other's history.
        (Some(a), Some(b), Some(id), _)
            if a.external_id.is_none() && b.cashout_id.is_none() && b.phase == Phase::Created =>
        {
            tx.execute(
                "UPDATE cashout.history SET payout_id = $2 WHERE payout_id = $1",
                &[&a.id, &b.id],
            )
            .await?;
            tx.execute(
                "UPDATE cashout.exchanges SET payout_id = $2 WHERE payout_id = $1",
                &[&a.id, &b.id],
            )
            .await?;
            tx.execute("DELETE FROM cashout.payouts WHERE id = $1", &[&a.id])
                .await?;
            tx.execute(
                "UPDATE cashout.payouts SET cashout_id = $2 WHERE id = $1",
                &[&b.id, &id.0],
            )
            .await?;
            let detail = format!("cashout_id {id}");
            history(tx, b.id, now, "linked", None, Some(&detail)).await?;
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
        }
        .into()),
        (Some(a), None, _, Some(x)) => {
            if a.external_id.is_none() {
                let search =
                    keys::search_text(Some(x), a.beneficiary.as_deref(), a.request.as_ref());
                tx.execute(
                    "UPDATE cashout.payouts SET external_id = $2, search_text = $3 WHERE id = $1",
                    &[&a.id, &x, &search],
                )
                .await?;
            }
            Ok(a.id)
        }
        // Only a payout found by its external_id (created, id not known) is joined with the id.
        (None, Some(b), Some(id), _) if b.phase == Phase::Created => {
            if b.cashout_id.is_none() {
                tx.execute(
                    "UPDATE cashout.payouts SET cashout_id = $2 WHERE id = $1",
                    &[&b.id, &id.0],
                )
                .await?;
                let detail = format!("cashout_id {id}");
                history(tx, b.id, now, "linked", None, Some(&detail)).await?;
            }
            Ok(b.id)
        }
        (None, Some(b), Some(id), _) => {
            let detail = format!(
                "cashout {id} was named with this external_id, but this create was never found by it; kept apart"
            );
            history(tx, b.id, now, "not_linked", None, Some(&detail)).await?;
            let new: i64 = tx
                .query_one(
                    "INSERT INTO cashout.payouts (scope, base_url, cashout_id, origin, phase,
                        created_at, updated_at)
                     VALUES ($1, $2, $3, 'lookup', 'created', $4, $4) RETURNING id",
                    &[&scope, &base_url, &id.0, &now],
                )
                .await?
                .get(0);
            history(
                tx,
                new,
                now,
                "added",
                None,
                Some("added to the journal by a lookup"),
            )
            .await?;
            Ok(new)
        }
        (Some(a), None, _, None) => Ok(a.id),
        (None, Some(b), None, _) => Ok(b.id),
        (None, None, _, _) => {
            let new: i64 = tx
                .query_one(
                    "INSERT INTO cashout.payouts (scope, base_url, external_id, cashout_id, origin,
                        phase, created_at, updated_at, search_text)
                     VALUES ($1, $2, $3, $4, 'lookup', 'created', $5, $5, $6) RETURNING id",
                    &[
                        &scope,
                        &base_url,
                        &external_id,
                        &cashout_id.map(|c| c.0),
                        &now,
                        &keys::search_text(external_id, None, None),
                    ],
                )
                .await?
                .get(0);
            history(
                tx,
                new,
                now,
                "added",
                None,
                Some("added to the journal by a lookup"),
            )
            .await?;
            Ok(new)
        }
    }
}

async fn find_in(
    tx: &Transaction<'_>,
    scope: &str,
    condition: &str,
    value: &(dyn ToSql + Sync),
) -> std::result::Result<Option<PayoutRecord>, TxError> {
    Ok(tx
        .query_opt(
            &format!("SELECT {COLUMNS} FROM cashout.payouts WHERE scope = $1 AND {condition}"),
            &[&scope, value],
        )
        .await?
        .map(|r| record_from_row(&r)))
}

/// Applies a status answer to record `id` by [`status_rules::plan`] (the embedded journal's
/// `apply_status`, in this dialect).
pub(super) async fn apply_status(
    tx: &Transaction<'_>,
    id: i64,
    now: &str,
    answer: &StatusAnswer,
    event: &str,
) -> std::result::Result<Option<CashoutStatus>, TxError> {
    let row = tx
        .query_opt(
            "SELECT status, status_code, rejection_code, phase, api_code, cashout_id, external_id,
                scope FROM cashout.payouts WHERE id = $1 FOR UPDATE",
            &[&id],
        )
        .await?
        .ok_or_else(|| Error::Journal(format!("no payout record {id}")))?;
    let current = Current {
        status: row.get(0),
        status_code: row.get(1),
        rejection_code: row.get(2),
        phase: row.get(3),
        api_code: row.get(4),
        cashout_id: row.get(5),
        external_id: row.get(6),
    };
    let scope: String = row.get(7);
    match status_rules::plan(&current, answer, event)? {
        Plan::Foreign { mark, detail } => {
            if let Some(why) = mark {
                tx.execute(
                    "UPDATE cashout.payouts SET phase = 'declined', status = 'DECLINED',
                        api_code = 511, last_error = $2, updated_at = $3,
                        status_since = CASE WHEN status = 'DECLINED' THEN status_since ELSE $3 END
                     WHERE id = $1",
                    &[&id, &why, &now],
                )
                .await?;
            }
            history(tx, id, now, "foreign", None, Some(&detail)).await?;
            Ok(Some(CashoutStatus::Declined))
        }
        Plan::Apply {
            status,
            link,
            history: line,
        } => {
            let confirmed_id = match link {
                Some(said) => {
                    let taken = tx
                        .query_opt(
                            "SELECT id FROM cashout.payouts WHERE scope = $1 AND cashout_id = $2",
                            &[&scope, &said],
                        )
                        .await?;
                    taken.is_none().then_some(said)
                }
                None => None,
            };
            let bank = answer
                .bank
                .as_ref()
                .and_then(|b| serde_json::to_string(b).ok());
            tx.execute(
                "UPDATE cashout.payouts SET phase = 'created', status = $2, status_code = $9,
                    status_since = CASE WHEN status IS NOT DISTINCT FROM $2
                        AND status_code IS NOT DISTINCT FROM $9 THEN status_since ELSE $7 END,
                    rejection_code = $3, rejection_reason = $4,
                    provider_reference = COALESCE($5, provider_reference),
                    bank_json = COALESCE($6, bank_json),
                    cashout_id = COALESCE(cashout_id, $8),
                    last_error = NULL, api_code = NULL, updated_at = $7, checked_at = $7,
                    claim_token = NULL, claimed_by = NULL, lease_until = NULL
                 WHERE id = $1",
                &[
                    &id,
                    &status.name(),
                    &answer.rejection_code,
                    &answer.rejection_reason,
                    &answer.provider_external_reference,
                    &bank,
                    &now,
                    &confirmed_id,
                    &answer.cashout_status,
                ],
            )
            .await?;
            if let Some(linked) = confirmed_id {
                let detail =
                    format!("cashout_id {linked} (the provider's answer named this external_id)");
                history(tx, id, now, "linked", None, Some(&detail)).await?;
            }
            if let Some(detail) = line {
                history(tx, id, now, event, Some(status), detail.as_deref()).await?;
            }
            Ok(Some(status))
        }
    }
}

//! The journal's rows: how a payout, its history, its exchanges and the audit chain are read
//! from and written to SQLite, inside whatever transaction the caller holds.
//!
//! Guarantees: a status answer is applied to a row only through [`apply_status`]; the audit
//! chain is appended only through [`insert_audit`], inside the writer's IMMEDIATE transaction,
//! so it never forks. Left out: batching and durability (`writer`), listing and search
//! (`search`).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::super::status_rules::{self, Current, Plan};
use super::super::{HistoryEntry, PayoutRecord, Phase};
use crate::api::types::{CashoutId, Exchange, StatusAnswer};
use crate::audit::{AuditEntry, AuditEvent};
use crate::error::Result;
use crate::status::CashoutStatus;

/// Every payout column a record holds, in the order [`record_from_row`] reads them.
pub(super) const SELECT_COLUMNS: &str = "id, scope, base_url, external_id, cashout_id, origin, phase, request_json,
    country, currency, amount, beneficiary, status, rejection_code, rejection_reason,
    provider_reference, bank_json, last_error, api_code, attempts, created_at, updated_at, checked_at,
    status_since, status_code, lookups, last_sent_at";

pub(super) const SELECT: &str = "SELECT id, scope, base_url, external_id, cashout_id, origin, phase, request_json,
    country, currency, amount, beneficiary, status, rejection_code, rejection_reason,
    provider_reference, bank_json, last_error, api_code, attempts, created_at, updated_at, checked_at,
    status_since, status_code, lookups, last_sent_at FROM payouts";

/// As [`SELECT`] without the stored request: lists and views never show it, and parsing it for
/// every row is most of the cost of reading one.
pub(super) const SUMMARY_COLUMNS: &str = "id, scope, base_url, external_id, cashout_id, origin, phase, NULL,
    country, currency, amount, beneficiary, status, rejection_code, rejection_reason,
    provider_reference, bank_json, last_error, api_code, attempts, created_at, updated_at, checked_at,
    status_since, status_code, lookups, last_sent_at";

pub(super) const SELECT_SUMMARY: &str = "SELECT id, scope, base_url, external_id, cashout_id, origin, phase, NULL,
    country, currency, amount, beneficiary, status, rejection_code, rejection_reason,
    provider_reference, bank_json, last_error, api_code, attempts, created_at, updated_at, checked_at,
    status_since, status_code, lookups, last_sent_at FROM payouts";

pub(super) fn record_from_row(row: &Row<'_>) -> rusqlite::Result<PayoutRecord> {
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
        status_code: row.get(24)?,
        lookups: row.get(25)?,
        last_sent_at: row.get(26)?,
    })
}

/// Runs a statement through the connection's statement cache: the journal runs the same few
/// statements over and over, and parsing them each time cost more than running them.
pub(super) fn exec(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(sql)?.execute(params)
}

pub(super) fn history_in(conn: &Connection, id: i64) -> Result<Vec<HistoryEntry>> {
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

/// As [`exec`], for a one-row query.
pub(super) fn query_row<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    f: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(params, f)
}

pub(super) fn find_in(
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

pub(super) const SELECT_AUDIT: &str =
    "SELECT seq, at, os_user, environment, action, cashout_id, external_id,
    outcome, detail, prev_hash, hash FROM audit";

pub(super) fn audit_from_row(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
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

/// Appends `event` to the audit chain inside the writer's IMMEDIATE transaction: no other
/// process can append between the read of the last entry and the insert, so the chain never
/// forks.
pub(super) fn insert_audit(tx: &Connection, now: &str, event: AuditEvent) -> Result<AuditEntry> {
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

pub(super) fn insert_exchange(
    tx: &Connection,
    id: i64,
    now: &str,
    e: &Exchange,
) -> rusqlite::Result<()> {
    exec(
        tx,
        "INSERT INTO exchanges (payout_id, at, method, path, body, signature, http_status, answer, outcome)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, now, e.method, e.path, e.body, e.signature, e.http_status, e.answer, e.outcome],
    )?;
    Ok(())
}

/// Records a status answer for record `id` (see
/// [`super::super::store::JournalStore::record_status`]) by the plan of
/// [`status_rules::plan`].
pub(super) fn apply_status(
    tx: &Connection,
    id: i64,
    now: &str,
    answer: &StatusAnswer,
    event: &str,
) -> Result<Option<CashoutStatus>> {
    let (current, scope) = query_row(
        tx,
        "SELECT status, status_code, rejection_code, phase, api_code, cashout_id, external_id, scope
         FROM payouts WHERE id = ?1",
        params![id],
        |r| {
            Ok((
                Current {
                    status: r.get(0)?,
                    status_code: r.get(1)?,
                    rejection_code: r.get(2)?,
                    phase: r.get(3)?,
                    api_code: r.get(4)?,
                    cashout_id: r.get(5)?,
                    external_id: r.get(6)?,
                },
                r.get::<_, String>(7)?,
            ))
        },
    )?;
    match status_rules::plan(&current, answer, event)? {
        Plan::Foreign { mark, detail } => {
            if let Some(why) = mark {
                exec(
                    tx,
                    "UPDATE payouts SET phase = 'declined', status = 'DECLINED', api_code = 511,
                        last_error = ?2, updated_at = ?3,
                        status_since = CASE WHEN status IS 'DECLINED' THEN status_since ELSE ?3 END
                     WHERE id = ?1",
                    params![id, why, now],
                )?;
            }
            insert_history(tx, id, now, "foreign", None, Some(&detail))?;
            Ok(Some(CashoutStatus::Declined))
        }
        Plan::Apply {
            status,
            link,
            history,
        } => {
            let confirmed_id = match link {
                Some(said) => {
                    let taken: Option<i64> = query_row(
                        tx,
                        "SELECT id FROM payouts WHERE scope = ?1 AND cashout_id = ?2",
                        params![scope, said],
                        |r| r.get(0),
                    )
                    .optional()?;
                    taken.is_none().then_some(said)
                }
                None => None,
            };
            let bank = answer
                .bank
                .as_ref()
                .and_then(|b| serde_json::to_string(b).ok());
            exec(tx,
                "UPDATE payouts SET phase = 'created', status = ?2, status_code = ?9,
                    status_since = CASE WHEN status IS ?2 AND status_code IS ?9 THEN status_since ELSE ?7 END,
                    rejection_code = ?3, rejection_reason = ?4,
                    provider_reference = COALESCE(?5, provider_reference), bank_json = COALESCE(?6, bank_json),
                    cashout_id = COALESCE(cashout_id, ?8),
                    last_error = NULL, api_code = NULL, updated_at = ?7, checked_at = ?7,
                    claim_token = NULL, claimed_by = NULL, lease_until = NULL WHERE id = ?1",
                params![
                    id,
                    status.name(),
                    answer.rejection_code,
                    answer.rejection_reason,
                    answer.provider_external_reference,
                    bank,
                    now,
                    confirmed_id,
                    answer.cashout_status
                ],
            )?;
            if let Some(linked) = confirmed_id {
                let detail =
                    format!("cashout_id {linked} (the provider's answer named this external_id)");
                insert_history(tx, id, now, "linked", None, Some(&detail))?;
            }
            if let Some(detail) = history {
                insert_history(tx, id, now, event, Some(status), detail.as_deref())?;
            }
            Ok(Some(status))
        }
    }
}

pub(super) fn insert_history(
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

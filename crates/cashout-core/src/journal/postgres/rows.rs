//! How the team journal's rows map to records, and the transaction every write runs in.
//!
//! Guarantees: a write that fails because another desk's write got in the way (serialisation
//! failure 40001, deadlock 40P01, a unique key taken meanwhile 23505) is rolled back and run
//! again from the start, a few times, so it re-reads what the other desk wrote; any other error
//! rolls it back and is returned.

use tokio_postgres::Row;

use crate::audit::AuditEntry;
use crate::error::Error;
use crate::journal::{HistoryEntry, PayoutRecord, Phase};
use crate::status::CashoutStatus;

/// The payout columns, in the order [`record_from_row`] reads them (as the embedded journal's).
pub(super) const COLUMNS: &str = "id, scope, base_url, external_id, cashout_id, origin, phase,
    request_json, country, currency, amount, beneficiary, status, rejection_code,
    rejection_reason, provider_reference, bank_json, last_error, api_code, attempts, created_at,
    updated_at, checked_at, status_since, status_code, lookups, last_sent_at";

/// As [`COLUMNS`] without the stored request (lists and views never show it).
pub(super) const SUMMARY_COLUMNS: &str = "id, scope, base_url, external_id, cashout_id, origin,
    phase, NULL::text, country, currency, amount, beneficiary, status, rejection_code,
    rejection_reason, provider_reference, bank_json, last_error, api_code, attempts, created_at,
    updated_at, checked_at, status_since, status_code, lookups, last_sent_at";

pub(super) fn record_from_row(row: &Row) -> PayoutRecord {
    let request: Option<String> = row.get(7);
    let status: Option<String> = row.get(12);
    let bank: Option<String> = row.get(16);
    PayoutRecord {
        id: row.get(0),
        scope: row.get(1),
        base_url: row.get(2),
        external_id: row.get(3),
        cashout_id: row.get(4),
        origin: row.get(5),
        phase: Phase::parse(&row.get::<_, String>(6)),
        request: request.and_then(|r| serde_json::from_str(&r).ok()),
        country: row.get(8),
        currency: row.get(9),
        amount: row.get(10),
        beneficiary: row.get(11),
        status: status.and_then(|s| CashoutStatus::from_name(&s)),
        rejection_code: row.get(13),
        rejection_reason: row.get(14),
        provider_reference: row.get(15),
        bank: bank.and_then(|b| serde_json::from_str(&b).ok()),
        last_error: row.get(17),
        api_code: row.get(18),
        attempts: row.get(19),
        created_at: row.get(20),
        updated_at: row.get(21),
        checked_at: row.get(22),
        status_since: row.get(23),
        status_code: row.get(24),
        lookups: row.get(25),
        last_sent_at: row.get(26),
    }
}

pub(super) const AUDIT_COLUMNS: &str = "seq, at, actor, environment, action, cashout_id, \
                                        external_id, outcome, detail, prev_hash, hash";

pub(super) fn audit_from_row(r: &Row) -> AuditEntry {
    AuditEntry {
        seq: r.get(0),
        at: r.get(1),
        os_user: r.get(2),
        environment: r.get(3),
        action: r.get(4),
        cashout_id: r.get(5),
        external_id: r.get(6),
        outcome: r.get(7),
        detail: r.get(8),
        prev_hash: r.get(9),
        hash: r.get(10),
    }
}

pub(super) fn history_from_row(r: &Row) -> HistoryEntry {
    let status: Option<String> = r.get(2);
    HistoryEntry {
        at: r.get(0),
        event: r.get(1),
        status: status.and_then(|s| CashoutStatus::from_name(&s)),
        detail: r.get(3),
    }
}

/// A failure inside a write's transaction: the database's (maybe worth a retry) or ours.
pub(super) enum TxError {
    Db(tokio_postgres::Error),
    Other(Error),
}

impl From<tokio_postgres::Error> for TxError {
    fn from(e: tokio_postgres::Error) -> Self {
        Self::Db(e)
    }
}

impl From<Error> for TxError {
    fn from(e: Error) -> Self {
        Self::Other(e)
    }
}

/// Whether another desk's concurrent write is why this one failed.
pub(super) fn retryable(e: &tokio_postgres::Error) -> bool {
    matches!(
        e.code().map(tokio_postgres::error::SqlState::code),
        Some("40001" | "40P01" | "23505")
    )
}

/// How many times a write is run again after another desk's write got in its way.
pub(super) const RETRIES: u32 = 5;

/// `in_transaction!(pool, |tx| { … })`: runs the block (an async body returning
/// `Result<T, TxError>`, with `tx` the open transaction) on a connection of `pool`, commits when
/// it succeeds, and runs it again from the start after a conflict with another desk (see the
/// module comment). Evaluates to `Result<T, Error>`; a connection that cannot be had returns
/// from the enclosing function.
macro_rules! in_transaction {
    ($pool:expr, |$tx:ident| $body:block) => {{
        use $crate::journal::postgres::rows::{retryable, TxError, RETRIES};
        let mut client = $pool
            .get()
            .await
            .map_err($crate::journal::postgres::pool_error)?;
        let mut attempt = 0u32;
        loop {
            let $tx = client
                .transaction()
                .await
                .map_err($crate::journal::postgres::pg_error)?;
            let outcome: ::std::result::Result<_, TxError> = async { $body }.await;
            let outcome = match outcome {
                Ok(value) => $tx.commit().await.map(|()| value).map_err(TxError::Db),
                Err(e) => Err(e),
            };
            match outcome {
                Ok(value) => break Ok(value),
                Err(TxError::Db(e)) if retryable(&e) && attempt < RETRIES => attempt += 1,
                Err(TxError::Db(e)) => break Err($crate::journal::postgres::pg_error(e)),
                Err(TxError::Other(e)) => break Err(e),
            }
        }
    }};
}
pub(super) use in_transaction;

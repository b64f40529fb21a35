//! The sandbox's state in its own SQLite file: cashouts, per-currency balances, the id counter.
//!
//! Guarantees:
//! - every change is one transaction, so a cashout and the balance it reserves or returns never
//!   disagree, and a create is either wholly there or not at all (what the fault injection's
//!   "before/after commit" relies on);
//! - `external_id` is unique in the schema itself, so exactly-once holds even if a check were
//!   skipped;
//! - money is stored as decimal TEXT and summed as `rust_decimal`, never as floating point;
//! - ids continue across restarts and resets (a provider never reuses a cashout id, and a
//!   client's journal may still hold old ones).
//!
//! WAL mode lets a second reader (a test, a debugging `sqlite3`) look while the sandbox writes.
//! Left out: migrations beyond version 1 (a newer file is refused, not guessed at).

use std::path::Path;
use std::str::FromStr;

use cashout_core::clock::{format_instant, parse_instant};
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use rust_decimal::Decimal;
use time::OffsetDateTime;

use crate::catalog;
use crate::error::SandboxError;
use crate::lifecycle::{self, Step, Timings, Trigger};
use crate::rules::Create;
use crate::status::Status;

/// Every currency's balance before any payout: 1,000,000.00.
const OPENING_BALANCE: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 2);

/// The first cashout id handed out (then +1 each).
pub(crate) const FIRST_ID: i64 = 8_400_001;

const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS balances (
    currency  TEXT PRIMARY KEY,
    available TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cashouts (
    id                          INTEGER PRIMARY KEY,
    external_id                 TEXT NOT NULL UNIQUE,
    country                     TEXT NOT NULL,
    currency                    TEXT NOT NULL,
    amount                      TEXT NOT NULL,
    bank_code                   TEXT,
    bank_branch                 TEXT,
    bank_account                TEXT,
    beneficiary_name            TEXT NOT NULL,
    request                     TEXT NOT NULL,
    trigger_kind                TEXT,
    trigger_code                INTEGER,
    status                      INTEGER NOT NULL,
    status_since                TEXT NOT NULL,
    next_due                    TEXT,
    rejection_code              INTEGER,
    rejection_reason            TEXT,
    provider_external_reference TEXT,
    created_at                  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cashouts_by_currency_status ON cashouts (currency, status);
CREATE INDEX IF NOT EXISTS cashouts_by_currency_due ON cashouts (currency, next_due);
";

const COLUMNS: &str = "id, external_id, country, currency, amount, bank_code, bank_branch, \
     bank_account, beneficiary_name, trigger_kind, trigger_code, status, status_since, \
     rejection_code, rejection_reason, provider_external_reference";

/// One cashout as the sandbox keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub id: i64,
    pub external_id: String,
    pub country: String,
    pub currency: String,
    pub amount: Decimal,
    pub bank_code: Option<String>,
    pub bank_branch: Option<String>,
    pub bank_account: Option<String>,
    pub beneficiary_name: String,
    pub trigger: Option<Trigger>,
    pub status: Status,
    pub since: OffsetDateTime,
    pub rejection_code: Option<i64>,
    pub rejection_reason: Option<String>,
    pub provider_reference: Option<String>,
}

/// A create that passed every check but the ones needing the database.
#[derive(Debug, Clone)]
pub(crate) struct NewCashout {
    /// The checked request (its stored text never holds `login`/`pass`).
    pub request: Create,
    pub status: Status,
    pub trigger: Option<Trigger>,
}

/// What a create came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CreateOutcome {
    Created(i64),
    DuplicateExternalId,
    InsufficientFunds,
}

/// How a request names a cashout.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Key<'a> {
    Id(i64),
    External(&'a str),
}

/// The open database.
#[derive(Debug)]
pub(crate) struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (or creates) the database at `path`.
    ///
    /// # Errors
    /// The folder cannot be created, the file is not a database, or it is from a newer version.
    pub(crate) fn open(path: &Path) -> Result<Self, SandboxError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| SandboxError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        // WAL returns the new mode as a row, so it is read rather than executed.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(SandboxError::Corrupt {
                what: "schema version (written by a newer sandbox)",
                value: version.to_string(),
            });
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Self { conn })
    }

    /// Creates a cashout if its `external_id` is new and its currency's balance covers it.
    /// Other cashouts of the currency are brought up to date first, so money returned by a
    /// rejection that has fallen due is available again.
    pub(crate) fn create(
        &mut self,
        new: &NewCashout,
        now: OffsetDateTime,
        timings: &Timings,
    ) -> Result<CreateOutcome, SandboxError> {
        let currency = &new.request.currency;
        let amount = new.request.amount;
        self.settle_currency(currency, now, timings)?;
        let tx = self.conn.transaction()?;
        let taken: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM cashouts WHERE external_id = ?1)",
            [&new.request.external_id],
            |r| r.get(0),
        )?;
        if taken {
            return Ok(CreateOutcome::DuplicateExternalId);
        }
        let available = available(&tx, currency)?;
        if amount > available {
            return Ok(CreateOutcome::InsufficientFunds);
        }
        set_available(&tx, currency, available - amount)?;
        let id = next_id(&tx)?;
        let r = &new.request;
        let (trigger_kind, trigger_code) = new.trigger.map_or((None, None), Trigger::to_row);
        let now_text = format_instant(now);
        tx.execute(
            "INSERT INTO cashouts (id, external_id, country, currency, amount, bank_code, \
             bank_branch, bank_account, beneficiary_name, request, trigger_kind, trigger_code, \
             status, status_since, created_at, next_due) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15)",
            params![
                id,
                r.external_id,
                r.country,
                currency,
                amount.to_string(),
                r.bank_code,
                r.bank_branch,
                r.bank_account,
                r.beneficiary_name,
                r.stored,
                trigger_kind,
                trigger_code,
                status_number(new.status),
                now_text,
                lifecycle::next_due(new.status, now, new.trigger, timings).map(format_instant),
            ],
        )?;
        tx.commit()?;
        Ok(CreateOutcome::Created(id))
    }

    /// The cashout named by `key`, with every bank move due by `now` applied and persisted.
    pub(crate) fn current(
        &mut self,
        key: Key<'_>,
        now: OffsetDateTime,
        timings: &Timings,
    ) -> Result<Option<Record>, SandboxError> {
        let tx = self.conn.transaction()?;
        let found = match key {
            Key::Id(id) => load(&tx, "id = ?1", &id)?,
            Key::External(ext) => load(&tx, "external_id = ?1", &ext)?,
        };
        let Some(mut record) = found else {
            return Ok(None);
        };
        advance(&tx, &mut record, now, timings)?;
        tx.commit()?;
        Ok(Some(record))
    }

    /// Moves a cashout to `to` by an operator action (hold, release, cancel), from `now`.
    /// The caller has checked the move against the transition table on a current record.
    /// Cancelling returns the reserved amount.
    pub(crate) fn set_status(
        &mut self,
        record: &Record,
        to: Status,
        now: OffsetDateTime,
        timings: &Timings,
    ) -> Result<Record, SandboxError> {
        let tx = self.conn.transaction()?;
        let mut updated = record.clone();
        updated.status = to;
        updated.since = now;
        if to == Status::Cancelled {
            refund(&tx, &updated)?;
        }
        save(&tx, &updated, timings)?;
        tx.commit()?;
        Ok(updated)
    }

    /// The newest cashout other than the ones named, brought up to date: what a provider that
    /// mixes up its answers reports instead (the `OtherCashout` fault). `None` when there is no
    /// other cashout.
    pub(crate) fn newest_other(
        &mut self,
        not_ids: &[i64],
        not_external_ids: &[&str],
        now: OffsetDateTime,
        timings: &Timings,
    ) -> Result<Option<Record>, SandboxError> {
        // Placeholders are filled with values no cashout has (ids are positive, external ids
        // are never empty), so the statement keeps one shape whatever is excluded.
        let id = |i: usize| not_ids.get(i).copied().unwrap_or(-1);
        let ext = |i: usize| not_external_ids.get(i).copied().unwrap_or("");
        let found: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM cashouts WHERE id NOT IN (?1, ?2) \
                 AND external_id NOT IN (?3, ?4) ORDER BY id DESC LIMIT 1",
                params![id(0), id(1), ext(0), ext(1)],
                |r| r.get(0),
            )
            .optional()?;
        match found {
            Some(id) => self.current(Key::Id(id), now, timings),
            None => Ok(None),
        }
    }

    /// How many cashouts carry this `external_id` (0 or 1, by the schema).
    pub(crate) fn count_external(&self, external_id: &str) -> Result<usize, SandboxError> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM cashouts WHERE external_id = ?1",
            [external_id],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// How many cashouts exist.
    pub(crate) fn count(&self) -> Result<usize, SandboxError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM cashouts", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Forgets every cashout and restores every balance; the id counter keeps counting.
    pub(crate) fn reset(&mut self) -> Result<(), SandboxError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM cashouts", [])?;
        tx.execute("DELETE FROM balances", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Brings every moving cashout of a currency up to date (see [`Store::create`]).
    fn settle_currency(
        &mut self,
        currency: &str,
        now: OffsetDateTime,
        timings: &Timings,
    ) -> Result<(), SandboxError> {
        let tx = self.conn.transaction()?;
        // Only cashouts whose next move is due: scanning every moving cashout on each create
        // made the sandbox quadratic (1,000 pending payouts cost ~3 ms per request).
        let ids: Vec<i64> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM cashouts WHERE currency = ?1 AND next_due IS NOT NULL \
                 AND next_due <= ?2",
            )?;
            let rows = stmt.query_map(params![currency, format_instant(now)], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for id in ids {
            if let Some(mut record) = load(&tx, "id = ?1", &id)? {
                advance(&tx, &mut record, now, timings)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// Applies the bank moves due by `now` to `record` and persists them (inside `tx`).
fn advance(
    tx: &Transaction<'_>,
    record: &mut Record,
    now: OffsetDateTime,
    timings: &Timings,
) -> Result<(), SandboxError> {
    let steps = lifecycle::due_steps(record.status, record.since, record.trigger, timings, now);
    if steps.is_empty() {
        return Ok(());
    }
    for Step { to, at } in steps {
        record.status = to;
        record.since = at;
        match to {
            Status::Delivered if is_pix(record) => {
                record.provider_reference = Some(pix_end_to_end_id(record.id, at));
            }
            Status::Rejected => {
                let code = match record.trigger {
                    Some(Trigger::Reject(c) | Trigger::LateReject(c)) => c,
                    // The simulated bank rejects only on a trigger; keep a plausible code
                    // should the table ever gain another rejecting edge.
                    _ => 808,
                };
                record.rejection_code = Some(code);
                record.rejection_reason = Some(lifecycle::rejection_reason(code));
                refund(tx, record)?;
            }
            _ => {}
        }
    }
    save(tx, record, timings)
}

/// A fake PIX end-to-end id shaped like the real ones: "E", the payer's 8-digit ISPB (a
/// made-up `99999999` for the sandbox), the delivery minute `yyyyMMddHHmm`, and 11 characters
/// made from the cashout id — 32 characters in all, unique per cashout.
fn pix_end_to_end_id(id: i64, at: OffsetDateTime) -> String {
    format!(
        "E99999999{:04}{:02}{:02}{:02}{:02}SBX{:08}",
        at.year().rem_euclid(10_000),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        id.rem_euclid(100_000_000)
    )
}

fn load(
    tx: &Transaction<'_>,
    condition: &str,
    value: &dyn rusqlite::ToSql,
) -> Result<Option<Record>, SandboxError> {
    let sql = format!("SELECT {COLUMNS} FROM cashouts WHERE {condition}");
    Ok(tx.query_row(&sql, [value], read_record).optional()?)
}

fn save(tx: &Transaction<'_>, r: &Record, timings: &Timings) -> Result<(), SandboxError> {
    let next_due = lifecycle::next_due(r.status, r.since, r.trigger, timings);
    tx.execute(
        "UPDATE cashouts SET status = ?2, status_since = ?3, rejection_code = ?4, \
         rejection_reason = ?5, provider_external_reference = ?6, next_due = ?7 WHERE id = ?1",
        params![
            r.id,
            status_number(r.status),
            format_instant(r.since),
            r.rejection_code,
            r.rejection_reason,
            r.provider_reference,
            next_due.map(format_instant),
        ],
    )?;
    Ok(())
}

fn read_record(row: &Row<'_>) -> rusqlite::Result<Record> {
    let amount: String = row.get(4)?;
    let status: i64 = row.get(11)?;
    let since: String = row.get(12)?;
    let trigger_kind: Option<String> = row.get(9)?;
    let trigger_code: Option<i64> = row.get(10)?;
    Ok(Record {
        id: row.get(0)?,
        external_id: row.get(1)?,
        country: row.get(2)?,
        currency: row.get(3)?,
        amount: Decimal::from_str(&amount).map_err(|_| unreadable(4, "amount", &amount))?,
        bank_code: row.get(5)?,
        bank_branch: row.get(6)?,
        bank_account: row.get(7)?,
        beneficiary_name: row.get(8)?,
        trigger: Trigger::from_row(trigger_kind.as_deref(), trigger_code)
            .ok_or_else(|| unreadable(9, "trigger", trigger_kind.as_deref().unwrap_or("")))?,
        status: Status::from_number(status)
            .ok_or_else(|| unreadable(11, "status", &status.to_string()))?,
        since: parse_instant(&since).ok_or_else(|| unreadable(12, "status_since", &since))?,
        rejection_code: row.get(13)?,
        rejection_reason: row.get(14)?,
        provider_reference: row.get(15)?,
    })
}

fn unreadable(column: usize, what: &str, value: &str) -> rusqlite::Error {
    let message = format!("unreadable {what}: {value:?}");
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, message.into())
}

fn status_number(s: Status) -> i64 {
    s.number()
}

/// Whether a cashout is a Brazilian PIX payout (it gets an end-to-end id once delivered).
fn is_pix(record: &Record) -> bool {
    record
        .bank_code
        .as_deref()
        .and_then(|code| catalog::find(&record.country, code))
        .is_some_and(|bank| bank.method.is_pix())
}

fn available(tx: &Transaction<'_>, currency: &str) -> Result<Decimal, SandboxError> {
    let text: Option<String> = tx
        .query_row(
            "SELECT available FROM balances WHERE currency = ?1",
            [currency],
            |r| r.get(0),
        )
        .optional()?;
    match text {
        None => Ok(OPENING_BALANCE),
        Some(t) => Decimal::from_str(&t).map_err(|_| SandboxError::Corrupt {
            what: "balance",
            value: t.clone(),
        }),
    }
}

fn set_available(tx: &Transaction<'_>, currency: &str, value: Decimal) -> Result<(), SandboxError> {
    tx.execute(
        "INSERT INTO balances (currency, available) VALUES (?1, ?2) \
         ON CONFLICT(currency) DO UPDATE SET available = excluded.available",
        params![currency, value.to_string()],
    )?;
    Ok(())
}

fn refund(tx: &Transaction<'_>, r: &Record) -> Result<(), SandboxError> {
    let before = available(tx, &r.currency)?;
    set_available(tx, &r.currency, before + r.amount)
}

fn next_id(tx: &Transaction<'_>) -> Result<i64, SandboxError> {
    let text: Option<String> = tx
        .query_row("SELECT value FROM meta WHERE key = 'next_id'", [], |r| {
            r.get(0)
        })
        .optional()?;
    let id = match text {
        None => FIRST_ID,
        Some(t) => t.parse::<i64>().map_err(|_| SandboxError::Corrupt {
            what: "next cashout id",
            value: t.clone(),
        })?,
    };
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('next_id', ?1) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(id + 1).to_string()],
    )?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pix_end_to_end_id_has_32_characters() {
        let at = OffsetDateTime::UNIX_EPOCH;
        let id = pix_end_to_end_id(8_400_001, at);
        assert_eq!(id, "E99999999197001010000SBX08400001");
        assert_eq!(id.len(), 32);
    }

    #[test]
    fn opening_balance_is_one_million() {
        assert_eq!(OPENING_BALANCE.to_string(), "1000000.00");
    }
}

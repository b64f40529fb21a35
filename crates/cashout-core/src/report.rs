//! Read-only reports over the journal: the hold board (money parked ON_HOLD) and the
//! reconciliation export (CSV).
//!
//! Guarantees:
//! - Totals are exact decimals per currency; amounts are never floats.
//! - The CSV opens in a spreadsheet with amounts and ids unchanged: ids, references and any
//!   cell a spreadsheet would read as a number, a date or a formula are written as text
//!   formulas (`="0012"`), so leading zeros stay and long numbers never turn into scientific
//!   notation; amounts are plain decimals with a dot. Text that starts like a formula (`=`,
//!   `+`, `-`, `@`) is quoted the same way, so a beneficiary name cannot run as a formula.
//!   [`parse_csv`] reads it back exactly (the round trip is tested).
//! - The file starts with a UTF-8 byte order mark and uses CRLF line ends, which is what
//!   spreadsheets expect of CSV; `plain` output has neither and no text formulas, for scripts.
//!
//! Left out: XLSX.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::desk::PayoutView;
use crate::journal::{HistoryEntry, PayoutRecord};
use crate::l10n::messages::tr;
use crate::status::CashoutStatus;

/// One payout on the hold board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HeldPayout {
    pub payout: PayoutView,
    pub held_since: Option<String>,
    /// Whole seconds on hold, as of the board's time.
    #[ts(type = "number")]
    pub held_for_secs: i64,
}

/// Money reserved by ON_HOLD payouts in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CurrencyTotal {
    pub currency: String,
    /// Exact decimal, as text.
    pub amount: String,
    /// The same, written for the operator's locale with its currency (`BRL 1.234,56`).
    pub amount_shown: String,
    pub count: usize,
}

/// ON_HOLD payouts, oldest hold first, with what they reserve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HoldBoard {
    pub at: String,
    pub payouts: Vec<HeldPayout>,
    pub totals: Vec<CurrencyTotal>,
}

/// Builds the board from ON_HOLD records (oldest first) as of `now`.
#[must_use]
pub fn hold_board(records: &[PayoutRecord], now: time::OffsetDateTime) -> HoldBoard {
    let mut totals: BTreeMap<String, (Decimal, usize)> = BTreeMap::new();
    let payouts = records
        .iter()
        .map(|r| {
            if let (Some(currency), Some(amount)) = (&r.currency, &r.amount) {
                if let Ok(a) = Decimal::from_str(amount) {
                    let t = totals.entry(currency.clone()).or_default();
                    t.0 += a;
                    t.1 += 1;
                }
            }
            let since = r
                .status_since
                .as_deref()
                .and_then(crate::clock::parse_instant);
            HeldPayout {
                payout: PayoutView::of(r),
                held_since: r.status_since.clone(),
                held_for_secs: since.map_or(0, |s| (now - s).whole_seconds().max(0)),
            }
        })
        .collect();
    HoldBoard {
        at: crate::clock::format_instant(now),
        payouts,
        totals: totals
            .into_iter()
            .map(|(currency, (amount, count))| CurrencyTotal {
                amount_shown: crate::l10n::numbers::format_money(
                    amount,
                    &currency,
                    &crate::l10n::messages::active(),
                ),
                currency,
                amount: amount.to_string(),
                count,
            })
            .collect(),
    }
}

/// Where an export went (the desktop app writes it to a file the operator chose).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Exported {
    pub file: String,
    pub rows: usize,
}

/// The export's columns, in order.
// Kept in English in every language: machine-read keys (`parse_csv` and programs read them by
// name and position; the README names them).
pub const COLUMNS: &[&str] = &[
    "cashout_id",
    "external_id",
    "environment",
    "country",
    "amount",
    "currency",
    "beneficiary",
    "status",
    "pending_at",
    "on_hold_at",
    "delivered_at",
    "completed_at",
    "rejected_at",
    "cancelled_at",
    "declined_at",
    "rejection_code",
    "rejection_reason",
    "provider_external_reference",
    "bank",
    // Appended last, so the columns programs read by position keep their places.
    "created_at",
];

/// The statuses with a time column, in [`COLUMNS`] order.
const TIMED: [CashoutStatus; 7] = [
    CashoutStatus::Pending,
    CashoutStatus::OnHold,
    CashoutStatus::Delivered,
    CashoutStatus::Completed,
    CashoutStatus::Rejected,
    CashoutStatus::Cancelled,
    CashoutStatus::Declined,
];

/// Columns a spreadsheet must not reinterpret (ids and references).
const TEXT_COLUMNS: &[&str] = &[
    "cashout_id",
    "external_id",
    "rejection_code",
    "provider_external_reference",
    "bank",
];

use crate::csv_table::ColumnKind;
pub use crate::csv_table::CsvFlavor;

/// One export row's values, in [`COLUMNS`] order.
#[must_use]
pub fn export_row(r: &PayoutRecord, history: &[HistoryEntry]) -> Vec<String> {
    // The last time each status was entered (a hold released and held again shows the last).
    let mut entered: BTreeMap<&'static str, &str> = BTreeMap::new();
    let mut previous = None;
    for h in history {
        if let Some(s) = h.status {
            if previous != Some(s) {
                entered.insert(s.name(), &h.at);
            }
            previous = Some(s);
        }
    }
    let bank = r.bank.as_ref().map(|b| {
        serde_json::to_value(b)
            .ok()
            .and_then(|v| {
                v.as_object().map(|o| {
                    o.iter()
                        .filter(|(_, v)| !v.is_null())
                        .map(|(k, v)| match v {
                            serde_json::Value::String(s) => format!("{k}={s}"),
                            other => format!("{k}={other}"),
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                })
            })
            .unwrap_or_default()
    });
    let mut row = vec![
        r.cashout_id.map(|c| c.to_string()).unwrap_or_default(),
        r.external_id.clone().unwrap_or_default(),
        r.scope.clone(),
        r.country.clone().unwrap_or_default(),
        r.amount.clone().unwrap_or_default(),
        r.currency.clone().unwrap_or_default(),
        r.beneficiary.clone().unwrap_or_default(),
        r.status.map(|s| s.name().to_owned()).unwrap_or_default(),
    ];
    row.extend(TIMED.iter().map(|s| {
        entered
            .get(s.name())
            .map(|t| (*t).to_owned())
            .unwrap_or_default()
    }));
    row.extend([
        r.rejection_code.map(|c| c.to_string()).unwrap_or_default(),
        r.rejection_reason.clone().unwrap_or_default(),
        r.provider_reference.clone().unwrap_or_default(),
        bank.unwrap_or_default(),
        // When the payout was written to the journal (`pending_at` is the last time it
        // entered PENDING, which a release moves).
        r.created_at.clone(),
    ]);
    row
}

/// Whether an export may replace a file that is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Only a new file is written (the CLI, unless told otherwise).
    No,
    /// The operator agreed to replace it (the save dialog asked).
    Yes,
}

/// Writes an export to the file the operator chose; a failure names the `file` field.
///
/// Never over a database (the journal, the sandbox's state: their first bytes say so), never
/// over an existing file unless `overwrite` says so, and never half: the text is written to a
/// temporary file beside it and renamed over it, so a failed export leaves what was there.
pub fn write_file(
    path: &std::path::Path,
    text: &str,
    overwrite: Overwrite,
) -> crate::error::Result<()> {
    write_bytes(path, text.as_bytes(), overwrite)
}

/// As [`write_file`], for any bytes (a workbook).
///
/// # Errors
/// [`crate::error::Error::InvalidInput`] on `file`: a database, an existing file without
/// `overwrite`, or a write that failed (what was there is kept).
pub fn write_bytes(
    path: &std::path::Path,
    bytes: &[u8],
    overwrite: Overwrite,
) -> crate::error::Result<()> {
    use std::io::{Read, Write};
    let refuse = |message: String| crate::error::Error::InvalidInput {
        field: "file",
        message,
    };
    if path.exists() {
        let mut head = [0u8; 16];
        let is_database = std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok()
            && &head == b"SQLite format 3\0";
        if is_database {
            return Err(refuse(tr(
                "p-export-is-database",
                &[("file", path.display().to_string().into())],
            )));
        }
        if overwrite == Overwrite::No {
            return Err(refuse(tr(
                "p-export-exists",
                &[("file", path.display().to_string().into())],
            )));
        }
    }
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        refuse(tr(
            "p-file-not-written",
            &[
                ("file", path.display().to_string().into()),
                ("detail", e.to_string().into()),
            ],
        ))
    })
}

/// Writes a CSV of `rows` (each in [`COLUMNS`] order) in `flavor` (see [`crate::csv_table`]).
#[must_use]
pub fn write_csv(rows: &[Vec<String>], flavor: CsvFlavor) -> String {
    write_table(COLUMNS, TEXT_COLUMNS, rows, flavor)
}

/// A CSV table: `columns` as the header, `text_columns` always written as text cells in the
/// spreadsheet flavour (ids, hashes), the `amount` column as a plain decimal, and any other
/// value that a spreadsheet would read as a number, a date or a formula as a text cell.
fn write_table(
    columns: &[&str],
    text_columns: &[&str],
    rows: &[Vec<String>],
    flavor: CsvFlavor,
) -> String {
    let kinds: Vec<(&str, ColumnKind)> = columns
        .iter()
        .map(|c| {
            let kind = if text_columns.contains(c) {
                ColumnKind::Text
            } else if *c == "amount" {
                ColumnKind::Amount
            } else {
                ColumnKind::Words
            };
            (*c, kind)
        })
        .collect();
    let bytes = crate::csv_table::write_table(&kinds, rows, flavor, b',');
    // Every value is a Rust string, so the table is UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// The audit log's columns, in order.
pub const AUDIT_COLUMNS: &[&str] = &[
    "seq",
    "at",
    "os_user",
    "environment",
    "action",
    "cashout_id",
    "external_id",
    "outcome",
    "detail",
    "prev_hash",
    "hash",
];

/// The audit log as CSV for spreadsheets (same cell rules as the payout export), hashes
/// included, so the exported chain can be checked again later.
#[must_use]
pub fn audit_csv(entries: &[crate::audit::AuditEntry]) -> String {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.seq.to_string(),
                e.at.clone(),
                e.os_user.clone(),
                e.environment.clone(),
                e.action.clone(),
                e.cashout_id.map(|c| c.to_string()).unwrap_or_default(),
                e.external_id.clone().unwrap_or_default(),
                e.outcome.clone(),
                e.detail.clone().unwrap_or_default(),
                e.prev_hash.clone(),
                e.hash.clone(),
            ]
        })
        .collect();
    write_table(
        AUDIT_COLUMNS,
        &["seq", "cashout_id", "external_id", "prev_hash", "hash"],
        &rows,
        CsvFlavor::Spreadsheet,
    )
}

/// Reads a CSV written by [`write_csv`] back into rows of values (header excluded), undoing
/// the text formulas. Used by the round-trip tests and by anyone checking an export.
///
/// # Errors
/// A description of the first malformed line, or a header that is not the export's.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let rows = crate::csv_table::read_table(text)?;
    match rows.first() {
        Some(header)
            if header
                .iter()
                .map(String::as_str)
                .eq(COLUMNS.iter().copied()) => {}
        _ => return Err("line 1: not a Cashout Desk export header".into()),
    }
    Ok(rows.into_iter().skip(1).collect())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod tests {
    use super::*;

    fn row(values: &[(&str, &str)]) -> Vec<String> {
        COLUMNS
            .iter()
            .map(|c| {
                values
                    .iter()
                    .find(|(k, _)| k == c)
                    .map(|(_, v)| (*v).to_owned())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn ids_with_leading_zeros_and_long_numbers_stay_text_in_a_spreadsheet() {
        let r = row(&[
            ("cashout_id", "8400001"),
            ("external_id", "000123"),
            ("amount", "1500.50"),
            ("provider_external_reference", "12345678901234567890"),
            ("beneficiary", "=HYPERLINK(\"x\")"),
        ]);
        let csv = write_csv(std::slice::from_ref(&r), CsvFlavor::Spreadsheet);
        assert!(csv.starts_with('\u{feff}'));
        // The CSV field "=""000123""" is the cell ="000123": text, shown as 000123.
        assert!(
            csv.contains("\r\n\"=\"\"8400001\"\"\",\"=\"\"000123\"\"\","),
            "{csv}"
        );
        assert!(
            csv.contains(",1500.50,"),
            "amounts stay plain decimals: {csv}"
        );
        assert!(csv.contains("\"=\"\"12345678901234567890\"\"\""));
        assert!(
            csv.contains("\"=\"\"=HYPERLINK(\"\"\"\"x\"\"\"\")\"\"\""),
            "{csv}"
        );
        assert_eq!(parse_csv(&csv).unwrap(), vec![r]);
    }

    #[test]
    fn commas_quotes_and_line_breaks_round_trip() {
        let r = row(&[
            ("beneficiary", "Peña, \"Ana\"\nSegunda"),
            ("rejection_reason", "Invalid account, check it"),
            ("amount", "10"),
        ]);
        for flavor in [CsvFlavor::Spreadsheet, CsvFlavor::Plain] {
            let csv = write_csv(std::slice::from_ref(&r), flavor);
            assert_eq!(parse_csv(&csv).unwrap(), vec![r.clone()], "{flavor:?}");
        }
    }

    #[test]
    fn plain_output_has_raw_values() {
        let r = row(&[("cashout_id", "8400001"), ("external_id", "000123")]);
        let csv = write_csv(&[r], CsvFlavor::Plain);
        assert!(csv.starts_with("cashout_id,"));
        assert!(csv.contains("\n8400001,000123,"));
    }

    #[test]
    fn a_file_that_is_not_an_export_is_refused() {
        assert!(parse_csv("a,b\n1,2\n").is_err());
        assert!(parse_csv("\"open").is_err());
    }

    #[test]
    fn hold_totals_are_exact_per_currency() {
        let now = time::macros::datetime!(2026-11-21 12:00 UTC);
        let rec = |amount: &str, currency: &str| PayoutRecord {
            id: 1,
            scope: "sandbox".into(),
            base_url: String::new(),
            external_id: Some("x".into()),
            cashout_id: Some(1),
            origin: "desk".into(),
            phase: crate::journal::Phase::Created,
            request: None,
            country: Some("BR".into()),
            currency: Some(currency.into()),
            amount: Some(amount.into()),
            beneficiary: None,
            status: Some(CashoutStatus::OnHold),
            status_code: Some(5),
            rejection_code: None,
            rejection_reason: None,
            provider_reference: None,
            bank: None,
            last_error: None,
            api_code: None,
            attempts: 1,
            created_at: String::new(),
            updated_at: String::new(),
            checked_at: None,
            status_since: Some("2026-11-21T11:00:00.000Z".into()),
            lookups: 0,
            last_sent_at: None,
        };
        let board = hold_board(
            &[rec("0.10", "BRL"), rec("0.20", "BRL"), rec("1000", "MXN")],
            now,
        );
        assert_eq!(board.totals[0].currency, "BRL");
        assert_eq!(board.totals[0].amount, "0.30");
        assert_eq!(board.totals[0].count, 2);
        assert_eq!(board.totals[1].amount, "1000");
        assert_eq!(board.payouts[0].held_for_secs, 3600);
    }
}

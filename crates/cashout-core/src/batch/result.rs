//! The batch's result file: the input columns as the file had them, then what became of each
//! row (its external id, cashout id, status, code and explanation), as CSV or XLSX.
//!
//! Guarantees: CSV starts with a byte order mark and uses the input file's separator, and every
//! id and every input cell is a text cell (`="…"`), so account numbers and ids open intact in a
//! spreadsheet; XLSX cells are all text cells (amounts too, exactly as read), in columns
//! formatted as text.

use rust_xlsxwriter::{Format, Workbook};
use serde::Serialize;
use ts_rs::TS;

use crate::csv_table::{self, ColumnKind, CsvFlavor};
use crate::error::{Error, Result};
use crate::l10n::messages::tr;

/// The outcome columns appended after the input's.
// Kept in English in every language: machine-read keys (the importer finds `external_id` in a
// result file imported back and refuses its rows; the README and scripts name these columns).
pub const OUTCOME_COLUMNS: &[&str] = &[
    "row",
    "external_id",
    "outcome",
    "cashout_id",
    "status",
    "code",
    "explanation",
    "updated_at",
];

/// One row of the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ResultRow {
    pub row: u32,
    /// The input cells, as the batch was confirmed (fixes included).
    pub cells: Vec<String>,
    pub external_id: String,
    /// `excluded`, `waiting`, `sending`, `created`, `declined`, `not_sent`, `cancelled` (never
    /// sent, the rest of the batch was cancelled), `check` (the provider holds a cashout under
    /// the row's external_id that this journal did not make: the explanation names it; check
    /// whether it is this row before paying it again) or `unknown` (looked up until settled).
    pub outcome: String,
    #[ts(type = "number | null")]
    pub cashout_id: Option<i64>,
    pub status: Option<String>,
    /// The provider's code: an API refusal, or the rejection code.
    #[ts(type = "number | null")]
    pub code: Option<i64>,
    pub explanation: String,
    pub updated_at: String,
}

impl ResultRow {
    fn outcome_cells(&self) -> Vec<String> {
        vec![
            self.row.to_string(),
            self.external_id.clone(),
            self.outcome.clone(),
            self.cashout_id.map(|c| c.to_string()).unwrap_or_default(),
            self.status.clone().unwrap_or_default(),
            self.code.map(|c| c.to_string()).unwrap_or_default(),
            self.explanation.clone(),
            self.updated_at.clone(),
        ]
    }
}

fn table(headers: &[String], rows: &[ResultRow]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut all: Vec<String> = headers.to_vec();
    all.extend(OUTCOME_COLUMNS.iter().map(|c| (*c).to_owned()));
    let body = rows
        .iter()
        .map(|r| {
            let mut cells = r.cells.clone();
            cells.resize(headers.len(), String::new());
            cells.extend(r.outcome_cells());
            cells
        })
        .collect();
    (all, body)
}

/// The result as CSV for spreadsheets with `separator` (the input file's): identifier columns
/// and ids as text cells, the amount column as a plain decimal, other input cells protected
/// when a spreadsheet would read them as a number, date or formula.
#[must_use]
pub fn result_csv(headers: &[String], rows: &[ResultRow], separator: char) -> Vec<u8> {
    let (all, body) = table(headers, rows);
    let mapped = super::columns::map_headers(headers);
    let words = ["outcome", "status", "explanation", "updated_at"];
    let kinds: Vec<(&str, ColumnKind)> = all
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let kind = match mapped.get(i).and_then(|m| m.field.as_deref()) {
                Some("amount") => ColumnKind::Amount,
                Some(f) if super::columns::IDENTIFIER_FIELDS.contains(&f) || f == "bank_code" => {
                    ColumnKind::Text
                }
                Some(_) => ColumnKind::Words,
                None if i < headers.len() || words.contains(&h.as_str()) => ColumnKind::Words,
                None => ColumnKind::Text,
            };
            (h.as_str(), kind)
        })
        .collect();
    let sep = u8::try_from(separator).unwrap_or(b',');
    csv_table::write_table(&kinds, &body, CsvFlavor::Spreadsheet, sep)
}

/// The result file of `batch`: XLSX of text cells, or CSV in the input file's separator.
///
/// # Errors
/// [`Error::InvalidInput`] when the workbook cannot be written.
pub fn result_file(
    batch: &super::records::BatchRecord,
    rows: &[ResultRow],
    xlsx: bool,
) -> Result<Vec<u8>> {
    if xlsx {
        return result_xlsx(&batch.headers, rows);
    }
    let separator = batch
        .separator
        .as_deref()
        .and_then(|s| s.chars().next())
        .unwrap_or(',');
    Ok(result_csv(&batch.headers, rows, separator))
}

/// The result as an XLSX workbook of text cells.
///
/// # Errors
/// [`Error::InvalidInput`] when the workbook cannot be written.
pub fn result_xlsx(headers: &[String], rows: &[ResultRow]) -> Result<Vec<u8>> {
    let (all, body) = table(headers, rows);
    // The worksheet's name is for people (the importer reads the first visible sheet by
    // position, whatever its name).
    text_workbook(&all, &body, &tr("batch-result-sheet", &[]))
}

/// A workbook of one sheet named `sheet`: `headers` in bold, then `rows`, every cell a text
/// cell in a column formatted as text (so what is typed there later stays text too).
///
/// # Errors
/// [`Error::InvalidInput`] when the workbook cannot be written.
pub fn text_workbook(headers: &[String], rows: &[Vec<String>], sheet: &str) -> Result<Vec<u8>> {
    let fail = |e: rust_xlsxwriter::XlsxError| Error::InvalidInput {
        field: "file",
        message: tr(
            "batch-workbook-write-failed",
            &[("error", e.to_string().into())],
        ),
    };
    let mut book = Workbook::new();
    let text = Format::new().set_num_format("@");
    let bold = Format::new().set_bold().set_num_format("@");
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(fail)?;
    for (c, h) in headers.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| Error::InvalidInput {
            field: "file",
            message: tr("batch-workbook-too-many-columns", &[]),
        })?;
        ws.set_column_format(c, &text).map_err(fail)?;
        ws.set_column_width(c, 18).map_err(fail)?;
        ws.write_string_with_format(0, c, h, &bold).map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(r, c, v, &text).map_err(fail)?;
        }
    }
    book.save_to_buffer().map_err(fail)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::batch::read::{read_file, CellKind};

    fn sample() -> (Vec<String>, Vec<ResultRow>) {
        let headers = vec!["country".into(), "bank_account".into(), "amount".into()];
        let rows = vec![ResultRow {
            row: 2,
            cells: vec!["MX".into(), "002010077777777771".into(), "1.234,50".into()],
            external_id: "b1-2".into(),
            outcome: "created".into(),
            cashout_id: Some(8_400_001),
            status: Some("PENDING".into()),
            code: None,
            explanation: String::new(),
            updated_at: "2026-11-30T10:00:00.000Z".into(),
        }];
        (headers, rows)
    }

    #[test]
    fn a_csv_result_keeps_the_separator_and_every_id_as_text() {
        let (h, rows) = sample();
        let bytes = result_csv(&h, &rows, ';');
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("\u{feff}country;bank_account;amount;row;external_id"));
        assert!(text.contains("\"=\"\"002010077777777771\"\"\""), "{text}");
        assert!(text.contains("\"=\"\"8400001\"\"\""), "{text}");
        // Read back by the importer: the account intact, as text.
        let sheet = read_file(text.as_bytes()).unwrap();
        assert_eq!(sheet.separator, Some(';'));
        assert_eq!(sheet.rows[0].cells[1].text, "002010077777777771");
    }

    #[test]
    fn an_xlsx_result_has_text_cells_that_read_back_intact() {
        let (h, rows) = sample();
        let bytes = result_xlsx(&h, &rows).unwrap();
        let sheet = read_file(&bytes).unwrap();
        assert_eq!(sheet.headers[4], "external_id");
        let account = &sheet.rows[0].cells[1];
        assert_eq!(account.text, "002010077777777771");
        assert_eq!(account.kind, CellKind::Text);
        assert_eq!(sheet.rows[0].cells[6].text, "8400001");
        assert_eq!(sheet.rows[0].cells[6].kind, CellKind::Text);
    }
}

//! Batch payouts from a spreadsheet: read the file ([`read`]), map its columns ([`columns`]),
//! check every row as the form checks one payout ([`review`]), let the operator fix cells,
//! exclude rows and confirm the control totals, and write the result file ([`result`]).
//! Templates per country and method are in [`template`]. What is written ahead of sending,
//! and the throttled sending that survives a crash, are the desk's (`crate::desk::batch`)
//! over the journal's batch records.
//!
//! Guarantees of a [`BatchDraft`]:
//! - its batch id is minted once, when the file is read, and every row's external_id is that
//!   id and the row's number: checking, fixing and sending never mint another;
//! - a row is ready only without blocking errors; every fix re-checks the row and the
//!   warnings that compare rows;
//! - amounts are exact decimals read under the file's declared decimal style.
//!
//! Left out: keeping a draft across restarts (nothing is written until the operator
//! confirms; the file itself is the draft).

pub mod amounts;
pub mod columns;
pub mod read;
pub mod records;
pub mod result;
pub mod review;
pub mod template;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use amounts::DecimalStyle;
pub use columns::ColumnMap;
pub use read::{Cell, CellKind, FileFormat};
pub use review::{BatchTotal, ControlTotal, EarlierPayout, Issue, RowVerdict};

use crate::approvals::ApprovalPolicy;
use crate::error::{Error, Result};
use crate::l10n::messages::tr;
use crate::validate::ValidationContext;

/// What a draft is checked with besides the file.
#[derive(Debug, Clone)]
pub struct DraftOptions {
    pub decimal: DecimalStyle,
    /// The operator's choice of field per column, when they changed the automatic mapping.
    pub mapping: Option<Vec<Option<String>>>,
    pub validation: ValidationContext,
    /// The desk's notification URL, for rows without one.
    pub notification_url: String,
    /// The journal's payouts the warnings compare rows with (last 90 days).
    pub earlier: Vec<EarlierPayout>,
    /// The team's approval policy: rows at or above a threshold are sent on hold.
    pub policies: Vec<ApprovalPolicy>,
    /// Payouts the journal holds, by external_id, with a few words on each: a row whose file
    /// names one of them in an `external_id` column (a result file or an earlier batch
    /// imported back) is refused, never paid again.
    pub known_payouts: std::collections::HashMap<String, String>,
}

impl DraftOptions {
    /// Options for tests: point decimals, the template's notification URL.
    #[cfg(test)]
    #[must_use]
    pub fn for_test(environment: crate::environment::EnvironmentKind) -> Self {
        Self {
            decimal: DecimalStyle::Point,
            mapping: None,
            validation: ValidationContext {
                environment,
                override_check_digits: false,
            },
            notification_url: "https://merchant.example/webhooks/cashouts".into(),
            earlier: Vec::new(),
            policies: Vec::new(),
            known_payouts: std::collections::HashMap::new(),
        }
    }
}

/// How the file was read, for the operator to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FileInfo {
    pub name: String,
    pub format: FileFormat,
    pub encoding: Option<String>,
    pub separator: Option<String>,
    pub worksheet: Option<String>,
    pub other_worksheets: Vec<String>,
    #[ts(type = "number")]
    pub empty_rows: usize,
    pub sha256: String,
}

/// Counts of a draft's rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DraftCounts {
    #[ts(type = "number")]
    pub rows: usize,
    #[ts(type = "number")]
    pub ready: usize,
    #[ts(type = "number")]
    pub blocked: usize,
    #[ts(type = "number")]
    pub excluded: usize,
    /// Ready rows with at least one warning.
    #[ts(type = "number")]
    pub warned: usize,
}

/// A draft as the grid and the CLI show it, without its rows (which are fetched by page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DraftSummary {
    pub batch_id: String,
    pub file: FileInfo,
    pub decimal: DecimalStyle,
    pub headers: Vec<String>,
    pub mapping: Vec<ColumnMap>,
    /// Required fields no column fills (every row is blocked until one does).
    pub missing_columns: Vec<String>,
    /// Every field a column can fill, for the operator's choice (the core's list).
    pub fields: Vec<String>,
    pub counts: DraftCounts,
    pub totals: Vec<BatchTotal>,
    /// How the file's text was decoded, in the operator's words ([`FileInfo::encoding`] keeps
    /// the name programs read); `None` for a workbook.
    pub encoding_shown: Option<String>,
    /// In production, the question the operator answers before the batch is written: every
    /// total, and the environment.
    pub confirmation: Option<String>,
}

/// Which rows of a draft a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RowFilter {
    #[default]
    All,
    /// Rows with blocking errors (not excluded).
    Errors,
    /// Ready rows with warnings.
    Warnings,
    Excluded,
}

impl RowFilter {
    fn keeps(self, r: &RowVerdict) -> bool {
        match self {
            Self::All => true,
            Self::Errors => !r.excluded && r.request.is_none(),
            Self::Warnings => r.ready() && !r.warnings.is_empty(),
            Self::Excluded => r.excluded,
        }
    }
}

/// A page of a draft's rows, for the review grid (which draws only what is on screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DraftPage {
    pub rows: Vec<RowVerdict>,
    /// Rows the filter keeps, in all.
    #[ts(type = "number")]
    pub total: usize,
    #[ts(type = "number")]
    pub offset: usize,
}

/// A row after a fix, with the draft's counts and totals as they now stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FixedRow {
    pub row: RowVerdict,
    pub summary: DraftSummary,
}

/// A batch being reviewed (see the module comment).
#[derive(Debug, Clone)]
pub struct BatchDraft {
    pub batch_id: String,
    pub file: FileInfo,
    pub headers: Vec<String>,
    pub mapping: Vec<ColumnMap>,
    pub rows: Vec<RowVerdict>,
    /// The file's columns that name payouts by external_id (checked against the journal): a
    /// result file of this desk has its own beside any the input had.
    external_id_columns: Vec<usize>,
    options: DraftOptions,
}

impl BatchDraft {
    /// Reads `bytes` (a file named `name`) and checks every row.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `file` when it cannot be read as a batch, on `mapping` when
    /// the operator's mapping is not one.
    pub fn from_bytes(bytes: &[u8], name: &str, options: DraftOptions) -> Result<Self> {
        let sheet = read::read_file(bytes)?;
        let mut mapping = columns::map_headers(&sheet.headers);
        if let Some(choices) = &options.mapping {
            columns::choose(&mut mapping, choices).map_err(|message| Error::InvalidInput {
                field: "mapping",
                message,
            })?;
        }
        let batch_id = uuid::Uuid::new_v4().to_string();
        let rows = sheet
            .rows
            .into_iter()
            .map(|r| RowVerdict {
                row: r.row,
                external_id: format!("{batch_id}-{}", r.row),
                cells: r.cells,
                request: None,
                errors: Vec::new(),
                warnings: Vec::new(),
                excluded: false,
                fixed: false,
            })
            .collect();
        let external_id_columns = sheet
            .headers
            .iter()
            .enumerate()
            .filter(|(_, h)| columns::is_external_id(h))
            .map(|(i, _)| i)
            .collect();
        let mut draft = Self {
            external_id_columns,
            batch_id,
            file: FileInfo {
                name: name.to_owned(),
                format: sheet.format,
                encoding: sheet.encoding.map(str::to_owned),
                separator: sheet.separator.map(|c| match c {
                    '\t' => "tab".to_owned(),
                    c => c.to_string(),
                }),
                worksheet: sheet.worksheet,
                other_worksheets: sheet.other_worksheets,
                empty_rows: sheet.empty_rows,
                sha256: sheet.sha256,
            },
            headers: sheet.headers,
            mapping,
            rows,
            options,
        };
        draft.check_all();
        Ok(draft)
    }

    fn check_one(&mut self, index: usize) {
        let cx = review::RowContext {
            mapping: &self.mapping,
            decimal: self.options.decimal,
            validation: self.options.validation,
            notification_url: &self.options.notification_url,
        };
        let v = &mut self.rows[index];
        let (mut request, mut errors, warnings) = review::check_row(&v.external_id, &v.cells, &cx);
        if let Some(r) = request.as_ref().filter(|r| template::is_example(r)) {
            errors.push(Issue {
                field: "row".into(),
                column: None,
                code: "template_example".into(),
                message: tr(
                    "batch-row-template-example",
                    &[
                        ("currency", r.currency.as_deref().unwrap_or("").into()),
                        (
                            "amount",
                            r.amount.map(|a| a.to_string()).unwrap_or_default().into(),
                        ),
                        ("beneficiary", r.beneficiary().into()),
                    ],
                ),
            });
        }
        for &col in &self.external_id_columns {
            let named = v.cells.get(col).map(|c| c.text.trim()).unwrap_or("");
            if let Some(what) = self.options.known_payouts.get(named) {
                errors.push(Issue {
                    field: "external_id".into(),
                    column: Some(col),
                    code: "already_in_journal".into(),
                    // `what` is the journal's own description of the payout, passed as written.
                    message: tr(
                        "batch-row-already-in-journal",
                        &[("payout", named.into()), ("what", what.as_str().into())],
                    ),
                });
            }
        }
        if !errors.is_empty() {
            request = None;
        }
        let mut found: Vec<crate::validate::FieldError> = Vec::new();
        if let Some(r) = request.as_mut() {
            crate::desk::hold_if_needed(&self.options.policies, r, &mut found);
        }
        v.request = request;
        v.errors = errors;
        v.warnings = warnings;
        v.warnings.extend(found.into_iter().map(|w| Issue {
            column: None,
            field: w.field,
            code: w.code.to_owned(),
            message: w.message,
        }));
    }

    fn check_all(&mut self) {
        for i in 0..self.rows.len() {
            self.check_one(i);
        }
        review::warn_across(&mut self.rows, &self.options.earlier, &self.mapping);
    }

    fn index_of(&self, row: u32) -> Result<usize> {
        self.rows
            .iter()
            .position(|r| r.row == row)
            .ok_or_else(|| Error::InvalidInput {
                field: "row",
                message: tr("batch-no-row", &[("row", row.to_string().into())]),
            })
    }

    /// The operator's decimal style for the file: every row is checked again.
    pub fn set_decimal(&mut self, style: DecimalStyle) {
        self.options.decimal = style;
        self.check_all();
    }

    /// The operator's mapping (`choices[i]`: the field column `i` fills): every row is checked
    /// again.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `mapping`.
    pub fn set_mapping(&mut self, choices: &[Option<String>]) -> Result<()> {
        columns::choose(&mut self.mapping, choices).map_err(|message| Error::InvalidInput {
            field: "mapping",
            message,
        })?;
        self.check_all();
        Ok(())
    }

    /// Replaces the text of one cell (`column` from 0) and checks the row again; the cell
    /// becomes a text cell (what the operator typed).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `row` / `column` when there is no such cell.
    pub fn fix(&mut self, row: u32, column: usize, text: &str) -> Result<&RowVerdict> {
        let index = self.index_of(row)?;
        if column >= self.headers.len() {
            return Err(Error::InvalidInput {
                field: "column",
                message: tr(
                    "batch-no-column",
                    &[("column", (column + 1).to_string().into())],
                ),
            });
        }
        if self.external_id_columns.contains(&column) {
            // It names a payout the journal may hold: changing it would lift the refusal of a
            // row that was paid already.
            return Err(Error::InvalidInput {
                field: "column",
                message: tr(
                    "batch-column-external-id-fixed",
                    &[
                        ("column", columns::column_letter(column).into()),
                        ("header", self.headers[column].as_str().into()),
                    ],
                ),
            });
        }
        let v = &mut self.rows[index];
        if v.cells.len() <= column {
            v.cells.resize(column + 1, Cell::text(""));
        }
        v.cells[column] = Cell::text(text);
        v.fixed = true;
        self.check_one(index);
        review::warn_across(&mut self.rows, &self.options.earlier, &self.mapping);
        Ok(&self.rows[index])
    }

    /// Leaves row `row` out of the batch (or puts it back).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `row` when there is no such row.
    pub fn exclude(&mut self, row: u32, excluded: bool) -> Result<()> {
        let index = self.index_of(row)?;
        self.rows[index].excluded = excluded;
        review::warn_across(&mut self.rows, &self.options.earlier, &self.mapping);
        Ok(())
    }

    /// Up to `limit` rows (at most 500) that `filter` keeps, from the `offset`-th of them.
    #[must_use]
    pub fn page(&self, filter: RowFilter, offset: usize, limit: usize) -> DraftPage {
        let kept = self.rows.iter().filter(|r| filter.keeps(r));
        let total = kept.clone().count();
        DraftPage {
            rows: kept.skip(offset).take(limit.min(500)).cloned().collect(),
            total,
            offset,
        }
    }

    /// The values of the file's `external_id` column, if it has one (to look up in the
    /// journal: see [`DraftOptions::known_payouts`]).
    #[must_use]
    pub fn named_external_ids(&self) -> Vec<String> {
        let mut named: Vec<String> = self
            .rows
            .iter()
            .flat_map(|r| {
                self.external_id_columns
                    .iter()
                    .filter_map(|&col| r.cells.get(col).map(|c| c.text.trim().to_owned()))
            })
            .filter(|t| !t.is_empty())
            .collect();
        named.sort();
        named.dedup();
        named
    }

    /// The payouts of the journal the file's `external_id` column names (see
    /// [`DraftOptions::known_payouts`]): every row is checked again.
    pub fn set_known_payouts(&mut self, known: std::collections::HashMap<String, String>) {
        self.options.known_payouts = known;
        self.check_all();
    }

    /// Ready rows that repeat another row of the file or a recent journal payout (same amount
    /// to the same account): written only when the operator says they are meant to pay again.
    #[must_use]
    pub fn repeating_rows(&self) -> Vec<u32> {
        self.rows
            .iter()
            .filter(|r| {
                r.ready()
                    && r.warnings
                        .iter()
                        .any(|w| w.code == "duplicate_in_journal" || w.code == "duplicate_in_file")
            })
            .map(|r| r.row)
            .collect()
    }

    /// The journal's payouts to compare with, read again (at confirmation: another desk may
    /// have sent the same rows since the file was opened); the warnings are checked again.
    pub fn refresh_earlier(&mut self, earlier: Vec<EarlierPayout>) {
        self.options.earlier = earlier;
        review::warn_across(&mut self.rows, &self.options.earlier, &self.mapping);
    }

    /// The declared decimal style.
    #[must_use]
    pub fn decimal(&self) -> DecimalStyle {
        self.options.decimal
    }

    /// Totals per currency of the rows that will be sent.
    #[must_use]
    pub fn totals(&self) -> Vec<BatchTotal> {
        review::totals(&self.rows, self.options.decimal)
    }

    /// The draft without its rows.
    #[must_use]
    pub fn summary(&self) -> DraftSummary {
        let ready = self.rows.iter().filter(|r| r.ready()).count();
        let excluded = self.rows.iter().filter(|r| r.excluded).count();
        DraftSummary {
            batch_id: self.batch_id.clone(),
            file: self.file.clone(),
            decimal: self.options.decimal,
            headers: self.headers.clone(),
            mapping: self.mapping.clone(),
            missing_columns: columns::missing(&self.mapping)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            fields: columns::FIELDS
                .iter()
                .map(|(f, _)| (*f).to_owned())
                .collect(),
            counts: DraftCounts {
                rows: self.rows.len(),
                ready,
                blocked: self
                    .rows
                    .iter()
                    .filter(|r| !r.excluded && r.request.is_none())
                    .count(),
                excluded,
                warned: self
                    .rows
                    .iter()
                    .filter(|r| r.ready() && !r.warnings.is_empty())
                    .count(),
            },
            totals: self.totals(),
            encoding_shown: self.file.encoding.as_deref().map(read::encoding_words),
            confirmation: self.confirmation(ready),
        }
    }

    /// See [`DraftSummary::confirmation`].
    fn confirmation(&self, ready: usize) -> Option<String> {
        let kind = self.options.validation.environment;
        kind.is_production().then(|| {
            let totals: Vec<String> = self
                .totals()
                .iter()
                .map(|t| {
                    tr(
                        "batch-confirm-total",
                        &[
                            ("total", t.total_shown.as_str().into()),
                            ("count", t.count.into()),
                        ],
                    )
                })
                .collect();
            // The environment's name is a code (SANDBOX, PRODUCTION…), not translated.
            tr(
                "batch-confirm-question",
                &[
                    ("ready", ready.into()),
                    ("totals", totals.join("; ").into()),
                    ("environment", kind.name().to_uppercase().into()),
                ],
            )
        })
    }

    /// Checks the operator's control totals (see [`review::check_control`]), and that no row
    /// is still blocked (each is fixed or excluded) and at least one will be sent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `control_total` with every mismatch, or on `rows`.
    pub fn confirmable(&self, typed: &[ControlTotal], pay_duplicates_again: bool) -> Result<()> {
        let s = self.summary();
        if let Some(first) = self
            .rows
            .iter()
            .find(|r| !r.excluded && r.request.is_none())
        {
            // With the first row's first error when it has one (two messages, so no sentence
            // is glued from pieces).
            let message = match first.errors.first() {
                Some(e) => tr(
                    "batch-rows-blocked-first",
                    &[
                        ("count", s.counts.blocked.into()),
                        ("row", first.row.to_string().into()),
                        ("message", e.message.as_str().into()),
                    ],
                ),
                None => tr("batch-rows-blocked", &[("count", s.counts.blocked.into())]),
            };
            return Err(Error::InvalidInput {
                field: "rows",
                message,
            });
        }
        if s.counts.ready == 0 {
            return Err(Error::InvalidInput {
                field: "rows",
                message: tr("batch-nothing-to-send", &[]),
            });
        }
        review::check_control(&s.totals, typed, self.options.decimal).map_err(|problems| {
            Error::InvalidInput {
                field: "control_total",
                message: tr(
                    "batch-control-mismatch",
                    &[("problems", problems.join("; ").into())],
                ),
            }
        })?;
        let again = self.repeating_rows();
        if !again.is_empty() && !pay_duplicates_again {
            let shown: Vec<String> = again.iter().take(10).map(ToString::to_string).collect();
            // The row numbers as a list, with "…" when more than ten are left out.
            let rows = format!(
                "{}{}",
                shown.join(", "),
                if again.len() > 10 { ", …" } else { "" }
            );
            return Err(Error::InvalidInput {
                field: "duplicates",
                message: tr(
                    "batch-rows-repeat",
                    &[("count", again.len().into()), ("rows", rows.into())],
                ),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;

//! The verdict on each row of a batch: the payout it asks for, read by the same validators as
//! the form (the same messages, at the cell), blocking errors kept apart from warnings.
//!
//! Guarantees:
//! - A row with any blocking error has no request: it cannot be sent until it is fixed or
//!   excluded.
//! - An identifier column (document, account, CLABE, CBU/CVU, CCI, PIX key, branch, phone) holding
//!   an XLSX number cell is a blocking error whatever its digits: the spreadsheet may already
//!   have dropped leading zeros or digits past the 15th, and no formatting brings them back.
//!   The same holds for text in scientific notation (`1.23457E+17`), what such a number becomes
//!   when saved as CSV.
//! - Amounts are read under the file's declared decimal style ([`super::amounts`]), never
//!   through `f64`.
//! - Warnings never block: the same payout twice in the file, the same as a journal payout of
//!   the last 24 hours, an amount far above this beneficiary's earlier payouts, and the
//!   validators' own warnings.
//! - Each row's external_id is fixed here, from the batch id and the row number, so the same
//!   intent keeps the same id however often it is checked, fixed or sent.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::amounts::{canonical_amount, read_amount, read_total, DecimalStyle};
use super::columns::{column_letter, ColumnMap, IDENTIFIER_FIELDS};
use super::read::{Cell, CellKind};
use crate::api::types::CreateCashout;
use crate::l10n::dates::moment_shown;
use crate::l10n::messages::tr;
use crate::validate::{self, ValidationContext};

/// A problem with one cell (or, with no column, with the row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Issue {
    /// The create field concerned (`amount`, `document_id`, …).
    pub field: String,
    /// The file's column holding it, from 0; `None` when no column fills the field.
    #[ts(type = "number | null")]
    pub column: Option<usize>,
    /// A stable code: the validators' (`invalid_check_digit`, …) or the batch's own
    /// (`number_cell`, `scientific_notation`, `invalid_amount`, `duplicate_in_file`,
    /// `duplicate_in_journal`, `unusual_amount`).
    pub code: String,
    pub message: String,
}

/// What a payout row of the file comes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowVerdict {
    /// The spreadsheet's row number.
    pub row: u32,
    /// Fixed from the batch id and the row number.
    pub external_id: String,
    /// The cells as read (and as fixed in review), in the file's column order.
    pub cells: Vec<Cell>,
    /// The normalised request exactly as it would be sent; `None` while `errors` is not empty.
    pub request: Option<CreateCashout>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    /// Left out by the operator: never sent, listed as excluded in the result file.
    pub excluded: bool,
    /// A cell was changed in review.
    pub fixed: bool,
}

impl RowVerdict {
    /// Will be sent: not excluded and without blocking errors.
    #[must_use]
    pub fn ready(&self) -> bool {
        !self.excluded && self.request.is_some()
    }
}

/// What a row is checked against besides its cells.
pub struct RowContext<'a> {
    pub mapping: &'a [ColumnMap],
    pub decimal: DecimalStyle,
    pub validation: ValidationContext,
    /// Used when the row has no notification URL of its own (the desk's setting).
    pub notification_url: &'a str,
}

fn issue(field: &str, column: Option<usize>, code: &str, message: impl Into<String>) -> Issue {
    Issue {
        field: field.to_owned(),
        column,
        code: code.to_owned(),
        message: message.into(),
    }
}

/// `1.23457E+17`, `1,23457E+17`: a long number a spreadsheet wrote in scientific notation.
fn scientific(text: &str) -> bool {
    let t = text.trim();
    let Some((mantissa, exponent)) = t.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && mantissa.chars().any(|c| c.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

fn yes_no(text: &str) -> Option<bool> {
    match crate::journal::keys::fold(text.trim()).as_str() {
        "yes" | "y" | "true" | "si" | "sim" | "1" | "x" => Some(true),
        "no" | "n" | "false" | "nao" | "0" | "" => Some(false),
        _ => None,
    }
}

/// Checks one row's `cells` as payout `external_id` (see the module comment). Duplicate and
/// unusual-amount warnings are added over all rows by [`warn_across`].
#[must_use]
pub fn check_row(
    external_id: &str,
    cells: &[Cell],
    cx: &RowContext<'_>,
) -> (Option<CreateCashout>, Vec<Issue>, Vec<Issue>) {
    let mut errors = Vec::new();
    let mut r = CreateCashout {
        external_id: external_id.to_owned(),
        ..CreateCashout::default()
    };
    let mut bank_number: Option<String> = None;
    for map in cx.mapping {
        let Some(field) = map.field.as_deref() else {
            continue;
        };
        let Some(cell) = cells.get(map.column) else {
            continue;
        };
        let col = Some(map.column);
        let text = cell.text.trim();
        if text.is_empty() {
            continue;
        }
        // A problem with the cell, in words: `id` with the cell's text and where it is
        // ("column B (Monto)", the file's own header as written). Rendered only when there is
        // one (a 10,000-row file is checked again on every change of style or mapping).
        let problem = |id: &str| {
            let where_ = tr(
                "batch-cell-where",
                &[
                    ("column", column_letter(map.column).into()),
                    ("header", map.header.as_str().into()),
                ],
            );
            tr(id, &[("value", text.into()), ("where", where_.into())])
        };
        if cell.kind == CellKind::Other {
            errors.push(issue(
                field,
                col,
                "not_text",
                problem("batch-cell-not-text"),
            ));
            continue;
        }
        if IDENTIFIER_FIELDS.contains(&field) {
            if cell.kind == CellKind::Number {
                errors.push(issue(
                    field,
                    col,
                    "number_cell",
                    problem("batch-cell-number"),
                ));
                continue;
            }
            if scientific(text) {
                errors.push(issue(
                    field,
                    col,
                    "scientific_notation",
                    problem("batch-cell-scientific"),
                ));
                continue;
            }
        }
        let value = Some(text.to_owned());
        match field {
            "amount" => {
                let read = if cell.kind == CellKind::Number {
                    canonical_amount(text)
                } else {
                    read_amount(text, cx.decimal)
                };
                match read {
                    Ok(a) => r.amount = Some(a),
                    Err(message) => errors.push(issue(field, col, "invalid_amount", message)),
                }
            }
            "bank_code" if cell.kind == CellKind::Number => bank_number = value,
            "on_hold" => match yes_no(text) {
                Some(v) => r.on_hold = v,
                None => errors.push(issue(
                    field,
                    col,
                    "invalid_format",
                    problem("batch-cell-yes-no"),
                )),
            },
            "country" => r.country = text.to_owned(),
            "currency" => r.currency = value,
            "document_id" => r.document_id = text.to_owned(),
            "document_type" => r.document_type = value,
            "beneficiary_name" => r.beneficiary_name = text.to_owned(),
            "beneficiary_lastname" => r.beneficiary_lastname = value,
            "email" => r.email = value,
            "phone" => r.phone = value,
            "bank_code" => r.bank_code = value,
            "bank_account" => r.bank_account = value,
            "bank_branch" => r.bank_branch = value,
            "account_type" => r.account_type = value,
            "address" => r.address = value,
            "city" => r.city = value,
            "postal_code" => r.postal_code = value,
            "beneficiary_birthdate" => r.beneficiary_birthdate = value,
            "notification_url" => r.notification_url = text.to_owned(),
            "comments" => r.comments = value,
            _ => {}
        }
    }
    // A value past the last column: a separator inside an amount (`1,234.56` in a
    // comma-separated file) shifts cells, and the amount read would be a part of it.
    // Even an empty one: `…,1,234.56,` with the last column empty has one field too many, and
    // the amount would be read as 1.
    if cells.len() > cx.mapping.len() {
        let extra = cells
            .iter()
            .enumerate()
            .skip(cx.mapping.len())
            .find(|(_, c)| !c.is_blank())
            .map_or_else(
                || tr("batch-extra-cell-empty", &[]),
                |(i, c)| {
                    tr(
                        "batch-extra-cell-value",
                        &[
                            ("column", column_letter(i).into()),
                            ("value", c.text.trim().into()),
                        ],
                    )
                },
            );
        errors.push(issue(
            "row",
            None,
            "extra_cell",
            tr(
                "batch-row-extra-cells",
                &[
                    ("values", cells.len().into()),
                    ("columns", cx.mapping.len().into()),
                    ("extra", extra.into()),
                ],
            ),
        ));
    }
    if let Some(n) = bank_number {
        // A bank number Excel stored as a number (1 for "001"): the bank list restores it.
        r.bank_code = Some(match n.parse::<u64>() {
            Ok(n) => crate::api::parse::bank_code_of_number(&r.country, n),
            Err(_) => n,
        });
    }
    if r.notification_url.is_empty() {
        cx.notification_url.clone_into(&mut r.notification_url);
    }
    let column_of = |field: &str| {
        cx.mapping
            .iter()
            .find(|m| m.field.as_deref() == Some(field))
            .map(|m| m.column)
    };
    match validate::check_create_full(&r, &cx.validation) {
        Ok(checked) => {
            let warnings = checked
                .warnings
                .into_iter()
                .map(|w| issue(&w.field, column_of(&w.field), w.code, w.message))
                .collect();
            if errors.is_empty() {
                (Some(checked.request), errors, warnings)
            } else {
                (None, errors, warnings)
            }
        }
        Err(found) => {
            // A cell already refused above is not refused again as "required".
            for e in found {
                if !errors.iter().any(|x: &Issue| x.field == e.field) {
                    errors.push(issue(&e.field, column_of(&e.field), e.code, e.message));
                }
            }
            (None, errors, Vec::new())
        }
    }
}

/// An earlier payout of the journal, as the warnings compare rows with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierPayout {
    pub external_id: String,
    /// [`crate::journal::content_hash`] of its request.
    pub content_hash: String,
    pub country: String,
    pub document_id: String,
    pub currency: String,
    pub amount: Decimal,
    /// When it was requested (RFC 3339, UTC).
    pub created_at: String,
    /// Within the duplicate window (24 h) of now.
    pub recent: bool,
}

/// An [`EarlierPayout`] from a journal's stored columns; `None` when one is missing (a payout
/// found by a lookup, an amount that cannot be read).
#[must_use]
pub fn earlier(
    external_id: Option<String>,
    created_at: String,
    content_hash: Option<String>,
    country: Option<String>,
    currency: Option<String>,
    amount: Option<String>,
    document_id: Option<String>,
) -> Option<EarlierPayout> {
    Some(EarlierPayout {
        external_id: external_id?,
        content_hash: content_hash?,
        country: country?,
        document_id: document_id.unwrap_or_default(),
        currency: currency?,
        amount: amount?.parse().ok()?,
        created_at,
        recent: false,
    })
}

/// How many times an amount may exceed the largest of a beneficiary's earlier payouts in the
/// same currency before it is called unusual (with at least [`UNUSUAL_MIN_HISTORY`] of them).
pub const UNUSUAL_FACTOR: u32 = 3;
/// Earlier payouts needed before an amount is compared with them.
pub const UNUSUAL_MIN_HISTORY: usize = 2;

/// Adds the warnings that compare rows: the same payout twice in the file, the same as a
/// recent journal payout, an amount far above the beneficiary's earlier ones. Replaces any such
/// warnings from an earlier call (so a fix re-checks them).
pub fn warn_across(rows: &mut [RowVerdict], earlier: &[EarlierPayout], mapping: &[ColumnMap]) {
    const ACROSS: [&str; 3] = [
        "duplicate_in_file",
        "duplicate_in_journal",
        "unusual_amount",
    ];
    let column_of = |field: &str| {
        mapping
            .iter()
            .find(|m| m.field.as_deref() == Some(field))
            .map(|m| m.column)
    };
    let amount_col = column_of("amount");
    let mut by_hash: HashMap<String, Vec<u32>> = HashMap::new();
    for v in rows.iter_mut() {
        v.warnings.retain(|w| !ACROSS.contains(&w.code.as_str()));
        if let (Some(r), false) = (&v.request, v.excluded) {
            by_hash
                .entry(crate::journal::content_hash(r))
                .or_default()
                .push(v.row);
        }
    }
    let mut recent: HashMap<&str, &EarlierPayout> = HashMap::new();
    // Per beneficiary and currency: how many earlier payouts, and the largest (computed once,
    // not per row: a regular payee can have thousands).
    let mut history: HashMap<(&str, &str, &str), (usize, Decimal)> = HashMap::new();
    for e in earlier {
        if e.recent {
            recent.entry(e.content_hash.as_str()).or_insert(e);
        }
        let h = history
            .entry((
                e.country.as_str(),
                e.document_id.as_str(),
                e.currency.as_str(),
            ))
            .or_default();
        h.0 += 1;
        h.1 = h.1.max(e.amount);
    }
    for v in rows.iter_mut() {
        let Some(r) = v.request.as_ref().filter(|_| !v.excluded) else {
            continue;
        };
        let hash = crate::journal::content_hash(r);
        if let Some(same) = by_hash.get(&hash).filter(|rows| rows.len() > 1) {
            let others: Vec<String> = same
                .iter()
                .filter(|n| **n != v.row)
                .map(ToString::to_string)
                .collect();
            v.warnings.push(issue(
                "amount",
                amount_col,
                "duplicate_in_file",
                tr("batch-dup-in-file", &[("rows", others.join(", ").into())]),
            ));
        }
        if let Some(e) = recent.get(hash.as_str()) {
            v.warnings.push(issue(
                "amount",
                amount_col,
                "duplicate_in_journal",
                tr(
                    "batch-dup-in-journal",
                    &[
                        ("payout", e.external_id.as_str().into()),
                        ("at", moment_shown(&e.created_at).into()),
                    ],
                ),
            ));
        }
        let (Some(amount), Some(currency)) = (r.amount, r.currency.as_deref()) else {
            continue;
        };
        if let Some(&(count, largest)) =
            history.get(&(r.country.as_str(), r.document_id.as_str(), currency))
        {
            if count >= UNUSUAL_MIN_HISTORY
                && amount.value() > largest * Decimal::from(UNUSUAL_FACTOR)
            {
                v.warnings.push(issue(
                    "amount",
                    amount_col,
                    "unusual_amount",
                    tr(
                        "batch-unusual-amount",
                        &[
                            ("currency", currency.into()),
                            ("amount", amount.to_string().into()),
                            ("factor", UNUSUAL_FACTOR.to_string().into()),
                            ("count", count.into()),
                            ("largest", largest.to_string().into()),
                        ],
                    ),
                ));
            }
        }
    }
}

/// Count and exact sum of the rows to send in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BatchTotal {
    pub currency: String,
    #[ts(type = "number")]
    pub count: usize,
    /// Exact decimal, as text (two places).
    pub total: String,
    /// The total written in the file's decimal style, with its ISO code (`BRL 1.234,56`).
    #[serde(default)]
    pub total_shown: String,
}

/// The totals per currency of the rows that will be sent, by currency code, each also written
/// in the file's decimal `style`.
#[must_use]
pub fn totals(rows: &[RowVerdict], style: DecimalStyle) -> Vec<BatchTotal> {
    let mut sums: std::collections::BTreeMap<String, (usize, Decimal)> = Default::default();
    for r in rows.iter().filter(|r| r.ready()) {
        let Some(req) = &r.request else { continue };
        let (Some(currency), Some(amount)) = (&req.currency, req.amount) else {
            continue;
        };
        let e = sums.entry(currency.clone()).or_default();
        e.0 += 1;
        e.1 += amount.value();
    }
    sums.into_iter()
        .map(|(currency, (count, mut total))| {
            total.rescale(2);
            BatchTotal {
                total_shown: style.money(total, &currency),
                currency,
                count,
                total: total.to_string(),
            }
        })
        .collect()
}

/// What the operator typed as the control total of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ControlTotal {
    pub currency: String,
    #[ts(type = "number")]
    pub count: usize,
    /// As typed, in the file's decimal style.
    pub total: String,
}

/// Checks the operator's control totals against the rows to send: every currency of the
/// batch typed once, with its count and exact total, and no other currency.
///
/// # Errors
/// Each mismatch, in words (what was typed against what the batch holds).
pub fn check_control(
    totals: &[BatchTotal],
    typed: &[ControlTotal],
    style: DecimalStyle,
) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    for t in totals {
        let mine: Vec<&ControlTotal> = typed
            .iter()
            .filter(|c| c.currency.trim().eq_ignore_ascii_case(&t.currency))
            .collect();
        let [c] = mine.as_slice() else {
            problems.push(tr(
                "batch-control-type-once",
                &[
                    ("currency", t.currency.as_str().into()),
                    ("count", t.count.into()),
                ],
            ));
            continue;
        };
        if c.count != t.count {
            problems.push(tr(
                "batch-control-count",
                &[
                    ("currency", t.currency.as_str().into()),
                    ("typed", c.count.into()),
                    ("expected", t.count.to_string().into()),
                ],
            ));
        }
        let expected: Decimal = t.total.parse().unwrap_or_default();
        let read = read_total(&c.total, style, &t.currency);
        match read {
            Ok(v) if v == expected => {}
            Ok(v) => problems.push(tr(
                "batch-control-total",
                &[
                    ("currency", t.currency.as_str().into()),
                    ("typed", v.to_string().into()),
                    ("expected", t.total.as_str().into()),
                ],
            )),
            Err(e) => problems.push(tr(
                "batch-control-unreadable",
                &[
                    ("currency", t.currency.as_str().into()),
                    ("error", e.into()),
                ],
            )),
        }
    }
    for c in typed {
        if !totals
            .iter()
            .any(|t| c.currency.trim().eq_ignore_ascii_case(&t.currency))
        {
            problems.push(tr(
                "batch-control-extra-currency",
                &[("currency", c.currency.trim().into())],
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn scientific_notation_is_told_from_digits() {
        assert!(scientific("1.23457E+17"));
        assert!(scientific("1,23457E+17"));
        assert!(scientific("7E5"));
        assert!(!scientific("12345678901234567"));
        assert!(!scientific("E17"));
        assert!(!scientific("Ejemplo"));
    }

    #[test]
    fn control_totals_must_match_every_currency_exactly() {
        let totals = vec![
            BatchTotal {
                currency: "BRL".into(),
                count: 2,
                total: "1234.50".into(),
                total_shown: String::new(),
            },
            BatchTotal {
                currency: "CLP".into(),
                count: 1,
                total: "10000.00".into(),
                total_shown: String::new(),
            },
        ];
        let typed = |brl: &str, n: usize| {
            vec![
                ControlTotal {
                    currency: "brl".into(),
                    count: n,
                    total: brl.into(),
                },
                ControlTotal {
                    currency: "CLP".into(),
                    count: 1,
                    total: "10.000".into(),
                },
            ]
        };
        assert!(check_control(&totals, &typed("1.234,5", 2), DecimalStyle::Comma).is_ok());
        let e = check_control(&totals, &typed("1.234,05", 2), DecimalStyle::Comma).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        let e = check_control(&totals, &typed("1.234,5", 3), DecimalStyle::Comma).unwrap_err();
        assert!(e[0].contains("3 payouts"), "{e:?}");
        let e = check_control(&totals, &typed("1.234,5", 2)[..1], DecimalStyle::Comma).unwrap_err();
        assert!(e[0].contains("CLP"), "{e:?}");
        // The total as the review shows it, its ISO code pasted with it, is read.
        for shown in [
            "BRL 1.234,50",
            "1.234,50 BRL",
            "brl\u{a0}1.234,50",
            " BRL 1.234,5 ",
        ] {
            assert!(
                check_control(&totals, &typed(shown, 2), DecimalStyle::Comma).is_ok(),
                "{shown:?}"
            );
        }
        // Another currency's code is not this total.
        assert!(check_control(&totals, &typed("MXN 1.234,50", 2), DecimalStyle::Comma).is_err());
        assert!(check_control(&totals, &typed("0,00", 2), DecimalStyle::Comma).is_err());
    }

    #[test]
    fn a_batch_total_past_the_largest_single_amount_can_be_confirmed() {
        // 1,500 payouts of COP 1,000,000: the batch holds COP 1,500,000,000, more than one
        // payout may carry, and its control total is read, not refused as "too large".
        let totals = vec![BatchTotal {
            currency: "COP".into(),
            count: 1500,
            total: "1500000000.00".into(),
            total_shown: "COP 1.500.000.000".into(),
        }];
        let typed = |total: &str| {
            vec![ControlTotal {
                currency: "COP".into(),
                count: 1500,
                total: total.into(),
            }]
        };
        assert!(check_control(&totals, &typed("1.500.000.000"), DecimalStyle::Comma).is_ok());
        assert!(check_control(&totals, &typed("COP 1.500.000.000"), DecimalStyle::Comma).is_ok());
        let e = check_control(&totals, &typed("1.500.000.001"), DecimalStyle::Comma).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
    }
}

//! Amounts in a batch file, read under the decimal style the operator declared for the whole
//! file — never guessed row by row.
//!
//! A single form amount refuses `1.000` because it reads two ways ([`crate::money`]). A file
//! says once which way its amounts are written: `1,234.56` ([`DecimalStyle::Point`]) or
//! `1.234,56` ([`DecimalStyle::Comma`]). Under that choice:
//! - the decimal mark may appear once, followed by one or two digits;
//! - the grouping mark may appear only between groups of exactly three digits
//!   (`1,234,567.50`; `12,34` is refused);
//! - a decimal mark followed by three digits (`1.000` under `1,234.56`) is refused as
//!   ambiguous: amounts have at most two decimals, so the file most likely groups thousands
//!   with that mark and the declared style is wrong for it;
//! - anything else (currency signs, spaces inside, exponents, minus signs) is refused.
//!
//! An XLSX number cell is read in the canonical form (a dot before the decimals) whatever the
//! declared style, since the workbook stores a number, not the text the operator saw.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::l10n::messages::tr;
use crate::money::Amount;

/// How a file writes its amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum DecimalStyle {
    /// `1,234.56`: a dot before the decimals, commas may group thousands.
    #[default]
    Point,
    /// `1.234,56`: a comma before the decimals, dots may group thousands.
    Comma,
}

impl DecimalStyle {
    /// The style's example, as the operator picks it.
    #[must_use]
    pub fn example(self) -> &'static str {
        match self {
            Self::Point => "1,234.56",
            Self::Comma => "1.234,56",
        }
    }

    /// `total` of `currency` written the file's own way (`BRL 1.234,56` for a comma file,
    /// `BRL 1,234.56` for a point one), so it is compared with the spreadsheet's own sum and
    /// with the control total typed in the same style. CLDR's `pt-BR` and `en-US` patterns are
    /// exactly these two styles (grouping always on, the ISO code first, the currency's
    /// places).
    #[must_use]
    pub fn money(self, total: Decimal, currency: &str) -> String {
        let tag = match self {
            Self::Point => "en-US",
            Self::Comma => "pt-BR",
        };
        crate::l10n::numbers::format_money(total, currency, &crate::l10n::Locale::negotiate(tag))
    }

    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Point => "point",
            Self::Comma => "comma",
        }
    }

    fn marks(self) -> (char, char) {
        match self {
            Self::Point => ('.', ','),
            Self::Comma => (',', '.'),
        }
    }

    fn other(self) -> Self {
        match self {
            Self::Point => Self::Comma,
            Self::Comma => Self::Point,
        }
    }
}

/// Reads `text` as an amount written in `style`.
///
/// # Errors
/// What is wrong, for the amount cell (the text is quoted: an amount is not a secret).
pub fn read_amount(text: &str, style: DecimalStyle) -> Result<Amount, String> {
    Amount::new(read_decimal(text, style)?)
        .map_err(|e| e.message(crate::l10n::messages::active().lang()))
}

/// Reads `text` as a control total of `currency` written in `style`: the same writing as an
/// amount (the review shows the total that way, `BRL 1.234,56`, and its ISO code may be
/// pasted with it), positive, at most two places, and with no upper limit — a batch's total
/// may pass the largest amount one payout can carry.
///
/// # Errors
/// What is wrong, for the control total's field.
pub fn read_total(text: &str, style: DecimalStyle, currency: &str) -> Result<Decimal, String> {
    let space = |c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}';
    let t = text.trim_matches(space);
    let code =
        |s: &str| s.len() >= 3 && s.is_char_boundary(3) && s[..3].eq_ignore_ascii_case(currency);
    let t = if code(t) {
        t[3..].trim_start_matches(space)
    } else if t.len() >= 3
        && t.is_char_boundary(t.len() - 3)
        && t[t.len() - 3..].eq_ignore_ascii_case(currency)
    {
        t[..t.len() - 3].trim_end_matches(space)
    } else {
        t
    };
    let value = read_decimal(t, style)?;
    if value <= Decimal::ZERO {
        return Err(
            crate::money::AmountError::NotPositive.message(crate::l10n::messages::active().lang())
        );
    }
    Ok(value)
}

/// `text` written in `style`, as an exact decimal of at most two places (no range checked).
fn read_decimal(text: &str, style: DecimalStyle) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(tr("batch-amount-empty", &[]));
    }
    let (decimal_mark, group_mark) = style.marks();
    // The amount, the marks and the style's examples are passed as the file writes them: they
    // are never localised.
    let (decimal, group) = (decimal_mark.to_string(), group_mark.to_string());
    let hint = || {
        tr(
            "batch-amount-style-hint",
            &[
                ("declared", style.example().into()),
                ("other", style.other().example().into()),
            ],
        )
    };
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || c == decimal_mark || c == group_mark)
    {
        return Err(tr(
            "batch-amount-bad-chars",
            &[
                ("amount", t.into()),
                ("group", group.as_str().into()),
                ("decimal", decimal.as_str().into()),
                ("example", style.example().into()),
            ],
        ));
    }
    let mut parts = t.split(decimal_mark);
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    if parts.next().is_some() {
        return Err(tr(
            "batch-amount-two-decimal-marks",
            &[
                ("amount", t.into()),
                ("decimal", decimal.as_str().into()),
                ("example", style.example().into()),
                ("hint", hint().into()),
            ],
        ));
    }
    if let Some(f) = fraction {
        if f.contains(group_mark) {
            return Err(tr(
                "batch-amount-unreadable",
                &[("amount", t.into()), ("hint", hint().into())],
            ));
        }
        match f.len() {
            1 | 2 => {}
            3 => {
                return Err(tr(
                    "batch-amount-ambiguous",
                    &[
                        ("amount", t.into()),
                        ("decimal", decimal.as_str().into()),
                        ("hint", hint().into()),
                    ],
                ))
            }
            0 => {
                return Err(tr(
                    "batch-amount-trailing-mark",
                    &[("amount", t.into()), ("decimal", decimal.as_str().into())],
                ))
            }
            _ => {
                return Err(tr(
                    "batch-amount-too-many-decimals",
                    &[("amount", t.into())],
                ))
            }
        }
    }
    let groups: Vec<&str> = whole.split(group_mark).collect();
    if groups.iter().any(|g| g.is_empty())
        || (groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)))
    {
        return Err(tr(
            "batch-amount-bad-grouping",
            &[
                ("amount", t.into()),
                ("group", group.as_str().into()),
                ("hint", hint().into()),
            ],
        ));
    }
    let canonical = match fraction {
        Some(f) => format!("{}.{f}", groups.concat()),
        None => groups.concat(),
    };
    decimal_of(&canonical)
}

/// Reads an amount in canonical form (digits, at most one dot): an XLSX number cell's text.
///
/// # Errors
/// What is wrong, for the amount cell.
pub fn canonical_amount(text: &str) -> Result<Amount, String> {
    Amount::new(decimal_of(text)?).map_err(|e| e.message(crate::l10n::messages::active().lang()))
}

/// Canonical text (digits, at most one dot) as a decimal of at most two places.
fn decimal_of(text: &str) -> Result<Decimal, String> {
    let value: Decimal = text
        .parse()
        .map_err(|_| tr("batch-amount-not-number", &[("amount", text.into())]))?;
    if value.normalize().scale() > 2 {
        return Err(tr("batch-amount-float-residue", &[("amount", text.into())]));
    }
    Ok(value)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ok(text: &str, style: DecimalStyle) -> String {
        read_amount(text, style).unwrap().to_string()
    }

    #[test]
    fn each_style_reads_its_own_grouping_and_decimals_exactly() {
        use DecimalStyle::{Comma, Point};
        assert_eq!(ok("1,234.56", Point), "1234.56");
        assert_eq!(ok("1.234,56", Comma), "1234.56");
        assert_eq!(ok("1,234,567", Point), "1234567.00");
        assert_eq!(ok("10.000", Comma), "10000.00");
        assert_eq!(ok("250000,5", Comma), "250000.50");
        assert_eq!(ok("0.01", Point), "0.01");
        assert_eq!(ok(" 99 ", Point), "99.00");
    }

    #[test]
    fn a_value_ambiguous_under_the_declared_style_is_refused_with_the_other_style_named() {
        use DecimalStyle::{Comma, Point};
        let e = read_amount("1.000", Point).unwrap_err();
        assert!(e.contains("ambiguous") && e.contains("1.234,56"), "{e}");
        let e = read_amount("2,500", Comma).unwrap_err();
        assert!(e.contains("ambiguous") && e.contains("1,234.56"), "{e}");
    }

    #[test]
    fn marks_that_do_not_fit_the_style_are_refused_never_guessed() {
        use DecimalStyle::{Comma, Point};
        for (t, s) in [
            ("1,5", Point),
            ("12,34", Point),
            ("1.234,56", Point),
            ("1,234.56", Comma),
            ("1.5", Comma),
            ("1,2,3", Comma),
            (",5", Point),
            ("1,,000", Point),
            ("1.", Point),
            ("1.234", Point),
            ("R$ 10", Comma),
            ("1e3", Point),
            ("-5", Point),
            ("1 000", Point),
            ("0", Point),
            ("0.001", Point),
            ("", Point),
        ] {
            assert!(read_amount(t, s).is_err(), "{t:?} under {s:?}");
        }
    }

    #[test]
    fn a_number_cell_with_a_float_residue_is_refused_not_rounded() {
        assert_eq!(canonical_amount("1234.56").unwrap().to_string(), "1234.56");
        assert_eq!(canonical_amount("1000").unwrap().to_string(), "1000.00");
        let e = canonical_amount("7.0000000000000009").unwrap_err();
        assert!(e.contains("more than two decimals"), "{e}");
    }
}

//! Money and counts written the operator's way, by CLDR's rules through ICU4X.
//!
//! One function writes money everywhere — the app, the CLI's human lines, the exports meant for
//! people: [`format_money`] gives `BRL 1.234,56`, `MXN 1,234.56`, `CLP 10.000`, `COP 1.234.567`.
//! The ISO code is always shown, never `$` (which means MXN, ARS, COP, CLP and USD alike), and
//! grouping is always on, also where CLDR would leave four digits ungrouped (Spanish's minimum
//! grouping of two writes `1000`; Chilean operators read that as a bug, so `CLP 1.000`).
//!
//! [`read_amount`] reads what an operator typed with the locale's own separators into an exact
//! [`Amount`] whose canonical text (`1234.56`) is what is stored and sent. Nothing is guessed: a
//! form that the locale would not write (the other convention's separators, irregular groups,
//! three decimals) is refused with the way the locale writes it.
//!
//! Guarantees: the digits written are exactly the decimal's (no float, no rounding; a currency
//! with no minor unit still shows cents an amount really has). Left out: the webview's own
//! `Intl` (it differs between WebKitGTK, WebView2 and WKWebView), currency symbols, compact
//! notation (`1,2 mi`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::provider::{DecimalDigitsV1, DecimalSymbolsV1};
use icu_decimal::DecimalFormatter;
use icu_provider::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::Locale;
use crate::money::{Amount, AmountError};

/// CLDR's data with the minimum grouping forced to one digit, so every locale groups from
/// four digits up (see the module's comment). Everything else is CLDR's, unchanged.
struct AlwaysGrouped;

impl DataProvider<DecimalSymbolsV1> for AlwaysGrouped {
    fn load(&self, req: DataRequest) -> Result<DataResponse<DecimalSymbolsV1>, DataError> {
        let mut response = icu_decimal::provider::Baked.load(req)?;
        response
            .payload
            .with_mut(|symbols: &mut icu_decimal::provider::DecimalSymbols<'_>| {
                symbols.grouping_sizes.min_grouping = 1
            });
        Ok(response)
    }
}

impl DataProvider<DecimalDigitsV1> for AlwaysGrouped {
    fn load(&self, req: DataRequest) -> Result<DataResponse<DecimalDigitsV1>, DataError> {
        icu_decimal::provider::Baked.load(req)
    }
}

/// One formatter per tag, made once: the overview formats hundreds of figures.
fn formatter(locale: &Locale) -> Arc<DecimalFormatter> {
    static MADE: OnceLock<Mutex<HashMap<String, Arc<DecimalFormatter>>>> = OnceLock::new();
    let made = MADE.get_or_init(Mutex::default);
    let mut made = made
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(f) = made.get(locale.tag()) {
        return Arc::clone(f);
    }
    let options = DecimalFormatterOptions::from(GroupingStrategy::Always);
    let make = |tag: &str| {
        let parsed = icu_locale_core::Locale::try_from_str(tag).ok()?;
        DecimalFormatter::try_new_unstable(&AlwaysGrouped, (&parsed).into(), options).ok()
    };
    // The tag's data, else its language's, else English's (which is compiled in).
    let f = make(locale.tag())
        .or_else(|| make(locale.lang().default_region_tag()))
        .or_else(|| make("en"))
        .map(Arc::new)
        .unwrap_or_else(|| {
            Arc::new(
                DecimalFormatter::try_new(Default::default(), options)
                    .expect("ICU4X's compiled data has the root locale"),
            )
        });
    made.insert(locale.tag().to_owned(), Arc::clone(&f));
    f
}

/// Writes `value` with exactly `fraction_digits` decimals or more if the value has them (they
/// are never dropped), grouped by the locale.
fn format_decimal(value: Decimal, fraction_digits: u32, locale: &Locale) -> String {
    let mut v = value.normalize();
    if v.scale() < fraction_digits {
        v.rescale(fraction_digits);
    }
    let fixed = fixed_decimal::Decimal::try_from_str(&v.to_string())
        .expect("a rust_decimal's text is a valid decimal");
    formatter(locale).format_to_string(&fixed)
}

/// How many decimals a currency's amounts are written with, and whether whole amounts drop
/// them. ISO 4217 (CLDR `currencyData`): CLP has no minor unit; COP's cash amounts are whole
/// (`cashDigits="0"`), so a whole COP amount is written without `,00`; every other currency
/// the provider pays in (BRL, MXN, ARS, PEN, USD, …) has two.
#[must_use]
pub fn currency_digits(currency: &str) -> (u32, bool) {
    match currency {
        "CLP" | "PYG" | "JPY" | "KRW" => (0, true),
        "COP" => (2, true),
        _ => (2, false),
    }
}

/// `amount` in `currency`, written for `locale`: `BRL 1.234,56`, `MXN 1,234.56`, `CLP 10.000`.
/// The ISO code always comes first, followed by one space; a negative sum keeps its sign
/// (`USD -5.00`). Cents an amount has are never hidden, even in a currency without them.
#[must_use]
pub fn format_money(amount: Decimal, currency: &str, locale: &Locale) -> String {
    let (digits, whole_drops) = currency_digits(currency);
    let digits = if amount.fract().is_zero() {
        if whole_drops {
            0
        } else {
            digits
        }
    } else {
        // Cents are written as cents (two places), also in a currency without them.
        digits.max(2)
    };
    format!("{currency} {}", format_decimal(amount, digits, locale))
}

/// A recorded amount and currency written for the active locale, for the records sent to the
/// window: `None` without an amount; the text as recorded (with its currency) when it is not
/// an exact decimal, so nothing recorded is hidden.
#[must_use]
pub fn money_shown(amount: Option<&str>, currency: Option<&str>) -> Option<String> {
    let amount = amount?.trim();
    let currency = currency.map(str::trim).unwrap_or("");
    Some(match Decimal::from_str_exact(amount) {
        Ok(value) => format_money(value, currency, &super::messages::active()),
        Err(_) => format!("{currency} {amount}").trim().to_owned(),
    })
}

/// A count written for `locale`: `12,345` or `12.345`.
#[must_use]
pub fn format_count(count: u64, locale: &Locale) -> String {
    format_decimal(Decimal::from(count), 0, locale)
}

/// The separators a locale writes numbers with, for the form's hints and the amount reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NumberStyle {
    /// The locale tag (`es-CO`).
    pub locale: String,
    /// The decimal separator (`,` in `es-CO`).
    pub decimal: String,
    /// The grouping separator (`.` in `es-CO`).
    pub group: String,
    /// An example amount written the locale's way (`1.234,56`).
    pub example: String,
}

/// The separators of `locale`, read from CLDR by writing a known number.
#[must_use]
pub fn number_style(locale: &Locale) -> NumberStyle {
    let written = format_decimal(Decimal::new(12_345_675, 2), 2, locale);
    // `1?234?567?5` with ASCII digits: the first non-digit groups, the last marks decimals.
    let separators: Vec<&str> = written
        .split(|c: char| c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let group = separators.first().copied().unwrap_or(",").to_owned();
    let decimal = separators.last().copied().unwrap_or(".").to_owned();
    NumberStyle {
        locale: locale.tag().to_owned(),
        example: format_decimal(Decimal::new(123_456, 2), 2, locale),
        decimal,
        group,
    }
}

/// Reads an amount typed by an operator of `locale` into an exact [`Amount`].
///
/// Accepted: digits with the locale's grouping separator between regular groups of three and
/// the locale's decimal separator before one or two decimals (`1.234,56` and `1234,5` in
/// `pt-BR`; `1,234.56` in `es-MX`). A locale whose grouping separator is a space (none of the
/// offered ones) accepts any kind of space between groups.
///
/// # Errors
/// [`AmountError`] when it is not a number, would need a guess (three digits after the decimal
/// separator, `1.000` in `en-US`; the other convention's separators, `1,234.56` in `pt-BR`;
/// irregular groups), or is not a valid amount (zero, too fine, too large).
pub fn read_amount(typed: &str, locale: &Locale) -> Result<Amount, AmountError> {
    let style = number_style(locale);
    let text = typed.trim();
    let (decimal, group) = (
        style.decimal.chars().next().unwrap_or('.'),
        style.group.chars().next().unwrap_or(','),
    );
    if decimal == '.' && group == ',' {
        // The locale writes the canonical form: the plain reader already refuses every
        // ambiguous text with both readings.
        return read_grouped(text, '.', ',').or_else(|e| match e {
            Refusal::NotThisLocale => text.parse(),
            Refusal::Amount(e) => Err(e),
        });
    }
    read_grouped(text, decimal, group).map_err(|e| match e {
        // "Type digits with a dot" would be this locale's wrong advice: its own example.
        Refusal::Amount(AmountError::NotANumber) => AmountError::NotANumberHere {
            example: style.example.clone(),
        },
        Refusal::Amount(e) => e,
        Refusal::NotThisLocale => AmountError::OtherLocale {
            typed: text.to_owned(),
            locale: style.locale.clone(),
            example: style.example.clone(),
        },
    })
}

enum Refusal {
    /// The text is not written the locale's way.
    NotThisLocale,
    /// It is, and the amount it says is refused.
    Amount(AmountError),
}

/// `text` read with `decimal` and `group` as the only separators, groups regular.
fn read_grouped(text: &str, decimal: char, group: char) -> Result<Amount, Refusal> {
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.starts_with('-') {
        return Err(Refusal::Amount(AmountError::NotPositive));
    }
    let is_group = |c: char| c == group || (group.is_whitespace() && c.is_whitespace());
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == decimal || is_group(c))
    {
        return Err(if text.chars().any(|c| c.is_ascii_digit()) {
            Refusal::NotThisLocale
        } else {
            Refusal::Amount(AmountError::NotANumber)
        });
    }
    let (whole, fraction) = match text.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || f.contains(decimal) || f.contains(is_group)) {
        return Err(Refusal::NotThisLocale);
    }
    // Groups first: a first group of 1–3 digits, then groups of exactly 3, and a zero never
    // leads a grouped number (`0,500` is 0.5 written the other way, never five hundred).
    let groups: Vec<&str> = whole.split(is_group).collect();
    let regular = groups.len() == 1
        || groups.iter().enumerate().all(|(i, g)| {
            if i == 0 {
                (1..=3).contains(&g.len()) && !g.starts_with('0')
            } else {
                g.len() == 3
            }
        });
    if whole.is_empty() || !regular {
        return Err(Refusal::NotThisLocale);
    }
    let digits = groups.concat();
    if let Some(f) = fraction {
        if f.len() == 3 {
            // `1.000` where the dot marks decimals: the other convention's one thousand.
            return Err(Refusal::Amount(AmountError::three_digits_after(
                text, decimal, &digits, f, decimal,
            )));
        }
        if f.len() > 2 {
            return Err(Refusal::Amount(AmountError::TooManyDecimals));
        }
    }
    let canonical = match fraction {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    Decimal::from_str_exact(&canonical)
        .map_err(|_| Refusal::Amount(AmountError::NotANumber))
        .and_then(|d| Amount::new(d).map_err(Refusal::Amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(amount: &str, currency: &str, tag: &str) -> String {
        format_money(
            Decimal::from_str_exact(amount).expect("a decimal in the test"),
            currency,
            &Locale::negotiate(tag),
        )
    }

    #[test]
    fn money_golden_strings_per_locale() {
        for (amount, currency, tag, written) in [
            ("1234.56", "BRL", "pt-BR", "BRL 1.234,56"),
            ("1234.56", "MXN", "es-MX", "MXN 1,234.56"),
            ("1234.56", "USD", "en-US", "USD 1,234.56"),
            ("10000", "CLP", "es-CL", "CLP 10.000"),
            // CLDR's minimum grouping of two would write `CLP 1000`.
            ("1000", "CLP", "es-CL", "CLP 1.000"),
            ("1234567", "COP", "es-CO", "COP 1.234.567"),
            ("1234567.50", "COP", "es-CO", "COP 1.234.567,50"),
            ("2974.55", "ARS", "es-AR", "ARS 2.974,55"),
            ("1234.5", "PEN", "es-PE", "PEN 1,234.50"),
            ("1000", "MXN", "es-419", "MXN 1,000.00"),
            ("0.01", "BRL", "pt-BR", "BRL 0,01"),
            ("999", "BRL", "pt-BR", "BRL 999,00"),
            ("1000000000", "USD", "en-US", "USD 1,000,000,000.00"),
            // Cents a CLP amount has are shown, never rounded away.
            ("1000.50", "CLP", "es-CL", "CLP 1.000,50"),
            ("-5", "USD", "en-US", "USD -5.00"),
        ] {
            assert_eq!(
                money(amount, currency, tag),
                written,
                "{amount} {currency} {tag}"
            );
        }
    }

    #[test]
    fn counts_are_grouped_from_four_digits_in_every_locale() {
        assert_eq!(format_count(1000, &Locale::negotiate("es-CL")), "1.000");
        assert_eq!(
            format_count(100_000, &Locale::negotiate("en-US")),
            "100,000"
        );
        assert_eq!(format_count(7, &Locale::negotiate("pt-BR")), "7");
    }

    #[test]
    fn number_styles_come_from_cldr() {
        let s = number_style(&Locale::negotiate("es-CO"));
        assert_eq!(
            (s.decimal.as_str(), s.group.as_str(), s.example.as_str()),
            (",", ".", "1.234,56")
        );
        let s = number_style(&Locale::negotiate("es-MX"));
        assert_eq!((s.decimal.as_str(), s.group.as_str()), (".", ","));
    }

    fn read(typed: &str, tag: &str) -> Result<String, AmountError> {
        read_amount(typed, &Locale::negotiate(tag)).map(|a| a.to_string())
    }

    #[test]
    fn typed_amounts_in_the_locales_own_style_are_stored_canonical() {
        for (typed, tag, canonical) in [
            ("1.234,56", "pt-BR", "1234.56"),
            ("1234,5", "pt-BR", "1234.50"),
            ("1.000", "es-CL", "1000.00"),
            ("1.500.000", "es-CO", "1500000.00"),
            ("1,234.56", "es-MX", "1234.56"),
            ("1234.56", "en-US", "1234.56"),
            ("1,000", "en-US", "1000.00"),
            (" 150 ", "pt-BR", "150.00"),
        ] {
            assert_eq!(
                read(typed, tag).as_deref(),
                Ok(canonical),
                "{typed} in {tag}"
            );
        }
    }

    proptest::proptest! {
        /// The window puts a journal amount back in the form (a correction) by replacing the
        /// decimal point with the locale's (`ui/src/i18n.ts`, `amountAsTyped`): every offered
        /// locale reads that text back as the same amount, never refused, never another one.
        #[test]
        fn a_canonical_amount_with_the_locales_decimal_reads_back_the_same(
            which in 0..super::super::OFFERED.len(),
            units in 1u64..99_999_999_999,
            cents in proptest::option::of(0u8..100),
            one_place in proptest::bool::ANY,
        ) {
            let locale = Locale::negotiate(super::super::OFFERED[which].0);
            let canonical = match cents {
                None => units.to_string(),
                Some(c) if one_place => format!("{units}.{}", c % 10),
                Some(c) => format!("{units}.{c:02}"),
            };
            let Ok(amount) = canonical.parse::<Amount>() else {
                return Ok(()); // past the largest amount: never in the journal
            };
            let style = number_style(&locale);
            let typed = canonical.replace('.', &style.decimal);
            let read = read_amount(&typed, &locale);
            proptest::prop_assert_eq!(read.map(|a| a.value()), Ok(amount.value()), "{} in {}", typed, locale.tag());
        }
    }

    #[test]
    fn typed_amounts_that_need_a_guess_are_refused_with_the_locales_way() {
        // The other convention's separators.
        assert!(matches!(
            read("1,234.56", "pt-BR"),
            Err(AmountError::OtherLocale { .. })
        ));
        assert!(matches!(
            read("150.25", "pt-BR"),
            Err(AmountError::OtherLocale { .. })
        ));
        assert!(matches!(
            read("1.234,56", "es-MX"),
            Err(AmountError::Grouped { .. }
                | AmountError::Unreadable { .. }
                | AmountError::OtherLocale { .. })
        ));
        // Three decimals are no amount: never read as 1.00.
        assert!(matches!(
            read("1.000", "en-US"),
            Err(AmountError::Ambiguous { .. })
        ));
        assert!(matches!(
            read("1,000", "pt-BR"),
            Err(AmountError::Ambiguous { .. })
        ));
        assert!(matches!(
            read("1,999", "es-CO"),
            Err(AmountError::ThreeDecimals { .. })
        ));
        // Irregular groups.
        assert!(matches!(
            read("12.34.567", "es-CO"),
            Err(AmountError::OtherLocale { .. })
        ));
        assert!(read("1,5", "en-US").is_err());
        assert!(matches!(read("0", "pt-BR"), Err(AmountError::NotPositive)));
        // Not a number, said with the locale's own example, never "type a dot".
        assert_eq!(
            read("abc", "pt-BR"),
            Err(AmountError::NotANumberHere {
                example: "1.234,56".into()
            })
        );
        assert_eq!(
            AmountError::NotANumberHere {
                example: "1.234,56".into()
            }
            .message(crate::l10n::Lang::PtBr),
            "o valor não é um número: digite algarismos, como 1.234,56"
        );
        assert!(matches!(read("abc", "es-MX"), Err(AmountError::NotANumber)));
        assert!(read("1e3", "pt-BR").is_err());
    }
}

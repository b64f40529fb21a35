//! Exact money amounts.
//!
//! An [`Amount`] is a positive decimal with at most two places, held as `rust_decimal::Decimal`
//! and never as `f64`. It crosses JSON as a *number* whose digits are written verbatim (through
//! `serde_json`'s raw values), so `100.10` is sent as `100.10` and the signed bytes are exactly
//! what the operator typed, normalised to two places. Parsing accepts a JSON number or a string.
//!
//! Left out: currency conversion and per-currency minimums (the provider enforces those, 533).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// Largest amount accepted locally: far above any real payout, small enough to catch typos such
/// as a pasted account number in the amount field.
const MAX_AMOUNT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// Why an amount was refused, shown at the amount field; the words quote what was typed (an
/// amount is not a secret) so the operator sees which reading was refused. They are
/// `core.ftl`'s `amount-*`: [`AmountError::message`] in any language, `Display` in English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("{}", self.message(crate::l10n::Lang::En))]
    NotANumber,
    #[error("{}", self.message(crate::l10n::Lang::En))]
    NotPositive,
    #[error("{}", self.message(crate::l10n::Lang::En))]
    TooManyDecimals,
    #[error("{}", self.message(crate::l10n::Lang::En))]
    TooLarge,
    /// `1e3`: exponents are how programs write numbers, not how an operator means an amount.
    #[error("{}", self.message(crate::l10n::Lang::En))]
    Exponent,
    /// One dot or comma followed by exactly three digits (`1.000`, `2,500`): a thousands
    /// separator in most of the operators' locales and a decimal point in others.
    #[error("{}", self.message(crate::l10n::Lang::En))]
    Ambiguous {
        typed: String,
        separator: char,
        /// The reading with the separator as a thousands separator, e.g. `1000`.
        thousands: String,
        /// The reading with the separator as a decimal point, e.g. `1.00`.
        decimal: String,
    },
    /// One separator before three digits that do not end in a zero (`1.999`): as a decimal
    /// point it would give three decimal places, which no amount has, so only the thousands
    /// reading is possible — and still not guessed.
    #[error("{}", self.message(crate::l10n::Lang::En))]
    ThreeDecimals {
        typed: String,
        separator: char,
        thousands: String,
    },
    /// Several separators (`1.500.000`, `1,234.56`): grouping is not read, because the same
    /// characters mean decimals elsewhere.
    #[error("{}", self.message(crate::l10n::Lang::En))]
    Grouped { suggestion: String },
    /// Several separators that do not group thousands consistently (`1,234.567`, `1.2.3`):
    /// no reading is offered, since any would be a guess.
    #[error("{}", self.message(crate::l10n::Lang::En))]
    Unreadable { typed: String },
    /// Written with separators the operator's locale does not use that way (`1,234.56` or
    /// `150.25` where `1.234,56` is the locale's form): reading it either way would be a guess.
    #[error("{}", self.message(crate::l10n::Lang::En))]
    OtherLocale {
        typed: String,
        locale: String,
        example: String,
    },
    /// No digits at all, typed by an operator of a locale whose amounts are written otherwise
    /// than the canonical `150.25` (the way to write one is the locale's, `150,25`).
    #[error("{}", self.message(crate::l10n::Lang::En))]
    NotANumberHere { example: String },
    /// `250000,50`: a decimal comma is not read until the form knows the operator's locale.
    #[error("{}", self.message(crate::l10n::Lang::En))]
    DecimalComma { suggestion: String },
}

impl AmountError {
    /// The refusal of `typed`, whose one `separator` comes before exactly three digits
    /// (`1.000`, `2,999`): its thousands reading (`whole` and `fraction` joined) and, when the
    /// digits end in a zero, its decimal reading written with `decimal_mark` ([`Self::Ambiguous`]);
    /// otherwise [`Self::ThreeDecimals`], since no amount has three decimal places. Both the
    /// canonical reader and the locale's ([`crate::l10n::numbers::read_amount`]) refuse so.
    pub(crate) fn three_digits_after(
        typed: &str,
        separator: char,
        whole: &str,
        fraction: &str,
        decimal_mark: char,
    ) -> Self {
        let thousands = match format!("{whole}{fraction}").trim_start_matches('0') {
            "" => "0".to_owned(),
            t => t.to_owned(),
        };
        match fraction.strip_suffix('0') {
            Some(two) => Self::Ambiguous {
                typed: typed.to_owned(),
                separator,
                thousands,
                decimal: format!(
                    "{}{decimal_mark}{two}",
                    whole.trim_start_matches('0').max("0")
                ),
            },
            None => Self::ThreeDecimals {
                typed: typed.to_owned(),
                separator,
                thousands,
            },
        }
    }

    /// What is wrong, in `lang` (the `amount-*` messages of `core.ftl`; in English also the
    /// `Display` text, for logs and the CLI's contract tests).
    #[must_use]
    pub fn message(&self, lang: crate::l10n::Lang) -> String {
        use crate::l10n::messages::{text, Arg};
        let c = |c: &char| Arg::Text(c.to_string());
        match self {
            Self::NotANumber => text(lang, "amount-not-a-number", &[]),
            Self::NotANumberHere { example } => text(
                lang,
                "amount-not-a-number-here",
                &[("example", example.clone().into())],
            ),
            Self::NotPositive => text(lang, "amount-not-positive", &[]),
            Self::TooManyDecimals => text(lang, "amount-too-many-decimals", &[]),
            Self::TooLarge => text(lang, "amount-too-large", &[]),
            Self::Exponent => text(lang, "amount-exponent", &[]),
            Self::Ambiguous {
                typed,
                separator,
                thousands,
                decimal,
            } => text(
                lang,
                "amount-ambiguous",
                &[
                    ("typed", typed.clone().into()),
                    ("separator", c(separator)),
                    ("thousands", thousands.clone().into()),
                    ("decimal", decimal.clone().into()),
                ],
            ),
            Self::ThreeDecimals {
                typed,
                separator,
                thousands,
            } => text(
                lang,
                "amount-three-decimals",
                &[
                    ("typed", typed.clone().into()),
                    ("separator", c(separator)),
                    ("thousands", thousands.clone().into()),
                ],
            ),
            Self::Grouped { suggestion } => text(
                lang,
                "amount-grouped",
                &[("suggestion", suggestion.clone().into())],
            ),
            Self::Unreadable { typed } => text(
                lang,
                "amount-unreadable",
                &[("typed", typed.clone().into())],
            ),
            Self::OtherLocale {
                typed,
                locale,
                example,
            } => text(
                lang,
                "amount-other-locale",
                &[
                    ("typed", typed.clone().into()),
                    ("locale", locale.clone().into()),
                    ("example", example.clone().into()),
                ],
            ),
            Self::DecimalComma { suggestion } => text(
                lang,
                "amount-decimal-comma",
                &[("suggestion", suggestion.clone().into())],
            ),
        }
    }
}

/// A payout amount: positive, at most two decimal places, exact.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(Decimal);

impl Amount {
    /// Checks and normalises a decimal: trailing zeros beyond two places are dropped
    /// (`10.500` → `10.50`), anything finer than a cent is refused.
    ///
    /// # Errors
    /// [`AmountError`] when the value is not positive, too fine or too large.
    pub fn new(value: Decimal) -> Result<Self, AmountError> {
        if value <= Decimal::ZERO {
            return Err(AmountError::NotPositive);
        }
        if value > MAX_AMOUNT {
            return Err(AmountError::TooLarge);
        }
        let normalised = value.normalize();
        if normalised.scale() > 2 {
            return Err(AmountError::TooManyDecimals);
        }
        let mut two_places = normalised;
        two_places.rescale(2);
        Ok(Self(two_places))
    }

    /// The exact decimal value.
    #[must_use]
    pub fn value(&self) -> Decimal {
        self.0
    }

    /// Whether the amount is a whole number (some currencies, e.g. CLP, have no minor unit).
    #[must_use]
    pub fn is_whole(&self) -> bool {
        self.0.fract().is_zero()
    }
}

impl FromStr for Amount {
    type Err = AmountError;
    /// Reads an amount as an operator typed it: digits with at most one dot before at most two
    /// decimals. Everything that could be read two ways is refused with both readings (see
    /// [`AmountError`]); nothing is ever guessed.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.starts_with('-') {
            return Err(AmountError::NotPositive);
        }
        let s = s.strip_prefix('+').unwrap_or(s);
        if s.is_empty() {
            return Err(AmountError::NotANumber);
        }
        if s.contains(['e', 'E'])
            && s.chars()
                .all(|c| c.is_ascii_digit() || ".,eE+-".contains(c))
        {
            return Err(AmountError::Exponent);
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(AmountError::NotANumber);
        }
        let separators: Vec<(usize, char)> = s
            .char_indices()
            .filter(|(_, c)| *c == '.' || *c == ',')
            .collect();
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() {
            return Err(AmountError::NotANumber);
        }
        let plain = match separators.as_slice() {
            [] => s.to_owned(),
            [(at, sep)] => {
                let (whole, fraction) = (&s[..*at], &s[at + 1..]);
                if fraction.len() == 3 && !whole.is_empty() {
                    return Err(AmountError::three_digits_after(
                        s, *sep, whole, fraction, '.',
                    ));
                }
                if *sep == ',' {
                    return Err(AmountError::DecimalComma {
                        suggestion: format!("{whole}.{fraction}"),
                    });
                }
                s.to_owned()
            }
            [..] => {
                return Err(match grouped_reading(s, &separators) {
                    Some(suggestion) => AmountError::Grouped { suggestion },
                    None => AmountError::Unreadable {
                        typed: s.to_owned(),
                    },
                })
            }
        };
        let d = Decimal::from_str_exact(&plain).map_err(|_| AmountError::NotANumber)?;
        Self::new(d)
    }
}

/// The one reading of an amount written with thousands groups, only to suggest how to write
/// it (it is never sent that way): `1.500.000` → `1500000`, `1,234.56` → `1234.56`. Offered
/// only when the grouping is regular: a first group of 1–3 digits, then groups of exactly 3
/// with one separator, and optionally the other separator before 1–2 decimals. Anything else
/// (`1,234.567`, `1.2.3`, `1,23,456`) has no reading that is not a guess.
fn grouped_reading(s: &str, separators: &[(usize, char)]) -> Option<String> {
    let (&(_, group), rest) = separators.split_first()?;
    let mut bounds: Vec<usize> = separators.iter().map(|(at, _)| *at).collect();
    // A last separator of the other kind marks the decimals.
    let decimals = match rest.last() {
        Some(&(at, sep)) if sep != group => {
            bounds.pop();
            let fraction = &s[at + 1..];
            if fraction.is_empty() || fraction.len() > 2 {
                return None;
            }
            Some(fraction)
        }
        _ => None,
    };
    if bounds.iter().any(|at| s.as_bytes()[*at] as char != group) {
        return None;
    }
    let end = decimals.map_or(s.len(), |f| s.len() - f.len() - 1);
    let mut start = 0;
    let mut whole = String::new();
    for (i, at) in bounds.iter().chain(std::iter::once(&end)).enumerate() {
        let part = &s[start..*at];
        let regular = if i == 0 {
            (1..=3).contains(&part.len())
        } else {
            part.len() == 3
        };
        if !regular {
            return None;
        }
        whole.push_str(part);
        start = at + 1;
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    Some(match decimals {
        Some(f) => format!("{whole}.{f}"),
        None => whole.to_owned(),
    })
}

impl fmt::Display for Amount {
    /// Always two places, no grouping: the form sent on the wire.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Amount({})", self.0)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A raw JSON number keeps the exact digits; a float would not.
        let raw = RawValue::from_string(self.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw: Box<RawValue> = Deserialize::deserialize(deserializer)?;
        let text = raw.get().trim();
        let unquoted = if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'))
        {
            inner
        } else {
            text
        };
        unquoted.parse().map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str) -> Amount {
        s.parse().expect("valid amount in test")
    }

    #[test]
    fn every_refusal_reads_the_same_in_english_through_the_messages() {
        use crate::l10n::Lang;
        for typed in [
            "abc",
            "0",
            "1.005",
            "2000000000",
            "1e3",
            "1.000",
            "1.999",
            "1.500.000",
            "1,234.567",
            "250000,50",
        ] {
            let e = typed.parse::<Amount>().expect_err(typed);
            assert_eq!(e.message(Lang::En), e.to_string(), "{typed}");
            assert_ne!(e.message(Lang::PtBr), e.to_string(), "{typed}");
        }
        let other = AmountError::OtherLocale {
            typed: "1,5".into(),
            locale: "pt-BR".into(),
            example: "1.234,56".into(),
        };
        assert_eq!(other.message(Lang::En), other.to_string());
    }

    #[test]
    fn amount_with_trailing_zeros_normalises_to_two_places() {
        assert_eq!(amount("10.50").to_string(), "10.50");
        assert_eq!(amount("10.5").to_string(), "10.50");
        assert_eq!(amount("100").to_string(), "100.00");
        assert_eq!(amount("0.01").to_string(), "0.01");
    }

    #[test]
    fn amount_finer_than_a_cent_is_refused() {
        assert_eq!(
            "10.0001".parse::<Amount>(),
            Err(AmountError::TooManyDecimals)
        );
        // Four places are not a thousands pattern: trailing zeros are read as written.
        assert_eq!(
            "10.0000".parse::<Amount>().map(|a| a.to_string()),
            Ok("10.00".into())
        );
    }

    #[test]
    fn zero_negative_and_text_are_refused() {
        assert_eq!("0".parse::<Amount>(), Err(AmountError::NotPositive));
        assert_eq!("-5".parse::<Amount>(), Err(AmountError::NotPositive));
        assert_eq!("abc".parse::<Amount>(), Err(AmountError::NotANumber));
        assert_eq!("1e3".parse::<Amount>(), Err(AmountError::Exponent));
        assert_eq!("1E+3".parse::<Amount>(), Err(AmountError::Exponent));
        assert_eq!("1e400".parse::<Amount>(), Err(AmountError::Exponent));
        assert_eq!("".parse::<Amount>(), Err(AmountError::NotANumber));
    }

    #[test]
    fn amount_serialises_as_exact_json_number() {
        let json = serde_json::to_string(&amount("0.10")).expect("serialise");
        assert_eq!(json, "0.10");
        let json = serde_json::to_string(&serde_json::json!({"a": 1})).expect("serialise");
        assert_eq!(json, r#"{"a":1}"#);
    }

    #[test]
    fn amount_parses_from_number_or_string_exactly() {
        let a: Amount = serde_json::from_str("1234567.89").expect("number");
        assert_eq!(a.to_string(), "1234567.89");
        let b: Amount = serde_json::from_str("\"0.30\"").expect("string");
        assert_eq!(b.to_string(), "0.30");
        // 0.1 + 0.2 style float trouble cannot appear: digits are never parsed as f64.
        let c: Amount = serde_json::from_str("0.3").expect("number");
        assert_eq!(c.to_string(), "0.30");
        assert!(serde_json::from_str::<Amount>("0.01").is_ok());
        assert!(serde_json::from_str::<Amount>("0.0001").is_err());
    }

    #[test]
    fn a_separator_before_exactly_three_digits_is_refused_with_both_readings() {
        let e = "1.000".parse::<Amount>().expect_err("ambiguous");
        assert_eq!(
            e.to_string(),
            "1.000 is ambiguous: it reads as 1000 where '.' groups thousands, and as 1.00 where \
             it marks decimals; type 1000 or 1.00"
        );
        let e = "2,500".parse::<Amount>().expect_err("ambiguous");
        assert!(
            matches!(e, AmountError::Ambiguous { ref thousands, ref decimal, separator: ',', .. }
            if thousands == "2500" && decimal == "2.50"),
            "{e:?}"
        );
        // Readings are exact: three decimals that do not end in a zero are not rounded into
        // a second reading.
        let e = "250000.555".parse::<Amount>().expect_err("ambiguous");
        assert!(e.to_string().contains("250000555"), "{e}");
        assert!(e.to_string().contains("three decimal places"), "{e}");
        assert!(!e.to_string().contains("250000.56"), "{e}");
        let e = "1.999".parse::<Amount>().expect_err("ambiguous");
        assert!(!e.to_string().contains("2.00"), "{e}");
        assert!(matches!(
            "0.250".parse::<Amount>(),
            Err(AmountError::Ambiguous { ref decimal, .. }) if decimal == "0.25"
        ));
        // Many decimals are never rounded into an amount.
        assert_eq!(
            "150.2499999999999999".parse::<Amount>(),
            Err(AmountError::TooManyDecimals)
        );
        assert!(serde_json::from_str::<Amount>("150.2499999999999999").is_err());
        // As a JSON number too: the file was typed by a person.
        assert!(serde_json::from_str::<Amount>("1.000").is_err());
    }

    #[test]
    fn grouped_amounts_and_decimal_commas_are_refused_with_how_to_write_them() {
        assert_eq!(
            "1.500.000".parse::<Amount>(),
            Err(AmountError::Grouped {
                suggestion: "1500000".into()
            })
        );
        assert_eq!(
            "1,234.56".parse::<Amount>(),
            Err(AmountError::Grouped {
                suggestion: "1234.56".into()
            })
        );
        assert_eq!(
            "1.234.567,5".parse::<Amount>(),
            Err(AmountError::Grouped {
                suggestion: "1234567.5".into()
            })
        );
        // Irregular grouping: any reading would be a guess (1,234.567 is not 1234567).
        for unclear in [
            "1,234.567",
            "1,234.5678",
            "1.2.3",
            "1,23,456",
            "1.234,",
            ".123.456",
            "1,234,56.78",
        ] {
            assert_eq!(
                unclear.parse::<Amount>(),
                Err(AmountError::Unreadable {
                    typed: unclear.into()
                }),
                "{unclear}"
            );
        }
        assert_eq!(
            "250000,50".parse::<Amount>(),
            Err(AmountError::DecimalComma {
                suggestion: "250000.50".into()
            })
        );
        assert_eq!(
            "12,5".parse::<Amount>(),
            Err(AmountError::DecimalComma {
                suggestion: "12.5".into()
            })
        );
        assert_eq!("".parse::<Amount>(), Err(AmountError::NotANumber));
        assert_eq!(".".parse::<Amount>(), Err(AmountError::NotANumber));
        assert_eq!(
            "150.25".parse::<Amount>().map(|a| a.to_string()),
            Ok("150.25".into())
        );
        assert_eq!(
            ".5".parse::<Amount>().map(|a| a.to_string()),
            Ok("0.50".into())
        );
    }
}

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

/// Why an amount was refused. The texts are shown to operators as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("the amount is not a number")]
    NotANumber,
    #[error("the amount must be greater than zero")]
    NotPositive,
    #[error("the amount can have at most 2 decimal places")]
    TooManyDecimals,
    #[error("the amount is larger than 1,000,000,000")]
    TooLarge,
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
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        // Exponents and signs other than a plain positive decimal are operator typos here.
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(if s.starts_with('-') {
                AmountError::NotPositive
            } else {
                AmountError::NotANumber
            });
        }
        let d = Decimal::from_str_exact(s).map_err(|_| AmountError::NotANumber)?;
        Self::new(d)
    }
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
    fn amount_with_trailing_zeros_normalises_to_two_places() {
        assert_eq!(amount("10.500").to_string(), "10.50");
        assert_eq!(amount("100").to_string(), "100.00");
        assert_eq!(amount("0.01").to_string(), "0.01");
    }

    #[test]
    fn amount_finer_than_a_cent_is_refused() {
        assert_eq!(
            "10.001".parse::<Amount>(),
            Err(AmountError::TooManyDecimals)
        );
    }

    #[test]
    fn zero_negative_and_text_are_refused() {
        assert_eq!("0".parse::<Amount>(), Err(AmountError::NotPositive));
        assert_eq!("-5".parse::<Amount>(), Err(AmountError::NotPositive));
        assert_eq!("abc".parse::<Amount>(), Err(AmountError::NotANumber));
        assert_eq!("1e3".parse::<Amount>(), Err(AmountError::NotANumber));
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
        assert!(serde_json::from_str::<Amount>("0.001").is_err());
    }
}

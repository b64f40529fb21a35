//! The `amount` of a create, read exactly from its JSON text (reference §5.1: a number, "up to 2
//! decimals", "multiple of 0.01").
//!
//! Guarantees: the value never passes through a float; trailing zeros do not count as decimal
//! places (`10.500` is a multiple of 0.01); anything the reference does not call a number with
//! up to two decimals is refused with a sentence for the 300 answer.
//!
//! Left out: per-currency minimums (533, only rehearsed through a trigger) and exponent forms
//! such as `1e2`, which are valid JSON but which no documented client sends.

use rust_decimal::Decimal;

/// The most integer digits accepted; beyond this the value is no payout at all (and would not
/// fit the decimal type).
const MAX_INTEGER_DIGITS: usize = 18;

/// The amount in `raw` (the field's JSON text).
///
/// # Errors
/// Why the text is not a positive JSON number with at most two decimal places.
pub(crate) fn parse(raw: &str) -> Result<Decimal, String> {
    if raw.starts_with('"') {
        return Err("must be a JSON number, not a string".into());
    }
    if !raw.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return Err("must be a number".into());
    }
    if raw.contains(['e', 'E']) {
        return Err("must be written as a plain decimal, without an exponent".into());
    }
    if raw.starts_with('-') {
        return Err("must be greater than 0".into());
    }
    let (integer, fraction) = raw.split_once('.').unwrap_or((raw, ""));
    if fraction.trim_end_matches('0').len() > 2 {
        return Err("can have at most 2 decimal places".into());
    }
    if integer.len() > MAX_INTEGER_DIGITS {
        return Err("is too large".into());
    }
    let kept = fraction.len().min(2);
    let exact = format!("{integer}.{:0<2}", &fraction[..kept]);
    let value = Decimal::from_str_exact(&exact).map_err(|_| "must be a number".to_owned())?;
    if value.is_zero() {
        return Err("must be greater than 0".into());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str) -> String {
        parse(raw).map(|d| d.to_string()).unwrap_or_else(|e| e)
    }

    #[test]
    fn plain_numbers_are_read_exactly_to_two_places() {
        assert_eq!(ok("100.10"), "100.10");
        assert_eq!(ok("5"), "5.00");
        assert_eq!(ok("0.01"), "0.01");
        assert_eq!(ok("10.500"), "10.50");
        assert_eq!(ok("1000000.00"), "1000000.00");
        assert_eq!(ok("123456789012345678.99"), "123456789012345678.99");
    }

    #[test]
    fn finer_than_a_cent_is_refused() {
        assert!(parse("10.001").is_err());
        assert!(parse("0.005").is_err());
    }

    #[test]
    fn strings_exponents_signs_and_zero_are_refused() {
        for bad in [
            "\"100.10\"",
            "1e2",
            "1E2",
            "-5",
            "0",
            "0.00",
            "true",
            "[1]",
            "{}",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(parse("1234567890123456789").is_err());
    }
}

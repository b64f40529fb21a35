//! What the sandbox knows about countries and banks: the local currency of each country it
//! serves, and the two bank-list shapes built from the core bank table (`cashout_core::banks`).
//!
//! The bank table is the core's, not a copy, so a bank code the app offers is a bank code the
//! sandbox accepts. ISPB numbers (Brazil's central-bank participant ids) are public registry
//! values, shown only for realism in the OKP list and the status `bank` object.
//!
//! Left out: licensing (every listed bank is `bank_licensed: true`) and FX.

use cashout_core::banks::{self, KnownBank, Method};
use serde_json::{json, Value};

/// The countries the sandbox serves and their local currencies.
const COUNTRIES: &[(&str, &str)] = &[
    ("BR", "BRL"),
    ("MX", "MXN"),
    ("CO", "COP"),
    ("PE", "PEN"),
    ("CL", "CLP"),
    ("AR", "ARS"),
];

/// Every country may also pay out in US dollars (reference §5.1).
pub(crate) const USD: &str = "USD";

/// The local currency of a served country.
pub(crate) fn local_currency(country: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(c, _)| *c == country)
        .map(|(_, cur)| *cur)
}

/// ISPB of the Brazilian banks in the core table (BCB participant registry).
fn ispb(bank: &KnownBank) -> Option<u32> {
    if bank.country != "BR" {
        return None;
    }
    Some(match bank.code {
        "001" => 0,
        "033" => 90_400_888,
        "041" => 92_702_067,
        "104" => 360_305,
        "237" => 60_746_948,
        "323" => 10_573_521,
        "341" => 60_701_190,
        _ => return None,
    })
}

/// The ISPB as the status answer shows it: eight digits, leading zeros kept.
pub(crate) fn ispb_text(bank: &KnownBank) -> Option<String> {
    ispb(bank).map(|n| format!("{n:08}"))
}

/// Whether a cashout to this bank code is a Brazilian PIX payout (it gets an E2E id).
pub(crate) fn is_pix(country: &str, bank_code: Option<&str>) -> bool {
    let Some(code) = bank_code else { return false };
    banks::find(country, code).is_some_and(|b| {
        matches!(
            b.method,
            Method::PixPhone | Method::PixEmail | Method::PixDocument | Method::PixRandom
        )
    })
}

/// A bank code as a JSON value: a number when that loses nothing, else a string. The schema
/// types bank codes as numbers, but `"001"` as a number would become `1` (reference §14.8).
fn code_value(code: &str) -> Value {
    let numeric = !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit());
    match code.parse::<u64>() {
        Ok(n) if numeric && !code.starts_with('0') => json!(n),
        _ => json!(code),
    }
}

/// `GET /v3/banks?country=CC` (D24 shape): `[{"code": .., "name": ..}]`.
pub(crate) fn d24_list(country: &str) -> Value {
    Value::Array(
        banks::for_country(country)
            .map(|b| json!({"code": code_value(b.code), "name": b.name}))
            .collect(),
    )
}

/// `GET /v1/country/{CC}/authorized-banks` (OKP shape).
pub(crate) fn okp_list(country: &str) -> Value {
    Value::Array(
        banks::for_country(country)
            .map(|b| {
                json!({
                    "bank_code": code_value(b.code),
                    "ispb_code": ispb(b),
                    "bank_name": b.name,
                    "bank_licensed": true,
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_with_leading_zeros_stay_strings() {
        assert_eq!(code_value("001"), json!("001"));
        assert_eq!(code_value("10000"), json!(10000));
        assert_eq!(code_value("0"), json!("0"));
    }

    #[test]
    fn every_served_country_has_banks() {
        for (country, _) in COUNTRIES {
            assert!(banks::for_country(country).count() > 0, "{country}");
        }
    }

    #[test]
    fn pix_is_recognised_by_pseudo_bank_code() {
        assert!(is_pix("BR", Some("10002")));
        assert!(!is_pix("BR", Some("001")));
        assert!(!is_pix("CO", Some("10003")));
        assert!(!is_pix("BR", None));
    }
}

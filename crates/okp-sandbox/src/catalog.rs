//! What the sandbox knows about countries and banks, as its own data: the countries it serves
//! with their local currencies (§5.1–§5.2), the banks and payout methods per country with their
//! pseudo codes (PIX keys, wallets), and the two bank-list shapes of §10.
//!
//! Guarantees: a bank code is accepted on create exactly when it is on this list (or, for
//! Brazil, is the ISPB of a listed bank, §5.1 "bank code or ISPB"), so the sandbox's bank lists
//! and its create checks never disagree. The values started as a copy of the app's table; they
//! are data here, kept by hand, and checked against the reference rather than the app.
//!
//! Not listed on purpose: a PIX random-key (EVP) code. The reference does not document one
//! (`10003` is only suspected, §5.2, and where the key would travel is unknown), so a payout
//! asking for it is refused as an unknown bank. ISPB numbers are public registry values, shown
//! for realism. Left out: licensing (every listed bank is `bank_licensed: true`) and FX.

use serde_json::{json, Value};

/// The countries the sandbox serves and their local currencies (§5.2).
const COUNTRIES: &[(&str, &str)] = &[
    ("BR", "BRL"),
    ("MX", "MXN"),
    ("CO", "COP"),
    ("PE", "PEN"),
    ("CL", "CLP"),
    ("AR", "ARS"),
];

/// Every country may also pay out in US dollars (§5.1).
pub(crate) const USD: &str = "USD";

/// The local currency of a served country.
pub(crate) fn local_currency(country: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(c, _)| *c == country)
        .map(|(_, cur)| *cur)
}

/// How a payout reaches the beneficiary, selected by the bank code (§5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    /// An ordinary bank transfer.
    Transfer,
    /// BR PIX, code 10000: the key is `phone`.
    PixPhone,
    /// BR PIX, code 10001: the key is `email`.
    PixEmail,
    /// BR PIX, code 10002: the key is `document_id`.
    PixDocument,
    /// CO Nequi / Daviplata: `bank_account` is the mobile number.
    AccountIsPhone,
    /// CO Efecty, PE Yape / Plin: empty account, `phone` required.
    ByPhone,
    /// CO Punto Red: empty account, `phone` and `email` required.
    ByPhoneAndEmail,
    /// AR iCash: `email` required.
    ByEmail,
}

impl Method {
    /// Whether this is a Brazilian PIX payout (it gets an end-to-end id once delivered).
    pub(crate) fn is_pix(self) -> bool {
        matches!(self, Self::PixPhone | Self::PixEmail | Self::PixDocument)
    }
}

/// A Brazilian bank's published account pattern `^\d{min,max}(-)?[\d]$` (or `[\dxX]` as the
/// last character when `x`), §5.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AccountPattern {
    pub min: usize,
    pub max: usize,
    pub x: bool,
}

/// A bank or payout method of one country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bank {
    pub country: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub method: Method,
    /// Brazil: the participant id in the central bank's registry.
    pub ispb: Option<u32>,
    /// Brazil: the account pattern the provider publishes for this bank.
    pub account: Option<AccountPattern>,
}

const fn br(code: &'static str, name: &'static str, ispb: u32, p: (usize, usize, bool)) -> Bank {
    Bank {
        country: "BR",
        code,
        name,
        method: Method::Transfer,
        ispb: Some(ispb),
        account: Some(AccountPattern {
            min: p.0,
            max: p.1,
            x: p.2,
        }),
    }
}

const fn bank(country: &'static str, code: &'static str, name: &'static str) -> Bank {
    special(country, code, name, Method::Transfer)
}

const fn special(
    country: &'static str,
    code: &'static str,
    name: &'static str,
    method: Method,
) -> Bank {
    Bank {
        country,
        code,
        name,
        method,
        ispb: None,
        account: None,
    }
}

/// The banks and methods per country.
const BANKS: &[Bank] = &[
    // The Brazilian patterns of §5.2, e.g. Banco do Brasil `^\d{1,9}(-)?[\dxX]$`.
    br("001", "Banco do Brasil", 0, (1, 9, true)),
    br("033", "Santander", 90_400_888, (7, 8, false)),
    br("041", "Banrisul", 92_702_067, (9, 9, false)),
    br("104", "Caixa Econômica Federal", 360_305, (1, 14, false)),
    br("237", "Bradesco", 60_746_948, (1, 7, false)),
    br("323", "Mercado Pago", 10_573_521, (1, 9, false)),
    br("341", "Itaú", 60_701_190, (1, 5, false)),
    special("BR", "10000", "PIX — phone key", Method::PixPhone),
    special("BR", "10001", "PIX — e-mail key", Method::PixEmail),
    special(
        "BR",
        "10002",
        "PIX — document key (CPF/CNPJ)",
        Method::PixDocument,
    ),
    bank("MX", "002", "Banamex"),
    bank("MX", "012", "BBVA México"),
    bank("MX", "014", "Santander México"),
    bank("MX", "021", "HSBC México"),
    bank("MX", "072", "Banorte"),
    bank("MX", "137", "BanCoppel"),
    bank("CO", "1007", "Bancolombia"),
    bank("CO", "1013", "BBVA Colombia"),
    bank("CO", "1051", "Davivienda"),
    bank("CO", "1001", "Banco de Bogotá"),
    special("CO", "1507", "Nequi", Method::AccountIsPhone),
    special("CO", "1551", "Daviplata", Method::AccountIsPhone),
    special("CO", "10003", "Efecty", Method::ByPhone),
    special("CO", "10006", "Punto Red", Method::ByPhoneAndEmail),
    bank("PE", "002", "BCP — Banco de Crédito del Perú"),
    bank("PE", "003", "Interbank"),
    bank("PE", "009", "Scotiabank Perú"),
    bank("PE", "011", "BBVA Perú"),
    special("PE", "901", "Yape", Method::ByPhone),
    special("PE", "902", "Plin", Method::ByPhone),
    bank("CL", "001", "Banco de Chile"),
    bank("CL", "012", "BancoEstado"),
    bank("CL", "016", "BCI"),
    bank("CL", "037", "Santander Chile"),
    bank("CL", "116", "BCI (Mach)"),
    bank("CL", "504", "BBVA Chile"),
    bank("AR", "007", "Banco de Galicia"),
    bank("AR", "011", "Banco de la Nación Argentina"),
    bank("AR", "072", "Santander Argentina"),
    bank("AR", "285", "Banco Macro"),
    special("AR", "998", "iCash", Method::ByEmail),
];

/// The banks of a country.
pub(crate) fn banks_of(country: &str) -> impl Iterator<Item = &'static Bank> + '_ {
    BANKS.iter().filter(move |b| b.country == country)
}

/// The bank a create's `bank_code` names: by code, or in Brazil also by 8-digit ISPB.
pub(crate) fn find(country: &str, code: &str) -> Option<&'static Bank> {
    banks_of(country).find(|b| b.code == code).or_else(|| {
        let by_ispb =
            country == "BR" && code.len() == 8 && code.bytes().all(|c| c.is_ascii_digit());
        by_ispb
            .then(|| code.parse::<u32>().ok())
            .flatten()
            .and_then(|n| banks_of(country).find(|b| b.ispb == Some(n)))
    })
}

/// The ISPB as the status answer shows it: eight digits, leading zeros kept.
pub(crate) fn ispb_text(bank: &Bank) -> Option<String> {
    bank.ispb.map(|n| format!("{n:08}"))
}

/// A bank code as a JSON value: a number when that loses nothing, else a string. The schema
/// types bank codes as numbers, but `"001"` as a number would become `1` (§14.8).
fn code_value(code: &str) -> Value {
    let numeric = !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit());
    match code.parse::<u64>() {
        Ok(n) if numeric && !code.starts_with('0') => json!(n),
        _ => json!(code),
    }
}

/// `GET /v3/banks?country=CC` (D24 shape, §10): `[{"code": .., "name": ..}]`.
pub(crate) fn d24_list(country: &str) -> Value {
    Value::Array(
        banks_of(country)
            .map(|b| json!({"code": code_value(b.code), "name": b.name}))
            .collect(),
    )
}

/// `GET /v1/country/{CC}/authorized-banks` (OKP shape, §10).
pub(crate) fn okp_list(country: &str) -> Value {
    Value::Array(
        banks_of(country)
            .map(|b| {
                json!({
                    "bank_code": code_value(b.code),
                    "ispb_code": b.ispb,
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
    fn every_served_country_has_banks_and_codes_are_unique_per_country() {
        for (country, _) in COUNTRIES {
            let codes: Vec<&str> = banks_of(country).map(|b| b.code).collect();
            assert!(!codes.is_empty(), "{country}");
            for (i, c) in codes.iter().enumerate() {
                assert!(!codes[i + 1..].contains(c), "{country} {c} twice");
            }
        }
    }

    #[test]
    fn pix_is_recognised_by_pseudo_bank_code_and_has_no_random_key_code() {
        assert!(find("BR", "10002").is_some_and(|b| b.method.is_pix()));
        assert!(find("BR", "001").is_some_and(|b| !b.method.is_pix()));
        assert!(find("BR", "10003").is_none());
        assert!(find("CO", "10003").is_some_and(|b| b.method == Method::ByPhone));
    }

    #[test]
    fn brazilian_banks_are_found_by_ispb_too() {
        assert_eq!(find("BR", "60746948").map(|b| b.code), Some("237"));
        assert_eq!(find("BR", "00000000").map(|b| b.code), Some("001"));
        assert!(find("BR", "12345678").is_none());
        assert!(find("MX", "60746948").is_none());
    }
}

//! The banks and payout methods this program knows per country, with the pseudo bank codes that
//! select PIX keys and wallets. The live list comes from the provider's bank-list endpoint;
//! this table feeds validation (which rules apply to which code) and the embedded sandbox.
//!
//! UNCONFIRMED facts live here and only here: the PIX random-key (EVP) code `10003` is
//! suspected, not documented (reference §5.2); where its key travels (`bank_account`) is ours.

/// How a payout reaches the beneficiary, decided by the bank code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Ordinary bank transfer (account, branch, type).
    BankTransfer,
    /// Brazil PIX keyed by the beneficiary's phone (`phone`).
    PixPhone,
    /// Brazil PIX keyed by e-mail (`email`).
    PixEmail,
    /// Brazil PIX keyed by the beneficiary's document (`document_id`).
    PixDocument,
    /// Brazil PIX random key (EVP, a UUID) in `bank_account`. Code UNCONFIRMED.
    PixRandom,
    /// A wallet addressed by the mobile number in `bank_account` (Nequi, Daviplata).
    WalletAccountIsPhone,
    /// A wallet or cash network addressed by `phone`, with an empty account (Yape, Plin, Efecty).
    WalletByPhone,
    /// Punto Red: phone and e-mail, empty account.
    WalletByPhoneAndEmail,
    /// Argentina iCash: e-mail required.
    WalletByEmail,
}

/// A known bank or payout method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownBank {
    pub country: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub method: Method,
    /// Brazil: the bank's published account-number pattern, when known.
    pub account_pattern: Option<&'static str>,
}

const fn bank(country: &'static str, code: &'static str, name: &'static str) -> KnownBank {
    KnownBank {
        country,
        code,
        name,
        method: Method::BankTransfer,
        account_pattern: None,
    }
}

const fn br(code: &'static str, name: &'static str, pattern: &'static str) -> KnownBank {
    KnownBank {
        country: "BR",
        code,
        name,
        method: Method::BankTransfer,
        account_pattern: Some(pattern),
    }
}

const fn special(
    country: &'static str,
    code: &'static str,
    name: &'static str,
    method: Method,
) -> KnownBank {
    KnownBank {
        country,
        code,
        name,
        method,
        account_pattern: None,
    }
}

/// The table.
pub const KNOWN_BANKS: &[KnownBank] = &[
    br("001", "Banco do Brasil", r"^\d{1,9}(-)?[\dxX]$"),
    br("033", "Santander", r"^\d{7,8}(-)?[\d]$"),
    br("041", "Banrisul", r"^\d{9}(-)?[\d]$"),
    br("104", "Caixa Econômica Federal", r"^\d{1,14}(-)?[\d]$"),
    br("237", "Bradesco", r"^\d{1,7}(-)?[\d]$"),
    br("323", "Mercado Pago", r"^\d{1,9}(-)?[\d]$"),
    br("341", "Itaú", r"^\d{1,5}(-)?[\d]$"),
    special("BR", "10000", "PIX — phone key", Method::PixPhone),
    special("BR", "10001", "PIX — e-mail key", Method::PixEmail),
    special(
        "BR",
        "10002",
        "PIX — document key (CPF/CNPJ)",
        Method::PixDocument,
    ),
    special("BR", "10003", "PIX — random key (EVP)", Method::PixRandom),
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
    special("CO", "1507", "Nequi", Method::WalletAccountIsPhone),
    special("CO", "1551", "Daviplata", Method::WalletAccountIsPhone),
    special("CO", "10003", "Efecty", Method::WalletByPhone),
    special("CO", "10006", "Punto Red", Method::WalletByPhoneAndEmail),
    bank("PE", "002", "BCP — Banco de Crédito del Perú"),
    bank("PE", "003", "Interbank"),
    bank("PE", "009", "Scotiabank Perú"),
    bank("PE", "011", "BBVA Perú"),
    special("PE", "901", "Yape", Method::WalletByPhone),
    special("PE", "902", "Plin", Method::WalletByPhone),
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
    special("AR", "998", "iCash", Method::WalletByEmail),
];

/// The known banks of a country (ISO alpha-2, upper case).
pub fn for_country(country: &str) -> impl Iterator<Item = &'static KnownBank> + '_ {
    KNOWN_BANKS.iter().filter(move |b| b.country == country)
}

/// A known bank by country and code.
#[must_use]
pub fn find(country: &str, code: &str) -> Option<&'static KnownBank> {
    KNOWN_BANKS
        .iter()
        .find(|b| b.country == country && b.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_within_a_country() {
        for (i, a) in KNOWN_BANKS.iter().enumerate() {
            assert!(
                KNOWN_BANKS[i + 1..]
                    .iter()
                    .all(|b| !(b.country == a.country && b.code == a.code)),
                "{} {} twice",
                a.country,
                a.code
            );
        }
    }

    #[test]
    fn pix_codes_select_pix_methods() {
        assert_eq!(
            find("BR", "10000").map(|b| b.method),
            Some(Method::PixPhone)
        );
        assert_eq!(
            find("BR", "001").map(|b| b.method),
            Some(Method::BankTransfer)
        );
        assert_eq!(
            find("CO", "10003").map(|b| b.method),
            Some(Method::WalletByPhone)
        );
        assert!(find("BR", "999").is_none());
        assert_eq!(for_country("PE").count(), 6);
    }
}

//! What the new-cashout form asks for, per country and payout method, derived from the same
//! tables validation uses (`validate::Country`, `banks`). The desktop app draws its form from
//! this; it never restates which fields a country or method needs.
//!
//! Guarantees: every method listed here is one validation accepts, with the fields it
//! requires marked required. Left out: field *rules* (lengths, check digits) — the form asks
//! the core to validate, and shows the core's messages.

use serde::Serialize;
use ts_rs::TS;

use crate::banks::{self, Method};
use crate::validate::Country;

/// One input of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldSpec {
    /// The request field it fills (`bank_account`, `phone`, …).
    pub name: &'static str,
    pub label: &'static str,
    pub required: bool,
    /// A short example or format hint.
    pub hint: &'static str,
}

/// A way to pay in a country: a bank transfer to a chosen bank, or a PIX key / wallet with a
/// fixed pseudo bank code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MethodForm {
    pub id: &'static str,
    pub label: &'static str,
    /// The `bank_code` this method always sends (PIX keys, wallets); `None` when the operator
    /// picks a bank, or when the account number names the bank (CLABE, CCI, CBU).
    pub bank_code: Option<&'static str>,
    /// The operator picks the bank from the list.
    pub pick_bank: bool,
    pub fields: Vec<FieldSpec>,
}

/// A choice with a code and its meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Choice {
    pub code: &'static str,
    pub label: &'static str,
}

/// Everything the form needs for one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CountryForm {
    pub code: &'static str,
    pub name: &'static str,
    /// Local currency.
    pub currency: &'static str,
    /// The currencies a payout may be requested in: the local one, then USD.
    pub currencies: Vec<&'static str>,
    pub document_types: Vec<&'static str>,
    pub account_types: Vec<Choice>,
    pub lastname_required: bool,
    pub address_required: bool,
    pub methods: Vec<MethodForm>,
}

const fn field(name: &'static str, label: &'static str, hint: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        label,
        required: true,
        hint,
    }
}

fn account_fields(country: Country) -> Vec<FieldSpec> {
    let (label, hint) = match country {
        Country::Mx => ("CLABE", "18 digits, e.g. 021790064060296642"),
        Country::Pe => ("CCI", "20 digits, e.g. 00219300153895206813"),
        Country::Ar => ("CBU / CVU", "22 digits, e.g. 2850590940090418135201"),
        Country::Co => ("Account number", "8 to 19 digits"),
        Country::Cl => ("Account number", "6 to 16 digits"),
        Country::Br => ("Account number", "with its check digit, e.g. 3423422-7"),
    };
    let mut fields = vec![field("bank_account", label, hint)];
    if country == Country::Br {
        fields.push(field("bank_branch", "Branch (agência)", "e.g. 1234"));
    }
    if matches!(country, Country::Br | Country::Co | Country::Cl) {
        fields.push(field("account_type", "Account type", ""));
    }
    fields
}

fn special_method(b: &banks::KnownBank) -> MethodForm {
    let fields = match b.method {
        Method::PixPhone => vec![field("phone", "PIX phone key", "+5511987654321")],
        Method::PixEmail => vec![field("email", "PIX e-mail key", "ana@example.com")],
        Method::PixDocument => Vec::new(),
        Method::PixRandom => vec![field(
            "bank_account",
            "PIX random key",
            "UUID, e.g. 123e4567-e89b-42d3-a456-426614174000",
        )],
        Method::WalletAccountIsPhone => vec![field(
            "bank_account",
            "Mobile number",
            "digits only, e.g. 3001234567",
        )],
        Method::WalletByPhone if b.country == "CO" => {
            vec![field("phone", "Phone", "+57 and 10 digits")]
        }
        Method::WalletByPhone => vec![field("phone", "Phone", "10 or 11 digits")],
        Method::WalletByPhoneAndEmail => {
            vec![
                field("phone", "Phone", "+57 and 10 digits"),
                field("email", "E-mail", ""),
            ]
        }
        Method::WalletByEmail => vec![field("email", "E-mail", "")],
        Method::BankTransfer => Vec::new(),
    };
    MethodForm {
        id: b.code,
        label: b.name,
        bank_code: Some(b.code),
        pick_bank: false,
        fields,
    }
}

/// The form of one country (ISO alpha-2, any case).
#[must_use]
pub fn country_form(code: &str) -> Option<CountryForm> {
    let country = Country::parse(&code.to_ascii_uppercase())?;
    let transfer_label = match country {
        Country::Mx => "Bank transfer (CLABE)",
        Country::Pe => "Bank transfer (CCI)",
        Country::Ar => "Bank transfer (CBU / CVU)",
        _ => "Bank transfer",
    };
    // Where the account number names the bank, there is nothing to pick.
    let pick_bank = matches!(country, Country::Br | Country::Co | Country::Cl);
    let mut methods = vec![MethodForm {
        id: "bank_transfer",
        label: transfer_label,
        bank_code: None,
        pick_bank,
        fields: account_fields(country),
    }];
    methods.extend(
        banks::for_country(country.code())
            .filter(|b| b.method != Method::BankTransfer)
            .map(special_method),
    );
    Some(CountryForm {
        code: country.code(),
        name: country.name(),
        currency: country.currency(),
        currencies: vec![country.currency(), "USD"],
        document_types: country.document_types().to_vec(),
        account_types: country
            .account_types()
            .iter()
            .map(|(code, label)| Choice { code, label })
            .collect(),
        lastname_required: country.lastname_required(),
        address_required: country == Country::Co,
        methods,
    })
}

/// Every country's form, in the order shown.
#[must_use]
pub fn countries() -> Vec<CountryForm> {
    Country::ALL
        .iter()
        .filter_map(|c| country_form(c.code()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brazil_offers_bank_transfer_and_every_pix_key() {
        let br = country_form("br").expect("BR");
        let ids: Vec<_> = br.methods.iter().map(|m| m.id).collect();
        assert_eq!(ids, ["bank_transfer", "10000", "10001", "10002", "10003"]);
        assert!(br.methods[0].pick_bank);
        assert_eq!(br.methods[1].fields[0].name, "phone");
        assert_eq!(br.currency, "BRL");
    }

    #[test]
    fn countries_whose_account_names_the_bank_do_not_pick_one() {
        for cc in ["MX", "PE", "AR"] {
            assert!(
                !country_form(cc).expect("known").methods[0].pick_bank,
                "{cc}"
            );
        }
        assert_eq!(countries().len(), 6);
        assert!(country_form("US").is_none());
    }

    #[test]
    fn wallets_carry_their_fixed_bank_code() {
        let pe = country_form("PE").expect("PE");
        let yape = pe.methods.iter().find(|m| m.id == "901").expect("Yape");
        assert_eq!(yape.bank_code, Some("901"));
        assert_eq!(yape.fields[0].name, "phone");
        let co = country_form("CO").expect("CO");
        assert!(co.address_required && co.lastname_required);
    }
}

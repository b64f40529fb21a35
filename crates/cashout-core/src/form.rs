//! What the new-cashout form asks for, per country and payout method, derived from the same
//! tables validation uses (`validate::Country`, `banks`). The desktop app draws its form from
//! this; it never restates which fields a country or method needs.
//!
//! Guarantees: every method listed here is one validation can accept (a method validation
//! always refuses, such as the PIX random key, is left out), and the fields shown for a method
//! are the fields validation reads for it: the ones it requires marked required (the tests fill
//! only the fields shown and expect a pass, and empty each required one and expect it to be
//! asked for), plus an optional one it warns about when empty (e-mail in Argentina). Left out:
//! field *rules* (lengths, check digits) — the form asks the core to validate, and shows the
//! core's messages.

use serde::Serialize;
use ts_rs::TS;

use crate::banks::{self, Method};
use crate::l10n::messages::tr;
use crate::validate::{self, Country};

/// One input of the form. Its label and hint are in the operator's language (the active
/// locale when the form was built): `field-<id>` and `hint-<id>` in `locales/<lang>/core.ftl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldSpec {
    /// The request field it fills (`bank_account`, `phone`, …).
    pub name: &'static str,
    pub label: String,
    pub required: bool,
    /// A short example or format hint.
    pub hint: String,
}

/// A way to pay in a country: a bank transfer to a chosen bank, or a PIX key / wallet with a
/// fixed pseudo bank code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MethodForm {
    pub id: &'static str,
    /// Its English name, stable across languages (batch files name methods by it).
    pub label: &'static str,
    /// Its name in the operator's language, as the form shows it.
    pub label_shown: String,
    /// The `bank_code` this method always sends (PIX keys, wallets); `None` when the operator
    /// picks a bank, or when the account number names the bank (CLABE, CCI, CBU).
    pub bank_code: Option<&'static str>,
    /// The operator picks the bank from the list.
    pub pick_bank: bool,
    pub fields: Vec<FieldSpec>,
}

/// A choice with a code and its meaning (in the operator's language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Choice {
    pub code: &'static str,
    pub label: String,
}

/// Everything the form needs for one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CountryForm {
    pub code: &'static str,
    /// The country's name in the operator's language.
    pub name: String,
    /// Local currency.
    pub currency: &'static str,
    /// The currencies a payout may be requested in: the local one, then USD.
    pub currencies: Vec<&'static str>,
    pub document_types: Vec<&'static str>,
    pub account_types: Vec<Choice>,
    /// The inputs every payout method of the country shows, in order, with their labels.
    pub common: Vec<FieldSpec>,
    pub methods: Vec<MethodForm>,
}

/// A required input whose label is message `field-<label>` and whose hint is `hint-<hint>`
/// (none when `hint` is empty), in the active language.
fn field(name: &'static str, label: &str, hint: &str) -> FieldSpec {
    FieldSpec {
        name,
        label: tr(&format!("field-{label}"), &[]),
        required: true,
        hint: if hint.is_empty() {
            String::new()
        } else {
            tr(&format!("hint-{hint}"), &[])
        },
    }
}

fn account_fields(country: Country) -> Vec<FieldSpec> {
    let (label, hint) = match country {
        Country::Mx => ("clabe", "clabe"),
        Country::Pe => ("cci", "cci"),
        Country::Ar => ("cbu", "cbu"),
        Country::Co => ("account-number", "account-co"),
        Country::Cl => ("account-number", "account-cl"),
        Country::Br => ("account-number", "account-br"),
    };
    let mut fields = vec![field("bank_account", label, hint)];
    if country == Country::Br {
        fields.push(field("bank_branch", "branch", "branch"));
    }
    if matches!(country, Country::Br | Country::Co | Country::Cl) {
        fields.push(field("account_type", "account-type", ""));
    }
    if country == Country::Ar {
        // Validation warns when it is missing (the provider's Argentina page lists it as
        // required; the reference does not confirm it), so the operator needs a place for it.
        fields.push(FieldSpec {
            required: false,
            ..field("email", "email", "email-ar")
        });
    }
    fields
}

fn special_method(b: &banks::KnownBank) -> MethodForm {
    let fields = match b.method {
        Method::PixPhone => vec![field("phone", "pix-phone", "pix-phone")],
        Method::PixEmail => vec![field("email", "pix-email", "pix-email")],
        // The key is the beneficiary's document, already on the form; never offered: the
        // random key (see the filter in `country_form`).
        Method::PixDocument | Method::PixRandom => Vec::new(),
        Method::WalletAccountIsPhone => vec![field("bank_account", "mobile", "mobile")],
        Method::WalletByPhone if b.country == "CO" => vec![field("phone", "phone", "phone-co")],
        Method::WalletByPhone => vec![field("phone", "phone", "phone")],
        Method::WalletByPhoneAndEmail => {
            vec![
                field("phone", "phone", "phone-co"),
                field("email", "email", ""),
            ]
        }
        Method::WalletByEmail => vec![field("email", "email", "")],
        Method::BankTransfer => Vec::new(),
    };
    MethodForm {
        id: b.code,
        label: b.name,
        // A provider's product name (Nequi, Yape…) is the same in every language; PIX's keys
        // are named in the operator's.
        label_shown: match b.method {
            Method::PixPhone => tr("method-pix-phone", &[]),
            Method::PixEmail => tr("method-pix-email", &[]),
            Method::PixDocument => tr("method-pix-document", &[]),
            Method::PixRandom => tr("method-pix-random", &[]),
            _ => b.name.to_owned(),
        },
        bank_code: Some(b.code),
        pick_bank: false,
        fields,
    }
}

/// The inputs every method of `country` shows (labels the operator reads, and that messages
/// about a field use).
fn common_fields(country: Country) -> Vec<FieldSpec> {
    let optional = |f: FieldSpec| FieldSpec {
        required: false,
        ..f
    };
    // The amount is typed the way the operator's locale writes it (see `desk::review`).
    let example = crate::l10n::numbers::number_style(&crate::l10n::messages::active()).example;
    let mut fields = vec![
        optional(field("external_id", "external-id", "external-id")),
        FieldSpec {
            hint: tr("hint-amount", &[("example", example.into())]),
            ..field("amount", "amount", "")
        },
        field("currency", "currency", ""),
        FieldSpec {
            required: country.document_type_required(),
            ..field("document_type", "document-type", "")
        },
        field("document_id", "document-id", ""),
        field("beneficiary_name", "first-name", ""),
        FieldSpec {
            required: country.lastname_required(),
            ..field("beneficiary_lastname", "last-name", "")
        },
    ];
    if country.address_required() {
        fields.push(field("address", "address", ""));
    }
    fields.push(field(
        "notification_url",
        "notification-url",
        "notification-url",
    ));
    fields.push(optional(field("comments", "comments", "comments")));
    fields
}

/// The input of the form that fills request field `field` for a payout of `country` sent
/// with `bank_code`, as the operator saw it: its name on the form and its label. A provider
/// message about `bank_account` on a PIX payout is about its key (phone, e-mail or document),
/// since the key is what the provider reads there.
#[must_use]
pub fn form_field(country: &str, bank_code: Option<&str>, field: &str) -> Option<FieldSpec> {
    let form = country_form(country)?;
    let method = bank_code
        .and_then(|code| form.methods.iter().find(|m| m.bank_code == Some(code)))
        .unwrap_or(&form.methods[0]);
    let key_field = match bank_code
        .and_then(|code| banks::find(country, code))
        .map(|b| b.method)
    {
        Some(Method::PixPhone) => Some("phone"),
        Some(Method::PixEmail) => Some("email"),
        Some(Method::PixDocument) => Some("document_id"),
        _ => None,
    };
    let wanted = match (field, key_field) {
        ("bank_account" | "bank_code", Some(key)) => key,
        _ => field,
    };
    if wanted == "bank_code" && method.pick_bank {
        return Some(self::field("bank_code", "bank", ""));
    }
    method
        .fields
        .iter()
        .chain(form.common.iter())
        .find(|f| f.name == wanted)
        .cloned()
        .or_else(|| {
            // The PIX document key is the document field the form already has.
            (wanted == "document_id").then(|| {
                form.common
                    .iter()
                    .find(|f| f.name == "document_id")
                    .cloned()
            })?
        })
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
    let transfer_shown = match country {
        Country::Mx => tr("method-transfer-named", &[("account", "CLABE".into())]),
        Country::Pe => tr("method-transfer-named", &[("account", "CCI".into())]),
        Country::Ar => tr("method-transfer-named", &[("account", "CBU / CVU".into())]),
        _ => tr("method-transfer", &[]),
    };
    // Where the account number names the bank, there is nothing to pick.
    let pick_bank = matches!(country, Country::Br | Country::Co | Country::Cl);
    let mut methods = vec![MethodForm {
        id: "bank_transfer",
        label: transfer_label,
        label_shown: transfer_shown,
        bank_code: None,
        pick_bank,
        fields: account_fields(country),
    }];
    methods.extend(
        banks::for_country(country.code())
            .filter(|b| b.method != Method::BankTransfer && validate::method_is_sendable(b.method))
            .map(special_method),
    );
    Some(CountryForm {
        code: country.code(),
        name: tr(&format!("country-{}", country.code()), &[]),
        currency: country.currency(),
        currencies: vec![country.currency(), "USD"],
        document_types: country.document_types().to_vec(),
        account_types: country
            .account_types()
            .iter()
            .map(|(code, _)| Choice {
                code,
                label: tr(&format!("account-type-{code}"), &[]),
            })
            .collect(),
        common: common_fields(country),
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
    fn every_label_hint_and_name_of_every_form_is_a_message_of_the_language() {
        // A missing message renders as its id (`field-…`); none may reach the form.
        let ids = ["field-", "hint-", "country-", "account-type-", "method-"];
        for form in countries() {
            let mut words = vec![form.name.clone()];
            words.extend(form.account_types.iter().map(|c| c.label.clone()));
            for m in &form.methods {
                words.push(m.label_shown.clone());
                words.extend(
                    m.fields
                        .iter()
                        .flat_map(|f| [f.label.clone(), f.hint.clone()]),
                );
            }
            words.extend(
                form.common
                    .iter()
                    .flat_map(|f| [f.label.clone(), f.hint.clone()]),
            );
            for w in words {
                assert!(
                    !ids.iter().any(|id| w.starts_with(id)),
                    "{}: {w}",
                    form.code
                );
            }
        }
        assert_eq!(
            country_form("BR").expect("BR").common[1].hint,
            "e.g. 1,234.56"
        );
    }

    #[test]
    fn brazil_offers_bank_transfer_and_every_pix_key_that_can_be_sent() {
        let br = country_form("br").expect("BR");
        let ids: Vec<_> = br.methods.iter().map(|m| m.id).collect();
        // No 10003: a PIX random key cannot be sent (validation refuses it on bank_code).
        assert_eq!(ids, ["bank_transfer", "10000", "10001", "10002"]);
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
    fn argentine_bank_transfer_offers_the_email_validation_warns_about() {
        let ar = country_form("AR").expect("AR");
        let email = ar.methods[0].fields.iter().find(|f| f.name == "email");
        assert!(email.is_some_and(|f| !f.required));
    }

    #[test]
    fn a_field_to_fix_is_named_as_the_form_of_that_method_shows_it() {
        let email = form_field("BR", Some("10001"), "bank_account").expect("known");
        assert_eq!(
            (email.name, email.label.as_str()),
            ("email", "PIX e-mail key")
        );
        let phone = form_field("BR", Some("10000"), "bank_account").expect("known");
        assert_eq!(phone.name, "phone");
        let doc = form_field("BR", Some("10002"), "bank_account").expect("known");
        assert_eq!(doc.name, "document_id");
        let clabe = form_field("MX", None, "bank_account").expect("known");
        assert_eq!(clabe.label, "CLABE");
        let bank = form_field("BR", Some("001"), "bank_code").expect("known");
        assert_eq!(bank.label, "Bank");
        assert_eq!(
            form_field("BR", Some("001"), "amount")
                .expect("known")
                .label,
            "Amount"
        );
        assert!(form_field("XX", None, "amount").is_none());
    }

    #[test]
    fn wallets_carry_their_fixed_bank_code() {
        let pe = country_form("PE").expect("PE");
        let yape = pe.methods.iter().find(|m| m.id == "901").expect("Yape");
        assert_eq!(yape.bank_code, Some("901"));
        assert_eq!(yape.fields[0].name, "phone");
    }

    #[test]
    fn each_common_field_is_marked_required_exactly_when_validation_asks_for_it() {
        use crate::validate::testkit::{errors_of, sample_request, strict};
        for form in countries() {
            for f in &form.common {
                let mut without = sample_request(form.code);
                match f.name {
                    "document_type" => without.document_type = None,
                    "beneficiary_lastname" => without.beneficiary_lastname = None,
                    "address" => without.address = None,
                    "external_id" => without.external_id = String::new(),
                    "comments" => without.comments = None,
                    // Required everywhere, by the reference's table.
                    "amount" | "currency" | "document_id" | "beneficiary_name"
                    | "notification_url" => {
                        assert!(f.required, "{} {}", form.code, f.name);
                        continue;
                    }
                    other => panic!("the form shows {other}, which this test does not know"),
                }
                let asked = errors_of(&without, &strict())
                    .iter()
                    .any(|e| e.field == f.name && e.code == "required");
                assert_eq!(asked, f.required, "{} {}", form.code, f.name);
            }
        }
    }

    /// A value validation accepts for a field the form shows, per country.
    fn sample_value(country: &str, field: &str) -> &'static str {
        match (country, field) {
            ("BR", "bank_account") => "3423422-7",
            ("BR", "bank_branch") => "1234",
            ("BR", "phone") => "(11) 98765-4321",
            ("MX", "bank_account") => "002010077777777771",
            ("PE", "bank_account") => "00219300153895206813",
            ("AR", "bank_account") => "2850590940090418135201",
            ("CO" | "CL", "bank_account") => "3001234567",
            ("CO", "phone") => "+573001234567",
            ("PE", "phone") => "+51987654321",
            ("CL", "account_type") => "V",
            (_, "account_type") => "C",
            (_, "email") => "ana@example.com",
            (country, field) => panic!("no sample for {country} {field}"),
        }
    }

    /// The country's sample request with every method field emptied, set to pay by `method`.
    fn request_for(form: &CountryForm, method: &MethodForm) -> crate::api::types::CreateCashout {
        let mut req = crate::validate::testkit::sample_request(form.code);
        req.bank_account = None;
        req.bank_branch = None;
        req.account_type = None;
        req.phone = None;
        req.email = None;
        req.bank_code = match (method.bank_code, method.pick_bank) {
            (Some(code), _) => Some(code.to_owned()),
            (None, true) => banks::for_country(form.code)
                .find(|b| b.method == Method::BankTransfer)
                .map(|b| b.code.to_owned()),
            (None, false) => None,
        };
        req
    }

    fn set(req: &mut crate::api::types::CreateCashout, field: &str, value: Option<String>) {
        match field {
            "bank_account" => req.bank_account = value,
            "bank_branch" => req.bank_branch = value,
            "account_type" => req.account_type = value,
            "phone" => req.phone = value,
            "email" => req.email = value,
            other => panic!("the form shows {other}, which this test does not know"),
        }
    }

    #[test]
    fn every_method_passes_with_exactly_the_fields_the_form_shows_for_it() {
        use crate::validate::testkit::{errors_of, strict};
        for form in countries() {
            for method in &form.methods {
                let mut req = request_for(&form, method);
                for f in &method.fields {
                    set(
                        &mut req,
                        f.name,
                        Some(sample_value(form.code, f.name).to_owned()),
                    );
                }
                let errors = errors_of(&req, &strict());
                assert!(
                    errors.is_empty(),
                    "{} {}: {errors:#?}",
                    form.code,
                    method.id
                );
                // And each field shown as required is one validation asks for.
                for f in method.fields.iter().filter(|f| f.required) {
                    let mut without = req.clone();
                    set(&mut without, f.name, None);
                    let errors = errors_of(&without, &strict());
                    assert!(
                        errors
                            .iter()
                            .any(|e| e.field == f.name && e.code == "required"),
                        "{} {} without {}: {errors:#?}",
                        form.code,
                        method.id,
                        f.name
                    );
                }
            }
        }
    }
}

//! Batch templates: per country and payout method, the create fields as columns (the form's
//! fields, from [`crate::form`]) and one example row per method that passes validation.
//!
//! Guarantees: the template's headers are the request's field names, which the importer maps
//! exactly; every example row, imported back, is a payout the validators accept (tested for
//! every country and method); the XLSX template formats every column as text, so what an
//! operator types into an identifier column stays text (leading zeros and long digits kept).
//!
//! Left out: the notification URL (each row gets the desk's setting unless the file has a
//! `notification_url` column), and the external id (the batch gives each row its own).

use crate::api::types::CreateCashout;
use crate::banks::{self, Method};
use crate::error::{Error, Result};
use crate::form::{self, MethodForm};
use crate::l10n::messages::tr;
use crate::money::Amount;

/// A template: its headers and example rows (text cells).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A file name for it, without the extension (`batch-BR-pix`).
    pub name: String,
}

fn refused(field: &'static str, message: String) -> Error {
    Error::InvalidInput { field, message }
}

/// The methods of `country` that `method` names: its id (`bank_transfer`, a bank code such as
/// `10000`), or words of its label (`pix` names every PIX key, `nequi` one wallet); the bank
/// transfer when `None`.
fn methods_named(form: &form::CountryForm, method: Option<&str>) -> Result<Vec<MethodForm>> {
    let Some(wanted) = method.map(str::trim).filter(|m| !m.is_empty()) else {
        return Ok(form.methods.iter().take(1).cloned().collect());
    };
    let folded = crate::journal::keys::fold(wanted);
    let by_id: Vec<MethodForm> = form
        .methods
        .iter()
        .filter(|m| m.id.eq_ignore_ascii_case(wanted))
        .cloned()
        .collect();
    if !by_id.is_empty() {
        return Ok(by_id);
    }
    let by_label: Vec<MethodForm> = form
        .methods
        .iter()
        .filter(|m| crate::journal::keys::fold(m.label).contains(&folded))
        .cloned()
        .collect();
    if by_label.is_empty() {
        let choices: Vec<String> = form
            .methods
            .iter()
            .map(|m| format!("{} ({})", m.id, m.label))
            .collect();
        // Method ids and labels as the form has them; the country's name is already the
        // operator's language.
        return Err(refused(
            "method",
            tr(
                "batch-template-no-method",
                &[
                    ("country", form.name.as_str().into()),
                    ("method", wanted.into()),
                    ("choices", choices.join(", ").into()),
                ],
            ),
        ));
    }
    Ok(by_label)
}

/// A valid example payout of `country` paid by `method`.
///
/// Its values stay the same in every language: [`is_example`] recognises an example row left
/// in a filled-in template by them (its name and comments included), whatever the language the
/// template was saved in.
fn example(country: &str, method: &MethodForm) -> CreateCashout {
    let amount = |t: &str| t.parse::<Amount>().ok();
    let mut r = CreateCashout {
        country: country.to_owned(),
        amount: amount("150.25"),
        beneficiary_name: "Maria".into(),
        beneficiary_lastname: Some("Silva".into()),
        comments: Some("Invoice 2026-118".into()),
        ..CreateCashout::default()
    };
    match country {
        "BR" => {
            r.currency = Some("BRL".into());
            r.document_id = "390.533.447-05".into();
            r.bank_code = Some("001".into());
            r.bank_account = Some("3423422-7".into());
            r.bank_branch = Some("1234".into());
            r.account_type = Some("C".into());
        }
        "MX" => {
            r.currency = Some("MXN".into());
            r.document_id = "BOXW310820HNERXN09".into();
            r.document_type = Some("CURP".into());
            r.bank_account = Some("002010077777777771".into());
        }
        "CO" => {
            r.currency = Some("COP".into());
            r.amount = amount("250000");
            r.document_id = "1020304050".into();
            r.document_type = Some("CC".into());
            r.address = Some("Calle 100 # 10-20, Bogotá".into());
            r.bank_code = Some("1007".into());
            r.bank_account = Some("12345678901".into());
            r.account_type = Some("S".into());
        }
        "PE" => {
            r.currency = Some("PEN".into());
            r.document_id = "12345678".into();
            r.document_type = Some("DNI".into());
            r.bank_account = Some("00219300153895206813".into());
        }
        "CL" => {
            r.currency = Some("CLP".into());
            r.amount = amount("15000");
            r.document_id = "12.531.909-2".into();
            r.bank_code = Some("001".into());
            r.bank_account = Some("0012345678".into());
            r.account_type = Some("V".into());
        }
        _ => {
            r.currency = Some("ARS".into());
            r.document_id = "20-05536168-2".into();
            r.bank_account = Some("2850590940090418135201".into());
            r.email = Some("maria.silva@example.com".into());
        }
    }
    let Some(code) = method.bank_code else {
        return r;
    };
    r.bank_code = Some(code.to_owned());
    r.bank_account = None;
    r.bank_branch = None;
    r.account_type = None;
    let known = banks::for_country(country).find(|b| b.code == code);
    match known.map(|b| b.method) {
        Some(Method::PixPhone) => r.phone = Some("+55 11 98765-4321".into()),
        Some(Method::PixEmail) => r.email = Some("maria.silva@example.com".into()),
        Some(Method::WalletAccountIsPhone) => r.bank_account = Some("3001234567".into()),
        Some(Method::WalletByPhone) if country == "CO" => r.phone = Some("+57 3001234567".into()),
        Some(Method::WalletByPhone) => r.phone = Some("+51987654321".into()),
        Some(Method::WalletByPhoneAndEmail) => {
            r.phone = Some("+57 3001234567".into());
            r.email = Some("maria.silva@example.com".into());
        }
        Some(Method::WalletByEmail) => r.email = Some("maria.silva@example.com".into()),
        _ => {}
    }
    r
}

/// Whether `request` (checked and normalised) pays one of the templates' example accounts: an
/// example row left in a filled-in template is refused, never paid (its beneficiary is made
/// up, its account valid by construction).
#[must_use]
pub fn is_example(request: &CreateCashout) -> bool {
    use std::sync::OnceLock;
    static EXAMPLES: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    let examples = EXAMPLES.get_or_init(|| {
        let ctx = crate::validate::ValidationContext {
            environment: crate::environment::EnvironmentKind::Sandbox,
            override_check_digits: false,
        };
        form::countries()
            .iter()
            .flat_map(|f| f.methods.iter().map(move |m| example(f.code, m)))
            .filter_map(|mut r| {
                // Not part of what is compared, but required to pass.
                "https://merchant.example/n".clone_into(&mut r.notification_url);
                crate::validate::check_create_full(&r, &ctx).ok()
            })
            .map(|c| example_key(&c.request))
            .collect()
    });
    examples.contains(&example_key(request))
}

/// What makes a payout the example's: its account and document, whatever the amount (an
/// example row whose amount was changed still pays the made-up beneficiary).
fn example_key(r: &CreateCashout) -> String {
    crate::journal::content_hash(&CreateCashout {
        amount: None,
        currency: None,
        ..r.clone()
    })
}

/// The value of request field `field` in `r`, as a template cell.
fn value_of(r: &CreateCashout, field: &str) -> String {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    match field {
        "country" => r.country.clone(),
        "currency" => o(&r.currency),
        "amount" => r.amount.map(|a| a.to_string()).unwrap_or_default(),
        "document_id" => r.document_id.clone(),
        "document_type" => o(&r.document_type),
        "beneficiary_name" => r.beneficiary_name.clone(),
        "beneficiary_lastname" => o(&r.beneficiary_lastname),
        "email" => o(&r.email),
        "phone" => o(&r.phone),
        "bank_code" => o(&r.bank_code),
        "bank_account" => o(&r.bank_account),
        "bank_branch" => o(&r.bank_branch),
        "account_type" => o(&r.account_type),
        "address" => o(&r.address),
        "city" => o(&r.city),
        "postal_code" => o(&r.postal_code),
        "beneficiary_birthdate" => o(&r.beneficiary_birthdate),
        "comments" => o(&r.comments),
        _ => String::new(),
    }
}

/// The template of `country` (ISO alpha-2) for `method` (see [`methods_named`]; the bank
/// transfer when `None`).
///
/// # Errors
/// [`Error::InvalidInput`] on `country` or `method` when there is no such one.
pub fn template(country: &str, method: Option<&str>) -> Result<Template> {
    let form = form::country_form(country).ok_or_else(|| {
        refused(
            "country",
            tr("batch-template-no-country", &[("country", country.into())]),
        )
    })?;
    let methods = methods_named(&form, method)?;
    // The request's field names, in English in every language: the importer maps them exactly
    // (a template filled in and imported back), and the README names them.
    let mut headers: Vec<String> = vec!["country".into(), "currency".into(), "amount".into()];
    let mut add = |name: &str| {
        if !headers.iter().any(|h| h == name) {
            headers.push(name.to_owned());
        }
    };
    for f in &form.common {
        if !matches!(f.name, "external_id" | "notification_url" | "comments") {
            add(f.name);
        }
    }
    for m in &methods {
        if m.pick_bank || m.bank_code.is_some() {
            add("bank_code");
        }
        for f in &m.fields {
            add(f.name);
        }
    }
    add("comments");
    let rows = methods
        .iter()
        .map(|m| {
            let r = example(form.code, m);
            headers.iter().map(|h| value_of(&r, h)).collect()
        })
        .collect();
    let suffix = match (method, methods.as_slice()) {
        (None, _) => "bank_transfer".to_owned(),
        (Some(_), [one]) => one.id.to_owned(),
        (Some(words), _) => crate::journal::keys::fold(words).replace(' ', "-"),
    };
    Ok(Template {
        headers,
        rows,
        name: format!("batch-{}-{suffix}", form.code),
    })
}

/// The template as CSV: UTF-8 with a byte order mark (so a spreadsheet reads the accents),
/// commas, CRLF.
///
/// # Errors
/// [`Error::Journal`] never in practice (writing to memory).
pub fn template_csv(t: &Template) -> Result<Vec<u8>> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    let io = |e: csv::Error| {
        refused(
            "file",
            tr(
                "batch-template-write-failed",
                &[("error", e.to_string().into())],
            ),
        )
    };
    w.write_record(&t.headers).map_err(io)?;
    for r in &t.rows {
        w.write_record(r).map_err(io)?;
    }
    w.flush().map_err(|e| {
        refused(
            "file",
            tr(
                "batch-template-write-failed",
                &[("error", e.to_string().into())],
            ),
        )
    })?;
    drop(w);
    Ok(out)
}

/// The template as an XLSX workbook whose columns are all formatted as text.
///
/// # Errors
/// [`Error::InvalidInput`] when the workbook cannot be written.
pub fn template_xlsx(t: &Template) -> Result<Vec<u8>> {
    // The worksheet's name is for people (the importer reads the first visible sheet by
    // position, whatever its name).
    super::result::text_workbook(&t.headers, &t.rows, &tr("batch-template-sheet", &[]))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::batch::{BatchDraft, DraftOptions};
    use crate::environment::EnvironmentKind;

    #[test]
    fn every_example_row_of_every_country_and_method_reads_cleanly_and_is_refused_as_an_example() {
        for form in form::countries() {
            for m in &form.methods {
                let t = template(form.code, Some(m.id)).unwrap();
                for bytes in [template_csv(&t).unwrap(), template_xlsx(&t).unwrap()] {
                    let draft = BatchDraft::from_bytes(
                        &bytes,
                        "template",
                        DraftOptions::for_test(EnvironmentKind::D24Production),
                    )
                    .unwrap();
                    for v in &draft.rows {
                        // Every rule passes but one: it is the example, left in.
                        let codes: Vec<&str> = v.errors.iter().map(|e| e.code.as_str()).collect();
                        assert_eq!(
                            codes,
                            ["template_example"],
                            "{} {}: {:?}",
                            form.code,
                            m.id,
                            v.errors
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn pix_names_every_pix_key_with_one_example_each_and_an_unknown_method_lists_the_choices() {
        let t = template("br", Some("pix")).unwrap();
        assert_eq!(t.rows.len(), 3, "{:?}", t.rows);
        assert!(t.headers.contains(&"phone".to_owned()));
        assert_eq!(t.name, "batch-BR-pix");
        let e = template("BR", Some("cheque")).unwrap_err();
        assert!(e.to_string().contains("bank_transfer"), "{e}");
        assert!(template("US", None).is_err());
    }

    #[test]
    fn the_csv_template_starts_with_a_bom_and_the_field_names() {
        let t = template("MX", None).unwrap();
        let bytes = template_csv(&t).unwrap();
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.starts_with("country,currency,amount,"), "{text}");
        assert!(text.contains("002010077777777771"));
    }
}

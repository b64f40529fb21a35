//! Which column of a batch file fills which create field: the template's own headers (the
//! request's field names), and the names spreadsheets of the field use for them in English,
//! Spanish and Portuguese ("monto", "CPF", "chave PIX", "CLABE", …).
//!
//! Guarantees: a header is compared with case, accents, spaces and punctuation ignored; a field
//! is filled by at most one column (a second column that would fill it is left unmapped and
//! said so); a column that fills nothing is kept and written back in the result file; the
//! `external_id` column of a file is never used, because a batch gives every row its own
//! (batch id and row number). The operator sees the mapping and may change it before the
//! rows are checked.
//!
//! Left out: guessing a column's meaning from its values.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::keys::fold;
use crate::l10n::messages::tr;

/// The fields a batch column can fill, each with the other names it goes by.
pub const FIELDS: &[(&str, &[&str])] = &[
    (
        "country",
        &["country", "country code", "pais", "codigo pais"],
    ),
    (
        "currency",
        &["currency", "moneda", "moeda", "divisa", "currency code"],
    ),
    (
        "amount",
        &[
            "amount",
            "monto",
            "importe",
            "valor",
            "value",
            "amount to pay",
        ],
    ),
    (
        "document_id",
        &[
            "document",
            "document number",
            "document id",
            "documento",
            "numero de documento",
            "nro documento",
            "cpf",
            "cnpj",
            "cpf cnpj",
            "rut",
            "dni",
            "rfc",
            "curp",
            "cuit",
            "cuil",
            "nit",
            "cedula",
            "tax id",
            "id number",
        ],
    ),
    (
        "document_type",
        &[
            "document type",
            "tipo de documento",
            "tipo documento",
            "tipo doc",
            "doc type",
        ],
    ),
    (
        "beneficiary_name",
        &[
            "name",
            "first name",
            "first names",
            "nombre",
            "nombres",
            "nome",
            "beneficiary",
            "beneficiary name",
            "beneficiario",
            "favorecido",
            "payee",
        ],
    ),
    (
        "beneficiary_lastname",
        &[
            "last name",
            "lastname",
            "surname",
            "apellido",
            "apellidos",
            "sobrenome",
        ],
    ),
    (
        "email",
        &["e-mail", "email address", "correo", "correo electronico"],
    ),
    (
        "phone",
        &[
            "telephone",
            "mobile",
            "telefono",
            "telefone",
            "fone",
            "numero de telefone",
            "numero de celular",
            "celular",
            "movil",
            "phone number",
        ],
    ),
    (
        "bank_code",
        &[
            "bank",
            "bank code",
            "banco",
            "codigo banco",
            "codigo do banco",
            "cod banco",
        ],
    ),
    (
        "bank_account",
        &[
            "account",
            "account number",
            "cuenta",
            "numero de cuenta",
            "nro cuenta",
            "conta",
            "numero da conta",
            "clabe",
            "cbu",
            "cvu",
            "cbu cvu",
            "cci",
            "pix key",
            "chave pix",
            "pix",
            "wallet",
        ],
    ),
    (
        "bank_branch",
        &["branch", "agencia", "sucursal", "branch code"],
    ),
    (
        "account_type",
        &[
            "account type",
            "tipo de cuenta",
            "tipo de conta",
            "tipo cuenta",
        ],
    ),
    ("address", &["direccion", "endereco", "street"]),
    ("city", &["ciudad", "cidade", "town"]),
    (
        "postal_code",
        &["zip", "zip code", "postcode", "codigo postal", "cep"],
    ),
    (
        "beneficiary_birthdate",
        &[
            "birthdate",
            "birth date",
            "date of birth",
            "fecha de nacimiento",
            "data de nascimento",
        ],
    ),
    (
        "notification_url",
        &["notification url", "callback", "webhook"],
    ),
    (
        "comments",
        &[
            "comment",
            "description",
            "comentario",
            "comentarios",
            "descripcion",
            "concepto",
            "descricao",
        ],
    ),
    ("on_hold", &["on hold", "hold", "retener", "reter"]),
];

/// Identifier fields: digits that a spreadsheet's number cell would damage (leading zeros,
/// digits past the 15th, scientific notation).
pub const IDENTIFIER_FIELDS: &[&str] = &[
    "document_id",
    "bank_account",
    "bank_branch",
    "phone",
    "postal_code",
];

/// Fields every file must have a column for.
pub const REQUIRED_COLUMNS: &[&str] = &["country", "currency", "amount"];

/// How a column came to fill its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Matched {
    /// The header is the field's name.
    Exact,
    /// The header is another name of the field.
    Synonym,
    /// The operator chose it.
    Chosen,
    /// It fills nothing (kept for the result file).
    Unmapped,
}

/// One column of the file and what it fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnMap {
    /// Position in the file, from 0.
    #[ts(type = "number")]
    pub column: usize,
    pub header: String,
    /// The create field it fills, if any.
    pub field: Option<String>,
    pub matched: Matched,
    /// Why it fills nothing, when that is worth saying.
    pub note: Option<String>,
}

/// A header as compared: folded, letters and digits only, single spaces.
fn key(text: &str) -> String {
    let folded = fold(text);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field a header names, and how.
fn field_of(header: &str) -> Option<(&'static str, Matched)> {
    let k = key(header);
    FIELDS.iter().find_map(|(field, names)| {
        if k == key(field) {
            Some((*field, Matched::Exact))
        } else if names.iter().any(|n| key(n) == k) {
            Some((*field, Matched::Synonym))
        } else {
            None
        }
    })
}

/// Maps `headers` to fields (see the module comment).
#[must_use]
pub fn map_headers(headers: &[String]) -> Vec<ColumnMap> {
    let mut taken: Vec<(&str, usize)> = Vec::new();
    headers
        .iter()
        .enumerate()
        .map(|(column, header)| {
            let unmapped = |note: Option<String>| ColumnMap {
                column,
                header: header.clone(),
                field: None,
                matched: Matched::Unmapped,
                note,
            };
            if is_external_id(header) {
                return unmapped(Some(tr("batch-map-external-id-unused", &[])));
            }
            match field_of(header) {
                Some((field, matched)) => {
                    if let Some((_, first)) = taken.iter().find(|(f, _)| *f == field) {
                        return unmapped(Some(tr(
                            "batch-map-already-filled",
                            &[
                                ("column", column_letter(*first).into()),
                                ("header", headers[*first].as_str().into()),
                                ("field", field.into()),
                            ],
                        )));
                    }
                    taken.push((field, column));
                    ColumnMap {
                        column,
                        header: header.clone(),
                        field: Some(field.to_owned()),
                        matched,
                        note: None,
                    }
                }
                None => unmapped(None),
            }
        })
        .collect()
}

/// Whether a header names an external id column (not used to send; checked against the
/// journal: a result file imported back names payouts that exist).
#[must_use]
pub fn is_external_id(header: &str) -> bool {
    matches!(key(header).as_str(), "external id" | "externalid")
}

/// Applies the operator's choices (`choices[i]`: the field column `i` fills, `None` for none)
/// over an automatic mapping.
///
/// # Errors
/// A field that is not a create field, or one chosen for two columns.
pub fn choose(mapping: &mut [ColumnMap], choices: &[Option<String>]) -> Result<(), String> {
    if choices.len() != mapping.len() {
        return Err(tr(
            "batch-map-wrong-count",
            &[
                ("columns", mapping.len().into()),
                ("choices", choices.len().to_string().into()),
            ],
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for field in choices.iter().flatten() {
        if !FIELDS.iter().any(|(f, _)| f == field) {
            return Err(tr(
                "batch-map-unknown-field",
                &[("field", field.as_str().into())],
            ));
        }
        if seen.contains(&field.as_str()) {
            return Err(tr(
                "batch-map-field-twice",
                &[("field", field.as_str().into())],
            ));
        }
        seen.push(field);
    }
    for (map, choice) in mapping.iter_mut().zip(choices) {
        if map.field != *choice {
            map.field.clone_from(choice);
            map.matched = if choice.is_some() {
                Matched::Chosen
            } else {
                Matched::Unmapped
            };
            map.note = None;
        }
    }
    Ok(())
}

/// Required fields no column fills.
#[must_use]
pub fn missing(mapping: &[ColumnMap]) -> Vec<&'static str> {
    REQUIRED_COLUMNS
        .iter()
        .copied()
        .filter(|f| !mapping.iter().any(|m| m.field.as_deref() == Some(*f)))
        .collect()
}

/// A spreadsheet's column letter for position `i` (0 → A, 26 → AA).
#[must_use]
pub fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(headers: &[&str]) -> Vec<Option<String>> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        map_headers(&headers).into_iter().map(|m| m.field).collect()
    }

    #[test]
    fn template_headers_and_the_fields_own_names_in_three_languages_map() {
        assert_eq!(
            fields(&[
                "País",
                "Moneda",
                "Monto",
                "CPF/CNPJ",
                "Nome",
                "Chave PIX",
                "Agência"
            ]),
            [
                Some("country".into()),
                Some("currency".into()),
                Some("amount".into()),
                Some("document_id".into()),
                Some("beneficiary_name".into()),
                Some("bank_account".into()),
                Some("bank_branch".into()),
            ]
        );
        assert_eq!(
            fields(&["beneficiary_lastname", "BANK_CODE", " Account Type "]),
            [
                Some("beneficiary_lastname".into()),
                Some("bank_code".into()),
                Some("account_type".into())
            ]
        );
    }

    #[test]
    fn a_second_column_for_a_field_an_external_id_and_unknown_columns_fill_nothing() {
        let headers: Vec<String> = ["amount", "monto", "external_id", "Notes"]
            .iter()
            .map(|h| (*h).to_owned())
            .collect();
        let map = map_headers(&headers);
        assert_eq!(map[0].field.as_deref(), Some("amount"));
        assert_eq!(map[1].field, None);
        assert!(map[1].note.as_deref().unwrap_or("").contains("column A"));
        assert_eq!(map[2].field, None);
        assert!(map[2].note.as_deref().unwrap_or("").contains("twice"));
        assert_eq!(map[3].matched, Matched::Unmapped);
        assert_eq!(missing(&map), ["country", "currency"]);
    }

    #[test]
    fn the_operators_choice_replaces_the_mapping_and_is_checked() {
        let headers: Vec<String> = ["Valor pago", "x"]
            .iter()
            .map(|h| (*h).to_owned())
            .collect();
        let mut map = map_headers(&headers);
        assert_eq!(map[0].field, None);
        choose(&mut map, &[Some("amount".into()), None]).expect("chosen");
        assert_eq!(map[0].matched, Matched::Chosen);
        assert!(choose(&mut map, &[Some("amount".into()), Some("amount".into())]).is_err());
        assert!(choose(&mut map, &[Some("login".into()), None]).is_err());
    }

    #[test]
    fn column_letters_are_the_spreadsheets() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}

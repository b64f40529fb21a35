//! Mexico: the destination CLABE (18 digits with its check digit), the refusal of debit-card
//! numbers (they belong to the provider's separate card endpoint, which this program does not
//! use), the optional bank code's agreement with the CLABE, and the beneficiary's document
//! (CURP with its check digit when the type says CURP; RFC by shape only).
//!
//! Guarantees: the CLABE and document come back without spaces or hyphens, the document in
//! upper case. Left out: the RFC check digit (about 1.5% of issued RFCs fail it, so it is
//! advisory and there is no warning channel) and whether a CLABE's bank exists.

use super::code;
use super::common::{digits, luhn_valid, require, strip, Findings};
use crate::api::types::CreateCashout;

/// CURP state codes (positions 12–13), `NE` meaning born abroad.
const CURP_STATES: &[&str] = &[
    "AS", "BC", "BS", "CC", "CH", "CL", "CM", "CS", "DF", "DG", "GR", "GT", "HG", "JC", "MC", "MN",
    "MS", "NE", "NL", "NT", "OC", "PL", "QR", "QT", "SL", "SP", "SR", "TC", "TL", "TS", "VZ", "YN",
    "ZS",
];

/// The CURP check alphabet: a character's value is its index (note `&` between N and O).
const CURP_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ";

/// CLABE check digit over 18 digit values: weights 3,7,1 on the first 17, each product mod 10.
fn clabe_check_digit_ok(d: &[u32]) -> bool {
    if d.len() != 18 {
        return false;
    }
    let sum: u32 = d[..17]
        .iter()
        .zip([3, 7, 1].iter().cycle())
        .map(|(v, w)| (v * w) % 10)
        .sum();
    (10 - sum % 10) % 10 == d[17]
}

/// The CURP's shape: `^[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d$`, a known state and a plausible
/// birth date.
fn curp_shape_ok(curp: &str) -> bool {
    let b = curp.as_bytes();
    if b.len() != 18 {
        return false;
    }
    let upper = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_uppercase);
    let digit = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let pattern_ok = upper(0..4)
        && digit(4..10)
        && matches!(b[10], b'H' | b'M')
        && upper(11..16)
        && (b[16].is_ascii_digit() || b[16].is_ascii_uppercase())
        && digit(17..18);
    if !pattern_ok {
        return false;
    }
    let two = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    let (month, day) = (two(6), two(8));
    (1..=12).contains(&month) && (1..=31).contains(&day) && CURP_STATES.contains(&&curp[11..13])
}

/// CURP check digit: (10 − Σ value × (18 − position) mod 10) mod 10 over the first 17.
fn curp_check_digit_ok(curp: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in curp.chars().take(17).enumerate() {
        let Some(value) = CURP_ALPHABET.find(c) else {
            return false;
        };
        // Bounded by the 18-character shape, so the casts cannot truncate.
        sum += value as u32 * (18 - i as u32);
    }
    let check = (10 - sum % 10) % 10;
    curp.chars().nth(17).and_then(|c| c.to_digit(10)) == Some(check)
}

/// An RFC by shape: 3 (companies) or 4 (persons) letters, a 6-digit date and 3 characters.
fn rfc_shape_ok(rfc: &str) -> bool {
    let chars: Vec<char> = rfc.chars().collect();
    let letters = match chars.len() {
        12 => 3,
        13 => 4,
        _ => return false,
    };
    chars[..letters]
        .iter()
        .all(|c| c.is_ascii_uppercase() || matches!(c, '&' | 'Ñ'))
        && chars[letters..letters + 6].iter().all(char::is_ascii_digit)
        && chars[letters + 6..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn check_document(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    let kind = req.document_type.clone();
    if let Some(k) = kind.as_deref() {
        if !matches!(k, "CURP" | "RFC" | "IFE" | "PASS") {
            f.push(
                "document_type",
                code::NOT_ALLOWED,
                "The document type (document_type) for Mexico must be CURP, RFC, IFE or PASS, \
                 or left empty.",
            );
        }
    }
    if req.document_id.is_empty() {
        return;
    }
    let doc = strip(&req.document_id, &['-', '.']).to_uppercase();
    req.document_id.clone_from(&doc);
    let len = doc.chars().count();
    let chars_ok = doc
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | 'Ñ'));
    if !chars_ok || !(7..=18).contains(&len) {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            "The document (document_id) for Mexico must be 7 to 18 letters and digits (CURP, \
             RFC, IFE or passport number).",
        );
        return;
    }
    match kind.as_deref() {
        Some("CURP") => {
            if !curp_shape_ok(&doc) {
                f.push(
                    FIELD,
                    code::INVALID_FORMAT,
                    "The CURP (document_id) must be 18 characters: 4 letters, the birth date as \
                     YYMMDD, H or M, the 2-letter state code, 3 letters, then 2 characters, \
                     e.g. BOXW310820HNERXN09.",
                );
            } else if !curp_check_digit_ok(&doc) {
                f.check_digit_failed(
                    FIELD,
                    "The CURP check digit does not match (document_id): check the CURP with the \
                     beneficiary.",
                );
            }
        }
        Some("RFC") if !rfc_shape_ok(&doc) => f.push(
            FIELD,
            code::INVALID_FORMAT,
            "The RFC (document_id) must be 12 characters for a company or 13 for a person: 3 or \
             4 letters, the date as YYMMDD, then 3 letters or digits.",
        ),
        _ => {}
    }
}

fn check_clabe(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "bank_account";
    let Some(raw) = require(
        f,
        FIELD,
        req.bank_account.as_deref(),
        "Enter the beneficiary's CLABE (bank_account): the 18-digit interbank account number.",
    ) else {
        return;
    };
    let account = strip(raw, &['-']);
    req.bank_account = Some(account.clone());
    let Some(d) = digits(&account) else {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            "The CLABE (bank_account) must contain only digits: 18 of them.",
        );
        return;
    };
    match d.len() {
        18 => {
            if !clabe_check_digit_ok(&d) {
                f.check_digit_failed(
                    FIELD,
                    "The CLABE check digit (the last digit) does not match (bank_account): check \
                     the CLABE with the beneficiary.",
                );
            }
            if let Some(bank_code) = req.bank_code.as_deref() {
                if bank_code != &account[..3] {
                    f.push(
                        "bank_code",
                        code::MISMATCH,
                        "The bank code (bank_code) does not match the bank in the CLABE (its \
                         first 3 digits). Leave the bank code empty: the CLABE already says \
                         which bank it is.",
                    );
                }
            }
        }
        15 | 16 if luhn_valid(&account) => f.push(
            FIELD,
            code::CARD_NUMBER_NOT_SUPPORTED,
            "This looks like a debit-card number, not a CLABE (bank_account). Payouts to debit \
             cards go through the provider's separate card endpoint, which Cashout Desk does not \
             use: ask the beneficiary for their 18-digit CLABE.",
        ),
        _ => f.push(
            FIELD,
            code::INVALID_FORMAT,
            "The CLABE (bank_account) must be exactly 18 digits.",
        ),
    }
}

pub(super) fn check(req: &mut CreateCashout, f: &mut Findings) {
    check_document(req, f);
    check_clabe(req, f);
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::super::{check_create, code};
    use super::*;

    fn with_clabe(clabe: &str) -> CreateCashout {
        let mut req = sample_request("MX");
        req.bank_account = Some(clabe.into());
        req
    }

    fn with_document(doc: &str, kind: Option<&str>) -> CreateCashout {
        let mut req = sample_request("MX");
        req.document_id = doc.into();
        req.document_type = kind.map(str::to_owned);
        req
    }

    // Vectors from validation-rules.md, Mexico.

    #[test]
    fn clabe_vector_002010077777777771_is_valid() {
        assert!(clabe_check_digit_ok(
            &digits("002010077777777771").expect("digits")
        ));
        passes(&with_clabe("002010077777777771"));
    }

    #[test]
    fn clabe_vector_032180000118359719_is_valid() {
        assert!(clabe_check_digit_ok(
            &digits("032180000118359719").expect("digits")
        ));
        passes(&with_clabe("032180000118359719"));
    }

    #[test]
    fn clabe_vector_from_provider_sample_021790064060296642_is_valid() {
        assert!(clabe_check_digit_ok(
            &digits("021790064060296642").expect("digits")
        ));
        passes(&with_clabe("021790064060296642"));
    }

    #[test]
    fn clabe_with_wrong_check_digit_is_refused_on_bank_account() {
        assert!(!clabe_check_digit_ok(
            &digits("021790064060296643").expect("digits")
        ));
        refused_with(
            &with_clabe("021790064060296643"),
            "bank_account",
            code::INVALID_CHECK_DIGIT,
        );
    }

    #[test]
    fn clabe_with_wrong_check_digit_is_accepted_with_override_in_staging() {
        assert!(check_create(&with_clabe("021790064060296643"), &staging_override()).is_ok());
    }

    #[test]
    fn curp_vector_boxw310820hnerxn09_is_valid() {
        assert!(curp_shape_ok("BOXW310820HNERXN09"));
        assert!(curp_check_digit_ok("BOXW310820HNERXN09"));
        passes(&with_document("boxw310820hnerxn09", Some("curp")));
    }

    // Rules.

    #[test]
    fn complete_mexican_clabe_payout_passes_and_spaces_are_removed() {
        let out = passes(&with_clabe("002 010 07777777777 1"));
        assert_eq!(out.bank_account.as_deref(), Some("002010077777777771"));
    }

    #[test]
    fn missing_clabe_is_refused_as_required() {
        let mut req = sample_request("MX");
        req.bank_account = None;
        refused_with(&req, "bank_account", code::REQUIRED);
    }

    #[test]
    fn clabe_of_wrong_length_or_with_letters_is_refused_as_invalid_format() {
        refused_with(
            &with_clabe("00201007777777777"),
            "bank_account",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_clabe("00201007777777777A"),
            "bank_account",
            code::INVALID_FORMAT,
        );
        // Format errors are never overridable.
        refused_in(
            &with_clabe("0020100777777777"),
            &staging_override(),
            "bank_account",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn luhn_valid_card_number_is_refused_as_card_number_not_supported() {
        for card in ["4111111111111111", "378282246310005", "4111 1111 1111 1111"] {
            let errors = refused_with(
                &with_clabe(card),
                "bank_account",
                code::CARD_NUMBER_NOT_SUPPORTED,
            );
            assert!(errors
                .iter()
                .any(|e| e.message.contains("separate card endpoint")));
        }
    }

    #[test]
    fn sixteen_digits_failing_luhn_are_refused_as_invalid_format() {
        refused_with(
            &with_clabe("4111111111111112"),
            "bank_account",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn bank_code_disagreeing_with_the_clabe_is_refused_on_bank_code() {
        let mut req = with_clabe("002010077777777771");
        req.bank_code = Some("012".into());
        refused_with(&req, "bank_code", code::MISMATCH);
        req.bank_code = Some("002".into());
        passes(&req);
    }

    #[test]
    fn curp_with_wrong_check_digit_is_refused_on_document_id() {
        assert!(!curp_check_digit_ok("BOXW310820HNERXN08"));
        refused_with(
            &with_document("BOXW310820HNERXN08", Some("CURP")),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        assert!(check_create(
            &with_document("BOXW310820HNERXN08", Some("CURP")),
            &staging_override()
        )
        .is_ok());
    }

    #[test]
    fn curp_with_bad_shape_state_or_date_is_refused_as_invalid_format() {
        for bad in [
            "BOXW310820XNERXN09", // sex must be H or M
            "BOXW310820HZZRXN09", // no state ZZ
            "BOXW311320HNERXN09", // month 13
            "BOXW310800HNERXN09", // day 00
            "BOXW310820HNERXN0",  // 17 characters
        ] {
            refused_with(
                &with_document(bad, Some("CURP")),
                "document_id",
                code::INVALID_FORMAT,
            );
        }
    }

    #[test]
    fn curp_check_is_skipped_when_the_type_is_not_curp() {
        passes(&with_document("BOXW310820HNERXN08", Some("IFE")));
        passes(&with_document("BOXW310820HNERXN08", None));
    }

    #[test]
    fn rfc_with_any_check_character_is_accepted_because_it_is_only_a_warning() {
        passes(&with_document("XAXX010101000", Some("RFC")));
        passes(&with_document("GODE561231GR9", Some("RFC")));
        passes(&with_document("ABC680524P76", Some("RFC")));
    }

    #[test]
    fn rfc_of_wrong_shape_is_refused_as_invalid_format() {
        refused_with(
            &with_document("XAXX0101010", Some("RFC")),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("XA1X010101000", Some("RFC")),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn document_outside_7_to_18_characters_is_refused_as_invalid_format() {
        refused_with(
            &with_document("G12345", Some("PASS")),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("G12 34/56", Some("PASS")),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("1234567890123456789", Some("IFE")),
            "document_id",
            code::INVALID_FORMAT,
        );
        passes(&with_document("1234567", Some("IFE")));
    }

    #[test]
    fn unknown_document_type_is_refused_on_document_type() {
        refused_with(
            &with_document("1234567", Some("DNI")),
            "document_type",
            code::NOT_ALLOWED,
        );
    }
}

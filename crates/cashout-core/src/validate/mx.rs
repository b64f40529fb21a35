//! Mexico: the destination CLABE (18 digits with its check digit), the refusal of debit-card
//! numbers (they belong to the provider's separate card endpoint, which this program does not
//! use), the optional bank code's agreement with the CLABE, and the beneficiary's document:
//! a CURP (check digit, state, real birth date) or an RFC (real date; check character as a
//! warning), recognised by its shape when no type is given.
//!
//! Guarantees: the CLABE and document come back without spaces, dashes or dots, the document in
//! upper case. A CURP- or RFC-shaped document is checked as one even without a type, and one
//! typed as IFE is refused as a mismatch (an IFE number never has either shape). Left out:
//! refusing the RFC check character (about 1.5% of issued RFCs fail it, so it is advisory),
//! the words the registries never issue as name letters, and whether a CLABE's bank exists.

use super::code;
use super::common::{require, Findings};
use super::ids::{clabe_ok, curp_ok, is_real_date, luhn_ok, rfc_check_ok, yymmdd};
use super::text::{compact, digits};
use crate::api::types::CreateCashout;
use crate::l10n::messages::tr;

/// CURP state codes (positions 12–13), `NE` meaning born abroad.
const CURP_STATES: &[&str] = &[
    "AS", "BC", "BS", "CC", "CH", "CL", "CM", "CS", "DF", "DG", "GR", "GT", "HG", "JC", "MC", "MN",
    "MS", "NE", "NL", "NT", "OC", "PL", "QR", "QT", "SL", "SP", "SR", "TC", "TL", "TS", "VZ", "YN",
    "ZS",
];

/// The CURP's shape: `^[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d$` with a known state. The date is
/// checked apart, so its message can say so.
fn curp_shape_ok(curp: &str) -> bool {
    let b = curp.as_bytes();
    if b.len() != 18 {
        return false;
    }
    let upper = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_uppercase);
    let digit = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    upper(0..4)
        && digit(4..10)
        && matches!(b[10], b'H' | b'M')
        && upper(11..16)
        && (b[16].is_ascii_digit() || b[16].is_ascii_uppercase())
        && digit(17..18)
        && CURP_STATES.contains(&&curp[11..13])
}

/// The CURP's birth date is a real one: character 17 is a digit for people born in the 1900s
/// and a letter for the 2000s.
fn curp_date_ok(curp: &str) -> bool {
    let century = if curp.as_bytes()[16].is_ascii_digit() {
        1900
    } else {
        2000
    };
    yymmdd(&curp[4..10]).is_some_and(|(y, m, d)| is_real_date(century + y, m, d))
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

/// The RFC's date (incorporation or birth) is a real one. The century is not written, so a
/// date real in either the 1900s or the 2000s passes (29 February of year 00 is real in 2000).
fn rfc_date_ok(rfc: &str) -> bool {
    let start = rfc.chars().count() - 9;
    let six: String = rfc.chars().skip(start).take(6).collect();
    yymmdd(&six)
        .is_some_and(|(y, m, d)| is_real_date(1900 + y, m, d) || is_real_date(2000 + y, m, d))
}

/// Which national format the document is, by its type or, without one, by its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Curp,
    Rfc,
    /// IFE, passport, or no type and neither shape: length and characters only.
    Other,
}

fn check_document(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    let typed = req.document_type.clone();
    if let Some(k) = typed.as_deref() {
        if !matches!(k, "CURP" | "RFC" | "IFE" | "PASS") {
            f.push(
                "document_type",
                code::NOT_ALLOWED,
                tr("v-mx-document-type-not-allowed", &[]),
            );
        }
    }
    if req.document_id.is_empty() {
        return;
    }
    let doc = compact(&req.document_id, &['-', '.', '_']).to_uppercase();
    req.document_id.clone_from(&doc);
    let len = doc.chars().count();
    let chars_ok = doc
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | 'Ñ'));
    if !chars_ok || !(7..=18).contains(&len) {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-mx-document-format", &[]));
        return;
    }
    let by_shape = if curp_shape_ok(&doc) {
        Some(Kind::Curp)
    } else if rfc_shape_ok(&doc) {
        Some(Kind::Rfc)
    } else {
        None
    };
    let kind = match (typed.as_deref(), by_shape) {
        (Some("CURP"), _) => Kind::Curp,
        (Some("RFC"), _) => Kind::Rfc,
        (None, Some(k)) => k,
        // An IFE number (18-character voter key, 13-digit OCR, 9-digit CIC) never has the
        // shape of a CURP or an RFC, so one typed as IFE is a wrong type or a wrong number.
        (Some("IFE"), Some(k)) => {
            let named = if k == Kind::Curp { "CURP" } else { "RFC" };
            f.push(
                "document_type",
                code::MISMATCH,
                tr(
                    "v-mx-document-type-ife-mismatch",
                    &[("named", named.into())],
                ),
            );
            return;
        }
        // Foreign passports follow no Mexican shape, so a passport number is never second-guessed.
        _ => Kind::Other,
    };
    match kind {
        Kind::Curp => check_curp(&doc, f),
        Kind::Rfc => check_rfc(&doc, f),
        Kind::Other => {}
    }
}

fn check_curp(doc: &str, f: &mut Findings) {
    const FIELD: &str = "document_id";
    if !curp_shape_ok(doc) {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-mx-curp-shape", &[]));
    } else if !curp_date_ok(doc) {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-mx-curp-date", &[]));
    } else if !curp_ok(doc) {
        f.check_digit_failed(FIELD, &tr("v-mx-curp-check-digit", &[]));
    }
}

fn check_rfc(doc: &str, f: &mut Findings) {
    const FIELD: &str = "document_id";
    if !rfc_shape_ok(doc) {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-mx-rfc-shape", &[]));
    } else if !rfc_date_ok(doc) {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-mx-rfc-date", &[]));
    } else if !rfc_check_ok(doc) {
        f.warn(FIELD, code::ADVISORY, tr("v-mx-rfc-check-advisory", &[]));
    }
}

fn check_clabe(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "bank_account";
    let Some(raw) = require(
        f,
        FIELD,
        req.bank_account.as_deref(),
        &tr("v-mx-clabe-required", &[]),
    ) else {
        return;
    };
    let account = compact(raw, &['-', '.']);
    req.bank_account = Some(account.clone());
    let Some(d) = digits(&account) else {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            tr("v-mx-clabe-digits-only", &[]),
        );
        return;
    };
    match d.len() {
        18 => {
            if !clabe_ok(&d) {
                f.check_digit_failed(FIELD, &tr("v-mx-clabe-check-digit", &[]));
            }
            if let Some(bank_code) = req.bank_code.as_deref() {
                if bank_code != &account[..3] {
                    f.push(
                        "bank_code",
                        code::MISMATCH,
                        tr("v-mx-bank-code-mismatch", &[]),
                    );
                }
            }
        }
        15 | 16 if luhn_ok(&account) => f.push(
            FIELD,
            code::CARD_NUMBER_NOT_SUPPORTED,
            tr("v-mx-card-number", &[]),
        ),
        _ => f.push(FIELD, code::INVALID_FORMAT, tr("v-mx-clabe-length", &[])),
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
        assert!(clabe_ok(&digits("002010077777777771").expect("digits")));
        passes(&with_clabe("002010077777777771"));
    }

    #[test]
    fn clabe_vector_032180000118359719_is_valid() {
        assert!(clabe_ok(&digits("032180000118359719").expect("digits")));
        passes(&with_clabe("032180000118359719"));
    }

    #[test]
    fn clabe_vector_from_provider_sample_021790064060296642_is_valid() {
        assert!(clabe_ok(&digits("021790064060296642").expect("digits")));
        passes(&with_clabe("021790064060296642"));
    }

    #[test]
    fn clabe_with_wrong_check_digit_is_refused_on_bank_account() {
        assert!(!clabe_ok(&digits("021790064060296643").expect("digits")));
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
        assert!(curp_ok("BOXW310820HNERXN09"));
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
        assert!(!curp_ok("BOXW310820HNERXN08"));
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
    fn curp_without_a_type_is_recognised_by_its_shape_and_checked() {
        passes(&with_document("BOXW310820HNERXN09", None));
        refused_with(
            &with_document("BOXW310820HNERXN08", None),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
    }

    #[test]
    fn curp_or_rfc_typed_as_ife_is_refused_as_a_type_mismatch() {
        let errors = refused_with(
            &with_document("BOXW310820HNERXN09", Some("IFE")),
            "document_type",
            code::MISMATCH,
        );
        assert!(errors[0].message.contains("CURP"));
        refused_with(
            &with_document("RIMO560229QW5", Some("IFE")),
            "document_type",
            code::MISMATCH,
        );
        // A voter key (6 letters, 8 digits, H or M, 3 digits) has neither shape.
        passes(&with_document("GMVLMR80070501M100", Some("IFE")));
    }

    #[test]
    fn passport_number_is_never_second_guessed_by_shape() {
        passes(&with_document("BOXW310820HNERXN08", Some("PASS")));
        passes(&with_document("ABC123456XYZ", Some("PASS")));
    }

    #[test]
    fn curp_with_an_impossible_birth_date_is_refused_as_invalid_format() {
        // Check digits computed by the rule, so only the date is wrong.
        for (curp, why) in [
            ("SOHA890230MDFNRL03", "30 February"),
            ("SOHA000229MDFNRL01", "29 February 1900: not a leap year"),
        ] {
            assert!(curp_ok(curp), "{curp}");
            let errors = refused_with(
                &with_document(curp, Some("CURP")),
                "document_id",
                code::INVALID_FORMAT,
            );
            assert!(errors[0].message.contains("date"), "{why}");
        }
        // Born on 29 February 2000 (a leap year; the letter A says 2000s) and 2004.
        passes(&with_document("SOHA000229MDFNRLA1", Some("CURP")));
        passes(&with_document("SOHA040229MDFNRL09", Some("CURP")));
    }

    #[test]
    fn rfc_with_an_impossible_date_is_refused_as_invalid_format() {
        // The check characters are right (worked through the rule): only the dates are wrong.
        for rfc in [
            "GODE561331GR8",
            "RIMO561331QW8",
            "RIMO560230QW3",
            "RIMO570229QW8",
            "LAT931314AB7",
        ] {
            let errors = refused_with(
                &with_document(rfc, Some("RFC")),
                "document_id",
                code::INVALID_FORMAT,
            );
            assert!(errors[0].message.contains("date"), "{rfc}");
            // Also when the type was left empty: the shape says RFC.
            refused_with(
                &with_document(rfc, None),
                "document_id",
                code::INVALID_FORMAT,
            );
        }
        // 1956 was a leap year; 2000 too, so year 00 has a 29 February.
        no_warning_on(&with_document("RIMO560229QW5", Some("RFC")), "document_id");
        no_warning_on(&with_document("XYZA000229AB6", Some("RFC")), "document_id");
    }

    #[test]
    fn rfc_pasted_with_spaces_and_dashes_is_sent_compact() {
        let out = passes(&with_document("rimo\u{a0}560229\u{2013}qw5", Some("RFC")));
        assert_eq!(out.document_id, "RIMO560229QW5");
        let out = passes(&with_document("LAT-930714-AB1", None));
        assert_eq!(out.document_id, "LAT930714AB1");
    }

    #[test]
    fn rfc_with_a_wrong_check_character_passes_with_an_advisory() {
        for rfc in ["RIMO560229QW6", "XAXX010101000", "ABC680524P76"] {
            let w = warned(
                &with_document(rfc, Some("RFC")),
                "document_id",
                code::ADVISORY,
            );
            assert!(w.message.contains("1.5%"), "{w:?}");
            assert!(!w.message.contains(rfc));
        }
        no_warning_on(&with_document("RIMO560229QW5", Some("RFC")), "document_id");
        no_warning_on(&with_document("LAT930714AB1", Some("RFC")), "document_id");
    }

    #[test]
    fn clabe_pasted_with_unicode_dashes_and_spaces_is_sent_as_digits() {
        let out = passes(&with_clabe("002\u{2013}010\u{202f}07777777777\u{2212}1"));
        assert_eq!(out.bank_account.as_deref(), Some("002010077777777771"));
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

//! Phones, e-mail addresses and UUIDs: the shapes the provider documents, and the canonical
//! forms PIX keys take in the central bank's directory (DICT).
//!
//! Guarantees: [`br_phone`] turns the ways Brazilians write a phone — `(11) 98765-4321`,
//! `11 98765 4321`, `011 98765-4321`, `55 11 98765 4321`, `+55 11 98765-4321` — into E.164
//! (`+5511987654321`). A missing country code is taken to be +55 only when the digits cannot be
//! anything else: 10 or 11 digits (after an optional trunk `0`) that are an existing two-digit
//! area code (DDD) followed by a mobile number (9 digits starting with 9) or a landline (8
//! digits starting with 2 to 5). Anything else without a `+` is refused, so a foreign number is
//! never silently made Brazilian. Left out: whether a number or address exists, or is registered
//! as a PIX key (a live, rate-limited DICT lookup).

use super::text::is_digits;
use crate::l10n::messages::tr;

/// Brazil's two-digit area codes (DDD), as assigned by the telecoms regulator (Anatel).
const BR_AREA_CODES: &[&str] = &[
    "11", "12", "13", "14", "15", "16", "17", "18", "19", // São Paulo
    "21", "22", "24", "27", "28", // Rio de Janeiro, Espírito Santo
    "31", "32", "33", "34", "35", "37", "38", // Minas Gerais
    "41", "42", "43", "44", "45", "46", "47", "48", "49", // Paraná, Santa Catarina
    "51", "53", "54", "55", // Rio Grande do Sul
    "61", "62", "63", "64", "65", "66", "67", "68", "69", // Centre-West, Acre, Rondônia
    "71", "73", "74", "75", "77", "79", // Bahia, Sergipe
    "81", "82", "83", "84", "85", "86", "87", "88", "89", // North-East
    "91", "92", "93", "94", "95", "96", "97", "98", "99", // North, Maranhão
];

/// A Brazilian phone read from what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct BrPhone {
    /// E.164: `+`, country code, number, digits only.
    pub(super) e164: String,
    /// A Brazilian mobile (+55, area code, 9 digits starting with 9): the only kind of number
    /// that can be a PIX phone key.
    pub(super) mobile: bool,
    /// The country code is +55.
    pub(super) brazilian: bool,
}

/// Why a phone typed for Brazil could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BrPhoneProblem {
    /// Not digits with an optional leading `+`, or not E.164.
    NotANumber,
    /// +55, but not an existing area code followed by 8 or 9 digits.
    NotABrazilianNumber,
    /// No country code, and not unmistakably a Brazilian number.
    NoCountryCode,
}

impl BrPhoneProblem {
    /// What the operator reads, in the active language.
    pub(super) fn message(self) -> String {
        let id = match self {
            Self::NotANumber => "v-phone-not-a-number",
            Self::NotABrazilianNumber => "v-phone-not-brazilian",
            Self::NoCountryCode => "v-phone-no-country-code",
        };
        tr(id, &[])
    }
}

/// The national part (area code + number) when it is an existing area code followed by a
/// mobile (9 digits starting with 9) or a landline (8 digits starting with 2–5).
fn national(digits: &str) -> Option<BrPhone> {
    if !is_digits(digits, 10, 11) || !BR_AREA_CODES.contains(&&digits[..2]) {
        return None;
    }
    let number = &digits[2..];
    let mobile = number.len() == 9 && number.starts_with('9');
    let landline = number.len() == 8 && number.starts_with(['2', '3', '4', '5']);
    (mobile || landline).then(|| BrPhone {
        e164: format!("+55{digits}"),
        mobile,
        brazilian: true,
    })
}

/// Reads a phone typed for a Brazilian payout, separators already removed (see the module
/// comment for when +55 is assumed).
pub(super) fn br_phone(typed: &str) -> Result<BrPhone, BrPhoneProblem> {
    if let Some(rest) = typed.strip_prefix('+') {
        if !is_e164(typed) {
            return Err(BrPhoneProblem::NotANumber);
        }
        let Some(national_part) = rest.strip_prefix("55") else {
            return Ok(BrPhone {
                e164: typed.to_owned(),
                mobile: false,
                brazilian: false,
            });
        };
        // With the country code written out, any 8- or 9-digit number after a real area code
        // is kept (the provider's own example, +5511666666666, is one): the operator said +55.
        if is_digits(national_part, 10, 11) && BR_AREA_CODES.contains(&&national_part[..2]) {
            let number = &national_part[2..];
            return Ok(BrPhone {
                e164: typed.to_owned(),
                mobile: number.len() == 9 && number.starts_with('9'),
                brazilian: true,
            });
        }
        return Err(BrPhoneProblem::NotABrazilianNumber);
    }
    if !is_digits(typed, 1, 20) {
        return Err(BrPhoneProblem::NotANumber);
    }
    // Area codes never start with 0, and national numbers have 10 or 11 digits, so a leading 0
    // is the trunk prefix and a 12- or 13-digit number starting with 55 carries the country code.
    let national_part = match typed.len() {
        10 | 11 if !typed.starts_with('0') => typed,
        11 | 12 if typed.starts_with('0') => &typed[1..],
        12 | 13 if typed.starts_with("55") => &typed[2..],
        _ => return Err(BrPhoneProblem::NoCountryCode),
    };
    national(national_part).ok_or(BrPhoneProblem::NoCountryCode)
}

/// E.164 as the provider documents it for Brazil: `^\+[1-9]\d{1,14}$`.
pub(super) fn is_e164(phone: &str) -> bool {
    phone.strip_prefix('+').is_some_and(|rest| {
        rest.starts_with(|c: char| ('1'..='9').contains(&c)) && is_digits(rest, 2, 15)
    })
}

/// The looser shape accepted where no country rule is published: optional `+`, 7–15 digits.
pub(super) fn is_plausible_phone(phone: &str) -> bool {
    is_digits(phone.strip_prefix('+').unwrap_or(phone), 7, 15)
}

/// A UUID in text form: 36 characters, hex with hyphens after the 8th, 12th, 16th, 20th digit.
pub(super) fn is_uuid(value: &str) -> bool {
    value.len() == 36
        && value.char_indices().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// A plausible e-mail address: one `@`, a local part, and a dotted domain with a real-looking
/// top-level label. Deliverability is the provider's business (codes 540–541).
pub(super) fn is_plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.bytes().all(|b| b.is_ascii_graphic() && b != b'@')
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()));
    local_ok && labels_ok && tld_ok
}

/// The characters many PIX libraries allow in an e-mail key; longer keys are only a warning
/// until the provider confirms the cap (validation-rules.md, Brazil).
pub(super) const PIX_EMAIL_ADVISORY_MAX: usize = 77;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn brazilian_phones_as_people_type_them_become_e164() {
        for typed in [
            "11987654321",   // (11) 98765-4321 once separators are gone
            "011987654321",  // with the trunk 0
            "5511987654321", // country code without the plus
            "+5511987654321",
        ] {
            let p = br_phone(typed).expect(typed);
            assert_eq!(p.e164, "+5511987654321", "{typed}");
            assert!(p.mobile && p.brazilian, "{typed}");
        }
        let landline = br_phone("1134567890").expect("landline");
        assert_eq!(landline.e164, "+551134567890");
        assert!(!landline.mobile);
    }

    #[test]
    fn area_code_55_is_read_as_an_area_code_when_the_length_says_so() {
        assert_eq!(
            br_phone("55987654321").expect("DDD 55 mobile").e164,
            "+5555987654321"
        );
        assert_eq!(
            br_phone("5555987654321").expect("+55, DDD 55").e164,
            "+5555987654321"
        );
    }

    #[test]
    fn numbers_without_country_code_that_are_not_unmistakably_brazilian_are_refused() {
        for typed in [
            "1187654321",   // 8 digits starting with 8: neither mobile nor landline
            "11687654321",  // 9 digits not starting with 9
            "20987654321",  // no area code 20
            "987654321",    // no area code
            "447911123456", // a UK mobile without its plus
            "0021119876543",
        ] {
            assert_eq!(
                br_phone(typed),
                Err(BrPhoneProblem::NoCountryCode),
                "{typed}"
            );
        }
        assert_eq!(br_phone("call me"), Err(BrPhoneProblem::NotANumber));
        assert_eq!(br_phone("+0511666666666"), Err(BrPhoneProblem::NotANumber));
    }

    #[test]
    fn explicit_plus_55_needs_a_real_area_code_and_8_or_9_digits() {
        let sample = br_phone("+5511666666666").expect("provider example");
        assert!(sample.brazilian && !sample.mobile);
        assert_eq!(
            br_phone("+5520987654321"),
            Err(BrPhoneProblem::NotABrazilianNumber)
        );
        assert_eq!(
            br_phone("+551198765432100"),
            Err(BrPhoneProblem::NotABrazilianNumber)
        );
    }

    #[test]
    fn foreign_numbers_with_their_country_code_are_kept_as_typed() {
        let uk = br_phone("+447911123456").expect("E.164");
        assert_eq!(uk.e164, "+447911123456");
        assert!(!uk.brazilian && !uk.mobile);
    }

    #[test]
    fn e164_matches_the_published_pattern() {
        assert!(is_e164("+5511666666666"));
        assert!(is_e164("+12"));
        assert!(!is_e164("5511666666666"));
        assert!(!is_e164("+0511666666666"));
        assert!(!is_e164("+1234567890123456"));
        assert!(!is_e164("+1"));
    }

    #[test]
    fn uuid_shape_is_checked_by_position() {
        assert!(is_uuid("123e4567-e89b-42d3-a456-426614174000"));
        assert!(is_uuid("123E4567-E89B-42D3-A456-426614174000"));
        assert!(!is_uuid("123e4567e89b42d3a456426614174000"));
        assert!(!is_uuid("123e4567-e89b-42d3-a456-42661417400g"));
        assert!(!is_uuid("123e4567-e89b-42d3-a456-4266141740000"));
    }

    #[test]
    fn plausible_emails_pass_and_broken_ones_do_not() {
        assert!(is_plausible_email("maria.silva+pix@example.com.br"));
        assert!(!is_plausible_email("maria"));
        assert!(!is_plausible_email("maria@localhost"));
        assert!(!is_plausible_email("maria@@example.com"));
        assert!(!is_plausible_email("ma ria@example.com"));
        assert!(!is_plausible_email("maria@example..com"));
        assert!(!is_plausible_email("@example.com"));
        assert!(!is_plausible_email("maria@example.c0m"));
    }

    proptest! {
        #[test]
        fn any_mobile_in_any_usual_written_form_reads_as_the_same_e164(
            area in prop::sample::select(BR_AREA_CODES),
            number in "9[0-9]{8}",
            form in 0..4usize,
        ) {
            let typed = match form {
                0 => format!("{area}{number}"),
                1 => format!("0{area}{number}"),
                2 => format!("55{area}{number}"),
                _ => format!("+55{area}{number}"),
            };
            let p = br_phone(&typed).expect("mobile");
            prop_assert_eq!(p.e164, format!("+55{area}{number}"));
            prop_assert!(p.mobile);
        }
    }
}

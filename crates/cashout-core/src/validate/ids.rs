//! The national check-character algorithms and embedded dates, written from
//! `validation-rules.md`, as pure functions over cleaned values (see [`super::text`]).
//!
//! Guarantees: each function answers only "does the check character agree" (or "is this a real
//! date") for a value of the right length and alphabet, and answers `false` for anything else, so
//! a country module decides the shape first and the message second. Left out: which field a
//! value came from, overrides and wording — the country modules own those.

use super::text::digits;

/// Mod-11 check digit shared by CPF and CNPJ: 0 when the remainder is below 2, else 11 − r.
fn mod11(values: &[u32], weights: &[u32]) -> u32 {
    let r = values.iter().zip(weights).map(|(v, w)| v * w).sum::<u32>() % 11;
    if r < 2 {
        0
    } else {
        11 - r
    }
}

/// CPF: two check digits over 11 digit values.
pub(super) fn cpf_ok(d: &[u32]) -> bool {
    d.len() == 11
        && mod11(&d[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]) == d[9]
        && mod11(&d[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) == d[10]
}

/// The CNPJ character values (ASCII − 48, so `A` is 17), when the shape is right: 12 of
/// `[0-9A-Z]` (letters from July 2026), then 2 digits.
pub(super) fn cnpj_values(doc: &str) -> Option<Vec<u32>> {
    let bytes = doc.as_bytes();
    let shape_ok = bytes.len() == 14
        && bytes[..12]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && bytes[12..].iter().all(u8::is_ascii_digit);
    shape_ok.then(|| bytes.iter().map(|&b| u32::from(b) - 48).collect())
}

/// CNPJ: two check digits over 14 character values from [`cnpj_values`].
pub(super) fn cnpj_ok(v: &[u32]) -> bool {
    v.len() == 14
        && mod11(&v[..12], &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == v[12]
        && mod11(&v[..13], &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == v[13]
}

/// CLABE: weights 3,7,1 over the first 17 digits, each product mod 10, check = (10 − sum mod
/// 10) mod 10.
pub(super) fn clabe_ok(d: &[u32]) -> bool {
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

/// The CURP (and RFC) character alphabet: a character's value is its index (`&` between N and
/// O).
const CURP_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ";

/// CURP: (10 − Σ value × (18 − position) mod 10) mod 10 over the first 17 characters equals the
/// 18th.
pub(super) fn curp_ok(curp: &str) -> bool {
    if curp.chars().count() != 18 {
        return false;
    }
    let mut sum = 0u32;
    for (weight, c) in (2..=18u32).rev().zip(curp.chars()) {
        let Some(value) = CURP_ALPHABET.find(c) else {
            return false;
        };
        // An index into a 37-character alphabet: the cast cannot truncate.
        sum += value as u32 * weight;
    }
    let check = (10 - sum % 10) % 10;
    curp.chars().nth(17).and_then(|c| c.to_digit(10)) == Some(check)
}

/// RFC: the last character against the other 11 or 12 (a company's 12-character RFC is padded
/// on the left with a space, value 37; `Ñ` is 38). Weights 13 down to 2, r = sum mod 11, check
/// = 0 when r is 0, else 11 − r, with 10 written `A`. Issued RFCs fail this about 1.5% of the
/// time, so it only ever feeds a warning.
pub(super) fn rfc_check_ok(rfc: &str) -> bool {
    let chars: Vec<char> = rfc.chars().collect();
    let Some((&check, body)) = chars.split_last() else {
        return false;
    };
    let padded: Vec<char> = match body.len() {
        11 => std::iter::once(' ').chain(body.iter().copied()).collect(),
        12 => body.to_vec(),
        _ => return false,
    };
    let mut sum = 0u32;
    for (weight, c) in (2..=13u32).rev().zip(&padded) {
        let value = match c {
            ' ' => 37,
            'Ñ' => 38,
            // An index into a 37-character alphabet: the cast cannot truncate.
            c => match CURP_ALPHABET.find(*c) {
                Some(v) => v as u32,
                None => return false,
            },
        };
        sum += value * weight;
    }
    let expected = match (11 - sum % 11) % 11 {
        10 => 'A',
        n => char::from_digit(n, 10).unwrap_or('?'),
    };
    check == expected
}

/// One CCI check digit: weights 1,2,1,2… from the left, two-digit products summed by digit.
fn cci_check_digit(d: &[u32]) -> u32 {
    let sum: u32 = d
        .iter()
        .zip([1, 2].iter().cycle())
        .map(|(v, w)| {
            let p = v * w;
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

/// CCI: digit 19 over bank + branch (digits 1–6), digit 20 over the account (digits 7–18).
pub(super) fn cci_ok(d: &[u32]) -> bool {
    d.len() == 20 && cci_check_digit(&d[..6]) == d[18] && cci_check_digit(&d[6..18]) == d[19]
}

/// One CBU block: weighted sum of the digits before the last, check = (10 − sum mod 10) mod 10.
fn cbu_block_ok(block: &[u32], weights: &[u32]) -> bool {
    let Some((&check, body)) = block.split_last() else {
        return false;
    };
    let sum: u32 = body.iter().zip(weights).map(|(v, w)| v * w).sum();
    body.len() == weights.len() && (10 - sum % 10) % 10 == check
}

/// CBU/CVU block 1 (bank + branch): digit 8 over digits 1–7, weights 7,1,3,9,7,1,3.
pub(super) fn cbu_block_one_ok(d: &[u32]) -> bool {
    d.len() == 22 && cbu_block_ok(&d[..8], &[7, 1, 3, 9, 7, 1, 3])
}

/// CBU/CVU: both block check digits, digit 8 and digit 22.
pub(super) fn cbu_ok(d: &[u32]) -> bool {
    cbu_block_one_ok(d) && cbu_block_ok(&d[8..], &[3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3])
}

/// CUIT/CUIL: 11 − (weighted sum mod 11), with 11 written 0 and 10 written 9.
pub(super) fn cuit_ok(d: &[u32]) -> bool {
    if d.len() != 11 {
        return false;
    }
    let sum: u32 = d[..10]
        .iter()
        .zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(v, w)| v * w)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => 9,
        n => n,
    };
    check == d[10]
}

/// The RUT/RUN check character of a body of digits: weights 2..7 from the right, 11 − r, with
/// 11 written `0` and 10 written `K`.
pub(super) fn rut_check_char(body: &str) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in body.chars().rev().zip([2u32, 3, 4, 5, 6, 7].iter().cycle()) {
        sum += c.to_digit(10)? * w;
    }
    match 11 - sum % 11 {
        11 => Some('0'),
        10 => Some('K'),
        n => char::from_digit(n, 10),
    }
}

/// NIT weights, applied from the rightmost body digit leftwards.
const NIT_WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

/// NIT: the last digit is the check digit of the body before it (r = weighted sum mod 11; check
/// = r when r < 2, else 11 − r).
pub(super) fn nit_ok(d: &[u32]) -> bool {
    let Some((&check, body)) = d.split_last() else {
        return false;
    };
    if body.is_empty() || body.len() > NIT_WEIGHTS.len() {
        return false;
    }
    let r = body
        .iter()
        .rev()
        .zip(NIT_WEIGHTS)
        .map(|(v, w)| v * w)
        .sum::<u32>()
        % 11;
    let expected = if r < 2 { r } else { 11 - r };
    expected == check
}

/// RUC: (11 − Σ weights 5,4,3,2,7,6,5,4,3,2 × first 10 mod 11) mod 10 equals digit 11.
pub(super) fn ruc_ok(d: &[u32]) -> bool {
    if d.len() != 11 {
        return false;
    }
    let sum: u32 = d[..10]
        .iter()
        .zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(v, w)| v * w)
        .sum();
    (11 - sum % 11) % 10 == d[10]
}

/// Peruvian DNI printed check character: r = Σ(weights 3,2,7,6,5,4,3,2 × the 8 digits) mod
/// 11; either the r-th character of `65432110987` (digit form) or of `KJIHGFEDCBA` (letter form).
pub(super) fn pe_dni_check_ok(eight: &str, check: char) -> bool {
    let Some(d) = digits(eight).filter(|d| d.len() == 8) else {
        return false;
    };
    let r = d
        .iter()
        .zip([3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(v, w)| v * w)
        .sum::<u32>()
        % 11;
    // r < 11, so both indexes exist.
    let r = r as usize;
    let check = check.to_ascii_uppercase();
    "65432110987".chars().nth(r) == Some(check) || "KJIHGFEDCBA".chars().nth(r) == Some(check)
}

/// Luhn (mod 10) over a digit string, as used by card numbers.
pub(super) fn luhn_ok(value: &str) -> bool {
    let Some(ds) = digits(value) else {
        return false;
    };
    let sum: u32 = ds
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| match (i % 2 == 1, d * 2) {
            (true, twice) if twice > 9 => twice - 9,
            (true, twice) => twice,
            (false, _) => d,
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Whether the year, month and day form a date of the Gregorian calendar (leap years included).
pub(super) fn is_real_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The `YYMMDD` at the start of `six`, when it is six digits: (yy, mm, dd).
pub(super) fn yymmdd(six: &str) -> Option<(u32, u32, u32)> {
    let d = digits(six).filter(|d| d.len() == 6)?;
    Some((d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Vec<u32> {
        digits(s).expect("digits")
    }

    // Vectors from validation-rules.md, one block per format; each followed by a one-character
    // change that the algorithm must catch.

    #[test]
    fn cpf_vectors() {
        assert!(cpf_ok(&d("39053344705")));
        assert!(cpf_ok(&d("01716001340")));
        assert!(!cpf_ok(&d("23100299900")));
        assert!(!cpf_ok(&d("39053344750")));
    }

    #[test]
    fn cnpj_vectors_numeric_and_alphanumeric() {
        let v = |s: &str| cnpj_values(s).expect("shape");
        assert!(cnpj_ok(&v("16727230000197")));
        assert!(cnpj_ok(&v("12ABC34501DE35")));
        assert!(!cnpj_ok(&v("16727230000198")));
        assert!(!cnpj_ok(&v("12ABC34501DF35")));
        assert_eq!(cnpj_values("12ABC34501DE3A"), None);
        assert_eq!(cnpj_values("12abc34501de35"), None);
    }

    #[test]
    fn clabe_vectors() {
        for ok in [
            "002010077777777771",
            "032180000118359719",
            "021790064060296642",
        ] {
            assert!(clabe_ok(&d(ok)), "{ok}");
        }
        assert!(!clabe_ok(&d("021790064060296643")));
    }

    #[test]
    fn curp_vector() {
        assert!(curp_ok("BOXW310820HNERXN09"));
        assert!(!curp_ok("BOXW310820HNERXN08"));
        assert!(!curp_ok("BOXW310820HNERXN0"));
    }

    #[test]
    fn rfc_check_character_of_persons_and_companies() {
        // Own values, worked through the rule above.
        assert!(rfc_check_ok("RIMO560229QW5"));
        assert!(!rfc_check_ok("RIMO560229QW6"));
        assert!(rfc_check_ok("LAT930714AB1"));
        assert!(!rfc_check_ok("LAT930714AB2"));
        assert!(!rfc_check_ok("LAT930714"));
    }

    #[test]
    fn cci_vector_and_each_check_digit() {
        assert!(cci_ok(&d("00219300153895206813")));
        assert!(!cci_ok(&d("00219300153895206803")));
        assert!(!cci_ok(&d("00219300153895206814")));
    }

    #[test]
    fn cbu_vectors_and_each_block() {
        assert!(cbu_ok(&d("2850590940090418135201")));
        assert!(cbu_ok(&d("0720309988000019834160")));
        assert!(!cbu_block_one_ok(&d("2850590840090418135201")));
        let provider_doc_example = d("0000003112345678901234");
        assert!(cbu_block_one_ok(&provider_doc_example));
        assert!(!cbu_ok(&provider_doc_example));
    }

    #[test]
    fn cuit_vector() {
        assert!(cuit_ok(&d("20055361682")));
        assert!(!cuit_ok(&d("20055361683")));
    }

    #[test]
    fn rut_vectors_including_k() {
        assert_eq!(rut_check_char("76086428"), Some('5'));
        assert_eq!(rut_check_char("12531909"), Some('2'));
        assert_eq!(rut_check_char("17298356"), Some('1'));
        assert_eq!(rut_check_char("8900960"), Some('K'));
        assert_eq!(rut_check_char("5676586"), Some('7'));
        assert_eq!(rut_check_char("12A"), None);
    }

    #[test]
    fn nit_vector() {
        assert!(nit_ok(&d("2131234321")));
        assert!(!nit_ok(&d("2131234322")));
        assert!(!nit_ok(&d("7")));
    }

    #[test]
    fn ruc_vector() {
        assert!(ruc_ok(&d("20512333797")));
        assert!(!ruc_ok(&d("20512333798")));
    }

    #[test]
    fn peruvian_dni_check_character_in_digit_and_letter_form() {
        // Own value: 1·3 + 2·2 + 3·7 + 4·6 + 5·5 + 6·4 + 7·3 + 8·2 = 138, 138 mod 11 = 6, so the
        // 7th character of each alphabet: 1 or E.
        assert!(pe_dni_check_ok("12345678", '1'));
        assert!(pe_dni_check_ok("12345678", 'E'));
        assert!(pe_dni_check_ok("12345678", 'e'));
        assert!(!pe_dni_check_ok("12345678", '2'));
        assert!(!pe_dni_check_ok("12345678", 'F'));
        assert!(!pe_dni_check_ok("1234567", '1'));
    }

    #[test]
    fn luhn_accepts_known_card_numbers_and_refuses_a_changed_digit() {
        assert!(luhn_ok("4111111111111111"));
        assert!(luhn_ok("378282246310005"));
        assert!(!luhn_ok("4111111111111112"));
        assert!(!luhn_ok("41111111111x1111"));
    }

    #[test]
    fn real_dates_follow_the_gregorian_calendar() {
        assert!(is_real_date(1956, 12, 31));
        assert!(!is_real_date(1956, 13, 31));
        assert!(!is_real_date(1956, 0, 1));
        assert!(!is_real_date(1956, 4, 31));
        assert!(!is_real_date(2001, 2, 29));
        assert!(is_real_date(2004, 2, 29));
        assert!(!is_real_date(1900, 2, 29));
        assert!(is_real_date(2000, 2, 29));
        assert!(!is_real_date(2000, 2, 30));
        assert!(!is_real_date(2000, 1, 0));
        assert_eq!(yymmdd("561231"), Some((56, 12, 31)));
        assert_eq!(yymmdd("5612A1"), None);
    }
}

//! National check-digit algorithms, written from `validation-rules.md` (which rewrote them from
//! python-stdnum and other public references), each pinned by that file's vectors.
//!
//! Guarantees: every function takes the value already stripped of separators and answers only
//! "does the arithmetic hold"; shapes (lengths, allowed characters) are checked first by the
//! callers, and a function given a wrongly shaped value answers `false` rather than panicking.
//!
//! Left out: the RFC (Mexico) check digit, which the rules file says to treat as a warning only,
//! and the optional DNI (Peru) check character, which the provider does not take.

/// The digit values of a string of ASCII digits; `None` if any other character is present.
pub(crate) fn values(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// Whether `s` is only ASCII digits, with a length in `min..=max`.
pub(crate) fn is_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

fn weighted(values: &[u32], weights: &[u32]) -> u32 {
    values.iter().zip(weights).map(|(v, w)| v * w).sum()
}

/// The CPF/CNPJ digit rule: r = sum mod 11; 0 if r < 2, else 11 − r.
fn mod11_digit(sum: u32) -> u32 {
    let r = sum % 11;
    if r < 2 {
        0
    } else {
        11 - r
    }
}

/// CPF (Brazil, 11 digits): two mod-11 verifier digits.
pub(crate) fn cpf_ok(doc: &str) -> bool {
    let Some(d) = values(doc).filter(|d| d.len() == 11) else {
        return false;
    };
    let dv1 = mod11_digit(weighted(&d[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]));
    let dv2 = mod11_digit(weighted(&d[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]));
    dv1 == d[9] && dv2 == d[10]
}

/// CNPJ (Brazil, 14 characters): 12 of `[0-9A-Z]` (the alphanumeric CNPJ of July 2026) then 2
/// digits; each character's value is its ASCII code minus 48.
pub(crate) fn cnpj_ok(doc: &str) -> bool {
    let b = doc.as_bytes();
    let shape = b.len() == 14
        && b[..12]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && b[12..].iter().all(u8::is_ascii_digit);
    if !shape {
        return false;
    }
    let v: Vec<u32> = b.iter().map(|&c| u32::from(c) - 48).collect();
    let dv1 = mod11_digit(weighted(&v[..12], &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]));
    let dv2 = mod11_digit(weighted(&v[..13], &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]));
    dv1 == v[12] && dv2 == v[13]
}

/// CLABE (Mexico, 18 digits): weights 3,7,1 over the first 17, each product mod 10.
pub(crate) fn clabe_ok(account: &str) -> bool {
    let Some(d) = values(account).filter(|d| d.len() == 18) else {
        return false;
    };
    let sum: u32 = d[..17]
        .iter()
        .zip([3, 7, 1].iter().cycle())
        .map(|(v, w)| (v * w) % 10)
        .sum();
    (10 - sum % 10) % 10 == d[17]
}

/// The Mexican state codes a CURP may carry (positions 12–13), `NE` for born abroad.
const CURP_STATES: &[&str] = &[
    "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN",
    "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS",
    "NE",
];

/// The CURP value alphabet: 0–9, A–N, &, O–Z.
const CURP_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ";

/// CURP shape `^[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d$` with a valid state code.
pub(crate) fn curp_shape_ok(curp: &str) -> bool {
    let b = curp.as_bytes();
    if b.len() != 18 {
        return false;
    }
    let upper = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_uppercase);
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    upper(0..4)
        && digits(4..10)
        && matches!(b[10], b'H' | b'M')
        && upper(11..16)
        && (b[16].is_ascii_digit() || b[16].is_ascii_uppercase())
        && digits(17..18)
        && CURP_STATES.contains(&&curp[11..13])
}

/// CURP check digit: (10 − Σ value × (18 − i) mod 10) mod 10 over the first 17 characters,
/// `i` counted from 0.
pub(crate) fn curp_ok(curp: &str) -> bool {
    if !curp_shape_ok(curp) {
        return false;
    }
    let mut sum = 0u32;
    for (i, c) in curp.chars().take(17).enumerate() {
        let (Some(value), Ok(i)) = (CURP_ALPHABET.find(c), u32::try_from(i)) else {
            return false;
        };
        let Ok(value) = u32::try_from(value) else {
            return false;
        };
        sum += value * (18 - i);
    }
    curp[17..].parse::<u32>().ok() == Some((10 - sum % 10) % 10)
}

/// NIT (Colombia): weights 3,7,13,… from the rightmost body digit leftwards; r = sum mod 11;
/// check = r if r < 2 else 11 − r. `nit` is body + check digit.
pub(crate) fn nit_ok(nit: &str) -> bool {
    const WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let Some(d) = values(nit) else { return false };
    let Some((&check, body)) = d.split_last() else {
        return false;
    };
    if body.is_empty() || body.len() > WEIGHTS.len() {
        return false;
    }
    let r = body
        .iter()
        .rev()
        .zip(WEIGHTS)
        .map(|(v, w)| v * w)
        .sum::<u32>()
        % 11;
    check == if r < 2 { r } else { 11 - r }
}

/// One CCI check digit: weights 1,2,1,2… from the left, a two-digit product counted by its
/// digits, check = (10 − sum mod 10) mod 10.
fn cci_digit(d: &[u32]) -> u32 {
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

/// CCI (Peru, 20 digits): bank (3) + branch (3) + account (12) + two check digits, the first
/// over bank + branch, the second over the account.
pub(crate) fn cci_ok(account: &str) -> bool {
    let Some(d) = values(account).filter(|d| d.len() == 20) else {
        return false;
    };
    cci_digit(&d[..6]) == d[18] && cci_digit(&d[6..18]) == d[19]
}

/// RUC (Peru, 11 digits, prefix 10/15/17/20): check = (11 − Σ weights × first 10 mod 11) mod 10.
pub(crate) fn ruc_ok(ruc: &str) -> bool {
    let Some(d) = values(ruc).filter(|d| d.len() == 11) else {
        return false;
    };
    let prefix_ok = matches!(&ruc[..2], "10" | "15" | "17" | "20");
    let sum = weighted(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    prefix_ok && (11 - sum % 11) % 10 == d[10]
}

/// RUT/RUN (Chile): body digits from the right × 2,3,4,5,6,7 repeating; check = 11 − (sum mod
/// 11), 11 written `0` and 10 written `K`. `body` is digits only; `check` upper case.
pub(crate) fn rut_ok(body: &str, check: char) -> bool {
    let Some(d) = values(body).filter(|d| !d.is_empty()) else {
        return false;
    };
    let sum: u32 = d
        .iter()
        .rev()
        .zip([2, 3, 4, 5, 6, 7].iter().cycle())
        .map(|(v, w)| v * w)
        .sum();
    let expected = match 11 - sum % 11 {
        11 => '0',
        10 => 'K',
        n => char::from_digit(n, 10).unwrap_or('?'),
    };
    expected == check
}

/// CBU/CVU (Argentina, 22 digits): digit 8 checks digits 1–7 (weights 7,1,3,9,7,1,3), digit 22
/// checks digits 9–21 (weights 3,9,7,1,…); each check = (10 − sum mod 10) mod 10.
pub(crate) fn cbu_ok(account: &str) -> bool {
    let Some(d) = values(account).filter(|d| d.len() == 22) else {
        return false;
    };
    let block = |body: &[u32], weights: &[u32], check: u32| {
        (10 - weighted(body, weights) % 10) % 10 == check
    };
    block(&d[..7], &[7, 1, 3, 9, 7, 1, 3], d[7])
        && block(&d[8..21], &[3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3], d[21])
}

/// CUIT/CUIL prefixes: 20, 23, 24, 27, 30, 33, 34, and the 50, 51, 55 of stdnum's list.
const CUIT_PREFIXES: &[&str] = &["20", "23", "24", "27", "30", "33", "34", "50", "51", "55"];

/// Whether an 11-digit CUIT/CUIL starts with a known prefix.
pub(crate) fn cuit_prefix_ok(cuit: &str) -> bool {
    cuit.get(..2).is_some_and(|p| CUIT_PREFIXES.contains(&p))
}

/// CUIT/CUIL (Argentina, 11 digits): known prefix; check = 11 − (Σ weights 5,4,3,2,7,6,5,4,3,2
/// mod 11), 11 written 0 and 10 written 9 (stdnum's mapping).
pub(crate) fn cuit_ok(cuit: &str) -> bool {
    let Some(d) = values(cuit).filter(|d| d.len() == 11) else {
        return false;
    };
    let check = match 11 - weighted(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11 {
        11 => 0,
        10 => 9,
        n => n,
    };
    cuit_prefix_ok(cuit) && check == d[10]
}

/// Luhn (card numbers), only to tell an operator that a Mexican account is a card.
pub(crate) fn luhn_ok(number: &str) -> bool {
    let Some(d) = values(number).filter(|d| !d.is_empty()) else {
        return false;
    };
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &v)| match (i % 2, v * 2) {
            (1, twice) if twice > 9 => twice - 9,
            (1, twice) => twice,
            _ => v,
        })
        .sum();
    sum.is_multiple_of(10)
}

/// `value` without the characters in `separators`.
pub(crate) fn strip(value: &str, separators: &[char]) -> String {
    value.chars().filter(|c| !separators.contains(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpf_vectors() {
        assert!(cpf_ok("39053344705"));
        assert!(cpf_ok("01716001340"));
        assert!(!cpf_ok("23100299900"));
        assert!(!cpf_ok("3905334470"));
        assert!(!cpf_ok("3905334470X"));
    }

    #[test]
    fn cnpj_vectors_numeric_and_alphanumeric() {
        assert!(cnpj_ok("16727230000197"));
        assert!(!cnpj_ok("16727230000198"));
        assert!(cnpj_ok("12ABC34501DE35"));
        assert!(!cnpj_ok("12ABC34501DE36"));
        assert!(!cnpj_ok("12abc34501de35"));
        assert!(!cnpj_ok("12ABC34501DE3A"));
    }

    #[test]
    fn clabe_vectors() {
        for ok in [
            "002010077777777771",
            "032180000118359719",
            "021790064060296642",
        ] {
            assert!(clabe_ok(ok), "{ok}");
        }
        assert!(!clabe_ok("021790064060296643"));
        assert!(!clabe_ok("02179006406029664"));
    }

    #[test]
    fn curp_vector() {
        assert!(curp_ok("BOXW310820HNERXN09"));
        assert!(!curp_ok("BOXW310820HNERXN08"));
        assert!(!curp_shape_ok("BOXW310820HXXRXN09"), "XX is no state");
        assert!(!curp_shape_ok("BOXW310820XNERXN09"), "sex must be H or M");
    }

    #[test]
    fn nit_vector() {
        assert!(nit_ok("2131234321"));
        assert!(!nit_ok("2131234322"));
    }

    #[test]
    fn cci_vector() {
        assert!(cci_ok("00219300153895206813"));
        assert!(!cci_ok("00219300153895206814"));
        assert!(!cci_ok("00219300153895206803"));
    }

    #[test]
    fn ruc_vector() {
        assert!(ruc_ok("20512333797"));
        assert!(!ruc_ok("20512333798"));
        assert!(!ruc_ok("30512333797"), "30 is no RUC prefix");
    }

    #[test]
    fn rut_vectors() {
        assert!(rut_ok("76086428", '5'));
        assert!(rut_ok("12531909", '2'));
        assert!(rut_ok("17298356", '1'));
        assert!(rut_ok("8900960", 'K'));
        // The provider's own sample fails the national rule (expected 7).
        assert!(!rut_ok("5676586", '9'));
        assert!(rut_ok("5676586", '7'));
    }

    #[test]
    fn cbu_vectors() {
        assert!(cbu_ok("2850590940090418135201"));
        assert!(cbu_ok("0720309988000019834160"));
        // Printed in some provider docs; fails block 2.
        assert!(!cbu_ok("0000003112345678901234"));
    }

    #[test]
    fn cuit_vector() {
        assert!(cuit_ok("20055361682"));
        assert!(!cuit_ok("20055361683"));
        assert!(!cuit_ok("21055361682"), "21 is no CUIT prefix");
    }

    #[test]
    fn luhn_knows_a_test_card() {
        assert!(luhn_ok("4111111111111111"));
        assert!(!luhn_ok("4111111111111112"));
    }
}

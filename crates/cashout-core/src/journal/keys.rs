//! The keys both stores search and sort payouts by, computed here once so the embedded file and
//! the team database find and order the same payouts the same way.
//!
//! - [`fold`]: text as people type it — case, accents and spacing do not matter ("Maria" finds
//!   "María", "joao" finds "João"): Unicode compatibility decomposition, combining marks
//!   dropped, lower case, runs of white space made one space.
//! - [`search_text`]: what a payout is found by — its external_id, beneficiary name, document,
//!   account (or PIX key), e-mail and phone, each folded, and each identifier once more without
//!   separators (so "12.345.678-9" and "123456789" find the same document). Fields are joined by
//!   [`FIELD_BREAK`], a character a folded query never holds, so no match spans two fields.
//! - [`search_terms`]: what a typed query is looked for as (the folded text, and its compact form
//!   when it is an identifier typed with separators).
//! - [`amount_key`] and [`name_key`]: text that sorts like the amount (grouped by currency, then
//!   by exact decimal value — never through a float) and like the beneficiary's folded name.
//!
//! Guarantees: every key is a pure function of what the journal stores, so a journal can compute
//! them again at any time (the migrations do); a missing value gives the empty key, which sorts
//! first in both stores. Left out: ranking (a search filters; the list's sort orders).

use rust_decimal::Decimal;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::api::types::CreateCashout;

/// Separates the fields of [`search_text`]; [`fold`] never yields it, so a query cannot match
/// across two fields.
pub const FIELD_BREAK: char = '\u{1f}';

/// `text` as a search compares it: compatibility-decomposed (NFKD), combining marks dropped,
/// lower case, control characters gone, white space runs made one space, trimmed.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    // Lower case first (so a capital's decomposition is seen), then decomposed with the marks
    // dropped, then lower case again (a compatibility form may decompose to capitals: "Ⅻ").
    let lowered: String = text.chars().flat_map(char::to_lowercase).collect();
    for c in lowered.nfkd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if c.is_control() {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase().filter(|c| !is_combining_mark(*c)));
    }
    out
}

/// An identifier without its separators: only its letters and digits, folded ("0001-2.3" →
/// "000123", "ana@x.com" → "anaxcom").
#[must_use]
pub fn compact(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What a payout is found by (see the module comment).
#[must_use]
pub fn search_text(
    external_id: Option<&str>,
    beneficiary: Option<&str>,
    request: Option<&CreateCashout>,
) -> String {
    let mut fields: Vec<String> = Vec::new();
    let mut push = |text: Option<&str>, identifier: bool| {
        let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
            return;
        };
        let folded = fold(text);
        if identifier {
            let compact = compact(text);
            if !compact.is_empty() && compact != folded {
                fields.push(compact);
            }
        }
        fields.push(folded);
    };
    push(external_id, false);
    push(beneficiary, false);
    if let Some(r) = request {
        push(Some(&r.document_id), true);
        push(r.bank_account.as_deref(), true);
        push(r.email.as_deref(), false);
        push(r.phone.as_deref(), true);
    }
    fields.join(&FIELD_BREAK.to_string())
}

/// What a typed query is looked for as: its folded text, and — when it reads as an identifier
/// typed with separators (digits, with dots, dashes, slashes or spaces between) — also its
/// compact form (a phone typed `(11) 98765-4321` finds `11987654321`). Empty for a query with
/// nothing to look for.
#[must_use]
pub fn search_terms(query: &str) -> Vec<String> {
    let folded = fold(query);
    if folded.is_empty() {
        return Vec::new();
    }
    let mut terms = vec![folded.clone()];
    let identifier = folded.chars().any(|c| c.is_ascii_digit())
        && folded.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ' ' | '(' | ')' | '+')
        });
    let compact = compact(&folded);
    if identifier && compact != folded && !compact.is_empty() {
        terms.push(compact);
    }
    terms
}

/// Widths of an amount key's parts: every decimal `rust_decimal` holds fits (at most 29 digits
/// before the point and 28 after).
const INT_DIGITS: usize = 29;
const FRACTION_DIGITS: usize = 28;

/// Text that sorts amounts by currency, then by exact value: `"BRL 000…1234.5600…"`. Empty for
/// an amount that is missing, not a decimal, or negative (payout amounts are positive), so such
/// rows sort first.
#[must_use]
pub fn amount_key(currency: Option<&str>, amount: Option<&str>) -> String {
    let Some(value) = amount.and_then(|a| a.trim().parse::<Decimal>().ok()) else {
        return String::new();
    };
    if value.is_sign_negative() && !value.is_zero() {
        return String::new();
    }
    let text = value.normalize().abs().to_string();
    let (int, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let currency = currency.map(str::trim).unwrap_or("").to_ascii_uppercase();
    format!("{currency:<3} {int:0>INT_DIGITS$}.{fraction:0<FRACTION_DIGITS$}")
}

/// Text that sorts beneficiaries as people read names: folded (case and accents ignored).
#[must_use]
pub fn name_key(beneficiary: Option<&str>) -> String {
    beneficiary.map(fold).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accents_case_and_spacing_do_not_matter() {
        assert_eq!(fold("  María   López "), "maria lopez");
        assert_eq!(fold("JOÃO Conceição"), "joao conceicao");
        assert_eq!(fold("Peña Ñandú"), "pena nandu");
        // Compatibility forms: a full-width digit and a ligature read as typed on a keyboard.
        assert_eq!(fold("ﬁ１"), "fi1");
        assert_eq!(fold("a\u{1f}b\tc"), "ab c");
    }

    #[test]
    fn a_document_is_found_with_or_without_its_separators() {
        let request = CreateCashout {
            document_id: "12.345.678-9".into(),
            bank_account: Some("0001-23 4".into()),
            ..CreateCashout::default()
        };
        let text = search_text(Some("desk-1"), Some("María Pérez"), Some(&request));
        for query in [
            "Maria",
            "perez",
            "12.345.678-9",
            "123456789",
            "0001-23",
            "0001234",
        ] {
            assert!(
                search_terms(query)
                    .iter()
                    .any(|t| text.contains(t.as_str())),
                "{query} not found in {text:?}"
            );
        }
        // No match across two fields.
        assert!(!search_terms("pérez 1")
            .iter()
            .any(|t| text.contains(t.as_str())));
    }

    #[test]
    fn a_name_query_is_not_compacted() {
        assert_eq!(search_terms("Ana-Maria"), ["ana-maria"]);
        assert_eq!(search_terms("  "), Vec::<String>::new());
        assert_eq!(search_terms("0001-23"), ["0001-23", "000123"]);
        assert_eq!(
            search_terms("(11) 98765-4321"),
            ["(11) 98765-4321", "11987654321"]
        );
    }

    #[test]
    fn amount_keys_sort_by_currency_then_exact_value() {
        let mut amounts = [
            "10.5", "9.99", "100", "10.25", "0.01", "ten", "-1", "1000.00",
        ];
        amounts.sort_by_key(|a| amount_key(Some("brl"), Some(a)));
        assert_eq!(
            amounts,
            ["ten", "-1", "0.01", "9.99", "10.25", "10.5", "100", "1000.00"]
        );
        assert!(amount_key(Some("BRL"), Some("999999")) < amount_key(Some("CLP"), Some("1")));
        assert_eq!(amount_key(Some("BRL"), None), "");
    }

    proptest! {
        #[test]
        fn amount_keys_order_as_the_decimals_do(a in 0u64..u64::MAX, sa in 0u32..12, b in 0u64..u64::MAX, sb in 0u32..12) {
            let (x, y) = (Decimal::new(a as i64 & i64::MAX, sa), Decimal::new(b as i64 & i64::MAX, sb));
            let (kx, ky) = (amount_key(Some("MXN"), Some(&x.to_string())), amount_key(Some("MXN"), Some(&y.to_string())));
            prop_assert_eq!(kx.cmp(&ky), x.cmp(&y));
        }

        #[test]
        fn a_folded_query_never_spans_two_fields(s in "\\PC{0,20}") {
            prop_assert!(!fold(&s).contains(FIELD_BREAK));
            prop_assert_eq!(fold(&fold(&s)), fold(&s));
        }
    }
}

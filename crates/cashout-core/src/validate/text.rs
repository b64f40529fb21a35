//! The characters of identifiers as people paste them: every kind of dash, space, dot and slash
//! that word processors, PDFs and web pages put between digits, folded to the ASCII character it
//! stands for, so that a number copied from anywhere is checked, and sent, as the number it is.
//!
//! Guarantees: [`fold`] maps each dash kind (U+2010–U+2015, U+2212 minus, U+FE58, U+FE63,
//! U+FF0D, …) to `-`, each space kind (tab, NBSP, U+2007 figure space, U+2009 thin space,
//! U+202F narrow NBSP, zero-width and other invisible characters, soft hyphen) to a plain space,
//! look-alike dots and slashes to `.` and `/`, and fullwidth forms (U+FF01–U+FF5E) to ASCII.
//! [`compact`] then drops the spaces and the separators a format allows, so that only the
//! characters that carry meaning are left for the shape and check-digit rules. Left out: letters
//! that look like digits (`O` for `0`): guessing them would hide a real typing error.

/// The ASCII character a typed character stands for in an identifier; itself when none.
pub(super) fn fold(c: char) -> char {
    match c {
        // Fullwidth ASCII (East Asian keyboards and some PDFs): same order, offset 0xFEE0.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        // Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus
        // sign, small em dash, small hyphen-minus, and the rarer hyphens of other scripts.
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{2043}'
        | '\u{02D7}'
        | '\u{058A}'
        | '\u{05BE}'
        | '\u{1806}'
        | '\u{2E3A}'
        | '\u{2E3B}' => '-',
        // Middle dot, one-dot leader, hyphenation point, small full stop, ideographic and
        // halfwidth ideographic full stops.
        '\u{00B7}' | '\u{2024}' | '\u{2027}' | '\u{FE52}' | '\u{3002}' | '\u{FF61}' => '.',
        // Fraction slash, division slash, big solidus.
        '\u{2044}' | '\u{2215}' | '\u{29F8}' => '/',
        // Small comma, ideographic comma.
        '\u{FE50}' | '\u{3001}' => ',',
        c if is_blank(c) => ' ',
        c => c,
    }
}

/// Spaces of every kind, and the invisible characters copy-and-paste leaves behind.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Characters that show nothing yet make two values differ: zero-width space and joiners,
/// direction marks and embeddings, word joiner and invisible operators, isolates, byte-order
/// mark, soft hyphen, Mongolian vowel separator. The one list: identifiers drop them (see
/// [`compact`]), typed text refuses them.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
    )
}

/// The value with every character folded, the blanks removed, and the given separators
/// (already folded: `-`, `.`, `/`, `,`, `(`, `)`) removed.
pub(super) fn compact(value: &str, separators: &[char]) -> String {
    value
        .chars()
        .map(fold)
        .filter(|c| *c != ' ' && !separators.contains(c))
        .collect()
}

/// The value without blanks of any kind (see [`fold`]) at either end.
pub(super) fn trim(value: &str) -> &str {
    value.trim_matches(|c| fold(c) == ' ')
}

/// The numeric value of each character, when every character is an ASCII digit.
pub(super) fn digits(value: &str) -> Option<Vec<u32>> {
    if value.is_empty() {
        return None;
    }
    value.chars().map(|c| c.to_digit(10)).collect()
}

/// Whether the value is only ASCII digits, with a length in the range.
pub(super) fn is_digits(value: &str, min: usize, max: usize) -> bool {
    // Bytes and characters agree once every byte is an ASCII digit.
    (min..=max).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
}

/// Every dash kind [`fold`] turns into `-`, for the tests of every module.
#[cfg(test)]
pub(super) const DASHES: &[char] = &[
    '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
    '\u{FE63}', '\u{FF0D}',
];

/// Every space kind [`fold`] turns into a blank, for the tests of every module.
#[cfg(test)]
pub(super) const SPACES: &[char] = &[
    ' ', '\t', '\u{00A0}', '\u{2007}', '\u{2009}', '\u{202F}', '\u{200B}', '\u{FEFF}', '\u{00AD}',
    '\u{3000}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{2066}', '\u{2069}', '\u{180E}',
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_dash_kind_folds_to_a_hyphen() {
        for &d in DASHES {
            assert_eq!(fold(d), '-', "U+{:04X}", u32::from(d));
        }
    }

    #[test]
    fn every_space_kind_is_removed_by_compact() {
        for &s in SPACES {
            assert_eq!(
                compact(&format!("12{s}34"), &[]),
                "1234",
                "U+{:04X}",
                u32::from(s)
            );
        }
    }

    #[test]
    fn look_alike_dots_slashes_and_fullwidth_digits_fold_to_ascii() {
        assert_eq!(
            compact("１６．７２７\u{2044}０００１", &['.', '/']),
            "167270001"
        );
        assert_eq!(fold('\u{FF0F}'), '/');
        assert_eq!(fold('\u{00B7}'), '.');
        assert_eq!(fold('Ａ'), 'A');
    }

    #[test]
    fn characters_that_are_not_separators_are_kept_for_the_shape_rules_to_refuse() {
        assert_eq!(compact("390.533.447=05", &['.', '-']), "390533447=05");
        assert_eq!(compact("12O45", &[]), "12O45");
    }

    #[test]
    fn digits_and_is_digits_accept_only_ascii_digits() {
        assert_eq!(digits("907"), Some(vec![9, 0, 7]));
        assert_eq!(digits(""), None);
        assert_eq!(digits("9٠7"), None);
        assert!(is_digits("1234", 4, 4));
        assert!(!is_digits("12 4", 4, 4));
        assert!(!is_digits("١٢٣٤", 1, 12));
    }

    fn separator() -> impl Strategy<Value = char> {
        prop::sample::select([DASHES, SPACES, &['.', '/', '\u{FF0E}', '\u{2044}']].concat())
    }

    proptest! {
        #[test]
        fn compact_removes_any_mix_of_separators_between_digits(
            body in "[0-9]{1,22}",
            seps in prop::collection::vec(prop::collection::vec(separator(), 0..3), 23),
        ) {
            let mut typed = String::new();
            for (i, c) in body.chars().enumerate() {
                typed.extend(&seps[i]);
                typed.push(c);
            }
            typed.extend(&seps[body.len()]);
            prop_assert_eq!(compact(&typed, &['-', '.', '/']), body);
        }

        #[test]
        fn folding_twice_changes_nothing(c in any::<char>()) {
            prop_assert_eq!(fold(fold(c)), fold(c));
        }
    }
}

//! Brazilian bank transfers: the account number against the provider's per-bank patterns, the
//! branch (agência) and the account type.
//!
//! Guarantees: the account and branch come back without dots or spaces of any kind, with the
//! hyphen before the check character kept in its ASCII form whatever dash was pasted. A bank
//! outside [`crate::banks::KNOWN_BANKS`] gets the loose shape every published pattern fits,
//! within the reference's 30 characters. A PIX random key typed as an account is refused with
//! the reason it cannot be sent. Left out: which bank codes exist (the provider's live list).

use super::br::random_key_refused;
use super::code;
use super::common::{require, require_account_type, Findings};
use super::contact::is_uuid;
use super::text::{compact, is_digits};
use crate::api::types::CreateCashout;
use crate::l10n::messages::tr;

/// The shape of the per-bank account patterns published by the provider, which are all
/// `^\d{a,b}(-)?[\d]$` or `^\d{a}(-)?[\dxX]$` and the like. Hand-written because no regex crate
/// is available; a pattern of any other shape is not understood and then not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AccountPattern {
    min: usize,
    max: usize,
    last_may_be_x: bool,
}

impl AccountPattern {
    /// Accounts of banks outside the table: digits, an optional hyphen and a final check
    /// character, at most 30 characters in all (the old documented limit).
    const ANY_BANK: AccountPattern = AccountPattern {
        min: 1,
        max: 28,
        last_may_be_x: true,
    };

    fn parse(pattern: &str) -> Option<Self> {
        let rest = pattern.strip_prefix(r"^\d{")?;
        let (counts, rest) = rest.split_once('}')?;
        let (min, max) = match counts.split_once(',') {
            Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
            None => {
                let n = counts.parse().ok()?;
                (n, n)
            }
        };
        let last_may_be_x = match rest.strip_prefix("(-)?")? {
            r"[\d]$" => false,
            r"[\dxX]$" => true,
            _ => return None,
        };
        (min <= max).then_some(Self {
            min,
            max,
            last_may_be_x,
        })
    }

    fn matches(&self, value: &str) -> bool {
        let mut chars = value.chars();
        let Some(last) = chars.next_back() else {
            return false;
        };
        if !(last.is_ascii_digit() || (self.last_may_be_x && matches!(last, 'x' | 'X'))) {
            return false;
        }
        let body = chars.as_str();
        is_digits(body.strip_suffix('-').unwrap_or(body), self.min, self.max)
    }

    /// The refusal of an account without this shape: `bank` is `known` for a bank of the table
    /// ("this bank") and `other` for any other ("a Brazilian bank").
    fn refusal(&self, bank: &str) -> String {
        let last = if self.last_may_be_x { "x" } else { "digit" };
        if self.min == self.max {
            tr(
                "v-br-bank-account-shape-fixed",
                &[
                    ("bank", bank.into()),
                    ("count", self.min.to_string().into()),
                    ("last", last.into()),
                ],
            )
        } else {
            tr(
                "v-br-bank-account-shape-range",
                &[
                    ("bank", bank.into()),
                    ("min", self.min.to_string().into()),
                    ("max", self.max.to_string().into()),
                    ("last", last.into()),
                ],
            )
        }
    }
}

/// Branch (agência): 1–5 digits and an optional check character, `^\d{1,5}(-?[\dxX])?$`.
fn is_branch(value: &str) -> bool {
    if is_digits(value, 1, 5) {
        return true;
    }
    let mut chars = value.chars();
    match chars.next_back() {
        Some(c) if c.is_ascii_digit() || matches!(c, 'x' | 'X') => {
            let body = chars.as_str();
            is_digits(body.strip_suffix('-').unwrap_or(body), 1, 5)
        }
        _ => false,
    }
}

pub(super) fn check_bank_transfer(
    req: &mut CreateCashout,
    pattern: Option<&str>,
    f: &mut Findings,
) {
    // Dots go; the hyphen before the check character is kept (the banks' patterns allow it),
    // in its ASCII form whatever dash was pasted.
    let account = req
        .bank_account
        .as_deref()
        .map(|a| compact(a, &['.']))
        .filter(|a| !a.is_empty());
    req.bank_account = account;
    let known = pattern.and_then(AccountPattern::parse);
    if let Some(account) = require(
        f,
        "bank_account",
        req.bank_account.as_deref(),
        &tr("v-br-bank-account-required", &[]),
    ) {
        let (rule, bank) = match known {
            Some(p) => (p, "known"),
            None => (AccountPattern::ANY_BANK, "other"),
        };
        if is_uuid(account) {
            f.push("bank_account", code::NOT_ALLOWED, random_key_refused());
        } else if !rule.matches(account) {
            f.push("bank_account", code::INVALID_FORMAT, rule.refusal(bank));
        }
    }
    req.bank_branch = req
        .bank_branch
        .as_deref()
        .map(|b| compact(b, &['.']))
        .filter(|b| !b.is_empty());
    if let Some(branch) = require(
        f,
        "bank_branch",
        req.bank_branch.as_deref(),
        &tr("v-br-bank-branch-required", &[]),
    ) {
        if !is_branch(branch) {
            f.push(
                "bank_branch",
                code::INVALID_FORMAT,
                tr("v-br-bank-branch-format", &[]),
            );
        }
    }
    require_account_type(f, req, &tr("v-br-bank-account-type-choices", &[]));
}

#[cfg(test)]
mod tests {
    use super::super::code;
    use super::super::testkit::*;
    use super::*;
    use crate::banks::{self, Method};

    // Account pattern matcher.

    #[test]
    fn every_brazilian_pattern_in_the_bank_table_is_understood() {
        for b in banks::for_country("BR") {
            if let Some(p) = b.account_pattern {
                assert!(AccountPattern::parse(p).is_some(), "{} {p}", b.code);
            }
        }
    }

    #[test]
    fn pattern_parser_reads_ranges_fixed_counts_and_x() {
        assert_eq!(
            AccountPattern::parse(r"^\d{1,9}(-)?[\dxX]$"),
            Some(AccountPattern {
                min: 1,
                max: 9,
                last_may_be_x: true
            })
        );
        assert_eq!(
            AccountPattern::parse(r"^\d{9}(-)?[\d]$"),
            Some(AccountPattern {
                min: 9,
                max: 9,
                last_may_be_x: false
            })
        );
        assert_eq!(AccountPattern::parse(r"^\d{9,2}(-)?[\d]$"), None);
        assert_eq!(AccountPattern::parse(r"^[A-Z]{2}$"), None);
        assert_eq!(AccountPattern::parse(r"^\d{1,9}-[\d]$"), None);
    }

    #[test]
    fn pattern_matcher_behaves_like_the_regex() {
        let bb = AccountPattern::parse(r"^\d{1,9}(-)?[\dxX]$").expect("bb");
        for ok in ["3423422-7", "34234227", "1-X", "12x", "1234567890"] {
            assert!(bb.matches(ok), "{ok}");
        }
        for bad in ["", "7", "-7", "12345678901", "1--2", "12-", "12-Y", "12 3"] {
            assert!(!bb.matches(bad), "{bad}");
        }
        let santander = AccountPattern::parse(r"^\d{7,8}(-)?[\d]$").expect("santander");
        assert!(santander.matches("1234567-8"));
        assert!(santander.matches("123456789"));
        assert!(!santander.matches("123456-7"));
        assert!(!santander.matches("1234567-X"));
        let banrisul = AccountPattern::parse(r"^\d{9}(-)?[\d]$").expect("banrisul");
        assert!(banrisul.matches("1234567890"));
        assert!(!banrisul.matches("123456789"));
    }

    #[test]
    fn each_table_bank_accepts_accounts_of_its_pattern_and_refuses_others() {
        for b in banks::for_country("BR").filter(|b| b.method == Method::BankTransfer) {
            let p = AccountPattern::parse(b.account_pattern.expect("BR banks have patterns"))
                .expect("pattern understood");
            let mut req = sample_request("BR");
            req.bank_code = Some(b.code.into());
            for body in [p.min, p.max] {
                req.bank_account = Some(format!("{}-7", "1".repeat(body)));
                passes(&req);
                req.bank_account = Some(format!("{}7", "1".repeat(body)));
                passes(&req);
            }
            req.bank_account = Some(format!("{}-7", "1".repeat(p.max + 1)));
            refused_with(&req, "bank_account", code::INVALID_FORMAT);
            if p.min > 1 {
                req.bank_account = Some(format!("{}-7", "1".repeat(p.min - 1)));
                refused_with(&req, "bank_account", code::INVALID_FORMAT);
            }
            req.bank_account = Some(format!("{}-X", "1".repeat(p.min)));
            if b.code == "001" {
                passes(&req);
            } else {
                refused_with(&req, "bank_account", code::INVALID_FORMAT);
            }
        }
    }

    #[test]
    fn branch_follows_digits_and_optional_check_character() {
        for ok in ["1", "1234", "12345", "1234-5", "1234x", "123456", "0001-X"] {
            assert!(is_branch(ok), "{ok}");
        }
        for bad in ["", "1234567", "12-34", "abcd", "1234-", "-5"] {
            assert!(!is_branch(bad), "{bad}");
        }
    }

    // Bank transfer.

    #[test]
    fn complete_brazilian_bank_transfer_passes() {
        let out = passes(&sample_request("BR"));
        assert_eq!(out.bank_account.as_deref(), Some("3423422-7"));
        assert_eq!(out.bank_code.as_deref(), Some("001"));
    }

    #[test]
    fn account_not_matching_the_bank_pattern_is_refused_on_bank_account() {
        let mut req = sample_request("BR");
        req.bank_code = Some("341".into());
        req.bank_account = Some("1234567-8".into());
        let errors = refused_with(&req, "bank_account", code::INVALID_FORMAT);
        assert!(errors[0].message.contains("1 to 5 digits"));
        req.bank_account = Some("12345-6".into());
        passes(&req);
    }

    #[test]
    fn bank_outside_the_table_is_accepted_by_compe_or_ispb_shape() {
        let mut req = sample_request("BR");
        req.bank_code = Some("260".into());
        req.bank_account = Some("123456789012-3".into());
        passes(&req);
        req.bank_code = Some("18236120".into());
        passes(&req);
        req.bank_account = Some("12A4".into());
        refused_with(&req, "bank_account", code::INVALID_FORMAT);
    }

    #[test]
    fn bank_code_of_no_known_shape_is_refused_as_unknown_bank() {
        let mut req = sample_request("BR");
        req.bank_code = Some("99".into());
        refused_with(&req, "bank_code", code::UNKNOWN_BANK);
        req.bank_code = Some("ITAU".into());
        refused_with(&req, "bank_code", code::UNKNOWN_BANK);
    }

    #[test]
    fn missing_bank_code_is_refused_as_required() {
        let mut req = sample_request("BR");
        req.bank_code = Some(" ".into());
        refused_with(&req, "bank_code", code::REQUIRED);
    }

    #[test]
    fn bank_transfer_without_account_branch_or_type_is_refused_on_each() {
        let mut req = sample_request("BR");
        req.bank_account = None;
        req.bank_branch = Some(String::new());
        req.account_type = None;
        refused_with(&req, "bank_account", code::REQUIRED);
        refused_with(&req, "bank_branch", code::REQUIRED);
        refused_with(&req, "account_type", code::REQUIRED);
    }

    #[test]
    fn malformed_branch_is_refused_on_bank_branch() {
        let mut req = sample_request("BR");
        req.bank_branch = Some("12-34".into());
        refused_with(&req, "bank_branch", code::INVALID_FORMAT);
    }

    #[test]
    fn random_key_typed_as_a_bank_account_is_refused_with_the_same_explanation() {
        let mut req = sample_request("BR");
        req.bank_code = Some("260".into());
        req.bank_account = Some("123E4567-E89B-42D3-A456-426614174000".into());
        let errors = refused_with(&req, "bank_account", code::NOT_ALLOWED);
        assert!(errors[0].message.contains("random key"));
    }

    #[test]
    fn account_and_branch_pasted_with_unicode_dashes_are_sent_with_a_hyphen() {
        let mut req = sample_request("BR");
        req.bank_account = Some("3423422\u{2013}7".into());
        req.bank_branch = Some("1234\u{2011}5".into());
        let out = passes(&req);
        assert_eq!(out.bank_account.as_deref(), Some("3423422-7"));
        assert_eq!(out.bank_branch.as_deref(), Some("1234-5"));
    }
}

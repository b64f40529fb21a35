//! Brazil (§5.2, validation-rules.md "Brazil"): the beneficiary's CPF or CNPJ, and the fields
//! each payout method needs — a bank transfer (the bank's published account pattern, branch,
//! account type) or PIX by phone (10000), e-mail (10001) or document (10002), whose account
//! and branch stay empty.
//!
//! Guarantees: the document may be typed with its usual punctuation (`390.533.447-05`,
//! `16.727.230/0001-97`); the alphanumeric CNPJ is upper case; a one-digit-repeated CPF or CNPJ
//! is refused even though its arithmetic holds. Left out: a PIX random key — no code for it is
//! documented (see `catalog`), so it never gets this far — and live PIX key lookups.

use super::digits::{cnpj_ok, cpf_ok, is_digits, strip};
use super::{bank_required, must_be_empty, param, require, Create, Ctx, Refused};
use crate::catalog::{AccountPattern, Method};

/// Which document the beneficiary gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Document {
    Cpf,
    Cnpj,
}

pub(super) fn check(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    let document = document(c, ctx)?;
    match (c.document_type.as_deref(), document) {
        (None | Some("CPF"), Document::Cpf) | (None | Some("CNPJ"), Document::Cnpj) => {}
        (Some("CPF" | "CNPJ"), _) => {
            return Err(param("document_type", "does not match the document_id"));
        }
        (Some(_), _) => return Err(param("document_type", "must be CPF or CNPJ")),
    }
    if let Some(phone) = c.phone.as_deref() {
        // "BR: max 20 chars, up to 15 digits" (§5.1).
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let chars_ok = phone
            .chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '+' | ' ' | '-' | '(' | ')'));
        if phone.chars().count() > 20 || digits == 0 || digits > 15 || !chars_ok {
            return Err(param(
                "phone",
                "must be a phone number of at most 15 digits",
            ));
        }
    }
    let bank = bank_required(c)?;
    let pix = "for a PIX payout";
    match bank.method {
        Method::PixPhone => {
            let phone = require(c.phone.as_deref(), "phone", "for a PIX phone key (10000)")?;
            if !is_e164(phone) {
                return Err(param("phone", "must be in E.164 form, e.g. +5511666666666"));
            }
            pix_leaves_empty(c, pix)
        }
        Method::PixEmail => {
            require(c.email.as_deref(), "email", "for a PIX e-mail key (10001)")?;
            pix_leaves_empty(c, pix)
        }
        Method::PixDocument => pix_leaves_empty(c, pix),
        _ => transfer(c, bank.account),
    }
}

fn pix_leaves_empty(c: &Create, why: &str) -> Result<(), Refused> {
    must_be_empty(c.bank_account.as_deref(), "bank_account", why)?;
    must_be_empty(c.bank_branch.as_deref(), "bank_branch", why)
}

fn transfer(c: &Create, pattern: Option<AccountPattern>) -> Result<(), Refused> {
    let why = "for a bank transfer";
    let account = require(c.bank_account.as_deref(), "bank_account", why)?;
    if let Some(p) = pattern {
        if !matches_pattern(account, p) {
            let last = if p.x { "a digit or X" } else { "a digit" };
            let count = if p.min == p.max {
                p.min.to_string()
            } else {
                format!("{} to {}", p.min, p.max)
            };
            return Err(param(
                "bank_account",
                format!("must be {count} digits, an optional hyphen and {last} for this bank"),
            ));
        }
    }
    let branch = require(c.bank_branch.as_deref(), "bank_branch", why)?;
    if !is_branch(branch) {
        return Err(param(
            "bank_branch",
            "must be the agência: up to 5 digits, optionally a hyphen and a check character",
        ));
    }
    require(c.account_type.as_deref(), "account_type", why)?;
    Ok(())
}

/// `^\d{min,max}(-)?[\d]$`, or `[\dxX]` as the last character when the pattern allows X.
fn matches_pattern(account: &str, p: AccountPattern) -> bool {
    let mut chars = account.chars();
    let Some(last) = chars.next_back() else {
        return false;
    };
    let last_ok = last.is_ascii_digit() || (p.x && matches!(last, 'x' | 'X'));
    let body = chars.as_str();
    last_ok && is_digits(body.strip_suffix('-').unwrap_or(body), p.min, p.max)
}

/// Agência: 1–5 digits, optionally a hyphen and a check digit or X.
fn is_branch(branch: &str) -> bool {
    if is_digits(branch, 1, 5) {
        return true;
    }
    let mut chars = branch.chars();
    match chars.next_back() {
        Some(last) if last.is_ascii_digit() || matches!(last, 'x' | 'X') => {
            let body = chars.as_str();
            is_digits(body.strip_suffix('-').unwrap_or(body), 1, 5)
        }
        _ => false,
    }
}

/// E.164 as the PIX phone key (validation-rules.md): `^\+[1-9]\d{1,14}$`.
fn is_e164(phone: &str) -> bool {
    phone
        .strip_prefix('+')
        .is_some_and(|rest| !rest.starts_with('0') && is_digits(rest, 2, 15))
}

fn document(c: &Create, ctx: &Ctx) -> Result<Document, Refused> {
    const FIELD: &str = "document_id";
    let doc = strip(&c.document_id, &['.', '-', '/']);
    let repeated = doc.chars().all(|ch| doc.starts_with(ch));
    match doc.len() {
        11 if is_digits(&doc, 11, 11) => {
            if repeated {
                return Err(param(FIELD, "is one digit repeated, which is no CPF"));
            }
            ctx.check_digit(cpf_ok(&doc), FIELD, "CPF")?;
            Ok(Document::Cpf)
        }
        14 if shaped_like_cnpj(&doc) => {
            if repeated {
                return Err(param(FIELD, "is one digit repeated, which is no CNPJ"));
            }
            ctx.check_digit(cnpj_ok(&doc), FIELD, "CNPJ")?;
            Ok(Document::Cnpj)
        }
        _ => Err(param(
            FIELD,
            "must be a CPF (11 digits) or a CNPJ (12 capital letters or digits, then 2 digits)",
        )),
    }
}

fn shaped_like_cnpj(doc: &str) -> bool {
    let b = doc.as_bytes();
    b.len() == 14
        && b[..12]
            .iter()
            .all(|ch| ch.is_ascii_digit() || ch.is_ascii_uppercase())
        && b[12..].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_patterns_match_like_the_regexes() {
        let bb = AccountPattern {
            min: 1,
            max: 9,
            x: true,
        };
        for ok in ["3423422-7", "34234227", "1-X", "12x", "1234567890"] {
            assert!(matches_pattern(ok, bb), "{ok}");
        }
        for bad in ["", "7", "-7", "12345678901", "1--2", "12-", "12-Y", "12 3"] {
            assert!(!matches_pattern(bad, bb), "{bad}");
        }
        let itau = AccountPattern {
            min: 1,
            max: 5,
            x: false,
        };
        assert!(matches_pattern("12345-6", itau));
        assert!(!matches_pattern("123456-7", itau));
        assert!(!matches_pattern("1234-X", itau));
    }

    #[test]
    fn e164_needs_plus_and_no_leading_zero() {
        assert!(is_e164("+5511666666666"));
        assert!(!is_e164("5511666666666"));
        assert!(!is_e164("+0511666666666"));
        assert!(!is_e164("+55 11 66666 6666"));
        assert!(!is_e164("+1234567890123456"));
    }

    #[test]
    fn branches_are_digits_with_an_optional_check_character() {
        for ok in ["1", "1234", "12345", "1234-5", "1234x"] {
            assert!(is_branch(ok), "{ok}");
        }
        for bad in ["", "1234567", "12-34", "abcd", "1234-"] {
            assert!(!is_branch(bad), "{bad}");
        }
    }
}

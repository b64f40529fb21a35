//! Chile (§5.2, validation-rules.md "Chile"): the beneficiary's RUT/RUN (8 or 9 characters
//! once dots and hyphen are gone, mod-11 check character), a bank code from the list, a
//! 6–16-digit account and the account type (C, S or V).
//!
//! Guarantees: `12.531.909-2` and `125319092` are the same RUT; a lower-case `k` is read as `K`
//! (the rules file normalises it). The provider's own sample RUT fails the check digit, which
//! is what the operator override is for. Left out: the person/company range heuristic.

use super::digits::{is_digits, rut_ok, strip};
use super::{bank_required, param, require, Create, Ctx, Refused};

pub(super) fn check(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    const FIELD: &str = "document_id";
    if let Some(kind) = c.document_type.as_deref() {
        if !matches!(kind, "ID" | "RUN" | "RUT") {
            return Err(param("document_type", "must be ID, RUN or RUT"));
        }
    }
    let rut = strip(&c.document_id, &['.', '-']).to_ascii_uppercase();
    let mut chars = rut.chars();
    let check = chars.next_back().unwrap_or(' ');
    let body = chars.as_str();
    if !(is_digits(body, 7, 8) && (check.is_ascii_digit() || check == 'K')) {
        return Err(param(
            FIELD,
            "must be a RUT: 7 or 8 digits and a check digit or K",
        ));
    }
    ctx.check_digit(rut_ok(body, check), FIELD, "RUT")?;

    bank_required(c)?;
    let account = require(c.bank_account.as_deref(), "bank_account", "for Chile")?;
    if !is_digits(account, 6, 16) {
        return Err(param("bank_account", "must be 6 to 16 digits"));
    }
    require(c.account_type.as_deref(), "account_type", "for Chile")?;
    Ok(())
}

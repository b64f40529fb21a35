//! Argentina (§5.2, validation-rules.md "Argentina"): a 22-digit CBU or CVU with both block
//! check digits (`bank_code` optional, agreeing with its first three digits), or iCash (998) by
//! e-mail; the beneficiary's DNI (7–9 digits) or CUIT/CUIL (11 digits, known prefix, check
//! digit); the e-mail, which D24's Argentina page lists as required.
//!
//! Guarantees: documents may carry dots and hyphens (`20-05536168-2`). Left out: whether the
//! CBU's bank exists — CVUs carry a payment provider there, not a bank.

use super::digits::{cbu_ok, cuit_ok, cuit_prefix_ok, is_digits, strip};
use super::{must_be_empty, param, require, Create, Ctx, Refused};
use crate::catalog::Method;

pub(super) fn check(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    document(c, ctx)?;
    // validation-rules.md: "D24's Argentina page also lists `email` as required [S17]".
    require(c.email.as_deref(), "email", "for Argentina")?;
    if c.bank.is_some_and(|b| b.method == Method::ByEmail) {
        return must_be_empty(c.bank_account.as_deref(), "bank_account", "for iCash");
    }
    let account = require(
        c.bank_account.as_deref(),
        "bank_account",
        "for Argentina (the CBU)",
    )?;
    if !is_digits(account, 22, 22) {
        return Err(param("bank_account", "must be a 22-digit CBU or CVU"));
    }
    ctx.check_digit(cbu_ok(account), "bank_account", "CBU/CVU")?;
    if c.bank_code
        .as_deref()
        .is_some_and(|code| code != &account[..3])
    {
        return Err(param(
            "bank_code",
            "does not match the bank in the CBU (its first 3 digits)",
        ));
    }
    Ok(())
}

fn document(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    const FIELD: &str = "document_id";
    let kind = c.document_type.as_deref();
    if kind.is_some_and(|k| !matches!(k, "DNI" | "CUIT" | "CUIL")) {
        return Err(param("document_type", "must be DNI, CUIT or CUIL"));
    }
    let doc = strip(&c.document_id, &['.', '-']);
    match doc.len() {
        7..=9 if is_digits(&doc, 7, 9) && kind.is_none_or(|k| k == "DNI") => Ok(()),
        11 if is_digits(&doc, 11, 11) && kind != Some("DNI") => {
            if !cuit_prefix_ok(&doc) {
                return Err(param(FIELD, "is no CUIT/CUIL: unknown prefix"));
            }
            ctx.check_digit(cuit_ok(&doc), FIELD, "CUIT/CUIL")
        }
        _ => Err(param(
            FIELD,
            "must be a DNI of 7 to 9 digits or a CUIT/CUIL of 11 digits",
        )),
    }
}

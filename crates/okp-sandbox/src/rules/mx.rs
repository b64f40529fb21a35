//! Mexico (§5.2, validation-rules.md "Mexico"): an 18-digit CLABE with its check digit (its
//! first three digits name the bank, so `bank_code` is optional but must agree), the
//! beneficiary's document of 7–18 characters (CURP, RFC, IFE or passport), and the last name.
//!
//! Guarantees: a 15–16-digit Luhn-valid card number is refused with a message saying cards go
//! to the separate card host (§5.2); a CURP is checked for shape, state code and check digit
//! when `document_type` says CURP. Left out: the RFC check digit (advisory only) and the card
//! host itself.

use super::digits::{clabe_ok, curp_ok, curp_shape_ok, is_digits, luhn_ok};
use super::{param, require, Create, Ctx, Refused};

pub(super) fn check(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    document(c, ctx)?;
    let account = require(
        c.bank_account.as_deref(),
        "bank_account",
        "for Mexico (the CLABE)",
    )?;
    if is_digits(account, 15, 16) && luhn_ok(account) {
        return Err(param(
            "bank_account",
            "is a debit card number; card payouts go to the separate card host",
        ));
    }
    if !is_digits(account, 18, 18) {
        return Err(param("bank_account", "must be an 18-digit CLABE"));
    }
    ctx.check_digit(clabe_ok(account), "bank_account", "CLABE")?;
    if c.bank_code
        .as_deref()
        .is_some_and(|code| code != &account[..3])
    {
        return Err(param(
            "bank_code",
            "does not match the bank in the CLABE (its first 3 digits)",
        ));
    }
    Ok(())
}

fn document(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    const FIELD: &str = "document_id";
    let doc = c.document_id.as_str();
    let len = doc.chars().count();
    let chars_ok = doc
        .chars()
        .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || matches!(ch, '&' | 'Ñ'));
    if !(7..=18).contains(&len) || !chars_ok {
        return Err(param(FIELD, "must be 7 to 18 capital letters or digits"));
    }
    match c.document_type.as_deref() {
        None | Some("IFE" | "PASS") => Ok(()),
        Some("CURP") => {
            if !curp_shape_ok(doc) {
                return Err(param(
                    FIELD,
                    "must be a CURP: 4 letters, YYMMDD, H or M, a state code, 3 letters, 2 \
                     characters",
                ));
            }
            ctx.check_digit(curp_ok(doc), FIELD, "CURP")
        }
        Some("RFC") if matches!(len, 12 | 13) => Ok(()),
        Some("RFC") => Err(param(FIELD, "must be an RFC of 12 or 13 characters")),
        Some(_) => Err(param("document_type", "must be CURP, RFC, IFE or PASS")),
    }
}

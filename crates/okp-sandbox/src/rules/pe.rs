//! Peru (§5.2, validation-rules.md "Peru"): the document by its required type (DNI of 8 digits,
//! RUC with its check digit, CE, passport), and the destination: a 20-digit CCI with both check
//! digits — or an 18-digit value ending in `00`, which the provider lets through unchecked —
//! whose first three digits are a listed bank (and agree with `bank_code` when given), or a
//! Yape (901) / Plin (902) wallet with an empty account and a 10–11-digit phone.
//!
//! Guarantees: an unknown bank in the CCI is a 303, as an unknown `bank_code` is. Left out: the
//! optional DNI check character and whether the account exists.

use super::digits::{cci_ok, is_digits, ruc_ok};
use super::{must_be_empty, param, require, Create, Ctx, Refused};
use crate::catalog::{self, Method};

pub(super) fn check(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    document(c, ctx)?;
    if c.bank.is_some_and(|b| b.method == Method::ByPhone) {
        let why = "for Yape and Plin";
        must_be_empty(c.bank_account.as_deref(), "bank_account", why)?;
        let phone = require(c.phone.as_deref(), "phone", why)?;
        if !is_digits(phone.strip_prefix('+').unwrap_or(phone), 10, 11) {
            return Err(param("phone", "must be 10 or 11 digits"));
        }
        return Ok(());
    }
    let account = require(
        c.bank_account.as_deref(),
        "bank_account",
        "for Peru (the CCI)",
    )?;
    match account.len() {
        20 if is_digits(account, 20, 20) => {
            ctx.check_digit(cci_ok(account), "bank_account", "CCI")?;
        }
        18 if is_digits(account, 18, 18) && account.ends_with("00") => {}
        _ => {
            return Err(param(
                "bank_account",
                "must be a 20-digit CCI (or 18 digits ending in 00)",
            ))
        }
    }
    let prefix = &account[..3];
    let listed = catalog::find("PE", prefix).is_some_and(|b| b.method == Method::Transfer);
    if !listed {
        return Err(Refused::BankCode(format!(
            "the CCI's bank {prefix} is not on the bank list of PE"
        )));
    }
    if c.bank_code.as_deref().is_some_and(|code| code != prefix) {
        return Err(param(
            "bank_code",
            "does not match the bank in the CCI (its first 3 digits)",
        ));
    }
    Ok(())
}

fn document(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    const FIELD: &str = "document_id";
    let doc = c.document_id.as_str();
    match c.document_type.as_deref() {
        Some("DNI") if is_digits(doc, 8, 8) => Ok(()),
        Some("DNI") => Err(param(FIELD, "must be 8 digits for a DNI")),
        Some("RUC") => {
            let shaped = is_digits(doc, 11, 11) && matches!(&doc[..2], "10" | "15" | "17" | "20");
            if !shaped {
                return Err(param(
                    FIELD,
                    "must be 11 digits starting 10, 15, 17 or 20 for a RUC",
                ));
            }
            ctx.check_digit(ruc_ok(doc), FIELD, "RUC")
        }
        // No length is published for these; only letters and digits are taken.
        Some("CE" | "PASS") => {
            let ok =
                (1..=20).contains(&doc.len()) && doc.bytes().all(|b| b.is_ascii_alphanumeric());
            if ok {
                Ok(())
            } else {
                Err(param(FIELD, "must be up to 20 letters or digits"))
            }
        }
        _ => Err(param("document_type", "must be DNI, RUC, CE or PASS")),
    }
}

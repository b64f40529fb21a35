//! Colombia (§5.2, validation-rules.md "Colombia"): the document by its required type (CC,
//! NIT with its check digit in the 10-digit form, CE, passport), the required address, and
//! what each payout method needs: a bank transfer (8–19-digit account, type C or S), Nequi or
//! Daviplata (the account is the mobile number), Efecty (phone), Punto Red (phone and e-mail).
//!
//! Guarantees: a NIT may be typed `213.123.432-1`; phones that the methods require are `+57`
//! and 10 digits. Left out: whether a wallet number is registered with the wallet.

use super::digits::{is_digits, nit_ok, strip};
use super::{bank_required, must_be_empty, param, require, Create, Ctx, Refused};
use crate::catalog::Method;

pub(super) fn check(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    document(c, ctx)?;
    require(c.address.as_deref(), "address", "for Colombia")?;
    let bank = bank_required(c)?;
    match bank.method {
        Method::AccountIsPhone => {
            let number = require(c.bank_account.as_deref(), "bank_account", "for a wallet")?;
            if !is_digits(number, 1, 20) {
                return Err(param(
                    "bank_account",
                    "must be the wallet's mobile number: up to 20 digits",
                ));
            }
            Ok(())
        }
        Method::ByPhone | Method::ByPhoneAndEmail => {
            let why = "for a payout reached by phone";
            must_be_empty(c.bank_account.as_deref(), "bank_account", why)?;
            let phone = require(c.phone.as_deref(), "phone", why)?;
            if !phone
                .strip_prefix("+57")
                .is_some_and(|rest| is_digits(rest, 10, 10))
            {
                return Err(param("phone", "must be +57 and 10 digits"));
            }
            if bank.method == Method::ByPhoneAndEmail {
                require(c.email.as_deref(), "email", "for Punto Red")?;
            }
            Ok(())
        }
        _ => {
            let why = "for a bank transfer";
            let account = require(c.bank_account.as_deref(), "bank_account", why)?;
            if !is_digits(account, 8, 19) {
                return Err(param("bank_account", "must be 8 to 19 digits"));
            }
            require(c.account_type.as_deref(), "account_type", why)?;
            Ok(())
        }
    }
}

fn document(c: &Create, ctx: &Ctx) -> Result<(), Refused> {
    const FIELD: &str = "document_id";
    let doc = c.document_id.as_str();
    match c.document_type.as_deref() {
        Some(kind @ ("CC" | "CE")) => {
            if !is_digits(doc, 6, 10) {
                return Err(param(FIELD, format!("must be 6 to 10 digits for a {kind}")));
            }
            Ok(())
        }
        Some("NIT") => {
            let nit = strip(doc, &['.', '-']);
            if !is_digits(&nit, 8, 15) {
                return Err(param(FIELD, "must be 8 to 15 digits for a NIT"));
            }
            // The rules file gives the check digit for the 10-digit form (9 + check digit).
            if nit.len() == 10 {
                ctx.check_digit(nit_ok(&nit), FIELD, "NIT")?;
            }
            Ok(())
        }
        Some("PASS") => {
            let ok =
                (6..=10).contains(&doc.len()) && doc.bytes().all(|b| b.is_ascii_alphanumeric());
            if !ok {
                return Err(param(
                    FIELD,
                    "must be 6 to 10 letters or digits for a passport",
                ));
            }
            Ok(())
        }
        _ => Err(param("document_type", "must be CC, NIT, CE or PASS")),
    }
}

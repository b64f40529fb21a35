//! Brazil: the beneficiary's CPF or CNPJ (including the alphanumeric CNPJ issued from July 2026),
//! and the fields each payout method needs: bank transfer (per-bank account pattern, branch,
//! account type) or PIX by phone, e-mail or document key, chosen by the bank code.
//!
//! Guarantees: the document's kind is decided by the letters and digits left once separators
//! are gone (11 are a CPF, 14 a CNPJ), so a message names what was typed; it comes back as bare
//! digits/characters in upper case. PIX keys come back in the form the central bank's directory
//! (DICT) holds them: phone in E.164, e-mail in lower case, document as digits. The fields a PIX
//! method does not use are empty. A PIX random key (EVP) is refused: the reference has no way to
//! send it. Bank codes outside [`crate::banks::KNOWN_BANKS`] are accepted when shaped like a
//! COMPE code or an ISPB; bank transfers are checked in [`super::br_bank`]. Warnings: a CNPJ
//! where the provider asks for a CPF, letters in a CNPJ, a PIX phone key that is not a Brazilian
//! mobile, a PIX e-mail key over 77 characters. Left out: PIX key lookups (live, rate-limited).

use super::br_bank::check_bank_transfer;
use super::code;
use super::common::{must_be_empty, require, Findings};
use super::contact::{br_phone, PIX_EMAIL_ADVISORY_MAX};
use super::ids::{cnpj_ok, cnpj_values, cpf_ok};
use super::text::{compact, digits, is_digits};
use crate::api::types::CreateCashout;
use crate::banks::{self, Method};
use crate::l10n::messages::tr;

/// A character left once separators are gone that is neither a letter nor a digit (`=`, `*`).
fn has_stray_character(doc: &str) -> bool {
    doc.chars().any(|c| !c.is_alphanumeric())
}

fn all_same(value: &str) -> bool {
    let mut chars = value.chars();
    chars.next().is_some_and(|first| chars.all(|c| c == first))
}

/// Which kind of document the value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocKind {
    Cpf,
    Cnpj,
}

fn check_document(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    let typed_kind = match req.document_type.as_deref() {
        None => None,
        Some("CPF") => Some(DocKind::Cpf),
        Some("CNPJ") => Some(DocKind::Cnpj),
        Some(_) => {
            f.push(
                "document_type",
                code::NOT_ALLOWED,
                tr("v-br-document-type-not-allowed", &[]),
            );
            None
        }
    };
    if req.document_id.is_empty() {
        return;
    }
    let doc = compact(&req.document_id, &['.', '-', '/']).to_uppercase();
    req.document_id.clone_from(&doc);
    // The kind comes from the letters and digits left once every separator is gone: 11 are a
    // CPF and 14 a CNPJ, whatever the type says and whatever stray character is left among
    // them. Only a value of neither length is named by its type, so a message always names
    // what the operator typed.
    let len = doc.chars().filter(|c| c.is_alphanumeric()).count();
    let by_shape = match len {
        11 => Some(DocKind::Cpf),
        14 => Some(DocKind::Cnpj),
        _ => None,
    };
    if let (Some(typed), Some(shape)) = (typed_kind, by_shape) {
        if typed != shape {
            f.push(
                "document_type",
                code::MISMATCH,
                tr("v-br-document-type-mismatch", &[]),
            );
        }
    }
    match by_shape.or(typed_kind) {
        Some(DocKind::Cpf) => check_cpf(&doc, len, f),
        Some(DocKind::Cnpj) => {
            if check_cnpj(&doc, len, f) {
                warn_about_cnpj(&doc, f);
            }
        }
        None => f.push(
            FIELD,
            code::INVALID_FORMAT,
            tr("v-br-document-wrong-length", &[("len", len.into())]),
        ),
    }
}

fn check_cpf(doc: &str, len: usize, f: &mut Findings) {
    const FIELD: &str = "document_id";
    if has_stray_character(doc) {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            tr("v-br-cpf-stray-character", &[]),
        );
        return;
    }
    if len != 11 {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            tr("v-br-cpf-length", &[("len", len.into())]),
        );
        return;
    }
    let Some(d) = digits(doc) else {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-br-cpf-letters", &[]));
        return;
    };
    if all_same(doc) {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-br-cpf-repeated", &[]));
    } else if !cpf_ok(&d) {
        f.check_digit_failed(FIELD, &tr("v-br-cpf-check-digit", &[]));
    }
}

/// Checks a CNPJ; true when its shape is right (its check digits may still have failed).
fn check_cnpj(doc: &str, len: usize, f: &mut Findings) -> bool {
    const FIELD: &str = "document_id";
    if has_stray_character(doc) {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            tr("v-br-cnpj-stray-character", &[]),
        );
        return false;
    }
    if len != 14 {
        f.push(
            FIELD,
            code::INVALID_FORMAT,
            tr("v-br-cnpj-length", &[("len", len.into())]),
        );
        return false;
    }
    let Some(v) = cnpj_values(doc) else {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-br-cnpj-shape", &[]));
        return false;
    };
    if all_same(doc) {
        f.push(FIELD, code::INVALID_FORMAT, tr("v-br-cnpj-repeated", &[]));
        return false;
    }
    if !cnpj_ok(&v) {
        f.check_digit_failed(FIELD, &tr("v-br-cnpj-check-digit", &[]));
    }
    true
}

/// What the reference leaves open about a well-formed CNPJ.
fn warn_about_cnpj(doc: &str, f: &mut Findings) {
    f.warn("document_id", code::ADVISORY, tr("v-br-cnpj-advisory", &[]));
    if doc.bytes().any(|b| b.is_ascii_alphabetic()) {
        f.warn(
            "document_id",
            code::UNCONFIRMED,
            tr("v-br-cnpj-letters-unconfirmed", &[]),
        );
    }
}

/// Why a PIX random key cannot be sent, for the field that asked for one.
pub(super) fn random_key_refused() -> String {
    tr("v-br-pix-random-key-refused", &[])
}

/// The fields a PIX payout does not use must be empty, or the provider may route it wrongly.
fn pix_leaves_empty(req: &CreateCashout, f: &mut Findings) {
    must_be_empty(
        f,
        "bank_account",
        req.bank_account.as_deref(),
        &tr("v-br-pix-leave-account-empty", &[]),
    );
    must_be_empty(
        f,
        "bank_branch",
        req.bank_branch.as_deref(),
        &tr("v-br-pix-leave-branch-empty", &[]),
    );
}

/// A PIX phone key: required; it was put in E.164 by the cross-country pass. DICT holds phone
/// keys of Brazilian mobiles only, so anything else is a warning (the lookup would fail, 814).
fn check_pix_phone(req: &CreateCashout, f: &mut Findings) {
    let Some(phone) = require(
        f,
        "phone",
        req.phone.as_deref(),
        &tr("v-br-pix-phone-required", &[]),
    ) else {
        return;
    };
    if f.has("phone") {
        return;
    }
    if !br_phone(phone).is_ok_and(|p| p.brazilian && p.mobile) {
        f.warn(
            "phone",
            code::ADVISORY,
            tr("v-br-pix-phone-not-mobile", &[]),
        );
    }
}

/// A PIX e-mail key: required, and sent in lower case, the form DICT holds e-mail keys in.
fn check_pix_email(req: &mut CreateCashout, f: &mut Findings) {
    let Some(email) = require(
        f,
        "email",
        req.email.as_deref(),
        &tr("v-br-pix-email-required", &[]),
    ) else {
        return;
    };
    if f.has("email") {
        return;
    }
    let key = email.to_lowercase();
    if key.chars().count() > PIX_EMAIL_ADVISORY_MAX {
        f.warn(
            "email",
            code::ADVISORY,
            tr(
                "v-br-pix-email-long",
                &[("max", PIX_EMAIL_ADVISORY_MAX.to_string().into())],
            ),
        );
    }
    req.email = Some(key);
}

pub(super) fn check(req: &mut CreateCashout, f: &mut Findings) {
    check_document(req, f);

    let Some(bank_code) = req.bank_code.clone() else {
        f.push(
            "bank_code",
            code::REQUIRED,
            tr("v-br-bank-code-required", &[]),
        );
        return;
    };
    let (method, pattern) = match banks::find("BR", &bank_code) {
        Some(b) => (b.method, b.account_pattern),
        None if is_digits(&bank_code, 3, 3) || is_digits(&bank_code, 8, 8) => {
            (Method::BankTransfer, None)
        }
        None => {
            f.push(
                "bank_code",
                code::UNKNOWN_BANK,
                tr("v-br-bank-code-unknown", &[]),
            );
            return;
        }
    };
    if !super::method_is_sendable(method) {
        f.push("bank_code", code::NOT_ALLOWED, random_key_refused());
        return;
    }

    match method {
        Method::BankTransfer => check_bank_transfer(req, pattern, f),
        Method::PixPhone => {
            check_pix_phone(req, f);
            pix_leaves_empty(req, f);
        }
        Method::PixEmail => {
            check_pix_email(req, f);
            pix_leaves_empty(req, f);
        }
        // The key is the document, which was checked above and is sent as digits.
        Method::PixDocument => pix_leaves_empty(req, f),
        // Refused above; wallet methods belong to other countries.
        Method::PixRandom
        | Method::WalletAccountIsPhone
        | Method::WalletByPhone
        | Method::WalletByPhoneAndEmail
        | Method::WalletByEmail => {}
    }
}

#[cfg(test)]
mod tests;

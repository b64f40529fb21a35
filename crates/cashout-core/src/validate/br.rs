//! Brazil: the beneficiary's CPF or CNPJ (including the alphanumeric CNPJ issued from July 2026),
//! and the fields each payout method needs: bank transfer (per-bank account pattern, branch,
//! account type) or PIX by phone, e-mail, document or random key, chosen by the bank code.
//!
//! Guarantees: the document comes back as bare digits/characters in upper case, a random PIX key
//! in lower case, and the fields a PIX method does not use are empty. Bank codes outside
//! [`crate::banks::KNOWN_BANKS`] are accepted when shaped like a COMPE code or an ISPB, without
//! an account pattern. Left out: PIX key lookups (live, rate-limited) and the advisory
//! 77-character cap on PIX e-mail keys.

use super::code;
use super::common::{digits, is_digits, is_uuid, must_be_empty, require, strip, Findings};
use crate::api::types::CreateCashout;
use crate::banks::{self, Method};

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

    fn describe(&self) -> String {
        let count = if self.min == self.max {
            format!("{}", self.min)
        } else {
            format!("{} to {}", self.min, self.max)
        };
        let last = if self.last_may_be_x {
            "a digit or X"
        } else {
            "a digit"
        };
        format!("{count} digits, then an optional hyphen and a check character ({last})")
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

/// Mod-11 check digit shared by CPF and CNPJ: 0 when the remainder is below 2, else 11 − r.
fn mod11(values: &[u32], weights: &[u32]) -> u32 {
    let r = values.iter().zip(weights).map(|(v, w)| v * w).sum::<u32>() % 11;
    if r < 2 {
        0
    } else {
        11 - r
    }
}

/// CPF check digits over 11 digit values.
fn cpf_check_digits_ok(d: &[u32]) -> bool {
    d.len() == 11
        && mod11(&d[..9], &[10, 9, 8, 7, 6, 5, 4, 3, 2]) == d[9]
        && mod11(&d[..10], &[11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) == d[10]
}

/// CNPJ check digits over 14 character values (ASCII − 48, so the alphanumeric form works).
fn cnpj_check_digits_ok(v: &[u32]) -> bool {
    v.len() == 14
        && mod11(&v[..12], &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == v[12]
        && mod11(&v[..13], &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) == v[13]
}

/// The CNPJ character values, when the shape is right: 12 of `[0-9A-Z]`, then 2 digits.
fn cnpj_values(doc: &str) -> Option<Vec<u32>> {
    let bytes = doc.as_bytes();
    let shape_ok = bytes.len() == 14
        && bytes[..12]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && bytes[12..].iter().all(u8::is_ascii_digit);
    shape_ok.then(|| bytes.iter().map(|&b| u32::from(b) - 48).collect())
}

fn all_same(value: &str) -> bool {
    let mut chars = value.chars();
    chars.next().is_some_and(|first| chars.all(|c| c == first))
}

/// Which kind of document the value is, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocKind {
    Cpf,
    Cnpj,
}

fn check_document(req: &mut CreateCashout, f: &mut Findings) {
    const FIELD: &str = "document_id";
    if req.document_id.is_empty() {
        return;
    }
    let doc = strip(&req.document_id, &['.', '-', '/']).to_ascii_uppercase();
    let kind = match doc.len() {
        11 => match digits(&doc) {
            None => {
                f.push(
                    FIELD,
                    code::INVALID_FORMAT,
                    "The CPF (document_id) must be 11 digits, e.g. 390.533.447-05.",
                );
                None
            }
            Some(_) if all_same(&doc) => {
                f.push(
                    FIELD,
                    code::INVALID_FORMAT,
                    "The CPF (document_id) is one digit repeated, which is never a real CPF: \
                     enter the beneficiary's actual CPF.",
                );
                None
            }
            Some(d) => {
                if !cpf_check_digits_ok(&d) {
                    f.check_digit_failed(
                        FIELD,
                        "The CPF check digits do not match (document_id): check the number with \
                         the beneficiary.",
                    );
                }
                Some(DocKind::Cpf)
            }
        },
        14 => match cnpj_values(&doc) {
            None => {
                f.push(
                    FIELD,
                    code::INVALID_FORMAT,
                    "The CNPJ (document_id) must be 12 letters or digits followed by 2 digits, \
                     e.g. 16.727.230/0001-97.",
                );
                None
            }
            Some(_) if all_same(&doc) => {
                f.push(
                    FIELD,
                    code::INVALID_FORMAT,
                    "The CNPJ (document_id) is one digit repeated, which is never a real CNPJ: \
                     enter the company's actual CNPJ.",
                );
                None
            }
            Some(v) => {
                if !cnpj_check_digits_ok(&v) {
                    f.check_digit_failed(
                        FIELD,
                        "The CNPJ check digits do not match (document_id): check the number \
                         with the beneficiary.",
                    );
                }
                Some(DocKind::Cnpj)
            }
        },
        _ => {
            f.push(
                FIELD,
                code::INVALID_FORMAT,
                "The document (document_id) must be a CPF (11 digits) or a CNPJ (14 \
                 characters); dots, hyphens and slashes are fine.",
            );
            None
        }
    };
    req.document_id = doc;

    match (req.document_type.as_deref(), kind) {
        (None, _) => {}
        (Some("CPF"), Some(DocKind::Cnpj)) | (Some("CNPJ"), Some(DocKind::Cpf)) => f.push(
            "document_type",
            code::MISMATCH,
            "The document type (document_type) does not match the document: a CPF has 11 \
             digits and a CNPJ 14 characters. Correct one of them.",
        ),
        (Some("CPF" | "CNPJ"), _) => {}
        (Some(_), _) => f.push(
            "document_type",
            code::NOT_ALLOWED,
            "The document type (document_type) for Brazil must be CPF or CNPJ, or left empty.",
        ),
    }
}

fn check_bank_transfer(req: &mut CreateCashout, pattern: Option<&str>, f: &mut Findings) {
    let account = req
        .bank_account
        .as_deref()
        .map(|a| strip(a, &['.']))
        .filter(|a| !a.is_empty());
    req.bank_account = account;
    let known = pattern.and_then(AccountPattern::parse);
    if let Some(account) = require(
        f,
        "bank_account",
        req.bank_account.as_deref(),
        "Enter the beneficiary's account number (bank_account) for a bank transfer.",
    ) {
        let (rule, whose) = match known {
            Some(p) => (p, "this bank"),
            None => (AccountPattern::ANY_BANK, "a Brazilian bank"),
        };
        if !rule.matches(account) {
            f.push(
                "bank_account",
                code::INVALID_FORMAT,
                format!(
                    "The account number (bank_account) does not have the shape {whose} uses: {}.",
                    rule.describe()
                ),
            );
        }
    }
    if let Some(branch) = require(
        f,
        "bank_branch",
        req.bank_branch.as_deref(),
        "Enter the branch number (bank_branch, agência) for a bank transfer.",
    ) {
        if !is_branch(branch) {
            f.push(
                "bank_branch",
                code::INVALID_FORMAT,
                "The branch (bank_branch, agência) must be 1 to 5 digits, optionally followed by \
                 a check digit or X, e.g. 1234 or 1234-5.",
            );
        }
    }
    super::common::require_account_type(f, req, "C (checking) or S (savings)");
}

/// The fields a PIX payout does not use must be empty, or the provider may route it wrongly.
fn pix_leaves_empty(req: &CreateCashout, f: &mut Findings, account_too: bool) {
    if account_too {
        must_be_empty(
            f,
            "bank_account",
            req.bank_account.as_deref(),
            "Leave the account number (bank_account) empty for this PIX key type: the key is \
             taken from another field.",
        );
    }
    must_be_empty(
        f,
        "bank_branch",
        req.bank_branch.as_deref(),
        "Leave the branch (bank_branch) empty for a PIX payout.",
    );
}

pub(super) fn check(req: &mut CreateCashout, f: &mut Findings) {
    check_document(req, f);

    let Some(bank_code) = req.bank_code.clone() else {
        f.push(
            "bank_code",
            code::REQUIRED,
            "Enter the bank code (bank_code): the bank's 3-digit code or 8-digit ISPB, or a PIX \
             code (10000 phone, 10001 e-mail, 10002 document, 10003 random key).",
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
                "The bank code (bank_code) is not a known Brazilian code: use the bank's 3-digit \
                 code or 8-digit ISPB, or a PIX code (10000 phone, 10001 e-mail, 10002 \
                 document, 10003 random key).",
            );
            return;
        }
    };

    match method {
        Method::BankTransfer => check_bank_transfer(req, pattern, f),
        Method::PixPhone => {
            require(
                f,
                "phone",
                req.phone.as_deref(),
                "Enter the beneficiary's phone number (phone): it is the PIX key for this \
                 payout, e.g. +5511966666666.",
            );
            pix_leaves_empty(req, f, true);
        }
        Method::PixEmail => {
            require(
                f,
                "email",
                req.email.as_deref(),
                "Enter the beneficiary's e-mail address (email): it is the PIX key for this \
                 payout.",
            );
            pix_leaves_empty(req, f, true);
        }
        // The key is the document, which was checked above.
        Method::PixDocument => pix_leaves_empty(req, f, true),
        Method::PixRandom => {
            if let Some(key) = require(
                f,
                "bank_account",
                req.bank_account.as_deref(),
                "Enter the PIX random key (bank_account): the 36-character key the beneficiary \
                 gave, e.g. 123e4567-e89b-42d3-a456-426614174000.",
            ) {
                if is_uuid(key) {
                    req.bank_account = Some(key.to_ascii_lowercase());
                } else {
                    f.push(
                        "bank_account",
                        code::INVALID_FORMAT,
                        "The PIX random key (bank_account) must be 36 characters: letters a-f \
                         and digits in groups of 8-4-4-4-12 separated by hyphens.",
                    );
                }
            }
            pix_leaves_empty(req, f, false);
        }
        // Wallet methods belong to other countries; a Brazilian code never selects one.
        Method::WalletAccountIsPhone
        | Method::WalletByPhone
        | Method::WalletByPhoneAndEmail
        | Method::WalletByEmail => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    fn doc_values(doc: &str) -> Vec<u32> {
        digits(doc).expect("digits")
    }

    fn with_document(doc: &str) -> CreateCashout {
        let mut req = sample_request("BR");
        req.document_id = doc.into();
        req
    }

    fn pix(code: &str) -> CreateCashout {
        let mut req = sample_request("BR");
        req.bank_code = Some(code.into());
        req.bank_account = None;
        req.bank_branch = None;
        req.account_type = None;
        req
    }

    // Vectors from validation-rules.md, Brazil.

    #[test]
    fn cpf_vector_390_533_447_05_is_valid() {
        assert!(cpf_check_digits_ok(&doc_values("39053344705")));
        let out = passes(&with_document("390.533.447-05"));
        assert_eq!(out.document_id, "39053344705");
    }

    #[test]
    fn cpf_vector_from_provider_sample_01716001340_is_valid() {
        assert!(cpf_check_digits_ok(&doc_values("01716001340")));
        passes(&with_document("01716001340"));
    }

    #[test]
    fn cpf_with_wrong_check_digit_is_refused_on_document_id() {
        assert!(!cpf_check_digits_ok(&doc_values("23100299900")));
        let errors = refused_with(
            &with_document("231.002.999-00"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        assert!(errors[0].message.contains("CPF check digits do not match"));
    }

    #[test]
    fn cpf_with_wrong_check_digit_is_accepted_with_override_in_staging() {
        let out = check_create_ok(&with_document("231.002.999-00"));
        assert_eq!(out.document_id, "23100299900");
    }

    fn check_create_ok(req: &CreateCashout) -> CreateCashout {
        super::super::check_create(req, &staging_override()).expect("override accepts")
    }

    #[test]
    fn cpf_of_one_repeated_digit_is_refused_even_though_the_arithmetic_passes() {
        for d in '0'..='9' {
            let doc: String = std::iter::repeat_n(d, 11).collect();
            assert!(cpf_check_digits_ok(&doc_values(&doc)), "{doc}");
            refused_with(&with_document(&doc), "document_id", code::INVALID_FORMAT);
            // Not a check-digit failure, so the override does not let it through.
            refused_in(
                &with_document(&doc),
                &staging_override(),
                "document_id",
                code::INVALID_FORMAT,
            );
        }
    }

    #[test]
    fn cnpj_vector_16_727_230_0001_97_is_valid() {
        let out = passes(&with_document("16.727.230/0001-97"));
        assert_eq!(out.document_id, "16727230000197");
    }

    #[test]
    fn alphanumeric_cnpj_vector_12_abc_345_01de_35_is_valid() {
        let out = passes(&with_document("12.ABC.345/01DE-35"));
        assert_eq!(out.document_id, "12ABC34501DE35");
        // Lower-case input is the same CNPJ.
        assert_eq!(
            passes(&with_document("12.abc.345/01de-35")).document_id,
            "12ABC34501DE35"
        );
    }

    #[test]
    fn cnpj_with_wrong_check_digit_is_refused_on_document_id() {
        refused_with(
            &with_document("16.727.230/0001-98"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        refused_with(
            &with_document("12.ABC.345/01DE-36"),
            "document_id",
            code::INVALID_CHECK_DIGIT,
        );
        check_create_ok(&with_document("16.727.230/0001-98"));
    }

    #[test]
    fn cnpj_with_letters_in_the_check_digits_is_refused_as_invalid_format() {
        refused_with(
            &with_document("12ABC34501DE3A"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_in(
            &with_document("12ABC34501DE3A"),
            &staging_override(),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn document_of_wrong_length_is_refused_as_invalid_format() {
        refused_with(
            &with_document("3905334470"),
            "document_id",
            code::INVALID_FORMAT,
        );
        refused_with(
            &with_document("3905334470A"),
            "document_id",
            code::INVALID_FORMAT,
        );
    }

    #[test]
    fn document_type_contradicting_the_document_is_refused_on_document_type() {
        let mut req = with_document("16.727.230/0001-97");
        req.document_type = Some("CPF".into());
        refused_with(&req, "document_type", code::MISMATCH);
        req.document_type = Some("cnpj".into());
        passes(&req);
        req.document_type = Some("RG".into());
        refused_with(&req, "document_type", code::NOT_ALLOWED);
    }

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

    // PIX.

    #[test]
    fn complete_pix_phone_payout_passes() {
        let mut req = pix("10000");
        req.phone = Some("+5511666666666".into());
        req.bank_account = Some(String::new());
        let out = passes(&req);
        assert_eq!(out.bank_account, None);
        assert_eq!(out.bank_branch, None);
    }

    #[test]
    fn pix_phone_without_phone_is_refused_on_phone() {
        refused_with(&pix("10000"), "phone", code::REQUIRED);
    }

    #[test]
    fn pix_phone_not_in_e164_is_refused_on_phone() {
        let mut req = pix("10000");
        req.phone = Some("011666666666".into());
        refused_with(&req, "phone", code::INVALID_FORMAT);
    }

    #[test]
    fn pix_with_an_account_or_branch_is_refused_on_those_fields() {
        let mut req = pix("10000");
        req.phone = Some("+5511666666666".into());
        req.bank_account = Some("3423422-7".into());
        req.bank_branch = Some("1234".into());
        refused_with(&req, "bank_account", code::NOT_ALLOWED);
        refused_with(&req, "bank_branch", code::NOT_ALLOWED);
    }

    #[test]
    fn complete_pix_email_payout_passes() {
        let mut req = pix("10001");
        req.email = Some("maria@example.com.br".into());
        passes(&req);
    }

    #[test]
    fn pix_email_without_email_is_refused_on_email() {
        refused_with(&pix("10001"), "email", code::REQUIRED);
    }

    #[test]
    fn pix_email_of_78_to_100_characters_is_accepted_and_over_100_refused() {
        let mut req = pix("10001");
        // 78 characters: above the advisory 77 cap, which is only a warning.
        req.email = Some(format!("{}@{}.com.br", "a".repeat(40), "b".repeat(30)));
        assert_eq!(req.email.as_deref().map(str::len), Some(78));
        passes(&req);
        req.email = Some(format!(
            "{}@{}.{}.com.br",
            "a".repeat(40),
            "b".repeat(30),
            "c".repeat(22)
        ));
        assert_eq!(req.email.as_deref().map(str::len), Some(101));
        refused_with(&req, "email", code::TOO_LONG);
    }

    #[test]
    fn complete_pix_document_payout_passes() {
        passes(&pix("10002"));
        let mut req = pix("10002");
        req.document_id = "16.727.230/0001-97".into();
        passes(&req);
    }

    #[test]
    fn pix_document_with_bad_cpf_is_refused_on_document_id() {
        let mut req = pix("10002");
        req.document_id = "231.002.999-00".into();
        refused_with(&req, "document_id", code::INVALID_CHECK_DIGIT);
    }

    #[test]
    fn complete_pix_random_key_payout_passes_and_key_is_lower_cased() {
        let mut req = pix("10003");
        req.bank_account = Some("123E4567-E89B-42D3-A456-426614174000".into());
        let out = passes(&req);
        assert_eq!(
            out.bank_account.as_deref(),
            Some("123e4567-e89b-42d3-a456-426614174000")
        );
    }

    #[test]
    fn pix_random_key_missing_or_malformed_is_refused_on_bank_account() {
        refused_with(&pix("10003"), "bank_account", code::REQUIRED);
        let mut req = pix("10003");
        req.bank_account = Some("123e4567e89b42d3a456426614174000".into());
        refused_with(&req, "bank_account", code::INVALID_FORMAT);
        req.bank_account = Some("123e4567-e89b-42d3-a456-426614174000".into());
        req.bank_branch = Some("1234".into());
        refused_with(&req, "bank_branch", code::NOT_ALLOWED);
    }
}

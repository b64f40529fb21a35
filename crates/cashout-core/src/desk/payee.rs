//! Who a payout pays, in words: the bank by name, the account (or PIX key, or wallet phone)
//! under the label this payout's form gives it, the branch and the document — as they were
//! sent (from the journal's stored request, never from a saved beneficiary that may have
//! changed since).
//!
//! Guarantees: the account is given whole and also masked in the middle ([`mask_middle`]),
//! so a screen can show the masked form by default and the whole one on the operator's
//! request. Left out: payouts the journal holds no request for (found by a lookup): no payee.

use serde::Serialize;
use ts_rs::TS;

use crate::api::types::CreateCashout;
use crate::banks;
use crate::form;

/// A payout's beneficiary details as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Payee {
    /// The bank's name and code (`Banco do Brasil (001)`), or the code alone when this desk's
    /// table does not know it; `None` when none was sent, or when the code names a PIX key or a
    /// wallet (the method, which `account_label` says).
    pub bank: Option<String>,
    /// What this payout's form calls the account field (`Account`, `CLABE`, `PIX key (phone)`…).
    pub account_label: String,
    /// The account, key or phone as sent.
    pub account: String,
    /// The same, masked in the middle (see [`mask_middle`]).
    pub account_masked: String,
    pub branch: Option<String>,
    pub document: String,
}

/// `text` with its middle hidden: the first quarter (at most 4 characters) and the last 4 kept,
/// each character between shown as `•`; text of 6 characters or fewer is kept only in its last
/// two. Counted in characters, never cutting one.
#[must_use]
pub fn mask_middle(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (head, tail) = if n <= 6 {
        (0, n.min(2))
    } else {
        ((n / 4).min(4), 4)
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < head || i >= n - tail { *c } else { '•' })
        .collect()
}

impl Payee {
    /// The payee of a stored request; `None` when it names no account, key or phone.
    #[must_use]
    pub fn of(request: &CreateCashout) -> Option<Self> {
        let spec = form::form_field(
            &request.country,
            request.bank_code.as_deref(),
            "bank_account",
        );
        let field = spec.as_ref().map_or("bank_account", |s| s.name);
        let account = match field {
            "phone" => request.phone.clone(),
            "email" => request.email.clone(),
            "document_id" => Some(request.document_id.clone()),
            _ => request.bank_account.clone(),
        }
        .filter(|a| !a.trim().is_empty())?;
        // A PIX key or a wallet is the payout method, not a bank: its label already says so.
        let bank = request.bank_code.as_deref().and_then(|code| {
            match banks::find(&request.country.to_ascii_uppercase(), code) {
                Some(b) if b.method != banks::Method::BankTransfer => None,
                Some(b) => Some(format!("{} ({code})", b.name)),
                None => Some(code.to_owned()),
            }
        });
        Some(Self {
            bank,
            account_label: spec.map_or_else(|| "Account".to_owned(), |s| s.label),
            account_masked: mask_middle(&account),
            account,
            branch: request.bank_branch.clone().filter(|b| !b.is_empty()),
            document: request.document_id.clone(),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_middle_of_an_account_is_hidden_whole_characters_kept() {
        assert_eq!(mask_middle("021790064060296642"), "0217••••••••••6642");
        assert_eq!(mask_middle("3423422-7"), "34•••22-7");
        assert_eq!(mask_middle("+5511987654321"), "+55•••••••4321");
        assert_eq!(mask_middle("ñandú@x.pe"), "ña••••x.pe");
        assert_eq!(mask_middle("1234"), "••34");
        assert_eq!(mask_middle(""), "");
    }

    #[test]
    fn a_pix_payout_shows_its_key_under_the_keys_name() {
        let request = CreateCashout {
            country: "BR".into(),
            bank_code: Some("10000".into()),
            phone: Some("+5511987654321".into()),
            document_id: "39053344705".into(),
            ..CreateCashout::default()
        };
        let payee = Payee::of(&request).unwrap();
        assert_eq!(payee.account, "+5511987654321");
        assert_eq!(payee.bank, None, "a PIX key is the method, not a bank");
        assert!(
            payee.account_label.to_lowercase().contains("phone"),
            "{payee:?}"
        );
        let bank = CreateCashout {
            country: "BR".into(),
            bank_code: Some("001".into()),
            bank_account: Some("3423422-7".into()),
            bank_branch: Some("1234".into()),
            ..CreateCashout::default()
        };
        let payee = Payee::of(&bank).unwrap();
        assert_eq!(payee.bank.as_deref(), Some("Banco do Brasil (001)"));
        assert_eq!(payee.branch.as_deref(), Some("1234"));
        assert_eq!(payee.account_masked, "34•••22-7");
    }
}

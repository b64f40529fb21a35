//! The provider's length limits per request field, from the reference
//! (`okp-cashouts-api.md` §5.1–§5.2), in one table, applied to the request as it will be sent.
//!
//! Guarantees: [`sweep`] runs last, over the normalised request, so no field leaves longer than
//! the reference allows whatever path filled it (a PIX random key in `bank_account`, a wallet
//! number, a pasted address). A field that already has an error is left alone: one clear
//! message per field. Where the reference gives a limit for one country only (e-mail: 100 in
//! Brazil, 255 in Colombia), the other countries get the smallest documented value. Left out:
//! fields the reference gives no limit for (`city`, `postal_code`, `bank_branch`,
//! `notification_url`); per-country shapes (document lengths, account digits) live in the
//! country modules.

use super::code;
use super::common::{Country, Findings};
use crate::api::types::CreateCashout;
use crate::l10n::messages::tr;

/// One field's limit, in characters, and how the field is named to the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Limit {
    pub(super) max: usize,
    /// The id of the message that names the field (in English, e.g. `payout id (external_id)`).
    pub(super) what: &'static str,
}

/// The limit of a field in a country, when the reference gives one.
pub(super) fn limit(field: &str, country: Option<Country>) -> Option<Limit> {
    let co = country == Some(Country::Co);
    let (max, what) = match field {
        "external_id" => (100, "v-what-external-id"),
        "beneficiary_name" => (100, "v-what-beneficiary-name"),
        "beneficiary_lastname" => (100, "v-what-beneficiary-lastname"),
        "email" if co => (255, "v-what-email"),
        "email" => (100, "v-what-email"),
        // Brazil's page: at most 20 characters, of which at most 15 digits (E.164 checks those).
        "phone" => (20, "v-what-phone"),
        // The old create page's limit, also in a public client's field notes (§5.1).
        "bank_account" => (30, "v-what-bank-account"),
        "address" if co => (255, "v-what-address"),
        "address" => (200, "v-what-address"),
        // Echoed in notifications, where it is at most 200.
        "comments" => (200, "v-what-comments"),
        _ => return None,
    };
    Some(Limit { max, what })
}

/// Records a `too_long` error when the value is over the field's limit; true when within it
/// (or when the field has no documented limit).
pub(super) fn within(f: &mut Findings, field: &str, value: &str, country: Option<Country>) -> bool {
    let Some(Limit { max, what }) = limit(field, country) else {
        return true;
    };
    let len = value.chars().count();
    if len > max {
        f.push(
            field,
            code::TOO_LONG,
            tr(
                "v-too-long",
                &[
                    ("what", tr(what, &[]).into()),
                    ("len", len.to_string().into()),
                    ("max", max.to_string().into()),
                ],
            ),
        );
        return false;
    }
    true
}

/// Checks every limited field of the request as it will be sent.
pub(super) fn sweep(req: &CreateCashout, country: Option<Country>, f: &mut Findings) {
    let fields: [(&str, Option<&str>); 8] = [
        ("external_id", Some(&req.external_id)),
        ("beneficiary_name", Some(&req.beneficiary_name)),
        ("beneficiary_lastname", req.beneficiary_lastname.as_deref()),
        ("email", req.email.as_deref()),
        ("phone", req.phone.as_deref()),
        ("bank_account", req.bank_account.as_deref()),
        ("address", req.address.as_deref()),
        ("comments", req.comments.as_deref()),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            if !f.has(field) {
                within(f, field, value, country);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::code;
    use super::super::testkit::*;
    use super::*;

    #[test]
    fn email_limit_is_255_in_colombia_and_100_elsewhere() {
        assert_eq!(limit("email", Some(Country::Co)).map(|l| l.max), Some(255));
        for c in [
            Country::Br,
            Country::Mx,
            Country::Pe,
            Country::Cl,
            Country::Ar,
        ] {
            assert_eq!(limit("email", Some(c)).map(|l| l.max), Some(100), "{c:?}");
        }
    }

    #[test]
    fn colombian_email_of_255_characters_is_accepted_and_256_refused() {
        let mut req = sample_request("CO");
        // 60 + 1 + 63 + 1 + 63 + 1 + n + 4 characters, no label over 63.
        let email = |n: usize| {
            let label = |c: &str, n: usize| c.repeat(n);
            format!(
                "{}@{}.{}.{}.com",
                label("a", 60),
                label("b", 63),
                label("c", 63),
                label("d", n)
            )
        };
        req.email = Some(email(62));
        assert_eq!(req.email.as_deref().map(str::len), Some(255));
        passes(&req);
        req.email = Some(email(63));
        refused_with(&req, "email", code::TOO_LONG);
    }

    #[test]
    fn colombian_address_of_255_characters_is_accepted_and_256_refused() {
        let mut req = sample_request("CO");
        req.address = Some("a".repeat(255));
        passes(&req);
        req.address = Some("a".repeat(256));
        refused_with(&req, "address", code::TOO_LONG);
    }

    #[test]
    fn every_account_over_30_characters_is_refused_whatever_the_method() {
        // A Colombian wallet or bank account is caught by its own shape first; the sweep is
        // what stops a value no country rule measured.
        let mut req = sample_request("BR");
        req.bank_code = Some("260".into());
        req.bank_account = Some(format!("{}-7", "1".repeat(29)));
        let errors = refused_with(&req, "bank_account", code::INVALID_FORMAT);
        assert_eq!(
            errors.iter().filter(|e| e.field == "bank_account").count(),
            1
        );
        let mut f = Findings::new(&strict());
        sweep(&req, Some(Country::Br), &mut f);
        let errors = match f.finish(req.clone()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        };
        assert!(errors
            .iter()
            .any(|e| e.field == "bank_account" && e.code == code::TOO_LONG));
    }

    #[test]
    fn fields_without_a_documented_limit_are_not_measured() {
        assert_eq!(limit("city", Some(Country::Br)), None);
        assert_eq!(limit("bank_branch", Some(Country::Br)), None);
        let mut req = sample_request("BR");
        req.city = Some("c".repeat(500));
        passes(&req);
    }
}

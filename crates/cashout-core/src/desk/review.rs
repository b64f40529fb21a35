//! What the operator sees before a create is sent: the review (the payout in words, the
//! warnings, the body exactly as it will be signed and sent, credentials masked, and in
//! production the question to confirm), the review of a form sent as JSON with every problem
//! at once, and the CLI's dry run.
//!
//! Guarantees: the body is built by the same code as the send; nothing here writes the
//! journal or calls the provider. A generated id kept by a form that belongs to an earlier,
//! settled payout is replaced (and said so); one of a payout that may exist is refused.

use serde::Serialize;
use ts_rs::TS;

use super::create::check_and_fill;
use super::records::describe_record;
use super::{new_external_id, Desk};
use crate::api::types::CreateCashout;
use crate::banks::{self, Method};
use crate::error::{Error, Result};
use crate::l10n::messages::tr;
use crate::validate::{self, Country, FieldError};

/// One line of the payout in words, as review shows it above the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReviewLine {
    pub label: String,
    pub value: String,
}

/// A create as the operator reviews it before sending (see [`Desk::review_create`]).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CreateReview {
    /// The checked request (normalised, `external_id` filled in), amount as a string; what is
    /// handed back to send.
    #[ts(as = "CreateCashout")]
    pub request: serde_json::Value,
    /// The body the client will sign and send, byte for byte, but with the API Key shown as
    /// its last four characters and the passphrase as `********`. Shown as is: re-formatting
    /// it would pass the amount through a float.
    pub body: String,
    /// The payout in words: beneficiary, document, bank or key, account, amount.
    pub summary: Vec<ReviewLine>,
    /// What the reference does not confirm about this payout, per field, to know before
    /// sending.
    pub warnings: Vec<FieldError>,
    /// The desk generated the external_id (the operator did not type it).
    pub external_id_generated: bool,
    /// Why the external_id on screen changed, when it did (a generated id already belongs to
    /// an earlier, different payout).
    pub id_note: Option<String>,
    /// In production, the question the operator must answer before the money moves.
    pub confirmation: Option<String>,
    /// The amount with its currency, written for the operator's locale (`BRL 1.234,56`).
    pub amount_shown: String,
}

/// A request's amount and currency as the operator reads them (the active locale).
fn shown_amount(r: &CreateCashout) -> String {
    let currency = r.currency.as_deref().unwrap_or_default();
    r.amount.map_or_else(String::new, |a| {
        crate::l10n::numbers::format_money(a.value(), currency, &crate::l10n::messages::active())
    })
}

/// A create checked and not sent (see [`dry_run`]).
#[derive(Debug, Clone, Serialize)]
pub struct DryRun {
    pub request: CreateCashout,
    pub external_id_generated: bool,
    pub warnings: Vec<FieldError>,
    /// What a dry run does not check: it reads and writes nothing.
    pub not_checked: String,
}

/// What `cashout create --dry-run` prints: the request as it would be sent in an environment
/// of `kind`, whether its external_id was generated, and the warnings. It opens no journal and
/// starts no sandbox (it writes nothing). Not the shape of a create file, on purpose: piped
/// back into `create`, a generated id would pass for a typed one.
///
/// # Errors
/// [`Error::Validation`] with every field problem.
pub fn dry_run(
    kind: crate::environment::EnvironmentKind,
    request: &CreateCashout,
    override_check_digits: bool,
) -> Result<DryRun> {
    let (request, warnings, generated) = check_and_fill(kind, request, override_check_digits)?;
    Ok(DryRun {
        request,
        external_id_generated: generated,
        warnings,
        not_checked: tr("d-dry-run-not-checked", &[]),
    })
}

impl Desk {
    /// What the operator reviews before a create is sent: [`Desk::prepare_create`]'s request,
    /// the payout in words, the body the client will send for it (credentials masked), the
    /// warnings, and in production the question to confirm. Nothing is written or sent.
    ///
    /// A generated external_id that an earlier, settled payout with other contents already
    /// holds (the form kept it after a decline, and the operator corrected the payout) is
    /// replaced by a new one, and `id_note` says why: the operator never chose that id. If
    /// the earlier payout may exist and is not settled, nothing is replaced: a corrected copy
    /// under a new id could pay twice, so the operator settles the earlier one first.
    ///
    /// # Errors
    /// As [`Desk::prepare_create`]; [`Error::UnsettledExternalId`] as just said;
    /// [`Error::MissingCredentials`] and the like when the client cannot be built.
    pub fn review_create(
        &self,
        request: &CreateCashout,
        override_check_digits: bool,
    ) -> Result<CreateReview> {
        let generated = self.id_generated(request);
        let (mut checked, warnings) = self.checked(request, override_check_digits)?;
        let mut id_note = None;
        if generated {
            if let Some(earlier) = self
                .journal
                .find(&self.scope(), None, Some(&checked.external_id))?
                .filter(|r| r.request.as_ref() != Some(&checked))
            {
                if earlier.phase.may_exist() {
                    return Err(Error::UnsettledExternalId(checked.external_id.clone()));
                }
                let old = std::mem::replace(&mut checked.external_id, new_external_id());
                self.journal.note_generated(&checked.external_id);
                id_note = Some(tr(
                    "d-review-id-regenerated",
                    &[
                        ("old", old.as_str().into()),
                        ("earlier", describe_record(&earlier).into()),
                        ("new", checked.external_id.as_str().into()),
                    ],
                ));
            }
        }
        let kind = self.env().kind;
        // The production question, in the operator's language (the environment's name stays
        // as the bar shows it).
        let confirmation = kind.is_production().then(|| {
            tr(
                "d-review-production-question",
                &[
                    ("amount", shown_amount(&checked).into()),
                    ("beneficiary", checked.beneficiary().into()),
                    ("environment", kind.name().to_uppercase().into()),
                ],
            )
        });
        Ok(CreateReview {
            body: self.client()?.create_body_masked(&checked),
            summary: summary(
                &checked,
                &self.scope(),
                warnings
                    .iter()
                    .any(|w| w.code == super::approve::NEEDS_APPROVAL),
            ),
            amount_shown: shown_amount(&checked),
            request: checked.ipc_json(),
            warnings,
            external_id_generated: generated,
            id_note,
            confirmation,
        })
    }

    /// Reviews a create as a form sent it (JSON, see [`crate::api::parse`]): what could not be
    /// read and what the rules refuse in the rest come back together, each at its field, so
    /// the operator sees every problem at once.
    ///
    /// # Errors
    /// As [`Desk::review_create`].
    pub fn review_json(
        &self,
        value: &serde_json::Value,
        override_check_digits: bool,
    ) -> Result<CreateReview> {
        // The amount as the operator typed it, in the separators of their locale; the rest of
        // the request is read as always (and every problem told at once).
        let (value, amount_error) = typed_amount(value, &crate::l10n::messages::active());
        let (request, mut errors) = crate::api::parse::parse_create_value_partial(&value);
        errors.extend(amount_error);
        if errors.is_empty() {
            return self.review_create(&request, override_check_digits);
        }
        if errors
            .iter()
            .all(|e| e.field != crate::api::parse::WHOLE_REQUEST)
        {
            let rules = validate::check_create(&request, &self.validation(override_check_digits))
                .err()
                .unwrap_or_default();
            let unread: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
            errors.extend(rules.into_iter().filter(|e| !unread.contains(&e.field)));
        }
        Err(Error::Validation(errors))
    }
}

/// The form's request with its amount, typed by an operator of `locale` (`1.234,56` in pt-BR),
/// replaced by the amount's canonical text (`1234.56`) — what is checked, signed and stored. An
/// amount the locale would not write that way is refused at the field (and left out of the
/// request, so it is not read a second time by the plain rules); a JSON number is the canonical
/// form already. Only the window's form is read this way: the CLI's JSON files are programs'
/// text and keep one reading whatever the language.
fn typed_amount(
    value: &serde_json::Value,
    locale: &crate::l10n::Locale,
) -> (serde_json::Value, Option<FieldError>) {
    let mut value = value.clone();
    let Some(object) = value.as_object_mut() else {
        return (value, None);
    };
    let Some(serde_json::Value::String(typed)) = object.get("amount").cloned() else {
        return (value, None);
    };
    if typed.trim().is_empty() {
        return (value, None);
    }
    match crate::l10n::numbers::read_amount(&typed, locale) {
        Ok(amount) => {
            object.insert(
                "amount".into(),
                serde_json::Value::String(amount.to_string()),
            );
            (value, None)
        }
        Err(e) => {
            object.remove("amount");
            let refused = FieldError {
                field: "amount".into(),
                code: validate::code::INVALID_FORMAT,
                message: e.message(locale.lang()),
            };
            (value, Some(refused))
        }
    }
}

/// The payout in words, for review: who is paid, how, where, and how much.
/// `approval`: the team's policy holds this payout until other operators approve it.
fn summary(r: &CreateCashout, environment: &str, approval: bool) -> Vec<ReviewLine> {
    // Labels are the `review-*` messages, in the operator's language.
    let line = |id: &str, value: String| ReviewLine {
        label: tr(id, &[]),
        value,
    };
    let mut lines = vec![line("review-beneficiary", r.beneficiary())];
    let document = match r.document_type.as_deref() {
        Some(t) if !t.is_empty() => format!("{t} {}", r.document_id),
        _ => r.document_id.clone(),
    };
    lines.push(line("review-document", document));
    let known = r
        .bank_code
        .as_deref()
        .and_then(|code| banks::find(&r.country, code));
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    match known.map(|b| b.method) {
        Some(Method::PixPhone) => lines.push(line("review-pix-phone", opt(&r.phone))),
        Some(Method::PixEmail) => lines.push(line("review-pix-email", opt(&r.email))),
        Some(Method::PixDocument) => {
            lines.push(line("review-pix-document", r.document_id.clone()));
        }
        Some(Method::PixRandom) => lines.push(line("review-pix-random", opt(&r.bank_account))),
        Some(
            Method::WalletAccountIsPhone
            | Method::WalletByPhone
            | Method::WalletByPhoneAndEmail
            | Method::WalletByEmail,
        ) => {
            let name = known.map_or("", |b| b.name);
            lines.push(line("review-wallet", name.to_owned()));
            for (label, v) in [
                ("review-account", &r.bank_account),
                ("review-phone", &r.phone),
                ("review-email", &r.email),
            ] {
                if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                    lines.push(line(label, v.to_owned()));
                }
            }
        }
        Some(Method::BankTransfer) | None => {
            let bank = match (r.bank_code.as_deref(), known) {
                (Some(code), Some(b)) => format!("{code} — {}", b.name),
                (Some(code), None) => code.to_owned(),
                (None, _) => tr("review-bank-from-account", &[]),
            };
            lines.push(line("review-bank", bank));
            let mut account = opt(&r.bank_account);
            if let Some(branch) = r.bank_branch.as_deref().filter(|b| !b.is_empty()) {
                account.push_str(&format!(
                    ", {}",
                    tr("review-branch", &[("branch", branch.to_owned().into())])
                ));
            }
            if let Some(t) = r.account_type.as_deref().filter(|t| !t.is_empty()) {
                // The country's own names for its account types (the form's choices).
                match Country::parse(&r.country)
                    .and_then(|c| c.account_types().iter().find(|(code, _)| *code == t))
                {
                    Some((code, _)) => account.push_str(&format!(
                        ", {} ({t})",
                        tr(&format!("account-type-{code}"), &[])
                    )),
                    None => account.push_str(&format!(
                        ", {}",
                        tr("review-account-type", &[("type", t.to_owned().into())])
                    )),
                }
            }
            lines.push(line("review-account", account));
        }
    }
    lines.push(line("review-amount", shown_amount(r)));
    if approval {
        lines.push(line("review-created", tr("review-created-approval", &[])));
    } else if r.on_hold {
        lines.push(line("review-created", tr("review-created-on-hold", &[])));
    }
    lines.push(line("review-external-id", r.external_id.clone()));
    lines.push(line("review-environment", environment.to_owned()));
    lines
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::api::client::{Client, ClientOptions};
    use crate::api::types::CreateCashout;
    use crate::clock::SystemClock;
    use crate::credentials::{Credentials, Secret};
    use crate::desk::RetryPolicy;
    use crate::environment::{Environment, EnvironmentKind};
    use crate::error::Error;
    use crate::journal::Journal;

    fn desk_in(kind: EnvironmentKind, dir: &std::path::Path) -> Desk {
        let env = Environment::resolve(kind, Some("api.example.com")).expect("environment");
        let credentials = Credentials {
            api_key: "live-key-9876".into(),
            passphrase: Secret::new("live-passphrase".into()),
            signature: Secret::new("live-signature".into()),
            read_only_key: None,
        };
        let client = Client::new(env, credentials, ClientOptions::default()).expect("client");
        let journal =
            Journal::open(&dir.join("j.sqlite3"), Arc::new(SystemClock)).expect("journal");
        Desk::new(client, Arc::new(journal), RetryPolicy::default())
    }

    fn pix() -> CreateCashout {
        CreateCashout {
            external_id: "rev-1".into(),
            country: "BR".into(),
            currency: Some("BRL".into()),
            amount: Some("77.70".parse().expect("amount")),
            document_id: "390.533.447-05".into(),
            beneficiary_name: "Ana".into(),
            beneficiary_lastname: Some("Souza".into()),
            phone: Some("+5511987654321".into()),
            bank_code: Some("10000".into()),
            notification_url: "https://merchant.example/notify".into(),
            ..CreateCashout::default()
        }
    }

    #[test]
    fn a_production_review_asks_with_amount_beneficiary_and_environment_and_masks_credentials() {
        let dir = tempfile::tempdir().expect("tempdir");
        let review = desk_in(EnvironmentKind::D24Production, dir.path())
            .review_create(&pix(), false)
            .expect("valid");
        assert_eq!(
            review.confirmation.as_deref(),
            Some("Send BRL 77.70 to Ana Souza in D24-PRODUCTION? This moves real money.")
        );
        assert!(
            review
                .body
                .starts_with(r#"{"login":"…9876","pass":"********","external_id":"rev-1""#),
            "{}",
            review.body
        );
        assert!(
            review.body.contains(r#""document_id":"39053344705""#),
            "normalised"
        );
        for secret in ["live-key-9876", "live-passphrase", "live-signature"] {
            assert!(!review.body.contains(secret), "{}", review.body);
        }
        assert_eq!(review.request["amount"], "77.70");
        assert!(!review.external_id_generated);
    }

    #[test]
    fn a_review_says_the_payout_in_words_above_the_body() {
        let dir = tempfile::tempdir().expect("tempdir");
        let review = desk_in(EnvironmentKind::D24Staging, dir.path())
            .review_create(&pix(), false)
            .expect("valid");
        let words: Vec<(&str, &str)> = review
            .summary
            .iter()
            .map(|l| (l.label.as_str(), l.value.as_str()))
            .collect();
        assert!(words.contains(&("Beneficiary", "Ana Souza")), "{words:?}");
        assert!(
            words.contains(&("PIX key (phone)", "+5511987654321")),
            "{words:?}"
        );
        assert!(words.contains(&("Amount", "BRL 77.70")), "{words:?}");
    }

    #[test]
    fn a_staging_review_asks_nothing_and_an_invalid_one_is_refused_before_any_body() {
        let dir = tempfile::tempdir().expect("tempdir");
        let desk = desk_in(EnvironmentKind::D24Staging, dir.path());
        assert_eq!(
            desk.review_create(&pix(), false)
                .expect("valid")
                .confirmation,
            None
        );
        let bad = CreateCashout {
            document_id: "231.002.999-00".into(),
            ..pix()
        };
        assert!(matches!(
            desk.review_create(&bad, false),
            Err(Error::Validation(_))
        ));
    }

    #[test]
    fn an_id_generated_on_review_stays_generated_when_it_comes_back_typed_in() {
        let dir = tempfile::tempdir().expect("tempdir");
        let desk = desk_in(EnvironmentKind::D24Staging, dir.path());
        let first = desk
            .review_create(
                &CreateCashout {
                    external_id: String::new(),
                    ..pix()
                },
                false,
            )
            .expect("valid");
        assert!(first.external_id_generated);
        let id = first.request["external_id"]
            .as_str()
            .expect("id")
            .to_owned();
        // The form now shows the id; reviewed again, it is still the desk's.
        let again = desk
            .review_create(
                &CreateCashout {
                    external_id: id.clone(),
                    ..pix()
                },
                false,
            )
            .expect("valid");
        assert!(again.external_id_generated);
        assert_eq!(again.request["external_id"], id.as_str());
        // Typed by the operator: not generated.
        let typed = desk.review_create(&pix(), false).expect("valid");
        assert!(!typed.external_id_generated);
    }

    #[test]
    fn an_account_type_is_named_as_the_country_names_it_in_the_form() {
        let chile = CreateCashout {
            country: "CL".into(),
            currency: Some("CLP".into()),
            bank_account: Some("00012345".into()),
            account_type: Some("V".into()),
            ..CreateCashout::default()
        };
        let account = |r: &CreateCashout| {
            summary(r, "d24-staging", false)
                .into_iter()
                .find(|l| l.label == "Account")
                .map(|l| l.value)
        };
        assert_eq!(
            account(&chile).as_deref(),
            Some("00012345, vista / salary account (V)")
        );
        // A type the country does not publish is shown as it was typed, never guessed.
        let peru = CreateCashout {
            country: "PE".into(),
            account_type: Some("V".into()),
            ..chile.clone()
        };
        assert_eq!(account(&peru).as_deref(), Some("00012345, account type V"));
    }
}

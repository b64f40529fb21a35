//! The one error type of the core, with stable codes.
//!
//! Every variant maps to a stable `code` string that the CLI prints and the UI switches on, an
//! optional `field` to put the message next to, and, for the provider's refusals, its numeric
//! `api_code`. Messages are for people: they never contain credentials, signatures or request
//! bodies. Their words live once, in `locales/<lang>/core.ftl` (`err-*`) and `programs.ftl`:
//! [`Error::message`] renders them in any language, and `Display` is that message in English
//! (what logs and the tests compare), so no sentence is written twice.

use serde::Serialize;
use ts_rs::TS;

use crate::codes;
use crate::credentials::StoreError;
use crate::environment::UrlProblem;
use crate::l10n::messages::text;
use crate::l10n::Lang;
use crate::status::{Action, CashoutStatus};
use crate::validate::FieldError;

/// Everything that can go wrong in a desk operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Local validation failed; nothing was written or sent.
    #[error("{}", self.message(Lang::En))]
    Validation(Vec<FieldError>),
    /// The provider refused the request with one of its codes.
    #[error("{}", self.message(Lang::En))]
    Api {
        api_code: i64,
        http_status: u16,
        message: String,
        field: Option<&'static str>,
    },
    /// A call that reads or acts got no usable answer: the provider could not be reached
    /// (nothing was sent), or it did not answer in time. Creates, holds, releases and cancels
    /// say more precisely what is known ([`Error::NotSent`], [`Error::OutcomeUnknown`],
    /// [`Error::ActionUnknown`]).
    #[error("{}", self.message(Lang::En))]
    Network(String),
    /// A create that provably never left this machine (the connection was refused before any
    /// byte was sent, or the request could not be built). It is kept as `not_sent` and can be
    /// sent again with the same external_id.
    #[error("{}", self.message(Lang::En))]
    NotSent { external_id: String, detail: String },
    /// A hold, release or cancel was sent, but what it did is not known (its answer was lost
    /// and the lookup that followed did not settle it).
    #[error("{}", self.message(Lang::En))]
    ActionUnknown { action: Action, detail: String },
    /// The provider answered, but its answer is not believed: it was about another cashout,
    /// or too large. Nothing from it was recorded.
    #[error("{}", self.message(Lang::En))]
    ProviderFault(String),
    /// The provider reported a `cashout_status` this program does not know.
    #[error("{}", self.message(Lang::En))]
    UnknownStatus(i64),
    /// A create was sent but its outcome is not known yet. The intent is in the journal and will
    /// be reconciled by `external_id`; do not send it again under a new `external_id`.
    #[error("{}", self.message(Lang::En))]
    OutcomeUnknown { external_id: String, detail: String },
    /// The provider answered something this program cannot read.
    #[error("{}", self.message(Lang::En))]
    MalformedAnswer(String),
    /// A generated external_id kept by the form belongs to an earlier payout that may have been
    /// sent and is not settled: a corrected copy under a new id could pay twice.
    #[error("{}", self.message(Lang::En))]
    UnsettledExternalId(String),
    /// The same `external_id` was already used in this environment for different contents.
    #[error("{}", self.message(Lang::En))]
    ExternalIdConflict(String),
    /// A request whose external_id the desk generated pays the same amount to the same
    /// account as a payout of the last 24 hours: probably a retry of it. It is sent only when
    /// the operator says, naming the earlier payout, that it is meant to pay again.
    #[error("{}", self.message(Lang::En))]
    PossibleDuplicate(String, String),
    /// The cashout's status does not allow the action.
    #[error("{}", self.message(Lang::En))]
    ActionNotAllowed {
        action: Action,
        status: CashoutStatus,
    },
    /// No credentials are stored for this environment.
    #[error("{}", self.message(Lang::En))]
    MissingCredentials(String),
    /// The read-only key (for the provider's bank list) is not stored for this environment.
    #[error("{}", self.message(Lang::En))]
    MissingReadOnlyKey(String),
    /// Credentials given are incomplete or too long.
    #[error("{}", self.message(Lang::En))]
    InvalidCredentials(crate::credentials::CredentialProblem),
    /// The OS keychain failed.
    #[error(transparent)]
    Keychain(#[from] StoreError),
    /// The journal could not be read or written.
    #[error("{}", self.message(Lang::En))]
    Journal(String),
    /// The team journal (PostgreSQL) cannot be reached, refused the sign-in, or refused a
    /// write (e.g. an operator's role lacks the right).
    #[error("{}", self.message(Lang::En))]
    TeamJournal(String),
    /// The team journal's schema is not the one this desk was built for: a newer one (this
    /// desk must be updated before it writes), or an older one (the team's administrator runs
    /// `cashout team migrate`).
    #[error("{}", self.message(Lang::En))]
    TeamSchema { found: i32, expected: i32 },
    /// The environment or base URL is not acceptable.
    #[error(transparent)]
    Environment(#[from] UrlProblem),
    /// The team journal refused a step of the approval flow, or the desk refused to act on a
    /// payout under approval by hand (see [`crate::approvals`]).
    #[error("{}", self.message(Lang::En))]
    ApprovalRefused {
        refusal: crate::approvals::Refusal,
        message: String,
    },
    /// An argument is wrong (e.g. a missing id).
    #[error("{}", self.message(Lang::En))]
    InvalidInput {
        field: &'static str,
        message: String,
    },
}

impl Error {
    /// Builds an [`Error::Api`] from the provider's code, explained from the code table.
    #[must_use]
    pub fn api(api_code: i64, http_status: u16, message: String) -> Self {
        let info = codes::api_code(api_code);
        Self::Api {
            api_code,
            http_status,
            message,
            field: info.field,
        }
    }

    /// The stable code the CLI prints and the UI switches on.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    /// [`Error::code`] as its type (what crosses IPC, so the UI's switch is checked).
    #[must_use]
    pub fn error_code(&self) -> ErrorCode {
        use ErrorCode as C;
        match self {
            Self::Validation(_) => C::Validation,
            Self::Api { api_code: 509, .. } => C::NotFound,
            Self::Api {
                api_code: 302 | 401 | 402 | 524,
                ..
            } => C::Unauthorized,
            Self::Api { .. } => C::ApiError,
            Self::Network(_) => C::Network,
            Self::NotSent { .. } => C::NotSent,
            Self::OutcomeUnknown { .. } | Self::ActionUnknown { .. } => C::OutcomeUnknown,
            Self::ProviderFault(_) => C::ProviderFault,
            Self::UnknownStatus(_) => C::UnknownStatus,
            Self::MalformedAnswer(_) => C::MalformedResponse,
            Self::ExternalIdConflict(_) | Self::UnsettledExternalId(_) => C::ExternalIdConflict,
            Self::PossibleDuplicate(..) => C::PossibleDuplicate,
            Self::ActionNotAllowed { .. } => C::ActionNotAllowed,
            Self::MissingCredentials(_) | Self::MissingReadOnlyKey(_) => C::CredentialsMissing,
            Self::InvalidCredentials(_) => C::InvalidCredentials,
            Self::Keychain(_) => C::Keychain,
            Self::Journal(_) => C::Journal,
            Self::TeamJournal(_) => C::TeamJournal,
            Self::TeamSchema { .. } => C::TeamSchema,
            Self::Environment(_) => C::InvalidEnvironment,
            Self::ApprovalRefused { .. } => C::ApprovalRefused,
            Self::InvalidInput { .. } => C::InvalidInput,
        }
    }

    /// The field to show the message next to, when there is one.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Validation(errors) => errors.first().map(|e| e.field.as_str()),
            Self::Api { field, .. } => *field,
            Self::ExternalIdConflict(_)
            | Self::UnsettledExternalId(_)
            | Self::PossibleDuplicate(..) => Some("external_id"),
            Self::InvalidCredentials(p) => Some(p.field),
            Self::InvalidInput { field, .. } => Some(field),
            Self::Environment(UrlProblem::UnknownEnvironment(_)) => Some("env"),
            Self::Environment(_) => Some("base_url"),
            Self::MissingReadOnlyKey(_) => Some("read_only_key"),
            Self::ApprovalRefused { refusal, .. } => refusal.field(),
            _ => None,
        }
    }

    /// The provider's numeric code, for provider refusals.
    #[must_use]
    pub fn api_code(&self) -> Option<i64> {
        match self {
            Self::Api { api_code, .. } => Some(*api_code),
            _ => None,
        }
    }

    /// The message in `lang` (the `err-*` messages of `core.ftl`; in English it is also what
    /// `to_string()` says). What arrives already written — a provider's message,
    /// an I/O or database error, a field error (already in the active language) — is kept as
    /// it is, inside the translated words.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Validation(errors) => match errors.as_slice() {
                [] => text(lang, "err-validation-invalid", &[]),
                [one] => format!("{}: {}", one.field, one.message),
                [first, rest @ ..] => text(
                    lang,
                    "err-validation-more",
                    &[
                        ("field", first.field.clone().into()),
                        ("message", first.message.clone().into()),
                        ("count", rest.len().into()),
                    ],
                ),
            },
            Self::Api {
                api_code, message, ..
            } => text(
                lang,
                "err-api",
                &[
                    ("message", message.clone().into()),
                    ("code", api_code.to_string().into()),
                    (
                        "explanation",
                        codes::api_explanation(*api_code, lang).into(),
                    ),
                ],
            ),
            Self::Network(detail) => {
                text(lang, "err-network", &[("detail", detail.clone().into())])
            }
            Self::NotSent {
                external_id,
                detail,
            } => text(
                lang,
                "err-not-sent",
                &[
                    ("detail", detail.clone().into()),
                    ("external_id", external_id.clone().into()),
                ],
            ),
            Self::ActionUnknown { action, detail } => text(
                lang,
                "err-action-unknown",
                &[
                    ("action", action.name().into()),
                    ("detail", detail.clone().into()),
                ],
            ),
            Self::ProviderFault(detail) => text(
                lang,
                "err-provider-fault",
                &[("detail", detail.clone().into())],
            ),
            Self::UnknownStatus(code) => text(
                lang,
                "err-unknown-status",
                &[("code", code.to_string().into())],
            ),
            Self::OutcomeUnknown {
                external_id,
                detail,
            } => text(
                lang,
                "err-outcome-unknown",
                &[
                    ("external_id", external_id.clone().into()),
                    ("detail", detail.clone().into()),
                ],
            ),
            Self::MalformedAnswer(detail) => text(
                lang,
                "err-malformed-answer",
                &[("detail", detail.clone().into())],
            ),
            Self::UnsettledExternalId(external_id) => text(
                lang,
                "err-unsettled-external-id",
                &[("external_id", external_id.clone().into())],
            ),
            Self::ExternalIdConflict(external_id) => text(
                lang,
                "err-external-id-conflict",
                &[("external_id", external_id.clone().into())],
            ),
            Self::PossibleDuplicate(external_id, now) => text(
                lang,
                "err-possible-duplicate",
                &[
                    ("external_id", external_id.clone().into()),
                    ("now", now.clone().into()),
                ],
            ),
            Self::ActionNotAllowed { action, status } => text(
                lang,
                "err-action-not-allowed",
                &[
                    ("action", action.name().into()),
                    ("status", status.name().into()),
                ],
            ),
            Self::MissingCredentials(environment) => text(
                lang,
                "err-missing-credentials",
                &[("environment", environment.clone().into())],
            ),
            Self::MissingReadOnlyKey(environment) => text(
                lang,
                "err-missing-read-only-key",
                &[("environment", environment.clone().into())],
            ),
            Self::InvalidCredentials(p) => p.message(lang),
            Self::Journal(detail) => {
                text(lang, "err-journal", &[("detail", detail.clone().into())])
            }
            Self::TeamJournal(detail) => text(
                lang,
                "err-team-journal",
                &[("detail", detail.clone().into())],
            ),
            Self::TeamSchema { found, expected } => text(
                lang,
                if found > expected {
                    "err-team-schema-newer"
                } else {
                    "err-team-schema-older"
                },
                &[
                    ("found", found.to_string().into()),
                    ("expected", expected.to_string().into()),
                ],
            ),
            Self::Environment(p) => p.message_in(lang),
            Self::Keychain(e) => e.message(lang),
            Self::ApprovalRefused { message, .. } | Self::InvalidInput { message, .. } => {
                message.clone()
            }
        }
    }

    /// The shape that crosses process and IPC boundaries.
    #[must_use]
    pub fn report(&self) -> ErrorReport {
        ErrorReport {
            code: self.error_code(),
            message: self.message(crate::l10n::messages::active().lang()),
            field: self.field().map(str::to_owned),
            api_code: self.api_code(),
            errors: match self {
                Self::Validation(e) => e.clone(),
                _ => Vec::new(),
            },
            external_id: match self {
                Self::OutcomeUnknown { external_id, .. }
                | Self::NotSent { external_id, .. }
                | Self::UnsettledExternalId(external_id)
                | Self::ExternalIdConflict(external_id)
                | Self::PossibleDuplicate(external_id, _) => Some(external_id.clone()),
                _ => None,
            },
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Self::Journal(e.to_string())
    }
}

/// Every stable error code, as the CLI prints it and the UI switches on (a union type in the
/// generated TypeScript, so a switch on a code that does not exist fails to compile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    Validation,
    NotFound,
    Unauthorized,
    ApiError,
    Network,
    NotSent,
    OutcomeUnknown,
    ProviderFault,
    UnknownStatus,
    MalformedResponse,
    ExternalIdConflict,
    PossibleDuplicate,
    ActionNotAllowed,
    CredentialsMissing,
    InvalidCredentials,
    Keychain,
    Journal,
    TeamJournal,
    TeamSchema,
    InvalidEnvironment,
    InvalidInput,
    ApprovalRefused,
    /// The desktop shell failed in a way the core did not foresee (a command that could not
    /// run at all); never produced by the core itself.
    Internal,
}

impl ErrorCode {
    /// Every code, for tests and documentation.
    pub const ALL: [ErrorCode; 23] = [
        Self::Validation,
        Self::NotFound,
        Self::Unauthorized,
        Self::ApiError,
        Self::Network,
        Self::NotSent,
        Self::OutcomeUnknown,
        Self::ProviderFault,
        Self::UnknownStatus,
        Self::MalformedResponse,
        Self::ExternalIdConflict,
        Self::PossibleDuplicate,
        Self::ActionNotAllowed,
        Self::CredentialsMissing,
        Self::InvalidCredentials,
        Self::Keychain,
        Self::Journal,
        Self::TeamJournal,
        Self::TeamSchema,
        Self::InvalidEnvironment,
        Self::InvalidInput,
        Self::ApprovalRefused,
        Self::Internal,
    ];

    /// The code as a string (the same as its JSON).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Validation => "validation",
            Self::NotFound => "not_found",
            Self::Unauthorized => "unauthorized",
            Self::ApiError => "api_error",
            Self::Network => "network",
            Self::NotSent => "not_sent",
            Self::OutcomeUnknown => "outcome_unknown",
            Self::ProviderFault => "provider_fault",
            Self::UnknownStatus => "unknown_status",
            Self::MalformedResponse => "malformed_response",
            Self::ExternalIdConflict => "external_id_conflict",
            Self::PossibleDuplicate => "possible_duplicate",
            Self::ActionNotAllowed => "action_not_allowed",
            Self::CredentialsMissing => "credentials_missing",
            Self::InvalidCredentials => "invalid_credentials",
            Self::Keychain => "keychain",
            Self::Journal => "journal",
            Self::TeamJournal => "team_journal",
            Self::TeamSchema => "team_schema",
            Self::InvalidEnvironment => "invalid_environment",
            Self::InvalidInput => "invalid_input",
            Self::ApprovalRefused => "approval_refused",
            Self::Internal => "internal",
        }
    }
}

/// `{code, message, field?, api_code?, errors?, external_id?}`: what the CLI prints on stderr
/// and what the desktop app sends over IPC. Fields left out when empty are optional in the
/// generated TypeScript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ErrorReport {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub api_code: Option<i64>,
    /// Every field problem, for validation failures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<FieldError>>", optional)]
    pub errors: Vec<FieldError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub external_id: Option<String>,
}

/// Result with the core [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_serialises_as_its_string() {
        for c in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(c).expect("json"),
                serde_json::Value::String(c.as_str().to_owned())
            );
        }
    }

    #[test]
    fn not_found_is_509_whatever_the_http_status() {
        let e = Error::api(509, 412, "Cashout not found with this ID".into());
        assert_eq!(e.code(), "not_found");
        assert_eq!(e.api_code(), Some(509));
    }

    #[test]
    fn validation_report_lists_every_field() {
        let e = Error::Validation(vec![
            FieldError {
                field: "document_id".into(),
                code: "invalid_check_digit",
                message: "bad".into(),
            },
            FieldError {
                field: "amount".into(),
                code: "required",
                message: "needed".into(),
            },
        ]);
        let r = e.report();
        assert_eq!(r.code, ErrorCode::Validation);
        assert_eq!(r.field.as_deref(), Some("document_id"));
        assert_eq!(r.errors.len(), 2);
        assert!(r.message.contains("and 1 more"));
    }

    fn field_error(field: &str, message: &str) -> FieldError {
        FieldError {
            field: field.into(),
            code: "required",
            message: message.into(),
        }
    }

    /// One value of every variant (both branches where the words differ).
    fn one_of_each() -> Vec<Error> {
        vec![
            Error::Validation(vec![]),
            Error::Validation(vec![field_error("amount", "needed")]),
            Error::Validation(vec![
                field_error("document_id", "bad"),
                field_error("amount", "needed"),
                field_error("email", "odd"),
            ]),
            Error::api(514, 412, "Insufficient funds".into()),
            Error::api(999, 400, "Something new".into()),
            Error::Network("connection reset".into()),
            Error::NotSent {
                external_id: "ext-1".into(),
                detail: "connection refused".into(),
            },
            Error::ActionUnknown {
                action: Action::Hold,
                detail: "timed out".into(),
            },
            Error::ProviderFault("the answer names another cashout".into()),
            Error::UnknownStatus(42),
            Error::OutcomeUnknown {
                external_id: "ext-2".into(),
                detail: "timed out".into(),
            },
            Error::MalformedAnswer("expected a number".into()),
            Error::UnsettledExternalId("ext-3".into()),
            Error::ExternalIdConflict("ext-4".into()),
            Error::PossibleDuplicate("ext-5".into(), "PENDING".into()),
            Error::ActionNotAllowed {
                action: Action::Release,
                status: CashoutStatus::Completed,
            },
            Error::MissingCredentials("sandbox".into()),
            Error::MissingReadOnlyKey("okp-staging".into()),
            Error::InvalidCredentials(crate::credentials::CredentialProblem {
                field: "api_key",
                id: "p-cred-api-key-required",
            }),
            Error::Keychain(StoreError::Damaged),
            Error::Journal("disk full".into()),
            Error::TeamJournal("permission denied".into()),
            Error::TeamSchema {
                found: 5,
                expected: 3,
            },
            Error::TeamSchema {
                found: 2,
                expected: 3,
            },
            Error::Environment(UrlProblem::NoHost),
            Error::ApprovalRefused {
                refusal: crate::approvals::Refusal::NotAllowed,
                message: "only an approver can approve".into(),
            },
            Error::InvalidInput {
                field: "id",
                message: "give a cashout id".into(),
            },
        ]
    }

    #[test]
    fn the_english_message_is_the_display_and_the_others_are_translated() {
        for e in one_of_each() {
            assert_eq!(e.message(Lang::En), e.to_string(), "{e:?}");
        }
        for e in [
            Error::Validation(vec![]),
            Error::Validation(vec![field_error("a", "x"), field_error("b", "y")]),
            Error::api(514, 412, "Insufficient funds".into()),
            Error::Network("connection reset".into()),
            Error::PossibleDuplicate("ext-5".into(), "PENDING".into()),
            Error::ActionNotAllowed {
                action: Action::Cancel,
                status: CashoutStatus::Rejected,
            },
            Error::TeamSchema {
                found: 5,
                expected: 3,
            },
            Error::TeamSchema {
                found: 2,
                expected: 3,
            },
            Error::Keychain(StoreError::Damaged),
            Error::Keychain(StoreError::Unavailable("locked".into())),
            Error::InvalidCredentials(crate::credentials::CredentialProblem {
                field: "api_passphrase",
                id: "p-cred-passphrase-long",
            }),
            Error::Environment(UrlProblem::NotHttps),
        ] {
            assert_ne!(e.message(Lang::PtBr), e.to_string(), "{e:?}");
            assert_ne!(e.message(Lang::Es), e.to_string(), "{e:?}");
        }
    }

    #[test]
    fn api_errors_carry_the_field_to_fix() {
        let e = Error::api(514, 412, "Insufficient funds".into());
        assert_eq!(e.field(), Some("amount"));
        assert_eq!(e.code(), "api_error");
        assert_eq!(
            Error::api(402, 401, "Unregistered IP".into()).code(),
            "unauthorized"
        );
    }
}

//! The one error type of the core, with stable codes.
//!
//! Every variant maps to a stable `code` string that the CLI prints and the UI switches on, an
//! optional `field` to put the message next to, and, for the provider's refusals, its numeric
//! `api_code`. Messages are for people: they never contain credentials, signatures or request
//! bodies.

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
    #[error("{}", validation_summary(.0))]
    Validation(Vec<FieldError>),
    /// The provider refused the request with one of its codes.
    #[error("{message} (provider code {api_code}: {explanation})")]
    Api {
        api_code: i64,
        http_status: u16,
        message: String,
        explanation: &'static str,
        field: Option<&'static str>,
    },
    /// A call that reads or acts got no usable answer: the provider could not be reached
    /// (nothing was sent), or it did not answer in time. Creates, holds, releases and cancels
    /// say more precisely what is known ([`Error::NotSent`], [`Error::OutcomeUnknown`],
    /// [`Error::ActionUnknown`]).
    #[error("the provider could not be reached or did not answer: {0}")]
    Network(String),
    /// A create that provably never left this machine (the connection was refused before any
    /// byte was sent, or the request could not be built). It is kept as `not_sent` and can be
    /// sent again with the same external_id.
    #[error("nothing was sent: {detail}; the payout is kept as not sent, and sending it again uses the same external_id {external_id}")]
    NotSent { external_id: String, detail: String },
    /// A hold, release or cancel was sent, but what it did is not known (its answer was lost
    /// and the lookup that followed did not settle it).
    #[error("the {} may or may not have been applied: {detail}", .action.name())]
    ActionUnknown { action: Action, detail: String },
    /// The provider answered, but its answer is not believed: it was about another cashout,
    /// or too large. Nothing from it was recorded.
    #[error("the provider's answer was not believed and nothing was recorded from it: {0}")]
    ProviderFault(String),
    /// The provider reported a `cashout_status` this program does not know.
    #[error("the provider reports status code {0}, which this desk does not know; no action is allowed until the provider reports a known status")]
    UnknownStatus(i64),
    /// A create was sent but its outcome is not known yet. The intent is in the journal and will
    /// be reconciled by `external_id`; do not send it again under a new `external_id`.
    #[error("the outcome of cashout {external_id} is not known yet ({detail}); it is kept in the journal and will be checked by its external_id before anything is resent")]
    OutcomeUnknown { external_id: String, detail: String },
    /// The provider answered something this program cannot read.
    #[error("the provider's answer could not be read: {0}")]
    MalformedAnswer(String),
    /// A generated external_id kept by the form belongs to an earlier payout that may have been
    /// sent and is not settled: a corrected copy under a new id could pay twice.
    #[error("external id {0} was generated for an earlier payout that may have been sent and is not settled yet (checking…); open it and resend or abandon it before sending a corrected payout")]
    UnsettledExternalId(String),
    /// The same `external_id` was already used in this environment for different contents.
    #[error("external_id {0} was already used in this environment for a different payout; choose another external_id or resend the identical request")]
    ExternalIdConflict(String),
    /// A request whose external_id the desk generated pays the same amount to the same
    /// account as a payout of the last 24 hours: probably a retry of it. It is sent only when
    /// the operator says, naming the earlier payout, that it is meant to pay again.
    #[error("an identical payout (same amount, currency, document and account) was requested in the last 24 hours as external_id {0} (now {1}); open it to check or resume it, or, to pay a second time on purpose, say so explicitly (desktop: “Pay again on purpose”; CLI: --pay-again-of {0})")]
    PossibleDuplicate(String, String),
    /// The cashout's status does not allow the action.
    #[error("cannot {} a cashout that is {}", .action.name(), .status.name())]
    ActionNotAllowed {
        action: Action,
        status: CashoutStatus,
    },
    /// No credentials are stored for this environment.
    #[error("no credentials are stored for {0}; store them in Settings (desktop) or with `cashout credentials set`")]
    MissingCredentials(String),
    /// The read-only key (for the provider's bank list) is not stored for this environment.
    #[error("the provider's bank list needs the read-only key, and none is stored for {0}; store it with the credentials (Settings, or the fourth line of `cashout credentials set`)")]
    MissingReadOnlyKey(String),
    /// Credentials given are incomplete or too long.
    #[error("{message}")]
    InvalidCredentials {
        field: &'static str,
        message: &'static str,
    },
    /// The OS keychain failed.
    #[error(transparent)]
    Keychain(#[from] StoreError),
    /// The journal could not be read or written.
    #[error("the journal failed: {0}")]
    Journal(String),
    /// The team journal (PostgreSQL) cannot be reached, refused the sign-in, or refused a
    /// write (e.g. an operator's role lacks the right).
    #[error("the team journal: {0}")]
    TeamJournal(String),
    /// The team journal's schema is not the one this desk was built for: a newer one (this
    /// desk must be updated before it writes), or an older one (the team's administrator runs
    /// `cashout team migrate`).
    #[error("{}", team_schema_message(*.found, *.expected))]
    TeamSchema { found: i32, expected: i32 },
    /// The environment or base URL is not acceptable.
    #[error(transparent)]
    Environment(#[from] UrlProblem),
    /// The team journal refused a step of the approval flow, or the desk refused to act on a
    /// payout under approval by hand (see [`crate::approvals`]).
    #[error("{message}")]
    ApprovalRefused {
        refusal: crate::approvals::Refusal,
        message: String,
    },
    /// An argument is wrong (e.g. a missing id).
    #[error("{message}")]
    InvalidInput {
        field: &'static str,
        message: String,
    },
}

fn validation_summary(errors: &[FieldError]) -> String {
    match errors {
        [] => "the request is not valid".to_owned(),
        [one] => format!("{}: {}", one.field, one.message),
        [first, rest @ ..] => format!(
            "{}: {} (and {} more)",
            first.field,
            first.message,
            rest.len()
        ),
    }
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
            explanation: info.explanation,
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
            Self::InvalidCredentials { .. } => C::InvalidCredentials,
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
            Self::InvalidCredentials { field, .. } | Self::InvalidInput { field, .. } => {
                Some(field)
            }
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

    /// The message in `lang`: in English, exactly what `to_string()` says (tests and the CLI
    /// compare those words); in Spanish and Portuguese, the same sentence translated (the
    /// `err-*` messages of `core.ftl`). What arrives already written — a provider's message,
    /// an I/O or database error, a field error (already in the active language) — is kept as
    /// it is, inside the translated words. The keychain's and the environment's own errors
    /// keep their `Display`.
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
            Self::InvalidCredentials { message, .. } => (*message).to_owned(),
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
            // The URL's problem in the active language (its `Display` stays English for logs).
            Self::Environment(p) => p.message(),
            Self::Keychain(_) => self.to_string(),
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

fn team_schema_message(found: i32, expected: i32) -> String {
    if found > expected {
        format!(
            "the team journal's schema is version {found}, newer than this desk knows ({expected}): \
             update Cashout Desk before using the team journal; nothing was written"
        )
    } else {
        format!(
            "the team journal's schema is version {found}, older than this desk needs ({expected}): \
             the team's administrator runs `cashout team migrate`; nothing was written"
        )
    }
}

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
            Error::InvalidCredentials {
                field: "api_key",
                message: "the API key is empty",
            },
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

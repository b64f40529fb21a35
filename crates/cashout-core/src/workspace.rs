//! The operator's workspace, as the desktop app sees it: the settings, the journal, the keychain
//! and the embedded sandbox's address, and from them a [`Desk`] for the environment in use.
//!
//! The shell's commands are a line or two over this. Credentials are write-only from here:
//! they can be stored, removed and asked about ([`CredentialStatus`]), never read back.
//! The sandbox uses its fixed demo credentials and never touches the keychain.

use std::path::Path;
use std::sync::{Arc, RwLock};

use serde::Serialize;
use ts_rs::TS;

use crate::api::client::{CallError, Client, ClientOptions, HttpStack};
use crate::api::types::{CashoutId, CashoutRef};
use crate::audit::{AuditAction, AuditEvent, AuditFilter, AuditVerdict};
use crate::credentials::{CredentialStatus, CredentialStore, Credentials};
use crate::desk::{Desk, RetryPolicy};
use crate::environment::{Environment, EnvironmentKind};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::settings::Settings;

/// What the environment bar shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EnvironmentStatus {
    pub kind: EnvironmentKind,
    pub name: &'static str,
    pub host: String,
    /// Real money moves here.
    pub production: bool,
    /// `neutral`, `amber` or `red`.
    pub colour: &'static str,
    pub credentials: CredentialStatus,
    /// Credentials are fixed demo values (the sandbox).
    pub demo_credentials: bool,
    /// The operator may accept a failed national check digit here (sandbox and staging).
    pub allows_check_digit_override: bool,
    /// The environment cannot be used as configured (e.g. a missing host); says why.
    pub problem: Option<String>,
}

/// The outcome of a connection test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConnectionCheck {
    pub ok: bool,
    pub api_code: Option<i64>,
    pub message: String,
}

/// Settings, journal, keychain and sandbox address together.
pub struct Workspace {
    journal: Arc<Journal>,
    store: Arc<dyn CredentialStore>,
    demo: Credentials,
    sandbox_url: String,
    settings: RwLock<Settings>,
    /// Built once and shared by every operation of the app (see [`HttpStack`]).
    http: HttpStack,
}

impl Workspace {
    /// A workspace over these parts. `demo` are the sandbox's credentials.
    #[must_use]
    pub fn new(
        journal: Arc<Journal>,
        store: Arc<dyn CredentialStore>,
        demo: Credentials,
        sandbox_url: String,
        settings: Settings,
    ) -> Self {
        Self {
            journal,
            store,
            demo,
            sandbox_url,
            settings: RwLock::new(settings),
            http: HttpStack::new(ClientOptions::default()),
        }
    }

    /// The current settings.
    #[must_use]
    pub fn settings(&self) -> Settings {
        self.settings
            .read()
            .map(|s| s.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    /// Checks and applies new settings; the caller persists them.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the field.
    pub async fn set_settings(&self, settings: Settings) -> Result<Settings> {
        settings.check()?;
        let before = self.environment().map(|e| e.scope()).ok();
        let after = settings
            .environment_of(settings.environment, &self.sandbox_url)
            .map(|e| e.scope())
            .ok();
        // Audited before it takes effect: a switch the audit log cannot record does not happen.
        if before != after {
            let to = after.unwrap_or_else(|| settings.environment.name().to_owned());
            let event =
                AuditEvent::new(&to, AuditAction::EnvironmentSwitched, "ok").detail(format!(
                    "from {}",
                    before.as_deref().unwrap_or("an unusable environment")
                ));
            self.journal.append_audit(event).await?;
        }
        match self.settings.write() {
            Ok(mut s) => *s = settings.clone(),
            Err(p) => *p.into_inner() = settings.clone(),
        }
        Ok(settings)
    }

    /// The journal.
    #[must_use]
    pub fn journal(&self) -> &Arc<Journal> {
        &self.journal
    }

    /// The scope audit entries of this workspace carry: the environment in use (its name when
    /// it is not usable as configured).
    #[must_use]
    pub fn audit_scope(&self) -> String {
        self.environment().map_or_else(
            |_| self.settings().environment.name().to_owned(),
            |e| e.scope(),
        )
    }

    /// Checks the whole audit chain and records that it was checked.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn verify_audit(&self) -> Result<AuditVerdict> {
        self.journal
            .verify_audit_recorded(&self.audit_scope())
            .await
    }

    /// Writes the audit entries `filter` selects (all of them, hashes included) as CSV to
    /// `path`, then audits the export. Returns how many entries were written.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] (field `file`) when the file cannot be
    /// written.
    pub async fn export_audit(&self, mut filter: AuditFilter, path: &Path) -> Result<usize> {
        filter.limit = u32::MAX;
        filter.offset = 0;
        let entries = self.journal.audit_log(&filter)?;
        let written = crate::report::write_file(path, &crate::report::audit_csv(&entries));
        let (outcome, mut detail) = match &written {
            Ok(()) => ("ok", String::new()),
            Err(e) => (e.code(), format!("; {e}")),
        };
        detail.insert_str(
            0,
            &format!("{} audit entries to {}", entries.len(), path.display()),
        );
        self.journal
            .append_audit(
                AuditEvent::new(&self.audit_scope(), AuditAction::Export, outcome).detail(detail),
            )
            .await?;
        written.map(|()| entries.len())
    }

    /// A client for the environment in use, with its credentials, on the shared HTTP stack.
    fn client(&self) -> Result<Client> {
        let env = self.environment()?;
        let creds = self.credentials_for(&env)?;
        let http = self
            .http
            .for_environment(&env)
            .map_err(|e| Error::Network(e.to_string()))?;
        Ok(Client::with_http(http, env, creds))
    }

    fn environment_of(&self, kind: EnvironmentKind) -> Result<Environment> {
        Ok(self.settings().environment_of(kind, &self.sandbox_url)?)
    }

    /// The environment in use.
    ///
    /// # Errors
    /// [`Error::Environment`] when it is not usable as configured.
    pub fn environment(&self) -> Result<Environment> {
        self.environment_of(self.settings().environment)
    }

    /// What the environment bar shows for the environment in use.
    #[must_use]
    pub fn status(&self) -> EnvironmentStatus {
        let kind = self.settings().environment;
        let env = self.environment_of(kind);
        let demo = kind == EnvironmentKind::Sandbox;
        let credentials = match (&env, demo) {
            (_, true) => CredentialStatus::of(Some(&self.demo)),
            (Ok(e), false) => {
                CredentialStatus::of(self.store.load(&e.scope()).ok().flatten().as_ref())
            }
            (Err(_), false) => CredentialStatus::of(None),
        };
        EnvironmentStatus {
            kind,
            name: kind.name(),
            host: env
                .as_ref()
                .map(|e| e.host().to_owned())
                .unwrap_or_default(),
            production: kind.is_production(),
            colour: match kind {
                EnvironmentKind::Sandbox => "neutral",
                EnvironmentKind::OkpStaging | EnvironmentKind::D24Staging => "amber",
                _ => "red",
            },
            credentials,
            demo_credentials: demo,
            allows_check_digit_override: kind.allows_validation_override(),
            problem: env.err().map(|p| p.to_string()),
        }
    }

    fn credentials_for(&self, env: &Environment) -> Result<Credentials> {
        if env.kind == EnvironmentKind::Sandbox {
            return Ok(self.demo.clone());
        }
        self.store
            .load(&env.scope())?
            .ok_or_else(|| Error::MissingCredentials(env.to_string()))
    }

    /// A desk for the environment in use.
    ///
    /// # Errors
    /// [`Error::Environment`], [`Error::MissingCredentials`], [`Error::Keychain`].
    pub fn desk(&self) -> Result<Desk> {
        let client = self.client()?;
        Ok(Desk::new(
            client,
            self.journal.clone(),
            RetryPolicy::default(),
        ))
    }

    /// Stores the credentials of environment `kind` in the keychain.
    ///
    /// # Errors
    /// [`Error::InvalidCredentials`], [`Error::InvalidInput`] for the sandbox,
    /// [`Error::Environment`], [`Error::Keychain`].
    pub async fn save_credentials(
        &self,
        kind: EnvironmentKind,
        creds: &Credentials,
    ) -> Result<CredentialStatus> {
        if kind == EnvironmentKind::Sandbox {
            return Err(Error::InvalidInput {
                field: "environment",
                message: "the sandbox uses fixed demo credentials; nothing to store".into(),
            });
        }
        creds.check().map_err(|p| Error::InvalidCredentials {
            field: p.field,
            message: p.message,
        })?;
        let env = self.environment_of(kind)?;
        self.store.save(&env.scope(), creds)?;
        // That they were saved, never what they are.
        self.journal
            .append_audit(AuditEvent::new(
                &env.scope(),
                AuditAction::CredentialsSaved,
                "ok",
            ))
            .await?;
        Ok(CredentialStatus::of(Some(creds)))
    }

    /// Whether environment `kind` has stored credentials.
    ///
    /// # Errors
    /// [`Error::Environment`], [`Error::Keychain`].
    pub fn credentials_status(&self, kind: EnvironmentKind) -> Result<CredentialStatus> {
        if kind == EnvironmentKind::Sandbox {
            return Ok(CredentialStatus::of(Some(&self.demo)));
        }
        let env = self.environment_of(kind)?;
        Ok(CredentialStatus::of(
            self.store.load(&env.scope())?.as_ref(),
        ))
    }

    /// Removes the credentials of environment `kind`.
    ///
    /// # Errors
    /// [`Error::Environment`], [`Error::Keychain`].
    pub async fn delete_credentials(&self, kind: EnvironmentKind) -> Result<CredentialStatus> {
        let env = self.environment_of(kind)?;
        self.store.delete(&env.scope())?;
        self.journal
            .append_audit(AuditEvent::new(
                &env.scope(),
                AuditAction::CredentialsRemoved,
                "ok",
            ))
            .await?;
        Ok(CredentialStatus::of(None))
    }

    /// A signed status call for a cashout id that cannot exist: 509 means the credentials
    /// work; 401, 302 and 402 each get a plain explanation.
    ///
    /// # Errors
    /// [`Error::Environment`], [`Error::MissingCredentials`], [`Error::Keychain`].
    pub async fn test_connection(&self) -> Result<ConnectionCheck> {
        let client = self.client()?;
        // Ids are positive and far below this; the answer is "not found" when all is well.
        let probe = CashoutRef::Id(CashoutId(i64::MAX));
        Ok(match client.status(&probe).await {
            Err(CallError::Api { answer, .. }) if answer.code == 509 => ConnectionCheck {
                ok: true,
                api_code: Some(509),
                message: "Connected: the credentials and the signature are accepted.".into(),
            },
            Ok(_) => ConnectionCheck { ok: true, api_code: None, message: "Connected.".into() },
            Err(CallError::Api { answer, .. }) => ConnectionCheck {
                ok: false,
                api_code: Some(answer.code),
                message: match answer.code {
                    401 => "The API Key or API Passphrase is wrong for this environment.".into(),
                    302 => "The signature was refused: the API Signature stored for this environment is wrong.".into(),
                    402 => "This computer's IP address is not whitelisted for cashouts: add it in the Merchant Panel (Settings → API Access).".into(),
                    _ => Error::api(answer.code, 0, answer.message).to_string(),
                },
            },
            Err(e) => ConnectionCheck { ok: false, api_code: None, message: format!("Could not reach the provider: {e}") },
        })
    }
}

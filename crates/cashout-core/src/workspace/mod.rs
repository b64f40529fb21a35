//! The operator's workspace, as the desktop app sees it: the settings, the journal, the keychain
//! and the embedded sandbox's address, and from them a [`Desk`] for the environment in use.
//!
//! The shell's commands are a line or two over this. Credentials are write-only from here:
//! they can be stored, removed and asked about ([`CredentialStatus`]), never read back.
//! The sandbox uses its fixed demo credentials and never touches the keychain. A desk loads
//! credentials only when it first calls the provider, so lists, histories, exports and the
//! audit log work with no credentials stored and with a locked keychain.
//!
//! A change of settings is one step: it is audited first (a change the audit log cannot
//! record does not happen), then the file is replaced atomically, and only then does it take
//! effect; if the file cannot be written, a second audit entry says so and the previous
//! settings stay in force.
//!
//! Which journal the workspace uses — the local file or a team journal — and moving between
//! them is in `journals`.

use std::path::Path;
use std::sync::{Arc, RwLock};

use tokio::sync::Mutex as AsyncMutex;

use serde::Serialize;
use ts_rs::TS;

use crate::api::client::{CallError, Client, ClientOptions, HttpStack};
use crate::api::types::{Bank, CashoutId, CashoutRef};
use crate::audit::{AuditAction, AuditEvent, AuditFilter, AuditVerdict};
use crate::credentials::{CredentialStatus, CredentialStore, Credentials};
use crate::desk::{Desk, RetryPolicy};
use crate::environment::{Environment, EnvironmentKind};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::l10n::messages::tr;

mod journals;
use crate::settings::{Settings, SettingsFile};
pub use journals::JournalStatus;

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
    /// The team journal's operator as the database signed them in; `None` on the local journal.
    pub signed_in_as: Option<String>,
    /// A team journal is chosen but not connected (nothing can be paid or checked); says why.
    pub journal_problem: Option<String>,
}

/// The outcome of a connection test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConnectionCheck {
    pub ok: bool,
    pub api_code: Option<i64>,
    pub message: String,
}

/// A country's banks for the form's picker, and where they came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BankChoices {
    pub banks: Vec<Bank>,
    /// `provider` (the live list) or `bundled` (the list this program ships, used when the
    /// live one cannot be had).
    pub source: &'static str,
    /// Why the bundled list is shown, for the operator.
    pub note: Option<String>,
}

/// Settings, journal, keychain and sandbox address together.
pub struct Workspace {
    /// Replaced as a whole when the desk moves between its local and a team journal.
    journal: RwLock<Arc<Journal>>,
    /// The local journal's file, to come back to from a team journal.
    local_journal: Option<std::path::PathBuf>,
    /// Why the team journal chosen in the settings could not be used.
    team_problem: RwLock<Option<String>>,
    /// One journal switch at a time.
    journal_switch: AsyncMutex<()>,
    store: Arc<dyn CredentialStore>,
    demo: Credentials,
    sandbox_url: String,
    settings: RwLock<Settings>,
    /// Where settings are kept; `None` keeps them in memory only (tests).
    settings_file: Option<SettingsFile>,
    /// One settings change at a time, file and audit included.
    settings_change: AsyncMutex<()>,
    /// Built once and shared by every operation of the app (see [`HttpStack`]).
    http: Arc<HttpStack>,
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
            journal: RwLock::new(journal),
            local_journal: None,
            team_problem: RwLock::new(None),
            journal_switch: AsyncMutex::new(()),
            store,
            demo,
            sandbox_url,
            settings: RwLock::new(settings),
            settings_file: None,
            settings_change: AsyncMutex::new(()),
            http: Arc::new(HttpStack::new(ClientOptions::default())),
        }
    }

    /// The same workspace, keeping its settings in `file` (whose saved settings it starts
    /// with).
    #[must_use]
    pub fn with_settings_file(mut self, file: SettingsFile) -> Self {
        self.settings = RwLock::new(file.load());
        self.settings_file = Some(file);
        self
    }

    /// The same workspace, coming back to the journal file at `path` when it leaves a team
    /// journal.
    #[must_use]
    pub fn with_local_journal(mut self, path: &Path) -> Self {
        self.local_journal = Some(path.to_owned());
        self
    }

    /// The current settings.
    #[must_use]
    pub fn settings(&self) -> Settings {
        self.settings
            .read()
            .map(|s| s.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    /// Checks, saves and applies new settings, as one step. The change is audited before it
    /// takes effect (a switch the audit log cannot record does not happen), then the file is
    /// replaced atomically, then the new settings apply. If the file cannot be written, a
    /// second entry says so and the previous settings stay in force. Every change is audited:
    /// the environment switch, and which other settings changed from what to what (settings
    /// hold no secret). The caller restarts what follows the environment (the watcher) once
    /// this returns `Ok`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the field, or saying what could not be saved;
    /// [`Error::Journal`] when the audit log cannot record the change (then nothing changed).
    pub async fn set_settings(&self, mut settings: Settings) -> Result<Settings> {
        // The team journal is chosen by switching journals, never by a settings form (a form
        // that knows nothing of it must not switch it off).
        settings.team = self.settings().team;
        settings.check()?;
        let _one_at_a_time = self.settings_change.lock().await;
        let previous = self.settings();
        let before = self.environment().map(|e| e.scope()).ok();
        let after = settings
            .environment_of(settings.environment, &self.sandbox_url)
            .map(|e| e.scope())
            .ok();
        let changed = previous.changes_to(&settings);
        let scope = after
            .clone()
            .unwrap_or_else(|| settings.environment.name().to_owned());
        let event = if before != after {
            let mut detail = format!(
                "from {}",
                before.as_deref().unwrap_or("an unusable environment")
            );
            let others: Vec<&str> = changed
                .iter()
                .map(String::as_str)
                .filter(|c| !c.starts_with("environment "))
                .collect();
            if !others.is_empty() {
                detail.push_str(&format!("; also {}", others.join("; ")));
            }
            Some(AuditEvent::new(&scope, AuditAction::EnvironmentSwitched, "ok").detail(detail))
        } else if !changed.is_empty() {
            Some(
                AuditEvent::new(&scope, AuditAction::SettingsChanged, "ok")
                    .detail(changed.join("; ")),
            )
        } else {
            None
        };
        if let Some(event) = &event {
            self.journal().append_audit(event.clone()).await?;
        }
        if let Some(file) = &self.settings_file {
            if let Err(e) = file.save(&settings) {
                if let Some(mut undone) = event {
                    undone.outcome = e.code().to_owned();
                    undone.detail = Some(format!(
                        "the change just audited was not saved ({e}); the previous settings stay in force"
                    ));
                    let _ = self.journal().append_audit(undone).await;
                }
                return Err(e);
            }
        }
        match self.settings.write() {
            Ok(mut s) => *s = settings.clone(),
            Err(p) => *p.into_inner() = settings.clone(),
        }
        Ok(settings)
    }

    /// The journal in use.
    #[must_use]
    pub fn journal(&self) -> Arc<Journal> {
        self.journal
            .read()
            .map(|j| j.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
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
        self.journal()
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
        let entries = self.journal().audit_log(&filter)?;
        // The save dialog asked before a file was replaced.
        let written = crate::report::write_file(
            path,
            &crate::report::audit_csv(&entries),
            crate::report::Overwrite::Yes,
        );
        let (outcome, mut detail) = match &written {
            Ok(()) => ("ok", String::new()),
            Err(e) => (e.code(), format!("; {e}")),
        };
        detail.insert_str(
            0,
            &format!("{} audit entries to {}", entries.len(), path.display()),
        );
        self.journal()
            .append_audit(
                AuditEvent::new(&self.audit_scope(), AuditAction::Export, outcome).detail(detail),
            )
            .await?;
        written.map(|()| entries.len())
    }

    /// How a desk builds its client when it first calls the provider: the credentials are
    /// loaded then (the sandbox's demo ones, or the keychain's).
    fn connector(&self) -> impl Fn(&Environment) -> Result<Client> + Send + Sync + 'static {
        let (store, demo, http) = (self.store.clone(), self.demo.clone(), self.http.clone());
        move |env: &Environment| {
            let creds = if env.kind == EnvironmentKind::Sandbox {
                demo.clone()
            } else {
                store
                    .load(&env.scope())?
                    .ok_or_else(|| Error::MissingCredentials(env.to_string()))?
            };
            let stack = http
                .for_environment(env)
                .map_err(|e| Error::Network(e.to_string()))?;
            Ok(Client::with_http(stack, env.clone(), creds))
        }
    }

    /// A client for the environment in use, with its credentials, on the shared HTTP stack.
    fn client(&self) -> Result<Client> {
        (self.connector())(&self.environment()?)
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
                EnvironmentKind::Sandbox | EnvironmentKind::Local => "neutral",
                EnvironmentKind::OkpStaging | EnvironmentKind::D24Staging => "amber",
                _ => "red",
            },
            credentials,
            demo_credentials: demo,
            allows_check_digit_override: kind.allows_validation_override(),
            problem: env.err().map(|p| p.report().message),
            signed_in_as: self.journal().actor().map(str::to_owned),
            journal_problem: self.team_problem(),
        }
    }

    /// A desk for the environment in use. Nothing is loaded from the keychain until the desk
    /// first calls the provider.
    ///
    /// # Errors
    /// [`Error::Environment`] when the environment is not usable as configured.
    pub fn desk(&self) -> Result<Desk> {
        // A desk whose team journal is not connected works on nothing: its local journal
        // knows nothing of the team's payouts (open creates, the duplicate guard), and a payout
        // made there would be invisible to the team.
        if let Some(problem) = self.team_problem() {
            return Err(Error::TeamJournal(tr(
                "d-team-journal-not-connected",
                &[("problem", problem.into())],
            )));
        }
        let env = self.environment()?;
        Ok(Desk::connecting(
            env,
            self.connector(),
            self.journal(),
            RetryPolicy::default(),
        )
        .with_open_window(self.settings().open_create_window()))
    }

    /// The banks of `country` for the form's picker: the provider's live list, or, when it
    /// cannot be had (no read-only key or no credentials stored, the provider unreachable),
    /// the list bundled with this program, saying why.
    ///
    /// # Errors
    /// [`Error::Environment`]; a provider refusal other than those (e.g. a wrong read-only
    /// key) is returned as it is.
    pub async fn bank_choices(&self, country: &str) -> Result<BankChoices> {
        let desk = self.desk()?;
        let note = match desk.banks(country).await {
            Ok(banks) => {
                return Ok(BankChoices {
                    banks,
                    source: "provider",
                    note: None,
                })
            }
            // A note for the operator: the error's message in their language.
            Err(e @ (Error::MissingReadOnlyKey(_) | Error::MissingCredentials(_))) => {
                e.report().message
            }
            Err(Error::Network(d)) => tr("d-bank-list-unavailable", &[("detail", d.into())]),
            Err(e) => return Err(e),
        };
        let banks = crate::banks::for_country(&country.to_ascii_uppercase())
            .filter(|b| b.method == crate::banks::Method::BankTransfer)
            .map(|b| Bank {
                code: b.code.to_owned(),
                name: b.name.to_owned(),
                licensed: true,
            })
            .collect();
        Ok(BankChoices {
            banks,
            source: "bundled",
            note: Some(tr("d-bank-list-bundled", &[("note", note.into())])),
        })
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
                message: tr("d-sandbox-credentials-fixed", &[]),
            });
        }
        creds.check().map_err(Error::InvalidCredentials)?;
        let env = self.environment_of(kind)?;
        self.store.save(&env.scope(), creds)?;
        // That they were saved, never what they are.
        self.journal()
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
        self.journal()
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
                message: tr("d-connection-accepted", &[]),
            },
            Ok(_) => ConnectionCheck {
                ok: true,
                api_code: None,
                message: tr("d-connection-ok", &[]),
            },
            Err(CallError::Api { answer, .. }) => ConnectionCheck {
                ok: false,
                api_code: Some(answer.code),
                message: match answer.code {
                    401 => tr("d-connection-401", &[]),
                    302 => tr("d-connection-302", &[]),
                    402 => tr("d-connection-402", &[]),
                    // The refusal as errors say it, in the operator's language.
                    _ => Error::api(answer.code, 0, answer.message).report().message,
                },
            },
            Err(e) => ConnectionCheck {
                ok: false,
                api_code: None,
                message: tr(
                    "d-connection-unreachable",
                    &[("detail", e.to_string().into())],
                ),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::AuditFilter;
    use crate::clock::SystemClock;
    use crate::credentials::MemoryStore;

    fn workspace(dir: &Path) -> Workspace {
        let journal =
            Journal::open(&dir.join("journal.sqlite3"), Arc::new(SystemClock)).expect("journal");
        Workspace::new(
            Arc::new(journal),
            Arc::new(MemoryStore::default()),
            Credentials {
                api_key: "demo".into(),
                passphrase: crate::credentials::Secret::new("p".into()),
                signature: crate::credentials::Secret::new("s".into()),
                read_only_key: None,
            },
            "http://127.0.0.1:9".into(),
            Settings::default(),
        )
    }

    fn switches(w: &Workspace) -> usize {
        w.journal()
            .audit_log(&AuditFilter {
                action: Some(AuditAction::EnvironmentSwitched),
                ..AuditFilter::default()
            })
            .expect("log")
            .len()
    }

    #[tokio::test]
    async fn a_settings_change_that_cannot_be_saved_changes_nothing_and_the_log_says_it_failed() {
        let dir = tempfile::tempdir().expect("tempdir");
        // The settings file's place is taken by a folder: it cannot be replaced.
        std::fs::create_dir_all(dir.path().join("blocked").join("settings.json").join("x"))
            .expect("folder");
        let w = workspace(dir.path())
            .with_settings_file(SettingsFile::in_dir(&dir.path().join("blocked")));
        let staging = Settings {
            environment: EnvironmentKind::D24Staging,
            ..Settings::default()
        };
        assert!(w.set_settings(staging.clone()).await.is_err());
        assert_eq!(w.settings().environment, EnvironmentKind::Sandbox);
        // Audited before it takes effect, and then said to have failed.
        let log = w.journal().audit_log(&AuditFilter::default()).expect("log");
        assert_eq!(log.len(), 2, "{log:?}");
        assert_eq!(log[0].outcome, "invalid_input");
        assert!(log[0]
            .detail
            .as_deref()
            .is_some_and(|d| d.contains("not saved")));
        // Saved where it can be: file, audit and environment change together.
        let dir = tempfile::tempdir().expect("tempdir");
        let w = workspace(dir.path()).with_settings_file(SettingsFile::in_dir(dir.path()));
        w.set_settings(staging).await.expect("saved");
        assert_eq!(w.settings().environment, EnvironmentKind::D24Staging);
        assert_eq!(switches(&w), 1);
        // Another setting's change is audited too, from what to what.
        w.set_settings(Settings {
            environment: EnvironmentKind::D24Staging,
            open_create_window_hours: 48,
            ..Settings::default()
        })
        .await
        .expect("saved");
        let changed = w
            .journal()
            .audit_log(&AuditFilter {
                action: Some(AuditAction::SettingsChanged),
                ..AuditFilter::default()
            })
            .expect("log");
        assert_eq!(
            changed[0].detail.as_deref(),
            Some("open_create_window_hours 24 → 48")
        );
        assert_eq!(
            SettingsFile::in_dir(dir.path()).load().environment,
            EnvironmentKind::D24Staging
        );
    }

    #[tokio::test]
    async fn a_desk_is_had_without_credentials_and_reads_without_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let w = workspace(dir.path());
        w.set_settings(Settings {
            environment: EnvironmentKind::D24Staging,
            ..Settings::default()
        })
        .await
        .expect("saved");
        let desk = w.desk().expect("a desk, credentials or not");
        assert!(desk
            .list(crate::journal::ListFilter::default())
            .expect("list")
            .is_empty());
        assert_eq!(
            desk.connect().expect_err("none stored").code(),
            "credentials_missing"
        );
    }
}

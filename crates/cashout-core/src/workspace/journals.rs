//! Which journal the desk keeps its payouts in: its local file, or a team journal (PostgreSQL),
//! and moving between them.
//!
//! Guarantees:
//! - A move is audited in both journals before it takes effect, then saved in the settings;
//!   if any step fails the desk stays where it was.
//! - The team journal's password goes to the keychain only once a connection with it worked,
//!   and is never returned; only whether one is stored.
//! - A team journal chosen in the settings that cannot be opened at start-up stops the desk from
//!   paying or checking anything (a desk on its local journal would not see the team's open
//!   creates, and its payouts would be invisible to the team) until it is connected, or the
//!   operator switches to the local journal on purpose; [`JournalStatus::problem`] says why.
//!
//! - Copying the local journal's payouts into the team journal ([`Workspace::copy_local_history`])
//!   doubles nothing and is audited in both (see [`crate::journal::copy`]).

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use super::Workspace;
use crate::audit::{AuditAction, AuditEvent};
use crate::credentials::Secret;
use crate::error::{Error, Result};
use crate::journal::postgres::TeamProfile;
use crate::journal::Journal;
use crate::l10n::messages::tr;
use crate::settings::Settings;

/// Which journal this desk keeps its payouts in, for the settings and the environment bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct JournalStatus {
    /// `local` (the file on this computer) or `team` (the team journal).
    pub kind: &'static str,
    /// Where, in words (a file path, or database, server and login).
    pub place: String,
    /// The team journal's profile in the settings, if one is chosen (even when not connected).
    pub team: Option<TeamProfile>,
    /// The operator the team journal signed in (its login role), when connected.
    pub signed_in_as: Option<String>,
    /// Whether the keychain holds the team journal's password (never the password).
    pub password_stored: bool,
    /// Why the chosen team journal is not in use (this desk is on its local journal meanwhile).
    pub problem: Option<String>,
}

/// Where `journal` is, in the operator's language, for Settings (`describe()` stays English:
/// it is written into audit records).
fn place_shown(journal: &Journal, team: Option<&TeamProfile>) -> String {
    match (journal.file(), journal.actor(), team) {
        (Some(path), _, _) => tr(
            "d-journal-place-file",
            &[("path", path.display().to_string().into())],
        ),
        (None, Some(actor), Some(p)) => tr(
            "d-journal-place-team",
            &[
                ("database", p.database.clone().into()),
                ("host", p.host.clone().into()),
                ("port", p.port.to_string().into()),
                ("user", actor.into()),
            ],
        ),
        _ => journal.describe(),
    }
}

impl Workspace {
    /// Which journal is in use, and the team journal's state.
    #[must_use]
    pub fn journal_status(&self) -> JournalStatus {
        let journal = self.journal();
        let team = self.settings().team;
        let password_stored = team
            .as_ref()
            .is_some_and(|t| matches!(self.store.load_secret(&t.keychain_scope()), Ok(Some(_))));
        JournalStatus {
            kind: if journal.actor().is_some() {
                "team"
            } else {
                "local"
            },
            place: place_shown(&journal, team.as_ref()),
            signed_in_as: journal.actor().map(str::to_owned),
            team,
            password_stored,
            problem: self.team_problem(),
        }
    }

    /// The password of `profile`: `given` (which is then stored in the keychain once it has
    /// worked), else the keychain's.
    fn team_password(&self, profile: &TeamProfile, given: Option<&Secret>) -> Result<Secret> {
        if let Some(p) = given.filter(|p| !p.is_empty()) {
            return Ok(p.clone());
        }
        self.store
            .load_secret(&profile.keychain_scope())?
            .ok_or_else(|| Error::InvalidInput {
                field: "password",
                message: tr(
                    "d-team-no-password",
                    &[
                        ("user", profile.user.clone().into()),
                        ("host", profile.host.clone().into()),
                    ],
                ),
            })
    }

    /// Connects to the team journal `profile` names as a test: who it signs in as, and nothing
    /// switched, stored or audited.
    ///
    /// # Errors
    /// As [`Journal::open_team`]; [`Error::InvalidInput`] (field `password`) when none is
    /// given or stored.
    pub async fn test_team_journal(
        &self,
        profile: &TeamProfile,
        password: Option<&Secret>,
    ) -> Result<String> {
        let password = self.team_password(profile, password)?;
        let journal =
            Journal::open_team(profile, &password, Arc::new(crate::clock::SystemClock)).await?;
        Ok(place_shown(&journal, Some(profile)))
    }

    /// Moves this desk to the team journal `profile` names: connects (with `password`, else
    /// the keychain's), stores a given password in the keychain once it worked, audits the
    /// switch in both journals, saves the choice, and only then uses it. On any failure the
    /// desk stays where it was. The caller restarts the watcher.
    ///
    /// # Errors
    /// As [`Workspace::test_team_journal`]; [`Error::Keychain`] when the password cannot be
    /// stored; [`Error::Journal`] when the switch cannot be audited or saved.
    pub async fn use_team_journal(
        &self,
        profile: TeamProfile,
        password: Option<Secret>,
    ) -> Result<JournalStatus> {
        let _one = self.journal_switch.lock().await;
        let secret = self.team_password(&profile, password.as_ref())?;
        let team =
            Journal::open_team(&profile, &secret, Arc::new(crate::clock::SystemClock)).await?;
        if password.is_some() {
            self.store.save_secret(&profile.keychain_scope(), &secret)?;
        }
        let mut settings = self.settings();
        settings.team = Some(profile);
        self.switch_to(Arc::new(team), settings).await
    }

    /// Moves this desk back to its local journal, audited in both.
    ///
    /// # Errors
    /// [`Error::Journal`] when the local journal cannot be opened, or the switch cannot be
    /// audited or saved (the desk then stays where it was).
    pub async fn use_local_journal(&self) -> Result<JournalStatus> {
        let _one = self.journal_switch.lock().await;
        let path = self
            .local_journal
            .clone()
            .ok_or_else(|| Error::Journal(tr("d-no-local-journal-to-return", &[])))?;
        let local = Journal::open(&path, Arc::new(crate::clock::SystemClock))?;
        let mut settings = self.settings();
        settings.team = None;
        self.switch_to(Arc::new(local), settings).await
    }

    /// Copies this desk's local journal into the team journal it uses now (see
    /// [`crate::journal::copy`]): nothing doubled, audited in both.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (field `team`) when the desk is not on a team journal;
    /// [`Error::Journal`] / [`Error::TeamJournal`] when either cannot be read or written.
    pub async fn copy_local_history(&self) -> Result<crate::journal::copy::CopyReport> {
        let _one = self.journal_switch.lock().await;
        let team = self.journal();
        if team.actor().is_none() {
            return Err(Error::InvalidInput {
                field: "team",
                message: tr("d-copy-needs-team-journal", &[]),
            });
        }
        let path = self
            .local_journal
            .clone()
            .ok_or_else(|| Error::Journal(tr("d-no-local-journal-to-copy", &[])))?;
        let local = Journal::open(&path, Arc::new(crate::clock::SystemClock))?;
        crate::journal::copy::copy_payouts(&local, &team, &self.audit_scope()).await
    }

    /// At start-up: moves to the team journal the settings name, with the keychain's password.
    /// When that fails, the desk stays on its local journal and [`JournalStatus::problem`] says
    /// why (the app shows it), so nothing is lost and nothing is hidden.
    pub async fn open_chosen_team_journal(&self) {
        let Some(profile) = self.settings().team else {
            return;
        };
        let opened = match self.team_password(&profile, None) {
            Ok(password) => {
                Journal::open_team(&profile, &password, Arc::new(crate::clock::SystemClock)).await
            }
            Err(e) => Err(e),
        };
        let problem = match opened {
            Ok(team) => {
                match self.journal.write() {
                    Ok(mut j) => *j = Arc::new(team),
                    Err(p) => *p.into_inner() = Arc::new(team),
                }
                None
            }
            // Kept and shown as it is until the next switch, in the language active at start.
            Err(e) => Some(tr(
                "d-team-journal-not-opened",
                &[("detail", e.report().message.into())],
            )),
        };
        self.set_team_problem(problem);
    }

    /// Why the team journal chosen in the settings is not in use, if it is not.
    pub(super) fn team_problem(&self) -> Option<String> {
        self.team_problem
            .read()
            .map(|p| p.clone())
            .unwrap_or_default()
    }

    fn set_team_problem(&self, problem: Option<String>) {
        match self.team_problem.write() {
            Ok(mut p) => *p = problem,
            Err(p) => *p.into_inner() = problem,
        }
    }

    /// Audits the move to `next` in the journal in use and in `next`, saves `settings`, then
    /// uses `next`.
    async fn switch_to(&self, next: Arc<Journal>, settings: Settings) -> Result<JournalStatus> {
        let current = self.journal();
        let detail = format!("from {} to {}", current.describe(), next.describe());
        let event =
            AuditEvent::new(&self.audit_scope(), AuditAction::JournalSwitched, "ok").detail(detail);
        current.append_audit(event.clone()).await?;
        next.append_audit(event).await?;
        if let Some(file) = &self.settings_file {
            file.save(&settings)?;
        }
        match self.settings.write() {
            Ok(mut s) => *s = settings,
            Err(p) => *p.into_inner() = settings,
        }
        match self.journal.write() {
            Ok(mut j) => *j = next,
            Err(p) => *p.into_inner() = next,
        }
        self.set_team_problem(None);
        Ok(self.journal_status())
    }
}

//! What the app holds while it runs: the core's workspace and the embedded sandbox.
//!
//! Data lives in the data directory the app shares with the `cashout` CLI
//! (`cashout_core::datadir`: the platform's app data directory, or `CASHOUT_DATA_DIR`, which
//! the end-to-end tests use to stay out of the user's data): `journal.sqlite3`,
//! `sandbox.sqlite3`, and `settings.json` (one key, no secrets; replaced atomically by the
//! core).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use cashout_core::clock::SystemClock;
use cashout_core::credentials::{CredentialStore, LazyKeyring, APP_IDENTIFIER};
use cashout_core::datadir;
use cashout_core::settings::{Settings, SettingsFile};
use cashout_core::workspace::Workspace;
use okp_sandbox::{Fault, Sandbox, SandboxConfig, Timings};
use tauri::AppHandle;

use crate::watching::WatchHub;

/// The app's state.
pub struct AppState {
    pub workspace: Workspace,
    /// The background watcher and the windows listening to it.
    pub watch: WatchHub,
    /// The batch under review and the batches being sent.
    pub batches: crate::batches::BatchDesk,
    /// Update checks, and a verified package waiting to install on quit.
    pub updates: crate::updates::UpdateDesk,
    /// Kept alive for the app's lifetime; its server stops when dropped.
    _sandbox: Sandbox,
}

/// The data directory and whether it is the shared default one: the core decides, so the
/// app and the CLI can never disagree.
fn data_dir() -> Result<(PathBuf, bool), Box<dyn std::error::Error>> {
    datadir::data_dir().ok_or_else(|| "this platform has no data directory".into())
}

/// Sandbox timings, shortened by the end-to-end tests through the environment.
fn sandbox_timings() -> Timings {
    let secs = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .map(Duration::from_secs)
    };
    let d = Timings::default();
    Timings {
        deliver_after: secs("CASHOUT_SANDBOX_DELIVER_AFTER_SECS").unwrap_or(d.deliver_after),
        complete_after: secs("CASHOUT_SANDBOX_COMPLETE_AFTER_SECS").unwrap_or(d.complete_after),
        late_reject_after: secs("CASHOUT_SANDBOX_LATE_REJECT_AFTER_SECS")
            .unwrap_or(d.late_reject_after),
    }
}

/// The embedded sandbox's file: `sandbox.sqlite3` beside the journal, or the file
/// `CASHOUT_SANDBOX_FILE` names. Rehearsals of a team use it: two desks, each with its own data
/// directory and settings, play against one provider, as a team's desks do against the real
/// one (the end-to-end tests run two app windows this way).
fn sandbox_file(dir: &std::path::Path) -> PathBuf {
    std::env::var_os("CASHOUT_SANDBOX_FILE")
        .filter(|v| !v.is_empty())
        .map_or_else(|| dir.join(datadir::SANDBOX_FILE), PathBuf::from)
}

/// Network and provider trouble to rehearse against the embedded sandbox, from
/// `CASHOUT_SANDBOX_FAULTS` (the sandbox's own spec, e.g.
/// `drop-after-commit:create,stale-not-found:status`; see `okp_sandbox::parse_fault_spec`).
/// The real-window tests use it to show a create whose answer was lost. A spec that cannot be
/// read stops the start, saying why: a typo must not rehearse less than asked.
fn rehearsal_faults() -> Result<Vec<Fault>, Box<dyn std::error::Error>> {
    match std::env::var("CASHOUT_SANDBOX_FAULTS") {
        Ok(spec) => Ok(okp_sandbox::parse_fault_spec(&spec)
            .map_err(|e| format!("CASHOUT_SANDBOX_FAULTS: {e}"))?),
        Err(_) => Ok(Vec::new()),
    }
}

impl AppState {
    /// A state over parts made elsewhere (the contract tests use an in-memory keychain).
    #[must_use]
    pub fn new(workspace: Workspace, sandbox: Sandbox) -> Self {
        Self {
            workspace,
            watch: WatchHub::default(),
            batches: crate::batches::BatchDesk::default(),
            updates: crate::updates::UpdateDesk::default(),
            _sandbox: sandbox,
        }
    }

    /// Starts the sandbox, opens the journal and the keychain, restores the settings.
    pub async fn start(_app: &AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let (dir, default) = data_dir()?;
        std::fs::create_dir_all(&dir)?;
        // First the journal: an earlier version's CLI journal (and its sandbox state) is
        // brought in before anything reads either.
        let (journal, _merged) = datadir::open_journal(&dir, Arc::new(SystemClock), default)?;
        let journal = Arc::new(journal);
        let sandbox = Sandbox::start(SandboxConfig {
            db_path: sandbox_file(&dir),
            port: 0,
            clock: Arc::new(SystemClock),
            timings: sandbox_timings(),
        })
        .await?;
        for fault in rehearsal_faults()? {
            sandbox.inject(fault);
        }
        // The provider accepts its own sample documents that fail national check digits, so
        // the demo sandbox takes the operator's override as the provider would.
        sandbox.override_check_digits(true);
        let store: Arc<dyn CredentialStore> = Arc::new(LazyKeyring::new(APP_IDENTIFIER));
        let workspace = Workspace::new(
            journal,
            store,
            okp_sandbox::demo_credentials(),
            sandbox.base_url(),
            Settings::default(),
        )
        .with_settings_file(SettingsFile::in_dir(&dir))
        .with_local_journal(&dir.join(datadir::JOURNAL_FILE));
        // A team journal chosen in the settings is opened now; if it cannot be, this desk
        // stays on its local journal and says why (Settings and the environment bar).
        workspace.open_chosen_team_journal().await;
        // The language every message the core renders from now on is in (settings → the
        // system's locale → English); switched at run time by `set_locale`.
        cashout_core::l10n::messages::set_active(cashout_core::l10n::Locale::from_setting(
            &workspace.settings().locale,
        ));
        Ok(Self {
            workspace,
            watch: WatchHub::default(),
            batches: crate::batches::BatchDesk::default(),
            updates: crate::updates::UpdateDesk::default(),
            _sandbox: sandbox,
        })
    }
}

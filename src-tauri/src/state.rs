//! What the app holds while it runs: the core's workspace and the embedded sandbox.
//!
//! Data lives in the app data directory (or `CASHOUT_DATA_DIR`, which the end-to-end tests use
//! to stay out of the user's data): `journal.sqlite3`, `sandbox.sqlite3`, and `settings.json`
//! (written by tauri-plugin-store; one key, no secrets).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use cashout_core::clock::SystemClock;
use cashout_core::credentials::{CredentialStore, LazyKeyring, APP_IDENTIFIER};
use cashout_core::journal::Journal;
use cashout_core::settings::Settings;
use cashout_core::workspace::Workspace;
use okp_sandbox::{Endpoint, Fault, Sandbox, SandboxConfig, Timings};
use tauri::{AppHandle, Manager};
use tauri_plugin_store::StoreExt;

use crate::watching::WatchHub;

const SETTINGS_FILE: &str = "settings.json";
const SETTINGS_KEY: &str = "settings";

/// The app's state.
pub struct AppState {
    pub workspace: Workspace,
    /// The background watcher and the windows listening to it.
    pub watch: WatchHub,
    /// Kept alive for the app's lifetime; its server stops when dropped.
    _sandbox: Sandbox,
}

fn data_dir<R: tauri::Runtime>(app: &AppHandle<R>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(dir) = std::env::var_os("CASHOUT_DATA_DIR") {
        return Ok(PathBuf::from(dir));
    }
    Ok(app.path().app_data_dir()?)
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

/// Network trouble to rehearse against the embedded sandbox, from `CASHOUT_SANDBOX_FAULTS`:
/// a comma-separated list of `KIND:ENDPOINT` applied in order to the next matching requests,
/// KIND one of `drop-after-commit`, `drop-before-commit`, `error-500`; ENDPOINT one of
/// `create`, `status`, `update`, `cancel`. The real-window tests use it to show a create whose
/// answer was lost. Unknown entries are ignored.
fn rehearsal_faults() -> Vec<Fault> {
    let Ok(spec) = std::env::var("CASHOUT_SANDBOX_FAULTS") else {
        return Vec::new();
    };
    spec.split(',')
        .filter_map(|item| {
            let (kind, endpoint) = item.trim().split_once(':')?;
            let endpoint = match endpoint {
                "create" => Endpoint::Create,
                "status" => Endpoint::Status,
                "update" => Endpoint::Update,
                "cancel" => Endpoint::Cancel,
                _ => return None,
            };
            match kind {
                "drop-after-commit" => Some(Fault::DropAfterCommit(endpoint)),
                "drop-before-commit" => Some(Fault::DropBeforeCommit(endpoint)),
                "error-500" => Some(Fault::Error500 {
                    endpoint,
                    after_commit: true,
                }),
                _ => None,
            }
        })
        .collect()
}

impl AppState {
    /// A state over parts made elsewhere (the contract tests use an in-memory keychain).
    #[must_use]
    pub fn new(workspace: Workspace, sandbox: Sandbox) -> Self {
        Self {
            workspace,
            watch: WatchHub::default(),
            _sandbox: sandbox,
        }
    }

    /// Starts the sandbox, opens the journal and the keychain, restores the settings.
    pub async fn start(app: &AppHandle) -> Result<Self, Box<dyn std::error::Error>> {
        let dir = data_dir(app)?;
        std::fs::create_dir_all(&dir)?;
        let sandbox = Sandbox::start(SandboxConfig {
            db_path: dir.join("sandbox.sqlite3"),
            port: 0,
            clock: Arc::new(SystemClock),
            timings: sandbox_timings(),
        })
        .await?;
        for fault in rehearsal_faults() {
            sandbox.inject(fault);
        }
        let journal = Arc::new(Journal::open(
            &dir.join("journal.sqlite3"),
            Arc::new(SystemClock),
        )?);
        let store: Arc<dyn CredentialStore> = Arc::new(LazyKeyring::new(APP_IDENTIFIER));
        let settings = load_settings(app);
        let workspace = Workspace::new(
            journal,
            store,
            okp_sandbox::demo_credentials(),
            sandbox.base_url(),
            settings,
        );
        Ok(Self {
            workspace,
            watch: WatchHub::default(),
            _sandbox: sandbox,
        })
    }
}

/// Where the settings are kept: beside the journal, so `CASHOUT_DATA_DIR` moves them too (the
/// store plugin would otherwise put them in the app data directory whatever that says).
fn settings_path<R: tauri::Runtime>(app: &AppHandle<R>) -> PathBuf {
    data_dir(app).map_or_else(|_| PathBuf::from(SETTINGS_FILE), |d| d.join(SETTINGS_FILE))
}

/// The saved settings, or the defaults (sandbox) when there are none or they no longer check.
fn load_settings(app: &AppHandle) -> Settings {
    let saved = app
        .store(settings_path(app))
        .ok()
        .and_then(|s| s.get(SETTINGS_KEY))
        .and_then(|v| serde_json::from_value::<Settings>(v).ok());
    saved.filter(|s| s.check().is_ok()).unwrap_or_default()
}

/// Persists settings that the core has already checked.
pub fn save_settings<R: tauri::Runtime>(
    app: &AppHandle<R>,
    settings: &Settings,
) -> Result<(), String> {
    let store = app.store(settings_path(app)).map_err(|e| e.to_string())?;
    store.set(
        SETTINGS_KEY,
        serde_json::to_value(settings).map_err(|e| e.to_string())?,
    );
    store.save().map_err(|e| e.to_string())
}

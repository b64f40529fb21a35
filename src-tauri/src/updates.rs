//! Automatic updates in the shell: Tauri's updater plugin checks the signed manifest,
//! downloads, verifies (minisign over the package and its version; no downgrades) and installs;
//! the rules — where to ask, whether to install now, what to audit — are the core's
//! (`cashout_core::update`). Checked at start and daily; never installed while this desk sends
//! a create or a batch ("install on quit" instead); every check and install is audited.
//!
//! Left out: the release key (never in the repository) and Windows/macOS installs (the plugin's,
//! not proven here).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use cashout_core::audit::AuditEvent;
use cashout_core::clock::{format_instant, Clock, SystemClock};
use cashout_core::error::Error;
use cashout_core::l10n::messages::tr;
use cashout_core::update::{self, InstallStep, UpdateOffer, UpdateState};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_updater::{Update, UpdaterExt};

use crate::commands::{report, Answer};
use crate::state::AppState;

/// What the shell knows of updates: the last check, a package verified to install on quit,
/// and the gate between sends and an install.
#[derive(Default)]
pub struct UpdateDesk {
    last: Mutex<Option<(String, String)>>,
    on_quit: Mutex<Option<(Update, Vec<u8>)>>,
    /// Creates this app is sending now (an install waits for them).
    creates: AtomicUsize,
    /// An install (and the restart after it) is under way: no send starts.
    installing: AtomicBool,
}

/// Counts a create being sent for as long as it lives.
pub struct Sending<'a>(&'a AtomicUsize);

impl Drop for Sending<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Ends an install that did not restart the app: sends may start again.
struct Installing<'a>(&'a AtomicBool);

impl Drop for Installing<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

impl UpdateDesk {
    /// Marks a send (a create, a resend, a batch) starting until the guard is dropped; refused
    /// while an update is being installed. The count goes up before the flag is read, and an
    /// install sets its flag before it reads the count: one of the two always sees the other.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `update` while an install is under way.
    pub fn sending(&self) -> Result<Sending<'_>, Error> {
        self.creates.fetch_add(1, Ordering::SeqCst);
        let guard = Sending(&self.creates);
        if self.installing.load(Ordering::SeqCst) {
            return Err(Error::InvalidInput {
                field: "update",
                message: tr("p-update-sending-refused", &[]),
            });
        }
        Ok(guard)
    }

    /// Whether an install is under way (a batch is then not started; see `batch_send`).
    pub fn installing(&self) -> bool {
        self.installing.load(Ordering::SeqCst)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn not_installed(version: &str, detail: &str) -> String {
    tr(
        "p-update-not-installed",
        &[("version", version.into()), ("detail", detail.into())],
    )
}

fn failed(message: String) -> Box<cashout_core::error::ErrorReport> {
    report(Error::InvalidInput {
        field: "update",
        message,
    })
}

/// The endpoint the app's config ships (the publisher's manifest).
fn shipped_endpoint<R: Runtime>(app: &AppHandle<R>) -> String {
    app.config()
        .plugins
        .0
        .get("updater")
        .and_then(|u| u.get("endpoints"))
        .and_then(|e| e.get(0))
        .and_then(|e| e.as_str())
        .unwrap_or_default()
        .to_owned()
}

fn endpoint<R: Runtime>(app: &AppHandle<R>) -> Result<String, Error> {
    let state = app.state::<AppState>();
    let mirror = state.workspace.settings().update_url;
    update::update_endpoint(&mirror, &shipped_endpoint(app))
}

fn blocked<R: Runtime>(app: &AppHandle<R>) -> Option<String> {
    let state = app.state::<AppState>();
    update::install_blocked(
        state.updates.creates.load(Ordering::SeqCst),
        usize::from(state.batches.is_sending()),
    )
}

async fn audit<R: Runtime>(app: &AppHandle<R>, event: AuditEvent) {
    let state = app.state::<AppState>();
    // An update is not held back because the audit log could not be written; it is said.
    if let Err(e) = state.workspace.journal().append_audit(event).await {
        eprintln!("an update's audit entry could not be written: {e}");
    }
}

/// Asks the endpoint for an update; audited either way (nothing is asked, or audited, when no
/// update server is configured).
async fn check<R: Runtime>(app: &AppHandle<R>) -> Result<Option<Update>, String> {
    let endpoint = endpoint(app).map_err(|e| e.report().message)?;
    if endpoint.is_empty() {
        return Err(update::no_server_words());
    }
    let url = endpoint.parse().map_err(|e| format!("{e}"))?;
    let found = async {
        app.updater_builder()
            .endpoints(vec![url])?
            .build()?
            .check()
            .await
    }
    .await;
    let now = format_instant(SystemClock.now());
    let running = app.package_info().version.to_string();
    let state = app.state::<AppState>();
    // The package must come over https too (the plugin only warns).
    let found = found.map_err(|e| e.to_string()).and_then(|u| match u {
        Some(u) => update::check_download_url(u.download_url.as_str())
            .map(|()| Some(u))
            .map_err(|e| e.to_string()),
        None => Ok(None),
    });
    match found {
        Ok(update) => {
            let version = update.as_ref().map(|u| u.version.clone());
            audit(
                app,
                update::checked(&endpoint, &running, version.as_deref(), None),
            )
            .await;
            *lock(&state.updates.last) =
                Some((now, update::last_check_words(Ok(version.as_deref()))));
            Ok(update)
        }
        Err(e) => {
            audit(app, update::checked(&endpoint, &running, None, Some(&e))).await;
            *lock(&state.updates.last) = Some((now, update::last_check_words(Err(&e))));
            // The updater's own words, inside a sentence in the operator's language.
            Err(tr("p-update-check-failed", &[("detail", e.into())]))
        }
    }
}

fn offer<R: Runtime>(app: &AppHandle<R>, u: &Update) -> UpdateOffer {
    UpdateOffer {
        current: u.current_version.clone(),
        version: u.version.clone(),
        notes: u.body.clone(),
        date: u.date.map(format_instant),
        blocked: blocked(app),
    }
}

fn on_quit_version(state: &AppState) -> Option<String> {
    lock(&state.updates.on_quit)
        .as_ref()
        .map(|(u, _)| u.version.clone())
}

/// Where the app asks for updates and what came of it.
#[tauri::command]
pub fn update_status<R: Runtime>(app: AppHandle<R>) -> Answer<UpdateState> {
    let state = app.state::<AppState>();
    let last = lock(&state.updates.last).clone();
    Ok(UpdateState {
        endpoint: endpoint(&app).map_err(report)?,
        last_check: last.as_ref().map(|(at, _)| at.clone()),
        last_result: last.map(|(_, r)| r),
        on_quit: on_quit_version(&state),
    })
}

/// Asks for an update now: the offer, or `None` when the app is up to date.
#[tauri::command]
pub async fn update_check<R: Runtime>(app: AppHandle<R>) -> Answer<Option<UpdateOffer>> {
    let update = check(&app).await.map_err(failed)?;
    Ok(update.map(|u| offer(&app, &u)))
}

/// Downloads the offered update `version` (the one the operator saw: another is refused),
/// verifies it, and installs it now (then restarts) or on quit. Refused now while this desk is
/// sending, and no send starts while it installs; a package or version that does not verify is
/// never installed. Audited at each step.
#[tauri::command]
pub async fn update_install<R: Runtime>(
    app: AppHandle<R>,
    version: String,
    now: bool,
) -> Answer<String> {
    let state = app.state::<AppState>();
    let updates = &state.updates;
    // The gate: set first, then the count read (see `UpdateDesk::sending`).
    let _installing = if now {
        if updates
            .installing
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return Err(failed(tr("p-update-installing-already", &[])));
        }
        let guard = Installing(&updates.installing);
        if let Some(why) = blocked(&app) {
            return Err(failed(why));
        }
        Some(guard)
    } else {
        None
    };
    let Some(update) = check(&app).await.map_err(failed)? else {
        return Err(failed(tr("p-update-none-offered", &[])));
    };
    if update.version != version {
        return Err(failed(tr(
            "p-update-other-version",
            &[
                ("offered", update.version.clone().into()),
                ("shown", version.clone().into()),
            ],
        )));
    }
    let when = if now { "now" } else { "on quit" };
    let running = app.package_info().version.to_string();
    let refused =
        |e: String| update::installed(&version, &running, when, InstallStep::Refused, Some(&e));
    // `download` verifies the signature (and the signed version) before it returns the bytes.
    let bytes = match update.download(|_, _| {}, || {}).await {
        Ok(bytes) => bytes,
        Err(e) => {
            let e = e.to_string();
            audit(&app, refused(e.clone())).await;
            return Err(failed(not_installed(&version, &e)));
        }
    };
    if !now {
        audit(
            &app,
            update::installed(&version, &running, when, InstallStep::Scheduled, None),
        )
        .await;
        *lock(&updates.on_quit) = Some((update, bytes));
        return Ok(tr("p-update-on-quit", &[("version", version.into())]));
    }
    // Installing now replaces any package set for "on quit": it must never follow this one.
    lock(&updates.on_quit).take();
    // Audited before the installer runs: on Windows it ends the app.
    audit(
        &app,
        update::installed(&version, &running, when, InstallStep::Starting, None),
    )
    .await;
    let installed = tauri::async_runtime::spawn_blocking(move || {
        update.install(&bytes).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())
    .and_then(|r| r);
    match installed {
        Ok(()) => {
            audit(
                &app,
                update::installed(&version, &running, when, InstallStep::Installed, None),
            )
            .await;
            // The gate stays shut through the restart.
            std::mem::forget(_installing);
            app.restart();
        }
        Err(e) => {
            audit(&app, refused(e.clone())).await;
            Err(failed(not_installed(&version, &e)))
        }
    }
}

/// Installs a package verified for "install on quit", as the app exits — only when it is
/// still newer than the version running (an install-now since replaced it). Audited.
pub fn install_on_quit<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let waiting = lock(&state.updates.on_quit).take();
    let Some((update, bytes)) = waiting else {
        return;
    };
    let running = app.package_info().version.to_string();
    if !update::is_newer(&update.version, &running) {
        return;
    }
    let version = update.version.clone();
    let step = |step, e: Option<&str>| update::installed(&version, &running, "on quit", step, e);
    tauri::async_runtime::block_on(audit(app, step(InstallStep::Starting, None)));
    let event = match update.install(&bytes) {
        Ok(()) => step(InstallStep::Installed, None),
        Err(e) => step(InstallStep::Refused, Some(&e.to_string())),
    };
    tauri::async_runtime::block_on(audit(app, event));
}

/// Checks at start and then every day (when an update server is configured; an hour after
/// a check that failed); an offer is told to the windows unless it is already set to install
/// on quit.
pub fn check_daily<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        loop {
            let configured = endpoint(&app).is_ok_and(|e| !e.is_empty());
            let mut next = update::CHECK_EVERY;
            if configured {
                match check(&app).await {
                    Ok(Some(u)) => {
                        let state = app.state::<AppState>();
                        if on_quit_version(&state).as_deref() != Some(u.version.as_str()) {
                            let offer = offer(&app, &u);
                            let notice = update::offer_notice(&offer);
                            state
                                .watch
                                .broadcast(&cashout_core::watch::DeskEvent::UpdateOffered {
                                    offer,
                                    notice,
                                });
                        }
                    }
                    Ok(None) => {}
                    Err(_) => next = update::CHECK_AGAIN_AFTER_FAILURE,
                }
            }
            tokio::time::sleep(next).await;
        }
    });
}

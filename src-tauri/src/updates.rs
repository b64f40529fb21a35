//! Automatic updates in the shell: Tauri's updater plugin checks the signed manifest,
//! downloads, verifies (minisign over the package and its version; no downgrades) and installs;
//! the rules — where to ask, whether to install now, what to audit — are the core's
//! (`cashout_core::update`). Checked at start and daily; never installed while this desk sends
//! a create or a batch ("install on quit" instead); every check and install is audited.
//!
//! Left out: the release key (never in the repository) and Windows/macOS installs (the plugin's,
//! not proven here).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use cashout_core::audit::AuditEvent;
use cashout_core::clock::{format_instant, Clock, SystemClock};
use cashout_core::error::Error;
use cashout_core::update::{self, UpdateOffer, UpdateState};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_updater::{Update, UpdaterExt};

use crate::commands::{report, Answer};
use crate::state::AppState;

/// What the shell knows of updates: the last check, and a package verified to install on
/// quit.
#[derive(Default)]
pub struct UpdateDesk {
    last: Mutex<Option<(String, String)>>,
    on_quit: Mutex<Option<(Update, Vec<u8>)>>,
    /// Creates this app is sending now (an update waits for them).
    creates: AtomicUsize,
}

/// Counts a create being sent for as long as it lives.
pub struct Sending<'a>(&'a AtomicUsize);

impl Drop for Sending<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl UpdateDesk {
    /// Marks a create being sent until the guard is dropped.
    pub fn sending(&self) -> Sending<'_> {
        self.creates.fetch_add(1, Ordering::SeqCst);
        Sending(&self.creates)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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
    // Best effort: an update is not held back because the audit log could not be written.
    let _ = state.workspace.journal().append_audit(event).await;
}

/// Asks the endpoint for an update; audited either way (nothing is asked, or audited, when no
/// update server is configured).
async fn check<R: Runtime>(app: &AppHandle<R>) -> Result<Option<Update>, String> {
    let endpoint = endpoint(app).map_err(|e| e.to_string())?;
    if endpoint.is_empty() {
        return Err(update::NO_SERVER.into());
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
    let state = app.state::<AppState>();
    match found {
        Ok(update) => {
            let version = update.as_ref().map(|u| u.version.clone());
            audit(app, update::checked(&endpoint, version.as_deref(), None)).await;
            *lock(&state.updates.last) = Some((
                now,
                version.map_or("no newer version".into(), |v| {
                    format!("version {v} offered")
                }),
            ));
            Ok(update)
        }
        Err(e) => {
            let e = e.to_string();
            audit(app, update::checked(&endpoint, None, Some(&e))).await;
            *lock(&state.updates.last) = Some((now, format!("failed: {e}")));
            Err(e)
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

/// Downloads the offered update, verifies it, and installs it now (then restarts) or on quit.
/// Refused now while this desk is sending; a package or version that does not verify is never
/// installed. Audited.
#[tauri::command]
pub async fn update_install<R: Runtime>(app: AppHandle<R>, now: bool) -> Answer<String> {
    if now {
        if let Some(why) = blocked(&app) {
            return Err(failed(why));
        }
    }
    let Some(update) = check(&app).await.map_err(failed)? else {
        return Err(failed("no newer version is offered now".into()));
    };
    let when = if now { "now" } else { "on quit" };
    // `download` verifies the signature (and the signed version) before it returns the bytes.
    let bytes = match update.download(|_, _| {}, || {}).await {
        Ok(bytes) => bytes,
        Err(e) => {
            let e = e.to_string();
            audit(&app, update::installed(&update.version, when, Some(&e))).await;
            return Err(failed(format!(
                "version {} was not installed: {e}",
                update.version
            )));
        }
    };
    let version = update.version.clone();
    if !now {
        audit(&app, update::installed(&version, when, None)).await;
        *lock(&app.state::<AppState>().updates.on_quit) = Some((update, bytes));
        return Ok(format!(
            "Version {version} is downloaded and verified; it is installed when the app quits."
        ));
    }
    if let Some(why) = blocked(&app) {
        return Err(failed(why));
    }
    match update.install(&bytes) {
        Ok(()) => {
            audit(&app, update::installed(&version, when, None)).await;
            app.restart();
        }
        Err(e) => {
            let e = e.to_string();
            audit(&app, update::installed(&version, when, Some(&e))).await;
            Err(failed(format!("version {version} was not installed: {e}")))
        }
    }
}

/// Installs a package verified for "install on quit", as the app exits.
pub fn install_on_quit<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let waiting = lock(&state.updates.on_quit).take();
    if let Some((update, bytes)) = waiting {
        // Verified again by `install`; a failure leaves the installed version as it was.
        if let Err(e) = update.install(&bytes) {
            eprintln!("the update to {} was not installed: {e}", update.version);
        }
    }
}

/// Checks at start and then every day (when an update server is configured); an offer is
/// told to the windows.
pub fn check_daily<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        loop {
            let configured = endpoint(&app).is_ok_and(|e| !e.is_empty());
            if !configured {
            } else if let Ok(Some(u)) = check(&app).await {
                let offer = offer(&app, &u);
                let notice = update::offer_notice(&offer);
                app.state::<AppState>()
                    .watch
                    .broadcast(&cashout_core::watch::DeskEvent::UpdateOffered { offer, notice });
            }
            tokio::time::sleep(update::CHECK_EVERY).await;
        }
    });
}

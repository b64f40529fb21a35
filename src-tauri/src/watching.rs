//! Runs the core's watcher in the background for the environment in use, pushes its events to
//! the window, and raises desktop notifications for the events the core says deserve one.
//!
//! The window subscribes with a [`Channel`] (no event permission is granted to it). The
//! watcher is restarted when the environment, its credentials or the watch settings change.
//! Decisions (what to poll, when, what is worth a notification and its words) are the core's.

use std::sync::{Arc, Mutex};

use cashout_core::clock::{Clock, SystemClock};
use cashout_core::watch::{DeskEvent, Notice, Watcher};
use tauri::async_runtime::JoinHandle;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// The background watcher and the windows listening to it.
#[derive(Default)]
pub struct WatchHub {
    /// Set once the watcher has been started the first time (see [`WatchHub::start_once`]).
    started: std::sync::atomic::AtomicBool,
    task: Mutex<Option<JoinHandle<()>>>,
    /// Forwards what other desks change in a team journal to the windows (live refresh).
    changes: Mutex<Option<JoinHandle<()>>>,
    wake: Arc<tokio::sync::Notify>,
    listeners: Arc<Mutex<Vec<Channel<DeskEvent>>>>,
    /// What batch rows' events are being gathered into (kept across watcher restarts).
    batch_notices: Arc<Mutex<cashout_core::desk::BatchNotices>>,
}

impl WatchHub {
    /// Adds a window's channel; events go to every live channel.
    pub fn subscribe(&self, channel: Channel<DeskEvent>) {
        lock(&self.listeners).push(channel);
    }

    /// Tells the watcher to re-read the journal now (after a create or an action).
    pub fn poke(&self) {
        self.wake.notify_one();
    }

    /// Sends `event` to every window; channels of closed or reloaded windows are dropped.
    pub fn broadcast(&self, event: &DeskEvent) {
        broadcast(&self.listeners, event);
    }

    /// Starts the watcher unless it was started already. The app calls it when the window
    /// has painted its first form (and after a few seconds at the latest), so that the first
    /// poll does not compete with the window for the processor at start-up.
    pub fn start_once<R: Runtime>(&self, app: &AppHandle<R>) {
        if !self.started.swap(true, std::sync::atomic::Ordering::SeqCst) {
            self.restart(app);
        }
    }

    /// Stops the running watcher, if any, and starts one for the environment in use. Without
    /// usable credentials nothing runs until this is called again (e.g. after they are saved).
    pub fn restart<R: Runtime>(&self, app: &AppHandle<R>) {
        self.started
            .store(true, std::sync::atomic::Ordering::SeqCst);
        // Held to the end: two restarts at once (start-up timer, a settings save) must not
        // leave two watchers running.
        let mut slot = lock(&self.task);
        if let Some(task) = slot.take() {
            task.abort();
        }
        let Some(state) = app.try_state::<AppState>() else {
            return;
        };
        self.follow_changes(app.clone(), &state);
        let settings = state.workspace.settings();
        let config = settings.watch_config().with_env_scale();
        let notify = settings.desktop_notifications;
        let (wake, listeners, app) = (self.wake.clone(), self.listeners.clone(), app.clone());
        let batch_notices = self.batch_notices.clone();
        let task = tauri::async_runtime::spawn(async move {
            // Nothing to watch with until the environment is usable and its credentials
            // stored; they are loaded from the keychain off the async workers.
            let handle = app.clone();
            let desk = tauri::async_runtime::spawn_blocking(move || {
                let desk = handle.try_state::<AppState>()?.workspace.desk().ok()?;
                desk.connect().ok().map(|()| desk)
            })
            .await;
            let Ok(Some(desk)) = desk else {
                return;
            };
            let desk = Arc::new(desk);
            let mut watcher = Watcher::new(desk.clone(), Arc::new(SystemClock), config);
            // A batch's rows are told per batch and window, not one notification each.
            let outcome = watcher
                .run_steps(wake, |events| {
                    let notices =
                        desk.fold_notices(&mut lock(&batch_notices), &events, SystemClock.now());
                    for (event, notice) in events.into_iter().zip(notices.per_event) {
                        if let (Some(n), true) = (&notice, notify) {
                            show_notification(&app, n);
                        }
                        broadcast(
                            &listeners,
                            &DeskEvent::Watch {
                                event: Box::new(event),
                                notice,
                            },
                        );
                    }
                    for notice in notices.batches {
                        if notify {
                            show_notification(&app, &notice);
                        }
                        broadcast(&listeners, &DeskEvent::BatchNotice { notice });
                    }
                })
                .await;
            if let Err(e) = outcome {
                eprintln!("the payout watcher stopped: {}", e.report().message);
            }
        });
        *slot = Some(task);
    }
}

impl WatchHub {
    /// Forwards the journal's announcements of other desks' changes (a team journal's) to the
    /// windows as [`DeskEvent::Journal`], replacing the forwarder of an earlier journal.
    fn follow_changes<R: Runtime>(&self, app: AppHandle<R>, state: &AppState) {
        let mut slot = lock(&self.changes);
        if let Some(task) = slot.take() {
            task.abort();
        }
        let Some(mut changes) = state.workspace.journal().changes() else {
            return;
        };
        let listeners = self.listeners.clone();
        let desk = state.workspace.desk().ok().map(Arc::new);
        let notify = state.workspace.settings().desktop_notifications;
        *slot = Some(tauri::async_runtime::spawn(async move {
            // How many wait for this operator now, so the first one that arrives is noticed.
            let mut waiting = match desk.clone() {
                Some(desk) => {
                    tauri::async_runtime::spawn_blocking(move || desk.approvals_waiting(None))
                        .await
                        .ok()
                        .and_then(Result::ok)
                        .flatten()
                        .map(|(count, _)| count)
                }
                None => None,
            };
            // A batch's held rows open approvals one by one: one notice a window at most; one
            // held back is told when its window ends.
            let mut gate = cashout_core::desk::ApprovalNotices::new();
            loop {
                let wait = gate.due_at().map(|t| {
                    std::time::Duration::try_from(t - SystemClock.now()).unwrap_or_default()
                });
                let received = match wait {
                    Some(wait) => tokio::select! {
                        r = changes.recv() => Some(r),
                        () = tokio::time::sleep(wait) => None,
                    },
                    None => Some(changes.recv().await),
                };
                let Some(received) = received else {
                    if let Some(n) = gate.due(SystemClock.now()) {
                        if notify {
                            show_notification(&app, &n);
                        }
                        broadcast(
                            &listeners,
                            &DeskEvent::Approvals {
                                waiting_for_me: waiting.unwrap_or_default(),
                                notice: Some(n),
                            },
                        );
                    }
                    continue;
                };
                let change = match received {
                    Ok(change) => change,
                    // Fell behind: everything is to be re-read.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                        cashout_core::journal::Change::Resync
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                };
                use cashout_core::journal::Change;
                let mut payouts_changed = matches!(change, Change::Payout { .. } | Change::Resync);
                broadcast(&listeners, &DeskEvent::Journal { change });
                // A burst (every desk's poll claims are announced too) is counted once: what
                // queued up meanwhile is passed on, and one count answers for all of it.
                while let Ok(more) = changes.try_recv() {
                    payouts_changed |= matches!(more, Change::Payout { .. } | Change::Resync);
                    broadcast(&listeners, &DeskEvent::Journal { change: more });
                }
                // A payout created or decided elsewhere may wait for this operator now.
                if let (Some(desk), true) = (desk.clone(), payouts_changed) {
                    let before = waiting;
                    let answer = tauri::async_runtime::spawn_blocking(move || {
                        desk.approvals_waiting(before)
                    })
                    .await;
                    if let Ok(Ok(Some((count, notice)))) = answer {
                        waiting = Some(count);
                        let notice = gate.pass(notice, SystemClock.now());
                        if let (Some(n), true) = (&notice, notify) {
                            show_notification(&app, n);
                        }
                        broadcast(
                            &listeners,
                            &DeskEvent::Approvals {
                                waiting_for_me: count,
                                notice,
                            },
                        );
                    }
                }
            }
        }));
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn broadcast(listeners: &Mutex<Vec<Channel<DeskEvent>>>, event: &DeskEvent) {
    lock(listeners).retain(|c| c.send(event.clone()).is_ok());
}

/// Raises a desktop notification. On Linux it is raised through the notification service
/// directly, so that a click can be answered (the notification plugin's desktop side cannot
/// report clicks): the window comes to the front and opens the payout. Elsewhere the plugin
/// shows it. Failing to notify (no notification service) is not an error: the window shows the
/// same notice.
fn show_notification<R: Runtime>(app: &AppHandle<R>, notice: &Notice) {
    #[cfg(target_os = "linux")]
    {
        let (notice, app) = (notice.clone(), app.clone());
        std::thread::spawn(move || {
            let shown = notify_rust::Notification::new()
                .appname("Cashout Desk")
                .summary(&notice.title)
                .body(&notice.body)
                .action(
                    "default",
                    &cashout_core::l10n::messages::tr(
                        if notice.batch_id.is_some() {
                            "p-notify-open-batch"
                        } else {
                            "p-notify-open-payout"
                        },
                        &[],
                    ),
                )
                .show();
            if let Ok(handle) = shown {
                handle.wait_for_action(|action| {
                    if action == "default" {
                        open_payout(&app, &notice);
                    }
                });
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_notification::NotificationExt;
        let _ = app
            .notification()
            .builder()
            .title(&notice.title)
            .body(&notice.body)
            .show();
    }
}

#[cfg(target_os = "linux")]
fn open_payout<R: Runtime>(app: &AppHandle<R>, notice: &Notice) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(state) = app.try_state::<AppState>() {
        state.watch.broadcast(&DeskEvent::Open {
            cashout_id: notice.cashout_id,
            external_id: notice.external_id.clone(),
            batch_id: notice.batch_id.clone(),
        });
    }
}

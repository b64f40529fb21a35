//! The app's commands: each takes the state, calls the core, and turns errors into
//! `{code, message, field?, ...}` ([`ErrorReport`]). No rule lives here.
//!
//! Blocking work — SQLite reads, keychain calls, exports, file writes — runs on a thread that
//! may block ([`off_async`]), never on the few async workers every command, the watcher and
//! the creates share: an export of 100,000 payouts must not freeze the list or the watcher.
//! Arguments that an operator typed (a create, the settings) arrive as plain JSON and are
//! read by the core's own rules, so a wrong value is a field error, never a failure to
//! deserialise.

use cashout_core::api::parse::parse_create_value;
use cashout_core::api::types::{CashoutId, CashoutRef, CreateCashout};
use cashout_core::audit::{AuditEntry, AuditFilter, AuditVerdict};
use cashout_core::beneficiaries::SavedBeneficiary;
use cashout_core::credentials::{CredentialStatus, Credentials, Secret};
use cashout_core::desk::{CreateOptions, CreateReview, Desk, PayoutView, ReconcileReport};
use cashout_core::environment::EnvironmentKind;
use cashout_core::error::{Error, ErrorCode, ErrorReport};
use cashout_core::form::CountryForm;
use cashout_core::journal::postgres::TeamProfile;
use cashout_core::journal::{ExchangeRecord, HistoryEntry, ListFilter};
use cashout_core::l10n::messages;
use cashout_core::l10n::{Locale, LocaleView};
use cashout_core::overview::{Overview, OverviewQuery};
use cashout_core::report::{CsvFlavor, Exported, HoldBoard, Overwrite};
use cashout_core::settings::{Settings, SettingsView};
use cashout_core::status::Lifecycle;
use cashout_core::watch::DeskEvent;
use cashout_core::workspace::{BankChoices, ConnectionCheck, EnvironmentStatus, JournalStatus};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::state::AppState;

/// Boxed: the report is large, and it crosses IPC as the same JSON either way.
pub(crate) type Answer<T> = Result<T, Box<ErrorReport>>;

pub(crate) fn report(e: Error) -> Box<ErrorReport> {
    Box::new(e.report())
}

/// Runs `work` on a thread that may block, with the app's state; see the module comment.
pub(crate) async fn off_async<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    work: impl FnOnce(&AppState) -> Result<T, Error> + Send + 'static,
) -> Answer<T> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| {
            Box::new(ErrorReport {
                code: ErrorCode::Internal,
                message: messages::tr("p-command-unfinished", &[("detail", e.to_string().into())]),
                field: None,
                api_code: None,
                errors: Vec::new(),
                external_id: None,
            })
        })?
        .map_err(report)
}

/// A desk of the environment in use with its client built (credentials loaded from the
/// keychain), off the async workers.
pub(crate) async fn connected_desk<R: Runtime>(app: &AppHandle<R>) -> Answer<Desk> {
    off_async(app, |s| {
        let desk = s.workspace.desk()?;
        desk.connect()?;
        Ok(desk)
    })
    .await
}

#[tauri::command]
pub async fn app_status<R: Runtime>(app: AppHandle<R>) -> Answer<EnvironmentStatus> {
    off_async(&app, |s| Ok(s.workspace.status())).await
}

/// The settings, with the notification URL to pre-fill for the environment in use.
#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> SettingsView {
    state.workspace.settings().into()
}

/// Saves new settings. They arrive as JSON and are read field by field by the core, so a value
/// of the wrong kind is an error at its field; saved, audited and applied as one step.
#[tauri::command]
pub async fn update_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: serde_json::Value,
) -> Answer<SettingsView> {
    let settings = Settings::from_json(&settings).map_err(report)?;
    let saved = state
        .workspace
        .set_settings(settings)
        .await
        .map_err(report)?;
    messages::set_active(Locale::from_setting(&saved.locale));
    // The watcher follows only a change that happened.
    state.watch.restart(&app);
    Ok(saved.into())
}

/// Write-only: the values go to the keychain; only whether they are stored comes back.
#[tauri::command]
pub async fn save_credentials<R: Runtime>(
    app: AppHandle<R>,
    environment: EnvironmentKind,
    api_key: String,
    api_passphrase: String,
    api_signature: String,
    read_only_key: Option<String>,
) -> Answer<CredentialStatus> {
    let creds = Credentials {
        api_key,
        passphrase: Secret::new(api_passphrase),
        signature: Secret::new(api_signature),
        read_only_key: read_only_key.filter(|k| !k.is_empty()).map(Secret::new),
    };
    let status = off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.save_credentials(environment, &creds))
    })
    .await?;
    app.state::<AppState>().watch.restart(&app);
    Ok(status)
}

#[tauri::command]
pub async fn credentials_status<R: Runtime>(
    app: AppHandle<R>,
    environment: EnvironmentKind,
) -> Answer<CredentialStatus> {
    off_async(&app, move |s| s.workspace.credentials_status(environment)).await
}

#[tauri::command]
pub async fn delete_credentials<R: Runtime>(
    app: AppHandle<R>,
    environment: EnvironmentKind,
) -> Answer<CredentialStatus> {
    let status = off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.delete_credentials(environment))
    })
    .await?;
    app.state::<AppState>().watch.restart(&app);
    Ok(status)
}

#[tauri::command]
pub async fn test_connection<R: Runtime>(app: AppHandle<R>) -> Answer<ConnectionCheck> {
    off_async(&app, |s| {
        tauri::async_runtime::block_on(s.workspace.test_connection())
    })
    .await
}

#[tauri::command]
pub fn country_forms() -> Vec<CountryForm> {
    cashout_core::form::countries()
}

/// This build: version, commit and build time (Settings → About; `cashout --version` prints
/// the same). The version is the app's own (its bundle's, which the updater compares), equal
/// to the workspace's in every release (CI checks).
#[tauri::command]
pub fn about<R: Runtime>(app: AppHandle<R>) -> cashout_core::about::BuildInfo {
    cashout_core::about::BuildInfo {
        version: app.package_info().version.to_string(),
        ..cashout_core::about::BuildInfo::current()
    }
}

/// The language the core speaks and writes numbers in, with the choices.
#[tauri::command]
pub fn locale(state: State<'_, AppState>) -> LocaleView {
    LocaleView::of_setting(&state.workspace.settings().locale)
}

/// Chooses the language (`auto` or an offered tag): saved and audited like any setting, and
/// spoken from now on by every message the core renders (no restart).
#[tauri::command]
pub async fn set_locale(state: State<'_, AppState>, setting: String) -> Answer<LocaleView> {
    let mut settings = state.workspace.settings();
    settings.locale = setting;
    let saved = state
        .workspace
        .set_settings(settings)
        .await
        .map_err(report)?;
    messages::set_active(Locale::from_setting(&saved.locale));
    Ok(LocaleView::of_setting(&saved.locale))
}

#[tauri::command]
pub fn lifecycle() -> Lifecycle {
    cashout_core::status::lifecycle()
}

/// Validates without writing or sending; returns the core's review: the request to send back
/// (normalised, with its external_id, the amount as a string), the payout in words, the body
/// as the client will send it with the credentials masked, the warnings, and in production
/// the question to confirm.
#[tauri::command]
pub async fn validate_cashout<R: Runtime>(
    app: AppHandle<R>,
    request: serde_json::Value,
    override_check_digits: bool,
) -> Answer<CreateReview> {
    off_async(&app, move |s| {
        s.workspace
            .desk()?
            .review_json(&request, override_check_digits)
    })
    .await
}

/// Sends a create. Whether its external_id was generated is the core's to know, not the
/// form's; `pay_again_of` is the operator's explicit choice to pay an identical payout again,
/// naming the earlier one.
#[tauri::command]
pub async fn create_cashout<R: Runtime>(
    app: AppHandle<R>,
    request: serde_json::Value,
    override_check_digits: bool,
    pay_again_of: Option<String>,
    corrects: Option<String>,
) -> Answer<PayoutView> {
    let request = parse_create_value(&request).map_err(|e| report(Error::Validation(e)))?;
    let desk = connected_desk(&app).await?;
    // An update waits while this is sent.
    let state = app.state::<AppState>();
    let _sending = state.updates.sending().map_err(report)?;
    let options = CreateOptions {
        override_check_digits,
        pay_again_of,
        corrects,
    };
    let created = desk.create(&request, &options).await;
    app.state::<AppState>().watch.poke();
    created.map_err(report)
}

/// Sends an unsettled create again with its own external_id.
#[tauri::command]
pub async fn resend_cashout<R: Runtime>(
    app: AppHandle<R>,
    which: CashoutRef,
) -> Answer<PayoutView> {
    let desk = connected_desk(&app).await?;
    let state = app.state::<AppState>();
    let _sending = state.updates.sending().map_err(report)?;
    let done = desk.resend(&which).await;
    app.state::<AppState>().watch.poke();
    done.map_err(report)
}

/// Stops checking an unsettled create, on the operator's explicit and audited word.
#[tauri::command]
pub async fn abandon_cashout<R: Runtime>(
    app: AppHandle<R>,
    which: CashoutRef,
    reason: String,
) -> Answer<PayoutView> {
    off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.desk()?.abandon(&which, &reason))
    })
    .await
}

/// Copies `text` (an id the operator asked to copy) to the system clipboard, whole. The window
/// has no clipboard permission of its own: only this command, which writes and never reads.
#[tauri::command]
pub fn copy_text<R: Runtime>(app: AppHandle<R>, text: String) -> Answer<()> {
    use tauri_plugin_clipboard_manager::ClipboardExt;
    app.clipboard().write_text(text).map_err(|e| {
        report(Error::InvalidInput {
            field: "clipboard",
            message: messages::tr("p-clipboard-failed", &[("detail", e.to_string().into())]),
        })
    })
}

/// The request a payout was sent with (credentials never in it), for "copy into a new payout"
/// and "pay again with corrected details"; `null` for a payout found by a lookup.
#[tauri::command]
pub async fn sent_request<R: Runtime>(
    app: AppHandle<R>,
    which: CashoutRef,
) -> Answer<Option<CreateCashout>> {
    off_async(&app, move |s| s.workspace.desk()?.sent_request(&which)).await
}

/// This environment's saved beneficiaries, by label.
#[tauri::command]
pub async fn list_beneficiaries<R: Runtime>(app: AppHandle<R>) -> Answer<Vec<SavedBeneficiary>> {
    off_async(&app, |s| s.workspace.desk()?.beneficiaries()).await
}

/// Saves the beneficiary of a payout, as it was sent, under `label` (audited).
#[tauri::command]
pub async fn save_beneficiary<R: Runtime>(
    app: AppHandle<R>,
    label: String,
    which: CashoutRef,
) -> Answer<Vec<SavedBeneficiary>> {
    off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.desk()?.save_beneficiary(&label, &which))
    })
    .await
}

/// Deletes a saved beneficiary (audited).
#[tauri::command]
pub async fn delete_beneficiary<R: Runtime>(
    app: AppHandle<R>,
    label: String,
) -> Answer<Vec<SavedBeneficiary>> {
    off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.desk()?.delete_beneficiary(&label))
    })
    .await
}

/// The request a payout to a saved beneficiary starts from (its details, nothing else).
#[tauri::command]
pub async fn beneficiary_request<R: Runtime>(
    app: AppHandle<R>,
    label: String,
) -> Answer<CreateCashout> {
    off_async(&app, move |s| {
        s.workspace.desk()?.beneficiary_request(&label)
    })
    .await
}

/// What abandoning an unsettled create risks, in the core's words and the operator's
/// language, for the confirmation.
#[tauri::command]
pub fn abandon_risk() -> String {
    cashout_core::desk::abandon_risk_words()
}

#[tauri::command]
pub async fn check_cashout<R: Runtime>(app: AppHandle<R>, which: CashoutRef) -> Answer<PayoutView> {
    let desk = connected_desk(&app).await?;
    desk.check(&which).await.map_err(report)
}

/// What a payout's screen asks every few seconds while its create is open: a lookup when
/// the core's back-off says one is due, else the payout as recorded (see
/// `Desk::look_up_open`); not audited.
#[tauri::command]
pub async fn look_up_open<R: Runtime>(app: AppHandle<R>, which: CashoutRef) -> Answer<PayoutView> {
    // Off the async workers: credentials are loaded only when a lookup is due.
    off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.desk()?.look_up_open(&which))
    })
    .await
}

#[tauri::command]
pub async fn hold_cashout<R: Runtime>(app: AppHandle<R>, cashout_id: i64) -> Answer<PayoutView> {
    let desk = connected_desk(&app).await?;
    let done = desk.hold(CashoutId(cashout_id)).await;
    app.state::<AppState>().watch.poke();
    done.map_err(report)
}

#[tauri::command]
pub async fn release_cashout<R: Runtime>(app: AppHandle<R>, cashout_id: i64) -> Answer<PayoutView> {
    let desk = connected_desk(&app).await?;
    let done = desk.release(CashoutId(cashout_id)).await;
    app.state::<AppState>().watch.poke();
    done.map_err(report)
}

#[tauri::command]
pub async fn cancel_cashout<R: Runtime>(
    app: AppHandle<R>,
    cashout_id: i64,
    external_id: Option<String>,
) -> Answer<PayoutView> {
    let desk = connected_desk(&app).await?;
    let done = desk
        .cancel(CashoutId(cashout_id), external_id.as_deref())
        .await;
    app.state::<AppState>().watch.poke();
    done.map_err(report)
}

#[tauri::command]
pub async fn list_cashouts<R: Runtime>(
    app: AppHandle<R>,
    filter: ListFilter,
) -> Answer<Vec<PayoutView>> {
    off_async(&app, move |s| s.workspace.desk()?.list(filter)).await
}

/// The journal's record of a payout, without a provider call.
#[tauri::command]
pub async fn recorded_cashout<R: Runtime>(
    app: AppHandle<R>,
    which: CashoutRef,
) -> Answer<PayoutView> {
    off_async(&app, move |s| s.workspace.desk()?.recorded(&which)).await
}

#[tauri::command]
pub async fn cashout_history<R: Runtime>(
    app: AppHandle<R>,
    which: CashoutRef,
) -> Answer<Vec<HistoryEntry>> {
    off_async(&app, move |s| s.workspace.desk()?.history(&which)).await
}

/// The banks for the form's picker: the provider's list, or the bundled one with a note.
#[tauri::command]
pub async fn list_banks<R: Runtime>(app: AppHandle<R>, country: String) -> Answer<BankChoices> {
    off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.bank_choices(&country))
    })
    .await
}

/// Looks up the creates an earlier run left open (run by the UI at start); sends nothing.
#[tauri::command]
pub async fn reconcile<R: Runtime>(app: AppHandle<R>) -> Answer<ReconcileReport> {
    let desk = connected_desk(&app).await?;
    desk.reconcile().await.map_err(report)
}

/// Subscribes the window to the watcher's events and to "open this payout" requests from
/// clicked notifications.
#[tauri::command]
pub fn subscribe_events(state: State<'_, AppState>, on_event: Channel<DeskEvent>) {
    state.watch.subscribe(on_event);
}

#[tauri::command]
pub async fn hold_board<R: Runtime>(app: AppHandle<R>) -> Answer<HoldBoard> {
    off_async(&app, |s| s.workspace.desk()?.hold_board()).await
}

/// The overview of this environment for a period: sums per status and currency, money in
/// flight and on hold, rejections, daily volume — exact decimals from the core, written for
/// the active locale.
#[tauri::command]
pub async fn overview<R: Runtime>(app: AppHandle<R>, query: OverviewQuery) -> Answer<Overview> {
    off_async(&app, move |s| {
        let late_window_days = s.workspace.settings().late_rejection_window_days;
        s.workspace
            .desk()?
            .overview(&query, late_window_days, &messages::active())
    })
    .await
}

#[tauri::command]
pub async fn audit_log<R: Runtime>(
    app: AppHandle<R>,
    filter: AuditFilter,
) -> Answer<Vec<AuditEntry>> {
    off_async(&app, move |s| s.workspace.journal().audit_log(&filter)).await
}

/// Checks the whole chain (and records that it was checked).
#[tauri::command]
pub async fn verify_audit<R: Runtime>(app: AppHandle<R>) -> Answer<AuditVerdict> {
    off_async(&app, |s| {
        tauri::async_runtime::block_on(s.workspace.verify_audit())
    })
    .await
}

/// The file the operator chooses in the save dialog. Awaited, not blocked on: an open dialog
/// must not hold one of the few runtime threads the watcher and the creates run on.
async fn choose_file<R: Runtime>(app: &AppHandle<R>, name: &str) -> Option<std::path::PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter(messages::tr("p-filter-csv", &[]), &["csv"])
        .set_file_name(name)
        .save_file(move |p| {
            let _ = tx.send(p);
        });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

/// The reconciliation CSV of the payouts the filter selects, to a file the operator chooses.
#[tauri::command]
pub async fn export_cashouts<R: Runtime>(
    app: AppHandle<R>,
    filter: ListFilter,
) -> Answer<Option<Exported>> {
    let Some(path) = choose_file(&app, "cashouts.csv").await else {
        return Ok(None);
    };
    off_async(&app, move |s| {
        // The save dialog asked before a file was replaced.
        let rows = tauri::async_runtime::block_on(s.workspace.desk()?.export_to_file(
            filter,
            CsvFlavor::Spreadsheet,
            &path,
            Overwrite::Yes,
        ))?;
        Ok(Some(Exported {
            file: path.display().to_string(),
            rows,
        }))
    })
    .await
}

/// The audit entries the filter selects, hashes included, to a file the operator chooses.
#[tauri::command]
pub async fn export_audit<R: Runtime>(
    app: AppHandle<R>,
    filter: AuditFilter,
) -> Answer<Option<Exported>> {
    let Some(path) = choose_file(&app, "audit-log.csv").await else {
        return Ok(None);
    };
    off_async(&app, move |s| {
        let rows = tauri::async_runtime::block_on(s.workspace.export_audit(filter, &path))?;
        Ok(Some(Exported {
            file: path.display().to_string(),
            rows,
        }))
    })
    .await
}

/// The requests sent for a payout, for the signing inspector.
#[tauri::command]
pub async fn cashout_exchanges<R: Runtime>(
    app: AppHandle<R>,
    which: CashoutRef,
) -> Answer<Vec<ExchangeRecord>> {
    off_async(&app, move |s| s.workspace.desk()?.exchanges(&which)).await
}

/// The UI calls it once its first form is painted: the background watcher starts then, and
/// the start-up probe of `scripts/measure-app.sh` prints the time when `CASHOUT_PAINT_PROBE`
/// is set.
#[tauri::command]
pub fn ui_painted<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) {
    if std::env::var_os("CASHOUT_PAINT_PROBE").is_some() {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        println!("painted {ms}");
    }
    state.watch.start_once(&app);
}

/// Which journal this desk uses, who the team journal signed in, whether its password is
/// stored (never the password), and why a chosen team journal is not in use.
#[tauri::command]
pub async fn journal_status<R: Runtime>(app: AppHandle<R>) -> Answer<JournalStatus> {
    off_async(&app, |s| Ok(s.workspace.journal_status())).await
}

/// The profile as typed: read by the core's rules, so a wrong value is an error at its field.
fn team_profile(profile: serde_json::Value) -> Result<TeamProfile, Box<ErrorReport>> {
    let profile: TeamProfile = serde_json::from_value(profile).map_err(|e| {
        report(Error::InvalidInput {
            field: "team",
            message: messages::tr(
                "p-team-settings-unreadable",
                &[("detail", e.to_string().into())],
            ),
        })
    })?;
    profile.check().map_err(report)?;
    Ok(profile)
}

/// Connects to a team journal without switching to it. Write-only password: an empty one
/// means "the one stored in the keychain".
#[tauri::command]
pub async fn test_team_journal<R: Runtime>(
    app: AppHandle<R>,
    profile: serde_json::Value,
    password: Option<String>,
) -> Answer<String> {
    let profile = team_profile(profile)?;
    let password = password.filter(|p| !p.is_empty()).map(Secret::new);
    off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.test_team_journal(&profile, password.as_ref()))
    })
    .await
}

/// Moves this desk to a team journal (the password, when given, goes to the keychain once it
/// worked); the watcher and live refresh follow it.
#[tauri::command]
pub async fn use_team_journal<R: Runtime>(
    app: AppHandle<R>,
    profile: serde_json::Value,
    password: Option<String>,
) -> Answer<JournalStatus> {
    let profile = team_profile(profile)?;
    let password = password.filter(|p| !p.is_empty()).map(Secret::new);
    let status = off_async(&app, move |s| {
        tauri::async_runtime::block_on(s.workspace.use_team_journal(profile, password))
    })
    .await?;
    app.state::<AppState>().watch.restart(&app);
    Ok(status)
}

/// Moves this desk back to its local journal.
#[tauri::command]
pub async fn use_local_journal<R: Runtime>(app: AppHandle<R>) -> Answer<JournalStatus> {
    let status = off_async(&app, |s| {
        tauri::async_runtime::block_on(s.workspace.use_local_journal())
    })
    .await?;
    app.state::<AppState>().watch.restart(&app);
    Ok(status)
}

/// Copies this desk's local journal into the team journal it uses (nothing doubled, audited).
#[tauri::command]
pub async fn copy_local_history<R: Runtime>(
    app: AppHandle<R>,
) -> Answer<cashout_core::journal::copy::CopyReport> {
    off_async(&app, |s| {
        tauri::async_runtime::block_on(s.workspace.copy_local_history())
    })
    .await
}

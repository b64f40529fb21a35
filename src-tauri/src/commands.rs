//! The app's commands: each takes the state, calls the core, and turns errors into
//! `{code, message, field?, ...}` ([`ErrorReport`]). No rule lives here.

use cashout_core::api::parse::parse_create_value;
use cashout_core::api::types::{CashoutId, CashoutRef};
use cashout_core::audit::{AuditEntry, AuditFilter, AuditVerdict};
use cashout_core::credentials::{CredentialStatus, Credentials, Secret};
use cashout_core::desk::{CreateOptions, CreateReview, PayoutView, ReconcileReport};
use cashout_core::environment::EnvironmentKind;
use cashout_core::error::{Error, ErrorReport};
use cashout_core::form::CountryForm;
use cashout_core::journal::{ExchangeRecord, HistoryEntry, ListFilter};
use cashout_core::report::{CsvFlavor, Exported, HoldBoard};
use cashout_core::settings::{Settings, SettingsView};
use cashout_core::status::Lifecycle;
use cashout_core::watch::DeskEvent;
use cashout_core::workspace::{BankChoices, ConnectionCheck, EnvironmentStatus};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;

/// Boxed: the report is large, and it crosses IPC as the same JSON either way.
type Answer<T> = Result<T, Box<ErrorReport>>;

fn report(e: Error) -> Box<ErrorReport> {
    Box::new(e.report())
}

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> EnvironmentStatus {
    state.workspace.status()
}

/// The settings, with the notification URL to pre-fill for the environment in use.
#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> SettingsView {
    state.workspace.settings().into()
}

#[tauri::command]
pub async fn update_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: Settings,
) -> Answer<SettingsView> {
    // Saved, audited and applied as one step by the core; the watcher follows only a success.
    let saved = state
        .workspace
        .set_settings(settings)
        .await
        .map_err(report)?;
    state.watch.restart(&app);
    Ok(saved.into())
}

/// Write-only: the values go to the keychain; only whether they are stored comes back.
#[tauri::command]
pub async fn save_credentials<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
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
    let status = state
        .workspace
        .save_credentials(environment, &creds)
        .await
        .map_err(report)?;
    state.watch.restart(&app);
    Ok(status)
}

#[tauri::command(async)]
pub fn credentials_status(
    state: State<'_, AppState>,
    environment: EnvironmentKind,
) -> Answer<CredentialStatus> {
    state
        .workspace
        .credentials_status(environment)
        .map_err(report)
}

#[tauri::command]
pub async fn delete_credentials<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    environment: EnvironmentKind,
) -> Answer<CredentialStatus> {
    let status = state
        .workspace
        .delete_credentials(environment)
        .await
        .map_err(report)?;
    state.watch.restart(&app);
    Ok(status)
}

#[tauri::command]
pub async fn test_connection(state: State<'_, AppState>) -> Answer<ConnectionCheck> {
    state.workspace.test_connection().await.map_err(report)
}

#[tauri::command]
pub fn country_forms() -> Vec<CountryForm> {
    cashout_core::form::countries()
}

#[tauri::command]
pub fn lifecycle() -> Lifecycle {
    cashout_core::status::lifecycle()
}

/// Validates without writing or sending; returns the core's review: the request to send back
/// (normalised, with its external_id, the amount as a string), the payout in words, the body
/// as the client will send it with the credentials masked, the warnings, and in production
/// the question to confirm. The request arrives as plain JSON and is read by the core's
/// rules, so that every bad value is a field error, never a deserialisation failure.
#[tauri::command(async)]
pub fn validate_cashout(
    state: State<'_, AppState>,
    request: serde_json::Value,
    override_check_digits: bool,
) -> Answer<CreateReview> {
    let request = parse_create_value(&request).map_err(|e| report(Error::Validation(e)))?;
    let desk = state.workspace.desk().map_err(report)?;
    desk.review_create(&request, override_check_digits)
        .map_err(report)
}

/// Sends a create. Whether its external_id was generated is the core's to know, not the
/// form's; `pay_again_of` is the operator's explicit choice to pay an identical payout again,
/// naming the earlier one.
#[tauri::command]
pub async fn create_cashout(
    state: State<'_, AppState>,
    request: serde_json::Value,
    override_check_digits: bool,
    pay_again_of: Option<String>,
) -> Answer<PayoutView> {
    let request = parse_create_value(&request).map_err(|e| report(Error::Validation(e)))?;
    let desk = state.workspace.desk().map_err(report)?;
    let options = CreateOptions {
        override_check_digits,
        pay_again_of,
    };
    let created = desk.create(&request, &options).await;
    state.watch.poke();
    created.map_err(report)
}

/// Sends an unsettled create again with its own external_id.
#[tauri::command]
pub async fn resend_cashout(state: State<'_, AppState>, which: CashoutRef) -> Answer<PayoutView> {
    let desk = state.workspace.desk().map_err(report)?;
    let done = desk.resend(&which).await;
    state.watch.poke();
    done.map_err(report)
}

/// Stops checking an unsettled create, on the operator's explicit and audited word.
#[tauri::command]
pub async fn abandon_cashout(
    state: State<'_, AppState>,
    which: CashoutRef,
    reason: String,
) -> Answer<PayoutView> {
    let desk = state.workspace.desk().map_err(report)?;
    desk.abandon(&which, &reason).await.map_err(report)
}

/// What abandoning an unsettled create risks, in the core's words, for the confirmation.
#[tauri::command]
pub fn abandon_risk() -> &'static str {
    cashout_core::desk::create::ABANDON_RISK
}

#[tauri::command]
pub async fn check_cashout(state: State<'_, AppState>, which: CashoutRef) -> Answer<PayoutView> {
    state
        .workspace
        .desk()
        .map_err(report)?
        .check(&which)
        .await
        .map_err(report)
}

#[tauri::command]
pub async fn hold_cashout(state: State<'_, AppState>, cashout_id: i64) -> Answer<PayoutView> {
    let done = state
        .workspace
        .desk()
        .map_err(report)?
        .hold(CashoutId(cashout_id))
        .await;
    state.watch.poke();
    done.map_err(report)
}

#[tauri::command]
pub async fn release_cashout(state: State<'_, AppState>, cashout_id: i64) -> Answer<PayoutView> {
    let done = state
        .workspace
        .desk()
        .map_err(report)?
        .release(CashoutId(cashout_id))
        .await;
    state.watch.poke();
    done.map_err(report)
}

#[tauri::command]
pub async fn cancel_cashout(
    state: State<'_, AppState>,
    cashout_id: i64,
    external_id: Option<String>,
) -> Answer<PayoutView> {
    let desk = state.workspace.desk().map_err(report)?;
    let done = desk
        .cancel(CashoutId(cashout_id), external_id.as_deref())
        .await;
    state.watch.poke();
    done.map_err(report)
}

#[tauri::command(async)]
pub fn list_cashouts(state: State<'_, AppState>, filter: ListFilter) -> Answer<Vec<PayoutView>> {
    state
        .workspace
        .desk()
        .map_err(report)?
        .list(filter)
        .map_err(report)
}

/// The journal's record of a payout, without a provider call.
#[tauri::command(async)]
pub fn recorded_cashout(state: State<'_, AppState>, which: CashoutRef) -> Answer<PayoutView> {
    state
        .workspace
        .desk()
        .map_err(report)?
        .recorded(&which)
        .map_err(report)
}

#[tauri::command(async)]
pub fn cashout_history(state: State<'_, AppState>, which: CashoutRef) -> Answer<Vec<HistoryEntry>> {
    state
        .workspace
        .desk()
        .map_err(report)?
        .history(&which)
        .map_err(report)
}

/// The banks for the form's picker: the provider's list, or the bundled one with a note.
#[tauri::command]
pub async fn list_banks(state: State<'_, AppState>, country: String) -> Answer<BankChoices> {
    state.workspace.bank_choices(&country).await.map_err(report)
}

/// Settles creates an earlier run left unknown (run by the UI at start).
#[tauri::command]
pub async fn reconcile(state: State<'_, AppState>) -> Answer<ReconcileReport> {
    state
        .workspace
        .desk()
        .map_err(report)?
        .reconcile()
        .await
        .map_err(report)
}

/// Subscribes the window to the watcher's events and to "open this payout" requests from
/// clicked notifications.
#[tauri::command]
pub fn subscribe_events(state: State<'_, AppState>, on_event: Channel<DeskEvent>) {
    state.watch.subscribe(on_event);
}

#[tauri::command(async)]
pub fn hold_board(state: State<'_, AppState>) -> Answer<HoldBoard> {
    state
        .workspace
        .desk()
        .map_err(report)?
        .hold_board()
        .map_err(report)
}

#[tauri::command(async)]
pub fn audit_log(state: State<'_, AppState>, filter: AuditFilter) -> Answer<Vec<AuditEntry>> {
    state.workspace.journal().audit_log(&filter).map_err(report)
}

/// Checks the whole chain (and records that it was checked).
#[tauri::command]
pub async fn verify_audit(state: State<'_, AppState>) -> Answer<AuditVerdict> {
    state.workspace.verify_audit().await.map_err(report)
}

/// The file the operator chooses in the save dialog. Awaited, not blocked on: an open dialog
/// must not hold one of the few runtime threads the watcher and the creates run on.
async fn choose_file<R: Runtime>(app: &AppHandle<R>, name: &str) -> Option<std::path::PathBuf> {
    use tauri_plugin_dialog::DialogExt;
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter("CSV", &["csv"])
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
    state: State<'_, AppState>,
    filter: ListFilter,
) -> Answer<Option<Exported>> {
    let desk = state.workspace.desk().map_err(report)?;
    let Some(path) = choose_file(&app, "cashouts.csv").await else {
        return Ok(None);
    };
    let rows = desk
        .export_to_file(filter, CsvFlavor::Spreadsheet, &path)
        .await
        .map_err(report)?;
    Ok(Some(Exported {
        file: path.display().to_string(),
        rows,
    }))
}

/// The audit entries the filter selects, hashes included, to a file the operator chooses.
#[tauri::command]
pub async fn export_audit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> Answer<Option<Exported>> {
    let Some(path) = choose_file(&app, "audit-log.csv").await else {
        return Ok(None);
    };
    let rows = state
        .workspace
        .export_audit(filter, &path)
        .await
        .map_err(report)?;
    Ok(Some(Exported {
        file: path.display().to_string(),
        rows,
    }))
}

/// The requests sent for a payout, for the signing inspector.
#[tauri::command(async)]
pub fn cashout_exchanges(
    state: State<'_, AppState>,
    which: CashoutRef,
) -> Answer<Vec<ExchangeRecord>> {
    state
        .workspace
        .desk()
        .map_err(report)?
        .exchanges(&which)
        .map_err(report)
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

//! The desktop shell: starts the embedded sandbox, opens the journal and the keychain, restores
//! the settings, and exposes the core's operations as commands. Nothing here decides anything
//! about money: every rule is in `cashout-core`.

mod approvals;
mod batches;
mod commands;
pub mod state;
mod updates;
mod watching;

use tauri::Manager;

/// Registers every command on `builder`: the one list, used by the app and by the contract
/// tests on Tauri's mock runtime.
pub fn with_commands<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_status,
        commands::get_settings,
        commands::update_settings,
        commands::save_credentials,
        commands::credentials_status,
        commands::delete_credentials,
        commands::test_connection,
        commands::country_forms,
        commands::lifecycle,
        commands::about,
        commands::locale,
        commands::set_locale,
        commands::overview,
        updates::update_status,
        updates::update_check,
        updates::update_install,
        commands::validate_cashout,
        commands::create_cashout,
        commands::check_cashout,
        commands::look_up_open,
        commands::hold_cashout,
        commands::release_cashout,
        commands::cancel_cashout,
        commands::list_cashouts,
        commands::recorded_cashout,
        commands::cashout_history,
        commands::list_banks,
        commands::reconcile,
        commands::ui_painted,
        commands::subscribe_events,
        commands::hold_board,
        commands::audit_log,
        commands::verify_audit,
        commands::export_audit,
        commands::export_cashouts,
        commands::cashout_exchanges,
        commands::resend_cashout,
        commands::abandon_cashout,
        commands::abandon_risk,
        commands::journal_status,
        commands::test_team_journal,
        commands::use_team_journal,
        commands::use_local_journal,
        commands::copy_local_history,
        approvals::approvals_page,
        approvals::approval_detail,
        approvals::decide_approval,
        approvals::approval_policy,
        approvals::propose_approval_policy,
        approvals::decide_policy_change,
        commands::copy_text,
        commands::sent_request,
        commands::list_beneficiaries,
        commands::save_beneficiary,
        commands::delete_beneficiary,
        commands::beneficiary_request,
        batches::batch_template,
        batches::batch_open,
        batches::batch_pick,
        batches::batch_draft,
        batches::batch_draft_rows,
        batches::batch_set_decimal,
        batches::batch_set_mapping,
        batches::batch_fix_cell,
        batches::batch_exclude,
        batches::batch_discard,
        batches::batch_confirm,
        batches::batch_list,
        batches::batch_status,
        batches::batch_results,
        batches::batch_send,
        batches::batch_pause,
        batches::batch_cancel,
        batches::batch_save_results,
    ])
}

/// Starts the app.
///
/// # Panics
/// When the window system cannot start at all (nothing else to do then).
pub fn run() {
    with_commands(
        tauri::Builder::default()
            .plugin(tauri_plugin_notification::init())
            .plugin(tauri_plugin_dialog::init())
            .plugin(tauri_plugin_clipboard_manager::init())
            .plugin(tauri_plugin_updater::Builder::new().build()),
    )
    .setup(|app| {
        let state = tauri::async_runtime::block_on(state::AppState::start(app.handle()))?;
        app.manage(state);
        // The watcher starts when the first form is painted (`ui_painted`), or after a few
        // seconds if the window never says so.
        let handle = app.handle().clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            handle.state::<state::AppState>().watch.start_once(&handle);
        });
        updates::check_daily(app.handle().clone());
        Ok(())
    })
    .build(tauri::generate_context!())
    .expect("Cashout Desk could not start")
    .run(|app, event| {
        // A verified update set to "install on quit" is installed as the app exits.
        if let tauri::RunEvent::Exit = event {
            updates::install_on_quit(app);
        }
    });
}

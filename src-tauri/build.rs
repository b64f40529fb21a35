//! Declares every app command, so that each one needs its own grant in `capabilities/`: a
//! window can call only what a capability lists by name.

/// The app's commands. Keep in step with `generate_handler!` in `src/lib.rs`.
const COMMANDS: &[&str] = &[
    "app_status",
    "get_settings",
    "update_settings",
    "save_credentials",
    "credentials_status",
    "delete_credentials",
    "test_connection",
    "country_forms",
    "lifecycle",
    "validate_cashout",
    "create_cashout",
    "check_cashout",
    "look_up_open",
    "hold_cashout",
    "release_cashout",
    "cancel_cashout",
    "list_cashouts",
    "recorded_cashout",
    "cashout_history",
    "list_banks",
    "reconcile",
    "ui_painted",
    "subscribe_events",
    "hold_board",
    "audit_log",
    "verify_audit",
    "export_audit",
    "export_cashouts",
    "cashout_exchanges",
    "resend_cashout",
    "abandon_cashout",
    "abandon_risk",
    "journal_status",
    "test_team_journal",
    "use_team_journal",
    "use_local_journal",
    "copy_local_history",
    "approvals_page",
    "approval_detail",
    "decide_approval",
    "approval_policy",
    "propose_approval_policy",
    "decide_policy_change",
    "copy_text",
    "sent_request",
    "list_beneficiaries",
    "save_beneficiary",
    "delete_beneficiary",
    "beneficiary_request",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}

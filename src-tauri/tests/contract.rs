//! The shell's contract, on Tauri's mock runtime: command names, camelCase argument keys, and
//! errors crossing as `{code, message, field?}`. Uses an in-memory keychain and a temporary
//! journal; never the user's.

use std::sync::Arc;

use cashout_core::clock::SystemClock;
use cashout_core::credentials::MemoryStore;
use cashout_core::journal::Journal;
use cashout_core::settings::Settings;
use cashout_core::workspace::Workspace;
use cashout_desk_lib::state::AppState;
use okp_sandbox::{Sandbox, SandboxConfig};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

struct Shell {
    _dir: tempfile::TempDir,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn shell() -> Shell {
    let dir = tempfile::tempdir().expect("tempdir");
    let sandbox = tauri::async_runtime::block_on(Sandbox::start(SandboxConfig::new(
        dir.path().join("sandbox.sqlite3"),
    )))
    .expect("sandbox");
    let journal = Arc::new(
        Journal::open(&dir.path().join("journal.sqlite3"), Arc::new(SystemClock)).expect("journal"),
    );
    let workspace = Workspace::new(
        journal,
        Arc::new(MemoryStore::new()),
        okp_sandbox::demo_credentials(),
        sandbox.base_url(),
        Settings::default(),
    );
    let app = cashout_desk_lib::with_commands(mock_builder())
        .build(tauri::generate_context!())
        .expect("mock app");
    app.manage(AppState::new(workspace, sandbox));
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    Shell {
        _dir: dir,
        _app: app,
        window,
    }
}

fn invoke(shell: &Shell, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke_from(shell, "tauri://localhost", cmd, args)
}

fn invoke_from(shell: &Shell, origin: &str, cmd: &str, args: Value) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        &shell.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: origin.parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("json answer"))
}

fn pix(document_id: &str) -> Value {
    json!({
        "external_id": "", "country": "BR", "currency": "BRL", "amount": "150.25", "document_id": document_id,
        "beneficiary_name": "Ana", "bank_code": "10000", "phone": "+5511987654321",
        "notification_url": "https://merchant.example/cb"
    })
}

#[test]
fn sandbox_status_says_demo_credentials_and_never_shows_a_secret() {
    let s = shell();
    let status = invoke(&s, "app_status", json!({})).expect("status");
    assert_eq!(status["name"], "sandbox");
    assert_eq!(status["demo_credentials"], true);
    let text = status.to_string();
    assert!(
        !text.contains(okp_sandbox::DEMO_API_SIGNATURE)
            && !text.contains(okp_sandbox::DEMO_API_PASSPHRASE)
    );
}

#[test]
fn validation_errors_cross_as_code_message_field() {
    let s = shell();
    let err = invoke(
        &s,
        "validate_cashout",
        json!({ "request": pix("231.002.999-00"), "overrideCheckDigits": false }),
    )
    .expect_err("invalid CPF");
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "document_id");
    assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(err["errors"][0]["field"], "document_id");
}

#[test]
fn validate_returns_the_request_and_the_body_as_sent_with_credentials_masked() {
    let s = shell();
    let ok = invoke(
        &s,
        "validate_cashout",
        json!({ "request": pix("390.533.447-05"), "overrideCheckDigits": false }),
    )
    .expect("valid");
    let body = ok["body"].as_str().expect("the masked body").to_owned();
    let ok = &ok["request"];
    assert_eq!(ok["amount"], "150.25");
    assert_eq!(ok["document_id"], "39053344705");
    // The body the client will send: the amount as the exact decimal number, credentials
    // masked, no secret.
    assert!(body.contains(r#""amount":150.25"#), "{body}");
    assert!(body.contains(r#""pass":"********""#), "{body}");
    assert!(body.contains(r#""login":"…demo""#), "{body}");
    for secret in [
        "sandbox-signature",
        "sandbox-passphrase",
        "cashout-desk-demo",
    ] {
        assert!(!body.contains(secret), "{body}");
    }
    assert!(ok["external_id"]
        .as_str()
        .is_some_and(|x| x.starts_with("cd-")));
}

#[test]
fn create_then_hold_with_camel_case_cashout_id() {
    let s = shell();
    let created = invoke(
        &s,
        "create_cashout",
        json!({ "request": pix("39053344705"), "overrideCheckDigits": false, "externalIdGenerated": true }),
    )
    .expect("created");
    assert_eq!(created["status"], "PENDING");
    let id = created["cashout_id"].clone();
    let held = invoke(&s, "hold_cashout", json!({ "cashoutId": id })).expect("held");
    assert_eq!(held["status"], "ON_HOLD");
    // snake_case keys are not the contract: the call fails instead of acting on the wrong id.
    assert!(invoke(&s, "release_cashout", json!({ "cashout_id": id })).is_err());
    let listed = invoke(&s, "list_cashouts", json!({ "filter": {} })).expect("list");
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
}

#[test]
fn credentials_are_write_only_and_the_sandbox_refuses_them() {
    let s = shell();
    let stored = invoke(
        &s,
        "save_credentials",
        json!({ "environment": "d24-staging", "apiKey": "merchant-9876", "apiPassphrase": "p-CANARY", "apiSignature": "s-CANARY", "readOnlyKey": null }),
    )
    .expect("saved");
    assert_eq!(
        stored,
        json!({ "stored": true, "api_key_last4": "9876", "has_read_only_key": false })
    );
    let status = invoke(
        &s,
        "credentials_status",
        json!({ "environment": "d24-staging" }),
    )
    .expect("status");
    assert!(!status.to_string().contains("CANARY"));
    let err = invoke(
        &s,
        "save_credentials",
        json!({ "environment": "sandbox", "apiKey": "k", "apiPassphrase": "p", "apiSignature": "s", "readOnlyKey": null }),
    )
    .expect_err("sandbox");
    assert_eq!(err["code"], "invalid_input");
}

#[test]
fn unknown_commands_are_refused() {
    let s = shell();
    assert!(invoke(
        &s,
        "read_credentials",
        json!({ "environment": "d24-staging" })
    )
    .is_err());
}

#[test]
fn a_remote_page_cannot_call_any_command() {
    let s = shell();
    let err = invoke_from(&s, "https://evil.example", "app_status", json!({}))
        .expect_err("remote origin");
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn a_generated_id_sent_back_by_the_form_is_still_the_desks_and_paying_again_needs_the_earlier_id() {
    let s = shell();
    let review = |s: &Shell| {
        invoke(
            s,
            "validate_cashout",
            json!({ "request": pix("39053344705"), "overrideCheckDigits": false }),
        )
        .expect("valid")["request"]
            .clone()
    };
    // The form says nothing about where the id came from: the core knows it generated it.
    let first = invoke(
        &s,
        "create_cashout",
        json!({ "request": review(&s), "overrideCheckDigits": false }),
    )
    .expect("first");
    let reviewed = review(&s);
    let err = invoke(
        &s,
        "create_cashout",
        json!({ "request": reviewed.clone(), "overrideCheckDigits": false }),
    )
    .expect_err("the same money to the same account again");
    assert_eq!(err["code"], "possible_duplicate");
    assert_eq!(err["external_id"], first["external_id"]);
    // Sent again as it stands (the id now in the box): still refused.
    let again = invoke(
        &s,
        "create_cashout",
        json!({ "request": reviewed.clone(), "overrideCheckDigits": false }),
    )
    .expect_err("still a duplicate");
    assert_eq!(again["code"], "possible_duplicate");
    // Only the explicit choice naming the earlier payout pays again.
    let paid = invoke(
        &s,
        "create_cashout",
        json!({ "request": reviewed, "overrideCheckDigits": false, "payAgainOf": first["external_id"] }),
    )
    .expect("paid again on purpose");
    assert_ne!(paid["external_id"], first["external_id"]);
}

#[test]
fn a_bad_value_typed_in_the_form_is_a_field_error_never_an_ipc_error() {
    let s = shell();
    for (amount, says) in [
        ("1.000", "ambiguous"),
        ("1.500.000", "thousands separators"),
        ("250000,50", "after a dot"),
        ("0", "greater than zero"),
        ("-5", "greater than zero"),
    ] {
        let mut request = pix("39053344705");
        request["amount"] = json!(amount);
        request["currency"] = json!("BRL");
        let err = invoke(
            &s,
            "validate_cashout",
            json!({ "request": request, "overrideCheckDigits": false }),
        )
        .expect_err(amount);
        assert_eq!(err["code"], "validation", "{amount}: {err}");
        assert_eq!(err["field"], "amount", "{amount}: {err}");
        let message = err["errors"][0]["message"].as_str().unwrap_or("");
        assert!(message.contains(says), "{amount}: {message}");
        assert!(!err.to_string().contains("invalid args"), "{err}");
    }
    // What could not be read and what the rules refuse in the rest come back together.
    let mut request = pix("");
    request["amount"] = json!("1.000");
    let err = invoke(
        &s,
        "validate_cashout",
        json!({ "request": request, "overrideCheckDigits": false }),
    )
    .expect_err("two problems");
    let fields: Vec<&str> = err["errors"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["field"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        fields.contains(&"amount") && fields.contains(&"document_id"),
        "{err}"
    );
    let err = invoke(
        &s,
        "create_cashout",
        json!({ "request": [1, 2, 3], "overrideCheckDigits": false }),
    )
    .expect_err("not an object");
    assert_eq!(err["field"], "json");
    let err = invoke(
        &s,
        "update_settings",
        json!({ "settings": { "hold_alert_hours": "a day" } }),
    )
    .expect_err("not a number");
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("hold_alert_hours"))
    );
}

#[test]
fn every_declared_command_is_granted_by_name_and_nothing_else_is() {
    let build = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/build.rs"))
        .expect("build.rs");
    let declared: Vec<String> = build
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix('"')?
                .strip_suffix("\",")
                .map(str::to_owned)
        })
        .collect();
    let caps: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/capabilities/default.json"
        ))
        .expect("capability"),
    )
    .expect("json");
    let granted: Vec<String> = caps["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("a permission name").to_owned())
        .collect();
    let expected: Vec<String> = declared
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(
        granted, expected,
        "one grant per declared command, in order"
    );
}

#[test]
fn audit_hold_board_and_inspector_commands_answer_in_their_shapes() {
    let s = shell();
    let created = invoke(
        &s,
        "create_cashout",
        json!({ "request": pix("39053344705"), "overrideCheckDigits": false, "externalIdGenerated": false }),
    )
    .expect("created");
    let id = created["cashout_id"].as_i64().expect("id");
    invoke(&s, "hold_cashout", json!({ "cashoutId": id })).expect("held");

    let board = invoke(&s, "hold_board", json!({})).expect("board");
    assert_eq!(board["payouts"][0]["payout"]["cashout_id"], id);
    assert_eq!(board["totals"][0]["currency"], "BRL");

    let log = invoke(&s, "audit_log", json!({ "filter": { "action": "hold" } })).expect("log");
    assert_eq!(log.as_array().map(Vec::len), Some(1));
    assert_eq!(log[0]["outcome"], "ok");
    let verdict = invoke(&s, "verify_audit", json!({})).expect("verify");
    assert_eq!(verdict["intact"], true);
    assert_eq!(verdict["entries"], 2);

    let exchanges =
        invoke(&s, "cashout_exchanges", json!({ "which": { "id": id } })).expect("exchanges");
    let first = &exchanges[0];
    assert_eq!(first["method"], "POST");
    assert_eq!(first["path"], "/v3/cashout");
    let text = exchanges.to_string();
    assert!(!text.contains(okp_sandbox::DEMO_API_PASSPHRASE));
    assert!(!text.contains(okp_sandbox::DEMO_API_SIGNATURE));
}

//! The desk's own files read back: the settings sent by the form or found on disk, and the
//! team journal's profile inside them. Properties: anything is read or refused at a field,
//! never a panic; a file holding anything loads as settings that check (an operator is never
//! locked out); settings that check, once saved, load back the same.

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::error::Error;
use crate::journal::postgres::TeamProfile;
use crate::settings::{Settings, SettingsFile};

/// The settings' own field names, mixed with others.
const FIELDS: &[&str] = &[
    "environment",
    "okp_production_host",
    "custom_base_url",
    "default_notification_url",
    "late_rejection_window_days",
    "hold_alert_hours",
    "desktop_notifications",
    "open_create_window_hours",
    "team",
    "update_url",
    "locale",
];

/// A value a settings field may be sent or stored with: the right kind often, any JSON too.
fn field_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(
            &[
                "sandbox",
                "okp-staging",
                "d24-staging",
                "d24-production",
                "okp-production",
                "custom",
                "local",
                "auto",
                "pt-BR",
                "es-CO",
                "fr-FR",
                "https://merchant.example/cashouts",
                "http://merchant.example/x",
                "https://updates.example.com/latest.json",
                "api.okp.example",
                "",
            ][..]
        )
        .prop_map(|s| Value::String(s.to_owned())),
        (0u32..2000).prop_map(|n| json!(n)),
        any::<bool>().prop_map(Value::Bool),
        super::json(),
    ]
}

fn settings_object() -> impl Strategy<Value = Value> {
    prop::collection::vec(
        (
            prop_oneof![
                4 => prop::sample::select(FIELDS).prop_map(str::to_owned),
                1 => "\\PC{0,12}",
            ],
            field_value(),
        ),
        0..12,
    )
    .prop_map(|kv| Value::Object(kv.into_iter().collect()))
}

/// A team profile as a settings file may hold it.
fn profile_object() -> impl Strategy<Value = Value> {
    prop::collection::vec(
        (
            prop_oneof![
                3 => prop::sample::select(&["host", "port", "database", "user", "ca_file"][..])
                    .prop_map(str::to_owned),
                1 => "\\PC{0,8}",
            ],
            prop_oneof![
                prop::sample::select(
                    &[
                        "db.team.example",
                        "127.0.0.1",
                        "cashout",
                        "ana_1",
                        "/etc/ssl/team-ca.pem",
                        "",
                        "a b",
                    ][..]
                )
                .prop_map(|s| Value::String(s.to_owned())),
                (0i64..70_000).prop_map(|n| json!(n)),
                super::json(),
            ],
        ),
        0..7,
    )
    .prop_map(|kv| Value::Object(kv.into_iter().collect()))
}

proptest! {
    #[test]
    fn settings_sent_by_the_form_are_read_or_refused_at_a_field(value in settings_object()) {
        match Settings::from_json(&value) {
            Ok(s) => prop_assert!(s.check().is_ok(), "read settings check: {s:?}"),
            Err(Error::InvalidInput { field, message }) => {
                prop_assert!(!message.is_empty());
                // A field of the settings, of the URL they make, or of the team profile.
                let known = FIELDS.contains(&field)
                    || ["settings", "base_url", "env", "host", "port", "database", "user", "ca_file"]
                        .contains(&field);
                prop_assert!(known, "refused at an unknown field {field:?}");
            }
            Err(other) => prop_assert!(false, "refused without a field: {other:?}"),
        }
    }

    #[test]
    fn a_team_profile_of_any_shape_is_read_or_refused_never_a_panic(value in profile_object()) {
        if let Ok(profile) = serde_json::from_value::<TeamProfile>(value) {
            match profile.check() {
                Ok(()) => {
                    // What checks is written and read back as itself.
                    let text = serde_json::to_string(&profile).unwrap_or_default();
                    prop_assert_eq!(serde_json::from_str::<TeamProfile>(&text).ok(), Some(profile));
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}

proptest! {
    // Each case writes and reads a real file: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_settings_file_holding_anything_loads_as_settings_that_check(text in prop_oneof![
        "\\PC{0,200}".boxed(),
        settings_object().prop_map(|v| json!({ "settings": v }).to_string()).boxed(),
        settings_object().prop_map(|v| v.to_string()).boxed(),
    ]) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let file = SettingsFile::in_dir(dir.path());
        std::fs::write(file.path(), text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(file.load().check().is_ok());
    }

    #[test]
    fn settings_that_check_load_back_as_saved(value in settings_object()) {
        let Ok(settings) = Settings::from_json(&value) else {
            return Ok(());
        };
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let file = SettingsFile::in_dir(dir.path());
        file.save(&settings).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(file.load(), settings);
    }
}

//! The operator's settings: which environment is in use, the hosts that are not published, the
//! default notification URL and the watching windows. One struct, stored as one value in
//! `settings.json` beside the journal ([`SettingsFile`], shared by the app and the CLI); every
//! change goes through [`Settings::check`]. No secret is ever part of it.
//!
//! Guarantees: the file is replaced atomically (written to a temporary file, forced to disk,
//! renamed over the old one), so a failed save leaves the previous settings whole; a file that
//! is unreadable or no longer checks loads as the defaults. Left out: who may change what
//! (a single operator's workstation).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::api::types::CreateCashout;
use crate::environment::{Environment, EnvironmentChoice, EnvironmentKind, UrlProblem};
use crate::error::{Error, Result};
use crate::l10n::messages::tr;
use crate::validate::{self, ValidationContext};
use crate::watch::WatchConfig;

/// The settings. Unknown or missing fields take their defaults, so older files still load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Settings {
    pub environment: EnvironmentKind,
    /// The OKP production host, given by OKP at onboarding (not published).
    pub okp_production_host: String,
    /// Base URL of the `custom` environment (any https URL, e.g. a white-label brand).
    pub custom_base_url: String,
    /// Pre-filled `notification_url` of new cashouts.
    pub default_notification_url: String,
    /// Days COMPLETED payouts are re-checked for a late rejection (1-90).
    pub late_rejection_window_days: u32,
    /// ON_HOLD payouts older than this many hours raise a notification (1-720).
    pub hold_alert_hours: u32,
    /// Desktop notifications for COMPLETED, REJECTED and old holds.
    pub desktop_notifications: bool,
    /// Hours a create that may exist but was not found is looked up again by itself (1-720),
    /// before only the operator can settle it (resend with the same external_id, or abandon).
    pub open_create_window_hours: u32,
    /// The team journal this desk uses instead of its local one (no secret: the password is in
    /// the keychain). Changed only by switching journals (see
    /// `Workspace::use_team_journal`), never by a settings form.
    pub team: Option<crate::journal::postgres::TeamProfile>,
    /// Where the app asks for updates instead of the publisher: your IT's mirror of the update
    /// manifest (HTTPS; empty: the publisher's, see [`crate::update`]).
    pub update_url: String,
    /// The language and regional formats: `auto` (the operating system's) or a tag such as
    /// `es-CO` or `pt-BR` (see [`crate::l10n`]).
    pub locale: String,
}

/// The settings and what follows from them for the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SettingsView {
    pub settings: Settings,
    /// The `notification_url` to pre-fill for the environment in use.
    pub notification_url: String,
    /// The environments an operator can choose.
    pub environments: Vec<EnvironmentChoice>,
}

impl From<Settings> for SettingsView {
    fn from(settings: Settings) -> Self {
        let notification_url = settings.notification_url_for(settings.environment);
        Self {
            settings,
            notification_url,
            environments: EnvironmentKind::choices(),
        }
    }
}

/// What new cashouts are notified to in the sandbox when nothing else is set.
pub const SANDBOX_NOTIFICATION_URL: &str = "https://merchant.example/cashouts/notify";

impl Default for Settings {
    fn default() -> Self {
        Self {
            environment: EnvironmentKind::Sandbox,
            okp_production_host: String::new(),
            custom_base_url: String::new(),
            default_notification_url: String::new(),
            late_rejection_window_days: 14,
            hold_alert_hours: 24,
            desktop_notifications: true,
            open_create_window_hours: 24,
            team: None,
            update_url: String::new(),
            locale: "auto".into(),
        }
    }
}

/// The fields of [`Settings`], as errors name them, with the message (its id in
/// `details.ftl`) that says what each one takes.
const FIELDS: [(&str, &str); 10] = [
    ("environment", "d-settings-choose-environment"),
    ("okp_production_host", "d-settings-enter-host"),
    ("custom_base_url", "d-settings-enter-base-url"),
    ("default_notification_url", "d-settings-enter-url"),
    ("late_rejection_window_days", "d-settings-whole-days"),
    ("hold_alert_hours", "d-settings-whole-hours"),
    ("desktop_notifications", "d-settings-tick-box"),
    ("open_create_window_hours", "d-settings-whole-hours"),
    ("update_url", "d-settings-enter-url"),
    ("locale", "d-settings-choose-language"),
];

impl Settings {
    /// Reads settings sent as JSON by the desktop form, each value by its own field's type, so
    /// that a value of the wrong kind is an error at that field (never a failure to read the
    /// whole), then checks them ([`Settings::check`]).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the first field in error.
    pub fn from_json(value: &serde_json::Value) -> Result<Self> {
        let Some(object) = value.as_object() else {
            return Err(Error::InvalidInput {
                field: "settings",
                message: tr("d-settings-not-an-object", &[]),
            });
        };
        for (key, v) in object {
            let Some((field, message_id)) = FIELDS.iter().find(|(f, _)| f == key) else {
                continue;
            };
            let one =
                serde_json::Value::Object(std::iter::once((key.clone(), v.clone())).collect());
            if serde_json::from_value::<Settings>(one).is_err() {
                return Err(Error::InvalidInput {
                    field,
                    message: tr(message_id, &[]),
                });
            }
        }
        let settings: Settings =
            serde_json::from_value(value.clone()).map_err(|e| Error::InvalidInput {
                field: "settings",
                message: tr("d-settings-unreadable", &[("detail", e.to_string().into())]),
            })?;
        settings.check()?;
        Ok(settings)
    }

    /// What differs from `self` in `next`, one line per setting: `name old → new`.
    #[must_use]
    pub fn changes_to(&self, next: &Settings) -> Vec<String> {
        let (Ok(a), Ok(b)) = (serde_json::to_value(self), serde_json::to_value(next)) else {
            return Vec::new();
        };
        let shown = |v: Option<&serde_json::Value>| match v {
            Some(serde_json::Value::String(s)) if s.is_empty() => "(none)".to_owned(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => "(none)".to_owned(),
        };
        FIELDS
            .iter()
            .filter(|(f, _)| a.get(f) != b.get(f))
            .map(|(f, _)| format!("{f} {} → {}", shown(a.get(f)), shown(b.get(f))))
            .collect()
    }

    /// The watcher's configuration these settings ask for (the defaults if they do not check,
    /// which [`Settings::check`] prevents before any are kept).
    #[must_use]
    pub fn watch_config(&self) -> WatchConfig {
        self.checked_watch_config().unwrap_or_default()
    }

    fn checked_watch_config(&self) -> Result<WatchConfig> {
        WatchConfig::chosen(
            self.late_rejection_window_days,
            self.hold_alert_hours,
            WatchConfig::default().rate_per_sec,
        )
    }

    /// Checks the settings as a whole.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the field.
    pub fn check(&self) -> Result<()> {
        if let Some(team) = &self.team {
            team.check()?;
        }
        let host_problem = |field: &'static str, p: UrlProblem| Error::InvalidInput {
            field,
            message: p.message(),
        };
        if !self.okp_production_host.trim().is_empty() {
            Environment::resolve(
                EnvironmentKind::OkpProduction,
                Some(&self.okp_production_host),
            )
            .map_err(|p| host_problem("okp_production_host", p))?;
        }
        if !self.custom_base_url.trim().is_empty() {
            Environment::resolve(EnvironmentKind::Custom, Some(&self.custom_base_url))
                .map_err(|p| host_problem("custom_base_url", p))?;
        }
        if !self.update_url.trim().is_empty() {
            crate::update::check_update_url(&self.update_url)?;
        }
        let url = self.default_notification_url.trim();
        if !url.is_empty() {
            // The create's own rule, so that a pre-filled URL is one a create accepts.
            let probe = CreateCashout {
                notification_url: url.to_owned(),
                ..CreateCashout::default()
            };
            let ctx = ValidationContext {
                environment: self.environment,
                override_check_digits: false,
            };
            let refused = validate::check_create(&probe, &ctx)
                .err()
                .unwrap_or_default()
                .into_iter()
                .find(|e| e.field == "notification_url");
            if let Some(e) = refused {
                return Err(Error::InvalidInput {
                    field: "default_notification_url",
                    message: e.message,
                });
            }
        }
        crate::l10n::check_setting(&self.locale).map_err(|message| Error::InvalidInput {
            field: "locale",
            message,
        })?;
        if !(1..=720).contains(&self.open_create_window_hours) {
            return Err(Error::InvalidInput {
                field: "open_create_window_hours",
                message: tr("d-settings-open-window-range", &[]),
            });
        }
        self.checked_watch_config()?;
        // The chosen environment must be usable as configured.
        self.environment_of(self.environment, "http://127.0.0.1:1")
            .map_err(|p| host_problem(self.host_field(self.environment), p))?;
        Ok(())
    }

    fn host_field(&self, kind: EnvironmentKind) -> &'static str {
        match kind {
            EnvironmentKind::Custom => "custom_base_url",
            _ => "okp_production_host",
        }
    }

    /// The environment of `kind` with these settings' hosts; the sandbox at `sandbox_url`.
    ///
    /// # Errors
    /// [`UrlProblem`] when a needed host is missing or not acceptable.
    pub fn environment_of(
        &self,
        kind: EnvironmentKind,
        sandbox_url: &str,
    ) -> std::result::Result<Environment, UrlProblem> {
        match kind {
            EnvironmentKind::Sandbox => Environment::resolve(kind, Some(sandbox_url)),
            EnvironmentKind::OkpProduction => {
                Environment::resolve(kind, Some(&self.okp_production_host))
            }
            EnvironmentKind::Custom => Environment::resolve(kind, Some(&self.custom_base_url)),
            _ => Environment::resolve(kind, None),
        }
    }

    /// How long an unconfirmed create is looked up by itself (see
    /// [`crate::desk::OPEN_CREATE_WINDOW`]).
    #[must_use]
    pub fn open_create_window(&self) -> std::time::Duration {
        std::time::Duration::from_secs(
            u64::from(self.open_create_window_hours.clamp(1, 720)) * 3600,
        )
    }

    /// The notification URL to pre-fill for `kind`.
    #[must_use]
    pub fn notification_url_for(&self, kind: EnvironmentKind) -> String {
        let url = self.default_notification_url.trim();
        if url.is_empty() && kind == EnvironmentKind::Sandbox {
            SANDBOX_NOTIFICATION_URL.to_owned()
        } else {
            url.to_owned()
        }
    }
}

/// The settings file: `{"settings": {…}}` (the layout the desktop app has always written),
/// at most [`SettingsFile::MAX_BYTES`].
#[derive(Debug, Clone)]
pub struct SettingsFile {
    path: PathBuf,
}

/// The key the settings are kept under in the file.
const SETTINGS_KEY: &str = "settings";

impl SettingsFile {
    /// The name of the file in the data directory.
    pub const NAME: &'static str = "settings.json";
    /// Largest settings file read: real ones are under 1 KiB.
    pub const MAX_BYTES: u64 = 64 * 1024;

    /// The settings file of the data directory `dir`.
    #[must_use]
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(Self::NAME),
        }
    }

    /// The file's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved settings; the defaults when there is no file, or it is unreadable, too large
    /// or no longer checks (an operator is never locked out by a bad file).
    #[must_use]
    pub fn load(&self) -> Settings {
        let read = std::fs::File::open(&self.path).and_then(|f| {
            let mut text = String::new();
            std::io::Read::read_to_string(
                &mut std::io::Read::take(f, Self::MAX_BYTES + 1),
                &mut text,
            )
            .map(|_| text)
        });
        read.ok()
            .filter(|t| t.len() as u64 <= Self::MAX_BYTES)
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .and_then(|v| v.get(SETTINGS_KEY).cloned())
            .and_then(|v| serde_json::from_value::<Settings>(v).ok())
            .filter(|s| s.check().is_ok())
            .unwrap_or_default()
    }

    /// Replaces the file with `settings`, atomically: a temporary file beside it is written
    /// and forced to disk, then renamed over it. On failure the old file is untouched.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (field `settings`) saying what failed.
    pub fn save(&self, settings: &Settings) -> Result<()> {
        // `what` names the step for the message to choose its words by (English shows it as is).
        let fail = |what: &str, e: &dyn std::fmt::Display| Error::InvalidInput {
            field: "settings",
            message: tr(
                "d-settings-not-saved",
                &[("step", what.into()), ("detail", e.to_string().into())],
            ),
        };
        let text = serde_json::to_string_pretty(&serde_json::json!({ SETTINGS_KEY: settings }))
            .map_err(|e| fail("encoding", &e))?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail("folder", &e))?;
        }
        let tmp = self
            .path
            .with_extension(format!("json.tmp-{}", std::process::id()));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(fail("writing", &e));
        }
        if let Err(e) = std::fs::rename(&tmp, &self.path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(fail("replacing", &e));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_loads_back_and_a_failed_save_keeps_the_old_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = SettingsFile::in_dir(dir.path());
        assert_eq!(file.load(), Settings::default());
        let chosen = Settings {
            environment: EnvironmentKind::D24Staging,
            open_create_window_hours: 48,
            ..Settings::default()
        };
        file.save(&chosen).expect("saved");
        assert_eq!(file.load(), chosen);
        // The store plugin's layout, as older app versions wrote it, still loads.
        std::fs::write(file.path(), r#"{"settings":{"environment":"okp-staging"}}"#)
            .expect("write");
        assert_eq!(file.load().environment, EnvironmentKind::OkpStaging);
        // A save that cannot replace the file leaves it as it was.
        let blocked = SettingsFile::in_dir(&dir.path().join("settings.json").join("x"));
        assert!(blocked.save(&chosen).is_err());
        assert_eq!(file.load().environment, EnvironmentKind::OkpStaging);
        std::fs::write(file.path(), "x".repeat(100_000)).expect("write");
        assert_eq!(file.load(), Settings::default());
    }

    #[test]
    fn a_language_with_no_words_here_is_refused_at_the_locale_field() {
        for refused in ["fr-FR", "de", "not a tag"] {
            let s = Settings {
                locale: refused.into(),
                ..Settings::default()
            };
            let e = s.check().expect_err(refused);
            assert_eq!(e.field(), Some("locale"), "{refused}");
        }
        for accepted in ["auto", "", "en-US", "es-CO", "pt-BR", "es_AR.UTF-8"] {
            let s = Settings {
                locale: accepted.into(),
                ..Settings::default()
            };
            assert!(s.check().is_ok(), "{accepted}");
        }
        // A file written before the setting existed speaks the system's language.
        let old = Settings::from_json(&serde_json::json!({ "environment": "sandbox" }));
        assert_eq!(old.map(|s| s.locale).ok().as_deref(), Some("auto"));
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_an_error_at_its_field() {
        let e = Settings::from_json(&serde_json::json!({"hold_alert_hours": "12h"}))
            .expect_err("not a number");
        assert_eq!(e.field(), Some("hold_alert_hours"));
        let e = Settings::from_json(&serde_json::json!({"environment": "prod"}))
            .expect_err("not an environment");
        assert_eq!(e.field(), Some("environment"));
        let e = Settings::from_json(&serde_json::json!({"open_create_window_hours": 0}))
            .expect_err("out of range");
        assert_eq!(e.field(), Some("open_create_window_hours"));
        let ok =
            Settings::from_json(&serde_json::json!({"environment": "d24-staging"})).expect("valid");
        assert_eq!(ok.environment, EnvironmentKind::D24Staging);
    }

    #[test]
    fn the_default_notification_url_follows_the_creates_rule() {
        for bad in [
            "https://merchant.example:8443/n",
            "ftp://x.example",
            "https://",
        ] {
            let s = Settings {
                default_notification_url: bad.into(),
                ..Settings::default()
            };
            assert_eq!(
                s.check().expect_err(bad).field(),
                Some("default_notification_url"),
                "{bad}"
            );
        }
        let ok = Settings {
            default_notification_url: "https://merchant.example/cashouts/notify".into(),
            ..Settings::default()
        };
        assert!(ok.check().is_ok());
    }

    #[test]
    fn defaults_open_on_the_sandbox_and_are_valid() {
        let s = Settings::default();
        assert_eq!(s.environment, EnvironmentKind::Sandbox);
        assert!(s.check().is_ok());
        assert_eq!(
            s.notification_url_for(EnvironmentKind::Sandbox),
            SANDBOX_NOTIFICATION_URL
        );
        assert_eq!(s.notification_url_for(EnvironmentKind::D24Staging), "");
    }

    #[test]
    fn choosing_okp_production_needs_its_host() {
        let mut s = Settings {
            environment: EnvironmentKind::OkpProduction,
            ..Settings::default()
        };
        let e = s.check().expect_err("no host");
        assert_eq!(e.field(), Some("okp_production_host"));
        s.okp_production_host = "api.okp.example".into();
        assert!(s.check().is_ok());
        s.okp_production_host = "http://api.okp.example".into();
        assert_eq!(
            s.check().expect_err("plain http").field(),
            Some("okp_production_host")
        );
    }

    #[test]
    fn old_or_partial_files_load_with_defaults() {
        let s: Settings =
            serde_json::from_str(r#"{"environment":"d24-staging","extra":1}"#).expect("lenient");
        assert_eq!(s.environment, EnvironmentKind::D24Staging);
        assert!(s.custom_base_url.is_empty());
        let bad = Settings {
            default_notification_url: "http://x.example".into(),
            ..Settings::default()
        };
        assert_eq!(
            bad.check().expect_err("http").field(),
            Some("default_notification_url")
        );
    }
}

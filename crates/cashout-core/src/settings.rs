//! The operator's settings: which environment is in use, the hosts that are not published, and
//! the default notification URL. One struct, stored by the desktop shell as one value; every
//! change goes through [`Settings::check`]. No secret is ever part of it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::environment::{Environment, EnvironmentChoice, EnvironmentKind, UrlProblem};
use crate::error::{Error, Result};
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
        }
    }
}

impl Settings {
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
        let host_problem = |field: &'static str, p: UrlProblem| Error::InvalidInput {
            field,
            message: p.to_string(),
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
        let url = self.default_notification_url.trim();
        if !url.is_empty() && !url.starts_with("https://") {
            return Err(Error::InvalidInput {
                field: "default_notification_url",
                message: "the notification URL must start with https://".into(),
            });
        }
        if url.len() > 255 {
            return Err(Error::InvalidInput {
                field: "default_notification_url",
                message: "the notification URL is at most 255 characters".into(),
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

#[cfg(test)]
mod tests {
    use super::*;

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

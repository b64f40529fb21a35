//! Automatic updates: the rules the desktop shell's updater follows, and what it records.
//! Tauri's updater plugin does the work (a static manifest, a minisign signature over each
//! package that also binds its version, no downgrades); this module decides:
//!
//! - where to ask ([`update_endpoint`]): the operator's IT mirror from the settings when set,
//!   else the publisher's endpoint shipped in the app's config — HTTPS only (plain HTTP on
//!   loopback alone, for a mirror on the machine and the tests), never with credentials in it;
//! - when to ask ([`CHECK_EVERY`]): at start and then daily;
//! - whether an update may be installed now ([`install_blocked`]): never while this desk is
//!   sending a create or a batch (a restart mid-send is safe, the journal settles it, but it
//!   stops the sending for no reason); "install on quit" is offered instead;
//! - the audit entries of every check and install ([`checked`], [`installed`]).
//!
//! Leaves out: downloading, verifying and installing (the plugin's), and the release signing
//! key (never in the repository; see the README, "Releases and updates").

use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::audit::{AuditAction, AuditEvent};
use crate::environment::is_loopback_url;
use crate::error::{Error, Result};
use crate::l10n::messages::tr;

/// How often a running app asks for an update (and once at start).
pub const CHECK_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// How soon a check that failed (the server unreachable) is made again.
pub const CHECK_AGAIN_AFTER_FAILURE: Duration = Duration::from_secs(60 * 60);

/// What a check says when neither the settings nor the app's config name an update server
/// (a development build).
pub const NO_SERVER: &str = "no update server is configured: this build is not a release, and \
     Settings has no update URL (your IT's mirror)";

/// [`NO_SERVER`] in the operator's language, for Settings → About.
#[must_use]
pub fn no_server_words() -> String {
    tr("d-update-no-server", &[])
}

/// What the last check came to, in the operator's language, for Settings → About: the version
/// offered, none newer, or why it failed.
#[must_use]
pub fn last_check_words(outcome: std::result::Result<Option<&str>, &str>) -> String {
    match outcome {
        Ok(Some(version)) => tr("d-update-version-offered", &[("version", version.into())]),
        Ok(None) => tr("d-update-none-newer", &[]),
        Err(detail) => tr("d-update-check-failed", &[("detail", detail.into())]),
    }
}

/// The audit log's environment for updates: they concern the app, not one environment.
const APP_SCOPE: &str = "app";

/// An update the server offers, as Settings → About shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UpdateOffer {
    /// The version running now.
    pub current: String,
    /// The version offered (newer: the updater never offers a downgrade).
    pub version: String,
    /// The release notes the manifest carries, if any.
    pub notes: Option<String>,
    /// When it was published (as the manifest says).
    pub date: Option<String>,
    /// Why it cannot be installed now (this desk is sending), if so: "install on quit" stays
    /// possible.
    pub blocked: Option<String>,
}

/// What Settings → About shows of updates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UpdateState {
    /// Where the app asks: the IT mirror or the publisher's endpoint.
    pub endpoint: String,
    /// When it last asked, and what came of it (RFC 3339 and words), if it asked yet.
    pub last_check: Option<String>,
    pub last_result: Option<String>,
    /// An update downloaded, verified and set to install when the app quits.
    pub on_quit: Option<String>,
}

/// The endpoint to ask: `mirror` (the settings' update URL) when set, else `shipped` (empty
/// when neither names one: nothing is asked).
///
/// # Errors
/// [`Error::InvalidInput`] on `update_url` for a mirror that is not an HTTPS URL (plain HTTP
/// only on loopback), or that carries a user name or password.
pub fn update_endpoint(mirror: &str, shipped: &str) -> Result<String> {
    let mirror = mirror.trim();
    if mirror.is_empty() {
        return Ok(shipped.to_owned());
    }
    check_update_url(mirror)?;
    Ok(mirror.to_owned())
}

/// Checks an update URL an operator (their IT) typed.
///
/// # Errors
/// [`Error::InvalidInput`] on `update_url` (see [`update_endpoint`]).
pub fn check_update_url(text: &str) -> Result<()> {
    let refuse = |message: String| Error::InvalidInput {
        field: "update_url",
        message,
    };
    let url = reqwest::Url::parse(text.trim()).map_err(|e| {
        refuse(tr(
            "d-update-url-not-a-url",
            &[("detail", e.to_string().into())],
        ))
    })?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback_url(text.trim()) => {}
        other => {
            return Err(refuse(tr(
                "d-update-url-not-https",
                &[("scheme", other.into())],
            )))
        }
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse(tr("d-update-url-credentials", &[])));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(refuse(tr("d-update-url-no-host", &[])));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(refuse(tr("d-update-url-query", &[])));
    }
    Ok(())
}

/// Checks the package address an update manifest gives: HTTPS (plain HTTP on loopback only).
/// The signature protects the package's bytes, but a package sent in the clear tells anyone
/// on the way what this desk installs, and the plugin only warns.
///
/// # Errors
/// [`Error::InvalidInput`] on `update`.
pub fn check_download_url(url: &str) -> Result<()> {
    let https = url.starts_with("https://");
    if https || (url.starts_with("http://") && is_loopback_url(url)) {
        return Ok(());
    }
    Err(Error::InvalidInput {
        field: "update",
        message: tr(
            "d-update-package-not-https",
            &[("url", url.split('?').next().unwrap_or_default().into())],
        ),
    })
}

/// Why an update may not be installed now, if so: this desk is sending `creates` creates and
/// `batches` batches. In the active language (Settings → About shows it).
#[must_use]
pub fn install_blocked(creates: usize, batches: usize) -> Option<String> {
    // Each count chooses its own plural ("a payout is", "2 payouts are").
    let sending = |count: usize, id: &str| (count > 0).then(|| tr(id, &[("count", count.into())]));
    let what = match (
        sending(creates, "d-update-sending-payouts"),
        sending(batches, "d-update-sending-batches"),
    ) {
        (Some(p), Some(b)) => tr(
            "d-update-sending-both",
            &[("payouts", p.into()), ("batches", b.into())],
        ),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => return None,
    };
    Some(tr("d-update-blocked", &[("what", what.into())]))
}

/// The notice of an offered update (a toast and the windows' event; see `DeskEvent`).
#[must_use]
pub fn offer_notice(offer: &UpdateOffer) -> crate::watch::Notice {
    crate::watch::Notice {
        title: tr(
            "d-update-offer-title",
            &[("version", offer.version.clone().into())],
        ),
        body: tr(
            "d-update-offer-body",
            &[("current", offer.current.clone().into())],
        ),
        cashout_id: None,
        external_id: None,
        batch_id: None,
    }
}

/// The audit entry of a check of `endpoint` by version `running` that found `found` (a
/// version), nothing, or failed with `error`.
#[must_use]
pub fn checked(
    endpoint: &str,
    running: &str,
    found: Option<&str>,
    error: Option<&str>,
) -> AuditEvent {
    let (outcome, detail) = match (found, error) {
        (_, Some(e)) => ("failed", format!("asked {endpoint}: {e}")),
        (Some(v), None) => (
            "ok",
            format!("asked {endpoint}: version {v} is offered (running {running})"),
        ),
        (None, None) => (
            "ok",
            format!("asked {endpoint}: no newer version (running {running})"),
        ),
    };
    AuditEvent::new(APP_SCOPE, AuditAction::UpdateChecked, outcome).detail(detail)
}

/// How far an install went, for its audit entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstallStep {
    /// Downloaded and verified; to be installed when the app quits.
    Scheduled,
    /// Verified; the installer starts now (on Windows it ends the app: this is the last word).
    Starting,
    /// Installed.
    Installed,
    /// Refused or failed (the reason is given).
    Refused,
}

/// The audit entry of `step` of version `version`'s install, `when` "now" or "on quit",
/// replacing `running`; `error` why it was refused (a signature or version that does not
/// verify, a failed install).
#[must_use]
pub fn installed(
    version: &str,
    running: &str,
    when: &str,
    step: InstallStep,
    error: Option<&str>,
) -> AuditEvent {
    let (outcome, detail) = match step {
        InstallStep::Scheduled => (
            "scheduled",
            format!(
                "version {version} downloaded and its signature verified; to be installed \
                 when the app quits (running {running})"
            ),
        ),
        InstallStep::Starting => (
            "starting",
            format!("version {version} verified; installing {when} over {running}"),
        ),
        InstallStep::Installed => (
            "ok",
            format!("version {version} installed {when} over {running}"),
        ),
        InstallStep::Refused => (
            "refused",
            format!(
                "version {version} not installed {when}: {}",
                error.unwrap_or("refused")
            ),
        ),
    };
    AuditEvent::new(APP_SCOPE, AuditAction::UpdateInstalled, outcome).detail(detail)
}

/// Whether version `offered` is newer than `running`, by semantic versioning (a pre-release
/// is older than its release); a version either side that is not semver is not newer, so an
/// unreadable manifest never installs. The updater plugin refuses downgrades too; this is the
/// desk's own check before installing on quit.
#[must_use]
pub fn is_newer(offered: &str, running: &str) -> bool {
    match (
        semver::Version::parse(offered.trim()),
        semver::Version::parse(running.trim()),
    ) {
        (Ok(a), Ok(b)) => a > b,
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod tests {
    use super::*;

    const SHIPPED: &str = "https://updates.example/latest.json";

    #[test]
    fn the_last_check_and_a_missing_server_are_said_in_the_operators_language() {
        use crate::l10n::messages::text;
        use crate::l10n::Lang;
        assert_eq!(text(Lang::En, "d-update-no-server", &[]), NO_SERVER);
        assert_eq!(
            text(
                Lang::Es,
                "d-update-version-offered",
                &[("version", "0.2.0".into())]
            ),
            "se ofrece la versión 0.2.0"
        );
        assert_eq!(last_check_words(Ok(None)), "no newer version");
        assert_eq!(last_check_words(Err("timed out")), "failed: timed out");
    }

    #[test]
    fn only_a_newer_semantic_version_is_installed_never_a_downgrade_or_an_unreadable_one() {
        assert!(is_newer("0.2.0", "0.1.9"));
        assert!(is_newer("0.1.10", "0.1.9"), "numbers, not text");
        assert!(
            is_newer("1.0.0", "1.0.0-rc.1"),
            "a release after its pre-release"
        );
        assert!(!is_newer("1.0.0-rc.1", "1.0.0"));
        assert!(!is_newer("0.1.0", "0.1.0"), "the same version");
        assert!(!is_newer("0.0.9", "0.1.0"), "a downgrade");
        assert!(!is_newer("v0.2.0", "0.1.0"), "not semver");
        assert!(!is_newer("0.2", "0.1.0"));
        assert!(!is_newer("", "0.1.0"));
        assert!(!is_newer("0.2.0", "garbage"));
    }

    #[test]
    fn an_it_mirror_replaces_the_publishers_endpoint_only_over_https_or_on_loopback() {
        assert_eq!(update_endpoint(" ", SHIPPED).unwrap(), SHIPPED);
        let mirror = "https://mirror.corp.example/desk/latest.json";
        assert_eq!(update_endpoint(mirror, SHIPPED).unwrap(), mirror);
        assert!(update_endpoint("http://127.0.0.1:8080/latest.json", SHIPPED).is_ok());
        for bad in [
            "http://mirror.corp.example/latest.json",
            "ftp://mirror.corp.example/latest.json",
            "https://it:hunter2@mirror.corp.example/latest.json",
            "https://mirror.corp.example/latest.json?token=hunter2",
            "mirror.corp.example/latest.json",
            "file:///etc/passwd",
        ] {
            let e = update_endpoint(bad, SHIPPED).unwrap_err();
            assert_eq!(e.field(), Some("update_url"), "{bad}");
            assert!(
                !e.to_string().contains("hunter2"),
                "the password is never repeated: {e}"
            );
        }
    }

    #[test]
    fn a_package_is_downloaded_only_over_https_or_from_this_machine() {
        assert!(check_download_url("https://github.com/o/r/releases/download/v1/app.deb").is_ok());
        assert!(check_download_url("http://127.0.0.1:8080/app.deb").is_ok());
        for bad in [
            "http://mirror.example/app.deb",
            "ftp://x/app.deb",
            "file:///tmp/app.deb",
        ] {
            assert_eq!(
                check_download_url(bad).unwrap_err().field(),
                Some("update"),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_update_waits_while_this_desk_sends_and_says_what_it_waits_for() {
        assert_eq!(install_blocked(0, 0), None);
        let both = install_blocked(2, 1).unwrap();
        assert!(
            both.contains("2 payouts are being sent") && both.contains("a batch is being sent"),
            "{both}"
        );
        assert!(install_blocked(1, 0).unwrap().contains("Install on quit"));
    }

    #[test]
    fn every_check_and_install_is_audited_with_what_came_of_it() {
        let e = checked(SHIPPED, "0.1.0", Some("0.2.0"), None);
        assert_eq!(
            (e.action, e.outcome.as_str()),
            (AuditAction::UpdateChecked, "ok")
        );
        assert!(e.detail.unwrap().contains("0.2.0"));
        let e = checked(SHIPPED, "0.1.0", None, Some("connection refused"));
        assert_eq!(e.outcome, "failed");
        let e = installed(
            "0.2.0",
            "0.1.0",
            "on quit",
            InstallStep::Refused,
            Some("the signature does not verify"),
        );
        assert_eq!(
            (e.action, e.outcome.as_str()),
            (AuditAction::UpdateInstalled, "refused")
        );
        let e = installed("0.2.0", "0.1.0", "on quit", InstallStep::Scheduled, None);
        assert_eq!(e.outcome, "scheduled", "downloading is not installing");
    }
}

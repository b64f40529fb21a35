//! Where requests go: the named environments and their base URLs.
//!
//! Each environment has a *scope*, a stable string that keys its credentials and every journal
//! record. A sandbox payout is therefore never looked up in production, and the same
//! `external_id` in two environments is two different payouts. Custom hosts (white-label brands,
//! the OKP production host) are part of the scope, so two custom hosts never share records.
//!
//! HTTPS is required everywhere except loopback, where the embedded sandbox runs.

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::l10n::messages::{text, tr};

/// The kinds of environment an operator can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum EnvironmentKind {
    /// The embedded imitation of the provider on 127.0.0.1 (the default).
    Sandbox,
    OkpStaging,
    D24Staging,
    D24Production,
    /// Host entered by the user: the provider does not publish it.
    OkpProduction,
    /// Any HTTPS base URL, e.g. a white-label brand of the same platform.
    Custom,
    /// Any loopback base URL that is not the embedded sandbox: a sandbox served by `cashout
    /// sandbox --port`, or a tunnel to a real provider. Its records are its own (kind, host
    /// and port), never the embedded sandbox's. Offered to the CLI (`--base-url`), not in the
    /// desktop settings.
    Local,
}

/// Which bank-list endpoint the host speaks (the brands differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum BankListFlavor {
    /// `GET /v1/country/{CC}/authorized-banks`
    Okp,
    /// `GET /v3/banks?country={CC}`
    D24,
}

impl EnvironmentKind {
    /// Every kind, in the order shown to operators.
    pub const ALL: [EnvironmentKind; 7] = [
        Self::Sandbox,
        Self::OkpStaging,
        Self::D24Staging,
        Self::D24Production,
        Self::OkpProduction,
        Self::Custom,
        Self::Local,
    ];

    /// The name used by `--env` and in settings.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sandbox => "sandbox",
            Self::OkpStaging => "okp-staging",
            Self::D24Staging => "d24-staging",
            Self::D24Production => "d24-production",
            Self::OkpProduction => "okp-production",
            Self::Custom => "custom",
            Self::Local => "local",
        }
    }

    /// Parses [`EnvironmentKind::name`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The published base URL, for the kinds that have one.
    #[must_use]
    pub const fn fixed_base_url(self) -> Option<&'static str> {
        match self {
            Self::OkpStaging => Some("https://api-stg.onekeypayments.com"),
            Self::D24Staging => Some("https://api-stg.directa24.com"),
            Self::D24Production => Some("https://api.directa24.com"),
            Self::Sandbox | Self::OkpProduction | Self::Custom | Self::Local => None,
        }
    }

    /// Whether real money moves here. Production asks for an extra confirmation.
    #[must_use]
    pub const fn is_production(self) -> bool {
        matches!(
            self,
            Self::D24Production | Self::OkpProduction | Self::Custom
        )
    }

    /// Whether national check-digit rules may be overridden by the operator (sandbox and
    /// staging only: the provider's own samples fail some of them).
    #[must_use]
    pub const fn allows_validation_override(self) -> bool {
        matches!(self, Self::Sandbox | Self::OkpStaging | Self::D24Staging)
    }
}

/// An environment as the settings screen offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EnvironmentChoice {
    pub kind: EnvironmentKind,
    /// How the kind is offered to operators, in the active language (never compared).
    pub label: String,
    /// The operator must enter a host (okp-production) or base URL (custom).
    pub needs_host: bool,
    /// Credentials are stored for it (everything but the sandbox).
    pub takes_credentials: bool,
}

impl EnvironmentKind {
    /// How the kind is offered to operators, in the active language. Only shown (the
    /// settings' choices): what is stored, compared and typed is [`EnvironmentKind::name`].
    #[must_use]
    pub fn label(self) -> String {
        tr(
            match self {
                Self::Sandbox => "d-env-sandbox",
                Self::OkpStaging => "d-env-okp-staging",
                Self::D24Staging => "d-env-d24-staging",
                Self::D24Production => "d-env-d24-production",
                Self::OkpProduction => "d-env-okp-production",
                Self::Custom => "d-env-custom",
                Self::Local => "d-env-local",
            },
            &[],
        )
    }

    /// Every kind as a choice.
    #[must_use]
    pub fn choices() -> Vec<EnvironmentChoice> {
        Self::ALL
            .into_iter()
            .filter(|k| *k != Self::Local)
            .map(|kind| EnvironmentChoice {
                kind,
                label: kind.label(),
                needs_host: matches!(kind, Self::OkpProduction | Self::Custom),
                takes_credentials: kind != Self::Sandbox,
            })
            .collect()
    }
}

/// A resolved environment: a kind and the base URL requests go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Environment {
    pub kind: EnvironmentKind,
    /// Without a trailing slash, e.g. `https://api-stg.directa24.com`.
    pub base_url: String,
}

/// Why a base URL was refused. The words are `details.ftl`'s `d-url-*`: `Display` is the
/// English (for logs), [`UrlProblem::message`] the active language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    NotHttps,
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    NoHost,
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    HasExtras,
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    HostRequired,
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    UnknownEnvironment(String),
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    SandboxNotLoopback,
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    LocalNotLoopback,
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    BadCharacter,
    #[error("{}", self.message_in(crate::l10n::Lang::En))]
    BadPort,
}

impl UrlProblem {
    /// What is wrong, in the active language, for the operator.
    #[must_use]
    pub fn message(&self) -> String {
        self.message_in(crate::l10n::messages::active().lang())
    }

    /// What is wrong, in `lang`.
    #[must_use]
    pub fn message_in(&self, lang: crate::l10n::Lang) -> String {
        let id = match self {
            Self::NotHttps => "d-url-not-https",
            Self::NoHost => "d-url-no-host",
            Self::HasExtras => "d-url-has-extras",
            Self::HostRequired => "d-url-host-required",
            Self::UnknownEnvironment(name) => {
                return text(
                    lang,
                    "d-url-unknown-environment",
                    &[("name", format!("{name:?}").into())],
                )
            }
            Self::SandboxNotLoopback => "d-url-sandbox-not-loopback",
            Self::LocalNotLoopback => "d-url-local-not-loopback",
            Self::BadCharacter => "d-url-bad-character",
            Self::BadPort => "d-url-bad-port",
        };
        text(lang, id, &[])
    }
}

impl Environment {
    /// Resolves a kind. `host` is required for `okp-production` and `custom` (a bare host or an
    /// `https://` URL), and is the embedded sandbox's URL for `sandbox`.
    ///
    /// # Errors
    /// [`UrlProblem`] when the URL is not acceptable.
    pub fn resolve(kind: EnvironmentKind, host: Option<&str>) -> Result<Self, UrlProblem> {
        let base = match (kind.fixed_base_url(), host) {
            (Some(fixed), _) => fixed.to_owned(),
            (None, Some(h)) if !h.trim().is_empty() => {
                let h = h.trim();
                if h.contains("://") {
                    h.to_owned()
                } else {
                    format!("https://{h}")
                }
            }
            (None, _) => return Err(UrlProblem::HostRequired),
        };
        let base_url = check_base_url(&base)?;
        // Sandbox records are kept apart from real ones by scope; a sandbox that is not on this
        // machine would put real payouts under the sandbox's scope.
        if kind == EnvironmentKind::Sandbox && !is_loopback_url(&base_url) {
            return Err(UrlProblem::SandboxNotLoopback);
        }
        if kind == EnvironmentKind::Local && !is_loopback_url(&base_url) {
            return Err(UrlProblem::LocalNotLoopback);
        }
        Ok(Self {
            kind: published_kind(&base_url).unwrap_or(kind),
            base_url,
        })
    }

    /// An environment from a `--base-url`: `local` when it is loopback (never the embedded
    /// sandbox's scope: a loopback port may be another sandbox or a tunnel to a provider),
    /// else `custom`.
    ///
    /// # Errors
    /// [`UrlProblem`] when the URL is not acceptable.
    pub fn from_base_url(url: &str) -> Result<Self, UrlProblem> {
        let base_url = check_base_url(url)?;
        let kind = if is_loopback_url(&base_url) {
            EnvironmentKind::Local
        } else {
            EnvironmentKind::Custom
        };
        Ok(Self {
            kind: published_kind(&base_url).unwrap_or(kind),
            base_url,
        })
    }

    /// The key of this environment's credentials and journal records: the kind's name, and
    /// for kinds whose host is not fixed, the host and any port that is not the scheme's
    /// default (`custom@pay.example.com`, `local@127.0.0.1:4010`). The embedded sandbox is
    /// `sandbox` whatever port it got this time.
    #[must_use]
    pub fn scope(&self) -> String {
        match self.kind {
            EnvironmentKind::OkpProduction | EnvironmentKind::Custom => {
                format!(
                    "{}@{}",
                    self.kind.name(),
                    host_of(&self.base_url).unwrap_or_default()
                )
            }
            // 127.0.0.1, localhost and [::1] name one server here: one scope.
            EnvironmentKind::Local => {
                let authority = host_of(&self.base_url).unwrap_or_default();
                let port = authority
                    .rsplit_once(':')
                    .filter(|(h, p)| !h.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
                    .map(|(_, p)| p);
                let host = hostname_of(authority);
                let host = if matches!(host, "localhost" | "127.0.0.1" | "::1") {
                    "loopback"
                } else {
                    host
                };
                match port {
                    Some(p) => format!("local@{host}:{p}"),
                    None => format!("local@{host}"),
                }
            }
            k => k.name().to_owned(),
        }
    }

    /// The host, for display.
    #[must_use]
    pub fn host(&self) -> &str {
        host_of(&self.base_url).unwrap_or("")
    }

    /// Which bank-list endpoint to use: OKP hosts use OKP's, everything else D24's.
    #[must_use]
    pub fn bank_list_flavor(&self) -> BankListFlavor {
        if self.kind == EnvironmentKind::OkpStaging
            || self.kind == EnvironmentKind::OkpProduction
            || self.host().ends_with("onekeypayments.com")
        {
            BankListFlavor::Okp
        } else {
            BankListFlavor::D24
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.kind.name(), self.host())
    }
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split('/').next()?;
    Some(authority)
}

fn hostname_of(authority: &str) -> &str {
    if let Some(stripped) = authority.strip_prefix('[') {
        return stripped.split(']').next().unwrap_or("");
    }
    authority.rsplit_once(':').map_or(authority, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            authority
        }
    })
}

/// The kind whose published base URL this is: a custom or OKP-production host that is in fact
/// D24's production or a staging host is that environment (one scope, one set of credentials,
/// one duplicate guard per provider, however its URL was given).
fn published_kind(base_url: &str) -> Option<EnvironmentKind> {
    EnvironmentKind::ALL
        .into_iter()
        .find(|k| k.fixed_base_url() == Some(base_url))
}

/// Whether the URL points at this machine (127.0.0.0/8, ::1, localhost).
#[must_use]
pub fn is_loopback_url(url: &str) -> bool {
    let Some(authority) = host_of(url) else {
        return false;
    };
    let host = hostname_of(authority);
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Normalises a base URL and enforces HTTPS except for loopback.
///
/// # Errors
/// [`UrlProblem`] when the URL is not acceptable.
pub fn check_base_url(url: &str) -> Result<String, UrlProblem> {
    let url = url.trim().trim_end_matches('/');
    let (scheme, rest) = url.split_once("://").ok_or(UrlProblem::NotHttps)?;
    if rest.is_empty() {
        return Err(UrlProblem::NoHost);
    }
    if rest.contains(['/', '?', '#', '@']) {
        return Err(UrlProblem::HasExtras);
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => {}
        "http" if is_loopback_url(url) => {}
        _ => return Err(UrlProblem::NotHttps),
    }
    if hostname_of(rest).is_empty() {
        return Err(UrlProblem::NoHost);
    }
    let scheme = scheme.to_ascii_lowercase();
    let authority = check_authority(rest)?;
    // The scheme's own port says nothing: one spelling keeps one scope.
    let authority = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("https", Some((host, "443"))) | ("http", Some((host, "80"))) if !host.ends_with(':') => {
            host.to_owned()
        }
        _ => authority,
    };
    Ok(format!("{scheme}://{authority}"))
}

/// The authority (`host[:port]`) lower-cased, or why it cannot be one: spaces, control
/// characters and anything a host name or address cannot hold are refused here, when the URL
/// is given or saved, so a request can always be built from it.
fn check_authority(rest: &str) -> Result<String, UrlProblem> {
    let rest = rest.to_ascii_lowercase();
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let (addr, after) = v6.split_once(']').ok_or(UrlProblem::BadCharacter)?;
        if addr.parse::<std::net::Ipv6Addr>().is_err() {
            return Err(UrlProblem::BadCharacter);
        }
        (None, after.strip_prefix(':').map(str::to_owned))
    } else {
        match rest.rsplit_once(':') {
            Some((h, p)) => (Some(h.to_owned()), Some(p.to_owned())),
            None => (Some(rest.clone()), None),
        }
    };
    if let Some(host) = host {
        let ok = |label: &str| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        if host.len() > 253 || !host.split('.').all(ok) {
            return Err(UrlProblem::BadCharacter);
        }
    }
    if let Some(port) = port {
        match port.parse::<u16>() {
            Ok(p) if p > 0 && port.chars().all(|c| c.is_ascii_digit()) => {}
            _ => return Err(UrlProblem::BadPort),
        }
    }
    Ok(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_refused_except_on_loopback() {
        assert_eq!(
            check_base_url("http://api.directa24.com"),
            Err(UrlProblem::NotHttps)
        );
        assert_eq!(
            check_base_url("http://10.0.0.1:8080"),
            Err(UrlProblem::NotHttps)
        );
        assert_eq!(
            check_base_url("http://localhost.evil.com"),
            Err(UrlProblem::NotHttps)
        );
        assert!(check_base_url("http://127.0.0.1:4010").is_ok());
        assert!(check_base_url("http://127.9.9.9:4010").is_ok());
        assert!(check_base_url("http://[::1]:4010").is_ok());
        assert!(check_base_url("http://localhost:4010/").is_ok());
        assert_eq!(
            check_base_url("https://pay.example.com/").as_deref(),
            Ok("https://pay.example.com")
        );
        assert_eq!(
            check_base_url("https://a.example/v3"),
            Err(UrlProblem::HasExtras)
        );
        assert_eq!(
            check_base_url("https://user@a.example"),
            Err(UrlProblem::HasExtras)
        );
    }

    #[test]
    fn scopes_keep_environments_and_custom_hosts_apart() {
        let stg = Environment::resolve(EnvironmentKind::D24Staging, None).expect("fixed");
        let prod = Environment::resolve(EnvironmentKind::D24Production, None).expect("fixed");
        assert_ne!(stg.scope(), prod.scope());
        let a = Environment::resolve(EnvironmentKind::Custom, Some("pay.a.example")).expect("a");
        let b = Environment::resolve(EnvironmentKind::Custom, Some("https://pay.b.example"))
            .expect("b");
        assert_eq!(a.base_url, "https://pay.a.example");
        assert_ne!(a.scope(), b.scope());
        assert_eq!(
            Environment::resolve(EnvironmentKind::OkpProduction, None),
            Err(UrlProblem::HostRequired)
        );
        assert_eq!(
            Environment::resolve(EnvironmentKind::Custom, Some("http://pay.example")),
            Err(UrlProblem::NotHttps)
        );
    }

    #[test]
    fn sandbox_kind_is_refused_off_loopback_and_hosts_are_case_folded() {
        assert_eq!(
            Environment::resolve(EnvironmentKind::Sandbox, Some("https://api.directa24.com")),
            Err(UrlProblem::SandboxNotLoopback)
        );
        assert!(Environment::resolve(EnvironmentKind::Sandbox, Some("http://127.0.0.1:9")).is_ok());
        let a = Environment::resolve(EnvironmentKind::Custom, Some("Pay.Example.com")).expect("a");
        let b = Environment::resolve(EnvironmentKind::Custom, Some("pay.example.com")).expect("b");
        assert_eq!(a.scope(), b.scope());
    }

    #[test]
    fn a_loopback_base_url_is_its_own_scope_never_the_embedded_sandbox() {
        let a = Environment::from_base_url("http://127.0.0.1:4010").expect("loopback");
        let b = Environment::from_base_url("http://127.0.0.1:4011").expect("loopback");
        let sandbox = Environment::resolve(EnvironmentKind::Sandbox, Some("http://127.0.0.1:4010"))
            .expect("embedded");
        assert_eq!(a.kind, EnvironmentKind::Local);
        assert_eq!(a.scope(), "local@loopback:4010");
        for same in ["http://localhost:4010", "http://[::1]:4010"] {
            assert_eq!(
                Environment::from_base_url(same).expect("loopback").scope(),
                a.scope()
            );
        }
        assert_ne!(a.scope(), b.scope());
        assert_eq!(sandbox.scope(), "sandbox");
        assert!(!EnvironmentKind::Local.is_production());
        assert!(!EnvironmentKind::Local.allows_validation_override());
        assert_eq!(
            Environment::resolve(EnvironmentKind::Local, Some("https://pay.example")),
            Err(UrlProblem::LocalNotLoopback)
        );
        assert!(!EnvironmentKind::choices()
            .iter()
            .any(|c| c.kind == EnvironmentKind::Local));
    }

    #[test]
    fn a_published_host_given_as_a_url_is_that_environment() {
        for url in [
            "https://api.directa24.com",
            "api.directa24.com",
            "https://API.directa24.com/",
        ] {
            let by_url = Environment::from_base_url(&format!(
                "{}{url}",
                if url.contains("://") { "" } else { "https://" }
            ))
            .expect("url");
            assert_eq!(by_url.kind, EnvironmentKind::D24Production, "{url}");
            let custom = Environment::resolve(EnvironmentKind::Custom, Some(url)).expect("custom");
            assert_eq!(custom.scope(), "d24-production", "{url}");
            let okp = Environment::resolve(EnvironmentKind::OkpProduction, Some(url)).expect("okp");
            assert_eq!(okp.scope(), "d24-production", "{url}");
        }
    }

    #[test]
    fn scopes_name_the_port_unless_it_is_the_schemes_own() {
        let a = Environment::resolve(EnvironmentKind::Custom, Some("https://pay.example:8443"))
            .expect("a");
        let b = Environment::resolve(EnvironmentKind::Custom, Some("https://pay.example:443"))
            .expect("b");
        let c = Environment::resolve(EnvironmentKind::Custom, Some("pay.example")).expect("c");
        assert_eq!(a.scope(), "custom@pay.example:8443");
        assert_eq!(b.scope(), c.scope());
        assert_eq!(c.scope(), "custom@pay.example");
    }

    #[test]
    fn urls_no_request_could_be_built_from_are_refused_when_given() {
        for bad in [
            "https://pay example.com",
            "https://pay.exa\tmple.com",
            "https://pay..example.com",
            "https://pay.exa\u{0}mple.com",
            "https://pay.example.com:0",
            "https://pay.example.com:99999",
            "https://pay.example.com:8a",
            "https://[::zz]:1",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            check_base_url("https://pay example.com"),
            Err(UrlProblem::BadCharacter)
        );
        assert!(check_base_url("http://[::1]:4010").is_ok());
        assert!(check_base_url("https://api-stg.directa24.com").is_ok());
    }

    #[test]
    fn bank_list_flavor_follows_the_brand() {
        let okp = Environment::resolve(EnvironmentKind::OkpStaging, None).expect("okp");
        assert_eq!(okp.bank_list_flavor(), BankListFlavor::Okp);
        let d24 = Environment::resolve(EnvironmentKind::D24Staging, None).expect("d24");
        assert_eq!(d24.bank_list_flavor(), BankListFlavor::D24);
    }

    #[test]
    fn only_sandbox_and_staging_allow_overrides() {
        assert!(EnvironmentKind::Sandbox.allows_validation_override());
        assert!(EnvironmentKind::D24Staging.allows_validation_override());
        assert!(!EnvironmentKind::D24Production.allows_validation_override());
        assert!(!EnvironmentKind::Custom.allows_validation_override());
    }
}

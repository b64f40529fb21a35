//! Where the team journal is and how a desk reaches it: the connection profile kept in the
//! settings (host, port, database, the operator's login role, an optional CA file), and the TLS
//! it is reached over.
//!
//! Guarantees:
//! - Every host other than loopback is reached over TLS with the server's certificate verified
//!   and its name checked (PostgreSQL's `verify-full`): against the team's CA file when the
//!   profile names one, else against the operating system's trust store. There is no setting
//!   that turns verification off.
//! - Plain TCP only to a loopback address (`localhost`, `127.0.0.0/8`, `::1`), and only when no
//!   CA file is named; naming one asks for TLS on loopback too.
//! - The password is not part of the profile: it lives in the OS keychain and is handed to
//!   [`TeamProfile::pg_config`] for the connection only.
//!
//! Leaves out: client certificates (a file path and OS protections, should a team need them).

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tokio_postgres::config::SslMode;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::credentials::Secret;
use crate::error::{Error, Result};
use crate::l10n::messages::tr;

/// The settings of one team journal. Stored in the settings; holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(default)]
pub struct TeamProfile {
    /// DNS name or IP address of the PostgreSQL server.
    pub host: String,
    pub port: u16,
    /// The database holding the team journal (one team journal per database).
    pub database: String,
    /// The operator's own PostgreSQL login role: the name every audit entry carries.
    pub user: String,
    /// A PEM file of the CA that signed the server's certificate, when it is not one the
    /// operating system trusts.
    #[ts(type = "string | null")]
    pub ca_file: Option<PathBuf>,
}

impl Default for TeamProfile {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: 5432,
            database: "cashout".into(),
            user: String::new(),
            ca_file: None,
        }
    }
}

impl TeamProfile {
    /// Where the keychain keeps this profile's password: one entry per login, server and
    /// database.
    #[must_use]
    pub fn keychain_scope(&self) -> String {
        format!(
            "team.{}@{}:{}/{}",
            self.user, self.host, self.port, self.database
        )
    }

    /// Whether the host is this machine (the only place plain TCP may go).
    #[must_use]
    pub fn is_loopback(&self) -> bool {
        let host = self.host.trim_start_matches('[').trim_end_matches(']');
        host.eq_ignore_ascii_case("localhost")
            || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
    }

    /// Whether a connection with this profile uses TLS.
    #[must_use]
    pub fn uses_tls(&self) -> bool {
        !self.is_loopback() || self.ca_file.is_some()
    }

    /// Checks the profile field by field before anything connects.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the field.
    pub fn check(&self) -> Result<()> {
        let invalid = |field, message: String| Err(Error::InvalidInput { field, message });
        if self.host.trim().is_empty() {
            return invalid("host", tr("d-team-host-required", &[]));
        }
        if self.host.chars().any(|c| c.is_whitespace() || c == '/') {
            return invalid("host", tr("d-team-host-invalid", &[]));
        }
        if self.port == 0 {
            return invalid("port", tr("d-team-port-range", &[]));
        }
        if self.database.trim().is_empty() {
            return invalid("database", tr("d-team-database-required", &[]));
        }
        if let Err(message) = check_role_name(&self.user) {
            return invalid("user", message);
        }
        if let Some(ca) = &self.ca_file {
            if !ca.is_file() {
                return invalid(
                    "ca_file",
                    tr(
                        "d-team-ca-missing",
                        &[("path", ca.display().to_string().into())],
                    ),
                );
            }
        }
        Ok(())
    }

    /// The connection settings (with the password from the keychain) and the TLS to use.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a bad profile or an unreadable CA file.
    pub fn pg_config(
        &self,
        password: &Secret,
    ) -> Result<(tokio_postgres::Config, MakeRustlsConnect)> {
        self.check()?;
        let mut config = tokio_postgres::Config::new();
        config
            .host(self.host.trim_start_matches('[').trim_end_matches(']'))
            .port(self.port)
            .dbname(&self.database)
            .user(&self.user)
            .password(password.expose())
            .application_name("cashout-desk")
            // Every session: names resolve to PostgreSQL's own functions first, whatever a role
            // created elsewhere (a function named like a built-in in `public` is never called);
            // an intent is on disk when its commit returns, whatever the server's default; a
            // lock held by a stalled transaction fails a write after 10 s instead of freezing
            // every desk, and a transaction left open is ended by the server.
            .options(SESSION_OPTIONS)
            .connect_timeout(std::time::Duration::from_secs(10))
            .keepalives_idle(std::time::Duration::from_secs(30))
            .ssl_mode(if self.uses_tls() {
                SslMode::Require
            } else {
                SslMode::Disable
            });
        Ok((config, self.tls()?))
    }

    /// rustls verifying the server's certificate chain and name: the CA file's roots, else the
    /// operating system's verifier.
    fn tls(&self) -> Result<MakeRustlsConnect> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(tls_error)?;
        let config = match &self.ca_file {
            Some(path) => {
                use rustls::pki_types::{pem::PemObject, CertificateDer};
                let bad = |e: String| Error::InvalidInput {
                    field: "ca_file",
                    message: tr(
                        "d-team-ca-not-pem",
                        &[
                            ("path", path.display().to_string().into()),
                            ("detail", e.into()),
                        ],
                    ),
                };
                let mut roots = rustls::RootCertStore::empty();
                let certs = CertificateDer::pem_file_iter(path)
                    .map_err(|e| bad(e.to_string()))?
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .map_err(|e| bad(e.to_string()))?;
                if certs.is_empty() {
                    return Err(bad(tr("d-team-ca-no-certificate", &[])));
                }
                for cert in certs {
                    roots.add(cert).map_err(|e| bad(e.to_string()))?;
                }
                builder.with_root_certificates(roots).with_no_client_auth()
            }
            None => {
                use rustls_platform_verifier::BuilderVerifierExt;
                builder
                    .with_platform_verifier()
                    .map_err(tls_error)?
                    .with_no_client_auth()
            }
        };
        Ok(MakeRustlsConnect::new(config))
    }
}

fn tls_error(e: rustls::Error) -> Error {
    Error::TeamJournal(tr("d-pg-tls", &[("detail", e.to_string().into())]))
}

/// The settings of every session a desk opens (see [`TeamProfile::pg_config`]).
pub const SESSION_OPTIONS: &str = "-c search_path=pg_catalog -c synchronous_commit=on \
     -c lock_timeout=10s -c idle_in_transaction_session_timeout=60s";

/// An operator's login role: lowercase letters, digits and `_`, starting with a letter, at most
/// 63 bytes (PostgreSQL's limit), and not one of the reserved prefixes (`pg_`, `cashout_`).
///
/// # Errors
/// The reason, for a field-level message (in the active language).
pub fn check_role_name(name: &str) -> std::result::Result<(), String> {
    if name.is_empty() {
        return Err(tr("d-role-required", &[]));
    }
    if name.len() > 63 {
        return Err(tr("d-role-too-long", &[]));
    }
    let mut chars = name.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_lowercase())
        || !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(tr("d-role-characters", &[]));
    }
    if name.starts_with("pg_") || name.starts_with("cashout_") {
        return Err(tr("d-role-reserved", &[]));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod tests {
    use super::*;

    fn profile(host: &str) -> TeamProfile {
        TeamProfile {
            host: host.into(),
            user: "ana".into(),
            ..TeamProfile::default()
        }
    }

    #[test]
    fn only_loopback_hosts_without_a_ca_file_go_without_tls() {
        for host in [
            "localhost",
            "127.0.0.1",
            "127.8.9.1",
            "::1",
            "[::1]",
            "LOCALHOST",
        ] {
            assert!(!profile(host).uses_tls(), "{host}");
        }
        for host in [
            "db.example.com",
            "10.0.0.5",
            "localhost.example.com",
            "0.0.0.0",
            "::",
        ] {
            assert!(profile(host).uses_tls(), "{host}");
        }
        let mut with_ca = profile("localhost");
        with_ca.ca_file = Some("/etc/hosts".into());
        assert!(with_ca.uses_tls());
    }

    #[test]
    fn a_profile_is_checked_field_by_field() {
        let field = |p: TeamProfile| match p.check() {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(profile(" ")), "host");
        assert_eq!(field(profile("db/x")), "host");
        assert_eq!(
            field(TeamProfile {
                port: 0,
                ..profile("db")
            }),
            "port"
        );
        assert_eq!(
            field(TeamProfile {
                database: String::new(),
                ..profile("db")
            }),
            "database"
        );
        assert_eq!(
            field(TeamProfile {
                user: "Ana".into(),
                ..profile("db")
            }),
            "user"
        );
        assert_eq!(
            field(TeamProfile {
                ca_file: Some("/no/such.pem".into()),
                ..profile("db")
            }),
            "ca_file"
        );
        profile("db.example.com").check().unwrap();
    }

    #[test]
    fn a_ca_file_that_holds_no_certificate_is_refused_at_its_field() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, "not a certificate").unwrap();
        let p = TeamProfile {
            ca_file: Some(path),
            ..profile("db.example.com")
        };
        match p.pg_config(&Secret::new("pw".into())) {
            Err(Error::InvalidInput {
                field: "ca_file", ..
            }) => {}
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("accepted"),
        }
    }

    #[test]
    fn role_names_are_plain_lowercase_identifiers() {
        for good in ["ana", "ana_souza", "op2"] {
            check_role_name(good).unwrap();
        }
        for bad in [
            "",
            "Ana",
            "2ana",
            "ana-souza",
            "ana souza",
            "pg_ana",
            "cashout_owner",
            "ana;drop",
        ] {
            assert!(check_role_name(bad).is_err(), "{bad}");
        }
        assert!(check_role_name(&"a".repeat(64)).is_err());
    }
}

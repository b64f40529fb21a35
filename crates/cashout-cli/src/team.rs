//! `cashout team …` and `--team PROFILE`: the team journal from the command line.
//!
//! The profile is a JSON file (no secret in it); the password comes from
//! `CASHOUT_TEAM_PASSWORD`, never from an argument (it would show in `ps` and shell history);
//! a new operator's password is read from stdin.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use cashout_core::clock::SystemClock;
use cashout_core::credentials::Secret;
use cashout_core::error::Error;
use cashout_core::journal::postgres::{admin, migrate, PgStore, TeamProfile, SCHEMA_VERSION};
use cashout_core::journal::{Journal, JournalStore};
use cashout_core::l10n::messages::tr;
use serde_json::json;

use crate::args::{Cli, TeamCommand};
use crate::run::print_success;

/// The variable holding the team journal's password for the CLI.
pub const PASSWORD_VAR: &str = "CASHOUT_TEAM_PASSWORD";

/// The profile in `path` and the password from [`PASSWORD_VAR`].
pub fn team_profile(path: &Path) -> Result<(TeamProfile, Secret), Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::InvalidInput {
        field: "team",
        message: tr(
            "p-cli-team-profile-unreadable",
            &[
                ("file", path.display().to_string().into()),
                ("detail", e.to_string().into()),
            ],
        ),
    })?;
    let profile: TeamProfile = serde_json::from_str(&text).map_err(|e| Error::InvalidInput {
        field: "team",
        message: tr(
            "p-cli-not-a-team-profile",
            &[
                ("file", path.display().to_string().into()),
                ("detail", e.to_string().into()),
            ],
        ),
    })?;
    profile.check()?;
    let password = std::env::var(PASSWORD_VAR)
        .ok()
        .filter(|p| !p.is_empty())
        .ok_or_else(|| Error::InvalidInput {
            field: "password",
            message: tr(
                "p-cli-team-password-variable",
                &[
                    ("variable", PASSWORD_VAR.into()),
                    ("user", profile.user.clone().into()),
                ],
            ),
        })?;
    Ok((profile, Secret::new(password)))
}

/// Runs `cashout team …`.
pub async fn command(cli: &Cli, action: &TeamCommand) -> Result<ExitCode, Error> {
    let path = cli.team.as_deref().ok_or_else(|| Error::InvalidInput {
        field: "team",
        message: tr("p-cli-give-team", &[]),
    })?;
    let (profile, password) = team_profile(path)?;
    match action {
        TeamCommand::Init | TeamCommand::Migrate => {
            let mut client = admin::connect(&profile, &password).await?;
            let report = migrate::migrate(&mut client).await?;
            Ok(print_success(&json!({
                "schema_version": report.to,
                "was": report.from,
                "applied": report.applied,
            })))
        }
        TeamCommand::AddOperator {
            name,
            approver,
            admin: administrator,
        } => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Error::InvalidInput {
                    field: "password",
                    message: tr(
                        "p-cli-operator-password-unreadable",
                        &[("detail", e.to_string().into())],
                    ),
                })?;
            let new_password = Secret::new(text.trim_end_matches(['\r', '\n']).to_owned());
            let client = admin::connect(&profile, &password).await?;
            admin::add_operator(&client, name, &new_password).await?;
            let groups = admin::grant_groups(&client, name, *approver, *administrator).await?;
            Ok(print_success(
                &json!({ "operator": name, "groups": groups }),
            ))
        }
        TeamCommand::ImportLocal => {
            let team = Journal::open_team(&profile, &password, Arc::new(SystemClock)).await?;
            let dir = cashout_core::datadir::data_dir()
                .map(|(d, _)| d)
                .ok_or_else(|| Error::Journal(tr("p-no-data-dir", &[])))?;
            let path = dir.join(cashout_core::datadir::JOURNAL_FILE);
            if !path.exists() {
                return Err(Error::InvalidInput {
                    field: "journal",
                    message: tr(
                        "p-cli-no-local-journal",
                        &[("file", path.display().to_string().into())],
                    ),
                });
            }
            let local = Journal::open(&path, Arc::new(SystemClock))?;
            let report =
                cashout_core::journal::copy::copy_payouts(&local, &team, "journal").await?;
            Ok(print_success(&report))
        }
        TeamCommand::Status => {
            let store = PgStore::connect(&profile, &password, Arc::new(SystemClock)).await?;
            let verdict = store.verify_audit()?;
            Ok(print_success(&json!({
                "journal": store.describe(),
                "signed_in_as": store.actor(),
                "schema_version": SCHEMA_VERSION,
                "tls": store.connection_uses_tls().await?,
                "audit": verdict,
            })))
        }
    }
}

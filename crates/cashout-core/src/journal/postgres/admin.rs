//! What the team's administrator does to the team journal beside migrations: a connection of
//! their own (for [`super::migrate::migrate`]), adding an operator's login role, and putting
//! it in the approvers' or administrators' group.
//!
//! Guarantees: the password reaches the server only as a SCRAM-SHA-256 verifier computed here
//! (as `psql`'s `\password` does), so it never appears in the server's statement log; the role
//! name is checked ([`super::profile::check_role_name`]) before it is quoted into SQL.

use postgres_protocol::escape::{escape_identifier, escape_literal};
use tokio_postgres::Client;

use super::{pg_error, TeamProfile};
use crate::credentials::Secret;
use crate::error::{Error, Result};
use crate::l10n::messages::tr;

/// Creates the login role `name` in the operators' group, with `password`, or — when the role
/// exists — sets its password and makes it an operator.
///
/// # Errors
/// [`Error::InvalidInput`] (field `user`) for a bad name or an empty password;
/// [`Error::TeamJournal`] when the administrator's role may not create roles.
pub async fn add_operator(client: &Client, name: &str, password: &Secret) -> Result<()> {
    super::profile::check_role_name(name).map_err(|message| Error::InvalidInput {
        field: "user",
        message,
    })?;
    if password.expose().chars().count() < 12 {
        return Err(Error::InvalidInput {
            field: "password",
            message: tr("d-operator-password-short", &[]),
        });
    }
    let verifier = postgres_protocol::password::scram_sha_256(password.expose().as_bytes());
    let (role, secret) = (escape_identifier(name), escape_literal(&verifier));
    // An existing role becomes an operator only if it is nothing more: a superuser's or an
    // administrator's password is never reset this way, nor their rights carried into a desk.
    let existing: Option<bool> = client
        .query_opt(
            "SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolbypassrls
                 OR pg_catalog.pg_has_role(r.oid, 'cashout_owner', 'MEMBER')
                 OR pg_catalog.pg_has_role(r.oid, 'cashout_admin', 'MEMBER')
             FROM pg_catalog.pg_roles r WHERE r.rolname = $1",
            &[&name],
        )
        .await
        .map_err(pg_error)?
        .map(|r| r.get(0));
    if existing == Some(true) {
        return Err(Error::InvalidInput {
            field: "user",
            message: tr("d-operator-is-admin", &[("name", name.into())]),
        });
    }
    // A transaction an operator leaves open (psql) must not hold the audit chain's head.
    let grant = if existing.is_some() {
        format!("ALTER ROLE {role} LOGIN PASSWORD {secret}; GRANT cashout_operator TO {role};")
    } else {
        format!("CREATE ROLE {role} LOGIN PASSWORD {secret} IN ROLE cashout_operator;")
    };
    let sql = format!(
        "{grant}
         ALTER ROLE {role} SET idle_in_transaction_session_timeout = '60s';
         ALTER ROLE {role} SET search_path = pg_catalog;"
    );
    client.batch_execute(&sql).await.map_err(pg_error)
}

/// Puts operator `name` in the approvers' group (`approver`) and the team administrators'
/// (`admin`); answers every group the role is in now, operators' first. Nothing is taken away.
///
/// # Errors
/// [`Error::InvalidInput`] (field `user`) for a bad name; [`Error::TeamJournal`] when the
/// administrator's role may not grant the groups.
pub async fn grant_groups(
    client: &Client,
    name: &str,
    approver: bool,
    admin: bool,
) -> Result<Vec<String>> {
    super::profile::check_role_name(name).map_err(|message| Error::InvalidInput {
        field: "user",
        message,
    })?;
    let role = escape_identifier(name);
    for (wanted, group) in [(approver, "cashout_approver"), (admin, "cashout_admin")] {
        if wanted {
            client
                .batch_execute(&format!("GRANT {group} TO {role}"))
                .await
                .map_err(pg_error)?;
        }
    }
    let rows = client
        .query(
            "SELECT g FROM unnest(ARRAY['cashout_operator', 'cashout_approver', 'cashout_admin']) g
             WHERE pg_catalog.pg_has_role($1, g, 'MEMBER')",
            &[&name],
        )
        .await
        .map_err(pg_error)?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// One connection as `profile`'s role (the administrator's), over the TLS the profile says,
/// driven on the caller's runtime.
///
/// # Errors
/// [`Error::InvalidInput`] for a bad profile; [`Error::TeamJournal`] when the server cannot be
/// reached or refuses the sign-in.
pub async fn connect(profile: &TeamProfile, password: &Secret) -> Result<Client> {
    let (config, tls) = profile.pg_config(password)?;
    let (client, connection) = config.connect(tls).await.map_err(pg_error)?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(client)
}

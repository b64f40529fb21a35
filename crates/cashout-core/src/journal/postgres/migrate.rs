//! The team journal's schema: the group roles, the `cashout` schema and its versioned
//! migrations, applied by the team's administrator (`cashout team init` / `migrate`), checked by
//! every desk that connects.
//!
//! Guarantees:
//! - A run is one transaction that first takes a transaction-scoped advisory lock, so two
//!   administrators (or two desks' installers) starting at once apply each migration once; the
//!   lock also holds behind a transaction-pooling proxy, unlike a session lock.
//! - Each applied migration is recorded with a checksum of its SQL and the role that applied
//!   it; a recorded migration whose SQL no longer matches this program's is refused, never
//!   re-run.
//! - A database whose schema is newer than this program is refused (by the runner and by
//!   every desk), so a desk that missed an update never writes with an old schema.
//! - Objects belong to the NOLOGIN role `cashout_owner`: the migrations run under
//!   `SET LOCAL ROLE cashout_owner`, never as an operator.
//!
//! Leaves out: down-migrations (a payout journal is only ever moved forward).

use sha2::{Digest, Sha256};
use tokio_postgres::Client;

use super::pg_error;
use crate::error::{Error, Result};

/// The schema version this program writes.
pub const SCHEMA_VERSION: i32 = 12;

/// The advisory lock key of a migration run ("cashout" in ASCII).
const MIGRATION_LOCK: i64 = 0x0063_6173_686f_7574;

/// The group roles (server-wide; see the file).
const ROLES: &str = include_str!("../../../sql/team/roles.sql");

/// Every migration, in order: version, name, SQL.
const MIGRATIONS: &[(i32, &str, &str)] = &[
    (
        1,
        "audit_chain",
        include_str!("../../../sql/team/0001_audit_chain.sql"),
    ),
    (
        2,
        "payouts",
        include_str!("../../../sql/team/0002_payouts.sql"),
    ),
    (
        3,
        "list_indexes",
        include_str!("../../../sql/team/0003_list_indexes.sql"),
    ),
    (
        4,
        "poll_claims",
        include_str!("../../../sql/team/0004_poll_claims.sql"),
    ),
    (
        5,
        "row_guards",
        include_str!("../../../sql/team/0005_row_guards.sql"),
    ),
    (
        6,
        "rate_slots",
        include_str!("../../../sql/team/0006_rate_slots.sql"),
    ),
    (
        7,
        "approvals",
        include_str!("../../../sql/team/0007_approvals.sql"),
    ),
    (
        8,
        "list_keys",
        include_str!("../../../sql/team/0008_list_keys.sql"),
    ),
    (
        9,
        "list_key_indexes",
        include_str!("../../../sql/team/0009_list_key_indexes.sql"),
    ),
    (
        10,
        "beneficiaries",
        include_str!("../../../sql/team/0010_beneficiaries.sql"),
    ),
    (
        11,
        "batches",
        include_str!("../../../sql/team/0011_batches.sql"),
    ),
    (
        12,
        "queued_approvals",
        include_str!("../../../sql/team/0012_queued_approvals.sql"),
    ),
];

/// What a run did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MigrationReport {
    /// The version before the run (0: a database without the team journal).
    pub from: i32,
    /// The version after it.
    pub to: i32,
    /// The versions this run applied (empty when the schema was current).
    pub applied: Vec<i32>,
}

/// Creates the group roles if needed and brings the schema to [`SCHEMA_VERSION`]. Run by a
/// role that may create roles and owns (or is a superuser on) the database.
///
/// # Errors
/// [`Error::TeamSchema`] for a newer schema; [`Error::TeamJournal`] for a migration whose SQL
/// changed since it was applied, or any database error (the transaction is rolled back).
pub async fn migrate(client: &mut Client) -> Result<MigrationReport> {
    migrate_through(client, SCHEMA_VERSION).await
}

/// As [`migrate`], applying migrations up to version `last` only: how the tests build a
/// database of an earlier version to prove an upgrade keeps what it holds. A desk refuses a
/// database left below [`SCHEMA_VERSION`].
///
/// # Errors
/// As [`migrate`].
pub async fn migrate_through(client: &mut Client, last: i32) -> Result<MigrationReport> {
    let tx = client.transaction().await.map_err(pg_error)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await
        .map_err(pg_error)?;
    // A migration may wait on another administrator's (and build indexes) for longer than a
    // desk's writes may wait.
    tx.batch_execute("SET LOCAL lock_timeout = 0")
        .await
        .map_err(pg_error)?;
    tx.batch_execute(ROLES).await.map_err(pg_error)?;
    tx.batch_execute(
        "DO $grant$ BEGIN
            EXECUTE format('GRANT CREATE, CONNECT ON DATABASE %I TO cashout_owner', current_database());
         END $grant$;
         GRANT cashout_owner TO CURRENT_USER;
         -- Nobody may put functions or tables in `public` that a session could pick up by
         -- name (PostgreSQL 15 has it so; older servers let everyone create there).
         DO $public$ BEGIN
             REVOKE CREATE ON SCHEMA public FROM PUBLIC;
         EXCEPTION WHEN insufficient_privilege OR invalid_schema_name THEN NULL;
         END $public$;
         SET LOCAL ROLE cashout_owner;
         CREATE SCHEMA IF NOT EXISTS cashout;
         CREATE TABLE IF NOT EXISTS cashout.schema_migrations (
             version int PRIMARY KEY,
             name text NOT NULL,
             checksum text NOT NULL,
             applied_at timestamptz NOT NULL DEFAULT now(),
             applied_by text NOT NULL DEFAULT session_user
         );",
    )
    .await
    .map_err(pg_error)?;
    let rows = tx
        .query(
            "SELECT version, checksum FROM cashout.schema_migrations ORDER BY version",
            &[],
        )
        .await
        .map_err(pg_error)?;
    let applied: Vec<(i32, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let from = applied.last().map_or(0, |(v, _)| *v);
    if from > SCHEMA_VERSION {
        return Err(Error::TeamSchema {
            found: from,
            expected: SCHEMA_VERSION,
        });
    }
    for (version, checksum) in &applied {
        let ours = MIGRATIONS.iter().find(|(v, _, _)| v == version);
        if ours.is_none_or(|(_, _, sql)| &checksum_of(sql) != checksum) {
            return Err(Error::TeamJournal(format!(
                "migration {version} recorded in the database differs from this program's; \
                 nothing was changed (restore the recorded schema or ask the developers)"
            )));
        }
    }
    let mut done = Vec::new();
    for (version, name, sql) in MIGRATIONS
        .iter()
        .filter(|(v, _, _)| *v > from && *v <= last)
    {
        tx.batch_execute(sql).await.map_err(|e| {
            Error::TeamJournal(format!(
                "migration {version} ({name}) failed: {}",
                describe(&e)
            ))
        })?;
        if *version == 8 {
            fill_list_keys(&tx).await?;
        }
        tx.execute(
            "INSERT INTO cashout.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
            &[version, name, &checksum_of(sql)],
        )
        .await
        .map_err(pg_error)?;
        done.push(*version);
    }
    tx.commit().await.map_err(pg_error)?;
    Ok(MigrationReport {
        from,
        to: done.last().copied().unwrap_or(from),
        applied: done,
    })
}

/// Version 8's keys for every payout already in the journal (see `0008_list_keys.sql`),
/// computed by [`crate::journal::keys`], a page of ids at a time, with the triggers that stamp
/// the last writer and announce changes off (nothing a desk shows changes).
async fn fill_list_keys(tx: &tokio_postgres::Transaction<'_>) -> Result<()> {
    use crate::journal::keys;
    const PAGE: i64 = 5000;
    tx.batch_execute(
        "ALTER TABLE cashout.payouts DISABLE TRIGGER payouts_writer;
         ALTER TABLE cashout.payouts DISABLE TRIGGER payouts_announce;",
    )
    .await
    .map_err(pg_error)?;
    let mut after = 0_i64;
    loop {
        let rows = tx
            .query(
                "SELECT id, external_id, beneficiary, request_json, currency, amount
                 FROM cashout.payouts WHERE id > $1 ORDER BY id LIMIT $2",
                &[&after, &PAGE],
            )
            .await
            .map_err(pg_error)?;
        let Some(last) = rows.last() else { break };
        after = last.get(0);
        let (mut ids, mut search, mut amount, mut name) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for row in &rows {
            let beneficiary: Option<String> = row.get(2);
            let request = row
                .get::<_, Option<String>>(3)
                .and_then(|j| serde_json::from_str(&j).ok());
            ids.push(row.get::<_, i64>(0));
            search.push(keys::search_text(
                row.get::<_, Option<String>>(1).as_deref(),
                beneficiary.as_deref(),
                request.as_ref(),
            ));
            amount.push(keys::amount_key(
                row.get::<_, Option<String>>(4).as_deref(),
                row.get::<_, Option<String>>(5).as_deref(),
            ));
            name.push(keys::name_key(beneficiary.as_deref()));
        }
        tx.execute(
            "UPDATE cashout.payouts p SET search_text = k.s, amount_key = k.a, name_key = k.n
             FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS k (id, s, a, n)
             WHERE p.id = k.id",
            &[&ids, &search, &amount, &name],
        )
        .await
        .map_err(pg_error)?;
    }
    tx.batch_execute(
        "ALTER TABLE cashout.payouts ENABLE TRIGGER payouts_writer;
         ALTER TABLE cashout.payouts ENABLE TRIGGER payouts_announce;",
    )
    .await
    .map_err(pg_error)
}

/// The schema version of the connected database, refused unless it is [`SCHEMA_VERSION`].
///
/// # Errors
/// [`Error::TeamJournal`] when the database holds no team journal; [`Error::TeamSchema`] when
/// its version is another.
pub async fn check_version(client: &Client) -> Result<i32> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('cashout.schema_migrations') IS NOT NULL",
            &[],
        )
        .await
        .map_err(pg_error)?
        .get(0);
    if !exists {
        return Err(Error::TeamJournal(crate::l10n::messages::tr(
            "d-pg-no-team-journal",
            &[],
        )));
    }
    let found: i32 = client
        .query_one(
            "SELECT coalesce(max(version), 0) FROM cashout.schema_migrations",
            &[],
        )
        .await
        .map_err(pg_error)?
        .get(0);
    if found == SCHEMA_VERSION {
        Ok(found)
    } else {
        Err(Error::TeamSchema {
            found,
            expected: SCHEMA_VERSION,
        })
    }
}

fn checksum_of(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

/// The server's message and SQLSTATE, or the error with its causes (e.g. the TLS handshake's
/// "invalid peer certificate: UnknownIssuer"), so an operator sees what to fix.
pub(super) fn describe(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{} (SQLSTATE {})", db.message(), db.code().code());
    }
    let mut words = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let text = c.to_string();
        if !words.contains(&text) {
            words.push_str(": ");
            words.push_str(&text);
        }
        cause = c.source();
    }
    words
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_from_one_without_gaps_up_to_the_schema_version() {
        for (i, (version, _, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*version, i32::try_from(i).unwrap() + 1);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.0), Some(SCHEMA_VERSION));
    }
}

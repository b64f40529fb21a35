//! The team journal: one PostgreSQL database that several operators' desks share.
//!
//! This part holds the connection (a small pool; TLS as [`profile`] says), the check that the
//! database's schema is the one this desk knows ([`migrate`]), the operator's identity, and the
//! shared audit chain.
//!
//! Guarantees:
//! - Who did what is the database's word, not the desk's: every audit entry carries the
//!   connection's `session_user` (the operator's own login role), stamped by the server inside
//!   `cashout.append_audit`, which operators may call but whose table they cannot write.
//! - Appends from any number of desks form one chain: the function locks the chain's single
//!   head row, so two appends never build on the same entry (`UNIQUE(prev_hash)` is the fork
//!   guard behind it).
//! - [`PgStore::verify_audit`] recomputes every hash in Rust with the same
//!   [`crate::audit::verify`] the SQLite journal uses, so an entry edited with direct SQL (by
//!   whoever holds the owner's rights) is found.
//! - The password is used to connect and is never logged, stored or put in an error.
//!
//! Leaves out (for now): payouts, their history and the send leases of the shared create
//! protocol, live refresh (LISTEN/NOTIFY), one watcher per team.

pub mod admin;
pub mod migrate;
pub mod profile;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::Row;

use crate::audit::{AuditEntry, AuditEvent, AuditFilter, AuditVerdict};
use crate::credentials::Secret;
use crate::error::{Error, Result};
pub use migrate::{MigrationReport, SCHEMA_VERSION};
pub use profile::TeamProfile;

/// Connections a desk keeps open to the team journal: enough for the UI's reads beside the
/// watcher and one send, few enough that a team of dozens fits PostgreSQL's default of 100.
const POOL_SIZE: usize = 4;

/// A desk's connection to the team journal.
pub struct PgStore {
    pool: Pool,
    actor: String,
}

impl PgStore {
    /// Connects as the profile's operator, checks the schema version and learns who the
    /// database says is signed in.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a bad profile; [`Error::TeamJournal`] when the server cannot
    /// be reached, refuses the sign-in or holds no team journal; [`Error::TeamSchema`] for
    /// another schema version.
    pub async fn connect(profile: &TeamProfile, password: &Secret) -> Result<Self> {
        let (config, tls) = profile.pg_config(password)?;
        let manager = Manager::from_config(
            config,
            tls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .build()
            .map_err(|e| Error::TeamJournal(format!("cannot set up the connection pool: {e}")))?;
        let client = pool.get().await.map_err(pool_error)?;
        migrate::check_version(&client).await?;
        let actor: String = client
            .query_one("SELECT session_user::text", &[])
            .await
            .map_err(pg_error)?
            .get(0);
        Ok(Self { pool, actor })
    }

    /// The operator the database knows this desk as (its login role).
    #[must_use]
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Whether this desk's connections to the server are encrypted (the server's word, from
    /// `pg_stat_ssl`).
    ///
    /// # Errors
    /// [`Error::TeamJournal`].
    pub async fn connection_uses_tls(&self) -> Result<bool> {
        let client = self.client().await?;
        let row = client
            .query_one(
                "SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
                &[],
            )
            .await
            .map_err(pg_error)?;
        Ok(row.get(0))
    }

    async fn client(&self) -> Result<deadpool_postgres::Object> {
        self.pool.get().await.map_err(pool_error)
    }

    /// Appends `event` to the team's audit chain and returns the entry as stored. The entry's
    /// user is the database's `session_user`; `event.os_user` (the desk's claim) is not sent.
    ///
    /// # Errors
    /// [`Error::TeamJournal`].
    pub async fn append_audit(&self, event: AuditEvent) -> Result<AuditEntry> {
        let client = self.client().await?;
        let row = client
            .query_one(
                &format!(
                    "SELECT {AUDIT_COLUMNS} FROM cashout.append_audit($1, $2, $3, $4, $5, $6)"
                ),
                &[
                    &event.environment,
                    &event.action.name(),
                    &event.cashout_id,
                    &event.external_id,
                    &event.outcome,
                    &event.detail,
                ],
            )
            .await
            .map_err(pg_error)?;
        Ok(audit_from_row(&row))
    }

    /// Audit entries matching `filter`, newest first (the same filter as the SQLite journal's).
    ///
    /// # Errors
    /// [`Error::TeamJournal`].
    pub async fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let text = filter.text.as_deref().filter(|t| !t.is_empty()).map(|t| {
            format!(
                "%{}%",
                t.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )
        });
        let limit = i64::from(if filter.limit == 0 { 200 } else { filter.limit });
        let client = self.client().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT {AUDIT_COLUMNS} FROM cashout.audit
                     WHERE ($1::text IS NULL OR environment = $1)
                       AND ($2::text IS NULL OR action = $2)
                       AND ($3::text IS NULL OR external_id LIKE $3 OR cashout_id::text LIKE $3
                            OR actor LIKE $3 OR detail LIKE $3)
                     ORDER BY seq DESC LIMIT $4 OFFSET $5"
                ),
                &[
                    &filter.environment,
                    &filter.action.map(|a| a.name()),
                    &text,
                    &limit,
                    &i64::from(filter.offset),
                ],
            )
            .await
            .map_err(pg_error)?;
        Ok(rows.iter().map(audit_from_row).collect())
    }

    /// Checks the whole chain in `seq` order, and that the head row names its last entry (an
    /// entry cut from the end with direct SQL leaves the head behind).
    ///
    /// # Errors
    /// [`Error::TeamJournal`].
    pub async fn verify_audit(&self) -> Result<AuditVerdict> {
        let mut client = self.client().await?;
        // One snapshot for the entries and the head, so an append in between is not a break.
        let tx = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await
            .map_err(pg_error)?;
        let rows = tx
            .query(
                &format!("SELECT {AUDIT_COLUMNS} FROM cashout.audit ORDER BY seq"),
                &[],
            )
            .await
            .map_err(pg_error)?;
        let head = tx
            .query_one("SELECT seq, hash FROM cashout.audit_head WHERE id = 1", &[])
            .await
            .map_err(pg_error)?;
        tx.commit().await.map_err(pg_error)?;
        let entries: Vec<AuditEntry> = rows.iter().map(audit_from_row).collect();
        let mut verdict = crate::audit::verify(&entries);
        let (head_seq, head_hash): (i64, String) = (head.get(0), head.get(1));
        let last = i64::try_from(verdict.entries).unwrap_or(i64::MAX);
        if verdict.intact && (head_seq != last || head_hash != verdict.head_hash) {
            verdict.intact = false;
            verdict.broken_at = Some(last + 1);
            verdict.problem = Some(format!(
                "the chain's head names entry {head_seq}, but the last entry is {}: entries were removed from the end",
                verdict.entries
            ));
        }
        Ok(verdict)
    }
}

const AUDIT_COLUMNS: &str = "seq, at, actor, environment, action, cashout_id, external_id, \
                             outcome, detail, prev_hash, hash";

fn audit_from_row(r: &Row) -> AuditEntry {
    AuditEntry {
        seq: r.get(0),
        at: r.get(1),
        os_user: r.get(2),
        environment: r.get(3),
        action: r.get(4),
        cashout_id: r.get(5),
        external_id: r.get(6),
        outcome: r.get(7),
        detail: r.get(8),
        prev_hash: r.get(9),
        hash: r.get(10),
    }
}

/// A database error in words an operator can act on; never the connection string.
pub(crate) fn pg_error(e: tokio_postgres::Error) -> Error {
    let sqlstate = e.code().map(|c| c.code().to_owned());
    let words = migrate::describe(&e);
    Error::TeamJournal(match sqlstate.as_deref() {
        Some("28P01" | "28000") => format!("the server refused the sign-in: {words}"),
        Some("42501") => format!("this operator's role is not allowed to do that: {words}"),
        Some("3D000") => format!("no such database: {words}"),
        _ if e.is_closed() => format!("the connection to the server was lost: {words}"),
        _ => words,
    })
}

fn pool_error(e: deadpool_postgres::PoolError) -> Error {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg_error(e),
        other => Error::TeamJournal(format!("cannot connect: {other}")),
    }
}

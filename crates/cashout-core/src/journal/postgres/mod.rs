//! The team journal: one PostgreSQL database that several operators' desks share — the same
//! records as the embedded journal, behind the same [`JournalStore`] interface.
//!
//! Files: `profile` where the server is and the TLS to it; `migrate` the schema and its
//! versions; `admin` adding operators; `io` the thread that runs every call; `writes` the
//! create protocol and the writes around it; `answers` what status answers and lookups write;
//! `reads` records, lists, snapshots, exchanges and the audit chain; `rows` how rows map to
//! records. The SQL files are in `sql/team/`.
//!
//! Guarantees (beyond the interface's):
//! - Who did what is the database's word, not the desk's: every audit entry carries the
//!   connection's `session_user` (the operator's own login role), stamped by the server inside
//!   `cashout.append_audit`, which operators may call but whose table they cannot write; every
//!   payout row and history line records the login role that wrote it.
//! - Appends from any number of desks form one chain: the function locks the chain's single
//!   head row inside the business transaction, so two appends never build on the same entry.
//! - [`PgStore::verify_audit`] recomputes every hash in Rust with the same
//!   [`crate::audit::verify`] the embedded journal uses, and checks the head row, so an entry
//!   edited or cut with direct SQL is found.
//! - The duplicate guard's check and the insert hold a transaction-scoped advisory lock on the
//!   payout's digest, so two desks cannot both pass it; a conflicting concurrent write
//!   (serialisation failure, deadlock, unique key taken meanwhile) is retried from the start.
//! - The password is used to connect and is never logged, stored or put in an error.
//!
//! - Every committed change is announced to every desk (`listen`), as a hint to re-read.
//!
//! - Each payout's status poll is claimed by one desk per round (`claim_poll`), so a team's
//!   desks do not multiply the provider calls by their number.

pub mod admin;
mod answers;
mod approvals;
mod batches;
mod beneficiaries;
mod import;
mod io;
mod listen;
pub mod migrate;
pub mod profile;
mod reads;
pub(crate) mod rows;
mod writes;

use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};

use super::store::{JournalStore, Pending, SendClaim};
use super::{
    Claimed, DuplicateGuard, HistoryEntry, IntentOutcome, ListFilter, PayoutRecord, Phase, Watched,
};
use crate::api::types::{CashoutId, CashoutRef, CreateCashout, Exchange, StatusAnswer};
use crate::audit::{AuditEntry, AuditEvent, AuditFilter, AuditVerdict};
use crate::batch::records::{BatchChange, BatchRecord, BatchRowRecord, BatchWritten, NewBatch};
use crate::beneficiaries::{BeneficiaryDetails, SavedBeneficiary};
use crate::clock::{format_instant, Clock};
use crate::credentials::Secret;
use crate::error::{Error, Result};
use crate::status::CashoutStatus;
pub use migrate::{MigrationReport, SCHEMA_VERSION};
pub use profile::TeamProfile;

/// Connections a desk keeps open to the team journal: enough for the UI's reads beside the
/// watcher and one send, few enough that a team of dozens fits PostgreSQL's default of 100.
const POOL_SIZE: usize = 4;

/// A desk's connection to the team journal.
pub struct PgStore {
    io: io::Io,
    changes: tokio::sync::broadcast::Sender<super::Change>,
    actor: String,
    clock: Arc<dyn Clock>,
    place: String,
}

impl PgStore {
    /// Connects as the profile's operator, checks the schema version and learns who the
    /// database says is signed in.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a bad profile; [`Error::TeamJournal`] when the server cannot
    /// be reached, refuses the sign-in or holds no team journal; [`Error::TeamSchema`] for
    /// another schema version.
    pub async fn connect(
        profile: &TeamProfile,
        password: &Secret,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        let (config, tls) = profile.pg_config(password)?;
        let (listen_config, listen_tls) = (config.clone(), tls.clone());
        let io = io::Io::start(move || {
            let manager = Manager::from_config(
                config,
                tls,
                ManagerConfig {
                    recycling_method: RecyclingMethod::Fast,
                },
            );
            Pool::builder(manager)
                .max_size(POOL_SIZE)
                .build()
                .map_err(|e| Error::TeamJournal(format!("cannot set up the connection pool: {e}")))
        })?;
        let actor = io
            .run(|pool| async move {
                let client = pool.get().await.map_err(pool_error)?;
                migrate::check_version(&client).await?;
                let row = client
                    .query_one("SELECT session_user::text", &[])
                    .await
                    .map_err(pg_error)?;
                Ok(row.get::<_, String>(0))
            })
            .await?;
        let changes = io
            .run(move |_| async move { Ok(listen::start(listen_config, listen_tls)) })
            .await?;
        let place = format!(
            "the team journal {} on {}:{} as {actor}",
            profile.database, profile.host, profile.port
        );
        Ok(Self {
            io,
            changes,
            actor,
            clock,
            place,
        })
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
        self.io
            .run(|pool| async move {
                let client = pool.get().await.map_err(pool_error)?;
                let row = client
                    .query_one(
                        "SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
                        &[],
                    )
                    .await
                    .map_err(pg_error)?;
                Ok(row.get(0))
            })
            .await
    }

    /// A setting of this desk's sessions as the server applies it (e.g. `synchronous_commit`,
    /// `search_path`), for `cashout team status` and the tests.
    ///
    /// # Errors
    /// [`Error::TeamJournal`].
    pub async fn session_setting(&self, name: &str) -> Result<String> {
        let name = name.to_owned();
        self.io
            .run(move |pool| async move {
                let client = pool.get().await.map_err(pool_error)?;
                let row = client
                    .query_one("SELECT pg_catalog.current_setting($1)", &[&name])
                    .await
                    .map_err(pg_error)?;
                Ok(row.get(0))
            })
            .await
    }

    fn now(&self) -> String {
        format_instant(self.clock.now())
    }

    fn lease_until(&self, claim: &SendClaim) -> String {
        format_instant(self.clock.now() + claim.lease)
    }
}

impl JournalStore for PgStore {
    fn describe(&self) -> String {
        self.place.clone()
    }

    fn actor(&self) -> Option<&str> {
        Some(&self.actor)
    }

    fn changes(&self) -> Option<tokio::sync::broadcast::Receiver<super::Change>> {
        Some(self.changes.subscribe())
    }

    fn record_intent<'a>(
        &'a self,
        scope: &'a str,
        base_url: &'a str,
        request: &'a CreateCashout,
        guard: Option<DuplicateGuard>,
        claim: &'a SendClaim,
    ) -> Pending<'a, IntentOutcome> {
        Box::pin(self.intent(scope, base_url, request, guard, claim))
    }

    fn claim_send<'a>(&'a self, id: i64, claim: &'a SendClaim) -> Pending<'a, Claimed> {
        Box::pin(self.claim(id, claim))
    }

    fn release_send<'a>(&'a self, id: i64, token: &'a str) -> Pending<'a, ()> {
        Box::pin(self.release(id, token))
    }

    fn record_sending<'a>(&'a self, id: i64, claim: &'a SendClaim) -> Pending<'a, ()> {
        Box::pin(self.sending(id, claim))
    }

    fn record_created_audited(
        &self,
        id: i64,
        cashout_id: CashoutId,
        status: CashoutStatus,
        audit: Option<AuditEvent>,
    ) -> Pending<'_, PayoutRecord> {
        Box::pin(self.created(id, cashout_id, status, audit))
    }

    fn record_exchange_detached(&self, id: i64, exchange: Exchange) {
        self.keep_exchange(id, exchange);
    }

    fn record_declined<'a>(
        &'a self,
        id: i64,
        api_code: i64,
        message: &'a str,
        fence: Option<&'a str>,
    ) -> Pending<'a, ()> {
        Box::pin(self.declined(id, api_code, message, fence))
    }

    fn record_phase<'a>(
        &'a self,
        id: i64,
        phase: Phase,
        detail: &'a str,
        fence: Option<&'a str>,
    ) -> Pending<'a, bool> {
        Box::pin(self.phase(id, phase, detail, fence))
    }

    fn record_abandoned<'a>(
        &'a self,
        id: i64,
        detail: &'a str,
        audit: AuditEvent,
    ) -> Pending<'a, Option<PayoutRecord>> {
        Box::pin(self.abandoned(id, detail, audit))
    }

    fn record_status<'a>(
        &'a self,
        id: i64,
        answer: &'a StatusAnswer,
        event: &'static str,
    ) -> Pending<'a, Option<CashoutStatus>> {
        Box::pin(self.status(id, answer, event))
    }

    fn record_watched<'a>(
        &'a self,
        id: i64,
        which: &'a CashoutRef,
        answer: &'a StatusAnswer,
        sent_at: String,
    ) -> Pending<'a, Watched> {
        Box::pin(self.watched(id, which, answer, sent_at))
    }

    fn claim_poll<'a>(&'a self, id: i64, until: &'a str) -> Pending<'a, bool> {
        Box::pin(self.poll_claim(id, until))
    }

    fn release_poll(&self, id: i64) -> Pending<'_, ()> {
        Box::pin(self.poll_release(id))
    }

    fn take_request_slot<'a>(&'a self, scope: &'a str, spacing: Duration) -> Pending<'a, Duration> {
        Box::pin(self.request_slot(scope, spacing))
    }

    fn approvals(&self) -> Option<&dyn crate::approvals::ApprovalStore> {
        Some(self)
    }

    fn import_payout<'a>(
        &'a self,
        record: &'a PayoutRecord,
        history: &'a [HistoryEntry],
        source: &'a str,
    ) -> Pending<'a, super::Imported> {
        Box::pin(self.import(record, history, source))
    }

    fn record_event<'a>(
        &'a self,
        id: i64,
        event: &'static str,
        detail: &'a str,
    ) -> Pending<'a, ()> {
        Box::pin(self.event(id, event, detail))
    }

    fn record_lookup<'a>(
        &'a self,
        scope: &'a str,
        base_url: &'a str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&'a str>,
    ) -> Pending<'a, i64> {
        Box::pin(self.lookup(scope, base_url, cashout_id, external_id))
    }

    fn append_audit(&self, event: AuditEvent) -> Pending<'_, AuditEntry> {
        Box::pin(self.audit(event))
    }

    fn claim_correction<'a>(
        &'a self,
        scope: &'a str,
        corrected: &'a str,
        by: &'a str,
    ) -> Pending<'a, Option<String>> {
        Box::pin(self.write_correction_claim(scope, corrected, by))
    }

    fn release_correction<'a>(
        &'a self,
        scope: &'a str,
        corrected: &'a str,
        by: &'a str,
    ) -> Pending<'a, ()> {
        Box::pin(self.drop_correction_claim(scope, corrected, by))
    }

    fn correction_of(&self, scope: &str, corrected: &str) -> Result<Option<String>> {
        self.read_correction(scope, corrected)
    }

    fn record_batch<'a>(
        &'a self,
        batch: &'a NewBatch,
        audit: AuditEvent,
    ) -> Pending<'a, BatchWritten> {
        Box::pin(self.write_batch(batch, audit))
    }

    fn change_batch<'a>(
        &'a self,
        id: &'a str,
        change: BatchChange,
        audit: Option<AuditEvent>,
    ) -> Pending<'a, BatchRecord> {
        Box::pin(self.write_batch_change(id, change, audit))
    }

    fn earlier_payouts(
        &self,
        scope: &str,
        since: &str,
    ) -> Result<Vec<crate::batch::EarlierPayout>> {
        self.read_earlier_payouts(scope, since)
    }

    fn batches(&self, scope: &str) -> Result<Vec<BatchRecord>> {
        self.read_batches(scope)
    }

    fn batch(&self, id: &str) -> Result<Option<BatchRecord>> {
        self.read_batch(id)
    }

    fn batch_rows(&self, id: &str) -> Result<Vec<BatchRowRecord>> {
        self.read_batch_rows(id)
    }

    fn batch_row_of(&self, scope: &str, external_id: &str) -> Result<Option<(String, u32)>> {
        self.read_batch_row_of(scope, external_id)
    }

    fn beneficiaries(&self, scope: &str) -> Result<Vec<SavedBeneficiary>> {
        self.read_beneficiaries(scope)
    }

    fn save_beneficiary<'a>(
        &'a self,
        scope: &'a str,
        label: &'a str,
        details: &'a BeneficiaryDetails,
        audit: AuditEvent,
    ) -> Pending<'a, bool> {
        Box::pin(self.write_beneficiary(scope, label, details, audit))
    }

    fn delete_beneficiary<'a>(
        &'a self,
        scope: &'a str,
        label: &'a str,
        audit: AuditEvent,
    ) -> Pending<'a, bool> {
        Box::pin(self.remove_beneficiary(scope, label, audit))
    }

    fn get(&self, id: i64) -> Result<Option<PayoutRecord>> {
        self.read_one(id)
    }

    fn find(
        &self,
        scope: &str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Result<Option<PayoutRecord>> {
        self.read_find(scope, cashout_id, external_id)
    }

    fn find_external_ids(
        &self,
        scope: &str,
        external_ids: &[String],
    ) -> Result<std::collections::HashMap<String, PayoutRecord>> {
        self.read_find_external_ids(scope, external_ids)
    }

    fn overview_rows(
        &self,
        scope: &str,
        from: &str,
        before: &str,
        each: &mut dyn FnMut(&crate::journal::OverviewRow<'_>),
    ) -> Result<()> {
        self.read_overview_rows(scope, from, before, each)
    }

    fn watchable(&self, scope: &str, completed_since: &str) -> Result<Vec<PayoutRecord>> {
        self.read_watchable(scope, completed_since)
    }

    fn unresolved(&self, scope: &str, before: &str) -> Result<Vec<PayoutRecord>> {
        self.read_unresolved(scope, before)
    }

    fn list(&self, filter: &ListFilter) -> Result<Vec<PayoutRecord>> {
        self.read_list(filter)
    }

    fn snapshot(
        &self,
        filter: &ListFilter,
        with_history: bool,
    ) -> Result<Vec<(PayoutRecord, Vec<HistoryEntry>)>> {
        self.read_snapshot(filter, with_history)
    }

    fn kept_exchanges(&self, id: i64) -> Result<Vec<(String, Exchange)>> {
        self.read_exchanges(id)
    }

    fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        self.read_audit_log(filter)
    }

    fn verify_audit(&self) -> Result<AuditVerdict> {
        self.read_verify_audit()
    }

    fn history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        self.read_history(id)
    }
}

/// A database error in words an operator can act on; never the connection string.
pub(crate) fn pg_error(e: tokio_postgres::Error) -> Error {
    let sqlstate = e.code().map(|c| c.code().to_owned());
    // The approval functions' refusals carry their own SQLSTATE and a message for people.
    if let Some(refusal) = sqlstate
        .as_deref()
        .and_then(crate::approvals::Refusal::from_sqlstate)
    {
        let database_words = e
            .as_db_error()
            .map_or_else(|| e.to_string(), |d| d.message().to_owned());
        // The database's sentence is English and precise (who, which payout, when); the
        // operator's language leads it (in English, it is said as it is).
        let message =
            crate::l10n::messages::tr(refusal.message_id(), &[("detail", database_words.into())]);
        return Error::ApprovalRefused { refusal, message };
    }
    let words = migrate::describe(&e);
    let said = |id: &str| crate::l10n::messages::tr(id, &[("detail", words.clone().into())]);
    Error::TeamJournal(match sqlstate.as_deref() {
        Some("28P01" | "28000") => said("d-pg-sign-in-refused"),
        Some("42501") => said("d-pg-not-allowed"),
        Some("3D000") => said("d-pg-no-database"),
        _ if e.is_closed() => said("d-pg-connection-lost"),
        _ => words,
    })
}

pub(crate) fn pool_error(e: deadpool_postgres::PoolError) -> Error {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg_error(e),
        other => Error::TeamJournal(crate::l10n::messages::tr(
            "d-pg-cannot-connect",
            &[("detail", other.to_string().into())],
        )),
    }
}

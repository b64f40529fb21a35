//! The journal: every payout intent, every answer and every observed status, with the time it
//! was observed, and the audit chain — kept by one of two stores behind one interface
//! ([`store::JournalStore`]):
//! - [`sqlite`]: the embedded file, the default for one operator (the app and the CLI share it);
//! - [`postgres`]: the team journal, one PostgreSQL database several desks share.
//!
//! [`Journal`] is what the desk, the watcher, reports and the audit log hold: the store (its
//! methods are reached through `Deref`), plus what belongs to this process only — the turn each
//! create takes (so a double click drives one create, not two), the external ids this process
//! generated, and the clock. What is the same rule for both stores is written once here: the
//! duplicate guard's digest ([`content_hash`]), what a status answer does
//! ([`status_rules`]), and how kept exchanges are explained.
//!
//! Files: `store` the interface; `types` the record types; `status_rules` the status rules;
//! `sqlite/` and `postgres/` the two stores.

pub mod copy;
pub mod keys;
pub mod postgres;
pub mod sqlite;
pub(crate) mod status_rules;
pub mod store;
mod types;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::api::types::CreateCashout;
use crate::audit::{AuditAction, AuditEvent, AuditVerdict};
use crate::clock::Clock;
use crate::credentials::Secret;
use crate::error::Result;

pub use sqlite::merge;
pub(crate) use status_rules::FOREIGN_EXTERNAL_ID;
pub use store::{JournalStore, Pending, SendClaim, SEND_LEASE};
pub use types::{
    Change, Claimed, DuplicateGuard, ExchangeRecord, HistoryEntry, Imported, IntentOutcome,
    ListFilter, OverviewRow, PayoutRecord, Phase, SortKey, Watched,
};

/// Held while one call drives the create of one intent.
type IntentLock = Arc<tokio::sync::Mutex<()>>;

/// A journal: its store and this process's part (see the module comment).
pub struct Journal {
    store: Box<dyn JournalStore>,
    /// One lock per intent, so two calls in this process never drive the same create at once.
    intent_locks: Mutex<HashMap<(String, String), IntentLock>>,
    /// External ids this process generated: such an id stays "generated" through review, edit
    /// and resend, whatever a form does with it, and in whatever environment it comes back
    /// (a form keeps its fields across an environment switch) — see [`Journal::was_generated`].
    generated_ids: Mutex<HashSet<String>>,
    clock: Arc<dyn Clock>,
}

impl std::ops::Deref for Journal {
    type Target = dyn JournalStore;

    fn deref(&self) -> &Self::Target {
        &*self.store
    }
}

impl Journal {
    /// Opens (creating if needed) the embedded journal file at `path`.
    ///
    /// # Errors
    /// [`crate::error::Error::Journal`] when the file cannot be opened or migrated.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        Ok(Self::on(
            Box::new(sqlite::SqliteStore::open(path, clock.clone())?),
            clock,
        ))
    }

    /// Connects to the team journal as `profile` says, with the password from the keychain.
    ///
    /// # Errors
    /// As [`postgres::PgStore::connect`].
    pub async fn open_team(
        profile: &postgres::TeamProfile,
        password: &Secret,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        Ok(Self::on(
            Box::new(postgres::PgStore::connect(profile, password, clock.clone()).await?),
            clock,
        ))
    }

    /// A journal kept by `store`.
    #[must_use]
    pub fn on(store: Box<dyn JournalStore>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            intent_locks: Mutex::new(HashMap::new()),
            generated_ids: Mutex::new(HashSet::new()),
            clock,
        }
    }

    /// Waits until no other call of this process is driving the create of `external_id` in
    /// `scope`, and holds that until the guard is dropped. (Other processes are kept out by
    /// the store's send claim.)
    pub async fn lock_intent(
        &self,
        scope: &str,
        external_id: &str,
    ) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut locks = self
                .intent_locks
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            locks.retain(|_, l| Arc::strong_count(l) > 1);
            locks
                .entry((scope.to_owned(), external_id.to_owned()))
                .or_default()
                .clone()
        };
        lock.lock_owned().await
    }

    /// Notes that the desk generated `external_id` (the operator did not type it).
    pub fn note_generated(&self, external_id: &str) {
        self.generated_ids
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(external_id.to_owned());
    }

    /// Whether this process generated `external_id`, in any environment (see
    /// [`Journal::note_generated`]).
    #[must_use]
    pub fn was_generated(&self, external_id: &str) -> bool {
        self.generated_ids
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .contains(external_id)
    }

    /// The journal clock's current time.
    #[must_use]
    pub fn now_instant(&self) -> time::OffsetDateTime {
        self.clock.now()
    }

    /// The provider accepted the create and gave `cashout_id` (no audit entry with it).
    ///
    /// # Errors
    /// As [`JournalStore::record_created_audited`].
    pub async fn record_created(
        &self,
        id: i64,
        cashout_id: crate::api::types::CashoutId,
        status: crate::status::CashoutStatus,
    ) -> Result<PayoutRecord> {
        self.store
            .record_created_audited(id, cashout_id, status, None)
            .await
    }

    /// The requests sent for record `id` and their answers, oldest first, each provider
    /// error code explained.
    ///
    /// # Errors
    /// When the store cannot be read.
    pub fn exchanges(&self, id: i64) -> Result<Vec<ExchangeRecord>> {
        Ok(self
            .store
            .kept_exchanges(id)?
            .into_iter()
            .map(|(at, exchange)| ExchangeRecord {
                explanation: exchange
                    .answer
                    .as_deref()
                    .and_then(|a| {
                        crate::api::types::read_shaped::<crate::api::types::ErrorAnswer>(
                            a.as_bytes(),
                        )
                        .ok()
                    })
                    .map(|e| crate::codes::explain_api(e.code)),
                at,
                exchange,
            })
            .collect())
    }

    /// Checks the audit chain and records that it was checked (with the result).
    ///
    /// # Errors
    /// When the store cannot be read or the entry cannot be appended.
    pub async fn verify_audit_recorded(&self, environment: &str) -> Result<AuditVerdict> {
        let verdict = self.store.verify_audit()?;
        let outcome = if verdict.intact { "ok" } else { "broken" };
        let mut detail = format!("{} entries", verdict.entries);
        if let Some(at) = verdict.broken_at {
            detail.push_str(&format!("; broken at entry {at}"));
        }
        self.store
            .append_audit(
                AuditEvent::new(environment, AuditAction::AuditVerified, outcome).detail(detail),
            )
            .await?;
        Ok(verdict)
    }
}

/// A digest of what a request pays, and to whom: the amount and currency, the beneficiary's
/// document, and where the money goes (country, bank, branch, account, account type, PIX key or
/// wallet phone and e-mail). Two intents with the same digest move the same money to the same
/// account, whatever their external_id, comments, notification URL, address, `on_hold` — or
/// how the beneficiary's name is written ("Ana Souza", "ANA SOUZA", "Ana" + "Souza"): the
/// name does not decide where money goes, the document and the account do.
#[must_use]
pub fn content_hash(request: &CreateCashout) -> String {
    use sha2::{Digest, Sha256};
    let money = serde_json::json!([
        request.country,
        request.currency,
        request.amount.map(|a| a.to_string()),
        request.document_id,
        request.bank_code,
        request.bank_account,
        request.bank_branch,
        request.account_type,
        request.email,
        request.phone,
    ]);
    let json = serde_json::to_vec(&money).unwrap_or_default();
    hex::encode(Sha256::digest(&json))
}

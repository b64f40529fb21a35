//! What every request handler shares: the store, the clock, the timings, the faults, the
//! counters, and the operator's check-digit override.
//!
//! Locks are `std::sync::Mutex`, held only for synchronous work (a few SQLite statements, a
//! queue pop) and never across an `.await`. A poisoned lock is recovered rather than turned
//! into a panic: SQLite rolls back an unfinished transaction on its own, so the data behind the
//! lock is consistent even after a panic elsewhere.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use cashout_core::clock::Clock;

use crate::faults::FaultBook;
use crate::lifecycle::Timings;
use crate::store::Store;
use crate::Stats;

/// The state behind every handler.
pub(crate) struct Shared {
    store: Mutex<Store>,
    faults: Mutex<FaultBook>,
    pub clock: Arc<dyn Clock>,
    pub timings: Timings,
    pub counters: Counters,
    /// Accept failed national check digits (formats still apply); off unless the owner asks.
    check_digit_override: AtomicBool,
}

impl Shared {
    pub(crate) fn new(store: Store, clock: Arc<dyn Clock>, timings: Timings) -> Self {
        Self {
            store: Mutex::new(store),
            faults: Mutex::new(FaultBook::default()),
            clock,
            timings,
            counters: Counters::default(),
            check_digit_override: AtomicBool::new(false),
        }
    }

    pub(crate) fn accepts_failed_check_digits(&self) -> bool {
        self.check_digit_override.load(Ordering::Relaxed)
    }

    pub(crate) fn set_check_digit_override(&self, on: bool) {
        self.check_digit_override.store(on, Ordering::Relaxed);
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, FaultBook> {
        self.faults.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Live counters behind [`Stats`]. Relaxed ordering: each is an independent tally.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    requests: AtomicU64,
    signature_failures: AtomicU64,
    credential_failures: AtomicU64,
    creates_committed: AtomicU64,
    faults_applied: AtomicU64,
}

/// Which counter to bump.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Count {
    Request,
    SignatureFailure,
    CredentialFailure,
    CreateCommitted,
    FaultApplied,
}

impl Counters {
    pub(crate) fn bump(&self, which: Count) {
        let counter = match which {
            Count::Request => &self.requests,
            Count::SignatureFailure => &self.signature_failures,
            Count::CredentialFailure => &self.credential_failures,
            Count::CreateCommitted => &self.creates_committed,
            Count::FaultApplied => &self.faults_applied,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn snapshot(&self) -> Stats {
        Stats {
            requests: self.requests.load(Ordering::Relaxed),
            signature_failures: self.signature_failures.load(Ordering::Relaxed),
            credential_failures: self.credential_failures.load(Ordering::Relaxed),
            creates_committed: self.creates_committed.load(Ordering::Relaxed),
            faults_applied: self.faults_applied.load(Ordering::Relaxed),
        }
    }
}

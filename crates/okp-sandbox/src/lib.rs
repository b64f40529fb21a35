//! An embedded imitation of the OneKeyPayments / Directa24 Cashouts v3 API, served on
//! `127.0.0.1`, for tests, for `cashout sandbox --port P`, and for operators rehearsing every
//! outcome from the desktop app without touching the provider.
//!
//! # What it imitates
//! The endpoints of the reference (`okp-cashouts-api.md` §4–§8) with the provider's error codes
//! and HTTP statuses (§11): create, status (by `cashout_id` or `external_id`), update
//! (PENDING ⇄ ON_HOLD), cancel (DELETE with a JSON body), and both bank-list shapes. It is
//! strict where the provider is strict: the `Payload-Signature` is checked against the raw body
//! bytes as received, credentials are checked, `external_id` is unique (511, never a replay of
//! the original id), balances are enforced (514), and every create is checked field by field.
//! Credentials are the public demo values below ([`demo_credentials`]).
//!
//! # An independent witness
//! Every rule here — required fields and lengths, per-country documents and accounts with their
//! check digits, bank lists, statuses and transitions, error codes and HTTP statuses, the
//! signature — is written again from the API reference (`okp-cashouts-api.md`) and the
//! per-country rules (`validation-rules.md`), in this crate's own small tables. The app's core
//! crate is used only for plain infrastructure (the clock, the credential wrapper): were the
//! sandbox to ask the core what is valid, a wrong core rule would pass every test by
//! construction. `tests/independence.rs` keeps it that way.
//!
//! National check digits are enforced; [`Sandbox::override_check_digits`] is the operator's
//! override that `validation-rules.md` asks for in sandbox and staging (formats still apply).
//!
//! # Bank processing
//! Lazy, on the injected [`Clock`](cashout_core::clock::Clock): a cashout is brought up to date
//! whenever it is read or touched. PENDING for [`Timings::deliver_after`] → DELIVERED; after
//! [`Timings::complete_after`] more → COMPLETED. Time ON_HOLD does not count; a release restarts
//! the wait. BR PIX payouts get a fake end-to-end id as `provider_external_reference` once
//! delivered. Each currency (a country's local currency, or USD) starts with 1,000,000.00; a
//! create reserves its amount, and cancellation or rejection gives it back.
//!
//! # Rehearsal triggers
//! Written anywhere in the create's `comments` (one per cashout; an unknown `sandbox:` word is
//! refused with 300 so a typo cannot silently rehearse nothing):
//! - `sandbox:reject=NNN` ([`TRIGGER_REJECT`]): DELIVERED, then REJECTED with rejection code
//!   NNN (a code of the reference's §11.2 table, 800–826 without the legacy 823, or 0 for the
//!   staging panel's "Test") instead of COMPLETED;
//! - `sandbox:late-reject=NNN` ([`TRIGGER_LATE_REJECT`]): COMPLETED, then after
//!   [`Timings::late_reject_after`] REJECTED with NNN (a bank returning the funds);
//! - `sandbox:decline=NNN` ([`TRIGGER_DECLINE`]): the create is refused with error code NNN
//!   (any code of the reference's §11.3 table, e.g. 514, 508, 533, 303), with that code's
//!   message and HTTP status; nothing is created;
//! - `sandbox:hold-forever` ([`TRIGGER_HOLD_FOREVER`]): never leaves PENDING by itself, for
//!   hold and cancel rehearsals on the real clock.
//!
//! # Faults
//! [`Sandbox::inject`] queues one-shot [`Fault`]s; [`Sandbox::set_fault_plan`] sets a seeded
//! random mix ([`FaultPlan`]); [`parse_fault_spec`] reads them from text. A dropped connection
//! is a real one: the socket is closed with no response bytes. A misbehaving provider is
//! imitated too: answers about another cashout, unknown status numbers, bodies that are huge
//! (streamed, never held), cut short after a full `Content-Length`, or dripped byte by byte.
//!
//! # State
//! One SQLite file (WAL) at [`SandboxConfig::db_path`]: after a restart on the same file the
//! sandbox knows every cashout and continues the id counter (ids start at 8400001).
//!
//! Left out: notifications (webhooks), IP whitelisting (402), KYC answers, FX, the Mexican
//! debit-card host. The passphrase and signature are never logged (the sandbox logs nothing).

mod catalog;
mod codes;
mod error;
mod faults;
mod fields;
mod handlers;
mod lifecycle;
mod misbehave;
mod refusal;
mod rules;
mod server;
mod signature;
mod state;
mod status;
mod store;

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use cashout_core::clock::{Clock, SystemClock};
use cashout_core::credentials::{Credentials, Secret};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use error::SandboxError;
pub use faults::{parse_fault_spec, Endpoint, Fault, FaultPlan};
pub use lifecycle::{
    Timings, TRIGGER_DECLINE, TRIGGER_HOLD_FOREVER, TRIGGER_LATE_REJECT, TRIGGER_REJECT,
};

use state::Shared;
use store::Store;

/// The sandbox's API Key (`login`). Public on purpose: the sandbox moves no money.
pub const DEMO_API_KEY: &str = "cashout-desk-demo";
/// The sandbox's API Passphrase (`pass`).
pub const DEMO_API_PASSPHRASE: &str = "sandbox-passphrase";
/// The sandbox's API Signature (the HMAC key of `Payload-Signature`).
pub const DEMO_API_SIGNATURE: &str = "sandbox-signature-not-secret";
/// The sandbox's read-only key for the bank lists (`Authorization: Bearer …`).
pub const DEMO_READ_ONLY_KEY: &str = "sandbox-read-only-key";

/// The credentials the sandbox accepts, ready for the core client.
#[must_use]
pub fn demo_credentials() -> Credentials {
    Credentials {
        api_key: DEMO_API_KEY.to_owned(),
        passphrase: Secret::new(DEMO_API_PASSPHRASE.to_owned()),
        signature: Secret::new(DEMO_API_SIGNATURE.to_owned()),
        read_only_key: Some(Secret::new(DEMO_READ_ONLY_KEY.to_owned())),
    }
}

/// How to start a sandbox.
#[derive(Clone)]
pub struct SandboxConfig {
    /// The SQLite file holding the sandbox's state (created, with its folder, if missing).
    pub db_path: PathBuf,
    /// The loopback port; 0 picks any free port (see [`Sandbox::base_url`]).
    pub port: u16,
    /// "Now" for bank processing. Tests pass a `ManualClock`.
    pub clock: Arc<dyn Clock>,
    /// How long the simulated bank takes.
    pub timings: Timings,
}

impl SandboxConfig {
    /// A config on any free port, with the system clock and default timings.
    #[must_use]
    pub fn new(db_path: impl Into<PathBuf>) -> Self {
        Self {
            db_path: db_path.into(),
            port: 0,
            clock: Arc::new(SystemClock),
            timings: Timings::default(),
        }
    }
}

impl fmt::Debug for SandboxConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxConfig")
            .field("db_path", &self.db_path)
            .field("port", &self.port)
            .field("timings", &self.timings)
            .finish_non_exhaustive()
    }
}

/// Counters since the sandbox started (not persisted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Every HTTP request received, faulted or not.
    pub requests: u64,
    /// Cashout calls refused with 302 (missing or wrong `Payload-Signature`).
    pub signature_failures: u64,
    /// Calls refused with 401 (wrong `login`/`pass`, or wrong read-only key).
    pub credential_failures: u64,
    /// Cashouts created and committed.
    pub creates_committed: u64,
    /// Faults (injected or planned) applied to requests.
    pub faults_applied: u64,
}

/// A running sandbox. Dropping it stops the server too; [`Sandbox::shutdown`] also waits.
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Opens the database, binds `127.0.0.1:port` and serves in a tokio task.
    ///
    /// # Errors
    /// [`SandboxError::Bind`] when the port is taken; database errors when the file cannot be
    /// opened or is not a sandbox database.
    pub async fn start(config: SandboxConfig) -> Result<Sandbox, SandboxError> {
        let store = Store::open(&config.db_path)?;
        let port = config.port;
        let bind = |source| SandboxError::Bind { port, source };
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .await
            .map_err(bind)?;
        let addr = listener.local_addr().map_err(bind)?;
        let shared = Arc::new(Shared::new(store, config.clock, config.timings));
        let router = handlers::router(Arc::clone(&shared));
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(server::serve(listener, router, stopped));
        Ok(Sandbox {
            shared,
            addr,
            stop,
            task,
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    #[must_use]
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Queues a one-shot fault for the next request to its endpoint (faults for the same
    /// endpoint apply in the order queued).
    pub fn inject(&self, fault: Fault) {
        self.shared.faults().inject(fault);
    }

    /// Turns the operator's check-digit override on or off (off when started): with it on, a
    /// create whose document or account fails only its national check digit (CPF, CNPJ,
    /// CLABE, CURP, NIT, CCI, RUC, RUT, CBU/CVU, CUIT) is accepted, as the provider's own
    /// sample data sometimes needs (`validation-rules.md`). Shapes and lengths still apply.
    pub fn override_check_digits(&self, on: bool) {
        self.shared.set_check_digit_override(on);
    }

    /// Sets (or with `None` clears) the random fault mix. Queued faults still go first.
    pub fn set_fault_plan(&self, plan: Option<FaultPlan>) {
        self.shared.faults().set_plan(plan);
    }

    /// The counters so far.
    #[must_use]
    pub fn stats(&self) -> Stats {
        self.shared.counters.snapshot()
    }

    /// How many cashouts exist with this `external_id` (0 or 1 — tests prove exactly-once with
    /// it). A database error counts as 0, which such a test reports as a failure.
    #[must_use]
    pub fn cashouts_for_external_id(&self, external_id: &str) -> usize {
        self.shared.store().count_external(external_id).unwrap_or(0)
    }

    /// How many cashouts exist (0 after a database error).
    #[must_use]
    pub fn cashout_count(&self) -> usize {
        self.shared.store().count().unwrap_or(0)
    }

    /// Forgets every cashout and restores every balance to 1,000,000.00. The id counter keeps
    /// counting, so ids from before the reset are never reused.
    ///
    /// # Errors
    /// The database refused the change (nothing is forgotten then).
    pub fn reset(&self) -> Result<(), SandboxError> {
        self.shared.store().reset()
    }

    /// Stops accepting, closes every open connection, and waits until the server has stopped.
    pub async fn shutdown(self) {
        // Ignored error: no receiver left means the server has already stopped.
        let _ = self.stop.send(true);
        // A join error means the server task panicked; there is nothing left to stop then.
        let _ = self.task.await;
    }
}

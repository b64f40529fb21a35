//! Shared support for the integration tests: a real sandbox on loopback with a manual clock, a
//! real journal file in a temporary directory, and a desk wired to both.
//!
//! Nothing here touches the user's keychain or data directory.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::api::types::{CashoutRef, CreateCashout};
use cashout_core::clock::ManualClock;
use cashout_core::credentials::Credentials;
use cashout_core::desk::{Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::journal::{Journal, Phase};
use okp_sandbox::{Sandbox, SandboxConfig, Timings};

/// A running sandbox, a journal and the directory holding both.
pub struct Rig {
    pub dir: tempfile::TempDir,
    pub sandbox: Sandbox,
    pub clock: ManualClock,
    pub journal: Arc<Journal>,
}

/// Quick retries so fault tests do not wait for real backoff.
#[must_use]
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_sends: 4,
        backoff: vec![Duration::from_millis(5)],
        ..RetryPolicy::default()
    }
}

impl Rig {
    /// Starts a sandbox (manual clock, default timings) and opens a journal, in a temp dir.
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock =
            ManualClock::new(time::OffsetDateTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000));
        let sandbox = start_sandbox(dir.path().join("sandbox.sqlite3"), clock.clone()).await;
        let journal = Arc::new(
            Journal::open(&dir.path().join("journal.sqlite3"), Arc::new(clock.clone()))
                .expect("journal"),
        );
        Self {
            dir,
            sandbox,
            clock,
            journal,
        }
    }

    /// The sandbox as an environment.
    #[must_use]
    pub fn environment(&self) -> Environment {
        Environment::from_base_url(&self.sandbox.base_url()).expect("loopback URL")
    }

    /// A desk with the demo credentials and the given options.
    #[must_use]
    pub fn desk_with(&self, options: ClientOptions, retry: RetryPolicy) -> Desk {
        let client = Client::new(self.environment(), okp_sandbox::demo_credentials(), options)
            .expect("client");
        Desk::new(client, self.journal.clone(), retry)
    }

    /// A bare client with the demo credentials and default options: another process, or
    /// another tool on the same merchant account, talking to the sandbox past the journal.
    #[must_use]
    pub fn client(&self) -> Client {
        self.client_with(okp_sandbox::demo_credentials())
    }

    /// A bare client with these credentials and default options.
    #[must_use]
    pub fn client_with(&self, credentials: Credentials) -> Client {
        Client::new(self.environment(), credentials, ClientOptions::default()).expect("client")
    }

    /// A second journal on the rig's journal file, as a second process (the app beside the
    /// CLI) opens it.
    #[must_use]
    pub fn second_journal(&self) -> Arc<Journal> {
        Arc::new(
            Journal::open(&self.journal_path(), Arc::new(self.clock.clone()))
                .expect("second journal"),
        )
    }

    /// A desk with short timeouts and fast retries.
    #[must_use]
    pub fn desk(&self) -> Desk {
        self.desk_with(
            ClientOptions {
                connect_timeout: Duration::from_secs(2),
                total_timeout: Duration::from_secs(5),
            },
            fast_retry(),
        )
    }

    /// The journal file's path.
    #[must_use]
    pub fn journal_path(&self) -> PathBuf {
        self.dir.path().join("journal.sqlite3")
    }

    /// The next create is made by the provider but its answer is lost, and the next `misses`
    /// lookups by external_id do not find it (a provider whose reads lag its writes).
    pub fn lose_next_create_answer(&self, misses: usize) {
        self.sandbox.inject(okp_sandbox::Fault::DropAfterCommit(
            okp_sandbox::Endpoint::Create,
        ));
        for _ in 0..misses {
            self.sandbox.inject(okp_sandbox::Fault::StaleNotFound(
                okp_sandbox::Endpoint::Status,
            ));
        }
    }
}

/// A payout named by its external_id.
#[must_use]
pub fn by_ext(external_id: &str) -> CashoutRef {
    CashoutRef::ExternalId(external_id.into())
}

/// The phase the desk's journal records for the payout with this external_id.
#[must_use]
pub fn phase_of(desk: &Desk, external_id: &str) -> Phase {
    desk.recorded(&by_ext(external_id)).expect("recorded").phase
}

/// Moves the rig's clock on by `minutes`: past the reconcile age and any lookup back-off.
pub fn later(rig: &Rig, minutes: u64) {
    rig.clock.advance(Duration::from_secs(minutes * 60));
}

/// Starts a sandbox on `db_path` with a manual clock.
pub async fn start_sandbox(db_path: PathBuf, clock: ManualClock) -> Sandbox {
    Sandbox::start(SandboxConfig {
        db_path,
        port: 0,
        clock: Arc::new(clock),
        timings: Timings::default(),
    })
    .await
    .expect("sandbox starts")
}

/// A valid Brazilian PIX-by-phone request.
#[must_use]
pub fn br_pix(external_id: &str, amount: &str) -> CreateCashout {
    CreateCashout {
        external_id: external_id.into(),
        country: "BR".into(),
        currency: Some("BRL".into()),
        amount: Some(amount.parse().expect("amount")),
        document_id: "39053344705".into(),
        beneficiary_name: "Ana Souza".into(),
        phone: Some("+5511987654321".into()),
        bank_code: Some("10000".into()),
        notification_url: "https://merchant.example/cashouts/notify".into(),
        ..CreateCashout::default()
    }
}

/// A valid Brazilian bank-transfer request (Banco do Brasil).
#[must_use]
pub fn br_bank(external_id: &str, amount: &str) -> CreateCashout {
    CreateCashout {
        bank_code: Some("001".into()),
        bank_account: Some("3423422-7".into()),
        bank_branch: Some("1234".into()),
        account_type: Some("C".into()),
        phone: None,
        ..br_pix(external_id, amount)
    }
}

/// A valid Mexican CLABE request.
#[must_use]
pub fn mx_clabe(external_id: &str, amount: &str) -> CreateCashout {
    CreateCashout {
        external_id: external_id.into(),
        country: "MX".into(),
        currency: Some("MXN".into()),
        amount: Some(amount.parse().expect("amount")),
        document_id: "BOXW310820HNERXN09".into(),
        document_type: Some("CURP".into()),
        beneficiary_name: "Juan".into(),
        beneficiary_lastname: Some("Pérez".into()),
        bank_account: Some("021790064060296642".into()),
        notification_url: "https://merchant.example/cashouts/notify".into(),
        ..CreateCashout::default()
    }
}

/// This test process's send claim, for tests that drive the journal's create protocol by hand
/// (a desk holds one while it sends; the journal fences the sender's writes with it).
pub fn me() -> &'static cashout_core::journal::SendClaim {
    static ME: std::sync::OnceLock<cashout_core::journal::SendClaim> = std::sync::OnceLock::new();
    ME.get_or_init(cashout_core::journal::SendClaim::new)
}

/// The claim of a desk that wrote an intent and stopped (crashed, killed) while sending: its
/// lease is over at once, so what it left is for reconcile or another desk to settle.
pub fn stopped() -> &'static cashout_core::journal::SendClaim {
    static STOPPED: std::sync::OnceLock<cashout_core::journal::SendClaim> =
        std::sync::OnceLock::new();
    STOPPED.get_or_init(|| cashout_core::journal::SendClaim {
        lease: std::time::Duration::ZERO,
        ..cashout_core::journal::SendClaim::new()
    })
}

/// Imports `file` (CSV text) as a batch on `desk`, with the review's own totals typed as the
/// control totals (what an operator who checked them types), and confirms it at 600 requests
/// a minute; returns the batch's id. The notification URL is the template's.
///
/// # Panics
/// When the file is refused or the batch cannot be written: a test's failure.
pub async fn write_batch(desk: &Desk, file: &str) -> String {
    use cashout_core::batch::ControlTotal;
    use cashout_core::desk::{DraftChoices, PayAgain};
    let choices = DraftChoices {
        notification_url: "https://merchant.example/cashouts/notify".into(),
        ..DraftChoices::default()
    };
    let draft = desk
        .batch_draft(file.as_bytes(), "b.csv", choices)
        .expect("the file reads");
    let typed: Vec<ControlTotal> = draft
        .summary()
        .totals
        .into_iter()
        .map(|t| ControlTotal {
            currency: t.currency,
            count: t.count,
            total: t.total,
        })
        .collect();
    desk.confirm_batch(&draft, &typed, 600, PayAgain::default())
        .await
        .expect("the batch is written")
        .id
}

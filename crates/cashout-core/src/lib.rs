//! Cashout Desk's engine: everything the desktop app and the `cashout` CLI do, with no Tauri
//! dependency (CI checks `cargo tree -p cashout-core`).
//!
//! Map: [`money`] exact amounts; [`signing`] HMAC over bytes; [`status`] the life-cycle table;
//! [`codes`] the provider's codes explained; [`validate`] offline checks per country;
//! [`api`] typed bodies and the signing client; [`environment`] where requests go;
//! [`credentials`] the keychain; [`journal`] the write-ahead SQLite record; [`desk`] the
//! operations the UI and CLI call (create with safe retry, check, hold, release, cancel,
//! reconcile); [`audit`] the hash-chained audit log; [`error`] the one error type with stable codes; [`form`] what the new-cashout
//! form asks per country; [`watch`] the background poller; [`report`] the hold board and the CSV export; [`settings`] and [`workspace`] what the desktop shell stands on; [`datadir`] the one data
//! directory the app and the CLI share.

pub mod about;
pub mod api;
pub mod approvals;
pub mod audit;
pub mod banks;
pub mod batch;
pub mod beneficiaries;
pub mod clock;
pub mod codes;
pub mod credentials;
pub mod csv_table;
pub mod datadir;
pub mod desk;
pub mod environment;
pub mod error;
pub mod form;
pub mod journal;
pub mod l10n;
pub mod money;
pub mod overview;
pub mod period;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test reports
mod properties;
pub mod report;
pub mod settings;
pub mod signing;
pub mod status;
pub mod update;
pub mod validate;
pub mod watch;
pub mod workspace;

//! The command line, as clap types. Names and flags here are the CLI contract.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "cashout",
    version,
    about = "Request, check, hold, release and cancel payouts (Cashouts API v3)."
)]
pub struct Cli {
    /// Environment: sandbox (default), okp-staging, d24-staging, d24-production, okp-production, custom.
    #[arg(long = "env", global = true, value_name = "NAME")]
    pub env: Option<String>,
    /// Base URL of the API (https, or http on loopback). With okp-production/custom it is the host.
    #[arg(long = "base-url", global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// The journal file (default: the platform data directory).
    #[arg(long = "journal", global = true, value_name = "PATH")]
    pub journal: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a cashout from a JSON file of create fields (without login/pass); `-` is stdin.
    Create {
        #[arg(long, value_name = "FILE")]
        json: String,
        /// Accept documents that fail a national check-digit rule (sandbox and staging only).
        #[arg(long)]
        override_check_digits: bool,
        /// Validate and print what would be sent, without writing or sending anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Check a cashout's status with the provider.
    Status(Which),
    /// Put a PENDING cashout on hold.
    Hold(IdArg),
    /// Release an ON_HOLD cashout back to PENDING.
    Release(IdArg),
    /// Cancel a PENDING or ON_HOLD cashout.
    Cancel {
        #[arg(long, value_name = "N")]
        id: i64,
        /// Filled from the journal when omitted.
        #[arg(long = "external-id", value_name = "X")]
        external_id: Option<String>,
    },
    /// List the banks of a country.
    Banks {
        #[arg(long, value_name = "CC")]
        country: String,
    },
    /// List the journal's payouts of this environment, newest first.
    List {
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        country: Option<String>,
        /// Matches external_id, cashout_id or beneficiary.
        #[arg(long)]
        search: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// A payout's recorded history (what the state diagram draws).
    History(Which),
    /// Look up every create whose outcome was left unknown (sends nothing).
    Reconcile,
    /// Run the embedded sandbox until stopped; prints its URL.
    Sandbox {
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Forget every sandbox cashout first.
        #[arg(long)]
        reset: bool,
    },
    /// Store, inspect or remove an environment's credentials in the OS keychain.
    Credentials {
        #[command(subcommand)]
        action: CredentialsAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum CredentialsAction {
    /// Read API Key, API Passphrase, API Signature (and optionally the read-only key), one per
    /// line, from stdin, and store them.
    Set,
    /// Whether credentials are stored (never the values).
    Status,
    /// Remove them.
    Delete,
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct Which {
    #[arg(long, value_name = "N")]
    pub id: Option<i64>,
    #[arg(long = "external-id", value_name = "X")]
    pub external_id: Option<String>,
}

#[derive(Debug, Args)]
pub struct IdArg {
    #[arg(long, value_name = "N")]
    pub id: i64,
}

//! The command line, as clap types. Names and flags here are the CLI contract.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "cashout",
    version = cashout_core::about::VERSION_LINE,
    about = "Request, check, hold, release and cancel payouts (Cashouts API v3)."
)]
pub struct Cli {
    /// Environment: sandbox (default), okp-staging, d24-staging, d24-production, okp-production,
    /// custom, local.
    #[arg(long = "env", global = true, value_name = "NAME")]
    pub env: Option<String>,
    /// Base URL of the API (https, or http on loopback: environment `local`, with records of its
    /// own). With okp-production/custom it is the host.
    #[arg(long = "base-url", global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// The journal file (default: `journal.sqlite3` in the data directory the desktop app
    /// uses too, or in `CASHOUT_DATA_DIR`).
    #[arg(long = "journal", global = true, value_name = "PATH")]
    pub journal: Option<PathBuf>,
    /// Use the team journal (PostgreSQL) instead of the local one: a JSON file of its connection
    /// profile `{"host", "port", "database", "user", "ca_file"}`. The password comes from
    /// `CASHOUT_TEAM_PASSWORD` (never from an argument).
    #[arg(
        long = "team",
        global = true,
        value_name = "PROFILE",
        conflicts_with = "journal"
    )]
    pub team: Option<PathBuf>,
    /// The language of human messages (`message` fields and notices): en, es, pt-BR or a
    /// locale tag such as es-CO (its number format). Default: the system's (`LANG`). Codes,
    /// field names, status names and the JSON's shape never change with it.
    #[arg(long = "lang", global = true, value_name = "TAG")]
    pub lang: Option<String>,
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
        /// Pay a second time on purpose: the external_id of the earlier identical payout that
        /// a create without an external_id was refused as a possible duplicate of.
        #[arg(long = "pay-again-of", value_name = "X")]
        pay_again_of: Option<String>,
        /// This payout corrects an earlier one of this environment that moved no money
        /// (REJECTED or declined), named by its external_id: both histories link them.
        #[arg(long, value_name = "X")]
        corrects: Option<String>,
    },
    /// Send an unsettled create again with its own external_id (never a new one): it is looked
    /// up first, and a copy that reached the provider is found, never paid twice.
    Resend(Which),
    /// Stop checking an unsettled create, on purpose; the provider may still hold it.
    Abandon {
        #[command(flatten)]
        which: Which,
        /// Why, for the audit log.
        #[arg(long, value_name = "TEXT")]
        reason: String,
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
        #[command(flatten)]
        filters: Filters,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// A payout's recorded history (what the state diagram draws).
    History(Which),
    /// Look up, now, every create whose outcome is not settled (sends nothing).
    Reconcile,
    /// Run the embedded sandbox until stopped; prints its URL.
    Sandbox {
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Forget every sandbox cashout first.
        #[arg(long)]
        reset: bool,
    },
    /// Poll the provider for every payout that can still change, until stopped (Ctrl-C); one
    /// JSON line per observed change, hold alert, offline/online switch or reconcile.
    Watch {
        /// Days COMPLETED payouts are re-checked for a late rejection (1-90).
        #[arg(long, default_value_t = 14, alias = "completed-window-days")]
        late_rejection_window_days: u32,
        /// Most status requests per second (1-50).
        #[arg(long, default_value_t = 5)]
        rate: u32,
        /// Report ON_HOLD payouts older than this many hours (1-720).
        #[arg(long, default_value_t = 24)]
        hold_alert_hours: u32,
    },
    /// ON_HOLD payouts, oldest first, with the money they reserve per currency.
    Holds,
    /// The overview of a period (default: the last 30 days), per currency: count and sum by
    /// status, money in flight and on hold, rejections with their commonest codes, late
    /// rejections, provisional completions and the daily volume — the desktop's figures.
    Overview {
        /// The first day (YYYY-MM-DD, included); default 29 days before --to.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// The last day (YYYY-MM-DD, included); default today.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// The time zone of the days (an IANA name); the system's by default.
        #[arg(long, value_name = "ZONE")]
        tz: Option<String>,
    },
    /// Write the reconciliation CSV of this environment's payouts (filters apply).
    Export {
        /// The file to write; `-` is stdout.
        #[arg(long, value_name = "FILE")]
        out: String,
        #[command(flatten)]
        filters: Filters,
        /// Raw values and LF line ends, for programs (default: for spreadsheets).
        #[arg(long)]
        plain: bool,
        /// Replace the file if it exists (never a database such as the journal).
        #[arg(long)]
        overwrite: bool,
    },
    /// The requests sent for a payout (passphrase masked) with their signatures and answers.
    Exchanges(Which),
    /// Read or check the audit log.
    Audit {
        #[command(subcommand)]
        action: AuditCommand,
    },
    /// Saved beneficiaries of this environment: list them, save a payout's beneficiary under
    /// a label (as it was sent), delete one. Saving and deleting are audited.
    Beneficiaries {
        #[command(subcommand)]
        action: BeneficiaryCommand,
    },
    /// Batch payouts from a CSV or XLSX file: templates, import (checked row by row, written
    /// ahead once the control totals match), throttled sending with pause, resume and cancel,
    /// status, and the result file.
    Batch {
        #[command(subcommand)]
        action: BatchCommand,
    },
    /// Approvals (maker–checker) on the team journal: payouts waiting for approval, votes,
    /// and the team's policy.
    Approvals {
        #[command(subcommand)]
        action: ApprovalsCommand,
    },
    /// Set up and check the team journal (PostgreSQL; needs --team).
    Team {
        #[command(subcommand)]
        action: TeamCommand,
    },
    /// Store, inspect or remove an environment's credentials in the OS keychain.
    Credentials {
        #[command(subcommand)]
        action: CredentialsAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Write the template of a country (and payout method): one column per create field and
    /// an example row per method.
    Template {
        /// BR, MX, CO, PE, CL or AR.
        #[arg(long)]
        country: String,
        /// bank_transfer (default), a method's code, or words of its name (`pix`, `nequi`).
        #[arg(long)]
        method: Option<String>,
        /// An XLSX workbook whose columns are formatted as text (recommended), not CSV.
        #[arg(long)]
        xlsx: bool,
        /// Where to write it (default: the template's name in the current directory).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        overwrite: bool,
    },
    /// Read and check a file. With --dry-run, prints one JSON line per row (its verdict) and
    /// a summary line, and writes nothing. Otherwise writes the batch ahead of any send, once
    /// a --control total is given for every currency and matches.
    Import {
        file: PathBuf,
        /// Amounts are written 1.234,56 (a comma before the cents); default 1,234.56.
        #[arg(long)]
        decimal_comma: bool,
        /// Check only: print the verdicts, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The field a column fills, overriding the automatic mapping: HEADER=FIELD (FIELD
        /// `none` leaves the column out). Repeatable.
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        map: Vec<String>,
        /// Leave a row (its spreadsheet row number) out. Repeatable.
        #[arg(long = "exclude", value_name = "ROW")]
        exclude: Vec<u32>,
        /// The control total of a currency: CURRENCY:COUNT:TOTAL (TOTAL written in the file's
        /// decimal style). One per currency of the batch.
        #[arg(long = "control", value_name = "CUR:COUNT:TOTAL")]
        control: Vec<String>,
        /// Requests per minute when it is sent (1-600; default 60).
        #[arg(long)]
        rate: Option<u32>,
        /// Import a file an earlier batch holds anyway (audited).
        #[arg(long)]
        same_file_again: bool,
        /// Send rows that repeat a payout of the last 24 hours anyway (audited).
        #[arg(long)]
        pay_duplicates_again: bool,
        /// The notification URL of rows without one (default: the app's setting).
        #[arg(long, value_name = "URL")]
        notification_url: Option<String>,
    },
    /// Send a batch (or resume it), row by row at its rate; progress as JSON lines on stderr.
    Send {
        id: String,
        /// Requests per minute (1-600); default the batch's.
        #[arg(long)]
        rate: Option<u32>,
    },
    /// Pause a batch: its sender stops after the row it is sending.
    Pause { id: String },
    /// Resume a paused or interrupted batch (as send).
    Resume {
        id: String,
        #[arg(long)]
        rate: Option<u32>,
    },
    /// Cancel the rest of a batch: rows not sent yet are marked never sent.
    Cancel { id: String },
    /// A batch's state and progress; every batch of the environment without an id.
    Status { id: Option<String> },
    /// Write the result file: the input columns and what each row became.
    Results {
        id: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// XLSX (text cells) instead of CSV.
        #[arg(long)]
        xlsx: bool,
        #[arg(long)]
        overwrite: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BeneficiaryCommand {
    /// Every saved beneficiary, by label, with who pays where (account masked).
    List,
    /// Save the beneficiary of a payout (as it was sent) under LABEL; an existing label is
    /// replaced (audited as an update).
    Save {
        label: String,
        #[command(flatten)]
        which: Which,
    },
    /// Delete the saved beneficiary LABEL.
    Delete { label: String },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the whole hash chain; exit code 3 and the first broken entry when it is broken.
    Verify,
    /// Entries, newest first.
    List {
        /// create, hold, release, cancel, lookup, credentials_saved, credentials_removed,
        /// environment_switched, export, audit_verified.
        #[arg(long)]
        action: Option<String>,
        /// Matches ids, user and detail.
        #[arg(long)]
        search: Option<String>,
        /// Entries of every environment, not only this one.
        #[arg(long)]
        all_environments: bool,
        #[arg(long, default_value_t = 200)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApprovalsCommand {
    /// Approvals of this environment, oldest waiting first (decided: newest first).
    List {
        /// waiting-for-me (default): you may vote on them; waiting-for-others; decided.
        #[arg(long, value_enum, default_value_t = ApprovalsView::WaitingForMe)]
        view: ApprovalsView,
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
    /// One payout's approval: its votes, the payout and the exact request that was sent.
    Show(Which),
    /// Approve a payout (never your own). The vote that completes the approval releases it at
    /// the provider.
    Approve {
        #[command(flatten)]
        which: Which,
        /// A note for the audit log.
        #[arg(long, value_name = "TEXT", default_value = "")]
        reason: String,
    },
    /// Reject a payout (never your own); it is cancelled at the provider.
    Reject {
        #[command(flatten)]
        which: Which,
        /// Why (required; the preparer and the audit log read it).
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// The team's approval policy for this environment, and its recent changes.
    Policy {
        #[command(subcommand)]
        action: PolicyCommand,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ApprovalsView {
    WaitingForMe,
    WaitingForOthers,
    Decided,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// The thresholds in force and the last changes (proposed, applied, rejected).
    Show,
    /// As an administrator: propose that payouts of CURRENCY from THRESHOLD up need approval
    /// (or, with --remove, no longer do). It applies when another operator approves it.
    Propose {
        #[arg(long, value_name = "CCY")]
        currency: String,
        /// The amount from which approval is needed, as a plain decimal (e.g. 1000 or 1000.50).
        #[arg(long, value_name = "AMOUNT", required_unless_present = "remove")]
        threshold: Option<String>,
        /// Distinct approvers needed: 1 or 2.
        #[arg(long, default_value_t = 1)]
        approvers: u8,
        /// Hours an approval may wait before the payout is cancelled (1-720).
        #[arg(long, default_value_t = 168)]
        expires_after_hours: u32,
        /// The currency no longer needs approval.
        #[arg(long, conflicts_with = "threshold")]
        remove: bool,
    },
    /// Approve a proposed change (never your own proposal): it applies at once.
    Approve {
        #[arg(long, value_name = "N")]
        change: i64,
    },
    /// Reject a proposed change, saying why.
    Reject {
        #[arg(long, value_name = "N")]
        change: i64,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// As the team's administrator (the profile's user must be able to create roles): create
    /// the group roles and the schema, or bring the schema to this version. Safe to run again
    /// and from two places at once.
    Init,
    /// The same as `init`: bring the schema to this version after an update.
    Migrate,
    /// As the administrator: add the login role NAME in the operators' group (or reset its
    /// password). The operator's password is read from stdin (at least 12 characters).
    AddOperator {
        #[arg(value_name = "NAME")]
        name: String,
        /// Also an approver: may approve or reject others' payouts that need approval.
        #[arg(long)]
        approver: bool,
        /// Also an administrator of the team: may propose changes to the approval policy.
        #[arg(long)]
        admin: bool,
    },
    /// Copy the payouts of this computer's local journal (the one the app and the CLI share)
    /// into the team journal, as the profile's operator: nothing is doubled; audited in both.
    ImportLocal,
    /// Sign in as the profile's operator: who the database says you are, the schema version,
    /// whether the connection is encrypted, and whether the audit chain verifies.
    Status,
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

/// Which payouts a listing or an export takes.
#[derive(Debug, Args)]
pub struct Filters {
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    /// Only payouts in this currency (ISO 4217, e.g. BRL).
    #[arg(long)]
    pub currency: Option<String>,
    /// Only payouts that reached the provider (a status other than DECLINED): what the
    /// overview's "sent" figure counts.
    #[arg(long)]
    pub sent: bool,
    /// Found in the external_id, beneficiary, document, account or PIX key, e-mail or phone
    /// (case, accents and separators ignored), or equal to the cashout id.
    #[arg(long)]
    pub search: Option<String>,
    /// Created in this period of the operator's calendar.
    #[arg(long, value_enum, conflicts_with_all = ["from", "to"])]
    pub period: Option<PeriodArg>,
    /// Created on or after this day (YYYY-MM-DD, the operator's time zone).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Created on or before this day (YYYY-MM-DD, included).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// The time zone of periods and local times (an IANA name, e.g. America/Sao_Paulo);
    /// the system's by default.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Order by this key (newest or largest first unless --ascending).
    #[arg(long, value_enum, default_value = "created")]
    pub sort: SortArg,
    #[arg(long)]
    pub ascending: bool,
}

/// A calendar period (see `cashout_core::period::Period`).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PeriodArg {
    Today,
    Yesterday,
    #[value(name = "last-7-days")]
    Last7Days,
    #[value(name = "last-30-days")]
    Last30Days,
    #[value(name = "this-month")]
    ThisMonth,
}

/// A sort key (see `cashout_core::journal::SortKey`).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SortArg {
    Created,
    Amount,
    Status,
    Beneficiary,
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

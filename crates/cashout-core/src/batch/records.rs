//! A batch as the journal keeps it: the batch (its file's hash, who confirmed it, its control
//! totals, its state) and its rows (the cells as confirmed, and the payout each one became).
//!
//! Guarantees the stores give (both; the conformance suite holds them to it):
//! - [`NewBatch`] is written in one transaction with every ready row as a payout in phase
//!   `queued` (its external_id fixed) and its audit entry: a crash leaves all of it or none;
//! - a file whose hash an earlier batch of the environment holds is refused unless the operator
//!   said to import it again (audited so);
//! - the state moves only as [`BatchChange`] allows, and one desk at a time sends a batch (a
//!   lease, like a create's send claim); cancelling marks every row not yet sent as never sent
//!   in the same transaction, so no sender picks one up afterwards.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{BatchTotal, DecimalStyle, FileFormat};
use crate::api::types::CreateCashout;
use crate::journal::PayoutRecord;

/// Where a batch stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BatchState {
    /// Written, not started.
    Ready,
    /// A desk is sending it (while its lease lasts; after that it was interrupted).
    Sending,
    /// Paused by an operator (or by the sender after repeated failures to reach the provider).
    Paused,
    /// Every row was sent (each ended in a cashout or a reason).
    Done,
    /// Cancelled: the rows not yet sent were marked never sent.
    Cancelled,
}

impl BatchState {
    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ready => "ready",
            Self::Sending => "sending",
            Self::Paused => "paused",
            Self::Done => "done",
            Self::Cancelled => "cancelled",
        }
    }

    /// The state with this stored name; an unknown one reads as paused (nothing sends it until
    /// an operator looks).
    #[must_use]
    pub fn parse(s: &str) -> Self {
        match s {
            "ready" => Self::Ready,
            "sending" => Self::Sending,
            "done" => Self::Done,
            "cancelled" => Self::Cancelled,
            _ => Self::Paused,
        }
    }
}

/// One row to write with a new batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBatchRow {
    /// The spreadsheet's row number.
    pub row: u32,
    /// The cells' text as confirmed (fixes included).
    pub cells: Vec<String>,
    /// The payout to send; `None` for a row the operator excluded.
    pub request: Option<CreateCashout>,
}

/// A confirmed batch, to write ahead of any send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBatch {
    pub id: String,
    pub scope: String,
    pub base_url: String,
    pub file_name: String,
    pub file_sha256: String,
    pub format: FileFormat,
    /// The CSV's separator (for the result file).
    pub separator: Option<char>,
    pub decimal: DecimalStyle,
    /// Who confirmed it (the OS user; the team journal adds the login role).
    pub operator: String,
    pub headers: Vec<String>,
    /// The totals the operator confirmed.
    pub totals: Vec<BatchTotal>,
    /// Requests per minute the sender keeps to.
    pub rate_per_minute: u32,
    pub rows: Vec<NewBatchRow>,
    /// Import a file an earlier batch holds anyway (the operator said so).
    pub same_file_again: bool,
}

/// What writing a batch came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchWritten {
    Written(Box<BatchRecord>),
    /// An earlier batch of the environment holds the same file; nothing was written.
    SameFile(Box<BatchRecord>),
}

/// How many rows stand where.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BatchProgress {
    /// Rows written to send.
    #[ts(type = "number")]
    pub payouts: u32,
    /// Excluded by the operator (never sent).
    #[ts(type = "number")]
    pub excluded: u32,
    /// Not sent yet.
    #[ts(type = "number")]
    pub waiting: u32,
    /// Being sent, or sent with the outcome not known yet (looked up until settled).
    #[ts(type = "number")]
    pub in_flight: u32,
    /// The provider holds them (any status).
    #[ts(type = "number")]
    pub created: u32,
    /// Refused by the provider.
    #[ts(type = "number")]
    pub declined: u32,
    /// Never left (could not be delivered, or the batch was cancelled before them).
    #[ts(type = "number")]
    pub not_sent: u32,
    /// Of the created: REJECTED by the bank since.
    #[ts(type = "number")]
    pub rejected: u32,
    /// Of the created: COMPLETED.
    #[ts(type = "number")]
    pub completed: u32,
}

impl BatchProgress {
    /// Rows whose send is over (created, declined or never sent).
    #[must_use]
    pub fn settled(&self) -> u32 {
        self.created + self.declined + self.not_sent
    }
}

/// A batch as stored, with its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BatchRecord {
    pub id: String,
    pub scope: String,
    pub file_name: String,
    pub file_sha256: String,
    pub format: FileFormat,
    pub separator: Option<String>,
    pub decimal: DecimalStyle,
    pub operator: String,
    pub headers: Vec<String>,
    pub totals: Vec<BatchTotal>,
    #[ts(type = "number")]
    pub rows: u32,
    pub state: BatchState,
    #[ts(type = "number")]
    pub rate_per_minute: u32,
    /// The desk sending it, and until when its lease lasts.
    pub sender: Option<String>,
    pub lease_until: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub progress: BatchProgress,
}

/// One row as stored, with the payout it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRowRecord {
    pub row: u32,
    pub cells: Vec<String>,
    /// `None` for an excluded row.
    pub payout: Option<PayoutRecord>,
}

/// A change of a batch's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchChange {
    /// Start or resume sending as `sender` for `lease` from now (the store's clock): from
    /// ready, paused, or sending whose lease ran out (an interrupted send); also renews the
    /// lease of the same sender.
    Send {
        sender: String,
        lease: std::time::Duration,
        rate_per_minute: u32,
    },
    /// Stop after the row being sent: from sending (or ready).
    Pause,
    /// Cancel what is not sent yet: every `queued` row becomes `not_sent` in the same
    /// transaction. From anything but done and cancelled.
    Cancel,
    /// Every row was sent: from sending, when no row is left queued.
    Finish,
}

/// The state `change` moves `batch` to at `now` (the store's clock, formatted), or why it
/// cannot: the one rule both stores apply inside their transaction.
///
/// # Errors
/// Why the change is not allowed, in words.
pub fn next_state(
    batch: &BatchRecord,
    change: &BatchChange,
    now: &str,
) -> Result<BatchState, String> {
    let id = &batch.id;
    let live_lease =
        batch.state == BatchState::Sending && batch.lease_until.as_deref().is_some_and(|u| u > now);
    match change {
        BatchChange::Send { sender, .. } => match batch.state {
            BatchState::Ready | BatchState::Paused => Ok(BatchState::Sending),
            // The same desk renewing, or a send whose desk stopped (its lease ran out).
            BatchState::Sending
                if !live_lease
                    || batch
                        .sender
                        .as_deref()
                        .is_some_and(|s| s == sender || s.ends_with(&format!(" — {sender}"))) =>
            {
                Ok(BatchState::Sending)
            }
            BatchState::Sending => Err(format!(
                "batch {id} is being sent by {} (until {}); one desk at a time sends a batch",
                batch.sender.clone().unwrap_or_default(),
                batch.lease_until.clone().unwrap_or_default()
            )),
            other => Err(format!(
                "batch {id} is {}: nothing is left to send",
                other.as_str()
            )),
        },
        BatchChange::Pause => match batch.state {
            BatchState::Ready | BatchState::Sending | BatchState::Paused => Ok(BatchState::Paused),
            other => Err(format!(
                "batch {id} is {}: there is nothing to pause",
                other.as_str()
            )),
        },
        BatchChange::Cancel => match batch.state {
            BatchState::Done | BatchState::Cancelled => {
                Err(format!("batch {id} is {} already", batch.state.as_str()))
            }
            _ => Ok(BatchState::Cancelled),
        },
        BatchChange::Finish if batch.progress.waiting > 0 => Err(format!(
            "batch {id} still has {} rows to send",
            batch.progress.waiting
        )),
        BatchChange::Finish => match batch.state {
            BatchState::Cancelled => Ok(BatchState::Cancelled),
            _ => Ok(BatchState::Done),
        },
    }
}

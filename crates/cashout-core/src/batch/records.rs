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
use crate::l10n::dates::moment_shown;
use crate::l10n::messages::tr;

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

    /// The state in the operator's language, as a sentence says it ("batch … is paused"); in
    /// English, its stored name.
    #[must_use]
    pub fn in_words(self) -> String {
        tr("batch-record-state", &[("state", self.as_str().into())])
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
    /// Of the created: CANCELLED (by an operator, or their approval rejected or expired).
    #[ts(type = "number")]
    pub cancelled: u32,
}

impl BatchProgress {
    /// Every row that was sent has its final status (COMPLETED, REJECTED or CANCELLED) and
    /// none is left to send or settle.
    #[must_use]
    pub fn all_final(&self) -> bool {
        self.waiting == 0
            && self.in_flight == 0
            && self.completed + self.rejected + self.cancelled == self.created
    }

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
    /// `sending`, but no sender holds it: its lease ran out (leases are written and read by
    /// the desks' clocks, as every send claim is), or (local journal) the process that sent
    /// it is gone. Computed by the store when read, by the rule [`next_state`] applies, so
    /// "interrupted" on screen means "resume takes it over" — never the window's clock.
    pub interrupted: bool,
}

impl BatchRecord {
    /// Whether the batch is `sending` with no live sender as of `now` (the store's clock; see
    /// [`BatchRecord::interrupted`]).
    #[must_use]
    pub fn sender_gone(&self, now: &str) -> bool {
        self.state == BatchState::Sending && self.lease_until.as_deref().is_none_or(|u| u <= now)
    }

    /// The record as seen at `now`: [`BatchRecord::interrupted`] set.
    #[must_use]
    pub fn seen_at(mut self, now: &str) -> Self {
        self.interrupted = self.sender_gone(now);
        self
    }
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
    /// The sender's renewal between rows: only while the batch is sending *by this sender*
    /// (a pause, a cancel or another desk's takeover ends it; it never undoes a pause).
    Renew {
        sender: String,
        lease: std::time::Duration,
    },
    /// Stop after the row being sent: from sending (or ready).
    Pause,
    /// Cancel what is not sent yet: every `queued` row becomes `not_sent` in the same
    /// transaction. From anything but done and cancelled.
    Cancel,
    /// Every row was sent: from sending, when no row is left queued.
    Finish,
}

/// Whether `sender` is the desk the batch records as its sender (the team journal puts the
/// login role in front).
fn holds(batch: &BatchRecord, sender: &str) -> bool {
    batch
        .sender
        .as_deref()
        .is_some_and(|s| s == sender || s.ends_with(&format!(" — {sender}")))
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
    let id = batch.id.as_str();
    let live_lease = batch.state == BatchState::Sending && !batch.sender_gone(now);
    match change {
        BatchChange::Renew { sender, .. } => match batch.state {
            BatchState::Sending if holds(batch, sender) => Ok(BatchState::Sending),
            other => Err(tr(
                "batch-change-not-sender",
                &[("batch", id.into()), ("state", other.in_words().into())],
            )),
        },
        BatchChange::Send { sender, .. } => match batch.state {
            BatchState::Ready | BatchState::Paused => Ok(BatchState::Sending),
            // The same desk starting again, or a send whose desk stopped (its lease ran out).
            BatchState::Sending if !live_lease || holds(batch, sender) => Ok(BatchState::Sending),
            BatchState::Sending => Err(tr(
                "batch-change-busy",
                &[
                    ("batch", id.into()),
                    ("sender", batch.sender.clone().unwrap_or_default().into()),
                    (
                        "until",
                        moment_shown(batch.lease_until.as_deref().unwrap_or_default()).into(),
                    ),
                ],
            )),
            other => Err(tr(
                "batch-change-nothing-to-send",
                &[("batch", id.into()), ("state", other.in_words().into())],
            )),
        },
        BatchChange::Pause => match batch.state {
            BatchState::Ready | BatchState::Sending | BatchState::Paused => Ok(BatchState::Paused),
            other => Err(tr(
                "batch-change-nothing-to-pause",
                &[("batch", id.into()), ("state", other.in_words().into())],
            )),
        },
        BatchChange::Cancel => match batch.state {
            BatchState::Done | BatchState::Cancelled => Err(tr(
                "batch-change-already",
                &[
                    ("batch", id.into()),
                    ("state", batch.state.in_words().into()),
                ],
            )),
            _ => Ok(BatchState::Cancelled),
        },
        BatchChange::Finish if batch.progress.waiting > 0 => Err(tr(
            "batch-change-rows-left",
            &[
                ("batch", id.into()),
                ("rows", i64::from(batch.progress.waiting).into()),
            ],
        )),
        BatchChange::Finish => match batch.state {
            BatchState::Cancelled => Ok(BatchState::Cancelled),
            _ => Ok(BatchState::Done),
        },
    }
}

/// Why a payout in `phase`, a row of batch `id` standing in `state`, may not be sent now (both
/// stores check it in the transaction that moves the row to `intent`, so a cancel or pause that
/// lands while a sender waits for its rate slot is never undone by the send):
/// - a row not sent yet (`queued`) is sent only by its batch's sender, while it sends;
/// - a row of a cancelled batch that moved no money (`queued`, `not_sent`, `declined`) is never
///   sent: the cancel said the rest is not sent.
///
/// Rows that may have left (open creates) are always resent under their own external_id when
/// asked: that is how they are settled.
#[must_use]
pub fn send_refused(phase: &str, id: &str, state: &str) -> Option<String> {
    match (phase, BatchState::parse(state)) {
        ("queued" | "not_sent" | "declined", BatchState::Cancelled) => {
            Some(tr("batch-row-never-sent", &[("batch", id.into())]))
        }
        ("queued", BatchState::Sending) => None,
        ("queued", other) => Some(tr(
            "batch-row-waits-for-batch",
            &[("batch", id.into()), ("state", other.in_words().into())],
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(state: BatchState, sender: Option<&str>, lease_until: Option<&str>) -> BatchRecord {
        BatchRecord {
            id: "b".into(),
            scope: "s".into(),
            file_name: "f.csv".into(),
            file_sha256: String::new(),
            format: FileFormat::Csv,
            separator: None,
            decimal: DecimalStyle::Point,
            operator: "ana".into(),
            headers: Vec::new(),
            totals: Vec::new(),
            rows: 2,
            state,
            rate_per_minute: 60,
            sender: sender.map(str::to_owned),
            lease_until: lease_until.map(str::to_owned),
            created_at: String::new(),
            updated_at: String::new(),
            progress: BatchProgress {
                waiting: 1,
                ..BatchProgress::default()
            },
            interrupted: false,
        }
    }

    const NOW: &str = "2026-11-30T10:00:00.000Z";
    const LATER: &str = "2026-11-30T10:03:00.000Z";

    fn renew(sender: &str) -> BatchChange {
        BatchChange::Renew {
            sender: sender.into(),
            lease: std::time::Duration::from_secs(60),
        }
    }

    #[test]
    fn a_renewal_never_undoes_a_pause_or_a_cancel_and_only_its_sender_renews() {
        let paused = batch(BatchState::Paused, Some("a"), Some(LATER));
        assert!(next_state(&paused, &renew("a"), NOW).is_err());
        let cancelled = batch(BatchState::Cancelled, Some("a"), Some(LATER));
        assert!(next_state(&cancelled, &renew("a"), NOW).is_err());
        let sending = batch(BatchState::Sending, Some("role — a"), Some(LATER));
        assert_eq!(
            next_state(&sending, &renew("a"), NOW),
            Ok(BatchState::Sending)
        );
        assert!(next_state(&sending, &renew("b"), NOW).is_err());
    }

    #[test]
    fn a_send_reads_as_interrupted_exactly_when_another_desk_may_take_it_over() {
        let take_over = BatchChange::Send {
            sender: "b".into(),
            lease: std::time::Duration::from_secs(60),
            rate_per_minute: 60,
        };
        for (state, lease, interrupted) in [
            (BatchState::Sending, Some(LATER), false),
            (BatchState::Sending, Some(NOW), true),
            (BatchState::Sending, None, true),
            (BatchState::Paused, None, false),
            (BatchState::Ready, None, false),
            (BatchState::Done, None, false),
        ] {
            let b = batch(state, Some("role — a"), lease).seen_at(NOW);
            assert_eq!(b.interrupted, interrupted, "{state:?} until {lease:?}");
            if state == BatchState::Sending {
                assert_eq!(
                    next_state(&b, &take_over, NOW).is_ok(),
                    interrupted,
                    "another desk takes over exactly an interrupted send"
                );
            }
        }
    }

    #[test]
    fn rows_that_never_left_are_sent_only_while_their_batch_sends_and_never_after_a_cancel() {
        assert!(send_refused("queued", "b", "sending").is_none());
        assert!(send_refused("queued", "b", "paused").is_some());
        assert!(send_refused("queued", "b", "cancelled").is_some());
        assert!(send_refused("not_sent", "b", "cancelled").is_some());
        assert!(send_refused("not_sent", "b", "paused").is_none());
        assert!(send_refused("declined", "b", "cancelled").is_some());
        // A row that may have left is settled by resending its own external_id.
        assert!(send_refused("sent_not_found", "b", "cancelled").is_none());
    }
}

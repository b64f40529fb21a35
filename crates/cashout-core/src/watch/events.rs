//! What the watcher reports: status changes, hold alerts, offline/online and reconcile events,
//! the notices worth a desktop notification (and their words), and the events the desktop shell
//! pushes to its window.

use serde::Serialize;
use ts_rs::TS;

use crate::clock::parse_instant;
use crate::desk::{PayoutView, ReconcileReport};
use crate::l10n::messages::tr;
use crate::status::CashoutStatus;

/// A status change the watcher observed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StatusChange {
    pub at: String,
    pub from: Option<CashoutStatus>,
    pub to: CashoutStatus,
    /// COMPLETED → REJECTED: the bank returned the funds after the payout was completed.
    pub late_rejection: bool,
    pub payout: PayoutView,
}

/// An ON_HOLD payout older than the alert age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HoldAlert {
    pub at: String,
    pub held_since: String,
    pub payout: PayoutView,
}

/// Something the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum WatchEvent {
    Changed(StatusChange),
    HoldAlert(HoldAlert),
    /// The provider could not be reached; polling pauses until `retry_at`.
    Offline {
        at: String,
        retry_at: String,
        detail: String,
    },
    /// Reached again after being offline (or after the journal failed).
    Online {
        at: String,
    },
    /// The journal could not be read or written; watching resumes at `retry_at`.
    Stalled {
        at: String,
        retry_at: String,
        detail: String,
    },
    /// A reconcile pass resolved open creates.
    Reconciled {
        at: String,
        report: ReconcileReport,
    },
    /// Approvals expired, or decided approvals were released or cancelled at the provider
    /// (team journal).
    ApprovalsSwept {
        at: String,
        sweep: crate::desk::ApprovalSweep,
    },
}

/// A desktop notification an event deserves: COMPLETED, REJECTED (a late rejection said so),
/// and holds older than the alert age. Other events (DELIVERED, offline, …) are shown in the
/// app but do not interrupt the operator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Notice {
    pub title: String,
    pub body: String,
    /// The payout to open when the notification is clicked.
    pub cashout_id: Option<i64>,
    pub external_id: Option<String>,
    /// Or the batch to open (a notice about a batch's rows; see `Desk::fold_notices`).
    pub batch_id: Option<String>,
}

/// "BRL 150,25 to Ana Souza (cashout 8400001)", in the active language, the amount as the
/// operator's locale writes it.
fn money_and_who(p: &PayoutView) -> String {
    let amount = p
        .amount_shown
        .clone()
        .or_else(|| crate::l10n::numbers::money_shown(p.amount.as_deref(), p.currency.as_deref()))
        .unwrap_or_else(|| tr("notice-a-payout", &[]));
    let id = p
        .cashout_id
        .map(|c| tr("notice-cashout", &[("id", c.to_string().into())]))
        .or_else(|| {
            p.external_id
                .as_ref()
                .map(|x| tr("notice-external-id", &[("id", x.clone().into())]))
        })
        .unwrap_or_default();
    match &p.beneficiary {
        Some(b) => tr(
            "notice-payout-to",
            &[
                ("amount", amount.into()),
                ("beneficiary", b.clone().into()),
                ("id", id.into()),
            ],
        ),
        None => tr(
            "notice-payout",
            &[("amount", amount.into()), ("id", id.into())],
        ),
    }
}

/// How long a hold has lasted, in the two largest units ("3 d 4 h", "26 h" reads worse).
fn held_for(h: &HoldAlert) -> String {
    let secs = match (parse_instant(&h.at), parse_instant(&h.held_since)) {
        (Some(at), Some(since)) => (at - since).whole_seconds().max(0),
        _ => {
            return tr(
                "notice-held-since",
                &[("since", h.held_since.clone().into())],
            )
        }
    };
    let (d, hrs, min) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    match (d, hrs) {
        (0, 0) => format!("{min} min"),
        (0, h) => format!("{h} h {min} min"),
        (d, 0) => format!("{d} d"),
        (d, h) => format!("{d} d {h} h"),
    }
}

impl WatchEvent {
    /// The desktop notification this event deserves, if any.
    #[must_use]
    pub fn notice(&self) -> Option<Notice> {
        let (title, payout) = match self {
            Self::Changed(c) if c.late_rejection => (tr("notice-late-rejection", &[]), &c.payout),
            Self::Changed(c) if c.to == CashoutStatus::Rejected => {
                (tr("notice-rejected", &[]), &c.payout)
            }
            Self::Changed(c) if c.to == CashoutStatus::Completed => {
                (tr("notice-completed", &[]), &c.payout)
            }
            Self::HoldAlert(h) => (
                tr("notice-on-hold", &[("held", held_for(h).into())]),
                &h.payout,
            ),
            _ => return None,
        };
        let mut body = money_and_who(payout);
        if let Some(e) = &payout.rejection_explanation {
            body.push_str(&format!(" — {} {}: {}", e.code, e.name, e.explanation));
        }
        Some(Notice {
            title,
            body,
            cashout_id: payout.cashout_id,
            external_id: payout.external_id.clone(),
            batch_id: None,
        })
    }
}

/// What the desktop shell pushes to its window: an event of the watcher (with the notice it
/// raised, if any), or a request to open a payout (a desktop notification was clicked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum DeskEvent {
    Watch {
        event: Box<WatchEvent>,
        notice: Option<Notice>,
    },
    Open {
        cashout_id: Option<i64>,
        external_id: Option<String>,
        batch_id: Option<String>,
    },
    /// A notice about a batch's rows, gathered over a window (see `Desk::fold_notices`); also
    /// raised as a desktop notification.
    BatchNotice { notice: Notice },
    /// A newer version is offered (the daily check found it; Settings → About installs it).
    UpdateOffered {
        offer: crate::update::UpdateOffer,
        notice: Notice,
    },
    /// Another desk changed the shared journal: re-read what is on screen (a hint, never data).
    Journal { change: crate::journal::Change },
    /// Payouts wait for this operator's approval: how many, and, when one more arrived, the
    /// notice that says so (also raised as a desktop notification).
    Approvals {
        waiting_for_me: u32,
        notice: Option<Notice>,
    },
}

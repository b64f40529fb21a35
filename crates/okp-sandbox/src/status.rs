//! The six cashout statuses and the moves between them, written from the API reference alone
//! (§7 update, §8 cancel, §11.1 status codes, and the status-flow notes of seed 001).
//!
//! Guarantees: numbers 0–5 and names are the provider's; [`EDGES`] is the whole transition
//! table, so a move not listed there never happens in the sandbox, whether the merchant asks
//! for it or the simulated bank would take it. DECLINED is not here: the reference says it is
//! not a status (a refused create simply fails and leaves nothing behind).
//!
//! Left out: which edge the simulated bank takes and when (that is `lifecycle`), and the wording
//! of descriptions the reference leaves open (codes 4 and 5), which are ours.

/// A cashout's status, as the provider numbers it (§11.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Status {
    Pending,
    Completed,
    Cancelled,
    Rejected,
    Delivered,
    OnHold,
}

/// What the merchant can ask for through the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Request {
    /// `PUT /v3/cashout/status` with `ON_HOLD`.
    Hold,
    /// `PUT /v3/cashout/status` with `PENDING`.
    Release,
    /// `DELETE /v3/cashout/cancel`.
    Cancel,
}

/// Who moves a cashout along an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cause {
    /// The merchant, through the API (or the panel).
    Merchant(Request),
    /// The bank (or the provider on the bank's word).
    Bank,
}

/// One allowed move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Edge {
    pub from: Status,
    pub to: Status,
    pub by: Cause,
    /// COMPLETED → REJECTED: the bank returns funds after confirming (§11.1 "final*").
    pub late: bool,
}

const fn edge(from: Status, to: Status, by: Cause) -> Edge {
    Edge {
        from,
        to,
        by,
        late: false,
    }
}

use Cause::{Bank, Merchant};
use Status as S;

/// Every allowed move. From seed 001's status flow: PENDING can be held, cancelled or sent to
/// the bank; ON_HOLD can be released or cancelled; DELIVERED ends COMPLETED or REJECTED;
/// COMPLETED can still turn REJECTED. CANCELLED and REJECTED are final.
pub(crate) const EDGES: [Edge; 8] = [
    edge(S::Pending, S::OnHold, Merchant(Request::Hold)),
    edge(S::Pending, S::Cancelled, Merchant(Request::Cancel)),
    edge(S::Pending, S::Delivered, Bank),
    edge(S::OnHold, S::Pending, Merchant(Request::Release)),
    edge(S::OnHold, S::Cancelled, Merchant(Request::Cancel)),
    edge(S::Delivered, S::Completed, Bank),
    edge(S::Delivered, S::Rejected, Bank),
    Edge {
        from: S::Completed,
        to: S::Rejected,
        by: Bank,
        late: true,
    },
];

impl Status {
    /// Every status, in the provider's numbering.
    pub(crate) const ALL: [Status; 6] = [
        S::Pending,
        S::Completed,
        S::Cancelled,
        S::Rejected,
        S::Delivered,
        S::OnHold,
    ];

    /// The provider's `cashout_status` number.
    pub(crate) const fn number(self) -> i64 {
        match self {
            S::Pending => 0,
            S::Completed => 1,
            S::Cancelled => 2,
            S::Rejected => 3,
            S::Delivered => 4,
            S::OnHold => 5,
        }
    }

    /// The status with this number, if the reference defines one.
    pub(crate) fn from_number(n: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.number() == n)
    }

    /// The name the update endpoint takes (`PENDING`, `ON_HOLD`, …).
    pub(crate) const fn name(self) -> &'static str {
        match self {
            S::Pending => "PENDING",
            S::Completed => "COMPLETED",
            S::Cancelled => "CANCELLED",
            S::Rejected => "REJECTED",
            S::Delivered => "DELIVERED",
            S::OnHold => "ON_HOLD",
        }
    }

    /// `cashout_status_description` of the status answer. "Pending", "Completed" and
    /// "Rejected" are the reference's; the others are UNCONFIRMED wording (§15).
    pub(crate) const fn description(self) -> &'static str {
        match self {
            S::Pending => "Pending",
            S::Completed => "Completed",
            S::Cancelled => "Cancelled",
            S::Rejected => "Rejected",
            S::Delivered => "Delivered",
            S::OnHold => "On hold",
        }
    }

    /// The edge a merchant request takes from this status, if the table has one.
    pub(crate) fn on(self, request: Request) -> Option<&'static Edge> {
        EDGES
            .iter()
            .find(|e| e.from == self && e.by == Merchant(request))
    }

    /// The edges the bank may take from this status.
    pub(crate) fn bank_edges(self) -> impl Iterator<Item = &'static Edge> + Clone {
        EDGES.iter().filter(move |e| e.from == self && e.by == Bank)
    }
}

impl Request {
    /// The request an update endpoint `status` value names, if the endpoint supports it
    /// (§7: only `PENDING` and `ON_HOLD`).
    pub(crate) fn from_update_status(name: &str) -> Option<Self> {
        if name == S::OnHold.name() {
            Some(Self::Hold)
        } else if name == S::Pending.name() {
            Some(Self::Release)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_reference_table() {
        let numbered: Vec<(i64, &str)> =
            Status::ALL.iter().map(|s| (s.number(), s.name())).collect();
        assert_eq!(
            numbered,
            vec![
                (0, "PENDING"),
                (1, "COMPLETED"),
                (2, "CANCELLED"),
                (3, "REJECTED"),
                (4, "DELIVERED"),
                (5, "ON_HOLD"),
            ]
        );
        assert_eq!(Status::from_number(5), Some(Status::OnHold));
        assert_eq!(Status::from_number(6), None);
        assert_eq!(Status::from_number(-1), None);
    }

    #[test]
    fn only_pending_and_on_hold_accept_merchant_requests() {
        assert_eq!(
            Status::Pending.on(Request::Hold).map(|e| e.to),
            Some(Status::OnHold)
        );
        assert_eq!(
            Status::OnHold.on(Request::Release).map(|e| e.to),
            Some(Status::Pending)
        );
        assert!(Status::Pending.on(Request::Release).is_none());
        assert!(Status::OnHold.on(Request::Hold).is_none());
        for s in [S::Pending, S::OnHold] {
            assert_eq!(s.on(Request::Cancel).map(|e| e.to), Some(S::Cancelled));
        }
        for s in [S::Delivered, S::Completed, S::Rejected, S::Cancelled] {
            for r in [Request::Hold, Request::Release, Request::Cancel] {
                assert!(s.on(r).is_none(), "{s:?} {r:?}");
            }
        }
    }

    #[test]
    fn cancelled_and_rejected_are_final_and_completed_is_not() {
        assert_eq!(S::Cancelled.bank_edges().count(), 0);
        assert_eq!(S::Rejected.bank_edges().count(), 0);
        let late: Vec<&Edge> = S::Completed.bank_edges().collect();
        assert_eq!(late.len(), 1);
        assert!(late[0].late && late[0].to == S::Rejected);
    }

    #[test]
    fn update_supports_only_pending_and_on_hold() {
        assert_eq!(Request::from_update_status("ON_HOLD"), Some(Request::Hold));
        assert_eq!(
            Request::from_update_status("PENDING"),
            Some(Request::Release)
        );
        assert_eq!(Request::from_update_status("CANCELLED"), None);
        assert_eq!(Request::from_update_status("on_hold"), None);
    }
}

//! The cashout life cycle: one table for statuses, transitions, actions and finality.
//!
//! Statuses 0–5 come from the provider (`cashout_status`); `DECLINED` is ours for a create the
//! provider refused, which never got an id. Every other part of the program (journal, desk, the
//! diagram in the UI) reads this table rather than restating it.
//!
//! COMPLETED is "final*": a bank can return the funds later, so COMPLETED → REJECTED is allowed
//! and marked `late`. Keep watching completed payouts for that.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a cashout is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[ts(export)]
pub enum CashoutStatus {
    Pending,
    Completed,
    Cancelled,
    Rejected,
    Delivered,
    OnHold,
    /// The create call was refused; no cashout exists at the provider.
    Declined,
    /// The provider answered a `cashout_status` number this program does not know (the
    /// journal keeps the number). Nothing is allowed until a known status is seen, and the
    /// payout is polled like an open one. Not part of the diagram's table.
    Unknown,
}

/// Something an operator can ask the provider to do to a cashout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Action {
    /// PENDING → ON_HOLD (`PUT /v3/cashout/status`, `ON_HOLD`).
    Hold,
    /// ON_HOLD → PENDING (`PUT /v3/cashout/status`, `PENDING`).
    Release,
    /// PENDING or ON_HOLD → CANCELLED (`DELETE /v3/cashout/cancel`).
    Cancel,
}

/// One allowed move between statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Transition {
    pub from: CashoutStatus,
    pub to: CashoutStatus,
    /// What causes it: an operator action, or the bank/provider (`None`).
    pub by: Option<Action>,
    /// A reversal after a status that looked final (COMPLETED → REJECTED).
    pub late: bool,
}

use CashoutStatus as S;

/// Every status, in the order the provider numbers them, DECLINED last.
pub const ALL_STATUSES: [CashoutStatus; 7] = [
    S::Pending,
    S::Completed,
    S::Cancelled,
    S::Rejected,
    S::Delivered,
    S::OnHold,
    S::Declined,
];

/// The allowed transitions. Anything not listed is not a legal move.
pub const TRANSITIONS: [Transition; 8] = [
    Transition {
        from: S::Pending,
        to: S::OnHold,
        by: Some(Action::Hold),
        late: false,
    },
    Transition {
        from: S::Pending,
        to: S::Cancelled,
        by: Some(Action::Cancel),
        late: false,
    },
    Transition {
        from: S::Pending,
        to: S::Delivered,
        by: None,
        late: false,
    },
    Transition {
        from: S::OnHold,
        to: S::Pending,
        by: Some(Action::Release),
        late: false,
    },
    Transition {
        from: S::OnHold,
        to: S::Cancelled,
        by: Some(Action::Cancel),
        late: false,
    },
    Transition {
        from: S::Delivered,
        to: S::Completed,
        by: None,
        late: false,
    },
    Transition {
        from: S::Delivered,
        to: S::Rejected,
        by: None,
        late: false,
    },
    Transition {
        from: S::Completed,
        to: S::Rejected,
        by: None,
        late: true,
    },
];

impl CashoutStatus {
    /// The provider's number for a status (`None` for DECLINED, which has none).
    #[must_use]
    pub const fn code(self) -> Option<u8> {
        match self {
            S::Pending => Some(0),
            S::Completed => Some(1),
            S::Cancelled => Some(2),
            S::Rejected => Some(3),
            S::Delivered => Some(4),
            S::OnHold => Some(5),
            S::Declined | S::Unknown => None,
        }
    }

    /// Maps the provider's `cashout_status`; unknown numbers give `None`.
    #[must_use]
    pub const fn from_code(code: i64) -> Option<Self> {
        Some(match code {
            0 => S::Pending,
            1 => S::Completed,
            2 => S::Cancelled,
            3 => S::Rejected,
            4 => S::Delivered,
            5 => S::OnHold,
            _ => return None,
        })
    }

    /// The name used on the wire, in the journal and in CLI output.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            S::Pending => "PENDING",
            S::Completed => "COMPLETED",
            S::Cancelled => "CANCELLED",
            S::Rejected => "REJECTED",
            S::Delivered => "DELIVERED",
            S::OnHold => "ON_HOLD",
            S::Declined => "DECLINED",
            S::Unknown => "UNKNOWN",
        }
    }

    /// Parses [`CashoutStatus::name`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        ALL_STATUSES
            .into_iter()
            .chain([S::Unknown])
            .find(|s| s.name() == name)
    }

    /// Whether a payout with this status reached the provider with its money: any status the
    /// provider gave but DECLINED (the create refused). What the overview counts as sent.
    #[must_use]
    pub const fn reached_provider(self) -> bool {
        !matches!(self, S::Declined)
    }

    /// The SQL list of the names of [`CashoutStatus::reached_provider`] statuses
    /// (`'PENDING', 'COMPLETED', …`), for a journal query: names this program reads, so a row
    /// with a status it cannot read is neither counted nor listed as sent.
    #[must_use]
    pub fn reached_provider_sql() -> String {
        ALL_STATUSES
            .into_iter()
            .chain([S::Unknown])
            .filter(|s| s.reached_provider())
            .map(|s| format!("'{}'", s.name()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The status of the provider's `cashout_status` number, [`CashoutStatus::Unknown`] for a
    /// number this program does not know.
    #[must_use]
    pub const fn from_provider(code: i64) -> Self {
        match Self::from_code(code) {
            Some(s) => s,
            None => S::Unknown,
        }
    }

    /// A plain description for operators, in `lang` (`status-<NAME>-meaning` in `core.ftl`).
    #[must_use]
    pub fn meaning(self, lang: crate::l10n::Lang) -> String {
        crate::l10n::messages::text(lang, &format!("status-{}-meaning", self.name()), &[])
    }

    /// No further change can happen. COMPLETED is not final (late rejection).
    #[must_use]
    pub fn is_final(self) -> bool {
        self != S::Unknown && !TRANSITIONS.iter().any(|t| t.from == self)
    }

    /// The operator actions this status allows now.
    #[must_use]
    pub fn allowed_actions(self) -> Vec<Action> {
        TRANSITIONS
            .iter()
            .filter(|t| t.from == self)
            .filter_map(|t| t.by)
            .collect()
    }

    /// Whether `action` is allowed from this status.
    #[must_use]
    pub fn allows(self, action: Action) -> bool {
        TRANSITIONS
            .iter()
            .any(|t| t.from == self && t.by == Some(action))
    }

    /// Whether moving from `self` to `to` is a legal transition (staying put is always legal).
    #[must_use]
    pub fn can_become(self, to: CashoutStatus) -> bool {
        self == to || TRANSITIONS.iter().any(|t| t.from == self && t.to == to)
    }
}

/// One status as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StatusInfo {
    pub status: CashoutStatus,
    /// The provider's number (`None` for DECLINED).
    pub code: Option<u8>,
    /// What the status means, in the active language.
    pub meaning: String,
    pub is_final: bool,
    pub actions: Vec<Action>,
}

/// The whole table, for the state diagram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Lifecycle {
    pub statuses: Vec<StatusInfo>,
    pub transitions: Vec<Transition>,
}

/// The table as data.
#[must_use]
pub fn lifecycle() -> Lifecycle {
    Lifecycle {
        statuses: ALL_STATUSES
            .iter()
            .map(|&s| StatusInfo {
                status: s,
                code: s.code(),
                meaning: s.meaning(crate::l10n::messages::active().lang()),
                is_final: s.is_final(),
                actions: s.allowed_actions(),
            })
            .collect(),
        transitions: TRANSITIONS.to_vec(),
    }
}

impl Action {
    /// The status the action leads to.
    #[must_use]
    pub const fn target(self) -> CashoutStatus {
        match self {
            Action::Hold => S::OnHold,
            Action::Release => S::Pending,
            Action::Cancel => S::Cancelled,
        }
    }

    /// The name used in CLI output and errors.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Action::Hold => "hold",
            Action::Release => "release",
            Action::Cancel => "cancel",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_none() {
        for s in ALL_STATUSES {
            if let Some(c) = s.code() {
                assert_eq!(CashoutStatus::from_code(i64::from(c)), Some(s));
            }
            assert_eq!(CashoutStatus::from_name(s.name()), Some(s));
        }
        assert_eq!(CashoutStatus::from_code(6), None);
        assert_eq!(CashoutStatus::from_code(-1), None);
    }

    #[test]
    fn an_unknown_provider_status_allows_nothing_and_is_not_final() {
        let s = CashoutStatus::from_provider(9);
        assert_eq!(s, S::Unknown);
        assert!(s.allowed_actions().is_empty());
        assert!(!s.is_final());
        assert_eq!(CashoutStatus::from_name("UNKNOWN"), Some(S::Unknown));
        assert!(!ALL_STATUSES.contains(&S::Unknown));
    }

    #[test]
    fn pending_allows_hold_and_cancel_only() {
        assert_eq!(
            S::Pending.allowed_actions(),
            vec![Action::Hold, Action::Cancel]
        );
        assert_eq!(
            S::OnHold.allowed_actions(),
            vec![Action::Release, Action::Cancel]
        );
        for s in [
            S::Delivered,
            S::Completed,
            S::Cancelled,
            S::Rejected,
            S::Declined,
        ] {
            assert!(s.allowed_actions().is_empty(), "{s:?} allows nothing");
        }
    }

    #[test]
    fn completed_is_not_final_because_of_late_rejection() {
        assert!(!S::Completed.is_final());
        assert!(S::Completed.can_become(S::Rejected));
        assert!(TRANSITIONS
            .iter()
            .any(|t| t.from == S::Completed && t.to == S::Rejected && t.late));
        for s in [S::Cancelled, S::Rejected, S::Declined] {
            assert!(s.is_final());
        }
    }

    #[test]
    fn illegal_moves_are_refused() {
        assert!(!S::Delivered.can_become(S::Cancelled));
        assert!(!S::Cancelled.can_become(S::Pending));
        assert!(!S::Rejected.can_become(S::Completed));
        assert!(!S::Declined.can_become(S::Pending));
    }

    #[test]
    fn actions_lead_where_the_table_says() {
        for t in TRANSITIONS {
            if let Some(a) = t.by {
                assert_eq!(a.target(), t.to);
            }
        }
    }
}

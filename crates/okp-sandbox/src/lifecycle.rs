//! Simulated bank processing and the rehearsal triggers read from a create's `comments`.
//!
//! Processing is lazy: nothing runs in the background. Whenever a cashout is read or touched,
//! [`due_steps`] works out which bank-driven moves have fallen due by the injected clock's
//! "now", each stamped with the instant it happened, and the store persists them. Which moves
//! exist comes from the sandbox's own transition table (`status::EDGES`, the edges the bank
//! takes); this module only decides *which* of them the simulated bank takes and *when*:
//! - PENDING → DELIVERED after [`Timings::deliver_after`] in PENDING (time ON_HOLD does not
//!   count: releasing a hold restarts the wait, as the payout re-enters the bank queue);
//! - DELIVERED → COMPLETED after [`Timings::complete_after`], or → REJECTED instead with a
//!   `sandbox:reject=NNN` trigger;
//! - COMPLETED → REJECTED (the late edge) after [`Timings::late_reject_after`], only with
//!   `sandbox:late-reject=NNN`.
//!
//! Triggers are strict: an unknown `sandbox:` word, a code the sandbox cannot explain, or two
//! triggers on one cashout are refused (code 300 on `comments`), because a silently ignored
//! typo would make a rehearsal prove nothing.

use std::time::Duration;

use time::OffsetDateTime;

use crate::codes;
use crate::status::{Edge, Status};

/// `sandbox:reject=NNN`: DELIVERED, then REJECTED with rejection code NNN instead of COMPLETED.
pub const TRIGGER_REJECT: &str = "sandbox:reject=";
/// `sandbox:late-reject=NNN`: COMPLETED, then REJECTED with NNN after `late_reject_after`.
pub const TRIGGER_LATE_REJECT: &str = "sandbox:late-reject=";
/// `sandbox:decline=NNN`: the create is refused with error code NNN; nothing is created.
pub const TRIGGER_DECLINE: &str = "sandbox:decline=";
/// `sandbox:hold-forever`: the cashout never leaves PENDING by itself.
pub const TRIGGER_HOLD_FOREVER: &str = "sandbox:hold-forever";

/// Every trigger starts with this; any other word starting with it is refused.
const TRIGGER_PREFIX: &str = "sandbox:";

/// How long the simulated bank takes. Durations on the injected clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timings {
    /// Time in PENDING before the bank picks the payout up (→ DELIVERED).
    pub deliver_after: Duration,
    /// Time in DELIVERED before the bank settles it (→ COMPLETED, or REJECTED with a trigger).
    pub complete_after: Duration,
    /// Time in COMPLETED before a `late-reject` trigger returns the funds (→ REJECTED).
    pub late_reject_after: Duration,
}

impl Default for Timings {
    fn default() -> Self {
        Self {
            deliver_after: Duration::from_secs(60),
            complete_after: Duration::from_secs(60),
            late_reject_after: Duration::from_secs(120),
        }
    }
}

/// A rehearsal trigger, parsed from `comments`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trigger {
    Reject(i64),
    LateReject(i64),
    Decline(i64),
    HoldForever,
}

impl Trigger {
    /// The stored form (`kind`, `code`); declines are never stored (nothing is created).
    pub(crate) fn to_row(self) -> (Option<&'static str>, Option<i64>) {
        match self {
            Self::Reject(c) => (Some("reject"), Some(c)),
            Self::LateReject(c) => (Some("late-reject"), Some(c)),
            Self::HoldForever => (Some("hold-forever"), None),
            Self::Decline(c) => (Some("decline"), Some(c)),
        }
    }

    /// Reads [`Trigger::to_row`]'s output back.
    pub(crate) fn from_row(kind: Option<&str>, code: Option<i64>) -> Option<Option<Self>> {
        Some(match (kind, code) {
            (None, _) => None,
            (Some("reject"), Some(c)) => Some(Self::Reject(c)),
            (Some("late-reject"), Some(c)) => Some(Self::LateReject(c)),
            (Some("hold-forever"), _) => Some(Self::HoldForever),
            (Some("decline"), Some(c)) => Some(Self::Decline(c)),
            _ => return None,
        })
    }
}

/// Finds the trigger in a create's `comments`.
///
/// # Errors
/// A sentence for the 300 answer: unknown trigger, bad code, or more than one trigger.
pub(crate) fn parse_trigger(comments: Option<&str>) -> Result<Option<Trigger>, String> {
    let Some(text) = comments else {
        return Ok(None);
    };
    let mut found = None;
    for word in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if !word.starts_with(TRIGGER_PREFIX) {
            continue;
        }
        let trigger = parse_word(word)?;
        if found.replace(trigger).is_some() {
            return Err("holds more than one sandbox trigger; use one per cashout".into());
        }
    }
    Ok(found)
}

fn parse_word(word: &str) -> Result<Trigger, String> {
    if word == TRIGGER_HOLD_FOREVER {
        return Ok(Trigger::HoldForever);
    }
    let code = |prefix: &str| -> Result<i64, String> {
        word[prefix.len()..]
            .parse::<i64>()
            .map_err(|_| format!("sandbox trigger {word:?} needs a numeric code"))
    };
    if word.starts_with(TRIGGER_LATE_REJECT) {
        return rejection(code(TRIGGER_LATE_REJECT)?).map(Trigger::LateReject);
    }
    if word.starts_with(TRIGGER_REJECT) {
        return rejection(code(TRIGGER_REJECT)?).map(Trigger::Reject);
    }
    if word.starts_with(TRIGGER_DECLINE) {
        let n = code(TRIGGER_DECLINE)?;
        return if codes::error_code(n).is_some() {
            Ok(Trigger::Decline(n))
        } else {
            Err(format!(
                "sandbox trigger {word:?}: {n} is not a documented error code"
            ))
        };
    }
    Err(format!(
        "has an unknown sandbox trigger {word:?}; known: {TRIGGER_REJECT}NNN, \
         {TRIGGER_LATE_REJECT}NNN, {TRIGGER_DECLINE}NNN, {TRIGGER_HOLD_FOREVER}"
    ))
}

/// Accepts 0 (the staging panel's manual "Test" rejection) and the documented 8xx codes.
fn rejection(n: i64) -> Result<i64, String> {
    if codes::rejection_reason(n).is_some() {
        Ok(n)
    } else {
        Err(format!(
            "sandbox rejection code {n} is not a documented rejection code (§11.2, or 0)"
        ))
    }
}

/// The `rejection_reason` the sandbox reports for a code: the code's name, or "Test" for 0 as
/// the provider's staging panel does.
pub(crate) fn rejection_reason(code: i64) -> String {
    codes::rejection_reason(code)
        .unwrap_or("ERROR_OTHER")
        .to_owned()
}

/// One bank-driven move that has fallen due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    pub to: Status,
    pub at: OffsetDateTime,
}

/// The moves due by `now` for a cashout that entered `status` at `since`, in order.
pub(crate) fn due_steps(
    status: Status,
    since: OffsetDateTime,
    trigger: Option<Trigger>,
    timings: &Timings,
    now: OffsetDateTime,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut status, mut since) = (status, since);
    while let Some(edge) = bank_edge(status, trigger) {
        let wait = wait_for(edge, timings);
        // A wait too long to represent means "never"; overflow is not a reason to panic.
        let Some(at) = time::Duration::try_from(wait)
            .ok()
            .and_then(|w| since.checked_add(w))
        else {
            break;
        };
        if at > now {
            break;
        }
        steps.push(Step { to: edge.to, at });
        (status, since) = (edge.to, at);
    }
    steps
}

/// When the next bank-driven move of a cashout falls due (whatever `now` is), if it has one.
/// Stored beside each cashout so that settling looks only at cashouts whose move is due.
pub(crate) fn next_due(
    status: Status,
    since: OffsetDateTime,
    trigger: Option<Trigger>,
    timings: &Timings,
) -> Option<OffsetDateTime> {
    let edge = bank_edge(status, trigger)?;
    time::Duration::try_from(wait_for(edge, timings))
        .ok()
        .and_then(|w| since.checked_add(w))
}

/// The bank-driven edge the simulated bank takes out of `status`, if any.
fn bank_edge(status: Status, trigger: Option<Trigger>) -> Option<&'static Edge> {
    let mut edges = status.bank_edges();
    let rejects = |t: &Edge| match trigger {
        Some(Trigger::Reject(_)) => !t.late,
        Some(Trigger::LateReject(_)) => t.late,
        _ => false,
    };
    let rejection = edges
        .clone()
        .find(|t| t.to == Status::Rejected && rejects(t));
    if rejection.is_some() {
        return rejection;
    }
    if trigger == Some(Trigger::HoldForever) {
        return None;
    }
    edges.find(|t| t.to != Status::Rejected)
}

fn wait_for(edge: &Edge, timings: &Timings) -> Duration {
    if edge.late {
        timings.late_reject_after
    } else if edge.from == Status::Pending {
        timings.deliver_after
    } else {
        timings.complete_after
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status as S;

    const T0: OffsetDateTime = OffsetDateTime::UNIX_EPOCH;

    fn at(secs: u64) -> OffsetDateTime {
        T0 + Duration::from_secs(secs)
    }

    fn path(from: S, trigger: Option<Trigger>, now: u64) -> Vec<(S, u64)> {
        due_steps(from, T0, trigger, &Timings::default(), at(now))
            .into_iter()
            .map(|s| {
                (
                    s.to,
                    u64::try_from((s.at - T0).whole_seconds()).unwrap_or(u64::MAX),
                )
            })
            .collect()
    }

    #[test]
    fn pending_without_trigger_is_delivered_then_completed() {
        assert_eq!(path(S::Pending, None, 59), vec![]);
        assert_eq!(path(S::Pending, None, 60), vec![(S::Delivered, 60)]);
        assert_eq!(
            path(S::Pending, None, 10_000),
            vec![(S::Delivered, 60), (S::Completed, 120)]
        );
    }

    #[test]
    fn reject_trigger_replaces_completion() {
        let t = Some(Trigger::Reject(807));
        assert_eq!(
            path(S::Pending, t, 10_000),
            vec![(S::Delivered, 60), (S::Rejected, 120)]
        );
    }

    #[test]
    fn late_reject_trigger_completes_first() {
        let t = Some(Trigger::LateReject(826));
        assert_eq!(
            path(S::Pending, t, 239),
            vec![(S::Delivered, 60), (S::Completed, 120)]
        );
        assert_eq!(
            path(S::Pending, t, 240),
            vec![(S::Delivered, 60), (S::Completed, 120), (S::Rejected, 240)]
        );
    }

    #[test]
    fn hold_forever_and_on_hold_never_move() {
        assert_eq!(
            path(S::Pending, Some(Trigger::HoldForever), 1_000_000),
            vec![]
        );
        assert_eq!(path(S::OnHold, None, 1_000_000), vec![]);
        assert_eq!(path(S::Cancelled, None, 1_000_000), vec![]);
    }

    #[test]
    fn triggers_are_found_among_other_words() {
        assert_eq!(parse_trigger(None), Ok(None));
        assert_eq!(parse_trigger(Some("weekly payout")), Ok(None));
        assert_eq!(
            parse_trigger(Some("retry test; sandbox:reject=807")),
            Ok(Some(Trigger::Reject(807)))
        );
        assert_eq!(
            parse_trigger(Some("sandbox:reject=0")),
            Ok(Some(Trigger::Reject(0)))
        );
        assert_eq!(
            parse_trigger(Some("sandbox:late-reject=826")),
            Ok(Some(Trigger::LateReject(826)))
        );
        assert_eq!(
            parse_trigger(Some("sandbox:decline=514")),
            Ok(Some(Trigger::Decline(514)))
        );
        assert_eq!(
            parse_trigger(Some("sandbox:hold-forever")),
            Ok(Some(Trigger::HoldForever))
        );
    }

    #[test]
    fn bad_triggers_are_refused() {
        assert!(parse_trigger(Some("sandbox:rejcet=807")).is_err());
        assert!(parse_trigger(Some("sandbox:reject=abc")).is_err());
        assert!(parse_trigger(Some("sandbox:reject=999")).is_err());
        assert!(parse_trigger(Some("sandbox:decline=999")).is_err());
        assert!(parse_trigger(Some("sandbox:reject=807 sandbox:hold-forever")).is_err());
    }

    #[test]
    fn triggers_round_trip_through_rows() {
        for t in [
            Trigger::Reject(0),
            Trigger::LateReject(826),
            Trigger::HoldForever,
        ] {
            let (kind, code) = t.to_row();
            assert_eq!(Trigger::from_row(kind, code), Some(Some(t)));
        }
        assert_eq!(Trigger::from_row(None, None), Some(None));
        assert_eq!(Trigger::from_row(Some("bogus"), None), None);
    }

    #[test]
    fn rejection_reason_is_code_name_or_test() {
        assert_eq!(rejection_reason(0), "Test");
        assert_eq!(rejection_reason(807), "ERROR_REJECTED_BY_BANK");
    }
}

//! Copying one journal's payouts into another: what a desk that joins a team offers, so the
//! payouts it made alone (and its open creates) are in the team journal too.
//!
//! Guarantees:
//! - Nothing is doubled: a payout the target holds already (same scope and external_id, or same
//!   scope and cashout id) is kept as it is there; where the two journals disagree about it, a
//!   history line in the target says what the other held, and the report counts it.
//! - Each payout is copied with its full history and its stored request (so the duplicate
//!   guard and "pay again" work on it), oldest first.
//! - An open create (intent, unknown, sent but not found) is copied open: the team's reconcile
//!   looks it up by its external_id, as the desk would have.
//! - The copy is audited in both journals (`journal_moved`), with its counts. Running it again
//!   adds nothing.
//!
//! Leaves out: the source's audit chain (it stays, verifiable, in the source) and the kept
//! exchanges (display copies of requests); the source is never changed but for its audit entry.

use serde::Serialize;
use ts_rs::TS;

use super::{Imported, Journal, ListFilter, PayoutRecord};
use crate::audit::{AuditAction, AuditEvent};
use crate::error::Result;

/// What a copy did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CopyReport {
    /// Payouts read from the source.
    pub payouts: usize,
    /// Of those, copied into the target.
    pub added: usize,
    /// Of those, held by the target already (kept as they are there).
    pub already_here: usize,
    /// Of the latter, payouts the two journals know differently (noted in the target).
    pub differing: usize,
    /// History lines copied with the added payouts.
    pub history: usize,
    /// Payouts the team journal's approval policy refused (open creates at or above a
    /// threshold that were not held): they stay in the source journal, to be settled there.
    pub refused: usize,
}

/// Copies every payout of `from` into `to` (see the module comment); `scope` is the audit
/// entries' environment scope.
///
/// # Errors
/// When either journal cannot be read or written; what was copied before stays copied, and a
/// second run goes on from there.
pub async fn copy_payouts(from: &Journal, to: &Journal, scope: &str) -> Result<CopyReport> {
    let mut report = CopyReport::default();
    // One consistent read of the source, newest first: copied oldest first.
    let all = from.snapshot(&ListFilter::default(), true)?;
    for (summary, history) in all.into_iter().rev() {
        report.payouts += 1;
        // The snapshot's rows are summaries; the full record carries the request.
        let record = from.get(summary.id)?.unwrap_or(summary);
        let imported = match to.import_payout(&record, &history, &from.describe()).await {
            Ok(imported) => imported,
            // One payout the policy refuses does not stop the others (a rerun would stop at it
            // again, and the open creates after it would never reach the team).
            Err(crate::error::Error::ApprovalRefused { .. }) => {
                report.refused += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        match imported {
            Imported::Added(_) => {
                report.added += 1;
                report.history += history.len();
            }
            Imported::AlreadyHere { differs, .. } => {
                report.already_here += 1;
                report.differing += usize::from(differs);
            }
        }
    }
    let detail = format!(
        "{} payouts from {} into {}: {} added ({} history lines), {} already there ({} known differently, kept as they were), {} refused by the approval policy (kept in the source)",
        report.payouts,
        from.describe(),
        to.describe(),
        report.added,
        report.history,
        report.already_here,
        report.differing,
        report.refused
    );
    let event = AuditEvent::new(scope, AuditAction::JournalMoved, "ok").detail(detail);
    to.append_audit(event.clone()).await?;
    from.append_audit(event).await?;
    Ok(report)
}

/// Whether `other` (a payout read from `source`) is known differently from `here`, the same
/// payout in the target journal: another phase, or another cashout id. Then the history line
/// the target gets (it keeps its own record). The one rule both stores' imports apply.
pub(crate) fn disagreement(
    here: &PayoutRecord,
    other: &PayoutRecord,
    source: &str,
) -> Option<String> {
    let differs = here.phase != other.phase
        || (other.cashout_id.is_some() && here.cashout_id != other.cashout_id);
    if !differs {
        return None;
    }
    let state = other
        .status
        .map_or_else(|| other.phase.as_str().to_owned(), |s| s.name().to_owned());
    Some(match other.cashout_id {
        Some(id) => {
            format!("{source} holds this payout as {state}, cashout {id}; kept as it is here")
        }
        None => format!("{source} holds this payout as {state}; kept as it is here"),
    })
}

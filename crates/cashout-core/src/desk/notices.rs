//! The desktop notices of one watcher step, with a batch's rows folded together: a batch of a
//! thousand payouts must not raise a thousand notifications, and its rejections must still
//! interrupt the operator.
//!
//! Guarantees:
//! - A payout that is not a batch row gets exactly the notice its event deserves
//!   ([`WatchEvent::notice`]), unchanged.
//! - A batch row's event raises no notice of its own. Per batch and step, one notice says what
//!   needs the operator: rows REJECTED (late rejections too) and rows on hold past the alert
//!   age, with their row numbers. Completions alone raise nothing, except the step in which
//!   the batch's last row becomes final, which says so once, with the counts.
//! - A row is a batch's when its external_id is `<batch id>-<row>` and this environment's
//!   journal holds that batch (external_ids are unique per environment, so no other payout
//!   can hold it).
//!
//! Left out: the words of per-payout notices (see [`crate::watch`]); grouping across steps
//! (one step is one pass over the payouts due, so a burst arrives in one step).

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::Desk;
use crate::batch::records::{BatchRecord, BatchState};
use crate::status::CashoutStatus;
use crate::watch::{Notice, WatchEvent};

/// How many row numbers a batch notice lists before it says "and N more".
const ROWS_LISTED: usize = 5;

/// The notices of one watcher step (see the module's guarantees).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StepNotices {
    /// One entry per event, in order: the notice it raises on its own, if any.
    pub per_event: Vec<Option<Notice>>,
    /// One notice per batch that needs the operator after this step.
    pub batches: Vec<Notice>,
}

/// What one step said about the rows of one batch.
#[derive(Default)]
struct Rows {
    rejected: Vec<u32>,
    held: Vec<u32>,
    completed: u32,
}

/// The batch id and row number an external_id minted by a batch names (`<uuid>-<row>`).
fn batch_row(external_id: &str) -> Option<(&str, u32)> {
    let (batch, row) = external_id.rsplit_once('-')?;
    let row = row
        .parse()
        .ok()
        .filter(|_| row.bytes().all(|b| b.is_ascii_digit()))?;
    uuid::Uuid::parse_str(batch).ok()?;
    Some((batch, row))
}

/// `2, 5, 9` or `2, 5, 9, 11, 14 and 3 more`.
fn row_list(rows: &[u32]) -> String {
    let listed: Vec<String> = rows.iter().take(ROWS_LISTED).map(u32::to_string).collect();
    match rows.len().saturating_sub(ROWS_LISTED) {
        0 => listed.join(", "),
        more => format!("{} and {more} more", listed.join(", ")),
    }
}

fn payouts(n: usize) -> String {
    if n == 1 {
        "1 payout".into()
    } else {
        format!("{n} payouts")
    }
}

/// Every row that was sent has its final status: nothing left to watch.
fn all_final(b: &BatchRecord) -> bool {
    matches!(b.state, BatchState::Done | BatchState::Cancelled)
        && b.progress.waiting == 0
        && b.progress.in_flight == 0
        && b.progress.completed + b.progress.rejected == b.progress.created
}

/// The one notice of batch `b` after a step that said `rows` about it, if it needs one.
fn batch_notice(b: &BatchRecord, rows: &Rows) -> Option<Notice> {
    let p = &b.progress;
    let finished =
        rows.completed + u32::try_from(rows.rejected.len()).unwrap_or(u32::MAX) > 0 && all_final(b);
    let mut needs = Vec::new();
    if !rows.rejected.is_empty() {
        needs.push(format!(
            "{} rejected (rows {})",
            payouts(rows.rejected.len()),
            row_list(&rows.rejected)
        ));
    }
    if !rows.held.is_empty() {
        needs.push(format!(
            "{} on hold past the alert age, funds still reserved (rows {})",
            payouts(rows.held.len()),
            row_list(&rows.held)
        ));
    }
    let title = match (needs.is_empty(), finished) {
        (true, false) => return None,
        (true, true) => format!("Batch {}: every payout is final", b.file_name),
        (false, _) if rows.held.is_empty() => format!(
            "Batch {}: {} rejected",
            b.file_name,
            payouts(rows.rejected.len())
        ),
        (false, _) => format!("Batch {}: payouts need you", b.file_name),
    };
    let mut body = needs.join("; ");
    if finished {
        if !body.is_empty() {
            body.push_str(". ");
        }
        body.push_str(&format!(
            "All {} sent are final: {} COMPLETED, {} REJECTED",
            p.created, p.completed, p.rejected
        ));
    }
    Some(Notice {
        title,
        body,
        cashout_id: None,
        external_id: None,
        batch_id: Some(b.id.clone()),
    })
}

impl Desk {
    /// The notices of one watcher step's `events` (see the module's guarantees). A batch that
    /// cannot be read leaves its rows' own notices in place: a notice too many beats one lost.
    #[must_use]
    pub fn step_notices(&self, events: &[WatchEvent]) -> StepNotices {
        let mut batches: BTreeMap<String, Option<BatchRecord>> = BTreeMap::new();
        let mut rows: BTreeMap<String, Rows> = BTreeMap::new();
        let mut per_event = Vec::with_capacity(events.len());
        for event in events {
            let notice = event.notice();
            let (payout, held) = match event {
                WatchEvent::Changed(c) => (&c.payout, false),
                WatchEvent::HoldAlert(h) => (&h.payout, true),
                _ => {
                    per_event.push(notice);
                    continue;
                }
            };
            let Some((batch, row)) = payout.external_id.as_deref().and_then(batch_row) else {
                per_event.push(notice);
                continue;
            };
            let known = batches
                .entry(batch.to_owned())
                .or_insert_with(|| self.batch(batch).ok())
                .is_some();
            if !known {
                per_event.push(notice);
                continue;
            }
            per_event.push(None);
            let r = rows.entry(batch.to_owned()).or_default();
            match (held, payout.status) {
                (true, _) => r.held.push(row),
                (false, Some(CashoutStatus::Rejected)) => r.rejected.push(row),
                (false, Some(CashoutStatus::Completed)) => r.completed += 1,
                _ => {}
            }
        }
        let batches = rows
            .iter()
            .filter_map(|(id, r)| batch_notice(batches.get(id)?.as_ref()?, r))
            .collect();
        StepNotices { per_event, batches }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_external_id_a_batch_minted_names_a_batch_row() {
        let id = "0b6f6a8e-8d3c-4a57-9a51-3f0c2b7d9e10";
        assert_eq!(batch_row(&format!("{id}-12")), Some((id, 12)));
        assert_eq!(batch_row(&format!("{id}-+12")), None);
        assert_eq!(batch_row(&format!("{id}-")), None);
        assert_eq!(batch_row("inv-12"), None);
        assert_eq!(batch_row("0b6f6a8e-12"), None);
    }

    #[test]
    fn a_long_list_of_rows_is_cut_with_how_many_more() {
        assert_eq!(row_list(&[2, 5]), "2, 5");
        assert_eq!(row_list(&[2, 3, 4, 5, 6, 7, 8]), "2, 3, 4, 5, 6 and 2 more");
    }
}

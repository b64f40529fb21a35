//! The desktop notices of the watcher's events, with a batch's rows folded together: a batch
//! of a thousand payouts must not raise a thousand notifications, and what needs the operator
//! in it (rejections, late rejections, holds past the alert age) must still reach them.
//!
//! Guarantees:
//! - A payout that is not a batch row gets exactly the notice its event deserves
//!   ([`WatchEvent::notice`]), at once and unchanged.
//! - A batch row's event raises no notice of its own. Its batch's events are gathered for
//!   [`NOTICE_WINDOW`] from the first one, then told in one notice: rows REJECTED (with their
//!   rejection codes), rows rejected after COMPLETED (funds returned), rows on hold past the
//!   alert age, each by row number; and, once per batch, that every row sent is final
//!   (COMPLETED, REJECTED or CANCELLED) when a row of this window was the last to become so
//!   and the batch is done or cancelled. Completions alone raise nothing else.
//! - A payout is a batch's row when the journal lists it among a batch's rows (one indexed
//!   read per event), not because its external_id looks like one. A read that fails leaves
//!   the event's own notice in place: a notice too many beats one lost.
//! - What a window gathered is never dropped: a batch that cannot be read when its window
//!   closes is told by its id, without its file name or counts.
//! - The gathering state lives with the desktop shell, not with one watcher: a watcher
//!   restarted (settings saved, another journal) goes on with it. What is gathered when the
//!   app quits is not told (the rows' statuses are in the journal, the list and the batch).
//!
//! - Approvals' notices ("a payout waits for your approval") come at most once per
//!   [`NOTICE_WINDOW`] ([`ApprovalNotices`]): a batch's held rows open their approvals one by
//!   one as they are sent. One that arrives within the window is held back, not dropped, and
//!   told (the newest, with the count) when the window ends.
//!
//! Left out: the words of per-payout and approvals notices (see [`crate::watch`] and
//! `Desk::approvals_waiting`).

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use time::OffsetDateTime;

use super::Desk;
use crate::batch::records::{BatchProgress, BatchState};
use crate::l10n::messages::tr;
use crate::status::CashoutStatus;
use crate::watch::{Notice, WatchEvent};

/// How long a batch's events are gathered before they are told in one notice.
pub const NOTICE_WINDOW: Duration = Duration::from_secs(60);

/// How many rows a batch notice lists, per kind, before it says "and N more".
const ROWS_LISTED: usize = 8;

/// The notices to raise after one watcher step (see the module's guarantees).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepNotices {
    /// One entry per event of the step, in order: the notice it raises on its own, if any.
    pub per_event: Vec<Option<Notice>>,
    /// Batches whose window closed: one notice each.
    pub batches: Vec<Notice>,
}

/// What a window gathered about one batch's rows.
#[derive(Debug, Default)]
struct Gathered {
    since: Option<OffsetDateTime>,
    /// Row number and rejection code.
    rejected: Vec<(u32, Option<i64>)>,
    late: Vec<(u32, Option<i64>)>,
    held: Vec<u32>,
    /// A row reached COMPLETED, REJECTED or CANCELLED.
    became_final: bool,
}

/// The folding state the desktop shell keeps beside its watcher (see the module's
/// guarantees); one per watcher.
#[derive(Debug, Default)]
pub struct BatchNotices {
    gathering: BTreeMap<String, Gathered>,
    told_final: HashSet<String>,
}

impl BatchNotices {
    /// A new, empty folding state.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

/// The gate of approvals' notices: at most one per [`NOTICE_WINDOW`]; one that comes sooner
/// is held back and told when the window ends (see the module's guarantees).
#[derive(Debug, Default)]
pub struct ApprovalNotices {
    last: Option<OffsetDateTime>,
    held: Option<Notice>,
}

impl ApprovalNotices {
    /// A new gate: the first notice passes.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// `notice` now, or `None` while a window lasts (then it is held back, the newest kept,
    /// for [`ApprovalNotices::due`]).
    pub fn pass(&mut self, notice: Option<Notice>, now: OffsetDateTime) -> Option<Notice> {
        let notice = notice?;
        if self.last.is_some_and(|t| now - t < NOTICE_WINDOW) {
            self.held = Some(notice);
            return None;
        }
        self.last = Some(now);
        self.held = None;
        Some(notice)
    }

    /// When a held-back notice is to be told (the end of the window), if one is held.
    #[must_use]
    pub fn due_at(&self) -> Option<OffsetDateTime> {
        self.held.as_ref()?;
        self.last.map(|t| t + NOTICE_WINDOW)
    }

    /// The held-back notice, once its window has ended at `now`.
    pub fn due(&mut self, now: OffsetDateTime) -> Option<Notice> {
        if self.due_at().is_some_and(|t| now >= t) {
            self.last = Some(now);
            return self.held.take();
        }
        None
    }
}

/// The batch id an external_id minted by a batch names (`<uuid>-<row>`), to be confirmed
/// against the batch's rows.
fn batch_of(external_id: &str) -> Option<&str> {
    let (batch, row) = external_id.rsplit_once('-')?;
    if row.is_empty() || !row.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    uuid::Uuid::parse_str(batch).ok().map(|_| batch)
}

/// `3 (807), 5 (807)` or `2, 3, … and 4 more`, in row order.
fn row_list(rows: &[(u32, Option<i64>)]) -> String {
    let mut rows = rows.to_vec();
    rows.sort_unstable();
    rows.dedup();
    let listed: Vec<String> = rows
        .iter()
        .take(ROWS_LISTED)
        .map(|(row, code)| match code {
            Some(c) => format!("{row} ({c})"),
            None => row.to_string(),
        })
        .collect();
    match rows.len().saturating_sub(ROWS_LISTED) {
        0 => listed.join(", "),
        more => tr(
            "batch-notice-rows-more",
            &[("rows", listed.join(", ").into()), ("more", more.into())],
        ),
    }
}

/// The one notice of batch `id` (file name `file`, `progress` as it stands) for what a window
/// gathered, if it needs one; `final_now`: say that every row sent is final.
fn batch_notice(
    id: &str,
    file: &str,
    progress: &BatchProgress,
    g: &Gathered,
    final_now: bool,
) -> Option<Notice> {
    let held: Vec<(u32, Option<i64>)> = g.held.iter().map(|r| (*r, None)).collect();
    let line = |id: &str, rows: &[(u32, Option<i64>)]| {
        tr(
            id,
            &[
                ("count", rows.len().into()),
                ("rows", row_list(rows).into()),
            ],
        )
    };
    let mut needs = Vec::new();
    if !g.late.is_empty() {
        needs.push(line("batch-notice-late", &g.late));
    }
    if !g.rejected.is_empty() {
        needs.push(line("batch-notice-rejected", &g.rejected));
    }
    if !held.is_empty() {
        needs.push(line("batch-notice-held", &held));
    }
    let title = |id: &str, count: usize| tr(id, &[("file", file.into()), ("count", count.into())]);
    let title = match (g.late.len(), g.rejected.len(), held.len()) {
        (0, 0, 0) if final_now => title("batch-notice-title-final", 0),
        (0, 0, 0) => return None,
        (0, n, 0) => title("batch-notice-title-rejected", n),
        (0, 0, n) => title("batch-notice-title-held", n),
        (n, 0, 0) => title("batch-notice-title-late", n),
        _ => title("batch-notice-title-several", 0),
    };
    let mut body = needs.join("; ");
    if final_now {
        let p = progress;
        if !body.is_empty() {
            body.push_str(". ");
        }
        body.push_str(&tr(
            "batch-notice-all-final",
            &[
                ("sent", p.created.to_string().into()),
                ("completed", p.completed.to_string().into()),
                ("rejected", p.rejected.to_string().into()),
                ("cancelled", p.cancelled.to_string().into()),
            ],
        ));
    }
    Some(Notice {
        title,
        body,
        cashout_id: None,
        external_id: None,
        batch_id: Some(id.to_owned()),
    })
}

/// The notice of batch `id`, which could not be read, for what a window gathered.
fn unread_batch_notice(id: &str, g: &Gathered) -> Option<Notice> {
    batch_notice(id, id, &BatchProgress::default(), g, false)
}

impl Desk {
    /// The batch a payout with `external_id` is a row of, and its row number, as the journal
    /// lists it; `None` when it is not one, or when the journal cannot say (then the payout's
    /// own notice is raised).
    fn batch_row_of(&self, external_id: &str) -> Option<(String, u32)> {
        batch_of(external_id)?;
        self.journal
            .batch_row_of(&self.scope(), external_id)
            .ok()
            .flatten()
    }

    /// The notices to raise for one watcher step's `events` at `now`, folding batch rows' into
    /// `state` and telling each batch whose window closed (see the module's guarantees). Call
    /// it after every step, with or without events, so that a window closes in time. A batch
    /// that cannot be read leaves its rows' own notices in place: a notice too many beats
    /// one lost.
    pub fn fold_notices(
        &self,
        state: &mut BatchNotices,
        events: &[WatchEvent],
        now: OffsetDateTime,
    ) -> StepNotices {
        let mut per_event = Vec::with_capacity(events.len());
        for event in events {
            let (payout, change) = match event {
                WatchEvent::Changed(c) => (&c.payout, Some(c)),
                WatchEvent::HoldAlert(h) => (&h.payout, None),
                _ => {
                    per_event.push(event.notice());
                    continue;
                }
            };
            let Some((batch, row)) = payout
                .external_id
                .as_deref()
                .and_then(|x| self.batch_row_of(x))
            else {
                per_event.push(event.notice());
                continue;
            };
            per_event.push(None);
            // Only what is told (or may make the batch final) opens or joins a window: a row
            // moving to DELIVERED does not.
            let made_final = change.is_some_and(|c| {
                matches!(
                    c.to,
                    CashoutStatus::Completed | CashoutStatus::Rejected | CashoutStatus::Cancelled
                )
            });
            if !made_final && change.is_some() {
                continue;
            }
            let g = state.gathering.entry(batch).or_default();
            g.since.get_or_insert(now);
            let code = payout.rejection_code;
            match change {
                None => g.held.push(row),
                Some(c) => {
                    match c.to {
                        CashoutStatus::Rejected if c.late_rejection => g.late.push((row, code)),
                        CashoutStatus::Rejected => g.rejected.push((row, code)),
                        _ => {}
                    }
                    g.became_final = true;
                }
            }
        }
        let due: Vec<String> = state
            .gathering
            .iter()
            .filter(|(_, g)| g.since.is_some_and(|s| now - s >= NOTICE_WINDOW))
            .map(|(id, _)| id.clone())
            .collect();
        let mut batches = Vec::new();
        for id in due {
            let Some(g) = state.gathering.remove(&id) else {
                continue;
            };
            let Ok(b) = self.batch(&id) else {
                // Told all the same, by the batch's id: the journal could not say more now.
                batches.extend(unread_batch_notice(&id, &g));
                continue;
            };
            let final_now = g.became_final
                && matches!(b.state, BatchState::Done | BatchState::Cancelled)
                && b.progress.all_final()
                && !state.told_final.contains(&id);
            if final_now {
                state.told_final.insert(id.clone());
            }
            batches.extend(batch_notice(
                &b.id,
                &b.file_name,
                &b.progress,
                &g,
                final_now,
            ));
        }
        StepNotices { per_event, batches }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod tests {
    use super::*;

    #[test]
    fn only_an_external_id_shaped_as_a_batchs_is_looked_up_as_a_row() {
        let id = "0b6f6a8e-8d3c-4a57-9a51-3f0c2b7d9e10";
        assert_eq!(batch_of(&format!("{id}-12")), Some(id));
        assert_eq!(batch_of(&format!("{id}-+12")), None);
        assert_eq!(batch_of(&format!("{id}-")), None);
        assert_eq!(batch_of("inv-12"), None);
        assert_eq!(batch_of("0b6f6a8e-12"), None);
    }

    fn notice(title: &str) -> Notice {
        Notice {
            title: title.into(),
            body: "b".into(),
            cashout_id: None,
            external_id: None,
            batch_id: None,
        }
    }

    #[test]
    fn approvals_notices_pass_at_most_once_a_window_and_one_held_back_is_told_at_its_end() {
        let t0 = OffsetDateTime::UNIX_EPOCH;
        let s = Duration::from_secs;
        let mut gate = ApprovalNotices::new();
        assert!(gate.pass(Some(notice("first")), t0).is_some());
        assert_eq!(gate.due_at(), None, "nothing held back");
        assert!(gate.pass(Some(notice("second")), t0 + s(20)).is_none());
        assert!(gate.pass(Some(notice("third")), t0 + s(30)).is_none());
        assert_eq!(gate.due_at(), Some(t0 + s(60)));
        assert_eq!(gate.due(t0 + s(59)), None, "not before the window ends");
        assert_eq!(gate.due(t0 + s(60)).map(|n| n.title), Some("third".into()));
        assert_eq!(gate.due(t0 + s(200)), None, "told once");
        assert!(
            gate.pass(Some(notice("fourth")), t0 + s(100)).is_none(),
            "a new window"
        );
        assert!(gate.pass(Some(notice("fifth")), t0 + s(200)).is_some());
    }

    #[test]
    fn a_batch_that_cannot_be_read_is_still_told_by_its_id() {
        let g = Gathered {
            since: Some(OffsetDateTime::UNIX_EPOCH),
            rejected: vec![(4, Some(807))],
            ..Gathered::default()
        };
        let n = unread_batch_notice("b-1", &g).unwrap();
        assert_eq!(n.batch_id.as_deref(), Some("b-1"));
        assert!(
            n.title.contains("b-1") && n.body.contains("rows 4 (807)"),
            "{n:?}"
        );
    }

    #[test]
    fn a_batch_notice_agrees_in_number_in_each_language() {
        use crate::l10n::messages::text;
        use crate::l10n::Lang;
        let say = |lang, count: usize| {
            text(
                lang,
                "batch-notice-rejected",
                &[("count", count.into()), ("rows", "3 (807)".into())],
            )
        };
        assert_eq!(say(Lang::En, 1), "1 payout rejected (rows 3 (807))");
        assert_eq!(say(Lang::Es, 1), "1 pago rechazado (filas 3 (807))");
        assert_eq!(say(Lang::Es, 2), "2 pagos rechazados (filas 3 (807))");
        assert_eq!(
            say(Lang::PtBr, 2),
            "2 pagamentos rejeitados (linhas 3 (807))"
        );
    }

    #[test]
    fn rows_are_listed_in_order_with_their_codes_and_a_long_list_is_cut() {
        assert_eq!(row_list(&[(5, Some(807)), (3, None)]), "3, 5 (807)");
        let many: Vec<(u32, Option<i64>)> = (2..14).rev().map(|r| (r, None)).collect();
        assert_eq!(row_list(&many), "2, 3, 4, 5, 6, 7, 8, 9 and 4 more");
    }
}

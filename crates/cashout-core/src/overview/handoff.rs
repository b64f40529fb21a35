//! Adding up the overview on a second thread while the journal is still being read.
//!
//! The worst case of the overview (a period holding every one of 100,000 payouts) is two
//! halves of similar weight: the database handing rows over, and the [`Tally`] adding each
//! into its sums. [`tally_while_reading`] runs them side by side: the reading thread copies each
//! row's texts into a batch (one buffer per few thousand rows, no allocation per row) and hands
//! full batches to a thread that adds them up, in order.
//!
//! Guarantees: the tally sees exactly the rows the journal handed over, in the same order, with
//! the same values, so its figures are those of adding them up on one thread (a test compares
//! both); an error while reading is returned after the adding thread has stopped. Left out:
//! more than one adding thread (the sums are not split and merged).

use std::ops::Range;
use std::sync::mpsc;

use crate::error::Result;
use crate::journal::{OverviewRow, Phase};
use crate::status::CashoutStatus;

use super::Tally;

/// Rows per batch: large enough that handing a batch over costs nothing per row, small enough
/// that the adding starts at once.
const BATCH_ROWS: usize = 4096;

/// A row whose texts are ranges of its batch's buffer.
struct Held {
    status: Option<CashoutStatus>,
    phase: Phase,
    currency: Option<Range<usize>>,
    amount: Option<Range<usize>>,
    created_at: Range<usize>,
    status_since: Option<Range<usize>>,
    rejection_code: Option<i64>,
    late: bool,
    in_period: bool,
}

#[derive(Default)]
struct Batch {
    text: String,
    rows: Vec<Held>,
}

impl Batch {
    fn keep(&mut self, s: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(s);
        start..self.text.len()
    }

    fn hold(&mut self, row: &OverviewRow<'_>) {
        let held = Held {
            status: row.status,
            phase: row.phase,
            currency: row.currency.map(|s| self.keep(s)),
            amount: row.amount.map(|s| self.keep(s)),
            created_at: self.keep(row.created_at),
            status_since: row.status_since.map(|s| self.keep(s)),
            rejection_code: row.rejection_code,
            late: row.late,
            in_period: row.in_period,
        };
        self.rows.push(held);
    }

    fn add_to(&self, tally: &mut Tally) {
        let text = |r: &Range<usize>| self.text.get(r.clone()).unwrap_or("");
        for h in &self.rows {
            tally.add(&OverviewRow {
                status: h.status,
                phase: h.phase,
                currency: h.currency.as_ref().map(text),
                amount: h.amount.as_ref().map(text),
                created_at: text(&h.created_at),
                status_since: h.status_since.as_ref().map(text),
                rejection_code: h.rejection_code,
                late: h.late,
                in_period: h.in_period,
            });
        }
    }
}

/// Runs `read` (which hands the journal's rows to its callback, as
/// [`crate::journal::JournalStore::overview_rows`] does) and adds every row into `tally` on a
/// second thread; returns the tally once both are done. When no thread can be started, the
/// rows are added in place, as they come.
///
/// # Errors
/// Whatever `read` returns.
pub fn tally_while_reading(
    mut tally: Tally,
    read: impl FnOnce(&mut dyn FnMut(&OverviewRow<'_>)) -> Result<()>,
) -> Result<Tally> {
    std::thread::scope(|scope| {
        // Two batches in flight at most: the reader never runs far ahead of the adding.
        let (full, arriving) = mpsc::sync_channel::<Batch>(2);
        let (spent, reusable) = mpsc::channel::<Batch>();
        // The tally goes to the thread once it runs, so it is still here if none can start.
        let (start, started) = mpsc::sync_channel::<Tally>(1);
        let spawned = std::thread::Builder::new()
            .name("overview-tally".into())
            .spawn_scoped(scope, move || {
                let mut tally = started.recv().ok()?;
                for batch in arriving {
                    batch.add_to(&mut tally);
                    let mut batch = batch;
                    batch.text.clear();
                    batch.rows.clear();
                    // The reader may have finished and gone: the batch is simply dropped.
                    let _ = spent.send(batch);
                }
                Some(tally)
            });
        let Ok(adder) = spawned else {
            read(&mut |row| tally.add(row))?;
            return Ok(tally);
        };
        // Cannot fail: the thread holds the receiving end until it has the tally.
        let _ = start.send(tally);
        let mut batch = Batch::default();
        let mut handed = true;
        let result = read(&mut |row| {
            // The adding thread is gone (it panicked): nothing more is held; its panic is
            // raised below once the journal has stopped handing rows over.
            if !handed {
                return;
            }
            batch.hold(row);
            if batch.rows.len() == BATCH_ROWS {
                let next = reusable.try_recv().unwrap_or_default();
                handed = full.send(std::mem::replace(&mut batch, next)).is_ok();
            }
        });
        if handed && !batch.rows.is_empty() {
            let _ = full.send(batch);
        }
        drop(full);
        let tally = adder
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        result.and_then(|()| {
            tally.ok_or_else(|| {
                crate::error::Error::Journal("the overview's adding thread stopped".into())
            })
        })
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::l10n::Locale;
    use crate::period::Period;

    fn at(s: &str) -> time::OffsetDateTime {
        crate::clock::parse_instant(s).unwrap()
    }

    /// Rows across several batches: every status, phase, currency and period flag.
    fn rows() -> Vec<(Option<CashoutStatus>, Phase, String, String, String, bool)> {
        let statuses = [
            Some(CashoutStatus::Completed),
            Some(CashoutStatus::Rejected),
            Some(CashoutStatus::Pending),
            Some(CashoutStatus::OnHold),
            Some(CashoutStatus::Declined),
            None,
        ];
        (0..(BATCH_ROWS * 2 + 17))
            .map(|i| {
                (
                    statuses[i % statuses.len()],
                    if i % 7 == 0 {
                        Phase::Intent
                    } else {
                        Phase::Created
                    },
                    ["BRL", "MXN", "CLP"][i % 3].to_owned(),
                    format!("{}.{:02}", i % 5000 + 1, i % 100),
                    format!("2026-11-{:02}T{:02}:00:00.000Z", 24 + i % 7, i % 24),
                    i % 11 != 0,
                )
            })
            .collect()
    }

    #[test]
    fn adding_on_a_second_thread_gives_the_figures_of_adding_in_place() {
        let now = at("2026-11-30T23:00:00Z");
        let days = Period::Last7Days
            .local_days(&jiff::tz::TimeZone::UTC, now)
            .unwrap();
        let rows = rows();
        let feed = |each: &mut dyn FnMut(&OverviewRow<'_>)| {
            for (i, r) in rows.iter().enumerate() {
                each(&OverviewRow {
                    status: r.0,
                    phase: r.1,
                    currency: Some(&r.2),
                    amount: (i % 13 != 0).then_some(r.3.as_str()),
                    created_at: &r.4,
                    status_since: Some(&r.4),
                    rejection_code: Some(800 + (i % 3) as i64),
                    late: i % 5 == 0,
                    in_period: r.5,
                });
            }
        };
        let mut in_place = Tally::new(&days, now, 14);
        feed(&mut |row| in_place.add(row));
        let handed = tally_while_reading(Tally::new(&days, now, 14), |each| {
            feed(each);
            Ok(())
        })
        .unwrap();
        let en = Locale::english();
        assert_eq!(
            format!("{:?}", handed.finish(&days, now, &en)),
            format!("{:?}", in_place.finish(&days, now, &en))
        );
    }

    #[test]
    fn an_error_while_reading_is_returned_after_the_rows_before_it() {
        let now = at("2026-11-30T23:00:00Z");
        let days = Period::Today
            .local_days(&jiff::tz::TimeZone::UTC, now)
            .unwrap();
        let got = tally_while_reading(Tally::new(&days, now, 14), |each| {
            each(&OverviewRow {
                status: Some(CashoutStatus::Completed),
                phase: Phase::Created,
                currency: Some("BRL"),
                amount: Some("1.00"),
                created_at: "2026-11-30T10:00:00.000Z",
                status_since: None,
                rejection_code: None,
                late: false,
                in_period: true,
            });
            Err(crate::error::Error::Journal("disk gone".into()))
        });
        assert!(matches!(got, Err(crate::error::Error::Journal(m)) if m == "disk gone"));
    }
}

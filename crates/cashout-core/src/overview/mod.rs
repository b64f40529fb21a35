//! The overview: how much money moved in a period, how much is in flight, how much is parked
//! on hold and how much came back rejected — per currency, never added across currencies.
//!
//! Figures are computed here, in exact decimals (`rust_decimal`), from the few columns the
//! journal gives ([`crate::journal::OverviewRow`]); the database never adds amounts (SQLite's
//! `sum()` over text returns a float). Each figure carries its canonical sum (`1234.50`) and
//! the same sum written for the operator's locale (`BRL 1.234,50`), so the window, the CLI and
//! an export say the same number.
//!
//! What each figure means:
//! - *by status*: payouts created in the period, by their status now (or, for those the
//!   provider never took, by what the desk knows: in a batch, not sent, unconfirmed, abandoned);
//! - *in flight*: PENDING and DELIVERED now, however old — money that is moving;
//! - *on hold*: ON_HOLD now, however old, with the oldest hold's start and age — money
//!   reserved at the provider;
//! - *rejected*: created in the period and REJECTED now, with the commonest rejection codes,
//!   their explanation and the request field to fix;
//! - *late rejections*: of those, the ones the journal had seen COMPLETED first;
//! - *provisional*: COMPLETED in the period but still inside the late-rejection window (a bank
//!   can still return the money, API reference §11.1);
//! - *daily volume*: per local day of the operator's time zone, what was sent to the provider
//!   (created and not declined, not waiting, not abandoned).
//!
//! Left out: currency conversion (the v3 API has no rate for it), and rows the journal holds
//! without a readable amount or currency — they are counted in [`Overview::unreadable`], never
//! silently dropped.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::{format_instant, parse_instant};
use crate::codes;
use crate::journal::{OverviewRow, Phase};
use crate::l10n::dates::day_shown;
use crate::l10n::messages::{self, Arg};
use crate::l10n::numbers::{format_count, format_money};
use crate::l10n::Locale;
use crate::money::Amount;
use crate::period::Period;
use crate::status::CashoutStatus;

/// What the overview is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct OverviewQuery {
    /// The period of creation; the last 30 days by default.
    pub period: Period,
    /// The operator's time zone (an IANA name); the system's when absent.
    pub time_zone: Option<String>,
}

impl Default for OverviewQuery {
    fn default() -> Self {
        Self {
            period: Period::Last30Days,
            time_zone: None,
        }
    }
}

/// A count of payouts and the exact sum of their amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Figure {
    pub count: u64,
    /// The exact sum, canonical decimal text (`1234.50`).
    pub sum: String,
    /// The sum written for the locale, with the currency's ISO code (`BRL 1.234,50`).
    pub shown: String,
    /// The count written for the locale (`1.234`).
    pub count_shown: String,
}

/// The payouts of one status (or never-sent phase), and the list filter that shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StatusFigure {
    /// `PENDING`, … or, for payouts the provider never took: `IN_BATCH`, `NOT_SENT`,
    /// `UNCONFIRMED`, `ABANDONED`.
    pub key: String,
    /// The status's name in the operator's language.
    pub label: String,
    /// The list filter: this status …
    pub status: Option<CashoutStatus>,
    /// … or these phases.
    pub phases: Vec<Phase>,
    pub figure: Figure,
}

/// One rejection code among the period's rejections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RejectionFigure {
    pub code: i64,
    /// The provider's name of the code (`ERROR_ACCOUNT_INCORRECT`).
    pub name: String,
    /// What it means, in the operator's language.
    pub explanation: String,
    /// The request field to fix, when one is to blame.
    pub field: Option<String>,
    pub figure: Figure,
}

/// One local day of the daily volume.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DayFigure {
    /// `YYYY-MM-DD` in the operator's time zone.
    pub day: String,
    pub figure: Figure,
    /// The day's sum against the period's largest day, in thousandths (0–1000), rounded up so
    /// that a day with money never draws as nothing: the bar's height, computed exactly here.
    pub height: u16,
}

/// Money on hold, with its oldest hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HoldFigure {
    pub figure: Figure,
    /// When the oldest hold began (as first seen by this desk).
    pub oldest_since: Option<String>,
    /// How long ago, in seconds.
    #[ts(type = "number | null")]
    pub oldest_secs: Option<u64>,
}

/// Everything the overview says about one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CurrencyOverview {
    /// ISO 4217 code.
    pub currency: String,
    /// Created in the period, by status now; the statuses with payouts, in the diagram's order.
    pub by_status: Vec<StatusFigure>,
    /// Sent to the provider in the period (the daily volume's total).
    pub sent: Figure,
    pub in_flight: Figure,
    pub on_hold: HoldFigure,
    pub completed: Figure,
    /// COMPLETED, but inside the late-rejection window: may still be returned.
    pub provisional: Figure,
    pub rejected: Figure,
    pub late_rejections: Figure,
    /// The commonest rejection codes, most payouts first (at most five).
    pub top_rejections: Vec<RejectionFigure>,
    /// Every day of the period, oldest first, zeros included.
    pub days: Vec<DayFigure>,
    /// The largest day's sum (canonical), to scale the chart; `0.00` when none.
    pub largest_day: String,
    /// The daily series in one sentence, for screen readers (the chart's accessible name).
    pub chart_label: String,
}

/// The overview of one environment for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Overview {
    /// The environment's journal scope.
    pub scope: String,
    /// The period's first and last local day (`YYYY-MM-DD`), both included.
    pub first_day: String,
    pub last_day: String,
    /// The time zone the days are in.
    pub time_zone: String,
    /// When it was computed.
    pub at: String,
    /// The locale the `shown` texts are written for.
    pub locale: String,
    /// The late-rejection window, in days (COMPLETED younger than this is provisional).
    pub late_window_days: u32,
    /// Payouts created in the period (all currencies).
    pub payouts: u64,
    /// Journal rows whose amount or currency could not be read as a payout's (not a decimal,
    /// not positive, finer than a cent, above the largest amount, no ISO code): in no figure.
    pub unreadable: u64,
    /// Payouts whose amount this desk does not know (found by a lookup of a cashout it did
    /// not create): in no figure, and not an error.
    pub amount_unknown: u64,
    /// One entry per currency, in code order.
    pub currencies: Vec<CurrencyOverview>,
}

/// A running count and exact sum, in hundredths: an [`Amount`] has at most two places, so its
/// hundredths are a whole number, and whole numbers add exactly and fast (the overview adds
/// each of 100,000 payouts into several sums).
#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    count: u64,
    hundredths: i128,
}

impl Acc {
    /// Adds one payout's amount, in hundredths. An amount is at most [`crate::money`]'s
    /// largest (1e9, 1e11 hundredths), and an `i128` holds 1.7e38: no journal reaches it (a
    /// sum that would is left as it was rather than wrap or panic).
    fn add(&mut self, hundredths: i64) {
        if let Some(sum) = self.hundredths.checked_add(i128::from(hundredths)) {
            self.count += 1;
            self.hundredths = sum;
        }
    }

    /// The exact sum (two places); `Decimal` holds 7.9e28, far past any sum of amounts.
    fn sum(self) -> Decimal {
        Decimal::try_from_i128_with_scale(self.hundredths, 2).unwrap_or(Decimal::MAX)
    }

    fn figure(self, currency: &str, locale: &Locale) -> Figure {
        let mut sum = self.sum();
        sum.rescale(sum.scale().max(2));
        Figure {
            count: self.count,
            sum: sum.to_string(),
            shown: format_money(self.sum(), currency, locale),
            count_shown: format_count(self.count, locale),
        }
    }
}

#[derive(Default)]
struct CurrencyAcc {
    /// Indexed by [`status_row`].
    by_status: [Acc; 12],
    sent: Acc,
    in_flight: Acc,
    on_hold: Acc,
    oldest_hold: Option<String>,
    completed: Acc,
    provisional: Acc,
    rejected: Acc,
    late: Acc,
    rejections: HashMap<i64, Acc>,
    days: Vec<Acc>,
}

/// The rows of the status table, in the diagram's order, then the phases the provider never
/// saw. `(key, status, phases)`.
fn status_rows() -> Vec<(&'static str, Option<CashoutStatus>, Vec<Phase>)> {
    let mut rows: Vec<(&'static str, Option<CashoutStatus>, Vec<Phase>)> = [
        CashoutStatus::Pending,
        CashoutStatus::OnHold,
        CashoutStatus::Delivered,
        CashoutStatus::Completed,
        CashoutStatus::Rejected,
        CashoutStatus::Cancelled,
        CashoutStatus::Declined,
        CashoutStatus::Unknown,
    ]
    .into_iter()
    .map(|s| (s.name(), Some(s), vec![]))
    .collect();
    rows.extend([
        ("IN_BATCH", None, vec![Phase::Queued]),
        ("NOT_SENT", None, vec![Phase::NotSent]),
        (
            "UNCONFIRMED",
            None,
            vec![Phase::Intent, Phase::Unknown, Phase::SentNotFound],
        ),
        ("ABANDONED", None, vec![Phase::Abandoned]),
    ]);
    rows
}

/// The row of [`status_rows`] a payout belongs to (their order: the eight statuses, then
/// IN_BATCH, NOT_SENT, UNCONFIRMED, ABANDONED). A match, not a search: it runs once per payout.
fn status_row(row: &OverviewRow) -> u8 {
    const NO_ROW: u8 = u8::MAX;
    use CashoutStatus as S;
    match (row.status, row.phase) {
        (Some(S::Pending), _) => 0,
        (Some(S::OnHold), _) => 1,
        (Some(S::Delivered), _) => 2,
        (Some(S::Completed), _) => 3,
        (Some(S::Rejected), _) => 4,
        (Some(S::Cancelled), _) => 5,
        (Some(S::Declined), _) | (None, Phase::Declined) => 6,
        (Some(S::Unknown), _) => 7,
        (None, Phase::Queued) => 8,
        (None, Phase::NotSent) => 9,
        (None, Phase::Abandoned) => 11,
        // Found by a lookup, no status known yet: not a create in flight (no list filter
        // finds it as one), so in no row of the table.
        (None, Phase::Created) => NO_ROW,
        (None, _) => 10,
    }
}

/// `part` of `whole` in thousandths, rounded up (a non-zero part is at least 1), exact.
fn per_mille(part: Decimal, whole: Decimal) -> u16 {
    if whole <= Decimal::ZERO || part <= Decimal::ZERO {
        return 0;
    }
    let Some(ratio) = part
        .checked_mul(Decimal::from(1000))
        .and_then(|p| p.checked_div(whole))
        .map(|r| r.ceil())
    else {
        return 1000;
    };
    u16::try_from(ratio.mantissa() / 10i128.pow(ratio.scale())).map_or(1000, |r| r.clamp(1, 1000))
}

/// The hundredths of an amount written by the payout's own rules ([`Amount`]: positive, at most
/// two places, at most the largest amount); `None` for any other text.
///
/// The journal's canonical text (`1234.5`) is read directly; anything else goes through
/// [`Amount`]'s own reader, so nothing is accepted here that a payout could not hold (a
/// property test compares the two on arbitrary text).
fn hundredths(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let (units, places) = match b.iter().position(|&c| c == b'.') {
        Some(dot) => (&b[..dot], &b[dot + 1..]),
        None => (b, &b""[..]),
    };
    let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    // Canonical: 1–10 digits, then nothing or a point and one or two digits.
    if !units.is_empty()
        && units.len() <= 10
        && digits(units)
        && places.len() <= 2
        && digits(places)
        && (!places.is_empty() || b.len() == units.len())
    {
        let read = |d: &[u8]| d.iter().fold(0i64, |n, c| n * 10 + i64::from(c - b'0'));
        let cents = read(units) * 100
            + match places.len() {
                0 => 0,
                1 => read(places) * 10,
                _ => read(places),
            };
        return (cents > 0 && cents <= MAX_HUNDREDTHS).then_some(cents);
    }
    let value = text.trim().parse::<Amount>().ok()?.value().normalize();
    let scale = value.scale();
    (scale <= 2)
        .then(|| i64::try_from(value.mantissa() * 10i128.pow(2 - scale)).ok())
        .flatten()
}

/// [`crate::money`]'s largest amount, in hundredths.
const MAX_HUNDREDTHS: i64 = 100_000_000_000;

/// Computes the overview of `rows` (see [`crate::journal::JournalStore::overview_rows`]) for
/// the local `days` of the period, at `now`: the figures per currency, the payouts created in
/// the period, and the rows that could not be read.
#[must_use]
pub fn compute(
    rows: &[OverviewRow<'_>],
    days: &crate::period::LocalDays,
    now: time::OffsetDateTime,
    late_window_days: u32,
    locale: &Locale,
) -> (Vec<CurrencyOverview>, u64, u64, u64) {
    let mut tally = Tally::new(days, now, late_window_days);
    for row in rows {
        tally.add(row);
    }
    tally.finish(days, now, locale)
}

/// The overview being added up, one journal row at a time (the journal hands rows over as it
/// reads them, without keeping them: 100,000 payouts are never held in memory at once).
pub struct Tally {
    window_start: String,
    starts: Vec<String>,
    currencies: Vec<(String, CurrencyAcc)>,
    payouts: u64,
    unreadable: u64,
    amount_unknown: u64,
}

impl Tally {
    /// An empty tally for the local `days` of a period, at `now`.
    #[must_use]
    pub fn new(
        days: &crate::period::LocalDays,
        now: time::OffsetDateTime,
        late_window_days: u32,
    ) -> Self {
        Self {
            window_start: format_instant(now - time::Duration::days(i64::from(late_window_days))),
            starts: days.days.iter().map(|(_, s)| s.clone()).collect(),
            currencies: Vec::new(),
            payouts: 0,
            unreadable: 0,
            amount_unknown: 0,
        }
    }

    /// Adds one journal row.
    pub fn add(&mut self, row: &OverviewRow<'_>) {
        if row.in_period {
            self.payouts += 1;
        }
        let Some(text) = row.amount else {
            self.amount_unknown += 1;
            return;
        };
        // A payout's amount by the payout's own rules (positive, at most two places, at most
        // the largest amount): a row written otherwise (by hand in a shared database, or
        // merged from elsewhere) is counted as unreadable, never added — nor can it overflow
        // a sum.
        let amount = hundredths(text);
        let currency = row
            .currency
            .map(str::trim)
            .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()));
        let (Some(amount), Some(currency)) = (amount, currency) else {
            self.unreadable += 1;
            return;
        };
        // A handful of currencies: a scan without allocating beats a map keyed by String.
        let at = match self.currencies.iter().position(|(c, _)| c == currency) {
            Some(at) => at,
            None => {
                self.currencies.push((
                    currency.to_owned(),
                    CurrencyAcc {
                        days: vec![Acc::default(); self.starts.len()],
                        ..CurrencyAcc::default()
                    },
                ));
                self.currencies.len() - 1
            }
        };
        let acc = &mut self.currencies[at].1;
        match row.status {
            Some(CashoutStatus::Pending | CashoutStatus::Delivered) => acc.in_flight.add(amount),
            Some(CashoutStatus::OnHold) => {
                acc.on_hold.add(amount);
                if let Some(since) = row.status_since {
                    if acc.oldest_hold.as_deref().is_none_or(|o| since < o) {
                        acc.oldest_hold = Some(since.to_owned());
                    }
                }
            }
            _ => {}
        }
        if !row.in_period {
            return;
        }
        if let Some(cell) = acc.by_status.get_mut(usize::from(status_row(row))) {
            cell.add(amount);
        }
        let reached_provider = row.status.is_some_and(CashoutStatus::reached_provider);
        if reached_provider {
            acc.sent.add(amount);
            // The day whose start is the last one not after the creation instant (the
            // journal's fixed-width UTC text sorts as time does).
            let day = self
                .starts
                .partition_point(|s| s.as_str() <= row.created_at);
            if let Some(d) = day.checked_sub(1).and_then(|i| acc.days.get_mut(i)) {
                d.add(amount);
            }
        }
        match row.status {
            Some(CashoutStatus::Completed) => {
                acc.completed.add(amount);
                if row
                    .status_since
                    .is_none_or(|since| since >= self.window_start.as_str())
                {
                    acc.provisional.add(amount);
                }
            }
            Some(CashoutStatus::Rejected) => {
                acc.rejected.add(amount);
                if row.late {
                    acc.late.add(amount);
                }
                acc.rejections
                    .entry(row.rejection_code.unwrap_or(0))
                    .or_default()
                    .add(amount);
            }
            _ => {}
        }
    }

    /// The figures, written for `locale`: per currency, payouts in the period, unreadable rows,
    /// payouts whose amount is not known.
    #[must_use]
    pub fn finish(
        self,
        days: &crate::period::LocalDays,
        now: time::OffsetDateTime,
        locale: &Locale,
    ) -> (Vec<CurrencyOverview>, u64, u64, u64) {
        let Self {
            mut currencies,
            payouts,
            unreadable,
            amount_unknown,
            ..
        } = self;
        let lang = locale.lang();
        let table = status_rows();
        currencies.sort_by(|a, b| a.0.cmp(&b.0));
        let overviews = currencies
            .into_iter()
            .map(|(currency, acc)| {
                let c = currency.as_str();
                let mut top: Vec<(i64, Acc)> = acc.rejections.into_iter().collect();
                top.sort_by(|a, b| {
                    b.1.count
                        .cmp(&a.1.count)
                        .then(b.1.hundredths.cmp(&a.1.hundredths))
                        .then(a.0.cmp(&b.0))
                });
                top.truncate(5);
                let largest = acc
                    .days
                    .iter()
                    .map(|d| d.sum())
                    .max()
                    .unwrap_or(Decimal::ZERO);
                let mut overview =
                    CurrencyOverview {
                        by_status: acc
                            .by_status
                            .iter()
                            .enumerate()
                            .filter(|(_, a)| a.count > 0)
                            .filter_map(|(i, a)| {
                                let (key, status, phases) = table.get(i)?.clone();
                                Some(StatusFigure {
                                    key: key.to_owned(),
                                    label: messages::text(lang, &format!("status-{key}"), &[]),
                                    status,
                                    phases,
                                    figure: a.figure(c, locale),
                                })
                            })
                            .collect(),
                        sent: acc.sent.figure(c, locale),
                        in_flight: acc.in_flight.figure(c, locale),
                        on_hold: HoldFigure {
                            figure: acc.on_hold.figure(c, locale),
                            oldest_secs: acc.oldest_hold.as_deref().and_then(parse_instant).map(
                                |t| u64::try_from((now - t).whole_seconds().max(0)).unwrap_or(0),
                            ),
                            oldest_since: acc.oldest_hold,
                        },
                        completed: acc.completed.figure(c, locale),
                        provisional: acc.provisional.figure(c, locale),
                        rejected: acc.rejected.figure(c, locale),
                        late_rejections: acc.late.figure(c, locale),
                        top_rejections: top
                            .into_iter()
                            .map(|(code, a)| {
                                let info = codes::rejection_code(code);
                                RejectionFigure {
                                    code,
                                    name: info.name.to_owned(),
                                    explanation: codes::rejection_explanation(code, lang),
                                    field: info.field.map(str::to_owned),
                                    figure: a.figure(c, locale),
                                }
                            })
                            .collect(),
                        days: days
                            .days
                            .iter()
                            .zip(&acc.days)
                            .map(|((day, _), a)| DayFigure {
                                day: day.clone(),
                                figure: a.figure(c, locale),
                                height: per_mille(a.sum(), largest),
                            })
                            .collect(),
                        largest_day: {
                            let mut l = largest;
                            l.rescale(l.scale().max(2));
                            l.to_string()
                        },
                        chart_label: String::new(),
                        currency,
                    };
                overview.chart_label = chart_summary(&overview, lang);
                overview
            })
            .collect();
        (overviews, payouts, unreadable, amount_unknown)
    }
}

/// A one-line summary of a currency's daily series for screen readers: `BRL, 30 days from
/// 11/1/2026 to 11/30/2026: sent BRL 12,345.00 in 87 payouts; the largest day 11/12/2026,
/// BRL 2,000.00.` (days and sums in the active locale's way).
#[must_use]
pub fn chart_summary(c: &CurrencyOverview, lang: crate::l10n::Lang) -> String {
    let largest = c.days.iter().filter(|d| d.figure.count > 0).max_by(|a, b| {
        let (x, y) = (
            Decimal::from_str_exact(&a.figure.sum).unwrap_or_default(),
            Decimal::from_str_exact(&b.figure.sum).unwrap_or_default(),
        );
        x.cmp(&y).then(b.day.cmp(&a.day))
    });
    // Days as the active locale writes them (`30/11/2026`); the series keeps ISO days for the
    // window's filters.
    let (first, last) = (
        c.days.first().map_or(String::new(), |d| day_shown(&d.day)),
        c.days.last().map_or(String::new(), |d| day_shown(&d.day)),
    );
    let mut args: Vec<(&str, Arg)> = vec![
        ("currency", c.currency.clone().into()),
        ("days", c.days.len().into()),
        ("first", first.into()),
        ("last", last.into()),
        ("sum", c.sent.shown.clone().into()),
        (
            "count",
            Arg::Count(i64::try_from(c.sent.count).unwrap_or(i64::MAX)),
        ),
        // Grouped as the locale writes counts; `count` only picks the plural form.
        ("shown", c.sent.count_shown.clone().into()),
    ];
    match largest {
        Some(d) => {
            args.push(("day", day_shown(&d.day).into()));
            args.push(("daysum", d.figure.shown.clone().into()));
            messages::text(lang, "overview-chart-summary", &args)
        }
        None => messages::text(lang, "overview-chart-summary-empty", &args),
    }
}

mod handoff;
pub use handoff::tally_while_reading;

#[cfg(test)]
mod tests;

//! Periods of the calendar as an operator means them ("today", "yesterday", "last 7 days",
//! "this month", or two dates), turned into the UTC instants the journal stores, in the
//! operator's time zone; and instants shown as that zone's local time.
//!
//! Guarantees: a day is the operator's calendar day, from its first instant to the next day's
//! first instant (23 or 25 hours across a daylight-saving change, as the time zone database
//! says — jiff's, with the system's zone files where the system has them); ranges are
//! half-open (`from` ≤ created < `before`), so consecutive periods never share or lose a payout;
//! a custom range names whole days and includes both. A date that is not a calendar date, a
//! range that ends before it starts, or a time zone name the database does not know is a
//! field-level error, never a guess.
//!
//! Left out: per-language date formatting (the localisation work); here local times are ISO
//! `YYYY-MM-DD HH:MM`.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use ts_rs::TS;

use crate::clock::{format_instant, parse_instant};
use crate::error::{Error, Result};
use crate::l10n::messages::tr;

/// A period of the operator's calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Period {
    Today,
    Yesterday,
    /// Today and the six days before it.
    Last7Days,
    /// Today and the 29 days before it.
    Last30Days,
    /// From the first of this month through today.
    ThisMonth,
    /// Whole days, `YYYY-MM-DD`, both included; either end may be left open.
    Custom {
        #[serde(default)]
        from: Option<String>,
        #[serde(default)]
        to: Option<String>,
    },
}

/// A period as instants: `from` ≤ created < `before` (RFC 3339 UTC, the journal's form);
/// `None` for an open end.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InstantRange {
    pub from: Option<String>,
    pub before: Option<String>,
}

/// The operator's time zone: `name` (an IANA name such as `America/Sao_Paulo`) when given,
/// else the system's.
///
/// # Errors
/// [`Error::InvalidInput`] (field `time_zone`) for a name the time zone database does not know.
pub fn zone(name: Option<&str>) -> Result<TimeZone> {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        None => Ok(TimeZone::system()),
        Some(name) => TimeZone::get(name).map_err(|_| Error::InvalidInput {
            field: "time_zone",
            message: tr(
                "d-time-zone-unknown",
                &[("name", format!("{name:?}").into())],
            ),
        }),
    }
}

fn to_timestamp(t: OffsetDateTime) -> Timestamp {
    let nanos = t.unix_timestamp_nanos();
    Timestamp::from_nanosecond(nanos).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn day_start(day: Date, tz: &TimeZone) -> Result<String> {
    let start = day.to_zoned(tz.clone()).map_err(|e| Error::InvalidInput {
        field: "period",
        message: tr(
            "d-period-day-no-start",
            &[
                ("day", day.to_string().into()),
                ("detail", e.to_string().into()),
            ],
        ),
    })?;
    let nanos = start.timestamp().as_nanosecond();
    let instant =
        OffsetDateTime::from_unix_timestamp_nanos(nanos).map_err(|_| Error::InvalidInput {
            field: "period",
            message: tr(
                "d-period-day-out-of-range",
                &[("day", day.to_string().into())],
            ),
        })?;
    Ok(format_instant(instant))
}

fn date_field(text: &Option<String>, field: &'static str) -> Result<Option<Date>> {
    match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => t
            .parse::<Date>()
            .map(Some)
            .map_err(|_| Error::InvalidInput {
                field,
                message: tr("d-period-not-a-date", &[("typed", format!("{t:?}").into())]),
            }),
    }
}

fn ends_before_start(first: Date, last: Date) -> String {
    tr(
        "d-period-ends-before-start",
        &[
            ("last", last.to_string().into()),
            ("first", first.to_string().into()),
        ],
    )
}

fn next_day(day: Date) -> Result<Date> {
    day.tomorrow().map_err(|_| Error::InvalidInput {
        field: "period",
        message: tr("d-period-last-date", &[("day", day.to_string().into())]),
    })
}

impl Period {
    /// The instants this period covers for an operator in `tz` at `now`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`]: field `period_from` / `period_to` for a date that is not one,
    /// `period_to` for a range that ends before it starts.
    pub fn resolve(&self, tz: &TimeZone, now: OffsetDateTime) -> Result<InstantRange> {
        let today = to_timestamp(now).to_zoned(tz.clone()).date();
        let days = |first: Date, last: Date| -> Result<InstantRange> {
            Ok(InstantRange {
                from: Some(day_start(first, tz)?),
                before: Some(day_start(next_day(last)?, tz)?),
            })
        };
        match self {
            Self::Today => days(today, today),
            Self::Yesterday => {
                let yesterday = today.yesterday().map_err(|_| Error::InvalidInput {
                    field: "period",
                    message: tr("d-period-no-yesterday", &[]),
                })?;
                days(yesterday, yesterday)
            }
            Self::Last7Days => {
                let first = today.checked_sub(jiff::Span::new().days(6)).map_err(|e| {
                    Error::InvalidInput {
                        field: "period",
                        message: e.to_string(),
                    }
                })?;
                days(first, today)
            }
            Self::Last30Days => {
                let first = today.checked_sub(jiff::Span::new().days(29)).map_err(|e| {
                    Error::InvalidInput {
                        field: "period",
                        message: e.to_string(),
                    }
                })?;
                days(first, today)
            }
            Self::ThisMonth => days(today.first_of_month(), today),
            Self::Custom { from, to } => {
                let (first, last) = (
                    date_field(from, "period_from")?,
                    date_field(to, "period_to")?,
                );
                if let (Some(first), Some(last)) = (first, last) {
                    if last < first {
                        return Err(Error::InvalidInput {
                            field: "period_to",
                            message: ends_before_start(first, last),
                        });
                    }
                }
                Ok(InstantRange {
                    from: first.map(|d| day_start(d, tz)).transpose()?,
                    before: last
                        .map(|d| next_day(d).and_then(|n| day_start(n, tz)))
                        .transpose()?,
                })
            }
        }
    }
}

/// The local days of a period, each with its first instant, plus the instant the last one ends:
/// the buckets of a daily chart. An open end of a custom range is today (to) or 29 days before
/// the last day (from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalDays {
    /// `(YYYY-MM-DD, first instant)`, oldest first.
    pub days: Vec<(String, String)>,
    /// The instant after the last day (the range's `before`).
    pub end: String,
}

/// The most days a daily chart covers.
pub const MAX_CHART_DAYS: usize = 366;

impl Period {
    /// The period's local days in `tz` at `now` (see [`LocalDays`]).
    ///
    /// # Errors
    /// As [`Period::resolve`], and field `period` for more than [`MAX_CHART_DAYS`] days.
    pub fn local_days(&self, tz: &TimeZone, now: OffsetDateTime) -> Result<LocalDays> {
        let today = to_timestamp(now).to_zoned(tz.clone()).date();
        let back = |d: Date, n: i64| {
            d.checked_sub(jiff::Span::new().days(n))
                .map_err(|e| Error::InvalidInput {
                    field: "period",
                    message: e.to_string(),
                })
        };
        let (first, last) = match self {
            Self::Today => (today, today),
            Self::Yesterday => {
                let y = back(today, 1)?;
                (y, y)
            }
            Self::Last7Days => (back(today, 6)?, today),
            Self::Last30Days => (back(today, 29)?, today),
            Self::ThisMonth => (today.first_of_month(), today),
            Self::Custom { from, to } => {
                let last = date_field(to, "period_to")?.unwrap_or(today);
                let first = match date_field(from, "period_from")? {
                    Some(f) => f,
                    None => back(last, 29)?,
                };
                if last < first {
                    return Err(Error::InvalidInput {
                        field: "period_to",
                        message: ends_before_start(first, last),
                    });
                }
                (first, last)
            }
        };
        let mut days = vec![];
        let mut day = first;
        while day <= last {
            if days.len() == MAX_CHART_DAYS {
                return Err(Error::InvalidInput {
                    field: "period",
                    message: tr(
                        "d-period-too-long",
                        &[("days", MAX_CHART_DAYS.to_string().into())],
                    ),
                });
            }
            days.push((day.to_string(), day_start(day, tz)?));
            day = next_day(day)?;
        }
        Ok(LocalDays {
            days,
            end: day_start(day, tz)?,
        })
    }
}

/// `instant` (the journal's RFC 3339 text) as local time in `tz`: `YYYY-MM-DD HH:MM`; the text
/// unchanged when it is not an instant.
#[must_use]
pub fn local_time(instant: &str, tz: &TimeZone) -> String {
    let Some(t) = parse_instant(instant) else {
        return instant.to_owned();
    };
    let zoned: Zoned = to_timestamp(t).to_zoned(tz.clone());
    zoned.strftime("%Y-%m-%d %H:%M").to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(s: &str) -> OffsetDateTime {
        parse_instant(s).unwrap()
    }

    fn range(p: Period, tz: &str, now: &str) -> (String, String) {
        let r = p.resolve(&zone(Some(tz)).unwrap(), at(now)).unwrap();
        (r.from.unwrap(), r.before.unwrap())
    }

    #[test]
    fn yesterday_in_sao_paulo_is_the_operators_calendar_day_not_utcs() {
        // 01:30 UTC on the 30th is still the 29th in São Paulo (UTC−3).
        assert_eq!(
            range(
                Period::Today,
                "America/Sao_Paulo",
                "2026-11-30T01:30:00.000Z"
            ),
            (
                "2026-11-29T03:00:00.000Z".into(),
                "2026-11-30T03:00:00.000Z".into()
            )
        );
        assert_eq!(
            range(
                Period::Yesterday,
                "America/Sao_Paulo",
                "2026-11-30T01:30:00.000Z"
            ),
            (
                "2026-11-28T03:00:00.000Z".into(),
                "2026-11-29T03:00:00.000Z".into()
            )
        );
    }

    #[test]
    fn a_day_across_a_daylight_saving_change_has_its_true_length() {
        // Chile moves its clocks forward on the first Saturday night of September 2026: the
        // 6th lasts 23 hours.
        let (from, before) = range(
            Period::Custom {
                from: Some("2026-09-06".into()),
                to: Some("2026-09-06".into()),
            },
            "America/Santiago",
            "2026-11-30T12:00:00.000Z",
        );
        let hours = (at(&before) - at(&from)).whole_hours();
        assert_eq!(hours, 23, "{from} .. {before}");
    }

    #[test]
    fn last_seven_days_and_this_month_end_with_today() {
        let now = "2026-11-30T15:00:00.000Z";
        assert_eq!(
            range(Period::Last7Days, "America/Bogota", now),
            (
                "2026-11-24T05:00:00.000Z".into(),
                "2026-12-01T05:00:00.000Z".into()
            )
        );
        assert_eq!(
            range(Period::ThisMonth, "America/Mexico_City", now),
            (
                "2026-11-01T06:00:00.000Z".into(),
                "2026-12-01T06:00:00.000Z".into()
            )
        );
    }

    #[test]
    fn a_mistyped_range_names_its_field() {
        let tz = zone(Some("UTC")).unwrap();
        let now = at("2026-11-30T15:00:00.000Z");
        let bad = |from: &str, to: &str| {
            Period::Custom {
                from: Some(from.into()),
                to: Some(to.into()),
            }
            .resolve(&tz, now)
            .unwrap_err()
            .field()
            .map(str::to_owned)
        };
        assert_eq!(bad("2026-02-30", ""), Some("period_from".into()));
        assert_eq!(bad("", "30/11/2026"), Some("period_to".into()));
        assert_eq!(bad("2026-11-30", "2026-11-01"), Some("period_to".into()));
        assert_eq!(
            zone(Some("Mars/Olympus")).unwrap_err().field(),
            Some("time_zone")
        );
        let open = Period::Custom {
            from: None,
            to: Some("2026-11-01".into()),
        }
        .resolve(&tz, now)
        .unwrap();
        assert_eq!(open.from, None);
        assert_eq!(open.before.as_deref(), Some("2026-11-02T00:00:00.000Z"));
    }

    #[test]
    fn local_time_is_the_zones_wall_clock() {
        let tz = zone(Some("America/Lima")).unwrap();
        assert_eq!(
            local_time("2026-11-30T15:04:05.000Z", &tz),
            "2026-11-30 10:04"
        );
        assert_eq!(local_time("not a time", &tz), "not a time");
    }
}

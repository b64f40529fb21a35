//! Dates and times the way the operator's locale writes them, from CLDR (ICU4X).
//!
//! The journal keeps instants as RFC 3339 text in UTC; people read them in their own time zone
//! and their locale's order: `30/11/2026 14:03` in São Paulo, `11/30/2026, 2:03 PM` in the
//! United States. [`DateTimeText`] writes a moment that way (a numeric date with the full year,
//! alone or with hours and minutes, optionally seconds), on ICU4X's `icu_datetime` with its
//! compiled CLDR data.
//!
//! The window shows many moments (histories, audit entries, batches) and cannot call the core
//! for each. So the core also hands it a [`DateStyle`]: the locale's pattern read off ICU4X's
//! own output for a reference moment, as a list of literal texts and numeric fields. Rendering a
//! style ([`DateStyle::render`]) is substituting digits, with no rule of its own; a test checks
//! that the style renders exactly what ICU4X writes, for moments across the day and year.
//!
//! Guarantees: a locale whose output cannot be expressed that way (month names, other digits,
//! an hour cycle other than 0–23 or 1–12) gets the ISO style `2026-11-30 14:03`, which every
//! locale reads, rather than a wrong one; text that is not an instant is shown unchanged.
//! Left out: weekday and month names, and calendars other than the Gregorian.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{T, YMD, YMDT};
use icu_datetime::input::{DateTime, Time};
use icu_datetime::options::{TimePrecision, YearStyle};
use icu_datetime::{parts, FixedCalendarDateTimeFormatter, FormattedDateTime, NoCalendarFormatter};
use jiff::tz::TimeZone;
use serde::Serialize;
use ts_rs::TS;
use writeable::{Part, PartsWrite, Writeable};

use super::Locale;

/// How finely a moment is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// `30/11/2026`: a calendar day (the overview's days), no time.
    Day,
    /// `14:03:22`: the time alone, to the second (the diagram's steps, whose day is on the
    /// payout's facts beside it).
    Time,
    /// `14:03`: lists and summaries.
    Minute,
    /// `14:03:22`: histories and the audit log, where the order of events within a minute
    /// matters.
    Second,
}

/// One piece of a [`DateStyle`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DatePart {
    /// Written as it is (separators, the comma before the time, a narrow space).
    Text { text: String },
    /// The full year (`2026`).
    Year,
    /// The month number, zero-padded to `width` digits (1 or 2).
    Month { width: u8 },
    /// The day of the month, zero-padded to `width` digits.
    Day { width: u8 },
    /// The hour 0–23, zero-padded to `width` digits.
    Hour24 { width: u8 },
    /// The hour 1–12 (midnight and noon are 12), zero-padded to `width` digits.
    Hour12 { width: u8 },
    /// Minutes, two digits.
    Minute,
    /// Seconds, two digits.
    Second,
    /// The locale's word for before or after noon ([`DateStyle::am`], [`DateStyle::pm`]).
    DayPeriod,
}

/// A locale's way of writing a local date and time, for the window to apply to each moment
/// (in the operator's own time zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DateStyle {
    pub parts: Vec<DatePart>,
    /// The day-period word before noon (`AM`, `a.m.`); empty when the locale uses 0–23 hours.
    pub am: String,
    /// The day-period word from noon on.
    pub pm: String,
}

/// A local calendar date and wall-clock time, in the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wall {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl Wall {
    /// The wall clock in `tz` at `instant` (RFC 3339); `None` when it is not one.
    #[must_use]
    pub fn of_instant(instant: &str, tz: &TimeZone) -> Option<Self> {
        let t: jiff::Timestamp = instant.trim().parse().ok()?;
        let dt = t.to_zoned(tz.clone()).datetime();
        Some(Self {
            year: i32::from(dt.year()),
            month: u8::try_from(dt.month()).ok()?,
            day: u8::try_from(dt.day()).ok()?,
            hour: u8::try_from(dt.hour()).ok()?,
            minute: u8::try_from(dt.minute()).ok()?,
            second: u8::try_from(dt.second()).ok()?,
        })
    }

    /// Midnight of a calendar day written `YYYY-MM-DD` (the overview's days); `None` when it is
    /// not one.
    #[must_use]
    pub fn of_day(day: &str) -> Option<Self> {
        let d: jiff::civil::Date = day.trim().parse().ok()?;
        Some(Self {
            year: i32::from(d.year()),
            month: u8::try_from(d.month()).ok()?,
            day: u8::try_from(d.day()).ok()?,
            hour: 0,
            minute: 0,
            second: 0,
        })
    }

    fn icu(self) -> Option<DateTime<Gregorian>> {
        Some(DateTime {
            date: Date::try_new_gregorian(self.year, self.month, self.day).ok()?,
            time: Time::try_new(self.hour, self.minute, self.second, 0).ok()?,
        })
    }

    /// ISO order, which every locale reads: `2026-11-30[ 14:03[:22]]`.
    fn iso(self, precision: Precision) -> String {
        iso_style(precision).render(self)
    }
}

/// Writes moments for one locale and precision; made once per list, used for each row.
pub struct DateTimeText {
    formatter: Option<Formatter>,
    precision: Precision,
}

/// ICU4X's formatter for a day or for a day and time (two field sets, two types).
enum Formatter {
    Day(FixedCalendarDateTimeFormatter<Gregorian, YMD>),
    DayTime(FixedCalendarDateTimeFormatter<Gregorian, YMDT>),
    Time(NoCalendarFormatter<T>),
}

impl Formatter {
    fn format(&self, dt: &DateTime<Gregorian>) -> FormattedDateTime<'_> {
        match self {
            Self::Day(f) => f.format(dt),
            Self::DayTime(f) => f.format(dt),
            Self::Time(f) => f.format(&dt.time),
        }
    }
}

impl fmt::Debug for DateTimeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DateTimeText")
            .field("cldr", &self.formatter.is_some())
            .field("precision", &self.precision)
            .finish()
    }
}

impl DateTimeText {
    /// The locale's numeric date with the full year, and its time to `precision`; the tag's
    /// data, else its language's region, else ISO.
    #[must_use]
    pub fn new(locale: &Locale, precision: Precision) -> Self {
        let make = |tag: &str| {
            let parsed = icu_locale_core::Locale::try_from_str(tag).ok()?;
            let prefs = (&parsed).into();
            let time = match precision {
                Precision::Day => {
                    let fields = YMD::short().with_year_style(YearStyle::Full);
                    return FixedCalendarDateTimeFormatter::try_new(prefs, fields)
                        .ok()
                        .map(Formatter::Day);
                }
                Precision::Time => {
                    return NoCalendarFormatter::try_new(prefs, T::hms())
                        .ok()
                        .map(Formatter::Time);
                }
                Precision::Minute => TimePrecision::Minute,
                Precision::Second => TimePrecision::Second,
            };
            let fields = YMDT::short()
                .with_year_style(YearStyle::Full)
                .with_time_precision(time);
            FixedCalendarDateTimeFormatter::try_new(prefs, fields)
                .ok()
                .map(Formatter::DayTime)
        };
        Self {
            formatter: if locale.iso_dates() {
                None
            } else {
                make(locale.tag()).or_else(|| make(locale.lang().default_region_tag()))
            },
            precision,
        }
    }

    /// `wall` as the locale writes it.
    #[must_use]
    pub fn wall(&self, wall: Wall) -> String {
        match (&self.formatter, wall.icu()) {
            (Some(f), Some(dt)) => f.format(&dt).to_string(),
            _ => wall.iso(self.precision),
        }
    }

    /// `instant` (the journal's RFC 3339 text) in `tz`, as the locale writes it; the text
    /// unchanged when it is not an instant.
    #[must_use]
    pub fn instant(&self, instant: &str, tz: &TimeZone) -> String {
        Wall::of_instant(instant, tz).map_or_else(|| instant.to_owned(), |w| self.wall(w))
    }

    /// A calendar day (`YYYY-MM-DD`) as the locale writes it; the text unchanged when it is
    /// not one.
    #[must_use]
    pub fn day(&self, day: &str) -> String {
        Wall::of_day(day).map_or_else(|| day.to_owned(), |w| self.wall(w))
    }

    /// The text of `wall` with the ranges ICU4X marks as date and time fields.
    fn parts(&self, wall: Wall) -> Option<Parted> {
        let f = self.formatter.as_ref()?;
        let mut out = Parted::default();
        f.format(&wall.icu()?).write_to_parts(&mut out).ok()?;
        Some(out)
    }

    /// The style the window applies: read off this formatter's output, checked against it, or
    /// ISO when the locale's way cannot be written as digits in a pattern.
    #[must_use]
    pub fn style(&self) -> DateStyle {
        self.read_style()
            .filter(|style| {
                CHECK_MOMENTS
                    .iter()
                    .all(|w| style.render(*w) == self.wall(*w))
            })
            .unwrap_or_else(|| iso_style(self.precision))
    }

    fn read_style(&self) -> Option<DateStyle> {
        // Every field differs from the others in its digits, and the hour is after noon, so
        // each field's text says which field and which hour cycle it is.
        let pm = REFERENCE;
        let am = Wall { hour: 1, ..SINGLE };
        let (full, single) = (self.parts(pm)?, self.parts(SINGLE)?);
        let pad = |part: Part, text: &Parted| -> Option<u8> {
            match text.field(part)?.len() {
                1 => Some(1),
                2 => Some(2),
                _ => None,
            }
        };
        let mut out = vec![];
        let mut at = 0;
        let mut periods = (String::new(), String::new());
        let mut fields = full.fields.clone();
        fields.sort_by_key(|(start, _, _)| *start);
        for (start, end, part) in fields {
            if start < at {
                return None; // nested or overlapping: not a plain pattern
            }
            if start > at {
                out.push(DatePart::Text {
                    text: full.text[at..start].to_owned(),
                });
            }
            let text = &full.text[start..end];
            out.push(if part == parts::YEAR && text == "2033" {
                DatePart::Year
            } else if part == parts::MONTH && text == "11" {
                DatePart::Month {
                    width: pad(parts::MONTH, &single)?,
                }
            } else if part == parts::DAY && text == "22" {
                DatePart::Day {
                    width: pad(parts::DAY, &single)?,
                }
            } else if part == parts::HOUR && text == "13" {
                DatePart::Hour24 {
                    width: pad(parts::HOUR, &single)?,
                }
            } else if part == parts::HOUR && (text == "1" || text == "01") {
                DatePart::Hour12 {
                    width: u8::try_from(text.len()).ok()?,
                }
            } else if part == parts::MINUTE && text == "44" {
                DatePart::Minute
            } else if part == parts::SECOND && text == "55" {
                DatePart::Second
            } else if part == parts::DAY_PERIOD {
                periods = (
                    self.parts(am)?.field(parts::DAY_PERIOD)?.to_owned(),
                    text.to_owned(),
                );
                DatePart::DayPeriod
            } else {
                return None;
            });
            at = end;
        }
        if at < full.text.len() {
            out.push(DatePart::Text {
                text: full.text[at..].to_owned(),
            });
        }
        Some(DateStyle {
            parts: out,
            am: periods.0,
            pm: periods.1,
        })
    }
}

/// A moment whose fields all differ: 2033-11-22 13:44:55.
const REFERENCE: Wall = Wall {
    year: 2033,
    month: 11,
    day: 22,
    hour: 13,
    minute: 44,
    second: 55,
};

/// The same with one-digit fields, to see which are zero-padded: 2033-01-02 03:04:05.
const SINGLE: Wall = Wall {
    year: 2033,
    month: 1,
    day: 2,
    hour: 3,
    minute: 4,
    second: 5,
};

/// Moments a style must write exactly as ICU4X does before the window gets it: midnight, noon,
/// single and double digits, both halves of the day, a leap day.
const CHECK_MOMENTS: [Wall; 6] = [
    REFERENCE,
    SINGLE,
    Wall {
        year: 2026,
        month: 12,
        day: 31,
        hour: 0,
        minute: 0,
        second: 0,
    },
    Wall {
        year: 2024,
        month: 2,
        day: 29,
        hour: 12,
        minute: 30,
        second: 9,
    },
    Wall {
        year: 2026,
        month: 7,
        day: 9,
        hour: 23,
        minute: 59,
        second: 59,
    },
    Wall {
        year: 1999,
        month: 10,
        day: 10,
        hour: 11,
        minute: 1,
        second: 1,
    },
];

fn iso_style(precision: Precision) -> DateStyle {
    let text = |t: &str| DatePart::Text { text: t.to_owned() };
    let time = [DatePart::Hour24 { width: 2 }, text(":"), DatePart::Minute];
    let mut parts = vec![];
    if precision != Precision::Time {
        parts.extend([
            DatePart::Year,
            text("-"),
            DatePart::Month { width: 2 },
            text("-"),
            DatePart::Day { width: 2 },
        ]);
    }
    if precision == Precision::Time {
        parts.extend(time);
    } else if precision != Precision::Day {
        parts.push(text(" "));
        parts.extend(time);
    }
    if matches!(precision, Precision::Second | Precision::Time) {
        parts.extend([text(":"), DatePart::Second]);
    }
    DateStyle {
        parts,
        am: String::new(),
        pm: String::new(),
    }
}

impl DateStyle {
    /// `wall` written in this style; what the window does for each moment (`ui/src/dates.ts`
    /// is the same substitution, tested on the same goldens).
    #[must_use]
    pub fn render(&self, wall: Wall) -> String {
        let mut s = String::new();
        for part in &self.parts {
            match part {
                DatePart::Text { text } => s.push_str(text),
                DatePart::Year => s.push_str(&wall.year.to_string()),
                DatePart::Month { width } => s.push_str(&padded(wall.month, *width)),
                DatePart::Day { width } => s.push_str(&padded(wall.day, *width)),
                DatePart::Hour24 { width } => s.push_str(&padded(wall.hour, *width)),
                DatePart::Hour12 { width } => {
                    let h = match wall.hour % 12 {
                        0 => 12,
                        h => h,
                    };
                    s.push_str(&padded(h, *width));
                }
                DatePart::Minute => s.push_str(&padded(wall.minute, 2)),
                DatePart::Second => s.push_str(&padded(wall.second, 2)),
                DatePart::DayPeriod => s.push_str(if wall.hour < 12 { &self.am } else { &self.pm }),
            }
        }
        s
    }
}

fn padded(n: u8, width: u8) -> String {
    format!("{n:0width$}", width = usize::from(width))
}

/// A formatted text and the field ranges ICU4X marked in it.
#[derive(Default)]
struct Parted {
    text: String,
    fields: Vec<(usize, usize, Part)>,
}

impl Parted {
    fn field(&self, part: Part) -> Option<&str> {
        self.fields
            .iter()
            .find(|(_, _, p)| *p == part)
            .map(|(s, e, _)| &self.text[*s..*e])
    }
}

impl fmt::Write for Parted {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.text.push_str(s);
        Ok(())
    }
}

impl PartsWrite for Parted {
    type SubPartsWrite = Self;
    fn with_part(
        &mut self,
        part: Part,
        mut f: impl FnMut(&mut Self::SubPartsWrite) -> fmt::Result,
    ) -> fmt::Result {
        let start = self.text.len();
        f(self)?;
        // Only the date and time fields: ICU4X also marks the digits inside them as a
        // number's integer part, which says nothing about the pattern.
        if [
            parts::YEAR,
            parts::MONTH,
            parts::DAY,
            parts::HOUR,
            parts::MINUTE,
            parts::SECOND,
            parts::DAY_PERIOD,
            parts::ERA,
            parts::WEEKDAY,
            parts::RELATED_YEAR,
            parts::YEAR_NAME,
            parts::EXTENDED_YEAR,
        ]
        .contains(&part)
        {
            self.fields.push((start, self.text.len(), part));
        }
        Ok(())
    }
}

/// `instant` in `tz`, written the active locale's way ([`super::messages::active`]): what a
/// payout's `created_local` says. Formatters are made once per locale and precision.
#[must_use]
pub fn instant_shown(instant: &str, tz: &TimeZone, precision: Precision) -> String {
    active_text(precision).instant(instant, tz)
}

/// `instant` on this machine's clock (the system's time zone), to the second, written the
/// active locale's way: moments named inside messages (a lease's end, an earlier payout's
/// creation), beside the same moments in the window's lists.
#[must_use]
pub fn moment_shown(instant: &str) -> String {
    instant_shown(instant, &TimeZone::system(), Precision::Second)
}

/// A calendar day (`YYYY-MM-DD`) written the active locale's way: the overview's days.
#[must_use]
pub fn day_shown(day: &str) -> String {
    active_text(Precision::Day).day(day)
}

/// Formatters made so far, by locale and precision.
type Made = Mutex<HashMap<(Locale, Precision), Arc<DateTimeText>>>;

fn active_text(precision: Precision) -> Arc<DateTimeText> {
    static MADE: OnceLock<Made> = OnceLock::new();
    let locale = super::messages::active();
    let key = (locale.clone(), precision);
    let mut made = MADE
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Arc::clone(
        made.entry(key)
            .or_insert_with(|| Arc::new(DateTimeText::new(&locale, precision))),
    )
}

/// The style of `locale` at `precision` (what [`super::LocaleView`] carries).
#[must_use]
pub fn style(locale: &Locale, precision: Precision) -> DateStyle {
    DateTimeText::new(locale, precision).style()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

//! Time, passed in. Everything that depends on time (journal timestamps, the sandbox's bank
//! processing, polling) takes a [`Clock`], so tests move time by hand instead of sleeping.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// A source of the current time.
pub trait Clock: Send + Sync {
    /// Now, in UTC.
    fn now(&self) -> OffsetDateTime;

    /// Whether this is the machine's real clock. Where several machines must agree on time
    /// (the team journal's shared rate cap), a real clock defers to the database server's; an
    /// injected clock (tests) is used as it is.
    fn is_wall_clock(&self) -> bool {
        false
    }
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }

    fn is_wall_clock(&self) -> bool {
        true
    }
}

/// A clock that moves only when told to. Clones share the same time.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<Mutex<OffsetDateTime>>);

impl ManualClock {
    /// A clock stopped at `start`.
    #[must_use]
    pub fn new(start: OffsetDateTime) -> Self {
        Self(Arc::new(Mutex::new(start)))
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        if let Ok(mut t) = self.0.lock() {
            *t += by;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> OffsetDateTime {
        self.0
            .lock()
            .map(|t| *t)
            .unwrap_or_else(|p| *p.into_inner())
    }
}

/// RFC 3339, UTC, always with exactly three fractional digits: the one text form of instants in
/// files and output. Fixed width, so text order is time order (the journal sorts on it).
#[must_use]
pub fn format_instant(t: OffsetDateTime) -> String {
    const FORMAT: &[time::format_description::FormatItem<'static>] = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.to_offset(time::UtcOffset::UTC)
        .format(FORMAT)
        .unwrap_or_default()
}

/// Parses [`format_instant`]'s output.
#[must_use]
pub fn parse_instant(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = OffsetDateTime::UNIX_EPOCH;
        let c = ManualClock::new(start);
        assert_eq!(c.now(), start);
        c.clone().advance(Duration::from_secs(90));
        assert_eq!(c.now(), start + Duration::from_secs(90));
    }

    #[test]
    fn instants_have_fixed_width_so_text_order_is_time_order() {
        let whole = OffsetDateTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let later = whole + Duration::from_millis(100);
        assert_eq!(format_instant(whole), "2023-11-14T22:13:20.000Z");
        assert!(format_instant(whole) < format_instant(later));
    }

    #[test]
    fn instants_round_trip_with_millisecond_precision() {
        let t = OffsetDateTime::UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
        let s = format_instant(t);
        assert_eq!(s, "2023-11-14T22:13:20.123Z");
        assert_eq!(parse_instant(&s), Some(t));
    }
}

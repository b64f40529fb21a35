use proptest::prelude::*;

use super::super::OFFERED;
use super::*;

fn wall(s: &str) -> Wall {
    Wall::of_instant(s, &TimeZone::UTC).unwrap()
}

fn shown(tag: &str, precision: Precision, at: &str) -> String {
    DateTimeText::new(&Locale::negotiate(tag), precision).wall(wall(at))
}

#[test]
fn date_golden_strings_per_locale() {
    let m = Precision::Minute;
    let s = Precision::Second;
    // Brazil and Chile: 0–23 hours, day first; Chile with hyphens.
    assert_eq!(
        shown("pt-BR", m, "2026-11-30T14:03:22Z"),
        "30/11/2026, 14:03"
    );
    assert_eq!(
        shown("pt-BR", s, "2026-01-05T00:07:02Z"),
        "05/01/2026, 00:07:02"
    );
    assert_eq!(
        shown("es-CL", m, "2026-11-30T14:03:22Z"),
        "30-11-2026, 14:03"
    );
    assert_eq!(shown("es-AR", m, "2026-01-05T09:07:02Z"), "5/1/2026, 09:07");
    // Colombia, Peru, Mexico, the United States: 1–12 hours with the locale's day period
    // (after a narrow no-break space, as CLDR writes it).
    assert_eq!(
        shown("es-CO", m, "2026-11-30T14:03:22Z"),
        "30/11/2026, 2:03\u{202f}p.\u{202f}m."
    );
    assert_eq!(
        shown("es-MX", s, "2026-01-05T00:07:02Z"),
        "05/01/2026, 12:07:02\u{202f}a.m."
    );
    assert_eq!(
        shown("en-US", m, "2026-11-30T14:03:22Z"),
        "11/30/2026, 2:03\u{202f}PM"
    );
    assert_eq!(
        shown("en-US", s, "2026-01-05T12:00:00Z"),
        "1/5/2026, 12:00:00\u{202f}PM"
    );
}

#[test]
fn day_golden_strings_per_locale() {
    let day =
        |tag: &str, d: &str| DateTimeText::new(&Locale::negotiate(tag), Precision::Day).day(d);
    assert_eq!(day("pt-BR", "2026-01-05"), "05/01/2026");
    assert_eq!(day("es-CO", "2026-01-05"), "5/01/2026");
    assert_eq!(day("es-CL", "2026-11-30"), "30-11-2026");
    assert_eq!(day("en-US", "2026-11-30"), "11/30/2026");
    assert_eq!(
        day("en-US", "2026-02-30"),
        "2026-02-30",
        "not a day: shown as it is"
    );
}

#[test]
fn time_golden_strings_per_locale() {
    let time = |tag: &str| {
        DateTimeText::new(&Locale::negotiate(tag), Precision::Time)
            .wall(wall("2026-01-05T14:07:02Z"))
    };
    assert_eq!(time("pt-BR"), "14:07:02");
    assert_eq!(time("es-CO"), "2:07:02\u{202f}p.\u{202f}m.");
    assert_eq!(time("en-US"), "2:07:02\u{202f}PM");
    assert_eq!(
        iso_style(Precision::Time).render(wall("2026-01-05T14:07:02Z")),
        "14:07:02"
    );
}

#[test]
fn a_locale_the_desk_does_not_speak_gets_iso_dates_not_the_united_states_order() {
    // 4 March: `3/4/2026` would be read as the 3rd of April in Britain or France.
    let at = wall("2026-03-04T12:00:00Z");
    for tag in ["en-GB", "en-IN", "en-BR", "fr-FR", "de-DE", "C", "", "zz"] {
        let text = DateTimeText::new(&Locale::negotiate(tag), Precision::Minute);
        assert_eq!(text.wall(at), "2026-03-04 12:00", "{tag:?}");
        assert_eq!(
            style(&Locale::negotiate(tag), Precision::Minute),
            iso_style(Precision::Minute)
        );
    }
    assert_eq!(
        shown("en", Precision::Minute, "2026-03-04T12:00:00Z"),
        "3/4/2026, 12:00\u{202f}PM"
    );
    assert_eq!(
        shown("en-US", Precision::Minute, "2026-03-04T12:00:00Z"),
        "3/4/2026, 12:00\u{202f}PM"
    );
    assert_eq!(
        DateTimeText::new(&Locale::default(), Precision::Day).day("2026-03-04"),
        "2026-03-04"
    );
}

#[test]
fn a_moment_is_shown_on_the_operators_clock_not_utcs() {
    let text = DateTimeText::new(&Locale::negotiate("pt-BR"), Precision::Minute);
    let sao_paulo = TimeZone::get("America/Sao_Paulo").unwrap();
    // 01:30 UTC on the 30th is still the 29th in São Paulo (UTC−3).
    assert_eq!(
        text.instant("2026-11-30T01:30:00Z", &sao_paulo),
        "29/11/2026, 22:30"
    );
    assert_eq!(
        text.instant("2026-11-30T01:30:00.123456+00:00", &sao_paulo),
        "29/11/2026, 22:30"
    );
    // Not an instant: shown as it is, never a made-up date.
    assert_eq!(text.instant("yesterday", &sao_paulo), "yesterday");
    assert_eq!(text.instant("", &sao_paulo), "");
}

#[test]
fn every_offered_locale_gets_its_own_style_not_the_iso_fallback() {
    for (tag, _) in OFFERED {
        for precision in [Precision::Minute, Precision::Second] {
            let style = style(&Locale::negotiate(tag), precision);
            assert_ne!(style, iso_style(precision), "{tag} fell back to ISO");
            assert_eq!(
                style.parts.contains(&DatePart::Second),
                precision == Precision::Second,
                "{tag}"
            );
        }
        let day = style(&Locale::negotiate(tag), Precision::Day);
        assert_ne!(day, iso_style(Precision::Day), "{tag} fell back to ISO");
        assert!(
            day.parts.iter().all(|p| matches!(
                p,
                DatePart::Year
                    | DatePart::Month { .. }
                    | DatePart::Day { .. }
                    | DatePart::Text { .. }
            )),
            "{tag}: a day has no time"
        );
        // (A 0–23 clock's time is ISO's own, so only the 12-hour ones can be told apart.)
        let time = style(&Locale::negotiate(tag), Precision::Time);
        if time
            .parts
            .iter()
            .any(|p| matches!(p, DatePart::Hour12 { .. }))
        {
            assert_ne!(time, iso_style(Precision::Time), "{tag}");
        }
        assert!(
            !time.parts.iter().any(|p| matches!(
                p,
                DatePart::Year | DatePart::Month { .. } | DatePart::Day { .. }
            )),
            "{tag}: a time has no date"
        );
    }
}

#[test]
fn the_iso_fallback_writes_iso() {
    let w = wall("2026-01-05T09:07:02Z");
    assert_eq!(iso_style(Precision::Minute).render(w), "2026-01-05 09:07");
    assert_eq!(
        iso_style(Precision::Second).render(w),
        "2026-01-05 09:07:02"
    );
    assert_eq!(iso_style(Precision::Day).render(w), "2026-01-05");
}

proptest! {
    /// What the window writes with the style is what ICU4X writes, for any moment in any
    /// offered locale: the window has no date rule of its own.
    #[test]
    fn the_windows_style_writes_what_icu4x_writes(
        which in 0..OFFERED.len(),
        which_precision in 0usize..4,
        year in 1900i32..2200,
        month in 1u8..=12,
        day in 1u8..=28,
        hour in 0u8..24,
        minute in 0u8..60,
        second in 0u8..60,
    ) {
        let locale = Locale::negotiate(OFFERED[which].0);
        let precision = [Precision::Day, Precision::Time, Precision::Minute, Precision::Second][which_precision];
        let text = DateTimeText::new(&locale, precision);
        let w = Wall { year, month, day, hour, minute, second };
        prop_assert_eq!(text.style().render(w), text.wall(w));
    }
}

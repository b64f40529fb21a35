//! The overview's figures against rows whose sums are known, including the traps: amounts no
//! float adds exactly, two currencies, a day boundary across a time zone's midnight, late
//! rejections and provisional completions, and rows the journal cannot read.

use super::*;
use crate::period::Period;

fn row(
    status: Option<CashoutStatus>,
    currency: &'static str,
    amount: &'static str,
    created_at: &'static str,
) -> OverviewRow<'static> {
    OverviewRow {
        status,
        phase: if status.is_some() {
            Phase::Created
        } else {
            Phase::NotSent
        },
        currency: Some(currency),
        amount: Some(amount),
        created_at,
        status_since: Some(created_at),
        rejection_code: None,
        late: false,
        in_period: true,
    }
}

fn now() -> time::OffsetDateTime {
    crate::clock::parse_instant("2026-11-30T15:00:00.000Z").expect("instant")
}

fn days(tz: &str) -> crate::period::LocalDays {
    let zone = jiff::tz::TimeZone::get(tz).expect("zone");
    Period::Last7Days.local_days(&zone, now()).expect("days")
}

fn en() -> Locale {
    Locale::negotiate("en-US")
}

#[test]
fn sums_are_exact_and_never_cross_currencies() {
    use CashoutStatus as S;
    let rows = vec![
        // 0.1 + 0.2 is not 0.3 in binary floating point; here it must be.
        row(
            Some(S::Completed),
            "BRL",
            "0.10",
            "2026-11-29T12:00:00.000Z",
        ),
        row(
            Some(S::Completed),
            "BRL",
            "0.20",
            "2026-11-29T13:00:00.000Z",
        ),
        row(
            Some(S::Pending),
            "BRL",
            "999999999.99",
            "2026-11-30T12:00:00.000Z",
        ),
        row(
            Some(S::Pending),
            "MXN",
            "1000.00",
            "2026-11-30T12:00:00.000Z",
        ),
    ];
    let (c, payouts, unreadable, _) = compute(&rows, &days("America/Sao_Paulo"), now(), 14, &en());
    assert_eq!((payouts, unreadable), (4, 0));
    assert_eq!(c.len(), 2);
    let brl = &c[0];
    assert_eq!(brl.currency, "BRL");
    assert_eq!(brl.completed.sum, "0.30");
    assert_eq!(brl.in_flight.sum, "999999999.99");
    assert_eq!(brl.in_flight.shown, "BRL 999,999,999.99");
    assert_eq!(brl.sent.sum, "1000000000.29");
    assert_eq!(c[1].currency, "MXN");
    assert_eq!(c[1].in_flight.sum, "1000.00");
    let keys: Vec<&str> = brl.by_status.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["PENDING", "COMPLETED"]);
}

#[test]
fn days_are_the_operators_local_days() {
    use CashoutStatus as S;
    // 02:30 UTC on the 30th is 23:30 on the 29th in São Paulo (UTC−3).
    let rows = vec![
        row(Some(S::Pending), "BRL", "5.00", "2026-11-30T02:30:00.000Z"),
        row(Some(S::Pending), "BRL", "7.00", "2026-11-30T03:30:00.000Z"),
    ];
    let (c, ..) = compute(&rows, &days("America/Sao_Paulo"), now(), 14, &en());
    let by_day: Vec<(&str, &str)> = c[0]
        .days
        .iter()
        .map(|d| (d.day.as_str(), d.figure.sum.as_str()))
        .collect();
    assert_eq!(by_day.len(), 7);
    assert_eq!(by_day[5], ("2026-11-29", "5.00"));
    assert_eq!(by_day[6], ("2026-11-30", "7.00"));
    assert_eq!(by_day[0], ("2026-11-24", "0.00"));
    assert_eq!(c[0].largest_day, "7.00");
    let heights: Vec<u16> = c[0].days.iter().map(|d| d.height).collect();
    assert_eq!(heights, [0, 0, 0, 0, 0, 715, 1000]);
    // The summary read aloud writes days as the active locale does (the default stand-in
    // English: ISO); the series keeps ISO days for the window's filters.
    assert!(
        c[0].chart_label
            .contains("from 2026-11-24 to 2026-11-30: sent BRL 12.00 in 2 payouts; the largest day 2026-11-30, BRL 7.00"),
        "{}",
        c[0].chart_label
    );
}

#[test]
fn open_payouts_outside_the_period_count_in_flight_and_on_hold_only() {
    use CashoutStatus as S;
    let mut old_hold = row(
        Some(S::OnHold),
        "COP",
        "1234567",
        "2026-10-01T12:00:00.000Z",
    );
    old_hold.in_period = false;
    old_hold.status_since = Some("2026-10-02T12:00:00.000Z");
    let mut newer_hold = row(Some(S::OnHold), "COP", "1", "2026-11-29T12:00:00.000Z");
    newer_hold.status_since = Some("2026-11-29T12:00:00.000Z");
    let (c, payouts, _, _) = compute(
        &[old_hold, newer_hold],
        &days("America/Bogota"),
        now(),
        14,
        &Locale::negotiate("es-CO"),
    );
    assert_eq!(payouts, 1);
    let cop = &c[0];
    assert_eq!(cop.on_hold.figure.count, 2);
    assert_eq!(cop.on_hold.figure.shown, "COP 1.234.568");
    assert_eq!(
        cop.on_hold.oldest_since.as_deref(),
        Some("2026-10-02T12:00:00.000Z")
    );
    assert_eq!(cop.on_hold.oldest_secs, Some(59 * 86_400 + 3 * 3_600));
    // Only the one created in the period is in the status table and the daily volume.
    assert_eq!(cop.by_status[0].figure.count, 1);
    assert_eq!(cop.sent.sum, "1.00");
}

#[test]
fn rejections_are_ranked_with_their_field_and_late_ones_and_provisional_completions_are_marked() {
    use CashoutStatus as S;
    let mut rows = vec![];
    for (code, amount, late) in [
        (800, "10.00", false),
        (800, "20.00", true),
        (802, "99.00", false),
        (0, "1.00", false),
    ] {
        let mut r = row(Some(S::Rejected), "ARS", amount, "2026-11-28T12:00:00.000Z");
        r.rejection_code = Some(code);
        r.late = late;
        rows.push(r);
    }
    // Completed 20 days ago: past a 14-day window. Completed yesterday: provisional.
    let mut settled = row(
        Some(S::Completed),
        "ARS",
        "100.00",
        "2026-11-24T12:00:00.000Z",
    );
    settled.status_since = Some("2026-11-10T12:00:00.000Z");
    rows.push(settled);
    let mut fresh = row(
        Some(S::Completed),
        "ARS",
        "50.00",
        "2026-11-29T12:00:00.000Z",
    );
    fresh.status_since = Some("2026-11-29T13:00:00.000Z");
    rows.push(fresh);
    let (c, ..) = compute(
        &rows,
        &days("America/Argentina/Buenos_Aires"),
        now(),
        14,
        &Locale::negotiate("es-AR"),
    );
    let ars = &c[0];
    assert_eq!(ars.rejected.count, 4);
    assert_eq!(ars.rejected.sum, "130.00");
    assert_eq!(ars.late_rejections.sum, "20.00");
    assert_eq!(ars.completed.sum, "150.00");
    assert_eq!(ars.provisional.sum, "50.00");
    assert_eq!(ars.provisional.shown, "ARS 50,00");
    let top: Vec<(i64, u64, Option<&str>)> = ars
        .top_rejections
        .iter()
        .map(|r| (r.code, r.figure.count, r.field.as_deref()))
        .collect();
    assert_eq!(top[0], (800, 2, Some("bank_account")));
    assert_eq!(top[1].0, 802);
    assert_eq!(top[2].0, 0);
    assert!(
        ars.top_rejections[0].explanation.contains("cuenta"),
        "{}",
        ars.top_rejections[0].explanation
    );
}

#[test]
fn never_sent_payouts_are_told_apart_and_unreadable_rows_are_counted() {
    let mut queued = row(None, "BRL", "5.00", "2026-11-29T12:00:00.000Z");
    queued.phase = Phase::Queued;
    let not_sent = row(None, "BRL", "6.00", "2026-11-29T12:00:00.000Z");
    let mut unconfirmed = row(None, "BRL", "7.00", "2026-11-29T12:00:00.000Z");
    unconfirmed.phase = Phase::Unknown;
    let mut broken = row(
        Some(CashoutStatus::Pending),
        "BRL",
        "1,5",
        "2026-11-29T12:00:00.000Z",
    );
    broken.amount = Some("1,5");
    let mut no_currency = row(
        Some(CashoutStatus::Pending),
        "brl",
        "1.00",
        "2026-11-29T12:00:00.000Z",
    );
    no_currency.currency = None;
    // Written by hand into a shared journal: no payout has these amounts, none may be added
    // (two of the first overflowed the sum and panicked before).
    let huge = row(
        Some(CashoutStatus::Pending),
        "BRL",
        "79228162514264337593543950335",
        "2026-11-29T12:00:00.000Z",
    );
    let tiny = row(
        Some(CashoutStatus::Pending),
        "BRL",
        "0.0000000000000000000000000001",
        "2026-11-29T12:00:00.000Z",
    );
    let negative = row(
        Some(CashoutStatus::Pending),
        "BRL",
        "-5.00",
        "2026-11-29T12:00:00.000Z",
    );
    // Found by a lookup: no amount known, no status yet — not an error, in no figure.
    let mut looked_up = row(None, "BRL", "1.00", "2026-11-29T12:00:00.000Z");
    looked_up.phase = Phase::Created;
    looked_up.amount = None;
    let (c, payouts, unreadable, unknown) = compute(
        &[
            queued,
            not_sent,
            unconfirmed,
            broken,
            no_currency,
            huge,
            huge,
            tiny,
            negative,
            looked_up,
        ],
        &days("UTC"),
        now(),
        14,
        &Locale::negotiate("pt-BR"),
    );
    assert_eq!((payouts, unreadable, unknown), (10, 6, 1));
    let labels: Vec<(&str, &str)> = c[0]
        .by_status
        .iter()
        .map(|s| (s.key.as_str(), s.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("IN_BATCH", "Em um lote"),
            ("NOT_SENT", "Não enviado"),
            ("UNCONFIRMED", "Não confirmado")
        ]
    );
    // None of them reached the provider.
    assert_eq!(c[0].sent.count, 0);
    assert!(
        c[0].chart_label.contains("nada enviado"),
        "{}",
        c[0].chart_label
    );
}

#[test]
fn every_status_row_index_names_its_own_row_of_the_table() {
    let table = status_rows();
    let mut r = row(None, "BRL", "1.00", "2026-11-29T12:00:00.000Z");
    for (i, (key, status, phases)) in table.iter().enumerate() {
        r.status = *status;
        r.phase = phases.first().copied().unwrap_or(Phase::Created);
        assert_eq!(usize::from(status_row(&r)), i, "{key}");
    }
    for phase in [Phase::Intent, Phase::Unknown, Phase::SentNotFound] {
        r.status = None;
        r.phase = phase;
        assert_eq!(table[usize::from(status_row(&r))].0, "UNCONFIRMED");
    }
}

#[test]
fn bar_heights_are_exact_thousandths_and_a_day_with_money_never_draws_as_nothing() {
    let d = |s: &str| Decimal::from_str_exact(s).expect("decimal");
    assert_eq!(per_mille(d("1"), d("3")), 334);
    assert_eq!(per_mille(d("0.01"), d("90071992547409.93")), 1);
    assert_eq!(per_mille(d("0"), d("5")), 0);
    assert_eq!(per_mille(d("5"), d("5")), 1000);
    assert_eq!(per_mille(d("5"), d("0")), 0);
}

/// The Amount reader's answer for `text`, in hundredths.
fn by_amount(text: &str) -> Option<i64> {
    let v = text.trim().parse::<Amount>().ok()?.value().normalize();
    i64::try_from(v.mantissa() * 10i128.pow(2 - v.scale())).ok()
}

#[test]
fn amounts_are_added_in_hundredths_exactly_as_the_amount_reader_reads_them() {
    for (text, expected) in [
        ("1234.5", Some(123_450)),
        ("1234.56", Some(123_456)),
        ("0.01", Some(1)),
        ("1000000000", Some(100_000_000_000)),
        ("1000000000.01", None),
        ("0", None),
        ("0.00", None),
        ("1.234", None),
        ("00012.50", Some(1250)),
        (" 7.00 ", Some(700)),
        ("1,234.56", None),
        ("-5", None),
        ("", None),
        (".", None),
    ] {
        assert_eq!(hundredths(text), expected, "{text:?}");
        assert_eq!(hundredths(text), by_amount(text), "{text:?}");
    }
}

proptest::proptest! {
    /// The fast reading of canonical text never accepts, nor reads otherwise, anything the
    /// payout's own amount reader would not.
    #[test]
    fn the_fast_amount_reading_agrees_with_the_amount_reader(
        text in "[ 0-9.,+e-]{0,16}",
        units in 0u64..20_000_000_000,
        places in proptest::option::of("[0-9]{1,3}"),
    ) {
        proptest::prop_assert_eq!(hundredths(&text), by_amount(&text), "{:?}", text);
        let canonical = match places {
            Some(p) => format!("{units}.{p}"),
            None => units.to_string(),
        };
        proptest::prop_assert_eq!(hundredths(&canonical), by_amount(&canonical), "{}", canonical);
    }
}

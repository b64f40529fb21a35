//! The overview's rows: both stores hand over the same payouts — the period's, and the ones
//! open now however old — with the same late-rejection marks, and the overview computed from
//! them equals sums taken independently from the list.

use std::collections::BTreeMap;
use std::time::Duration;

use cashout_core::api::types::{CashoutId, StatusAnswer};
use cashout_core::clock::{format_instant, Clock};
use cashout_core::journal::{IntentOutcome, JournalStore, ListFilter, Phase};
use cashout_core::l10n::Locale;
use cashout_core::overview::Tally;
use cashout_core::period::Period;
use cashout_core::status::CashoutStatus;
use rust_decimal::Decimal;

use super::{me, request, Store};

fn answer(code: u8, rejection: Option<i64>) -> StatusAnswer {
    let mut a: StatusAnswer =
        serde_json::from_value(serde_json::json!({ "cashout_status": code })).expect("answer");
    a.rejection_code = rejection;
    a
}

/// (external_id, amount, currency, the provider's statuses it goes through, in order)
const PAYOUTS: [(&str, &str, &str, &[u8]); 9] = [
    ("ov-hold", "1000.10", "BRL", &[0, 5]),
    ("ov-done", "5.00", "BRL", &[0, 4, 1]),
    ("ov-pending", "0.10", "BRL", &[0]),
    ("ov-delivered", "0.20", "BRL", &[0, 4]),
    ("ov-completed", "1234.56", "BRL", &[0, 4, 1]),
    // COMPLETED, then REJECTED: a late rejection.
    ("ov-late", "10.00", "BRL", &[0, 4, 1, 3]),
    ("ov-rejected", "20.00", "MXN", &[0, 4, 3]),
    // Never sent: no status.
    ("ov-intent", "7.00", "MXN", &[]),
    // Refused by the provider at the create (DECLINED): not sent money.
    ("ov-declined", "3.00", "BRL", &[]),
];

pub async fn the_overview_reads_the_same_rows_in_every_store_and_its_sums_equal_the_lists(
    store: &dyn Store,
) {
    let journal = store.desk().await;
    let j: &dyn JournalStore = &*journal;
    let clock = store.clock();
    let base = clock.now();
    // A payout a minute, each at its own time.
    for (i, p) in PAYOUTS.iter().enumerate() {
        clock.clone().advance(Duration::from_secs(60));
        let mut r = request(p.0, p.1);
        r.currency = Some(p.2.into());
        let IntentOutcome::New(id) = j
            .record_intent("ov", "http://127.0.0.1:1", &r, None, me())
            .await
            .expect("intent")
        else {
            panic!("a new intent for {}", p.0)
        };
        j.release_send(id, &me().token).await.expect("release");
        if p.0 == "ov-declined" {
            j.record_declined(id, 300, "bad document", None)
                .await
                .expect("declined");
        }
        if let Some((first, rest)) = p.3.split_first() {
            j.record_created_audited(
                id,
                CashoutId(9_200_000 + i as i64),
                CashoutStatus::from_provider(i64::from(*first)),
                None,
            )
            .await
            .expect("created");
            for code in rest {
                let rejection = (*code == 3).then_some(800);
                j.record_status(id, &answer(*code, rejection), "status")
                    .await
                    .expect("status");
            }
        }
    }
    // The rows of a period covering every payout, read back.
    let all_from = format_instant(base);
    let all_before = format_instant(clock.now() + Duration::from_secs(86_400));
    let mut rows: Vec<(String, Option<CashoutStatus>, Phase, String, bool, bool)> = vec![];
    j.overview_rows("ov", &all_from, &all_before, &mut |r| {
        rows.push((
            r.amount.unwrap_or("").to_owned(),
            r.status,
            r.phase,
            r.currency.unwrap_or("").to_owned(),
            r.late,
            r.in_period,
        ))
    })
    .expect("rows");
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let late: Vec<&str> = rows.iter().filter(|r| r.4).map(|r| r.0.as_str()).collect();
    assert_eq!(
        late,
        ["10.00"],
        "only the payout seen COMPLETED before REJECTED is late"
    );
    assert_eq!(rows.len(), PAYOUTS.len());
    assert!(
        rows.iter().all(|r| r.5),
        "every payout is in a period that covers them all"
    );

    // A period that ends before any payout: only the open ones come, marked outside it.
    let mut open = vec![];
    j.overview_rows(
        "ov",
        "2000-01-01T00:00:00.000Z",
        "2000-01-02T00:00:00.000Z",
        &mut |r| open.push((r.amount.unwrap_or("").to_owned(), r.status, r.in_period)),
    )
    .expect("rows");
    open.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        open,
        [
            ("0.10".to_owned(), Some(CashoutStatus::Pending), false),
            ("0.20".to_owned(), Some(CashoutStatus::Delivered), false),
            ("1000.10".to_owned(), Some(CashoutStatus::OnHold), false),
        ]
    );

    // The overview of every day written, against sums taken from the list.
    let zone = jiff::tz::TimeZone::UTC;
    let days = Period::Custom {
        from: Some((base - Duration::from_secs(86_400)).date().to_string()),
        to: Some(clock.now().date().to_string()),
    }
    .local_days(&zone, clock.now())
    .expect("days");
    let mut tally = Tally::new(&days, clock.now(), 14);
    j.overview_rows("ov", &days.days[0].1, &days.end, &mut |r| tally.add(r))
        .expect("rows");
    let (currencies, payouts, unreadable, _) =
        tally.finish(&days, clock.now(), &Locale::negotiate("pt-BR"));
    assert_eq!((payouts, unreadable), (PAYOUTS.len() as u64, 0));
    let listed = j
        .list(&ListFilter {
            scope: Some("ov".into()),
            limit: 1000,
            ..ListFilter::default()
        })
        .expect("list");
    let mut by_status: BTreeMap<(String, String), Decimal> = BTreeMap::new();
    for r in &listed {
        let key = r
            .status
            .map_or("UNCONFIRMED".to_owned(), |s| s.name().to_owned());
        *by_status
            .entry((r.currency.clone().unwrap_or_default(), key))
            .or_default() +=
            Decimal::from_str_exact(r.amount.as_deref().unwrap_or("0")).expect("amount");
    }
    for c in &currencies {
        for s in &c.by_status {
            let expected = by_status[&(c.currency.clone(), s.key.clone())];
            assert_eq!(
                Decimal::from_str_exact(&s.figure.sum).expect("sum"),
                expected,
                "{} {}",
                c.currency,
                s.key
            );
        }
        let listed_total: Decimal = by_status
            .iter()
            .filter(|((cur, _), _)| *cur == c.currency)
            .map(|(_, v)| *v)
            .sum();
        let table_total: Decimal = c
            .by_status
            .iter()
            .map(|s| Decimal::from_str_exact(&s.figure.sum).expect("sum"))
            .sum();
        assert_eq!(table_total, listed_total, "{}", c.currency);
    }
    let brl = &currencies[0];
    assert_eq!(brl.currency, "BRL");
    assert_eq!(brl.in_flight.sum, "0.30");
    assert_eq!(brl.on_hold.figure.shown, "BRL 1.000,10");
    assert_eq!(brl.late_rejections.sum, "10.00");
    assert_eq!(brl.completed.sum, "1239.56");
    assert_eq!(currencies[1].rejected.shown, "MXN 20,00");
    assert_eq!(currencies[1].top_rejections[0].code, 800);
    // The list opened from a currency's figures holds that currency alone, in every store.
    let mxn: Vec<String> = j
        .list(&ListFilter {
            scope: Some("ov".into()),
            currency: Some("mxn".into()),
            limit: 1000,
            ..ListFilter::default()
        })
        .expect("list")
        .into_iter()
        .filter_map(|r| r.external_id)
        .collect();
    assert_eq!(mxn, ["ov-intent", "ov-rejected"]);
    // The "sent" figure and its days open the list of what reached the provider: the same
    // payouts, the same sum (declined and never-sent ones are neither counted nor listed).
    for c in &currencies {
        let sent = j
            .list(&ListFilter {
                scope: Some("ov".into()),
                currency: Some(c.currency.clone()),
                sent_only: true,
                limit: 1000,
                ..ListFilter::default()
            })
            .expect("list");
        assert!(sent
            .iter()
            .all(|r| r.status.is_some_and(|s| s != CashoutStatus::Declined)));
        let listed: Decimal = sent
            .iter()
            .map(|r| Decimal::from_str_exact(r.amount.as_deref().unwrap_or("0")).expect("amount"))
            .sum();
        assert_eq!(
            (sent.len() as u64, listed),
            (
                c.sent.count,
                Decimal::from_str_exact(&c.sent.sum).expect("sum")
            ),
            "{}",
            c.currency
        );
        let by_days: u64 = c.days.iter().map(|d| d.figure.count).sum();
        assert_eq!(
            by_days, c.sent.count,
            "{}: the bars add up to the sent figure",
            c.currency
        );
    }
}

//! The list's search, sorts and creation periods: both stores must find and order the same
//! payouts the same way (the keys are the core's, `journal::keys`; the queries each store's).

use std::time::Duration;

use cashout_core::api::types::{CashoutId, CreateCashout};
use cashout_core::clock::{format_instant, Clock, ManualClock};
use cashout_core::journal::{IntentOutcome, JournalStore, ListFilter, SortKey};
use cashout_core::status::CashoutStatus;

use super::{me, Store};

/// (external_id, beneficiary, document, account, currency, amount, hours after the start)
const PAYOUTS: [(&str, &str, &str, &str, &str, &str, u64); 6] = [
    (
        "ls-1",
        "María José Núñez",
        "12.345.678-9",
        "0001-23",
        "CLP",
        "10000",
        0,
    ),
    (
        "ls-2",
        "João Conceição",
        "390.533.447-05",
        "3423422-7",
        "BRL",
        "1234.56",
        5,
    ),
    (
        "ls-3",
        "ana souza",
        "39053344705",
        "998877",
        "BRL",
        "99.90",
        26,
    ),
    (
        "ls-4",
        "Álvaro Peña",
        "1020304050",
        "12345678901234567890",
        "COP",
        "1234567",
        30,
    ),
    ("ls-5", "Zoë Maria", "555", "4444", "BRL", "1234.5", 50),
    ("ls-6", "Bruno", "777", "888", "MXN", "1", 51),
];

fn request(p: &(&str, &str, &str, &str, &str, &str, u64)) -> CreateCashout {
    CreateCashout {
        external_id: p.0.into(),
        country: "BR".into(),
        beneficiary_name: p.1.into(),
        document_id: p.2.into(),
        bank_account: Some(p.3.into()),
        currency: Some(p.4.into()),
        amount: Some(p.5.parse().expect("amount")),
        notification_url: "https://merchant.example/n".into(),
        ..CreateCashout::default()
    }
}

fn ids(store: &dyn JournalStore, filter: ListFilter) -> Vec<String> {
    store
        .list(&filter)
        .expect("list")
        .into_iter()
        .filter_map(|r| r.external_id)
        .collect()
}

/// Writes the payouts (hours apart, from the clock's now), then checks every search, sort
/// and period; then again once the embedded journal's writer has indexed them (its searches
/// read the unindexed tail directly at first).
pub async fn the_list_searches_sorts_and_limits_by_period_alike_in_every_store(store: &dyn Store) {
    let journal = store.desk().await;
    let (store_ref, clock, scope): (&dyn JournalStore, &ManualClock, &str) =
        (&*journal, store.clock(), "s");
    let store = store_ref;
    let start = clock.now();
    let mut written = Vec::new();
    for p in &PAYOUTS {
        let at = start + Duration::from_secs(p.6 * 3600);
        clock
            .clone()
            .advance(Duration::try_from(at - clock.now()).unwrap_or_default());
        let IntentOutcome::New(id) = store
            .record_intent(scope, "http://127.0.0.1:1", &request(p), None, me())
            .await
            .expect("intent")
        else {
            panic!("a new intent for {}", p.0)
        };
        written.push(id);
        // Unclaimed, as after a create that settled.
        store.release_send(id, &me().token).await.expect("release");
    }
    // Two of them get a status (the rest are open creates with none).
    store
        .record_created_audited(
            written[1],
            CashoutId(9_100_001),
            CashoutStatus::Rejected,
            None,
        )
        .await
        .expect("created");
    store
        .record_created_audited(
            written[3],
            CashoutId(9_100_002),
            CashoutStatus::Completed,
            None,
        )
        .await
        .expect("created");
    check(store, scope, start);
    tokio::time::sleep(Duration::from_millis(300)).await;
    check(store, scope, start);
    // Names compare character by character in both stores: a space counts (a locale's
    // collation would put "Dean" first by ignoring it).
    for (x, name) in [("ls-dean", "Dean"), ("ls-cruz", "de la Cruz")] {
        let mut r = request(&PAYOUTS[0]);
        r.external_id = x.into();
        r.beneficiary_name = name.into();
        store
            .record_intent("s2", "http://127.0.0.1:1", &r, None, me())
            .await
            .expect("intent");
    }
    let by_name = ids(
        store,
        ListFilter {
            scope: Some("s2".into()),
            sort: SortKey::Beneficiary,
            ascending: true,
            ..ListFilter::default()
        },
    );
    assert_eq!(by_name, ["ls-cruz", "ls-dean"]);
}

/// Checks every search, sort and period over the payouts [`run`] wrote from `start`.
pub fn check(store: &dyn JournalStore, scope: &str, start: time::OffsetDateTime) {
    let filter = |text: &str| ListFilter {
        scope: Some(scope.into()),
        text: Some(text.into()),
        ..ListFilter::default()
    };
    // Accents, case and separators do not matter.
    for (query, expected) in [
        ("maria", vec!["ls-5", "ls-1"]),
        ("MARÍA JOSÉ", vec!["ls-1"]),
        ("joao", vec!["ls-2"]),
        ("conceicao", vec!["ls-2"]),
        ("NUNEZ", vec!["ls-1"]),
        ("alvaro pena", vec!["ls-4"]),
        ("123456789", vec!["ls-4", "ls-1"]),
        // Separators ignored: the account of ls-4 holds these digits too.
        ("12.345.678-9", vec!["ls-4", "ls-1"]),
        ("39053344705", vec!["ls-3", "ls-2"]),
        ("390.533", vec!["ls-3", "ls-2"]),
        ("342-2422", vec![]),
        ("34234227", vec!["ls-2"]),
        ("0001-23", vec!["ls-1"]),
        ("000123", vec!["ls-1"]),
        ("9100002", vec!["ls-4"]),
        ("ls-", vec!["ls-6", "ls-5", "ls-4", "ls-3", "ls-2", "ls-1"]),
        ("zoe", vec!["ls-5"]),
        ("núñez maría", vec![]),
    ] {
        assert_eq!(ids(store, filter(query)), expected, "search {query:?}");
    }
    let sorted = |sort: SortKey, ascending: bool| ListFilter {
        scope: Some(scope.into()),
        sort,
        ascending,
        ..ListFilter::default()
    };
    assert_eq!(
        ids(store, sorted(SortKey::Created, false)),
        ["ls-6", "ls-5", "ls-4", "ls-3", "ls-2", "ls-1"]
    );
    assert_eq!(
        ids(store, sorted(SortKey::Created, true)),
        ["ls-1", "ls-2", "ls-3", "ls-4", "ls-5", "ls-6"]
    );
    // By currency, then exact amount (1234.50 before 1234.56).
    assert_eq!(
        ids(store, sorted(SortKey::Amount, true)),
        ["ls-3", "ls-5", "ls-2", "ls-1", "ls-4", "ls-6"]
    );
    assert_eq!(
        ids(store, sorted(SortKey::Amount, false)),
        ["ls-6", "ls-4", "ls-1", "ls-2", "ls-5", "ls-3"]
    );
    // Names as people read them: Á with A, lower case with upper.
    assert_eq!(
        ids(store, sorted(SortKey::Beneficiary, true)),
        ["ls-4", "ls-3", "ls-6", "ls-2", "ls-1", "ls-5"]
    );
    // No status yet first when ascending, then by name; ties newest last.
    assert_eq!(
        ids(store, sorted(SortKey::Status, true)),
        ["ls-1", "ls-3", "ls-5", "ls-6", "ls-4", "ls-2"]
    );
    assert_eq!(
        ids(store, sorted(SortKey::Status, false)),
        ["ls-2", "ls-4", "ls-6", "ls-5", "ls-3", "ls-1"]
    );
    // Pages of two in amount order add up to the whole order, nothing twice or lost.
    let mut paged = Vec::new();
    for offset in [0, 2, 4] {
        paged.extend(ids(
            store,
            ListFilter {
                limit: 2,
                offset,
                ..sorted(SortKey::Amount, false)
            },
        ));
    }
    assert_eq!(paged, ids(store, sorted(SortKey::Amount, false)));
    // A period is half-open: from ≤ created < before.
    let range = |from_h: u64, before_h: u64| ListFilter {
        scope: Some(scope.into()),
        created_from: Some(format_instant(start + Duration::from_secs(from_h * 3600))),
        created_before: Some(format_instant(start + Duration::from_secs(before_h * 3600))),
        ..ListFilter::default()
    };
    assert_eq!(ids(store, range(0, 26)), ["ls-2", "ls-1"]);
    assert_eq!(ids(store, range(26, 51)), ["ls-5", "ls-4", "ls-3"]);
    assert_eq!(
        ids(
            store,
            ListFilter {
                text: Some("maria".into()),
                sort: SortKey::Amount,
                ..range(0, 52)
            }
        ),
        ["ls-1", "ls-5"]
    );
}

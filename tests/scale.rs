//! Figures for a journal of 100,000 payouts with their history: how long the list, each filter,
//! the text search, the hold board's query and the watcher's refresh take, and the watcher's own
//! cost per poll beside the HTTP call. Not a test: it prints figures (run it in release:
//! `cargo run --release -p cashout-tests --bin scale`). Target: list, filters and search
//! ≤ 50 ms.
//!
//! The journal is filled directly with SQL in the shape the journal writes (it is created and
//! migrated by `Journal::open` first), because creating 100,000 payouts through the sandbox
//! would measure the sandbox. `SCALE_N` changes the count.

use std::sync::Arc;
use std::time::{Duration, Instant};

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::api::types::{CashoutId, CashoutRef};
use cashout_core::clock::{format_instant, SystemClock};
use cashout_core::desk::{Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::journal::{keys, Journal, ListFilter, SortKey};
use cashout_core::period::Period;
use cashout_core::status::CashoutStatus;
use cashout_core::watch::{WatchConfig, Watcher};
use cashout_tests::br_pix;
use okp_sandbox::{Sandbox, SandboxConfig, Timings};

const COUNTRIES: [(&str, &str); 6] = [
    ("BR", "BRL"),
    ("MX", "MXN"),
    ("CO", "COP"),
    ("PE", "PEN"),
    ("CL", "CLP"),
    ("AR", "ARS"),
];
const NAMES: [&str; 8] = [
    "Ana Souza",
    "João Pereira",
    "María López",
    "Carlos Gómez",
    "Lucía Fernández",
    "Pedro Alves",
    "Sofía Díaz",
    "Miguel Torres",
];

/// Mostly settled payouts, as a real journal has; a few hundred still moving.
fn status_of(i: u64) -> CashoutStatus {
    match i % 1000 {
        0..=1 => CashoutStatus::Pending,
        2 => CashoutStatus::Delivered,
        3 => CashoutStatus::OnHold,
        4..=39 => CashoutStatus::Rejected,
        40..=59 => CashoutStatus::Cancelled,
        60..=69 => CashoutStatus::Declined,
        _ => CashoutStatus::Completed,
    }
}

fn fill(path: &std::path::Path, n: u64, scope: &str) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN")
        .expect("begin");
    let start = time::OffsetDateTime::now_utc() - Duration::from_secs(90 * 86_400);
    {
        let mut payout = conn
            .prepare(
                "INSERT INTO payouts (id, scope, base_url, external_id, cashout_id, origin, phase,
                    request_json, content_hash, country, currency, amount, beneficiary, status,
                    rejection_code, rejection_reason, attempts, created_at, updated_at, checked_at,
                    status_since, search_text, amount_key, name_key)
                 VALUES (?1, ?2, 'http://127.0.0.1:1', ?3, ?4, 'desk', 'created', ?5, ?6, ?7, ?8,
                    ?9, ?10, ?11, ?12, ?13, 1, ?14, ?15, ?15, ?15, ?16, ?17, ?18)",
            )
            .expect("prepare");
        let mut history = conn
            .prepare(
                "INSERT INTO history (payout_id, at, event, status, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .expect("prepare");
        for i in 1..=n {
            let (country, currency) = COUNTRIES[(i % 6) as usize];
            let name = NAMES[(i % 8) as usize];
            let status = status_of(i);
            let created = start + Duration::from_secs(i * 60);
            let settled = created + Duration::from_secs(300);
            // Recent payouts are the ones still moving.
            let (created, settled) = if matches!(
                status,
                CashoutStatus::Pending | CashoutStatus::Delivered | CashoutStatus::OnHold
            ) {
                let now = time::OffsetDateTime::now_utc() - Duration::from_secs(i % 3600);
                (now, now)
            } else {
                (created, settled)
            };
            let mut req = br_pix(
                &format!("pay-{i:08}"),
                &format!("{}.{:02}", 10 + i % 5000, i % 100),
            );
            req.country = country.into();
            req.currency = Some(currency.into());
            req.beneficiary_name = name.into();
            let json = serde_json::to_string(&req).expect("json");
            let rejected = status == CashoutStatus::Rejected;
            payout
                .execute(rusqlite::params![
                    i as i64,
                    scope,
                    req.external_id,
                    (100_000_000 + i) as i64,
                    json,
                    format!("{i:064x}"),
                    country,
                    currency,
                    req.amount.map(|a| a.to_string()),
                    name,
                    status.name(),
                    rejected.then_some(814),
                    rejected.then_some("Invalid account"),
                    format_instant(created),
                    format_instant(settled),
                    keys::search_text(Some(&req.external_id), Some(name), Some(&req)),
                    keys::amount_key(Some(currency), req.amount.map(|a| a.to_string()).as_deref()),
                    keys::name_key(Some(name)),
                ])
                .expect("payout");
            let mut add = |at: time::OffsetDateTime, event: &str, s: Option<CashoutStatus>| {
                history
                    .execute(rusqlite::params![
                        i as i64,
                        format_instant(at),
                        event,
                        s.map(CashoutStatus::name),
                        Option::<String>::None
                    ])
                    .expect("history");
            };
            add(created, "intent", None);
            add(created, "created", Some(CashoutStatus::Pending));
            if !matches!(status, CashoutStatus::Pending | CashoutStatus::OnHold) {
                add(settled, "watch", Some(status));
            }
        }
    }
    // A journal at rest: the writer has indexed every payout for text search.
    conn.execute_batch(
        "INSERT INTO payouts_text (rowid, haystack) SELECT id, search_text FROM payouts;
         UPDATE search_state SET indexed_through = (SELECT max(id) FROM payouts);",
    )
    .expect("index");
    // No ANALYZE: the journal never runs it, so the planner works from the schema alone.
    conn.execute_batch("COMMIT; PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("commit");
}

/// The whole calendar month that began about 60 days ago, as a custom range.
fn custom_month() -> ListFilter {
    let day = time::OffsetDateTime::now_utc() - Duration::from_secs(60 * 86_400);
    let first = day.date().replace_day(1).expect("day 1");
    let last = first.checked_add(time::Duration::days(27)).expect("date");
    ListFilter {
        period: Some(Period::Custom {
            from: Some(first.to_string()),
            to: Some(last.to_string()),
        }),
        ..ListFilter::default()
    }
}

/// Median of `runs` timings of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut rows = 0;
    for _ in 0..runs {
        let t = Instant::now();
        rows = f();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], rows)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n: u64 = std::env::var("SCALE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let sandbox = Sandbox::start(SandboxConfig {
        db_path: dir.path().join("sandbox.sqlite3"),
        port: 0,
        clock: Arc::new(SystemClock),
        timings: Timings::default(),
    })
    .await
    .expect("sandbox");
    let env = Environment::from_base_url(&sandbox.base_url()).expect("env");
    let scope = env.scope();
    let path = dir.path().join("journal.sqlite3");
    drop(Journal::open(&path, Arc::new(SystemClock)).expect("create"));
    let t = Instant::now();
    fill(&path, n, &scope);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "filled {n} payouts ({} history lines) in {:.1} s; file {:.1} MiB",
        n * 3 - n / 1000 * 2,
        t.elapsed().as_secs_f64(),
        size as f64 / 1048576.0
    );

    // SCALE_KEEP=FILE keeps a copy of the filled journal, to study a query plan with sqlite3.
    if let Ok(keep) = std::env::var("SCALE_KEEP") {
        std::fs::copy(&path, &keep).expect("copy the journal");
    }
    let journal = Arc::new(Journal::open(&path, Arc::new(SystemClock)).expect("open"));
    let client = Client::new(
        env.clone(),
        okp_sandbox::demo_credentials(),
        ClientOptions::default(),
    )
    .expect("client");
    let desk_client = Client::new(
        env,
        okp_sandbox::demo_credentials(),
        ClientOptions::default(),
    )
    .expect("client");
    let desk = Arc::new(Desk::new(
        desk_client,
        journal.clone(),
        RetryPolicy::default(),
    ));

    println!("\nquery (median of 15, first page of 100)           ms     rows");
    let report = |label: &str, filter: ListFilter| {
        let (ms, rows) = median_ms(15, || desk.list(filter.clone()).expect("list").len());
        println!("{label:<48} {ms:>6.2} {rows:>8}");
        ms
    };
    let mut worst: f64 = 0.0;
    worst = worst.max(report("list, newest first", ListFilter::default()));
    worst = worst.max(report(
        "list, page 500 (offset 50,000)",
        ListFilter {
            offset: 50_000,
            ..ListFilter::default()
        },
    ));
    for s in cashout_core::status::ALL_STATUSES {
        worst = worst.max(report(
            &format!("status = {}", s.name()),
            ListFilter {
                status: Some(s),
                ..ListFilter::default()
            },
        ));
    }
    for (c, _) in COUNTRIES {
        worst = worst.max(report(
            &format!("country = {c}"),
            ListFilter {
                country: Some(c.into()),
                ..ListFilter::default()
            },
        ));
    }
    for (label, text) in [
        ("search: beneficiary, common", "Souza"),
        ("search: external id, one match", "pay-00054321"),
        ("search: 1,000 matches (pay-00054)", "pay-00054"),
        ("search: 10,000 matches (pay-0005)", "pay-0005"),
        ("search: a cashout id", "100054321"),
        ("search: no match at all (full scan)", "zzz-nothing"),
    ] {
        worst = worst.max(report(
            label,
            ListFilter {
                text: Some(text.into()),
                ..ListFilter::default()
            },
        ));
    }
    worst = worst.max(report(
        "status REJECTED + country MX + search López",
        ListFilter {
            status: Some(CashoutStatus::Rejected),
            country: Some("MX".into()),
            text: Some("López".into()),
            ..ListFilter::default()
        },
    ));
    // Every sort, both ways, under every kind of filter (issue 16: ≤ 50 ms for every
    // combination): the worst of each sort is printed, and the worst of all.
    let filters: Vec<(&str, ListFilter)> = vec![
        ("none", ListFilter::default()),
        (
            "status COMPLETED",
            ListFilter {
                status: Some(CashoutStatus::Completed),
                ..ListFilter::default()
            },
        ),
        (
            "status ON_HOLD",
            ListFilter {
                status: Some(CashoutStatus::OnHold),
                ..ListFilter::default()
            },
        ),
        (
            "status REJECTED",
            ListFilter {
                status: Some(CashoutStatus::Rejected),
                ..ListFilter::default()
            },
        ),
        (
            "country MX",
            ListFilter {
                country: Some("MX".into()),
                ..ListFilter::default()
            },
        ),
        (
            "today",
            ListFilter {
                period: Some(Period::Today),
                ..ListFilter::default()
            },
        ),
        (
            "yesterday",
            ListFilter {
                period: Some(Period::Yesterday),
                ..ListFilter::default()
            },
        ),
        (
            "last 7 days",
            ListFilter {
                period: Some(Period::Last7Days),
                ..ListFilter::default()
            },
        ),
        (
            "this month",
            ListFilter {
                period: Some(Period::ThisMonth),
                ..ListFilter::default()
            },
        ),
        ("a custom month, 60 days ago", custom_month()),
        (
            "search maria (1 in 8, accents folded)",
            ListFilter {
                text: Some("maria".into()),
                ..ListFilter::default()
            },
        ),
        (
            "search one external id",
            ListFilter {
                text: Some("pay-00054321".into()),
                ..ListFilter::default()
            },
        ),
        (
            "search a document with separators",
            ListFilter {
                text: Some("390.533.447-05".into()),
                ..ListFilter::default()
            },
        ),
        (
            "search no match",
            ListFilter {
                text: Some("zzz-nothing".into()),
                ..ListFilter::default()
            },
        ),
        (
            "REJECTED + MX + last 7 days + lopez",
            ListFilter {
                status: Some(CashoutStatus::Rejected),
                country: Some("MX".into()),
                period: Some(Period::Last7Days),
                text: Some("lopez".into()),
                ..ListFilter::default()
            },
        ),
        (
            "page 100 (offset 5,000)",
            ListFilter {
                offset: 5_000,
                ..ListFilter::default()
            },
        ),
    ];
    println!("\nsorts × filters (median of 7, first page of 50)   worst ms  under");
    let mut worst_sort: f64 = 0.0;
    for sort in [
        SortKey::Created,
        SortKey::Amount,
        SortKey::Status,
        SortKey::Beneficiary,
    ] {
        for ascending in [false, true] {
            let mut slowest = (0.0, "");
            for (label, filter) in &filters {
                let f = ListFilter {
                    sort,
                    ascending,
                    limit: 51,
                    ..filter.clone()
                };
                let (ms, _) = median_ms(7, || desk.list(f.clone()).expect("list").len());
                if ms > slowest.0 {
                    slowest = (ms, label);
                }
                if ms > 25.0 {
                    println!("  {sort:?} {ascending} under {label}: {ms:.2} ms");
                }
            }
            let dir = if ascending { "ascending" } else { "descending" };
            println!(
                "{:<48} {:>6.2}  {}",
                format!("sort {sort:?}, {dir}"),
                slowest.0,
                slowest.1
            );
            worst_sort = worst_sort.max(slowest.0);
        }
    }
    println!("worst sort × filter: {worst_sort:.2} ms (target ≤ 50)");
    worst = worst.max(worst_sort);

    let (ms, rows) = median_ms(5, || desk.hold_board().expect("board").payouts.len());
    println!(
        "{:<48} {ms:>6.2} {rows:>8}",
        "hold board (all ON_HOLD, totals)"
    );
    worst = worst.max(ms);
    println!("worst list/filter/search: {worst:.2} ms (target ≤ 50)");

    // The overview: the last 30 days (a third of the journal) and a period holding every
    // payout (the worst case: every row read and added up), in pt-BR.
    let locale = cashout_core::l10n::Locale::negotiate("pt-BR");
    println!("\noverview (median of 15)                          ms  payouts");
    let mut worst_overview: f64 = 0.0;
    for (label, period) in [
        ("overview, last 30 days", Period::Last30Days),
        (
            "overview, all 100 days (every payout)",
            Period::Custom {
                from: Some(
                    (time::OffsetDateTime::now_utc() - Duration::from_secs(99 * 86_400))
                        .date()
                        .to_string(),
                ),
                to: None,
            },
        ),
    ] {
        let query = cashout_core::overview::OverviewQuery {
            period,
            time_zone: Some("America/Sao_Paulo".into()),
        };
        let (ms, rows) = median_ms(15, || {
            desk.overview(&query, 14, &locale)
                .expect("overview")
                .payouts as usize
        });
        println!("{label:<48} {ms:>6.2} {rows:>8}");
        worst_overview = worst_overview.max(ms);
    }
    // Of which the journal's read of the rows (every payout of the scope):
    let (ms, rows) = median_ms(15, || {
        let mut n = 0;
        journal
            .overview_rows(
                &scope,
                "2000-01-01T00:00:00.000Z",
                "2100-01-01T00:00:00.000Z",
                &mut |_| n += 1,
            )
            .expect("rows");
        n
    });
    println!(
        "{:<48} {ms:>6.2} {rows:>8}",
        "  of which the journal read of the rows"
    );
    println!("worst overview: {worst_overview:.2} ms (target ≤ 50)");

    // An export of every payout, with the list and the watcher's read asked meanwhile: they
    // must not wait for it (issue 10: an export of 100,000 payouts does not freeze the list).
    let exporter = desk.clone();
    let export = tokio::spawn(async move {
        let t = Instant::now();
        let (csv, rows) = exporter
            .export_text(
                ListFilter::default(),
                cashout_core::report::CsvFlavor::Plain,
            )
            .await
            .expect("export");
        (t.elapsed(), rows, csv.len())
    });
    let since_all = format_instant(time::OffsetDateTime::now_utc() - Duration::from_secs(86_400));
    let mut during = Vec::new();
    while !export.is_finished() {
        let t = Instant::now();
        desk.list(ListFilter::default()).expect("list");
        desk.watchable(&since_all).expect("watchable");
        during.push(t.elapsed().as_secs_f64() * 1000.0);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (took, rows, bytes) = export.await.expect("export task");
    during.sort_by(f64::total_cmp);
    let median = during.get(during.len() / 2).copied().unwrap_or(0.0);
    let max = during.last().copied().unwrap_or(0.0);
    println!(
        "export of {rows} payouts ({:.1} MiB) took {:.2} s; meanwhile {} list + watcher reads: median {median:.2} ms, max {max:.2} ms",
        bytes as f64 / 1048576.0,
        took.as_secs_f64(),
        during.len()
    );

    // The watcher: reading what to poll, and its own cost per poll beside the HTTP call.
    let since = format_instant(time::OffsetDateTime::now_utc() - Duration::from_secs(14 * 86_400));
    let (ms, rows) = median_ms(15, || desk.watchable(&since).expect("watchable").len());
    println!("\nwatcher: journal read of what to poll           {ms:>6.2} ms {rows:>7} payouts");
    let mut watcher = Watcher::new(desk.clone(), Arc::new(SystemClock), WatchConfig::default());
    let t = Instant::now();
    watcher.step().await.expect("first step");
    println!(
        "watcher: first step (read, schedule, reconcile) {:>6.2} ms, watching {}",
        t.elapsed().as_secs_f64() * 1000.0,
        watcher.watched()
    );

    // Real payouts in the sandbox to poll: HTTP alone, then the watcher's check (HTTP + record).
    let mut ids = Vec::new();
    for i in 0..50 {
        let v = desk
            .create(&br_pix(&format!("poll-{i}"), "10.00"), &Default::default())
            .await
            .expect("create");
        ids.push((
            v.cashout_id.expect("id"),
            journal
                .find(&scope, Some(CashoutId(v.cashout_id.expect("id"))), None)
                .expect("find")
                .expect("record")
                .id,
        ));
    }
    let rounds = 10;
    let mut http = Duration::ZERO;
    let mut watched = Duration::ZERO;
    for _ in 0..rounds {
        let t = Instant::now();
        for (cid, _) in &ids {
            client
                .status(&CashoutRef::Id(CashoutId(*cid)))
                .await
                .expect("status");
        }
        http += t.elapsed();
        let t = Instant::now();
        for (cid, rid) in &ids {
            desk.watch_check(*rid, &CashoutRef::Id(CashoutId(*cid)))
                .await
                .expect("watch check");
        }
        watched += t.elapsed();
    }
    let polls = (rounds * ids.len()) as f64;
    let http_ms = http.as_secs_f64() * 1000.0 / polls;
    let watched_ms = watched.as_secs_f64() * 1000.0 / polls;
    println!(
        "per poll: HTTP status call {http_ms:.3} ms; watcher check (HTTP + journal) {watched_ms:.3} ms; own overhead {:.3} ms ({:.0}% of the call, on loopback; a real provider call takes 100+ ms)",
        watched_ms - http_ms,
        (watched_ms - http_ms) / http_ms * 100.0
    );
    sandbox.shutdown().await;
}

//! The team journal's benchmark (prints figures; not a test). Run it beside a throwaway
//! PostgreSQL cluster:
//!
//! ```sh
//! scripts/team-db.sh cargo run --release -p cashout-tests --features team-db --bin team-bench
//! ```
//!
//! 1. Creates per second through the whole create path (journal intent → sign → HTTP to the
//!    in-process sandbox → journal answer and audit entry), 8 at a time per desk, with 1, 2 and
//!    4 desks on one team journal, beside one desk on an embedded SQLite journal, on the same
//!    sandbox in the same run.
//! 2. The list, each of its filters and its text search on a team journal of 1,000,000 payouts
//!    (target ≤ 50 ms each): the median and the slowest of 5 runs of each query.

use std::sync::Arc;
use std::time::{Duration, Instant};

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::clock::{ManualClock, SystemClock};
use cashout_core::credentials::Secret;
use cashout_core::desk::{Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::journal::postgres::{admin, migrate, TeamProfile};
use cashout_core::journal::{Journal, ListFilter, Phase, SortKey};
use cashout_core::status::CashoutStatus;
use tokio_postgres::NoTls;

const PER_DESK: usize = 400;
const CONCURRENCY: usize = 8;
const MILLION: i64 = 1_000_000;

/// How many payouts the list's journal holds: `TEAM_BENCH_N`, else a million.
fn list_size() -> i64 {
    std::env::var("TEAM_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MILLION)
}

/// The seed's beneficiary name, folded as `journal::keys::fold` folds these names.
const FOLDED_NAME: &str = "translate(lower((ARRAY['Ana Souza','João Pereira','María Gómez',
    'Luis Pérez','Camila Rojas','Diego Fernández','Beatriz Lima','Carlos Ruiz'])[1 + i % 8]
    || ' ' || (i % 997)::text), 'ãíóéá', 'aioea')";

struct Server {
    host: String,
    port: u16,
    user: String,
    password: String,
}

impl Server {
    fn from_env() -> Self {
        let var = |n: &str| {
            std::env::var(n).unwrap_or_else(|_| panic!("{n}: run under scripts/team-db.sh"))
        };
        Self {
            host: var("PGHOST"),
            port: var("PGPORT").parse().expect("port"),
            user: var("PGUSER"),
            password: var("PGPASSWORD"),
        }
    }

    async fn superuser(&self, db: &str) -> tokio_postgres::Client {
        let (client, conn) = tokio_postgres::Config::new()
            .host(&self.host)
            .port(self.port)
            .user(&self.user)
            .password(&self.password)
            .dbname(db)
            .connect(NoTls)
            .await
            .expect("superuser");
        tokio::spawn(conn);
        client
    }

    /// A new team journal and one operator on it.
    async fn team(&self, name: &str) -> (TeamProfile, Secret) {
        self.superuser("postgres")
            .await
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .expect("database");
        let mut admin_client = self.superuser(name).await;
        migrate::migrate(&mut admin_client).await.expect("migrate");
        let password = Secret::new(format!("bench-password-{name}"));
        let role = format!("op_{name}");
        admin::add_operator(&admin_client, &role, &password)
            .await
            .expect("operator");
        let profile = TeamProfile {
            host: self.host.clone(),
            port: self.port,
            database: name.to_owned(),
            user: role,
            ca_file: None,
        };
        (profile, password)
    }
}

fn desk(url: &str, journal: Arc<Journal>) -> Desk {
    let client = Client::new(
        Environment::from_base_url(url).expect("url"),
        okp_sandbox::demo_credentials(),
        ClientOptions::default(),
    )
    .expect("client");
    Desk::new(client, journal, RetryPolicy::default())
}

/// Creates `PER_DESK` payouts on each desk, `CONCURRENCY` at a time per desk, all desks at once;
/// returns creates per second over all of them.
async fn creates_per_second(desks: Vec<Desk>, label: &str) -> f64 {
    let desks: Vec<Arc<Desk>> = desks.into_iter().map(Arc::new).collect();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (d, desk) in desks.iter().enumerate() {
        for lane in 0..CONCURRENCY {
            let desk = desk.clone();
            let label = label.to_owned();
            tasks.push(tokio::spawn(async move {
                for k in (lane..PER_DESK).step_by(CONCURRENCY) {
                    let x = format!("{label}-{d}-{k:04}");
                    let view = desk
                        .create(&cashout_tests::br_pix(&x, "10.00"), &Default::default())
                        .await
                        .expect("create");
                    assert_eq!(view.phase, Phase::Created);
                }
            }));
        }
    }
    for t in tasks {
        t.await.expect("task");
    }
    (desks.len() * PER_DESK) as f64 / started.elapsed().as_secs_f64()
}

async fn time_query(journal: &Journal, filter: &ListFilter) -> (Duration, Duration, usize) {
    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..5 {
        let t = Instant::now();
        rows = journal.list(filter).expect("list").len();
        times.push(t.elapsed());
    }
    times.sort();
    (times[2], times[4], rows)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let server = Server::from_env();
    let dir = tempfile::tempdir().expect("tempdir");
    let clock =
        ManualClock::new(time::OffsetDateTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000));
    let sandbox = cashout_tests::start_sandbox(dir.path().join("sandbox.sqlite3"), clock).await;
    let url = sandbox.base_url();

    // TEAM_BENCH_LISTS_ONLY=1 skips the creates (to measure the list alone, e.g. at another
    // TEAM_BENCH_N).
    let lists_only = std::env::var("TEAM_BENCH_LISTS_ONLY").is_ok_and(|v| v == "1");
    println!("creates per second ({PER_DESK} per desk, {CONCURRENCY} at a time per desk):");
    let local = Arc::new(
        Journal::open(&dir.path().join("journal.sqlite3"), Arc::new(SystemClock)).expect("journal"),
    );
    let rate = if lists_only {
        0.0
    } else {
        creates_per_second(vec![desk(&url, local)], "sqlite").await
    };
    println!("  embedded SQLite journal, 1 desk: {rate:7.1}/s");
    for (n, name) in [(1, "bench_one"), (2, "bench_two"), (4, "bench_four")] {
        if lists_only {
            break;
        }
        let (profile, password) = server.team(name).await;
        let mut desks = Vec::new();
        for _ in 0..n {
            let journal = Journal::open_team(&profile, &password, Arc::new(SystemClock))
                .await
                .expect("team journal");
            desks.push(desk(&url, Arc::new(journal)));
        }
        let rate = creates_per_second(desks, name).await;
        println!("  team journal (PostgreSQL), {n} desk(s): {rate:7.1}/s");
    }

    let size = list_size();
    println!("\nlist on a team journal of {size} payouts (median / slowest of 5):");
    let (profile, password) = server.team("bench_million").await;
    let seed = Instant::now();
    server
        .superuser("bench_million")
        .await
        .batch_execute(&format!(
            "INSERT INTO cashout.payouts (scope, base_url, external_id, cashout_id, origin, phase,
                country, currency, amount, beneficiary, status, status_code, status_since,
                created_at, updated_at, content_hash, search_text, amount_key, name_key)
             SELECT 'sandbox', 'http://127.0.0.1', 'inv-' || lpad(i::text, 7, '0'), 8000000 + i,
                 'desk', 'created',
                 (ARRAY['BR','MX','CO','PE','CL','AR'])[1 + i % 6],
                 (ARRAY['BRL','MXN','COP','PEN','CLP','ARS'])[1 + i % 6],
                 (10 + i % 5000)::text || '.00',
                 (ARRAY['Ana Souza','João Pereira','María Gómez','Luis Pérez','Camila Rojas',
                        'Diego Fernández','Beatriz Lima','Carlos Ruiz'])[1 + i % 8]
                     || ' ' || (i % 997)::text,
                 CASE WHEN i % 50 = 0 THEN 'PENDING' WHEN i % 97 = 0 THEN 'ON_HOLD'
                      WHEN i % 31 = 0 THEN 'REJECTED' ELSE 'COMPLETED' END,
                 0,
                 to_char(timestamp '2025-01-01' + (i || ' seconds')::interval * 30,
                     'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
                 to_char(timestamp '2025-01-01' + (i || ' seconds')::interval * 30,
                     'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
                 to_char(timestamp '2025-01-01' + (i || ' seconds')::interval * 30,
                     'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
                 md5(i::text),
                 -- The keys `journal::keys` computes, for this data (its only accents are
                 -- these): external_id, then the folded name, one field apart.
                 'inv-' || lpad(i::text, 7, '0') || chr(31) || {FOLDED_NAME},
                 (ARRAY['BRL','MXN','COP','PEN','CLP','ARS'])[1 + i % 6] || ' '
                     || lpad((10 + i % 5000)::text, 29, '0') || '.' || repeat('0', 28),
                 {FOLDED_NAME}
             FROM generate_series(1, {size}) AS i;
             ANALYZE cashout.payouts;"
        ))
        .await
        .expect("seed");
    println!("  (seeded in {:.1} s)", seed.elapsed().as_secs_f64());
    let journal = Journal::open_team(&profile, &password, Arc::new(SystemClock))
        .await
        .expect("team journal");
    let scope = Some("sandbox".to_owned());
    let cases: Vec<(&str, ListFilter)> = vec![
        (
            "newest page",
            ListFilter {
                scope: scope.clone(),
                ..ListFilter::default()
            },
        ),
        (
            "page 50 (offset 5,000)",
            ListFilter {
                scope: scope.clone(),
                offset: 5_000,
                ..ListFilter::default()
            },
        ),
        (
            "status PENDING",
            ListFilter {
                scope: scope.clone(),
                status: Some(CashoutStatus::Pending),
                ..ListFilter::default()
            },
        ),
        (
            "status COMPLETED",
            ListFilter {
                scope: scope.clone(),
                status: Some(CashoutStatus::Completed),
                ..ListFilter::default()
            },
        ),
        (
            "status ON_HOLD",
            ListFilter {
                scope: scope.clone(),
                status: Some(CashoutStatus::OnHold),
                ..ListFilter::default()
            },
        ),
        (
            "country MX",
            ListFilter {
                scope: scope.clone(),
                country: Some("MX".into()),
                ..ListFilter::default()
            },
        ),
        (
            "open creates",
            ListFilter {
                scope: scope.clone(),
                phases: vec![Phase::Intent, Phase::Unknown, Phase::SentNotFound],
                ..ListFilter::default()
            },
        ),
        (
            "text, common (\"souza\")",
            ListFilter {
                scope: scope.clone(),
                text: Some("souza".into()),
                ..ListFilter::default()
            },
        ),
        (
            "text, 1,000 matches (\"Pereira 12\")",
            ListFilter {
                scope: scope.clone(),
                text: Some("Pereira 12".into()),
                ..ListFilter::default()
            },
        ),
        (
            "text, rare (an external id)",
            ListFilter {
                scope: scope.clone(),
                text: Some("inv-0654321".into()),
                ..ListFilter::default()
            },
        ),
        (
            "text, none",
            ListFilter {
                scope: scope.clone(),
                text: Some("nothing-like-it".into()),
                ..ListFilter::default()
            },
        ),
        (
            "text, a cashout id",
            ListFilter {
                scope: scope.clone(),
                text: Some("8123456".into()),
                ..ListFilter::default()
            },
        ),
        (
            "text, two letters (\"ui\")",
            ListFilter {
                scope: scope.clone(),
                text: Some("ui".into()),
                ..ListFilter::default()
            },
        ),
    ];
    // Every sort, both ways, under the filters above (issue 16).
    let mut sorted = Vec::new();
    for sort in [
        SortKey::Amount,
        SortKey::Status,
        SortKey::Beneficiary,
        SortKey::Created,
    ] {
        for ascending in [false, true] {
            for (name, filter) in &cases {
                sorted.push((
                    format!("{name}, by {sort:?}{}", if ascending { " ↑" } else { "" }),
                    ListFilter {
                        sort,
                        ascending,
                        ..filter.clone()
                    },
                ));
            }
        }
    }
    let mut worst_sorted = (Duration::ZERO, String::new());
    for (name, filter) in &sorted {
        let (_, slowest, _) = time_query(&journal, filter).await;
        if slowest > Duration::from_millis(50) {
            println!(
                "  over 50 ms: {name}: {:.1} ms",
                slowest.as_secs_f64() * 1e3
            );
        }
        if slowest > worst_sorted.0 {
            worst_sorted = (slowest, name.clone());
        }
    }
    println!(
        "  every sort × filter ({} queries): slowest {:.1} ms ({})",
        sorted.len(),
        worst_sorted.0.as_secs_f64() * 1e3,
        worst_sorted.1
    );
    let mut worst = Duration::ZERO;
    for (name, filter) in &cases {
        let (median, slowest, rows) = time_query(&journal, filter).await;
        worst = worst.max(slowest);
        println!(
            "  {name:38} {:7.1} ms / {:7.1} ms  ({rows} rows)",
            median.as_secs_f64() * 1e3,
            slowest.as_secs_f64() * 1e3
        );
    }
    println!(
        "  slowest of all: {:.1} ms (target ≤ 50 ms)",
        worst.as_secs_f64() * 1e3
    );
}

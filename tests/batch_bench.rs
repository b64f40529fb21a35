//! How long a 10,000-row batch takes to read and check, and to write ahead of sending. Not a
//! test: it prints figures. Run in release:
//! `cargo run --release -p cashout-tests --bin batch-bench` (`BATCH_BENCH_ROWS` overrides the
//! row count, `BATCH_BENCH_EARLIER` the journal's earlier payouts the rows are compared with).
//!
//! Printed, each the median of 5 runs: reading and checking a CSV and an XLSX file
//! (`BatchDraft::from_bytes`: decoding, the columns, every row through the form's validators,
//! the warnings across rows), the same through the desk (its journal's last 90 days read for
//! the warnings), and writing the confirmed batch (every row an intent, one transaction).
//! Target: read and check 10,000 rows ≤ 1 s.

use std::sync::Arc;
use std::time::{Duration, Instant};

use cashout_core::batch::{BatchDraft, ControlTotal, DecimalStyle, DraftOptions};
use cashout_core::clock::SystemClock;
use cashout_core::desk::{Desk, DraftChoices, PayAgain, RetryPolicy};
use cashout_core::environment::{Environment, EnvironmentKind};
use cashout_core::journal::Journal;
use cashout_core::validate::ValidationContext;
use okp_sandbox::{Sandbox, SandboxConfig, Timings};

const HEADERS: [&str; 8] = [
    "country",
    "currency",
    "amount",
    "document_id",
    "beneficiary_name",
    "beneficiary_lastname",
    "bank_code",
    "phone",
];

fn row(i: usize) -> [String; 8] {
    [
        "BR".into(),
        "BRL".into(),
        format!("{}.{:02}", 100 + i % 9000, i % 100),
        "390.533.447-05".into(),
        "João".into(),
        format!("Araújo {i}"),
        "10000".into(),
        format!("+55 11 9{:08}", 10_000_000 + i),
    ]
}

fn csv(rows: usize) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADERS.join(";"));
    out.push_str("\r\n");
    for i in 0..rows {
        out.push_str(&row(i).join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn xlsx(rows: usize) -> Vec<u8> {
    let headers: Vec<String> = HEADERS.iter().map(|h| (*h).to_owned()).collect();
    let body: Vec<Vec<String>> = (0..rows).map(|i| row(i).to_vec()).collect();
    cashout_core::batch::result::text_workbook(&headers, &body, "Payouts").expect("workbook")
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn timed(label: &str, runs: usize, mut f: impl FnMut()) -> Duration {
    let mut all = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        f();
        all.push(started.elapsed());
    }
    let m = median(all);
    println!(
        "{label}: {:.1} ms (median of {runs})",
        m.as_secs_f64() * 1000.0
    );
    m
}

fn options() -> DraftOptions {
    DraftOptions {
        decimal: DecimalStyle::Point,
        mapping: None,
        validation: ValidationContext {
            environment: EnvironmentKind::D24Production,
            override_check_digits: false,
        },
        notification_url: "https://merchant.example/cashouts/notify".into(),
        earlier: Vec::new(),
        policies: Vec::new(),
        known_payouts: std::collections::HashMap::new(),
    }
}

#[tokio::main]
async fn main() {
    let rows: usize = std::env::var("BATCH_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let earlier: usize = std::env::var("BATCH_BENCH_EARLIER")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let csv = csv(rows);
    let xlsx = xlsx(rows);
    println!(
        "{rows} rows: CSV {} KB, XLSX {} KB",
        csv.len() / 1024,
        xlsx.len() / 1024
    );
    timed("read + check CSV", 5, || {
        let d = BatchDraft::from_bytes(&csv, "b.csv", options()).expect("draft");
        assert_eq!(d.summary().counts.ready, rows);
    });
    timed("read + check XLSX", 5, || {
        let d = BatchDraft::from_bytes(&xlsx, "b.xlsx", options()).expect("draft");
        assert_eq!(d.summary().counts.ready, rows);
    });

    // Through the desk, on a journal holding `earlier` payouts of the last days.
    let dir = tempfile::tempdir().expect("dir");
    let sandbox = Sandbox::start(SandboxConfig {
        db_path: dir.path().join("sandbox.sqlite3"),
        port: 0,
        clock: Arc::new(SystemClock),
        timings: Timings::default(),
    })
    .await
    .expect("sandbox");
    let journal = Arc::new(
        Journal::open(&dir.path().join("journal.sqlite3"), Arc::new(SystemClock)).expect("journal"),
    );
    let env = Environment::from_base_url(&sandbox.base_url()).expect("env");
    let client = cashout_core::api::client::Client::new(
        env,
        okp_sandbox::demo_credentials(),
        Default::default(),
    )
    .expect("client");
    let desk = Desk::new(client, journal.clone(), RetryPolicy::default());
    let scope = desk.environment_scope();
    let claim = cashout_core::journal::SendClaim::new();
    let started = Instant::now();
    for i in 0..earlier {
        let mut r = cashout_tests::br_pix(&format!("earlier-{i}"), "100");
        r.phone = Some(format!("+55119{:08}", 20_000_000 + i));
        journal
            .record_intent(&scope, "u", &r, None, &claim)
            .await
            .expect("intent");
    }
    println!(
        "(journal filled with {earlier} payouts in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let choices = || DraftChoices {
        decimal: DecimalStyle::Point,
        mapping: None,
        notification_url: "https://merchant.example/cashouts/notify".into(),
    };
    timed(
        &format!("read + check CSV through the desk ({earlier} earlier payouts compared)"),
        5,
        || {
            desk.batch_draft(&csv, "b.csv", choices()).expect("draft");
        },
    );
    let draft = desk.batch_draft(&csv, "b.csv", choices()).expect("draft");
    let s = draft.summary();
    let typed: Vec<ControlTotal> = s
        .totals
        .iter()
        .map(|t| ControlTotal {
            currency: t.currency.clone(),
            count: t.count,
            total: t.total.clone(),
        })
        .collect();
    let started = Instant::now();
    let batch = desk
        .confirm_batch(&draft, &typed, 60, PayAgain::default())
        .await
        .expect("confirm");
    println!(
        "write the batch ahead ({} intents, one transaction): {:.1} ms",
        batch.progress.payouts,
        started.elapsed().as_secs_f64() * 1000.0
    );
    sandbox.shutdown().await;
}

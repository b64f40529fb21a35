//! The overview's read of a team journal holding more payouts than one streamed chunk: every
//! row handed over once, and the sum equal to PostgreSQL's own `numeric` sum (an independent
//! witness: the database adds the same texts exactly).

use cashout_core::journal::JournalStore;
use rust_decimal::Decimal;

use crate::support::Server;

const PAYOUTS: i64 = 7_001;

#[tokio::test(flavor = "multi_thread")]
async fn the_overview_streams_thousands_of_rows_and_sums_what_postgres_sums() {
    let db = Server::from_env().team_database().await;
    let su = db.superuser().await;
    su.batch_execute(&format!(
        "INSERT INTO cashout.payouts (scope, base_url, external_id, cashout_id, origin, phase,
             country, currency, amount, beneficiary, status, status_code, status_since,
             created_at, updated_at, content_hash, search_text, amount_key, name_key)
         SELECT 'ov', 'http://127.0.0.1', 'ov-' || i, 9000000 + i, 'desk', 'created', 'BR', 'BRL',
             (i % 5000 + 1)::text || '.' || lpad((i % 100)::text, 2, '0'), 'Ana Souza',
             CASE WHEN i % 7 = 0 THEN 'REJECTED' WHEN i % 5 = 0 THEN 'PENDING' ELSE 'COMPLETED' END,
             0,
             to_char(timestamp '2026-11-01' + (i || ' seconds')::interval * 60,
                 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
             to_char(timestamp '2026-11-01' + (i || ' seconds')::interval * 60,
                 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
             to_char(timestamp '2026-11-01' + (i || ' seconds')::interval * 60,
                 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
             md5(i::text), 'ov-' || i, 'BRL ' || i, 'ana souza'
         FROM generate_series(1, {PAYOUTS}) AS i"
    ))
    .await
    .expect("seed");
    let desk = db.desk("ana").await;
    let (mut rows, mut sum, mut in_period) = (0i64, Decimal::ZERO, 0i64);
    let mut ids = std::collections::BTreeSet::new();
    desk.overview_rows(
        "ov",
        "2026-11-01T00:00:00.000Z",
        "2026-11-10T00:00:00.000Z",
        &mut |r| {
            rows += 1;
            in_period += i64::from(r.in_period);
            sum += Decimal::from_str_exact(r.amount.unwrap()).unwrap();
            ids.insert(r.created_at.to_owned());
        },
    )
    .unwrap();
    let witness = su
        .query_one(
            "SELECT count(*), sum(amount::numeric)::text FROM cashout.payouts WHERE scope = 'ov'",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(rows, witness.get::<_, i64>(0), "every payout once");
    assert_eq!(ids.len() as i64, rows, "no row handed over twice");
    assert_eq!(in_period, rows, "the period holds them all");
    assert_eq!(
        sum,
        Decimal::from_str_exact(witness.get::<_, &str>(1)).unwrap()
    );
}

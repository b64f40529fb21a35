//! One watcher per team: two desks watching one team journal poll each payout once per round
//! between them, not once each, and keep the team's rate cap between them.

use std::sync::Arc;
use std::time::Duration;

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::clock::{Clock, ManualClock};
use cashout_core::desk::{Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::journal::Journal;
use cashout_core::watch::{WatchConfig, Watcher};

use okp_sandbox::Sandbox;

use crate::support::{Server, TeamDb};

/// Two desks (`ana`, `bea`) on one team journal and the sandbox, on `clock`, with `payouts`
/// PENDING payouts created by the first, and a watcher for each (the first step taken: nothing
/// is due yet). The database and the sandbox live as long as the returned guards.
async fn two_watching_desks(
    dir: &std::path::Path,
    clock: &ManualClock,
    payouts: usize,
) -> (TeamDb, Sandbox, Vec<Watcher>) {
    let db = Server::from_env().team_database().await;
    let sandbox = cashout_tests::start_sandbox(dir.join("sandbox.sqlite3"), clock.clone()).await;
    let mut desks = Vec::new();
    for who in ["ana", "bea"] {
        let (profile, password) = db.operator(who).await;
        let journal = Journal::open_team(&profile, &password, Arc::new(clock.clone()))
            .await
            .unwrap();
        let client = Client::new(
            Environment::from_base_url(&sandbox.base_url()).unwrap(),
            okp_sandbox::demo_credentials(),
            ClientOptions::default(),
        )
        .unwrap();
        desks.push(Arc::new(Desk::new(
            client,
            Arc::new(journal),
            RetryPolicy::default(),
        )));
    }
    for i in 0..payouts {
        desks[0]
            .create(
                &cashout_tests::br_pix(&format!("watched-{i}"), "10"),
                &Default::default(),
            )
            .await
            .unwrap();
    }
    let mut watchers: Vec<Watcher> = desks
        .iter()
        .enumerate()
        .map(|(k, d)| {
            Watcher::new(d.clone(), Arc::new(clock.clone()), WatchConfig::default())
                .with_seed(k as u64 + 1)
        })
        .collect();
    for w in &mut watchers {
        assert_eq!(w.step().await.unwrap().polled, 0, "nothing is due yet");
        assert_eq!(w.watched(), payouts);
    }
    (db, sandbox, watchers)
}

fn start_clock() -> ManualClock {
    ManualClock::new(time::OffsetDateTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_desks_watching_one_team_journal_poll_each_payout_once_per_round() {
    const PAYOUTS: usize = 10;
    let (dir, clock) = (tempfile::tempdir().unwrap(), start_clock());
    let (_db, _sandbox, mut watchers) = two_watching_desks(dir.path(), &clock, PAYOUTS).await;
    // Two rounds (PENDING is polled every 30-33 s), both desks stepping side by side.
    for round in 0..2 {
        clock.advance(Duration::from_secs(34));
        let mut polled = [0, 0];
        for i in 0..80 {
            // Whoever steps first may take the slot: take turns at stepping first.
            for k in [i % 2, 1 - i % 2] {
                polled[k] += watchers[k].step().await.unwrap().polled;
            }
            clock.advance(Duration::from_millis(100));
        }
        assert_eq!(
            polled[0] + polled[1],
            PAYOUTS,
            "round {round}: each payout once between the two desks, not once each ({polled:?})"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_desks_watching_one_team_journal_keep_the_rate_cap_between_them() {
    const PAYOUTS: usize = 20;
    let (dir, clock) = (tempfile::tempdir().unwrap(), start_clock());
    let (_db, _sandbox, mut watchers) = two_watching_desks(dir.path(), &clock, PAYOUTS).await;
    clock.advance(Duration::from_secs(34));
    let start = clock.now();
    let (mut times, mut polled) = (Vec::new(), [0, 0]);
    // Every payout is due at once; both desks step every 10 ms of clock time for 6 s.
    for i in 0..600 {
        // Whoever steps first may take the slot: take turns at stepping first.
        for k in [i % 2, 1 - i % 2] {
            let n = watchers[k].step().await.unwrap().polled;
            polled[k] += n;
            times.extend(std::iter::repeat_n(clock.now() - start, n));
        }
        clock.advance(Duration::from_millis(10));
    }
    assert_eq!(times.len(), PAYOUTS, "each payout polled once: {polled:?}");
    assert!(
        polled.iter().all(|n| *n > 0),
        "both desks polled: {polled:?}"
    );
    for t in &times {
        let in_second = times
            .iter()
            .filter(|u| **u >= *t && **u < *t + Duration::from_secs(1))
            .count();
        assert!(
            in_second <= 5,
            "the team's cap is 5 requests/s; {in_second} in the second from {t}: {times:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desks_on_the_real_clock_take_their_slots_on_the_servers_clock() {
    use cashout_core::journal::store::JournalStore;
    let db = Server::from_env().team_database().await;
    let (a, b) = (db.desk("ana").await, db.desk("bea").await);
    let spacing = Duration::from_millis(200);
    // Both desks' connections are open before the clock matters.
    a.take_request_slot("warm-up", spacing).await.unwrap();
    b.take_request_slot("warm-up", spacing).await.unwrap();
    let started = std::time::Instant::now();
    assert_eq!(
        a.take_request_slot("sandbox", spacing).await.unwrap(),
        Duration::ZERO
    );
    let wait = b.take_request_slot("sandbox", spacing).await.unwrap();
    // Counted on the server's clock from when Ana's slot was taken: the spacing, less the
    // time that has passed since (a few milliseconds on loopback).
    assert!(
        wait <= spacing && wait + started.elapsed() >= spacing,
        "Bea waits the rest of Ana's spacing: {wait:?} after {:?}",
        started.elapsed()
    );
    // A row pushed an hour ahead (a clock that ran ahead once, or an edit) is not believed.
    db.superuser()
        .await
        .execute(
            "UPDATE cashout.rate_slots SET next_at = now() + interval '1 hour'",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(
        b.take_request_slot("sandbox", spacing).await.unwrap(),
        Duration::ZERO
    );
}

//! One watcher per team: two desks watching one team journal poll each payout once per round
//! between them, not once each.

use std::sync::Arc;
use std::time::Duration;

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::clock::ManualClock;
use cashout_core::desk::{Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::journal::Journal;
use cashout_core::watch::{WatchConfig, Watcher};

use crate::support::Server;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_desks_watching_one_team_journal_poll_each_payout_once_per_round() {
    const PAYOUTS: usize = 10;
    let db = Server::from_env().team_database().await;
    let dir = tempfile::tempdir().unwrap();
    let clock =
        ManualClock::new(time::OffsetDateTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000));
    let sandbox =
        cashout_tests::start_sandbox(dir.path().join("sandbox.sqlite3"), clock.clone()).await;
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
    for i in 0..PAYOUTS {
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
        assert_eq!(w.watched(), PAYOUTS);
    }
    // Two rounds (PENDING is polled every 30-33 s), both desks stepping side by side.
    for round in 0..2 {
        clock.advance(Duration::from_secs(34));
        let mut polled = [0, 0];
        for _ in 0..80 {
            for (k, w) in watchers.iter_mut().enumerate() {
                polled[k] += w.step().await.unwrap().polled;
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

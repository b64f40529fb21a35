//! The team journal goes away after a create was sent: the operator is told the outcome is not
//! known (and the payout is looked up by its external_id later), never a plain journal error
//! that a form would take for a refusal.

use std::sync::Arc;
use std::time::Duration;

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::clock::{ManualClock, SystemClock};
use cashout_core::desk::{Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::journal::Journal;
use okp_sandbox::{Endpoint, Fault};

use crate::support::Server;

fn cluster(action: &str) {
    let version = std::env::var("PGVERSION").expect("PGVERSION (set by pg_virtualenv)");
    let status = std::process::Command::new("pg_ctlcluster")
        .args([version.as_str(), "regress", action, "-m", "fast"])
        .status()
        .expect("pg_ctlcluster runs");
    assert!(status.success(), "pg_ctlcluster {action}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_journal_lost_after_the_send_is_an_unknown_outcome_not_a_refusal() {
    let db = Server::from_env().team_database().await;
    let (profile, password) = db.operator("ana").await;
    let dir = tempfile::tempdir().unwrap();
    let clock =
        ManualClock::new(time::OffsetDateTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000));
    let sandbox = cashout_tests::start_sandbox(dir.path().join("sandbox.sqlite3"), clock).await;
    let journal = Journal::open_team(&profile, &password, Arc::new(SystemClock))
        .await
        .unwrap();
    let client = Client::new(
        Environment::from_base_url(&sandbox.base_url()).unwrap(),
        okp_sandbox::demo_credentials(),
        ClientOptions {
            connect_timeout: Duration::from_secs(1),
            total_timeout: Duration::from_secs(1),
        },
    )
    .unwrap();
    let desk = Desk::new(
        client,
        Arc::new(journal),
        RetryPolicy {
            max_sends: 1,
            ..RetryPolicy::default()
        },
    );
    // The provider takes longer than the desk waits (the outcome is unknown); meanwhile the
    // database server goes away, so the desk cannot even note that.
    sandbox.inject(Fault::Delay {
        endpoint: Endpoint::Create,
        by: Duration::from_secs(3),
    });
    let create = tokio::spawn(async move {
        desk.create(&cashout_tests::br_pix("lost-1", "10"), &Default::default())
            .await
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    cluster("stop");
    let outcome = create.await.unwrap();
    cluster("start");
    let e = outcome.expect_err("the journal could not record the answer");
    assert_eq!(e.code(), "outcome_unknown", "{e}");
    assert_eq!(sandbox.cashouts_for_external_id("lost-1"), 1);
}

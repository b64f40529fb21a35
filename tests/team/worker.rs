//! One desk process of the team-journal tests: signs in with the profile in
//! `TEAM_WORKER_PROFILE` (JSON) and the password read from stdin, then does what its arguments
//! say, and prints one JSON line of what happened.
//!
//! - `audit N LABEL`: appends N audit entries whose detail is `LABEL i`; exits 0 only when all
//!   were recorded.
//! - `create URL N ROTATE`: creates the N payouts of [`payout`] (the same N for every desk),
//!   starting at number ROTATE, against the provider at URL, through a desk with short
//!   timeouts and a 3 s send claim; a create the team journal could not take (its server
//!   restarting) is tried again a little later, any other failure is counted and left (the
//!   fault run settles them afterwards). Exits 0 when it went through the list.
//! - `settle URL N`: creates the same N again until each is created, for at most a minute;
//!   exits 0 only when every one is.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cashout_core::api::client::{Client, ClientOptions};
use cashout_core::api::types::CreateCashout;
use cashout_core::audit::{AuditAction, AuditEvent};
use cashout_core::clock::SystemClock;
use cashout_core::credentials::Secret;
use cashout_core::desk::{Desk, RetryPolicy};
use cashout_core::environment::Environment;
use cashout_core::journal::postgres::TeamProfile;
use cashout_core::journal::{Journal, Phase};

/// Payout number `i` of the fault run: the same request from every desk.
fn payout(i: usize) -> CreateCashout {
    cashout_tests::br_pix(
        &format!("team-{i:04}"),
        &format!("{}.{:02}", 10 + i, i % 100),
    )
}

#[tokio::main]
async fn main() {
    let profile: TeamProfile = serde_json::from_str(
        &std::env::var("TEAM_WORKER_PROFILE").expect("TEAM_WORKER_PROFILE is set"),
    )
    .expect("TEAM_WORKER_PROFILE is a profile");
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .expect("the password comes on stdin");
    let password = Secret::new(password.trim_end().to_owned());
    let journal = Arc::new(
        Journal::open_team(&profile, &password, Arc::new(SystemClock))
            .await
            .expect("the worker's desk connects"),
    );
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["audit", n, label] => {
            let n: u32 = n.parse().expect("a count");
            for i in 0..n {
                let event = AuditEvent::new("sandbox", AuditAction::AuditVerified, "ok")
                    .detail(format!("{label} {i}"));
                journal
                    .append_audit(event)
                    .await
                    .expect("an append is recorded");
            }
        }
        ["create", url, n, rotate] => {
            let (n, rotate): (usize, usize) = (n.parse().expect("N"), rotate.parse().expect("R"));
            let desk = desk(url, journal);
            let mut outcomes: BTreeMap<String, u32> = BTreeMap::new();
            for k in 0..n {
                let i = (k + rotate) % n;
                // As an operator would: while the team journal cannot be reached (its server
                // restarting), try the same payout again a little later.
                let mut waits = 0;
                let outcome = loop {
                    match desk.create(&payout(i), &Default::default()).await {
                        Ok(v) if v.phase == Phase::Created => break "created".to_owned(),
                        Ok(v) => break format!("ok_{}", v.phase.as_str()),
                        Err(e) if e.code() == "team_journal" && waits < 100 => {
                            waits += 1;
                            *outcomes
                                .entry("journal_unreachable_retried".into())
                                .or_default() += 1;
                            tokio::time::sleep(Duration::from_millis(100)).await;
                        }
                        Err(e) => break e.code().to_owned(),
                    }
                };
                *outcomes.entry(outcome).or_default() += 1;
            }
            println!("{}", serde_json::json!({ "outcomes": outcomes }));
        }
        ["settle", url, n] => {
            let n: usize = n.parse().expect("N");
            let desk = desk(url, journal);
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut tries = 0;
            for i in 0..n {
                loop {
                    tries += 1;
                    match desk.create(&payout(i), &Default::default()).await {
                        Ok(v) if v.phase == Phase::Created => break,
                        other => {
                            assert!(
                                Instant::now() < deadline,
                                "payout {i} is still not settled: {other:?}"
                            );
                            tokio::time::sleep(Duration::from_millis(200)).await;
                        }
                    }
                }
            }
            println!("{}", serde_json::json!({ "settled": n, "tries": tries }));
        }
        other => panic!("unknown worker task {other:?}"),
    }
}

/// A desk on the provider at `url` (the demo credentials), quick to give up on a slow answer,
/// with a short send claim so that a killed desk's creates are taken over within seconds.
fn desk(url: &str, journal: Arc<Journal>) -> Desk {
    let environment = Environment::from_base_url(url).expect("a loopback URL");
    let client = Client::new(
        environment,
        okp_sandbox::demo_credentials(),
        ClientOptions {
            connect_timeout: Duration::from_secs(1),
            total_timeout: Duration::from_millis(300),
        },
    )
    .expect("client");
    Desk::new(
        client,
        journal,
        RetryPolicy {
            max_sends: 4,
            backoff: vec![Duration::from_millis(2)],
            send_lease: Duration::from_secs(3),
        },
    )
}

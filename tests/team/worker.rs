//! One desk process of the team-journal tests: signs in with the profile in
//! `TEAM_WORKER_PROFILE` (JSON) and the password read from stdin, then does what its arguments
//! say and exits 0 only when all of it was recorded.
//!
//! `audit N LABEL`: appends N audit entries whose detail is `LABEL i`.

use std::io::Read;

use cashout_core::audit::{AuditAction, AuditEvent};
use cashout_core::clock::SystemClock;
use cashout_core::credentials::Secret;
use cashout_core::journal::postgres::TeamProfile;
use cashout_core::journal::Journal;

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
    let store = Journal::open_team(&profile, &password, std::sync::Arc::new(SystemClock))
        .await
        .expect("the worker's desk connects");
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
                store
                    .append_audit(event)
                    .await
                    .expect("an append is recorded");
            }
        }
        other => panic!("unknown worker task {other:?}"),
    }
}

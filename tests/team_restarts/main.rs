//! The team journal's tests that restart the database server under running desks. They run in
//! a cluster of their own, one at a time (scripts/test.sh), so no other test sees a restart.

#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod fault_run;
#[allow(clippy::unwrap_used)]
mod lost_journal;
#[allow(clippy::unwrap_used)]
mod resync;
// Shared with the `team` binary; not every helper is used here.
#[allow(dead_code)]
#[path = "../team/support.rs"]
mod support;

/// Restarts the server pg_virtualenv started (cluster `regress`), waiting until it is back.
pub fn restart_database_server() {
    let version = std::env::var("PGVERSION").expect("PGVERSION (set by pg_virtualenv)");
    let status = std::process::Command::new("pg_ctlcluster")
        .args([version.as_str(), "regress", "restart", "-m", "fast"])
        .status()
        .expect("pg_ctlcluster runs");
    assert!(status.success(), "the database server restarted");
}

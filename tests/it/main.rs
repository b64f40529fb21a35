//! Integration tests: the core's desk and client over real loopback HTTP against the embedded
//! sandbox, with real SQLite files. One binary, one module per concern.

#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod batches;
#[path = "../conformance/mod.rs"]
mod conformance;
#[allow(clippy::unwrap_used)]
mod endpoints;
mod exactly_once;
mod keyring;
#[allow(clippy::unwrap_used)]
mod provider_answers;
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod records;
mod secrets;
#[allow(clippy::unwrap_used)]
mod trust;
#[allow(clippy::unwrap_used)]
mod watch;

/// The conformance suite against the embedded store: a fresh journal file per case, each desk
/// its own `Journal` on the file (as two processes would have).
mod sqlite_store {
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::Arc;

    use cashout_core::clock::ManualClock;
    use cashout_core::journal::Journal;

    use crate::conformance::{start_clock, Store};

    struct File {
        dir: tempfile::TempDir,
        clock: Arc<ManualClock>,
    }

    impl Store for File {
        fn desk(&self) -> Pin<Box<dyn Future<Output = Journal> + Send + '_>> {
            Box::pin(async move {
                Journal::open(&self.dir.path().join("journal.sqlite3"), self.clock.clone())
                    .expect("the journal file opens")
            })
        }

        fn clock(&self) -> &Arc<ManualClock> {
            &self.clock
        }
    }

    async fn file() -> File {
        File {
            dir: tempfile::tempdir().expect("tempdir"),
            clock: start_clock(),
        }
    }

    crate::conformance_suite!(file());
}

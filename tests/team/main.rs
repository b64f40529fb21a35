//! The team journal against a real PostgreSQL server (see `support`): schema and migrations,
//! identity, the shared audit chain, TLS, and the conformance suite every journal store passes.

#[allow(clippy::unwrap_used)]
mod approvals;
#[allow(clippy::unwrap_used)]
mod approvals_forged;
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod audit;
#[allow(clippy::unwrap_used)]
mod batches;
#[path = "../conformance/mod.rs"]
mod conformance;
#[allow(clippy::unwrap_used)]
mod desk_switch;
#[allow(clippy::unwrap_used)]
mod live;
#[allow(clippy::unwrap_used)]
mod overview;
#[allow(clippy::unwrap_used)]
mod schema;
mod support;
#[allow(clippy::unwrap_used)]
mod tls;
#[allow(clippy::unwrap_used)]
mod watch;

/// The conformance suite against the team journal: a fresh database per case, each desk a
/// `Journal` signed in as its own operator.
mod pg_store {
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::Arc;

    use cashout_core::clock::ManualClock;
    use cashout_core::journal::Journal;

    use crate::conformance::{start_clock, Store};
    use crate::support::{Server, TeamDb};

    struct Database {
        db: TeamDb,
        clock: Arc<ManualClock>,
    }

    impl Store for Database {
        fn desk(&self) -> Pin<Box<dyn Future<Output = Journal> + Send + '_>> {
            Box::pin(async move {
                let (profile, password) = self.db.operator("desk").await;
                Journal::open_team(&profile, &password, self.clock.clone())
                    .await
                    .expect("a desk signs in to the team journal")
            })
        }

        fn clock(&self) -> &Arc<ManualClock> {
            &self.clock
        }
    }

    async fn database() -> Database {
        Database {
            db: Server::from_env().team_database().await,
            clock: start_clock(),
        }
    }

    crate::conformance_suite!(database());
}

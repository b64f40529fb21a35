//! A throwaway team journal per test on the PostgreSQL server that `pg_virtualenv` started
//! (scripts/test.sh): its connection comes from PGHOST, PGPORT, PGUSER and PGPASSWORD. Without
//! them the tests fail, never skip: a team-journal test that did not run must not look green.

use cashout_core::clock::SystemClock;
use cashout_core::credentials::Secret;
use cashout_core::journal::postgres::{admin, migrate, PgStore, TeamProfile};
use tokio_postgres::{Client, NoTls};

/// The server's superuser, as pg_virtualenv exported it.
pub struct Server {
    host: String,
    port: u16,
    user: String,
    password: String,
}

impl Server {
    pub fn from_env() -> Self {
        let var = |name: &str| {
            std::env::var(name).unwrap_or_else(|_| {
                panic!(
                    "{name} is not set: the team-journal tests need a PostgreSQL server; run them \
                     through scripts/test.sh, or `pg_virtualenv -t cargo test -p cashout-tests \
                     --features team-db --test team`"
                )
            })
        };
        Self {
            host: var("PGHOST"),
            port: var("PGPORT").parse().expect("PGPORT is a port"),
            user: var("PGUSER"),
            password: var("PGPASSWORD"),
        }
    }

    /// A superuser connection to `database`.
    pub async fn superuser(&self, database: &str) -> Client {
        let (client, connection) = tokio_postgres::Config::new()
            .host(&self.host)
            .port(self.port)
            .user(&self.user)
            .password(&self.password)
            .dbname(database)
            .connect(NoTls)
            .await
            .expect("the test server accepts its superuser");
        tokio::spawn(connection);
        client
    }

    /// A new, empty database (no team journal yet).
    pub async fn empty_database(&self) -> TeamDb {
        let name = format!("cashout_t_{}", unique());
        self.superuser("postgres")
            .await
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .expect("the test server creates databases");
        TeamDb {
            server: Self {
                ..self.clone_settings()
            },
            name,
        }
    }

    /// A new database holding the team journal at the current schema.
    pub async fn team_database(&self) -> TeamDb {
        let db = self.empty_database().await;
        migrate::migrate(&mut db.superuser().await)
            .await
            .expect("a fresh database migrates");
        db
    }

    fn clone_settings(&self) -> Self {
        Self {
            host: self.host.clone(),
            port: self.port,
            user: self.user.clone(),
            password: self.password.clone(),
        }
    }
}

/// One test's database.
pub struct TeamDb {
    pub server: Server,
    pub name: String,
}

impl TeamDb {
    pub async fn superuser(&self) -> Client {
        self.server.superuser(&self.name).await
    }

    /// Adds an operator (a login role unique to this run) and returns how a desk signs in.
    pub async fn operator(&self, who: &str) -> (TeamProfile, Secret) {
        let role = format!("{who}_{}", unique());
        let password = Secret::new(format!("pw-{}-{}", unique(), unique()));
        admin::add_operator(&self.superuser().await, &role, &password)
            .await
            .expect("the superuser adds operators");
        (self.profile(&role), password)
    }

    /// A profile for `role` on this database (loopback, plain TCP).
    pub fn profile(&self, role: &str) -> TeamProfile {
        TeamProfile {
            host: self.server.host.clone(),
            port: self.server.port,
            database: self.name.clone(),
            user: role.to_owned(),
            ca_file: None,
        }
    }

    /// A desk signed in as a new operator `who`.
    pub async fn desk(&self, who: &str) -> PgStore {
        let (profile, password) = self.operator(who).await;
        PgStore::connect(&profile, &password, std::sync::Arc::new(SystemClock))
            .await
            .expect("an operator's desk connects")
    }

    /// A raw connection as `profile`'s role, as an operator with `psql` would have.
    pub async fn raw(&self, profile: &TeamProfile, password: &Secret) -> Client {
        let (client, connection) = tokio_postgres::Config::new()
            .host(&profile.host)
            .port(profile.port)
            .user(&profile.user)
            .password(password.expose())
            .dbname(&profile.database)
            .connect(NoTls)
            .await
            .expect("the operator signs in with psql");
        tokio::spawn(connection);
        client
    }
}

/// Lowercase letters and digits, unique enough for names within one run.
pub fn unique() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "{}{}x{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos()),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// Waits until `heard` (a desk's announcements) hears what `writer` writes: a desk's listener
/// connects on its own, just after the desk signs in. Appends an audit entry per try.
pub async fn until_listening(
    writer: &cashout_core::journal::Journal,
    heard: &mut tokio::sync::broadcast::Receiver<cashout_core::journal::Change>,
) {
    use cashout_core::audit::{AuditAction, AuditEvent};
    use cashout_core::journal::Change;
    for _ in 0..20 {
        let entry = writer
            .append_audit(AuditEvent::new("sandbox", AuditAction::Export, "ok"))
            .await
            .expect("an append");
        let heard_it = tokio::time::timeout(std::time::Duration::from_millis(500), async {
            while heard.recv().await.expect("announcements") != (Change::Audit { seq: entry.seq }) {
            }
        })
        .await;
        if heard_it.is_ok() {
            return;
        }
    }
    panic!("the desk never heard the other desk");
}

//! Live refresh: one connection of its own per desk that `LISTEN`s on the channel the team
//! journal announces every change on (`cashout_desk`, see `sql/team/0002_payouts.sql`), and
//! hands each announcement to whoever subscribed ([`super::super::store::JournalStore::changes`]).
//!
//! Guarantees:
//! - An announcement is a hint to re-read, never data: it names a payout id or an audit entry,
//!   and the reader reads the journal for what it is.
//! - PostgreSQL keeps no announcement for a listener that is not connected, so after the
//!   listener's connection is lost and made again (with a back-off up to 5 s), or when its first
//!   connection did not come at once, it announces [`Change::Resync`]: re-read everything.
//! - Announcements arrive when the writing transaction commits, so a reader never re-reads
//!   before the change is there.
//!
//! Leaves out: what a desk does with them (the app refreshes its list, hold board and open
//! diagram; see the shell).

use std::time::Duration;

use tokio::sync::broadcast;
use tokio_postgres::AsyncMessage;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::journal::Change;

/// Announcements kept for a subscriber that is slow to read them; one that falls further
/// behind is told to re-read everything.
const BACKLOG: usize = 1024;

/// Starts listening (on the runtime it is called on: the store's I/O thread) and returns the
/// sender subscribers are made from. The task ends with that runtime.
pub(super) fn start(
    config: tokio_postgres::Config,
    tls: MakeRustlsConnect,
) -> broadcast::Sender<Change> {
    let (changes, _) = broadcast::channel(BACKLOG);
    let sender = changes.clone();
    tokio::spawn(async move {
        let mut wait = Duration::from_millis(100);
        // Whether announcements may have been missed since the store opened: after a lost
        // connection, or a first connection that did not come at once.
        let mut missed = false;
        loop {
            if let Ok((client, mut connection)) = config.connect(tls.clone()).await {
                // The connection is driven here; it also answers the LISTEN below.
                let forward = sender.clone();
                let reader = tokio::spawn(async move {
                    loop {
                        match std::future::poll_fn(|cx| connection.poll_message(cx)).await {
                            Some(Ok(AsyncMessage::Notification(n))) => {
                                if let Some(change) = Change::parse(n.payload()) {
                                    let _ = forward.send(change);
                                }
                            }
                            Some(Ok(_)) => {}
                            Some(Err(_)) | None => break,
                        }
                    }
                });
                if client.batch_execute("LISTEN cashout_desk").await.is_ok() {
                    wait = Duration::from_millis(100);
                    if missed {
                        let _ = sender.send(Change::Resync);
                    }
                }
                let _ = reader.await;
                drop(client);
            }
            missed = true;
            tokio::time::sleep(wait).await;
            wait = (wait * 2).min(Duration::from_secs(5));
        }
    });
    changes
}

//! The journal's tables and connection settings, versioned with `PRAGMA user_version`.
//!
//! WAL mode. The writer switches `synchronous` per batch: FULL when the batch holds an intent (on
//! disk when the commit returns, which is what lets an intent be trusted after a crash), NORMAL
//! otherwise (safe against a process crash; a power cut can lose it, and reconciling the intent
//! repairs that). `busy_timeout` lets the desktop app and the CLI share a file.

use rusqlite::Connection;

const VERSION: i64 = 2;

const V1: &str = "
CREATE TABLE payouts (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    base_url TEXT NOT NULL,
    external_id TEXT,
    cashout_id INTEGER,
    origin TEXT NOT NULL,
    phase TEXT NOT NULL,
    request_json TEXT,
    content_hash TEXT,
    country TEXT,
    currency TEXT,
    amount TEXT,
    beneficiary TEXT,
    status TEXT,
    rejection_code INTEGER,
    rejection_reason TEXT,
    provider_reference TEXT,
    bank_json TEXT,
    last_error TEXT,
    api_code INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    checked_at TEXT,
    UNIQUE (scope, external_id),
    UNIQUE (scope, cashout_id)
);
CREATE INDEX payouts_by_scope_time ON payouts (scope, created_at DESC, id DESC);
-- Only open intents: the rows reconcile looks for, few at any time, cheap to maintain.
CREATE INDEX payouts_open ON payouts (scope, id) WHERE phase IN ('intent', 'unknown');
CREATE INDEX payouts_by_content ON payouts (scope, content_hash);
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    payout_id INTEGER NOT NULL REFERENCES payouts (id),
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    status TEXT,
    detail TEXT
);
CREATE INDEX history_by_payout ON history (payout_id, id);
";

/// Version 2: the time each payout entered its current status (the watcher's back-off and the
/// hold board's age), indexes for the list's filters and the watcher, the audit chain, and the
/// requests as sent (for the signing inspector).
const V2: &str = "
ALTER TABLE payouts ADD COLUMN status_since TEXT;
UPDATE payouts SET status_since = updated_at WHERE status IS NOT NULL;
CREATE INDEX payouts_by_status ON payouts (scope, status, created_at DESC, id DESC);
CREATE INDEX payouts_by_country ON payouts (scope, country, created_at DESC, id DESC);
-- The watcher's reads (open statuses; COMPLETED within the late-rejection window) and the hold
-- board's order.
CREATE INDEX payouts_by_status_since ON payouts (scope, status, status_since);
-- Text search: substrings of external_id and beneficiary through a trigram index, so a search
-- that matches nothing does not read every payout. Kept in step by triggers.
CREATE VIRTUAL TABLE payouts_text USING fts5 (haystack, tokenize = 'trigram');
INSERT INTO payouts_text (rowid, haystack)
    SELECT id, coalesce(external_id, '') || ' ' || coalesce(beneficiary, '') FROM payouts;
CREATE TRIGGER payouts_text_insert AFTER INSERT ON payouts BEGIN
    INSERT INTO payouts_text (rowid, haystack)
        VALUES (new.id, coalesce(new.external_id, '') || ' ' || coalesce(new.beneficiary, ''));
END;
CREATE TRIGGER payouts_text_update AFTER UPDATE OF external_id, beneficiary ON payouts
    WHEN old.external_id IS NOT new.external_id OR old.beneficiary IS NOT new.beneficiary BEGIN
    UPDATE payouts_text
        SET haystack = coalesce(new.external_id, '') || ' ' || coalesce(new.beneficiary, '')
        WHERE rowid = new.id;
END;
CREATE TRIGGER payouts_text_delete AFTER DELETE ON payouts BEGIN
    DELETE FROM payouts_text WHERE rowid = old.id;
END;
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    environment TEXT NOT NULL,
    action TEXT NOT NULL,
    cashout_id INTEGER,
    external_id TEXT,
    outcome TEXT NOT NULL,
    detail TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_by_environment ON audit (environment, seq);
CREATE TABLE exchanges (
    id INTEGER PRIMARY KEY,
    payout_id INTEGER NOT NULL REFERENCES payouts (id),
    at TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body TEXT NOT NULL,
    signature TEXT NOT NULL,
    http_status INTEGER,
    answer TEXT,
    outcome TEXT NOT NULL
);
CREATE INDEX exchanges_by_payout ON exchanges (payout_id, id);
";

/// Sets up a connection that only reads.
pub(super) fn prepare_reader(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(())
}

/// Sets the writer connection up and creates or migrates the tables.
pub(super) fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Checkpoints are run by the writer when it is idle (see `writer_loop`), not inside a
    // commit that a create is waiting for.
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    // Decide and migrate under the write lock, so two processes opening a new file at once do
    // not both create the tables.
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let migrated = (|| {
        if version < 1 {
            conn.execute_batch(V1)?;
        }
        if version < 2 {
            conn.execute_batch(V2)?;
        }
        if version < VERSION {
            conn.execute_batch(&format!("PRAGMA user_version = {VERSION};"))?;
        }
        Ok(())
    })();
    match migrated {
        Ok(()) => conn.execute_batch("COMMIT"),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

//! The journal's tables and connection settings, versioned with `PRAGMA user_version`.
//!
//! WAL mode. The writer commits with `synchronous=NORMAL` (safe against a process crash) and
//! an intent is answered only after its own thread has forced the WAL to disk, which is what lets
//! an intent be trusted after a power cut (see `sync_loop`). Other writes ride on the next
//! flush; a power cut can lose them, and reconciling the intent repairs that. If the WAL file
//! cannot be opened for flushing, batches holding an intent are committed with FULL instead.
//! `busy_timeout` lets the desktop app and the CLI share a file.

use rusqlite::Connection;

const VERSION: i64 = 10;

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
-- The watcher's reads (open statuses; COMPLETED within the late-rejection window), the hold
-- board's order, and the list filtered by an open status. The other filters (final statuses,
-- country) walk payouts_by_scope_time newest first and stop at a full page: each index costs
-- every create a write, and creates are what must stay fast (hence also no entry for intents,
-- which have no status yet).
CREATE INDEX payouts_by_status_since ON payouts (scope, status, status_since)
    WHERE status IS NOT NULL;
-- Text search: substrings of external_id and beneficiary through a trigram index, so a search
-- that matches nothing does not read every payout. Indexing a row costs more than the rest of a
-- create together, so it is kept off that path: new payouts are simply those above the
-- search_state watermark, rows whose text changed are queued in search_pending, and the writer
-- indexes both when idle (`index_pending`). Searches read that (short) tail directly, so a
-- payout is findable at once.
CREATE VIRTUAL TABLE payouts_text USING fts5 (haystack, tokenize = 'trigram');
CREATE TABLE search_state (indexed_through INTEGER NOT NULL);
INSERT INTO search_state (indexed_through) VALUES (0);
CREATE TABLE search_pending (id INTEGER PRIMARY KEY);
CREATE TRIGGER search_queue_update AFTER UPDATE OF external_id, beneficiary ON payouts
    WHEN (old.external_id IS NOT new.external_id OR old.beneficiary IS NOT new.beneficiary)
        AND new.id <= (SELECT indexed_through FROM search_state) BEGIN
    INSERT OR IGNORE INTO search_pending (id) VALUES (new.id);
END;
-- A deleted last row lets SQLite give its id to the next payout: index from there again.
CREATE TRIGGER search_queue_delete AFTER DELETE ON payouts BEGIN
    DELETE FROM payouts_text WHERE rowid = old.id;
    DELETE FROM search_pending WHERE id = old.id;
    UPDATE search_state
        SET indexed_through = min(indexed_through, (SELECT coalesce(max(id), 0) FROM payouts));
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

/// Version 3: creates that may exist are never "not sent" on one negative lookup.
/// - `sent_not_found`: sent (or maybe sent), looked up, not found yet; `lookups` counts those
///   lookups for their back-off, `last_sent_at` starts its window. Earlier versions marked
///   `not_sent` after a negative lookup, and after a refused connection on a *resend* whose
///   first send may have landed; a row cannot be told apart from a genuinely unsent one, so
///   every `not_sent` row becomes `sent_not_found` and is looked up again. A `declined` row
///   whose history holds an unknown send may exist too (the refusal was of a resend).
/// - `status_code`: the provider's `cashout_status` number, kept for numbers this program does
///   not know (status `UNKNOWN`).
/// - `migrations_done`: journals merged into this one from an older data directory, so a merge
///   is never done twice.
const V3: &str = "
ALTER TABLE payouts ADD COLUMN status_code INTEGER;
ALTER TABLE payouts ADD COLUMN lookups INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payouts ADD COLUMN last_sent_at TEXT;
UPDATE payouts SET status_code = CASE status WHEN 'PENDING' THEN 0 WHEN 'COMPLETED' THEN 1
    WHEN 'CANCELLED' THEN 2 WHEN 'REJECTED' THEN 3 WHEN 'DELIVERED' THEN 4 WHEN 'ON_HOLD' THEN 5 END;
UPDATE payouts SET phase = 'sent_not_found' WHERE phase = 'not_sent';
UPDATE payouts SET phase = 'sent_not_found', status = NULL, api_code = NULL
    WHERE phase = 'declined' AND coalesce(api_code, 0) <> 511
      AND EXISTS (SELECT 1 FROM history h WHERE h.payout_id = payouts.id AND h.event = 'unknown');
DROP INDEX payouts_open;
CREATE INDEX payouts_open ON payouts (scope, id)
    WHERE phase IN ('intent', 'unknown', 'sent_not_found');
CREATE TABLE migrations_done (source TEXT PRIMARY KEY, at TEXT NOT NULL, detail TEXT);
";

/// Version 4: send claims (see [`super::super::store`]): who is sending an open create, with
/// which token and until when, so that two processes never send the same intent at once and a
/// process that died mid-send leaves a claim that is settled by lookup. `claim_pid` is the
/// holder's process id: every process sharing the file runs on this machine, so a claim whose
/// process is gone is over at once, without waiting for its lease (see `holder_gone`).
const V4: &str = "
ALTER TABLE payouts ADD COLUMN claim_token TEXT;
ALTER TABLE payouts ADD COLUMN claimed_by TEXT;
ALTER TABLE payouts ADD COLUMN lease_until TEXT;
ALTER TABLE payouts ADD COLUMN claim_pid INTEGER;
";

/// Version 5: the status poll each payout is claimed for (see
/// [`super::super::store::JournalStore::claim_poll`]), so the app and the CLI watching one
/// file do not both poll a payout in one round.
const V5: &str = "ALTER TABLE payouts ADD COLUMN poll_until TEXT;";

/// Version 6: the next free request slot of each scope's rate cap (see
/// [`super::super::store::JournalStore::take_request_slot`]), so the app and a `cashout watch`
/// on one file keep one cap between them.
const V6: &str = "CREATE TABLE rate_slots (scope TEXT PRIMARY KEY, next_at TEXT NOT NULL);";

/// Version 7: the list's sorts and a search as people type (see [`super::super::keys`]).
/// - `search_text`: what a payout is found by (folded: case, accents and separators ignored);
///   the text index now holds it, so the index is emptied here and filled again from it.
/// - `amount_key`, `name_key`: sort keys of the amount (by currency, then exact value) and of
///   the beneficiary's folded name.
/// - An index per sort key (with the id that breaks ties), so an unfiltered page in any order
///   is read off an index, never sorted from every payout.
const V7: &str = "
ALTER TABLE payouts ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE payouts ADD COLUMN amount_key TEXT NOT NULL DEFAULT '';
ALTER TABLE payouts ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX payouts_by_amount ON payouts (scope, amount_key, id);
CREATE INDEX payouts_by_name ON payouts (scope, name_key, id);
CREATE INDEX payouts_by_status ON payouts (scope, status, id);
-- Amounts sort by currency first: one country's payouts sit in one stretch of that order.
CREATE INDEX payouts_by_country_amount ON payouts (scope, country, amount_key, id);
DROP TRIGGER search_queue_update;
CREATE TRIGGER search_queue_update AFTER UPDATE OF search_text ON payouts
    WHEN old.search_text IS NOT new.search_text
        AND new.id <= (SELECT indexed_through FROM search_state) BEGIN
    INSERT OR IGNORE INTO search_pending (id) VALUES (new.id);
END;
DELETE FROM payouts_text;
DELETE FROM search_pending;
UPDATE search_state SET indexed_through = 0;
";

/// Version 8: saved beneficiaries (see [`crate::beneficiaries`]), per environment and label;
/// and which payout corrects which (a payout is corrected at most once, and never sent again
/// once it is).
const V8: &str = "
CREATE TABLE corrections (
    scope TEXT NOT NULL,
    corrected TEXT NOT NULL,
    corrected_by TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (scope, corrected)
);
CREATE TABLE beneficiaries (
    scope TEXT NOT NULL,
    label TEXT NOT NULL,
    details_json TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    PRIMARY KEY (scope, label)
);
";

/// Version 9: batches (see [`crate::batch::records`]). A batch's rows that are sent are payouts
/// like any other (phase `queued` until their send starts), linked from `batch_rows`.
const V9: &str = "
CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_format TEXT NOT NULL,
    separator TEXT,
    decimal_style TEXT NOT NULL,
    operator TEXT NOT NULL,
    headers_json TEXT NOT NULL,
    totals_json TEXT NOT NULL,
    rows_total INTEGER NOT NULL,
    state TEXT NOT NULL,
    rate_per_minute INTEGER NOT NULL,
    sender TEXT,
    lease_until TEXT,
    -- The sending process (this machine's): a sender killed mid-batch frees it at once.
    sender_pid INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX batches_by_file ON batches (scope, file_sha256);
CREATE INDEX batches_by_time ON batches (scope, created_at DESC);
CREATE TABLE batch_rows (
    batch_id TEXT NOT NULL REFERENCES batches (id),
    row_no INTEGER NOT NULL,
    cells_json TEXT NOT NULL,
    payout_id INTEGER REFERENCES payouts (id),
    PRIMARY KEY (batch_id, row_no)
);
CREATE INDEX batch_rows_by_payout ON batch_rows (payout_id) WHERE payout_id IS NOT NULL;
";

/// Version 10: the overview's covering index. It holds every column the overview reads
/// ([`crate::journal::JournalStore::overview_rows`]), so 100,000 payouts are added up from the
/// index alone, without visiting each row's wide record (request, search text).
const V10: &str = "
CREATE INDEX payouts_overview ON payouts
    (scope, created_at, status, phase, currency, amount, rejection_code, status_since);
";

/// Version 7's keys for every payout there is, computed by [`super::super::keys`] (they are
/// rules of this program, not of SQL), then the text index filled from them.
fn compute_keys(conn: &Connection) -> rusqlite::Result<()> {
    use super::super::keys;
    // (id, search_text, amount_key, name_key), computed while reading.
    let computed: Vec<(i64, String, String, String)> = {
        let mut stmt = conn.prepare(
            "SELECT id, external_id, beneficiary, request_json, currency, amount FROM payouts",
        )?;
        let rows = stmt.query_map([], |r| {
            let beneficiary: Option<String> = r.get(2)?;
            let request = r
                .get::<_, Option<String>>(3)?
                .and_then(|j| serde_json::from_str(&j).ok());
            Ok((
                r.get(0)?,
                keys::search_text(
                    r.get::<_, Option<String>>(1)?.as_deref(),
                    beneficiary.as_deref(),
                    request.as_ref(),
                ),
                keys::amount_key(
                    r.get::<_, Option<String>>(4)?.as_deref(),
                    r.get::<_, Option<String>>(5)?.as_deref(),
                ),
                keys::name_key(beneficiary.as_deref()),
            ))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut update = conn.prepare(
        "UPDATE payouts SET search_text = ?2, amount_key = ?3, name_key = ?4 WHERE id = ?1",
    )?;
    for (id, search, amount, name) in computed {
        update.execute(rusqlite::params![id, search, amount, name])?;
    }
    while index_pending(conn, 10_000)? > 0 {}
    Ok(())
}

/// Version 3 computes the duplicate guard's digest from what moves money only (see
/// [`super::super::content_hash`]): the digests of the payouts the guard can still see (the last two
/// days, with their stored request) are computed again, so a payout made just before the
/// upgrade still counts.
fn rehash_recent(conn: &Connection) -> rusqlite::Result<()> {
    let since = crate::clock::format_instant(
        time::OffsetDateTime::now_utc() - std::time::Duration::from_secs(2 * 86_400),
    );
    let rows: Vec<(i64, String)> = {
        let mut stmt = conn.prepare(
            "SELECT id, request_json FROM payouts WHERE request_json IS NOT NULL AND created_at >= ?1",
        )?;
        let rows = stmt.query_map([since], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, json) in rows {
        if let Ok(request) = serde_json::from_str(&json) {
            conn.execute(
                "UPDATE payouts SET content_hash = ?2 WHERE id = ?1",
                rusqlite::params![id, super::super::content_hash(&request)],
            )?;
        }
    }
    Ok(())
}

/// Moves up to `limit` payouts into the text index (the newest not indexed yet, and those
/// whose text changed), in the caller's transaction.
pub(super) fn index_pending(conn: &Connection, limit: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS search_batch (id INTEGER PRIMARY KEY)",
        [],
    )?;
    conn.execute("DELETE FROM temp.search_batch", [])?;
    let new = conn.execute(
        "INSERT INTO temp.search_batch (id) SELECT id FROM payouts
         WHERE id > (SELECT indexed_through FROM search_state) ORDER BY id LIMIT ?1",
        [limit],
    )?;
    let changed = conn.execute(
        "INSERT OR IGNORE INTO temp.search_batch (id) SELECT id FROM search_pending LIMIT ?1",
        [limit],
    )?;
    if new + changed == 0 {
        return Ok(0);
    }
    // Delete first: a row may be indexed already (its text changed, or its id was reused).
    conn.execute_batch(
        "DELETE FROM payouts_text WHERE rowid IN (SELECT id FROM temp.search_batch);
         INSERT INTO payouts_text (rowid, haystack)
             SELECT p.id, p.search_text
             FROM temp.search_batch b CROSS JOIN payouts p ON p.id = b.id;
         DELETE FROM search_pending WHERE id IN (SELECT id FROM temp.search_batch);",
    )?;
    if new > 0 {
        conn.execute(
            "UPDATE search_state SET indexed_through = (
                 SELECT max(id) FROM (SELECT id FROM payouts
                     WHERE id > (SELECT indexed_through FROM search_state) ORDER BY id LIMIT ?1))",
            [limit],
        )?;
    }
    Ok(new + changed)
}

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
        if version < 3 {
            conn.execute_batch(V3)?;
            rehash_recent(conn)?;
        }
        if version < 4 {
            conn.execute_batch(V4)?;
        }
        if version < 5 {
            conn.execute_batch(V5)?;
        }
        if version < 6 {
            conn.execute_batch(V6)?;
        }
        if version < 7 {
            conn.execute_batch(V7)?;
            compute_keys(conn)?;
        }
        if version < 8 {
            conn.execute_batch(V8)?;
        }
        if version < 9 {
            conn.execute_batch(V9)?;
        }
        if version < 10 {
            conn.execute_batch(V10)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_2_journal_reopens_every_not_sent_create_and_declines_after_an_unknown_send() {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = Connection::open(dir.path().join("j.sqlite3")).expect("open");
        conn.execute_batch(V1).expect("v1");
        conn.execute_batch(V2).expect("v2");
        conn.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO payouts (id, scope, base_url, external_id, origin, phase, created_at,
                 updated_at, last_error)
             VALUES (1, 'sandbox', 'u', 'a', 'desk', 'not_sent', 't', 't',
                     'not delivered: connection refused'),
                    (2, 'sandbox', 'u', 'b', 'desk', 'not_sent', 't', 't',
                     'provider has no cashout with this external_id');
             INSERT INTO payouts (id, scope, base_url, external_id, origin, phase, status,
                 api_code, created_at, updated_at)
             VALUES (3, 'sandbox', 'u', 'c', 'desk', 'declined', 'DECLINED', 300, 't', 't'),
                    (4, 'sandbox', 'u', 'd', 'desk', 'declined', 'DECLINED', 514, 't', 't');
             INSERT INTO history (payout_id, at, event) VALUES (3, 't', 'unknown');",
        )
        .expect("v2 rows");
        prepare(&conn).expect("migrated");
        let phases: Vec<String> = conn
            .prepare("SELECT phase FROM payouts ORDER BY id")
            .expect("stmt")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("phases");
        // Even the "not delivered" one: an earlier version wrote that after a resend whose
        // first send may have landed, and the two cannot be told apart.
        assert_eq!(
            phases,
            [
                "sent_not_found",
                "sent_not_found",
                "sent_not_found",
                "declined"
            ]
        );
    }

    #[test]
    fn a_version_6_journal_gets_its_list_keys_and_a_folded_text_index() {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = Connection::open(dir.path().join("j.sqlite3")).expect("open");
        for v in [V1, V2, V3, V4, V5, V6] {
            conn.execute_batch(v).expect("old version");
        }
        conn.execute_batch(
            r#"PRAGMA user_version = 6;
             INSERT INTO payouts (id, scope, base_url, external_id, origin, phase, request_json,
                 currency, amount, beneficiary, created_at, updated_at)
             VALUES (1, 's', 'u', 'old-1', 'desk', 'created',
                 '{"external_id":"old-1","country":"BR","document_id":"390.533.447-05","beneficiary_name":"María Núñez","notification_url":"https://x.example/n"}',
                 'BRL', '1234.50', 'María Núñez', 't', 't');"#,
        )
        .expect("v6 rows");
        prepare(&conn).expect("migrated");
        let (search, amount, name): (String, String, String) = conn
            .query_row(
                "SELECT search_text, amount_key, name_key FROM payouts WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("keys");
        assert!(
            search.contains("maria nunez") && search.contains("39053344705"),
            "{search:?}"
        );
        assert!(
            amount.starts_with("BRL 0") && amount.contains("1234.50"),
            "{amount:?}"
        );
        assert_eq!(name, "maria nunez");
        let indexed: i64 = conn
            .query_row(
                "SELECT count(*) FROM payouts_text WHERE payouts_text MATCH '\"maria nu\"'",
                [],
                |r| r.get(0),
            )
            .expect("match");
        assert_eq!(indexed, 1, "the text index holds the folded text");
    }
}

//! What is read back from the journal: one record, the records the watcher and reconcile
//! need, lists and consistent snapshots (exports), the exchanges of a payout, and the audit
//! chain (read, appended, verified).
//!
//! Guarantees: reads go through the shared reader connection, except long ones (an export of
//! the whole journal or audit log), which take a connection of their own so the list, the
//! detail and the watcher never wait behind them; a snapshot is one read transaction, so rows
//! and their histories agree. Left out: the create protocol's writes (in `mod.rs`).

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::*;
use super::search::*;
use super::{schema, SqliteStore, LONG_READ};
use crate::api::types::{CashoutId, Exchange};
use crate::audit::{AuditEntry, AuditEvent, AuditFilter, AuditVerdict};
use crate::error::Result;
use crate::journal::{HistoryEntry, ListFilter, PayoutRecord, Phase};
use crate::status::CashoutStatus;

impl SqliteStore {
    /// The record with this id, with its stored request (what the view of one payout needs to
    /// name the form's fields).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn get(&self, id: i64) -> Result<Option<PayoutRecord>> {
        let conn = self.reader()?;
        Ok(query_row(
            &conn,
            &format!("{SELECT} WHERE id = ?1"),
            params![id],
            record_from_row,
        )
        .optional()?)
    }

    /// A record of `scope` by provider id or external id (the id wins when both are given).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn find(
        &self,
        scope: &str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Result<Option<PayoutRecord>> {
        find_in(&*self.reader()?, scope, cashout_id, external_id)
    }

    /// Records of `scope` the watcher polls: PENDING, ON_HOLD, DELIVERED and UNKNOWN, and COMPLETED
    /// since `completed_since` (late rejections). Summaries, without the stored request.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn watchable(&self, scope: &str, completed_since: &str) -> Result<Vec<PayoutRecord>> {
        let conn = self.reader()?;
        // Two index ranges: the open statuses, and COMPLETED since the window start (most
        // payouts are COMPLETED, and older ones must not be read at all).
        let mut stmt = conn.prepare_cached(&format!(
            "{SELECT_SUMMARY} WHERE scope = ?1 AND status IN ('PENDING', 'ON_HOLD', 'DELIVERED', 'UNKNOWN')
             UNION ALL
             {SELECT_SUMMARY} WHERE scope = ?1 AND status = 'COMPLETED' AND status_since >= ?2"
        ))?;
        let rows = stmt.query_map(params![scope, completed_since], record_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// See [`crate::journal::JournalStore::overview_rows`]. The period's rows come from the
    /// `(scope, created_at)` index and the open ones from `(scope, status)`; an open payout
    /// created in the period is read once, by the first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn overview_rows(
        &self,
        scope: &str,
        from: &str,
        before: &str,
        each: &mut dyn FnMut(&crate::journal::OverviewRow<'_>),
    ) -> Result<()> {
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(
            // Each column only where the overview reads it (the code of a rejection): 100,000
            // rows are handed over one by one, and every value handed over costs. The phase
            // always: a status this program cannot read falls back on it.
            "SELECT status, phase, currency, amount, created_at,
                    CASE WHEN status IN ('COMPLETED', 'ON_HOLD') THEN status_since END,
                    CASE WHEN status = 'REJECTED' THEN rejection_code END,
                    -- CASE, not AND: SQLite would run the lookup for every row.
                    CASE WHEN status = 'REJECTED' THEN EXISTS (SELECT 1 FROM history h
                        WHERE h.payout_id = payouts.id AND h.status = 'COMPLETED') END
             FROM payouts WHERE scope = ?1 AND created_at >= ?2 AND created_at < ?3
             UNION ALL
             SELECT status, phase, currency, amount, created_at,
                    CASE WHEN status IN ('COMPLETED', 'ON_HOLD') THEN status_since END, NULL, NULL
             -- The open statuses' own index: without it the planner walks the whole scope.
             FROM payouts INDEXED BY payouts_by_status
             WHERE scope = ?1 AND status IN ('PENDING', 'DELIVERED', 'ON_HOLD')
               AND NOT (created_at >= ?2 AND created_at < ?3)",
        )?;
        let mut rows = stmt.query(params![scope, from, before])?;
        // Each row is read in place (text borrowed from SQLite's buffers), handed over, gone.
        fn text(v: rusqlite::types::ValueRef<'_>) -> Option<&str> {
            v.as_str_or_null().ok().flatten()
        }
        while let Some(row) = rows.next()? {
            let status = text(row.get_ref(0)?);
            let known = status.and_then(CashoutStatus::from_name);
            // The phase matters only without a status this program reads (the overview files
            // those by their create phase): read only then.
            let phase = if known.is_some() {
                Phase::Created
            } else {
                text(row.get_ref(1)?).map_or(Phase::Created, Phase::parse)
            };
            let rejected = status == Some("REJECTED");
            // The first branch's condition, on the same bytes SQLite compared (text that is
            // not UTF-8 still compares, and is still in the period).
            let created = match row.get_ref(4)? {
                rusqlite::types::ValueRef::Text(b) => b,
                _ => b"",
            };
            let in_period = created >= from.as_bytes() && created < before.as_bytes();
            let created_at = std::str::from_utf8(created).unwrap_or("");
            each(&crate::journal::OverviewRow {
                status: known,
                phase,
                currency: text(row.get_ref(2)?),
                amount: text(row.get_ref(3)?),
                created_at,
                status_since: text(row.get_ref(5)?),
                rejection_code: if rejected { row.get(6)? } else { None },
                late: rejected && row.get::<_, Option<bool>>(7)?.unwrap_or(false),
                in_period,
            });
        }
        Ok(())
    }

    /// Records of `scope` whose create may exist unconfirmed ([`Phase::may_exist_unconfirmed`])
    /// and that were last touched at or before `before` (younger ones may still be in flight
    /// in another process), oldest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn unresolved(&self, scope: &str, before: &str) -> Result<Vec<PayoutRecord>> {
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {SELECT_COLUMNS}, lease_until, claim_pid FROM payouts
             WHERE scope = ?1 AND phase IN ('intent', 'unknown', 'sent_not_found')
               AND updated_at <= ?2 ORDER BY id"
        ))?;
        let now = self.now();
        let rows = stmt.query_map(params![scope, before], |r| {
            Ok((
                record_from_row(r)?,
                r.get::<_, Option<String>>(27)?,
                r.get::<_, Option<i64>>(28)?,
            ))
        })?;
        let mut open = Vec::new();
        for row in rows {
            let (record, lease_until, pid) = row?;
            // A live claim belongs to a process sending it now, unless that process is gone.
            let claimed = lease_until.is_some_and(|u| u > now)
                && !pid.is_some_and(super::claims::holder_gone);
            if !claimed {
                open.push(record);
            }
        }
        Ok(open)
    }

    /// Records matching `filter`, newest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<PayoutRecord>> {
        read_snapshot(&*self.reader()?, |conn| list_in(conn, filter))
    }

    /// Every record matching `filter` (its limit and offset ignored), newest first, with its
    /// history, read as one consistent snapshot: payouts created or moved while it reads do
    /// not appear twice or go missing, and each row agrees with its history.
    ///
    /// It reads through a connection of its own, not the shared reader: an export of 100,000
    /// payouts takes seconds, and the list, the detail and the watcher must not wait for it.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn snapshot(
        &self,
        filter: &ListFilter,
        with_history: bool,
    ) -> Result<Vec<(PayoutRecord, Vec<HistoryEntry>)>> {
        const PAGE: u32 = 1000;
        let own = Connection::open(&self.path)?;
        schema::prepare_reader(&own)?;
        read_snapshot(&own, |conn| {
            let mut page_filter = ListFilter {
                limit: PAGE,
                offset: 0,
                ..filter.clone()
            };
            let mut all = Vec::new();
            loop {
                let page = list_in(conn, &page_filter)?;
                let done = page.len() < PAGE as usize;
                for r in page {
                    let history = if with_history {
                        history_in(conn, r.id)?
                    } else {
                        Vec::new()
                    };
                    all.push((r, history));
                }
                if done {
                    return Ok(all);
                }
                page_filter.offset += PAGE;
            }
        })
    }

    /// The exchanges kept for record `id`, oldest first: those written, then those still
    /// waiting for the writer's quiet moment.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn kept_exchanges(&self, id: i64) -> Result<Vec<(String, Exchange)>> {
        // Held while the file is read: the writer empties it only once its copy is committed,
        // so each exchange is read from exactly one of the two.
        let buffer = self.waiting();
        let waiting: Vec<(String, Exchange)> = buffer
            .iter()
            .filter(|(p, _, _)| *p == id)
            .map(|(_, at, e)| (at.clone(), e.clone()))
            .collect();
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(
            "SELECT at, method, path, body, signature, http_status, answer, outcome
             FROM exchanges WHERE payout_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Exchange {
                    method: r.get(1)?,
                    path: r.get(2)?,
                    body: r.get(3)?,
                    signature: r.get(4)?,
                    http_status: r.get(5)?,
                    answer: r.get(6)?,
                    outcome: r.get(7)?,
                },
            ))
        })?;
        let mut all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        drop(buffer);
        all.extend(waiting);
        Ok(all)
    }

    /// Appends an entry to the audit chain (see [`crate::audit`]) and returns it as stored.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn append_audit(&self, event: AuditEvent) -> Result<AuditEntry> {
        let now = self.now();
        self.write(false, move |tx| insert_audit(tx, &now, event))
            .await
    }

    /// Audit entries matching `filter`, newest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let mut sql = format!("{SELECT_AUDIT} WHERE 1 = 1");
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(env) = &filter.environment {
            args.push(Box::new(env.clone()));
            sql.push_str(&format!(" AND environment = ?{}", args.len()));
        }
        if let Some(action) = filter.action {
            args.push(Box::new(action.name()));
            sql.push_str(&format!(" AND action = ?{}", args.len()));
        }
        if let Some(text) = filter.text.as_deref().filter(|t| !t.is_empty()) {
            args.push(Box::new(like_pattern(text)));
            let n = args.len();
            sql.push_str(&format!(
                " AND (external_id LIKE ?{n} ESCAPE '\\' OR CAST(cashout_id AS TEXT) LIKE ?{n} ESCAPE '\\'
                   OR os_user LIKE ?{n} ESCAPE '\\' OR detail LIKE ?{n} ESCAPE '\\')"
            ));
        }
        let limit = if filter.limit == 0 { 200 } else { filter.limit };
        sql.push_str(&format!(
            " ORDER BY seq DESC LIMIT {limit} OFFSET {}",
            filter.offset
        ));
        if limit > LONG_READ {
            // An export of the whole log: on a connection of its own, so the list and the
            // watcher never wait for it (see [`Journal::snapshot`]).
            let own = Connection::open(&self.path)?;
            schema::prepare_reader(&own)?;
            return query_all(&own, &sql, &args, audit_from_row);
        }
        query_all(&*self.reader()?, &sql, &args, audit_from_row)
    }

    /// Checks the whole audit chain, in storage order.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn verify_audit(&self) -> Result<AuditVerdict> {
        let conn = self.reader()?;
        let mut stmt = conn.prepare_cached(&format!("{SELECT_AUDIT} ORDER BY seq"))?;
        let rows = stmt.query_map([], audit_from_row)?;
        let entries = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(crate::audit::verify(&entries))
    }

    /// A record's history, oldest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        history_in(&*self.reader()?, id)
    }
}

//! What is read back from the team journal: one record, the records the watcher and
//! reconcile need, lists, consistent snapshots (exports), a payout's history and exchanges,
//! and the audit chain (read and verified) — the embedded journal's reads, with the same
//! answers (the conformance suite checks it).
//!
//! Guarantees: a snapshot and a chain verification each read one REPEATABLE READ snapshot, so
//! rows and their histories agree and a concurrent append is not taken for a break; text
//! search is literal (`%` and `_` match themselves) and case-insensitive.

use tokio_postgres::types::ToSql;
use tokio_postgres::IsolationLevel;

use super::rows::{audit_from_row, history_from_row, record_from_row};
use super::rows::{AUDIT_COLUMNS, COLUMNS, SUMMARY_COLUMNS};
use super::{pg_error, pool_error, PgStore};
use crate::api::types::{CashoutId, Exchange};
use crate::audit::{AuditEntry, AuditFilter, AuditVerdict};
use crate::error::Result;
use crate::journal::{keys, HistoryEntry, ListFilter, PayoutRecord, Phase, SortKey};
use crate::status::CashoutStatus;

type Params = Vec<Box<dyn ToSql + Sync + Send>>;

impl PgStore {
    pub(super) fn read_one(&self, id: i64) -> Result<Option<PayoutRecord>> {
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            Ok(client
                .query_opt(
                    &format!("SELECT {COLUMNS} FROM cashout.payouts WHERE id = $1"),
                    &[&id],
                )
                .await
                .map_err(pg_error)?
                .map(|r| record_from_row(&r)))
        })
    }

    pub(super) fn read_find(
        &self,
        scope: &str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Result<Option<PayoutRecord>> {
        let (scope, external_id) = (scope.to_owned(), external_id.map(str::to_owned));
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            if let Some(id) = cashout_id {
                let found = client
                    .query_opt(
                        &format!(
                            "SELECT {COLUMNS} FROM cashout.payouts WHERE scope = $1 AND cashout_id = $2"
                        ),
                        &[&scope, &id.0],
                    )
                    .await
                    .map_err(pg_error)?;
                if let Some(row) = found {
                    return Ok(Some(record_from_row(&row)));
                }
            }
            let Some(x) = external_id else {
                return Ok(None);
            };
            Ok(client
                .query_opt(
                    &format!(
                        "SELECT {COLUMNS} FROM cashout.payouts WHERE scope = $1 AND external_id = $2"
                    ),
                    &[&scope, &x],
                )
                .await
                .map_err(pg_error)?
                .map(|r| record_from_row(&r)))
        })
    }

    pub(super) fn read_find_external_ids(
        &self,
        scope: &str,
        external_ids: &[String],
    ) -> Result<std::collections::HashMap<String, PayoutRecord>> {
        let (scope, ids) = (scope.to_owned(), external_ids.to_vec());
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            Ok(client
                .query(
                    &format!(
                        "SELECT {COLUMNS} FROM cashout.payouts
                         WHERE scope = $1 AND external_id = ANY($2)"
                    ),
                    &[&scope, &ids],
                )
                .await
                .map_err(pg_error)?
                .iter()
                .map(record_from_row)
                .filter_map(|r| Some((r.external_id.clone()?, r)))
                .collect())
        })
    }

    pub(super) fn read_watchable(
        &self,
        scope: &str,
        completed_since: &str,
    ) -> Result<Vec<PayoutRecord>> {
        let (scope, since) = (scope.to_owned(), completed_since.to_owned());
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    &format!(
                        "SELECT {SUMMARY_COLUMNS} FROM cashout.payouts
                         WHERE scope = $1 AND status IN ('PENDING', 'ON_HOLD', 'DELIVERED', 'UNKNOWN')
                         UNION ALL
                         SELECT {SUMMARY_COLUMNS} FROM cashout.payouts
                         WHERE scope = $1 AND status = 'COMPLETED' AND status_since >= $2"
                    ),
                    &[&scope, &since],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows.iter().map(record_from_row).collect())
        })
    }

    pub(super) fn read_overview_rows(
        &self,
        scope: &str,
        from: &str,
        before: &str,
        each: &mut dyn FnMut(&crate::journal::OverviewRow<'_>),
    ) -> Result<()> {
        // The period's payouts, and the ones open now however old.
        const OVERVIEW_SQL: &str = "SELECT status, phase, currency, amount, created_at,
                    CASE WHEN status IN ('COMPLETED', 'ON_HOLD') THEN status_since END, rejection_code,
                            CASE WHEN status = 'REJECTED' THEN EXISTS (SELECT 1 FROM cashout.history h
                                WHERE h.payout_id = p.id AND h.status = 'COMPLETED') ELSE false END AS late,
                            true AS in_period
                     FROM cashout.payouts p
                     WHERE scope = $1 AND created_at >= $2 AND created_at < $3
                     UNION ALL
                     SELECT status, phase, currency, amount, created_at,
                    CASE WHEN status IN ('COMPLETED', 'ON_HOLD') THEN status_since END, rejection_code,
                            false, false
                     FROM cashout.payouts p
                     WHERE scope = $1 AND status IN ('PENDING', 'DELIVERED', 'ON_HOLD')
                       AND NOT (created_at >= $2 AND created_at < $3)";

        /// What the I/O thread hands over: rows a chunk at a time, then how the read ended.
        enum Handed {
            Rows(Vec<tokio_postgres::Row>),
            Done(Result<()>),
        }
        const CHUNK: usize = 2048;
        let (scope, from, before) = (scope.to_owned(), from.to_owned(), before.to_owned());
        // Streamed, not collected: 100,000 payouts are never all held in memory at once. Two
        // chunks in flight at most, by credits the adding side gives back as it takes chunks
        // (the database's cursor waits meanwhile). A std channel: the caller may be a runtime's
        // thread, where tokio's blocking receive panics; the I/O thread awaits a credit and
        // never blocks. Credits close when the reading side is gone, so the I/O side stops.
        let (hand, handed) = std::sync::mpsc::channel::<Handed>();
        let credits = std::sync::Arc::new(tokio::sync::Semaphore::new(2));
        struct CloseOnDrop(std::sync::Arc<tokio::sync::Semaphore>);
        impl Drop for CloseOnDrop {
            fn drop(&mut self) {
                self.0.close();
            }
        }
        let reading = CloseOnDrop(std::sync::Arc::clone(&credits));
        // Hands `what` over (rows once a credit is free); false when the reader is gone.
        let give = move |what: Handed| {
            let (hand, credits) = (hand.clone(), std::sync::Arc::clone(&credits));
            async move {
                if matches!(what, Handed::Rows(_)) {
                    match credits.acquire().await {
                        Ok(credit) => credit.forget(),
                        Err(_) => return false,
                    }
                }
                hand.send(what).is_ok()
            }
        };
        self.io.detach(move |pool| async move {
            let read = async {
                let client = pool.get().await.map_err(pool_error)?;
                let params: [&(dyn tokio_postgres::types::ToSql + Sync); 3] =
                    [&scope, &from, &before];
                let stream = client
                    .query_raw(OVERVIEW_SQL, params)
                    .await
                    .map_err(pg_error)?;
                let mut stream = std::pin::pin!(stream);
                let mut chunk = Vec::with_capacity(CHUNK);
                while let Some(row) =
                    std::future::poll_fn(|cx| futures_core::Stream::poll_next(stream.as_mut(), cx))
                        .await
                {
                    chunk.push(row.map_err(pg_error)?);
                    if chunk.len() == CHUNK && !give(Handed::Rows(std::mem::take(&mut chunk))).await
                    {
                        return Ok(()); // the reader is gone
                    }
                }
                if !chunk.is_empty() {
                    give(Handed::Rows(chunk)).await;
                }
                Ok(())
            };
            let done = read.await;
            give(Handed::Done(done)).await;
            Ok(())
        });
        loop {
            let rows = match handed.recv() {
                Ok(Handed::Rows(rows)) => rows,
                Ok(Handed::Done(result)) => return result,
                // Never ran, or stopped midway: not an empty journal.
                Err(_) => {
                    return Err(crate::error::Error::TeamJournal(
                        "the team journal's I/O stopped while reading the overview".into(),
                    ))
                }
            };
            // The chunk is taken: the I/O side may read the next.
            reading.0.add_permits(1);
            for row in &rows {
                let status: Option<&str> = row.get(0);
                each(&crate::journal::OverviewRow {
                    status: status.and_then(CashoutStatus::from_name),
                    phase: Phase::parse(row.get::<_, &str>(1)),
                    currency: row.get(2),
                    amount: row.get(3),
                    created_at: row.get(4),
                    status_since: row.get(5),
                    rejection_code: row.get(6),
                    late: row.get::<_, Option<bool>>(7).unwrap_or(false),
                    in_period: row.get(8),
                });
            }
        }
    }

    pub(super) fn read_unresolved(&self, scope: &str, before: &str) -> Result<Vec<PayoutRecord>> {
        let (scope, before, now) = (scope.to_owned(), before.to_owned(), self.now());
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    &format!(
                        "SELECT {COLUMNS} FROM cashout.payouts
                         WHERE scope = $1 AND phase IN ('intent', 'unknown', 'sent_not_found')
                           AND updated_at <= $2 AND (lease_until IS NULL OR lease_until <= $3)
                         ORDER BY id"
                    ),
                    &[&scope, &before, &now],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows.iter().map(record_from_row).collect())
        })
    }

    pub(super) fn read_list(&self, filter: &ListFilter) -> Result<Vec<PayoutRecord>> {
        let filter = filter.clone();
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let limit = if filter.limit == 0 { 100 } else { filter.limit };
            let terms = text_of(&filter);
            // Walking in order and testing each row suits the time order, where a common text
            // fills a page at once. In another order a text's matches may sit far along the
            // key's index (a name, a currency), so its candidates come from the trigram index
            // and are sorted.
            let walk = filter.sort == SortKey::Created
                && !terms.is_empty()
                && common_text(&client, &filter, &terms).await?;
            let (sql, params) =
                list_query(&filter, i64::from(limit), i64::from(filter.offset), walk);
            let refs: Vec<&(dyn ToSql + Sync)> =
                params.iter().map(|p| &**p as &(dyn ToSql + Sync)).collect();
            if !walk {
                let rows = client.query(&sql, &refs).await.map_err(pg_error)?;
                return Ok(rows.iter().map(record_from_row).collect());
            }
            // Walking is chosen here on purpose (the text is common: a page fills at once);
            // the planner, which cannot know how common a substring is, would rather read every
            // payout and sort them. Within this read only, it is told not to.
            let mut client = client;
            let tx = client
                .build_transaction()
                .read_only(true)
                .start()
                .await
                .map_err(pg_error)?;
            tx.batch_execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
                .await
                .map_err(pg_error)?;
            let rows = tx.query(&sql, &refs).await.map_err(pg_error)?;
            tx.commit().await.map_err(pg_error)?;
            Ok(rows.iter().map(record_from_row).collect())
        })
    }

    pub(super) fn read_snapshot(
        &self,
        filter: &ListFilter,
        with_history: bool,
    ) -> Result<Vec<(PayoutRecord, Vec<HistoryEntry>)>> {
        const PAGE: i64 = 1000;
        let filter = filter.clone();
        self.io.run_blocking(move |pool| async move {
            let mut client = pool.get().await.map_err(pool_error)?;
            let tx = client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .await
                .map_err(pg_error)?;
            let mut all = Vec::new();
            let mut offset = 0;
            loop {
                let (sql, params) = list_query(&filter, PAGE, offset, false);
                let refs: Vec<&(dyn ToSql + Sync)> =
                    params.iter().map(|p| &**p as &(dyn ToSql + Sync)).collect();
                let page: Vec<PayoutRecord> = tx
                    .query(&sql, &refs)
                    .await
                    .map_err(pg_error)?
                    .iter()
                    .map(record_from_row)
                    .collect();
                let done = page.len() < PAGE as usize;
                let mut histories: std::collections::HashMap<i64, Vec<HistoryEntry>> =
                    std::collections::HashMap::new();
                if with_history && !page.is_empty() {
                    let ids: Vec<i64> = page.iter().map(|r| r.id).collect();
                    for row in tx
                        .query(
                            "SELECT at, event, status, detail, payout_id FROM cashout.history
                             WHERE payout_id = ANY($1) ORDER BY payout_id, id",
                            &[&ids],
                        )
                        .await
                        .map_err(pg_error)?
                    {
                        histories
                            .entry(row.get(4))
                            .or_default()
                            .push(history_from_row(&row));
                    }
                }
                for r in page {
                    let history = histories.remove(&r.id).unwrap_or_default();
                    all.push((r, history));
                }
                if done {
                    tx.commit().await.map_err(pg_error)?;
                    return Ok(all);
                }
                offset += PAGE;
            }
        })
    }

    pub(super) fn read_exchanges(&self, id: i64) -> Result<Vec<(String, Exchange)>> {
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    "SELECT at, method, path, body, signature, http_status, answer, outcome
                     FROM cashout.exchanges WHERE payout_id = $1 ORDER BY id",
                    &[&id],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows
                .iter()
                .map(|r| {
                    let status: Option<i32> = r.get(5);
                    (
                        r.get(0),
                        Exchange {
                            method: r.get(1),
                            path: r.get(2),
                            body: r.get(3),
                            signature: r.get(4),
                            http_status: status.and_then(|s| u16::try_from(s).ok()),
                            answer: r.get(6),
                            outcome: r.get(7),
                        },
                    )
                })
                .collect())
        })
    }

    pub(super) fn read_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    "SELECT at, event, status, detail FROM cashout.history WHERE payout_id = $1
                     ORDER BY id",
                    &[&id],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows.iter().map(history_from_row).collect())
        })
    }

    pub(super) fn read_audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let text = filter
            .text
            .as_deref()
            .filter(|t| !t.is_empty())
            .map(like_pattern);
        let limit = i64::from(if filter.limit == 0 { 200 } else { filter.limit });
        let (environment, action, offset) = (
            filter.environment.clone(),
            filter.action.map(|a| a.name()),
            i64::from(filter.offset),
        );
        self.io.run_blocking(move |pool| async move {
            let client = pool.get().await.map_err(pool_error)?;
            let rows = client
                .query(
                    &format!(
                        "SELECT {AUDIT_COLUMNS} FROM cashout.audit
                         WHERE ($1::text IS NULL OR environment = $1)
                           AND ($2::text IS NULL OR action = $2)
                           AND ($3::text IS NULL OR external_id LIKE $3 OR cashout_id::text LIKE $3
                                OR actor LIKE $3 OR detail LIKE $3)
                         ORDER BY seq DESC LIMIT $4 OFFSET $5"
                    ),
                    &[&environment, &action, &text, &limit, &offset],
                )
                .await
                .map_err(pg_error)?;
            Ok(rows.iter().map(audit_from_row).collect())
        })
    }

    /// Checks the whole chain in `seq` order, and that the head row names its last entry (an
    /// entry cut from the end with direct SQL leaves the head behind).
    pub(super) fn read_verify_audit(&self) -> Result<AuditVerdict> {
        self.io.run_blocking(|pool| async move {
            let mut client = pool.get().await.map_err(pool_error)?;
            // One snapshot for the entries and the head, so an append in between is no break.
            let tx = client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .await
                .map_err(pg_error)?;
            let rows = tx
                .query(
                    &format!("SELECT {AUDIT_COLUMNS} FROM cashout.audit ORDER BY seq"),
                    &[],
                )
                .await
                .map_err(pg_error)?;
            let head = tx
                .query_one("SELECT seq, hash FROM cashout.audit_head WHERE id = 1", &[])
                .await
                .map_err(pg_error)?;
            tx.commit().await.map_err(pg_error)?;
            let entries: Vec<AuditEntry> = rows.iter().map(audit_from_row).collect();
            let mut verdict = crate::audit::verify(&entries);
            let (head_seq, head_hash): (i64, String) = (head.get(0), head.get(1));
            let last = i64::try_from(verdict.entries).unwrap_or(i64::MAX);
            if verdict.intact && (head_seq != last || head_hash != verdict.head_hash) {
                verdict.intact = false;
                verdict.broken_at = Some(last + 1);
                verdict.problem = Some(format!(
                    "the chain's head names entry {head_seq}, but the last entry is {last}: \
                     entries were removed from the end"
                ));
            }
            Ok(verdict)
        })
    }
}

/// Up to this many matches, a text search reads the payouts the trigram index names and sorts
/// them; beyond, it walks the list newest first and stops at a full page (as the embedded
/// journal does).
const RARE_TEXT: i64 = 2000;

fn text_of(filter: &ListFilter) -> Vec<String> {
    keys::search_terms(filter.text.as_deref().unwrap_or(""))
}

/// Whether `terms` are too common (or too short for a trigram) for the index to be the quicker
/// way: the index is asked for at most [`RARE_TEXT`] + 1 candidates.
async fn common_text(
    client: &deadpool_postgres::Object,
    filter: &ListFilter,
    terms: &[String],
) -> Result<bool> {
    if terms.iter().any(|t| t.chars().count() < 3) {
        return Ok(true);
    }
    let patterns: Vec<String> = terms.iter().map(|t| like_pattern(t)).collect();
    let row = client
        .query_one(
            "SELECT count(*) FROM (SELECT 1 FROM cashout.payouts
                 WHERE ($1::text IS NULL OR scope = $1) AND search_text LIKE ANY($2)
                 LIMIT $3) AS candidates",
            &[&filter.scope, &patterns, &(RARE_TEXT + 1)],
        )
        .await
        .map_err(pg_error)?;
    Ok(row.get::<_, i64>(0) > RARE_TEXT)
}

/// The list's query for `filter`, a page of `limit` from `offset`, in the filter's order: the
/// same filters and order as the embedded journal's list (scope, status, phases, country,
/// creation period, and text found in the search keys, or equal to the cashout id). With
/// `walk`, the text is matched on each row while the list is walked in its order (a common text
/// fills a page at once); without, the trigram index names the candidates.
fn list_query(filter: &ListFilter, limit: i64, offset: i64, walk: bool) -> (String, Params) {
    let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM cashout.payouts WHERE true");
    let mut params: Params = Vec::new();
    let arg = |params: &mut Params, value: Box<dyn ToSql + Sync + Send>| {
        params.push(value);
        params.len()
    };
    if let Some(scope) = &filter.scope {
        let n = arg(&mut params, Box::new(scope.clone()));
        sql.push_str(&format!(" AND scope = ${n}"));
    }
    if let Some(status) = filter.status {
        let n = arg(&mut params, Box::new(CashoutStatus::name(status)));
        sql.push_str(&format!(" AND status = ${n}"));
    }
    if !filter.phases.is_empty() {
        let names: Vec<String> = filter
            .phases
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect();
        let n = arg(&mut params, Box::new(names));
        sql.push_str(&format!(" AND phase = ANY(${n})"));
    }
    if let Some(country) = &filter.country {
        let n = arg(&mut params, Box::new(country.to_ascii_uppercase()));
        sql.push_str(&format!(" AND country = ${n}"));
    }
    if let Some(currency) = &filter.currency {
        let n = arg(&mut params, Box::new(currency.trim().to_ascii_uppercase()));
        sql.push_str(&format!(" AND currency = ${n}"));
    }
    if filter.sent_only {
        // What the overview counts as sent (`overview::Tally`).
        sql.push_str(&format!(
            " AND status IN ({})",
            CashoutStatus::reached_provider_sql()
        ));
    }
    if let Some(from) = &filter.created_from {
        let n = arg(&mut params, Box::new(from.clone()));
        sql.push_str(&format!(" AND created_at >= ${n}"));
    }
    if let Some(before) = &filter.created_before {
        let n = arg(&mut params, Box::new(before.clone()));
        sql.push_str(&format!(" AND created_at < ${n}"));
    }
    let terms = text_of(filter);
    if !terms.is_empty() {
        let patterns: Vec<String> = terms.iter().map(|t| like_pattern(t)).collect();
        let n = arg(&mut params, Box::new(patterns));
        let id: Option<i64> = filter.text.as_deref().and_then(|t| t.trim().parse().ok());
        let m = arg(&mut params, Box::new(id));
        // The trigram index names the candidates through `LIKE ANY`; walking, the test is
        // wrapped so the planner walks the sort's order instead and stops at a full page.
        let test = if walk {
            format!("(search_text || '') LIKE ANY(${n})")
        } else {
            format!("search_text LIKE ANY(${n})")
        };
        sql.push_str(&format!(" AND ({test} OR cashout_id = ${m})"));
    }
    let (l, o) = (
        arg(&mut params, Box::new(limit)),
        arg(&mut params, Box::new(offset)),
    );
    // NULL (no status yet, the only key that can be NULL) sorts first ascending, as in the
    // embedded journal; the other keys keep PostgreSQL's default, which their indexes serve.
    let dir = if filter.ascending { "ASC" } else { "DESC" };
    let nulls = match (filter.sort, filter.ascending) {
        (SortKey::Status, true) => "NULLS FIRST",
        (SortKey::Status, false) => "NULLS LAST",
        _ => "",
    };
    sql.push_str(&format!(
        " ORDER BY {} {dir} {nulls}, id {dir} LIMIT ${l} OFFSET ${o}",
        filter.sort.column()
    ));
    (sql, params)
}

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards in `text` taken literally
/// (backslash is PostgreSQL's default LIKE escape).
fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

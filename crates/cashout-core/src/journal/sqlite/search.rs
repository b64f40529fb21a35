//! Listing and text search over the journal: filters by scope, status and country, text found
//! in external ids and beneficiary names (through the trigram index when the text is rare),
//! newest first, a page at a time.
//!
//! Guarantees: every query is bounded by its page; a payout created moments ago (not indexed
//! yet) is still found. Left out: writing the index (`writer` does it in quiet moments).

use rusqlite::{params, Connection, Row};

use super::rows::{record_from_row, SELECT_SUMMARY};
use super::{ListFilter, PayoutRecord};
use crate::error::Result;
use crate::status::CashoutStatus;

/// Up to this many matches, a text search reads the payouts the trigram index names; beyond,
/// it walks the list newest first and stops at a full page.
pub(super) const RARE_TEXT: usize = 2000;

pub(super) fn list_in(conn: &Connection, filter: &ListFilter) -> Result<Vec<PayoutRecord>> {
    let mut sql = format!("{SELECT_SUMMARY} WHERE 1 = 1");
    let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
    let mut selective = false;
    if let Some(scope) = &filter.scope {
        args.push(Box::new(scope.clone()));
        sql.push_str(&format!(" AND scope = ?{}", args.len()));
    }
    if let Some(status) = filter.status {
        args.push(Box::new(status.name()));
        // Most payouts end COMPLETED: for that one, walk newest first and stop at a full
        // page (`+` keeps SQLite off the status index, which would read them all and sort).
        // Every other status is a minority: read it through the status index and sort.
        let column = if status == CashoutStatus::Completed {
            "+status"
        } else {
            selective = true;
            "status"
        };
        sql.push_str(&format!(" AND {column} = ?{}", args.len()));
    }
    if !filter.phases.is_empty() {
        // Few rows are in an open phase (the payouts_open index holds them); the rest are rare
        // too (not_sent, abandoned), so this is always selective.
        selective = true;
        let names: Vec<String> = filter
            .phases
            .iter()
            .map(|p| format!("'{}'", p.as_str()))
            .collect();
        sql.push_str(&format!(" AND phase IN ({})", names.join(", ")));
    }
    if let Some(country) = &filter.country {
        args.push(Box::new(country.to_ascii_uppercase()));
        sql.push_str(&format!(" AND +country = ?{}", args.len()));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let id: Option<i64> = text.parse().ok();
        match text_hits(conn, text)? {
            // A rare text: the trigram index named every payout holding it; read those.
            Some(mut ids) => {
                selective = true;
                // The payout with this cashout id joins the list: one `id IN` the planner
                // reads by rowid (an OR beside it would make it walk every payout).
                if let Some(cashout_id) = id {
                    let mut stmt = conn.prepare_cached(
                        "SELECT id FROM payouts WHERE scope = coalesce(?1, scope) AND cashout_id = ?2",
                    )?;
                    ids.extend(
                        stmt.query_map(params![filter.scope, cashout_id], |r| r.get::<_, i64>(0))?
                            .collect::<rusqlite::Result<Vec<_>>>()?,
                    );
                }
                let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                sql.push_str(&format!(" AND id IN ({})", list.join(",")));
            }
            // A common (or very short) text: walking newest first stops as soon as a page
            // is full, which is quicker than collecting every match.
            None => {
                args.push(Box::new(like_pattern(text)));
                let n = args.len();
                args.push(Box::new(id));
                sql.push_str(&format!(
                    " AND (external_id LIKE ?{n} ESCAPE '\\' OR beneficiary LIKE ?{n} ESCAPE '\\'
                       OR cashout_id = ?{})",
                    n + 1
                ));
            }
        }
    }
    let limit = if filter.limit == 0 { 100 } else { filter.limit };
    // With a selective filter, read its few rows by index and sort them (`+` keeps SQLite
    // from walking every payout in time order to avoid the sort); otherwise walk newest
    // first and stop at a full page. The journal has no ANALYZE statistics to tell SQLite.
    let order = if selective {
        "+created_at DESC, +id DESC"
    } else {
        "created_at DESC, id DESC"
    };
    sql.push_str(&format!(
        " ORDER BY {order} LIMIT {limit} OFFSET {}",
        filter.offset
    ));
    query_all(conn, &sql, &args, record_from_row)
}

/// The records whose external_id or beneficiary contains `text`, from the trigram index,
/// when there are at most [`RARE_TEXT`] of them; `None` when there are more, or when the text
/// is shorter than a trigram (then a scan that stops at a full page is quicker).
pub(super) fn text_hits(conn: &Connection, text: &str) -> Result<Option<Vec<i64>>> {
    if text.chars().count() < 3 {
        return Ok(None);
    }
    let mut stmt =
        conn.prepare_cached("SELECT rowid FROM payouts_text WHERE payouts_text MATCH ?1 LIMIT ?2")?;
    let phrase = format!("\"{}\"", text.replace('"', "\"\""));
    let mut ids = stmt
        .query_map(params![phrase, RARE_TEXT as i64 + 1], |r| {
            r.get::<_, i64>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Payouts not indexed yet (created moments ago, or changed) are read directly.
    let mut queued = conn.prepare_cached(
        "SELECT id FROM payouts
         WHERE id > (SELECT indexed_through FROM search_state)
           AND (external_id LIKE ?1 ESCAPE '\\' OR beneficiary LIKE ?1 ESCAPE '\\')
         UNION
         SELECT p.id FROM search_pending s CROSS JOIN payouts p ON p.id = s.id
         WHERE p.external_id LIKE ?1 ESCAPE '\\' OR p.beneficiary LIKE ?1 ESCAPE '\\'",
    )?;
    ids.extend(
        queued
            .query_map(params![like_pattern(text)], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    );
    ids.sort_unstable();
    ids.dedup();
    Ok((ids.len() <= RARE_TEXT).then_some(ids))
}

/// Runs `f` inside one read transaction, so everything it reads is one consistent state of
/// the file (WAL readers see the last commit made before the transaction began).
pub(super) fn read_snapshot<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    conn.execute_batch("BEGIN")?;
    let result = f(conn);
    let _ = conn.execute_batch("COMMIT");
    result
}

/// Every row of a query built at run time (the list's and the audit log's filters).
pub(super) fn query_all<T>(
    conn: &Connection,
    sql: &str,
    args: &[Box<dyn rusqlite::ToSql>],
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(
        rusqlite::params_from_iter(args.iter().map(|a| a.as_ref())),
        f,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards in `text` taken literally.
pub(super) fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

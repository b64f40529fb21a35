//! Listing and text search over the journal: filters by scope, status, country, create phase
//! and creation period; text found in a payout's search keys (external_id, beneficiary,
//! document, account, e-mail, phone — case, accents and separators ignored, see
//! [`crate::journal::keys`]) through the trigram index when the text is rare; ordered by the
//! filter's sort, a page at a time.
//!
//! Guarantees: every query is bounded by its page; a payout created moments ago (not indexed
//! yet) is still found. Left out: writing the index (`writer` does it in quiet moments).

use rusqlite::{params, Connection, Row};

use super::rows::{record_from_row, SELECT_SUMMARY};
use super::{ListFilter, PayoutRecord};
use crate::error::Result;
use crate::journal::keys;
use crate::journal::SortKey;
use crate::status::CashoutStatus;

/// Up to this many matches, a text search reads the payouts the trigram index names; beyond,
/// it walks the list in its order and stops at a full page.
pub(super) const RARE_TEXT: usize = 2000;

/// Up to this many payouts are read and sorted rather than found by walking an index in the
/// sort's order (measured by the `scale` benchmark: sorting 12,500 takes about 25 ms).
const SORTABLE: usize = 15_000;

/// Up to this many text matches are kept as a set and tested while another order's index is
/// walked; beyond, so much of the journal matches that testing each row's text fills a page
/// quickly.
const MEMBERSHIP: usize = 50_000;

/// How many payouts of `filter`'s scope were created in its period (the time index counts them
/// without reading a row), up to one more than [`SORTABLE`].
fn count_created(conn: &Connection, filter: &ListFilter) -> Result<usize> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM (SELECT 1 FROM payouts
             WHERE scope = coalesce(?1, scope) AND created_at >= coalesce(?2, '')
               AND created_at < coalesce(?3, '9') LIMIT ?4)",
    )?;
    let n: i64 = stmt.query_row(
        params![
            filter.scope,
            filter.created_from,
            filter.created_before,
            SORTABLE as i64 + 1
        ],
        |r| r.get(0),
    )?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

pub(super) fn list_in(conn: &Connection, filter: &ListFilter) -> Result<Vec<PayoutRecord>> {
    let mut sql = format!("{SELECT_SUMMARY} WHERE 1 = 1");
    let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
    let mut selective = false;
    // A few ids named by the text index are read by rowid: then the scope is tested on each
    // (`+`), not walked through an index that starts with it.
    let mut by_rowid = false;
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
        // Amounts sort by currency first, and a country pays in its own: walking all amounts
        // for one country's would read most of the journal, so that pair has its own index.
        let column = if filter.sort == SortKey::Amount {
            "country"
        } else {
            "+country"
        };
        sql.push_str(&format!(" AND {column} = ?{}", args.len()));
    }
    if let Some(currency) = &filter.currency {
        args.push(Box::new(currency.trim().to_ascii_uppercase()));
        // Never an index's key: the other filters choose the index.
        sql.push_str(&format!(" AND +currency = ?{}", args.len()));
    }
    if filter.sent_only {
        // What the overview counts as sent (`overview::Tally`): the provider answered with a
        // status, and not a refusal of the create.
        sql.push_str(&format!(
            " AND +status IN ({})",
            CashoutStatus::reached_provider_sql()
        ));
    }
    // Sorted by another key than time, a period holding few payouts is read through the time
    // index and sorted; one holding many is found quickly walking the sort key's index.
    if filter.sort != SortKey::Created
        && (filter.created_from.is_some() || filter.created_before.is_some())
        && count_created(conn, filter)? <= SORTABLE
    {
        selective = true;
    }
    if let Some(from) = &filter.created_from {
        args.push(Box::new(from.clone()));
        sql.push_str(&format!(" AND created_at >= ?{}", args.len()));
    }
    if let Some(before) = &filter.created_before {
        args.push(Box::new(before.clone()));
        sql.push_str(&format!(" AND created_at < ?{}", args.len()));
    }
    let text = filter.text.as_deref().map(str::trim).unwrap_or("");
    let terms = keys::search_terms(text);
    if !terms.is_empty() {
        let id: Option<i64> = text.parse().ok();
        // In time order a common text fills a page at once walking newest first, testing
        // each row's text. In another order its matches may sit far along the key's index
        // (amounts are grouped by currency, and a name is paid in one): there the index's
        // matches are kept as a set, and the key's index (which holds the id) is walked
        // testing membership, without reading a row that does not match.
        let cap = if filter.sort == SortKey::Created {
            RARE_TEXT
        } else {
            MEMBERSHIP
        };
        match text_hits(conn, &terms, cap)? {
            // The trigram index named every payout holding it: a few are read by rowid and
            // sorted; more are tested while the sort key's index is walked.
            Some(mut ids) => {
                if ids.len() <= RARE_TEXT {
                    selective = true;
                    by_rowid = true;
                }
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
                // One JSON array parameter: the statement's text stays the same (and cached)
                // however many ids there are.
                let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                args.push(Box::new(format!("[{}]", list.join(","))));
                sql.push_str(&format!(
                    " AND id IN (SELECT value FROM json_each(?{}))",
                    args.len()
                ));
            }
            // A common (or very short) text: walking newest first stops as soon as a page
            // is full, which is quicker than collecting every match.
            None => {
                let mut any = Vec::new();
                for term in &terms {
                    args.push(Box::new(like_pattern(term)));
                    any.push(format!("search_text LIKE ?{} ESCAPE '\\'", args.len()));
                }
                args.push(Box::new(id));
                any.push(format!("cashout_id = ?{}", args.len()));
                sql.push_str(&format!(" AND ({})", any.join(" OR ")));
            }
        }
    }
    if let Some(scope) = &filter.scope {
        args.push(Box::new(scope.clone()));
        let column = if by_rowid { "+scope" } else { "scope" };
        sql.push_str(&format!(" AND {column} = ?{}", args.len()));
    }
    let limit = if filter.limit == 0 { 100 } else { filter.limit };
    // With a selective filter, read its few rows by index and sort them (`+` keeps SQLite
    // from walking every payout in the sort's order to avoid the sort); otherwise walk the
    // sort key's index and stop at a full page. The journal has no ANALYZE statistics to tell
    // SQLite. A status filter sorted by status is read off the status index either way.
    let index_free = selective && !(filter.sort == SortKey::Status && filter.status.is_some());
    sql.push_str(&format!(
        " ORDER BY {} LIMIT {limit} OFFSET {}",
        filter.order_by(index_free),
        filter.offset
    ));
    query_all(conn, &sql, &args, record_from_row)
}

/// The records whose search text holds one of `terms` (see [`keys::search_terms`]), from the
/// trigram index, when there are at most `cap` of them; `None` when there are more, or when a
/// term is shorter than a trigram (then a scan that stops at a full page is quicker).
pub(super) fn text_hits(
    conn: &Connection,
    terms: &[String],
    cap: usize,
) -> Result<Option<Vec<i64>>> {
    if terms.iter().any(|t| t.chars().count() < 3) {
        return Ok(None);
    }
    let mut stmt =
        conn.prepare_cached("SELECT rowid FROM payouts_text WHERE payouts_text MATCH ?1 LIMIT ?2")?;
    let query = terms
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" OR ");
    let mut ids = stmt
        .query_map(params![query, cap as i64 + 1], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Payouts not indexed yet (created moments ago, or changed) are read directly.
    let mut queued = conn.prepare_cached(
        "SELECT id FROM payouts
         WHERE id > (SELECT indexed_through FROM search_state)
           AND (search_text LIKE ?1 ESCAPE '\\' OR search_text LIKE ?2 ESCAPE '\\')
         UNION
         SELECT p.id FROM search_pending s CROSS JOIN payouts p ON p.id = s.id
         WHERE p.search_text LIKE ?1 ESCAPE '\\' OR p.search_text LIKE ?2 ESCAPE '\\'",
    )?;
    let first = like_pattern(&terms[0]);
    let second = terms
        .get(1)
        .map_or_else(|| first.clone(), |t| like_pattern(t));
    ids.extend(
        queued
            .query_map(params![first, second], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    );
    ids.sort_unstable();
    ids.dedup();
    Ok((ids.len() <= cap).then_some(ids))
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

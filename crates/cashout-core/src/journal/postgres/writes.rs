//! The team journal's writes: the create protocol (intents, send claims, answers), statuses,
//! lookups and kept exchanges — each the embedded journal's write (`sqlite/mod.rs`) in
//! PostgreSQL's dialect, with the same guards, and the rules shared through
//! [`crate::journal::status_rules`] and [`crate::journal::store`].
//!
//! Guarantees: every write is one transaction (see `rows::in_transaction!`); an audit entry
//! that belongs to a write is appended inside it; the duplicate guard runs under an advisory
//! lock on the payout's digest.

use std::time::Duration;

use tokio_postgres::Transaction;

use super::rows::{
    audit_from_row, in_transaction, record_from_row, TxError, AUDIT_COLUMNS, COLUMNS,
    SUMMARY_COLUMNS,
};
use super::PgStore;
use crate::api::types::{CashoutId, CashoutRef, CreateCashout, Exchange, StatusAnswer};
use crate::audit::{AuditEntry, AuditEvent};
use crate::error::{Error, Result};
use crate::journal::store::{fence_refusal, not_resent, SendClaim, MAX_SLOT_WAIT, MAX_SPACING};
use crate::journal::Watched;
use crate::journal::{
    content_hash, keys, Claimed, DuplicateGuard, IntentOutcome, PayoutRecord, Phase,
};
use crate::status::CashoutStatus;

/// The fence of a write only a create's sender may make, on parameters `token` and `now` (see
/// `fenced` in the embedded journal).
fn fenced(token: usize, now: usize) -> String {
    format!(
        "(CASE WHEN ${token}::text IS NULL THEN (claim_token IS NULL OR lease_until <= ${now}) \
         ELSE claim_token IS NOT DISTINCT FROM ${token} END)"
    )
}

use super::answers::{apply_status, lookup_in};

impl PgStore {
    pub(super) async fn intent(
        &self,
        scope: &str,
        base_url: &str,
        request: &CreateCashout,
        guard: Option<DuplicateGuard>,
        claim: &SendClaim,
    ) -> Result<IntentOutcome> {
        let json = serde_json::to_string(request).map_err(|e| Error::Journal(e.to_string()))?;
        let (now, until) = (self.now(), self.lease_until(claim));
        let (scope, base_url, request) = (scope.to_owned(), base_url.to_owned(), request.clone());
        let (token, holder) = (claim.token.clone(), claim.holder.clone());
        self.io
            .run(move |pool| async move {
                let hash = content_hash(&request);
                in_transaction!(pool, |tx| {
                    // Two desks with the same payout take turns here: the second sees the first.
                    tx.execute(
                        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                        &[&format!("intent:{scope}:{hash}")],
                    )
                    .await?;
                    let existing = tx
                        .query_opt(
                            &format!(
                                "SELECT {COLUMNS} FROM cashout.payouts WHERE scope = $1 AND external_id = $2"
                            ),
                            &[&scope, &request.external_id],
                        )
                        .await?
                        .map(|r| record_from_row(&r));
                    if let Some(record) = existing {
                        let same = record.request.as_ref() == Some(&request);
                        return Ok(if same {
                            IntentOutcome::Same(record)
                        } else {
                            IntentOutcome::Conflict(record)
                        });
                    }
                    if let Some(guard) = &guard {
                        let earlier = tx
                            .query_opt(
                                &format!(
                                    "SELECT {SUMMARY_COLUMNS} FROM cashout.payouts
                                     WHERE scope = $1 AND content_hash = $2 AND created_at >= $3
                                       AND coalesce(status, '') NOT IN ('CANCELLED', 'REJECTED')
                                       AND NOT (phase = 'declined' AND coalesce(api_code, 0) <> 511)
                                     ORDER BY created_at DESC, id DESC LIMIT 1"
                                ),
                                &[&scope, &hash, &guard.since],
                            )
                            .await?
                            .map(|r| record_from_row(&r));
                        if let Some(earlier) = earlier {
                            if earlier.external_id.is_none()
                                || earlier.external_id != guard.pay_again_of
                            {
                                return Ok(IntentOutcome::PossibleDuplicate(earlier));
                            }
                        }
                    }
                    let claim = (token.as_str(), holder.as_str(), until.as_str());
                    let id =
                        insert_desk_payout(&tx, &scope, &base_url, &request, &json, &now, "intent", Some(claim))
                            .await?;
                    history(&tx, id, &now, "intent", None, None).await?;
                    Ok(IntentOutcome::New(id))
                })
            })
            .await
    }

    pub(super) async fn claim(&self, id: i64, claim: &SendClaim) -> Result<Claimed> {
        let (now, until) = (self.now(), self.lease_until(claim));
        let (token, holder) = (claim.token.clone(), claim.holder.clone());
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    let claimed = tx
                        .execute(
                            "UPDATE cashout.payouts SET claim_token = $2,
                                claimed_by = session_user || ' — ' || $3, lease_until = $4
                             WHERE id = $1 AND phase <> 'created'
                               AND (claim_token IS NULL OR claim_token = $2 OR lease_until <= $5)",
                            &[&id, &token, &holder, &until, &now],
                        )
                        .await?;
                    let row = tx
                        .query_opt(
                            &format!(
                                "SELECT {COLUMNS}, claimed_by, lease_until FROM cashout.payouts WHERE id = $1"
                            ),
                            &[&id],
                        )
                        .await?
                        .ok_or_else(|| Error::Journal(format!("no payout record {id}")))?;
                    let record = record_from_row(&row);
                    if claimed > 0 {
                        return Ok(Claimed::Claimed(Box::new(record)));
                    }
                    let (by, until): (Option<String>, Option<String>) = (row.get(27), row.get(28));
                    Ok(match record.phase {
                        Phase::Created => Claimed::Settled(Box::new(record)),
                        _ => Claimed::HeldBy {
                            holder: by.unwrap_or_else(|| "another desk".into()),
                            until: until.unwrap_or(now.clone()),
                        },
                    })
                })
            })
            .await
    }

    pub(super) async fn release(&self, id: i64, token: &str) -> Result<()> {
        let token = token.to_owned();
        self.io
            .run(move |pool| async move {
                let client = pool.get().await.map_err(super::pool_error)?;
                client
                    .execute(
                        "UPDATE cashout.payouts SET claim_token = NULL, claimed_by = NULL,
                            lease_until = NULL WHERE id = $1 AND claim_token = $2",
                        &[&id, &token],
                    )
                    .await
                    .map_err(super::pg_error)?;
                Ok(())
            })
            .await
    }

    pub(super) async fn sending(&self, id: i64, claim: &SendClaim) -> Result<()> {
        let (now, until, token) = (self.now(), self.lease_until(claim), claim.token.clone());
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    // A row of a batch that is paused or cancelled stays unsent (see
                    // `send_refused`); the batch's row is locked so that a cancel committing
                    // meanwhile is seen, or waits for this send's intent.
                    let batch = tx
                        .query_opt(
                            "SELECT p.phase, b.id, b.state FROM cashout.payouts p
                             JOIN cashout.batch_rows r ON r.payout_id = p.id
                             JOIN cashout.batches b ON b.id = r.batch_id
                             WHERE p.id = $1 FOR SHARE OF b",
                            &[&id],
                        )
                        .await?
                        .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1), r.get::<_, String>(2)));
                    if let Some(why) = batch.and_then(|(phase, b, state)| {
                        crate::batch::records::send_refused(&phase, &b, &state)
                    }) {
                        return Err(Error::Journal(why).into());
                    }
                    let attempts: Option<i64> = tx
                        .query_opt(
                            "UPDATE cashout.payouts SET attempts = attempts + 1, updated_at = $2,
                                last_sent_at = $2, lookups = 0, lease_until = $4,
                                status = CASE WHEN phase IN ('queued', 'not_sent', 'declined', 'abandoned') THEN NULL ELSE status END,
                                status_code = CASE WHEN phase IN ('queued', 'not_sent', 'declined', 'abandoned') THEN NULL ELSE status_code END,
                                api_code = CASE WHEN phase IN ('queued', 'not_sent', 'declined', 'abandoned') THEN NULL ELSE api_code END,
                                phase = CASE WHEN phase IN ('queued', 'not_sent', 'declined', 'abandoned') THEN 'intent' ELSE phase END
                             WHERE id = $1 AND phase <> 'created' AND claim_token = $3
                             RETURNING attempts",
                            &[&id, &now, &token, &until],
                        )
                        .await?
                        .map(|r| r.get(0));
                    let Some(attempts) = attempts else {
                        let phase: Option<String> = tx
                            .query_opt("SELECT phase FROM cashout.payouts WHERE id = $1", &[&id])
                            .await?
                            .map(|r| r.get(0));
                        return Err(Error::Journal(not_resent(phase.as_deref())).into());
                    };
                    let detail = format!("attempt {attempts}");
                    history(&tx, id, &now, "sent", None, Some(&detail)).await?;
                    Ok(())
                })
            })
            .await
    }

    pub(super) async fn created(
        &self,
        id: i64,
        cashout_id: CashoutId,
        status: CashoutStatus,
        audit: Option<AuditEvent>,
    ) -> Result<PayoutRecord> {
        let now = self.now();
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    let row = tx
                        .query_opt(
                            &format!(
                                "UPDATE cashout.payouts SET phase = 'created', cashout_id = $2,
                                    status = $3, last_error = NULL, status_code = $5,
                                    status_since = CASE WHEN status IS NOT DISTINCT FROM $3
                                        THEN status_since ELSE $4 END,
                                    api_code = NULL, attempts = GREATEST(attempts, 1),
                                    updated_at = $4, checked_at = $4,
                                    claim_token = NULL, claimed_by = NULL, lease_until = NULL
                                 WHERE id = $1 RETURNING {SUMMARY_COLUMNS}"
                            ),
                            &[
                                &id,
                                &cashout_id.0,
                                &status.name(),
                                &now,
                                &status.code().map(i64::from),
                            ],
                        )
                        .await?
                        .ok_or_else(|| Error::Journal(format!("no payout record {id}")))?;
                    let detail = format!("cashout_id {cashout_id}");
                    history(&tx, id, &now, "created", Some(status), Some(&detail)).await?;
                    if let Some(event) = &audit {
                        let mut event = event.clone();
                        event.cashout_id = Some(cashout_id.0);
                        append_audit(&tx, &event).await?;
                    }
                    Ok(record_from_row(&row))
                })
            })
            .await
    }

    pub(super) fn keep_exchange(&self, id: i64, exchange: Exchange) {
        let now = self.now();
        self.io.detach(move |pool| async move {
            let client = pool.get().await.map_err(super::pool_error)?;
            client
                .execute(
                    "INSERT INTO cashout.exchanges (payout_id, at, method, path, body, signature,
                        http_status, answer, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    &[
                        &id,
                        &now,
                        &exchange.method,
                        &exchange.path,
                        &exchange.body,
                        &exchange.signature,
                        &exchange.http_status.map(i32::from),
                        &exchange.answer,
                        &exchange.outcome,
                    ],
                )
                .await
                .map_err(super::pg_error)?;
            Ok(())
        });
    }

    pub(super) async fn declined(
        &self,
        id: i64,
        api_code: i64,
        message: &str,
        fence: Option<&str>,
    ) -> Result<()> {
        let (now, message, fence) = (self.now(), message.to_owned(), fence.map(str::to_owned));
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    let changed = tx
                        .execute(
                            &format!(
                                "UPDATE cashout.payouts SET phase = 'declined', status = 'DECLINED',
                                    api_code = $2, last_error = $3,
                                    status_since = CASE WHEN status = 'DECLINED' THEN status_since ELSE $4 END,
                                    updated_at = $4, claim_token = NULL, claimed_by = NULL,
                                    lease_until = NULL
                                 WHERE id = $1 AND phase <> 'created' AND {}",
                                fenced(5, 4)
                            ),
                            &[&id, &api_code, &message, &now, &fence],
                        )
                        .await?;
                    if changed == 0 {
                        check_fence(&tx, id, fence.as_deref()).await?;
                        return Ok(());
                    }
                    let detail = format!("code {api_code}: {message}");
                    history(&tx, id, &now, "declined", Some(CashoutStatus::Declined), Some(&detail))
                        .await?;
                    Ok(())
                })
            })
            .await
    }

    pub(super) async fn phase(
        &self,
        id: i64,
        phase: Phase,
        detail: &str,
        fence: Option<&str>,
    ) -> Result<bool> {
        let (now, detail, fence) = (self.now(), detail.to_owned(), fence.map(str::to_owned));
        let (event, allowed_from): (&'static str, &'static [&'static str]) = match phase {
            Phase::NotSent => ("not_delivered", &["intent", "not_sent"]),
            Phase::SentNotFound => (
                "not_found",
                &[
                    "intent",
                    "unknown",
                    "sent_not_found",
                    "not_sent",
                    "declined",
                ],
            ),
            Phase::Unknown => (
                "unknown",
                &[
                    "intent",
                    "unknown",
                    "sent_not_found",
                    "not_sent",
                    "declined",
                ],
            ),
            Phase::Created | Phase::Declined | Phase::Intent | Phase::Abandoned | Phase::Queued => {
                return Err(Error::Journal(format!(
                    "{} is recorded by its own operation, not as a bare phase",
                    phase.as_str()
                )))
            }
        };
        let lookups = i64::from(phase == Phase::SentNotFound);
        self.io
            .run(move |pool| async move {
                let allowed: Vec<String> = allowed_from.iter().map(|p| (*p).to_owned()).collect();
                in_transaction!(pool, |tx| {
                    let changed = tx
                        .execute(
                            &format!(
                                "UPDATE cashout.payouts SET phase = $2, last_error = $3,
                                    updated_at = $4, lookups = lookups + $5,
                                    checked_at = CASE WHEN $5 = 1 THEN $4 ELSE checked_at END
                                 WHERE id = $1 AND phase = ANY($7) AND {}",
                                fenced(6, 4)
                            ),
                            &[
                                &id,
                                &phase.as_str(),
                                &detail,
                                &now,
                                &lookups,
                                &fence,
                                &allowed,
                            ],
                        )
                        .await?;
                    if changed > 0 {
                        history(&tx, id, &now, event, None, Some(&detail)).await?;
                    } else {
                        check_fence(&tx, id, fence.as_deref()).await?;
                    }
                    Ok(changed > 0)
                })
            })
            .await
    }

    pub(super) async fn abandoned(
        &self,
        id: i64,
        detail: &str,
        audit: AuditEvent,
    ) -> Result<Option<PayoutRecord>> {
        let (now, detail) = (self.now(), detail.to_owned());
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    let record = tx
                        .query_opt(
                            &format!(
                                "UPDATE cashout.payouts SET phase = 'abandoned', last_error = $2,
                                    updated_at = $3
                                 WHERE id = $1
                                   AND phase IN ('intent', 'unknown', 'sent_not_found', 'not_sent')
                                   AND (claim_token IS NULL OR lease_until <= $3)
                                 RETURNING {SUMMARY_COLUMNS}"
                            ),
                            &[&id, &detail, &now],
                        )
                        .await?
                        .map(|r| record_from_row(&r));
                    if record.is_none() {
                        let held = tx
                            .query_opt(
                                "SELECT claimed_by, lease_until FROM cashout.payouts
                                 WHERE id = $1 AND claim_token IS NOT NULL AND lease_until > $2",
                                &[&id, &now],
                            )
                            .await?;
                        if let Some(row) = held {
                            let (holder, until): (String, String) = (row.get(0), row.get(1));
                            return Err(Error::Journal(crate::journal::store::sending_now(
                                &holder, &until,
                            ))
                            .into());
                        }
                    }
                    if record.is_some() {
                        history(&tx, id, &now, "abandoned", None, Some(&detail)).await?;
                        append_audit(&tx, &audit).await?;
                    }
                    Ok(record)
                })
            })
            .await
    }

    pub(super) async fn status(
        &self,
        id: i64,
        answer: &StatusAnswer,
        event: &'static str,
    ) -> Result<Option<CashoutStatus>> {
        let (now, answer) = (self.now(), answer.clone());
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    apply_status(&tx, id, &now, &answer, event).await
                })
            })
            .await
    }

    pub(super) async fn watched(
        &self,
        id: i64,
        which: &CashoutRef,
        answer: &StatusAnswer,
        sent_at: String,
    ) -> Result<Watched> {
        let (now, answer, which) = (self.now(), answer.clone(), which.clone());
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    let row = tx
                        .query_opt(
                            "SELECT cashout_id, external_id, checked_at FROM cashout.payouts
                             WHERE id = $1 FOR UPDATE",
                            &[&id],
                        )
                        .await?;
                    let Some(row) = row else {
                        return Ok(Watched::Gone);
                    };
                    let (cashout_id, external_id, checked_at): (
                        Option<i64>,
                        Option<String>,
                        Option<String>,
                    ) = (row.get(0), row.get(1), row.get(2));
                    let same = match &which {
                        CashoutRef::Id(c) => cashout_id == Some(c.0),
                        CashoutRef::ExternalId(x) => external_id.as_deref() == Some(x.as_str()),
                    };
                    if !same {
                        return Ok(Watched::Gone);
                    }
                    if checked_at.is_some_and(|c| c > sent_at) {
                        return Ok(Watched::Stale);
                    }
                    apply_status(&tx, id, &now, &answer, "watch").await?;
                    Ok(Watched::Recorded)
                })
            })
            .await
    }

    pub(super) async fn poll_claim(&self, id: i64, until: &str) -> Result<bool> {
        let (now, until) = (self.now(), until.to_owned());
        self.io
            .run(move |pool| async move {
                let client = pool.get().await.map_err(super::pool_error)?;
                let claimed = client
                    .execute(
                        "UPDATE cashout.payouts SET poll_until = $2
                         WHERE id = $1 AND (poll_until IS NULL OR poll_until <= $3)",
                        &[&id, &until, &now],
                    )
                    .await
                    .map_err(super::pg_error)?;
                Ok(claimed > 0)
            })
            .await
    }

    /// The team's request slot (see `JournalStore::take_request_slot`), taken by the
    /// `cashout.take_request_slot` function: on the database server's clock when the desk runs
    /// on the real clock (so desks' clocks need not agree), on the desk's injected clock
    /// otherwise (tests).
    pub(super) async fn request_slot(&self, scope: &str, spacing: Duration) -> Result<Duration> {
        let (scope, now, server_clock) = (scope.to_owned(), self.now(), self.clock.is_wall_clock());
        let micros = |d: Duration| i64::try_from(d.as_micros()).unwrap_or(i64::MAX / 4);
        let (spacing_us, max_wait_us) = (micros(spacing.min(MAX_SPACING)), micros(MAX_SLOT_WAIT));
        let wait_us: i64 = self
            .io
            .run(move |pool| async move {
                let client = pool.get().await.map_err(super::pool_error)?;
                let row = client
                    .query_one(
                        "SELECT cashout.take_request_slot($1, $2, $3, $4::text::timestamptz, $5)",
                        &[&scope, &spacing_us, &max_wait_us, &now, &server_clock],
                    )
                    .await
                    .map_err(super::pg_error)?;
                Ok(row.get(0))
            })
            .await?;
        Ok(Duration::from_micros(u64::try_from(wait_us).unwrap_or(0)))
    }

    pub(super) async fn poll_release(&self, id: i64) -> Result<()> {
        self.io
            .run(move |pool| async move {
                let client = pool.get().await.map_err(super::pool_error)?;
                client
                    .execute(
                        "UPDATE cashout.payouts SET poll_until = NULL WHERE id = $1",
                        &[&id],
                    )
                    .await
                    .map_err(super::pg_error)?;
                Ok(())
            })
            .await
    }

    pub(super) async fn event(&self, id: i64, event: &'static str, detail: &str) -> Result<()> {
        let (now, detail) = (self.now(), detail.to_owned());
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    history(&tx, id, &now, event, None, Some(&detail)).await?;
                    Ok(())
                })
            })
            .await
    }

    pub(super) async fn lookup(
        &self,
        scope: &str,
        base_url: &str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Result<i64> {
        let (now, scope, base_url) = (self.now(), scope.to_owned(), base_url.to_owned());
        let external_id = external_id.map(str::to_owned);
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| {
                    lookup_in(
                        &tx,
                        &now,
                        &scope,
                        &base_url,
                        cashout_id,
                        external_id.as_deref(),
                    )
                    .await
                })
            })
            .await
    }

    pub(super) async fn audit(&self, event: AuditEvent) -> Result<AuditEntry> {
        self.io
            .run(move |pool| async move {
                in_transaction!(pool, |tx| { append_audit(&tx, &event).await })
            })
            .await
    }
}

/// After a fenced write changed nothing: an error when the fence is why and the writer must
/// hear it (see [`fence_refusal`]).
async fn check_fence(
    tx: &Transaction<'_>,
    id: i64,
    fence: Option<&str>,
) -> std::result::Result<(), TxError> {
    let held: Option<(Option<String>, String)> = tx
        .query_opt(
            "SELECT claim_token, phase FROM cashout.payouts WHERE id = $1",
            &[&id],
        )
        .await?
        .map(|r| (r.get(0), r.get(1)));
    match held.and_then(|(t, phase)| fence_refusal(fence, t.as_deref(), &phase)) {
        Some(why) => Err(Error::Journal(why).into()),
        None => Ok(()),
    }
}

pub(super) async fn history(
    tx: &Transaction<'_>,
    payout_id: i64,
    at: &str,
    event: &str,
    status: Option<CashoutStatus>,
    detail: Option<&str>,
) -> std::result::Result<(), TxError> {
    tx.execute(
        "INSERT INTO cashout.history (payout_id, at, event, status, detail)
         VALUES ($1, $2, $3, $4, $5)",
        &[
            &payout_id,
            &at,
            &event,
            &status.map(CashoutStatus::name),
            &detail,
        ],
    )
    .await?;
    Ok(())
}

/// Inserts a payout this desk creates (`json`: `request` as stored) in `phase`, claimed by
/// `claim` (token, holder, lease end) when given, with its list and search keys; returns its id.
#[allow(clippy::too_many_arguments)]
pub(super) async fn insert_desk_payout(
    tx: &Transaction<'_>,
    scope: &str,
    base_url: &str,
    request: &CreateCashout,
    json: &str,
    now: &str,
    phase: &str,
    claim: Option<(&str, &str, &str)>,
) -> std::result::Result<i64, TxError> {
    let amount = request.amount.map(|a| a.to_string());
    let beneficiary = request.beneficiary();
    let search = keys::search_text(
        Some(&request.external_id),
        Some(&beneficiary),
        Some(request),
    );
    let amount_key = keys::amount_key(request.currency.as_deref(), amount.as_deref());
    let name_key = keys::name_key(Some(&beneficiary));
    let (token, holder, until) = match claim {
        Some((t, h, u)) => (Some(t), Some(h), Some(u)),
        None => (None, None, None),
    };
    let row = tx
        .query_one(
            "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                request_json, country, currency, amount, beneficiary, created_at,
                updated_at, content_hash, claim_token, claimed_by, lease_until,
                search_text, amount_key, name_key)
             VALUES ($1, $2, $3, 'desk', $17, $4, $5, $6, $7, $8, $9, $9, $10,
                $11, CASE WHEN $12::text IS NULL THEN NULL ELSE session_user || ' — ' || $12 END,
                $13, $14, $15, $16)
             RETURNING id",
            &[
                &scope,
                &base_url,
                &request.external_id,
                &json,
                &request.country,
                &request.currency,
                &amount,
                &beneficiary,
                &now,
                &content_hash(request),
                &token,
                &holder,
                &until,
                &search,
                &amount_key,
                &name_key,
                &phase,
            ],
        )
        .await?;
    Ok(row.get(0))
}

/// Appends `event` through the chain's function, inside the caller's transaction.
pub(super) async fn append_audit(
    tx: &Transaction<'_>,
    event: &AuditEvent,
) -> std::result::Result<AuditEntry, TxError> {
    let row = tx
        .query_one(
            &format!("SELECT {AUDIT_COLUMNS} FROM cashout.append_audit($1, $2, $3, $4, $5, $6)"),
            &[
                &event.environment,
                &event.action.name(),
                &event.cashout_id,
                &event.external_id,
                &event.outcome,
                &event.detail,
            ],
        )
        .await?;
    Ok(audit_from_row(&row))
}

//! Batches at the desk: a file checked against this environment's rules and journal, written
//! ahead of any send once the operator confirms its control totals, then sent row by row at a
//! chosen rate through the ordinary create protocol, with pause, resume and cancel, and a
//! result file at the end.
//!
//! Guarantees:
//! - Nothing is sent before the whole batch (every row's intent, with its external_id fixed
//!   from the batch id and row number) is written in one transaction ([`Desk::confirm_batch`]).
//! - Each row is sent by [`Desk::create`]'s own path: re-validated, claimed, sent once; an
//!   unknown outcome is looked up by its external_id before anything is resent. A row caught
//!   mid-send by a crash is found open on resume and settled by that lookup first; rows never
//!   sent wait for resume. No row's external_id is ever minted again.
//! - One desk at a time sends a batch (the batch's lease); before each row the sender reads the
//!   batch again, so a pause or cancel from another window or process stops it after the row
//!   being sent.
//! - Three rows in a row that could not reach the provider pause the batch (the rest are not
//!   burned through as "not sent"), and say why.
//!
//! Left out: sending rows of one batch in parallel (the rate cap, not concurrency, bounds a
//! batch's speed).

use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

use super::{Desk, PayoutView};
use crate::api::types::CreateCashout;
use crate::audit::{AuditAction, AuditEvent};
use crate::batch::records::{
    BatchChange, BatchRecord, BatchRowRecord, BatchState, BatchWritten, NewBatch, NewBatchRow,
};
use crate::batch::result::ResultRow;
use crate::batch::{BatchDraft, ControlTotal, DecimalStyle, DraftOptions};
use crate::clock::format_instant;
use crate::error::{Error, Result};
use crate::journal::{PayoutRecord, Phase};
use crate::l10n::dates::moment_shown;
use crate::l10n::messages::tr;
use crate::status::CashoutStatus;

/// The rate a batch is sent at unless the operator chooses another, in requests per minute.
/// The provider documents no limit (the reference marks it unconfirmed); one a second stays
/// far below what a payout API usually allows and sends 1,000 rows in under 17 minutes.
pub const DEFAULT_RATE_PER_MINUTE: u32 = 60;

/// The fastest rate accepted, in requests per minute.
pub const MAX_RATE_PER_MINUTE: u32 = 600;

/// How long a batch sender's lease lasts between rows: longer than one row's create with its
/// lookups, so a live sender never loses it mid-row.
pub const BATCH_LEASE: Duration = Duration::from_secs(180);

/// Rows in a row that could not reach the provider before the sender pauses the batch.
pub const UNREACHABLE_PAUSE: u32 = 3;

/// How far back a batch's rows are compared with the journal (unusual amounts).
pub const HISTORY_WINDOW: Duration = Duration::from_secs(90 * 24 * 60 * 60);

/// What the operator chose when a file is read.
#[derive(Debug, Clone, Default)]
pub struct DraftChoices {
    pub decimal: DecimalStyle,
    pub mapping: Option<Vec<Option<String>>>,
    /// The desk's notification URL, for rows without one.
    pub notification_url: String,
}

/// What the operator said to pay again on purpose when a batch is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PayAgain {
    /// The file an earlier batch of the environment holds, imported again.
    pub same_file: bool,
    /// Rows that repeat a payout of the last 24 hours (`duplicate_in_journal`).
    pub duplicates: bool,
}

/// What one sent row came to, for progress reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RowSent {
    pub row: u32,
    pub external_id: String,
    /// `created`, `declined`, `check` (the provider holds a cashout under its external_id that
    /// this journal did not make), `not_sent`, `unknown`, `credentials`, `unreachable`,
    /// `refused` (refused before sending).
    pub outcome: String,
    /// What happened, in the operator's language.
    pub message: Option<String>,
    /// The provider's code, for a declined row.
    #[ts(type = "number | null")]
    pub api_code: Option<i64>,
    /// A refused send's error in English, for the audit record of the pause it may cause
    /// (records stay English).
    #[serde(skip)]
    #[ts(skip)]
    pub record: Option<String>,
}

/// Why a send of a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SendEnd {
    /// Every row was sent.
    Finished,
    /// An operator paused it (here or elsewhere).
    Paused,
    /// An operator cancelled the rest.
    Cancelled,
    /// The provider could not be reached for several rows in a row: paused.
    Unreachable,
    /// The provider refused the credentials, or declined a row with a code that would decline
    /// the next rows too (insufficient funds, a limit): paused.
    Refused,
    /// Another desk took the batch over (this desk's lease ran out).
    TakenOver,
}

fn refused(field: &'static str, message: impl Into<String>) -> Error {
    Error::InvalidInput {
        field,
        message: message.into(),
    }
}

impl Desk {
    /// Reads and checks a batch file (see [`crate::batch`]): this environment's validation
    /// rules, the team's approval policy, and the journal's payouts of the last 90 days for
    /// the warnings. Nothing is written.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `file` / `mapping`; [`Error::Journal`].
    pub fn batch_draft(
        &self,
        bytes: &[u8],
        name: &str,
        choices: DraftChoices,
    ) -> Result<BatchDraft> {
        let earlier = self.earlier_payouts()?;
        let options = DraftOptions {
            decimal: choices.decimal,
            mapping: choices.mapping,
            validation: self.validation(false),
            notification_url: choices.notification_url,
            earlier,
            policies: self.approval_policies()?,
            known_payouts: std::collections::HashMap::new(),
        };
        let mut draft = BatchDraft::from_bytes(bytes, name, options)?;
        // A file that names payouts by external_id (a result file, an earlier batch's file)
        // names ones the journal may hold: those rows are refused, never paid again.
        let named = draft.named_external_ids();
        if !named.is_empty() {
            let known: std::collections::HashMap<String, String> = self
                .journal
                .find_external_ids(&self.scope(), &named)?
                .into_iter()
                .map(|(id, r)| (id, super::records::describe_record(&r)))
                .collect();
            if !known.is_empty() {
                draft.set_known_payouts(known);
            }
        }
        Ok(draft)
    }

    /// The journal's payouts a batch's rows are compared with: the last 90 days, those of the
    /// duplicate window marked recent.
    fn earlier_payouts(&self) -> Result<Vec<crate::batch::EarlierPayout>> {
        let now = self.journal.now_instant();
        let since = format_instant(now - HISTORY_WINDOW);
        let recent_from = format_instant(now - super::DUPLICATE_WINDOW);
        Ok(self
            .journal
            .earlier_payouts(&self.scope(), &since)?
            .into_iter()
            .map(|mut p| {
                p.recent = p.created_at >= recent_from;
                p
            })
            .collect())
    }

    /// Writes a reviewed batch ahead of any send, once the operator's control totals match
    /// (see [`BatchDraft::confirmable`]); audited. A file an earlier batch of this environment
    /// holds is refused unless `same_file_again` (then audited as such).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] (`rows`, `control_total`, `rate`, `file`), credentials missing
    /// ([`Error::MissingCredentials`]: a batch that cannot be sent is not written), journal
    /// errors (then nothing was written).
    pub async fn confirm_batch(
        &self,
        draft: &BatchDraft,
        typed: &[ControlTotal],
        rate_per_minute: u32,
        again: PayAgain,
    ) -> Result<BatchRecord> {
        let same_file_again = again.same_file;
        check_rate(rate_per_minute)?;
        // The same file first: it says more than that its rows repeat payouts (the store checks
        // it again in the transaction that writes the batch).
        if !same_file_again {
            if let Some(earlier) = self
                .batches()?
                .into_iter()
                .find(|b| b.file_sha256 == draft.file.sha256)
            {
                return Err(same_file(&earlier));
            }
        }
        // Compared with the journal as it is now: another desk may have sent the same rows
        // since the file was opened.
        let mut draft = draft.clone();
        draft.refresh_earlier(self.earlier_payouts()?);
        let draft = &draft;
        draft.confirmable(typed, again.duplicates)?;
        self.client()?;
        let s = draft.summary();
        let totals = s
            .totals
            .iter()
            .map(|t| format!("{} {} in {} payouts", t.currency, t.total, t.count))
            .collect::<Vec<_>>()
            .join(", ");
        let mut detail = format!(
            "batch {} from {} (SHA-256 {}): {} rows, {} to send ({totals}), {} excluded",
            draft.batch_id,
            draft.file.name,
            draft.file.sha256,
            s.counts.rows,
            s.counts.ready,
            s.counts.excluded
        );
        if same_file_again {
            detail.push_str("; the same file imported again on purpose");
        }
        let repeating = draft.repeating_rows();
        if again.duplicates && !repeating.is_empty() {
            let rows: Vec<String> = repeating.iter().map(ToString::to_string).collect();
            detail.push_str(&format!(
                "; rows {} repeat another row or a payout of the last 24 hours and are paid \
                 again on purpose",
                rows.join(", ")
            ));
        }
        let batch = NewBatch {
            id: draft.batch_id.clone(),
            scope: self.scope(),
            base_url: self.env().base_url.clone(),
            file_name: draft.file.name.clone(),
            file_sha256: draft.file.sha256.clone(),
            format: draft.file.format,
            separator: draft.file.separator.as_deref().map(|s| match s {
                "tab" => '\t',
                other => other.chars().next().unwrap_or(','),
            }),
            decimal: draft.decimal(),
            operator: crate::audit::os_user(),
            headers: draft.headers.clone(),
            totals: s.totals.clone(),
            rate_per_minute,
            rows: draft
                .rows
                .iter()
                .map(|r| NewBatchRow {
                    row: r.row,
                    cells: r.cells.iter().map(|c| c.text.clone()).collect(),
                    request: r.request.clone().filter(|_| !r.excluded),
                })
                .collect(),
            same_file_again,
        };
        let audit =
            AuditEvent::new(&self.scope(), AuditAction::BatchConfirmed, "ok").detail(detail);
        match self.journal.record_batch(&batch, audit).await? {
            BatchWritten::Written(record) => Ok(*record),
            BatchWritten::SameFile(earlier) => Err(same_file(&earlier)),
        }
    }

    /// The batches of this environment, newest first.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn batches(&self) -> Result<Vec<BatchRecord>> {
        self.journal.batches(&self.scope())
    }

    /// One batch of this environment with its progress.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `batch` when there is none; [`Error::Journal`].
    pub fn batch(&self, id: &str) -> Result<BatchRecord> {
        self.journal
            .batch(id.trim())?
            .filter(|b| b.scope == self.scope())
            .ok_or_else(|| refused("batch", tr("batch-not-found", &[("batch", id.into())])))
    }

    /// Pauses batch `id`: its sender stops after the row it is sending.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `batch` when it is done or cancelled.
    pub async fn pause_batch(&self, id: &str) -> Result<BatchRecord> {
        let batch = self.batch(id)?;
        let audit = AuditEvent::new(&self.scope(), AuditAction::BatchPaused, "ok")
            .detail(format!("batch {} paused by an operator", batch.id));
        self.journal
            .change_batch(&batch.id, BatchChange::Pause, Some(audit))
            .await
    }

    /// Cancels the rest of batch `id`: rows not sent yet are marked never sent (in the same
    /// transaction); rows sent stay as they are.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `batch` when it is done or cancelled already.
    pub async fn cancel_batch(&self, id: &str) -> Result<BatchRecord> {
        let batch = self.batch(id)?;
        let audit =
            AuditEvent::new(&self.scope(), AuditAction::BatchCancelled, "ok").detail(format!(
                "batch {}: the rest cancelled, {} rows not sent",
                batch.id, batch.progress.waiting
            ));
        self.journal
            .change_batch(&batch.id, BatchChange::Cancel, Some(audit))
            .await
    }

    /// Sends batch `id` (or resumes it) at `rate_per_minute` (the batch's own when `None`),
    /// row by row, until every row is sent, an operator pauses or cancels it, or the provider
    /// cannot be reached. `report` hears each row's outcome with the batch as it then stands.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `batch` (done, cancelled, sent by another desk right now) or
    /// `rate`; [`Error::MissingCredentials`]; journal errors.
    pub async fn send_batch(
        &self,
        id: &str,
        rate_per_minute: Option<u32>,
        report: &(dyn Fn(&RowSent, &BatchRecord) + Send + Sync),
    ) -> Result<(SendEnd, BatchRecord)> {
        let batch = self.batch(id)?;
        let rate = rate_per_minute.unwrap_or(batch.rate_per_minute);
        check_rate(rate)?;
        self.client()?;
        // One per send: two desks with the same user and process number (two machines, two
        // containers) are still two senders.
        let sender = format!(
            "{} (process {}, send {})",
            crate::audit::os_user(),
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        let start = |audit: Option<AuditEvent>| {
            self.journal.change_batch(
                &batch.id,
                BatchChange::Send {
                    sender: sender.clone(),
                    lease: BATCH_LEASE,
                    rate_per_minute: rate,
                },
                audit,
            )
        };
        let verb = if batch.state == BatchState::Ready {
            "started"
        } else {
            "resumed"
        };
        let started = start(Some(
            AuditEvent::new(&self.scope(), AuditAction::BatchStarted, "ok").detail(format!(
                "batch {} {verb} at {rate} requests a minute, {} rows waiting, {} open",
                batch.id, batch.progress.waiting, batch.progress.in_flight
            )),
        ))
        .await?;
        let spacing = Duration::from_secs_f64(60.0 / f64::from(rate));
        let mut last_send: Option<Instant> = None;
        let mut unreachable = 0;
        let rows = self.journal.batch_rows(&batch.id)?;
        let mut current = started;
        for row in rows {
            let Some(payout) = row.payout.as_ref() else {
                continue;
            };
            if !to_send(payout) {
                continue;
            }
            // Another window or process may have paused or cancelled it, or taken it over.
            let now = self.batch(&batch.id)?;
            match now.state {
                BatchState::Paused => return Ok((SendEnd::Paused, now)),
                BatchState::Cancelled => return Ok((SendEnd::Cancelled, now)),
                _ => {}
            }
            let renewed = self
                .journal
                .change_batch(
                    &batch.id,
                    BatchChange::Renew {
                        sender: sender.clone(),
                        lease: BATCH_LEASE,
                    },
                    None,
                )
                .await;
            match renewed {
                Ok(_) => {}
                // Paused, cancelled or taken over since it was read: say which.
                Err(Error::InvalidInput { .. }) => {
                    let now = self.batch(&batch.id)?;
                    let end = match now.state {
                        BatchState::Paused => SendEnd::Paused,
                        BatchState::Cancelled => SendEnd::Cancelled,
                        _ => SendEnd::TakenOver,
                    };
                    return Ok((end, now));
                }
                Err(e) => return Err(e),
            }
            if let Some(at) = last_send {
                let next = at + spacing;
                let wait = next.saturating_duration_since(Instant::now());
                if !wait.is_zero() {
                    tokio::time::sleep(wait).await;
                }
            }
            last_send = Some(Instant::now());
            let sent = self.send_row(&batch.id, &row).await;
            unreachable = match sent.outcome.as_str() {
                "not_sent" | "unreachable" => unreachable + 1,
                _ => 0,
            };
            let credentials = sent.outcome == "credentials";
            // A refusal that would refuse the next rows too (insufficient funds, a limit
            // reached) stops the batch rather than burning through it.
            let passing = sent.outcome == "declined"
                && sent.api_code.is_some_and(crate::codes::refusal_may_pass);
            current = self.batch(&batch.id)?;
            report(&sent, &current);
            if credentials || passing || unreachable >= UNREACHABLE_PAUSE {
                let why = if credentials {
                    format!(
                        "the credentials are missing or refused ({})",
                        sent.record.clone().unwrap_or_default()
                    )
                } else if passing {
                    format!(
                        "row {} was declined with a code that would decline the next rows too \
                         ({}); resume sends it again with its own external_id once that is \
                         resolved",
                        sent.row,
                        sent.record.clone().unwrap_or_default()
                    )
                } else {
                    format!("the provider could not be reached for {unreachable} rows in a row")
                };
                let audit = AuditEvent::new(&self.scope(), AuditAction::BatchPaused, "error")
                    .detail(format!("batch {} paused by its sender: {why}", batch.id));
                let paused = self
                    .journal
                    .change_batch(&batch.id, BatchChange::Pause, Some(audit))
                    .await?;
                let end = if credentials || passing {
                    SendEnd::Refused
                } else {
                    SendEnd::Unreachable
                };
                return Ok((end, paused));
            }
        }
        if current.progress.waiting > 0 {
            // Rows refused before they were sent (checked again and found wrong, their journal
            // record changed): the batch does not stay "sending" with nobody sending it.
            let audit =
                AuditEvent::new(&self.scope(), AuditAction::BatchPaused, "error").detail(format!(
                    "batch {} paused by its sender: {} rows could not be sent (see each row's \
                     history)",
                    batch.id, current.progress.waiting
                ));
            let paused = self
                .journal
                .change_batch(&batch.id, BatchChange::Pause, Some(audit))
                .await?;
            return Ok((SendEnd::Refused, paused));
        }
        if current.progress.waiting == 0 {
            let audit =
                AuditEvent::new(&self.scope(), AuditAction::BatchFinished, "ok").detail(format!(
                    "batch {}: {} created, {} declined, {} not sent, {} still being checked",
                    batch.id,
                    current.progress.created,
                    current.progress.declined,
                    current.progress.not_sent,
                    current.progress.in_flight
                ));
            let done = self
                .journal
                .change_batch(&batch.id, BatchChange::Finish, Some(audit))
                .await?;
            return Ok((SendEnd::Finished, done));
        }
        Ok((SendEnd::Paused, current))
    }

    /// Sends one row of a batch, written ahead in phase `queued` (or left open by a crash):
    /// checked again by this environment's rules, then driven by the create protocol under
    /// its own external_id; audited with `tag` (its batch and row).
    ///
    /// # Errors
    /// As [`Desk::create`]; [`Error::ExternalIdConflict`] when the row would now be sent with
    /// other contents than were written (the rules or the approval policy changed since).
    async fn create_batch_row(&self, request: &CreateCashout, tag: &str) -> Result<PayoutView> {
        let request = self.prepare_create(request, false)?;
        self.client()?;
        let detail = format!(
            "{} to {}; {tag}",
            request.amount_text(),
            request.beneficiary()
        );
        self.create_audited(AuditAction::Create, &request, None, detail)
            .await
    }

    /// Sends one row through the create protocol (see the module comment).
    async fn send_row(&self, batch: &str, row: &BatchRowRecord) -> RowSent {
        let payout = row.payout.as_ref();
        let external_id = payout
            .and_then(|p| p.external_id.clone())
            .unwrap_or_default();
        let mut sent = RowSent {
            row: row.row,
            external_id,
            outcome: String::new(),
            message: None,
            api_code: None,
            record: None,
        };
        let Some(request) = payout.and_then(|p| p.request.clone()) else {
            sent.outcome = "refused".into();
            sent.message = Some(tr("batch-row-no-request", &[]));
            return sent;
        };
        let tag = format!("row {} of batch {batch}", row.row);
        match self.create_batch_row(&request, &tag).await {
            Ok(view) => {
                sent.outcome = if view.cashout_id.is_some() || view.phase == Phase::Created {
                    "created"
                } else {
                    "unknown"
                }
                .into();
            }
            Err(e) => {
                sent.outcome = match &e {
                    // Refused for the credentials: every other row would be too.
                    _ if e.error_code() == crate::error::ErrorCode::Unauthorized => "credentials",
                    // The provider holds a cashout under the row's external_id that this
                    // journal did not make: to be checked, as the result file says.
                    Error::Api { .. } if e.api_code() == Some(511) => "check",
                    Error::Api { .. } => "declined",
                    Error::NotSent { .. } => "not_sent",
                    Error::Network(_) => "unreachable",
                    Error::OutcomeUnknown { .. } => "unknown",
                    Error::MissingCredentials(_) => "credentials",
                    _ => "refused",
                }
                .into();
                sent.api_code = e.api_code();
                // In the operator's language, like every message the window or CLI shows.
                sent.message = Some(e.message(crate::l10n::messages::active().lang()));
                sent.record = Some(e.to_string());
            }
        }
        sent
    }

    /// A batch's rows as the result file lists them: its input cells, then what each became.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] on `batch`; [`Error::Journal`].
    pub fn batch_results(&self, id: &str) -> Result<(BatchRecord, Vec<ResultRow>)> {
        let batch = self.batch(id)?;
        let rows = self
            .journal
            .batch_rows(&batch.id)?
            .into_iter()
            .map(|r| result_row(&batch, r))
            .collect();
        Ok((batch, rows))
    }
}

/// Whether a row's payout is for the sender: never sent yet (queued), caught mid-send (open:
/// looked up first by the create path), provably never left (not sent), or declined with a
/// code that may pass — the last two sent again with the same external_id.
fn to_send(payout: &PayoutRecord) -> bool {
    match payout.phase {
        Phase::Queued | Phase::Intent | Phase::Unknown | Phase::SentNotFound | Phase::NotSent => {
            true
        }
        // Declined with a code that may pass when sent again (insufficient funds, …): resume
        // sends it again, with its own external_id.
        // Also refused for the whole account (credentials, not enabled): the batch paused on
        // it, and the row goes again once that is put right.
        Phase::Declined => payout.api_code.is_some_and(|c| {
            c != 511 && (crate::codes::refusal_may_pass(c) || matches!(c, 302 | 401 | 402 | 524))
        }),
        Phase::Created | Phase::Abandoned => false,
    }
}

/// The refusal of a file batch `earlier` holds already.
fn same_file(earlier: &BatchRecord) -> Error {
    refused(
        "file",
        tr(
            "batch-same-file",
            &[
                ("sha256", earlier.file_sha256.as_str().into()),
                ("batch", earlier.id.as_str().into()),
                ("at", moment_shown(&earlier.created_at).into()),
                ("state", earlier.state.in_words().into()),
                ("created", earlier.progress.created.to_string().into()),
                ("payouts", i64::from(earlier.progress.payouts).into()),
            ],
        ),
    )
}

fn check_rate(rate: u32) -> Result<()> {
    if (1..=MAX_RATE_PER_MINUTE).contains(&rate) {
        Ok(())
    } else {
        Err(refused(
            "rate",
            tr(
                "batch-rate-out-of-range",
                &[
                    ("max", MAX_RATE_PER_MINUTE.to_string().into()),
                    ("rate", rate.to_string().into()),
                ],
            ),
        ))
    }
}

/// One result row of `batch`.
fn result_row(batch: &BatchRecord, r: BatchRowRecord) -> ResultRow {
    let Some(p) = r.payout else {
        return ResultRow {
            row: r.row,
            cells: r.cells,
            external_id: String::new(),
            outcome: "excluded".into(),
            cashout_id: None,
            status: None,
            code: None,
            explanation: tr("batch-result-excluded", &[]),
            updated_at: batch.created_at.clone(),
        };
    };
    let outcome = match p.phase {
        Phase::Queued => "waiting",
        Phase::Created => "created",
        // The provider holds a cashout under this row's external_id that no send of this
        // journal made (see `status_rules`): it may be this row paid from elsewhere.
        Phase::Declined if p.api_code == Some(511) => "check",
        Phase::Declined => "declined",
        Phase::NotSent if batch.state == BatchState::Cancelled => "cancelled",
        Phase::NotSent => "not_sent",
        Phase::Intent | Phase::Unknown | Phase::SentNotFound | Phase::Abandoned => "unknown",
    };
    let code = p.rejection_code.or(p.api_code);
    let explanation = match (p.status, p.rejection_code, p.phase) {
        (Some(CashoutStatus::Rejected), Some(c), _) => {
            let why =
                crate::codes::rejection_explanation(c, crate::l10n::messages::active().lang());
            format!("{} — {why}", p.rejection_reason.clone().unwrap_or_default())
        }
        (_, _, Phase::Declined) => p.last_error.clone().unwrap_or_default(),
        (_, _, Phase::Created) => String::new(),
        _ => p.last_error.clone().unwrap_or_default(),
    };
    ResultRow {
        row: r.row,
        cells: r.cells,
        external_id: p.external_id.clone().unwrap_or_default(),
        outcome: outcome.into(),
        cashout_id: p.cashout_id,
        status: p.status.map(|s| s.name().to_owned()),
        code,
        explanation,
        updated_at: p.updated_at.clone(),
    }
}

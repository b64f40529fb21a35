//! What the desk reads from the journal: lists, one payout as recorded, histories, the hold
//! board, the exchanges kept for the signing inspector, and the reconciliation export.
//!
//! Guarantees: nothing here needs credentials or talks to the provider; every read is of
//! this desk's environment only. Exports are audited with their outcome.

use super::{ids_of, Desk, PayoutView};
use crate::api::types::CashoutRef;
use crate::audit::{AuditAction, AuditEvent};
use crate::error::{Error, Result};
use crate::journal::{ExchangeRecord, HistoryEntry, ListFilter, PayoutRecord};
use crate::l10n::messages::tr;
use crate::l10n::{dates, Locale};
use crate::overview::{self, Overview, OverviewQuery};
use crate::period;
use crate::report::{self, CsvFlavor, HoldBoard};
use crate::status::CashoutStatus;

impl Desk {
    /// Journal records of this environment matching `filter`, a page at a time.
    ///
    /// Ordered by the filter's sort; a period is the operator's (the filter's time zone, else
    /// the system's), and each view's `created_local` is in that zone.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] for a period or time zone that is not one
    /// (fields `period_from`, `period_to`, `time_zone`).
    pub fn list(&self, filter: ListFilter) -> Result<Vec<PayoutView>> {
        let (filter, zone) = self.resolved(filter)?;
        Ok(self
            .journal
            .list(&filter)?
            .iter()
            .map(|r| {
                let mut view = PayoutView::of(r);
                view.created_local = period::local_time(&r.created_at, &zone);
                view.created_shown =
                    dates::instant_shown(&r.created_at, &zone, dates::Precision::Minute);
                view
            })
            .collect())
    }

    /// `filter` for this environment, its period turned into instants in the operator's time
    /// zone (which is returned with it).
    fn resolved(&self, mut filter: ListFilter) -> Result<(ListFilter, jiff::tz::TimeZone)> {
        filter.scope = Some(self.scope());
        let zone = period::zone(filter.time_zone.as_deref())?;
        let range = match &filter.period {
            Some(p) => p.resolve(&zone, self.journal.now_instant())?,
            None => period::InstantRange::default(),
        };
        filter.created_from = range.from;
        filter.created_before = range.before;
        Ok((filter, zone))
    }

    /// The overview of this environment for `query`'s period (see [`crate::overview`]), its
    /// texts written for `locale`; COMPLETED younger than `late_window_days` is provisional.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] for a period or time zone that is not one.
    pub fn overview(
        &self,
        query: &OverviewQuery,
        late_window_days: u32,
        locale: &Locale,
    ) -> Result<Overview> {
        let zone = period::zone(query.time_zone.as_deref())?;
        let now = self.journal.now_instant();
        let days = query.period.local_days(&zone, now)?;
        let from = days
            .days
            .first()
            .map_or_else(|| days.end.clone(), |(_, start)| start.clone());
        // Added up on a second thread while the journal is read (the two take similar time
        // when the period holds every payout).
        let scope = self.scope();
        let tally = overview::tally_while_reading(
            overview::Tally::new(&days, now, late_window_days),
            |each| self.journal.overview_rows(&scope, &from, &days.end, each),
        )?;
        let (currencies, payouts, unreadable, amount_unknown) = tally.finish(&days, now, locale);
        Ok(Overview {
            scope: self.scope(),
            first_day: days
                .days
                .first()
                .map(|(d, _)| d.clone())
                .unwrap_or_default(),
            last_day: days.days.last().map(|(d, _)| d.clone()).unwrap_or_default(),
            time_zone: zone.iana_name().unwrap_or("system").to_owned(),
            at: crate::clock::format_instant(now),
            locale: locale.tag().to_owned(),
            late_window_days,
            payouts,
            unreadable,
            amount_unknown,
            currencies,
        })
    }

    /// A payout as the journal knows it, without asking the provider (shown at once, and when
    /// the provider cannot be reached).
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] when it is not in the journal.
    pub fn recorded(&self, which: &CashoutRef) -> Result<PayoutView> {
        Ok(PayoutView::of(&self.journal_record(which)?))
    }

    /// Every record of this environment matching `filter` (its limit and offset ignored),
    /// newest first, from one consistent snapshot of the journal; with their histories when
    /// asked.
    fn all_records(
        &self,
        filter: ListFilter,
        with_history: bool,
    ) -> Result<Vec<(PayoutRecord, Vec<HistoryEntry>)>> {
        let (filter, _) = self.resolved(filter)?;
        self.journal.snapshot(&filter, with_history)
    }

    /// ON_HOLD payouts of this environment, oldest hold first, with the money they reserve per
    /// currency (as the journal last saw them).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn hold_board(&self) -> Result<HoldBoard> {
        let mut held: Vec<PayoutRecord> = self
            .all_records(
                ListFilter {
                    status: Some(CashoutStatus::OnHold),
                    ..ListFilter::default()
                },
                false,
            )?
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        held.sort_by(|a, b| a.status_since.cmp(&b.status_since).then(a.id.cmp(&b.id)));
        Ok(report::hold_board(&held, self.journal.now_instant()))
    }

    /// The reconciliation export of this environment's payouts matching `filter`, as CSV in
    /// `flavor`, written to the file at `path` (see [`report::write_file`]: never over a
    /// database, over an existing file only with `overwrite`); audited with the outcome of the
    /// write. Returns the number of payouts in it.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] (field `file`) when the file cannot be
    /// written.
    pub async fn export_to_file(
        &self,
        filter: ListFilter,
        flavor: CsvFlavor,
        path: &std::path::Path,
        overwrite: report::Overwrite,
    ) -> Result<usize> {
        let to = path.display().to_string();
        self.audited_export(filter, flavor, &to, |csv| {
            report::write_file(path, csv, overwrite)
        })
        .await
        .map(|(_, n)| n)
    }

    /// As [`Desk::export_to_file`], returning the text (for standard output).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub async fn export_text(
        &self,
        filter: ListFilter,
        flavor: CsvFlavor,
    ) -> Result<(String, usize)> {
        self.audited_export(filter, flavor, "standard output", |_| Ok(()))
            .await
    }

    /// Builds the export from one snapshot, hands it to `write`, and audits what happened.
    async fn audited_export(
        &self,
        filter: ListFilter,
        flavor: CsvFlavor,
        to: &str,
        write: impl FnOnce(&str) -> Result<()>,
    ) -> Result<(String, usize)> {
        let result = self
            .all_records(filter.clone(), true)
            .map(|records| {
                let rows: Vec<Vec<String>> = records
                    .iter()
                    .map(|(r, history)| report::export_row(r, history))
                    .collect();
                (report::write_csv(&rows, flavor), rows.len())
            })
            .and_then(|(csv, n)| write(&csv).map(|()| (csv, n)));
        let mut detail = format!("to {to}");
        if let Some(s) = filter.status {
            detail.push_str(&format!("; status {}", s.name()));
        }
        if let Some(c) = &filter.country {
            detail.push_str(&format!("; country {c}"));
        }
        if let Some(c) = &filter.currency {
            detail.push_str(&format!("; currency {c}"));
        }
        if !filter.phases.is_empty() {
            let phases: Vec<&str> = filter.phases.iter().map(|p| p.as_str()).collect();
            detail.push_str(&format!("; phases {}", phases.join(",")));
        }
        if filter.sent_only {
            detail.push_str("; sent to the provider only");
        }
        if let Some(p) = &filter.period {
            // The period as asked (`{"kind":"custom","from":…}`): what was meant, in the
            // operator's zone; the instants follow from it and the zone below.
            detail.push_str(&format!(
                "; period {}",
                serde_json::to_string(p).unwrap_or_default()
            ));
            if let Some(z) = &filter.time_zone {
                detail.push_str(&format!(" in {z}"));
            }
        }
        if let Some(t) = filter.text.as_deref().filter(|t| !t.is_empty()) {
            detail.push_str(&format!("; search {t:?}"));
        }
        let event = match &result {
            Ok((_, n)) => AuditEvent::new(&self.scope(), AuditAction::Export, "ok")
                .detail(format!("{n} payouts {detail}")),
            Err(e) => AuditEvent::new(&self.scope(), AuditAction::Export, e.code())
                .detail(format!("{detail}; {e}")),
        };
        self.journal.append_audit(event).await?;
        result
    }

    /// The requests sent for a payout and the answers, for the signing inspector.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] when it is not in the journal.
    pub fn exchanges(&self, which: &CashoutRef) -> Result<Vec<ExchangeRecord>> {
        self.journal.exchanges(self.journal_record(which)?.id)
    }

    /// The payouts of this environment the watcher polls (see [`Journal::watchable`]).
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn watchable(&self, completed_since: &str) -> Result<Vec<PayoutRecord>> {
        self.journal.watchable(&self.scope(), completed_since)
    }

    /// A journal record by its row id.
    ///
    /// # Errors
    /// [`Error::Journal`].
    pub fn record(&self, id: i64) -> Result<Option<PayoutRecord>> {
        self.journal.get(id)
    }

    /// A payout's history, for the state diagram.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] when it is not in the journal.
    pub fn history(&self, which: &CashoutRef) -> Result<Vec<HistoryEntry>> {
        self.journal.history(self.journal_record(which)?.id)
    }

    /// The record `which` names, in this environment.
    ///
    /// # Errors
    /// [`Error::Journal`]; [`Error::InvalidInput`] at the id's field when it is not there.
    pub(super) fn journal_record(&self, which: &CashoutRef) -> Result<PayoutRecord> {
        let (id, external_id) = ids_of(which);
        self.journal
            .find(&self.scope(), id, external_id)?
            .ok_or_else(|| Error::InvalidInput {
                field: which.field(),
                message: tr("d-payout-not-in-journal", &[]),
            })
    }
}

/// A record in a few words, for messages, in the operator's language: its status or phase
/// (the journal's names, as the list's filters show them) and its cashout id.
pub(super) fn describe_record(r: &PayoutRecord) -> String {
    let state = r
        .status
        .map_or_else(|| r.phase.as_str().to_owned(), |s| s.name().to_owned());
    match (r.cashout_id, r.api_code) {
        (Some(id), _) => tr(
            "d-record-cashout",
            &[("id", id.to_string().into()), ("state", state.into())],
        ),
        (None, Some(code)) => tr(
            "d-record-code",
            &[("state", state.into()), ("code", code.to_string().into())],
        ),
        (None, None) => state,
    }
}

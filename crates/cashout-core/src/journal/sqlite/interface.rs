//! The embedded store's side of the store interface: each method of
//! [`JournalStore`] answered by the [`SqliteStore`] method of the same name (documented there and
//! on the trait). Kept apart so the writes in `mod.rs` read as the protocol they are.

use std::path::Path;
use std::time::Duration;

use super::SqliteStore;
use crate::api::types::{CashoutId, CashoutRef, CreateCashout, Exchange, StatusAnswer};
use crate::audit::{AuditEntry, AuditEvent, AuditFilter, AuditVerdict};
use crate::batch::records::{BatchChange, BatchRecord, BatchRowRecord, BatchWritten, NewBatch};
use crate::beneficiaries::{BeneficiaryDetails, SavedBeneficiary};
use crate::error::Result;
use crate::journal::store::{JournalStore, Pending, SendClaim};
use crate::journal::{
    Claimed, DuplicateGuard, HistoryEntry, IntentOutcome, ListFilter, PayoutRecord, Phase, Watched,
};
use crate::status::CashoutStatus;

impl JournalStore for SqliteStore {
    fn record_batch<'a>(
        &'a self,
        batch: &'a NewBatch,
        audit: AuditEvent,
    ) -> Pending<'a, BatchWritten> {
        Box::pin(Self::record_batch(self, batch, audit))
    }

    fn change_batch<'a>(
        &'a self,
        id: &'a str,
        change: BatchChange,
        audit: Option<AuditEvent>,
    ) -> Pending<'a, BatchRecord> {
        Box::pin(Self::change_batch(self, id, change, audit))
    }

    fn earlier_payouts(
        &self,
        scope: &str,
        since: &str,
    ) -> Result<Vec<crate::batch::EarlierPayout>> {
        Self::earlier_payouts(self, scope, since)
    }

    fn batches(&self, scope: &str) -> Result<Vec<BatchRecord>> {
        Self::batches(self, scope)
    }

    fn batch(&self, id: &str) -> Result<Option<BatchRecord>> {
        Self::batch(self, id)
    }

    fn batch_rows(&self, id: &str) -> Result<Vec<BatchRowRecord>> {
        Self::batch_rows(self, id)
    }

    fn batch_row_of(&self, scope: &str, external_id: &str) -> Result<Option<(String, u32)>> {
        Self::batch_row_of(self, scope, external_id)
    }

    fn claim_correction<'a>(
        &'a self,
        scope: &'a str,
        corrected: &'a str,
        by: &'a str,
    ) -> Pending<'a, Option<String>> {
        Box::pin(Self::claim_correction(self, scope, corrected, by))
    }

    fn release_correction<'a>(
        &'a self,
        scope: &'a str,
        corrected: &'a str,
        by: &'a str,
    ) -> Pending<'a, ()> {
        Box::pin(Self::release_correction(self, scope, corrected, by))
    }

    fn correction_of(&self, scope: &str, corrected: &str) -> Result<Option<String>> {
        Self::correction_of(self, scope, corrected)
    }

    fn beneficiaries(&self, scope: &str) -> Result<Vec<SavedBeneficiary>> {
        Self::beneficiaries(self, scope)
    }

    fn save_beneficiary<'a>(
        &'a self,
        scope: &'a str,
        label: &'a str,
        details: &'a BeneficiaryDetails,
        audit: AuditEvent,
    ) -> Pending<'a, bool> {
        Box::pin(Self::save_beneficiary(self, scope, label, details, audit))
    }

    fn delete_beneficiary<'a>(
        &'a self,
        scope: &'a str,
        label: &'a str,
        audit: AuditEvent,
    ) -> Pending<'a, bool> {
        Box::pin(Self::delete_beneficiary(self, scope, label, audit))
    }

    fn describe(&self) -> String {
        format!("the journal file {}", self.path.display())
    }

    fn file(&self) -> Option<&Path> {
        Some(&self.path)
    }

    fn disk_flushes(&self) -> u64 {
        Self::disk_flushes(self)
    }

    fn record_intent<'a>(
        &'a self,
        scope: &'a str,
        base_url: &'a str,
        request: &'a CreateCashout,
        guard: Option<DuplicateGuard>,
        claim: &'a SendClaim,
    ) -> Pending<'a, IntentOutcome> {
        Box::pin(Self::record_intent(
            self, scope, base_url, request, guard, claim,
        ))
    }

    fn claim_send<'a>(&'a self, id: i64, claim: &'a SendClaim) -> Pending<'a, Claimed> {
        Box::pin(Self::claim_send(self, id, claim))
    }

    fn release_send<'a>(&'a self, id: i64, token: &'a str) -> Pending<'a, ()> {
        Box::pin(Self::release_send(self, id, token))
    }

    fn record_sending<'a>(&'a self, id: i64, claim: &'a SendClaim) -> Pending<'a, ()> {
        Box::pin(Self::record_sending(self, id, claim))
    }

    fn record_created_audited(
        &self,
        id: i64,
        cashout_id: CashoutId,
        status: CashoutStatus,
        audit: Option<AuditEvent>,
    ) -> Pending<'_, PayoutRecord> {
        Box::pin(Self::record_created_audited(
            self, id, cashout_id, status, audit,
        ))
    }

    fn record_exchange_detached(&self, id: i64, exchange: Exchange) {
        Self::record_exchange_detached(self, id, exchange);
    }

    fn record_declined<'a>(
        &'a self,
        id: i64,
        api_code: i64,
        message: &'a str,
        fence: Option<&'a str>,
    ) -> Pending<'a, ()> {
        Box::pin(Self::record_declined(self, id, api_code, message, fence))
    }

    fn record_phase<'a>(
        &'a self,
        id: i64,
        phase: Phase,
        detail: &'a str,
        fence: Option<&'a str>,
    ) -> Pending<'a, bool> {
        Box::pin(Self::record_phase(self, id, phase, detail, fence))
    }

    fn record_abandoned<'a>(
        &'a self,
        id: i64,
        detail: &'a str,
        audit: AuditEvent,
    ) -> Pending<'a, Option<PayoutRecord>> {
        Box::pin(Self::record_abandoned(self, id, detail, audit))
    }

    fn record_status<'a>(
        &'a self,
        id: i64,
        answer: &'a StatusAnswer,
        event: &'static str,
    ) -> Pending<'a, Option<CashoutStatus>> {
        Box::pin(Self::record_status(self, id, answer, event))
    }

    fn record_watched<'a>(
        &'a self,
        id: i64,
        which: &'a CashoutRef,
        answer: &'a StatusAnswer,
        sent_at: String,
    ) -> Pending<'a, Watched> {
        Box::pin(Self::record_watched(self, id, which, answer, sent_at))
    }

    fn claim_poll<'a>(&'a self, id: i64, until: &'a str) -> Pending<'a, bool> {
        Box::pin(Self::claim_poll(self, id, until))
    }

    fn release_poll(&self, id: i64) -> Pending<'_, ()> {
        Box::pin(Self::release_poll(self, id))
    }

    fn take_request_slot<'a>(&'a self, scope: &'a str, spacing: Duration) -> Pending<'a, Duration> {
        Box::pin(Self::take_request_slot(self, scope, spacing))
    }

    fn import_payout<'a>(
        &'a self,
        record: &'a PayoutRecord,
        history: &'a [HistoryEntry],
        source: &'a str,
    ) -> Pending<'a, crate::journal::Imported> {
        Box::pin(Self::import_payout(self, record, history, source))
    }

    fn record_event<'a>(
        &'a self,
        id: i64,
        event: &'static str,
        detail: &'a str,
    ) -> Pending<'a, ()> {
        Box::pin(Self::record_event(self, id, event, detail))
    }

    fn record_lookup<'a>(
        &'a self,
        scope: &'a str,
        base_url: &'a str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&'a str>,
    ) -> Pending<'a, i64> {
        Box::pin(Self::record_lookup(
            self,
            scope,
            base_url,
            cashout_id,
            external_id,
        ))
    }

    fn append_audit(&self, event: AuditEvent) -> Pending<'_, AuditEntry> {
        Box::pin(Self::append_audit(self, event))
    }

    fn get(&self, id: i64) -> Result<Option<PayoutRecord>> {
        Self::get(self, id)
    }

    fn find(
        &self,
        scope: &str,
        cashout_id: Option<CashoutId>,
        external_id: Option<&str>,
    ) -> Result<Option<PayoutRecord>> {
        Self::find(self, scope, cashout_id, external_id)
    }

    fn overview_rows(
        &self,
        scope: &str,
        from: &str,
        before: &str,
        each: &mut dyn FnMut(&crate::journal::OverviewRow<'_>),
    ) -> Result<()> {
        Self::overview_rows(self, scope, from, before, each)
    }

    fn watchable(&self, scope: &str, completed_since: &str) -> Result<Vec<PayoutRecord>> {
        Self::watchable(self, scope, completed_since)
    }

    fn unresolved(&self, scope: &str, before: &str) -> Result<Vec<PayoutRecord>> {
        Self::unresolved(self, scope, before)
    }

    fn list(&self, filter: &ListFilter) -> Result<Vec<PayoutRecord>> {
        Self::list(self, filter)
    }

    fn snapshot(
        &self,
        filter: &ListFilter,
        with_history: bool,
    ) -> Result<Vec<(PayoutRecord, Vec<HistoryEntry>)>> {
        Self::snapshot(self, filter, with_history)
    }

    fn kept_exchanges(&self, id: i64) -> Result<Vec<(String, Exchange)>> {
        Self::kept_exchanges(self, id)
    }

    fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        Self::audit_log(self, filter)
    }

    fn verify_audit(&self) -> Result<AuditVerdict> {
        Self::verify_audit(self)
    }

    fn history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        Self::history(self, id)
    }
}

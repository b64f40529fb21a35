//! The watcher: polls the provider for every payout that can still change, so the journal
//! (and the diagrams drawn from it) follow payouts without anyone clicking, and reports each
//! observed change once.
//!
//! Why it exists: the provider's notifications need a public URL a workstation does not have,
//! and a COMPLETED payout can still turn REJECTED days later when the bank returns the funds.
//!
//! Guarantees:
//! - Only status checks are sent; the watcher never creates or holds, and releases or cancels
//!   only what a team's approvers decided (an approved payout released, a rejected or expired
//!   one cancelled) when the desk that decided it did not finish ([`Desk::sweep_approvals`],
//!   run with each reconcile).
//! - Never more than [`WatchConfig::rate_per_sec`] requests per second, spaced with jitter
//!   (longer, never shorter, than the cap's spacing) — for all the desks on one journal
//!   together: right before each request, its slot is taken in the journal
//!   ([`crate::journal::store::JournalStore::take_request_slot`]), so two desks (or the app and
//!   a `cashout watch`) polling one environment share one cap. A desk that finds the slot taken
//!   gives the payout's poll back and tries again when the next slot comes.
//! - Each payout is polled on its own schedule ([`Intervals`]): PENDING and DELIVERED often,
//!   backing off as they age; ON_HOLD less often; COMPLETED for [`WatchConfig::completed_window`]
//!   to catch late rejections; final states never.
//! - When the provider cannot be reached, polling pauses with growing pauses (up to a minute)
//!   and resumes by itself; the pause and the resumption are reported.
//! - Every observed change is written to the journal history (with its time) before it is
//!   reported; a late rejection (COMPLETED → REJECTED) is marked as such.
//! - Time comes from the injected [`Clock`]; [`Watcher::step`] does one round of work and says
//!   when the next is due, so tests drive it without sleeping.
//!
//! - Each payout's poll of a round is claimed in the journal first, so desks (or the app and a
//!   `cashout watch`) sharing a journal poll it once per round between them.
//!
//! Left out: the lookups of reconcile are spaced by their own back-off, not by the cap (they
//! are few: creates whose outcome is unknown). Desks set to different caps share the slots,
//! each spacing the next by its own. ON_HOLD alerts are raised once per watcher run. What the
//! watcher reports, and the notices worth a notification, are in `events`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;

use crate::api::types::CashoutRef;
use crate::clock::{format_instant, parse_instant, Clock};
use crate::desk::{Desk, PayoutView, RECONCILE_MIN_AGE};
use crate::error::{Error, Result};
use crate::journal::PayoutRecord;
use crate::l10n::messages::tr;
use crate::status::CashoutStatus;

mod events;
pub use events::{DeskEvent, HoldAlert, Notice, StatusChange, WatchEvent};

/// How often each kind of payout is polled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intervals {
    /// PENDING and DELIVERED: `(younger than, every)` by time in the status, in order; the
    /// last `every` applies beyond.
    pub active: Vec<(Duration, Duration)>,
    /// ON_HOLD: nothing moves until someone releases it.
    pub on_hold: Duration,
    /// COMPLETED, first day: returns come back quickly when the account is wrong.
    pub completed_first_day: Duration,
    /// COMPLETED, after the first day, until the window closes.
    pub completed_later: Duration,
}

impl Default for Intervals {
    fn default() -> Self {
        Self {
            active: vec![
                (Duration::from_secs(10 * 60), Duration::from_secs(30)),
                (Duration::from_secs(2 * 3600), Duration::from_secs(2 * 60)),
                (Duration::from_secs(24 * 3600), Duration::from_secs(10 * 60)),
                (Duration::MAX, Duration::from_secs(3600)),
            ],
            on_hold: Duration::from_secs(15 * 60),
            completed_first_day: Duration::from_secs(3600),
            completed_later: Duration::from_secs(6 * 3600),
        }
    }
}

impl Intervals {
    /// Every interval multiplied by `factor` (tests and demonstrations run the same schedule
    /// faster).
    #[must_use]
    pub fn scaled(&self, factor: f64) -> Self {
        let s = |d: Duration| {
            if d == Duration::MAX {
                d
            } else {
                d.mul_f64(factor)
            }
        };
        Self {
            active: self.active.iter().map(|(a, e)| (s(*a), s(*e))).collect(),
            on_hold: s(self.on_hold),
            completed_first_day: s(self.completed_first_day),
            completed_later: s(self.completed_later),
        }
    }

    /// How long after a check of a payout `status` for `in_status` the next check is due;
    /// `None` when it is never polled again.
    #[must_use]
    pub fn every(
        &self,
        status: CashoutStatus,
        in_status: Duration,
        window: Duration,
    ) -> Option<Duration> {
        match status {
            CashoutStatus::Pending | CashoutStatus::Delivered => self
                .active
                .iter()
                .find(|(younger, _)| in_status < *younger)
                .or(self.active.last())
                .map(|(_, every)| *every),
            CashoutStatus::OnHold => Some(self.on_hold),
            CashoutStatus::Completed if in_status < window => {
                Some(if in_status < Duration::from_secs(24 * 3600).min(window) {
                    self.completed_first_day
                } else {
                    self.completed_later
                })
            }
            _ => None,
        }
    }
}

/// What the watcher does and how fast.
#[derive(Debug, Clone)]
pub struct WatchConfig {
    pub intervals: Intervals,
    /// How long COMPLETED payouts are re-checked for a late rejection.
    pub completed_window: Duration,
    /// The most status requests per second.
    pub rate_per_sec: u32,
    /// Up to this fraction is added to each wait, so polls of many payouts do not line up.
    pub jitter: f64,
    /// ON_HOLD payouts older than this are reported once (their funds stay reserved).
    pub hold_alert_after: Duration,
    /// How often the journal is re-read for payouts created or changed elsewhere.
    pub refresh_every: Duration,
    /// How often open creates are reconciled (see [`Desk::reconcile`]).
    pub reconcile_every: Duration,
    /// The longest pause while the provider cannot be reached.
    pub max_offline_pause: Duration,
}

impl Default for WatchConfig {
    fn default() -> Self {
        Self {
            intervals: Intervals::default(),
            completed_window: Duration::from_secs(14 * 24 * 3600),
            rate_per_sec: 5,
            jitter: 0.1,
            hold_alert_after: Duration::from_secs(24 * 3600),
            refresh_every: Duration::from_secs(30),
            reconcile_every: RECONCILE_MIN_AGE,
            max_offline_pause: Duration::from_secs(60),
        }
    }
}

impl WatchConfig {
    /// The configuration an operator chooses: COMPLETED payouts re-checked for
    /// `late_rejection_window_days`, ON_HOLD ones reported after `hold_alert_hours`, at most
    /// `rate_per_sec` status requests per second; the rest as [`WatchConfig::default`]. The
    /// ranges live here only: the app's settings and `cashout watch` both come through it.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the value out of range.
    pub fn chosen(
        late_rejection_window_days: u32,
        hold_alert_hours: u32,
        rate_per_sec: u32,
    ) -> Result<Self> {
        for (ok, field, message_id) in [
            (
                (1..=90).contains(&late_rejection_window_days),
                "late_rejection_window_days",
                "d-watch-late-window-range",
            ),
            (
                (1..=720).contains(&hold_alert_hours),
                "hold_alert_hours",
                "d-watch-hold-alert-range",
            ),
            (
                (1..=50).contains(&rate_per_sec),
                "rate",
                "d-watch-rate-range",
            ),
        ] {
            if !ok {
                return Err(Error::InvalidInput {
                    field,
                    message: tr(message_id, &[]),
                });
            }
        }
        Ok(Self {
            completed_window: Duration::from_secs(u64::from(late_rejection_window_days) * 86_400),
            hold_alert_after: Duration::from_secs(u64::from(hold_alert_hours) * 3600),
            rate_per_sec,
            ..Self::default()
        })
    }

    /// This schedule run `factor` times as fast: every interval, alert age and pause (the rate
    /// cap, the jitter and the late-rejection window unchanged).
    #[must_use]
    pub fn scaled(self, factor: f64) -> Self {
        Self {
            intervals: self.intervals.scaled(factor),
            hold_alert_after: self.hold_alert_after.mul_f64(factor),
            refresh_every: self.refresh_every.mul_f64(factor),
            reconcile_every: self.reconcile_every.mul_f64(factor),
            max_offline_pause: self.max_offline_pause.mul_f64(factor),
            ..self
        }
    }

    /// As [`WatchConfig::scaled`] by `CASHOUT_WATCH_SCALE` when it is set to a positive number
    /// (tests and demonstrations of the app and the CLI); unchanged otherwise.
    #[must_use]
    pub fn with_env_scale(self) -> Self {
        match std::env::var("CASHOUT_WATCH_SCALE")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|f| *f > 0.0)
        {
            Some(f) => self.scaled(f),
            None => self,
        }
    }
}

/// The outcome of one [`Watcher::step`].
#[derive(Debug, Clone, Default)]
pub struct StepReport {
    pub events: Vec<WatchEvent>,
    /// Status requests sent in this step.
    pub polled: usize,
    /// When the next step has work to do.
    pub next_wake: Option<OffsetDateTime>,
}

#[derive(Debug, Clone)]
struct Tracked {
    which: CashoutRef,
    status: CashoutStatus,
    status_since: OffsetDateTime,
    due: OffsetDateTime,
    hold_alerted: bool,
}

#[derive(Debug, Clone, Copy)]
struct Offline {
    pause: Duration,
    retry_at: OffsetDateTime,
}

/// Polls one environment's payouts through a [`Desk`]. See the module comment.
pub struct Watcher {
    desk: Arc<Desk>,
    clock: Arc<dyn Clock>,
    config: WatchConfig,
    tracked: HashMap<i64, Tracked>,
    refreshed_at: Option<OffsetDateTime>,
    reconciled_at: Option<OffsetDateTime>,
    next_send: OffsetDateTime,
    offline: Option<Offline>,
    rng: fastrand::Rng,
}

impl Watcher {
    /// A watcher over `desk`'s environment and journal, on `clock`.
    #[must_use]
    pub fn new(desk: Arc<Desk>, clock: Arc<dyn Clock>, config: WatchConfig) -> Self {
        let now = clock.now();
        Self {
            desk,
            clock,
            config,
            tracked: HashMap::new(),
            refreshed_at: None,
            reconciled_at: None,
            next_send: now,
            offline: None,
            rng: fastrand::Rng::new(),
        }
    }

    /// As [`Watcher::new`] with a fixed jitter seed, for repeatable tests.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.rng = fastrand::Rng::with_seed(seed);
        self
    }

    /// Payouts being watched.
    #[must_use]
    pub fn watched(&self) -> usize {
        self.tracked.len()
    }

    /// Re-reads the journal at the next step (call after creating or acting on a payout).
    pub fn refresh_soon(&mut self) {
        self.refreshed_at = None;
    }

    fn jittered(&mut self, d: Duration) -> Duration {
        d.mul_f64(1.0 + self.config.jitter.max(0.0) * self.rng.f64())
    }

    fn due_after(
        &mut self,
        status: CashoutStatus,
        since: OffsetDateTime,
        checked: OffsetDateTime,
    ) -> Option<OffsetDateTime> {
        let in_status = (checked - since).try_into().unwrap_or(Duration::ZERO);
        let every = self
            .config
            .intervals
            .every(status, in_status, self.config.completed_window)?;
        Some(checked + self.jittered(every))
    }

    fn refresh(&mut self, now: OffsetDateTime) -> Result<()> {
        let completed_since = format_instant(now - self.config.completed_window);
        let records = self.desk.watchable(&completed_since)?;
        let mut seen = HashMap::with_capacity(records.len());
        for r in records {
            let Some(status) = r.status else { continue };
            let Some(which) = reference(&r) else { continue };
            let since = r
                .status_since
                .as_deref()
                .and_then(parse_instant)
                .unwrap_or(now);
            let checked = r
                .checked_at
                .as_deref()
                .and_then(parse_instant)
                .unwrap_or(now);
            let keep = self.tracked.remove(&r.id).filter(|t| t.status == status);
            let entry = match keep {
                Some(t) => t,
                None => {
                    let Some(due) = self.due_after(status, since, checked) else {
                        continue;
                    };
                    Tracked {
                        which,
                        status,
                        status_since: since,
                        due,
                        hold_alerted: false,
                    }
                }
            };
            seen.insert(r.id, entry);
        }
        self.tracked = seen;
        self.refreshed_at = Some(now);
        Ok(())
    }

    /// Does the work due now: re-reads the journal when due, reconciles when due, raises hold
    /// alerts, and polls due payouts within the rate cap. Returns what happened and when the
    /// next work is due.
    ///
    /// # Errors
    /// [`Error::Journal`] when the journal cannot be read or written; polling failures are not
    /// errors (they pause polling or reschedule the payout).
    pub async fn step(&mut self) -> Result<StepReport> {
        let mut report = StepReport::default();
        let now = self.clock.now();
        if self
            .refreshed_at
            .is_none_or(|t| now - t >= self.config.refresh_every)
        {
            self.refresh(now)?;
        }
        if let Some(off) = self.offline {
            if now < off.retry_at {
                report.next_wake = Some(off.retry_at);
                return Ok(report);
            }
        }
        if self
            .reconciled_at
            .is_none_or(|t| now - t >= self.config.reconcile_every)
        {
            self.reconciled_at = Some(now);
            let r = self.desk.reconcile().await?;
            if r.checked > 0 {
                report.events.push(WatchEvent::Reconciled {
                    at: format_instant(now),
                    report: r,
                });
                self.refreshed_at = None;
            }
            // Expired approvals are cancelled, and decided ones a desk left unsettled are
            // released or cancelled (team journal; nothing on a local one).
            let sweep = self.desk.sweep_approvals().await?;
            if sweep.expired + sweep.settled + sweep.failed > 0 {
                report.events.push(WatchEvent::ApprovalsSwept {
                    at: format_instant(now),
                    sweep,
                });
                self.refreshed_at = None;
            }
        }
        self.raise_hold_alerts(now, &mut report)?;
        let mut due: Vec<(OffsetDateTime, i64)> = self
            .tracked
            .iter()
            .filter(|(_, t)| t.due <= now)
            .map(|(id, t)| (t.due, *id))
            .collect();
        due.sort_unstable();
        for (_, id) in due {
            if self.next_send > self.clock.now() {
                break;
            }
            // One desk of a team polls a payout per round; the others skip it until then, and
            // see its status when they next read the journal.
            if !self.claim_round(id, now).await? {
                continue;
            }
            // The slot of the rate cap all desks on the journal share, taken right before
            // sending; when another desk has it, the poll is given back for the next slot.
            let spacing = self.jittered(Duration::from_secs(1) / self.config.rate_per_sec.max(1));
            let wait = self.desk.take_request_slot(spacing).await?;
            let taken_at = self.clock.now();
            if !wait.is_zero() {
                self.next_send = taken_at + wait;
                self.desk.release_poll(id).await?;
                break;
            }
            // Nobody, this desk included, sends again before the spacing has passed.
            self.next_send = taken_at + spacing;
            report.polled += 1;
            if !self.poll(id, now, &mut report).await? {
                break;
            }
        }
        report.next_wake = self.next_wake();
        Ok(report)
    }

    /// Claims payout `id`'s poll of this round (until just before its next one); when another
    /// desk holds it, moves this desk's turn to the next round and answers `false`.
    async fn claim_round(&mut self, id: i64, now: OffsetDateTime) -> Result<bool> {
        let Some(t) = self.tracked.get(&id).cloned() else {
            return Ok(true);
        };
        let next = self
            .due_after(t.status, t.status_since, now)
            .unwrap_or(now + Duration::from_secs(60));
        let until = now + (next - now) * 0.9;
        if self.desk.claim_poll(id, until).await? {
            return Ok(true);
        }
        if let Some(t) = self.tracked.get_mut(&id) {
            t.due = next;
        }
        Ok(false)
    }

    /// Polls one payout; `false` when the provider is unreachable (stop this round).
    async fn poll(
        &mut self,
        id: i64,
        now: OffsetDateTime,
        report: &mut StepReport,
    ) -> Result<bool> {
        let Some(t) = self.tracked.get(&id).cloned() else {
            return Ok(true);
        };
        match self.desk.watch_check(id, &t.which).await {
            Ok(None) => {
                // Merged into another record, or its id now names another payout.
                self.tracked.remove(&id);
                self.refreshed_at = None;
                Ok(true)
            }
            Ok(Some(record)) => {
                if self.offline.take().is_some() {
                    report.events.push(WatchEvent::Online {
                        at: format_instant(now),
                    });
                }
                let Some(status) = record.status else {
                    self.tracked.remove(&id);
                    return Ok(true);
                };
                let since = if status == t.status {
                    t.status_since
                } else {
                    record
                        .status_since
                        .as_deref()
                        .and_then(parse_instant)
                        .unwrap_or(now)
                };
                if status != t.status {
                    report.events.push(WatchEvent::Changed(StatusChange {
                        at: format_instant(now),
                        from: Some(t.status),
                        to: status,
                        late_rejection: t.status == CashoutStatus::Completed
                            && status == CashoutStatus::Rejected,
                        payout: PayoutView::of(&record),
                    }));
                }
                match self.due_after(status, since, now) {
                    Some(due) => {
                        let hold_alerted = t.hold_alerted && status == t.status;
                        self.tracked.insert(
                            id,
                            Tracked {
                                which: t.which,
                                status,
                                status_since: since,
                                due,
                                hold_alerted,
                            },
                        );
                    }
                    None => {
                        self.tracked.remove(&id);
                    }
                }
                Ok(true)
            }
            Err(Error::Network(detail)) => {
                let pause = match self.offline {
                    Some(o) => (o.pause * 2).min(self.config.max_offline_pause),
                    None => (self.config.max_offline_pause / 12).max(Duration::from_millis(100)),
                };
                let retry_at = now + pause;
                if self.offline.is_none() {
                    report.events.push(WatchEvent::Offline {
                        at: format_instant(now),
                        retry_at: format_instant(retry_at),
                        detail,
                    });
                }
                self.offline = Some(Offline { pause, retry_at });
                // Nothing was learned this round: the poll is free again (this desk retries
                // when the provider is back, or another desk does).
                self.desk.release_poll(id).await?;
                Ok(false)
            }
            Err(e @ (Error::Journal(_) | Error::TeamJournal(_))) => Err(e),
            Err(_) => {
                // The provider answered, but not with a status (e.g. not found while its
                // records catch up, or credentials revoked): try this one again much later
                // rather than hammering it.
                let every = self
                    .config
                    .intervals
                    .every(t.status, Duration::ZERO, self.config.completed_window)
                    .unwrap_or(self.config.intervals.on_hold);
                let due = now + self.jittered(every.max(self.config.intervals.on_hold));
                if let Some(entry) = self.tracked.get_mut(&id) {
                    entry.due = due;
                }
                Ok(true)
            }
        }
    }

    fn raise_hold_alerts(&mut self, now: OffsetDateTime, report: &mut StepReport) -> Result<()> {
        let after = self.config.hold_alert_after;
        let old_holds: Vec<i64> = self
            .tracked
            .iter()
            .filter(|(_, t)| {
                t.status == CashoutStatus::OnHold
                    && !t.hold_alerted
                    && now - t.status_since >= after
            })
            .map(|(id, _)| *id)
            .collect();
        for id in old_holds {
            let Some(record) = self.desk.record(id)? else {
                self.tracked.remove(&id);
                continue;
            };
            if let Some(t) = self.tracked.get_mut(&id) {
                t.hold_alerted = true;
                report.events.push(WatchEvent::HoldAlert(HoldAlert {
                    at: format_instant(now),
                    held_since: format_instant(t.status_since),
                    payout: PayoutView::of(&record),
                }));
            }
        }
        Ok(())
    }

    fn next_wake(&self) -> Option<OffsetDateTime> {
        let after = self.config.hold_alert_after;
        // While the provider is unreachable, nothing is polled before the retry.
        let earliest = self
            .offline
            .map_or(self.next_send, |off| off.retry_at.max(self.next_send));
        let polls = self.tracked.values().map(|t| t.due.max(earliest));
        let alerts = self
            .tracked
            .values()
            .filter(|t| t.status == CashoutStatus::OnHold && !t.hold_alerted)
            .map(|t| t.status_since + after);
        let housekeeping = [
            self.refreshed_at.map(|t| t + self.config.refresh_every),
            self.reconciled_at.map(|t| t + self.config.reconcile_every),
        ];
        polls
            .chain(alerts)
            .chain(housekeeping.into_iter().flatten())
            .min()
    }

    /// Runs until its task is dropped, handing each event to `emit`; sleeps between steps on
    /// the real clock (or until `wake` is notified, e.g. after a create). A journal failure does
    /// not stop it: it is reported as [`WatchEvent::Stalled`] and retried after a pause.
    ///
    /// # Errors
    /// None in practice; the signature leaves room for a fatal error.
    pub async fn run(
        &mut self,
        wake: Arc<tokio::sync::Notify>,
        mut emit: impl FnMut(WatchEvent),
    ) -> Result<()> {
        self.run_steps(wake, |events| events.into_iter().for_each(&mut emit))
            .await
    }

    /// As [`Watcher::run`], handing `emit` the events of each step together (one pass over
    /// the payouts due), after every step, with no events too: what is gathered over time is
    /// told in time (see [`crate::desk::Desk::fold_notices`]).
    ///
    /// # Errors
    /// None in practice; the signature leaves room for a fatal error.
    pub async fn run_steps(
        &mut self,
        wake: Arc<tokio::sync::Notify>,
        mut emit: impl FnMut(Vec<WatchEvent>),
    ) -> Result<()> {
        let mut failures = 0u32;
        loop {
            let report = match self.step().await {
                Ok(mut r) => {
                    if failures > 0 {
                        let at = format_instant(self.clock.now());
                        r.events.insert(0, WatchEvent::Online { at });
                    }
                    failures = 0;
                    r
                }
                // The journal failed (e.g. busy past its timeout while another process
                // writes): keep watching after a pause that grows, instead of stopping.
                Err(e) => {
                    failures = failures.saturating_add(1);
                    let pause = Duration::from_secs(1) * failures.min(60);
                    let now = self.clock.now();
                    emit(vec![WatchEvent::Stalled {
                        at: format_instant(now),
                        retry_at: format_instant(now + pause),
                        detail: tr(
                            "d-watch-journal-failed",
                            &[("detail", e.report().message.into())],
                        ),
                    }]);
                    tokio::select! {
                        () = tokio::time::sleep(pause) => {}
                        () = wake.notified() => {}
                    }
                    self.refresh_soon();
                    continue;
                }
            };
            emit(report.events);
            let now = self.clock.now();
            let wait = report
                .next_wake
                .map_or(self.config.refresh_every, |t| {
                    (t - now).try_into().unwrap_or(Duration::ZERO)
                })
                .min(self.config.refresh_every)
                .max(Duration::from_millis(10));
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = wake.notified() => self.refresh_soon(),
            }
        }
    }
}

fn reference(r: &PayoutRecord) -> Option<CashoutRef> {
    match (r.cashout_id, &r.external_id) {
        (Some(id), _) => Some(CashoutRef::Id(crate::api::types::CashoutId(id))),
        (None, Some(x)) => Some(CashoutRef::ExternalId(x.clone())),
        (None, None) => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod tests;

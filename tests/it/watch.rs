//! The watcher against the real sandbox over loopback, on the shared manual clock: schedules,
//! the rate cap, back-off, pauses while the provider is unreachable, late rejections and hold
//! alerts. Time only moves when a test moves it; nothing sleeps.

use std::sync::Arc;
use std::time::Duration;

use cashout_core::clock::Clock;
use cashout_core::desk::Desk;
use cashout_core::status::CashoutStatus;
use cashout_core::watch::{StepReport, WatchConfig, WatchEvent, Watcher};
use cashout_tests::{br_pix, by_ext, Rig};
use okp_sandbox::{Endpoint, Fault};

fn watcher(rig: &Rig, config: WatchConfig) -> Watcher {
    Watcher::new(Arc::new(rig.desk()), Arc::new(rig.clock.clone()), config).with_seed(7)
}

fn changes(report: &StepReport) -> Vec<(Option<CashoutStatus>, CashoutStatus, bool)> {
    report
        .events
        .iter()
        .filter_map(|e| match e {
            WatchEvent::Changed(c) => Some((c.from, c.to, c.late_rejection)),
            _ => None,
        })
        .collect()
}

/// Moves the clock to the watcher's next wake-up and steps, until `until` has passed.
async fn run_until(rig: &Rig, w: &mut Watcher, until: Duration) -> Vec<(Duration, StepReport)> {
    let start = rig.clock.now();
    let mut out = Vec::new();
    loop {
        let report = w.step().await.expect("step");
        let at: Duration = (rig.clock.now() - start).try_into().unwrap();
        let next = report.next_wake.expect("something is watched");
        out.push((at, report));
        let wait: Duration = (next - rig.clock.now())
            .try_into()
            .unwrap_or(Duration::ZERO);
        if at + wait > until {
            return out;
        }
        rig.clock.advance(wait.max(Duration::from_millis(1)));
    }
}

#[tokio::test]
async fn a_payout_moves_to_completed_and_a_late_rejection_is_caught_and_marked() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let mut req = br_pix("late-1", "75.00");
    req.comments = Some("sandbox:late-reject=826".into());
    desk.create(&req, &Default::default())
        .await
        .expect("created");
    let mut w = watcher(&rig, WatchConfig::default());

    let first = w.step().await.unwrap();
    assert_eq!(first.polled, 0, "just created: not due yet");
    assert_eq!(w.watched(), 1);

    // The sandbox delivers after 60 s and completes 60 s later; the watcher polls every 30-33 s.
    let steps = run_until(&rig, &mut w, Duration::from_secs(200)).await;
    let seen: Vec<_> = steps.iter().flat_map(|(_, r)| changes(r)).collect();
    assert_eq!(
        seen,
        [
            (
                Some(CashoutStatus::Pending),
                CashoutStatus::Delivered,
                false
            ),
            (
                Some(CashoutStatus::Delivered),
                CashoutStatus::Completed,
                false
            ),
        ]
    );

    // The bank returns the funds 120 s after completion; COMPLETED is re-checked hourly.
    let steps = run_until(&rig, &mut w, Duration::from_secs(2 * 3600)).await;
    let seen: Vec<_> = steps.iter().flat_map(|(_, r)| changes(r)).collect();
    assert_eq!(
        seen,
        [(
            Some(CashoutStatus::Completed),
            CashoutStatus::Rejected,
            true
        )]
    );
    assert_eq!(w.watched(), 0, "REJECTED is final: no more polls");

    let history = desk.history(&by_ext("late-1")).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.status, Some(CashoutStatus::Rejected));
    assert!(
        last.detail
            .as_deref()
            .unwrap()
            .contains("late rejection after COMPLETED, 826"),
        "{last:?}"
    );
    // Only changes are written: the dozens of polls left no other lines.
    let statuses: Vec<_> = history.iter().filter_map(|h| h.status).collect();
    assert_eq!(
        statuses,
        [
            CashoutStatus::Pending,
            CashoutStatus::Delivered,
            CashoutStatus::Completed,
            CashoutStatus::Rejected
        ]
    );
}

#[tokio::test]
async fn polls_of_a_stuck_payout_back_off_as_it_ages() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let mut req = br_pix("stuck-1", "10.00");
    req.comments = Some("sandbox:hold-forever".into());
    desk.create(&req, &Default::default())
        .await
        .expect("created");
    let mut w = watcher(&rig, WatchConfig::default());

    let steps = run_until(&rig, &mut w, Duration::from_secs(4 * 3600)).await;
    let polls: Vec<Duration> = steps
        .iter()
        .filter(|(_, r)| r.polled > 0)
        .map(|(at, _)| *at)
        .collect();
    let gaps: Vec<(Duration, Duration)> = polls.windows(2).map(|p| (p[0], p[1] - p[0])).collect();
    for (at, gap) in &gaps {
        let (low, high) = if *at < Duration::from_secs(10 * 60) {
            (30, 34)
        } else if *at < Duration::from_secs(2 * 3600) {
            (120, 133)
        } else {
            (600, 661)
        };
        assert!(
            gap.as_secs() >= low && gap.as_secs() <= high,
            "a poll at {at:?} was followed {gap:?} later; expected {low}-{high} s"
        );
    }
    // 10 min at ~30 s, 110 min at ~2 min, 2 h at ~10 min.
    assert!((70..=95).contains(&polls.len()), "{} polls", polls.len());
}

/// Asserts that no second after any poll in `poll_times` holds more than `cap` polls.
fn assert_at_most_per_second(poll_times: &[time::Duration], cap: usize) {
    for (i, t) in poll_times.iter().enumerate() {
        let in_window = poll_times
            .iter()
            .filter(|u| **u >= *t && **u < *t + Duration::from_secs(1))
            .count();
        assert!(
            in_window <= cap,
            "{in_window} polls in the second after poll {i}: {poll_times:?}"
        );
    }
}

#[tokio::test]
async fn two_watchers_on_one_journal_keep_one_rate_cap_between_them() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    for i in 0..20 {
        desk.create(
            &br_pix(&format!("shared-rate-{i}"), &format!("{}.00", 10 + i)),
            &Default::default(),
        )
        .await
        .expect("created");
    }
    // The app and a `cashout watch`: two journals opened on the same file.
    let second = Desk::new(
        rig.client(),
        rig.second_journal(),
        cashout_core::desk::RetryPolicy::default(),
    );
    let mut watchers = [
        watcher(&rig, WatchConfig::default()),
        Watcher::new(
            Arc::new(second),
            Arc::new(rig.clock.clone()),
            WatchConfig::default(),
        )
        .with_seed(11),
    ];
    for w in &mut watchers {
        w.step().await.unwrap();
    }
    rig.clock.advance(Duration::from_secs(40));
    let start = rig.clock.now();
    let mut poll_times = Vec::new();
    let mut by_watcher = [0, 0];
    for i in 0..600 {
        // Whoever steps first may take the slot: take turns at stepping first.
        for k in [i % 2, 1 - i % 2] {
            let r = watchers[k].step().await.unwrap();
            by_watcher[k] += r.polled;
            for _ in 0..r.polled {
                poll_times.push(rig.clock.now() - start);
            }
        }
        rig.clock.advance(Duration::from_millis(10));
    }
    assert_eq!(poll_times.len(), 20, "every due payout polled once");
    assert!(
        by_watcher.iter().all(|n| *n > 0),
        "both watchers took turns: {by_watcher:?}"
    );
    assert_at_most_per_second(&poll_times, 5);
}

#[tokio::test]
async fn the_rate_cap_keeps_polls_at_five_per_second_or_fewer() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    for i in 0..15 {
        desk.create(
            &br_pix(&format!("rate-{i}"), &format!("{}.00", 10 + i)),
            &Default::default(),
        )
        .await
        .expect("created");
    }
    let mut w = watcher(&rig, WatchConfig::default());
    w.step().await.unwrap();
    rig.clock.advance(Duration::from_secs(40));
    // All 15 are due at once; step every 10 ms of clock time for 4 s.
    let start = rig.clock.now();
    let mut poll_times = Vec::new();
    for _ in 0..400 {
        let r = w.step().await.unwrap();
        for _ in 0..r.polled {
            poll_times.push(rig.clock.now() - start);
        }
        rig.clock.advance(Duration::from_millis(10));
    }
    assert_eq!(poll_times.len(), 15, "every due payout was polled");
    assert_at_most_per_second(&poll_times, 5);
    let spread = *poll_times.last().unwrap() - poll_times[0];
    assert!(
        spread >= Duration::from_millis(14 * 200),
        "15 polls spaced at least 200 ms: {spread:?}"
    );
}

#[tokio::test]
async fn an_unreachable_provider_pauses_polling_and_it_resumes_by_itself() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    desk.create(&br_pix("offline-1", "20.00"), &Default::default())
        .await
        .expect("created");
    let mut w = watcher(&rig, WatchConfig::default());
    w.step().await.unwrap();
    rig.clock.advance(Duration::from_secs(40));
    for _ in 0..3 {
        rig.sandbox
            .inject(Fault::DropBeforeCommit(Endpoint::Status));
    }

    let r = w.step().await.unwrap();
    assert_eq!(r.polled, 1);
    assert!(
        matches!(r.events.as_slice(), [WatchEvent::Offline { .. }]),
        "{:?}",
        r.events
    );
    // Paused: nothing is sent before the retry time, however often it is stepped.
    let paused_until = r.next_wake.unwrap();
    assert!(paused_until > rig.clock.now());
    let r = w.step().await.unwrap();
    assert_eq!(r.polled, 0);

    // The pauses grow while it stays unreachable; only one Offline event is reported.
    let mut pauses = Vec::new();
    let mut last = rig.clock.now();
    for _ in 0..2 {
        let wake = w.step().await.unwrap().next_wake.unwrap();
        rig.clock
            .advance((wake - rig.clock.now()).try_into().unwrap());
        let r = w.step().await.unwrap();
        assert_eq!(r.polled, 1);
        assert!(r.events.is_empty(), "{:?}", r.events);
        pauses.push(rig.clock.now() - last);
        last = rig.clock.now();
    }
    assert!(pauses[1] > pauses[0], "{pauses:?}");

    // Reachable again: the next attempt succeeds and says so.
    let wake = w.step().await.unwrap().next_wake.unwrap();
    rig.clock
        .advance((wake - rig.clock.now()).try_into().unwrap());
    let r = w.step().await.unwrap();
    assert_eq!(r.polled, 1);
    assert!(
        r.events
            .iter()
            .any(|e| matches!(e, WatchEvent::Online { .. })),
        "{:?}",
        r.events
    );
}

#[tokio::test]
async fn an_old_hold_is_reported_once() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let mut req = br_pix("held-1", "300.00");
    req.on_hold = true;
    desk.create(&req, &Default::default())
        .await
        .expect("created on hold");
    let config = WatchConfig {
        hold_alert_after: Duration::from_secs(3600),
        ..WatchConfig::default()
    };
    let mut w = watcher(&rig, config);
    let steps = run_until(&rig, &mut w, Duration::from_secs(3 * 3600)).await;
    let alerts: Vec<_> = steps
        .iter()
        .flat_map(|(at, r)| {
            r.events.iter().filter_map(move |e| match e {
                WatchEvent::HoldAlert(a) => Some((*at, a.clone())),
                _ => None,
            })
        })
        .collect();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    let (at, alert) = &alerts[0];
    assert!(
        *at >= Duration::from_secs(3600) && *at < Duration::from_secs(3700),
        "{at:?}"
    );
    assert_eq!(alert.payout.external_id.as_deref(), Some("held-1"));
    assert_eq!(alert.payout.status, Some(CashoutStatus::OnHold));
}

#[tokio::test]
async fn final_payouts_and_old_completed_ones_are_not_polled() {
    let rig = Rig::start().await;
    let desk = rig.desk();
    let created = desk
        .create(&br_pix("done-1", "20.00"), &Default::default())
        .await
        .expect("created");
    let id = cashout_core::api::types::CashoutId(created.cashout_id.unwrap());
    desk.cancel(id, None).await.expect("cancelled");
    let mut w = watcher(&rig, WatchConfig::default());
    let r = w.step().await.unwrap();
    assert_eq!(w.watched(), 0);
    assert_eq!(r.polled, 0);

    // A COMPLETED payout drops out when its window closes.
    desk.create(&br_pix("done-2", "21.00"), &Default::default())
        .await
        .expect("created");
    let config = WatchConfig {
        completed_window: Duration::from_secs(3 * 3600),
        ..WatchConfig::default()
    };
    let mut w = watcher(&rig, config);
    run_until(&rig, &mut w, Duration::from_secs(200)).await;
    assert_eq!(w.watched(), 1, "COMPLETED, inside its window");
    rig.clock.advance(Duration::from_secs(4 * 3600));
    w.refresh_soon();
    w.step().await.unwrap();
    assert_eq!(w.watched(), 0, "window closed");
}

//! Tests of the watcher: its chosen values, how often each status is polled, and what it notifies.

use super::*;

#[test]
fn chosen_values_are_checked_once_and_each_out_of_range_value_names_its_field() {
    let c = WatchConfig::chosen(90, 720, 50).expect("the edges are allowed");
    assert_eq!(c.completed_window, Duration::from_secs(90 * 86_400));
    assert_eq!(c.hold_alert_after, Duration::from_secs(720 * 3600));
    assert_eq!(c.rate_per_sec, 50);
    for (days, hours, rate, field) in [
        (0, 24, 5, "late_rejection_window_days"),
        (91, 24, 5, "late_rejection_window_days"),
        (14, 0, 5, "hold_alert_hours"),
        (14, 721, 5, "hold_alert_hours"),
        (14, 24, 0, "rate"),
        (14, 24, 51, "rate"),
    ] {
        let e = WatchConfig::chosen(days, hours, rate).expect_err("out of range");
        assert_eq!(e.field(), Some(field), "{days} {hours} {rate}");
    }
}

const MIN: Duration = Duration::from_secs(60);
const DAY: Duration = Duration::from_secs(24 * 3600);

#[test]
fn pending_payouts_are_polled_often_then_back_off_as_they_age() {
    let i = Intervals::default();
    let w = 14 * DAY;
    let pending = |age| i.every(CashoutStatus::Pending, age, w).unwrap();
    assert_eq!(pending(Duration::ZERO), Duration::from_secs(30));
    assert_eq!(pending(9 * MIN), Duration::from_secs(30));
    assert_eq!(pending(11 * MIN), 2 * MIN);
    assert_eq!(pending(3 * 60 * MIN), 10 * MIN);
    assert_eq!(pending(3 * DAY), 60 * MIN);
    assert_eq!(
        i.every(CashoutStatus::Delivered, 11 * MIN, w),
        Some(2 * MIN)
    );
}

#[test]
fn holds_are_polled_less_often_and_final_states_never() {
    let i = Intervals::default();
    let w = 14 * DAY;
    assert_eq!(i.every(CashoutStatus::OnHold, DAY, w), Some(15 * MIN));
    for s in [
        CashoutStatus::Rejected,
        CashoutStatus::Cancelled,
        CashoutStatus::Declined,
    ] {
        assert_eq!(i.every(s, Duration::ZERO, w), None, "{s:?}");
    }
}

#[test]
fn completed_payouts_are_watched_for_the_window_only() {
    let i = Intervals::default();
    let w = 14 * DAY;
    assert_eq!(i.every(CashoutStatus::Completed, MIN, w), Some(60 * MIN));
    assert_eq!(
        i.every(CashoutStatus::Completed, 2 * DAY, w),
        Some(6 * 60 * MIN)
    );
    assert_eq!(i.every(CashoutStatus::Completed, 14 * DAY, w), None);
}

fn payout(status: CashoutStatus, rejection: Option<i64>) -> PayoutView {
    PayoutView {
        cashout_id: Some(8_400_001),
        external_id: Some("inv-1".into()),
        status: Some(status),
        status_code: status.code().map(i64::from),
        rejection_code: rejection,
        rejection_reason: rejection.map(|_| "Invalid account".into()),
        rejection_explanation: rejection.map(crate::codes::explain_rejection),
        field_to_fix: None,
        phase: crate::journal::Phase::Created,
        note: None,
        checking: false,
        state_note: None,
        environment: "sandbox".into(),
        amount: Some("150.25".into()),
        currency: Some("BRL".into()),
        amount_shown: Some("BRL 150.25".into()),
        country: Some("BR".into()),
        beneficiary: Some("Ana Souza".into()),
        provider_reference: None,
        allowed_actions: Vec::new(),
        recovery: Vec::new(),
        created_at: String::new(),
        created_local: String::new(),
        created_shown: String::new(),
        correctable: false,
        payee: None,
        updated_at: String::new(),
    }
}

fn changed(from: CashoutStatus, to: CashoutStatus, rejection: Option<i64>) -> WatchEvent {
    WatchEvent::Changed(StatusChange {
        at: String::new(),
        from: Some(from),
        to,
        late_rejection: from == CashoutStatus::Completed && to == CashoutStatus::Rejected,
        payout: payout(to, rejection),
    })
}

#[test]
fn a_late_rejection_is_notified_as_such_with_the_code_explained() {
    let n = changed(CashoutStatus::Completed, CashoutStatus::Rejected, Some(814))
        .notice()
        .expect("notified");
    assert!(n.title.starts_with("Late rejection"), "{}", n.title);
    assert!(
        n.body.contains("BRL 150.25 to Ana Souza (cashout 8400001)"),
        "{}",
        n.body
    );
    assert!(n.body.contains("814"), "{}", n.body);
    assert_eq!(n.cashout_id, Some(8_400_001));
}

#[test]
fn completed_and_rejected_are_notified_and_delivered_is_not() {
    let done = changed(CashoutStatus::Delivered, CashoutStatus::Completed, None);
    assert_eq!(done.notice().expect("completed").title, "Payout completed");
    let rejected = changed(CashoutStatus::Delivered, CashoutStatus::Rejected, Some(814));
    assert_eq!(
        rejected.notice().expect("rejected").title,
        "Payout rejected"
    );
    assert!(
        changed(CashoutStatus::Pending, CashoutStatus::Delivered, None)
            .notice()
            .is_none()
    );
    let offline = WatchEvent::Offline {
        at: String::new(),
        retry_at: String::new(),
        detail: String::new(),
    };
    assert!(offline.notice().is_none());
}

#[test]
fn an_old_hold_is_notified_with_how_long_it_has_lasted() {
    let alert = WatchEvent::HoldAlert(HoldAlert {
        at: "2026-11-21T11:30:00.000Z".into(),
        held_since: "2026-11-20T09:00:00.000Z".into(),
        payout: payout(CashoutStatus::OnHold, None),
    });
    let n = alert.notice().expect("notified");
    assert_eq!(n.title, "On hold for 1 d 2 h: funds still reserved");
    assert!(n.body.contains("BRL 150.25"), "{}", n.body);
}

#[test]
fn a_faster_schedule_keeps_the_late_rejection_window_and_the_rate_cap() {
    let fast = WatchConfig::default().scaled(0.01);
    assert_eq!(
        fast.completed_window,
        WatchConfig::default().completed_window
    );
    assert_eq!(fast.rate_per_sec, 5);
    assert_eq!(fast.intervals.on_hold, Duration::from_secs(9));
    assert_eq!(fast.hold_alert_after, Duration::from_secs(864));
}

#[test]
fn scaling_keeps_the_shape_of_the_schedule() {
    let i = Intervals::default().scaled(0.01);
    assert_eq!(i.on_hold, Duration::from_secs(9));
    assert_eq!(i.active.last().unwrap().0, Duration::MAX);
}

//! A provider that misbehaves on demand: each broken-provider fault, shown with the bytes on
//! the wire (raw TCP) and with the work it did (or did not do) behind the answer.

mod support;

use std::time::{Duration, Instant};

use okp_sandbox::{parse_fault_spec, Endpoint, Fault};
use serde_json::{json, Value};
use support::{body, open, raw_call, raw_request, raw_status, read_all, rig, split};
use tokio::io::AsyncReadExt;

fn json_of(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or(Value::Null)
}

// ---------------------------------------------------------------- OtherCashout

#[tokio::test]
async fn other_cashout_on_status_answers_about_the_newest_other_cashout_with_its_ids() {
    let r = rig().await;
    let mine = r.create_ok("mine").await;
    let held = r.create_ok("other").await;
    assert_eq!(r.update(held, "ON_HOLD").await.status(), 5);
    r.sandbox.inject(Fault::OtherCashout(Endpoint::Status));
    let wire = raw_status(&r, mine).await;
    assert!(wire.head.starts_with("HTTP/1.1 200"), "{}", wire.head);
    assert_eq!(
        json_of(&wire.body),
        json!({
            "cashout_status": 5, "cashout_status_description": "On hold",
            "cashout_id": held, "external_id": "other",
        })
    );
    // Without the fault the answer is about the cashout asked for, and carries no ids.
    assert_eq!(
        r.status_of(mine).await.body,
        json!({ "cashout_status": 0, "cashout_status_description": "Pending" })
    );
}

#[tokio::test]
async fn other_cashout_on_update_and_cancel_does_the_work_on_the_cashout_asked_for() {
    let r = rig().await;
    let other = r.create_ok("other").await;
    let mine = r.create_ok("mine").await;
    r.sandbox.inject(Fault::OtherCashout(Endpoint::Update));
    let hold = json!({ "cashout_id": mine, "status": "ON_HOLD" });
    let wire = raw_call(&r, "PUT", "/v3/cashout/status", hold).await;
    let answer = json_of(&wire.body);
    assert_eq!(answer["cashout_id"], other);
    assert_eq!(answer["external_id"], "other");
    assert_eq!(answer["cashout_status"], 0);
    assert_eq!(
        r.status_of(mine).await.status(),
        5,
        "the hold was committed"
    );

    r.sandbox.inject(Fault::OtherCashout(Endpoint::Cancel));
    let cancel = json!({ "cashout_id": mine, "external_id": "mine" });
    let wire = raw_call(&r, "DELETE", "/v3/cashout/cancel", cancel).await;
    assert_eq!(json_of(&wire.body)["cashout_id"], other);
    assert_eq!(
        r.status_of(mine).await.status(),
        2,
        "the cancel was committed"
    );
    assert_eq!(
        r.status_of(other).await.status(),
        0,
        "the other cashout is untouched"
    );
}

#[tokio::test]
async fn other_cashout_on_create_answers_another_existing_id_and_still_creates() {
    let r = rig().await;
    let earlier = r.create_ok("earlier").await;
    r.sandbox.inject(Fault::OtherCashout(Endpoint::Create));
    let fields = support::create_fields("BR", "new-one", json!({}));
    let request = raw_request("POST", "/v3/cashout", &body(&fields, Some("10")));
    let wire = read_all(open(&r, &request).await, Duration::from_secs(10)).await;
    assert!(wire.head.starts_with("HTTP/1.1 200"), "{}", wire.head);
    assert_eq!(
        json_of(&wire.body),
        json!({ "cashout_id": earlier.to_string() })
    );
    assert_eq!(r.sandbox.cashouts_for_external_id("new-one"), 1);
    assert_eq!(r.sandbox.cashout_count(), 2);
}

#[tokio::test]
async fn other_cashout_with_no_other_cashout_invents_ids_that_match_nothing() {
    let r = rig().await;
    r.sandbox.inject(Fault::OtherCashout(Endpoint::Create));
    let a = r.create("BR", "only", json!({})).await;
    let invented: i64 = a.body["cashout_id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("an id");
    assert_ne!(invented, 8_400_001, "not the id just created");
    assert_eq!(
        r.status_of(invented).await.code(),
        509,
        "an id no cashout has"
    );

    r.sandbox.inject(Fault::OtherCashout(Endpoint::Status));
    let s = r.status_of(8_400_001).await;
    assert_eq!(s.http, 200);
    assert_ne!(s.body["cashout_id"], 8_400_001);
    assert_ne!(s.body["external_id"], "only");
}

// ---------------------------------------------------------------- UnknownStatus

#[tokio::test]
async fn unknown_status_answers_the_code_after_doing_the_work() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    r.sandbox.inject(Fault::UnknownStatus {
        endpoint: Endpoint::Update,
        code: 9,
    });
    let hold = json!({ "cashout_id": id, "status": "ON_HOLD" });
    let wire = raw_call(&r, "PUT", "/v3/cashout/status", hold).await;
    assert!(wire.head.starts_with("HTTP/1.1 200"), "{}", wire.head);
    let answer = json_of(&wire.body);
    assert_eq!(answer["cashout_status"], 9);
    assert_eq!(answer["cashout_status_description"], "Status 9");
    assert_eq!(r.status_of(id).await.status(), 5, "the hold was committed");

    r.sandbox.inject(Fault::UnknownStatus {
        endpoint: Endpoint::Status,
        code: -1,
    });
    assert_eq!(r.status_of(id).await.status(), -1);
    assert_eq!(r.status_of(id).await.status(), 5, "one-shot");
}

// ---------------------------------------------------------------- HugeBody

#[tokio::test]
async fn huge_body_has_exactly_the_size_asked_and_starts_like_the_real_answer() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    let bytes: usize = 1 << 20;
    r.sandbox.inject(Fault::HugeBody {
        endpoint: Endpoint::Status,
        bytes: bytes as u64,
    });
    let wire = raw_status(&r, id).await;
    assert!(wire.head.starts_with("HTTP/1.1 200"), "{}", wire.head);
    assert_eq!(wire.content_length(), Some(bytes));
    assert_eq!(wire.body.len(), bytes);
    let start = br#"{"cashout_status":0,"cashout_status_description":"Pending","pad":"xxxx"#;
    assert!(
        wire.body.starts_with(start),
        "{:?}",
        String::from_utf8_lossy(&wire.body[..80])
    );
    // It is still one valid JSON object.
    let value = json_of(&wire.body);
    assert_eq!(value["cashout_status"], 0);
    assert!(value["pad"].as_str().is_some_and(|p| p.len() > 1_000_000));
}

#[tokio::test]
async fn huge_body_smaller_than_the_answer_is_its_first_bytes() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    r.sandbox.inject(Fault::HugeBody {
        endpoint: Endpoint::Status,
        bytes: 10,
    });
    let wire = raw_status(&r, id).await;
    assert_eq!(wire.body, br#"{"cashout_"#.to_vec());
}

// ---------------------------------------------------------------- Truncated

#[tokio::test]
async fn truncated_announces_the_full_length_sends_half_and_closes() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    let full = serde_json::to_vec(&r.status_of(id).await.body).expect("bytes");
    r.sandbox.inject(Fault::Truncated(Endpoint::Status));
    let wire = raw_status(&r, id).await;
    assert!(wire.head.starts_with("HTTP/1.1 200"), "{}", wire.head);
    assert_eq!(wire.content_length(), Some(full.len()));
    assert_eq!(wire.body, full[..full.len() / 2].to_vec());
}

#[tokio::test]
async fn truncated_create_is_committed_and_the_client_sees_a_broken_body() {
    let r = rig().await;
    r.sandbox.inject(Fault::Truncated(Endpoint::Create));
    let fields = support::create_fields("BR", "cut", json!({}));
    let payload = body(&fields, Some("10"));
    let resp = r
        .http
        .post(r.url("/v3/cashout"))
        .header("Payload-Signature", support::sign(&payload))
        .body(payload)
        .send()
        .await
        .expect("the head arrives");
    assert_eq!(resp.status().as_u16(), 200);
    assert!(resp.bytes().await.is_err(), "the body is cut short");
    assert_eq!(r.sandbox.cashouts_for_external_id("cut"), 1);
}

// ---------------------------------------------------------------- SlowDrip

#[tokio::test]
async fn slow_drip_sends_the_valid_answer_one_byte_at_a_time() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    let every = Duration::from_millis(20);
    r.sandbox.inject(Fault::SlowDrip {
        endpoint: Endpoint::Status,
        every,
    });
    let request = raw_request(
        "POST",
        "/v3/cashout/status",
        &body(&json!({ "cashout_id": id }), None),
    );
    let mut stream = open(&r, &request).await;
    let started = Instant::now();
    let mut received = Vec::new();
    let mut reads = 0;
    let mut buf = [0u8; 1024];
    loop {
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("bytes keep coming")
            .expect("read");
        if n == 0 {
            break;
        }
        reads += 1;
        received.extend_from_slice(&buf[..n]);
    }
    let wire = split(&received);
    let expected = json!({ "cashout_status": 0, "cashout_status_description": "Pending" });
    assert_eq!(json_of(&wire.body), expected);
    let n = wire.body.len();
    assert!(started.elapsed() >= every * u32::try_from(n - 1).expect("small"));
    assert!(
        reads >= n / 2,
        "{reads} reads for {n} bytes: the body came in pieces"
    );
}

// ---------------------------------------------------------------- StaleNotFound

#[tokio::test]
async fn stale_not_found_queued_five_times_answers_509_five_times_then_the_truth() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    for _ in 0..5 {
        r.sandbox.inject(Fault::StaleNotFound(Endpoint::Status));
    }
    for i in 0..5 {
        let a = r.status_of(id).await;
        assert_eq!((a.http, a.code()), (412, 509), "stale answer {i}");
    }
    let truth = r.status_of(id).await;
    assert_eq!((truth.http, truth.status()), (200, 0));
    assert_eq!(r.sandbox.stats().faults_applied, 5);
}

#[tokio::test]
async fn faults_from_a_spec_apply_in_order() {
    let r = rig().await;
    let id = r.create_ok("p1").await;
    let faults =
        parse_fault_spec("stale-not-found:status, unknown-status=7:status").expect("a valid spec");
    for fault in faults {
        r.sandbox.inject(fault);
    }
    assert_eq!(r.status_of(id).await.code(), 509);
    assert_eq!(r.status_of(id).await.status(), 7);
    assert_eq!(r.status_of(id).await.status(), 0);
}

//! Bank processing on the manual clock, the rehearsal triggers, each fault kind, and the
//! sandbox's state across a restart and a reset.

use super::*;

// ---------------------------------------------------------------- bank processing

#[tokio::test]
async fn pending_cashout_is_delivered_then_completed_on_the_manual_clock() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    h.advance(59);
    assert_eq!(h.status_of(id).await.status(), 0);
    h.advance(1);
    let delivered = h.status_of(id).await;
    assert_eq!(delivered.status(), 4);
    assert_eq!(delivered.body["cashout_status_description"], "Delivered");
    assert_eq!(delivered.body["bank"]["code"], "001");
    assert_eq!(delivered.body["bank"]["name"], "Banco do Brasil");
    h.advance(59);
    assert_eq!(h.status_of(id).await.status(), 4);
    h.advance(1);
    let completed = h.status_of(id).await;
    assert_eq!(completed.status(), 1);
    assert_eq!(completed.body["cashout_status_description"], "Completed");
    assert!(completed.body.get("rejection_code").is_none());
}

#[tokio::test]
async fn cashout_read_long_after_creation_has_passed_every_step() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    h.advance(100_000);
    assert_eq!(h.status_of(id).await.status(), 1);
}

#[tokio::test]
async fn time_on_hold_does_not_count_toward_delivery() {
    let h = rig().await;
    let id = h.create_ok("payout-1").await;
    h.advance(50);
    assert_eq!(h.update(id, "ON_HOLD").await.status(), 5);
    h.advance(10_000);
    assert_eq!(h.status_of(id).await.status(), 5);
    assert_eq!(h.update(id, "PENDING").await.status(), 0);
    h.advance(59);
    assert_eq!(
        h.status_of(id).await.status(),
        0,
        "the wait restarts on release"
    );
    h.advance(1);
    assert_eq!(h.status_of(id).await.status(), 4);
}

#[tokio::test]
async fn pix_cashout_gets_an_end_to_end_id_once_delivered() {
    let h = rig().await;
    let pix = json!({
        "bank_code": "10002", "bank_account": null, "bank_branch": null, "account_type": null,
    });
    let id = h.create_ok_with("pix-1", pix).await;
    assert!(h
        .status_of(id)
        .await
        .body
        .get("provider_external_reference")
        .is_none());
    h.advance(60);
    let a = h.status_of(id).await;
    assert_eq!(a.status(), 4);
    let e2e = a.body["provider_external_reference"]
        .as_str()
        .expect("E2E id");
    assert!(e2e.starts_with('E') && e2e.len() == 32, "{e2e}");
    h.advance(60);
    let done = h.status_of(id).await;
    assert_eq!(done.body["provider_external_reference"].as_str(), Some(e2e));
}

// ---------------------------------------------------------------- triggers

#[tokio::test]
async fn reject_trigger_delivers_then_rejects_with_the_code() {
    let h = rig().await;
    let id = h
        .create_ok_with("r", json!({ "comments": "rehearsal sandbox:reject=806" }))
        .await;
    h.advance(60);
    assert_eq!(h.status_of(id).await.status(), 4);
    h.advance(60);
    let a = h.status_of(id).await;
    assert_eq!(a.status(), 3);
    assert_eq!(a.body["cashout_status_description"], "Rejected");
    assert_eq!(a.body["rejection_code"], 806);
    assert_eq!(
        a.body["rejection_reason"],
        "ERROR_BENEFICIARY_NAME_INCORRECT"
    );
}

#[tokio::test]
async fn reject_trigger_with_code_0_reports_test() {
    let h = rig().await;
    let id = h
        .create_ok_with("r0", json!({ "comments": "sandbox:reject=0" }))
        .await;
    h.advance(120);
    let a = h.status_of(id).await;
    assert_eq!(
        (a.status(), a.body["rejection_code"].as_i64()),
        (3, Some(0))
    );
    assert_eq!(a.body["rejection_reason"], "Test");
}

#[tokio::test]
async fn late_reject_trigger_completes_then_rejects() {
    let h = rig().await;
    let id = h
        .create_ok_with("late", json!({ "comments": "sandbox:late-reject=826" }))
        .await;
    h.advance(120);
    assert_eq!(h.status_of(id).await.status(), 1);
    h.advance(119);
    assert_eq!(h.status_of(id).await.status(), 1);
    h.advance(1);
    let a = h.status_of(id).await;
    assert_eq!(a.status(), 3);
    assert_eq!(a.body["rejection_code"], 826);
    assert_eq!(a.body["rejection_reason"], "WITHDRAWAL_REVERSED");
}

#[tokio::test]
async fn decline_trigger_refuses_the_create_with_that_code_and_creates_nothing() {
    // The messages are the reference's (§11.3), not the app's explanations of them.
    let h = rig().await;
    for (code, http, message) in [
        (514, 412, "Insufficient funds"),
        (508, 412, "Limit exceeded: TRANSACTION"),
        (
            533,
            412,
            "Invalid amount: minimum is BRL 11.00 or USD equivalent",
        ),
        (303, 412, "Invalid bank code"),
        (524, 401, "Invalid credentials — contact integration"),
    ] {
        let comments = format!("sandbox:decline={code}");
        let a = h
            .create_amount(
                "BR",
                &format!("d-{code}"),
                "10",
                json!({ "comments": comments }),
            )
            .await;
        assert_eq!((a.http, a.code()), (http, code), "{}", a.body);
        assert_eq!(a.body["message"], message);
    }
    assert_eq!(h.sandbox.cashout_count(), 0);
    assert_eq!(h.sandbox.stats().creates_committed, 0);
}

#[tokio::test]
async fn hold_forever_trigger_stays_pending_and_can_be_cancelled() {
    let h = rig().await;
    let id = h
        .create_ok_with("forever", json!({ "comments": "sandbox:hold-forever" }))
        .await;
    h.advance(1_000_000);
    assert_eq!(h.status_of(id).await.status(), 0);
    assert_eq!(h.cancel(id, "forever").await.status(), 2);
}

#[tokio::test]
async fn unknown_trigger_is_refused_with_300_on_comments() {
    let h = rig().await;
    let a = h
        .create_amount("BR", "t", "10", json!({ "comments": "sandbox:rejct=806" }))
        .await;
    assert_eq!(a.code(), 300);
    assert!(a.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("comments")));
}

// ---------------------------------------------------------------- faults

fn is_connection_error(e: &reqwest::Error) -> bool {
    e.status().is_none() && !e.is_timeout() && (e.is_request() || e.is_connect() || e.is_body())
}

#[tokio::test]
async fn drop_after_commit_gives_a_connection_error_and_the_cashout_exists() {
    let h = rig().await;
    h.sandbox.inject(Fault::DropAfterCommit(Endpoint::Create));
    let body = body(&create_fields("BR", "lost-answer", json!({})), Some("10"));
    let sig = sign(&body);
    let result = h
        .try_send(&h.http, Method::POST, "/v3/cashout", body, Some(sig))
        .await;
    let err = result.err().expect("the client must see no answer");
    assert!(is_connection_error(&err), "{err:?}");
    assert_eq!(h.sandbox.cashouts_for_external_id("lost-answer"), 1);
    assert_eq!(h.sandbox.stats().faults_applied, 1);
    // The safe retry: look it up by external_id.
    let found = h.status_by_external_id("lost-answer").await;
    assert_eq!(found.status(), 0);
}

#[tokio::test]
async fn drop_before_commit_gives_a_connection_error_and_no_cashout() {
    let h = rig().await;
    h.sandbox.inject(Fault::DropBeforeCommit(Endpoint::Create));
    let body = body(&create_fields("BR", "never-arrived", json!({})), Some("10"));
    let sig = sign(&body);
    let result = h
        .try_send(
            &h.http,
            Method::POST,
            "/v3/cashout",
            body.clone(),
            Some(sig.clone()),
        )
        .await;
    let err = result.err().expect("the client must see no answer");
    assert!(is_connection_error(&err), "{err:?}");
    assert_eq!(h.sandbox.cashouts_for_external_id("never-arrived"), 0);
    // The fault was one-shot: resending the same bytes now creates it.
    let again = h
        .send_with(Method::POST, "/v3/cashout", body, Some(sig))
        .await;
    assert_eq!(again.http, 200);
}

#[tokio::test]
async fn dropped_connection_sends_no_response_bytes() {
    let h = rig().await;
    h.sandbox.inject(Fault::DropAfterCommit(Endpoint::Status));
    let request = raw_request(
        "POST",
        "/v3/cashout/status",
        &body(&json!({ "cashout_id": 8400001 }), None),
    );
    let got = receive(open(&h, &request).await, Duration::from_secs(5)).await;
    assert!(got.closed, "the server closes the connection");
    // A clean close reads 0 bytes; a reset is an error with nothing read either.
    assert!(
        got.bytes.is_empty(),
        "got {:?}",
        String::from_utf8_lossy(&got.bytes)
    );
}

#[tokio::test]
async fn error_500_after_commit_answers_500_and_the_cashout_exists() {
    let h = rig().await;
    h.sandbox.inject(Fault::Error500 {
        endpoint: Endpoint::Create,
        after_commit: true,
    });
    let a = h.create_amount("BR", "done-anyway", "10", json!({})).await;
    assert_eq!((a.http, a.code()), (500, 500));
    assert_eq!(h.sandbox.cashouts_for_external_id("done-anyway"), 1);
}

#[tokio::test]
async fn error_500_before_commit_answers_500_and_nothing_is_created() {
    let h = rig().await;
    h.sandbox.inject(Fault::Error500 {
        endpoint: Endpoint::Create,
        after_commit: false,
    });
    let a = h.create_amount("BR", "not-done", "10", json!({})).await;
    assert_eq!((a.http, a.code()), (500, 500));
    assert_eq!(h.sandbox.cashouts_for_external_id("not-done"), 0);
}

#[tokio::test]
async fn delay_fault_commits_then_answers_late() {
    let h = rig().await;
    h.sandbox.inject(Fault::Delay {
        endpoint: Endpoint::Create,
        by: Duration::from_millis(300),
    });
    let started = Instant::now();
    let a = h.create_amount("BR", "slow", "10", json!({})).await;
    assert_eq!(a.http, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn delay_fault_longer_than_client_timeout_leaves_the_cashout_created() {
    let h = rig().await;
    h.sandbox.inject(Fault::Delay {
        endpoint: Endpoint::Create,
        by: Duration::from_secs(3),
    });
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .expect("client");
    let body = body(&create_fields("BR", "timed-out", json!({})), Some("10"));
    let sig = sign(&body);
    let err = h
        .try_send(&client, Method::POST, "/v3/cashout", body, Some(sig))
        .await
        .err()
        .expect("the client times out");
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(h.sandbox.cashouts_for_external_id("timed-out"), 1);
}

#[tokio::test]
async fn fault_plan_with_the_same_seed_repeats_the_same_faults() {
    async fn run(seed: u64) -> Vec<u16> {
        let h = rig().await;
        h.sandbox.set_fault_plan(Some(FaultPlan {
            seed,
            endpoints: vec![Endpoint::Status],
            drop_after_commit: 0,
            error_500: 500,
            delay: 0,
            delay_by: Duration::ZERO,
            stale_not_found: 0,
        }));
        let mut seen = Vec::new();
        for _ in 0..30 {
            seen.push(h.status_of(8_400_001).await.http);
        }
        // Other endpoints are untouched by the plan.
        assert_eq!(
            h.create_amount("BR", "untouched", "10", json!({}))
                .await
                .http,
            200
        );
        h.sandbox.set_fault_plan(None);
        assert_eq!(h.status_of(8_400_001).await.http, 200);
        seen
    }
    let first = run(2024).await;
    assert_eq!(first, run(2024).await);
    assert!(first.contains(&500) && first.contains(&412), "{first:?}");
}

// ---------------------------------------------------------------- state

#[tokio::test]
async fn restart_on_the_same_file_keeps_cashouts_and_the_id_counter() {
    let h = rig().await;
    let id = h
        .create_ok_with("before-restart", json!({ "on_hold": true }))
        .await;
    // Shut down, then start again on the same database file and clock.
    let h = h.restart().await;
    assert_eq!(h.sandbox.cashouts_for_external_id("before-restart"), 1);
    assert_eq!(h.status_of(id).await.status(), 5);
    assert_eq!(
        h.create_amount("BR", "before-restart", "10", json!({}))
            .await
            .code(),
        511
    );
    let next = h.create_ok("after-restart").await;
    assert_eq!(next, id + 1);
}

#[tokio::test]
async fn reset_forgets_cashouts_and_restores_balances() {
    let h = rig().await;
    let id = h
        .create_amount("BR", "all-in", "1000000.00", json!({}))
        .await;
    assert_eq!(id.http, 200);
    h.create_ok_with("other", json!({ "currency": "USD" }))
        .await;
    h.sandbox.reset().expect("reset");
    assert_eq!(h.sandbox.cashout_count(), 0);
    assert_eq!(h.status_of(8_400_001).await.code(), 509);
    let again = h
        .create_amount("BR", "all-in", "1000000.00", json!({}))
        .await;
    assert_eq!(again.http, 200, "{}", again.body);
    assert_eq!(again.body["cashout_id"], "8400003", "ids are never reused");
}

#[tokio::test]
async fn stats_count_every_request() {
    let h = rig().await;
    h.create_ok("payout-1").await;
    h.status_of(8_400_001).await;
    h.banks("/v3/banks?country=MX", Some(DEMO_READ_ONLY_KEY))
        .await;
    let stats = h.sandbox.stats();
    assert_eq!(stats.requests, 3);
    assert_eq!(stats.creates_committed, 1);
    assert_eq!(
        stats.signature_failures + stats.credential_failures + stats.faults_applied,
        0
    );
}

#[tokio::test]
async fn port_already_in_use_is_a_bind_error() {
    let h = rig().await;
    let port = h
        .sandbox
        .base_url()
        .rsplit(':')
        .next()
        .and_then(|p| p.parse::<u16>().ok())
        .expect("port");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = SandboxConfig::new(dir.path().join("other.sqlite3"));
    config.port = port;
    let err = Sandbox::start(config).await.expect_err("the port is taken");
    assert!(
        matches!(err, okp_sandbox::SandboxError::Bind { .. }),
        "{err}"
    );
}

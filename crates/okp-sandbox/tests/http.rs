//! The sandbox over real HTTP on loopback: every endpoint's success, every documented error
//! with its HTTP status, bank processing on a manual clock, the rehearsal triggers, each fault
//! kind, persistence across a restart, and reset.
//!
//! Requests are signed here with the core's `payload_signature` over the exact bytes sent.
//! Amounts are spliced into bodies as text, never through a float.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cashout_core::clock::ManualClock;
use cashout_core::credentials::Secret;
use cashout_core::signing::payload_signature;
use okp_sandbox::{
    demo_credentials, Endpoint, Fault, FaultPlan, Sandbox, SandboxConfig, Timings, DEMO_API_KEY,
    DEMO_API_PASSPHRASE, DEMO_API_SIGNATURE, DEMO_READ_ONLY_KEY,
};
use reqwest::Method;
use serde_json::{json, Map, Value};
use tempfile::TempDir;
use time::macros::datetime;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const T0: time::OffsetDateTime = datetime!(2026-01-05 12:00 UTC);

struct Harness {
    sandbox: Sandbox,
    clock: ManualClock,
    http: reqwest::Client,
    db: PathBuf,
    _dir: TempDir,
}

async fn start_on(db: PathBuf, clock: ManualClock) -> Sandbox {
    let config = SandboxConfig {
        db_path: db,
        port: 0,
        clock: Arc::new(clock),
        timings: Timings::default(),
    };
    Sandbox::start(config).await.expect("sandbox starts")
}

async fn harness() -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("sandbox.sqlite3");
    let clock = ManualClock::new(T0);
    let sandbox = start_on(db.clone(), clock.clone()).await;
    Harness {
        sandbox,
        clock,
        http: reqwest::Client::new(),
        db,
        _dir: dir,
    }
}

fn sign(body: &[u8]) -> String {
    payload_signature(&Secret::new(DEMO_API_SIGNATURE.to_owned()), body)
}

/// Object text with `login`/`pass` first, then `fields`, then `"amount":<amount>` if given.
fn body_text(fields: &Value, amount: Option<&str>) -> Vec<u8> {
    let mut map = Map::new();
    map.insert("login".into(), json!(DEMO_API_KEY));
    map.insert("pass".into(), json!(DEMO_API_PASSPHRASE));
    if let Value::Object(extra) = fields {
        for (k, v) in extra {
            map.insert(k.clone(), v.clone());
        }
    }
    let mut text = serde_json::to_string(&Value::Object(map)).expect("serialise body");
    if let Some(amount) = amount {
        text.pop();
        text.push_str(&format!(",\"amount\":{amount}}}"));
    }
    text.into_bytes()
}

/// A valid Brazilian bank-transfer create, with `changes` applied (`null` removes a field).
fn create_fields(external_id: &str, changes: Value) -> Value {
    let mut base = json!({
        "external_id": external_id,
        "country": "BR",
        "currency": "BRL",
        "document_id": "390.533.447-05",
        "beneficiary_name": "Maria",
        "beneficiary_lastname": "Silva",
        "bank_code": "001",
        "bank_account": "3423422-7",
        "bank_branch": "1234",
        "account_type": "C",
        "notification_url": "https://merchant.example/webhooks/cashouts",
        "type": "json",
    });
    if let (Value::Object(base), Value::Object(changes)) = (&mut base, changes) {
        for (k, v) in changes {
            if v.is_null() {
                base.remove(&k);
            } else {
                base.insert(k, v);
            }
        }
    }
    base
}

struct Answer {
    http: u16,
    body: Value,
}

impl Answer {
    fn code(&self) -> i64 {
        self.body["code"].as_i64().unwrap_or(-1)
    }
    fn status(&self) -> i64 {
        self.body["cashout_status"].as_i64().unwrap_or(-1)
    }
}

impl Harness {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.base_url())
    }

    async fn send(&self, method: Method, path: &str, body: Vec<u8>, sig: Option<String>) -> Answer {
        self.try_send(&self.http, method, path, body, sig)
            .await
            .expect("an HTTP answer")
    }

    async fn try_send(
        &self,
        client: &reqwest::Client,
        method: Method,
        path: &str,
        body: Vec<u8>,
        sig: Option<String>,
    ) -> Result<Answer, reqwest::Error> {
        let mut req = client
            .request(method, self.url(path))
            .header("Content-Type", "application/json");
        if let Some(sig) = sig {
            req = req.header("Payload-Signature", sig);
        }
        let resp = req.body(body).send().await?;
        let http = resp.status().as_u16();
        let bytes = resp.bytes().await?;
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ok(Answer { http, body })
    }

    async fn signed(&self, method: Method, path: &str, fields: Value) -> Answer {
        let body = body_text(&fields, None);
        let sig = sign(&body);
        self.send(method, path, body, Some(sig)).await
    }

    async fn create_with(&self, external_id: &str, amount: &str, changes: Value) -> Answer {
        let body = body_text(&create_fields(external_id, changes), Some(amount));
        let sig = sign(&body);
        self.send(Method::POST, "/v3/cashout", body, Some(sig))
            .await
    }

    async fn create_ok(&self, external_id: &str, changes: Value) -> i64 {
        let a = self.create_with(external_id, "100.10", changes).await;
        assert_eq!(a.http, 200, "create should succeed: {}", a.body);
        let id = a.body["cashout_id"]
            .as_str()
            .expect("cashout_id is a string");
        id.parse().expect("numeric id")
    }

    async fn status_of(&self, id: i64) -> Answer {
        self.signed(
            Method::POST,
            "/v3/cashout/status",
            json!({ "cashout_id": id }),
        )
        .await
    }

    async fn update(&self, id: i64, status: &str) -> Answer {
        self.signed(
            Method::PUT,
            "/v3/cashout/status",
            json!({ "cashout_id": id, "status": status }),
        )
        .await
    }

    async fn cancel(&self, id: i64, external_id: &str) -> Answer {
        let fields = json!({ "cashout_id": id, "external_id": external_id });
        self.signed(Method::DELETE, "/v3/cashout/cancel", fields)
            .await
    }

    async fn banks(&self, path: &str, key: Option<&str>) -> Answer {
        let mut req = self.http.get(self.url(path));
        if let Some(key) = key {
            req = req.header("Authorization", format!("Bearer {key}"));
        }
        let resp = req.send().await.expect("an HTTP answer");
        let http = resp.status().as_u16();
        let bytes = resp.bytes().await.expect("body");
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer { http, body }
    }

    fn advance(&self, secs: u64) {
        self.clock.advance(Duration::from_secs(secs));
    }
}

// ---------------------------------------------------------------- successes

#[tokio::test]
async fn create_with_valid_request_answers_id_as_string_from_8400001() {
    let h = harness().await;
    let a = h.create_with("payout-1", "100.10", json!({})).await;
    assert_eq!(a.http, 200);
    assert_eq!(a.body, json!({ "cashout_id": "8400001" }));
    let b = h.create_with("payout-2", "5", json!({})).await;
    assert_eq!(b.body, json!({ "cashout_id": "8400002" }));
    assert_eq!(h.sandbox.cashout_count(), 2);
    assert_eq!(h.sandbox.cashouts_for_external_id("payout-1"), 1);
    assert_eq!(h.sandbox.stats().creates_committed, 2);
}

#[tokio::test]
async fn status_by_id_or_external_id_answers_pending_without_ids() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    let by_id = h.status_of(id).await;
    assert_eq!(by_id.http, 200);
    assert_eq!(
        by_id.body,
        json!({ "cashout_status": 0, "cashout_status_description": "Pending" })
    );
    let by_ext = h
        .signed(
            Method::POST,
            "/v3/cashout/status",
            json!({ "external_id": "payout-1" }),
        )
        .await;
    assert_eq!(by_ext.http, 200);
    assert_eq!(by_ext.body, by_id.body);
}

#[tokio::test]
async fn create_with_on_hold_starts_on_hold() {
    let h = harness().await;
    let id = h.create_ok("held", json!({ "on_hold": true })).await;
    let a = h.status_of(id).await;
    assert_eq!(a.status(), 5);
    assert_eq!(a.body["cashout_status_description"], "On hold");
}

#[tokio::test]
async fn update_holds_and_releases_answering_the_status() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    let held = h.update(id, "ON_HOLD").await;
    assert_eq!(held.http, 200);
    assert_eq!(
        held.body,
        json!({ "cashout_status": 5, "cashout_status_description": "On hold" })
    );
    let released = h.update(id, "PENDING").await;
    assert_eq!(released.http, 200);
    assert_eq!(released.status(), 0);
}

#[tokio::test]
async fn cancel_of_pending_or_held_cashout_answers_canceled() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    let a = h.cancel(id, "payout-1").await;
    assert_eq!(a.http, 200);
    assert_eq!(
        a.body,
        json!({ "cashout_status": 2, "cashout_status_description": "Canceled" })
    );
    let s = h.status_of(id).await;
    assert_eq!(s.status(), 2);
    assert_eq!(s.body["cashout_status_description"], "Cancelled");

    let held = h.create_ok("held", json!({ "on_hold": true })).await;
    assert_eq!(h.cancel(held, "held").await.status(), 2);
}

#[tokio::test]
async fn bank_lists_answer_both_shapes_keeping_leading_zeros() {
    let h = harness().await;
    let d24 = h
        .banks("/v3/banks?country=BR", Some(DEMO_READ_ONLY_KEY))
        .await;
    assert_eq!(d24.http, 200);
    let list = d24.body.as_array().expect("a list");
    assert!(
        list.contains(&json!({ "code": "001", "name": "Banco do Brasil" })),
        "{list:?}"
    );
    assert!(
        list.iter().any(|b| b["code"] == json!(10000)),
        "PIX codes are numbers"
    );

    let okp = h
        .banks("/v1/country/BR/authorized-banks", Some(DEMO_READ_ONLY_KEY))
        .await;
    assert_eq!(okp.http, 200);
    let first = &okp.body.as_array().expect("a list")[0];
    for key in ["bank_code", "ispb_code", "bank_name", "bank_licensed"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    assert_eq!(first["bank_code"], "001");
    assert_eq!(first["bank_licensed"], true);
}

#[tokio::test]
async fn demo_credentials_are_the_demo_constants() {
    let c = demo_credentials();
    assert_eq!(c.api_key, DEMO_API_KEY);
    assert_eq!(c.passphrase.expose(), DEMO_API_PASSPHRASE);
    assert_eq!(c.signature.expose(), DEMO_API_SIGNATURE);
    assert_eq!(
        c.read_only_key.as_ref().map(Secret::expose),
        Some(DEMO_READ_ONLY_KEY)
    );
    assert!(c.check().is_ok());
}

// ---------------------------------------------------------------- authentication

#[tokio::test]
async fn create_with_tampered_body_is_refused_with_302() {
    let h = harness().await;
    let signed = body_text(&create_fields("payout-1", json!({})), Some("100.00"));
    let sig = sign(&signed);
    let tampered = body_text(&create_fields("payout-1", json!({})), Some("900.00"));
    let a = h
        .send(Method::POST, "/v3/cashout", tampered, Some(sig))
        .await;
    assert_eq!((a.http, a.code()), (401, 302));
    assert_eq!(a.body["message"], "Invalid control string");
    assert_eq!(h.sandbox.cashout_count(), 0);
    assert_eq!(h.sandbox.stats().signature_failures, 1);
}

#[tokio::test]
async fn create_with_reserialised_body_is_refused_with_302() {
    // Same JSON value, different bytes (spacing): the signature covers bytes, not meaning.
    let h = harness().await;
    let body = body_text(&create_fields("payout-1", json!({})), Some("100.00"));
    let sig = sign(&body);
    let spaced = String::from_utf8(body)
        .expect("utf-8")
        .replace(",\"", ", \"")
        .into_bytes();
    let a = h.send(Method::POST, "/v3/cashout", spaced, Some(sig)).await;
    assert_eq!((a.http, a.code()), (401, 302));
}

#[tokio::test]
async fn call_without_signature_header_is_refused_with_302() {
    let h = harness().await;
    let body = body_text(&json!({ "cashout_id": 8400001 }), None);
    let a = h.send(Method::POST, "/v3/cashout/status", body, None).await;
    assert_eq!((a.http, a.code()), (401, 302));
}

#[tokio::test]
async fn call_with_wrong_passphrase_is_refused_with_401() {
    let h = harness().await;
    let mut fields = create_fields("payout-1", json!({}));
    fields["pass"] = json!("guess");
    let body = body_text(&fields, Some("10"));
    let sig = sign(&body);
    let a = h.send(Method::POST, "/v3/cashout", body, Some(sig)).await;
    assert_eq!((a.http, a.code()), (401, 401));
    assert_eq!(a.body["message"], "Invalid credentials.");
    assert_eq!(h.sandbox.stats().credential_failures, 1);
    assert_eq!(h.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn call_with_malformed_json_is_refused_with_502() {
    let h = harness().await;
    let body = b"{\"login\": \"cashout-desk-demo\", ".to_vec();
    let sig = sign(&body);
    let a = h.send(Method::POST, "/v3/cashout", body, Some(sig)).await;
    assert_eq!((a.http, a.code()), (400, 502));
    let not_object = b"[1,2]".to_vec();
    let sig = sign(&not_object);
    let b = h
        .send(Method::DELETE, "/v3/cashout/cancel", not_object, Some(sig))
        .await;
    assert_eq!((b.http, b.code()), (400, 502));
}

#[tokio::test]
async fn bank_list_without_read_only_key_is_refused_with_401() {
    let h = harness().await;
    let none = h.banks("/v3/banks?country=BR", None).await;
    assert_eq!((none.http, none.code()), (401, 401));
    let wrong = h
        .banks("/v1/country/BR/authorized-banks", Some(DEMO_API_SIGNATURE))
        .await;
    assert_eq!((wrong.http, wrong.code()), (401, 401));
}

// ---------------------------------------------------------------- create refusals

#[tokio::test]
async fn create_without_required_field_is_refused_with_300_naming_it() {
    let h = harness().await;
    let a = h
        .create_with("payout-1", "10", json!({ "document_id": null }))
        .await;
    assert_eq!((a.http, a.code()), (412, 300));
    let message = a.body["message"].as_str().expect("message");
    assert!(
        message.starts_with("Invalid params: document_id"),
        "{message}"
    );

    let body = body_text(&create_fields("payout-2", json!({})), None);
    let sig = sign(&body);
    let no_amount = h.send(Method::POST, "/v3/cashout", body, Some(sig)).await;
    assert_eq!(no_amount.code(), 300);
    assert!(no_amount.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("amount")));

    let long = "x".repeat(101);
    let too_long = h.create_with(&long, "10", json!({})).await;
    assert_eq!(too_long.code(), 300);
    assert_eq!(h.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn create_with_misspelt_or_mistyped_field_is_refused_with_300_naming_it() {
    let h = harness().await;
    let typo = h
        .create_with("payout-1", "10", json!({ "benficiary_name": "M" }))
        .await;
    assert_eq!(typo.code(), 300);
    assert!(typo.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("benficiary_name")));
    let finer_than_cent = h.create_with("payout-1", "10.001", json!({})).await;
    assert_eq!(finer_than_cent.code(), 300);
    assert!(finer_than_cent.body["message"]
        .as_str()
        .is_some_and(|m| m.contains("amount")));
}

#[tokio::test]
async fn create_failing_core_validation_is_refused_with_300_naming_the_field() {
    let h = harness().await;
    let a = h
        .create_with("payout-1", "10", json!({ "document_id": "12" }))
        .await;
    assert_eq!((a.http, a.code()), (412, 300));
    let message = a.body["message"].as_str().expect("message");
    assert!(
        message.starts_with("Invalid params: document_id"),
        "{message}"
    );
    assert_eq!(h.sandbox.cashout_count(), 0);
}

#[tokio::test]
async fn create_with_unknown_bank_code_is_refused_with_303() {
    let h = harness().await;
    let a = h
        .create_with("payout-1", "10", json!({ "bank_code": "999" }))
        .await;
    assert_eq!((a.http, a.code()), (412, 303));
    assert_eq!(a.body["message"], "Invalid bank code");
}

#[tokio::test]
async fn create_with_used_external_id_is_refused_with_511_without_the_original_id() {
    let h = harness().await;
    h.create_ok("payout-1", json!({})).await;
    let again = h.create_with("payout-1", "100.10", json!({})).await;
    assert_eq!((again.http, again.code()), (412, 511));
    assert_eq!(again.body["message"], "External ID already used");
    assert!(again.body.get("cashout_id").is_none());
    assert_eq!(h.sandbox.cashouts_for_external_id("payout-1"), 1);
}

#[tokio::test]
async fn create_above_balance_is_refused_with_514_until_funds_return() {
    let h = harness().await;
    let big = h.create_with("big", "600000.00", json!({})).await;
    assert_eq!(big.http, 200);
    let too_much = h.create_with("second", "400000.01", json!({})).await;
    assert_eq!((too_much.http, too_much.code()), (412, 514));
    assert_eq!(too_much.body["message"], "Insufficient funds");
    // Exactly the rest still fits: decimals are exact.
    let rest = h.create_with("rest", "400000.00", json!({})).await;
    assert_eq!(rest.http, 200);
    // USD is a separate balance.
    let usd = h
        .create_with("usd", "1000000.00", json!({ "currency": "USD" }))
        .await;
    assert_eq!(usd.http, 200, "{}", usd.body);
    // Cancelling gives the reserve back.
    let big_id: i64 = big.body["cashout_id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("id");
    assert_eq!(h.cancel(big_id, "big").await.status(), 2);
    let after = h.create_with("after-cancel", "600000.00", json!({})).await;
    assert_eq!(after.http, 200);
}

#[tokio::test]
async fn rejection_gives_the_reserved_amount_back() {
    let h = harness().await;
    let a = h
        .create_with(
            "doomed",
            "1000000.00",
            json!({ "comments": "sandbox:reject=807" }),
        )
        .await;
    assert_eq!(a.http, 200);
    assert_eq!(
        h.create_with("blocked", "0.01", json!({})).await.code(),
        514
    );
    h.advance(120);
    let b = h.create_with("now-fits", "1000000.00", json!({})).await;
    assert_eq!(b.http, 200, "{}", b.body);
}

#[tokio::test]
async fn late_rejection_gives_the_amount_back_after_completion() {
    let h = harness().await;
    let late = json!({ "comments": "sandbox:late-reject=826" });
    assert_eq!(
        h.create_with("returned", "1000000.00", late).await.http,
        200
    );
    h.advance(120);
    assert_eq!(
        h.create_with("blocked", "0.01", json!({})).await.code(),
        514,
        "completed holds it"
    );
    h.advance(120);
    let b = h.create_with("now-fits", "1000000.00", json!({})).await;
    assert_eq!(b.http, 200, "{}", b.body);
}

#[tokio::test]
async fn bank_list_for_missing_or_unserved_country_is_refused() {
    let h = harness().await;
    let missing = h.banks("/v3/banks", Some(DEMO_READ_ONLY_KEY)).await;
    assert_eq!((missing.http, missing.code()), (412, 300));
    let unserved = h
        .banks("/v1/country/US/authorized-banks", Some(DEMO_READ_ONLY_KEY))
        .await;
    assert_eq!((unserved.http, unserved.code()), (412, 518));
}

// ---------------------------------------------------------------- status, update, cancel refusals

#[tokio::test]
async fn status_of_unknown_cashout_is_refused_with_509() {
    let h = harness().await;
    let a = h.status_of(8_499_999).await;
    assert_eq!((a.http, a.code()), (412, 509));
    assert_eq!(a.body["message"], "Cashout not found with this ID");
    let b = h
        .signed(
            Method::POST,
            "/v3/cashout/status",
            json!({ "external_id": "nope" }),
        )
        .await;
    assert_eq!((b.http, b.code()), (412, 509));
    assert_eq!(h.update(8_499_999, "ON_HOLD").await.code(), 509);
}

#[tokio::test]
async fn status_with_ids_of_different_cashouts_is_refused_with_509() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    h.create_ok("payout-2", json!({})).await;
    let fields = json!({ "cashout_id": id, "external_id": "payout-2" });
    let a = h.signed(Method::POST, "/v3/cashout/status", fields).await;
    assert_eq!((a.http, a.code()), (412, 509));
}

#[tokio::test]
async fn update_to_unsupported_status_is_refused_with_521() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    let a = h.update(id, "CANCELLED").await;
    assert_eq!((a.http, a.code()), (400, 521));
    assert_eq!(h.status_of(id).await.status(), 0);
}

#[tokio::test]
async fn update_outside_pending_and_on_hold_is_refused_with_510_http_400() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    let same = h.update(id, "PENDING").await;
    assert_eq!((same.http, same.code()), (400, 510));
    assert_eq!(same.body["message"], "Invalid status transition");
    h.advance(60);
    let delivered = h.update(id, "ON_HOLD").await;
    assert_eq!((delivered.http, delivered.code()), (400, 510));
    assert_eq!(h.status_of(id).await.status(), 4);
}

#[tokio::test]
async fn cancel_after_delivery_is_refused_with_510_http_412() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    h.advance(60);
    let a = h.cancel(id, "payout-1").await;
    assert_eq!((a.http, a.code()), (412, 510));
    assert_eq!(h.status_of(id).await.status(), 4);
}

#[tokio::test]
async fn cancel_with_ids_that_do_not_belong_together_is_refused_with_509() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    let a = h.cancel(id, "payout-other").await;
    assert_eq!((a.http, a.code()), (412, 509));
    let missing = h
        .signed(
            Method::DELETE,
            "/v3/cashout/cancel",
            json!({ "cashout_id": id }),
        )
        .await;
    assert_eq!(missing.code(), 300);
    assert_eq!(h.status_of(id).await.status(), 0);
}

// ---------------------------------------------------------------- bank processing

#[tokio::test]
async fn pending_cashout_is_delivered_then_completed_on_the_manual_clock() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
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
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
    h.advance(100_000);
    assert_eq!(h.status_of(id).await.status(), 1);
}

#[tokio::test]
async fn time_on_hold_does_not_count_toward_delivery() {
    let h = harness().await;
    let id = h.create_ok("payout-1", json!({})).await;
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
    let h = harness().await;
    let pix = json!({
        "bank_code": "10002", "bank_account": null, "bank_branch": null, "account_type": null,
    });
    let id = h.create_ok("pix-1", pix).await;
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
    let h = harness().await;
    let id = h
        .create_ok("r", json!({ "comments": "rehearsal sandbox:reject=806" }))
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
    let h = harness().await;
    let id = h
        .create_ok("r0", json!({ "comments": "sandbox:reject=0" }))
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
    let h = harness().await;
    let id = h
        .create_ok("late", json!({ "comments": "sandbox:late-reject=826" }))
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
    let h = harness().await;
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
            .create_with(&format!("d-{code}"), "10", json!({ "comments": comments }))
            .await;
        assert_eq!((a.http, a.code()), (http, code), "{}", a.body);
        assert_eq!(a.body["message"], message);
    }
    assert_eq!(h.sandbox.cashout_count(), 0);
    assert_eq!(h.sandbox.stats().creates_committed, 0);
}

#[tokio::test]
async fn hold_forever_trigger_stays_pending_and_can_be_cancelled() {
    let h = harness().await;
    let id = h
        .create_ok("forever", json!({ "comments": "sandbox:hold-forever" }))
        .await;
    h.advance(1_000_000);
    assert_eq!(h.status_of(id).await.status(), 0);
    assert_eq!(h.cancel(id, "forever").await.status(), 2);
}

#[tokio::test]
async fn unknown_trigger_is_refused_with_300_on_comments() {
    let h = harness().await;
    let a = h
        .create_with("t", "10", json!({ "comments": "sandbox:rejct=806" }))
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
    let h = harness().await;
    h.sandbox.inject(Fault::DropAfterCommit(Endpoint::Create));
    let body = body_text(&create_fields("lost-answer", json!({})), Some("10"));
    let sig = sign(&body);
    let result = h
        .try_send(&h.http, Method::POST, "/v3/cashout", body, Some(sig))
        .await;
    let err = result.err().expect("the client must see no answer");
    assert!(is_connection_error(&err), "{err:?}");
    assert_eq!(h.sandbox.cashouts_for_external_id("lost-answer"), 1);
    assert_eq!(h.sandbox.stats().faults_applied, 1);
    // The safe retry: look it up by external_id.
    let found = h
        .signed(
            Method::POST,
            "/v3/cashout/status",
            json!({ "external_id": "lost-answer" }),
        )
        .await;
    assert_eq!(found.status(), 0);
}

#[tokio::test]
async fn drop_before_commit_gives_a_connection_error_and_no_cashout() {
    let h = harness().await;
    h.sandbox.inject(Fault::DropBeforeCommit(Endpoint::Create));
    let body = body_text(&create_fields("never-arrived", json!({})), Some("10"));
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
    let again = h.send(Method::POST, "/v3/cashout", body, Some(sig)).await;
    assert_eq!(again.http, 200);
}

#[tokio::test]
async fn dropped_connection_sends_no_response_bytes() {
    let h = harness().await;
    h.sandbox.inject(Fault::DropAfterCommit(Endpoint::Status));
    let body = body_text(&json!({ "cashout_id": 8400001 }), None);
    let request = format!(
        "POST /v3/cashout/status HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Payload-Signature: {}\r\nContent-Length: {}\r\n\r\n",
        sign(&body),
        body.len()
    );
    let addr = h
        .sandbox
        .base_url()
        .trim_start_matches("http://")
        .to_owned();
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream
        .write_all(request.as_bytes())
        .await
        .expect("write head");
    stream.write_all(&body).await.expect("write body");
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut received))
        .await
        .expect("the server closes the connection");
    // A clean close reads 0 bytes; a reset is an error with nothing read either.
    assert!(
        read.is_err() || received.is_empty(),
        "got {:?}",
        String::from_utf8_lossy(&received)
    );
    assert!(received.is_empty());
}

#[tokio::test]
async fn error_500_after_commit_answers_500_and_the_cashout_exists() {
    let h = harness().await;
    h.sandbox.inject(Fault::Error500 {
        endpoint: Endpoint::Create,
        after_commit: true,
    });
    let a = h.create_with("done-anyway", "10", json!({})).await;
    assert_eq!((a.http, a.code()), (500, 500));
    assert_eq!(h.sandbox.cashouts_for_external_id("done-anyway"), 1);
}

#[tokio::test]
async fn error_500_before_commit_answers_500_and_nothing_is_created() {
    let h = harness().await;
    h.sandbox.inject(Fault::Error500 {
        endpoint: Endpoint::Create,
        after_commit: false,
    });
    let a = h.create_with("not-done", "10", json!({})).await;
    assert_eq!((a.http, a.code()), (500, 500));
    assert_eq!(h.sandbox.cashouts_for_external_id("not-done"), 0);
}

#[tokio::test]
async fn delay_fault_commits_then_answers_late() {
    let h = harness().await;
    h.sandbox.inject(Fault::Delay {
        endpoint: Endpoint::Create,
        by: Duration::from_millis(300),
    });
    let started = Instant::now();
    let a = h.create_with("slow", "10", json!({})).await;
    assert_eq!(a.http, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn delay_fault_longer_than_client_timeout_leaves_the_cashout_created() {
    let h = harness().await;
    h.sandbox.inject(Fault::Delay {
        endpoint: Endpoint::Create,
        by: Duration::from_secs(3),
    });
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .expect("client");
    let body = body_text(&create_fields("timed-out", json!({})), Some("10"));
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
        let h = harness().await;
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
        assert_eq!(h.create_with("untouched", "10", json!({})).await.http, 200);
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
    let h = harness().await;
    let id = h
        .create_ok("before-restart", json!({ "on_hold": true }))
        .await;
    let Harness {
        sandbox,
        clock,
        http,
        db,
        _dir,
    } = h;
    sandbox.shutdown().await;

    let sandbox = start_on(db.clone(), clock.clone()).await;
    let h = Harness {
        sandbox,
        clock,
        http,
        db,
        _dir,
    };
    assert_eq!(h.sandbox.cashouts_for_external_id("before-restart"), 1);
    assert_eq!(h.status_of(id).await.status(), 5);
    assert_eq!(
        h.create_with("before-restart", "10", json!({}))
            .await
            .code(),
        511
    );
    let next = h.create_ok("after-restart", json!({})).await;
    assert_eq!(next, id + 1);
}

#[tokio::test]
async fn reset_forgets_cashouts_and_restores_balances() {
    let h = harness().await;
    let id = h.create_with("all-in", "1000000.00", json!({})).await;
    assert_eq!(id.http, 200);
    h.create_ok("other", json!({ "currency": "USD" })).await;
    h.sandbox.reset().expect("reset");
    assert_eq!(h.sandbox.cashout_count(), 0);
    assert_eq!(h.status_of(8_400_001).await.code(), 509);
    let again = h.create_with("all-in", "1000000.00", json!({})).await;
    assert_eq!(again.http, 200, "{}", again.body);
    assert_eq!(again.body["cashout_id"], "8400003", "ids are never reused");
}

#[tokio::test]
async fn stats_count_every_request() {
    let h = harness().await;
    h.create_ok("payout-1", json!({})).await;
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
    let h = harness().await;
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

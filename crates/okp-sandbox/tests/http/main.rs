//! The sandbox over real HTTP on loopback: every endpoint's success, every documented error
//! with its HTTP status, bank processing on a manual clock, the rehearsal triggers, each fault
//! kind, persistence across a restart, and reset.
//!
//! Files: this one the harness; `calls` every endpoint's success and documented refusal;
//! `processing` bank processing, the triggers, the faults and the sandbox's state.
//!
//! Requests are signed here with the core's `payload_signature` over the exact bytes sent.
//! Amounts are spliced into bodies as text, never through a float.

mod calls;
mod processing;

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

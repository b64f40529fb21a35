//! What every integration test file shares: a sandbox on a manual clock (restartable on its
//! file), bodies signed here with `hmac` directly (not with the app's signing code, so these
//! tests witness the sandbox alone), valid create bodies per country, calls for each endpoint
//! (signed, unsigned or with a given signature), and a raw TCP client that shows the bytes on
//! the wire.

#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use cashout_core::clock::ManualClock;
use hmac::{Hmac, KeyInit, Mac};
use okp_sandbox::{
    Sandbox, SandboxConfig, Timings, DEMO_API_KEY, DEMO_API_PASSPHRASE, DEMO_API_SIGNATURE,
};
use reqwest::Method;
use serde_json::{json, Map, Value};
use sha2::Sha256;
use tempfile::TempDir;
use time::macros::datetime;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Rig {
    pub sandbox: Sandbox,
    pub clock: ManualClock,
    pub http: reqwest::Client,
    /// The sandbox's database file, inside the rig's temporary directory.
    pub db: PathBuf,
    _dir: TempDir,
}

/// A sandbox on `db` (a new or an existing file) and `clock`, on a free loopback port.
pub async fn start_on(db: PathBuf, clock: ManualClock) -> Sandbox {
    let config = SandboxConfig {
        db_path: db,
        port: 0,
        clock: Arc::new(clock),
        timings: Timings::default(),
    };
    Sandbox::start(config).await.expect("sandbox starts")
}

pub async fn rig() -> Rig {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("sandbox.sqlite3");
    let clock = ManualClock::new(datetime!(2026-01-05 12:00 UTC));
    let sandbox = start_on(db.clone(), clock.clone()).await;
    Rig {
        sandbox,
        clock,
        http: reqwest::Client::new(),
        db,
        _dir: dir,
    }
}

/// `Payload-Signature`: lowercase hex HMAC-SHA256 of the exact bytes.
pub fn sign(body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(DEMO_API_SIGNATURE.as_bytes())
        .expect("any key length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Object text with `login`/`pass` first, then `fields`; `amount` spliced in as text.
pub fn body(fields: &Value, amount: Option<&str>) -> Vec<u8> {
    let mut map = Map::new();
    map.insert("login".into(), json!(DEMO_API_KEY));
    map.insert("pass".into(), json!(DEMO_API_PASSPHRASE));
    if let Value::Object(extra) = fields {
        for (k, v) in extra {
            map.insert(k.clone(), v.clone());
        }
    }
    let mut text = serde_json::to_string(&Value::Object(map)).expect("serialise");
    if let Some(amount) = amount {
        text.pop();
        text.push_str(&format!(",\"amount\":{amount}}}"));
    }
    text.into_bytes()
}

/// A valid create for the country, with `changes` applied (`null` removes a field).
pub fn create_fields(country: &str, external_id: &str, changes: Value) -> Value {
    let mut base = json!({
        "external_id": external_id,
        "country": country,
        "beneficiary_name": "Maria",
        "notification_url": "https://merchant.example/webhooks/cashouts",
        "type": "json",
    });
    let extra = match country {
        "BR" => json!({
            "currency": "BRL", "document_id": "390.533.447-05", "bank_code": "001",
            "bank_account": "3423422-7", "bank_branch": "1234", "account_type": "C",
        }),
        "MX" => json!({
            "currency": "MXN", "document_id": "BOXW310820HNERXN09", "document_type": "CURP",
            "beneficiary_lastname": "Silva", "bank_account": "002010077777777771",
        }),
        "CO" => json!({
            "currency": "COP", "document_id": "1020304050", "document_type": "CC",
            "beneficiary_lastname": "Silva", "address": "Calle 100 # 10-20, Bogotá",
            "bank_code": "1007", "bank_account": "12345678901", "account_type": "S",
        }),
        "PE" => json!({
            "currency": "PEN", "document_id": "12345678", "document_type": "DNI",
            "beneficiary_lastname": "Silva", "bank_account": "00219300153895206813",
        }),
        "CL" => json!({
            "currency": "CLP", "document_id": "12.531.909-2", "bank_code": "001",
            "bank_account": "0012345678", "account_type": "V",
        }),
        "AR" => json!({
            "currency": "ARS", "document_id": "20-05536168-2", "beneficiary_lastname": "Silva",
            "email": "maria@example.com", "bank_account": "2850590940090418135201",
        }),
        other => panic!("no sample for {other}"),
    };
    for changes in [extra, changes] {
        if let (Value::Object(base), Value::Object(changes)) = (&mut base, changes) {
            for (k, v) in changes {
                if v.is_null() {
                    base.remove(&k);
                } else {
                    base.insert(k, v);
                }
            }
        }
    }
    base
}

pub struct Answer {
    pub http: u16,
    pub body: Value,
}

impl Answer {
    pub fn code(&self) -> i64 {
        self.body["code"].as_i64().unwrap_or(-1)
    }

    pub fn status(&self) -> i64 {
        self.body["cashout_status"].as_i64().unwrap_or(-1)
    }

    pub fn message(&self) -> &str {
        self.body["message"].as_str().unwrap_or("")
    }
}

impl Rig {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.base_url())
    }

    pub fn addr(&self) -> String {
        self.sandbox
            .base_url()
            .trim_start_matches("http://")
            .to_owned()
    }

    /// Shuts the sandbox down and starts a new one on the same file and clock.
    pub async fn restart(self) -> Rig {
        let Rig {
            sandbox,
            clock,
            http,
            db,
            _dir,
        } = self;
        sandbox.shutdown().await;
        let sandbox = start_on(db.clone(), clock.clone()).await;
        Rig {
            sandbox,
            clock,
            http,
            db,
            _dir,
        }
    }

    /// Moves the manual clock on by `secs` seconds.
    pub fn advance(&self, secs: u64) {
        self.clock.advance(Duration::from_secs(secs));
    }

    /// Sends exactly these bytes, signed.
    pub async fn send(&self, method: Method, path: &str, body: Vec<u8>) -> Answer {
        let sig = sign(&body);
        self.send_with(method, path, body, Some(sig)).await
    }

    /// Sends exactly these bytes with this `Payload-Signature` (none when `None`).
    pub async fn send_with(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
        sig: Option<String>,
    ) -> Answer {
        self.try_send(&self.http, method, path, body, sig)
            .await
            .expect("an HTTP answer")
    }

    /// As `send_with`, on `client`, handing back the client's error when no answer came.
    pub async fn try_send(
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
        Ok(Answer {
            http,
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        })
    }

    pub async fn create(&self, country: &str, external_id: &str, changes: Value) -> Answer {
        self.create_amount(country, external_id, "100.10", changes)
            .await
    }

    pub async fn create_amount(
        &self,
        country: &str,
        external_id: &str,
        amount: &str,
        changes: Value,
    ) -> Answer {
        let fields = create_fields(country, external_id, changes);
        self.send(Method::POST, "/v3/cashout", body(&fields, Some(amount)))
            .await
    }

    /// Creates a Brazilian bank transfer and returns its id.
    pub async fn create_ok(&self, external_id: &str) -> i64 {
        self.create_ok_with(external_id, json!({})).await
    }

    /// Creates a Brazilian bank transfer with `changes` applied and returns its id.
    pub async fn create_ok_with(&self, external_id: &str, changes: Value) -> i64 {
        let a = self.create("BR", external_id, changes).await;
        assert_eq!(a.http, 200, "create should succeed: {}", a.body);
        a.body["cashout_id"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .expect("a numeric id as a string")
    }

    /// A signed call with the credentials and `fields`.
    pub async fn call(&self, method: Method, path: &str, fields: Value) -> Answer {
        self.send(method, path, body(&fields, None)).await
    }

    pub async fn status_of(&self, id: i64) -> Answer {
        self.call(
            Method::POST,
            "/v3/cashout/status",
            json!({ "cashout_id": id }),
        )
        .await
    }

    /// The status by `external_id` alone.
    pub async fn status_by_external_id(&self, external_id: &str) -> Answer {
        self.call(
            Method::POST,
            "/v3/cashout/status",
            json!({ "external_id": external_id }),
        )
        .await
    }

    /// Puts a cashout on hold (`"ON_HOLD"`) or releases it (`"PENDING"`).
    pub async fn update(&self, id: i64, status: &str) -> Answer {
        self.call(
            Method::PUT,
            "/v3/cashout/status",
            json!({ "cashout_id": id, "status": status }),
        )
        .await
    }

    pub async fn cancel(&self, id: i64, external_id: &str) -> Answer {
        let fields = json!({ "cashout_id": id, "external_id": external_id });
        self.call(Method::DELETE, "/v3/cashout/cancel", fields)
            .await
    }

    /// A bank list (`GET`, unsigned), with `Authorization: Bearer <key>` when a key is given.
    pub async fn banks(&self, path: &str, key: Option<&str>) -> Answer {
        let mut req = self.http.get(self.url(path));
        if let Some(key) = key {
            req = req.header("Authorization", format!("Bearer {key}"));
        }
        let resp = req.send().await.expect("an HTTP answer");
        let http = resp.status().as_u16();
        let bytes = resp.bytes().await.expect("a body");
        Answer {
            http,
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        }
    }
}

/// What came back on a raw connection.
pub struct Wire {
    /// The status line and headers, as text.
    pub head: String,
    /// Every body byte received before the connection closed.
    pub body: Vec<u8>,
}

impl Wire {
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_owned())
        })
    }

    pub fn content_length(&self) -> Option<usize> {
        self.header("content-length").and_then(|v| v.parse().ok())
    }
}

/// The request bytes for a signed call, with `Connection: close`.
pub fn raw_request(method: &str, path: &str, body: &[u8]) -> Vec<u8> {
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Payload-Signature: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        sign(body),
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    request
}

/// Connects, writes the request, and returns the open stream.
pub async fn open(rig: &Rig, request: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(rig.addr()).await.expect("connect");
    stream.write_all(request).await.expect("write request");
    stream
}

/// The bytes a raw connection received.
pub struct Received {
    pub bytes: Vec<u8>,
    /// Whether the server closed the connection (cleanly or by a reset) within the limit.
    pub closed: bool,
}

/// Reads until the server closes the connection or `limit` passes.
pub async fn receive(mut stream: TcpStream, limit: Duration) -> Received {
    let mut bytes = Vec::new();
    let mut buf = [0u8; 8192];
    let closed = tokio::time::timeout(limit, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => bytes.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .is_ok();
    Received { bytes, closed }
}

/// Reads until the server closes (or `limit` passes), then splits head and body.
pub async fn read_all(stream: TcpStream, limit: Duration) -> Wire {
    split(&receive(stream, limit).await.bytes)
}

pub fn split(received: &[u8]) -> Wire {
    let end = received
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(received.len());
    Wire {
        head: String::from_utf8_lossy(&received[..end]).into_owned(),
        body: received.get(end + 4..).unwrap_or_default().to_vec(),
    }
}

/// A signed call over a raw connection, read to the end.
pub async fn raw_call(rig: &Rig, method: &str, path: &str, fields: Value) -> Wire {
    let request = raw_request(method, path, &body(&fields, None));
    read_all(open(rig, &request).await, Duration::from_secs(10)).await
}

/// The signed status of `id` over a raw connection, read to the end.
pub async fn raw_status(rig: &Rig, id: i64) -> Wire {
    raw_call(
        rig,
        "POST",
        "/v3/cashout/status",
        json!({ "cashout_id": id }),
    )
    .await
}

//! A 400 MB answer costs the sandbox no 400 MB: the `HugeBody` fault streams its padding.
//! Alone in its own test binary, so that the process's memory is the sandbox's and this
//! reader's only.

mod support;

use std::time::Duration;

use okp_sandbox::{Endpoint, Fault};
use serde_json::json;
use support::{body, open, raw_request, rig};
use tokio::io::AsyncReadExt;

/// Resident memory of this process in bytes (Linux), if readable.
fn resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[tokio::test]
async fn huge_body_of_400_mb_is_streamed_without_holding_it() {
    const BYTES: u64 = 400_000_000;
    let r = rig().await;
    let id = r.create_ok("p1").await;
    r.sandbox.inject(Fault::HugeBody {
        endpoint: Endpoint::Status,
        bytes: BYTES,
    });
    let request = raw_request(
        "POST",
        "/v3/cashout/status",
        &body(&json!({ "cashout_id": id }), None),
    );
    let before = resident();
    let mut stream = open(&r, &request).await;
    let mut buf = vec![0u8; 256 * 1024];
    let mut head = Vec::new();
    let mut body_bytes: u64 = 0;
    let mut peak = before.unwrap_or(0);
    let mut last = Vec::new();
    loop {
        let n = tokio::time::timeout(Duration::from_secs(60), stream.read(&mut buf))
            .await
            .expect("the body keeps coming")
            .expect("read");
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        if body_bytes == 0 && !head.ends_with(b"\r\n\r\n") {
            head.extend_from_slice(chunk);
            if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
                body_bytes = (head.len() - end - 4) as u64;
                let rest = head.split_off(end + 4);
                assert!(rest.starts_with(br#"{"cashout_status":0"#), "{rest:?}");
            }
            continue;
        }
        body_bytes += n as u64;
        last = chunk[n.saturating_sub(2)..].to_vec();
        if body_bytes % (32 << 20) < n as u64 {
            peak = peak.max(resident().unwrap_or(0));
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-length: 400000000"),
        "{head}"
    );
    assert_eq!(body_bytes, BYTES);
    assert_eq!(last, br#""}"#.to_vec());
    if let Some(before) = before {
        let grown = peak.saturating_sub(before);
        assert!(grown < 64 << 20, "the process grew by {grown} bytes");
    }
}

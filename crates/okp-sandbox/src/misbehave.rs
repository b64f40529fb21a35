//! A provider that misbehaves on demand: the answers of the broken-provider faults
//! (`OtherCashout`, `UnknownStatus`, `HugeBody`, `Truncated`, `SlowDrip`), built around the
//! real answer after the work was done and committed.
//!
//! Guarantees: the work is always done first (a client that retries must find it done); huge,
//! truncated and dripping bodies are streamed by small hand-written bodies that hold at most
//! the real answer (a few hundred bytes) and one shared static chunk of padding, so a 400 MB
//! answer costs the sandbox no more memory than a small one; a truncated answer announces the
//! full `Content-Length`, sends half, and the connection is then closed by hyper because the
//! body ends in an error.
//!
//! Left out: faults below HTTP (resets mid-header, TLS), and faults on answers the sandbox
//! could not produce (an answer body that does not fit in [`BODY_LIMIT`] is never rewritten).

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use serde_json::{json, Value};
use tokio::time::Sleep;

use crate::faults::Endpoint;
use crate::handlers::{status_answer, BODY_LIMIT};
use crate::state::Shared;
use crate::store::FIRST_ID;

/// The real answer, read back from the handler.
struct Answer {
    status: StatusCode,
    body: Bytes,
}

async fn collect(response: Response) -> Answer {
    let status = response.status();
    // The handlers' answers are small JSON values; one that is not readable is sent as empty.
    let body = to_bytes(response.into_body(), BODY_LIMIT)
        .await
        .unwrap_or_default();
    Answer { status, body }
}

fn json_response(status: StatusCode, body: impl Into<Body>) -> Response {
    let mut response = (status, body.into()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The ids a request names: `cashout_id` (number or numeric text) and `external_id`.
fn named_ids(body: &[u8]) -> (Option<i64>, Option<String>) {
    let value: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let id = value.get("cashout_id").and_then(|v| match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    });
    let external = value
        .get("external_id")
        .and_then(Value::as_str)
        .map(str::to_owned);
    (id, external)
}

/// `OtherCashout`: the work is done, then the answer is about another cashout.
pub(crate) async fn other_cashout(
    shared: &Shared,
    endpoint: Endpoint,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, BODY_LIMIT).await.unwrap_or_default();
    let (named_id, named_external) = named_ids(&bytes);
    let answer = collect(
        next.run(Request::from_parts(parts, Body::from(bytes)))
            .await,
    )
    .await;
    if endpoint == Endpoint::Banks {
        return json_response(answer.status, answer.body);
    }
    // On create, the cashout the request made is "its own" too.
    let (created_id, _) = named_ids(&answer.body);
    let not_ids: Vec<i64> = [named_id, created_id].into_iter().flatten().collect();
    let not_external: Vec<&str> = named_external.iter().map(String::as_str).collect();
    let now = shared.clock.now();
    let other = shared
        .store()
        .newest_other(&not_ids, &not_external, now, &shared.timings)
        .ok()
        .flatten();
    let (id, external_id, status) = match &other {
        Some(record) => (record.id, record.external_id.clone(), status_answer(record)),
        None => invented(&not_ids, &not_external),
    };
    let body = if endpoint == Endpoint::Create {
        json!({ "cashout_id": id.to_string() })
    } else {
        let mut status = status;
        if let Some(object) = status.as_object_mut() {
            object.insert("cashout_id".into(), json!(id));
            object.insert("external_id".into(), json!(external_id));
        }
        status
    };
    (StatusCode::OK, Json(body)).into_response()
}

/// Ids and a pending status for a cashout that does not exist, different from the request's.
fn invented(not_ids: &[i64], not_external: &[&str]) -> (i64, String, Value) {
    // Below the first id ever handed out, so it names no cashout at all.
    let id = (1..FIRST_ID)
        .rev()
        .find(|candidate| !not_ids.contains(candidate))
        .unwrap_or(0);
    let mut external = "sandbox-invented-cashout".to_owned();
    while not_external.contains(&external.as_str()) {
        external.push('-');
    }
    let status = json!({ "cashout_status": 0, "cashout_status_description": "Pending" });
    (id, external, status)
}

/// `UnknownStatus`: the real answer with `cashout_status` replaced by `code`.
pub(crate) async fn unknown_status(code: i64, response: Response) -> Response {
    let answer = collect(response).await;
    let mut value: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
    match value.as_object_mut() {
        Some(object) if answer.status == StatusCode::OK => {
            object.insert("cashout_status".into(), json!(code));
            // Whatever a provider would call its new status, the client cannot know it.
            object.insert(
                "cashout_status_description".into(),
                json!(format!("Status {code}")),
            );
            (StatusCode::OK, Json(value)).into_response()
        }
        _ => json_response(answer.status, answer.body),
    }
}

/// `HugeBody`: exactly `bytes` bytes that start like the real answer, padded inside a string.
pub(crate) async fn huge_body(bytes: u64, response: Response) -> Response {
    let answer = collect(response).await;
    let text = answer.body.as_ref();
    let (head, tail): (Vec<u8>, &'static [u8]) = match (text.first(), text.last()) {
        (Some(b'{'), Some(b'}')) => (opened(text, "\"pad\":\""), b"\"}"),
        (Some(b'['), Some(b']')) => (opened(text, "\""), b"\"]"),
        _ => (text.to_vec(), b""),
    };
    let frame = u64::try_from(head.len() + tail.len()).unwrap_or(u64::MAX);
    let body = if bytes >= frame {
        Padded {
            head: Bytes::from(head),
            pad_left: bytes - frame,
            tail: Bytes::from_static(tail),
        }
    } else {
        // Too small for the frame: the first `bytes` bytes of it, still no padding.
        let mut all = head;
        all.extend_from_slice(tail);
        all.truncate(usize::try_from(bytes).unwrap_or(usize::MAX));
        Padded {
            head: Bytes::from(all),
            pad_left: 0,
            tail: Bytes::new(),
        }
    };
    json_response(answer.status, Body::new(body))
}

/// The answer without its closing bracket, ready for one more member or element.
fn opened(text: &[u8], member: &str) -> Vec<u8> {
    let mut head = text[..text.len() - 1].to_vec();
    let empty = head
        .iter()
        .all(|b| matches!(b, b'{' | b'[') || b.is_ascii_whitespace());
    if !empty {
        head.push(b',');
    }
    head.extend_from_slice(member.as_bytes());
    head
}

/// `Truncated`: the real answer's length announced, half of it sent, then the connection cut.
pub(crate) async fn truncated(response: Response) -> Response {
    let answer = collect(response).await;
    let half = answer.body.slice(..answer.body.len() / 2);
    let body = HalfThenCut {
        full_len: u64::try_from(answer.body.len()).unwrap_or(u64::MAX),
        half: Some(half),
        wait: None,
    };
    json_response(answer.status, Body::new(body))
}

/// `SlowDrip`: the real answer, one byte every `every`.
pub(crate) async fn slow_drip(every: Duration, response: Response) -> Response {
    let answer = collect(response).await;
    let body = Drip {
        data: answer.body,
        sent: 0,
        every,
        wait: None,
    };
    json_response(answer.status, Body::new(body))
}

/// One shared chunk of padding: every padding frame is a slice of it, so no frame allocates.
static PADDING: [u8; 64 * 1024] = [b'x'; 64 * 1024];

/// A body of a head, `pad_left` padding bytes, then a tail, produced a chunk at a time as hyper
/// asks for more (hyper polls the body only when its write buffer has room).
struct Padded {
    head: Bytes,
    pad_left: u64,
    tail: Bytes,
}

impl HttpBody for Padded {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        let next = if !this.head.is_empty() {
            std::mem::take(&mut this.head)
        } else if this.pad_left > 0 {
            let n = usize::try_from(this.pad_left)
                .unwrap_or(usize::MAX)
                .min(PADDING.len());
            this.pad_left -= u64::try_from(n).unwrap_or(this.pad_left);
            Bytes::from_static(&PADDING[..n])
        } else if !this.tail.is_empty() {
            std::mem::take(&mut this.tail)
        } else {
            return Poll::Ready(None);
        };
        Poll::Ready(Some(Ok(Frame::data(next))))
    }

    fn is_end_stream(&self) -> bool {
        self.head.is_empty() && self.pad_left == 0 && self.tail.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        let known = u64::try_from(self.head.len() + self.tail.len()).unwrap_or(u64::MAX);
        SizeHint::with_exact(known.saturating_add(self.pad_left))
    }
}

/// The error that makes hyper abandon a truncated answer and close its connection.
#[derive(Debug, thiserror::Error)]
#[error("answer cut short on purpose (Truncated fault)")]
struct CutShort;

/// How long the first half is left to reach the socket before the connection is cut: hyper
/// flushes what it has while the body is pending.
const FLUSH_GRACE: Duration = Duration::from_millis(50);

/// Announces `full_len` bytes, yields `half`, waits for the flush, then fails.
struct HalfThenCut {
    full_len: u64,
    half: Option<Bytes>,
    wait: Option<Pin<Box<Sleep>>>,
}

impl HttpBody for HalfThenCut {
    type Data = Bytes;
    type Error = CutShort;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, CutShort>>> {
        let this = self.get_mut();
        if let Some(half) = this.half.take() {
            this.wait = Some(Box::pin(tokio::time::sleep(FLUSH_GRACE)));
            if !half.is_empty() {
                return Poll::Ready(Some(Ok(Frame::data(half))));
            }
        }
        match this.wait.as_mut() {
            Some(wait) => match wait.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    this.wait = None;
                    Poll::Ready(Some(Err(CutShort)))
                }
                Poll::Pending => Poll::Pending,
            },
            None => Poll::Ready(Some(Err(CutShort))),
        }
    }

    fn size_hint(&self) -> SizeHint {
        // The lie is the point: hyper announces the full length in `Content-Length`.
        SizeHint::with_exact(self.full_len)
    }
}

/// Yields `data` one byte per `every`.
struct Drip {
    data: Bytes,
    sent: usize,
    every: Duration,
    wait: Option<Pin<Box<Sleep>>>,
}

impl HttpBody for Drip {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        if this.sent >= this.data.len() {
            return Poll::Ready(None);
        }
        let every = this.every;
        let wait = this
            .wait
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(every)));
        match wait.as_mut().poll(cx) {
            Poll::Ready(()) => {
                this.wait = None;
                let byte = this.data.slice(this.sent..=this.sent);
                this.sent += 1;
                Poll::Ready(Some(Ok(Frame::data(byte))))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.sent >= self.data.len()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(u64::try_from(self.data.len() - self.sent).unwrap_or(u64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opened_answers_take_one_more_member() {
        assert_eq!(
            opened(br#"{"a":1}"#, "\"pad\":\""),
            br#"{"a":1,"pad":""#.to_vec()
        );
        assert_eq!(opened(b"{}", "\"pad\":\""), br#"{"pad":""#.to_vec());
        assert_eq!(opened(b"[]", "\""), b"[\"".to_vec());
        assert_eq!(opened(br#"[{"a":1}]"#, "\""), br#"[{"a":1},""#.to_vec());
    }

    #[test]
    fn invented_ids_avoid_the_request_and_every_real_id() {
        let (id, ext, status) = invented(&[FIRST_ID - 1], &["sandbox-invented-cashout"]);
        assert_eq!(id, FIRST_ID - 2);
        assert_eq!(ext, "sandbox-invented-cashout-");
        assert_eq!(status["cashout_status"], 0);
    }

    #[test]
    fn named_ids_are_read_from_numbers_or_text() {
        assert_eq!(
            named_ids(br#"{"cashout_id":8400001,"external_id":"a"}"#),
            (Some(8_400_001), Some("a".to_owned()))
        );
        assert_eq!(
            named_ids(br#"{"cashout_id":"8400002"}"#),
            (Some(8_400_002), None)
        );
        assert_eq!(named_ids(b"[1]"), (None, None));
    }
}

//! The sandbox over real HTTP on loopback: every endpoint's success, every documented error
//! with its HTTP status, bank processing on a manual clock, the rehearsal triggers, each fault
//! kind, persistence across a restart, and reset.
//!
//! Files: this one the imports; `calls` every endpoint's success and documented refusal;
//! `processing` bank processing, the triggers, the faults and the sandbox's state. The harness
//! is the shared `tests/support` module: requests are signed there with `hmac` directly over
//! the exact bytes sent (never with the core's signing), and amounts are spliced into bodies as
//! text, never through a float.

#[path = "../support/mod.rs"]
mod support;

mod calls;
mod processing;

use std::time::{Duration, Instant};

use cashout_core::credentials::Secret;
use okp_sandbox::{
    demo_credentials, Endpoint, Fault, FaultPlan, Sandbox, SandboxConfig, DEMO_API_KEY,
    DEMO_API_PASSPHRASE, DEMO_API_SIGNATURE, DEMO_READ_ONLY_KEY,
};
use reqwest::Method;
use serde_json::json;
use support::{body, create_fields, open, raw_request, receive, rig, sign};

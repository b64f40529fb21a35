//! Integration tests: the core's desk and client over real loopback HTTP against the embedded
//! sandbox, with real SQLite files. One binary, one module per concern.

mod endpoints;
mod exactly_once;
mod keyring;
#[allow(clippy::unwrap_used)]
mod provider_answers;
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod records;
mod secrets;
#[allow(clippy::unwrap_used)]
mod trust;
#[allow(clippy::unwrap_used)]
mod watch;

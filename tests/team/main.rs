//! The team journal against a real PostgreSQL server (see `support`): schema and migrations,
//! identity, the shared audit chain, TLS.

#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod audit;
#[allow(clippy::unwrap_used)]
mod schema;
mod support;
#[allow(clippy::unwrap_used)]
mod tls;

//! Integration tests: the core's desk and client over real loopback HTTP against the embedded
//! sandbox, with real SQLite files. One binary, one module per concern.

mod endpoints;
mod exactly_once;
mod keyring;
mod secrets;

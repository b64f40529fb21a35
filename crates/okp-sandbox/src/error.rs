//! The sandbox's one error type, for the Rust caller that starts and manages it.
//!
//! These are failures of the sandbox itself (port taken, database unreadable), never answers to
//! HTTP clients: a bad request gets the provider's JSON error body, not a [`SandboxError`].
//! Messages name the file or port but never a credential.

use std::path::PathBuf;

/// Why the sandbox could not start or do what its owner asked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// The loopback port could not be bound (already in use, or not permitted).
    #[error("could not listen on 127.0.0.1:{port}: {source}")]
    Bind {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    /// The folder for the database file could not be created.
    #[error("could not create the folder for the sandbox database {path}: {source}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// SQLite refused an operation (file unreadable, locked, or not a sandbox database).
    #[error("sandbox database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// A stored value could not be read back (edited by hand, or written by a newer version).
    #[error("sandbox database holds an unreadable value in {what}: {value:?}")]
    Corrupt { what: &'static str, value: String },
}

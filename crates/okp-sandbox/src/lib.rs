//! The embedded sandbox.

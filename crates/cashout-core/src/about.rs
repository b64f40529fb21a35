//! Which build this is: the version, the commit it was built from and when it was built (set
//! by `build.rs`). `cashout --version` prints [`VERSION_LINE`]; the app shows [`BuildInfo`] in
//! Settings → About. An operator reporting a problem, or IT checking that an update landed,
//! reads the same three facts in both.

use serde::Serialize;
use ts_rs::TS;

/// The program's version (the workspace's, which the app's bundle carries too).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The commit built from, 12 hex digits, or `unknown` outside a git checkout.
pub const COMMIT: &str = env!("CASHOUT_COMMIT");
/// When it was built, RFC 3339 in UTC (`SOURCE_DATE_EPOCH` when set).
pub const BUILT_AT: &str = env!("CASHOUT_BUILT_AT");
/// `0.1.0 (commit 0123456789ab, built 2026-11-30T16:05:00Z)`.
pub const VERSION_LINE: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("CASHOUT_COMMIT"),
    ", built ",
    env!("CASHOUT_BUILT_AT"),
    ")"
);

/// This build, as Settings → About shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BuildInfo {
    pub version: String,
    pub commit: String,
    pub built_at: String,
}

impl BuildInfo {
    /// This program's build.
    #[must_use]
    pub fn current() -> Self {
        Self {
            version: VERSION.to_owned(),
            commit: COMMIT.to_owned(),
            built_at: BUILT_AT.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_line_names_the_version_the_commit_and_the_build_time() {
        let b = BuildInfo::current();
        assert_eq!(
            VERSION_LINE,
            format!("{} (commit {}, built {})", b.version, b.commit, b.built_at)
        );
        assert!(
            b.commit == "unknown"
                || (b.commit.len() == 12 && b.commit.chars().all(|c| c.is_ascii_hexdigit())),
            "{}",
            b.commit
        );
        assert!(
            time::OffsetDateTime::parse(
                &b.built_at,
                &time::format_description::well_known::Rfc3339
            )
            .is_ok(),
            "{}",
            b.built_at
        );
    }
}

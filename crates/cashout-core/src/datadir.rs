//! Where the desktop app and the `cashout` CLI keep their data: one directory for both, so
//! they share one journal (one duplicate guard, one reconcile, one audit chain), the
//! embedded sandbox's state and the settings.
//!
//! The directory is `CASHOUT_DATA_DIR` when set, else the platform's data directory joined
//! with the app identifier, the same one Tauri gives the app (Linux
//! `~/.local/share/com.cashoutdesk.app`, macOS `~/Library/Application Support/
//! com.cashoutdesk.app`, Windows `%APPDATA%\com.cashoutdesk.app`).
//!
//! Earlier versions kept the CLI's journal in a directory of its own (`cashout-desk`). The
//! first time the shared directory is opened, a journal found there is merged in (see
//! [`crate::journal::merge`]), audited, and then renamed `journal.sqlite3.moved`; nothing is
//! deleted. Left out: directories given explicitly (`CASHOUT_DATA_DIR`, `--journal`) are used
//! as they are, never merged into.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::clock::{format_instant, Clock};
use crate::credentials::APP_IDENTIFIER;
use crate::error::{Error, Result};
use crate::journal::{merge, Journal};

/// The journal's file name in the data directory.
pub const JOURNAL_FILE: &str = "journal.sqlite3";
/// The embedded sandbox's state file in the data directory.
pub const SANDBOX_FILE: &str = "sandbox.sqlite3";
/// The variable that moves the data directory (tests, a second desk on one machine).
pub const DATA_DIR_VAR: &str = "CASHOUT_DATA_DIR";

/// The data directory, and whether it is the default one (not given by [`DATA_DIR_VAR`]).
#[must_use]
pub fn data_dir() -> Option<(PathBuf, bool)> {
    if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some((PathBuf::from(dir), false));
    }
    default_dir().map(|d| (d, true))
}

/// The platform's data directory joined with the app identifier.
#[must_use]
pub fn default_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|b| b.data_dir().join(APP_IDENTIFIER))
}

/// The directories earlier versions kept the CLI's journal in.
#[must_use]
pub fn legacy_dirs() -> Vec<PathBuf> {
    directories::ProjectDirs::from("com", "cashoutdesk", "cashout-desk")
        .map(|d| d.data_dir().to_owned())
        .into_iter()
        .collect()
}

/// Opens the journal of `dir` (creating it), and when `adopt_legacy` says `dir` is the default
/// directory, first merges in the journal of an earlier version's directory. Returns the
/// journal and what was merged, for the operator.
///
/// # Errors
/// [`Error::Journal`] when the journal cannot be opened, or a journal to merge cannot be read
/// (then nothing was merged, and the old file is left where it is).
pub fn open_journal(
    dir: &Path,
    clock: Arc<dyn Clock>,
    adopt_legacy: bool,
) -> Result<(Journal, Vec<String>)> {
    let path = dir.join(JOURNAL_FILE);
    let journal = Journal::open(&path, clock.clone())?;
    let mut notes = Vec::new();
    if adopt_legacy {
        for legacy in legacy_dirs() {
            if same_dir(&legacy, dir) {
                continue;
            }
            if let Some(note) = adopt(&path, &legacy, dir, &format_instant(clock.now()))? {
                notes.push(note);
            }
        }
    }
    Ok((journal, notes))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Merges `legacy`'s journal into the one at `target`, moves the old files aside, and brings
/// the sandbox's state along when `dir` has none.
fn adopt(target: &Path, legacy: &Path, dir: &Path, now: &str) -> Result<Option<String>> {
    let old = legacy.join(JOURNAL_FILE);
    if !old.is_file() {
        return Ok(None);
    }
    let report = merge::merge_into(target, &old, now)?;
    // A name of its own each time: a journal an old program recreated and that is merged in
    // turn never takes the place of the first one's copy.
    let stamp: String = now.chars().filter(char::is_ascii_digit).collect();
    let mut moved = legacy.join(format!("{JOURNAL_FILE}.moved"));
    if moved.exists() {
        moved = legacy.join(format!("{JOURNAL_FILE}.moved-{stamp}"));
    }
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", old.display()));
        let to = PathBuf::from(format!("{}{suffix}", moved.display()));
        if from.exists() && !to.exists() {
            let _ = std::fs::rename(&from, to);
        }
    }
    let sandbox = legacy.join(SANDBOX_FILE);
    let here = dir.join(SANDBOX_FILE);
    if sandbox.is_file() && !here.exists() {
        // A consistent copy, WAL included; the old file stays where it is.
        let copied = rusqlite::Connection::open(&sandbox)
            .and_then(|c| c.execute("VACUUM INTO ?1", [here.display().to_string()]));
        if let Err(e) = copied {
            return Err(Error::Journal(crate::l10n::messages::tr(
                "d-sandbox-not-copied",
                &[
                    ("file", sandbox.display().to_string().into()),
                    ("detail", e.to_string().into()),
                ],
            )));
        }
    }
    Ok(report.map(|r| {
        crate::l10n::messages::tr(
            "d-journal-merged",
            &[
                ("old", old.display().to_string().into()),
                ("payouts", r.payouts.to_string().into()),
                ("entries", r.audit_entries.to_string().into()),
                ("kept", moved.display().to_string().into()),
            ],
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{AuditAction, AuditEvent};
    use crate::clock::SystemClock;

    #[test]
    fn the_default_directory_is_the_apps_own() {
        if let Some(d) = default_dir() {
            assert!(d.ends_with(APP_IDENTIFIER), "{}", d.display());
        }
    }

    #[tokio::test]
    async fn an_older_journal_is_merged_once_with_its_chain_and_kept_aside() {
        let root = tempfile::tempdir().expect("tempdir");
        let legacy = root.path().join("legacy");
        let dir = root.path().join("shared");
        {
            let old = Journal::open(&legacy.join(JOURNAL_FILE), Arc::new(SystemClock))
                .expect("old journal");
            old.append_audit(AuditEvent::new("sandbox", AuditAction::Lookup, "ok"))
                .await
                .expect("audit");
        }
        let path = dir.join(JOURNAL_FILE);
        let journal = Journal::open(&path, Arc::new(SystemClock)).expect("journal");
        let note = adopt(&path, &legacy, &dir, "2026-11-30T00:00:00Z")
            .expect("merged")
            .expect("a note");
        assert!(note.contains("1 audit entries"), "{note}");
        assert!(legacy.join("journal.sqlite3.moved").is_file());
        assert!(!legacy.join(JOURNAL_FILE).exists());
        let verdict = journal.verify_audit().expect("verify");
        assert!(verdict.intact);
        assert_eq!(verdict.entries, 2);
        // Nothing left to adopt: no second merge.
        assert_eq!(
            adopt(&path, &legacy, &dir, "2026-11-30T00:00:01Z").expect("again"),
            None
        );
    }

    #[tokio::test]
    async fn a_journal_an_old_program_recreates_later_is_merged_too_and_never_over_the_first_copy()
    {
        let root = tempfile::tempdir().expect("tempdir");
        let legacy = root.path().join("legacy");
        let dir = root.path().join("shared");
        let path = dir.join(JOURNAL_FILE);
        let journal = Journal::open(&path, Arc::new(SystemClock)).expect("journal");
        for (i, ext) in ["first-1", "second-1"].into_iter().enumerate() {
            {
                let old = Journal::open(&legacy.join(JOURNAL_FILE), Arc::new(SystemClock))
                    .expect("old journal");
                old.record_lookup("sandbox", "u", None, Some(ext))
                    .await
                    .expect("a payout");
                old.append_audit(
                    AuditEvent::new("sandbox", AuditAction::Lookup, "ok").detail(ext.to_owned()),
                )
                .await
                .expect("audit");
            }
            let note = adopt(&path, &legacy, &dir, &format!("2026-11-30T00:00:0{i}Z"))
                .expect("merged")
                .expect("a note");
            assert!(note.contains("1 payouts"), "{note}");
        }
        assert!(legacy.join("journal.sqlite3.moved").is_file());
        assert!(legacy
            .join("journal.sqlite3.moved-20261130000001")
            .is_file());
        let all = journal
            .list(&crate::journal::ListFilter::default())
            .expect("list");
        assert_eq!(all.len(), 2);
        assert!(journal.verify_audit().expect("verify").intact);
    }
}

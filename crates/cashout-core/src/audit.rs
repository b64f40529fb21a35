//! The audit log: who did what, when, in which environment, to which payout, and how it ended.
//!
//! Guarantees:
//! - Every entry carries the SHA-256 of the entry before it (`prev_hash`) and its own
//!   (`hash`, over its sequence number, its fields and `prev_hash`), so editing, deleting or
//!   reordering any entry breaks the chain at that entry, and [`verify`] says where.
//! - Entries are appended inside the journal's write transaction, which holds the database's
//!   write lock, so two processes (the app and the CLI) never fork the chain.
//! - No secret is ever an argument: entries name what was done ("credentials saved"), never a
//!   value.
//!
//! Left out: a chain proves nothing about entries cut from its *end*; [`verify`] reports the
//! head (`entries`, `head_hash`) so that an operator can write it down, or compare it with an
//! earlier export, to detect that.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What an operator did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AuditAction {
    Create,
    Hold,
    Release,
    Cancel,
    Lookup,
    CredentialsSaved,
    CredentialsRemoved,
    EnvironmentSwitched,
    Export,
    AuditVerified,
    /// An open create sent again with its own external_id.
    Resend,
    /// An open create the operator stopped checking, knowing it may exist.
    Abandon,
    /// The journal of an older data directory moved or merged into this one.
    JournalMoved,
    /// Settings other than the environment changed (which ones, from what to what).
    SettingsChanged,
    /// The desk moved between its local journal and a team journal (which, from where).
    JournalSwitched,
    /// An approver approved a payout (written by the team journal itself, as are the rest).
    ApprovalApproved,
    /// An approver rejected a payout, with the reason.
    ApprovalRejected,
    /// An approval waited past its expiry.
    ApprovalExpired,
    /// An approved payout was released at the provider.
    ApprovalReleased,
    /// A rejected or expired payout was cancelled at the provider.
    ApprovalCancelled,
    /// An approval closed because its payout ended, or moved on, outside the flow.
    ApprovalClosed,
    /// An administrator proposed a change of the approval policy.
    PolicyProposed,
    /// A second operator approved a policy change, which applied.
    PolicyApplied,
    /// A policy change was rejected.
    PolicyRejected,
    /// A payout's beneficiary was saved under a new label.
    BeneficiarySaved,
    /// A saved beneficiary was replaced by another payout's details under its label.
    BeneficiaryUpdated,
    /// A saved beneficiary was deleted.
    BeneficiaryDeleted,
    /// A batch was confirmed and written ahead of any send (file, digest, rows, totals).
    BatchConfirmed,
    /// A batch's sending started, or resumed.
    BatchStarted,
    /// A batch was paused (by an operator, or by its sender when the provider could not be
    /// reached).
    BatchPaused,
    /// The rest of a batch was cancelled (its unsent rows marked never sent).
    BatchCancelled,
    /// Every row of a batch was sent.
    BatchFinished,
    /// The app asked its update server for a newer version (what it found, or why not).
    UpdateChecked,
    /// A signed update was downloaded and verified, and installed (or set to install on quit),
    /// or refused (a bad signature, a version that is not the signed one).
    UpdateInstalled,
}

impl AuditAction {
    /// The stored name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Hold => "hold",
            Self::Release => "release",
            Self::Cancel => "cancel",
            Self::Lookup => "lookup",
            Self::CredentialsSaved => "credentials_saved",
            Self::CredentialsRemoved => "credentials_removed",
            Self::EnvironmentSwitched => "environment_switched",
            Self::Export => "export",
            Self::AuditVerified => "audit_verified",
            Self::Resend => "resend",
            Self::Abandon => "abandon",
            Self::JournalMoved => "journal_moved",
            Self::SettingsChanged => "settings_changed",
            Self::JournalSwitched => "journal_switched",
            Self::ApprovalApproved => "approval_approved",
            Self::ApprovalRejected => "approval_rejected",
            Self::ApprovalExpired => "approval_expired",
            Self::ApprovalReleased => "approval_released",
            Self::ApprovalCancelled => "approval_cancelled",
            Self::ApprovalClosed => "approval_closed",
            Self::PolicyProposed => "policy_proposed",
            Self::PolicyApplied => "policy_applied",
            Self::PolicyRejected => "policy_rejected",
            Self::BeneficiarySaved => "beneficiary_saved",
            Self::BeneficiaryUpdated => "beneficiary_updated",
            Self::BeneficiaryDeleted => "beneficiary_deleted",
            Self::BatchConfirmed => "batch_confirmed",
            Self::BatchStarted => "batch_started",
            Self::BatchPaused => "batch_paused",
            Self::BatchCancelled => "batch_cancelled",
            Self::BatchFinished => "batch_finished",
            Self::UpdateChecked => "update_checked",
            Self::UpdateInstalled => "update_installed",
        }
    }

    /// The action with this stored name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Create,
            Self::Hold,
            Self::Release,
            Self::Cancel,
            Self::Lookup,
            Self::CredentialsSaved,
            Self::CredentialsRemoved,
            Self::EnvironmentSwitched,
            Self::Export,
            Self::AuditVerified,
            Self::Resend,
            Self::Abandon,
            Self::JournalMoved,
            Self::SettingsChanged,
            Self::JournalSwitched,
            Self::ApprovalApproved,
            Self::ApprovalRejected,
            Self::ApprovalExpired,
            Self::ApprovalReleased,
            Self::ApprovalCancelled,
            Self::ApprovalClosed,
            Self::PolicyProposed,
            Self::PolicyApplied,
            Self::PolicyRejected,
            Self::BeneficiarySaved,
            Self::BeneficiaryUpdated,
            Self::BeneficiaryDeleted,
            Self::BatchConfirmed,
            Self::BatchStarted,
            Self::BatchPaused,
            Self::BatchCancelled,
            Self::BatchFinished,
            Self::UpdateChecked,
            Self::UpdateInstalled,
        ]
        .into_iter()
        .find(|a| a.name() == name)
    }
}

/// An entry to append; the journal adds the sequence number, the time and the hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub os_user: String,
    pub environment: String,
    pub action: AuditAction,
    pub cashout_id: Option<i64>,
    pub external_id: Option<String>,
    /// `ok`, or the error code the operation ended with (`outcome_unknown`, `api`, …).
    pub outcome: String,
    pub detail: Option<String>,
}

impl AuditEvent {
    /// An event by the user running this process.
    #[must_use]
    pub fn new(environment: &str, action: AuditAction, outcome: &str) -> Self {
        Self {
            os_user: os_user(),
            environment: environment.to_owned(),
            action,
            cashout_id: None,
            external_id: None,
            outcome: outcome.to_owned(),
            detail: None,
        }
    }

    /// The same event about a payout.
    #[must_use]
    pub fn about(mut self, cashout_id: Option<i64>, external_id: Option<&str>) -> Self {
        self.cashout_id = cashout_id;
        self.external_id = external_id.map(str::to_owned);
        self
    }

    /// The same event with a detail line.
    #[must_use]
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// One stored entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub os_user: String,
    pub environment: String,
    /// An [`AuditAction`] name; kept as stored so that an edited name is still shown.
    pub action: String,
    pub cashout_id: Option<i64>,
    pub external_id: Option<String>,
    pub outcome: String,
    pub detail: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditEntry {
    /// The hash this entry should carry, from its contents and `prev_hash`.
    #[must_use]
    pub fn expected_hash(&self) -> String {
        entry_hash(
            self.seq,
            &self.at,
            &self.os_user,
            &self.environment,
            &self.action,
            self.cashout_id,
            self.external_id.as_deref(),
            &self.outcome,
            self.detail.as_deref(),
            &self.prev_hash,
        )
    }
}

/// SHA-256 (lowercase hex) of an entry: a JSON array of its fields in a fixed order, so that
/// no two different entries share an encoding.
#[allow(clippy::too_many_arguments)]
#[must_use]
pub fn entry_hash(
    seq: i64,
    at: &str,
    os_user: &str,
    environment: &str,
    action: &str,
    cashout_id: Option<i64>,
    external_id: Option<&str>,
    outcome: &str,
    detail: Option<&str>,
    prev_hash: &str,
) -> String {
    let encoded = serde_json::json!([
        seq,
        at,
        os_user,
        environment,
        action,
        cashout_id,
        external_id,
        outcome,
        detail,
        prev_hash
    ])
    .to_string();
    hex::encode(Sha256::digest(encoded.as_bytes()))
}

/// What checking the chain found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditVerdict {
    pub intact: bool,
    /// How many entries were checked.
    pub entries: usize,
    /// The hash of the last entry: write it down to detect, later, entries cut from the end.
    pub head_hash: String,
    /// The sequence number of the first entry that does not fit.
    pub broken_at: Option<i64>,
    /// What is wrong there, in words.
    pub problem: Option<String>,
}

/// Checks a chain read in storage order (by `seq`).
#[must_use]
pub fn verify(entries: &[AuditEntry]) -> AuditVerdict {
    let mut prev = GENESIS.to_owned();
    let broken = |seq: i64, problem: String, checked: usize, head: &str| AuditVerdict {
        intact: false,
        entries: checked,
        head_hash: head.to_owned(),
        broken_at: Some(seq),
        problem: Some(problem),
    };
    for (expected_seq, (i, e)) in (1..).zip(entries.iter().enumerate()) {
        if e.seq != expected_seq {
            let problem = if e.seq > expected_seq {
                format!(
                    "entries {expected_seq} to {} are missing (deleted)",
                    e.seq - 1
                )
            } else {
                format!("entry {} appears out of order", e.seq)
            };
            return broken(expected_seq, problem, i, &prev);
        }
        if e.prev_hash != prev {
            return broken(
                e.seq,
                format!(
                    "entry {} does not follow the entry before it (deleted, inserted or reordered)",
                    e.seq
                ),
                i,
                &prev,
            );
        }
        if e.expected_hash() != e.hash {
            return broken(
                e.seq,
                format!("entry {} was changed after it was written", e.seq),
                i,
                &prev,
            );
        }
        prev.clone_from(&e.hash);
    }
    AuditVerdict {
        intact: true,
        entries: entries.len(),
        head_hash: prev,
        broken_at: None,
        problem: None,
    }
}

/// A filter for reading the log, newest first.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct AuditFilter {
    pub environment: Option<String>,
    pub action: Option<AuditAction>,
    /// Matched against the ids, the user and the detail.
    pub text: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

/// The operating-system account running this process. On Linux it is read from the process
/// itself (the owner of `/proc/self`, named through `/etc/passwd`), not from `USER`, which
/// anyone can set; elsewhere from the environment (`USER`, `USERNAME`, `LOGNAME`). Read once per
/// process: the account does not change, and reading the password file for every entry cost
/// each create about 15 µs of CPU (the benchmark).
#[must_use]
pub fn os_user() -> String {
    static USER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    USER.get_or_init(read_os_user).clone()
}

fn read_os_user() -> String {
    #[cfg(target_os = "linux")]
    if let Some(user) = linux_user() {
        return user;
    }
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(target_os = "linux")]
fn linux_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let name = passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid.to_string()).then(|| name.to_owned())
    });
    Some(name.unwrap_or_else(|| format!("uid {uid}")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a panic is how a test reports
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let mut e = AuditEntry {
                    seq,
                    at: format!("2026-11-21T10:00:{seq:02}.000000Z"),
                    os_user: "ana".into(),
                    environment: "sandbox".into(),
                    action: "hold".into(),
                    cashout_id: Some(8_400_000 + seq),
                    external_id: None,
                    outcome: "ok".into(),
                    detail: None,
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                e.hash = e.expected_hash();
                prev.clone_from(&e.hash);
                e
            })
            .collect()
    }

    #[test]
    fn an_untouched_chain_verifies_and_reports_its_head() {
        let entries = chain(5);
        let verdict = verify(&entries);
        assert!(verdict.intact, "{verdict:?}");
        assert_eq!(verdict.entries, 5);
        assert_eq!(verdict.head_hash, entries[4].hash);
        assert!(verify(&[]).intact);
        assert_eq!(verify(&[]).head_hash, GENESIS);
    }

    #[test]
    fn an_edited_field_breaks_the_chain_at_that_entry() {
        let mut entries = chain(5);
        entries[2].cashout_id = Some(1);
        let verdict = verify(&entries);
        assert!(!verdict.intact);
        assert_eq!(verdict.broken_at, Some(3));
        assert!(verdict.problem.unwrap().contains("changed"));
    }

    #[test]
    fn an_edit_with_a_recomputed_hash_breaks_the_next_link() {
        let mut entries = chain(5);
        entries[1].outcome = "api".into();
        entries[1].hash = entries[1].expected_hash();
        let verdict = verify(&entries);
        assert_eq!(verdict.broken_at, Some(3));
    }

    #[test]
    fn a_deleted_entry_is_reported_as_missing() {
        let mut entries = chain(5);
        entries.remove(1);
        let verdict = verify(&entries);
        assert_eq!(verdict.broken_at, Some(2));
        assert!(verdict.problem.unwrap().contains("missing"));
    }

    #[test]
    fn a_deleted_entry_with_renumbered_successors_breaks_the_link() {
        let mut entries = chain(5);
        entries.remove(1);
        for (i, e) in entries.iter_mut().enumerate() {
            e.seq = i as i64 + 1;
        }
        assert_eq!(verify(&entries).broken_at, Some(2));
    }

    #[test]
    fn swapped_entries_are_detected() {
        let mut entries = chain(5);
        entries.swap(1, 2);
        assert_eq!(verify(&entries).broken_at, Some(2));
        // Swapping contents but keeping the sequence numbers in place.
        let mut entries = chain(5);
        let (a, b) = (entries[1].clone(), entries[2].clone());
        entries[1] = AuditEntry { seq: 2, ..b };
        entries[2] = AuditEntry { seq: 3, ..a };
        assert_eq!(verify(&entries).broken_at, Some(2));
    }

    #[test]
    fn the_os_user_is_named() {
        let user = os_user();
        assert!(!user.is_empty() && user != "unknown", "{user}");
    }

    #[test]
    fn action_names_round_trip() {
        for a in [
            AuditAction::Create,
            AuditAction::CredentialsSaved,
            AuditAction::Export,
        ] {
            assert_eq!(AuditAction::from_name(a.name()), Some(a));
        }
        assert_eq!(AuditAction::from_name("sudo"), None);
    }
}

//! An operator's desk moves to the team journal and back: audited in both journals, the
//! password kept in the keychain only once it worked, never shown; a team journal that cannot be
//! opened at start leaves the desk on its local journal, saying why.

use std::sync::Arc;

use cashout_core::audit::{AuditAction, AuditFilter};
use cashout_core::clock::SystemClock;
use cashout_core::credentials::{CredentialStore, MemoryStore, Secret};
use cashout_core::journal::Journal;
use cashout_core::settings::Settings;
use cashout_core::workspace::Workspace;

use crate::support::Server;

fn workspace(dir: &tempfile::TempDir, store: Arc<MemoryStore>) -> Workspace {
    let path = dir.path().join("journal.sqlite3");
    let journal = Arc::new(Journal::open(&path, Arc::new(SystemClock)).unwrap());
    Workspace::new(
        journal,
        store,
        okp_sandbox::demo_credentials(),
        "http://127.0.0.1:9".into(),
        Settings::default(),
    )
    .with_local_journal(&path)
}

fn switches(journal: &Journal) -> Vec<String> {
    journal
        .audit_log(&AuditFilter {
            action: Some(AuditAction::JournalSwitched),
            ..AuditFilter::default()
        })
        .unwrap()
        .into_iter()
        .filter_map(|e| e.detail)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_desk_moves_to_the_team_journal_and_back_audited_in_both() {
    let db = Server::from_env().team_database().await;
    let (profile, password) = db.operator("ana").await;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::new());
    let w = workspace(&dir, store.clone());
    let local = w.journal();
    assert_eq!(w.journal_status().kind, "local");
    // A payout this desk made while alone.
    let claim = cashout_core::journal::SendClaim::new();
    let cashout_core::journal::IntentOutcome::New(alone) = local
        .record_intent(
            "sandbox",
            "u",
            &cashout_tests::br_pix("made-alone-1", "10"),
            None,
            &claim,
        )
        .await
        .unwrap()
    else {
        panic!("new")
    };
    local
        .record_created(
            alone,
            cashout_core::api::types::CashoutId(90),
            cashout_core::status::CashoutStatus::Pending,
        )
        .await
        .unwrap();

    // A wrong password: nothing switched, nothing stored.
    let wrong = Secret::new("not-her-password-1".into());
    let e = w
        .use_team_journal(profile.clone(), Some(wrong))
        .await
        .unwrap_err();
    assert_eq!(e.code(), "team_journal");
    assert_eq!(w.journal_status().kind, "local");
    assert!(store
        .load_secret(&profile.keychain_scope())
        .unwrap()
        .is_none());

    let status = w
        .use_team_journal(profile.clone(), Some(password.clone()))
        .await
        .unwrap();
    assert_eq!(
        (status.kind, status.signed_in_as.as_deref()),
        ("team", Some(profile.user.as_str()))
    );
    assert!(status.password_stored);
    assert_eq!(
        store
            .load_secret(&profile.keychain_scope())
            .unwrap()
            .map(|s| s.expose().to_owned()),
        Some(password.expose().to_owned())
    );
    assert_eq!(w.settings().team.as_ref(), Some(&profile));
    let team = w.journal();
    for j in [&local, &team] {
        let audited = switches(j);
        assert_eq!(audited.len(), 1, "{audited:?}");
        assert!(audited[0].contains("to the team journal"), "{audited:?}");
    }
    // A settings form that knows nothing of the team journal does not switch it off.
    w.set_settings(Settings {
        team: None,
        ..w.settings()
    })
    .await
    .unwrap();
    assert_eq!(w.settings().team.as_ref(), Some(&profile));

    // Back to the local journal; the stored password serves the next switch.
    let back = w.use_local_journal().await.unwrap();
    assert_eq!(back.kind, "local");
    assert!(w.settings().team.is_none());
    assert_eq!(switches(&team).len(), 2);
    let again = w.use_team_journal(profile.clone(), None).await.unwrap();
    assert_eq!(again.kind, "team");
    // What this desk made alone is offered to the team journal, once.
    let copied = w.copy_local_history().await.unwrap();
    assert_eq!((copied.added, copied.already_here), (1, 0), "{copied:?}");
    assert!(w
        .journal()
        .find("sandbox", None, Some("made-alone-1"))
        .unwrap()
        .is_some());
    assert_eq!(w.copy_local_history().await.unwrap().added, 0, "once");
    w.use_local_journal().await.unwrap();
    assert_eq!(
        w.copy_local_history().await.unwrap_err().code(),
        "invalid_input"
    );
    w.use_team_journal(profile.clone(), None).await.unwrap();
    let serialized = serde_json::to_string(&again).unwrap();
    assert!(!serialized.contains(password.expose()), "{serialized}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_journal_that_cannot_be_opened_at_start_leaves_the_desk_local_and_says_why() {
    let db = Server::from_env().team_database().await;
    let (mut profile, password) = db.operator("ana").await;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::new());
    store
        .save_secret(&profile.keychain_scope(), &password)
        .unwrap();
    // The settings name the team journal, but its server is not there today.
    profile.port = 9;
    let settings = Settings {
        team: Some(profile),
        ..Settings::default()
    };
    let path = dir.path().join("journal.sqlite3");
    let w = Workspace::new(
        Arc::new(Journal::open(&path, Arc::new(SystemClock)).unwrap()),
        store,
        okp_sandbox::demo_credentials(),
        "http://127.0.0.1:9".into(),
        settings,
    )
    .with_local_journal(&path);
    w.open_chosen_team_journal().await;
    let status = w.journal_status();
    assert_eq!(status.kind, "local");
    let problem = status.problem.expect("the problem is said");
    assert!(
        problem.contains("nothing can be paid or checked"),
        "{problem}"
    );
    assert!(!problem.contains(password.expose()), "{problem}");
    // And nothing can: a payout made on the local journal would be invisible to the team, and
    // the team's open creates invisible to it.
    let refused = w.desk().err().expect("no desk");
    assert_eq!(refused.code(), "team_journal");
    assert!(
        refused.to_string().contains("Settings → Journal"),
        "{refused}"
    );
    // Switching to the local journal on purpose lifts it.
    w.use_local_journal().await.unwrap();
    assert!(w.desk().is_ok());
    assert!(w.journal_status().problem.is_none());
}

//! One audit chain for the whole team: identity from the database, no forks under concurrent
//! desks, no writes around the append function, tampering found.

use std::io::Write;
use std::process::{Command, Stdio};

use cashout_core::audit::{AuditAction, AuditEvent, AuditFilter};
use cashout_core::journal::JournalStore;

use crate::support::Server;

fn event(detail: &str) -> AuditEvent {
    AuditEvent::new("sandbox", AuditAction::AuditVerified, "ok").detail(detail)
}

#[tokio::test]
async fn an_entry_names_the_operator_the_database_signed_in_not_the_one_the_desk_claims() {
    let server = Server::from_env();
    let db = server.team_database().await;
    let desk = db.desk("ana").await;
    assert!(desk.actor().starts_with("ana_"), "{}", desk.actor());
    let mut claimed = event("who am I");
    claimed.os_user = "mallory".into();
    let entry = desk.append_audit(claimed).await.unwrap();
    assert_eq!(entry.os_user, desk.actor());
    assert_eq!(
        (entry.seq, entry.prev_hash.as_str()),
        (1, cashout_core::audit::GENESIS)
    );
    assert_eq!(entry.hash, entry.expected_hash());
    let log = desk
        .audit_log(&AuditFilter {
            text: Some("who am".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(log, vec![entry]);
}

#[tokio::test]
async fn the_servers_hash_is_the_one_the_desk_computes_for_awkward_text() {
    let server = Server::from_env();
    let db = server.team_database().await;
    let desk = db.desk("ana").await;
    let awkward = [
        "quote \" backslash \\ slash /",
        "tab\tnewline\ncr\rbell\u{7}formfeed\u{c}backspace\u{8}unit\u{1f}",
        "María João Ñandú — “curly” ‘quotes’ 😀 \u{2028}\u{2029} \u{7f} \u{feff}",
        "",
        "%_ like wildcards",
    ];
    for (i, text) in awkward.iter().enumerate() {
        let mut e = event(text).about(Some(1_000 + i as i64), Some(text));
        e.environment = format!("env {text}");
        let entry = desk.append_audit(e).await.unwrap();
        assert_eq!(entry.detail.as_deref(), Some(*text));
        assert_eq!(entry.hash, entry.expected_hash(), "{text:?}");
    }
    let none = desk
        .append_audit(AuditEvent::new("sandbox", AuditAction::AuditVerified, "ok"))
        .await
        .unwrap();
    assert_eq!(
        (
            none.cashout_id,
            none.external_id.as_deref(),
            none.detail.as_deref()
        ),
        (None, None, None)
    );
    assert_eq!(none.hash, none.expected_hash());
    let verdict = desk.verify_audit().unwrap();
    assert!(verdict.intact, "{verdict:?}");
    assert_eq!(verdict.entries, awkward.len() + 1);
    // The filter's text is literal: % and _ match themselves.
    let like = desk
        .audit_log(&AuditFilter {
            text: Some("%_".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(like.len(), 1, "{like:?}");
}

#[tokio::test]
async fn appends_from_four_desk_processes_at_once_form_one_unbroken_chain() {
    const DESKS: usize = 4;
    const EACH: u32 = 100;
    let server = Server::from_env();
    let db = server.team_database().await;
    let mut children = Vec::new();
    for d in 0..DESKS {
        let (profile, password) = db.operator(&format!("desk{d}")).await;
        let mut child = Command::new(env!("CARGO_BIN_EXE_team-worker"))
            .args(["audit", &EACH.to_string(), &format!("desk{d}")])
            .env(
                "TEAM_WORKER_PROFILE",
                serde_json::to_string(&profile).unwrap(),
            )
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(password.expose().as_bytes())
            .unwrap();
        children.push(child);
    }
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let desk = db.desk("checker").await;
    let verdict = desk.verify_audit().unwrap();
    assert!(verdict.intact, "{verdict:?}");
    assert_eq!(verdict.entries, DESKS * EACH as usize);
    let all = desk
        .audit_log(&AuditFilter {
            limit: 10_000,
            ..AuditFilter::default()
        })
        .unwrap();
    let mut seqs: Vec<i64> = all.iter().map(|e| e.seq).collect();
    seqs.sort_unstable();
    assert_eq!(
        seqs,
        (1..=(DESKS as i64 * i64::from(EACH))).collect::<Vec<_>>()
    );
    // Each desk's entries, in its own order, under its own name.
    for d in 0..DESKS {
        let mine: Vec<_> = all
            .iter()
            .rev()
            .filter(|e| e.os_user.starts_with(&format!("desk{d}_")))
            .collect();
        assert_eq!(mine.len(), EACH as usize);
        for (i, e) in mine.iter().enumerate() {
            assert_eq!(e.detail.as_deref(), Some(format!("desk{d} {i}").as_str()));
        }
    }
}

#[tokio::test]
async fn an_operator_with_psql_cannot_write_the_audit_table_or_its_head() {
    let server = Server::from_env();
    let db = server.team_database().await;
    let (profile, password) = db.operator("ana").await;
    let desk = cashout_core::journal::postgres::PgStore::connect(
        &profile,
        &password,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    .unwrap();
    desk.append_audit(event("first")).await.unwrap();
    let psql = db.raw(&profile, &password).await;
    for sql in [
        "UPDATE cashout.audit SET detail = 'forged'",
        "DELETE FROM cashout.audit",
        "INSERT INTO cashout.audit SELECT seq + 1, at, 'boss', environment, action, cashout_id, external_id, outcome, detail, hash, hash FROM cashout.audit",
        "UPDATE cashout.audit_head SET seq = 0",
        "TRUNCATE cashout.audit",
        "ALTER TABLE cashout.audit DISABLE TRIGGER ALL",
        "CREATE FUNCTION cashout.x() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    ] {
        let err = psql.batch_execute(sql).await.expect_err(sql);
        let code = err.code().map(|c| c.code().to_owned());
        assert!(
            matches!(code.as_deref(), Some("42501")),
            "{sql}: {code:?} {err}"
        );
    }
    // The append function is theirs to call, and it still records who they are.
    let row = psql
        .query_one("SELECT actor, seq FROM cashout.append_audit('sandbox', 'audit_verified', NULL, NULL, 'ok', 'from psql')", &[])
        .await
        .unwrap();
    assert_eq!(
        (row.get::<_, String>(0), row.get::<_, i64>(1)),
        (profile.user.clone(), 2)
    );
    assert!(desk.verify_audit().unwrap().intact);
}

#[tokio::test]
async fn an_entry_edited_or_cut_with_the_owners_rights_is_found() {
    let server = Server::from_env();
    let db = server.team_database().await;
    let desk = db.desk("ana").await;
    for i in 0..5 {
        desk.append_audit(event(&format!("entry {i}")))
            .await
            .unwrap();
    }
    let admin = db.superuser().await;
    admin
        .batch_execute("UPDATE cashout.audit SET detail = 'entry two' WHERE seq = 3")
        .await
        .unwrap();
    let verdict = desk.verify_audit().unwrap();
    assert!(!verdict.intact);
    assert_eq!(verdict.broken_at, Some(3));
    admin
        .batch_execute("UPDATE cashout.audit SET detail = 'entry 2' WHERE seq = 3")
        .await
        .unwrap();
    assert!(desk.verify_audit().unwrap().intact);
    // Cutting the last entries leaves a chain that links, but the head remembers.
    admin
        .batch_execute("DELETE FROM cashout.audit WHERE seq >= 4")
        .await
        .unwrap();
    let verdict = desk.verify_audit().unwrap();
    assert!(!verdict.intact, "{verdict:?}");
    assert_eq!(verdict.broken_at, Some(4));
    assert!(verdict.problem.unwrap().contains("removed from the end"));
}

#[tokio::test]
async fn an_operator_with_psql_cannot_turn_a_desk_payout_deletable_nor_sign_history_as_someone_else(
) {
    let server = Server::from_env();
    let db = server.team_database().await;
    let (profile, password) = db.operator("ana").await;
    let desk = cashout_core::journal::Journal::open_team(
        &profile,
        &password,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    .unwrap();
    let claim = cashout_core::journal::SendClaim::new();
    let cashout_core::journal::IntentOutcome::New(id) = desk
        .record_intent(
            "s",
            "u",
            &cashout_tests::br_pix("guarded-1", "10"),
            None,
            &claim,
        )
        .await
        .unwrap()
    else {
        panic!("new")
    };
    let psql = db.raw(&profile, &password).await;
    for sql in [
        format!("UPDATE cashout.payouts SET origin = 'lookup', external_id = NULL WHERE id = {id}"),
        format!("UPDATE cashout.payouts SET request_json = '{{}}' WHERE id = {id}"),
        format!("UPDATE cashout.payouts SET scope = 'elsewhere' WHERE id = {id}"),
        format!("DELETE FROM cashout.payouts WHERE id = {id}"),
        format!("DELETE FROM cashout.history WHERE payout_id = {id}"),
    ] {
        let done = psql.execute(sql.as_str(), &[]).await;
        // Refused, or (DELETE under the row policy) nothing to delete.
        assert!(matches!(done, Err(_) | Ok(0)), "{sql}: {done:?}");
    }
    assert!(desk.get(id).unwrap().is_some(), "the payout is still there");
    psql.execute(
        "INSERT INTO cashout.history (payout_id, at, event, detail, actor) VALUES ($1, 'x', 'note', 'by the boss', 'boss')",
        &[&id],
    )
    .await
    .unwrap();
    let actor: String = db
        .superuser()
        .await
        .query_one(
            "SELECT actor FROM cashout.history WHERE detail = 'by the boss'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(actor, profile.user);
}

//! Migrations: applied once under concurrency, newer and changed schemas refused.

use cashout_core::error::Error;
use cashout_core::journal::postgres::{migrate, PgStore, SCHEMA_VERSION};

use crate::support::Server;

#[tokio::test]
async fn migrations_started_by_two_administrators_at_once_apply_once() {
    let server = Server::from_env();
    let db = server.empty_database().await;
    let (mut a, mut b) = (db.superuser().await, db.superuser().await);
    let (ra, rb) = tokio::join!(migrate::migrate(&mut a), migrate::migrate(&mut b));
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    let mut applied = [ra.applied.clone(), rb.applied.clone()];
    applied.sort();
    let all: Vec<i32> = (1..=SCHEMA_VERSION).collect();
    assert_eq!(applied, [vec![], all], "{ra:?} {rb:?}");
    let rows = a
        .query(
            "SELECT version, applied_by FROM cashout.schema_migrations",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(rows.len(), usize::try_from(SCHEMA_VERSION).unwrap());
    // A third run finds nothing to do.
    let again = migrate::migrate(&mut a).await.unwrap();
    assert_eq!(
        (again.from, again.to, again.applied.len()),
        (SCHEMA_VERSION, SCHEMA_VERSION, 0)
    );
}

#[tokio::test]
async fn a_desk_and_the_runner_refuse_a_newer_schema_and_write_nothing() {
    let server = Server::from_env();
    let db = server.team_database().await;
    let (profile, password) = db.operator("ana").await;
    let mut admin = db.superuser().await;
    admin
        .execute(
            "INSERT INTO cashout.schema_migrations (version, name, checksum) VALUES ($1, 'future', 'x')",
            &[&(SCHEMA_VERSION + 1)],
        )
        .await
        .unwrap();
    match PgStore::connect(
        &profile,
        &password,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    {
        Err(e @ Error::TeamSchema { found, expected }) => {
            assert_eq!((found, expected), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            assert!(e.to_string().contains("update Cashout Desk"), "{e}");
            assert_eq!(e.code(), "team_schema");
        }
        Err(other) => panic!("{other:?}"),
        Ok(_) => panic!("a desk used a schema newer than it knows"),
    }
    match migrate::migrate(&mut admin).await {
        Err(Error::TeamSchema { found, .. }) => assert_eq!(found, SCHEMA_VERSION + 1),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_migration_changed_since_it_was_applied_is_refused_not_run_again() {
    let server = Server::from_env();
    let db = server.team_database().await;
    let mut admin = db.superuser().await;
    admin
        .execute(
            "UPDATE cashout.schema_migrations SET checksum = 'edited' WHERE version = 1",
            &[],
        )
        .await
        .unwrap();
    let err = migrate::migrate(&mut admin).await.unwrap_err();
    assert!(err.to_string().contains("migration 1"), "{err}");
    assert_eq!(err.code(), "team_journal");
}

#[tokio::test]
async fn a_database_without_a_team_journal_says_who_must_set_it_up() {
    let server = Server::from_env();
    let db = server.empty_database().await;
    // The roles exist on the server from other tests or not; give the operator one here.
    migrate::migrate(&mut db.superuser().await).await.unwrap();
    let (profile, password) = db.operator("ana").await;
    db.superuser()
        .await
        .batch_execute("DROP SCHEMA cashout CASCADE")
        .await
        .unwrap();
    let err = PgStore::connect(
        &profile,
        &password,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    .err()
    .expect("refused");
    assert!(err.to_string().contains("cashout team init"), "{err}");
}

#[tokio::test]
async fn a_wrong_password_is_refused_without_being_repeated() {
    let server = Server::from_env();
    let db = server.team_database().await;
    let (profile, _) = db.operator("ana").await;
    let wrong = cashout_core::credentials::Secret::new("not-the-password-x9".into());
    let err = PgStore::connect(
        &profile,
        &wrong,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    .err()
    .expect("refused");
    let text = err.to_string();
    assert_eq!(err.code(), "team_journal");
    assert!(text.contains("sign-in"), "{text}");
    assert!(!text.contains("not-the-password-x9"), "{text}");
}

#[tokio::test]
async fn a_desks_sessions_resolve_names_in_pg_catalog_and_commit_synchronously_whatever_the_server_says(
) {
    let server = Server::from_env();
    let db = server.team_database().await;
    // The database's own defaults say otherwise …
    db.superuser()
        .await
        .batch_execute(&format!(
            "ALTER DATABASE {} SET synchronous_commit = off; ALTER DATABASE {} SET search_path = public",
            db.name, db.name
        ))
        .await
        .unwrap();
    let desk = db.desk("ana").await;
    // … a desk's sessions do not follow them.
    assert_eq!(
        desk.session_setting("synchronous_commit").await.unwrap(),
        "on"
    );
    assert_eq!(
        desk.session_setting("search_path").await.unwrap(),
        "pg_catalog"
    );
    assert_eq!(desk.session_setting("lock_timeout").await.unwrap(), "10s");
    // And an operator cannot put a function where a session could pick it up by name.
    let (profile, password) = db.operator("bea").await;
    let psql = db.raw(&profile, &password).await;
    let err = psql
        .batch_execute(
            "CREATE FUNCTION public.hashtextextended(text, integer) RETURNS bigint LANGUAGE sql AS 'SELECT 0::bigint'",
        )
        .await
        .expect_err("refused");
    assert_eq!(err.code().map(|c| c.code()), Some("42501"), "{err}");
}

#[tokio::test]
async fn an_administrator_or_superuser_role_is_never_made_an_operator() {
    let server = Server::from_env();
    let db = server.team_database().await;
    let admin = db.superuser().await;
    let password = cashout_core::credentials::Secret::new("long-enough-password".into());
    let user = std::env::var("PGUSER").unwrap();
    for role in [user.as_str(), "cashout_owner", "cashout_admin"] {
        let refused =
            cashout_core::journal::postgres::admin::add_operator(&admin, role, &password).await;
        assert!(refused.is_err(), "{role}");
    }
}

#[tokio::test]
async fn payouts_written_before_the_list_keys_are_found_and_sorted_after_the_upgrade() {
    use cashout_core::journal::{JournalStore, ListFilter, SortKey};
    let server = Server::from_env();
    let db = server.empty_database().await;
    let mut admin = db.superuser().await;
    migrate::migrate_through(&mut admin, 7).await.unwrap();
    admin
        .batch_execute(
            r#"INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase,
                   request_json, country, currency, amount, beneficiary, created_at, updated_at)
               VALUES
               ('s', 'u', 'old-1', 'desk', 'created',
                '{"external_id":"old-1","country":"BR","currency":"BRL","amount":"1234.50","document_id":"390.533.447-05","beneficiary_name":"María Núñez","notification_url":"https://x.example/n"}',
                'BR', 'BRL', '1234.50', 'María Núñez', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
               ('s', 'u', 'old-2', 'lookup', 'created', NULL, 'BR', 'BRL', '99.00', 'Ana',
                '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z')"#,
        )
        .await
        .unwrap();
    let writers =
        "SELECT string_agg(external_id || '=' || updated_by, ',' ORDER BY id) FROM cashout.payouts";
    let before: String = admin.query_one(writers, &[]).await.unwrap().get(0);
    let report = migrate::migrate(&mut admin).await.unwrap();
    assert_eq!(report.applied, [8, 9, 10, 11, 12]);
    // The keys were filled without making the administrator the payouts' last writer.
    let after: String = admin.query_one(writers, &[]).await.unwrap().get(0);
    assert_eq!(before, after);
    let store = db.desk("ana").await;
    let found = |text: &str| -> Vec<String> {
        store
            .list(&ListFilter {
                scope: Some("s".into()),
                text: Some(text.into()),
                ..ListFilter::default()
            })
            .unwrap()
            .into_iter()
            .filter_map(|r| r.external_id)
            .collect()
    };
    assert_eq!(found("maria nunez"), ["old-1"]);
    assert_eq!(
        found("39053344705"),
        ["old-1"],
        "the stored request's document"
    );
    let by_amount: Vec<String> = store
        .list(&ListFilter {
            scope: Some("s".into()),
            sort: SortKey::Amount,
            ascending: true,
            ..ListFilter::default()
        })
        .unwrap()
        .into_iter()
        .filter_map(|r| r.external_id)
        .collect();
    assert_eq!(by_amount, ["old-2", "old-1"]);
}

#[tokio::test]
async fn an_operator_with_psql_cannot_change_a_saved_beneficiary_or_a_correction_behind_the_audit()
{
    use cashout_core::audit::{AuditAction, AuditEvent, AuditFilter};
    use cashout_core::beneficiaries::BeneficiaryDetails;
    use cashout_core::journal::JournalStore;
    let server = Server::from_env();
    let db = server.team_database().await;
    let (profile, password) = db.operator("ana").await;
    let store = db.desk("bea").await;
    let details = BeneficiaryDetails {
        country: "BR".into(),
        beneficiary_name: "Ana".into(),
        bank_account: Some("0001-23".into()),
        ..BeneficiaryDetails::default()
    };
    store
        .save_beneficiary(
            "s",
            "Ana rent",
            &details,
            AuditEvent::new("s", AuditAction::BeneficiarySaved, "ok"),
        )
        .await
        .unwrap();
    assert_eq!(
        store.claim_correction("s", "old", "fix").await.unwrap(),
        None
    );
    let raw = db.raw(&profile, &password).await;
    for sql in [
        "UPDATE cashout.beneficiaries SET details_json = '{\"bank_account\":\"9999\"}'",
        "INSERT INTO cashout.beneficiaries (scope, label, details_json, saved_at) VALUES ('s', 'x', '{}', 't')",
        "DELETE FROM cashout.beneficiaries",
        "DELETE FROM cashout.corrections",
        "UPDATE cashout.corrections SET corrected_by = 'other'",
    ] {
        let e = raw.batch_execute(sql).await.unwrap_err();
        assert_eq!(
            e.code(),
            Some(&tokio_postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{sql}: {e}"
        );
    }
    // Through the functions, every change is audited; a correction whose payout may exist
    // (a payout holds its external_id) stays claimed.
    raw.batch_execute(
        "INSERT INTO cashout.payouts (scope, base_url, external_id, origin, phase, created_at, updated_at)
         VALUES ('s', 'u', 'fix', 'lookup', 'created', 't', 't')",
    )
    .await
    .unwrap();
    raw.batch_execute("SELECT cashout.release_correction('s', 'old', 'fix')")
        .await
        .unwrap();
    assert_eq!(
        store.correction_of("s", "old").unwrap().as_deref(),
        Some("fix")
    );
    raw.batch_execute("SELECT cashout.delete_beneficiary('s', 'Ana rent', 'gone')")
        .await
        .unwrap();
    let actions: Vec<String> = store
        .audit_log(&AuditFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["beneficiary_deleted", "beneficiary_saved"]);
}

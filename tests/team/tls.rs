//! TLS to the team journal: the server's certificate is verified against the team's CA and
//! its name checked (verify-full); nothing turns that off.

use cashout_core::journal::postgres::PgStore;

use crate::support::Server;

fn ca(var: &str) -> std::path::PathBuf {
    std::env::var_os(var)
        .unwrap_or_else(|| panic!("{var} is not set: run through scripts/team-db.sh"))
        .into()
}

#[tokio::test]
async fn a_profile_with_the_teams_ca_reaches_the_server_over_verified_tls() {
    let db = Server::from_env().team_database().await;
    let (mut profile, password) = db.operator("ana").await;
    profile.host = "localhost".into();
    profile.ca_file = Some(ca("TEAM_TEST_CA"));
    let desk = PgStore::connect(
        &profile,
        &password,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    .unwrap();
    assert!(desk.connection_uses_tls().await.unwrap());
    // Without a CA file, loopback goes without TLS, and the desk says so.
    profile.ca_file = None;
    let plain = PgStore::connect(
        &profile,
        &password,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    .unwrap();
    assert!(!plain.connection_uses_tls().await.unwrap());
}

#[tokio::test]
async fn a_server_certificate_not_signed_by_the_teams_ca_is_refused() {
    let db = Server::from_env().team_database().await;
    let (mut profile, password) = db.operator("ana").await;
    profile.host = "localhost".into();
    profile.ca_file = Some(ca("TEAM_TEST_OTHER_CA"));
    let err = PgStore::connect(
        &profile,
        &password,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    .err()
    .expect("refused");
    assert_eq!(err.code(), "team_journal");
    assert!(
        err.to_string().to_lowercase().contains("certificate"),
        "{err}"
    );
}

#[tokio::test]
async fn a_host_the_certificate_does_not_name_is_refused() {
    // The certificate names `localhost`, not 127.0.0.1: the same server by another name fails.
    let db = Server::from_env().team_database().await;
    let (mut profile, password) = db.operator("ana").await;
    profile.host = "127.0.0.1".into();
    profile.ca_file = Some(ca("TEAM_TEST_CA"));
    let err = PgStore::connect(
        &profile,
        &password,
        std::sync::Arc::new(cashout_core::clock::SystemClock),
    )
    .await
    .err()
    .expect("refused");
    assert!(
        err.to_string().to_lowercase().contains("certificate"),
        "{err}"
    );
}

//! The keychain store against the real OS keychain (Secret Service on Linux). Ignored by
//! default because it needs a session bus with an unlocked keyring; `scripts/test.sh` runs it
//! inside a private `dbus-run-session` with gnome-keyring, never against the user's keychain.

use cashout_core::credentials::{
    CredentialStatus, CredentialStore, Credentials, KeyringStore, Secret,
};

#[test]
#[ignore = "needs a Secret Service; run by scripts/test.sh in a private D-Bus session"]
fn secret_service_round_trip_stores_reads_and_deletes() {
    let prefix = format!("com.cashoutdesk.test.{}", std::process::id());
    let store = KeyringStore::open(&prefix).expect("Secret Service reachable");
    let creds = Credentials {
        api_key: "ss-key-9876".into(),
        passphrase: Secret::new("ss-pass".into()),
        signature: Secret::new("ss-signature".into()),
        read_only_key: Some(Secret::new("ss-ro".into())),
    };
    store.delete("d24-staging").expect("clean start");
    assert!(store.load("d24-staging").expect("load").is_none());
    store.save("d24-staging", &creds).expect("save");
    assert_eq!(
        store.load("d24-staging").expect("load"),
        Some(creds.clone())
    );
    assert!(
        store.load("d24-production").expect("other scope").is_none(),
        "scopes are separate entries"
    );
    let status = CredentialStatus::of(store.load("d24-staging").expect("load").as_ref());
    assert_eq!(status.api_key_last4.as_deref(), Some("9876"));
    // A second store object (a new process, in effect) sees the same entry.
    let again = KeyringStore::open(&prefix).expect("reopen");
    assert_eq!(again.load("d24-staging").expect("load"), Some(creds));
    store.delete("d24-staging").expect("delete");
    assert!(again.load("d24-staging").expect("load").is_none());
}

//! API credentials and where they are kept.
//!
//! A [`Secret`] cannot be printed (`Debug` shows `<redacted>`), has no `Serialize`, and is wiped
//! from memory when dropped. [`CredentialStore`] has two implementations: [`KeyringStore`], the
//! OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux), and
//! [`MemoryStore`] for unit tests, which must never touch the user's keychain.
//!
//! Each environment has its own entry. The keychain service name is the app identifier plus the
//! environment's scope, so a sandbox or staging entry can never be read for production. The
//! three values are kept in one entry, so they are written together or not at all.
//!
//! Left out: the read-only key used for bank lists is optional and stored in the same entry.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroize;

/// Application identifier; the prefix of every keychain service name.
pub const APP_IDENTIFIER: &str = "com.cashoutdesk.app";

/// A value that must never be printed, logged, serialized or sent to the UI.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    #[must_use]
    pub fn new(value: String) -> Self {
        Self(value)
    }

    /// The value, for the few places that must use it (signing, the request body, the keychain).
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the value is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// The Cashouts credentials of one environment.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// API Key, sent as `login`. Not secret in itself, but shown only by its last 4 characters.
    pub api_key: String,
    /// API Passphrase, sent as `pass`.
    pub passphrase: Secret,
    /// API Signature: the HMAC key. Never sent.
    pub signature: Secret,
    /// Read-only key for the bank list (`Authorization: Bearer`), when the account has one.
    pub read_only_key: Option<Secret>,
}

impl Credentials {
    /// `text` (something the provider sent back) with every credential value in it masked: a
    /// provider that echoes the request must not get a secret into the journal, an error or
    /// the screen. Values shorter than four characters are not looked for (they would mask
    /// ordinary text).
    #[must_use]
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        let secrets = [
            Some(self.passphrase.expose()),
            Some(self.signature.expose()),
            self.read_only_key.as_ref().map(Secret::expose),
        ];
        for secret in secrets.into_iter().flatten().filter(|s| s.len() >= 4) {
            out = out.replace(secret, "********");
        }
        if self.api_key.len() >= 4 {
            out = out.replace(&self.api_key, &format!("…{}", last4(&self.api_key)));
        }
        out
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("api_key", &format_args!("…{}", last4(&self.api_key)))
            .field("passphrase", &self.passphrase)
            .field("signature", &self.signature)
            .field(
                "read_only_key",
                &self.read_only_key.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// Why credentials were refused before being stored: the field, and the message's id in
/// `programs.ftl` (`p-cred-*`), rendered in the operator's language by [`Self::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialProblem {
    pub field: &'static str,
    pub id: &'static str,
}

impl CredentialProblem {
    /// What is wrong, in `lang`.
    #[must_use]
    pub fn message(&self, lang: crate::l10n::Lang) -> String {
        crate::l10n::messages::text(lang, self.id, &[])
    }
}

impl Credentials {
    /// Checks what the provider documents: all three present, key and passphrase ≤ 32 chars.
    ///
    /// # Errors
    /// The first field that is wrong.
    pub fn check(&self) -> Result<(), CredentialProblem> {
        let problem = |field, id| Err(CredentialProblem { field, id });
        if self.api_key.trim().is_empty() {
            return problem("api_key", "p-cred-api-key-required");
        }
        if self.api_key.chars().count() > 32 {
            return problem("api_key", "p-cred-api-key-long");
        }
        if self.passphrase.is_empty() {
            return problem("api_passphrase", "p-cred-passphrase-required");
        }
        if self.passphrase.expose().chars().count() > 32 {
            return problem("api_passphrase", "p-cred-passphrase-long");
        }
        if self.signature.is_empty() {
            return problem("api_signature", "p-cred-signature-required");
        }
        Ok(())
    }
}

/// What the UI may learn about stored credentials: whether they exist, and the API Key's
/// last 4 characters. Never the passphrase or the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CredentialStatus {
    pub stored: bool,
    pub api_key_last4: Option<String>,
    pub has_read_only_key: bool,
}

impl CredentialStatus {
    /// The status for loaded credentials (or none).
    #[must_use]
    pub fn of(creds: Option<&Credentials>) -> Self {
        Self {
            stored: creds.is_some(),
            api_key_last4: creds.map(|c| last4(&c.api_key)),
            has_read_only_key: creds.is_some_and(|c| c.read_only_key.is_some()),
        }
    }
}

pub(crate) fn last4(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(4)..].iter().collect()
}

/// Keychain failures. Messages never include the values. The words are `programs.ftl`'s
/// `p-keychain-*`: `Display` is the English, [`Self::message`] any language.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The keychain service cannot be reached or is locked (its own words inside).
    #[error("{}", self.message(crate::l10n::Lang::En))]
    Unavailable(String),
    /// The keychain service refused a read or write (its own words inside).
    #[error("{}", self.message(crate::l10n::Lang::En))]
    Refused(String),
    /// The stored entry cannot be read back as credentials.
    #[error("{}", self.message(crate::l10n::Lang::En))]
    Damaged,
}

impl StoreError {
    /// What failed, in `lang`.
    #[must_use]
    pub fn message(&self, lang: crate::l10n::Lang) -> String {
        use crate::l10n::messages::text;
        match self {
            Self::Unavailable(detail) => text(
                lang,
                "p-keychain-unavailable",
                &[("detail", detail.clone().into())],
            ),
            Self::Refused(detail) => text(
                lang,
                "p-keychain-refused",
                &[("detail", detail.clone().into())],
            ),
            Self::Damaged => text(lang, "p-keychain-damaged", &[]),
        }
    }
}

/// Where credentials are kept, per environment scope (see `Environment::scope`).
pub trait CredentialStore: Send + Sync {
    /// Loads the credentials of `scope`, `None` when nothing is stored.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    fn load(&self, scope: &str) -> Result<Option<Credentials>, StoreError>;
    /// Stores (replaces) the credentials of `scope`.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be written.
    fn save(&self, scope: &str, creds: &Credentials) -> Result<(), StoreError>;
    /// Removes them; removing nothing is fine.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be written.
    fn delete(&self, scope: &str) -> Result<(), StoreError>;
    /// Loads the single secret of `scope` (the team journal's database password), `None` when
    /// nothing is stored. Removed with [`CredentialStore::delete`].
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    fn load_secret(&self, scope: &str) -> Result<Option<Secret>, StoreError>;
    /// Stores (replaces) the single secret of `scope`.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be written.
    fn save_secret(&self, scope: &str, secret: &Secret) -> Result<(), StoreError>;
}

/// The JSON kept inside one keychain entry. Private: the only place secrets are serialized,
/// and only into the keychain itself.
#[derive(Serialize, Deserialize)]
struct EntryValue {
    api_key: String,
    passphrase: String,
    signature: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    read_only_key: Option<String>,
}

impl Drop for EntryValue {
    fn drop(&mut self) {
        self.passphrase.zeroize();
        self.signature.zeroize();
        if let Some(k) = self.read_only_key.as_mut() {
            k.zeroize();
        }
    }
}

fn encode(creds: &Credentials) -> Result<String, StoreError> {
    let value = EntryValue {
        api_key: creds.api_key.clone(),
        passphrase: creds.passphrase.expose().to_owned(),
        signature: creds.signature.expose().to_owned(),
        read_only_key: creds.read_only_key.as_ref().map(|k| k.expose().to_owned()),
    };
    serde_json::to_string(&value).map_err(|_| StoreError::Damaged)
}

fn decode(text: &str) -> Result<Credentials, StoreError> {
    let v: EntryValue = serde_json::from_str(text).map_err(|_| StoreError::Damaged)?;
    Ok(Credentials {
        api_key: v.api_key.clone(),
        passphrase: Secret::new(v.passphrase.clone()),
        signature: Secret::new(v.signature.clone()),
        read_only_key: v.read_only_key.clone().map(Secret::new),
    })
}

/// In-memory store for tests. Holds the same encoded text a keychain would.
#[derive(Default, Clone)]
pub struct MemoryStore {
    entries: Arc<Mutex<HashMap<String, String>>>,
}

impl MemoryStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

impl CredentialStore for MemoryStore {
    fn load(&self, scope: &str) -> Result<Option<Credentials>, StoreError> {
        let entries = self.entries.lock().map_err(|_| StoreError::Damaged)?;
        entries.get(scope).map(|t| decode(t)).transpose()
    }
    fn save(&self, scope: &str, creds: &Credentials) -> Result<(), StoreError> {
        let text = encode(creds)?;
        self.entries
            .lock()
            .map_err(|_| StoreError::Damaged)?
            .insert(scope.to_owned(), text);
        Ok(())
    }
    fn delete(&self, scope: &str) -> Result<(), StoreError> {
        self.entries
            .lock()
            .map_err(|_| StoreError::Damaged)?
            .remove(scope);
        Ok(())
    }
    fn load_secret(&self, scope: &str) -> Result<Option<Secret>, StoreError> {
        let entries = self.entries.lock().map_err(|_| StoreError::Damaged)?;
        Ok(entries.get(scope).map(|t| Secret::new(t.clone())))
    }
    fn save_secret(&self, scope: &str, secret: &Secret) -> Result<(), StoreError> {
        self.entries
            .lock()
            .map_err(|_| StoreError::Damaged)?
            .insert(scope.to_owned(), secret.expose().to_owned());
        Ok(())
    }
}

/// The OS keychain, opened on first use: connecting to it (a D-Bus round trip on Linux) is
/// kept off the app's start-up, and the sandbox never needs it. If it cannot be opened, every
/// call says why.
pub struct LazyKeyring {
    service_prefix: String,
    opened: std::sync::OnceLock<Result<KeyringStore, String>>,
}

impl LazyKeyring {
    /// A keychain under `service_prefix`, not yet opened.
    #[must_use]
    pub fn new(service_prefix: &str) -> Self {
        Self {
            service_prefix: service_prefix.to_owned(),
            opened: std::sync::OnceLock::new(),
        }
    }

    fn store(&self) -> Result<&KeyringStore, StoreError> {
        self.opened
            .get_or_init(|| KeyringStore::open(&self.service_prefix).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| StoreError::Unavailable(e.clone()))
    }
}

impl CredentialStore for LazyKeyring {
    fn load(&self, scope: &str) -> Result<Option<Credentials>, StoreError> {
        self.store()?.load(scope)
    }
    fn save(&self, scope: &str, creds: &Credentials) -> Result<(), StoreError> {
        self.store()?.save(scope, creds)
    }
    fn delete(&self, scope: &str) -> Result<(), StoreError> {
        self.store()?.delete(scope)
    }
    fn load_secret(&self, scope: &str) -> Result<Option<Secret>, StoreError> {
        self.store()?.load_secret(scope)
    }
    fn save_secret(&self, scope: &str, secret: &Secret) -> Result<(), StoreError> {
        self.store()?.save_secret(scope, secret)
    }
}

/// The OS keychain, through `keyring-core` and the platform's store crate.
pub struct KeyringStore {
    store: Arc<keyring_core::CredentialStore>,
    /// Prefix of the service name; [`APP_IDENTIFIER`] in the app, something else in tests.
    service_prefix: String,
}

const ENTRY_USER: &str = "cashouts-credentials";

impl KeyringStore {
    /// Opens the platform keychain. On Linux this is the Secret Service over D-Bus.
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] when no keychain can be reached (e.g. no session bus).
    pub fn open(service_prefix: &str) -> Result<Self, StoreError> {
        let store = platform_store().map_err(|e| StoreError::Unavailable(e.to_string()))?;
        Ok(Self {
            store,
            service_prefix: service_prefix.to_owned(),
        })
    }

    fn entry(&self, scope: &str) -> Result<keyring_core::Entry, StoreError> {
        let service = format!("{}.{}", self.service_prefix, scope);
        self.store
            .build(&service, ENTRY_USER, None)
            .map_err(|e| StoreError::Refused(e.to_string()))
    }
}

#[cfg(target_os = "linux")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    zbus_secret_service_keyring_store::Store::new().map(|s| s as Arc<keyring_core::CredentialStore>)
}

#[cfg(target_os = "windows")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    windows_native_keyring_store::Store::new().map(|s| s as Arc<keyring_core::CredentialStore>)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    apple_native_keyring_store::keychain::Store::new()
        .map(|s| s as Arc<keyring_core::CredentialStore>)
}

impl CredentialStore for KeyringStore {
    fn load(&self, scope: &str) -> Result<Option<Credentials>, StoreError> {
        match self.entry(scope)?.get_password() {
            Ok(text) => decode(&text).map(Some),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(keyring_core::Error::NoStorageAccess(e)) => {
                Err(StoreError::Unavailable(e.to_string()))
            }
            Err(e) => Err(StoreError::Refused(e.to_string())),
        }
    }
    fn save(&self, scope: &str, creds: &Credentials) -> Result<(), StoreError> {
        let mut text = encode(creds)?;
        let result = self.entry(scope)?.set_password(&text);
        text.zeroize();
        result.map_err(|e| StoreError::Refused(e.to_string()))
    }
    fn delete(&self, scope: &str) -> Result<(), StoreError> {
        match self.entry(scope)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(StoreError::Refused(e.to_string())),
        }
    }
    fn load_secret(&self, scope: &str) -> Result<Option<Secret>, StoreError> {
        match self.entry(scope)?.get_password() {
            Ok(text) => Ok(Some(Secret::new(text))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(keyring_core::Error::NoStorageAccess(e)) => {
                Err(StoreError::Unavailable(e.to_string()))
            }
            Err(e) => Err(StoreError::Refused(e.to_string())),
        }
    }
    fn save_secret(&self, scope: &str, secret: &Secret) -> Result<(), StoreError> {
        self.entry(scope)?
            .set_password(secret.expose())
            .map_err(|e| StoreError::Refused(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provider_echoing_the_credentials_never_gets_them_into_the_journal_or_an_error() {
        let creds = Credentials {
            api_key: "merchant-key-4321".into(),
            passphrase: Secret::new("Pass-Phrase-1".into()),
            signature: Secret::new("sig-secret-xyz".into()),
            read_only_key: Some(Secret::new("ro-key-777".into())),
        };
        let echoed =
            "bad request {login: merchant-key-4321, pass: Pass-Phrase-1} sig-secret-xyz ro-key-777";
        let shown = creds.scrub(echoed);
        for secret in [
            "merchant-key-4321",
            "Pass-Phrase-1",
            "sig-secret-xyz",
            "ro-key-777",
        ] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("…4321"), "{shown}");
    }

    fn creds() -> Credentials {
        Credentials {
            api_key: "merchant-key-1234".into(),
            passphrase: Secret::new("pass-CANARY".into()),
            signature: Secret::new("sig-CANARY".into()),
            read_only_key: None,
        }
    }

    #[test]
    fn secret_does_not_debug_print_itself() {
        let c = creds();
        let text = format!("{c:?} {:?}", c.signature);
        assert!(!text.contains("CANARY"), "{text}");
        assert!(text.contains("<redacted>"));
        assert!(text.contains("1234"));
    }

    #[test]
    fn memory_store_round_trips_and_deletes() {
        let store = MemoryStore::new();
        assert!(store.load("sandbox").expect("load").is_none());
        store.save("sandbox", &creds()).expect("save");
        assert_eq!(store.load("sandbox").expect("load"), Some(creds()));
        assert!(
            store.load("d24-production").expect("load").is_none(),
            "scopes are separate"
        );
        store.delete("sandbox").expect("delete");
        store.delete("sandbox").expect("deleting nothing is fine");
        assert!(store.load("sandbox").expect("load").is_none());
    }

    #[test]
    fn status_shows_last4_only() {
        let c = creds();
        let s = CredentialStatus::of(Some(&c));
        assert_eq!(s.api_key_last4.as_deref(), Some("1234"));
        let json = serde_json::to_string(&s).expect("ser");
        assert!(
            !json.contains("CANARY") && !json.contains("merchant-key"),
            "{json}"
        );
    }

    #[test]
    fn check_refuses_missing_and_long_values() {
        let mut c = creds();
        assert!(c.check().is_ok());
        c.api_key = "x".repeat(33);
        assert_eq!(c.check().map_err(|p| p.field), Err("api_key"));
        let mut c = creds();
        c.signature = Secret::new(String::new());
        assert_eq!(c.check().map_err(|p| p.field), Err("api_signature"));
    }
}

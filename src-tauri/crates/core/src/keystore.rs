//! Where the key-encryption key (KEK) lives. The real one is the OS keyring; tests use memory.

use crate::crypto::Key;
use uuid::Uuid;

/// The keyring entry's service name: `secret-tool search service agent-secrets` lists them.
pub const KEYRING_SERVICE: &str = "agent-secrets";

pub fn keyring_user(vault: Uuid) -> String {
    format!("vault-{vault}")
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyStoreError {
    #[error("{0}")]
    Unavailable(String),
    /// An entry exists but does not hold a key of ours.
    #[error("the keyring entry does not hold a valid key")]
    Malformed,
}

pub trait KeyStore: Send + Sync {
    /// `Ok(None)` when there is no entry for this vault.
    fn load(&self, vault: Uuid) -> Result<Option<Key>, KeyStoreError>;
    fn store(&self, vault: Uuid, key: &Key) -> Result<(), KeyStoreError>;
    /// A short human description for `doctor`, e.g. "OS keyring (Secret Service)".
    fn describe(&self) -> &'static str;
}

/// The OS keyring through the `keyring` crate: Secret Service on Linux, Keychain on macOS,
/// Credential Manager on Windows. The key is stored as 64 hex digits.
#[derive(Debug, Default)]
pub struct OsKeyring;

impl OsKeyring {
    fn entry(vault: Uuid) -> Result<keyring::Entry, KeyStoreError> {
        keyring::Entry::new(KEYRING_SERVICE, &keyring_user(vault)).map_err(unavailable)
    }
}

fn unavailable(e: keyring::Error) -> KeyStoreError {
    KeyStoreError::Unavailable(e.to_string())
}

impl KeyStore for OsKeyring {
    fn load(&self, vault: Uuid) -> Result<Option<Key>, KeyStoreError> {
        match Self::entry(vault)?.get_password() {
            Ok(text) => {
                let text = zeroize::Zeroizing::new(text);
                Key::from_hex(&text)
                    .map(Some)
                    .ok_or(KeyStoreError::Malformed)
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(keyring::Error::BadEncoding(_)) => Err(KeyStoreError::Malformed),
            Err(e) => Err(unavailable(e)),
        }
    }

    fn store(&self, vault: Uuid, key: &Key) -> Result<(), KeyStoreError> {
        Self::entry(vault)?
            .set_password(&key.to_hex())
            .map_err(unavailable)
    }

    fn describe(&self) -> &'static str {
        if cfg!(target_os = "macos") {
            "OS keyring (macOS Keychain)"
        } else if cfg!(windows) {
            "OS keyring (Windows Credential Manager)"
        } else {
            "OS keyring (Secret Service)"
        }
    }
}

#[cfg(any(test, feature = "test-support"))]
pub use memory::MemoryKeyStore;

#[cfg(any(test, feature = "test-support"))]
mod memory {
    use super::*;
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    /// In-memory key store for tests only. Clones share their entries, so a test can keep a
    /// handle to delete or replace a key behind the vault's back.
    #[derive(Debug, Clone, Default)]
    pub struct MemoryKeyStore {
        entries: Arc<Mutex<HashMap<Uuid, Key>>>,
        unavailable: Arc<Mutex<bool>>,
    }

    impl MemoryKeyStore {
        pub fn remove(&self, vault: Uuid) {
            self.entries.lock().unwrap().remove(&vault);
        }

        pub fn replace(&self, vault: Uuid, key: Key) {
            self.entries.lock().unwrap().insert(vault, key);
        }

        pub fn set_unavailable(&self, unavailable: bool) {
            *self.unavailable.lock().unwrap() = unavailable;
        }

        fn check(&self) -> Result<(), KeyStoreError> {
            if *self.unavailable.lock().unwrap() {
                return Err(KeyStoreError::Unavailable(
                    "test keyring switched off".into(),
                ));
            }
            Ok(())
        }
    }

    impl KeyStore for MemoryKeyStore {
        fn load(&self, vault: Uuid) -> Result<Option<Key>, KeyStoreError> {
            self.check()?;
            Ok(self.entries.lock().unwrap().get(&vault).cloned())
        }

        fn store(&self, vault: Uuid, key: &Key) -> Result<(), KeyStoreError> {
            self.check()?;
            self.entries.lock().unwrap().insert(vault, key.clone());
            Ok(())
        }

        fn describe(&self) -> &'static str {
            "in-memory test key store"
        }
    }
}

//! Shared set-up for the integration tests: a real SQLite file in a temp dir, keys in memory.

#![allow(dead_code)]

use agent_secrets_core::{MemoryKeyStore, NewSecret, SecretString, Vault, Visibility};
use std::path::{Path, PathBuf};
use uuid::Uuid;

pub struct TestVault {
    pub dir: tempfile::TempDir,
    pub keys: MemoryKeyStore,
    pub vault: Vault,
    pub project: Uuid,
}

impl TestVault {
    pub fn fresh() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let keys = MemoryKeyStore::default();
        let mut vault = Vault::open(dir.path(), Box::new(keys.clone())).unwrap();
        let project = vault.create_project("Test Agent").unwrap().id;
        TestVault {
            dir,
            keys,
            vault,
            project,
        }
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    pub fn reopen(&mut self) {
        let vault = Vault::open(self.dir.path(), Box::new(self.keys.clone())).unwrap();
        self.vault = vault;
    }

    pub fn add(&mut self, name: &str, value: Option<&str>, visibility: Visibility) -> Uuid {
        self.vault
            .create_secret(
                self.project,
                NewSecret {
                    name: name.into(),
                    value: value.map(secret),
                    visibility,
                },
            )
            .unwrap()
            .id
    }

    pub fn env(&self, name: &str) -> Uuid {
        self.vault.find_environment(self.project, name).unwrap().id
    }

    /// A raw connection to the same file, to tamper with rows behind the vault's back.
    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.home().join(agent_secrets_core::DATABASE_FILE)).unwrap()
    }
}

pub fn secret(text: &str) -> SecretString {
    SecretString::from(text.to_owned())
}

/// The vault file and its WAL/SHM companions, concatenated.
pub fn database_bytes(home: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!(
            "{}{suffix}",
            home.join(agent_secrets_core::DATABASE_FILE).display()
        ));
        if let Ok(content) = std::fs::read(&path) {
            bytes.extend(content);
        }
    }
    bytes
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

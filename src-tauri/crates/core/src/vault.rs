//! Opening a vault: creating it on first use, unlocking it with the key from the OS keyring,
//! or opening it *locked* (read-only, names only) when the key is missing or wrong, and
//! restoring access with the recovery key; sealing and opening values with the data key.
//! Domain operations live in their own modules as further `impl Vault` blocks; SQL lives in
//! `store`.

use crate::aad::Aad;
use crate::crypto::{self, Key};
use crate::error::{Error, Field, LockReason, Result};
use crate::keystore::{KeyStore, KeyStoreError};
use crate::recovery;
use crate::store::{meta, schema};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;
use uuid::Uuid;
use zeroize::Zeroizing;

pub const DATABASE_FILE: &str = "vault.sqlite3";
const KEY_CHECK_PLAINTEXT: &[u8] = b"agent-secrets key check v1";

enum KeyState {
    Unlocked(Key),
    Locked(LockReason),
}

pub struct Vault {
    pub(crate) conn: Connection,
    pub(crate) id: Uuid,
    home: PathBuf,
    keys: Box<dyn KeyStore>,
    state: KeyState,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("id", &self.id)
            .field("home", &self.home)
            .field("locked", &self.lock_reason())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LockInfo {
    #[ts(type = "\"key_missing\" | \"key_mismatch\" | \"keyring_unavailable\"")]
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VaultStatus {
    #[ts(type = "string")]
    pub vault_id: Uuid,
    pub data_dir: String,
    pub lock: Option<LockInfo>,
    pub recovery_key_pending: bool,
}

/// The data directory: `$AGENT_SECRETS_HOME`, else the platform data dir
/// (`~/.local/share/agent-secrets` on Linux).
pub fn default_home() -> Result<PathBuf> {
    if let Some(home) = std::env::var_os("AGENT_SECRETS_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(home));
    }
    dirs::data_dir()
        .map(|dir| dir.join("agent-secrets"))
        .ok_or_else(|| Error::Io("no data directory for this user; set AGENT_SECRETS_HOME".into()))
}

impl Vault {
    /// Opens the vault in `home`, creating it (and its keyring key) if there is none yet.
    pub fn open(home: &Path, keys: Box<dyn KeyStore>) -> Result<Vault> {
        match Self::open_existing(home, keys)? {
            Opened::Vault(vault) => Ok(vault),
            Opened::Missing(keys) => Self::create(home, keys),
        }
    }

    /// Opens the vault in `home` if one exists; never creates anything.
    pub fn open_existing(home: &Path, keys: Box<dyn KeyStore>) -> Result<Opened> {
        let path = home.join(DATABASE_FILE);
        if !path.exists() {
            return Ok(Opened::Missing(keys));
        }
        let conn = schema::connect(&path)?;
        if schema::version(&conn)? == 0 {
            // An empty file (say, an interrupted first run) holds no data: start afresh.
            drop(conn);
            return Ok(Opened::Missing(keys));
        }
        let id = meta::get(&conn, meta::VAULT_ID)?
            .and_then(|raw| Uuid::parse_str(&String::from_utf8_lossy(&raw)).ok())
            .ok_or_else(|| Error::Corrupt("the vault has no valid id".into()))?;
        let state = unlock(&conn, id, keys.as_ref())?;
        let mut vault = Vault {
            conn,
            id,
            home: home.to_path_buf(),
            keys,
            state,
        };
        match vault.state {
            KeyState::Unlocked(_) => schema::migrate(&mut vault.conn)?,
            // A locked vault is read-only down to SQLite, so nothing can change the file.
            KeyState::Locked(_) => schema::set_read_only(&vault.conn, true)?,
        }
        Ok(Opened::Vault(vault))
    }

    fn create(home: &Path, keys: Box<dyn KeyStore>) -> Result<Vault> {
        let id = Uuid::new_v4();
        let kek = Key::random();
        let dek = Key::random();
        let recovery_key = Key::random();
        // The keyring first: if it is unreachable, no vault file is left behind.
        keys.store(id, &kek).map_err(|e| match e {
            KeyStoreError::Unavailable(detail) => {
                Error::KeyringUnavailable(format!("cannot create a vault without it ({detail})"))
            }
            KeyStoreError::Malformed => Error::KeyringUnavailable(e.to_string()),
        })?;
        create_private_dir(home)?;
        let path = home.join(DATABASE_FILE);
        let mut conn = schema::connect(&path)?;
        restrict_file(&path)?;
        schema::migrate(&mut conn)?;
        let recovery_text = recovery::format(&recovery_key);
        let tx = conn.transaction()?;
        meta::put(&tx, meta::VAULT_ID, id.to_string().as_bytes())?;
        wrap_under_keyring(&tx, id, &kek, &dek)?;
        meta::put(
            &tx,
            meta::DATA_KEY_UNDER_RECOVERY,
            &crypto::seal(
                &recovery_key,
                &Aad::DataKeyUnderRecovery { vault: id }.encode(),
                dek.as_bytes(),
            ),
        )?;
        meta::put(
            &tx,
            meta::RECOVERY_KEY,
            &crypto::seal(
                &dek,
                &Aad::RecoveryKey { vault: id }.encode(),
                recovery_text.as_bytes(),
            ),
        )?;
        tx.commit()?;
        Ok(Vault {
            conn,
            id,
            home: home.to_path_buf(),
            keys,
            state: KeyState::Unlocked(dek),
        })
    }

    pub fn id(&self) -> Uuid {
        self.id
    }

    pub fn home(&self) -> &Path {
        &self.home
    }

    pub fn database_path(&self) -> PathBuf {
        self.home.join(DATABASE_FILE)
    }

    pub fn key_store_description(&self) -> &'static str {
        self.keys.describe()
    }

    pub fn lock_reason(&self) -> Option<&LockReason> {
        match &self.state {
            KeyState::Unlocked(_) => None,
            KeyState::Locked(reason) => Some(reason),
        }
    }

    pub fn status(&self) -> Result<VaultStatus> {
        Ok(VaultStatus {
            vault_id: self.id,
            data_dir: self.home.display().to_string(),
            lock: self.lock_reason().map(|reason| LockInfo {
                code: reason.code().to_owned(),
                message: reason.message(),
            }),
            recovery_key_pending: self.lock_reason().is_none() && self.recovery_key_pending()?,
        })
    }

    /// The data key, or the reason the vault is locked. Every read of a value and every
    /// write goes through here (or `require_unlocked`).
    pub(crate) fn data_key(&self) -> Result<&Key> {
        match &self.state {
            KeyState::Unlocked(dek) => Ok(dek),
            KeyState::Locked(reason) => Err(Error::Locked(reason.clone())),
        }
    }

    pub(crate) fn require_unlocked(&self) -> Result<()> {
        self.data_key().map(|_| ())
    }

    /// The printable recovery key, for "show it again".
    pub fn recovery_key(&self) -> Result<Zeroizing<String>> {
        let dek = self.data_key()?;
        let blob = meta::get(&self.conn, meta::RECOVERY_KEY)?
            .ok_or_else(|| Error::Corrupt("the recovery key record is missing".into()))?;
        let plain = crypto::open(dek, &Aad::RecoveryKey { vault: self.id }.encode(), &blob)
            .map_err(|_| Error::Corrupt("the recovery key record does not decrypt".into()))?;
        String::from_utf8(plain.to_vec())
            .map(Zeroizing::new)
            .map_err(|_| Error::Corrupt("the recovery key record is not text".into()))
    }

    /// True until the user has confirmed they saved the recovery key.
    pub fn recovery_key_pending(&self) -> Result<bool> {
        Ok(meta::get(&self.conn, meta::RECOVERY_KEY_SAVED)?.is_none())
    }

    pub fn confirm_recovery_key_saved(&mut self) -> Result<()> {
        self.require_unlocked()?;
        meta::put(&self.conn, meta::RECOVERY_KEY_SAVED, b"1")
    }

    /// Restores access with the recovery key: a new key goes into the OS keyring and the data
    /// key is wrapped under it again. Works on a locked or an unlocked vault.
    pub fn restore_with_recovery_key(&mut self, recovery_text: &str) -> Result<()> {
        let recovery_key = recovery::parse(recovery_text)?;
        let wrapped = meta::get(&self.conn, meta::DATA_KEY_UNDER_RECOVERY)?
            .ok_or_else(|| Error::Corrupt("the recovery wrap of the data key is missing".into()))?;
        let dek_bytes = crypto::open(
            &recovery_key,
            &Aad::DataKeyUnderRecovery { vault: self.id }.encode(),
            &wrapped,
        )
        .map_err(|_| {
            Error::invalid(
                Field::RecoveryKey,
                "this recovery key does not open this vault",
            )
        })?;
        let dek = Key::from_slice(&dek_bytes)
            .ok_or_else(|| Error::Corrupt("the data key has the wrong length".into()))?;
        let kek = Key::random();
        self.keys
            .store(self.id, &kek)
            .map_err(|e| Error::KeyringUnavailable(format!("cannot store the new key ({e})")))?;
        schema::set_read_only(&self.conn, false)?;
        schema::migrate(&mut self.conn)?;
        let tx = self.conn.transaction()?;
        wrap_under_keyring(&tx, self.id, &kek, &dek)?;
        tx.commit()?;
        self.state = KeyState::Unlocked(dek);
        Ok(())
    }

    pub(crate) fn seal_value(&self, aad: Aad, value: &str) -> Result<Vec<u8>> {
        Ok(crypto::seal(
            self.data_key()?,
            &aad.encode(),
            value.as_bytes(),
        ))
    }

    /// `what` names the value in the error ("secret DB_PASSWORD in Production") — never the value.
    pub(crate) fn open_value(
        &self,
        aad: Aad,
        blob: &[u8],
        what: &str,
    ) -> Result<crate::SecretString> {
        let plain = crypto::open(self.data_key()?, &aad.encode(), blob).map_err(|_| {
            Error::Corrupt(format!(
                "the stored value of {what} does not decrypt: it was altered or moved in the database file"
            ))
        })?;
        let text = std::str::from_utf8(&plain)
            .map_err(|_| Error::Corrupt(format!("the stored value of {what} is not text")))?;
        Ok(crate::SecretString::from(text.to_owned()))
    }
}

/// The answer of `open_existing`: a vault, or the key store handed back for `create`.
pub enum Opened {
    Vault(Vault),
    Missing(Box<dyn KeyStore>),
}

fn unlock(conn: &Connection, id: Uuid, keys: &dyn KeyStore) -> Result<KeyState> {
    let kek = match keys.load(id) {
        Ok(Some(kek)) => kek,
        Ok(None) => return Ok(KeyState::Locked(LockReason::KeyMissing)),
        Err(KeyStoreError::Malformed) => return Ok(KeyState::Locked(LockReason::KeyMismatch)),
        Err(KeyStoreError::Unavailable(detail)) => {
            return Ok(KeyState::Locked(LockReason::KeyringUnavailable(detail)))
        }
    };
    let check = meta::get(conn, meta::KEY_CHECK)?
        .ok_or_else(|| Error::Corrupt("the key check record is missing".into()))?;
    if crypto::open(&kek, &Aad::KeyCheck { vault: id }.encode(), &check).is_err() {
        return Ok(KeyState::Locked(LockReason::KeyMismatch));
    }
    let wrapped = meta::get(conn, meta::DATA_KEY_UNDER_KEYRING)?
        .ok_or_else(|| Error::Corrupt("the wrapped data key is missing".into()))?;
    let dek_bytes = crypto::open(
        &kek,
        &Aad::DataKeyUnderKeyring { vault: id }.encode(),
        &wrapped,
    )
    .map_err(|_| Error::Corrupt("the wrapped data key does not decrypt with a valid key".into()))?;
    let dek = Key::from_slice(&dek_bytes)
        .ok_or_else(|| Error::Corrupt("the data key has the wrong length".into()))?;
    Ok(KeyState::Unlocked(dek))
}

/// The data key wrapped under the keyring key, and the key check that tells a wrong keyring
/// key from a damaged file: written at creation and again when the recovery key restores access.
fn wrap_under_keyring(conn: &Connection, id: Uuid, kek: &Key, dek: &Key) -> Result<()> {
    meta::put(
        conn,
        meta::DATA_KEY_UNDER_KEYRING,
        &crypto::seal(
            kek,
            &Aad::DataKeyUnderKeyring { vault: id }.encode(),
            dek.as_bytes(),
        ),
    )?;
    meta::put(
        conn,
        meta::KEY_CHECK,
        &crypto::seal(
            kek,
            &Aad::KeyCheck { vault: id }.encode(),
            KEY_CHECK_PLAINTEXT,
        ),
    )
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(()); // the user's own directory: leave its permissions alone
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::Io(format!(
            "cannot create the data directory {}: {e}",
            dir.display()
        ))
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

fn restrict_file(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

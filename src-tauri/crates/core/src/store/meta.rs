//! The `meta` table: the vault's id and its key records (wrapped data keys, key check,
//! recovery key), as blobs by key.

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

pub(crate) const VAULT_ID: &str = "vault_id";
pub(crate) const DATA_KEY_UNDER_KEYRING: &str = "data_key_under_keyring";
pub(crate) const DATA_KEY_UNDER_RECOVERY: &str = "data_key_under_recovery";
pub(crate) const KEY_CHECK: &str = "key_check";
pub(crate) const RECOVERY_KEY: &str = "recovery_key";
pub(crate) const RECOVERY_KEY_SAVED: &str = "recovery_key_saved";

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?)
}

pub(crate) fn put(conn: &Connection, key: &str, value: &[u8]) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

//! The `settings` table: app settings kept in the vault file, text by key (never secret).

use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension};

pub(crate) const CLIPBOARD_CLEAR_SECONDS: &str = "clipboard_clear_seconds";
pub(crate) const LAST_PROJECT: &str = "last_project";

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?)
}

pub(crate) fn put(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

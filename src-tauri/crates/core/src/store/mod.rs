//! The SQLite layer: one module per table, each the only place with SQL text for its table
//! (a query that joins lives with the table whose rows it returns). Plain functions over a
//! `&Connection` — a `Transaction` derefs to one, so the caller decides what is atomic — that
//! hand back typed rows; the domain modules keep the rules and call these.
//!
//! `schema` holds the connection settings and the append-only migrations.

pub(crate) mod environments;
pub(crate) mod meta;
pub(crate) mod overrides;
pub(crate) mod pending_values;
pub(crate) mod projects;
pub(crate) mod schema;
pub(crate) mod secrets;
pub(crate) mod settings;
pub(crate) mod steps;
pub(crate) mod variables;

use crate::error::Result;

/// Unix milliseconds, the unit of every `*_at` column.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Collects mapped rows, turning SQLite's error into ours.
fn collect<T>(rows: impl Iterator<Item = rusqlite::Result<T>>) -> Result<Vec<T>> {
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An in-memory database with the whole schema, for the store's tests.
#[cfg(test)]
pub(crate) fn memory() -> rusqlite::Connection {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    schema::migrate(&mut conn).unwrap();
    conn
}

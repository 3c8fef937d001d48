//! The SQLite file: connection settings and versioned migrations (`PRAGMA user_version`).

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// Each entry moves the schema from version `index` to `index + 1`. Append only.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value BLOB NOT NULL
    ) STRICT;
    CREATE TABLE projects (
        id         BLOB PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE environments (
        id         BLOB PRIMARY KEY,
        project_id BLOB NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name       TEXT NOT NULL COLLATE NOCASE,
        kind       TEXT NOT NULL CHECK (kind IN ('development', 'production', 'custom')),
        position   INTEGER NOT NULL,
        UNIQUE (project_id, name)
    ) STRICT;
    CREATE UNIQUE INDEX environments_one_builtin_each ON environments(project_id, kind)
        WHERE kind <> 'custom';
    CREATE TABLE secrets (
        id         BLOB PRIMARY KEY,
        project_id BLOB NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        visibility TEXT NOT NULL CHECK (visibility IN ('masked', 'restricted')),
        value      BLOB,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (project_id, name)
    ) STRICT;
    CREATE TABLE overrides (
        secret_id      BLOB NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
        environment_id BLOB NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
        value          BLOB NOT NULL,
        updated_at     INTEGER NOT NULL,
        PRIMARY KEY (secret_id, environment_id)
    ) STRICT;
    CREATE INDEX overrides_by_environment ON overrides(environment_id);
    CREATE TABLE variables (
        id         BLOB PRIMARY KEY,
        project_id BLOB NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        value      TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (project_id, name)
    ) STRICT;
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    "#,
    // 2: pending values. A project made by import or duplicate has no values; each row marks a
    // place where its source had one (the default when environment_id is NULL, else that
    // environment's override), so "Needs value" and the guided re-entry know what to ask for.
    // Writing a value there removes the marker (triggers), whichever path writes it.
    r#"
    CREATE TABLE pending_values (
        secret_id      BLOB NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
        environment_id BLOB REFERENCES environments(id) ON DELETE CASCADE
    ) STRICT;
    CREATE UNIQUE INDEX pending_values_slot ON pending_values(secret_id, ifnull(environment_id, X''));
    CREATE INDEX pending_values_by_environment ON pending_values(environment_id);
    CREATE TRIGGER pending_default_filled AFTER UPDATE OF value ON secrets
        WHEN NEW.value IS NOT NULL
    BEGIN
        DELETE FROM pending_values WHERE secret_id = NEW.id AND environment_id IS NULL;
    END;
    CREATE TRIGGER pending_override_filled AFTER INSERT ON overrides
    BEGIN
        DELETE FROM pending_values
        WHERE secret_id = NEW.secret_id AND environment_id = NEW.environment_id;
    END;
    CREATE TRIGGER pending_override_refilled AFTER UPDATE ON overrides
    BEGIN
        DELETE FROM pending_values
        WHERE secret_id = NEW.secret_id AND environment_id = NEW.environment_id;
    END;
    "#,
    // 3: Function and API steps. A step holds only text with {NAME} references, never a value,
    // so it is stored as it is: `definition` is the step's JSON (steps/mod.rs, `StepDefinition`).
    r#"
    CREATE TABLE steps (
        id         BLOB PRIMARY KEY,
        project_id BLOB NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name       TEXT NOT NULL COLLATE NOCASE,
        kind       TEXT NOT NULL CHECK (kind IN ('function', 'api')),
        definition TEXT NOT NULL,
        position   INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (project_id, name)
    ) STRICT;
    "#,
];

pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Ids are 16-byte UUID blobs; names are text; values are encrypted blobs (docs/FORMAT.md).
pub(crate) fn connect(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    // journal_mode answers with a row; the rest are silent.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Io(format!(
            "SQLite refused WAL mode (got {mode}) for {}",
            path.display()
        )));
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;",
    )?;
    Ok(conn)
}

pub(crate) fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Brings the schema up to date, each step in its own transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(Error::Corrupt(format!(
            "the vault was written by a newer Agent Secrets (schema {current}, this build knows {SCHEMA_VERSION}); update the app"
        )));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// A locked vault is read-only down to SQLite (`query_only`), so nothing can change the file
/// until its key is back.
pub(crate) fn set_read_only(conn: &Connection, read_only: bool) -> Result<()> {
    conn.pragma_update(None, "query_only", read_only)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_reach_the_current_version() {
        let conn = crate::store::memory();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        assert_eq!(SCHEMA_VERSION, 3);
    }

    /// One text column of a query's rows.
    fn texts(conn: &Connection, sql: &str, column: &str) -> Vec<String> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |row| row.get(column))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// Deleting a project cascades through every child table: each foreign key column must
    /// lead an index, or the cascade (and the lookups by that column) scans the whole table.
    #[test]
    fn every_foreign_key_column_leads_an_index() {
        let conn = crate::store::memory();
        let mut checked = 0;
        for table in texts(
            &conn,
            "SELECT name FROM sqlite_schema WHERE type = 'table'",
            "name",
        ) {
            let leading: Vec<String> = texts(&conn, &format!("PRAGMA index_list({table})"), "name")
                .iter()
                .flat_map(|index| {
                    let sql =
                        format!("SELECT name FROM pragma_index_info('{index}') WHERE seqno = 0");
                    texts(&conn, &sql, "name")
                })
                .collect();
            for key in texts(&conn, &format!("PRAGMA foreign_key_list({table})"), "from") {
                assert!(leading.contains(&key), "{table}.{key} leads no index");
                checked += 1;
            }
        }
        // environments, secrets, variables, steps → projects; overrides and pending_values → both.
        assert_eq!(checked, 8);
    }
}

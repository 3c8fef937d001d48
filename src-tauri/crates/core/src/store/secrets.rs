//! The `secrets` table: a secret's name, visibility and sealed default value (`value`, NULL
//! while it has none).

use crate::error::{Error, Result};
use crate::model::Visibility;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

/// A secret without its value: what the Secrets table shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SecretListing {
    pub id: Uuid,
    pub name: String,
    pub visibility: Visibility,
    pub has_default: bool,
    pub updated_at: i64,
}

/// A secret with its sealed default value, for the code that opens or re-seals it.
pub(crate) struct SecretRecord {
    pub id: Uuid,
    pub name: String,
    pub visibility: Visibility,
    pub default: Option<Vec<u8>>,
}

/// A row to insert; `default` is already sealed (or `None`: no default value).
pub(crate) struct NewSecretRow<'a> {
    pub id: Uuid,
    pub project: Uuid,
    pub name: &'a str,
    pub visibility: Visibility,
    pub default: Option<&'a [u8]>,
    pub now: i64,
}

const LISTING: &str =
    "SELECT id, name, visibility, value IS NOT NULL, updated_at FROM secrets WHERE project_id = ?1";
const RECORD: &str = "SELECT id, name, visibility, value FROM secrets WHERE project_id = ?1";

fn listing_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SecretListing> {
    Ok(SecretListing {
        id: row.get(0)?,
        name: row.get(1)?,
        visibility: visibility(row, 2)?,
        has_default: row.get(3)?,
        updated_at: row.get(4)?,
    })
}

fn record_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SecretRecord> {
    Ok(SecretRecord {
        id: row.get(0)?,
        name: row.get(1)?,
        visibility: visibility(row, 2)?,
        default: row.get(3)?,
    })
}

/// An unknown visibility word in the file: it was damaged or written by something else.
#[derive(Debug)]
struct UnknownVisibility(String);

impl std::fmt::Display for UnknownVisibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown visibility \"{}\" in the database", self.0)
    }
}

impl std::error::Error for UnknownVisibility {}

/// Reads a visibility column; pair it with [`corrupt_visibility`] on the query's result.
pub(crate) fn visibility(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Visibility> {
    let text: String = row.get(index)?;
    Visibility::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            Box::new(UnknownVisibility(text)),
        )
    })
}

/// An unknown visibility is `Error::Corrupt`; every other error converts as usual.
pub(crate) fn corrupt_visibility(error: rusqlite::Error) -> Error {
    match error {
        rusqlite::Error::FromSqlConversionFailure(_, _, cause)
            if cause.downcast_ref::<UnknownVisibility>().is_some() =>
        {
            Error::Corrupt(cause.to_string())
        }
        other => other.into(),
    }
}

/// The project's secrets, by name.
pub(crate) fn list(conn: &Connection, project: Uuid) -> Result<Vec<SecretListing>> {
    let mut stmt = conn.prepare_cached(&format!("{LISTING} ORDER BY name"))?;
    let rows = stmt.query_map([project], listing_row)?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(corrupt_visibility)
}

pub(crate) fn get(conn: &Connection, project: Uuid, id: Uuid) -> Result<Option<SecretListing>> {
    conn.prepare_cached(&format!("{LISTING} AND id = ?2"))?
        .query_row(params![project, id], listing_row)
        .optional()
        .map_err(corrupt_visibility)
}

/// The project's secret named exactly `name` (case-sensitive, as references are).
pub(crate) fn find_by_name(
    conn: &Connection,
    project: Uuid,
    name: &str,
) -> Result<Option<SecretListing>> {
    conn.prepare_cached(&format!("{LISTING} AND name = ?2"))?
        .query_row(params![project, name], listing_row)
        .optional()
        .map_err(corrupt_visibility)
}

pub(crate) fn record(conn: &Connection, project: Uuid, id: Uuid) -> Result<Option<SecretRecord>> {
    conn.prepare_cached(&format!("{RECORD} AND id = ?2"))?
        .query_row(params![project, id], record_row)
        .optional()
        .map_err(corrupt_visibility)
}

/// Every secret of the project with its sealed default, by name.
pub(crate) fn records(conn: &Connection, project: Uuid) -> Result<Vec<SecretRecord>> {
    let mut stmt = conn.prepare_cached(&format!("{RECORD} ORDER BY name"))?;
    let rows = stmt.query_map([project], record_row)?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(corrupt_visibility)
}

pub(crate) fn name_exists(conn: &Connection, project: Uuid, name: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM secrets WHERE project_id = ?1 AND name = ?2)",
        )?
        .query_row(params![project, name], |row| row.get(0))?)
}

pub(crate) fn insert(conn: &Connection, new: &NewSecretRow<'_>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO secrets (id, project_id, name, visibility, value, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![
        new.id,
        new.project,
        new.name,
        new.visibility.as_str(),
        new.default,
        new.now
    ])?;
    Ok(())
}

/// Replaces the sealed default value (a pending marker for it goes away: a trigger).
pub(crate) fn set_default(conn: &Connection, id: Uuid, default: &[u8], now: i64) -> Result<()> {
    conn.prepare_cached("UPDATE secrets SET value = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, default, now])?;
    Ok(())
}

/// Replaces visibility and sealed default together (a visibility change re-seals the value).
pub(crate) fn set_visibility_and_default(
    conn: &Connection,
    id: Uuid,
    visibility: Visibility,
    default: Option<&[u8]>,
    now: i64,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE secrets SET visibility = ?2, value = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![id, visibility.as_str(), default, now])?;
    Ok(())
}

/// Marks the secret as changed (an override of it was written or removed).
pub(crate) fn touch(conn: &Connection, id: Uuid, now: i64) -> Result<()> {
    conn.prepare_cached("UPDATE secrets SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, now])?;
    Ok(())
}

/// Deletes the secret; its overrides and pending markers cascade.
pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    conn.prepare_cached("DELETE FROM secrets WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT COUNT(*) FROM secrets")?
        .query_row([], |row| row.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    fn project(conn: &Connection, name: &str) -> Uuid {
        let id = Uuid::new_v4();
        store::projects::insert(conn, id, name, 1).unwrap();
        id
    }

    fn secret(conn: &Connection, project: Uuid, name: &str, default: Option<&[u8]>) -> Uuid {
        let id = Uuid::new_v4();
        let row = NewSecretRow {
            id,
            project,
            name,
            visibility: Visibility::Masked,
            default,
            now: 1,
        };
        insert(conn, &row).unwrap();
        id
    }

    #[test]
    fn single_row_reads_find_one_secret_of_one_project() {
        let conn = store::memory();
        let (a, b) = (project(&conn, "A"), project(&conn, "B"));
        let db = secret(&conn, a, "DB", Some(&b"sealed"[..]));
        let key = secret(&conn, a, "KEY", None);
        let other = secret(&conn, b, "DB", None);
        let row = get(&conn, a, db).unwrap().unwrap();
        assert_eq!((row.name.as_str(), row.has_default), ("DB", true));
        assert!(!get(&conn, a, key).unwrap().unwrap().has_default);
        assert_eq!(
            get(&conn, a, other).unwrap(),
            None,
            "another project's secret"
        );
        assert_eq!(find_by_name(&conn, b, "DB").unwrap().unwrap().id, other);
        assert_eq!(
            find_by_name(&conn, a, "db").unwrap(),
            None,
            "names are case-sensitive"
        );
        let sealed = record(&conn, a, db).unwrap().unwrap();
        assert_eq!(sealed.default.as_deref(), Some(&b"sealed"[..]));
        assert!(record(&conn, b, db).unwrap().is_none());
        let names: Vec<String> = list(&conn, a)
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["DB", "KEY"]);
    }

    #[test]
    fn an_unknown_visibility_is_a_damaged_file() {
        let conn = store::memory();
        let a = project(&conn, "A");
        let id = secret(&conn, a, "DB", None);
        conn.pragma_update(None, "ignore_check_constraints", true)
            .unwrap();
        conn.execute("UPDATE secrets SET visibility = 'public'", [])
            .unwrap();
        for error in [
            get(&conn, a, id).unwrap_err(),
            list(&conn, a).unwrap_err(),
            records(&conn, a).map(|_| ()).unwrap_err(),
        ] {
            assert_eq!(error.code(), "corrupt", "{error}");
            assert!(
                error.to_string().contains("unknown visibility \"public\""),
                "{error}"
            );
        }
    }
}

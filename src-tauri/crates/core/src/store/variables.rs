//! The `variables` table: a project's plain name/value pairs.

use crate::error::Result;
use crate::model::Variable;
use crate::store::collect;
use rusqlite::{params, Connection};
use uuid::Uuid;

/// The project's variables, by name.
pub(crate) fn list(conn: &Connection, project: Uuid) -> Result<Vec<Variable>> {
    let mut stmt = conn
        .prepare_cached("SELECT name, value FROM variables WHERE project_id = ?1 ORDER BY name")?;
    let rows = stmt.query_map([project], |row| {
        Ok(Variable {
            name: row.get(0)?,
            value: row.get(1)?,
        })
    })?;
    collect(rows)
}

pub(crate) fn name_exists(conn: &Connection, project: Uuid, name: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM variables WHERE project_id = ?1 AND name = ?2)",
        )?
        .query_row(params![project, name], |row| row.get(0))?)
}

/// Creates the variable or replaces its value.
pub(crate) fn upsert(
    conn: &Connection,
    project: Uuid,
    name: &str,
    value: &str,
    now: i64,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO variables (id, project_id, name, value, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (project_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )?
    .execute(params![Uuid::new_v4(), project, name, value, now])?;
    Ok(())
}

/// Removes the variable; returns whether there was one.
pub(crate) fn delete(conn: &Connection, project: Uuid, name: &str) -> Result<bool> {
    let deleted = conn
        .prepare_cached("DELETE FROM variables WHERE project_id = ?1 AND name = ?2")?
        .execute(params![project, name])?;
    Ok(deleted > 0)
}

pub(crate) fn count(conn: &Connection) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT COUNT(*) FROM variables")?
        .query_row([], |row| row.get(0))?)
}

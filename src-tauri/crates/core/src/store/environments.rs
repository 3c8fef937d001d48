//! The `environments` table: a project's environments, in display order (`position`).

use crate::error::Result;
use crate::model::{Environment, EnvironmentKind};
use crate::store::collect;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

const SELECT: &str = "SELECT id, name, kind FROM environments";

fn environment(row: &rusqlite::Row<'_>) -> rusqlite::Result<Environment> {
    let kind: String = row.get(2)?;
    Ok(Environment {
        id: row.get(0)?,
        name: row.get(1)?,
        kind: EnvironmentKind::parse(&kind).unwrap_or(EnvironmentKind::Custom),
    })
}

/// The project's environments in display order.
pub(crate) fn list(conn: &Connection, project: Uuid) -> Result<Vec<Environment>> {
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} WHERE project_id = ?1 ORDER BY position"))?;
    let rows = stmt.query_map([project], environment)?;
    collect(rows)
}

pub(crate) fn get(conn: &Connection, project: Uuid, id: Uuid) -> Result<Option<Environment>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE project_id = ?1 AND id = ?2"))?
        .query_row(params![project, id], environment)
        .optional()?)
}

/// The project's environment named `name`, ignoring case.
pub(crate) fn find_by_name(
    conn: &Connection,
    project: Uuid,
    name: &str,
) -> Result<Option<Environment>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE project_id = ?1 AND name = ?2 COLLATE NOCASE"
        ))?
        .query_row(params![project, name], environment)
        .optional()?)
}

/// Inserts an environment at `position`.
pub(crate) fn insert(
    conn: &Connection,
    project: Uuid,
    name: &str,
    kind: EnvironmentKind,
    position: usize,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    conn.prepare_cached(
        "INSERT INTO environments (id, project_id, name, kind, position) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, project, name, kind.as_str(), position as i64])?;
    Ok(id)
}

/// Inserts a custom environment after the project's last one.
pub(crate) fn insert_custom_last(conn: &Connection, project: Uuid, name: &str) -> Result<Uuid> {
    let id = Uuid::new_v4();
    conn.prepare_cached(
        "INSERT INTO environments (id, project_id, name, kind, position)
         VALUES (?1, ?2, ?3, 'custom',
                 (SELECT COALESCE(MAX(position), -1) + 1 FROM environments WHERE project_id = ?2))",
    )?
    .execute(params![id, project, name])?;
    Ok(id)
}

pub(crate) fn rename(conn: &Connection, id: Uuid, name: &str) -> Result<()> {
    conn.prepare_cached("UPDATE environments SET name = ?2 WHERE id = ?1")?
        .execute(params![id, name])?;
    Ok(())
}

/// Deletes the environment; its overrides and pending markers cascade.
pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    conn.prepare_cached("DELETE FROM environments WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

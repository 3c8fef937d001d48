//! The `projects` table. A project row is handed out as a `ProjectSummary`, with its secret
//! count.

use crate::error::Result;
use crate::model::ProjectSummary;
use crate::store::collect;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

const SUMMARY: &str = "SELECT p.id, p.name, p.updated_at,
        (SELECT COUNT(*) FROM secrets s WHERE s.project_id = p.id)
     FROM projects p";

fn summary(row: &rusqlite::Row<'_>) -> rusqlite::Result<ProjectSummary> {
    Ok(ProjectSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        updated_at: row.get(2)?,
        secret_count: row.get(3)?,
    })
}

/// Every project, by name ignoring case.
pub(crate) fn list(conn: &Connection) -> Result<Vec<ProjectSummary>> {
    let mut stmt = conn.prepare_cached(&format!("{SUMMARY} ORDER BY p.name COLLATE NOCASE"))?;
    let rows = stmt.query_map([], summary)?;
    collect(rows)
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Option<ProjectSummary>> {
    Ok(conn
        .prepare_cached(&format!("{SUMMARY} WHERE p.id = ?1"))?
        .query_row([id], summary)
        .optional()?)
}

/// The project named `name`, ignoring case.
pub(crate) fn find_by_name(conn: &Connection, name: &str) -> Result<Option<ProjectSummary>> {
    Ok(conn
        .prepare_cached(&format!("{SUMMARY} WHERE p.name = ?1 COLLATE NOCASE"))?
        .query_row([name], summary)
        .optional()?)
}

pub(crate) fn insert(conn: &Connection, id: Uuid, name: &str, now: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO projects (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![id, name, now])?;
    Ok(())
}

pub(crate) fn rename(conn: &Connection, id: Uuid, name: &str, now: i64) -> Result<()> {
    conn.prepare_cached("UPDATE projects SET name = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, name, now])?;
    Ok(())
}

/// Marks the project as changed (its "last updated").
pub(crate) fn touch(conn: &Connection, id: Uuid, now: i64) -> Result<()> {
    conn.prepare_cached("UPDATE projects SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, now])?;
    Ok(())
}

/// Deletes the project; its environments, secrets, overrides, variables and steps cascade.
pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    conn.prepare_cached("DELETE FROM projects WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT COUNT(*) FROM projects")?
        .query_row([], |row| row.get(0))?)
}

//! The `pending_values` table: places where the source of an import or duplicate had a value
//! this project has not got yet (`environment_id` NULL: the default). Triggers delete a marker
//! when a value is written there.

use crate::error::Result;
use crate::model::Visibility;
use crate::store::collect;
use crate::store::secrets::{corrupt_visibility, visibility};
use rusqlite::{params, Connection};
use uuid::Uuid;

/// A pending value with the names the guided re-entry shows.
pub(crate) struct PendingRow {
    pub secret_id: Uuid,
    pub secret_name: String,
    pub visibility: Visibility,
    pub environment_id: Option<Uuid>,
    pub environment_name: Option<String>,
}

pub(crate) fn insert(conn: &Connection, secret: Uuid, environment: Option<Uuid>) -> Result<()> {
    conn.prepare_cached("INSERT INTO pending_values (secret_id, environment_id) VALUES (?1, ?2)")?
        .execute(params![secret, environment])?;
    Ok(())
}

/// The project's pending values: by secret name, the default first, then environments in
/// display order.
pub(crate) fn list(conn: &Connection, project: Uuid) -> Result<Vec<PendingRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.name, s.visibility, p.environment_id, e.name
         FROM pending_values p
         JOIN secrets s ON s.id = p.secret_id
         LEFT JOIN environments e ON e.id = p.environment_id
         WHERE s.project_id = ?1
         ORDER BY s.name, p.environment_id IS NOT NULL, e.position",
    )?;
    let rows = stmt.query_map([project], |row| {
        Ok(PendingRow {
            secret_id: row.get(0)?,
            secret_name: row.get(1)?,
            visibility: visibility(row, 2)?,
            environment_id: row.get(3)?,
            environment_name: row.get(4)?,
        })
    })?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(corrupt_visibility)
}

/// (secret, environment or `None` for the default) for every marker of the project,
/// environments in display order.
pub(crate) fn slots_in_project(
    conn: &Connection,
    project: Uuid,
) -> Result<Vec<(Uuid, Option<Uuid>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.secret_id, p.environment_id FROM pending_values p
         JOIN secrets s ON s.id = p.secret_id
         LEFT JOIN environments e ON e.id = p.environment_id
         WHERE s.project_id = ?1 ORDER BY e.position",
    )?;
    let rows = stmt.query_map([project], |row| Ok((row.get(0)?, row.get(1)?)))?;
    collect(rows)
}

/// The markers of one secret: environment or `None` for the default, environments in display
/// order.
pub(crate) fn slots_of(conn: &Connection, secret: Uuid) -> Result<Vec<Option<Uuid>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.environment_id FROM pending_values p
         LEFT JOIN environments e ON e.id = p.environment_id
         WHERE p.secret_id = ?1 ORDER BY e.position",
    )?;
    let rows = stmt.query_map([secret], |row| row.get(0))?;
    collect(rows)
}

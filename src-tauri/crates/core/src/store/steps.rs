//! The `steps` table: a step's name, kind and definition (its JSON text — steps hold
//! `{NAME}` references, never values), in the project's order (`position`).

use crate::error::{Error, Result};
use crate::steps::{Step, StepDefinition};
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

const SELECT: &str = "SELECT id, name, definition, updated_at FROM steps";

type RawStep = (Uuid, String, String, i64);

fn raw_step(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawStep> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn step_from_raw((id, name, definition, updated_at): RawStep) -> Result<Step> {
    let definition: StepDefinition = serde_json::from_str(&definition)
        .map_err(|e| Error::Corrupt(format!("step {name} cannot be read: {e}")))?;
    Ok(Step {
        id,
        name,
        definition,
        updated_at,
    })
}

fn to_json(definition: &StepDefinition) -> Result<String> {
    serde_json::to_string(definition)
        .map_err(|e| Error::Io(format!("cannot write the step as JSON: {e}")))
}

/// The project's steps in their order.
pub(crate) fn list(conn: &Connection, project: Uuid) -> Result<Vec<Step>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE project_id = ?1 ORDER BY position, name"
    ))?;
    let rows = stmt.query_map([project], raw_step)?;
    rows.map(|row| step_from_raw(row?)).collect()
}

pub(crate) fn get(conn: &Connection, project: Uuid, id: Uuid) -> Result<Option<Step>> {
    conn.prepare_cached(&format!("{SELECT} WHERE project_id = ?1 AND id = ?2"))?
        .query_row(params![project, id], raw_step)
        .optional()?
        .map(step_from_raw)
        .transpose()
}

/// The id of the project's step named `name`, ignoring case.
pub(crate) fn id_by_name(conn: &Connection, project: Uuid, name: &str) -> Result<Option<Uuid>> {
    Ok(conn
        .prepare_cached("SELECT id FROM steps WHERE project_id = ?1 AND name = ?2 COLLATE NOCASE")?
        .query_row(params![project, name], |row| row.get(0))
        .optional()?)
}

/// How many steps the project has, and the position after its last one.
pub(crate) fn count_and_next_position(conn: &Connection, project: Uuid) -> Result<(usize, usize)> {
    let (count, next): (i64, i64) = conn
        .prepare_cached(
            "SELECT COUNT(*), COALESCE(MAX(position) + 1, 0) FROM steps WHERE project_id = ?1",
        )?
        .query_row([project], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok((count as usize, next as usize))
}

/// Inserts a step (checked by the caller) at `position`.
pub(crate) fn insert(
    conn: &Connection,
    project: Uuid,
    name: &str,
    definition: &StepDefinition,
    position: usize,
    now: i64,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    conn.prepare_cached(
        "INSERT INTO steps (id, project_id, name, kind, definition, position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![
        id,
        project,
        name,
        definition.kind().as_str(),
        to_json(definition)?,
        position as i64,
        now
    ])?;
    Ok(id)
}

/// Replaces what the step does (its kind may change with it).
pub(crate) fn set_definition(
    conn: &Connection,
    id: Uuid,
    definition: &StepDefinition,
    now: i64,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE steps SET kind = ?2, definition = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![
        id,
        definition.kind().as_str(),
        to_json(definition)?,
        now
    ])?;
    Ok(())
}

pub(crate) fn rename(conn: &Connection, id: Uuid, name: &str, now: i64) -> Result<()> {
    conn.prepare_cached("UPDATE steps SET name = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, name, now])?;
    Ok(())
}

pub(crate) fn delete(conn: &Connection, id: Uuid) -> Result<()> {
    conn.prepare_cached("DELETE FROM steps WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

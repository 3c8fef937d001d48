//! The `overrides` table: a secret's sealed value for one environment.

use crate::error::Result;
use crate::store::collect;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

/// (secret, environment) for every override in the project, environments in display order.
pub(crate) fn pairs_in_project(conn: &Connection, project: Uuid) -> Result<Vec<(Uuid, Uuid)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.secret_id, o.environment_id FROM overrides o
         JOIN secrets s ON s.id = o.secret_id
         JOIN environments e ON e.id = o.environment_id
         WHERE s.project_id = ?1 ORDER BY e.position",
    )?;
    let rows = stmt.query_map([project], |row| Ok((row.get(0)?, row.get(1)?)))?;
    collect(rows)
}

/// The environments where `secret` has an override, in display order.
pub(crate) fn environments_of(conn: &Connection, secret: Uuid) -> Result<Vec<Uuid>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.environment_id FROM overrides o
         JOIN environments e ON e.id = o.environment_id
         WHERE o.secret_id = ?1 ORDER BY e.position",
    )?;
    let rows = stmt.query_map([secret], |row| row.get(0))?;
    collect(rows)
}

/// The sealed value of `secret` in `environment`, if it has an override there.
pub(crate) fn get(conn: &Connection, secret: Uuid, environment: Uuid) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT value FROM overrides WHERE secret_id = ?1 AND environment_id = ?2")?
        .query_row(params![secret, environment], |row| row.get(0))
        .optional()?)
}

/// Every override of `secret`: (environment, sealed value).
pub(crate) fn list_for_secret(conn: &Connection, secret: Uuid) -> Result<Vec<(Uuid, Vec<u8>)>> {
    let mut stmt =
        conn.prepare_cached("SELECT environment_id, value FROM overrides WHERE secret_id = ?1")?;
    let rows = stmt.query_map([secret], |row| Ok((row.get(0)?, row.get(1)?)))?;
    collect(rows)
}

/// Writes the override (a pending marker there goes away: a trigger).
pub(crate) fn upsert(
    conn: &Connection,
    secret: Uuid,
    environment: Uuid,
    value: &[u8],
    now: i64,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO overrides (secret_id, environment_id, value, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (secret_id, environment_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )?
    .execute(params![secret, environment, value, now])?;
    Ok(())
}

/// Replaces the sealed value only (re-sealed under a new visibility), keeping `updated_at`.
pub(crate) fn reseal(
    conn: &Connection,
    secret: Uuid,
    environment: Uuid,
    value: &[u8],
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE overrides SET value = ?3 WHERE secret_id = ?1 AND environment_id = ?2",
    )?
    .execute(params![secret, environment, value])?;
    Ok(())
}

/// Removes the override; returns whether there was one.
pub(crate) fn delete(conn: &Connection, secret: Uuid, environment: Uuid) -> Result<bool> {
    let deleted = conn
        .prepare_cached("DELETE FROM overrides WHERE secret_id = ?1 AND environment_id = ?2")?
        .execute(params![secret, environment])?;
    Ok(deleted > 0)
}

pub(crate) fn delete_in_environment(conn: &Connection, environment: Uuid) -> Result<()> {
    conn.prepare_cached("DELETE FROM overrides WHERE environment_id = ?1")?
        .execute([environment])?;
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT COUNT(*) FROM overrides")?
        .query_row([], |row| row.get(0))?)
}

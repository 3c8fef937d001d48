//! Projects (agents): create with the two built-in environments, rename, delete, find.

use crate::error::{Error, Field, Result};
use crate::model::{EnvironmentKind, ProjectSummary};
use crate::names::check_label;
use crate::vault::{now_ms, Vault};
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

const SUMMARY_SQL: &str = "SELECT p.id, p.name, p.updated_at,
        (SELECT COUNT(*) FROM secrets s WHERE s.project_id = p.id)
     FROM projects p";

fn summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ProjectSummary> {
    Ok(ProjectSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        updated_at: row.get(2)?,
        secret_count: row.get(3)?,
    })
}

impl Vault {
    /// Allowed on a locked vault: names only.
    pub fn list_projects(&self) -> Result<Vec<ProjectSummary>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{SUMMARY_SQL} ORDER BY p.name COLLATE NOCASE"))?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn project(&self, id: Uuid) -> Result<ProjectSummary> {
        self.conn
            .query_row(
                &format!("{SUMMARY_SQL} WHERE p.id = ?1"),
                [id],
                summary_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no project with id {id}")))
    }

    /// Finds a project by name (case-insensitive) or id.
    pub fn find_project(&self, name_or_id: &str) -> Result<ProjectSummary> {
        if let Ok(id) = Uuid::parse_str(name_or_id) {
            if let Ok(project) = self.project(id) {
                return Ok(project);
            }
        }
        self.conn
            .query_row(
                &format!("{SUMMARY_SQL} WHERE p.name = ?1 COLLATE NOCASE"),
                [name_or_id.trim()],
                summary_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no project named \"{}\"", name_or_id.trim())))
    }

    pub fn create_project(&mut self, name: &str) -> Result<ProjectSummary> {
        self.require_unlocked()?;
        let name = check_label("project", name)?;
        self.ensure_project_name_free(name, None)?;
        let id = Uuid::new_v4();
        let now = now_ms();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO projects (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![id, name, now],
        )?;
        for (position, (env_name, kind)) in [
            ("Development", EnvironmentKind::Development),
            ("Production", EnvironmentKind::Production),
        ]
        .into_iter()
        .enumerate()
        {
            tx.execute(
                "INSERT INTO environments (id, project_id, name, kind, position) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![Uuid::new_v4(), id, env_name, kind.as_str(), position as i64],
            )?;
        }
        tx.commit()?;
        self.project(id)
    }

    pub fn rename_project(&mut self, id: Uuid, new_name: &str) -> Result<ProjectSummary> {
        self.require_unlocked()?;
        self.project(id)?;
        let name = check_label("project", new_name)?;
        self.ensure_project_name_free(name, Some(id))?;
        self.conn.execute(
            "UPDATE projects SET name = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, name, now_ms()],
        )?;
        self.project(id)
    }

    /// Deletes the project with its environments, secrets, overrides and variables.
    pub fn delete_project(&mut self, id: Uuid) -> Result<()> {
        self.require_unlocked()?;
        self.project(id)?;
        self.conn
            .execute("DELETE FROM projects WHERE id = ?1", [id])?;
        Ok(())
    }

    fn ensure_project_name_free(&self, name: &str, except: Option<Uuid>) -> Result<()> {
        if self.name_taken(
            "SELECT id FROM projects WHERE name = ?1 COLLATE NOCASE",
            [name],
            except,
        )? {
            return Err(Error::conflict(
                Field::Name,
                format!("a project named \"{name}\" already exists"),
            ));
        }
        Ok(())
    }

    /// Totals across the vault, for `doctor`. Allowed on a locked vault.
    pub fn counts(&self) -> Result<crate::model::VaultCounts> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM projects), (SELECT COUNT(*) FROM secrets),
                    (SELECT COUNT(*) FROM overrides), (SELECT COUNT(*) FROM variables)",
            [],
            |row| {
                Ok(crate::model::VaultCounts {
                    projects: row.get(0)?,
                    secrets: row.get(1)?,
                    overrides: row.get(2)?,
                    variables: row.get(3)?,
                })
            },
        )?)
    }

    pub(crate) fn touch_project(&self, id: Uuid) -> Result<()> {
        self.conn.execute(
            "UPDATE projects SET updated_at = ?2 WHERE id = ?1",
            params![id, now_ms()],
        )?;
        Ok(())
    }
}

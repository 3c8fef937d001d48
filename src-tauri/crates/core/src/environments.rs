//! Environments of a project: the built-in Development and Production, plus custom ones.

use crate::error::{Error, Field, Result};
use crate::model::{Environment, EnvironmentKind};
use crate::names::check_label;
use crate::vault::Vault;
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

const SELECT_SQL: &str = "SELECT id, name, kind FROM environments";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Environment> {
    let kind: String = row.get(2)?;
    Ok(Environment {
        id: row.get(0)?,
        name: row.get(1)?,
        kind: EnvironmentKind::parse(&kind).unwrap_or(EnvironmentKind::Custom),
    })
}

impl Vault {
    /// Development and Production first, then custom environments in creation order.
    pub fn list_environments(&self, project: Uuid) -> Result<Vec<Environment>> {
        self.project(project)?;
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT_SQL} WHERE project_id = ?1 ORDER BY position"
        ))?;
        let rows = stmt.query_map([project], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn environment(&self, project: Uuid, id: Uuid) -> Result<Environment> {
        self.conn
            .query_row(
                &format!("{SELECT_SQL} WHERE project_id = ?1 AND id = ?2"),
                params![project, id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no environment with id {id} in this project")))
    }

    /// Finds an environment by name (case-insensitive, so `--env production` works) or id.
    pub fn find_environment(&self, project: Uuid, name_or_id: &str) -> Result<Environment> {
        if let Ok(id) = Uuid::parse_str(name_or_id) {
            if let Ok(env) = self.environment(project, id) {
                return Ok(env);
            }
        }
        self.conn
            .query_row(
                &format!("{SELECT_SQL} WHERE project_id = ?1 AND name = ?2 COLLATE NOCASE"),
                params![project, name_or_id.trim()],
                from_row,
            )
            .optional()?
            .ok_or_else(|| {
                let known = self
                    .list_environments(project)
                    .map(|envs| {
                        envs.into_iter()
                            .map(|e| e.name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                Error::NotFound(format!(
                    "no environment named \"{}\" (this project has: {known})",
                    name_or_id.trim()
                ))
            })
    }

    pub fn create_environment(&mut self, project: Uuid, name: &str) -> Result<Environment> {
        self.require_unlocked()?;
        self.project(project)?;
        let name = check_label("environment", name)?;
        self.ensure_environment_name_free(project, name, None)?;
        let id = Uuid::new_v4();
        self.conn.execute(
            "INSERT INTO environments (id, project_id, name, kind, position)
             VALUES (?1, ?2, ?3, 'custom',
                     (SELECT COALESCE(MAX(position), -1) + 1 FROM environments WHERE project_id = ?2))",
            params![id, project, name],
        )?;
        self.touch_project(project)?;
        self.environment(project, id)
    }

    pub fn rename_environment(
        &mut self,
        project: Uuid,
        id: Uuid,
        new_name: &str,
    ) -> Result<Environment> {
        self.require_unlocked()?;
        let env = self.environment(project, id)?;
        refuse_builtin(&env, "renamed")?;
        let name = check_label("environment", new_name)?;
        self.ensure_environment_name_free(project, name, Some(id))?;
        self.conn.execute(
            "UPDATE environments SET name = ?2 WHERE id = ?1",
            params![id, name],
        )?;
        self.touch_project(project)?;
        self.environment(project, id)
    }

    /// Deletes a custom environment and, in the same transaction, its overrides.
    pub fn delete_environment(&mut self, project: Uuid, id: Uuid) -> Result<()> {
        self.require_unlocked()?;
        let env = self.environment(project, id)?;
        refuse_builtin(&env, "deleted")?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM overrides WHERE environment_id = ?1", [id])?;
        tx.execute("DELETE FROM environments WHERE id = ?1", [id])?;
        tx.commit()?;
        self.touch_project(project)
    }

    fn ensure_environment_name_free(
        &self,
        project: Uuid,
        name: &str,
        except: Option<Uuid>,
    ) -> Result<()> {
        if self.name_taken(
            "SELECT id FROM environments WHERE project_id = ?1 AND name = ?2 COLLATE NOCASE",
            params![project, name],
            except,
        )? {
            return Err(Error::conflict(
                Field::Name,
                format!("this project already has an environment named \"{name}\""),
            ));
        }
        Ok(())
    }
}

fn refuse_builtin(env: &Environment, action: &str) -> Result<()> {
    if env.kind.is_builtin() {
        return Err(Error::invalid(
            Field::Name,
            format!("{} is built in and cannot be {action}", env.name),
        ));
    }
    Ok(())
}

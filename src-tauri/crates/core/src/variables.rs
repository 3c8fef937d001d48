//! Project variables: plain (not secret) name/value pairs such as a base URL. They share the
//! `{NAME}` namespace with secrets.

use crate::error::{Error, Result};
use crate::model::Variable;
use crate::names::{check_secret_name, MAX_VARIABLE_BYTES};
use crate::vault::{now_ms, Vault};
use rusqlite::params;
use uuid::Uuid;

impl Vault {
    pub fn list_variables(&self, project: Uuid) -> Result<Vec<Variable>> {
        self.project(project)?;
        let mut stmt = self
            .conn
            .prepare("SELECT name, value FROM variables WHERE project_id = ?1 ORDER BY name")?;
        let rows = stmt.query_map([project], |row| {
            Ok(Variable {
                name: row.get(0)?,
                value: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Creates the variable or replaces its value.
    pub fn set_variable(&mut self, project: Uuid, name: &str, value: &str) -> Result<Variable> {
        self.require_unlocked()?;
        self.project(project)?;
        check_secret_name(name)?;
        if value.len() > MAX_VARIABLE_BYTES {
            return Err(Error::invalid(
                crate::Field::Value,
                "a variable value is at most 64 KiB",
            ));
        }
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM variables WHERE project_id = ?1 AND name = ?2)",
            params![project, name],
            |row| row.get(0),
        )?;
        if !exists {
            self.ensure_reference_name_free(project, name)?;
        }
        self.conn.execute(
            "INSERT INTO variables (id, project_id, name, value, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (project_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![Uuid::new_v4(), project, name, value, now_ms()],
        )?;
        self.touch_project(project)?;
        Ok(Variable {
            name: name.to_owned(),
            value: value.to_owned(),
        })
    }

    pub fn delete_variable(&mut self, project: Uuid, name: &str) -> Result<()> {
        self.require_unlocked()?;
        self.project(project)?;
        let deleted = self.conn.execute(
            "DELETE FROM variables WHERE project_id = ?1 AND name = ?2",
            params![project, name],
        )?;
        if deleted == 0 {
            return Err(Error::NotFound(format!(
                "no variable named {name} in this project"
            )));
        }
        self.touch_project(project)
    }
}

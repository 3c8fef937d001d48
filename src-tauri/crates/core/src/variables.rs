//! Project variables: plain (not secret) name/value pairs such as a base URL. They share the
//! `{NAME}` namespace with secrets.

use crate::error::{Error, Field, Result};
use crate::model::Variable;
use crate::names::{check_secret_name, MAX_VARIABLE_BYTES};
use crate::store::{self, now_ms};
use crate::vault::Vault;
use uuid::Uuid;

/// A variable's value is at most 64 KiB (also checked for variables in a project file).
pub(crate) fn check_variable_value(value: &str) -> Result<()> {
    if value.len() > MAX_VARIABLE_BYTES {
        return Err(Error::invalid(
            Field::Value,
            "a variable value is at most 64 KiB",
        ));
    }
    Ok(())
}

impl Vault {
    pub fn list_variables(&self, project: Uuid) -> Result<Vec<Variable>> {
        self.project(project)?;
        store::variables::list(&self.conn, project)
    }

    /// Creates the variable or replaces its value.
    pub fn set_variable(&mut self, project: Uuid, name: &str, value: &str) -> Result<Variable> {
        self.require_unlocked()?;
        self.project(project)?;
        check_secret_name(name)?;
        check_variable_value(value)?;
        if !store::variables::name_exists(&self.conn, project, name)? {
            self.ensure_reference_name_free(project, name)?;
        }
        store::variables::upsert(&self.conn, project, name, value, now_ms())?;
        self.touch_project(project)?;
        Ok(Variable {
            name: name.to_owned(),
            value: value.to_owned(),
        })
    }

    pub fn delete_variable(&mut self, project: Uuid, name: &str) -> Result<()> {
        self.require_unlocked()?;
        self.project(project)?;
        if !store::variables::delete(&self.conn, project, name)? {
            return Err(Error::NotFound(format!(
                "no variable named {name} in this project"
            )));
        }
        self.touch_project(project)
    }
}

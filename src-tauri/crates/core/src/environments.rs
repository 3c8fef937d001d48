//! Environments of a project: the built-in Development and Production, plus custom ones.

use crate::error::{Error, Field, Result};
use crate::model::{Environment, EnvironmentKind};
use crate::names::{check_label, BUILT_IN_ENVIRONMENTS};
use crate::store;
use crate::unique_name;
use crate::vault::Vault;
use uuid::Uuid;

/// The name a built-in environment always has ("" for a custom one, which has its own).
pub(crate) fn builtin_name(kind: EnvironmentKind) -> &'static str {
    match kind {
        EnvironmentKind::Development => BUILT_IN_ENVIRONMENTS[0],
        EnvironmentKind::Production => BUILT_IN_ENVIRONMENTS[1],
        EnvironmentKind::Custom => "",
    }
}

impl Vault {
    /// Development and Production first, then custom environments in creation order.
    pub fn list_environments(&self, project: Uuid) -> Result<Vec<Environment>> {
        self.project(project)?;
        store::environments::list(&self.conn, project)
    }

    pub fn environment(&self, project: Uuid, id: Uuid) -> Result<Environment> {
        store::environments::get(&self.conn, project, id)?
            .ok_or_else(|| Error::NotFound(format!("no environment with id {id} in this project")))
    }

    /// Finds an environment by name (case-insensitive, so `--env production` works) or id.
    pub fn find_environment(&self, project: Uuid, name_or_id: &str) -> Result<Environment> {
        if let Ok(id) = Uuid::parse_str(name_or_id) {
            if let Ok(env) = self.environment(project, id) {
                return Ok(env);
            }
        }
        let name = name_or_id.trim();
        if let Some(env) = store::environments::find_by_name(&self.conn, project, name)? {
            return Ok(env);
        }
        let known = self
            .list_environments(project)
            .map(|envs| {
                envs.into_iter()
                    .map(|e| e.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        Err(Error::NotFound(format!(
            "no environment named \"{name}\" (this project has: {known})"
        )))
    }

    pub fn create_environment(&mut self, project: Uuid, name: &str) -> Result<Environment> {
        self.require_unlocked()?;
        self.project(project)?;
        let name = check_label("environment", name)?;
        self.ensure_environment_name_free(project, name, None)?;
        let id = store::environments::insert_custom_last(&self.conn, project, name)?;
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
        store::environments::rename(&self.conn, id, name)?;
        self.touch_project(project)?;
        self.environment(project, id)
    }

    /// Deletes a custom environment and, in the same transaction, its overrides.
    pub fn delete_environment(&mut self, project: Uuid, id: Uuid) -> Result<()> {
        self.require_unlocked()?;
        let env = self.environment(project, id)?;
        refuse_builtin(&env, "deleted")?;
        let tx = self.conn.transaction()?;
        store::overrides::delete_in_environment(&tx, id)?;
        store::environments::delete(&tx, id)?;
        tx.commit()?;
        self.touch_project(project)
    }

    fn ensure_environment_name_free(
        &self,
        project: Uuid,
        name: &str,
        except: Option<Uuid>,
    ) -> Result<()> {
        let holder = store::environments::find_by_name(&self.conn, project, name)?.map(|e| e.id);
        unique_name::ensure_free(holder, except, || {
            format!("this project already has an environment named \"{name}\"")
        })
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

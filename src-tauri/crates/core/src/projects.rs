//! Projects (agents): create with the two built-in environments, rename, delete, find.

use crate::environments::builtin_name;
use crate::error::{Error, Result};
use crate::model::{EnvironmentKind, ProjectSummary, VaultCounts};
use crate::names::check_label;
use crate::store::{self, now_ms};
use crate::unique_name;
use crate::vault::Vault;
use uuid::Uuid;

impl Vault {
    /// Allowed on a locked vault: names only.
    pub fn list_projects(&self) -> Result<Vec<ProjectSummary>> {
        store::projects::list(&self.conn)
    }

    pub fn project(&self, id: Uuid) -> Result<ProjectSummary> {
        store::projects::get(&self.conn, id)?
            .ok_or_else(|| Error::NotFound(format!("no project with id {id}")))
    }

    /// Finds a project by name (case-insensitive) or id.
    pub fn find_project(&self, name_or_id: &str) -> Result<ProjectSummary> {
        if let Ok(id) = Uuid::parse_str(name_or_id) {
            if let Ok(project) = self.project(id) {
                return Ok(project);
            }
        }
        let name = name_or_id.trim();
        store::projects::find_by_name(&self.conn, name)?
            .ok_or_else(|| Error::NotFound(format!("no project named \"{name}\"")))
    }

    pub fn create_project(&mut self, name: &str) -> Result<ProjectSummary> {
        self.require_unlocked()?;
        let name = check_label("project", name)?;
        self.ensure_project_name_free(name, None)?;
        let id = Uuid::new_v4();
        let tx = self.conn.transaction()?;
        store::projects::insert(&tx, id, name, now_ms())?;
        for (position, kind) in [EnvironmentKind::Development, EnvironmentKind::Production]
            .into_iter()
            .enumerate()
        {
            store::environments::insert(&tx, id, builtin_name(kind), kind, position)?;
        }
        tx.commit()?;
        self.project(id)
    }

    pub fn rename_project(&mut self, id: Uuid, new_name: &str) -> Result<ProjectSummary> {
        self.require_unlocked()?;
        self.project(id)?;
        let name = check_label("project", new_name)?;
        self.ensure_project_name_free(name, Some(id))?;
        store::projects::rename(&self.conn, id, name, now_ms())?;
        self.project(id)
    }

    /// Deletes the project with its environments, secrets, overrides and variables.
    pub fn delete_project(&mut self, id: Uuid) -> Result<()> {
        self.require_unlocked()?;
        self.project(id)?;
        store::projects::delete(&self.conn, id)
    }

    fn ensure_project_name_free(&self, name: &str, except: Option<Uuid>) -> Result<()> {
        let holder = store::projects::find_by_name(&self.conn, name)?.map(|p| p.id);
        unique_name::ensure_free(holder, except, || {
            format!("a project named \"{name}\" already exists")
        })
    }

    /// Totals across the vault, for `doctor`. Allowed on a locked vault.
    pub fn counts(&self) -> Result<VaultCounts> {
        Ok(VaultCounts {
            projects: store::projects::count(&self.conn)?,
            secrets: store::secrets::count(&self.conn)?,
            overrides: store::overrides::count(&self.conn)?,
            variables: store::variables::count(&self.conn)?,
        })
    }

    /// Marks the project as changed; the caller holds the transaction, if any.
    pub(crate) fn touch_project(&self, id: Uuid) -> Result<()> {
        store::projects::touch(&self.conn, id, now_ms())
    }
}

//! Steps in the vault: list, create, edit, rename, delete — rules from `rules`, rows from
//! `store::steps`.

use super::rules::invalid;
use super::{check_definition, Step, StepDefinition, MAX_STEPS};
use crate::error::{Error, Result};
use crate::names::check_label;
use crate::store::{self, now_ms};
use crate::unique_name;
use crate::vault::Vault;
use uuid::Uuid;

impl Vault {
    /// The project's steps in the order they were made. Allowed on a locked vault: steps hold
    /// no values.
    pub fn list_steps(&self, project: Uuid) -> Result<Vec<Step>> {
        self.project(project)?;
        store::steps::list(&self.conn, project)
    }

    pub fn step(&self, project: Uuid, id: Uuid) -> Result<Step> {
        self.project(project)?;
        store::steps::get(&self.conn, project, id)?
            .ok_or_else(|| Error::NotFound(format!("no step with id {id} in this project")))
    }

    pub fn create_step(
        &mut self,
        project: Uuid,
        name: &str,
        definition: StepDefinition,
    ) -> Result<Step> {
        self.require_unlocked()?;
        self.project(project)?;
        let name = check_label("step", name)?;
        check_definition(&definition)?;
        self.ensure_step_name_free(project, name, None)?;
        let (count, position) = store::steps::count_and_next_position(&self.conn, project)?;
        if count >= MAX_STEPS {
            return Err(invalid(format!("a project has at most {MAX_STEPS} steps")));
        }
        let tx = self.conn.unchecked_transaction()?;
        let id = store::steps::insert(&tx, project, name, &definition, position, now_ms())?;
        self.touch_project(project)?;
        tx.commit()?;
        self.step(project, id)
    }

    /// Replaces what a step does (its kind may change too).
    pub fn update_step(
        &mut self,
        project: Uuid,
        id: Uuid,
        definition: StepDefinition,
    ) -> Result<Step> {
        self.require_unlocked()?;
        self.step(project, id)?;
        check_definition(&definition)?;
        let tx = self.conn.unchecked_transaction()?;
        store::steps::set_definition(&tx, id, &definition, now_ms())?;
        self.touch_project(project)?;
        tx.commit()?;
        self.step(project, id)
    }

    pub fn rename_step(&mut self, project: Uuid, id: Uuid, new_name: &str) -> Result<Step> {
        self.require_unlocked()?;
        self.step(project, id)?;
        let name = check_label("step", new_name)?;
        self.ensure_step_name_free(project, name, Some(id))?;
        let tx = self.conn.unchecked_transaction()?;
        store::steps::rename(&tx, id, name, now_ms())?;
        self.touch_project(project)?;
        tx.commit()?;
        self.step(project, id)
    }

    pub fn delete_step(&mut self, project: Uuid, id: Uuid) -> Result<()> {
        self.require_unlocked()?;
        self.step(project, id)?;
        let tx = self.conn.unchecked_transaction()?;
        store::steps::delete(&tx, id)?;
        self.touch_project(project)?;
        tx.commit()?;
        Ok(())
    }

    fn ensure_step_name_free(&self, project: Uuid, name: &str, except: Option<Uuid>) -> Result<()> {
        let holder = store::steps::id_by_name(&self.conn, project, name)?;
        unique_name::ensure_free(holder, except, || {
            format!("a step named \"{name}\" already exists in this project")
        })
    }
}

//! The current project: the one the user switched to last (settings `last_project`), which the
//! app opens again and the CLI uses when `--project` is left out. Creating, duplicating and
//! importing a project in the app switch to it.

use crate::error::{Error, Result};
use crate::model::ProjectSummary;
use crate::transfer::ImportReport;
use crate::vault::Vault;
use std::path::Path;
use uuid::Uuid;

/// The project to open: the remembered one if it still exists, else the first by name; `None`
/// when the vault has no project.
pub fn current_project(vault: &Vault) -> Result<Option<ProjectSummary>> {
    match vault.last_project()? {
        Some(project) => Ok(Some(project)),
        None => Ok(vault.list_projects()?.into_iter().next()),
    }
}

/// Switches to a project: it is remembered as the current one.
pub fn select_project(vault: &mut Vault, project: Uuid) -> Result<ProjectSummary> {
    vault.remember_project(project)
}

/// Creates a project (with Development and Production) and switches to it.
pub fn create_project(vault: &mut Vault, name: &str) -> Result<ProjectSummary> {
    let project = vault.create_project(name)?;
    vault.remember_project(project.id)
}

/// Duplicates a project (names, never values) and switches to the copy.
pub fn duplicate_project(vault: &mut Vault, project: Uuid) -> Result<ImportReport> {
    let report = vault.duplicate_project(project)?;
    vault.remember_project(report.project.id)?;
    Ok(report)
}

/// Imports a project file as a new project and switches to it.
pub fn import_project(vault: &mut Vault, path: &Path) -> Result<ImportReport> {
    let report = vault.import_project(path)?;
    vault.remember_project(report.project.id)?;
    Ok(report)
}

/// Why no project could be chosen for a command.
#[derive(Debug)]
pub enum ChoiceError {
    /// Several projects, none named and none remembered: the user has to say which.
    Ambiguous {
        names: Vec<String>,
    },
    Core(Error),
}

impl From<Error> for ChoiceError {
    fn from(error: Error) -> Self {
        ChoiceError::Core(error)
    }
}

impl std::fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChoiceError::Ambiguous { names } => write!(
                f,
                "this vault has {} projects; choose one with --project ({})",
                names.len(),
                names.join(", ")
            ),
            ChoiceError::Core(error) => error.fmt(f),
        }
    }
}

/// The project a command acts on: the one `named` (by name or id) when given; else the current
/// (remembered) project; else the vault's only project.
pub fn choose_project(
    vault: &Vault,
    named: Option<&str>,
) -> std::result::Result<ProjectSummary, ChoiceError> {
    if let Some(name) = named {
        return Ok(vault.find_project(name)?);
    }
    if let Some(project) = vault.last_project()? {
        return Ok(project);
    }
    let mut projects = vault.list_projects()?;
    match projects.len() {
        1 => Ok(projects.remove(0)),
        0 => Err(ChoiceError::Core(Error::NotFound(
            "this vault has no project yet: create one with `agent-secrets project create NAME`"
                .into(),
        ))),
        _ => Err(ChoiceError::Ambiguous {
            names: projects.into_iter().map(|p| p.name).collect(),
        }),
    }
}

//! The secrets `run` and `export-env` hand out: a project's secrets resolved for one
//! environment, narrowed to the names asked for (only those are decrypted), with every missing
//! value refused before anything starts.

use crate::error::Error;
use crate::model::ProjectSummary;
use crate::secrets::ResolvedSecret;
use crate::vault::Vault;

/// Why the secrets could not be handed out.
#[derive(Debug)]
pub enum SelectionError {
    /// Secrets asked for (or all, without a narrowing) that have no value in the environment.
    MissingValues {
        environment: String,
        names: Vec<String>,
    },
    Core(Error),
}

impl From<Error> for SelectionError {
    fn from(error: Error) -> Self {
        SelectionError::Core(error)
    }
}

/// The project's secrets resolved for `environment` (name or id), sorted by name; only those
/// named in `only` when it is not empty. A name in `only` that the project does not have is
/// `not_found`; a selected secret without a value is `MissingValues`.
pub fn select_secrets(
    vault: &Vault,
    project: &ProjectSummary,
    environment: &str,
    only: &[String],
) -> Result<Vec<ResolvedSecret>, SelectionError> {
    let environment = vault.find_environment(project.id, environment)?;
    let narrowed = (!only.is_empty()).then_some(only);
    if let Some(only) = narrowed {
        refuse_unknown_names(vault, project, only)?;
    }
    let resolution = vault.resolve_named_for_use(project.id, environment.id, narrowed)?;
    if !resolution.missing.is_empty() {
        return Err(SelectionError::MissingValues {
            environment: resolution.environment.name,
            names: resolution.missing,
        });
    }
    Ok(resolution.values)
}

fn refuse_unknown_names(
    vault: &Vault,
    project: &ProjectSummary,
    only: &[String],
) -> Result<(), Error> {
    let names: Vec<String> = vault
        .list_secrets(project.id)?
        .into_iter()
        .map(|row| row.name)
        .collect();
    let unknown: Vec<&str> = only
        .iter()
        .filter(|name| !names.contains(name))
        .map(String::as_str)
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    Err(Error::NotFound(format!(
        "project \"{}\" has no secret named {} (names are case-sensitive)",
        project.name,
        unknown.join(", ")
    )))
}

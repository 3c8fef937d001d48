//! The secrets `run` and `export-env` hand out: a project's secrets resolved for one
//! environment, narrowed by `--only`, with every missing value refused before anything starts.

use crate::context::{CliError, CliResult};
use agent_secrets_core::{Error, ProjectSummary, ResolvedSecret, Vault};

/// The selected secrets with their values, sorted by name.
pub fn select(
    vault: &Vault,
    project: &ProjectSummary,
    environment: &str,
    only: &[String],
) -> CliResult<Vec<ResolvedSecret>> {
    let environment = vault.find_environment(project.id, environment)?;
    let resolution = vault.resolve_for_use(project.id, environment.id)?;
    let known = |name: &String| {
        resolution.values.iter().any(|s| &s.name == name) || resolution.missing.contains(name)
    };
    let unknown: Vec<&str> = only
        .iter()
        .filter(|name| !known(name))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(CliError::Core(Error::NotFound(format!(
            "project \"{}\" has no secret named {} (names are case-sensitive)",
            project.name,
            unknown.join(", ")
        ))));
    }
    let wanted = |name: &str| only.is_empty() || only.iter().any(|n| n == name);
    let missing: Vec<String> = resolution
        .missing
        .into_iter()
        .filter(|name| wanted(name))
        .collect();
    if !missing.is_empty() {
        return Err(CliError::MissingValues {
            environment: resolution.environment.name,
            names: missing,
        });
    }
    Ok(resolution
        .values
        .into_iter()
        .filter(|secret| wanted(&secret.name))
        .collect())
}

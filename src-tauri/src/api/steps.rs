//! Command bodies for steps and project variables (see `api`): parse the ids, call the core.
//! None of them returns a secret value: a preview carries placeholders, and a sent step's
//! response comes back redacted by the core.

use super::parse_id;
use crate::error::{CommandError, CommandResult};
use crate::state::lock;
use agent_secrets_core::http_send::StepResponse;
use agent_secrets_core::{Step, StepDefinition, StepKind, StepPreview, Variable, Vault};
use std::sync::Mutex;

pub fn step_list(vault: &Mutex<Vault>, project_id: &str) -> CommandResult<Vec<Step>> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.list_steps(project)?)
}

/// A new, empty step of `kind`.
pub fn step_create(
    vault: &Mutex<Vault>,
    project_id: &str,
    name: &str,
    kind: StepKind,
) -> CommandResult<Step> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.create_step(project, name, StepDefinition::empty(kind))?)
}

pub fn step_update(
    vault: &Mutex<Vault>,
    project_id: &str,
    step_id: &str,
    definition: StepDefinition,
) -> CommandResult<Step> {
    let project = parse_id(project_id, "projectId")?;
    let step = parse_id(step_id, "stepId")?;
    Ok(lock(vault)?.update_step(project, step, definition)?)
}

pub fn step_rename(
    vault: &Mutex<Vault>,
    project_id: &str,
    step_id: &str,
    name: &str,
) -> CommandResult<Step> {
    let project = parse_id(project_id, "projectId")?;
    let step = parse_id(step_id, "stepId")?;
    Ok(lock(vault)?.rename_step(project, step, name)?)
}

pub fn step_delete(vault: &Mutex<Vault>, project_id: &str, step_id: &str) -> CommandResult<()> {
    let project = parse_id(project_id, "projectId")?;
    let step = parse_id(step_id, "stepId")?;
    Ok(lock(vault)?.delete_step(project, step)?)
}

/// The step with its references shown for one environment: secrets as placeholders.
pub fn step_preview(
    vault: &Mutex<Vault>,
    project_id: &str,
    step_id: &str,
    environment_id: &str,
) -> CommandResult<StepPreview> {
    let project = parse_id(project_id, "projectId")?;
    let step = parse_id(step_id, "stepId")?;
    let environment = parse_id(environment_id, "environmentId")?;
    Ok(lock(vault)?.preview_step(project, step, environment)?)
}

/// Sends an API step with its references resolved for the environment. The vault is locked only
/// while the request is prepared, not during the request. Blocking: the command runs it off the
/// async runtime.
pub fn step_send(
    vault: &Mutex<Vault>,
    project_id: &str,
    step_id: &str,
    environment_id: &str,
) -> CommandResult<StepResponse> {
    let project = parse_id(project_id, "projectId")?;
    let step = parse_id(step_id, "stepId")?;
    let environment = parse_id(environment_id, "environmentId")?;
    let request = lock(vault)?.prepare_send(project, step, environment)?;
    Ok(request.send()?)
}

pub fn variable_list(vault: &Mutex<Vault>, project_id: &str) -> CommandResult<Vec<Variable>> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.list_variables(project)?)
}

/// Creates the variable or replaces its value.
pub fn variable_set(
    vault: &Mutex<Vault>,
    project_id: &str,
    name: &str,
    value: &str,
) -> CommandResult<Variable> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.set_variable(project, name, value)?)
}

pub fn variable_delete(vault: &Mutex<Vault>, project_id: &str, name: &str) -> CommandResult<()> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.delete_variable(project, name)?)
}

/// For the command that runs `step_send` on a blocking thread: a task that did not finish.
pub fn join_failed(error: impl std::fmt::Display) -> CommandError {
    CommandError::internal(format!("sending the step stopped unexpectedly: {error}"))
}

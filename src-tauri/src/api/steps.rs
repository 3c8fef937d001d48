//! Sending an API step: the request may take up to its timeout, so the vault is locked only
//! while the request is prepared, and the response comes back redacted by the core.

use crate::error::CommandResult;
use crate::shell::Shell;
use agent_secrets_core::http_send::StepResponse;
use uuid::Uuid;

pub fn step_send(
    shell: &Shell<'_>,
    project: Uuid,
    step: Uuid,
    environment: Uuid,
) -> CommandResult<StepResponse> {
    let request = shell.with_vault(|vault| vault.prepare_send(project, step, environment))?;
    Ok(request.send()?)
}

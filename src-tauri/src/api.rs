//! The body of every command, as a plain function of the vault (and the clipboard), so that it
//! can be tested without a window. Each one parses its arguments, calls the core and maps the
//! error: the rules themselves live in the core.

use crate::clipboard::ClipboardService;
use crate::dto::{CopyReceipt, NewSecretInput, OverrideEditInput, SecretUpdateInput};
use crate::error::{CommandError, CommandResult};
use crate::state::{ensure_first_project, lock};
use agent_secrets_core::{
    Environment, ExposeSecret, ProjectSummary, SecretRow, Settings, Vault, VaultStatus,
};
use std::sync::Mutex;
use std::time::Duration;
use uuid::Uuid;
use zeroize::Zeroizing;

mod transfer;
pub use transfer::*;

// Steps and project variables (api/steps.rs).
mod steps;
pub use steps::*;

// Leak scan (api/scan.rs).
mod scan;
pub use scan::*;

/// Parses an id argument; `argument` is its name in the UI's call (`projectId`, …).
pub fn parse_id(text: &str, argument: &str) -> CommandResult<Uuid> {
    Uuid::parse_str(text).map_err(|_| CommandError::bad_id(argument))
}

fn parse_optional_id(text: Option<&str>, argument: &str) -> CommandResult<Option<Uuid>> {
    text.map(|text| parse_id(text, argument)).transpose()
}

pub fn vault_status(vault: &Mutex<Vault>) -> CommandResult<VaultStatus> {
    Ok(lock(vault)?.status()?)
}

pub fn recovery_key_show(vault: &Mutex<Vault>) -> CommandResult<String> {
    let key = lock(vault)?.recovery_key()?;
    Ok(key.as_str().to_owned())
}

pub fn recovery_key_confirm(vault: &Mutex<Vault>) -> CommandResult<VaultStatus> {
    let mut vault = lock(vault)?;
    vault.confirm_recovery_key_saved()?;
    Ok(vault.status()?)
}

pub fn recovery_restore(vault: &Mutex<Vault>, recovery_key: &str) -> CommandResult<VaultStatus> {
    let mut vault = lock(vault)?;
    vault.restore_with_recovery_key(recovery_key)?;
    ensure_first_project(&mut vault)?;
    Ok(vault.status()?)
}

pub fn project_list(vault: &Mutex<Vault>) -> CommandResult<Vec<ProjectSummary>> {
    Ok(lock(vault)?.list_projects()?)
}

pub fn environment_list(vault: &Mutex<Vault>, project_id: &str) -> CommandResult<Vec<Environment>> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.list_environments(project)?)
}

/// Adds a custom environment (after the others).
pub fn environment_create(
    vault: &Mutex<Vault>,
    project_id: &str,
    name: &str,
) -> CommandResult<Environment> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.create_environment(project, name)?)
}

/// Renames a custom environment; the core refuses the built-ins.
pub fn environment_rename(
    vault: &Mutex<Vault>,
    project_id: &str,
    environment_id: &str,
    name: &str,
) -> CommandResult<Environment> {
    let project = parse_id(project_id, "projectId")?;
    let environment = parse_id(environment_id, "environmentId")?;
    Ok(lock(vault)?.rename_environment(project, environment, name)?)
}

/// Deletes a custom environment and its overrides (one transaction); the core refuses the
/// built-ins.
pub fn environment_delete(
    vault: &Mutex<Vault>,
    project_id: &str,
    environment_id: &str,
) -> CommandResult<()> {
    let project = parse_id(project_id, "projectId")?;
    let environment = parse_id(environment_id, "environmentId")?;
    Ok(lock(vault)?.delete_environment(project, environment)?)
}

/// Applies a batch of override edits for one environment, all or nothing, and answers the
/// Secrets table as it is afterwards. Every id is parsed before anything is written.
pub fn overrides_save(
    vault: &Mutex<Vault>,
    project_id: &str,
    environment_id: &str,
    edits: Vec<OverrideEditInput>,
) -> CommandResult<Vec<SecretRow>> {
    let project = parse_id(project_id, "projectId")?;
    let environment = parse_id(environment_id, "environmentId")?;
    let edits = edits
        .into_iter()
        .map(|edit| {
            let secret = parse_id(edit.secret_id(), "secretId")?;
            Ok(edit.into_edit(secret))
        })
        .collect::<CommandResult<Vec<_>>>()?;
    let mut vault = lock(vault)?;
    vault.apply_overrides(project, environment, edits)?;
    Ok(vault.list_secrets(project)?)
}

pub fn secret_list(vault: &Mutex<Vault>, project_id: &str) -> CommandResult<Vec<SecretRow>> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.list_secrets(project)?)
}

pub fn secret_create(
    vault: &Mutex<Vault>,
    project_id: &str,
    input: NewSecretInput,
) -> CommandResult<SecretRow> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.create_secret(project, input.into())?)
}

pub fn secret_update(
    vault: &Mutex<Vault>,
    project_id: &str,
    secret_id: &str,
    input: SecretUpdateInput,
) -> CommandResult<SecretRow> {
    let project = parse_id(project_id, "projectId")?;
    let secret = parse_id(secret_id, "secretId")?;
    Ok(lock(vault)?.update_secret(project, secret, input.into())?)
}

pub fn secret_delete(vault: &Mutex<Vault>, project_id: &str, secret_id: &str) -> CommandResult<()> {
    let project = parse_id(project_id, "projectId")?;
    let secret = parse_id(secret_id, "secretId")?;
    Ok(lock(vault)?.delete_secret(project, secret)?)
}

/// The value of a Masked secret, for display. The core refuses Restricted ones.
pub fn secret_reveal(
    vault: &Mutex<Vault>,
    project_id: &str,
    secret_id: &str,
    environment_id: Option<&str>,
) -> CommandResult<String> {
    let project = parse_id(project_id, "projectId")?;
    let secret = parse_id(secret_id, "secretId")?;
    let environment = parse_optional_id(environment_id, "environmentId")?;
    let value = lock(vault)?.reveal(project, secret, environment)?;
    Ok(value.expose_secret().to_owned())
}

/// Puts a Masked secret's value on the clipboard (in Rust: it never reaches the web view) and
/// has it cleared after the configured delay. The core refuses Restricted ones.
pub fn secret_copy(
    vault: &Mutex<Vault>,
    clipboard: &ClipboardService,
    project_id: &str,
    secret_id: &str,
    environment_id: Option<&str>,
) -> CommandResult<CopyReceipt> {
    let project = parse_id(project_id, "projectId")?;
    let secret = parse_id(secret_id, "secretId")?;
    let environment = parse_optional_id(environment_id, "environmentId")?;
    let (value, secret_name, clear_after_seconds) = {
        let vault = lock(vault)?;
        let value = vault.reveal(project, secret, environment)?;
        let name = vault.secret(project, secret)?.name;
        (value, name, vault.settings()?.clipboard_clear_seconds)
    };
    clipboard.copy(
        Zeroizing::new(value.expose_secret().to_owned()),
        Duration::from_secs(u64::from(clear_after_seconds)),
    )?;
    Ok(CopyReceipt {
        secret_name,
        clear_after_seconds,
    })
}

pub fn settings_get(vault: &Mutex<Vault>) -> CommandResult<Settings> {
    Ok(lock(vault)?.settings()?)
}

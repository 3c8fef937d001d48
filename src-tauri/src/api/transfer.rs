//! Projects (create, rename, delete, switch, duplicate) and transfer (project files, `.env`
//! import, `.env.example`), plus the guided re-entry of pending values. The file dialogs are
//! opened by the commands; these bodies take the chosen paths, so they are tested without a
//! window.

use super::parse_id;
use crate::dto_transfer::DotenvSelection;
use crate::error::{CommandError, CommandResult};
use crate::state::lock;
use agent_secrets_core::transfer::atomic::read_limited;
use agent_secrets_core::transfer::project_file::MAX_FILE_BYTES;
use agent_secrets_core::{
    DotenvImportReport, ImportReport, PendingValue, ProjectSummary, SecretRow, SecretString, Vault,
    Visibility,
};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use zeroize::Zeroizing;

pub fn project_create(vault: &Mutex<Vault>, name: &str) -> CommandResult<ProjectSummary> {
    let mut vault = lock(vault)?;
    let project = vault.create_project(name)?;
    Ok(vault.remember_project(project.id)?)
}

pub fn project_rename(
    vault: &Mutex<Vault>,
    project_id: &str,
    name: &str,
) -> CommandResult<ProjectSummary> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.rename_project(project, name)?)
}

/// Deletes a project. Deleting the last one leaves a new, empty "My Agent", as on a first run.
pub fn project_delete(vault: &Mutex<Vault>, project_id: &str) -> CommandResult<()> {
    let project = parse_id(project_id, "projectId")?;
    let mut vault = lock(vault)?;
    vault.delete_project(project)?;
    Ok(crate::state::ensure_first_project(&mut vault)?)
}

/// Switches to a project: it is remembered as the last used one.
pub fn project_select(vault: &Mutex<Vault>, project_id: &str) -> CommandResult<ProjectSummary> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.remember_project(project)?)
}

/// The project to open: the last used one if it still exists, else the first by name.
pub fn project_current(vault: &Mutex<Vault>) -> CommandResult<Option<ProjectSummary>> {
    let vault = lock(vault)?;
    match vault.last_project()? {
        Some(project) => Ok(Some(project)),
        None => Ok(vault.list_projects()?.into_iter().next()),
    }
}

pub fn project_duplicate(vault: &Mutex<Vault>, project_id: &str) -> CommandResult<ImportReport> {
    let project = parse_id(project_id, "projectId")?;
    let mut vault = lock(vault)?;
    let report = vault.duplicate_project(project)?;
    vault.remember_project(report.project.id)?;
    Ok(report)
}

/// The project's name, to suggest a file name in the save dialog.
pub fn project_name(vault: &Mutex<Vault>, project_id: &str) -> CommandResult<String> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.project(project)?.name)
}

pub fn project_export(
    vault: &Mutex<Vault>,
    project_id: &str,
    path: &Path,
) -> CommandResult<String> {
    let project = parse_id(project_id, "projectId")?;
    lock(vault)?.export_project(project, path)?;
    Ok(path.display().to_string())
}

pub fn project_import(vault: &Mutex<Vault>, path: &Path) -> CommandResult<ImportReport> {
    let mut vault = lock(vault)?;
    let report = vault.import_project(path)?;
    vault.remember_project(report.project.id)?;
    Ok(report)
}

pub fn export_dotenv_example(
    vault: &Mutex<Vault>,
    project_id: &str,
    path: &Path,
) -> CommandResult<String> {
    let project = parse_id(project_id, "projectId")?;
    lock(vault)?.export_dotenv_example(project, path)?;
    Ok(path.display().to_string())
}

pub fn pending_value_list(
    vault: &Mutex<Vault>,
    project_id: &str,
) -> CommandResult<Vec<PendingValue>> {
    let project = parse_id(project_id, "projectId")?;
    Ok(lock(vault)?.pending_values(project)?)
}

/// Sets a default (`environment_id: None`) or an environment's value during the re-entry.
pub fn pending_value_set(
    vault: &Mutex<Vault>,
    project_id: &str,
    secret_id: &str,
    environment_id: Option<&str>,
    value: SecretString,
) -> CommandResult<SecretRow> {
    let project = parse_id(project_id, "projectId")?;
    let secret = parse_id(secret_id, "secretId")?;
    let environment = environment_id
        .map(|id| parse_id(id, "environmentId"))
        .transpose()?;
    Ok(lock(vault)?.set_value(project, secret, environment, value)?)
}

/// A `.env` file chosen for import, held in the app between the preview and the import, so that
/// exactly what was previewed is imported and the web view never names a file itself.
struct HeldDotenv {
    token: String,
    project: uuid::Uuid,
    bytes: Zeroizing<Vec<u8>>,
}

#[derive(Default)]
pub struct DotenvHold(Mutex<Option<HeldDotenv>>);

/// Reads the chosen `.env` file, keeps its bytes, and previews the import (names only).
pub fn dotenv_preview(
    vault: &Mutex<Vault>,
    hold: &DotenvHold,
    project_id: &str,
    path: &Path,
) -> CommandResult<DotenvSelection> {
    let project = parse_id(project_id, "projectId")?;
    let bytes = Zeroizing::new(read_limited(path, MAX_FILE_BYTES, ".env file")?);
    let preview = lock(vault)?.preview_dotenv(project, &bytes)?;
    let token = uuid::Uuid::new_v4().to_string();
    *lock(&hold.0)? = Some(HeldDotenv {
        token: token.clone(),
        project,
        bytes,
    });
    Ok(DotenvSelection {
        token,
        file_name: file_name(path),
        preview,
    })
}

/// Imports the previewed file (all or nothing) and forgets it.
pub fn dotenv_import(
    vault: &Mutex<Vault>,
    hold: &DotenvHold,
    project_id: &str,
    token: &str,
    visibility: Visibility,
) -> CommandResult<DotenvImportReport> {
    let project = parse_id(project_id, "projectId")?;
    let held = {
        let mut slot = lock(&hold.0)?;
        match slot.take() {
            Some(held) if held.token == token && held.project == project => held,
            other => {
                *slot = other;
                return Err(CommandError::new(
                    crate::error::ErrorCode::NotFound,
                    "This .env preview is no longer open; choose the file again.",
                ));
            }
        }
    };
    Ok(lock(vault)?.import_dotenv(project, &held.bytes, visibility)?)
}

/// Forgets a previewed file without importing it.
pub fn dotenv_cancel(hold: &DotenvHold, token: &str) -> CommandResult<()> {
    let mut slot = lock(&hold.0)?;
    if slot.as_ref().is_some_and(|held| held.token == token) {
        *slot = None;
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| PathBuf::from(path).display().to_string())
}

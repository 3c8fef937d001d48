//! Project files and `.env` files through the native dialogs (opened in Rust; the web view gets
//! no file-system access and learns only the path the user picked). The vault is not locked
//! while a dialog is open.

use crate::dialogs::Purpose;
use crate::dto_transfer::DotenvSelection;
use crate::error::CommandResult;
use crate::shell::Shell;
use agent_secrets_core::app::current_project;
use agent_secrets_core::transfer::atomic::read_limited;
use agent_secrets_core::transfer::project_file::MAX_FILE_BYTES;
use agent_secrets_core::{DotenvImportReport, ImportReport, Visibility};
use std::path::Path;
use uuid::Uuid;
use zeroize::Zeroizing;

/// Exports the project to the file the user chooses; the written path, or `None` if cancelled.
pub fn project_export(shell: &Shell<'_>, project: Uuid) -> CommandResult<Option<String>> {
    let project_name = shell.with_vault(|vault| vault.project(project))?.name;
    let purpose = Purpose::ExportProject {
        project_name: &project_name,
    };
    let Some(path) = shell.files.choose(purpose) else {
        return Ok(None);
    };
    shell.with_vault(|vault| vault.export_project(project, &path))?;
    Ok(Some(path.display().to_string()))
}

/// Imports the project file the user chooses as a new, current project.
pub fn project_import(shell: &Shell<'_>) -> CommandResult<Option<ImportReport>> {
    let Some(path) = shell.files.choose(Purpose::ImportProject) else {
        return Ok(None);
    };
    shell
        .with_vault(|vault| current_project::import_project(vault, &path))
        .map(Some)
}

/// Writes the project's `.env.example` (names only) where the user chooses.
pub fn export_dotenv_example(shell: &Shell<'_>, project: Uuid) -> CommandResult<Option<String>> {
    let Some(path) = shell.files.choose(Purpose::ExportDotenvExample) else {
        return Ok(None);
    };
    shell.with_vault(|vault| vault.export_dotenv_example(project, &path))?;
    Ok(Some(path.display().to_string()))
}

/// Reads the `.env` file the user chooses, holds its bytes, and previews the import (names
/// only).
pub fn dotenv_preview(shell: &Shell<'_>, project: Uuid) -> CommandResult<Option<DotenvSelection>> {
    let Some(path) = shell.files.choose(Purpose::ImportDotenv) else {
        return Ok(None);
    };
    let bytes = Zeroizing::new(read_limited(&path, MAX_FILE_BYTES, ".env file")?);
    let preview = shell.with_vault(|vault| vault.preview_dotenv(project, &bytes))?;
    Ok(Some(DotenvSelection {
        token: shell.dotenv.hold(project, bytes)?,
        file_name: file_name(&path),
        preview,
    }))
}

/// Imports the previewed file (all or nothing) and forgets it.
pub fn dotenv_import(
    shell: &Shell<'_>,
    project: Uuid,
    token: &str,
    visibility: Visibility,
) -> CommandResult<DotenvImportReport> {
    let bytes = shell.dotenv.take(project, token)?;
    shell.with_vault(|vault| vault.import_dotenv(project, &bytes, visibility))
}

/// Forgets a previewed file without importing it.
pub fn dotenv_cancel(shell: &Shell<'_>, token: &str) -> CommandResult<()> {
    shell.dotenv.cancel(token)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

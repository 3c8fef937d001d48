//! The `#[tauri::command]`s: each takes its arguments from the web view (camelCase names) and
//! hands them to its body in `api`. Every one is declared in build.rs and granted in
//! capabilities/main.json. They are `async` so that they run off the UI thread (a keyring
//! prompt must not freeze the window).

use crate::api;
use crate::dto::{CopyReceipt, NewSecretInput, OverrideEditInput, SecretUpdateInput};
use crate::error::CommandResult;
use crate::state::AppState;
use agent_secrets_core::{Environment, ProjectSummary, SecretRow, Settings, VaultStatus};
use tauri::State;
use zeroize::Zeroizing;
// Steps and project variables.
use agent_secrets_core::http_send::StepResponse;
use agent_secrets_core::{Step, StepDefinition, StepKind, StepPreview, Variable};
use tauri::Manager;

#[tauri::command]
pub async fn vault_status(state: State<'_, AppState>) -> CommandResult<VaultStatus> {
    api::vault_status(state.vault.get_or_retry()?)
}

#[tauri::command]
pub async fn recovery_key_show(state: State<'_, AppState>) -> CommandResult<String> {
    api::recovery_key_show(state.vault.get()?)
}

#[tauri::command]
pub async fn recovery_key_confirm(state: State<'_, AppState>) -> CommandResult<VaultStatus> {
    api::recovery_key_confirm(state.vault.get()?)
}

#[tauri::command]
pub async fn recovery_restore(
    state: State<'_, AppState>,
    recovery_key: String,
) -> CommandResult<VaultStatus> {
    let recovery_key = Zeroizing::new(recovery_key);
    api::recovery_restore(state.vault.get()?, &recovery_key)
}

#[tauri::command]
pub async fn project_list(state: State<'_, AppState>) -> CommandResult<Vec<ProjectSummary>> {
    api::project_list(state.vault.get()?)
}

#[tauri::command]
pub async fn environment_list(
    state: State<'_, AppState>,
    project_id: String,
) -> CommandResult<Vec<Environment>> {
    api::environment_list(state.vault.get()?, &project_id)
}

#[tauri::command]
pub async fn environment_create(
    state: State<'_, AppState>,
    project_id: String,
    name: String,
) -> CommandResult<Environment> {
    api::environment_create(state.vault.get()?, &project_id, &name)
}

#[tauri::command]
pub async fn environment_rename(
    state: State<'_, AppState>,
    project_id: String,
    environment_id: String,
    name: String,
) -> CommandResult<Environment> {
    api::environment_rename(state.vault.get()?, &project_id, &environment_id, &name)
}

#[tauri::command]
pub async fn environment_delete(
    state: State<'_, AppState>,
    project_id: String,
    environment_id: String,
) -> CommandResult<()> {
    api::environment_delete(state.vault.get()?, &project_id, &environment_id)
}

#[tauri::command]
pub async fn overrides_save(
    state: State<'_, AppState>,
    project_id: String,
    environment_id: String,
    edits: Vec<OverrideEditInput>,
) -> CommandResult<Vec<SecretRow>> {
    api::overrides_save(state.vault.get()?, &project_id, &environment_id, edits)
}

#[tauri::command]
pub async fn secret_list(
    state: State<'_, AppState>,
    project_id: String,
) -> CommandResult<Vec<SecretRow>> {
    api::secret_list(state.vault.get()?, &project_id)
}

#[tauri::command]
pub async fn secret_create(
    state: State<'_, AppState>,
    project_id: String,
    input: NewSecretInput,
) -> CommandResult<SecretRow> {
    api::secret_create(state.vault.get()?, &project_id, input)
}

#[tauri::command]
pub async fn secret_update(
    state: State<'_, AppState>,
    project_id: String,
    secret_id: String,
    input: SecretUpdateInput,
) -> CommandResult<SecretRow> {
    api::secret_update(state.vault.get()?, &project_id, &secret_id, input)
}

#[tauri::command]
pub async fn secret_delete(
    state: State<'_, AppState>,
    project_id: String,
    secret_id: String,
) -> CommandResult<()> {
    api::secret_delete(state.vault.get()?, &project_id, &secret_id)
}

#[tauri::command]
pub async fn secret_reveal(
    state: State<'_, AppState>,
    project_id: String,
    secret_id: String,
    environment_id: Option<String>,
) -> CommandResult<String> {
    api::secret_reveal(
        state.vault.get()?,
        &project_id,
        &secret_id,
        environment_id.as_deref(),
    )
}

#[tauri::command]
pub async fn secret_copy(
    state: State<'_, AppState>,
    project_id: String,
    secret_id: String,
    environment_id: Option<String>,
) -> CommandResult<CopyReceipt> {
    api::secret_copy(
        state.vault.get()?,
        &state.clipboard,
        &project_id,
        &secret_id,
        environment_id.as_deref(),
    )
}

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> CommandResult<Settings> {
    api::settings_get(state.vault.get()?)
}

#[tauri::command]
pub async fn step_list(state: State<'_, AppState>, project_id: String) -> CommandResult<Vec<Step>> {
    api::step_list(state.vault.get()?, &project_id)
}

#[tauri::command]
pub async fn step_create(
    state: State<'_, AppState>,
    project_id: String,
    name: String,
    kind: StepKind,
) -> CommandResult<Step> {
    api::step_create(state.vault.get()?, &project_id, &name, kind)
}

#[tauri::command]
pub async fn step_update(
    state: State<'_, AppState>,
    project_id: String,
    step_id: String,
    definition: StepDefinition,
) -> CommandResult<Step> {
    api::step_update(state.vault.get()?, &project_id, &step_id, definition)
}

#[tauri::command]
pub async fn step_rename(
    state: State<'_, AppState>,
    project_id: String,
    step_id: String,
    name: String,
) -> CommandResult<Step> {
    api::step_rename(state.vault.get()?, &project_id, &step_id, &name)
}

#[tauri::command]
pub async fn step_delete(
    state: State<'_, AppState>,
    project_id: String,
    step_id: String,
) -> CommandResult<()> {
    api::step_delete(state.vault.get()?, &project_id, &step_id)
}

#[tauri::command]
pub async fn step_preview(
    state: State<'_, AppState>,
    project_id: String,
    step_id: String,
    environment_id: String,
) -> CommandResult<StepPreview> {
    api::step_preview(state.vault.get()?, &project_id, &step_id, &environment_id)
}

/// The request may take up to its timeout: it runs on a blocking thread, and the vault is
/// locked only while it is prepared.
#[tauri::command]
pub async fn step_send(
    app: tauri::AppHandle,
    project_id: String,
    step_id: String,
    environment_id: String,
) -> CommandResult<StepResponse> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        api::step_send(state.vault.get()?, &project_id, &step_id, &environment_id)
    })
    .await
    .map_err(api::join_failed)?
}

#[tauri::command]
pub async fn variable_list(
    state: State<'_, AppState>,
    project_id: String,
) -> CommandResult<Vec<Variable>> {
    api::variable_list(state.vault.get()?, &project_id)
}

#[tauri::command]
pub async fn variable_set(
    state: State<'_, AppState>,
    project_id: String,
    name: String,
    value: String,
) -> CommandResult<Variable> {
    api::variable_set(state.vault.get()?, &project_id, &name, &value)
}

#[tauri::command]
pub async fn variable_delete(
    state: State<'_, AppState>,
    project_id: String,
    name: String,
) -> CommandResult<()> {
    api::variable_delete(state.vault.get()?, &project_id, &name)
}

// ---- Projects and transfer (file dialogs are opened here, in Rust; see dialogs.rs) ----

#[tauri::command]
pub async fn project_create(
    state: State<'_, AppState>,
    name: String,
) -> CommandResult<ProjectSummary> {
    api::project_create(state.vault.get()?, &name)
}

#[tauri::command]
pub async fn project_rename(
    state: State<'_, AppState>,
    project_id: String,
    name: String,
) -> CommandResult<ProjectSummary> {
    api::project_rename(state.vault.get()?, &project_id, &name)
}

#[tauri::command]
pub async fn project_delete(state: State<'_, AppState>, project_id: String) -> CommandResult<()> {
    api::project_delete(state.vault.get()?, &project_id)
}

#[tauri::command]
pub async fn project_select(
    state: State<'_, AppState>,
    project_id: String,
) -> CommandResult<ProjectSummary> {
    api::project_select(state.vault.get()?, &project_id)
}

#[tauri::command]
pub async fn project_current(state: State<'_, AppState>) -> CommandResult<Option<ProjectSummary>> {
    api::project_current(state.vault.get()?)
}

#[tauri::command]
pub async fn project_duplicate(
    state: State<'_, AppState>,
    project_id: String,
) -> CommandResult<agent_secrets_core::ImportReport> {
    api::project_duplicate(state.vault.get()?, &project_id)
}

/// Opens a save dialog; `null` when the user cancels.
#[tauri::command]
pub async fn project_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    project_id: String,
) -> CommandResult<Option<String>> {
    let project_name = api::project_name(state.vault.get()?, &project_id)?;
    let purpose = crate::dialogs::Purpose::ExportProject {
        project_name: &project_name,
    };
    match crate::dialogs::choose(&app, purpose) {
        Some(path) => api::project_export(state.vault.get()?, &project_id, &path).map(Some),
        None => Ok(None),
    }
}

/// Opens an open dialog; `null` when the user cancels.
#[tauri::command]
pub async fn project_import(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<agent_secrets_core::ImportReport>> {
    match crate::dialogs::choose(&app, crate::dialogs::Purpose::ImportProject) {
        Some(path) => api::project_import(state.vault.get()?, &path).map(Some),
        None => Ok(None),
    }
}

/// Opens a save dialog for `.env.example`; `null` when the user cancels.
#[tauri::command]
pub async fn export_dotenv_example(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    project_id: String,
) -> CommandResult<Option<String>> {
    match crate::dialogs::choose(&app, crate::dialogs::Purpose::ExportDotenvExample) {
        Some(path) => api::export_dotenv_example(state.vault.get()?, &project_id, &path).map(Some),
        None => Ok(None),
    }
}

/// Opens an open dialog for a `.env` file and previews its import; `null` when cancelled.
#[tauri::command]
pub async fn dotenv_preview(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    hold: State<'_, api::DotenvHold>,
    project_id: String,
) -> CommandResult<Option<crate::dto_transfer::DotenvSelection>> {
    match crate::dialogs::choose(&app, crate::dialogs::Purpose::ImportDotenv) {
        Some(path) => api::dotenv_preview(state.vault.get()?, &hold, &project_id, &path).map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn dotenv_import(
    state: State<'_, AppState>,
    hold: State<'_, api::DotenvHold>,
    project_id: String,
    token: String,
    visibility: agent_secrets_core::Visibility,
) -> CommandResult<agent_secrets_core::DotenvImportReport> {
    api::dotenv_import(state.vault.get()?, &hold, &project_id, &token, visibility)
}

#[tauri::command]
pub async fn dotenv_cancel(hold: State<'_, api::DotenvHold>, token: String) -> CommandResult<()> {
    api::dotenv_cancel(&hold, &token)
}

#[tauri::command]
pub async fn pending_value_list(
    state: State<'_, AppState>,
    project_id: String,
) -> CommandResult<Vec<agent_secrets_core::PendingValue>> {
    api::pending_value_list(state.vault.get()?, &project_id)
}

#[tauri::command]
pub async fn pending_value_set(
    state: State<'_, AppState>,
    project_id: String,
    secret_id: String,
    environment_id: Option<String>,
    value: String,
) -> CommandResult<SecretRow> {
    let value = agent_secrets_core::SecretString::from(value);
    api::pending_value_set(
        state.vault.get()?,
        &project_id,
        &secret_id,
        environment_id.as_deref(),
        value,
    )
}

// Leak scan: "Scan for leaks" (api/scan.rs).

/// Opens the native folder dialog; the folder is kept in Rust for `scan_start`. `null` when
/// the user cancels.
#[tauri::command]
pub async fn scan_choose_folder(
    app: tauri::AppHandle,
    scans: State<'_, api::ScanJobs>,
) -> CommandResult<Option<String>> {
    match crate::dialogs::choose(&app, crate::dialogs::Purpose::ScanFolder) {
        Some(folder) => api::scan_set_folder(&scans, folder).map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn scan_start(
    state: State<'_, AppState>,
    scans: State<'_, api::ScanJobs>,
    project_id: String,
    git_history: bool,
    agents: bool,
) -> CommandResult<api::ScanStatus> {
    api::scan_start(state.vault.get()?, &scans, &project_id, git_history, agents)
}

#[tauri::command]
pub async fn scan_status(scans: State<'_, api::ScanJobs>) -> CommandResult<api::ScanStatus> {
    api::scan_status(&scans)
}

#[tauri::command]
pub async fn scan_open_folder(scans: State<'_, api::ScanJobs>, index: u32) -> CommandResult<()> {
    api::scan_open_folder(&scans, index as usize)
}

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

//! The one list of the app's commands. Each entry is a command: its arguments (read into their
//! types; ids are `Uuid`s), its answer, and its body — given the vault, already locked
//! (`vault: Vault`), or the whole `Shell` (`shell: Shell`: clipboard, dialogs, the held `.env`
//! file, the vault for part of the work). `app_commands!` (command_table.rs) makes the Tauri
//! wrappers and `handler()` from it, and bindings.rs the TypeScript wrappers (grouped by the
//! file named above each block) and the capability granting each command to the main window.
//! Bodies stay one call: longer ones live in `api`, rules in the core.

use crate::api;
use crate::command_table::app_commands;
use crate::dto::{CopyReceipt, NewSecretInput, OverrideEditInput, SecretUpdateInput};
use crate::dto_transfer::DotenvSelection;
use agent_secrets_core::app::{current_project, first_project};
use agent_secrets_core::http_send::StepResponse;
use agent_secrets_core::{
    DotenvImportReport, Environment, ExposeSecret, ImportReport, PendingValue, ProjectSummary,
    SecretRow, SecretString, Settings, Step, StepDefinition, StepKind, StepPreview, Variable,
    VaultStatus, Visibility,
};
use uuid::Uuid;
use zeroize::Zeroizing;

app_commands! {
    "commands.ts" {
        /// The vault's state; if it could not be opened, why (then, called again, it retries).
        fn vault_status(shell: Shell) -> VaultStatus { api::vault_status(shell) }

        fn recovery_key_show(vault: Vault) -> String {
            vault.recovery_key().map(|key| key.as_str().to_owned())
        }

        fn recovery_key_confirm(vault: Vault) -> VaultStatus {
            vault.confirm_recovery_key_saved().and_then(|()| vault.status())
        }

        fn recovery_restore(vault: Vault, recovery_key: String) -> VaultStatus {
            first_project::restore_with_recovery_key(vault, &Zeroizing::new(recovery_key))
        }

        fn project_list(vault: Vault) -> Vec<ProjectSummary> { vault.list_projects() }

        fn environment_list(vault: Vault, project_id: Uuid) -> Vec<Environment> {
            vault.list_environments(project_id)
        }

        /// Adds a custom environment (after the others).
        fn environment_create(vault: Vault, project_id: Uuid, name: String) -> Environment {
            vault.create_environment(project_id, &name)
        }

        /// Renames a custom environment. The built-ins are refused.
        fn environment_rename(
            vault: Vault, project_id: Uuid, environment_id: Uuid, name: String,
        ) -> Environment {
            vault.rename_environment(project_id, environment_id, &name)
        }

        /// Deletes a custom environment and its overrides. The built-ins are refused.
        fn environment_delete(vault: Vault, project_id: Uuid, environment_id: Uuid) -> () {
            vault.delete_environment(project_id, environment_id)
        }

        /// Applies every edit for one environment in one transaction; answers the updated table.
        fn overrides_save(
            vault: Vault, project_id: Uuid, environment_id: Uuid, edits: Vec<OverrideEditInput>,
        ) -> Vec<SecretRow> {
            let edits = edits.into_iter().map(Into::into).collect();
            vault
                .apply_overrides(project_id, environment_id, edits)
                .and_then(|()| vault.list_secrets(project_id))
        }

        fn secret_list(vault: Vault, project_id: Uuid) -> Vec<SecretRow> {
            vault.list_secrets(project_id)
        }

        fn secret_create(vault: Vault, project_id: Uuid, input: NewSecretInput) -> SecretRow {
            vault.create_secret(project_id, input.into())
        }

        fn secret_update(
            vault: Vault, project_id: Uuid, secret_id: Uuid, input: SecretUpdateInput,
        ) -> SecretRow {
            vault.update_secret(project_id, secret_id, input.into())
        }

        fn secret_delete(vault: Vault, project_id: Uuid, secret_id: Uuid) -> () {
            vault.delete_secret(project_id, secret_id)
        }

        /// The value of a Masked secret resolved for one environment (the default without one).
        /// Restricted secrets are refused.
        fn secret_reveal(
            vault: Vault, project_id: Uuid, secret_id: Uuid, environment_id: Option<Uuid>,
        ) -> String {
            vault
                .reveal(project_id, secret_id, environment_id)
                .map(|value| value.expose_secret().to_owned())
        }

        /// Copies the resolved value to the clipboard in Rust; the value never reaches the UI.
        fn secret_copy(
            shell: Shell, project_id: Uuid, secret_id: Uuid, environment_id: Option<Uuid>,
        ) -> CopyReceipt {
            api::secret_copy(shell, project_id, secret_id, environment_id)
        }

        fn settings_get(vault: Vault) -> Settings { vault.settings() }

        fn step_list(vault: Vault, project_id: Uuid) -> Vec<Step> { vault.list_steps(project_id) }

        /// A new, empty step of `kind`.
        fn step_create(vault: Vault, project_id: Uuid, name: String, kind: StepKind) -> Step {
            vault.create_step(project_id, &name, StepDefinition::empty(kind))
        }

        fn step_update(
            vault: Vault, project_id: Uuid, step_id: Uuid, definition: StepDefinition,
        ) -> Step {
            vault.update_step(project_id, step_id, definition)
        }

        fn step_rename(vault: Vault, project_id: Uuid, step_id: Uuid, name: String) -> Step {
            vault.rename_step(project_id, step_id, &name)
        }

        fn step_delete(vault: Vault, project_id: Uuid, step_id: Uuid) -> () {
            vault.delete_step(project_id, step_id)
        }

        /// The step with its references shown for one environment; secrets come as placeholders.
        fn step_preview(
            vault: Vault, project_id: Uuid, step_id: Uuid, environment_id: Uuid,
        ) -> StepPreview {
            vault.preview_step(project_id, step_id, environment_id)
        }

        /// Sends an API step from Rust; the response comes back with every secret value redacted.
        fn step_send(
            shell: Shell, project_id: Uuid, step_id: Uuid, environment_id: Uuid,
        ) -> StepResponse {
            api::step_send(shell, project_id, step_id, environment_id)
        }

        fn variable_list(vault: Vault, project_id: Uuid) -> Vec<Variable> {
            vault.list_variables(project_id)
        }

        /// Creates the variable or replaces its value.
        fn variable_set(vault: Vault, project_id: Uuid, name: String, value: String) -> Variable {
            vault.set_variable(project_id, &name, &value)
        }

        fn variable_delete(vault: Vault, project_id: Uuid, name: String) -> () {
            vault.delete_variable(project_id, &name)
        }
    }

    "projectCommands.ts" {
        /// Creates a project (with Development and Production) and switches to it.
        fn project_create(vault: Vault, name: String) -> ProjectSummary {
            current_project::create_project(vault, &name)
        }

        fn project_rename(vault: Vault, project_id: Uuid, name: String) -> ProjectSummary {
            vault.rename_project(project_id, &name)
        }

        /// Deletes a project; deleting the last one leaves a new, empty "My Agent".
        fn project_delete(vault: Vault, project_id: Uuid) -> () {
            first_project::delete_project(vault, project_id)
        }

        /// Switches to a project; the vault remembers it as the current one (the CLI uses it too).
        fn project_select(vault: Vault, project_id: Uuid) -> ProjectSummary {
            current_project::select_project(vault, project_id)
        }

        /// The last used project, else the first; null when the vault has none.
        fn project_current(vault: Vault) -> Option<ProjectSummary> {
            current_project::current_project(vault)
        }

        /// Duplicates a project (names, never values) and switches to the copy.
        fn project_duplicate(vault: Vault, project_id: Uuid) -> ImportReport {
            current_project::duplicate_project(vault, project_id)
        }

        /// Opens the save dialog; resolves to the written path, or null when cancelled.
        fn project_export(shell: Shell, project_id: Uuid) -> Option<String> {
            api::project_export(shell, project_id)
        }

        /// Opens the open dialog; resolves to the new project, or null when cancelled.
        fn project_import(shell: Shell) -> Option<ImportReport> { api::project_import(shell) }

        /// Opens the save dialog for `.env.example`; the written path, or null when cancelled.
        fn export_dotenv_example(shell: Shell, project_id: Uuid) -> Option<String> {
            api::export_dotenv_example(shell, project_id)
        }

        /// Opens the open dialog for a .env file and previews its import (names only).
        fn dotenv_preview(shell: Shell, project_id: Uuid) -> Option<DotenvSelection> {
            api::dotenv_preview(shell, project_id)
        }

        /// Imports the previewed .env file (all or nothing).
        fn dotenv_import(
            shell: Shell, project_id: Uuid, token: String, visibility: Visibility,
        ) -> DotenvImportReport {
            api::dotenv_import(shell, project_id, &token, visibility)
        }

        fn dotenv_cancel(shell: Shell, token: String) -> () { api::dotenv_cancel(shell, &token) }

        fn pending_value_list(vault: Vault, project_id: Uuid) -> Vec<PendingValue> {
            vault.pending_values(project_id)
        }

        /// Sets the default (environmentId null) or an environment's value during the re-entry.
        fn pending_value_set(
            vault: Vault, project_id: Uuid, secret_id: Uuid, environment_id: Option<Uuid>,
            value: String,
        ) -> SecretRow {
            vault.set_value(project_id, secret_id, environment_id, SecretString::from(value))
        }
    }
    "commands.ts" {
        /// Opens the native folder dialog for "Scan for leaks"; the folder is kept in Rust for
        /// `scan_start`. `null` when the user cancels.
        fn scan_choose_folder(shell: Shell) -> Option<String> { api::scan_choose_folder(shell) }

        /// Starts scanning the chosen folder for every stored value of the project.
        fn scan_start(
            shell: Shell, project_id: Uuid, git_history: bool, agents: bool,
        ) -> api::ScanStatus {
            api::scan_start(shell, project_id, git_history, agents)
        }

        /// The chosen folder and the scan's progress or findings (names, never values).
        fn scan_status(shell: Shell) -> api::ScanStatus { api::scan_status(shell.scans) }

        /// Opens the folder of finding number `index` of the last scan in the file manager.
        fn scan_open_folder(shell: Shell, index: u32) -> () {
            api::scan_open_folder(shell.scans, index as usize)
        }
    }
}

// One typed wrapper per back-end command. The UI talks to Rust only through these.
// Every command rejects with an AppError; use `toAppError` on a caught value.
// GENERATED from the command table (src-tauri/src/commands.rs) by src-tauri/src/bindings.rs:
// do not edit. To regenerate, run
//   UPDATE_BINDINGS=1 cargo test -p agent-secrets-desktop --test bindings
import { invoke } from "@tauri-apps/api/core";
import type { CopyReceipt, Environment, NewSecret, OverrideEdit, ProjectSummary, ScanStatus, SecretRow, SecretUpdate, Settings, Step, StepDefinition, StepKind, StepPreview, StepResponse, Variable, VaultStatus } from "./types";

/** The vault's state; if it could not be opened, why (then, called again, it retries). */
export function vaultStatus(): Promise<VaultStatus> {
  return invoke<VaultStatus>("vault_status");
}

export function recoveryKeyShow(): Promise<string> {
  return invoke<string>("recovery_key_show");
}

export function recoveryKeyConfirm(): Promise<VaultStatus> {
  return invoke<VaultStatus>("recovery_key_confirm");
}

export function recoveryRestore(recoveryKey: string): Promise<VaultStatus> {
  return invoke<VaultStatus>("recovery_restore", { recoveryKey });
}

export function projectList(): Promise<Array<ProjectSummary>> {
  return invoke<Array<ProjectSummary>>("project_list");
}

export function environmentList(projectId: string): Promise<Array<Environment>> {
  return invoke<Array<Environment>>("environment_list", { projectId });
}

/** Adds a custom environment (after the others). */
export function environmentCreate(projectId: string, name: string): Promise<Environment> {
  return invoke<Environment>("environment_create", { projectId, name });
}

/** Renames a custom environment. The built-ins are refused. */
export function environmentRename(projectId: string, environmentId: string, name: string): Promise<Environment> {
  return invoke<Environment>("environment_rename", { projectId, environmentId, name });
}

/** Deletes a custom environment and its overrides. The built-ins are refused. */
export async function environmentDelete(projectId: string, environmentId: string): Promise<void> {
  await invoke<null>("environment_delete", { projectId, environmentId });
}

/** Applies every edit for one environment in one transaction; answers the updated table. */
export function overridesSave(projectId: string, environmentId: string, edits: Array<OverrideEdit>): Promise<Array<SecretRow>> {
  return invoke<Array<SecretRow>>("overrides_save", { projectId, environmentId, edits });
}

export function secretList(projectId: string): Promise<Array<SecretRow>> {
  return invoke<Array<SecretRow>>("secret_list", { projectId });
}

export function secretCreate(projectId: string, input: NewSecret): Promise<SecretRow> {
  return invoke<SecretRow>("secret_create", { projectId, input });
}

export function secretUpdate(projectId: string, secretId: string, input: SecretUpdate): Promise<SecretRow> {
  return invoke<SecretRow>("secret_update", { projectId, secretId, input });
}

export async function secretDelete(projectId: string, secretId: string): Promise<void> {
  await invoke<null>("secret_delete", { projectId, secretId });
}

/**
 * The value of a Masked secret resolved for one environment (the default without one).
 * Restricted secrets are refused.
 */
export function secretReveal(projectId: string, secretId: string, environmentId: string | null): Promise<string> {
  return invoke<string>("secret_reveal", { projectId, secretId, environmentId });
}

/** Copies the resolved value to the clipboard in Rust; the value never reaches the UI. */
export function secretCopy(projectId: string, secretId: string, environmentId: string | null): Promise<CopyReceipt> {
  return invoke<CopyReceipt>("secret_copy", { projectId, secretId, environmentId });
}

export function settingsGet(): Promise<Settings> {
  return invoke<Settings>("settings_get");
}

export function stepList(projectId: string): Promise<Array<Step>> {
  return invoke<Array<Step>>("step_list", { projectId });
}

/** A new, empty step of `kind`. */
export function stepCreate(projectId: string, name: string, kind: StepKind): Promise<Step> {
  return invoke<Step>("step_create", { projectId, name, kind });
}

export function stepUpdate(projectId: string, stepId: string, definition: StepDefinition): Promise<Step> {
  return invoke<Step>("step_update", { projectId, stepId, definition });
}

export function stepRename(projectId: string, stepId: string, name: string): Promise<Step> {
  return invoke<Step>("step_rename", { projectId, stepId, name });
}

export async function stepDelete(projectId: string, stepId: string): Promise<void> {
  await invoke<null>("step_delete", { projectId, stepId });
}

/** The step with its references shown for one environment; secrets come as placeholders. */
export function stepPreview(projectId: string, stepId: string, environmentId: string): Promise<StepPreview> {
  return invoke<StepPreview>("step_preview", { projectId, stepId, environmentId });
}

/** Sends an API step from Rust; the response comes back with every secret value redacted. */
export function stepSend(projectId: string, stepId: string, environmentId: string): Promise<StepResponse> {
  return invoke<StepResponse>("step_send", { projectId, stepId, environmentId });
}

export function variableList(projectId: string): Promise<Array<Variable>> {
  return invoke<Array<Variable>>("variable_list", { projectId });
}

/** Creates the variable or replaces its value. */
export function variableSet(projectId: string, name: string, value: string): Promise<Variable> {
  return invoke<Variable>("variable_set", { projectId, name, value });
}

export async function variableDelete(projectId: string, name: string): Promise<void> {
  await invoke<null>("variable_delete", { projectId, name });
}

/**
 * Opens the native folder dialog for "Scan for leaks"; the folder is kept in Rust for
 * `scan_start`. `null` when the user cancels.
 */
export function scanChooseFolder(): Promise<string | null> {
  return invoke<string | null>("scan_choose_folder");
}

/** Starts scanning the chosen folder for every stored value of the project. */
export function scanStart(projectId: string, gitHistory: boolean, agents: boolean): Promise<ScanStatus> {
  return invoke<ScanStatus>("scan_start", { projectId, gitHistory, agents });
}

/** The chosen folder and the scan's progress or findings (names, never values). */
export function scanStatus(): Promise<ScanStatus> {
  return invoke<ScanStatus>("scan_status");
}

/** Opens the folder of finding number `index` of the last scan in the file manager. */
export async function scanOpenFolder(index: number): Promise<void> {
  await invoke<null>("scan_open_folder", { index });
}

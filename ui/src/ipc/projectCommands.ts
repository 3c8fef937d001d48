// Typed wrappers for the project and transfer commands (projects, project files, .env, the
// guided re-entry). File dialogs open in Rust: these calls never pass a path.
// GENERATED from the command table (src-tauri/src/commands.rs) by src-tauri/src/bindings.rs:
// do not edit. To regenerate, run
//   UPDATE_BINDINGS=1 cargo test -p agent-secrets-desktop --test bindings
import { invoke } from "@tauri-apps/api/core";
import type { DotenvImportReport, DotenvSelection, ImportReport, PendingValue, ProjectSummary, SecretRow, Visibility } from "./types";

/** Creates a project (with Development and Production) and switches to it. */
export function projectCreate(name: string): Promise<ProjectSummary> {
  return invoke<ProjectSummary>("project_create", { name });
}

export function projectRename(projectId: string, name: string): Promise<ProjectSummary> {
  return invoke<ProjectSummary>("project_rename", { projectId, name });
}

/** Deletes a project; deleting the last one leaves a new, empty "My Agent". */
export async function projectDelete(projectId: string): Promise<void> {
  await invoke<null>("project_delete", { projectId });
}

/** Switches to a project; the vault remembers it as the current one (the CLI uses it too). */
export function projectSelect(projectId: string): Promise<ProjectSummary> {
  return invoke<ProjectSummary>("project_select", { projectId });
}

/** The last used project, else the first; null when the vault has none. */
export function projectCurrent(): Promise<ProjectSummary | null> {
  return invoke<ProjectSummary | null>("project_current");
}

/** Duplicates a project (names, never values) and switches to the copy. */
export function projectDuplicate(projectId: string): Promise<ImportReport> {
  return invoke<ImportReport>("project_duplicate", { projectId });
}

/** Opens the save dialog; resolves to the written path, or null when cancelled. */
export function projectExport(projectId: string): Promise<string | null> {
  return invoke<string | null>("project_export", { projectId });
}

/** Opens the open dialog; resolves to the new project, or null when cancelled. */
export function projectImport(): Promise<ImportReport | null> {
  return invoke<ImportReport | null>("project_import");
}

/** Opens the save dialog for `.env.example`; the written path, or null when cancelled. */
export function exportDotenvExample(projectId: string): Promise<string | null> {
  return invoke<string | null>("export_dotenv_example", { projectId });
}

/** Opens the open dialog for a .env file and previews its import (names only). */
export function dotenvPreview(projectId: string): Promise<DotenvSelection | null> {
  return invoke<DotenvSelection | null>("dotenv_preview", { projectId });
}

/** Imports the previewed .env file (all or nothing). */
export function dotenvImport(projectId: string, token: string, visibility: Visibility): Promise<DotenvImportReport> {
  return invoke<DotenvImportReport>("dotenv_import", { projectId, token, visibility });
}

export async function dotenvCancel(token: string): Promise<void> {
  await invoke<null>("dotenv_cancel", { token });
}

export function pendingValueList(projectId: string): Promise<Array<PendingValue>> {
  return invoke<Array<PendingValue>>("pending_value_list", { projectId });
}

/** Sets the default (environmentId null) or an environment's value during the re-entry. */
export function pendingValueSet(projectId: string, secretId: string, environmentId: string | null, value: string): Promise<SecretRow> {
  return invoke<SecretRow>("pending_value_set", { projectId, secretId, environmentId, value });
}

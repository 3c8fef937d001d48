// Typed wrappers for the project and transfer commands (projects, project files, .env, the
// guided re-entry). File dialogs open in Rust: these calls never pass a path.
import { invoke } from "@tauri-apps/api/core";
import type {
  DotenvImportReport,
  DotenvSelection,
  ImportReport,
  PendingValue,
  ProjectSummary,
  SecretRow,
  Visibility,
} from "./types";

export function projectCreate(name: string): Promise<ProjectSummary> {
  return invoke<ProjectSummary>("project_create", { name });
}

export function projectRename(projectId: string, name: string): Promise<ProjectSummary> {
  return invoke<ProjectSummary>("project_rename", { projectId, name });
}

export async function projectDelete(projectId: string): Promise<void> {
  await invoke<null>("project_delete", { projectId });
}

/** Switches to a project; the vault remembers it as the last used one. */
export function projectSelect(projectId: string): Promise<ProjectSummary> {
  return invoke<ProjectSummary>("project_select", { projectId });
}

/** The last used project, else the first; null when the vault has none. */
export function projectCurrent(): Promise<ProjectSummary | null> {
  return invoke<ProjectSummary | null>("project_current");
}

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

export function exportDotenvExample(projectId: string): Promise<string | null> {
  return invoke<string | null>("export_dotenv_example", { projectId });
}

/** Opens the open dialog for a .env file and previews its import (names only). */
export function dotenvPreview(projectId: string): Promise<DotenvSelection | null> {
  return invoke<DotenvSelection | null>("dotenv_preview", { projectId });
}

export function dotenvImport(projectId: string, token: string, visibility: Visibility): Promise<DotenvImportReport> {
  return invoke<DotenvImportReport>("dotenv_import", { projectId, token, visibility });
}

export async function dotenvCancel(token: string): Promise<void> {
  await invoke<null>("dotenv_cancel", { token });
}

export function pendingValueList(projectId: string): Promise<PendingValue[]> {
  return invoke<PendingValue[]>("pending_value_list", { projectId });
}

/** Sets the default (environmentId null) or an environment's value during the re-entry. */
export function pendingValueSet(
  projectId: string,
  secretId: string,
  environmentId: string | null,
  value: string,
): Promise<SecretRow> {
  return invoke<SecretRow>("pending_value_set", { projectId, secretId, environmentId, value });
}

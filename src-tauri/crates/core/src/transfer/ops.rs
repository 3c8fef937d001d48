//! The vault side of transfer: a project as a [`ProjectFile`] (names only), duplicate, export,
//! import, `.env` preview and import, `.env.example`, the pending values an import leaves for
//! the guided re-entry, and the last used project.

use crate::environments::builtin_name;
use crate::error::{Error, Result};
use crate::model::{EnvironmentKind, ProjectSummary, SecretRow, Visibility};
use crate::names::check_value;
use crate::secrets::default_aad;
use crate::store::secrets::NewSecretRow;
use crate::store::{self, now_ms};
use crate::transfer::atomic;
use crate::transfer::dotenv::{self, InvalidLine};
use crate::transfer::project_file::{
    FileEnvironment, FileSecret, FileStep, FileVariable, ProjectFile, MAX_FILE_BYTES,
};
use crate::vault::Vault;
use crate::{SecretString, SecretUpdate};
use secrecy::ExposeSecret;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;
use uuid::Uuid;

/// What an import or a duplicate created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub project: ProjectSummary,
    /// Secrets with at least one pending value ("N secrets need values").
    pub needs_values: u32,
    /// Pending values in all: defaults plus environment overrides to re-enter.
    pub pending_values: u32,
}

/// A place where the source of an import had a value and this project has none yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PendingValue {
    #[ts(type = "string")]
    pub secret_id: Uuid,
    pub secret_name: String,
    pub visibility: Visibility,
    /// `null`: the default value.
    #[ts(type = "string | null")]
    pub environment_id: Option<Uuid>,
    /// `null` for the default value.
    pub environment_name: Option<String>,
}

/// What a `.env` import would do: names only, never values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DotenvPreview {
    pub entries: Vec<DotenvPreviewEntry>,
    /// Lines that cannot be imported; while there is one, the import changes nothing.
    pub invalid: Vec<InvalidLine>,
}

impl DotenvPreview {
    /// Why nothing can be imported while a line is invalid, or `None` when every line imports.
    /// `source` names the file; `layout` lays out the `line N: why` items after the colon (the
    /// CLI lists them one per line, the app inline).
    pub fn rejection(
        &self,
        source: &str,
        layout: impl FnOnce(&[String]) -> String,
    ) -> Option<Error> {
        if self.invalid.is_empty() {
            return None;
        }
        let lines: Vec<String> = self
            .invalid
            .iter()
            .map(|i| format!("line {}: {}", i.line, i.message))
            .collect();
        Some(Error::Invalid {
            field: None,
            message: format!(
                "{source} has {} line(s) that cannot be imported, so nothing was imported:{}",
                lines.len(),
                layout(&lines)
            ),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DotenvPreviewEntry {
    pub line: u32,
    pub name: String,
    /// The visibility of the existing secret whose default value this line replaces, or `null`
    /// when the line creates a new secret (with the visibility chosen for the import).
    pub existing: Option<Visibility>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DotenvImportReport {
    pub created: u32,
    pub updated: u32,
}

impl Vault {
    /// The project as a project file: names, visibilities, environments, where values exist
    /// (or are still pending), variables, steps — never a value. Allowed on a locked vault.
    pub fn project_file(&self, project: Uuid) -> Result<ProjectFile> {
        let summary = self.project(project)?;
        let environments = self.list_environments(project)?;
        let env_names: HashMap<Uuid, &str> = environments
            .iter()
            .map(|e| (e.id, e.name.as_str()))
            .collect();
        let pending = self.pending_by_secret(project)?;
        let mut secrets = Vec::new();
        for row in self.list_secrets(project)? {
            let (pending_default, pending_in) = pending.get(&row.id).cloned().unwrap_or_default();
            let overridden_in = environments
                .iter()
                .filter(|env| row.overridden_in.contains(&env.id) || pending_in.contains(&env.id))
                .map(|env| env_names[&env.id].to_owned())
                .collect();
            secrets.push(FileSecret {
                name: row.name,
                visibility: row.visibility,
                has_default: row.has_default || pending_default,
                overridden_in,
            });
        }
        Ok(ProjectFile {
            name: summary.name,
            environments: environments
                .iter()
                .map(|e| FileEnvironment {
                    name: e.name.clone(),
                    kind: e.kind,
                })
                .collect(),
            secrets,
            variables: self
                .list_variables(project)?
                .into_iter()
                .map(|v| FileVariable {
                    name: v.name,
                    text: v.value,
                })
                .collect(),
            steps: self
                .list_steps(project)?
                .into_iter()
                .map(|s| FileStep {
                    name: s.name,
                    definition: s.definition,
                })
                .collect(),
        })
    }

    /// Writes the project file to `path` atomically (mode 0600).
    pub fn export_project(&self, project: Uuid, path: &Path) -> Result<()> {
        let text = self.project_file(project)?.to_json();
        atomic::write(path, text.as_bytes())
    }

    /// A new project "<name> (copy)" with the same names, visibilities, environments,
    /// override markers, variables and steps, and no secret values.
    pub fn duplicate_project(&mut self, project: Uuid) -> Result<ImportReport> {
        self.require_unlocked()?;
        let file = self.project_file(project)?;
        let name = with_suffix(&file.name, " (copy)");
        self.create_from_file(&file, &name)
    }

    /// Creates a new project from a project file's bytes; all or nothing.
    pub fn import_project_bytes(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        self.require_unlocked()?;
        let file = ProjectFile::parse(bytes)?;
        let name = file.name.clone();
        self.create_from_file(&file, &name)
    }

    /// Reads `path` (at most 10 MiB) and imports it.
    pub fn import_project(&mut self, path: &Path) -> Result<ImportReport> {
        self.require_unlocked()?;
        let bytes = atomic::read_limited(path, MAX_FILE_BYTES, "project file")?;
        self.import_project_bytes(&bytes)
    }

    /// One transaction: the project under a free name (`name`, else `name (2)`, …), its
    /// environments, its secrets without values, pending markers where the file says values
    /// were, its variables and its steps.
    fn create_from_file(&mut self, file: &ProjectFile, name: &str) -> Result<ImportReport> {
        self.require_unlocked()?;
        let name = self.free_project_name(name)?;
        let project = Uuid::new_v4();
        let now = now_ms();
        let tx = self.conn.transaction()?;
        store::projects::insert(&tx, project, &name, now)?;
        let mut env_ids: HashMap<String, Uuid> = HashMap::new();
        let mut environments: Vec<&FileEnvironment> = file.environments.iter().collect();
        // Built-ins first, as a new project has them; custom ones keep their order.
        environments.sort_by_key(|e| match e.kind {
            EnvironmentKind::Development => 0,
            EnvironmentKind::Production => 1,
            EnvironmentKind::Custom => 2,
        });
        for (position, env) in environments.iter().enumerate() {
            let env_name = match env.kind {
                EnvironmentKind::Custom => env.name.as_str(),
                builtin => builtin_name(builtin),
            };
            let id = store::environments::insert(&tx, project, env_name, env.kind, position)?;
            env_ids.insert(env.name.to_ascii_lowercase(), id);
        }
        let mut pending_values = 0u32;
        let mut needs_values = 0u32;
        for secret in &file.secrets {
            let id = Uuid::new_v4();
            store::secrets::insert(
                &tx,
                &NewSecretRow {
                    id,
                    project,
                    name: &secret.name,
                    visibility: secret.visibility,
                    default: None,
                    now,
                },
            )?;
            let mut slots: Vec<Option<Uuid>> = Vec::new();
            if secret.has_default {
                slots.push(None);
            }
            for env_name in &secret.overridden_in {
                let env = env_ids
                    .get(&env_name.to_ascii_lowercase())
                    .copied()
                    .ok_or_else(|| {
                        Error::Corrupt(format!("the environment {env_name} was not created"))
                    })?;
                slots.push(Some(env));
            }
            for slot in &slots {
                store::pending_values::insert(&tx, id, *slot)?;
            }
            pending_values += slots.len() as u32;
            needs_values += u32::from(!slots.is_empty());
        }
        for variable in &file.variables {
            store::variables::upsert(&tx, project, &variable.name, &variable.text, now)?;
        }
        for (position, step) in file.steps.iter().enumerate() {
            store::steps::insert(&tx, project, &step.name, &step.definition, position, now)?;
        }
        tx.commit()?;
        Ok(ImportReport {
            project: self.project(project)?,
            needs_values,
            pending_values,
        })
    }

    /// `name` if no project has it (ignoring case), else `name (2)`, `name (3)`, …
    fn free_project_name(&self, name: &str) -> Result<String> {
        let taken = |candidate: &str| -> Result<bool> {
            Ok(store::projects::find_by_name(&self.conn, candidate)?.is_some())
        };
        if !taken(name)? {
            return Ok(name.to_owned());
        }
        for n in 2u32.. {
            let candidate = with_suffix(name, &format!(" ({n})"));
            if !taken(&candidate)? {
                return Ok(candidate);
            }
        }
        unreachable!("some numbered name is free")
    }

    /// The `.env.example` text of a project: its secret names, sorted, each as `NAME=`.
    pub fn dotenv_example(&self, project: Uuid) -> Result<String> {
        let summary = self.project(project)?;
        let names: Vec<String> = self
            .list_secrets(project)?
            .into_iter()
            .map(|row| row.name)
            .collect();
        Ok(dotenv::example(&summary.name, &names))
    }

    pub fn export_dotenv_example(&self, project: Uuid, path: &Path) -> Result<()> {
        let text = self.dotenv_example(project)?;
        atomic::write(path, text.as_bytes())
    }

    /// What importing this `.env` into the project would do, names only.
    pub fn preview_dotenv(&self, project: Uuid, bytes: &[u8]) -> Result<DotenvPreview> {
        self.project(project)?;
        let parsed = dotenv::parse(bytes)?;
        let existing: HashMap<String, Visibility> = self
            .list_secrets(project)?
            .into_iter()
            .map(|row| (row.name, row.visibility))
            .collect();
        let variables: Vec<String> = self
            .list_variables(project)?
            .into_iter()
            .map(|v| v.name)
            .collect();
        let mut invalid = parsed.invalid;
        let mut entries = Vec::new();
        for entry in parsed.entries {
            if variables.contains(&entry.name) {
                invalid.push(InvalidLine {
                    line: entry.line,
                    message: format!(
                        "{} is a variable of this project; secrets and variables share names",
                        entry.name
                    ),
                });
                continue;
            }
            entries.push(DotenvPreviewEntry {
                line: entry.line,
                existing: existing.get(&entry.name).copied(),
                name: entry.name,
            });
        }
        invalid.sort_by_key(|i| i.line);
        Ok(DotenvPreview { entries, invalid })
    }

    /// Imports a `.env` into the project in one transaction: each name becomes a secret with
    /// that default value (new secrets get `visibility`; existing ones keep theirs). Nothing is
    /// changed when any line is invalid.
    pub fn import_dotenv(
        &mut self,
        project: Uuid,
        bytes: &[u8],
        visibility: Visibility,
    ) -> Result<DotenvImportReport> {
        self.require_unlocked()?;
        let preview = self.preview_dotenv(project, bytes)?;
        if let Some(rejection) =
            preview.rejection("This .env file", |lines| format!(" {}", lines.join("; ")))
        {
            return Err(rejection);
        }
        let parsed = dotenv::parse(bytes)?;
        let existing: HashMap<String, (Uuid, Visibility)> = self
            .list_secrets(project)?
            .into_iter()
            .map(|row| (row.name, (row.id, row.visibility)))
            .collect();
        let mut sealed = Vec::new();
        for entry in &parsed.entries {
            check_value(entry.value.expose_secret())?;
            let (id, visibility, is_new) = match existing.get(&entry.name) {
                Some((id, current)) => (*id, *current, false),
                None => (Uuid::new_v4(), visibility, true),
            };
            let blob = self.seal_value(
                default_aad(self.id, project, id, visibility),
                entry.value.expose_secret(),
            )?;
            sealed.push((id, &entry.name, visibility, is_new, blob));
        }
        let now = now_ms();
        let tx = self.conn.transaction()?;
        let mut report = DotenvImportReport {
            created: 0,
            updated: 0,
        };
        for (id, name, visibility, is_new, blob) in sealed {
            if is_new {
                let row = NewSecretRow {
                    id,
                    project,
                    name,
                    visibility,
                    default: Some(&blob),
                    now,
                };
                store::secrets::insert(&tx, &row)?;
                report.created += 1;
            } else {
                store::secrets::set_default(&tx, id, &blob, now)?;
                report.updated += 1;
            }
        }
        store::projects::touch(&tx, project, now)?;
        tx.commit()?;
        Ok(report)
    }

    /// The values still to re-enter after an import: by secret name, the default first, then
    /// environments in their order.
    pub fn pending_values(&self, project: Uuid) -> Result<Vec<PendingValue>> {
        self.project(project)?;
        Ok(store::pending_values::list(&self.conn, project)?
            .into_iter()
            .map(|row| PendingValue {
                secret_id: row.secret_id,
                secret_name: row.secret_name,
                visibility: row.visibility,
                environment_id: row.environment_id,
                environment_name: row.environment_name,
            })
            .collect())
    }

    /// Sets a secret's default value (`environment: None`) or an environment's override —
    /// for the guided re-entry; the pending marker there goes away with it.
    pub fn set_value(
        &mut self,
        project: Uuid,
        secret: Uuid,
        environment: Option<Uuid>,
        value: SecretString,
    ) -> Result<SecretRow> {
        match environment {
            None => self.update_secret(
                project,
                secret,
                SecretUpdate {
                    value: Some(value),
                    visibility: None,
                },
            ),
            Some(environment) => self.set_override(project, secret, environment, value),
        }
    }

    /// The project used last (the app opens it again), if it still exists.
    pub fn last_project(&self) -> Result<Option<ProjectSummary>> {
        let stored = store::settings::get(&self.conn, store::settings::LAST_PROJECT)?;
        let Some(id) = stored.and_then(|text| Uuid::parse_str(&text).ok()) else {
            return Ok(None);
        };
        // A remembered project deleted since is forgotten; any other failure is reported.
        match self.project(id) {
            Ok(project) => Ok(Some(project)),
            Err(Error::NotFound(_)) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Remembers the project the user switched to. A locked vault remembers nothing.
    pub fn remember_project(&mut self, project: Uuid) -> Result<ProjectSummary> {
        let summary = self.project(project)?;
        if self.lock_reason().is_none() {
            store::settings::put(
                &self.conn,
                store::settings::LAST_PROJECT,
                &project.to_string(),
            )?;
        }
        Ok(summary)
    }
}

/// `name` + `suffix`, shortening `name` so that the result is a valid project name.
fn with_suffix(name: &str, suffix: &str) -> String {
    let room = crate::names::MAX_LABEL_CHARS.saturating_sub(suffix.chars().count());
    let base: String = name.chars().take(room).collect();
    format!("{}{suffix}", base.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_keep_names_within_the_limit() {
        assert_eq!(with_suffix("Agent", " (copy)"), "Agent (copy)");
        let long = "x".repeat(100);
        let named = with_suffix(&long, " (2)");
        assert_eq!(named.chars().count(), 100);
        assert!(named.ends_with(" (2)"));
    }

    #[test]
    fn rejection_lists_every_invalid_line_in_the_callers_layout() {
        let line = |line, message: &str| InvalidLine {
            line,
            message: message.into(),
        };
        let mut preview = DotenvPreview {
            entries: Vec::new(),
            invalid: Vec::new(),
        };
        assert!(preview.rejection("x", |_| unreachable!()).is_none());
        preview.invalid = vec![line(3, "no ="), line(5, "repeated")];
        let inline = preview
            .rejection("This .env file", |lines| format!(" {}", lines.join("; ")))
            .unwrap();
        assert_eq!(
            inline.to_string(),
            Error::Invalid {
                field: None,
                message: "This .env file has 2 line(s) that cannot be imported, so nothing was imported: line 3: no =; line 5: repeated".into(),
            }
            .to_string()
        );
        let listed = preview
            .rejection(".env", |lines| format!("\n  {}", lines.join("\n  ")))
            .unwrap();
        assert!(
            listed.to_string().contains(
                ".env has 2 line(s) that cannot be imported, so nothing was imported:\n  line 3: no =\n  line 5: repeated"
            ),
            "{listed}"
        );
    }
}

//! The vault side of transfer: a project as a [`ProjectFile`] (names only), duplicate, export,
//! import, `.env` preview and import, `.env.example`, the pending values an import leaves for
//! the guided re-entry, and the last used project.

use crate::aad::Aad;
use crate::error::{Error, Result};
use crate::model::{EnvironmentKind, ProjectSummary, SecretRow, Visibility};
use crate::names::check_value;
use crate::transfer::atomic;
use crate::transfer::dotenv::{self, InvalidLine};
use crate::transfer::project_file::{
    builtin_name, FileEnvironment, FileSecret, FileStep, FileVariable, ProjectFile, MAX_FILE_BYTES,
};
use crate::vault::{now_ms, Vault};
use crate::{SecretString, SecretUpdate};
use rusqlite::{params, OptionalExtension};
use secrecy::ExposeSecret;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;
use uuid::Uuid;

const LAST_PROJECT_KEY: &str = "last_project";

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

/// Per secret: whether its default is pending, and the environments whose override is.
pub(crate) type PendingBySecret = HashMap<Uuid, (bool, Vec<Uuid>)>;

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
        tx.execute(
            "INSERT INTO projects (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![project, name, now],
        )?;
        let mut env_ids: HashMap<String, Uuid> = HashMap::new();
        let mut environments: Vec<&FileEnvironment> = file.environments.iter().collect();
        // Built-ins first, as a new project has them; custom ones keep their order.
        environments.sort_by_key(|e| match e.kind {
            EnvironmentKind::Development => 0,
            EnvironmentKind::Production => 1,
            EnvironmentKind::Custom => 2,
        });
        for (position, env) in environments.iter().enumerate() {
            let id = Uuid::new_v4();
            let env_name = match env.kind {
                EnvironmentKind::Custom => env.name.as_str(),
                builtin => builtin_name(builtin),
            };
            tx.execute(
                "INSERT INTO environments (id, project_id, name, kind, position) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, project, env_name, env.kind.as_str(), position as i64],
            )?;
            env_ids.insert(env.name.to_ascii_lowercase(), id);
        }
        let mut pending_values = 0u32;
        let mut needs_values = 0u32;
        for secret in &file.secrets {
            let id = Uuid::new_v4();
            tx.execute(
                "INSERT INTO secrets (id, project_id, name, visibility, value, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?5)",
                params![id, project, secret.name, secret.visibility.as_str(), now],
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
                tx.execute(
                    "INSERT INTO pending_values (secret_id, environment_id) VALUES (?1, ?2)",
                    params![id, slot],
                )?;
            }
            pending_values += slots.len() as u32;
            needs_values += u32::from(!slots.is_empty());
        }
        for variable in &file.variables {
            tx.execute(
                "INSERT INTO variables (id, project_id, name, value, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![Uuid::new_v4(), project, variable.name, variable.text, now],
            )?;
        }
        for (position, step) in file.steps.iter().enumerate() {
            crate::steps::insert_step(
                &tx,
                project,
                &step.name,
                &step.definition,
                position as i64,
                now,
            )?;
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
            Ok(self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM projects WHERE name = ?1 COLLATE NOCASE)",
                [candidate],
                |row| row.get(0),
            )?)
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
        if !preview.invalid.is_empty() {
            let lines: Vec<String> = preview
                .invalid
                .iter()
                .map(|i| format!("line {}: {}", i.line, i.message))
                .collect();
            return Err(Error::Invalid {
                field: None,
                message: format!(
                    "This .env file has {} line(s) that cannot be imported, so nothing was imported: {}",
                    lines.len(),
                    lines.join("; ")
                ),
            });
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
                Aad::SecretValue {
                    vault: self.id,
                    project,
                    secret: id,
                    environment: None,
                    visibility,
                },
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
                tx.execute(
                    "INSERT INTO secrets (id, project_id, name, visibility, value, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                    params![id, project, name, visibility.as_str(), blob, now],
                )?;
                report.created += 1;
            } else {
                tx.execute(
                    "UPDATE secrets SET value = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, blob, now],
                )?;
                report.updated += 1;
            }
        }
        tx.execute(
            "UPDATE projects SET updated_at = ?2 WHERE id = ?1",
            params![project, now],
        )?;
        tx.commit()?;
        Ok(report)
    }

    /// The values still to re-enter after an import: by secret name, the default first, then
    /// environments in their order.
    pub fn pending_values(&self, project: Uuid) -> Result<Vec<PendingValue>> {
        self.project(project)?;
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.name, s.visibility, p.environment_id, e.name
             FROM pending_values p
             JOIN secrets s ON s.id = p.secret_id
             LEFT JOIN environments e ON e.id = p.environment_id
             WHERE s.project_id = ?1
             ORDER BY s.name, p.environment_id IS NOT NULL, e.position",
        )?;
        let rows = stmt.query_map([project], |row| {
            Ok((
                row.get::<_, Uuid>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, Option<Uuid>>(3)?,
                row.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (secret_id, secret_name, visibility, environment_id, environment_name) = row?;
            out.push(PendingValue {
                secret_id,
                secret_name,
                visibility: Visibility::parse(&visibility).ok_or_else(|| {
                    Error::Corrupt(format!(
                        "unknown visibility \"{visibility}\" in the database"
                    ))
                })?,
                environment_id,
                environment_name,
            });
        }
        Ok(out)
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

    pub(crate) fn pending_by_secret(&self, project: Uuid) -> Result<PendingBySecret> {
        let mut stmt = self.conn.prepare(
            "SELECT p.secret_id, p.environment_id FROM pending_values p
             JOIN secrets s ON s.id = p.secret_id
             LEFT JOIN environments e ON e.id = p.environment_id
             WHERE s.project_id = ?1 ORDER BY e.position",
        )?;
        let mut out: PendingBySecret = HashMap::new();
        let rows = stmt.query_map([project], |row| {
            Ok((row.get::<_, Uuid>(0)?, row.get::<_, Option<Uuid>>(1)?))
        })?;
        for row in rows {
            let (secret, environment) = row?;
            let slot = out.entry(secret).or_default();
            match environment {
                None => slot.0 = true,
                Some(environment) => slot.1.push(environment),
            }
        }
        Ok(out)
    }

    /// The project used last (the app opens it again), if it still exists.
    pub fn last_project(&self) -> Result<Option<ProjectSummary>> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [LAST_PROJECT_KEY],
                |row| row.get(0),
            )
            .optional()?;
        Ok(stored
            .and_then(|text| Uuid::parse_str(&text).ok())
            .and_then(|id| self.project(id).ok()))
    }

    /// Remembers the project the user switched to. A locked vault remembers nothing.
    pub fn remember_project(&mut self, project: Uuid) -> Result<ProjectSummary> {
        let summary = self.project(project)?;
        if self.lock_reason().is_none() {
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![LAST_PROJECT_KEY, project.to_string()],
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
}

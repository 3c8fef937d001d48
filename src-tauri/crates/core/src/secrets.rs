//! Secrets, their per-environment overrides, and resolution. Visibility rules live here:
//! Restricted values never leave through `reveal`; only `resolve_for_use` decrypts them.

use crate::aad::Aad;
use crate::error::{Error, Field, Result};
use crate::model::{Environment, SecretRow, Visibility};
use crate::names::{check_secret_name, check_value};
use crate::vault::{now_ms, Vault};
use crate::SecretString;
use rusqlite::{params, OptionalExtension};
use secrecy::ExposeSecret;
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug)]
pub struct NewSecret {
    pub name: String,
    /// `None` creates a secret that needs a value (its default is missing).
    pub value: Option<SecretString>,
    pub visibility: Visibility,
}

#[derive(Debug, Default)]
pub struct SecretUpdate {
    /// `None` keeps the current default value.
    pub value: Option<SecretString>,
    /// `None` keeps the current visibility.
    pub visibility: Option<Visibility>,
}

/// One change in a batch of overrides for an environment (`apply_overrides`).
#[derive(Debug)]
pub enum OverrideEdit {
    Set { secret: Uuid, value: SecretString },
    Remove { secret: Uuid },
}

/// A value resolved for use (a step, `run`, `inject`) — Restricted ones included.
pub struct ResolvedSecret {
    pub name: String,
    pub visibility: Visibility,
    pub value: SecretString,
}

impl std::fmt::Debug for ResolvedSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResolvedSecret")
            .field("name", &self.name)
            .field("visibility", &self.visibility)
            .field("value", &"[redacted]")
            .finish()
    }
}

#[derive(Debug)]
pub struct Resolution {
    pub environment: Environment,
    pub values: Vec<ResolvedSecret>,
    /// Names of secrets with neither an override nor a default in this environment.
    pub missing: Vec<String>,
}

/// A stored value and where it is stored (`stored_values`): never for display.
pub struct StoredValue {
    pub secret: String,
    /// `None` for the default value, else the environment whose override it is.
    pub environment: Option<Uuid>,
    pub value: SecretString,
}

impl std::fmt::Debug for StoredValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredValue")
            .field("secret", &self.secret)
            .field("environment", &self.environment)
            .field("value", &"[redacted]")
            .finish()
    }
}

struct SecretRecord {
    id: Uuid,
    name: String,
    visibility: Visibility,
    default: Option<Vec<u8>>,
}

impl Vault {
    /// The Secrets table, sorted by name. Allowed on a locked vault: no values involved.
    pub fn list_secrets(&self, project: Uuid) -> Result<Vec<SecretRow>> {
        let environments = self.list_environments(project)?;
        let mut overridden: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT o.secret_id, o.environment_id FROM overrides o
             JOIN secrets s ON s.id = o.secret_id
             JOIN environments e ON e.id = o.environment_id
             WHERE s.project_id = ?1 ORDER BY e.position",
        )?;
        for pair in stmt.query_map([project], |row| Ok((row.get::<_, Uuid>(0)?, row.get(1)?)))? {
            let (secret, environment) = pair?;
            overridden.entry(secret).or_default().push(environment);
        }
        let mut pending = self.pending_by_secret(project)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, name, visibility, value IS NOT NULL, updated_at FROM secrets
             WHERE project_id = ?1 ORDER BY name",
        )?;
        let rows = stmt.query_map([project], |row| {
            let visibility: String = row.get(2)?;
            Ok((
                row.get::<_, Uuid>(0)?,
                row.get::<_, String>(1)?,
                visibility,
                row.get::<_, bool>(3)?,
                row.get::<_, i64>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, visibility, has_default, updated_at) = row?;
            let overridden_in = overridden.remove(&id).unwrap_or_default();
            let (pending_default, pending_in) = pending.remove(&id).unwrap_or_default();
            let missing_in = environments
                .iter()
                .filter(|env| !has_default && !overridden_in.contains(&env.id))
                .map(|env| env.id)
                .collect();
            out.push(SecretRow {
                id,
                name,
                visibility: parse_visibility(&visibility)?,
                has_default,
                overridden_in,
                missing_in,
                pending_default,
                pending_in,
                updated_at,
            });
        }
        Ok(out)
    }

    pub fn secret(&self, project: Uuid, id: Uuid) -> Result<SecretRow> {
        self.list_secrets(project)?
            .into_iter()
            .find(|row| row.id == id)
            .ok_or_else(|| Error::NotFound(format!("no secret with id {id} in this project")))
    }

    /// Finds a secret by its exact (case-sensitive) name.
    pub fn find_secret(&self, project: Uuid, name: &str) -> Result<SecretRow> {
        self.list_secrets(project)?
            .into_iter()
            .find(|row| row.name == name)
            .ok_or_else(|| Error::NotFound(format!("no secret named \"{name}\" in this project")))
    }

    pub fn create_secret(&mut self, project: Uuid, new: NewSecret) -> Result<SecretRow> {
        self.require_unlocked()?;
        self.project(project)?;
        check_secret_name(&new.name)?;
        if let Some(value) = &new.value {
            check_value(value.expose_secret())?;
        }
        let tx = self.conn.unchecked_transaction()?;
        let id = self.insert_secret(project, &new)?;
        tx.commit()?;
        self.secret(project, id)
    }

    /// Changes a secret's default value and/or visibility.
    /// - Restricted → Masked needs a new value (the old one must never become revealable),
    ///   and is refused while overrides exist (they would become revealable too).
    /// - A visibility change re-encrypts every stored value of the secret, since visibility
    ///   is part of each ciphertext's associated data.
    pub fn update_secret(
        &mut self,
        project: Uuid,
        id: Uuid,
        update: SecretUpdate,
    ) -> Result<SecretRow> {
        self.require_unlocked()?;
        let record = self.load_secret(project, id)?;
        let visibility = update.visibility.unwrap_or(record.visibility);
        if let Some(value) = &update.value {
            check_value(value.expose_secret())?;
        }
        let overrides = self.load_overrides(id)?;
        if record.visibility == Visibility::Restricted && visibility == Visibility::Masked {
            if update.value.is_none() {
                return Err(Error::invalid(
                    Field::Value,
                    format!(
                        "making {} Masked needs a new value, so that the Restricted one is never revealed",
                        record.name
                    ),
                ));
            }
            if !overrides.is_empty() {
                return Err(Error::conflict(
                    Field::Visibility,
                    format!(
                        "{} has Restricted overrides in {} environment(s); remove them before making it Masked",
                        record.name,
                        overrides.len()
                    ),
                ));
            }
        }
        let default_blob = match (&update.value, &record.default) {
            (Some(value), _) => Some(self.seal_value(
                default_aad(self.id, project, id, visibility),
                value.expose_secret(),
            )?),
            (None, Some(old)) if visibility != record.visibility => {
                let plain = self.open_value(
                    default_aad(self.id, project, id, record.visibility),
                    old,
                    &format!("secret {}", record.name),
                )?;
                Some(self.seal_value(
                    default_aad(self.id, project, id, visibility),
                    plain.expose_secret(),
                )?)
            }
            (None, old) => old.clone(),
        };
        let mut resealed = Vec::new();
        if visibility != record.visibility {
            for (environment, blob) in &overrides {
                let what = format!("secret {} in one environment", record.name);
                let plain = self.open_value(
                    override_aad(self.id, project, id, *environment, record.visibility),
                    blob,
                    &what,
                )?;
                let blob = self.seal_value(
                    override_aad(self.id, project, id, *environment, visibility),
                    plain.expose_secret(),
                )?;
                resealed.push((*environment, blob));
            }
        }
        let now = now_ms();
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE secrets SET visibility = ?2, value = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, visibility.as_str(), default_blob, now],
        )?;
        for (environment, blob) in resealed {
            tx.execute(
                "UPDATE overrides SET value = ?3 WHERE secret_id = ?1 AND environment_id = ?2",
                params![id, environment, blob],
            )?;
        }
        tx.execute(
            "UPDATE projects SET updated_at = ?2 WHERE id = ?1",
            params![project, now],
        )?;
        tx.commit()?;
        self.secret(project, id)
    }

    /// Sets a value by secret name, creating the secret (with `visibility_if_new`) when the
    /// name is new. With `environment`, writes that environment's override — a new secret then
    /// has only that override and its default is missing. One transaction.
    pub fn set_secret_value(
        &mut self,
        project: Uuid,
        name: &str,
        environment: Option<Uuid>,
        value: SecretString,
        visibility_if_new: Visibility,
    ) -> Result<SecretRow> {
        self.require_unlocked()?;
        check_secret_name(name)?;
        check_value(value.expose_secret())?;
        if let Some(environment) = environment {
            self.environment(project, environment)?;
        }
        let existing = self.find_secret(project, name).ok();
        let tx = self.conn.unchecked_transaction()?;
        let id = match existing {
            Some(row) => row.id,
            None => self.insert_secret(
                project,
                &NewSecret {
                    name: name.to_owned(),
                    value: None,
                    visibility: visibility_if_new,
                },
            )?,
        };
        match environment {
            None => {
                let visibility = self.load_secret(project, id)?.visibility;
                let blob = self.seal_value(
                    default_aad(self.id, project, id, visibility),
                    value.expose_secret(),
                )?;
                self.conn.execute(
                    "UPDATE secrets SET value = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, blob, now_ms()],
                )?;
            }
            Some(environment) => self.write_override(project, id, environment, &value)?,
        }
        tx.commit()?;
        self.secret(project, id)
    }

    pub fn delete_secret(&mut self, project: Uuid, id: Uuid) -> Result<()> {
        self.require_unlocked()?;
        self.load_secret(project, id)?;
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM secrets WHERE id = ?1", [id])?;
        tx.execute(
            "UPDATE projects SET updated_at = ?2 WHERE id = ?1",
            params![project, now_ms()],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn set_override(
        &mut self,
        project: Uuid,
        secret: Uuid,
        environment: Uuid,
        value: SecretString,
    ) -> Result<SecretRow> {
        self.apply_overrides(
            project,
            environment,
            vec![OverrideEdit::Set { secret, value }],
        )?;
        self.secret(project, secret)
    }

    /// Removes an environment's override: the secret falls back to its default there.
    pub fn remove_override(
        &mut self,
        project: Uuid,
        secret: Uuid,
        environment: Uuid,
    ) -> Result<SecretRow> {
        self.apply_overrides(project, environment, vec![OverrideEdit::Remove { secret }])?;
        self.secret(project, secret)
    }

    /// Applies a batch of override edits for one environment, all or nothing.
    pub fn apply_overrides(
        &mut self,
        project: Uuid,
        environment: Uuid,
        edits: Vec<OverrideEdit>,
    ) -> Result<()> {
        self.require_unlocked()?;
        self.environment(project, environment)?;
        let tx = self.conn.unchecked_transaction()?;
        for edit in &edits {
            match edit {
                OverrideEdit::Set { secret, value } => {
                    check_value(value.expose_secret())?;
                    self.write_override(project, *secret, environment, value)?;
                }
                OverrideEdit::Remove { secret } => {
                    self.load_secret(project, *secret)?;
                    self.conn.execute(
                        "DELETE FROM overrides WHERE secret_id = ?1 AND environment_id = ?2",
                        params![secret, environment],
                    )?;
                    self.conn.execute(
                        "UPDATE secrets SET updated_at = ?2 WHERE id = ?1",
                        params![secret, now_ms()],
                    )?;
                }
            }
        }
        self.touch_project(project)?;
        tx.commit()?;
        Ok(())
    }

    /// The value of a Masked secret for display or copy: the environment's resolved value, or
    /// the default when `environment` is `None`. Restricted secrets are refused.
    pub fn reveal(
        &self,
        project: Uuid,
        secret: Uuid,
        environment: Option<Uuid>,
    ) -> Result<SecretString> {
        self.data_key()?;
        let record = self.load_secret(project, secret)?;
        if record.visibility == Visibility::Restricted {
            return Err(Error::Restricted(record.name));
        }
        let environment = environment
            .map(|id| self.environment(project, id))
            .transpose()?;
        let value = match &environment {
            Some(env) => self.resolve_one(project, &record, env)?,
            None => match &record.default {
                Some(blob) => Some(self.open_value(
                    default_aad(self.id, project, record.id, record.visibility),
                    blob,
                    &format!("secret {}", record.name),
                )?),
                None => None,
            },
        };
        value.ok_or_else(|| {
            Error::NotFound(match environment {
                Some(env) => format!(
                    "{} has no value in {} (no override and no default)",
                    record.name, env.name
                ),
                None => format!("{} has no default value", record.name),
            })
        })
    }

    /// Every secret of the project resolved for `environment` (override, else default),
    /// Restricted ones included: for use inside the process (steps, `run`, `inject`), never
    /// for display.
    pub fn resolve_for_use(&self, project: Uuid, environment: Uuid) -> Result<Resolution> {
        self.data_key()?;
        let environment = self.environment(project, environment)?;
        let mut values = Vec::new();
        let mut missing = Vec::new();
        for record in self.load_secrets(project)? {
            match self.resolve_one(project, &record, &environment)? {
                Some(value) => values.push(ResolvedSecret {
                    name: record.name,
                    visibility: record.visibility,
                    value,
                }),
                None => missing.push(record.name),
            }
        }
        Ok(Resolution {
            environment,
            values,
            missing,
        })
    }

    /// Every stored value of the project's secrets — each default and each override, so every
    /// environment's resolved value — Restricted ones included: for redacting what an API step
    /// brings back, never for display.
    pub(crate) fn every_secret_value(&self, project: Uuid) -> Result<Vec<SecretString>> {
        self.data_key()?;
        let mut out = Vec::new();
        for record in self.load_secrets(project)? {
            let what = format!("secret {}", record.name);
            if let Some(blob) = &record.default {
                let aad = default_aad(self.id, project, record.id, record.visibility);
                out.push(self.open_value(aad, blob, &what)?);
            }
            for (environment, blob) in self.load_overrides(record.id)? {
                let aad = override_aad(self.id, project, record.id, environment, record.visibility);
                out.push(self.open_value(aad, &blob, &what)?);
            }
        }
        Ok(out)
    }

    /// Every stored value of the project's secrets with where it is stored: the default
    /// (`environment` `None`) and each override — Restricted ones included. For the leak scan,
    /// which searches for them inside the process and never shows them.
    pub fn stored_values(&self, project: Uuid) -> Result<Vec<StoredValue>> {
        self.data_key()?;
        let mut out = Vec::new();
        for record in self.load_secrets(project)? {
            let what = format!("secret {}", record.name);
            if let Some(blob) = &record.default {
                let aad = default_aad(self.id, project, record.id, record.visibility);
                let value = self.open_value(aad, blob, &what)?;
                out.push(StoredValue {
                    secret: record.name.clone(),
                    environment: None,
                    value,
                });
            }
            for (environment, blob) in self.load_overrides(record.id)? {
                let aad = override_aad(self.id, project, record.id, environment, record.visibility);
                let value = self.open_value(aad, &blob, &what)?;
                out.push(StoredValue {
                    secret: record.name.clone(),
                    environment: Some(environment),
                    value,
                });
            }
        }
        Ok(out)
    }

    fn resolve_one(
        &self,
        project: Uuid,
        record: &SecretRecord,
        env: &Environment,
    ) -> Result<Option<SecretString>> {
        let what = format!("secret {} in {}", record.name, env.name);
        let override_blob: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT value FROM overrides WHERE secret_id = ?1 AND environment_id = ?2",
                params![record.id, env.id],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(blob) = override_blob {
            let aad = override_aad(self.id, project, record.id, env.id, record.visibility);
            return self.open_value(aad, &blob, &what).map(Some);
        }
        match &record.default {
            Some(blob) => {
                let aad = default_aad(self.id, project, record.id, record.visibility);
                self.open_value(aad, blob, &what).map(Some)
            }
            None => Ok(None),
        }
    }

    /// Inserts a new secret; the caller holds the transaction.
    fn insert_secret(&self, project: Uuid, new: &NewSecret) -> Result<Uuid> {
        self.ensure_reference_name_free(project, &new.name)?;
        let id = Uuid::new_v4();
        let blob = match &new.value {
            Some(value) => Some(self.seal_value(
                default_aad(self.id, project, id, new.visibility),
                value.expose_secret(),
            )?),
            None => None,
        };
        let now = now_ms();
        self.conn.execute(
            "INSERT INTO secrets (id, project_id, name, visibility, value, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![id, project, new.name, new.visibility.as_str(), blob, now],
        )?;
        self.touch_project(project)?;
        Ok(id)
    }

    fn write_override(
        &self,
        project: Uuid,
        secret: Uuid,
        environment: Uuid,
        value: &SecretString,
    ) -> Result<()> {
        let record = self.load_secret(project, secret)?;
        let blob = self.seal_value(
            override_aad(self.id, project, secret, environment, record.visibility),
            value.expose_secret(),
        )?;
        let now = now_ms();
        self.conn.execute(
            "INSERT INTO overrides (secret_id, environment_id, value, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (secret_id, environment_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![secret, environment, blob, now],
        )?;
        self.conn.execute(
            "UPDATE secrets SET updated_at = ?2 WHERE id = ?1",
            params![secret, now],
        )?;
        Ok(())
    }

    fn load_secret(&self, project: Uuid, id: Uuid) -> Result<SecretRecord> {
        self.project(project)?;
        self.conn
            .query_row(
                "SELECT id, name, visibility, value FROM secrets WHERE project_id = ?1 AND id = ?2",
                params![project, id],
                raw_record,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no secret with id {id} in this project")))
            .and_then(record_from_raw)
    }

    fn load_secrets(&self, project: Uuid) -> Result<Vec<SecretRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, visibility, value FROM secrets WHERE project_id = ?1 ORDER BY name",
        )?;
        let rows = stmt.query_map([project], raw_record)?;
        rows.map(|row| record_from_raw(row?)).collect()
    }

    fn load_overrides(&self, secret: Uuid) -> Result<Vec<(Uuid, Vec<u8>)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT environment_id, value FROM overrides WHERE secret_id = ?1")?;
        let rows = stmt.query_map([secret], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Secret and variable names share one namespace per project: `{NAME}` must be unambiguous.
    pub(crate) fn ensure_reference_name_free(&self, project: Uuid, name: &str) -> Result<()> {
        let (secrets, variables): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM secrets WHERE project_id = ?1 AND name = ?2),
                    (SELECT COUNT(*) FROM variables WHERE project_id = ?1 AND name = ?2)",
            params![project, name],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if secrets > 0 {
            return Err(Error::conflict(
                Field::Name,
                format!("a secret named {name} already exists in this project"),
            ));
        }
        if variables > 0 {
            return Err(Error::conflict(
                Field::Name,
                format!("a variable named {name} already exists in this project"),
            ));
        }
        Ok(())
    }
}

type RawRecord = (Uuid, String, String, Option<Vec<u8>>);

fn raw_record(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawRecord> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn record_from_raw((id, name, visibility, default): RawRecord) -> Result<SecretRecord> {
    Ok(SecretRecord {
        id,
        name,
        visibility: parse_visibility(&visibility)?,
        default,
    })
}

fn parse_visibility(text: &str) -> Result<Visibility> {
    Visibility::parse(text)
        .ok_or_else(|| Error::Corrupt(format!("unknown visibility \"{text}\" in the database")))
}

fn default_aad(vault: Uuid, project: Uuid, secret: Uuid, visibility: Visibility) -> Aad {
    Aad::SecretValue {
        vault,
        project,
        secret,
        environment: None,
        visibility,
    }
}

fn override_aad(
    vault: Uuid,
    project: Uuid,
    secret: Uuid,
    environment: Uuid,
    visibility: Visibility,
) -> Aad {
    Aad::SecretValue {
        vault,
        project,
        secret,
        environment: Some(environment),
        visibility,
    }
}

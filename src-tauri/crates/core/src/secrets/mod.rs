//! Secrets and their per-environment overrides: the Secrets table, create, edit, delete.
//! Visibility rules live here and in `resolution`: Restricted values never leave through
//! `reveal`; only `resolve_for_use` decrypts them.

mod resolution;

pub use resolution::{Resolution, ResolvedSecret, StoredValue};

use crate::aad::Aad;
use crate::error::{Error, Field, Result};
use crate::model::{Environment, SecretRow, Visibility};
use crate::names::{check_secret_name, check_value};
use crate::store::secrets::{NewSecretRow, SecretListing, SecretRecord};
use crate::store::{self, now_ms};
use crate::vault::Vault;
use crate::SecretString;
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

/// Per secret: whether its default is pending, and the environments whose override is.
pub(crate) type PendingSlots = (bool, Vec<Uuid>);

impl Vault {
    /// The Secrets table, sorted by name. Allowed on a locked vault: no values involved.
    pub fn list_secrets(&self, project: Uuid) -> Result<Vec<SecretRow>> {
        let environments = self.list_environments(project)?;
        let mut overridden: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for (secret, environment) in store::overrides::pairs_in_project(&self.conn, project)? {
            overridden.entry(secret).or_default().push(environment);
        }
        let mut pending = self.pending_by_secret(project)?;
        store::secrets::list(&self.conn, project)?
            .into_iter()
            .map(|listing| {
                let overridden_in = overridden.remove(&listing.id).unwrap_or_default();
                let pending = pending.remove(&listing.id).unwrap_or_default();
                Ok(secret_row(listing, &environments, overridden_in, pending))
            })
            .collect()
    }

    /// One row of the Secrets table, read on its own.
    pub fn secret(&self, project: Uuid, id: Uuid) -> Result<SecretRow> {
        let environments = self.list_environments(project)?;
        let listing = store::secrets::get(&self.conn, project, id)?
            .ok_or_else(|| Error::NotFound(format!("no secret with id {id} in this project")))?;
        self.complete_row(listing, &environments)
    }

    /// Finds a secret by its exact (case-sensitive) name.
    pub fn find_secret(&self, project: Uuid, name: &str) -> Result<SecretRow> {
        let environments = self.list_environments(project)?;
        let listing =
            store::secrets::find_by_name(&self.conn, project, name)?.ok_or_else(|| {
                Error::NotFound(format!("no secret named \"{name}\" in this project"))
            })?;
        self.complete_row(listing, &environments)
    }

    /// A single secret's row: its overrides and pending markers, read for it alone.
    fn complete_row(
        &self,
        listing: SecretListing,
        environments: &[Environment],
    ) -> Result<SecretRow> {
        let overridden_in = store::overrides::environments_of(&self.conn, listing.id)?;
        let mut pending: PendingSlots = (false, Vec::new());
        for slot in store::pending_values::slots_of(&self.conn, listing.id)? {
            add_pending_slot(&mut pending, slot);
        }
        Ok(secret_row(listing, environments, overridden_in, pending))
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
        let overrides = store::overrides::list_for_secret(&self.conn, id)?;
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
        store::secrets::set_visibility_and_default(
            &tx,
            id,
            visibility,
            default_blob.as_deref(),
            now,
        )?;
        for (environment, blob) in resealed {
            store::overrides::reseal(&tx, id, environment, &blob)?;
        }
        store::projects::touch(&tx, project, now)?;
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
                store::secrets::set_default(&tx, id, &blob, now_ms())?;
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
        store::secrets::delete(&tx, id)?;
        store::projects::touch(&tx, project, now_ms())?;
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
                    store::overrides::delete(&tx, *secret, environment)?;
                    store::secrets::touch(&tx, *secret, now_ms())?;
                }
            }
        }
        self.touch_project(project)?;
        tx.commit()?;
        Ok(())
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
        store::secrets::insert(
            &self.conn,
            &NewSecretRow {
                id,
                project,
                name: &new.name,
                visibility: new.visibility,
                default: blob.as_deref(),
                now: now_ms(),
            },
        )?;
        self.touch_project(project)?;
        Ok(id)
    }

    /// Seals and writes one override; the caller holds the transaction.
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
        store::overrides::upsert(&self.conn, secret, environment, &blob, now)?;
        store::secrets::touch(&self.conn, secret, now)
    }

    /// The secret with its sealed default, or `NotFound`.
    pub(crate) fn load_secret(&self, project: Uuid, id: Uuid) -> Result<SecretRecord> {
        self.project(project)?;
        store::secrets::record(&self.conn, project, id)?
            .ok_or_else(|| Error::NotFound(format!("no secret with id {id} in this project")))
    }

    /// Secret and variable names share one namespace per project: `{NAME}` must be unambiguous.
    pub(crate) fn ensure_reference_name_free(&self, project: Uuid, name: &str) -> Result<()> {
        if store::secrets::name_exists(&self.conn, project, name)? {
            return Err(Error::conflict(
                Field::Name,
                format!("a secret named {name} already exists in this project"),
            ));
        }
        if store::variables::name_exists(&self.conn, project, name)? {
            return Err(Error::conflict(
                Field::Name,
                format!("a variable named {name} already exists in this project"),
            ));
        }
        Ok(())
    }

    /// The project's pending markers, by secret.
    pub(crate) fn pending_by_secret(&self, project: Uuid) -> Result<HashMap<Uuid, PendingSlots>> {
        let mut out: HashMap<Uuid, PendingSlots> = HashMap::new();
        for (secret, slot) in store::pending_values::slots_in_project(&self.conn, project)? {
            add_pending_slot(out.entry(secret).or_default(), slot);
        }
        Ok(out)
    }
}

fn add_pending_slot(slots: &mut PendingSlots, slot: Option<Uuid>) {
    match slot {
        None => slots.0 = true,
        Some(environment) => slots.1.push(environment),
    }
}

/// A Secrets table row: a secret is missing in an environment with neither a default nor an
/// override there.
fn secret_row(
    listing: SecretListing,
    environments: &[Environment],
    overridden_in: Vec<Uuid>,
    (pending_default, pending_in): PendingSlots,
) -> SecretRow {
    let missing_in = environments
        .iter()
        .filter(|env| !listing.has_default && !overridden_in.contains(&env.id))
        .map(|env| env.id)
        .collect();
    SecretRow {
        id: listing.id,
        name: listing.name,
        visibility: listing.visibility,
        has_default: listing.has_default,
        overridden_in,
        missing_in,
        pending_default,
        pending_in,
        updated_at: listing.updated_at,
    }
}

/// What a secret's default value is bound to.
pub(crate) fn default_aad(vault: Uuid, project: Uuid, secret: Uuid, visibility: Visibility) -> Aad {
    Aad::SecretValue {
        vault,
        project,
        secret,
        environment: None,
        visibility,
    }
}

/// What a secret's override in `environment` is bound to.
pub(crate) fn override_aad(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemoryKeyStore;

    fn masked(name: &str, value: Option<&str>) -> NewSecret {
        NewSecret {
            name: name.into(),
            value: value.map(SecretString::from),
            visibility: Visibility::Masked,
        }
    }

    /// `secret` and `find_secret` read one row on their own; it must be the row the table shows.
    #[test]
    fn one_secret_reads_the_same_as_its_row_in_the_table() {
        let dir = tempfile::tempdir().unwrap();
        let mut vault = Vault::open(dir.path(), Box::new(MemoryKeyStore::default())).unwrap();
        let project = vault.create_project("Agent").unwrap().id;
        let staging = vault.create_environment(project, "Staging").unwrap().id;
        let production = vault.find_environment(project, "Production").unwrap().id;
        let a = vault
            .create_secret(project, masked("A", Some("1")))
            .unwrap()
            .id;
        vault.set_override(project, a, staging, "s".into()).unwrap();
        vault
            .set_override(project, a, production, "p".into())
            .unwrap();
        vault.create_secret(project, masked("B", None)).unwrap();
        // The copy's secrets have pending values where the original had values.
        let copy = vault.duplicate_project(project).unwrap().project.id;
        for p in [project, copy] {
            let table = vault.list_secrets(p).unwrap();
            assert_eq!(table.len(), 2);
            for row in &table {
                assert_eq!(&vault.secret(p, row.id).unwrap(), row);
                assert_eq!(&vault.find_secret(p, &row.name).unwrap(), row);
            }
        }
        // Overrides in display order, not in the order they were written.
        assert_eq!(
            vault.secret(project, a).unwrap().overridden_in,
            [production, staging]
        );
        let pending = vault.find_secret(copy, "A").unwrap();
        assert!(pending.pending_default && pending.pending_in.len() == 2);
        assert_eq!(vault.secret(copy, a).unwrap_err().code(), "not_found");
    }
}

//! Opening secret values: `reveal` (Masked only, for display or copy) and resolution for use
//! (override, else default; Restricted included) by steps, `run` and `inject`.

use super::{default_aad, override_aad};
use crate::error::{Error, Result};
use crate::model::{Environment, Visibility};
use crate::store;
use crate::store::secrets::SecretRecord;
use crate::vault::Vault;
use crate::SecretString;
use uuid::Uuid;

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

#[derive(Debug)]
pub struct Resolution {
    pub environment: Environment,
    pub values: Vec<ResolvedSecret>,
    /// Names of secrets with neither an override nor a default in this environment.
    pub missing: Vec<String>,
}

impl Vault {
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
        self.resolve_named_for_use(project, environment, None)
    }

    /// As `resolve_for_use`, but only the secrets named in `only` (when given) are resolved:
    /// no other value is decrypted. Names not in the project are ignored here.
    pub fn resolve_named_for_use(
        &self,
        project: Uuid,
        environment: Uuid,
        only: Option<&[String]>,
    ) -> Result<Resolution> {
        self.data_key()?;
        let environment = self.environment(project, environment)?;
        let mut values = Vec::new();
        let mut missing = Vec::new();
        let wanted = |record: &SecretRecord| only.is_none_or(|names| names.contains(&record.name));
        for record in store::secrets::records(&self.conn, project)?
            .into_iter()
            .filter(wanted)
        {
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
        Ok(self
            .stored_values(project)?
            .into_iter()
            .map(|stored| stored.value)
            .collect())
    }

    /// Every stored value of the project's secrets with where it is stored: the default
    /// (`environment` `None`) and each override — Restricted ones included. For the leak scan
    /// and the redactor, which search for them inside the process and never show them.
    pub fn stored_values(&self, project: Uuid) -> Result<Vec<StoredValue>> {
        self.data_key()?;
        let mut out = Vec::new();
        for record in store::secrets::records(&self.conn, project)? {
            let what = format!("secret {}", record.name);
            if let Some(blob) = &record.default {
                let aad = default_aad(self.id, project, record.id, record.visibility);
                out.push(StoredValue {
                    secret: record.name.clone(),
                    environment: None,
                    value: self.open_value(aad, blob, &what)?,
                });
            }
            for (environment, blob) in store::overrides::list_for_secret(&self.conn, record.id)? {
                let aad = override_aad(self.id, project, record.id, environment, record.visibility);
                out.push(StoredValue {
                    secret: record.name.clone(),
                    environment: Some(environment),
                    value: self.open_value(aad, &blob, &what)?,
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
        if let Some(blob) = store::overrides::get(&self.conn, record.id, env.id)? {
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
}

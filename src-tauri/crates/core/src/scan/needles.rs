//! What the scan looks for: every stored value of the chosen projects (each default and each
//! override, Masked and Restricted), in every encoded form, with who owns each byte string —
//! so that a finding can name the secret, its environment and the form, never the value.

use super::matcher::Matcher;
use crate::encoded_forms::{encoded_forms, Form};
use crate::{ExposeSecret, Result, Vault};
use std::collections::HashMap;
use uuid::Uuid;
use zeroize::Zeroizing;

/// Shorter values are not searched: they occur by chance in ordinary files far too often (a
/// port number, `true`, a PIN), so a finding would not mean a leak. The report names them.
pub const MIN_SCANNED_LEN: usize = 6;

/// Who a pattern belongs to: a secret's value in one form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub project: String,
    pub secret: String,
    /// Where the value is stored: `default` and/or environment names, e.g. `default, Staging`.
    pub environment: String,
    pub form: Form,
}

/// A value too short to search, by name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct UnsearchedValue {
    pub project: String,
    pub secret: String,
    pub environment: String,
}

/// The values of a scan, gathered before any file is read (the vault can be closed then).
#[derive(Default)]
pub struct Needles {
    /// Each distinct value of each secret, with the environments storing it.
    values: Vec<SecretValue>,
    index: HashMap<(String, String, Vec<u8>), usize>,
    too_short: Vec<UnsearchedValue>,
}

impl std::fmt::Debug for Needles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Needles")
            .field("values", &self.values.len())
            .field("too_short", &self.too_short)
            .finish()
    }
}

/// One value of one secret and where it is stored (in order of arrival).
struct SecretValue {
    project: String,
    secret: String,
    value: Zeroizing<Vec<u8>>,
    environments: Vec<String>,
}

/// The label of a stored value's place.
pub const DEFAULT_ENVIRONMENT: &str = "default";

impl Needles {
    pub fn new() -> Needles {
        Needles::default()
    }

    /// Every stored value of `projects` (each default and each override).
    pub fn from_vault(vault: &Vault, projects: &[Uuid]) -> Result<Needles> {
        let mut needles = Needles::new();
        for &project in projects {
            let project_name = vault.project(project)?.name;
            let environments: HashMap<Uuid, String> = vault
                .list_environments(project)?
                .into_iter()
                .map(|env| (env.id, env.name))
                .collect();
            for stored in vault.stored_values(project)? {
                let environment = match stored.environment {
                    None => DEFAULT_ENVIRONMENT,
                    Some(id) => environments.get(&id).map_or("?", String::as_str),
                };
                needles.add(
                    &project_name,
                    &stored.secret,
                    environment,
                    stored.value.expose_secret().as_bytes(),
                );
            }
        }
        Ok(needles)
    }

    /// Adds one stored value.
    pub fn add(&mut self, project: &str, secret: &str, environment: &str, value: &[u8]) {
        if value.len() < MIN_SCANNED_LEN {
            self.too_short.push(UnsearchedValue {
                project: project.to_owned(),
                secret: secret.to_owned(),
                environment: environment.to_owned(),
            });
            return;
        }
        let key = (project.to_owned(), secret.to_owned(), value.to_vec());
        match self.index.get(&key) {
            Some(&at) => self.values[at].environments.push(environment.to_owned()),
            None => {
                self.index.insert(key, self.values.len());
                self.values.push(SecretValue {
                    project: project.to_owned(),
                    secret: secret.to_owned(),
                    value: Zeroizing::new(value.to_vec()),
                    environments: vec![environment.to_owned()],
                });
            }
        }
    }

    /// How many distinct values are searched.
    pub fn searched(&self) -> usize {
        self.values.len()
    }

    pub fn too_short(&self) -> &[UnsearchedValue] {
        &self.too_short
    }

    /// The matcher over every form of every value, and the owners of each of its patterns.
    pub(crate) fn compile(&self) -> Compiled {
        let mut patterns: Vec<Zeroizing<Vec<u8>>> = Vec::new();
        let mut owners: Vec<Vec<Owner>> = Vec::new();
        let mut by_bytes: HashMap<Vec<u8>, usize> = HashMap::new();
        for stored in &self.values {
            for form in encoded_forms(&stored.value) {
                let owner = Owner {
                    project: stored.project.clone(),
                    secret: stored.secret.clone(),
                    environment: stored.environments.join(", "),
                    form: form.form,
                };
                match by_bytes.get(&form.bytes[..]) {
                    Some(&at) => owners[at].push(owner),
                    None => {
                        by_bytes.insert(form.bytes.to_vec(), patterns.len());
                        patterns.push(form.bytes);
                        owners.push(vec![owner]);
                    }
                }
            }
        }
        // The map's keys are copies of the forms: wipe them.
        for (mut key, _) in by_bytes.drain() {
            zeroize::Zeroize::zeroize(&mut key);
        }
        let matcher = Matcher::new(&patterns);
        Compiled {
            matcher,
            owners,
            pattern_count: patterns.len(),
        }
    }
}

impl Drop for Needles {
    fn drop(&mut self) {
        for ((_, _, mut value), _) in self.index.drain() {
            zeroize::Zeroize::zeroize(&mut value);
        }
    }
}

/// The searchable form of [`Needles`]: the matcher (which keeps its own copies of the
/// patterns) and each pattern's owners.
pub(crate) struct Compiled {
    pub matcher: Matcher,
    pub owners: Vec<Vec<Owner>>,
    pub pattern_count: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_stored_twice_is_one_needle_with_both_places() {
        let mut needles = Needles::new();
        needles.add("P", "KEY", "default", b"value-123456");
        needles.add("P", "KEY", "Production", b"value-123456");
        needles.add("P", "PIN", "default", b"1234");
        assert_eq!(needles.searched(), 1);
        assert_eq!(needles.too_short().len(), 1);
        let compiled = needles.compile();
        assert_eq!(compiled.owners[0][0].environment, "default, Production");
        assert_eq!(compiled.owners[0][0].form, Form::Plain);
    }

    #[test]
    fn two_secrets_with_one_value_both_own_it() {
        let mut needles = Needles::new();
        needles.add("P", "A", "default", b"shared-value-1");
        needles.add("P", "B", "default", b"shared-value-1");
        let compiled = needles.compile();
        assert_eq!(compiled.owners[0].len(), 2);
    }
}

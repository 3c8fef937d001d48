//! Removing one environment's override of a secret, by names.

use crate::error::{Error, Result};
use crate::model::{Environment, SecretRow};
use crate::vault::Vault;
use uuid::Uuid;

/// What `remove_override` removed.
#[derive(Debug)]
pub struct RemovedOverride {
    pub secret: SecretRow,
    pub environment: Environment,
}

/// Removes the override of secret `name` in `environment` (name or id): the secret falls back
/// to its default there. Removing an override that does not exist is an error (`not_found`),
/// not a silent success: the user likely named the wrong secret or environment.
pub fn remove_override(
    vault: &mut Vault,
    project: Uuid,
    name: &str,
    environment: &str,
) -> Result<RemovedOverride> {
    let environment = vault.find_environment(project, environment)?;
    let secret = vault.find_secret(project, name)?;
    if !secret.overridden_in.contains(&environment.id) {
        return Err(Error::NotFound(format!(
            "{} has no override in {}",
            secret.name, environment.name
        )));
    }
    let secret = vault.remove_override(project, secret.id, environment.id)?;
    Ok(RemovedOverride {
        secret,
        environment,
    })
}

//! Finding an environment the way a user names it: by name (case-insensitive, so
//! `--env production` works) or by id.

use crate::error::Result;
use crate::model::Environment;
use crate::vault::Vault;
use uuid::Uuid;

pub fn find_environment(vault: &Vault, project: Uuid, name_or_id: &str) -> Result<Environment> {
    vault.find_environment(project, name_or_id)
}

/// The environment named, or `None` (the default value) when none is.
pub fn find_optional_environment(
    vault: &Vault,
    project: Uuid,
    name_or_id: Option<&str>,
) -> Result<Option<Environment>> {
    name_or_id
        .map(|name| find_environment(vault, project, name))
        .transpose()
}

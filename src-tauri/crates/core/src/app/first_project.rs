//! An unlocked vault always has a project in the app, so its Secrets page has somewhere to be:
//! a new vault, one restored with its recovery key while empty, and one whose last project was
//! deleted all get "My Agent".

use crate::error::Result;
use crate::names::FIRST_PROJECT_NAME;
use crate::vault::{Vault, VaultStatus};
use uuid::Uuid;

/// Creates "My Agent" when the vault is unlocked and has no project. A locked vault is left
/// alone: it cannot be written, and its projects may well exist.
pub fn ensure_first_project(vault: &mut Vault) -> Result<()> {
    if vault.lock_reason().is_none() && vault.list_projects()?.is_empty() {
        vault.create_project(FIRST_PROJECT_NAME)?;
    }
    Ok(())
}

/// Deletes a project; deleting the last one leaves a new, empty "My Agent", as on a first run.
pub fn delete_project(vault: &mut Vault, project: Uuid) -> Result<()> {
    vault.delete_project(project)?;
    ensure_first_project(vault)
}

/// Unlocks a locked vault with its recovery key, and answers its state afterwards.
pub fn restore_with_recovery_key(vault: &mut Vault, recovery_key: &str) -> Result<VaultStatus> {
    vault.restore_with_recovery_key(recovery_key)?;
    ensure_first_project(vault)?;
    vault.status()
}

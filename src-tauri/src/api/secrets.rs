//! The vault's state (which may first have to be opened) and copying a value to the clipboard.

use crate::dto::CopyReceipt;
use crate::error::CommandResult;
use crate::shell::Shell;
use crate::state::lock;
use agent_secrets_core::{ExposeSecret, VaultStatus};
use std::time::Duration;
use uuid::Uuid;
use zeroize::Zeroizing;

/// The vault's state; when it could not be opened yet, the reason (once), then a new attempt:
/// the UI's "Try again".
pub fn vault_status(shell: &Shell<'_>) -> CommandResult<VaultStatus> {
    let vault = shell.vault.get_or_retry()?;
    Ok(lock(vault)?.status()?)
}

/// Puts a Masked secret's value on the clipboard (in Rust: it never reaches the web view) and
/// has it cleared after the configured delay. The core refuses Restricted ones.
pub fn secret_copy(
    shell: &Shell<'_>,
    project: Uuid,
    secret: Uuid,
    environment: Option<Uuid>,
) -> CommandResult<CopyReceipt> {
    let (value, secret_name, clear_after_seconds) =
        shell.with_vault(|vault| -> agent_secrets_core::Result<_> {
            let value = vault.reveal(project, secret, environment)?;
            let name = vault.secret(project, secret)?.name;
            Ok((value, name, vault.settings()?.clipboard_clear_seconds))
        })?;
    shell.clipboard.copy(
        Zeroizing::new(value.expose_secret().to_owned()),
        Duration::from_secs(u64::from(clear_after_seconds)),
    )?;
    Ok(CopyReceipt {
        secret_name,
        clear_after_seconds,
    })
}

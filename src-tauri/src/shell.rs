//! What a command body may use besides its arguments: the vault, the clipboard, the native file
//! dialogs, the `.env` file held between preview and import and the leak scan. `run` gives it to every command
//! on a blocking thread (a keyring prompt, a dialog or an API step must not freeze the window);
//! tests build a `Shell` from parts, with a stand-in for the dialogs.

use crate::api::ScanJobs;
use crate::clipboard::ClipboardService;
use crate::dialogs::{self, Purpose};
use crate::dotenv_hold::DotenvHold;
use crate::error::{CommandError, CommandResult};
use crate::state::{lock, AppState, VaultCell};
use agent_secrets_core::Vault;
use std::path::PathBuf;
use tauri::{AppHandle, Manager};

/// Asks the user for a file; `None` when they cancel.
pub trait ChooseFile {
    fn choose(&self, purpose: Purpose<'_>) -> Option<PathBuf>;
}

pub struct Shell<'a> {
    pub vault: &'a VaultCell,
    pub clipboard: &'a ClipboardService,
    pub dotenv: &'a DotenvHold,
    pub scans: &'a ScanJobs,
    pub files: &'a dyn ChooseFile,
}

impl Shell<'_> {
    /// Runs `body` with the vault locked: the one place a command body gets the vault.
    pub fn with_vault<T, E: Into<CommandError>>(
        &self,
        body: impl FnOnce(&mut Vault) -> Result<T, E>,
    ) -> CommandResult<T> {
        let mut vault = lock(self.vault.get()?)?;
        body(&mut vault).map_err(Into::into)
    }
}

/// The native dialogs of the running app (dialogs.rs).
struct NativeDialogs<'a>(&'a AppHandle);

impl ChooseFile for NativeDialogs<'_> {
    fn choose(&self, purpose: Purpose<'_>) -> Option<PathBuf> {
        dialogs::choose(self.0, purpose)
    }
}

/// Runs a command body on a blocking thread with the app's `Shell`.
pub async fn run<T: Send + 'static>(
    app: AppHandle,
    body: impl FnOnce(&Shell<'_>) -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let files = NativeDialogs(&app);
        body(&Shell {
            vault: &state.vault,
            clipboard: &state.clipboard,
            dotenv: &state.dotenv,
            scans: &state.scans,
            files: &files,
        })
    })
    .await
    .map_err(|error| CommandError::internal(format!("the command stopped unexpectedly: {error}")))?
}

//! What the app keeps between commands: the vault (once it could be opened), the clipboard, a
//! `.env` file held between its preview and its import, and the leak scan.
//!
//! Opening can fail — typically the OS keyring is unreachable on a first run, so no vault can be
//! created. The app still starts: the failure is kept and `vault_status` reports it, and the
//! next `vault_status` (the UI's "Try again") tries to open the vault again.

use crate::api::ScanJobs;
use crate::clipboard::ClipboardService;
use crate::dotenv_hold::DotenvHold;
use crate::error::{CommandError, CommandResult};
use agent_secrets_core::app::first_project::ensure_first_project;
use agent_secrets_core::{Error as CoreError, Result as CoreResult, Vault};
use std::sync::{Mutex, MutexGuard, OnceLock};

pub type Opener = Box<dyn Fn() -> CoreResult<Vault> + Send + Sync>;

pub struct AppState {
    pub vault: VaultCell,
    pub clipboard: ClipboardService,
    pub dotenv: DotenvHold,
    /// The app's leak scan ("Scan for leaks"): the chosen folder and the running scan.
    pub scans: ScanJobs,
}

pub struct VaultCell {
    vault: OnceLock<Mutex<Vault>>,
    opener: Opener,
    /// Serialises open attempts and keeps the last failure.
    attempts: Mutex<Attempts>,
}

#[derive(Default)]
struct Attempts {
    /// The last failure, for commands called while there is no vault.
    last: Option<CommandError>,
    /// A failure that `vault_status` has not reported yet: reported once before retrying.
    unreported: bool,
    /// Whether any attempt was made (the startup one is skipped if `vault_status` came first).
    tried: bool,
}

impl VaultCell {
    pub fn new(opener: Opener) -> VaultCell {
        VaultCell {
            vault: OnceLock::new(),
            opener,
            attempts: Mutex::new(Attempts::default()),
        }
    }

    /// A cell holding a vault that is already open (tests; no first project is added).
    pub fn opened(vault: Vault) -> VaultCell {
        let cell = VaultCell::new(Box::new(|| {
            Err(CoreError::Io(
                "this vault cell was given an open vault".into(),
            ))
        }));
        let _ = cell.vault.set(Mutex::new(vault));
        cell
    }

    /// The opened vault, or the reason there is none. Never tries to open.
    pub fn get(&self) -> CommandResult<&Mutex<Vault>> {
        if let Some(vault) = self.vault.get() {
            return Ok(vault);
        }
        let attempts = lock(&self.attempts)?;
        match (self.vault.get(), &attempts.last) {
            (Some(vault), _) => Ok(vault),
            (None, Some(failure)) => Err(failure.clone()),
            (None, None) => Err(CommandError::internal(
                "the vault is not open yet; try again in a moment",
            )),
        }
    }

    /// At startup: opens the vault, keeping a failure for the first `vault_status`.
    pub fn open_at_startup(&self) {
        if let Ok(mut attempts) = lock(&self.attempts) {
            if self.vault.get().is_none() && !attempts.tried {
                let _ = self.try_open(&mut attempts);
            }
        }
    }

    /// For `vault_status`: the vault, or the startup failure (once), or a new attempt.
    pub fn get_or_retry(&self) -> CommandResult<&Mutex<Vault>> {
        if let Some(vault) = self.vault.get() {
            return Ok(vault);
        }
        let mut attempts = lock(&self.attempts)?;
        if let Some(vault) = self.vault.get() {
            return Ok(vault);
        }
        if attempts.unreported {
            attempts.unreported = false;
            if let Some(failure) = &attempts.last {
                return Err(failure.clone());
            }
        }
        let result = self.try_open(&mut attempts);
        attempts.unreported = false;
        result
    }

    fn try_open(&self, attempts: &mut Attempts) -> CommandResult<&Mutex<Vault>> {
        attempts.tried = true;
        match (self.opener)().and_then(|mut vault| {
            ensure_first_project(&mut vault)?;
            Ok(vault)
        }) {
            Ok(vault) => {
                attempts.last = None;
                attempts.unreported = false;
                Ok(self.vault.get_or_init(|| Mutex::new(vault)))
            }
            Err(error) => {
                let failure = CommandError::from(error);
                attempts.last = Some(failure.clone());
                attempts.unreported = true;
                Err(failure)
            }
        }
    }
}

/// Locks a mutex; a poisoned one (a panic in an earlier command) becomes an `internal` error.
pub fn lock<T>(mutex: &Mutex<T>) -> CommandResult<MutexGuard<'_, T>> {
    mutex.lock().map_err(|_| {
        CommandError::internal("an earlier operation failed unexpectedly; restart Agent Secrets")
    })
}

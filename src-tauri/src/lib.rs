//! The Agent Secrets desktop app: a Tauri window over `agent-secrets-core`.
//!
//! Map: `commands` (the one list of commands and their bodies; `command_table` is the macro
//! that makes the Tauri wrappers from it, `arg` reads their arguments) → `api` (the longer
//! bodies) → the core, through `shell` (what a body may use: the vault, locked once, the
//! clipboard, file dialogs, the held `.env` file). `state` holds the vault and keeps a failure
//! to open it; `clipboard` owns the system clipboard; `error` is the `{ code, message, field }`
//! every command rejects with; `dto` the shell's own input/output shapes; `bindings` writes the
//! TypeScript types, limits and command wrappers for the UI, and the capability file.

pub mod api;
pub mod arg;
pub mod bindings;
pub mod clipboard;
pub mod command_table;
pub mod commands;
pub mod dialogs;
pub mod dotenv_hold;
pub mod dto;
pub mod dto_transfer;
pub mod error;
pub mod shell;
pub mod state;

use agent_secrets_core::{default_home, OsKeyring, Vault};
use clipboard::ClipboardService;
use state::{AppState, VaultCell};
use tauri::{Manager, RunEvent};

/// Opens the user's vault: `$AGENT_SECRETS_HOME` or the platform data dir, key in the OS keyring.
fn open_user_vault() -> agent_secrets_core::Result<Vault> {
    let home = default_home()?;
    Vault::open(&home, Box::new(OsKeyring))
}

pub fn run() {
    let state = AppState {
        vault: VaultCell::new(Box::new(open_user_vault)),
        clipboard: ClipboardService::system(),
        dotenv: dotenv_hold::DotenvHold::default(),
        scans: api::ScanJobs::default(),
    };
    let app = tauri::Builder::default()
        .manage(state)
        // The dialog plugin is used from Rust only (dialogs.rs): no `dialog:` permission is
        // granted to the web view.
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            // Off the UI thread: the keyring may take a moment (or ask the user to unlock it).
            // `vault_status` waits for this attempt and reports its failure, if any.
            let handle = app.handle().clone();
            std::thread::Builder::new()
                .name("open-vault".into())
                .spawn(move || handle.state::<AppState>().vault.open_at_startup())?;
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("cannot start Agent Secrets");
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            // Take our copy off the clipboard, unless the user has copied something else since.
            handle.state::<AppState>().clipboard.clear_if_ours();
        }
    });
}

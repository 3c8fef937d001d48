//! The Agent Secrets desktop app: a Tauri window over `agent-secrets-core`.
//!
//! Map: `commands` (the `#[tauri::command]`s, thin) → `api` (their bodies, plain functions of
//! the vault, tested without a window) → the core. `state` holds the vault and keeps a failure
//! to open it; `clipboard` owns the system clipboard; `error` is the `{ code, message, field }`
//! every command rejects with; `dto` the shell's own input/output shapes; `bindings` writes
//! them all as TypeScript for the UI (ui/src/ipc/types.ts).

pub mod api;
pub mod bindings;
pub mod clipboard;
pub mod commands;
pub mod dialogs;
pub mod dto;
pub mod dto_transfer;
pub mod error;
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
    };
    let app = tauri::Builder::default()
        .manage(state)
        .manage(api::DotenvHold::default())
        .manage(api::ScanJobs::default())
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
        .invoke_handler(tauri::generate_handler![
            commands::vault_status,
            commands::recovery_key_show,
            commands::recovery_key_confirm,
            commands::recovery_restore,
            commands::project_list,
            commands::environment_list,
            commands::environment_create,
            commands::environment_rename,
            commands::environment_delete,
            commands::overrides_save,
            commands::secret_list,
            commands::secret_create,
            commands::secret_update,
            commands::secret_delete,
            commands::secret_reveal,
            commands::secret_copy,
            commands::settings_get,
            commands::project_create,
            commands::project_rename,
            commands::project_delete,
            commands::project_select,
            commands::project_current,
            commands::project_duplicate,
            commands::project_export,
            commands::project_import,
            commands::export_dotenv_example,
            commands::dotenv_preview,
            commands::dotenv_import,
            commands::dotenv_cancel,
            commands::pending_value_list,
            commands::pending_value_set,
            commands::step_list,
            commands::step_create,
            commands::step_update,
            commands::step_rename,
            commands::step_delete,
            commands::step_preview,
            commands::step_send,
            commands::variable_list,
            commands::variable_set,
            commands::variable_delete,
            commands::scan_choose_folder,
            commands::scan_start,
            commands::scan_status,
            commands::scan_open_folder,
        ])
        .build(tauri::generate_context!())
        .expect("cannot start Agent Secrets");
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            // Take our copy off the clipboard, unless the user has copied something else since.
            handle.state::<AppState>().clipboard.clear_if_ours();
        }
    });
}

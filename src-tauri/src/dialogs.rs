//! Native file dialogs, opened from Rust (tauri-plugin-dialog's Rust API): the web view never
//! sees a file-system API or gets a path it could choose itself; it only learns the path the user
//! picked, after the fact. No `dialog:` permission is granted to the window.
//!
//! End-to-end tests cannot click through a native dialog. In debug builds only, the environment
//! variable `AGENT_SECRETS_E2E_DIALOG_PATH` answers every dialog with that path instead of opening
//! one. Release builds do not contain that code (`cfg(debug_assertions)`).

use std::path::PathBuf;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// What the dialog is for: its title, filters and suggested file name.
pub enum Purpose<'a> {
    ExportProject { project_name: &'a str },
    ImportProject,
    ImportDotenv,
    ExportDotenvExample,
    ScanFolder,
}

/// Opens the dialog and waits for the user. `None` when cancelled. Blocks: call it from a
/// command (which runs off the UI thread), never from the main thread.
pub fn choose<R: Runtime>(app: &AppHandle<R>, purpose: Purpose<'_>) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os("AGENT_SECRETS_E2E_DIALOG_PATH").filter(|p| !p.is_empty())
    {
        return Some(PathBuf::from(path));
    }
    let dialog = app.dialog().file();
    let chosen = match purpose {
        Purpose::ExportProject { project_name } => dialog
            .set_title("Export project")
            .add_filter("Agent Secrets project", &["json"])
            .set_file_name(format!("{}.agent-secrets.json", file_stem(project_name)))
            .blocking_save_file(),
        Purpose::ImportProject => dialog
            .set_title("Import project")
            .add_filter("Agent Secrets project", &["json"])
            .blocking_pick_file(),
        Purpose::ImportDotenv => dialog.set_title("Import .env file").blocking_pick_file(),
        Purpose::ExportDotenvExample => dialog
            .set_title("Export .env.example")
            .set_file_name(".env.example")
            .blocking_save_file(),
        Purpose::ScanFolder => dialog
            .set_title("Scan a folder for leaks")
            .blocking_pick_folder(),
    };
    chosen.and_then(|path| path.into_path().ok())
}

/// A project name as a file name: letters, digits, `-` and `_`; anything else becomes `-`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "project".to_owned()
    } else {
        stem.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("Support Agent"), "Support-Agent");
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("  "), "project");
    }
}

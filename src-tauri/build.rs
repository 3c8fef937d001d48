//! Declares every app command, so that each one needs an explicit permission
//! (`allow-<command>`, granted to the main window in capabilities/main.json).
//! Keep this list, capabilities/main.json and `generate_handler!` in src/lib.rs in step:
//! tests/command_registry.rs checks that they agree.

const COMMANDS: &[&str] = &[
    "vault_status",
    "recovery_key_show",
    "recovery_key_confirm",
    "recovery_restore",
    "project_list",
    "environment_list",
    "environment_create",
    "environment_rename",
    "environment_delete",
    "overrides_save",
    "secret_list",
    "secret_create",
    "secret_update",
    "secret_delete",
    "secret_reveal",
    "secret_copy",
    "settings_get",
    "project_create",
    "project_rename",
    "project_delete",
    "project_select",
    "project_current",
    "project_duplicate",
    "project_export",
    "project_import",
    "export_dotenv_example",
    "dotenv_preview",
    "dotenv_import",
    "dotenv_cancel",
    "pending_value_list",
    "pending_value_set",
    "step_list",
    "step_create",
    "step_update",
    "step_rename",
    "step_delete",
    "step_preview",
    "step_send",
    "variable_list",
    "variable_set",
    "variable_delete",
    "scan_choose_folder",
    "scan_start",
    "scan_status",
    "scan_open_folder",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed (see the message above)");
}

//! ui/src/ipc/types.ts must be exactly what the Rust types generate. Run with
//! `UPDATE_BINDINGS=1` to rewrite it after changing a DTO.

use agent_secrets_desktop_lib::bindings::{typescript, TYPES_FILE};
use std::path::Path;

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TYPES_FILE);
    let generated = typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some_and(|v| !v.is_empty() && v != "0") {
        std::fs::write(&path, &generated).expect("cannot write the bindings file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the Rust DTOs.\n\
         Regenerate it: UPDATE_BINDINGS=1 cargo test -p agent-secrets-desktop --test bindings\n\
         --- generated ---\n{generated}",
        path.display()
    );
}

#[test]
fn every_name_the_ui_imports_is_exported() {
    let generated = typescript();
    for name in [
        "Visibility",
        "EnvironmentKind",
        "ErrorCode",
        "ErrorField",
        "AppError",
        "LockInfo",
        "VaultStatus",
        "ProjectSummary",
        "Environment",
        "SecretRow",
        "NewSecret",
        "SecretUpdate",
        "OverrideEdit",
        "CopyReceipt",
        "Settings",
    ] {
        assert!(
            generated.contains(&format!("\nexport type {name} = ")),
            "{name} is missing"
        );
    }
    assert!(generated.contains(
        "export type AppError = { code: ErrorCode, message: string, field: ErrorField | null, };"
    ));
}

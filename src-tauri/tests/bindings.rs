//! Every generated file (ui/src/ipc/types.ts, limits.ts, commands.ts, projectCommands.ts and
//! capabilities/main.json) must be exactly what the Rust side generates. Run with
//! `UPDATE_BINDINGS=1` to rewrite them after changing a DTO, a limit or the command table.

use agent_secrets_desktop_lib::bindings::{generated_files, typescript};
use std::path::Path;

#[test]
fn generated_files_are_up_to_date() {
    let update = std::env::var_os("UPDATE_BINDINGS").is_some_and(|v| !v.is_empty() && v != "0");
    let mut stale = Vec::new();
    for (relative, generated) in generated_files() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&relative);
        if update {
            std::fs::write(&path, &generated).expect("cannot write a generated file");
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != generated {
            stale.push(format!("--- {relative} should be ---\n{generated}"));
        }
    }
    assert!(
        stale.is_empty(),
        "generated files are out of date with the Rust side.\n\
         Regenerate them: UPDATE_BINDINGS=1 cargo test -p agent-secrets-desktop --test bindings\n\
         {}",
        stale.join("\n")
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
    assert!(generated.contains(
        "export const ERROR_CODES: readonly ErrorCode[] = [\"not_found\", \"conflict\", \"invalid\""
    ));
}

#[test]
fn limits_have_the_shape_the_ui_codes_against() {
    let limits = agent_secrets_desktop_lib::bindings::limits();
    for line in [
        "  nameMaxBytes: 128,   // secret and variable names (bytes)\n",
        "  labelMaxChars: 100,  // project, environment and step names (characters)\n",
        "  valueMaxBytes: 65536,\n",
        "export const BUILT_IN_ENVIRONMENTS = [\"Development\", \"Production\"] as const;\n",
    ] {
        assert!(limits.contains(line), "{line:?} is missing from:\n{limits}");
    }
}

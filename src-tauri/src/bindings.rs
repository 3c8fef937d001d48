//! Everything the UI and the Tauri configuration take from the Rust side, generated (committed):
//! - ui/src/ipc/types.ts: every DTO the commands take or return (ts-rs), and `ERROR_CODES`;
//! - ui/src/ipc/limits.ts: the core's limits and built-in names (`names.rs`);
//! - ui/src/ipc/commands.ts, projectCommands.ts: one typed wrapper per command of the table;
//! - capabilities/main.json: the main window granted exactly the table's commands (build.rs
//!   reads the command list back from it).
//!
//! tests/bindings.rs fails when a file is stale; `UPDATE_BINDINGS=1` rewrites them.

use crate::command_table::CommandSpec;
use crate::dto::{CopyReceipt, NewSecretInput, OverrideEditInput, SecretUpdateInput};
use crate::dto_transfer::DotenvSelection;
use crate::error::CommandError;
use agent_secrets_core::names::{
    BUILT_IN_ENVIRONMENTS, MAX_LABEL_CHARS, MAX_NAME_LEN, MAX_VALUE_BYTES, MAX_VARIABLE_BYTES,
};
use agent_secrets_core::{
    DotenvImportReport, DotenvPreview, DotenvPreviewEntry, ImportReport, InvalidLine, PendingValue,
};
use agent_secrets_core::{
    Environment, EnvironmentKind, LockInfo, ProjectSummary, SecretRow, Settings, VaultStatus,
    Visibility,
};
use agent_secrets_core::{ErrorCode, Field};
// Steps and project variables.
use agent_secrets_core::http_send::StepResponse;
use agent_secrets_core::step_preview::{
    PreviewDefinition, PreviewError, PreviewErrorCode, PreviewRow, PreviewSegment, StepPreview,
};
use agent_secrets_core::steps::{
    BodyKind, HttpMethod, Step, StepBody, StepDefinition, StepField, StepKind,
};
use agent_secrets_core::Variable;
// Leak scan.
use crate::api::ScanStatus;
use agent_secrets_core::encoded_forms::Form;
use agent_secrets_core::scan::{
    Finding, Origin, ScanProgress, ScanReport, ScanSummary, UnsearchedValue,
};
use ts_rs::TS;

/// Where the UI's IPC files are, relative to the src-tauri directory.
const IPC_DIR: &str = "../ui/src/ipc";

/// Every generated file: its path relative to the src-tauri directory, and its text.
pub fn generated_files() -> Vec<(String, String)> {
    let commands = crate::commands::commands();
    vec![
        (format!("{IPC_DIR}/types.ts"), typescript()),
        (format!("{IPC_DIR}/limits.ts"), limits()),
        (
            format!("{IPC_DIR}/commands.ts"),
            command_wrappers(&commands, "commands.ts"),
        ),
        (
            format!("{IPC_DIR}/projectCommands.ts"),
            command_wrappers(&commands, "projectCommands.ts"),
        ),
        ("capabilities/main.json".to_owned(), capability(&commands)),
    ]
}

const HEADER: &str = "\
// Data shapes exchanged with the Rust back end.
// GENERATED from the Rust types by ts-rs: do not edit by hand. To regenerate, run
//   UPDATE_BINDINGS=1 cargo test -p agent-secrets-desktop --test bindings
";

/// The whole text of ui/src/ipc/types.ts.
pub fn typescript() -> String {
    let declarations = [
        Visibility::decl(),
        EnvironmentKind::decl(),
        ErrorCode::decl(),
        Field::decl(),
        CommandError::decl(),
        LockInfo::decl(),
        VaultStatus::decl(),
        ProjectSummary::decl(),
        Environment::decl(),
        SecretRow::decl(),
        NewSecretInput::decl(),
        SecretUpdateInput::decl(),
        OverrideEditInput::decl(),
        CopyReceipt::decl(),
        Settings::decl(),
        ImportReport::decl(),
        PendingValue::decl(),
        InvalidLine::decl(),
        DotenvPreviewEntry::decl(),
        DotenvPreview::decl(),
        DotenvSelection::decl(),
        DotenvImportReport::decl(),
        Variable::decl(),
        StepKind::decl(),
        HttpMethod::decl(),
        StepField::decl(),
        BodyKind::decl(),
        StepBody::decl(),
        StepDefinition::decl(),
        Step::decl(),
        PreviewSegment::decl(),
        PreviewRow::decl(),
        PreviewDefinition::decl(),
        PreviewErrorCode::decl(),
        PreviewError::decl(),
        StepPreview::decl(),
        StepResponse::decl(),
        Form::decl(),
        Origin::decl(),
        Finding::decl(),
        UnsearchedValue::decl(),
        ScanSummary::decl(),
        ScanReport::decl(),
        ScanProgress::decl(),
        ScanStatus::decl(),
    ];
    let mut out = String::from(HEADER);
    for declaration in declarations {
        out.push('\n');
        out.push_str("export ");
        // ts-rs leaves a space before each field's doc comment; no trailing blanks in the file.
        for line in declaration.trim().lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    let codes: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|code| format!("\"{}\"", code.as_str()))
        .collect();
    out.push_str(&format!(
        "\n/** Every ErrorCode, to recognise an AppError among rejected values. */\n\
         export const ERROR_CODES: readonly ErrorCode[] = [{}];\n",
        codes.join(", ")
    ));
    out
}

/// ui/src/ipc/limits.ts: the core's limits, so that form checks and `maxLength` cannot drift.
pub fn limits() -> String {
    let environments: Vec<String> = BUILT_IN_ENVIRONMENTS
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect();
    format!(
        "// Generated from the core by src-tauri/src/bindings.rs: do not edit.\n\
         export const LIMITS = {{\n\
         \x20 nameMaxBytes: {MAX_NAME_LEN},   // secret and variable names (bytes)\n\
         \x20 labelMaxChars: {MAX_LABEL_CHARS},  // project, environment and step names (characters)\n\
         \x20 valueMaxBytes: {MAX_VALUE_BYTES},\n\
         \x20 variableValueMaxBytes: {MAX_VARIABLE_BYTES},\n\
         }} as const;\n\
         export const BUILT_IN_ENVIRONMENTS = [{}] as const;\n",
        environments.join(", ")
    )
}

const COMMANDS_HEADER: &str = "\
// One typed wrapper per back-end command. The UI talks to Rust only through these.
// Every command rejects with an AppError; use `toAppError` on a caught value.
";

const PROJECT_COMMANDS_HEADER: &str = "\
// Typed wrappers for the project and transfer commands (projects, project files, .env, the
// guided re-entry). File dialogs open in Rust: these calls never pass a path.
";

const GENERATED_NOTE: &str = "\
// GENERATED from the command table (src-tauri/src/commands.rs) by src-tauri/src/bindings.rs:
// do not edit. To regenerate, run
//   UPDATE_BINDINGS=1 cargo test -p agent-secrets-desktop --test bindings
";

/// The TypeScript wrappers of the commands the table puts in `file`.
pub fn command_wrappers(commands: &[CommandSpec], file: &str) -> String {
    let commands: Vec<&CommandSpec> = commands.iter().filter(|c| c.ts_file == file).collect();
    let mut types = std::collections::BTreeSet::new();
    for command in &commands {
        let mentioned = command
            .args
            .iter()
            .map(|(_, ts)| ts)
            .chain([&command.returns]);
        types.extend(mentioned.flat_map(|ts| type_names(ts)));
    }
    let mut out = String::from(if file == "commands.ts" {
        COMMANDS_HEADER
    } else {
        PROJECT_COMMANDS_HEADER
    });
    out.push_str(GENERATED_NOTE);
    out.push_str("import { invoke } from \"@tauri-apps/api/core\";\n");
    if !types.is_empty() {
        let types: Vec<String> = types.into_iter().collect();
        out.push_str(&format!(
            "import type {{ {} }} from \"./types\";\n",
            types.join(", ")
        ));
    }
    for command in commands {
        out.push('\n');
        out.push_str(&wrapper(command));
    }
    out
}

fn wrapper(command: &CommandSpec) -> String {
    let mut out = String::new();
    let doc: Vec<&str> = command.doc.iter().map(|line| line.trim()).collect();
    match doc.as_slice() {
        [] => {}
        [line] => out.push_str(&format!("/** {line} */\n")),
        lines => {
            out.push_str("/**\n");
            for line in lines {
                out.push_str(&format!(" * {line}\n"));
            }
            out.push_str(" */\n");
        }
    }
    let params: Vec<String> = command
        .args
        .iter()
        .map(|(name, ts)| format!("{}: {ts}", camel_case(name)))
        .collect();
    let names: Vec<String> = command.args.iter().map(|(n, _)| camel_case(n)).collect();
    let args = if names.is_empty() {
        String::new()
    } else {
        format!(", {{ {} }}", names.join(", "))
    };
    let (name, params) = (camel_case(command.name), params.join(", "));
    let invoked = command.name;
    if command.returns == "null" {
        out.push_str(&format!(
            "export async function {name}({params}): Promise<void> {{\n  \
             await invoke<null>(\"{invoked}\"{args});\n}}\n"
        ));
    } else {
        let answer = &command.returns;
        out.push_str(&format!(
            "export function {name}({params}): Promise<{answer}> {{\n  \
             return invoke<{answer}>(\"{invoked}\"{args});\n}}\n"
        ));
    }
    out
}

/// The generated types a TypeScript type names (`Array<SecretRow> | null` → `SecretRow`).
fn type_names(ts: &str) -> Vec<String> {
    ts.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|word| word.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|word| !["Array", "Record", "Promise"].contains(word))
        .map(str::to_owned)
        .collect()
}

pub fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The permission Tauri generates for a command declared in build.rs.
pub fn permission(command: &str) -> String {
    format!("allow-{}", command.replace('_', "-"))
}

/// capabilities/main.json: the main window may call exactly the table's commands.
pub fn capability(commands: &[CommandSpec]) -> String {
    // The one built-in permission: the app's version, read by the About dialog (`getVersion`).
    let permissions: Vec<String> = std::iter::once("core:app:allow-version".to_owned())
        .chain(commands.iter().map(|command| permission(command.name)))
        .map(|permission| format!("    \"{permission}\""))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \
         \"identifier\": \"main\",\n  \
         \"description\": \"The main window may call the app's own commands and read the app's \
         version (About), nothing else: no fs, shell, http or clipboard plugin is exposed to the \
         web view. Generated from the command table by src-tauri/src/bindings.rs.\",\n  \
         \"windows\": [\"main\"],\n  \
         \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}

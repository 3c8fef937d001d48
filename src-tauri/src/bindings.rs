//! The TypeScript side of the IPC: every DTO the commands take or return, from the core and from
//! the shell, written with ts-rs into one file, ui/src/ipc/types.ts (committed).
//! tests/bindings.rs fails when that file is stale; `UPDATE_BINDINGS=1` rewrites it.

use crate::dto::{CopyReceipt, NewSecretInput, OverrideEditInput, SecretUpdateInput};
use crate::dto_transfer::DotenvSelection;
use crate::error::{CommandError, ErrorCode, ErrorField};
use agent_secrets_core::{
    DotenvImportReport, DotenvPreview, DotenvPreviewEntry, ImportReport, InvalidLine, PendingValue,
};
use agent_secrets_core::{
    Environment, EnvironmentKind, LockInfo, ProjectSummary, SecretRow, Settings, VaultStatus,
    Visibility,
};
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

/// The file's path relative to the src-tauri directory.
pub const TYPES_FILE: &str = "../ui/src/ipc/types.ts";

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
        ErrorField::decl(),
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
    out
}

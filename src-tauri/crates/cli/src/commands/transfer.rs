//! `project duplicate | export | import | export-dotenv-example` and `secret import-dotenv`:
//! projects move without their values (names, visibilities, environments, override markers,
//! variables); a `.env` brings values into the current project, all or nothing.

use super::Out;
use crate::args::{ProjectCommand, SecretCommand, VisibilityArg};
use crate::context::{self, CliError, CliResult};
use crate::output::print_table;
use agent_secrets_core::transfer::atomic::read_limited;
use agent_secrets_core::transfer::project_file::MAX_FILE_BYTES;
use agent_secrets_core::{DotenvPreview, ImportReport, Visibility};
use serde_json::json;
use std::path::Path;
use zeroize::Zeroizing;

pub fn project(home: &Path, out: Out, command: ProjectCommand) -> CliResult<()> {
    match command {
        ProjectCommand::Duplicate { name } => {
            let mut vault = context::open_required(home)?;
            let project = vault.find_project(&name)?;
            let report = vault.duplicate_project(project.id)?;
            imported(out, "Duplicated", &project.name, &report);
        }
        ProjectCommand::Export { name, output } => {
            let vault = context::open_required(home)?;
            let project = vault.find_project(&name)?;
            vault.export_project(project.id, &output)?;
            out.done(
                &format!(
                    "Exported \"{}\" to {} (names only, no values).",
                    project.name,
                    output.display()
                ),
                json!({ "ok": true, "project": project, "path": output }),
            );
        }
        ProjectCommand::Import { file } => {
            let mut vault = context::open_required(home)?;
            let report = vault.import_project(&file)?;
            imported(out, "Imported", &file.display().to_string(), &report);
        }
        ProjectCommand::ExportDotenvExample { name, output } => {
            let vault = context::open_required(home)?;
            let project = vault.find_project(&name)?;
            vault.export_dotenv_example(project.id, &output)?;
            out.done(
                &format!(
                    "Wrote the secret names of \"{}\" to {}.",
                    project.name,
                    output.display()
                ),
                json!({ "ok": true, "path": output }),
            );
        }
        other => unreachable!("not a transfer command: {other:?}"),
    }
    Ok(())
}

fn imported(out: Out, verb: &str, source: &str, report: &ImportReport) {
    let needs = match report.needs_values {
        0 => "no secret needs a value".to_owned(),
        1 => "1 secret needs values".to_owned(),
        n => format!("{n} secrets need values"),
    };
    out.done(
        &format!(
            "{verb} {source} as project \"{}\": {needs} ({} in all). Enter them with \
             `agent-secrets secret set NAME [--env ENV] --project \"{}\"` or in the app.",
            report.project.name, report.pending_values, report.project.name
        ),
        json!({ "ok": true, "report": report }),
    );
}

pub fn secret(home: &Path, out: Out, command: SecretCommand) -> CliResult<()> {
    let SecretCommand::ImportDotenv {
        file,
        project,
        visibility,
        dry_run,
    } = command
    else {
        unreachable!("not a transfer command: {command:?}");
    };
    let mut vault = context::open_required(home)?;
    let project = context::project(&vault, project.project.as_deref())?;
    let bytes = Zeroizing::new(read_limited(&file, MAX_FILE_BYTES, ".env file")?);
    let preview = vault.preview_dotenv(project.id, &bytes)?;
    let source = file.display().to_string();
    if let Some(rejection) =
        preview.rejection(&source, |lines| format!("\n  {}", lines.join("\n  ")))
    {
        return Err(CliError::Core(rejection));
    }
    let visibility = match visibility {
        VisibilityArg::Masked => Visibility::Masked,
        VisibilityArg::Restricted => Visibility::Restricted,
    };
    if dry_run {
        show_preview(out, &preview, visibility);
        return Ok(());
    }
    let report = vault.import_dotenv(project.id, &bytes, visibility)?;
    if !out.json {
        show_preview(out, &preview, visibility);
    }
    out.done(
        &format!(
            "Imported {} into \"{}\": {} new, {} updated.",
            file.display(),
            project.name,
            report.created,
            report.updated
        ),
        json!({ "ok": true, "created": report.created, "updated": report.updated,
                "names": preview.entries.iter().map(|e| &e.name).collect::<Vec<_>>() }),
    );
    Ok(())
}

fn show_preview(out: Out, preview: &DotenvPreview, visibility: Visibility) {
    if out.json {
        crate::output::print_json(&preview);
        return;
    }
    let new_label = match visibility {
        Visibility::Masked => "new (Masked)",
        Visibility::Restricted => "new (Restricted)",
    };
    let rows: Vec<Vec<String>> = preview
        .entries
        .iter()
        .map(|e| {
            vec![
                e.line.to_string(),
                e.name.clone(),
                match e.existing {
                    None => new_label.to_owned(),
                    Some(Visibility::Masked) => "update (Masked)".to_owned(),
                    Some(Visibility::Restricted) => "update (Restricted)".to_owned(),
                },
            ]
        })
        .collect();
    print_table(&["LINE", "NAME", "ACTION"], &rows);
}

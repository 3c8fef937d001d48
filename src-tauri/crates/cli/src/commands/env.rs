use super::Out;
use crate::args::EnvCommand;
use crate::context::{self, CliResult};
use crate::output::{print_json, print_table};
use agent_secrets_core::app::environments::find_environment;
use serde_json::json;
use std::path::Path;

pub fn run(home: &Path, out: Out, command: EnvCommand) -> CliResult<()> {
    match command {
        EnvCommand::List { project } => {
            let vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let environments = vault.list_environments(project.id)?;
            if out.json {
                print_json(&environments);
            } else {
                let rows: Vec<Vec<String>> = environments
                    .iter()
                    .map(|e| vec![e.name.clone(), e.kind.as_str().to_owned()])
                    .collect();
                print_table(&["NAME", "KIND"], &rows);
            }
        }
        EnvCommand::Create { name, project } => {
            let mut vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let env = vault.create_environment(project.id, &name)?;
            out.done(
                &format!(
                    "Created environment \"{}\" in \"{}\".",
                    env.name, project.name
                ),
                json!({ "ok": true, "environment": env }),
            );
        }
        EnvCommand::Rename {
            name,
            new_name,
            project,
        } => {
            let mut vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let env = find_environment(&vault, project.id, &name)?;
            let renamed = vault.rename_environment(project.id, env.id, &new_name)?;
            out.done(
                &format!(
                    "Renamed environment \"{}\" to \"{}\".",
                    env.name, renamed.name
                ),
                json!({ "ok": true, "environment": renamed }),
            );
        }
        EnvCommand::Delete { name, project } => {
            let mut vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let env = find_environment(&vault, project.id, &name)?;
            vault.delete_environment(project.id, env.id)?;
            out.done(
                &format!("Deleted environment \"{}\" and its overrides.", env.name),
                json!({ "ok": true }),
            );
        }
    }
    Ok(())
}

use super::Out;
use crate::args::ProjectCommand;
use crate::context::{self, CliError, CliResult};
use crate::output::{print_json, print_table};
use serde_json::json;
use std::path::Path;

pub fn run(home: &Path, out: Out, command: ProjectCommand) -> CliResult<()> {
    match command {
        ProjectCommand::List => {
            let projects = match context::open_existing(home)? {
                Some(vault) => vault.list_projects()?,
                None => Vec::new(),
            };
            if out.json {
                print_json(&projects);
            } else if projects.is_empty() {
                println!("No projects yet. Create one with `agent-secrets project create NAME`.");
            } else {
                let rows: Vec<Vec<String>> = projects
                    .iter()
                    .map(|p| vec![p.name.clone(), p.secret_count.to_string()])
                    .collect();
                print_table(&["NAME", "SECRETS"], &rows);
            }
        }
        ProjectCommand::Create { name } => {
            let (mut vault, created) = context::open_or_create(home)?;
            if created {
                eprintln!(
                    "Created a new vault in {} (its key is in the {}).\n\
                     Save its recovery key now: run `agent-secrets recovery show`.",
                    home.display(),
                    vault.key_store_description()
                );
            }
            let project = vault.create_project(&name)?;
            out.done(
                &format!(
                    "Created project \"{}\" with Development and Production.",
                    project.name
                ),
                json!({ "ok": true, "project": project }),
            );
        }
        ProjectCommand::Rename { name, new_name } => {
            let mut vault = context::open_required(home)?;
            let project = vault.find_project(&name)?;
            let renamed = vault.rename_project(project.id, &new_name)?;
            out.done(
                &format!(
                    "Renamed project \"{}\" to \"{}\".",
                    project.name, renamed.name
                ),
                json!({ "ok": true, "project": renamed }),
            );
        }
        ProjectCommand::Delete { name, yes } => {
            let mut vault = context::open_required(home)?;
            let project = vault.find_project(&name)?;
            if !yes {
                return Err(CliError::Usage(format!(
                    "deleting project \"{}\" removes its {} secret(s) for good; add --yes to confirm",
                    project.name, project.secret_count
                )));
            }
            vault.delete_project(project.id)?;
            out.done(
                &format!("Deleted project \"{}\".", project.name),
                json!({ "ok": true }),
            );
        }
        other => super::transfer::project(home, out, other)?,
    }
    Ok(())
}

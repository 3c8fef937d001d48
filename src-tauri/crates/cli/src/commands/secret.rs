use super::Out;
use crate::args::{SecretCommand, VisibilityArg};
use crate::context::{self, CliResult};
use crate::input::read_secret;
use crate::output::{print_json, print_table};
use agent_secrets_core::app::environments::find_optional_environment;
use agent_secrets_core::app::overrides::remove_override;
use agent_secrets_core::{Environment, ExposeSecret, SecretRow, Vault, Visibility};
use serde::Serialize;
use serde_json::json;
use std::path::Path;
use uuid::Uuid;

pub fn run(home: &Path, out: Out, command: SecretCommand) -> CliResult<()> {
    match command {
        SecretCommand::List { project, env } => {
            let vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let environments = vault.list_environments(project.id)?;
            let env = find_optional_environment(&vault, project.id, env.as_deref())?;
            list(&vault, out, project.id, &environments, env.as_ref())?;
        }
        SecretCommand::Set {
            name,
            project,
            env,
            visibility,
        } => {
            let mut vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let env = find_optional_environment(&vault, project.id, env.as_deref())?;
            // Refuse a locked vault before asking for the value.
            if let Some(reason) = vault.lock_reason() {
                return Err(agent_secrets_core::Error::Locked(reason.clone()).into());
            }
            let value = read_secret(&format!("Value for {name}: "))?;
            let visibility = match visibility {
                VisibilityArg::Masked => Visibility::Masked,
                VisibilityArg::Restricted => Visibility::Restricted,
            };
            let row = vault.set_secret_value(
                project.id,
                &name,
                env.as_ref().map(|e| e.id),
                value,
                visibility,
            )?;
            let place = env.map_or_else(
                || "default value".to_owned(),
                |e| format!("{} override", e.name),
            );
            out.done(
                &format!("Set {} ({place}) in \"{}\".", row.name, project.name),
                json!({ "ok": true, "name": row.name, "visibility": row.visibility }),
            );
        }
        SecretCommand::Get { name, project, env } => {
            let vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let env = find_optional_environment(&vault, project.id, env.as_deref())?;
            let secret = vault.find_secret(project.id, &name)?;
            let value = vault.reveal(project.id, secret.id, env.map(|e| e.id))?;
            if out.json {
                print_json(&json!({ "name": secret.name, "value": value.expose_secret() }));
            } else {
                println!("{}", value.expose_secret());
            }
        }
        SecretCommand::Unset { name, project, env } => {
            let mut vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let removed = remove_override(&mut vault, project.id, &name, &env)?;
            out.done(
                &format!(
                    "Removed the {} override of {}: it uses its default there now.",
                    removed.environment.name, removed.secret.name
                ),
                json!({ "ok": true }),
            );
        }
        SecretCommand::Rm { name, project } => {
            let mut vault = context::open_required(home)?;
            let project = context::project(&vault, project.project.as_deref())?;
            let secret = vault.find_secret(project.id, &name)?;
            vault.delete_secret(project.id, secret.id)?;
            out.done(
                &format!("Deleted {} from \"{}\".", secret.name, project.name),
                json!({ "ok": true }),
            );
        }
        other @ SecretCommand::ImportDotenv { .. } => super::transfer::secret(home, out, other)?,
    }
    Ok(())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListedSecret {
    name: String,
    visibility: Visibility,
    has_default: bool,
    overridden_in: Vec<String>,
    missing_in: Vec<String>,
    updated_at: i64,
    /// With `--env`: "set" (an override), "default" or "missing".
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<&'static str>,
}

fn list(
    vault: &Vault,
    out: Out,
    project: Uuid,
    environments: &[Environment],
    env: Option<&Environment>,
) -> CliResult<()> {
    let names = |ids: &[Uuid]| -> Vec<String> {
        environments
            .iter()
            .filter(|e| ids.contains(&e.id))
            .map(|e| e.name.clone())
            .collect()
    };
    let listed: Vec<ListedSecret> = vault
        .list_secrets(project)?
        .into_iter()
        .map(|row: SecretRow| ListedSecret {
            state: env.map(|env| state_in(&row, env.id)),
            overridden_in: names(&row.overridden_in),
            missing_in: names(&row.missing_in),
            name: row.name,
            visibility: row.visibility,
            has_default: row.has_default,
            updated_at: row.updated_at,
        })
        .collect();
    if out.json {
        print_json(&listed);
        return Ok(());
    }
    if listed.is_empty() {
        println!("No secrets yet. Add one with `agent-secrets secret set NAME` (the value is read from stdin).");
        return Ok(());
    }
    let mut header = vec!["NAME", "VISIBILITY", "DEFAULT", "OVERRIDES", "MISSING IN"];
    if env.is_some() {
        header.push("STATE");
    }
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|s| {
            let mut row = vec![
                s.name.clone(),
                s.visibility.as_str().to_owned(),
                if s.has_default { "set" } else { "missing" }.to_owned(),
                or_dash(s.overridden_in.join(", ")),
                or_dash(s.missing_in.join(", ")),
            ];
            if let Some(state) = s.state {
                row.push(state.to_owned());
            }
            row
        })
        .collect();
    print_table(&header, &rows);
    Ok(())
}

fn state_in(row: &SecretRow, env: Uuid) -> &'static str {
    if row.overridden_in.contains(&env) {
        "set"
    } else if row.has_default {
        "default"
    } else {
        "missing"
    }
}

fn or_dash(text: String) -> String {
    if text.is_empty() {
        "-".to_owned()
    } else {
        text
    }
}

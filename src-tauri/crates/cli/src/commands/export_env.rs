//! `export-env`: an environment's Masked secrets as a .env file or JSON.

use crate::args::{ExportEnvArgs, ExportFormat};
use crate::context::{self, CliError, CliResult};
use crate::dotenv;
use agent_secrets_core::app::resolution::select_secrets;
use agent_secrets_core::transfer::atomic;
use agent_secrets_core::{Error, ExposeSecret, Visibility};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use zeroize::Zeroizing;

pub fn run(home: &Path, args: ExportEnvArgs) -> CliResult<()> {
    let vault = context::open_required(home)?;
    let project = context::project(&vault, args.project.project.as_deref())?;
    let mut secrets = select_secrets(&vault, &project, &args.env, &args.only)?;
    let restricted: Vec<&str> = secrets
        .iter()
        .filter(|s| s.visibility == Visibility::Restricted)
        .map(|s| s.name.as_str())
        .collect();
    if !restricted.is_empty() && !args.skip_restricted {
        return Err(CliError::Refused(format!(
            "export-env writes values in plain text, so it exports Masked secrets only; \
             Restricted: {}. Leave them out with --skip-restricted or choose secrets with \
             --only NAME; programs that need them get them through `agent-secrets run` or \
             `agent-secrets inject -o FILE`",
            restricted.join(", ")
        )));
    }
    secrets.retain(|s| s.visibility == Visibility::Masked);
    let pairs = secrets
        .iter()
        .map(|s| (s.name.as_str(), s.value.expose_secret()));
    let text = match args.format {
        ExportFormat::Dotenv => dotenv::render(pairs),
        ExportFormat::Json => {
            let object: BTreeMap<&str, &str> = pairs.collect();
            let mut text = Zeroizing::new(
                serde_json::to_string_pretty(&object).expect("a map of strings always encodes"),
            );
            text.push('\n');
            text
        }
    };
    match &args.output {
        Some(path) => Ok(atomic::write(path, text.as_bytes())?),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|e| CliError::Core(Error::Io(format!("cannot write the output: {e}"))))
        }
    }
}

//! `run`: the user's command with an environment's secrets in its environment.

use crate::args::RunArgs;
use crate::child::{self, Output};
use crate::context::{self, CliResult};
use crate::redact::Redactor;
use agent_secrets_core::app::resolution::select_secrets;
use agent_secrets_core::ExposeSecret;
use std::path::Path;
use std::process::ExitCode;

pub fn run(home: &Path, args: RunArgs) -> CliResult<ExitCode> {
    let secrets = {
        let vault = context::open_required(home)?;
        let project = context::project(&vault, args.project.project.as_deref())?;
        select_secrets(&vault, &project, &args.env, &args.only)?
        // The vault closes here: the command may run for hours.
    };
    let values = secrets.iter().map(|s| s.value.expose_secret());
    let output = if args.no_redact {
        Output::Inherited
    } else {
        Output::Redacted(Box::new(Redactor::new(values)))
    };
    let env = secrets
        .iter()
        .map(|s| (s.name.as_str(), s.value.expose_secret()));
    child::run(&args.command, env, output).map(ExitCode::from)
}

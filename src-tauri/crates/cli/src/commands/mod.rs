//! One module per subcommand group; `run` dispatches.

mod completions;
mod doctor;
mod env;
mod export_env;
mod inject;
mod project;
mod recovery;
mod run;
pub mod scan;
mod secret;
mod settings;
mod transfer;

use crate::args::{Cli, Command};
use crate::context::{self, CliResult};
use std::process::ExitCode;

pub fn run(cli: Cli) -> CliResult<ExitCode> {
    let home = context::home(cli.home.as_deref())?;
    let out = Out { json: cli.json };
    match cli.command {
        Command::Doctor => doctor::run(&home, out),
        Command::Project(command) => project::run(&home, out, command).map(|_| ExitCode::SUCCESS),
        Command::Secret(command) => secret::run(&home, out, command).map(|_| ExitCode::SUCCESS),
        Command::Env(command) => env::run(&home, out, command).map(|_| ExitCode::SUCCESS),
        Command::Recovery(command) => recovery::run(&home, out, command).map(|_| ExitCode::SUCCESS),
        Command::Settings(command) => settings::run(&home, out, command).map(|_| ExitCode::SUCCESS),
        Command::Run(args) => run::run(&home, args),
        Command::Inject(args) => inject::run(&home, args).map(|_| ExitCode::SUCCESS),
        Command::ExportEnv(args) => export_env::run(&home, args).map(|_| ExitCode::SUCCESS),
        Command::Scan(args) => scan::run(&home, out, args),
        Command::Completions { shell } => {
            completions::run(shell);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// How to print: human text or `--json`.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    pub json: bool,
}

impl Out {
    /// A one-line confirmation, or `{"ok": true, ...}` with `--json`.
    pub fn done(self, message: &str, json: serde_json::Value) {
        if self.json {
            crate::output::print_json(&json);
        } else {
            println!("{message}");
        }
    }
}

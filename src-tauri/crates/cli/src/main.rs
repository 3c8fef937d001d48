//! `agent-secrets`: the Agent Secrets vault from a terminal. Each subcommand parses its
//! arguments, calls the core and prints; every rule lives in `agent-secrets-core`.

mod args;
mod child;
mod commands;
mod context;
mod dotenv;
mod input;
mod output;

// `run` redacts with the core's matcher (shared with the desktop app's API step responses).
use agent_secrets_core::redact;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let json = cli.json;
    match commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            output::print_error(&error, json);
            ExitCode::from(error.exit_code())
        }
    }
}

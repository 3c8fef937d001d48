//! The command-line grammar (clap). Values are never taken from argv: they come from stdin
//! or a no-echo prompt, so they stay out of shell history and `ps`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "agent-secrets",
    version,
    about = "Agent Secrets: encrypted secrets for your agent projects, from a terminal"
)]
pub struct Cli {
    /// Data directory of the vault (default: $AGENT_SECRETS_HOME, else the platform data dir).
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,
    /// Machine-readable JSON output (errors too, on stderr).
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report the data directory, the keyring and the vault's state. Never creates anything.
    Doctor,
    /// Projects (agents).
    #[command(subcommand)]
    Project(ProjectCommand),
    /// Secrets of a project.
    #[command(subcommand)]
    Secret(SecretCommand),
    /// Environments of a project (Development, Production, custom ones).
    #[command(subcommand)]
    Env(EnvCommand),
    /// The recovery key that restores access when the OS keyring entry is lost.
    #[command(subcommand)]
    Recovery(RecoveryCommand),
    /// App settings stored in the vault.
    #[command(subcommand)]
    Settings(SettingsCommand),
}

#[derive(Debug, Args)]
pub struct ProjectArg {
    /// Project name (may be omitted when the vault has exactly one project).
    #[arg(
        long,
        short = 'p',
        env = "AGENT_SECRETS_PROJECT",
        value_name = "PROJECT"
    )]
    pub project: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// List projects.
    List,
    /// Create a project with the Development and Production environments.
    Create { name: String },
    /// Rename a project.
    Rename { name: String, new_name: String },
    /// Delete a project with all its secrets.
    Delete {
        name: String,
        /// Confirm the deletion.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum VisibilityArg {
    Masked,
    Restricted,
}

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// List secrets (names, visibility, where values are set or missing; never values).
    List {
        #[command(flatten)]
        project: ProjectArg,
        /// Show each secret's state in this environment: set, default or missing.
        #[arg(long, value_name = "ENV")]
        env: Option<String>,
    },
    /// Set a value, read from stdin (one trailing newline stripped) or a no-echo prompt.
    /// Creates the secret if the name is new.
    Set {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
        /// Write this environment's override instead of the default value.
        #[arg(long, value_name = "ENV")]
        env: Option<String>,
        /// Visibility of a new secret (an existing one keeps its own).
        #[arg(long, value_enum, default_value = "masked")]
        visibility: VisibilityArg,
    },
    /// Print a Masked secret's value (the environment's value with --env). Refuses Restricted.
    Get {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
        #[arg(long, value_name = "ENV")]
        env: Option<String>,
    },
    /// Remove an environment's override: the secret falls back to its default there.
    Unset {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
        #[arg(long, value_name = "ENV")]
        env: String,
    },
    /// Delete a secret from every environment.
    Rm {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum EnvCommand {
    /// List environments.
    List {
        #[command(flatten)]
        project: ProjectArg,
    },
    /// Create a custom environment (e.g. Staging).
    Create {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
    },
    /// Rename a custom environment.
    Rename {
        name: String,
        new_name: String,
        #[command(flatten)]
        project: ProjectArg,
    },
    /// Delete a custom environment and its overrides.
    Delete {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum RecoveryCommand {
    /// Print the recovery key (keep it on paper or in a password manager).
    Show,
    /// Restore access with the recovery key (read from stdin or a no-echo prompt);
    /// a new key is stored in the OS keyring.
    Restore,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Show the settings.
    Show,
    /// Change a setting.
    Set {
        #[arg(value_enum)]
        key: SettingKey,
        value: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SettingKey {
    /// Seconds before a copied secret is cleared from the clipboard (1–600).
    ClipboardClearSeconds,
}

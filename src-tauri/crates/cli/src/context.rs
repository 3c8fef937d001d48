//! Finding the vault and the project a command acts on, and the CLI's own error type.

use agent_secrets_core::app::current_project::{self, ChoiceError};
use agent_secrets_core::app::resolution::SelectionError;
use agent_secrets_core::reference::ReferenceError;
use agent_secrets_core::{default_home, Error, Opened, OsKeyring, ProjectSummary, Vault};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum CliError {
    Core(Error),
    /// Wrong use of the command line (exit code 2, like clap's own usage errors).
    Usage(String),
    /// Secrets a command needs that have no value in the environment.
    MissingValues {
        environment: String,
        names: Vec<String>,
    },
    /// References in a template that do not resolve.
    Unresolved(Vec<ReferenceError>),
    /// The command would show values it must not (Restricted ones).
    Refused(String),
    /// `run` could not start the command: exit code 127 (not found) or 126 (not executable),
    /// as in a shell.
    NotStarted {
        message: String,
        exit_code: u8,
    },
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::NotStarted { exit_code, .. } => *exit_code,
            CliError::Core(_)
            | CliError::MissingValues { .. }
            | CliError::Unresolved(_)
            | CliError::Refused(_) => 1,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            CliError::Usage(_) => "usage",
            CliError::Core(e) => e.code(),
            CliError::MissingValues { .. } => "missing_value",
            CliError::Unresolved(_) => "unresolved_reference",
            CliError::Refused(_) => "refused",
            CliError::NotStarted { .. } => "not_started",
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Core(e) => e.fmt(f),
            CliError::Usage(message) | CliError::Refused(message) => f.write_str(message),
            CliError::NotStarted { message, .. } => f.write_str(message),
            CliError::MissingValues { environment, names } => write!(
                f,
                "no value in {environment} for {} (no override and no default); set one with \
                 `agent-secrets secret set NAME --env {environment}`",
                names.join(", ")
            ),
            CliError::Unresolved(errors) => {
                write!(
                    f,
                    "the template has {} unresolved reference(s):",
                    errors.len()
                )?;
                for error in errors {
                    write!(f, "\n  {error}")?;
                }
                Ok(())
            }
        }
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Core(e)
    }
}

impl From<ChoiceError> for CliError {
    fn from(e: ChoiceError) -> Self {
        match e {
            // Not knowing which project to use is a usage error (exit code 2).
            ambiguous @ ChoiceError::Ambiguous { .. } => CliError::Usage(ambiguous.to_string()),
            ChoiceError::Core(e) => CliError::Core(e),
        }
    }
}

impl From<SelectionError> for CliError {
    fn from(e: SelectionError) -> Self {
        match e {
            SelectionError::MissingValues { environment, names } => {
                CliError::MissingValues { environment, names }
            }
            SelectionError::Core(e) => CliError::Core(e),
        }
    }
}

pub type CliResult<T> = Result<T, CliError>;

pub fn home(explicit: Option<&Path>) -> CliResult<PathBuf> {
    match explicit {
        Some(dir) => Ok(dir.to_path_buf()),
        None => Ok(default_home()?),
    }
}

/// Opens the existing vault; `None` when there is none yet.
pub fn open_existing(home: &Path) -> CliResult<Option<Vault>> {
    match Vault::open_existing(home, Box::new(OsKeyring))? {
        Opened::Vault(vault) => Ok(Some(vault)),
        Opened::Missing(_) => Ok(None),
    }
}

/// Opens the vault, or explains how to create one.
pub fn open_required(home: &Path) -> CliResult<Vault> {
    open_existing(home)?.ok_or_else(|| {
        CliError::Core(Error::NotFound(format!(
            "no vault in {} yet: create one with `agent-secrets project create NAME`",
            home.display()
        )))
    })
}

/// Opens the vault, creating it (and its keyring key) on first use.
pub fn open_or_create(home: &Path) -> CliResult<(Vault, bool)> {
    match open_existing(home)? {
        Some(vault) => Ok((vault, false)),
        None => Ok((Vault::open(home, Box::new(OsKeyring))?, true)),
    }
}

/// The project named by `--project`, else the current (remembered) project, else the vault's
/// only project; the rule is the core's (`app::current_project`).
pub fn project(vault: &Vault, name: Option<&str>) -> CliResult<ProjectSummary> {
    Ok(current_project::choose_project(vault, name)?)
}

//! The application layer: the decisions both shells need beyond single rules — which project
//! is current, the first project, finding an environment by name or id, removing an override,
//! resolving the secrets a command asked for. The desktop app's commands and the CLI's
//! subcommands call these (as GitButler's `but-api` serves its app and its CLI), so the shells
//! only parse, call and map errors. Each function works through the public `Vault` methods.

pub mod current_project;
pub mod environments;
pub mod first_project;
pub mod overrides;
pub mod resolution;

//! The project file (`.agent-secrets.json`): a project's names, visibilities, environments,
//! override markers, variables and steps as versioned, pretty-printed JSON — never a secret
//! value (steps hold only text with `{NAME}` references).
//! Layout and rules: docs/FORMAT.md, "Project file".
//!
//! Parsing is strict and total: every input either becomes a [`ProjectFile`] that passes all
//! the core's naming rules, or an [`Error::Invalid`] naming the problem and its place in the
//! file (a JSON path such as `project.secrets[2].name`, or a line and column for syntax).
//! It never panics, whatever the bytes (see the property tests and `tests/transfer.rs`).
//!
//! This module is the model; `reader` parses with the limits and refusals, `writer` writes,
//! `json_object` gives the reader typed reads that name their place in the file.

mod json_object;
mod reader;
#[cfg(test)]
mod tests;
mod writer;

use crate::model::{EnvironmentKind, Visibility};
use crate::steps::StepDefinition;

/// The `format` field: what the file is.
pub const FORMAT: &str = "agent-secrets-project";
/// The newest `version` this build writes and reads. Readers accept every version up to theirs:
/// later versions only add optional fields, so an older file still imports. Version 2 added
/// `project.steps`.
pub const VERSION: u64 = 2;
/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The deepest nesting of JSON arrays and objects the format allows. Version 2 needs 6
/// (root → project → steps → step → headers → header); the rest is room for later fields.
pub const MAX_DEPTH: usize = 8;
/// A project as the file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFile {
    pub name: String,
    /// Development and Production (once each) and custom environments, in display order.
    pub environments: Vec<FileEnvironment>,
    pub secrets: Vec<FileSecret>,
    pub variables: Vec<FileVariable>,
    /// Function and API steps, in the project's order (version 2).
    pub steps: Vec<FileStep>,
}

/// A step: its name and what it does — text with references, never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStep {
    pub name: String,
    pub definition: StepDefinition,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEnvironment {
    pub name: String,
    pub kind: EnvironmentKind,
}

/// A secret without its value: where values existed in the source, not what they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSecret {
    pub name: String,
    pub visibility: Visibility,
    /// The source had a default value.
    pub has_default: bool,
    /// Names of the environments where the source had an override.
    pub overridden_in: Vec<String>,
}

/// A project variable: plain text, not secret, so it travels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileVariable {
    pub name: String,
    pub text: String,
}

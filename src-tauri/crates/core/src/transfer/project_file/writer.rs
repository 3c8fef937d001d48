//! Writing a project file: pretty JSON with `format` and `version` first — names only.

use super::{FileStep, ProjectFile, FORMAT, VERSION};
use crate::steps::{DefinitionParts, StepField};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document<'a> {
    format: &'static str,
    version: u64,
    exported_by: String,
    project: ProjectOut<'a>,
}

#[derive(Serialize)]
struct ProjectOut<'a> {
    name: &'a str,
    environments: Vec<EnvironmentOut<'a>>,
    secrets: Vec<SecretOut<'a>>,
    variables: Vec<VariableOut<'a>>,
    steps: Vec<StepOut<'a>>,
}

/// A step in the file. Its name → text rows are `{ "name", "text" }`, like variables: no key
/// named like a value appears in a project file.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum StepOut<'a> {
    Function {
        name: &'a str,
        code: &'a str,
        inputs: Vec<VariableOut<'a>>,
    },
    Api {
        name: &'a str,
        method: &'static str,
        url: &'a str,
        headers: Vec<VariableOut<'a>>,
        query: Vec<VariableOut<'a>>,
        body: BodyOut<'a>,
    },
}

#[derive(Serialize)]
struct BodyOut<'a> {
    kind: &'static str,
    text: &'a str,
}

fn rows_out(rows: &[StepField]) -> Vec<VariableOut<'_>> {
    rows.iter()
        .map(|row| VariableOut {
            name: &row.name,
            text: &row.value,
        })
        .collect()
}

fn step_out(step: &FileStep) -> StepOut<'_> {
    match step.definition.parts() {
        DefinitionParts::Function { code, inputs } => StepOut::Function {
            name: &step.name,
            code,
            inputs: rows_out(inputs),
        },
        DefinitionParts::Api(api) => StepOut::Api {
            name: &step.name,
            method: api.method.as_str(),
            url: api.url,
            headers: rows_out(api.headers),
            query: rows_out(api.query),
            body: BodyOut {
                kind: api.body.kind.as_str(),
                text: &api.body.text,
            },
        },
    }
}

#[derive(Serialize)]
struct EnvironmentOut<'a> {
    name: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SecretOut<'a> {
    name: &'a str,
    visibility: &'static str,
    has_default: bool,
    overridden_in: &'a [String],
}

#[derive(Serialize)]
struct VariableOut<'a> {
    name: &'a str,
    text: &'a str,
}

impl ProjectFile {
    /// The file's text: pretty JSON with `format` and `version` first, ending in a newline.
    pub fn to_json(&self) -> String {
        let document = Document {
            format: FORMAT,
            version: VERSION,
            exported_by: format!("Agent Secrets {}", env!("CARGO_PKG_VERSION")),
            project: ProjectOut {
                name: &self.name,
                environments: self
                    .environments
                    .iter()
                    .map(|e| EnvironmentOut {
                        name: &e.name,
                        kind: e.kind.as_str(),
                    })
                    .collect(),
                secrets: self
                    .secrets
                    .iter()
                    .map(|s| SecretOut {
                        name: &s.name,
                        visibility: s.visibility.as_str(),
                        has_default: s.has_default,
                        overridden_in: &s.overridden_in,
                    })
                    .collect(),
                variables: self
                    .variables
                    .iter()
                    .map(|v| VariableOut {
                        name: &v.name,
                        text: &v.text,
                    })
                    .collect(),
                steps: self.steps.iter().map(step_out).collect(),
            },
        };
        let mut text = serde_json::to_string_pretty(&document)
            .expect("a document of strings, booleans and numbers always serializes");
        text.push('\n');
        text
    }
}

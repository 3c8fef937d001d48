//! A step previewed for one environment: every text split into literal text, variable values
//! and secret *placeholders* (name, visibility, id — never a value), with every reference that
//! would not resolve listed as an error. Nothing is decrypted here: which secrets lack a value
//! in an environment is known without opening any.

use crate::error::Result;
use crate::model::{Environment, Visibility};
use crate::reference::{self, ReferenceError, Segment};
use crate::steps::{check_http_url, BodyKind, DefinitionParts, FieldRef, HttpMethod, StepField};
use crate::vault::Vault;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;
use uuid::Uuid;

/// One run of a previewed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum PreviewSegment {
    /// Literal text (an escaped `\{` shows as `{`).
    Text { text: String },
    /// A project variable and its value (variables are not secret).
    Variable { name: String, value: String },
    /// A secret that has a value in the environment: shown as dots. A Masked one may be
    /// revealed through `secret_reveal`; a Restricted one never.
    Secret {
        name: String,
        visibility: Visibility,
        #[ts(type = "string")]
        secret_id: Uuid,
    },
    /// A secret with no value in the environment (no override, no default).
    Missing {
        name: String,
        #[ts(type = "string")]
        secret_id: Uuid,
    },
    /// A name that is neither a secret nor a variable of the project.
    Unknown { name: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    pub name: Vec<PreviewSegment>,
    pub value: Vec<PreviewSegment>,
}

/// The step's fields, previewed; the same shape as `StepDefinition`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum PreviewDefinition {
    Function {
        code: Vec<PreviewSegment>,
        inputs: Vec<PreviewRow>,
    },
    Api {
        method: HttpMethod,
        url: Vec<PreviewSegment>,
        headers: Vec<PreviewRow>,
        query: Vec<PreviewRow>,
        body_kind: BodyKind,
        body: Vec<PreviewSegment>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PreviewErrorCode {
    /// `{NAME}` names no secret or variable of the project.
    UnknownName,
    /// The secret has no value in this environment.
    MissingValue,
    /// The URL, once resolved, is not an http(s) URL.
    InvalidUrl,
    /// A JSON body, once resolved, is not valid JSON.
    InvalidJson,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewError {
    /// Which field, as the editor labels it ("URL", "Header 2 value").
    pub field: String,
    pub code: PreviewErrorCode,
    /// The reference's name, for the two reference errors.
    pub name: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepPreview {
    pub environment: Environment,
    pub definition: PreviewDefinition,
    /// Every reference that would not resolve, in the order of the fields; empty when the step
    /// can be used in this environment.
    pub errors: Vec<PreviewError>,
}

#[derive(Clone)]
enum Known {
    Variable(String),
    Secret {
        id: Uuid,
        visibility: Visibility,
        missing: bool,
    },
}

struct Previewer<'a> {
    environment: &'a Environment,
    names: HashMap<String, Known>,
    errors: Vec<PreviewError>,
}

impl Previewer<'_> {
    fn text(&mut self, at: FieldRef, source: &str) -> Vec<PreviewSegment> {
        let template = reference::parse(source);
        let mut out: Vec<PreviewSegment> = Vec::new();
        for segment in template.segments() {
            let next = match segment {
                Segment::Literal(text) => PreviewSegment::Text {
                    text: (*text).to_owned(),
                },
                Segment::Reference(found) => {
                    let name = found.name.to_owned();
                    let position = template.position_of(found);
                    match self.names.get(found.name).cloned() {
                        Some(Known::Variable(value)) => PreviewSegment::Variable { name, value },
                        Some(Known::Secret {
                            id,
                            visibility,
                            missing: false,
                        }) => PreviewSegment::Secret {
                            name,
                            visibility,
                            secret_id: id,
                        },
                        Some(Known::Secret {
                            id, missing: true, ..
                        }) => {
                            let error = ReferenceError::MissingValue {
                                name: name.clone(),
                                environment: self.environment.name.clone(),
                                at: position,
                            };
                            self.error(at, PreviewErrorCode::MissingValue, Some(&name), &error);
                            PreviewSegment::Missing {
                                name,
                                secret_id: id,
                            }
                        }
                        None => {
                            let error = ReferenceError::UnknownName {
                                name: name.clone(),
                                at: position,
                            };
                            self.error(at, PreviewErrorCode::UnknownName, Some(&name), &error);
                            PreviewSegment::Unknown { name }
                        }
                    }
                }
            };
            // Adjacent literal runs (around an escaped brace) read better as one.
            match (out.last_mut(), next) {
                (Some(PreviewSegment::Text { text }), PreviewSegment::Text { text: more }) => {
                    text.push_str(&more)
                }
                (_, next) => out.push(next),
            }
        }
        out
    }

    fn rows(
        &mut self,
        rows: &[StepField],
        name_at: impl Fn(usize) -> FieldRef,
        value_at: impl Fn(usize) -> FieldRef,
    ) -> Vec<PreviewRow> {
        rows.iter()
            .enumerate()
            .map(|(index, row)| PreviewRow {
                name: self.text(name_at(index), &row.name),
                value: self.text(value_at(index), &row.value),
            })
            .collect()
    }

    fn error(
        &mut self,
        at: FieldRef,
        code: PreviewErrorCode,
        name: Option<&str>,
        message: &dyn std::fmt::Display,
    ) {
        self.errors.push(PreviewError {
            field: at.to_string(),
            code,
            name: name.map(str::to_owned),
            message: format!("{at}: {message}"),
        });
    }
}

/// The text of previewed segments when it holds no secret (variables filled in), else `None`.
fn plain_text(segments: &[PreviewSegment]) -> Option<String> {
    let mut out = String::new();
    for segment in segments {
        match segment {
            PreviewSegment::Text { text } => out.push_str(text),
            PreviewSegment::Variable { value, .. } => out.push_str(value),
            _ => return None,
        }
    }
    Some(out)
}

impl Vault {
    /// `step` previewed for `environment`. Never carries a secret value; allowed on a locked
    /// vault (it opens nothing).
    pub fn preview_step(
        &self,
        project: Uuid,
        step: Uuid,
        environment: Uuid,
    ) -> Result<StepPreview> {
        let step = self.step(project, step)?;
        let environment = self.environment(project, environment)?;
        let mut names = HashMap::new();
        for variable in self.list_variables(project)? {
            names.insert(variable.name, Known::Variable(variable.value));
        }
        // Secret and variable names are one namespace; were a name ever both, the secret wins
        // (as in `reference::Bindings`).
        for secret in self.list_secrets(project)? {
            let missing = secret.missing_in.contains(&environment.id);
            names.insert(
                secret.name,
                Known::Secret {
                    id: secret.id,
                    visibility: secret.visibility,
                    missing,
                },
            );
        }
        let mut previewer = Previewer {
            environment: &environment,
            names,
            errors: Vec::new(),
        };
        use crate::steps::RowList::{Headers, Inputs, Query};
        let definition = match step.definition.parts() {
            DefinitionParts::Function { code, inputs } => PreviewDefinition::Function {
                code: previewer.text(FieldRef::Code, code),
                inputs: previewer.rows(
                    inputs,
                    |i| FieldRef::RowName(Inputs, i),
                    |i| FieldRef::RowValue(Inputs, i),
                ),
            },
            DefinitionParts::Api(api) => {
                let url = previewer.text(FieldRef::Url, api.url);
                let url_errors = previewer.errors.len();
                let headers = previewer.rows(
                    api.headers,
                    |i| FieldRef::RowName(Headers, i),
                    |i| FieldRef::RowValue(Headers, i),
                );
                let query = previewer.rows(
                    api.query,
                    |i| FieldRef::RowName(Query, i),
                    |i| FieldRef::RowValue(Query, i),
                );
                let body_segments = match api.body.kind {
                    BodyKind::None => Vec::new(),
                    _ => previewer.text(FieldRef::Body, &api.body.text),
                };
                // What can be checked without a secret's value: a URL or JSON body that holds
                // none. (Send checks them all once resolved.)
                if url_errors == 0 {
                    if let Some(text) = plain_text(&url) {
                        if let Err(error) = check_http_url(&text) {
                            let message = error.to_string();
                            let message = message.strip_prefix("URL: ").unwrap_or(&message);
                            previewer.error(
                                FieldRef::Url,
                                PreviewErrorCode::InvalidUrl,
                                None,
                                &message,
                            );
                        }
                    }
                }
                if api.body.kind == BodyKind::Json {
                    if let Some(text) = plain_text(&body_segments) {
                        if let Err(error) = check_json(&text) {
                            previewer.error(
                                FieldRef::Body,
                                PreviewErrorCode::InvalidJson,
                                None,
                                &error,
                            );
                        }
                    }
                }
                PreviewDefinition::Api {
                    method: api.method,
                    url,
                    headers,
                    query,
                    body_kind: api.body.kind,
                    body: body_segments,
                }
            }
        };
        Ok(StepPreview {
            errors: previewer.errors,
            environment,
            definition,
        })
    }
}

/// Whether `text` is one JSON value. The message gives the place, never the text.
pub(crate) fn check_json(text: &str) -> std::result::Result<(), String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map(|_| ())
        .map_err(|e| {
            format!(
                "not valid JSON once resolved (line {}, column {})",
                e.line(),
                e.column()
            )
        })
}

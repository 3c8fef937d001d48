//! The project file (`.agent-secrets.json`): a project's names, visibilities, environments,
//! override markers, variables and steps as versioned, pretty-printed JSON — never a secret
//! value (steps hold only text with `{NAME}` references).
//! Layout and rules: docs/FORMAT.md, "Project file".
//!
//! Parsing is strict and total: every input either becomes a [`ProjectFile`] that passes all
//! the core's naming rules, or an [`Error::Invalid`] naming the problem and its place in the
//! file (a JSON path such as `project.secrets[2].name`, or a line and column for syntax).
//! It never panics, whatever the bytes (see the property tests and `tests/transfer.rs`).

use crate::error::{Error, Result};
use crate::model::{EnvironmentKind, Visibility};
use crate::names::{check_label, check_secret_name};
use crate::steps::{
    check_definition, BodyKind, HttpMethod, StepBody, StepDefinition, StepField, MAX_STEPS,
};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

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
/// A variable's text is at most this long (the core's limit for variables).
const MAX_VARIABLE_BYTES: usize = 64 * 1024;

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

// ---- Writing ----------------------------------------------------------------------------

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
    match &step.definition {
        StepDefinition::Function { code, inputs } => StepOut::Function {
            name: &step.name,
            code,
            inputs: rows_out(inputs),
        },
        StepDefinition::Api {
            method,
            url,
            headers,
            query,
            body,
        } => StepOut::Api {
            name: &step.name,
            method: method.as_str(),
            url,
            headers: rows_out(headers),
            query: rows_out(query),
            body: BodyOut {
                kind: body_kind_str(body.kind),
                text: &body.text,
            },
        },
    }
}

fn body_kind_str(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::None => "none",
        BodyKind::Raw => "raw",
        BodyKind::Json => "json",
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

    /// Parses and checks a project file. See the module doc and docs/FORMAT.md.
    pub fn parse(bytes: &[u8]) -> Result<ProjectFile> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(invalid(format!(
                "the file is {} bytes; a project file is at most 10 MiB ({MAX_FILE_BYTES} bytes)",
                bytes.len()
            )));
        }
        check_depth(bytes)?;
        let root: Value = serde_json::from_slice(bytes).map_err(|e| {
            invalid(format!(
                "it is not valid JSON: {} (line {}, column {})",
                syntax_message(&e),
                e.line(),
                e.column()
            ))
        })?;
        let root_obj = root
            .as_object()
            .ok_or_else(|| at("(the top level)", "must be a JSON object"))?;
        let version = check_format_and_version(root_obj)?;
        find_values(&root, "")?;
        let root = Obj::new(
            root_obj,
            "",
            &["format", "version", "exportedBy", "project"],
        )?;
        root.optional_string("exportedBy")?;
        let project = root.object("project", &PROJECT_KEYS)?;
        let file = parse_project(&project, version)?;
        Ok(file)
    }
}

const PROJECT_KEYS: [&str; 5] = ["name", "environments", "secrets", "variables", "steps"];

fn parse_project(project: &Obj<'_>, version: u64) -> Result<ProjectFile> {
    let name_path = project.path_of("name");
    let name = check_label("project", project.string("name")?)
        .map_err(|e| at(&name_path, &e.to_string()))?
        .to_owned();
    if version < 2 {
        if let Some(steps) = project.get("steps") {
            // Version 1 reserved the key: absent or empty.
            if !steps.as_array().is_some_and(Vec::is_empty) {
                return Err(at(
                    &project.path_of("steps"),
                    "holds steps, which a version 1 file cannot have (steps came with version 2)",
                ));
            }
        }
    }

    let mut environments = Vec::new();
    let mut env_names: HashMap<String, String> = HashMap::new();
    let mut builtins: HashMap<&'static str, String> = HashMap::new();
    for (path, env) in project.array_of_objects("environments", &["name", "kind"])? {
        let kind_text = env.string("kind")?;
        let kind = match kind_text {
            "development" => EnvironmentKind::Development,
            "production" => EnvironmentKind::Production,
            "custom" => EnvironmentKind::Custom,
            other => {
                return Err(at(
                    &env.path_of("kind"),
                    &format!(
                    "unknown environment kind \"{}\" (expected development, production or custom)",
                    clip(other)
                ),
                ))
            }
        };
        let name = check_label("environment", env.string("name")?)
            .map_err(|e| at(&env.path_of("name"), &e.to_string()))?
            .to_owned();
        if kind.is_builtin() {
            let canonical = builtin_name(kind);
            if name != canonical {
                return Err(at(
                    &env.path_of("name"),
                    &format!(
                        "the {} environment is named \"{canonical}\", not \"{}\"",
                        kind.as_str(),
                        clip(&name)
                    ),
                ));
            }
            if let Some(first) = builtins.insert(kind.as_str(), path.clone()) {
                return Err(at(
                    &path,
                    &format!(
                        "a second {} environment (the first is {first})",
                        kind.as_str()
                    ),
                ));
            }
        }
        if let Some(first) = env_names.insert(name.to_ascii_lowercase(), path.clone()) {
            return Err(at(
                &env.path_of("name"),
                &format!(
                    "duplicate environment name \"{}\" (also at {first}; names are compared ignoring ASCII case)",
                    clip(&name)
                ),
            ));
        }
        environments.push(FileEnvironment { name, kind });
    }
    for kind in [EnvironmentKind::Development, EnvironmentKind::Production] {
        if !builtins.contains_key(kind.as_str()) {
            return Err(at(
                &project.path_of("environments"),
                &format!(
                    "the {} environment is missing (every project has Development and Production)",
                    builtin_name(kind)
                ),
            ));
        }
    }

    let mut reference_names: HashMap<String, String> = HashMap::new();
    let mut secrets = Vec::new();
    for (path, secret) in project.array_of_objects(
        "secrets",
        &["name", "visibility", "hasDefault", "overriddenIn"],
    )? {
        let name = reference_name(&secret, &path, &mut reference_names)?;
        let visibility_text = secret.string("visibility")?;
        let visibility = Visibility::parse(visibility_text).ok_or_else(|| {
            at(
                &secret.path_of("visibility"),
                &format!(
                    "unknown visibility \"{}\" (expected masked or restricted)",
                    clip(visibility_text)
                ),
            )
        })?;
        let has_default = secret.optional_bool("hasDefault")?.unwrap_or(true);
        let mut overridden_in = Vec::new();
        let mut seen = HashSet::new();
        for (item_path, env_name) in secret.optional_array_of_strings("overriddenIn")? {
            let Some(canonical) = environments
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(env_name.trim()))
            else {
                return Err(at(
                    &item_path,
                    &format!(
                        "names the environment \"{}\", which the file does not list under project.environments",
                        clip(env_name)
                    ),
                ));
            };
            if !seen.insert(canonical.name.to_ascii_lowercase()) {
                return Err(at(
                    &item_path,
                    &format!("lists the environment \"{}\" twice", canonical.name),
                ));
            }
            overridden_in.push(canonical.name.clone());
        }
        secrets.push(FileSecret {
            name,
            visibility,
            has_default,
            overridden_in,
        });
    }

    let mut variables = Vec::new();
    for (path, variable) in project.optional_array_of_objects("variables", &["name", "text"])? {
        let name = reference_name(&variable, &path, &mut reference_names)?;
        let text = variable.string("text")?;
        if text.len() > MAX_VARIABLE_BYTES {
            return Err(at(
                &variable.path_of("text"),
                "is longer than 64 KiB, the limit for a variable",
            ));
        }
        variables.push(FileVariable {
            name,
            text: text.to_owned(),
        });
    }
    let steps = parse_steps(project)?;
    Ok(ProjectFile {
        name,
        environments,
        secrets,
        variables,
        steps,
    })
}

const STEP_KEYS: [&str; 9] = [
    "name", "kind", "code", "inputs", "method", "url", "headers", "query", "body",
];

/// `project.steps` (optional): each a step the core would accept — a label for a name, unique
/// ignoring case, and a definition that passes `steps::check_definition`.
fn parse_steps(project: &Obj<'_>) -> Result<Vec<FileStep>> {
    let entries = project.optional_array_of_objects("steps", &STEP_KEYS)?;
    if entries.len() > MAX_STEPS {
        return Err(at(
            &project.path_of("steps"),
            &format!(
                "holds {} steps; a project has at most {MAX_STEPS}",
                entries.len()
            ),
        ));
    }
    let mut names: HashMap<String, String> = HashMap::new();
    let mut steps = Vec::new();
    for (path, step) in entries {
        let name = check_label("step", step.string("name")?)
            .map_err(|e| at(&step.path_of("name"), &e.to_string()))?
            .to_owned();
        if let Some(first) = names.insert(name.to_lowercase(), path.clone()) {
            return Err(at(
                &step.path_of("name"),
                &format!(
                    "duplicate step name \"{}\" (also at {first}; names are compared ignoring case)",
                    clip(&name)
                ),
            ));
        }
        let only = |allowed: &[&str], kind: &str| -> Result<()> {
            match STEP_KEYS
                .iter()
                .find(|key| !allowed.contains(key) && step.get(key).is_some())
            {
                Some(key) => Err(at(
                    &step.path_of(key),
                    &format!("is not a field of a{kind} step"),
                )),
                None => Ok(()),
            }
        };
        let definition = match step.string("kind")? {
            "function" => {
                only(&["name", "kind", "code", "inputs"], " function")?;
                StepDefinition::Function {
                    code: step.optional_string("code")?.unwrap_or_default().to_owned(),
                    inputs: rows(&step, "inputs")?,
                }
            }
            "api" => {
                only(
                    &["name", "kind", "method", "url", "headers", "query", "body"],
                    "n API",
                )?;
                let method_text = step.string("method")?;
                let method = HttpMethod::ALL
                    .into_iter()
                    .find(|m| m.as_str() == method_text)
                    .ok_or_else(|| {
                        at(
                            &step.path_of("method"),
                            &format!(
                                "unknown method \"{}\" (expected GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS)",
                                clip(method_text)
                            ),
                        )
                    })?;
                StepDefinition::Api {
                    method,
                    url: step.optional_string("url")?.unwrap_or_default().to_owned(),
                    headers: rows(&step, "headers")?,
                    query: rows(&step, "query")?,
                    body: body(&step)?,
                }
            }
            other => {
                return Err(at(
                    &step.path_of("kind"),
                    &format!(
                        "unknown step kind \"{}\" (expected function or api)",
                        clip(other)
                    ),
                ))
            }
        };
        check_definition(&definition)
            .map_err(|e| at(&path, &format!("is not a valid step: {e}")))?;
        steps.push(FileStep { name, definition });
    }
    Ok(steps)
}

/// A step's name → text rows (`inputs`, `headers`, `query`), optional.
fn rows(step: &Obj<'_>, key: &str) -> Result<Vec<StepField>> {
    step.optional_array_of_objects(key, &["name", "text"])?
        .into_iter()
        .map(|(_, row)| {
            Ok(StepField {
                name: row.string("name")?.to_owned(),
                value: row.optional_string("text")?.unwrap_or_default().to_owned(),
            })
        })
        .collect()
}

/// An API step's optional `body`: `{ "kind": "none" | "raw" | "json", "text" }`.
fn body(step: &Obj<'_>) -> Result<StepBody> {
    let Some(value) = step.get("body") else {
        return Ok(StepBody::default());
    };
    let path = step.path_of("body");
    let map = value
        .as_object()
        .ok_or_else(|| at(&path, "must be an object"))?;
    let body = Obj::new(map, &path, &["kind", "text"])?;
    let kind = match body.optional_string("kind")?.unwrap_or("none") {
        "none" => BodyKind::None,
        "raw" => BodyKind::Raw,
        "json" => BodyKind::Json,
        other => {
            return Err(at(
                &body.path_of("kind"),
                &format!(
                    "unknown body kind \"{}\" (expected none, raw or json)",
                    clip(other)
                ),
            ))
        }
    };
    Ok(StepBody {
        kind,
        text: body.optional_string("text")?.unwrap_or_default().to_owned(),
    })
}

/// A secret's or variable's name: valid, and unique across both (they share `{NAME}`).
fn reference_name(
    entry: &Obj<'_>,
    path: &str,
    seen: &mut HashMap<String, String>,
) -> Result<String> {
    let name = entry.string("name")?;
    check_secret_name(name).map_err(|e| {
        at(
            &entry.path_of("name"),
            &format!("\"{}\" is not a valid name: {e}", clip(name)),
        )
    })?;
    if let Some(first) = seen.insert(name.to_owned(), path.to_owned()) {
        return Err(at(
            &entry.path_of("name"),
            &format!(
                "duplicate name \"{name}\" (also at {first}; secrets and variables share one set of names)"
            ),
        ));
    }
    Ok(name.to_owned())
}

pub(crate) fn builtin_name(kind: EnvironmentKind) -> &'static str {
    match kind {
        EnvironmentKind::Development => "Development",
        EnvironmentKind::Production => "Production",
        EnvironmentKind::Custom => "",
    }
}

/// Checks `format` and `version`; returns the version.
fn check_format_and_version(root: &Map<String, Value>) -> Result<u64> {
    match root.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(other)) => {
            return Err(at(
                "format",
                &format!(
                    "unknown format \"{}\" (an Agent Secrets project file says \"{FORMAT}\")",
                    clip(other)
                ),
            ))
        }
        Some(_) => return Err(at("format", &format!("must be the string \"{FORMAT}\""))),
        None => {
            return Err(invalid(format!(
                "it has no \"format\" field: it is not an Agent Secrets project file (those say \"format\": \"{FORMAT}\")"
            )))
        }
    }
    match root.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(0) | None => Err(at("version", "must be a whole number from 1")),
            Some(v) if v > VERSION => Err(at(
                "version",
                &format!(
                    "is {v}, newer than this Agent Secrets understands (up to {VERSION}); update the app to import it"
                ),
            )),
            Some(v) => Ok(v),
        },
        Some(_) => Err(at("version", "must be a whole number")),
        None => Err(invalid("it has no \"version\" field")),
    }
}

/// Keys that would hold a value. A project file never carries one, so such a key is refused
/// wherever it appears — before anything else is looked at.
fn is_value_like(key: &str) -> bool {
    let normalized: String = key
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    normalized.ends_with("value")
        || normalized.ends_with("values")
        || [
            "plaintext",
            "ciphertext",
            "encrypted",
            "password",
            "passwd",
            "token",
            "secret",
            "apikey",
            "default",
            "overrides",
        ]
        .contains(&normalized.as_str())
}

fn find_values(value: &Value, path: &str) -> Result<()> {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = join(path, key);
                if is_value_like(key) {
                    return Err(invalid(format!(
                        "it contains values: the field \"{}\" at {child_path}. A project file never \
                         carries secret values (export writes names only); remove them and enter \
                         the values after importing",
                        clip(key)
                    )));
                }
                find_values(child, &child_path)?;
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                find_values(item, &format!("{path}[{index}]"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Refuses nesting deeper than [`MAX_DEPTH`] with a single pass over the bytes (before the JSON
/// parser, whose recursion would otherwise be the limit).
fn check_depth(bytes: &[u8]) -> Result<()> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &byte in bytes {
        if byte == b'\n' {
            line += 1;
            column = 0;
        } else if byte & 0xC0 != 0x80 {
            column += 1; // count characters, not UTF-8 continuation bytes
        }
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(invalid(format!(
                        "it is nested too deeply: more than {MAX_DEPTH} levels of arrays and objects \
                         at line {line}, column {column} (a project file needs at most {MAX_DEPTH})"
                    )));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// serde_json's message without its own " at line L column C" (we say it our way).
fn syntax_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(index) => text[..index].to_owned(),
        None => text,
    }
}

fn invalid(detail: impl std::fmt::Display) -> Error {
    Error::Invalid {
        field: None,
        message: format!("This project file cannot be imported: {detail}. Nothing was changed."),
    }
}

fn at(path: &str, problem: &str) -> Error {
    invalid(format!("{path} {problem}"))
}

fn join(path: &str, key: &str) -> String {
    let key = clip(key);
    if path.is_empty() {
        key
    } else {
        format!("{path}.{key}")
    }
}

/// Text from the file, shortened for an error message.
fn clip(text: &str) -> String {
    const MAX: usize = 60;
    let mut out: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

/// A JSON object of the file with its path, for typed reads with precise errors.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    /// Refuses keys outside `allowed` (fields this version does not know).
    fn new(map: &'a Map<String, Value>, path: &str, allowed: &[&str]) -> Result<Obj<'a>> {
        if let Some(unknown) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(at(
                &join(path, unknown),
                &format!(
                    "is not a field of this format version (allowed here: {})",
                    allowed.join(", ")
                ),
            ));
        }
        Ok(Obj {
            map,
            path: path.to_owned(),
        })
    }

    fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    fn required(&self, key: &str) -> Result<&'a Value> {
        self.get(key)
            .ok_or_else(|| at(&self.path_of(key), "is missing"))
    }

    fn string(&self, key: &str) -> Result<&'a str> {
        self.required(key)?
            .as_str()
            .ok_or_else(|| at(&self.path_of(key), "must be a string"))
    }

    fn optional_string(&self, key: &str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_str()
                .map(Some)
                .ok_or_else(|| at(&self.path_of(key), "must be a string")),
        }
    }

    fn optional_bool(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(value) => value
                .as_bool()
                .map(Some)
                .ok_or_else(|| at(&self.path_of(key), "must be true or false")),
        }
    }

    fn object(&self, key: &str, allowed: &[&str]) -> Result<Obj<'a>> {
        let path = self.path_of(key);
        let map = self
            .required(key)?
            .as_object()
            .ok_or_else(|| at(&path, "must be an object"))?;
        Obj::new(map, &path, allowed)
    }

    fn array_of_objects(&self, key: &str, allowed: &[&str]) -> Result<Vec<(String, Obj<'a>)>> {
        self.required(key)?;
        self.optional_array_of_objects(key, allowed)
    }

    fn optional_array_of_objects(
        &self,
        key: &str,
        allowed: &[&str],
    ) -> Result<Vec<(String, Obj<'a>)>> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = self.path_of(key);
        let items = value
            .as_array()
            .ok_or_else(|| at(&path, "must be an array"))?;
        items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let item_path = format!("{path}[{index}]");
                let map = item
                    .as_object()
                    .ok_or_else(|| at(&item_path, "must be an object"))?;
                Ok((item_path.clone(), Obj::new(map, &item_path, allowed)?))
            })
            .collect()
    }

    fn optional_array_of_strings(&self, key: &str) -> Result<Vec<(String, &'a str)>> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = self.path_of(key);
        let items = value
            .as_array()
            .ok_or_else(|| at(&path, "must be an array of environment names"))?;
        items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let item_path = format!("{path}[{index}]");
                item.as_str()
                    .map(|text| (item_path.clone(), text))
                    .ok_or_else(|| at(&item_path, "must be a string (an environment name)"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> ProjectFile {
        ProjectFile {
            name: "Support Agent".into(),
            environments: vec![
                FileEnvironment {
                    name: "Development".into(),
                    kind: EnvironmentKind::Development,
                },
                FileEnvironment {
                    name: "Production".into(),
                    kind: EnvironmentKind::Production,
                },
                FileEnvironment {
                    name: "Staging".into(),
                    kind: EnvironmentKind::Custom,
                },
            ],
            secrets: vec![FileSecret {
                name: "DB_PASSWORD".into(),
                visibility: Visibility::Restricted,
                has_default: true,
                overridden_in: vec!["Production".into(), "Staging".into()],
            }],
            variables: vec![FileVariable {
                name: "BASE_URL".into(),
                text: "https://api.example.test".into(),
            }],
            steps: vec![
                FileStep {
                    name: "Fetch orders".into(),
                    definition: StepDefinition::Api {
                        method: HttpMethod::Post,
                        url: "{BASE_URL}/orders".into(),
                        headers: vec![StepField {
                            name: "Authorization".into(),
                            value: "Bearer {DB_PASSWORD}".into(),
                        }],
                        query: vec![StepField {
                            name: "page".into(),
                            value: "1".into(),
                        }],
                        body: StepBody {
                            kind: BodyKind::Json,
                            text: r#"{"a": {"b": "\\{x}"}}"#.into(),
                        },
                    },
                },
                FileStep {
                    name: "Score".into(),
                    definition: StepDefinition::Function {
                        code: "return score({DB_PASSWORD})".into(),
                        inputs: vec![StepField {
                            name: "user_id".into(),
                            value: "{BASE_URL}".into(),
                        }],
                    },
                },
            ],
        }
    }

    fn message(text: &str) -> String {
        ProjectFile::parse(text.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn round_trips_and_reads_like_the_doc() {
        let file = sample();
        let text = file.to_json();
        assert!(
            text.starts_with("{\n  \"format\": \"agent-secrets-project\",\n  \"version\": 2,\n")
        );
        assert_eq!(ProjectFile::parse(text.as_bytes()).unwrap(), file);
    }

    #[test]
    fn minimal_file_with_defaults() {
        let text = r#"{"format":"agent-secrets-project","version":1,"project":{"name":"A",
            "environments":[{"name":"Development","kind":"development"},{"name":"Production","kind":"production"}],
            "secrets":[{"name":"K","visibility":"masked"}]}}"#;
        let file = ProjectFile::parse(text.as_bytes()).unwrap();
        assert!(file.secrets[0].has_default && file.secrets[0].overridden_in.is_empty());
        assert!(file.variables.is_empty());
    }

    #[test]
    fn errors_name_the_place() {
        let base = sample().to_json();
        let m = message(&base.replace("\"restricted\"", "\"public\""));
        assert!(
            m.contains("project.secrets[0].visibility") && m.contains("public"),
            "{m}"
        );
        let m = message(&base.replace("\"DB_PASSWORD\"", "\"DB-PASSWORD\""));
        assert!(m.contains("project.secrets[0].name"), "{m}");
        let m = message(&base.replace("\"BASE_URL\"", "\"DB_PASSWORD\""));
        assert!(
            m.contains("project.variables[0].name") && m.contains("duplicate"),
            "{m}"
        );
        let m = message(&base.replace("\"version\": 2", "\"version\": 3"));
        assert!(m.contains("version") && m.contains("newer"), "{m}");
        let m = message(&base.replace("agent-secrets-project", "something-else"));
        assert!(m.contains("unknown format"), "{m}");
        let m = message(&base.replace("\"hasDefault\": true", "\"value\": \"hunter2\""));
        assert!(
            m.contains("contains values") && m.contains("project.secrets[0].value"),
            "{m}"
        );
        assert!(!m.contains("hunter2"), "{m}");
        let m =
            message("{\n  \"format\": \"agent-secrets-project\",\n  \"version\": 1,\n  oops\n}");
        assert!(m.contains("line 4"), "{m}");
        let m = message(&format!("{}1{}", "[".repeat(50), "]".repeat(50)));
        assert!(
            m.contains("nested too deeply") && m.contains("column 9"),
            "{m}"
        );
        let m =
            message(&base.replace("\"kind\": \"custom\"", "\"kind\": \"custom\", \"extra\": 1"));
        assert!(m.contains("project.environments[2].extra"), "{m}");
        let mut edited: Value = serde_json::from_str(&base).unwrap();
        edited["project"]["secrets"][0]["overriddenIn"][1] = "QA".into();
        let m = message(&edited.to_string());
        assert!(m.contains("overriddenIn[1]") && m.contains("QA"), "{m}");
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert!(message_bytes(&big).contains("at most 10 MiB"));
    }

    fn message_bytes(bytes: &[u8]) -> String {
        ProjectFile::parse(bytes).unwrap_err().to_string()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = ProjectFile::parse(&bytes);
        }

        #[test]
        fn mutated_valid_files_never_panic(
            cut in 0usize..2000,
            byte in any::<u8>(),
            position in 0usize..2000,
        ) {
            let mut bytes = sample().to_json().into_bytes();
            let position = position % bytes.len();
            bytes[position] = byte;
            bytes.truncate(cut.max(1));
            let _ = ProjectFile::parse(&bytes);
        }

        #[test]
        fn json_shaped_noise_never_panics(text in r#"[\[\]{}",:0-9a-z \\]{0,300}"#) {
            let _ = ProjectFile::parse(text.as_bytes());
        }
    }
}

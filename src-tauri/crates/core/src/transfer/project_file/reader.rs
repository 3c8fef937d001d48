//! Reading a project file: strict and total. The size, depth and value-key refusals come
//! first; every name and step then passes the same validators the vault uses (`names`,
//! `steps::check_definition`, the variable size), with errors that name the place in the file.

use super::json_object::{at, clip, invalid, join, Obj};
use super::{
    FileEnvironment, FileSecret, FileStep, FileVariable, ProjectFile, FORMAT, MAX_DEPTH,
    MAX_FILE_BYTES, VERSION,
};
use crate::environments::builtin_name;
use crate::error::Result;
use crate::model::{EnvironmentKind, Visibility};
use crate::names::{check_label, check_secret_name};
use crate::steps::{
    check_definition, BodyKind, HttpMethod, StepBody, StepDefinition, StepField, MAX_STEPS,
};
use crate::variables::check_variable_value;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

impl ProjectFile {
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
        let kind = EnvironmentKind::parse(kind_text).ok_or_else(|| {
            at(
                &env.path_of("kind"),
                &format!(
                    "unknown environment kind \"{}\" (expected development, production or custom)",
                    clip(kind_text)
                ),
            )
        })?;
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
        check_variable_value(text)
            .map_err(|e| at(&variable.path_of("text"), &format!("is too long: {e}")))?;
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
                let method = HttpMethod::parse(method_text).ok_or_else(|| {
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
    let kind_text = body.optional_string("kind")?.unwrap_or("none");
    let kind = BodyKind::parse(kind_text).ok_or_else(|| {
        at(
            &body.path_of("kind"),
            &format!(
                "unknown body kind \"{}\" (expected none, raw or json)",
                clip(kind_text)
            ),
        )
    })?;
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

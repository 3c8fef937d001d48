//! Function and API steps: what they hold, their rules, and their storage.
//!
//! A step holds only text with `{NAME}` references (see `reference`), never a value: it is
//! stored as JSON in the `steps` table, unencrypted. Its references are resolved for one
//! environment by `step_preview` (for display: secrets as placeholders) and `http_send` (for use).

use crate::error::{Error, Field, Result};
use crate::names::check_label;
use crate::reference::{self, Segment};
use crate::vault::{now_ms, Vault};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;
use uuid::Uuid;

/// Steps one project may have.
pub const MAX_STEPS: usize = 1000;
/// Rows in one list (inputs, headers, query parameters).
pub const MAX_ROWS: usize = 100;
/// A row's name.
pub const MAX_ROW_NAME_BYTES: usize = 1024;
/// A row's value.
pub const MAX_ROW_VALUE_BYTES: usize = 64 * 1024;
pub const MAX_URL_BYTES: usize = 8 * 1024;
pub const MAX_CODE_BYTES: usize = 256 * 1024;
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Code plus named input fields.
    Function,
    /// An HTTP request: method, URL, headers, query parameters, body.
    Api,
}

impl StepKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Function => "function",
            StepKind::Api => "api",
        }
    }
}

/// The methods an API step may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
}

impl HttpMethod {
    pub const ALL: [HttpMethod; 7] = [
        HttpMethod::Get,
        HttpMethod::Post,
        HttpMethod::Put,
        HttpMethod::Patch,
        HttpMethod::Delete,
        HttpMethod::Head,
        HttpMethod::Options,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Head => "HEAD",
            HttpMethod::Options => "OPTIONS",
        }
    }
}

/// A name → value row: a Function input, a header or a query parameter. Both may hold
/// references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepField {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// No body is sent.
    #[default]
    None,
    /// The text as it is (Content-Type only if a header sets one).
    Raw,
    /// JSON: must be valid JSON once resolved; sent as `application/json` unless a header
    /// says otherwise.
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepBody {
    pub kind: BodyKind,
    pub text: String,
}

/// What a step does. Every text in it may hold `{NAME}` references, except the method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum StepDefinition {
    Function {
        code: String,
        inputs: Vec<StepField>,
    },
    Api {
        method: HttpMethod,
        url: String,
        headers: Vec<StepField>,
        query: Vec<StepField>,
        body: StepBody,
    },
}

impl StepDefinition {
    /// An empty step of `kind`, as `New Step` makes it.
    pub fn empty(kind: StepKind) -> StepDefinition {
        match kind {
            StepKind::Function => StepDefinition::Function {
                code: String::new(),
                inputs: Vec::new(),
            },
            StepKind::Api => StepDefinition::Api {
                method: HttpMethod::Get,
                url: String::new(),
                headers: Vec::new(),
                query: Vec::new(),
                body: StepBody::default(),
            },
        }
    }

    pub fn kind(&self) -> StepKind {
        match self {
            StepDefinition::Function { .. } => StepKind::Function,
            StepDefinition::Api { .. } => StepKind::Api,
        }
    }

    /// Every text that may hold references, with where it is, in the order the editor shows
    /// them.
    pub fn texts(&self) -> Vec<(FieldRef, &str)> {
        fn rows<'a>(out: &mut Vec<(FieldRef, &'a str)>, list: RowList, rows: &'a [StepField]) {
            for (index, row) in rows.iter().enumerate() {
                out.push((FieldRef::RowName(list, index), row.name.as_str()));
                out.push((FieldRef::RowValue(list, index), row.value.as_str()));
            }
        }
        let mut out = Vec::new();
        match self {
            StepDefinition::Function { code, inputs } => {
                out.push((FieldRef::Code, code.as_str()));
                rows(&mut out, RowList::Inputs, inputs);
            }
            StepDefinition::Api {
                url,
                headers,
                query,
                body,
                ..
            } => {
                out.push((FieldRef::Url, url.as_str()));
                rows(&mut out, RowList::Headers, headers);
                rows(&mut out, RowList::Query, query);
                if body.kind != BodyKind::None {
                    out.push((FieldRef::Body, body.text.as_str()));
                }
            }
        }
        out
    }
}

/// Which list a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowList {
    Inputs,
    Headers,
    Query,
}

impl RowList {
    fn singular(self) -> &'static str {
        match self {
            RowList::Inputs => "Input",
            RowList::Headers => "Header",
            RowList::Query => "Query parameter",
        }
    }
}

/// Where a text sits in a step; its `Display` is how messages name it ("Header 2 value").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldRef {
    Code,
    Url,
    Body,
    RowName(RowList, usize),
    RowValue(RowList, usize),
}

impl fmt::Display for FieldRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldRef::Code => f.write_str("Code"),
            FieldRef::Url => f.write_str("URL"),
            FieldRef::Body => f.write_str("Body"),
            FieldRef::RowName(list, index) => write!(f, "{} {} name", list.singular(), index + 1),
            FieldRef::RowValue(list, index) => {
                write!(f, "{} {} value", list.singular(), index + 1)
            }
        }
    }
}

/// A step as the vault hands it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    #[ts(type = "string")]
    pub id: Uuid,
    pub name: String,
    pub definition: StepDefinition,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub updated_at: i64,
}

impl Step {
    pub fn kind(&self) -> StepKind {
        self.definition.kind()
    }
}

/// Checks a definition against the size and shape rules. References are not resolved here:
/// a step may refer to a secret that does not exist yet (preview and send report it).
pub fn check_definition(definition: &StepDefinition) -> Result<()> {
    match definition {
        StepDefinition::Function { code, inputs } => {
            check_len("Code", code, MAX_CODE_BYTES)?;
            check_rows(RowList::Inputs, inputs)?;
            let mut seen = std::collections::HashSet::new();
            for (index, input) in inputs.iter().enumerate() {
                let at = FieldRef::RowName(RowList::Inputs, index);
                if crate::names::check_secret_name(&input.name).is_err() {
                    return Err(invalid(format!(
                        "{at}: an input name starts with a letter or _ and has only letters, digits and _ (like user_id)"
                    )));
                }
                if !seen.insert(input.name.as_str()) {
                    return Err(invalid(format!(
                        "{at}: there is already an input named {}",
                        input.name
                    )));
                }
            }
        }
        StepDefinition::Api {
            url,
            headers,
            query,
            body,
            ..
        } => {
            check_len("URL", url, MAX_URL_BYTES)?;
            check_url_shape(url)?;
            check_rows(RowList::Headers, headers)?;
            check_rows(RowList::Query, query)?;
            for (index, header) in headers.iter().enumerate() {
                let at = FieldRef::RowName(RowList::Headers, index);
                if header.name.trim().is_empty() {
                    return Err(invalid(format!("{at}: a header needs a name")));
                }
                // A name made of references is checked once resolved, when the step is sent.
                if reference::parse(&header.name).references().count() == 0
                    && !is_header_name(&header.name)
                {
                    return Err(invalid(format!(
                        "{at}: a header name has only letters, digits and !#$%&'*+-.^_`|~ (like Authorization)"
                    )));
                }
            }
            for (index, row) in headers.iter().enumerate() {
                if row.value.contains(['\r', '\n']) {
                    let at = FieldRef::RowValue(RowList::Headers, index);
                    return Err(invalid(format!("{at}: a header value is one line")));
                }
            }
            for (index, parameter) in query.iter().enumerate() {
                if parameter.name.is_empty() {
                    let at = FieldRef::RowName(RowList::Query, index);
                    return Err(invalid(format!("{at}: a query parameter needs a name")));
                }
            }
            check_len("Body", &body.text, MAX_BODY_BYTES)?;
        }
    }
    Ok(())
}

fn check_len(what: &str, text: &str, max: usize) -> Result<()> {
    if text.len() > max {
        return Err(invalid(format!(
            "{what}: at most {} KiB ({max} bytes); this one has {} bytes",
            max / 1024,
            text.len()
        )));
    }
    Ok(())
}

fn check_rows(list: RowList, rows: &[StepField]) -> Result<()> {
    if rows.len() > MAX_ROWS {
        return Err(invalid(format!(
            "at most {MAX_ROWS} rows of {} a step",
            match list {
                RowList::Inputs => "inputs",
                RowList::Headers => "headers",
                RowList::Query => "query parameters",
            }
        )));
    }
    for (index, row) in rows.iter().enumerate() {
        check_len(
            &FieldRef::RowName(list, index).to_string(),
            &row.name,
            MAX_ROW_NAME_BYTES,
        )?;
        check_len(
            &FieldRef::RowValue(list, index).to_string(),
            &row.value,
            MAX_ROW_VALUE_BYTES,
        )?;
    }
    Ok(())
}

/// What can be told about a URL before its references are resolved: the scheme, when the
/// text starts with one, is http or https; a URL without references is a whole http(s) URL.
/// An empty URL is allowed while the step is being written (send refuses it).
fn check_url_shape(url: &str) -> Result<()> {
    let template = reference::parse(url);
    if url.trim().is_empty() {
        return Ok(());
    }
    if template.references().count() == 0 {
        return check_http_url(&reference_free_text(&template)).map(|_| ());
    }
    if let Some(Segment::Literal(prefix)) = template.segments().first() {
        if let Some((scheme, _)) = prefix.split_once(':') {
            if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                return Err(invalid(
                    "URL: only http:// and https:// URLs can be sent".to_owned(),
                ));
            }
        }
    }
    Ok(())
}

/// The text of a template that holds no reference (escaped braces unescaped).
fn reference_free_text(template: &reference::Template<'_>) -> String {
    template
        .segments()
        .iter()
        .map(|segment| match segment {
            Segment::Literal(text) => *text,
            Segment::Reference(_) => "",
        })
        .collect()
}

/// Parses a resolved URL: http or https with a host. The message never repeats the URL (it
/// may hold a secret).
pub(crate) fn check_http_url(text: &str) -> Result<reqwest::Url> {
    if text.trim().is_empty() {
        return Err(invalid("URL: the URL is empty".to_owned()));
    }
    let url = reqwest::Url::parse(text.trim()).map_err(|e| {
        invalid(format!(
            "URL: not a valid URL ({e}); write it like https://api.example.com/v1"
        ))
    })?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(invalid(
            "URL: only http:// and https:// URLs can be sent".to_owned(),
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("URL: the URL has no host".to_owned()));
    }
    Ok(url)
}

/// RFC 9110 token characters.
pub(crate) fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn invalid(message: String) -> Error {
    Error::Invalid {
        field: None,
        message,
    }
}

const STEP_COLUMNS: &str = "id, name, definition, updated_at";

type RawStep = (Uuid, String, String, i64);

fn raw_step(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawStep> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn step_from_raw((id, name, definition, updated_at): RawStep) -> Result<Step> {
    let definition: StepDefinition = serde_json::from_str(&definition)
        .map_err(|e| Error::Corrupt(format!("step {name} cannot be read: {e}")))?;
    Ok(Step {
        id,
        name,
        definition,
        updated_at,
    })
}

fn to_json(definition: &StepDefinition) -> Result<String> {
    serde_json::to_string(definition)
        .map_err(|e| Error::Io(format!("cannot write the step as JSON: {e}")))
}

/// Inserts a step row (checked by the caller); the caller holds the transaction. Also used by
/// import and duplicate (transfer).
pub(crate) fn insert_step(
    conn: &rusqlite::Connection,
    project: Uuid,
    name: &str,
    definition: &StepDefinition,
    position: i64,
    now: i64,
) -> Result<Uuid> {
    let id = Uuid::new_v4();
    conn.execute(
        "INSERT INTO steps (id, project_id, name, kind, definition, position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            project,
            name,
            definition.kind().as_str(),
            to_json(definition)?,
            position,
            now
        ],
    )?;
    Ok(id)
}

impl Vault {
    /// The project's steps in the order they were made. Allowed on a locked vault: steps hold
    /// no values.
    pub fn list_steps(&self, project: Uuid) -> Result<Vec<Step>> {
        self.project(project)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {STEP_COLUMNS} FROM steps WHERE project_id = ?1 ORDER BY position, name"
        ))?;
        let rows = stmt.query_map([project], raw_step)?;
        rows.map(|row| step_from_raw(row?)).collect()
    }

    pub fn step(&self, project: Uuid, id: Uuid) -> Result<Step> {
        self.project(project)?;
        self.conn
            .query_row(
                &format!("SELECT {STEP_COLUMNS} FROM steps WHERE project_id = ?1 AND id = ?2"),
                params![project, id],
                raw_step,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no step with id {id} in this project")))
            .and_then(step_from_raw)
    }

    pub fn create_step(
        &mut self,
        project: Uuid,
        name: &str,
        definition: StepDefinition,
    ) -> Result<Step> {
        self.require_unlocked()?;
        self.project(project)?;
        let name = check_label("step", name)?;
        check_definition(&definition)?;
        self.ensure_step_name_free(project, name, None)?;
        let (count, position): (i64, i64) = self.conn.query_row(
            "SELECT COUNT(*), COALESCE(MAX(position) + 1, 0) FROM steps WHERE project_id = ?1",
            [project],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if count as usize >= MAX_STEPS {
            return Err(invalid(format!("a project has at most {MAX_STEPS} steps")));
        }
        let tx = self.conn.unchecked_transaction()?;
        let id = insert_step(&tx, project, name, &definition, position, now_ms())?;
        self.touch_project(project)?;
        tx.commit()?;
        self.step(project, id)
    }

    /// Replaces what a step does (its kind may change too).
    pub fn update_step(
        &mut self,
        project: Uuid,
        id: Uuid,
        definition: StepDefinition,
    ) -> Result<Step> {
        self.require_unlocked()?;
        self.step(project, id)?;
        check_definition(&definition)?;
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE steps SET kind = ?2, definition = ?3, updated_at = ?4 WHERE id = ?1",
            params![
                id,
                definition.kind().as_str(),
                to_json(&definition)?,
                now_ms()
            ],
        )?;
        self.touch_project(project)?;
        tx.commit()?;
        self.step(project, id)
    }

    pub fn rename_step(&mut self, project: Uuid, id: Uuid, new_name: &str) -> Result<Step> {
        self.require_unlocked()?;
        self.step(project, id)?;
        let name = check_label("step", new_name)?;
        self.ensure_step_name_free(project, name, Some(id))?;
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE steps SET name = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, name, now_ms()],
        )?;
        self.touch_project(project)?;
        tx.commit()?;
        self.step(project, id)
    }

    pub fn delete_step(&mut self, project: Uuid, id: Uuid) -> Result<()> {
        self.require_unlocked()?;
        self.step(project, id)?;
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("DELETE FROM steps WHERE id = ?1", [id])?;
        self.touch_project(project)?;
        tx.commit()?;
        Ok(())
    }

    fn ensure_step_name_free(&self, project: Uuid, name: &str, except: Option<Uuid>) -> Result<()> {
        if self.name_taken(
            "SELECT id FROM steps WHERE project_id = ?1 AND name = ?2 COLLATE NOCASE",
            params![project, name],
            except,
        )? {
            return Err(Error::conflict(
                Field::Name,
                format!("a step named \"{name}\" already exists in this project"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(url: &str, headers: &[(&str, &str)]) -> StepDefinition {
        StepDefinition::Api {
            method: HttpMethod::Post,
            url: url.into(),
            headers: headers
                .iter()
                .map(|(name, value)| StepField {
                    name: (*name).into(),
                    value: (*value).into(),
                })
                .collect(),
            query: Vec::new(),
            body: StepBody {
                kind: BodyKind::Json,
                text: r#"{"a":"{X}"}"#.into(),
            },
        }
    }

    #[test]
    fn definitions_serialize_with_a_kind_tag_and_camel_case() {
        let json = serde_json::to_value(api("https://x.test", &[("A", "b")])).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "api", "method": "POST", "url": "https://x.test",
                "headers": [{"name": "A", "value": "b"}], "query": [],
                "body": {"kind": "json", "text": "{\"a\":\"{X}\"}"}
            })
        );
        let back: StepDefinition = serde_json::from_value(json).unwrap();
        assert_eq!(back, api("https://x.test", &[("A", "b")]));
        let function: StepDefinition =
            serde_json::from_str(r#"{"kind":"function","code":"return 1","inputs":[]}"#).unwrap();
        assert_eq!(function.kind(), StepKind::Function);
        for bad in [
            r#"{"kind":"api","method":"TRACE","url":"","headers":[],"query":[],"body":{"kind":"none","text":""}}"#,
            r#"{"kind":"shell","code":""}"#,
            r#"{"kind":"function","code":"","inputs":[],"extra":1}"#,
        ] {
            assert!(
                serde_json::from_str::<StepDefinition>(bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn urls_are_http_or_https() {
        for ok in [
            "",
            "https://api.example.com/v1",
            "http://127.0.0.1:8080/x?y=1",
            "{BASE_URL}/v1",
            "https://{HOST}/v1",
            "HTTPS://{HOST}",
        ] {
            assert!(check_definition(&api(ok, &[])).is_ok(), "{ok}");
        }
        for bad in [
            "ftp://example.com",
            "file:///etc/passwd",
            "example.com",
            "javascript:alert(1)",
            "ftp://{HOST}",
            "https://",
        ] {
            assert!(check_definition(&api(bad, &[])).is_err(), "{bad}");
        }
    }

    #[test]
    fn header_rows_are_checked() {
        assert!(check_definition(&api("", &[("Authorization", "Bearer {TOKEN}")])).is_ok());
        assert!(check_definition(&api("", &[("{HEADER_NAME}", "x")])).is_ok());
        let error = check_definition(&api("", &[("A", "1"), ("Bad Name", "x")])).unwrap_err();
        assert!(error.to_string().starts_with("Header 2 name:"), "{error}");
        assert!(check_definition(&api("", &[("", "x")])).is_err());
        assert!(check_definition(&api("", &[("X", "a\r\nEvil: 1")])).is_err());
    }

    #[test]
    fn function_inputs_have_unique_identifier_names() {
        let function = |names: &[&str]| StepDefinition::Function {
            code: "{x}".into(),
            inputs: names
                .iter()
                .map(|name| StepField {
                    name: (*name).into(),
                    value: "{API_KEY}".into(),
                })
                .collect(),
        };
        assert!(check_definition(&function(&["user_id", "token"])).is_ok());
        assert!(check_definition(&function(&["user id"])).is_err());
        assert!(check_definition(&function(&["a", "a"])).is_err());
    }

    #[test]
    fn sizes_are_limited_and_the_message_never_echoes_the_text() {
        let huge = "SECRETISH".repeat(MAX_URL_BYTES);
        let error = check_definition(&api(&huge, &[])).unwrap_err();
        assert!(!error.to_string().contains("SECRETISH"));
        let many: Vec<(&str, &str)> = vec![("A", "b"); MAX_ROWS + 1];
        assert!(check_definition(&api("", &many)).is_err());
    }

    #[test]
    fn texts_name_every_templated_field() {
        let texts: Vec<String> = api("u", &[("A", "b")])
            .texts()
            .into_iter()
            .map(|(at, _)| at.to_string())
            .collect();
        assert_eq!(texts, ["URL", "Header 1 name", "Header 1 value", "Body"]);
    }
}

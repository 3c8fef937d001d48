//! Function and API steps: what they hold (this module), their rules (`rules`) and their
//! storage (`storage`).
//!
//! A step holds only text with `{NAME}` references (see `reference`), never a value: it is
//! stored as JSON in the `steps` table, unencrypted. Its references are resolved for one
//! environment by `step_preview` (for display: secrets as placeholders) and `http_send` (for use).

mod rules;
mod storage;

pub use rules::{
    check_definition, MAX_BODY_BYTES, MAX_CODE_BYTES, MAX_ROWS, MAX_ROW_NAME_BYTES,
    MAX_ROW_VALUE_BYTES, MAX_STEPS, MAX_URL_BYTES,
};
pub(crate) use rules::{check_http_url, is_header_name};

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;
use uuid::Uuid;

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

    /// The method named exactly `text` (upper case, as `as_str` writes it).
    pub fn parse(text: &str) -> Option<HttpMethod> {
        HttpMethod::ALL.into_iter().find(|m| m.as_str() == text)
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

impl BodyKind {
    pub const ALL: [BodyKind; 3] = [BodyKind::None, BodyKind::Raw, BodyKind::Json];

    pub fn as_str(self) -> &'static str {
        match self {
            BodyKind::None => "none",
            BodyKind::Raw => "raw",
            BodyKind::Json => "json",
        }
    }

    pub fn parse(text: &str) -> Option<BodyKind> {
        BodyKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
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

/// An API step's fields, borrowed: what readers of a definition take from the `Api` variant.
#[derive(Debug, Clone, Copy)]
pub struct ApiParts<'a> {
    pub method: HttpMethod,
    pub url: &'a str,
    pub headers: &'a [StepField],
    pub query: &'a [StepField],
    pub body: &'a StepBody,
}

/// A definition's fields, borrowed (see [`StepDefinition::parts`]).
#[derive(Debug, Clone, Copy)]
pub enum DefinitionParts<'a> {
    Function {
        code: &'a str,
        inputs: &'a [StepField],
    },
    Api(ApiParts<'a>),
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

    /// The fields, borrowed. An API step's come as one [`ApiParts`], so that code reading a
    /// step names the parts it uses instead of spelling out the whole variant.
    pub fn parts(&self) -> DefinitionParts<'_> {
        match self {
            StepDefinition::Function { code, inputs } => DefinitionParts::Function { code, inputs },
            StepDefinition::Api {
                method,
                url,
                headers,
                query,
                body,
            } => DefinitionParts::Api(ApiParts {
                method: *method,
                url,
                headers,
                query,
                body,
            }),
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
        match self.parts() {
            DefinitionParts::Function { code, inputs } => {
                out.push((FieldRef::Code, code));
                rows(&mut out, RowList::Inputs, inputs);
            }
            DefinitionParts::Api(api) => {
                out.push((FieldRef::Url, api.url));
                rows(&mut out, RowList::Headers, api.headers);
                rows(&mut out, RowList::Query, api.query);
                if api.body.kind != BodyKind::None {
                    out.push((FieldRef::Body, api.body.text.as_str()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_serialize_with_a_kind_tag_and_camel_case() {
        let definition = StepDefinition::Api {
            method: HttpMethod::Post,
            url: "https://x.test".into(),
            headers: vec![StepField {
                name: "A".into(),
                value: "b".into(),
            }],
            query: Vec::new(),
            body: StepBody {
                kind: BodyKind::Json,
                text: r#"{"a":"{X}"}"#.into(),
            },
        };
        let json = serde_json::to_value(&definition).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "api", "method": "POST", "url": "https://x.test",
                "headers": [{"name": "A", "value": "b"}], "query": [],
                "body": {"kind": "json", "text": "{\"a\":\"{X}\"}"}
            })
        );
        let back: StepDefinition = serde_json::from_value(json).unwrap();
        assert_eq!(back, definition);
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
    fn method_and_body_kind_names_match_their_serde_names() {
        for method in HttpMethod::ALL {
            let json = serde_json::to_value(method).unwrap();
            assert_eq!(json, method.as_str());
            assert_eq!(HttpMethod::parse(method.as_str()), Some(method));
        }
        for kind in BodyKind::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, kind.as_str());
            assert_eq!(BodyKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(HttpMethod::parse("get"), None);
        assert_eq!(BodyKind::parse("JSON"), None);
    }
}

//! The rules a step definition must pass: sizes, row shapes, http(s) URLs, header names.
//! References are not resolved here: a step may refer to a secret that does not exist yet
//! (preview and send report it).

use super::{DefinitionParts, FieldRef, RowList, StepDefinition, StepField};
use crate::error::{Error, Result};
use crate::reference::{self, Segment};

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

/// Checks a definition against the size and shape rules. References are not resolved here:
/// a step may refer to a secret that does not exist yet (preview and send report it).
pub fn check_definition(definition: &StepDefinition) -> Result<()> {
    match definition.parts() {
        DefinitionParts::Function { code, inputs } => {
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
        DefinitionParts::Api(api) => {
            check_len("URL", api.url, MAX_URL_BYTES)?;
            check_url_shape(api.url)?;
            check_rows(RowList::Headers, api.headers)?;
            check_rows(RowList::Query, api.query)?;
            for (index, header) in api.headers.iter().enumerate() {
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
            for (index, row) in api.headers.iter().enumerate() {
                if row.value.contains(['\r', '\n']) {
                    let at = FieldRef::RowValue(RowList::Headers, index);
                    return Err(invalid(format!("{at}: a header value is one line")));
                }
            }
            for (index, parameter) in api.query.iter().enumerate() {
                if parameter.name.is_empty() {
                    let at = FieldRef::RowName(RowList::Query, index);
                    return Err(invalid(format!("{at}: a query parameter needs a name")));
                }
            }
            check_len("Body", &api.body.text, MAX_BODY_BYTES)?;
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

pub(crate) fn invalid(message: String) -> Error {
    Error::Invalid {
        field: None,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::steps::{BodyKind, HttpMethod, StepBody};

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

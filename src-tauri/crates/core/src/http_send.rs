//! Sending an API step: its references resolved for one environment — Restricted secrets
//! included, since this is use, not display — the request made from Rust (rustls, a timeout,
//! a few same-host redirects at most), and the response handed back with every secret value of
//! the project replaced by `••••••`.
//!
//! Two halves, so that the vault is not held during the request: [`Vault::prepare_send`]
//! resolves everything into a [`PreparedRequest`], and [`PreparedRequest::send`] performs it.

use crate::error::{Error, Result};
use crate::redact::Redactor;
use crate::reference::{self, Bindings};
use crate::step_preview::check_json;
use crate::steps::{
    check_http_url, is_header_name, BodyKind, DefinitionParts, FieldRef, HttpMethod, RowList,
    StepField,
};
use crate::vault::Vault;
use crate::SecretString;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use secrecy::ExposeSecret;
use serde::Serialize;
use std::io::Read;
use std::sync::Once;
use std::time::{Duration, Instant};
use ts_rs::TS;
use uuid::Uuid;
use zeroize::Zeroizing;

/// The whole exchange, from connecting to the last byte of the body.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Response body bytes kept; the rest is not read.
pub const MAX_RESPONSE_BYTES: usize = 5 * 1024 * 1024;
/// Redirects followed, and only to the same host (a cross-host redirect is shown, not followed).
pub const MAX_REDIRECTS: usize = 5;

/// What the UI is shown of a response: status, headers and body, every secret value of the
/// project replaced by `••••••`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepResponse {
    pub status: u16,
    /// The reason phrase the server sent, else the standard one for the status.
    pub status_text: String,
    /// In the order received.
    pub headers: Vec<StepField>,
    /// The body as text (invalid UTF-8 shown as �).
    pub body: String,
    /// True when the body was longer than the 5 MiB kept.
    pub body_truncated: bool,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
}

/// A request with its references resolved, ready to send. Holds secret values: it is neither
/// `Debug` nor `Serialize`, and its texts are zeroized when it is dropped.
pub struct PreparedRequest {
    method: HttpMethod,
    url: reqwest::Url,
    headers: HeaderMap,
    body: Option<Zeroizing<Vec<u8>>>,
    redactor: Redactor,
}

impl Vault {
    /// Resolves the API step `step` for `environment` into a request. Every reference that does
    /// not resolve is reported at once, with where it is; a URL that is not http(s), a header
    /// that is not one, or a JSON body that is not JSON once resolved are refused — the
    /// messages never carry a value.
    pub fn prepare_send(
        &self,
        project: Uuid,
        step: Uuid,
        environment: Uuid,
    ) -> Result<PreparedRequest> {
        let step = self.step(project, step)?;
        let DefinitionParts::Api(api) = step.definition.parts() else {
            return Err(invalid(format!(
                "{} is a Function step: only API steps can be sent",
                step.name
            )));
        };
        let resolution = self.resolve_for_use(project, environment)?;
        let variables = self.list_variables(project)?;
        let bindings = Bindings::new(&resolution, &variables);
        let mut renderer = Renderer {
            bindings: &bindings,
            errors: Vec::new(),
        };
        let url = renderer.render(FieldRef::Url, api.url);
        let header_texts: Vec<_> = api
            .headers
            .iter()
            .enumerate()
            .map(|(i, row)| {
                (
                    renderer.render(FieldRef::RowName(RowList::Headers, i), &row.name),
                    renderer.render(FieldRef::RowValue(RowList::Headers, i), &row.value),
                )
            })
            .collect();
        let query_texts: Vec<_> = api
            .query
            .iter()
            .enumerate()
            .map(|(i, row)| {
                (
                    renderer.render(FieldRef::RowName(RowList::Query, i), &row.name),
                    renderer.render(FieldRef::RowValue(RowList::Query, i), &row.value),
                )
            })
            .collect();
        let body_text = match api.body.kind {
            BodyKind::None => None,
            BodyKind::Raw | BodyKind::Json => Some(renderer.render(FieldRef::Body, &api.body.text)),
        };
        if !renderer.errors.is_empty() {
            let count = renderer.errors.len();
            return Err(invalid(format!(
                "{} {} not resolve in {}:\n{}",
                count,
                if count == 1 {
                    "reference does"
                } else {
                    "references do"
                },
                resolution.environment.name,
                renderer.errors.join("\n")
            )));
        }
        // Every text rendered: the options below are all `Some`.
        let resolved = |text: Option<SecretString>| text.unwrap_or_else(|| SecretString::from(""));

        let mut url = check_http_url(resolved(url).expose_secret())?;
        if !query_texts.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in query_texts {
                pairs.append_pair(
                    resolved(name).expose_secret(),
                    resolved(value).expose_secret(),
                );
            }
        }

        let mut header_map = HeaderMap::new();
        for (index, (name, value)) in header_texts.into_iter().enumerate() {
            let name = resolved(name);
            let name_text = name.expose_secret().trim();
            let header_name = HeaderName::from_bytes(name_text.as_bytes())
                .ok()
                .filter(|_| is_header_name(name_text))
                .ok_or_else(|| {
                    invalid(format!(
                        "{}: once resolved, it is not a header name (letters, digits and !#$%&'*+-.^_`|~ only)",
                        FieldRef::RowName(RowList::Headers, index)
                    ))
                })?;
            let mut header_value = HeaderValue::from_str(resolved(value).expose_secret().trim())
                .map_err(|_| {
                    invalid(format!(
                        "{}: once resolved, it holds a character a header cannot carry (a line break or another control character)",
                        FieldRef::RowValue(RowList::Headers, index)
                    ))
                })?;
            header_value.set_sensitive(true);
            header_map.append(header_name, header_value);
        }

        let body = match body_text {
            None => None,
            Some(text) => {
                let text = resolved(text);
                if api.body.kind == BodyKind::Json {
                    check_json(text.expose_secret())
                        .map_err(|message| invalid(format!("Body: {message}")))?;
                    if !header_map.contains_key(CONTENT_TYPE) {
                        header_map
                            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                    }
                }
                Some(Zeroizing::new(text.expose_secret().as_bytes().to_vec()))
            }
        };

        let values = self.every_secret_value(project)?;
        let forms: Vec<Zeroizing<Vec<u8>>> = values
            .iter()
            .flat_map(|value| redaction_forms(value.expose_secret()))
            .collect();
        Ok(PreparedRequest {
            method: api.method,
            url,
            headers: header_map,
            body,
            redactor: Redactor::new(forms.iter().map(|form| form.as_slice())),
        })
    }
}

struct Renderer<'b, 'v> {
    bindings: &'b Bindings<'v>,
    errors: Vec<String>,
}

impl Renderer<'_, '_> {
    fn render(&mut self, at: FieldRef, source: &str) -> Option<SecretString> {
        match reference::parse(source).render(self.bindings) {
            Ok(text) => Some(text),
            Err(errors) => {
                self.errors
                    .extend(errors.iter().map(|error| format!("- {at}: {error}")));
                None
            }
        }
    }
}

/// The forms a value can take in a response that echoes it: as it is, percent-encoded (a URL
/// path, or a query string as `application/x-www-form-urlencoded` writes it), and inside a JSON
/// string.
fn redaction_forms(value: &str) -> Vec<Zeroizing<Vec<u8>>> {
    let mut forms = vec![
        Zeroizing::new(value.as_bytes().to_vec()),
        Zeroizing::new(percent_encode(value, false).into_bytes()),
        Zeroizing::new(percent_encode(value, true).into_bytes()),
    ];
    if let Ok(json) = serde_json::to_string(value) {
        let json = Zeroizing::new(json);
        forms.push(Zeroizing::new(json[1..json.len() - 1].as_bytes().to_vec()));
    }
    forms.sort_by(|a, b| a.as_slice().cmp(b.as_slice()));
    forms.dedup_by(|a, b| a.as_slice() == b.as_slice());
    forms
}

/// Percent-encodes every byte but letters, digits and `-._~` (`*` too for a form); a form
/// writes a space as `+`.
fn percent_encode(value: &str, form: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for &byte in value.as_bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => out.push(byte as char),
            b'~' if !form => out.push('~'),
            b'*' if form => out.push('*'),
            b' ' if form => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn invalid(message: String) -> Error {
    Error::Invalid {
        field: None,
        message,
    }
}

/// rustls needs a crypto provider; ring is ours (see the workspace Cargo.toml).
fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // An error means some provider is already installed for the process: keep it.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// Follows at most [`MAX_REDIRECTS`] redirects, and only to the host of the first request (on
/// the same scheme and port, or from http up to https). A redirect elsewhere is not followed:
/// the 3xx response is what the user sees, so no header of theirs goes to another host.
fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        if attempt.previous().len() > MAX_REDIRECTS {
            return attempt.error(format!("more than {MAX_REDIRECTS} redirects"));
        }
        let Some(first) = attempt.previous().first() else {
            return attempt.stop();
        };
        let next = attempt.url();
        let same_host = next.host_str() == first.host_str();
        let same_origin = next.scheme() == first.scheme()
            && next.port_or_known_default() == first.port_or_known_default();
        let upgrade = first.scheme() == "http" && next.scheme() == "https";
        if same_host && (same_origin || upgrade) {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

impl PreparedRequest {
    /// Performs the request and returns the redacted response. A failure (no connection, a
    /// timeout, TLS) is an `Io` error whose message is redacted too.
    pub fn send(self) -> Result<StepResponse> {
        install_crypto_provider();
        let client = reqwest::blocking::Client::builder()
            .timeout(SEND_TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .redirect(redirect_policy())
            .user_agent(concat!("AgentSecrets/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Io(format!("cannot start the HTTP client: {e}")))?;
        let method = reqwest::Method::from_bytes(self.method.as_str().as_bytes())
            .expect("the methods of HttpMethod are valid");
        let host = self.url.host_str().unwrap_or("the server").to_owned();
        let mut request = client
            .request(method, self.url.clone())
            .headers(self.headers.clone());
        if let Some(body) = &self.body {
            request = request.body(body.to_vec());
        }
        let started = Instant::now();
        let response = request.send().map_err(|e| self.failure(&host, e))?;
        let status = response.status();
        let status_text = response
            .extensions()
            .get::<hyper::ext::ReasonPhrase>()
            .map(|reason| String::from_utf8_lossy(reason.as_bytes()).into_owned())
            .or_else(|| status.canonical_reason().map(str::to_owned))
            .unwrap_or_default();
        let headers: Vec<StepField> = response
            .headers()
            .iter()
            .map(|(name, value)| StepField {
                name: self.redactor.redact_str(name.as_str()),
                value: String::from_utf8_lossy(&self.redactor.redact_all(value.as_bytes(), true))
                    .into_owned(),
            })
            .collect();
        let mut body = Zeroizing::new(Vec::new());
        response
            .take(MAX_RESPONSE_BYTES as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| {
                Error::Io(self.redactor.redact_str(&format!(
                    "the response from {host} could not be read to the end: {e}"
                )))
            })?;
        let body_truncated = body.len() > MAX_RESPONSE_BYTES;
        body.truncate(MAX_RESPONSE_BYTES);
        let redacted = Zeroizing::new(self.redactor.redact_all(&body, !body_truncated));
        Ok(StepResponse {
            status: status.as_u16(),
            status_text: self.redactor.redact_str(&status_text),
            headers,
            body: String::from_utf8_lossy(&redacted).into_owned(),
            body_truncated,
            elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        })
    }

    /// Why the request failed, redacted, without the URL (it may hold a secret).
    fn failure(&self, host: &str, error: reqwest::Error) -> Error {
        let error = error.without_url();
        let detail = if error.is_timeout() {
            format!("no complete answer within {} s", SEND_TIMEOUT.as_secs())
        } else {
            let mut detail = error.to_string();
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                detail.push_str(": ");
                detail.push_str(&cause.to_string());
                source = cause.source();
            }
            detail
        };
        Error::Io(
            self.redactor
                .redact_str(&format!("the request to {host} failed: {detail}")),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_redacted_in_the_forms_an_echo_takes() {
        let forms: Vec<String> = redaction_forms("p@ss word/\"x\"")
            .iter()
            .map(|form| String::from_utf8(form.to_vec()).unwrap())
            .collect();
        for expected in [
            "p@ss word/\"x\"",
            "p%40ss%20word%2F%22x%22",
            "p%40ss+word%2F%22x%22",
            "p@ss word/\\\"x\\\"",
        ] {
            assert!(
                forms.iter().any(|form| form == expected),
                "{expected} in {forms:?}"
            );
        }
        assert_eq!(redaction_forms("plain-token_1").len(), 1);
    }

    proptest::proptest! {
        /// Whatever a response looks like, no value of 4 characters or more survives redaction,
        /// in any of the forms an echo takes.
        #[test]
        fn no_value_survives_redaction(
            values in proptest::collection::vec("[a-c @/\"%+]{4,10}", 1..4),
            pieces in proptest::collection::vec(("[a-c @/\"%+x]{0,6}", 0usize..4, 0usize..3), 0..12),
        ) {
            let forms: Vec<Zeroizing<Vec<u8>>> =
                values.iter().flat_map(|v| redaction_forms(v)).collect();
            let redactor = Redactor::new(forms.iter().map(|form| form.as_slice()));
            let mut response = Vec::new();
            for (filler, which, form) in &pieces {
                response.extend_from_slice(filler.as_bytes());
                if let Some(value) = values.get(*which) {
                    let all = redaction_forms(value);
                    response.extend_from_slice(&all[*form % all.len()]);
                }
            }
            let shown = redactor.redact_all(&response, true);
            for form in &forms {
                proptest::prop_assert!(
                    !shown.windows(form.len()).any(|w| w == form.as_slice()),
                    "{:?} survives in {:?}",
                    String::from_utf8_lossy(form),
                    String::from_utf8_lossy(&shown)
                );
            }
        }
    }
}

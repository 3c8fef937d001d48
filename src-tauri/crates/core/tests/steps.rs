//! Steps on a real vault file: storage and rules, preview for an environment, and sending an
//! API step to a local HTTP server started by the test (127.0.0.1 only), which echoes what it
//! received so that the redaction of the response can be checked.

mod common;

use agent_secrets_core::http_send::MAX_RESPONSE_BYTES;
use agent_secrets_core::step_preview::{PreviewDefinition, PreviewErrorCode, PreviewSegment};
use agent_secrets_core::steps::{BodyKind, HttpMethod, StepBody, StepField};
use agent_secrets_core::{Error, StepDefinition, StepKind, Visibility};
use common::{database_bytes, secret, TestVault};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;

const RESTRICTED: &str = "rk-restricted-CANARY-7Qx9";
const RESTRICTED_DEV: &str = "rk-dev-override-CANARY-3Lm";
const MASKED: &str = "mk-masked-value-Zp4";

fn field(name: &str, value: &str) -> StepField {
    StepField {
        name: name.into(),
        value: value.into(),
    }
}

fn api(url: &str, headers: &[(&str, &str)], body: Option<(BodyKind, &str)>) -> StepDefinition {
    StepDefinition::Api {
        method: HttpMethod::Post,
        url: url.into(),
        headers: headers.iter().map(|(n, v)| field(n, v)).collect(),
        query: Vec::new(),
        body: body
            .map(|(kind, text)| StepBody {
                kind,
                text: text.into(),
            })
            .unwrap_or_default(),
    }
}

/// A vault with a Restricted secret (a Development override too), a Masked one, a secret
/// without any value and a variable.
fn vault_with_secrets() -> TestVault {
    let mut t = TestVault::fresh();
    let token = t.add("API_TOKEN", Some(RESTRICTED), Visibility::Restricted);
    t.add("USER_KEY", Some(MASKED), Visibility::Masked);
    t.add("EMPTY_ONE", None, Visibility::Masked);
    let development = t.env("Development");
    t.vault
        .set_override(t.project, token, development, secret(RESTRICTED_DEV))
        .unwrap();
    t.vault
        .set_variable(t.project, "TENANT", "acme-corp")
        .unwrap();
    t
}

#[test]
fn steps_are_created_renamed_updated_and_deleted() {
    let mut t = TestVault::fresh();
    let p = t.project;
    let first = t
        .vault
        .create_step(p, "  Fetch user ", StepDefinition::empty(StepKind::Api))
        .unwrap();
    assert_eq!(first.name, "Fetch user");
    assert_eq!(first.kind(), StepKind::Api);
    let second = t
        .vault
        .create_step(p, "Score", StepDefinition::empty(StepKind::Function))
        .unwrap();
    let names: Vec<_> = t
        .vault
        .list_steps(p)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(
        names,
        ["Fetch user", "Score"],
        "in the order they were made"
    );

    // Names: a label, unique per project whatever the case.
    let error = t
        .vault
        .create_step(p, "fetch USER", StepDefinition::empty(StepKind::Api))
        .unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert_eq!(error.field(), Some(agent_secrets_core::Field::Name));
    assert_eq!(
        t.vault
            .rename_step(p, second.id, "FETCH user")
            .unwrap_err()
            .code(),
        "conflict"
    );
    assert!(t.vault.rename_step(p, second.id, " ").is_err());
    let renamed = t.vault.rename_step(p, first.id, "fetch user").unwrap();
    assert_eq!(renamed.name, "fetch user", "a step may change its own case");

    let definition = api(
        "https://api.example.com/{TENANT}",
        &[("Authorization", "Bearer {API_TOKEN}")],
        Some((BodyKind::Json, r#"{"a":1,"b":"{USER_KEY}"}"#)),
    );
    let updated = t
        .vault
        .update_step(p, first.id, definition.clone())
        .unwrap();
    assert_eq!(updated.definition, definition);
    t.reopen();
    assert_eq!(t.vault.step(p, first.id).unwrap().definition, definition);

    // Rules are checked on update too, and a refused update changes nothing.
    let error = t
        .vault
        .update_step(p, first.id, api("ftp://example.com", &[], None))
        .unwrap_err();
    assert_eq!(error.code(), "invalid");
    assert_eq!(t.vault.step(p, first.id).unwrap().definition, definition);

    t.vault.delete_step(p, second.id).unwrap();
    assert_eq!(t.vault.list_steps(p).unwrap().len(), 1);
    assert_eq!(
        t.vault.delete_step(p, second.id).unwrap_err().code(),
        "not_found"
    );

    // A step belongs to its project.
    let other = t.vault.create_project("Other").unwrap().id;
    assert_eq!(
        t.vault.step(other, first.id).unwrap_err().code(),
        "not_found"
    );
    t.vault.delete_project(p).unwrap();
    let count: i64 = t
        .raw()
        .query_row("SELECT COUNT(*) FROM steps", [], |row| row.get(0))
        .unwrap();
    assert_eq!(count, 0, "deleting the project deletes its steps");
}

#[test]
fn a_step_stores_references_never_values() {
    let mut t = vault_with_secrets();
    let step = t
        .vault
        .create_step(
            t.project,
            "Call",
            api(
                "https://x.test/?u={USER_KEY}",
                &[("Authorization", "Bearer {API_TOKEN}")],
                None,
            ),
        )
        .unwrap();
    t.vault
        .preview_step(t.project, step.id, t.env("Production"))
        .unwrap();
    drop(
        t.vault
            .prepare_send(t.project, step.id, t.env("Production"))
            .unwrap(),
    );
    t.reopen();
    let bytes = database_bytes(t.home());
    for value in [RESTRICTED, RESTRICTED_DEV, MASKED] {
        assert!(
            !bytes.windows(value.len()).any(|w| w == value.as_bytes()),
            "{value} is in the database file in clear"
        );
    }
    let stored: String = t
        .raw()
        .query_row("SELECT definition FROM steps", [], |row| row.get(0))
        .unwrap();
    assert!(stored.contains("Bearer {API_TOKEN}"));
}

#[test]
fn a_locked_vault_lists_and_previews_steps_but_does_not_change_or_send_them() {
    let mut t = vault_with_secrets();
    let step = t
        .vault
        .create_step(t.project, "Call", api("https://x.test", &[], None))
        .unwrap();
    let vault_id = t.vault.status().unwrap().vault_id;
    t.keys.remove(vault_id);
    t.reopen();
    let production = t.env("Production");
    assert_eq!(t.vault.list_steps(t.project).unwrap().len(), 1);
    assert!(t.vault.preview_step(t.project, step.id, production).is_ok());
    for error in [
        t.vault
            .create_step(t.project, "New", StepDefinition::empty(StepKind::Api))
            .unwrap_err(),
        t.vault.rename_step(t.project, step.id, "X").unwrap_err(),
        t.vault.delete_step(t.project, step.id).unwrap_err(),
        t.vault
            .prepare_send(t.project, step.id, production)
            .err()
            .unwrap(),
    ] {
        assert_eq!(error.code(), "locked");
    }
}

#[test]
fn preview_shows_placeholders_and_lists_every_error() {
    let mut t = vault_with_secrets();
    let step = t
        .vault
        .create_step(
            t.project,
            "Call",
            api(
                "https://api.test/{TENANT}/\\{literal}",
                &[
                    ("Authorization", "Bearer {API_TOKEN}"),
                    ("X-User", "{USER_KEY}"),
                    ("X-Missing", "{EMPTY_ONE}"),
                ],
                Some((BodyKind::Json, r#"{"q":"{NOPE}","n":{"a":1}}"#)),
            ),
        )
        .unwrap();
    let production = t.env("Production");
    let preview = t
        .vault
        .preview_step(t.project, step.id, production)
        .unwrap();
    assert_eq!(preview.environment.name, "Production");
    let PreviewDefinition::Api {
        url,
        headers,
        body,
        body_kind,
        ..
    } = &preview.definition
    else {
        panic!("an API preview")
    };
    assert_eq!(
        url,
        &[
            PreviewSegment::Text {
                text: "https://api.test/".into()
            },
            PreviewSegment::Variable {
                name: "TENANT".into(),
                value: "acme-corp".into()
            },
            PreviewSegment::Text {
                text: "/{literal}".into()
            },
        ]
    );
    let token = t.vault.find_secret(t.project, "API_TOKEN").unwrap().id;
    assert_eq!(
        headers[0].value[1],
        PreviewSegment::Secret {
            name: "API_TOKEN".into(),
            visibility: Visibility::Restricted,
            secret_id: token
        }
    );
    assert!(matches!(
        &headers[1].value[0],
        PreviewSegment::Secret {
            visibility: Visibility::Masked,
            ..
        }
    ));
    assert!(
        matches!(&headers[2].value[0], PreviewSegment::Missing { name, .. } if name == "EMPTY_ONE")
    );
    assert_eq!(*body_kind, BodyKind::Json);
    assert!(body.contains(&PreviewSegment::Unknown {
        name: "NOPE".into()
    }));
    assert!(
        body.iter().any(
            |s| matches!(s, PreviewSegment::Text { text } if text.contains("\"n\":{\"a\":1}"))
        ),
        "JSON braces are literal text: {body:?}"
    );

    let errors: Vec<_> = preview
        .errors
        .iter()
        .map(|e| (e.field.as_str(), e.code, e.name.as_deref()))
        .collect();
    assert_eq!(
        errors,
        [
            (
                "Header 3 value",
                PreviewErrorCode::MissingValue,
                Some("EMPTY_ONE")
            ),
            ("Body", PreviewErrorCode::UnknownName, Some("NOPE")),
        ]
    );
    assert!(preview.errors[0].message.contains("no value in Production"));
    assert!(preview.errors[1]
        .message
        .starts_with("Body: {NOPE} at line 1, column 7"));

    // In Development the same step previews the same placeholders: no value anywhere.
    let json = serde_json::to_string(&preview).unwrap();
    let development = t
        .vault
        .preview_step(t.project, step.id, t.env("Development"))
        .unwrap();
    let json = json + &serde_json::to_string(&development).unwrap();
    for value in [RESTRICTED, RESTRICTED_DEV, MASKED] {
        assert!(!json.contains(value), "{value} in a preview");
    }
}

#[test]
fn preview_checks_what_it_can_without_values() {
    let mut t = vault_with_secrets();
    t.vault
        .set_variable(t.project, "BASE", "ftp://files.example")
        .unwrap();
    let step = t
        .vault
        .create_step(
            t.project,
            "Call",
            api("{BASE}/x", &[], Some((BodyKind::Json, "{\"a\": {TENANT}}"))),
        )
        .unwrap();
    let preview = t
        .vault
        .preview_step(t.project, step.id, t.env("Production"))
        .unwrap();
    let codes: Vec<_> = preview.errors.iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [PreviewErrorCode::InvalidUrl, PreviewErrorCode::InvalidJson]
    );

    let function = t
        .vault
        .create_step(
            t.project,
            "Code",
            StepDefinition::Function {
                code: "const key = \"{USER_KEY}\"; if (x) { return 1 }".into(),
                inputs: vec![field("tenant", "{TENANT}"), field("token", "{API_TOKEN}")],
            },
        )
        .unwrap();
    let preview = t
        .vault
        .preview_step(t.project, function.id, t.env("Production"))
        .unwrap();
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    let PreviewDefinition::Function { code, inputs } = preview.definition else {
        panic!("a Function preview")
    };
    assert_eq!(code.len(), 3);
    assert!(matches!(
        &inputs[1].value[0],
        PreviewSegment::Secret {
            visibility: Visibility::Restricted,
            ..
        }
    ));
}

// ---- Sending, against a local server -------------------------------------------------------

/// What the test server saw of one request.
#[derive(Debug)]
struct Received {
    request_line: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A one-thread HTTP/1.1 server on 127.0.0.1 that answers `connections` requests with what
/// `respond` makes of each, then stops. Received requests come out of the channel.
fn serve(
    connections: usize,
    respond: impl Fn(&Received, u16) -> Vec<u8> + Send + 'static,
) -> (u16, mpsc::Receiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let Ok(stream) = stream else { return };
            let Some(received) = read_request(&stream) else {
                continue;
            };
            let answer = respond(&received, port);
            let mut stream = stream;
            let _ = stream.write_all(&answer);
            let _ = stream.flush();
            let _ = tx.send(received);
        }
    });
    (port, rx)
}

fn read_request(stream: &TcpStream) -> Option<Received> {
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Received {
        request_line: request_line.trim_end().to_owned(),
        headers,
        body,
    })
}

fn response(status_line: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status_line}\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

/// Echoes the Authorization header everywhere a response can carry text: the reason phrase,
/// a header, and the body (alone, inside a longer string, JSON-escaped, and the request body).
fn echo(received: &Received, _port: u16) -> Vec<u8> {
    let authorization = received.header("authorization").unwrap_or("");
    let token = authorization.trim_start_matches("Bearer ");
    let body = format!(
        "{{\"authorization\":\"{authorization}\",\"glued\":\"xx{token}yy\",\"line\":\"{}\",\"dev\":\"{RESTRICTED_DEV}\",\"request\":{}}}",
        received.request_line,
        String::from_utf8_lossy(&received.body)
    );
    response(
        &format!("200 OK {token}"),
        &[
            ("X-Echo", authorization),
            ("Content-Type", "application/json"),
        ],
        body.as_bytes(),
    )
}

#[test]
fn send_resolves_restricted_secrets_for_use_and_redacts_the_response() {
    let mut t = vault_with_secrets();
    let (port, received) = serve(1, echo);
    let step = t
        .vault
        .create_step(
            t.project,
            "Echo",
            StepDefinition::Api {
                method: HttpMethod::Post,
                url: format!("http://127.0.0.1:{port}/{{TENANT}}/items"),
                headers: vec![field("Authorization", "Bearer {API_TOKEN}")],
                query: vec![field("key", "{USER_KEY}"), field("plain", "a b")],
                body: StepBody {
                    kind: BodyKind::Json,
                    text: r#"{"user":"{USER_KEY}","n":{"deep":[1,2]}}"#.into(),
                },
            },
        )
        .unwrap();
    let production = t.env("Production");
    let response = t
        .vault
        .prepare_send(t.project, step.id, production)
        .unwrap()
        .send()
        .unwrap();

    // The server got the resolved request, the Restricted value included.
    let got = received.recv().unwrap();
    assert_eq!(
        got.header("authorization"),
        Some(format!("Bearer {RESTRICTED}").as_str())
    );
    assert_eq!(
        got.request_line,
        format!("POST /acme-corp/items?key={MASKED}&plain=a+b HTTP/1.1")
    );
    assert_eq!(got.header("content-type"), Some("application/json"));
    assert_eq!(
        String::from_utf8(got.body).unwrap(),
        format!(r#"{{"user":"{MASKED}","n":{{"deep":[1,2]}}}}"#)
    );

    // What the UI is shown has none of the project's secret values, in any environment.
    assert_eq!(response.status, 200);
    assert_eq!(response.status_text, "OK ••••••");
    let echo_header = response
        .headers
        .iter()
        .find(|h| h.name == "x-echo")
        .unwrap();
    assert_eq!(echo_header.value, "Bearer ••••••");
    let body: serde_json::Value = serde_json::from_str(&response.body).unwrap();
    assert_eq!(body["authorization"], "Bearer ••••••");
    assert_eq!(body["glued"], "xx••••••yy", "inside a longer string too");
    assert_eq!(body["dev"], "••••••", "another environment's value too");
    assert_eq!(body["request"]["user"], "••••••");
    assert!(body["line"].as_str().unwrap().contains("key=••••••"));
    assert!(!response.body_truncated);
    let json = serde_json::to_string(&response).unwrap();
    for value in [RESTRICTED, RESTRICTED_DEV, MASKED] {
        assert!(!json.contains(value), "{value} in the response shown");
    }
}

#[test]
fn send_refuses_a_step_that_does_not_resolve_and_says_where() {
    let mut t = vault_with_secrets();
    let step = t
        .vault
        .create_step(
            t.project,
            "Broken",
            api("http://127.0.0.1:9/{NOPE}", &[("X-A", "{EMPTY_ONE}")], None),
        )
        .unwrap();
    let Err(error) = t
        .vault
        .prepare_send(t.project, step.id, t.env("Production"))
    else {
        panic!("refused")
    };
    assert_eq!(error.code(), "invalid");
    let message = error.to_string();
    assert!(
        message.starts_with("2 references do not resolve in Production"),
        "{message}"
    );
    assert!(
        message.contains("- URL: {NOPE} at line 1, column 20"),
        "{message}"
    );
    assert!(
        message.contains("- Header 1 value: {EMPTY_ONE}"),
        "{message}"
    );

    let function = t
        .vault
        .create_step(t.project, "Fn", StepDefinition::empty(StepKind::Function))
        .unwrap();
    assert!(t
        .vault
        .prepare_send(t.project, function.id, t.env("Production"))
        .is_err());
}

#[test]
fn send_checks_the_resolved_url_headers_and_json_without_echoing_values() {
    let mut t = vault_with_secrets();
    let bad_url = t
        .vault
        .create_step(t.project, "Url", api("{API_TOKEN}/x", &[], None))
        .unwrap();
    let bad_header = t
        .vault
        .create_step(
            t.project,
            "Header",
            api("http://127.0.0.1:9", &[("{TENANT} {API_TOKEN}", "x")], None),
        )
        .unwrap();
    let bad_json = t
        .vault
        .create_step(
            t.project,
            "Json",
            api(
                "http://127.0.0.1:9",
                &[],
                Some((BodyKind::Json, "{\"a\": {API_TOKEN}}")),
            ),
        )
        .unwrap();
    for (step, expected) in [
        (bad_url.id, "URL:"),
        (bad_header.id, "Header 1 name:"),
        (bad_json.id, "Body: not valid JSON"),
    ] {
        let Err(error) = t.vault.prepare_send(t.project, step, t.env("Production")) else {
            panic!("refused")
        };
        let message = error.to_string();
        assert!(message.starts_with(expected), "{message}");
        assert!(!message.contains("CANARY"), "{message}");
    }
}

#[test]
fn a_failed_request_is_reported_without_the_url_or_values() {
    let mut t = vault_with_secrets();
    // A port nobody listens on: bind one, then free it.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let step = t
        .vault
        .create_step(
            t.project,
            "Down",
            api(
                &format!("http://127.0.0.1:{port}/?token={{API_TOKEN}}"),
                &[],
                None,
            ),
        )
        .unwrap();
    let error = t
        .vault
        .prepare_send(t.project, step.id, t.env("Production"))
        .unwrap()
        .send()
        .unwrap_err();
    assert!(matches!(error, Error::Io(_)));
    let message = error.to_string();
    assert!(
        message.starts_with("the request to 127.0.0.1 failed"),
        "{message}"
    );
    assert!(!message.contains("CANARY"), "{message}");
}

#[test]
fn a_large_response_is_cut_at_the_cap_without_showing_half_a_value() {
    let mut t = vault_with_secrets();
    let (port, _received) = serve(1, |_, _| {
        // The Restricted value straddles the cap: its first half must not be shown.
        let mut body = vec![b'a'; MAX_RESPONSE_BYTES - 5];
        body.extend_from_slice(RESTRICTED.as_bytes());
        body.extend_from_slice(&[b'z'; 1000]);
        response("200 OK", &[], &body)
    });
    let step = t
        .vault
        .create_step(
            t.project,
            "Big",
            api(&format!("http://127.0.0.1:{port}/"), &[], None),
        )
        .unwrap();
    let response = t
        .vault
        .prepare_send(t.project, step.id, t.env("Production"))
        .unwrap()
        .send()
        .unwrap();
    assert!(response.body_truncated);
    assert_eq!(response.body.len(), MAX_RESPONSE_BYTES - 5);
    assert!(!response.body.contains("rk-re"));
}

#[test]
fn redirects_are_followed_on_the_same_host_only() {
    let mut t = vault_with_secrets();
    // Same host: followed. The second request still carries the header.
    let (port, received) = serve(2, |request, port| {
        if request.request_line.starts_with("GET /start") {
            response(
                "302 Found",
                &[("Location", &format!("http://127.0.0.1:{port}/end"))],
                b"",
            )
        } else {
            response("200 OK", &[], b"arrived")
        }
    });
    let mut definition = api(
        &format!("http://127.0.0.1:{port}/start"),
        &[("X-Key", "{USER_KEY}")],
        None,
    );
    if let StepDefinition::Api { method, .. } = &mut definition {
        *method = HttpMethod::Get;
    }
    let step = t
        .vault
        .create_step(t.project, "Same host", definition)
        .unwrap();
    let answer = t
        .vault
        .prepare_send(t.project, step.id, t.env("Production"))
        .unwrap()
        .send()
        .unwrap();
    assert_eq!((answer.status, answer.body.as_str()), (200, "arrived"));
    received.recv().unwrap();
    assert_eq!(received.recv().unwrap().header("x-key"), Some(MASKED));

    // Another host (`localhost` is not `127.0.0.1`): not followed, the 302 is shown.
    let (port, received) = serve(1, |_, port| {
        response(
            "302 Found",
            &[("Location", &format!("http://localhost:{port}/elsewhere"))],
            b"",
        )
    });
    let step = t
        .vault
        .create_step(
            t.project,
            "Other host",
            api(&format!("http://127.0.0.1:{port}/start"), &[], None),
        )
        .unwrap();
    let answer = t
        .vault
        .prepare_send(t.project, step.id, t.env("Production"))
        .unwrap()
        .send()
        .unwrap();
    assert_eq!(answer.status, 302);
    received.recv().unwrap();
    assert!(received.try_recv().is_err());
}

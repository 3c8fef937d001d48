//! DESIGN §2: no IPC command returns a Restricted plaintext. Every command registered in
//! build.rs is called here through its body in `api`, against a vault whose project holds a
//! Restricted secret (a default and a Production override), a step that uses it, and a local
//! HTTP server that echoes everything it receives — and every answer, success or error, is
//! searched for the values.
//!
//! A command registered in build.rs and not called below fails the test: a new command must
//! come with its call here (or an exemption saying why it cannot see a secret).

use agent_secrets_core::steps::{BodyKind, HttpMethod, StepBody, StepField};
use agent_secrets_core::{
    MemoryKeyStore, NewSecret, SecretString, StepDefinition, Vault, Visibility,
};
use agent_secrets_desktop_lib::api;
use agent_secrets_desktop_lib::clipboard::{ClipboardBackend, ClipboardService};
use agent_secrets_desktop_lib::dto::{NewSecretInput, OverrideEditInput, SecretUpdateInput};
use agent_secrets_desktop_lib::state::ensure_first_project;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};
use zeroize::Zeroizing;

/// The Restricted values the vault holds, and those the calls below write.
const DEFAULT_CANARY: &str = "CANARY-restricted-default-9fQ2";
const PRODUCTION_CANARY: &str = "CANARY-restricted-production-4Tz7";
const WRITTEN_CANARY: &str = "CANARY-restricted-written-8Hd1";
const CANARIES: [&str; 3] = [DEFAULT_CANARY, PRODUCTION_CANARY, WRITTEN_CANARY];

/// Commands that need no call here, with the reason.
const EXEMPT: &[(&str, &str)] = &[];

#[derive(Clone, Default)]
struct RecordingClipboard(Arc<Mutex<Vec<String>>>);

impl ClipboardBackend for RecordingClipboard {
    fn set_secret(&mut self, text: &str) -> Result<(), String> {
        self.0.lock().unwrap().push(text.to_owned());
        Ok(())
    }
    fn text(&mut self) -> Option<Zeroizing<String>> {
        self.0.lock().unwrap().last().cloned().map(Zeroizing::new)
    }
    fn clear(&mut self) -> Result<(), String> {
        self.0.lock().unwrap().push(String::new());
        Ok(())
    }
}

struct Fixture {
    _home: tempfile::TempDir,
    vault: Mutex<Vault>,
    clipboard: ClipboardService,
    copied: RecordingClipboard,
    project: String,
    /// Every environment's id, and the custom one's.
    environments: Vec<String>,
    staging: String,
    restricted: String,
    masked: String,
    api_step: String,
    function_step: String,
    /// Requests the echo server received, to prove the canary was really used.
    received: Arc<Mutex<Vec<String>>>,
}

/// A local server (127.0.0.1 only) that answers each request with everything it received.
fn echo_server(received: Arc<Mutex<Vec<String>>>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(64) {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let echoed = format!("{head}\n{}", String::from_utf8_lossy(&body));
            received.lock().unwrap().push(echoed.clone());
            let authorization = head
                .lines()
                .find(|l| l.to_ascii_lowercase().starts_with("authorization:"))
                .unwrap_or("")
                .to_owned();
            let answer = format!(
                "HTTP/1.1 200 {authorization}\r\nX-Echo: {authorization}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{echoed}",
                echoed.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    port
}

fn fixture() -> Fixture {
    let home = tempfile::tempdir().unwrap();
    let mut vault = Vault::open(home.path(), Box::new(MemoryKeyStore::default())).unwrap();
    ensure_first_project(&mut vault).unwrap();
    let project = vault.list_projects().unwrap()[0].id;
    let staging = vault.create_environment(project, "Staging").unwrap().id;
    let production = vault.find_environment(project, "Production").unwrap().id;
    let restricted = vault
        .create_secret(
            project,
            NewSecret {
                name: "API_TOKEN".into(),
                value: Some(SecretString::from(DEFAULT_CANARY)),
                visibility: Visibility::Restricted,
            },
        )
        .unwrap()
        .id;
    vault
        .set_override(
            project,
            restricted,
            production,
            SecretString::from(PRODUCTION_CANARY),
        )
        .unwrap();
    let masked = vault
        .create_secret(
            project,
            NewSecret {
                name: "USER_KEY".into(),
                value: Some(SecretString::from("masked-value-1234")),
                visibility: Visibility::Masked,
            },
        )
        .unwrap()
        .id;
    vault.set_variable(project, "TENANT", "acme").unwrap();
    let received = Arc::new(Mutex::new(Vec::new()));
    let port = echo_server(received.clone());
    let api_step = vault
        .create_step(project, "Echo", api_definition(port))
        .unwrap()
        .id;
    let function_step = vault
        .create_step(
            project,
            "Function",
            StepDefinition::Function {
                code: "return fetch('{TENANT}', '{API_TOKEN}')".into(),
                inputs: vec![StepField {
                    name: "token".into(),
                    value: "{API_TOKEN}".into(),
                }],
            },
        )
        .unwrap()
        .id;
    let environments = vault
        .list_environments(project)
        .unwrap()
        .into_iter()
        .map(|env| env.id.to_string())
        .collect();
    let copied = RecordingClipboard::default();
    let backend = copied.clone();
    Fixture {
        _home: home,
        vault: Mutex::new(vault),
        clipboard: ClipboardService::start(move || backend),
        copied,
        project: project.to_string(),
        environments,
        staging: staging.to_string(),
        restricted: restricted.to_string(),
        masked: masked.to_string(),
        api_step: api_step.to_string(),
        function_step: function_step.to_string(),
        received,
    }
}

fn api_definition(port: u16) -> StepDefinition {
    StepDefinition::Api {
        method: HttpMethod::Post,
        url: format!("http://127.0.0.1:{port}/{{TENANT}}?token={{API_TOKEN}}"),
        headers: vec![StepField {
            name: "Authorization".into(),
            value: "Bearer {API_TOKEN}".into(),
        }],
        query: vec![StepField {
            name: "again".into(),
            value: "x{API_TOKEN}y".into(),
        }],
        body: StepBody {
            kind: BodyKind::Json,
            text: r#"{"token":"{API_TOKEN}","user":"{USER_KEY}"}"#.into(),
        },
    }
}

fn json<T: Serialize>(answer: &T) -> String {
    serde_json::to_string(answer).expect("every answer serializes")
}

fn new_secret(name: &str, value: &str, visibility: Visibility) -> NewSecretInput {
    serde_json::from_value(serde_json::json!({
        "name": name, "value": value, "visibility": visibility,
    }))
    .unwrap()
}

fn update(value: Option<&str>, visibility: Option<Visibility>) -> SecretUpdateInput {
    serde_json::from_value(serde_json::json!({ "value": value, "visibility": visibility })).unwrap()
}

fn override_set(secret: &str, value: &str) -> OverrideEditInput {
    serde_json::from_value(serde_json::json!({ "secretId": secret, "value": value })).unwrap()
}

/// Calls `command` every way that could bring a Restricted value out, each on a fresh vault,
/// and returns every answer as the web view would receive it (JSON of the value or the error).
/// `None`: this test does not know the command.
fn call(command: &str) -> Option<Vec<String>> {
    let f = fixture();
    let (v, p) = (&f.vault, f.project.as_str());
    let secrets = [f.restricted.as_str(), f.masked.as_str()];
    let mut answers = Vec::new();
    match command {
        "vault_status" => answers.push(json(&api::vault_status(v))),
        "recovery_key_show" => answers.push(json(&api::recovery_key_show(v))),
        "recovery_key_confirm" => answers.push(json(&api::recovery_key_confirm(v))),
        "recovery_restore" => answers.push(json(&api::recovery_restore(v, "not a key"))),
        "project_list" => answers.push(json(&api::project_list(v))),
        "environment_list" => answers.push(json(&api::environment_list(v, p))),
        "environment_create" => answers.push(json(&api::environment_create(v, p, "QA"))),
        "environment_rename" => {
            answers.push(json(&api::environment_rename(v, p, &f.staging, "Stage")))
        }
        "environment_delete" => answers.push(json(&api::environment_delete(v, p, &f.staging))),
        "overrides_save" => {
            for environment in &f.environments {
                let edits = vec![override_set(&f.restricted, WRITTEN_CANARY)];
                answers.push(json(&api::overrides_save(v, p, environment, edits)));
            }
        }
        "secret_list" => answers.push(json(&api::secret_list(v, p))),
        "secret_create" => {
            let input = new_secret("NEW_TOKEN", WRITTEN_CANARY, Visibility::Restricted);
            answers.push(json(&api::secret_create(v, p, input)));
            let taken = new_secret("API_TOKEN", WRITTEN_CANARY, Visibility::Restricted);
            answers.push(json(&api::secret_create(v, p, taken)));
        }
        "secret_update" => {
            let id = &f.restricted;
            answers.push(json(&api::secret_update(
                v,
                p,
                id,
                update(None, Some(Visibility::Masked)),
            )));
            answers.push(json(&api::secret_update(
                v,
                p,
                id,
                update(Some(WRITTEN_CANARY), None),
            )));
            answers.push(json(&api::secret_update(v, p, id, update(None, None))));
        }
        "secret_delete" => answers.push(json(&api::secret_delete(v, p, &f.restricted))),
        "secret_reveal" | "secret_copy" => {
            let mut environments: Vec<Option<&str>> = vec![None];
            environments.extend(f.environments.iter().map(|e| Some(e.as_str())));
            for secret in secrets {
                for environment in &environments {
                    answers.push(if command == "secret_reveal" {
                        json(&api::secret_reveal(v, p, secret, *environment))
                    } else {
                        json(&api::secret_copy(v, &f.clipboard, p, secret, *environment))
                    });
                }
            }
            let copied = f.copied.0.lock().unwrap().join("\n");
            assert!(
                !CANARIES.iter().any(|canary| copied.contains(canary)),
                "a Restricted value went to the clipboard"
            );
            f.clipboard.clear_if_ours();
        }
        "settings_get" => answers.push(json(&api::settings_get(v))),
        "step_list" => answers.push(json(&api::step_list(v, p))),
        "step_create" => answers.push(json(&api::step_create(
            v,
            p,
            "New",
            agent_secrets_core::StepKind::Api,
        ))),
        "step_update" => {
            let definition = api_definition(9);
            answers.push(json(&api::step_update(v, p, &f.api_step, definition)));
        }
        "step_rename" => answers.push(json(&api::step_rename(v, p, &f.api_step, "Renamed"))),
        "step_delete" => answers.push(json(&api::step_delete(v, p, &f.api_step))),
        "step_preview" | "step_send" => {
            for step in [&f.api_step, &f.function_step] {
                for environment in &f.environments {
                    answers.push(if command == "step_preview" {
                        json(&api::step_preview(v, p, step, environment))
                    } else {
                        json(&api::step_send(v, p, step, environment))
                    });
                }
            }
            if command == "step_send" {
                // The positive control: the values were really sent, and echoed back.
                let received = f.received.lock().unwrap().join("\n");
                assert!(
                    received.contains(&format!("Bearer {DEFAULT_CANARY}")),
                    "{received}"
                );
                assert!(
                    received.contains(&format!("Bearer {PRODUCTION_CANARY}")),
                    "{received}"
                );
            }
        }
        "variable_list" => answers.push(json(&api::variable_list(v, p))),
        "variable_set" => answers.push(json(&api::variable_set(v, p, "BASE", "https://x.test"))),
        "variable_delete" => answers.push(json(&api::variable_delete(v, p, "TENANT"))),
        // Projects and transfer: the files they write are searched too.
        "project_create" => answers.push(json(&api::project_create(v, "Other"))),
        "project_rename" => answers.push(json(&api::project_rename(v, p, "Renamed"))),
        "project_delete" => answers.push(json(&api::project_delete(v, p))),
        "project_select" => answers.push(json(&api::project_select(v, p))),
        "project_current" => answers.push(json(&api::project_current(v))),
        "project_duplicate" => answers.push(json(&api::project_duplicate(v, p))),
        "project_export" | "project_import" => {
            let path = f._home.path().join("p.agent-secrets.json");
            answers.push(json(&api::project_export(v, p, &path)));
            answers.push(std::fs::read_to_string(&path).unwrap());
            answers.push(json(&api::project_import(v, &path)));
        }
        "export_dotenv_example" => {
            let path = f._home.path().join(".env.example");
            answers.push(json(&api::export_dotenv_example(v, p, &path)));
            answers.push(std::fs::read_to_string(&path).unwrap());
        }
        "dotenv_preview" | "dotenv_import" | "dotenv_cancel" => {
            let hold = api::DotenvHold::default();
            let path = f._home.path().join(".env");
            std::fs::write(&path, format!("API_TOKEN={WRITTEN_CANARY}\nBAD LINE\n")).unwrap();
            let selection = api::dotenv_preview(v, &hold, p, &path);
            answers.push(json(&selection));
            let token = selection.map(|s| s.token).unwrap_or_default();
            answers.push(json(&api::dotenv_import(
                v,
                &hold,
                p,
                &token,
                Visibility::Masked,
            )));
            answers.push(json(&api::dotenv_cancel(&hold, &token)));
        }
        "pending_value_list" => answers.push(json(&api::pending_value_list(v, p))),
        "pending_value_set" => {
            for environment in [None, Some(f.environments[1].as_str())] {
                let value = SecretString::from(WRITTEN_CANARY);
                answers.push(json(&api::pending_value_set(
                    v,
                    p,
                    &f.restricted,
                    environment,
                    value,
                )));
            }
        }
        // Leak scan: a folder holding both Restricted values; the findings name them only.
        "scan_choose_folder" | "scan_start" | "scan_status" | "scan_open_folder" => {
            let jobs = api::ScanJobs::default();
            let folder = f._home.path().join("scanned");
            std::fs::create_dir_all(&folder).unwrap();
            let leak = format!("{DEFAULT_CANARY}\n{PRODUCTION_CANARY}\n");
            std::fs::write(folder.join("leak.txt"), leak).unwrap();
            answers.push(json(&api::scan_set_folder(&jobs, folder)));
            answers.push(json(&api::scan_start(v, &jobs, p, false, false)));
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
            let status = loop {
                let status = api::scan_status(&jobs).unwrap();
                if !status.running {
                    break status;
                }
                assert!(std::time::Instant::now() < deadline, "the scan did not end");
                std::thread::sleep(std::time::Duration::from_millis(10));
            };
            // The positive control: both values were found.
            let found = status.report.as_ref().map_or(0, |r| r.findings.len());
            assert_eq!(found, 2, "{status:?}");
            answers.push(json(&status));
            // `scan_open_folder` opens what this returns (without starting a file manager here).
            answers.push(json(&api::finding_folder(&jobs, 0)));
        }
        _ => return None,
    }
    Some(answers)
}

fn registered_commands() -> Vec<String> {
    let build = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"))
        .expect("build.rs");
    let from = build
        .find("const COMMANDS: &[&str] = &[")
        .expect("the command list");
    let list = &build[from..];
    let list = &list[..list.find("];").expect("the end of the list")];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_command_returns_a_restricted_value() {
    let commands = registered_commands();
    assert!(commands.len() > 20, "read the command list: {commands:?}");
    let exempt: BTreeSet<&str> = EXEMPT.iter().map(|(name, _)| *name).collect();
    let mut uncovered = Vec::new();
    for command in &commands {
        if exempt.contains(command.as_str()) {
            continue;
        }
        let Some(answers) = call(command) else {
            uncovered.push(command.clone());
            continue;
        };
        assert!(!answers.is_empty(), "{command} was not called");
        for answer in answers {
            for canary in CANARIES {
                assert!(
                    !answer.contains(canary),
                    "{command} returned a Restricted value: {answer}"
                );
            }
        }
    }
    assert!(
        uncovered.is_empty(),
        "registered but not called by tests/restricted_never_returned.rs: {uncovered:?}. \
         Add a call in `call` (or an entry in EXEMPT with the reason)."
    );
}

#[test]
fn the_canaries_would_be_seen() {
    // The search works on what a leak would look like: a sent step's echo before redaction.
    let f = fixture();
    let answer = json(&api::step_send(
        &f.vault,
        &f.project,
        &f.api_step,
        &f.environments[0],
    ));
    assert!(answer.contains("\"status\":200"), "{answer}");
    assert!(answer.contains("Bearer ••••••"), "{answer}");
    let raw = f.received.lock().unwrap().join("\n");
    assert!(raw.contains(DEFAULT_CANARY));
}

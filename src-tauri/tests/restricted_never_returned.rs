//! DESIGN §2: no IPC command returns a Restricted plaintext. Every command of the table
//! (src/commands.rs) is called here through its body, against a vault whose project holds a
//! Restricted secret (a default and a Production override), a step that uses it, and a local
//! HTTP server that echoes everything it receives — and every answer, success or error, is
//! searched for the values.
//!
//! A command in the table and not called below fails the test: a new command must come with
//! its call here (or an exemption saying why it cannot see a secret).

mod common;

use agent_secrets_core::steps::{BodyKind, HttpMethod, StepBody, StepField};
use agent_secrets_core::{NewSecret, SecretString, StepDefinition, Visibility};
use agent_secrets_desktop_lib::dto::{OverrideEditInput, SecretUpdateInput};
use agent_secrets_desktop_lib::{api, commands};
use common::{json, new_secret, TestApp};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// The Restricted values the vault holds, and those the calls below write.
const DEFAULT_CANARY: &str = "CANARY-restricted-default-9fQ2";
const PRODUCTION_CANARY: &str = "CANARY-restricted-production-4Tz7";
const WRITTEN_CANARY: &str = "CANARY-restricted-written-8Hd1";
const CANARIES: [&str; 3] = [DEFAULT_CANARY, PRODUCTION_CANARY, WRITTEN_CANARY];

/// Commands that need no call here, with the reason.
const EXEMPT: &[(&str, &str)] = &[];

struct Fixture {
    app: TestApp,
    project: Uuid,
    /// Every environment's id, and the custom one's.
    environments: Vec<Uuid>,
    staging: Uuid,
    restricted: Uuid,
    masked: Uuid,
    api_step: Uuid,
    function_step: Uuid,
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
    let app = TestApp::new();
    let project = app.project();
    let received = Arc::new(Mutex::new(Vec::new()));
    let port = echo_server(received.clone());
    let (staging, restricted, masked, api_step, function_step, environments) = {
        let mut vault = app.vault();
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
            .map(|env| env.id)
            .collect();
        (
            staging,
            restricted,
            masked,
            api_step,
            function_step,
            environments,
        )
    };
    Fixture {
        app,
        project,
        environments,
        staging,
        restricted,
        masked,
        api_step,
        function_step,
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

fn update(value: Option<&str>, visibility: Option<Visibility>) -> SecretUpdateInput {
    serde_json::from_value(serde_json::json!({ "value": value, "visibility": visibility })).unwrap()
}

fn override_set(secret: Uuid, value: &str) -> OverrideEditInput {
    serde_json::from_value(serde_json::json!({ "secretId": secret, "value": value })).unwrap()
}

/// Calls `command` every way that could bring a Restricted value out, each on a fresh vault,
/// and returns every answer as the web view would receive it (JSON of the value or the error).
/// `None`: this test does not know the command.
fn call(command: &str) -> Option<Vec<String>> {
    let f = fixture();
    let (p, shell) = (f.project, f.app.shell());
    let v = || f.app.vault();
    let secrets = [f.restricted, f.masked];
    let mut answers = Vec::new();
    match command {
        "vault_status" => answers.push(json(&commands::vault_status(&shell))),
        "recovery_key_show" => answers.push(json(&commands::recovery_key_show(&mut v()))),
        "recovery_key_confirm" => answers.push(json(&commands::recovery_key_confirm(&mut v()))),
        "recovery_restore" => answers.push(json(&commands::recovery_restore(
            &mut v(),
            "not a key".into(),
        ))),
        "project_list" => answers.push(json(&commands::project_list(&mut v()))),
        "environment_list" => answers.push(json(&commands::environment_list(&mut v(), p))),
        "environment_create" => answers.push(json(&commands::environment_create(
            &mut v(),
            p,
            "QA".into(),
        ))),
        "environment_rename" => answers.push(json(&commands::environment_rename(
            &mut v(),
            p,
            f.staging,
            "Stage".into(),
        ))),
        "environment_delete" => {
            answers.push(json(&commands::environment_delete(&mut v(), p, f.staging)))
        }
        "overrides_save" => {
            for environment in &f.environments {
                let edits = vec![override_set(f.restricted, WRITTEN_CANARY)];
                answers.push(json(&commands::overrides_save(
                    &mut v(),
                    p,
                    *environment,
                    edits,
                )));
            }
        }
        "secret_list" => answers.push(json(&commands::secret_list(&mut v(), p))),
        "secret_create" => {
            let input = new_secret("NEW_TOKEN", WRITTEN_CANARY, Visibility::Restricted);
            answers.push(json(&commands::secret_create(&mut v(), p, input)));
            let taken = new_secret("API_TOKEN", WRITTEN_CANARY, Visibility::Restricted);
            answers.push(json(&commands::secret_create(&mut v(), p, taken)));
        }
        "secret_update" => {
            let id = f.restricted;
            for input in [
                update(None, Some(Visibility::Masked)),
                update(Some(WRITTEN_CANARY), None),
                update(None, None),
            ] {
                answers.push(json(&commands::secret_update(&mut v(), p, id, input)));
            }
        }
        "secret_delete" => answers.push(json(&commands::secret_delete(&mut v(), p, f.restricted))),
        "secret_reveal" | "secret_copy" => {
            let mut environments = vec![None];
            environments.extend(f.environments.iter().copied().map(Some));
            for secret in secrets {
                for environment in &environments {
                    answers.push(if command == "secret_reveal" {
                        json(&commands::secret_reveal(&mut v(), p, secret, *environment))
                    } else {
                        json(&commands::secret_copy(&shell, p, secret, *environment))
                    });
                }
            }
            let copied = f.app.copied.texts().join("\n");
            assert!(
                !CANARIES.iter().any(|canary| copied.contains(canary)),
                "a Restricted value went to the clipboard"
            );
            f.app.clipboard.clear_if_ours();
        }
        "settings_get" => answers.push(json(&commands::settings_get(&mut v()))),
        "step_list" => answers.push(json(&commands::step_list(&mut v(), p))),
        "step_create" => answers.push(json(&commands::step_create(
            &mut v(),
            p,
            "New".into(),
            agent_secrets_core::StepKind::Api,
        ))),
        "step_update" => {
            let definition = api_definition(9);
            answers.push(json(&commands::step_update(
                &mut v(),
                p,
                f.api_step,
                definition,
            )));
        }
        "step_rename" => answers.push(json(&commands::step_rename(
            &mut v(),
            p,
            f.api_step,
            "Renamed".into(),
        ))),
        "step_delete" => answers.push(json(&commands::step_delete(&mut v(), p, f.api_step))),
        "step_preview" | "step_send" => {
            for step in [f.api_step, f.function_step] {
                for environment in &f.environments {
                    answers.push(if command == "step_preview" {
                        json(&commands::step_preview(&mut v(), p, step, *environment))
                    } else {
                        json(&commands::step_send(&shell, p, step, *environment))
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
        "variable_list" => answers.push(json(&commands::variable_list(&mut v(), p))),
        "variable_set" => answers.push(json(&commands::variable_set(
            &mut v(),
            p,
            "BASE".into(),
            "https://x.test".into(),
        ))),
        "variable_delete" => answers.push(json(&commands::variable_delete(
            &mut v(),
            p,
            "TENANT".into(),
        ))),
        // Projects and transfer: the files they write are searched too.
        "project_create" => answers.push(json(&commands::project_create(&mut v(), "Other".into()))),
        "project_rename" => answers.push(json(&commands::project_rename(
            &mut v(),
            p,
            "Renamed".into(),
        ))),
        "project_delete" => answers.push(json(&commands::project_delete(&mut v(), p))),
        "project_select" => answers.push(json(&commands::project_select(&mut v(), p))),
        "project_current" => answers.push(json(&commands::project_current(&mut v()))),
        "project_duplicate" => answers.push(json(&commands::project_duplicate(&mut v(), p))),
        "project_export" | "project_import" => {
            let path = f.app.home().join("p.agent-secrets.json");
            f.app.answer_dialogs(Some(&path));
            answers.push(json(&commands::project_export(&shell, p)));
            answers.push(std::fs::read_to_string(&path).unwrap());
            answers.push(json(&commands::project_import(&shell)));
        }
        "export_dotenv_example" => {
            let path = f.app.home().join(".env.example");
            f.app.answer_dialogs(Some(&path));
            answers.push(json(&commands::export_dotenv_example(&shell, p)));
            answers.push(std::fs::read_to_string(&path).unwrap());
        }
        "dotenv_preview" | "dotenv_import" | "dotenv_cancel" => {
            let path = f.app.home().join(".env");
            std::fs::write(&path, format!("API_TOKEN={WRITTEN_CANARY}\nBAD LINE\n")).unwrap();
            f.app.answer_dialogs(Some(&path));
            let selection = commands::dotenv_preview(&shell, p);
            answers.push(json(&selection));
            let token = selection
                .ok()
                .flatten()
                .map(|s| s.token)
                .unwrap_or_default();
            answers.push(json(&commands::dotenv_import(
                &shell,
                p,
                token.clone(),
                Visibility::Masked,
            )));
            answers.push(json(&commands::dotenv_cancel(&shell, token)));
        }
        "pending_value_list" => answers.push(json(&commands::pending_value_list(&mut v(), p))),
        "pending_value_set" => {
            for environment in [None, Some(f.environments[1])] {
                answers.push(json(&commands::pending_value_set(
                    &mut v(),
                    p,
                    f.restricted,
                    environment,
                    WRITTEN_CANARY.into(),
                )));
            }
        }
        // Leak scan: a folder holding both Restricted values; the findings name them only.
        "scan_choose_folder" | "scan_start" | "scan_status" | "scan_open_folder" => {
            let folder = f.app.home().join("scanned");
            std::fs::create_dir_all(&folder).unwrap();
            let leak = format!("{DEFAULT_CANARY}\n{PRODUCTION_CANARY}\n");
            std::fs::write(folder.join("leak.txt"), leak).unwrap();
            f.app.answer_dialogs(Some(&folder));
            answers.push(json(&commands::scan_choose_folder(&shell)));
            answers.push(json(&commands::scan_start(&shell, p, false, false)));
            let status = common::finished_scan(&shell);
            // The positive control: both values were found.
            let found = status.report.as_ref().map_or(0, |r| r.findings.len());
            assert_eq!(found, 2, "{status:?}");
            answers.push(json(&status));
            // `scan_open_folder` opens what this returns (without starting a file manager here).
            answers.push(json(&api::finding_folder(shell.scans, 0)));
        }
        _ => return None,
    }
    Some(answers)
}

fn registered_commands() -> Vec<String> {
    commands::commands()
        .into_iter()
        .map(|command| command.name.to_owned())
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
    let answer = json(&commands::step_send(
        &f.app.shell(),
        f.project,
        f.api_step,
        f.environments[0],
    ));
    assert!(answer.contains("\"status\":200"), "{answer}");
    assert!(answer.contains("Bearer ••••••"), "{answer}");
    let raw = f.received.lock().unwrap().join("\n");
    assert!(raw.contains(DEFAULT_CANARY));
}

//! Duplicate, export and import carry steps and variables (format version 2), never a value;
//! an older (version 1) file still imports.

mod common;

use agent_secrets_core::step_preview::PreviewErrorCode;
use agent_secrets_core::steps::{BodyKind, HttpMethod, StepBody, StepField};
use agent_secrets_core::{StepDefinition, Visibility};
use common::{contains, secret, TestVault};

const CANARY: &str = "canary-step-secret-Wq4Zr8";
const PROD_CANARY: &str = "canary-step-prod-Kd2Hy5";

fn field(name: &str, value: &str) -> StepField {
    StepField {
        name: name.into(),
        value: value.into(),
    }
}

/// A project with a Restricted secret (default and Production override), a variable, an API
/// step and a Function step that use them.
fn seeded() -> (TestVault, Vec<(String, StepDefinition)>) {
    let mut t = TestVault::fresh();
    let p = t.project;
    let token = t.add("API_TOKEN", Some(CANARY), Visibility::Restricted);
    let prod = t.env("Production");
    t.vault
        .set_override(p, token, prod, secret(PROD_CANARY))
        .unwrap();
    t.vault
        .set_variable(p, "BASE_URL", "https://api.example.com")
        .unwrap();
    let steps = vec![
        (
            "Fetch orders".to_owned(),
            StepDefinition::Api {
                method: HttpMethod::Patch,
                url: "{BASE_URL}/orders/\\{id}".into(),
                headers: vec![field("Authorization", "Bearer {API_TOKEN}")],
                query: vec![field("page", "2"), field("q", "a b")],
                body: StepBody {
                    kind: BodyKind::Json,
                    text: "{\n  \"token\": \"{API_TOKEN}\",\n  \"n\": {\"a\": [1, 2]}\n}".into(),
                },
            },
        ),
        (
            "Score lead".to_owned(),
            StepDefinition::Function {
                code: "export default ({ user_id }) => fetch(`{BASE_URL}/${user_id}`)".into(),
                inputs: vec![field("user_id", "42"), field("token", "{API_TOKEN}")],
            },
        ),
    ];
    for (name, definition) in &steps {
        t.vault.create_step(p, name, definition.clone()).unwrap();
    }
    (t, steps)
}

fn steps_of(t: &TestVault, project: uuid::Uuid) -> Vec<(String, StepDefinition)> {
    t.vault
        .list_steps(project)
        .unwrap()
        .into_iter()
        .map(|s| (s.name, s.definition))
        .collect()
}

#[test]
fn export_then_import_carries_steps_and_variables_but_no_value() {
    let (mut t, steps) = seeded();
    let path = t.home().join("agent.agent-secrets.json");
    t.vault.export_project(t.project, &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    for value in [CANARY, PROD_CANARY] {
        assert!(!contains(&bytes, value.as_bytes()), "{value} in the file");
    }
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\"version\": 2,"));
    assert!(text.contains("\"steps\": ["));
    assert!(text.contains("\"text\": \"Bearer {API_TOKEN}\""), "{text}");

    let report = t.vault.import_project(&path).unwrap();
    let imported = report.project.id;
    assert_eq!(steps_of(&t, imported), steps);
    assert_eq!(
        t.vault.list_variables(imported).unwrap(),
        t.vault.list_variables(t.project).unwrap()
    );
    // A second export of the import is the same file, apart from the name.
    let mut again = t.vault.project_file(imported).unwrap();
    again.name = t.vault.project_file(t.project).unwrap().name;
    assert_eq!(again, t.vault.project_file(t.project).unwrap());

    // The imported steps refer to the imported secrets, which need values: preview says so.
    let api_step = t.vault.list_steps(imported).unwrap()[0].id;
    let production = t.vault.find_environment(imported, "Production").unwrap().id;
    let preview = t
        .vault
        .preview_step(imported, api_step, production)
        .unwrap();
    assert!(!preview.errors.is_empty());
    assert!(preview.errors.iter().all(
        |e| e.code == PreviewErrorCode::MissingValue && e.name.as_deref() == Some("API_TOKEN")
    ));
}

#[test]
fn duplicate_carries_steps_and_variables() {
    let (mut t, steps) = seeded();
    let copy = t.vault.duplicate_project(t.project).unwrap().project.id;
    assert_eq!(steps_of(&t, copy), steps);
    assert_eq!(t.vault.list_variables(copy).unwrap().len(), 1);
    // The copy's steps are its own.
    let first = t.vault.list_steps(copy).unwrap()[0].id;
    t.vault.rename_step(copy, first, "Changed").unwrap();
    assert_eq!(steps_of(&t, t.project)[0].0, "Fetch orders");
}

fn v1_file(steps: &str) -> String {
    format!(
        r#"{{"format":"agent-secrets-project","version":1,"project":{{"name":"Old",
        "environments":[{{"name":"Development","kind":"development"}},{{"name":"Production","kind":"production"}}],
        "secrets":[{{"name":"K","visibility":"masked"}}],
        "variables":[{{"name":"BASE","text":"https://x.test"}}]{steps}}}}}"#
    )
}

#[test]
fn a_version_1_file_still_imports_and_cannot_hold_steps() {
    let mut t = TestVault::fresh();
    for old in [v1_file(""), v1_file(r#","steps":[]"#)] {
        let report = t.vault.import_project_bytes(old.as_bytes()).unwrap();
        assert!(t.vault.list_steps(report.project.id).unwrap().is_empty());
        assert_eq!(t.vault.list_variables(report.project.id).unwrap().len(), 1);
    }
    let error = t
        .vault
        .import_project_bytes(v1_file(r#","steps":[{"name":"S","kind":"function"}]"#).as_bytes())
        .unwrap_err();
    assert!(error.to_string().contains("project.steps"), "{error}");
}

#[test]
fn step_errors_name_their_place_and_change_nothing() {
    let (mut t, _) = seeded();
    let text = String::from_utf8(
        std::fs::read({
            let path = t.home().join("x.json");
            t.vault.export_project(t.project, &path).unwrap();
            path
        })
        .unwrap(),
    )
    .unwrap();
    let projects = t.vault.list_projects().unwrap().len();
    let cases = [
        (
            text.replace("\"PATCH\"", "\"TRACE\""),
            "project.steps[0].method",
        ),
        (
            text.replace("\"kind\": \"function\"", "\"kind\": \"shell\""),
            "project.steps[1].kind",
        ),
        (
            text.replace("\"Score lead\"", "\"fetch ORDERS\""),
            "project.steps[1].name",
        ),
        (
            text.replace("\"{BASE_URL}/orders/\\\\{id}\"", "\"ftp://x.test\""),
            "project.steps[0] is not a valid step: URL",
        ),
        (
            text.replace("\"name\": \"Authorization\"", "\"name\": \"Bad Header\""),
            "project.steps[0] is not a valid step: Header 1 name",
        ),
        (
            text.replace("\"code\":", "\"url\": \"https://x.test\",\n      \"code\":"),
            "project.steps[1].url",
        ),
        // A row written with a `value` key is refused like any value-like key.
        (
            text.replace(
                "\"text\": \"Bearer {API_TOKEN}\"",
                "\"value\": \"Bearer x\"",
            ),
            "contains values",
        ),
    ];
    for (bad, expected) in cases {
        assert_ne!(bad, text, "the case for {expected} changed nothing");
        let error = t.vault.import_project_bytes(bad.as_bytes()).unwrap_err();
        assert!(error.to_string().contains(expected), "{expected}: {error}");
    }
    assert_eq!(t.vault.list_projects().unwrap().len(), projects);
}

#[test]
fn the_example_in_format_md_imports() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../docs/FORMAT.md"),
    )
    .unwrap();
    let section = &doc[doc.find("## Project file").unwrap()..];
    let start = section.find("```json\n").unwrap() + "```json\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let file =
        agent_secrets_core::transfer::project_file::ProjectFile::parse(example.as_bytes()).unwrap();
    assert_eq!(file.steps.len(), 2);
    assert_eq!(
        file.steps[0].definition.kind(),
        agent_secrets_core::StepKind::Api
    );
}

//! The environment and override commands against a real vault file (in a temp dir, key in
//! memory): custom environments, the built-ins' protection, `overrides_save` as one batch, and
//! reveal/copy of the value resolved for an environment — never a Restricted one.

use agent_secrets_core::{MemoryKeyStore, Vault, Visibility};
use agent_secrets_desktop_lib::api;
use agent_secrets_desktop_lib::clipboard::{ClipboardBackend, ClipboardService};
use agent_secrets_desktop_lib::dto::{NewSecretInput, OverrideEditInput};
use agent_secrets_desktop_lib::error::{ErrorCode, ErrorField};
use agent_secrets_desktop_lib::state::ensure_first_project;
use std::sync::{Arc, Mutex};
use zeroize::Zeroizing;

/// A clipboard in memory that records every text put on it.
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
    project: String,
    development: String,
    production: String,
}

fn fixture() -> Fixture {
    let home = tempfile::tempdir().unwrap();
    let mut vault = Vault::open(home.path(), Box::new(MemoryKeyStore::default())).unwrap();
    ensure_first_project(&mut vault).unwrap();
    let vault = Mutex::new(vault);
    let project = api::project_list(&vault).unwrap()[0].id.to_string();
    let environments = api::environment_list(&vault, &project).unwrap();
    let id_of = |name: &str| {
        environments
            .iter()
            .find(|env| env.name == name)
            .unwrap()
            .id
            .to_string()
    };
    Fixture {
        development: id_of("Development"),
        production: id_of("Production"),
        _home: home,
        vault,
        project,
    }
}

impl Fixture {
    fn create(&self, name: &str, value: &str, visibility: Visibility) -> String {
        let input: NewSecretInput = serde_json::from_value(serde_json::json!({
            "name": name, "value": value, "visibility": visibility,
        }))
        .unwrap();
        api::secret_create(&self.vault, &self.project, input)
            .unwrap()
            .id
            .to_string()
    }

    fn environment_names(&self) -> Vec<String> {
        api::environment_list(&self.vault, &self.project)
            .unwrap()
            .into_iter()
            .map(|env| env.name)
            .collect()
    }

    fn reveal(&self, secret: &str, environment: &str) -> Result<String, ErrorCode> {
        api::secret_reveal(&self.vault, &self.project, secret, Some(environment))
            .map_err(|error| error.code)
    }
}

/// `overrides_save`'s `edits`, parsed from the JSON the UI sends.
fn edits(json: serde_json::Value) -> Vec<OverrideEditInput> {
    serde_json::from_value(json).unwrap()
}

#[test]
fn custom_environments_are_added_renamed_and_deleted_but_never_the_builtins() {
    let f = fixture();
    assert_eq!(f.environment_names(), ["Development", "Production"]);

    let staging = api::environment_create(&f.vault, &f.project, "  Staging ").unwrap();
    assert_eq!(staging.name, "Staging");
    assert_eq!(
        f.environment_names(),
        ["Development", "Production", "Staging"]
    );
    let staging = staging.id.to_string();

    let error = api::environment_create(&f.vault, &f.project, "production").unwrap_err();
    assert_eq!(
        (error.code, error.field),
        (ErrorCode::Conflict, Some(ErrorField::Name))
    );
    let error = api::environment_create(&f.vault, &f.project, "   ").unwrap_err();
    assert_eq!(
        (error.code, error.field),
        (ErrorCode::Invalid, Some(ErrorField::Name))
    );

    let renamed = api::environment_rename(&f.vault, &f.project, &staging, "QA").unwrap();
    assert_eq!(renamed.name, "QA");
    assert_eq!(f.environment_names(), ["Development", "Production", "QA"]);

    for builtin in [&f.development, &f.production] {
        let error = api::environment_rename(&f.vault, &f.project, builtin, "Renamed").unwrap_err();
        assert_eq!(error.code, ErrorCode::Invalid, "{}", error.message);
        let error = api::environment_delete(&f.vault, &f.project, builtin).unwrap_err();
        assert_eq!(error.code, ErrorCode::Invalid, "{}", error.message);
        assert!(error.message.contains("built in"), "{}", error.message);
    }

    let error = api::environment_delete(&f.vault, &f.project, "not-an-id").unwrap_err();
    assert_eq!(error.code, ErrorCode::Invalid);
    assert!(error.message.contains("environmentId"), "{}", error.message);
    let unknown = uuid::Uuid::new_v4().to_string();
    let error = api::environment_delete(&f.vault, &f.project, &unknown).unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);

    api::environment_delete(&f.vault, &f.project, &staging).unwrap();
    assert_eq!(f.environment_names(), ["Development", "Production"]);
}

#[test]
fn overrides_save_applies_a_batch_and_reveal_and_copy_follow_the_environment() {
    let f = fixture();
    let api_key = f.create("API_KEY", "key-default", Visibility::Masked);
    let password = f.create("DB_PASSWORD", "pw-default", Visibility::Restricted);

    let rows = api::overrides_save(
        &f.vault,
        &f.project,
        &f.production,
        edits(serde_json::json!([
            { "secretId": api_key, "value": "key-production" },
            { "secretId": password, "value": "pw-production-restricted" },
        ])),
    )
    .unwrap();
    // The answer is the table as it is now, without any value in it.
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(
            row.overridden_in
                .iter()
                .map(|id| id.to_string())
                .collect::<Vec<_>>(),
            [f.production.as_str()],
            "{}",
            row.name
        );
    }
    let json = serde_json::to_string(&rows).unwrap();
    assert!(!json.contains("key-") && !json.contains("pw-"), "{json}");

    assert_eq!(f.reveal(&api_key, &f.production).unwrap(), "key-production");
    assert_eq!(f.reveal(&api_key, &f.development).unwrap(), "key-default");
    // A Restricted override is write-only.
    assert_eq!(
        f.reveal(&password, &f.production).unwrap_err(),
        ErrorCode::Restricted
    );

    let copied = RecordingClipboard::default();
    let backend = copied.clone();
    let clipboard = ClipboardService::start(move || backend);
    api::secret_copy(
        &f.vault,
        &clipboard,
        &f.project,
        &api_key,
        Some(&f.production),
    )
    .unwrap();
    assert_eq!(
        api::secret_copy(
            &f.vault,
            &clipboard,
            &f.project,
            &password,
            Some(&f.production)
        )
        .unwrap_err()
        .code,
        ErrorCode::Restricted
    );

    // "Use default": the override goes, the default comes back.
    let rows = api::overrides_save(
        &f.vault,
        &f.project,
        &f.production,
        edits(serde_json::json!([{ "secretId": api_key, "remove": true }])),
    )
    .unwrap();
    let row = rows.iter().find(|row| row.name == "API_KEY").unwrap();
    assert!(row.overridden_in.is_empty());
    assert_eq!(f.reveal(&api_key, &f.production).unwrap(), "key-default");
    api::secret_copy(
        &f.vault,
        &clipboard,
        &f.project,
        &api_key,
        Some(&f.production),
    )
    .unwrap();
    assert_eq!(
        copied.0.lock().unwrap().as_slice(),
        ["key-production", "key-default"]
    );
    clipboard.clear_if_ours();
}

#[test]
fn overrides_save_writes_nothing_when_one_edit_fails() {
    let f = fixture();
    let a = f.create("A", "a", Visibility::Masked);
    let b = f.create("B", "b", Visibility::Masked);
    let before = api::secret_list(&f.vault, &f.project).unwrap();
    let unknown = uuid::Uuid::new_v4().to_string();
    let oversized = "x".repeat(64 * 1024 + 1);

    for (batch, code, field) in [
        (
            serde_json::json!([
                { "secretId": a, "value": "a-prod" },
                { "secretId": "not-an-id", "value": "x" },
            ]),
            ErrorCode::Invalid,
            None,
        ),
        (
            serde_json::json!([
                { "secretId": a, "value": "a-prod" },
                { "secretId": unknown, "remove": true },
                { "secretId": b, "value": "b-prod" },
            ]),
            ErrorCode::NotFound,
            None,
        ),
        (
            serde_json::json!([
                { "secretId": a, "value": "a-prod" },
                { "secretId": b, "value": oversized },
            ]),
            ErrorCode::Invalid,
            Some(ErrorField::Value),
        ),
    ] {
        let error =
            api::overrides_save(&f.vault, &f.project, &f.production, edits(batch)).unwrap_err();
        assert_eq!(
            (error.code, error.field),
            (code, field),
            "{}",
            error.message
        );
        assert_eq!(api::secret_list(&f.vault, &f.project).unwrap(), before);
        assert_eq!(f.reveal(&a, &f.production).unwrap(), "a");
    }

    let error = api::overrides_save(&f.vault, &f.project, "nope", vec![]).unwrap_err();
    assert!(error.message.contains("environmentId"), "{}", error.message);
    let error = api::overrides_save(&f.vault, &f.project, &unknown, vec![]).unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
}

#[test]
fn deleting_an_environment_takes_its_overrides_and_nothing_else() {
    let f = fixture();
    let a = f.create("A", "a", Visibility::Masked);
    let staging = api::environment_create(&f.vault, &f.project, "Staging")
        .unwrap()
        .id
        .to_string();
    for environment in [&staging, &f.production] {
        api::overrides_save(
            &f.vault,
            &f.project,
            environment,
            edits(serde_json::json!([{ "secretId": a, "value": format!("a-{environment}") }])),
        )
        .unwrap();
    }
    api::environment_delete(&f.vault, &f.project, &staging).unwrap();
    let rows = api::secret_list(&f.vault, &f.project).unwrap();
    assert_eq!(
        rows[0]
            .overridden_in
            .iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>(),
        [f.production.as_str()]
    );
    assert_eq!(
        f.reveal(&a, &f.production).unwrap(),
        format!("a-{}", f.production)
    );
    assert_eq!(
        f.reveal(&a, &staging).unwrap_err(),
        ErrorCode::NotFound,
        "the deleted environment is gone"
    );
}

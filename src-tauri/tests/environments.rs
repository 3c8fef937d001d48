//! The environment and override commands against a real vault file (in a temp dir, key in
//! memory): custom environments, the built-ins' protection, `overrides_save` as one batch, and
//! reveal/copy of the value resolved for an environment — never a Restricted one.

mod common;

use agent_secrets_core::{ErrorCode, Field, Visibility};
use agent_secrets_desktop_lib::arg::read_arg;
use agent_secrets_desktop_lib::commands;
use agent_secrets_desktop_lib::dto::OverrideEditInput;
use common::{new_secret, TestApp};
use uuid::Uuid;

struct Fixture {
    app: TestApp,
    project: Uuid,
    development: Uuid,
    production: Uuid,
}

fn fixture() -> Fixture {
    let app = TestApp::new();
    let project = app.project();
    Fixture {
        development: app.environment(project, "Development"),
        production: app.environment(project, "Production"),
        project,
        app,
    }
}

impl Fixture {
    fn create(&self, name: &str, value: &str, visibility: Visibility) -> Uuid {
        let input = new_secret(name, value, visibility);
        commands::secret_create(&mut self.app.vault(), self.project, input)
            .unwrap()
            .id
    }

    fn environment_names(&self) -> Vec<String> {
        commands::environment_list(&mut self.app.vault(), self.project)
            .unwrap()
            .into_iter()
            .map(|env| env.name)
            .collect()
    }

    fn reveal(&self, secret: Uuid, environment: Uuid) -> Result<String, ErrorCode> {
        commands::secret_reveal(
            &mut self.app.vault(),
            self.project,
            secret,
            Some(environment),
        )
        .map_err(|error| error.code)
    }

    fn save(
        &self,
        environment: Uuid,
        edits: serde_json::Value,
    ) -> agent_secrets_desktop_lib::error::CommandResult<Vec<agent_secrets_core::SecretRow>> {
        let edits = read_arg::<Vec<OverrideEditInput>, _>("edits", edits)?;
        commands::overrides_save(&mut self.app.vault(), self.project, environment, edits)
    }

    fn copy(&self, secret: Uuid, environment: Uuid) -> Result<(), ErrorCode> {
        commands::secret_copy(&self.app.shell(), self.project, secret, Some(environment))
            .map(|_| ())
            .map_err(|error| error.code)
    }
}

#[test]
fn custom_environments_are_added_renamed_and_deleted_but_never_the_builtins() {
    let f = fixture();
    let (v, p) = (|| f.app.vault(), f.project);
    assert_eq!(f.environment_names(), ["Development", "Production"]);

    let staging = commands::environment_create(&mut v(), p, "  Staging ".into()).unwrap();
    assert_eq!(staging.name, "Staging");
    assert_eq!(
        f.environment_names(),
        ["Development", "Production", "Staging"]
    );
    let staging = staging.id;

    let error = commands::environment_create(&mut v(), p, "production".into()).unwrap_err();
    assert_eq!(
        (error.code, error.field),
        (ErrorCode::Conflict, Some(Field::Name))
    );
    let error = commands::environment_create(&mut v(), p, "   ".into()).unwrap_err();
    assert_eq!(
        (error.code, error.field),
        (ErrorCode::Invalid, Some(Field::Name))
    );

    let renamed = commands::environment_rename(&mut v(), p, staging, "QA".into()).unwrap();
    assert_eq!(renamed.name, "QA");
    assert_eq!(f.environment_names(), ["Development", "Production", "QA"]);

    for builtin in [f.development, f.production] {
        let error =
            commands::environment_rename(&mut v(), p, builtin, "Renamed".into()).unwrap_err();
        assert_eq!(error.code, ErrorCode::Invalid, "{}", error.message);
        let error = commands::environment_delete(&mut v(), p, builtin).unwrap_err();
        assert_eq!(error.code, ErrorCode::Invalid, "{}", error.message);
        assert!(error.message.contains("built in"), "{}", error.message);
    }

    let error = read_arg::<Uuid, _>("environmentId", serde_json::json!("not-an-id")).unwrap_err();
    assert_eq!(error.code, ErrorCode::Invalid);
    assert!(error.message.contains("environmentId"), "{}", error.message);
    let error = commands::environment_delete(&mut v(), p, Uuid::new_v4()).unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);

    commands::environment_delete(&mut v(), p, staging).unwrap();
    assert_eq!(f.environment_names(), ["Development", "Production"]);
}

#[test]
fn overrides_save_applies_a_batch_and_reveal_and_copy_follow_the_environment() {
    let f = fixture();
    let api_key = f.create("API_KEY", "key-default", Visibility::Masked);
    let password = f.create("DB_PASSWORD", "pw-default", Visibility::Restricted);

    let rows = f
        .save(
            f.production,
            serde_json::json!([
                { "secretId": api_key, "value": "key-production" },
                { "secretId": password, "value": "pw-production-restricted" },
            ]),
        )
        .unwrap();
    // The answer is the table as it is now, without any value in it.
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row.overridden_in, [f.production], "{}", row.name);
    }
    let json = serde_json::to_string(&rows).unwrap();
    assert!(!json.contains("key-") && !json.contains("pw-"), "{json}");

    assert_eq!(f.reveal(api_key, f.production).unwrap(), "key-production");
    assert_eq!(f.reveal(api_key, f.development).unwrap(), "key-default");
    // A Restricted override is write-only.
    assert_eq!(
        f.reveal(password, f.production).unwrap_err(),
        ErrorCode::Restricted
    );

    f.copy(api_key, f.production).unwrap();
    assert_eq!(
        f.copy(password, f.production).unwrap_err(),
        ErrorCode::Restricted
    );

    // "Use default": the override goes, the default comes back.
    let rows = f
        .save(
            f.production,
            serde_json::json!([{ "secretId": api_key, "remove": true }]),
        )
        .unwrap();
    let row = rows.iter().find(|row| row.name == "API_KEY").unwrap();
    assert!(row.overridden_in.is_empty());
    assert_eq!(f.reveal(api_key, f.production).unwrap(), "key-default");
    f.copy(api_key, f.production).unwrap();
    assert_eq!(f.app.copied.texts(), ["key-production", "key-default"]);
    f.app.clipboard.clear_if_ours();
}

#[test]
fn overrides_save_writes_nothing_when_one_edit_fails() {
    let f = fixture();
    let a = f.create("A", "a", Visibility::Masked);
    let b = f.create("B", "b", Visibility::Masked);
    let before = commands::secret_list(&mut f.app.vault(), f.project).unwrap();
    let unknown = Uuid::new_v4();
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
            Some(Field::Value),
        ),
    ] {
        let error = f.save(f.production, batch).unwrap_err();
        assert_eq!(
            (error.code, error.field),
            (code, field),
            "{}",
            error.message
        );
        assert_eq!(
            commands::secret_list(&mut f.app.vault(), f.project).unwrap(),
            before
        );
        assert_eq!(f.reveal(a, f.production).unwrap(), "a");
    }

    let error = read_arg::<Uuid, _>("environmentId", serde_json::json!("nope")).unwrap_err();
    assert!(error.message.contains("environmentId"), "{}", error.message);
    let error = f.save(unknown, serde_json::json!([])).unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
}

#[test]
fn deleting_an_environment_takes_its_overrides_and_nothing_else() {
    let f = fixture();
    let a = f.create("A", "a", Visibility::Masked);
    let staging = commands::environment_create(&mut f.app.vault(), f.project, "Staging".into())
        .unwrap()
        .id;
    for environment in [staging, f.production] {
        f.save(
            environment,
            serde_json::json!([{ "secretId": a, "value": format!("a-{environment}") }]),
        )
        .unwrap();
    }
    commands::environment_delete(&mut f.app.vault(), f.project, staging).unwrap();
    let rows = commands::secret_list(&mut f.app.vault(), f.project).unwrap();
    assert_eq!(rows[0].overridden_in, [f.production]);
    assert_eq!(
        f.reveal(a, f.production).unwrap(),
        format!("a-{}", f.production)
    );
    assert_eq!(
        f.reveal(a, staging).unwrap_err(),
        ErrorCode::NotFound,
        "the deleted environment is gone"
    );
}

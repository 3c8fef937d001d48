//! The command bodies against a real vault file (in a temp dir, key in memory): what they
//! return, how errors come out, and that Restricted values never leave through reveal or copy.

mod common;

use agent_secrets_core::names::FIRST_PROJECT_NAME;
use agent_secrets_core::{ErrorCode, Field, MemoryKeyStore, Vault, Visibility};
use agent_secrets_desktop_lib::arg::read_arg;
use agent_secrets_desktop_lib::commands;
use agent_secrets_desktop_lib::dto::SecretUpdateInput;
use agent_secrets_desktop_lib::state::VaultCell;
use common::{new_secret, TestApp};
use uuid::Uuid;

#[test]
fn the_app_opens_a_new_vault_with_the_first_project() {
    let app = TestApp::new();
    let projects = commands::project_list(&mut app.vault()).unwrap();
    assert_eq!(projects.len(), 1);
    assert_eq!(projects[0].name, FIRST_PROJECT_NAME);
}

#[test]
fn restricted_values_are_never_revealed_nor_copied() {
    let app = TestApp::new();
    let project = app.project();
    let input = new_secret("DB_PASSWORD", "hunter2-restricted", Visibility::Restricted);
    let id = commands::secret_create(&mut app.vault(), project, input)
        .unwrap()
        .id;
    let environments = commands::environment_list(&mut app.vault(), project).unwrap();

    let mut attempts = vec![None];
    attempts.extend(environments.iter().map(|env| Some(env.id)));
    for environment in attempts {
        let error =
            commands::secret_reveal(&mut app.vault(), project, id, environment).unwrap_err();
        assert_eq!(error.code, ErrorCode::Restricted);
        assert!(!error.message.contains("hunter2"));

        let error = commands::secret_copy(&app.shell(), project, id, environment).unwrap_err();
        assert_eq!(error.code, ErrorCode::Restricted);
        assert!(error.message.contains("DB_PASSWORD"));
    }
    assert!(
        app.copied.texts().is_empty(),
        "nothing went to the clipboard"
    );
}

#[test]
fn masked_values_are_revealed_and_copied_with_a_receipt() {
    let app = TestApp::new();
    let project = app.project();
    let input = new_secret("API_KEY", "sk-$HOME-{not}-expanded", Visibility::Masked);
    let id = commands::secret_create(&mut app.vault(), project, input)
        .unwrap()
        .id;
    let development = commands::environment_list(&mut app.vault(), project).unwrap()[0].id;

    assert_eq!(
        commands::secret_reveal(&mut app.vault(), project, id, Some(development)).unwrap(),
        "sk-$HOME-{not}-expanded"
    );
    let receipt = commands::secret_copy(&app.shell(), project, id, None).unwrap();
    assert_eq!(receipt.secret_name, "API_KEY");
    assert_eq!(
        receipt.clear_after_seconds,
        commands::settings_get(&mut app.vault())
            .unwrap()
            .clipboard_clear_seconds
    );
    assert_eq!(app.copied.texts(), ["sk-$HOME-{not}-expanded"]);
    let json = serde_json::to_string(&receipt).unwrap();
    assert!(!json.contains("sk-"), "the receipt never carries the value");

    // Made Restricted, it is refused from then on.
    let update: SecretUpdateInput =
        serde_json::from_str(r#"{"value":null,"visibility":"restricted"}"#).unwrap();
    commands::secret_update(&mut app.vault(), project, id, update).unwrap();
    assert_eq!(
        commands::secret_copy(&app.shell(), project, id, None)
            .unwrap_err()
            .code,
        ErrorCode::Restricted
    );
    app.clipboard.clear_if_ours();
}

#[test]
fn errors_keep_the_core_code_and_field() {
    let app = TestApp::new();
    let project = app.project();
    let input = new_secret("1BAD", "v", Visibility::Masked);
    let error = commands::secret_create(&mut app.vault(), project, input).unwrap_err();
    assert_eq!(
        (error.code, error.field),
        (ErrorCode::Invalid, Some(Field::Name))
    );

    let input = new_secret("TOKEN", "v", Visibility::Masked);
    commands::secret_create(&mut app.vault(), project, input).unwrap();
    let input = new_secret("TOKEN", "w", Visibility::Masked);
    let error = commands::secret_create(&mut app.vault(), project, input).unwrap_err();
    assert_eq!(
        (error.code, error.field),
        (ErrorCode::Conflict, Some(Field::Name))
    );

    // An id that is not a UUID never reaches a body: reading the argument refuses it.
    let error = read_arg::<Uuid, _>("projectId", serde_json::json!("not-a-uuid")).unwrap_err();
    assert_eq!((error.code, error.field), (ErrorCode::Invalid, None));
    assert!(error.message.contains("projectId"));

    let missing = Uuid::new_v4();
    let error = commands::secret_delete(&mut app.vault(), project, missing).unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);

    let error =
        commands::recovery_restore(&mut app.vault(), "not a recovery key".into()).unwrap_err();
    assert_eq!(error.field, Some(Field::RecoveryKey));
}

#[test]
fn create_update_delete_round_trip() {
    let app = TestApp::new();
    let project = app.project();
    let input = new_secret("A", "1", Visibility::Masked);
    let id = commands::secret_create(&mut app.vault(), project, input)
        .unwrap()
        .id;
    let update: SecretUpdateInput =
        serde_json::from_str(r#"{"value":"2","visibility":null}"#).unwrap();
    let updated = commands::secret_update(&mut app.vault(), project, id, update).unwrap();
    assert_eq!(updated.visibility, Visibility::Masked);
    assert_eq!(
        commands::secret_reveal(&mut app.vault(), project, id, None).unwrap(),
        "2"
    );
    assert_eq!(
        commands::secret_list(&mut app.vault(), project)
            .unwrap()
            .len(),
        1
    );
    commands::secret_delete(&mut app.vault(), project, id).unwrap();
    assert!(commands::secret_list(&mut app.vault(), project)
        .unwrap()
        .is_empty());
}

#[test]
fn a_locked_vault_reports_why_and_the_recovery_key_unlocks_it() {
    let app = TestApp::new();
    let project = app.project();
    let recovery = commands::recovery_key_show(&mut app.vault()).unwrap();
    let status = commands::recovery_key_confirm(&mut app.vault()).unwrap();
    assert!(!status.recovery_key_pending);

    app.keys.remove(status.vault_id);
    let locked = app.reopen();
    let status = commands::vault_status(&app.shell_for(&locked)).unwrap();
    assert_eq!(
        status.lock.as_ref().map(|l| l.code.as_str()),
        Some("key_missing")
    );
    let mut vault = locked.get().unwrap().lock().unwrap();
    let input = new_secret("B", "v", Visibility::Masked);
    let error = commands::secret_create(&mut vault, project, input).unwrap_err();
    assert_eq!(error.code, ErrorCode::Locked);

    let status = commands::recovery_restore(&mut vault, recovery).unwrap();
    assert!(status.lock.is_none());
    assert_eq!(
        commands::project_list(&mut vault).unwrap().len(),
        1,
        "the project is still there, not a new one"
    );
}

#[test]
fn an_unreachable_keyring_on_first_run_is_reported_then_retried() {
    let home = tempfile::tempdir().unwrap();
    let keys = MemoryKeyStore::default();
    keys.set_unavailable(true);
    let cell = {
        let home = home.path().to_path_buf();
        let keys = keys.clone();
        VaultCell::new(Box::new(move || Vault::open(&home, Box::new(keys.clone()))))
    };
    cell.open_at_startup();
    let error = cell.get_or_retry().unwrap_err();
    assert_eq!(error.code, ErrorCode::KeyringUnavailable);
    assert_eq!(cell.get().unwrap_err().code, ErrorCode::KeyringUnavailable);
    assert!(!home.path().join(agent_secrets_core::DATABASE_FILE).exists());

    // The user starts their keyring and presses "Try again".
    keys.set_unavailable(false);
    let app = TestApp::empty();
    let status = commands::vault_status(&app.shell_for(&cell)).expect("opens on retry");
    assert!(status.lock.is_none());
    let mut vault = cell.get().unwrap().lock().unwrap();
    assert_eq!(
        commands::project_list(&mut vault).unwrap()[0].name,
        FIRST_PROJECT_NAME
    );
}

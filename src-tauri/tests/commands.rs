//! The command bodies against a real vault file (in a temp dir, key in memory): what they
//! return, how errors come out, and that Restricted values never leave through reveal or copy.

use agent_secrets_core::{MemoryKeyStore, Vault, Visibility};
use agent_secrets_desktop_lib::api;
use agent_secrets_desktop_lib::clipboard::{ClipboardBackend, ClipboardService};
use agent_secrets_desktop_lib::dto::{NewSecretInput, SecretUpdateInput};
use agent_secrets_desktop_lib::error::{ErrorCode, ErrorField};
use agent_secrets_desktop_lib::state::{VaultCell, FIRST_PROJECT_NAME};
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
    keys: MemoryKeyStore,
    vault: Mutex<Vault>,
    project: String,
    clipboard: ClipboardService,
    copied: RecordingClipboard,
}

fn fixture() -> Fixture {
    let home = tempfile::tempdir().unwrap();
    let keys = MemoryKeyStore::default();
    let cell = {
        let home = home.path().to_path_buf();
        let keys = keys.clone();
        VaultCell::new(Box::new(move || Vault::open(&home, Box::new(keys.clone()))))
    };
    // Opened the way the app opens it, so the first project is created as in the app.
    let vault = cell.get_or_retry().expect("opens");
    let project = api::project_list(vault).unwrap();
    assert_eq!(project.len(), 1);
    assert_eq!(project[0].name, FIRST_PROJECT_NAME);
    let project = project[0].id.to_string();
    drop(cell);
    let vault = Mutex::new(Vault::open(home.path(), Box::new(keys.clone())).unwrap());
    let copied = RecordingClipboard::default();
    let backend = copied.clone();
    Fixture {
        _home: home,
        keys,
        vault,
        project,
        clipboard: ClipboardService::start(move || backend),
        copied,
    }
}

fn new_secret(name: &str, value: &str, visibility: Visibility) -> NewSecretInput {
    serde_json::from_value(serde_json::json!({
        "name": name,
        "value": value,
        "visibility": visibility,
    }))
    .unwrap()
}

#[test]
fn restricted_values_are_never_revealed_nor_copied() {
    let f = fixture();
    let row = api::secret_create(
        &f.vault,
        &f.project,
        new_secret("DB_PASSWORD", "hunter2-restricted", Visibility::Restricted),
    )
    .unwrap();
    let id = row.id.to_string();
    let environments = api::environment_list(&f.vault, &f.project).unwrap();

    let mut attempts = vec![None];
    attempts.extend(environments.iter().map(|env| Some(env.id.to_string())));
    for environment in &attempts {
        let error =
            api::secret_reveal(&f.vault, &f.project, &id, environment.as_deref()).unwrap_err();
        assert_eq!(error.code, ErrorCode::Restricted);
        assert!(!error.message.contains("hunter2"));

        let error = api::secret_copy(
            &f.vault,
            &f.clipboard,
            &f.project,
            &id,
            environment.as_deref(),
        )
        .unwrap_err();
        assert_eq!(error.code, ErrorCode::Restricted);
        assert!(error.message.contains("DB_PASSWORD"));
    }
    assert!(
        f.copied.0.lock().unwrap().is_empty(),
        "nothing went to the clipboard"
    );
}

#[test]
fn masked_values_are_revealed_and_copied_with_a_receipt() {
    let f = fixture();
    let row = api::secret_create(
        &f.vault,
        &f.project,
        new_secret("API_KEY", "sk-$HOME-{not}-expanded", Visibility::Masked),
    )
    .unwrap();
    let id = row.id.to_string();
    let development = api::environment_list(&f.vault, &f.project).unwrap()[0]
        .id
        .to_string();

    assert_eq!(
        api::secret_reveal(&f.vault, &f.project, &id, Some(&development)).unwrap(),
        "sk-$HOME-{not}-expanded"
    );
    let receipt = api::secret_copy(&f.vault, &f.clipboard, &f.project, &id, None).unwrap();
    assert_eq!(receipt.secret_name, "API_KEY");
    assert_eq!(
        receipt.clear_after_seconds,
        api::settings_get(&f.vault).unwrap().clipboard_clear_seconds
    );
    assert_eq!(
        f.copied.0.lock().unwrap().as_slice(),
        ["sk-$HOME-{not}-expanded"]
    );
    let json = serde_json::to_string(&receipt).unwrap();
    assert!(!json.contains("sk-"), "the receipt never carries the value");

    // Made Restricted, it is refused from then on.
    let update: SecretUpdateInput =
        serde_json::from_str(r#"{"value":null,"visibility":"restricted"}"#).unwrap();
    api::secret_update(&f.vault, &f.project, &id, update).unwrap();
    assert_eq!(
        api::secret_copy(&f.vault, &f.clipboard, &f.project, &id, None)
            .unwrap_err()
            .code,
        ErrorCode::Restricted
    );
    f.clipboard.clear_if_ours();
}

#[test]
fn errors_keep_the_core_code_and_field() {
    let f = fixture();
    let error = api::secret_create(
        &f.vault,
        &f.project,
        new_secret("1BAD", "v", Visibility::Masked),
    )
    .unwrap_err();
    assert_eq!(
        (error.code, error.field),
        (ErrorCode::Invalid, Some(ErrorField::Name))
    );

    api::secret_create(
        &f.vault,
        &f.project,
        new_secret("TOKEN", "v", Visibility::Masked),
    )
    .unwrap();
    let error = api::secret_create(
        &f.vault,
        &f.project,
        new_secret("TOKEN", "w", Visibility::Masked),
    )
    .unwrap_err();
    assert_eq!(
        (error.code, error.field),
        (ErrorCode::Conflict, Some(ErrorField::Name))
    );

    let error = api::secret_list(&f.vault, "not-a-uuid").unwrap_err();
    assert_eq!((error.code, error.field), (ErrorCode::Invalid, None));
    assert!(error.message.contains("projectId"));

    let missing = uuid::Uuid::new_v4().to_string();
    let error = api::secret_delete(&f.vault, &f.project, &missing).unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);

    let error = api::recovery_restore(&f.vault, "not a recovery key").unwrap_err();
    assert_eq!(error.field, Some(ErrorField::RecoveryKey));
}

#[test]
fn create_update_delete_round_trip() {
    let f = fixture();
    let row = api::secret_create(
        &f.vault,
        &f.project,
        new_secret("A", "1", Visibility::Masked),
    )
    .unwrap();
    let id = row.id.to_string();
    let update: SecretUpdateInput =
        serde_json::from_str(r#"{"value":"2","visibility":null}"#).unwrap();
    let updated = api::secret_update(&f.vault, &f.project, &id, update).unwrap();
    assert_eq!(updated.visibility, Visibility::Masked);
    assert_eq!(
        api::secret_reveal(&f.vault, &f.project, &id, None).unwrap(),
        "2"
    );
    assert_eq!(api::secret_list(&f.vault, &f.project).unwrap().len(), 1);
    api::secret_delete(&f.vault, &f.project, &id).unwrap();
    assert!(api::secret_list(&f.vault, &f.project).unwrap().is_empty());
}

#[test]
fn a_locked_vault_reports_why_and_the_recovery_key_unlocks_it() {
    let f = fixture();
    let recovery = api::recovery_key_show(&f.vault).unwrap();
    let status = api::recovery_key_confirm(&f.vault).unwrap();
    assert!(!status.recovery_key_pending);
    let vault_id = status.vault_id;
    let home = f.vault.lock().unwrap().home().to_path_buf();

    f.keys.remove(vault_id);
    let locked = Mutex::new(Vault::open(&home, Box::new(f.keys.clone())).unwrap());
    let status = api::vault_status(&locked).unwrap();
    assert_eq!(
        status.lock.as_ref().map(|l| l.code.as_str()),
        Some("key_missing")
    );
    let error = api::secret_create(
        &locked,
        &f.project,
        new_secret("B", "v", Visibility::Masked),
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::Locked);

    let status = api::recovery_restore(&locked, &recovery).unwrap();
    assert!(status.lock.is_none());
    assert_eq!(
        api::project_list(&locked).unwrap().len(),
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
    let vault = cell.get_or_retry().expect("opens on retry");
    assert!(api::vault_status(vault).unwrap().lock.is_none());
    assert_eq!(
        api::project_list(vault).unwrap()[0].name,
        FIRST_PROJECT_NAME
    );
    assert!(cell.get().is_ok());
}

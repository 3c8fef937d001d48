//! The project and transfer command bodies against a real vault file (key in memory): switch and
//! remember, duplicate, export/import through a path (what the dialogs would answer), the `.env`
//! preview held in the app until import, and the guided re-entry.

use agent_secrets_core::{MemoryKeyStore, SecretString, Vault, Visibility};
use agent_secrets_desktop_lib::api;
use agent_secrets_desktop_lib::error::ErrorCode;
use std::sync::Mutex;

fn vault() -> (tempfile::TempDir, Mutex<Vault>) {
    let home = tempfile::tempdir().unwrap();
    let vault = Vault::open(home.path(), Box::new(MemoryKeyStore::default())).unwrap();
    (home, Mutex::new(vault))
}

#[test]
fn create_rename_select_and_the_last_used_project() {
    let (_home, vault) = vault();
    assert!(api::project_current(&vault).unwrap().is_none());
    let first = api::project_create(&vault, "Alpha").unwrap();
    let second = api::project_create(&vault, "Beta").unwrap();
    assert_eq!(api::project_current(&vault).unwrap().unwrap().id, second.id);
    api::project_select(&vault, &first.id.to_string()).unwrap();
    assert_eq!(api::project_current(&vault).unwrap().unwrap().id, first.id);
    let renamed = api::project_rename(&vault, &first.id.to_string(), "Alpha 2").unwrap();
    assert_eq!(renamed.name, "Alpha 2");
    let clash = api::project_rename(&vault, &first.id.to_string(), "beta").unwrap_err();
    assert_eq!(clash.code, ErrorCode::Conflict);
    api::project_delete(&vault, &first.id.to_string()).unwrap();
    // The remembered project is gone: the first remaining one opens.
    assert_eq!(api::project_current(&vault).unwrap().unwrap().id, second.id);
    assert_eq!(
        api::project_select(&vault, "not-an-id").unwrap_err().code,
        ErrorCode::Invalid
    );
}

#[test]
fn duplicate_export_import_and_re_entry() {
    let (home, vault) = vault();
    let project = api::project_create(&vault, "Agent").unwrap().id;
    {
        let mut v = vault.lock().unwrap();
        let prod = v.find_environment(project, "Production").unwrap().id;
        v.set_secret_value(
            project,
            "API_KEY",
            None,
            SecretString::from("canary-1".to_owned()),
            Visibility::Masked,
        )
        .unwrap();
        v.set_secret_value(
            project,
            "API_KEY",
            Some(prod),
            SecretString::from("canary-2".to_owned()),
            Visibility::Masked,
        )
        .unwrap();
    }
    let id = project.to_string();
    let copy = api::project_duplicate(&vault, &id).unwrap();
    assert_eq!(copy.project.name, "Agent (copy)");
    assert_eq!((copy.needs_values, copy.pending_values), (1, 2));
    assert_eq!(
        api::project_current(&vault).unwrap().unwrap().id,
        copy.project.id
    );

    let path = home.path().join("agent.agent-secrets.json");
    let written = api::project_export(&vault, &id, &path).unwrap();
    assert_eq!(written, path.display().to_string());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("canary"));
    let imported = api::project_import(&vault, &path).unwrap();
    assert_eq!(imported.project.name, "Agent (2)");
    let imported_id = imported.project.id.to_string();

    let pending = api::pending_value_list(&vault, &imported_id).unwrap();
    assert_eq!(pending.len(), 2);
    assert_eq!(pending[1].environment_name.as_deref(), Some("Production"));
    let row = api::pending_value_set(
        &vault,
        &imported_id,
        &pending[1].secret_id.to_string(),
        pending[1].environment_id.map(|e| e.to_string()).as_deref(),
        SecretString::from("again".to_owned()),
    )
    .unwrap();
    assert!(row.pending_in.is_empty() && row.pending_default);
    assert_eq!(
        api::pending_value_list(&vault, &imported_id).unwrap().len(),
        1
    );

    let bad = home.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"other\"}").unwrap();
    let error = api::project_import(&vault, &bad).unwrap_err();
    assert_eq!(error.code, ErrorCode::Invalid);
    assert!(
        error.message.contains("unknown format"),
        "{}",
        error.message
    );

    let example = home.path().join(".env.example");
    api::export_dotenv_example(&vault, &id, &example).unwrap();
    assert!(std::fs::read_to_string(&example)
        .unwrap()
        .contains("\nAPI_KEY=\n"));
}

#[test]
fn dotenv_is_previewed_held_and_imported_once() {
    let (home, vault) = vault();
    let hold = api::DotenvHold::default();
    let project = api::project_create(&vault, "Agent").unwrap().id.to_string();
    let path = home.path().join(".env");
    std::fs::write(&path, "A=one\nB='two $HOME'\n").unwrap();
    let selection = api::dotenv_preview(&vault, &hold, &project, &path).unwrap();
    assert_eq!(selection.file_name, ".env");
    let names: Vec<&str> = selection
        .preview
        .entries
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["A", "B"]);
    // The file changes after the preview: what was previewed is what gets imported.
    std::fs::write(&path, "EVIL=1\n").unwrap();
    let wrong = api::dotenv_import(&vault, &hold, &project, "other-token", Visibility::Masked);
    assert_eq!(wrong.unwrap_err().code, ErrorCode::NotFound);
    let report = api::dotenv_import(
        &vault,
        &hold,
        &project,
        &selection.token,
        Visibility::Masked,
    )
    .unwrap();
    assert_eq!((report.created, report.updated), (2, 0));
    let again = api::dotenv_import(
        &vault,
        &hold,
        &project,
        &selection.token,
        Visibility::Masked,
    );
    assert_eq!(again.unwrap_err().code, ErrorCode::NotFound);
    let names: Vec<String> = api::secret_list(&vault, &project)
        .unwrap()
        .into_iter()
        .map(|row| row.name)
        .collect();
    assert_eq!(names, ["A", "B"]);

    // Cancel forgets the file.
    std::fs::write(&path, "C=3\n").unwrap();
    let selection = api::dotenv_preview(&vault, &hold, &project, &path).unwrap();
    api::dotenv_cancel(&hold, &selection.token).unwrap();
    let gone = api::dotenv_import(
        &vault,
        &hold,
        &project,
        &selection.token,
        Visibility::Masked,
    );
    assert_eq!(gone.unwrap_err().code, ErrorCode::NotFound);
}

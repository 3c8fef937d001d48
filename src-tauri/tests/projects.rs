//! The project and transfer commands against a real vault file (key in memory): switch and
//! remember, duplicate, export/import through the file dialogs (answered by the test), the `.env`
//! preview held in the app until import, and the guided re-entry.

mod common;

use agent_secrets_core::{ErrorCode, SecretString, Visibility};
use agent_secrets_desktop_lib::arg::read_arg;
use agent_secrets_desktop_lib::commands;
use common::TestApp;
use uuid::Uuid;

#[test]
fn create_rename_select_and_the_last_used_project() {
    let app = TestApp::empty();
    let v = || app.vault();
    assert!(commands::project_current(&mut v()).unwrap().is_none());
    let first = commands::project_create(&mut v(), "Alpha".into()).unwrap();
    let second = commands::project_create(&mut v(), "Beta".into()).unwrap();
    let current = |app: &TestApp| commands::project_current(&mut app.vault()).unwrap();
    assert_eq!(current(&app).unwrap().id, second.id);
    commands::project_select(&mut v(), first.id).unwrap();
    assert_eq!(current(&app).unwrap().id, first.id);
    let renamed = commands::project_rename(&mut v(), first.id, "Alpha 2".into()).unwrap();
    assert_eq!(renamed.name, "Alpha 2");
    let clash = commands::project_rename(&mut v(), first.id, "beta".into()).unwrap_err();
    assert_eq!(clash.code, ErrorCode::Conflict);
    commands::project_delete(&mut v(), first.id).unwrap();
    // The remembered project is gone: the first remaining one opens.
    assert_eq!(current(&app).unwrap().id, second.id);
    assert_eq!(
        read_arg::<Uuid, _>("projectId", serde_json::json!("not-an-id"))
            .unwrap_err()
            .code,
        ErrorCode::Invalid
    );
}

#[test]
fn duplicate_export_import_and_re_entry() {
    let app = TestApp::empty();
    let v = || app.vault();
    let project = commands::project_create(&mut v(), "Agent".into())
        .unwrap()
        .id;
    {
        let mut vault = v();
        let prod = vault.find_environment(project, "Production").unwrap().id;
        for (environment, value) in [(None, "canary-1"), (Some(prod), "canary-2")] {
            let value = SecretString::from(value.to_owned());
            vault
                .set_secret_value(project, "API_KEY", environment, value, Visibility::Masked)
                .unwrap();
        }
    }
    let copy = commands::project_duplicate(&mut v(), project).unwrap();
    assert_eq!(copy.project.name, "Agent (copy)");
    assert_eq!((copy.needs_values, copy.pending_values), (1, 2));
    assert_eq!(
        commands::project_current(&mut v()).unwrap().unwrap().id,
        copy.project.id
    );

    // The user cancels the dialog: nothing is written.
    app.answer_dialogs(None);
    assert_eq!(
        commands::project_export(&app.shell(), project).unwrap(),
        None
    );
    assert!(commands::project_import(&app.shell()).unwrap().is_none());

    let path = app.home().join("agent.agent-secrets.json");
    app.answer_dialogs(Some(&path));
    let written = commands::project_export(&app.shell(), project).unwrap();
    assert_eq!(written, Some(path.display().to_string()));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("canary"));
    let imported = commands::project_import(&app.shell()).unwrap().unwrap();
    assert_eq!(imported.project.name, "Agent (2)");
    let imported_id = imported.project.id;

    let pending = commands::pending_value_list(&mut v(), imported_id).unwrap();
    assert_eq!(pending.len(), 2);
    assert_eq!(pending[1].environment_name.as_deref(), Some("Production"));
    let row = commands::pending_value_set(
        &mut v(),
        imported_id,
        pending[1].secret_id,
        pending[1].environment_id,
        "again".into(),
    )
    .unwrap();
    assert!(row.pending_in.is_empty() && row.pending_default);
    assert_eq!(
        commands::pending_value_list(&mut v(), imported_id)
            .unwrap()
            .len(),
        1
    );

    let bad = app.home().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"other\"}").unwrap();
    app.answer_dialogs(Some(&bad));
    let error = commands::project_import(&app.shell()).unwrap_err();
    assert_eq!(error.code, ErrorCode::Invalid);
    assert!(
        error.message.contains("unknown format"),
        "{}",
        error.message
    );

    let example = app.home().join(".env.example");
    app.answer_dialogs(Some(&example));
    commands::export_dotenv_example(&app.shell(), project).unwrap();
    assert!(std::fs::read_to_string(&example)
        .unwrap()
        .contains("\nAPI_KEY=\n"));
}

#[test]
fn dotenv_is_previewed_held_and_imported_once() {
    let app = TestApp::empty();
    let shell = app.shell();
    let project = commands::project_create(&mut app.vault(), "Agent".into())
        .unwrap()
        .id;
    let path = app.home().join(".env");
    std::fs::write(&path, "A=one\nB='two $HOME'\n").unwrap();
    app.answer_dialogs(Some(&path));
    let selection = commands::dotenv_preview(&shell, project).unwrap().unwrap();
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
    let import = |token: &str| {
        commands::dotenv_import(&shell, project, token.to_owned(), Visibility::Masked)
    };
    assert_eq!(import("other-token").unwrap_err().code, ErrorCode::NotFound);
    let report = import(&selection.token).unwrap();
    assert_eq!((report.created, report.updated), (2, 0));
    assert_eq!(
        import(&selection.token).unwrap_err().code,
        ErrorCode::NotFound
    );
    let names: Vec<String> = commands::secret_list(&mut app.vault(), project)
        .unwrap()
        .into_iter()
        .map(|row| row.name)
        .collect();
    assert_eq!(names, ["A", "B"]);

    // Cancel forgets the file.
    std::fs::write(&path, "C=3\n").unwrap();
    let selection = commands::dotenv_preview(&shell, project).unwrap().unwrap();
    commands::dotenv_cancel(&shell, selection.token.clone()).unwrap();
    assert_eq!(
        import(&selection.token).unwrap_err().code,
        ErrorCode::NotFound
    );
    // A cancelled dialog previews nothing.
    app.answer_dialogs(None);
    assert!(commands::dotenv_preview(&shell, project).unwrap().is_none());
}

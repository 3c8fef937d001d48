//! The application layer both shells call: the current project, the first project, override
//! removal and resolution narrowed to the names asked for.

mod common;

use agent_secrets_core::app::current_project::{self, ChoiceError};
use agent_secrets_core::app::first_project;
use agent_secrets_core::app::overrides::remove_override;
use agent_secrets_core::app::resolution::{select_secrets, SelectionError};
use agent_secrets_core::names::FIRST_PROJECT_NAME;
use agent_secrets_core::{Error, ExposeSecret, Visibility};
use common::{secret, TestVault};

#[test]
fn the_remembered_project_is_chosen_when_none_is_named() {
    let mut t = TestVault::fresh();
    let vault = &mut t.vault;
    // One project: it is chosen.
    let only = current_project::choose_project(vault, None).unwrap();
    assert_eq!(only.name, "Test Agent");
    // Two and nothing remembered: the user has to say which.
    let other = vault.create_project("Other").unwrap();
    let error = current_project::choose_project(vault, None).unwrap_err();
    assert!(
        matches!(&error, ChoiceError::Ambiguous { names } if names == &["Other", "Test Agent"]),
        "{error}"
    );
    assert!(error.to_string().contains("--project"), "{error}");
    // Switched to in the app: remembered, and chosen without a name.
    current_project::select_project(vault, other.id).unwrap();
    assert_eq!(
        current_project::choose_project(vault, None).unwrap().id,
        other.id
    );
    // A name still wins over the remembered project.
    assert_eq!(
        current_project::choose_project(vault, Some("test agent"))
            .unwrap()
            .name,
        "Test Agent"
    );
    // The remembered project deleted: back to asking.
    vault.delete_project(other.id).unwrap();
    vault.create_project("Third").unwrap();
    assert!(matches!(
        current_project::choose_project(vault, None),
        Err(ChoiceError::Ambiguous { .. })
    ));
}

#[test]
fn an_empty_vault_has_no_project_to_choose() {
    let dir = tempfile::tempdir().unwrap();
    let keys = agent_secrets_core::MemoryKeyStore::default();
    let vault = agent_secrets_core::Vault::open(dir.path(), Box::new(keys)).unwrap();
    assert!(current_project::current_project(&vault).unwrap().is_none());
    let error = current_project::choose_project(&vault, None).unwrap_err();
    assert!(
        matches!(error, ChoiceError::Core(Error::NotFound(ref m)) if m.contains("project create"))
    );
}

#[test]
fn creating_duplicating_and_deleting_move_the_current_project() {
    let mut t = TestVault::fresh();
    let vault = &mut t.vault;
    let created = current_project::create_project(vault, "Beta").unwrap();
    let current = current_project::current_project(vault).unwrap().unwrap();
    assert_eq!(current.id, created.id);
    let copy = current_project::duplicate_project(vault, created.id).unwrap();
    assert_eq!(
        current_project::current_project(vault).unwrap().unwrap().id,
        copy.project.id
    );
    for project in vault.list_projects().unwrap() {
        first_project::delete_project(vault, project.id).unwrap();
    }
    let left = vault.list_projects().unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].name, FIRST_PROJECT_NAME);
}

#[test]
fn removing_an_override_that_does_not_exist_is_refused() {
    let mut t = TestVault::fresh();
    t.add("API_KEY", Some("default"), Visibility::Masked);
    let project = t.project;
    let error = remove_override(&mut t.vault, project, "API_KEY", "production").unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert!(error.to_string().contains("no override in Production"));

    let production = t.env("Production");
    let id = t.vault.find_secret(project, "API_KEY").unwrap().id;
    t.vault
        .set_override(project, id, production, secret("prod"))
        .unwrap();
    let removed = remove_override(&mut t.vault, project, "API_KEY", "Production").unwrap();
    assert_eq!(removed.environment.name, "Production");
    assert!(removed.secret.overridden_in.is_empty());
    let value = t.vault.reveal(project, id, Some(production)).unwrap();
    assert_eq!(value.expose_secret(), "default");
}

#[test]
fn only_the_secrets_asked_for_are_decrypted() {
    let mut t = TestVault::fresh();
    t.add("WANTED", Some("wanted-value"), Visibility::Restricted);
    let damaged = t.add("DAMAGED", Some("other-value"), Visibility::Masked);
    t.add("NO_VALUE", None, Visibility::Masked);
    // Flip one byte of DAMAGED's ciphertext behind the vault's back.
    let raw = t.raw();
    let mut blob: Vec<u8> = raw
        .query_row(
            "SELECT value FROM secrets WHERE id = ?1",
            [damaged],
            |row| row.get(0),
        )
        .unwrap();
    let last = blob.len() - 1;
    blob[last] ^= 0x01;
    raw.execute(
        "UPDATE secrets SET value = ?2 WHERE id = ?1",
        rusqlite::params![damaged, blob],
    )
    .unwrap();
    let project = t.vault.project(t.project).unwrap();

    let only = ["WANTED".to_owned()];
    let selected = select_secrets(&t.vault, &project, "development", &only).unwrap();
    assert_eq!(selected.len(), 1);
    assert_eq!(selected[0].name, "WANTED");
    assert_eq!(selected[0].value.expose_secret(), "wanted-value");

    // Without the narrowing, the damaged value is opened, and refused.
    let error = select_secrets(&t.vault, &project, "development", &[]).unwrap_err();
    assert!(
        matches!(error, SelectionError::Core(Error::Corrupt(_))),
        "{error:?}"
    );
    // A name the project lacks, and a selected secret without a value.
    let error = select_secrets(&t.vault, &project, "development", &["NOPE".into()]).unwrap_err();
    assert!(
        matches!(error, SelectionError::Core(Error::NotFound(ref m)) if m.contains("NOPE")),
        "{error:?}"
    );
    let error =
        select_secrets(&t.vault, &project, "development", &["NO_VALUE".into()]).unwrap_err();
    assert!(
        matches!(&error, SelectionError::MissingValues { environment, names }
            if environment == "Development" && names == &["NO_VALUE"]),
        "{error:?}"
    );
}

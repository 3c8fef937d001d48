//! Keys: a vault never loses data to a keyring problem, and the recovery key restores access.

mod common;

use agent_secrets_core::crypto::Key;
use agent_secrets_core::{
    ExposeSecret, LockReason, MemoryKeyStore, NewSecret, Opened, Vault, Visibility,
};
use common::{database_bytes, secret, TestVault};

fn seeded() -> (TestVault, Vec<(uuid::Uuid, &'static str)>) {
    let mut t = TestVault::fresh();
    let a = t.add("A", Some("alpha"), Visibility::Masked);
    let b = t.add("B", Some("bravo"), Visibility::Restricted);
    let prod = t.env("Production");
    t.vault
        .set_override(t.project, a, prod, secret("alpha-prod"))
        .unwrap();
    (t, vec![(a, "alpha"), (b, "bravo")])
}

fn main_file(t: &TestVault) -> Vec<u8> {
    std::fs::read(t.home().join(agent_secrets_core::DATABASE_FILE)).unwrap()
}

#[test]
fn a_deleted_keyring_entry_opens_locked_and_writes_change_nothing() {
    let (mut t, _) = seeded();
    let id = t.vault.id();
    t.keys.remove(id);
    t.reopen();
    assert_eq!(t.vault.lock_reason(), Some(&LockReason::KeyMissing));
    // Close once so the WAL is folded into the main file, then take its bytes.
    t.reopen();
    let before = main_file(&t);
    let before_all = database_bytes(t.home());

    // Names stay readable; values and writes are refused with the lock explained.
    assert_eq!(t.vault.list_secrets(t.project).unwrap().len(), 2);
    let a = t.vault.find_secret(t.project, "A").unwrap().id;
    let err = t.vault.reveal(t.project, a, None).unwrap_err();
    assert_eq!(err.code(), "locked");
    assert!(err.to_string().contains("recovery key"), "{err}");
    let project = t.project;
    let attempts = [
        t.vault
            .create_secret(
                project,
                NewSecret {
                    name: "C".into(),
                    value: Some(secret("c")),
                    visibility: Visibility::Masked,
                },
            )
            .map(|_| ()),
        t.vault.delete_secret(project, a),
        t.vault.create_project("Other").map(|_| ()),
        t.vault.delete_project(project),
        t.vault.confirm_recovery_key_saved(),
    ];
    for attempt in attempts {
        assert_eq!(attempt.unwrap_err().code(), "locked");
    }
    // No new key was created behind the user's back.
    assert!(agent_secrets_core::KeyStore::load(&t.keys, id)
        .unwrap()
        .is_none());
    drop(t.vault.list_projects());
    let reopened = Vault::open(t.home(), Box::new(t.keys.clone())).unwrap();
    drop(reopened);
    assert_eq!(main_file(&t), before, "the locked vault's file changed");
    assert_eq!(database_bytes(t.home()).len(), before_all.len());
}

#[test]
fn a_different_key_in_the_keyring_opens_locked() {
    let (mut t, _) = seeded();
    t.keys.replace(t.vault.id(), Key::random());
    t.reopen();
    assert_eq!(t.vault.lock_reason(), Some(&LockReason::KeyMismatch));
    assert_eq!(t.vault.status().unwrap().lock.unwrap().code, "key_mismatch");
}

#[test]
fn an_unreachable_keyring_opens_locked_with_its_reason() {
    let (mut t, _) = seeded();
    t.keys.set_unavailable(true);
    t.reopen();
    assert!(matches!(
        t.vault.lock_reason(),
        Some(LockReason::KeyringUnavailable(_))
    ));
}

#[test]
fn an_unreachable_keyring_on_first_run_creates_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let keys = MemoryKeyStore::default();
    keys.set_unavailable(true);
    let err = Vault::open(dir.path(), Box::new(keys)).unwrap_err();
    assert_eq!(err.code(), "keyring_unavailable");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn open_existing_never_creates() {
    let dir = tempfile::tempdir().unwrap();
    let opened = Vault::open_existing(
        &dir.path().join("nothing"),
        Box::new(MemoryKeyStore::default()),
    )
    .unwrap();
    assert!(matches!(opened, Opened::Missing(_)));
    assert!(!dir.path().join("nothing").exists());
}

#[test]
fn the_recovery_key_restores_every_value() {
    let (mut t, values) = seeded();
    let recovery = t.vault.recovery_key().unwrap();
    t.keys.remove(t.vault.id());
    t.reopen();
    assert!(t.vault.lock_reason().is_some());

    let wrong = agent_secrets_core::recovery::format(&Key::random());
    let err = t.vault.restore_with_recovery_key(&wrong).unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("invalid", Some(agent_secrets_core::Field::RecoveryKey))
    );
    assert!(t.vault.lock_reason().is_some());

    t.vault
        .restore_with_recovery_key(&recovery.to_lowercase())
        .unwrap();
    assert!(t.vault.lock_reason().is_none());
    // A fresh process with the new keyring key sees everything again.
    t.reopen();
    assert!(t.vault.lock_reason().is_none());
    let env = t.env("Production");
    let resolved = t.vault.resolve_for_use(t.project, env).unwrap();
    let found: Vec<(&str, &str)> = resolved
        .values
        .iter()
        .map(|r| (r.name.as_str(), r.value.expose_secret()))
        .collect();
    assert_eq!(found, vec![("A", "alpha-prod"), ("B", "bravo")]);
    let (a, alpha) = values[0];
    assert_eq!(
        t.vault.reveal(t.project, a, None).unwrap().expose_secret(),
        alpha
    );
    // The same recovery key still works after the restore.
    assert_eq!(t.vault.recovery_key().unwrap().as_str(), recovery.as_str());
}

#[test]
fn the_recovery_key_is_pending_until_confirmed() {
    let mut t = TestVault::fresh();
    assert!(t.vault.status().unwrap().recovery_key_pending);
    t.vault.confirm_recovery_key_saved().unwrap();
    t.reopen();
    assert!(!t.vault.status().unwrap().recovery_key_pending);
}

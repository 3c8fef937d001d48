//! Domain rules on a real SQLite file: names, visibility, environments, overrides, resolution.

mod common;

use agent_secrets_core::{
    EnvironmentKind, ExposeSecret, Field, NewSecret, OverrideEdit, SecretUpdate, Visibility,
};
use common::{secret, TestVault};

#[test]
fn every_project_starts_with_development_and_production() {
    let t = TestVault::fresh();
    let envs = t.vault.list_environments(t.project).unwrap();
    let names: Vec<(&str, EnvironmentKind)> =
        envs.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert_eq!(
        names,
        vec![
            ("Development", EnvironmentKind::Development),
            ("Production", EnvironmentKind::Production)
        ]
    );
}

#[test]
fn builtin_environments_cannot_be_deleted_or_renamed() {
    let mut t = TestVault::fresh();
    let dev = t.env("development");
    assert_eq!(
        t.vault
            .delete_environment(t.project, dev)
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert_eq!(
        t.vault
            .rename_environment(t.project, dev, "Dev")
            .unwrap_err()
            .code(),
        "invalid"
    );
    assert_eq!(t.vault.list_environments(t.project).unwrap().len(), 2);
}

#[test]
fn names_follow_the_rule_and_are_unique_across_secrets_and_variables() {
    let mut t = TestVault::fresh();
    t.add("DB_PASSWORD", Some("x"), Visibility::Masked);
    let project = t.project;
    let create = |t: &mut TestVault, name: &str| {
        t.vault.create_secret(
            project,
            NewSecret {
                name: name.into(),
                value: Some(secret("v")),
                visibility: Visibility::Masked,
            },
        )
    };
    let err = create(&mut t, "DB_PASSWORD").unwrap_err();
    assert_eq!((err.code(), err.field()), ("conflict", Some(Field::Name)));
    // Case-sensitive: a different case is a different name.
    assert!(create(&mut t, "db_password").is_ok());
    let err = create(&mut t, "1BAD").unwrap_err();
    assert_eq!((err.code(), err.field()), ("invalid", Some(Field::Name)));
    t.vault
        .set_variable(project, "BASE_URL", "https://example.test")
        .unwrap();
    assert_eq!(create(&mut t, "BASE_URL").unwrap_err().code(), "conflict");
    assert_eq!(
        t.vault
            .set_variable(project, "DB_PASSWORD", "x")
            .unwrap_err()
            .code(),
        "conflict"
    );
    // Updating an existing variable is fine.
    t.vault
        .set_variable(project, "BASE_URL", "https://other.test")
        .unwrap();
    assert_eq!(
        t.vault.list_variables(project).unwrap()[0].value,
        "https://other.test"
    );
}

#[test]
fn a_value_over_64_kib_is_refused_and_changes_nothing() {
    let mut t = TestVault::fresh();
    let project = t.project;
    let err = t
        .vault
        .create_secret(
            project,
            NewSecret {
                name: "BIG".into(),
                value: Some(secret(&"x".repeat(64 * 1024 + 1))),
                visibility: Visibility::Masked,
            },
        )
        .unwrap_err();
    assert_eq!((err.code(), err.field()), ("invalid", Some(Field::Value)));
    assert!(t.vault.list_secrets(project).unwrap().is_empty());
}

#[test]
fn restricted_values_are_never_revealed_but_resolve_for_use() {
    let mut t = TestVault::fresh();
    let id = t.add("API_TOKEN", Some("tok-123"), Visibility::Restricted);
    let prod = t.env("Production");
    let err = t.vault.reveal(t.project, id, None).unwrap_err();
    assert_eq!(err.code(), "restricted");
    assert!(!err.to_string().contains("tok-123"));
    assert_eq!(
        t.vault
            .reveal(t.project, id, Some(prod))
            .unwrap_err()
            .code(),
        "restricted"
    );
    let resolved = t.vault.resolve_for_use(t.project, prod).unwrap();
    assert_eq!(resolved.values[0].value.expose_secret(), "tok-123");
}

#[test]
fn restricted_to_masked_needs_a_new_value_and_no_overrides() {
    let mut t = TestVault::fresh();
    let id = t.add("API_TOKEN", Some("old"), Visibility::Restricted);
    let project = t.project;
    let to_masked = |value: Option<&str>| SecretUpdate {
        value: value.map(secret),
        visibility: Some(Visibility::Masked),
    };
    let err = t
        .vault
        .update_secret(project, id, to_masked(None))
        .unwrap_err();
    assert_eq!((err.code(), err.field()), ("invalid", Some(Field::Value)));
    let prod = t.env("Production");
    t.vault
        .set_override(project, id, prod, secret("prod-old"))
        .unwrap();
    let err = t
        .vault
        .update_secret(project, id, to_masked(Some("new")))
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(
        t.vault.secret(project, id).unwrap().visibility,
        Visibility::Restricted
    );
    t.vault.remove_override(project, id, prod).unwrap();
    t.vault
        .update_secret(project, id, to_masked(Some("new")))
        .unwrap();
    assert_eq!(
        t.vault.reveal(project, id, None).unwrap().expose_secret(),
        "new"
    );
}

#[test]
fn masked_to_restricted_keeps_every_value_usable_and_hides_it() {
    let mut t = TestVault::fresh();
    let id = t.add("DB", Some("default"), Visibility::Masked);
    let prod = t.env("Production");
    t.vault
        .set_override(t.project, id, prod, secret("prod"))
        .unwrap();
    t.vault
        .update_secret(
            t.project,
            id,
            SecretUpdate {
                value: None,
                visibility: Some(Visibility::Restricted),
            },
        )
        .unwrap();
    assert_eq!(
        t.vault.reveal(t.project, id, None).unwrap_err().code(),
        "restricted"
    );
    let dev = t.env("Development");
    assert_eq!(
        t.vault.resolve_for_use(t.project, prod).unwrap().values[0]
            .value
            .expose_secret(),
        "prod"
    );
    assert_eq!(
        t.vault.resolve_for_use(t.project, dev).unwrap().values[0]
            .value
            .expose_secret(),
        "default"
    );
}

#[test]
fn resolution_is_override_then_default_then_missing() {
    let mut t = TestVault::fresh();
    let both = t.add("BOTH", Some("default"), Visibility::Masked);
    let only_default = t.add("ONLY_DEFAULT", Some("d"), Visibility::Masked);
    let only_prod = t.add("ONLY_PROD", None, Visibility::Masked);
    let (dev, prod) = (t.env("Development"), t.env("Production"));
    t.vault
        .set_override(t.project, both, prod, secret("prod"))
        .unwrap();
    t.vault
        .set_override(t.project, only_prod, prod, secret("p"))
        .unwrap();

    let reveal = |env| {
        t.vault
            .reveal(t.project, both, Some(env))
            .unwrap()
            .expose_secret()
            .to_owned()
    };
    assert_eq!(reveal(prod), "prod");
    assert_eq!(reveal(dev), "default");
    assert_eq!(
        t.vault
            .reveal(t.project, only_default, Some(prod))
            .unwrap()
            .expose_secret(),
        "d"
    );
    let err = t.vault.reveal(t.project, only_prod, Some(dev)).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().contains("Development"), "{err}");

    let dev_resolution = t.vault.resolve_for_use(t.project, dev).unwrap();
    assert_eq!(dev_resolution.missing, vec!["ONLY_PROD".to_owned()]);
    assert!(t
        .vault
        .resolve_for_use(t.project, prod)
        .unwrap()
        .missing
        .is_empty());

    let rows = t.vault.list_secrets(t.project).unwrap();
    let row = rows.iter().find(|r| r.name == "ONLY_PROD").unwrap();
    assert_eq!(
        (
            row.has_default,
            row.overridden_in.clone(),
            row.missing_in.clone()
        ),
        (false, vec![prod], vec![dev])
    );

    // Removing the override falls back to the default.
    t.vault.remove_override(t.project, both, prod).unwrap();
    assert_eq!(
        t.vault
            .reveal(t.project, both, Some(prod))
            .unwrap()
            .expose_secret(),
        "default"
    );
}

#[test]
fn deleting_an_environment_removes_only_its_overrides() {
    let mut t = TestVault::fresh();
    let id = t.add("DB", Some("default"), Visibility::Masked);
    let staging = t.vault.create_environment(t.project, "Staging").unwrap().id;
    let prod = t.env("Production");
    t.vault
        .set_override(t.project, id, staging, secret("staging"))
        .unwrap();
    t.vault
        .set_override(t.project, id, prod, secret("prod"))
        .unwrap();
    t.vault.delete_environment(t.project, staging).unwrap();
    let row = t.vault.secret(t.project, id).unwrap();
    assert_eq!(row.overridden_in, vec![prod]);
    assert_eq!(
        t.vault
            .reveal(t.project, id, Some(prod))
            .unwrap()
            .expose_secret(),
        "prod"
    );
    assert_eq!(t.vault.counts().unwrap().overrides, 1);
}

#[test]
fn custom_environment_names_are_unique_regardless_of_case() {
    let mut t = TestVault::fresh();
    t.vault.create_environment(t.project, "Staging").unwrap();
    assert_eq!(
        t.vault
            .create_environment(t.project, "staging")
            .unwrap_err()
            .code(),
        "conflict"
    );
    assert_eq!(
        t.vault
            .create_environment(t.project, "production")
            .unwrap_err()
            .code(),
        "conflict"
    );
}

#[test]
fn a_batch_of_overrides_is_all_or_nothing() {
    let mut t = TestVault::fresh();
    let a = t.add("A", Some("a"), Visibility::Masked);
    let b = t.add("B", Some("b"), Visibility::Masked);
    let prod = t.env("Production");
    t.vault
        .set_override(t.project, b, prod, secret("b-prod"))
        .unwrap();
    let edits = vec![
        OverrideEdit::Set {
            secret: a,
            value: secret("a-prod"),
        },
        OverrideEdit::Remove { secret: b },
        // A failure in the middle of the batch: an unknown secret.
        OverrideEdit::Set {
            secret: uuid::Uuid::new_v4(),
            value: secret("x"),
        },
        OverrideEdit::Set {
            secret: b,
            value: secret("never"),
        },
    ];
    assert_eq!(
        t.vault
            .apply_overrides(t.project, prod, edits)
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(
        t.vault
            .reveal(t.project, a, Some(prod))
            .unwrap()
            .expose_secret(),
        "a"
    );
    assert_eq!(
        t.vault
            .reveal(t.project, b, Some(prod))
            .unwrap()
            .expose_secret(),
        "b-prod"
    );

    let edits = vec![
        OverrideEdit::Set {
            secret: a,
            value: secret("a-prod"),
        },
        OverrideEdit::Remove { secret: b },
    ];
    t.vault.apply_overrides(t.project, prod, edits).unwrap();
    assert_eq!(
        t.vault
            .reveal(t.project, a, Some(prod))
            .unwrap()
            .expose_secret(),
        "a-prod"
    );
    assert_eq!(
        t.vault
            .reveal(t.project, b, Some(prod))
            .unwrap()
            .expose_secret(),
        "b"
    );
}

#[test]
fn a_batch_fails_whole_on_an_oversized_value_or_a_secret_of_another_project() {
    let mut t = TestVault::fresh();
    let a = t.add("A", Some("a"), Visibility::Masked);
    let b = t.add("B", None, Visibility::Masked);
    let staging = t.vault.create_environment(t.project, "Staging").unwrap().id;
    let other_project = t.vault.create_project("Other").unwrap().id;
    let foreign = t
        .vault
        .create_secret(
            other_project,
            NewSecret {
                name: "FOREIGN".into(),
                value: Some(secret("f")),
                visibility: Visibility::Masked,
            },
        )
        .unwrap()
        .id;
    let before = t.vault.list_secrets(t.project).unwrap();

    let oversized = "x".repeat(64 * 1024 + 1);
    for (failing, code) in [
        (
            OverrideEdit::Set {
                secret: b,
                value: secret(&oversized),
            },
            "invalid",
        ),
        (
            OverrideEdit::Set {
                secret: foreign,
                value: secret("stolen"),
            },
            "not_found",
        ),
        (OverrideEdit::Remove { secret: foreign }, "not_found"),
    ] {
        let edits = vec![
            OverrideEdit::Set {
                secret: a,
                value: secret("a-staging"),
            },
            failing,
            OverrideEdit::Set {
                secret: b,
                value: secret("b-staging"),
            },
        ];
        let err = t
            .vault
            .apply_overrides(t.project, staging, edits)
            .unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(!err.to_string().contains("xxxx"), "{err}");
        // Nothing was written: not the edit before the failure, nor the one after it.
        assert_eq!(t.vault.list_secrets(t.project).unwrap(), before);
        assert_eq!(t.vault.counts().unwrap().overrides, 0);
    }
    assert_eq!(
        t.vault
            .reveal(other_project, foreign, None)
            .unwrap()
            .expose_secret(),
        "f"
    );
}

#[test]
fn overrides_of_a_restricted_secret_are_write_only() {
    let mut t = TestVault::fresh();
    let id = t.add("DB_PASSWORD", Some("default"), Visibility::Restricted);
    let prod = t.env("Production");
    t.vault
        .apply_overrides(
            t.project,
            prod,
            vec![OverrideEdit::Set {
                secret: id,
                value: secret("prod-restricted"),
            }],
        )
        .unwrap();
    let row = t.vault.secret(t.project, id).unwrap();
    assert_eq!(row.overridden_in, vec![prod]);
    let err = t.vault.reveal(t.project, id, Some(prod)).unwrap_err();
    assert_eq!(err.code(), "restricted");
    assert!(!err.to_string().contains("prod-restricted"));
    // Still used where it belongs.
    let resolved = t.vault.resolve_for_use(t.project, prod).unwrap();
    assert_eq!(resolved.values[0].value.expose_secret(), "prod-restricted");
}

#[test]
fn set_secret_value_on_a_new_name_with_an_environment_creates_only_that_override() {
    let mut t = TestVault::fresh();
    let prod = t.env("Production");
    let row = t
        .vault
        .set_secret_value(
            t.project,
            "STRIPE",
            Some(prod),
            secret("sk"),
            Visibility::Restricted,
        )
        .unwrap();
    assert!(!row.has_default);
    assert_eq!(row.overridden_in, vec![prod]);
    assert_eq!(row.visibility, Visibility::Restricted);
    // A bad name creates nothing.
    assert!(t
        .vault
        .set_secret_value(
            t.project,
            "BAD-NAME",
            Some(prod),
            secret("x"),
            Visibility::Masked
        )
        .is_err());
    assert_eq!(t.vault.list_secrets(t.project).unwrap().len(), 1);
}

#[test]
fn projects_are_unique_by_name_and_deleting_one_removes_its_data() {
    let mut t = TestVault::fresh();
    assert_eq!(
        t.vault.create_project("test agent").unwrap_err().code(),
        "conflict"
    );
    assert_eq!(t.vault.create_project("   ").unwrap_err().code(), "invalid");
    let other = t.vault.create_project("Other").unwrap().id;
    t.add("A", Some("a"), Visibility::Masked);
    t.vault.delete_project(t.project).unwrap();
    let counts = t.vault.counts().unwrap();
    assert_eq!((counts.projects, counts.secrets), (1, 0));
    assert_eq!(t.vault.list_projects().unwrap()[0].id, other);
    assert_eq!(
        t.vault.rename_project(other, "Renamed").unwrap().name,
        "Renamed"
    );
}

#[test]
fn settings_have_a_default_and_bounds() {
    let mut t = TestVault::fresh();
    assert_eq!(t.vault.settings().unwrap().clipboard_clear_seconds, 30);
    let bad = agent_secrets_core::Settings {
        clipboard_clear_seconds: 0,
    };
    assert_eq!(t.vault.update_settings(&bad).unwrap_err().code(), "invalid");
    let good = agent_secrets_core::Settings {
        clipboard_clear_seconds: 5,
    };
    t.vault.update_settings(&good).unwrap();
    t.reopen();
    assert_eq!(t.vault.settings().unwrap().clipboard_clear_seconds, 5);
}

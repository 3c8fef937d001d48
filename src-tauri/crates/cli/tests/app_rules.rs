//! Rules the CLI takes from the core's application layer, through the real binary and keyring:
//! the current project remembered by the app stands in for `--project`, and `run --only`
//! decrypts only the secrets asked for.

mod test_vault;

use test_vault::TestVault;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn without_project_the_remembered_project_is_used() {
    let vault = TestVault::new();
    vault.ok(&["project", "create", "Second"], "");
    vault.ok(
        &["secret", "set", "IN_SECOND", "--project", "Second"],
        "second-project-value",
    );
    // Two projects and none remembered: today's usage error.
    let out = vault.run(&["secret", "list"], b"");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--project"), "{}", stderr(&out));

    vault.remember_project("Second");
    assert!(vault.ok(&["secret", "list"], "").contains("IN_SECOND"));
    let out = vault.ok(&["run", "--", "sh", "-c", "echo \"[$IN_SECOND]\""], "");
    assert_eq!(out, "[••••••]\n", "run used the remembered project");
    // `--project` still wins over the remembered project.
    assert!(!vault
        .ok(&["secret", "list", "--project", "Demo"], "")
        .contains("IN_SECOND"));
}

#[test]
fn run_only_decrypts_only_the_secrets_asked_for() {
    let vault = TestVault::new();
    vault.set_masked("WANTED", "wanted-value");
    vault.set_masked("DAMAGED", "other-value");
    vault.damage_value("DAMAGED");

    let out = vault.run(
        &[
            "run",
            "--only",
            "WANTED",
            "--no-redact",
            "--",
            "sh",
            "-c",
            "echo \"$WANTED\"",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "wanted-value\n");

    // Asked for everything, the damaged value is opened, and refused before anything starts.
    let out = vault.run(&["run", "--", "sh", "-c", "echo started"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("DAMAGED"), "{}", stderr(&out));
}

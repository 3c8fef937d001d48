//! `agent-secrets export-env`: Masked values as .env or JSON, read back literally; Restricted
//! ones refused.

mod test_vault;

use std::os::unix::fs::PermissionsExt;
use test_vault::TestVault;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const TRICKY: [(&str, &str); 5] = [
    ("PLAIN", "sk-live-4f9a8b7c6d5e"),
    ("DOLLARS", "pa$$word$HOME${USER}"),
    ("QUOTES", "it's \"quoted\" and `ticked`"),
    ("BACKSLASH", "C:\\new\\table\\"),
    ("MULTILINE", "-----BEGIN KEY-----\nabc=\n-----END KEY-----"),
];

fn vault_with_tricky_values() -> TestVault {
    let vault = TestVault::new();
    for (name, value) in TRICKY {
        vault.set_masked(name, value);
    }
    vault
}

#[test]
fn dotenv_output_reads_back_as_the_exact_values() {
    let vault = vault_with_tricky_values();
    let out = vault.ok(
        &["export-env", "--env", "development", "--format", "dotenv"],
        "",
    );
    let parsed: Vec<(String, String)> = dotenvy::from_read_iter(out.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    let mut expected: Vec<(String, String)> = TRICKY
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    expected.sort();
    assert_eq!(parsed, expected);
}

#[test]
fn json_output_is_an_object_of_names_and_values() {
    let vault = vault_with_tricky_values();
    vault.set("PLAIN", "prod-plain-1234", Some("production"), "masked");
    let out = vault.ok(
        &[
            "export-env",
            "--env",
            "Production",
            "--format",
            "json",
            "--only",
            "PLAIN",
            "--only",
            "MULTILINE",
        ],
        "",
    );
    let object: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        object,
        serde_json::json!({
            "PLAIN": "prod-plain-1234",
            "MULTILINE": "-----BEGIN KEY-----\nabc=\n-----END KEY-----",
        })
    );
}

#[test]
fn restricted_secrets_are_refused_by_name() {
    let vault = vault_with_tricky_values();
    vault.set_restricted("DB_PASSWORD", "correct-horse-battery");
    let out = vault.run(
        &["export-env", "--env", "development", "--format", "dotenv"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("Restricted: DB_PASSWORD"), "{stderr}");
    assert!(!stderr.contains("correct-horse-battery"));

    let out = vault.run(
        &[
            "export-env",
            "--env",
            "development",
            "--format",
            "json",
            "--only",
            "DB_PASSWORD",
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "--only cannot pick a Restricted one"
    );

    let out = vault.ok(
        &[
            "export-env",
            "--env",
            "development",
            "--format",
            "dotenv",
            "--skip-restricted",
        ],
        "",
    );
    assert!(!out.contains("DB_PASSWORD") && !out.contains("correct-horse-battery"));
    assert!(out.contains("PLAIN='sk-live-4f9a8b7c6d5e'"), "{out}");
}

#[test]
fn a_missing_value_is_an_error_naming_it() {
    let vault = vault_with_tricky_values();
    vault.set("LATER", "later-value", Some("production"), "masked");
    let out = vault.run(
        &["export-env", "--env", "development", "--format", "dotenv"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("LATER") && stderr.contains("Development"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn the_output_file_has_mode_0600() {
    let vault = vault_with_tricky_values();
    let file = vault.home().join(".env");
    vault.ok(
        &[
            "export-env",
            "--env",
            "development",
            "--format",
            "dotenv",
            "--only",
            "PLAIN",
            "-o",
            file.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "PLAIN='sk-live-4f9a8b7c6d5e'\n"
    );
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

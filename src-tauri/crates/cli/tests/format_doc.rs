//! docs/FORMAT.md is precise enough for an independent program: docs/decrypt_value.py (Python
//! + `cryptography`, no code of ours) decrypts values from a real vault with the keyring's KEK.

mod test_vault;

use std::path::Path;
use std::process::Command;
use test_vault::TestVault;

#[test]
fn an_independent_python_program_decrypts_values_given_the_kek() {
    let vault = TestVault::with_project("My Agent");
    vault.ok(&["secret", "set", "DB_PASSWORD"], "pâss-default");
    vault.ok(
        &["secret", "set", "DB_PASSWORD", "--env", "production"],
        "pâss-prod",
    );
    vault.ok(
        &["secret", "set", "TOKEN", "--visibility", "restricted"],
        "restricted-token",
    );
    let user = format!("vault-{}", vault.vault_id());
    let kek = Command::new("secret-tool")
        .args(["lookup", "service", "agent-secrets", "username", &user])
        .output()
        .unwrap();
    let kek = String::from_utf8(kek.stdout).unwrap();

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../docs/decrypt_value.py");
    let decrypt = |secret: &str, env: Option<&str>| {
        let out = Command::new("python3")
            .arg(&script)
            .arg(vault.database())
            .arg(kek.trim())
            .arg("My Agent")
            .arg(secret)
            .args(env)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(decrypt("DB_PASSWORD", None), "pâss-default");
    assert_eq!(decrypt("DB_PASSWORD", Some("Production")), "pâss-prod");
    assert_eq!(decrypt("DB_PASSWORD", Some("Development")), "pâss-default");
    assert_eq!(decrypt("TOKEN", None), "restricted-token");
}

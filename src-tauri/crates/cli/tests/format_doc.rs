//! docs/FORMAT.md is precise enough for an independent program: docs/decrypt_value.py (Python
//! + `cryptography`, no code of ours) decrypts values from a real vault with the keyring's KEK.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn cli(home: &Path, args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agent-secrets"))
        .arg("--home")
        .arg(home)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_independent_python_program_decrypts_values_given_the_kek() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "this test needs a Secret Service keyring: run it through scripts/test.sh"
    );
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    cli(home, &["project", "create", "My Agent"], "");
    cli(home, &["secret", "set", "DB_PASSWORD"], "pâss-default");
    cli(
        home,
        &["secret", "set", "DB_PASSWORD", "--env", "production"],
        "pâss-prod",
    );
    cli(
        home,
        &["secret", "set", "TOKEN", "--visibility", "restricted"],
        "restricted-token",
    );
    let doctor: serde_json::Value =
        serde_json::from_str(&cli(home, &["--json", "doctor"], "")).unwrap();
    let user = format!("vault-{}", doctor["vaultId"].as_str().unwrap());
    let kek = Command::new("secret-tool")
        .args(["lookup", "service", "agent-secrets", "username", &user])
        .output()
        .unwrap();
    let kek = String::from_utf8(kek.stdout).unwrap();

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../docs/decrypt_value.py");
    let decrypt = |secret: &str, env: Option<&str>| {
        let out = Command::new("python3")
            .arg(&script)
            .arg(home.join("vault.sqlite3"))
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

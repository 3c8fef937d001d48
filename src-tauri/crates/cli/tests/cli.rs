//! Black-box tests of the `agent-secrets` binary against a temp home and the REAL OS keyring
//! (Secret Service). scripts/test.sh runs them inside a private D-Bus session with a throwaway
//! gnome-keyring; run there, they never touch the user's own keyring.

mod test_vault;

use std::process::{Command, Output};
use test_vault::TestVault;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn secret_tool(args: &[&str]) -> Output {
    Command::new("secret-tool")
        .args(args)
        .output()
        .expect("secret-tool (libsecret-tools) is installed")
}

#[test]
fn set_then_get_round_trips_and_strips_one_newline() {
    let home = TestVault::with_project("Agent");
    home.ok(&["secret", "set", "DB_PASSWORD"], "pâss $HOME \"q\"\n");
    assert_eq!(
        home.ok(&["secret", "get", "DB_PASSWORD"], ""),
        "pâss $HOME \"q\"\n"
    );
    home.ok(&["secret", "set", "EMPTY"], "");
    assert_eq!(home.ok(&["secret", "get", "EMPTY"], ""), "\n");
    let json: serde_json::Value =
        serde_json::from_str(&home.ok(&["--json", "secret", "get", "DB_PASSWORD"], "")).unwrap();
    assert_eq!(json["value"], "pâss $HOME \"q\"");
}

#[test]
fn restricted_values_are_refused_by_get() {
    let home = TestVault::with_project("Agent");
    home.ok(
        &["secret", "set", "API_TOKEN", "--visibility", "restricted"],
        "CANARY-tok-991",
    );
    for args in [
        &["secret", "get", "API_TOKEN"][..],
        &["--json", "secret", "get", "API_TOKEN"],
        &["secret", "get", "API_TOKEN", "--env", "production"],
    ] {
        let out = home.run(args, b"");
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        assert!(stderr(&out).contains("Restricted"), "{}", stderr(&out));
        assert!(!stderr(&out).contains("CANARY"));
    }
}

#[test]
fn json_list_has_names_and_states_but_no_values() {
    let home = TestVault::with_project("Agent");
    home.ok(&["secret", "set", "A"], "CANARY-a-123");
    home.ok(
        &["secret", "set", "A", "--env", "production"],
        "CANARY-a-prod",
    );
    home.ok(
        &[
            "secret",
            "set",
            "ONLY_PROD",
            "--env",
            "Production",
            "--visibility",
            "restricted",
        ],
        "CANARY-p",
    );
    let text = home.ok(&["--json", "secret", "list", "--env", "development"], "");
    assert!(!text.contains("CANARY"), "{text}");
    let list: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(list[0]["name"], "A");
    assert_eq!(list[0]["overriddenIn"], serde_json::json!(["Production"]));
    assert_eq!(list[0]["state"], "default");
    assert_eq!(list[1]["name"], "ONLY_PROD");
    assert_eq!(list[1]["missingIn"], serde_json::json!(["Development"]));
    assert_eq!(list[1]["state"], "missing");
    let human = home.ok(&["secret", "list"], "");
    assert!(
        human.contains("ONLY_PROD") && !human.contains("CANARY"),
        "{human}"
    );
    // The values are not in the file either.
    let mut bytes = std::fs::read(home.database()).unwrap();
    bytes.extend(std::fs::read(home.home().join("vault.sqlite3-wal")).unwrap_or_default());
    assert!(!bytes.windows(6).any(|w| w == b"CANARY"));
}

#[test]
fn overrides_per_environment_and_unset() {
    let home = TestVault::with_project("Agent");
    home.ok(&["env", "create", "Staging"], "");
    home.ok(&["secret", "set", "URL"], "default");
    home.ok(&["secret", "set", "URL", "--env", "staging"], "staging");
    assert_eq!(
        home.ok(&["secret", "get", "URL", "--env", "Staging"], ""),
        "staging\n"
    );
    assert_eq!(
        home.ok(&["secret", "get", "URL", "--env", "Production"], ""),
        "default\n"
    );
    home.ok(&["secret", "unset", "URL", "--env", "staging"], "");
    assert_eq!(
        home.ok(&["secret", "get", "URL", "--env", "Staging"], ""),
        "default\n"
    );
    let out = home.run(&["secret", "unset", "URL", "--env", "staging"], b"");
    assert_eq!(out.status.code(), Some(1));
    let out = home.run(&["env", "delete", "Production"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("built in"), "{}", stderr(&out));
    home.ok(&["env", "delete", "Staging"], "");
    assert!(!home.ok(&["env", "list"], "").contains("Staging"));
}

#[test]
fn errors_are_clear_and_exit_non_zero() {
    let home = TestVault::with_project("Agent");
    let out = home.run(&["secret", "get", "NOPE"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("error: "), "{}", stderr(&out));
    let out = home.run(&["--json", "secret", "get", "NOPE"], b"");
    let err: serde_json::Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["error"]["code"], "not_found");
    let out = home.run(&["secret", "set", "1BAD"], b"x");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("starts with a letter"),
        "{}",
        stderr(&out)
    );
    // Usage errors exit 2, like clap's own.
    assert_eq!(
        home.run(&["secret", "frobnicate"], b"").status.code(),
        Some(2)
    );
    assert_eq!(
        home.run(&["project", "delete", "Agent"], b"").status.code(),
        Some(2)
    );
    assert!(home.ok(&["project", "list"], "").contains("Agent"));
    home.ok(&["project", "create", "Second"], "");
    let out = home.run(&["secret", "list"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--project"), "{}", stderr(&out));
    assert!(home
        .ok(&["secret", "list", "--project", "second"], "")
        .contains("No secrets"));
    home.ok(&["project", "delete", "Second", "--yes"], "");
}

#[test]
fn commands_before_any_vault_explain_and_create_nothing() {
    let home = TestVault::empty();
    let out = home.run(&["secret", "list"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("project create"), "{}", stderr(&out));
    assert!(home.ok(&["project", "list"], "").contains("No projects"));
    let doctor: serde_json::Value =
        serde_json::from_str(&home.ok(&["--json", "doctor"], "")).unwrap();
    assert_eq!(doctor["vaultExists"], false);
    assert_eq!(doctor["keyringReachable"], true);
    assert!(!home.database().exists());
}

#[test]
fn the_key_lives_in_the_secret_service_under_the_vault_id() {
    let home = TestVault::with_project("Agent");
    let user = format!("vault-{}", home.vault_id());
    let out = secret_tool(&["lookup", "service", "agent-secrets", "username", &user]);
    let key = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        key.trim().len(),
        64,
        "expected 64 hex digits in the keyring entry"
    );
    assert!(key.trim().chars().all(|c| c.is_ascii_hexdigit()));
}

#[test]
fn a_deleted_keyring_entry_locks_the_vault_and_the_recovery_key_restores_it() {
    let home = TestVault::with_project("Agent");
    home.ok(&["secret", "set", "A"], "alpha");
    home.ok(
        &[
            "secret",
            "set",
            "B",
            "--visibility",
            "restricted",
            "--env",
            "production",
        ],
        "bravo",
    );
    let recovery = home.ok(&["recovery", "show"], "");
    let user = format!("vault-{}", home.vault_id());
    assert!(
        secret_tool(&["clear", "service", "agent-secrets", "username", &user])
            .status
            .success()
    );

    let before = std::fs::read(home.database()).unwrap();
    let out = home.run(&["doctor"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("LOCKED"));
    for (args, stdin) in [
        (&["secret", "set", "C"][..], "c"),
        (&["secret", "get", "A"], ""),
        (&["secret", "rm", "A"], ""),
        (&["project", "create", "X"], ""),
    ] {
        let out = home.run(args, stdin.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("locked"), "{}", stderr(&out));
    }
    assert_eq!(
        std::fs::read(home.database()).unwrap(),
        before,
        "a locked vault's file changed"
    );
    // Names are still listed.
    assert!(home.ok(&["secret", "list"], "").contains("A"));

    let out = home.run(&["recovery", "restore"], b"AAAA-BBBB\n");
    assert_eq!(out.status.code(), Some(1));
    home.ok(&["recovery", "restore"], &recovery);
    assert_eq!(home.ok(&["secret", "get", "A"], ""), "alpha\n");
    assert!(home.ok(&["doctor"], "").contains("Key check       ok"));
}

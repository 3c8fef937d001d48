//! `project duplicate | export | import | export-dotenv-example` and `secret import-dotenv`,
//! through the real binary and keyring: names travel, values never do; a .env brings values
//! in literally, all or nothing.

mod test_vault;

use test_vault::TestVault;

const CANARY_DEFAULT: &str = "cli-canary-default-Zr8Qp";
const CANARY_PROD: &str = "cli-canary-prod-Wm3Tx";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn seeded() -> TestVault {
    let vault = TestVault::new();
    vault.set("API_KEY", CANARY_DEFAULT, None, "masked");
    vault.set("API_KEY", CANARY_PROD, Some("production"), "masked");
    vault.set_restricted("DB_PASSWORD", CANARY_DEFAULT);
    vault
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).expect("JSON output")
}

#[test]
fn export_writes_names_only_and_import_needs_values() {
    let vault = seeded();
    let file = vault.home().join("demo.agent-secrets.json");
    let file_arg = file.to_str().unwrap();
    let out = vault.ok(&["project", "export", "Demo", "-o", file_arg], "");
    assert!(out.contains("names only"), "{out}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(!written.contains(CANARY_DEFAULT) && !written.contains(CANARY_PROD));
    let document = json(&written);
    assert_eq!(document["format"], "agent-secrets-project");
    assert_eq!(document["version"], 2);
    assert_eq!(
        document["project"]["secrets"][0]["overriddenIn"],
        serde_json::json!(["Production"])
    );

    let out = vault.ok(&["--json", "project", "import", file_arg], "");
    let report = json(&out);
    assert_eq!(report["report"]["project"]["name"], "Demo (2)");
    assert_eq!(report["report"]["needsValues"], 2);
    assert_eq!(report["report"]["pendingValues"], 3);
    // The imported secrets have no values yet.
    let get = vault.run(&["secret", "get", "API_KEY", "--project", "Demo (2)"], b"");
    assert!(!get.status.success());
    assert!(!text(&get.stdout).contains(CANARY_DEFAULT));
    // Entering one through `secret set` fills it.
    vault.ok(
        &["secret", "set", "API_KEY", "--project", "Demo (2)"],
        "new-default",
    );
    assert_eq!(
        vault.ok(&["secret", "get", "API_KEY", "--project", "Demo (2)"], ""),
        "new-default\n"
    );
}

#[test]
fn duplicate_keeps_names_without_values() {
    let vault = seeded();
    let out = vault.ok(&["project", "duplicate", "Demo"], "");
    assert!(
        out.contains("\"Demo (copy)\"") && out.contains("2 secrets need values"),
        "{out}"
    );
    let list = vault.ok(
        &["--json", "secret", "list", "--project", "Demo (copy)"],
        "",
    );
    assert!(!list.contains(CANARY_DEFAULT));
    let rows = json(&list);
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["API_KEY", "DB_PASSWORD"]);
    let run = vault.run(&["run", "--project", "Demo (copy)", "--", "true"], b"");
    assert!(
        !run.status.success(),
        "the duplicate has no values to run with"
    );
}

#[test]
fn a_rejected_import_says_where_and_changes_nothing() {
    let vault = seeded();
    let before = vault.ok(&["--json", "project", "list"], "");
    let file = vault.home().join("bad.json");
    std::fs::write(
        &file,
        r#"{"format":"agent-secrets-project","version":1,"project":{"name":"X",
            "environments":[{"name":"Development","kind":"development"},{"name":"Production","kind":"production"}],
            "secrets":[{"name":"A","visibility":"masked","value":"leak-me"}]}}"#,
    )
    .unwrap();
    let out = vault.run(&["project", "import", file.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert!(
        message.contains("contains values") && message.contains("project.secrets[0].value"),
        "{message}"
    );
    assert!(!message.contains("leak-me"));
    assert_eq!(vault.ok(&["--json", "project", "list"], ""), before);
}

#[test]
fn dotenv_import_is_literal_and_all_or_nothing() {
    let vault = TestVault::new();
    let env = vault.home().join(".env");
    std::fs::write(
        &env,
        "# local settings\nexport PASSWORD=\"pa$$word$HOME\"\nTOKEN='t0k$n'\nMULTI=\"a\nb\"\n",
    )
    .unwrap();
    let env_arg = env.to_str().unwrap();
    let preview = vault.ok(&["secret", "import-dotenv", env_arg, "--dry-run"], "");
    assert!(
        preview.contains("PASSWORD") && preview.contains("new (Masked)"),
        "{preview}"
    );
    let out = vault.ok(
        &["secret", "import-dotenv", env_arg, "--visibility", "masked"],
        "",
    );
    assert!(out.contains("3 new, 0 updated"), "{out}");
    assert_eq!(
        vault.ok(&["secret", "get", "PASSWORD"], ""),
        "pa$$word$HOME\n"
    );
    assert_eq!(vault.ok(&["secret", "get", "TOKEN"], ""), "t0k$n\n");
    assert_eq!(vault.ok(&["secret", "get", "MULTI"], ""), "a\nb\n");

    // Restricted for new secrets; an invalid line stops everything.
    std::fs::write(&env, "PASSWORD=changed\nNEW_ONE=x\nnot a line\n").unwrap();
    let out = vault.run(
        &[
            "secret",
            "import-dotenv",
            env_arg,
            "--visibility",
            "restricted",
        ],
        b"",
    );
    assert!(!out.status.success());
    let message = text(&out.stderr);
    assert!(message.contains("line 3"), "{message}");
    assert_eq!(
        vault.ok(&["secret", "get", "PASSWORD"], ""),
        "pa$$word$HOME\n"
    );
    assert!(!vault.ok(&["secret", "list"], "").contains("NEW_ONE"));

    std::fs::write(&env, "NEW_ONE=x\n").unwrap();
    vault.ok(
        &[
            "secret",
            "import-dotenv",
            env_arg,
            "--visibility",
            "restricted",
        ],
        "",
    );
    let get = vault.run(&["secret", "get", "NEW_ONE"], b"");
    assert!(
        !get.status.success(),
        "a Restricted secret is never printed"
    );
}

#[test]
fn dotenv_example_lists_sorted_names() {
    let vault = seeded();
    let file = vault.home().join(".env.example");
    vault.ok(
        &[
            "project",
            "export-dotenv-example",
            "Demo",
            "-o",
            file.to_str().unwrap(),
        ],
        "",
    );
    let written = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = written.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines, ["API_KEY=", "DB_PASSWORD="]);
    assert!(!written.contains(CANARY_DEFAULT));
}

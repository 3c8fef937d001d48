//! `agent-secrets inject`: rendering templates, its errors, the 0600 atomic output file, and
//! the refusal to print a Restricted value to a terminal.

mod test_vault;

use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;
use test_vault::TestVault;

const API_KEY: &str = "sk-live-4f9a8b7c6d5e";
const DB_PASSWORD: &str = "correct-horse-battery";

fn vault_with_secrets() -> TestVault {
    let vault = TestVault::new();
    vault.set_masked("API_KEY", API_KEY);
    vault.set_restricted("DB_PASSWORD", DB_PASSWORD);
    vault
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn renders_references_and_leaves_json_and_escapes_alone() {
    let vault = vault_with_secrets();
    vault.set("API_KEY", "prod-key-5678", Some("production"), "masked");
    let template = vault.home().join("body.tmpl");
    std::fs::write(
        &template,
        "{\"auth\": \"Bearer {API_KEY}\", \"n\": {\"a\": 1}, \"lit\": \"\\{API_KEY}\"}\n{ API_KEY }\n",
    )
    .unwrap();
    let rendered = vault.ok(&["inject", "-i", template.to_str().unwrap()], "");
    assert_eq!(
        rendered,
        format!(
            "{{\"auth\": \"Bearer {API_KEY}\", \"n\": {{\"a\": 1}}, \"lit\": \"{{API_KEY}}\"}}\n{{ API_KEY }}\n"
        )
    );
    let production = vault.ok(
        &[
            "inject",
            "-i",
            template.to_str().unwrap(),
            "--env",
            "Production",
        ],
        "",
    );
    assert!(production.contains("Bearer prod-key-5678"), "{production}");
}

#[test]
fn reads_the_template_from_stdin() {
    let vault = vault_with_secrets();
    let out = vault.ok(&["inject", "-i", "-"], "key={API_KEY}");
    assert_eq!(out, format!("key={API_KEY}"));
}

#[test]
fn a_restricted_value_goes_to_a_pipe_or_a_file() {
    let vault = vault_with_secrets();
    let out = vault.ok(
        &["inject", "-i", "-"],
        "postgres://app:{DB_PASSWORD}@db/app",
    );
    assert_eq!(out, format!("postgres://app:{DB_PASSWORD}@db/app"));
}

#[test]
fn the_output_file_is_replaced_atomically_with_mode_0600() {
    let vault = vault_with_secrets();
    let out_file = vault.home().join("config.env");
    std::fs::write(&out_file, "old contents").unwrap();
    std::fs::set_permissions(&out_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let stdout = vault.ok(
        &["inject", "-i", "-", "-o", out_file.to_str().unwrap()],
        "DB={DB_PASSWORD}\nKEY={API_KEY}\n",
    );
    assert_eq!(stdout, "", "nothing on stdout with -o");
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap(),
        format!("DB={DB_PASSWORD}\nKEY={API_KEY}\n")
    );
    let mode = std::fs::metadata(&out_file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let names: Vec<_> = std::fs::read_dir(vault.home())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(names.is_empty(), "temporary files left: {names:?}");
}

#[test]
fn every_unresolved_reference_is_reported_and_nothing_is_written() {
    let vault = vault_with_secrets();
    vault.set("PROD_ONLY", "prod-only-value", Some("production"), "masked");
    let out_file = vault.home().join("out.txt");
    let out = vault.run(
        &["inject", "-i", "-", "-o", out_file.to_str().unwrap()],
        b"ok {API_KEY}\n  {NOPE} and {PROD_ONLY}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("{NOPE} at line 2, column 3 (byte 15)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("{PROD_ONLY} at line 2, column 14")
            && stderr.contains("has no value in Development"),
        "{stderr}"
    );
    assert!(!stderr.contains(API_KEY));
    assert!(!out_file.exists());
}

#[test]
fn a_missing_value_of_an_unreferenced_secret_is_no_error() {
    let vault = vault_with_secrets();
    vault.set("PROD_ONLY", "prod-only-value", Some("production"), "masked");
    assert_eq!(vault.ok(&["inject", "-i", "-"], "{API_KEY}"), API_KEY);
}

/// Runs `agent-secrets ARGS` with a terminal (a pseudo-terminal) as its standard output.
fn on_a_terminal(vault: &TestVault, args: &[&str]) -> (Option<i32>, String) {
    let program = "import os, pty, sys\n\
                   sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))";
    let out = std::process::Command::new("python3")
        .args(["-c", program, test_vault::BIN, "--home"])
        .arg(vault.home())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (out.status.code(), text(&out.stdout))
}

#[test]
fn a_restricted_value_is_never_printed_to_a_terminal() {
    let vault = vault_with_secrets();
    let template = vault.home().join("t.tmpl");
    std::fs::write(&template, "db={DB_PASSWORD}").unwrap();
    let (code, screen) = on_a_terminal(&vault, &["inject", "-i", template.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{screen}");
    assert!(!screen.contains(DB_PASSWORD), "{screen}");
    assert!(
        screen.contains("Restricted") && screen.contains("DB_PASSWORD") && screen.contains("-o"),
        "{screen}"
    );

    std::fs::write(&template, "key={API_KEY}").unwrap();
    let (code, screen) = on_a_terminal(&vault, &["inject", "-i", template.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains(&format!("key={API_KEY}")), "{screen}");
}

#[test]
fn a_template_that_is_not_utf8_is_refused() {
    let vault = vault_with_secrets();
    let out = vault.run(&["inject", "-i", "-"], b"abc\xff{API_KEY}");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not UTF-8"));
}

//! `agent-secrets scan` end to end: a real vault (real keyring), a real folder and a real git
//! repository made here; output format, exit codes, --json, --sarif, --staged and the hook, and
//! no value in any encoding ever in the output.

mod test_vault;

use agent_secrets_core::encoded_forms::encoded_forms;
use std::path::Path;
use std::process::{Command, Output};
use test_vault::{TestVault, BIN};

const API_KEY: &str = "sk-live-4eC39HqLyjWDarjtT1zdp7dc";
const DB_PASSWORD: &str = "p@ss w/rd&more=yes";
const PROD_TOKEN: &str = "prod-only-token-Zq81Lm";

fn vault() -> TestVault {
    let vault = TestVault::new();
    vault.set_masked("API_KEY", API_KEY);
    vault.set("DB_PASSWORD", DB_PASSWORD, None, "restricted");
    vault.set("DB_PASSWORD", PROD_TOKEN, Some("production"), "restricted");
    vault
}

fn scan(vault: &TestVault, args: &[&str]) -> Output {
    let mut full = vec!["scan"];
    full.extend_from_slice(args);
    vault.run(&full, b"")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, relative: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .unwrap()
}

/// Fails if any encoded form of any value is in `output`.
fn assert_no_value(output: &Output) {
    let all = [&output.stdout[..], &output.stderr[..]].concat();
    for value in [API_KEY, DB_PASSWORD, PROD_TOKEN] {
        for form in encoded_forms(value.as_bytes()) {
            assert!(
                !all.windows(form.bytes.len()).any(|w| w == &form.bytes[..]),
                "a {:?} form of a value is in the output",
                form.form
            );
        }
    }
}

#[test]
fn findings_are_printed_by_name_environment_and_form_and_exit_1() {
    let vault = vault();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/app.py", format!("key = \"{API_KEY}\"\n"));
    let query = "p%40ss%20w%2Frd%26more%3Dyes";
    write(
        dir.path(),
        "notes/request.log",
        format!("ok\nGET /login?pw={query}\n"),
    );
    let b64 = data_encoding::BASE64.encode(format!("token={PROD_TOKEN}").as_bytes());
    write(dir.path(), "deploy/values.yaml", format!("secret: {b64}\n"));

    let out = scan(&vault, &[dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let root = dir.path().display();
    assert!(
        stdout.contains(&format!(
            "{root}/src/app.py:1:8  API_KEY (default, plain)\n"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{root}/notes/request.log:2:15  DB_PASSWORD (default, url)\n"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{root}/deploy/values.yaml:1:17  DB_PASSWORD (Production, base64)\n"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("3 finding(s) of 2 secret(s)"), "{stdout}");
    assert_no_value(&out);
}

#[test]
fn a_clean_tree_exits_0_and_ignored_or_binary_files_are_skipped() {
    let vault = vault();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "README.md", "nothing here\n");
    write(dir.path(), ".gitignore", "local.env\n");
    write(dir.path(), "local.env", format!("API_KEY={API_KEY}\n"));
    write(
        dir.path(),
        "tool.bin",
        [b"\0\x01\x02".as_slice(), API_KEY.as_bytes()].concat(),
    );

    let out = scan(&vault, &[dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).starts_with("No secret values found"));

    let out = scan(
        &vault,
        &[dir.path().to_str().unwrap(), "--no-ignore", "--binary"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("local.env:1:9  API_KEY"), "{stdout}");
    assert!(stdout.contains("tool.bin:1:4  API_KEY"), "{stdout}");
    assert_no_value(&out);
}

#[test]
fn git_history_finds_a_value_removed_later_and_a_plain_scan_does_not() {
    let vault = vault();
    let repo = tempfile::tempdir().unwrap();
    let repo = repo.path();
    assert!(git(repo, &["init", "-q", "-b", "main"]).status.success());
    write(repo, "config.json", format!("{{\"key\": \"{API_KEY}\"}}\n"));
    assert!(git(repo, &["add", "."]).status.success());
    assert!(git(repo, &["commit", "-q", "-m", "one"]).status.success());
    let first = text(&git(repo, &["rev-parse", "HEAD"]).stdout)
        .trim()
        .to_owned();
    write(repo, "config.json", "{\"key\": null}\n");
    assert!(git(repo, &["commit", "-q", "-am", "two"]).status.success());

    let plain = scan(&vault, &[repo.to_str().unwrap()]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stdout));
    let history = scan(&vault, &[repo.to_str().unwrap(), "--git"]);
    assert_eq!(history.status.code(), Some(1));
    let stdout = text(&history.stdout);
    assert!(
        stdout.contains(&format!(
            "{}:config.json:1:10  API_KEY (default, plain)",
            &first[..12]
        )),
        "{stdout}"
    );
    assert!(stdout.contains("git blobs"), "{stdout}");
    assert_no_value(&history);
}

#[test]
fn agents_transcripts_under_home_are_scanned() {
    let vault = vault();
    let home = tempfile::tempdir().unwrap();
    let line =
        serde_json::json!({ "role": "user", "content": format!("my password is {DB_PASSWORD}") });
    write(
        home.path(),
        ".claude/projects/-tmp-x/session.jsonl",
        format!("{line}\n"),
    );
    let empty = tempfile::tempdir().unwrap();
    let out = vault
        .command(&["scan", "--agents", empty.path().to_str().unwrap()])
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("session.jsonl:1:") && stdout.contains("DB_PASSWORD (default, plain)"),
        "{stdout}"
    );
    assert_no_value(&out);
}

#[test]
fn json_lines_sarif_and_usage_errors() {
    let vault = vault();
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        format!("{API_KEY}\n{}\n", hex::encode(API_KEY)),
    );
    let path = dir.path().to_str().unwrap();

    let out = vault.run(&["--json", "scan", path], b"");
    assert_eq!(out.status.code(), Some(1));
    let findings: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["secret"], "API_KEY");
    assert_eq!(findings[0]["form"], "plain");
    assert_eq!(findings[1]["form"], "hex");
    assert_eq!(findings[1]["line"], 2);
    assert!(text(&out.stderr).contains("2 finding(s)"));
    assert_no_value(&out);

    let out = scan(&vault, &[path, "--sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    assert_no_value(&out);

    for args in [
        vec!["--json", "scan", path, "--sarif"],
        vec!["scan", "/nonexistent/folder/for/sure"],
        vec!["scan", path, "--git"],
        vec!["scan", "--staged", "--git"],
    ] {
        let out = vault.run(&args, b"");
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn the_installed_hook_refuses_a_commit_that_stages_a_value() {
    let vault = vault();
    let repo = tempfile::tempdir().unwrap();
    let repo = repo.path();
    assert!(git(repo, &["init", "-q", "-b", "main"]).status.success());
    let out = vault.run(&["scan", "install-hook", repo.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("pre-commit"));
    let hook = std::fs::read_to_string(repo.join(".git/hooks/pre-commit")).unwrap();
    assert!(
        hook.contains(BIN) && hook.contains("scan --staged --project Demo"),
        "{hook}"
    );

    write(repo, "clean.txt", "nothing\n");
    write(repo, "leak.txt", format!("pw={PROD_TOKEN}\n"));
    assert!(git(repo, &["add", "clean.txt"]).status.success());
    let ok = git(repo, &["commit", "-q", "-m", "clean"]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));

    assert!(git(repo, &["add", "leak.txt"]).status.success());
    let refused = git(repo, &["commit", "-q", "-m", "leak"]);
    assert!(!refused.status.success(), "the hook let the value through");
    let said = text(&[&refused.stdout[..], &refused.stderr[..]].concat());
    assert!(
        said.contains("leak.txt:1:4  DB_PASSWORD (Production, plain)"),
        "{said}"
    );
    assert_no_value(&refused);

    let again = vault.run(&["scan", "install-hook", repo.to_str().unwrap()], b"");
    assert!(text(&again.stdout).contains("Already installed"));
}

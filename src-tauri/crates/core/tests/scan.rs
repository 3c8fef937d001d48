//! The leak scan on real folders and a real git repository made in the test: every encoded
//! form, .gitignore, binary files, history, staged content, agent transcripts, and the values
//! of a real vault (defaults and overrides, Restricted included).

mod common;

use agent_secrets_core::encoded_forms::{encoded_forms, Form};
use agent_secrets_core::scan::{
    install_pre_commit_hook, scan, Finding, HookInstalled, Needles, Origin, Progress, ScanError,
    ScanOptions, ScanReport,
};
use agent_secrets_core::{OverrideEdit, Visibility};
use common::{secret, TestVault};
use std::path::{Path, PathBuf};
use std::process::Command;

const SOURCE_KEY: &str = "sk-live-4eC39HqLyjWDarjtT1zdp7dc";
const CONFIG_TOKEN: &str = "ghp_R2d2C3poObiWan+Kenobi/42";
const LOG_SECRET: &str = "pw-Correct-Horse-Battery";
const QUERY_SECRET: &str = "p@ss w/rd&more=yes";
const JSON_SECRET: &str = "quote\"back\\slash/é";
const OLD_SECRET: &str = "removed-later-0xDEADBEEF";

fn needles() -> Needles {
    let mut needles = Needles::new();
    for (name, value) in [
        ("SOURCE_KEY", SOURCE_KEY),
        ("CONFIG_TOKEN", CONFIG_TOKEN),
        ("LOG_SECRET", LOG_SECRET),
        ("QUERY_SECRET", QUERY_SECRET),
        ("JSON_SECRET", JSON_SECRET),
        ("OLD_SECRET", OLD_SECRET),
    ] {
        needles.add("Bot", name, "default", value.as_bytes());
    }
    needles
}

fn options(paths: &[&Path]) -> ScanOptions {
    ScanOptions {
        paths: paths.iter().map(|p| p.to_path_buf()).collect(),
        respect_ignore: true,
        ..ScanOptions::default()
    }
}

fn run(needles: &Needles, options: &ScanOptions) -> ScanReport {
    scan(needles, options, &Progress::default()).unwrap()
}

fn write(dir: &Path, relative: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    path
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=hooks-none",
        ])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn git_stdout(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn names(report: &ScanReport) -> Vec<(String, Form, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.secret.clone(), f.form, file_name(&f.path)))
        .collect()
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn find<'a>(report: &'a ScanReport, secret: &str) -> Vec<&'a Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.secret == secret)
        .collect()
}

/// A folder with each secret leaked in a different form.
fn leaky_tree(dir: &Path) {
    write(
        dir,
        "src/app.py",
        format!("import os\n\nclient = Client(api_key=\"{SOURCE_KEY}\")\n"),
    );
    let b64 = data_encoding::BASE64.encode(format!("token: {CONFIG_TOKEN}\n").as_bytes());
    write(
        dir,
        "config/settings.yaml",
        format!("# generated\nblob: {b64}\n"),
    );
    let hex = hex::encode_upper(LOG_SECRET.as_bytes());
    write(
        dir,
        "logs/debug.log",
        format!("line one\nline two\npayload={hex} end\n"),
    );
    let query = QUERY_SECRET
        .replace('@', "%40")
        .replace(' ', "%20")
        .replace('/', "%2F")
        .replace('&', "%26")
        .replace('=', "%3D");
    write(
        dir,
        "docs/request.txt",
        format!("GET https://api.example.org/v1?user=me&password={query}\n"),
    );
    let json = serde_json::to_string(&serde_json::json!({ "secret": JSON_SECRET })).unwrap();
    write(dir, "data/export.json", format!("[\n  {json}\n]\n"));
}

#[test]
fn every_form_is_found_where_it_is_with_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    leaky_tree(dir.path());
    let report = run(&needles(), &options(&[dir.path()]));
    let mut found = names(&report);
    found.sort();
    assert_eq!(
        found,
        vec![
            ("CONFIG_TOKEN".into(), Form::Base64, "settings.yaml".into()),
            ("JSON_SECRET".into(), Form::Json, "export.json".into()),
            ("LOG_SECRET".into(), Form::Hex, "debug.log".into()),
            ("QUERY_SECRET".into(), Form::Url, "request.txt".into()),
            ("SOURCE_KEY".into(), Form::Plain, "app.py".into()),
        ]
    );
    let source = find(&report, "SOURCE_KEY")[0];
    assert_eq!((source.line, source.column), (3, 26));
    assert_eq!(source.origin, Origin::File);
    let log = find(&report, "LOG_SECRET")[0];
    assert_eq!((log.line, log.column), (3, 9));
    assert_eq!(report.summary.read.files, 5);
    assert_eq!(report.summary.values, 6);
}

#[test]
fn ignored_and_binary_files_are_skipped_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".gitignore", "secrets.local\n");
    write(dir.path(), "secrets.local", SOURCE_KEY);
    let mut binary = b"\x7fELF\0\0\0".to_vec();
    binary.extend_from_slice(SOURCE_KEY.as_bytes());
    write(dir.path(), "bin/tool", &binary);
    // Hidden files are scanned: .env is where values leak first.
    write(dir.path(), ".env", format!("KEY={LOG_SECRET}\n"));

    let report = run(&needles(), &options(&[dir.path()]));
    assert_eq!(
        names(&report),
        vec![("LOG_SECRET".into(), Form::Plain, ".env".into())]
    );
    assert_eq!(report.summary.skipped_binary, 1);

    let mut all = options(&[dir.path()]);
    all.respect_ignore = false;
    all.binary = true;
    let mut found: Vec<String> = names(&run(&needles(), &all))
        .into_iter()
        .map(|(_, _, file)| file)
        .collect();
    found.sort();
    assert_eq!(found, vec![".env", "secrets.local", "tool"]);
}

#[test]
fn a_clean_tree_has_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "README.md", "nothing to see\n");
    write(dir.path(), "src/lib.rs", "fn main() {}\n");
    let report = run(&needles(), &options(&[dir.path()]));
    assert!(report.findings.is_empty());
    assert!(report.summary_line().starts_with("No secret values found"));
}

#[test]
fn symlinks_are_not_followed_out_of_the_tree() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "leak.txt", SOURCE_KEY);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "fine\n");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.path(), dir.path().join("linked-dir")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("leak.txt"),
            dir.path().join("linked-file"),
        )
        .unwrap();
    }
    let report = run(&needles(), &options(&[dir.path()]));
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_value_removed_in_a_later_commit_is_found_only_with_history() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    write(repo, "config.env", format!("OLD={OLD_SECRET}\n"));
    write(repo, "README.md", "hello\n");
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "add config"]);
    let first = git_stdout(repo, &["rev-parse", "HEAD"]);
    write(repo, "config.env", "OLD=from-the-vault\n");
    git(repo, &["commit", "-q", "-am", "remove the value"]);
    // A second branch with the same content again: the blob is read once.
    git(repo, &["checkout", "-q", "-b", "again", &first]);
    git(repo, &["checkout", "-q", "main"]);

    let plain = run(&needles(), &options(&[repo]));
    assert!(plain.findings.is_empty(), "{:?}", plain.findings);

    let mut with_git = options(&[repo]);
    with_git.git_history = true;
    let report = run(&needles(), &with_git);
    let found = find(&report, "OLD_SECRET");
    assert_eq!(found.len(), 1, "{:?}", report.findings);
    assert_eq!(found[0].origin, Origin::GitHistory);
    assert_eq!(found[0].path, "config.env");
    assert_eq!(found[0].commit.as_deref(), Some(first.as_str()));
    assert_eq!((found[0].line, found[0].column), (1, 5));
    assert!(found[0].location().starts_with(&first[..12]));
}

#[test]
fn history_of_a_folder_outside_git_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut with_git = options(&[dir.path()]);
    with_git.git_history = true;
    let error = scan(&needles(), &with_git, &Progress::default()).unwrap_err();
    assert!(matches!(error, ScanError::NotARepository(_)));
    assert!(error.is_usage());
    let missing = options(&[&dir.path().join("nope")]);
    let error = scan(&needles(), &missing, &Progress::default()).unwrap_err();
    assert!(matches!(error, ScanError::Missing(_)));
}

#[test]
fn staged_scans_only_what_is_staged_and_the_hook_refuses_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    write(repo, "unstaged.txt", SOURCE_KEY);
    write(repo, "staged.txt", format!("token {LOG_SECRET}\n"));
    git(repo, &["add", "staged.txt"]);
    let mut staged = options(&[repo]);
    staged.staged = true;
    let report = run(&needles(), &staged);
    assert_eq!(
        names(&report),
        vec![("LOG_SECRET".into(), Form::Plain, "staged.txt".into())]
    );
    assert_eq!(report.findings[0].origin, Origin::Staged);

    // The hook: a script that fails stands in for `agent-secrets scan --staged`.
    let command = vec!["false".to_owned(), "it's".to_owned()];
    let installed = install_pre_commit_hook(repo, &command).unwrap();
    let HookInstalled::Created(path) = installed else {
        panic!("{installed:?}")
    };
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("#!/bin/sh\n"));
    assert!(text.contains("false 'it'\\''s' || exit 1"));
    assert_eq!(
        install_pre_commit_hook(repo, &command).unwrap(),
        HookInstalled::AlreadyThere(path.clone())
    );
    let status = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(["commit", "-q", "-m", "x"])
        .status()
        .unwrap();
    assert!(!status.success(), "the hook must refuse the commit");
}

#[test]
fn an_existing_hook_keeps_its_lines_and_ours_runs_first() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    let hook = repo.join(".git/hooks/pre-commit");
    std::fs::write(&hook, "#!/bin/bash\necho theirs\nexit 0\n").unwrap();
    let installed = install_pre_commit_hook(repo, &["true".to_owned()]).unwrap();
    assert_eq!(installed, HookInstalled::AddedTo(hook.clone()));
    let text = std::fs::read_to_string(&hook).unwrap();
    let ours = text.find("true || exit 1").unwrap();
    assert!(ours < text.find("echo theirs").unwrap());

    std::fs::write(&hook, "#!/usr/bin/env python3\nprint()\n").unwrap();
    let error = install_pre_commit_hook(repo, &["true".to_owned()]).unwrap_err();
    assert!(matches!(error, ScanError::HookNotShell { .. }));
}

#[test]
fn agent_transcripts_under_home_are_found() {
    let home = tempfile::tempdir().unwrap();
    let transcript = serde_json::json!({"type": "user", "message": {"content": format!("use {JSON_SECRET} please")}});
    write(
        home.path(),
        ".claude/projects/-work-app/0b1c.jsonl",
        format!("{transcript}\n"),
    );
    write(
        home.path(),
        ".codex/sessions/2026/rollout.jsonl",
        format!("{{\"k\":\"{SOURCE_KEY}\"}}\n"),
    );
    // SQLite-like binary: agents' folders are searched binary files included.
    let mut db = b"SQLite format 3\0".to_vec();
    db.extend_from_slice(LOG_SECRET.as_bytes());
    write(
        home.path(),
        ".config/Cursor/User/globalStorage/state.vscdb",
        &db,
    );
    let project = tempfile::tempdir().unwrap();
    write(project.path(), ".gitignore", ".aider*\n");
    write(
        project.path(),
        ".aider.chat.history.md",
        format!("> {CONFIG_TOKEN}\n"),
    );

    let plain = run(&needles(), &options(&[project.path()]));
    assert!(plain.findings.is_empty());

    let mut agents = options(&[project.path()]);
    agents.agents = true;
    agents.home = Some(home.path().to_path_buf());
    let report = run(&needles(), &agents);
    let mut found: Vec<(String, String)> = report
        .findings
        .iter()
        .map(|f| (f.secret.clone(), file_name(&f.path)))
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("CONFIG_TOKEN".into(), ".aider.chat.history.md".into()),
            ("JSON_SECRET".into(), "0b1c.jsonl".into()),
            ("LOG_SECRET".into(), "state.vscdb".into()),
            ("SOURCE_KEY".into(), "rollout.jsonl".into()),
        ]
    );
    assert!(report.findings.iter().all(|f| f.origin == Origin::Agent));
}

#[test]
fn a_value_straddling_a_chunk_boundary_in_a_large_file_is_found_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut content = "0123456789abcdef ".repeat(40_000).into_bytes();
    let at = 256 * 1024 - 5;
    content.splice(at..at, SOURCE_KEY.bytes());
    write(dir.path(), "big.txt", &content);
    let report = run(&needles(), &options(&[dir.path()]));
    assert_eq!(find(&report, "SOURCE_KEY").len(), 1);
    assert_eq!(find(&report, "SOURCE_KEY")[0].column, at as u64 + 1);
}

#[test]
fn the_report_never_holds_a_value_in_any_form() {
    let dir = tempfile::tempdir().unwrap();
    leaky_tree(dir.path());
    let report = run(&needles(), &options(&[dir.path()]));
    let json = serde_json::to_string(&report).unwrap();
    let sarif = agent_secrets_core::scan::sarif_log(&report, "test").to_string();
    let text: Vec<String> = report.findings.iter().map(|f| f.text_line(true)).collect();
    let everything = format!(
        "{json}\n{sarif}\n{}\n{}",
        text.join("\n"),
        report.summary_line()
    );
    for value in [
        SOURCE_KEY,
        CONFIG_TOKEN,
        LOG_SECRET,
        QUERY_SECRET,
        JSON_SECRET,
        OLD_SECRET,
    ] {
        for form in encoded_forms(value.as_bytes()) {
            assert!(
                !common::contains(everything.as_bytes(), &form.bytes),
                "a {:?} form of a value is in the output",
                form.form
            );
        }
    }
}

#[test]
fn every_stored_value_of_a_vault_is_searched_restricted_and_overrides_included() {
    let mut t = TestVault::fresh();
    t.add(
        "MASKED_KEY",
        Some("masked-default-value"),
        Visibility::Masked,
    );
    let restricted = t.add(
        "LOCKED_KEY",
        Some("restricted-default-1"),
        Visibility::Restricted,
    );
    let production = t.env("Production");
    t.vault
        .apply_overrides(
            t.project,
            production,
            vec![OverrideEdit::Set {
                secret: restricted,
                value: secret("restricted-production-2"),
            }],
        )
        .unwrap();
    t.add("PIN", Some("1234"), Visibility::Masked);
    let needles = Needles::from_vault(&t.vault, &[t.project]).unwrap();
    assert_eq!(needles.searched(), 3);
    assert_eq!(needles.too_short().len(), 1);
    assert_eq!(needles.too_short()[0].secret, "PIN");

    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "leak.txt",
        "a masked-default-value\nb restricted-production-2\nc 1234\n",
    );
    let report = run(&needles, &options(&[dir.path()]));
    let mut found: Vec<(String, String, String)> = report
        .findings
        .iter()
        .map(|f| (f.secret.clone(), f.environment.clone(), f.project.clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            (
                "LOCKED_KEY".into(),
                "Production".into(),
                "Test Agent".into()
            ),
            ("MASKED_KEY".into(), "default".into(), "Test Agent".into()),
        ]
    );
    assert!(report.summary_line().contains("PIN (default)"));
}

//! `agent-secrets completions SHELL` and `--version`: the scripts generated from the grammar at
//! build time know every subcommand, and the version is the workspace's. Needs no vault.

use std::process::Command;

fn run(args: &[&str]) -> String {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_agent-secrets"))
        .args(args)
        .env("AGENT_SECRETS_HOME", home.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_dir(home.path()).unwrap().next().is_none(),
        "{args:?} wrote into the data directory"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every top-level subcommand and a nested one, as each shell's script spells them.
const SUBCOMMANDS: [&str; 11] = [
    "doctor",
    "project",
    "secret",
    "env",
    "recovery",
    "settings",
    "run",
    "inject",
    "export-env",
    "completions",
    "import-dotenv",
];

#[test]
fn each_shell_gets_a_script_that_knows_every_subcommand() {
    let bash = run(&["completions", "bash"]);
    assert!(bash.contains("complete -F _agent__secrets"), "{bash}");
    let zsh = run(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef agent-secrets"), "{zsh}");
    let fish = run(&["completions", "fish"]);
    assert!(fish.contains("complete -c agent-secrets"), "{fish}");
    for script in [&bash, &zsh, &fish] {
        for subcommand in SUBCOMMANDS {
            assert!(script.contains(subcommand), "no {subcommand} in:\n{script}");
        }
        // Options complete too (fish spells them `-l visibility`), with their values where
        // they are a fixed list.
        assert!(script.contains("visibility") && script.contains("restricted"));
    }
}

#[test]
fn an_unknown_shell_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_agent-secrets"))
        .args(["completions", "powershell-7"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bash, zsh, fish"));
}

#[test]
fn the_version_is_the_workspace_version() {
    assert_eq!(
        run(&["--version"]).trim_end(),
        format!("agent-secrets {}", env!("CARGO_PKG_VERSION"))
    );
}

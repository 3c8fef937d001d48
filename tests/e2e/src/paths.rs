//! Where the built binaries are.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// The repository root (the workspace that contains tests/e2e).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("tests/e2e is inside the workspace")
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` if set, else `<workspace>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    }
}

/// The debug build of the desktop app (`$E2E_APP_BIN` overrides it).
pub fn app_binary() -> Result<PathBuf> {
    binary(
        "E2E_APP_BIN",
        "agent-secrets-desktop",
        "cargo build -p agent-secrets-desktop",
    )
}

/// The debug build of the `agent-secrets` CLI (`$E2E_CLI_BIN` overrides it).
pub fn cli_binary() -> Result<PathBuf> {
    binary(
        "E2E_CLI_BIN",
        "agent-secrets",
        "cargo build -p agent-secrets-cli",
    )
}

fn binary(override_var: &str, name: &str, build: &str) -> Result<PathBuf> {
    let path = match std::env::var_os(override_var).filter(|path| !path.is_empty()) {
        Some(path) => PathBuf::from(path),
        None => target_dir().join("debug").join(name),
    };
    if !path.is_file() {
        bail!(
            "{} does not exist: build it first with `{build}` (scripts/test.sh does)",
            path.display()
        );
    }
    path.canonicalize()
        .with_context(|| format!("resolving {}", path.display()))
}

//! `scan install-hook`: a git pre-commit hook that runs `scan --staged` and stops the commit
//! when a value is staged. An existing hook keeps its own lines; ours goes right after its
//! `#!` line, so that an `exit 0` at its end cannot skip it.

use super::git::git_output;
use super::ScanError;
use std::path::{Path, PathBuf};

/// The comment that marks our line (and tells a second install that it is there).
pub const HOOK_MARKER: &str = "# agent-secrets: refuse a commit that stages a secret value";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HookInstalled {
    Created(PathBuf),
    AddedTo(PathBuf),
    AlreadyThere(PathBuf),
}

/// Writes (or adds to) the pre-commit hook of the repository holding `repo`. `command` is the
/// scan to run, word by word (`/path/to/agent-secrets scan --staged …`).
pub fn install_pre_commit_hook(
    repo: &Path,
    command: &[String],
) -> Result<HookInstalled, ScanError> {
    let hooks = git_output(repo, &["rev-parse", "--git-path", "hooks"])
        .map_err(|_| ScanError::NotARepository(repo.to_path_buf()))?;
    let hooks = PathBuf::from(String::from_utf8_lossy(&hooks).trim_end_matches('\n'));
    let hooks = if hooks.is_absolute() {
        hooks
    } else {
        repo.join(hooks)
    };
    let path = hooks.join("pre-commit");
    let quoted: Vec<String> = command.iter().map(|word| shell_quote(word)).collect();
    let line = format!("{} || exit 1", quoted.join(" "));
    let io = |e: std::io::Error| ScanError::Io {
        path: path.clone(),
        message: e.to_string(),
    };
    let (text, installed) = match std::fs::read_to_string(&path) {
        Ok(existing) if existing.contains(HOOK_MARKER) => {
            return Ok(HookInstalled::AlreadyThere(path))
        }
        Ok(existing) => {
            let (first, rest) = existing.split_once('\n').unwrap_or((&existing, ""));
            let shell = ["sh", "bash", "dash", "zsh", "ksh"]
                .iter()
                .any(|shell| first.starts_with("#!") && first.trim_end().ends_with(shell));
            if !shell {
                return Err(ScanError::HookNotShell {
                    path,
                    command: line,
                });
            }
            (
                format!("{first}\n{HOOK_MARKER}\n{line}\n{rest}"),
                HookInstalled::AddedTo(path.clone()),
            )
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (
            format!("#!/bin/sh\n{HOOK_MARKER}\n{line}\n"),
            HookInstalled::Created(path.clone()),
        ),
        Err(e) => return Err(io(e)),
    };
    std::fs::create_dir_all(&hooks).map_err(io)?;
    std::fs::write(&path, text).map_err(io)?;
    make_executable(&path).map_err(io)?;
    Ok(installed)
}

#[cfg(unix)]
fn make_executable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = std::fs::metadata(path)?.permissions();
    permissions.set_mode(permissions.mode() | 0o755);
    std::fs::set_permissions(path, permissions)
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// A word for a POSIX shell: as it is when it is plainly safe, else in single quotes.
pub fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:@%+,".contains(&b));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_quote;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("--staged"), "--staged");
        assert_eq!(shell_quote("My Bot"), "'My Bot'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }
}

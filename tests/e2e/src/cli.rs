//! The built `agent-secrets` CLI on the same vault as the app: for set-up and checks.

use crate::{paths, Visibility};
use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The keyring entry's service name (`agent-secrets-core`'s `KEYRING_SERVICE`).
pub const KEYRING_SERVICE: &str = "agent-secrets";

pub struct Cli {
    binary: PathBuf,
    home: PathBuf,
}

impl Cli {
    /// The CLI with `AGENT_SECRETS_HOME=home`.
    pub fn new(home: &Path) -> Result<Cli> {
        Ok(Cli {
            binary: paths::cli_binary()?,
            home: home.to_owned(),
        })
    }

    /// Runs `agent-secrets ARGS` with `stdin` as its input; fails unless it exits 0.
    /// Returns its standard output.
    pub fn run(&self, args: &[&str], stdin: &str) -> Result<String> {
        let output = self.output(args, stdin)?;
        if !output.status.success() {
            bail!(
                "`agent-secrets {}` failed ({}):\n{}{}",
                args.join(" "),
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        String::from_utf8(output.stdout).context("the CLI's output is not UTF-8")
    }

    /// Runs `agent-secrets --json ARGS` and parses its output.
    pub fn json(&self, args: &[&str]) -> Result<Value> {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let stdout = self.run(&all, "")?;
        serde_json::from_str(&stdout).with_context(|| {
            format!(
                "`agent-secrets {}` printed no JSON:\n{stdout}",
                all.join(" ")
            )
        })
    }

    /// Runs the CLI without judging the outcome.
    pub fn output(&self, args: &[&str], stdin: &str) -> Result<Output> {
        let mut child = Command::new(&self.binary)
            .args(args)
            .env("AGENT_SECRETS_HOME", &self.home)
            .env_remove("AGENT_SECRETS_PROJECT")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("starting {}", self.binary.display()))?;
        let mut input = child.stdin.take().expect("stdin is piped");
        input
            .write_all(stdin.as_bytes())
            .context("writing the CLI's stdin")?;
        drop(input);
        child.wait_with_output().context("waiting for the CLI")
    }

    /// The vault's id, from `agent-secrets --json doctor` (which exits non-zero when it finds a
    /// problem, e.g. a locked vault, but still reports the id).
    pub fn vault_id(&self) -> Result<String> {
        let output = self.output(&["--json", "doctor"], "")?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let doctor: Value = serde_json::from_str(&stdout).with_context(|| {
            format!(
                "`agent-secrets --json doctor` printed no JSON ({}):\n{stdout}{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            )
        })?;
        match doctor.get("vaultId").and_then(Value::as_str) {
            Some(id) => Ok(id.to_owned()),
            None => bail!("`agent-secrets --json doctor` has no vaultId: {doctor}"),
        }
    }

    /// Sets how long a copied value stays on the clipboard.
    pub fn set_clipboard_clear_seconds(&self, seconds: u32) -> Result<()> {
        self.run(
            &[
                "settings",
                "set",
                "clipboard-clear-seconds",
                &seconds.to_string(),
            ],
            "",
        )?;
        Ok(())
    }

    /// Creates (or sets the value of) a secret in the vault's only project.
    pub fn set_secret(&self, name: &str, value: &str, visibility: Visibility) -> Result<()> {
        self.run(
            &["secret", "set", name, "--visibility", visibility.cli_arg()],
            value,
        )?;
        Ok(())
    }

    /// The keyring entry that holds this vault's key: `service agent-secrets username vault-<id>`.
    pub fn keyring_attributes(&self) -> Result<[String; 4]> {
        Ok([
            "service".into(),
            KEYRING_SERVICE.into(),
            "username".into(),
            format!("vault-{}", self.vault_id()?),
        ])
    }

    /// Whether the vault's key is in the Secret Service (`secret-tool lookup`).
    pub fn keyring_entry_exists(&self) -> Result<bool> {
        let attributes = self.keyring_attributes()?;
        let output = Command::new("secret-tool")
            .arg("lookup")
            .args(&attributes)
            .stdin(Stdio::null())
            .output()
            .context("running secret-tool (package libsecret-tools)")?;
        Ok(output.status.success() && !output.stdout.is_empty())
    }

    /// Deletes the vault's key from the Secret Service (`secret-tool clear`), as a lost or reset
    /// keyring would.
    pub fn delete_keyring_entry(&self) -> Result<()> {
        let attributes = self.keyring_attributes()?;
        let status = Command::new("secret-tool")
            .arg("clear")
            .args(&attributes)
            .stdin(Stdio::null())
            .status()
            .context("running secret-tool (package libsecret-tools)")?;
        if !status.success() {
            bail!(
                "`secret-tool clear {}` failed ({status})",
                attributes.join(" ")
            );
        }
        Ok(())
    }
}

//! A temporary directory per test: the app's `AGENT_SECRETS_HOME` and the driver's logs.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// Removed when the test passes; kept (and its path printed) when it fails, or always with
/// `E2E_KEEP=1`, so the logs and the vault can be looked at.
pub struct TestDir {
    dir: Option<TempDir>,
}

impl TestDir {
    pub fn new(test_name: &str) -> Result<TestDir> {
        let dir = tempfile::Builder::new()
            .prefix(&format!("agent-secrets-e2e-{test_name}-"))
            .tempdir()
            .context("creating the test's temporary directory")?;
        std::fs::create_dir(dir.path().join("home"))
            .context("creating the test's AGENT_SECRETS_HOME")?;
        Ok(TestDir { dir: Some(dir) })
    }

    pub fn path(&self) -> &Path {
        self.dir.as_ref().expect("present until drop").path()
    }

    /// The `AGENT_SECRETS_HOME` of this test's vault (empty at first).
    pub fn home(&self) -> PathBuf {
        self.path().join("home")
    }
}

impl Drop for TestDir {
    fn drop(&mut self) {
        let keep =
            std::thread::panicking() || std::env::var_os("E2E_KEEP").is_some_and(|v| v == "1");
        if let (true, Some(dir)) = (keep, self.dir.take()) {
            eprintln!(
                "e2e: kept the test directory (vault and logs): {}",
                dir.keep().display()
            );
        }
    }
}

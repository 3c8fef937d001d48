//! A temporary directory per test: the app's `AGENT_SECRETS_HOME` and the driver's logs.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// Removed after the test; kept when the test fails (or always with `E2E_KEEP=1`) so that its
/// logs and vault can be looked at.
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
        self.dir.as_ref().expect("present until dropped").path()
    }

    /// The `AGENT_SECRETS_HOME` of this test's vault (empty at first).
    pub fn home(&self) -> PathBuf {
        self.path().join("home")
    }

    /// Keeps the directory on disk and returns its path.
    pub fn keep(mut self) -> PathBuf {
        self.dir.take().expect("present until dropped").keep()
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

/// A failed end-to-end test: its message says what went wrong, what the window showed and
/// where the test's files were kept (printed as is, without a backtrace).
pub struct Failure(String);

impl std::fmt::Debug for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Runs a test's body with its own [`TestDir`]. When the body fails, the directory is kept and
/// the failure says where.
pub async fn with_test_dir(
    test_name: &str,
    body: impl AsyncFnOnce(&TestDir) -> Result<()>,
) -> std::result::Result<(), Failure> {
    let dir = TestDir::new(test_name).map_err(|error| Failure(format!("{error:#}")))?;
    match body(&dir).await {
        Ok(()) => Ok(()),
        Err(error) => {
            let kept = dir.keep();
            Err(Failure(format!(
                "{error:#}\n(the test's vault and logs are kept in {})",
                kept.display()
            )))
        }
    }
}

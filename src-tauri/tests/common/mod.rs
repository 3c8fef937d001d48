//! The app's state without a window, for the command tests: a real vault file in a temp dir
//! (key in memory), a clipboard that records what it is given, the held `.env` file, and file
//! dialogs answered by the test.
#![allow(dead_code)] // each test file uses its own share of these helpers

use agent_secrets_core::{MemoryKeyStore, Vault, Visibility};
use agent_secrets_desktop_lib::api::{self, ScanJobs, ScanStatus};
use agent_secrets_desktop_lib::clipboard::{ClipboardBackend, ClipboardService};
use agent_secrets_desktop_lib::dialogs::Purpose;
use agent_secrets_desktop_lib::dotenv_hold::DotenvHold;
use agent_secrets_desktop_lib::dto::NewSecretInput;
use agent_secrets_desktop_lib::shell::{ChooseFile, Shell};
use agent_secrets_desktop_lib::state::VaultCell;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use uuid::Uuid;
use zeroize::Zeroizing;

/// A clipboard in memory that records every text put on it.
#[derive(Clone, Default)]
pub struct RecordingClipboard(pub Arc<Mutex<Vec<String>>>);

impl RecordingClipboard {
    pub fn texts(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

impl ClipboardBackend for RecordingClipboard {
    fn set_secret(&mut self, text: &str) -> Result<(), String> {
        self.0.lock().unwrap().push(text.to_owned());
        Ok(())
    }
    fn text(&mut self) -> Option<Zeroizing<String>> {
        self.0.lock().unwrap().last().cloned().map(Zeroizing::new)
    }
    fn clear(&mut self) -> Result<(), String> {
        self.0.lock().unwrap().push(String::new());
        Ok(())
    }
}

/// File dialogs that answer what the test chose (`None`: the user cancels).
#[derive(Default)]
pub struct DialogAnswer(Mutex<Option<PathBuf>>);

impl ChooseFile for DialogAnswer {
    fn choose(&self, _purpose: Purpose<'_>) -> Option<PathBuf> {
        self.0.lock().unwrap().clone()
    }
}

pub struct TestApp {
    pub home: tempfile::TempDir,
    pub keys: MemoryKeyStore,
    pub cell: VaultCell,
    pub clipboard: ClipboardService,
    pub copied: RecordingClipboard,
    pub dotenv: DotenvHold,
    pub scans: ScanJobs,
    pub dialogs: DialogAnswer,
}

impl TestApp {
    /// A new vault opened the way the app opens it (so it has the first project, "My Agent").
    pub fn new() -> TestApp {
        let (home, keys) = (tempfile::tempdir().unwrap(), MemoryKeyStore::default());
        let cell = {
            let (home, keys) = (home.path().to_path_buf(), keys.clone());
            VaultCell::new(Box::new(move || Vault::open(&home, Box::new(keys.clone()))))
        };
        cell.get_or_retry().expect("the vault opens");
        TestApp::with_cell(home, keys, cell)
    }

    /// A new vault with no project at all.
    pub fn empty() -> TestApp {
        let (home, keys) = (tempfile::tempdir().unwrap(), MemoryKeyStore::default());
        let vault = Vault::open(home.path(), Box::new(keys.clone())).unwrap();
        TestApp::with_cell(home, keys, VaultCell::opened(vault))
    }

    /// The same vault file, opened again (with the keys as they are now) in a new app.
    pub fn reopen(&self) -> VaultCell {
        VaultCell::opened(Vault::open(self.home.path(), Box::new(self.keys.clone())).unwrap())
    }

    fn with_cell(home: tempfile::TempDir, keys: MemoryKeyStore, cell: VaultCell) -> TestApp {
        let copied = RecordingClipboard::default();
        let backend = copied.clone();
        TestApp {
            home,
            keys,
            cell,
            clipboard: ClipboardService::start(move || backend),
            copied,
            dotenv: DotenvHold::default(),
            scans: ScanJobs::default(),
            dialogs: DialogAnswer::default(),
        }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The vault, locked as a command body gets it.
    pub fn vault(&self) -> MutexGuard<'_, Vault> {
        self.cell.get().expect("open").lock().unwrap()
    }

    pub fn shell(&self) -> Shell<'_> {
        self.shell_for(&self.cell)
    }

    /// The shell of this app, with another vault cell (a vault opened again, or not at all).
    pub fn shell_for<'a>(&'a self, cell: &'a VaultCell) -> Shell<'a> {
        Shell {
            vault: cell,
            clipboard: &self.clipboard,
            dotenv: &self.dotenv,
            scans: &self.scans,
            files: &self.dialogs,
        }
    }

    /// The next file dialog answers `path` (`None`: cancelled).
    pub fn answer_dialogs(&self, path: Option<&Path>) {
        *self.dialogs.0.lock().unwrap() = path.map(Path::to_path_buf);
    }

    /// The first project (by name).
    pub fn project(&self) -> Uuid {
        self.vault().list_projects().unwrap()[0].id
    }

    pub fn environment(&self, project: Uuid, name: &str) -> Uuid {
        self.vault().find_environment(project, name).unwrap().id
    }
}

/// The app's scan status once the running scan has ended (polled, with a deadline).
pub fn finished_scan(shell: &Shell<'_>) -> ScanStatus {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let status = api::scan_status(shell.scans).unwrap();
        if !status.running {
            return status;
        }
        assert!(Instant::now() < deadline, "the scan did not end");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// `secret_create`'s input, parsed from the JSON the UI sends.
pub fn new_secret(name: &str, value: &str, visibility: Visibility) -> NewSecretInput {
    serde_json::from_value(serde_json::json!({
        "name": name, "value": value, "visibility": visibility,
    }))
    .unwrap()
}

/// An answer as the web view receives it: the JSON of the value or of the error.
pub fn json<T: Serialize>(answer: &T) -> String {
    serde_json::to_string(answer).expect("every answer serializes")
}

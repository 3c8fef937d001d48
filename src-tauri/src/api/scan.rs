//! "Scan for leaks": the folder the user picked (kept here: the web view never hands a path in),
//! a scan running on its own thread with live counters the UI polls, and opening a finding's
//! folder. The scan itself is the core's; what the UI receives names secrets, never values.

use crate::error::{CommandError, CommandResult};
use crate::shell::Shell;
use crate::state::lock;
use agent_secrets_core::scan::{
    self, Needles, Origin, Progress, ScanOptions, ScanProgress, ScanReport,
};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use ts_rs::TS;
use uuid::Uuid;

/// The scan of the app: at most one runs at a time.
#[derive(Default)]
pub struct ScanJobs {
    inner: Mutex<Slot>,
}

#[derive(Default)]
struct Slot {
    folder: Option<PathBuf>,
    job: Option<Job>,
}

struct Job {
    folder: PathBuf,
    progress: Arc<Progress>,
    outcome: Arc<Mutex<Option<CommandResult<ScanReport>>>>,
}

/// What the UI shows: the chosen folder, and the running or finished scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanStatus {
    pub folder: Option<String>,
    pub running: bool,
    pub progress: ScanProgress,
    pub report: Option<ScanReport>,
    pub error: Option<CommandError>,
}

/// Opens the native folder dialog; the folder is kept here for `scan_start`. `None` when the
/// user cancels.
pub fn scan_choose_folder(shell: &Shell<'_>) -> CommandResult<Option<String>> {
    match shell.files.choose(crate::dialogs::Purpose::ScanFolder) {
        Some(folder) => scan_set_folder(shell.scans, folder).map(Some),
        None => Ok(None),
    }
}

/// Remembers the folder the user picked in the native dialog.
pub fn scan_set_folder(jobs: &ScanJobs, folder: PathBuf) -> CommandResult<String> {
    let shown = folder.display().to_string();
    lock(&jobs.inner)?.folder = Some(folder);
    Ok(shown)
}

/// Starts scanning the chosen folder for every stored value of the project.
pub fn scan_start(
    shell: &Shell<'_>,
    project: Uuid,
    git_history: bool,
    agents: bool,
) -> CommandResult<ScanStatus> {
    let mut slot = lock(&shell.scans.inner)?;
    if slot.job.as_ref().is_some_and(is_running) {
        return Err(CommandError::new(
            agent_secrets_core::ErrorCode::Conflict,
            "a scan is already running",
        ));
    }
    let folder = slot.folder.clone().ok_or_else(|| {
        CommandError::new(
            agent_secrets_core::ErrorCode::Invalid,
            "choose a folder to scan first",
        )
    })?;
    // The vault is held only while the values are gathered, not while files are read.
    let needles = shell.with_vault(|vault| Needles::from_vault(vault, &[project]))?;
    let options = ScanOptions {
        paths: vec![folder.clone()],
        respect_ignore: true,
        binary: false,
        git_history,
        staged: false,
        agents,
        home: None,
    };
    let progress = Arc::new(Progress::default());
    let outcome = Arc::new(Mutex::new(None));
    let job = Job {
        folder,
        progress: progress.clone(),
        outcome: outcome.clone(),
    };
    std::thread::Builder::new()
        .name("leak-scan".into())
        .spawn(move || {
            let result = scan::scan(&needles, &options, &progress)
                .map_err(|e| CommandError::from(agent_secrets_core::Error::from(e)));
            if let Ok(mut slot) = outcome.lock() {
                *slot = Some(result);
            }
        })
        .map_err(|e| CommandError::internal(format!("cannot start the scan: {e}")))?;
    slot.job = Some(job);
    status_of(&slot)
}

/// The chosen folder and the scan's progress or result.
pub fn scan_status(jobs: &ScanJobs) -> CommandResult<ScanStatus> {
    status_of(&*lock(&jobs.inner)?)
}

/// Opens, in the system's file manager, the folder holding finding number `index` of the
/// last report (the scanned folder for git findings). Only paths the scan reported can be
/// opened.
pub fn scan_open_folder(jobs: &ScanJobs, index: usize) -> CommandResult<()> {
    let folder = finding_folder(jobs, index)?;
    open_in_file_manager(&folder)
}

/// The folder to open for a finding.
pub fn finding_folder(jobs: &ScanJobs, index: usize) -> CommandResult<PathBuf> {
    let slot = lock(&jobs.inner)?;
    let job = slot
        .job
        .as_ref()
        .ok_or_else(|| CommandError::new(agent_secrets_core::ErrorCode::NotFound, "no scan yet"))?;
    let outcome = lock(&job.outcome)?;
    let Some(Ok(report)) = outcome.as_ref() else {
        return Err(CommandError::new(
            agent_secrets_core::ErrorCode::NotFound,
            "the scan has no findings yet",
        ));
    };
    let finding = report.findings.get(index).ok_or_else(|| {
        CommandError::new(agent_secrets_core::ErrorCode::NotFound, "no such finding")
    })?;
    Ok(match finding.origin {
        Origin::File | Origin::Agent => Path::new(&finding.path)
            .parent()
            .map_or_else(|| job.folder.clone(), Path::to_path_buf),
        Origin::GitHistory | Origin::Staged => job.folder.clone(),
    })
}

fn open_in_file_manager(folder: &Path) -> CommandResult<()> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(|_| ())
        .map_err(|e| CommandError::internal(format!("cannot open the folder ({program}): {e}")))
}

fn is_running(job: &Job) -> bool {
    job.outcome.lock().map(|o| o.is_none()).unwrap_or(false)
}

fn status_of(slot: &Slot) -> CommandResult<ScanStatus> {
    let folder = slot.folder.as_ref().map(|f| f.display().to_string());
    let Some(job) = &slot.job else {
        return Ok(ScanStatus {
            folder,
            running: false,
            progress: ScanProgress::default(),
            report: None,
            error: None,
        });
    };
    let outcome = lock(&job.outcome)?;
    let (running, report, error) = match outcome.as_ref() {
        None => (true, None, None),
        Some(Ok(report)) => (false, Some(report.clone()), None),
        Some(Err(error)) => (false, None, Some(error.clone())),
    };
    Ok(ScanStatus {
        folder,
        running,
        progress: job.progress.snapshot(),
        report,
        error,
    })
}

//! The leak scan: looks for the vault's real values — plain and in every encoded form — in
//! folders, in git history and in coding agents' transcripts, and reports where, by secret name,
//! environment and form. No value ever leaves: not in a finding, an error or a log.
//!
//! One file per job: `needles` (the values and who owns each searched byte string), `matcher`
//! (one aho-corasick automaton behind a SIMD prefilter), `search` (one stream in chunks),
//! `walk` (folders, in parallel, with .gitignore), `git` (history and staged blobs through the
//! `git` binary), `agents` (where coding agents keep transcripts), `report` and `sarif` (the
//! output model), `hook` (the pre-commit hook), `error`.

mod agents;
mod error;
mod git;
mod hook;
mod matcher;
mod needles;
mod report;
mod sarif;
mod search;
mod walk;

pub use agents::{agent_locations, AgentLocation, AGENT_LOCATIONS};
pub use error::ScanError;
pub use hook::{install_pre_commit_hook, shell_quote, HookInstalled, HOOK_MARKER};
pub use needles::{Needles, UnsearchedValue, DEFAULT_ENVIRONMENT, MIN_SCANNED_LEN};
pub use report::{Finding, Origin, ScanReport, ScanSummary, MAX_FINDINGS};
pub use sarif::sarif_log;
pub use search::BINARY_SNIFF;

use needles::Compiled;
use search::Located;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;
use ts_rs::TS;

/// What to scan.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// Files and folders (walked, unless `staged`).
    pub paths: Vec<PathBuf>,
    /// Skip what .gitignore, .ignore and git's excludes name (on unless `--no-ignore`).
    pub respect_ignore: bool,
    /// Search binary files too.
    pub binary: bool,
    /// Every blob of the history of the git repository at each path.
    pub git_history: bool,
    /// Only what is staged in the git repository at each path (instead of walking).
    pub staged: bool,
    /// The coding agents' folders under `home`.
    pub agents: bool,
    /// The home directory for `agents` (the user's when `None`).
    pub home: Option<PathBuf>,
}

/// Live counters of a running scan, and its cancel switch.
#[derive(Debug, Default)]
pub struct Progress {
    files: AtomicU64,
    blobs: AtomicU64,
    bytes: AtomicU64,
    findings: AtomicU64,
    cancelled: AtomicBool,
}

/// How much a scan has read: counted live in [`Progress`], reported in [`ScanSummary`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadCounts {
    /// Files read (folders and agent folders).
    #[ts(type = "number")]
    pub files: u64,
    /// Git blobs read (history or staged).
    #[ts(type = "number")]
    pub blobs: u64,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A snapshot of [`Progress`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanProgress {
    /// Flattened: the JSON keeps `files`, `blobs` and `bytes` beside `findings`.
    #[serde(flatten)]
    pub read: ReadCounts,
    #[ts(type = "number")]
    pub findings: u64,
}

impl Progress {
    pub fn snapshot(&self) -> ScanProgress {
        ScanProgress {
            read: ReadCounts {
                files: self.files.load(Ordering::Relaxed),
                blobs: self.blobs.load(Ordering::Relaxed),
                bytes: self.bytes.load(Ordering::Relaxed),
            },
            findings: self.findings.load(Ordering::Relaxed),
        }
    }

    /// Asks a running scan to stop; it then ends with [`ScanError::Cancelled`].
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// Scans for `needles` as `options` say. Blocks until done; call it off the UI thread.
pub fn scan(
    needles: &Needles,
    options: &ScanOptions,
    progress: &Progress,
) -> Result<ScanReport, ScanError> {
    let started = Instant::now();
    for path in &options.paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(ScanError::Missing(path.clone()));
        }
    }
    let compiled = needles.compile();
    let collector = Collector {
        compiled: &compiled,
        progress,
        state: Mutex::new(Collected::default()),
    };
    if options.staged {
        for repo in git::repositories(&options.paths)? {
            git::scan_staged(&repo, &collector, options.binary)?;
        }
    } else {
        walk::scan_paths(&options.paths, options, &collector)?;
        if options.git_history {
            for repo in git::repositories(&options.paths)? {
                git::scan_history(&repo, &collector, options.binary)?;
            }
        }
    }
    if options.agents {
        let home = match &options.home {
            Some(home) => Some(home.clone()),
            None => dirs::home_dir(),
        };
        if let Some(home) = home {
            let config = if options.home.is_some() {
                home.join(".config")
            } else {
                dirs::config_dir().unwrap_or_else(|| home.join(".config"))
            };
            let roots = agents::existing_agent_paths(&home, &config, &options.paths);
            walk::scan_agent_paths(&roots, &collector)?;
        }
    }
    if progress.is_cancelled() {
        return Err(ScanError::Cancelled);
    }
    let collected = collector
        .state
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut findings = collected.findings;
    findings.sort();
    findings.dedup();
    Ok(ScanReport {
        findings,
        summary: ScanSummary {
            read: progress.snapshot().read,
            skipped_binary: collected.skipped_binary,
            unreadable: collected.unreadable,
            values: u32::try_from(needles.searched()).unwrap_or(u32::MAX),
            patterns: u32::try_from(compiled.pattern_count).unwrap_or(u32::MAX),
            unsearched: needles.too_short().to_vec(),
            truncated: collected.truncated,
            elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        },
    })
}

/// Where the searching threads put what they find.
struct Collector<'a> {
    compiled: &'a Compiled,
    progress: &'a Progress,
    state: Mutex<Collected>,
}

#[derive(Default)]
struct Collected {
    findings: Vec<Finding>,
    truncated: bool,
    skipped_binary: u64,
    unreadable: u64,
}

/// Where a stream came from, for its findings.
struct Place<'p> {
    origin: Origin,
    path: &'p str,
    commit: Option<&'p str>,
}

impl Collector<'_> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Collected> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Records a stream's findings (owners of each pattern found).
    fn record(&self, place: &Place<'_>, located: &[Located]) {
        if located.is_empty() {
            return;
        }
        let mut state = self.lock();
        for found in located {
            for owner in &self.compiled.owners[found.pattern] {
                if state.findings.len() >= MAX_FINDINGS {
                    state.truncated = true;
                    return;
                }
                state.findings.push(Finding {
                    origin: place.origin,
                    path: place.path.to_owned(),
                    commit: place.commit.map(str::to_owned),
                    line: found.line,
                    column: found.column,
                    project: owner.project.clone(),
                    secret: owner.secret.clone(),
                    environment: owner.environment.clone(),
                    form: owner.form,
                });
                self.progress.findings.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    fn searched(&self, outcome: search::Outcome, blob: bool) {
        let counter = if blob {
            &self.progress.blobs
        } else {
            &self.progress.files
        };
        counter.fetch_add(1, Ordering::Relaxed);
        match outcome {
            search::Outcome::Searched(bytes) => {
                self.progress.bytes.fetch_add(bytes, Ordering::Relaxed);
            }
            search::Outcome::Binary(bytes) => {
                self.progress.bytes.fetch_add(bytes, Ordering::Relaxed);
                self.lock().skipped_binary += 1;
            }
        }
    }

    fn unreadable(&self) {
        self.lock().unreadable += 1;
    }
}

/// The path as printed: without a leading `./`.
fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}

//! `scan`: where the vault's values (plain and encoded) appear in files, git history and agent
//! transcripts; `scan install-hook`: the pre-commit hook. The scan itself is the core's.

use super::Out;
use crate::args::{ScanAction, ScanArgs, ScanProjects, ScanRunArgs};
use crate::context::{self, CliError, CliResult};
use agent_secrets_core::scan::{self, Needles, Progress, ScanError, ScanOptions, ScanReport};
use agent_secrets_core::Vault;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use uuid::Uuid;

pub fn run(home: &Path, out: Out, args: ScanArgs) -> CliResult<ExitCode> {
    match args.action {
        Some(ScanAction::InstallHook { repo, projects }) => {
            install_hook(home, out, &repo, &projects)
        }
        None => run_scan(home, out, args.run),
    }
}

fn run_scan(home: &Path, out: Out, args: ScanRunArgs) -> CliResult<ExitCode> {
    if out.json && args.sarif {
        return Err(CliError::Usage(
            "--json and --sarif are two output formats: choose one".into(),
        ));
    }
    let (needles, all_projects) = {
        let vault = context::open_required(home)?;
        let (projects, all) = chosen_projects(&vault, &args.projects)?;
        (Needles::from_vault(&vault, &projects)?, all)
        // The vault closes here: only the values' forms are needed while reading files.
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let options = ScanOptions {
        paths,
        respect_ignore: !args.no_ignore,
        binary: args.binary,
        git_history: args.git,
        staged: args.staged,
        agents: args.agents,
        home: None,
    };
    let report = scan_with_progress(&needles, &options)?;
    print_report(&report, out, args.sarif, all_projects);
    Ok(if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The projects whose values are searched, and whether that is every project.
fn chosen_projects(vault: &Vault, projects: &ScanProjects) -> CliResult<(Vec<Uuid>, bool)> {
    if projects.all_projects {
        let ids = vault.list_projects()?.into_iter().map(|p| p.id).collect();
        return Ok((ids, true));
    }
    let project = context::project(vault, projects.project.project.as_deref())?;
    Ok((vec![project.id], false))
}

/// Runs the scan; while it runs, a progress line on standard error when that is a terminal.
fn scan_with_progress(needles: &Needles, options: &ScanOptions) -> CliResult<ScanReport> {
    let progress = Progress::default();
    let done = AtomicBool::new(false);
    let show = std::io::stderr().is_terminal();
    let result = std::thread::scope(|scope| {
        if show {
            scope.spawn(|| {
                while !done.load(Ordering::Relaxed) {
                    std::thread::park_timeout(Duration::from_millis(150));
                    let now = progress.snapshot();
                    eprint!(
                        "\r\x1b[Kscanning: {} files, {} blobs, {} MiB, {} findings",
                        now.read.files,
                        now.read.blobs,
                        now.read.bytes / (1024 * 1024),
                        now.findings
                    );
                }
                eprint!("\r\x1b[K");
            });
        }
        let result = scan::scan(needles, options, &progress);
        done.store(true, Ordering::Relaxed);
        result
    });
    result.map_err(scan_error)
}

fn scan_error(e: ScanError) -> CliError {
    if e.is_usage() {
        CliError::Usage(e.to_string())
    } else {
        CliError::Core(e.into())
    }
}

fn print_report(report: &ScanReport, out: Out, sarif: bool, all_projects: bool) {
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    if out.json {
        for finding in &report.findings {
            match serde_json::to_string(finding) {
                Ok(line) => {
                    let _ = writeln!(stdout, "{line}");
                }
                Err(e) => eprintln!("error: cannot encode a finding: {e}"),
            }
        }
        eprintln!("{}", report.summary_line());
    } else if sarif {
        let log = scan::sarif_log(report, env!("CARGO_PKG_VERSION"));
        let _ = writeln!(
            stdout,
            "{}",
            serde_json::to_string_pretty(&log).unwrap_or_default()
        );
        eprintln!("{}", report.summary_line());
    } else {
        for finding in &report.findings {
            let _ = writeln!(stdout, "{}", finding.text_line(all_projects));
        }
        let _ = writeln!(stdout, "{}", report.summary_line());
    }
}

fn install_hook(
    home: &Path,
    out: Out,
    repo: &Path,
    projects: &ScanProjects,
) -> CliResult<ExitCode> {
    let mut command = vec![
        std::env::current_exe()
            .map_err(|e| CliError::Core(agent_secrets_core::Error::Io(e.to_string())))?
            .to_string_lossy()
            .into_owned(),
        "--home".to_owned(),
        home.to_string_lossy().into_owned(),
        "scan".to_owned(),
        "--staged".to_owned(),
    ];
    {
        let vault = context::open_required(home)?;
        if projects.all_projects {
            command.push("--all-projects".to_owned());
        } else {
            let project = context::project(&vault, projects.project.project.as_deref())?;
            command.extend(["--project".to_owned(), project.name]);
        }
    }
    let installed = scan::install_pre_commit_hook(repo, &command).map_err(scan_error)?;
    let (message, path, state) = match &installed {
        scan::HookInstalled::Created(path) => ("Created", path, "created"),
        scan::HookInstalled::AddedTo(path) => ("Added the scan to", path, "added"),
        scan::HookInstalled::AlreadyThere(path) => ("Already installed in", path, "unchanged"),
    };
    out.done(
        &format!(
            "{message} {}: each commit is refused while a secret value is staged.",
            path.display()
        ),
        serde_json::json!({ "ok": true, "hook": path, "state": state }),
    );
    Ok(ExitCode::SUCCESS)
}

//! Git history and the staging area, read through the `git` binary (no git library to build):
//! `git log --raw` lists, oldest commit first, each blob where a commit introduced it — so the
//! first listing of a blob is the first commit and path where it appears, and a value removed
//! later is still found — and `git cat-file --batch` streams each blob once.

use super::search::{Located, StreamSearcher};
use super::{Collector, Origin, Place, ScanError};
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

/// A blob to read, with where to report it.
struct Blob {
    id: String,
    path: String,
    commit: Option<String>,
}

/// The top-level folders of the repositories holding `paths`, each once.
pub(super) fn repositories(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ScanError> {
    let mut out: Vec<PathBuf> = Vec::new();
    for path in paths {
        let dir = if path.is_dir() {
            path.as_path()
        } else {
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
        };
        let top = git_output(dir, &["rev-parse", "--show-toplevel"])
            .map_err(|_| ScanError::NotARepository(path.clone()))?;
        let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches('\n'));
        if !out.contains(&top) {
            out.push(top);
        }
    }
    Ok(out)
}

/// Every blob reachable from any ref (in the commits' trees), each read once.
pub(super) fn scan_history(
    repo: &Path,
    collector: &Collector<'_>,
    binary: bool,
) -> Result<(), ScanError> {
    // An empty repository has nothing to list (and `git log` fails on an unborn branch).
    let refs = git_output(repo, &["for-each-ref", "--count=1", "--format=%(refname)"])?;
    if refs.is_empty() {
        return Ok(());
    }
    let mut log = spawn(
        repo,
        &[
            "log",
            "--all",
            "--reverse",
            "--raw",
            "-m",
            "--root",
            "--no-renames",
            "--no-abbrev",
            "--no-textconv",
            "--no-ext-diff",
            "-z",
            "--format=%x01%H",
        ],
    )?;
    let stdout = log.stdout.take().expect("stdout is piped");
    let blobs = parse_raw(stdout, true);
    finish(log, "git log")?;
    scan_blobs(repo, blobs?, collector, binary, Origin::GitHistory)
}

/// The blobs staged for the next commit (added, copied, modified, type-changed).
pub(super) fn scan_staged(
    repo: &Path,
    collector: &Collector<'_>,
    binary: bool,
) -> Result<(), ScanError> {
    let mut diff = spawn(
        repo,
        &[
            "diff",
            "--cached",
            "--raw",
            "-z",
            "--no-renames",
            "--no-abbrev",
            "--diff-filter=ACMT",
        ],
    )?;
    let stdout = diff.stdout.take().expect("stdout is piped");
    let blobs = parse_raw(stdout, false);
    finish(diff, "git diff --cached")?;
    scan_blobs(repo, blobs?, collector, binary, Origin::Staged)
}

/// Parses `--raw -z` output: `\x01COMMIT` headers (with `commits`) and
/// `:MODE MODE OLD NEW STATUS\0PATH\0` entries; keeps each new blob's first appearance.
fn parse_raw(output: ChildStdout, commits: bool) -> Result<Vec<Blob>, ScanError> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut blobs = Vec::new();
    let mut commit: Option<String> = None;
    // After an entry comes its path: `Some(Some(id))` to keep, `Some(None)` to skip.
    let mut path_of: Option<Option<String>> = None;
    for token in BufReader::new(output).split(0) {
        let token = token.map_err(|e| ScanError::Git(format!("reading git's output: {e}")))?;
        let token = String::from_utf8_lossy(&token);
        if let Some(entry) = path_of.take() {
            if let Some(id) = entry.filter(|id| seen.insert(id.clone())) {
                blobs.push(Blob {
                    id,
                    path: token.into_owned(),
                    commit: commit.clone(),
                });
            }
            continue;
        }
        let token = token.trim_start_matches('\n');
        if let Some(header) = token.strip_prefix('\u{1}') {
            if commits {
                commit = Some(header.trim().to_owned());
            }
        } else if let Some(entry) = token.strip_prefix(':') {
            let fields: Vec<&str> = entry.split(' ').collect();
            path_of = Some(match fields[..] {
                // Submodules (160000) are commits, not blobs; a deletion has no new blob.
                [_, mode, _, new, _]
                    if (mode.starts_with("100") || mode == "120000")
                        && new.bytes().any(|b| b != b'0') =>
                {
                    Some(new.to_owned())
                }
                _ => None,
            });
        }
    }
    Ok(blobs)
}

/// Reads `blobs` with `git cat-file --batch` (a few processes in parallel) and searches each.
fn scan_blobs(
    repo: &Path,
    blobs: Vec<Blob>,
    collector: &Collector<'_>,
    binary: bool,
    origin: Origin,
) -> Result<(), ScanError> {
    if blobs.is_empty() {
        return Ok(());
    }
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(blobs.len());
    let mut shares: Vec<Vec<Blob>> = (0..workers).map(|_| Vec::new()).collect();
    for (index, blob) in blobs.into_iter().enumerate() {
        shares[index % workers].push(blob);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|share| scope.spawn(move || read_share(repo, share, collector, binary, origin)))
            .collect();
        // Every thread is joined at the end of the scope; the first error is reported.
        handles.into_iter().try_for_each(|handle| {
            handle
                .join()
                .unwrap_or_else(|_| Err(ScanError::Git("a reader thread failed".into())))
        })
    })
}

fn read_share(
    repo: &Path,
    share: Vec<Blob>,
    collector: &Collector<'_>,
    binary: bool,
    origin: Origin,
) -> Result<(), ScanError> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ScanError::Git(format!("cannot run git: {e}")))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let ids: Vec<String> = share.iter().map(|blob| blob.id.clone()).collect();
    // A writer thread: git answers while we are still asking, and would block on a full pipe.
    let writer = std::thread::spawn(move || {
        for id in ids {
            if writeln!(stdin, "{id}").is_err() {
                break;
            }
        }
    });
    let mut output = BufReader::with_capacity(256 * 1024, child.stdout.take().expect("piped"));
    let mut searcher = StreamSearcher::new(&collector.compiled.matcher);
    let mut located: Vec<Located> = Vec::new();
    let mut result = Ok(());
    for blob in &share {
        if collector.progress.is_cancelled() {
            break;
        }
        located.clear();
        match read_blob(&mut searcher, &mut output, blob, &mut located, binary) {
            Ok(Some(outcome)) => {
                collector.searched(outcome, true);
                let place = Place {
                    origin,
                    path: &blob.path,
                    commit: blob.commit.as_deref(),
                };
                collector.record(&place, &located);
            }
            Ok(None) => collector.unreadable(),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    drop(output);
    let _ = child.kill();
    let _ = child.wait();
    let _ = writer.join();
    result
}

/// Reads one `cat-file --batch` answer (header, content, newline) and searches the content.
/// `None` when git reports the object missing.
fn read_blob(
    searcher: &mut StreamSearcher<'_>,
    output: &mut BufReader<ChildStdout>,
    blob: &Blob,
    located: &mut Vec<Located>,
    binary: bool,
) -> Result<Option<super::search::Outcome>, ScanError> {
    let mut header = String::new();
    output
        .read_line(&mut header)
        .map_err(|e| ScanError::Git(format!("reading git cat-file: {e}")))?;
    let fields: Vec<&str> = header.split_whitespace().collect();
    let size: u64 = match fields[..] {
        [id, "blob", size] if id == blob.id => size.parse().map_err(|_| {
            ScanError::Git(format!("unexpected answer from git cat-file: {header}"))
        })?,
        [_, "missing"] => return Ok(None),
        _ => {
            return Err(ScanError::Git(format!(
                "unexpected answer from git cat-file: {}",
                header.trim_end()
            )))
        }
    };
    let mut content = output.by_ref().take(size);
    let outcome = searcher
        .search(&mut content, binary, |found| located.push(found))
        .map_err(|e| ScanError::Git(format!("reading git cat-file: {e}")))?;
    // Skip what a binary blob left unread, then the newline after the content.
    std::io::copy(&mut content, &mut std::io::sink())
        .map_err(|e| ScanError::Git(format!("reading git cat-file: {e}")))?;
    let mut newline = [0u8; 1];
    output
        .read_exact(&mut newline)
        .map_err(|e| ScanError::Git(format!("reading git cat-file: {e}")))?;
    Ok(Some(outcome))
}

fn spawn(repo: &Path, args: &[&str]) -> Result<Child, ScanError> {
    Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ScanError::Git(format!("cannot run git: {e}")))
}

fn finish(child: Child, what: &str) -> Result<(), ScanError> {
    let output = child
        .wait_with_output()
        .map_err(|e| ScanError::Git(format!("{what}: {e}")))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(ScanError::Git(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}

/// Runs git and returns its standard output; an error with its standard error when it fails.
pub(super) fn git_output(dir: &Path, args: &[&str]) -> Result<Vec<u8>, ScanError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| ScanError::Git(format!("cannot run git: {e}")))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(ScanError::Git(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ))
    }
}

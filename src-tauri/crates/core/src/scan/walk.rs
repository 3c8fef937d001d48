//! Walking folders in parallel with the `ignore` crate (ripgrep's walker): .gitignore, .ignore
//! and git's excludes respected unless asked not to, hidden files included (`.env` is the
//! first place a value leaks), the `.git` folder left to `--git`, and no symbolic link
//! followed — a link can lead out of the tree, and a target inside it is scanned anyway.

use super::search::{Located, StreamSearcher};
use super::{display_path, Collector, Origin, Place, ScanError, ScanOptions};
use ignore::{DirEntry, WalkBuilder, WalkState};
use std::fs::File;
use std::path::PathBuf;

/// Walks `paths` and searches every file.
pub(super) fn scan_paths(
    paths: &[PathBuf],
    options: &ScanOptions,
    collector: &Collector<'_>,
) -> Result<(), ScanError> {
    let Some(builder) = builder(paths) else {
        return Ok(());
    };
    let mut builder = builder;
    builder
        .standard_filters(options.respect_ignore)
        .hidden(false)
        // A .gitignore counts in any folder, not only inside a git work tree.
        .require_git(false)
        .filter_entry(|entry| entry.file_name() != ".git");
    run(builder, collector, options.binary, Origin::File);
    Ok(())
}

/// Walks the agents' folders: everything, binary files included (Cursor keeps its chats in
/// SQLite), no ignore rules.
pub(super) fn scan_agent_paths(
    paths: &[PathBuf],
    collector: &Collector<'_>,
) -> Result<(), ScanError> {
    let Some(mut builder) = builder(paths) else {
        return Ok(());
    };
    builder.standard_filters(false).hidden(false);
    run(builder, collector, true, Origin::Agent);
    Ok(())
}

fn builder(paths: &[PathBuf]) -> Option<WalkBuilder> {
    let (first, rest) = paths.split_first()?;
    let mut builder = WalkBuilder::new(first);
    for path in rest {
        builder.add(path);
    }
    builder.follow_links(false);
    Some(builder)
}

fn run(builder: WalkBuilder, collector: &Collector<'_>, binary: bool, origin: Origin) {
    builder.build_parallel().run(|| {
        let mut searcher = StreamSearcher::new(&collector.compiled.matcher);
        let mut located: Vec<Located> = Vec::new();
        Box::new(move |entry| {
            if collector.progress.is_cancelled() {
                return WalkState::Quit;
            }
            match entry {
                Ok(entry) if is_file(&entry) => search_file(
                    &entry,
                    &mut searcher,
                    &mut located,
                    collector,
                    binary,
                    origin,
                ),
                Ok(_) => {}
                Err(_) => collector.unreadable(),
            }
            WalkState::Continue
        })
    });
}

fn is_file(entry: &DirEntry) -> bool {
    entry.file_type().is_some_and(|kind| kind.is_file())
}

fn search_file(
    entry: &DirEntry,
    searcher: &mut StreamSearcher<'_>,
    located: &mut Vec<Located>,
    collector: &Collector<'_>,
    binary: bool,
    origin: Origin,
) {
    let Ok(file) = File::open(entry.path()) else {
        collector.unreadable();
        return;
    };
    located.clear();
    match searcher.search(file, binary, |found| located.push(found)) {
        Ok(outcome) => {
            collector.searched(outcome, false);
            let path = display_path(entry.path());
            let place = Place {
                origin,
                path: &path,
                commit: None,
            };
            collector.record(&place, located);
        }
        Err(_) => collector.unreadable(),
    }
}

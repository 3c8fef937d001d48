//! Where coding agents keep their transcripts, prompts and caches — the one list of them
//! (documented in docs/CLI.md). `--agents` scans each of these that exists, binary files
//! included (some keep their chats in SQLite), with no ignore rules.

use std::path::{Path, PathBuf};

/// One agent's places.
#[derive(Debug, Clone, Copy)]
pub struct AgentLocation {
    pub agent: &'static str,
    /// Relative to the home directory.
    pub in_home: &'static [&'static str],
    /// Relative to the platform's configuration directory (`~/.config` on Linux,
    /// `~/Library/Application Support` on macOS, `%APPDATA%` on Windows).
    pub in_config: &'static [&'static str],
    /// Files the agent writes at the top of the project it works in (usually git-ignored, so
    /// a plain scan skips them): looked for in each scanned folder.
    pub in_project: &'static [&'static str],
}

pub const AGENT_LOCATIONS: &[AgentLocation] = &[
    AgentLocation {
        agent: "Claude Code",
        // Session transcripts (projects/*/*.jsonl), todos, shell snapshots, prompt history.
        in_home: &[".claude", ".claude.json"],
        in_config: &[],
        in_project: &[],
    },
    AgentLocation {
        agent: "Codex",
        // sessions/ (rollout JSONL transcripts), history.jsonl, logs.
        in_home: &[".codex"],
        in_config: &[],
        in_project: &[],
    },
    AgentLocation {
        agent: "Cursor",
        // Chats live in the editor's state databases (state.vscdb, SQLite); the CLI agent's
        // chats and project data under ~/.cursor (its extensions are left out).
        in_home: &[".cursor/chats", ".cursor/projects"],
        in_config: &[
            "Cursor/User/workspaceStorage",
            "Cursor/User/globalStorage",
            "Cursor/User/History",
        ],
        in_project: &[],
    },
    AgentLocation {
        agent: "Gemini CLI",
        // tmp/<project hash>/ holds chats, checkpoints and logs.
        in_home: &[".gemini"],
        in_config: &[],
        in_project: &[],
    },
    AgentLocation {
        agent: "Aider",
        in_home: &[".aider"],
        in_config: &[],
        in_project: &[
            ".aider.chat.history.md",
            ".aider.input.history",
            ".aider.llm.history",
        ],
    },
];

/// Every place of [`AGENT_LOCATIONS`] for this home and configuration directory and these
/// scanned folders, whether it exists or not.
pub fn agent_locations(home: &Path, config: &Path, folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for location in AGENT_LOCATIONS {
        out.extend(location.in_home.iter().map(|p| home.join(p)));
        out.extend(location.in_config.iter().map(|p| config.join(p)));
        for folder in folders.iter().filter(|f| f.is_dir()) {
            out.extend(location.in_project.iter().map(|p| folder.join(p)));
        }
    }
    out
}

/// The places that exist.
pub(super) fn existing_agent_paths(
    home: &Path,
    config: &Path,
    folders: &[PathBuf],
) -> Vec<PathBuf> {
    agent_locations(home, config, folders)
        .into_iter()
        .filter(|path| path.symlink_metadata().is_ok())
        .collect()
}

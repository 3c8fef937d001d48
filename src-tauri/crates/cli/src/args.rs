//! The command-line grammar (clap). Values are never taken from argv: they come from stdin
//! or a no-echo prompt, so they stay out of shell history and `ps`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "agent-secrets",
    version,
    about = "Agent Secrets: encrypted secrets for your agent projects, from a terminal"
)]
pub struct Cli {
    /// Data directory of the vault (default: $AGENT_SECRETS_HOME, else the platform data dir).
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,
    /// Machine-readable JSON output (errors too, on stderr).
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report the data directory, the keyring and the vault's state. Never creates anything.
    Doctor,
    /// Projects (agents).
    #[command(subcommand)]
    Project(ProjectCommand),
    /// Secrets of a project.
    #[command(subcommand)]
    Secret(SecretCommand),
    /// Environments of a project (Development, Production, custom ones).
    #[command(subcommand)]
    Env(EnvCommand),
    /// The recovery key that restores access when the OS keyring entry is lost.
    #[command(subcommand)]
    Recovery(RecoveryCommand),
    /// App settings stored in the vault.
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Run a command with an environment's secrets as environment variables, its output redacted.
    #[command(long_about = RUN_HELP)]
    Run(RunArgs),
    /// Render a template's {NAME} references with an environment's values.
    #[command(long_about = INJECT_HELP)]
    Inject(InjectArgs),
    /// Write an environment's Masked secrets as a .env file or JSON, for tools that need a file.
    #[command(long_about = EXPORT_ENV_HELP)]
    ExportEnv(ExportEnvArgs),
    /// Look for the vault's values (plain and encoded) in files, git history and agent transcripts.
    #[command(long_about = SCAN_HELP)]
    Scan(ScanArgs),
    /// Print a shell completion script (generated from this grammar when the CLI is built).
    #[command(long_about = COMPLETIONS_HELP)]
    Completions {
        #[arg(value_enum)]
        shell: CompletionShell,
    },
}

// Here and not in commands/scan.rs: build.rs includes this file alone (completions, man pages).
const SCAN_HELP: &str = "\
Look for the vault's values (plain and encoded) in files, git history and agent transcripts.

Every stored value of the project — each environment's, defaults and overrides, Masked and
Restricted — is searched for as it is and in its encoded forms: base64 (standard and URL-safe,
at any alignment), hex, percent-encoded and JSON-escaped. Values shorter than 6 bytes are not
searched (they occur by chance); the summary names them.

Each finding is printed as `path:line:column  NAME (environment, form)` — never the value —
followed by a summary line. --json prints one JSON object per finding (a line each), --sarif a
SARIF 2.1.0 log; the summary then goes to standard error.

PATH (default: .) is walked in parallel; .gitignore is respected unless --no-ignore, binary
files are skipped unless --binary, and no symbolic link is followed. --git adds every blob of
the repository's history (reported as COMMIT:path, with the first commit holding it), --agents
the folders where coding agents keep transcripts (Claude Code, Codex, Cursor, Gemini CLI,
Aider), --staged scans only what is staged. `scan install-hook` runs that before each commit.

Exit status: 1 when anything is found (or the scan failed), 0 when clean, 2 on a usage error.

Example: agent-secrets scan --git --agents .";

const COMPLETIONS_HELP: &str = "\
Print a shell completion script (generated from this grammar when the CLI is built).

Packages install these already. By hand:
  bash: agent-secrets completions bash > ~/.local/share/bash-completion/completions/agent-secrets
  zsh:  agent-secrets completions zsh > ~/.zfunc/_agent-secrets   (with ~/.zfunc in $fpath)
  fish: agent-secrets completions fish > ~/.config/fish/completions/agent-secrets.fish";

/// A shell that `completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

const RUN_HELP: &str = "\
Run a command with an environment's secrets as environment variables, its output redacted.

CMD is started directly, not through a shell, with every secret of the project resolved for ENV
(override, else default) added to its environment — Restricted secrets included: this is use,
not display. A secret without a value in ENV stops the command before it starts. Standard input
is passed through; SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to agent-secrets are forwarded to
CMD; the exit code is CMD's, or 128+N when a signal N ended it (127: CMD not found).

Redaction (the default): every occurrence of an injected value in CMD's standard output and
error is replaced by •••••• as it streams, also when it is split across writes. Values shorter
than 4 characters are not redacted (they occur by chance too often). CMD writes into pipes, not
your terminal: programs may buffer or drop colours — use --no-redact to give CMD the terminal.

Example: agent-secrets run --env production -- python agent.py --port 8080";

const INJECT_HELP: &str = "\
Render a template's {NAME} references with an environment's values.

The template is text with {NAME} references to the project's secrets and variables (the same
grammar as steps): {NAME} is replaced by the value; \\{ writes a literal {; any other { (a JSON
body, `{ x }`) is left as it is. Every unknown name and every referenced secret without a value
in ENV is an error, with its line and column; nothing is written then. Secrets the template does
not reference may lack values.

With -o, OUT is replaced atomically and created readable by you only (mode 0600). Without it,
the result goes to standard output — except that a template using a Restricted secret is not
printed to a terminal: write it to a file with -o, or pipe it to the program that reads it.

Example: agent-secrets inject -i config.tmpl.yaml -o config.yaml --env production";

const EXPORT_ENV_HELP: &str = "\
Write an environment's Masked secrets as a .env file or JSON, for tools that need a file.

The values are written in plain text, so Restricted secrets are never exported: when the
selection includes one, nothing is written and the Restricted names are listed. Choose the
secrets with --only, or leave the Restricted ones out with --skip-restricted (programs that need
them get them through `agent-secrets run` or `inject -o`). A selected secret without a value in
ENV is an error.

dotenv: one NAME='value' line per secret (NAME=\"...\" with \\ \" \\$ and \\n escaped when the
value holds a ' or a \\), read back literally by dotenv parsers. json: an object of NAME: value.
With -o, OUT is replaced atomically and created readable by you only (mode 0600).

Example: agent-secrets export-env --env development --format dotenv -o .env";

#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub project: ProjectArg,
    /// Environment whose values are injected.
    #[arg(long, value_name = "ENV", default_value = "Development")]
    pub env: String,
    /// Inject only this secret (repeatable); by default every secret of the project.
    #[arg(long, value_name = "NAME")]
    pub only: Vec<String>,
    /// Give CMD the real terminal: its output is not redacted.
    #[arg(long)]
    pub no_redact: bool,
    /// The command and its arguments, after `--`.
    #[arg(last = true, required = true, value_name = "CMD")]
    pub command: Vec<OsString>,
}

#[derive(Debug, Args)]
pub struct InjectArgs {
    #[command(flatten)]
    pub project: ProjectArg,
    /// Template file, or - for standard input.
    #[arg(long, short = 'i', value_name = "TEMPLATE")]
    pub input: PathBuf,
    /// Output file (replaced atomically, mode 0600); standard output when omitted.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Environment whose values are used.
    #[arg(long, value_name = "ENV", default_value = "Development")]
    pub env: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// NAME='value' lines.
    Dotenv,
    /// A JSON object of NAME: value.
    Json,
}

#[derive(Debug, Args)]
pub struct ExportEnvArgs {
    #[command(flatten)]
    pub project: ProjectArg,
    /// Environment whose values are exported.
    #[arg(long, value_name = "ENV")]
    pub env: String,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Export only this secret (repeatable); by default every secret of the project.
    #[arg(long, value_name = "NAME")]
    pub only: Vec<String>,
    /// Leave Restricted secrets out instead of refusing to export.
    #[arg(long)]
    pub skip_restricted: bool,
    /// Output file (replaced atomically, mode 0600); standard output when omitted.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ProjectArg {
    /// Project name (may be omitted when the app remembers a current project or the vault has
    /// exactly one).
    #[arg(
        long,
        short = 'p',
        env = "AGENT_SECRETS_PROJECT",
        value_name = "PROJECT"
    )]
    pub project: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// List projects.
    List,
    /// Create a project with the Development and Production environments.
    Create { name: String },
    /// Rename a project.
    Rename { name: String, new_name: String },
    /// Delete a project with all its secrets.
    Delete {
        name: String,
        /// Confirm the deletion.
        #[arg(long)]
        yes: bool,
    },
    /// Copy a project as "NAME (copy)": names, visibilities, environments, override markers and
    /// variables — no secret values.
    Duplicate { name: String },
    /// Write a project file (.agent-secrets.json, pretty JSON): everything a duplicate keeps,
    /// never a value. Replaced atomically, mode 0600.
    Export {
        name: String,
        #[arg(long, short = 'o', value_name = "FILE")]
        output: PathBuf,
    },
    /// Create a new project from a project file; its secrets then need values. All or nothing;
    /// a name already taken gets " (2)".
    Import { file: PathBuf },
    /// Write a .env.example: the project's secret names, sorted, as NAME= lines.
    ExportDotenvExample {
        name: String,
        #[arg(long, short = 'o', value_name = "FILE")]
        output: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum VisibilityArg {
    Masked,
    Restricted,
}

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// List secrets (names, visibility, where values are set or missing; never values).
    List {
        #[command(flatten)]
        project: ProjectArg,
        /// Show each secret's state in this environment: set, default or missing.
        #[arg(long, value_name = "ENV")]
        env: Option<String>,
    },
    /// Set a value, read from stdin (one trailing newline stripped) or a no-echo prompt.
    /// Creates the secret if the name is new.
    Set {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
        /// Write this environment's override instead of the default value.
        #[arg(long, value_name = "ENV")]
        env: Option<String>,
        /// Visibility of a new secret (an existing one keeps its own).
        #[arg(long, value_enum, default_value = "masked")]
        visibility: VisibilityArg,
    },
    /// Print a Masked secret's value (the environment's value with --env). Refuses Restricted.
    Get {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
        #[arg(long, value_name = "ENV")]
        env: Option<String>,
    },
    /// Remove an environment's override: the secret falls back to its default there.
    Unset {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
        #[arg(long, value_name = "ENV")]
        env: String,
    },
    /// Delete a secret from every environment.
    Rm {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
    },
    /// Import a .env file: each NAME=value becomes (or updates) a secret's default value. Values
    /// are literal (no $VAR expansion). Any invalid line stops the import, naming its number.
    ImportDotenv {
        file: PathBuf,
        #[command(flatten)]
        project: ProjectArg,
        /// Visibility of new secrets (existing ones keep theirs).
        #[arg(long, value_enum, default_value = "masked")]
        visibility: VisibilityArg,
        /// Show what would be imported (names only) and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EnvCommand {
    /// List environments.
    List {
        #[command(flatten)]
        project: ProjectArg,
    },
    /// Create a custom environment (e.g. Staging).
    Create {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
    },
    /// Rename a custom environment.
    Rename {
        name: String,
        new_name: String,
        #[command(flatten)]
        project: ProjectArg,
    },
    /// Delete a custom environment and its overrides.
    Delete {
        name: String,
        #[command(flatten)]
        project: ProjectArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum RecoveryCommand {
    /// Print the recovery key (keep it on paper or in a password manager).
    Show,
    /// Restore access with the recovery key (read from stdin or a no-echo prompt);
    /// a new key is stored in the OS keyring.
    Restore,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Show the settings.
    Show,
    /// Change a setting.
    Set {
        #[arg(value_enum)]
        key: SettingKey,
        value: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SettingKey {
    /// Seconds before a copied secret is cleared from the clipboard (1–600).
    ClipboardClearSeconds,
}

/// `scan [PATH…]`, or `scan install-hook`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ScanArgs {
    #[command(subcommand)]
    pub action: Option<ScanAction>,
    #[command(flatten)]
    pub run: ScanRunArgs,
}

#[derive(Debug, Args)]
pub struct ScanRunArgs {
    /// Files and folders to scan (default: the current folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub projects: ScanProjects,
    /// Also every blob in the history of the git repository at PATH (each read once).
    #[arg(long)]
    pub git: bool,
    /// Also the transcript and cache folders of coding agents under your home directory.
    #[arg(long)]
    pub agents: bool,
    /// Only what is staged in git (for a pre-commit hook), instead of the files.
    #[arg(long, conflicts_with = "git")]
    pub staged: bool,
    /// SARIF 2.1.0 output for code-scanning tools.
    #[arg(long)]
    pub sarif: bool,
    /// Scan files that .gitignore, .ignore and git's excludes leave out.
    #[arg(long)]
    pub no_ignore: bool,
    /// Scan binary files too (a NUL byte in the first 8000 bytes).
    #[arg(long)]
    pub binary: bool,
}

/// Whose values to look for: one project (as in every command) or all of them.
#[derive(Debug, Args)]
pub struct ScanProjects {
    #[command(flatten)]
    pub project: ProjectArg,
    /// Every project of the vault (overrides --project).
    #[arg(long)]
    pub all_projects: bool,
}

#[derive(Debug, Subcommand)]
pub enum ScanAction {
    /// Write (or add to) the repository's pre-commit hook: `scan --staged` before each commit.
    InstallHook {
        /// A folder of the repository (default: the current folder).
        #[arg(value_name = "REPO", default_value = ".")]
        repo: PathBuf,
        #[command(flatten)]
        projects: ScanProjects,
    },
}

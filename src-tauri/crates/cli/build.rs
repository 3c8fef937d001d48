//! Generates the shell completions (bash, zsh, fish) and the man pages from the clap grammar
//! in src/args.rs, so that they can never drift from the real options:
//!   $OUT_DIR/completions/{agent-secrets.bash,_agent-secrets,agent-secrets.fish}
//!   $OUT_DIR/man/agent-secrets.1 and one page per subcommand (agent-secrets-secret-set.1, …)
//! The binary embeds the completions (`agent-secrets completions SHELL`); scripts/package.sh
//! installs both into the .deb and .rpm.

use clap::CommandFactory;
use clap_complete::Shell;
use std::path::{Path, PathBuf};

#[allow(dead_code)] // the build script only needs the grammar, not the parsed fields
#[path = "src/args.rs"]
mod args;

const BIN_NAME: &str = "agent-secrets";

fn main() -> std::io::Result<()> {
    println!("cargo::rerun-if-changed=src/args.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write_completions(&out_dir.join("completions"))?;
    write_man_pages(&out_dir.join("man"))
}

fn write_completions(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        // bash: agent-secrets.bash, zsh: _agent-secrets, fish: agent-secrets.fish
        clap_complete::generate_to(shell, &mut args::Cli::command(), BIN_NAME, dir)?;
    }
    Ok(())
}

fn write_man_pages(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut cli = args::Cli::command().disable_help_subcommand(true);
    cli.build(); // gives each subcommand its full name, e.g. agent-secrets-secret-set
    let source = format!("{BIN_NAME} {}", env!("CARGO_PKG_VERSION"));
    write_man_page(cli, dir, &source)
}

/// One page for `command` and one for each of its subcommands, all with the version.
fn write_man_page(command: clap::Command, dir: &Path, source: &str) -> std::io::Result<()> {
    for subcommand in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        write_man_page(subcommand.clone(), dir, source)?;
    }
    clap_mangen::Man::new(command)
        .source(source)
        .manual("Agent Secrets Manual")
        .generate_to(dir)?;
    Ok(())
}

//! `completions SHELL`: prints the completion script that build.rs generated from the clap
//! grammar, the same file the packages install.

use crate::args::CompletionShell;

const BASH: &str = include_str!(concat!(env!("OUT_DIR"), "/completions/agent-secrets.bash"));
const ZSH: &str = include_str!(concat!(env!("OUT_DIR"), "/completions/_agent-secrets"));
const FISH: &str = include_str!(concat!(env!("OUT_DIR"), "/completions/agent-secrets.fish"));

pub fn run(shell: CompletionShell) {
    let script = match shell {
        CompletionShell::Bash => BASH,
        CompletionShell::Zsh => ZSH,
        CompletionShell::Fish => FISH,
    };
    print!("{script}");
}

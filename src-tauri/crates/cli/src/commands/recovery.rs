use super::Out;
use crate::args::RecoveryCommand;
use crate::context::{self, CliResult};
use crate::input::read_secret;
use agent_secrets_core::ExposeSecret;
use serde_json::json;
use std::path::Path;

pub fn run(home: &Path, out: Out, command: RecoveryCommand) -> CliResult<()> {
    let mut vault = context::open_required(home)?;
    match command {
        RecoveryCommand::Show => {
            let key = vault.recovery_key()?;
            if out.json {
                crate::output::print_json(&json!({ "recoveryKey": key.as_str() }));
            } else {
                println!("{}", key.as_str());
                eprintln!(
                    "Keep this recovery key on paper or in a password manager. With it, \
                     `agent-secrets recovery restore` reopens this vault if its OS keyring entry is lost."
                );
            }
            vault.confirm_recovery_key_saved()?;
        }
        RecoveryCommand::Restore => {
            let key = read_secret("Recovery key: ")?;
            vault.restore_with_recovery_key(key.expose_secret())?;
            out.done(
                "Access restored: a new key is in the OS keyring and every value opens again.",
                json!({ "ok": true }),
            );
        }
    }
    Ok(())
}

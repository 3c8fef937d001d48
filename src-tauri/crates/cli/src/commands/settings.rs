use super::Out;
use crate::args::{SettingKey, SettingsCommand};
use crate::context::{self, CliError, CliResult};
use serde_json::json;
use std::path::Path;

pub fn run(home: &Path, out: Out, command: SettingsCommand) -> CliResult<()> {
    let mut vault = context::open_required(home)?;
    match command {
        SettingsCommand::Show => {
            let settings = vault.settings()?;
            if out.json {
                crate::output::print_json(&settings);
            } else {
                println!(
                    "clipboard-clear-seconds  {}",
                    settings.clipboard_clear_seconds
                );
            }
        }
        SettingsCommand::Set { key, value } => {
            let mut settings = vault.settings()?;
            match key {
                SettingKey::ClipboardClearSeconds => {
                    settings.clipboard_clear_seconds = value.parse().map_err(|_| {
                        CliError::Usage(format!("clipboard-clear-seconds takes a whole number of seconds, not \"{value}\""))
                    })?;
                }
            }
            let settings = vault.update_settings(&settings)?;
            out.done(
                "Settings saved.",
                json!({ "ok": true, "settings": settings }),
            );
        }
    }
    Ok(())
}

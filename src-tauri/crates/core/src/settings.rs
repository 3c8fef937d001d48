//! App settings kept in the vault file (not secret): the clipboard auto-clear delay.

use crate::error::{Error, Field, Result};
use crate::store;
use crate::vault::Vault;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const DEFAULT_CLIPBOARD_CLEAR_SECONDS: u32 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Seconds after a copy before the clipboard is cleared (if it still holds the copy); 1–600.
    pub clipboard_clear_seconds: u32,
}

impl Vault {
    pub fn settings(&self) -> Result<Settings> {
        let stored = store::settings::get(&self.conn, store::settings::CLIPBOARD_CLEAR_SECONDS)?;
        Ok(Settings {
            clipboard_clear_seconds: stored
                .and_then(|text| text.parse().ok())
                .unwrap_or(DEFAULT_CLIPBOARD_CLEAR_SECONDS),
        })
    }

    pub fn update_settings(&mut self, settings: &Settings) -> Result<Settings> {
        self.require_unlocked()?;
        if !(1..=600).contains(&settings.clipboard_clear_seconds) {
            return Err(Error::Invalid {
                field: Some(Field::Value),
                message: "the clipboard clear delay is between 1 and 600 seconds".into(),
            });
        }
        store::settings::put(
            &self.conn,
            store::settings::CLIPBOARD_CLEAR_SECONDS,
            &settings.clipboard_clear_seconds.to_string(),
        )?;
        self.settings()
    }
}

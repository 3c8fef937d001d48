//! A `.env` file chosen for import, held in the app between the preview and the import, so that
//! exactly what was previewed is imported and the web view never names a file itself.

use crate::error::{CommandError, CommandResult};
use crate::state::lock;
use agent_secrets_core::ErrorCode;
use std::sync::Mutex;
use uuid::Uuid;
use zeroize::Zeroizing;

struct HeldDotenv {
    token: String,
    project: Uuid,
    bytes: Zeroizing<Vec<u8>>,
}

/// At most one file at a time: a new preview replaces the previous one.
#[derive(Default)]
pub struct DotenvHold(Mutex<Option<HeldDotenv>>);

impl DotenvHold {
    /// Keeps `bytes` for `project`; answers the token that `take` and `cancel` name it by.
    pub fn hold(&self, project: Uuid, bytes: Zeroizing<Vec<u8>>) -> CommandResult<String> {
        let token = Uuid::new_v4().to_string();
        *lock(&self.0)? = Some(HeldDotenv {
            token: token.clone(),
            project,
            bytes,
        });
        Ok(token)
    }

    /// The held file, once: `not_found` when `token` and `project` do not name it.
    pub fn take(&self, project: Uuid, token: &str) -> CommandResult<Zeroizing<Vec<u8>>> {
        let mut slot = lock(&self.0)?;
        match slot.take() {
            Some(held) if held.token == token && held.project == project => Ok(held.bytes),
            other => {
                *slot = other;
                Err(CommandError::new(
                    ErrorCode::NotFound,
                    "This .env preview is no longer open; choose the file again.",
                ))
            }
        }
    }

    /// Forgets the held file if `token` names it.
    pub fn cancel(&self, token: &str) -> CommandResult<()> {
        let mut slot = lock(&self.0)?;
        if slot.as_ref().is_some_and(|held| held.token == token) {
            *slot = None;
        }
        Ok(())
    }
}

//! Shapes of the project and transfer commands that only the shell defines.

use agent_secrets_core::DotenvPreview;
use serde::Serialize;
use ts_rs::TS;

/// `dotenv_preview`'s answer: the chosen file, kept in the app (never sent to the web view)
/// under `token` until `dotenv_import` or `dotenv_cancel`, and what importing it would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DotenvSelection {
    pub token: String,
    pub file_name: String,
    pub preview: DotenvPreview,
}

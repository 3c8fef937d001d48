//! The one error type of the core. Every variant has a stable `code()` the shells pass on
//! (the UI branches on it, never on the message). Messages name things, never secret values.

use serde::Serialize;
use ts_rs::TS;

/// Which input an error is about, so a form can show it under the right field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ErrorField")]
pub enum Field {
    Name,
    Value,
    Visibility,
    RecoveryKey,
}

/// Stable machine-readable error codes: the UI branches on these (never on message text) and
/// `--json` output carries them. The one list; the UI's copy is generated from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    Conflict,
    Invalid,
    Restricted,
    Locked,
    KeyringUnavailable,
    Corrupt,
    Io,
    /// The system clipboard could not be used (desktop app only).
    Clipboard,
    /// A failure of a shell itself, not of the vault (desktop app only).
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 10] = [
        ErrorCode::NotFound,
        ErrorCode::Conflict,
        ErrorCode::Invalid,
        ErrorCode::Restricted,
        ErrorCode::Locked,
        ErrorCode::KeyringUnavailable,
        ErrorCode::Corrupt,
        ErrorCode::Io,
        ErrorCode::Clipboard,
        ErrorCode::Internal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::Invalid => "invalid",
            ErrorCode::Restricted => "restricted",
            ErrorCode::Locked => "locked",
            ErrorCode::KeyringUnavailable => "keyring_unavailable",
            ErrorCode::Corrupt => "corrupt",
            ErrorCode::Io => "io",
            ErrorCode::Clipboard => "clipboard",
            ErrorCode::Internal => "internal",
        }
    }
}

/// Why a vault is locked. A locked vault still lists names but refuses values and writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockReason {
    /// The vault has data but its keyring entry is gone.
    KeyMissing,
    /// The keyring entry holds a key that does not open this vault.
    KeyMismatch,
    /// The OS keyring could not be reached (no Secret Service, locked collection, …).
    KeyringUnavailable(String),
}

impl LockReason {
    pub fn code(&self) -> &'static str {
        match self {
            LockReason::KeyMissing => "key_missing",
            LockReason::KeyMismatch => "key_mismatch",
            LockReason::KeyringUnavailable(_) => "keyring_unavailable",
        }
    }

    pub fn message(&self) -> String {
        match self {
            LockReason::KeyMissing => "The vault is locked: its key is missing from the OS keyring \
                 (service \"agent-secrets\"). Your data is untouched. Restore access with your recovery key (the app's locked screen or `agent-secrets recovery restore`)."
                .to_owned(),
            LockReason::KeyMismatch => "The vault is locked: the key in the OS keyring does not open this \
                 vault. Your data is untouched. Restore access with your recovery key (the app's locked screen or `agent-secrets recovery restore`)."
                .to_owned(),
            LockReason::KeyringUnavailable(detail) => format!(
                "The vault is locked: the OS keyring is not reachable ({detail}). Your data is untouched. \
                 Unlock or start your keyring (Secret Service) and try again, or use your recovery key."
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{message}")]
    Invalid {
        field: Option<Field>,
        message: String,
    },
    #[error("{message}")]
    Conflict {
        field: Option<Field>,
        message: String,
    },
    #[error("{0}")]
    NotFound(String),
    #[error("secret \"{0}\" is Restricted: its value is never shown or copied, only used by steps, `run` and `inject`")]
    Restricted(String),
    #[error("{}", .0.message())]
    Locked(LockReason),
    #[error("the OS keyring is not reachable: {0}")]
    KeyringUnavailable(String),
    #[error("the vault data is damaged: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Io(String),
}

impl Error {
    /// Stable machine-readable code; the UI and `--json` output rely on these strings.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    pub fn error_code(&self) -> ErrorCode {
        match self {
            Error::Invalid { .. } => ErrorCode::Invalid,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Restricted(_) => ErrorCode::Restricted,
            Error::Locked(_) => ErrorCode::Locked,
            Error::KeyringUnavailable(_) => ErrorCode::KeyringUnavailable,
            Error::Corrupt(_) => ErrorCode::Corrupt,
            Error::Io(_) => ErrorCode::Io,
        }
    }

    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Invalid { field, .. } | Error::Conflict { field, .. } => *field,
            _ => None,
        }
    }

    pub(crate) fn invalid(field: Field, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: Some(field),
            message: message.into(),
        }
    }

    pub(crate) fn conflict(field: Field, message: impl Into<String>) -> Self {
        Error::Conflict {
            field: Some(field),
            message: message.into(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    // SQLite messages only ever mention statements and column names: values are bound
    // parameters and stored encrypted, so nothing secret can leak through here.
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::SqliteFailure(code, _)
                if matches!(
                    code.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                Error::Corrupt(format!("database: {e}"))
            }
            other => Error::Io(format!("database: {other}")),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn every_code_serializes_as_its_string() {
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::String(code.as_str().to_owned())
            );
        }
    }
}

//! The one error shape every command rejects with: `{ code, message, field }` (`AppError` in
//! TypeScript). Code and field are the core's types (one list, exported to the UI); the message
//! is the core error's, which never contains a secret value. The shell adds only `clipboard`
//! and `internal` failures of its own, and `invalid` for an argument it could not read.

use agent_secrets_core::{Error as CoreError, ErrorCode, Field};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "AppError")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<Field>,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        CommandError {
            code,
            message: message.into(),
            field: None,
        }
    }

    pub fn clipboard(detail: impl std::fmt::Display) -> Self {
        CommandError::new(
            ErrorCode::Clipboard,
            format!("The clipboard could not be used: {detail}"),
        )
    }

    pub fn internal(message: impl Into<String>) -> Self {
        CommandError::new(ErrorCode::Internal, message)
    }

    /// An argument the web view sent that does not have its type (an id that is not a UUID, a
    /// malformed input): the UI sent something it never got from us. Names the argument, never
    /// its value.
    pub fn bad_argument(argument: &str) -> Self {
        CommandError::new(ErrorCode::Invalid, format!("{argument} is not valid"))
    }
}

impl From<CoreError> for CommandError {
    fn from(error: CoreError) -> Self {
        CommandError {
            code: error.error_code(),
            field: error.field(),
            message: error.to_string(),
        }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CommandError {}

pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;
    use agent_secrets_core::LockReason;

    fn json(error: &CommandError) -> String {
        serde_json::to_string(error).expect("serializes")
    }

    #[test]
    fn every_core_error_keeps_its_code_and_field() {
        let cases = [
            CoreError::Invalid {
                field: Some(Field::Name),
                message: "a name is required".into(),
            },
            CoreError::Conflict {
                field: Some(Field::Visibility),
                message: "has overrides".into(),
            },
            CoreError::NotFound("no secret".into()),
            CoreError::Restricted("DB_PASSWORD".into()),
            CoreError::Locked(LockReason::KeyMissing),
            CoreError::KeyringUnavailable("no D-Bus".into()),
            CoreError::Corrupt("bad blob".into()),
            CoreError::Io("disk full".into()),
        ];
        for core in cases {
            let code = core.code();
            let field = core.field();
            let message = core.to_string();
            let mapped = CommandError::from(core);
            assert_ne!(
                mapped.code,
                ErrorCode::Internal,
                "{code} must map to its own code"
            );
            assert_eq!(
                serde_json::to_value(mapped.code).unwrap(),
                serde_json::Value::String(code.to_owned()),
                "the UI sees the core's code unchanged"
            );
            assert_eq!(mapped.field, field);
            assert_eq!(mapped.message, message);
        }
    }

    #[test]
    fn serialized_shape_is_code_message_field() {
        let invalid = CommandError::from(CoreError::Invalid {
            field: Some(Field::RecoveryKey),
            message: "this recovery key does not open this vault".into(),
        });
        assert_eq!(
            json(&invalid),
            r#"{"code":"invalid","message":"this recovery key does not open this vault","field":"recovery_key"}"#
        );
        let restricted = CommandError::from(CoreError::Restricted("API_KEY".into()));
        assert_eq!(restricted.code, ErrorCode::Restricted);
        assert!(json(&restricted).ends_with(r#""field":null}"#));
        assert!(restricted.message.contains("API_KEY"));
    }

    #[test]
    fn shell_codes() {
        assert_eq!(
            json(&CommandError::clipboard("no display"))
                .split('"')
                .nth(3),
            Some("clipboard")
        );
        assert_eq!(CommandError::internal("x").code, ErrorCode::Internal);
        let bad = CommandError::bad_argument("projectId");
        assert_eq!((bad.code, bad.field), (ErrorCode::Invalid, None));
        assert!(bad.message.contains("projectId"));
    }
}

//! The one error shape every command rejects with: `{ code, message, field }` (`AppError` in
//! TypeScript). Built from the core's error, whose message never contains a secret value; the
//! shell adds only `clipboard` and `internal` for failures of its own.

use agent_secrets_core::{Error as CoreError, Field};
use serde::Serialize;
use ts_rs::TS;

/// Stable machine-readable codes; the UI branches on these, never on message text.
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
    /// The system clipboard could not be used (shell only).
    Clipboard,
    /// A failure of the shell itself (shell only).
    Internal,
}

impl ErrorCode {
    /// The code for one of the core's `Error::code()` strings. An unknown one (a code the core
    /// added later) becomes `internal` rather than a string the UI does not know.
    pub fn from_core(code: &str) -> ErrorCode {
        match code {
            "not_found" => ErrorCode::NotFound,
            "conflict" => ErrorCode::Conflict,
            "invalid" => ErrorCode::Invalid,
            "restricted" => ErrorCode::Restricted,
            "locked" => ErrorCode::Locked,
            "keyring_unavailable" => ErrorCode::KeyringUnavailable,
            "corrupt" => ErrorCode::Corrupt,
            "io" => ErrorCode::Io,
            _ => ErrorCode::Internal,
        }
    }
}

/// Which form field an error is about (the core's `Field`, under the name the UI uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorField {
    Name,
    Value,
    Visibility,
    RecoveryKey,
}

impl From<Field> for ErrorField {
    fn from(field: Field) -> Self {
        match field {
            Field::Name => ErrorField::Name,
            Field::Value => ErrorField::Value,
            Field::Visibility => ErrorField::Visibility,
            Field::RecoveryKey => ErrorField::RecoveryKey,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "AppError")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<ErrorField>,
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

    /// An id argument that is not a UUID: the UI sent something it never got from us.
    pub fn bad_id(argument: &str) -> Self {
        CommandError::new(ErrorCode::Invalid, format!("{argument} is not a valid id"))
    }
}

impl From<CoreError> for CommandError {
    fn from(error: CoreError) -> Self {
        CommandError {
            code: ErrorCode::from_core(error.code()),
            field: error.field().map(ErrorField::from),
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
            assert_eq!(mapped.field, field.map(ErrorField::from));
            assert_eq!(mapped.message, message);
        }
    }

    #[test]
    fn fields_serialize_as_the_core_names_them() {
        for field in [
            Field::Name,
            Field::Value,
            Field::Visibility,
            Field::RecoveryKey,
        ] {
            assert_eq!(
                serde_json::to_value(ErrorField::from(field)).unwrap(),
                serde_json::to_value(field).unwrap()
            );
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
        assert_eq!(CommandError::bad_id("projectId").code, ErrorCode::Invalid);
        assert_eq!(ErrorCode::from_core("something_new"), ErrorCode::Internal);
    }
}

//! Command arguments read straight into their types (`Uuid` ids, inputs), so no command body
//! parses anything. Tauri's own reading would reject a bad argument with a bare string; this one
//! rejects with the `{ code: "invalid", message, field }` every command uses, naming the argument.

use crate::error::{CommandError, CommandResult};
use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::Runtime;

/// One argument of a command, of type `T`. Only the generated command wrappers use it.
pub struct Arg<T>(pub T);

/// Reads argument `key` (its camelCase name in the UI's call) as a `T`.
pub fn read_arg<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    key: &str,
    deserializer: D,
) -> CommandResult<T> {
    // serde's message is left out: it could quote what was sent (a value, in a wrong shape).
    T::deserialize(deserializer).map_err(|_| CommandError::bad_argument(key))
}

impl<'de, R: Runtime, T: DeserializeOwned> CommandArg<'de, R> for Arg<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let key = command.key;
        read_arg(key, command).map(Arg).map_err(InvokeError::from)
    }
}

#[cfg(test)]
mod tests {
    use super::read_arg;
    use agent_secrets_core::ErrorCode;
    use serde_json::json;
    use uuid::Uuid;

    #[test]
    fn ids_are_read_as_uuids_or_refused_by_name() {
        let id = Uuid::new_v4();
        assert_eq!(
            read_arg::<Uuid, _>("projectId", json!(id.to_string())).unwrap(),
            id
        );
        for bad in [json!("not-a-uuid"), json!(42), json!(null)] {
            let error = read_arg::<Uuid, _>("projectId", bad).unwrap_err();
            assert_eq!((error.code, error.field), (ErrorCode::Invalid, None));
            assert!(error.message.contains("projectId"), "{}", error.message);
        }
        assert_eq!(
            read_arg::<Option<Uuid>, _>("environmentId", json!(null)).unwrap(),
            None
        );
    }
}

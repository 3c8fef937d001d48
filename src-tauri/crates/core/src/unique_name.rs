//! Project, environment and step names are unique among their siblings, ignoring case: the
//! one check behind "a … named X already exists", given what the store found under the name.

use crate::error::{Error, Field, Result};
use uuid::Uuid;

/// Refuses the name when `holder` (the row the store found under it) is another row than
/// `except` (the row being renamed, if any).
pub(crate) fn ensure_free(
    holder: Option<Uuid>,
    except: Option<Uuid>,
    message: impl FnOnce() -> String,
) -> Result<()> {
    match holder {
        Some(other) if Some(other) != except => Err(Error::conflict(Field::Name, message())),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_another_holder_is_a_conflict() {
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let message = || "taken".to_owned();
        assert!(ensure_free(None, None, message).is_ok());
        assert!(ensure_free(Some(a), Some(a), message).is_ok());
        let error = ensure_free(Some(a), Some(b), message).unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("conflict", Some(Field::Name))
        );
        assert!(ensure_free(Some(a), None, message).is_err());
    }
}

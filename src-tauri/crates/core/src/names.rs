//! Naming and size rules, and every limit and built-in name, in one place so the CLI, the app,
//! imports and the UI agree (the UI gets them as ui/src/ipc/limits.ts, written by the desktop
//! shell's bindings step).

use crate::error::{Error, Field, Result};

/// A secret's value (and an override's), in bytes.
pub const MAX_VALUE_BYTES: usize = 64 * 1024;
/// A project variable's value, in bytes: the same ceiling as a secret's.
pub const MAX_VARIABLE_BYTES: usize = MAX_VALUE_BYTES;
/// Secret and variable names, in bytes (they are ASCII).
pub const MAX_NAME_LEN: usize = 128;
/// Project, environment and step names, in characters.
pub const MAX_LABEL_CHARS: usize = 100;
/// The environments every project has, in their order; they cannot be renamed or deleted.
pub const BUILT_IN_ENVIRONMENTS: [&str; 2] = ["Development", "Production"];
/// The project a new (or freshly restored, empty) vault starts with in the app.
pub const FIRST_PROJECT_NAME: &str = "My Agent";

/// Secret and variable names: `^[A-Za-z_][A-Za-z0-9_]{0,127}$` (they become `{NAME}` references
/// and environment variable names).
pub fn check_secret_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let valid_start = matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_');
    let valid_rest = chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if name.is_empty() {
        return Err(Error::invalid(Field::Name, "a name is required"));
    }
    if name.len() > MAX_NAME_LEN {
        return Err(Error::invalid(
            Field::Name,
            format!("a name has at most {MAX_NAME_LEN} characters"),
        ));
    }
    if !valid_start || !valid_rest {
        return Err(Error::invalid(
            Field::Name,
            "a name starts with a letter or _ and has only letters, digits and _ (like DB_PASSWORD)",
        ));
    }
    Ok(())
}

pub fn check_value(value: &str) -> Result<()> {
    if value.len() > MAX_VALUE_BYTES {
        return Err(Error::invalid(
            Field::Value,
            format!(
                "a value is at most 64 KiB ({MAX_VALUE_BYTES} bytes); this one has {} bytes",
                value.len()
            ),
        ));
    }
    Ok(())
}

/// Project and environment names: human labels. Trimmed; 1–100 characters; no control
/// characters. Returns the trimmed name.
pub fn check_label<'a>(kind: &str, name: &'a str) -> Result<&'a str> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(
            Field::Name,
            format!("a {kind} name is required"),
        ));
    }
    if trimmed.chars().count() > MAX_LABEL_CHARS {
        return Err(Error::invalid(
            Field::Name,
            format!("a {kind} name has at most {MAX_LABEL_CHARS} characters"),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Error::invalid(
            Field::Name,
            format!("a {kind} name cannot contain control characters"),
        ));
    }
    Ok(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn secret_names() {
        for ok in ["A", "_", "DB_PASSWORD", "a1", &"X".repeat(128)] {
            assert!(check_secret_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "1A", "A-B", "A B", "É", "{A}", &"X".repeat(129)] {
            assert!(check_secret_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn values() {
        assert!(check_value("").is_ok());
        assert!(check_value(&"x".repeat(MAX_VALUE_BYTES)).is_ok());
        assert!(check_value(&"x".repeat(MAX_VALUE_BYTES + 1)).is_err());
    }

    #[test]
    fn value_error_never_echoes_the_value() {
        let value = "S3CRET".repeat(20_000);
        let err = check_value(&value).unwrap_err();
        assert!(!err.to_string().contains("S3CRET"));
    }

    #[test]
    fn labels() {
        assert_eq!(check_label("project", "  My Agent ").unwrap(), "My Agent");
        assert!(check_label("project", "   ").is_err());
        assert!(check_label("project", "a\nb").is_err());
    }

    proptest! {
        #[test]
        fn every_name_of_the_documented_form_is_accepted(name in "[A-Za-z_][A-Za-z0-9_]{0,127}") {
            prop_assert!(check_secret_name(&name).is_ok());
        }

        #[test]
        fn a_name_with_any_other_character_is_rejected(
            head in "[A-Za-z_][A-Za-z0-9_]{0,20}",
            odd in "[^A-Za-z0-9_]",
            tail in "[A-Za-z0-9_]{0,20}",
        ) {
            let name = format!("{head}{odd}{tail}");
            prop_assert!(check_secret_name(&name).is_err());
        }
    }
}

//! Rendering a parsed text: the names it may refer to (`Bindings`: a project's secrets
//! resolved for one environment, and its variables) and the text with every reference
//! replaced, or every reference that does not resolve.

use super::{Position, Segment, Template};
use crate::model::{Variable, Visibility};
use crate::secrets::Resolution;
use crate::SecretString;
use secrecy::ExposeSecret;
use std::collections::{BTreeSet, HashMap};
use std::fmt;

/// Why a reference did not resolve. Names and places only, never values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceError {
    UnknownName {
        name: String,
        at: Position,
    },
    MissingValue {
        name: String,
        environment: String,
        at: Position,
    },
}

impl fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReferenceError::UnknownName { name, at } => write!(
                f,
                "{{{name}}} at {at}: this project has no secret or variable named {name}"
            ),
            ReferenceError::MissingValue {
                name,
                environment,
                at,
            } => write!(
                f,
                "{{{name}}} at {at}: secret {name} has no value in {environment} (no override and no default)"
            ),
        }
    }
}

impl std::error::Error for ReferenceError {}

/// What a name stands for when rendering.
#[derive(Clone, Copy)]
pub enum Binding<'v> {
    Variable(&'v str),
    Secret {
        value: &'v SecretString,
        visibility: Visibility,
    },
    /// A secret with neither an override nor a default in the environment.
    MissingSecret,
}

/// The names a text may refer to: a project's secrets resolved for one environment and its
/// variables (secrets and variables share one namespace).
pub struct Bindings<'v> {
    environment: &'v str,
    entries: HashMap<&'v str, Binding<'v>>,
}

impl<'v> Bindings<'v> {
    pub fn new(resolution: &'v Resolution, variables: &'v [Variable]) -> Bindings<'v> {
        let mut entries = HashMap::new();
        for variable in variables {
            entries.insert(variable.name.as_str(), Binding::Variable(&variable.value));
        }
        // The vault keeps the namespace unique; should a name ever be both, the secret wins.
        for name in &resolution.missing {
            entries.insert(name.as_str(), Binding::MissingSecret);
        }
        for secret in &resolution.values {
            entries.insert(
                secret.name.as_str(),
                Binding::Secret {
                    value: &secret.value,
                    visibility: secret.visibility,
                },
            );
        }
        Bindings {
            environment: &resolution.environment.name,
            entries,
        }
    }

    pub fn get(&self, name: &str) -> Option<Binding<'v>> {
        self.entries.get(name).copied()
    }

    pub fn environment(&self) -> &str {
        self.environment
    }
}

impl<'a> Template<'a> {
    /// The referenced names bound to Restricted secrets, sorted: a caller decides from this
    /// whether the rendered text may be shown.
    pub fn restricted_names(&self, bindings: &Bindings<'_>) -> BTreeSet<&'a str> {
        self.names()
            .into_iter()
            .filter(|name| {
                matches!(
                    bindings.get(name),
                    Some(Binding::Secret {
                        visibility: Visibility::Restricted,
                        ..
                    })
                )
            })
            .collect()
    }

    /// The text with every reference replaced by its value, or every reference that does not
    /// resolve (in order of appearance).
    pub fn render(&self, bindings: &Bindings<'_>) -> Result<SecretString, Vec<ReferenceError>> {
        let mut errors = Vec::new();
        let mut out = zeroize::Zeroizing::new(String::with_capacity(self.source().len()));
        for segment in self.segments() {
            match segment {
                Segment::Literal(text) => out.push_str(text),
                Segment::Reference(reference) => match bindings.get(reference.name) {
                    Some(Binding::Variable(value)) => out.push_str(value),
                    Some(Binding::Secret { value, .. }) => out.push_str(value.expose_secret()),
                    Some(Binding::MissingSecret) => errors.push(ReferenceError::MissingValue {
                        name: reference.name.to_owned(),
                        environment: bindings.environment.to_owned(),
                        at: Position::of(self.source(), reference.span.start),
                    }),
                    None => errors.push(ReferenceError::UnknownName {
                        name: reference.name.to_owned(),
                        at: Position::of(self.source(), reference.span.start),
                    }),
                },
            }
        }
        if errors.is_empty() {
            Ok(SecretString::from(out.as_str()))
        } else {
            Err(errors)
        }
    }
}

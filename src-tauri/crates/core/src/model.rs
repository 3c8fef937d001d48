//! The records the vault hands out. None of them carries a secret value: values only leave
//! the core as `SecretString`, through `reveal` (Masked only) or `resolve_for_use`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Shown as dots; revealable and copyable on request.
    Masked,
    /// Never returned for display or copy; only resolved for use.
    Restricted,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Masked => "masked",
            Visibility::Restricted => "restricted",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "masked" => Some(Visibility::Masked),
            "restricted" => Some(Visibility::Restricted),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EnvironmentKind {
    Development,
    Production,
    Custom,
}

impl EnvironmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EnvironmentKind::Development => "development",
            EnvironmentKind::Production => "production",
            EnvironmentKind::Custom => "custom",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "development" => Some(EnvironmentKind::Development),
            "production" => Some(EnvironmentKind::Production),
            "custom" => Some(EnvironmentKind::Custom),
            _ => None,
        }
    }

    pub fn is_builtin(self) -> bool {
        self != EnvironmentKind::Custom
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProjectSummary {
    #[ts(type = "string")]
    pub id: Uuid,
    pub name: String,
    pub secret_count: u32,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Environment {
    #[ts(type = "string")]
    pub id: Uuid,
    pub name: String,
    pub kind: EnvironmentKind,
}

/// One row of the Secrets table: everything about a secret except its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecretRow {
    #[ts(type = "string")]
    pub id: Uuid,
    pub name: String,
    pub visibility: Visibility,
    pub has_default: bool,
    /// Environments with an override of their own.
    #[ts(type = "string[]")]
    pub overridden_in: Vec<Uuid>,
    /// Environments where the value resolves to nothing (no override, no default).
    #[ts(type = "string[]")]
    pub missing_in: Vec<Uuid>,
    /// The source of an import or duplicate had a default value, still to be re-entered.
    pub pending_default: bool,
    /// Environments where the source had an override, still to be re-entered.
    #[ts(type = "string[]")]
    pub pending_in: Vec<Uuid>,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Variable {
    pub name: String,
    pub value: String,
}

/// Counts for `doctor`; no names, no values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VaultCounts {
    pub projects: u32,
    pub secrets: u32,
    pub overrides: u32,
    pub variables: u32,
}

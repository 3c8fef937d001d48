//! The Agent Secrets vault. Every rule lives here; the desktop app and the CLI are thin shells.
//!
//! Map (see docs/ARCHITECTURE.md): `crypto` (AES-256-GCM envelope) ← `aad` (what a blob is
//! bound to) ← `vault` (keys, lock state, recovery, seal/open) ← domain modules `projects`,
//! `environments`, `secrets`, `variables`, `steps`, `settings`, `transfer` (each an
//! `impl Vault` block with the rules) → `store` (one module per SQLite table, the only SQL);
//! `app` (what both shells call: current project, first project, lookups, resolution) sits on top.

pub mod aad;
pub mod app;
pub mod crypto;
pub mod encoded_forms;
mod environments;
pub mod error;
pub mod http_send;
pub mod keystore;
pub mod model;
pub mod names;
mod projects;
pub mod recovery;
pub mod redact;
pub mod reference;
pub mod scan;
mod secrets;
pub mod settings;
pub mod step_preview;
pub mod steps;
mod store;
pub mod transfer;
mod unique_name;
mod variables;
mod vault;

pub use error::{Error, ErrorCode, Field, LockReason, Result};
pub use keystore::{KeyStore, OsKeyring};
pub use model::*;
pub use secrecy::{ExposeSecret, SecretString};
pub use secrets::{NewSecret, OverrideEdit, Resolution, ResolvedSecret, SecretUpdate, StoredValue};
pub use settings::Settings;
pub use step_preview::StepPreview;
pub use steps::{Step, StepDefinition, StepKind};
pub use transfer::dotenv::InvalidLine;
pub use transfer::{
    DotenvImportReport, DotenvPreview, DotenvPreviewEntry, ImportReport, PendingValue,
};
pub use vault::{default_home, LockInfo, Opened, Vault, VaultStatus, DATABASE_FILE};

#[cfg(any(test, feature = "test-support"))]
pub use keystore::MemoryKeyStore;

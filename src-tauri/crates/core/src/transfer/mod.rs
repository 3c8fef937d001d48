//! Moving projects in and out of the vault without their values: the project file
//! (`project_file`), `.env` import and `.env.example` export (`dotenv`), atomic file writes
//! (`atomic`), and the vault operations on top of them (`ops`): duplicate, export, import,
//! pending values for the guided re-entry, and the last used project.

pub mod atomic;
pub mod dotenv;
mod ops;
pub mod project_file;

pub use ops::{DotenvImportReport, DotenvPreview, DotenvPreviewEntry, ImportReport, PendingValue};

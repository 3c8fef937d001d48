//! The command bodies that are more than one call into the core: those that need the clipboard,
//! a file dialog, the held `.env` file, or the vault for only part of their work. Each takes the
//! `Shell`, so it is tested without a window. The one-call bodies are in the table
//! (commands.rs).

mod scan;
mod secrets;
mod steps;
mod transfer;

pub use scan::{
    finding_folder, scan_choose_folder, scan_open_folder, scan_set_folder, scan_start, scan_status,
    ScanJobs, ScanStatus,
};

pub use secrets::{secret_copy, vault_status};
pub use steps::step_send;
pub use transfer::{
    dotenv_cancel, dotenv_import, dotenv_preview, export_dotenv_example, project_export,
    project_import,
};

//! The scan's own errors. None of them carries file content: paths and git's messages only.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("{} does not exist", .0.display())]
    Missing(PathBuf),
    #[error("{} is not in a git repository", .0.display())]
    NotARepository(PathBuf),
    #[error("git: {0}")]
    Git(String),
    #[error("{}: {message}", .path.display())]
    Io { path: PathBuf, message: String },
    #[error("{} is not a shell script; add `{command}` to it yourself", .path.display())]
    HookNotShell { path: PathBuf, command: String },
    #[error("the scan was cancelled")]
    Cancelled,
}

impl ScanError {
    /// Whether the error is about what was asked (a path, a folder outside git): the CLI
    /// answers it as a usage error.
    pub fn is_usage(&self) -> bool {
        matches!(self, ScanError::Missing(_) | ScanError::NotARepository(_))
    }
}

impl From<ScanError> for crate::Error {
    fn from(e: ScanError) -> Self {
        match e {
            ScanError::Missing(_) | ScanError::NotARepository(_) => {
                crate::Error::NotFound(e.to_string())
            }
            ScanError::HookNotShell { .. } => crate::Error::Conflict {
                field: None,
                message: e.to_string(),
            },
            ScanError::Git(_) | ScanError::Io { .. } | ScanError::Cancelled => {
                crate::Error::Io(e.to_string())
            }
        }
    }
}

//! Writing an exported or rendered file (project files, `inject -o`, `export-env -o`) atomically: a temporary file beside the target (mode 0600 from the
//! start), written, fsynced, renamed over the target, then the directory fsynced. A reader sees
//! the old file or the whole new one, never half of it.

use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::path::Path;

pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    let failed = |e: std::io::Error| Error::Io(format!("cannot write {}: {e}", path.display()));
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".agent-secrets-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut file = builder.tempfile_in(dir).map_err(failed)?;
    file.write_all(contents).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    file.persist(path).map_err(|e| failed(e.error))?;
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(failed)?;
    Ok(())
}

/// Reads a file to import, refusing one larger than `limit` bytes without reading it all.
pub fn read_limited(path: &Path, limit: usize, what: &str) -> Result<Vec<u8>> {
    let failed = |e: std::io::Error| Error::Io(format!("cannot read {}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(failed)?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() > limit {
        return Err(Error::Invalid {
            field: None,
            message: format!(
                "This {what} cannot be imported: {} is larger than 10 MiB, the limit. Nothing was changed.",
                path.display()
            ),
        });
    }
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn replaces_the_file_with_mode_0600_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.agent-secrets.json");
        std::fs::write(&path, "old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_unwritable_place_is_an_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-dir").join("out");
        let message = write(&path, b"x").unwrap_err().to_string();
        assert!(message.contains("missing-dir"), "{message}");
    }

    #[test]
    fn read_limited_refuses_large_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        std::fs::write(&path, vec![b'x'; 11]).unwrap();
        assert_eq!(read_limited(&path, 11, "file").unwrap().len(), 11);
        let err = read_limited(&path, 10, "project file").unwrap_err();
        assert!(err.to_string().contains("larger than 10 MiB"));
    }
}

//! Writing files so that nobody ever sees half of one.
//!
//! A feed that is being uploaded or served while it is written must be either
//! the old file or the new one. Each file is written to a temporary file in
//! the same folder (a rename across file systems is not atomic), flushed to
//! disk, and then renamed over the target. When several files belong
//! together, all of them are written first and renamed only when every one
//! was written, so a full disk leaves the old set in place.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::failure::Failure;

/// Writes `contents` to `path` atomically.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    write_all_atomically(&[(path.to_path_buf(), contents.to_vec())])
}

/// Writes every `(path, contents)` pair, replacing all targets only after
/// every temporary file was written. On failure, no target is touched and
/// the temporary files are removed.
pub fn write_all_atomically(files: &[(PathBuf, Vec<u8>)]) -> Result<(), Failure> {
    let mut written: Vec<(PathBuf, &Path)> = Vec::with_capacity(files.len());
    for (path, contents) in files {
        match write_temporary(path, contents) {
            Ok(temporary) => written.push((temporary, path)),
            Err(failure) => {
                remove_all(&written);
                return Err(failure);
            }
        }
    }
    for (index, (temporary, path)) in written.iter().enumerate() {
        if let Err(e) = fs::rename(temporary, path) {
            remove_all(&written[index..]);
            return Err(Failure::new(format!("cannot write {}: {e}", path.display())));
        }
    }
    Ok(())
}

fn write_temporary(path: &Path, contents: &[u8]) -> Result<PathBuf, Failure> {
    let file_name = path
        .file_name()
        .ok_or_else(|| Failure::new(format!("cannot write {}: it is not a file name", path.display())))?;
    // A dot file next to the target, named after it and this process.
    let temporary =
        path.with_file_name(format!(".{}.{}.tmp", file_name.to_string_lossy(), std::process::id()));
    let result = File::create(&temporary).and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()
    });
    match result {
        Ok(()) => Ok(temporary),
        Err(e) => {
            let _ = fs::remove_file(&temporary);
            Err(Failure::new(format!("cannot write {}: {e}", path.display())))
        }
    }
}

fn remove_all(written: &[(PathBuf, &Path)]) {
    for (temporary, _) in written {
        let _ = fs::remove_file(temporary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_files_leaving_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("feed.json");
        write_atomically(&target, b"old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failing_file_leaves_every_target_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("residents.json");
        fs::write(&first, "old").unwrap();
        let impossible = dir.path().join("no-such-folder").join("all.json");
        let failure = write_all_atomically(&[(first.clone(), b"new".to_vec()), (impossible, b"x".to_vec())])
            .unwrap_err();
        assert!(failure.0.contains("no-such-folder"), "{failure}");
        assert_eq!(fs::read(&first).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "temporary files are cleaned up");
    }
}

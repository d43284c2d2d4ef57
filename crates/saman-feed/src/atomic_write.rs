//! Writing files so that nobody ever sees half of one.
//!
//! A feed that is being uploaded or served while it is written must be either
//! the old file or the new one. Each file is written to a temporary file in
//! the same folder (a rename across file systems is not atomic), flushed to
//! disk, and then renamed over the target. When several files belong
//! together, all of them are written first and renamed only when every one
//! was written, so a full disk leaves the old set in place.
//!
//! Only regular files are replaced. A symbolic link is followed, so the file
//! it points to is replaced and the link stays. Anything else that already
//! exists under the name (`/dev/null`, `/dev/stdout`, a named pipe) is
//! written into, as a shell's `>` would: renaming over it would put a regular
//! file in its place, and a `/dev/null` that keeps what is written to it
//! feeds that text to every program that reads it afterwards.

use std::fs::{self, File, OpenOptions};
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
    let mut written: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len());
    let mut special: Vec<(&Path, &[u8])> = Vec::new();
    for (path, contents) in files {
        let target = match Target::of(path) {
            Target::Replace(target) => target,
            Target::WriteInto => {
                special.push((path, contents));
                continue;
            }
        };
        match write_temporary(&target, contents) {
            Ok(temporary) => written.push((temporary, target)),
            Err(failure) => {
                remove_all(&written);
                return Err(failure);
            }
        }
    }
    for (index, (temporary, target)) in written.iter().enumerate() {
        if let Err(e) = fs::rename(temporary, target) {
            remove_all(&written[index..]);
            return Err(Failure::new(format!("cannot write {}: {e}", target.display())));
        }
    }
    for (path, contents) in special {
        // Not created, not truncated: a device or pipe has no old contents.
        OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut file| file.write_all(contents))
            .map_err(|e| Failure::new(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// How a path is written.
enum Target {
    /// A regular file, or a name that does not exist yet: a temporary file is
    /// renamed to this path (a symbolic link's destination).
    Replace(PathBuf),
    /// Something that exists and is not a regular file (a device, a pipe).
    WriteInto,
}

impl Target {
    fn of(path: &Path) -> Target {
        let target = match fs::symlink_metadata(path) {
            // A dangling link stays as it is; renaming over it makes a file.
            Ok(meta) if meta.file_type().is_symlink() => {
                fs::canonicalize(path).unwrap_or_else(|_| path.into())
            }
            _ => path.to_path_buf(),
        };
        match fs::metadata(&target) {
            // A folder is left to the rename, which refuses it with a clear error.
            Ok(meta) if !meta.is_file() && !meta.is_dir() => Target::WriteInto,
            _ => Target::Replace(target),
        }
    }
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

fn remove_all(written: &[(PathBuf, PathBuf)]) {
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

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_and_the_file_it_points_to_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("feed.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file left");
    }

    /// A named pipe stands for `/dev/null` and `/dev/stdout`, which a test
    /// must not risk replacing: renaming over one of them would turn it
    /// into a regular file for every process on the machine.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_into_and_stays_a_pipe() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("digest.html");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success(), "mkfifo");
        // The reader opens the pipe first; a writer that renamed over it
        // instead would leave this thread waiting, and the check below fails.
        let reader = {
            let pipe = pipe.clone();
            std::thread::spawn(move || fs::read(pipe).unwrap())
        };
        write_atomically(&pipe, b"<p>digest</p>").unwrap();
        assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo(), "still a named pipe");
        assert_eq!(reader.join().unwrap(), b"<p>digest</p>");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }
}

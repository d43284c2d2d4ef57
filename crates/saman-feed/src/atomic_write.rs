//! Writing files so that nobody ever sees half of one.
//!
//! A feed that is being uploaded or served while it is written must be either
//! the old file or the new one. Each file is written to a temporary file in
//! the same folder (a rename across file systems is not atomic), flushed to
//! disk, and then renamed over the target. When several files belong
//! together, all of them are written first and renamed only when every one
//! was written, so a full disk leaves the old set in place.
//!
//! Only regular files are replaced. A symbolic link to one is followed, so
//! the file it points to is replaced and the link stays. Everything else is
//! appended to, as a shell's `>>` would: a device or named pipe that exists
//! under the name (`/dev/null`, a pipe), any name in `/dev` or `/proc`
//! (`/dev/stdout` may lead to the very file a shell is appending this
//! program's output to), and a link that leads nowhere (the file it names
//! is created). Renaming over such a name would put a regular file in its
//! place, and a `/dev/null` that keeps what is written to it feeds that text
//! to every program that reads it afterwards.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::failure::Failure;

/// Writes `contents` to `path` atomically.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    write_all_atomically(&[(path.to_path_buf(), contents.to_vec())])
}

/// Writes every `(path, contents)` pair, replacing all regular files only
/// after every temporary file was written. On failure, no regular file is
/// touched and the temporary files are removed. What is appended to (see the
/// module) cannot be taken back: it is written after every temporary file,
/// before the first rename.
pub fn write_all_atomically(files: &[(PathBuf, Vec<u8>)]) -> Result<(), Failure> {
    let mut written: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len());
    let mut appended: Vec<(&Path, &[u8])> = Vec::new();
    for (index, (path, contents)) in files.iter().enumerate() {
        let target = match Target::of(path) {
            Target::Replace(target) => target,
            Target::Append => {
                appended.push((path, contents));
                continue;
            }
        };
        match write_temporary(&target, index, contents) {
            Ok(temporary) => written.push((temporary, target)),
            Err(failure) => {
                remove_all(&written);
                return Err(failure);
            }
        }
    }
    for (path, contents) in appended {
        let result = OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .and_then(|mut file| file.write_all(contents));
        if let Err(e) = result {
            remove_all(&written);
            return Err(Failure::new(format!("cannot write {}: {e}", path.display())));
        }
    }
    for (index, (temporary, target)) in written.iter().enumerate() {
        if let Err(e) = fs::rename(temporary, target) {
            remove_all(&written[index..]);
            return Err(Failure::new(format!("cannot write {}: {e}", target.display())));
        }
    }
    Ok(())
}

/// How a path is written.
#[derive(Debug, PartialEq)]
enum Target {
    /// A regular file, or a name that does not exist yet: a temporary file is
    /// renamed to this path (for a link, the file it points to).
    Replace(PathBuf),
    /// Anything else: appended to.
    Append,
}

impl Target {
    fn of(path: &Path) -> Target {
        let in_system_folder = path
            .parent()
            .map(|folder| if folder.as_os_str().is_empty() { Path::new(".") } else { folder })
            .and_then(|folder| fs::canonicalize(folder).ok())
            .is_some_and(|folder| folder.starts_with("/dev") || folder.starts_with("/proc"));
        if in_system_folder {
            return Target::Append;
        }
        match fs::symlink_metadata(path) {
            Err(_) => Target::Replace(path.to_path_buf()),
            // A folder is left to the rename, which refuses it with a clear error.
            Ok(meta) if meta.is_file() || meta.is_dir() => Target::Replace(path.to_path_buf()),
            Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
                Ok(target) if fs::metadata(&target).is_ok_and(|meta| meta.is_file()) => {
                    Target::Replace(target)
                }
                _ => Target::Append,
            },
            Ok(_) => Target::Append,
        }
    }
}

fn write_temporary(path: &Path, index: usize, contents: &[u8]) -> Result<PathBuf, Failure> {
    let file_name = path
        .file_name()
        .ok_or_else(|| Failure::new(format!("cannot write {}: it is not a file name", path.display())))?;
    // A dot file next to the target, named after it, this process and the
    // place in the set (a link and its file may both be in one set).
    let temporary =
        path.with_file_name(format!(".{}.{}.{index}.tmp", file_name.to_string_lossy(), std::process::id()));
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

    /// A folder with `real.json` ("old") and `feed.json`, a link to it.
    #[cfg(unix)]
    fn link_to_a_file() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("feed.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        (dir, real, link)
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_and_the_file_it_points_to_is_replaced() {
        let (dir, real, link) = link_to_a_file();
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

    #[cfg(unix)]
    #[test]
    fn a_link_that_leads_nowhere_stays_and_its_file_is_created() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.json");
        let link = dir.path().join("feed.json");
        std::os::unix::fs::symlink(&missing, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&missing).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_and_its_file_in_one_set_do_not_share_a_temporary_file() {
        let (dir, real, link) = link_to_a_file();
        write_all_atomically(&[(real.clone(), b"first".to_vec()), (link.clone(), b"second".to_vec())])
            .unwrap();
        assert_eq!(fs::read(&real).unwrap(), b"second");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file left");
    }

    /// Decided without writing: these names belong to the system, and a
    /// test must not risk replacing them.
    #[cfg(target_os = "linux")]
    #[test]
    fn names_in_dev_and_proc_are_appended_to_never_replaced() {
        for name in ["/dev/null", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/dev/no-such-device"] {
            assert_eq!(Target::of(Path::new(name)), Target::Append, "{name}");
        }
        let dir = tempfile::tempdir().unwrap();
        let feed = dir.path().join("feed.json");
        assert_eq!(Target::of(&feed), Target::Replace(feed.clone()));
    }
}

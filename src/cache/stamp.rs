//! What a cache was made from: the content directory and the identity of each of its
//! files, taken before the files are read, so that any later change shows as a mismatch.

use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::library::load::{json_files, library_entries};

/// A file whose modification time is this close to the moment it was stamped (or later)
/// may still change within the same tick of the file system's clock without its time
/// moving, so its contents are hashed as well.
const RACY: Duration = Duration::from_secs(2);

/// The content directory as the cache saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The directory, canonical.
    pub dir: String,
    /// Every library file of it, in name order.
    pub files: Vec<FileStamp>,
}

/// One file's identity: enough that an edit, a `touch`, a rename or a replacement changes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// File name within the directory.
    pub name: String,
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since the epoch.
    pub modified: i128,
    /// Status-change time and inode, where the platform has them: a write that puts the
    /// modification time back still moves the change time, and a file renamed over
    /// another has a different inode.
    pub changed: i128,
    pub inode: u64,
    /// A hash of the contents, for a file modified too recently for its times to be trusted.
    pub hash: Option<u64>,
}

impl Stamp {
    /// Stamps the library files of `dir` now.
    pub fn take(dir: &Path) -> io::Result<Stamp> {
        let canonical = fs::canonicalize(dir)?;
        let paths = json_files(dir).map_err(|d| io::Error::other(d.message))?;
        let now = nanos(SystemTime::now());
        let files = paths.iter().map(|path| FileStamp::take(path, now)).collect::<io::Result<_>>()?;
        Ok(Stamp { dir: canonical.to_string_lossy().into_owned(), files })
    }

    /// Whether `dir` still holds exactly the files this stamp describes: same names, same
    /// identities, and for the files hashed, the same contents. The first difference
    /// found, in words, when it does not.
    pub fn differs_from_disk(&self, dir: &Path) -> Option<String> {
        let canonical = match fs::canonicalize(dir) {
            Ok(c) => c.to_string_lossy().into_owned(),
            Err(e) => return Some(format!("cannot read {}: {e}", dir.display())),
        };
        if canonical != self.dir {
            return Some(format!("made for {}", self.dir));
        }
        let entries = match library_entries(dir) {
            Ok(entries) => entries,
            Err(problem) => return Some(problem.message),
        };
        let names: Vec<String> = entries.iter().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        if let Some(change) = added_or_removed(&self.files, &names) {
            return Some(change);
        }
        self.files.iter().zip(&entries).find_map(|(old, entry)| old.differs(entry))
    }
}

/// The first file added to or removed from the directory, if any.
fn added_or_removed(files: &[FileStamp], names: &[String]) -> Option<String> {
    let now: HashSet<&str> = names.iter().map(String::as_str).collect();
    let then: HashSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    if let Some(file) = files.iter().find(|f| !now.contains(f.name.as_str())) {
        return Some(format!("{} was removed or renamed", file.name));
    }
    let added = names.iter().find(|n| !then.contains(n.as_str()));
    added.map(|name| format!("{name} was added"))
}

impl FileStamp {
    fn take(path: &Path, now: i128) -> io::Result<FileStamp> {
        let metadata = fs::metadata(path)?;
        let (modified, changed, inode) = times(&metadata);
        let racy = modified >= now - RACY.as_nanos() as i128;
        let hash = if racy { Some(hash_file(path)?) } else { None };
        Ok(FileStamp { name: file_name(path), len: metadata.len(), modified, changed, inode, hash })
    }

    /// How the file of directory entry `entry` differs from this stamp, if it does.
    fn differs(&self, entry: &fs::DirEntry) -> Option<String> {
        let changed = |what: &str| Some(format!("{} {what}", self.name));
        // The entry's own status, looked up in the open directory, unless it is a link,
        // whose target is what is read.
        let metadata = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => entry.metadata(),
            _ => fs::metadata(entry.path()),
        };
        let Ok(metadata) = metadata else {
            return changed("cannot be read");
        };
        if (metadata.len(), times(&metadata)) != (self.len, (self.modified, self.changed, self.inode)) {
            return changed("changed");
        }
        match self.hash {
            Some(hash) if hash_file(&entry.path()).ok() != Some(hash) => changed("changed"),
            _ => None,
        }
    }
}

/// The hash of a file's contents.
fn hash_file(path: &Path) -> io::Result<u64> {
    Ok(xxhash_rust::xxh3::xxh3_64(&fs::read(path)?))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// (modified, status changed, inode), times in nanoseconds since the epoch.
#[cfg(unix)]
fn times(metadata: &Metadata) -> (i128, i128, u64) {
    use std::os::unix::fs::MetadataExt;
    let at = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
    (at(metadata.mtime(), metadata.mtime_nsec()), at(metadata.ctime(), metadata.ctime_nsec()), metadata.ino())
}

/// (modified, 0, 0) where the platform has no status-change time or inode.
#[cfg(not(unix))]
fn times(metadata: &Metadata) -> (i128, i128, u64) {
    (metadata.modified().map_or(0, nanos), 0, 0)
}

/// Nanoseconds since the epoch (negative before it).
fn nanos(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.json"), "{}").unwrap();
        fs::write(dir.path().join("b.json"), "{}").unwrap();
        dir
    }

    #[test]
    fn an_untouched_directory_matches_its_stamp() {
        let dir = library_dir();
        let stamp = Stamp::take(dir.path()).unwrap();
        assert_eq!(stamp.files.len(), 2);
        assert_eq!(stamp.differs_from_disk(dir.path()), None);
    }

    #[test]
    fn a_fresh_file_is_hashed_so_a_same_size_edit_is_seen() {
        let dir = library_dir();
        let stamp = Stamp::take(dir.path()).unwrap();
        assert!(stamp.files.iter().all(|f| f.hash.is_some()), "files written just now are racy");
        let path = dir.path().join("a.json");
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        fs::write(&path, "[]").unwrap();
        fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
        assert_eq!(stamp.differs_from_disk(dir.path()).as_deref(), Some("a.json changed"));
    }

    #[test]
    fn additions_and_removals_are_named() {
        let dir = library_dir();
        let stamp = Stamp::take(dir.path()).unwrap();
        fs::write(dir.path().join("c.json"), "{}").unwrap();
        assert_eq!(stamp.differs_from_disk(dir.path()).as_deref(), Some("c.json was added"));
        fs::rename(dir.path().join("c.json"), dir.path().join("b.json")).unwrap();
        assert_eq!(stamp.differs_from_disk(dir.path()).as_deref(), Some("b.json changed"));
        fs::remove_file(dir.path().join("a.json")).unwrap();
        assert_eq!(stamp.differs_from_disk(dir.path()).as_deref(), Some("a.json was removed or renamed"));
    }
}

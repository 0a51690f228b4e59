//! The state files on disk: where they live, reading them without ever treating a bad
//! file as empty, and writing them atomically under a short lock.
//!
//! Two files hold the state: `state.bin`, the whole state as last written whole, and
//! `state.changes.bin`, what changed since, merged over it when read by the same rule
//! that merges two readers' copies (per key, the later change wins). A save writes the
//! small changes file, and the whole file again only once the changes grow large.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use super::codec::{self, Decoded};
use super::merge::merge;
use super::{State, v1};

/// The environment variable that names the state directory, over the XDG default.
pub const ENV_DIR: &str = "BRIEFING_STATE_DIR";

/// The whole state, as last written whole.
pub const FILE_NAME: &str = "state.bin";

/// What changed since `state.bin` was written.
pub const CHANGES_NAME: &str = "state.changes.bin";

/// The lock file's name: held only while a save re-reads, merges and writes.
const LOCK_NAME: &str = "state.lock";

/// The state directory: `explicit` (`--state DIR`), else `$BRIEFING_STATE_DIR`, else
/// `$XDG_STATE_HOME/briefing`, else `~/.local/state/briefing`. etcetera's XDG strategy is
/// used on every Unix, macOS included, so the layout is the same everywhere.
pub fn state_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = explicit {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(ENV_DIR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let strategy = etcetera::base_strategy::choose_base_strategy().ok()?;
    strategy.state_dir().map(|d| d.join("briefing"))
}

/// What reading the state found.
#[derive(Debug)]
pub enum Loaded {
    /// No file yet.
    Missing,
    /// A state of this version or an older one (migrated).
    Read(Box<State>),
    /// A file that does not read: moved aside to `aside`, never overwritten. `rest` is
    /// what the other file held (empty when there was none).
    Corrupt {
        /// Where the file is now.
        aside: PathBuf,
        /// What is wrong with it.
        problem: String,
        /// The state the other file held.
        rest: Box<State>,
    },
    /// A file that does not read and could not be moved aside either.
    Stuck(String),
    /// A file of a newer format version: left alone.
    Newer(u32),
    /// A file exists but cannot be read.
    Unreadable(io::Error),
}

/// The state in `dir`: `state.bin` with `state.changes.bin` merged over it; with no
/// `state.bin`, a `state.json` of version 1 (migrated; the old file is left as it is). A
/// file that does not read is moved aside.
pub fn read(dir: &Path) -> Loaded {
    look(dir, true)
}

/// The state in `dir`, as [`read`] finds it but without moving a corrupt file aside: for
/// commands that only look.
pub fn read_only(dir: &Path) -> Loaded {
    look(dir, false)
}

fn look(dir: &Path, set_aside_corrupt: bool) -> Loaded {
    let whole = match one(&dir.join(FILE_NAME), false, set_aside_corrupt) {
        Loaded::Missing => one(&dir.join(v1::FILE_NAME), false, set_aside_corrupt),
        found => found,
    };
    let changes = one(&dir.join(CHANGES_NAME), true, set_aside_corrupt);
    combine(whole, changes)
}

/// One file: read, parsed, and if it does not parse, moved aside (or not, to only look).
fn one(path: &Path, changed: bool, set_aside_corrupt: bool) -> Loaded {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if no_file(&e) => return Loaded::Missing,
        Err(e) => return Loaded::Unreadable(e),
    };
    match parse(&bytes, changed) {
        Ok(loaded) => loaded,
        Err(problem) if set_aside_corrupt => set_aside(path, problem),
        Err(problem) => Loaded::Stuck(format!("{} is corrupt ({problem})", path.display())),
    }
}

/// The whole state and its changes together. A file that cannot be trusted or touched
/// (newer, unreadable, stuck) decides for both, so neither is written over.
fn combine(whole: Loaded, changes: Loaded) -> Loaded {
    match (whole, changes) {
        (Loaded::Newer(a), Loaded::Newer(b)) => Loaded::Newer(a.max(b)),
        (refused @ (Loaded::Newer(_) | Loaded::Unreadable(_) | Loaded::Stuck(_)), _)
        | (_, refused @ (Loaded::Newer(_) | Loaded::Unreadable(_) | Loaded::Stuck(_))) => refused,
        (Loaded::Read(mut state), Loaded::Read(changes)) => {
            merge(&mut state, *changes);
            Loaded::Read(state)
        }
        (read @ Loaded::Read(_), Loaded::Missing) | (Loaded::Missing, read @ Loaded::Read(_)) => read,
        (Loaded::Corrupt { aside, problem, .. }, other) | (other, Loaded::Corrupt { aside, problem, .. }) => {
            let rest = match other {
                Loaded::Read(state) => state,
                _ => Box::new(State::new()),
            };
            Loaded::Corrupt { aside, problem, rest }
        }
        (Loaded::Missing, Loaded::Missing) => Loaded::Missing,
    }
}

/// Whether `e` says there is no file there (the path, or a directory on it, is missing).
fn no_file(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory)
}

/// The state in the bytes of a state file of any version, or what is wrong with them; its
/// rows count as changed since the last whole write when `changed`.
pub fn parse(bytes: &[u8], changed: bool) -> Result<Loaded, String> {
    if bytes.starts_with(codec::MAGIC) {
        return match codec::decode(bytes, changed) {
            Decoded::Read(state) => Ok(Loaded::Read(state)),
            Decoded::Newer(version) => Ok(Loaded::Newer(version)),
            Decoded::Corrupt(problem) => Err(problem),
        };
    }
    match v1::parse(bytes) {
        Some(v1::Parsed::Read(state)) => Ok(Loaded::Read(state)),
        Some(v1::Parsed::Newer(version)) => Ok(Loaded::Newer(version)),
        None => Err("neither a state file nor version 1 JSON".into()),
    }
}

/// Moves a corrupt file aside as `NAME.corrupt-SECONDS`.
fn set_aside(path: &Path, problem: String) -> Loaded {
    let stamp = super::now_ms() / 1000;
    let name = path.file_name().map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy());
    let aside = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    match fs::rename(path, &aside) {
        Ok(()) => Loaded::Corrupt { aside, problem, rest: Box::new(State::new()) },
        Err(e) => Loaded::Stuck(format!("{} is corrupt ({problem}) and could not be moved aside: {e}", path.display())),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, synced,
/// renamed over the old one, and the directory synced so the rename itself is durable. A
/// crash at any point leaves either the old file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] for a file written piece by piece by `write`, which need not hold it
/// all in memory at once.
pub fn write_atomic_with(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = write_synced(&temp, write).and_then(|()| fs::rename(&temp, path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    File::open(dir)?.sync_all()
}

fn write_synced(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let mut file = File::create(path)?;
    write(&mut file)?;
    file.sync_all()
}

/// An exclusive lock on the state directory, released when dropped (closing the file
/// releases a `flock`). Held for one save only, never for a session, so a second reader
/// is never kept waiting for long.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Takes the lock in `dir`, creating the directory and the lock file if needed.
pub fn lock(dir: &Path) -> io::Result<Lock> {
    fs::create_dir_all(dir)?;
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(LOCK_NAME))?;
    // SAFETY: flock on a descriptor this function owns for the life of the call.
    let locked = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
    if locked != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(Lock { _file: file })
}

/// Removes the changes file once the whole state has been written with them, and makes
/// the removal durable. A crash before it leaves changes that merge to what the whole
/// file already holds, so nothing is lost or doubled.
pub fn remove_changes(dir: &Path) -> io::Result<()> {
    match fs::remove_file(dir.join(CHANGES_NAME)) {
        Ok(()) => File::open(dir)?.sync_all(),
        Err(e) if no_file(&e) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The format version `state.bin` in `dir` is written in, from its first bytes; `None`
/// when there is no such file or it is no state file.
pub fn whole_version(dir: &Path) -> Option<u32> {
    let mut head = [0; 12];
    File::open(dir.join(FILE_NAME)).ok()?.read_exact(&mut head).ok()?;
    codec::version(&head)
}

/// What identifies one version of a file on disk, to skip re-reading files nobody else
/// has written since this reader last read or wrote them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    /// Its size in bytes.
    pub len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

/// The version of the file at `path`, if there is one.
pub fn version(path: &Path) -> Option<Version> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).ok()?;
    Some(Version { len: meta.len(), modified: meta.modified().ok(), inode: meta.ino() })
}

/// The versions of both state files in a directory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Versions {
    /// `state.bin`'s.
    pub whole: Option<Version>,
    /// `state.changes.bin`'s.
    pub changes: Option<Version>,
}

/// The versions of the state files in `dir`.
pub fn versions(dir: &Path) -> Versions {
    Versions { whole: version(&dir.join(FILE_NAME)), changes: version(&dir.join(CHANGES_NAME)) }
}

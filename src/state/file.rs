//! The state file on disk: where it lives, reading it without ever treating a bad file as
//! empty, and writing it atomically under a short lock.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;
use serde::Deserialize;

use super::{State, VERSION};

/// The environment variable that names the state directory, over the XDG default.
pub const ENV_DIR: &str = "BRIEFING_STATE_DIR";

/// The file's name inside the state directory.
pub const FILE_NAME: &str = "state.json";

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

/// What reading the state file found.
#[derive(Debug)]
pub enum Loaded {
    /// No file yet.
    Missing,
    /// A state of this version or an older one (migrated).
    Read(Box<State>),
    /// A file that does not parse: moved aside to this path, never overwritten.
    Corrupt(PathBuf),
    /// A file that does not parse and could not be moved aside either.
    Stuck(String),
    /// A file of a newer format version: left alone.
    Newer(u32),
    /// The file exists but cannot be read.
    Unreadable(io::Error),
}

/// Just the version, read when the whole does not parse: a newer format may not.
#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// Reads the state file at `path`.
pub fn read(path: &Path) -> Loaded {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if no_file(&e) => return Loaded::Missing,
        Err(e) => return Loaded::Unreadable(e),
    };
    parse(&bytes).unwrap_or_else(|| set_aside(path))
}

/// Whether `e` says there is no file there (the path, or a directory on it, is missing).
fn no_file(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory)
}

/// Reads the state file at `path` without moving a corrupt one aside: for commands that
/// only look.
pub fn read_only(path: &Path) -> Loaded {
    match fs::read(path) {
        Ok(bytes) => parse(&bytes).unwrap_or_else(|| Loaded::Stuck(format!("{} is corrupt", path.display()))),
        Err(e) if no_file(&e) => Loaded::Missing,
        Err(e) => Loaded::Unreadable(e),
    }
}

/// The state in `bytes`, or `None` when they are not a state file at all.
pub fn parse(bytes: &[u8]) -> Option<Loaded> {
    match serde_json::from_slice::<State>(bytes) {
        Ok(state) if state.version > VERSION => Some(Loaded::Newer(state.version)),
        Ok(state) => Some(Loaded::Read(Box::new(migrate(state)))),
        Err(_) => match serde_json::from_slice::<Header>(bytes) {
            Ok(header) if header.version > VERSION => Some(Loaded::Newer(header.version)),
            _ => None,
        },
    }
}

/// Brings an older version up to this one. Version 1 is the first, so there is nothing
/// to change yet beyond the number.
fn migrate(mut state: State) -> State {
    state.version = VERSION;
    state
}

/// Moves a corrupt file aside as `state.json.corrupt-SECONDS`.
fn set_aside(path: &Path) -> Loaded {
    let stamp = super::now_ms() / 1000;
    let aside = path.with_file_name(format!("{FILE_NAME}.corrupt-{stamp}"));
    match fs::rename(path, &aside) {
        Ok(()) => Loaded::Corrupt(aside),
        Err(e) => Loaded::Stuck(format!("{} is corrupt and could not be moved aside: {e}", path.display())),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, synced,
/// renamed over the old one, and the directory synced so the rename itself is durable. A
/// crash at any point leaves either the old file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = write_synced(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    File::open(dir)?.sync_all()
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
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

/// What identifies one version of the file on disk, to skip re-reading a file nobody else
/// has written since this reader last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

/// The version of the file at `path`, if there is one.
pub fn version(path: &Path) -> Option<Version> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).ok()?;
    Some(Version { len: meta.len(), modified: meta.modified().ok(), inode: meta.ino() })
}

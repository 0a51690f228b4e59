//! What loading hands to validation: the files as read, the options, and each file once
//! parsed. Its own module so that load and validate both depend on it and not on each other.

use std::borrow::Cow;
use std::fs::{self, File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::format::{BriefingFile, EntitiesFile};

/// One briefing file's bytes and where they came from.
#[derive(Debug, Clone)]
pub struct Input {
    /// Path shown in diagnostics.
    pub path: PathBuf,
    /// The file's bytes; bundled files borrow from the binary.
    pub bytes: Cow<'static, [u8]>,
}

/// What to check beyond what loading needs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Link every briefing and warn about entities and aliases never mentioned. This is
    /// the full pass `briefing check` runs; the reader links briefings as it opens them.
    pub lint_mentions: bool,
}

/// A file that parsed: its index in the inputs, its text (unless its bytes were already
/// released) and its contents.
pub(crate) struct Parsed<'a> {
    pub file: usize,
    pub text: Option<&'a str>,
    pub content: Content,
}

/// What a library file holds: a briefing, or the shared entity declarations.
pub(crate) enum Content {
    /// A briefing file.
    Briefing(Box<BriefingFile>),
    /// A shared entities file.
    Entities(EntitiesFile),
}

/// Whether `path` names a shared entities file: `entities.json` or `*.entities.json`.
pub fn is_shared_entities(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n == "entities.json" || n.ends_with(".entities.json"))
}

/// A file's text read again to locate a problem in it, after its bytes were released;
/// empty if it can no longer be read (the diagnostic then has no position). Besides the
/// loader, the only file I/O of the domain: validation calls it, and only on a problem.
pub(crate) fn reread_text(path: &Path) -> String {
    let bytes = read_limited(path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()
}

/// Files larger than this are refused rather than read: a briefing is a story, not a dump.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a briefing file whole, if it is one: a regular file (a symlink to one counts) of
/// at most [`MAX_FILE_BYTES`]. A named pipe would block the read forever and a device such
/// as `/dev/zero` never ends, so the file is opened without blocking, checked to be regular
/// on the opened handle itself (not on a name that could be swapped in between), and read
/// through a limit, so that a file growing while it is read cannot exceed it either.
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let file = open_without_blocking(path).map_err(|e| format!("cannot read file: {e}"))?;
    let metadata = file.metadata().map_err(|e| format!("cannot read file: {e}"))?;
    if !metadata.is_file() {
        return Err(format!("not a regular file ({}): only regular files are read as briefings", what_is(&metadata)));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(over_limit(&format!("file is {} bytes", metadata.len())));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read file: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(over_limit("file grew while it was read"));
    }
    Ok(bytes)
}

fn over_limit(what: &str) -> String {
    format!("{what}, over the limit of {MAX_FILE_BYTES} bytes (16 MiB)")
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

/// What a file that is not a regular file is, in the words `ls -l` users know.
fn what_is(metadata: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if metadata.is_dir() { "a directory" } else { "not a file" }
}

/// Whether a directory entry named `name` is a briefing file by its name: it ends in
/// `.json` and is not hidden. Editors and tools keep their own files beside the ones they
/// edit (Emacs's lock `.#story.json`, a backup `.story.json.un~`, macOS's `._story.json`);
/// those start with a dot, and reading them as briefings would break the whole library.
pub fn is_briefing_name(name: &str) -> bool {
    name.ends_with(".json") && name.len() > ".json".len() && !name.starts_with('.')
}

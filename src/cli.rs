//! The non-interactive commands: plain text for people, `--json` for programs.

pub mod bookmarks;
pub mod cache_command;
pub mod check;
pub mod config;
pub mod draft;
pub mod export;
pub mod json;
pub mod list;
pub mod new;
pub mod path;
pub mod search;
pub mod show;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cache;
use crate::library::escape::escape_controls;
use crate::library::{self, Library, LoadError, Options};

/// Writes `text` to standard output: the one way the commands print. Control characters
/// that content, file names or arguments bring in are escaped (see
/// [`escape_controls`]); only the newlines that end lines pass. A reader that stops early
/// (`briefing search a | head -3`) closes the pipe; that is not an error, so a broken pipe
/// ends the output quietly (exit 0) where `println!` would panic.
pub fn print(text: &str) -> io::Result<()> {
    write_quietly(&mut io::stdout().lock(), &escape_controls(text, &['\n']))
}

/// Writes `briefing: MESSAGE` and a newline to standard error, escaped as [`print`] escapes.
/// There is nowhere left to report a failure to write an error, so one is ignored: a
/// closed standard error must not turn a clear exit code into a panic.
pub fn eprint(message: &str) {
    let line = format!("briefing: {}\n", escape_controls(message, &['\n']));
    let _ = write_quietly(&mut io::stderr().lock(), &line);
}

/// Writes and flushes `text`, treating a closed pipe as the end of the output.
fn write_quietly(out: &mut impl Write, text: &str) -> io::Result<()> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

/// Where a command's library comes from.
#[derive(Debug, Clone, Default)]
pub struct Source<'a> {
    /// The content directory; `None` for the bundled library.
    pub content: Option<&'a Path>,
    /// The cache directory to go through; `None` with `--no-cache` or with no home for one.
    pub cache: Option<PathBuf>,
}

impl Source<'_> {
    /// The cache file a content directory loads through, if it has one: the bundled
    /// library is compiled in and needs none.
    pub fn cache_file(&self) -> Option<PathBuf> {
        Some(cache::file_for(self.cache.as_deref()?, self.content?))
    }
}

/// Loads the library from the source's content directory, through its cache when it has
/// one, or the bundled library; a failed load is an error that lists every diagnostic.
/// A cache left to write is written before this returns: for the commands, which print
/// and end.
pub fn load(source: &Source<'_>) -> Result<&'static Library, LoadError> {
    let loaded = load_cached(source)?;
    if let Some(pending) = loaded.pending {
        // A cache that cannot be written costs only the next start's time.
        let _ = pending.write(&loaded.library, None);
    }
    Ok(keep(loaded.library))
}

/// Keeps `value` until the process ends, never dropping it. A command prints and ends:
/// freeing a library loaded from its files one string at a time took 6 % of a whole `list`
/// (a sixth of its main thread's share), and the end of the process gives all of its
/// memory back at once.
pub(crate) fn keep<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

/// Loads as [`load`] does, leaving the cache to the caller: the index it holds, and what
/// is still to be written once the caller has built the index itself.
pub fn load_cached(source: &Source<'_>) -> Result<cache::Loaded, LoadError> {
    let options = Options::default();
    let fresh = |library| cache::Loaded { library, index: None, pending: None };
    match (source.content, source.cache_file()) {
        (Some(dir), Some(file)) => cache::load(dir, &file, options),
        (Some(dir), None) => Ok(fresh(library::load_dir(dir, options)?.library)),
        (None, _) => Ok(fresh(library::bundled::load(options)?.library)),
    }
}

//! The non-interactive commands: plain text for people, `--json` for programs.

pub mod check;
pub mod export;
pub mod json;
pub mod list;
pub mod path;
pub mod search;
pub mod show;

use std::io::{self, Write};
use std::path::Path;

use crate::library::{self, Library, LoadError, Options};

/// Writes `text` to standard output. A reader that stops early (`briefing list | head`)
/// closes the pipe; that is not an error, so a broken pipe ends the output quietly where
/// `println!` would panic.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

/// Loads the library from `content`, or the bundled one; a failed load is an error
/// that lists every diagnostic.
pub fn load(content: Option<&Path>) -> Result<Library, LoadError> {
    let options = Options::default();
    let loaded = match content {
        Some(dir) => library::load_dir(dir, options)?,
        None => library::bundled::load(options)?,
    };
    Ok(loaded.library)
}

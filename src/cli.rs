//! The non-interactive commands: plain text for people, `--json` for programs.

pub mod bookmarks;
pub mod check;
pub mod config;
pub mod export;
pub mod json;
pub mod list;
pub mod path;
pub mod search;
pub mod show;

use std::io::{self, Write};
use std::path::Path;

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

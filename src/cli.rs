//! The non-interactive commands: plain text for people, `--json` for programs.

pub mod check;
pub mod json;
pub mod list;
pub mod outline;
pub mod show;

use std::path::Path;

use crate::library::{self, Library, LoadError, Options};

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

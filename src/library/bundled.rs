//! The library compiled into the binary from `content/` (see `build.rs`).

use std::borrow::Cow;
use std::path::PathBuf;

use super::input::{Input, Options};
use super::load::{LoadError, Loaded, load_sources};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The bundled files as loader inputs; paths read `content/NAME` as in the repository.
pub fn inputs() -> Vec<Input> {
    BUNDLED_FILES
        .iter()
        .map(|(name, bytes)| Input { path: PathBuf::from("content").join(name), bytes: Cow::Borrowed(bytes) })
        .collect()
}

/// Loads the bundled library.
pub fn load(options: Options) -> Result<Loaded, LoadError> {
    load_sources(&inputs(), options)
}

//! What loading hands to validation: the files as read, the options, and each file once
//! parsed. Its own module so that load and validate both depend on it and not on each other.

use std::borrow::Cow;
use std::fs;
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
    let bytes = fs::read(path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()
}

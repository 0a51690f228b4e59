//! Files parsed by an earlier load, kept so that a load parses only the files that changed.
//! The domain says what a kept file is and when a load asks for one; where they are kept,
//! and how a kept file is known to be unchanged, is the cache's business ([`Kept`]).

use std::path::Path;

use super::input::Content;
use super::scan::Scan;

/// One library file as parsing left it: what it holds and what its bytes showed. This is
/// all validation needs of a file, so a file kept from an earlier load validates and links
/// exactly as if it had been parsed again.
#[derive(Debug, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct Parsing {
    pub content: Content,
    pub scan: Scan,
}

/// Where a load finds files parsed before and leaves the files it parses. Called from the
/// loader's workers, several files at once.
pub(crate) trait Kept: Sync {
    /// The parsing of `path` kept from an earlier load, when the file is known to be
    /// unchanged since; `None` sends the load to the file itself.
    fn earlier(&self, path: &Path) -> Option<Parsing>;

    /// Keeps the parsing of `path`, just parsed from its bytes, for later loads.
    fn keep(&self, path: &Path, parsing: &Parsing);
}

/// Nothing kept, nothing asked for: a load that parses every file.
pub(crate) struct NothingKept;

impl Kept for NothingKept {
    fn earlier(&self, _: &Path) -> Option<Parsing> {
        None
    }

    fn keep(&self, _: &Path, _: &Parsing) {}
}

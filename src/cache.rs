//! The library cache: the validated, linked library of a content directory kept on disk,
//! so that a start reads one file instead of parsing and validating every JSON file again.
//!
//! A cache is used only when everything it was made from is unchanged: the same binary,
//! the same directory, the same files with the same identities (see [`Stamp`]). Anything
//! else — a changed, added, removed or renamed file, another binary, a truncated, damaged
//! or foreign cache file — is a miss: the library is loaded from the JSON as without a
//! cache, and the cache is written again when it can be. A cache is never an error: a
//! directory that cannot be written only means there is no cache.

mod file;
mod stamp;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use file::{FORMAT, IndexPart};
pub use stamp::Stamp;

use crate::library::{self, Library, LoadError, Options};
use crate::search::{Index, Query, Tables};

/// The environment variable that names the cache directory.
pub const ENV_DIR: &str = "BRIEFING_CACHE_DIR";

/// File names of caches start with this and end with [`SUFFIX`].
const PREFIX: &str = "library-";
const SUFFIX: &str = ".cache";

/// The cache directory: `explicit` (`--cache DIR`), else `$BRIEFING_CACHE_DIR`, else
/// `briefing` in the XDG cache directory (`~/.cache/briefing`); `None` when there is no
/// home to put it in.
pub fn cache_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = explicit {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(ENV_DIR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let strategy = etcetera::base_strategy::choose_base_strategy().ok()?;
    Some(etcetera::BaseStrategy::cache_dir(&strategy).join("briefing"))
}

/// The cache file for the content directory `content` in the cache directory `dir`: one
/// per content directory, named by a hash of its canonical path.
pub fn file_for(dir: &Path, content: &Path) -> PathBuf {
    let canonical = fs::canonicalize(content).unwrap_or_else(|_| content.to_path_buf());
    let hash = xxhash_rust::xxh3::xxh3_64(canonical.to_string_lossy().as_bytes());
    dir.join(format!("{PREFIX}{hash:016x}{SUFFIX}"))
}

/// Who wrote a cache: this program's version and its executable's size and modification
/// time, so that any rebuild, upgrade or downgrade misses. `None` when the executable
/// cannot be found, and then no cache is trusted.
pub fn binary_identity() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let metadata = fs::metadata(exe).ok()?;
    let modified = metadata.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(format!("briefing {} ({} bytes, {})", env!("CARGO_PKG_VERSION"), metadata.len(), modified.as_nanos()))
}

/// A library as the cache gives it.
#[derive(Debug)]
pub struct Loaded {
    /// The library.
    pub library: Library,
    /// Its search index, when the cache holds one: read when it is wanted.
    pub index: Option<IndexPart>,
    /// What is still to be written to the cache, if anything.
    pub pending: Option<Pending>,
}

impl Loaded {
    /// The index as one search of `query` needs it: from the cache when it holds one that
    /// reads back; else, when the index is then to be kept (`kept`), built without the
    /// stored answers to short terms, which only later searches read
    /// ([`Index::store_answers`] adds them before it is kept); else of the query's words
    /// alone.
    pub fn index_for_one_search<'l>(
        library: &'l Library,
        cached: Option<IndexPart>,
        query: &Query,
        kept: bool,
    ) -> Index<'l> {
        Self::cached_index(library, cached)
            .unwrap_or_else(|| if kept { Index::words_only(library) } else { Index::for_query(library, query) })
    }

    /// The index of the library: from the cache when it holds one that reads back, else
    /// built. (A cached index that fails its checks is rebuilt, like a library would be.)
    pub fn index(library: &Library, cached: Option<IndexPart>) -> Index<'_> {
        Self::cached_index(library, cached).unwrap_or_else(|| Index::new(library))
    }

    /// The index the cache holds, when it reads back.
    fn cached_index(library: &Library, cached: Option<IndexPart>) -> Option<Index<'_>> {
        let tables = cached?.read().ok()?;
        Some(Index::from_tables(library, tables))
    }
}

/// A cache still to be written, with the stamp of the content its library came from.
#[derive(Debug)]
pub struct Pending {
    cache: PathBuf,
    stamp: Stamp,
    /// Whether the cache file already holds this library (and lacks only its index).
    library_cached: bool,
}

impl Pending {
    /// Writes the cache of `library` (and of its search `index`, when it has been built),
    /// atomically. Nothing to do when the cache holds the library already and there is no
    /// index to add.
    pub fn write(self, library: &Library, index: Option<&Tables>) -> io::Result<()> {
        if self.library_cached && index.is_none() {
            return Ok(());
        }
        let binary = binary_identity().ok_or_else(|| io::Error::other("cannot identify this binary"))?;
        if let Some(dir) = self.cache.parent() {
            fs::create_dir_all(dir)?;
        }
        crate::state::file::write_atomic_with(&self.cache, |out| {
            let mut out = io::BufWriter::new(out);
            file::write(&mut out, binary, self.stamp, library, index).map_err(io::Error::other)?;
            out.flush()
        })
    }

    /// [`Pending::write`] as background work: the calling thread first gives way to every
    /// other thread of the reader, so that a cache of a million entities (1.5 GB, written
    /// while the reader is already answering) takes only the time the searches leave.
    /// When nothing else runs, it still has a whole core.
    pub fn write_in_background(self, library: &Library, index: Option<&Tables>) -> io::Result<()> {
        lower_this_threads_priority();
        self.write(library, index)
    }
}

/// Gives the calling thread the lowest scheduling priority. On Linux the nice value
/// belongs to each thread, and `who == 0` names the calling one; elsewhere it would name
/// the whole process, so there it is left alone. A refusal only means the write competes
/// as any thread does.
fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority takes plain integers and touches no memory of ours.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 19);
    }
}

/// Loads the library of `content` through the cache file `cache`: from the cache when it
/// matches the content now, else from the JSON, with the cache left to write. The content
/// is stamped before it is read, so a file that changes while it loads makes the next
/// start miss rather than serve what it read.
pub fn load(content: &Path, cache: &Path, options: Options) -> Result<Loaded, LoadError> {
    match open(cache, content) {
        Ok((library, index, stamp)) => {
            let pending = index.is_none().then(|| Pending { cache: cache.to_path_buf(), stamp, library_cached: true });
            Ok(Loaded { library, index, pending })
        }
        Err(_) => {
            let stamp = Stamp::take(content);
            let library = library::load_dir(content, options)?.library;
            let pending = stamp.ok().map(|stamp| Pending { cache: cache.to_path_buf(), stamp, library_cached: false });
            Ok(Loaded { library, index: None, pending })
        }
    }
}

/// The library, its index if cached and the content's stamp, from the cache file `cache`
/// when it matches `content` now; why not, in words, when it does not.
fn open(cache: &Path, content: &Path) -> Result<(Library, Option<IndexPart>, Stamp), String> {
    let opened = matching(cache, content)?;
    let stamp = opened.header.stamp.clone();
    let (library, index) = opened.read(cache, content)?;
    Ok((library, index, stamp))
}

/// The cache file `cache` opened up to its header, when that matches this binary and
/// `content` as it is now; why not, in words, when it does not. Its parts are not read.
fn matching(cache: &Path, content: &Path) -> Result<file::Opened, String> {
    let binary = binary_identity().ok_or("cannot identify this binary")?;
    let opened = file::open(cache)?;
    if opened.header.binary != binary {
        return Err(format!("written by {}", opened.header.binary));
    }
    match opened.header.stamp.differs_from_disk(content) {
        Some(change) => Err(change),
        None => Ok(opened),
    }
}

/// What the cache of `content` in `dir` is: its file, size and whether it can be used.
#[derive(Debug)]
pub struct Status {
    /// The cache file.
    pub file: PathBuf,
    /// Its size, when it exists.
    pub bytes: Option<u64>,
    /// Why it would not be used; `None` when it would.
    pub miss: Option<String>,
}

/// Describes the cache of `content` without loading the library.
pub fn status(dir: &Path, content: &Path) -> Status {
    let file = file_for(dir, content);
    let bytes = fs::metadata(&file).ok().map(|m| m.len());
    let miss = match bytes {
        None => Some("no cache yet".to_owned()),
        Some(_) => matching(&file, content).err(),
    };
    Status { file, bytes, miss }
}

/// Removes every cache file (and any left-over temporary file) from `dir`; the removed
/// files, in name order.
pub fn clear(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        entries => entries?,
    };
    let mut removed = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let ours = name.trim_start_matches('.').starts_with(PREFIX) && name.contains(SUFFIX);
        if ours && path.is_file() {
            fs::remove_file(&path)?;
            removed.push(path);
        }
    }
    removed.sort();
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for input in library::bundled::inputs() {
            fs::write(dir.path().join(input.path.file_name().unwrap()), &input.bytes).unwrap();
        }
        dir
    }

    #[test]
    fn the_second_load_comes_from_the_cache_and_asks_only_for_the_index() {
        let (content, caches) = (library_dir(), tempfile::tempdir().unwrap());
        let cache = file_for(caches.path(), content.path());
        let first = load(content.path(), &cache, Options::default()).unwrap();
        assert!(first.index.is_none());
        let pending = first.pending.unwrap();
        assert!(!pending.library_cached, "nothing was cached yet");
        pending.write(&first.library, None).unwrap();

        let second = load(content.path(), &cache, Options::default()).unwrap();
        assert!(second.index.is_none(), "no index was written");
        let pending = second.pending.unwrap();
        assert!(pending.library_cached, "the library came from the cache");
        assert_eq!(second.library.entity_count(), first.library.entity_count());
        assert_eq!(
            second.library.briefing(second.library.briefing_ids().next().unwrap()).path,
            content.path().join("amd-export-hit.json")
        );
        pending.write(&second.library, Index::new(&second.library).tables()).unwrap();

        let third = load(content.path(), &cache, Options::default()).unwrap();
        assert!(third.pending.is_none(), "library and index both came from the cache");
        let index = Loaded::index(&third.library, third.index);
        assert_eq!(index.len(), Index::new(&first.library).len());
    }
}

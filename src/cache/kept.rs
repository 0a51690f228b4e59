//! Each library file's parsing, kept beside the library cache, so that a start after an
//! edit parses only the files that changed: the library cache holds the library after the
//! checks across files, which one changed file makes useless as a whole, while a file's
//! parsing depends on that file alone.
//!
//! One small file per library file, in a directory beside the cache file
//! (`library-HASH.files`), named by a hash of the library file's name:
//!
//! | bytes | what |
//! |---|---|
//! | 0..8 | magic `BRIEFPRS` |
//! | 8..12 | format version ([`super::FORMAT`]), little-endian |
//! | 12..16 | header length `h`, little-endian |
//! | 16..16+h | header, JSON: the binary, the library file's stamp, the parsing's length and hash |
//! | to a multiple of 16 | zeros |
//! | parsing | the rkyv archive of the file's [`Parsing`] |
//!
//! A kept parsing is used only when the binary is this one and the library file has the
//! identity its stamp gives (see [`FileStamp::still_describes`]); its bytes must match their
//! hash and pass rkyv's validation. Anything else, and the file is parsed from its JSON.
//! Parsings are written without a sync and renamed into place: one lost or torn by a crash
//! fails its hash, and costs only a parse.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rkyv::util::AlignedVec;
use serde::{Deserialize, Serialize};

use super::file::FORMAT;
use super::stamp::{FileStamp, Stamp};
use crate::library::kept::{Kept, Parsing};

const MAGIC: &[u8; 8] = b"BRIEFPRS";

/// Alignment of the parsing: rkyv's archives need their buffer aligned to 16.
const ALIGN: usize = 16;

/// What a kept parsing must match before it is used.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    /// The binary that wrote it (see [`super::binary_identity`]): the archive's layout is
    /// that of its types.
    binary: String,
    /// The library file as it was stamped before it was read and parsed.
    file: FileStamp,
    /// The archived parsing's length and hash.
    len: u64,
    hash: u64,
}

/// The kept parsings of one content directory, for one load: the library files' stamps,
/// taken before the load read any of them, say which kept parsings still hold.
pub(crate) struct KeptFiles {
    dir: PathBuf,
    binary: String,
    stamps: HashMap<String, FileStamp>,
}

impl KeptFiles {
    /// The parsings kept in `dir` for content stamped as `stamp`, by and for `binary`.
    pub(crate) fn new(dir: PathBuf, stamp: &Stamp, binary: String) -> KeptFiles {
        let stamps = stamp.files.iter().map(|file| (file.name.clone(), file.clone())).collect();
        KeptFiles { dir, binary, stamps }
    }

    /// The directory of kept parsings that goes with the cache file `cache`.
    pub(crate) fn dir_for(cache: &Path) -> PathBuf {
        cache.with_extension(super::KEPT_SUFFIX.trim_start_matches('.'))
    }

    /// Where the parsing of the library file `name` is kept.
    fn entry(&self, name: &str) -> PathBuf {
        self.dir.join(entry_name(name))
    }

    /// Removes what is kept for files the directory no longer has, and temporary files
    /// that a write cut short left behind. A failure only leaves them for the next time.
    pub(crate) fn prune(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else { return };
        let current: HashSet<String> = self.stamps.keys().map(|name| entry_name(name)).collect();
        for entry in entries.filter_map(Result::ok) {
            if !current.contains(entry.file_name().to_string_lossy().as_ref()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// The kept parsing of `path`, when every check holds.
    fn read(&self, path: &Path) -> Option<Parsing> {
        let now = self.stamps.get(file_name(path)?)?;
        let bytes = fs::read(self.entry(&now.name)).ok()?;
        let (header, parsing) = split(&bytes)?;
        let holds = header.binary == self.binary && now.still_describes(&header.file, path);
        if !holds || parsing.len() as u64 != header.len || xxhash_rust::xxh3::xxh3_64(parsing) != header.hash {
            return None;
        }
        let mut aligned = AlignedVec::<ALIGN>::with_capacity(parsing.len());
        aligned.extend_from_slice(parsing);
        rkyv::from_bytes::<Parsing, rkyv::rancor::Error>(&aligned).ok()
    }

    /// Writes the parsing of `path` under the stamp taken before it was read.
    fn write(&self, path: &Path, parsing: &Parsing) -> io::Result<()> {
        let Some(stamp) = file_name(path).and_then(|name| self.stamps.get(name)) else {
            return Ok(());
        };
        let archive = rkyv::to_bytes::<rkyv::rancor::Error>(parsing).map_err(io::Error::other)?;
        let header = Header {
            binary: self.binary.clone(),
            file: stamp.clone(),
            len: archive.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(&archive),
        };
        let json = serde_json::to_vec(&header)?;
        let json_len = u32::try_from(json.len()).map_err(io::Error::other)?;
        let mut head = Vec::with_capacity(start_after(json.len()));
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&FORMAT.to_le_bytes());
        head.extend_from_slice(&json_len.to_le_bytes());
        head.extend_from_slice(&json);
        head.resize(start_after(json.len()), 0);
        fs::create_dir_all(&self.dir)?;
        let entry = self.entry(&stamp.name);
        let temp = self.dir.join(format!(".{}.{}.tmp", entry_name(&stamp.name), std::process::id()));
        let written = fs::File::create(&temp)
            .and_then(|mut out| out.write_all(&head).and_then(|()| out.write_all(&archive)))
            .and_then(|()| fs::rename(&temp, &entry));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
        }
        written
    }
}

impl Kept for KeptFiles {
    fn earlier(&self, path: &Path) -> Option<Parsing> {
        self.read(path)
    }

    fn keep(&self, path: &Path, parsing: &Parsing) {
        // A parsing that cannot be kept costs the next load one parse.
        let _ = self.write(path, parsing);
    }
}

/// The file name a library file's parsing is kept under: a hash of its name, so that any
/// name the content directory allows makes a short, plain one.
fn entry_name(name: &str) -> String {
    format!("{:016x}.parsed", xxhash_rust::xxh3::xxh3_64(name.as_bytes()))
}

fn file_name(path: &Path) -> Option<&str> {
    path.file_name()?.to_str()
}

/// Where the parsing starts after a header of `header_len` bytes.
fn start_after(header_len: usize) -> usize {
    (16 + header_len).div_ceil(ALIGN) * ALIGN
}

/// A kept file's header and its archived parsing; `None` for a file that is not one of
/// this format.
fn split(bytes: &[u8]) -> Option<(Header, &[u8])> {
    let word = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    if bytes.get(..8)? != MAGIC || word(8)? != FORMAT {
        return None;
    }
    let header_len = word(12)? as usize;
    let header = serde_json::from_slice(bytes.get(16..16 + header_len)?).ok()?;
    Some((header, bytes.get(start_after(header_len)..)?))
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::time::Duration;

    use super::*;
    use crate::library::Options;
    use crate::library::load::{load_dir, load_dir_keeping};

    /// A copy of the bundled library.
    fn library_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for input in crate::library::bundled::inputs() {
            fs::write(dir.path().join(input.path.file_name().unwrap()), &input.bytes).unwrap();
        }
        dir
    }

    /// What one load took from the kept parsings and what it parsed.
    #[derive(Default)]
    struct Counted {
        reused: Vec<String>,
        parsed: Vec<String>,
    }

    /// Loads `content` through parsings kept in `kept`, as the cache does, and says which
    /// files were parsed and which were not.
    fn load_counting(content: &Path, kept: &Path) -> (crate::library::Library, Counted) {
        struct Counting<'a>(&'a KeptFiles, Mutex<Counted>);
        impl Kept for Counting<'_> {
            fn earlier(&self, path: &Path) -> Option<Parsing> {
                let earlier = self.0.earlier(path)?;
                self.1.lock().unwrap_or_else(std::sync::PoisonError::into_inner).reused.push(name_of(path));
                Some(earlier)
            }
            fn keep(&self, path: &Path, parsing: &Parsing) {
                self.1.lock().unwrap_or_else(std::sync::PoisonError::into_inner).parsed.push(name_of(path));
                self.0.keep(path, parsing);
            }
        }
        fn name_of(path: &Path) -> String {
            file_name(path).unwrap_or_default().to_owned()
        }
        let stamp = Stamp::take(content).unwrap();
        let files = KeptFiles::new(kept.to_path_buf(), &stamp, "this binary".into());
        let counting = Counting(&files, Mutex::default());
        let library = load_dir_keeping(content, Options::default(), &counting).unwrap().library;
        files.prune();
        let mut counted = counting.1.into_inner().unwrap();
        counted.reused.sort();
        counted.parsed.sort();
        (library, counted)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        names
    }

    /// Moves a file's modification time on, as an editor's save would.
    fn touch_later(path: &Path) {
        let later = fs::metadata(path).unwrap().modified().unwrap() + Duration::from_secs(5);
        fs::File::options().write(true).open(path).unwrap().set_modified(later).unwrap();
    }

    #[test]
    fn a_load_after_an_edit_parses_only_the_edited_file() {
        let (content, kept) = (library_dir(), tempfile::tempdir().unwrap());
        let all = names(content.path());
        let (_, first) = load_counting(content.path(), kept.path());
        assert_eq!((first.parsed, first.reused.len()), (all.clone(), 0), "nothing was kept yet");

        let (_, untouched) = load_counting(content.path(), kept.path());
        assert_eq!((untouched.parsed.len(), untouched.reused), (0, all.clone()), "nothing changed");

        let edited = content.path().join("beijing-gambit.json");
        let text = fs::read_to_string(&edited).unwrap().replacen("Beijing", "Peking", 1);
        fs::write(&edited, text).unwrap();
        touch_later(&edited);
        let (library, after) = load_counting(content.path(), kept.path());
        assert_eq!(after.parsed, ["beijing-gambit.json"]);
        assert_eq!(after.reused.len(), all.len() - 1);
        let fresh = load_dir(content.path(), Options::default()).unwrap().library;
        let headlines =
            |l: &crate::library::Library| l.briefing_ids().map(|b| l.briefing(b).headline.clone()).collect::<Vec<_>>();
        assert_eq!(headlines(&library), headlines(&fresh));
        assert!(headlines(&library).iter().any(|h| h.contains("Peking")), "{:?}", headlines(&library));
    }

    #[test]
    fn what_is_kept_reads_back_as_it_was_parsed_and_nothing_else_does() {
        let (content, kept) = (library_dir(), tempfile::tempdir().unwrap());
        let stamp = Stamp::take(content.path()).unwrap();
        let files = KeptFiles::new(kept.path().to_path_buf(), &stamp, "this binary".into());
        let path = content.path().join("beijing-gambit.json");
        let input = crate::library::load::read_file(path.clone()).unwrap();
        let parsing = crate::library::load::parse_for_keeping(&input).unwrap();
        files.write(&path, &parsing).unwrap();
        assert_eq!(files.read(&path), Some(parsing));

        let other = KeptFiles::new(kept.path().to_path_buf(), &stamp, "another binary".into());
        assert_eq!(other.read(&path), None, "another binary's archive");
        let entry = files.entry("beijing-gambit.json");
        let bytes = fs::read(&entry).unwrap();
        let damaged = [bytes[..bytes.len() / 2].to_vec(), {
            let mut flipped = bytes.clone();
            let last = flipped.len() - 1;
            flipped[last] ^= 0x01;
            flipped
        }];
        for damaged in damaged {
            fs::write(&entry, damaged).unwrap();
            assert_eq!(files.read(&path), None, "a damaged archive");
        }
        fs::write(&entry, &bytes).unwrap();
        touch_later(&path);
        let now =
            KeptFiles::new(kept.path().to_path_buf(), &Stamp::take(content.path()).unwrap(), "this binary".into());
        assert_eq!(now.read(&path), None, "the file changed since");
    }

    #[test]
    fn pruning_removes_what_is_kept_for_files_gone() {
        let (content, kept) = (library_dir(), tempfile::tempdir().unwrap());
        load_counting(content.path(), kept.path());
        let kept_before = names(kept.path()).len();
        fs::remove_file(content.path().join("amd-export-hit.json")).unwrap();
        fs::write(kept.path().join(".left-over.tmp"), "cut short").unwrap();
        load_counting(content.path(), kept.path());
        assert_eq!(names(kept.path()).len(), kept_before - 1);
        assert!(!names(kept.path()).contains(&entry_name("amd-export-hit.json")));
    }
}

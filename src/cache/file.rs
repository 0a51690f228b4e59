//! The cache file's layout:
//!
//! | bytes | what |
//! |---|---|
//! | 0..8 | magic `BRIEFCCH` |
//! | 8..12 | format version, little-endian |
//! | 12..16 | header length `h`, little-endian |
//! | 16..16+h | header, JSON: the binary, the content stamp, each part's length and hash |
//! | to a multiple of 16 | zeros |
//! | parts | the rkyv archive of the validated library, then, when it was built, of its search index, each padded to a multiple of 16 |
//!
//! The header is read and compared before any part is touched, so a cache made by another
//! binary or for other content costs one small read; each part's hash then catches a file
//! truncated or damaged after it was written, before rkyv validates its structure.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use rkyv::util::AlignedVec;
use serde::{Deserialize, Serialize};

use super::stamp::Stamp;
use crate::library::Library;
use crate::search::Tables;

const MAGIC: &[u8; 8] = b"BRIEFCCH";

/// Bumped whenever the header or the archived library changes shape.
pub const FORMAT: u32 = 1;

/// Alignment of the body: rkyv's archives need their buffer aligned to 16.
const ALIGN: usize = 16;

/// Everything a cache must match before its parts are used.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    /// The binary that wrote it (see [`super::binary_identity`]).
    pub binary: String,
    /// The content it was made from.
    pub stamp: Stamp,
    /// The library's archive.
    pub library: Part,
    /// The search index's archive, when the index had been built.
    pub index: Option<Part>,
}

/// Where one archive is, and its hash.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Part {
    pub len: u64,
    pub hash: u64,
}

impl Part {
    fn of(bytes: &[u8]) -> Part {
        Part { len: bytes.len() as u64, hash: xxhash_rust::xxh3::xxh3_64(bytes) }
    }

    /// Its length padded to the alignment of the next part.
    fn padded(self) -> u64 {
        self.len.div_ceil(ALIGN as u64) * ALIGN as u64
    }
}

/// The bytes of a cache file for `library` and, when it was built, its search `index`,
/// made from the content `stamp` describes.
pub fn encode(binary: String, stamp: Stamp, library: &Library, index: Option<&Tables>) -> Result<Vec<u8>, String> {
    let archive = |e: rkyv::rancor::Error| format!("cannot archive: {e}");
    let library = rkyv::to_bytes::<rkyv::rancor::Error>(library).map_err(archive)?;
    let index = index.map(rkyv::to_bytes::<rkyv::rancor::Error>).transpose().map_err(archive)?;
    let header = Header { binary, stamp, library: Part::of(&library), index: index.as_deref().map(Part::of) };
    let json = serde_json::to_vec(&header).map_err(|e| e.to_string())?;
    let json_len = u32::try_from(json.len()).map_err(|_| "header too long".to_owned())?;
    let mut bytes =
        Vec::with_capacity(parts_start(json.len()) + library.len() + index.as_ref().map_or(0, |i| i.len()) + 2 * ALIGN);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT.to_le_bytes());
    bytes.extend_from_slice(&json_len.to_le_bytes());
    bytes.extend_from_slice(&json);
    for part in std::iter::once(&library[..]).chain(index.as_deref()) {
        bytes.resize(bytes.len().div_ceil(ALIGN) * ALIGN, 0);
        bytes.extend_from_slice(part);
    }
    bytes.resize(bytes.len().div_ceil(ALIGN) * ALIGN, 0);
    Ok(bytes)
}

/// Where the first part starts after a header of `header_len` bytes.
fn parts_start(header_len: usize) -> usize {
    (16 + header_len).div_ceil(ALIGN) * ALIGN
}

/// A cache file whose header has been read and whose body has not been trusted yet.
pub struct Opened {
    pub header: Header,
    file: File,
    header_len: usize,
    /// Padding between the header and the first part.
    padding: usize,
}

/// Opens the cache at `path` and reads its header: an error in words for a file that is
/// not a cache of this format.
pub fn open(path: &Path) -> Result<Opened, String> {
    let mut file = File::open(path).map_err(|e| e.to_string())?;
    let mut prefix = [0u8; 16];
    file.read_exact(&mut prefix).map_err(|_| "too short to be a cache".to_owned())?;
    if &prefix[..8] != MAGIC {
        return Err("not a cache file".into());
    }
    let word = |at: usize| u32::from_le_bytes([prefix[at], prefix[at + 1], prefix[at + 2], prefix[at + 3]]);
    if word(8) != FORMAT {
        return Err(format!("cache format {} (this binary reads {FORMAT})", word(8)));
    }
    let header_len = word(12) as usize;
    let length = file.metadata().map_err(|e| e.to_string())?.len();
    if (16 + header_len) as u64 > length {
        return Err("truncated header".into());
    }
    let mut header = vec![0u8; header_len];
    file.read_exact(&mut header).map_err(|e| e.to_string())?;
    let header: Header = serde_json::from_slice(&header).map_err(|e| format!("bad header: {e}"))?;
    let start = parts_start(header_len);
    let promised = start as u64 + header.library.padded() + header.index.map_or(0, Part::padded);
    if length != promised {
        return Err(format!("{length} bytes where the header promises {promised}"));
    }
    Ok(Opened { header, file, header_len, padding: start - 16 - header_len })
}

impl Opened {
    /// Reads the library's part, checks its hash, validates the archive and rebuilds the
    /// library; the index's part, when the cache has one, is left to read when it is wanted
    /// (on the search worker, while the first screen is already up).
    pub fn read(mut self) -> Result<(Library, Option<IndexPart>), String> {
        let at = 16 + self.header_len as u64 + self.padding as u64;
        let bytes = read_part(&mut self.file, at, self.header.library)?;
        let library =
            rkyv::from_bytes::<Library, rkyv::rancor::Error>(&bytes).map_err(|e| format!("bad library: {e}"))?;
        let index =
            self.header.index.map(|part| IndexPart { file: self.file, at: at + self.header.library.padded(), part });
        Ok((library, index))
    }
}

/// The search index's part of a cache file, not read yet.
#[derive(Debug)]
pub struct IndexPart {
    file: File,
    at: u64,
    part: Part,
}

impl IndexPart {
    /// Reads the part, checks its hash and validates and rebuilds the index.
    pub fn read(mut self) -> Result<Tables, String> {
        let bytes = read_part(&mut self.file, self.at, self.part)?;
        rkyv::from_bytes::<Tables, rkyv::rancor::Error>(&bytes).map_err(|e| format!("bad index: {e}"))
    }
}

/// The bytes of `part`, which starts at byte `at` of `file`, aligned for rkyv, when they
/// match their hash.
fn read_part(file: &mut File, at: u64, part: Part) -> Result<AlignedVec<ALIGN>, String> {
    file.seek(SeekFrom::Start(at)).map_err(|e| e.to_string())?;
    let mut bytes = AlignedVec::<ALIGN>::with_capacity(part.len as usize);
    bytes.extend_from_reader(&mut file.take(part.len)).map_err(|e| e.to_string())?;
    if bytes.len() as u64 != part.len {
        return Err("truncated".into());
    }
    if Part::of(&bytes).hash != part.hash {
        return Err("damaged: a part does not match its hash".into());
    }
    Ok(bytes)
}

//! The cache file's layout:
//!
//! | bytes | what |
//! |---|---|
//! | 0..8 | magic `BRIEFCCH` |
//! | 8..12 | format version, little-endian |
//! | 12..16 | header length `h`, little-endian |
//! | 16..16+h | header, JSON: the binary, the content stamp, each part's length and hash |
//! | to a multiple of 16 | zeros |
//! | parts | the library's front (an rkyv archive, see `library::mapped`), its records, and, when it was built, the rkyv archive of its search index, each padded to a multiple of 16 |
//!
//! The header is read and compared before any part is touched, so a cache made by another
//! binary or for other content costs one small read. The file is then memory-mapped: the
//! front's hash catches a file truncated or damaged after it was written before rkyv
//! validates its structure, and each record carries its own hash, checked when it is
//! first decoded, so that opening a library does not read every record.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use memmap2::{Mmap, MmapOptions};
use serde::{Deserialize, Serialize};

use super::stamp::Stamp;
use crate::library::Library;
use crate::library::mapped::{self, Layout, Mapped};
use crate::search::Tables;

const MAGIC: &[u8; 8] = b"BRIEFCCH";

/// Bumped whenever the header or the archived library changes shape.
pub const FORMAT: u32 = 4;

/// Alignment of the parts: rkyv's archives need their buffer aligned to 16.
const ALIGN: usize = 16;

/// Everything a cache must match before its parts are used.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    /// The binary that wrote it (see [`super::binary_identity`]).
    pub binary: String,
    /// The content it was made from.
    pub stamp: Stamp,
    /// The library's front.
    pub front: Part,
    /// The length of the library's records, which carry their own hashes.
    pub records: u64,
    /// The search index's archive, when the index had been built.
    pub index: Option<Part>,
    /// The length of the search index's postings, which carry their own hashes (see
    /// `search::index::postings`); 0 without an index.
    pub postings: u64,
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
}

/// `len` padded to the alignment of the next part.
fn padded(len: u64) -> u64 {
    len.div_ceil(ALIGN as u64) * ALIGN as u64
}

/// Writes the cache file for `library` and, when it was built, its search `index`, made
/// from the content `stamp` describes, to `out`, part by part: a library opened from a
/// cache is written as it was read, record for record, and no part is copied into one
/// buffer with the others (at a million entities they come to more than a gigabyte).
pub fn write(
    out: &mut impl Write,
    binary: String,
    stamp: Stamp,
    library: &Library,
    index: Option<&Tables>,
) -> Result<(), String> {
    let archive = |e: rkyv::rancor::Error| format!("cannot archive: {e}");
    let built;
    let (front, records): (&[u8], &[u8]) = match (library.as_mapped(), library.as_built()) {
        (Some(mapped), _) => mapped.parts(),
        (None, Some(library)) => {
            let (front, records) = mapped::encode(library)?;
            built = (rkyv::to_bytes::<rkyv::rancor::Error>(&front).map_err(archive)?, records);
            (&built.0, &built.1)
        }
        (None, None) => return Err("a library neither built nor mapped".into()),
    };
    let postings = index.map_or(&[][..], Tables::posting_bytes);
    let index = index.map(rkyv::to_bytes::<rkyv::rancor::Error>).transpose().map_err(archive)?;
    let header = Header {
        binary,
        stamp,
        front: Part::of(front),
        records: records.len() as u64,
        index: index.as_deref().map(Part::of),
        postings: postings.len() as u64,
    };
    let json = serde_json::to_vec(&header).map_err(|e| e.to_string())?;
    let json_len = u32::try_from(json.len()).map_err(|_| "header too long".to_owned())?;
    let mut head = Vec::with_capacity(parts_start(json.len()));
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&FORMAT.to_le_bytes());
    head.extend_from_slice(&json_len.to_le_bytes());
    head.extend_from_slice(&json);
    let written = |e: std::io::Error| e.to_string();
    out.write_all(&head).map_err(written)?;
    let mut at = head.len();
    for part in [front, records, index.as_deref().unwrap_or_default(), postings] {
        let padding = at.div_ceil(ALIGN) * ALIGN - at;
        out.write_all(&[0; ALIGN][..padding]).map_err(written)?;
        out.write_all(part).map_err(written)?;
        at += padding + part.len();
    }
    out.write_all(&[0; ALIGN][..at.div_ceil(ALIGN) * ALIGN - at]).map_err(written)
}

/// Where the first part starts after a header of `header_len` bytes.
fn parts_start(header_len: usize) -> usize {
    (16 + header_len).div_ceil(ALIGN) * ALIGN
}

/// A cache file whose header has been read and whose body has not been trusted yet.
pub struct Opened {
    pub header: Header,
    file: File,
    /// Where the front starts.
    start: u64,
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
    let start = parts_start(header_len) as u64;
    let promised = start
        + padded(header.front.len)
        + padded(header.records)
        + header.index.map_or(0, |i| padded(i.len))
        + padded(header.postings);
    if length != promised {
        return Err(format!("{length} bytes where the header promises {promised}"));
    }
    Ok(Opened { header, file, start })
}

impl Opened {
    /// Maps the file, checks the front's hash and opens the library over it, with its
    /// briefings' files in `content`; the index's part, when the cache has one, is left
    /// to read when it is wanted (on the search worker, while the first screen is up).
    pub fn read(self, cache: &Path, content: &Path) -> Result<(Library, Option<IndexPart>), String> {
        // Sound because the cache is only ever replaced by a rename, never written in
        // place (see `library::mapped`), and the map is read-only.
        let map = unsafe { Mmap::map(&self.file) }.map_err(|e| format!("cannot map: {e}"))?;
        let front = to_usize(self.start)?..to_usize(self.start + self.header.front.len)?;
        let records_at = self.start + padded(self.header.front.len);
        let records = to_usize(records_at)?..to_usize(records_at + self.header.records)?;
        let bytes = map.get(front.clone()).ok_or("truncated")?;
        if Part::of(bytes).hash != self.header.front.hash {
            return Err("damaged: the front does not match its hash".into());
        }
        let inode = inode(&self.file);
        let layout = Layout { front, records, content: content.to_path_buf(), cache: cache.to_path_buf(), inode };
        let records_file = self.file.try_clone().map_err(|e| format!("cannot open again: {e}"))?;
        let library = Library::from(Mapped::open(map, records_file, layout)?);
        let at = records_at + padded(self.header.records);
        let postings = self.header.postings;
        let index = self.header.index.map(|part| IndexPart { file: self.file, at, part, postings });
        Ok((library, index))
    }
}

fn to_usize(at: u64) -> Result<usize, String> {
    usize::try_from(at).map_err(|_| "too large to map".to_owned())
}

/// The inode of `file`, to tell later whether its path still names it.
#[cfg(unix)]
fn inode(file: &File) -> u64 {
    use std::os::unix::fs::MetadataExt;
    file.metadata().map_or(0, |m| m.ino())
}

#[cfg(not(unix))]
fn inode(_file: &File) -> u64 {
    0
}

/// The search index's part of a cache file, not read yet.
#[derive(Debug)]
pub struct IndexPart {
    file: File,
    at: u64,
    part: Part,
    /// The length of the postings, which follow the part.
    postings: u64,
}

impl IndexPart {
    /// Reads the part, checks its hash and validates and rebuilds the index's tables, and
    /// maps the postings that follow it, which are used where they lie.
    pub fn read(self) -> Result<Tables, String> {
        let bytes = map_part(&self.file, self.at, self.part)?;
        let mut tables =
            rkyv::from_bytes::<Tables, rkyv::rancor::Error>(&bytes).map_err(|e| format!("bad index: {e}"))?;
        drop(bytes);
        // Sound for the reason the library's map is (see `Opened::read`).
        let map = unsafe { Mmap::map(&self.file) }.map_err(|e| format!("cannot map: {e}"))?;
        let at = self.at + padded(self.part.len);
        tables.attach_postings(map, to_usize(at)?..to_usize(at + self.postings)?)?;
        Ok(tables)
    }
}

/// Maps `part`, which starts at byte `at` of `file`, on its own, checked against its hash.
/// The index's tables are deserialised straight from it and the map dropped: reading the
/// part into a buffer first held a second copy of it (170 MB at a million entities) while
/// the tables were built.
fn map_part(file: &File, at: u64, part: Part) -> Result<Mmap, String> {
    let size = file.metadata().map_err(|e| e.to_string())?.len();
    if at.checked_add(part.len).is_none_or(|end| end > size) {
        return Err("truncated".into());
    }
    // Sound for the reason the library's map is (see `Opened::read`). `at` is a multiple of
    // the parts' alignment, and the map starts on a page, so the bytes are aligned for rkyv.
    let map = unsafe { MmapOptions::new().offset(at).len(to_usize(part.len)?).map(file) }
        .map_err(|e| format!("cannot map: {e}"))?;
    if Part::of(&map).hash != part.hash {
        return Err("damaged: a part does not match its hash".into());
    }
    Ok(map)
}

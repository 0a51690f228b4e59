//! The state file's bytes (format version 2, laid out in `docs/state.md`): a header with
//! the version and a CRC-32 of the rest, then each part in turn. Numbers are LEB128
//! varints, ids are front-coded against the one before them (tables are sorted), so a
//! state of a hundred thousand read marks is a few megabytes that read and write in one
//! pass. Reading trusts nothing: every length is checked against what is left, ids must
//! come in order, and the checksum must match.

mod bytes;

use self::bytes::{Bytes, Corrupt, Problem};
use super::table::Row;
use super::{Bookmark, Mark, MentionAt, Place, Query, Resume, State, Table, VERSION};

/// The first bytes of every state file of version 2 on.
pub const MAGIC: &[u8; 8] = b"BRFSTATE";

/// Magic, version, checksum and where the read marks start.
const HEADER: usize = 24;

/// Files at least this large are read on two threads: the read marks on one, the rest
/// (and the checksum) on the other. Below it, a thread costs more than it saves.
const PARALLEL: usize = 256 * 1024;

/// What the bytes of a state file turned out to be.
#[derive(Debug)]
pub enum Decoded {
    /// A state of this version.
    Read(Box<State>),
    /// A file of a later format version: left alone.
    Newer(u32),
    /// Not a state file, or a damaged one: what is wrong and where.
    Corrupt(String),
}

/// How much of a state a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Every entry.
    Whole,
    /// Only the entries changed since the state was last written whole (the place and
    /// the histories always), to be merged over the whole file when read.
    Changes,
}

/// The file's bytes for `state`, whole or just its changes. The read marks, the bulk of
/// a long-used state, come last, where the header says, so they can be read beside the
/// rest.
pub fn encode(state: &State, part: Part) -> Vec<u8> {
    let rows = |whole: usize, changed: usize| if part == Part::Whole { whole } else { changed };
    let marks = rows(state.briefings.len(), state.briefings.changed());
    let bookmarks = rows(state.bookmarks.len(), state.bookmarks.changed());
    let mut out = Vec::with_capacity(HEADER + 28 * marks + 64 * bookmarks + 4096);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&[0; 12]);
    table(&mut out, &state.seen, part, |out, at| varint(out, *at));
    table(&mut out, &state.bookmarks, part, bookmark);
    match &state.resume {
        None => out.push(0),
        Some(resume) => {
            out.push(1);
            varint(&mut out, resume.at);
            string(&mut out, &resume.briefing);
            optional_string(&mut out, resume.entity.as_deref());
            place(&mut out, &resume.place);
        }
    }
    queries(&mut out, &state.finds);
    queries(&mut out, &state.searches);
    let marks_at = out.len() as u64;
    out[16..HEADER].copy_from_slice(&marks_at.to_le_bytes());
    table(&mut out, &state.briefings, part, mark);
    let crc = crc32fast::hash(&out[16..]);
    out[12..16].copy_from_slice(&crc.to_le_bytes());
    out
}

/// Reads the bytes of a state file; its rows count as changed (not yet in a whole file)
/// when `changed`.
pub fn decode(file: &[u8], changed: bool) -> Decoded {
    if file.len() < HEADER || &file[..8] != MAGIC {
        return Decoded::Corrupt("not a briefing state file".into());
    }
    let word = |at: usize| u32::from_le_bytes([file[at], file[at + 1], file[at + 2], file[at + 3]]);
    let version = word(8);
    if version > VERSION {
        return Decoded::Newer(version);
    }
    if version < VERSION {
        return Decoded::Corrupt(format!("format version {version} is not written in this form"));
    }
    let marks_at = usize::try_from(u64::from(word(16)) | (u64::from(word(20)) << 32)).unwrap_or(usize::MAX);
    if !(HEADER..=file.len()).contains(&marks_at) {
        return Decoded::Corrupt("the read marks are said to start outside the file".into());
    }
    let sound = || crc32fast::hash(&file[16..]) == word(12);
    let rest = || rest(&mut Bytes::new(&file[..marks_at], HEADER), changed);
    let marks = || marks(&mut Bytes::new(file, marks_at), changed);
    let (sound, rest, marks) = if file.len() < PARALLEL {
        (sound(), rest(), marks())
    } else {
        std::thread::scope(|scope| {
            let marks = scope.spawn(marks);
            let (sound, rest) = (sound(), rest());
            // Reading has no panics in it; should the thread die anyway, the file is not
            // trusted.
            (sound, rest, marks.join().unwrap_or(Err(Corrupt::at(marks_at, Problem::EndsEarly))))
        })
    };
    if !sound {
        return Decoded::Corrupt("checksum does not match".into());
    }
    match rest.and_then(|mut state| {
        state.briefings = marks?;
        Ok(state)
    }) {
        Ok(state) => Decoded::Read(Box::new(state)),
        Err(Corrupt { at, problem }) => Decoded::Corrupt(format!("byte {at}: {problem}")),
    }
}

/// Everything but the read marks, which follow it.
fn rest(bytes: &mut Bytes<'_>, changed: bool) -> Result<State, Corrupt> {
    let seen = read_table(bytes, 3, changed, |b, _| b.varint())?;
    let bookmarks = read_table(bytes, 4, changed, read_bookmark)?;
    let resume = match bytes.flag()? {
        false => None,
        true => Some(Resume {
            at: bytes.varint()?,
            briefing: bytes.str()?.to_string(),
            entity: bytes.optional_str()?.map(str::to_string),
            place: read_place(bytes)?,
        }),
    };
    let finds = read_queries(bytes)?;
    let searches = read_queries(bytes)?;
    bytes.end()?;
    Ok(State { version: VERSION, briefings: Table::default(), bookmarks, resume, seen, finds, searches })
}

/// The read marks, to the end of the file.
fn marks(bytes: &mut Bytes<'_>, changed: bool) -> Result<Table<Mark>, Corrupt> {
    let marks = read_table(bytes, 19, changed, |b, _| read_mark(b))?;
    bytes.end()?;
    Ok(marks)
}

/// Writes an unsigned LEB128 varint.
fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn string(out: &mut Vec<u8>, text: &str) {
    varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

fn optional_string(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        None => out.push(0),
        Some(text) => {
            out.push(1);
            string(out, text);
        }
    }
}

/// A table (whole, or its changed rows): how many rows, then each id front-coded (bytes
/// shared with the id before, then the rest as a string) followed by its value.
fn table<V>(out: &mut Vec<u8>, table: &Table<V>, part: Part, mut value: impl FnMut(&mut Vec<u8>, &V)) {
    let rows: Box<dyn Iterator<Item = (&str, &V)>> = match part {
        Part::Whole => {
            varint(out, table.len() as u64);
            Box::new(table.iter())
        }
        Part::Changes => {
            varint(out, table.changed() as u64);
            Box::new(table.changes())
        }
    };
    let mut previous = "";
    for (id, v) in rows {
        let shared = common_prefix(previous, id);
        varint(out, shared as u64);
        string(out, &id[shared..]);
        value(out, v);
        previous = id;
    }
}

/// Bytes two ids share at the start, backed off to a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Reads a table written by [`table`]. Ids must come in strictly increasing order: the
/// new id is the previous one's first `shared` bytes and then `rest`, so it sorts after
/// the previous one exactly when `rest` sorts after what the previous one had there. The
/// ids are gathered as bytes and checked as UTF-8 once, at the end; each id starting on a
/// character boundary makes every id a whole string.
fn read_table<V>(
    bytes: &mut Bytes<'_>,
    smallest_row: usize,
    changed: bool,
    mut value: impl FnMut(&mut Bytes<'_>, &[u8]) -> Result<V, Corrupt>,
) -> Result<Table<V>, Corrupt> {
    let start = bytes.offset();
    let count = bytes.count(smallest_row)?;
    let mut text: Vec<u8> = Vec::with_capacity(count * 16);
    let mut rows = Vec::with_capacity(count);
    let mut previous = 0..0;
    for row in 0..count {
        let at = bytes.offset();
        let shared = bytes.usize()?;
        let rest = bytes.raw()?;
        let Some(tail) = text.get(previous.start + shared..previous.end).filter(|_| shared <= previous.len()) else {
            return Err(Corrupt::at(at, Problem::SharesTooMuch));
        };
        if row > 0 && rest <= tail {
            return Err(Corrupt::at(at, Problem::OutOfOrder));
        }
        let id = text.len();
        text.extend_from_within(previous.start..previous.start + shared);
        text.extend_from_slice(rest);
        // An id starting inside a character would cut it in two (see `Table::from_sorted`).
        if text.get(id).is_some_and(|&b| b & 0xc0 == 0x80) {
            return Err(Corrupt::at(at, Problem::SplitCharacter));
        }
        previous = id..text.len();
        rows.push(Row { id: previous.clone(), value: value(bytes, &text[previous.clone()])?, changed });
    }
    Table::from_sorted(text, rows).ok_or(Corrupt::at(start, Problem::NotUtf8))
}

/// `flag` if `on`, else no bits.
fn bit(on: bool, flag: u8) -> u8 {
    if on { flag } else { 0 }
}

/// Flags of a read mark.
const OPENED: u8 = 1;
const FINISHED: u8 = 2;
const HAS_PLACE: u8 = 4;

/// A read mark: its time and content hash as fixed 8-byte numbers (quicker to read than a
/// varint of a millisecond time), flags, then the place if it has one.
fn mark(out: &mut Vec<u8>, m: &Mark) {
    out.extend_from_slice(&m.at.to_le_bytes());
    out.push(bit(m.opened, OPENED) | bit(m.finished, FINISHED) | bit(m.place.is_some(), HAS_PLACE));
    out.extend_from_slice(&m.hash.to_le_bytes());
    if let Some(p) = &m.place {
        place(out, p);
    }
}

fn read_mark(bytes: &mut Bytes<'_>) -> Result<Mark, Corrupt> {
    let at = bytes.u64()?;
    let flags = bytes.u8_below(8, Problem::BadMarkFlags)?;
    let hash = bytes.u64()?;
    let place = if flags & HAS_PLACE != 0 { Some(read_place(bytes)?) } else { None };
    Ok(Mark { at, opened: flags & OPENED != 0, finished: flags & FINISHED != 0, hash, place })
}

/// Flags of a bookmark.
const REMOVED: u8 = 1;
const HAS_NOTE: u8 = 2;

/// A bookmark under its key; what it marks is read back from the key.
fn bookmark(out: &mut Vec<u8>, b: &Bookmark) {
    varint(out, b.at);
    out.push(bit(b.removed, REMOVED) | bit(b.note.is_some(), HAS_NOTE));
    string(out, &b.label);
    if let Some(note) = &b.note {
        string(out, note);
    }
}

fn read_bookmark(bytes: &mut Bytes<'_>, key: &[u8]) -> Result<Bookmark, Corrupt> {
    let at_key = bytes.offset();
    let target = std::str::from_utf8(key).ok().and_then(super::Marked::from_key);
    let target = target.ok_or(Corrupt::at(at_key, Problem::BadKey))?;
    let at = bytes.varint()?;
    let flags = bytes.u8_below(4, Problem::BadBookmarkFlags)?;
    let label = bytes.str()?.to_string();
    let note = if flags & HAS_NOTE != 0 { Some(bytes.str()?.to_string()) } else { None };
    Ok(Bookmark { at, target, label, note, removed: flags & REMOVED != 0 })
}

/// Kinds of place.
const LEAD: u8 = 0;
const PARAGRAPH: u8 = 1;
const BLOCK: u8 = 2;

fn place(out: &mut Vec<u8>, p: &Place) {
    match *p {
        Place::Lead { line, link } => {
            out.push(LEAD);
            varint(out, line.into());
            mention(out, link);
        }
        Place::Paragraph { paragraph, fingerprint, line, link } => {
            out.push(PARAGRAPH);
            varint(out, paragraph.into());
            out.extend_from_slice(&fingerprint.to_le_bytes());
            varint(out, line.into());
            mention(out, link);
        }
        Place::Block { block, line, link } => {
            out.push(BLOCK);
            varint(out, block.into());
            varint(out, line.into());
            varint(out, link.map_or(0, |l| u64::from(l) + 1));
        }
    }
}

fn read_place(bytes: &mut Bytes<'_>) -> Result<Place, Corrupt> {
    Ok(match bytes.u8_below(3, Problem::BadPlaceKind)? {
        LEAD => Place::Lead { line: bytes.u32_varint()?, link: read_mention(bytes)? },
        PARAGRAPH => Place::Paragraph {
            paragraph: bytes.u32_varint()?,
            fingerprint: bytes.u32()?,
            line: bytes.u32_varint()?,
            link: read_mention(bytes)?,
        },
        _ => Place::Block {
            block: bytes.u32_varint()?,
            line: bytes.u32_varint()?,
            link: bytes.u32_varint()?.checked_sub(1),
        },
    })
}

/// A focused mention: 0 for none, else its paragraph plus one, then which of its mentions.
fn mention(out: &mut Vec<u8>, link: Option<MentionAt>) {
    match link {
        None => out.push(0),
        Some(m) => {
            varint(out, u64::from(m.paragraph) + 1);
            varint(out, m.nth.into());
        }
    }
}

fn read_mention(bytes: &mut Bytes<'_>) -> Result<Option<MentionAt>, Corrupt> {
    match bytes.u32_varint()?.checked_sub(1) {
        None => Ok(None),
        Some(paragraph) => Ok(Some(MentionAt { paragraph, nth: bytes.u32_varint()? })),
    }
}

fn queries(out: &mut Vec<u8>, queries: &[Query]) {
    varint(out, queries.len() as u64);
    for q in queries {
        varint(out, q.at);
        string(out, &q.text);
    }
}

fn read_queries(bytes: &mut Bytes<'_>) -> Result<Vec<Query>, Corrupt> {
    let n = bytes.count(2)?;
    (0..n).map(|_| Ok(Query { at: bytes.varint()?, text: bytes.str()?.to_string() })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Marked;

    /// A state with something in every part, places of every kind, and ids that share
    /// prefixes, including across a multi-byte character.
    fn full() -> State {
        let mut state = State::new();
        let place = Place::Paragraph {
            paragraph: 6,
            fingerprint: 0xdead_beef,
            line: 2,
            link: Some(MentionAt { paragraph: 7, nth: u32::MAX }),
        };
        state.briefings.insert(
            "beijing-gambit",
            Mark { at: 1_764_585_600_000, opened: true, finished: true, hash: u64::MAX, place: Some(place) },
        );
        state.briefings.insert(
            "beijing-h20",
            Mark {
                at: 3,
                opened: true,
                place: Some(Place::Block { block: 14, line: 0, link: None }),
                ..Mark::default()
            },
        );
        state
            .briefings
            .insert("黄仁勋-a", Mark { at: 4, place: Some(Place::Lead { line: 1, link: None }), ..Mark::default() });
        state.briefings.insert("黄仁x", Mark::default());
        state.seen.insert("b:beijing-gambit", 1);
        state.seen.insert("e:nvidia", 2);
        for (target, note) in [
            (Marked::Entity { entity: "nvidia".into() }, Some("check the H20 charge")),
            (Marked::Paragraph { briefing: "a#b".into(), paragraph: 6 }, None),
            (Marked::Briefing { briefing: "beijing-gambit".into() }, None),
        ] {
            let bookmark = Bookmark {
                at: 9,
                target: target.clone(),
                label: "Label".into(),
                note: note.map(Into::into),
                removed: note.is_none(),
            };
            state.bookmarks.insert(&target.key(), bookmark);
        }
        state.resume = Some(Resume { at: 5, briefing: "beijing-gambit".into(), entity: Some("nvidia".into()), place });
        State::remember(&mut state.finds, "H20", 6);
        State::remember(&mut state.searches, "huang", 7);
        state
    }

    fn problem(bytes: &[u8]) -> String {
        match decode(bytes, false) {
            Decoded::Corrupt(problem) => problem,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_state_reads_back_as_it_was_written() {
        let state = full();
        let bytes = encode(&state, Part::Whole);
        let Decoded::Read(back) = decode(&bytes, false) else { panic!("does not read back") };
        assert_eq!(*back, state);
        let Decoded::Read(empty) = decode(&encode(&State::new(), Part::Whole), false) else {
            panic!("an empty state reads back")
        };
        assert_eq!(*empty, State::new());
    }

    #[test]
    fn the_changes_alone_merged_over_the_whole_give_the_state() {
        let mut state = full();
        let whole = encode(&state, Part::Whole);
        state.briefings.written_whole();
        state.seen.written_whole();
        state.bookmarks.written_whole();
        state.briefings.entry("beijing-gambit").at += 1;
        state.seen.insert("e:amd", 8);
        let changes = encode(&state, Part::Changes);
        assert!(changes.len() < whole.len() / 2, "{} of {} bytes", changes.len(), whole.len());
        let (Decoded::Read(mut read), Decoded::Read(delta)) = (decode(&whole, false), decode(&changes, true)) else {
            panic!("both read")
        };
        assert_eq!((delta.briefings.len(), delta.seen.len(), delta.bookmarks.len()), (1, 1, 0));
        crate::state::merge::merge(&mut read, *delta);
        assert_eq!(*read, state);
        assert_eq!(read.briefings.changed() + read.seen.changed(), 2, "what came from the changes stays changed");
    }

    #[test]
    fn every_cut_and_every_flipped_byte_is_refused() {
        let bytes = encode(&full(), Part::Whole);
        for len in 0..bytes.len() {
            assert!(matches!(decode(&bytes[..len], false), Decoded::Corrupt(_)), "cut at {len}");
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x01;
            // A flipped bit in the version byte reads as another version; anywhere else
            // it is damage.
            let ok = matches!(decode(&damaged, false), Decoded::Corrupt(_) | Decoded::Newer(_));
            assert!(ok, "byte {i} flipped");
        }
    }

    #[test]
    fn a_well_formed_file_with_bad_content_names_the_problem_and_its_byte() {
        // Two read marks out of order, with a correct checksum.
        let mut out = encode(&State::new(), Part::Whole);
        out.truncate(out.len() - 1); // no read marks
        let marks_at = out.len();
        varint(&mut out, 2);
        for id in ["b", "a"] {
            varint(&mut out, 0);
            string(&mut out, id);
            mark(&mut out, &Mark::default());
        }
        let crc = crc32fast::hash(&out[16..]);
        out[12..16].copy_from_slice(&crc.to_le_bytes());
        // The count, then a first row of 20 bytes (id 3, time 8, flags 1, hash 8).
        assert_eq!(problem(&out), format!("byte {}: ids out of order", marks_at + 1 + 20));
        assert_eq!(problem(b"{\"version\": 1}"), "not a briefing state file");
        let mut outside = encode(&State::new(), Part::Whole);
        outside[16] = 200;
        assert_eq!(problem(&outside), "the read marks are said to start outside the file");
    }

    #[test]
    fn front_coding_never_splits_a_character() {
        assert_eq!(common_prefix("黄仁勋", "黄仁x"), "黄仁".len());
        assert_eq!(common_prefix("é", "è"), 0, "é and è share a first byte, not a character");
        assert_eq!(common_prefix("", "abc"), 0);
    }
}

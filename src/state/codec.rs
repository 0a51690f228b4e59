//! The state file's bytes (format version 3, laid out in `docs/state.md`): a header with
//! the version and a CRC-32 of the rest, then each part in turn. Numbers are LEB128
//! varints, ids are front-coded against the one before them (tables are sorted), so a
//! state of a hundred thousand read marks is a few megabytes that read and write in one
//! pass. Reading trusts nothing: every length is checked against what is left, ids must
//! come in order, and the checksum must match. Version 2 files, which wrote each table as
//! one run of rows, are read as well.

mod bytes;
mod tables;

use std::ops::Range;
use std::sync::{Mutex, MutexGuard, PoisonError};

use self::bytes::{Bytes, Corrupt, Problem};
use self::tables::{Layout, Run};
use super::{Bookmark, Mark, MentionAt, Place, Query, Resume, State, Table, VERSION};

/// The first bytes of every state file of version 2 on.
pub const MAGIC: &[u8; 8] = b"BRFSTATE";

/// The oldest version written in this form (version 1 was JSON).
const OLDEST: u32 = 2;

/// Magic, version, checksum and where the read marks start.
const HEADER: usize = 24;

/// Files at least this large are read on two threads: the rest and the checksum on one,
/// and the parts of the read marks shared out between both. Below it, a thread costs
/// more than it saves.
const PARALLEL: usize = 256 * 1024;

/// The fewest bytes a read mark takes: an id byte, no shared bytes, time, flags, hash.
const SMALLEST_MARK: usize = 19;

/// What the bytes of a state file turned out to be.
#[derive(Debug)]
pub enum Decoded {
    /// A state of this version or an older one in this form.
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

/// The format version of a state file's first bytes, if they are one's.
pub fn version(file: &[u8]) -> Option<u32> {
    let version = file.strip_prefix(MAGIC)?.get(..4)?;
    Some(u32::from_le_bytes([version[0], version[1], version[2], version[3]]))
}

/// The file's bytes for `state`, whole or just its changes. The read marks, the bulk of
/// a long-used state, come last, where the header says, so they can be read beside the
/// rest.
pub fn encode(state: &State, part: Part) -> Vec<u8> {
    let rows = |whole: usize, changed: usize| if part == Part::Whole { whole } else { changed };
    let mark_rows = rows(state.briefings.len(), state.briefings.changed());
    let bookmarks = rows(state.bookmarks.len(), state.bookmarks.changed());
    let mut out = Vec::with_capacity(HEADER + 28 * mark_rows + 64 * bookmarks + 4096);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&[0; 12]);
    tables::write(&mut out, &state.seen, part, |out, at| varint(out, *at));
    tables::write(&mut out, &state.bookmarks, part, bookmark);
    write_rest(&mut out, state);
    let marks_at = out.len() as u64;
    out[16..HEADER].copy_from_slice(&marks_at.to_le_bytes());
    tables::write(&mut out, &state.briefings, part, mark);
    seal(&mut out);
    out
}

/// The whole of `state` as version 2 wrote it, to test that such files still read.
#[cfg(test)]
fn encode_version_2(state: &State) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&2u32.to_le_bytes());
    out.extend_from_slice(&[0; 12]);
    tables::write_version_2(&mut out, &state.seen, |out, at| varint(out, *at));
    tables::write_version_2(&mut out, &state.bookmarks, bookmark);
    write_rest(&mut out, state);
    let marks_at = out.len() as u64;
    out[16..HEADER].copy_from_slice(&marks_at.to_le_bytes());
    tables::write_version_2(&mut out, &state.briefings, mark);
    seal(&mut out);
    out
}

/// The last place and the histories.
fn write_rest(out: &mut Vec<u8>, state: &State) {
    match &state.resume {
        None => out.push(0),
        Some(resume) => {
            out.push(1);
            varint(out, resume.at);
            string(out, &resume.briefing);
            optional_string(out, resume.entity.as_deref());
            place(out, &resume.place);
        }
    }
    queries(out, &state.finds);
    queries(out, &state.searches);
}

/// Writes the checksum of everything after it into the header.
fn seal(out: &mut [u8]) {
    let crc = crc32fast::hash(&out[16..]);
    out[12..16].copy_from_slice(&crc.to_le_bytes());
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
    let layout = match version {
        0..OLDEST => return Decoded::Corrupt(format!("format version {version} is not written in this form")),
        2 => Layout::Run,
        _ => Layout::Parts,
    };
    let marks_at = usize::try_from(u64::from(word(16)) | (u64::from(word(20)) << 32)).unwrap_or(usize::MAX);
    if !(HEADER..=file.len()).contains(&marks_at) {
        return Decoded::Corrupt("the read marks are said to start outside the file".into());
    }
    let sound = || crc32fast::hash(&file[16..]) == word(12);
    let rest = || rest(&mut Bytes::new(&file[..marks_at], HEADER), layout, changed);
    let marks = Marks::find(Bytes::new(file, marks_at), layout, changed);
    let (sound, rest, marks) = if file.len() < PARALLEL {
        (sound(), rest(), marks.read_alone())
    } else {
        std::thread::scope(|scope| {
            let helper = scope.spawn(|| marks.read_some());
            let (sound, rest) = (sound(), rest());
            let mine = marks.read_some();
            // Reading has no panics in it; should the thread die anyway, the file is not
            // trusted.
            let theirs = helper.join().unwrap_or_else(|_| vec![(0, Err(Corrupt::at(marks_at, Problem::EndsEarly)))]);
            (sound, rest, marks.gather(mine, theirs))
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
fn rest(bytes: &mut Bytes<'_>, layout: Layout, changed: bool) -> Result<State, Corrupt> {
    let seen = tables::read(bytes, layout, 3, changed, |b, _| b.varint())?;
    let bookmarks = tables::read(bytes, layout, 4, changed, read_bookmark)?;
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

/// The read marks, to the end of the file, as pieces to read: the parts of a version 3
/// table, or the one run of rows of a version 2 table. Two threads share them out: one
/// reads the rest of the file first, the other starts on the marks. The first to come to
/// them takes pieces from the front, reading them into one run with room for every row,
/// which becomes the table; the other takes them from the back, each into a run of its
/// own, copied after the first one at the end. So the threads share the work whatever
/// else each has to do, only what the later one read is copied, and a thread that never
/// got a core costs no copy at all.
struct Marks<'a> {
    /// The pieces, or what is wrong with the index that says where they are.
    pieces: Result<Vec<Bytes<'a>>, Corrupt>,
    layout: Layout,
    changed: bool,
    /// How many rows the pieces say they hold.
    rows: usize,
    /// The pieces no thread has taken yet, and whether a thread takes from the front.
    left: Mutex<(Range<usize>, bool)>,
}

/// Runs of read marks, each by the index of its first piece, or the problem of a piece
/// that does not read.
type Runs = Vec<(usize, Result<Run<Mark>, Corrupt>)>;

impl<'a> Marks<'a> {
    fn find(mut bytes: Bytes<'a>, layout: Layout, changed: bool) -> Self {
        let pieces = match layout {
            Layout::Run => Ok(vec![bytes]),
            Layout::Parts => tables::parts(&mut bytes).and_then(|parts| bytes.end().map(|()| parts)),
        };
        let count = pieces.as_ref().map_or(0, Vec::len);
        let rows = pieces.as_ref().map_or(0, |pieces| tables::rows_in(pieces, SMALLEST_MARK));
        Marks { pieces, layout, changed, rows, left: Mutex::new((0..count, false)) }
    }

    fn left(&self) -> MutexGuard<'_, (Range<usize>, bool)> {
        self.left.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next piece not yet taken, from the front or from the back.
    fn take(&self, front: bool) -> Option<usize> {
        let (left, _) = &mut *self.left();
        if front { left.next() } else { left.next_back() }
    }

    /// Reads pieces until none are left: from the front if no thread does yet, else from
    /// the back.
    fn read_some(&self) -> Runs {
        let front = !std::mem::replace(&mut self.left().1, true);
        if front { self.read_front() } else { self.read_back() }
    }

    /// Takes pieces from the front into one run until none are left, or one does not read.
    fn read_front(&self) -> Runs {
        let Ok(pieces) = &self.pieces else { return Vec::new() };
        let mut run = Run::with_capacity(self.rows);
        let Some(first) = self.take(true) else { return Vec::new() };
        let mut next = Some(first);
        while let Some(i) = next {
            if let Err(problem) = self.read_piece(&mut run, &pieces[i]) {
                return vec![(first, Err(problem))];
            }
            next = self.take(true);
        }
        vec![(first, Ok(run))]
    }

    /// Takes pieces from the back, each into a run of its own, until none are left, or one
    /// does not read.
    fn read_back(&self) -> Runs {
        let Ok(pieces) = &self.pieces else { return Vec::new() };
        let mut runs = Vec::new();
        while let Some(i) = self.take(false) {
            let mut run = Run::with_capacity(0);
            let read = self.read_piece(&mut run, &pieces[i]).map(|()| run);
            let failed = read.is_err();
            runs.push((i, read));
            if failed {
                break;
            }
        }
        runs
    }

    fn read_piece(&self, run: &mut Run<Mark>, piece: &Bytes<'_>) -> Result<(), Corrupt> {
        let mut value = |b: &mut Bytes<'_>, _: &[u8]| read_mark(b);
        let mut bytes = piece.clone();
        match self.layout {
            Layout::Run => {
                tables::read_run(run, &mut bytes, SMALLEST_MARK, self.changed, &mut value)?;
                bytes.end()
            }
            Layout::Parts => tables::read_part(run, bytes, SMALLEST_MARK, self.changed, &mut value),
        }
    }

    /// Every piece on this thread, in order.
    fn read_alone(&self) -> Result<Table<Mark>, Corrupt> {
        self.gather(self.read_front(), Vec::new())
    }

    /// The runs both threads read, in order, as one table; the first problem in file order
    /// if there is one. Every piece was read by one thread or the other, unless one did not
    /// read, and then every piece before it was.
    fn gather(&self, mine: Runs, theirs: Runs) -> Result<Table<Mark>, Corrupt> {
        self.pieces.as_ref().map_err(|problem| *problem)?;
        let mut runs = mine;
        runs.extend(theirs);
        runs.sort_unstable_by_key(|(first, _)| *first);
        tables::join(runs.into_iter().map(|(_, run)| run).collect::<Result<_, _>>()?)
    }
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

#[inline]
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

#[inline]
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

#[inline]
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
        // Two read marks out of order, in one part, with a correct checksum.
        let mut out = encode(&State::new(), Part::Whole);
        out.truncate(out.len() - 1); // no read marks
        let marks_at = out.len();
        let mut part = Vec::new();
        varint(&mut part, 2);
        for id in ["b", "a"] {
            varint(&mut part, 0);
            string(&mut part, id);
            mark(&mut part, &Mark::default());
        }
        varint(&mut out, 1);
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
        out.extend_from_slice(&part);
        seal(&mut out);
        // One part and its length, the count, then a first row of 20 bytes (id 3, time 8,
        // flags 1, hash 8).
        assert_eq!(problem(&out), format!("byte {}: ids out of order", marks_at + 1 + 8 + 1 + 20));
        assert_eq!(problem(b"{\"version\": 1}"), "not a briefing state file");
        let mut outside = encode(&State::new(), Part::Whole);
        outside[16] = 200;
        assert_eq!(problem(&outside), "the read marks are said to start outside the file");
        let mut old = encode(&State::new(), Part::Whole);
        old[8] = 1;
        assert_eq!(problem(&old), "format version 1 is not written in this form");
    }

    /// A state large enough to be read on two threads, its read marks in several parts.
    fn large() -> State {
        let mut state = full();
        for i in 0..3 * tables::PART_ROWS {
            let place = (i % 2 == 0).then_some(Place::Lead { line: (i % 5) as u32, link: None });
            let mark = Mark { at: i as u64, opened: true, finished: i % 3 == 0, hash: i as u64 * 7919, place };
            state.briefings.insert(&format!("briefing-{i:06}"), mark);
        }
        state
    }

    #[test]
    fn a_large_state_reads_back_on_two_threads() {
        let state = large();
        let bytes = encode(&state, Part::Whole);
        assert!(bytes.len() >= PARALLEL, "{} bytes", bytes.len());
        let Decoded::Read(back) = decode(&bytes, false) else { panic!("does not read back") };
        assert_eq!(*back, state);
    }

    #[test]
    fn the_read_marks_read_the_same_from_the_front_or_from_the_back() {
        let state = large();
        let bytes = encode(&state, Part::Whole);
        let marks_at = usize::try_from(u64::from_le_bytes(bytes[16..24].try_into().unwrap())).unwrap();
        let marks = || Marks::find(Bytes::new(&bytes, marks_at), Layout::Parts, false);
        // The first thread to come takes every piece from the front, into one run.
        let first = marks();
        let (front, back) = (first.read_some(), first.read_some());
        assert_eq!((front.len(), back.len()), (1, 0));
        assert_eq!(first.gather(front, back), Ok(state.briefings.clone()));
        // Had another thread taken the front, this one takes them all from the back.
        let second = marks();
        second.left().1 = true;
        let back = second.read_some();
        assert_eq!(back.len(), 4, "each part a run of its own");
        assert_eq!(second.gather(Vec::new(), back), Ok(state.briefings));
    }

    #[test]
    fn in_a_large_file_the_first_problem_is_the_one_named() {
        let bytes = encode(&large(), Part::Whole);
        let marks_at = usize::try_from(u64::from_le_bytes(bytes[16..24].try_into().unwrap())).unwrap();
        let parts = tables::parts(&mut Bytes::new(&bytes, marks_at)).expect("an index");
        // The flags of the first row of the second and the third part set to an unknown bit:
        // whichever thread reads which, the second part's is named. A full part's first row
        // comes after its count (2 bytes); its id shares nothing (1) and is 15 bytes long (1
        // and 15), its time 8 bytes.
        let mut damaged = bytes.clone();
        let flags = |part: &Bytes<'_>| part.offset() + 2 + 1 + 1 + "briefing-008190".len() + 8;
        for part in [&parts[1], &parts[2]] {
            damaged[flags(part)] = 0x80;
        }
        seal(&mut damaged);
        let expected = format!("byte {}: read mark flags with an unknown bit", flags(&parts[1]));
        assert_eq!(problem(&damaged), expected);
        let mut cut = bytes;
        cut.truncate(cut.len() - 1);
        seal(&mut cut);
        assert!(problem(&cut).ends_with("the file ends early"), "{}", problem(&cut));
    }

    /// `full()` as version 2 wrote it, by the build that wrote version 2.
    const VERSION_2: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/state/version-2.bin"));

    #[test]
    fn a_version_2_file_reads_as_it_did() {
        assert_eq!(encode_version_2(&full()), VERSION_2, "the version 2 writer of these tests writes what it did");
        let Decoded::Read(back) = decode(VERSION_2, false) else { panic!("version 2 does not read") };
        assert_eq!(*back, full());
        assert_eq!(back.version, VERSION, "read into this version");
        // Large enough for two threads, its read marks one run of rows.
        let Decoded::Read(back) = decode(&encode_version_2(&large()), true) else { panic!("does not read") };
        assert_eq!((*back == large(), back.briefings.changed()), (true, back.briefings.len()));
        for len in 0..VERSION_2.len() {
            assert!(matches!(decode(&VERSION_2[..len], false), Decoded::Corrupt(_)), "cut at {len}");
        }
        assert_eq!(version(VERSION_2), Some(2));
        assert_eq!((version(&encode(&full(), Part::Whole)), version(b"BRFSTATE\x02")), (Some(VERSION), None));
    }
}

//! The search index, built once per library: every searchable text cut into words, and
//! an inverted index from each distinct word to the texts it occurs in. A term is looked
//! up as a range of the sorted vocabulary (every word it starts), so a query touches only
//! the texts that can match, never the whole library. Only numbers and the folded words
//! are stored; texts are found again in the library by their place.

mod build;
mod postings;
mod stored;

pub(crate) use postings::Postings;
pub(crate) use stored::Frequent;

use rustc_hash::FxHashMap;

use super::query::Query;
use super::source::{Category, Destination, EventsOf, Field, Text, for_each_text};
use crate::library::Library;

/// One searchable text: whose it is, which field, and how many letters it has (a word
/// with as many letters covers it whole).
#[derive(Debug, Clone, Copy, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct Piece {
    pub dest: u32,
    pub field: Field,
    pub letters: u16,
}

/// Where a word occurs: the destination, which of its texts, that text's field and the
/// word's position in it — everything grading a match needs, in 8 bytes, so that reading a
/// posting never looks anything else up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub(crate) struct Posting {
    pub dest: u32,
    /// Which text of the destination (its place among them).
    pub local: u16,
    /// The word's position (11 bits, capped), the text's field (4 bits), and whether the
    /// word ends the text (1 bit).
    at: u16,
}

/// Word positions beyond this are stored as this: only 0 (the start of a text) and
/// neighbours matter, and texts that long are rare.
const MAX_POS: u16 = (1 << 11) - 1;

impl Posting {
    /// A posting of the word at `pos` of text `local` of `dest`.
    pub fn new(dest: u32, local: usize, field: Field, pos: u16, last: bool) -> Self {
        let at = pos.min(MAX_POS) << 5 | (field as u16) << 1 | u16::from(last);
        Posting { dest, local: local.min(u16::MAX as usize) as u16, at }
    }

    /// Position among the plain words.
    pub fn pos(self) -> u16 {
        self.at >> 5
    }

    /// Whether the word ends its text.
    pub fn last(self) -> bool {
        self.at & 1 == 1
    }

    /// The text's field.
    pub fn field(self) -> Field {
        Field::from_u8(((self.at >> 1) & 0xF) as u8)
    }

    /// The text's number in the index.
    pub fn piece(self, index: &Index<'_>) -> u32 {
        index.tables.first_piece[self.dest as usize] + u32::from(self.local)
    }

    /// The posting standing for a whole text (initials, scattered letters, case checks).
    pub fn of_piece(index: &Index<'_>, piece: u32) -> Self {
        let p = index.tables.pieces[piece as usize];
        Posting::new(p.dest, (piece - index.tables.first_piece[p.dest as usize]) as usize, p.field, 0, false)
    }
}

/// Sorted distinct strings in one buffer, each followed by a newline, so one substring
/// search over the buffer finds every word containing a term.
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub(crate) struct Vocab {
    pub arena: String,
    /// Byte offset of each word in `arena`, in sorted order.
    pub starts: Vec<u32>,
}

impl Vocab {
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn word(&self, i: usize) -> &str {
        let start = self.starts[i] as usize;
        let end = self.starts.get(i + 1).map_or(self.arena.len(), |&e| e as usize) - 1;
        &self.arena[start..end]
    }

    /// The ids of the words that start with `prefix`: one range, the vocabulary is sorted.
    pub fn prefixed(&self, prefix: &str) -> std::ops::Range<usize> {
        let lo = self.starts.partition_point(|&s| self.word_at(s) < prefix);
        let hi = lo + self.starts[lo..].partition_point(|&s| self.word_at(s).starts_with(prefix));
        lo..hi
    }

    fn word_at(&self, start: u32) -> &str {
        let rest = &self.arena[start as usize..];
        &rest[..rest.find('\n').unwrap_or(rest.len())]
    }

    /// The id of the word whose text holds byte `offset` of the arena.
    pub fn at_offset(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= offset).saturating_sub(1)
    }
}

/// Every searchable text of a library, indexed by word.
pub struct Index<'l> {
    pub(crate) library: &'l Library,
    pub(crate) tables: Tables,
    /// Whether every word is indexed; else only the words one query can match
    /// ([`Index::for_query`]), and the index answers nothing else and is never kept.
    pub(crate) whole: bool,
}

/// The index without the library it points into: numbers and folded words only, so it
/// can be kept in the library cache beside the library and joined to it again.
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Tables {
    pub(crate) events: EventsOf,
    pub(crate) dests: Vec<Destination>,
    pub(crate) categories: Vec<Category>,
    /// Each destination's title length in characters (capped), for tie-breaking.
    pub(crate) title_len: Vec<u16>,
    /// Each destination's first piece; its pieces run to the next one's.
    pub(crate) first_piece: Vec<u32>,
    pub(crate) pieces: Vec<Piece>,
    pub(crate) vocab: Vocab,
    pub(crate) postings: Postings,
    /// Initials of names and aliases of two words or more, and the pieces that have them.
    pub(crate) initials: Vocab,
    pub(crate) initial_pieces: Vec<Vec<u32>>,
    /// Folded names and aliases for scattered-letter matching, and their pieces.
    pub(crate) names: Vocab,
    pub(crate) name_pieces: Vec<u32>,
    pub(crate) name_masks: Vec<u64>,
    /// The characters that start a word of each name, for the plausibility test of
    /// scattered letters: the term's first letter must start a word.
    pub(crate) name_initials: Vec<u64>,
    /// Words that occur in names or aliases with their character sets, by length in
    /// characters, for one-typo lookups.
    pub(crate) name_words_by_len: FxHashMap<usize, Vec<(u32, u64)>>,
    /// The answers to the costliest one-term queries, ranked when the index is built.
    pub(crate) frequent: Frequent,
}

impl Tables {
    /// The postings' bytes, which the cache keeps as a part of their own.
    pub fn posting_bytes(&self) -> &[u8] {
        self.postings.bytes()
    }

    /// Uses the postings in `range` of `map`, a cache file, as [`Tables::posting_bytes`]
    /// wrote them; why not, in words, when they do not fit these tables.
    pub fn attach_postings(&mut self, map: memmap2::Mmap, range: std::ops::Range<usize>) -> Result<(), String> {
        let words = self.vocab.len();
        self.postings.attach(map, range, words)
    }
}

impl<'l> Index<'l> {
    /// Indexes every searchable text of `library`, on all cores, without the stored
    /// answers: [`Index::new`] adds them, searching with this index. It answers every
    /// query as the whole index does, only the short terms more slowly.
    pub fn words_only(library: &'l Library) -> Self {
        build::build(library, &build::Words::All)
    }

    /// Indexes only what `query` can match, for a search run once with nothing to keep:
    /// every word of names and aliases, and elsewhere only the words that hold one of its
    /// terms — on a large library a small part of the words, so this takes a fraction of
    /// the time and memory of [`Index::words_only`]. It answers `query` as the whole index
    /// does; another query it may answer wrongly, so it stores no answers and is not kept.
    pub fn for_query(library: &'l Library, query: &Query) -> Self {
        build::build(library, &build::Words::of(query))
    }

    /// The index of `library` from tables built for it earlier (kept in the cache with it).
    pub fn from_tables(library: &'l Library, tables: Tables) -> Self {
        Index { library, tables, whole: true }
    }

    /// Its tables, to keep in the cache; none for an index of one query's words.
    pub fn tables(&self) -> Option<&Tables> {
        self.whole.then_some(&self.tables)
    }

    /// Gives back the memory of what searches have read from a cached index (see
    /// [`Postings::release`]); for a worker to call between searches.
    pub fn release_pages(&self) {
        self.tables.postings.release();
    }

    /// How many destinations there are.
    pub fn len(&self) -> usize {
        self.tables.dests.len()
    }

    /// Whether the library has nothing to find.
    pub fn is_empty(&self) -> bool {
        self.tables.dests.is_empty()
    }

    /// How many word occurrences are indexed (for benchmarks).
    pub fn postings(&self) -> usize {
        self.tables.postings.len()
    }

    /// Where destination `dest` leads.
    pub fn destination(&self, dest: u32) -> &Destination {
        &self.tables.dests[dest as usize]
    }

    /// What destination `dest` is.
    pub fn category(&self, dest: u32) -> Category {
        self.tables.categories[dest as usize]
    }

    /// The library indexed.
    pub fn library(&self) -> &'l Library {
        self.library
    }

    /// Every searchable text of destination `dest`, in field order.
    pub fn texts(&self, dest: u32) -> Vec<(Field, Text<'l>)> {
        let mut out = Vec::new();
        for_each_text(self.library, &self.tables.events, &self.tables.dests[dest as usize], |field, text| {
            out.push((field, text))
        });
        out
    }

    /// The text of a piece.
    pub(crate) fn piece_text(&self, piece: u32) -> Text<'l> {
        let dest = self.tables.pieces[piece as usize].dest;
        let nth = (piece - self.tables.first_piece[dest as usize]) as usize;
        self.texts(dest).get(nth).map_or(Text { lead: "", rest: "" }, |&(_, t)| t)
    }
}

//! What the reader remembers between runs: read marks, resume places, bookmarks, what has
//! been seen, find and search history. This is domain code with no terminal in it: the
//! reader is one consumer (through [`Store`]) and `briefing bookmarks` another.
//!
//! Every entry carries the time it was last changed, so two readers that ran at once are
//! merged per key, the newer change winning ([`merge`]). The file format is documented in
//! `docs/state.md`.

pub mod file;
pub mod merge;
pub mod store;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub use self::store::Store;
use crate::library::Briefing;

/// The format version this build reads and writes. A file with a higher one is refused
/// and left alone; lower ones are migrated on load.
pub const VERSION: u32 = 1;

/// How many find and search queries are kept.
pub const HISTORY_LIMIT: usize = 100;

/// Everything remembered, as written to `state.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The format version ([`VERSION`]).
    pub version: u32,
    /// Read marks by briefing id, kept even for briefings no longer in the library.
    #[serde(default)]
    pub briefings: FxHashMap<String, Mark>,
    /// Bookmarks by key ([`Bookmark::key`]); a removed one stays as a tombstone so a merge
    /// with an older copy does not bring it back.
    #[serde(default)]
    pub bookmarks: FxHashMap<String, Bookmark>,
    /// The last place overall.
    #[serde(default)]
    pub resume: Option<Resume>,
    /// When each briefing (`b:ID`) and entity (`e:ID`) was first seen, in ms since the epoch.
    #[serde(default)]
    pub seen: FxHashMap<String, u64>,
    /// Find-in-story queries, oldest first.
    #[serde(default)]
    pub finds: Vec<Query>,
    /// Search queries, oldest first.
    #[serde(default)]
    pub searches: Vec<Query>,
}

/// The read state of one briefing. Written as a row, `[at, flags, hash, block, line,
/// link]` (flags: 1 opened, 2 read to the end; the place `null` when there is none): read
/// marks are the bulk of a long-used state, and a row parses in a fraction of the time of
/// an object with named fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "MarkRow", into = "MarkRow")]
pub struct Mark {
    /// Last change, ms since the epoch.
    pub at: u64,
    /// Opened at least once.
    pub opened: bool,
    /// Read to the end.
    pub finished: bool,
    /// [`content_hash`] of the briefing when it was last opened.
    pub hash: u64,
    /// Where the reader was in it.
    pub place: Option<Place>,
}

/// A [`Mark`] as written: time, flags, hash, then the place's block, line and link.
#[derive(Serialize, Deserialize)]
struct MarkRow(u64, u8, u64, Option<usize>, Option<usize>, Option<usize>);

impl From<MarkRow> for Mark {
    fn from(MarkRow(at, flags, hash, block, line, link): MarkRow) -> Self {
        let place = block.map(|block| Place { block, line: line.unwrap_or(0), link });
        Mark { at, opened: flags & 1 != 0, finished: flags & 2 != 0, hash, place }
    }
}

impl From<Mark> for MarkRow {
    fn from(m: Mark) -> Self {
        let flags = u8::from(m.opened) | (u8::from(m.finished) << 1);
        let (block, line, link) = m.place.map_or((None, None, None), |p| (Some(p.block), Some(p.line), p.link));
        MarkRow(m.at, flags, m.hash, block, line, link)
    }
}

/// A place in a story by content: the block (paragraph, item or blank line) of the first
/// visible line, lines into it, and the focused link. Never a screen row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Block index of the first visible line.
    pub block: usize,
    /// Lines into that block.
    #[serde(default)]
    pub line: usize,
    /// The focused link, by mention index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<usize>,
}

/// The last place overall: what `briefing` with no arguments reopens.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    /// Last change, ms since the epoch.
    pub at: u64,
    /// The open briefing's id.
    pub briefing: String,
    /// The entity on the card, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The place in the story.
    #[serde(default)]
    pub place: Place,
}

/// What a bookmark points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Marked {
    /// A briefing.
    Briefing {
        /// Its id.
        briefing: String,
    },
    /// An entity or figure.
    Entity {
        /// Its id.
        entity: String,
    },
    /// A paragraph of a briefing, by its index in reading order.
    Paragraph {
        /// The briefing's id.
        briefing: String,
        /// Paragraph index.
        paragraph: usize,
    },
}

impl Marked {
    /// The key a bookmark is stored under: `briefing:ID`, `entity:ID`, `paragraph:ID#N`.
    pub fn key(&self) -> String {
        match self {
            Marked::Briefing { briefing } => format!("briefing:{briefing}"),
            Marked::Entity { entity } => format!("entity:{entity}"),
            Marked::Paragraph { briefing, paragraph } => format!("paragraph:{briefing}#{paragraph}"),
        }
    }
}

/// A bookmark with an optional note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Last change, ms since the epoch.
    pub at: u64,
    /// What it points at.
    pub target: Marked,
    /// What the reader saw when adding it (a name, a headline, the start of a paragraph).
    #[serde(default)]
    pub label: String,
    /// The reader's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Removed: kept as a tombstone so merging cannot resurrect it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

/// A remembered query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// When it was last run, ms since the epoch.
    pub at: u64,
    /// The query.
    pub text: String,
}

/// How a briefing stands for the reader, as the navigator marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// First seen in this session, after an earlier visit.
    New,
    /// Never opened.
    Unread,
    /// Opened, not read to the end.
    Opened,
    /// Read to the end.
    Read,
    /// Changed since it was last opened.
    Updated,
}

/// A fingerprint of what a reader reads in a briefing (FNV-1a over headline, dek and
/// paragraphs): stable across builds and platforms, unlike the standard hasher, so a
/// briefing edited after it was read shows as updated.
pub fn content_hash(briefing: &Briefing) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let texts = [&briefing.headline, &briefing.dek].into_iter().chain(briefing.paragraphs.iter().map(|p| &p.text));
    for text in texts {
        for byte in text.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Milliseconds since the epoch, the clock every entry is stamped with.
pub fn now_ms() -> u64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since.map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl State {
    /// An empty state of the current version.
    pub fn new() -> Self {
        State { version: VERSION, ..State::default() }
    }

    /// How `id` stands, given its current `hash` and whether it is new this session.
    pub fn standing(&self, id: &str, hash: u64, new: bool) -> Standing {
        match self.briefings.get(id) {
            _ if new => Standing::New,
            Some(m) if m.opened && m.hash != hash => Standing::Updated,
            Some(m) if m.finished => Standing::Read,
            Some(m) if m.opened => Standing::Opened,
            _ => Standing::Unread,
        }
    }

    /// Live bookmarks, newest first.
    pub fn live_bookmarks(&self) -> Vec<&Bookmark> {
        let mut live: Vec<&Bookmark> = self.bookmarks.values().filter(|b| !b.removed).collect();
        live.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.target.key().cmp(&b.target.key())));
        live
    }

    /// Keeps `text` as the newest of `queries`, once, within [`HISTORY_LIMIT`].
    pub fn remember(queries: &mut Vec<Query>, text: &str, at: u64) {
        if text.trim().is_empty() {
            return;
        }
        queries.retain(|q| q.text != text);
        queries.push(Query { at, text: text.to_string() });
        let excess = queries.len().saturating_sub(HISTORY_LIMIT);
        queries.drain(..excess);
    }
}

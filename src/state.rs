//! What the reader remembers between runs: read marks, resume places, bookmarks, what has
//! been seen, find and search history. This is domain code with no terminal in it: the
//! reader is one consumer (through [`Store`]) and `briefing bookmarks` another.
//!
//! Every entry carries the time it was last changed, so two readers that ran at once are
//! merged per key, the newer change winning ([`merge`]). The file format is documented in
//! `docs/state.md`.

mod codec;
pub mod file;
pub mod merge;
pub mod store;
pub mod table;
mod v1;

use serde::{Deserialize, Serialize};

pub use self::store::Store;
pub use self::table::Table;
use crate::library::Briefing;

/// The format version this build reads and writes. A file with a higher one is refused
/// and left alone; lower ones are migrated on load.
pub const VERSION: u32 = 3;

/// How many find and search queries are kept.
pub const HISTORY_LIMIT: usize = 100;

/// Everything remembered, as written to the state file (`docs/state.md`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The format version ([`VERSION`]).
    pub version: u32,
    /// Read marks by briefing id, kept even for briefings no longer in the library.
    pub briefings: Table<Mark>,
    /// Bookmarks by key ([`Marked::key`]); a removed one stays as a tombstone so a merge
    /// with an older copy does not bring it back.
    pub bookmarks: Table<Bookmark>,
    /// The last place overall.
    pub resume: Option<Resume>,
    /// When each briefing (`b:ID`) and entity (`e:ID`) was first seen, in ms since the epoch.
    pub seen: Table<u64>,
    /// Find-in-story queries, oldest first.
    pub finds: Vec<Query>,
    /// Search queries, oldest first.
    pub searches: Vec<Query>,
}

/// The read state of one briefing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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

/// A place in a story by content, never a screen row: the paragraph at the top of the
/// story pane and the focused mention, so it survives a resize and an edit of the story.
/// Numbers are 32-bit (see [`small`]): a state holds one place per briefing read, and a
/// smaller place makes the whole state quicker to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Above the first paragraph (headline, dek, source line), `line` lines down.
    Lead {
        /// Lines below the headline's first line.
        line: u32,
        /// The focused mention.
        link: Option<MentionAt>,
    },
    /// `line` lines into a paragraph, counting the blank line and any heading after it.
    Paragraph {
        /// The paragraph's index in reading order (across sections, from 0).
        paragraph: u32,
        /// [`fingerprint`] of its text, to find it again if paragraphs were added or
        /// removed before it.
        fingerprint: u32,
        /// Lines into it.
        line: u32,
        /// The focused mention.
        link: Option<MentionAt>,
    },
    /// A place saved by format version 1: the block (paragraph, item or blank line) of the
    /// laid-out story at the top, lines into it, and the focused mention by its index.
    Block {
        /// Block index.
        block: u32,
        /// Lines into it.
        line: u32,
        /// The focused mention's index among the briefing's mentions.
        link: Option<u32>,
    },
}

impl Default for Place {
    /// The top of the story.
    fn default() -> Self {
        Place::Lead { line: 0, link: None }
    }
}

/// A mention by where it is: its paragraph and which of that paragraph's mentions it is,
/// so mentions added to other paragraphs do not move it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionAt {
    /// The paragraph's index in reading order.
    pub paragraph: u32,
    /// Which of its mentions, from 0.
    pub nth: u32,
}

/// The last place overall: what `briefing` with no arguments reopens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resume {
    /// Last change, ms since the epoch.
    pub at: u64,
    /// The open briefing's id.
    pub briefing: String,
    /// The entity on the card, if any.
    pub entity: Option<String>,
    /// The place in the story.
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

    /// What `key` marks: the inverse of [`Marked::key`].
    pub fn from_key(key: &str) -> Option<Marked> {
        let (kind, id) = key.split_once(':')?;
        match kind {
            "briefing" => Some(Marked::Briefing { briefing: id.to_string() }),
            "entity" => Some(Marked::Entity { entity: id.to_string() }),
            "paragraph" => {
                let (briefing, paragraph) = id.rsplit_once('#')?;
                Some(Marked::Paragraph { briefing: briefing.to_string(), paragraph: paragraph.parse().ok()? })
            }
            _ => None,
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

/// A fingerprint of one paragraph's text (32-bit FNV-1a), saved with a place so the
/// paragraph is found again after paragraphs before it were added or removed.
pub fn fingerprint(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash: u32, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// `n` as a place stores it: a story never has four billion paragraphs, lines or
/// mentions, and one that claimed to would only be clamped.
pub fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

    /// Forgets which entries changed: the state was just written whole.
    pub fn written_whole(&mut self) {
        self.briefings.written_whole();
        self.bookmarks.written_whole();
        self.seen.written_whole();
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
        let mut live: Vec<(&str, &Bookmark)> = self.bookmarks.iter().filter(|(_, b)| !b.removed).collect();
        live.sort_by(|(key_a, a), (key_b, b)| b.at.cmp(&a.at).then_with(|| key_a.cmp(key_b)));
        live.into_iter().map(|(_, b)| b).collect()
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

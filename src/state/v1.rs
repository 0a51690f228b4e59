//! Format version 1: `state.json`, the whole state as JSON. Read once, when there is no
//! state file of a later version yet, and brought up to this version; never written.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::{Bookmark, Mark, Place, Query, Resume, State, Table, VERSION, small};

/// The file's name inside the state directory.
pub const FILE_NAME: &str = "state.json";

/// What a version 1 file held.
#[derive(Deserialize)]
struct StateV1 {
    version: u32,
    #[serde(default)]
    briefings: FxHashMap<String, MarkRow>,
    #[serde(default)]
    bookmarks: FxHashMap<String, Bookmark>,
    #[serde(default)]
    resume: Option<ResumeV1>,
    #[serde(default)]
    seen: FxHashMap<String, u64>,
    #[serde(default)]
    finds: Vec<Query>,
    #[serde(default)]
    searches: Vec<Query>,
}

/// A read mark as a row: `[at, flags, hash, block, line, link]` (flags: 1 opened, 2 read
/// to the end; the place `null` when there is none).
#[derive(Deserialize)]
struct MarkRow(u64, u8, u64, Option<usize>, Option<usize>, Option<usize>);

/// A place: the block of the laid-out story at the top, lines into it, the focused mention.
#[derive(Deserialize)]
struct PlaceV1 {
    block: usize,
    #[serde(default)]
    line: usize,
    #[serde(default)]
    link: Option<usize>,
}

#[derive(Deserialize)]
struct ResumeV1 {
    at: u64,
    briefing: String,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    place: Option<PlaceV1>,
}

/// Just the version, read when the whole does not parse: a newer format may not.
#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// What a JSON state file turned out to be.
pub enum Parsed {
    /// A version 1 state, migrated.
    Read(Box<State>),
    /// A file claiming a later version: not ours to read or touch.
    Newer(u32),
}

/// The state in `bytes`, migrated to this version; `None` when they are not a state file.
pub fn parse(bytes: &[u8]) -> Option<Parsed> {
    match serde_json::from_slice::<StateV1>(bytes) {
        Ok(state) if state.version > 1 => Some(Parsed::Newer(state.version)),
        Ok(state) => Some(Parsed::Read(Box::new(migrate(state)))),
        Err(_) => match serde_json::from_slice::<Header>(bytes) {
            Ok(header) if header.version > 1 => Some(Parsed::Newer(header.version)),
            _ => None,
        },
    }
}

/// Version 1 to this one: marks and seen ids into sorted tables, places kept as the
/// block places they were (the reader reads them as version 1 did).
fn migrate(old: StateV1) -> State {
    let mut briefings = Table::default();
    briefings.extend_new(old.briefings.into_iter().map(|(id, row)| (id, mark(row))));
    let mut seen = Table::default();
    seen.extend_new(old.seen);
    let mut bookmarks = Table::default();
    bookmarks.extend_new(old.bookmarks);
    let resume = old.resume.map(|r| Resume {
        at: r.at,
        briefing: r.briefing,
        entity: r.entity,
        place: r.place.map_or_else(Place::default, block_place),
    });
    State { version: VERSION, briefings, bookmarks, resume, seen, finds: old.finds, searches: old.searches }
}

fn mark(MarkRow(at, flags, hash, block, line, link): MarkRow) -> Mark {
    let place = block.map(|block| block_place(PlaceV1 { block, line: line.unwrap_or(0), link }));
    Mark { at, opened: flags & 1 != 0, finished: flags & 2 != 0, hash, place }
}

fn block_place(p: PlaceV1) -> Place {
    Place::Block { block: small(p.block), line: small(p.line), link: p.link.map(small) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Marked;

    #[test]
    fn a_version_1_file_is_migrated_whole() {
        let json = br#"{
            "version": 1,
            "briefings": { "beijing-gambit": [1764585600000, 3, 1234, 14, 2, 31], "h20": [5, 1, 9, null, null, null] },
            "bookmarks": { "entity:nvidia": { "at": 7, "target": { "kind": "entity", "entity": "nvidia" },
                           "label": "Nvidia", "note": "check" } },
            "resume": { "at": 8, "briefing": "beijing-gambit", "entity": "nvidia", "place": { "block": 14, "line": 2 } },
            "seen": { "b:beijing-gambit": 3, "e:nvidia": 4 },
            "finds": [{ "at": 1, "text": "H20" }],
            "searches": [{ "at": 2, "text": "huang" }]
        }"#;
        let Some(Parsed::Read(state)) = parse(json) else { panic!("a version 1 file reads") };
        assert_eq!(state.version, VERSION);
        let mark = state.briefings.get("beijing-gambit").copied().unwrap_or_default();
        assert!(mark.opened && mark.finished && mark.hash == 1234);
        assert_eq!(mark.place, Some(Place::Block { block: 14, line: 2, link: Some(31) }));
        assert_eq!(state.briefings.get("h20").map(|m| (m.opened, m.finished, m.place)), Some((true, false, None)));
        let bookmark = state.bookmarks.get("entity:nvidia").cloned().unwrap_or_else(|| panic!("kept"));
        assert_eq!(
            (&bookmark.target, bookmark.note.as_deref()),
            (&Marked::Entity { entity: "nvidia".into() }, Some("check"))
        );
        let resume = state.resume.clone().unwrap_or_default();
        assert_eq!(
            (resume.entity.as_deref(), resume.place),
            (Some("nvidia"), Place::Block { block: 14, line: 2, link: None })
        );
        assert_eq!((state.seen.get("b:beijing-gambit"), state.seen.get("e:nvidia")), (Some(&3), Some(&4)));
        assert_eq!((state.finds[0].text.as_str(), state.searches[0].text.as_str()), ("H20", "huang"));
    }

    #[test]
    fn a_json_file_of_a_later_version_is_newer_and_junk_is_nothing() {
        assert!(matches!(parse(br#"{"version": 7, "briefings": "other"}"#), Some(Parsed::Newer(7))));
        assert!(parse(b"{\"version\": 1, \"bookmarks\": {tr").is_none());
        assert!(parse(b"\xff\xfe").is_none());
    }
}

//! What the reader remembers, seen from the reader: the [`Store`] plus what this session
//! learnt at start (what is new) and what it last recorded, so a place is stamped only
//! when it changes. The App reads and writes the state only through here.

use std::cell::OnceCell;

use rustc_hash::FxHashSet;

use super::{App, Reveal};
use crate::library::{BriefingId, EntityId, Library};
use crate::reader::action::Pane;
use crate::reader::navigator::{Row, Saved};
use crate::reader::place::place_of;
use crate::reader::target::Target;
use crate::reader::views::View;
use crate::state::{Bookmark, Marked, Place, Resume, Standing, Store, content_hash};

/// The reader's side of the saved state.
#[derive(Debug, Default)]
pub struct Memory {
    /// The state and where it is saved.
    pub store: Store,
    /// Briefings first seen in this session, after an earlier one.
    new_briefings: FxHashSet<BriefingId>,
    /// Entities first seen in this session, after an earlier one.
    new_entities: FxHashSet<EntityId>,
    /// Whether this is the first run that keeps state: nothing was seen before.
    pub first_visit: bool,
    /// Each briefing's [`content_hash`], computed when first asked for.
    hashes: Vec<OnceCell<u64>>,
    /// Each briefing's content hash as the state had it when this session started, if it
    /// had been opened: a briefing changed since stays marked updated all session, even
    /// once reopening it records the new hash.
    hashes_at_start: Vec<Option<u64>>,
    /// The briefing, entity and place last recorded, to record only changes.
    last: Option<(BriefingId, Option<EntityId>, Place)>,
    /// Briefings already marked opened (or read to the end) in this session.
    opened: FxHashSet<BriefingId>,
    finished: FxHashSet<BriefingId>,
}

impl Memory {
    /// The memory of `store` for `library`: records what exists and learns what is new.
    pub fn new(library: &Library, store: Store) -> Memory {
        let nothing_seen = store.with(|s| s.seen.is_empty());
        let first_visit = store.writable() && nothing_seen;
        let briefings = library.briefing_ids().map(|b| format!("b:{}", library.briefing_key_of(b)));
        let entities = library.entity_ids().map(|e| format!("e:{}", library.key_of(e)));
        // With nothing seen before, nothing is new; a store that keeps nothing need not
        // be told what exists, which at a million entities is most of a start.
        let new =
            if nothing_seen && !store.writable() { FxHashSet::default() } else { store.see(briefings.chain(entities)) };
        let new_briefings = new.iter().filter_map(|k| library.briefing_by_id(k.strip_prefix("b:")?)).collect();
        let new_entities = new.iter().filter_map(|k| library.entity_by_id(k.strip_prefix("e:")?)).collect();
        let hashes = library.briefing_ids().map(|_| OnceCell::new()).collect();
        let hashes_at_start = store.with(|s| {
            let opened =
                |b: BriefingId| s.briefings.get(library.briefing_key_of(b)).filter(|m| m.opened).map(|m| m.hash);
            library.briefing_ids().map(opened).collect()
        });
        Memory { store, new_briefings, new_entities, first_visit, hashes, hashes_at_start, ..Memory::default() }
    }

    /// How many briefings are new since the last visit.
    pub fn new_briefings(&self) -> usize {
        self.new_briefings.len()
    }

    /// How many entities are new since the last visit.
    pub fn new_entities(&self) -> usize {
        self.new_entities.len()
    }

    /// The entities new since the last visit, in no order.
    pub fn new_entity_ids(&self) -> impl Iterator<Item = EntityId> + '_ {
        self.new_entities.iter().copied()
    }

    /// Whether entity `e` is new since the last visit.
    pub fn is_new_entity(&self, e: EntityId) -> bool {
        self.new_entities.contains(&e)
    }

    fn hash(&self, library: &Library, b: BriefingId) -> u64 {
        let hash = || content_hash(library.briefing(b));
        self.hashes.get(b.index()).map_or_else(hash, |cell| *cell.get_or_init(hash))
    }

    /// How `b` stands for the reader: new, unread, opened, read or updated.
    pub fn standing(&self, library: &Library, b: BriefingId) -> Standing {
        let hash = self.hash(library, b);
        let new = self.new_briefings.contains(&b);
        if !new && self.hashes_at_start.get(b.index()).copied().flatten().is_some_and(|old| old != hash) {
            return Standing::Updated;
        }
        self.store.with(|s| s.standing(library.briefing_key_of(b), hash, new))
    }

    /// The last place overall, if its briefing is still in `library`.
    pub fn resume(&self, library: &Library) -> Option<(BriefingId, Option<EntityId>, Place)> {
        let resume = self.store.with(|s| s.resume.clone())?;
        let briefing = library.briefing_by_id(&resume.briefing)?;
        let entity = resume.entity.as_deref().and_then(|e| library.entity_by_id(e));
        Some((briefing, entity, resume.place))
    }

    /// The last place in briefing `b`, if it was ever read.
    pub fn place(&self, library: &Library, b: BriefingId) -> Option<Place> {
        self.store.with(|s| s.briefings.get(library.briefing_key_of(b)).and_then(|m| m.place))
    }

    /// This memory for `library`, which replaces the one it was made for (a reload): what
    /// was new stays new, and what the new library adds is seen (and new) now.
    pub(super) fn carried(self, library: &Library, relink: &crate::reader::relink::Relink) -> Memory {
        let kept: Vec<BriefingId> = self.new_briefings.iter().filter_map(|&b| relink.briefing(b)).collect();
        let kept_entities: Vec<EntityId> = self.new_entities.iter().filter_map(|&e| relink.entity(e)).collect();
        let mut memory = Memory::new(library, self.store);
        memory.new_briefings.extend(kept);
        memory.new_entities.extend(kept_entities);
        memory
    }

    /// The saved find queries (oldest first) and search queries.
    pub fn histories(&self) -> (Vec<String>, Vec<String>) {
        let texts = |q: &[crate::state::Query]| q.iter().map(|q| q.text.clone()).collect();
        self.store.with(|s| (texts(&s.finds), texts(&s.searches)))
    }
}

impl App<'_> {
    /// Records where the reader is, after every update: the briefing opened, read to the
    /// end, and the place in it. Only real changes are stamped, so an idle reader, or one
    /// that reopened where it was, writes nothing. Returns whether a briefing's read mark
    /// changed, which changes what the card marks.
    pub(super) fn record(&mut self) -> bool {
        let (View::Story, Some(b)) = (self.at.view, self.at.briefing) else { return false };
        if matches!(self.reveal, Some((Pane::Story, _))) {
            return false; // the story's place is not settled until it is shown
        }
        let mut marked = false;
        let library = self.library;
        let id = library.briefing_key_of(b);
        if self.memory.opened.insert(b) {
            let hash = self.memory.hash(library, b);
            let stale = self.memory.store.with(|s| s.briefings.get(id).is_none_or(|m| !m.opened || m.hash != hash));
            marked |= stale;
            if stale {
                self.memory.store.change(|s, now| {
                    let mark = s.briefings.entry(id);
                    // Read to the end means this version of the story.
                    mark.finished &= mark.hash == hash;
                    (mark.at, mark.opened, mark.hash) = (now, true, hash);
                });
            }
        }
        if self.read_to_end() && self.memory.finished.insert(b) {
            let unread = self.memory.store.with(|s| s.briefings.get(id).is_none_or(|m| !m.finished));
            marked |= unread;
            if unread {
                self.memory.store.change(|s, now| {
                    let mark = s.briefings.entry(id);
                    (mark.at, mark.finished) = (now, true);
                });
            }
        }
        self.record_place(b);
        marked
    }

    fn record_place(&mut self, b: BriefingId) {
        let library = self.library;
        let place = place_of(library, b, &self.story.doc, self.at.story);
        let here = (b, self.at.entity, place);
        if self.memory.last == Some(here) {
            return;
        }
        self.memory.last = Some(here);
        let briefing = library.briefing_key_of(b).to_owned();
        let entity = self.at.entity.map(|e| library.key_of(e).to_owned());
        let kept = self.memory.store.with(|s| {
            let resumed =
                s.resume.as_ref().is_some_and(|r| (&r.briefing, &r.entity, r.place) == (&briefing, &entity, place));
            resumed && s.briefings.get(&briefing).is_some_and(|m| m.place == Some(place))
        });
        if kept {
            return;
        }
        self.memory.store.change(|s, now| {
            let mark = s.briefings.entry(&briefing);
            (mark.at, mark.place) = (now, Some(place));
            s.resume = Some(Resume { at: now, briefing, entity, place });
        });
    }

    /// Asks for briefing `b`'s own last place in the story, once it is laid out.
    pub(super) fn reopen_place(&mut self, b: BriefingId) {
        if let Some(place) = self.memory.place(self.library, b) {
            self.request(Pane::Story, Reveal::Place(place));
        }
    }

    /// Whether the story's last line is on screen.
    fn read_to_end(&self) -> bool {
        let on_screen = self.screen().pane(Pane::Story).is_some();
        let lines = self.story.doc.lines.len();
        on_screen && lines > 0 && self.story.scroll(&self.at.story) + self.story.height >= lines
    }

    /// Reopens the last place, when it is still in the library: the briefing, the place
    /// in its story and the card beside it.
    pub(super) fn resume(&mut self) -> bool {
        let Some((briefing, entity, place)) = self.memory.resume(self.library) else { return false };
        self.go(Target::Briefing(briefing));
        self.request(Pane::Story, Reveal::Place(place));
        self.at.entity = entity;
        true
    }

    /// Adds a bookmark on what has the reader's attention, or removes it if it is there:
    /// the navigator's row, the card's entity, the story's focused mention or else the
    /// paragraph at the top.
    pub(super) fn toggle_bookmark(&mut self) {
        let Some((target, label)) = self.bookmark_target() else {
            self.notice = Some("nothing here to bookmark".into());
            return;
        };
        let key = target.key();
        let added = self.memory.store.change(|s, now| {
            let live = s.bookmarks.get(&key).is_some_and(|b| !b.removed);
            let bookmark = Bookmark { at: now, target, label: label.clone(), note: None, removed: live };
            s.bookmarks.insert(&key, bookmark);
            !live
        });
        self.notice = Some(if added { format!("bookmarked {label}") } else { format!("bookmark removed: {label}") });
        self.show_bookmarks();
    }

    /// Lists the live bookmarks in the navigator.
    pub(super) fn show_bookmarks(&mut self) {
        let (library, index) = (self.library, &mut self.index);
        self.memory.store.with(|s| index.set_bookmarks(library, &s.live_bookmarks()));
    }

    fn bookmark_target(&self) -> Option<(Marked, String)> {
        let library = self.library;
        match self.at.focus {
            Pane::Navigator => match self.index.row(self.nav_row())? {
                Row::Briefing(b) | Row::Saved(Saved::Briefing(b)) => Some(marked_briefing(library, b)),
                Row::Entity(e) | Row::Saved(Saved::Entity(e)) => Some(marked_entity(library, e)),
                Row::Saved(Saved::Paragraph(b, p)) => Some(marked_paragraph(library, b, p)),
                Row::Briefings(_) | Row::Bookmarks(_) | Row::Group(..) => None,
            },
            Pane::Card => self.at.entity.map(|e| marked_entity(library, e)),
            Pane::Story => {
                if let Some(e) = self.story_link_entity() {
                    return Some(marked_entity(library, e));
                }
                let b = self.at.briefing?;
                if self.at.view != View::Story {
                    return Some(marked_briefing(library, b));
                }
                let line = self.story.scroll(&self.at.story);
                let p = self.story.doc.anchors.partition_point(|&l| l <= line).saturating_sub(1);
                Some(marked_paragraph(library, b, p))
            }
        }
    }
}

/// The mark of paragraph `p` of `b`, labelled with its first words.
fn marked_paragraph(library: &Library, b: BriefingId, p: usize) -> (Marked, String) {
    let briefing = library.briefing(b);
    let text = briefing.paragraphs.get(p).map_or("", |p| p.text.as_str());
    let mut label: String = text.chars().take(48).collect();
    if text.chars().count() > 48 {
        label.push('…');
    }
    (Marked::Paragraph { briefing: briefing.id.clone(), paragraph: p }, label)
}

/// The mark of a briefing.
fn marked_briefing(library: &Library, b: BriefingId) -> (Marked, String) {
    let briefing = library.briefing(b);
    (Marked::Briefing { briefing: briefing.id.clone() }, briefing.headline.clone())
}

/// The mark of an entity.
fn marked_entity(library: &Library, e: EntityId) -> (Marked, String) {
    let entity = library.entity(e);
    (Marked::Entity { entity: entity.id.clone() }, entity.name.clone())
}

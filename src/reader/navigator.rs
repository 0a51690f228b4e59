//! The library index: briefings, then entities grouped by kind with counts. Rows are
//! computed from the index on demand, so a library of any size costs nothing to scroll.

use super::doc::width;
use crate::library::{BriefingId, EntityId, Kind, Library};
use crate::state::{Bookmark, Marked};

/// What a saved bookmark points at in this library, if it is still there.
fn resolve(library: &Library, marked: &Marked) -> Option<Saved> {
    match marked {
        Marked::Briefing { briefing } => library.briefing_by_id(briefing).map(Saved::Briefing),
        Marked::Entity { entity } => library.entity_by_id(entity).map(Saved::Entity),
        Marked::Paragraph { briefing, paragraph } => library
            .briefing_by_id(briefing)
            .filter(|&b| *paragraph < library.briefing(b).paragraphs.len())
            .map(|b| Saved::Paragraph(b, *paragraph)),
    }
}

/// A row of the navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The heading of the briefings.
    Briefings(usize),
    /// A briefing.
    Briefing(BriefingId),
    /// The heading of the bookmarks, with their count (shown only when there are some).
    Bookmarks(usize),
    /// A bookmark.
    Saved(Saved),
    /// The heading of a kind's group: kind, count, whether it is open.
    Group(Kind, usize, bool),
    /// An entity of an open group.
    Entity(EntityId),
}

/// A bookmark as the navigator lists it, resolved against the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Saved {
    /// A briefing.
    Briefing(BriefingId),
    /// An entity.
    Entity(EntityId),
    /// A paragraph of a briefing.
    Paragraph(BriefingId, usize),
}

/// A row by what it shows rather than where it sits, so the selection survives a group
/// being folded or opened above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RowId {
    /// The briefings heading.
    #[default]
    Briefings,
    /// A briefing.
    Briefing(BriefingId),
    /// The bookmarks heading.
    Bookmarks,
    /// A bookmark.
    Saved(Saved),
    /// A kind's group heading.
    Group(Kind),
    /// An entity.
    Entity(EntityId),
}

impl Row {
    /// What the row shows.
    pub fn id(self) -> RowId {
        match self {
            Row::Briefings(_) => RowId::Briefings,
            Row::Briefing(id) => RowId::Briefing(id),
            Row::Bookmarks(_) => RowId::Bookmarks,
            Row::Saved(saved) => RowId::Saved(saved),
            Row::Group(kind, _, _) => RowId::Group(kind),
            Row::Entity(id) => RowId::Entity(id),
        }
    }
}

/// Briefings newest first, then entities grouped by kind and sorted by name (those of
/// one briefing, or of the whole library), plus which groups are open.
#[derive(Debug, Clone)]
pub struct Index {
    briefings: Vec<BriefingId>,
    groups: Vec<(Kind, Vec<EntityId>, bool)>,
    /// Bookmarks, newest first.
    saved: Vec<Saved>,
    /// The briefing whose entities are listed; `None` for the whole library.
    only: Option<BriefingId>,
    /// Columns the longest row takes, to size the pane to its content.
    widest: usize,
}

/// Columns the longest row of briefings and groups takes: "▶ 2025-04-17 " and a
/// headline, " ▶●" and a name (the marks of new or read briefings may add a few more).
/// The whole library's widest name is the library's to know; one briefing's is measured.
fn widest(library: &Library, briefings: &[BriefingId], groups: &[(Kind, Vec<EntityId>, bool)], only: bool) -> usize {
    let briefing = |&b: &BriefingId| {
        let (date, headline) = library.head_of(b);
        2 + date.map_or(0, |d| width(d) + 1) + width(headline)
    };
    let names = match only {
        true => groups.iter().flat_map(|(_, ids, _)| ids).map(|&e| width(library.name_of(e))).max(),
        false => (library.entity_count() > 0).then(|| library.widest_name()),
    };
    briefings.iter().map(briefing).chain(names.map(|n| 3 + n)).max().unwrap_or(0)
}

/// The entities of `kind` among `listed`, sorted by name as [`Library::by_name`] sorts them.
fn by_name(library: &Library, listed: &[EntityId], kind: Kind) -> Vec<EntityId> {
    let mut ids: Vec<EntityId> = listed.iter().copied().filter(|&id| library.kind_of(id) == kind).collect();
    crate::library::model::sort_by_name(&mut ids, |id| library.name_of(id));
    ids
}

/// Groups larger than this start folded, so a big library opens on a short list.
const OPEN_LIMIT: usize = 60;

impl Index {
    /// Builds the index of a library, listing the entities of briefing `only` or, with
    /// `None`, of the whole library.
    pub fn new(library: &Library, only: Option<BriefingId>) -> Self {
        let groups: Vec<(Kind, Vec<EntityId>, bool)> = Kind::ALL
            .into_iter()
            .filter_map(|kind| {
                let ids = match only {
                    Some(b) => by_name(library, &library.briefing(b).entities, kind),
                    None => library.by_name(kind),
                };
                let open = ids.len() <= OPEN_LIMIT;
                (!ids.is_empty()).then_some((kind, ids, open))
            })
            .collect();
        let briefings = library.newest_first();
        let widest = widest(library, &briefings, &groups, only.is_some());
        Index { briefings, groups, saved: Vec::new(), only, widest }
    }

    /// Columns the longest row takes (a briefing's date and headline, an entity's name).
    pub fn widest(&self) -> usize {
        self.widest
    }

    /// Lists `bookmarks` (newest first) after the briefings; those whose briefing or
    /// entity is no longer in the library are kept in the state but not listed.
    pub fn set_bookmarks(&mut self, library: &Library, bookmarks: &[&Bookmark]) {
        self.saved = bookmarks.iter().filter_map(|b| resolve(library, &b.target)).collect();
    }

    /// Rows the bookmarks take: a heading and one each, or none.
    fn saved_rows(&self) -> usize {
        if self.saved.is_empty() { 0 } else { 1 + self.saved.len() }
    }

    /// The briefing whose entities are listed; `None` for the whole library.
    pub fn only(&self) -> Option<BriefingId> {
        self.only
    }

    /// The newest of `briefings`.
    pub fn newest_of(&self, briefings: &[BriefingId]) -> Option<BriefingId> {
        self.briefings.iter().copied().find(|b| briefings.contains(b))
    }

    /// The newest briefing, the one a reader of an archive opens on.
    pub fn newest(&self) -> Option<BriefingId> {
        self.briefings.first().copied()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        1 + self.briefings.len()
            + self.saved_rows()
            + self.groups.iter().map(|(_, ids, open)| 1 + if *open { ids.len() } else { 0 }).sum::<usize>()
    }

    /// Whether there are no rows (never: the briefings heading is always there).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The row at `index`, if there is one.
    pub fn row(&self, mut index: usize) -> Option<Row> {
        if index == 0 {
            return Some(Row::Briefings(self.briefings.len()));
        }
        index -= 1;
        if index < self.briefings.len() {
            return Some(Row::Briefing(self.briefings[index]));
        }
        index -= self.briefings.len();
        if index < self.saved_rows() {
            return Some(if index == 0 { Row::Bookmarks(self.saved.len()) } else { Row::Saved(self.saved[index - 1]) });
        }
        index -= self.saved_rows();
        for (kind, ids, open) in &self.groups {
            if index == 0 {
                return Some(Row::Group(*kind, ids.len(), *open));
            }
            index -= 1;
            let shown = if *open { ids.len() } else { 0 };
            if index < shown {
                return Some(Row::Entity(ids[index]));
            }
            index -= shown;
        }
        None
    }

    /// Where `id` is shown: its row, or for an entity in a folded group, the group's row.
    pub fn position(&self, id: RowId) -> usize {
        match id {
            RowId::Briefings => 0,
            RowId::Briefing(b) => 1 + self.briefings.iter().position(|&x| x == b).unwrap_or(0),
            RowId::Bookmarks => 1 + self.briefings.len(),
            RowId::Saved(saved) => {
                let at = self.saved.iter().position(|&s| s == saved).map_or(0, |i| i + 1);
                1 + self.briefings.len() + at
            }
            RowId::Group(kind) => self.group_row(Some(kind), None),
            RowId::Entity(e) => self.group_row(self.kind_of(e), Some(e)),
        }
    }

    fn kind_of(&self, id: EntityId) -> Option<Kind> {
        self.groups.iter().find(|(_, ids, _)| ids.contains(&id)).map(|(kind, _, _)| *kind)
    }

    /// The row of a group heading (or of `entity` inside it when the group is open).
    fn group_row(&self, kind: Option<Kind>, entity: Option<EntityId>) -> usize {
        let mut row = 1 + self.briefings.len() + self.saved_rows();
        for (k, ids, open) in &self.groups {
            if Some(*k) == kind {
                let inside = entity.filter(|_| *open).and_then(|e| ids.iter().position(|&i| i == e));
                return row + inside.map_or(0, |at| at + 1);
            }
            row += 1 + if *open { ids.len() } else { 0 };
        }
        0
    }

    /// Whether entity `e` is listed: always for the whole library, else when the listed
    /// briefing declares or mentions it.
    pub fn lists(&self, library: &Library, e: EntityId) -> bool {
        self.only.is_none_or(|b| library.briefing(b).entities.contains(&e))
    }

    /// The kinds whose groups are folded.
    pub fn folded(&self) -> Vec<Kind> {
        self.groups.iter().filter(|(_, _, open)| !open).map(|(kind, _, _)| *kind).collect()
    }

    /// Folds the group of `kind`, if there is one.
    pub fn fold(&mut self, kind: Kind) {
        if let Some(group) = self.groups.iter_mut().find(|(k, _, _)| *k == kind) {
            group.2 = false;
        }
    }

    /// Opens or folds the group of `kind`.
    pub fn toggle(&mut self, kind: Kind) {
        if let Some(group) = self.groups.iter_mut().find(|(k, _, _)| *k == kind) {
            group.2 = !group.2;
        }
    }
}

//! The library index: briefings, then entities grouped by kind with counts. Rows are
//! computed from the index on demand, so a library of any size costs nothing to scroll.

use crate::library::{BriefingId, EntityId, Kind, Library};

/// A row of the navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The heading of the briefings.
    Briefings(usize),
    /// A briefing.
    Briefing(BriefingId),
    /// The heading of a kind's group: kind, count, whether it is open.
    Group(Kind, usize, bool),
    /// An entity of an open group.
    Entity(EntityId),
}

/// Entities grouped by kind and sorted by name, plus which groups are open.
#[derive(Debug, Clone)]
pub struct Index {
    briefings: Vec<BriefingId>,
    groups: Vec<(Kind, Vec<EntityId>, bool)>,
}

/// Groups larger than this start folded, so a big library opens on a short list.
const OPEN_LIMIT: usize = 60;

impl Index {
    /// Builds the index of a library.
    pub fn new(library: &Library) -> Self {
        let groups = Kind::ALL
            .into_iter()
            .filter_map(|kind| {
                let mut ids: Vec<EntityId> =
                    library.entity_ids().filter(|&id| library.entity(id).kind == kind).collect();
                ids.sort_by_cached_key(|&id| library.entity(id).name.to_lowercase());
                let open = ids.len() <= OPEN_LIMIT;
                (!ids.is_empty()).then_some((kind, ids, open))
            })
            .collect();
        Index { briefings: library.briefing_ids().collect(), groups }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        1 + self.briefings.len()
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

    /// Opens or folds the group of `kind`.
    pub fn toggle(&mut self, kind: Kind) {
        if let Some(group) = self.groups.iter_mut().find(|(k, _, _)| *k == kind) {
            group.2 = !group.2;
        }
    }

    /// The row showing entity `id`, opening its group if needed.
    pub fn reveal(&mut self, id: EntityId, kind: Kind) -> Option<usize> {
        let mut row = 1 + self.briefings.len();
        for (k, ids, open) in &mut self.groups {
            row += 1;
            if *k == kind {
                let at = ids.iter().position(|&e| e == id)?;
                *open = true;
                return Some(row + at);
            }
            if *open {
                row += ids.len();
            }
        }
        None
    }

    /// The row showing briefing `id`.
    pub fn briefing_row(&self, id: BriefingId) -> usize {
        1 + id.index()
    }
}

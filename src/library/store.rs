//! The library every consumer reads, whichever way it was opened: built by the loader,
//! or mapped from a cache file.

use super::built::Built;
use super::mapped::{Mapped, U32s};
use super::model::{Briefing, BriefingId, Entity, EntityId, Event, Kind, Relation};

/// The whole library: immutable once loaded. It is built in memory by the loader, or
/// opened from a cache file whose records are decoded one by one as they are first asked
/// for, so that opening a large archive costs what the first screen reads, not what the
/// archive holds.
#[derive(Debug)]
pub struct Library {
    store: Store,
}

#[derive(Debug)]
enum Store {
    Built(Built),
    Mapped(Mapped),
}

impl From<Built> for Library {
    fn from(built: Built) -> Self {
        Library { store: Store::Built(built) }
    }
}

impl From<Mapped> for Library {
    fn from(mapped: Mapped) -> Self {
        Library { store: Store::Mapped(mapped) }
    }
}

impl Default for Library {
    fn default() -> Self {
        Built::default().into()
    }
}

impl Library {
    /// The library as the loader built it, when it was (not opened from a cache).
    pub(crate) fn as_built(&self) -> Option<&Built> {
        match &self.store {
            Store::Built(built) => Some(built),
            Store::Mapped(_) => None,
        }
    }

    /// The library as opened from a cache, when it was.
    pub(crate) fn as_mapped(&self) -> Option<&Mapped> {
        match &self.store {
            Store::Built(_) => None,
            Store::Mapped(mapped) => Some(mapped),
        }
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> &Entity {
        match &self.store {
            Store::Built(b) => b.entity(id),
            Store::Mapped(m) => m.entity(id),
        }
    }

    /// The briefing with this id.
    pub fn briefing(&self, id: BriefingId) -> &Briefing {
        match &self.store {
            Store::Built(b) => b.briefing(id),
            Store::Mapped(m) => m.briefing(id),
        }
    }

    /// Relation `index` (below [`Library::relation_count`]).
    fn relation(&self, index: u32) -> &Relation {
        match &self.store {
            Store::Built(b) => &b.relations[index as usize],
            Store::Mapped(m) => m.relation(index as usize),
        }
    }

    /// How many entities (figures included) there are.
    pub fn entity_count(&self) -> usize {
        match &self.store {
            Store::Built(b) => b.entities.len(),
            Store::Mapped(m) => m.entity_count(),
        }
    }

    /// How many briefings there are.
    pub fn briefing_count(&self) -> usize {
        match &self.store {
            Store::Built(b) => b.briefings.len(),
            Store::Mapped(m) => m.briefing_count(),
        }
    }

    /// How many relations there are.
    pub fn relation_count(&self) -> usize {
        match &self.store {
            Store::Built(b) => b.relations.len(),
            Store::Mapped(m) => m.relation_count(),
        }
    }

    /// Every relation, in file order.
    pub fn relations(&self) -> impl Iterator<Item = &Relation> + '_ {
        (0..self.relation_count() as u32).map(|r| self.relation(r))
    }

    /// What entity `id` is, without reading the rest of it.
    pub fn kind_of(&self, id: EntityId) -> Kind {
        match &self.store {
            Store::Built(b) => b.entity(id).kind,
            Store::Mapped(m) => m.kind_of(id),
        }
    }

    /// Entity `id`'s display name, without reading the rest of it.
    pub fn name_of(&self, id: EntityId) -> &str {
        match &self.store {
            Store::Built(b) => &b.entity(id).name,
            Store::Mapped(m) => m.name_of(id),
        }
    }

    /// Entity `id`'s id as the files write it, without reading the rest of it.
    pub fn key_of(&self, id: EntityId) -> &str {
        match &self.store {
            Store::Built(b) => &b.entity(id).id,
            Store::Mapped(m) => m.key_of(id),
        }
    }

    /// Briefing `id`'s id as its file writes it, without reading the rest of it.
    pub fn briefing_key_of(&self, id: BriefingId) -> &str {
        match &self.store {
            Store::Built(b) => &b.briefing(id).id,
            Store::Mapped(m) => m.briefing_key_of(id),
        }
    }

    /// Briefing `id`'s date and headline, without reading the rest of it.
    pub fn head_of(&self, id: BriefingId) -> (Option<&str>, &str) {
        match &self.store {
            Store::Built(b) => (b.briefing(id).date.as_deref(), &b.briefing(id).headline),
            Store::Mapped(m) => m.head_of(id),
        }
    }

    /// Columns the widest entity name takes in a terminal (see [`super::text::columns`]).
    pub fn widest_name(&self) -> usize {
        match &self.store {
            Store::Built(b) => b.widest_name(),
            Store::Mapped(m) => m.widest_name(),
        }
    }

    /// Looks an entity up by its string id.
    pub fn entity_by_id(&self, id: &str) -> Option<EntityId> {
        match &self.store {
            Store::Built(b) => b.entity_by_id(id),
            Store::Mapped(m) => m.entity_by_id(id),
        }
    }

    /// Looks a briefing up by its string id.
    pub fn briefing_by_id(&self, id: &str) -> Option<BriefingId> {
        match &self.store {
            Store::Built(b) => b.briefing_by_id(id),
            Store::Mapped(m) => m.briefing_by_id(id),
        }
    }

    /// All briefing ids in order.
    pub fn briefing_ids(&self) -> impl Iterator<Item = BriefingId> + '_ {
        (0..self.briefing_count()).map(BriefingId::new)
    }

    /// All entity ids in order.
    pub fn entity_ids(&self) -> impl Iterator<Item = EntityId> + '_ {
        (0..self.entity_count()).map(EntityId::new)
    }

    /// Briefings newest first by date; undated ones last; ties in library order: the
    /// order the navigator lists them in and a reader of an archive opens on.
    pub fn newest_first(&self) -> Vec<BriefingId> {
        match &self.store {
            Store::Built(b) => b.newest_first(),
            Store::Mapped(m) => m.newest_first(),
        }
    }

    /// `ids` in the order of [`Library::newest_first`], each once. A card lists its few
    /// briefings this way: filtering the whole order would sort, or read, every briefing
    /// of the archive for each card.
    pub fn newest_first_of(&self, ids: impl IntoIterator<Item = BriefingId>) -> Vec<BriefingId> {
        let mut ids: Vec<BriefingId> = ids.into_iter().collect();
        ids.sort_by(|&a, &b| super::model::newer_first((a, self.head_of(a).0), (b, self.head_of(b).0)));
        ids.dedup();
        ids
    }

    /// Every entity of `kind`, sorted by name without regard to case; ties in library order.
    pub fn by_name(&self, kind: Kind) -> Vec<EntityId> {
        match &self.store {
            Store::Built(b) => b.by_name(kind),
            Store::Mapped(m) => m.by_name(kind),
        }
    }

    /// Relations where `id` is the subject.
    pub fn outgoing(&self, id: EntityId) -> impl Iterator<Item = &Relation> + '_ {
        let indices = match &self.store {
            Store::Built(b) => U32s::native(&b.outgoing[id.index()]),
            Store::Mapped(m) => m.outgoing(id),
        };
        indices.map(|r| self.relation(r))
    }

    /// Relations where `id` is the object.
    pub fn incoming(&self, id: EntityId) -> impl Iterator<Item = &Relation> + '_ {
        let indices = match &self.store {
            Store::Built(b) => U32s::native(&b.incoming[id.index()]),
            Store::Mapped(m) => m.incoming(id),
        };
        indices.map(|r| self.relation(r))
    }

    /// Figures that are about `id`.
    pub fn figures_about(&self, id: EntityId) -> Vec<EntityId> {
        match &self.store {
            Store::Built(b) => b.figures_of[id.index()].clone(),
            Store::Mapped(m) => m.figures_of(id).map(|f| EntityId::new(f as usize)).collect(),
        }
    }

    /// Events, across briefings, that involve `id`, in library order: read as they are
    /// wanted, so that asking whether there is one stops at the first.
    pub fn events_of(&self, id: EntityId) -> impl Iterator<Item = (BriefingId, &Event)> + '_ {
        let built = self.as_built().map(move |built| {
            built.briefing_ids().flat_map(move |b| {
                built.briefing(b).events.iter().filter(move |e| e.entities.contains(&id)).map(move |e| (b, e))
            })
        });
        let mapped = self.as_mapped().map(|m| m.events_of(id));
        built.into_iter().flatten().chain(mapped.into_iter().flatten())
    }
}

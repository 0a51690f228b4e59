//! A library as the loader builds it from the JSON: every record in memory, with the
//! tables the loader fills in as it declares and resolves.

use rustc_hash::FxHashMap;

use super::model::{Briefing, BriefingId, Entity, EntityId, Kind, Relation};

/// Everything the loader builds, owned.
#[derive(Debug, Default)]
pub struct Built {
    /// Briefings in file-name order.
    pub(crate) briefings: Vec<Briefing>,
    /// Entities and figures, in order of first declaration.
    pub(crate) entities: Vec<Entity>,
    /// Relations in file order.
    pub(crate) relations: Vec<Relation>,
    pub(crate) by_id: FxHashMap<String, EntityId>,
    pub(crate) briefing_by_id: FxHashMap<String, BriefingId>,
    /// For each entity, indexes of relations it is the subject of.
    pub(crate) outgoing: Vec<Vec<u32>>,
    /// For each entity, indexes of relations it is the object of.
    pub(crate) incoming: Vec<Vec<u32>>,
    /// For each entity, the figures about it.
    pub(crate) figures_of: Vec<Vec<EntityId>>,
}

impl Built {
    /// The entity with this id.
    pub(crate) fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    /// The briefing with this id.
    pub(crate) fn briefing(&self, id: BriefingId) -> &Briefing {
        &self.briefings[id.index()]
    }

    /// All briefing ids in order.
    pub(crate) fn briefing_ids(&self) -> impl Iterator<Item = BriefingId> + '_ {
        (0..self.briefings.len()).map(BriefingId::new)
    }

    /// All entity ids in order.
    pub(crate) fn entity_ids(&self) -> impl Iterator<Item = EntityId> + '_ {
        (0..self.entities.len()).map(EntityId::new)
    }

    /// Looks an entity up by its string id.
    pub(crate) fn entity_by_id(&self, id: &str) -> Option<EntityId> {
        self.by_id.get(id).copied()
    }

    /// Looks a briefing up by its string id.
    pub(crate) fn briefing_by_id(&self, id: &str) -> Option<BriefingId> {
        self.briefing_by_id.get(id).copied()
    }

    /// Briefings newest first by date; undated ones last; ties in library order.
    pub(crate) fn newest_first(&self) -> Vec<BriefingId> {
        let mut ids: Vec<BriefingId> = self.briefing_ids().collect();
        let date = |id: BriefingId| self.briefing(id).date.as_deref();
        ids.sort_by(|&a, &b| super::model::newer_first((a, date(a)), (b, date(b))));
        ids
    }

    /// Every entity of `kind`, sorted by name without regard to case; ties in library
    /// order.
    pub(crate) fn by_name(&self, kind: Kind) -> Vec<EntityId> {
        let mut ids: Vec<EntityId> = self.entity_ids().filter(|&id| self.entity(id).kind == kind).collect();
        super::model::sort_by_name(&mut ids, |id| &self.entity(id).name);
        ids
    }

    /// Columns the widest entity name takes.
    pub(crate) fn widest_name(&self) -> usize {
        self.entities.iter().map(|e| super::text::columns(&e.name)).max().unwrap_or(0)
    }
}

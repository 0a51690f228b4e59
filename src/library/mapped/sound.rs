//! The invariants of a library read from a cache. rkyv's validation proves that bytes are
//! well formed, and a hash that they are the bytes that were written; neither proves that
//! every index points where the library's code assumes (an `EntityId` below the number of
//! entities, a mention's range inside its paragraph on character boundaries). A library
//! the loader built has them by construction; one from disk is checked — the front when
//! it is opened, each record as it is decoded — so that a forged cache is a miss or a
//! placeholder, never a panic in the reader.

use super::front::ArchivedFront;
use crate::library::model::{AliasScope, Briefing, BriefingId, Entity, EntityId, Kind, Relation};

/// The first broken invariant of the front, whose records lie in `records` bytes.
pub fn front(front: &ArchivedFront, records: usize) -> Result<(), String> {
    let entities = front.entity_kinds.len();
    let briefings = front.briefing_paragraphs.len();
    let relations = front.relation_from.len();
    let below = |column: &[rkyv::rend::u32_le], n: usize| column.iter().all(|v| (v.to_native() as usize) < n);
    let checks = [
        (
            front.entity_keys.len() == entities && front.entity_names.len() == entities,
            "entity columns differ in length",
        ),
        (front.entity_records.len() == entities && front.entity_records.fit(records), "entity records out of place"),
        (front.entity_kinds.iter().all(|&k| (k as usize) < Kind::ALL.len()), "an unknown kind"),
        (front.by_key.len() == entities && below(&front.by_key, entities), "the id order is broken"),
        (front.by_name.len() == entities && below(&front.by_name, entities), "the name order is broken"),
        (
            [front.briefing_keys.len(), front.briefing_headlines.len(), front.briefing_dates.len()] == [briefings; 3],
            "briefing columns differ in length",
        ),
        (
            front.briefing_records.len() == briefings && front.briefing_records.fit(records),
            "briefing records out of place",
        ),
        (front.newest_first.len() == briefings && below(&front.newest_first, briefings), "the date order is broken"),
        (front.relation_to.len() == relations, "relation columns differ in length"),
        (
            below(&front.relation_from, entities) && below(&front.relation_to, entities),
            "a relation's entity out of range",
        ),
        (
            front.relation_records.len() == relations && front.relation_records.fit(records),
            "relation records out of place",
        ),
        (
            front.outgoing.fit(entities, relations) && front.incoming.fit(entities, relations),
            "the relation graph is broken",
        ),
        (front.figures_of.fit(entities, entities), "the figures' table is broken"),
        (front.events_of.fit(entities, u32::MAX as usize), "the events' table is broken"),
    ];
    match checks.iter().find(|(ok, _)| !ok) {
        Some((_, broken)) => Err((*broken).to_owned()),
        None => Ok(()),
    }
}

/// How many entities and briefings there are, and each briefing's paragraphs.
struct Bounds<'f> {
    front: &'f ArchivedFront,
}

impl Bounds<'_> {
    fn entities(&self, ids: &[EntityId]) -> Result<(), String> {
        let n = self.front.entity_kinds.len();
        match ids.iter().find(|id| id.index() >= n) {
            Some(id) => Err(format!("entity {} of {n}", id.index())),
            None => Ok(()),
        }
    }

    fn briefings(&self, ids: &[BriefingId]) -> Result<(), String> {
        let n = self.front.briefing_paragraphs.len();
        match ids.iter().find(|id| id.index() >= n) {
            Some(id) => Err(format!("briefing {} of {n}", id.index())),
            None => Ok(()),
        }
    }

    /// Whether `briefing` exists and has a paragraph `paragraph`.
    fn paragraph(&self, briefing: BriefingId, paragraph: usize) -> Result<(), String> {
        self.briefings(&[briefing])?;
        let n = self.front.briefing_paragraphs.get(briefing.index()).map_or(0, |n| n.to_native() as usize);
        if paragraph < n { Ok(()) } else { Err(format!("paragraph {paragraph} of {n}")) }
    }
}

/// The first broken invariant of entity `id` as decoded.
pub fn entity(entity: &Entity, id: EntityId, front: &ArchivedFront) -> Result<(), String> {
    let ids = Bounds { front };
    let column = (front.entity_keys.get(id.index()), front.entity_names.get(id.index()));
    if (entity.id.as_str(), entity.name.as_str()) != column
        || front.entity_kinds.get(id.index()).copied() != Some(super::front::kind_number(entity.kind))
    {
        return Err(format!("`{}` differs from the front", entity.id));
    }
    ids.briefings(&entity.briefings)?;
    if entity.alias_scopes.len() != entity.aliases.len() {
        return Err(format!("`{}`: aliases and their scopes differ in number", entity.id));
    }
    for scope in &entity.alias_scopes {
        if let AliasScope::Only(briefings) = scope {
            ids.briefings(briefings)?;
        }
    }
    if let Some(figure) = &entity.figure {
        ids.entities(&figure.about)?;
        ids.entities(figure.revises.as_slice())?;
        ids.paragraph(figure.briefing, figure.paragraph)?;
    }
    Ok(())
}

/// The first broken invariant of relation `index` as decoded.
pub fn relation(relation: &Relation, index: usize, front: &ArchivedFront) -> Result<(), String> {
    let ids = Bounds { front };
    let end = |column: &[rkyv::rend::u32_le]| column.get(index).map(|e| e.to_native() as usize);
    if (Some(relation.from.index()), Some(relation.to.index())) != (end(&front.relation_from), end(&front.relation_to))
    {
        return Err("a relation differs from the front".into());
    }
    for source in &relation.sources {
        ids.briefings(&[source.briefing])?;
        if let Some(p) = source.paragraph {
            ids.paragraph(source.briefing, p)?;
        }
    }
    Ok(())
}

/// The first broken invariant of briefing `id` as decoded: it is the briefing the front
/// describes, sections cover the paragraphs in order, each paragraph names its section,
/// and every pin lies within its paragraph on character boundaries.
pub fn briefing(briefing: &Briefing, id: BriefingId, front: &ArchivedFront) -> Result<(), String> {
    let ids = Bounds { front };
    let bad = |what: &str| Err(format!("`{}`: {what}", briefing.id));
    let paragraphs = front.briefing_paragraphs.get(id.index()).map(|n| n.to_native() as usize);
    let head = (front.briefing_headlines.get(id.index()), front.briefing_dates.get(id.index()));
    if briefing.id != front.briefing_keys.get(id.index())
        || paragraphs != Some(briefing.paragraphs.len())
        || head != (briefing.headline.as_str(), briefing.date.as_deref().unwrap_or_default())
    {
        return bad("differs from the front");
    }
    let mut next = 0;
    for section in &briefing.sections {
        if section.paragraphs.start != next || section.paragraphs.end < next {
            return bad("sections do not cover the paragraphs in order");
        }
        next = section.paragraphs.end;
    }
    if next != briefing.paragraphs.len() {
        return bad("sections do not cover the paragraphs");
    }
    for (i, paragraph) in briefing.paragraphs.iter().enumerate() {
        let section = briefing.sections.get(paragraph.section);
        if !section.is_some_and(|s| s.paragraphs.contains(&i)) {
            return bad("a paragraph names the wrong section");
        }
        for (range, entity) in &paragraph.pins {
            let text = &paragraph.text;
            if range.start > range.end || !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
                return bad("a pin is outside its paragraph");
            }
            ids.entities(entity.as_slice())?;
        }
    }
    ids.entities(&briefing.entities)?;
    briefing.events.iter().try_for_each(|e| ids.entities(&e.entities))
}

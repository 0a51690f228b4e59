//! The invariants of a library read from a cache. rkyv's validation proves the archive is
//! well formed, and the part's hash that it is the file that was written; neither proves
//! that every index in it points where the library's code assumes (an `EntityId` below the
//! number of entities, a mention's range inside its paragraph on character boundaries). A
//! library the loader built has them by construction; one from disk is checked, so that
//! a forged cache is a miss, not a panic in the reader.

use crate::library::Library;
use crate::library::model::{AliasScope, Briefing, BriefingId, EntityId};

/// The first broken invariant of `library`, in words.
pub fn check(library: &Library) -> Result<(), String> {
    let ids = Bounds { entities: library.entities.len(), briefings: library.briefings.len() };
    for entity in &library.entities {
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
            ids.briefing(figure.briefing)?;
            paragraph(&library.briefings[figure.briefing.index()], figure.paragraph)?;
        }
    }
    for relation in &library.relations {
        ids.entities(&[relation.from, relation.to])?;
        for source in &relation.sources {
            ids.briefing(source.briefing)?;
            if let Some(p) = source.paragraph {
                paragraph(&library.briefings[source.briefing.index()], p)?;
            }
        }
    }
    library.briefings.iter().try_for_each(|b| briefing(b, &ids))?;
    tables(library, &ids)
}

/// How many entities and briefings there are, for range checks.
struct Bounds {
    entities: usize,
    briefings: usize,
}

impl Bounds {
    fn entities(&self, ids: &[EntityId]) -> Result<(), String> {
        match ids.iter().find(|id| id.index() >= self.entities) {
            Some(id) => Err(format!("entity {} of {}", id.index(), self.entities)),
            None => Ok(()),
        }
    }

    fn briefing(&self, id: BriefingId) -> Result<(), String> {
        self.briefings(&[id])
    }

    fn briefings(&self, ids: &[BriefingId]) -> Result<(), String> {
        match ids.iter().find(|id| id.index() >= self.briefings) {
            Some(id) => Err(format!("briefing {} of {}", id.index(), self.briefings)),
            None => Ok(()),
        }
    }
}

fn paragraph(briefing: &Briefing, index: usize) -> Result<(), String> {
    if index < briefing.paragraphs.len() {
        Ok(())
    } else {
        Err(format!("`{}`: paragraph {index} of {}", briefing.id, briefing.paragraphs.len()))
    }
}

/// Sections cover the paragraphs in order, each paragraph names its section, and every
/// pin lies within its paragraph on character boundaries.
fn briefing(briefing: &Briefing, ids: &Bounds) -> Result<(), String> {
    let bad = |what: &str| Err(format!("`{}`: {what}", briefing.id));
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

/// The per-entity tables: one row per entity, pointing at relations and figures that exist.
fn tables(library: &Library, ids: &Bounds) -> Result<(), String> {
    let rows = [library.outgoing.len(), library.incoming.len(), library.figures_of.len()];
    if rows.iter().any(|&n| n != ids.entities) {
        return Err("per-entity tables do not match the entities".into());
    }
    let relations = library.relations.len();
    let edges = library.outgoing.iter().chain(&library.incoming).flatten();
    if edges.into_iter().any(|&r| r as usize >= relations) {
        return Err("a relation index out of range".into());
    }
    library.figures_of.iter().try_for_each(|f| ids.entities(f))?;
    let lookups = library.by_id.values().copied().collect::<Vec<_>>();
    ids.entities(&lookups)?;
    let briefings = library.briefing_by_id.values().copied().collect::<Vec<_>>();
    ids.briefings(&briefings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Options, bundled};

    #[test]
    fn a_loaded_library_is_sound_and_a_broken_index_is_found() {
        let mut library = bundled::load(Options::default()).unwrap().library;
        assert_eq!(check(&library), Ok(()));
        library.outgoing[0].push(u32::MAX);
        assert_eq!(check(&library), Err("a relation index out of range".to_owned()));
        library.outgoing[0].pop();
        library.briefings[0].paragraphs[0].pins.push((0..usize::MAX, None));
        assert!(check(&library).unwrap_err().contains("a pin is outside its paragraph"));
    }
}

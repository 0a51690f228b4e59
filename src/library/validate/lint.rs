//! Warnings that do not stop a library loading: aliases two entities share, and names
//! the story never uses (found by linking every briefing, so only `check` asks for it).

use rustc_hash::{FxHashMap, FxHashSet};

use super::super::link;
use super::super::model::{BriefingId, EntityId, Kind};
use super::super::store::Library;
use super::{Origins, Reporter};

/// Warns about each alias that is also a name or alias of another entity; returns those
/// aliases (entity, index in its merged aliases) so they are not also reported as unused.
pub(super) fn shared_aliases(
    library: &Library,
    origins: &Origins,
    reporter: &mut Reporter<'_>,
) -> FxHashSet<(EntityId, usize)> {
    let mut shared = FxHashSet::default();
    let names = library.entity_count() + origins.aliases.len();
    let mut owner: FxHashMap<&str, EntityId> = FxHashMap::with_capacity_and_hasher(names, Default::default());
    for id in library.entity_ids() {
        owner.entry(library.name_of(id)).or_insert(id);
    }
    for &(id, merged, origin) in &origins.aliases {
        let alias = library.entity(id).aliases[merged].as_str();
        let first = *owner.entry(alias).or_insert(id);
        if first != id {
            let other = &library.entity(first).id;
            let message = format!(
                "alias `{alias}` of `{}` is also a name or alias of `{other}`; it links to `{other}`",
                library.entity(id).id
            );
            reporter.warning(origin.file, &origin.path(), message);
            shared.insert((id, merged));
        }
    }
    shared
}

/// Warns about entities, and aliases, that no story of the library ever mentions. A
/// `shared` alias links to its other owner, so it is already reported and skipped here.
pub(super) fn unmentioned(
    library: &Library,
    origins: &Origins,
    shared: &FxHashSet<(EntityId, usize)>,
    broken: &FxHashSet<usize>,
    reporter: &mut Reporter<'_>,
) {
    link::link_all(library);
    let mut said: FxHashSet<(EntityId, &str)> = FxHashSet::default();
    for b in library.briefing_ids() {
        let briefing = library.briefing(b);
        for m in library.mentions(b) {
            said.insert((m.entity, &briefing.paragraphs[m.paragraph].text[m.range.clone()]));
        }
    }
    let mentioned: FxHashSet<EntityId> = said.iter().map(|&(e, _)| e).collect();
    for id in library.entity_ids() {
        let entity = library.entity(id);
        if entity.kind != Kind::Figure && !mentioned.contains(&id) {
            if let Some(origin) = origins.entities.get(id.index()).filter(|o| !broken.contains(&o.file)) {
                reporter.warning(
                    origin.file,
                    &origin.path(),
                    format!("`{}` ({}) is never mentioned in a story", entity.id, entity.name),
                );
            }
        }
    }
    for &(id, merged, origin) in &origins.aliases {
        let alias = library.entity(id).aliases[merged].as_str();
        let quiet = broken.contains(&origin.file) || shared.contains(&(id, merged));
        if mentioned.contains(&id) && !said.contains(&(id, alias)) && !quiet {
            reporter.warning(
                origin.file,
                &origin.path(),
                format!("alias `{alias}` of `{}` is never mentioned", library.entity(id).id),
            );
        }
    }
}

/// Warns where an alias one briefing declares would have linked in another briefing that
/// names the same entity: aliases link only in their own briefing's story (or everywhere,
/// from the shared entities file), so that text stays unlinked there.
pub(super) fn scoped_aliases(
    library: &Library,
    origins: &Origins,
    broken: &FxHashSet<usize>,
    reporter: &mut Reporter<'_>,
) {
    for &(id, merged, origin) in origins.aliases.iter().filter(|(_, _, o)| !broken.contains(&o.file)) {
        let entity = library.entity(id);
        let (alias, scope) = (entity.aliases[merged].as_str(), &entity.alias_scopes[merged]);
        let elsewhere = entity.briefings.iter().copied().filter(|&b| !scope.covers(b));
        let Some(other) = elsewhere.into_iter().find(|&b| writes_unlinked(library, b, alias)) else { continue };
        let message = format!(
            "alias `{alias}` of `{}` links only in this briefing's story, but `{}` also names `{}` and writes `{alias}` \
             unlinked: move the alias to the shared entities file, or add it to that briefing's entry",
            entity.id,
            library.briefing(other).id,
            entity.id
        );
        reporter.warning(origin.file, &origin.path(), message);
    }
}

/// Whether briefing `b`'s story writes `word` as a whole word outside its mentions and
/// outside the author's pins (a suppressed `[[word|-]]` is a choice, not an omission).
fn writes_unlinked(library: &Library, b: BriefingId, word: &str) -> bool {
    let briefing = library.briefing(b);
    let mentions = library.mentions(b);
    briefing.paragraphs.iter().enumerate().any(|(index, paragraph)| {
        let text = paragraph.text.as_str();
        text.match_indices(word).any(|(at, _)| {
            let range = at..at + word.len();
            let covers = |r: &std::ops::Range<usize>| r.start <= at && range.end <= r.end;
            link::is_whole_word(text, range.clone())
                && !mentions.iter().any(|m| m.paragraph == index && covers(&m.range))
                && !paragraph.pins.iter().any(|(pin, _)| covers(pin))
        })
    })
}

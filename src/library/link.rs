//! Finding mentions in story text: every name, alias, native-script name and figure
//! display text of a briefing's entities, matched as whole words, leftmost-longest, in
//! one pass of a multi-pattern automaton; author pins override and suppress.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

use super::model::{BriefingId, EntityId, Head, HeadMention, Mention};
use super::parallel;
use super::store::Library;
use super::text::is_ideographic;

/// Links every mention in a briefing's paragraphs, in reading order.
pub fn link_briefing(library: &Library, id: BriefingId) -> Vec<Mention> {
    let briefing = library.briefing(id);
    let Patterns { patterns, owners, alternatives } = patterns(library, id, &briefing.entities);
    let automaton = automaton(&patterns);
    let mut mentions = Vec::new();
    for (index, paragraph) in briefing.paragraphs.iter().enumerate() {
        let found = automaton.as_ref().map(|ac| candidates(ac, &owners, &paragraph.text)).unwrap_or_default();
        let found =
            found.into_iter().map(|(range, owner)| (range, figure_stated_here(library, &alternatives, owner, index)));
        mentions.extend(choose(found.collect(), &paragraph.pins).into_iter().map(|(range, entity)| Mention {
            entity,
            paragraph: index,
            range,
        }));
    }
    mentions
}

/// Links the names in a briefing's headline and dek, as its paragraphs are linked (no
/// author pins reach them).
pub fn link_head(library: &Library, id: BriefingId) -> Vec<HeadMention> {
    let briefing = library.briefing(id);
    let Patterns { patterns, owners, .. } = patterns(library, id, &briefing.entities);
    let Some(automaton) = automaton(&patterns) else { return Vec::new() };
    [(Head::Headline, &briefing.headline), (Head::Dek, &briefing.dek)]
        .into_iter()
        .flat_map(|(head, text)| {
            let found = candidates(&automaton, &owners, text);
            choose(found, &[]).into_iter().map(move |(range, entity)| HeadMention { head, entity, range })
        })
        .collect()
}

/// The automaton over a briefing's names. A contiguous NFA builds several times faster
/// than a DFA for a briefing's hundred-odd names and searches a few paragraphs about as
/// fast: building dominated linking.
fn automaton(patterns: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

/// Mentions are the library's, but linking is this module's job: the accessors live here so
/// that the model does not depend on the linker that reads it.
impl Library {
    /// The linked mentions of a briefing, in reading order (linked on first call).
    pub fn mentions(&self, id: BriefingId) -> &[Mention] {
        let briefing = self.briefing(id);
        briefing.mentions.get_or_init(|| link_briefing(self, id))
    }

    /// The linked mentions of a briefing's headline and dek, headline first (linked on
    /// first call).
    pub fn head_mentions(&self, id: BriefingId) -> &[HeadMention] {
        self.briefing(id).head_mentions.get_or_init(|| link_head(self, id))
    }

    /// Every mention of `entity` across its backlinked briefings (those that declare or pin it).
    pub fn mentions_of(&self, entity: EntityId) -> Vec<(BriefingId, &Mention)> {
        self.entity(entity)
            .briefings
            .iter()
            .flat_map(|&b| self.mentions(b).iter().filter(move |m| m.entity == entity).map(move |m| (b, m)))
            .collect()
    }
}

/// Links every briefing of the library, spreading the work over the machine's cores.
pub fn link_all(library: &Library) {
    let ids: Vec<_> = library.briefing_ids().collect();
    parallel::map(ids, |b| {
        library.mentions(b);
    });
}

/// The strings that mention a briefing's entities, and whose each one is.
struct Patterns<'l> {
    patterns: Vec<&'l str>,
    owners: Vec<EntityId>,
    /// Figures that share a display text with the pattern's owner: each links in the
    /// paragraph that states it.
    alternatives: FxHashMap<EntityId, Vec<EntityId>>,
}

/// The names, aliases that link in briefing `id` and native names of `entities`; a figure's
/// name is its display text.
fn patterns<'l>(library: &'l Library, id: BriefingId, entities: &[EntityId]) -> Patterns<'l> {
    let mut seen: FxHashMap<&str, EntityId> = FxHashMap::default();
    let mut out = Patterns { patterns: Vec::new(), owners: Vec::new(), alternatives: FxHashMap::default() };
    for &e in entities {
        let entity = library.entity(e);
        let names =
            std::iter::once(entity.name.as_str()).chain(entity.aliases_in(id)).chain(entity.native_name.as_deref());
        for name in names.filter(|n| !n.is_empty()) {
            match seen.get(name).copied() {
                // A shared alias links to the first entity that declares it (check warns).
                Some(first) if first != e && entity.figure.is_some() && library.entity(first).figure.is_some() => {
                    out.alternatives.entry(first).or_default().push(e);
                }
                Some(_) => {}
                None => {
                    seen.insert(name, e);
                    out.patterns.push(name);
                    out.owners.push(e);
                }
            }
        }
    }
    out
}

/// For a display text several figures share, the one stated in paragraph `index` (the
/// first declared where none is).
fn figure_stated_here(
    library: &Library,
    alternatives: &FxHashMap<EntityId, Vec<EntityId>>,
    owner: EntityId,
    index: usize,
) -> EntityId {
    let Some(others) = alternatives.get(&owner) else { return owner };
    let stated_here = |e: &EntityId| library.entity(*e).figure.as_ref().is_some_and(|f| f.paragraph == index);
    std::iter::once(owner).chain(others.iter().copied()).find(stated_here).unwrap_or(owner)
}

/// All whole-word matches in a text, overlapping, as (range, entity).
fn candidates(ac: &AhoCorasick, owners: &[EntityId], text: &str) -> Vec<(Range<usize>, EntityId)> {
    ac.find_overlapping_iter(text)
        .filter(|m| is_whole_word(text, m.range()))
        .map(|m| (m.range(), owners[m.pattern().as_usize()]))
        .collect()
}

/// An author's pin: a span and the entity it names, or `None` to suppress a link there.
type Pin = (Range<usize>, Option<EntityId>);

/// Picks leftmost-longest non-overlapping matches outside the author's pins, then adds
/// the pinned spans, all in text order.
fn choose(mut found: Vec<(Range<usize>, EntityId)>, pins: &[Pin]) -> Vec<(Range<usize>, EntityId)> {
    found.retain(|(range, _)| !pins.iter().any(|(pin, _)| overlaps(pin, range)));
    found.sort_by_key(|(range, _)| (range.start, usize::MAX - range.end));
    let mut chosen: Vec<(Range<usize>, EntityId)> = Vec::with_capacity(found.len());
    for (range, entity) in found {
        if chosen.last().is_none_or(|(last, _)| range.start >= last.end) {
            chosen.push((range, entity));
        }
    }
    chosen.extend(pins.iter().filter_map(|(range, target)| target.map(|e| (range.clone(), e))));
    chosen.sort_by_key(|(range, _)| range.start);
    chosen
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether `range` of `text` starts and ends on word boundaries. Ideographic scripts do
/// not separate words with spaces, so a CJK character never joins words.
pub fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let (Some(first), Some(last)) = (text[range.clone()].chars().next(), text[range.clone()].chars().next_back())
    else {
        return false;
    };
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !(joins(before, first) || joins(after, last))
}

fn joins(neighbour: Option<char>, edge: char) -> bool {
    neighbour.is_some_and(|n| is_word_char(n) && is_word_char(edge))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_ideographic(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let text = "Huang’s trip; Huangs; aHuang; 黄仁勋说";
        assert!(is_whole_word(text, 0..5));
        assert!(!is_whole_word(text, 14..19));
        let inner = text.find("aHuang").unwrap() + 1;
        assert!(!is_whole_word(text, inner..inner + 5));
        let cjk = text.find('黄').unwrap();
        assert!(is_whole_word(text, cjk..cjk + "黄仁勋".len()));
    }
}

//! The immutable, validated library every consumer reads: briefings, entities (figures
//! included), relations and events, cross-referenced by index rather than by string.

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

pub use super::format::{Kind, Qualifier, Scale, Sign};
use super::text;

/// Index of an entity in [`Library::entities`].
///
/// Invariant: an `EntityId` is minted only by the library, as it adds an entity (the
/// loader's declare pass) or hands out the index of one it holds, and a library never
/// shrinks; so every `EntityId` indexes an existing entity and [`Library::entity`] and
/// the per-entity tables cannot go out of bounds. An id belongs to the library that made
/// it: another library (a reload) finds the entity again by its string id. Code outside `library` can copy,
/// compare and hash ids but not make one from a number: it asks the library
/// ([`Library::entity_ids`], [`Library::entity_by_id`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct EntityId(u32);

/// The order briefings are listed in, newest first: by date, latest first; undated ones
/// last; ties in library order. Each briefing comes with its date.
pub fn newer_first(a: (BriefingId, Option<&str>), b: (BriefingId, Option<&str>)) -> std::cmp::Ordering {
    match (a.1, b.1) {
        (Some(x), Some(y)) => y.cmp(x).then(a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    }
}

/// Sorts entities by name without regard to case, ties in library order: how every list
/// of names reads, the whole library's (kept in a cache) and one briefing's alike.
pub fn sort_by_name<'a>(ids: &mut [EntityId], name: impl Fn(EntityId) -> &'a str) {
    ids.sort_by_cached_key(|&id| (name(id).to_lowercase(), id));
}

/// Index of a briefing in [`Library::briefings`], minted only by the library under the
/// same invariant as [`EntityId`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct BriefingId(u32);

impl EntityId {
    /// The id of entity `index` of [`Library::entities`]: for the library alone, which
    /// calls it only for an index it holds or is about to push. A library holds fewer than
    /// 2^32 entities (files are capped at 16 MiB each), so the index fits.
    pub(super) fn new(index: usize) -> Self {
        EntityId(index as u32)
    }

    /// Its position in [`Library::entities`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl BriefingId {
    /// The id of briefing `index` of [`Library::briefings`], under the invariant of
    /// [`EntityId::new`].
    pub(super) fn new(index: usize) -> Self {
        BriefingId(index as u32)
    }

    /// Its position in [`Library::briefings`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A labelled fact on an entity card.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Fact {
    /// Short label, e.g. `Founded`.
    pub label: String,
    /// The value.
    pub value: String,
}

/// A person, company, chip, figure, organisation, place, policy or product.
#[derive(Debug, Clone, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Entity {
    /// Global id as written in the files.
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// Display name (for a figure, its display text).
    pub name: String,
    /// Other names it is mentioned by, in every briefing's declarations.
    pub aliases: Vec<String>,
    /// Where each alias links, in step with `aliases`.
    pub alias_scopes: Vec<AliasScope>,
    /// Name in its native script.
    pub native_name: Option<String>,
    /// One line: what it is or does.
    pub role: String,
    /// A few sentences of background.
    pub summary: String,
    /// Labelled facts.
    pub facts: Vec<Fact>,
    /// The figure's data, for entities of kind [`Kind::Figure`].
    pub figure: Option<Box<Figure>>,
    /// Briefings that declare it or pin a mention to it, in library order: its backlinks.
    pub briefings: Vec<BriefingId>,
}

/// Which stories an alias links in.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub enum AliasScope {
    /// Every story that names the entity: the alias comes from a shared entities file.
    Everywhere,
    /// Only the stories of these briefings, which declare it.
    Only(Vec<BriefingId>),
}

impl AliasScope {
    /// Whether the alias links in briefing `id`'s story.
    pub fn covers(&self, id: BriefingId) -> bool {
        match self {
            AliasScope::Everywhere => true,
            AliasScope::Only(briefings) => briefings.contains(&id),
        }
    }
}

impl Entity {
    /// An entity with an id, a kind and a name and nothing else yet.
    pub(crate) fn bare(id: String, kind: Kind, name: String) -> Self {
        Entity {
            id,
            kind,
            name,
            aliases: Vec::new(),
            alias_scopes: Vec::new(),
            native_name: None,
            role: String::new(),
            summary: String::new(),
            facts: Vec::new(),
            figure: None,
            briefings: Vec::new(),
        }
    }

    /// The aliases that link in briefing `id`'s story.
    pub fn aliases_in(&self, id: BriefingId) -> impl Iterator<Item = &str> + '_ {
        self.aliases.iter().zip(&self.alias_scopes).filter(move |(_, s)| s.covers(id)).map(|(a, _)| a.as_str())
    }
}

/// A number stated in a story, as data.
#[derive(Debug, Clone, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Figure {
    /// Magnitude in `scale` units, as written.
    pub value: f64,
    /// Unit: a currency code, `percent`, or a counted noun.
    pub unit: String,
    /// Multiplier of `value`.
    pub scale: Scale,
    /// Gain or loss.
    pub sign: Sign,
    /// Exact, about, over or under.
    pub qualifier: Qualifier,
    /// What the number measures.
    pub measures: String,
    /// The entities it is about.
    pub about: Vec<EntityId>,
    /// Period or as-of date.
    pub period: Option<String>,
    /// The briefing that states it.
    pub briefing: BriefingId,
    /// The paragraph (flat index into [`Briefing::paragraphs`]) that states it.
    pub paragraph: usize,
    /// An earlier figure this one revises; both stay.
    pub revises: Option<EntityId>,
}

impl Figure {
    /// The quantity in base units with its sign: -5.5e9 for a $5.5 billion charge.
    pub fn signed_value(&self) -> f64 {
        let magnitude = self.value * self.scale.factor();
        match self.sign {
            Sign::Positive => magnitude,
            Sign::Negative => -magnitude,
        }
    }
}

/// A typed relation `from --label--> to`, read back as `to --inverse--> from`.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Relation {
    /// Subject.
    pub from: EntityId,
    /// Object.
    pub to: EntityId,
    /// Machine-readable type.
    pub kind: String,
    /// Label read from `from` to `to`.
    pub label: String,
    /// Label read from `to` back to `from`.
    pub inverse: String,
    /// Every briefing that states it, in library order, with the paragraph that does when
    /// the author named one: the same (from, type, to) stated twice is one relation.
    pub sources: Vec<RelationSource>,
}

/// Where a relation is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct RelationSource {
    /// The briefing.
    pub briefing: BriefingId,
    /// The paragraph (flat index), when the author named one.
    pub paragraph: Option<usize>,
}

impl Relation {
    /// Whether briefing `id` states this relation.
    pub fn stated_by(&self, id: BriefingId) -> bool {
        self.sources.iter().any(|s| s.briefing == id)
    }
}

/// Something that happened, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Event {
    /// Position on the timeline.
    pub order: u32,
    /// ISO date or the source's words; empty when unknown.
    pub date: String,
    /// What happened.
    pub text: String,
    /// Who and what it involves.
    pub entities: Vec<EntityId>,
}

/// Where the story comes from.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Source {
    /// Publication name.
    pub publication: String,
    /// Title of the source piece.
    pub title: String,
    /// Date as printed by the source.
    pub date: String,
    /// Link, when known.
    pub url: Option<String>,
}

/// A section heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Section {
    /// Heading; empty for an untitled section.
    pub heading: String,
    /// Flat indexes into [`Briefing::paragraphs`].
    pub paragraphs: Range<usize>,
}

/// A paragraph of plain text with the author's pins resolved.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Paragraph {
    /// The section it belongs to.
    pub section: usize,
    /// Text as the reader sees it.
    pub text: String,
    /// Pinned spans (`Some`) and suppressed spans (`None`), by byte range of `text`.
    pub pins: Vec<(Range<usize>, Option<EntityId>)>,
}

/// One linked mention in a story.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Mention {
    /// What it refers to.
    pub entity: EntityId,
    /// Flat paragraph index.
    pub paragraph: usize,
    /// Byte range of the mention in the paragraph text.
    pub range: Range<usize>,
}

/// A story with everything it holds.
#[derive(Debug, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Briefing {
    /// Global id.
    pub id: String,
    /// The file it was loaded from.
    #[rkyv(with = rkyv::with::AsString)]
    pub path: PathBuf,
    /// The day the story reports (ISO), when the author gave one: orders the archive.
    pub date: Option<String>,
    /// Headline.
    pub headline: String,
    /// Standfirst.
    pub dek: String,
    /// Where the facts come from.
    pub source: Source,
    /// Sections over `paragraphs`.
    pub sections: Vec<Section>,
    /// All paragraphs, in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// Entities and figures it declares, in file order.
    pub entities: Vec<EntityId>,
    /// Timeline events, sorted by order.
    pub events: Vec<Event>,
    /// Mentions, linked on first use: linking every briefing of a large library up front
    /// would dominate load time, and a reader only needs the ones it shows.
    #[rkyv(with = rkyv::with::Skip)]
    pub(crate) mentions: OnceLock<Vec<Mention>>,
    /// Mentions in the headline and the dek, linked on first use as the story's are.
    #[rkyv(with = rkyv::with::Skip)]
    pub(crate) head_mentions: OnceLock<Vec<HeadMention>>,
}

/// Where in a briefing's head a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// The headline.
    Headline,
    /// The dek (standfirst).
    Dek,
}

/// A mention in the headline or the dek. It links to the entity's card; it is not one of
/// the story's [`Mention`]s, which cards list with their paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadMention {
    /// Which text it is in.
    pub head: Head,
    /// What it refers to.
    pub entity: EntityId,
    /// Byte range of the mention in that text.
    pub range: Range<usize>,
}

impl Briefing {
    /// The (section, paragraph-in-section) of a flat paragraph index, as authors count.
    pub fn place(&self, paragraph: usize) -> (usize, usize) {
        let section = self.paragraphs[paragraph].section;
        (section, paragraph - self.sections[section].paragraphs.start)
    }

    /// The sentence around a byte range of a paragraph, as a bounded [`text::snippet`].
    pub fn sentence(&self, paragraph: usize, range: Range<usize>) -> Cow<'_, str> {
        text::snippet(&self.paragraphs[paragraph].text, range)
    }

    /// Where the paragraph states a figure's display text, if it does.
    pub fn find_in(&self, paragraph: usize, needle: &str) -> Option<Range<usize>> {
        let text = &self.paragraphs[paragraph].text;
        text.find(needle).map(|start| start..start + needle.len())
    }
}

//! The immutable, validated library every consumer reads: briefings, entities (figures
//! included), relations and events, cross-referenced by index rather than by string.

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use super::built::Built;
pub use super::format::{Kind, Qualifier, Scale, Sign};
use super::mapped::{Mapped, U32s};
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
    pub figure: Option<Figure>,
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

    /// Events, across briefings, that involve `id`.
    pub fn events_of(&self, id: EntityId) -> Vec<(BriefingId, &Event)> {
        match &self.store {
            Store::Built(built) => built
                .briefing_ids()
                .flat_map(|b| built.briefing(b).events.iter().filter(|e| e.entities.contains(&id)).map(move |e| (b, e)))
                .collect(),
            Store::Mapped(m) => m.events_of(id).collect(),
        }
    }
}

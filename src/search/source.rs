//! What can be found, and where it leads. A destination (an entity's card, a briefing, a
//! sentence of a story) has searchable texts in named fields: an entity's name, aliases,
//! native name, role, what a figure measures, the entities it is about and its period,
//! relations read as phrases ("CEO of Nvidia"), facts, events and summary; a briefing's
//! headline and dek; a sentence. Texts are borrowed from the library and enumerated in
//! one fixed order, so the index stores only numbers and finds a text again by its place.

use std::borrow::Cow;
use std::ops::Range;

use crate::library::text::sentences;
use crate::library::{BriefingId, EntityId, Kind, Library};

/// What a destination is, for badges, filters and counts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub enum Category {
    /// An entity of this kind (figures included).
    Entity(Kind),
    /// A sentence of a story.
    Sentence,
    /// A briefing.
    Briefing,
}

impl Category {
    /// The name used in `@filters`, badges and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Entity(kind) => kind.as_str(),
            Category::Sentence => "sentence",
            Category::Briefing => "briefing",
        }
    }

    /// Every category, in display order.
    pub fn all() -> impl Iterator<Item = Category> {
        Kind::ALL.into_iter().map(Category::Entity).chain([Category::Sentence, Category::Briefing])
    }
}

/// Which field a text is; earlier fields rank first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[repr(u8)]
pub enum Field {
    /// An entity's name, a figure's display text, a briefing's headline.
    Name,
    /// An alias or the native-script name.
    Alias,
    /// An entity's role (for a figure, what it measures).
    Role,
    /// What a figure measures.
    Measures,
    /// A relation read as a phrase: "CEO of Nvidia".
    Relation,
    /// An entity a figure is about.
    About,
    /// A fact: its label and value.
    Fact,
    /// A figure's period or as-of date.
    Period,
    /// An event the entity takes part in.
    Event,
    /// An entity's summary.
    Summary,
    /// A briefing's dek.
    Dek,
    /// A sentence of a story.
    Sentence,
}

impl Field {
    /// The name used in JSON and in result rows.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Alias => "alias",
            Field::Role => "role",
            Field::Measures => "measures",
            Field::Relation => "relation",
            Field::About => "about",
            Field::Fact => "fact",
            Field::Period => "period",
            Field::Event => "event",
            Field::Summary => "summary",
            Field::Dek => "dek",
            Field::Sentence => "sentence",
        }
    }

    /// Whether the field names its destination: only names and aliases are matched by
    /// initials, one typo and scattered letters, and a one-letter term looks only there.
    pub fn is_name(self) -> bool {
        self <= Field::Alias
    }

    /// From its number in the index.
    pub(crate) fn from_u8(n: u8) -> Field {
        const ALL: [Field; 12] = [
            Field::Name,
            Field::Alias,
            Field::Role,
            Field::Measures,
            Field::Relation,
            Field::About,
            Field::Fact,
            Field::Period,
            Field::Event,
            Field::Summary,
            Field::Dek,
            Field::Sentence,
        ];
        ALL[(n as usize).min(ALL.len() - 1)]
    }
}

/// Where a result leads.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub enum Destination {
    /// An entity's card.
    Entity(EntityId),
    /// A place in a story: briefing, flat paragraph index and byte range of the sentence.
    Sentence(BriefingId, usize, Range<usize>),
    /// A briefing's story.
    Briefing(BriefingId),
}

impl Destination {
    /// What it is.
    pub fn category(&self, library: &Library) -> Category {
        match self {
            Destination::Entity(id) => Category::Entity(library.entity(*id).kind),
            Destination::Sentence(..) => Category::Sentence,
            Destination::Briefing(_) => Category::Briefing,
        }
    }

    /// The name of what it leads to: an entity's name, a headline, the sentence.
    pub fn title<'l>(&self, library: &'l Library) -> &'l str {
        match self {
            Destination::Entity(id) => &library.entity(*id).name,
            Destination::Briefing(id) => &library.briefing(*id).headline,
            Destination::Sentence(b, p, range) => &library.briefing(*b).paragraphs[*p].text[range.clone()],
        }
    }
}

/// A searchable text: one piece of the library, or two read as one phrase (a relation's
/// label and the entity at its other end; a fact's label and value).
#[derive(Debug, Clone, Copy)]
pub struct Text<'l> {
    /// The first part.
    pub lead: &'l str,
    /// The second part, after a space; empty for a text of one part.
    pub rest: &'l str,
}

impl<'l> Text<'l> {
    fn one(lead: &'l str) -> Self {
        Text { lead, rest: "" }
    }

    /// The text as one string (borrowed unless it has two parts).
    pub fn joined(&self) -> Cow<'l, str> {
        if self.rest.is_empty() { Cow::Borrowed(self.lead) } else { Cow::Owned(format!("{} {}", self.lead, self.rest)) }
    }

    /// The text as one string, put together in `buffer` when it has two parts: for reading
    /// every text of a library without an allocation each.
    pub fn joined_in<'b>(&self, buffer: &'b mut String) -> &'b str
    where
        'l: 'b,
    {
        if self.rest.is_empty() {
            return self.lead;
        }
        buffer.clear();
        buffer.extend([self.lead, " ", self.rest]);
        buffer
    }
}

/// Every destination of a library, in index order: entities, then each briefing followed
/// by its sentences.
pub fn destinations(library: &Library) -> Vec<Destination> {
    let mut out: Vec<Destination> = library.entity_ids().map(Destination::Entity).collect();
    for b in library.briefing_ids() {
        out.push(Destination::Briefing(b));
        for (p, paragraph) in library.briefing(b).paragraphs.iter().enumerate() {
            out.extend(sentences(&paragraph.text).into_iter().map(|r| Destination::Sentence(b, p, r)));
        }
    }
    out
}

/// For each entity, the events it takes part in, as (briefing, event) pairs: built once,
/// because asking the library per entity walks every briefing.
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct EventsOf {
    starts: Vec<u32>,
    events: Vec<(BriefingId, u32)>,
}

impl EventsOf {
    /// Collects the events of every entity of `library`.
    pub fn new(library: &Library) -> Self {
        let mut pairs: Vec<(u32, BriefingId, u32)> = Vec::new();
        for b in library.briefing_ids() {
            for (i, event) in library.briefing(b).events.iter().enumerate() {
                pairs.extend(event.entities.iter().map(|e| (e.index() as u32, b, i as u32)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut starts = vec![0u32; library.entity_count() + 1];
        for &(e, _, _) in &pairs {
            starts[e as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        EventsOf { starts, events: pairs.into_iter().map(|(_, b, i)| (b, i)).collect() }
    }

    fn of(&self, id: EntityId) -> &[(BriefingId, u32)] {
        let i = id.index();
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.events[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Calls `f` with every searchable text of `dest`, field by field in rank order.
pub fn for_each_text<'l>(
    library: &'l Library,
    events: &EventsOf,
    dest: &Destination,
    mut f: impl FnMut(Field, Text<'l>),
) {
    match dest {
        Destination::Entity(id) => entity_texts(library, events, *id, &mut f),
        Destination::Briefing(b) => {
            let briefing = library.briefing(*b);
            f(Field::Name, Text::one(&briefing.headline));
            if !briefing.dek.is_empty() {
                f(Field::Dek, Text::one(&briefing.dek));
            }
        }
        Destination::Sentence(..) => f(Field::Sentence, Text::one(dest.title(library))),
    }
}

fn entity_texts<'l>(library: &'l Library, events: &EventsOf, id: EntityId, f: &mut impl FnMut(Field, Text<'l>)) {
    let e = library.entity(id);
    f(Field::Name, Text::one(&e.name));
    for alias in e.aliases.iter().map(String::as_str).chain(e.native_name.as_deref()) {
        f(Field::Alias, Text::one(alias));
    }
    if !e.role.is_empty() {
        f(Field::Role, Text::one(&e.role));
    }
    if let Some(figure) = &e.figure {
        if figure.measures != e.role {
            f(Field::Measures, Text::one(&figure.measures));
        }
        for about in &figure.about {
            f(Field::About, Text::one(&library.entity(*about).name));
        }
    }
    for r in library.outgoing(id) {
        f(Field::Relation, Text { lead: &r.label, rest: &library.entity(r.to).name });
    }
    for r in library.incoming(id) {
        f(Field::Relation, Text { lead: &r.inverse, rest: &library.entity(r.from).name });
    }
    for fact in &e.facts {
        f(Field::Fact, Text { lead: &fact.label, rest: &fact.value });
    }
    if let Some(period) = e.figure.as_ref().and_then(|fig| fig.period.as_deref()) {
        f(Field::Period, Text::one(period));
    }
    for &(b, i) in events.of(id) {
        if let Some(event) = library.briefing(b).events.get(i as usize) {
            f(Field::Event, Text::one(&event.text));
        }
    }
    if !e.summary.is_empty() {
        f(Field::Summary, Text::one(&e.summary));
    }
}

//! What can be found: every entity name, alias, native name and role, every figure's
//! display text and what it measures, every story sentence and every briefing title.
//! Texts are borrowed from the library; only their folded forms are stored.

use std::ops::Range;

use super::fold::{char_mask, fold};
use crate::library::text::sentences;
use crate::library::{BriefingId, EntityId, Kind, Library};

/// What a candidate is, for badges, filters and ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// Which field of its item a candidate's text is; earlier fields rank first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The name (a figure's display text, a briefing's headline).
    Name,
    /// An alias or native-script name.
    Alias,
    /// Role, or what a figure measures.
    Role,
    /// A story sentence.
    Sentence,
}

/// Where a result leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// An entity's card.
    Entity(EntityId),
    /// A place in a story: briefing, flat paragraph index and byte range of the sentence.
    Sentence(BriefingId, usize, Range<usize>),
    /// A briefing's story.
    Briefing(BriefingId),
}

/// One searchable text.
#[derive(Debug, Clone)]
pub struct Candidate<'l> {
    /// The text as written.
    pub text: &'l str,
    /// Lower-cased, accent-free, char for char.
    pub folded: String,
    /// Characters present in `folded`.
    pub mask: u64,
    /// What it is.
    pub category: Category,
    /// Which field it is.
    pub field: Field,
    /// Where it leads.
    pub destination: Destination,
}

impl<'l> Candidate<'l> {
    fn new(text: &'l str, category: Category, field: Field, destination: Destination) -> Self {
        let folded = fold(text);
        Candidate { text, mask: char_mask(&folded), folded, category, field, destination }
    }
}

/// Every candidate of a library, entities first.
pub fn collect(library: &Library) -> Vec<Candidate<'_>> {
    let mut out = Vec::new();
    for id in library.entity_ids() {
        let e = library.entity(id);
        let category = Category::Entity(e.kind);
        let to = || Destination::Entity(id);
        out.push(Candidate::new(&e.name, category, Field::Name, to()));
        for alias in e.aliases.iter().map(String::as_str).chain(e.native_name.as_deref()) {
            out.push(Candidate::new(alias, category, Field::Alias, to()));
        }
        if !e.role.is_empty() {
            out.push(Candidate::new(&e.role, category, Field::Role, to()));
        }
    }
    for b in library.briefing_ids() {
        let briefing = library.briefing(b);
        out.push(Candidate::new(&briefing.headline, Category::Briefing, Field::Name, Destination::Briefing(b)));
        for (p, paragraph) in briefing.paragraphs.iter().enumerate() {
            for range in sentences(&paragraph.text) {
                let destination = Destination::Sentence(b, p, range.clone());
                out.push(Candidate::new(&paragraph.text[range], Category::Sentence, Field::Sentence, destination));
            }
        }
    }
    out
}

//! The on-disk format of one briefing file, as serde types.
//!
//! These types are the single source of truth for the format: the JSON Schema in
//! `docs/briefing.schema.json` is generated from them and a test keeps the two equal.
//! Every struct denies unknown fields so a misspelt key is an error, not silently ignored.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::objects;

/// What an id looks like, for editors: lowercase ASCII letters, digits and `-`, not at
/// either end. `briefing check` enforces the same rule.
pub const ID_PATTERN: &str = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";

/// What a relation type looks like: lowercase words joined by single underscores.
pub const RELATION_TYPE_PATTERN: &str = "^[a-z0-9]+(_[a-z0-9]+)*$";

/// A text with something in it: `briefing check` refuses a blank one (empty, or only
/// spaces), which would show as a hole.
pub const NOT_BLANK: &str = "\\S";

/// What an ISO date looks like, for editors; `briefing check` also rejects impossible days.
pub const ISO_DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// A shared entities file (`entities.json`, or any `*.entities.json`): declarations that
/// every briefing may refer to by id alone. Their aliases link in every story that names
/// the entity; aliases a briefing declares link only in that briefing's story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntitiesFile {
    /// The shared declarations.
    #[serde(deserialize_with = "objects::objects")]
    pub entities: Vec<EntityFile>,
}

/// One briefing: a story plus the entities, figures, relations and events in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BriefingFile {
    /// Globally unique id of the briefing, e.g. `beijing-gambit`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The day the story reports, as an ISO date (`2025-04-17`): it orders the archive,
    /// newest first. The source's own date, in whatever form it prints, is `source.date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = ISO_DATE_PATTERN))]
    pub date: Option<String>,
    /// Headline of the story.
    #[schemars(pattern(NOT_BLANK))]
    pub headline: String,
    /// The standfirst under the headline: one or two sentences.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dek: String,
    /// Where the reported facts come from.
    #[serde(deserialize_with = "objects::object")]
    pub source: SourceFile,
    /// The story, in sections of paragraphs. Paragraph text may pin or suppress mentions
    /// with `[[text|entity-id]]` and `[[text|-]]`.
    #[serde(deserialize_with = "objects::objects")]
    #[schemars(length(min = 1))]
    pub sections: Vec<SectionFile>,
    /// Entities this briefing declares or mentions. Ids are global across the library.
    #[serde(default, deserialize_with = "objects::objects")]
    pub entities: Vec<EntityFile>,
    /// Figures stated in the story.
    #[serde(default, deserialize_with = "objects::objects")]
    pub figures: Vec<FigureFile>,
    /// Typed relations between entities (and figures).
    #[serde(default, deserialize_with = "objects::objects")]
    pub relations: Vec<RelationFile>,
    /// Dated or ordered events, for the timeline.
    #[serde(default, deserialize_with = "objects::objects")]
    pub events: Vec<EventFile>,
}

/// The publication a briefing is written from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// Name of the publication.
    #[schemars(pattern(NOT_BLANK))]
    pub publication: String,
    /// Title of the source piece.
    #[schemars(pattern(NOT_BLANK))]
    pub title: String,
    /// Publication date as printed by the source (free text, e.g. `March 2025`).
    #[schemars(pattern(NOT_BLANK))]
    pub date: String,
    /// Link to the source, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(NOT_BLANK))]
    pub url: Option<String>,
}

/// A section of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    /// Section heading; empty for an untitled opening section.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    /// Paragraphs of plain text with optional `[[text|id]]` pins.
    #[schemars(inner(pattern(NOT_BLANK)))]
    pub paragraphs: Vec<String>,
}

/// The kinds of entity a briefing can hold.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A named human being.
    Person,
    /// A business.
    Company,
    /// A chip or chip family.
    Chip,
    /// A number stated in the story (declared under `figures`).
    Figure,
    /// A government body, agency or other institution.
    Organisation,
    /// A country, city or region.
    Place,
    /// A policy, law or regulation.
    Policy,
    /// A product, model or technology other than a chip.
    Product,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 8] = [
        Kind::Person,
        Kind::Company,
        Kind::Chip,
        Kind::Figure,
        Kind::Organisation,
        Kind::Place,
        Kind::Policy,
        Kind::Product,
    ];

    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Company => "company",
            Kind::Chip => "chip",
            Kind::Figure => "figure",
            Kind::Organisation => "organisation",
            Kind::Place => "place",
            Kind::Policy => "policy",
            Kind::Product => "product",
        }
    }

    /// Parses a kind name as written in files and on the command line.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// An entity declaration, or a reference to one. `{ "id": "nvidia" }` refers to an entity
/// declared elsewhere in the library (a shared entities file or another briefing), so this
/// story links its name. Whatever several entries state of one entity must agree: kind and
/// name, and role, summary and native name where more than one gives them. Aliases and
/// facts add up; an alias links only in the story of the briefing that declares it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntityFile {
    /// Global id: lowercase letters, digits and `-`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// What the entity is. `figure` is reserved for entries of `figures`. Leave it out
    /// when the entity is declared elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// Display name, also matched in the story text. Leave it out when the entity is
    /// declared elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(NOT_BLANK))]
    pub name: Option<String>,
    /// Other names matched in the story text (short forms, native-script names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(pattern(NOT_BLANK)))]
    pub aliases: Vec<String>,
    /// Name in its native script, e.g. `黄仁勋`; also matched in text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// One line: what the entity is or does.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// A few sentences of background.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Labelled facts shown on the card.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "objects::objects")]
    pub facts: Vec<FactFile>,
}

impl EntityFile {
    /// The name the entry gives, or its id where it only refers to the entity.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// A labelled fact on an entity card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactFile {
    /// Short label, e.g. `Founded`.
    pub label: String,
    /// The value, e.g. `1993`.
    pub value: String,
}

/// Whether a figure counts for or against what it measures.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// A gain, a level, a size.
    #[default]
    Positive,
    /// A loss, a drop, a charge.
    Negative,
}

impl Sign {
    /// The lowercase name used in files and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Sign::Positive => "positive",
            Sign::Negative => "negative",
        }
    }
}

/// How exactly the display text states the value.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// Stated exactly.
    #[default]
    Exact,
    /// "about", "around", "roughly".
    About,
    /// "over", "more than".
    Over,
    /// "under", "less than".
    Under,
}

impl Qualifier {
    /// The lowercase name used in files and JSON output, which is also the word a figure
    /// reads with ("about 20 percent"); `exact` adds no word.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
        }
    }
}

/// The multiplier between `value` and the quantity it stands for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    /// Value as is.
    #[default]
    One,
    /// Thousands.
    Thousand,
    /// Millions.
    Million,
    /// Billions.
    Billion,
    /// Trillions.
    Trillion,
}

impl Scale {
    /// The lowercase name used in files and JSON output, which is also the word a figure
    /// reads with ("17 billion"); `one` adds no word.
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::One => "one",
            Scale::Thousand => "thousand",
            Scale::Million => "million",
            Scale::Billion => "billion",
            Scale::Trillion => "trillion",
        }
    }

    /// The factor this scale multiplies by.
    pub fn factor(self) -> f64 {
        match self {
            Scale::One => 1.0,
            Scale::Thousand => 1e3,
            Scale::Million => 1e6,
            Scale::Billion => 1e9,
            Scale::Trillion => 1e12,
        }
    }
}

/// A number stated in the story, as data. Its `value`, `scale`, `unit` and `qualifier`
/// may be left out where the display text gives them ("over $5.5 billion"), and
/// `stated_in` where the display text appears in exactly one paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureFile {
    /// Global id, like an entity id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Magnitude as written, in `scale` units (17 for "$17 billion"); never negative, see
    /// `sign`. Leave it out to take the number `display` states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub value: Option<f64>,
    /// Unit of the value: a currency code (`USD`), `percent`, or a counted noun. Leave it
    /// out to take the one `display` names (`$` is `USD`, `%` is `percent`, "1,841 jobs"
    /// counts `jobs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(NOT_BLANK))]
    pub unit: Option<String>,
    /// Multiplier of `value`; left out, the scale word of `display` ("billion"), or `one`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// Text as it appears in the story, e.g. `$17 billion`; linked where it appears.
    #[schemars(pattern(NOT_BLANK))]
    pub display: String,
    /// Whether this is a gain or a loss.
    #[serde(default, skip_serializing_if = "is_default")]
    pub sign: Sign,
    /// How exactly `display` states the value; left out, the one its words give ("over",
    /// "about"…), or `exact`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// What the number measures, e.g. `Nvidia's annual sales to China`.
    pub measures: String,
    /// The entities the figure is about (at least one).
    #[schemars(length(min = 1), inner(pattern(ID_PATTERN)))]
    pub about: Vec<String>,
    /// Period the figure covers or the date it is as of, e.g. `year to date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Where in the story the figure is stated; may be left out when `display` appears in
    /// exactly one paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "objects::optional_object")]
    pub stated_in: Option<PlaceFile>,
    /// The id of an earlier figure this one revises (the charge recorded in May against the
    /// one expected in April). Both stay, linked; neither replaces the other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(ID_PATTERN))]
    pub revises: Option<String>,
}

/// A paragraph of the story: `section` and `paragraph` count from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceFile {
    /// Index of the section.
    pub section: usize,
    /// Index of the paragraph within the section.
    pub paragraph: usize,
}

/// A typed relation `from --type--> to`, with a label for each direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelationFile {
    /// Subject id.
    #[schemars(pattern(ID_PATTERN))]
    pub from: String,
    /// Machine-readable type in snake_case, e.g. `ceo_of`.
    #[serde(rename = "type")]
    #[schemars(pattern(RELATION_TYPE_PATTERN))]
    pub kind: String,
    /// Object id.
    #[schemars(pattern(ID_PATTERN))]
    pub to: String,
    /// Label read from `from` to `to`, e.g. `CEO of`; may be left out for a common type
    /// (`ceo_of`, `maker_of`, `based_in`…), which has standard labels both ways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(NOT_BLANK))]
    pub label: Option<String>,
    /// Label read from `to` back to `from`, e.g. `led by`; may be left out for a common type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(NOT_BLANK))]
    pub inverse: Option<String>,
    /// The paragraph that states the relation, if one does; it must mention both ends.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "objects::optional_object")]
    pub stated_in: Option<PlaceFile>,
}

/// Something that happened, placed on the timeline by `order` (and `date` when known).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventFile {
    /// Position on the timeline, 0 or more; events sort by it.
    pub order: u32,
    /// ISO date (`2025-04-17`) or the source's own words (`Thursday`); empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// What happened, in one sentence.
    #[schemars(pattern(NOT_BLANK))]
    pub text: String,
    /// Entities the event involves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub entities: Vec<String>,
}

/// Common relation types and their labels, read from `from` to `to` and back: part of
/// the format, since a relation of one of these types may leave its labels out.
pub const RELATION_TYPES: &[(&str, &str, &str)] = &[
    ("based_in", "based in", "home of"),
    ("built_from", "built from", "used in"),
    ("capital_of", "capital of", "capital"),
    ("caused", "led to", "caused by"),
    ("ceo_of", "CEO of", "led by"),
    ("chair_of", "chair of", "chaired by"),
    ("customer_of", "customer of", "supplier to"),
    ("founder_of", "founder of", "founded by"),
    ("head_of", "head of", "headed by"),
    ("imposed", "imposed", "imposed by"),
    ("investor_in", "investor in", "backed by"),
    ("located_in", "located in", "location of"),
    ("made_by", "made by", "maker of"),
    ("maker_of", "maker of", "made by"),
    ("market_of", "market for", "sells to"),
    ("member_of", "member of", "includes"),
    ("met", "met", "met"),
    ("owned_by", "owned by", "owner of"),
    ("owner_of", "owner of", "owned by"),
    ("part_of", "part of", "includes"),
    ("partner_of", "partner of", "partner of"),
    ("regulates", "regulates", "regulated by"),
    ("reported", "reported", "reported by"),
    ("restricted_by", "restricted by", "restricts"),
    ("rival_of", "rival of", "rival of"),
    ("subsidiary_of", "subsidiary of", "parent of"),
    ("successor_of", "successor to", "succeeded by"),
    ("supplier_to", "supplier to", "customer of"),
    ("trained_on", "trained on", "used to train"),
    ("uses", "uses", "used by"),
    ("works_for", "works for", "employs"),
];

/// Each enum prints as its file name, so text output and JSON never disagree.
macro_rules! display_as_str {
    ($($name:ty),*) => {$(
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

display_as_str!(Kind, Sign, Qualifier, Scale);

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// The JSON Schema of a briefing file, generated from the types above, with the one rule
/// derive attributes cannot state: a relation of a type without standard labels (see
/// [`RELATION_TYPES`]) must give both.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(BriefingFile);
    let standard: Vec<&str> = RELATION_TYPES.iter().map(|(kind, _, _)| *kind).collect();
    if let Some(relation) =
        schema.as_object_mut().and_then(|s| s.get_mut("$defs")).and_then(|d| d.get_mut("RelationFile"))
    {
        if let Some(relation) = relation.as_object_mut() {
            relation.insert("if".into(), serde_json::json!({"properties": {"type": {"not": {"enum": standard}}}}));
            relation.insert("then".into(), serde_json::json!({"required": ["label", "inverse"]}));
        }
    }
    // Serialising a schema built from plain derive output cannot fail: it is a tree of
    // maps, strings and numbers with string keys.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` and serde spell every variant the same way: one is written by hand, the
    /// other derived, and output mixes the two.
    fn same_as_serde<T: Serialize + std::fmt::Display>(values: &[T]) {
        for value in values {
            assert_eq!(serde_json::to_value(value).unwrap(), serde_json::Value::String(value.to_string()));
        }
    }

    #[test]
    fn names_match_the_file_format() {
        same_as_serde(&Kind::ALL);
        same_as_serde(&[Sign::Positive, Sign::Negative]);
        same_as_serde(&[Qualifier::Exact, Qualifier::About, Qualifier::Over, Qualifier::Under]);
        same_as_serde(&[Scale::One, Scale::Thousand, Scale::Million, Scale::Billion, Scale::Trillion]);
    }
}

//! The JSON shapes of `list --json` and `show --json`. Field names and meanings are part
//! of the command-line interface, documented in `docs/cli-json.md`; change them only
//! together with that page.

use serde::Serialize;

use crate::library::graph;
use crate::library::model::{Briefing, Entity, EntityId, Figure, Library};

/// A briefing in `list --json`.
#[derive(Debug, Serialize)]
pub struct BriefingJson<'a> {
    pub id: &'a str,
    pub headline: &'a str,
    pub dek: &'a str,
    pub publication: &'a str,
    pub source_title: &'a str,
    pub date: &'a str,
    pub sections: usize,
    pub paragraphs: usize,
    pub entities: usize,
}

impl<'a> BriefingJson<'a> {
    /// The JSON view of a briefing.
    pub fn new(b: &'a Briefing) -> Self {
        BriefingJson {
            id: &b.id,
            headline: &b.headline,
            dek: &b.dek,
            publication: &b.source.publication,
            source_title: &b.source.title,
            date: &b.source.date,
            sections: b.sections.len(),
            paragraphs: b.paragraphs.len(),
            entities: b.entities.len(),
        }
    }
}

/// An entity in `list --json`, and the head of a card in `show --json`.
#[derive(Debug, Serialize)]
pub struct EntityJson<'a> {
    pub id: &'a str,
    pub kind: &'static str,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub native_name: Option<&'a str>,
    pub role: &'a str,
    pub summary: &'a str,
    pub facts: Vec<[&'a str; 2]>,
    pub briefings: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<FigureJson<'a>>,
}

/// The data of a figure.
#[derive(Debug, Serialize)]
pub struct FigureJson<'a> {
    pub display: &'a str,
    pub value: f64,
    pub unit: &'a str,
    pub scale: &'static str,
    pub sign: &'static str,
    pub qualifier: &'static str,
    /// `value` times the scale, negative for a loss.
    pub signed_value: f64,
    pub measures: &'a str,
    pub about: Vec<&'a str>,
    pub period: Option<&'a str>,
    pub briefing: &'a str,
    pub section: usize,
    pub paragraph: usize,
    /// The story sentence that states it.
    pub sentence: &'a str,
}

impl<'a> EntityJson<'a> {
    /// The JSON view of an entity.
    pub fn new(library: &'a Library, id: EntityId) -> Self {
        let e: &'a Entity = library.entity(id);
        EntityJson {
            id: &e.id,
            kind: e.kind.as_str(),
            name: &e.name,
            aliases: &e.aliases,
            native_name: e.native_name.as_deref(),
            role: &e.role,
            summary: &e.summary,
            facts: e.facts.iter().map(|f| [f.label.as_str(), f.value.as_str()]).collect(),
            briefings: e.briefings.iter().map(|&b| library.briefing(b).id.as_str()).collect(),
            figure: e.figure.as_ref().map(|f| FigureJson::new(library, &e.name, f)),
        }
    }
}

impl<'a> FigureJson<'a> {
    fn new(library: &'a Library, display: &'a str, f: &'a Figure) -> Self {
        let briefing = library.briefing(f.briefing);
        let (section, paragraph) = briefing.place(f.paragraph);
        let range = briefing.find_in(f.paragraph, display).unwrap_or(0..0);
        FigureJson {
            display,
            value: f.value,
            unit: &f.unit,
            scale: json_name(&f.scale),
            sign: json_name(&f.sign),
            qualifier: json_name(&f.qualifier),
            signed_value: f.signed_value(),
            measures: &f.measures,
            about: f.about.iter().map(|&a| library.entity(a).id.as_str()).collect(),
            period: f.period.as_deref(),
            briefing: &briefing.id,
            section,
            paragraph,
            sentence: briefing.sentence(f.paragraph, range),
        }
    }
}

/// A relation on a card, read from the card's entity outwards.
#[derive(Debug, Serialize)]
pub struct RelationJson<'a> {
    /// `out` when the card's entity is the subject, `in` when it is the object.
    pub direction: &'static str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub label: &'a str,
    pub id: &'a str,
    pub name: &'a str,
}

/// A mention on a card.
#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    pub briefing: &'a str,
    pub section: usize,
    pub paragraph: usize,
    /// Byte offsets of the mention in the paragraph text.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub sentence: &'a str,
}

/// A timeline event on a card.
#[derive(Debug, Serialize)]
pub struct EventJson<'a> {
    pub briefing: &'a str,
    pub order: u32,
    pub date: &'a str,
    pub text: &'a str,
}

/// The whole card of `show --json`.
#[derive(Debug, Serialize)]
pub struct CardJson<'a> {
    #[serde(flatten)]
    pub entity: EntityJson<'a>,
    pub relations: Vec<RelationJson<'a>>,
    pub figures: Vec<&'a str>,
    pub mentions: Vec<MentionJson<'a>>,
    pub events: Vec<EventJson<'a>>,
}

impl<'a> CardJson<'a> {
    /// The JSON view of an entity's card.
    pub fn new(library: &'a Library, id: EntityId) -> Self {
        let relations = graph::neighbours(library, id)
            .into_iter()
            .map(|step| {
                let other = library.entity(step.target());
                RelationJson {
                    direction: if step.reversed { "in" } else { "out" },
                    kind: &step.relation.kind,
                    label: step.label(),
                    id: &other.id,
                    name: &other.name,
                }
            })
            .collect();
        let mentions = library
            .mentions_of(id)
            .into_iter()
            .map(|(b, m)| {
                let briefing = library.briefing(b);
                let (section, paragraph) = briefing.place(m.paragraph);
                MentionJson {
                    briefing: &briefing.id,
                    section,
                    paragraph,
                    start: m.range.start,
                    end: m.range.end,
                    text: &briefing.paragraphs[m.paragraph].text[m.range.clone()],
                    sentence: briefing.sentence(m.paragraph, m.range.clone()),
                }
            })
            .collect();
        let events = library
            .events_of(id)
            .map(|(b, e)| EventJson { briefing: &library.briefing(b).id, order: e.order, date: &e.date, text: &e.text })
            .collect();
        CardJson {
            entity: EntityJson::new(library, id),
            relations,
            figures: library.figures_about(id).iter().map(|&f| library.entity(f).id.as_str()).collect(),
            mentions,
            events,
        }
    }
}

/// The lowercase name serde gives a unit enum variant.
fn json_name<T: Serialize>(value: &T) -> &'static str {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => match s.as_str() {
            "one" => "one",
            "thousand" => "thousand",
            "million" => "million",
            "billion" => "billion",
            "trillion" => "trillion",
            "positive" => "positive",
            "negative" => "negative",
            "exact" => "exact",
            "about" => "about",
            "over" => "over",
            "under" => "under",
            _ => "",
        },
        _ => "",
    }
}

//! The card of an entity, built once from the library: who or what it is, then everything
//! it connects to. `briefing show` prints it, `show --json` serialises it (the shape is
//! documented in `docs/cli-json.md`) and the reader lays it out, so the three cannot drift.
//!
//! Everything is borrowed from the library. Each reference keeps both the library's index,
//! for a consumer to follow, and the string id, which is what the JSON names.

use serde::{Serialize, Serializer};
use std::borrow::Cow;

use super::graph;
use super::model::{
    Briefing, BriefingId, Entity, EntityId, Event, Figure, Kind, Qualifier, RelationSource, Scale, Sign, Source,
};
use super::store::Library;

/// An entity a card points at; serialises as its string id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntityRef<'l> {
    /// Where it is in the library.
    pub entity: EntityId,
    /// Its id as written in the files.
    pub id: &'l str,
    /// What it is.
    pub kind: Kind,
    /// Its name.
    pub name: &'l str,
    /// What it is or does (for a figure, what it measures).
    pub role: &'l str,
}

impl<'l> EntityRef<'l> {
    fn new(library: &'l Library, entity: EntityId) -> Self {
        let e = library.entity(entity);
        EntityRef { entity, id: &e.id, kind: e.kind, name: &e.name, role: &e.role }
    }
}

impl Serialize for EntityRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id)
    }
}

/// A briefing a card points at; serialises as its string id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BriefingRef<'l> {
    /// Where it is in the library.
    pub briefing: BriefingId,
    /// Its id as written in the files.
    pub id: &'l str,
    /// Its headline.
    pub headline: &'l str,
    /// The day it reports (ISO), when known.
    pub date: Option<&'l str>,
    /// Where its story comes from.
    pub source: &'l Source,
}

impl<'l> BriefingRef<'l> {
    fn new(library: &'l Library, briefing: BriefingId) -> Self {
        let b = library.briefing(briefing);
        BriefingRef { briefing, id: &b.id, headline: &b.headline, date: b.date.as_deref(), source: &b.source }
    }
}

/// The source of one of the briefings an entity appears in, for the card's JSON.
#[derive(Debug, Clone, Serialize)]
pub struct SourceLine<'l> {
    /// The briefing, by id.
    pub briefing: &'l str,
    /// The publication.
    pub publication: &'l str,
    /// The title of the source piece.
    pub title: &'l str,
    /// Its date as the source prints it.
    pub date: &'l str,
    /// Its address, when the file gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'l str>,
}

impl<'l> SourceLine<'l> {
    fn new(b: &BriefingRef<'l>) -> Self {
        let s = b.source;
        SourceLine {
            briefing: b.id,
            publication: &s.publication,
            title: &s.title,
            date: &s.date,
            url: s.url.as_deref(),
        }
    }
}

/// How people number a paragraph: "§2 ¶3", sections and paragraphs counted from 1 (the
/// files and the JSON count from 0).
pub fn place_label(section: usize, paragraph: usize) -> String {
    format!("§{} ¶{}", section + 1, paragraph + 1)
}

impl Serialize for BriefingRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id)
    }
}

/// Who or what an entity is: the head of its card, and one entry of `list --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Head<'l> {
    /// Id as written in the files.
    pub id: &'l str,
    /// What it is.
    pub kind: Kind,
    /// Display name; a figure's display text.
    pub name: &'l str,
    /// Other names it is mentioned by.
    pub aliases: &'l [String],
    /// Name in its native script.
    pub native_name: Option<&'l str>,
    /// One line: what it is or does.
    pub role: &'l str,
    /// Background.
    pub summary: &'l str,
    /// Labelled facts as (label, value): a JSON `[label, value]` pair.
    pub facts: Vec<(&'l str, &'l str)>,
    /// Briefings that declare it or pin a mention to it: its backlinks.
    pub briefings: Vec<BriefingRef<'l>>,
    /// A figure's data; only for kind `figure`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<FigureData<'l>>,
}

impl<'l> Head<'l> {
    /// The head of `id`'s card.
    pub fn new(library: &'l Library, id: EntityId) -> Self {
        let e: &'l Entity = library.entity(id);
        Head {
            id: &e.id,
            kind: e.kind,
            name: &e.name,
            aliases: &e.aliases,
            native_name: e.native_name.as_deref(),
            role: &e.role,
            summary: &e.summary,
            facts: e.facts.iter().map(|f| (f.label.as_str(), f.value.as_str())).collect(),
            briefings: e.briefings.iter().map(|&b| BriefingRef::new(library, b)).collect(),
            figure: e.figure.as_ref().map(|f| FigureData::new(library, &e.name, f)),
        }
    }
}

/// A figure as data, with the sentence that states it.
#[derive(Debug, Clone, Serialize)]
pub struct FigureData<'l> {
    /// As the story writes it.
    pub display: &'l str,
    /// Magnitude as written, in `scale` units.
    pub value: f64,
    /// Currency code, `percent` or a counted noun.
    pub unit: &'l str,
    /// Multiplier of `value`.
    pub scale: Scale,
    /// Gain or loss.
    pub sign: Sign,
    /// Exact, about, over or under.
    pub qualifier: Qualifier,
    /// `value` times the scale, negative for a loss.
    pub signed_value: f64,
    /// What the number measures.
    pub measures: &'l str,
    /// The entities it is about.
    pub about: Vec<EntityRef<'l>>,
    /// Period covered or as-of date.
    pub period: Option<&'l str>,
    /// The briefing that states it.
    pub briefing: BriefingRef<'l>,
    /// Section of the paragraph that states it, from 0.
    pub section: usize,
    /// That paragraph within its section, from 0.
    pub paragraph: usize,
    /// The sentence that states it.
    pub sentence: Cow<'l, str>,
}

impl<'l> FigureData<'l> {
    fn new(library: &'l Library, display: &'l str, f: &'l Figure) -> Self {
        let briefing: &'l Briefing = library.briefing(f.briefing);
        let (section, paragraph) = briefing.place(f.paragraph);
        let range = briefing.find_in(f.paragraph, display).unwrap_or(0..0);
        FigureData {
            display,
            value: f.value,
            unit: &f.unit,
            scale: f.scale,
            sign: f.sign,
            qualifier: f.qualifier,
            signed_value: f.signed_value(),
            measures: &f.measures,
            about: f.about.iter().map(|&a| EntityRef::new(library, a)).collect(),
            period: f.period.as_deref(),
            briefing: BriefingRef::new(library, f.briefing),
            section,
            paragraph,
            sentence: briefing.sentence(f.paragraph, range),
        }
    }

    /// How the figure reads in full: "over 40 percent", "−5.5 billion USD".
    pub fn describe(&self) -> String {
        let qualifier = match self.qualifier {
            Qualifier::Exact => String::new(),
            q => format!("{q} "),
        };
        let sign = match self.sign {
            Sign::Positive => "",
            Sign::Negative => "−",
        };
        let scale = match self.scale {
            Scale::One => String::new(),
            s => format!(" {s}"),
        };
        format!("{qualifier}{sign}{}{scale} {}", self.value, self.unit)
    }
}

/// Which way a relation reads from the card's entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The card's entity is the subject.
    Out,
    /// The card's entity is the object.
    In,
}

/// A relation read from the card's entity outwards.
#[derive(Debug, Clone)]
pub struct Related<'l> {
    /// Which way it reads.
    pub direction: Direction,
    /// Machine-readable type.
    pub kind: &'l str,
    /// The label for that direction.
    pub label: &'l str,
    /// The entity at the other end.
    pub other: EntityRef<'l>,
    /// Every briefing that states it, with the paragraph where the author named one.
    pub stated_by: Vec<Stated<'l>>,
}

/// Where a relation is stated.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Stated<'l> {
    /// The briefing.
    pub briefing: BriefingRef<'l>,
    /// Section of the paragraph that states it, from 0, when the author named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<usize>,
    /// That paragraph within its section, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
}

/// A figure about the entity, with when and where it was stated.
#[derive(Debug, Clone, Serialize)]
pub struct FigureLine<'l> {
    /// The figure.
    #[serde(rename = "id")]
    pub figure: EntityRef<'l>,
    /// Its display text.
    pub display: &'l str,
    /// What it measures.
    pub measures: &'l str,
    /// Period covered or as-of date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<&'l str>,
    /// The briefing that states it.
    pub briefing: BriefingRef<'l>,
    /// That briefing's date (ISO), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'l str>,
    /// The earlier figure it revises.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revises: Option<EntityRef<'l>>,
}

impl Serialize for Related<'_> {
    /// The JSON names the other end by id and name, beside the relation's own fields.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            direction: Direction,
            #[serde(rename = "type")]
            kind: &'a str,
            label: &'a str,
            id: &'a str,
            name: &'a str,
            stated_by: &'a [Stated<'a>],
        }
        let json = Json {
            direction: self.direction,
            kind: self.kind,
            label: self.label,
            id: self.other.id,
            name: self.other.name,
            stated_by: &self.stated_by,
        };
        json.serialize(serializer)
    }
}

/// One mention of the entity in a story.
#[derive(Debug, Clone, Serialize)]
pub struct MentionLine<'l> {
    /// The briefing it is in.
    pub briefing: BriefingRef<'l>,
    /// Its index among that briefing's mentions: the story link to follow.
    #[serde(skip)]
    pub link: usize,
    /// Section of the paragraph, from 0.
    pub section: usize,
    /// The paragraph within its section, from 0.
    pub paragraph: usize,
    /// Byte offset of the mention in the paragraph text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The mention as written.
    pub text: &'l str,
    /// The sentence around it.
    pub sentence: Cow<'l, str>,
}

/// A timeline event.
#[derive(Debug, Clone, Serialize)]
pub struct EventLine<'l> {
    /// The briefing it is in.
    pub briefing: BriefingRef<'l>,
    /// Position on that briefing's timeline.
    pub order: u32,
    /// ISO date or the source's words; empty when unknown.
    pub date: &'l str,
    /// What happened.
    pub text: &'l str,
    /// Who and what it involves.
    #[serde(skip)]
    pub entities: &'l [EntityId],
}

impl<'l> EventLine<'l> {
    /// Where it is placed in time, as an ISO prefix that sorts as text: its own ISO date;
    /// else a month or year its words name ("September 2024" is `2024-09`, "2024" is
    /// `2024`); else its briefing's day.
    pub fn sort_date(&self) -> Option<String> {
        let own = (self.date.len() == 10 && self.date.as_bytes()[4] == b'-').then(|| self.date.to_string());
        own.or_else(|| month_or_year(self.date)).or_else(|| self.briefing.date.map(str::to_string))
    }

    /// How its date reads: as written, or its place in its briefing's timeline ("#2").
    pub fn date_label(&self) -> String {
        if self.date.is_empty() { format!("#{}", self.order) } else { self.date.to_string() }
    }
}

/// Everything the library knows about one entity.
#[derive(Debug, Clone, Serialize)]
pub struct Card<'l> {
    /// The entity.
    #[serde(skip)]
    pub entity: EntityId,
    /// Who or what it is.
    #[serde(flatten)]
    pub head: Head<'l>,
    /// For a figure: its first mention in the briefing that states it, the link a reader
    /// follows to see it stated; `None` when that briefing never links it.
    #[serde(skip)]
    pub stated_link: Option<usize>,
    /// Relations both ways: as subject first, then as object, each in file order.
    pub relations: Vec<Related<'l>>,
    /// Figures about it, across briefings, oldest first (undated last).
    pub figures: Vec<FigureLine<'l>>,
    /// Every mention, briefing by briefing (newest briefing first), in reading order.
    pub mentions: Vec<MentionLine<'l>>,
    /// Events that involve it, across briefings, in date order (see [`timeline`]).
    pub events: Vec<EventLine<'l>>,
    /// The sources of the briefings it appears in, in the order of `briefings`.
    pub sources: Vec<SourceLine<'l>>,
}

impl<'l> Card<'l> {
    /// The card of `id`. Links the briefings it is mentioned in, if not yet linked.
    pub fn new(library: &'l Library, id: EntityId) -> Self {
        let head = Head::new(library, id);
        let stated_link = library
            .entity(id)
            .figure
            .as_ref()
            .and_then(|f| library.mentions(f.briefing).iter().position(|m| m.entity == id));
        let sources = head.briefings.iter().map(SourceLine::new).collect();
        Card {
            entity: id,
            sources,
            head,
            stated_link,
            relations: relations(library, id),
            figures: figures(library, id),
            mentions: mentions(library, id),
            events: timeline(library, library.events_of(id)),
        }
    }
}

/// The ISO month or year a date in words names: "September 2024", "Sept. 2024", "2024".
fn month_or_year(words: &str) -> Option<String> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let parts: Vec<&str> = words.split_whitespace().collect();
    let year = |w: &str| (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.to_string());
    match parts.as_slice() {
        [y] => year(y),
        [m, y] => {
            let m = m.to_lowercase();
            let month = MONTHS.iter().position(|p| m.starts_with(p))?;
            year(y).map(|y| format!("{y}-{:02}", month + 1))
        }
        _ => None,
    }
}

/// Events in the order they happened: by ISO date where the event has one, or the month or
/// year its words name, otherwise by its briefing's day; then by briefing and its own
/// order. Events with none of these go last, each briefing's in its own order.
pub fn timeline<'l>(library: &'l Library, events: impl Iterator<Item = (BriefingId, &'l Event)>) -> Vec<EventLine<'l>> {
    let mut lines: Vec<EventLine<'l>> = events
        .map(|(b, e)| EventLine {
            briefing: BriefingRef::new(library, b),
            order: e.order,
            date: &e.date,
            text: &e.text,
            entities: &e.entities,
        })
        .collect();
    lines.sort_by(|x, y| {
        let key = |l: &EventLine<'l>| (l.sort_date().is_none(), l.sort_date(), l.briefing.briefing, l.order);
        key(x).cmp(&key(y))
    });
    lines
}

fn figures(library: &Library, id: EntityId) -> Vec<FigureLine<'_>> {
    let mut lines: Vec<FigureLine<'_>> = library
        .figures_about(id)
        .iter()
        .filter_map(|&f| {
            let e = library.entity(f);
            let data = e.figure.as_ref()?;
            let briefing = BriefingRef::new(library, data.briefing);
            Some(FigureLine {
                figure: EntityRef::new(library, f),
                display: &e.name,
                measures: &data.measures,
                period: data.period.as_deref(),
                briefing,
                date: briefing.date,
                revises: data.revises.map(|r| EntityRef::new(library, r)),
            })
        })
        .collect();
    lines.sort_by_key(|l| (l.date.is_none(), l.date, l.briefing.briefing));
    lines
}

fn relations(library: &Library, id: EntityId) -> Vec<Related<'_>> {
    graph::neighbours(library, id)
        .into_iter()
        .map(|step| Related {
            direction: if step.reversed { Direction::In } else { Direction::Out },
            kind: &step.relation.kind,
            label: step.label(),
            other: EntityRef::new(library, step.target()),
            stated_by: step.relation.sources.iter().map(|s| stated(library, s)).collect(),
        })
        .collect()
}

fn stated<'l>(library: &'l Library, source: &RelationSource) -> Stated<'l> {
    let place = source.paragraph.map(|p| library.briefing(source.briefing).place(p));
    Stated {
        briefing: BriefingRef::new(library, source.briefing),
        section: place.map(|p| p.0),
        paragraph: place.map(|p| p.1),
    }
}

fn mentions(library: &Library, id: EntityId) -> Vec<MentionLine<'_>> {
    let mut lines = Vec::new();
    let backlinks = &library.entity(id).briefings;
    for b in library.newest_first_of(backlinks.iter().copied()) {
        let briefing = library.briefing(b);
        for (link, m) in library.mentions(b).iter().enumerate().filter(|(_, m)| m.entity == id) {
            let (section, paragraph) = briefing.place(m.paragraph);
            lines.push(MentionLine {
                briefing: BriefingRef::new(library, b),
                link,
                section,
                paragraph,
                start: m.range.start,
                end: m.range.end,
                text: &briefing.paragraphs[m.paragraph].text[m.range.clone()],
                sentence: briefing.sentence(m.paragraph, m.range.clone()),
            });
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    #[test]
    fn a_figure_reads_in_full() {
        let library = bundled::load(Default::default()).unwrap().library;
        let charge = library.entity_by_id("nvidia-h20-charge").unwrap();
        let card = Card::new(&library, charge);
        assert_eq!(card.head.figure.unwrap().describe(), "−5.5 billion USD");
        assert!(card.stated_link.is_some());
    }

    #[test]
    fn mention_links_lead_to_the_entity() {
        let library = bundled::load(Default::default()).unwrap().library;
        let huang = library.entity_by_id("jensen-huang").unwrap();
        let card = Card::new(&library, huang);
        assert!(!card.mentions.is_empty());
        for m in &card.mentions {
            let mention = &library.mentions(m.briefing.briefing)[m.link];
            assert_eq!(mention.entity, huang);
            assert_eq!(
                m.text,
                &library.briefing(m.briefing.briefing).paragraphs[mention.paragraph].text[m.start..m.end]
            );
        }
    }

    #[test]
    fn dates_in_words_sort_by_the_month_or_year_they_name() {
        assert_eq!(month_or_year("September 2024").as_deref(), Some("2024-09"));
        assert_eq!(month_or_year("2024").as_deref(), Some("2024"));
        assert_eq!(month_or_year("Tuesday"), None);
        assert!(month_or_year("September 2024") < Some("2025-01-10".to_string()));
        let library = bundled::load(Default::default()).unwrap().library;
        let nvidia = library.entity_by_id("nvidia").unwrap();
        let keys: Vec<Option<String>> = Card::new(&library, nvidia).events.iter().map(EventLine::sort_date).collect();
        let dated: Vec<&String> = keys.iter().flatten().collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "in date order: {dated:?}");
    }
}

//! The JSON shape of `list --json` for briefings. Entities and cards are serialised from
//! the domain's [`card`](crate::library::card) types. Field names and meanings are part of
//! the command-line interface, documented in `docs/cli-json.md`; change them only together
//! with that page.

use serde::Serialize;

use crate::library::model::Briefing;

/// A briefing in `list --json`.
#[derive(Debug, Serialize)]
pub struct BriefingJson<'a> {
    /// The briefing's id.
    pub id: &'a str,
    /// The day the story reports, ISO, when the briefing gives it.
    pub day: Option<&'a str>,
    /// Its headline.
    pub headline: &'a str,
    /// Its standfirst.
    pub dek: &'a str,
    /// The source's publication.
    pub publication: &'a str,
    /// The source piece's title.
    pub source_title: &'a str,
    /// The source's date, as written.
    pub date: &'a str,
    /// How many sections the story has.
    pub sections: usize,
    /// How many paragraphs.
    pub paragraphs: usize,
    /// How many entities it declares.
    pub entities: usize,
}

impl<'a> BriefingJson<'a> {
    /// The JSON view of a briefing.
    pub fn new(b: &'a Briefing) -> Self {
        BriefingJson {
            id: &b.id,
            day: b.date.as_deref(),
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

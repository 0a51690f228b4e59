//! The JSON shape of `list --json` for briefings. Entities and cards are serialised from
//! the domain's [`card`](crate::library::card) types. Field names and meanings are part of
//! the command-line interface, documented in `docs/cli-json.md`; change them only together
//! with that page.

use serde::Serialize;

use crate::library::model::Briefing;

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

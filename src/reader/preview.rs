//! What the search box previews for a result: an entity's card, the paragraph a sentence
//! stands in (under its briefing's headline and section heading), or a briefing's story.

use super::card::card_doc;
use super::doc::{Doc, DocBuilder, Tone};
use super::story::{Header, story_doc};
use crate::library::{BriefingId, Library};
use crate::search::Destination;

/// Lays out the preview of `destination` at `width`.
pub fn preview_doc(library: &Library, destination: &Destination, width: usize) -> Doc {
    match destination {
        Destination::Entity(id) => card_doc(library, *id, width, None),
        Destination::Sentence(b, p, _) => paragraph_doc(library, *b, *p, width),
        Destination::Briefing(b) => story_doc(library, *b, width, "", Header::Full),
    }
}

fn paragraph_doc(library: &Library, briefing: BriefingId, paragraph: usize, width: usize) -> Doc {
    let b = library.briefing(briefing);
    let mut doc = DocBuilder::new(width);
    doc.text(&b.headline, Tone::Meta).blank();
    let section = &b.sections[b.paragraphs[paragraph].section];
    if !section.heading.is_empty() {
        doc.text(&section.heading, Tone::Heading).blank();
    }
    doc.text(&b.paragraphs[paragraph].text, Tone::Body);
    doc.finish()
}
